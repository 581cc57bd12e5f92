//! Statuses of rule values: how sure we are of a value (a public text, the convention, or our
//! hypothesis).

use crate::names::closed_names;

closed_names! {
    /// How sure we are of a value: a public text says it, the convention (seed) says it, or it is
    /// our hypothesis because the official text is not public.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Status {
        Confirmed = "confirmed",
        Seed = "seed",
        Assumed = "assumed",
    }
}
