//! `peps impact --sweep`: cost curves. Every value swept is taken from the rule files of the last
//! shipped year (a tariff around its own value), and every total is checked against `compute` run
//! on a copy of the rules with that value written in: a new year or changed values never break
//! these tests.

use std::path::Path;

use rust_decimal::Decimal;

use crate::util::{Sandbox, compute_json, decimal_of, edit_toml, peps_default_in, shipped_years};

fn dec(v: &serde_json::Value) -> Decimal {
    match v {
        serde_json::Value::String(s) => s.parse().unwrap_or_else(|_| panic!("not a decimal: {v}")),
        other => other.to_string().parse().unwrap_or_else(|_| panic!("not a decimal: {v}")),
    }
}

fn last_year(sandbox: &Sandbox) -> i32 {
    *shipped_years(&sandbox.path().join("rules")).last().expect("a shipped year")
}

/// The tariff of code `code` in the year's `prestations` list, as the file writes it.
pub(crate) fn tariff(rules: &Path, year: i32, code: &str) -> Decimal {
    let text = std::fs::read_to_string(rules.join(year.to_string()).join("prestations.toml")).expect("prestations.toml");
    let doc: toml_edit::DocumentMut = text.parse().expect("TOML");
    let items = doc["prestations"]["items"].as_array_of_tables().expect("items");
    let item = items.iter().find(|t| t.get("code").and_then(|c| c.as_str()) == Some(code)).expect("the code");
    decimal_of(&item["tarif"])
}

/// Writes `value` as the tariff of every item of `code`.
fn set_tariff(rules: &Path, year: i32, code: &str, value: Decimal) {
    edit_toml(&rules.join(year.to_string()).join("prestations.toml"), |doc| {
        for t in doc["prestations"]["items"].as_array_of_tables_mut().expect("items").iter_mut() {
            if t.get("code").and_then(|c| c.as_str()) == Some(code) {
                t["tarif"] = toml_edit::value(value.to_string());
            }
        }
    });
}

fn sweep_json(sandbox: &Sandbox, year: i32, spec: &str, cases: &str) -> serde_json::Value {
    let y = year.to_string();
    compute_json(
        &sandbox.peps(&["impact", "--year", &y, "--rules", "rules", "--norms", "norms", "--sweep", spec, "--format", "json", cases]),
    )
}

/// The spec of a sweep of G's tariff from one euro below to one euro above its value, by 0.50.
pub(crate) fn g_spec(t: Decimal) -> String {
    format!("prestations.G.tarif={}..{}:0.50", t - Decimal::ONE, t + Decimal::ONE)
}

#[test]
fn a_tariff_sweep_gives_one_row_per_value_whose_totals_equal_compute_run_value_by_value() {
    let sandbox = Sandbox::new();
    let year = last_year(&sandbox);
    let t = tariff(&sandbox.path().join("rules"), year, "G");
    let json = sweep_json(&sandbox, year, &g_spec(t), "examples");
    let values = json["values"].as_array().expect("values");
    assert_eq!(values.len(), 5, "-1, -0.50, 0, +0.50, +1 around the tariff");
    assert_eq!(dec(&json["item"]["current"]), t);
    let cases: Vec<String> = json["cases"].as_array().unwrap().iter().map(|c| c["case"].as_str().unwrap().to_string()).collect();
    assert!(cases.contains(&"msp".to_string()) && cases.contains(&"malakoff".to_string()), "{cases:?}");
    // Each value written into a copy of the rules, each case computed: the same costs.
    let copy = Sandbox::new();
    for v in values {
        let value = dec(&v["value"]);
        set_tariff(&copy.path().join("rules"), year, "G", value);
        let mut sum = Decimal::ZERO;
        for (k, case) in cases.iter().enumerate() {
            let computed = compute_json(&copy.peps(&[
                "compute",
                "--year",
                &year.to_string(),
                "--rules",
                "rules",
                "--norms",
                "norms",
                "--format",
                "json",
                &format!("examples/{case}"),
            ]));
            let total = dec(&computed["total"]);
            assert_eq!(dec(&v["cases"][k]), total, "{case} at {value}");
            sum += total;
        }
        assert_eq!(dec(&v["total"]), sum, "the total at {value} is the sum of the cases");
    }
    // The curve moves: G's acts are valued at each tariff.
    assert_ne!(dec(&values[0]["total"]), dec(&values[4]["total"]));
    // The table, in French by default: one row per value, the rules' value marked.
    let y = year.to_string();
    let run = peps_default_in(
        sandbox.path(),
        &["impact", "--year", &y, "--rules", "rules", "--norms", "norms", "--sweep", &g_spec(t), "examples"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("Courbe de coût de prestations.G.tarif"), "{}", run.stdout);
    let rows: Vec<&str> = run.stdout.lines().filter(|l| l.trim_start().chars().next().is_some_and(|c| c.is_ascii_digit())).collect();
    assert_eq!(rows.len(), 5, "{}", run.stdout);
    assert_eq!(rows.iter().filter(|l| l.contains("← règles")).count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("Le plus grand pas"), "{}", run.stdout);
}

#[test]
fn the_largest_step_is_attributed_item_by_item_as_impact_gives_it() {
    let sandbox = Sandbox::new();
    let year = last_year(&sandbox);
    let t = tariff(&sandbox.path().join("rules"), year, "G");
    let json = sweep_json(&sandbox, year, &g_spec(t), "examples/msp");
    let step = &json["largest_step"];
    let (from, to) = (dec(&step["from"]), dec(&step["to"]));
    assert_eq!(to - from, Decimal::new(50, 2), "a step between two successive values");
    let items = step["items"].as_array().expect("items");
    let sum: Decimal = items.iter().map(|i| dec(&i["delta"])).sum();
    assert_eq!(sum, dec(&step["delta"]), "the credits add up to the step");
    assert_eq!((items[0]["kind"].as_str(), items[0]["name"].as_str()), (Some("list"), Some("prestations.G")));
    // The same step through `impact` on two copies of the rules.
    let (base, draft) = (Sandbox::new(), Sandbox::new());
    set_tariff(&base.path().join("rules"), year, "G", from);
    set_tariff(&draft.path().join("rules"), year, "G", to);
    let y = year.to_string();
    let base_rules = base.path().join("rules");
    let impact = compute_json(&draft.peps(&[
        "impact",
        "--year",
        &y,
        "--rules",
        "rules",
        "--baseline-rules",
        base_rules.to_str().unwrap(),
        "--norms",
        "norms",
        "--format",
        "json",
        "examples/msp",
    ]));
    assert_eq!(dec(&impact["delta"]), dec(&step["delta"]));
    let credited = &impact["items"][0];
    assert_eq!((credited["name"].as_str(), dec(&credited["delta"])), (Some("prestations.G"), dec(&items[0]["delta"])));
}

#[test]
fn json_csv_and_html_have_one_row_per_value_and_a_cost_per_case() {
    let sandbox = Sandbox::new();
    let year = last_year(&sandbox);
    let t = tariff(&sandbox.path().join("rules"), year, "G");
    let y = year.to_string();
    let spec = g_spec(t);
    let json = sweep_json(&sandbox, year, &spec, "examples");
    for key in ["year", "rules", "item", "from", "to", "step", "cases", "values", "largest_step"] {
        assert!(json.get(key).is_some(), "{key} in {json}");
    }
    let n_cases = json["cases"].as_array().unwrap().len();
    for v in json["values"].as_array().unwrap() {
        assert_eq!(v["cases"].as_array().unwrap().len(), n_cases);
    }
    let csv =
        sandbox.peps(&["impact", "--year", &y, "--rules", "rules", "--norms", "norms", "--sweep", &spec, "--format", "csv", "examples"]);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(lines.len(), 1 + 5, "a header and a row per value:\n{}", csv.stdout);
    let header: Vec<&str> = lines[0].split(';').collect();
    assert_eq!(&header[..3], ["value", "total", "errors"]);
    assert_eq!(header.len(), 3 + n_cases);
    for (line, v) in lines[1..].iter().zip(json["values"].as_array().unwrap()) {
        let cells: Vec<&str> = line.split(';').collect();
        assert_eq!(cells[0].parse::<Decimal>().unwrap(), dec(&v["value"]));
        assert_eq!(cells[1].parse::<Decimal>().unwrap(), dec(&v["total"]));
    }
    let html =
        sandbox.peps(&["impact", "--year", &y, "--rules", "rules", "--norms", "norms", "--sweep", &spec, "--format", "html", "examples"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert!(html.stdout.starts_with("<!DOCTYPE html>") && html.stdout.contains("<svg"), "a page with its chart");
    for outside in ["<script", "src=", "href="] {
        assert!(!html.stdout.contains(outside), "self-contained: no {outside}");
    }
    let points = html.stdout.split("points=\"").nth(1).and_then(|s| s.split('"').next()).expect("a polyline");
    assert_eq!(points.split_whitespace().count(), 5, "a point per value");
    // csv only serves with a sweep (html is also the page of one impact).
    let refused = sandbox.peps(&["impact", "--year", &y, "--rules", "rules", "--format", "csv", "examples/msp"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
}

#[test]
fn a_table_cell_and_a_parameter_are_swept_and_at_their_own_value_cost_what_compute_gives() {
    let sandbox = Sandbox::new();
    let year = last_year(&sandbox);
    let y = year.to_string();
    let computed =
        compute_json(&sandbox.peps(&["compute", "--year", &y, "--rules", "rules", "--norms", "norms", "--format", "json", "examples/msp"]));
    let total = dec(&computed["total"]);
    // The first row of the reference table, named by its keys as a lookup reads them.
    let text = std::fs::read_to_string(sandbox.path().join(format!("rules/{y}/tables.toml"))).unwrap();
    let doc: toml_edit::DocumentMut = text.parse().unwrap();
    let row = doc["forfait_reference"]["rows"].as_array().unwrap().get(0).unwrap().as_inline_table().unwrap();
    let age: Decimal = row["age"].as_str().unwrap().trim_start_matches('[').split(',').next().unwrap().trim().parse().unwrap();
    let keys = format!(
        "age={age},sexe={},nb_ald={},c2s={}",
        row["sexe"].as_str().unwrap(),
        row["nb_ald"].as_str().unwrap().trim_start_matches('[').split(',').next().unwrap().trim(),
        row["c2s"].as_bool().unwrap()
    );
    let amount: Decimal = row["montant"].as_str().unwrap().parse().unwrap();
    let spec = format!("forfait_reference[{keys}].montant={amount}..{}:1", amount + Decimal::ONE);
    let json = sweep_json(&sandbox, year, &spec, "examples/msp");
    assert_eq!(dec(&json["item"]["current"]), amount);
    assert_eq!(dec(&json["values"][0]["total"]), total, "at the rules' own value, the rules' total");
    // A parameter: the revaluation coefficient at its own value.
    let params = std::fs::read_to_string(sandbox.path().join(format!("rules/{y}/parametres.toml"))).unwrap();
    let doc: toml_edit::DocumentMut = params.parse().unwrap();
    let coef = decimal_of(&doc["coef_revalorisation_tarifaire"]["value"]);
    let spec = format!("coef_revalorisation_tarifaire={coef}..{}:0.01", coef + Decimal::new(1, 2));
    let json = sweep_json(&sandbox, year, &spec, "examples/msp");
    assert_eq!(dec(&json["values"][0]["total"]), total);
    assert_eq!(json["values"].as_array().unwrap().len(), 2);
}

#[test]
fn bad_sweeps_are_usage_errors_in_french_with_an_english_twin() {
    let sandbox = Sandbox::new();
    let y = last_year(&sandbox).to_string();
    let cases: [(&str, &str, &str); 10] = [
        ("prestatons.G.tarif=1..2:1", "vouliez-vous dire « prestations »", "did you mean “prestations”"),
        ("prestations.G.tarif=a..2:1", "« a » n'est pas un nombre", "“a” is not a number"),
        ("prestations.G.tarif=3..2:1", "dépasse sa fin", "is past its end"),
        ("prestations.G.tarif=1..2:0", "le pas doit être positif", "the step must be positive"),
        ("prestations.G.tarif=1..2:-1", "le pas doit être positif", "the step must be positive"),
        ("prestations.G.tarif=0..5000:1", "au plus 1000", "at most 1000"),
        ("prestations.G.tarif", "NOM=DE..À:PAS", "NAME=FROM..TO:STEP"),
        ("prestations.NOPE.tarif=1..2:1", "« NOPE » n'est pas dans « prestations »", "“NOPE” is not in “prestations”"),
        ("forfait_reference[age=3].montant=1..2:1", "donner une valeur à chaque clé", "give a value to every key"),
        ("date_observation=1..2:1", "ne porte pas un nombre", "does not hold a number"),
    ];
    for (spec, fr, en) in cases {
        let args = ["impact", "--year", &y, "--rules", "rules", "--norms", "norms", "--sweep", spec, "examples/msp"];
        let run = peps_default_in(sandbox.path(), &args);
        assert_eq!(run.code, 2, "{spec}: {}", run.stderr);
        assert!(run.stderr.contains(fr), "{spec}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{spec}: nothing printed but the error");
        let run = sandbox.peps(&args);
        assert_eq!(run.code, 2, "{spec}: {}", run.stderr);
        assert!(run.stderr.contains(en), "{spec}: {}", run.stderr);
    }
    // Without a year there are no rules to sweep.
    let run = sandbox.peps(&["impact", "--sweep", "prestations.G.tarif=1..2:1", "examples/msp"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}
