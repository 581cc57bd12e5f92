//! The file of a year's folder that records the items it removes on purpose, and the kinds of
//! items it names: `compare::coverage` reads it, `schema` describes it.

use crate::names::closed_names;

/// The file of a year's folder that records what it removes on purpose.
pub const REMOVALS_FILE: &str = "retraits.toml";

closed_names! {
    /// The kinds of items whose presence is followed from one year to the next, as the `kind` of
    /// a removal in `retraits.toml` spells them.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum RemovalKind {
        Parameter = "parameter",
        Table = "table",
        List = "list",
        Code = "code",
        /// A set of indicators, as `indicateurs.toml` holds it (not one indicator).
        IndicatorSet = "indicators",
        Step = "step",
        Input = "input",
    }
}
