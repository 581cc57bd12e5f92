//! `schedule --format xlsx`: a sheet of the year's figures (final amount, estimate, what is paid
//! before the balance, the balance), one of the payments by date with the balance, one of the
//! deposit deadlines and one of the other dates.

use peps_engine::msg;
use peps_engine::schedule::{PaymentKind, Schedule};
use rust_xlsxwriter::XlsxError;

use crate::language::Say;
use crate::xlsx::Book;

/// The workbook of a schedule.
pub(super) fn book(s: &Schedule, name: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Book::new();
    summary(&mut book, s, name)?;
    payments(&mut book, s)?;
    deposits(&mut book, s)?;
    dates(&mut book, s)?;
    book.finish()
}

fn summary(book: &mut Book, s: &Schedule, name: &str) -> Result<(), XlsxError> {
    let mut sheet = book.sheet(msg!("xlsx-sheet-summary"), &[msg!("xlsx-col-item"), msg!("xlsx-col-value")])?;
    sheet.text(0, msg!("xlsx-row-rules").say())?;
    sheet.text(1, &s.rulebook)?;
    sheet.next();
    sheet.text(0, msg!("xlsx-row-case").say())?;
    sheet.text(1, name)?;
    sheet.next();
    if let Some(b) = &s.balance {
        sheet.text(0, msg!("xlsx-row-final-amount", label = &b.final_amount.label).say())?;
        sheet.money(1, b.final_amount.value)?;
        sheet.next();
    }
    if let Some(e) = &s.estimate {
        sheet.text(0, msg!("xlsx-row-estimate", label = &e.source.label).say())?;
        sheet.money(1, e.source.value)?;
        sheet.next();
        for l in &e.less {
            sheet.text(0, msg!("cli-schedule-paid-apart", label = &l.label, name = &l.name).say())?;
            sheet.money(1, l.value)?;
            sheet.next();
        }
        if !e.less.is_empty() {
            sheet.text(0, msg!("xlsx-row-advances-on").say())?;
            sheet.money(1, e.amount)?;
            sheet.next();
        }
    }
    sheet.text(0, msg!("xlsx-row-paid").say())?;
    sheet.money(1, s.paid)?;
    if let Some(b) = &s.balance {
        sheet.next();
        sheet.bold(0, msg!("xlsx-row-balance").say())?;
        sheet.money_total(1, b.amount)?;
    }
    Ok(())
}

/// The payments by date, then the balance: what counts (received, else planned) in its column.
fn payments(book: &mut Book, s: &Schedule) -> Result<(), XlsxError> {
    let headers = [
        msg!("xlsx-col-date"),
        msg!("xlsx-col-payment"),
        msg!("xlsx-col-kind"),
        msg!("xlsx-col-planned"),
        msg!("xlsx-col-received"),
        msg!("xlsx-col-amount"),
        msg!("xlsx-col-name"),
    ];
    let mut sheet = book.sheet(msg!("xlsx-sheet-payments"), &headers)?;
    for p in &s.payments {
        let kind = match p.kind {
            PaymentKind::Advance => msg!("xlsx-payment-advance"),
            PaymentKind::Complement => msg!("xlsx-payment-complement"),
            PaymentKind::Recorded => msg!("xlsx-payment-recorded"),
        };
        sheet.date(0, p.date)?;
        sheet.text(1, if p.label.is_empty() { msg!("cli-schedule-recorded-payment").say() } else { p.label.clone() })?;
        sheet.text(2, kind.say())?;
        if let Some(planned) = p.planned {
            sheet.money(3, planned)?;
        }
        if let Some(r) = p.received {
            sheet.money(4, r.amount)?;
        }
        sheet.money(5, p.amount)?;
        sheet.text(6, &p.name)?;
        sheet.next();
    }
    if let Some(b) = &s.balance {
        sheet.date(0, b.date)?;
        sheet.text(1, &b.label)?;
        sheet.text(2, msg!("xlsx-payment-balance").say())?;
        sheet.money(5, b.amount)?;
        sheet.text(6, &b.name)?;
    }
    Ok(())
}

/// Each deposit deadline: the day it falls, the period of the activity it is for.
fn deposits(book: &mut Book, s: &Schedule) -> Result<(), XlsxError> {
    let headers = [
        msg!("xlsx-col-due"),
        msg!("xlsx-col-period-start"),
        msg!("xlsx-col-period-end"),
        msg!("xlsx-col-deposit"),
        msg!("xlsx-col-norms"),
    ];
    let mut sheet = book.sheet(msg!("xlsx-sheet-deposits"), &headers)?;
    for d in &s.deadlines {
        sheet.date(0, d.due)?;
        sheet.date(1, d.period.start)?;
        sheet.date(2, d.period.end)?;
        sheet.text(3, &d.label)?;
        sheet.text(4, d.norms.join(", "))?;
        sheet.next();
    }
    Ok(())
}

/// The other dates of the year: notifications, ends, one-off deadlines.
fn dates(book: &mut Book, s: &Schedule) -> Result<(), XlsxError> {
    let mut sheet = book.sheet(msg!("xlsx-sheet-dates"), &[msg!("xlsx-col-date"), msg!("xlsx-col-label"), msg!("xlsx-col-name")])?;
    for m in &s.milestones {
        sheet.date(0, m.date)?;
        sheet.text(1, &m.label)?;
        sheet.text(2, &m.name)?;
        sheet.next();
    }
    Ok(())
}
