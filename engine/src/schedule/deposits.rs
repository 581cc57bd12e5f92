//! What a deposit date says of an exchange file: late against a deadline of the data it holds,
//! or holding days that no deposit period covers.

use chrono::NaiveDate;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::rules::calendar::deadlines::Deadline;
use crate::value::Period;

/// What a deposit date says of an exchange file of norm `norm` whose data covers `period`, given
/// the deadlines of the years it touches: a warning for each deposit period it holds data of whose
/// deadline passed before `deposited`, and a warning when some of its days fall in no deposit
/// period (then no deadline can be checked for them). Files of a norm that no deposit rule names,
/// while other norms are named, get none: they are not deposited on a calendar.
pub fn deposit_warnings(deadlines: &[Deadline], norm: &str, file: &str, period: Period, deposited: Option<NaiveDate>) -> Vec<Diagnostic> {
    let relevant: Vec<&Deadline> = deadlines.iter().filter(|d| d.norms.iter().any(|n| n == norm)).collect();
    if relevant.is_empty() && !deadlines.is_empty() {
        return Vec::new();
    }
    let at = || Location::File { file: file.to_string() };
    let mut out = Vec::new();
    for gap in uncovered(period, &relevant) {
        out.push(
            Diagnostic::warning(
                Code::DepositNotCovered,
                format!("the file holds data of {} – {}, which no deposit period of the calendar covers", dmy(gap.start), dmy(gap.end)),
            )
            .at(at())
            .hint("its deadline cannot be checked: check the period in the file name, or the year of the rules"),
        );
    }
    let Some(deposited) = deposited else { return out };
    for d in relevant.iter().filter(|d| d.period.start <= period.end && period.start <= d.period.end && d.due < deposited) {
        out.push(
            Diagnostic::warning(
                Code::DepositLate,
                format!(
                    "deposited on {}, after the deadline of {} for the data of {} – {}",
                    dmy(deposited),
                    dmy(d.due),
                    dmy(d.period.start),
                    dmy(d.period.end)
                ),
            )
            .at(at())
            .hint(format!("{}: by working day {} of the month after each period", d.label, d.working_day)),
        );
    }
    out
}

/// A day as the validator's messages write it.
pub(crate) fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The parts of `period` that none of the deadlines' periods covers.
pub(crate) fn uncovered(period: Period, deadlines: &[&Deadline]) -> Vec<Period> {
    let mut covered: Vec<Period> = deadlines.iter().map(|d| d.period).collect();
    covered.sort_by_key(|p| p.start);
    let mut gaps = Vec::new();
    let mut from = period.start;
    for p in covered {
        if p.end < from {
            continue;
        }
        if p.start > period.end {
            break;
        }
        if p.start > from
            && let Some(before) = p.start.pred_opt()
        {
            gaps.push(Period { start: from, end: before.min(period.end) });
        }
        match p.end.succ_opt() {
            Some(next) if p.end < period.end => from = next.max(from),
            _ => return gaps,
        }
    }
    if from <= period.end {
        gaps.push(Period { start: from, end: period.end });
    }
    gaps
}
