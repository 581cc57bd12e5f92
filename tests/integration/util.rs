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

/// Runs the `peps` binary in `dir` with `args`.
pub fn peps_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_peps")).args(args).current_dir(dir).env("NO_COLOR", "1").output().expect("run peps");
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

/// A temporary copy of the repository's `rules/` and `norms/` (and `examples/`), to edit.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["rules", "norms", "examples"] {
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

    /// Appends `text` to `file`.
    pub fn append(&self, file: &str, text: &str) -> &Self {
        let path = self.path().join(file);
        let mut body = std::fs::read_to_string(&path).expect("read");
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

/// An amount as the French reports write it: `570 737,14 €` (narrow no-break spaces).
pub fn french_amount(d: rust_decimal::Decimal) -> String {
    let text = format!("{:.2}", d.abs());
    let (int, cents) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    format!("{}{grouped},{cents} €", if d.is_sign_negative() && !d.is_zero() { "-" } else { "" })
}
