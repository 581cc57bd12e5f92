//! Writing output files safely: the whole file or nothing (a temporary file in the same folder,
//! renamed into place), never over an input of the run, never over an existing file unless
//! `--force` was given, and files that hold rows of personal data readable by their owner only.
//!
//! Commands that write files (`--rejects`, `-o`, `--manifest`) go through [`write_atomic`] or
//! [`AtomicFile`].

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use peps_engine::message::Message;
use peps_engine::msg;

use crate::language::Say;

/// Why an output file was not written. The file is named in every message.
#[derive(Debug)]
pub enum OutputError {
    /// The file exists and `--force` was not given.
    Exists(PathBuf),
    /// The file is one the run reads: writing would destroy it, `--force` or not.
    IsInput(PathBuf),
    /// The path names a folder.
    Folder(PathBuf),
    Io(PathBuf, io::Error),
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message().say())
    }
}

impl OutputError {
    /// The reason for people, in the run's language.
    pub fn message(&self) -> Message {
        match self {
            OutputError::Exists(p) => msg!("cli-output-exists", path = p.display().to_string()),
            OutputError::IsInput(p) => msg!("cli-output-is-input", path = p.display().to_string()),
            OutputError::Folder(p) => msg!("cli-output-folder", path = p.display().to_string()),
            OutputError::Io(p, e) => {
                msg!("cli-output-io", path = p.display().to_string(), reason = peps_engine::rules::source::io_reason(e))
            }
        }
    }
}

impl std::error::Error for OutputError {}

/// Writes `bytes` to `path` atomically: readers see the old file or the new one, never half of
/// it, and a failed write leaves no temporary file behind. See [`AtomicFile::create`] for what
/// is refused and for `private`.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool, inputs: &[impl AsRef<Path>], private: bool) -> Result<(), OutputError> {
    let mut file = AtomicFile::create(path, force, inputs, private)?;
    file.write_all(bytes).map_err(|e| OutputError::Io(path.to_path_buf(), e))?;
    file.commit()
}

/// An output file being written: a temporary file next to its place, renamed into place by
/// [`AtomicFile::commit`]. Dropped without a commit, it vanishes and the place is untouched, so
/// a file can be streamed (a rejects file row by row) with the same guarantees.
pub struct AtomicFile {
    /// The temporary file, registered with [`crate::temp`] while it lives (an interrupt removes
    /// it); `None` once committed.
    tmp: Option<tempfile::NamedTempFile>,
    path: PathBuf,
    force: bool,
}

impl AtomicFile {
    /// Refuses `path` if it is one of `inputs` (whatever `force` says), a folder, or an existing
    /// file without `force`. A `private` file (a rejects file, which holds identifiers with
    /// --show-identifiers) is created with mode 0600 before any byte is written; other files get the usual
    /// mode (0666 less the umask).
    pub fn create(path: &Path, force: bool, inputs: &[impl AsRef<Path>], private: bool) -> Result<AtomicFile, OutputError> {
        if path.is_dir() {
            return Err(OutputError::Folder(path.to_path_buf()));
        }
        if inputs.iter().any(|i| same_file(path, i.as_ref())) {
            return Err(OutputError::IsInput(path.to_path_buf()));
        }
        if path.symlink_metadata().is_ok() && !force {
            return Err(OutputError::Exists(path.to_path_buf()));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = path.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(if private { 0o600 } else { 0o666 }));
        }
        #[cfg(not(unix))]
        let _ = private;
        let tmp = builder.tempfile_in(dir).map_err(|e| OutputError::Io(path.to_path_buf(), e))?;
        crate::temp::register(tmp.path());
        Ok(AtomicFile { tmp: Some(tmp), path: path.to_path_buf(), force })
    }

    /// Flushes the bytes to disk and renames the file into place. Without `force`, a file that
    /// appeared at the place meanwhile is not replaced.
    pub fn commit(mut self) -> Result<(), OutputError> {
        let Some(tmp) = self.tmp.take() else { return Ok(()) };
        let path = self.path.clone();
        let err = |e: io::Error| OutputError::Io(path.clone(), e);
        if let Err(e) = tmp.as_file().sync_all() {
            crate::temp::unregister(tmp.path());
            return Err(err(e));
        }
        let tmp_path = tmp.path().to_path_buf();
        // Renamed under the registry's lock: an interrupt finds it temporary or in place.
        let persisted = crate::temp::put_in_place(&tmp_path, || if self.force { tmp.persist(&path) } else { tmp.persist_noclobber(&path) });
        // A failed persist gives the file back, dropped (removed) here.
        match persisted {
            Ok(_) => Ok(()),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(OutputError::Exists(path)),
            Err(e) => Err(err(e.error)),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // The temporary file is removed by its own drop, after this.
        if let Some(tmp) = &self.tmp {
            crate::temp::unregister(tmp.path());
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.tmp {
            Some(t) => t.write(buf),
            None => Err(io::Error::other("committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.tmp.as_mut().map_or(Ok(()), |t| t.flush())
    }
}

/// The rule and norm files of a run's `RulesArgs`: every file under its rules folder (all years,
/// the scheme's own norms) and its norms folders. An output is never written over one of them,
/// `--force` or not: a run reads them, or a run of another year will.
pub fn rule_and_norm_files(rules: &crate::args::RulesArgs) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut roots = vec![crate::workspace::rules_root(rules)];
    roots.extend(crate::workspace::norms_roots(rules));
    for root in roots {
        files_under(&root, &mut out);
    }
    out
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => files_under(&path, out),
            Ok(_) => out.push(path),
            Err(_) => {}
        }
    }
}

/// Whether two paths name one existing file (through links and `..` alike).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use peps_engine::message::Lang;

    use super::*;

    const NO_INPUTS: &[&Path] = &[];

    fn files_in(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn writes_a_new_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("report.csv");
        write_atomic(&out, b"a;b\n", false, NO_INPUTS, false).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"a;b\n");
        assert_eq!(files_in(dir.path()), vec!["report.csv"]);
    }

    #[test]
    fn refuses_an_existing_file_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("report.csv");
        std::fs::write(&out, "old").unwrap();
        let e = write_atomic(&out, b"new", false, NO_INPUTS, false).unwrap_err();
        assert!(matches!(e, OutputError::Exists(_)));
        assert!(e.message().render(Lang::En).ends_with("report.csv already exists; pass --force to replace it"), "{e}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
        write_atomic(&out, b"new", true, NO_INPUTS, false).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "new");
        assert_eq!(files_in(dir.path()), vec!["report.csv"]);
    }

    #[test]
    fn never_writes_over_an_input_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("patients.csv");
        std::fs::write(&input, "rows").unwrap();
        let roundabout = dir.path().join(".").join("patients.csv");
        for force in [false, true] {
            let e = write_atomic(&roundabout, b"x", force, &[input.as_path()], false).unwrap_err();
            assert!(matches!(e, OutputError::IsInput(_)), "{e}");
        }
        let link = dir.path().join("link.csv");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&input, &link).unwrap();
        #[cfg(unix)]
        assert!(matches!(write_atomic(&link, b"x", true, std::slice::from_ref(&input), false), Err(OutputError::IsInput(_))));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "rows");
    }

    #[test]
    fn a_dropped_file_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("rejects.csv");
        let mut f = AtomicFile::create(&out, false, NO_INPUTS, true).unwrap();
        f.write_all(b"half a ro").unwrap();
        let tmp = f.tmp.as_ref().unwrap().path().to_path_buf();
        assert!(crate::temp::is_live(&tmp), "an interrupt would remove it");
        drop(f);
        assert!(files_in(dir.path()).is_empty());
        assert!(!crate::temp::is_live(&tmp));

        let mut f = AtomicFile::create(&out, false, NO_INPUTS, true).unwrap();
        f.write_all(b"row\n").unwrap();
        let tmp = f.tmp.as_ref().unwrap().path().to_path_buf();
        f.commit().unwrap();
        assert!(!crate::temp::is_live(&tmp), "in place, it is no longer temporary");
        assert_eq!(files_in(dir.path()), ["rejects.csv"]);
    }

    #[test]
    fn refuses_a_folder_and_names_the_file_on_io_errors() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(write_atomic(dir.path(), b"x", true, NO_INPUTS, false), Err(OutputError::Folder(_))));
        let out = dir.path().join("no/such/folder/out.csv");
        let e = write_atomic(&out, b"x", false, NO_INPUTS, false).unwrap_err();
        assert!(e.message().render(Lang::En).starts_with("cannot write ") && e.to_string().contains("out.csv"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_private_file_is_readable_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("rejects.csv");
        std::fs::write(&out, "old").unwrap();
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&out, b"row", true, NO_INPUTS, true).unwrap();
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
        let public = dir.path().join("report.csv");
        write_atomic(&public, b"x", false, NO_INPUTS, false).unwrap();
        let usual = dir.path().join("usual.csv");
        std::fs::write(&usual, "x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&public), mode(&usual), "a report gets the mode any new file gets");
    }
}
