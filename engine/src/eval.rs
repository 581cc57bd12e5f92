//! Evaluation: the outputs of one rulebook on one case, step by step in dependency order, each
//! with what it read, its breakdown (table cells hit, classes, groups, indicators), the assumed
//! values it rests on, and a manifest that identifies every input.

use std::cell::RefCell;
use std::collections::BTreeSet;

// Membership and index lookups run once per row or more: foldhash is several times faster than
// the standard SipHash, and its per-process random seed keeps crafted data from forcing collisions.
use foldhash::{HashMap, HashMapExt};
use rust_decimal::Decimal;

use crate::data::case::Case;
use crate::data::dataset::Dataset;
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::manifest::manifest;
use crate::eval::provenance::{assumed_name, function_source, reads_of, shares};
use crate::eval::state::{State, build_sets};
use crate::eval::waterfall::waterfall;
use crate::formula;
use crate::rulebook::{Plan, ReadRef, Rulebook, scalar_seed};
use crate::value::Value;

mod aggregate;
mod checks;
mod classify;
mod evaluation;
mod filter;
mod formula_step;
mod lookup;
mod manifest;
mod provenance;
mod score;
mod state;
mod waterfall;

pub use evaluation::*;
pub use manifest::{ManifestFile, RunManifest};

/// Why a step failed: a message and its diagnostic code.
pub(crate) struct Failure(Code, String);

/// Evaluates `rb` on `case`. The case must have been loaded against `rb.schema` without errors.
pub fn evaluate(rb: &Rulebook, case: &Case) -> Evaluation {
    let empty: Vec<Dataset> = rb
        .datasets
        .iter()
        .map(|d| Dataset {
            name: d.name.clone(),
            columns: d.columns.iter().map(|c| c.0.clone()).collect(),
            kinds: d.columns.iter().map(|c| c.1).collect(),
            rows: Vec::new(),
            file: String::new(),
            sha256: String::new(),
        })
        .collect();
    let datasets: Vec<&Dataset> =
        rb.datasets.iter().enumerate().map(|(i, d)| case.datasets[d.input].as_ref().unwrap_or(&empty[i])).collect();
    let mut st = State {
        scalars: rb
            .scalars
            .iter()
            .map(|s| match s.origin {
                ReadRef::Input(i) => case.values[i].clone(),
                _ => scalar_seed(rb, s),
            })
            .collect(),
        views: rb.views.iter().map(|v| v.step.is_none().then(|| (0..datasets[v.dataset].n_rows() as u32).collect())).collect(),
        computed: vec![None; rb.steps.len()],
        items: vec![None; rb.steps.len()],
        sets: vec![None; rb.sets.len()],
        indexes: RefCell::new(HashMap::new()),
        datasets,
    };
    build_sets(rb, &mut st);
    let step_scalar: Vec<usize> =
        (0..rb.steps.len()).map(|i| rb.scalars.iter().position(|s| s.origin == ReadRef::Step(i)).unwrap_or(0)).collect();
    let mut outputs: Vec<Option<Output>> = vec![None; rb.steps.len()];
    let mut assumed: Vec<BTreeSet<String>> = vec![BTreeSet::new(); rb.steps.len()];
    let mut diagnostics = Vec::new();
    let mut eligible = true;
    let mut failed_checks = Vec::new();
    let mut stopped = false;
    for &i in &rb.order {
        let step = &rb.steps[i];
        let result = run_step(rb, &mut st, i);
        let (value, breakdown) = match result {
            Ok(r) => r,
            Err(Failure(code, message)) => {
                let file = rb.file_of(step);
                let loc = step.def.location.clone();
                let line = match &loc {
                    crate::diagnostic::Location::Source { line, .. } => format!("{}:{line}", file.path),
                    other => other.to_string(),
                };
                let text = if code == Code::BudgetExceeded {
                    format!("step `{}` in {line} exceeded its budget: {message}", step.def.name)
                } else {
                    format!("step `{}` in {line} failed: {message}", step.def.name)
                };
                diagnostics.push(Diagnostic::error(code, text).at(loc));
                stopped = true;
                break;
            }
        };
        let value = match (value, step.rounding) {
            (Value::Number(n), Some(r)) => Value::Number(r.apply(n)),
            (v, _) => v,
        };
        st.scalars[step_scalar[i]] = value.clone();
        let mut set = BTreeSet::new();
        for r in &step.reads {
            match *r {
                ReadRef::Step(j) => set.extend(assumed[j].iter().cloned()),
                other => {
                    if let Some(name) = assumed_name(rb, other) {
                        set.insert(name);
                    }
                }
            }
        }
        assumed[i] = set;
        let is_gate = rb.result.gate == Some(i);
        if is_gate && value == Value::Bool(false) {
            eligible = false;
            failed_checks = breakdown.iter().filter(|p| p.value == Some(Value::Bool(false))).cloned().collect();
        }
        outputs[i] = Some(Output {
            name: step.def.name.clone(),
            label: step.def.label.clone(),
            value,
            unit: step.unit,
            mechanism: step.def.mechanism.name(),
            formula: step.def.describe(),
            source: function_source(rb, step),
            reference: step.def.reference.clone(),
            breakdown,
            reads: reads_of(rb, &st, step),
            assumed: assumed[i].iter().cloned().collect(),
        });
        if is_gate && !eligible {
            break;
        }
    }
    let total_step = &rb.steps[rb.result.total];
    let total = if !eligible {
        Value::Number(total_step.rounding.map_or(Decimal::ZERO, |r| r.apply(Decimal::ZERO)))
    } else {
        outputs[rb.result.total].as_ref().map_or(Value::Null, |o| o.value.clone())
    };
    if eligible && !stopped {
        check_components(rb, &outputs, &total, &mut diagnostics);
    }
    let assumed_count = if eligible { assumed[rb.result.total].len() } else { 0 };
    let assumed_shares = if eligible && !stopped { shares(rb, &outputs, &assumed) } else { Vec::new() };
    let waterfall = if eligible && !stopped { waterfall(rb, &outputs, &total) } else { Vec::new() };
    Evaluation {
        year: rb.year,
        rulebook: rb.label.clone(),
        eligible,
        failed_checks,
        total,
        total_name: total_step.def.name.clone(),
        components: rb.result.components.iter().map(|&c| rb.steps[c].def.name.clone()).collect(),
        outputs: rb.order.iter().filter_map(|&i| outputs[i].take()).collect(),
        assumed_count,
        assumed_shares,
        waterfall,
        diagnostics,
        manifest: manifest(rb, case),
    }
}

pub(crate) fn check_components(rb: &Rulebook, outputs: &[Option<Output>], total: &Value, diags: &mut Vec<Diagnostic>) {
    if rb.result.components.is_empty() {
        return;
    }
    let sum: Option<Decimal> = rb.result.components.iter().map(|&c| outputs[c].as_ref().and_then(|o| o.value.as_number())).sum();
    if let (Some(sum), Some(t)) = (sum, total.as_number())
        && sum != t
    {
        diags.push(
            Diagnostic::error(Code::ComponentsMismatch, format!("the components add up to {sum}, the total is {t}"))
                .at(rb.steps[rb.result.total].def.location.clone())
                .hint("`[result] components` must list the outputs whose sum is the total"),
        );
    }
}

pub(crate) fn number(v: Value, what: &str) -> Result<Decimal, Failure> {
    match v {
        Value::Number(n) => Ok(n),
        Value::Null => Ok(Decimal::ZERO),
        other => Err(Failure(Code::FormulaRuntime, format!("{what} gave a {}, not a number", other.kind().name()))),
    }
}

pub(crate) fn eval_err(e: String) -> Failure {
    if e.starts_with("division") || e.starts_with("arithmetic") { Failure(Code::Arithmetic, e) } else { Failure(Code::FormulaRuntime, e) }
}

pub(crate) type StepResult = Result<(Value, Vec<Part>), Failure>;

pub(crate) fn run_step(rb: &Rulebook, st: &mut State<'_>, i: usize) -> StepResult {
    let step = &rb.steps[i];
    match &step.plan {
        Plan::Filter(plan) => filter::run(rb, st, i, plan),
        Plan::LookupRows(plan) => lookup::run_rows(rb, st, i, plan),
        Plan::LookupScalar(plan) => lookup::run_scalar(rb, st, i, plan),
        Plan::Aggregate(plan) => aggregate::run(rb, st, i, plan),
        Plan::Classify(plan) => classify::run(rb, st, i, plan),
        Plan::Checks(checks) => checks::run(rb, st, checks),
        Plan::Score(plan) => score::run(rb, st, i, plan),
        Plan::Inline(plan) => formula_step::run_inline(rb, st, i, plan),
        Plan::Function(plan) => formula_step::run_function(rb, st, i, plan),
    }
}

pub(crate) fn formula_failure(f: formula::FormulaFailure) -> Failure {
    Failure(if f.budget { Code::BudgetExceeded } else { Code::FormulaRuntime }, f.message)
}
