//! Parameters: named values with a unit, a reference and a status, possibly dated inside the
//! period (a tariff that changes on 22 December).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostic::Code;
use crate::message::Message;
use crate::rules::provenance::{Provenance, read_choice};
use crate::rules::strict::{Item, Obj, date, key_of, read_bool, read_date, read_decimal, read_str};
use crate::value::{Dated, Kind, Period, Unit, Value, value_at};

#[derive(Debug, Clone, Serialize)]
pub struct Parameter {
    pub name: String,
    pub unit: Unit,
    #[serde(flatten)]
    pub provenance: Provenance,
    pub values: Vec<Dated<Value>>,
    /// A date that happens once (the end of an experiment), which a new year keeps as it is
    /// rather than moving it by a year.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub once: bool,
}

impl Parameter {
    /// The value in force on `date`, or the first one before the period starts.
    pub(crate) fn value_at(&self, date: NaiveDate) -> &Value {
        value_at(&self.values, date).unwrap_or(&self.values[0].value)
    }
}

/// Reads every parameter of a parameter file (one TOML table per parameter).
pub(crate) fn read_parameters(root: &Obj<'_, '_>, period: Period, out: &mut Vec<Parameter>) {
    for (key, item) in root.entries() {
        let name = key.get_ref().to_string();
        let Some(obj) = Obj::of(root.ctx(), item, &msg!("rules-what-parameter", name = &name)) else { continue };
        if let Some(p) = read_parameter(&obj, name, period) {
            out.push(p);
        }
        obj.finish();
    }
}

fn read_parameter(obj: &Obj<'_, '_>, name: String, period: Period) -> Option<Parameter> {
    let provenance = Provenance::read(obj);
    let unit = read_choice(obj, "unit", Unit::NAMES, Unit::parse);
    let values = match (obj.get("value"), obj.get("values"), unit) {
        (Some(_), Some(_), _) => {
            obj.ctx().error(Code::InvalidValue, obj.span(), msg!("rules-value-and-values", what = obj.what()));
            None
        }
        (None, None, _) => {
            obj.ctx().error_hint(
                Code::MissingKey,
                obj.span(),
                msg!("rules-missing-key", what = obj.what(), key = "value"),
                msg!("rules-give-value"),
            );
            None
        }
        (Some(item), None, Some(unit)) => {
            let v = read_typed(obj, item, unit, &key_of("value", obj.what()))?;
            Some(vec![Dated { from: period.start, value: v }])
        }
        (None, Some(item), Some(unit)) => read_dated(obj, item, unit, period),
        _ => None,
    };
    if let (Some(unit), Some(values)) = (unit, &values) {
        check_range(obj, unit, values);
    }
    let once = obj.opt_bool("once").unwrap_or(false);
    if once && unit.is_some_and(|u| u != Unit::Date) {
        obj.ctx().error_hint(Code::InvalidValue, obj.span(), msg!("rules-once-not-date", what = obj.what()), msg!("rules-once-hint"));
    }
    Some(Parameter { name, unit: unit?, provenance: provenance?, values: values?, once })
}

/// Checks every value of a number parameter against its declared `min` and `max`; a rate with
/// no declared bound lies in [0, 1], so that `"20"` written for 20 % is an error at load, not a
/// « 2 000 % » in a report.
fn check_range(obj: &Obj<'_, '_>, unit: Unit, values: &[Dated<Value>]) {
    let (min, max) = (obj.opt_decimal("min"), obj.opt_decimal("max"));
    if unit.kind() != Kind::Number {
        for bound in [&min, &max].into_iter().flatten() {
            obj.ctx().error(Code::InvalidValue, bound.span(), msg!("rules-bound-not-number", what = obj.what()));
        }
        return;
    }
    let rate = unit == Unit::Rate;
    let lo = min.as_ref().map(|m| *m.get_ref()).or(rate.then_some(Decimal::ZERO));
    let hi = max.as_ref().map(|m| *m.get_ref()).or(rate.then_some(Decimal::ONE));
    let span = obj.get("value").or(obj.get("values")).map_or(obj.span(), |i| i.span());
    for v in values.iter().filter_map(|d| d.value.as_number()) {
        if lo.is_some_and(|lo| v < lo) || hi.is_some_and(|hi| v > hi) {
            let shown = |b: Option<Decimal>| b.map_or_else(|| "—".to_string(), |b| b.normalize().to_string());
            let message =
                msg!("rules-value-out-of-range", what = obj.what(), value = v.normalize().to_string(), min = shown(lo), max = shown(hi));
            let hint = if rate && min.is_none() && max.is_none() && v >= Decimal::TWO && v <= Decimal::ONE_HUNDRED {
                msg!(
                    "rules-rate-as-percent-hint",
                    value = v.normalize().to_string(),
                    rate = (v / Decimal::ONE_HUNDRED).normalize().to_string()
                )
            } else {
                msg!("rules-range-hint")
            };
            obj.ctx().error_hint(Code::OutOfRange, span.clone(), message, hint);
        }
    }
}

/// Reads a value of the kind `unit` calls for.
pub(crate) fn read_typed(obj: &Obj<'_, '_>, item: &Item<'_>, unit: Unit, what: &Message) -> Option<Value> {
    let ctx = obj.ctx();
    match unit.kind() {
        Kind::Number => read_decimal(ctx, item, what).map(|d| Value::Number(d.into_inner())),
        Kind::Date => read_date(ctx, item, what).map(|d| Value::Date(d.into_inner())),
        Kind::Bool => read_bool(ctx, item, what).map(Value::Bool),
        Kind::Text | Kind::Null => read_str(ctx, item, what).map(|s| Value::Text(s.into_inner().into())),
    }
}

/// Reads `[{ from = date, value = ... }, ...]`: sorted, starting on the first day of the period,
/// every date inside the period.
pub(crate) fn read_dated(obj: &Obj<'_, '_>, item: &Item<'_>, unit: Unit, period: Period) -> Option<Vec<Dated<Value>>> {
    let ctx = obj.ctx();
    let items = crate::rules::strict::read_array(ctx, item, &key_of("values", obj.what()))?;
    let mut out: Vec<Dated<Value>> = Vec::new();
    let mut ok = true;
    for entry in items {
        let Some(e) = Obj::of(ctx, entry, &msg!("rules-what-dated-value", what = obj.what())) else {
            ok = false;
            continue;
        };
        let from = e.date("from");
        let value = e.get("value").and_then(|v| read_typed(&e, v, unit, &key_of("value", e.what())));
        if !e.has("value") {
            e.ctx().error(Code::MissingKey, e.span(), msg!("rules-missing-key", what = e.what(), key = "value"));
        }
        e.finish();
        let (Some(from), Some(value)) = (from, value) else {
            ok = false;
            continue;
        };
        if !period.contains(*from.get_ref()) {
            ctx.error_hint(
                Code::DateOutsidePeriod,
                from.span(),
                Message::id("rules-dated-value-outside")
                    .with("what", obj.what())
                    .with("from", date(*from.get_ref()))
                    .with("start", date(period.start))
                    .with("end", date(period.end)),
                msg!("rules-only-own-period"),
            );
            ok = false;
        }
        if let Some(prev) = out.last()
            && prev.from >= *from.get_ref()
        {
            ctx.error(
                Code::DatedValuesOrder,
                from.span(),
                msg!("rules-dated-values-order", what = obj.what(), from = date(*from.get_ref()), previous = date(prev.from)),
            );
            ok = false;
        }
        out.push(Dated { from: from.into_inner(), value });
    }
    if ok && out.is_empty() {
        ctx.error(Code::InvalidValue, item.span(), msg!("rules-values-empty", what = obj.what()));
        return None;
    }
    if ok && out[0].from != period.start {
        ctx.error_hint(
            Code::DatedValuesOrder,
            item.span(),
            Message::id("rules-dated-values-gap")
                .with("what", obj.what())
                .with("from", date(out[0].from))
                .with("start", date(period.start))
                .with("end", date(out[0].from.pred_opt()?)),
            msg!("rules-first-value-start", start = date(period.start)),
        );
        ok = false;
    }
    ok.then_some(out)
}
