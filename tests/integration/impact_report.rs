//! `peps impact` for a director (issue 27, part 4): a new component credited to itself, labels
//! whole with their `{parameter}` shown, French numbers, and `--format html` — the totals of each
//! team, a chart of the deltas, each item with its own delta. Edits are made on a copy of the
//! rules by item name; expected figures come from the rule files and from `impact --format json`
//! on the same copy, never from amounts written here.

use std::path::Path;

use rust_decimal::Decimal;

use crate::util::{Sandbox, compute_json, copy_dir, decimal_of, edit_toml, french_money, html_escape, shipped_years};

fn dec(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap_or_else(|| panic!("not a decimal string: {v}")).parse().unwrap()
}

/// The new component's name, its parameter and the parameter's amount.
const COMPONENT: &str = "forfait_coordination_test";
const PARAMETER: &str = "montant_coordination_test";

/// A sandbox whose `draft/` is the last shipped year with what a policy officer adds for a new
/// component, as the yearly update guide has her do: a parameter, a step reading it whose label
/// shows its value (`{name}`), the total's formula and `[result] components` reading the step;
/// and the revaluation coefficient raised by 3 %. Returns the sandbox, the year, and the
/// coefficient's value before and after.
fn draft_with_a_new_component() -> (Sandbox, i32, Decimal, Decimal) {
    let sandbox = Sandbox::new();
    let rules = sandbox.path().join("rules");
    copy_dir(&rules, &sandbox.path().join("draft"));
    let year = *shipped_years(&rules).last().expect("a shipped year");
    let dir = sandbox.path().join(format!("draft/{year}"));
    let mut coefficient = (Decimal::ZERO, Decimal::ZERO);
    edit_toml(&dir.join("parametres.toml"), |doc| {
        let before = decimal_of(&doc["coef_revalorisation_tarifaire"]["value"]);
        let after = (before * Decimal::new(103, 2)).round_dp(6).normalize();
        doc["coef_revalorisation_tarifaire"]["value"] = toml_edit::value(after.to_string());
        coefficient = (before, after);
    });
    sandbox.append(
        &format!("draft/{year}/parametres.toml"),
        &format!(
            "\n[{PARAMETER}]\nlabel = \"Montant de la coordination (essai)\"\nunit = \"EUR\"\nvalue = \"1500.00\"\nstatus = \"assumed\"\nreference = \"essai\"\n"
        ),
    );
    let mut total = String::new();
    edit_toml(&dir.join("rulebook.toml"), |doc| {
        total = doc["result"]["total"].as_str().expect("[result] total").to_string();
        doc["result"]["components"].as_array_mut().expect("components").push(COMPONENT);
    });
    let steps = step_file_of(&dir, &total);
    edit_toml(&steps, |doc| {
        let step = doc["step"]
            .as_array_of_tables_mut()
            .expect("steps")
            .iter_mut()
            .find(|s| s.get("name").and_then(|n| n.as_str()) == Some(total.as_str()))
            .expect("the total's step");
        let formula = step["formula"].as_str().expect("the total is a formula").to_string();
        step["formula"] = toml_edit::value(format!("{formula} + {COMPONENT}"));
    });
    let file = steps.file_name().unwrap().to_string_lossy().into_owned();
    sandbox.append(
        &format!("draft/{year}/{file}"),
        &format!(
            "\n[[step]]\nname = \"{COMPONENT}\"\nlabel = \"Forfait de coordination de {{{PARAMETER}}} par équipe\"\nunit = \"EUR\"\nformula = \"{PARAMETER}\"\n"
        ),
    );
    (sandbox, year, coefficient.0, coefficient.1)
}

/// The steps file of `dir` that defines step `name`.
fn step_file_of(dir: &Path, name: &str) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .expect("year folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .find(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains(&format!("name = \"{name}\""))))
        .unwrap_or_else(|| panic!("no file defines step {name}"))
}

fn impact(sandbox: &Sandbox, year: i32, format: &str, case: &str) -> crate::util::Run {
    let year = year.to_string();
    sandbox.peps(&[
        "impact",
        "--year",
        &year,
        "--rules",
        "draft",
        "--baseline-rules",
        "rules",
        "--norms",
        "norms",
        "--locale",
        "fr",
        "--format",
        format,
        case,
    ])
}

fn item<'j>(json: &'j serde_json::Value, name: &str) -> &'j serde_json::Value {
    json["items"].as_array().expect("items").iter().find(|i| i["name"] == name).unwrap_or_else(|| panic!("no item {name}: {json}"))
}

/// A rate as the French display writes it: every digit, as a percentage (`1.166063` → `116,6063 %`).
fn french_rate(r: Decimal) -> String {
    format!("{} %", (r * Decimal::ONE_HUNDRED).normalize().to_string().replace('.', ","))
}

#[test]
fn a_new_component_is_credited_to_itself_not_to_the_total_that_reads_it() {
    let (sandbox, year, _, _) = draft_with_a_new_component();
    let json = compute_json(&impact(&sandbox, year, "json", "examples/malakoff"));
    let own = item(&json, COMPONENT);
    // What the component adds is its own value on the case: the change of the total that the
    // other changed item (the coefficient) does not explain.
    let others: Decimal = json["items"].as_array().unwrap().iter().filter(|i| i["name"] != COMPONENT).map(|i| dec(&i["delta"])).sum();
    assert_ne!(dec(&own["delta"]), Decimal::ZERO, "the new component has its own credit: {json}");
    assert_eq!(dec(&own["delta"]) + others, dec(&json["delta"]));
    let value = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == COMPONENT).expect("the component's output");
    assert_eq!(dec(&own["delta"]), dec(&value["to"]), "credited with what it adds: {json}");
    for i in json["items"].as_array().unwrap() {
        if i["kind"] == "step" && i["name"] != COMPONENT || i["kind"] == "result" {
            assert_eq!(dec(&i["delta"]), Decimal::ZERO, "the total and [result] only wire the component in: {i}");
        }
    }
    let label = own["label"].as_str().expect("label");
    assert!(!label.contains('{'), "the label shows the parameter's value, not its name: {label}");
    assert!(label.contains("500,00"), "the amount written the French way: {label}");
}

#[test]
fn the_impact_table_shows_whole_labels_and_french_values() {
    let (sandbox, year, before, after) = draft_with_a_new_component();
    let run = impact(&sandbox, year, "table", "examples/msp");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    let parameters = std::fs::read_to_string(sandbox.path().join(format!("draft/{year}/parametres.toml"))).unwrap();
    let doc: toml_edit::DocumentMut = parameters.parse().unwrap();
    let label = doc["coef_revalorisation_tarifaire"]["label"].as_str().unwrap();
    // A label may wrap at the table's width, its delta on its first line: whole, never cut.
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let whole = format!("{label} (coef_revalorisation_tarifaire)");
    let row = out.lines().skip_while(|l| !l.contains(label.split(' ').next().unwrap())).take(3).collect::<Vec<_>>().join(" ");
    let words: Vec<&str> = row.split_whitespace().filter(|w| !w.contains('€') && !w.contains(',') || whole.contains(w)).collect();
    assert!(words.join(" ").contains(&whole), "whole label: {out}");
    assert!(flat.contains(&format!("{} → {}", french_rate(before), french_rate(after))), "French values: {out}");
    assert!(!out.contains('…'), "nothing cut: {out}");
    assert!(!out.contains(&format!("{{{PARAMETER}")), "no raw placeholder: {out}");
}

/// The rows of an HTML table whose class is `class`.
fn rows<'h>(html: &'h str, class: &str) -> Vec<&'h str> {
    html.split("<tr").filter(|r| r.starts_with(&format!(" class=\"{class}\""))).collect()
}

#[test]
fn the_html_report_of_one_case_has_the_totals_a_chart_and_each_items_own_delta() {
    let (sandbox, year, before, after) = draft_with_a_new_component();
    let json = compute_json(&impact(&sandbox, year, "json", "examples/malakoff"));
    let run = impact(&sandbox, year, "html", "examples/malakoff");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = &run.stdout;
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"), "a whole page");
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src=\"http"), "self-contained");
    // The team's totals, French numbers.
    let teams = rows(html, "team");
    assert_eq!(teams.len(), 1, "{html}");
    for total in ["total_from", "total_to", "delta"] {
        let amount = french_money(dec(&json[total]).abs());
        assert!(teams[0].contains(&amount), "{total} {amount} in {}", teams[0]);
    }
    // A chart: one bar per item with a credit.
    let credited = json["items"].as_array().unwrap().iter().filter(|i| !dec(&i["delta"]).is_zero()).count();
    assert!(credited > 0);
    assert_eq!(html.matches("<span class=\"wf-bar\"").count(), credited, "{html}");
    // Each item its row, with its own delta.
    let items = rows(html, "item");
    assert_eq!(items.len(), json["items"].as_array().unwrap().len(), "{html}");
    for i in json["items"].as_array().unwrap() {
        let name = html_escape(i["name"].as_str().unwrap());
        let row = items.iter().find(|r| r.contains(&format!("({name})")) || r.contains(&format!(">{name}<"))).expect("the item's row");
        let d = dec(&i["delta"]);
        let amount = format!("{}{}", if d > Decimal::ZERO { "+" } else { "" }, french_money(d));
        assert!(row.contains(&html_escape(&amount)), "{name}: {amount} in {row}");
    }
    let own = items.iter().find(|r| r.contains(&format!("({COMPONENT})"))).unwrap();
    assert!(!own.contains("+0,00") && !own.contains(">0,00 €"), "the new component's own delta: {own}");
    let coefficient = items.iter().find(|r| r.contains("(coef_revalorisation_tarifaire)")).expect("the coefficient's row");
    let (before, after_shown) = (french_rate(before), french_rate(after));
    assert!(coefficient.contains(&format!(">{before}</td>")) && coefficient.contains(&format!(">{after_shown}</td>")), "{coefficient}");
    assert!(!html.contains(&format!("{{{PARAMETER}")), "no raw placeholder");
    assert!(!html.contains(&after.to_string()), "no plain number: {after}");
    // A short method note.
    let method = html.split("class=\"muted method\">").nth(1).and_then(|m| m.split("</p>").next()).expect("the method");
    assert!(method.chars().count() < 300, "short: {method}");
}

#[test]
fn the_html_report_of_a_folder_has_a_row_per_team_and_the_overall_total() {
    let (sandbox, year, _, _) = draft_with_a_new_component();
    let json = compute_json(&impact(&sandbox, year, "json", "examples"));
    let run = impact(&sandbox, year, "html", "examples");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = &run.stdout;
    let cases = json["cases"].as_array().unwrap();
    let teams = rows(html, "team");
    assert_eq!(teams.len(), cases.len(), "a row per team");
    for (row, case) in teams.iter().zip(cases) {
        assert!(row.contains(&html_escape(case["name"].as_str().unwrap())), "in the order of the impact: {row}");
        assert!(row.contains(&french_money(dec(&case["total_to"]))), "{row}");
    }
    let overall = rows(html, "overall");
    assert!(overall[0].contains(&french_money(dec(&json["total_to"]))), "the overall total: {}", overall[0]);
    assert!(html.contains("class=\"wf chart\""), "a chart of the deltas");
    let own = dec(&item(&json, COMPONENT)["delta"]);
    assert!(own > Decimal::ZERO, "summed over the teams, the component keeps its own credit");
    let row = rows(html, "item").into_iter().find(|r| r.contains(&format!("({COMPONENT})"))).expect("its row");
    assert!(row.contains(&format!("+{}", french_money(own))), "{row}");
}
