//! An expression as a rule file writes it: its text parsed, and where it stands in its file.

use std::ops::Range;

use serde::Serialize;

use crate::expr::Ast;
use crate::ids::FileId;

/// An expression as written in a rule file, parsed, with where it stands.
#[derive(Debug, Clone)]
pub struct ExprSource {
    pub(crate) text: String,
    pub(crate) ast: Ast,
    /// Byte offset in the file of the first character of the expression text.
    pub(crate) offset: usize,
    pub(crate) file: FileId,
}

/// An expression is shown as written.
impl Serialize for ExprSource {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl ExprSource {
    /// The span in the file of a span inside the expression.
    pub(crate) fn file_span(&self, inner: Range<usize>) -> Range<usize> {
        self.offset + inner.start..self.offset + inner.end
    }
}

/// Where the text of a string value starts in the file (after its opening quotes).
pub(crate) fn text_offset(file_text: &str, span: Range<usize>) -> usize {
    let raw = &file_text[span.start.min(file_text.len())..];
    let quotes = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        let after = &raw[3..];
        3 + usize::from(after.starts_with('\n'))
    } else {
        1
    };
    span.start + quotes
}
