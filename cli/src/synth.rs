//! `peps synth`: writes a synthetic team case from a preset profile, a seed and a year, or with
//! `--teams`, a nation of synthetic teams (one case folder each).

use std::path::{Path, PathBuf};

use crate::exit::EXIT_IO;
use crate::say;
use peps_engine::message::Message;
use peps_engine::msg;
use peps_synth::{CaseProfile, CaseSummary, PRESETS, write_case, write_nation_with};
use rayon::prelude::*;

use crate::language::Say;

#[derive(clap::Args, Debug)]
pub struct SynthArgs {
    /// Preset profile: malakoff_like, small_msp or ineligible
    #[arg(long, default_value = "malakoff_like")]
    profile: String,
    /// Seed of the generator: the same seed (and year) gives byte-identical files
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Year of the data, to compute with `peps compute --year` of the same year: patient list at
    /// 31 December, acts inside the year, IK table of the year before
    #[arg(long, default_value_t = peps_synth::DEFAULT_YEAR, allow_negative_numbers = true)]
    year: i32,
    /// Number of patients (default: the profile's; with --teams, of the whole nation, default
    /// 2,000 per team)
    #[arg(long)]
    patients: Option<usize>,
    /// Write a nation of this many synthetic teams, one case folder each (`equipe_00001`, ...),
    /// with varied sizes, structures and mixes; --profile is not used then
    #[arg(long, value_name = "N")]
    teams: Option<usize>,
    /// With --teams: threads to use (0: one per core); the files do not depend on it
    #[arg(long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// Folder to write the case into (created if needed; one that holds files needs --force)
    #[arg(long, short = 'o', value_name = "DIR")]
    out: PathBuf,
    /// Write into a folder that already holds files, replacing those of the same names
    #[arg(long)]
    force: bool,
}

/// Refuses a folder that holds anything unless `--force` says to write into it: a case written
/// over another one would mix or destroy it.
fn refuse_non_empty(args: &SynthArgs) -> Result<(), u8> {
    if !args.force && crate::temp::is_non_empty_folder(&args.out) {
        say::error(msg!("cli-synth-not-empty", out = args.out.display().to_string()));
        return Err(EXIT_IO);
    }
    if args.out.exists() && !args.out.is_dir() {
        say::error(msg!("cli-synth-not-a-folder", out = args.out.display().to_string()));
        return Err(EXIT_IO);
    }
    Ok(())
}

/// Writes a case into a temporary folder beside `dir`, renamed into place once every file is
/// written: an interrupted or failed run leaves no half-written case.
fn write_case_in_place(profile: &CaseProfile, seed: u64, dir: &Path) -> std::io::Result<CaseSummary> {
    let tmp = crate::temp::TempFolder::beside(dir)?;
    let summary = write_case(profile, seed, tmp.path())?;
    tmp.persist(dir)?;
    Ok(summary)
}

pub fn run(args: &SynthArgs) -> u8 {
    if let Err(code) = refuse_non_empty(args) {
        return code;
    }
    if let Some(teams) = args.teams {
        return run_nation(args, teams);
    }
    let Some(profile) = CaseProfile::preset(&args.profile) else {
        say::error(msg!("cli-synth-unknown-profile", profile = &args.profile, profiles = PRESETS.join(", ")));
        return EXIT_IO;
    };
    let mut profile = match profile.in_year(args.year) {
        Ok(p) => p,
        Err(e) => {
            say::error(e.to_string());
            return EXIT_IO;
        }
    };
    if let Some(n) = args.patients {
        profile.n_patients = n;
    }
    match write_case_in_place(&profile, args.seed, &args.out) {
        Ok(summary) => {
            let wrote = Message::id("cli-synth-wrote-case")
                .with("out", args.out.display().to_string())
                .with("patients", summary.n_patients)
                .with("professionals", summary.n_professionals)
                .with("acts", summary.n_acts)
                .with("files", summary.files.join(", "));
            crate::say::emit(&format!("{wrote}\n", wrote = wrote.say()));
            crate::exit::EXIT_OK
        }
        Err(e) => {
            say::error(e.to_string());
            EXIT_IO
        }
    }
}

fn run_nation(args: &SynthArgs, teams: usize) -> u8 {
    let patients = args.patients.unwrap_or(teams.saturating_mul(2_000));
    // Refused before the thread pool and the progress bar exist, as for a single case.
    if let Err(e) = CaseProfile::malakoff_like().in_year(args.year) {
        say::error(e.to_string());
        return EXIT_IO;
    }
    let pool = match crate::parallel::pool(args.threads) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let bar = crate::parallel::progress(teams as u64, &msg!("cli-synth-teams").say());
    let each_team = |write: &(dyn Fn(usize) -> std::io::Result<CaseSummary> + Sync), n: usize| {
        pool.install(|| {
            (0..n)
                .into_par_iter()
                .map(|i| {
                    let written = write(i);
                    bar.inc(1);
                    written
                })
                .collect::<std::io::Result<Vec<_>>>()
        })
    };
    let result = write_nation_with(teams, patients, args.seed, args.year, &args.out, &write_case_in_place, each_team);
    bar.finish_and_clear();
    match result {
        Ok(s) => {
            let wrote = Message::id("cli-synth-wrote-nation")
                .with("out", args.out.display().to_string())
                .with("teams", s.n_teams)
                .with("patients", s.n_patients)
                .with("acts", s.n_acts)
                .with("first", peps_synth::team_folder(0))
                .with("last", peps_synth::team_folder(s.n_teams - 1));
            crate::say::emit(&format!("{wrote}\n", wrote = wrote.say()));
            crate::exit::EXIT_OK
        }
        Err(e) => {
            say::error(e.to_string());
            EXIT_IO
        }
    }
}
