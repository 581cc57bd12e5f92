//! Cutting one national file: its header, the way its rows find their case (the case column, or
//! a link of its norm to a file that has it), and each record's bytes appended to its case's
//! buffer, the column stripped when the norm does not know it.
//!
//! The records come from the validator's own splitter, so a quoted field, a line break inside
//! quotes or a missing final line break is cut exactly where `validate` sees it.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::case::Readers;
use crate::data::limits::open_regular;
use crate::data::norm::Norm;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::hashing::StreamHash;
use crate::ids::InputId;
use crate::message::Message;
use crate::validate::split::Splitter;

use super::held::{self, HeldFile, Layout, NO_CASE, RowIndex, Stamp, row_copy};
use super::lines::Lines;
use super::{CaseBuffer, NationalFile};

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// Joins the fields of a key of several fields (as the validator's link indexes do).
const UNIT_SEPARATOR: u8 = 0x1F;

/// A reader that hashes what passes through it (a whole file; a range of it is not hashed: the
/// whole file is, on a thread of its own beside the ranges' readers; hashing the halves too was
/// 62 of the cut's 633 `perf` samples on the peers' workload).
pub(crate) struct Hashing {
    file: File,
    hash: StreamHash,
}

impl Read for Hashing {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.file.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}

/// How a file's rows find their case.
enum Route {
    /// The case column, at this index of the header; `strip`: the norm has no such field, so
    /// the column is taken out of the header and of every row.
    Column { index: usize, strip: bool },
    /// The fields of the file's link to `target`, whose rows say their case.
    Link { fields: Vec<usize>, target: usize },
}

/// A national file being read.
pub(crate) struct Opened {
    pub(crate) file: NationalFile,
    path: PathBuf,
    /// Where the rows start (after the header), and how many lines the header takes.
    data_start: u64,
    header_lines: u64,
    records: Records,
    sep: u8,
    /// The bytes this reader reads (the file's, or its range's), and how many of them came
    /// before the rows, as the splitter counts them.
    size: u64,
    rows_from: u64,
    route: Route,
    /// The fields of the key other files link to, when some file links here.
    pub(crate) key_fields: Option<Vec<usize>>,
    norm_name: String,
    header_cells: Vec<String>,
    scratch: Vec<u8>,
    /// Whether a record read so far had quotes.
    pub(crate) quoted: bool,
    /// Rows that belong to no case, and the first of their lines.
    pub(crate) orphans: u64,
    pub(crate) first_orphan: Option<u64>,
    /// Each row's case and length, when the file is to be held by case (see `national/held`).
    pub(crate) index: RowIndex,
    /// The file's length and last change when it was opened: the same when it is read again.
    stamp: Option<Stamp>,
}

/// Where the records come from: the validator's splitter for a whole file, lines for a range of
/// it (see `national/lines`).
enum Records {
    Split(Splitter<Hashing>),
    Lines(Lines<io::Take<File>>),
}

impl Records {
    fn next_record(&mut self) -> io::Result<bool> {
        match self {
            Records::Split(s) => s.next_record(),
            Records::Lines(l) => l.next_record(),
        }
    }

    /// Whether a record read so far had quotes (a reader of lines stops before one).
    fn quoted(&self) -> bool {
        match self {
            Records::Split(s) => s.quoted(),
            Records::Lines(l) => l.quoted,
        }
    }

    /// The line the current record starts on, and how many it spans.
    fn line(&self) -> (u64, u64) {
        match self {
            Records::Split(s) => (s.line, s.lines),
            Records::Lines(l) => (l.line, 1),
        }
    }

    fn raw(&self) -> &[u8] {
        match self {
            Records::Split(s) => s.raw(),
            Records::Lines(l) => l.raw(),
        }
    }

    fn terminator(&self) -> &[u8] {
        match self {
            Records::Split(s) => s.terminator(),
            Records::Lines(l) => l.terminator(),
        }
    }

    fn consumed(&self) -> u64 {
        match self {
            Records::Split(s) => s.consumed(),
            Records::Lines(l) => l.consumed(),
        }
    }

    /// Field `i` of the current record, trimmed of spaces (absent: empty).
    fn field(&self, i: usize) -> &[u8] {
        match self {
            Records::Split(s) if i < s.width() => s.field(i).trim_ascii(),
            Records::Split(_) => &[],
            Records::Lines(l) => l.field(i).trim_ascii(),
        }
    }
}

/// What a record says of its case.
pub(crate) enum Key<'a> {
    /// The case column's value (empty: no case).
    Own(&'a [u8]),
    /// The key of the row it links to.
    Linked(&'a [u8]),
}

impl Opened {
    /// Opens `path` and reads its header.
    pub(crate) fn open(input: &str, id: InputId, (path, shown): (&Path, String), norm: &Norm, column: &str) -> Result<Opened, Diagnostic> {
        let at = || Location::File { file: shown.clone() };
        let file = open_regular(path).map_err(|e| unreadable(&shown, e.message()))?;
        let stamp = file.metadata().ok().and_then(|m| held::stamp(&m));
        let size = stamp.map(|(len, _)| len);
        let mut splitter = Splitter::sized(Hashing { file, hash: StreamHash::default() }, norm.separator, size);
        let mut header = Vec::new();
        if splitter.peek(3).map_err(|e| unreadable(&shown, Message::of_io(&e)))? == BOM {
            splitter.skip(3);
            header.extend_from_slice(BOM);
        }
        if !splitter.next_record().map_err(|e| unreadable(&shown, Message::of_io(&e)))? {
            return Err(Diagnostic::error(Code::EmptyFile, msg!("eval-national-empty", file = &shown)).at(at()));
        }
        let header_cells: Vec<String> =
            (0..splitter.width()).map(|i| String::from_utf8_lossy(splitter.field(i)).trim().to_string()).collect();
        let index = header_cells.iter().position(|c| c == column);
        let strip = index.is_some() && !norm.fields.iter().any(|f| f.name == column);
        let (data_start, header_lines) = (splitter.consumed(), splitter.lines);
        // The header as the rows: without the column its rows lose.
        let strip_at = index.filter(|_| strip).map(|i| (i, norm.separator));
        for piece in row_copy(splitter.raw(), splitter.terminator(), strip_at) {
            header.extend_from_slice(piece);
        }
        Ok(Opened {
            file: NationalFile { input: input.to_string(), id, shown, sha256: String::new(), rows: 0, orphans: 0, header },
            path: path.to_path_buf(),
            data_start,
            header_lines,
            records: Records::Split(splitter),
            sep: norm.separator,
            size: size.unwrap_or(0),
            rows_from: data_start,
            route: match index {
                Some(index) => Route::Column { index, strip },
                // Found by `link_all`, or the file is refused.
                None => Route::Link { fields: Vec::new(), target: usize::MAX },
            },
            key_fields: None,
            norm_name: norm.name.clone(),
            header_cells,
            scratch: Vec::new(),
            quoted: false,
            orphans: 0,
            first_orphan: None,
            index: RowIndex::default(),
            stamp,
        })
    }

    /// Where the rows of a file can be cut in two halves read at once: the byte where the
    /// second half starts, a line start near the middle (`None`: a file too small to gain). A
    /// quote in either half makes the caller read the file in one piece again, since a quoted
    /// line break could sit on the cut.
    pub(crate) fn middle(&self) -> Option<u64> {
        const WORTH: u64 = 16 << 20;
        let size = std::fs::metadata(&self.path).ok()?.len();
        if size < WORTH {
            return None;
        }
        let half = (self.data_start + size) / 2;
        let mut file = File::open(&self.path).ok()?;
        file.seek(SeekFrom::Start(half)).ok()?;
        let mut window = Vec::new();
        file.take(1 << 20).read_to_end(&mut window).ok()?;
        let middle = half + memchr::memchr(b'\n', &window)? as u64 + 1;
        (middle < size).then_some(middle)
    }

    /// A reader of this file's rows between bytes `start` and `end` (line starts), routed as
    /// this one; its lines count from 1 at `start`.
    pub(crate) fn range(&self, start: u64, end: u64) -> Result<Opened, Diagnostic> {
        let unreadable = |e: io::Error| self.failure(&Message::of_io(&e));
        let mut file = File::open(&self.path).map_err(unreadable)?;
        file.seek(SeekFrom::Start(start)).map_err(unreadable)?;
        let input = file.take(end - start);
        let route = match &self.route {
            Route::Column { index, strip } => Route::Column { index: *index, strip: *strip },
            Route::Link { fields, target } => Route::Link { fields: fields.clone(), target: *target },
        };
        Ok(Opened {
            file: NationalFile { rows: 0, ..self.file.clone() },
            path: self.path.clone(),
            data_start: start,
            header_lines: 0,
            records: Records::Lines(Lines::new(input, self.sep, end - start)),
            sep: self.sep,
            size: end - start,
            rows_from: 0,
            route,
            key_fields: self.key_fields.clone(),
            norm_name: self.norm_name.clone(),
            header_cells: self.header_cells.clone(),
            scratch: Vec::new(),
            quoted: false,
            orphans: 0,
            first_orphan: None,
            index: RowIndex::default(),
            stamp: None,
        })
    }

    /// About how many rows are left to read, from the mean size of the `rows` read so far.
    pub(crate) fn rows_left(&self, rows: u64) -> usize {
        let consumed = self.records.consumed();
        let (read, left) = (consumed.saturating_sub(self.rows_from), self.size.saturating_sub(consumed));
        if read == 0 {
            return 0;
        }
        usize::try_from(left.saturating_mul(rows) / read).unwrap_or(0)
    }

    /// How many lines the records read so far span, the header included.
    pub(crate) fn lines_read(&self) -> u64 {
        match self.records.line() {
            (0, _) => self.header_lines,
            (line, lines) => line + lines - 1,
        }
    }

    pub(crate) fn file_path(&self) -> &Path {
        &self.path
    }

    /// An error of reading this file.
    pub(crate) fn failure(&self, why: &Message) -> Diagnostic {
        unreadable(&self.file.shown, why.clone())
    }

    /// Where the rows start, after the header.
    pub(crate) fn data_start(&self) -> u64 {
        self.data_start
    }

    /// Takes in the rows and orphans a range reader of this file read, its lines after `offset`.
    pub(crate) fn absorb(&mut self, other: &Opened, offset: u64) {
        self.file.rows += other.file.rows;
        self.orphans += other.orphans;
        if self.first_orphan.is_none() {
            self.first_orphan = other.first_orphan.map(|l| l + offset);
        }
    }

    /// The SHA-256 of the whole file, read again (when its rows were read by range readers, on
    /// a thread of its own beside them).
    pub(crate) fn file_hash(&self) -> Result<String, Diagnostic> {
        let mut hash = StreamHash::default();
        let mut file = File::open(&self.path).map_err(|e| self.failure(&Message::of_io(&e)))?;
        let mut buf = vec![0u8; 1 << 20];
        loop {
            match file.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => hash.update(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                // A hash of part of the file would be given as the file's.
                Err(e) => return Err(self.failure(&crate::message::Message::of_io(&e))),
            }
        }
        Ok(hash.hex())
    }

    /// The file this one links to for its cases.
    pub(crate) fn target(&self) -> Option<usize> {
        match self.route {
            Route::Link { target, .. } if target != usize::MAX => Some(target),
            _ => None,
        }
    }

    pub(crate) fn has_column(&self) -> bool {
        matches!(self.route, Route::Column { .. })
    }

    /// Reads the next record; `false` at the end of the file.
    pub(crate) fn next_record(&mut self) -> Result<bool, Diagnostic> {
        let more = self.records.next_record().map_err(|e| {
            let at = Location::Data { file: self.file.shown.clone(), row: self.records.line().0 as usize + 1, field: None };
            self.failure(&Message::of_io(&e)).at(at)
        })?;
        self.file.rows += u64::from(more);
        self.quoted |= self.records.quoted();
        Ok(more)
    }

    /// The current record's case.
    pub(crate) fn case_key(&mut self) -> Key<'_> {
        match &self.route {
            Route::Column { index, .. } => Key::Own(self.records.field(*index)),
            Route::Link { fields, .. } => Key::Linked(joined(&self.records, fields, &mut self.scratch)),
        }
    }

    /// The current record's key that other files link to (when some do).
    pub(crate) fn own_key(&mut self) -> Option<&[u8]> {
        let fields = self.key_fields.as_ref()?;
        Some(joined(&self.records, fields, &mut self.scratch))
    }

    /// The line the current record starts on.
    pub(crate) fn line(&self) -> u64 {
        self.records.line().0
    }

    /// Notes the current record as belonging to no case.
    pub(crate) fn orphan(&mut self) {
        self.orphans += 1;
        self.first_orphan.get_or_insert(self.records.line().0);
    }

    /// Notes the current record's case (`NO_CASE`: none) and its length, for a file to be held
    /// by case; an error when the file has more rows than the index can number.
    pub(crate) fn note(&mut self, case: u32) -> Result<(), Diagnostic> {
        let (raw, terminator) = (self.records.raw(), self.records.terminator());
        let len = raw.len() + terminator.len();
        let copy = held::copy_len(raw, terminator, self.strip());
        let row = u32::try_from(self.index.len()).ok().filter(|&r| r < NO_CASE);
        let (Some(row), Ok(len), Ok(copy)) = (row, u32::try_from(len), u32::try_from(copy)) else {
            return Err(self.failure(&msg!("eval-national-too-many-rows", rows = self.index.len())));
        };
        self.index.cases.push(case);
        self.index.lens.push(len);
        if copy != len {
            self.index.resized.push((row, copy));
        }
        let (_, lines) = self.records.line();
        if lines > 1 {
            self.index.spans.push((row, u32::try_from(lines - 1).unwrap_or(u32::MAX)));
        }
        Ok(())
    }

    /// The case column and the separator, when the rows lose it.
    fn strip(&self) -> Option<(usize, u8)> {
        match self.route {
            Route::Column { index, strip: true } => Some((index, self.sep)),
            _ => None,
        }
    }

    /// Appends the current record to `part`, after the header when it is the part's first.
    pub(crate) fn append(&self, part: &mut CaseBuffer) {
        if part.bytes.is_empty() {
            part.bytes.extend_from_slice(&self.file.header);
        }
        for piece in row_copy(self.records.raw(), self.records.terminator(), self.strip()) {
            part.bytes.extend_from_slice(piece);
        }
        let (line, lines) = self.records.line();
        let (line, lines) = (line as u32, lines as u32);
        match part.runs.last_mut() {
            Some((first, count)) if *first + *count == line => *count += lines,
            _ => part.runs.push((line, lines)),
        }
    }

    /// The file once read to its end: its hash is complete.
    pub(crate) fn into_file(mut self) -> NationalFile {
        if self.file.sha256.is_empty()
            && let Records::Split(s) = &mut self.records
        {
            self.file.sha256 = s.input_mut().hash.hex();
        }
        self.file.orphans = self.orphans;
        self.file
    }

    /// The file once read to its end, and what its reading found, to read it again by case.
    pub(crate) fn into_held(mut self) -> (NationalFile, HeldFile) {
        let layout = Layout {
            data_start: self.data_start,
            first_line: self.header_lines + 1,
            header: self.file.header.clone(),
            strip: self.strip(),
        };
        let index = std::mem::take(&mut self.index);
        let (path, stamp) = (self.path.clone(), self.stamp);
        (self.into_file(), HeldFile { path, stamp, index, layout })
    }

    /// The error for rows of no case, if any: they are not computed, so the run says it failed
    /// (and gives them a row) rather than a total that silently lacks them.
    pub(crate) fn orphans_diagnostic(&self, column: &str) -> Option<Diagnostic> {
        let first = self.first_orphan?;
        let why = match self.route {
            Route::Column { .. } => msg!("eval-national-orphans-empty", column = column),
            Route::Link { .. } => msg!("eval-national-orphans-link"),
        };
        Some(
            Diagnostic::error(
                Code::NationalRowWithoutCase,
                msg!("eval-national-orphans", rows = self.orphans, file = &self.file.shown, why = why),
            )
            .at(Location::Data { file: self.file.shown.clone(), row: first as usize, field: None })
            .hint(msg!("eval-national-orphans-hint", column = column)),
        )
    }
}

/// An error of reading file `shown`, at the file.
pub(crate) fn unreadable(shown: &str, why: Message) -> Diagnostic {
    Diagnostic::error(Code::DataFileUnreadable, msg!("eval-data-unreadable", file = shown, reason = why))
        .at(Location::File { file: shown.to_string() })
}

/// The fields of a key, joined.
fn joined<'a>(r: &'a Records, fields: &[usize], scratch: &'a mut Vec<u8>) -> &'a [u8] {
    if let [one] = fields {
        return r.field(*one);
    }
    scratch.clear();
    for (k, &i) in fields.iter().enumerate() {
        if k > 0 {
            scratch.push(UNIT_SEPARATOR);
        }
        scratch.extend_from_slice(r.field(i));
    }
    scratch
}

/// Finds, for each file without the case column, the first link of its norm to a file that has
/// it; a file with neither is refused (D230).
pub(crate) fn link_all(opened: &mut [Opened], readers: &Readers<'_>, diags: &mut Vec<Diagnostic>) {
    for f in 0..opened.len() {
        if opened[f].has_column() {
            continue;
        }
        let Some(Ok(v)) = readers.validator(opened[f].file.id) else { continue };
        let found = v.norm.references.iter().find_map(|r| {
            let target = opened.iter().position(|o| o.norm_name == r.norm && o.has_column())?;
            let fields = indexes(&opened[f].header_cells, &r.fields)?;
            let keys = indexes(&opened[target].header_cells, &r.keys)?;
            Some((target, fields, keys))
        });
        match found {
            Some((target, fields, keys)) => {
                opened[f].route = Route::Link { fields, target };
                opened[target].key_fields = Some(keys);
            }
            None => diags.push(
                Diagnostic::error(
                    Code::NationalColumn,
                    msg!("eval-national-no-column", file = &opened[f].file.shown, norm = &opened[f].norm_name),
                )
                .at(Location::Data { file: opened[f].file.shown.clone(), row: 1, field: None })
                .hint(msg!("eval-national-no-column-hint")),
            ),
        }
    }
}

fn indexes(header: &[String], names: &[String]) -> Option<Vec<usize>> {
    names.iter().map(|n| header.iter().position(|c| c == n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_a_part_is_found_in_its_runs() {
        let part = CaseBuffer { runs: vec![(10, 2), (40, 1), (7, 3)], ..CaseBuffer::default() };
        let lines: Vec<usize> = (1..=8).map(|l| part.read().national_line(l)).collect();
        assert_eq!(lines, [1, 10, 11, 40, 7, 8, 9, 8]);
    }
}
