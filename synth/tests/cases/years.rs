//! Every date a case holds lies where the rulebook of its year looks for it: acts and non-coded
//! activity inside the year, declarations by 31 December, over many seeds and years.

use chrono::{Datelike, NaiveDate};
use peps_synth::{AgeBand, CaseProfile};

use crate::amounts_and_dates::tariff;
use crate::util::{Case, date, generate, hundredths};

fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    (NaiveDate::from_ymd_opt(year, 1, 1).unwrap(), NaiveDate::from_ymd_opt(year, 12, 31).unwrap())
}

/// Every dated row of the case lies where its year's rulebook expects it; the message names the
/// profile, seed and year so that a failure can be replayed.
fn assert_dates_inside_the_year(case: &Case, seed: u64) {
    let year = case.year();
    let (start, end) = year_bounds(year);
    let what = format!("{} seed {seed} year {year}", case.profile.name);
    for r in case.actnom().records() {
        let day = date(r.get("DATE_ACTE"));
        assert!((start..=end).contains(&day), "{what}: act on {day}");
        assert!(day >= date(r.get("DATE_NAISSANCE")), "{what}: act on {day} before birth");
        if r.get("CODE_PRESTATION") == "CRD" {
            assert_eq!(day.weekday(), chrono::Weekday::Sun, "{what}: CRD on {day}");
        }
    }
    if case.path(&case.actnou_name()).exists() {
        for r in case.table(&case.actnou_name()).records() {
            let day = date(r.get("DATE_ACTIVITE"));
            assert!((start..=end).contains(&day), "{what}: non-coded activity on {day}");
        }
    }
    for r in case.table("patients.csv").records() {
        let birth = date(r.get("DATE_NAISSANCE"));
        let declared = date(r.get("DATE_DECLARATION_MT"));
        assert!(birth <= end, "{what}: born on {birth}");
        assert!(birth <= declared && declared <= end, "{what}: born {birth}, declared on {declared}");
    }
    for r in case.table("annexe2.csv").records() {
        let entry = date(r.get("DATE_ENTREE"));
        assert!(entry <= end, "{what}: entry on {entry}");
        if !r.get("DATE_SORTIE").is_empty() {
            let exit = date(r.get("DATE_SORTIE"));
            assert!(entry <= exit && (start..=end).contains(&exit), "{what}: entry {entry}, exit {exit}");
        }
    }
}

/// A list of newborns only: every patient is born in the year, so many are born in its last days,
/// where a draw of "a day from birth to 31 December" has a single day to choose from.
fn newborns(year: i32) -> CaseProfile {
    let base = CaseProfile::ineligible();
    CaseProfile {
        name: "newborns".to_owned(),
        year,
        first_forfait_year: year,
        age_bands: vec![AgeBand { min: 0, max: 0, weight: 1.0 }],
        n_patients: 400,
        share_consumers: 1.0,
        gp_mix: peps_synth::GpMix { pdsa: 0.3, ..base.gp_mix.clone() },
        share_nurse_patients: 0.5,
        n_noncoded_rows: 200,
        ..base
    }
}

#[test]
fn the_last_days_of_the_year_never_spill_into_the_next() {
    for year in [2008, 2021, 2023, 2024, 2025, 2028, 2100] {
        for seed in 0..12 {
            assert_dates_inside_the_year(&generate(newborns(year), seed), seed);
        }
    }
}

/// The built-in profiles moved to `year`; the health centre with fewer patients, to keep the
/// test quick (its size is a knob, its dates are what is tested).
fn presets_in(year: i32) -> Vec<CaseProfile> {
    let malakoff = CaseProfile { n_patients: 900, ..CaseProfile::malakoff_like() };
    [malakoff, CaseProfile::small_msp(), CaseProfile::ineligible()].into_iter().map(|p| p.in_year(year).unwrap()).collect()
}

const YEARS: [i32; 11] = [2006, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2040, 2099, 2100];

#[test]
fn every_preset_keeps_its_dates_inside_any_year() {
    for year in YEARS {
        for profile in presets_in(year) {
            for seed in 0..4 {
                assert_dates_inside_the_year(&generate(profile.clone(), seed), seed);
            }
        }
    }
}

#[test]
fn files_and_descriptions_name_the_year() {
    for year in [2021, 2024, 2026, 2031] {
        for profile in presets_in(year) {
            let seniority = DEFAULT_SENIORITY.iter().find(|(name, _)| *name == profile.name).unwrap().1;
            let case = generate(profile, 1);
            let what = format!("{} in {year}", case.profile.name);
            let actnom = format!("A51_PEPS_16_ACTNOM_{year}0101_{year}1231.csv");
            let ik = format!("ik_{}.csv", year - 1);
            assert!(case.summary.files.contains(&actnom) && case.summary.files.contains(&ik), "{what}: {:?}", case.summary.files);
            if case.profile.n_noncoded_rows > 0 {
                assert!(case.summary.files.contains(&format!("A51_PEPS_16_ACTNOU_{year}0101_{year}1231.csv")), "{what}");
            }
            let toml = case.team_toml();
            assert_eq!(toml["fichiers"]["actes"].as_str(), Some(actnom.as_str()), "{what}");
            assert_eq!(toml["fichiers"]["ik"].as_str(), Some(ik.as_str()), "{what}");
            let first_year = toml["structure"]["premiere_annee_forfait"].as_integer().unwrap();
            assert_eq!(i64::from(year) - first_year, seniority, "{what}: the team keeps its seniority in the forfait");
            if let Some(advances) = toml.get("paiements").and_then(|p| p["avances"].as_array()) {
                for advance in advances {
                    let day = advance["date"].as_datetime().unwrap().date.unwrap();
                    assert_eq!(i32::from(day.year), year, "{what}: advance on {day}");
                }
            }
            let text = case.text("team.toml");
            assert!(text.lines().next().unwrap().contains(&format!("année {year}")), "{what}: {}", text.lines().next().unwrap());
            let readme = case.text("README.md");
            assert!(readme.lines().next().unwrap().ends_with(&year.to_string()), "{what}: {readme}");
            assert!(readme.contains(&format!("peps compute --year {year}")), "{what}: {readme}");
        }
    }
}

/// Years between the built-in profiles' year and their first year at the forfait.
const DEFAULT_SENIORITY: [(&str, i64); 3] = [("malakoff_like", 4), ("small_msp", 1), ("ineligible", 0)];

#[test]
fn a_year_keeps_the_team_shape_and_the_age_mix() {
    for seed in [1, 2] {
        let base: Vec<Case> = presets_in(2025).into_iter().map(|p| generate(p, seed)).collect();
        for year in [2021, 2023, 2026, 2060] {
            for (profile, reference) in presets_in(year).into_iter().zip(&base) {
                let case = generate(profile, seed);
                let what = format!("{} seed {seed} in {year}", case.profile.name);
                assert_eq!(case.summary.n_patients, reference.summary.n_patients, "{what}");
                assert_eq!(case.summary.n_professionals, reference.summary.n_professionals, "{what}");
                let professions = |c: &Case| c.table("annexe2.csv").column("PROFESSION").join(",");
                assert_eq!(professions(&case), professions(reference), "{what}");
                // Ages are drawn from the profile's bands relative to the year: the mix is the same.
                let p = case.table("patients.csv");
                let age = |r: &crate::util::Record<'_>| year - date(r.get("DATE_NAISSANCE")).year();
                let under_16 = p.share(|r| age(r) <= 15);
                let over_75 = p.share(|r| age(r) >= 75);
                assert!((0.10..=0.25).contains(&under_16), "{what}: {under_16} under 16");
                assert!((0.06..=0.17).contains(&over_75), "{what}: {over_75} aged 75 and over");
                let new = p.share(|r| date(r.get("DATE_DECLARATION_MT")).year() == year);
                assert!((0.03..=0.14).contains(&new), "{what}: {new} declared during the year");
            }
        }
    }
}

#[test]
fn amounts_are_at_the_tariff_of_the_day() {
    for year in [2021, 2023, 2024, 2025] {
        let case = generate(CaseProfile::small_msp().in_year(year).unwrap(), 1);
        let mut g_tariffs = std::collections::BTreeSet::new();
        for r in case.actnom().records() {
            let code = r.get("CODE_PRESTATION");
            if code == "IK" {
                continue;
            }
            let day = date(r.get("DATE_ACTE"));
            let units = hundredths(r.get("COEFFICIENT")) * r.get("QUANTITE").parse::<i64>().unwrap();
            assert_eq!(hundredths(r.get("MONTANT")), tariff(code, day) * units / 100, "{code} on {day}");
            if code == "G" {
                g_tariffs.insert(tariff(code, day));
            }
        }
        let expect: &[i64] = match year {
            2021 => &[2500],
            2023 => &[2500, 2650],
            2024 => &[2650, 3000],
            _ => &[3000],
        };
        assert_eq!(g_tariffs.into_iter().collect::<Vec<_>>(), expect, "G in {year}");
    }
}

#[test]
fn the_same_profile_seed_and_year_give_the_same_bytes() {
    for profile in presets_in(2022) {
        let (a, b) = (generate(profile.clone(), 5), generate(profile, 5));
        assert_eq!(a.summary, b.summary);
        for name in &a.summary.files {
            assert!(std::fs::read(a.path(name)).unwrap() == std::fs::read(b.path(name)).unwrap(), "{name} differs");
        }
    }
}
