//! The second scheme, the option capitation (`rules/capitation/`): pure data on the same engine.
//! Its rules pass `rules check`, its examples compute, its declarative cases pass, the target
//! per GP is applied GP by GP (expected values computed here from the rule files, on a copy whose
//! weights are set to 1), and nothing a capitation run prints names the other scheme.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use crate::util::{Run, Sandbox, compute_json, edit_toml, output, peps, repo};

const SCHEME: &str = "capitation";
const YEAR: &str = "2026";

/// The example cases of the scheme: folders of `examples/capitation/` holding a case file.
fn examples() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(repo().join("examples/capitation"))
        .expect("examples/capitation")
        .flatten()
        .filter(|e| e.path().join("equipe.toml").is_file())
        .map(|e| format!("examples/capitation/{}", e.file_name().to_string_lossy()))
        .collect();
    out.sort();
    out
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("not a decimal: {s}"))
}

fn ok(run: &Run) {
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn the_scheme_s_rules_pass_check() {
    ok(&peps(&["rules", "check", "--rules", "rules/capitation"]));
    ok(&peps(&["rules", "check", "--scheme", SCHEME]));
}

#[test]
fn every_example_validates_and_computes() {
    let cases = examples();
    assert!(cases.len() >= 2, "{cases:?}");
    for case in &cases {
        ok(&peps(&["validate", "--rules", "rules/capitation", case]));
        let json = compute_json(&peps(&["compute", "--year", YEAR, "--rules", "rules/capitation", "--format", "json", case]));
        let total = dec(json["total"].as_str().unwrap_or_else(|| panic!("{case}: no total")));
        assert_eq!(total.is_zero(), json["eligible"] == false, "{case}: an eligible team is paid, an ineligible one is not");
    }
    let eligible = compute_json(&peps(&["compute", "--year", YEAR, "--scheme", SCHEME, "--format", "json", "examples/capitation/centre"]));
    assert_eq!(output(&eligible, "eligibilite"), "true");
    let ineligible =
        compute_json(&peps(&["compute", "--year", YEAR, "--scheme", SCHEME, "--format", "json", "examples/capitation/sans_infirmier"]));
    assert_eq!(output(&ineligible, "eligibilite"), "false");
    assert!(dec(ineligible["total"].as_str().unwrap()).is_zero());
}

#[test]
fn the_declarative_cases_of_the_scheme_pass() {
    // Exit 0: every case passes (1 when an output differs, 2 when a case cannot run).
    ok(&peps(&["test", "--scheme", SCHEME, "tests/cases-capitation"]));
    let n_cases = std::fs::read_dir(repo().join("tests/cases-capitation"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml") && e.file_name() != "defaults.toml")
        .count();
    assert!(n_cases >= 4, "{n_cases}");
}

/// The GPs of the centre example, as its README describes them: one above its target, two below.
#[test]
fn the_centre_example_has_a_gp_above_and_gps_below_target() {
    let json = compute_json(&peps(&["compute", "--year", YEAR, "--scheme", SCHEME, "--format", "json", "examples/capitation/centre"]));
    let groups = per_group(&json, "patients_par_medecin");
    let counts: Vec<Decimal> = groups.iter().map(|(_, v)| *v).collect();
    assert_eq!(counts, [dec("950"), dec("300"), dec("200")], "{groups:?}");
    let target = parameter("cible_par_etp");
    // FTEs 1, 0.5 and 0.8 (professionnels.csv): kept min(count, target × FTE), GP by GP.
    let kept: Vec<Decimal> = [(dec("950"), dec("1")), (dec("300"), dec("0.5")), (dec("200"), dec("0.8"))]
        .iter()
        .map(|(n, fte)| (*n).min(target * fte))
        .collect();
    let shown: Vec<Decimal> = per_group(&json, "patients_retenus").into_iter().map(|(_, v)| v).collect();
    assert_eq!(shown, kept, "each GP's kept patients, under its RPPS");
    assert_eq!(dec(&output(&json, "patients_retenus")), kept.iter().sum::<Decimal>());
    // Each GP's forfait, to the cent, adds up to the team's.
    let forfaits: Decimal = per_group(&json, "forfait_capitation").into_iter().map(|(_, v)| v).sum();
    assert_eq!(forfaits, dec(&output(&json, "forfait_capitation")));
}

/// `(key, value)` of each part of an output's breakdown: its groups, or its rows by key.
fn per_group(json: &serde_json::Value, name: &str) -> Vec<(String, Decimal)> {
    let out = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == name).unwrap_or_else(|| panic!("no {name}"));
    out["breakdown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["key"].as_str().unwrap().to_string(), dec(p["value"].as_str().unwrap())))
        .collect()
}

/// The value of a parameter of the shipped 2026 capitation rules.
fn parameter(name: &str) -> Decimal {
    let text = std::fs::read_to_string(repo().join("rules/capitation/2026/parametres.toml")).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    match &doc[name]["value"] {
        toml::Value::String(s) => dec(s),
        toml::Value::Integer(i) => Decimal::from(*i),
        other => panic!("{name}: {other}"),
    }
}

/// Sets every value of every weighting table to 1 in a copy of the rules: the forfait is then
/// the base times the patients kept, whatever the shipped weights are.
fn neutral_weights(sandbox: &Sandbox) {
    edit_toml(&sandbox.path().join("rules/capitation/2026/tables.toml"), |doc| {
        let names: Vec<String> = doc.iter().map(|(k, _)| k.to_string()).collect();
        for name in names {
            let column =
                doc[&name]["columns"].as_array().unwrap().get(0).unwrap().as_inline_table().unwrap()["name"].as_str().unwrap().to_string();
            for row in doc[&name]["rows"].as_array_mut().unwrap().iter_mut() {
                row.as_inline_table_mut().unwrap().insert(&column, "1".into());
            }
        }
    });
}

#[test]
fn the_target_is_applied_gp_by_gp() {
    let sandbox = Sandbox::new();
    neutral_weights(&sandbox);
    let target = parameter("cible_par_etp");
    let base = parameter("forfait_base");
    // Two GPs: A full-time, 5 patients above its target; B half-time, 10 below its own. A third
    // GP without patients and a nurse make the team eligible (at least 4, 3 GPs and 1 nurse).
    let above = target + Decimal::from(5);
    let below = (target * dec("0.5")).floor() - Decimal::from(10);
    let kept = target + below;
    let team_wide = above + below;
    assert_ne!(kept, team_wide, "a target for the whole team would keep every patient");
    let forfait = (base * kept).round_dp(2);
    let case = format!(
        "description = \"Deux médecins, l'un au-dessus de sa cible, l'autre en dessous. Calcul à la main : dans le test.\"\n\
         reference = \"tests/integration/capitation.rs\"\nyears = [{YEAR}]\n\
         [case.structure]\nnom = \"Test\"\nfiness = \"750000001\"\nterritoire = \"hors_zonage\"\nrythme_acomptes = \"mensuel\"\n\
         [defaults.professionnels]\nNOM = \"Test\"\nPROFESSION = \"MG\"\nETP = \"1\"\nPATIENTELE_MT_N1 = {target}\nDATE_ENTREE = 2015-01-01\n\
         [defaults.patients]\nDATE_NAISSANCE = 1980-06-15\nSEXE = \"F\"\nALD = false\n\
         [data]\nprofessionnels = [{{ RPPS = \"a\" }}, {{ RPPS = \"b\", ETP = \"0.5\" }}, {{ RPPS = \"c\" }}, {{ RPPS = \"i\", PROFESSION = \"IDE\" }}]\n\
         patients = [{{ RPPS_MT = \"a\", repeat = {above} }}, {{ RPPS_MT = \"b\", repeat = {below} }}]\n\
         [expected]\npatients_retenus = \"{kept}\"\nforfait_capitation = \"{forfait}\"\nremuneration_totale = \"{forfait}\"\n"
    );
    std::fs::create_dir_all(sandbox.path().join("cases")).unwrap();
    std::fs::write(sandbox.path().join("cases/cible.toml"), case).unwrap();
    let run = sandbox.peps(&["test", "--scheme", SCHEME, "cases/cible.toml", "--keep", "kept"]);
    ok(&run);
    // The same folder computed: each GP's own count, read by key.
    let json =
        compute_json(&sandbox.peps(&["compute", "--year", YEAR, "--scheme", SCHEME, "--format", "json", &format!("kept/cible-{YEAR}")]));
    let counts: Vec<Decimal> = per_group(&json, "patients_par_medecin").into_iter().map(|(_, v)| v).collect();
    assert_eq!(counts, [above, below]);
    let kept_by_gp: Vec<Decimal> = per_group(&json, "patients_retenus").into_iter().map(|(_, v)| v).collect();
    assert_eq!(kept_by_gp, [target, below, Decimal::ZERO], "A kept at its target, B all its patients, C none");
    assert_eq!(dec(&output(&json, "medecins_sous_cible")), Decimal::from(2), "B below its target, C without patients");
}

/// Every output of a capitation run: tables, JSON, CSV, HTML, the schedule, an explanation, the
/// rules' documentation, the checks and the cross-year matrix.
fn capitation_outputs(docs: &Path) -> Vec<(String, String)> {
    let centre = "examples/capitation/centre";
    let docs = docs.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["compute", "--year", YEAR, centre],
        vec!["compute", "--year", YEAR, "--format", "json", centre],
        vec!["compute", "--year", YEAR, "--format", "csv", centre],
        vec!["compute", "--year", YEAR, "--format", "html", centre],
        vec!["compute", "--year", YEAR, "--locale", "fr", "examples/capitation/sans_infirmier"],
        vec!["compute", "--year", YEAR, "examples/capitation"],
        vec!["schedule", "--year", YEAR, centre],
        vec!["schedule", "--year", YEAR, "--format", "json", centre],
        vec!["explain", "--year", YEAR, centre, "forfait_capitation"],
        vec!["docs", "--year", YEAR],
        vec!["docs", "--year", YEAR, "-o", docs],
        vec!["rules", "check"],
        vec!["rules", "matrix", centre],
        vec!["validate", centre],
        vec!["test", "tests/cases-capitation"],
    ];
    let mut out = Vec::new();
    for mut args in commands {
        args.extend(["--scheme", SCHEME]);
        let run = peps(&args);
        assert!(run.code <= 1, "{args:?}: {}{}", run.stdout, run.stderr);
        out.push((args.join(" "), format!("{}{}", run.stdout, run.stderr)));
    }
    for entry in std::fs::read_dir(docs).unwrap().flatten() {
        out.push((entry.path().display().to_string(), std::fs::read_to_string(entry.path()).unwrap()));
    }
    out
}

#[test]
fn no_output_of_a_capitation_run_names_the_other_scheme() {
    let dir = tempfile::tempdir().unwrap();
    let docs: PathBuf = dir.path().join("docs");
    let outputs = capitation_outputs(&docs);
    assert!(outputs.len() > 15, "{}", outputs.len());
    for (what, text) in outputs {
        assert!(!text.is_empty(), "{what} printed nothing");
        assert!(!text.contains("PEPS"), "{what} names PEPS:\n{text}");
    }
}

#[test]
fn the_scheme_s_files_never_name_the_other_scheme() {
    // Its rules, norms, sources, examples and cases: a capitation user reads only these.
    for dir in ["rules/capitation", "examples/capitation", "tests/cases-capitation"] {
        let mut files = Vec::new();
        walk(&repo().join(dir), &mut files);
        assert!(!files.is_empty(), "{dir}");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            assert!(!text.contains("PEPS"), "{}", file.display());
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() { walk(&p, out) } else { out.push(p) }
    }
}

#[test]
fn every_file_of_the_scheme_names_its_schema_from_where_it_is() {
    use peps_engine::schema::{FileKind, rulebook_files};
    let dir = repo().join("rules/capitation/2026");
    let rulebook = std::fs::read_to_string(dir.join("rulebook.toml")).unwrap();
    let mut targets: Vec<(PathBuf, String)> = Vec::new();
    for (kind, file) in rulebook_files(&rulebook).unwrap() {
        targets.push((dir.join(file), kind.name().to_string()));
    }
    for norm in std::fs::read_dir(repo().join("rules/capitation/norms")).unwrap().flatten() {
        for file in std::fs::read_dir(norm.path()).unwrap().flatten() {
            targets.push((file.path(), FileKind::Norm.name().to_string()));
        }
    }
    for file in std::fs::read_dir(repo().join("tests/cases-capitation")).unwrap().flatten() {
        let stem = if file.file_name() == "defaults.toml" { "test-defaults" } else { "test-case" };
        targets.push((file.path(), stem.to_string()));
    }
    for (path, stem) in targets {
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        let schema = first.strip_prefix("#:schema ").unwrap_or_else(|| panic!("{}: no schema line", path.display()));
        assert!(schema.ends_with(&format!("/schemas/{stem}.schema.json")), "{}: {first}", path.display());
        assert!(path.parent().unwrap().join(schema).is_file(), "{}: {schema} does not resolve", path.display());
    }
}

#[test]
fn the_default_scheme_s_runs_over_the_examples_folder_leave_the_capitation_examples_out() {
    // `examples/capitation/` sits beside the default scheme's cases: a folder of cases holds the
    // sub-folders with the rulebook's case file, for compute and impact alike.
    for args in [
        vec!["compute", "--year", "2026", "--format", "json", "examples"],
        vec!["impact", "--from", "2025", "--to", "2026", "--format", "json", "examples"],
    ] {
        let run = peps(&args);
        ok(&run);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", run.stdout));
        let text = json.to_string();
        assert!(!text.contains("capitation"), "{args:?}: {text}");
        assert!(text.contains("msp"), "{args:?}: {text}");
    }
}

/// The schedule re-bases the advances by each GP's full-time equivalent as the rules compute it
/// (the keyed step the calendar's `measure` names, from the days a GP declares), not by a raw
/// column: the GP arriving in the centre declares fewer days than its ETP says, and the movement
/// weighs the computed value. Expected values from the example's own file.
#[test]
fn the_re_basing_measure_is_each_gp_s_computed_full_time_equivalent() {
    let sandbox = Sandbox::new();
    let file = "examples/capitation/centre/professionnels.csv";
    let text = std::fs::read_to_string(sandbox.path().join(file)).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(';').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap_or_else(|| panic!("no {name} in {file}"));
    let (rpps, days, entry) = (at("RPPS"), at("JOURS_SEMAINE"), at("DATE_ENTREE"));
    // The GP who arrives during the year: the one the re-basing moves.
    let arriving = text.lines().skip(1).map(|l| l.split(';').collect::<Vec<_>>()).find(|r| r[entry].ends_with(YEAR)).expect("an arrival");
    let mut edited = arriving.clone();
    edited[days] = "2";
    sandbox.edit(file, &arriving.join(";"), &edited.join(";"));
    let run = sandbox.peps(&["schedule", "--scheme", SCHEME, "--year", YEAR, "--format", "json", "examples/capitation/centre"]);
    ok(&run);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let movement = json["movements"].as_array().unwrap().iter().find(|m| m["member"] == arriving[rpps]).expect("the arrival's movement");
    assert_eq!(dec(movement["measure"].as_str().unwrap()), dec("0.4"), "2 days of 5, not its ETP: {movement}");
}

/// A re-basing measure must be a column of the dataset or a number computed per member of it: a
/// step without a key (R132), an unknown name (R132) and a keyed value over another dataset
/// (R133) are errors at the calendar's line.
#[test]
fn a_re_basing_measure_that_is_not_per_member_is_an_error_at_its_line() {
    let calendar = "rules/capitation/2026/calendrier.toml";
    let line_of = |sandbox: &Sandbox| {
        let text = std::fs::read_to_string(sandbox.path().join(calendar)).unwrap();
        text.lines().position(|l| l.starts_with("measure =")).expect("a measure") + 1
    };
    for (measure, code) in [("part_annee", "R132"), ("etp_medecni", "R132"), ("poids_cle", "R133")] {
        let sandbox = Sandbox::new();
        let current = std::fs::read_to_string(sandbox.path().join(calendar)).unwrap();
        let line = current.lines().find(|l| l.starts_with("measure =")).unwrap().to_string();
        sandbox.edit(calendar, &line, &format!("measure = \"{measure}\""));
        sandbox.append(
            "rules/capitation/2026/etapes.toml",
            "\n[[step]]\nname = \"poids_cle\"\nlabel = \"Poids par patient\"\nunit = \"number\"\n\
             derive = { dataset = \"patientele_equipe\", value = \"poids_patient\", key = \"NIR_PATIENT\" }\n",
        );
        let run = sandbox.peps(&["rules", "check", "--scheme", SCHEME]);
        assert_ne!(run.code, 0, "{measure}: {}", run.stdout);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains(code), "{measure}: {all}");
        assert!(all.contains(&format!("calendrier.toml:{}", line_of(&sandbox))), "{measure}: {all}");
    }
}

/// `--norms` given several times is a search path: the first folder that has a norm gives it. A
/// copy of the scheme's `professionnels` norm whose ETP may not exceed 0.1, placed first, rejects
/// the centre's full-time GPs; placed after the scheme's own norms, it is never read.
#[test]
fn norms_may_be_given_several_times_and_the_first_folder_that_has_a_norm_wins() {
    let sandbox = Sandbox::new();
    let norm = "rules/capitation/norms/professionnels/v1.toml";
    let text = std::fs::read_to_string(sandbox.path().join(norm)).unwrap();
    let etp = text.find("name = \"ETP\"").expect("an ETP field");
    let max = etp + text[etp..].find("max = ").expect("ETP has a max");
    let end = max + text[max..].find('\n').unwrap();
    let strict = format!("{}max = \"0.1\"{}", &text[..max], &text[end..]);
    std::fs::create_dir_all(sandbox.path().join("strict/professionnels")).unwrap();
    std::fs::write(sandbox.path().join("strict/professionnels/v1.toml"), strict).unwrap();
    let centre = "examples/capitation/centre";
    let run = |first: &str, second: &str| {
        sandbox.peps(&["validate", "--scheme", SCHEME, "--norms", first, "--norms", second, "--norms", "norms", centre])
    };
    ok(&run("rules/capitation/norms", "strict"));
    let strict_first = run("strict", "rules/capitation/norms");
    assert_ne!(strict_first.code, 0, "{}{}", strict_first.stdout, strict_first.stderr);
    assert!(format!("{}{}", strict_first.stdout, strict_first.stderr).contains("ETP"), "{}", strict_first.stderr);
    ok(&sandbox.peps(&["rules", "check", "--scheme", SCHEME, "--norms", "rules/capitation/norms", "--norms", "norms"]));
}

/// With the scheme's own norms left out of the search path, the summary never says the norms
/// are fine: each norm the rulebook lists and no folder has is a failing norm, and every other
/// error of the load follows from one of the missing norms (linked to it, shown under it).
#[test]
fn missing_norms_fail_the_summary_and_their_follow_on_errors_are_linked_to_them() {
    let run = peps(&["rules", "check", "--scheme", SCHEME, "--norms", "norms", "--format", "json"]);
    assert_ne!(run.code, 0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let listed = std::fs::read_dir(repo().join("rules/capitation/norms")).unwrap().flatten().count();
    let missing: Vec<&serde_json::Value> = json["norms"].as_array().unwrap().iter().filter(|n| n["missing"] == true).collect();
    assert_eq!(missing.len(), listed, "{}", json["norms"]);
    assert!(missing.iter().all(|n| n["ok"] == false));
    let diags = json["diagnostics"].as_array().unwrap();
    let roots: Vec<&serde_json::Value> = diags.iter().filter(|d| d["follows"].is_null()).collect();
    assert_eq!(roots.len(), listed, "one error per missing norm, the rest linked: {roots:#?}");
    assert!(roots.iter().all(|d| d["code"] == "R105"), "{roots:#?}");
    assert!(diags.len() > roots.len(), "follow-on errors exist and are linked");
    let table = peps(&["rules", "check", "--scheme", SCHEME, "--norms", "norms"]);
    let norms_line = table.stdout.lines().find(|l| l.starts_with("norms")).expect("a norms line");
    assert!(!norms_line.contains(" ok "), "{norms_line}");
    assert!(norms_line.contains("not found"), "{norms_line}");
}
