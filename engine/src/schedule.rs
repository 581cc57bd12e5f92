//! The payment schedule of one case for one year, from the rulebook's calendar and the year's
//! evaluation: advances (a share of an estimate, or a step's value) re-based when members of a
//! dataset enter or leave, complements paid in advance, what the case records as received, the
//! balance (the final amount less every payment), and the recurring deposit deadlines over
//! working days.
//!
//! Every amount is an exact decimal rounded half-up to the cent. Each share advance brings what
//! has been paid up to its share of the estimate as known on its date: the rounding left over
//! goes into the last one, and the balance is the final amount less what was paid, so advances
//! and balance add up to the final amount to the cent. A share (`1 / 12`) and a movement's
//! coefficient are exact fractions that multiply the estimate before they divide it, so the only
//! rounding is the one to the cent. Every sum is checked: an amount that does not fit a decimal
//! is X303 at its calendar event, never a panic.

use chrono::Weekday;
use rust_decimal::Decimal;

use crate::case::Case;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::eval::Evaluation;
use crate::expr::{self, Expr};
use crate::rulebook::Rulebook;
use crate::rules::calendar::deadlines::deposit_deadlines;
use crate::rules::calendar::{Event, EventKind};
use crate::rules::workdays::WEEKDAY_NAMES;
use crate::schedule::advances::{advances, complement_payments};
use crate::schedule::balance::balance;
use crate::schedule::money::{money, overflow, sum};
use crate::schedule::movements::movements;
use crate::schedule::scalars::ScalarValues;
use crate::schedule::sources::{Sources, estimate};
use crate::value::{Ratio, Value};

mod advances;
mod balance;
mod deposits;
mod money;
mod movements;
mod payments;
mod scalars;
mod sources;

pub use deposits::deposit_warnings;
pub use money::cents;
pub use payments::*;

// ---------------------------------------------------------------------------------------------
// The schedule

/// The working days of each deposit rule of the calendar, with the parameter that sets Saturday.
fn working_day_conventions(rb: &Rulebook, calendar: &[Event]) -> Vec<WorkingDayConvention> {
    calendar
        .iter()
        .filter_map(|e| {
            let rule = e.deposit.as_ref()?;
            let w = &rule.working_days;
            let parameter = rule.saturday.as_deref().and_then(|n| rb.parameter(n)).map(|p| ConventionSource {
                name: p.name.clone(),
                label: rb.render_label(&p.provenance.label),
                status: p.provenance.status,
                reference: p.provenance.reference.clone(),
            });
            let mut weekend = w.weekend.clone();
            weekend.sort_by_key(|d| d.num_days_from_monday());
            Some(WorkingDayConvention {
                rule: e.name.clone(),
                saturday_is_working_day: !w.weekend.contains(&Weekday::Sat),
                weekend: weekend.iter().map(|d| WEEKDAY_NAMES[d.num_days_from_monday() as usize]).collect(),
                fixed_holidays: w.fixed.len(),
                easter_holidays: w.easter.len(),
                parameter,
            })
        })
        .collect()
}

/// The schedule of `case` for the rulebook's year, given the year's evaluation of that case.
pub fn schedule(rb: &Rulebook, case: &Case, eval: &Evaluation) -> Schedule {
    let mut s = Schedule {
        scheme: rb.manifest.scheme.clone(),
        year: rb.year,
        rulebook: rb.label.clone(),
        estimate: None,
        payments: Vec::new(),
        paid: Decimal::ZERO,
        balance: None,
        movements: Vec::new(),
        deadlines: Vec::new(),
        working_days: Vec::new(),
        milestones: Vec::new(),
        // The calendar was checked when the rulebook loaded: what is left is this case's.
        diagnostics: Vec::new(),
    };
    let mut computed = Vec::new();
    let calendar = holding(rb, case, eval, &mut computed, &mut s.diagnostics);
    if s.diagnostics.iter().any(Diagnostic::is_error) {
        return s;
    }
    let src = Sources { rb, case, eval, calendar: &calendar, computed: &computed };
    s.deadlines = deposit_deadlines(&calendar);
    for d in &mut s.deadlines {
        d.label = rb.render_label(&d.label);
    }
    s.working_days = working_day_conventions(rb, &calendar);
    s.milestones = calendar
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Notification | EventKind::End | EventKind::Deadline))
        .map(|e| Milestone { name: e.name.clone(), label: rb.render_label(&e.provenance.label), kind: e.kind, date: e.date })
        .collect();
    let balance_event = calendar.iter().find(|e| e.kind == EventKind::Balance);
    let records = balance_event.and_then(|b| b.received.as_ref()).map(|r| src.records(r)).unwrap_or_default();
    let complements: Vec<&Event> = calendar.iter().filter(|e| e.kind == EventKind::Complement).collect();
    // A missing estimate is reported when the advances are planned.
    let base_estimate =
        calendar.iter().find(|e| e.kind == EventKind::Advance && e.share.is_some()).and_then(|e| estimate(&src, e, &complements).ok());
    s.estimate = base_estimate.clone();
    match base_estimate.as_ref().map_or_else(|| Ok(Vec::new()), |est| movements(rb, &calendar, case, eval, est.amount)) {
        Ok(movements) => s.movements = movements,
        Err(d) => {
            s.diagnostics.push(d);
            return s;
        }
    }
    advances(&src, &records, &complements, &mut s);
    if s.diagnostics.iter().any(Diagnostic::is_error) {
        return s;
    }
    complement_payments(&src, &complements, &mut s);
    // Records beyond the advances the calendar plans are payments too.
    let n_advances = calendar.iter().filter(|e| e.kind == EventKind::Advance).count();
    for (k, (date, amount)) in records.iter().enumerate().skip(n_advances) {
        s.payments.push(Payment {
            name: format!("recorded_{}", k + 1),
            label: String::new(),
            kind: PaymentKind::Recorded,
            date: *date,
            basis: Basis::Recorded,
            planned: None,
            adjustments: Vec::new(),
            received: Some(ReceivedAmount { date: Some(*date), amount: money(*amount) }),
            amount: money(*amount),
            status: None,
            reference: None,
        });
    }
    s.payments.sort_by_key(|p| p.date);
    let Some(paid) = sum(s.payments.iter().map(|p| p.amount)) else {
        s.diagnostics.extend(balance_event.or(calendar.first()).map(overflow));
        return s;
    };
    s.paid = money(paid);
    if let Some(b) = balance_event {
        match balance(&src, b, &s) {
            Some(result) => s.balance = result,
            None => s.diagnostics.push(overflow(b)),
        }
    }
    s
}

/// The events of the calendar that hold for this case (their `when`), each share and amount
/// written as an expression computed: a share becomes a number, an amount a figure named by its
/// expression. Shares outside 0–1, or adding up to more than 1, are errors.
fn holding(rb: &Rulebook, case: &Case, eval: &Evaluation, computed: &mut Vec<Figure>, diags: &mut Vec<Diagnostic>) -> Vec<Event> {
    let values = ScalarValues::new(rb, case, eval);
    let mut out = Vec::new();
    for (e, x) in rb.calendar.iter().zip(&rb.calendar_exprs) {
        #[allow(clippy::result_large_err, reason = "an error stops the event, once")] // not prose
        let number = |ex: &Option<Expr>| -> Result<Option<Decimal>, Diagnostic> {
            let Some(ex) = ex else { return Ok(None) };
            match expr::eval(ex, &values) {
                Ok(Value::Number(n)) => Ok(Some(n)),
                Ok(_) => Ok(Some(Decimal::ZERO)),
                Err(err) => Err(Diagnostic::error(err.code(), msg!("data-event-failed", event = &e.name, message = err.message()))
                    .at(e.provenance.location.clone())),
            }
        };
        if let Some(w) = &x.when
            && !expr::eval_bool(w, &values).unwrap_or(false)
        {
            continue;
        }
        // A share is kept as the exact fraction its expression computes, and as a decimal to show
        // and check (one too large for a decimal is out of range anyway).
        #[allow(clippy::result_large_err, reason = "an error stops the event, once")] // not prose
        let fraction = |ex: &Option<Expr>| -> Result<Option<(Ratio, Decimal)>, Diagnostic> {
            let Some(ex) = ex else { return Ok(None) };
            match expr::eval_ratio(ex, &values) {
                Ok(share) => {
                    let share = share.unwrap_or(Ratio::whole(Decimal::ZERO));
                    Ok(Some((share, share.value().unwrap_or(Decimal::MAX))))
                }
                Err(err) => Err(Diagnostic::error(err.code(), msg!("data-event-failed", event = &e.name, message = err.message()))
                    .at(e.provenance.location.clone())),
            }
        };
        let mut e = e.clone();
        match (fraction(&x.share), number(&x.amount)) {
            (Ok(share), Ok(amount)) => {
                if let Some((fraction, share)) = share {
                    e.share_fraction = Some(fraction);
                    if share.is_sign_negative() || share > Decimal::ONE {
                        diags.push(
                            Diagnostic::error(Code::InvalidValue, msg!("data-event-share-range", event = &e.name, share = share))
                                .at(e.location_of("share")),
                        );
                    }
                    e.share = Some(share);
                }
                if let (Some(value), Some(src)) = (amount, &e.amount_expr) {
                    computed.push(Figure { name: src.text.clone(), label: src.text.clone(), value });
                    e.amount = Some(src.text.clone());
                }
            }
            (Err(d), _) | (_, Err(d)) => diags.push(d),
        }
        out.push(e);
    }
    let shares = sum(out.iter().filter(|e| e.kind == EventKind::Advance).filter_map(|e| e.share)).unwrap_or(Decimal::MAX);
    // Shares such as 1/12 are not exact in decimals: twelve of them may miss 1 by 10^-27.
    if shares > Decimal::ONE + Decimal::new(1, 20) {
        let first = out.iter().find(|e| e.share.is_some());
        diags.push(
            Diagnostic::error(Code::InvalidValue, msg!("data-advance-shares-sum", total = shares.normalize()))
                .at(first.map(|e| e.provenance.location.clone()).unwrap_or(Location::File { file: rb.root.clone() }))
                .hint(msg!("data-advance-shares-sum-hint")),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal_macros::dec;

    use super::*;
    use crate::rules::calendar::deadlines::Deadline;
    use crate::schedule::advances::{ShareAdvance, share_advance, share_base};
    use crate::schedule::deposits::uncovered;
    use crate::value::Period;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn quarter(start: NaiveDate, end: NaiveDate, due: NaiveDate) -> Deadline {
        Deadline { rule: "r".into(), label: "Dépôt".into(), period: Period { start, end }, due, working_day: 5, norms: vec!["a".into()] }
    }

    fn year_2025() -> Vec<Deadline> {
        vec![
            quarter(day(2025, 1, 1), day(2025, 3, 31), day(2025, 4, 7)),
            quarter(day(2025, 4, 1), day(2025, 6, 30), day(2025, 7, 7)),
            quarter(day(2025, 7, 1), day(2025, 9, 30), day(2025, 10, 7)),
            quarter(day(2025, 10, 1), day(2025, 12, 31), day(2026, 1, 8)),
        ]
    }

    fn codes(diags: &[Diagnostic]) -> Vec<String> {
        diags.iter().map(|d| format!("{} {}", d.code, d.message.en())).collect()
    }

    #[test]
    fn a_file_deposited_after_a_deadline_of_its_data_is_late() {
        let q = year_2025();
        let first = Period { start: day(2025, 1, 1), end: day(2025, 3, 31) };
        assert!(deposit_warnings(&q, "a", "f.csv", first, Some(day(2025, 4, 7))).is_empty(), "on the deadline is in time");
        let late = deposit_warnings(&q, "a", "f.csv", first, Some(day(2025, 4, 8)));
        assert_eq!(
            codes(&late),
            ["V440 deposited on 08/04/2025, after the deadline of 07/04/2025 for the data of 01/01/2025 – 31/03/2025"]
        );
        // A whole year deposited on the last deadline is late for the first three quarters.
        let year = Period { start: day(2025, 1, 1), end: day(2025, 12, 31) };
        assert_eq!(deposit_warnings(&q, "a", "f.csv", year, Some(day(2026, 1, 8))).len(), 3);
        // Without a deposit date, only coverage is checked; other norms are not concerned.
        assert!(deposit_warnings(&q, "a", "f.csv", year, None).is_empty());
        assert!(deposit_warnings(&q, "b", "f.csv", year, Some(day(2027, 1, 1))).is_empty());
        // No deadline at all (no rulebook for the year, or no deposit rule): nothing is covered.
        assert_eq!(codes(&deposit_warnings(&[], "a", "f.csv", first, None)).len(), 1);
    }

    #[test]
    fn days_outside_every_deposit_period_are_reported() {
        let q = year_2025();
        let spans = Period { start: day(2024, 12, 1), end: day(2026, 1, 31) };
        let w = deposit_warnings(&q, "a", "f.csv", spans, None);
        assert_eq!(
            codes(&w),
            [
                "V441 the file holds data of 01/12/2024 – 31/12/2024, which no deposit period of the calendar covers",
                "V441 the file holds data of 01/01/2026 – 31/01/2026, which no deposit period of the calendar covers",
            ]
        );
        let holes = [&q[0], &q[2]];
        assert_eq!(
            uncovered(Period { start: day(2025, 2, 1), end: day(2025, 8, 15) }, &holes),
            [Period { start: day(2025, 4, 1), end: day(2025, 6, 30) }]
        );
        assert!(uncovered(Period { start: day(2025, 2, 1), end: day(2025, 2, 1) }, &holes).is_empty());
    }

    #[test]
    fn share_advances_catch_up_rebasing_and_differences_and_leave_the_cents_last() {
        let m = Movement {
            rule: "r".into(),
            rule_label: "R".into(),
            member: "x".into(),
            group: "A".into(),
            kind: MovementKind::Exit,
            date: day(2025, 6, 30),
            effective: day(2025, 7, 1),
            weight: dec!(1),
            members: 2,
            measure: None,
            group_measure: None,
            days: -184,
            period_days: 365,
            coefficient: dec!(-184) / dec!(730),
            fraction: Ratio::new(dec!(-184), dec!(730)).unwrap(),
            effect: Decimal::ZERO,
            applied_from: None,
        };
        let movements = [m];
        let e = dec!(1000.01);
        let quarter = Ratio::whole(dec!(0.25));
        let a = |paid| ShareAdvance { share: quarter, estimate: e, paid };
        // Before the exit: a quarter, 250.0025 → 250.00.
        let (b, adj) = share_advance(quarter, e, &[], &movements, day(2025, 1, 31), None, false).unwrap();
        assert_eq!(share_base(&b), dec!(250.00));
        assert!(adj.is_empty());
        // After it: 1000.01 − 252.06 (1000.01 × 184 / 730 = 252.0573) = 747.95; a quarter 186.9875
        // → 186.99; the two earlier quarters are brought down by 2 × (186.99 − 250.00), and the
        // second was received as 260.00: 10.00 more comes back.
        let done = [a(dec!(250.00)), a(dec!(260.00))];
        let (b, adj) = share_advance(quarter, e, &done, &movements, day(2025, 7, 20), Some(day(2025, 4, 20)), false).unwrap();
        assert_eq!(b, Basis::Share { share: dec!(0.25), estimate: e, rebased: dec!(747.95), base: dec!(186.99) });
        assert_eq!(adj[0], Adjustment { kind: AdjustmentKind::Rebase, amount: dec!(-126.02), movements: vec![0] });
        assert_eq!(adj[1], Adjustment { kind: AdjustmentKind::ReceivedDifference, amount: dec!(-10.00), movements: Vec::new() });
        // The last: four quarters of 186.99 are 747.96, one cent more than the estimate.
        let done = [a(dec!(250.00)), a(dec!(260.00)), a(dec!(186.99) - dec!(126.02) - dec!(10.00))];
        let (b, adj) = share_advance(quarter, e, &done, &movements, day(2025, 10, 20), Some(day(2025, 7, 20)), true).unwrap();
        assert_eq!(share_base(&b), dec!(186.99));
        assert_eq!(adj, [Adjustment { kind: AdjustmentKind::Rounding, amount: dec!(-0.01), movements: Vec::new() }]);
        let paid: Decimal = done.iter().map(|x| x.paid).sum::<Decimal>() + dec!(186.99) - dec!(0.01);
        assert_eq!(paid, dec!(747.95), "the advances add up to the re-based estimate");
    }
}
