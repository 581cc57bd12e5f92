//! Where the schedule finds the values of a case and its evaluation by name, and the estimate an
//! advance is a share of.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::case::Case;
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Evaluation;
use crate::rulebook::Rulebook;
use crate::rules::calendar::{Event, Received};
use crate::rules::inputs::InputKind;
use crate::schedule::money::{cents, overflow, sum};
use crate::schedule::{Estimate, Figure};
use crate::value::Value;

/// Where the values of a case and its evaluation are found by name.
pub(crate) struct Sources<'a> {
    pub(crate) rb: &'a Rulebook,
    pub(crate) case: &'a Case,
    pub(crate) eval: &'a Evaluation,
    /// The events of the calendar that hold for this case, shares computed.
    pub(crate) calendar: &'a [Event],
    /// The amounts the calendar computes with an expression, by the expression's text.
    pub(crate) computed: &'a [Figure],
}

impl Sources<'_> {
    /// The amount named `name`: an input `section.name`, a step, or an amount the calendar
    /// computes with an expression; `None` when it has no value.
    pub(crate) fn amount(&self, name: &str) -> Option<Figure> {
        if let Some(f) = self.computed.iter().find(|f| f.name == name) {
            return Some(f.clone());
        }
        let (label, value) = if name.contains('.') {
            let i = self.rb.schema.find(name)?;
            (self.rb.render_label(&self.rb.schema.inputs[i].label), self.case.values.get(i)?.as_number()?)
        } else if name == self.eval.total_name {
            // The total is zero, not absent, when the gate fails and the steps after it do not run.
            let label = self.rb.steps.iter().find(|s| s.def.name == name).map_or_else(String::new, |s| self.rb.render_label(&s.def.label));
            (label, self.eval.total.as_number()?)
        } else {
            match self.eval.output(name) {
                Some(o) => (o.label.clone(), o.value.as_number()?),
                // A step after a failed gate is not computed: an ineligible case is paid nothing.
                None if !self.eval.eligible => {
                    let step = self.rb.steps.iter().find(|s| s.def.name == name)?;
                    (self.rb.render_label(&step.def.label), Decimal::ZERO)
                }
                None => return None,
            }
        };
        Some(Figure { name: name.to_string(), label, value })
    }

    /// The payments the records input of `received` holds, by date.
    pub(crate) fn records(&self, received: &Received) -> Vec<(NaiveDate, Decimal)> {
        let Received::Records { input, date, amount } = received else { return Vec::new() };
        let Some(i) = self.rb.schema.find(input) else { return Vec::new() };
        let InputKind::Records { fields } = &self.rb.schema.inputs[i].kind else { return Vec::new() };
        let (Some(fd), Some(fa)) = (fields.iter().position(|(f, _)| f == date), fields.iter().position(|(f, _)| f == amount)) else {
            return Vec::new();
        };
        let mut out: Vec<(NaiveDate, Decimal)> = self.case.records[i]
            .iter()
            .filter_map(|r| match (r.get(fd), r.get(fa)) {
                (Some(Value::Date(d)), Some(Value::Number(a))) => Some((*d, *a)),
                _ => None,
            })
            .collect();
        out.sort_by_key(|(d, _)| *d);
        out
    }
}

pub(crate) fn no_estimate(e: &Event) -> Diagnostic {
    let sources = e.estimate.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    Diagnostic::error(Code::CaseMissingValue, msg!("data-advance-no-estimate", event = &e.name, sources = sources))
        .at(e.location_of("estimate"))
        .hint(msg!("data-advance-no-estimate-hint"))
}

/// Why advance `e` has no estimate.
pub(crate) enum NoEstimate {
    /// None of its sources has a value.
    Missing,
    /// Its source less the complements does not fit a decimal.
    Overflow,
}

impl NoEstimate {
    pub(crate) fn diagnostic(&self, e: &Event) -> Diagnostic {
        match self {
            NoEstimate::Missing => no_estimate(e),
            NoEstimate::Overflow => overflow(e),
        }
    }
}

/// The estimate of advance `e`: its first source with a value; a computed one less the
/// complements, which are paid apart.
pub(crate) fn estimate(src: &Sources<'_>, e: &Event, complements: &[&Event]) -> Result<Estimate, NoEstimate> {
    let source = e.estimate.iter().find_map(|n| src.amount(n)).ok_or(NoEstimate::Missing)?;
    let from_input = source.name.contains('.');
    let less: Vec<Figure> = if from_input {
        Vec::new()
    } else {
        complements.iter().filter_map(|c| src.amount(c.amount.as_deref()?)).filter(|f| !f.value.is_zero()).collect()
    };
    let amount = sum(less.iter().map(|f| f.value)).and_then(|less| source.value.checked_sub(less)).ok_or(NoEstimate::Overflow)?;
    Ok(Estimate { source, from_input, less, amount: cents(amount) })
}
