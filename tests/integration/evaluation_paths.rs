//! The two evaluation paths agree: every declarative case and every example, under every year,
//! evaluated by the tree-walker (the reference) and by the vector path gives the same evaluation,
//! to the byte of its JSON (outputs, breakdowns, reads, diagnostics, manifest); both schemes, and
//! every mechanism among the steps they evaluate, each also in an evaluation the vector path gives
//! alone (so each mechanism's fold ran on both of its drivers, the vector one without falling back).
//! Each case is read twice: keeping only the fields of its files the rulebook reads (as every
//! command does) and keeping every field; both give the same diagnostics, evaluation and schedule.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use peps_engine::case::CaseOptions;
use peps_engine::eval::{EvalPath, PathReport, evaluate_reporting, evaluate_with};
use peps_engine::mechanism::MechanismKey;
use peps_engine::rules::source::{DirSource, SearchPath, Source};
use peps_engine::schedule::schedule;

use crate::util::{peps, repo};

/// The years that have a rulebook in `rules` (a scheme's folder of years).
fn years(rules: &Path) -> Vec<i32> {
    let mut years: Vec<i32> = std::fs::read_dir(rules)
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse().ok()))
        .filter(|y: &i32| rules.join(y.to_string()).join("rulebook.toml").is_file())
        .collect();
    years.sort_unstable();
    years
}

fn folders(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    out.sort();
    out
}

/// How many evaluations were compared, how many of them on the vector path alone, the
/// mechanisms of the steps they evaluated, and those of the evaluations compared alone.
#[derive(Default)]
struct Compared {
    compared: usize,
    alone: usize,
    mechanisms: BTreeSet<MechanismKey>,
    mechanisms_alone: BTreeSet<MechanismKey>,
    /// The evaluations in which the vector path fell back, and where.
    fell_back: Vec<(String, PathReport)>,
    /// How many cases were also read keeping every field of their files (not only those the
    /// rulebook reads), and evaluated and scheduled alike.
    every_field: usize,
}

#[test]
fn the_vector_path_gives_what_the_reference_gives_on_every_case_example_and_year() {
    let peps_run = compare_scheme(&[], &repo().join("rules"), &[repo().join("norms")], &repo().join("examples"));
    // Every example under every year at least (a case that does not load under a year is skipped).
    let Compared { compared, alone, every_field, .. } = peps_run.0;
    assert!(compared >= peps_run.1, "{compared} evaluations compared");
    assert_eq!(every_field, compared, "every case also read keeping every field");
    assert!(alone * 2 >= compared, "{alone} of {compared} evaluations without an error");
    // The second scheme too: its own rules, norms, examples and cases.
    let capitation = repo().join("rules").join("capitation");
    let other = compare_scheme(
        &["--scheme", "capitation", "tests/cases-capitation"],
        &capitation,
        &[capitation.join("norms"), repo().join("norms")],
        &repo().join("examples").join("capitation"),
    );
    assert!(other.0.compared >= other.1, "{} evaluations of the second scheme compared", other.0.compared);
    // Every mechanism is evaluated on both paths by some case or example.
    let seen: BTreeSet<MechanismKey> = peps_run.0.mechanisms.union(&other.0.mechanisms).copied().collect();
    let missing: Vec<&str> = MechanismKey::ALL.iter().filter(|m| !seen.contains(m)).map(|m| m.as_str()).collect();
    assert!(missing.is_empty(), "no case or example evaluates a step of mechanism {missing:?}");
    // And every mechanism in an evaluation the vector path gives alone: a fold over rows then ran
    // on the vector driver without falling back to the reference.
    let alone: BTreeSet<MechanismKey> = peps_run.0.mechanisms_alone.union(&other.0.mechanisms_alone).copied().collect();
    let missing: Vec<&str> = MechanismKey::ALL.iter().filter(|m| !alone.contains(m)).map(|m| m.as_str()).collect();
    assert!(missing.is_empty(), "no evaluation without an error has a step of mechanism {missing:?}");
    // No step of a shipped rulebook falls back: the vector path ran every step by itself, no
    // expression row by row (a step that fails is run again on the reference path, by design).
    let fell_back: Vec<&(String, PathReport)> = peps_run.0.fell_back.iter().chain(&other.0.fell_back).collect();
    assert!(fell_back.is_empty(), "the vector path fell back: {fell_back:#?}");
}

/// Both paths on every example and declarative case of a scheme (`scheme` its flags), under
/// every year of `rules`; and the fewest evaluations there must be.
fn compare_scheme(scheme: &[&str], rules: &Path, norms: &[PathBuf], examples: &Path) -> (Compared, usize) {
    // The declarative cases as the folders `peps test` writes, one per case and year.
    let kept = tempfile::tempdir().unwrap();
    let mut args = vec!["test"];
    args.extend(scheme);
    args.extend(["--keep", kept.path().to_str().unwrap()]);
    let run = peps(&args);
    assert!(run.code == 0 || run.code == 1, "peps test ran: {}", run.stderr);
    let cases = folders(kept.path());
    let examples = folders(examples);
    assert!(!cases.is_empty() && !examples.is_empty());
    let norms = SearchPath::new(norms.iter().map(|n| Box::new(DirSource::new(n)) as Box<dyn Source>).collect());
    let mut out = Compared::default();
    for year in years(rules) {
        let (rb, diags) = peps_engine::rulebook::load(&DirSource::new(rules.join(year.to_string())), &norms);
        let rb = rb.unwrap_or_else(|| panic!("the rulebook of {year} loads: {diags:?}"));
        let of_year = cases.iter().filter(|c| c.to_string_lossy().ends_with(&format!("-{year}")));
        for dir in examples.iter().chain(of_year) {
            let (case, diags) = rb.cases().load(dir, CaseOptions::default());
            // The case read keeping every field of its files, not only those the rulebook reads:
            // the same diagnostics, and (below) the same evaluation and schedule.
            let (every, diags_every) = rb.cases_keeping_every_field().load(dir, CaseOptions::default());
            assert_eq!(diags, diags_every, "{} under {year}: the diagnostics of a reading that keeps every field", dir.display());
            assert_eq!(case.is_some(), every.is_some());
            let (Some(case), Some(every)) = (case, every) else { continue };
            let evaluation = evaluate_with(&rb, &case, EvalPath::Reference);
            let mechanisms: BTreeSet<MechanismKey> = evaluation
                .outputs
                .iter()
                .map(|output| rb.steps_in_order().find(|s| s.def.name == output.name).expect("an output is a step").def.mechanism.key())
                .collect();
            out.mechanisms.extend(&mechanisms);
            let json = |path| serde_json::to_string_pretty(&evaluate_with(&rb, &case, path)).unwrap();
            let reference = serde_json::to_string_pretty(&evaluation).unwrap();
            let what = format!("{} under {year}", dir.display());
            let every_evaluation = evaluate_with(&rb, &every, EvalPath::Reference);
            same(&format!("{what} (every field kept)"), &reference, &serde_json::to_string_pretty(&every_evaluation).unwrap());
            let plan = |c, e| serde_json::to_string_pretty(&schedule(&rb, c, e)).unwrap();
            same(&format!("{what} (its schedule, every field kept)"), &plan(&case, &evaluation), &plan(&every, &every_evaluation));
            out.every_field += 1;
            let (vector, report) = evaluate_reporting(&rb, &case, EvalPath::Vector);
            same(&what, &reference, &serde_json::to_string_pretty(&vector).unwrap());
            // Where no step fails, the vector path agrees by itself, without falling back to the
            // reference for any step.
            if !reference.contains("\"severity\": \"error\"") {
                same(&format!("{what} (vector path alone)"), &reference, &json(EvalPath::VectorOnly));
                out.alone += 1;
                out.mechanisms_alone.extend(&mechanisms);
                if report != PathReport::default() {
                    out.fell_back.push((what, report));
                }
            } else if !report.row_by_row.is_empty() {
                out.fell_back.push((what, report));
            }
            out.compared += 1;
        }
    }
    (out, examples.len() + cases.len() / 2)
}

fn same(what: &str, reference: &str, vector: &str) {
    if reference != vector {
        let line = reference.lines().zip(vector.lines()).position(|(a, b)| a != b).unwrap_or(0);
        let show = |text: &str| text.lines().skip(line.saturating_sub(5)).take(10).collect::<Vec<_>>().join("\n");
        panic!("{what}: the paths differ at line {line}\nreference:\n{}\nvector:\n{}", show(reference), show(vector));
    }
}

/// The peers' rulebook of `bench/peers` (a table looked up per row, a sum over the acts of a
/// year kept by membership) on a small team of its files: both paths agree, and the vector path
/// runs every step by itself.
#[test]
fn the_peers_rulebook_runs_on_the_vector_path_alone() {
    let bench = repo().join("bench").join("peers");
    let norms = SearchPath::new(vec![Box::new(DirSource::new(bench.join("norms"))) as Box<dyn Source>]);
    let (rb, diags) = peps_engine::rulebook::load(&DirSource::new(bench.join("rules").join("2025")), &norms);
    let rb = rb.unwrap_or_else(|| panic!("the peers' rulebook loads: {diags:?}"));
    let team = tempfile::tempdir().unwrap();
    let mut patients = String::from("patient_id;team_id;birth_date;sex;ald_count;c2s;ame;consuming\n");
    let mut acts = String::from("ps_id;patient_id;act_date;act_code;quantity;coefficient;amount\n");
    for i in 0..60 {
        let sex = if i % 2 == 0 { "F" } else { "M" };
        patients.push_str(&format!(
            "P{i:09};T001;{:02}/06/{};{sex};{};{};{};{}\n",
            i % 28 + 1,
            1930 + i,
            i % 4,
            i % 5 / 4,
            i % 11 / 10,
            u8::from(i % 7 != 0)
        ));
        for k in 0..(i % 4) {
            // Acts of 2024 and 2025, amounts of one or two decimals.
            let amount = if k % 2 == 0 { format!("{},{:02}", 20 + k, i % 100) } else { format!("{},5", 7 + i) };
            acts.push_str(&format!(
                "{:011};P{i:09};{:02}/{:02}/{};G;1;1,00;{amount}\n",
                10_000_000_000u64 + k,
                k + 1,
                i % 12 + 1,
                2024 + k % 2
            ));
        }
    }
    std::fs::write(team.path().join("patients.csv"), patients).unwrap();
    std::fs::write(team.path().join("activity.csv"), acts).unwrap();
    std::fs::write(team.path().join("team.toml"), "[files]\npatients = \"patients.csv\"\nactivity = \"activity.csv\"\n").unwrap();
    let (case, diags) = rb.cases().load(team.path(), CaseOptions::default());
    let case = case.unwrap_or_else(|| panic!("the team loads: {diags:?}"));
    let json = |e| serde_json::to_string_pretty(&e).unwrap();
    let evaluation = evaluate_with(&rb, &case, EvalPath::Reference);
    // The team's files keep only the fields the rulebook reads, and evaluate as with every one.
    let every = rb.cases_keeping_every_field().load(team.path(), CaseOptions::default()).0.expect("the team loads");
    same("the peers' team, every field kept", &json(evaluate_with(&rb, &every, EvalPath::Reference)), &json(evaluation.clone()));
    // The team has eligible patients, a forfait and acts of the year.
    for step in ["n_eligible", "base", "ffs"] {
        let value = &evaluation.outputs.iter().find(|o| o.name == step).expect("a step of the peers").value;
        assert!(value.as_number().is_some_and(|n| n > 0.into()), "{step} = {value:?}");
    }
    let reference = json(evaluation);
    assert!(!reference.contains("\"severity\": \"error\""), "{reference}");
    let (vector, report) = evaluate_reporting(&rb, &case, EvalPath::Vector);
    same("the peers' team", &reference, &json(vector));
    same("the peers' team (vector path alone)", &reference, &json(evaluate_with(&rb, &case, EvalPath::VectorOnly)));
    assert_eq!(report, PathReport::default(), "the vector path fell back");
}
