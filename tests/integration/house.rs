//! The promises the repository makes about itself, checked on its files: every Rust source says
//! what it is for on its first line, the engine's folders are those ARCHITECTURE.md maps, and no
//! file points a reader to a file outside the repository.

use std::path::{Path, PathBuf};

use regex::Regex;

use crate::util::repo;

/// Folders that are built or fetched, not written.
const SKIPPED: &[&str] = &["target", ".git", "node_modules"];

fn files_under(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !SKIPPED.contains(&name.as_str()) {
                files_under(&path, keep, out);
            }
        } else if keep(&path) {
            out.push(path);
        }
    }
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e))
}

fn relative(path: &Path) -> String {
    path.strip_prefix(repo()).unwrap_or(path).display().to_string()
}

#[test]
fn every_rust_source_starts_with_a_line_saying_what_it_is_for() {
    let mut sources = Vec::new();
    files_under(&repo(), &|p| has_extension(p, &["rs"]), &mut sources);
    assert!(sources.len() > 100, "the walk found the sources: {}", sources.len());
    let missing: Vec<String> = sources
        .iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            !text.lines().next().is_some_and(|first| first.starts_with("//!") && first.len() > 4)
        })
        .map(|p| relative(p))
        .collect();
    assert!(missing.is_empty(), "these files do not start with a `//!` line:\n{}", missing.join("\n"));
}

/// Text that people read: sources, docs, rules, norms, scripts, snapshots.
fn text_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let kinds = ["rs", "md", "toml", "sh", "py", "rhai", "ftl", "snap", "yml", "yaml", "html"];
    // Snapshots are outputs (a test of path escapes prints one on purpose); the rules they show
    // are checked at their source.
    let snapshots = repo().join("snapshots");
    files_under(
        &repo(),
        &|p| !p.starts_with(&snapshots) && (has_extension(p, &kinds) || p.file_name().is_some_and(|n| n == "run")),
        &mut files,
    );
    files
}

#[test]
fn no_file_points_to_a_file_outside_the_repository() {
    let root = repo();
    let relative_path = Regex::new(r"(?:\.\./)+[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)*").unwrap();
    // Documents named in capitals (`ARCHITECTURE.md`) must be files of the repository.
    let document = Regex::new(r"\b[A-Z][A-Z0-9_\-]+\.md\b").unwrap();
    let mut known_documents = Vec::new();
    files_under(&root, &|p| has_extension(p, &["md"]), &mut known_documents);
    let known: Vec<String> = known_documents.iter().filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned())).collect();
    let mut problems = Vec::new();
    for file in text_files() {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        let dir = file.parent().unwrap_or(&root);
        for (n, line) in text.lines().enumerate() {
            for m in relative_path.find_iter(line) {
                let target = normalise(&dir.join(m.as_str()));
                if !target.starts_with(&root) {
                    problems.push(format!("{}:{}: `{}` leaves the repository", relative(&file), n + 1, m.as_str()));
                }
            }
            for m in document.find_iter(line) {
                if !known.iter().any(|k| k == m.as_str()) {
                    problems.push(format!("{}:{}: `{}` is not a document of the repository", relative(&file), n + 1, m.as_str()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "write what readers need into the repository:\n{}", problems.join("\n"));
}

/// `path` with `.` and `..` resolved by hand (the target need not exist).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn the_engine_folders_are_those_the_architecture_maps() {
    let architecture = std::fs::read_to_string(repo().join("ARCHITECTURE.md")).unwrap();
    let src = repo().join("engine/src");
    let mut modules: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".rs").map(str::to_string).unwrap_or(name);
            (stem != "lib").then_some(stem)
        })
        .collect();
    modules.sort();
    modules.dedup();
    let unmapped: Vec<&String> = modules.iter().filter(|m| !architecture.contains(&format!("`{m}"))).collect();
    assert!(unmapped.is_empty(), "ARCHITECTURE.md does not map these engine modules: {unmapped:?}");
    let mut sources = Vec::new();
    files_under(&src, &|p| has_extension(p, &["rs"]), &mut sources);
    let long: Vec<String> = sources
        .iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(p).unwrap_or_default().lines().count();
            (n > 800).then(|| format!("{} ({n} lines)", relative(p)))
        })
        .collect();
    assert!(long.is_empty(), "engine files over 800 lines: {long:?}");
}
