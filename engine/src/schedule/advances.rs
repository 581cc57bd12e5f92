//! Advances (shares of the estimate as re-based on their date, or a step's value) and the
//! complements paid in advance, with what the case records as received.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::rules::calendar::{Event, EventKind};
use crate::schedule::money::{cents, money, overflow, sum};
use crate::schedule::movements::rebased;
use crate::schedule::sources::{Sources, estimate};
use crate::schedule::{Adjustment, AdjustmentKind, Basis, Movement, Payment, PaymentKind, ReceivedAmount, Schedule};
use crate::value::Ratio;

/// One share advance as planned: its share, its estimate, and what was paid for it.
pub(crate) struct ShareAdvance {
    pub(crate) share: Ratio,
    pub(crate) estimate: Decimal,
    pub(crate) paid: Decimal,
}

/// Plans every advance event; the k-th record received (by date) is the k-th advance's. Marks
/// each movement with the first share advance that takes it into account.
pub(crate) fn advances(src: &Sources<'_>, records: &[(NaiveDate, Decimal)], complements: &[&Event], s: &mut Schedule) {
    let events: Vec<&Event> = src.calendar.iter().filter(|e| e.kind == EventKind::Advance).collect();
    let last_share = events.iter().rposition(|e| e.share.is_some());
    let movements = &s.movements;
    let mut done: Vec<ShareAdvance> = Vec::new();
    let mut share_days: Vec<(NaiveDate, String)> = Vec::new();
    let mut payments = Vec::new();
    let mut diagnostics = Vec::new();
    for (k, e) in events.iter().enumerate() {
        let received = records.get(k).map(|&(date, amount)| ReceivedAmount { date: Some(date), amount: money(amount) });
        let (basis, planned, adjustments) = match e.share {
            Some(shown) => {
                let est = match estimate(src, e, complements) {
                    Ok(est) => est,
                    Err(why) => {
                        diagnostics.push(why.diagnostic(e));
                        break;
                    }
                };
                // The exact fraction the share's expression computed, else the share as written.
                let share = e.share_fraction.unwrap_or(Ratio::whole(shown));
                let day = e.date;
                let previous = share_days.last().map(|(d, _)| *d);
                let Some((basis, adjustments, planned)) =
                    share_advance(share, est.amount, &done, movements, day, previous, Some(k) == last_share).and_then(|(basis, adj)| {
                        let planned = share_base(&basis).checked_add(sum(adj.iter().map(|a| a.amount))?)?;
                        Some((basis, adj, money(planned)))
                    })
                else {
                    diagnostics.push(overflow(e));
                    break;
                };
                done.push(ShareAdvance { share, estimate: est.amount, paid: received.map_or(planned, |r| r.amount) });
                share_days.push((day, e.name.clone()));
                (basis, planned, adjustments)
            }
            None => {
                let Some(f) = e.amount.as_deref().and_then(|n| src.amount(n)) else { continue };
                let planned = cents(f.value);
                (Basis::Output { name: f.name, label: f.label, value: f.value }, planned, Vec::new())
            }
        };
        payments.push(Payment {
            name: e.name.clone(),
            label: src.rb.render_label(&e.provenance.label),
            kind: PaymentKind::Advance,
            date: e.date,
            basis,
            planned: Some(planned),
            adjustments,
            received,
            amount: received.map_or(planned, |r| r.amount),
            status: Some(e.provenance.status),
            reference: Some(e.provenance.reference.clone()),
        });
    }
    for m in &mut s.movements {
        m.applied_from = share_days.iter().find(|(d, _)| m.effective <= *d).map(|(_, n)| n.clone());
    }
    s.payments.extend(payments);
    s.diagnostics.extend(diagnostics);
}

pub(crate) fn share_base(basis: &Basis) -> Decimal {
    match basis {
        Basis::Share { base, .. } => *base,
        _ => Decimal::ZERO,
    }
}

/// A share advance on `day`: its share of the estimate re-based with the movements known that
/// day; the earlier ones (`done`) brought to their share of that estimate (the re-basing since
/// the `previous` advance, and what was received differently from planned); on the `last` one,
/// the cents rounding left over. Each share multiplies its estimate before it divides it, so
/// nothing is lost before the rounding to the cent. `None` when an amount does not fit a decimal.
pub(crate) fn share_advance(
    share: Ratio,
    estimate: Decimal,
    done: &[ShareAdvance],
    movements: &[Movement],
    day: NaiveDate,
    previous: Option<NaiveDate>,
    last: bool,
) -> Option<(Basis, Vec<Adjustment>)> {
    let exact = |a: &ShareAdvance, when: NaiveDate| a.share.of(rebased(a.estimate, movements, when)?);
    let at = |a: &ShareAdvance, when: NaiveDate| exact(a, when).map(cents);
    let rebased_now = rebased(estimate, movements, day)?;
    let base = cents(share.of(rebased_now)?);
    let mut adjustments = Vec::new();
    if let Some(before) = previous {
        let rebase = sum(done.iter().map(|a| at(a, day)?.checked_sub(at(a, before)?)).collect::<Option<Vec<_>>>()?)?;
        let causes: Vec<usize> =
            movements.iter().enumerate().filter(|(_, m)| m.effective > before && m.effective <= day).map(|(i, _)| i).collect();
        if !rebase.is_zero() || !causes.is_empty() {
            adjustments.push(Adjustment { kind: AdjustmentKind::Rebase, amount: rebase, movements: causes });
        }
        let difference = sum(done.iter().map(|a| at(a, before)?.checked_sub(a.paid)).collect::<Option<Vec<_>>>()?)?;
        if !difference.is_zero() {
            adjustments.push(Adjustment { kind: AdjustmentKind::ReceivedDifference, amount: difference, movements: Vec::new() });
        }
    }
    if last {
        let exact = sum(done.iter().map(|a| exact(a, day)).collect::<Option<Vec<_>>>()?)?.checked_add(share.of(rebased_now)?)?;
        let rounded = sum(done.iter().map(|a| at(a, day)).collect::<Option<Vec<_>>>()?)?.checked_add(base)?;
        let rounding = cents(exact).checked_sub(rounded)?;
        if !rounding.is_zero() {
            adjustments.push(Adjustment { kind: AdjustmentKind::Rounding, amount: rounding, movements: Vec::new() });
        }
    }
    let shown = share.value()?;
    Some((Basis::Share { share: shown, estimate, rebased: rebased_now, base }, adjustments))
}

/// Each complement: the step's value paid on the event's date, or what the case records as
/// paid; nothing when both are zero or absent.
pub(crate) fn complement_payments(src: &Sources<'_>, complements: &[&Event], s: &mut Schedule) {
    for e in complements {
        let Some(f) = e.amount.as_deref().and_then(|n| src.amount(n)) else { continue };
        let received =
            e.received.as_ref().and_then(|r| src.amount(r.input())).map(|r| ReceivedAmount { date: None, amount: money(r.value) });
        let planned = cents(f.value);
        if planned.is_zero() && received.is_none() {
            continue;
        }
        s.payments.push(Payment {
            name: e.name.clone(),
            label: src.rb.render_label(&e.provenance.label),
            kind: PaymentKind::Complement,
            date: e.date,
            basis: Basis::Output { name: f.name, label: f.label, value: f.value },
            planned: Some(planned),
            adjustments: Vec::new(),
            received,
            amount: received.map_or(planned, |r| r.amount),
            status: Some(e.provenance.status),
            reference: Some(e.provenance.reference.clone()),
        });
    }
}
