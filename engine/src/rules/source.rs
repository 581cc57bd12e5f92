//! Where rule and norm files come from: a folder on disk, memory (for tests), or a search path
//! of sources (a scheme's own norms, then the shared ones).
//!
//! A source hands out files by relative path and refuses any path that would leave its root, so
//! a rulebook can only read its own files: a path as written (`..`, an absolute path) and, on disk,
//! a path that resolves outside the root through a symbolic link. A link that stays inside the
//! root (a year's file shared with another folder of the same root) is followed: what matters is
//! where the bytes come from, not how the path reaches them. A refused file is never read, so no
//! line of it can reach a diagnostic.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::message::Message;

/// Why a file of a source cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    /// The path would leave the source's root (`..`, an absolute path).
    Escapes {
        path: String,
        root: Option<String>,
    },
    /// The path, inside the root as written, resolves outside it through a symbolic link.
    LeavesThroughLink {
        path: String,
        root: String,
    },
    /// The file cannot be read, and why.
    Unreadable {
        shown: String,
        reason: Message,
    },
    NotUtf8(String),
}

impl SourceError {
    /// The error for people.
    pub fn message(&self) -> Message {
        match self {
            SourceError::Escapes { path, root: Some(root) } => msg!("rules-path-escapes-folder", path = path, folder = root),
            SourceError::Escapes { path, root: None } => msg!("rules-path-escapes", path = path),
            SourceError::LeavesThroughLink { path, root } => msg!("rules-path-link-escapes", path = path, folder = root),
            SourceError::Unreadable { shown, reason } => msg!("rules-cannot-read", file = shown, reason = reason),
            SourceError::NotUtf8(shown) => msg!("rules-not-utf8", file = shown),
        }
    }
}

impl SourceError {
    /// Whether the file was refused for leaving the source's root (it was not read).
    pub fn escapes(&self) -> bool {
        matches!(self, SourceError::Escapes { .. } | SourceError::LeavesThroughLink { .. })
    }

    /// The code of a diagnostic about this error: a path leaving its folder has its own, every
    /// other reason is a file that cannot be found or read.
    pub fn code(&self) -> crate::diagnostic::Code {
        if self.escapes() { crate::diagnostic::Code::RulesPathEscape } else { crate::diagnostic::Code::MissingFile }
    }
}

/// A read-only tree of text files addressed by relative paths with `/` separators.
pub trait Source {
    /// The text of `path`, or why it cannot be read.
    fn read(&self, path: &str) -> Result<String, SourceError>;
    /// Every file directly or indirectly below `dir`, as relative paths, sorted.
    fn list(&self, dir: &str) -> Vec<String>;
    /// How a path is shown to people (the real path on disk, for a folder).
    fn display(&self, path: &str) -> String;
}

/// Files under a folder on disk.
#[derive(Debug, Clone)]
pub struct DirSource {
    root: PathBuf,
}

impl DirSource {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        DirSource { root: root.into() }
    }
}

/// Whether `path` is relative and stays below its root (no `..`, no absolute part).
pub(crate) fn is_contained(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

impl DirSource {
    /// Where `path` is on disk, once resolved: refused when it is not contained as written, or
    /// when it resolves outside the root (itself resolved) through a symbolic link. A path that
    /// does not resolve (a missing file) is returned as written, for the reader to say why.
    pub fn resolve(&self, path: &str) -> Result<PathBuf, SourceError> {
        if !is_contained(path) {
            return Err(SourceError::Escapes { path: path.to_string(), root: Some(self.root.display().to_string()) });
        }
        let full = self.root.join(path);
        match (self.root.canonicalize(), full.canonicalize()) {
            (Ok(root), Ok(real)) if real.starts_with(&root) => Ok(real),
            (Ok(_), Ok(_)) => Err(SourceError::LeavesThroughLink { path: path.to_string(), root: self.root.display().to_string() }),
            _ => Ok(full),
        }
    }
}

impl Source for DirSource {
    fn read(&self, path: &str) -> Result<String, SourceError> {
        let real = self.resolve(path)?;
        let full = self.root.join(path);
        let bytes =
            std::fs::read(&real).map_err(|e| SourceError::Unreadable { shown: full.display().to_string(), reason: io_reason(&e) })?;
        String::from_utf8(bytes).map_err(|_| SourceError::NotUtf8(full.display().to_string()))
    }

    fn list(&self, dir: &str) -> Vec<String> {
        let mut out = Vec::new();
        let start = if dir.is_empty() { self.root.clone() } else { self.root.join(dir) };
        collect_files(&self.root, &start, &mut out);
        out.sort();
        out
    }

    fn display(&self, path: &str) -> String {
        self.root.join(path).display().to_string()
    }
}

/// The files below `dir`. A folder reached through a symbolic link is not entered (it could lead
/// anywhere, or back to itself); a file that is a link is listed, and reading it says whether it
/// stays inside the root.
fn collect_files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_symlink()) && path.is_dir() {
            continue;
        }
        if path.is_dir() {
            collect_files(root, &path, out);
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The reason of an I/O error in plain lowercase words: ours for the usual ones, the system's
/// words for the others.
pub fn io_reason(e: &std::io::Error) -> Message {
    match e.kind() {
        std::io::ErrorKind::NotFound => msg!("rules-io-not-found"),
        std::io::ErrorKind::PermissionDenied => msg!("rules-io-permission-denied"),
        std::io::ErrorKind::IsADirectory => msg!("rules-io-is-directory"),
        _ => {
            let s = e.to_string();
            Message::text(match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s.to_lowercase(),
            })
        }
    }
}

/// Several sources searched in order: a file is read from the first that has it. A scheme's own
/// norms come before the shared ones, so that a scheme reuses what it does not redefine.
pub struct SearchPath {
    sources: Vec<Box<dyn Source>>,
}

impl SearchPath {
    pub fn new(sources: Vec<Box<dyn Source>>) -> Self {
        SearchPath { sources }
    }
}

impl Source for SearchPath {
    fn read(&self, path: &str) -> Result<String, SourceError> {
        let mut first_error = None;
        for s in &self.sources {
            match s.read(path) {
                Ok(text) => return Ok(text),
                // A path that escapes, or a file that exists but cannot be read, is the answer.
                Err(e @ (SourceError::Escapes { .. } | SourceError::LeavesThroughLink { .. } | SourceError::NotUtf8(_))) => return Err(e),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        Err(first_error.unwrap_or_else(|| SourceError::Unreadable { shown: path.to_string(), reason: msg!("rules-no-folder") }))
    }

    fn list(&self, dir: &str) -> Vec<String> {
        let mut out: Vec<String> = self.sources.iter().flat_map(|s| s.list(dir)).collect();
        out.sort();
        out.dedup();
        out
    }

    fn display(&self, path: &str) -> String {
        let holder = self.sources.iter().find(|s| s.read(path).is_ok()).or(self.sources.first());
        holder.map_or_else(|| path.to_string(), |s| s.display(path))
    }
}

/// Files held in memory, for tests and for rulebooks built on the fly.
#[derive(Debug, Clone, Default)]
pub struct MemSource {
    files: BTreeMap<String, String>,
}

impl MemSource {
    pub fn new() -> Self {
        MemSource::default()
    }

    pub fn with(mut self, path: &str, text: &str) -> Self {
        self.files.insert(path.to_string(), text.to_string());
        self
    }
}

impl Source for MemSource {
    fn read(&self, path: &str) -> Result<String, SourceError> {
        if !is_contained(path) {
            return Err(SourceError::Escapes { path: path.to_string(), root: None });
        }
        self.files.get(path).cloned().ok_or_else(|| SourceError::Unreadable { shown: path.to_string(), reason: msg!("rules-no-such-file") })
    }

    fn list(&self, dir: &str) -> Vec<String> {
        let prefix = if dir.is_empty() { String::new() } else { format!("{}/", dir.trim_end_matches('/')) };
        self.files.keys().filter(|k| k.starts_with(&prefix)).cloned().collect()
    }

    fn display(&self, path: &str) -> String {
        path.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_path_reads_from_the_first_source_that_has_the_file() {
        let own = MemSource::new().with("entries/v1.toml", "own");
        let shared = MemSource::new().with("entries/v1.toml", "shared").with("members/v1.toml", "members");
        let path = SearchPath::new(vec![Box::new(own), Box::new(shared)]);
        assert_eq!(path.read("entries/v1.toml").unwrap(), "own");
        assert_eq!(path.read("members/v1.toml").unwrap(), "members");
        assert!(matches!(path.read("x/v1.toml"), Err(SourceError::Unreadable { .. })));
        assert!(matches!(path.read("../x"), Err(SourceError::Escapes { .. })));
        assert_eq!(path.list(""), ["entries/v1.toml", "members/v1.toml"]);
    }

    #[test]
    fn refuses_paths_that_escape() {
        assert!(is_contained("a/b.toml"));
        assert!(is_contained("./a.toml"));
        assert!(!is_contained("../a.toml"));
        assert!(!is_contained("a/../../b"));
        assert!(!is_contained("/etc/passwd"));
        assert!(!is_contained(""));
        let src = MemSource::new().with("a.toml", "x");
        assert!(src.read("../a.toml").is_err());
        assert_eq!(src.read("a.toml").unwrap(), "x");
    }
}
