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

/// The engine returns messages and never renders them (issue 24, words at the edge): no message
/// of the engine is written out as text — `msg!(…).to_string()`, `msg!(…)` inside `format!` and
/// its kin, `.render(lang)` — and no language is held in a `static`: the CLI renders in the run's
/// language. `message.rs` renders, for whoever is given a language.
#[test]
fn the_engine_returns_messages_and_holds_no_language() {
    let mut found = Vec::new();
    let mut engine = Vec::new();
    collect(&repo().join("engine/src"), &mut engine);
    engine.sort();
    for file in engine {
        let shown = file.strip_prefix(repo()).unwrap().display().to_string();
        if shown == "engine/src/message.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // The fuzz targets check what people would read of a message, in each language.
        let renders = shown == "engine/src/fuzz.rs";
        for (line, what) in renderings(&text).into_iter().filter(|(_, what)| !(renders && what.contains("language"))) {
            found.push(format!("{shown}:{line}: {what}"));
        }
    }
    let message = std::fs::read_to_string(repo().join("engine/src/message.rs")).unwrap();
    for (line, what) in language_state(&message) {
        found.push(format!("engine/src/message.rs:{line}: {what}"));
    }
    assert!(
        found.is_empty(),
        "the engine renders messages or holds a language (return the Message; the CLI renders it):\n{}",
        found.join("\n")
    );
}

/// The check finds each way of rendering a message in the engine, and a language held in a
/// `static`, on planted code; the ways that keep a message pass.
#[test]
fn the_check_of_rendered_messages_finds_planted_ones() {
    let planted = [
        "let s = msg!(\"rules-built-in\").to_string();",
        "let s = msg!(\"rules-key-of\", key = k, what = w)\n    .to_string();",
        "let s = format!(\"{} ({})\", name, msg!(\"data-rule-period-end\"));",
        "write!(f, \"{}\", msg!(\"eval-no-class\"))",
        "let s = m.render(Lang::Fr);",
    ];
    for code in planted {
        assert_eq!(renderings(code).len(), 1, "not found: {code}");
    }
    let kept = [
        "let m = msg!(\"rules-key-of\", key = k, what = format!(\"`{k}`\"));",
        "let v = value.render();",
        "let m = msg!(\"data-diff-dated-from\", from = d.from.to_string(), value = v);",
    ];
    for code in kept {
        assert!(renderings(code).is_empty(), "found where a message is kept: {code}");
    }
    assert_eq!(language_state("static LANG: AtomicU8 = AtomicU8::new(0);").len(), 1);
    assert_eq!(language_state("pub fn set_language(lang: Lang) {}").len(), 1);
    assert_eq!(language_state("thread_local! {\n    static FORMS: RefCell<Vec<(Lang, String)>> = RefCell::new(Vec::new());\n}").len(), 1);
    assert!(language_state("static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();").is_empty());
}

/// Where `text` (its code before its top-level test module) renders a message: a `msg!(…)`
/// followed by `.to_string()`, a `msg!(…)` inside a formatting macro, a `.render(` with a
/// language.
fn renderings(text: &str) -> Vec<(usize, String)> {
    let code = text.split("\n#[cfg(test)]").next().unwrap_or(text);
    let mut out = Vec::new();
    for (at, end) in calls(code, "msg!(") {
        if code[end..].trim_start().starts_with(".to_string()") {
            out.push((line_of(code, at), "msg!(…).to_string()".to_string()));
        }
    }
    for name in ["format!(", "write!(", "writeln!(", "print!(", "println!(", "eprint!(", "eprintln!("] {
        for (at, end) in calls(code, name) {
            // A message inside the macro's own arguments, not inside a message of them.
            let inner: Vec<_> = calls(&code[at..end], "msg!(");
            if !inner.is_empty() {
                out.push((line_of(code, at), format!("msg!(…) inside {name}…)")));
            }
        }
    }
    let render = Regex::new(r"\.render\(\s*[A-Za-z_]").unwrap();
    for m in render.find_iter(code) {
        out.push((line_of(code, m.start()), "a message rendered in a language".to_string()));
    }
    out
}

/// A language held in a `static` (or a thread-local) of `text`, or a function that sets one.
fn language_state(text: &str) -> Vec<(usize, String)> {
    let code = text.split("\n#[cfg(test)]").next().unwrap_or(text);
    let held = Regex::new(r"(?m)^\s*(?:pub(?:\([a-z]+\))?\s+)?static\s+(\w+)\s*:([^=]*)").unwrap();
    let lang = Regex::new(r"\bLang\b").unwrap();
    let mut out = Vec::new();
    for c in held.captures_iter(code) {
        if c[1].to_ascii_lowercase().contains("lang") || lang.is_match(&c[2]) {
            out.push((line_of(code, c.get(0).unwrap().start()), format!("a language held in `static {}`", &c[1])));
        }
    }
    let setter = Regex::new(r"fn\s+set_lang\w*\s*\(").unwrap();
    for m in setter.find_iter(code) {
        out.push((line_of(code, m.start()), "a function that sets the language".to_string()));
    }
    out
}

/// The calls of the macro `open` (`msg!(`) in `code`, outermost first, each as the byte range from
/// its name to just after its closing parenthesis; string literals are skipped.
fn calls(code: &str, open: &str) -> Vec<(usize, usize)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = code[from..].find(open) {
        let at = from + found;
        // `format!(` inside `eformat!(` or a longer name is another macro.
        let glued = at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let (mut depth, mut i) = (1, at + open.len());
        while i < bytes.len() && depth > 0 {
            match bytes[i] {
                b'"' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'(' => depth += 1,
                b')' => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        if !glued {
            out.push((at, i));
        }
        from = if glued { at + open.len() } else { i };
    }
    out
}

fn line_of(code: &str, at: usize) -> usize {
    code[..at].matches('\n').count() + 1
}
