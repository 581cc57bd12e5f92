//! Binding a formula step: an inline Rhai expression or a function of a script, and the scalars
//! it reads.

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::expr::Resolver;
use crate::formula::{self};
use crate::rulebook::resolver::Binder;
use crate::rulebook::{FunctionPlan, InlinePlan, Plan};
use crate::rules::step::{FormulaSource, StepDef};

pub(crate) fn bind_formula(b: &mut Binder<'_>, d: &StepDef, src: &FormulaSource, diags: &mut Vec<Diagnostic>) -> Option<Plan> {
    let file = &b.rb.files[d.file];
    let (names, pending) = match src {
        FormulaSource::Inline { text, offset } => {
            let known: Vec<String> = b.rb.scalars.iter().map(|s| s.name.clone()).collect();
            let ast = match formula::compile_inline(&b.rb.engine, text, &known, file, *offset) {
                Ok(a) => a,
                Err(mut e) => {
                    e.message = format!("in the formula of step `{}`: {}", d.name, e.message.trim_start_matches("in Rhai: "));
                    diags.push(e);
                    return None;
                }
            };
            let names: Vec<String> = formula::identifiers(text).into_iter().filter(|n| known.contains(n)).collect();
            (names.clone(), PendingFormula::Inline(ast, names))
        }
        FormulaSource::Function { script, function, span } => {
            let Some(si) = b.rb.scripts.iter().position(|s| s.path.ends_with(&format!("/{script}")) || s.path == *script) else {
                let exists = b.rb.files.iter().any(|f| f.path.ends_with(&format!("/{script}")) || f.path == *script);
                if !exists {
                    diags.push(
                        Diagnostic::error(
                            Code::MissingFile,
                            format!("step `{}` calls script `{script}`, which `[files] scripts` does not list", d.name),
                        )
                        .at(file.location(span.clone())),
                    );
                }
                return None;
            };
            let Some(params) = formula::function_params(&b.rb.scripts[si], function) else {
                let names: Vec<&str> = b.rb.scripts[si].ast.iter_functions().map(|f| f.name).collect();
                let mut diag = Diagnostic::error(Code::UndefinedName, format!("script `{script}` has no function `{function}`"))
                    .at(file.location(span.clone()));
                if let Some(c) = did_you_mean(function, names.iter().copied()) {
                    diag = diag.hint(format!("did you mean `{c}`?"));
                }
                diags.push(diag);
                return None;
            };
            (params, PendingFormula::Function(si, function.clone()))
        }
    };
    let mut scalars = Vec::with_capacity(names.len());
    let mut ok = true;
    for n in &names {
        match b.name(n, None) {
            Ok((slot, _)) => scalars.push(slot.index as usize),
            Err(m) => {
                let loc = match src {
                    FormulaSource::Function { script, function, .. } => {
                        let sf = &b.rb.files[b.rb.scripts.iter().find(|s| s.path.ends_with(script.as_str())).map_or(d.file, |s| s.file)];
                        sf.location(formula::function_span(&sf.text, function))
                    }
                    FormulaSource::Inline { offset, .. } => file.location(*offset..*offset + 1),
                };
                diags.push(
                    Diagnostic::error(Code::UndefinedName, format!("the formula of step `{}` reads `{n}`: {m}", d.name))
                        .at(loc)
                        .hint("a function's parameters name the outputs, parameters and inputs it reads"),
                );
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    Some(match pending {
        PendingFormula::Inline(ast, names) => Plan::Inline(InlinePlan { ast, names, scalars }),
        PendingFormula::Function(script, function) => Plan::Function(FunctionPlan { script, function, scalars }),
    })
}

/// A formula compiled, waiting for the names it reads to be resolved.
pub(crate) enum PendingFormula {
    Inline(rhai::AST, Vec<String>),
    Function(usize, String),
}
