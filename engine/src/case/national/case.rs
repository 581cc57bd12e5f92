//! A case of a national run: its values from its own case file (a folder of case folders beside
//! the national files) or, when it has none, from a case file that names only its data files;
//! its data from its parts of the national files, read through the same validators as a case
//! folder's files, in the same order (a file others link to first), every diagnostic cited at
//! the national file's lines.

use std::path::{Path, PathBuf};

use typed_index_collections::TiVec;

use crate::case::dataset::{Dataset, read_bytes_linked, read_dataset};
use crate::case::{Case, CaseOptions, CaseValues, Readers, case_values, read_case_file};
use crate::diagnostic::{Code, Diagnostic, Location, SourceFile};
use crate::hashing::sha256_hex;
use crate::ids::InputId;
use crate::message::{Arg, Message};
use crate::rules::inputs::{CaseSchema, InputKind};
use crate::rules::source::is_contained;
use crate::validate::FIRST_LINE;

use super::file::PartRead;
use super::{CaseBuffer, NationalFile};

/// Where a national case's values come from.
pub struct CaseSource<'a> {
    /// The case's key (the case column's value): its name when its values do not give one.
    pub key: &'a str,
    /// The case's own folder, holding the rulebook's case file, if it has one.
    pub folder: Option<&'a Path>,
}

/// Reads one case of a national run (see the module's documentation).
pub(crate) fn load(
    schema: &CaseSchema,
    case_file: &str,
    readers: &Readers<'_>,
    files: &[NationalFile],
    parts: &[CaseBuffer],
    source: &CaseSource<'_>,
    options: CaseOptions,
) -> (Option<Case>, Vec<Diagnostic>) {
    let file = match source.folder {
        Some(dir) => match read_case_file(dir, case_file, options) {
            Ok(file) => file,
            Err(d) => return (None, vec![d]),
        },
        // No file holds the case's values: a name of its own, the same in every language.
        None => SourceFile { path: format!("national:{}", source.key), text: data_files_only(schema, files) },
    };
    let n = schema.inputs.len();
    let mut diags = Vec::new();
    let read = case_values(&file, case_file, schema, &mut diags);
    let period = readers.data_period(&read);
    let CaseValues { values, paths, records } = read;
    let dir = source.folder.map_or_else(|| PathBuf::from(source.key), Path::to_path_buf);
    let mut datasets: TiVec<InputId, Option<Dataset>> = vec![None; n].into();
    let mut hashes = vec![(file.path.clone(), sha256_hex(file.text.as_bytes()))];
    let mut rows_left_out = Vec::new();
    let mut links = readers.links().with_period(period);
    let order = readers.reading_order(schema, &links);
    for i in order {
        let input = &schema.inputs[i];
        let InputKind::Dataset { rejected_rows, .. } = &input.kind else { continue };
        let Some(Ok(checks)) = readers.validator(i) else {
            if let Some(Err(d)) = readers.validator(i) {
                diags.extend(d.iter().cloned());
            }
            continue;
        };
        let published = links.indexes.len();
        let read = match files.iter().position(|f| f.id == i) {
            Some(k) => {
                let part = parts[k].read();
                let bytes = if part.is_empty() { &files[k].header[..] } else { part.bytes };
                // A file cut whole is hashed whole: its part needs no hash of its own.
                let whole = &files[k].sha256;
                let mut read =
                    read_bytes_linked(&input.name, (bytes, whole.is_empty()), &files[k].shown, checks, *rejected_rows, &mut links);
                if let Some(ds) = &mut read.dataset
                    && ds.sha256.is_empty()
                {
                    ds.sha256.clone_from(whole);
                }
                for d in &mut read.diags {
                    at_national_lines(d, &files[k].shown, &part);
                }
                read
            }
            // A data file the national files do not give is the case folder's own.
            None => {
                let Some((rel, loc)) = &paths[i] else { continue };
                if source.folder.is_none() || (!options.allow_outside_paths && !is_contained(rel)) {
                    diags.push(
                        Diagnostic::error(
                            Code::PathEscape,
                            msg!("eval-national-outside", file = rel, input = format!("{}.{}", input.section, input.name)),
                        )
                        .at(loc.clone())
                        .hint(msg!("eval-national-outside-hint")),
                    );
                    continue;
                }
                let full = dir.join(rel);
                // Cases are read on every core at once: each file on its case's thread.
                read_dataset(&input.name, (&full, &full.display().to_string()), checks, (*rejected_rows, true), &mut links)
            }
        };
        if read.diags.iter().any(Diagnostic::is_error) {
            links.indexes.truncate(published);
        }
        diags.extend(read.diags);
        rows_left_out.extend(read.left_out);
        if let Some(ds) = read.dataset {
            hashes.push((format!("{}#{}", ds.file, source.key), ds.sha256.clone()));
            datasets[i] = Some(ds);
        }
    }
    (Some(Case { dir, file, values, datasets, records, hashes, shift: None, rows_left_out }), diags)
}

/// A case file naming only the data files the national files give (a case without a folder).
fn data_files_only(schema: &CaseSchema, files: &[NationalFile]) -> String {
    let mut text = String::new();
    let mut section = "";
    let mut sorted: Vec<&NationalFile> = files.iter().collect();
    sorted.sort_by_key(|f| &schema.inputs[f.id].section);
    for f in sorted {
        let input = &schema.inputs[f.id];
        if input.section != section {
            section = &input.section;
            text.push_str(&format!("[{section}]\n"));
        }
        let name = f.shown.rsplit('/').next().unwrap_or(&f.shown);
        text.push_str(&format!("{} = {}\n", input.name, toml_string(name)));
    }
    text
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A diagnostic of a part's row, moved to the national file's line, with the earlier line a
/// duplicate names.
fn at_national_lines(d: &mut Diagnostic, shown: &str, part: &PartRead<'_>) {
    if let Some(Location::Data { file, row, .. }) = &mut d.location
        && file == shown
    {
        *row = part.national_line(*row);
        if matches!(d.code, Code::DuplicateRow | Code::DuplicateKey) {
            earlier_at_national_line(&mut d.message, part);
        }
    }
}

/// The earlier line a message names (`FIRST_LINE`, maybe inside a message it holds), moved to
/// the national file's line.
fn earlier_at_national_line(message: &mut Message, part: &PartRead<'_>) {
    let Message::Id { args, .. } = message else { return };
    for (name, arg) in args {
        match arg {
            Arg::Int(line) if *name == FIRST_LINE => {
                *line = usize::try_from(*line).map_or(*line, |l| i64::try_from(part.national_line(l)).unwrap_or(i64::MAX));
            }
            Arg::Message(inner) => earlier_at_national_line(inner, part),
            _ => {}
        }
    }
}
