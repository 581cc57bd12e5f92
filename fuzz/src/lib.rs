//! The fixture every fuzz target mutates: the repository's 2025 rulebook, its norms and the `msp`
//! example case, loaded once per process. The targets themselves live in `peps_engine::fuzz`, so
//! that `tests/integration/robustness.rs` replays the corpus through the same code.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use peps_engine::fuzz::Fixture;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// The fixture, loaded on first use; a base that does not load cleanly is a setup error.
pub fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        Fixture::load(&repo("rules/2025"), &repo("norms"), Some(&repo("examples/msp")))
            .unwrap_or_else(|diags| panic!("the fuzz fixture does not load: {diags:#?}"))
    })
}

/// The folder the `case` target writes its fuzzed case into: one per process, under the system's
/// temporary folder, created on first use.
pub fn scratch() -> &'static Path {
    static SCRATCH: OnceLock<PathBuf> = OnceLock::new();
    SCRATCH.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("peps-fuzz-case-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("the fuzz scratch folder {}: {e}", dir.display()));
        dir
    })
}
