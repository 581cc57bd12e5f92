//! What a run knows of a national file once it is cut, and each case's buffer of it.

use crate::ids::InputId;

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

/// A case's rows of one national file, and where each of its lines comes from.
#[derive(Debug, Clone, Default)]
pub struct CaseBuffer {
    /// The header, then the rows as they are in the national file (empty: no row).
    pub(crate) bytes: Vec<u8>,
    /// Runs of consecutive national lines, in the order of the buffer: (first line, count).
    pub(crate) runs: Vec<(u32, u32)>,
    /// Rows read by another reader of the file, after `bytes`: each buffer with the length of
    /// the header it starts with.
    pub(crate) more: Vec<(Vec<u8>, usize)>,
}

impl CaseBuffer {
    /// The national line of line `line` of this buffer (1: the header).
    pub(crate) fn national_line(&self, line: usize) -> usize {
        if line < 2 {
            return line;
        }
        let mut k = line - 2;
        for &(first, count) in &self.runs {
            if k < count as usize {
                return first as usize + k;
            }
            k -= count as usize;
        }
        line
    }

    /// Bytes held.
    pub fn len(&self) -> usize {
        self.bytes.len() + self.more.iter().map(|(b, h)| b.len() - h).sum::<usize>()
    }

    /// The part as one file: the header and every row.
    pub(crate) fn joined(&self) -> std::borrow::Cow<'_, [u8]> {
        if self.more.is_empty() {
            return std::borrow::Cow::Borrowed(&self.bytes);
        }
        let mut all = Vec::with_capacity(self.len());
        all.extend_from_slice(&self.bytes);
        for (b, h) in &self.more {
            all.extend_from_slice(&b[*h..]);
        }
        std::borrow::Cow::Owned(all)
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Rows held (lines after the header).
    pub fn rows(&self) -> usize {
        self.runs.iter().map(|&(_, count)| count as usize).sum()
    }
}
