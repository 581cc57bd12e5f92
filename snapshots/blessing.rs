//! The blessed results and how they are blessed: every example case under every year (one
//! snapshot per case, `years_<case>.snap`, as `peps rules matrix` prints it), and
//! `peps rules regress`, which compares the rules with those snapshots and rewrites them with
//! `--accept` — here always on copies, never on the live files.
//!
//! This test target lives beside the snapshots so that `cargo insta` finds them: it looks for
//! pending snapshots under each test target's folder.

#[allow(dead_code)]
#[path = "../tests/integration/util.rs"]
mod util;

use std::path::Path;

use rust_decimal::Decimal;
use util::{Sandbox, copy_dir, peps, repo};

/// The example cases (folders of `examples/` holding a `team.toml`).
fn cases() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(repo().join("examples"))
        .expect("examples folder")
        .flatten()
        .filter(|e| e.path().join("team.toml").is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    out.sort();
    out
}

#[test]
fn every_example_case_under_every_year() {
    let cases = cases();
    assert!(cases.len() >= 3, "the examples: {cases:?}");
    for case in cases {
        let run = peps(&["rules", "matrix", &format!("examples/{case}")]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let matrix = run.stdout;
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(".");
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!(format!("years_{case}"), matrix));
    }
}

/// The summary of `peps rules check` over every shipped year (`rules_check.snap`, which
/// `peps rules regress --accept` rewrites with the matrices: a new year adds its lines).
#[test]
fn rules_check_of_every_shipped_year() {
    for (scheme, folder) in [(None, "."), (Some("capitation"), "capitation")] {
        let mut args = vec!["rules", "check"];
        args.extend(scheme.iter().flat_map(|s| ["--scheme", s]));
        let run = peps(&args);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let checked = run.stdout;
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(folder);
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!("rules_check", checked));
    }
}

/// The example cases of a scheme shipped beside the default one (`examples/<scheme>/`), by name.
fn scheme_cases(scheme: &str, case_file: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(repo().join("examples").join(scheme))
        .expect("the scheme's examples")
        .flatten()
        .filter(|e| e.path().join(case_file).is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    out.sort();
    out
}

/// The second scheme's examples under every year of its rules, blessed in
/// `snapshots/capitation/years_<case>.snap` (the files `peps rules regress --scheme capitation`
/// reads and rewrites).
#[test]
fn every_capitation_example_under_every_year() {
    let cases = scheme_cases("capitation", "equipe.toml");
    assert!(cases.len() >= 2, "the capitation examples: {cases:?}");
    for case in cases {
        let run = peps(&["rules", "matrix", "--scheme", "capitation", &format!("examples/capitation/{case}")]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let matrix = run.stdout;
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("capitation");
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!(format!("years_{case}"), matrix));
    }
}

#[test]
fn a_scheme_s_regress_reads_its_own_examples_and_snapshots() {
    let sandbox = Sandbox::new();
    let blessed = sandbox.path().join("snapshots/capitation");
    std::fs::create_dir_all(&blessed).unwrap();
    for case in scheme_cases("capitation", "equipe.toml") {
        let name = format!("years_{case}.snap");
        std::fs::copy(repo().join("snapshots/capitation").join(&name), blessed.join(&name)).unwrap();
    }
    std::fs::copy(repo().join("snapshots/capitation/rules_check.snap"), blessed.join("rules_check.snap")).unwrap();
    // The blessed files are those the suite's assertion reads: regress finds nothing to report.
    let regress = |sandbox: &Sandbox| {
        let run = sandbox.peps(&["rules", "regress", "--scheme", "capitation", "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
        (run.code, json)
    };
    let (code, json) = regress(&sandbox);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["unchanged"], serde_json::json!(["examples/capitation/centre", "examples/capitation/sans_infirmier"]));
    // An edit of the scheme's rules shows there: the eligible team's forfait moves.
    let params = sandbox.path().join("rules/capitation/2026/parametres.toml");
    util::edit_toml(&params, |doc| doc["forfait_base"]["value"] = toml_edit::value("91.00"));
    let (code, json) = regress(&sandbox);
    assert_eq!(code, 1, "{json}");
    let changed: Vec<(&str, &str)> =
        json["changes"].as_array().unwrap().iter().map(|c| (c["case"].as_str().unwrap(), c["output"].as_str().unwrap())).collect();
    assert!(changed.contains(&("examples/capitation/centre", "forfait_capitation")), "{changed:?}");
    assert!(changed.iter().all(|(case, _)| *case == "examples/capitation/centre"), "{changed:?}");
}

/// A copy of the rules, norms and examples with the blessed matrices.
fn sandbox_with_snapshots() -> Sandbox {
    let sandbox = Sandbox::new();
    let snapshots = sandbox.path().join("snapshots");
    std::fs::create_dir_all(&snapshots).unwrap();
    for case in cases() {
        let name = format!("years_{case}.snap");
        std::fs::copy(repo().join("snapshots").join(&name), snapshots.join(&name)).unwrap();
    }
    std::fs::copy(repo().join("snapshots/rules_check.snap"), snapshots.join("rules_check.snap")).unwrap();
    sandbox
}

/// Raises by one euro every tariff of code `code` in a year's list of prestations, whatever
/// they are (one value or dated values).
fn raise_tariff(dir: &Path, year: &str, code: &str) {
    let path = dir.join("rules").join(year).join("prestations.toml");
    util::edit_toml(&path, |doc| {
        let item = util::list_item(doc, "prestations", code);
        let raise = |v: &mut toml_edit::Value| {
            let raised = util::decimal_of(&toml_edit::Item::Value(v.clone())) + Decimal::ONE;
            *v = raised.to_string().into();
        };
        match &mut item["tarif"] {
            toml_edit::Item::Value(toml_edit::Value::Array(dated)) => {
                for entry in dated.iter_mut() {
                    let table = entry.as_inline_table_mut().expect("a dated value");
                    raise(table.get_mut("value").expect("its value"));
                }
            }
            toml_edit::Item::Value(v) => raise(v),
            other => panic!("tariff of {code}: {other}"),
        }
    });
}

fn regress(sandbox: &Sandbox, extra: &[&str]) -> util::Run {
    let mut args = vec!["rules", "regress", "--rules", "rules", "--norms", "norms", "--examples", "examples", "--snapshots", "snapshots"];
    args.extend(extra);
    sandbox.peps(&args)
}

#[test]
fn a_rule_edit_shows_in_regress_and_accepting_it_updates_the_snapshots() {
    let sandbox = sandbox_with_snapshots();
    // Blessed first, so that the test does not depend on the live snapshots being current.
    let blessed = regress(&sandbox, &["--accept"]);
    assert_eq!(blessed.code, 0, "{}{}", blessed.stdout, blessed.stderr);
    let run = regress(&sandbox, &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("every example gives the blessed results"), "{}", run.stdout);
    raise_tariff(sandbox.path(), "2025", "G");
    let run = regress(&sandbox, &[]);
    assert_eq!(run.code, 1, "a changed result is a finding: {}{}", run.stdout, run.stderr);
    // The G tariff values every G act: the fee-for-service equivalent of 2025 moves, and only
    // the 2025 column (the other years have their own lists).
    let lines: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("examples/")).collect();
    assert!(lines.iter().any(|l| l.contains(" 2025 ") && l.contains("equivalent_acte")), "{}", run.stdout);
    assert!(lines.iter().all(|l| l.contains(" 2025 ")), "only 2025 changes: {}", run.stdout);
    let before = std::fs::read_to_string(sandbox.path().join("snapshots/years_msp.snap")).unwrap();
    let accepted = regress(&sandbox, &["--accept"]);
    assert_eq!(accepted.code, 0, "{}{}", accepted.stdout, accepted.stderr);
    let after = std::fs::read_to_string(sandbox.path().join("snapshots/years_msp.snap")).unwrap();
    assert_ne!(before, after, "the snapshot holds the new results");
    // The accepted file is what the suite's assertion reads: the same header and the matrix.
    let matrix = sandbox.peps(&["rules", "matrix", "--rules", "rules", "--norms", "norms", "examples/msp"]);
    assert!(after.starts_with("---\nsource: cli/../snapshots/blessing.rs\nexpression: matrix\n---\n"), "{after}");
    assert!(after.ends_with(&matrix.stdout), "the snapshot is the matrix");
    let again = regress(&sandbox, &[]);
    assert_eq!(again.code, 0, "after blessing, nothing is left to report: {}", again.stdout);
}

#[test]
fn a_new_example_has_no_blessed_matrix_yet() {
    let sandbox = sandbox_with_snapshots();
    assert_eq!(regress(&sandbox, &["--accept"]).code, 0);
    copy_dir(&sandbox.path().join("examples/msp"), &sandbox.path().join("examples/msp_bis"));
    let run = regress(&sandbox, &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("examples/msp_bis: no blessed matrix yet"), "{}", run.stdout);
    assert_eq!(regress(&sandbox, &["--accept"]).code, 0);
    assert!(sandbox.path().join("snapshots/years_msp_bis.snap").is_file());
}
