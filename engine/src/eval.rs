//! Evaluation: the outputs of one rulebook on one case, step by step in dependency order, each
//! with what it read, its breakdown (table cells hit, classes, groups, indicators), the assumed
//! values it rests on, and a manifest that identifies every input.

use std::cell::RefCell;
use std::collections::BTreeSet;

// Membership and index lookups run once per row or more: foldhash is several times faster than
// the standard SipHash, and its per-process random seed keeps crafted data from forcing collisions.
use foldhash::{HashMap, HashMapExt};
use rust_decimal::Decimal;
use typed_index_collections::{TiSlice, TiVec};

use crate::case::Case;
use crate::case::dataset::Dataset;
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::manifest::manifest;
use crate::eval::provenance::{assumed_label, assumed_name, function_source, reads_of, shares};
use crate::eval::state::{State, Trace, build_sets};
use crate::eval::waterfall::waterfall;
use crate::expr::{self, EvalError};
use crate::formula::{FormulaFailure, ResultError};
use crate::ids::{DatasetId, StepId};
use crate::message::Message;
use crate::rulebook::{ReadRef, Rulebook, Step, scalar_seed};
use crate::value::Value;

mod evaluation;
mod explanation;
pub(crate) mod kernel;
mod manifest;
mod provenance;
pub(crate) mod rows;
pub(crate) mod state;
mod waterfall;

pub use evaluation::*;
pub use manifest::{ManifestFile, RunManifest};

/// Why a step failed on a case's data.
#[derive(Debug)]
pub(crate) enum Failure {
    Eval(EvalError),
    Formula(FormulaFailure),
    Result(ResultError),
    /// A value that must be a number is not: `what` says which value.
    NotANumber {
        what: Message,
        found: &'static str,
    },
    NoTableRow {
        row: Option<(usize, String)>,
        table: String,
        keys: String,
    },
    SumOverflow,
    /// A failure on one row of a dataset: the file and line are named.
    AtRow {
        file: String,
        line: usize,
        failure: Box<Failure>,
    },
}

/// Names row `r` of `ds` in a failure met while evaluating it (its line: the header is line 1).
pub(crate) fn at_row<E: Into<Failure>>(ds: &Dataset, r: u32) -> impl FnOnce(E) -> Failure + '_ {
    move |e| {
        let failure = e.into();
        // A failure that names its row already (a table with no row for a row's keys) is kept.
        if matches!(failure, Failure::AtRow { .. } | Failure::NoTableRow { row: Some(_), .. }) {
            return failure;
        }
        let file = if ds.file.is_empty() { ds.name.clone() } else { ds.file.clone() };
        Failure::AtRow { file, line: (r as usize).saturating_add(2), failure: Box::new(failure) }
    }
}

impl From<EvalError> for Failure {
    fn from(e: EvalError) -> Self {
        Failure::Eval(e)
    }
}

impl From<ResultError> for Failure {
    fn from(e: ResultError) -> Self {
        Failure::Result(e)
    }
}

impl Failure {
    /// What went wrong, for people.
    pub(crate) fn message(&self) -> Message {
        match self {
            Failure::Eval(e) => e.message(),
            Failure::Formula(f) => f.message.clone(),
            Failure::Result(e) => e.message(),
            Failure::NotANumber { what, found } => msg!("eval-not-a-number", what = what.clone(), found = *found),
            Failure::NoTableRow { row: None, table, keys } => msg!("eval-no-table-row", table = table, keys = keys),
            Failure::NoTableRow { row: Some((n, dataset)), table, keys } => {
                msg!("eval-no-table-row-at", row = n, dataset = dataset, table = table, keys = keys)
            }
            Failure::SumOverflow => msg!("eval-sum-overflows"),
            Failure::AtRow { file, line, failure } => msg!("eval-at-row", failure = failure.message(), file = file, line = *line),
        }
    }
}

impl From<FormulaFailure> for Failure {
    fn from(f: FormulaFailure) -> Self {
        Failure::Formula(f)
    }
}

impl Failure {
    fn code(&self) -> Code {
        match self {
            Failure::Eval(e) => e.code(),
            Failure::Formula(f) => f.code(),
            Failure::SumOverflow => Code::Arithmetic,
            Failure::AtRow { failure, .. } => failure.code(),
            Failure::Result(_) | Failure::NotANumber { .. } | Failure::NoTableRow { .. } => Code::FormulaRuntime,
        }
    }
}

/// Which evaluator runs the steps over the rows of datasets. Both give the same evaluation, to
/// the byte: the tree-walker is the reference, the vector path the fast one (a test evaluates
/// every declarative case and example under every year on both and compares them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EvalPath {
    /// Each expression walked row by row (`expr::eval`): the reference.
    Reference,
    /// Each expression run once per step over all the rows of its view, on typed columns
    /// (`eval::kernel`); a step whose vector run fails is run again on the reference path.
    #[default]
    Vector,
    /// The vector path without the reference behind it: a step whose vector run fails fails
    /// with the vector's failure. For tests, to check that the vector path agrees by itself.
    #[doc(hidden)]
    VectorOnly,
}

/// Evaluates `rb` on `case`. The case must have been loaded against `rb.schema` without errors.
pub fn evaluate(rb: &Rulebook, case: &Case) -> Evaluation {
    evaluate_with(rb, case, EvalPath::default())
}

/// [`evaluate`] on the evaluation path `path`.
pub fn evaluate_with(rb: &Rulebook, case: &Case, path: EvalPath) -> Evaluation {
    evaluate_worded(rb, case, path, Words::Said).0
}

/// [`evaluate`] for a run that shows figures only (a batch, national files: one row of values
/// per case): every value, total, breakdown and diagnostic as [`evaluate`] gives them, but no
/// output carries its sentences — its formula, source and explanation are left empty (its label
/// stays: the waterfall shows it), and none is built for thousands of cases nobody reads it for.
pub fn evaluate_figures(rb: &Rulebook, case: &Case) -> Evaluation {
    evaluate_worded(rb, case, EvalPath::default(), Words::Unsaid).0
}

/// Whether an evaluation's outputs carry their words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Words {
    Said,
    Unsaid,
}

/// Where the vector path did not run a step by itself: the steps whose vector run failed and ran
/// again on the reference path, and those in which an expression ran row by row through the
/// tree-walker (a node with no vector form), by name in evaluation order. Empty on the reference
/// path. For tests: the shipped rulebooks must not fall back.
#[doc(hidden)]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathReport {
    pub fell_back: Vec<String>,
    pub row_by_row: Vec<String>,
}

/// [`evaluate_with`], and where the vector path fell back.
#[doc(hidden)]
pub fn evaluate_reporting(rb: &Rulebook, case: &Case, path: EvalPath) -> (Evaluation, PathReport) {
    evaluate_worded(rb, case, path, Words::Said)
}

fn evaluate_worded(rb: &Rulebook, case: &Case, path: EvalPath, words: Words) -> (Evaluation, PathReport) {
    let mut report = PathReport::default();
    let empty = empty_datasets(rb);
    let mut st = initial_state(rb, case, &empty);
    let mut outputs: TiVec<StepId, Option<Output>> = vec![None; rb.steps.len()].into();
    let mut assumed: TiVec<StepId, BTreeSet<String>> = vec![BTreeSet::new(); rb.steps.len()].into();
    let mut diagnostics = Vec::new();
    let mut eligible = true;
    let mut failed_checks = Vec::new();
    let mut stopped = false;
    for &i in &rb.order {
        let step = &rb.steps[i];
        let ran = run_step(rb, &mut st, i, path);
        if st.trace.fell_back.take() {
            report.fell_back.push(step.def.name.clone());
        }
        if st.trace.row_by_row.take() > 0 {
            report.row_by_row.push(step.def.name.clone());
        }
        let (value, breakdown) = match ran {
            Ok(r) => r,
            Err(failure) => {
                diagnostics.push(failure_diagnostic(rb, step, &failure));
                stopped = true;
                break;
            }
        };
        let value = match (value, step.rounding) {
            (Value::Number(n), Some(r)) => match expr::round(r, n) {
                Ok(n) => Value::Number(n),
                Err(e) => {
                    diagnostics.push(failure_diagnostic(rb, step, &Failure::Eval(e)));
                    stopped = true;
                    break;
                }
            },
            (v, _) => v,
        };
        st.scalars[step.scalar] = value.clone();
        assumed[i] = assumed_items(rb, step, &assumed);
        let is_gate = rb.result.gate == Some(i);
        if is_gate && value == Value::Bool(false) {
            eligible = false;
            failed_checks = breakdown.iter().filter(|p| p.value == Some(Value::Bool(false))).cloned().collect();
        }
        let reads = reads_of(rb, &st, step);
        let said = words == Words::Said;
        let explanation =
            if said { explanation::explain(rb, &st, i, &value, &breakdown, &reads) } else { crate::message::Message::text("") };
        outputs[i] = Some(Output {
            name: step.def.name.clone(),
            label: rb.render_label(&step.def.label),
            value,
            unit: step.unit,
            mechanism: step.def.mechanism.name(),
            formula: if said { step.def.describe() } else { crate::message::Message::text("") },
            source: if said { function_source(rb, step) } else { None },
            reference: step.def.reference.clone(),
            breakdown,
            reads,
            explanation,
            assumed: assumed[i].iter().cloned().collect(),
        });
        if is_gate && !eligible {
            break;
        }
    }
    let total_step = &rb.steps[rb.result.total];
    let total = if !eligible {
        Value::Number(total_step.rounding.and_then(|r| r.apply(Decimal::ZERO)).unwrap_or(Decimal::ZERO))
    } else {
        outputs[rb.result.total].as_ref().map_or(Value::Null, |o| o.value.clone())
    };
    let complete = eligible && !stopped;
    let (mut assumed_shares, mut bars) = (Vec::new(), Vec::new());
    if complete {
        check_components(rb, &outputs, &total, &mut diagnostics);
        let total_step = &rb.steps[rb.result.total];
        let overflows =
            |what| Diagnostic::error(Code::Arithmetic, msg!("eval-result-overflows", what = what)).at(total_step.def.location.clone());
        match shares(rb, &outputs, &assumed) {
            Some(s) => assumed_shares = s,
            None => diagnostics.push(overflows(msg!("eval-the-assumed-shares"))),
        }
        match waterfall(rb, &outputs, &total) {
            Some(b) => bars = b,
            None => diagnostics.push(overflows(msg!("eval-the-waterfall"))),
        }
    }
    let evaluation = Evaluation {
        scheme: rb.manifest.scheme.clone(),
        names: rb.manifest.names.clone(),
        year: rb.year,
        rulebook: rb.label.clone(),
        eligible,
        failed_checks,
        total_name: total_step.def.name.clone(),
        total_unit: total_step.unit,
        components: rb.result.components.iter().map(|&c| rb.steps[c].def.name.clone()).collect(),
        assumed_count: if eligible { assumed[rb.result.total].len() } else { 0 },
        assumed_shares,
        waterfall: bars,
        assumed_labels: assumed.iter().flatten().filter_map(|item| Some((item.clone(), assumed_label(rb, item)?))).collect(),
        outputs: rb.order.iter().filter_map(|&i| outputs[i].take()).collect(),
        total,
        diagnostics,
        data_shift: case.shift,
        rows_left_out: case.rows_left_out.clone(),
        manifest: manifest(rb, case),
    };
    (evaluation, report)
}

/// An empty dataset per dataset of the rulebook, read when the case has no file for it.
fn empty_datasets(rb: &Rulebook) -> TiVec<DatasetId, Dataset> {
    rb.datasets.iter().map(|d| Dataset::empty(&d.name, d.columns.iter().map(|c| c.0.clone()).collect())).collect()
}

/// The state before the first step: scalars from the case and the rules, whole-dataset views.
fn initial_state<'a>(rb: &Rulebook, case: &'a Case, empty: &'a TiSlice<DatasetId, Dataset>) -> State<'a> {
    let datasets: TiVec<DatasetId, &Dataset> =
        rb.datasets.iter_enumerated().map(|(i, d)| case.datasets[d.input].as_ref().unwrap_or(&empty[i])).collect();
    // A case keeps the columns the rulebook that read it reads (`DatasetDef::kept`): evaluated by
    // a rulebook that reads a column it did not keep, it stops here, before any figure, rather
    // than on the first row that reads it.
    for (d, ds) in rb.datasets.iter().zip(&datasets) {
        if d.kept.iter_enumerated().any(|(c, &k)| k && !ds.keeps(c.index())) {
            crate::data::column::Column::not_kept();
        }
    }
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
        computed: vec![None; rb.steps.len()].into(),
        groups: vec![None; rb.steps.len()].into(),
        items: vec![None; rb.steps.len()].into(),
        sets: vec![None; rb.sets.len()].into(),
        indexes: RefCell::new(HashMap::new()),
        trace: Trace::default(),
        datasets,
    };
    build_sets(rb, &mut st);
    st
}

/// The assumed rule items `step` rests on: those it reads, and those of the steps it reads.
fn assumed_items(rb: &Rulebook, step: &Step, assumed: &TiSlice<StepId, BTreeSet<String>>) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for r in &step.reads {
        match *r {
            ReadRef::Step(j) => set.extend(assumed[j].iter().cloned()),
            other => set.extend(assumed_name(rb, other)),
        }
    }
    set
}

/// The diagnostic of a step that failed, located at the step.
fn failure_diagnostic(rb: &Rulebook, step: &Step, failure: &Failure) -> Diagnostic {
    let file = rb.file_of(step);
    let loc = step.def.location.clone();
    let line = match &loc {
        crate::diagnostic::Location::Source { line, .. } => format!("{}:{line}", file.path),
        other => other.to_string(),
    };
    let code = failure.code();
    let text = if code == Code::BudgetExceeded {
        msg!("eval-step-over-budget", step = &step.def.name, at = line, failure = failure.message())
    } else {
        msg!("eval-step-failed", step = &step.def.name, at = line, failure = failure.message())
    };
    Diagnostic::error(code, text).at(loc)
}

pub(crate) fn check_components(rb: &Rulebook, outputs: &TiSlice<StepId, Option<Output>>, total: &Value, diags: &mut Vec<Diagnostic>) {
    if rb.result.components.is_empty() {
        return;
    }
    let values: Option<Vec<Decimal>> =
        rb.result.components.iter().map(|&c| outputs[c].as_ref().and_then(|o| o.value.as_number())).collect();
    let Some(values) = values else { return };
    let Some(sum) = values.into_iter().try_fold(Decimal::ZERO, Decimal::checked_add) else {
        diags.push(
            Diagnostic::error(Code::Arithmetic, msg!("eval-result-overflows", what = msg!("eval-the-components"))).at(rb.steps
                [rb.result.total]
                .def
                .location
                .clone()),
        );
        return;
    };
    if let Some(t) = total.as_number()
        && sum != t
    {
        diags.push(
            Diagnostic::error(Code::ComponentsMismatch, msg!("eval-components-mismatch", sum = sum, total = t))
                .at(rb.steps[rb.result.total].def.location.clone())
                .hint(msg!("eval-components-mismatch-hint")),
        );
    }
}

pub(crate) fn number(v: Value, what: Message) -> Result<Decimal, Failure> {
    match v {
        Value::Number(n) => Ok(n),
        Value::Null => Ok(Decimal::ZERO),
        other => Err(Failure::NotANumber { what, found: other.kind().name() }),
    }
}

pub(crate) type StepResult = Result<(Value, Vec<Part>), Failure>;

/// Runs step `i` on `path`; its mechanism's plan says how (`mechanism::Plan::run`).
pub(crate) fn run_step(rb: &Rulebook, st: &mut State<'_>, i: StepId, path: EvalPath) -> StepResult {
    rb.steps[i].plan.run(rb, st, i, path)
}
