//! Many teams in one run: `peps synth --teams` writes a nation, `peps compute` over the folder
//! gives one row per team and the totals, the same whatever the number of threads.

use std::path::Path;

use rust_decimal::Decimal;
use serde_json::Value as Json;

use crate::util::{peps, peps_in};

fn synth_nation(dir: &Path, teams: &str, patients: &str) {
    let out = dir.display().to_string();
    let run = peps(&["synth", "--teams", teams, "--patients", patients, "--seed", "11", "-o", &out]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(&format!("{teams} teams, {patients} patients")), "{}", run.stdout);
}

fn compute_json(dir: &Path, threads: &str) -> Json {
    let out = dir.display().to_string();
    let run = peps(&["compute", "--year", "2025", "--format", "json", "--threads", threads, &out]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("json")
}

fn dec(v: &Json) -> Decimal {
    v.as_str().expect("decimals are strings").parse().expect("decimal")
}

#[test]
fn a_nation_gives_one_row_per_team_and_exact_totals_whatever_the_threads() {
    let tmp = tempfile::tempdir().unwrap();
    synth_nation(tmp.path(), "6", "4000");
    let one = compute_json(tmp.path(), "1");
    let two = compute_json(tmp.path(), "2");
    assert_eq!(one, two, "the result must not depend on the number of threads");

    let cases = one["cases"].as_array().unwrap();
    let names: Vec<&str> = cases.iter().map(|c| c["case"].as_str().unwrap()).collect();
    assert_eq!(names, ["equipe_00001", "equipe_00002", "equipe_00003", "equipe_00004", "equipe_00005", "equipe_00006"]);
    let sum: Decimal = cases.iter().map(|c| dec(&c["total"])).sum();
    assert_eq!(sum, dec(&one["totals"]["total"]));
    let patients = one["datasets"].as_array().unwrap().iter().position(|d| d == "patients").unwrap();
    let rows: u64 = cases.iter().map(|c| c["rows"][patients].as_u64().unwrap()).sum();
    assert_eq!(rows, 4000, "every patient of the nation is read once");
    for c in cases.iter().filter(|c| c["eligible"] == true) {
        let parts: Decimal = c["components"].as_array().unwrap().iter().map(dec).sum();
        assert_eq!(parts, dec(&c["total"]), "components add up to the total of {}", c["case"]);
    }
}

#[test]
fn each_row_of_a_nation_is_what_compute_gives_for_that_team_alone() {
    let tmp = tempfile::tempdir().unwrap();
    synth_nation(tmp.path(), "3", "2400");
    let all = compute_json(tmp.path(), "2");
    for c in all["cases"].as_array().unwrap() {
        let folder = tmp.path().join(c["case"].as_str().unwrap()).display().to_string();
        let alone = peps(&["compute", "--year", "2025", "--format", "json", &folder]);
        let alone: Json = serde_json::from_str(&alone.stdout).expect("json");
        assert_eq!(dec(&alone["total"]), dec(&c["total"]), "{}", c["case"]);
        assert_eq!(alone["eligible"], c["eligible"]);
    }
}

#[test]
fn a_broken_team_is_reported_and_the_others_still_computed() {
    let tmp = tempfile::tempdir().unwrap();
    synth_nation(tmp.path(), "3", "1500");
    std::fs::write(tmp.path().join("equipe_00002").join("patients.csv"), "not;a;patient;file\n").unwrap();
    let out = tmp.path().display().to_string();
    let run = peps(&["compute", "--year", "2025", "--format", "csv", &out]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("case;name;status;eligible;total;"), "{}", lines[0]);
    assert!(lines[2].starts_with("equipe_00002;equipe_00002;error;false;0;"), "{}", lines[2]);
    assert!(lines[1].contains(";ok;") && lines[3].contains(";ok;"), "{}", run.stdout);
    assert!(lines[4].starts_with("(total);3 cases;"), "{}", lines[4]);
    assert!(run.stderr.contains("equipe_00002"), "the diagnostic names the team's file: {}", run.stderr);
}

#[test]
fn the_nation_table_ends_with_the_totals_and_no_progress_bar_when_piped() {
    let tmp = tempfile::tempdir().unwrap();
    synth_nation(tmp.path(), "2", "1000");
    let run = peps_in(tmp.path(), &["compute", "--year", "2025", "--rules", &rules(), "--norms", &norms(), "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("2 cases: "), "{}", run.stdout);
    assert!(run.stdout.contains("TOTAL"), "{}", run.stdout);
    // No progress bar when stderr is not a terminal; the data warnings of the teams are summed up
    // per code, one line each.
    assert!(!run.stderr.contains("eta") && !run.stderr.contains('\r'), "no progress bar when it is not a terminal: {}", run.stderr);
    assert!(run.stderr.starts_with("warnings in 2 of 2 cases"), "{}", run.stderr);
    assert!(run.stderr.contains("\n  V431 value-outside-list: 2 cases — "), "{}", run.stderr);
    assert!(!run.stderr.contains("warning["), "warnings are not listed one by one: {}", run.stderr);
}

#[test]
fn synth_refuses_a_nation_too_small_for_its_teams() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("n").display().to_string();
    let run = peps(&["synth", "--teams", "10", "--patients", "100", "-o", &out]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot fill 10 teams"), "{}", run.stderr);
}

fn rules() -> String {
    crate::util::repo().join("rules").display().to_string()
}

fn norms() -> String {
    crate::util::repo().join("norms").display().to_string()
}

#[test]
fn a_run_over_cases_can_give_any_output_of_each_case() {
    let run = crate::util::peps(&["compute", "--year", "2025", "--format", "json", "--outputs", "patientele_peps,eligibilite", "examples"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: Json = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["outputs"], serde_json::json!(["patientele_peps", "eligibilite"]));
    for case in json["cases"].as_array().unwrap() {
        let folder = case["case"].as_str().unwrap();
        // Each value is what `compute` gives for that case alone.
        let alone = crate::util::compute_json(&crate::util::peps(&[
            "compute",
            "--year",
            "2025",
            "--format",
            "json",
            &format!("examples/{folder}"),
        ]));
        let output = |name: &str| alone["outputs"].as_array().unwrap().iter().find(|o| o["name"] == name).map(|o| o["value"].clone());
        assert_eq!(Some(case["outputs"][0].clone()).filter(|v| !v.is_null()), output("patientele_peps"), "{folder}");
        assert_eq!(Some(case["outputs"][1].clone()), output("eligibilite"), "{folder}");
    }
    let all = crate::util::peps(&["compute", "--year", "2025", "--format", "csv", "--outputs", "all", "examples"]);
    let header: Vec<String> = all.stdout.lines().next().unwrap().split(';').map(str::to_string).collect();
    let one = crate::util::compute_json(&crate::util::peps(&["compute", "--year", "2025", "--format", "json", "examples/msp"]));
    for o in one["outputs"].as_array().unwrap() {
        assert!(header.iter().any(|h| *h == o["name"]), "every output has its column: {} in {header:?}", o["name"]);
    }
    let unknown = crate::util::peps(&["compute", "--year", "2025", "--outputs", "patientele_pep", "examples"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("did you mean `patientele_peps`?"), "{}", unknown.stderr);
}
