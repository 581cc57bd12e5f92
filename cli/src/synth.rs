//! `peps synth`: writes a synthetic team case from a preset profile and a seed.

use std::path::PathBuf;

use peps_synth::{CaseProfile, PRESETS, write_case};

#[derive(clap::Args, Debug)]
pub struct SynthArgs {
    /// Preset profile: malakoff_like, small_msp or ineligible
    #[arg(long, default_value = "malakoff_like")]
    profile: String,
    /// Seed of the generator: the same seed gives byte-identical files
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Number of patients (default: the profile's)
    #[arg(long)]
    patients: Option<usize>,
    /// Folder to write the case into (created if needed)
    #[arg(long, short = 'o', value_name = "DIR")]
    out: PathBuf,
}

pub fn run(args: &SynthArgs) -> u8 {
    let Some(mut profile) = CaseProfile::preset(&args.profile) else {
        eprintln!("error: unknown profile `{}` (profiles: {})", args.profile, PRESETS.join(", "));
        return crate::EXIT_IO;
    };
    if let Some(n) = args.patients {
        profile.n_patients = n;
    }
    match write_case(&profile, args.seed, &args.out) {
        Ok(summary) => {
            crate::emit(&format!(
                "wrote {} ({} patients, {} professionals, {} acts): {}\n",
                args.out.display(),
                summary.n_patients,
                summary.n_professionals,
                summary.n_acts,
                summary.files.join(", ")
            ));
            crate::EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            crate::EXIT_IO
        }
    }
}
