//! `peps compute` on the shipped examples: the numbers, the formats, the exit codes.

use rust_decimal::Decimal;

use crate::snap;
use crate::util::{Sandbox, compute_json, output, peps};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("not a decimal: {s}"))
}

#[test]
fn malakoff_like_lands_within_five_percent_of_the_convention_estimate() {
    let json = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/malakoff"]));
    let total = dec(json["total"].as_str().unwrap());
    let estimate = dec("558327");
    let gap = (total - estimate).abs() / estimate;
    assert!(gap <= dec("0.05"), "total {total} is {gap} away from {estimate}");
    assert_eq!(json["eligible"], true);
}

#[test]
fn components_add_up_to_the_total_to_the_cent() {
    for case in ["examples/malakoff", "examples/msp"] {
        let json = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", case]));
        let components: Decimal = json["components"].as_array().unwrap().iter().map(|c| dec(&output(&json, c.as_str().unwrap()))).sum();
        assert_eq!(components, dec(json["total"].as_str().unwrap()), "{case}");
        assert_eq!(json["total"].as_str().unwrap().split('.').nth(1).map(str::len), Some(2), "{case}: the total is in cents");
    }
}

#[test]
fn the_json_report_has_the_promised_fields() {
    let json = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/malakoff"]));
    assert!(json["total"].is_string());
    for o in json["outputs"].as_array().unwrap() {
        for field in ["name", "label", "value", "unit"] {
            assert!(!o[field].is_null(), "output without `{field}`: {o}");
        }
    }
    assert_eq!(json["manifest"]["year"], 2025);
    assert_eq!(json["manifest"]["rulebook_sha256"].as_str().unwrap().len(), 64);
    let inputs: Vec<&str> = json["manifest"]["inputs"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(inputs, ["team.toml", "patients.csv", "annexe2.csv", "A51_PEPS_16_ACTNOM_20250101_20251231.csv", "ik_2024.csv"]);
    assert!(json["assumed_count"].as_u64().unwrap() > 0, "the total rests on assumed values and must say so");
}

#[test]
fn the_same_inputs_give_byte_identical_json() {
    let a = peps(&["compute", "--year", "2025", "--format", "json", "examples/malakoff"]);
    let b = peps(&["compute", "--year", "2025", "--format", "json", "examples/malakoff"]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn the_cap_binds_for_the_small_msp_and_spares_the_ik() {
    let json = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/msp"]));
    let cut = dec(&output(&json, "ecretement_plafond"));
    assert!(cut < Decimal::ZERO, "the MSP's cap must bind, cut = {cut}");
    let expected = dec(&output(&json, "plafond")) + dec(&output(&json, "remboursement_ik"));
    assert_eq!(dec(json["total"].as_str().unwrap()), expected);
}

#[test]
fn an_ineligible_team_gets_zero_and_the_reasons() {
    let run = peps(&["compute", "--year", "2025", "--format", "json", "examples/ineligible"]);
    let json = compute_json(&run);
    assert_eq!(json["eligible"], false);
    assert_eq!(json["total"], "0.00");
    let failed: Vec<&str> = json["failed_checks"].as_array().unwrap().iter().map(|c| c["key"].as_str().unwrap()).collect();
    assert_eq!(failed, ["professionnels", "patientele"]);
}

#[test]
fn the_substitution_split_keeps_pdsa_outsiders_and_unknown_codes_billable() {
    let json = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/malakoff"]));
    let split = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == "statut_acte").unwrap();
    let count = |k: &str| split["breakdown"].as_array().unwrap().iter().find(|p| p["key"] == k).map_or(0, |p| p["count"].as_u64().unwrap());
    assert_eq!(count("hors_liste"), 824, "the 824 DEQP003 acts are not in annexe 1");
    for class in ["pdsa", "hors_patientele", "hors_equipe", "substitue"] {
        assert!(count(class) > 0, "no act in class {class}");
    }
    let total: u64 = split["breakdown"].as_array().unwrap().iter().map(|p| p["count"].as_u64().unwrap()).sum();
    assert_eq!(total.to_string(), split["value"].as_str().unwrap(), "every act is classified exactly once");
}

#[test]
fn examples_table() {
    for case in ["malakoff", "msp", "ineligible"] {
        let run = peps(&["compute", "--year", "2025", "--locale", "fr", &format!("examples/{case}")]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        snap!(format!("compute_2025_{case}"), run.stdout);
    }
}

#[test]
fn csv_output_has_one_line_per_output_and_the_total() {
    let run = peps(&["compute", "--year", "2025", "--format", "csv", "examples/msp"]);
    assert_eq!(run.code, 0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "name;label;value;unit;assumed");
    assert!(lines.last().unwrap().starts_with("total;Total;"));
}

#[test]
fn examples_are_up_to_date_with_the_generator() {
    let sandbox = Sandbox::new();
    for (profile, case) in [("malakoff_like", "malakoff"), ("small_msp", "msp"), ("ineligible", "ineligible")] {
        let out = sandbox.path().join("fresh").join(case);
        let run = sandbox.peps(&["synth", "--profile", profile, "--seed", "1", "--out", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        for entry in std::fs::read_dir(&out).unwrap().flatten() {
            let committed = crate::util::repo().join("examples").join(case).join(entry.file_name());
            assert_eq!(
                std::fs::read(entry.path()).unwrap(),
                std::fs::read(&committed).unwrap(),
                "{} is stale: run examples/generate.sh",
                committed.display()
            );
        }
    }
}

#[test]
fn case_problems_name_the_file_and_the_column() {
    let sandbox = Sandbox::new();
    sandbox.edit("examples/msp/patients.csv", "NIR_PATIENT;DATE_NAISSANCE;SEXE;", "NIR_PATIENT;DATE_NAISANCE;SEXE;");
    sandbox.edit("examples/msp/team.toml", "segment = ", "segmnet = ");
    let run = sandbox.peps(&["compute", "--year", "2025", "examples/msp"]);
    assert_eq!(run.code, 1);
    snap!("compute_case_problems", sandbox.redact(&run.stderr));
}

#[test]
fn a_missing_data_file_is_an_io_error_naming_the_file() {
    let sandbox = Sandbox::new();
    std::fs::remove_file(sandbox.path().join("examples/msp/ik_2024.csv")).unwrap();
    let run = sandbox.peps(&["compute", "--year", "2025", "examples/msp"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("examples/msp/ik_2024.csv: no such file or directory"), "{}", run.stderr);
}

#[test]
fn an_unknown_year_or_case_is_a_usage_error() {
    let run = peps(&["compute", "--year", "1999", "examples/msp"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no rulebook for 1999"), "{}", run.stderr);
    let run = peps(&["compute", "--year", "2025", "examples/nowhere"]);
    assert_eq!(run.code, 2);
}

/// Replaces the `nth` field (0-based) of row `row` (1 is the header) of `file` in the sandbox.
fn set_field(sandbox: &Sandbox, file: &str, row: usize, nth: usize, value: &str) {
    let path = sandbox.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut fields: Vec<String> = lines[row - 1].split(';').map(str::to_string).collect();
    fields[nth] = value.to_string();
    lines[row - 1] = fields.join(";");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn compute_refuses_what_its_norms_forbid_with_the_code_row_and_field_of_validate() {
    let actnom = "examples/msp/A51_PEPS_16_ACTNOM_20250101_20251231.csv";
    // Each breach the issue found computed silently, with the code validate gives it.
    let cases: &[(&str, usize, usize, &str, &str)] = &[
        ("examples/msp/annexe2.csv", 2, 0, "10334810718", "V423"),
        ("examples/msp/ik_2024.csv", 2, 3, "-829,40", "V424"),
        ("examples/msp/patients.csv", 2, 0, "191047430271777", "V423"),
        ("examples/msp/patients.csv", 2, 0, "19104743027177", "V422"),
        ("examples/msp/patients.csv", 2, 8, "31", "V424"),
        ("examples/msp/patients.csv", 2, 8, "1234567890123456789", "V416"),
        ("examples/msp/patients.csv", 2, 11, "-1,00", "V424"),
        (actnom, 3, 8, "0", "V424"),
        (actnom, 3, 7, "0,00", "V424"),
        (actnom, 3, 6, "ZZZ", "V420"),
    ];
    for &(file, row, nth, value, code) in cases {
        let sandbox = Sandbox::new();
        set_field(&sandbox, file, row, nth, value);
        let run = sandbox.peps(&["compute", "--year", "2025", "examples/msp"]);
        assert_eq!(run.code, 1, "{file} row {row} = {value}: refused\n{}", run.stderr);
        assert!(run.stdout.is_empty(), "nothing is computed: {}", run.stdout);
        let name = file.rsplit('/').next().unwrap();
        let at = format!("{name}:{row}:");
        assert!(run.stderr.lines().any(|l| l.starts_with(&format!("error[{code} "))), "{file} = {value}: {code}\n{}", run.stderr);
        assert!(run.stderr.contains(&at), "{file} = {value}: located at {at}\n{}", run.stderr);
        for nir in ["191047430271777", "19104743027177"] {
            assert!(!run.stderr.contains(nir), "identifiers are masked: {}", run.stderr);
        }
    }
}

#[test]
fn a_rulebook_may_leave_rejected_rows_out_and_says_how_many() {
    let sandbox = Sandbox::new();
    let actnom = "examples/msp/A51_PEPS_16_ACTNOM_20250101_20251231.csv";
    set_field(&sandbox, actnom, 3, 8, "0");
    set_field(&sandbox, actnom, 4, 8, "0");
    set_field(&sandbox, actnom, 5, 6, "ZZZ");
    let before = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/msp"]));
    sandbox.edit(
        "rules/2025/entrees.toml",
        "actes = { type = \"dataset\", norm = \"actnom\",",
        "actes = { type = \"dataset\", norm = \"actnom\", rejected_rows = \"leave_out\",",
    );
    let run = sandbox.peps(&["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", "--format", "json", "examples/msp"]);
    let json = compute_json(&run);
    let left = &json["rows_left_out"];
    assert_eq!(left[0]["dataset"], "actes");
    assert_eq!(left[0]["rows"], 3);
    let by_code: Vec<(String, u64)> =
        left[0]["by_code"].as_array().unwrap().iter().map(|c| (c["code"].as_str().unwrap().into(), c["rows"].as_u64().unwrap())).collect();
    assert_eq!(by_code, [("V420".to_string(), 1), ("V424".to_string(), 2)]);
    assert!(run.stderr.contains("warning[V424 value-bounds]: 2 rows of `actes` left out of the case"), "{}", run.stderr);
    assert!(run.stderr.contains("warning[V420 value-not-in-list]: 1 row of `actes` left out of the case"), "{}", run.stderr);
    let statuses = |j: &serde_json::Value| dec(&output(j, "statut_acte"));
    assert_eq!(statuses(&json), statuses(&before) - Decimal::from(3), "the three rows are not computed");
    let table = sandbox.peps(&["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", "examples/msp"]);
    assert!(table.stdout.contains("! 3 rows of `actes` left out, not computed"), "{}", table.stdout);
    assert!(table.stdout.contains("V420 value-not-in-list ×1, V424 value-bounds ×2"), "{}", table.stdout);
}

#[test]
fn an_act_outside_the_year_is_classed_when_the_file_name_gives_no_period() {
    // A file named with its period may not hold an act outside it (V425): compute refuses it as
    // validate rejects it. A file named without a period holds it, and the rules class it.
    let sandbox = Sandbox::new();
    let actnom = "examples/msp/A51_PEPS_16_ACTNOM_20250101_20251231.csv";
    set_field(&sandbox, actnom, 3, 5, "31/12/2024");
    let run = sandbox.peps(&["compute", "--year", "2025", "examples/msp"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("error[V425 outside-file-period]"), "{}", run.stderr);
    std::fs::rename(sandbox.path().join(actnom), sandbox.path().join("examples/msp/actes.csv")).unwrap();
    sandbox.edit("examples/msp/team.toml", "actes = \"A51_PEPS_16_ACTNOM_20250101_20251231.csv\"", "actes = \"actes.csv\"");
    let json = compute_json(&sandbox.peps(&["compute", "--year", "2025", "--format", "json", "examples/msp"]));
    let classes = &json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == "statut_acte").unwrap()["breakdown"];
    let out_of_year = classes.as_array().unwrap().iter().find(|p| p["key"] == "hors_periode").expect("the class hors_periode");
    assert_eq!(out_of_year["count"], 1);
}

#[test]
fn the_ik_refund_is_the_sum_of_the_rows_each_rounded_to_the_cent() {
    // The team declares each row's amount in cents (MONTANT); the rulebook rounds each row so.
    let json = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/malakoff"]));
    let text = std::fs::read_to_string(crate::util::repo().join("examples/malakoff/ik_2024.csv")).unwrap();
    let declared: Decimal = text.lines().skip(1).map(|l| dec(&l.rsplit(';').next().unwrap().replace(',', "."))).sum();
    assert_eq!(dec(&output(&json, "remboursement_ik")), declared);
    let ik = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == "remboursement_ik").unwrap();
    assert!(ik["formula"].as_str().unwrap().ends_with("each row rounded to 0.01 (half-up) before the sum"), "{}", ik["formula"]);
    // A count has no rows to round.
    let sandbox = Sandbox::new();
    sandbox.edit(
        "rules/2025/etapes.toml",
        "count = true, where = \"PROFESSION == 'MG'\" }",
        "count = true, where = \"PROFESSION == 'MG'\", round_rows = { step = \"0.01\" } }",
    );
    let run = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("`round_rows` rounds the rows of a sum: only a sum adds rounded rows"), "{}", run.stderr);
}
