//! Rules that stay true when edited: a label shows a parameter's value, `new-year` keeps the
//! dates that happen once, the working-day convention of deposit deadlines is a parameter that
//! `schedule` states, and a draft copied anywhere keeps its editor support.

use std::path::Path;

use crate::util::{Sandbox, repo};

fn json(run: &crate::util::Run) -> serde_json::Value {
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON")
}

#[test]
fn a_label_shows_the_value_of_the_parameter_it_names() {
    let sandbox = Sandbox::new();
    // A label of the copy that shows a rate, and that rate changed.
    sandbox.append(
        "rules/2025/parametres.toml",
        "\n[taux_du_test]\nlabel = \"Taux du test : {taux_du_test}\"\nunit = \"rate\"\nvalue = \"0.155\"\nstatus = \"assumed\"\nreference = \"test\"\n",
    );
    let run = sandbox.peps(&["docs", "--year", "2025", "--rules", "rules", "--norms", "norms"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = run.stdout;
    assert!(md.contains("Taux du test : 15,5\u{a0}%"), "the docs render the label");
}

#[test]
fn new_year_keeps_the_dates_that_happen_once() {
    let sandbox = Sandbox::new();
    sandbox.append(
        "rules/2025/calendrier.toml",
        "\n[fin_du_test]\nlabel = \"Fin du test le 3 juillet 2026\"\ndate = 2026-07-03\nonce = true\nkind = \"end\"\nstatus = \"assumed\"\nreference = \"test : le 3 juillet 2026\"\n",
    );
    let run = sandbox.peps(&["rules", "new-year", "2031", "--from", "2025", "--rules", "rules", "--norms", "norms"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Every date marked so in the copied year is kept, the shipped ones and the test's.
    let marked: usize = ["calendrier.toml", "parametres.toml"]
        .iter()
        .map(|f| std::fs::read_to_string(sandbox.path().join("rules/2025").join(f)).unwrap().matches("\nonce = true").count())
        .sum();
    let dates = if marked == 1 { "date" } else { "dates" };
    assert!(run.stdout.contains(&format!("{marked} {dates} marked `once = true` kept")), "{}", run.stdout);
    let cal = std::fs::read_to_string(sandbox.path().join("rules/2031/calendrier.toml")).unwrap();
    let event = &cal[cal.find("[fin_du_test]").unwrap()..];
    assert!(event.contains("label = \"Fin du test le 3 juillet 2026\"\ndate = 2026-07-03\nonce = true"), "{event}");
}

#[test]
fn the_working_day_convention_is_a_parameter_that_schedule_states() {
    let sandbox = Sandbox::new();
    let args = ["schedule", "--year", "2025", "--rules", "rules", "--norms", "norms", "--format", "json", "examples/msp"];
    let before = json(&sandbox.peps(&args));
    let convention = &before["working_days"][0];
    let name = convention["parameter"]["name"].as_str().expect("the convention names its parameter").to_string();
    assert!(!convention["parameter"]["reference"].as_str().unwrap().is_empty());
    let saturday = convention["saturday_is_working_day"].as_bool().unwrap();
    let table = sandbox.peps(&["schedule", "--year", "2025", "--rules", "rules", "--norms", "norms", "--names", "examples/msp"]);
    assert!(table.stdout.contains(&format!("set by parameter {name}")), "{}", table.stdout);
    // The other convention moves some deadline.
    sandbox.set_key("rules/2025/parametres.toml", &name, "value", &(!saturday).to_string());
    let after = json(&sandbox.peps(&args));
    assert_eq!(after["working_days"][0]["saturday_is_working_day"], !saturday);
    assert_ne!(before["deadlines"], after["deadlines"], "Saturday counts or not: some deadline moves");
}

/// The schema file a `#:schema` line of `file` points to, resolved from `file`'s folder.
fn schema_of(file: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(file).unwrap();
    let target = text.lines().next().and_then(|l| l.strip_prefix("#:schema ")).unwrap_or_else(|| panic!("{}", file.display()));
    match target.strip_prefix("file://") {
        Some(path) => std::path::PathBuf::from(path.replace("%20", " ")),
        None => file.parent().unwrap().join(target),
    }
}

#[test]
fn a_draft_anywhere_keeps_its_schemas_and_passes_the_checks() {
    let outside = tempfile::tempdir().unwrap();
    let dir = outside.path().join("mon brouillon");
    let run = crate::util::peps(&["rules", "draft", "2025", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for entry in std::fs::read_dir(dir.join("2025")).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "toml") {
            let schema = schema_of(&path);
            assert!(schema.is_file(), "{} points to {}", path.display(), schema.display());
            assert!(schema.canonicalize().unwrap().starts_with(repo().join("schemas")), "{}", schema.display());
        }
    }
    let check = crate::util::peps(&["rules", "check", "2025", "--rules", dir.to_str().unwrap()]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let again = crate::util::peps(&["rules", "draft", "2025", dir.to_str().unwrap()]);
    assert_eq!(again.code, 2, "an existing draft is not replaced without --force");
}
