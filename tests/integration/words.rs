//! Every figure explained in words (issue 26, item 2): each step of every shipped rulebook says,
//! by default, how its figure came out with its values — never a function name nor source code.

use std::path::Path;

use regex::Regex;

use crate::util::{Sandbox, compute_json, peps, peps_default_in, repo, shipped_years};

/// Each shipped scheme: its rules folder, the `--scheme` that reads it, and an example case.
const SCHEMES: &[(&str, Option<&str>, &str)] =
    &[("rules", None, "examples/msp"), ("rules/capitation", Some("capitation"), "examples/capitation/centre")];

/// The steps of a year as its rulebook lists them: `(name, the step's table)`.
fn steps_of(year_dir: &Path) -> Vec<(String, toml::Table)> {
    let manifest: toml::Table = toml::from_str(&std::fs::read_to_string(year_dir.join("rulebook.toml")).unwrap()).unwrap();
    let files = manifest["files"]["steps"].as_array().expect("[files] steps");
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(year_dir.join(f.as_str().unwrap())).unwrap();
        let doc: toml::Table = toml::from_str(&text).unwrap();
        for step in doc["step"].as_array().unwrap() {
            let step = step.as_table().unwrap().clone();
            out.push((step["name"].as_str().unwrap().to_string(), step));
        }
    }
    out
}

/// The names of the Rhai functions of a year's scripts.
fn functions_of(year_dir: &Path) -> Vec<String> {
    let fns = Regex::new(r"(?m)^\s*fn\s+([A-Za-z_][A-Za-z0-9_]*)").unwrap();
    let mut out = Vec::new();
    for entry in std::fs::read_dir(year_dir).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "rhai") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            out.extend(fns.captures_iter(&text).map(|c| c[1].to_string()));
        }
    }
    out
}

#[test]
fn every_formula_step_of_every_shipped_rulebook_writes_its_explanation() {
    let mut lacking = Vec::new();
    for (rules, _, _) in SCHEMES {
        let rules = repo().join(rules);
        for year in shipped_years(&rules) {
            for (name, step) in steps_of(&rules.join(year.to_string())) {
                let formula = step.contains_key("formula") || step.contains_key("function");
                if formula && !step.contains_key("explanation") {
                    lacking.push(format!("{}/{year}: {name}", rules.display()));
                }
            }
        }
    }
    assert!(lacking.is_empty(), "formula steps without `explanation`, which explain would show as code: {lacking:?}");
}

#[test]
fn explain_says_every_step_of_every_year_in_french_words_with_values() {
    // A number written the French way: a decimal comma, thousands grouped by a space, a sign
    // after a space, a date `JJ/MM/AAAA`.
    let french = Regex::new(r"\d,\d|\d[\u{202f}\u{a0}]\d{3}|\d[\u{a0}][%€]|\d{2}/\d{2}/\d{4}").unwrap();
    let english = Regex::new(r"\d\.\d").unwrap();
    let code = Regex::new(r"::|formules\.rhai|\bfn\b|\.rhai|[{}]").unwrap();
    let mut jobs = Vec::new();
    for &(rules, scheme, case) in SCHEMES {
        for year in shipped_years(&repo().join(rules)) {
            jobs.push((rules, scheme, case, year));
        }
    }
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .iter()
            .map(|&(rules, scheme, case, year)| {
                let (french, english, code) = (&french, &english, &code);
                s.spawn(move || {
                    let mut failures = Vec::new();
                    let year_dir = repo().join(rules).join(year.to_string());
                    let functions = functions_of(&year_dir);
                    let y = year.to_string();
                    let mut base = vec!["--year", y.as_str()];
                    if let Some(scheme) = scheme {
                        base.extend(["--scheme", scheme]);
                    }
                    let json =
                        compute_json(&peps_default_in(&repo(), &[&["compute", "--format", "json"], base.as_slice(), &[case]].concat()));
                    let outputs = json["outputs"].as_array().unwrap();
                    let steps = steps_of(&year_dir);
                    if outputs.len() != steps.len() {
                        failures.push(format!("{rules} {year}: {case} evaluates {} of {} steps", outputs.len(), steps.len()));
                    }
                    for o in outputs {
                        let name = o["name"].as_str().unwrap();
                        let words = o["explanation"].as_str().unwrap_or_default();
                        let run = peps_default_in(&repo(), &[&["explain"], base.as_slice(), &[case, name]].concat());
                        let mut wrong = Vec::new();
                        if run.code > 1 {
                            wrong.push(format!("exit {}: {}", run.code, run.stderr));
                        }
                        if words.is_empty() || !run.stdout.contains(words) {
                            wrong.push("the default output does not say the step's sentence".to_string());
                        }
                        if !words.chars().any(|c| c.is_ascii_digit()) {
                            wrong.push("no value in the sentence".to_string());
                        }
                        if let Some(m) = code.find(words).or_else(|| code.find(&run.stdout)) {
                            wrong.push(format!("code in the default output: `{}`", m.as_str()));
                        }
                        if let Some(f) = functions.iter().find(|f| words.contains(f.as_str())) {
                            wrong.push(format!("the function name `{f}`"));
                        }
                        if english.is_match(words) {
                            wrong.push("a number written the English way".to_string());
                        }
                        // A count is written the same in every language; euros and rates are not.
                        let money_or_rate = matches!(o["unit"].as_str(), Some("EUR" | "rate"));
                        if money_or_rate && !french.is_match(words) {
                            wrong.push("no number written the French way".to_string());
                        }
                        if !wrong.is_empty() {
                            failures.push(format!("{rules} {year} {name}: {wrong:?}\n  {words}"));
                        }
                    }
                    failures
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_cap_says_which_side_won_with_the_values_compute_gives() {
    let json = compute_json(&peps(&["compute", "--year", "2025", "--format", "json", "examples/msp"]));
    let output = |name: &str| json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == name).unwrap().clone();
    let (cap, cut) = (output("plafond"), output("ecretement_plafond"));
    let run = peps_default_in(&repo(), &["explain", "--year", "2025", "examples/msp", "ecretement_plafond"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sentence = run.stdout.lines().nth(1).unwrap_or_default().replace(['\u{a0}', '\u{202f}'], " ");
    let cut_value: rust_decimal::Decimal = cut["value"].as_str().unwrap().parse().unwrap();
    let french =
        |v: &serde_json::Value| crate::util::french_money(v.as_str().unwrap().parse().unwrap()).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(sentence.contains(&french(&cap["value"])), "the cap's value: {sentence}");
    assert!(sentence.contains(&french(&cut["value"])), "the amount cut: {sentence}");
    if cut_value.is_sign_negative() {
        assert!(sentence.contains(" < ") && sentence.contains("est écrêté"), "the cap bites: {sentence}");
    }
    // The cap nearly doubled: the sentence follows the value, whichever branch it takes.
    let sandbox = Sandbox::new();
    sandbox.set_key("rules/2025/parametres.toml", "taux_plafond", "value", "\"0.99\"");
    let json = compute_json(&sandbox.peps(&["compute", "--year", "2025", "--format", "json", "examples/msp"]));
    let cut = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == "ecretement_plafond").unwrap()["value"].clone();
    let cut: rust_decimal::Decimal = cut.as_str().unwrap().parse().unwrap();
    let run = sandbox.peps(&["explain", "--year", "2025", "--lang", "fr", "examples/msp", "ecretement_plafond"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let raised = run.stdout.lines().nth(1).unwrap_or_default();
    let said = if cut.is_zero() { "rien n'est écrêté" } else { "est écrêté" };
    assert!(raised.contains(said), "{cut}: {raised}");
}

#[test]
fn details_add_the_calculation_to_the_summary() {
    let plain = peps_default_in(&repo(), &["explain", "--year", "2025", "examples/msp", "taux_fidelisation"]);
    let details = peps_default_in(&repo(), &["explain", "--year", "2025", "--details", "examples/msp", "taux_fidelisation"]);
    assert_eq!(details.code, 0, "{}", details.stderr);
    assert!(!plain.stdout.contains("formules.rhai"), "no function by default: {}", plain.stdout);
    assert!(details.stdout.contains("formules.rhai::taux_fidelisation"), "--details shows the calculation: {}", details.stdout);
    assert!(plain.stdout.contains("--details"), "the summary says what --details adds");
}

#[test]
fn a_new_year_keeps_every_explanation() {
    let sandbox = Sandbox::new();
    let years = shipped_years(&sandbox.path().join("rules"));
    let (last, next) = (*years.last().unwrap(), years.last().unwrap() + 1);
    let run = sandbox.peps(&["rules", "new-year", &next.to_string(), "--from", &last.to_string()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let said = |year: i32| -> Vec<(String, toml::Value)> {
        steps_of(&sandbox.path().join("rules").join(year.to_string()))
            .into_iter()
            .filter_map(|(name, step)| Some((name, step.get("explanation")?.clone())))
            .collect()
    };
    assert!(!said(last).is_empty());
    assert_eq!(said(next), said(last), "the new year says its steps as the year it comes from");
}
