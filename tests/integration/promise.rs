//! The promise: a yearly change is a data edit. Each test edits a temporary copy of rules/2025
//! and checks that the result moves exactly as the edit says, with the same binary.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::patch;
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
    patch::set(&sandbox.path().join("rules/2025/parametres.toml"), "coef_revalorisation_tarifaire", "value", "\"1.25\"");
    let after = compute(&sandbox, "examples/malakoff");
    let reference = dec(&output(&after, "forfait_reference_patients"));
    assert_eq!(dec(&output(&after, "forfait_ajuste")), cents(reference * dec("1.25")));
    assert!(dec(after["total"].as_str().unwrap()) > dec(before["total"].as_str().unwrap()));
}

#[test]
fn adding_a_quality_indicator_changes_the_score() {
    let sandbox = Sandbox::new();
    let rules = sandbox.path().join("rules/2025");
    patch::set(
        &rules.join("entrees.toml"),
        "qualite",
        "delai_rendez_vous",
        "{ type = \"rate\", default = \"0.30\", label = \"Part des rendez-vous sous 48 h\" }",
    );
    sandbox.append(
        "rules/2025/indicateurs.toml",
        "\n[[bonus_qualite.indicators]]\nname = \"acces_rapide\"\nlabel = \"Accès rapide\"\nweight = \"0.20\"\ntarget = \"0.60\"\ndirection = \"higher\"\ninput = \"delai_rendez_vous\"\nstatus = \"assumed\"\nreference = \"Test\"\n",
    );
    let json = compute(&sandbox, "examples/malakoff");
    let score = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == "score_qualite").unwrap();
    let parts = score["breakdown"].as_array().unwrap();
    // The weights as the edited file has them, the new 0.20 last; the new attainment is 0.30 / 0.60.
    let indicators: toml::Table = toml::from_str(&std::fs::read_to_string(rules.join("indicateurs.toml")).unwrap()).unwrap();
    let weights: Vec<Decimal> = indicators["bonus_qualite"]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| dec(i["weight"].as_str().expect("a weight")))
        .collect();
    assert_eq!(parts.len(), weights.len());
    let weighted: Decimal = parts.iter().zip(&weights).map(|(p, w)| dec(p["value"].as_str().unwrap()) * w).sum();
    assert_eq!(dec(parts[parts.len() - 1]["value"].as_str().unwrap()), dec("0.5"));
    let expected = (weighted / weights.iter().sum::<Decimal>()).round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    assert!((dec(&output(&json, "score_qualite")) - expected).abs() <= dec("0.0001"));
}

#[test]
fn adding_a_prestation_code_substitutes_its_acts() {
    let sandbox = Sandbox::new();
    let prestations = sandbox.path().join("rules/2025/prestations.toml");
    // The test adds the code itself, whether or not the shipped list has it.
    let listed: toml::Table = toml::from_str(&std::fs::read_to_string(&prestations).unwrap()).unwrap();
    if listed["prestations"]["items"].as_array().unwrap().iter().any(|i| i["code"].as_str() == Some("DEQP003")) {
        patch::apply(&prestations, "prestations.items[code=DEQP003]", &patch::Edit { drop: true, ..Default::default() });
    }
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
    // A new cap, written in Rhai beside the shipped one: the bonus is no longer capped.
    sandbox.append(
        "rules/2025/formules.rhai",
        "\nfn ecretement_hors_bonus(forfait_territorial, complement_nouveaux_patients, plafond) {\n    min(0.0, plafond - (forfait_territorial + complement_nouveaux_patients))\n}\n",
    );
    let before = compute(&sandbox, "examples/msp");
    patch::set(
        &sandbox.path().join("rules/2025/etapes.toml"),
        "step[name=ecretement_plafond]",
        "function",
        "\"formules.rhai::ecretement_hors_bonus\"",
    );
    // The new function reads less: the step's sentence, written for the shipped one, goes.
    patch::remove(&sandbox.path().join("rules/2025/etapes.toml"), "step[name=ecretement_plafond]", &["explanation"]);
    let json = compute(&sandbox, "examples/msp");
    let v = |j: &serde_json::Value, n: &str| dec(&output(j, n));
    let cut = (v(&json, "plafond") - v(&json, "forfait_territorial") - v(&json, "complement_nouveaux_patients")).min(Decimal::ZERO);
    assert_eq!(v(&json, "ecretement_plafond"), cut);
    let total = |j: &serde_json::Value| dec(j["total"].as_str().unwrap());
    assert_eq!(total(&json) - total(&before), cut - v(&before, "ecretement_plafond"), "the total moves by the change of the cut");
}
