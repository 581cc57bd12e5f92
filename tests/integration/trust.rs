//! Trusting the figure: `peps explain`, provenance shares, the HTML report and the docs.

use rust_decimal::Decimal;

use crate::snap;
use crate::util::{Sandbox, compute_json, french_money, output, peps, repo};

fn dec(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap_or_else(|| panic!("not a decimal string: {v}")).parse().unwrap()
}

#[test]
fn explain_shows_a_step_down_to_its_parameters_and_table_cells() {
    let run = peps(&["explain", "--year", "2025", "examples/msp", "taux_fidelisation"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snap!("explain_msp_taux_fidelisation", run.stdout);
    let run = peps(&["explain", "--year", "2025", "--depth", "1", "--details", "examples/msp", "forfait_ajuste"]);
    // What the explanation must show, read from the rules and the computation themselves.
    let params: toml::Table = toml::from_str(&std::fs::read_to_string(repo().join("rules/2025/parametres.toml")).unwrap()).unwrap();
    let coef = &params["coef_revalorisation_tarifaire"];
    let (value, status) = (coef["value"].as_str().expect("one value"), coef["status"].as_str().unwrap());
    assert!(run.stdout.contains(&format!("(parameter `coef_revalorisation_tarifaire`) = {value} [{status}]")), "{}", run.stdout);
    assert!(
        run.stdout.lines().any(|l| l.contains(" · sexe ") && l.contains(" rows, ") && l.contains(" € ")),
        "the cells of the forfait table, with their counts: {}",
        run.stdout
    );
    let computed = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/msp"]));
    let patients = output(&computed, "patientele_peps");
    assert!(run.stdout.contains(&format!("(patientele_peps) = {patients} (")), "{}", run.stdout);
    assert!(run.stdout.contains("(not opened: raise --depth)"), "{}", run.stdout);
}

#[test]
fn explain_json_nests_the_outputs_read() {
    let json = compute_json(&peps(&["explain", "--year", "2025", "--format", "json", "examples/malakoff"]));
    let computed = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/malakoff"]));
    assert_eq!(json["name"], computed["total_name"], "explain opens at the total");
    let mut inputs: Vec<&str> = json["inputs"].as_array().unwrap().iter().map(|n| n["name"].as_str().unwrap()).collect();
    let mut components: Vec<&str> = computed["components"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    inputs.sort_unstable();
    components.sort_unstable();
    assert_eq!(inputs, components, "the total reads its components");
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

#[test]
fn the_html_report_is_one_self_contained_page_with_a_waterfall() {
    // As a user runs it: French words and numbers.
    let run = crate::util::peps_default_in(&crate::util::repo(), &["compute", "--year", "2025", "--format", "html", "examples/malakoff"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = &run.stdout;
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("<meta name=\"viewport\" content=\"width=device-width"), "readable on a phone");
    for external in ["src=\"http", "href=\"http", "<script", "<link", "url("] {
        assert!(!html.contains(external), "the page must not load `{external}`");
    }
    let computed = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/malakoff"]));
    let total = dec(&computed["total"]);
    assert!(html.contains(&french_money(total)), "the total in French format: {}", french_money(total));
    // One row per declared bar and the total, each with its label in full: nothing is cut.
    let bars = computed["waterfall"].as_array().unwrap();
    assert_eq!(html.matches("<div class=\"wf-row ").count(), bars.len() + 1, "the declared bars and the total");
    for bar in bars {
        let label = bar["label"].as_str().unwrap();
        assert!(html.contains(&format!("<div class=\"wf-label\">{}</div>", crate::util::html_escape(label))), "bar label in full: {label}");
    }
    assert!(!html.contains('…'), "no label is cut");
    // Rates are percentages; the assumptions are read by their labels, with the share of the total.
    let rate = computed["outputs"].as_array().unwrap().iter().find(|o| o["unit"] == "rate").expect("a rate output");
    assert!(
        !html.contains(&format!("<td class=\"num\">{}</td>", rate["value"].as_str().unwrap())),
        "a rate is not shown as a bare decimal"
    );
    assert!(html.contains(" %</td>"), "rates as percentages");
    let assumed = computed["assumed_labels"].as_object().expect("labels of the assumed items");
    for label in assumed.values() {
        assert!(html.contains(&crate::util::html_escape(label.as_str().unwrap())), "the assumption {label} by its label");
    }
}

#[test]
fn the_html_report_of_an_ineligible_team_lists_each_failed_criterion_with_its_value_and_threshold() {
    let run = crate::util::peps_default_in(&crate::util::repo(), &["compute", "--year", "2025", "--format", "html", "examples/ineligible"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/ineligible"]));
    let failed = json["failed_checks"].as_array().expect("failed checks");
    assert!(!failed.is_empty());
    for c in failed {
        let compared = &c["compared"];
        let (value, threshold) = (compared["value"].as_str().unwrap(), compared["threshold"].as_str().unwrap());
        // By its label; its name in the rules only in the folded technical section.
        let (words, technical) = run.stdout.split_at(run.stdout.find("<details").expect("a technical section"));
        let line = format!("{} : {value}, il en faut", c["label"].as_str().unwrap());
        assert!(crate::util::html_unescape(words).contains(&line), "{line}");
        let key = format!("<code>{}</code>", c["key"].as_str().unwrap());
        assert!(!words.contains(&format!("({})", c["key"].as_str().unwrap())) && technical.contains(&key), "{key}");
        assert!(run.stdout.contains(threshold), "the threshold {threshold}");
    }
}

#[test]
fn docs_render_every_part_of_the_rulebook() {
    // The document is French unless asked otherwise.
    let run = peps(&["docs", "--year", "2025", "--lang", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = &run.stdout;
    for part in [
        "## Paramètres",
        "## Tables",
        "(`forfait_reference`)\n",
        "## Listes",
        "| `G` |",
        "## Indicateurs",
        "## Calendrier",
        "| 20/07/2026 |",
        "## Étapes du calcul",
        "fn taux_fidelisation(",
        "## Norme `actnom` v1",
        "| `NIR_PATIENT` |",
    ] {
        assert!(md.contains(part), "the document lacks `{part}`");
    }
    let sandbox = Sandbox::new();
    let run = sandbox.peps(&["docs", "--year", "2025", "--rules", "rules", "--norms", "norms", "-o", "out", "--lang", "fr"]);
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
    let mut written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(sandbox.path().join("m.json")).unwrap()).unwrap();
    // The file also says which rules were read: here the folder given by --rules.
    let rules = written.as_object_mut().unwrap().remove("rules").expect("the rules the run read");
    assert_eq!(rules[0]["origin"], "folder", "{rules}");
    assert_eq!(rules[0]["folder"], "rules", "{rules}");
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

#[test]
fn a_bar_of_the_waterfall_may_be_named_after_what_changes_and_only_a_bar() {
    let computed = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/malakoff"]));
    let bars = computed["waterfall"].as_array().unwrap();
    let outputs = computed["outputs"].as_array().unwrap();
    let rulebook: toml::Table = toml::from_str(&std::fs::read_to_string(repo().join("rules/2025/rulebook.toml")).unwrap()).unwrap();
    let named = rulebook["result"].get("bar_labels").and_then(|b| b.as_table()).cloned().unwrap_or_default();
    for bar in bars {
        let name = bar["name"].as_str().unwrap();
        let step_label = outputs.iter().find(|o| o["name"] == name).map(|o| o["label"].as_str().unwrap());
        let expected = named.get(name).and_then(|l| l.as_str()).or(step_label);
        assert_eq!(bar["label"].as_str(), expected, "bar {name}");
    }
    let sandbox = Sandbox::new();
    crate::util::edit_toml(&sandbox.path().join("rules/2025/rulebook.toml"), |doc| {
        doc["result"]["bar_labels"] = toml_edit::value(toml_edit::InlineTable::from_iter([("nb_infirmiers", "Infirmiers")]));
    });
    let run = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("names `nb_infirmiers`, which is not a bar"), "{}", run.stderr);
}
