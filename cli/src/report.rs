//! Rendering of diagnostics for people (source excerpt, caret, hint) and for machines (JSON).
//!
//! annotate-snippets is the renderer rustc uses: it gives the familiar `-->` excerpt with the span
//! underlined, so we do not hand-roll column arithmetic for multi-byte text.

use std::collections::HashMap;
use std::fmt::Write;

use annotate_snippets::{Level, Renderer, Snippet};
use peps_engine::diagnostic::{Diagnostic, Location, Severity, SourceFile};

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

/// Renders diagnostics as text, followed by a count line.
pub fn render_text(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let id = format!("{} {}", d.code.as_str(), d.code.name());
        let mut message = level.title(&d.message).id(&id);
        let located;
        match &d.location {
            Some(Location::Source { file, span, .. }) if sources.files.contains_key(file) => {
                let text = &sources.files[file];
                let span = clamp(text, span.clone());
                message = message.snippet(Snippet::source(text).origin(file).fold(true).annotation(level.span(span)));
            }
            Some(loc) => {
                located = format!("at {loc}");
                message = message.footer(Level::Note.title(&located));
            }
            None => {}
        }
        if let Some(h) = &d.hint {
            message = message.footer(Level::Help.title(h));
        }
        let _ = writeln!(out, "{}\n", renderer.render(message));
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    if !diags.is_empty() {
        let _ = writeln!(out, "{errors} error{}, {warnings} warning{}", plural(errors), plural(warnings));
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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
