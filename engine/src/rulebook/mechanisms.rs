//! Compiling each step mechanism (filter, lookup, aggregate, derive, classify, checks, score) to
//! its plan.

use crate::diagnostic::{Code, Diagnostic, SourceFile, did_you_mean};
use crate::expr::Expr;
use crate::ids::{TableId, ViewId};
use crate::message::Message;
use crate::rulebook::formula_step::bind_formula;
use crate::rulebook::resolver::{Binder, check_expr};
use crate::rulebook::{
    AggregateOp, AggregatePlan, ClassifyPlan, DerivePlan, FilterPlan, LookupRowsPlan, LookupScalarPlan, Plan, ReadRef, ScorePlan,
};
use crate::rules::step::{AggOp, CheckDef, ClassDef, ExprSource, Mechanism, Spanned, StepDef};
use crate::rules::table::{KeyKind, Table};
use crate::value::Kind;

/// Compiles step `d`'s mechanism; reports every problem and returns `None` if there is one.
pub(crate) fn bind_step(b: &mut Binder<'_>, d: &StepDef, diags: &mut Vec<Diagnostic>) -> Option<Plan> {
    let cx = StepCx { d, file: &b.rb.files[d.file] };
    match &d.mechanism {
        Mechanism::Filter { dataset, condition } => {
            let view = bind_rows(b, &cx, dataset, diags)?;
            let cond = optional(b, &cx, condition.as_ref(), Some(Kind::Bool), msg!("rules-part", part = "condition"), diags)?;
            Some(Plan::Filter(FilterPlan { view, cond }))
        }
        Mechanism::Lookup { dataset, table, column, keys } => bind_lookup(b, &cx, dataset.as_ref(), table, column.as_ref(), keys, diags),
        Mechanism::Aggregate { dataset, op, condition, group_by, round_rows } => {
            let view = bind_rows(b, &cx, dataset, diags)?;
            let op = bind_aggregate_op(b, &cx, op, diags)?;
            let cond = optional(b, &cx, condition.as_ref(), Some(Kind::Bool), msg!("rules-part", part = "condition"), diags)?;
            let group = optional(b, &cx, group_by.as_ref(), None, msg!("rules-part", part = "grouping"), diags)?;
            Some(Plan::Aggregate(AggregatePlan { view, op, cond, group, round_rows: *round_rows }))
        }
        Mechanism::Derive { dataset, value, key } => {
            let view = bind_rows(b, &cx, dataset, diags)?;
            let want = b.rb.scalars.iter().find(|s| s.origin == ReadRef::Step(b.step)).map(|s| s.kind);
            let value = cx.check(b, value, want, msg!("rules-part", part = "value"), diags)?;
            let key = optional(b, &cx, key.as_ref(), None, msg!("rules-part", part = "key"), diags)?;
            Some(Plan::Derive(DerivePlan { view, value, key }))
        }
        Mechanism::Classify { dataset, list, code, date, classes } => bind_classify(b, &cx, dataset, list, code, date, classes, diags),
        Mechanism::Checks(checks) => bind_checks(b, &cx, checks, diags),
        Mechanism::Score { set } => bind_score(b, &cx, set, diags),
        Mechanism::Formula(src) => bind_formula(b, d, src, diags),
    }
}

/// What an aggregate computes: a sum of numbers; a smallest or largest number or date, of the
/// step's unit.
fn bind_aggregate_op(b: &mut Binder<'_>, cx: &StepCx<'_>, op: &AggOp, diags: &mut Vec<Diagnostic>) -> Option<AggregateOp> {
    let unit_kind = b.rb.scalars.iter().find(|s| s.origin == ReadRef::Step(b.step)).map(|s| s.kind);
    Some(match op {
        AggOp::Count => AggregateOp::Count,
        AggOp::Sum(e) => AggregateOp::Sum(cx.check(b, e, Some(Kind::Number), msg!("rules-part", part = "sum"), diags)?),
        AggOp::Min(e) | AggOp::Max(e) => {
            let want = unit_kind.filter(|k| matches!(k, Kind::Number | Kind::Date));
            if want.is_none() {
                diags.push(
                    Diagnostic::error(Code::TypeMismatch, msg!("rules-min-max-unit", step = &cx.d.name, op = op.key()))
                        .at(cx.d.location.clone()),
                );
                return None;
            }
            let checked = cx.check(b, e, want, msg!("rules-part", part = op.key()), diags)?;
            if matches!(op, AggOp::Min(_)) { AggregateOp::Min(checked) } else { AggregateOp::Max(checked) }
        }
    })
}

/// The step being compiled and its file, for messages and locations.
struct StepCx<'a> {
    d: &'a StepDef,
    file: &'a SourceFile,
}

impl StepCx<'_> {
    /// "`part` of step `name`", as messages name a part of the step.
    fn what(&self, part: Message) -> Message {
        msg!("rules-part-of-step", part = part, step = &self.d.name)
    }

    fn check(&self, b: &mut Binder<'_>, e: &ExprSource, want: Option<Kind>, part: Message, diags: &mut Vec<Diagnostic>) -> Option<Expr> {
        check_expr(b, e, want, &self.what(part), diags)
    }

    /// That `at` names something undefined (the name written there), with `message`.
    fn undefined(&self, message: Message, at: &Spanned) -> Diagnostic {
        Diagnostic::error(Code::UndefinedName, message).at(self.file.location(at.span.clone())).undefined(at.text.as_str())
    }
}

/// An optional expression: `Some(None)` when absent, `None` when present and wrong.
fn optional(
    b: &mut Binder<'_>,
    cx: &StepCx<'_>,
    e: Option<&ExprSource>,
    want: Option<Kind>,
    part: Message,
    diags: &mut Vec<Diagnostic>,
) -> Option<Option<Expr>> {
    match e {
        Some(e) => Some(Some(cx.check(b, e, want, part, diags)?)),
        None => Some(None),
    }
}

/// The view a step runs over, whose columns its expressions then read.
fn bind_rows(b: &mut Binder<'_>, cx: &StepCx<'_>, dataset: &Spanned, diags: &mut Vec<Diagnostic>) -> Option<ViewId> {
    match b.view(&dataset.text) {
        Ok(view) => {
            b.base = Some(b.rb.views[view].dataset);
            Some(view)
        }
        Err(e) => {
            diags.push(cx.undefined(e.message(), dataset));
            None
        }
    }
}

fn bind_lookup(
    b: &mut Binder<'_>,
    cx: &StepCx<'_>,
    dataset: Option<&Spanned>,
    table: &Spanned,
    column: Option<&Spanned>,
    keys: &[(String, ExprSource)],
    diags: &mut Vec<Diagnostic>,
) -> Option<Plan> {
    let Some(t) = b.rb.tables.position(|x| x.name == table.text) else {
        let mut diag = cx.undefined(msg!("rules-unknown-table", name = &table.text), table);
        if let Some(c) = did_you_mean(&table.text, b.rb.tables.iter().map(|t| t.name.as_str())) {
            diag = diag.hint(msg!("rules-did-you-mean", name = c));
        }
        diags.push(diag);
        return None;
    };
    b.reads.insert(ReadRef::Table(t));
    let col = value_column(&b.rb.tables[t], cx, column, diags)?;
    let view = match dataset {
        Some(ds) => Some(bind_rows(b, cx, ds, diags)?),
        None => None,
    };
    let checked = bind_keys(b, cx, t, keys, diags)?;
    Some(match view {
        Some(view) => Plan::LookupRows(LookupRowsPlan { view, table: t, column: col, keys: checked }),
        None => Plan::LookupScalar(LookupScalarPlan { table: t, column: col, keys: checked }),
    })
}

/// The value column a lookup reads: named, or the table's only one.
fn value_column(tbl: &Table, cx: &StepCx<'_>, column: Option<&Spanned>, diags: &mut Vec<Diagnostic>) -> Option<usize> {
    match column {
        Some(c) => {
            let found = tbl.column_index(&c.text);
            if found.is_none() {
                let mut d = cx.undefined(msg!("rules-table-no-column", table = &tbl.name, column = &c.text), c);
                d.related = None;
                if let Some(close) = did_you_mean(&c.text, tbl.columns.iter().map(|x| x.name.as_str())) {
                    d = d.hint(msg!("rules-did-you-mean", name = close));
                }
                diags.push(d);
            }
            found
        }
        None if tbl.columns.len() == 1 => Some(0),
        None => {
            diags.push(
                Diagnostic::error(Code::MissingKey, msg!("rules-table-several-columns", table = &tbl.name)).at(cx.d.location.clone()),
            );
            None
        }
    }
}

/// One checked expression per key of table `t`, in the table's key order.
fn bind_keys(
    b: &mut Binder<'_>,
    cx: &StepCx<'_>,
    t: TableId,
    keys: &[(String, ExprSource)],
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Expr>> {
    let tbl = &b.rb.tables[t];
    let mut checked = Vec::new();
    let mut ok = true;
    for key in &tbl.keys {
        let Some((_, src)) = keys.iter().find(|(k, _)| *k == key.name) else {
            diags.push(
                Diagnostic::error(Code::MissingKey, msg!("rules-step-no-key-value", step = &cx.d.name, key = &key.name, table = &tbl.name))
                    .at(cx.d.location.clone()),
            );
            ok = false;
            continue;
        };
        let want = match key.kind {
            KeyKind::Range { .. } => Kind::Number,
            KeyKind::Enum { .. } => Kind::Text,
            KeyKind::Bool => Kind::Bool,
        };
        match cx.check(b, src, Some(want), msg!("rules-what-key", name = &key.name), diags) {
            Some(e) => checked.push(e),
            None => ok = false,
        }
    }
    for (k, src) in keys {
        if !tbl.keys.iter().any(|x| x.name == *k) {
            diags.push(
                Diagnostic::error(Code::UnknownKey, msg!("rules-table-no-key", table = &tbl.name, key = k))
                    .at(cx.file.location(src.offset..src.offset + src.text.len())),
            );
            ok = false;
        }
    }
    ok.then_some(checked)
}

#[allow(clippy::too_many_arguments)]
fn bind_classify(
    b: &mut Binder<'_>,
    cx: &StepCx<'_>,
    dataset: &Spanned,
    list: &Spanned,
    code: &ExprSource,
    date: &ExprSource,
    classes: &[ClassDef],
    diags: &mut Vec<Diagnostic>,
) -> Option<Plan> {
    let view = bind_rows(b, cx, dataset, diags)?;
    let Some(l) = b.rb.lists.position(|x| x.name == list.text) else {
        let mut d = cx.undefined(msg!("rules-unknown-list", name = &list.text), list);
        if let Some(c) = did_you_mean(&list.text, b.rb.lists.iter().map(|l| l.name.as_str())) {
            d = d.hint(msg!("rules-did-you-mean", name = c));
        }
        diags.push(d);
        return None;
    };
    b.reads.insert(ReadRef::List(l));
    let code = cx.check(b, code, Some(Kind::Text), msg!("rules-part", part = "code"), diags);
    let date = cx.check(b, date, Some(Kind::Date), msg!("rules-part", part = "date"), diags);
    b.classify_self = Some((b.step, l));
    let mut out = Vec::new();
    let mut ok = true;
    for c in classes {
        match cx.check(b, &c.when, Some(Kind::Bool), msg!("rules-what-class", name = &c.name), diags) {
            Some(e) => out.push((c.name.clone(), b.rb.render_label(&c.label), e)),
            None => ok = false,
        }
    }
    if !ok {
        return None;
    }
    Some(Plan::Classify(ClassifyPlan { view, list: l, code: code?, date: date?, classes: out }))
}

fn bind_checks(b: &mut Binder<'_>, cx: &StepCx<'_>, checks: &[CheckDef], diags: &mut Vec<Diagnostic>) -> Option<Plan> {
    let mut out = Vec::new();
    let mut ok = true;
    for c in checks {
        match cx.check(b, &c.when, Some(Kind::Bool), msg!("rules-what-check", name = &c.name), diags) {
            Some(e) => out.push((c.name.clone(), b.rb.render_label(&c.label), e)),
            None => ok = false,
        }
    }
    ok.then_some(Plan::Checks(out))
}

fn bind_score(b: &mut Binder<'_>, cx: &StepCx<'_>, set: &Spanned, diags: &mut Vec<Diagnostic>) -> Option<Plan> {
    let Some(s) = b.rb.indicator_sets.position(|x| x.name == set.text) else {
        let mut d = cx.undefined(msg!("rules-unknown-indicator-set", name = &set.text), set);
        if let Some(c) = did_you_mean(&set.text, b.rb.indicator_sets.iter().map(|s| s.name.as_str())) {
            d = d.hint(msg!("rules-did-you-mean", name = c));
        }
        diags.push(d);
        return None;
    };
    b.reads.insert(ReadRef::Indicators(s));
    let mut inputs = Vec::new();
    let mut ok = true;
    for ind in &b.rb.indicator_sets[s].indicators {
        match b.rb.scalars.position(|x| x.name == ind.input) {
            Some(i) if b.rb.scalars[i].kind == Kind::Number => {
                b.reads.insert(b.rb.scalars[i].origin);
                if let ReadRef::Step(st) = b.rb.scalars[i].origin {
                    b.deps.insert(st);
                }
                inputs.push(i);
            }
            _ => {
                diags.push(
                    Diagnostic::error(Code::UndefinedName, msg!("rules-indicator-reads", indicator = &ind.name, name = &ind.input))
                        .at(ind.provenance.location.clone())
                        .undefined(ind.input.as_str()),
                );
                ok = false;
            }
        }
    }
    ok.then_some(Plan::Score(ScorePlan { set: s, inputs }))
}
