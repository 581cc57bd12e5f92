//! The shipped rules and norms, built into the binary: an installed `peps` computes from any
//! folder. When no `rules/` (or `norms/`) folder is found from where the command runs, the built-in
//! copy is written once into the user's cache, in a folder named after its fingerprint, and read
//! from there like any rules folder, so every command behaves the same whichever copy it reads.
//! `peps rules export DIR` writes the same copy out for a policy officer to edit.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};

static RULES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../rules");
static NORMS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../norms");

/// The built-in folders, by the name a command looks for.
fn tree(name: &str) -> Option<&'static Dir<'static>> {
    match name {
        "rules" => Some(&RULES),
        "norms" => Some(&NORMS),
        _ => None,
    }
}

/// Every file of a built-in folder, with its path inside it, in a stable order.
fn files(dir: &'static Dir<'static>) -> Vec<(&'static Path, &'static [u8])> {
    let mut out = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        out.extend(d.files().map(|f| (f.path(), f.contents())));
        stack.extend(d.dirs());
    }
    out.sort_by_key(|(p, _)| *p);
    out
}

/// The SHA-256 of the built-in rules and norms (each file's path and contents): what a run
/// manifest names when it read them, and the name of their folder in the cache. Computed once per
/// run: every look for the rules or norms folder asks for it (an installed `peps rules check`
/// hashed the whole copy some fifteen times, a sixth of its time under `perf record`).
pub fn fingerprint() -> String {
    static FINGERPRINT: OnceLock<String> = OnceLock::new();
    FINGERPRINT.get_or_init(compute_fingerprint).clone()
}

/// How many times the fingerprint was computed (the test that it is once per run counts them).
#[cfg(test)]
static COMPUTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn compute_fingerprint() -> String {
    #[cfg(test)]
    COMPUTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut h = Sha256::new();
    for (name, dir) in [("rules", &RULES), ("norms", &NORMS)] {
        for (path, bytes) in files(dir) {
            h.update(name.as_bytes());
            h.update(path.to_string_lossy().as_bytes());
            h.update([0]);
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Where the built-in copy lives: the user's cache (`$XDG_CACHE_HOME`, else `~/.cache`), else
/// the system's temporary folder.
fn cache_root() -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")));
    cache.unwrap_or_else(std::env::temp_dir).join("peps")
}

/// The folder holding the built-in copy of `name` (`rules` or `norms`), written on first use;
/// `None` for another name or when it cannot be written.
pub fn folder(name: &str) -> Option<PathBuf> {
    tree(name)?;
    let root = cache_root().join(format!("builtin-{}", &fingerprint()[..16]));
    if !root.join(".complete").is_file() {
        write_copy(&root).ok()?;
    }
    Some(root.join(name))
}

/// Whether `path` lies in the built-in copy of the rules (what a manifest says of its rules).
pub fn is_builtin(path: &Path) -> bool {
    let root = cache_root();
    path.canonicalize().ok().zip(root.canonicalize().ok()).is_some_and(|(p, r)| p.starts_with(r))
}

/// Writes the whole copy into a temporary folder beside `root`, then renames it into place: two
/// commands started at once never read a half-written copy.
fn write_copy(root: &Path) -> std::io::Result<()> {
    let parent = root.parent().unwrap_or(root);
    std::fs::create_dir_all(parent)?;
    let temp = tempfile::Builder::new().prefix(".builtin-").tempdir_in(parent)?;
    export_into(temp.path())?;
    std::fs::write(temp.path().join(".complete"), b"")?;
    let temp = temp.keep();
    match std::fs::rename(&temp, root) {
        Ok(()) => Ok(()),
        // Another command put the same copy in place first.
        Err(_) if root.join(".complete").is_file() => std::fs::remove_dir_all(&temp),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&temp);
            Err(e)
        }
    }
}

/// Writes `rules/` and `norms/` into `dir` (which must not hold them yet).
pub fn export_into(dir: &Path) -> std::io::Result<()> {
    for (name, tree) in [("rules", &RULES), ("norms", &NORMS)] {
        for (path, bytes) in files(tree) {
            let target = dir.join(name).join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(target, bytes)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of the repository's `rules/` and `norms/` is in the copy built into the binary
    /// (whatever years and schemes are shipped).
    #[test]
    fn the_built_in_copy_holds_every_shipped_file() {
        fn files(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    files(root, &path, out);
                } else {
                    out.push(path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
                }
            }
        }
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        for (folder, copy) in [("rules", &RULES), ("norms", &NORMS)] {
            let root = repo.join(folder);
            let mut shipped = Vec::new();
            files(&root, &root, &mut shipped);
            assert!(!shipped.is_empty(), "{folder}/ holds files");
            for file in shipped {
                assert!(copy.get_file(&file).is_some(), "{folder}/{file} is not built into the binary");
            }
        }
        assert_eq!(fingerprint().len(), 64);
    }

    /// Every look for the built-in folders asks for the fingerprint: it is computed once per run.
    #[test]
    fn the_fingerprint_is_computed_once_per_run() {
        let first = fingerprint();
        for _ in 0..3 {
            assert_eq!(fingerprint(), first);
        }
        assert_eq!(COMPUTED.load(std::sync::atomic::Ordering::Relaxed), 1);
        assert_eq!(compute_fingerprint(), first);
    }
}
