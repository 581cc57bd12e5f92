//! `peps-synth`: synthetic team cases (folders of exchange files) for demos, tests and
//! benchmarks. Everything is invented: no real patient, professional or structure, ever.
//!
//! A case is a function of a [`CaseProfile`] and a seed: the same pair gives byte-identical
//! files. The profile holds the year of the data; [`CaseProfile::in_year`] moves a team to another
//! year, with the same number of patients and professionals. Each part of the case (team, patients, coded acts, non-coded acts, IK) draws from its own
//! stream of one ChaCha8 generator, so changing the size of one part leaves the others unchanged;
//! the profile's name is mixed into the seed, so two profiles never share a team or patients.
//!
//! Invariants:
//! - no clock, no environment, no hash-map iteration order reaches the output (hash sets are used
//!   for membership only);
//! - memory grows with the number of patients only; acts are written as they are drawn;
//! - only the files named in [`CaseSummary::files`] are written in the folder; nothing else there
//!   is read or removed.

mod activity;
mod describe;
mod ids;
mod ik;
mod nation;
mod noncoded;
mod out;
mod patients;
mod profile;
mod team;
mod words;

use std::io;
use std::path::Path;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

pub use ids::{luhn_check_digit, luhn_is_valid, nir_is_valid, nir_key, try_luhn_check_digit, try_nir_key};
pub use nation::{MIN_TEAM_PATIENTS, NationSummary, team_folder, team_profile, team_sizes, write_nation, write_nation_with};
pub use profile::{
    Advance, AgeBand, CaseProfile, DEFAULT_YEAR, GpMix, IkTarget, Movement, MovementKind, PRESETS, Profession, Quality, Segment, StaffLine,
    StructureType, YEARS,
};

/// What [`write_case`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseSummary {
    /// Rows of `patients.csv`.
    pub n_patients: usize,
    /// Rows of `annexe2.csv`.
    pub n_professionals: usize,
    /// Rows of the ACTNOM file.
    pub n_acts: usize,
    /// The names of the files written, in the order they were written.
    pub files: Vec<String>,
}

/// The file names and headers of a case, for tests and validators that check them.
pub mod layout {
    pub use crate::activity::{ACTNOM_HEADER, actnom_file};
    pub use crate::ik::{IK_HEADER, ik_file};
    pub use crate::noncoded::{ACTNOU_HEADER, actnou_file};
    pub use crate::patients::{PATIENTS_FILE, PATIENTS_HEADER};
    pub use crate::team::{ANNEXE2_FILE, ANNEXE2_HEADER};

    /// The case description.
    pub const TEAM_FILE: &str = "team.toml";
    pub const README_FILE: &str = "README.md";
}

/// The independent random streams of a case, one per part.
#[derive(Clone, Copy)]
enum Stream {
    Team = 1,
    Patients = 2,
    Acts = 3,
    NonCoded = 4,
    Ik = 5,
}

/// The generator of one part of a case. The profile's name is mixed into the seed, so that two
/// profiles run with the same seed do not share their professionals or patients.
fn rng(profile: &CaseProfile, seed: u64, stream: Stream) -> ChaCha8Rng {
    // FNV-1a: a fixed, portable hash (the standard library's hashers promise no stability).
    let name_hash = profile.name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ name_hash);
    rng.set_stream(stream as u64);
    rng
}

/// Generates the case of `profile` for `seed` into `dir` (created if missing; files of the same
/// names are overwritten).
///
/// # Errors
///
/// `InvalidInput` if the profile fails [`CaseProfile::check`] (nothing is written then), or the
/// I/O error of the first file that could not be written, with its path in the message.
pub fn write_case(profile: &CaseProfile, seed: u64, dir: &Path) -> io::Result<CaseSummary> {
    profile
        .check()
        .map_err(|message| io::Error::new(io::ErrorKind::InvalidInput, format!("invalid case profile {}: {message}", profile.name)))?;
    std::fs::create_dir_all(dir).map_err(|e| out::with_path(dir, e))?;

    let team = team::draw(profile, &mut rng(profile, seed, Stream::Team));
    // Patients spread over the sites as the GPs do (evenly if no site has a GP).
    let mut site_weights: Vec<f64> = (0..profile.sites.len()).map(|site| team.of(Profession::Mg, Some(site)).len() as f64).collect();
    if site_weights.iter().all(|&w| w == 0.0) {
        site_weights.fill(1.0);
    }
    let mut people = patients::PersonDrawer::new(profile, ids::department_digits(&profile.code_commune));
    let patients = patients::draw(profile, &site_weights, &mut people, &mut rng(profile, seed, Stream::Patients));

    let mut files = Vec::new();
    let n_patients = patients::write(profile, &patients, dir)?;
    files.push(layout::PATIENTS_FILE.to_owned());
    let n_professionals = team::write_annexe2(profile, &team, dir)?;
    files.push(layout::ANNEXE2_FILE.to_owned());
    let n_acts = activity::write(profile, &team, &patients, &mut people, &mut rng(profile, seed, Stream::Acts), dir)?;
    files.push(activity::actnom_file(profile.year));
    if profile.n_noncoded_rows > 0 {
        noncoded::write(profile, &team, &patients, &mut rng(profile, seed, Stream::NonCoded), dir)?;
        files.push(noncoded::actnou_file(profile.year));
    }
    ik::write(profile, &mut rng(profile, seed, Stream::Ik), dir)?;
    files.push(ik::ik_file(profile.year));

    let start = team::year_start(profile.year);
    let declared_before = patients.iter().filter(|p| p.declared < start).count();
    let facts = describe::Facts {
        seed,
        finess: &team.finess,
        reference_patientele: profile.reference_patientele.unwrap_or(u32::try_from(declared_before).unwrap_or(u32::MAX)),
        patients_file: layout::PATIENTS_FILE,
        professionals_file: layout::ANNEXE2_FILE,
        acts_file: &activity::actnom_file(profile.year),
        ik_file: &ik::ik_file(profile.year),
        n_patients,
        n_professionals,
        n_acts,
    };
    out::write_text(dir, layout::TEAM_FILE, &describe::team_toml(profile, &facts))?;
    files.push(layout::TEAM_FILE.to_owned());
    out::write_text(dir, layout::README_FILE, &describe::readme(profile, &facts))?;
    files.push(layout::README_FILE.to_owned());

    Ok(CaseSummary { n_patients, n_professionals, n_acts, files })
}
