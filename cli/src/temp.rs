//! The temporary files and folders of a run, removed on every way out: dropped on an error return
//! or a panic (they are `tempfile` values), and on an interrupt (Ctrl-C, SIGTERM, SIGHUP), by a
//! handler that removes every one still registered before the process exits with
//! [`EXIT_INTERRUPTED`]. An exit through [`exit`] removes them too. They hold only what their
//! final place will hold, and a run that is killed outright (SIGKILL) can leave one: each is a
//! hidden name beside its place (`.NAME.XXXXXX.tmp`).
//!
//! A temporary file or folder is put in its place under the registry's lock, so that an
//! interrupt sees it either still temporary (then removed) or in its place (then kept), never
//! half of each.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

/// The exit code of a run interrupted by a signal (128 + SIGINT, as shells report Ctrl-C).
pub const EXIT_INTERRUPTED: i32 = 130;

/// The live temporary paths.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Registers `path` as temporary: removed if the run is interrupted before [`unregister`].
/// The first registration installs the interrupt handler (commands that write nothing keep
/// the default behaviour of signals).
pub fn register(path: &Path) {
    HANDLER.call_once(|| {
        // Without a handler (one already set), an interrupt leaves the file: nothing worse than before.
        let _ = ctrlc::set_handler(|| {
            let mut live = live();
            remove_all(&mut live);
            // The lock is held to the end: nothing is put in place after the removal.
            std::process::exit(EXIT_INTERRUPTED);
        });
    });
    live().push(path.to_path_buf());
}

/// `path` is no longer temporary (put in place, or removed).
pub fn unregister(path: &Path) {
    let mut live = live();
    if let Some(i) = live.iter().rposition(|p| p == path) {
        live.swap_remove(i);
    }
}

/// Runs `put` (a rename into place) under the registry's lock, then unregisters `path`.
pub fn put_in_place<T>(path: &Path, put: impl FnOnce() -> T) -> T {
    let mut live = live();
    let result = put();
    if let Some(i) = live.iter().rposition(|p| p == path) {
        live.swap_remove(i);
    }
    result
}

/// Whether `path` is registered (tests).
#[cfg(test)]
pub fn is_live(path: &Path) -> bool {
    live().iter().any(|p| p == path)
}

fn remove_all(live: &mut Vec<PathBuf>) {
    for path in live.drain(..) {
        if path.is_dir() {
            let _ = std::fs::remove_dir_all(&path);
        } else {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// A temporary path made elsewhere (a `tempfile::TempDir` that removes itself when dropped),
/// registered while the guard lives.
pub struct Guard(PathBuf);

impl Drop for Guard {
    fn drop(&mut self) {
        unregister(&self.0);
    }
}

/// Registers `path` until the guard is dropped (declare it after the owner of the path, so that
/// it is dropped first).
pub fn guard(path: &Path) -> Guard {
    register(path);
    Guard(path.to_path_buf())
}

/// Exits with `code` once every temporary path is removed (`std::process::exit` runs no
/// destructor).
pub fn exit(code: i32) -> ! {
    let mut live = live();
    remove_all(&mut live);
    std::process::exit(code)
}

/// A folder being written in place of `target`: a hidden temporary folder beside it, renamed
/// into place by [`TempFolder::persist`] once complete; dropped before, it vanishes.
pub struct TempFolder {
    dir: Option<tempfile::TempDir>,
}

impl TempFolder {
    /// A new empty folder beside `target` (in its parent folder, created if needed).
    pub fn beside(target: &Path) -> io::Result<TempFolder> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(parent)?;
        let name = target.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // The mode any new folder gets (0777 less the umask), not tempfile's private 0700.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o777));
        }
        let dir = builder.tempdir_in(parent)?;
        register(dir.path());
        Ok(TempFolder { dir: Some(dir) })
    }

    pub fn path(&self) -> &Path {
        self.dir.as_ref().map_or(Path::new(""), |d| d.path())
    }

    /// Puts the folder's files in `target`: the whole folder renamed when `target` does not
    /// exist or is empty, else file by file, each replacing the file of its name (the caller
    /// has checked that replacing is allowed: `--force`).
    pub fn persist(mut self, target: &Path) -> io::Result<()> {
        let Some(dir) = self.dir.take() else { return Ok(()) };
        let tmp = dir.path().to_path_buf();
        let empty = std::fs::read_dir(target).map(|mut e| e.next().is_none());
        let result = put_in_place(&tmp, || match empty {
            Err(e) if e.kind() == io::ErrorKind::NotFound => std::fs::rename(&tmp, target),
            Ok(true) => std::fs::remove_dir(target).and_then(|()| std::fs::rename(&tmp, target)),
            _ => {
                for entry in std::fs::read_dir(&tmp)? {
                    let entry = entry?;
                    std::fs::rename(entry.path(), target.join(entry.file_name()))?;
                }
                Ok(())
            }
        });
        match result {
            // Renamed whole: nothing left to remove.
            Ok(()) if !tmp.exists() => {
                let _ = dir.keep();
                Ok(())
            }
            // Emptied file by file, or failed: the folder goes with what is left in it.
            other => other,
        }
    }
}

impl TempFolder {
    /// Puts the folder in place of `target`, which it replaces whole when it exists (the old
    /// folder is kept aside until the new one is in place, then removed).
    pub fn replace(mut self, target: &Path) -> io::Result<()> {
        let Some(dir) = self.dir.take() else { return Ok(()) };
        let tmp = dir.path().to_path_buf();
        let result = put_in_place(&tmp, || {
            let old = target.exists().then(|| {
                let name = target.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
                target.with_file_name(format!(".{name}.old-{}.tmp", std::process::id()))
            });
            if let Some(old) = &old {
                std::fs::rename(target, old)?;
            }
            if let Err(e) = std::fs::rename(&tmp, target) {
                if let Some(old) = &old {
                    let _ = std::fs::rename(old, target);
                }
                return Err(e);
            }
            if let Some(old) = &old {
                let _ = std::fs::remove_dir_all(old);
            }
            Ok(())
        });
        if result.is_ok() {
            let _ = dir.keep();
        }
        result
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            unregister(dir.path());
        }
    }
}

/// Whether `dir` exists and holds anything.
pub fn is_non_empty_folder(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut e| e.next().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn a_folder_is_renamed_into_place_or_vanishes() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("case");
        let t = TempFolder::beside(&target).unwrap();
        std::fs::write(t.path().join("a.csv"), "x").unwrap();
        assert!(is_live(t.path()));
        t.persist(&target).unwrap();
        assert_eq!(names(root.path()), ["case"]);
        assert_eq!(names(&target), ["a.csv"]);

        // Into a folder that holds files: file by file, the others kept.
        std::fs::write(target.join("mine.txt"), "keep").unwrap();
        let t = TempFolder::beside(&target).unwrap();
        std::fs::write(t.path().join("a.csv"), "y").unwrap();
        let tmp = t.path().to_path_buf();
        t.persist(&target).unwrap();
        assert_eq!(names(root.path()), ["case"]);
        assert_eq!(names(&target), ["a.csv", "mine.txt"]);
        assert_eq!(std::fs::read_to_string(target.join("a.csv")).unwrap(), "y");
        assert!(!is_live(&tmp), "no longer registered");

        // Dropped before it is complete: nothing left, nothing registered.
        let t = TempFolder::beside(&root.path().join("other")).unwrap();
        std::fs::write(t.path().join("half.csv"), "x").unwrap();
        let tmp = t.path().to_path_buf();
        drop(t);
        assert_eq!(names(root.path()), ["case"]);
        assert!(!is_live(&tmp));
    }
}
