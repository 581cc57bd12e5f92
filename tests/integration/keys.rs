//! Keys of the norms: a patient listed twice, a professional entered twice on one date. Two rows
//! with the same key are refused by `peps validate` and by `peps compute` with one code (V434),
//! naming both lines, whether the rows are identical or not; a rulebook that leaves rejected rows
//! out leaves the second one out and counts it. The key is the norm's (`key`), read from the
//! norm files, so these tests follow an edit of the shipped norms.

use std::path::Path;

use crate::util::{Sandbox, compute_json, output, repo};

/// The key a shipped norm declares.
fn key_of(norm: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join(format!("norms/{norm}/v1.toml"))).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    doc["key"].as_array().unwrap_or_else(|| panic!("norm {norm} declares a key")).iter().map(|k| k.as_str().unwrap().to_string()).collect()
}

/// Appends to `file` a copy of its first `n` rows, each with one value differing (in a column
/// out of the key), keeping the key; returns the number of rows the file had.
fn duplicate_rows(file: &Path, n: usize, key: &[String]) -> usize {
    let text = std::fs::read_to_string(file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let header: Vec<&str> = lines[0].split(';').collect();
    let other = header.iter().position(|h| *h == "SITE").expect("a SITE column");
    assert!(!key.iter().any(|k| k == "SITE"), "SITE is out of the key");
    let mut out = text.clone();
    for line in &lines[1..=n] {
        let mut cells: Vec<String> = line.split(';').map(String::from).collect();
        cells[other] = if cells[other] == "SITE_Z" { "SITE_Y".into() } else { "SITE_Z".into() };
        out.push_str(&cells.join(";"));
        out.push('\n');
    }
    std::fs::write(file, out).unwrap();
    lines.len() - 1
}

fn compute(sandbox: &Sandbox, case: &str, json: bool) -> crate::util::Run {
    let mut args = vec!["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", case];
    if json {
        args.extend(["--format", "json"]);
    }
    sandbox.peps(&args)
}

fn validate(sandbox: &Sandbox, file: &str, norm: &str) -> serde_json::Value {
    let run =
        sandbox.peps(&["validate", "--year", "2025", "--rules", "rules", "--norms", "norms", "--norm", norm, "--format", "json", file]);
    assert_eq!(run.code, 1, "validate refuses the file: {}{}", run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// The (row, message) of each problem of `code` in a validate report.
fn problems(report: &serde_json::Value, code: &str) -> Vec<(u64, String)> {
    report["files"][0]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["code"] == code)
        .map(|p| (p["row"].as_u64().unwrap(), p["message"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn a_patient_listed_twice_is_refused_by_validate_and_compute_naming_both_lines() {
    let sandbox = Sandbox::new();
    let case = "examples/malakoff";
    let key = key_of("patients");
    assert_eq!(key, ["NIR_PATIENT"], "the patient list is keyed by the NIR");
    let rows = duplicate_rows(&sandbox.path().join(case).join("patients.csv"), 200, &key);

    let report = validate(&sandbox, &format!("{case}/patients.csv"), "patients");
    let found = problems(&report, "V434");
    assert_eq!(found.len(), 200, "every duplicate, none else");
    for (k, (row, message)) in found.iter().enumerate() {
        assert_eq!(*row, (rows + 2 + k) as u64);
        assert!(message.ends_with(&format!("as row {}", k + 2)), "both lines: {row} and {message}");
    }
    assert_eq!(report["files"][0]["rejected"], 200);

    let run = compute(&sandbox, case, false);
    assert_eq!(run.code, 1, "compute refuses the case: {}", run.stdout);
    let at = format!(
        "error[V434 duplicate-key]: NIR_PATIENT = [masked: 15 characters]: the same key (NIR_PATIENT) as row 2\n = note: at {case}/patients.csv:{}:NIR_PATIENT",
        rows + 2
    );
    assert!(run.stderr.contains(&at), "{at}\n{}", run.stderr);
    assert!(run.stderr.contains("195 more duplicate-key problems"), "{}", run.stderr);
    // The acts, which have no key, keep their identical rows as a warning.
    assert!(run.stderr.contains("warning[V426 duplicate-row]"), "{}", run.stderr);
    assert!(!run.stderr.contains("error[V426"), "{}", run.stderr);
}

#[test]
fn identical_rows_with_one_key_are_refused_with_the_same_code() {
    let sandbox = Sandbox::new();
    let case = "examples/msp";
    let file = sandbox.path().join(case).join("patients.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    let second = text.lines().nth(1).unwrap().to_string();
    std::fs::write(&file, format!("{text}{second}\n")).unwrap();
    let rows = text.lines().count() - 1;
    let report = validate(&sandbox, &format!("{case}/patients.csv"), "patients");
    assert_eq!(problems(&report, "V434"), [((rows + 2) as u64, "the same key (NIR_PATIENT) as row 2".to_string())]);
    assert!(problems(&report, "V426").is_empty(), "one problem, one code");
    let run = compute(&sandbox, case, false);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("error[V434 duplicate-key]"), "{}", run.stderr);
    assert!(run.stderr.contains("the two rows are identical"), "{}", run.stderr);
}

#[test]
fn rows_left_out_for_their_key_are_the_duplicates_counted_and_the_figure_is_unchanged() {
    let sandbox = Sandbox::new();
    let case = "examples/malakoff";
    let before = compute_json(&compute(&sandbox, case, true));
    duplicate_rows(&sandbox.path().join(case).join("patients.csv"), 200, &key_of("patients"));
    let entrees = std::fs::read_to_string(sandbox.path().join("rules/2025/entrees.toml")).unwrap();
    let line = entrees.lines().find(|l| l.starts_with("patients = { type = \"dataset\"")).expect("the patients input").to_string();
    sandbox.edit(
        "rules/2025/entrees.toml",
        &line,
        &line.replacen("type = \"dataset\",", "type = \"dataset\", rejected_rows = \"leave_out\",", 1),
    );
    let run = compute(&sandbox, case, true);
    let after = compute_json(&run);
    let left = &after["rows_left_out"][0];
    assert_eq!(left["dataset"], "patients");
    assert_eq!(left["rows"], 200, "{left}");
    assert_eq!(left["by_code"][0]["code"], "V434", "{left}");
    assert!(run.stderr.contains("warning[V434 duplicate-key]: 200 rows of `patients` left out of the case"), "{}", run.stderr);
    let total = before["total_name"].as_str().unwrap();
    assert_eq!(output(&after, total), output(&before, total), "the first row of each key is kept, the duplicates are not paid");
}

#[test]
fn a_professional_entered_twice_on_one_date_is_refused_and_a_new_entry_is_not() {
    let sandbox = Sandbox::new();
    let case = "examples/malakoff";
    let key = key_of("annexe2");
    assert_eq!(key, ["RPPS", "DATE_ENTREE"], "annexe 2 is keyed by the professional and the entry date");
    let file = sandbox.path().join(case).join("annexe2.csv");
    let original = std::fs::read_to_string(&file).unwrap();
    let rows = duplicate_rows(&file, 1, &key);
    let report = validate(&sandbox, &format!("{case}/annexe2.csv"), "annexe2");
    assert_eq!(problems(&report, "V434"), [((rows + 2) as u64, "the same key (RPPS and DATE_ENTREE) as row 2".to_string())]);
    let run = compute(&sandbox, case, false);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains(&format!("{case}/annexe2.csv:{}:RPPS", rows + 2)), "{}", run.stderr);
    assert!(run.stderr.contains("error[V434 duplicate-key]"), "{}", run.stderr);

    // The same professional entering again on another date is another row of annexe 2.
    let header: Vec<&str> = original.lines().next().unwrap().split(';').collect();
    let entry = header.iter().position(|h| *h == "DATE_ENTREE").unwrap();
    let mut cells: Vec<String> = original.lines().nth(1).unwrap().split(';').map(String::from).collect();
    cells[entry] = if cells[entry] == "01/01/2000" { "02/01/2000".into() } else { "01/01/2000".into() };
    std::fs::write(&file, format!("{original}{}\n", cells.join(";"))).unwrap();
    let run = sandbox.peps(&["validate", "--year", "2025", "--norm", "annexe2", "--format", "json", &format!("{case}/annexe2.csv")]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(problems(&report, "V434").is_empty(), "{}", run.stdout);
}

#[test]
fn a_key_naming_a_field_the_norm_lacks_is_an_error_of_the_norm() {
    let sandbox = Sandbox::new();
    sandbox.edit("norms/patients/v1.toml", "key = [\"NIR_PATIENT\"]", "key = [\"NIR\"]");
    let run = sandbox.peps(&["rules", "check", "--rules", "rules", "--norms", "norms", "2025"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(all.contains("R122"), "{all}");
    assert!(all.contains("the key names field `NIR`, which this norm does not have"), "{all}");
}

/// Another scheme's norms declare their keys the same way: a patient twice in the capitation
/// list, a professional twice on one entry date, are refused; its acts keep identical rows.
#[test]
fn the_second_schemes_keyed_files_are_refused_with_the_same_code() {
    let sandbox = Sandbox::new();
    let case = "examples/capitation/centre";
    let year = std::fs::read_dir(sandbox.path().join("rules/capitation"))
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse::<i32>().ok()))
        .max()
        .expect("a year of the scheme")
        .to_string();
    for file in ["patients.csv", "professionnels.csv"] {
        let path = sandbox.path().join(case).join(file);
        let original = std::fs::read_to_string(&path).unwrap();
        let first = original.lines().nth(1).unwrap().to_string();
        std::fs::write(&path, format!("{original}{first}\n")).unwrap();
        let run = sandbox.peps(&["compute", "--year", &year, "--scheme", "capitation", case]);
        assert_eq!(run.code, 1, "{file}: {}", run.stdout);
        let at = format!("as row 2\n = note: at {case}/{file}:{}:", original.lines().count() + 1);
        assert!(run.stderr.contains("error[V434 duplicate-key]") && run.stderr.contains(&at), "{file}: {at}\n{}", run.stderr);
        std::fs::write(&path, original).unwrap();
    }
}
