//! The run manifest: the engine, the year, the rulebook's hash, and the SHA-256 of every norm and
//! input file read, so that a figure can be reproduced.

// Membership and index lookups run once per row or more: foldhash is several times faster than
// the standard SipHash, and its per-process random seed keeps crafted data from forcing collisions.
use serde::Serialize;

use crate::case::Case;
use crate::rulebook::Rulebook;

#[derive(Debug, Clone, Serialize)]
pub struct RunManifest {
    pub engine: String,
    pub scheme: String,
    pub year: i32,
    pub rulebook_sha256: String,
    pub norms: Vec<ManifestFile>,
    pub inputs: Vec<ManifestFile>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ManifestFile {
    pub name: String,
    pub sha256: String,
}

pub(crate) fn manifest(rb: &Rulebook, case: &Case) -> RunManifest {
    let relative = |p: &str| -> String {
        let dir = case.dir.display().to_string();
        p.strip_prefix(&dir).map(|s| s.trim_start_matches('/').to_string()).unwrap_or_else(|| p.to_string())
    };
    RunManifest {
        engine: format!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION")),
        scheme: rb.manifest.scheme.clone(),
        year: rb.year,
        rulebook_sha256: rb.hash.clone(),
        norms: rb
            .norms
            .iter()
            .zip(&rb.norm_files)
            .map(|(n, f)| ManifestFile { name: format!("{}@{}", n.name, n.version), sha256: crate::hashing::sha256_hex(f.text.as_bytes()) })
            .collect(),
        inputs: case.hashes.iter().map(|(p, h)| ManifestFile { name: relative(p), sha256: h.clone() }).collect(),
    }
}
