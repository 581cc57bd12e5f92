//! Running one case, as `compute` and `explain` do: load the year's rulebook and the
//! case folder, evaluate, and print every diagnostic (rules, case, evaluation) on stderr.

use std::path::Path;

use peps_engine::case::{Case, CaseOptions};
use peps_engine::diagnostic::{Code, Diagnostic, Location};
use peps_engine::eval::{Evaluation, evaluate};
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;

use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_IO};
use crate::report::Sources;
use crate::say;
use crate::workspace::{exit_code, load_year, print_diagnostics};

/// How a command reads a case folder (shared by every command that evaluates one).
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct CaseReading {
    /// Let data paths in the case file leave the case folder
    #[arg(long)]
    pub allow_outside_paths: bool,
    /// Keep the case's dates: by default data of another year are brought into the rules' year
    #[arg(long)]
    pub keep_dates: bool,
}

impl CaseReading {
    pub fn options(self) -> CaseOptions {
        CaseOptions { allow_outside_paths: self.allow_outside_paths, keep_dates: self.keep_dates, one_thread: false }
    }
}

/// An evaluation with the name of its case, the rulebook and the case it ran on (the page of a
/// case adds their schedule) and what loading and evaluating the case said of its data.
pub struct CaseEvaluation {
    pub case: String,
    pub evaluation: Evaluation,
    pub rulebook: Rulebook,
    pub data: Case,
    /// The diagnostics of the case's data and of its evaluation (not those of the rules).
    pub diagnostics: Vec<Diagnostic>,
}

impl std::ops::Deref for CaseEvaluation {
    type Target = Evaluation;
    fn deref(&self) -> &Evaluation {
        &self.evaluation
    }
}

/// Loads the year's rulebook and the case, evaluates, prints every diagnostic on stderr.
/// `Err` carries the exit code when nothing could be evaluated.
pub fn evaluate_case(rules: &RulesArgs, year: i32, dir: &Path, options: CaseOptions) -> Result<(CaseEvaluation, u8), u8> {
    let mut sources = Sources::default();
    let (rb, diags) = load_year(rules, year, &mut sources);
    let Some(rb) = rb else {
        print_diagnostics(&diags, &sources);
        return Err(exit_code(&diags).max(EXIT_FINDINGS));
    };
    if !dir.is_dir() {
        say::error(msg!("cli-no-case-folder", dir = dir.display().to_string()));
        return Err(EXIT_IO);
    }
    let (case, case_diags) = rb.cases().load(dir, options);
    let mut all = diags;
    all.extend(case_diags.iter().cloned());
    if let Some(c) = &case {
        sources.add(std::slice::from_ref(&c.file));
    }
    if all.iter().any(|d| d.is_error()) {
        print_diagnostics(&all, &sources);
        return Err(exit_code(&all));
    }
    let Some(case) = case else { return Err(EXIT_IO) };
    // A panic of the evaluation is a coded error naming the case, not a crash with a backtrace.
    let folder = dir.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let evaluation = match crate::caught::catch(|| {
        crate::caught::test_panic(&folder);
        evaluate(&rb, &case)
    }) {
        Ok(e) => e,
        Err(panic) => {
            let shown = dir.display().to_string();
            all.push(
                Diagnostic::error(Code::CasePanicked, msg!("cli-batch-case-panicked", case = &shown, panic = panic))
                    .at(Location::File { file: shown })
                    .hint(msg!("cli-batch-case-panicked-hint")),
            );
            print_diagnostics(&all, &sources);
            return Err(EXIT_FINDINGS);
        }
    };
    all.extend(evaluation.diagnostics.iter().cloned());
    print_diagnostics(&all, &sources);
    let code = exit_code(&all);
    let mut diagnostics = case_diags;
    diagnostics.extend(evaluation.diagnostics.iter().cloned());
    Ok((CaseEvaluation { case: rb.case_name(&case), evaluation, rulebook: rb, data: case, diagnostics }, code))
}
