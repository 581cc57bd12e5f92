//! Binding a formula step: an inline Rhai expression or a function of a script, and the scalars
//! it reads.

use crate::diagnostic::{Code, Diagnostic, Location, did_you_mean, suggest};
use crate::expr::{Resolver, Slot};
use crate::formula;
use crate::ids::{ScalarId, ScriptId};
use crate::message::Message;
use crate::rulebook::resolver::{Binder, scalar_pools};
use crate::rulebook::{FunctionPlan, InlinePlan, Plan};
use crate::rules::step::{FormulaSource, StepDef};

/// Compiles a formula step and resolves the scalars it reads.
pub(crate) fn bind_formula(b: &mut Binder<'_>, d: &StepDef, src: &FormulaSource, diags: &mut Vec<Diagnostic>) -> Option<Plan> {
    let (names, pending) = match src {
        FormulaSource::Inline { text, offset } => compile_inline(b, d, text, *offset, diags)?,
        FormulaSource::Function { script, function, span } => {
            let si = find_script(b, d, script, span, diags)?;
            let Some(params) = formula::function_params(&b.rb.scripts[si], function) else {
                let names: Vec<&str> = b.rb.scripts[si].ast.iter_functions().map(|f| f.name).collect();
                let mut diag =
                    Diagnostic::error(Code::UndefinedName, msg!("rules-script-no-function", script = script, function = function))
                        .at(b.rb.files[d.file].location(span.clone()));
                if let Some(c) = did_you_mean(function, names.iter().copied()) {
                    diag = diag.hint(msg!("rules-did-you-mean", name = c));
                }
                diags.push(diag);
                return None;
            };
            (params, PendingFormula::Function(si, function.clone()))
        }
    };
    let scalars = resolve_names(b, d, src, &names, diags)?;
    Some(match pending {
        PendingFormula::Inline(ast, names) => Plan::Inline(InlinePlan { ast, names, scalars }),
        PendingFormula::Function(script, function) => Plan::Function(FunctionPlan { script, function, scalars }),
    })
}

/// A formula compiled, waiting for the names it reads to be resolved.
enum PendingFormula {
    Inline(rhai::AST, Vec<String>),
    Function(ScriptId, String),
}

/// Compiles an inline formula with every scalar in scope; the names it reads come from its tree.
fn compile_inline(
    b: &Binder<'_>,
    d: &StepDef,
    text: &str,
    offset: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Vec<String>, PendingFormula)> {
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
    Some((names.clone(), PendingFormula::Inline(ast, names)))
}

/// The script a function step names, which `[files] scripts` must list.
fn find_script(b: &Binder<'_>, d: &StepDef, script: &str, span: &std::ops::Range<usize>, diags: &mut Vec<Diagnostic>) -> Option<ScriptId> {
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

/// The scalar each name of a formula reads, in order.
fn resolve_names(
    b: &mut Binder<'_>,
    d: &StepDef,
    src: &FormulaSource,
    names: &[String],
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
                    Diagnostic::error(Code::UndefinedName, msg!("rules-formula-reads", step = &d.name, name = n, reason = m.message()))
                        .at(formula_location(b, d, src))
                        .hint(msg!("rules-function-parameters-hint"))
                        .undefined(n.as_str()),
                );
                ok = false;
            }
        }
    }
    ok.then_some(scalars)
}

/// Where to point at a formula: its function's `fn name` in the script, or its inline text.
fn formula_location(b: &Binder<'_>, d: &StepDef, src: &FormulaSource) -> Location {
    match src {
        FormulaSource::Function { script, function, .. } => {
            let file = b.rb.scripts.iter().find(|s| s.path.ends_with(script.as_str())).map_or(d.file, |s| s.file);
            let sf = &b.rb.files[file];
            sf.location(formula::function_span(&b.rb.engine, &sf.text, function))
        }
        FormulaSource::Inline { offset, .. } => b.rb.files[d.file].location(*offset..*offset + 1),
    }
}
