//! `function`: a function of one of the rulebook's Rhai scripts, written `file.rhai::function`;
//! its parameters name the scalars it reads. Outputs name it a formula.

use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic, Location, did_you_mean};
use crate::eval::StepResult;
use crate::eval::state::State;
use crate::formula;
use crate::ids::{FileId, ScalarId, ScriptId, StepId};
use crate::mechanism::formula::resolve_names;
use crate::mechanism::{DerivedUnit, Rows, StepCx, StepMechanism};
use crate::message::Message;
use crate::rulebook::resolver::Binder;
use crate::rulebook::{Rulebook, Scope};
use crate::rules::step::{ExprSource, StepDef};
use crate::rules::strict::Obj;

/// `file.rhai::function` as written.
#[derive(Debug, Clone)]
pub struct Function {
    pub(crate) script: String,
    pub(crate) function: String,
    pub(crate) span: Range<usize>,
}

/// A function of one of the rulebook's scripts, called with scalars.
#[derive(Debug, Clone)]
pub(crate) struct FunctionPlan {
    pub(crate) script: ScriptId,
    pub(crate) function: String,
    pub(crate) scalars: Vec<ScalarId>,
}

impl StepMechanism for Function {
    type Plan = FunctionPlan;
    type Entry = String;
    const DOC: &'static str = "A function of a script, written \"file.rhai::function\"; its parameters name what it reads."; // not prose
    const SHOWN_AS: Option<&'static str> = Some("formula");

    fn read(obj: &Obj<'_, '_>, key: &'static str, _file: FileId) -> Option<Self> {
        let s = obj.str(key)?;
        let Some((script, function)) = s.get_ref().split_once("::") else {
            obj.ctx().error_hint(
                Code::InvalidValue,
                s.span(),
                msg!("rules-not-a-function", text = s.get_ref()),
                msg!("rules-function-example"),
            );
            return None;
        };
        Some(Function { script: script.to_string(), function: function.to_string(), span: s.span() })
    }

    fn unit(&self, _rb: &Scope) -> DerivedUnit {
        DerivedUnit::Declared
    }

    fn exprs_mut(&mut self) -> Vec<&mut ExprSource> {
        Vec::new()
    }

    fn describe(&self) -> Message {
        Message::text(format!("{}::{}", self.script, self.function))
    }

    fn rows(&self) -> Rows<'_> {
        Rows::default()
    }

    fn labels(&self, _step: &str) -> Vec<(Message, &str)> {
        Vec::new()
    }

    fn bind(&self, b: &mut Binder<'_>, cx: &StepCx<'_>, diags: &mut Vec<Diagnostic>) -> Option<FunctionPlan> {
        let d = cx.d;
        let Function { script, function, span } = self;
        let si = find_script(b, d, script, span, diags)?;
        let Some(params) = formula::function_params(&b.rb.scripts[si], function) else {
            let names: Vec<&str> = b.rb.scripts[si].ast.iter_functions().map(|f| f.name).collect();
            let mut diag = Diagnostic::error(Code::UndefinedName, msg!("rules-script-no-function", script = script, function = function))
                .at(b.rb.files[d.file].location(span.clone()));
            if let Some(c) = did_you_mean(function, names.iter().copied()) {
                diag = diag.hint(msg!("rules-did-you-mean", name = c));
            }
            diags.push(diag);
            return None;
        };
        let at = location(b, d, script, function);
        let scalars = resolve_names(b, d, &params, || at.clone(), diags)?;
        Some(FunctionPlan { script: si, function: function.clone(), scalars })
    }

    fn run(plan: &FunctionPlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> StepResult {
        let FunctionPlan { script, function, scalars } = plan;
        let step = &rb.steps[i];
        let args = scalars.iter().map(|&s| formula::to_dynamic(&st.scalars[s])).collect();
        let d = formula::call_function(&rb.engine, &rb.scripts[*script], function, args)?;
        let v = formula::from_dynamic(d, step.unit.kind())?;
        Ok((v, Vec::new()))
    }

    fn run_vector(_plan: &FunctionPlan, _rb: &Rulebook, _st: &mut State<'_>, _i: StepId) -> Option<StepResult> {
        None
    }
}

/// The script a function step names, which `[files] scripts` must list.
fn find_script(b: &Binder<'_>, d: &StepDef, script: &str, span: &Range<usize>, diags: &mut Vec<Diagnostic>) -> Option<ScriptId> {
    let named = |path: &str| path.ends_with(&format!("/{script}")) || path == script;
    let found = b.rb.scripts.position(|s| named(&s.path));
    // A listed script that did not compile has its own diagnostic already.
    if found.is_none() && !b.rb.files.iter().any(|f| named(&f.path)) {
        diags.push(
            Diagnostic::error(Code::MissingFile, msg!("rules-script-not-listed", step = &d.name, script = script))
                .at(b.rb.files[d.file].location(span.clone())),
        );
    }
    found
}

/// Where to point at the function: its `fn name` in the script.
fn location(b: &Binder<'_>, d: &StepDef, script: &str, function: &str) -> Location {
    let file = b.rb.scripts.iter().find(|s| s.path.ends_with(script)).map_or(d.file, |s| s.file);
    let sf = &b.rb.files[file];
    sf.location(formula::function_span(&b.rb.engine, &sf.text, function))
}
