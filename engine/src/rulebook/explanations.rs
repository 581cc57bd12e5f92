//! Explanations checked at load. A step's explanation shows only what the step reads (its
//! parameters, inputs, earlier steps, built-ins), the step's own value and the values the
//! explanation computes: any other `{name}`, in a sentence or in an expression, is R135; an
//! expression that does not check (a `when` that is no condition) or a wrong brace is R136; a
//! list of sentences that says nothing in some case, or has a sentence no case reaches, is R137.

use typed_index_collections::TiVec;

use crate::diagnostic::{Code, Diagnostic, Location, did_you_mean};
use crate::expr::{self, Expr, ExprErrorKind, NameError, Resolver, Slot};
use crate::ids::{ColumnId, ExistsId, SetId, StepId};
use crate::message::Message;
use crate::rulebook::{Builtin, ReadRef, Rulebook};
use crate::rules::explanation::ExplanationDef;
use crate::rules::inputs::InputKind;
use crate::rules::label::{self, Piece};
use crate::rules::step::ExprSource;
use crate::value::{Kind, Unit};

pub(crate) use crate::rulebook::explanation_plan::{ExplanationPlan, Shown};

/// The names an explanation may read, with what they are.
struct Scope {
    names: Vec<(String, Slot, Kind, Shown)>,
}

impl Resolver for Scope {
    fn name(&mut self, name: &str, member: Option<&str>) -> Result<(Slot, Kind), NameError> {
        if let Some(member) = member {
            return Err(NameError::MemberOfScalar { name: name.to_string(), member: member.to_string() });
        }
        match self.names.iter().find(|n| n.0 == name) {
            Some((_, slot, kind, _)) => Ok((*slot, *kind)),
            None => Err(NameError::Unknown { name: name.to_string(), suggestion: None }),
        }
    }

    fn set(&mut self, view: &str, _column: &str) -> Result<(SetId, Kind), NameError> {
        Err(NameError::UnknownView { name: view.to_string(), suggestion: None })
    }

    fn enter(&mut self, view: &str) -> Result<ExistsId, NameError> {
        Err(NameError::UnknownView { name: view.to_string(), suggestion: None })
    }

    fn leave(&mut self) {}
}

/// The unit a scalar is shown in.
pub(crate) fn scalar_unit(rb: &Rulebook, origin: ReadRef) -> Unit {
    match origin {
        ReadRef::Parameter(p) => rb.parameters[p].unit,
        ReadRef::Input(i) => match &rb.schema.inputs[i].kind {
            InputKind::Value { unit } => *unit,
            _ => Unit::Text,
        },
        ReadRef::Step(s) => rb.steps.get(s).map_or(Unit::Number, |s| s.unit),
        ReadRef::Builtin(Builtin::Year) => Unit::Year,
        ReadRef::Builtin(b) if b.kind() == Kind::Date => Unit::Date,
        _ => Unit::Number,
    }
}

/// Binds the explanation of every step that has one; a step without one is explained by its
/// mechanism.
pub(crate) fn bind(rb: &Rulebook, diags: &mut Vec<Diagnostic>) -> TiVec<StepId, Option<ExplanationPlan>> {
    rb.steps.iter_enumerated().map(|(i, step)| step.def.explanation.as_ref().and_then(|e| bind_one(rb, i, e, diags))).collect()
}

fn bind_one(rb: &Rulebook, i: StepId, e: &ExplanationDef, diags: &mut Vec<Diagnostic>) -> Option<ExplanationPlan> {
    let step = &rb.steps[i];
    let file = &rb.files[step.def.file];
    let at = |span: std::ops::Range<usize>| file.location(span);
    let mut scope = Scope { names: Vec::new() };
    for (s, def) in rb.scalars.iter_enumerated() {
        if def.origin == ReadRef::Step(i) || step.reads.contains(&def.origin) {
            scope.names.push((def.name.clone(), Slot::Scalar(s), def.kind, Shown::Scalar(s, scalar_unit(rb, def.origin))));
        }
    }
    let mut ok = true;
    let mut values = Vec::new();
    for v in &e.values {
        if scope.names.iter().any(|n| n.0 == v.name) {
            diags.push(
                Diagnostic::error(Code::DuplicateName, msg!("rules-explanation-value-taken", step = &step.def.name, name = &v.name))
                    .at(at(v.name_span.clone()))
                    .hint(msg!("rules-explanation-value-taken-hint")),
            );
            ok = false;
            continue;
        }
        let what = msg!("rules-what-explanation-value", name = &v.name);
        match check(rb, i, &mut scope, &v.value, None, what, diags) {
            Some((expr, kind)) => {
                let index = values.len();
                values.push((expr, v.unit));
                scope.names.push((v.name.clone(), Slot::Column(ColumnId::from(index)), kind, Shown::Value(index)));
            }
            None => ok = false,
        }
    }
    let mut cases = Vec::new();
    let mut names: Vec<(String, Shown)> = Vec::new();
    for (k, c) in e.cases.iter().enumerate() {
        let when = match &c.when {
            Some(w) => match check(rb, i, &mut scope, w, Some(Kind::Bool), msg!("rules-what-explanation-when"), diags) {
                Some((expr, _)) => Some(expr),
                None => {
                    ok = false;
                    None
                }
            },
            None => {
                if k + 1 < e.cases.len() {
                    diags.push(
                        Diagnostic::error(Code::ExplanationCases, msg!("rules-explanation-unreachable", step = &step.def.name))
                            .at(at(e.cases[k + 1].span.clone()))
                            .hint(msg!("rules-explanation-unreachable-hint")),
                    );
                    ok = false;
                }
                None
            }
        };
        let pieces = match label::pieces(&c.text) {
            Ok(p) => p,
            Err(err) => {
                let span = c.offset + err.span().start..c.offset + err.span().end;
                diags.push(
                    Diagnostic::error(
                        Code::ExplanationExpression,
                        msg!("rules-explanation-brace", step = &step.def.name, reason = err.message()),
                    )
                    .at(at(span))
                    .hint(msg!("rules-label-brace-hint")),
                );
                ok = false;
                continue;
            }
        };
        for p in pieces {
            let Piece::Name(name, span) = p else { continue };
            match scope.names.iter().find(|n| n.0 == name) {
                Some((n, _, _, shown)) => {
                    if !names.iter().any(|(m, _)| m == n) {
                        names.push((n.clone(), *shown));
                    }
                }
                None => {
                    diags.push(unknown(rb, i, &scope, name, at(c.offset + span.start..c.offset + span.end)));
                    ok = false;
                }
            }
        }
        cases.push((when, c.text.clone()));
    }
    if !e.always_says() && !e.cases.is_empty() {
        diags.push(
            Diagnostic::error(Code::ExplanationCases, msg!("rules-explanation-no-default", step = &step.def.name))
                .at(at(e.span.clone()))
                .hint(msg!("rules-explanation-no-default-hint")),
        );
        ok = false;
    }
    ok.then_some(ExplanationPlan { values, cases, names })
}

/// Checks an expression of an explanation against its scope.
fn check(
    rb: &Rulebook,
    i: StepId,
    scope: &mut Scope,
    e: &ExprSource,
    want: Option<Kind>,
    what: Message,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Expr, Kind)> {
    let file = &rb.files[e.file];
    match expr::check(&e.ast, scope) {
        Ok((expr, kind)) => {
            if let Some(w) = want
                && kind != w
                && kind != Kind::Null
            {
                diags.push(
                    Diagnostic::error(
                        Code::ExplanationExpression,
                        msg!("rules-expr-kind", what = what, needed = w.name(), kind = kind.name()),
                    )
                    .at(file.location(e.file_span(e.ast.span())))
                    .hint(msg!("rules-explanation-expression-hint")),
                );
                return None;
            }
            Some((expr, kind))
        }
        Err(err) => {
            let location = file.location(e.file_span(err.span.clone()));
            match &err.kind {
                ExprErrorKind::Undefined(NameError::Unknown { name, .. }) => diags.push(unknown(rb, i, scope, name, location)),
                kind => diags.push(
                    Diagnostic::error(Code::ExplanationExpression, msg!("rules-in", what = what, reason = kind.message()))
                        .at(location)
                        .hint(err.hint.clone().unwrap_or_else(|| msg!("rules-explanation-expression-hint"))),
                ),
            }
            None
        }
    }
}

/// R135: `name` is not something the step's explanation may show.
fn unknown(rb: &Rulebook, i: StepId, scope: &Scope, name: &str, at: Location) -> Diagnostic {
    let step = &rb.steps[i].def.name;
    let known: Vec<&str> = scope.names.iter().map(|n| n.0.as_str()).collect();
    let hint = if rb.scalars.iter().any(|s| s.name == name) {
        msg!("rules-explanation-not-read-hint", name = name, names = known.join(", "))
    } else if let Some(close) = did_you_mean(name, known.iter().copied()) {
        msg!("rules-did-you-mean", name = close)
    } else {
        msg!("rules-explanation-names-hint", names = known.join(", "))
    };
    Diagnostic::error(Code::ExplanationName, msg!("rules-explanation-unknown-name", step = step, name = name)).at(at).hint(hint)
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Code, Diagnostic};
    use crate::rulebook::{Rulebook, load};
    use crate::rules::source::MemSource;

    const MANIFEST: &str = "year = 2025\nlabel = \"L\"\nperiod = { start = 2025-01-01, end = 2025-12-31 }\nreference_date = 2025-12-31\n\
        [files]\nparameters = [\"p.toml\"]\nsteps = [\"e.toml\"]\n[result]\ntotal = \"total\"\n";
    const PARAMS: &str = "[taux]\nlabel = \"Taux\"\nunit = \"rate\"\nvalue = \"0.2\"\nstatus = \"assumed\"\nreference = \"r\"\n";

    /// A rulebook of two steps: `base` reads `taux`, `total` reads `base`; `explanation` is the
    /// explanation of `total`, as written in TOML after `explanation`.
    fn load_with(explanation: &str) -> (Option<Rulebook>, Vec<Diagnostic>) {
        let steps = format!(
            "[[step]]\nname = \"base\"\nlabel = \"Base\"\nunit = \"EUR\"\nround = \"none\"\nformula = \"100 * (1 + taux)\"\n\
             explanation = \"Base au taux de {{taux}} : {{base}}\"\n\n\
             [[step]]\nname = \"total\"\nlabel = \"Total\"\nunit = \"EUR\"\nround = \"none\"\nformula = \"base * 2\"\n\
             explanation{explanation}\n"
        );
        let rules = MemSource::new().with("rulebook.toml", MANIFEST).with("p.toml", PARAMS).with("e.toml", &steps);
        load(&rules, &MemSource::new())
    }

    fn codes(diags: &[Diagnostic]) -> Vec<String> {
        diags.iter().map(|d| format!("{} {}", d.code, d.message.en())).collect()
    }

    #[test]
    fn an_explanation_names_what_its_step_reads_its_own_value_and_its_values() {
        let (rb, diags) = load_with(
            ".values.double = { value = \"base * 2\", unit = \"EUR\" }\n\
             explanation.cases = [{ when = \"double > base\", text = \"{base} × 2 = {double} = {total}\" }, { text = \"{total}\" }]",
        );
        let rb = rb.unwrap_or_else(|| panic!("{diags:?}"));
        assert!(diags.is_empty(), "{diags:?}");
        assert!(rb.explanations.iter().all(Option::is_some), "both steps have their explanation bound");
    }

    #[test]
    fn a_name_the_step_does_not_read_is_r135_with_a_hint() {
        let (rb, diags) = load_with(" = \"Total au taux {taux}\"");
        assert!(rb.is_none());
        let d = diags.iter().find(|d| d.code == Code::ExplanationName).unwrap_or_else(|| panic!("{diags:?}"));
        assert_eq!(d.message.en(), "the explanation of step `total` names `taux`, which the step does not read");
        assert!(d.hint.as_ref().unwrap().en().starts_with("`taux` exists, but the step does not read it"), "{d:?}");
        assert_eq!(d.location.as_ref().unwrap().to_string(), "e.toml:15:30");
        let (_, diags) = load_with(" = \"Total {bsae}\"");
        let d = diags.iter().find(|d| d.code == Code::ExplanationName).unwrap_or_else(|| panic!("{diags:?}"));
        assert_eq!(d.hint.as_ref().map(crate::message::Message::en).as_deref(), Some("did you mean `base`?"));
        let (_, diags) = load_with(".cases = [{ when = \"bsae > 0\", text = \"{total}\" }, { text = \"{total}\" }]");
        assert_eq!(codes(&diags), ["R135 the explanation of step `total` names `bsae`, which the step does not read"]);
    }

    #[test]
    fn a_wrong_condition_value_or_brace_is_r136() {
        let (rb, diags) = load_with(".cases = [{ when = \"base\", text = \"{total}\" }, { text = \"{total}\" }]");
        assert!(rb.is_none());
        assert!(diags.iter().any(|d| d.code == Code::ExplanationExpression && d.hint.is_some()), "{diags:?}");
        let (_, diags) = load_with(".cases = [{ when = \"base >\", text = \"{total}\" }, { text = \"{total}\" }]");
        assert!(diags.iter().any(|d| d.code == Code::ExplanationExpression), "{diags:?}");
        let (_, diags) = load_with(" = \"Total {total\"");
        assert!(
            diags.iter().any(|d| d.code == Code::ExplanationExpression && d.message.en().contains("explanation of step `total`")),
            "{diags:?}"
        );
    }

    #[test]
    fn sentences_that_leave_a_case_unsaid_or_a_sentence_unreached_are_r137() {
        let (rb, diags) = load_with(".cases = [{ when = \"base > 0\", text = \"{total}\" }]");
        assert!(rb.is_none());
        let d = diags.iter().find(|d| d.code == Code::ExplanationCases).unwrap_or_else(|| panic!("{diags:?}"));
        assert_eq!(d.message.en(), "the explanation of step `total` says nothing when none of its `when` conditions holds");
        assert!(d.hint.is_some());
        let (_, diags) = load_with(".cases = [{ text = \"{total}\" }, { when = \"base > 0\", text = \"{total}\" }]");
        assert!(diags.iter().any(|d| d.code == Code::ExplanationCases && d.message.en().contains("never said")), "{diags:?}");
    }
}
