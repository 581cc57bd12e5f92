//! `peps rules draft YEAR DIR`: a copy of a year's rules in `DIR/YEAR`, anywhere, to edit and try
//! before the change goes into the repository, and the `#:schema` lines of rule files, which
//! must point to the repository's `schemas/` from wherever the files are written.
//!
//! An editor (taplo, Even Better TOML) reads the first line `#:schema <path>` of a rule file to
//! complete and check its keys. The shipped files say `../../schemas/<kind>.schema.json`, true
//! from `rules/<year>/` only: every command that writes rule files elsewhere rewrites that line,
//! as a relative path when the files stay inside the repository, else as an absolute `file://`
//! URL.

use std::path::{Component, Path, PathBuf};

use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::rules::source::{DirSource, Source};

use super::year_dir;
use crate::args::RulesArgs;
use crate::exit::EXIT_IO;
use crate::language::Say;
use crate::say;
use crate::workspace::{default_dir, rules_root};

#[derive(clap::Args, Debug)]
pub struct DraftArgs {
    /// The year to copy
    year: i32,
    /// Where to write the draft: the year's files go to DIR/YEAR, so that DIR is a rules folder
    /// (`--rules DIR`) for the other commands
    dir: PathBuf,
    /// Replace DIR/YEAR if it already exists
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    rules: RulesArgs,
}

pub fn run(args: &DraftArgs) -> u8 {
    let src = year_dir(&args.rules, args.year);
    if !src.join("rulebook.toml").is_file() {
        say::error(msg!("cli-no-rulebook-for", year = args.year.to_string(), dir = src.display().to_string()));
        return EXIT_IO;
    }
    let dst = args.dir.join(args.year.to_string());
    // The draft never replaces the year it copies, nor a folder holding it, `--force` or not.
    if overlaps(&src, &dst) {
        say::error(msg!("cli-draft-is-source", path = dst.display().to_string(), source = src.display().to_string()));
        return EXIT_IO;
    }
    if dst.exists() && !args.force {
        crate::say::error(msg!("cli-draft-exists", path = dst.display().to_string()));
        eprintln!("  {}", msg!("cli-draft-exists-help").say());
        return crate::exit::EXIT_IO;
    }
    // Written into a temporary folder beside DIR/YEAR, put in its place once complete.
    let tmp = match crate::temp::TempFolder::beside(&dst) {
        Ok(t) => t,
        Err(e) => {
            say::error(msg!("cli-schema-cannot-create", dir = args.dir.display().to_string(), reason = e.to_string()));
            return EXIT_IO;
        }
    };
    if let Err(e) = copy_rules(&src, tmp.path()) {
        say::error(e);
        return EXIT_IO;
    }
    let schemas = schemas_dir(&args.rules);
    let editor = match &schemas {
        Some(s) => match retarget_schemas(tmp.path(), &dst, s) {
            Ok(prefix) => msg!("cli-draft-editor", prefix = prefix),
            Err(e) => {
                say::error(e);
                return EXIT_IO;
            }
        },
        None => msg!("cli-draft-editor-none"),
    };
    if let Err(e) = tmp.replace(&dst) {
        say::error(msg!("cli-draft-cannot-replace", path = dst.display().to_string(), reason = e.to_string()));
        return EXIT_IO;
    }
    let (y, dir) = (args.year.to_string(), shell_word(&args.dir.display().to_string()));
    let written = msg!("cli-draft-written", year = &y, path = dst.display().to_string());
    let check = msg!("cli-draft-check", year = &y, dir = &dir);
    let impact = msg!("cli-draft-impact", year = &y, dir = &dir);
    crate::say::emit(&format!(
        "{written}\n  {editor}\n  {check}\n  {impact}\n",
        written = written.say(),
        editor = editor.say(),
        check = check.say(),
        impact = impact.say()
    ));
    crate::exit::EXIT_OK
}

/// Whether `a` and `b` are one folder, or one holds the other (through links and `..`).
fn overlaps(a: &Path, b: &Path) -> bool {
    let resolve = |p: &Path| {
        // A folder that does not exist yet: its nearest existing parent, resolved, then the rest.
        let mut rest = Vec::new();
        let mut cur = p.to_path_buf();
        loop {
            if let Ok(c) = cur.canonicalize() {
                return rest.iter().rev().fold(c, |acc: PathBuf, part: &std::ffi::OsString| acc.join(part));
            }
            match (cur.file_name().map(|n| n.to_os_string()), cur.parent()) {
                (Some(name), Some(parent)) => {
                    rest.push(name);
                    cur = if parent.as_os_str().is_empty() { PathBuf::from(".") } else { parent.to_path_buf() };
                }
                _ => return p.to_path_buf(),
            }
        }
    };
    let (a, b) = (resolve(a), resolve(b));
    a.starts_with(&b) || b.starts_with(&a)
}

/// `word` as a shell reads it back: quoted when it holds a space or another special character.
fn shell_word(word: &str) -> String {
    if word.chars().all(|c| c.is_alphanumeric() || "/._-~:".contains(c)) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Copies every file of the year's folder as it is.
fn copy_rules(src: &Path, dst: &Path) -> Result<(), Message> {
    let source = DirSource::new(src);
    for rel in source.list("") {
        let target = dst.join(&rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| msg!("cli-schema-cannot-create", dir = parent.display().to_string(), reason = e.to_string()))?;
        }
        let from = source.resolve(&rel).map_err(|e| e.message())?;
        std::fs::copy(from, &target)
            .map_err(|e| msg!("cli-cannot-copy", path = source.display(&rel).to_string(), reason = e.to_string()))?;
    }
    Ok(())
}

/// The repository's `schemas/` folder: beside the rules folder, else where `peps` finds the
/// repository's folders.
pub(crate) fn schemas_dir(rules: &RulesArgs) -> Option<PathBuf> {
    let beside = rules_root(rules).join("..").join("schemas");
    [beside, default_dir("schemas")].into_iter().find(|d| d.is_dir()).and_then(|d| d.canonicalize().ok())
}

/// Rewrites the `#:schema` lines of the rule files under `written` (which will live in `dir`)
/// to point to `schemas`; returns what they now point to.
pub(crate) fn retarget_schemas(written: &Path, dir: &Path, schemas: &Path) -> Result<String, Message> {
    let prefix = schema_prefix(dir, schemas);
    let source = DirSource::new(written);
    for rel in source.list("") {
        if !rel.ends_with(".toml") {
            continue;
        }
        let path = written.join(&rel);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| msg!("cli-cannot-read", path = path.display().to_string(), reason = e.to_string()))?;
        // The file's own folder, for a file below the year's folder.
        let depth = Path::new(&rel).components().count().saturating_sub(1);
        let file_prefix = if prefix.starts_with("file://") { prefix.clone() } else { format!("{}{prefix}", "../".repeat(depth)) };
        let rewritten = rewrite_directives(&text, &file_prefix);
        if rewritten != text {
            std::fs::write(&path, rewritten)
                .map_err(|e| msg!("cli-output-io", path = path.display().to_string(), reason = e.to_string()))?;
        }
    }
    Ok(prefix)
}

/// `#:schema <anything>/<kind>.schema.json` lines with `<prefix>/<kind>.schema.json`.
fn rewrite_directives(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        match body.strip_prefix("#:schema ") {
            Some(target) => {
                let file = target.trim().rsplit('/').next().unwrap_or(target);
                out.push_str(&format!("#:schema {prefix}/{file}"));
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// How a file in `dir` names the `schemas` folder: a relative path when both are in the
/// repository (the folder holding `schemas`), else an absolute `file://` URL.
fn schema_prefix(dir: &Path, schemas: &Path) -> String {
    let dir = absolute(dir);
    let repository = schemas.parent().unwrap_or(schemas);
    if dir.starts_with(repository) { relative(&dir, schemas) } else { file_url(schemas) }
}

/// `path` made absolute with its symbolic links resolved, for the part of it that exists.
fn absolute(path: &Path) -> PathBuf {
    let mut missing = Vec::new();
    let mut existing = path.to_path_buf();
    loop {
        if let Ok(c) = existing.canonicalize() {
            return missing.iter().rev().fold(c, |p: PathBuf, m: &std::ffi::OsString| p.join(m));
        }
        match (existing.file_name().map(ToOwned::to_owned), existing.parent()) {
            (Some(name), Some(parent)) => {
                missing.push(name);
                existing = if parent.as_os_str().is_empty() { PathBuf::from(".") } else { parent.to_path_buf() };
            }
            _ => return path.to_path_buf(),
        }
    }
}

/// The path from folder `from` to `to`, both absolute, with `/`.
fn relative(from: &Path, to: &Path) -> String {
    let a: Vec<Component<'_>> = from.components().collect();
    let b: Vec<Component<'_>> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); a.len() - common];
    parts.extend(b[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    if parts.is_empty() { ".".to_string() } else { parts.join("/") }
}

/// A `file://` URL of an absolute path, its special characters percent-encoded.
fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_inside_the_repository_gets_a_relative_path_elsewhere_a_file_url() {
        let repo = tempfile::tempdir().unwrap();
        let schemas = repo.path().join("schemas");
        std::fs::create_dir_all(&schemas).unwrap();
        let schemas = schemas.canonicalize().unwrap();
        assert_eq!(schema_prefix(&repo.path().join("rules/2027"), &schemas), "../../schemas");
        assert_eq!(schema_prefix(&repo.path().join("brouillons/a/2025"), &schemas), "../../../schemas");
        let elsewhere = tempfile::tempdir().unwrap();
        let url = schema_prefix(&elsewhere.path().join("mon brouillon/2025"), &schemas);
        assert_eq!(url, file_url(&schemas));
        assert!(url.starts_with("file:///") && url.ends_with("/schemas"), "{url}");
        assert_eq!(file_url(Path::new("/a b/é")), "file:///a%20b/%C3%A9");
    }

    #[test]
    fn only_schema_lines_are_rewritten() {
        let text = "#:schema ../../schemas/steps.schema.json\n# a comment about #:schema\nlabel = \"x\"\n";
        assert_eq!(
            rewrite_directives(text, "file:///r/schemas"),
            "#:schema file:///r/schemas/steps.schema.json\n# a comment about #:schema\nlabel = \"x\"\n"
        );
    }
}
