//! `peps synth --year`: a synthetic case of any year computes under that year's rulebook, with
//! every act inside the year. Structural facts only: amounts are the rules' business.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::util::{compute_json, output, peps, repo};

/// The years the repository has a rulebook for.
fn rulebook_years() -> Vec<i32> {
    let mut years: Vec<i32> = std::fs::read_dir(repo().join("rules"))
        .expect("rules/")
        .flatten()
        .filter(|e| e.path().join("rulebook.toml").is_file())
        .filter_map(|e| e.file_name().to_str()?.parse().ok())
        .collect();
    years.sort_unstable();
    assert!((2021..=2026).all(|y| years.contains(&y)), "rulebooks found: {years:?}");
    years
}

/// The dates of column `column` of a `;`-separated file with a header line.
fn dates(path: &Path, column: &str) -> Vec<NaiveDate> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let col = lines.next().expect("header").split(';').position(|h| h == column).unwrap_or_else(|| panic!("no {column}"));
    lines
        .map(|line| {
            let field = line.split(';').nth(col).expect("field");
            NaiveDate::parse_from_str(field, "%d/%m/%Y").unwrap_or_else(|e| panic!("{field:?} in {}: {e}", path.display()))
        })
        .collect()
}

fn synth(profile: &str, year: i32, out: &Path) {
    let run = peps(&["synth", "--profile", profile, "--seed", "1", "--year", &year.to_string(), "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "synth {profile} {year}: {}", run.stderr);
}

fn decimal(json: &serde_json::Value, name: &str) -> Decimal {
    output(json, name).trim_matches('"').parse().unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn a_case_of_each_year_computes_under_that_years_rules() {
    let tmp = tempfile::tempdir().unwrap();
    for year in rulebook_years() {
        for (profile, eligible) in [("small_msp", true), ("malakoff_like", true), ("ineligible", false)] {
            let what = format!("{profile} in {year}");
            let dir = tmp.path().join(format!("{profile}_{year}"));
            synth(profile, year, &dir);

            let actnom = dir.join(format!("A51_PEPS_16_ACTNOM_{year}0101_{year}1231.csv"));
            let acts = dates(&actnom, "DATE_ACTE");
            assert!(!acts.is_empty(), "{what}: no act");
            assert!(acts.iter().all(|d| d.year() == year), "{what}: an act outside the year");
            let actnou = dir.join(format!("A51_PEPS_16_ACTNOU_{year}0101_{year}1231.csv"));
            if actnou.exists() {
                assert!(dates(&actnou, "DATE_ACTIVITE").iter().all(|d| d.year() == year), "{what}: an activity outside the year");
            }
            assert!(dir.join(format!("ik_{}.csv", year - 1)).is_file(), "{what}: no IK table of the year before");
            assert!(dates(&dir.join("patients.csv"), "DATE_DECLARATION_MT").iter().all(|d| d.year() <= year), "{what}");

            let run = peps(&["compute", "--year", &year.to_string(), "--format", "json", dir.to_str().unwrap()]);
            let json = compute_json(&run);
            assert_eq!(json["eligible"], eligible, "{what}");
            if !eligible {
                continue;
            }
            // The rulebook counts no act outside its year, and the cap has acts to compare with.
            let status = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == "statut_acte").expect("statut_acte");
            let outside = status["breakdown"].as_array().unwrap().iter().find(|b| b["key"] == "hors_periode");
            assert_eq!(outside.map_or(0, |b| b["count"].as_u64().unwrap()), 0, "{what}: acts outside the year");
            assert!(decimal(&json, "equivalent_acte") > Decimal::ZERO, "{what}: no fee-for-service equivalent");
            assert!(decimal(&json, "remuneration_totale") > Decimal::ZERO, "{what}: nothing paid");
        }
    }
}

#[test]
fn the_same_profile_seed_and_year_give_the_same_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, other) = (tmp.path().join("a"), tmp.path().join("b"), tmp.path().join("other"));
    synth("small_msp", 2022, &a);
    synth("small_msp", 2022, &b);
    synth("small_msp", 2026, &other);
    let mut names: Vec<_> = std::fs::read_dir(&a).unwrap().flatten().map(|e| e.file_name()).collect();
    names.sort();
    for name in &names {
        assert!(std::fs::read(a.join(name)).unwrap() == std::fs::read(b.join(name)).unwrap(), "{name:?} differs");
    }
    // Another year: the same team, as many patients and professionals.
    let rows = |dir: &Path, file: &str| std::fs::read_to_string(dir.join(file)).unwrap().lines().count();
    for file in ["patients.csv", "annexe2.csv"] {
        assert_eq!(rows(&a, file), rows(&other, file), "{file}");
    }
}

#[test]
fn a_year_out_of_range_is_refused_before_anything_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [&["--profile", "small_msp"][..], &["--teams", "2", "--patients", "600"][..]] {
        for year in ["1999", "2101", "-3"] {
            let out = tmp.path().join("out");
            let mut all = vec!["synth", "--year", year, "--out", out.to_str().unwrap()];
            all.extend_from_slice(args);
            let run = peps(&all);
            assert_eq!(run.code, 2, "{all:?}: {}", run.stderr);
            assert!(run.stderr.contains(&format!("year {year} is outside 2006..=2100")), "{}", run.stderr);
            assert!(!out.exists(), "{all:?} wrote something");
        }
    }
}

#[test]
fn a_nation_of_another_year_computes_under_that_years_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().display().to_string();
    let run = peps(&["synth", "--teams", "3", "--patients", "1500", "--seed", "4", "--year", "2023", "-o", &out]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let readme = std::fs::read_to_string(tmp.path().join("README.md")).unwrap();
    assert!(readme.contains("peps compute --year 2023"), "{readme}");
    let run = peps(&["compute", "--year", "2023", "--format", "json", &out]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(json["cases"].as_array().unwrap().len(), 3);
    for team in 1..=3 {
        let actnom = tmp.path().join(format!("equipe_{team:05}")).join("A51_PEPS_16_ACTNOM_20230101_20231231.csv");
        assert!(dates(&actnom, "DATE_ACTE").iter().all(|d| d.year() == 2023), "team {team}");
    }
}
