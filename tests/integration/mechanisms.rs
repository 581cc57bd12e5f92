//! The engine's generic mechanisms on a small neutral scheme (`tests/data/mechanisms/`): a value
//! per group read by key from the rows of another dataset, a value derived for every row, the
//! smallest and largest value of a column (dates too), and `rules check` refusing a read that
//! would silently take a total.

use std::path::Path;

use rust_decimal::Decimal;

use crate::util::{Run, Sandbox, compute_json, copy_dir, output, repo};

/// A copy of the demonstration scheme: its rules under `rules/`, its norms, its case.
fn demo() -> Sandbox {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = repo().join("tests/data/mechanisms");
    copy_dir(&source.join("2026"), &dir.path().join("rules/2026"));
    copy_dir(&source.join("norms"), &dir.path().join("norms"));
    copy_dir(&source.join("cas"), &dir.path().join("cas"));
    Sandbox { dir }
}

fn run(sandbox: &Sandbox, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.extend(["--rules", "rules", "--norms", "norms"]);
    sandbox.peps(&all)
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("not a decimal: {s}"))
}

fn steps(sandbox: &Sandbox) -> std::path::PathBuf {
    sandbox.path().join("rules/2026/etapes.toml")
}

fn append_step(path: &Path, text: &str) {
    let mut body = std::fs::read_to_string(path).unwrap();
    body.push_str(text);
    std::fs::write(path, body).unwrap();
}

#[test]
fn a_target_per_member_is_applied_member_by_member() {
    let sandbox = demo();
    let json = compute_json(&run(&sandbox, &["compute", "--year", "2026", "--format", "json", "cas"]));
    // By hand: A has 3 patients and a target of 2 × 1 = 2: 2 kept; B has 2 and a target of
    // 2 × 0.5 = 1: 1 kept; C has none: 0. 3 patients kept, not min(5, 5) = 5 for the team.
    assert_eq!(dec(&output(&json, "patients_retenus")), dec("3"));
    assert_eq!(dec(&output(&json, "total")), dec("270.00"), "3 × 90 €");
    let per_member = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == "patients_par_medecin").unwrap();
    let groups: Vec<(String, String)> = per_member["breakdown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["key"].as_str().unwrap().to_string(), p["value"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(groups, [("A".into(), "3".into()), ("B".into(), "2".into()), ("Z".into(), "1".into())]);
}

#[test]
fn smallest_and_largest_values_take_dates_too() {
    let sandbox = demo();
    let json = compute_json(&run(&sandbox, &["compute", "--year", "2026", "--format", "json", "cas"]));
    // Entries clamped to 1 January 2026 (`max` of two dates): 2026-01-01, 2026-02-15, 2026-01-01.
    assert_eq!(output(&json, "premiere_entree"), "2026-01-01");
    assert_eq!(output(&json, "derniere_entree"), "2026-02-15");
    assert_eq!(output(&json, "naissance_la_plus_recente"), "2000-06-06");
}

#[test]
fn a_value_per_group_read_without_its_key_over_rows_is_refused() {
    let sandbox = demo();
    append_step(
        &steps(&sandbox),
        "\n[[step]]\nname = \"part_du_medecin\"\nlabel = \"Part\"\nunit = \"count\"\n\
         derive = { dataset = \"medecins\", value = \"patients_par_medecin * ETP\" }\n",
    );
    let run = run(&sandbox, &["rules", "check", "2026"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("`patients_par_medecin` is a value per group (by RPPS_MT)"), "{}", run.stderr);
    assert!(run.stderr.contains("`patients_par_medecin(RPPS_MT)`"), "{}", run.stderr);
}

#[test]
fn reading_by_key_needs_a_grouped_step_and_a_value_per_row_stays_on_its_rows() {
    let sandbox = demo();
    append_step(
        &steps(&sandbox),
        "\n[[step]]\nname = \"par_cle\"\nlabel = \"Par clé\"\nunit = \"count\"\n\
         derive = { dataset = \"medecins\", value = \"total(RPPS)\" }\n\
         \n[[step]]\nname = \"sur_les_patients\"\nlabel = \"Sur les patients\"\nunit = \"count\"\n\
         derive = { dataset = \"patients\", value = \"patients_retenus\" }\n\
         \n[[step]]\nname = \"une_date\"\nlabel = \"Une date\"\nunit = \"date\"\nformula = \"entree_dans_l_annee\"\n",
    );
    let run = run(&sandbox, &["rules", "check", "2026"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("`total(…)` reads a value by group, but step `total` has no `group_by`"), "{}", run.stderr);
    assert!(run.stderr.contains("`patients_retenus` is a value per row of `medecins`"), "{}", run.stderr);
    assert!(run.stderr.contains("`entree_dans_l_annee` is a value per row of `medecins`"), "{}", run.stderr);
}

#[test]
fn a_key_of_another_kind_than_the_groups_is_refused_at_load() {
    // Issue 23: groups keyed by text read with a number found no group on any row, so the value
    // read 0 everywhere and `rules check` passed. The key's kind must be the grouping's.
    let sandbox = demo();
    append_step(
        &steps(&sandbox),
        "\n[[step]]\nname = \"par_etp\"\nlabel = \"Par ETP\"\nunit = \"count\"\n\
         derive = { dataset = \"medecins\", value = \"patients_par_medecin(ETP)\" }\n",
    );
    let run = run(&sandbox, &["rules", "check", "2026"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[R115 type-mismatch]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("`patients_par_medecin` is grouped by keys of kind text: a key of kind number would read no group"),
        "{}",
        run.stderr
    );
    // Pointed at the key, inside the expression.
    assert!(run.stderr.contains("patients_par_medecin(ETP)"), "{}", run.stderr);
}

#[test]
fn a_group_with_no_row_counts_zero() {
    let sandbox = demo();
    // Member C has no patient: its group is absent, and reads as 0, so its kept count is 0.
    let path = sandbox.path().join("rules/2026/etapes.toml");
    crate::patch::set(
        &path,
        "step[name=patients_retenus]",
        "derive",
        "{ dataset = \"medecins\", value = \"patients_par_medecin(RPPS) + 1\" }",
    );
    let json = compute_json(&run(&sandbox, &["compute", "--year", "2026", "--format", "json", "cas"]));
    assert_eq!(dec(&output(&json, "patients_retenus")), dec("4") + dec("3") + dec("1"), "A 3+1, B 2+1, C 0+1");
}

#[test]
fn the_demonstration_scheme_is_self_contained() {
    // The fixture is a complete scheme: its own rules and norms, nothing of PEPS.
    let source = repo().join("tests/data/mechanisms");
    for entry in walk(&source) {
        let text = std::fs::read_to_string(&entry).unwrap_or_default();
        assert!(!text.contains("PEPS"), "{}", entry.display());
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The calendar as rules: recurring advances, a team's rhythm, shares as expressions, re-basing
// by a measure of each member, and zeros for an ineligible team.

fn schedule_json(sandbox: &Sandbox) -> serde_json::Value {
    let run = run(sandbox, &["schedule", "--year", "2026", "--format", "json", "cas"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON schedule")
}

fn payments(json: &serde_json::Value) -> Vec<(String, String, Decimal)> {
    json["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap().to_string(), p["date"].as_str().unwrap().to_string(), dec(p["amount"].as_str().unwrap())))
        .collect()
}

fn adds_up(json: &serde_json::Value) {
    let paid: Decimal = payments(json).iter().map(|(_, _, a)| *a).sum();
    let balance = &json["balance"];
    assert_eq!(paid + dec(balance["amount"].as_str().unwrap()), dec(balance["final_amount"]["value"].as_str().unwrap()));
}

#[test]
fn a_monthly_rhythm_recurs_twelve_times_with_a_twelfth_each() {
    let sandbox = demo();
    let json = schedule_json(&sandbox);
    adds_up(&json);
    let paid = payments(&json);
    assert_eq!(paid.len(), 12, "{paid:?}");
    assert_eq!((paid[0].0.as_str(), paid[0].1.as_str()), ("acompte_mensuel_1", "2026-01-15"));
    assert_eq!((paid[11].0.as_str(), paid[11].1.as_str()), ("acompte_mensuel_12", "2026-12-15"));
    // The first: a twelfth of the estimate (the computed 270.00 €), to the cent.
    assert_eq!(paid[0].2, (dec("270.00") / dec("12")).round_dp(2));
}

#[test]
fn the_team_chooses_a_quarterly_rhythm_in_its_file() {
    let sandbox = demo();
    sandbox.edit("cas/equipe.toml", "rythme = \"mensuel\"", "rythme = \"trimestriel\"");
    let json = schedule_json(&sandbox);
    adds_up(&json);
    let dates: Vec<String> = payments(&json).into_iter().map(|(_, d, _)| d).collect();
    assert_eq!(dates, ["2026-01-15", "2026-04-15", "2026-07-15", "2026-10-15"]);
}

#[test]
fn an_entry_is_weighed_by_the_member_s_measure() {
    let sandbox = demo();
    let json = schedule_json(&sandbox);
    let m = &json["movements"][0];
    assert_eq!(m["member"], "B");
    // B (0.5 full-time) joins on 15 February: its measure of the group's 2 present on 1 January,
    // for 320 of the 365 days: 270.00 × 1 × 0.5 × 320 / (2 × 365).
    assert_eq!((dec(m["measure"].as_str().unwrap()), dec(m["group_measure"].as_str().unwrap())), (dec("0.5"), dec("2")));
    let expected = (dec("270.00") * dec("0.5") * dec("320") / (dec("2") * dec("365"))).round_dp(2);
    assert_eq!(dec(m["effect"].as_str().unwrap()), expected);
}

#[test]
fn a_share_outside_zero_and_one_is_an_error_of_the_case() {
    let sandbox = demo();
    let calendar = sandbox.path().join("rules/2026/calendrier.toml");
    crate::patch::set(&calendar, "acompte_mensuel", "share", "\"forfait_par_patient / 12\"");
    let run = run(&sandbox, &["schedule", "--year", "2026", "cas"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("the share of event `acompte_mensuel_1` is 7.5"), "{}", run.stderr);
}

#[test]
fn an_ineligible_team_gets_a_schedule_of_zeros() {
    let sandbox = demo();
    append_step(
        &steps(&sandbox),
        "\n[[step]]\nname = \"eligibilite\"\nlabel = \"Éligibilité\"\n\
         checks = [{ name = \"taille\", label = \"Au moins 10 médecins\", when = \"nb_medecins >= 10\" }]\n\
         \n[[step]]\nname = \"nb_medecins\"\nlabel = \"Médecins\"\naggregate = { dataset = \"medecins\", count = true }\n",
    );
    sandbox.edit("rules/2026/rulebook.toml", "components = [\"total\"]", "components = [\"total\"]\ngate = \"eligibilite\"");
    let json = schedule_json(&sandbox);
    adds_up(&json);
    let paid = payments(&json);
    assert_eq!(paid.len(), 12);
    assert!(paid.iter().all(|(_, _, a)| a.is_zero()), "{paid:?}");
}

#[test]
fn an_advance_of_a_fixed_amount_is_not_re_based_and_check_says_so() {
    let sandbox = demo();
    let calendar = sandbox.path().join("rules/2026/calendrier.toml");
    crate::patch::remove(&calendar, "acompte_trimestriel", &["share", "estimate"]);
    crate::patch::set(&calendar, "acompte_trimestriel", "amount", "\"total / 4\"");
    let run = run(&sandbox, &["rules", "check", "2026"]);
    assert!(run.stderr.contains("advance `acompte_trimestriel_1` pays an amount, not a share of the estimate"), "{}", run.stderr);
    sandbox.edit("cas/equipe.toml", "rythme = \"mensuel\"", "rythme = \"trimestriel\"");
    let json = schedule_json(&sandbox);
    adds_up(&json);
    assert!(payments(&json).iter().all(|(_, _, a)| *a == dec("67.50")), "a quarter of 270.00 each");
}

#[test]
fn a_new_year_moves_the_end_of_a_repetition_too() {
    let sandbox = demo();
    let run = run(&sandbox, &["rules", "new-year", "2027", "--from", "2026"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let cal: toml::Table = toml::from_str(&std::fs::read_to_string(sandbox.path().join("rules/2027/calendrier.toml")).unwrap()).unwrap();
    assert_eq!(cal["acompte_mensuel"]["repeat"]["until"].to_string(), "2027-12-31");
    assert_eq!(cal["acompte_mensuel"]["date"].to_string(), "2027-01-15");
}

#[test]
fn a_derived_value_with_a_key_is_shown_row_by_row() {
    let sandbox = demo();
    let path = sandbox.path().join("rules/2026/etapes.toml");
    crate::patch::set(
        &path,
        "step[name=patients_retenus]",
        "derive",
        "{ dataset = \"medecins\", value = \"min(patients_par_medecin(RPPS), cible_par_etp * ETP)\", key = \"RPPS\" }",
    );
    let json = compute_json(&run(&sandbox, &["compute", "--year", "2026", "--format", "json", "cas"]));
    let out = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == "patients_retenus").unwrap();
    let rows: Vec<(String, Decimal)> = out["breakdown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["key"].as_str().unwrap().to_string(), dec(p["value"].as_str().unwrap())))
        .collect();
    // By hand, in the rows' order: A min(3, 2) = 2, B min(2, 1) = 1, C min(0, 2) = 0; they add up
    // to the step's value.
    assert_eq!(rows, [("A".into(), dec("2")), ("B".into(), dec("1")), ("C".into(), dec("0"))]);
    assert_eq!(rows.iter().map(|(_, v)| *v).sum::<Decimal>(), dec(&output(&json, "patients_retenus")));
    let explain = run(&sandbox, &["explain", "--year", "2026", "cas", "patients_retenus"]);
    assert_eq!(explain.code, 0, "{}", explain.stderr);
}
