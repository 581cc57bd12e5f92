//! `peps compute --partition-by COLUMN DIR`: a run's cases read straight from national files,
//! one per data input, whose `COLUMN` names each row's case (a file without it finds its case
//! through its norm's link to a file that has it). Each case's values come from its folder in
//! `--cases DIR` when it has one (its case file), its rows from its part of the national files;
//! the cases are evaluated in parallel like a folder of case folders, and give the same rows.
//!
//! Unsorted files are read once to find each row's case, then again for each group of cases
//! whose rows fit in `--held` (all of them at once by default up to 1 GiB), the group's rows held
//! as raw bytes, case after case, while its cases are evaluated; with `--sorted`, files sorted by
//! the column are read case by case, so memory follows the largest case.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use peps_engine::case::CaseOptions;
use peps_engine::case::national::case::CaseSource;
use peps_engine::case::national::{CaseBuffer, NationalFile, NationalInput};
use peps_engine::diagnostic::{Code, Diagnostic, Location};
use peps_engine::msg;
use peps_engine::rulebook::{CaseReader, Rulebook};
use peps_engine::rules::inputs::InputKind;
use rayon::prelude::*;

use crate::case_folders::{Found, case_folders};
use crate::case_row::{CaseRow, failed_row, guarded};
use crate::language::Say;

/// How national files are read.
#[derive(Debug, Clone)]
pub struct NationalArgs {
    /// The column naming each row's case.
    pub column: String,
    /// The folder of the national files.
    pub dir: PathBuf,
    /// `NAME=FILE`: the national file of data input `NAME` (default: `DIR/NAME.csv`).
    pub inputs: Vec<String>,
    /// A folder of case folders giving each case's values (their case files).
    pub cases: Option<PathBuf>,
    /// The files come sorted by the column: read case by case.
    pub sorted: bool,
    /// Unsorted files: the most bytes of rows held at once; the files are read again for each
    /// group of cases that fits.
    pub held: u64,
}

/// What a national run gives besides its rows.
pub struct NationalRun {
    pub rows: Vec<CaseRow>,
    /// Diagnostics of the national files themselves (rows of no case).
    pub diagnostics: Vec<Diagnostic>,
    pub files: Vec<NationalFile>,
    /// Cutting the files in memory before the cases (none when read case by case): wall and
    /// CPU time, the files' readings again included.
    pub cut: Option<(Duration, Duration)>,
    /// The files read again per group of cases: how many groups, wall and CPU time.
    pub again: Option<(usize, Duration, Duration)>,
}

/// The national file of each data input: `--input NAME=FILE`, else `DIR/NAME.csv` when it exists.
pub fn inputs(rb: &Rulebook, args: &NationalArgs) -> Result<Vec<NationalInput>, String> {
    let datasets: Vec<&str> =
        rb.schema().inputs.iter().filter(|i| matches!(i.kind, InputKind::Dataset { .. })).map(|i| i.name.as_str()).collect();
    let mut out: Vec<NationalInput> = Vec::new();
    for given in &args.inputs {
        let Some((name, file)) = given.split_once('=') else {
            return Err(msg!("cli-national-input-form", given = given, names = datasets.join(", ")).say());
        };
        if !datasets.contains(&name) {
            return Err(msg!("cli-national-input-unknown", given = given, year = rb.year(), name = name, names = datasets.join(", ")).say());
        }
        let path = Path::new(file);
        let path = if path.is_absolute() || path.exists() { path.to_path_buf() } else { args.dir.join(path) };
        out.push(NationalInput { name: name.to_string(), path });
    }
    for name in datasets {
        let path = args.dir.join(format!("{name}.csv"));
        if !out.iter().any(|i| i.name == name) && path.is_file() {
            out.push(NationalInput { name: name.to_string(), path });
        }
    }
    if out.is_empty() {
        return Err(msg!("cli-national-no-file", dir = args.dir.display().to_string()).say());
    }
    Ok(out)
}

/// Reads and evaluates every case of the national files on `pool`.
pub fn run(
    rb: &Rulebook,
    readers: &CaseReader<'_>,
    args: &NationalArgs,
    given: &[NationalInput],
    pool: &rayon::ThreadPool,
    options: CaseOptions,
    wanted: &[String],
) -> Result<NationalRun, Vec<Diagnostic>> {
    let mut run = if args.sorted {
        sorted(rb, readers, args, given, pool, options, wanted)
    } else {
        in_memory(rb, readers, args, given, pool, options, wanted)
    }?;
    run.rows.extend(no_case_row(rb, &run.files));
    Ok(run)
}

/// The case key of the row that counts the rows of no case.
pub const NO_CASE: &str = "(no case)";

/// The row of the rows that belong to no case (D231, reported on the national file), if any:
/// how many of each dataset's rows were not computed, in error, so that no row leaves the run
/// without a trace in its result.
fn no_case_row(rb: &Rulebook, files: &[NationalFile]) -> Option<CaseRow> {
    if files.iter().all(|f| f.orphans == 0) {
        return None;
    }
    let mut row = failed_row(rb, NO_CASE.to_string(), Vec::new());
    row.errors = vec![Code::NationalRowWithoutCase.as_str().to_string()];
    for (k, d) in rb.datasets().iter().enumerate() {
        let input = &rb.schema().inputs[d.input].name;
        row.rows[k] = files.iter().filter(|f| f.input == *input).map(|f| f.orphans).sum();
    }
    Some(row)
}

fn in_memory(
    rb: &Rulebook,
    readers: &CaseReader<'_>,
    args: &NationalArgs,
    given: &[NationalInput],
    pool: &rayon::ThreadPool,
    options: CaseOptions,
    wanted: &[String],
) -> Result<NationalRun, Vec<Diagnostic>> {
    // The cut may run on two threads: its CPU is the process's.
    let (wall, cpu) = (Instant::now(), crate::cpu::process());
    let (national, diagnostics) = readers.partition(&args.column, given, pool.current_num_threads());
    let cut = (wall.elapsed(), crate::cpu::process().saturating_sub(cpu));
    let Some(mut national) = national else { return Err(diagnostics) };
    let without_rows = folders_without_rows(rb, args, &national.keys);
    let (keys, files) = (national.keys.clone(), national.files.clone());
    let bar = crate::parallel::progress(keys.len() as u64, "cases");
    let mut rows: Vec<CaseRow> = Vec::with_capacity(keys.len());
    let mut groups = national.read_groups(args.held);
    let mut again = (groups.len(), Duration::ZERO, Duration::ZERO);
    loop {
        let (wall, cpu) = (Instant::now(), crate::cpu::process());
        let Some(group) = groups.next() else { break };
        again = (again.0, again.1 + wall.elapsed(), again.2 + crate::cpu::process().saturating_sub(cpu));
        let (group, parts) = group.map_err(|d| diagnostics.iter().cloned().chain([d]).collect::<Vec<_>>())?;
        let cases: Vec<(&String, Vec<CaseBuffer>)> = keys[group].iter().zip(parts).collect();
        rows.extend(pool.install(|| {
            cases
                .into_par_iter()
                // A reader of its own per thread's share of the cases (see `CaseReader`).
                .map_init(
                    || readers.clone(),
                    |readers, (key, parts)| {
                        // The case's parts are dropped with it: a group's rows once its cases are done.
                        let row = one(rb, readers, args, &files, key, &parts, options, wanted);
                        bar.inc(1);
                        row
                    },
                )
                .collect::<Vec<CaseRow>>()
        }));
    }
    bar.finish_and_clear();
    rows.extend(without_rows);
    rows.sort_by(|a, b| a.case.cmp(&b.case));
    let cut = (cut.0 + again.1, cut.1 + again.2);
    Ok(NationalRun { rows, diagnostics, files, cut: Some(cut), again: Some(again) })
}

fn sorted(
    rb: &Rulebook,
    readers: &CaseReader<'_>,
    args: &NationalArgs,
    given: &[NationalInput],
    pool: &rayon::ThreadPool,
    options: CaseOptions,
    wanted: &[String],
) -> Result<NationalRun, Vec<Diagnostic>> {
    let (stream, mut diagnostics) = readers.stream(&args.column, given);
    let Some(mut stream) = stream else { return Err(diagnostics) };
    let files = stream.files();
    let failure: Mutex<Option<Diagnostic>> = Mutex::new(None);
    let cases = std::iter::from_fn(|| match stream.next_case()? {
        Ok(case) => Some(case),
        Err(d) => {
            *failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(d);
            None
        }
    });
    let mut rows: Vec<CaseRow> = pool.install(|| {
        cases
            .par_bridge()
            .map_init(|| readers.clone(), |readers, (key, parts)| one(rb, readers, args, &files, &key, &parts, options, wanted))
            .collect()
    });
    if let Some(d) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
        diagnostics.push(d);
        return Err(diagnostics);
    }
    let (files, orphans) = stream.finish();
    diagnostics.extend(orphans);
    let seen: Vec<String> = rows.iter().map(|r| r.case.clone()).collect();
    rows.extend(folders_without_rows(rb, args, &seen));
    rows.sort_by(|a, b| a.case.cmp(&b.case));
    Ok(NationalRun { rows, diagnostics, files, cut: None, again: None })
}

/// Reads and evaluates one case. With `--cases`, a case whose folder there lacks the case file
/// is not computed: its row says so (D234), rather than values silently left to their defaults.
#[allow(clippy::too_many_arguments)]
fn one(
    rb: &Rulebook,
    readers: &CaseReader<'_>,
    args: &NationalArgs,
    files: &[NationalFile],
    key: &str,
    parts: &[CaseBuffer],
    options: CaseOptions,
    wanted: &[String],
) -> CaseRow {
    let folder = args.cases.as_ref().map(|d| d.join(key));
    // A key that is not a plain folder name (`..`, `a/b`) names no folder of --cases.
    let plain = !key.is_empty() && key != "." && key != ".." && !key.contains(['/', '\\']);
    if let Some(folder) = &folder
        && (!plain || !folder.join(rb.case_file()).is_file())
    {
        let shown = folder.join(rb.case_file()).display().to_string();
        let rows: usize = parts.iter().map(CaseBuffer::rows).sum();
        let d = Diagnostic::error(Code::CaseFileMissing, msg!("cli-national-no-case-file", case = key, rows = rows, file = &shown))
            .at(Location::File { file: shown })
            .hint(msg!("cli-national-no-case-file-hint", column = &args.column));
        return failed_row(rb, key.to_string(), vec![d]);
    }
    let source = CaseSource { key, folder: folder.as_deref() };
    let place = folder.as_ref().map_or_else(|| key.to_string(), |f| f.display().to_string());
    guarded(rb, key.to_string(), place, || readers.national_case(files, parts, &source, options), wanted)
}

/// The rows of the folders of `--cases` that no national row names: a case whose rows are all
/// missing (a misspelt case column) is reported (D235), never computed on empty files; a folder
/// that holds data but no case file is reported as in a folder of cases (D234).
fn folders_without_rows(rb: &Rulebook, args: &NationalArgs, known: &[String]) -> Vec<CaseRow> {
    let Some(dir) = args.cases.as_deref() else { return Vec::new() };
    let Ok(found) = case_folders(dir, rb) else { return Vec::new() };
    let known: std::collections::HashSet<&str> = known.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for f in found {
        let Some(key) = f.path().file_name().map(|n| n.to_string_lossy().into_owned()) else { continue };
        if known.contains(key.as_str()) {
            continue;
        }
        let shown = f.path().display().to_string();
        let d = match f {
            Found::Case(_) => Diagnostic::error(
                Code::NationalCaseWithoutRows,
                msg!("cli-national-no-rows", folder = &shown, column = &args.column, case = &key),
            )
            .at(Location::File { file: shown })
            .hint(msg!("cli-national-no-rows-hint", column = &args.column)),
            Found::NoCaseFile(_) => {
                Diagnostic::error(Code::CaseFileMissing, msg!("cli-batch-no-case-file", folder = &shown, file = rb.case_file()))
                    .at(Location::File { file: shown })
                    .hint(msg!("cli-batch-no-case-file-hint", file = rb.case_file()))
            }
        };
        out.push(failed_row(rb, key, vec![d]));
    }
    out
}
