//! Units of values: a closed set, so a typo in a rule file is caught; each gives the kind of
//! value it holds.

use crate::names::closed_names;
use crate::value::Kind;

closed_names! {
    /// The unit of a value. Closed, so a typo in a rule file is caught.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Unit {
        Eur = "EUR",
        Rate = "rate",
        Count = "count",
        Number = "number",
        Km = "km",
        Days = "days",
        Years = "years",
        /// A calendar year (2024), unlike `years`, a duration: it moves with the data when a case
        /// is brought into another year.
        Year = "year",
        Minutes = "minutes",
        Date = "date",
        Bool = "bool",
        Text = "text",
    }
}

impl Unit {
    /// The kind of value a quantity in this unit holds.
    pub(crate) fn kind(self) -> Kind {
        match self {
            Unit::Date => Kind::Date,
            Unit::Bool => Kind::Bool,
            Unit::Text => Kind::Text,
            _ => Kind::Number,
        }
    }

    /// What a value of this unit is, for the schemas editors show. Not a message: the schemas'
    /// descriptions are read by editors, in English like the code (as `schema`'s).
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Unit::Eur => "An amount in euros (rounded to the cent by default).", // not prose
            Unit::Rate => "A rate or share, e.g. \"0.20\" for 20 %.",            // not prose
            Unit::Count => "A number of things (people, events, items).",        // not prose
            Unit::Number => "A plain number.",                                   // not prose
            Unit::Km => "Kilometres.",                                           // not prose
            Unit::Days => "Days.",                                               // not prose
            Unit::Years => "A duration in years.",                               // not prose
            Unit::Year => "A calendar year (2024): it moves with the data when a case is brought into another year.", // not prose
            Unit::Minutes => "Minutes.",                                         // not prose
            Unit::Date => "A date (TOML date, e.g. 2025-12-31).",                // not prose
            Unit::Bool => "true or false.",                                      // not prose
            Unit::Text => "A text.",                                             // not prose
        }
    }

    /// Money: amounts that must be rounded as the rulebook declares.
    pub(crate) fn is_money(self) -> bool {
        self == Unit::Eur
    }
}
