//! The harness: run `peps`, copy the rules to a temporary folder and edit them, redact paths.

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").canonicalize().expect("repository root")
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the `peps` binary in `dir` with `args`, in English with plain numbers: most tests were
/// written against that output. Tests of the default (French) output use [`peps_default_in`].
pub fn peps_in(dir: &Path, args: &[&str]) -> Run {
    run_with(dir, args, &[("PEPS_LANG", "en"), ("PEPS_LOCALE", "plain")])
}

/// Runs the `peps` binary in `dir` with `args` as a user runs it: no language or number style
/// chosen (whatever the environment of the test says).
pub fn peps_default_in(dir: &Path, args: &[&str]) -> Run {
    run_with(dir, args, &[])
}

fn run_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_peps"));
    command.args(args).current_dir(dir).env("NO_COLOR", "1").env_remove("PEPS_LANG").env_remove("PEPS_LOCALE");
    command.envs(env.iter().copied());
    let out = command.output().expect("run peps");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `peps` at the repository root.
pub fn peps(args: &[&str]) -> Run {
    peps_in(&repo(), args)
}

/// A temporary copy of the repository's `rules/`, `norms/`, `examples/` and `schemas/`, to edit.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["rules", "norms", "examples", "schemas"] {
            copy_dir(&repo().join(name), &dir.path().join(name));
        }
        Sandbox { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Replaces `from` by `to` in `file` (relative to the sandbox); `from` must be there once.
    pub fn edit(&self, file: &str, from: &str, to: &str) -> &Self {
        let path = self.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        assert_eq!(text.matches(from).count(), 1, "`{from}` must appear exactly once in {file}");
        std::fs::write(&path, text.replace(from, to)).expect("write");
        self
    }

    /// Removes the rulebooks of the years after `year`: a test that creates the next year (as
    /// the update guide does) starts where the guide starts, whatever years the rules ship.
    pub fn without_years_after(&self, year: i32) -> &Self {
        for entry in std::fs::read_dir(self.path().join("rules")).expect("rules").flatten() {
            let later = entry.file_name().to_str().and_then(|n| n.parse::<i32>().ok()).is_some_and(|y| y > year);
            if later {
                std::fs::remove_dir_all(entry.path()).expect("remove a year");
            }
        }
        for folder in ["tests/cases", "tests/cases-capitation"] {
            let Ok(entries) = std::fs::read_dir(self.path().join(folder)) else { continue };
            for path in entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "toml")) {
                edit_toml(&path, |doc| without_case_years_after(doc, year));
            }
        }
        self
    }

    /// Sets `key = value` (a TOML value as written: `true`, `"0.20"`) in table `[table]` of
    /// `file`, whatever it was: a test states the value it needs without depending on the one
    /// shipped.
    pub fn set_key(&self, file: &str, table: &str, key: &str, value: &str) -> &Self {
        let value: toml_edit::Value = value.parse().unwrap_or_else(|e| panic!("`{value}` is not a TOML value: {e}"));
        edit_toml(&self.path().join(file), |doc| {
            let table = doc.get_mut(table).and_then(|t| t.as_table_like_mut()).unwrap_or_else(|| panic!("no [{table}] in {file}"));
            table.insert(key, toml_edit::value(value));
        });
        self
    }

    /// Appends `text` to `file`, created if absent.
    pub fn append(&self, file: &str, text: &str) -> &Self {
        let path = self.path().join(file);
        let mut body = std::fs::read_to_string(&path).unwrap_or_default();
        body.push_str(text);
        std::fs::write(&path, body).expect("write");
        self
    }

    pub fn peps(&self, args: &[&str]) -> Run {
        peps_in(self.path(), args)
    }

    /// Hides the sandbox's random path so snapshots are stable.
    pub fn redact(&self, text: &str) -> String {
        let p = self.path().display().to_string();
        let canon = self.path().canonicalize().map(|c| c.display().to_string()).unwrap_or_default();
        text.replace(&canon, "[SANDBOX]").replace(&p, "[SANDBOX]")
    }
}

/// The years that have a rulebook under `rules`, in order.
pub fn shipped_years(rules: &Path) -> Vec<i32> {
    let mut years: Vec<i32> = std::fs::read_dir(rules)
        .expect("rules folder")
        .flatten()
        .filter(|e| e.path().join("rulebook.toml").is_file())
        .filter_map(|e| e.file_name().to_str()?.parse().ok())
        .collect();
    years.sort_unstable();
    years
}

/// A declarative case as if the years after `year` had never shipped: those years leave its
/// `years` list and their `[expected_by_year.<year>]` tables go.
fn without_case_years_after(doc: &mut toml_edit::DocumentMut, year: i32) {
    let later = |y: i64| y > i64::from(year);
    if let Some(years) = doc.get_mut("years").and_then(|y| y.as_array_mut()) {
        years.retain(|y| !y.as_integer().is_some_and(later));
    }
    if let Some(by_year) = doc.get_mut("expected_by_year").and_then(|t| t.as_table_like_mut()) {
        let gone: Vec<String> = by_year.iter().map(|(k, _)| k.to_string()).filter(|k| k.parse().is_ok_and(later)).collect();
        for key in gone {
            by_year.remove(&key);
        }
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// The value of output `name` in a `compute --format json` report.
pub fn output(json: &serde_json::Value, name: &str) -> String {
    json["outputs"].as_array().expect("outputs").iter().find(|o| o["name"] == name).unwrap_or_else(|| panic!("no output `{name}`"))["value"]
        .as_str()
        .map_or_else(|| json_value(json, name), str::to_string)
}

fn json_value(json: &serde_json::Value, name: &str) -> String {
    json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == name).unwrap()["value"].to_string()
}

/// `peps compute --format json` on a case, parsed.
pub fn compute_json(run: &Run) -> serde_json::Value {
    assert!(run.code == 0, "peps failed ({}):\n{}{}", run.code, run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON report")
}

/// Settings for snapshots stored in the top-level `snapshots/` folder.
#[macro_export]
macro_rules! snap {
    ($name:expr, $value:expr) => {{
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../../snapshots");
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!($name, $value));
    }};
}

/// Edits a TOML file of a sandbox in place through `edit`, keeping its comments and layout:
/// tests change an item by name, whatever its current value, so that an edit of the shipped
/// rules never breaks them.
pub fn edit_toml(path: &Path, edit: impl FnOnce(&mut toml_edit::DocumentMut)) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut doc: toml_edit::DocumentMut = text.parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    edit(&mut doc);
    std::fs::write(path, doc.to_string()).expect("write");
}

/// The decimal held as a string by `item` (`"30.00"`).
pub fn decimal_of(item: &toml_edit::Item) -> rust_decimal::Decimal {
    item.as_str().unwrap_or_else(|| panic!("not a decimal string: {item}")).parse().expect("a decimal")
}

/// In a lists file, the item of `list` with code `code`.
pub fn list_item<'d>(doc: &'d mut toml_edit::DocumentMut, list: &str, code: &str) -> &'d mut toml_edit::Table {
    doc[list]["items"]
        .as_array_of_tables_mut()
        .unwrap_or_else(|| panic!("list {list}"))
        .iter_mut()
        .find(|t| t.get("code").and_then(|c| c.as_str()) == Some(code))
        .unwrap_or_else(|| panic!("code {code} in list {list}"))
}

/// An amount as French tables print it: `12 410,14 €`, narrow no-break spaces between thousands.
pub fn french_money(amount: rust_decimal::Decimal) -> String {
    let text = format!("{:.2}", amount.abs());
    let (units, cents) = text.split_once('.').unwrap();
    let mut grouped = String::new();
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    format!("{}{grouped},{cents} €", if amount.is_sign_negative() { "-" } else { "" })
}

/// Text as an HTML page writes it.
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// An HTML page's text with its entities read back.
pub fn html_unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}
