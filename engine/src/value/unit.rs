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

    /// Money: amounts that must be rounded as the rulebook declares.
    pub(crate) fn is_money(self) -> bool {
        self == Unit::Eur
    }
}
