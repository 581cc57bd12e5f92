//! The file of a year's folder that records the items it removes on purpose, and the kinds of
//! items it names: `compare::coverage` reads it, `schema` describes it.

/// The file of a year's folder that records what it removes on purpose.
pub const REMOVALS_FILE: &str = "retraits.toml";

/// The kinds of items whose presence is followed from one year to the next, as `retraits.toml`
/// writes them (`indicators` is an indicator set, as `indicateurs.toml` holds it).
pub(crate) const KINDS: &[&str] = &["parameter", "table", "list", "code", "indicators", "step", "input"];
