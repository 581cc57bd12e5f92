//! Trusting the figure: `peps explain`, provenance shares, and `peps impact` attributions.

use rust_decimal::Decimal;

use crate::snap;
use crate::util::{Sandbox, compute_json, peps};

fn dec(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap_or_else(|| panic!("not a decimal string: {v}")).parse().unwrap()
}

#[test]
fn explain_shows_a_step_down_to_its_parameters_and_table_cells() {
    let run = peps(&["explain", "--year", "2025", "examples/msp", "taux_fidelisation"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snap!("explain_msp_taux_fidelisation", run.stdout);
    let run = peps(&["explain", "--year", "2025", "--depth", "1", "examples/msp", "forfait_ajuste"]);
    assert!(run.stdout.contains("parameter coef_revalorisation_tarifaire = 1.1321 [assumed]"), "{}", run.stdout);
    assert!(run.stdout.contains("age [85, ) · sexe M · nb_ald [2, ) · c2s false: 2 × 763.60 €"), "{}", run.stdout);
    assert!(run.stdout.contains("patientele_peps = 736 — Patientèle PEPS"), "{}", run.stdout);
    assert!(run.stdout.contains("(not opened: raise --depth)"), "{}", run.stdout);
}

#[test]
fn explain_json_nests_the_outputs_read() {
    let json = compute_json(&peps(&["explain", "--year", "2025", "--format", "json", "examples/malakoff"]));
    assert_eq!(json["name"], "remuneration_totale");
    let inputs: Vec<&str> = json["inputs"].as_array().unwrap().iter().map(|n| n["name"].as_str().unwrap()).collect();
    assert_eq!(inputs, ["forfait_territorial", "bonus_qualite", "complement_nouveaux_patients", "remboursement_ik", "ecretement_plafond"]);
    fn parameters<'a>(node: &'a serde_json::Value, out: &mut Vec<&'a serde_json::Value>) {
        out.extend(node["reads"].as_array().unwrap().iter().filter(|r| r["kind"] == "parameter"));
        for child in node["inputs"].as_array().map(Vec::as_slice).unwrap_or_default() {
            parameters(child, out);
        }
    }
    let mut params = Vec::new();
    parameters(&json, &mut params);
    assert!(params.len() >= 10, "the tree reaches the parameters: {}", params.len());
    assert_eq!(json["manifest"]["year"], 2025, "the root carries the run's manifest");
    for p in params {
        assert!(p["status"].is_string() && p["reference"].is_string() && !p["value"].is_null(), "{p}");
    }
}

#[test]
fn explain_names_an_unknown_output() {
    let run = peps(&["explain", "--year", "2025", "examples/msp", "bonus_qualit"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("did you mean `bonus_qualite`?"), "{}", run.stderr);
}

#[test]
fn provenance_says_how_much_of_the_total_rests_on_assumed_values() {
    let json = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/malakoff"]));
    let shares = json["assumed_shares"].as_array().unwrap();
    let table = shares.iter().find(|s| s["item"] == "table forfait_reference").expect("the forfait table is assumed");
    let share = dec(&table["share"]);
    assert!(share > Decimal::new(9, 1) && share <= Decimal::ONE, "the forfait table carries most of the total: {share}");
    assert!(shares.iter().all(|s| dec(&s["share"]) <= Decimal::ONE));
}

/// A later "year" whose values differ from 2025 in each group, with the same dates.
fn changed_year() -> Sandbox {
    let sandbox = Sandbox::new();
    crate::util::copy_dir(&sandbox.path().join("rules/2025"), &sandbox.path().join("rules/2030"));
    sandbox
        .edit("rules/2030/rulebook.toml", "year = 2025", "year = 2026")
        .edit("rules/2030/parametres.toml", "value = \"1.1321\"", "value = \"1.20\"")
        .edit(
            "rules/2030/tables.toml",
            "{ taux_pauvrete = \"[0.12, 0.18)\", taux = \"0.02\" }",
            "{ taux_pauvrete = \"[0.12, 0.18)\", taux = \"0.03\" }",
        )
        .edit("rules/2030/indicateurs.toml", "weight = \"0.40\"", "weight = \"0.60\"")
        .edit("rules/2030/formules.rhai", "score_qualite * taux_bonus_max", "score_qualite * taux_bonus_max * 1.5");
    sandbox
}

#[test]
fn impact_attributions_add_up_to_the_delta_to_the_cent() {
    let sandbox = changed_year();
    for case in ["examples/malakoff", "examples/msp"] {
        let run =
            sandbox.peps(&["impact", "--from", "2025", "--to", "2030", "--rules", "rules", "--norms", "norms", "--format", "json", case]);
        let json = compute_json(&run);
        let sum: Decimal = json["attribution"].as_array().unwrap().iter().map(|a| dec(&a["delta"])).sum();
        let delta = dec(&json["delta"]);
        assert_eq!(sum, delta, "{case}");
        assert_eq!(delta, dec(&json["total_to"]) - dec(&json["total_from"]), "{case}");
        assert_ne!(json["manifest_from"]["rulebook_sha256"], json["manifest_to"]["rulebook_sha256"]);
    }
}

#[test]
fn impact_credits_each_group_with_its_own_change() {
    let sandbox = changed_year();
    let run = sandbox.peps(&[
        "impact",
        "--from",
        "2025",
        "--to",
        "2030",
        "--rules",
        "rules",
        "--norms",
        "norms",
        "--format",
        "json",
        "examples/malakoff",
    ]);
    let json = compute_json(&run);
    let group = |g: &str| json["attribution"].as_array().unwrap().iter().find(|a| a["group"] == g).unwrap().clone();
    assert_eq!(group("parameters")["changed"], serde_json::json!(["coef_revalorisation_tarifaire"]));
    assert!(dec(&group("parameters")["delta"]) > Decimal::ZERO);
    assert_eq!(group("tables")["changed"], serde_json::json!(["majoration_pauvrete"]));
    assert_eq!(group("lists")["changed"], serde_json::json!([]));
    assert_eq!(dec(&group("lists")["delta"]), Decimal::ZERO);
    assert_eq!(group("pipeline")["changed"], serde_json::json!(["step taux_bonus"]));
    let table = sandbox.peps(&[
        "impact",
        "--from",
        "2025",
        "--to",
        "2030",
        "--rules",
        "rules",
        "--norms",
        "norms",
        "--locale",
        "fr",
        "examples/malakoff",
    ]);
    snap!("impact_malakoff_changed_year", table.stdout);
}

#[test]
fn impact_json_is_byte_identical_across_runs() {
    let sandbox = changed_year();
    let args = ["impact", "--from", "2025", "--to", "2030", "--rules", "rules", "--norms", "norms", "--format", "json", "examples/msp"];
    assert_eq!(sandbox.peps(&args).stdout, sandbox.peps(&args).stdout);
}

#[test]
fn the_html_report_is_one_self_contained_page_with_a_waterfall() {
    let run = peps(&["compute", "--year", "2025", "--format", "html", "examples/malakoff"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = &run.stdout;
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("<svg") && html.contains("</svg>"), "an inline SVG chart");
    for external in ["src=\"http", "href=\"http", "<script", "<link", "url("] {
        assert!(!html.contains(external), "the page must not load `{external}`");
    }
    let json = crate::util::compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/malakoff"]));
    let total: rust_decimal::Decimal = json["total"].as_str().unwrap().parse().unwrap();
    assert!(html.contains(&crate::util::french_amount(total)), "the total in French format");
    assert_eq!(html.matches("<rect").count(), 9, "8 declared bars and the total");
}

#[test]
fn docs_render_every_part_of_the_rulebook() {
    let run = peps(&["docs", "--year", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = &run.stdout;
    for part in [
        "## Paramètres",
        "## Tables",
        "### `forfait_reference`",
        "## Listes",
        "| `G` |",
        "## Indicateurs",
        "## Calendrier",
        "| 2026-07-20 |",
        "## Étapes du calcul",
        "fn taux_fidelisation(",
        "## Norme `actnom` v1",
        "| `NIR_PATIENT` |",
    ] {
        assert!(md.contains(part), "the document lacks `{part}`");
    }
    let sandbox = Sandbox::new();
    let run = sandbox.peps(&["docs", "--year", "2025", "--rules", "rules", "--norms", "norms", "-o", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(sandbox.path().join("out/rules-2025.html")).unwrap();
    assert!(html.contains("<table>") && html.contains("<h2>Paramètres</h2>"));
    assert!(sandbox.path().join("out/rules-2025.md").is_file());
}

#[test]
fn manifest_files_are_written_once_and_match_the_json() {
    let sandbox = Sandbox::new();
    let run = sandbox.peps(&[
        "compute",
        "--year",
        "2025",
        "--rules",
        "rules",
        "--norms",
        "norms",
        "--format",
        "json",
        "--manifest",
        "m.json",
        "examples/msp",
    ]);
    let json = compute_json(&run);
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(sandbox.path().join("m.json")).unwrap()).unwrap();
    assert_eq!(written, json["manifest"]);
    let again =
        sandbox.peps(&["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", "--manifest", "m.json", "examples/msp"]);
    assert_eq!(again.code, 2, "an existing file is not replaced without --force");
    assert!(again.stderr.contains("m.json already exists; pass --force to replace it"), "{}", again.stderr);
    let forced = sandbox.peps(&[
        "explain",
        "--year",
        "2025",
        "--rules",
        "rules",
        "--norms",
        "norms",
        "--manifest",
        "m.json",
        "--force",
        "examples/msp",
    ]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    let over_input = sandbox.peps(&[
        "compute",
        "--year",
        "2025",
        "--rules",
        "rules",
        "--norms",
        "norms",
        "--manifest",
        "examples/msp/team.toml",
        "--force",
        "examples/msp",
    ]);
    assert_eq!(over_input.code, 2, "an input is never overwritten");
}
