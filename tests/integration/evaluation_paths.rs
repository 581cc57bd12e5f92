//! The two evaluation paths agree: every declarative case and every example, under every year,
//! evaluated by the tree-walker (the reference) and by the vector path gives the same evaluation,
//! to the byte of its JSON (outputs, breakdowns, reads, diagnostics, manifest).

use std::path::{Path, PathBuf};

use peps_engine::case::CaseOptions;
use peps_engine::eval::{EvalPath, evaluate_with};
use peps_engine::rules::source::DirSource;

use crate::util::{peps, repo};

/// The years that have a rulebook in the repository.
fn years() -> Vec<i32> {
    let mut years: Vec<i32> = std::fs::read_dir(repo().join("rules"))
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse().ok()))
        .filter(|y: &i32| repo().join("rules").join(y.to_string()).join("rulebook.toml").is_file())
        .collect();
    years.sort_unstable();
    years
}

fn folders(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    out.sort();
    out
}

#[test]
fn the_vector_path_gives_what_the_reference_gives_on_every_case_example_and_year() {
    // The declarative cases as the folders `peps test` writes, one per case and year.
    let kept = tempfile::tempdir().unwrap();
    let run = peps(&["test", "--keep", kept.path().to_str().unwrap()]);
    assert!(run.code == 0 || run.code == 1, "peps test ran: {}", run.stderr);
    let cases = folders(kept.path());
    let examples = folders(&repo().join("examples"));
    assert!(!cases.is_empty() && !examples.is_empty());
    let norms = DirSource::new(repo().join("norms"));
    let (mut compared, mut alone) = (0, 0);
    for year in years() {
        let (rb, diags) = peps_engine::rulebook::load(&DirSource::new(repo().join("rules").join(year.to_string())), &norms);
        let rb = rb.unwrap_or_else(|| panic!("the rulebook of {year} loads: {diags:?}"));
        let of_year = cases.iter().filter(|c| c.to_string_lossy().ends_with(&format!("-{year}")));
        for dir in examples.iter().chain(of_year) {
            let (case, _) = rb.load_case(dir, CaseOptions::default());
            let Some(case) = case else { continue };
            let json = |path| serde_json::to_string_pretty(&evaluate_with(&rb, &case, path)).unwrap();
            let reference = json(EvalPath::Reference);
            let what = format!("{} under {year}", dir.display());
            same(&what, &reference, &json(EvalPath::Vector));
            // Where no step fails, the vector path agrees by itself, without falling back to the
            // reference for any step.
            if !reference.contains("\"severity\": \"error\"") {
                same(&format!("{what} (vector path alone)"), &reference, &json(EvalPath::VectorOnly));
                alone += 1;
            }
            compared += 1;
        }
    }
    // Every example under every year at least (a case that does not load under a year is skipped).
    assert!(compared >= examples.len() + cases.len() / 2, "{compared} evaluations compared");
    assert!(alone * 2 >= compared, "{alone} of {compared} evaluations without an error");
}

fn same(what: &str, reference: &str, vector: &str) {
    if reference != vector {
        let line = reference.lines().zip(vector.lines()).position(|(a, b)| a != b).unwrap_or(0);
        let show = |text: &str| text.lines().skip(line.saturating_sub(5)).take(10).collect::<Vec<_>>().join("\n");
        panic!("{what}: the paths differ at line {line}\nreference:\n{}\nvector:\n{}", show(reference), show(vector));
    }
}
