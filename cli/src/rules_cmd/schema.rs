//! `peps rules schema`: the JSON Schemas of every rule, norm and test-case file kind, generated
//! from the Rust types that mirror them, written to `schemas/` where each TOML file's first line
//! (`#:schema ../../schemas/<kind>.schema.json`) points editors to them. `--check` only compares,
//! so that a test (and CI) fails when a type changes and the schemas were not regenerated.

use std::path::{Path, PathBuf};

use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::schema::{FileKind, root_schema};

use crate::exit::EXIT_IO;
use crate::language::Say;
use crate::say;
use crate::test_cmd::{TestCase, TestDefaults};
use crate::workspace::default_dir;

#[derive(clap::Args, Debug)]
pub struct SchemaArgs {
    /// The folder to write the schemas to (default: the repository's `schemas/`)
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    out: Option<PathBuf>,
    /// Write nothing: exit 1 if a schema of the folder is missing, out of date or unknown
    #[arg(long)]
    check: bool,
}

/// Every schema, by file stem: the rule and norm file kinds, then the test files.
pub fn schemas() -> Vec<(String, String)> {
    let mut out: Vec<(String, serde_json::Value)> = FileKind::ALL.iter().map(|k| (k.name().to_string(), k.schema())).collect();
    // Titles of the schemas, read by editors: in English like the rest of the schemas.
    out.push(("test-case".into(), root_schema::<TestCase>("peps test case"))); // not prose
    out.push(("test-defaults".into(), root_schema::<TestDefaults>("peps test defaults"))); // not prose
    out.into_iter()
        .map(|(name, schema)| {
            let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            text.push('\n');
            (format!("{name}.schema.json"), text)
        })
        .collect()
}

pub fn run(args: &SchemaArgs) -> u8 {
    let dir = args.out.clone().unwrap_or_else(|| default_dir("schemas"));
    let expected = schemas();
    if args.check {
        return check(&dir, &expected);
    }
    if let Err(e) = std::fs::create_dir_all(&dir) {
        say::error(msg!("cli-schema-cannot-create", dir = dir.display().to_string(), reason = e.to_string()));
        return EXIT_IO;
    }
    let mut written = 0;
    for (name, text) in &expected {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).is_ok_and(|t| &t == text) {
            continue;
        }
        if let Err(e) = std::fs::write(&path, text) {
            say::error(msg!("cli-output-io", path = path.display().to_string(), reason = e.to_string()));
            return EXIT_IO;
        }
        crate::say::emit(&format!("{}\n", msg!("cli-schema-wrote", path = path.display().to_string()).say()));
        written += 1;
    }
    let summary = Message::id("cli-schema-written")
        .with("count", expected.len())
        .with("dir", dir.display().to_string())
        .with("written", written)
        .with("current", expected.len() - written);
    crate::say::emit(&format!("{summary}\n", summary = summary.say()));
    crate::exit::EXIT_OK
}

/// Compares the folder with what this version generates.
fn check(dir: &Path, expected: &[(String, String)]) -> u8 {
    let mut stale = Vec::new();
    for (name, text) in expected {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(t) if &t == text => {}
            Ok(_) => stale.push(msg!("cli-schema-stale", path = dir.join(name).display().to_string())),
            Err(_) => stale.push(msg!("cli-schema-missing", path = dir.join(name).display().to_string())),
        }
    }
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".schema.json") && !expected.iter().any(|(n, _)| *n == name) {
            stale.push(msg!("cli-schema-unknown", path = entry.path().display().to_string()));
        }
    }
    if stale.is_empty() {
        crate::say::emit(&format!("{}\n", msg!("cli-schema-up-to-date", count = expected.len(), dir = dir.display().to_string()).say()));
        return crate::exit::EXIT_OK;
    }
    for s in stale {
        say::error(s);
    }
    eprintln!("  {}", msg!("cli-schema-help").say());
    crate::exit::EXIT_FINDINGS
}
