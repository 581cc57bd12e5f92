//! The payment schedule on the page: the figures of `peps schedule` (the engine's
//! `schedule::schedule`, nothing recomputed here) — each payment's date and amount, the balance
//! and what its sign means, the deposit deadlines of the activity files and the other dates.

use std::fmt::Write;

use chrono::NaiveDate;
use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::schedule::{Adjustment, AdjustmentKind, MovementKind, Schedule};
use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;

use super::escape;
use crate::format::{Locale, human};
use crate::language::Say;

fn eur(d: Decimal, locale: Locale) -> String {
    escape(&human(&Value::Number(d), Unit::Eur, locale))
}

fn day(d: NaiveDate, locale: Locale) -> String {
    escape(&human(&Value::Date(d), Unit::Date, locale))
}

/// A sentence, its amounts and percentages kept on one line with their sign.
fn words(m: Message) -> String {
    escape(&m.say()).replace(" €", "\u{a0}€").replace(" %", "\u{a0}%")
}

/// Writes the schedule's section; a schedule the engine could not make (its diagnostics are on
/// stderr) is said in a sentence.
pub fn section(b: &mut String, s: &Schedule, locale: Locale) {
    let _ = writeln!(b, "<h2>{}</h2>", words(msg!("cli-schedule-title", year = s.year.to_string())));
    if s.diagnostics.iter().any(|d| d.is_error()) {
        let _ = writeln!(b, "<p class=\"ko\">{}</p>", words(msg!("html-schedule-failed")));
        return;
    }
    if let Some(e) = &s.estimate {
        let origin = if e.from_input { msg!("cli-schedule-estimate-given") } else { msg!("cli-schedule-estimate-computed") };
        let amount = human(&Value::Number(e.amount), Unit::Eur, locale);
        let _ = writeln!(b, "<p>{}</p>", words(msg!("html-schedule-estimate", amount = amount, label = &e.source.label, origin = origin)));
    }
    payments(b, s, locale);
    deadlines(b, s, locale);
    if !s.milestones.is_empty() {
        let _ = writeln!(
            b,
            "<h3>{}</h3>\n<table class=\"dates\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
            words(msg!("cli-schedule-other-dates")),
            words(msg!("cli-schedule-col-date")),
            words(msg!("html-col-event"))
        );
        for m in &s.milestones {
            let _ = writeln!(b, "<tr><td class=\"date\">{}</td><td>{}</td></tr>", day(m.date, locale), escape(&m.label));
        }
        let _ = writeln!(b, "</tbody></table>");
    }
}

fn payments(b: &mut String, s: &Schedule, locale: Locale) {
    let _ = writeln!(
        b,
        "<table class=\"payments\"><thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        words(msg!("cli-schedule-col-date")),
        words(msg!("cli-schedule-col-payment")),
        words(msg!("cli-schedule-col-amount"))
    );
    for p in &s.payments {
        let label = if p.label.is_empty() { msg!("cli-schedule-recorded-payment").say() } else { p.label.clone() };
        let mut what = escape(&label);
        for a in &p.adjustments {
            if let Some(line) = adjustment(a, s, locale) {
                let _ = write!(what, "<br><span class=\"muted\">{}</span>", words(line));
            }
        }
        if let Some(r) = &p.received {
            let on = r.date.map_or_else(String::new, |d| human(&Value::Date(d), Unit::Date, locale));
            let received = msg!("html-payment-received", amount = human(&Value::Number(r.amount), Unit::Eur, locale), date = on);
            let _ = write!(what, "<br><span class=\"muted\">{}</span>", words(received));
        }
        let _ = writeln!(
            b,
            "<tr class=\"payment\"><td class=\"date\">{}</td><td>{what}</td><td class=\"num\">{}</td></tr>",
            day(p.date, locale),
            eur(p.amount, locale)
        );
    }
    let _ = writeln!(
        b,
        "<tr class=\"sum\"><td></td><td>{}</td><td class=\"num\">{}</td></tr>",
        words(msg!("html-schedule-paid")),
        eur(s.paid, locale)
    );
    if let Some(bal) = &s.balance {
        let _ = writeln!(
            b,
            "<tr class=\"balance\"><td class=\"date\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            day(bal.date, locale),
            escape(&bal.label),
            eur(bal.amount, locale)
        );
    }
    let _ = writeln!(b, "</tbody></table>");
    let Some(bal) = &s.balance else { return };
    let sign = if bal.amount > Decimal::ZERO {
        msg!("html-balance-positive", amount = human(&Value::Number(bal.amount), Unit::Eur, locale))
    } else if bal.amount < Decimal::ZERO {
        msg!("html-balance-negative", amount = human(&Value::Number(-bal.amount), Unit::Eur, locale))
    } else {
        msg!("html-balance-zero")
    };
    let check = msg!(
        "html-schedule-check",
        paid = human(&Value::Number(s.paid), Unit::Eur, locale),
        balance = human(&Value::Number(bal.amount), Unit::Eur, locale),
        total = human(&Value::Number(bal.final_amount.value), Unit::Eur, locale)
    );
    let _ = write!(b, "<p>{} {}", words(sign), words(check));
    if let Some(meaning) = &bal.meaning {
        let _ = write!(b, " {}", escape(meaning));
    }
    let _ = writeln!(b, "</p>");
}

/// Why a payment differs from its share of the estimate: a re-basing after a change in the team
/// (its movements named), or advances received that differ from those planned. A rounding of a
/// few cents is left to `peps schedule`.
fn adjustment(a: &Adjustment, s: &Schedule, locale: Locale) -> Option<Message> {
    let signed = |d: Decimal| {
        let amount = human(&Value::Number(d), Unit::Eur, locale);
        if d > Decimal::ZERO { format!("+{amount}") } else { amount }
    };
    match a.kind {
        AdjustmentKind::Rebase => {
            let causes: Vec<String> = a
                .movements
                .iter()
                .filter_map(|&i| s.movements.get(i))
                .map(|m| {
                    let date = human(&Value::Date(m.date), Unit::Date, locale);
                    match m.kind {
                        MovementKind::Entry => msg!("cli-schedule-entry", member = &m.member, group = &m.group, date = date),
                        MovementKind::Exit => msg!("cli-schedule-exit", member = &m.member, group = &m.group, date = date),
                    }
                    .say()
                })
                .collect();
            Some(msg!("cli-schedule-rebase", amount = signed(a.amount), causes = causes.join("; ")))
        }
        AdjustmentKind::ReceivedDifference => Some(msg!("cli-schedule-received-difference", amount = signed(a.amount))),
        AdjustmentKind::Rounding => None,
    }
}

/// The deposit deadlines, one table per deposit rule.
fn deadlines(b: &mut String, s: &Schedule, locale: Locale) {
    let mut rule = None;
    for d in &s.deadlines {
        if rule != Some(&d.rule) {
            if rule.is_some() {
                let _ = writeln!(b, "</tbody></table>");
            }
            let _ = writeln!(
                b,
                "<h3>{}</h3>\n<p>{}</p>\n<table class=\"deadlines\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
                escape(&d.label),
                words(msg!("html-deadline-rule", day = d.working_day)),
                words(msg!("cli-schedule-col-period")),
                words(msg!("cli-schedule-col-due"))
            );
            rule = Some(&d.rule);
        }
        let _ = writeln!(
            b,
            "<tr class=\"deadline\"><td>{} – {}</td><td class=\"date\">{}</td></tr>",
            day(d.period.start, locale),
            day(d.period.end, locale),
            day(d.due, locale)
        );
    }
    if rule.is_some() {
        let _ = writeln!(b, "</tbody></table>");
    }
}
