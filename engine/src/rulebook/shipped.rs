//! For the engine's own tests: the rules the repository ships, found on disk (whatever years
//! there are, so that a new year or an edit of the rules breaks no assertion).

use std::path::{Path, PathBuf};

use crate::rulebook::Rulebook;
use crate::rules::source::DirSource;

/// The repository's root.
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The years the repository ships rules for, in order.
pub(crate) fn years() -> Vec<i32> {
    let rules = repo().join("rules");
    let mut years: Vec<i32> = std::fs::read_dir(&rules)
        .expect("rules/")
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|y| rules.join(y.to_string()).join("rulebook.toml").is_file())
        .collect();
    years.sort();
    years
}

/// The rules of `year`, loaded anew at each call.
pub(crate) fn rules_of(year: i32) -> Rulebook {
    let rules = repo().join("rules").join(year.to_string());
    let (rb, diags) = crate::rulebook::load(&DirSource::new(rules), &DirSource::new(repo().join("norms")));
    rb.unwrap_or_else(|| panic!("the rules of {year} load: {diags:?}"))
}
