//! What a run knows of a national file once it is cut, and each case's buffer of it.

use crate::ids::InputId;

use super::held::{FileRows, HeldPart};

/// What a run knows of one national file once it is cut.
#[derive(Debug, Clone)]
pub struct NationalFile {
    /// The dataset input it gives.
    pub input: String,
    pub(crate) id: InputId,
    /// The file as given, for messages.
    pub shown: String,
    /// SHA-256 of the whole file (filled once the file is read to its end).
    pub sha256: String,
    /// Data rows read (records after the header).
    pub rows: u64,
    /// Rows that belong to no case, hence not computed (D231).
    pub orphans: u64,
    /// The header as the cases' buffers start with it: byte-order mark, header without the
    /// case column when it is stripped, line break.
    pub(crate) header: Vec<u8>,
}

/// A case's rows of one national file, and where each of its lines comes from: bytes of its own
/// (a case read from files sorted by case), or its rows of a file held whole (`held`).
#[derive(Debug, Clone, Default)]
pub struct CaseBuffer {
    /// The header, then the rows as they are in the national file (empty: no row).
    pub(crate) bytes: Vec<u8>,
    /// Runs of consecutive national lines, in the order of the buffer: (first line, count).
    pub(crate) runs: Vec<(u32, u32)>,
    pub(crate) held: Option<HeldPart>,
}

/// A case's part as one file, to be read: its bytes and where their lines come from.
pub(crate) struct PartRead<'a> {
    pub(crate) bytes: &'a [u8],
    lines: Lines<'a>,
}

enum Lines<'a> {
    /// Runs of consecutive national lines (first line, count).
    Runs(&'a [(u32, u32)]),
    /// The case's rows of a held file.
    Held(&'a FileRows, u32),
}

impl PartRead<'_> {
    /// The national line of line `line` of this part (1: the header).
    pub(crate) fn national_line(&self, line: usize) -> usize {
        match self.lines {
            Lines::Runs(runs) => line_in_runs(runs, line),
            Lines::Held(file, case) => file.national_line(case, line),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

fn line_in_runs(runs: &[(u32, u32)], line: usize) -> usize {
    if line < 2 {
        return line;
    }
    let mut k = line - 2;
    for &(first, count) in runs {
        if k < count as usize {
            return first as usize + k;
        }
        k -= count as usize;
    }
    line
}

impl CaseBuffer {
    /// A case's rows of a held file.
    pub(crate) fn held(part: HeldPart) -> CaseBuffer {
        CaseBuffer { held: Some(part), ..CaseBuffer::default() }
    }

    /// The part as one file: the header and every row.
    pub(crate) fn read(&self) -> PartRead<'_> {
        match &self.held {
            Some(h) => PartRead { bytes: h.file.part(h.case), lines: Lines::Held(&h.file, h.case) },
            None => PartRead { bytes: &self.bytes, lines: Lines::Runs(&self.runs) },
        }
    }

    /// Bytes held.
    pub fn len(&self) -> usize {
        self.read().bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Rows held (lines after the header).
    pub fn rows(&self) -> usize {
        match &self.held {
            Some(h) => h.file.rows_of(h.case).len(),
            None => self.runs.iter().map(|&(_, count)| count as usize).sum(),
        }
    }
}
