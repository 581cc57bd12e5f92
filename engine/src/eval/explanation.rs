//! What a step says of itself, with the run's values: the rulebook's own sentence when the step
//! writes one (`explanation`, chosen by its conditions, `{name}` shown the French way), else a
//! sentence of the message files built from the mechanism and what it read — the rows kept of
//! how many, the sum over which rows, the table read for which values, the criteria met or not.
//! Never a function name nor source code: those are `explain --full --details`.

use crate::eval::state::State;
use crate::eval::{Part, Read};
use crate::expr::{self, Env, Expr, Slot};
use crate::ids::{ExistsId, SetId, StepId};
use crate::message::Message;
use crate::rulebook::explanations::{ExplanationPlan, Shown, scalar_unit};
use crate::rulebook::{ReadRef, Rulebook};
use crate::rules::label;
use crate::value::{Unit, Value, for_people};

/// The sentence that explains step `i`, whose value is `value`.
pub(crate) fn explain(rb: &Rulebook, st: &State<'_>, i: StepId, value: &Value, breakdown: &[Part], reads: &[Read]) -> Message {
    if let Some(plan) = rb.explanations.get(i).and_then(Option::as_ref) {
        return Message::text(said(st, plan));
    }
    let step = &rb.steps[i];
    let w = Words { rb, st };
    let shown = w.show(value, step.unit);
    let according = w.according(reads);
    let (source, rows) = w.source(i);
    let rows_msg = || msg!("explain-words-rows", count = rows, shown = w.count(rows));
    match step.def.mechanism.name() {
        "filter" => msg!(
            "explain-words-filter",
            count = value.as_number().map_or(0, count_of),
            kept = shown,
            rows = rows_msg(),
            source = source,
            according = according
        ),
        "aggregate" => {
            let op = match &step.def.mechanism {
                crate::mechanism::Mechanism::Aggregate(a) => a.op.name().as_str(),
                _ => "sum",
            };
            let sentence = match op {
                "count" => Message::id("explain-words-count"),
                "min" => Message::id("explain-words-min"),
                "max" => Message::id("explain-words-max"),
                _ => Message::id("explain-words-sum"),
            }
            .with("count", value.as_number().map_or(0, count_of))
            .with("value", shown)
            .with("rows", rows_msg())
            .with("source", source)
            .with("according", according);
            if breakdown.is_empty() { sentence } else { msg!("explain-words-groups", sentence = sentence, groups = breakdown.len()) }
        }
        "lookup" if rows_of(rb, i).is_some() => Message::id("explain-words-lookup-rows")
            .with("value", shown)
            .with("rows", rows_msg())
            .with("source", source)
            .with("table", w.table(reads))
            .with("cells", breakdown.len())
            .with("according", according),
        "lookup" => msg!("explain-words-lookup", table = w.table(reads), keys = w.pairs(reads, true), value = shown),
        "derive" if *value == Value::Null => msg!("explain-words-derive-rows", rows = rows_msg(), source = source, according = according),
        "derive" => msg!("explain-words-derive", rows = rows_msg(), source = source, according = according, value = shown),
        "classify" => {
            let classes = breakdown.iter().filter(|p| p.count.is_some_and(|c| c > 0)).map(|p| {
                let c = p.count.unwrap_or_default();
                let label = p.label.clone().unwrap_or_else(|| Message::text(p.key.clone()));
                msg!("explain-words-class", label = label, rows = msg!("explain-words-rows", count = c, shown = w.count(c)))
            });
            msg!("explain-words-classify", rows = rows_msg(), source = source, list = w.list(reads), classes = join(classes))
        }
        "checks" => {
            let (passed, failed): (Vec<&Part>, Vec<&Part>) = breakdown.iter().partition(|p| p.value != Some(Value::Bool(false)));
            let line = |parts: &[&Part]| join(parts.iter().map(|p| w.check(p)));
            if failed.is_empty() {
                msg!("explain-words-checks-met", checks = line(&passed))
            } else if passed.is_empty() {
                msg!("explain-words-checks-failed", count = failed.len(), failed = line(&failed))
            } else {
                msg!("explain-words-checks-some", count = failed.len(), failed = line(&failed), passed = line(&passed))
            }
        }
        "score" => {
            let parts = breakdown.iter().map(|p| {
                let label = p.label.clone().unwrap_or_else(|| Message::text(p.key.clone()));
                let attained = p.value.as_ref().map_or_else(String::new, |v| w.show(v, Unit::Rate));
                msg!("explain-words-indicator", label = label, attained = attained)
            });
            msg!("explain-words-score", set = w.set(reads), indicators = join(parts), value = shown)
        }
        _ => msg!("explain-words-formula", values = w.pairs(reads, true), value = shown),
    }
}

/// The rulebook's sentence, the first whose condition holds, with the values in place.
fn said(st: &State<'_>, plan: &ExplanationPlan) -> String {
    let mut values: Vec<Value> = Vec::with_capacity(plan.values.len());
    for (e, _) in &plan.values {
        // A value that cannot be computed (a division by zero) is shown as no value: the
        // explanation never makes the evaluation fail.
        let v = expr::eval(e, &Scope { st, values: &values }).unwrap_or(Value::Null);
        values.push(v);
    }
    let scope = Scope { st, values: &values };
    let holds = |w: &Option<Expr>| w.as_ref().is_none_or(|w| expr::eval_bool(w, &scope).unwrap_or(false));
    let Some((_, text)) = plan.cases.iter().find(|(w, _)| holds(w)) else { return String::new() };
    sentence(text, |name| {
        let (_, shown) = plan.names.iter().find(|(n, _)| n == name)?;
        Some(match *shown {
            Shown::Scalar(s, unit) => (st.scalars[s].clone(), unit, false),
            Shown::Value(k) => (values[k].clone(), plan.values[k].1, true),
        })
    })
}

/// `text` with each `{name}` replaced by its value written the French way: `value_of` gives the
/// value, its unit and whether it was computed for the sentence (then rounded to what people
/// read: cents for euros, a hundredth of a percent for a rate).
fn sentence(text: &str, value_of: impl Fn(&str) -> Option<(Value, Unit, bool)>) -> String {
    label::render(text, |name| {
        let (value, unit, computed) = value_of(name)?;
        let value = if computed { rounded(&value, unit) } else { value };
        Some(for_people(&value, unit))
    })
}

/// A computed value as a sentence shows it: cents for euros, a hundredth of a percent for rates.
fn rounded(value: &Value, unit: Unit) -> Value {
    match (value, unit) {
        (Value::Number(n), Unit::Eur) => Value::Number(n.round_dp(2)),
        (Value::Number(n), _) => Value::Number(n.round_dp(4)),
        (v, _) => v.clone(),
    }
}

/// The view (or dataset) whose rows step `i` runs over, when it runs over rows.
fn rows_of(rb: &Rulebook, i: StepId) -> Option<&str> {
    use crate::mechanism::Mechanism;
    match &rb.steps[i].def.mechanism {
        Mechanism::Filter(m) => Some(&m.dataset.text),
        Mechanism::Aggregate(m) => Some(&m.dataset.text),
        Mechanism::Derive(m) => Some(&m.dataset.text),
        Mechanism::Classify(m) => Some(&m.dataset.text),
        Mechanism::Lookup(m) => m.dataset.as_ref().map(|d| d.text.as_str()),
        Mechanism::Formula(_) | Mechanism::Function(_) | Mechanism::Checks(_) | Mechanism::Score(_) => None,
    }
}

/// A whole number of rows, for the plural of a sentence.
fn count_of(n: rust_decimal::Decimal) -> i64 {
    use rust_decimal::prelude::ToPrimitive;
    n.trunc().to_i64().unwrap_or(0)
}

/// Messages one after the other, `a ; b ; c`.
fn join(items: impl Iterator<Item = Message>) -> Message {
    items
        .fold(None, |acc, item| {
            Some(match acc {
                None => item,
                Some(previous) => msg!("explain-words-then", previous = previous, next = item),
            })
        })
        .unwrap_or_else(|| msg!("explain-words-nothing"))
}

/// The scalars of the run and the explanation's own values, for its expressions.
struct Scope<'s, 'a> {
    st: &'s State<'a>,
    values: &'s [Value],
}

impl Env for Scope<'_, '_> {
    fn get(&self, slot: Slot) -> Value {
        match slot {
            Slot::Scalar(s) => self.st.scalars[s].clone(),
            Slot::Column(c) => self.values.get(c.index()).cloned().unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }

    fn contains(&self, _set: SetId, _value: &Value) -> bool {
        false
    }

    fn exists(&self, _view: ExistsId, _cond: &Expr) -> bool {
        false
    }
}

/// The words of a run, for the sentences built from a mechanism.
struct Words<'s, 'a> {
    rb: &'s Rulebook,
    st: &'s State<'a>,
}

impl Words<'_, '_> {
    fn show(&self, value: &Value, unit: Unit) -> String {
        for_people(value, unit)
    }

    fn count(&self, n: impl Into<rust_decimal::Decimal>) -> String {
        for_people(&Value::Number(n.into()), Unit::Count)
    }

    /// Whether step `s` gives a value per row (a view, or a value computed for each row): its
    /// total is not one of the values a sentence lists.
    fn per_row(&self, s: StepId) -> bool {
        let rows = self.rb.steps[s].def.mechanism.rows();
        rows.view_of.is_some() || rows.per_row.is_some()
    }

    fn step_of(&self, name: &str) -> Option<StepId> {
        self.rb.steps.iter_enumerated().find(|(_, s)| s.def.name == name).map(|(i, _)| i)
    }

    /// The rows step `i` runs over, as people name them (the label of the step that kept them, or
    /// of the data file), and how many there are.
    fn source(&self, i: StepId) -> (String, u64) {
        let Some(name) = rows_of(self.rb, i) else { return Default::default() };
        let Some((v, view)) = self.rb.views.iter_enumerated().find(|(_, v)| v.name == name) else { return Default::default() };
        let rows = self.st.views.get(v).and_then(Option::as_ref).map_or(0, |r| r.len() as u64);
        let label = match view.step {
            Some(s) => self.rb.render_label(&self.rb.steps[s].def.label),
            None => self.rb.schema.inputs[self.rb.datasets[view.dataset].input].label.clone(),
        };
        (label, rows)
    }

    /// `label = value` for each value the step reads (parameters and inputs; with `outputs`, the
    /// earlier steps' values too), or a message saying it reads none.
    fn pairs(&self, reads: &[Read], outputs: bool) -> Message {
        let pairs = reads
            .iter()
            .filter_map(|r| match r {
                Read::Parameter { label, value, unit, .. } => Some((label.clone(), self.show(value, *unit))),
                Read::Input { name, value } => {
                    let i = self.rb.schema.inputs.iter_enumerated().find(|(_, i)| &i.name == name)?;
                    Some((i.1.label.clone(), self.show(value, scalar_unit(self.rb, ReadRef::Input(i.0)))))
                }
                Read::Output { name, value } if outputs => {
                    let s = self.step_of(name)?;
                    (!self.per_row(s)).then(|| (self.rb.render_label(&self.rb.steps[s].def.label), self.show(value, self.rb.steps[s].unit)))
                }
                _ => None,
            })
            .map(|(label, value)| msg!("explain-words-pair", label = label, value = value));
        join(pairs)
    }

    /// `, selon …` with the parameters and inputs a mechanism over rows reads, or nothing.
    fn according(&self, reads: &[Read]) -> Message {
        let any = reads.iter().any(|r| matches!(r, Read::Parameter { .. } | Read::Input { .. }));
        if any { msg!("explain-words-according", values = self.pairs(reads, false)) } else { Message::text("") }
    }

    fn table(&self, reads: &[Read]) -> String {
        reads.iter().find_map(|r| if let Read::Table { label, .. } = r { Some(label.clone()) } else { None }).unwrap_or_default()
    }

    fn list(&self, reads: &[Read]) -> String {
        reads.iter().find_map(|r| if let Read::List { label, .. } = r { Some(label.clone()) } else { None }).unwrap_or_default()
    }

    fn set(&self, reads: &[Read]) -> String {
        reads.iter().find_map(|r| if let Read::Indicators { label, .. } = r { Some(label.clone()) } else { None }).unwrap_or_default()
    }

    /// A criterion with the values it compared: `label (6 ≥ 5)`.
    fn check(&self, p: &Part) -> Message {
        let label = p.label.clone().unwrap_or_else(|| Message::text(p.key.clone()));
        let Some(c) = &p.compared else { return label };
        let op = match c.op.as_str() {
            ">=" => "≥",
            "<=" => "≤",
            "==" => "=",
            "!=" => "≠",
            other => other,
        };
        // The unit of a side is not known: a whole number is written as it is (a year, `2025`).
        let side = |v: &Value| match v {
            Value::Number(n) if n.fract().is_zero() => n.normalize().to_string(),
            v => self.show(v, Unit::Number),
        };
        let (value, threshold) = (side(&c.value), side(&c.threshold));
        msg!("explain-words-check", label = label, value = value, op = op, threshold = threshold)
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn a_sentence_shows_each_name_with_its_value_written_the_french_way() {
        let values = |name: &str| match name {
            "plafond" => Some((Value::Number(dec!(57788.64)), Unit::Eur, false)),
            "soumis" => Some((Value::Number(dec!(73829.994)), Unit::Eur, true)),
            "ecart" => Some((Value::Number(dec!(-16041.35)), Unit::Eur, false)),
            "part" => Some((Value::Number(dec!(96330.38) / dec!(111987.39)), Unit::Rate, true)),
            "inclus" => Some((Value::Bool(true), Unit::Bool, false)),
            "annee" => Some((Value::Number(dec!(2025)), Unit::Year, false)),
            _ => None,
        };
        let shown =
            sentence("Plafond {plafond} < {soumis} : l'écart {ecart} est écrêté ; part {part}, bonus {inclus} en {annee} {{x}}", values);
        assert_eq!(
            shown.replace(['\u{a0}', '\u{202f}'], " "),
            "Plafond 57 788,64 € < 73 829,99 € : l'écart -16 041,35 € est écrêté ; part 86,02 %, bonus oui en 2025 {x}"
        );
        // A name the sentence does not know stays as written (refused at load: R135).
        assert_eq!(sentence("{inconnu}", values), "{inconnu}");
    }
}
