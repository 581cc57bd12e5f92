//! National files: one file per data input holding the rows of every case of a run, with a
//! column naming the case, cut by that column's raw bytes into one buffer per case.
//! Each buffer starts with the file's header, and the case reader reads it as if it were the
//! case's own file (`national/case`): the same validator, the same diagnostics, cited at the
//! national file's own lines. A norm's key thus holds within each case: the same key in two cases
//! is two cases' rows (each team has its own IK table; a professional may work in two teams).
//!
//! A file without the column finds each row's case through the first link of its norm to a file
//! that has it (a row through the row it links to). A file whose norm has no field of that name
//! loses the column before it is read, so that a case's buffer is the file the case would have
//! deposited.
//!
//! Two ways to cut: `partition` reads every file once, noting each row's case and length, then
//! reads them again a group of cases at a time ([`National::read_groups`]), each group's rows
//! held in one buffer per file, case after case, found by a counting sort of their numbers
//! (`national/held`); [`Stream`] reads files whose rows come case by case, in the same order,
//! holding one case at a time.

pub mod case;
mod cut;
mod file;
mod held;
mod key;
mod lines;
mod stream;

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use foldhash::HashMap;

use crate::case::Readers;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::message::Message;
use crate::rules::inputs::{CaseSchema, InputKind};

use cut::{Key, Opened};
pub use file::{CaseBuffer, NationalFile};
use held::{FileRows, HeldFile, HeldPart, NO_CASE, RowIndex};
use key::{KeyBytes, KeyCases, Lookup};
pub use stream::Stream;

/// A national file given for a data input of the rulebook.
#[derive(Debug, Clone)]
pub struct NationalInput {
    /// The dataset input's name in the rulebook.
    pub name: String,
    pub path: PathBuf,
}

/// A set of national files read once: their cases, and what is needed to read each case's
/// part of each file, a group of cases at a time ([`National::read_groups`]).
pub struct National {
    pub files: Vec<NationalFile>,
    /// The cases' keys (the case column's values), sorted.
    pub keys: Vec<String>,
    /// Per case in the order of `keys`, its number in the files' indexes.
    numbers: Vec<u32>,
    /// Per file (in the order of `files`), its rows' cases and lengths.
    held: Vec<HeldFile>,
    /// Per case in the order of `keys`, the bytes of its parts of every file.
    bytes: Vec<u64>,
}

impl National {
    /// The cases in groups (ranges of `keys`, in order) whose parts take at most `budget` bytes
    /// each; a case larger than `budget` is a group of its own.
    fn groups(&self, budget: u64) -> Vec<Range<usize>> {
        let mut groups = Vec::new();
        let (mut start, mut sum) = (0, 0u64);
        for (k, &b) in self.bytes.iter().enumerate() {
            if k > start && sum.saturating_add(b) > budget {
                groups.push(start..k);
                (start, sum) = (k, 0);
            }
            sum = sum.saturating_add(b);
        }
        if start < self.bytes.len() {
            groups.push(start..self.bytes.len());
        }
        groups
    }

    /// The cases' parts, a group of cases at a time, in order: whole cases in the order of `keys`
    /// whose parts take at most `budget` bytes together (a larger case alone).
    pub fn read_groups(&mut self, budget: u64) -> Groups<'_> {
        let groups = self.groups(budget).into_iter();
        Groups { national: self, groups }
    }

    /// Per case of `group` (a range of `keys`), its part of each file: every file read again (on
    /// as many threads as it was cut with), each row copied to its case's place. An error when a
    /// file cannot be read again or is no longer the file first read. `last`: no group is read
    /// after this one, each file's index of rows is released once the file is read.
    fn parts(&mut self, group: Range<usize>, last: bool) -> Result<Vec<Vec<CaseBuffer>>, Diagnostic> {
        let Some(numbers) = self.numbers.get(group) else { return Ok(Vec::new()) };
        let mut place = vec![NO_CASE; self.bytes.len()];
        for (k, &n) in numbers.iter().enumerate() {
            place[n as usize] = k as u32;
        }
        let mut parts: Vec<Vec<CaseBuffer>> = vec![Vec::with_capacity(self.held.len()); numbers.len()];
        for (held, file) in self.held.iter_mut().zip(&self.files) {
            let rows = held.read(&place, numbers.len()).map_err(|e| cut::unreadable(&file.shown, Message::of_io(&e)));
            if last || rows.is_err() {
                // Nothing reads the index again: its room goes to the cases.
                held.index = RowIndex::default();
            }
            let rows = Arc::new(rows?);
            for (case, case_parts) in parts.iter_mut().enumerate() {
                case_parts.push(part_of(&rows, case as u32));
            }
        }
        Ok(parts)
    }
}

/// The parts of a set of national files' cases, a group of cases at a time: each item is a group
/// (a range of [`National::keys`]) and, per case of it, its part of each file, or the error that
/// stops the reading. Once the last group is read, the rows' index is released.
pub struct Groups<'n> {
    national: &'n mut National,
    groups: std::vec::IntoIter<Range<usize>>,
}

impl Groups<'_> {
    /// Groups left to read.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.len() == 0
    }
}

impl Iterator for Groups<'_> {
    type Item = Result<(Range<usize>, Vec<Vec<CaseBuffer>>), Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        let group = self.groups.next()?;
        let parts = self.national.parts(group.clone(), self.groups.len() == 0);
        if parts.is_err() {
            // A reading that failed stops the others.
            self.groups = Vec::new().into_iter();
            self.national.held.iter_mut().for_each(|h| h.index = RowIndex::default());
        }
        Some(parts.map(|p| (group, p)))
    }
}

/// Cuts `inputs` by `column` in memory, a large linked file in two halves at once when
/// `threads` allows. Diagnostics: errors when a file cannot be read or has no way to its cases
/// (then `None`), and errors for rows of no case.
pub(crate) fn partition(
    schema: &CaseSchema,
    readers: &Readers<'_>,
    column: &str,
    inputs: &[NationalInput],
    threads: usize,
) -> (Option<National>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let Some(mut opened) = open_all(schema, readers, column, inputs, &mut diags) else { return (None, diags) };
    let mut cases = Cases::default();
    // Per file that others link to: each of its keys' case.
    let mut maps: Vec<Option<KeyCases>> = opened.iter().map(|o| o.key_fields.as_ref().map(|_| KeyCases::default())).collect();
    for f in order(&opened) {
        if let Some(t) = opened[f].target()
            && let Some(map) = maps[t].as_mut()
            && matches!(map, KeyCases::Sorted(_))
            && !follows_keys(&opened[f], map)
        {
            map.hash();
        }
        let (map_in, mut map_out) = split_maps(&mut maps, f, opened[f].target());
        let o = &mut opened[f];
        // A file is looked at for its middle only when it could be cut in halves.
        let middle = || if threads > 1 && (map_in.is_some() || o.has_column()) { o.middle() } else { None };
        let halves = match (map_in, middle()) {
            (Some(map), Some(middle)) if map_out.is_none() => cut_in_halves(o, map, middle),
            (None, Some(middle)) if o.has_column() => cut_own_in_halves(o, map_out.as_deref_mut(), middle, &mut cases),
            _ => Ok(false),
        };
        let done = match halves {
            Ok(done) => done,
            Err(d) => {
                diags.push(d);
                return (None, diags);
            }
        };
        if !done && let Err(d) = cut_file(o, map_in, map_out, &mut cases) {
            diags.push(d);
            return (None, diags);
        }
        diags.extend(o.orphans_diagnostic(column));
    }
    // The keys' cases are no longer needed: their room goes to the cases' parts.
    drop(maps);
    let names = cases.names;
    let (files, held): (Vec<NationalFile>, Vec<HeldFile>) = opened.into_iter().map(Opened::into_held).unzip();
    let mut bytes = vec![0u64; names.len()];
    for h in &held {
        for (sum, b) in bytes.iter_mut().zip(h.case_bytes(names.len())) {
            *sum += b;
        }
    }
    let mut order: Vec<u32> = (0..names.len() as u32).collect();
    order.sort_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
    let keys = order.iter().map(|&i| String::from_utf8_lossy(&names[i as usize]).into_owned()).collect();
    let bytes = order.iter().map(|&i| bytes[i as usize]).collect();
    (Some(National { files, keys, numbers: order, held, bytes }), diags)
}

/// Case `case`'s part of a held file (none when the file has no row of it).
fn part_of(file: &Arc<FileRows>, case: u32) -> CaseBuffer {
    if file.rows_of(case).is_empty() { CaseBuffer::default() } else { CaseBuffer::held(HeldPart { file: Arc::clone(file), case }) }
}

/// The cases met so far: their keys, numbered in the order met.
#[derive(Default)]
struct Cases {
    keys: HashMap<KeyBytes, u32>,
    names: Vec<Box<[u8]>>,
}

/// Reads a file record by record, noting each one's case.
fn cut_file(o: &mut Opened, map_in: Option<&KeyCases>, mut map_out: Option<&mut KeyCases>, cases: &mut Cases) -> Result<(), Diagnostic> {
    let mut lookup = map_in.map(Lookup::new);
    while o.next_record()? {
        if o.file.rows == SAMPLE_ROWS + 1
            && let Some(m) = map_out.as_deref_mut()
        {
            // The keys still to come, as many per row as among the rows before this one, and a
            // sixteenth more for rows of other lengths.
            let keys = o.rows_left(SAMPLE_ROWS + 1).saturating_mul(m.len()) / SAMPLE_ROWS as usize;
            m.reserve(keys + keys / 16);
        }
        let case = match o.case_key() {
            Key::Own([]) => None,
            Key::Own(k) => Some(case_index(cases, k)),
            Key::Linked(k) => lookup.as_mut().and_then(|l| l.case(k)),
        };
        let Some(case) = case else {
            o.orphan();
            o.note(NO_CASE)?;
            continue;
        };
        if let (Some(m), Some(key)) = (map_out.as_deref_mut(), o.own_key()) {
            // A key given by two cases' rows stays with the first.
            m.insert_first(key, case);
        }
        o.note(case)?;
    }
    Ok(())
}

/// Rows read before a map of keys is given the room the rest of the file needs (see
/// [`Opened::rows_left`]): growing it row by row rehashed it about twenty times over a million
/// keys, 65 of the cut's 633 `perf` samples on the peers' workload.
const SAMPLE_ROWS: u64 = 64;

/// Rows of a linked file read to see whether they come in the order of the keys they link to.
const SAMPLED_LINKS: u64 = 4096;

/// Whether the first rows of linked file `o` find their key where the guess of [`Lookup`] looks
/// (at least half of them): else the sorted keys of `map` are hashed before the file is cut. A
/// search by halves in a million keys for every row of a linking file in random order took 40% more CPU
/// time to cut the peers' files than a hash map (4.7 against 3.3 s, load 4, noisy).
fn follows_keys(o: &Opened, map: &KeyCases) -> bool {
    let size = std::fs::metadata(o.file_path()).map_or(0, |m| m.len());
    let Ok(mut r) = o.range(o.data_start(), size.min(o.data_start() + (1 << 20))) else { return true };
    let mut lookup = Lookup::new(map);
    let mut rows = 0;
    while rows < SAMPLED_LINKS && matches!(r.next_record(), Ok(true)) {
        if let Key::Linked(k) = r.case_key() {
            lookup.case(k);
            rows += 1;
        }
    }
    lookup.guessed * 2 >= rows
}

/// A linked file's rows read by one reader of a range of it, each one's case noted.
fn cut_range(r: &mut Opened, map: &KeyCases) -> Result<RowIndex, Diagnostic> {
    let mut lookup = Lookup::new(map);
    while r.next_record()? {
        let case = match r.case_key() {
            Key::Linked(k) => lookup.case(k),
            Key::Own(_) => None,
        };
        if case.is_none() {
            r.orphan();
        }
        r.note(case.unwrap_or(NO_CASE))?;
    }
    Ok(std::mem::take(&mut r.index))
}

/// A file's rows in two halves, each cut by `cut` on a thread of its own while a third hashes the
/// whole file: each half's result and the lines before it. `None` when a half could not be read
/// (a line too long, an error of the disk: read again in one piece, its error names the file's
/// own line, not the half's) or holds a quote (a quoted line break could sit on the cut): the
/// caller then cuts the file in one piece.
fn halves<T: Send>(
    o: &mut Opened,
    middle: u64,
    cut: impl Fn(&mut Opened) -> Result<T, Diagnostic> + Sync,
) -> Result<Option<[(T, u64); 2]>, Diagnostic> {
    let size = std::fs::metadata(o.file_path()).map(|m| m.len()).unwrap_or(middle);
    let (mut a, mut b) = (o.range(o.data_start(), middle)?, o.range(middle, size)?);
    let (first, second, hash) = std::thread::scope(|s| {
        let hash = s.spawn(|| o.file_hash());
        let second = s.spawn(|| cut(&mut b));
        let first = cut(&mut a);
        (first, second.join(), hash.join())
    });
    let (first, second, hash) = (first, finished(o, second)?, finished(o, hash)?);
    let (Ok(first), Ok(second), Ok(hash)) = (first, second, hash) else { return Ok(None) };
    if a.quoted || b.quoted {
        return Ok(None);
    }
    let offset_a = o.lines_read();
    let offset_b = offset_a + a.lines_read();
    o.absorb(&a, offset_a);
    o.absorb(&b, offset_b);
    o.file.sha256 = hash;
    Ok(Some([(first, offset_a), (second, offset_b)]))
}

/// Cuts a linked file in two halves on two threads, the second half's rows after the first's.
/// `false` when the file must be cut in one piece (see [`halves`]). Cutting the peers' linked
/// file of 5 M rows on one thread was the largest part of what the run did on one core while
/// the other waited (`BENCHMARKS.md`, issue 18).
fn cut_in_halves(o: &mut Opened, map: &KeyCases, middle: u64) -> Result<bool, Diagnostic> {
    let Some([(first, _), (second, _)]) = halves(o, middle, |r| cut_range(r, map))? else { return Ok(false) };
    let start = o.data_start();
    o.index.append(first, start, |case| case);
    o.index.append(second, middle, |case| case);
    Ok(true)
}

/// The rows of a file with the case column, between two line starts, cut by one reader: the
/// cases in the order met, each row's case, and (`keyed`: other files link to this one) the
/// case of each key, the first met.
fn cut_own_range(r: &mut Opened, keyed: bool) -> Result<(Cases, KeyCases, RowIndex), Diagnostic> {
    let mut local = Cases::default();
    let mut map = KeyCases::default();
    cut_file(r, None, keyed.then_some(&mut map), &mut local)?;
    Ok((local, map, std::mem::take(&mut r.index)))
}

/// Cuts a file with the case column in two halves on two threads (the other core waited while
/// the peers' 1 M rows with the case column were cut on one), then takes in the first half's
/// cases and keys, then the second's: the cases, their rows and the keys' cases come out as a
/// reading in one piece gives them. `false` when the file must be cut in one piece.
fn cut_own_in_halves(o: &mut Opened, mut map_out: Option<&mut KeyCases>, middle: u64, cases: &mut Cases) -> Result<bool, Diagnostic> {
    let keyed = map_out.is_some();
    let Some(halves) = halves(o, middle, |r| cut_own_range(r, keyed))? else { return Ok(false) };
    for (((local, map, index), _), start) in halves.into_iter().zip([o.data_start(), middle]) {
        let global: Vec<u32> = local.names.iter().map(|name| case_index(cases, name)).collect();
        o.index.append(index, start, |case| global[case as usize]);
        if let Some(m) = map_out.as_deref_mut() {
            // A key given by two cases' rows stays with the first: the first half's come first
            // (and are taken as they are, hashed or sorted already).
            let mut map = map;
            map.renumber(|case| global[case as usize]);
            m.append(map);
        }
    }
    Ok(true)
}

/// What a thread of a cut gave, or the error of a thread that stopped.
fn finished<T>(o: &Opened, joined: std::thread::Result<Result<T, Diagnostic>>) -> Result<Result<T, Diagnostic>, Diagnostic> {
    joined.map_err(|_| o.failure(&msg!("eval-national-thread-stopped")))
}

/// The index of case `key`, a new one when it is first met.
fn case_index(cases: &mut Cases, key: &[u8]) -> u32 {
    if let Some(&i) = cases.keys.get(key) {
        return i;
    }
    let i = cases.names.len() as u32;
    cases.keys.insert(KeyBytes::from(key), i);
    cases.names.push(key.into());
    i
}

/// The map a file reads its cases from (the file it links to) and the one it fills (when others
/// link to it): never the same file.
fn split_maps(maps: &mut [Option<KeyCases>], f: usize, target: Option<usize>) -> (Option<&KeyCases>, Option<&mut KeyCases>) {
    match target {
        Some(t) if t < f => {
            let (a, b) = maps.split_at_mut(f);
            (a[t].as_ref(), b[0].as_mut())
        }
        Some(t) if t > f => {
            let (a, b) = maps.split_at_mut(t);
            (b[0].as_ref(), a[f].as_mut())
        }
        _ => (None, maps[f].as_mut()),
    }
}

/// Files with the case column first, then each linked file after the file it links to.
pub(crate) fn order(opened: &[Opened]) -> Vec<usize> {
    let mut done: Vec<usize> = Vec::new();
    while done.len() < opened.len() {
        let before = done.len();
        for (i, o) in opened.iter().enumerate() {
            if !done.contains(&i) && o.target().is_none_or(|t| done.contains(&t)) {
                done.push(i);
            }
        }
        if done.len() == before {
            // A cycle of links cannot happen: `open_all` only links to files with the column.
            break;
        }
    }
    done
}

/// Opens every national file, reads its header and finds how its rows find their case.
pub(crate) fn open_all(
    schema: &CaseSchema,
    readers: &Readers<'_>,
    column: &str,
    inputs: &[NationalInput],
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Opened>> {
    let mut opened = Vec::new();
    for input in inputs {
        let shown = input.path.display().to_string();
        let Some((id, _)) =
            schema.inputs.iter_enumerated().find(|(_, i)| i.name == input.name && matches!(i.kind, InputKind::Dataset { .. }))
        else {
            diags.push(
                Diagnostic::error(Code::NationalColumn, msg!("eval-national-no-input", name = &input.name))
                    .at(Location::File { file: shown })
                    .hint(msg!("eval-national-inputs-are", names = dataset_names(schema).join(", "))),
            );
            continue;
        };
        let validator = match readers.validator(id) {
            Some(Ok(v)) => v,
            Some(Err(d)) => {
                diags.extend(d.iter().cloned());
                continue;
            }
            None => continue,
        };
        match Opened::open(&input.name, id, (&input.path, shown), validator.norm, column) {
            Ok(o) => opened.push(o),
            Err(d) => diags.push(d),
        }
    }
    if diags.iter().any(Diagnostic::is_error) {
        return None;
    }
    cut::link_all(&mut opened, readers, diags);
    if diags.iter().any(Diagnostic::is_error) { None } else { Some(opened) }
}

fn dataset_names(schema: &CaseSchema) -> Vec<String> {
    schema.inputs.iter().filter(|i| matches!(i.kind, InputKind::Dataset { .. })).map(|i| format!("`{}`", i.name)).collect()
}
