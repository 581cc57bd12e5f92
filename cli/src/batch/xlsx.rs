//! `compute --format xlsx` over a folder of cases or national files: a sheet with one row per
//! case (its total, its components, the outputs asked, the rows read), and a sheet of the totals.

use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use peps_engine::value::Unit;
use rust_xlsxwriter::XlsxError;

use super::{CaseRow, Totals};
use crate::language::Say;
use crate::xlsx::Book;

/// The workbook of a run over many cases.
pub(super) fn book(rb: &Rulebook, rows: &[CaseRow], totals: &Totals, wanted: &[String]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Book::new();
    cases(&mut book, rb, rows, wanted)?;
    sums(&mut book, rb, totals)?;
    book.finish()
}

/// A step's label as people read it, by its name.
fn label(rb: &Rulebook, name: &str) -> String {
    rb.steps_in_order().find(|s| s.def.name == name).map_or_else(|| name.to_string(), |s| rb.render_label(&s.def.label))
}

/// One row per case, in folder order: a case in error has no figure, only its codes.
fn cases(book: &mut Book, rb: &Rulebook, rows: &[CaseRow], wanted: &[String]) -> Result<(), XlsxError> {
    let left_out = rows.iter().any(|r| !r.rows_left_out.is_empty());
    let mut headers =
        vec![msg!("xlsx-col-folder"), msg!("xlsx-col-case"), msg!("xlsx-col-status"), msg!("xlsx-col-eligible"), msg!("xlsx-col-total")];
    headers.extend(rb.components().map(|s| rb.render_label(&s.def.label).into()));
    headers.extend(rb.datasets().iter().map(|d| msg!("xlsx-col-rows", dataset = &d.name)));
    headers.extend(wanted.iter().map(|n| label(rb, n).into()));
    if left_out {
        headers.extend(rb.datasets().iter().map(|d| msg!("xlsx-col-left-out", dataset = &d.name)));
    }
    headers.push(msg!("xlsx-col-errors"));
    let units: Vec<Unit> = wanted.iter().map(|n| rb.steps_in_order().find(|s| s.def.name == *n).map_or(Unit::Number, |s| s.unit)).collect();
    let total_unit = rb.total_step().unit;
    let mut s = book.sheet(msg!("xlsx-sheet-cases"), &headers)?;
    for r in rows {
        let ok = r.status != "error";
        s.text(0, &r.case)?;
        s.text(1, &r.name)?;
        s.text(2, if ok { msg!("xlsx-status-ok") } else { msg!("xlsx-status-error") }.say())?;
        let mut col = 3;
        if ok {
            s.boolean(col, r.eligible)?;
            s.number(col + 1, r.total, total_unit)?;
            for (k, v) in r.components.iter().enumerate() {
                s.money(col + 2 + k, *v)?;
            }
        }
        col += 2 + r.components.len();
        for (k, n) in r.rows.iter().enumerate() {
            if ok {
                s.count(col + k, *n)?;
            }
        }
        col += r.rows.len();
        for (k, unit) in units.iter().enumerate() {
            if let Some(v) = r.outputs.get(k) {
                s.value(col + k, v, *unit)?;
            }
        }
        col += units.len();
        if left_out {
            for (k, n) in r.rows_left_out.iter().enumerate() {
                s.count(col + k, *n)?;
            }
            col += rb.datasets().len();
        }
        s.text(col, r.errors.join(" "))?;
        s.next();
    }
    Ok(())
}

/// How many cases, eligible or not or in error, each component summed, the total and the rows
/// read.
fn sums(book: &mut Book, rb: &Rulebook, t: &Totals) -> Result<(), XlsxError> {
    let mut s = book.sheet(msg!("xlsx-sheet-totals"), &[msg!("xlsx-col-item"), msg!("xlsx-col-value")])?;
    let counts = [
        (msg!("xlsx-row-cases"), t.cases),
        (msg!("xlsx-row-eligible-cases"), t.eligible),
        (msg!("xlsx-row-ineligible-cases"), t.cases - t.eligible - t.errors),
        (msg!("xlsx-row-error-cases"), t.errors),
    ];
    for (label, n) in counts {
        s.text(0, label.say())?;
        s.count(1, n as u64)?;
        s.next();
    }
    for (step, v) in rb.components().zip(&t.components) {
        s.text(0, rb.render_label(&step.def.label))?;
        s.money(1, *v)?;
        s.next();
    }
    s.bold(0, msg!("xlsx-row-total").say())?;
    s.money_total(1, t.total)?;
    s.next();
    for (d, n) in rb.datasets().iter().zip(&t.rows) {
        s.text(0, msg!("xlsx-col-rows", dataset = &d.name).say())?;
        s.count(1, *n)?;
        s.next();
    }
    for (d, n) in rb.datasets().iter().zip(&t.rows_left_out) {
        s.text(0, msg!("xlsx-col-left-out", dataset = &d.name).say())?;
        s.count(1, *n)?;
        s.next();
    }
    Ok(())
}
