//! `checks`: named conditions over scalars, all of which must hold (the gate of a rulebook). A
//! condition that compares two values keeps both, so that a failed one shows what was missing
//! (`4 >= 5`).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::eval::state::{RowEnv, State};
use crate::eval::{Compared, Failure, Part, StepResult};
use crate::expr::{self, BinOp, Expr};
use crate::ids::{FileId, StepId};
use crate::mechanism::{DerivedUnit, Rows, StepCx, StepMechanism, squash};
use crate::message::Message;
use crate::rulebook::resolver::Binder;
use crate::rulebook::{Rulebook, Scope};
use crate::rules::step::{ExprSource, read_expr};
use crate::rules::strict::Obj;
use crate::value::{Kind, Unit, Value};

/// The checks of a step, as written.
#[derive(Debug, Clone)]
pub struct Checks(pub(crate) Vec<CheckDef>);

/// A check as written.
#[derive(Debug, Clone)]
pub struct CheckDef {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) when: ExprSource,
}

/// The checks bound, in order.
#[derive(Debug, Clone)]
pub(crate) struct ChecksPlan {
    pub(crate) checks: Vec<Check>,
}

/// A check bound: its name, its label as people read it, its condition.
#[derive(Debug, Clone)]
pub(crate) struct Check {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) when: Expr,
}

/// A check of a `checks` step.
// The schema types are read by serde and schemars only.
#[allow(dead_code, reason = "fields for the schema")] // not prose
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "CheckDef")]
pub(crate) struct CheckEntry {
    /// The name of the check.
    pub(crate) name: String,
    /// What the check requires. `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// The condition that must hold.
    pub(crate) when: String,
}

impl StepMechanism for Checks {
    type Plan = ChecksPlan;
    type Entry = Vec<CheckEntry>;
    const DOC: &'static str = "Named conditions, all of which must hold (e.g. an eligibility gate)."; // not prose

    fn read(obj: &Obj<'_, '_>, key: &'static str, file: FileId) -> Option<Self> {
        let ctx = obj.ctx();
        let mut checks = Vec::new();
        for item in obj.array(key)? {
            let Some(c) = Obj::of(ctx, item, &msg!("rules-what-a-check")) else { continue };
            let name = c.str("name");
            let label = c.str("label");
            let when = c.req("when", |cx, i, w| read_expr(cx, i, w, file));
            c.finish();
            if let (Some(name), Some(label), Some(when)) = (name, label, when) {
                checks.push(CheckDef { name: name.into_inner(), label: label.into_inner(), when });
            }
        }
        Some(Checks(checks))
    }

    fn unit(&self, _rb: &Scope) -> DerivedUnit {
        DerivedUnit::Is(Unit::Bool)
    }

    fn exprs_mut(&mut self) -> Vec<&mut ExprSource> {
        self.0.iter_mut().map(|c| &mut c.when).collect()
    }

    fn describe(&self) -> Message {
        Message::text(self.0.iter().map(|c| format!("{}: {}", c.name, squash(&c.when.text))).collect::<Vec<_>>().join("; "))
    }

    fn rows(&self) -> Rows<'_> {
        Rows::default()
    }

    fn labels(&self, step: &str) -> Vec<(Message, &str)> {
        self.0.iter().map(|c| (msg!("rules-what-check-of-step", check = &c.name, step = step), c.label.as_str())).collect()
    }

    fn bind(&self, b: &mut Binder<'_>, cx: &StepCx<'_>, diags: &mut Vec<Diagnostic>) -> Option<ChecksPlan> {
        let mut checks = Vec::new();
        let mut ok = true;
        for c in &self.0 {
            match cx.check(b, &c.when, Some(Kind::Bool), msg!("rules-what-check", name = &c.name), diags) {
                Some(e) => checks.push(Check { name: c.name.clone(), label: b.rb.render_label(&c.label), when: e }),
                None => ok = false,
            }
        }
        ok.then_some(ChecksPlan { checks })
    }

    fn run(plan: &ChecksPlan, rb: &Rulebook, st: &mut State<'_>, _i: StepId) -> StepResult {
        let env = RowEnv { rb, st, ds: None, row: 0, inner: None };
        let mut all = true;
        let mut parts = Vec::new();
        for Check { name, label, when } in &plan.checks {
            let ok = expr::eval_bool(when, &env)?;
            all &= ok;
            let compared = compared(when, &env)?;
            parts.push(Part {
                key: name.clone(),
                label: Some(label.clone().into()),
                count: None,
                value: Some(Value::Bool(ok)),
                detail: None,
                compared,
            });
        }
        Ok((Value::Bool(all), parts))
    }

    fn run_vector(_plan: &ChecksPlan, _rb: &Rulebook, _st: &mut State<'_>, _i: StepId) -> Option<StepResult> {
        None
    }
}

/// Both sides of `when` when it is a comparison.
fn compared(when: &Expr, env: &RowEnv<'_, '_>) -> Result<Option<Compared>, Failure> {
    let Expr::Bin(op @ (BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne), a, b) = when else { return Ok(None) };
    Ok(Some(Compared { value: expr::eval(a, env)?, op: op.symbol().to_string(), threshold: expr::eval(b, env)? }))
}
