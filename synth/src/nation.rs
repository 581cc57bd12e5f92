//! A synthetic nation: many teams, one case folder each, with sizes and mixes that vary the way
//! French health centres and MSP do (a few large centres, many small MSP).
//!
//! Team `i` is a [`CaseProfile`] drawn from the nation's seed and `i` alone, and its case is
//! written with a seed drawn the same way, so a team's files do not depend on how many threads
//! write the nation, nor on the teams before it. The year only moves the dates: a nation has the
//! same teams, of the same sizes, in any year.

use std::io;
use std::path::{Path, PathBuf};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;

use crate::profile::{CaseProfile, Profession, Quality, Segment, StaffLine, StructureType};
use crate::{CaseSummary, write_case};

/// The smallest team a nation holds (patients): below the eligibility floors of every year, so a
/// nation always has a few ineligible teams, as the real one does.
pub const MIN_TEAM_PATIENTS: usize = 120;

/// The folder of team `index` (0-based) inside a nation folder.
pub fn team_folder(index: usize) -> String {
    format!("equipe_{:05}", index + 1)
}

/// How many patients each of `teams` teams has: shares drawn from a log-normal law (a few large
/// centres, many small teams), scaled so that they add up to `patients` exactly.
///
/// # Errors
///
/// When `teams` is 0 or `patients` is too small to give every team [`MIN_TEAM_PATIENTS`].
pub fn team_sizes(teams: usize, patients: usize, seed: u64) -> Result<Vec<usize>, String> {
    if teams == 0 {
        return Err("a nation needs at least one team".to_owned());
    }
    let floor = MIN_TEAM_PATIENTS.checked_mul(teams).ok_or("too many teams")?;
    if patients < floor {
        return Err(format!("{patients} patients cannot fill {teams} teams of at least {MIN_TEAM_PATIENTS} patients each"));
    }
    let mut rng = stream(seed, u64::MAX);
    let weights: Vec<f64> = (0..teams).map(|_| (0.9 * standard_normal(&mut rng)).exp()).collect();
    let total: f64 = weights.iter().sum();
    let spread = patients - floor;
    let mut sizes: Vec<usize> = weights.iter().map(|w| MIN_TEAM_PATIENTS + (w / total * spread as f64).floor() as usize).collect();
    // The floors leave a remainder smaller than the number of teams: one more patient each to
    // the first teams, so the sum is exact.
    let missing = patients - sizes.iter().sum::<usize>();
    for size in sizes.iter_mut().take(missing) {
        *size += 1;
    }
    Ok(sizes)
}

/// The profile of team `index` of a nation, with `patients` patients, in [`crate::DEFAULT_YEAR`]
/// ([`CaseProfile::in_year`] moves it).
pub fn team_profile(index: usize, patients: usize, seed: u64) -> CaseProfile {
    let mut rng = stream(seed, index as u64);
    let base = CaseProfile::malakoff_like();
    let is_centre = rng.random_bool(0.35);
    // Teams that apply meet the staffing floors (3 GPs in a centre, 2 in an MSP, a nurse, 5
    // professionals); about one in twelve falls short, as some real teams do in a given year.
    let short_staffed = rng.random_bool(0.08);
    let floor = match (short_staffed, is_centre) {
        (true, _) => 1.0,
        (false, true) => 3.0,
        (false, false) => 2.0,
    };
    let gps = (patients as f64 / rng.random_range(500.0..900.0)).round().max(floor) as usize;
    let nurses = ((gps as f64) * rng.random_range(0.3..0.8)).round().max(1.0) as usize;
    let physios = (1 + gps / 4).max(if short_staffed { 1 } else { 5usize.saturating_sub(gps + nurses) });
    let mut staff = vec![
        StaffLine { profession: Profession::Mg, count: gps },
        StaffLine { profession: Profession::Ide, count: nurses },
        StaffLine { profession: Profession::Mk, count: physios },
    ];
    if rng.random_bool(0.4) {
        staff.push(StaffLine { profession: Profession::Sf, count: 1 });
    }
    let rate = |rng: &mut ChaCha8Rng, low: f64, high: f64| {
        Decimal::from(rng.random_range((low * 100.0) as i64..=(high * 100.0) as i64)) / Decimal::ONE_HUNDRED
    };
    // Departments 01 to 95; there is no department 20 since Corsica became 2A and 2B, whose
    // letters a FINESS number cannot carry here (the ACTNOM norm refuses `20`): 21 stands in.
    let department = match 1 + rng.random_range(0..95u32) {
        20 => 21,
        d => d,
    };
    CaseProfile {
        name: format!("nation_{}", team_folder(index)),
        structure_name: format!("{} synthétique n° {}", if is_centre { "Centre de santé" } else { "Maison de santé" }, index + 1),
        structure_type: if is_centre { StructureType::Cds } else { StructureType::Msp },
        // Invented communes: the codes end in 999, so that they match no real one.
        commune: format!("Commune synthétique {:02}", department),
        code_commune: format!("{department:02}999"),
        sites: if patients > 4_000 { vec!["SITE_A".to_owned(), "SITE_B".to_owned()] } else { vec!["SITE_A".to_owned()] },
        poverty_rate: rate(&mut rng, 0.06, 0.30),
        local_coefficient: if rng.random_bool(0.2) { rate(&mut rng, 0.01, 0.04) } else { Decimal::ZERO },
        segment: match rng.random_range(0..100) {
            0..92 => Segment::Totale,
            92..97 => Segment::Agee,
            _ => Segment::Diabetique,
        },
        first_forfait_year: rng.random_range(2020..=2025),
        estimated_amount: None,
        advances: Vec::new(),
        quality: Quality {
            experience_patient: rate(&mut rng, 0.60, 0.95),
            suivi_diabetiques: rate(&mut rng, 0.40, 0.80),
            vaccination_grippe: rate(&mut rng, 0.35, 0.65),
            depistage_colorectal: rate(&mut rng, 0.20, 0.50),
        },
        n_patients: patients,
        share_c2s: rng.random_range(0.04..0.25),
        share_ame: rng.random_range(0.0..0.03),
        share_new: rng.random_range(0.03..0.12),
        team_loyalty: rng.random_range(0.75..0.95),
        staff,
        movements: Vec::new(),
        n_replacements: usize::from(rng.random_bool(0.5)),
        gp_acts_per_consumer: rng.random_range(2.5..4.5),
        acts_after_exit: 0,
        n_noncoded_rows: patients / 20,
        ..base
    }
}

/// What [`write_nation`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NationSummary {
    pub n_teams: usize,
    pub n_patients: usize,
    pub n_acts: usize,
}

/// Writes `teams` team folders (`equipe_00001`, ...) holding `patients` patients in all, with
/// their data in `year`, into `dir`, calling `write_team` for each index (so the caller chooses the
/// threads and shows progress), then a README.
///
/// # Errors
///
/// A year outside [`crate::YEARS`] or sizes that cannot be met (see [`team_sizes`]), before
/// anything is written; or the first I/O error.
pub fn write_nation<F>(teams: usize, patients: usize, seed: u64, year: i32, dir: &Path, for_each_team: F) -> io::Result<NationSummary>
where
    F: FnOnce(&(dyn Fn(usize) -> io::Result<CaseSummary> + Sync), usize) -> io::Result<Vec<CaseSummary>>,
{
    write_nation_with(teams, patients, seed, year, dir, &write_case, for_each_team)
}

/// [`write_nation`], each team written by `write_team(profile, seed, folder)` — [`write_case`]
/// or a caller's wrapper of it (one that writes into a temporary folder and renames it into
/// place once complete, so that an interrupted run leaves no half-written team).
///
/// # Errors
///
/// As [`write_nation`].
pub fn write_nation_with<F>(
    teams: usize,
    patients: usize,
    seed: u64,
    year: i32,
    dir: &Path,
    write_team: &(dyn Fn(&CaseProfile, u64, &Path) -> io::Result<CaseSummary> + Sync),
    for_each_team: F,
) -> io::Result<NationSummary>
where
    F: FnOnce(&(dyn Fn(usize) -> io::Result<CaseSummary> + Sync), usize) -> io::Result<Vec<CaseSummary>>,
{
    let invalid = |m: String| io::Error::new(io::ErrorKind::InvalidInput, m);
    let sizes = team_sizes(teams, patients, seed).map_err(invalid)?;
    // Checked once here, so that no team folder is written for a year no team can have.
    CaseProfile::malakoff_like().in_year(year).map_err(invalid)?;
    std::fs::create_dir_all(dir).map_err(|e| crate::out::with_path(dir, e))?;
    let write_one = |i: usize| -> io::Result<CaseSummary> {
        let profile = team_profile(i, sizes[i], seed).in_year(year).map_err(invalid)?;
        write_team(&profile, team_seed(seed, i), &team_dir(dir, i))
    };
    let written = for_each_team(&write_one, teams)?;
    let summary = NationSummary {
        n_teams: written.len(),
        n_patients: written.iter().map(|s| s.n_patients).sum(),
        n_acts: written.iter().map(|s| s.n_acts).sum(),
    };
    crate::out::write_text(dir, "README.md", &readme(&summary, seed, year))?;
    Ok(summary)
}

fn team_dir(dir: &Path, index: usize) -> PathBuf {
    dir.join(team_folder(index))
}

fn readme(s: &NationSummary, seed: u64, year: i32) -> String {
    format!(
        "# Nation synthétique {year}\n\nGénérée par `peps synth --teams {} --patients {} --seed {seed} --year {year}`. Aucune donnée réelle :\n\
         chaque dossier `equipe_NNNNN` est un cas synthétique complet ({} patients et {} actes en tout), daté de {year}.\n\n\
         Calcul de toutes les équipes : `peps compute --year {year} <ce dossier>`.\n",
        s.n_teams, s.n_patients, s.n_patients, s.n_acts
    )
}

/// The seed of team `index`'s case.
fn team_seed(seed: u64, index: usize) -> u64 {
    stream(seed, index as u64).random()
}

/// An independent generator per team: the nation's seed, one ChaCha stream per team.
fn stream(seed: u64, index: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x6e61_7469_6f6e); // "nation"
    rng.set_stream(index);
    rng
}

/// A standard normal draw (Box–Muller): enough for team sizes, and free of another dependency.
fn standard_normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = rng.random_range(f64::EPSILON..1.0);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_add_up_and_respect_the_floor() {
        let sizes = team_sizes(500, 1_000_000, 7).unwrap();
        assert_eq!(sizes.len(), 500);
        assert_eq!(sizes.iter().sum::<usize>(), 1_000_000);
        assert!(sizes.iter().all(|&s| s >= MIN_TEAM_PATIENTS));
        let largest = *sizes.iter().max().unwrap();
        let median = {
            let mut s = sizes.clone();
            s.sort_unstable();
            s[250]
        };
        assert!(largest > 3 * median, "a few large centres: largest {largest}, median {median}");
    }

    #[test]
    fn sizes_refuse_impossible_nations() {
        assert!(team_sizes(0, 1000, 1).is_err());
        assert!(team_sizes(10, 10 * MIN_TEAM_PATIENTS - 1, 1).is_err());
        assert_eq!(team_sizes(3, 3 * MIN_TEAM_PATIENTS, 1).unwrap(), vec![MIN_TEAM_PATIENTS; 3]);
    }

    #[test]
    fn no_team_is_in_department_20() {
        assert!((0..2_000).all(|i| !team_profile(i, 2_000, 1).code_commune.starts_with("20")));
    }

    #[test]
    fn a_team_depends_on_its_index_and_the_seed_only() {
        assert_eq!(team_profile(41, 2_000, 9), team_profile(41, 2_000, 9));
        assert_ne!(team_profile(41, 2_000, 9), team_profile(42, 2_000, 9));
        assert_ne!(team_profile(41, 2_000, 9), team_profile(41, 2_000, 10));
        for i in 0..200 {
            team_profile(i, MIN_TEAM_PATIENTS + i * 97, 3).check().unwrap();
        }
    }

    #[test]
    fn a_nation_is_the_same_whatever_the_order_teams_are_written_in() {
        let forward = tempfile::tempdir().unwrap();
        let backward = tempfile::tempdir().unwrap();
        let sequential = |write: &(dyn Fn(usize) -> io::Result<CaseSummary> + Sync), n: usize| (0..n).map(write).collect();
        let reversed = |write: &(dyn Fn(usize) -> io::Result<CaseSummary> + Sync), n: usize| {
            let mut out: Vec<CaseSummary> = (0..n).rev().map(write).collect::<io::Result<_>>()?;
            out.reverse();
            Ok(out)
        };
        let a = write_nation(4, 1_000, 5, 2023, forward.path(), sequential).unwrap();
        let b = write_nation(4, 1_000, 5, 2023, backward.path(), reversed).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.n_patients, 1_000);
        for i in 0..4 {
            for file in ["patients.csv", "team.toml", "annexe2.csv"] {
                let x = std::fs::read(forward.path().join(team_folder(i)).join(file)).unwrap();
                let y = std::fs::read(backward.path().join(team_folder(i)).join(file)).unwrap();
                assert_eq!(x, y, "{} of team {i}", file);
            }
        }
    }

    #[test]
    fn a_nation_has_the_same_teams_in_any_year_and_refuses_odd_years() {
        let sequential = |write: &(dyn Fn(usize) -> io::Result<CaseSummary> + Sync), n: usize| (0..n).map(write).collect();
        let (old, new) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let a = write_nation(3, 900, 5, 2021, old.path(), sequential).unwrap();
        let b = write_nation(3, 900, 5, 2026, new.path(), sequential).unwrap();
        assert_eq!((a.n_teams, a.n_patients), (b.n_teams, b.n_patients));
        for i in 0..3 {
            let team = |dir: &Path| std::fs::read_to_string(dir.join(team_folder(i)).join("team.toml")).unwrap();
            assert!(team(old.path()).contains("A51_PEPS_16_ACTNOM_20210101_20211231.csv"));
            assert!(team(new.path()).contains("ik_2025.csv"));
        }
        assert!(std::fs::read_to_string(new.path().join("README.md")).unwrap().contains("peps compute --year 2026"));

        let nowhere = tempfile::tempdir().unwrap();
        let err = write_nation(3, 900, 5, 1999, &nowhere.path().join("nation"), sequential).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("1999"), "{err}");
        assert!(!nowhere.path().join("nation").exists());
    }
}
