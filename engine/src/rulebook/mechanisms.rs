//! Compiling each step mechanism (filter, lookup, aggregate, classify, checks, score) to its plan.

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::rulebook::formula_step::bind_formula;
use crate::rulebook::resolver::{Binder, check_expr};
use crate::rulebook::{AggregatePlan, ClassifyPlan, FilterPlan, LookupRowsPlan, LookupScalarPlan, Plan, ReadRef, ScorePlan};
use crate::rules::step::{AggOp, Mechanism, StepDef};
use crate::rules::table::KeyKind;
use crate::value::Kind;

pub(crate) fn bind_step(b: &mut Binder<'_>, d: &StepDef, diags: &mut Vec<Diagnostic>) -> Option<Plan> {
    let what = |part: &str| format!("{part} of step `{}`", d.name);
    let file = &b.rb.files[d.file];
    let locate = |span: std::ops::Range<usize>| file.location(span);
    match &d.mechanism {
        Mechanism::Filter { dataset, condition } => {
            let view = b
                .view(&dataset.text)
                .map_err(|m| diags.push(Diagnostic::error(Code::UndefinedName, m).at(locate(dataset.span.clone()))))
                .ok()?;
            b.base = Some(b.rb.views[view].dataset);
            let cond = match condition {
                Some(c) => Some(check_expr(b, c, Some(Kind::Bool), &what("the condition"), diags)?),
                None => None,
            };
            Some(Plan::Filter(FilterPlan { view, cond }))
        }
        Mechanism::Lookup { dataset, table, column, keys } => {
            let Some(t) = b.rb.tables.iter().position(|x| x.name == table.text) else {
                let hint = did_you_mean(&table.text, b.rb.tables.iter().map(|t| t.name.as_str())).map(|c| format!("did you mean `{c}`?"));
                let mut diag =
                    Diagnostic::error(Code::UndefinedName, format!("unknown table `{}`", table.text)).at(locate(table.span.clone()));
                if let Some(h) = hint {
                    diag = diag.hint(h);
                }
                diags.push(diag);
                return None;
            };
            b.reads.insert(ReadRef::Table(t));
            let tbl = &b.rb.tables[t];
            let col = match column {
                Some(c) => match tbl.column_index(&c.text) {
                    Some(i) => i,
                    None => {
                        diags.push(
                            Diagnostic::error(Code::UndefinedName, format!("table `{}` has no column `{}`", tbl.name, c.text))
                                .at(locate(c.span.clone())),
                        );
                        return None;
                    }
                },
                None if tbl.columns.len() == 1 => 0,
                None => {
                    diags.push(
                        Diagnostic::error(Code::MissingKey, format!("table `{}` has several columns: say which with `column`", tbl.name))
                            .at(d.location.clone()),
                    );
                    return None;
                }
            };
            let view = match dataset {
                Some(ds) => {
                    let v = b
                        .view(&ds.text)
                        .map_err(|m| diags.push(Diagnostic::error(Code::UndefinedName, m).at(locate(ds.span.clone()))))
                        .ok()?;
                    b.base = Some(b.rb.views[v].dataset);
                    Some(v)
                }
                None => None,
            };
            let mut checked = Vec::new();
            let mut ok = true;
            for key in &tbl.keys {
                let Some((_, src)) = keys.iter().find(|(k, _)| *k == key.name) else {
                    diags.push(
                        Diagnostic::error(
                            Code::MissingKey,
                            format!("step `{}` gives no value for key `{}` of table `{}`", d.name, key.name, tbl.name),
                        )
                        .at(d.location.clone()),
                    );
                    ok = false;
                    continue;
                };
                let want = match key.kind {
                    KeyKind::Range { .. } => Kind::Number,
                    KeyKind::Enum { .. } => Kind::Text,
                    KeyKind::Bool => Kind::Bool,
                };
                match check_expr(b, src, Some(want), &what(&format!("key `{}`", key.name)), diags) {
                    Some(e) => checked.push(e),
                    None => ok = false,
                }
            }
            for (k, src) in keys {
                if !tbl.keys.iter().any(|x| x.name == *k) {
                    diags.push(
                        Diagnostic::error(Code::UnknownKey, format!("table `{}` has no key `{k}`", tbl.name))
                            .at(file.location(src.offset..src.offset + src.text.len())),
                    );
                    ok = false;
                }
            }
            if !ok {
                return None;
            }
            Some(match view {
                Some(view) => Plan::LookupRows(LookupRowsPlan { view, table: t, column: col, keys: checked }),
                None => Plan::LookupScalar(LookupScalarPlan { table: t, column: col, keys: checked }),
            })
        }
        Mechanism::Aggregate { dataset, op, condition, group_by } => {
            let view = b
                .view(&dataset.text)
                .map_err(|m| diags.push(Diagnostic::error(Code::UndefinedName, m).at(locate(dataset.span.clone()))))
                .ok()?;
            b.base = Some(b.rb.views[view].dataset);
            let sum = match op {
                AggOp::Sum(e) => Some(check_expr(b, e, Some(Kind::Number), &what("the sum"), diags)?),
                AggOp::Count => None,
            };
            let cond = match condition {
                Some(c) => Some(check_expr(b, c, Some(Kind::Bool), &what("the condition"), diags)?),
                None => None,
            };
            let group = match group_by {
                Some(g) => Some(check_expr(b, g, None, &what("the grouping"), diags)?),
                None => None,
            };
            Some(Plan::Aggregate(AggregatePlan { view, sum, cond, group }))
        }
        Mechanism::Classify { dataset, list, code, date, classes } => {
            let view = b
                .view(&dataset.text)
                .map_err(|m| diags.push(Diagnostic::error(Code::UndefinedName, m).at(locate(dataset.span.clone()))))
                .ok()?;
            b.base = Some(b.rb.views[view].dataset);
            let Some(l) = b.rb.lists.iter().position(|x| x.name == list.text) else {
                diags.push(Diagnostic::error(Code::UndefinedName, format!("unknown list `{}`", list.text)).at(locate(list.span.clone())));
                return None;
            };
            b.reads.insert(ReadRef::List(l));
            let code = check_expr(b, code, Some(Kind::Text), &what("the code"), diags);
            let date = check_expr(b, date, Some(Kind::Date), &what("the date"), diags);
            let mut out = Vec::new();
            let mut ok = true;
            b.classify_self = Some((b.step, l));
            for c in classes {
                match check_expr(b, &c.when, Some(Kind::Bool), &what(&format!("class `{}`", c.name)), diags) {
                    Some(e) => out.push((c.name.clone(), c.label.clone(), e)),
                    None => ok = false,
                }
            }
            if !ok {
                return None;
            }
            Some(Plan::Classify(ClassifyPlan { view, list: l, code: code?, date: date?, classes: out }))
        }
        Mechanism::Checks(checks) => {
            let mut out = Vec::new();
            let mut ok = true;
            for c in checks {
                match check_expr(b, &c.when, Some(Kind::Bool), &what(&format!("check `{}`", c.name)), diags) {
                    Some(e) => out.push((c.name.clone(), c.label.clone(), e)),
                    None => ok = false,
                }
            }
            ok.then_some(Plan::Checks(out))
        }
        Mechanism::Score { set } => {
            let Some(s) = b.rb.indicator_sets.iter().position(|x| x.name == set.text) else {
                diags.push(
                    Diagnostic::error(Code::UndefinedName, format!("unknown indicator set `{}`", set.text)).at(locate(set.span.clone())),
                );
                return None;
            };
            b.reads.insert(ReadRef::Indicators(s));
            let mut inputs = Vec::new();
            let mut ok = true;
            for ind in &b.rb.indicator_sets[s].indicators {
                match b.rb.scalars.iter().position(|x| x.name == ind.input) {
                    Some(i) if b.rb.scalars[i].kind == Kind::Number => {
                        b.reads.insert(b.rb.scalars[i].origin);
                        if let ReadRef::Step(st) = b.rb.scalars[i].origin {
                            b.deps.insert(st);
                        }
                        inputs.push(i);
                    }
                    _ => {
                        diags.push(
                            Diagnostic::error(
                                Code::UndefinedName,
                                format!("indicator `{}` reads `{}`, which is no numeric input, parameter or step", ind.name, ind.input),
                            )
                            .at(ind.provenance.location.clone()),
                        );
                        ok = false;
                    }
                }
            }
            ok.then_some(Plan::Score(ScorePlan { set: s, inputs }))
        }
        Mechanism::Formula(src) => bind_formula(b, d, src, diags),
    }
}
