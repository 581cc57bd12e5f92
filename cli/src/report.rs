//! Rendering of diagnostics for people (source excerpt, caret, hint) and for machines (JSON).
//!
//! annotate-snippets is the renderer rustc uses: it gives the familiar `-->` excerpt with the span
//! underlined, so we do not hand-roll column arithmetic for multi-byte text.
//!
//! Rendering is linear in the number of diagnostics: each file's text is held once (shared, never
//! copied per diagnostic), each excerpt is cut from the lines of its span, and at most
//! [`SHOWN_PER_CODE`] diagnostics of one code are written out, the others counted under them
//! ("… and 9 980 more R101"). JSON reports keep every diagnostic (`rules check --format json`): a program reads them all.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use peps_engine::diagnostic::{Code, Diagnostic, Location, Severity, SourceFile};
use peps_engine::message::{Lang, Message};
use peps_engine::msg;

use crate::language::Say;

/// How many diagnostics of one code the text rendering writes out; the others are counted.
pub const SHOWN_PER_CODE: usize = 20;

/// Texts of the files diagnostics may point into, by the path they are shown with: each file
/// once, shared by every diagnostic that points into it.
#[derive(Default)]
pub struct Sources {
    files: HashMap<String, Arc<str>>,
}

impl Sources {
    /// Adds the files not held yet (a file is read once, whatever number of diagnostics it has).
    pub fn add(&mut self, files: &[SourceFile]) {
        for f in files {
            if !self.files.contains_key(&f.path) {
                self.files.insert(f.path.clone(), Arc::from(f.text.as_str()));
            }
        }
    }

    /// Adds the files of `other` not held yet.
    pub fn merge(&mut self, other: Sources) {
        for (path, text) in other.files {
            self.files.entry(path).or_insert(text);
        }
    }

    /// Whether the text of `path` is held.
    pub fn has(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }
}

/// Renders diagnostics as text, followed by a count line. An error that follows from another
/// one shown (a name left undefined by a file that did not parse) is not shown on its own: the
/// error it follows from says how many follow and which names they are about.
pub fn render_text(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let words = LevelWords::new();
    let mut out = String::new();
    // Each error that follows from another is shown under the first diagnostic at that place.
    let mut first_at: HashMap<&Location, usize> = HashMap::new();
    for (i, d) in diags.iter().enumerate() {
        if d.follows().is_none()
            && let Some(at) = &d.location
        {
            first_at.entry(at).or_insert(i);
        }
    }
    let roots: Vec<Option<usize>> = diags.iter().map(|d| d.follows().and_then(|at| first_at.get(at).copied())).collect();
    let mut followers: HashMap<usize, Vec<&Diagnostic>> = HashMap::new();
    for (d, root) in diags.iter().zip(&roots) {
        if let Some(r) = root {
            followers.entry(*r).or_default().push(d);
        }
    }
    let hidden = roots.iter().filter(|r| r.is_some()).count();
    // Per code: how many were written out, and the codes with more, in the order first met.
    let mut shown_of: HashMap<peps_engine::diagnostic::Code, usize> = HashMap::new();
    let mut more: Vec<(peps_engine::diagnostic::Code, usize)> = Vec::new();
    for (i, d) in diags.iter().enumerate() {
        if roots[i].is_some() {
            continue;
        }
        let shown = shown_of.entry(d.code).or_default();
        if *shown >= SHOWN_PER_CODE {
            match more.iter_mut().find(|(c, _)| *c == d.code) {
                Some((_, n)) => *n += 1,
                None => more.push((d.code, 1)),
            }
            continue;
        }
        *shown += 1;
        let note = followers.get(&i).and_then(|f| follow_note(f)).map(|n| n.say());
        let level = match d.severity {
            Severity::Error => Level::ERROR.with_name(words.error.as_str()),
            Severity::Warning => Level::WARNING.with_name(words.warning.as_str()),
            Severity::Note => Level::NOTE.with_name(words.information.as_str()),
        };
        let id = code_id(d.code);
        let text = d.message.say();
        let hint = d.hint.as_ref().map(Say::say);
        let mut message = Group::with_title(level.primary_title(&text).id(&id));
        let located;
        let mut excerpt_shown = false;
        match &d.location {
            Some(Location::Source { file, span, .. }) if sources.files.contains_key(file) => {
                let text = &sources.files[file];
                let mut span = clamp(text, span.clone());
                // A span on a line's end (`\n`) points at that end, not into the next line.
                if text[span.clone()].ends_with('\n') {
                    span.end -= 1;
                }
                // The lines of the span only, numbered where they are: the excerpt costs its
                // own length, not the file's.
                let (from, to, line) = lines_of(text, &span);
                let excerpt = &text[from..to];
                let span = span.start - from..span.end - from;
                excerpt_shown = true;
                message = message.element(
                    Snippet::source(excerpt).line_start(line).path(file.as_str()).fold(true).annotation(AnnotationKind::Primary.span(span)),
                );
            }
            Some(loc) => {
                located = msg!("cli-report-at", location = loc.to_string()).say();
                message = message.element(Level::NOTE.with_name(words.note.as_str()).message(&located));
            }
            None => {}
        }
        if let Some(h) = &hint {
            message = message.element(Level::HELP.with_name(words.help.as_str()).message(h));
        }
        if let Some(n) = &note {
            message = message.element(Level::NOTE.with_name(words.note.as_str()).message(n));
        }
        let rendered = renderer.render(&[message]);
        let _ = writeln!(out, "{}\n", if excerpt_shown { rendered } else { without_gutter(&rendered) });
    }
    for (code, n) in more {
        let _ = writeln!(out, "{}\n", msg!("cli-report-more-of-code", count = n, code = code_id(code), shown = SHOWN_PER_CODE).say());
    }
    let shown: Vec<&Diagnostic> = diags.iter().zip(&roots).filter(|(_, r)| r.is_none()).map(|(d, _)| d).collect();
    let errors = shown.iter().filter(|d| d.is_error()).count();
    let notes = shown.iter().filter(|d| d.severity == Severity::Note).count();
    let warnings = shown.len() - errors - notes;
    if !diags.is_empty() {
        let count = if hidden > 0 {
            msg!("cli-report-count-hidden", errors = errors, warnings = warnings, hidden = hidden)
        } else {
            msg!("cli-report-count", errors = errors, warnings = warnings)
        };
        // Information is counted apart: it asks nothing of the reader.
        let count = if notes > 0 { msg!("cli-report-count-notes", count = count, notes = notes) } else { count };
        let _ = writeln!(out, "{count}", count = count.say());
    }
    out
}

/// What the errors that follow from one are about, under it.
fn follow_note(followers: &[&Diagnostic]) -> Option<Message> {
    if followers.is_empty() {
        return None;
    }
    let mut names: Vec<&str> = Vec::new();
    for f in followers {
        if let Some(n) = f.undefined_name()
            && !names.contains(&n)
        {
            names.push(n);
        }
    }
    let n = followers.len();
    const SHOWN: usize = 6;
    if names.is_empty() {
        return Some(msg!("cli-report-follow", count = n));
    }
    let listed: Vec<String> = names.iter().take(SHOWN).map(|n| format!("`{n}`")).collect();
    let more = names.len().saturating_sub(SHOWN);
    let listed = listed.join(", ");
    let names = if more > 0 { msg!("cli-report-more-names", names = listed, more = more) } else { Message::text(listed) };
    Some(msg!("cli-report-follow-names", count = n, names = names))
}

/// The byte range of the whole lines `span` covers in `text`, and the number of the first.
fn lines_of(text: &str, span: &std::ops::Range<usize>) -> (usize, usize, usize) {
    let from = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let to = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    let line = text.as_bytes()[..from].iter().filter(|&&b| b == b'\n').count() + 1;
    (from, to, line)
}

/// A span that lies on character boundaries of `text` and covers at least one character.
fn clamp(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = span.start.min(text.len());
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.max(start).min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    if end == start && end < text.len() {
        end += text[end..].chars().next().map_or(0, char::len_utf8);
    }
    start..end
}

/// A diagnostic without an excerpt without the empty gutter line (` |`) annotate-snippets draws
/// between its title and its notes: the title and the notes stay together, as a pipe has always
/// shown them.
fn without_gutter(rendered: &str) -> String {
    let mut lines = rendered.lines();
    let title = lines.next().unwrap_or_default();
    let rest: Vec<&str> = lines.collect();
    let gutter = rest.first().is_some_and(|l| plain(l).trim() == "|");
    let kept = if gutter { &rest[1..] } else { &rest[..] };
    std::iter::once(title).chain(kept.iter().copied()).collect::<Vec<_>>().join("\n")
}

/// `line` without its colour escapes (`ESC [ … m`).
fn plain(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The level words of the run's language (`erreur`, `avertissement`, `aide`, `note`), given
/// to annotate-snippets as the levels' names: the same words on a terminal, in colour, and in a
/// pipe.
struct LevelWords {
    error: String,
    warning: String,
    information: String,
    help: String,
    note: String,
}

impl LevelWords {
    fn new() -> LevelWords {
        LevelWords {
            error: msg!("report-level-error").say(),
            warning: msg!("report-level-warning").say(),
            information: msg!("report-level-information").say(),
            help: msg!("report-level-help").say(),
            note: msg!("report-level-note").say(),
        }
    }
}

/// A diagnostic code as people read it: the code alone in French (`V433`), the code and its
/// English slug in English (`V433 unknown-reference`); JSON keeps both fields whatever the
/// language.
pub fn code_id(code: Code) -> String {
    match crate::language::lang() {
        Lang::Fr => code.as_str().to_string(),
        Lang::En => format!("{} {}", code.as_str(), code.name()),
    }
}
