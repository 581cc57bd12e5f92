//! The sub-folders of a folder of cases that a run over many cases gives a row: cases, and
//! folders that hold data without the rulebook's case file.

use std::path::{Path, PathBuf};

use peps_engine::rulebook::Rulebook;

/// Whether `dir` is a folder of cases rather than a case: it holds no `.toml` file itself, and
/// at least one of its sub-folders holds a `.toml` file or data (a folder of teams whose case
/// files are all missing is still a folder of teams, and each is reported).
pub fn is_folder_of_cases(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else { return false };
    let mut has_case = false;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "toml") {
            return false;
        }
        has_case = has_case || (path.is_dir() && holds_data(&path, None) != Some(false));
    }
    has_case
}

/// The extensions of the files a rulebook's inputs read: delimited text for its datasets, TOML
/// for its case file (compared without case).
const DATA_EXTENSIONS: [&str; 4] = ["csv", "tsv", "txt", "toml"];

/// Whether folder `dir` holds data: a file directly in it that an input of the rulebook would
/// read — delimited text (`.csv`, `.tsv`, `.txt`), a TOML file (a case file under another name),
/// or a file whose name follows the file-name pattern of one of `rb`'s norms. `None` when the
/// folder cannot be listed (then it cannot be ruled out). Documentation (`README.md`), scripts
/// and hidden files do not count.
pub(crate) fn holds_data(dir: &Path, rb: Option<&Rulebook>) -> Option<bool> {
    let entries = std::fs::read_dir(dir).ok()?;
    Some(entries.flatten().any(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let path = e.path();
        !name.starts_with('.')
            && path.is_file()
            && (path.extension().is_some_and(|x| DATA_EXTENSIONS.iter().any(|d| x.eq_ignore_ascii_case(d)))
                || rb.is_some_and(|rb| rb.norms().iter().any(|n| peps_engine::validate::follows_file_name(n, &name))))
    }))
}

/// A sub-folder of a folder of cases that a run must give a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// It holds the rulebook's case file (or cannot be listed: reading it says why).
    Case(PathBuf),
    /// It holds data but not the rulebook's case file (a `synth --teams` stopped halfway, a
    /// case file misnamed): reported with D234, never skipped.
    NoCaseFile(PathBuf),
}

impl Found {
    pub(crate) fn path(&self) -> &Path {
        match self {
            Found::Case(p) | Found::NoCaseFile(p) => p,
        }
    }
}

/// The sub-folders of `dir` that are cases, or hold data without the rulebook's case file,
/// sorted by name; the others (no data: documentation, scripts, empty folders) are not cases.
pub(crate) fn case_folders(dir: &Path, rb: &Rulebook) -> std::io::Result<Vec<Found>> {
    let mut out: Vec<Found> = Vec::new();
    for path in std::fs::read_dir(dir)?.flatten().map(|e| e.path()).filter(|p| p.is_dir()) {
        match holds_data(&path, Some(rb)) {
            _ if path.join(rb.case_file()).is_file() => out.push(Found::Case(path)),
            None => out.push(Found::Case(path)),
            Some(true) => out.push(Found::NoCaseFile(path)),
            Some(false) => {}
        }
    }
    out.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(out)
}
