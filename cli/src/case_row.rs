//! One case's row in a run over many cases (a folder of cases, national files): read and
//! evaluated with the case's panic caught, or in error with its codes.

use std::time::Duration;

use peps_engine::case::Case;
use peps_engine::diagnostic::{Code, Diagnostic, Location};
use peps_engine::eval::evaluate_figures;
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use peps_engine::rules::inputs::{InputKind, RejectedRows};
use peps_engine::value::Value;
use rust_decimal::Decimal;
use serde::Serialize;

/// One case's result.
#[derive(Debug, Serialize)]
pub struct CaseRow {
    /// The case folder's name.
    pub case: String,
    pub name: String,
    /// `ok`, or `error` when the case could not be read or evaluated (see the diagnostics).
    pub status: &'static str,
    pub eligible: bool,
    pub total: Decimal,
    /// The components of the total, in the rulebook's order.
    pub components: Vec<Decimal>,
    /// Rows read per dataset, in the rulebook's order.
    pub rows: Vec<u64>,
    /// The outputs asked with `--outputs`, in the order asked (absent: `null`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<Value>,
    /// Rows left out per dataset (rejected by the norm, left out by the rulebook), in the
    /// rulebook's order; empty when no input of the rulebook leaves rows out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows_left_out: Vec<u64>,
    /// Error codes, when the status is `error`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
    #[serde(skip)]
    pub(crate) diagnostics: Vec<Diagnostic>,
    #[serde(skip)]
    pub(crate) time: Phases,
}

/// CPU time a case cost, by phase (its thread's CPU clock: summed over cases, the CPU a phase
/// cost, whatever the number of threads).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Phases {
    pub(crate) read: Duration,
    pub(crate) evaluate: Duration,
}

/// A row of `folder` in error because of `diagnostics`.
pub(crate) fn failed_row(rb: &Rulebook, folder: String, diagnostics: Vec<Diagnostic>) -> CaseRow {
    let mut row = empty_row(rb, folder);
    row.errors = error_codes(&diagnostics);
    row.diagnostics = diagnostics;
    row
}

/// [`evaluate_loaded`], a panic of the case caught: the case gets a row in error (D236) with the
/// panic's message, and the other cases go on.
pub(crate) fn guarded(
    rb: &Rulebook,
    folder: String,
    place: String,
    load: impl FnOnce() -> (Option<Case>, Vec<Diagnostic>),
    wanted: &[String],
) -> CaseRow {
    let name = folder.clone();
    match crate::caught::catch(|| {
        crate::caught::test_panic(&name);
        evaluate_loaded(rb, name.clone(), load, wanted)
    }) {
        Ok(row) => row,
        Err(panic) => {
            let d = Diagnostic::error(Code::CasePanicked, msg!("cli-batch-case-panicked", case = &folder, panic = panic))
                .at(Location::File { file: place })
                .hint(msg!("cli-batch-case-panicked-hint"));
            failed_row(rb, folder, vec![d])
        }
    }
}

/// A case's row before it is read: in error, every figure zero.
fn empty_row(rb: &Rulebook, folder: String) -> CaseRow {
    CaseRow {
        case: folder.clone(),
        name: folder,
        status: "error",
        eligible: false,
        total: Decimal::ZERO,
        components: vec![Decimal::ZERO; rb.components().len()],
        rows: vec![0; rb.datasets().len()],
        outputs: Vec::new(),
        rows_left_out: if leaves_rows_out(rb) { vec![0; rb.datasets().len()] } else { Vec::new() },
        errors: Vec::new(),
        diagnostics: Vec::new(),
        time: Phases::default(),
    }
}

/// Reads a case with `load` and evaluates it; its data is dropped before the next case of this
/// thread.
fn evaluate_loaded(rb: &Rulebook, folder: String, load: impl FnOnce() -> (Option<Case>, Vec<Diagnostic>), wanted: &[String]) -> CaseRow {
    let mut row = empty_row(rb, folder);
    let start = crate::cpu::thread();
    let (case, diags) = load();
    row.time.read = crate::cpu::thread().saturating_sub(start);
    row.diagnostics = diags;
    let Some(case) = case.filter(|_| !row.diagnostics.iter().any(Diagnostic::is_error)) else {
        row.errors = error_codes(&row.diagnostics);
        return row;
    };
    let start = crate::cpu::thread();
    // A row shows figures only: no output's sentence is built.
    let evaluation = evaluate_figures(rb, &case);
    row.time.evaluate = crate::cpu::thread().saturating_sub(start);
    row.name = rb.case_name(&case);
    for (k, d) in rb.datasets().iter().enumerate() {
        row.rows[k] = case.datasets[d.input].as_ref().map_or(0, |ds| ds.n_rows() as u64);
        if let Some(n) = row.rows_left_out.get_mut(k) {
            *n = case.rows_left_out.iter().filter(|l| l.dataset == d.name).map(|l| l.rows).sum();
        }
    }
    row.diagnostics.extend(evaluation.diagnostics.iter().cloned());
    if evaluation.has_errors() {
        row.errors = error_codes(&row.diagnostics);
        return row;
    }
    row.status = "ok";
    row.eligible = evaluation.eligible;
    row.total = evaluation.total.as_number().unwrap_or_default();
    for (k, name) in evaluation.components.iter().enumerate() {
        // An ineligible case stops at the gate: its components are absent, hence zero.
        row.components[k] = evaluation.output(name).and_then(|o| o.value.as_number()).filter(|_| evaluation.eligible).unwrap_or_default();
    }
    row.outputs = wanted.iter().map(|n| evaluation.output(n).map_or(Value::Null, |o| o.value.clone())).collect();
    row
}

/// Whether an input of the rulebook leaves out the rows its norm rejects (then every row of the
/// result counts them).
pub(crate) fn leaves_rows_out(rb: &Rulebook) -> bool {
    rb.schema().inputs.iter().any(|i| matches!(i.kind, InputKind::Dataset { rejected_rows: RejectedRows::LeaveOut, .. }))
}

fn error_codes(diags: &[Diagnostic]) -> Vec<String> {
    let mut codes: Vec<String> = diags.iter().filter(|d| d.is_error()).map(|d| d.code.as_str().to_string()).collect();
    codes.dedup();
    codes
}
