//! The promise: a yearly change is a data edit. Each test edits a temporary copy of rules/2025
//! and checks that the result moves exactly as the edit says, with the same binary.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::util::{Sandbox, compute_json, output};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn cents(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn compute(sandbox: &Sandbox, case: &str) -> serde_json::Value {
    compute_json(&sandbox.peps(&["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", "--format", "json", case]))
}

#[test]
fn changing_a_coefficient_changes_the_forfait() {
    let sandbox = Sandbox::new();
    let before = compute(&sandbox, "examples/malakoff");
    sandbox.edit("rules/2025/parametres.toml", "value = \"1.1321\"", "value = \"1.25\"");
    let after = compute(&sandbox, "examples/malakoff");
    let reference = dec(&output(&after, "forfait_reference_patients"));
    assert_eq!(dec(&output(&after, "forfait_ajuste")), cents(reference * dec("1.25")));
    assert!(dec(after["total"].as_str().unwrap()) > dec(before["total"].as_str().unwrap()));
}

#[test]
fn adding_a_quality_indicator_changes_the_score() {
    let sandbox = Sandbox::new();
    sandbox.edit(
        "rules/2025/entrees.toml",
        "depistage_colorectal = { type = \"rate\"",
        "delai_rendez_vous = { type = \"rate\", default = \"0.30\", label = \"Part des rendez-vous sous 48 h\" }\ndepistage_colorectal = { type = \"rate\"",
    );
    sandbox.append(
        "rules/2025/indicateurs.toml",
        "\n[[bonus_qualite.indicators]]\nname = \"acces_rapide\"\nlabel = \"Accès rapide\"\nweight = \"0.20\"\ntarget = \"0.60\"\ndirection = \"higher\"\ninput = \"delai_rendez_vous\"\nstatus = \"assumed\"\nreference = \"Test\"\n",
    );
    let json = compute(&sandbox, "examples/malakoff");
    let score = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == "score_qualite").unwrap();
    let parts = score["breakdown"].as_array().unwrap();
    assert_eq!(parts.len(), 5);
    // Attainments are weighted by 0.40, 0.20, 0.20, 0.20 and the new 0.20; the new one is 0.30 / 0.60.
    let weights = [dec("0.40"), dec("0.20"), dec("0.20"), dec("0.20"), dec("0.20")];
    let weighted: Decimal = parts.iter().zip(weights).map(|(p, w)| dec(p["value"].as_str().unwrap()) * w).sum();
    assert_eq!(dec(parts[4]["value"].as_str().unwrap()), dec("0.5"));
    let expected = (weighted / dec("1.20")).round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    assert!((dec(&output(&json, "score_qualite")) - expected).abs() <= dec("0.0001"));
}

#[test]
fn adding_a_prestation_code_substitutes_its_acts() {
    let sandbox = Sandbox::new();
    let before = compute(&sandbox, "examples/malakoff");
    sandbox.append(
        "rules/2025/prestations.toml",
        "\n[[prestations.items]]\ncode = \"DEQP003\"\nlabel = \"Électrocardiogramme\"\nprofession = \"MG\"\ntarif = \"14.26\"\nunite = \"acte\"\npdsa = false\n",
    );
    let after = compute(&sandbox, "examples/malakoff");
    let gained = dec(&output(&after, "actes_substitues")) - dec(&output(&before, "actes_substitues"));
    assert!(gained > Decimal::ZERO);
    let delta = dec(&output(&after, "equivalent_acte")) - dec(&output(&before, "equivalent_acte"));
    assert_eq!(delta, gained * dec("14.26"), "each DEQP003 act is worth 14.26 (coefficient 1, quantity 1)");
}

#[test]
fn editing_the_cap_formula_in_rhai_changes_the_capped_total() {
    let sandbox = Sandbox::new();
    sandbox.edit("rules/2025/formules.rhai", "    if plafond_inclut_bonus {\n        soumis += bonus_qualite;\n    }\n", "");
    let json = compute(&sandbox, "examples/msp");
    let v = |n: &str| dec(&output(&json, n));
    let cut = (v("plafond") - v("forfait_territorial") - v("complement_nouveaux_patients")).min(Decimal::ZERO);
    assert_eq!(v("ecretement_plafond"), cut);
    let total = v("forfait_territorial") + v("bonus_qualite") + v("complement_nouveaux_patients") + v("remboursement_ik") + cut;
    assert_eq!(dec(json["total"].as_str().unwrap()), total);
}
