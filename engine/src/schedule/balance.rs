//! The balance: the final amount less every payment, split by cause.

use rust_decimal::Decimal;

use crate::rules::calendar::Event;
use crate::schedule::money::{money, sum};
use crate::schedule::sources::Sources;
use crate::schedule::{Balance, BalancePart, Basis, PartKind, PaymentKind, Schedule};

/// The balance of event `e`: `Some(None)` when it has no final amount, `None` when an amount
/// does not fit a decimal.
pub(crate) fn balance(src: &Sources<'_>, e: &Event, s: &Schedule) -> Option<Option<Balance>> {
    let Some(final_amount) = e.amount.as_deref().and_then(|n| src.amount(n)) else { return Some(None) };
    let amount = money(final_amount.value.checked_sub(s.paid)?);
    let mut parts: Vec<BalancePart> = s
        .payments
        .iter()
        .filter(|p| p.kind == PaymentKind::Complement)
        .map(|p| {
            let observed = match &p.basis {
                Basis::Output { value, .. } => *value,
                _ => Decimal::ZERO,
            };
            Some(BalancePart {
                kind: PartKind::Complement,
                name: p.name.clone(),
                label: p.label.clone(),
                observed: Some(observed),
                paid: Some(p.amount),
                amount: money(observed.checked_sub(p.amount)?),
            })
        })
        .collect::<Option<_>>()?;
    let settled = sum(parts.iter().map(|p| p.amount))?;
    parts.push(BalancePart {
        kind: PartKind::Rest,
        name: e.name.clone(),
        label: src.rb.render_label(&e.provenance.label),
        observed: None,
        paid: None,
        amount: money(amount.checked_sub(settled)?),
    });
    let meaning = if amount > Decimal::ZERO {
        e.if_positive.clone()
    } else if amount < Decimal::ZERO {
        e.if_negative.clone()
    } else {
        None
    };
    Some(Some(Balance {
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
    }))
}
