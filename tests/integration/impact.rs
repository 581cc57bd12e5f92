//! `peps impact`: what a draft costs and what changed from one year to the next, item by item.
//! Edits are made on copies, by item name, whatever the shipped values are; assertions are about
//! the attribution (which items, how the credits add up), never about amounts the rules give.

use rust_decimal::Decimal;

use crate::snap;
use crate::util::{Sandbox, compute_json, copy_dir, decimal_of, edit_toml, list_item};

fn dec(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap_or_else(|| panic!("not a decimal string: {v}")).parse().unwrap()
}

/// A sandbox with `draft/`, a copy of its rules to edit.
fn with_draft() -> Sandbox {
    let sandbox = Sandbox::new();
    copy_dir(&sandbox.path().join("rules"), &sandbox.path().join("draft"));
    sandbox
}

fn draft_impact(sandbox: &Sandbox, year: &str, case: &str) -> serde_json::Value {
    compute_json(&sandbox.peps(&[
        "impact",
        "--year",
        year,
        "--rules",
        "draft",
        "--baseline-rules",
        "rules",
        "--norms",
        "norms",
        "--format",
        "json",
        case,
    ]))
}

fn items(json: &serde_json::Value) -> &Vec<serde_json::Value> {
    json["items"].as_array().expect("items")
}

/// The credits add up to the delta, the delta is the change of the total, and no item is
/// listed as changed with the same value on both sides.
fn check_adds_up(json: &serde_json::Value) {
    let sum: Decimal = items(json).iter().map(|i| dec(&i["delta"])).sum();
    assert_eq!(sum, dec(&json["delta"]), "the credits add up to the delta");
    assert_eq!(dec(&json["delta"]), dec(&json["total_to"]) - dec(&json["total_from"]));
    let groups: Decimal = json["attribution"].as_array().unwrap().iter().map(|a| dec(&a["delta"])).sum();
    assert_eq!(groups, sum, "the subtotals by kind add up too");
    for i in items(json) {
        assert!(i["kind"].is_string() && i["name"].is_string(), "{i}");
        assert_ne!(i["from"], i["to"], "an item listed is an item changed: {i}");
    }
}

#[test]
fn the_cost_of_a_draft_tariff_is_credited_to_that_list_item_alone() {
    let sandbox = with_draft();
    edit_toml(&sandbox.path().join("draft/2025/prestations.toml"), |doc| {
        let g = list_item(doc, "prestations", "G");
        let raised = decimal_of(&g["tarif"]) + Decimal::ONE;
        g["tarif"] = toml_edit::value(raised.to_string());
    });
    let json = draft_impact(&sandbox, "2025", "examples/msp");
    check_adds_up(&json);
    let items = items(&json);
    assert_eq!(items.len(), 1, "one item changed: {items:?}");
    assert_eq!((items[0]["kind"].as_str(), items[0]["name"].as_str()), (Some("list"), Some("prestations.G")));
    assert_eq!(dec(&items[0]["delta"]), dec(&json["delta"]));
    let equivalent = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == "equivalent_acte").expect("equivalent_acte");
    assert_ne!(dec(&equivalent["delta"]), Decimal::ZERO, "every G act is valued at the new tariff");
    assert!(json.get("data_shift_from").is_none(), "same year, same data: nothing moved");
}

#[test]
fn an_unchanged_draft_changes_nothing() {
    let sandbox = with_draft();
    let json = draft_impact(&sandbox, "2025", "examples/malakoff");
    assert_eq!(dec(&json["delta"]), Decimal::ZERO);
    assert!(items(&json).is_empty(), "{:?}", items(&json));
}

#[test]
fn from_one_year_to_the_next_the_data_are_brought_into_each_year() {
    let sandbox = Sandbox::new();
    let json = compute_json(&sandbox.peps(&[
        "impact",
        "--from",
        "2024",
        "--to",
        "2025",
        "--rules",
        "rules",
        "--norms",
        "norms",
        "--format",
        "json",
        "examples/msp",
    ]));
    check_adds_up(&json);
    assert_eq!(json["data_shift_from"], serde_json::json!({ "from": 2025, "to": 2024 }));
    let equivalent = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == "equivalent_acte").expect("equivalent_acte");
    assert_ne!(dec(&equivalent["from"]), Decimal::ZERO, "2025 acts brought into 2024 are acts of 2024");
    assert_eq!(items(&json)[0]["kind"], "frame", "the year's frame comes first");
    let table = sandbox.peps(&["impact", "--from", "2024", "--to", "2025", "--rules", "rules", "--norms", "norms", "examples/msp"]);
    assert!(table.stdout.contains("data of 2025 brought into 2024"), "{}", table.stdout);
    assert!(!table.stdout.contains("no change"), "{}", table.stdout);
}

#[test]
fn a_step_that_needs_a_new_function_is_credited_jointly_with_it() {
    let sandbox = with_draft();
    // A new function in the draft's script, and the step that now calls it.
    sandbox.append(
        "draft/2025/formules.rhai",
        "\nfn taux_bonus_brouillon(score_qualite, taux_bonus_max) {\n    score_qualite * taux_bonus_max * 2.0\n}\n",
    );
    crate::patch::set(
        &sandbox.path().join("draft/2025/etapes.toml"),
        "step[name=taux_bonus]",
        "function",
        "\"formules.rhai::taux_bonus_brouillon\"",
    );
    // The new function reads less: the step's sentence, written for the shipped one, goes.
    crate::patch::remove(&sandbox.path().join("draft/2025/etapes.toml"), "step[name=taux_bonus]", &["explanation"]);
    let json = draft_impact(&sandbox, "2025", "examples/malakoff");
    check_adds_up(&json);
    let kinds: Vec<&str> = items(&json).iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["step", "formula"], "{:?}", items(&json));
    // The new function carries the joint credit: the step only calls it.
    assert!(items(&json)[1]["note"].as_str().unwrap().contains("evaluated together"), "{:?}", items(&json));
    assert!(items(&json)[0]["note"].as_str().unwrap().contains("credited jointly"), "{:?}", items(&json));
    assert_eq!(dec(&items(&json)[0]["delta"]), Decimal::ZERO, "the joint credit sits on the new item of the group");
}

#[test]
fn over_a_folder_of_cases_a_row_per_team_and_the_credits_summed() {
    let sandbox = Sandbox::new();
    let json = compute_json(
        &sandbox
            .peps(&["impact", "--from", "2024", "--to", "2025", "--rules", "rules", "--norms", "norms", "--format", "json", "examples"]),
    );
    let cases = json["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 3, "{cases:?}");
    let sum = |f: &str| cases.iter().map(|c| dec(&c[f])).sum::<Decimal>();
    assert_eq!(sum("total_from"), dec(&json["total_from"]));
    assert_eq!(sum("total_to"), dec(&json["total_to"]));
    let credits: Decimal = items(&json).iter().map(|i| dec(&i["delta"])).sum();
    assert_eq!(credits, dec(&json["delta"]), "the summed credits add up to the national delta");
    let deltas: Vec<Decimal> = cases.iter().map(|c| dec(&c["delta"]).abs()).collect();
    assert!(deltas.windows(2).all(|w| w[0] >= w[1]), "the largest impact first: {deltas:?}");
}

#[test]
fn an_input_one_year_does_not_know_is_a_warning_and_a_new_required_input_wants_a_default() {
    let sandbox = Sandbox::new();
    sandbox.append(
        "rules/2026/entrees.toml",
        "\n[pilotage]\nindice_nouveau = { type = \"rate\", default = \"0\", label = \"Indice nouveau en 2026\" }\n",
    );
    sandbox.append("examples/msp/team.toml", "\n[pilotage]\nindice_nouveau = \"0.5\"\n");
    let run = sandbox.peps(&["impact", "--from", "2025", "--to", "2026", "--rules", "rules", "--norms", "norms", "examples/msp"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("`pilotage.indice_nouveau` is not an input of the 2025 rules"), "{}", run.stderr);
    assert!(run.stdout.contains("input") && run.stdout.contains("pilotage.indice_nouveau"), "{}", run.stdout);
    let check = sandbox.peps(&["rules", "check", "--rules", "rules", "--norms", "norms"]);
    assert!(!check.stderr.contains("R119"), "a new input with a default is fine: {}", check.stderr);
    sandbox.edit("rules/2026/entrees.toml", "indice_nouveau = { type = \"rate\", default = \"0\",", "indice_nouveau = { type = \"rate\",");
    let check = sandbox.peps(&["rules", "check", "--rules", "rules", "--norms", "norms"]);
    assert!(check.stderr.contains("R119 new-input-without-default"), "{}", check.stderr);
}

#[test]
fn the_table_of_a_year_to_year_impact() {
    let sandbox = Sandbox::new();
    let run = sandbox.peps(&[
        "impact",
        "--from",
        "2025",
        "--to",
        "2026",
        "--rules",
        "rules",
        "--norms",
        "norms",
        "--locale",
        "fr",
        "examples/malakoff",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snap!("impact_malakoff_2025_2026", run.stdout);
}
