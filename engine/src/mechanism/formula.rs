//! `formula`: an inline Rhai expression over scalars (parameters, inputs, earlier steps), run
//! once per step. What it shares with `function` (the scalars a formula reads) is here too.

use crate::diagnostic::{Diagnostic, Location, suggest};
use crate::eval::StepResult;
use crate::eval::state::State;
use crate::expr::{Resolver, Slot};
use crate::formula;
use crate::ids::{FileId, ScalarId, StepId};
use crate::mechanism::{DerivedUnit, Rows, StepCx, StepMechanism, squash};
use crate::message::Message;
use crate::rulebook::resolver::{Binder, scalar_pools};
use crate::rulebook::{Rulebook, Scope};
use crate::rules::step::{ExprSource, StepDef, text_offset};
use crate::rules::strict::Obj;
use crate::value::Value;

/// A Rhai expression written in the step.
#[derive(Debug, Clone)]
pub struct Formula {
    pub(crate) text: String,
    /// Where the text starts in its file.
    pub(crate) offset: usize,
}

/// An inline Rhai expression over scalars.
#[derive(Debug, Clone)]
pub(crate) struct InlinePlan {
    pub(crate) ast: rhai::AST,
    pub(crate) names: Vec<String>,
    pub(crate) scalars: Vec<ScalarId>,
}

impl StepMechanism for Formula {
    type Plan = InlinePlan;
    type Entry = String;
    const DOC: &'static str = "An expression over parameters, inputs and earlier outputs."; // not prose

    fn read(obj: &Obj<'_, '_>, key: &'static str, _file: FileId) -> Option<Self> {
        let s = obj.str(key)?;
        let offset = text_offset(&obj.ctx().file.text, s.span());
        Some(Formula { text: s.into_inner(), offset })
    }

    fn unit(&self, _rb: &Scope) -> DerivedUnit {
        DerivedUnit::Declared
    }

    fn exprs_mut(&mut self) -> Vec<&mut ExprSource> {
        Vec::new()
    }

    fn describe(&self) -> Message {
        Message::text(squash(&self.text))
    }

    fn rows(&self) -> Rows<'_> {
        Rows::default()
    }

    fn labels(&self, _step: &str) -> Vec<(Message, &str)> {
        Vec::new()
    }

    fn bind(&self, b: &mut Binder<'_>, cx: &StepCx<'_>, diags: &mut Vec<Diagnostic>) -> Option<InlinePlan> {
        let d = cx.d;
        let (ast, names) = compile_inline(b, d, &self.text, self.offset, diags)?;
        let at = b.rb.files[d.file].location(self.offset..self.offset + 1);
        let scalars = resolve_names(b, d, &names, || at.clone(), diags)?;
        Some(InlinePlan { ast, names, scalars })
    }

    fn run(plan: &InlinePlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> StepResult {
        let InlinePlan { ast, names, scalars } = plan;
        let step = &rb.steps[i];
        let values: Vec<Value> = scalars.iter().map(|&s| st.scalars[s].clone()).collect();
        let d = formula::eval_inline(&rb.engine, ast, names, &values)?;
        let v = formula::from_dynamic(d, step.unit.kind())?;
        Ok((v, Vec::new()))
    }

    fn run_vector(_plan: &InlinePlan, _rb: &Rulebook, _st: &mut State<'_>, _i: StepId) -> Option<StepResult> {
        None
    }
}

/// Compiles an inline formula with every scalar in scope; the names it reads come from its tree.
fn compile_inline(b: &Binder<'_>, d: &StepDef, text: &str, offset: usize, diags: &mut Vec<Diagnostic>) -> Option<(rhai::AST, Vec<String>)> {
    let known: Vec<String> = b.rb.scalars.iter().map(|s| s.name.clone()).collect();
    let file = &b.rb.files[d.file];
    let ast = match formula::compile_inline(&b.rb.engine, text, &known, file, offset) {
        Ok(a) => a,
        Err(mut e) => {
            // The reason is Rhai's, without the compiler's own prefix.
            let reason = match &e.message {
                Message::Id { id: "data-formula-rhai", args } => match args.first() {
                    Some((_, crate::message::Arg::Text(t))) => Message::text(t),
                    Some((_, crate::message::Arg::Message(m))) => (**m).clone(),
                    _ => e.message.clone(),
                },
                other => other.clone(),
            };
            e.message = msg!("rules-in-formula", step = &d.name, reason = reason);
            if let Some(s) = e.undefined_name().and_then(|n| suggest(n, &scalar_pools(b.rb))) {
                e.hint = Some(s.message());
            }
            diags.push(e);
            return None;
        }
    };
    let functions = formula::known_functions(&b.rb.engine, &ast);
    let unknown = formula::unknown_calls(&ast, &functions);
    for (name, pos) in &unknown {
        let span = formula::position_span(text, *pos, offset, name.len());
        let mut e = formula::unknown_function(file, span, name, &[], &functions);
        e.message = msg!("rules-formula-unknown-function", step = &d.name, name = name);
        diags.push(e);
    }
    if !unknown.is_empty() {
        return None;
    }
    let names: Vec<String> = formula::identifiers(&ast).into_iter().filter(|n| known.contains(n)).collect();
    Some((ast, names))
}

/// The scalar each name of a formula reads, in order; a name that reads no scalar is an error at
/// `at` (the formula's text, or its function in the script).
pub(crate) fn resolve_names(
    b: &mut Binder<'_>,
    d: &StepDef,
    names: &[String],
    at: impl Fn() -> Location,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<ScalarId>> {
    let mut scalars = Vec::with_capacity(names.len());
    let mut ok = true;
    for n in names {
        match b.name(n, None) {
            Ok((Slot::Scalar(s), _)) => scalars.push(s),
            Ok(_) => unreachable!("a formula is bound outside any rows, so its names are scalars"),
            Err(m) => {
                diags.push(
                    Diagnostic::error(
                        crate::diagnostic::Code::UndefinedName,
                        msg!("rules-formula-reads", step = &d.name, name = n, reason = m.message()),
                    )
                    .at(at())
                    .hint(msg!("rules-function-parameters-hint"))
                    .undefined(n.as_str()),
                );
                ok = false;
            }
        }
    }
    ok.then_some(scalars)
}
