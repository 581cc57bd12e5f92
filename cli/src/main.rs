//! `peps`: the command line of the PEPS rules engine. It parses arguments, reads files, calls the
//! engine and renders; the rules themselves live in `rules/` and `norms/`.

// The doc comments of clap arguments are `--help` text for people, written as they read it
// (`rules-<year>.md`, `[2025]`), not rustdoc markup.
#![allow(rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags)]

mod batch;
mod case_run;
mod compute;
mod cpu;
mod docs;
mod explain;
mod format;
mod html;
mod impact;
mod json;
mod manifest;
mod national;
mod output;
mod parallel;
mod report;
mod rules_cmd;
mod schedule;
mod synth;
mod test_cmd;
mod validate;
mod workspace;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit codes are an interface: 0 clean, 1 findings in rules or data, 2 usage or I/O.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_IO: u8 = 2;

#[derive(Parser)]
#[command(name = "peps", version, about = "A rules engine for remunerations written as yearly rulebooks: compute, explain, schedule and check them", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    /// One self-contained HTML page with a waterfall chart
    Html,
}

#[derive(clap::Args, Clone, Debug)]
pub struct RulesArgs {
    /// Folder of the yearly rulebooks (default: the repository's `rules/`)
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Folder of the exchange norms (default: the scheme's own `norms/`, then the repository's)
    #[arg(long, value_name = "DIR")]
    pub norms: Option<PathBuf>,
    /// A scheme shipped beside the default one: `--scheme capitation` reads `rules/capitation/`
    #[arg(long, value_name = "NAME", conflicts_with = "rules")]
    pub scheme: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// The remuneration of one team for a year, component by component (or of every team of a folder)
    Compute(compute::ComputeArgs),
    /// A year's rulebook as a readable document (Markdown and HTML)
    Docs(docs::DocsArgs),
    /// Why a figure is what it is: an output as a tree down to its inputs
    Explain(explain::ExplainArgs),
    /// The same case under two years: each output's delta and its causes
    Impact(impact::ImpactArgs),
    /// Check, compare and start yearly rulebooks
    Rules(rules_cmd::RulesCommandArgs),
    /// Payments over time: advances, regularisations, balance and deposit deadlines
    Schedule(schedule::ScheduleArgs),
    /// Generate a synthetic team case (never real data)
    Synth(synth::SynthArgs),
    /// Run declarative test cases: a team written in TOML, the outputs expected
    Test(test_cmd::TestArgs),
    /// Check exchange files against their norm before they are deposited
    Validate(validate::ValidateArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Compute(args) => compute::run(&args),
        Command::Docs(args) => docs::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Impact(args) => impact::run(&args),
        Command::Rules(args) => rules_cmd::run(&args),
        Command::Schedule(args) => schedule::run(&args),
        Command::Synth(args) => synth::run(&args),
        Command::Test(args) => test_cmd::run(&args),
        Command::Validate(args) => validate::run(&args),
    };
    let _ = std::io::stdout().flush();
    ExitCode::from(code)
}

/// Writes to stdout; a closed pipe (`peps ... | head`) is not an error.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).is_err() {
        std::process::exit(i32::from(EXIT_OK));
    }
}
