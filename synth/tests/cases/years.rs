//! Every date a case holds lies where the rulebook of its year looks for it: acts and non-coded
//! activity inside the year, declarations by 31 December, over many seeds and years.

use chrono::{Datelike, NaiveDate};
use peps_synth::{AgeBand, CaseProfile};

use crate::util::{Case, date, generate};

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
