//! A national file cut in memory: one buffer holding every case's part, case after case (its
//! header, then its rows in the file's order), filled in two passes. The first pass reads the
//! rows and notes each one's case and length (`RowIndex`); a counting pass then gives each case
//! its place, and the second pass reads the file again, in order, copying each row into its
//! case's place (`fill`), on as many threads as the first pass read it with. A case reads its
//! part where it lies, and finds the national line of each of its rows through their numbers,
//! sorted by case by the same counting.
//!
//! Appending each row to a growing buffer of its case's held up to twice the rows' bytes (each
//! buffer's room doubling as it grew), copied every row again as the buffers grew and once more
//! when the halves of a file cut on two threads were joined. Copying each case's rows out of the
//! file held whole, when the case was read, made every row a miss of the caches: 0.6 more
//! CPU-seconds to read the peers' cases (`BENCHMARKS.md`, "Fourth pass").

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::Path;

/// No case: a row left out of every case (its case column is empty, or it links to no row).
pub(crate) const NO_CASE: u32 = u32::MAX;

/// The rows of a national file as the first pass meets them, in the file's order.
#[derive(Debug, Default)]
pub(crate) struct RowIndex {
    /// Each row's case (`NO_CASE`: none).
    pub(crate) cases: Vec<u32>,
    /// Each row's length in the file, its line break included.
    pub(crate) lens: Vec<u32>,
    /// The rows whose copy differs in length from the file's bytes (a row losing the case
    /// column, a last row given a line break): the row and its copy's length.
    pub(crate) resized: Vec<(u32, u32)>,
    /// The rows that span more than one line (a quoted line break): the row and its extra lines.
    pub(crate) spans: Vec<(u32, u32)>,
    /// Where the rows of a second reader of the file start: its first row, and its first byte.
    pub(crate) second: Option<(u32, u64)>,
}

impl RowIndex {
    pub(crate) fn len(&self) -> usize {
        self.cases.len()
    }

    /// Takes in the rows a reader of the file's range starting at byte `start` met, their cases
    /// renumbered by `case` (a range's own cases, numbered as it met them).
    pub(crate) fn append(&mut self, other: RowIndex, start: u64, case: impl Fn(u32) -> u32) {
        let before = self.len() as u32;
        if before > 0 {
            self.second = Some((before, start));
        }
        self.cases.extend(other.cases.into_iter().map(|c| if c == NO_CASE { NO_CASE } else { case(c) }));
        self.lens.extend(other.lens);
        let moved = |(row, n): (u32, u32)| (row + before, n);
        self.resized.extend(other.resized.into_iter().map(moved));
        self.spans.extend(other.spans.into_iter().map(moved));
    }

    /// The length of row `row`'s copy, given the rows resized up to `resized[*next]`.
    fn copy_len(&self, row: u32, next: &mut usize) -> u32 {
        match self.resized.get(*next) {
            Some(&(r, len)) if r == row => {
                *next += 1;
                len
            }
            _ => self.lens[row as usize],
        }
    }
}

/// How a held file was read: where its rows start and on which line, its header as the cases'
/// parts start with it, and the column its rows lose.
pub(crate) struct Layout {
    pub(crate) data_start: u64,
    pub(crate) first_line: u64,
    pub(crate) header: Vec<u8>,
    pub(crate) strip: Option<(usize, u8)>,
}

/// A national file's rows, case after case.
#[derive(Debug)]
pub(crate) struct FileRows {
    bytes: Vec<u8>,
    /// Where each case's part starts in `bytes`, and after the last one where it ends.
    slots: Vec<usize>,
    /// The rows' numbers, case after case, each case's in the file's order: case `c`'s are
    /// `order[at[c]..at[c + 1]]`.
    order: Vec<u32>,
    at: Vec<u32>,
    first_line: u64,
    spans: Vec<(u32, u32)>,
}

impl FileRows {
    /// Reads `path` a second time into its cases' parts (`cases` cases in all), as `index` and
    /// `layout` say the first reading found it.
    pub(crate) fn fill(path: &Path, index: RowIndex, cases: usize, layout: &Layout) -> io::Result<FileRows> {
        let at = counts(&index.cases, cases);
        let order = sorted_rows(&index.cases, &at);
        let readers = readers(&index, layout.data_start);
        let sizes = sizes(&index, &readers, cases);
        let slots = slots(&sizes, layout.header.len());
        let mut bytes = vec![0u8; slots.last().copied().unwrap_or(0)];
        let places = places(&mut bytes, &sizes, &layout.header);
        std::thread::scope(|s| {
            let threads: Vec<_> = readers
                .iter()
                .zip(places)
                .map(|(&(start, ref rows), mut places)| {
                    let index = &index;
                    s.spawn(move || copy_rows(path, (start, rows.clone()), index, layout.strip, &mut places))
                })
                .collect();
            // Every thread is waited for before the first error is given.
            let done: Vec<io::Result<()>> = threads.into_iter().map(|t| t.join().unwrap_or_else(|_| Err(stopped()))).collect();
            done.into_iter().collect::<io::Result<()>>()
        })?;
        Ok(FileRows { bytes, slots, order, at, first_line: layout.first_line, spans: index.spans })
    }

    /// The rows of case `case`.
    pub(crate) fn rows_of(&self, case: u32) -> &[u32] {
        let c = case as usize;
        self.at.get(c..c + 2).map_or(&[], |a| &self.order[a[0] as usize..a[1] as usize])
    }

    /// Case `case`'s part: the header, then its rows (empty: no row).
    pub(crate) fn part(&self, case: u32) -> &[u8] {
        let c = case as usize;
        self.slots.get(c..c + 2).map_or(&[], |s| &self.bytes[s[0]..s[1]])
    }

    /// The national line of line `line` of case `case`'s part (1: the header).
    pub(crate) fn national_line(&self, case: u32, line: usize) -> usize {
        if line < 2 {
            return line;
        }
        let rows = self.rows_of(case);
        if self.spans.is_empty() {
            return rows.get(line - 2).map_or(line, |&r| (self.first_line + u64::from(r)) as usize);
        }
        // Rows of several lines: walk the part's rows to the one its line falls in.
        let mut k = line - 2;
        for &r in rows {
            let (first, lines) = self.lines(r);
            if k < lines as usize {
                return first as usize + k;
            }
            k -= lines as usize;
        }
        line
    }

    /// The line row `row` starts on, and how many it spans.
    fn lines(&self, row: u32) -> (u64, u64) {
        let before = self.spans.partition_point(|&(r, _)| r < row);
        let extra: u64 = self.spans[..before].iter().map(|&(_, e)| u64::from(e)).sum();
        let own = self.spans.get(before).filter(|&&(r, _)| r == row).map_or(0, |&(_, e)| u64::from(e));
        (self.first_line + u64::from(row) + extra, 1 + own)
    }
}

/// The readers of the second reading, as those of the first: each one's first byte and rows.
fn readers(index: &RowIndex, data_start: u64) -> Vec<(u64, Range<u32>)> {
    let rows = index.len() as u32;
    match index.second {
        Some((row, start)) => vec![(data_start, 0..row), (start, row..rows)],
        None => vec![(data_start, 0..rows)],
    }
}

/// Per reader, per case, the bytes of the case's rows the reader copies.
fn sizes(index: &RowIndex, readers: &[(u64, Range<u32>)], cases: usize) -> Vec<Vec<usize>> {
    let mut sizes = vec![vec![0usize; cases]; readers.len()];
    let mut next = 0;
    for (k, (_, rows)) in readers.iter().enumerate() {
        for row in rows.clone() {
            let len = index.copy_len(row, &mut next);
            let c = index.cases[row as usize];
            if c != NO_CASE {
                sizes[k][c as usize] += len as usize;
            }
        }
    }
    sizes
}

/// Where each case's part starts (its header, then its rows from every reader; nothing for a
/// case without rows), and after the last one where the parts end.
fn slots(sizes: &[Vec<usize>], header: usize) -> Vec<usize> {
    let cases = sizes.first().map_or(0, Vec::len);
    let mut slots = Vec::with_capacity(cases + 1);
    let mut total = 0;
    for c in 0..cases {
        slots.push(total);
        let rows: usize = sizes.iter().map(|s| s[c]).sum();
        if rows > 0 {
            total += header + rows;
        }
    }
    slots.push(total);
    slots
}

/// Per case, how many rows it has before it (`at[c]`), and in all (`at[cases]`).
fn counts(of_row: &[u32], cases: usize) -> Vec<u32> {
    let mut at = vec![0u32; cases + 1];
    for &c in of_row {
        if c != NO_CASE {
            at[c as usize + 1] += 1;
        }
    }
    for c in 0..cases {
        at[c + 1] += at[c];
    }
    at
}

/// The rows' numbers, case after case (a counting sort on their case).
fn sorted_rows(of_row: &[u32], at: &[u32]) -> Vec<u32> {
    let mut next = at.to_vec();
    let mut order = vec![0u32; at.last().copied().unwrap_or(0) as usize];
    for (row, &c) in of_row.iter().enumerate() {
        if c != NO_CASE {
            order[next[c as usize] as usize] = row as u32;
            next[c as usize] += 1;
        }
    }
    order
}

/// `bytes` cut into each case's places, the header written at the start of each case's part:
/// per reader, per case, the room for the rows it reads (`sizes[reader][case]`).
fn places<'b>(mut bytes: &'b mut [u8], sizes: &[Vec<usize>], header: &[u8]) -> Vec<Vec<&'b mut [u8]>> {
    let cases = sizes.first().map_or(0, Vec::len);
    let mut places: Vec<Vec<&'b mut [u8]>> = sizes.iter().map(|_| Vec::with_capacity(cases)).collect();
    for c in 0..cases {
        if sizes.iter().any(|s| s[c] > 0) {
            let (head, rest) = std::mem::take(&mut bytes).split_at_mut(header.len());
            head.copy_from_slice(header);
            bytes = rest;
        }
        for (k, s) in sizes.iter().enumerate() {
            let (place, rest) = std::mem::take(&mut bytes).split_at_mut(s[c]);
            places[k].push(place);
            bytes = rest;
        }
    }
    places
}

/// Reads the rows `rows` of the file from byte `start` and copies each into the place of its
/// case, in order (a row without case is skipped).
fn copy_rows(
    path: &Path,
    (start, rows): (u64, Range<u32>),
    index: &RowIndex,
    strip: Option<(usize, u8)>,
    places: &mut [&mut [u8]],
) -> io::Result<()> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(start))?;
    let mut input = BufReader::with_capacity(1 << 20, file);
    let mut scratch = Vec::new();
    let mut next = index.resized.partition_point(|&(r, _)| r < rows.start);
    for row in rows {
        let len = index.lens[row as usize] as usize;
        let copy = index.copy_len(row, &mut next) as usize;
        let case = index.cases[row as usize];
        let Some(place) = places.get_mut(case as usize) else {
            skip(&mut input, len)?;
            continue;
        };
        let (to, rest) = std::mem::take(place).split_at_mut(copy);
        *place = rest;
        if strip.is_none() && copy == len {
            input.read_exact(to)?;
            continue;
        }
        scratch.resize(len, 0);
        input.read_exact(&mut scratch)?;
        let (raw, terminator) = split_terminator(&scratch);
        let kept = match strip {
            Some((index, sep)) => without_field(raw, sep, index),
            None => raw.to_vec(),
        };
        // A last line without a line break gets one: another row may follow it here.
        let terminator: &[u8] = if terminator.is_empty() { b"\n" } else { terminator };
        let (a, b) = to.split_at_mut(kept.len().min(copy));
        a.copy_from_slice(&kept[..a.len()]);
        if b.len() != terminator.len() {
            return Err(changed());
        }
        b.copy_from_slice(terminator);
    }
    Ok(())
}

fn skip(input: &mut impl Read, len: usize) -> io::Result<()> {
    let skipped = io::copy(&mut input.take(len as u64), &mut io::sink())?;
    if skipped == len as u64 { Ok(()) } else { Err(changed()) }
}

/// The error of a thread of the second reading that stopped.
fn stopped() -> io::Error {
    io::Error::other(crate::message::IoMessage(msg!("eval-national-thread-stopped")))
}

/// The error of a file that is not, at its second reading, what it was at its first.
pub(crate) fn changed() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, crate::message::IoMessage(msg!("eval-national-changed")))
}

/// The length of row `raw` + `terminator`'s copy into its case's part.
pub(crate) fn copy_len(raw: &[u8], terminator: &[u8], strip: Option<(usize, u8)>) -> usize {
    let raw = match strip {
        Some((index, sep)) => without_field(raw, sep, index).len(),
        None => raw.len(),
    };
    raw + terminator.len().max(1)
}

/// A row's bytes and its line break (`\r\n`, `\n`, or at the end of the file `\r` or nothing),
/// as the validator's splitter tells them apart.
fn split_terminator(row: &[u8]) -> (&[u8], &[u8]) {
    let term = match row {
        [.., b'\r', b'\n'] => 2,
        [.., b'\n' | b'\r'] => 1,
        _ => 0,
    };
    row.split_at(row.len() - term)
}

/// `raw` without its field `index`, separators counted outside quotes.
pub(crate) fn without_field(raw: &[u8], sep: u8, index: usize) -> Vec<u8> {
    let mut bounds = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, &b) in raw.iter().enumerate() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == sep && !quoted {
            bounds.push((start, i));
            start = i + 1;
        }
    }
    bounds.push((start, raw.len()));
    let Some(&(a, b)) = bounds.get(index) else { return raw.to_vec() };
    let mut out = Vec::with_capacity(raw.len());
    if index == 0 {
        // The separator after the field goes with it.
        out.extend_from_slice(raw.get(b + 1..).unwrap_or_default());
    } else {
        out.extend_from_slice(&raw[..a - 1]);
        out.extend_from_slice(&raw[b..]);
    }
    out
}

/// A case's rows of a held file.
#[derive(Debug, Clone)]
pub(crate) struct HeldPart {
    pub(crate) file: std::sync::Arc<FileRows>,
    pub(crate) case: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_taken_out_with_one_separator() {
        assert_eq!(without_field(b"a;b;c", b';', 0), b"b;c");
        assert_eq!(without_field(b"a;b;c", b';', 1), b"a;c");
        assert_eq!(without_field(b"a;b;c", b';', 2), b"a;b");
        assert_eq!(without_field(b"\"x;y\";b;c", b';', 1), b"\"x;y\";c");
    }

    /// `text` written to a file, read back through an index of its rows' cases.
    fn held(text: &str, cases: &[u32], strip: Option<(usize, u8)>, second: Option<u32>) -> FileRows {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        std::fs::write(&path, text).unwrap();
        let data_start = text.find('\n').unwrap() + 1;
        let mut index = RowIndex::default();
        let mut at = data_start;
        for (row, line) in text[data_start..].split_inclusive('\n').enumerate() {
            if second == Some(row as u32) {
                index.second = Some((row as u32, at as u64));
            }
            at += line.len();
            let (raw, term) = split_terminator(line.as_bytes());
            let copy = copy_len(raw, term, strip);
            if copy != line.len() {
                index.resized.push((row as u32, copy as u32));
            }
            index.cases.push(cases[row]);
            index.lens.push(line.len() as u32);
        }
        let layout = Layout { data_start: data_start as u64, first_line: 2, header: b"h\n".to_vec(), strip };
        FileRows::fill(&path, index, 3, &layout).unwrap()
    }

    fn text(rows: &FileRows, case: u32) -> String {
        String::from_utf8(rows.part(case).to_vec()).unwrap()
    }

    #[test]
    fn each_case_holds_its_rows_in_the_file_order_with_their_lines() {
        for second in [None, Some(2)] {
            let rows = held("h\na;1\nb;2\r\na;3\nc;4\nb;5", &[0, 1, 0, NO_CASE, 1], None, second);
            assert_eq!(text(&rows, 0), "h\na;1\na;3\n");
            assert_eq!([2, 3, 4].map(|l| rows.national_line(0, l)), [2, 4, 4]);
            // The last row, without a line break, gets one.
            assert_eq!(text(&rows, 1), "h\nb;2\r\nb;5\n");
            assert_eq!([1, 2, 3].map(|l| rows.national_line(1, l)), [1, 3, 6]);
            assert_eq!(text(&rows, 2), "");
        }
    }

    #[test]
    fn a_row_loses_the_case_column_its_norm_does_not_know() {
        let rows = held("h\nx;a;1\ny;b;2\n", &[0, 0], Some((1, b';')), None);
        assert_eq!(text(&rows, 0), "h\nx;1\ny;2\n");
    }

    #[test]
    fn rows_after_a_row_of_several_lines_are_on_later_lines() {
        let mut rows = held("h\na;1\nb;2\nc;3\n", &[0, 1, 0], None, None);
        rows.spans = vec![(1, 2)];
        assert_eq!(rows.lines(0), (2, 1));
        assert_eq!(rows.lines(1), (3, 3));
        assert_eq!(rows.lines(2), (6, 1));
        assert_eq!([2, 3].map(|l| rows.national_line(0, l)), [2, 6]);
    }

    #[test]
    fn a_file_shorter_at_its_second_reading_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        std::fs::write(&path, "h\na;1\n").unwrap();
        let index = RowIndex { cases: vec![0, 0], lens: vec![4, 4], ..RowIndex::default() };
        let layout = Layout { data_start: 2, first_line: 2, header: b"h\n".to_vec(), strip: None };
        assert!(FileRows::fill(&path, index, 1, &layout).is_err());
    }
}
