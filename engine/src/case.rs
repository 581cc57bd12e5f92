//! Cases: the inputs of one evaluation. The rulebook declares what a case file must hold
//! (`CaseSchema`: typed values, data files read through norms, records); `load_case` reads a case
//! folder against it and reports every missing, unknown or malformed value.
//!
//! Case reading sits above `validate`: a case's data files (`dataset`) and national files
//! (`national`) are read through the validator of their norm, and `shift` brings a case into the
//! year of the rules that judge it.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;
use typed_index_collections::{TiSlice, TiVec};

use crate::case::dataset::{Dataset, Reader, RowsLeftOut, read_dataset};
use crate::case::shared::SharedReads;
use crate::data::limits::{MAX_CASE_FILE_BYTES, open_regular};
use crate::data::norm::{CodeCheck, Norm};
use crate::diagnostic::{Code, Diagnostic, Location, SourceFile};
use crate::hashing::sha256_hex;
use crate::ids::InputId;
use crate::message::Message;
use crate::rules::inputs::{CaseSchema, InputKind};
use crate::rules::list::CodeList;
use crate::rules::parameter::read_typed;
use crate::rules::source::{io_reason, is_contained};
use crate::rules::strict::{Ctx, Obj};
use crate::validate::{Links, Validator};
use crate::value::{Period, Value};

pub mod dataset;
pub mod national;
pub mod shared;
pub mod shift;

/// A case's data moved from the year they belong to into another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DataShift {
    /// The year the data belong to.
    pub from: i32,
    /// The year they were brought into.
    pub to: i32,
}

/// One case, read against a schema.
#[derive(Debug, Clone)]
pub struct Case {
    pub dir: PathBuf,
    pub file: SourceFile,
    /// One per input of the schema: the value, `Null` for datasets, records and absent optionals.
    pub values: TiVec<InputId, Value>,
    /// One per input of the schema: the dataset when the input is a data file.
    pub datasets: TiVec<InputId, Option<Dataset>>,
    /// One per input of the schema: the records when the input is a list of records.
    pub(crate) records: TiVec<InputId, Vec<Vec<Value>>>,
    /// Files read, with their SHA-256, for the manifest.
    pub(crate) hashes: Vec<(String, String)>,
    /// When the case's data were brought into the rulebook's year: from which year.
    pub(crate) shift: Option<DataShift>,
    /// The rows of each dataset its norm rejected and the rulebook left out (none when it refuses
    /// them: the case is then not read).
    pub rows_left_out: Vec<RowsLeftOut>,
}

/// Options of case loading.
#[derive(Debug, Clone, Copy, Default)]
pub struct CaseOptions {
    /// Lets data paths be absolute or leave the case folder.
    pub allow_outside_paths: bool,
    /// Keeps the case's dates as they are, even when its data belong to another year than the
    /// rulebook's (by default they are brought into the rulebook's year).
    pub keep_dates: bool,
    /// Reads each data file on the calling thread alone: a run over many cases already keeps
    /// every core busy with a case each (by default a large file is validated in chunks on every
    /// core).
    pub one_thread: bool,
}

/// What a case's data files are read through: the validator of each dataset input's norm, with
/// the lists and code checks of the rulebook (a file is read as `peps validate` checks it),
/// compiled once for every case a run reads (`Rulebook::case_reader`).
#[derive(Clone)]
pub struct Readers<'a> {
    /// Per input of the schema: the validator of its norm and the fields a case keeps, or why
    /// the norm cannot be used.
    validators: TiVec<InputId, Option<Result<Reader<'a>, Vec<Diagnostic>>>>,
    /// The rulebook's period: the period of a case's data when nothing in the case says another.
    period: Option<Period>,
}

impl<'a> Readers<'a> {
    pub(crate) fn new(schema: &CaseSchema, norms: &'a [Norm], lists: &'a [CodeList], checks: &[CodeCheck], period: Option<Period>) -> Self {
        let validators = schema
            .inputs
            .iter()
            .map(|input| {
                let InputKind::Dataset { norm, .. } = &input.kind else { return None };
                let norm = norms.iter().find(|n| &n.name == norm)?;
                Some(Validator::new(norm, lists, checks).map(|validator| Reader { validator, kept: None }))
            })
            .collect();
        Readers { validators, period }
    }

    /// These readers keeping, of each input's fields, those `kept` says (per field of its norm;
    /// every field where it gives `None`): every field is still checked, only those are stored.
    pub(crate) fn keeping(mut self, kept: impl Fn(InputId) -> Option<Vec<bool>>) -> Self {
        for (i, reader) in self.validators.iter_mut_enumerated() {
            if let Some(Ok(reader)) = reader {
                reader.kept = kept(i);
            }
        }
        self
    }

    /// The period a case's data are about, which the rules of its norms that read the period
    /// compare dates with (a birth not after it): the period a data file's name gives (the first
    /// that gives one; its rows lie in it), else the calendar year most dates of the case file fall
    /// in, else the rulebook's period. Data of another year are brought into the rulebook's after
    /// they are read, so a date is judged against its own year.
    pub(crate) fn data_period(&self, case: &CaseValues) -> Option<Period> {
        for (i, path) in case.paths.iter_enumerated() {
            let (Some((rel, _)), Some(Ok(v))) = (path, self.validator(i)) else { continue };
            let name = Path::new(rel).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if let (Some(period), _) = v.check_name(&name) {
                return Some(period);
            }
        }
        let mut years: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
        for v in case.values.iter().chain(case.records.iter().flatten().flatten()) {
            if let Value::Date(d) = v {
                *years.entry(chrono::Datelike::year(d)).or_default() += 1;
            }
        }
        let year = years.into_iter().max_by_key(|&(year, n)| (n, year)).map(|(year, _)| year);
        match year.and_then(|y| Some((chrono::NaiveDate::from_ymd_opt(y, 1, 1)?, chrono::NaiveDate::from_ymd_opt(y, 12, 31)?))) {
            Some((start, end)) => Some(Period { start, end }),
            None => self.period,
        }
    }

    /// The links between the files of a case: the references of each norm to the others'.
    pub(crate) fn links(&self) -> Links {
        let norms = self.validators.iter().filter_map(|v| v.as_ref().and_then(|v| v.as_ref().ok()).map(|v| v.norm));
        // The rulebook checked the references between its norms when it loaded.
        Links::new(norms).0
    }

    /// The validator of input `i`'s norm, or why it cannot be used (`None`: not a data file).
    pub(crate) fn validator(&self, i: InputId) -> Option<&Result<Reader<'a>, Vec<Diagnostic>>> {
        self.validators.get(i).and_then(Option::as_ref)
    }

    pub(crate) fn is_referred_to(&self, i: InputId, links: &Links) -> bool {
        matches!(&self.validators[i], Some(Ok(v)) if links.is_referred_to(&v.norm.name))
    }

    /// The inputs of `schema` in the order a case reads them: a file other files refer to first,
    /// so that it gives them its keys.
    pub(crate) fn reading_order(&self, schema: &CaseSchema, links: &Links) -> Vec<InputId> {
        let mut order: Vec<InputId> = schema.inputs.keys().collect();
        order.sort_by_key(|&i| !self.is_referred_to(i, links));
        order
    }
}

/// Reads `dir/<case_file>` against `schema`, reading data files through the validators of their
/// norms.
pub(crate) fn load_case(
    dir: &Path,
    case_file: &str,
    schema: &CaseSchema,
    readers: &Readers<'_>,
    options: CaseOptions,
) -> (Option<Case>, Vec<Diagnostic>) {
    load_case_sharing(dir, case_file, schema, readers, options, None)
}

/// [`load_case`], as one of several rulebooks reading the same folder: a data file the readings
/// before this one read the same way (`shared`) is not read again, its dataset is shared.
pub(crate) fn load_case_sharing(
    dir: &Path,
    case_file: &str,
    schema: &CaseSchema,
    readers: &Readers<'_>,
    options: CaseOptions,
    mut shared: Option<&mut SharedReads>,
) -> (Option<Case>, Vec<Diagnostic>) {
    let file = match read_case_file(dir, case_file, options) {
        Ok(f) => f,
        Err(d) => return (None, vec![d]),
    };
    let shown = file.path.clone();
    let mut diags = Vec::new();
    let n = schema.inputs.len();
    let read = case_values(&file, case_file, schema, &mut diags);
    let period = readers.data_period(&read);
    let CaseValues { values, paths, records } = read;
    let mut datasets: TiVec<InputId, Option<Dataset>> = vec![None; n].into();
    let mut hashes = vec![(shown.clone(), sha256_hex(file.text.as_bytes()))];
    let mut rows_left_out = Vec::new();
    // A file other files refer to is read first, and gives them its keys.
    let mut links = readers.links().with_period(period);
    let order = readers.reading_order(schema, &links);
    if let Some(s) = shared.as_deref_mut() {
        s.begin();
    }
    for i in order {
        let input = &schema.inputs[i];
        let (InputKind::Dataset { rejected_rows, .. }, Some((rel, loc))) = (&input.kind, &paths[i]) else { continue };
        let full = dir.join(rel);
        if !options.allow_outside_paths {
            let input_name = format!("{}.{}", input.section, input.name);
            let escape = if !is_contained(rel) {
                Some(msg!("data-case-path-outside", file = rel, input = &input_name))
            } else if leaves_through_link(dir, &full) {
                Some(msg!("data-case-path-through-link", file = rel, input = &input_name))
            } else {
                None
            };
            if let Some(message) = escape {
                diags.push(Diagnostic::error(Code::PathEscape, message).at(loc.clone()).hint(msg!("data-case-path-hint")));
                continue;
            }
        }
        let checks = match &readers.validators[i] {
            Some(Ok(c)) => c,
            Some(Err(d)) => {
                diags.extend(d.iter().cloned());
                continue;
            }
            None => continue,
        };
        let published = links.indexes.len();
        let read = match shared.as_deref_mut() {
            Some(s) => s.read(&input.name, &full, checks, (*rejected_rows, options.one_thread), &mut links),
            None => {
                read_dataset(&input.name, (&full, &full.display().to_string()), checks, (*rejected_rows, options.one_thread), &mut links)
            }
        };
        if read.diags.iter().any(Diagnostic::is_error) {
            // The case is refused: the keys of this file would only make the others' rows seem
            // to refer to nothing.
            links.indexes.truncate(published);
            if let Some(s) = shared.as_deref_mut() {
                s.truncate(published);
            }
        }
        diags.extend(read.diags);
        rows_left_out.extend(read.left_out);
        if let Some(ds) = read.dataset {
            hashes.push((ds.file.clone(), ds.sha256.clone()));
            datasets[i] = Some(ds);
        }
    }
    if let Some(s) = shared {
        s.end(links);
    }
    diags.extend(unread_files(dir, case_file, schema, &paths));
    let case = Case { dir: dir.to_path_buf(), file, values, datasets, records, hashes, shift: None, rows_left_out };
    (Some(case), diags)
}

/// The data files of a case folder that no input of the rules reads (D233, a warning each): a
/// CSV file of the folder that the case file names for no data input does not enter the
/// computation, and the reader says so rather than leave it silently aside.
pub(crate) fn unread_files(
    dir: &Path,
    case_file: &str,
    schema: &CaseSchema,
    paths: &TiSlice<InputId, Option<(String, Location)>>,
) -> Vec<Diagnostic> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    let read: Vec<PathBuf> = schema
        .inputs
        .iter_enumerated()
        .filter(|(_, input)| matches!(input.kind, InputKind::Dataset { .. }))
        .filter_map(|(i, _)| paths[i].as_ref().map(|(rel, _)| dir.join(rel)))
        .collect();
    let mut unread: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")))
        .filter(|p| !read.iter().any(|r| same(r, p)))
        .collect();
    unread.sort();
    let names: Vec<String> =
        read.iter().map(|p| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())).collect();
    unread
        .into_iter()
        .map(|p| {
            let shown = p.display().to_string();
            let file = p.file_name().map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
            Diagnostic::warning(Code::FileNotRead, msg!("data-case-file-not-read", file = file))
                .at(Location::File { file: shown })
                .hint(msg!("data-case-file-not-read-hint", case_file = case_file, read = names.join(", ")))
        })
        .collect()
}

/// What a case folder's case file says before any data file is read: the period its data are
/// about (see [`Readers::data_period`]) and the CSV files of the folder that no input reads
/// (D233). `None` when the folder has no readable case file. `peps validate` reads a case folder
/// through it, so that it judges its files as the case reader does.
pub(crate) fn folder_outline(
    dir: &Path,
    case_file: &str,
    schema: &CaseSchema,
    readers: &Readers<'_>,
) -> Option<(Option<Period>, Vec<Diagnostic>)> {
    let path = dir.join(case_file);
    let text = read_case_text(&path, &path.display().to_string(), case_file).ok()?;
    let file = SourceFile { path: path.display().to_string(), text };
    let read = case_values(&file, case_file, schema, &mut Vec::new());
    Some((readers.data_period(&read), unread_files(dir, case_file, schema, &read.paths)))
}

/// What a case file gives, input by input: its values, the paths of its data files (with where
/// they are written), its records.
pub(crate) struct CaseValues {
    pub(crate) values: TiVec<InputId, Value>,
    pub(crate) paths: TiVec<InputId, Option<(String, Location)>>,
    pub(crate) records: TiVec<InputId, Vec<Vec<Value>>>,
}

/// Parses the case file `file` against `schema`; its problems go to `diags` as the case's.
pub(crate) fn case_values(file: &SourceFile, case_file: &str, schema: &CaseSchema, diags: &mut Vec<Diagnostic>) -> CaseValues {
    let n = schema.inputs.len();
    let mut out = CaseValues { values: vec![Value::Null; n].into(), paths: vec![None; n].into(), records: vec![Vec::new(); n].into() };
    let ctx = Ctx::new(file);
    if let Some(root) = ctx.parse() {
        let obj = ctx.root(&root, &Message::text(format!("`{case_file}`")));
        read_case_values(&obj, schema, &mut out.values, &mut out.paths, &mut out.records);
        obj.finish();
    }
    diags.extend(ctx.into_diagnostics().into_iter().map(as_case_diagnostic));
    out
}

/// Reads the case file `case_file` of the folder `dir`: a file of the folder, unless the options
/// let paths leave it. A case file that resolves outside the folder (a symbolic link) is refused
/// before it is read, so that no line of another file is shown as the case's (`rulebook.toml`
/// already refuses a `case_file` that leaves the folder as written).
#[allow(clippy::result_large_err, reason = "read once per case, the error is returned as it is")] // not prose
pub(crate) fn read_case_file(dir: &Path, case_file: &str, options: CaseOptions) -> Result<SourceFile, Diagnostic> {
    let path = dir.join(case_file);
    let shown = path.display().to_string();
    if !options.allow_outside_paths && (!is_contained(case_file) || leaves_through_link(dir, &path)) {
        return Err(Diagnostic::error(Code::PathEscape, msg!("data-case-file-through-link", file = &shown))
            .at(Location::File { file: shown })
            .hint(msg!("data-case-file-through-link-hint")));
    }
    let text = read_case_text(&path, &shown, case_file)?;
    Ok(SourceFile { path: shown, text })
}

/// Reads the case description: a regular file, at most [`MAX_CASE_FILE_BYTES`], in UTF-8.
#[allow(clippy::result_large_err, reason = "read once per case, the error is returned as it is")] // not prose
pub(crate) fn read_case_text(path: &Path, shown: &str, case_file: &str) -> Result<String, Diagnostic> {
    let at = || Location::File { file: shown.to_string() };
    let file = open_regular(path).map_err(|e| {
        Diagnostic::error(Code::CaseFileUnreadable, msg!("data-cannot-read", file = shown, reason = e.message()))
            .at(at())
            .hint(msg!("data-case-folder-hint", file = case_file))
    })?;
    let mut bytes = Vec::new();
    if let Err(e) = file.take(MAX_CASE_FILE_BYTES + 1).read_to_end(&mut bytes) {
        return Err(Diagnostic::error(Code::CaseFileUnreadable, msg!("data-cannot-read", file = shown, reason = io_reason(&e))).at(at()));
    }
    if bytes.len() as u64 > MAX_CASE_FILE_BYTES {
        return Err(Diagnostic::error(
            Code::CaseFileUnreadable,
            msg!("data-case-file-too-large", file = shown, bytes = MAX_CASE_FILE_BYTES),
        )
        .at(at())
        .hint(msg!("data-case-file-too-large-hint")));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        Diagnostic::error(Code::CaseFileUnreadable, msg!("data-case-file-not-utf8", file = shown, line = line))
            .at(at())
            .hint(msg!("data-case-file-not-utf8-hint"))
    })
}

/// Whether `full`, a path inside `dir` as written, resolves outside it through a symbolic link.
/// A path that does not resolve (a missing file) is left to the reader to report.
pub(crate) fn leaves_through_link(dir: &Path, full: &Path) -> bool {
    match (dir.canonicalize(), full.canonicalize()) {
        (Ok(d), Ok(f)) => !f.starts_with(d),
        _ => false,
    }
}

pub(crate) fn read_case_values(
    obj: &Obj<'_, '_>,
    schema: &CaseSchema,
    values: &mut TiSlice<InputId, Value>,
    paths: &mut TiSlice<InputId, Option<(String, Location)>>,
    records: &mut TiSlice<InputId, Vec<Vec<Value>>>,
) {
    let ctx = obj.ctx();
    let mut sections: Vec<&str> = schema.inputs.iter().map(|i| i.section.as_str()).collect();
    sections.dedup();
    for section in sections {
        let sec = obj.opt_table(section);
        for (i, input) in schema.inputs.iter_enumerated().filter(|(_, i)| i.section == section) {
            let item = sec.as_ref().and_then(|s| s.get(&input.name));
            let Some(item) = item else {
                if let Some(d) = &input.default {
                    values[i] = d.clone();
                } else if !input.optional {
                    let span = sec.as_ref().map_or(obj.span(), |s| s.span());
                    ctx.error_hint(
                        Code::MissingKey,
                        span,
                        msg!("data-case-missing-value", name = &input.name, section = section),
                        msg!("data-case-missing-value-hint", label = &input.label),
                    );
                }
                continue;
            };
            let what = Message::text(format!("`{section}.{}`", input.name));
            match &input.kind {
                InputKind::Value { unit } => {
                    if let Some(v) = read_typed(sec.as_ref().unwrap_or(obj), item, *unit, &what) {
                        values[i] = v;
                    }
                }
                InputKind::Enum { values: allowed } => {
                    if let Some(s) = crate::rules::strict::read_str(ctx, item, &what) {
                        if allowed.iter().any(|a| a == s.get_ref()) {
                            values[i] = Value::Text(s.into_inner().into());
                        } else {
                            ctx.error_hint(
                                Code::InvalidValue,
                                s.span(),
                                msg!("data-case-value-not-allowed", what = &what, value = s.get_ref()),
                                msg!("data-case-value-one-of", values = allowed.join(", ")),
                            );
                        }
                    }
                }
                InputKind::Dataset { .. } => {
                    if let Some(s) = crate::rules::strict::read_str(ctx, item, &what) {
                        paths[i] = Some((s.get_ref().clone(), ctx.loc(s.span())));
                    }
                }
                InputKind::Records { fields } => {
                    let Some(items) = crate::rules::strict::read_array(ctx, item, &what) else { continue };
                    for rec in items {
                        let record = msg!("data-case-record-of", what = &what);
                        let Some(r) = Obj::of(ctx, rec, &record) else { continue };
                        let row: Vec<Value> = fields
                            .iter()
                            .map(|(f, unit)| {
                                r.req(f, |c, it, w| read_typed(&Obj::new(c, &Default::default(), 0..0, w), it, *unit, w))
                                    .unwrap_or(Value::Null)
                            })
                            .collect();
                        r.finish();
                        records[i].push(row);
                    }
                }
            }
        }
        if let Some(s) = sec {
            s.finish();
        }
    }
}

/// Case files use the same reader as rule files; their problems get the case codes.
pub(crate) fn as_case_diagnostic(mut d: Diagnostic) -> Diagnostic {
    d.code = match d.code {
        Code::TomlSyntax => Code::CaseFileUnreadable,
        Code::UnknownKey => Code::CaseUnknownKey,
        Code::MissingKey => Code::CaseMissingValue,
        Code::WrongType | Code::InvalidValue | Code::DateOutsidePeriod => Code::CaseInvalidValue,
        other => other,
    };
    d
}
