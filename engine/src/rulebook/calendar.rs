//! Binding the calendar: every name an event uses (steps, case inputs, dataset columns) must exist
//! with the right unit, advance shares add up to at most 1, there is at most one balance, event
//! names are unique and every deposit rule has its deadlines. Part of loading a rulebook, so that
//! `rules check` reports them; the schedule itself is computed later, from an evaluation.

use chrono::Weekday;
use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic, Location, did_you_mean};
use crate::mechanism::{Mechanism, Plan};
use crate::message::Message;
use crate::rulebook::{BTreeSet, Rulebook, Scope};
use crate::rules::calendar::deadlines::deposit_deadlines_of;
use crate::rules::calendar::{Event, EventKind, RebaseRule, Received};
use crate::rules::inputs::InputKind;
use crate::value::{Kind, Unit, Value};

mod exprs;

pub(crate) use exprs::bind_exprs;

// ---------------------------------------------------------------------------------------------
// Binding: what the calendar names must exist, with the right unit.

/// Checks that every name the calendar uses (inputs, steps, dataset columns) exists with the
/// right unit, that advance shares add up to at most 1, that there is at most one balance, and
/// that every deposit deadline exists. Needs the whole rulebook, so it runs after loading.
pub(crate) fn check(rb: &Rulebook) -> Vec<Diagnostic> {
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
            // An advance that holds only under a condition may be one of several rhythms: its
            // share is checked with the case's values, when the schedule is made.
            EventKind::Advance if e.when.is_none() => shares = shares.saturating_add(e.share.unwrap_or_default()),
            EventKind::Balance => balances += 1,
            _ => {}
        }
    }
    let rebases = rb.calendar.iter().any(|e| e.rebase.is_some());
    for e in rb.calendar.iter().filter(|e| rebases && e.kind == EventKind::Advance && e.share.is_none() && e.share_expr.is_none()) {
        diags.push(
            Diagnostic::warning(Code::InvalidValue, msg!("rules-advance-amount-not-rebased", name = &e.name))
                .at(e.location_of("amount"))
                .hint(msg!("rules-advance-amount-not-rebased-hint")),
        );
    }
    if shares > Decimal::ONE {
        let first = rb.calendar.iter().find(|e| e.share.is_some());
        diags.push(
            Diagnostic::error(Code::InvalidValue, msg!("rules-advance-shares-over-one", total = shares))
                .at(first.map(|e| e.provenance.location.clone()).unwrap_or(Location::File { file: rb.root.clone() }))
                .hint(msg!("rules-advance-shares-hint")),
        );
    }
    if balances > 1 {
        let second = rb.calendar.iter().filter(|e| e.kind == EventKind::Balance).nth(1);
        diags.push(
            Diagnostic::error(Code::DuplicateName, msg!("rules-several-balances"))
                .at(second.map(|e| e.provenance.location.clone()).unwrap_or(Location::File { file: rb.root.clone() }))
                .hint(msg!("rules-several-balances-hint")),
        );
    }
    diags.sort_by_key(|d| match &d.location {
        Some(Location::Source { file, line, col, .. }) => (file.clone(), *line, *col),
        _ => (String::new(), 0, 0),
    });
    diags
}

pub(crate) fn check_step(rb: &Rulebook, e: &Event, key: &'static str, name: &str, diags: &mut Vec<Diagnostic>) {
    match rb.steps.iter().find(|s| s.def.name == name) {
        None => {
            let mut d = Diagnostic::error(Code::UndefinedName, msg!("rules-event-no-step", key = key, event = &e.name, name = name))
                .at(e.location_of(key));
            if let Some(c) = did_you_mean(name, rb.steps.iter().map(|s| s.def.name.as_str())) {
                d = d.hint(msg!("rules-did-you-mean", name = c));
            }
            diags.push(d);
        }
        Some(s) if s.unit != Unit::Eur => diags.push(
            Diagnostic::error(
                Code::TypeMismatch,
                msg!("rules-event-step-not-eur", key = key, event = &e.name, name = name, unit = s.unit.to_string()),
            )
            .at(e.location_of(key)),
        ),
        Some(_) => {}
    }
}

pub(crate) fn undefined_input(rb: &Rulebook, e: &Event, key: &'static str, qualified: &str) -> Diagnostic {
    let names: Vec<String> = rb.schema.inputs.iter().map(|i| format!("{}.{}", i.section, i.name)).collect();
    let mut d = Diagnostic::error(Code::UndefinedName, msg!("rules-event-no-input", key = key, event = &e.name, name = qualified))
        .at(e.location_of(key));
    d = match did_you_mean(qualified, names.iter().map(String::as_str)) {
        Some(c) => d.hint(msg!("rules-did-you-mean", name = c)),
        None => d.hint(msg!("rules-case-inputs-written")),
    };
    d
}

pub(crate) fn check_input_value(rb: &Rulebook, e: &Event, key: &'static str, qualified: &str, diags: &mut Vec<Diagnostic>) {
    let Some(i) = rb.schema.find(qualified) else {
        diags.push(undefined_input(rb, e, key, qualified));
        return;
    };
    if !matches!(rb.schema.inputs[i].kind, InputKind::Value { unit: Unit::Eur }) {
        diags.push(
            Diagnostic::error(Code::TypeMismatch, msg!("rules-event-input-not-eur", key = key, event = &e.name, name = qualified))
                .at(e.location_of(key)),
        );
    }
}

pub(crate) fn check_records(rb: &Rulebook, e: &Event, input: &str, date: &str, amount: &str, diags: &mut Vec<Diagnostic>) {
    let Some(i) = rb.schema.find(input) else {
        diags.push(undefined_input(rb, e, "received", input));
        return;
    };
    let InputKind::Records { fields } = &rb.schema.inputs[i].kind else {
        diags.push(
            Diagnostic::error(Code::TypeMismatch, msg!("rules-event-input-not-records", event = &e.name, name = input))
                .at(e.location_of("received")),
        );
        return;
    };
    for (field, unit) in [(date, Unit::Date), (amount, Unit::Eur)] {
        if !fields.iter().any(|(f, u)| f == field && *u == unit) {
            diags.push(
                Diagnostic::error(
                    Code::UndefinedName,
                    msg!("rules-records-no-field", input = input, field = field, unit = unit.to_string()),
                )
                .at(e.location_of("received"))
                .hint(msg!("rules-its-fields", fields = fields.iter().map(|(f, u)| format!("{f} ({u})")).collect::<Vec<_>>().join(", "))),
            );
        }
    }
}

pub(crate) fn check_rebase(rb: &Rulebook, e: &Event, r: &RebaseRule, diags: &mut Vec<Diagnostic>) {
    let Some(ds) = rb.datasets.iter().find(|d| d.name == r.dataset) else {
        let mut d = Diagnostic::error(Code::UndefinedName, msg!("rules-event-no-dataset", event = &e.name, name = &r.dataset))
            .at(e.location_of("dataset"));
        if let Some(c) = did_you_mean(&r.dataset, rb.datasets.iter().map(|d| d.name.as_str())) {
            d = d.hint(msg!("rules-did-you-mean", name = c));
        }
        diags.push(d);
        return;
    };
    let mut wanted: Vec<(&'static str, &str, Option<Kind>)> = vec![
        ("id", &r.id, None),
        ("group", &r.group, Some(Kind::Text)),
        ("entry", &r.entry, Some(Kind::Date)),
        ("exit", &r.exit, Some(Kind::Date)),
    ];
    if let Some(m) = &r.measure {
        // A measure is a number column of the dataset, or a value computed per member.
        if ds.columns.iter().any(|(c, _)| c == m) {
            wanted.push(("measure", m, Some(Kind::Number)));
        } else {
            check_keyed_measure(rb, e, &ds.name, m, diags);
        }
    }
    for (key, column, kind) in wanted {
        match ds.columns.iter().find(|(c, _)| c == column) {
            None => {
                let mut d = Diagnostic::error(
                    Code::UndefinedName,
                    msg!("rules-event-no-column", key = key, event = &e.name, column = column, dataset = &ds.name),
                )
                .at(e.location_of(key));
                if let Some(c) = did_you_mean(column, ds.columns.iter().map(|(c, _)| c.as_str())) {
                    d = d.hint(msg!("rules-did-you-mean", name = c));
                }
                diags.push(d);
            }
            Some((_, k)) if kind.is_some_and(|want| want != *k) => diags.push(
                Diagnostic::error(
                    Code::TypeMismatch,
                    Message::id("rules-event-column-kind")
                        .with("key", key)
                        .with("event", &e.name)
                        .with("column", column)
                        .with("kind", k.name())
                        .with("needed", kind.map_or("", Kind::name)),
                )
                .at(e.location_of(key)),
            ),
            Some(_) => {}
        }
    }
}

/// A re-basing measure that names no column of the dataset must be a number computed per member:
/// a `derive` step with a `key` (its value under each member's id) over the rule's dataset or a
/// view of it. Else R132 (neither a column nor a keyed value) or R133 (keyed over another dataset).
fn check_keyed_measure(rb: &Rulebook, e: &Event, dataset: &str, name: &str, diags: &mut Vec<Diagnostic>) {
    let at = e.location_of("measure");
    let step = rb.steps.iter().find(|s| s.def.name == name);
    let keyed = step.and_then(|s| {
        if let (Mechanism::Derive(d), Plan::Derive(p)) = (&s.def.mechanism, &s.plan)
            && d.key.is_some()
            && !matches!(s.unit, Unit::Date | Unit::Bool | Unit::Text)
        {
            return Some(&rb.datasets[rb.views[p.view].dataset].name);
        }
        None
    });
    match keyed {
        Some(of) if of == dataset => {}
        Some(of) => diags.push(
            Diagnostic::error(
                Code::RebaseMeasureDataset,
                msg!("rules-rebase-measure-dataset", event = &e.name, name = name, of = of, dataset = dataset),
            )
            .at(at)
            .hint(msg!("rules-rebase-measure-hint", dataset = dataset)),
        ),
        None => {
            let mut d = Diagnostic::error(
                Code::RebaseMeasure,
                msg!("rules-rebase-measure", event = &e.name, name = name, dataset = dataset, step = step.is_some().to_string()),
            )
            .at(at)
            .hint(msg!("rules-rebase-measure-hint", dataset = dataset));
            if step.is_none()
                && let Some(c) = did_you_mean(
                    name,
                    rb.datasets.iter().filter(|d| d.name == dataset).flat_map(|d| d.columns.iter().map(|(c, _)| c.as_str())),
                )
            {
                d = d.hint(msg!("rules-did-you-mean", name = c));
            }
            diags.push(d);
        }
    }
}

/// Sets each deposit rule's Saturday as the parameter its `saturday` names says: a working day
/// when the parameter is true, else a day off like those of `weekend`. The parameter must exist
/// and be true or false, and `weekend` must not also list Saturday.
pub(crate) fn bind_working_days(rb: &mut Scope, diags: &mut Vec<Diagnostic>) {
    let reference_date = rb.reference_date;
    let booleans: Vec<String> = rb.parameters.iter().filter(|p| p.unit == Unit::Bool).map(|p| p.name.clone()).collect();
    for e in &mut rb.calendar {
        let Some(rule) = &mut e.deposit else { continue };
        let Some(name) = &rule.saturday else { continue };
        let at = e.spans.iter().find(|(k, _)| *k == "saturday").map_or_else(|| e.provenance.location.clone(), |(_, l)| l.clone());
        let Some(p) = rb.parameters.iter().find(|p| &p.name == name) else {
            let hint = match did_you_mean(name, booleans.iter().map(String::as_str)) {
                Some(c) => msg!("rules-did-you-mean-parameter", name = c),
                None => msg!("rules-saturday-hint"),
            };
            diags.push(
                Diagnostic::error(Code::UndefinedName, msg!("rules-saturday-no-parameter", event = &e.name, name = name))
                    .at(at)
                    .hint(hint)
                    .undefined(name.as_str()),
            );
            continue;
        };
        let Value::Bool(working) = p.value_at(reference_date) else {
            diags.push(
                Diagnostic::error(
                    Code::TypeMismatch,
                    msg!("rules-saturday-not-bool", event = &e.name, name = name, unit = p.unit.to_string()),
                )
                .at(at),
            );
            continue;
        };
        let listed = rule.working_days.weekend.contains(&Weekday::Sat);
        match (*working, listed) {
            (true, true) => diags.push(
                Diagnostic::error(Code::InvalidValue, msg!("rules-weekend-saturday", event = &e.name, name = name))
                    .at(at)
                    .hint(msg!("rules-weekend-saturday-hint")),
            ),
            (false, false) => rule.working_days.weekend.push(Weekday::Sat),
            _ => {}
        }
    }
}

/// Event names are unique.
pub(crate) fn check_calendar_dates(rb: &Scope, diags: &mut Vec<Diagnostic>) {
    let mut names = BTreeSet::new();
    for e in &rb.calendar {
        if !names.insert(e.name.as_str()) {
            diags.push(Diagnostic::error(Code::DuplicateName, msg!("rules-event-twice", name = &e.name)).at(e.provenance.location.clone()));
        }
    }
}
