//! The payment schedule of one case for one year, from the rulebook's calendar and the year's
//! evaluation: advances (a share of an estimate, or a step's value) re-based when members of a
//! dataset enter or leave, complements paid in advance, what the case records as received, the
//! balance (the final amount less every payment), and the recurring deposit deadlines over
//! working days.
//!
//! Every amount is an exact decimal rounded half-up to the cent. Each share advance brings what
//! has been paid up to its share of the estimate as known on its date: the rounding left over
//! goes into the last one, and the balance is the final amount less what was paid, so advances
//! and balance add up to the final amount to the cent.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{Event, EventKind, RebaseRule, Received};
use crate::case::{Case, InputKind};
use crate::diagnostic::{Code, Diagnostic, Location, did_you_mean};
use crate::eval::Evaluation;
use crate::rulebook::Rulebook;
use crate::value::{Kind, Period, Rounding, Status, Unit, Value};

/// The schedule of one case for one year.
#[derive(Debug, Clone, Serialize)]
pub struct Schedule {
    pub year: i32,
    pub rulebook: String,
    /// The estimate of the first share advance, as found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<Estimate>,
    /// Advances, complements and recorded payments, by date; the balance is apart.
    pub payments: Vec<Payment>,
    /// What the payments add up to: received where the case records it, planned otherwise.
    pub paid: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance: Option<Balance>,
    /// Entries and exits that re-base the advances, with their effect on the estimate.
    pub movements: Vec<Movement>,
    pub deadlines: Vec<Deadline>,
    /// The other dated events: notifications, ends, one-off deadlines.
    pub milestones: Vec<Milestone>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

/// A named amount: an input or an output, with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub name: String,
    pub label: String,
    pub value: Decimal,
}

/// The annual estimate advances are shares of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Estimate {
    /// The first source that had a value: an input `section.name` or a step.
    pub source: Figure,
    /// Whether the source is a case input (else a step computed by the rules).
    pub from_input: bool,
    /// Taken off an estimate computed by the rules: what complements pay separately.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub less: Vec<Figure>,
    /// What the advances are shares of.
    pub amount: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaymentKind {
    Advance,
    Complement,
    /// A payment the case records that no event of the calendar plans.
    Recorded,
}

#[derive(Debug, Clone, Serialize)]
pub struct Payment {
    pub name: String,
    pub label: String,
    pub kind: PaymentKind,
    pub date: NaiveDate,
    pub basis: Basis,
    /// What the rules plan, adjustments included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned: Option<Decimal>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
    /// What the case records as received for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<ReceivedAmount>,
    /// What counts: the received amount, else the planned one.
    pub amount: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReceivedAmount {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    pub amount: Decimal,
}

/// How a payment's planned amount is found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Basis {
    /// `share` of the estimate as re-based on the payment's date, rounded: `base`.
    Share { share: Decimal, estimate: Decimal, rebased: Decimal, base: Decimal },
    /// A step's value.
    Output { name: String, label: String, value: Decimal },
    /// Recorded by the case, planned by no event.
    Recorded,
}

/// A part of a planned advance beyond its share of the current estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adjustment {
    pub kind: AdjustmentKind,
    pub amount: Decimal,
    /// For a re-basing: the movements (indexes in `Schedule::movements`) that caused it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub movements: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentKind {
    /// The earlier advances brought to their share of the re-based estimate.
    Rebase,
    /// The earlier advances as received differ from what the rules planned.
    ReceivedDifference,
    /// The cents left over by rounding each advance, on the last one.
    Rounding,
}

#[derive(Debug, Clone, Serialize)]
pub struct Balance {
    pub name: String,
    pub label: String,
    pub date: NaiveDate,
    pub final_amount: Figure,
    pub paid: Decimal,
    /// `final_amount − paid`: positive, paid to the case; negative, owed by it.
    pub amount: Decimal,
    pub parts: Vec<BalancePart>,
    /// What the rules say a balance of this sign means.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
    pub status: Status,
    pub reference: String,
}

/// The balance split by cause: each complement settled (observed less paid), and the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BalancePart {
    pub kind: PartKind,
    pub name: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid: Option<Decimal>,
    pub amount: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    Complement,
    Rest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MovementKind {
    Entry,
    Exit,
}

/// An entry or exit of a member after the reference date of a re-basing rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Movement {
    pub rule: String,
    pub rule_label: String,
    /// The member, as the rule's `id` column names it.
    pub member: String,
    pub group: String,
    pub kind: MovementKind,
    /// The date in the data: first day present, or last day present.
    pub date: NaiveDate,
    /// The first day the presence changes.
    pub effective: NaiveDate,
    pub weight: Decimal,
    /// Members of the group present on the reference date.
    pub members: u32,
    /// Days of presence added (positive) or removed (negative) over the period.
    pub days: i64,
    pub period_days: i64,
    /// `weight / members × days / period_days`: the share of the estimate it moves.
    pub coefficient: Decimal,
    /// The change of the schedule's estimate, rounded to the cent.
    pub effect: Decimal,
    /// The first advance that takes it into account; none when only the balance settles it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applied_from: Option<String>,
}

/// One deadline of a recurring deposit rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub rule: String,
    pub label: String,
    pub period: Period,
    pub due: NaiveDate,
    pub working_day: u32,
    pub norms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Milestone {
    pub name: String,
    pub label: String,
    pub kind: EventKind,
    pub date: NaiveDate,
}

fn cents(d: Decimal) -> Decimal {
    Rounding::cents().apply(d)
}

/// An amount shown with at least its cents, never rounded: what a case records stays exact.
fn money(mut d: Decimal) -> Decimal {
    if d.scale() < 2 {
        d.rescale(2);
    }
    d
}

// ---------------------------------------------------------------------------------------------
// Binding: what the calendar names must exist, with the right unit.

/// Checks that every name the calendar uses (inputs, steps, dataset columns) exists with the
/// right unit, that advance shares add up to at most 1, that there is at most one balance, and
/// that every deposit deadline exists. Needs the whole rulebook, so it runs after loading.
pub fn check(rb: &Rulebook) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut shares = Decimal::ZERO;
    let mut balances = 0;
    for e in &rb.calendar {
        if let Some(a) = &e.amount {
            check_step(rb, e, "amount", a, &mut diags);
        }
        for source in &e.estimate {
            if source.contains('.') {
                check_input_value(rb, e, "estimate", source, &mut diags);
            } else {
                check_step(rb, e, "estimate", source, &mut diags);
            }
        }
        match &e.received {
            Some(Received::Value { input }) => check_input_value(rb, e, "received", input, &mut diags),
            Some(Received::Records { input, date, amount }) => check_records(rb, e, input, date, amount, &mut diags),
            None => {}
        }
        if let Some(r) = &e.rebase {
            check_rebase(rb, e, r, &mut diags);
        }
        if e.deposit.is_some() {
            diags.extend(deposit_deadlines_of(e).1);
        }
        match e.kind {
            EventKind::Advance => shares += e.share.unwrap_or_default(),
            EventKind::Balance => balances += 1,
            _ => {}
        }
    }
    if shares > Decimal::ONE {
        let first = rb.calendar.iter().find(|e| e.share.is_some());
        diags.push(
            Diagnostic::error(Code::InvalidValue, format!("the shares of the advances add up to {shares}, more than 1"))
                .at(first.map(|e| e.provenance.location.clone()).unwrap_or(Location::File { file: rb.root.clone() }))
                .hint("advances are shares of one annual estimate"),
        );
    }
    if balances > 1 {
        let second = rb.calendar.iter().filter(|e| e.kind == EventKind::Balance).nth(1);
        diags.push(
            Diagnostic::error(Code::DuplicateName, "the calendar has more than one balance")
                .at(second.map(|e| e.provenance.location.clone()).unwrap_or(Location::File { file: rb.root.clone() }))
                .hint("the balance is the final amount less every payment: there is one"),
        );
    }
    diags.sort_by_key(|d| match &d.location {
        Some(Location::Source { file, line, col, .. }) => (file.clone(), *line, *col),
        _ => (String::new(), 0, 0),
    });
    diags
}

fn check_step(rb: &Rulebook, e: &Event, key: &'static str, name: &str, diags: &mut Vec<Diagnostic>) {
    match rb.steps.iter().find(|s| s.def.name == name) {
        None => {
            let mut d = Diagnostic::error(Code::UndefinedName, format!("`{key}` of event `{}` names `{name}`, which is no step", e.name))
                .at(e.location_of(key));
            if let Some(c) = did_you_mean(name, rb.steps.iter().map(|s| s.def.name.as_str())) {
                d = d.hint(format!("did you mean `{c}`?"));
            }
            diags.push(d);
        }
        Some(s) if s.unit != Unit::Eur => diags.push(
            Diagnostic::error(
                Code::TypeMismatch,
                format!("`{key}` of event `{}` names step `{name}`, whose unit is {}, not EUR", e.name, s.unit),
            )
            .at(e.location_of(key)),
        ),
        Some(_) => {}
    }
}

/// The index of input `section.name` in the case schema.
fn input_index(rb: &Rulebook, qualified: &str) -> Option<usize> {
    let (section, name) = qualified.split_once('.')?;
    rb.schema.inputs.iter().position(|i| i.section == section && i.name == name)
}

fn undefined_input(rb: &Rulebook, e: &Event, key: &'static str, qualified: &str) -> Diagnostic {
    let names: Vec<String> = rb.schema.inputs.iter().map(|i| format!("{}.{}", i.section, i.name)).collect();
    let mut d =
        Diagnostic::error(Code::UndefinedName, format!("`{key}` of event `{}` names `{qualified}`, which is no case input", e.name))
            .at(e.location_of(key));
    d = match did_you_mean(qualified, names.iter().map(String::as_str)) {
        Some(c) => d.hint(format!("did you mean `{c}`?")),
        None => d.hint("case inputs are written `section.name`, as the inputs file declares them"),
    };
    d
}

fn check_input_value(rb: &Rulebook, e: &Event, key: &'static str, qualified: &str, diags: &mut Vec<Diagnostic>) {
    let Some(i) = input_index(rb, qualified) else {
        diags.push(undefined_input(rb, e, key, qualified));
        return;
    };
    if !matches!(rb.schema.inputs[i].kind, InputKind::Value { unit: Unit::Eur }) {
        diags.push(
            Diagnostic::error(
                Code::TypeMismatch,
                format!("`{key}` of event `{}` names input `{qualified}`, which is not an amount in EUR", e.name),
            )
            .at(e.location_of(key)),
        );
    }
}

fn check_records(rb: &Rulebook, e: &Event, input: &str, date: &str, amount: &str, diags: &mut Vec<Diagnostic>) {
    let Some(i) = input_index(rb, input) else {
        diags.push(undefined_input(rb, e, "received", input));
        return;
    };
    let InputKind::Records { fields } = &rb.schema.inputs[i].kind else {
        diags.push(
            Diagnostic::error(
                Code::TypeMismatch,
                format!("`received` of event `{}` names input `{input}`, which is not a list of records", e.name),
            )
            .at(e.location_of("received")),
        );
        return;
    };
    for (field, unit) in [(date, Unit::Date), (amount, Unit::Eur)] {
        if !fields.iter().any(|(f, u)| f == field && *u == unit) {
            diags.push(
                Diagnostic::error(Code::UndefinedName, format!("the records of `{input}` have no field `{field}` of unit {unit}"))
                    .at(e.location_of("received"))
                    .hint(format!("its fields: {}", fields.iter().map(|(f, u)| format!("{f} ({u})")).collect::<Vec<_>>().join(", "))),
            );
        }
    }
}

fn check_rebase(rb: &Rulebook, e: &Event, r: &RebaseRule, diags: &mut Vec<Diagnostic>) {
    let Some(ds) = rb.datasets.iter().find(|d| d.name == r.dataset) else {
        let mut d =
            Diagnostic::error(Code::UndefinedName, format!("`dataset` of event `{}` names `{}`, which is no dataset", e.name, r.dataset))
                .at(e.location_of("dataset"));
        if let Some(c) = did_you_mean(&r.dataset, rb.datasets.iter().map(|d| d.name.as_str())) {
            d = d.hint(format!("did you mean `{c}`?"));
        }
        diags.push(d);
        return;
    };
    let wanted: [(&'static str, &str, Option<Kind>); 4] = [
        ("id", &r.id, None),
        ("group", &r.group, Some(Kind::Text)),
        ("entry", &r.entry, Some(Kind::Date)),
        ("exit", &r.exit, Some(Kind::Date)),
    ];
    for (key, column, kind) in wanted {
        match ds.columns.iter().find(|(c, _)| c == column) {
            None => {
                let mut d = Diagnostic::error(
                    Code::UndefinedName,
                    format!("`{key}` of event `{}` names column `{column}`, which dataset `{}` does not have", e.name, ds.name),
                )
                .at(e.location_of(key));
                if let Some(c) = did_you_mean(column, ds.columns.iter().map(|(c, _)| c.as_str())) {
                    d = d.hint(format!("did you mean `{c}`?"));
                }
                diags.push(d);
            }
            Some((_, k)) if kind.is_some_and(|want| want != *k) => diags.push(
                Diagnostic::error(
                    Code::TypeMismatch,
                    format!(
                        "`{key}` of event `{}` names column `{column}`, a {} column, where a {} column is needed",
                        e.name,
                        k.name(),
                        kind.map_or("", Kind::name)
                    ),
                )
                .at(e.location_of(key)),
            ),
            Some(_) => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Deposit deadlines

/// The deadlines of every recurring deposit rule of the calendar, by due date.
pub fn deposit_deadlines(calendar: &[Event]) -> Vec<Deadline> {
    let mut out: Vec<Deadline> = calendar.iter().flat_map(|e| deposit_deadlines_of(e).0).collect();
    out.sort_by_key(|d| (d.due, d.period.start));
    out
}

fn deposit_deadlines_of(e: &Event) -> (Vec<Deadline>, Vec<Diagnostic>) {
    let Some(rule) = &e.deposit else { return (Vec::new(), Vec::new()) };
    if e.date.day() != 1 {
        let d = Diagnostic::error(
            Code::InvalidValue,
            format!("deposit rule `{}` starts on {}, not on the first day of a month", e.name, e.date),
        )
        .at(e.provenance.location.clone())
        .hint("its periods are whole months: its `date` is the first day of the first one");
        return (Vec::new(), vec![d]);
    }
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for k in 0..rule.count {
        let start = e.date.checked_add_months(Months::new(k * rule.every_months));
        let next = e.date.checked_add_months(Months::new((k + 1) * rule.every_months));
        let (Some(start), Some(next)) = (start, next) else { break };
        let Some(end) = next.pred_opt() else { break };
        match rule.working_days.nth_working_day(next.year(), next.month(), rule.working_day) {
            Some(due) => out.push(Deadline {
                rule: e.name.clone(),
                label: e.provenance.label.clone(),
                period: Period { start, end },
                due,
                working_day: rule.working_day,
                norms: rule.norms.clone(),
            }),
            None => diags.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    format!(
                        "{}-{:02} has fewer than {} working days: deposit rule `{}` has no deadline there",
                        next.year(),
                        next.month(),
                        rule.working_day,
                        e.name
                    ),
                )
                .at(e.provenance.location.clone()),
            ),
        }
    }
    (out, diags)
}

/// What a deposit date says of an exchange file of norm `norm` whose data covers `period`, given
/// the deadlines of the years it touches: a warning for each deposit period it holds data of whose
/// deadline passed before `deposited`, and a warning when some of its days fall in no deposit
/// period (then no deadline can be checked for them). Files of a norm that no deposit rule names,
/// while other norms are named, get none: they are not deposited on a calendar.
pub fn deposit_warnings(deadlines: &[Deadline], norm: &str, file: &str, period: Period, deposited: Option<NaiveDate>) -> Vec<Diagnostic> {
    let relevant: Vec<&Deadline> = deadlines.iter().filter(|d| d.norms.iter().any(|n| n == norm)).collect();
    if relevant.is_empty() && !deadlines.is_empty() {
        return Vec::new();
    }
    let at = || Location::File { file: file.to_string() };
    let mut out = Vec::new();
    for gap in uncovered(period, &relevant) {
        out.push(
            Diagnostic::warning(
                Code::DepositNotCovered,
                format!("the file holds data of {} – {}, which no deposit period of the calendar covers", dmy(gap.start), dmy(gap.end)),
            )
            .at(at())
            .hint("its deadline cannot be checked: check the period in the file name, or the year of the rules"),
        );
    }
    let Some(deposited) = deposited else { return out };
    for d in relevant.iter().filter(|d| d.period.start <= period.end && period.start <= d.period.end && d.due < deposited) {
        out.push(
            Diagnostic::warning(
                Code::DepositLate,
                format!(
                    "deposited on {}, after the deadline of {} for the data of {} – {}",
                    dmy(deposited),
                    dmy(d.due),
                    dmy(d.period.start),
                    dmy(d.period.end)
                ),
            )
            .at(at())
            .hint(format!("{}: by working day {} of the month after each period", d.label, d.working_day)),
        );
    }
    out
}

/// A day as the validator's messages write it.
fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The parts of `period` that none of the deadlines' periods covers.
fn uncovered(period: Period, deadlines: &[&Deadline]) -> Vec<Period> {
    let mut covered: Vec<Period> = deadlines.iter().map(|d| d.period).collect();
    covered.sort_by_key(|p| p.start);
    let mut gaps = Vec::new();
    let mut from = period.start;
    for p in covered {
        if p.end < from {
            continue;
        }
        if p.start > period.end {
            break;
        }
        if p.start > from
            && let Some(before) = p.start.pred_opt()
        {
            gaps.push(Period { start: from, end: before.min(period.end) });
        }
        match p.end.succ_opt() {
            Some(next) if p.end < period.end => from = next.max(from),
            _ => return gaps,
        }
    }
    if from <= period.end {
        gaps.push(Period { start: from, end: period.end });
    }
    gaps
}

// ---------------------------------------------------------------------------------------------
// The schedule

/// Where the values of a case and its evaluation are found by name.
struct Sources<'a> {
    rb: &'a Rulebook,
    case: &'a Case,
    eval: &'a Evaluation,
}

impl Sources<'_> {
    /// The amount named `name`: an input `section.name` or a step; `None` when it has no value.
    fn amount(&self, name: &str) -> Option<Figure> {
        let (label, value) = if name.contains('.') {
            let i = input_index(self.rb, name)?;
            (self.rb.schema.inputs[i].label.clone(), self.case.values.get(i)?.as_number()?)
        } else if name == self.eval.total_name {
            // The total is zero, not absent, when the gate fails and the steps after it do not run.
            let label = self.rb.steps.iter().find(|s| s.def.name == name).map_or_else(String::new, |s| s.def.label.clone());
            (label, self.eval.total.as_number()?)
        } else {
            let o = self.eval.output(name)?;
            (o.label.clone(), o.value.as_number()?)
        };
        Some(Figure { name: name.to_string(), label, value })
    }

    /// The payments the records input of `received` holds, by date.
    fn records(&self, received: &Received) -> Vec<(NaiveDate, Decimal)> {
        let Received::Records { input, date, amount } = received else { return Vec::new() };
        let Some(i) = input_index(self.rb, input) else { return Vec::new() };
        let InputKind::Records { fields } = &self.rb.schema.inputs[i].kind else { return Vec::new() };
        let (Some(fd), Some(fa)) = (fields.iter().position(|(f, _)| f == date), fields.iter().position(|(f, _)| f == amount)) else {
            return Vec::new();
        };
        let mut out: Vec<(NaiveDate, Decimal)> = self.case.records[i]
            .iter()
            .filter_map(|r| match (r.get(fd), r.get(fa)) {
                (Some(Value::Date(d)), Some(Value::Number(a))) => Some((*d, *a)),
                _ => None,
            })
            .collect();
        out.sort_by_key(|(d, _)| *d);
        out
    }
}

/// The schedule of `case` for the rulebook's year, given the year's evaluation of that case.
pub fn schedule(rb: &Rulebook, case: &Case, eval: &Evaluation) -> Schedule {
    let mut s = Schedule {
        year: rb.year,
        rulebook: rb.label.clone(),
        estimate: None,
        payments: Vec::new(),
        paid: Decimal::ZERO,
        balance: None,
        movements: Vec::new(),
        deadlines: Vec::new(),
        milestones: Vec::new(),
        diagnostics: check(rb),
    };
    if s.diagnostics.iter().any(Diagnostic::is_error) {
        return s;
    }
    let src = Sources { rb, case, eval };
    s.deadlines = deposit_deadlines(&rb.calendar);
    s.milestones = rb
        .calendar
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Notification | EventKind::End | EventKind::Deadline))
        .map(|e| Milestone { name: e.name.clone(), label: e.provenance.label.clone(), kind: e.kind, date: e.date })
        .collect();
    let balance_event = rb.calendar.iter().find(|e| e.kind == EventKind::Balance);
    let records = balance_event.and_then(|b| b.received.as_ref()).map(|r| src.records(r)).unwrap_or_default();
    let complements: Vec<&Event> = rb.calendar.iter().filter(|e| e.kind == EventKind::Complement).collect();
    // A missing estimate is reported when the advances are planned.
    let base_estimate =
        rb.calendar.iter().find(|e| e.kind == EventKind::Advance && e.share.is_some()).and_then(|e| estimate(&src, e, &complements));
    s.estimate = base_estimate.clone();
    let movements = base_estimate.as_ref().map_or_else(Vec::new, |est| movements(rb, case, est.amount));
    s.movements = movements;
    advances(&src, &records, &complements, &mut s);
    if s.diagnostics.iter().any(Diagnostic::is_error) {
        return s;
    }
    complement_payments(&src, &complements, &mut s);
    // Records beyond the advances the calendar plans are payments too.
    let n_advances = rb.calendar.iter().filter(|e| e.kind == EventKind::Advance).count();
    for (k, (date, amount)) in records.iter().enumerate().skip(n_advances) {
        s.payments.push(Payment {
            name: format!("recorded_{}", k + 1),
            label: String::new(),
            kind: PaymentKind::Recorded,
            date: *date,
            basis: Basis::Recorded,
            planned: None,
            adjustments: Vec::new(),
            received: Some(ReceivedAmount { date: Some(*date), amount: money(*amount) }),
            amount: money(*amount),
            status: None,
            reference: None,
        });
    }
    s.payments.sort_by_key(|p| p.date);
    s.paid = money(s.payments.iter().map(|p| p.amount).sum());
    if let Some(b) = balance_event {
        s.balance = balance(&src, b, &s);
    }
    s
}

fn no_estimate(e: &Event) -> Diagnostic {
    Diagnostic::error(
        Code::CaseMissingValue,
        format!(
            "advance `{}` has no estimate: none of {} has a value",
            e.name,
            e.estimate.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
        ),
    )
    .at(e.location_of("estimate"))
    .hint("give the case the estimate, or end the list with a step the rules compute")
}

/// The estimate of advance `e`: its first source with a value; a computed one less the
/// complements, which are paid apart.
fn estimate(src: &Sources<'_>, e: &Event, complements: &[&Event]) -> Option<Estimate> {
    let source = e.estimate.iter().find_map(|n| src.amount(n))?;
    let from_input = source.name.contains('.');
    let less: Vec<Figure> = if from_input {
        Vec::new()
    } else {
        complements.iter().filter_map(|c| src.amount(c.amount.as_deref()?)).filter(|f| !f.value.is_zero()).collect()
    };
    let amount = cents(source.value - less.iter().map(|f| f.value).sum::<Decimal>());
    Some(Estimate { source, from_input, less, amount })
}

/// The entries and exits of every re-basing rule, by effective date, with their effect on
/// `estimate`.
fn movements(rb: &Rulebook, case: &Case, estimate: Decimal) -> Vec<Movement> {
    let mut out = Vec::new();
    for e in &rb.calendar {
        let Some(rule) = &e.rebase else { continue };
        let Some(i) = rb.schema.inputs.iter().position(|inp| inp.name == rule.dataset && matches!(inp.kind, InputKind::Dataset { .. }))
        else {
            continue;
        };
        let Some(ds) = case.datasets.get(i).and_then(Option::as_ref) else { continue };
        let col = |name: &str| ds.column_index(name);
        let (Some(ci), Some(cg), Some(cin), Some(cout)) = (col(&rule.id), col(&rule.group), col(&rule.entry), col(&rule.exit)) else {
            continue;
        };
        let period = rb.period;
        let period_days = (period.end - period.start).num_days() + 1;
        let reference = e.date;
        let date_at = |row: &[Value], c: usize| match row.get(c) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        };
        let text_at = |row: &[Value], c: usize| row.get(c).map(Value::render).unwrap_or_default();
        let present_on =
            |row: &[Value], day: NaiveDate| date_at(row, cin).is_some_and(|d| d <= day) && date_at(row, cout).is_none_or(|d| d >= day);
        let mut members: BTreeMap<String, u32> = BTreeMap::new();
        for row in &ds.rows {
            if present_on(row, reference) {
                *members.entry(text_at(row, cg)).or_default() += 1;
            }
        }
        for row in &ds.rows {
            let group = text_at(row, cg);
            let weight = rule.weights.iter().find(|(g, _)| *g == group).map_or(Decimal::ZERO, |(_, w)| *w);
            let n = members.get(&group).copied().unwrap_or(0);
            let mut push = |kind, date: NaiveDate, effective: NaiveDate, days: i64| {
                let coefficient =
                    if n == 0 { Decimal::ZERO } else { weight * Decimal::from(days) / (Decimal::from(n) * Decimal::from(period_days)) };
                out.push(Movement {
                    rule: e.name.clone(),
                    rule_label: e.provenance.label.clone(),
                    member: text_at(row, ci),
                    group: group.clone(),
                    kind,
                    date,
                    effective,
                    weight,
                    members: n,
                    days,
                    period_days,
                    coefficient,
                    effect: cents(estimate * coefficient),
                    applied_from: None,
                });
            };
            if let Some(entry) = date_at(row, cin)
                && entry > reference
                && entry <= period.end
            {
                let first = entry.max(period.start);
                push(MovementKind::Entry, entry, entry, (period.end - first).num_days() + 1);
            }
            if let Some(exit) = date_at(row, cout)
                && exit >= reference
                && exit < period.end
                && let Some(next) = exit.succ_opt()
            {
                let last = exit.max(period.start.pred_opt().unwrap_or(period.start));
                push(MovementKind::Exit, exit, next, -(period.end - last).num_days());
            }
        }
    }
    out.sort_by(|a, b| (a.effective, &a.member).cmp(&(b.effective, &b.member)));
    out
}

/// `base` re-based by the movements known on `day` (effective on or before it).
fn rebased(base: Decimal, movements: &[Movement], day: NaiveDate) -> Decimal {
    base + movements.iter().filter(|m| m.effective <= day).map(|m| cents(base * m.coefficient)).sum::<Decimal>()
}

/// One share advance as planned: its share, its estimate, and what was paid for it.
struct ShareAdvance {
    share: Decimal,
    estimate: Decimal,
    paid: Decimal,
}

/// Plans every advance event; the k-th record received (by date) is the k-th advance's. Marks
/// each movement with the first share advance that takes it into account.
fn advances(src: &Sources<'_>, records: &[(NaiveDate, Decimal)], complements: &[&Event], s: &mut Schedule) {
    let events: Vec<&Event> = src.rb.calendar.iter().filter(|e| e.kind == EventKind::Advance).collect();
    let last_share = events.iter().rposition(|e| e.share.is_some());
    let movements = &s.movements;
    let mut done: Vec<ShareAdvance> = Vec::new();
    let mut share_days: Vec<(NaiveDate, String)> = Vec::new();
    let mut payments = Vec::new();
    let mut diagnostics = Vec::new();
    for (k, e) in events.iter().enumerate() {
        let received = records.get(k).map(|&(date, amount)| ReceivedAmount { date: Some(date), amount: money(amount) });
        let (basis, planned, adjustments) = match e.share {
            Some(share) => {
                let Some(est) = estimate(src, e, complements) else {
                    diagnostics.push(no_estimate(e));
                    break;
                };
                let day = e.date;
                let previous = share_days.last().map(|(d, _)| *d);
                let (basis, adjustments) = share_advance(share, est.amount, &done, movements, day, previous, Some(k) == last_share);
                let planned = money(share_base(&basis) + adjustments.iter().map(|a| a.amount).sum::<Decimal>());
                done.push(ShareAdvance { share, estimate: est.amount, paid: received.map_or(planned, |r| r.amount) });
                share_days.push((day, e.name.clone()));
                (basis, planned, adjustments)
            }
            None => {
                let Some(f) = e.amount.as_deref().and_then(|n| src.amount(n)) else { continue };
                let planned = cents(f.value);
                (Basis::Output { name: f.name, label: f.label, value: f.value }, planned, Vec::new())
            }
        };
        payments.push(Payment {
            name: e.name.clone(),
            label: e.provenance.label.clone(),
            kind: PaymentKind::Advance,
            date: e.date,
            basis,
            planned: Some(planned),
            adjustments,
            received,
            amount: received.map_or(planned, |r| r.amount),
            status: Some(e.provenance.status),
            reference: Some(e.provenance.reference.clone()),
        });
    }
    for m in &mut s.movements {
        m.applied_from = share_days.iter().find(|(d, _)| m.effective <= *d).map(|(_, n)| n.clone());
    }
    s.payments.extend(payments);
    s.diagnostics.extend(diagnostics);
}

fn share_base(basis: &Basis) -> Decimal {
    match basis {
        Basis::Share { base, .. } => *base,
        _ => Decimal::ZERO,
    }
}

/// A share advance on `day`: its share of the estimate re-based with the movements known that
/// day; the earlier ones (`done`) brought to their share of that estimate (the re-basing since
/// the `previous` advance, and what was received differently from planned); on the `last` one,
/// the cents rounding left over.
fn share_advance(
    share: Decimal,
    estimate: Decimal,
    done: &[ShareAdvance],
    movements: &[Movement],
    day: NaiveDate,
    previous: Option<NaiveDate>,
    last: bool,
) -> (Basis, Vec<Adjustment>) {
    let at = |a: &ShareAdvance, when: NaiveDate| cents(a.share * rebased(a.estimate, movements, when));
    let rebased_now = rebased(estimate, movements, day);
    let base = cents(share * rebased_now);
    let mut adjustments = Vec::new();
    if let Some(before) = previous {
        let rebase: Decimal = done.iter().map(|a| at(a, day) - at(a, before)).sum();
        let causes: Vec<usize> =
            movements.iter().enumerate().filter(|(_, m)| m.effective > before && m.effective <= day).map(|(i, _)| i).collect();
        if !rebase.is_zero() || !causes.is_empty() {
            adjustments.push(Adjustment { kind: AdjustmentKind::Rebase, amount: rebase, movements: causes });
        }
        let difference: Decimal = done.iter().map(|a| at(a, before) - a.paid).sum();
        if !difference.is_zero() {
            adjustments.push(Adjustment { kind: AdjustmentKind::ReceivedDifference, amount: difference, movements: Vec::new() });
        }
    }
    if last {
        let exact: Decimal = done.iter().map(|a| a.share * rebased(a.estimate, movements, day)).sum::<Decimal>() + share * rebased_now;
        let rounded: Decimal = done.iter().map(|a| at(a, day)).sum::<Decimal>() + base;
        let rounding = cents(exact) - rounded;
        if !rounding.is_zero() {
            adjustments.push(Adjustment { kind: AdjustmentKind::Rounding, amount: rounding, movements: Vec::new() });
        }
    }
    (Basis::Share { share, estimate, rebased: rebased_now, base }, adjustments)
}

/// Each complement: the step's value paid on the event's date, or what the case records as
/// paid; nothing when both are zero or absent.
fn complement_payments(src: &Sources<'_>, complements: &[&Event], s: &mut Schedule) {
    for e in complements {
        let Some(f) = e.amount.as_deref().and_then(|n| src.amount(n)) else { continue };
        let received =
            e.received.as_ref().and_then(|r| src.amount(r.input())).map(|r| ReceivedAmount { date: None, amount: money(r.value) });
        let planned = cents(f.value);
        if planned.is_zero() && received.is_none() {
            continue;
        }
        s.payments.push(Payment {
            name: e.name.clone(),
            label: e.provenance.label.clone(),
            kind: PaymentKind::Complement,
            date: e.date,
            basis: Basis::Output { name: f.name, label: f.label, value: f.value },
            planned: Some(planned),
            adjustments: Vec::new(),
            received,
            amount: received.map_or(planned, |r| r.amount),
            status: Some(e.provenance.status),
            reference: Some(e.provenance.reference.clone()),
        });
    }
}

fn balance(src: &Sources<'_>, e: &Event, s: &Schedule) -> Option<Balance> {
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
        label: e.provenance.label.clone(),
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
        label: e.provenance.label.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn quarter(start: NaiveDate, end: NaiveDate, due: NaiveDate) -> Deadline {
        Deadline { rule: "r".into(), label: "Dépôt".into(), period: Period { start, end }, due, working_day: 5, norms: vec!["a".into()] }
    }

    fn year_2025() -> Vec<Deadline> {
        vec![
            quarter(day(2025, 1, 1), day(2025, 3, 31), day(2025, 4, 7)),
            quarter(day(2025, 4, 1), day(2025, 6, 30), day(2025, 7, 7)),
            quarter(day(2025, 7, 1), day(2025, 9, 30), day(2025, 10, 7)),
            quarter(day(2025, 10, 1), day(2025, 12, 31), day(2026, 1, 8)),
        ]
    }

    fn codes(diags: &[Diagnostic]) -> Vec<String> {
        diags.iter().map(|d| format!("{} {}", d.code, d.message)).collect()
    }

    #[test]
    fn a_file_deposited_after_a_deadline_of_its_data_is_late() {
        let q = year_2025();
        let first = Period { start: day(2025, 1, 1), end: day(2025, 3, 31) };
        assert!(deposit_warnings(&q, "a", "f.csv", first, Some(day(2025, 4, 7))).is_empty(), "on the deadline is in time");
        let late = deposit_warnings(&q, "a", "f.csv", first, Some(day(2025, 4, 8)));
        assert_eq!(
            codes(&late),
            ["V440 deposited on 08/04/2025, after the deadline of 07/04/2025 for the data of 01/01/2025 – 31/03/2025"]
        );
        // A whole year deposited on the last deadline is late for the first three quarters.
        let year = Period { start: day(2025, 1, 1), end: day(2025, 12, 31) };
        assert_eq!(deposit_warnings(&q, "a", "f.csv", year, Some(day(2026, 1, 8))).len(), 3);
        // Without a deposit date, only coverage is checked; other norms are not concerned.
        assert!(deposit_warnings(&q, "a", "f.csv", year, None).is_empty());
        assert!(deposit_warnings(&q, "b", "f.csv", year, Some(day(2027, 1, 1))).is_empty());
        // No deadline at all (no rulebook for the year, or no deposit rule): nothing is covered.
        assert_eq!(codes(&deposit_warnings(&[], "a", "f.csv", first, None)).len(), 1);
    }

    #[test]
    fn days_outside_every_deposit_period_are_reported() {
        let q = year_2025();
        let spans = Period { start: day(2024, 12, 1), end: day(2026, 1, 31) };
        let w = deposit_warnings(&q, "a", "f.csv", spans, None);
        assert_eq!(
            codes(&w),
            [
                "V441 the file holds data of 01/12/2024 – 31/12/2024, which no deposit period of the calendar covers",
                "V441 the file holds data of 01/01/2026 – 31/01/2026, which no deposit period of the calendar covers",
            ]
        );
        let holes = [&q[0], &q[2]];
        assert_eq!(
            uncovered(Period { start: day(2025, 2, 1), end: day(2025, 8, 15) }, &holes),
            [Period { start: day(2025, 4, 1), end: day(2025, 6, 30) }]
        );
        assert!(uncovered(Period { start: day(2025, 2, 1), end: day(2025, 2, 1) }, &holes).is_empty());
    }

    #[test]
    fn share_advances_catch_up_rebasing_and_differences_and_leave_the_cents_last() {
        let m = Movement {
            rule: "r".into(),
            rule_label: "R".into(),
            member: "x".into(),
            group: "A".into(),
            kind: MovementKind::Exit,
            date: day(2025, 6, 30),
            effective: day(2025, 7, 1),
            weight: dec!(1),
            members: 2,
            days: -184,
            period_days: 365,
            coefficient: dec!(-184) / dec!(730),
            effect: Decimal::ZERO,
            applied_from: None,
        };
        let movements = [m];
        let e = dec!(1000.01);
        let a = |paid| ShareAdvance { share: dec!(0.25), estimate: e, paid };
        // Before the exit: a quarter, 250.0025 → 250.00.
        let (b, adj) = share_advance(dec!(0.25), e, &[], &movements, day(2025, 1, 31), None, false);
        assert_eq!(share_base(&b), dec!(250.00));
        assert!(adj.is_empty());
        // After it: 1000.01 − 252.06 (1000.01 × 184 / 730 = 252.0573) = 747.95; a quarter 186.9875
        // → 186.99; the two earlier quarters are brought down by 2 × (186.99 − 250.00), and the
        // second was received as 260.00: 10.00 more comes back.
        let done = [a(dec!(250.00)), a(dec!(260.00))];
        let (b, adj) = share_advance(dec!(0.25), e, &done, &movements, day(2025, 7, 20), Some(day(2025, 4, 20)), false);
        assert_eq!(b, Basis::Share { share: dec!(0.25), estimate: e, rebased: dec!(747.95), base: dec!(186.99) });
        assert_eq!(adj[0], Adjustment { kind: AdjustmentKind::Rebase, amount: dec!(-126.02), movements: vec![0] });
        assert_eq!(adj[1], Adjustment { kind: AdjustmentKind::ReceivedDifference, amount: dec!(-10.00), movements: Vec::new() });
        // The last: four quarters of 186.99 are 747.96, one cent more than the estimate.
        let done = [a(dec!(250.00)), a(dec!(260.00)), a(dec!(186.99) - dec!(126.02) - dec!(10.00))];
        let (b, adj) = share_advance(dec!(0.25), e, &done, &movements, day(2025, 10, 20), Some(day(2025, 7, 20)), true);
        assert_eq!(share_base(&b), dec!(186.99));
        assert_eq!(adj, [Adjustment { kind: AdjustmentKind::Rounding, amount: dec!(-0.01), movements: Vec::new() }]);
        let paid: Decimal = done.iter().map(|x| x.paid).sum::<Decimal>() + dec!(186.99) - dec!(0.01);
        assert_eq!(paid, dec!(747.95), "the advances add up to the re-based estimate");
    }
}
