//! Amounts of the schedule: rounded to the cent, shown with their cents, summed exactly; an
//! amount that does not fit a decimal is an error at its calendar event, never a panic.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::diagnostic::{Code, Diagnostic};
use crate::rules::calendar::Event;

/// `d` rounded half-up to the cent. Rounding to a power of ten never overflows.
pub fn cents(d: Decimal) -> Decimal {
    let mut rounded = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// The sum of `amounts`; `None` when it does not fit a decimal.
pub(crate) fn sum(amounts: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    amounts.into_iter().try_fold(Decimal::ZERO, Decimal::checked_add)
}

/// An amount of the schedule that does not fit a decimal, found while `event` was planned.
pub(crate) fn overflow(e: &Event) -> Diagnostic {
    Diagnostic::error(Code::Arithmetic, msg!("data-schedule-overflow", event = &e.name))
        .at(e.provenance.location.clone())
        .hint(msg!("data-schedule-overflow-hint"))
}

/// An amount shown with at least its cents, never rounded: what a case records stays exact.
pub(crate) fn money(mut d: Decimal) -> Decimal {
    if d.scale() < 2 {
        d.rescale(2);
    }
    d
}
