//! `impact --format xlsx`: for one case, a sheet of the totals and the delta, one of the changed
//! items with their credits and one of every output's delta; over many cases, a sheet with one
//! row per case, one of the totals and one of the items summed.

use peps_engine::compare::impact::{Impact, ImpactItem};
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;
use rust_xlsxwriter::XlsxError;

use super::{Many, show};
use crate::format::Locale;
use crate::language::Say;
use crate::xlsx::{Book, Sheet};

/// The workbook of one case's impact.
pub(super) fn one(i: &Impact, rbs: [&Rulebook; 2], locale: Locale) -> Result<Vec<u8>, XlsxError> {
    let mut book = Book::new();
    let [from, to] = [i.total_from.as_number(), i.total_to.as_number()].map(Option::unwrap_or_default);
    {
        let mut s = summary(&mut book, [i.from, i.to], [&i.rules_from, &i.rules_to], [from, to], i.delta)?;
        s.text(0, msg!("xlsx-row-case").say())?;
        s.text(1, &i.case)?;
    }
    items(&mut book, &i.items, rbs, locale)?;
    let headers = [
        msg!("xlsx-col-label"),
        msg!("xlsx-col-name"),
        msg!("xlsx-col-total-year", year = i.from),
        msg!("xlsx-col-total-year", year = i.to),
        msg!("xlsx-col-delta"),
    ];
    let mut s = book.sheet(msg!("xlsx-sheet-outputs"), &headers)?;
    for o in &i.outputs {
        s.text(0, &o.label)?;
        s.text(1, &o.name)?;
        for (col, v) in [(2, &o.from), (3, &o.to)] {
            if let Some(v) = v {
                s.value(col, v, o.unit)?;
            }
        }
        if let Some(d) = o.delta {
            s.number(4, d, o.unit)?;
        }
        s.next();
    }
    drop(s);
    book.finish()
}

/// The workbook of an impact over many cases.
pub(super) fn many(m: &Many<'_>, rbs: [&Rulebook; 2], locale: Locale) -> Result<Vec<u8>, XlsxError> {
    let mut book = Book::new();
    {
        let mut s = summary(&mut book, [m.from, m.to], [m.rules_from, m.rules_to], [m.total_from, m.total_to], m.delta)?;
        s.text(0, msg!("xlsx-row-cases").say())?;
        s.count(1, m.cases.len() as u64)?;
    }
    let headers = [
        msg!("xlsx-col-folder"),
        msg!("xlsx-col-case"),
        msg!("xlsx-col-status"),
        msg!("xlsx-col-total-year", year = m.from),
        msg!("xlsx-col-total-year", year = m.to),
        msg!("xlsx-col-delta"),
    ];
    {
        let mut s = book.sheet(msg!("xlsx-sheet-cases"), &headers)?;
        for c in &m.cases {
            let ok = c.status != "error";
            s.text(0, &c.case)?;
            s.text(1, &c.name)?;
            s.text(2, if ok { msg!("xlsx-status-ok") } else { msg!("xlsx-status-error") }.say())?;
            if ok {
                s.money(3, c.total_from)?;
                s.money(4, c.total_to)?;
                s.money(5, c.delta)?;
            }
            s.next();
        }
    }
    items(&mut book, &m.items, rbs, locale)?;
    book.finish()
}

/// The sheet of the two sides and their totals; the caller adds what it compares (a case, a
/// count of cases) on the row left open.
fn summary<'b>(
    book: &'b mut Book,
    years: [i32; 2],
    rules: [&str; 2],
    totals: [Decimal; 2],
    delta: Decimal,
) -> Result<Sheet<'b>, XlsxError> {
    let mut s = book.sheet(msg!("xlsx-sheet-summary"), &[msg!("xlsx-col-item"), msg!("xlsx-col-value")])?;
    for (k, year) in years.into_iter().enumerate() {
        s.text(0, if k == 0 { msg!("xlsx-row-rules-from") } else { msg!("xlsx-row-rules-to") }.say())?;
        s.text(1, format!("{year} — {}", rules[k]))?;
        s.next();
    }
    for (k, total) in totals.into_iter().enumerate() {
        s.text(0, msg!("xlsx-col-total-year", year = years[k]).say())?;
        s.money(1, total)?;
        s.next();
    }
    s.bold(0, msg!("xlsx-col-delta").say())?;
    s.money_total(1, delta)?;
    s.next();
    if !totals[0].is_zero() {
        s.text(0, msg!("xlsx-row-delta-share").say())?;
        s.value(1, &Value::Number((delta / totals[0]).round_dp(6)), Unit::Rate)?;
        s.next();
    }
    Ok(s)
}

/// Each changed item: its kind, its label and name, its credit, its values before and after as
/// people read them (the figures of a table's rows stay in its text).
pub(super) fn items(book: &mut Book, items: &[ImpactItem], rbs: [&Rulebook; 2], locale: Locale) -> Result<(), XlsxError> {
    let headers = [
        msg!("xlsx-col-kind"),
        msg!("xlsx-col-item"),
        msg!("xlsx-col-name"),
        msg!("xlsx-col-delta"),
        msg!("xlsx-col-before"),
        msg!("xlsx-col-after"),
        msg!("xlsx-col-note"),
    ];
    let mut s = book.sheet(msg!("xlsx-sheet-items"), &headers)?;
    for i in items {
        let [before, after] = show::item_values(i, rbs, locale);
        s.text(0, msg!("cli-diff-kind", kind = i.kind.as_str()).say())?;
        s.text(1, i.label.clone().unwrap_or_else(|| i.name.say()))?;
        s.text(2, i.name.say())?;
        s.money(3, i.delta)?;
        s.text(4, before)?;
        s.text(5, after)?;
        s.text(6, i.note.as_ref().map(Say::say).unwrap_or_default())?;
        s.next();
    }
    Ok(())
}
