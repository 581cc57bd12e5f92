//! `--manifest PATH`, shared by the commands that evaluate: also write what the run read (the
//! engine, the rulebook and the SHA-256 of every norm and input file), never over the case's
//! own files.

use std::path::PathBuf;

use serde::Serialize;

use crate::json::json;

/// `--manifest PATH`: also write what the run read (engine, rulebook, norm and input hashes).
#[derive(clap::Args, Debug, Clone)]
pub struct ManifestArgs {
    /// Write the run's manifest (engine version, rulebook, norm and input SHA-256) to this file
    #[arg(long, value_name = "PATH")]
    pub manifest: Option<PathBuf>,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
}

impl ManifestArgs {
    /// Writes `manifest` as JSON if asked; the case's files are never overwritten.
    pub fn write<T: Serialize>(&self, manifest: &T, case: &std::path::Path) -> Result<(), u8> {
        let Some(path) = &self.manifest else { return Ok(()) };
        let inputs: Vec<PathBuf> = std::fs::read_dir(case).into_iter().flatten().flatten().map(|e| e.path()).collect();
        crate::output::write_atomic(path, json(manifest).as_bytes(), self.force, &inputs, false).map_err(|e| {
            crate::error(e.message());
            crate::EXIT_IO
        })
    }
}
