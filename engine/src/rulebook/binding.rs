//! Binding a year's items together: datasets and their views, the one namespace of scalars
//! (built-ins, parameters, inputs, steps), then every step's mechanism compiled to a plan.

use std::collections::HashMap;

use typed_index_collections::{TiSlice, TiVec};

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::ids::{ScalarId, StepId};
use crate::mechanism::{DerivedUnit, StepCx};
use crate::message::Message;
use crate::rulebook::labels;
use crate::rulebook::manifest::Manifest;
use crate::rulebook::ordering::order_steps;
use crate::rulebook::resolver::Binder;
use crate::rulebook::result::bind_result;
use crate::rulebook::{Builtin, DatasetDef, ReadRef, ResultSpec, ScalarDef, Scope, Step, ViewDef};
use crate::rules::inputs::InputKind;
use crate::rules::step::StepDef;
use crate::value::{Kind, Rounding, Unit};

/// A year's steps bound: each one's plan, the result and the evaluation order.
pub(crate) struct Pipeline {
    pub(crate) steps: TiVec<StepId, Step>,
    pub(crate) result: ResultSpec,
    pub(crate) order: Vec<StepId>,
}

/// Binds the steps `defs` in `scope`: its datasets, views and scalars first, then the steps'
/// plans, the result and the order, after the names labels show and the parameters the calendar
/// reads. `None` when the steps, the result or the order cannot be bound.
pub(crate) fn bind(scope: &mut Scope, defs: TiVec<StepId, StepDef>, m: &Manifest, diags: &mut Vec<Diagnostic>) -> Option<Pipeline> {
    labels::check_references(scope, &defs, diags);
    crate::rulebook::calendar::bind_working_days(scope, diags);
    bind_datasets(scope, m, diags);
    let named = bind_scalars(scope, &defs, diags);
    bind_views(scope, &defs);
    let steps = bind_steps(scope, &defs, &named, m, diags)?;
    labels::check_numbers(scope, &steps, diags);
    let result = bind_result(&steps, m, diags)?;
    let order = order_steps(&steps, &result, diags)?;
    Some(Pipeline { steps, result, order })
}

/// One dataset (and its whole-dataset view) per input read through a norm.
fn bind_datasets(rb: &mut Scope, m: &Manifest, diags: &mut Vec<Diagnostic>) {
    for (i, input) in rb.schema.inputs.iter_enumerated() {
        let InputKind::Dataset { norm, .. } = &input.kind else { continue };
        let Some(n) = rb.norms.iter().position(|x| &x.name == norm) else {
            diags.push(
                Diagnostic::error(
                    Code::UndefinedName,
                    msg!("rules-input-norm-not-listed", section = &input.section, name = &input.name, norm = norm),
                )
                .at(input.location.clone()),
            );
            continue;
        };
        let columns = rb.norms[n].fields.iter().map(|f| (f.name.clone(), f.kind.value_kind())).collect();
        let dataset = rb.datasets.push_and_get_key(DatasetDef { name: input.name.clone(), input: i, columns });
        rb.views.push(ViewDef { name: input.name.clone(), dataset, step: None });
    }
    for n in &m.norms {
        if !rb.schema.inputs.iter().any(|i| matches!(&i.kind, InputKind::Dataset { norm, .. } if *norm == n.name)) {
            diags.push(Diagnostic::warning(Code::UndefinedName, msg!("rules-norm-unread", norm = &n.name)).at(n.location.clone()));
        }
    }
}

/// The one namespace of names every expression may read: each name and where it was claimed,
/// as a message shows it.
#[derive(Default)]
struct Namespace(HashMap<String, Message>);

impl Namespace {
    /// Claims `name` for a `what` defined at `loc`; a name claimed twice is an error.
    fn claim(&mut self, name: &str, loc: &Location, what: &str, diags: &mut Vec<Diagnostic>) -> bool {
        self.claim_shown(name, loc, Message::text(loc.to_string()), what, diags)
    }

    fn claim_shown(&mut self, name: &str, loc: &Location, shown: Message, what: &str, diags: &mut Vec<Diagnostic>) -> bool {
        if let Some(prev) = self.0.get(name) {
            diags.push(
                Diagnostic::error(Code::DuplicateName, msg!("rules-name-taken", kind = what, name = name, previous = prev))
                    .at(loc.clone())
                    .hint(msg!("rules-one-namespace")),
            );
            return false;
        }
        self.0.insert(name.to_string(), shown);
        true
    }
}

/// The scalars: built-ins, parameters, inputs with a value, then steps, whose units are known
/// from their mechanisms before any is bound. Returns each step's unit and scalar (a step whose
/// name is taken has one too, which no name reads: the rulebook does not load).
fn bind_scalars(rb: &mut Scope, defs: &TiSlice<StepId, StepDef>, diags: &mut Vec<Diagnostic>) -> TiVec<StepId, (Option<Unit>, ScalarId)> {
    let mut names = Namespace::default();
    // Built-ins are claimed first: no diagnostic ever stands at their location.
    let builtin_loc = Location::File { file: String::new() };
    for &b in Builtin::ALL {
        names.claim_shown(b.as_str(), &builtin_loc, msg!("rules-built-in"), "built-in", diags);
        rb.scalars.push(ScalarDef { name: b.as_str().to_string(), kind: b.kind(), origin: ReadRef::Builtin(b) });
    }
    for (i, p) in rb.parameters.iter_enumerated() {
        if names.claim(&p.name, &p.provenance.location, "parameter", diags) {
            rb.scalars.push(ScalarDef { name: p.name.clone(), kind: p.unit.kind(), origin: ReadRef::Parameter(i) });
        }
    }
    for (i, input) in rb.schema.inputs.iter_enumerated() {
        if names.claim(&input.name, &input.location, "input", diags)
            && let Some(kind) = input.value_kind()
        {
            rb.scalars.push(ScalarDef { name: input.name.clone(), kind, origin: ReadRef::Input(i) });
        }
    }
    let mut named = TiVec::with_capacity(defs.len());
    for (i, d) in defs.iter_enumerated() {
        let unit = step_unit(d, rb, diags);
        names.claim(&d.name, &d.location, "step", diags);
        let scalar = rb.scalars.push_and_get_key(ScalarDef {
            name: d.name.clone(),
            kind: unit.map_or(Kind::Number, Unit::kind),
            origin: ReadRef::Step(i),
        });
        named.push((unit, scalar));
    }
    named
}

/// A view per filter step, over the dataset of the view it filters; filters of filters are
/// resolved in declaration order until nothing changes.
fn bind_views(rb: &mut Scope, defs: &TiSlice<StepId, StepDef>) {
    loop {
        let before = rb.views.len();
        for (i, d) in defs.iter_enumerated() {
            if let Some(dataset) = d.mechanism.rows().view_of
                && !rb.views.iter().any(|v| v.name == d.name)
                && let Some(v) = rb.views.iter().find(|v| v.name == dataset.text)
            {
                let ds = v.dataset;
                rb.views.push(ViewDef { name: d.name.clone(), dataset: ds, step: Some(i) });
            }
        }
        if rb.views.len() == before {
            break;
        }
    }
}

/// Every step's plan; `None` when one of them cannot be bound.
fn bind_steps(
    rb: &mut Scope,
    defs: &TiSlice<StepId, StepDef>,
    named: &TiSlice<StepId, (Option<Unit>, ScalarId)>,
    m: &Manifest,
    diags: &mut Vec<Diagnostic>,
) -> Option<TiVec<StepId, Step>> {
    let mut steps = TiVec::with_capacity(defs.len());
    for (i, d) in defs.iter_enumerated() {
        let mut b = Binder::new(rb, defs, i);
        let plan = d.mechanism.bind(&mut b, &StepCx { d, file: &rb.files[d.file] }, diags);
        let (deps, reads, sets, exists) = (b.deps, b.reads, b.sets, b.exists);
        for s in sets {
            if !rb.sets.contains(&s) {
                rb.sets.push(s);
            }
        }
        for e in exists {
            if !rb.exists_views.contains(&e) {
                rb.exists_views.push(e);
            }
        }
        let (unit, scalar) = named[i];
        let unit = unit.unwrap_or(Unit::Number);
        let rounding = step_rounding(d, unit, m, diags);
        if let Some(plan) = plan {
            let (reads, deps) = (reads.into_iter().collect(), deps.into_iter().collect());
            steps.push(Step { def: d.clone(), unit, rounding, scalar, plan, reads, deps });
        }
    }
    (steps.len() == defs.len()).then_some(steps)
}

/// The rounding of a step: its own, else the rulebook's money rounding for an amount in EUR
/// (which must then exist), else none.
fn step_rounding(d: &StepDef, unit: Unit, m: &Manifest, diags: &mut Vec<Diagnostic>) -> Option<Rounding> {
    match (d.rounding, unit.is_money(), d.no_rounding) {
        (Some(r), _, _) => Some(r),
        (None, true, false) => {
            if m.money_rounding.is_none() {
                diags.push(
                    Diagnostic::error(Code::MoneyWithoutRounding, msg!("rules-money-no-rounding", step = &d.name))
                        .at(d.location.clone())
                        .hint(msg!("rules-money-no-rounding-hint")),
                );
            }
            m.money_rounding
        }
        _ => None,
    }
}

/// The unit of a step: declared, or derived from its mechanism.
pub(crate) fn step_unit(d: &StepDef, rb: &Scope, diags: &mut Vec<Diagnostic>) -> Option<Unit> {
    let derived = d.mechanism.unit(rb);
    match (d.unit, derived) {
        (Some(u), _) => Some(u),
        (None, DerivedUnit::Is(u) | DerivedUnit::Of(Some(u))) => Some(u),
        (None, DerivedUnit::Of(None)) => None,
        (None, DerivedUnit::Declared) => {
            diags.push(
                Diagnostic::error(Code::MissingKey, msg!("rules-step-no-unit", step = &d.name))
                    .at(d.location.clone())
                    .hint(msg!("rules-one-of", choices = Unit::NAMES.join(", "))),
            );
            None
        }
    }
}
