//! The calendar of a rulebook: dated events (payments, deadlines, notifications) with how each
//! payment is computed, and the dated rules of the payment schedule (recurring deposit deadlines
//! over working days, re-basing of advances on a dataset's entries and exits, complements paid
//! in advance and settled with the balance). An event may recur (`repeat`: every N months until
//! a date), hold only when a condition does (`when`), and compute its share or amount with an
//! expression over parameters, inputs and steps. What the events mean is the rules' words; how
//! they are computed for a case is `schedule`'s business.

use crate::names::closed_names;
pub mod deadlines;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostic::{Code, Location};
use crate::expr::{self, Ast};
use crate::ids::FileId;
use crate::rules::provenance::{Provenance, parse_choice, read_choice};
use crate::rules::step::{ExprSource, text_offset};
use crate::rules::strict::{Obj, key_of, read_decimal, read_int, read_str};
use crate::rules::workdays::{WEEKDAY_NAMES, WorkingDays, parse_month_day, parse_weekday};
use crate::value::Ratio;

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub(crate) name: String,
    #[serde(flatten)]
    pub provenance: Provenance,
    pub date: NaiveDate,
    pub kind: EventKind,
    /// The event happens once (the end of an experiment): a new year keeps its date as it is
    /// rather than moving it by a year.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub once: bool,
    /// For an advance: its share of the estimated annual amount, when written as a number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Decimal>,
    /// For an advance: its share computed by an expression (`"1 / 12"`, or over inputs and
    /// steps: a case's chosen rhythm).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) share_expr: Option<ExprSource>,
    /// For an advance: its share as the exact fraction its expression computes, once a case's
    /// schedule has computed it (`share` then holds its decimal value, to show).
    #[serde(skip)]
    pub(crate) share_fraction: Option<Ratio>,
    /// For a payment: the step whose value it pays, when not a share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// For a payment: the amount computed by an expression over parameters, inputs and steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) amount_expr: Option<ExprSource>,
    /// The event holds only when this condition does (over parameters, inputs and steps).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) when: Option<ExprSource>,
    /// For an advance: where the estimate it is a share of comes from — case inputs written
    /// `section.name` or steps — the first that has a value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) estimate: Vec<String>,
    /// For a balance or a complement: what the case records as already received.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) received: Option<Received>,
    /// For a balance: what a positive balance means, in the rules' words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) if_positive: Option<String>,
    /// For a balance: what a negative balance means, in the rules' words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) if_negative: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) deposit: Option<DepositRule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) rebase: Option<RebaseRule>,
    /// Where each key that names something else is written, for binding diagnostics.
    #[serde(skip)]
    pub(crate) spans: Vec<(&'static str, Location)>,
}

closed_names! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum EventKind {
        /// A payment before the final amount is known: a share of an estimate, or a step's value.
        Advance = "advance",
        /// The last payment: a step's value less what was received.
        Balance = "balance",
        Notification = "notification",
        Deadline = "deadline",
        End = "end",
        /// Recurring deadlines: every N months from `date`, the Nth working day of the next month.
        Deposit = "deposit",
        /// Re-bases the advances after `date` when members of a dataset enter or leave.
        Rebase = "rebase",
        /// A step's value paid as an advance on `date`, settled with the balance.
        Complement = "complement",
    }
}

impl EventKind {
    /// The keys an event of this kind may have besides the common ones.
    fn keys(self) -> &'static [&'static str] {
        match self {
            EventKind::Advance => &["share", "amount", "estimate", "when", "repeat"],
            EventKind::Balance => &["amount", "received", "if_positive", "if_negative"],
            EventKind::Notification | EventKind::Deadline | EventKind::End => &["when", "repeat"],
            EventKind::Deposit => &["every_months", "count", "working_day", "norms", "working_days"],
            EventKind::Rebase => &["dataset", "id", "group", "entry", "exit", "weights", "measure"],
            EventKind::Complement => &["amount", "received", "when"],
        }
    }
}

/// What a case records as received: one value input (an amount), or a records input with one
/// record per payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "type")]
pub(crate) enum Received {
    Value { input: String },
    Records { input: String, date: String, amount: String },
}

impl Received {
    pub(crate) fn input(&self) -> &str {
        match self {
            Received::Value { input } | Received::Records { input, .. } => input,
        }
    }
}

/// Recurring deposit deadlines: `count` periods of `every_months` months from the event's date,
/// each due on the `working_day`th working day of the month after it, for files of `norms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct DepositRule {
    pub(crate) every_months: u32,
    pub(crate) count: u32,
    pub(crate) working_day: u32,
    pub(crate) norms: Vec<String>,
    /// The days that count, Saturday as `saturday` says once the rulebook is bound.
    pub(crate) working_days: WorkingDays,
    /// The parameter (true or false) that says whether Saturday is a working day, if the rules
    /// make it one; without it, `weekend` alone says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) saturday: Option<String>,
}

/// Re-basing of advances on the presence of a dataset's members: the estimate is shared among
/// the groups by `weights` (a group absent from it weighs nothing), and within a group equally
/// among the members present on the event's date; an entry or exit after that date changes the
/// estimate by the member's share times the days of presence it adds or removes over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct RebaseRule {
    pub(crate) dataset: String,
    /// The column that names a member in messages.
    pub(crate) id: String,
    pub(crate) group: String,
    pub(crate) entry: String,
    pub(crate) exit: String,
    pub(crate) weights: Vec<(String, Decimal)>,
    /// A numeric column that weighs each member within its group (a full-time equivalent);
    /// without it, the members of a group weigh the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) measure: Option<String>,
}

impl RebaseRule {
    /// The columns of its dataset the schedule reads (`schedule::movements`): a case keeps them.
    /// A measure that names no column (a value computed per member) is among them, matching none.
    pub(crate) fn columns(&self) -> impl Iterator<Item = &str> {
        [&self.id, &self.group, &self.entry, &self.exit].into_iter().chain(&self.measure).map(String::as_str)
    }
}

impl Event {
    /// Every field of the event but its provenance, as (key, text), in a fixed order: what a
    /// comparison of two years or a document shows.
    #[cfg(test)]
    pub(crate) fn details(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("date", self.date.to_string()), ("kind", self.kind.as_str().to_string())];
        let mut put = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                out.push((k, v));
            }
        };
        put("share", self.share.map(|s| s.to_string()));
        put("amount", self.amount.clone());
        put("estimate", (!self.estimate.is_empty()).then(|| self.estimate.join(", ")));
        put(
            "received",
            self.received.as_ref().map(|r| match r {
                Received::Value { input } => input.clone(),
                Received::Records { input, date, amount } => format!("{input} (date {date}, amount {amount})"),
            }),
        );
        put("if_positive", self.if_positive.clone());
        put("if_negative", self.if_negative.clone());
        if let Some(d) = &self.deposit {
            put("every_months", Some(d.every_months.to_string()));
            put("count", Some(d.count.to_string()));
            put("working_day", Some(d.working_day.to_string()));
            put("norms", Some(d.norms.join(", ")));
            let w = &d.working_days;
            let weekend: Vec<&str> = w.weekend.iter().map(|d| WEEKDAY_NAMES[d.num_days_from_monday() as usize]).collect();
            put("working_days.weekend", Some(weekend.join(", ")));
            put("working_days.holidays", Some(w.fixed.iter().map(|(m, d)| format!("{m:02}-{d:02}")).collect::<Vec<_>>().join(", ")));
            put("working_days.easter", Some(w.easter.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")));
            put("working_days.saturday", d.saturday.clone());
        }
        if let Some(r) = &self.rebase {
            put("dataset", Some(r.dataset.clone()));
            put("id", Some(r.id.clone()));
            put("group", Some(r.group.clone()));
            put("entry", Some(r.entry.clone()));
            put("exit", Some(r.exit.clone()));
            put("weights", Some(r.weights.iter().map(|(g, w)| format!("{g} {w}")).collect::<Vec<_>>().join(", ")));
        }
        out
    }

    /// What the event pays, as written: its share (a number or an expression) or its amount (a
    /// step or an expression).
    pub fn share_or_amount(&self) -> Option<String> {
        self.share
            .map(|s| s.to_string())
            .or_else(|| self.share_expr.as_ref().map(|e| e.text.clone()))
            .or_else(|| self.amount.clone())
            .or_else(|| self.amount_expr.as_ref().map(|e| e.text.clone()))
    }

    /// The condition the event holds under, as written.
    pub fn condition(&self) -> Option<&str> {
        self.when.as_ref().map(|w| w.text.as_str())
    }

    /// Where key `key` of the event is written (the event itself if the key was not).
    pub(crate) fn location_of(&self, key: &str) -> Location {
        self.spans.iter().find(|(k, _)| *k == key).map_or_else(|| self.provenance.location.clone(), |(_, l)| l.clone())
    }
}

/// Reads every event of a calendar file (one table per event), a recurring event as one event
/// per occurrence, sorted by date.
pub(crate) fn read_calendar(root: &Obj<'_, '_>, file: FileId, out: &mut Vec<Event>) {
    for (key, item) in root.entries() {
        let name = key.get_ref().to_string();
        let Some(obj) = Obj::of(root.ctx(), item, &msg!("rules-what-event", name = &name)) else { continue };
        let repeat = obj.opt_table("repeat").and_then(|r| {
            let repeat = read_repeat(&r);
            r.finish();
            repeat
        });
        if let Some(e) = read_event(obj, name, file) {
            match repeat {
                Some(r) => out.extend(occurrences(e, &r)),
                None => out.push(e),
            }
        }
    }
    out.sort_by_key(|e| e.date);
}

/// `repeat = { every_months = N, until = DATE }`: the event again every N months, up to `until`.
#[derive(Debug, Clone, Copy)]
struct Repeat {
    every_months: u32,
    until: NaiveDate,
}

fn read_repeat(r: &Obj<'_, '_>) -> Option<Repeat> {
    let every_months = positive(r, "every_months", 12);
    let until = r.date("until");
    Some(Repeat { every_months: every_months?, until: until?.into_inner() })
}

/// The occurrences of a recurring event: `name_1`, `name_2`, ... on its date and every N months
/// after, up to the end date; the label says which one of how many.
fn occurrences(e: Event, r: &Repeat) -> Vec<Event> {
    let mut dates = Vec::new();
    let mut k = 0;
    while let Some(d) = e.date.checked_add_months(chrono::Months::new(k * r.every_months)) {
        if d > r.until || dates.len() >= 366 {
            break;
        }
        dates.push(d);
        k += 1;
    }
    let n = dates.len();
    dates
        .into_iter()
        .enumerate()
        .map(|(i, date)| {
            let mut occ = e.clone();
            occ.name = format!("{}_{}", e.name, i + 1);
            occ.provenance.label = format!("{} ({}/{n})", e.provenance.label, i + 1);
            occ.date = date;
            occ
        })
        .collect()
}

/// The keys only some kinds of events have.
#[derive(Default)]
struct Specific {
    share: Option<Decimal>,
    share_expr: Option<ExprSource>,
    amount: Option<String>,
    amount_expr: Option<ExprSource>,
    when: Option<ExprSource>,
    estimate: Vec<String>,
    received: Option<Received>,
    if_positive: Option<String>,
    if_negative: Option<String>,
    deposit: Option<DepositRule>,
    rebase: Option<RebaseRule>,
    spans: Vec<(&'static str, Location)>,
}

fn read_event(obj: Obj<'_, '_>, name: String, file: FileId) -> Option<Event> {
    let provenance = Provenance::read(&obj);
    let date = obj.date("date");
    let once = obj.opt_bool("once").unwrap_or(false);
    let Some(kind) = read_choice(&obj, "kind", EventKind::NAMES, EventKind::parse) else {
        // The kind is unknown: its own keys cannot be told from misspellings, so none is reported.
        for k in EventKind::NAMES.iter().filter_map(|n| EventKind::parse(n)) {
            obj.allow(k.keys());
        }
        obj.finish();
        return None;
    };
    let s = read_specific(&obj, kind, &name, file);
    obj.allow(kind.keys());
    obj.finish();
    Some(Event {
        name,
        provenance: provenance?,
        date: date?.into_inner(),
        kind,
        once,
        share: s.share,
        share_expr: s.share_expr,
        share_fraction: None,
        amount: s.amount,
        amount_expr: s.amount_expr,
        when: s.when,
        estimate: s.estimate,
        received: s.received,
        if_positive: s.if_positive,
        if_negative: s.if_negative,
        deposit: s.deposit,
        rebase: s.rebase,
        spans: s.spans,
    })
}

fn read_specific(obj: &Obj<'_, '_>, kind: EventKind, name: &str, file: FileId) -> Specific {
    let mut s = Specific::default();
    let keys = kind.keys();
    if keys.contains(&"share") {
        match obj.get("share").map(|i| i.get_ref()) {
            Some(toml::de::DeValue::String(t)) if t.trim().parse::<Decimal>().is_err() => {
                s.share_expr = calc(obj, "share", file, &mut s.spans);
            }
            _ => s.share = read_share(obj, name),
        }
    }
    if keys.contains(&"amount") {
        s.amount_expr = calc(obj, "amount", file, &mut s.spans);
        // A bare name keeps its meaning: the step (or input) whose value is paid.
        if let Some(e) = &s.amount_expr
            && let Ast::Name(n, None, _) = &e.ast
        {
            s.amount = Some(n.clone());
            s.amount_expr = None;
        }
    }
    if keys.contains(&"when") {
        s.when = calc(obj, "when", file, &mut s.spans);
    }
    if keys.contains(&"estimate")
        && let Some(list) = obj.str_list("estimate")
    {
        if let Some(first) = list.first() {
            s.spans.push(("estimate", obj.ctx().loc(first.span())));
        }
        s.estimate = list.into_iter().map(|x| x.into_inner()).collect();
    }
    if keys.contains(&"received") {
        s.received = read_received(obj, &mut s.spans);
    }
    if keys.contains(&"if_positive") {
        s.if_positive = obj.opt_str("if_positive").map(|x| x.into_inner());
        s.if_negative = obj.opt_str("if_negative").map(|x| x.into_inner());
    }
    match kind {
        EventKind::Advance if s.amount.is_none() && s.amount_expr.is_none() && !obj.has("share") => obj.ctx().error_hint(
            Code::MissingKey,
            obj.span(),
            msg!("rules-advance-no-share-nor-amount", name = name),
            msg!("rules-advance-what"),
        ),
        EventKind::Advance if s.amount.is_none() && s.amount_expr.is_none() && s.estimate.is_empty() => obj.ctx().error_hint(
            Code::MissingKey,
            obj.span(),
            msg!("rules-advance-no-estimate", name = name),
            msg!("rules-advance-estimate-hint"),
        ),
        EventKind::Deposit => s.deposit = read_deposit(obj, &mut s.spans),
        EventKind::Rebase => s.rebase = read_rebase(obj, &mut s.spans),
        _ => {}
    }
    s
}

fn read_share(obj: &Obj<'_, '_>, name: &str) -> Option<Decimal> {
    let s = obj.opt_decimal("share")?;
    if s.get_ref().is_sign_negative() || *s.get_ref() > Decimal::ONE {
        obj.ctx().error(Code::InvalidValue, s.span(), msg!("rules-share-between-0-1", name = name));
        return None;
    }
    Some(s.into_inner())
}

/// An optional key holding an expression over parameters, inputs and steps, parsed, with where
/// it is written.
fn calc(obj: &Obj<'_, '_>, key: &'static str, file: FileId, spans: &mut Vec<(&'static str, Location)>) -> Option<ExprSource> {
    let s = obj.opt_str(key)?;
    let ctx = obj.ctx();
    spans.push((key, ctx.loc(s.span())));
    let offset = text_offset(&ctx.file.text, s.span());
    match expr::parse(s.get_ref()) {
        Ok(ast) => Some(ExprSource { text: s.into_inner(), ast, offset, file }),
        Err(e) => {
            ctx.error(
                Code::ExpressionSyntax,
                offset + e.span.start..offset + e.span.end,
                msg!("rules-in", what = key_of(key, obj.what()), reason = e.message()),
            );
            None
        }
    }
}

/// An optional key naming something (a step, an input), with where it is written.
fn named(obj: &Obj<'_, '_>, key: &'static str, spans: &mut Vec<(&'static str, Location)>) -> Option<String> {
    let s = obj.opt_str(key)?;
    spans.push((key, obj.ctx().loc(s.span())));
    Some(s.into_inner())
}

/// `received = "section.input"` (an amount) or
/// `received = { input = "section.input", date = "field", amount = "field" }` (records).
fn read_received(obj: &Obj<'_, '_>, spans: &mut Vec<(&'static str, Location)>) -> Option<Received> {
    let item = obj.get("received")?;
    spans.push(("received", obj.ctx().loc(item.span())));
    if let toml::de::DeValue::Table(_) = item.get_ref() {
        let t = Obj::of(obj.ctx(), item, &key_of("received", obj.what()))?;
        let (input, date, amount) = (t.str("input"), t.str("date"), t.str("amount"));
        t.finish();
        return Some(Received::Records { input: input?.into_inner(), date: date?.into_inner(), amount: amount?.into_inner() });
    }
    let input = read_str(obj.ctx(), item, &key_of("received", obj.what()))?;
    Some(Received::Value { input: input.into_inner() })
}

fn positive(obj: &Obj<'_, '_>, key: &str, max: i64) -> Option<u32> {
    let v = obj.int(key)?;
    if *v.get_ref() < 1 || *v.get_ref() > max {
        obj.ctx().error(Code::InvalidValue, v.span(), msg!("rules-between-1-and", what = key_of(key, obj.what()), max = max));
        return None;
    }
    u32::try_from(*v.get_ref()).ok()
}

fn read_deposit(obj: &Obj<'_, '_>, spans: &mut Vec<(&'static str, Location)>) -> Option<DepositRule> {
    let every_months = positive(obj, "every_months", 12);
    let count = positive(obj, "count", 366);
    let working_day = positive(obj, "working_day", 23);
    let norms = obj.str_list("norms").unwrap_or_default().into_iter().map(|s| s.into_inner()).collect();
    let mut saturday = None;
    let working_days = obj.table("working_days").and_then(|w| {
        saturday = named(&w, "saturday", spans);
        let r = read_working_days(&w);
        w.finish();
        r
    });
    Some(DepositRule {
        every_months: every_months?,
        count: count?,
        working_day: working_day?,
        norms,
        working_days: working_days?,
        saturday,
    })
}

/// `weekend = ["saturday", "sunday"]`, `holidays = ["01-01", ...]` (month-day),
/// `easter = [1, 39, 50]` (days after Easter Sunday).
fn read_working_days(w: &Obj<'_, '_>) -> Option<WorkingDays> {
    let ctx = w.ctx();
    let mut ok = true;
    let mut weekend = Vec::new();
    for s in w.str_list("weekend").unwrap_or_default() {
        match parse_choice(w, &s, "day", WEEKDAY_NAMES, parse_weekday) {
            Some(d) => weekend.push(d),
            None => ok = false,
        }
    }
    let mut fixed = Vec::new();
    for s in w.str_list("holidays").unwrap_or_default() {
        match parse_month_day(s.get_ref()) {
            Some(md) => fixed.push(md),
            None => {
                ctx.error_hint(
                    Code::InvalidValue,
                    s.span(),
                    msg!("rules-not-day-of-year", text = s.get_ref()),
                    msg!("rules-day-of-year-hint"),
                );
                ok = false;
            }
        }
    }
    let mut easter = Vec::new();
    for item in w.opt_array("easter").unwrap_or_default() {
        let Some(v) = read_int(ctx, item, &msg!("rules-item-of-key", key = "easter")) else {
            ok = false;
            continue;
        };
        if v.get_ref().abs() > 366 {
            ctx.error(Code::InvalidValue, v.span(), msg!("rules-easter-offset"));
            ok = false;
            continue;
        }
        easter.push(*v.get_ref());
    }
    ok.then_some(WorkingDays { weekend, fixed, easter })
}

fn read_rebase(obj: &Obj<'_, '_>, spans: &mut Vec<(&'static str, Location)>) -> Option<RebaseRule> {
    let mut col = |key: &'static str| {
        let s = obj.str(key)?;
        spans.push((key, obj.ctx().loc(s.span())));
        Some(s.into_inner())
    };
    let (dataset, id, group, entry, exit) = (col("dataset"), col("id"), col("group"), col("entry"), col("exit"));
    let measure = obj.opt_str("measure").map(|s| {
        spans.push(("measure", obj.ctx().loc(s.span())));
        s.into_inner()
    });
    let mut weights = Vec::new();
    if let Some(w) = obj.table("weights") {
        for (k, item) in w.entries() {
            let Some(v) = read_decimal(obj.ctx(), item, &msg!("rules-what-weight", name = k.get_ref().as_ref())) else {
                continue;
            };
            if v.get_ref().is_sign_negative() || *v.get_ref() > Decimal::ONE {
                obj.ctx().error(Code::InvalidValue, v.span(), msg!("rules-weight-between-0-1", name = k.get_ref().as_ref()));
                continue;
            }
            weights.push((k.get_ref().to_string(), v.into_inner()));
        }
        let total = weights.iter().try_fold(Decimal::ZERO, |sum, (_, w)| sum.checked_add(*w)).unwrap_or(Decimal::MAX);
        if total > Decimal::ONE {
            obj.ctx().error(Code::InvalidValue, w.span(), msg!("rules-weights-over-one", what = obj.what(), total = total));
        }
    }
    Some(RebaseRule { dataset: dataset?, id: id?, group: group?, entry: entry?, exit: exit?, weights, measure })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, SourceFile};
    use crate::rules::strict::Ctx;

    fn read(text: &str) -> (Vec<Event>, Vec<Diagnostic>) {
        let file = SourceFile { path: "calendrier.toml".into(), text: text.into() };
        let ctx = Ctx::new(&file);
        let mut out = Vec::new();
        if let Some(root) = ctx.parse() {
            let obj = ctx.root(&root, &crate::message::Message::text("the calendar"));
            read_calendar(&obj, FileId::from(0), &mut out);
        }
        (out, ctx.into_diagnostics())
    }

    const PROV: &str = "label = \"x\"\nstatus = \"seed\"\nreference = \"r\"\n";

    #[test]
    fn reads_each_kind_with_its_own_keys() {
        let text = format!(
            "[a]\n{PROV}date = 2025-01-31\nkind = \"advance\"\nshare = \"0.25\"\nestimate = [\"s.x\", \"total\"]\n\
             [b]\n{PROV}date = 2026-07-20\nkind = \"balance\"\namount = \"total\"\nreceived = {{ input = \"p.a\", date = \"d\", amount = \"m\" }}\nif_negative = \"repay\"\n\
             [c]\n{PROV}date = 2025-01-01\nkind = \"deposit\"\nevery_months = 3\ncount = 4\nworking_day = 5\nnorms = [\"n\"]\n\
             [c.working_days]\nweekend = [\"saturday\", \"sunday\"]\nholidays = [\"01-01\", \"12-25\"]\neaster = [1, 39]\n\
             [d]\n{PROV}date = 2025-01-01\nkind = \"rebase\"\ndataset = \"ds\"\nid = \"ID\"\ngroup = \"G\"\nentry = \"IN\"\nexit = \"OUT\"\nweights = {{ A = \"0.6\", B = \"0.4\" }}\n\
             [e]\n{PROV}date = 2025-10-20\nkind = \"complement\"\namount = \"extra\"\nreceived = \"p.c\"\n"
        );
        let (events, diags) = read(&text);
        assert!(diags.is_empty(), "{diags:?}");
        let names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["c", "d", "a", "e", "b"], "sorted by date, stable");
        let a = events.iter().find(|e| e.name == "a").unwrap();
        assert_eq!(a.estimate, ["s.x", "total"]);
        let b = events.iter().find(|e| e.name == "b").unwrap();
        assert_eq!(b.received, Some(Received::Records { input: "p.a".into(), date: "d".into(), amount: "m".into() }));
        assert_eq!(b.if_negative.as_deref(), Some("repay"));
        let c = events.iter().find(|e| e.name == "c").unwrap().deposit.as_ref().unwrap();
        assert_eq!((c.every_months, c.count, c.working_day), (3, 4, 5));
        assert_eq!(c.working_days.fixed, vec![(1, 1), (12, 25)]);
        assert_eq!(c.working_days.easter, vec![1, 39]);
        let d = events.iter().find(|e| e.name == "d").unwrap().rebase.as_ref().unwrap();
        assert_eq!(d.weights.len(), 2);
        let e = events.iter().find(|e| e.name == "e").unwrap();
        assert_eq!(e.received, Some(Received::Value { input: "p.c".into() }));
        let details: Vec<String> =
            events.iter().find(|e| e.name == "c").unwrap().details().iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert!(details.contains(&"working_days.easter=1, 39".to_string()), "{details:?}");
    }

    #[test]
    fn keys_of_another_kind_and_bad_values_are_reported() {
        let text = format!(
            "[a]\n{PROV}date = 2025-01-31\nkind = \"notification\"\nshare = \"0.25\"\n\
             [b]\n{PROV}date = 2025-01-01\nkind = \"deposit\"\nevery_months = 0\ncount = 4\nworking_day = 5\nnorms = []\n\
             [b.working_days]\nweekend = [\"saterday\"]\nholidays = [\"1-1\"]\neaster = [400]\n\
             [c]\n{PROV}date = 2025-01-31\nkind = \"advance\"\nshare = \"0.25\"\n\
             [d]\n{PROV}date = 2025-01-31\nkind = \"advence\"\nshare = \"0.25\"\n"
        );
        let (events, diags) = read(&text);
        let codes: Vec<String> = diags.iter().map(|d| format!("{} {}", d.code, d.message.en())).collect();
        assert!(codes.iter().any(|c| c.starts_with("R101") && c.contains("`share`")), "{codes:?}");
        assert!(codes.iter().any(|c| c.starts_with("R104") && c.contains("every_months")), "{codes:?}");
        assert!(codes.iter().any(|c| c.starts_with("R104") && c.contains("saterday")), "{codes:?}");
        assert!(codes.iter().any(|c| c.starts_with("R104") && c.contains("`1-1`")), "{codes:?}");
        assert!(codes.iter().any(|c| c.starts_with("R104") && c.contains("Easter")), "{codes:?}");
        assert!(codes.iter().any(|c| c.starts_with("R103") && c.contains("no `estimate`")), "{codes:?}");
        assert!(codes.iter().any(|c| c.starts_with("R104") && c.contains("advence")), "{codes:?}");
        assert!(!codes.iter().any(|c| c.contains("unknown key `share` in event `d`")), "no cascade for an unknown kind: {codes:?}");
        assert_eq!(events.iter().filter(|e| e.name == "d").count(), 0);
    }
}
