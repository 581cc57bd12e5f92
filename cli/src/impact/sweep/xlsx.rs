//! `impact --sweep … --format xlsx`: a sheet of the curve (one row per value: the total, its
//! change from the value before, each case's cost) and one of the largest step's items.

use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use rust_xlsxwriter::XlsxError;

use super::Sweep;
use crate::format::Locale;
use crate::language::Say;
use crate::xlsx::Book;

/// The workbook of a cost curve.
pub(super) fn book(s: &Sweep, rb: &Rulebook, locale: Locale) -> Result<Vec<u8>, XlsxError> {
    let mut book = Book::new();
    {
        let mut headers = vec![
            msg!("xlsx-col-sweep-value", item = &s.item.name),
            msg!("xlsx-col-total"),
            msg!("xlsx-col-step-delta"),
            msg!("xlsx-col-errors"),
        ];
        headers.extend(s.cases.iter().map(|c| c.name.clone().into()));
        let mut sheet = book.sheet(msg!("xlsx-sheet-curve"), &headers)?;
        let mut previous = None;
        for v in &s.values {
            sheet.number(0, v.value, s.item.unit)?;
            sheet.money(1, v.total)?;
            if let Some(p) = previous {
                sheet.money(2, v.total - p)?;
            }
            sheet.count(3, v.errors as u64)?;
            for (k, c) in v.cases.iter().enumerate() {
                match c {
                    Some(d) => sheet.money(4 + k, *d)?,
                    None => sheet.text(4 + k, msg!("xlsx-status-error").say())?,
                }
            }
            previous = Some(v.total);
            sheet.next();
        }
    }
    let items = s.largest_step.as_ref().map_or(&[][..], |l| &l.items[..]);
    crate::impact::xlsx::items(&mut book, items, [rb, rb], locale)?;
    book.finish()
}
