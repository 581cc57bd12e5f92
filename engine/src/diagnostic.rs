//! Diagnostics: every error or warning the engine reports, with a stable code, a location and a hint.
//!
//! Codes form a closed registry (`Code`): the renderer, the JSON output and the tests all use the
//! spelling returned by [`Code::as_str`]; a code is never derived from a message.
use serde::Serialize;

use crate::message::Message;

mod code;
pub(crate) mod follow;
pub(crate) mod location;
mod suggest;
mod typo;

pub use code::Code;
pub use follow::arrange;
pub use location::{Location, SourceFile, line_col};
pub use suggest::did_you_mean;
pub(crate) use suggest::{NameKind, Pool, Suggestion, suggest};
pub(crate) use typo::report_definition_typos;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Information that asks nothing of the reader (what the rules make of a value, say):
    /// counted apart from warnings.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// What is wrong, for a person (rendered in the run's language where it is shown).
    pub message: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<Message>,
    /// What ties it to other diagnostics, if anything (boxed: most diagnostics have nothing).
    #[serde(flatten)]
    pub related: Option<Box<Related>>,
}

/// What ties a diagnostic to others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Related {
    /// The name the diagnostic reports undefined, when it is about one: an error where that
    /// name is defined (a file that did not parse, a wrong value) may be what left it undefined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undefined: Option<String>,
    /// Where the error this one follows from is: fixing that one may fix this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follows: Option<Location>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<Message>) -> Self {
        Diagnostic { code, severity: Severity::Error, message: message.into(), location: None, hint: None, related: None }
    }

    pub(crate) fn warning(code: Code, message: impl Into<Message>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message) }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Records the name the diagnostic reports undefined.
    pub(crate) fn undefined(mut self, name: impl Into<String>) -> Self {
        self.related.get_or_insert_default().undefined = Some(name.into());
        self
    }

    /// The name the diagnostic reports undefined, if it is about one.
    pub fn undefined_name(&self) -> Option<&str> {
        self.related.as_ref()?.undefined.as_deref()
    }

    /// Where the error this one follows from is, if it follows from another.
    pub fn follows(&self) -> Option<&Location> {
        self.related.as_ref()?.follows.as_ref()
    }

    pub(crate) fn set_follows(&mut self, at: Location) {
        self.related.get_or_insert_default().follows = Some(at);
    }

    /// Whether it stops a whole file from being read (a syntax error, a missing file), so that
    /// other errors may follow from it.
    pub fn is_root_cause(&self) -> bool {
        follow::is_root_cause(self)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A collector of diagnostics: loaders push into it and go on, the caller decides after the pass.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    pub(crate) items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Root causes first, then by file, position and code, so that reports are stable whatever
    /// the loading order; the errors that follow from another come last.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by_key(follow::sort_key);
        self.items.dedup();
        self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_listed() {
        let mut seen = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for &code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {code}");
            assert!(names.insert(code.name()), "duplicate name {}", code.name());
            for lang in crate::message::Lang::ALL {
                let summary = code.summary().render(lang);
                assert!(!summary.is_empty() && !summary.starts_with("data-code-"), "{code} has no summary in {lang:?}");
            }
            assert_eq!(Code::parse(code.as_str()), Some(code));
        }
    }

    #[test]
    fn a_line_index_places_spans_as_line_col_does() {
        let text = "a = 1\nbé = \"x\"\n\nlast";
        let file = SourceFile { path: "f".into(), text: text.into() };
        let index = location::LineIndex::new(text);
        for offset in 0..=text.len() {
            assert_eq!(index.location(&file, offset..offset), file.location(offset..offset), "offset {offset}");
        }
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "a = 1\nété = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        assert_eq!(line_col(text, text.find('=').unwrap()), (1, 3));
        assert_eq!(line_col(text, text.rfind('=').unwrap()), (2, 5));
    }

    #[test]
    fn did_you_mean_finds_typos_only() {
        assert_eq!(did_you_mean("tx_plafond", ["taux_plafond", "label"]), Some("taux_plafond"));
        assert_eq!(did_you_mean("unit", ["label", "status"]), None);
    }
}
