//! Every year as data: `peps rules check|diff|new-year`, and the corpus of malformed rulebooks in
//! `tests/rules-malformed/`, whose diagnostics are an interface. The cross-year matrix and its
//! blessing are tested beside the snapshots (`snapshots/blessing.rs`).

use std::path::{Path, PathBuf};

use crate::snap;
use crate::util::{Run, Sandbox, copy_dir, edit_toml, list_item, peps, repo};

/// A temporary copy of `rules/` and `norms/` only (the corpus does not need the examples).
fn rules_sandbox() -> Sandbox {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["rules", "norms"] {
        copy_dir(&repo().join(name), &dir.path().join(name));
    }
    Sandbox { dir }
}

fn in_sandbox(sandbox: &Sandbox, args: &[&str]) -> Run {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--rules", "rules", "--norms", "norms"]);
    sandbox.peps(&all)
}

#[test]
fn the_2021_rulebook_has_no_cap_and_its_components_still_add_up() {
    let json = |y: &str| -> serde_json::Value {
        let run = peps(&["compute", "--year", y, "--format", "json", "examples/malakoff"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str(&run.stdout).expect("JSON")
    };
    let j = json("2021");
    let names: Vec<&str> = j["outputs"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap()).collect();
    assert!(!names.contains(&"plafond") && !names.contains(&"ecretement_plafond"), "{names:?}");
    assert_eq!(
        j["components"],
        serde_json::json!(["forfait_territorial", "bonus_qualite", "complement_nouveaux_patients", "remboursement_ik"])
    );
    let j = json("2022");
    assert!(j["outputs"].as_array().unwrap().iter().any(|o| o["name"] == "ecretement_plafond"));
}

// ---------------------------------------------------------------------------------------------
// rules check

/// Passes whichever years ship: the summary's exact text is blessed with the matrices
/// (`snapshots/blessing.rs`, rewritten by `peps rules regress --accept`).
#[test]
fn rules_check_passes_on_every_shipped_year() {
    let run = peps(&["rules", "check"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.is_empty(), "no diagnostic at all: {}", run.stderr);
    let shipped = crate::util::shipped_years(&repo().join("rules"));
    assert!(shipped.len() >= 6, "{shipped:?}");
    for year in &shipped {
        let line = run.stdout.lines().find(|l| l.split_whitespace().next() == Some(&year.to_string()));
        assert!(line.is_some_and(|l| l.split_whitespace().nth(1) == Some("ok")), "{year} not ok:\n{}", run.stdout);
    }
    for pair in shipped.windows(2) {
        let arrow = format!("{} → {}", pair[0], pair[1]);
        assert!(
            run.stdout.lines().any(|l| l.starts_with(&arrow) && l[arrow.len()..].trim_start().starts_with("ok")),
            "{arrow}:\n{}",
            run.stdout
        );
    }
    let run = peps(&["rules", "check", "--format", "json", "2024", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["ok"], true);
    let years: Vec<i64> = json["years"].as_array().unwrap().iter().map(|y| y["year"].as_i64().unwrap()).collect();
    assert_eq!(years, vec![2024, 2025]);
    let coverage: Vec<(i64, i64)> =
        json["coverage"].as_array().unwrap().iter().map(|c| (c["from"].as_i64().unwrap(), c["to"].as_i64().unwrap())).collect();
    assert_eq!(coverage, vec![(2023, 2024), (2024, 2025)]);
}

#[test]
fn rules_check_of_a_missing_year_is_a_usage_error() {
    let run = peps(&["rules", "check", "2019"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no rulebook for 2019"), "{}", run.stderr);
}

#[test]
fn a_removal_recorded_in_retraits_toml_is_accepted() {
    let sandbox = rules_sandbox();
    rename_parameter(&sandbox);
    let run = in_sandbox(&sandbox, &["rules", "check", "2025"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("parameter `seuil_forte_augmentation` of 2024 is absent from 2025"), "{}", run.stderr);
    sandbox.append(
        "rules/2025/retraits.toml",
        "\n[seuil_forte_augmentation]\nkind = \"parameter\"\nreference = \"Renommé seuil_hausse_patientele\"\n",
    );
    let run = in_sandbox(&sandbox, &["rules", "check", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_code_dropped_from_a_list_must_be_recorded_unless_the_rules_say_it_expires() {
    let sandbox = rules_sandbox();
    let path = |y: &str| sandbox.path().join(format!("rules/{y}/prestations.toml"));
    let mut code = String::new();
    edit_toml(&path("2026"), |doc| {
        let items = doc["prestations"]["items"].as_array_of_tables_mut().expect("items");
        code = items.get(0).and_then(|t| t.get("code")).and_then(|c| c.as_str()).expect("a code").to_string();
        items.retain(|t| t.get("code").and_then(|c| c.as_str()) != Some(code.as_str()));
    });
    let run = in_sandbox(&sandbox, &["rules", "check", "2026"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains(&format!("code `prestations.{code}` of 2025 is absent from 2026")), "{}", run.stderr);
    // An end of validity inside 2025, written in the 2025 rules, is enough.
    edit_toml(&path("2025"), |doc| {
        list_item(doc, "prestations", &code)["to"] = toml_edit::value(toml_edit::Date { year: 2025, month: 6, day: 30 });
    });
    let run = in_sandbox(&sandbox, &["rules", "check", "2026"]);
    assert!(!run.stderr.contains("R118"), "{}", run.stderr);
}

/// `rules check` loads its years and checks its norms on several threads: what it says, and in
/// which order, is what it says on one thread — with a file that does not parse in one year, a
/// file missing in another, an unknown key in a third and a norm that every year reads broken.
#[test]
fn rules_check_says_on_several_threads_what_it_says_on_one() {
    let sandbox = rules_sandbox();
    let years = crate::util::shipped_years(&sandbox.path().join("rules"));
    assert!(years.len() >= 3, "{years:?}");
    let (first, middle, last) = (years[0], years[years.len() / 2], years[years.len() - 1]);
    sandbox.append(&format!("rules/{first}/parametres.toml"), "\n[[[\n");
    std::fs::remove_file(sandbox.path().join(format!("rules/{middle}/formules.rhai"))).expect("a script");
    sandbox.append(&format!("rules/{last}/rulebook.toml"), "\nkey_nobody_reads = 1\n");
    let norm = std::fs::read_dir(sandbox.path().join("norms")).unwrap().flatten().map(|e| e.path()).find(|p| p.is_dir()).unwrap();
    let norm_file = std::fs::read_dir(&norm).unwrap().flatten().map(|e| e.path()).next().unwrap();
    std::fs::write(&norm_file, std::fs::read_to_string(&norm_file).unwrap() + "\n= broken\n").unwrap();
    let run = |threads: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_peps"))
            .args(["rules", "check", "--rules", "rules", "--norms", "norms"])
            .current_dir(sandbox.path())
            .env("NO_COLOR", "1")
            .env("PEPS_LANG", "en")
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("run peps");
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let one = run("1");
    assert_eq!(one.0, Some(1), "{}", one.2);
    for y in [first, middle, last] {
        assert!(one.2.contains(&format!("rules/{y}/")), "no diagnostic of {y}:\n{}", one.2);
    }
    assert!(one.2.contains(&norm_file.strip_prefix(sandbox.path()).unwrap().display().to_string()), "{}", one.2);
    for threads in ["2", "4"] {
        assert_eq!(run(threads), one, "on {threads} threads");
    }
}

fn rename_parameter(sandbox: &Sandbox) {
    sandbox.edit("rules/2025/parametres.toml", "[seuil_forte_augmentation]", "[seuil_hausse_patientele]");
    let path = sandbox.path().join("rules/2025/formules.rhai");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("seuil_forte_augmentation").count(), 2);
    std::fs::write(&path, text.replace("seuil_forte_augmentation", "seuil_hausse_patientele")).unwrap();
    // The sentence that explains the step names the parameter too.
    let path = sandbox.path().join("rules/2025/etapes.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("seuil_forte_augmentation", "seuil_hausse_patientele")).unwrap();
}

// ---------------------------------------------------------------------------------------------
// rules diff

fn diff(from: &str, to: &str) -> String {
    let run = peps(&["rules", "diff", from, to]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

/// A rule file of the shipped rules, read as TOML: the diff tests take the values they expect
/// from the two years compared, so that a corrected value changes a snapshot, not an assertion.
fn rule_file(year: &str, file: &str) -> toml::Table {
    let path = repo().join("rules").join(year).join(file);
    toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A value as `rules diff` shows it: strings without quotes, dated values as `v0, from d1: v1`.
fn shown(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Array(dated) => dated
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let value = shown(&d["value"]);
                if i == 0 { value } else { format!("from {}: {value}", d["from"]) }
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// The item of `list` with code `code` in a lists file.
fn code_of<'t>(file: &'t toml::Table, list: &str, code: &str) -> &'t toml::Value {
    file[list]["items"].as_array().unwrap().iter().find(|i| i["code"].as_str() == Some(code)).unwrap_or_else(|| panic!("code {code}"))
}

/// The step named `name` of an `etapes.toml`.
fn step_of<'t>(file: &'t toml::Table, name: &str) -> &'t toml::Value {
    file["step"].as_array().unwrap().iter().find(|s| s["name"].as_str() == Some(name)).unwrap_or_else(|| panic!("step {name}"))
}

fn components(year: &str) -> String {
    let rulebook = rule_file(year, "rulebook.toml");
    rulebook["result"]["components"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect::<Vec<_>>().join(" + ")
}

fn assert_all_in(text: &str, expected: &[String]) {
    for e in expected {
        assert!(text.contains(e.as_str()), "missing:\n{e}\nin:\n{text}");
    }
}

#[test]
fn diff_2021_2022_shows_the_cap_arriving() {
    let text = diff("2021", "2022");
    let cap = &rule_file("2022", "parametres.toml")["taux_plafond"];
    let steps = rule_file("2022", "etapes.toml");
    let plafond = step_of(&steps, "plafond");
    assert_all_in(
        &text,
        &[
            format!("parameter taux_plafond\n    reference: {}\n  + added: {}", shown(&cap["reference"]), shown(&cap["value"])),
            format!("step plafond\n    reference: {}\n  + added: {}", shown(&plafond["reference"]), shown(&plafond["formula"])),
            format!("step ecretement_plafond\n  + added: {}", shown(&step_of(&steps, "ecretement_plafond")["function"])),
            "script formules.rhai::ecretement\n  + added:".to_string(),
            format!("  ~ components: {} → {}", components("2021"), components("2022")),
        ],
    );
    snap!("rules_diff_2021_2022", text);
}

#[test]
fn diff_2023_2024_shows_peps_2() {
    let text = diff("2023", "2024");
    let msp = |y: &str| rule_file(y, "parametres.toml")["min_medecins_generalistes_msp"].clone();
    let rows = |y: &str| rule_file(y, "tables.toml")["forfait_reference"]["rows"].as_array().unwrap().len();
    let g = |y: &str| code_of(&rule_file(y, "prestations.toml"), "prestations", "G").clone();
    assert_all_in(
        &text,
        &[
            format!(
                "parameter min_medecins_generalistes_msp\n    reference: {}\n  ~ value: {} → {}",
                shown(&msp("2024")["reference"]),
                shown(&msp("2023")["value"]),
                shown(&msp("2024")["value"])
            ),
            "  ~ keys: age (integer in [0, )) × nb_ald (integer in [0, )) × c2s (yes/no) → age (integer in [0, )) × sexe (F|M) × nb_ald (integer in [0, )) × c2s (yes/no)".to_string(),
            format!("  ~ rows: {} rows → {} rows", rows("2023"), rows("2024")),
            format!("list prestations.G\n    reference: {}\n  ~ tarif: {} → {}", shown(&g("2024")["reference"]), shown(&g("2023")["tarif"]), shown(&g("2024")["tarif"])),
        ],
    );
    snap!("rules_diff_2023_2024", text);
}

#[test]
fn diff_2024_2025_shows_the_convention_and_the_30_euro_consultation() {
    let text = diff("2024", "2025");
    let param = |y: &str, name: &str| rule_file(y, "parametres.toml")[name].clone();
    let tarif = |y: &str, code: &str| shown(&code_of(&rule_file(y, "prestations.toml"), "prestations", code)["tarif"]);
    let (coef_before, coef_after) = (param("2024", "coef_revalorisation_tarifaire"), param("2025", "coef_revalorisation_tarifaire"));
    let (obs_before, obs_after) = (param("2024", "date_observation"), param("2025", "date_observation"));
    assert_all_in(
        &text,
        &[
            format!("  ~ value: {} → {}", shown(&coef_before["value"]), shown(&coef_after["value"])),
            format!("  ~ tarif: {} → {}", tarif("2024", "G"), tarif("2025", "G")),
            format!(
                "parameter date_observation\n    reference: {}\n  ~ value: {} → {}\n  ~ status: {} → {}",
                shown(&obs_after["reference"]),
                shown(&obs_before["value"]),
                shown(&obs_after["value"]),
                shown(&obs_before["status"]),
                shown(&obs_after["status"])
            ),
            format!("  ~ tarif: {} → {}", tarif("2024", "IFD"), tarif("2025", "IFD")),
        ],
    );
    snap!("rules_diff_2024_2025", text);
    let run = peps(&["rules", "diff", "--format", "json", "2024", "2025"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let coef = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["item"] == "coef_revalorisation_tarifaire" && c["field"] == "value")
        .expect("the coefficient changes");
    let (old, new) = (shown(&coef_before["value"]), shown(&coef_after["value"]));
    assert_eq!(
        (coef["old"].as_str(), coef["new"].as_str(), coef["change"].as_str()),
        (Some(old.as_str()), Some(new.as_str()), Some("changed"))
    );
    assert_eq!(coef["reference"].as_str(), coef_after["reference"].as_str());
}

// ---------------------------------------------------------------------------------------------
// rules new-year

#[test]
fn new_year_2027_from_2026_passes_check_and_computes_with_no_rust_change() {
    let sandbox = Sandbox::new();
    sandbox.without_years_after(2026);
    let run = in_sandbox(&sandbox, &["rules", "new-year", "2027", "--from", "2026"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    snap!("rules_new_year_2027_summary", sandbox.redact(&run.stdout));
    let run = in_sandbox(&sandbox, &["rules", "check", "2027"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = in_sandbox(&sandbox, &["compute", "--year", "2027", "--format", "json", "examples/malakoff"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["year"], 2027);
    // Comments and layout are kept; carried values say where they come from.
    let params = std::fs::read_to_string(sandbox.path().join("rules/2027/parametres.toml")).unwrap();
    let before = std::fs::read_to_string(sandbox.path().join("rules/2026/parametres.toml")).unwrap();
    assert_eq!(params.lines().next(), before.lines().next());
    assert!(params.contains("value = 2027-12-31"), "{params}");
    let run = in_sandbox(&sandbox, &["rules", "diff", "2026", "2027"]);
    assert_eq!(run.code, 0);
    snap!("rules_new_year_2027_diff", run.stdout);
    // An existing year is kept unless --force.
    let run = in_sandbox(&sandbox, &["rules", "new-year", "2027", "--from", "2026"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    let run = in_sandbox(&sandbox, &["rules", "new-year", "2027", "--from", "2026", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let leftovers: Vec<PathBuf> = std::fs::read_dir(sandbox.path().join("rules"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left: {leftovers:?}");
}

/// A value changed in a new year under the reference it was carried with is flagged by
/// `rules check --against` and `rules diff`; a value whose reference was rewritten is not.
#[test]
fn a_changed_value_under_a_carried_reference_is_flagged() {
    let sandbox = rules_sandbox();
    sandbox.without_years_after(2026);
    let run = in_sandbox(&sandbox, &["rules", "new-year", "2027", "--from", "2026"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let params = rule_file("2026", "parametres.toml");
    let (stale, cited) = ("taux_plafond", "seuil_forte_augmentation");
    let raised = |name: &str| {
        (params[name]["value"].as_str().expect("a decimal value").parse::<rust_decimal::Decimal>().expect("a decimal")
            + rust_decimal::Decimal::new(1, 2))
        .to_string()
    };
    sandbox.set_key("rules/2027/parametres.toml", stale, "value", &format!("\"{}\"", raised(stale)));
    sandbox.set_key("rules/2027/parametres.toml", cited, "value", &format!("\"{}\"", raised(cited)));
    sandbox.set_key("rules/2027/parametres.toml", cited, "reference", "\"Avenant 2027 (exemple)\"");
    let run = in_sandbox(&sandbox, &["rules", "check", "2027", "--against", "2026"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains(&format!("parameter `{stale}`: the value changes")), "{}", run.stdout);
    assert!(!run.stdout.contains(&format!("`{cited}`")), "{}", run.stdout);
    let run = in_sandbox(&sandbox, &["rules", "diff", "2026", "2027"]);
    let block = run.stdout.split("\n\n").find(|b| b.starts_with(&format!("parameter {stale}\n"))).unwrap_or_default().to_string();
    assert!(block.contains("  ! the value changes but the reference still says"), "{}", run.stdout);
}

#[test]
fn new_year_moves_29_february_and_refuses_a_broken_source() {
    let sandbox = rules_sandbox();
    sandbox.without_years_after(2026);
    crate::patch::set(&sandbox.path().join("rules/2024/calendrier.toml"), "acompte_1", "date", "2024-02-29");
    let run = in_sandbox(&sandbox, &["rules", "new-year", "2029", "--from", "2024"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let cal: toml::Table = toml::from_str(&std::fs::read_to_string(sandbox.path().join("rules/2029/calendrier.toml")).unwrap()).unwrap();
    assert_eq!(cal["acompte_1"]["date"].to_string(), "2029-02-28", "29 February becomes the last day of February");
    // A label naming the source year names the new one.
    let before = rule_file("2024", "calendrier.toml");
    for (name, event) in before.iter().filter(|(_, e)| e.get("label").and_then(|l| l.as_str()).is_some_and(|l| l.contains("2024"))) {
        let label = event["label"].as_str().unwrap().replace("2024", "2029");
        assert_eq!(cal[name]["label"].as_str(), Some(label.as_str()), "{name}");
    }
    let g_2024 = code_of(&rule_file("2024", "prestations.toml"), "prestations", "G")["tarif"].clone();
    let in_force = match &g_2024 {
        toml::Value::Array(dated) => shown(&dated.last().expect("a dated value")["value"]),
        other => shown(other),
    };
    let prest = std::fs::read_to_string(sandbox.path().join("rules/2029/prestations.toml")).unwrap();
    assert!(
        prest.contains(&format!("tarif = [{{ from = 2029-01-01, value = \"{in_force}\" }}]"))
            || prest.contains(&format!("tarif = \"{in_force}\"")),
        "the tariff in force at the end of 2024 carries:\n{prest}"
    );
    crate::patch::set(&sandbox.path().join("rules/2025/parametres.toml"), "min_patients_mt", "value", "true");
    let run = in_sandbox(&sandbox, &["rules", "new-year", "2030", "--from", "2025"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("R102") && run.stderr.contains("fix it before"), "{}", run.stderr);
    assert!(!sandbox.path().join("rules/2030").exists());
}

// ---------------------------------------------------------------------------------------------
// The corpus of malformed rulebooks

/// A case of the corpus: `patch.toml` says what it shows, which year to check, the codes it must
/// give and the edits that make a copy of the rules malformed: `[[change]]` reaches an item by its
/// path (`file`, `at`, then `set`, `remove`, `drop` or `duplicate`, see `patch.rs`), so that it
/// survives edits of the shipped values; `[[append]]` adds text at the end of a file; `[[edit]]`
/// replaces text (for names and syntax, which a value edit does not touch); `[[write]]` writes a
/// whole file.
struct Patch {
    description: String,
    year: i64,
    expect: Vec<String>,
}

fn apply(dir: &Path, sandbox: &Sandbox) -> Patch {
    let text = std::fs::read_to_string(dir.join("patch.toml")).expect("patch.toml");
    let patch: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let known = ["description", "year", "expect", "edit", "change", "append", "write"];
    for k in patch.keys() {
        assert!(known.contains(&k.as_str()), "{}: unknown key `{k}`", dir.display());
    }
    let str_of =
        |t: &toml::Table, k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or_else(|| panic!("{}: no `{k}`", dir.display())).to_string();
    for e in patch.get("edit").and_then(|v| v.as_array()).into_iter().flatten() {
        let e = e.as_table().expect("[[edit]] is a table");
        let file = format!("rules/{}", str_of(e, "file"));
        let (from, to) = (str_of(e, "from"), str_of(e, "to"));
        if e.get("all").and_then(toml::Value::as_bool) == Some(true) {
            let path = sandbox.path().join(&file);
            let body = std::fs::read_to_string(&path).expect("read");
            assert!(body.contains(&from), "{}: `{from}` not in {file}", dir.display());
            std::fs::write(&path, body.replace(&from, &to)).expect("write");
        } else {
            sandbox.edit(&file, &from, &to);
        }
    }
    let structural: toml_edit::DocumentMut = text.parse().expect("patch.toml");
    for c in structural.get("change").and_then(toml_edit::Item::as_array_of_tables).into_iter().flatten() {
        let get = |k: &str| c.get(k).and_then(toml_edit::Item::as_str).unwrap_or_else(|| panic!("{}: no `{k}`", dir.display()));
        let file = sandbox.path().join("rules").join(get("file"));
        crate::patch::apply(&file, get("at"), &crate::patch::Edit::from_toml(c));
    }
    for a in patch.get("append").and_then(|v| v.as_array()).into_iter().flatten() {
        let a = a.as_table().expect("[[append]] is a table");
        sandbox.append(&format!("rules/{}", str_of(a, "file")), &str_of(a, "text"));
    }
    for w in patch.get("write").and_then(|v| v.as_array()).into_iter().flatten() {
        let w = w.as_table().expect("[[write]] is a table");
        std::fs::write(sandbox.path().join(format!("rules/{}", str_of(w, "file"))), str_of(w, "text")).expect("write");
    }
    Patch {
        description: str_of(&patch, "description"),
        year: patch.get("year").and_then(toml::Value::as_integer).unwrap_or(2025),
        expect: patch
            .get("expect")
            .and_then(|v| v.as_array())
            .unwrap_or_else(|| panic!("{}: no `expect`", dir.display()))
            .iter()
            .map(|c| c.as_str().expect("a code").to_string())
            .collect(),
    }
}

#[test]
fn each_malformed_rulebook_gives_its_codes() {
    let corpus = repo().join("tests/rules-malformed");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&corpus).expect("corpus").flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    assert!(dirs.len() >= 14, "the corpus has {} cases", dirs.len());
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().replace('-', "_");
        let sandbox = rules_sandbox();
        let patch = apply(&dir, &sandbox);
        let run = in_sandbox(&sandbox, &["rules", "check", &patch.year.to_string()]);
        assert_eq!(run.code, 1, "{name} must fail:\n{}{}", run.stdout, run.stderr);
        for code in &patch.expect {
            assert!(run.stderr.contains(&format!("[{code} ")), "{name} must give {code}:\n{}", run.stderr);
        }
        let codes: Vec<&str> = run
            .stderr
            .lines()
            .filter_map(|l| l.strip_prefix("error[").or_else(|| l.strip_prefix("warning["))?.split_once(' ').map(|(c, _)| c))
            .collect();
        for c in &codes {
            assert!(patch.expect.iter().any(|e| e == c), "{name} gives {c}, which `expect` does not list:\n{}", run.stderr);
        }
        snap!(format!("rules_malformed_{name}"), format!("{}\n\n{}", patch.description, sandbox.redact(&run.stderr)));
    }
}
