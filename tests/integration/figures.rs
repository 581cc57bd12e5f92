//! A batch shows figures only and evaluates without building any output's sentences
//! (`eval::evaluate_figures`): every value, total, breakdown and diagnostic is the one a full
//! evaluation gives, on every example and declarative case under every shipped year.

use std::path::{Path, PathBuf};

use peps_engine::case::CaseOptions;
use peps_engine::eval::{Evaluation, evaluate, evaluate_figures};
use peps_engine::rules::source::{DirSource, SearchPath, Source};

use crate::util::{peps, repo};

fn years(rules: &Path) -> Vec<i32> {
    let mut out: Vec<i32> = std::fs::read_dir(rules).unwrap().flatten().filter_map(|e| e.file_name().to_str()?.parse().ok()).collect();
    out.sort();
    out
}

fn folders(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    out.sort();
    out
}

/// What a batch row reads of an evaluation: no formula, source nor sentence.
fn figures(e: &Evaluation) -> serde_json::Value {
    let mut json = serde_json::to_value(e).unwrap();
    for output in json["outputs"].as_array_mut().unwrap() {
        for words in ["formula", "source", "explanation"] {
            output.as_object_mut().unwrap().remove(words);
        }
    }
    json
}

#[test]
fn figures_alone_are_the_figures_of_a_full_evaluation() {
    let kept = tempfile::tempdir().unwrap();
    let run = peps(&["test", "--keep", kept.path().to_str().unwrap()]);
    assert!(run.code == 0 || run.code == 1, "peps test ran: {}", run.stderr);
    let rules = repo().join("rules");
    let norms = SearchPath::new(vec![Box::new(DirSource::new(repo().join("norms"))) as Box<dyn Source>]);
    let cases: Vec<PathBuf> = folders(&repo().join("examples")).into_iter().chain(folders(kept.path())).collect();
    let mut compared = 0;
    for year in years(&rules) {
        let (rb, diags) = peps_engine::rulebook::load(&DirSource::new(rules.join(year.to_string())), &norms);
        let rb = rb.unwrap_or_else(|| panic!("the rulebook of {year} loads: {diags:?}"));
        for dir in &cases {
            let (Some(case), _) = rb.cases().load(dir, CaseOptions::default()) else { continue };
            let (full, alone) = (evaluate(&rb, &case), evaluate_figures(&rb, &case));
            // Compared as values: the order of an output's fields is not a figure.
            let (a, b) = (figures(&alone), figures(&full));
            if a != b {
                let (a, b) = (serde_json::to_string_pretty(&a).unwrap(), serde_json::to_string_pretty(&b).unwrap());
                let line = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
                let show = |t: &str| t.lines().skip(line.saturating_sub(3)).take(8).collect::<Vec<_>>().join("\n");
                panic!("{} under {year}: figures alone\n{}\nfull\n{}", dir.display(), show(&a), show(&b));
            }
            let said =
                alone.outputs.iter().any(|o| o.source.is_some() || o.explanation.as_text() != Some("") || o.formula.as_text() != Some(""));
            assert!(!said, "{} under {year}: no sentence is built", dir.display());
            compared += 1;
        }
    }
    assert!(compared > cases.len(), "every case under several years: {compared}");
}
