//! One validation run over one file: the state machine that reads the header, then every row,
//! counts each problem, keeps the first few of each code as examples and hands rejected rows to
//! the sink.

use crate::ids::{ExistsId, SetId};
mod chunks;
mod cross;
mod header;
mod keys;
mod rejects;
mod row;
use std::io::{self, Read};

use crate::data::field::{FieldValue, Finding, text_of};
use crate::data::row::Staged;
use crate::diagnostic::{Code, Severity};
use crate::expr::{Env, Expr, Slot};
use crate::message::Message;
use crate::validate::links::{KeyIndex, Links, Span};
use crate::validate::short_map::ShortMap;
use crate::validate::split::Splitter;
use crate::validate::validator::RefPlan;
use crate::validate::{FileReport, Options, Problem, Sink, Validator, dupes};
use crate::value::{Period, Value};
use chunks::At;
pub(crate) use chunks::Chunking;
pub use chunks::Positioned;

/// The values a condition reads, for one row.
pub(crate) struct RowValues(Vec<Value>);

impl Env for RowValues {
    fn get(&self, slot: Slot) -> Value {
        match slot {
            Slot::Column(c) => self.0.get(c.index()).cloned().unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }
    fn get_ref(&self, slot: Slot) -> Option<&Value> {
        match slot {
            Slot::Column(c) => self.0.get(c.index()),
            _ => None,
        }
    }
    fn contains(&self, _set: SetId, _value: &Value) -> bool {
        false
    }
    fn exists(&self, _view: ExistsId, _cond: &Expr) -> bool {
        false
    }
}

/// The last few values of a field that passed every check of their own, to skip the checks when
/// a row repeats one (one identifier on every row, a few that alternate over consecutive rows).
/// A field whose values seldom repeat (identifiers of people, dates of events) stops being
/// looked up for a while, and is tried again now and then: its lookups and copies cost more than
/// they save.
#[derive(Default)]
pub(crate) struct Cache {
    entries: [Entry; CACHED_VALUES],
    /// The entry the next new value replaces.
    next: usize,
    /// Lookups that found the value, and that did not, in the current window.
    hits: u32,
    misses: u32,
    /// Rows left before the field is looked up again (0: looked up).
    resting: u32,
}

/// A value remembered: its bytes as three words (exact up to 16 bytes, the first and last eight
/// of a longer value, whose bytes are then compared too), and what its checks gave. Comparing
/// words held in the cache itself, instead of following each entry's own buffer, took the lookups
/// from 18 % to 15 % of the CPU samples of `peps validate` on the peers' acts (`perf record`,
/// 5 M rows, 6 December 2026).
#[derive(Default)]
struct Entry {
    key: Key,
    long: Vec<u8>,
    cell: Option<FieldValue>,
}

/// A value's length and two words that hold its bytes (see [`Entry`]).
#[derive(Default, Clone, Copy, PartialEq, Eq)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

impl Key {
    #[inline]
    fn of(b: &[u8]) -> Key {
        let n = b.len();
        let word = |chunk: &[u8; 8]| u64::from_le_bytes(*chunk);
        let half = |chunk: &[u8; 4]| u64::from(u32::from_le_bytes(*chunk));
        // Overlapping first and last words cover every byte of a value up to 16 bytes long.
        let (head, tail) = match n {
            0 => (0, 0),
            1..=3 => (u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16, 0),
            4..=7 => (half(b.first_chunk().expect("4 bytes")) | half(b.last_chunk().expect("4 bytes")) << 32, 0),
            _ => (word(b.first_chunk().expect("8 bytes")), word(b.last_chunk().expect("8 bytes"))),
        };
        Key { len: n, head, tail }
    }
}

/// Values remembered per field.
pub(crate) const CACHED_VALUES: usize = 4;

/// Lookups per window, after which a field that hit less than one in `SELDOM` rests for
/// `REST` rows.
const WINDOW: u32 = 256;
const SELDOM: u32 = 16;
const REST: u32 = 4096;
/// Longest value whose key words hold all its bytes.
const IN_KEY: usize = 16;

impl Cache {
    /// The checked value of `bytes` if they are one of the last good values; `None` too while
    /// the field rests. A value found is the one the checks gave these very bytes.
    #[inline]
    pub(crate) fn get(&mut self, bytes: &[u8]) -> Option<FieldValue> {
        if self.resting > 0 {
            self.resting -= 1;
            return None;
        }
        let key = Key::of(bytes);
        let found =
            self.entries.iter().find(|e| e.key == key && e.cell.is_some() && (key.len <= IN_KEY || e.long == bytes)).and_then(|e| e.cell);
        if found.is_some() {
            self.hits += 1;
        } else {
            self.misses += 1;
        }
        if self.hits + self.misses == WINDOW {
            if self.hits * SELDOM < WINDOW {
                self.resting = REST;
            }
            (self.hits, self.misses) = (0, 0);
        }
        found
    }

    pub(crate) fn put(&mut self, bytes: &[u8], cell: FieldValue) {
        if self.resting > 0 {
            return;
        }
        let entry = &mut self.entries[self.next];
        entry.key = Key::of(bytes);
        entry.long.clear();
        if bytes.len() > IN_KEY {
            entry.long.extend_from_slice(bytes);
        }
        entry.cell = Some(cell);
        self.next = (self.next + 1) % CACHED_VALUES;
    }
}

/// The state of one validation.
pub(crate) struct Run<'p, 'a> {
    pub(crate) plan: &'p Validator<'a>,
    pub(crate) options: &'p Options,
    pub(crate) sink: &'p mut dyn Sink,
    pub(crate) report: FileReport,
    /// For each field of the norm, its column in the file.
    pub(crate) columns: Vec<Option<usize>>,
    /// For each column of the file, the field it holds.
    pub(crate) column_fields: Vec<Option<usize>>,
    pub(crate) width: usize,
    pub(crate) cells: Vec<FieldValue>,
    pub(crate) caches: Vec<Cache>,
    pub(crate) findings: Vec<Finding>,
    /// The fields of the current row with findings, and where theirs start in `findings`.
    pub(crate) failed: Vec<(usize, usize)>,
    pub(crate) row_problems: Vec<Problem>,
    pub(crate) decoded: String,
    pub(crate) canonical: Vec<u8>,
    pub(crate) memo: Vec<ShortMap<bool>>,
    pub(crate) memo_key: Vec<u8>,
    pub(crate) dupes: dupes::RowSet,
    /// The keys seen so far, when the norm declares one.
    pub(crate) keys: dupes::KeySet,
    /// The current row's key, as its hash reads it.
    pub(crate) key_bytes: Vec<u8>,
    pub(crate) pending: Pending,
    /// The sink takes the typed values of the rows that are not rejected.
    pub(crate) typed: bool,
    /// Per field, whether the sink stores its typed values (`Sink::keeps`).
    pub(crate) keeps: Vec<bool>,
    /// The sink takes every problem in full (see [`Run::detailed`]).
    pub(crate) every_problem: bool,
    /// The references of this file's rows to the keys of files read before.
    pub(crate) refs: Vec<RefCheck<'p>>,
    /// The keys this file gives to the files that refer to it, as they are collected.
    pub(crate) collectors: Vec<Collector>,
    /// The key of the current row, for references and collectors.
    pub(crate) key: Vec<u8>,
    /// The values the norm's checks read, reused from row to row.
    pub(crate) check_values: Vec<Value>,
    /// The errors of rejected rows (the report's other errors are the file's).
    pub(crate) row_errors: u64,
    /// The separator the file is read with (the norm's, or the one the header shows).
    pub(crate) sep: u8,
    /// The sink writes rejected rows (`Sink::wants_rejected_rows`).
    pub(crate) records: bool,
    /// The period of the files read with this one, for the rules that read the period when the
    /// file's name names none.
    pub(crate) run_period: Option<Period>,
    /// A run over one chunk of a file keeps its blocks for the run of the whole file, which
    /// finishes them in line order (see `chunks`); `None`: blocks are finished as they fill.
    pub(crate) deferred: Option<Deferred>,
    /// Problems of each code found in the block of rows not yet finished (a run of the whole
    /// file; a chunk's counts in `deferred`): they are told after the block, and a problem is
    /// worded only while the examples kept and the problems before it in the block leave room.
    in_block: CodeCounts,
}

/// The blocks of rows a run over one chunk of a file checked, not finished, and how many
/// problems of each code it found (a problem past the examples' count needs no words).
#[derive(Default)]
pub(crate) struct Deferred {
    pub(crate) blocks: Vec<Pending>,
    seen: CodeCounts,
    /// Blocks finished before, emptied, their room kept: a block filled here takes one, so that
    /// the rows of a file cost no allocation per block.
    pub(crate) spare: Option<std::sync::Arc<std::sync::Mutex<Vec<Pending>>>>,
}

impl Deferred {
    fn count(&mut self, problems: &[Problem]) {
        self.seen.count(problems);
    }
}

/// How many problems of each code were found (a few codes: a list).
#[derive(Default)]
struct CodeCounts(Vec<(Code, u64)>);

impl CodeCounts {
    fn of(&self, code: Code) -> u64 {
        self.0.iter().find(|(c, _)| *c == code).map_or(0, |(_, n)| *n)
    }

    fn count(&mut self, problems: &[Problem]) {
        for p in problems {
            match self.0.iter_mut().find(|(c, _)| *c == p.code) {
                Some((_, n)) => *n += 1,
                None => self.0.push((p.code, 1)),
            }
        }
    }

    fn clear(&mut self) {
        self.0.clear();
    }
}

/// A reference checked on every row, with the last key looked up (the rows of one person or
/// one professional often follow each other).
pub(crate) struct RefCheck<'p> {
    pub(crate) plan: &'p RefPlan,
    pub(crate) index: &'p KeyIndex,
    pub(crate) last: Option<(Vec<u8>, Option<&'p [Span]>)>,
}

/// The keys of this file that another file's references read.
pub(crate) struct Collector {
    pub(crate) index: KeyIndex,
    pub(crate) fields: Vec<usize>,
    pub(crate) from: Option<usize>,
    pub(crate) to: Option<usize>,
}

/// Rows checked on their own but not finished: duplicates are looked up a block at a time.
#[derive(Default)]
pub(crate) struct Pending {
    pub(crate) rows: Vec<PendingRow>,
    /// The bytes then the line break of each row that can be rejected.
    pub(crate) bytes: Vec<u8>,
    /// Each row's problems, in row order.
    pub(crate) problems: Vec<Problem>,
    /// The typed values of each row without an error so far, when the sink takes them.
    pub(crate) staged: Staged,
}

pub(crate) struct PendingRow {
    pub(crate) line: u64,
    /// Where the row's bytes start, end, and its line break ends in `Pending::bytes`, for a row
    /// that can be rejected.
    pub(crate) kept: Option<(usize, usize, usize)>,
    pub(crate) n_problems: usize,
    /// None for rows not compared (blank, or of the wrong width).
    pub(crate) hash: Option<u64>,
    /// The hash of the row's key, when the norm has one and every field of it was read.
    pub(crate) key: Option<u64>,
}

/// Rows per block of duplicate lookups.
pub(crate) const BLOCK: usize = 64;

/// A condition memo is emptied when it reaches this size, to keep memory flat.
pub(crate) const MEMO_MAX: usize = 4096;

/// Running a compiled norm over a file: the one place a `Run` starts.
impl<'a> Validator<'a> {
    /// Validates the rows of `input`, a file called `name` (its size, when known, lets duplicate
    /// detection size its table once). Errors are those of reading `input` or writing to `sink`.
    pub fn run<R: Read>(&self, name: &str, input: R, size: Option<u64>, options: &Options, sink: &mut dyn Sink) -> io::Result<FileReport> {
        self.run_linked(name, input, size, options, sink, &mut Links::none())
    }

    /// [`Validator::run`] as one of the files of a run: the rows' references to the files read
    /// before are checked, and the keys other files refer to are collected into `links`.
    pub fn run_linked<R: Read>(
        &self,
        name: &str,
        input: R,
        size: Option<u64>,
        options: &Options,
        sink: &mut dyn Sink,
        links: &mut Links,
    ) -> io::Result<FileReport> {
        let mut run = self.start(name, options, sink, links)?;
        let mut splitter = Splitter::sized(input, self.norm.separator, size);
        if run.read_header(&mut splitter)? {
            run.read_rows(&mut splitter, size)?;
        }
        let (report, indexes) = run.finish_linked();
        links.indexes.extend(indexes);
        Ok(report)
    }

    /// [`Validator::run_linked`] over `size` bytes that can be read at any offset (a file, bytes
    /// in memory): a large one is read in chunks on every core, with the report and the calls of
    /// `sink` of one pass.
    pub fn run_source(
        &self,
        name: &str,
        source: &dyn Positioned,
        size: u64,
        options: &Options,
        sink: &mut dyn Sink,
        links: &mut Links,
    ) -> io::Result<FileReport> {
        self.run_chunked(name, source, size, options, sink, links, Chunking::on_every_core())
    }

    /// [`Validator::run_source`], cut as `chunking` says.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn run_chunked(
        &self,
        name: &str,
        source: &dyn Positioned,
        size: u64,
        options: &Options,
        sink: &mut dyn Sink,
        links: &mut Links,
        chunking: Chunking,
    ) -> io::Result<FileReport> {
        let mut run = self.start(name, options, sink, links)?;
        let mut splitter = Splitter::sized(At::new(source, 0), self.norm.separator, Some(size));
        if run.read_header(&mut splitter)? {
            if chunking.worth(size, splitter.consumed()) {
                run.read_chunks(&splitter, source, size, chunking, links)?;
            } else {
                run.read_rows(&mut splitter, Some(size))?;
            }
        }
        let (report, indexes) = run.finish_linked();
        links.indexes.extend(indexes);
        Ok(report)
    }

    /// A run over the file `name`, linked to the files read before it, its name checked.
    fn start<'p>(&'p self, name: &str, options: &'p Options, sink: &'p mut dyn Sink, links: &'p Links) -> io::Result<Run<'p, 'a>> {
        let (period, mut name_problems) = self.check_name(name);
        if options.any_file_name && !self.file_name.as_ref().is_some_and(|p| p.loose.is_match(name)) {
            name_problems.clear();
        }
        let mut run = Run::new(self, options, sink, name, period);
        run.link(links);
        for p in name_problems {
            run.emit(p)?;
        }
        Ok(run)
    }
}

impl<'p, 'a> Run<'p, 'a> {
    pub(crate) fn new(plan: &'p Validator<'a>, options: &'p Options, sink: &'p mut dyn Sink, name: &str, period: Option<Period>) -> Self {
        let n = plan.fields.len();
        let norm = plan.norm;
        let typed = sink.wants_rows();
        let keeps = (0..n).map(|f| sink.keeps(f)).collect();
        let every_problem = sink.wants_every_problem();
        let records = sink.wants_rejected_rows();
        Run {
            plan,
            options,
            sink,
            report: FileReport {
                file: name.to_string(),
                norm: norm.name.clone(),
                version: norm.version,
                norm_status: norm.provenance.status,
                period,
                encoding: norm.encoding,
                rows: 0,
                valid: 0,
                rejected: 0,
                errors: 0,
                warnings: 0,
                notes: 0,
                counts: Vec::new(),
                examples: Vec::new(),
                not_shown: 0,
            },
            columns: vec![None; n],
            column_fields: Vec::new(),
            width: 0,
            cells: vec![FieldValue::Absent; n],
            caches: (0..n).map(|_| Cache::default()).collect(),
            findings: Vec::new(),
            failed: Vec::new(),
            row_problems: Vec::new(),
            decoded: String::new(),
            canonical: Vec::new(),
            memo: (0..n).map(|_| ShortMap::default()).collect(),
            memo_key: Vec::new(),
            dupes: dupes::RowSet::new(),
            keys: dupes::KeySet::new(),
            key_bytes: Vec::new(),
            pending: Pending::default(),
            typed,
            keeps,
            every_problem,
            refs: Vec::new(),
            collectors: Vec::new(),
            key: Vec::new(),
            check_values: Vec::new(),
            row_errors: 0,
            sep: norm.separator,
            records,
            run_period: None,
            deferred: None,
            in_block: CodeCounts::default(),
        }
    }

    /// Whether a problem of `code` found now must be written out in full: the sink takes every
    /// problem (a JSON stream), or the report still keeps examples of the code. Otherwise only
    /// its count matters, and its message is left empty: a file with a warning on every row
    /// (identical rows a norm allows, codes outside the rulebook's list) costs no text per row.
    ///
    /// A run over one chunk of a file counts its own problems: a problem the whole file keeps as
    /// an example is among the first of its code in its chunk too, so it is always written out.
    pub(crate) fn detailed(&self, code: Code) -> bool {
        if let Some(deferred) = &self.deferred {
            return self.every_problem || deferred.seen.of(code) < self.options.examples_per_code;
        }
        let shown = self.report.counts.binary_search_by_key(&code, |c| c.code).map_or(0, |i| self.report.counts[i].shown);
        self.every_problem || shown + self.in_block.of(code) < self.options.examples_per_code
    }

    /// Counts a problem, keeps it as an example if there is room, and hands it to the sink.
    pub(crate) fn emit(&mut self, mut p: Problem) -> io::Result<()> {
        // Every warning says what to do; a problem only counted needs no words.
        if p.hint.is_none() && p.severity == Severity::Warning && self.detailed(p.code) {
            p.hint = crate::validate::warning_hint(p.code);
        }
        self.sink.problem(&p)?;
        self.report.record(p, self.options.examples_per_code);
        Ok(())
    }

    /// A value as reports show it: masked for identifiers, decoded as the norm says (an invalid
    /// byte of a UTF-8 file shows as `�`, where it is).
    pub(crate) fn shown(&self, field: usize, bytes: &[u8]) -> Message {
        let text = text_of(bytes, self.plan.norm.encoding).into_owned();
        if self.options.show_identifiers || text.trim().is_empty() {
            Message::text(text)
        } else if self.plan.fields[field].identifier {
            masked(text.chars().count())
        } else {
            self.unless_identifier(text)
        }
    }

    /// `text`, unless it holds a value that would be valid in an identifier field of the norm (an
    /// identifier in the wrong column still identifies someone), or a NIR in a form no field
    /// accepts (spaced, a digit short, Corsican: [`crate::data::mask`]).
    pub(crate) fn unless_identifier(&self, text: String) -> Message {
        if self.options.show_identifiers {
            return Message::text(text);
        }
        match crate::data::field::identifier_lookalike(&text, self.plan.norm) {
            Some(like) => msg!("data-masked-lookalike", field = &like.name),
            None if crate::data::mask::has_run(text.as_bytes(), crate::data::mask::STRAY_MIN_DIGITS) => masked(text.chars().count()),
            None => Message::text(text),
        }
    }

    pub(crate) fn read_rows<R: Read>(&mut self, s: &mut Splitter<R>, size: Option<u64>) -> io::Result<()> {
        let mut reserved = false;
        while s.next_record()? {
            self.check_row(s)?;
            if !reserved && self.report.rows == 1024 {
                reserved = true;
                if let Some(size) = size {
                    // Size the duplicate table once from the rows' mean length.
                    let per_row = (s.consumed() / 1024).max(1);
                    let rows = (size / per_row + size / per_row / 10) as usize;
                    if self.plan.key.is_empty() {
                        self.dupes.reserve(rows);
                    } else {
                        self.keys.reserve(rows);
                    }
                }
            }
        }
        self.finish_rows()
    }

    /// After the last row: the pending rows finished, and a file without rows said.
    pub(crate) fn finish_rows(&mut self) -> io::Result<()> {
        self.flush()?;
        if self.report.rows == 0 {
            self.emit(Problem::new(Code::NoDataRows, None, msg!("data-file-no-rows")))?;
        }
        Ok(())
    }

    /// A block of pending rows is full: finished now, or kept for the run of the whole file.
    pub(crate) fn end_block(&mut self) -> io::Result<()> {
        match &mut self.deferred {
            Some(deferred) => {
                let spare = deferred.spare.as_ref().and_then(|s| s.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop());
                let next = spare.unwrap_or_default();
                deferred.blocks.push(std::mem::replace(&mut self.pending, next));
                Ok(())
            }
            None => self.flush(),
        }
    }

    /// Finishes the pending rows: duplicates, then each row valid or rejected, its problems out.
    pub(crate) fn flush(&mut self) -> io::Result<()> {
        // The block's problems are told below, each counted as it is: none is waiting any more.
        self.in_block.clear();
        let mut pending = std::mem::take(&mut self.pending);
        // Read every row's slot of the duplicate table first: these reads go to memory at once
        // instead of one after the other (the table is far larger than the caches).
        let touched = pending.rows.iter().fold(0u32, |acc, r| match (r.key, r.hash) {
            (Some(k), _) => acc ^ self.keys.touch(k),
            (None, Some(h)) => acc ^ self.dupes.touch(h),
            (None, None) => acc,
        });
        std::hint::black_box(touched);
        let mut problems = pending.problems.drain(..);
        let width = self.plan.fields.len();
        for (k, r) in pending.rows.iter().enumerate() {
            let typed = if self.typed { pending.staged.row(k, width) } else { None };
            self.row_problems.clear();
            self.row_problems.extend(problems.by_ref().take(r.n_problems));
            // A row with a key is compared by its key (an identical row has the same key); a row
            // whose key could not be read (rejected for it) by its content.
            if let (Some(k), Some(h)) = (r.key, r.hash)
                && let Some((first, identical)) = self.keys.insert(k, r.line, h)
            {
                let (start, raw_end, _) = r.kept.expect("a row with a key keeps its bytes");
                let p = self.duplicate_key(r.line, first, identical, &pending.bytes[start..raw_end]);
                self.row_problems.push(p);
            } else if let (None, Some(h)) = (r.key, r.hash)
                && let Some(first) = self.dupes.insert(h, r.line)
            {
                let detailed = self.detailed(Code::DuplicateRow);
                let mut p = Problem::new(
                    Code::DuplicateRow,
                    Some(r.line),
                    if detailed { msg!("data-row-duplicate", first = first) } else { Message::text(String::new()) },
                );
                // The norm says whether identical rows can be two real events (two visits on one day).
                p.severity = self.plan.norm.duplicate_rows;
                if p.severity == Severity::Warning && detailed {
                    p.hint = Some(msg!("data-row-duplicate-allowed-hint"));
                }
                self.row_problems.push(p);
            }
            self.sort_row_problems();
            if self.row_problems.iter().any(Problem::is_error) {
                self.report.rejected += 1;
                self.row_errors += self.row_problems.iter().filter(|p| p.is_error()).count() as u64;
                let (start, raw_end, end) = r.kept.expect("a row that can be rejected keeps its bytes");
                let mut record = Vec::new();
                if self.records {
                    self.rejects_record(&pending.bytes[start..raw_end], &mut record);
                }
                self.sink.rejected(r.line, &record, &pending.bytes[raw_end..end], &self.row_problems)?;
            } else {
                self.report.valid += 1;
                if let Some(v) = typed {
                    self.sink.accepted(r.line, v);
                }
            }
            let mut row_problems = std::mem::take(&mut self.row_problems);
            for p in row_problems.drain(..) {
                self.emit(p)?;
            }
            self.row_problems = row_problems;
        }
        drop(problems);
        pending.staged.clear();
        pending.rows.clear();
        pending.bytes.clear();
        self.pending = pending;
        Ok(())
    }

    /// Orders a row's problems by column (the row's own first, a duplicate last).
    pub(crate) fn sort_row_problems(&mut self) {
        if self.row_problems.len() < 2 {
            return;
        }
        let norm = self.plan.norm;
        let n = norm.fields.len();
        self.row_problems.sort_by_key(|p| match (&p.field, p.code) {
            (_, Code::DuplicateRow | Code::DuplicateKey) => n + 1,
            (Some(name), _) => name.as_text().and_then(|t| norm.field_index(t)).unwrap_or(n),
            (None, _) => 0,
        });
    }
}

/// The record written back with minimal quoting, so that `"a";b` and `a;b` compare equal.
pub(crate) fn canonical<R: Read>(s: &Splitter<R>, out: &mut Vec<u8>) {
    out.clear();
    for i in 0..s.width() {
        if i > 0 {
            out.push(s.sep);
        }
        rejects::quote_into(s.field(i), s.sep, out);
    }
}

/// The masked form of an identifier of `count` characters.
pub(crate) fn masked(count: usize) -> Message {
    msg!("data-masked-characters", count = count)
}

#[cfg(test)]
mod cache_tests {
    use super::*;

    #[test]
    fn values_are_found_by_their_bytes_alone() {
        let values: [&[u8]; 12] = [
            b"",
            b"A",
            b"AB",
            b"BA",
            b"ABC",
            b"AXC",
            b"ABCD",
            b"ABCDEFG",
            b"ABCDEFGH",
            b"ABCDEFGHIJKLMNOP",
            b"ABCDEFGHIJKLMNOPQ",
            b"ABCDEFGHXJKLMNOPQ",
        ];
        for (i, a) in values.iter().enumerate() {
            let mut cache = Cache::default();
            cache.put(a, FieldValue::Number(i.into()));
            for (j, b) in values.iter().enumerate() {
                assert_eq!(cache.get(b).is_some(), i == j, "{:?} {:?}", String::from_utf8_lossy(a), String::from_utf8_lossy(b));
            }
        }
        // Every byte counts, wherever it is.
        for n in 1..40 {
            let a: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            for at in 0..n as usize {
                let mut b = a.clone();
                b[at] = b'#';
                let mut cache = Cache::default();
                cache.put(&a, FieldValue::Text);
                assert_eq!(cache.get(&b), None, "{n} bytes, changed at {at}");
                assert_eq!(cache.get(&a), Some(FieldValue::Text));
            }
        }
    }

    #[test]
    fn a_field_that_seldom_repeats_rests_then_is_looked_up_again() {
        let mut cache = Cache::default();
        cache.put(b"A", FieldValue::Text);
        assert_eq!(cache.get(b"A"), Some(FieldValue::Text));
        // Values that never repeat, a window long: the field rests.
        for i in 0..WINDOW - 1 {
            assert_eq!(cache.get(format!("{i:08}").as_bytes()), None);
        }
        assert_eq!(cache.get(b"A"), None, "resting: not looked up");
        for _ in 1..REST {
            cache.get(b"A");
        }
        assert_eq!(cache.get(b"A"), Some(FieldValue::Text), "looked up again after its rest");
        // A field that repeats keeps being looked up.
        let mut cache = Cache::default();
        cache.put(b"B", FieldValue::Text);
        for _ in 0..3 * WINDOW {
            assert_eq!(cache.get(b"B"), Some(FieldValue::Text));
        }
    }
}
