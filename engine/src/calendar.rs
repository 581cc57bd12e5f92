//! The calendar of a rulebook: dated events (payments, deadlines, notifications) with how each
//! payment is computed.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostic::Code;
use crate::provenance::{Provenance, read_choice};
use crate::tomlread::Obj;

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub name: String,
    #[serde(flatten)]
    pub provenance: Provenance,
    pub date: NaiveDate,
    pub kind: EventKind,
    /// For an advance: its share of the estimated annual amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Decimal>,
    /// For a payment: the step whose value it pays, when not a share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Advance,
    Balance,
    Notification,
    Deadline,
    End,
}

impl EventKind {
    pub const NAMES: &'static [&'static str] = &["advance", "balance", "notification", "deadline", "end"];

    fn parse(s: &str) -> Option<EventKind> {
        Some(match s {
            "advance" => EventKind::Advance,
            "balance" => EventKind::Balance,
            "notification" => EventKind::Notification,
            "deadline" => EventKind::Deadline,
            "end" => EventKind::End,
            _ => return None,
        })
    }
}

/// Reads every event of a calendar file (one table per event), sorted by date.
pub fn read_calendar(root: &Obj<'_, '_>, out: &mut Vec<Event>) {
    for (key, item) in root.entries() {
        let name = key.get_ref().to_string();
        let Some(obj) = Obj::of(root.ctx(), item, &format!("event `{name}`")) else { continue };
        let provenance = Provenance::read(&obj);
        let date = obj.date("date");
        let kind = read_choice(&obj, "kind", EventKind::NAMES, EventKind::parse);
        let share = obj.opt_decimal("share");
        let amount = obj.opt_str("amount");
        if let Some(s) = &share
            && (s.get_ref().is_sign_negative() || *s.get_ref() > Decimal::ONE)
        {
            obj.ctx().error(Code::InvalidValue, s.span(), format!("the share of event `{name}` must lie between 0 and 1"));
        }
        obj.finish();
        if let (Some(provenance), Some(date), Some(kind)) = (provenance, date, kind) {
            out.push(Event {
                name,
                provenance,
                date: date.into_inner(),
                kind,
                share: share.map(|s| s.into_inner()),
                amount: amount.map(|s| s.into_inner()),
            });
        }
    }
    out.sort_by_key(|e| e.date);
}
