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
            Diagnostic::warning(Code::DepositNotCovered, msg!("data-deposit-not-covered", start = dmy(gap.start), end = dmy(gap.end)))
                .at(at())
                .hint(msg!("data-deposit-not-covered-hint")),
        );
    }
    let Some(deposited) = deposited else { return out };
    for d in relevant.iter().filter(|d| d.period.start <= period.end && period.start <= d.period.end && d.due < deposited) {
        out.push(
            Diagnostic::warning(
                Code::DepositLate,
                msg!("data-deposit-late", deposited = dmy(deposited), due = dmy(d.due), start = dmy(d.period.start))
                    .with("end", dmy(d.period.end)),
            )
            .at(at())
            .hint(msg!("data-deposit-late-hint", label = &d.label, day = d.working_day)),
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
