//! National files: one file per data input holding the rows of every case of a run, with a
//! column naming the case (a team), cut by that column's raw bytes into one buffer per case.
//! Each buffer starts with the file's header, and the case reader reads it as if it were the
//! case's own file (`national/case`): the same validator, the same diagnostics, cited at the
//! national file's own lines.
//!
//! A file without the column finds each row's case through the first link of its norm to a file
//! that has it (an act through its patient's row). A file whose norm has no field of that name
//! loses the column before it is read, so that a case's buffer is the file the case would have
//! deposited.
//!
//! Two ways to cut: `partition` holds every case's rows in memory, as raw bytes (about the
//! files' size; typed rows would take several times more), and [`Stream`] reads files whose
//! rows come case by case, in the same order, holding one case at a time.

pub mod case;
mod cut;
mod stream;

use std::path::PathBuf;

use foldhash::{HashMap, HashMapExt};

use crate::data::case::Readers;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::ids::InputId;
use crate::rules::inputs::{CaseSchema, InputKind};

use cut::{Key, Opened};
pub use stream::Stream;

/// A national file given for a data input of the rulebook.
#[derive(Debug, Clone)]
pub struct NationalInput {
    /// The dataset input's name in the rulebook (`patients`).
    pub name: String,
    pub path: PathBuf,
}

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
    /// The header as the cases' buffers start with it: byte-order mark, header without the
    /// case column when it is stripped, line break.
    pub(crate) header: Vec<u8>,
}

/// A case's rows of one national file, and where each of its lines comes from.
#[derive(Debug, Clone, Default)]
pub struct Part {
    /// The header, then the rows as they are in the national file (empty: no row).
    pub(crate) bytes: Vec<u8>,
    /// Runs of consecutive national lines, in the order of the buffer: (first line, count).
    pub(crate) runs: Vec<(u32, u32)>,
}

impl Part {
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
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// Every case's rows of a set of national files, in memory.
pub struct National {
    pub files: Vec<NationalFile>,
    /// The cases' keys (the case column's values), sorted.
    pub keys: Vec<String>,
    /// Per case (in the order of `keys`), its part of each file (in the order of `files`).
    pub parts: Vec<Vec<Part>>,
}

/// Cuts `inputs` by `column` in memory. Diagnostics: errors when a file cannot be read or has no
/// way to its cases (then `None`), warnings for rows of no case.
pub(crate) fn partition(
    schema: &CaseSchema,
    readers: &Readers<'_>,
    column: &str,
    inputs: &[NationalInput],
) -> (Option<National>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let Some(mut opened) = open_all(schema, readers, column, inputs, &mut diags) else { return (None, diags) };
    let mut keys: HashMap<Box<[u8]>, u32> = HashMap::new();
    let mut names: Vec<Box<[u8]>> = Vec::new();
    let mut parts: Vec<Vec<Part>> = Vec::new();
    let n_files = opened.len();
    // Per file that others link to: each of its keys' case.
    let mut maps: Vec<Option<HashMap<Box<[u8]>, u32>>> = opened.iter().map(|o| o.key_fields.as_ref().map(|_| HashMap::new())).collect();
    for f in order(&opened) {
        let (map_in, mut map_out) = split_maps(&mut maps, f, opened[f].target());
        let o = &mut opened[f];
        // The last linked key and its case: an activity file lists a patient's acts together,
        // and skipping the lookup of a 1 M-key table for the acts after the first took the
        // cutting of the peers' 5 M acts from 3.4 to N s of CPU.
        let mut last: (Vec<u8>, Option<u32>) = (Vec::new(), None);
        loop {
            match o.next_record() {
                Ok(true) => {}
                Ok(false) => break,
                Err(d) => {
                    diags.push(d);
                    return (None, diags);
                }
            }
            let case = match o.case_key() {
                Key::Own([]) => None,
                Key::Own(k) => Some(case_index(&mut keys, &mut names, &mut parts, n_files, k)),
                Key::Linked(k) if !k.is_empty() && k == last.0.as_slice() => last.1,
                Key::Linked(k) => {
                    let case = map_in.and_then(|m| m.get(k).copied());
                    last.0.clear();
                    last.0.extend_from_slice(k);
                    last.1 = case;
                    case
                }
            };
            let Some(case) = case else {
                o.orphan();
                continue;
            };
            if let (Some(m), Some(key)) = (map_out.as_deref_mut(), o.own_key()) {
                // A key given by two cases' rows stays with the first.
                m.entry(key.into()).or_insert(case);
            }
            o.append(&mut parts[case as usize][f]);
        }
        diags.extend(o.orphans_diagnostic(column));
    }
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| names[a].cmp(&names[b]));
    let sorted_keys = order.iter().map(|&i| String::from_utf8_lossy(&names[i]).into_owned()).collect();
    let mut slots: Vec<Option<Vec<Part>>> = parts.into_iter().map(Some).collect();
    let parts = order.iter().map(|&i| slots[i].take().unwrap_or_default()).collect();
    let files = opened.into_iter().map(Opened::into_file).collect();
    (Some(National { files, keys: sorted_keys, parts }), diags)
}

/// The index of case `key`, a new one when it is first met.
fn case_index(keys: &mut HashMap<Box<[u8]>, u32>, names: &mut Vec<Box<[u8]>>, parts: &mut Vec<Vec<Part>>, files: usize, key: &[u8]) -> u32 {
    if let Some(&i) = keys.get(key) {
        return i;
    }
    let i = names.len() as u32;
    keys.insert(key.into(), i);
    names.push(key.into());
    parts.push(vec![Part::default(); files]);
    i
}

/// The map a file reads its cases from (the file it links to) and the one it fills (when others
/// link to it): never the same file.
#[allow(clippy::type_complexity)]
fn split_maps(
    maps: &mut [Option<HashMap<Box<[u8]>, u32>>],
    f: usize,
    target: Option<usize>,
) -> (Option<&HashMap<Box<[u8]>, u32>>, Option<&mut HashMap<Box<[u8]>, u32>>) {
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
                Diagnostic::error(Code::NationalColumn, format!("the rulebook has no data file input `{}`", input.name))
                    .at(Location::File { file: shown })
                    .hint(format!("the data inputs are: {}", dataset_names(schema).join(", "))),
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
        match Opened::open(&input.name, id, &input.path, shown, validator.norm, column) {
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
