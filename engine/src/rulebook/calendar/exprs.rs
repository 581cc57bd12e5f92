//! The expressions of the calendar — an advance's share, a payment's amount, an event's
//! condition — checked at load against the rulebook's scalars (parameters, case inputs, steps),
//! and the values they read once a case is evaluated.

use typed_index_collections::TiVec;

use crate::data::case::Case;
use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::eval::Evaluation;
use crate::expr::{self, Env, Expr, NameError, Resolver, Slot};
use crate::ids::{ExistsId, ScalarId, SetId};
use crate::rulebook::resolver::{expr_error_diagnostic, scalar_pools};
use crate::rulebook::{EventExprs, ReadRef, Rulebook, Scope, scalar_seed};
use crate::rules::step::ExprSource;
use crate::value::{Kind, Value};

/// Resolves the names of a calendar expression: scalars only, no rows.
struct Scalars<'a> {
    rb: &'a Scope,
}

impl Resolver for Scalars<'_> {
    fn name(&mut self, name: &str, member: Option<&str>) -> Result<(Slot, Kind), NameError> {
        if let Some(m) = member {
            return Err(NameError::MemberOfScalar { name: name.to_string(), member: m.to_string() });
        }
        let Some(i) = self.rb.scalars.position(|s| s.name == name) else {
            return Err(NameError::Unknown { name: name.to_string(), suggestion: suggest(name, &scalar_pools(self.rb)) });
        };
        Ok((Slot::Scalar(i), self.rb.scalars[i].kind))
    }

    fn set(&mut self, view: &str, _: &str) -> Result<(SetId, Kind), NameError> {
        Err(NameError::RowsInCalendar(view.to_string()))
    }

    fn enter(&mut self, view: &str) -> Result<ExistsId, NameError> {
        Err(NameError::RowsInCalendar(view.to_string()))
    }

    fn leave(&mut self) {}
}

/// Checks every expression of the calendar: the checked expressions, event by event.
pub(crate) fn bind_exprs(rb: &Scope, diags: &mut Vec<Diagnostic>) -> Vec<EventExprs> {
    let mut all = Vec::with_capacity(rb.calendar.len());
    for e in &rb.calendar {
        let mut check = |src: &Option<ExprSource>, want: Kind, key: &str| -> Option<Expr> {
            let src = src.as_ref()?;
            let file = &rb.files[src.file];
            let mut r = Scalars { rb };
            match expr::check(&src.ast, &mut r) {
                Ok((checked, kind)) if kind == want || kind == Kind::Null => Some(checked),
                Ok((_, kind)) => {
                    diags.push(
                        Diagnostic::error(
                            Code::TypeMismatch,
                            msg!("rules-event-expr-kind", key = key, event = &e.name, needed = want.name(), kind = kind.name()),
                        )
                        .at(file.location(src.file_span(src.ast.span()))),
                    );
                    None
                }
                Err(err) => {
                    let message = msg!("rules-in-event", key = key, event = &e.name, reason = err.to_string());
                    let at = file.location(src.file_span(err.span.clone()));
                    diags.push(expr_error_diagnostic(err, message, at));
                    None
                }
            }
        };
        all.push(EventExprs {
            share: check(&e.share_expr, Kind::Number, "share"),
            amount: check(&e.amount_expr, Kind::Number, "amount"),
            when: check(&e.when, Kind::Bool, "when"),
        });
    }
    all
}

/// The value of every scalar once a case is evaluated: parameters, the case's inputs, the
/// steps' outputs. A step the evaluation did not reach (after a failed gate) reads as zero, so
/// that an ineligible case's schedule is one of zeros.
pub(crate) struct ScalarValues(TiVec<ScalarId, Value>);

impl ScalarValues {
    pub(crate) fn new(rb: &Rulebook, case: &Case, eval: &Evaluation) -> ScalarValues {
        ScalarValues(
            rb.scalars
                .iter()
                .map(|s| match s.origin {
                    ReadRef::Input(i) => case.values.get(i).cloned().unwrap_or(Value::Null),
                    ReadRef::Step(_) => match eval.output(&s.name) {
                        Some(o) => o.value.clone(),
                        None if s.kind == Kind::Number => Value::Number(rust_decimal::Decimal::ZERO),
                        None => Value::Null,
                    },
                    _ => scalar_seed(rb, s),
                })
                .collect(),
        )
    }
}

impl Env for ScalarValues {
    fn get(&self, slot: Slot) -> Value {
        match slot {
            Slot::Scalar(i) => self.0[i].clone(),
            _ => Value::Null,
        }
    }

    fn get_ref(&self, slot: Slot) -> Option<&Value> {
        match slot {
            Slot::Scalar(i) => Some(&self.0[i]),
            _ => None,
        }
    }

    fn contains(&self, _: SetId, _: &Value) -> bool {
        false
    }

    fn exists(&self, _: ExistsId, _: &Expr) -> bool {
        false
    }
}
