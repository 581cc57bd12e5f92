//! The expressions of the calendar — an advance's share, a payment's amount, an event's
//! condition — checked at load against the rulebook's scalars (parameters, case inputs, steps);
//! the values they read once a case is evaluated are the schedule's (`schedule::scalars`).

use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::expr::{self, Expr, NameError, Resolver, Slot};
use crate::ids::{ExistsId, SetId};
use crate::rulebook::resolver::{expr_error_diagnostic, scalar_pools};
use crate::rulebook::{EventExprs, Scope};
use crate::rules::step::ExprSource;
use crate::value::Kind;

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
                    let message = msg!("rules-in-event", key = key, event = &e.name, reason = err.message());
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
