//! Deposit deadlines: a recurring deposit rule of the calendar expanded over the working days of
//! each month (the Nth working day after each period), with a diagnostic for a month that has too
//! few working days.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::message::Message;
use crate::rules::calendar::Event;
use crate::value::Period;

/// One deadline of a recurring deposit rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub rule: String,
    pub label: String,
    pub period: Period,
    pub due: NaiveDate,
    pub working_day: u32,
    pub norms: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Deposit deadlines

/// The deadlines of every recurring deposit rule of the calendar, by due date.
pub fn deposit_deadlines(calendar: &[Event]) -> Vec<Deadline> {
    let mut out: Vec<Deadline> = calendar.iter().flat_map(|e| deposit_deadlines_of(e).0).collect();
    out.sort_by_key(|d| (d.due, d.period.start));
    out
}

pub(crate) fn deposit_deadlines_of(e: &Event) -> (Vec<Deadline>, Vec<Diagnostic>) {
    let Some(rule) = &e.deposit else { return (Vec::new(), Vec::new()) };
    if e.date.day() != 1 {
        let d = Diagnostic::error(
            Code::InvalidValue,
            msg!("rules-deposit-not-first-day", name = &e.name, date = crate::rules::strict::date(e.date)),
        )
        .at(e.provenance.location.clone())
        .hint(msg!("rules-deposit-whole-months"));
        return (Vec::new(), vec![d]);
    }
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for k in 0..rule.count {
        let start = e.date.checked_add_months(Months::new(k * rule.every_months));
        let next = e.date.checked_add_months(Months::new((k + 1) * rule.every_months));
        let (Some(start), Some(next)) = (start, next) else { break };
        let Some(end) = next.pred_opt() else { break };
        match rule.working_days.nth_working_day(next.year(), next.month(), rule.working_day) {
            Some(due) => out.push(Deadline {
                rule: e.name.clone(),
                label: e.provenance.label.clone(),
                period: Period { start, end },
                due,
                working_day: rule.working_day,
                norms: rule.norms.clone(),
            }),
            None => diags.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    msg!("rules-deposit-no-deadline", month = month(next), days = rule.working_day, name = &e.name),
                )
                .at(e.provenance.location.clone()),
            ),
        }
    }
    (out, diags)
}

/// The month of `day` in a message: 2025-04 in English, as the rule files write dates, 04/2025 in
/// French.
fn month(day: NaiveDate) -> Message {
    let (iso, month) = (format!("{}-{:02}", day.year(), day.month()), format!("{:02}", day.month()));
    msg!("rules-month", iso = iso, month = month, year = day.year().to_string())
}
