//! Rounding rules: to a multiple of a step, half-up by default, never Rhai's banker's rounding.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::names::closed_names;

/// A rounding rule: to a multiple of `step`, with a mode. Never Rhai's banker's `round`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rounding {
    pub step: Decimal,
    pub mode: RoundingMode,
}

closed_names! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum RoundingMode {
        /// Half away from zero: 2.345 → 2.35, -2.345 → -2.35.
        HalfUp = "half-up",
        /// Half to even (banker's): 2.345 → 2.34.
        HalfEven = "half-even",
        /// Toward zero.
        Down = "down",
        /// Away from zero.
        Up = "up",
        Floor = "floor",
        Ceiling = "ceiling",
    }
}

impl RoundingMode {
    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
            RoundingMode::Floor => RoundingStrategy::ToNegativeInfinity,
            RoundingMode::Ceiling => RoundingStrategy::ToPositiveInfinity,
        }
    }
}

impl Rounding {
    #[cfg(test)]
    pub(crate) fn cents() -> Self {
        Rounding { step: Decimal::new(1, 2), mode: RoundingMode::HalfUp }
    }

    /// Rounds `value` to a multiple of the step; `None` when the rounded value does not fit a
    /// decimal written to the step's decimals (above 7.9·10²⁶, a decimal cannot hold cents), or
    /// the division by a step that is not a power of ten (`0.05`) overflows. A power of ten
    /// (`0.01`, `1`) rounds without dividing.
    pub(crate) fn apply(self, value: Decimal) -> Option<Decimal> {
        if self.step.is_zero() {
            return Some(value);
        }
        let step = self.step.normalize();
        let mut rounded = if step.mantissa() == 1 && step.scale() > 0 || step == Decimal::ONE {
            value.round_dp_with_strategy(step.scale(), self.mode.strategy())
        } else {
            let units = value.checked_div(self.step)?.round_dp_with_strategy(0, self.mode.strategy());
            units.checked_mul(self.step)?.round_dp(self.step.scale())
        };
        // A zero or whole result keeps the step's scale, so cents always show as cents.
        rounded.rescale(self.step.scale());
        (rounded.scale() == self.step.scale()).then_some(rounded)
    }
}
