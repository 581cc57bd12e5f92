//! Exact fractions of decimals: a share written `1 / 12` kept as its numerator and denominator,
//! so that it multiplies an amount before it divides it and no digit is lost before the rounding
//! the rule declares (`1 / 12` of 168 219,18 is 14 018,265, not 14 018,264 999…).

use rust_decimal::Decimal;

/// `num / den`, `den` never zero. Every operation is checked: `None` when a result does not fit
/// a decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ratio {
    num: Decimal,
    den: Decimal,
}

impl Ratio {
    /// The whole number `n` (`n / 1`).
    pub(crate) fn whole(n: Decimal) -> Ratio {
        Ratio { num: n, den: Decimal::ONE }
    }

    /// `num / den`; `None` when `den` is zero.
    pub(crate) fn new(num: Decimal, den: Decimal) -> Option<Ratio> {
        (!den.is_zero()).then_some(Ratio { num, den })
    }

    /// The fraction as one decimal (divided last: as exact as a decimal can be).
    pub(crate) fn value(self) -> Option<Decimal> {
        if self.den == Decimal::ONE { Some(self.num) } else { self.num.checked_div(self.den) }
    }

    /// This fraction of `x`: `x × num / den`, multiplied before it is divided.
    pub(crate) fn of(self, x: Decimal) -> Option<Decimal> {
        let product = x.checked_mul(self.num)?;
        if self.den == Decimal::ONE { Some(product) } else { product.checked_div(self.den) }
    }

    pub(crate) fn is_zero(self) -> bool {
        self.num.is_zero()
    }

    pub(crate) fn neg(self) -> Ratio {
        Ratio { num: -self.num, den: self.den }
    }

    pub(crate) fn checked_add(self, o: Ratio) -> Option<Ratio> {
        if self.den == o.den {
            return Some(Ratio { num: self.num.checked_add(o.num)?, den: self.den });
        }
        let num = self.num.checked_mul(o.den)?.checked_add(o.num.checked_mul(self.den)?)?;
        Some(Ratio { num, den: self.den.checked_mul(o.den)? })
    }

    pub(crate) fn checked_sub(self, o: Ratio) -> Option<Ratio> {
        self.checked_add(o.neg())
    }

    pub(crate) fn checked_mul(self, o: Ratio) -> Option<Ratio> {
        Some(Ratio { num: self.num.checked_mul(o.num)?, den: self.den.checked_mul(o.den)? })
    }

    /// `self / o`; `None` when `o` is zero or a product overflows.
    pub(crate) fn checked_div(self, o: Ratio) -> Option<Ratio> {
        if o.num.is_zero() {
            return None;
        }
        Ratio::new(self.num.checked_mul(o.den)?, self.den.checked_mul(o.num)?)
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::value::Rounding;

    #[test]
    fn a_fraction_multiplies_before_it_divides() {
        let twelfth = Ratio::whole(dec!(1)).checked_div(Ratio::whole(dec!(12))).unwrap();
        // Divided first, 1/12 keeps 28 digits and 168 219,18 × 0,0833… falls under the half cent.
        let truncated = dec!(168219.18) * twelfth.value().unwrap();
        assert_eq!(Rounding::cents().apply(truncated), Some(dec!(14018.26)));
        assert_eq!(twelfth.of(dec!(168219.18)).and_then(|x| Rounding::cents().apply(x)), Some(dec!(14018.27)));
        // Twelve twelfths are exactly one.
        let mut sum = Ratio::whole(Decimal::ZERO);
        for _ in 0..12 {
            sum = sum.checked_add(twelfth).unwrap();
        }
        assert_eq!(sum.value(), Some(Decimal::ONE));
        assert_eq!(Ratio::whole(dec!(1)).checked_div(Ratio::whole(Decimal::ZERO)), None);
        assert_eq!(Ratio::whole(Decimal::MAX).checked_mul(Ratio::whole(dec!(2))), None);
        assert_eq!(Ratio::whole(Decimal::MAX).of(dec!(10)), None);
    }
}
