//! The balance: the final amount less every payment, split by cause.

use rust_decimal::Decimal;

use crate::rules::calendar::Event;
use crate::schedule::{Balance, BalancePart, Basis, PartKind, PaymentKind, Schedule, Sources, money};

pub(crate) fn balance(src: &Sources<'_>, e: &Event, s: &Schedule) -> Option<Balance> {
    let final_amount = src.amount(e.amount.as_deref()?)?;
    let amount = money(final_amount.value - s.paid);
    let mut parts: Vec<BalancePart> = s
        .payments
        .iter()
        .filter(|p| p.kind == PaymentKind::Complement)
        .map(|p| {
            let observed = match &p.basis {
                Basis::Output { value, .. } => *value,
                _ => Decimal::ZERO,
            };
            BalancePart {
                kind: PartKind::Complement,
                name: p.name.clone(),
                label: p.label.clone(),
                observed: Some(observed),
                paid: Some(p.amount),
                amount: money(observed - p.amount),
            }
        })
        .collect();
    let settled: Decimal = parts.iter().map(|p| p.amount).sum();
    parts.push(BalancePart {
        kind: PartKind::Rest,
        name: e.name.clone(),
        label: src.rb.render_label(&e.provenance.label),
        observed: None,
        paid: None,
        amount: money(amount - settled),
    });
    let meaning = if amount > Decimal::ZERO {
        e.if_positive.clone()
    } else if amount < Decimal::ZERO {
        e.if_negative.clone()
    } else {
        None
    };
    Some(Balance {
        name: e.name.clone(),
        label: src.rb.render_label(&e.provenance.label),
        date: e.date,
        final_amount,
        paid: s.paid,
        amount,
        parts,
        meaning,
        status: e.provenance.status,
        reference: e.provenance.reference.clone(),
    })
}
