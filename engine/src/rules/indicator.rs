//! Indicator sets: weighted indicators with a target and a direction, scored against results
//! given by the case.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostic::Code;
use crate::rules::provenance::{Provenance, read_choice};
use crate::rules::strict::{Obj, key_of};

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorSet {
    pub name: String,
    #[serde(flatten)]
    pub provenance: Provenance,
    pub method: Method,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub name: String,
    #[serde(flatten)]
    pub provenance: Provenance,
    pub weight: Decimal,
    pub target: Decimal,
    pub direction: Direction,
    /// The case input holding the case's result.
    pub input: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Higher,
    Lower,
}

/// How a result becomes an attainment between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Proportional to the distance to the target, capped at 1.
    Linear,
    /// 1 when the target is met, 0 otherwise.
    Threshold,
}

impl Indicator {
    /// The attainment of `result` (0 to 1) under `method`.
    pub(crate) fn attainment(&self, result: Decimal, method: Method) -> Decimal {
        let met = match self.direction {
            Direction::Higher => result >= self.target,
            Direction::Lower => result <= self.target,
        };
        if met {
            return Decimal::ONE;
        }
        match (method, self.direction) {
            (Method::Threshold, _) => Decimal::ZERO,
            // Below a positive target: a quotient under 1, or negative (then 0) when it overflows.
            (Method::Linear, Direction::Higher) if self.target > Decimal::ZERO => {
                result.checked_div(self.target).unwrap_or(Decimal::ZERO).max(Decimal::ZERO)
            }
            // Above the target and positive: a quotient under 1 in size.
            (Method::Linear, Direction::Lower) if result > Decimal::ZERO => {
                self.target.checked_div(result).unwrap_or(Decimal::ZERO).max(Decimal::ZERO)
            }
            _ => Decimal::ZERO,
        }
    }
}

/// Reads every indicator set of an indicator file.
pub(crate) fn read_indicator_sets(root: &Obj<'_, '_>, out: &mut Vec<IndicatorSet>) {
    for (key, item) in root.entries() {
        let name = key.get_ref().to_string();
        let Some(obj) = Obj::of(root.ctx(), item, &msg!("rules-what-indicator-set", name = &name)) else { continue };
        if let Some(s) = read_set(&obj, name) {
            out.push(s);
        }
        obj.finish();
    }
}

fn read_set(obj: &Obj<'_, '_>, name: String) -> Option<IndicatorSet> {
    let ctx = obj.ctx();
    let provenance = Provenance::read(obj);
    let method = read_choice(obj, "method", &["linear", "threshold"], |s| match s {
        "linear" => Some(Method::Linear),
        "threshold" => Some(Method::Threshold),
        _ => None,
    });
    let mut indicators = Vec::new();
    for item in obj.array("indicators")? {
        let Some(i) = Obj::of(ctx, item, &msg!("rules-what-indicator", set = &name)) else { continue };
        let ind_name = i.str("name");
        let prov = Provenance::read(&i);
        let weight = i.decimal("weight");
        let target = i.decimal("target");
        let direction = read_choice(&i, "direction", &["higher", "lower"], |s| match s {
            "higher" => Some(Direction::Higher),
            "lower" => Some(Direction::Lower),
            _ => None,
        });
        let input = i.str("input");
        if let Some(w) = &weight
            && w.get_ref().is_sign_negative()
        {
            ctx.error(Code::InvalidValue, w.span(), msg!("rules-weight-negative", what = i.what()));
        }
        if let Some(t) = &target
            && !(Decimal::ZERO..=Decimal::ONE).contains(t.get_ref())
        {
            let value = t.get_ref().normalize().to_string();
            let hint = if *t.get_ref() >= Decimal::TWO && *t.get_ref() <= Decimal::ONE_HUNDRED {
                msg!("rules-target-as-percent-hint", value = &value, rate = (*t.get_ref() / Decimal::ONE_HUNDRED).normalize().to_string())
            } else {
                msg!("rules-target-hint")
            };
            let message = msg!("rules-value-out-of-range", what = key_of("target", i.what()), value = value, min = "0", max = "1");
            ctx.error_hint(Code::OutOfRange, t.span(), message, hint);
        }
        i.finish();
        if let (Some(n), Some(p), Some(w), Some(t), Some(d), Some(inp)) = (ind_name, prov, weight, target, direction, input) {
            indicators.push(Indicator {
                name: n.into_inner(),
                provenance: p,
                weight: w.into_inner(),
                target: t.into_inner(),
                direction: d,
                input: inp.into_inner(),
            });
        }
    }
    // Weights too large to add up are not 1 either: reported with the others.
    let total = indicators.iter().try_fold(Decimal::ZERO, |sum, i| sum.checked_add(i.weight)).unwrap_or(Decimal::MAX);
    if total.is_zero() && !indicators.is_empty() {
        ctx.error(Code::InvalidValue, obj.span(), msg!("rules-weights-zero", set = &name));
    } else if !indicators.is_empty() && total != Decimal::ONE {
        let weights: Vec<String> = indicators.iter().map(|i| format!("{} {}", i.name, i.weight.normalize())).collect();
        ctx.warning(
            Code::IndicatorWeights,
            set_span(obj),
            msg!("rules-weights-not-one", set = &name, total = total.normalize()),
            msg!("rules-weights-share", weights = weights.join(" + ")),
        );
    }
    Some(IndicatorSet { name, provenance: provenance?, method: method?, indicators })
}

/// The span of a set's name where it is written as a table header (`[name]`), else the set.
fn set_span(obj: &Obj<'_, '_>) -> std::ops::Range<usize> {
    let span = obj.span();
    let text = &obj.ctx().file.text;
    let line_start = text[..span.start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
    if text[line_start..line_end].trim_start().starts_with('[') { line_start..line_end } else { span }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    fn ind(target: Decimal, direction: Direction) -> Indicator {
        Indicator {
            name: "i".into(),
            provenance: Provenance {
                label: "i".into(),
                reference: "r".into(),
                status: crate::value::Status::Assumed,
                description: None,
                location: crate::diagnostic::Location::File { file: "f".into() },
            },
            weight: dec!(1),
            target,
            direction,
            input: "x".into(),
        }
    }

    fn read(text: &str) -> Vec<crate::diagnostic::Diagnostic> {
        let file = crate::diagnostic::SourceFile { path: "indicateurs.toml".into(), text: text.into() };
        let ctx = crate::rules::strict::Ctx::new(&file);
        let root = ctx.parse().unwrap();
        let mut out = Vec::new();
        read_indicator_sets(&ctx.root(&root, &crate::message::Message::text("the file")), &mut out);
        ctx.into_diagnostics()
    }

    fn set(weights: &[&str]) -> String {
        let mut text = "# en-tête\n\n[bonus]\nlabel = \"B\"\nstatus = \"assumed\"\nreference = \"r\"\nmethod = \"linear\"\n".to_string();
        for (k, w) in weights.iter().enumerate() {
            text.push_str(&format!("\n[[bonus.indicators]]\nname = \"i{k}\"\nlabel = \"I\"\nweight = \"{w}\"\ntarget = \"0.5\"\ndirection = \"higher\"\ninput = \"x{k}\"\nstatus = \"assumed\"\nreference = \"r\"\n"));
        }
        text
    }

    #[test]
    fn weights_that_do_not_add_up_to_one_are_a_warning_at_the_set() {
        assert!(read(&set(&["0.40", "0.60"])).is_empty());
        let diags = read(&set(&["0.40", "0.20", "0.20"]));
        assert_eq!(diags.len(), 1, "{diags:?}");
        let d = &diags[0];
        assert_eq!((d.code, d.severity), (Code::IndicatorWeights, crate::diagnostic::Severity::Warning));
        assert_eq!(d.message.en(), "the weights of indicator set `bonus` add up to 0.8, not 1");
        assert_eq!(
            d.hint.as_ref().map(crate::message::Message::en).as_deref(),
            Some("i0 0.4 + i1 0.2 + i2 0.2: each weight is the indicator's share of the score, so they add up to 1")
        );
        assert_eq!(d.location.as_ref().unwrap().to_string(), "indicateurs.toml:3:1");
    }

    #[test]
    fn attainment_is_capped_and_directional() {
        let up = ind(dec!(0.80), Direction::Higher);
        assert_eq!(up.attainment(dec!(0.90), Method::Linear), dec!(1));
        assert_eq!(up.attainment(dec!(0.40), Method::Linear), dec!(0.5));
        assert_eq!(up.attainment(dec!(0.40), Method::Threshold), dec!(0));
        let down = ind(dec!(0.10), Direction::Lower);
        assert_eq!(down.attainment(dec!(0.20), Method::Linear), dec!(0.5));
        assert_eq!(down.attainment(dec!(0.05), Method::Linear), dec!(1));
    }
}
