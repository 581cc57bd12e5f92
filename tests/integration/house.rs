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

/// What people read as text: docs, rules, norms, scripts of the rules, messages, and the comments
/// of Rust sources. Shell scripts are code: they may take a path outside as an argument.
fn readable_lines(path: &Path) -> Vec<(usize, String)> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    let comments_only = has_extension(path, &["rs"]);
    text.lines()
        .enumerate()
        .filter(|(_, l)| !comments_only || l.trim_start().starts_with("//"))
        .map(|(n, l)| (n + 1, l.to_string()))
        .collect()
}

fn readable_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    // Snapshots are outputs (a test of path escapes prints one on purpose); the rules they show
    // are checked at their source.
    let snapshots = repo().join("snapshots");
    let kinds = ["rs", "md", "toml", "rhai", "ftl"];
    files_under(&repo(), &|p| !p.starts_with(&snapshots) && has_extension(p, &kinds), &mut files);
    files
}

#[test]
fn no_file_points_to_a_file_outside_the_repository() {
    let root = repo();
    let relative_path = Regex::new(r"(?:\.\./)+[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)*").unwrap();
    // Documents named in capitals (`ARCHITECTURE.md`) must be files of the repository, unless
    // the name is part of another location (`owner/repo:path/NAME.md`, a URL).
    let document = Regex::new(r"(^|[^/:A-Za-z0-9_.\-])([A-Z][A-Z0-9_\-]+\.md)\b").unwrap();
    let mut known_documents = Vec::new();
    files_under(&root, &|p| has_extension(p, &["md"]), &mut known_documents);
    let known: Vec<String> = known_documents.iter().filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned())).collect();
    let mut problems = Vec::new();
    for file in readable_files() {
        let dir = file.parent().unwrap_or(&root);
        for (n, line) in readable_lines(&file) {
            for m in relative_path.find_iter(&line) {
                // A path is fine when it names something of the repository, from the file's
                // folder or (in prose about another folder) from the root.
                let from_here = normalise(&dir.join(m.as_str()));
                let tail = m.as_str().trim_start_matches("../");
                let inside = from_here.starts_with(&root) && from_here.exists() || root.join(tail).exists();
                if !inside {
                    problems.push(format!("{}:{n}: `{}` is not a file of the repository", relative(&file), m.as_str()));
                }
            }
            for c in document.captures_iter(&line) {
                let name = &c[2];
                if !known.iter().any(|k| k == name) {
                    problems.push(format!("{}:{n}: `{name}` is not a document of the repository", relative(&file)));
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
