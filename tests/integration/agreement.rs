//! One meaning per norm: a file that `peps validate` checks is read by `peps compute` the same
//! way. Every file of the validation corpus (tests/data/validate) and every example file goes
//! through both commands; for each, compute must refuse the case exactly when validate finds an
//! error, list the same problems (code, row and field) as far as it lists them, count as many
//! per code, and, when the rulebook leaves rejected rows out, leave out exactly the rows validate
//! rejects, per code.
//!
//! The one difference on purpose: a case folder names its files as it likes, so a name that
//! follows no pattern of the norm (V400) is no problem for compute.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::util::{Sandbox, peps, repo};

/// A problem as (row, field, code).
type Key = (u64, String, String);

/// What `validate` says of a file: every error (row, field, code), every row it rejects with
/// the codes of its errors, and the errors of the file as a whole.
struct Verdict {
    errors: BTreeSet<Key>,
    rows_by_code: BTreeMap<String, u64>,
    rejected: u64,
    file_errors: BTreeSet<String>,
}

/// The norm, and the input of the 2025 rulebook that reads it (ACTNOU files get an input of
/// their own in the sandbox).
fn norm_of(file: &Path) -> (&'static str, &'static str) {
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    match name.as_str() {
        n if n.contains("ACTNOU") => ("actnou", "activite_hors_nomenclature"),
        n if n.contains("ACTNOM") => ("actnom", "actes"),
        "patients.csv" => ("patients", "patients"),
        "annexe2.csv" => ("annexe2", "professionnels"),
        "ik_2024.csv" => ("ik", "ik"),
        other => panic!("no norm for {other}"),
    }
}

fn validate(file: &Path, norm: &str) -> Verdict {
    let path = file.display().to_string();
    let run = peps(&["validate", "--norm", norm, "--year", "2025", "--format", "json", &path]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{path}: {e}\n{}{}", run.stdout, run.stderr));
    let report = &json["files"][0];
    let mut verdict = Verdict { errors: BTreeSet::new(), rows_by_code: BTreeMap::new(), rejected: 0, file_errors: BTreeSet::new() };
    let mut by_row: BTreeMap<u64, BTreeSet<String>> = BTreeMap::new();
    for p in report["problems"].as_array().unwrap_or_else(|| panic!("{path}: {}", run.stdout)) {
        let code = p["code"].as_str().unwrap().to_string();
        if p["severity"] != "error" || (code == "V400" && p["row"].is_null()) {
            continue;
        }
        let row = p["row"].as_u64().unwrap_or(0);
        verdict.errors.insert((row, p["field"].as_str().unwrap_or("").to_string(), code.clone()));
        by_row.entry(row).or_default().insert(code);
    }
    verdict.rejected = report["rejected"].as_u64().unwrap();
    // Rows the file has (the header is line 1): a row's errors reject it; the others are the file's.
    let rejected_rows: BTreeSet<u64> = by_row.keys().copied().filter(|&r| r > 1).collect();
    let header_and_file: Vec<u64> = by_row.keys().copied().filter(|&r| r <= 1).collect();
    for r in header_and_file {
        verdict.file_errors.extend(by_row.remove(&r).unwrap_or_default());
    }
    // A row of a headerless file is line 1 too: it counts as a row when the file says so.
    if verdict.rejected as usize > rejected_rows.len() {
        verdict.file_errors.clear();
    }
    for codes in by_row.values() {
        for code in codes {
            *verdict.rows_by_code.entry(code.clone()).or_default() += 1;
        }
    }
    verdict
}

/// A copy of the msp example whose input `input` reads `file`, maybe leaving rejected rows out.
fn case_with(file: &Path, input: &str, leave_out: bool) -> (Sandbox, String) {
    let sandbox = Sandbox::new();
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    let dir = sandbox.path().join("case");
    crate::util::copy_dir(&sandbox.path().join("examples/msp"), &dir);
    for f in std::fs::read_dir(&dir).unwrap().flatten() {
        let n = f.file_name().to_string_lossy().to_string();
        if n.contains("ACTNOU") || (n.contains("ACTNOM") && name.contains("ACTNOM")) {
            std::fs::remove_file(f.path()).unwrap();
        }
    }
    let target = dir.join(&name);
    std::fs::copy(file, &target).unwrap();
    let team = dir.join("team.toml");
    let mut text = std::fs::read_to_string(&team).unwrap();
    if input == "activite_hors_nomenclature" {
        sandbox.edit("rules/2025/rulebook.toml", "ik = 1\n", "ik = 1\nactnou = 1\n");
        sandbox.edit(
            "rules/2025/entrees.toml",
            "ik = { type = \"dataset\"",
            "activite_hors_nomenclature = { type = \"dataset\", norm = \"actnou\", label = \"Activité hors nomenclature\" }\nik = { type = \"dataset\"",
        );
        text = text.replace("[fichiers]\n", &format!("[fichiers]\nactivite_hors_nomenclature = \"{name}\"\n"));
    } else {
        let line =
            text.lines().find(|l| l.starts_with(&format!("{input} = "))).unwrap_or_else(|| panic!("no {input} in team.toml")).to_string();
        text = text.replace(&line, &format!("{input} = \"{name}\""));
    }
    std::fs::write(&team, text).unwrap();
    if leave_out {
        let entrees = std::fs::read_to_string(sandbox.path().join("rules/2025/entrees.toml")).unwrap();
        let line = entrees.lines().find(|l| l.starts_with(&format!("{input} = {{ type = \"dataset\""))).unwrap().to_string();
        sandbox.edit(
            "rules/2025/entrees.toml",
            &line,
            &line.replacen("type = \"dataset\",", "type = \"dataset\", rejected_rows = \"leave_out\",", 1),
        );
    }
    (sandbox, name)
}

/// The diagnostics of `compute` that point into file `name`: (severity, code, row, field, text).
fn diagnostics_of(stderr: &str, name: &str) -> Vec<(String, String, u64, String, String)> {
    let mut out = Vec::new();
    let lines: Vec<&str> = stderr.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some((head, text)) = line.split_once("]: ") else { continue };
        let Some((severity, code)) = head.split_once('[') else { continue };
        if severity != "error" && severity != "warning" {
            continue;
        }
        let code = code.split(' ').next().unwrap().to_string();
        let Some(at) = lines.get(i + 1).and_then(|l| l.strip_prefix(" = note: at ")) else { continue };
        let Some(rest) = at.split(&format!("/{name}")).nth(1) else { continue };
        let mut parts = rest.trim_start_matches(':').split(':');
        let row = parts.next().and_then(|r| r.parse().ok()).unwrap_or(0);
        let field = parts.next().unwrap_or("").to_string();
        out.push((severity.to_string(), code, row, field, text.to_string()));
    }
    out
}

fn check_file(file: &Path) {
    let shown = file.display().to_string();
    let (norm, input) = norm_of(file);
    let verdict = validate(file, norm);

    // The rulebook refuses a case with a rejected row (the default).
    let (sandbox, name) = case_with(file, input, false);
    let run = sandbox.peps(&["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", "case"]);
    let diags = diagnostics_of(&run.stderr, &name);
    let errors: Vec<_> = diags.iter().filter(|d| d.0 == "error").collect();
    assert_eq!(run.code != 0, !verdict.errors.is_empty(), "{shown}: compute refuses iff validate finds an error\n{}", run.stderr);
    for (_, code, row, field, text) in &errors {
        if text.contains("more ") && text.contains("not shown") {
            continue;
        }
        assert!(
            verdict.errors.contains(&(*row, field.clone(), code.clone())),
            "{shown}: compute says {code} at {row}:{field}, validate does not"
        );
    }
    let codes: BTreeSet<&String> = errors.iter().map(|d| &d.1).collect();
    let want: BTreeSet<&String> = verdict.errors.iter().map(|k| &k.2).collect();
    assert_eq!(codes, want, "{shown}: the same codes\n{}", run.stderr);
    for code in &want {
        let n = verdict.errors.iter().filter(|k| &&k.2 == code).count();
        let listed = errors.iter().filter(|d| &&d.1 == code && !d.4.contains("not shown")).count();
        let more = errors.iter().find(|d| &&d.1 == code && d.4.contains("not shown"));
        match more {
            Some(d) => assert!(d.4.contains(&format!("({n} in all)")), "{shown}: {code} counted {n}: {}", d.4),
            None => assert_eq!(listed, n, "{shown}: every {code} listed"),
        }
    }

    // The rulebook leaves rejected rows out: the same rows, per code; a problem of the file
    // itself still refuses the case.
    if verdict.rejected == 0 && verdict.file_errors.is_empty() {
        return;
    }
    let (sandbox, name) = case_with(file, input, true);
    let run = sandbox.peps(&["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", "--format", "json", "case"]);
    if !verdict.file_errors.is_empty() {
        assert_ne!(run.code, 0, "{shown}: a problem of the file refuses the case\n{}", run.stderr);
        let diags = diagnostics_of(&run.stderr, &name);
        let codes: BTreeSet<String> = diags.iter().filter(|d| d.0 == "error").map(|d| d.1.clone()).collect();
        assert!(verdict.file_errors.is_subset(&codes), "{shown}: {:?} in {codes:?}", verdict.file_errors);
        return;
    }
    assert_eq!(run.code, 0, "{shown}: rows left out, the case computed\n{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let left = &json["rows_left_out"][0];
    assert_eq!(left["rows"].as_u64(), Some(verdict.rejected), "{shown}: {left}");
    let by_code: BTreeMap<String, u64> = left["by_code"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["code"].as_str().unwrap().to_string(), c["rows"].as_u64().unwrap()))
        .collect();
    assert_eq!(by_code, verdict.rows_by_code, "{shown}");
}

fn corpus_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for case in std::fs::read_dir(repo().join("tests/data/validate")).unwrap().flatten() {
        for f in std::fs::read_dir(case.path()).unwrap().flatten() {
            if f.file_name() != "args" {
                files.push(f.path());
            }
        }
    }
    files.sort();
    files
}

#[test]
fn validate_and_compute_agree_on_the_validation_corpus() {
    let files = corpus_files();
    assert!(files.len() >= 30);
    for file in files {
        check_file(&file);
    }
}

#[test]
fn validate_and_compute_agree_on_every_example_file() {
    for case in ["msp", "ineligible", "malakoff"] {
        for f in std::fs::read_dir(repo().join("examples").join(case)).unwrap().flatten() {
            if f.path().extension().is_some_and(|e| e == "csv") {
                check_file(&f.path());
            }
        }
    }
}
