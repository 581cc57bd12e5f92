//! `compute --format xlsx` on one case: a sheet of the case's summary, one of the results, one
//! of the waterfall, one of the assumed items and one of the warnings.

use peps_engine::eval::Evaluation;
use peps_engine::msg;
use peps_engine::value::{Unit, Value};
use rust_xlsxwriter::XlsxError;

use crate::format::{Locale, failed_check};
use crate::language::Say;
use crate::xlsx::Book;

/// The workbook of one case.
pub(super) fn book(e: &Evaluation, name: &str, locale: Locale) -> Result<Vec<u8>, XlsxError> {
    let mut book = Book::new();
    summary(&mut book, e, name, locale)?;
    results(&mut book, e)?;
    waterfall(&mut book, e)?;
    assumptions(&mut book, e)?;
    warnings(&mut book, e)?;
    book.finish()
}

/// The rules, the case, the year, whether it is eligible (and which conditions failed) and its
/// total.
fn summary(book: &mut Book, e: &Evaluation, name: &str, locale: Locale) -> Result<(), XlsxError> {
    let mut s = book.sheet(msg!("xlsx-sheet-summary"), &[msg!("xlsx-col-item"), msg!("xlsx-col-value")])?;
    s.text(0, msg!("xlsx-row-rules").say())?;
    s.text(1, &e.rulebook)?;
    s.next();
    s.text(0, msg!("xlsx-row-case").say())?;
    s.text(1, name)?;
    s.next();
    s.text(0, msg!("xlsx-row-year").say())?;
    s.number(1, e.year.into(), Unit::Year)?;
    s.next();
    if let Some(shift) = &e.data_shift {
        s.text(0, msg!("xlsx-row-note").say())?;
        s.text(1, msg!("report-data-shift", from = shift.from, to = shift.to).say())?;
        s.next();
    }
    s.text(0, msg!("xlsx-row-eligible").say())?;
    s.boolean(1, e.eligible)?;
    s.next();
    for c in &e.failed_checks {
        s.text(0, msg!("xlsx-row-failed-check").say())?;
        s.text(1, failed_check(c, locale))?;
        s.next();
    }
    s.bold(0, msg!("xlsx-row-total").say())?;
    s.value_total(1, &e.total, e.total_unit)?;
    Ok(())
}

/// Every output in evaluation order, its value a number in its unit; then the total.
fn results(book: &mut Book, e: &Evaluation) -> Result<(), XlsxError> {
    let headers =
        [msg!("xlsx-col-label"), msg!("xlsx-col-value"), msg!("xlsx-col-component"), msg!("xlsx-col-assumed"), msg!("xlsx-col-name")];
    let mut s = book.sheet(msg!("xlsx-sheet-results"), &headers)?;
    for o in &e.outputs {
        s.text(0, &o.label)?;
        s.value(1, &o.value, o.unit)?;
        s.boolean(2, e.components.contains(&o.name))?;
        s.count(3, o.assumed.len() as u64)?;
        s.text(4, &o.name)?;
        s.next();
    }
    s.bold(0, msg!("xlsx-row-total").say())?;
    s.value_total(1, &e.total, e.total_unit)?;
    s.count(3, e.assumed_count as u64)?;
    s.text(4, &e.total_name)?;
    Ok(())
}

/// The walk from the first level to the total: each step's change and the running amount.
fn waterfall(book: &mut Book, e: &Evaluation) -> Result<(), XlsxError> {
    let headers = [msg!("xlsx-col-step"), msg!("xlsx-col-change"), msg!("xlsx-col-running")];
    let mut s = book.sheet(msg!("xlsx-sheet-waterfall"), &headers)?;
    for bar in &e.waterfall {
        s.text(0, bar.label.say())?;
        s.money(1, bar.delta)?;
        s.money(2, bar.running)?;
        s.next();
    }
    Ok(())
}

/// The assumed rule items the total rests on, the largest share first.
fn assumptions(book: &mut Book, e: &Evaluation) -> Result<(), XlsxError> {
    let headers = [msg!("xlsx-col-item"), msg!("xlsx-col-kind"), msg!("xlsx-col-share"), msg!("xlsx-col-name")];
    let mut s = book.sheet(msg!("xlsx-sheet-assumptions"), &headers)?;
    let mut shares: Vec<_> = e.assumed_shares.iter().collect();
    shares.sort_by_key(|a| std::cmp::Reverse(a.share));
    for a in shares {
        let (kind, name) = a.item.split_once(' ').unwrap_or(("", &a.item));
        s.text(0, e.assumed_labels.get(&a.item).map_or(name, String::as_str))?;
        s.text(1, msg!("cli-diff-kind", kind = kind).say())?;
        s.value(2, &Value::Number(a.share), Unit::Rate)?;
        s.text(3, name)?;
        s.next();
    }
    Ok(())
}

/// The diagnostics of the evaluation and the rows the rules left out, one a row.
fn warnings(book: &mut Book, e: &Evaluation) -> Result<(), XlsxError> {
    let headers = [msg!("xlsx-col-code"), msg!("xlsx-col-level"), msg!("xlsx-col-message"), msg!("xlsx-col-place"), msg!("xlsx-col-hint")];
    let mut s = book.sheet(msg!("xlsx-sheet-warnings"), &headers)?;
    for d in &e.diagnostics {
        s.text(0, d.code.as_str())?;
        s.text(1, if d.is_error() { msg!("xlsx-level-error") } else { msg!("xlsx-level-warning") }.say())?;
        s.text(2, d.message.say())?;
        s.text(3, d.location.as_ref().map(ToString::to_string).unwrap_or_default())?;
        s.text(4, d.hint.as_ref().map(Say::say).unwrap_or_default())?;
        s.next();
    }
    for l in &e.rows_left_out {
        let codes: Vec<String> = l.by_code.iter().map(|c| format!("{} {} ×{}", c.code, c.code.name(), c.rows)).collect();
        s.text(0, l.by_code.iter().map(|c| c.code.as_str()).collect::<Vec<_>>().join(" "))?;
        s.text(1, msg!("xlsx-level-warning").say())?;
        s.text(2, msg!("report-rows-left-out", rows = l.rows, dataset = &l.dataset, file = &l.file, codes = codes.join(", ")).say())?;
        s.text(3, &l.file)?;
        s.next();
    }
    Ok(())
}
