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
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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
#[derive(Debug)]
pub(crate) struct Layout {
    pub(crate) data_start: u64,
    pub(crate) first_line: u64,
    pub(crate) header: Vec<u8>,
    pub(crate) strip: Option<(usize, u8)>,
}

/// A national file read once, to be read again into its cases' parts, a group of cases at a time.
#[derive(Debug)]
pub(crate) struct HeldFile {
    pub(crate) path: PathBuf,
    /// The file's length and last change when it was opened: the same at every later reading.
    pub(crate) stamp: Option<Stamp>,
    pub(crate) index: RowIndex,
    pub(crate) layout: Layout,
}

/// A file's length and last change.
pub(crate) type Stamp = (u64, SystemTime);

/// `path`'s length and last change, when the system tells them.
pub(crate) fn stamp_of(path: &Path) -> Option<Stamp> {
    stamp(&std::fs::metadata(path).ok()?)
}

/// A file's length and last change, from what the system tells of it.
pub(crate) fn stamp(m: &std::fs::Metadata) -> Option<Stamp> {
    Some((m.len(), m.modified().ok()?))
}

impl HeldFile {
    /// Per case (`cases` in all), the bytes its part holds: its header and its rows, or nothing.
    pub(crate) fn case_bytes(&self, cases: usize) -> Vec<u64> {
        let mut bytes = vec![0u64; cases];
        let mut next = 0;
        for (row, &c) in self.index.cases.iter().enumerate() {
            let len = self.index.copy_len(row as u32, &mut next);
            if let Some(b) = bytes.get_mut(c as usize) {
                if *b == 0 {
                    *b = self.layout.header.len() as u64;
                }
                *b += u64::from(len);
            }
        }
        bytes
    }

    /// Reads the file again into the parts of the cases of a group: `group[c]` is case `c`'s
    /// place in the group (`NO_CASE`: not in it), `cases` how many it has. An error when the file
    /// is not the one first read (its length or its last change differ).
    pub(crate) fn read(&self, group: &[u32], cases: usize) -> io::Result<FileRows> {
        let rows = FileRows::fill(self, group, cases)?;
        if stamp_of(&self.path) != self.stamp {
            return Err(changed());
        }
        Ok(rows)
    }
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
    /// Reads the file a second time into the parts of the cases of a group: `group[c]` is case
    /// `c`'s place in the group (`NO_CASE`: not in it), `cases` how many it has.
    fn fill(held: &HeldFile, group: &[u32], cases: usize) -> io::Result<FileRows> {
        let (index, layout) = (&held.index, &held.layout);
        // Each row's case in the group, found again where needed rather than held: 4 bytes a row.
        let of_row = Grouped { cases: &index.cases, group };
        let at = counts(of_row, cases);
        let order = sorted_rows(of_row, &at);
        let readers = readers(index, layout.data_start);
        let sizes = sizes(index, of_row, &readers, cases);
        let slots = slots(&sizes, layout.header.len());
        let mut bytes = vec![0u8; slots.last().copied().unwrap_or(0)];
        let places = places(&mut bytes, &sizes, &layout.header);
        let rows = Rows { index, of_row, strip: layout.strip };
        std::thread::scope(|s| {
            let threads: Vec<_> = readers
                .iter()
                .zip(places)
                .map(|(&(start, ref range), mut places)| {
                    let rows = &rows;
                    s.spawn(move || rows.copy(&held.path, (start, range.clone()), &mut places))
                })
                .collect();
            // Every thread is waited for before the first error is given.
            let done: Vec<io::Result<()>> = threads.into_iter().map(|t| t.join().unwrap_or_else(|_| Err(stopped()))).collect();
            done.into_iter().collect::<io::Result<()>>()
        })?;
        Ok(FileRows { bytes, slots, order, at, first_line: layout.first_line, spans: index.spans.clone() })
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

/// Per reader, per case of the group, the bytes of the case's rows the reader copies.
fn sizes(index: &RowIndex, of_row: Grouped<'_>, readers: &[(u64, Range<u32>)], cases: usize) -> Vec<Vec<usize>> {
    let mut sizes = vec![vec![0usize; cases]; readers.len()];
    let mut next = 0;
    for (k, (_, rows)) in readers.iter().enumerate() {
        for row in rows.clone() {
            let len = index.copy_len(row, &mut next);
            let c = of_row.case(row);
            if c != NO_CASE {
                sizes[k][c as usize] += len as usize;
            }
        }
    }
    sizes
}

/// The rows' cases as numbered in a group: `group[c]` is case `c`'s place (`NO_CASE`: none).
#[derive(Clone, Copy)]
struct Grouped<'a> {
    cases: &'a [u32],
    group: &'a [u32],
}

impl Grouped<'_> {
    /// Row `row`'s case in the group (`NO_CASE`: none).
    fn case(&self, row: u32) -> u32 {
        match self.cases[row as usize] {
            NO_CASE => NO_CASE,
            c => self.group.get(c as usize).copied().unwrap_or(NO_CASE),
        }
    }

    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.cases.len() as u32).map(|row| self.case(row))
    }
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
fn counts(of_row: Grouped<'_>, cases: usize) -> Vec<u32> {
    let mut at = vec![0u32; cases + 1];
    for c in of_row.iter() {
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
fn sorted_rows(of_row: Grouped<'_>, at: &[u32]) -> Vec<u32> {
    let mut next = at.to_vec();
    let mut order = vec![0u32; at.last().copied().unwrap_or(0) as usize];
    for (row, c) in of_row.iter().enumerate() {
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

/// What the second reading copies: each row's length and case in the group, and the column a
/// row loses.
struct Rows<'a> {
    index: &'a RowIndex,
    of_row: Grouped<'a>,
    strip: Option<(usize, u8)>,
}

impl Rows<'_> {
    /// Reads the rows `rows` of the file from byte `start` and copies each into the place of its
    /// case, in order (a row of no case of the group is passed over).
    fn copy(&self, path: &Path, (start, rows): (u64, Range<u32>), places: &mut [&mut [u8]]) -> io::Result<()> {
        let mut file = File::open(path)?;
        file.seek(SeekFrom::Start(start))?;
        let mut input = BufReader::with_capacity(1 << 20, file);
        let mut scratch = Vec::new();
        let mut next = self.index.resized.partition_point(|&(r, _)| r < rows.start);
        for row in rows {
            let len = self.index.lens[row as usize] as usize;
            let copy = self.index.copy_len(row, &mut next) as usize;
            let Some(place) = places.get_mut(self.of_row.case(row) as usize) else {
                // Within the reader's buffer, a move of its position (the file's size is checked
                // once the reading is done).
                input.seek_relative(len as i64)?;
                continue;
            };
            let (to, rest) = std::mem::take(place).split_at_mut(copy);
            *place = rest;
            if self.strip.is_none() && copy == len {
                input.read_exact(to)?;
                continue;
            }
            scratch.resize(len, 0);
            input.read_exact(&mut scratch)?;
            copy_changed(&scratch, self.strip, to)?;
        }
        Ok(())
    }
}

/// Copies row `row` (its line break included) into `to`, without the column it loses and with a
/// line break when it has none; an error when it does not fill `to` exactly (the file changed).
fn copy_changed(row: &[u8], strip: Option<(usize, u8)>, mut to: &mut [u8]) -> io::Result<()> {
    let (raw, terminator) = split_terminator(row);
    let pieces = row_copy(raw, terminator, strip);
    if pieces.iter().map(|piece| piece.len()).sum::<usize>() != to.len() {
        return Err(changed());
    }
    for piece in pieces {
        let (here, rest) = std::mem::take(&mut to).split_at_mut(piece.len());
        here.copy_from_slice(piece);
        to = rest;
    }
    Ok(())
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
    row_copy(raw, terminator, strip).iter().map(|piece| piece.len()).sum()
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

/// A row as it goes into its case's part, in pieces borrowed from it: its bytes without the
/// column it loses (`strip`: the column's index and the separator; the separator after the field,
/// or before it, goes with it), then its line break — `\n` for a last line without one, since
/// another row may follow it there. The stream of sorted files and both readings of a held file
/// copy rows through it, so that their parts are alike to the byte.
pub(crate) fn row_copy<'r>(raw: &'r [u8], terminator: &'r [u8], strip: Option<(usize, u8)>) -> [&'r [u8]; 3] {
    let terminator: &[u8] = if terminator.is_empty() { b"\n" } else { terminator };
    match strip.and_then(|(index, sep)| Some((index, field_bounds(raw, sep, index)?))) {
        None => [raw, &[], terminator],
        Some((0, (_, end))) => [raw.get(end + 1..).unwrap_or_default(), &[], terminator],
        Some((_, (start, end))) => [&raw[..start - 1], &raw[end..], terminator],
    }
}

/// Where field `index` of `raw` lies, separators counted outside quotes (`None`: the row has
/// fewer fields).
fn field_bounds(raw: &[u8], sep: u8, index: usize) -> Option<(usize, usize)> {
    let (mut field, mut start, mut quoted) = (0, 0, false);
    for (i, &b) in raw.iter().enumerate() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == sep && !quoted {
            if field == index {
                return Some((start, i));
            }
            (field, start) = (field + 1, i + 1);
        }
    }
    (field == index).then_some((start, raw.len()))
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
        let copy = |raw: &[u8], index| row_copy(raw, b"", Some((index, b';'))).concat();
        assert_eq!(copy(b"a;b;c", 0), b"b;c\n");
        assert_eq!(copy(b"a;b;c", 1), b"a;c\n");
        assert_eq!(copy(b"a;b;c", 2), b"a;b\n");
        assert_eq!(copy(b"\"x;y\";b;c", 1), b"\"x;y\";c\n");
        assert_eq!(copy(b"a", 0), b"\n", "a row of one field");
        assert_eq!(copy(b"a;b", 5), b"a;b\n", "a row without the field");
        assert_eq!(row_copy(b"a;b", b"\r\n", None).concat(), b"a;b\r\n");
    }

    /// `text` written to a file and read once: each row's case as given.
    fn first_reading(dir: &Path, text: &str, cases: &[u32], strip: Option<(usize, u8)>, second: Option<u32>) -> HeldFile {
        let path = dir.join("f.csv");
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
        HeldFile { stamp: stamp_of(&path), path, index, layout }
    }

    /// The same, read again into the parts of its three cases.
    fn held(text: &str, cases: &[u32], strip: Option<(usize, u8)>, second: Option<u32>) -> FileRows {
        let dir = tempfile::tempdir().unwrap();
        first_reading(dir.path(), text, cases, strip, second).read(&[0, 1, 2], 3).unwrap()
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
    fn a_file_changed_since_its_first_reading_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = first_reading(dir.path(), "h\na;1\nb;2\n", &[0, 1], None, None);
        assert!(file.read(&[0, 1], 2).is_ok());
        std::fs::write(&file.path, "h\na;1\n").unwrap();
        assert!(file.read(&[0, 1], 2).is_err());
        // The same length, another date.
        std::fs::write(&file.path, "h\na;1\nb;3\n").unwrap();
        let earlier = std::time::SystemTime::UNIX_EPOCH;
        std::fs::File::options().write(true).open(&file.path).unwrap().set_modified(earlier).unwrap();
        assert!(file.read(&[0, 1], 2).is_err());
    }

    #[test]
    fn a_group_of_cases_holds_their_parts_as_all_the_cases_do() {
        let text = "h\na;1\nb;2\na;3\nc;4\nb;5\nc;6\n";
        let of_row = [0, 1, 0, 2, 1, 2];
        let dir = tempfile::tempdir().unwrap();
        for second in [None, Some(3)] {
            let file = first_reading(dir.path(), text, &of_row, None, second);
            let all = file.read(&[0, 1, 2], 3).unwrap();
            // Cases 2 and 0, in that order; case 1 left out.
            let group = file.read(&[1, NO_CASE, 0], 2).unwrap();
            assert_eq!(group.part(0), all.part(2));
            assert_eq!(group.part(1), all.part(0));
            assert_eq!([2, 3].map(|l| group.national_line(0, l)), [5, 7]);
            assert_eq!(file.case_bytes(3), [10, 10, 10], "a header and two rows each");
        }
    }
}
