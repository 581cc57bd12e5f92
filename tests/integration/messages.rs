//! The message files: French and English hold the same messages, every message the code names
//! exists, and no sentence for people is written in Rust outside them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use peps_engine::message::{Lang, message_ids};
use regex::Regex;

use crate::util::repo;

/// Where the code writes for people: the engine and the CLI.
const SOURCES: &[&str] = &["engine/src", "cli/src"];

/// Folders whose string literals are not sentences for a person running peps: the JSON schemas'
/// descriptions come from doc comments and are read by editors, in English like the code.
const NOT_PROSE: &[&str] = &["engine/src/schema"];

/// Files still to be moved to the message files, each with its reason. Empty when every sentence
/// is in the message files.
const PENDING: &[&str] = &[];

#[test]
fn french_and_english_hold_the_same_messages() {
    let (fr, fr_errors) = message_ids(Lang::Fr);
    let (en, en_errors) = message_ids(Lang::En);
    assert!(fr_errors.is_empty(), "messages/fr.ftl does not parse: {fr_errors:?}");
    assert!(en_errors.is_empty(), "messages/en.ftl does not parse: {en_errors:?}");
    for (lang, ids) in [("fr", &fr), ("en", &en)] {
        let mut seen = BTreeSet::new();
        let twice: Vec<&String> = ids.iter().filter(|id| !seen.insert(*id)).collect();
        assert!(twice.is_empty(), "messages/{lang}.ftl defines these twice: {twice:?}");
    }
    let (fr, en): (BTreeSet<&String>, BTreeSet<&String>) = (fr.iter().collect(), en.iter().collect());
    let only_fr: Vec<_> = fr.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&fr).collect();
    assert!(only_fr.is_empty() && only_en.is_empty(), "only in French: {only_fr:?}\nonly in English: {only_en:?}");
}

#[test]
fn every_message_the_code_names_exists_and_every_message_is_used() {
    let (defined, _) = message_ids(Lang::Fr);
    let defined: BTreeSet<String> = defined.into_iter().collect();
    let named = Regex::new(r#"(?:msg!\(|Message::id\()\s*"([a-z0-9-]+)""#).unwrap();
    let mut used = BTreeSet::new();
    for file in rust_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let code: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
        for c in named.captures_iter(&code.join("\n")) {
            used.insert(c[1].to_string());
        }
    }
    let missing: Vec<_> = used.difference(&defined).collect();
    assert!(missing.is_empty(), "named in the code, absent from the message files: {missing:?}");
    // The help of the command line is looked up by the path of each command and option
    // (`help-compute--year`), and checked against them by the CLI's own test.
    let unused: Vec<_> = defined.difference(&used).filter(|id| !id.starts_with("help")).collect();
    assert!(unused.is_empty(), "in the message files, named nowhere in the code: {unused:?}");
}

#[test]
fn no_sentence_for_people_is_written_in_rust() {
    let mut found = Vec::new();
    for file in rust_files() {
        let shown = file.strip_prefix(repo()).unwrap().display().to_string();
        if NOT_PROSE.iter().any(|p| shown.starts_with(p)) || PENDING.iter().any(|p| shown == *p) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, literal) in sentences(&text) {
            found.push(format!("{shown}:{n}: \"{literal}\""));
        }
    }
    assert!(
        found.is_empty(),
        "{} sentences written in Rust: move each to messages/fr.ftl and messages/en.ftl and name it with msg!(…):\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The `.rs` files of the engine and the CLI.
fn rust_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in SOURCES {
        collect(&repo().join(dir), &mut out);
    }
    out.sort();
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "tests.rs") {
            out.push(path);
        }
    }
}

/// The string literals of `text` that read as prose (three words of letters in a row), with their
/// line: in code, not in comments, not in tests, not in a developer's message (`expect`,
/// `panic!`, assertions, lint reasons), not in clap's attributes, nor on a line marked `// not prose`.
fn sentences(text: &str) -> Vec<(usize, String)> {
    let literal = Regex::new(r#""((?:[^"\\]|\\.)*)""#).unwrap();
    let prose = Regex::new(r"\p{L}{2,} \p{L}{2,} \p{L}{2,}").unwrap();
    let developer =
        Regex::new(r"\b(expect|panic!|unreachable!|assert!|assert_eq!|assert_ne!|debug_assert!|debug_assert_eq!)\s*\(").unwrap();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.trim_start();
        // The test module of the file (at the top level: a test block inside an `impl` is not
        // the end of the code).
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        let attribute = ["#[arg(", "#[command(", "#[allow(", "#[expect("].iter().any(|a| code.starts_with(a));
        if code.starts_with("//") || attribute || line.ends_with("// not prose") {
            continue;
        }
        if developer.is_match(line) {
            continue;
        }
        for c in literal.captures_iter(line) {
            if prose.is_match(&c[1]) {
                out.push((i + 1, c[1].to_string()));
            }
        }
    }
    out
}
