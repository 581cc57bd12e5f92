//! `--manifest PATH`, shared by the commands that evaluate: also write what the run read (the
//! engine, the rulebook and the SHA-256 of every norm and input file), never over the case's
//! own files.

use std::path::{Path, PathBuf};

use peps_engine::eval::RunManifest;
use serde::Serialize;

use crate::args::RulesArgs;
use crate::exit::EXIT_IO;
use crate::json::json;
use crate::say;

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
    /// Writes `manifest` as JSON if asked; never over a file the run read (the case's files,
    /// the data files `read` names, wherever they are) nor over a rule or norm file, `--force`
    /// or not.
    pub fn write<T: Serialize>(&self, manifest: &T, case: &Path, rules: &[&RulesArgs], read: &[&RunManifest]) -> Result<(), u8> {
        let Some(path) = &self.manifest else { return Ok(()) };
        let mut inputs: Vec<PathBuf> = std::fs::read_dir(case).into_iter().flatten().flatten().map(|e| e.path()).collect();
        // A data file outside the case folder (--allow-outside-paths) is named as it was read.
        inputs.extend(read.iter().flat_map(|m| m.inputs.iter()).map(|f| case.join(f.name.split('#').next().unwrap_or(&f.name))));
        inputs.extend(rules.iter().flat_map(|r| crate::output::rule_and_norm_files(r)));
        let origins: Vec<RulesOrigin> = rules.iter().map(|r| RulesOrigin::of(r)).collect();
        let text = json(&WithRules { manifest, rules: origins });
        crate::output::write_atomic(path, text.as_bytes(), self.force, &inputs, false).map_err(|e| {
            say::error(e.message());
            EXIT_IO
        })
    }
}

/// A manifest with the rules it was computed under, so that a figure can be traced to them.
#[derive(Serialize)]
struct WithRules<'a, T: Serialize> {
    #[serde(flatten)]
    manifest: &'a T,
    rules: Vec<RulesOrigin>,
}

/// Which rules a run read: the copy built into the program (with its fingerprint) or a folder.
#[derive(Serialize)]
struct RulesOrigin {
    /// `built-in` or `folder`.
    origin: &'static str,
    folder: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fingerprint: Option<String>,
}

impl RulesOrigin {
    fn of(args: &RulesArgs) -> RulesOrigin {
        let root = crate::workspace::rules_root(args);
        let builtin = args.rules.is_none() && crate::builtin::is_builtin(&root);
        RulesOrigin {
            origin: if builtin { "built-in" } else { "folder" },
            folder: root.display().to_string(),
            fingerprint: builtin.then(crate::builtin::fingerprint),
        }
    }
}
