//! Binding a year's items together: datasets and their views, the one namespace of scalars
//! (built-ins, parameters, inputs, steps), then every step's mechanism compiled to a plan.

use std::collections::{BTreeSet, HashMap};

use crate::data::case::InputKind;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::rulebook::manifest::Manifest;
use crate::rulebook::mechanisms::bind_step;
use crate::rulebook::ordering::order_steps;
use crate::rulebook::resolver::Binder;
use crate::rulebook::result::bind_result;
use crate::rulebook::{BUILTINS, DatasetDef, ReadRef, Rulebook, ScalarDef, Step, ViewDef};
use crate::rules::step::{AggOp, Mechanism, StepDef};
use crate::value::{Kind, Unit};

// ---------------------------------------------------------------------------------------------
// Binding

pub(crate) fn bind(rb: &mut Rulebook, defs: Vec<StepDef>, m: &Manifest, diags: &mut Vec<Diagnostic>) {
    // Datasets and their views.
    for (i, input) in rb.schema.inputs.iter().enumerate() {
        let InputKind::Dataset { norm } = &input.kind else { continue };
        let Some(n) = rb.norms.iter().position(|x| &x.name == norm) else {
            diags.push(
                Diagnostic::error(
                    Code::UndefinedName,
                    format!(
                        "input `{}.{}` reads norm `{norm}`, which `rulebook.toml` does not list under `[norms]`",
                        input.section, input.name
                    ),
                )
                .at(input.location.clone()),
            );
            continue;
        };
        let columns = rb.norms[n].fields.iter().map(|f| (f.name.clone(), f.kind.value_kind())).collect();
        rb.views.push(ViewDef { name: input.name.clone(), dataset: rb.datasets.len(), step: None });
        rb.datasets.push(DatasetDef { name: input.name.clone(), input: i, norm: n, columns });
    }
    for (name, _, loc) in &m.norms {
        if !rb.schema.inputs.iter().any(|i| matches!(&i.kind, InputKind::Dataset { norm } if norm == name)) {
            diags.push(Diagnostic::warning(Code::UndefinedName, format!("norm `{name}` is listed but no input reads it")).at(loc.clone()));
        }
    }
    // Scalars: names every expression may read, which must be unique.
    let mut seen: HashMap<String, Location> = HashMap::new();
    let mut claim = |name: &str, loc: &Location, what: &str, diags: &mut Vec<Diagnostic>| -> bool {
        if let Some(prev) = seen.get(name) {
            diags.push(
                Diagnostic::error(Code::DuplicateName, format!("{what} `{name}` has the name of something defined at {prev}"))
                    .at(loc.clone())
                    .hint("names of parameters, inputs, datasets and steps share one namespace"),
            );
            false
        } else {
            seen.insert(name.to_string(), loc.clone());
            true
        }
    };
    let builtin_loc = Location::File { file: "(built in)".into() };
    for (i, (name, kind)) in BUILTINS.iter().enumerate() {
        claim(name, &builtin_loc, "built-in", diags);
        rb.scalars.push(ScalarDef { name: name.to_string(), kind: *kind, origin: ReadRef::Builtin(i) });
    }
    for (i, p) in rb.parameters.iter().enumerate() {
        if claim(&p.name, &p.provenance.location, "parameter", diags) {
            rb.scalars.push(ScalarDef { name: p.name.clone(), kind: p.unit.kind(), origin: ReadRef::Parameter(i) });
        }
    }
    for (i, input) in rb.schema.inputs.iter().enumerate() {
        if claim(&input.name, &input.location, "input", diags)
            && let Some(kind) = input.value_kind()
        {
            rb.scalars.push(ScalarDef { name: input.name.clone(), kind, origin: ReadRef::Input(i) });
        }
    }
    // Steps: their kinds are known from their mechanisms before any is bound.
    let n_steps = defs.len();
    let mut kinds = Vec::with_capacity(n_steps);
    for (i, d) in defs.iter().enumerate() {
        let unit = step_unit(d, rb, diags);
        kinds.push(unit);
        if claim(&d.name, &d.location, "step", diags) {
            rb.scalars.push(ScalarDef { name: d.name.clone(), kind: unit.map_or(Kind::Number, Unit::kind), origin: ReadRef::Step(i) });
        }
    }
    for (i, d) in defs.iter().enumerate() {
        if let Mechanism::Filter { dataset, .. } = &d.mechanism
            && let Some(v) = rb.views.iter().find(|v| v.name == dataset.text)
        {
            let ds = v.dataset;
            rb.views.push(ViewDef { name: d.name.clone(), dataset: ds, step: Some(i) });
        }
    }
    // Filters of filters: resolve in declaration order until nothing changes.
    loop {
        let before = rb.views.len();
        for (i, d) in defs.iter().enumerate() {
            if let Mechanism::Filter { dataset, .. } = &d.mechanism
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
    let mut steps = Vec::with_capacity(n_steps);
    for (i, d) in defs.iter().enumerate() {
        let mut b = Binder {
            rb,
            defs: &defs,
            step: i,
            base: None,
            inner: None,
            deps: BTreeSet::new(),
            reads: BTreeSet::new(),
            sets: Vec::new(),
            exists: Vec::new(),
            classify_self: None,
        };
        let plan = bind_step(&mut b, d, diags);
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
        let unit = kinds[i].unwrap_or(Unit::Number);
        let rounding = match (d.rounding, unit.is_money(), d.no_rounding) {
            (Some(r), _, _) => Some(r),
            (None, true, false) => {
                if m.money_rounding.is_none() {
                    diags.push(
                        Diagnostic::error(Code::MoneyWithoutRounding, format!("step `{}` is an amount in EUR with no rounding", d.name))
                            .at(d.location.clone())
                            .hint("add `round = { step = \"0.01\", mode = \"half-up\" }`, `round = \"none\"`, or `[defaults] money_rounding` in rulebook.toml"),
                    );
                }
                m.money_rounding
            }
            _ => None,
        };
        if let Some(plan) = plan {
            steps.push(Step { def: d.clone(), unit, rounding, plan, reads: reads.into_iter().collect(), deps: deps.into_iter().collect() });
        }
    }
    if steps.len() != n_steps {
        return;
    }
    rb.steps = steps;
    let Some(result) = bind_result(rb, m, diags) else { return };
    rb.result = result;
    if let Some(order) = order_steps(rb, diags) {
        rb.order = order;
    }
}

pub(crate) fn step_unit(d: &StepDef, rb: &Rulebook, diags: &mut Vec<Diagnostic>) -> Option<Unit> {
    let derived = match &d.mechanism {
        Mechanism::Filter { .. } | Mechanism::Classify { .. } => Some(Unit::Count),
        Mechanism::Aggregate { op: AggOp::Count, .. } => Some(Unit::Count),
        Mechanism::Aggregate { .. } => None,
        Mechanism::Lookup { table, column, .. } => rb.tables.iter().find(|t| t.name == table.text).and_then(|t| match column {
            Some(c) => t.columns.iter().find(|x| x.name == c.text).map(|x| x.unit),
            None => t.columns.first().map(|x| x.unit),
        }),
        Mechanism::Checks(_) => Some(Unit::Bool),
        Mechanism::Score { .. } => Some(Unit::Rate),
        Mechanism::Formula(_) => None,
    };
    match (d.unit, derived) {
        (Some(u), _) => Some(u),
        (None, Some(u)) => Some(u),
        (None, None) => {
            if matches!(d.mechanism, Mechanism::Formula(_) | Mechanism::Aggregate { .. }) {
                diags.push(
                    Diagnostic::error(Code::MissingKey, format!("step `{}` has no `unit`", d.name))
                        .at(d.location.clone())
                        .hint(format!("one of {}", Unit::NAMES.join(", "))),
                );
            }
            None
        }
    }
}
