//! Where a diagnostic points: a place in a rule file (line and column, counted in characters),
//! a file as a whole, or a row and field of a data file.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// Where a diagnostic points: a span of a rule file, or a field of a data row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum Location {
    Source {
        file: String,
        line: usize,
        col: usize,
        #[serde(skip)]
        span: Range<usize>,
    },
    Data {
        file: String,
        row: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        field: Option<String>,
    },
    File {
        file: String,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Source { file, line, col, .. } => write!(f, "{file}:{line}:{col}"),
            Location::Data { file, row, field: Some(field) } => write!(f, "{file}:{row}:{field}"),
            Location::Data { file, row, field: None } => write!(f, "{file}:{row}"),
            Location::File { file } => f.write_str(file),
        }
    }
}

/// The text of a loaded file, to turn byte spans into lines and columns.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

impl SourceFile {
    pub(crate) fn location(&self, span: Range<usize>) -> Location {
        let (line, col) = line_col(&self.text, span.start);
        Location::Source { file: self.path.clone(), line, col, span }
    }
}

/// Where the lines of a text start, to place many spans in it: each in the time of a binary
/// search and its own line, not of the text before it.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The location of `span` in `file`, as [`SourceFile::location`] gives it.
    pub(crate) fn location(&self, file: &SourceFile, span: Range<usize>) -> Location {
        let text = &file.text;
        let offset = floor_char_boundary(text, span.start.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let line_start = self.starts[line - 1];
        let col = text[line_start..offset].chars().count() + 1;
        Location::Source { file: file.path.clone(), line, col, span }
    }
}

/// One-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
