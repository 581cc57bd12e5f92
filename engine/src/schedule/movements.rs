//! Entries and exits of a dataset's members after a re-basing rule's reference date, and the
//! share of the estimate each moves: its group's weight, divided among the group's members
//! equally or by a measure of each (a full-time equivalent): a column of the dataset, or a
//! per-member value a `derive` step with a `key` computes (read under the member's id).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::case::Case;
use crate::diagnostic::Diagnostic;
use crate::eval::Evaluation;
use crate::rulebook::Rulebook;
use crate::rules::calendar::Event;
use crate::rules::inputs::InputKind;
use crate::schedule::money::{cents, overflow, sum};
use crate::schedule::{Movement, MovementKind};
use crate::value::{Ratio, Value};

/// The entries and exits of every re-basing rule, by effective date, with their effect on
/// `estimate`. A measure that names no column is a keyed step of `eval`: each member's measure
/// is its value under the member's id (zero when the step did not run or has no value for it).
/// A diagnostic when a movement's share or effect does not fit a decimal.
pub(crate) fn movements(
    rb: &Rulebook,
    calendar: &[Event],
    case: &Case,
    eval: &Evaluation,
    estimate: Decimal,
) -> Result<Vec<Movement>, Diagnostic> {
    let mut out = Vec::new();
    for e in calendar {
        let Some(rule) = &e.rebase else { continue };
        let Some(i) = rb.schema.inputs.position(|inp| inp.name == rule.dataset && matches!(inp.kind, InputKind::Dataset { .. })) else {
            continue;
        };
        let Some(ds) = case.datasets.get(i).and_then(Option::as_ref) else { continue };
        let col = |name: &str| ds.column_index(name);
        let (Some(ci), Some(cg), Some(cin), Some(cout)) = (col(&rule.id), col(&rule.group), col(&rule.entry), col(&rule.exit)) else {
            continue;
        };
        let period = rb.period;
        let period_days = (period.end - period.start).num_days() + 1;
        let reference = e.date;
        // A row is read column by column, the columns of the rule alone (`RebaseRule::columns`:
        // those a case keeps for the schedule).
        let date_at = |row: usize, c: usize| match ds.value(row, c) {
            Value::Date(d) => Some(d),
            _ => None,
        };
        let text_at = |row: usize, c: usize| ds.value(row, c).render();
        let present_on =
            |row: usize, day: NaiveDate| date_at(row, cin).is_some_and(|d| d <= day) && date_at(row, cout).is_none_or(|d| d >= day);
        let cm = rule.measure.as_deref().and_then(col);
        // A measure computed per member: the keyed breakdown of its step, by the member's id.
        let keyed: Option<BTreeMap<&str, Decimal>> = match (&rule.measure, cm) {
            (Some(name), None) => Some(
                eval.output(name)
                    .map(|o| o.breakdown.iter().filter_map(|p| Some((p.key.as_str(), p.value.as_ref()?.as_number()?))).collect())
                    .unwrap_or_default(),
            ),
            _ => None,
        };
        let measure_at = |row: usize| match (&keyed, cm) {
            (Some(by_id), _) => Some(by_id.get(text_at(row, ci).as_str()).copied().unwrap_or(Decimal::ZERO)),
            (None, Some(c)) => Some(ds.value(row, c).as_number().unwrap_or(Decimal::ZERO)),
            (None, None) => None,
        };
        let mut members: BTreeMap<String, (u32, Decimal)> = BTreeMap::new();
        let rows = 0..ds.n_rows();
        for row in rows.clone() {
            if present_on(row, reference) {
                let m = members.entry(text_at(row, cg)).or_default();
                m.0 = m.0.saturating_add(1);
                m.1 = m.1.checked_add(measure_at(row).unwrap_or(Decimal::ONE)).ok_or_else(|| overflow(e))?;
            }
        }
        for row in rows {
            let group = text_at(row, cg);
            let weight = rule.weights.iter().find(|(g, _)| *g == group).map_or(Decimal::ZERO, |(_, w)| *w);
            let (n, total) = members.get(&group).copied().unwrap_or((0, Decimal::ZERO));
            let measure = measure_at(row);
            // The member's part of its group: its measure of the group's, or one of its members,
            // as a fraction divided last so that decimals stay exact as long as they can.
            let (part, whole) = match measure {
                Some(m) => (m, total),
                None => (Decimal::ONE, Decimal::from(n)),
            };
            let mut push = |kind, date: NaiveDate, effective: NaiveDate, days: i64| -> Option<()> {
                // Kept as a fraction, divided last (when it multiplies the estimate).
                let fraction = if whole.is_zero() {
                    Ratio::whole(Decimal::ZERO)
                } else {
                    let num = weight.checked_mul(part)?.checked_mul(Decimal::from(days))?;
                    Ratio::new(num, whole.checked_mul(Decimal::from(period_days))?)?
                };
                out.push(Movement {
                    rule: e.name.clone(),
                    rule_label: rb.render_label(&e.provenance.label),
                    member: text_at(row, ci),
                    group: group.clone(),
                    kind,
                    date,
                    effective,
                    weight,
                    members: n,
                    measure,
                    group_measure: measure.map(|_| total),
                    days,
                    period_days,
                    coefficient: fraction.value()?,
                    fraction,
                    effect: cents(fraction.of(estimate)?),
                    applied_from: None,
                });
                Some(())
            };
            if let Some(entry) = date_at(row, cin)
                && entry > reference
                && entry <= period.end
            {
                let first = entry.max(period.start);
                push(MovementKind::Entry, entry, entry, (period.end - first).num_days() + 1).ok_or_else(|| overflow(e))?;
            }
            if let Some(exit) = date_at(row, cout)
                && exit >= reference
                && exit < period.end
                && let Some(next) = exit.succ_opt()
            {
                let last = exit.max(period.start.pred_opt().unwrap_or(period.start));
                push(MovementKind::Exit, exit, next, -(period.end - last).num_days()).ok_or_else(|| overflow(e))?;
            }
        }
    }
    out.sort_by(|a, b| (a.effective, &a.member).cmp(&(b.effective, &b.member)));
    Ok(out)
}

/// `base` re-based by the movements known on `day` (effective on or before it); `None` when it
/// does not fit a decimal.
pub(crate) fn rebased(base: Decimal, movements: &[Movement], day: NaiveDate) -> Option<Decimal> {
    let effects = movements.iter().filter(|m| m.effective <= day).map(|m| m.fraction.of(base).map(cents)).collect::<Option<Vec<_>>>()?;
    base.checked_add(sum(effects)?)
}
