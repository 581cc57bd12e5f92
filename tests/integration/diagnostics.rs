//! Diagnostics are an interface: malformed rules give coded, located messages, all at once.

use crate::util::Sandbox;
use crate::{patch, snap};

fn check(sandbox: &Sandbox) -> String {
    let run = sandbox.peps(&["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", "examples/msp"]);
    assert_eq!(run.code, 1, "malformed rules must exit 1:\n{}", run.stderr);
    assert!(run.stdout.is_empty(), "nothing is computed from malformed rules");
    sandbox.redact(&run.stderr)
}

/// A function appended to a copy's script that reads a misspelt name.
const MISSPELT_FUNCTION: &str = "\nfn majore(montant, taux) {\n    montant * (1.0 + tuax)\n}\n";

#[test]
fn many_problems_are_reported_at_once_with_codes_and_locations() {
    let sandbox = Sandbox::new();
    let file = |name: &str| sandbox.path().join("rules/2025").join(name);
    patch::set(&file("parametres.toml"), "taux_plafond", "tx_plafond", "\"0.2\"");
    patch::set(&file("parametres.toml"), "min_patients_mt", "value", "true");
    patch::remove(&file("parametres.toml"), "forfait_nouveau_patient", &["status"]);
    patch::apply(&file("tables.toml"), "majoration_pauvrete.rows[1]", &patch::Edit { duplicate: true, ..Default::default() });
    patch::apply(&file("tables.toml"), "rampe_fidelisation.rows[1]", &patch::Edit { drop: true, ..Default::default() });
    patch::set(&file("etapes.toml"), "step[name=nb_infirmiers].aggregate", "where", "\"PROFESION == 'IDE'\"");
    sandbox.append("rules/2025/formules.rhai", MISSPELT_FUNCTION);
    snap!("diagnostics_many_at_once", check(&sandbox));
}

#[test]
fn a_rhai_syntax_error_points_into_the_script() {
    let sandbox = Sandbox::new();
    sandbox.append("rules/2025/formules.rhai", "\nfn plancher(montant) {\n    max(0.0, montant\n}\n");
    snap!("diagnostics_rhai_syntax", check(&sandbox));
}

#[test]
fn cyclic_steps_are_named_in_order() {
    let sandbox = Sandbox::new();
    let etapes = sandbox.path().join("rules/2025/etapes.toml");
    patch::set(
        &etapes,
        "step[name=forfait_ajuste]",
        "formula",
        "\"forfait_reference_patients * coef_revalorisation_tarifaire + bonus_qualite\"",
    );
    snap!("diagnostics_cycle", check(&sandbox));
}

#[test]
fn a_money_step_without_rounding_is_refused() {
    let sandbox = Sandbox::new();
    patch::remove(&sandbox.path().join("rules/2025/rulebook.toml"), "defaults", &["money_rounding"]);
    let text = check(&sandbox);
    assert!(text.contains("R114 money-without-rounding"), "{text}");
    assert!(text.contains("is an amount in EUR with no rounding"), "{text}");
}

#[test]
fn a_dated_value_outside_the_year_is_refused() {
    let sandbox = Sandbox::new();
    let prestations = sandbox.path().join("rules/2025/prestations.toml");
    let dated = "[{ from = 2025-01-01, value = \"30.00\" }, { from = 2026-01-01, value = \"31.00\" }]";
    patch::set(&prestations, "prestations.items[code=G]", "tarif", dated);
    snap!("diagnostics_dated_outside", check(&sandbox));
}

#[test]
fn a_syntax_error_comes_first_and_the_errors_it_explains_are_grouped_under_it() {
    // The edit of the corpus case `unclosed-quote`: one quote never closed in the parameters.
    let patch: toml::Table =
        toml::from_str(&std::fs::read_to_string(crate::util::repo().join("tests/rules-malformed/unclosed-quote/patch.toml")).unwrap())
            .unwrap();
    let edit = patch["edit"].as_array().unwrap()[0].as_table().unwrap();
    let sandbox = Sandbox::new();
    sandbox.edit(&format!("rules/{}", edit["file"].as_str().unwrap()), edit["from"].as_str().unwrap(), edit["to"].as_str().unwrap());
    let run = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let shown: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("error[") || l.starts_with("warning[")).collect();
    assert!(shown[0].starts_with("error[R100 toml-syntax]"), "the syntax error comes first:\n{}", run.stderr);
    assert!(shown.len() <= 2, "the errors that follow from it are not shown one by one:\n{}", run.stderr);
    assert!(run.stderr.contains("further errors may follow from this one"), "{}", run.stderr);
    // Machines still get every diagnostic, each follow-on pointing at its cause.
    let json = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let diags = report["diagnostics"].as_array().unwrap();
    assert_eq!(diags[0]["code"], "R100");
    let follow_ons = diags.iter().filter(|d| d["follows"]["file"].as_str().is_some_and(|f| f.ends_with("parametres.toml"))).count();
    assert!(follow_ons >= 10, "{}", json.stdout);
}

#[test]
fn a_misspelt_name_is_answered_with_a_name_of_its_kind() {
    let sandbox = Sandbox::new();
    // A step reading a misspelt parameter (inline formula), and a script calling a misspelt function.
    patch::set(&sandbox.path().join("rules/2025/etapes.toml"), "step[name=plafond]", "formula", "\"equivalent_acte * (1 + taux_plafnod)\"");
    sandbox.append("rules/2025/formules.rhai", "\nfn plancher(montant) {\n    mn(0.0, montant)\n}\n");
    let run = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("help: did you mean parameter `taux_plafond`?"), "{}", run.stderr);
    assert!(run.stderr.contains("unknown function `mn`") && run.stderr.contains("help: did you mean `min`?"), "{}", run.stderr);
}

/// How many faulty tables the scaling test writes: enough that a cost per diagnostic growing with
/// their number (a copy of the file each, a search through all the others) shows at once.
const FAULTY_TABLES: usize = 10_000;

#[test]
fn ten_thousand_faulty_tables_are_shown_a_few_per_code_and_counted() {
    let sandbox = Sandbox::new();
    // The year's first tables file, whatever it is called, gets the faulty tables at its end.
    let manifest: toml::Table = std::fs::read_to_string(sandbox.path().join("rules/2025/rulebook.toml")).unwrap().parse().unwrap();
    let tables = manifest["files"]["tables"][0].as_str().expect("a tables file").to_string();
    let faulty: String = (0..FAULTY_TABLES).map(|i| format!("\n[faulty_{i}]\nbogus = 1\n")).collect();
    sandbox.append(&format!("rules/2025/{tables}"), &faulty);
    let json = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    // JSON keeps every diagnostic: per code, how many there are.
    let mut per_code: std::collections::BTreeMap<String, usize> = Default::default();
    for d in report["diagnostics"].as_array().unwrap() {
        *per_code.entry(d["code"].as_str().unwrap().to_string()).or_default() += 1;
    }
    assert!(per_code.get("R101").is_some_and(|&n| n >= FAULTY_TABLES), "an unknown key per faulty table: {per_code:?}");
    let more = regex::Regex::new(r"… and (\d+) more ([A-Z]\d+) [a-z-]+ \(the first (\d+) are shown").unwrap();
    for args in [&["rules", "check", "2025"][..], &["compute", "--year", "2025", "examples/msp"]] {
        let mut args = args.to_vec();
        args.extend(["--rules", "rules", "--norms", "norms"]);
        let run = sandbox.peps(&args);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let counted: Vec<(usize, String, usize)> =
            more.captures_iter(&run.stderr).map(|c| (c[1].parse().unwrap(), c[2].to_string(), c[3].parse().unwrap())).collect();
        assert!(
            counted.iter().any(|(_, code, _)| code == "R101"),
            "the unknown keys past the first few are counted:\n{}",
            tail(&run.stderr)
        );
        for (n, code, shown) in &counted {
            let written = run.stderr.lines().filter(|l| l.starts_with(&format!("error[{code} "))).count();
            assert_eq!(written, *shown, "{code}: as many written out as the count line says");
            assert_eq!(written + n, per_code[code], "{code}: written and counted, every one of them");
        }
        // Bounded whatever the number of faulty tables: a few per code, not one per table.
        assert!(run.stderr.lines().count() < FAULTY_TABLES / 10, "{} lines", run.stderr.lines().count());
        assert!(run.stderr.contains(&format!("{} errors", per_code.values().sum::<usize>())), "{}", tail(&run.stderr));
    }
}

fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}
