//! Writes one synthetic case:
//! `cargo run -p peps-synth --example synth_case -- PROFILE SEED DIR [N_PATIENTS]`.
//! The `peps synth` command of the CLI is the intended front end; this example is for working on
//! the generator alone (and timing it on large patient lists with `--release`).

use std::path::PathBuf;
use std::process::ExitCode;

use peps_synth::{CaseProfile, PRESETS, write_case};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (profile, seed, dir, n_patients) = match args.as_slice() {
        [profile, seed, dir] => (profile, seed, dir, None),
        [profile, seed, dir, n] => (profile, seed, dir, Some(n)),
        _ => {
            eprintln!("usage: synth_case PROFILE SEED DIR [N_PATIENTS] (profiles: {})", PRESETS.join(", "));
            return ExitCode::from(2);
        }
    };
    let Some(mut profile) = CaseProfile::preset(profile) else {
        eprintln!("unknown profile {profile} (profiles: {})", PRESETS.join(", "));
        return ExitCode::from(2);
    };
    let Ok(seed) = seed.parse::<u64>() else {
        eprintln!("the seed must be an unsigned integer, not {seed}");
        return ExitCode::from(2);
    };
    if let Some(n) = n_patients {
        let Ok(n) = n.parse::<usize>() else {
            eprintln!("the number of patients must be an unsigned integer, not {n}");
            return ExitCode::from(2);
        };
        profile.n_patients = n;
    }
    match write_case(&profile, seed, &PathBuf::from(dir)) {
        Ok(summary) => {
            println!("{summary:?}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
