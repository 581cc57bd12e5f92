//! Rendering of diagnostics for people (source excerpt, caret, hint) and for machines (JSON).
//!
//! annotate-snippets is the renderer rustc uses: it gives the familiar `-->` excerpt with the span
//! underlined, so we do not hand-roll column arithmetic for multi-byte text.

use std::collections::HashMap;
use std::fmt::Write;

use annotate_snippets::{Level, Renderer, Snippet};
use peps_engine::diagnostic::{Diagnostic, Location, Severity, SourceFile};
use peps_engine::message::Message;
use peps_engine::msg;

/// Texts of the files diagnostics may point into, by the path they are shown with.
#[derive(Default)]
pub struct Sources {
    files: HashMap<String, String>,
}

impl Sources {
    pub fn add(&mut self, files: &[SourceFile]) {
        for f in files {
            self.files.insert(f.path.clone(), f.text.clone());
        }
    }
}

/// Renders diagnostics as text, followed by a count line. An error that follows from another
/// one shown (a name left undefined by a file that did not parse) is not shown on its own: the
/// error it follows from says how many follow and which names they are about.
pub fn render_text(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    // Each error that follows from another is shown under the first diagnostic at that place.
    let root_of = |d: &Diagnostic| -> Option<usize> {
        let at = d.follows()?;
        diags.iter().position(|r| r.follows().is_none() && r.location.as_ref() == Some(at))
    };
    let roots: Vec<Option<usize>> = diags.iter().map(root_of).collect();
    let hidden = roots.iter().filter(|r| r.is_some()).count();
    for (i, d) in diags.iter().enumerate() {
        if roots[i].is_some() {
            continue;
        }
        let followers: Vec<&Diagnostic> = diags.iter().zip(&roots).filter(|(_, r)| **r == Some(i)).map(|(f, _)| f).collect();
        let note = follow_note(&followers).map(|n| n.to_string());
        let level = match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let id = format!("{} {}", d.code.as_str(), d.code.name());
        let text = d.message.to_string();
        let hint = d.hint.as_ref().map(ToString::to_string);
        let mut message = level.title(&text).id(&id);
        let located;
        match &d.location {
            Some(Location::Source { file, span, .. }) if sources.files.contains_key(file) => {
                let text = &sources.files[file];
                let span = clamp(text, span.clone());
                message = message.snippet(Snippet::source(text).origin(file).fold(true).annotation(level.span(span)));
            }
            Some(loc) => {
                located = msg!("cli-report-at", location = loc.to_string()).to_string();
                message = message.footer(Level::Note.title(&located));
            }
            None => {}
        }
        if let Some(h) = &hint {
            message = message.footer(Level::Help.title(h));
        }
        if let Some(n) = &note {
            message = message.footer(Level::Note.title(n));
        }
        let _ = writeln!(out, "{}\n", renderer.render(message));
    }
    let shown: Vec<&Diagnostic> = diags.iter().zip(&roots).filter(|(_, r)| r.is_none()).map(|(d, _)| d).collect();
    let errors = shown.iter().filter(|d| d.is_error()).count();
    let warnings = shown.len() - errors;
    if !diags.is_empty() {
        let count = if hidden > 0 {
            msg!("cli-report-count-hidden", errors = errors, warnings = warnings, hidden = hidden)
        } else {
            msg!("cli-report-count", errors = errors, warnings = warnings)
        };
        let _ = writeln!(out, "{count}");
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
