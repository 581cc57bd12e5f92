//! `peps`: the command line of the rules engine. It parses arguments, reads files, calls the
//! engine and renders; the rules themselves live in `rules/` and `norms/`.

// The doc comments of clap arguments are `--help` text for people, written as they read it
// (`rules-<year>.md`, `[2025]`), not rustdoc markup.
#![allow(rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags)]

mod args;
mod batch;
mod builtin;
mod case_folders;
mod case_row;
mod case_run;
mod caught;
mod clap_fr;
mod compute;
mod cpu;
mod docs;
mod exit;
mod explain;
mod format;
mod html;
mod impact;
mod json;
mod language;
mod manifest;
mod national;
mod output;
mod parallel;
mod report;
mod rules_cmd;
mod say;
mod schedule;
mod synth;
mod temp;
mod test_cmd;
mod validate;
mod width;
mod workspace;
mod xlsx;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use peps_engine::message::Lang;

use crate::exit::EXIT_IO;
use crate::language::{lang_arg, language_asked, localized};

#[derive(Parser)]
#[command(name = "peps", version, about = "A rules engine for remunerations written as yearly rulebooks: compute, explain, schedule and check them", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of what peps writes for people: fr (default) or en
    #[arg(long, global = true, env = "PEPS_LANG", value_name = "LANG", value_parser = lang_arg, default_value = "fr")]
    lang: Lang,
}

#[derive(Subcommand)]
enum Command {
    /// The amount of one case for a year, component by component (or of every case of a folder)
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
    /// Generate a synthetic case (never real data)
    Synth(synth::SynthArgs),
    /// Run declarative test cases: a case written in TOML, the outputs expected
    Test(test_cmd::TestArgs),
    /// Check exchange files against their norm before they are deposited
    Validate(validate::ValidateArgs),
}

fn main() -> ExitCode {
    // The help is written in the language asked before the arguments are parsed.
    let lang = language_asked();
    language::set(lang);
    let locale_asked = std::env::args().any(|a| a.starts_with("--locale")) || std::env::var_os("PEPS_LOCALE").is_some();
    format::FRENCH_ASKED.store(locale_asked, std::sync::atomic::Ordering::Relaxed);
    let matches = match clap_fr::localize(localized(Cli::command(), "", lang), lang).try_get_matches() {
        Ok(matches) => matches,
        Err(e) => match clap_fr::render_error(&e, lang) {
            Some(text) => {
                eprint!("{text}");
                return ExitCode::from(EXIT_IO);
            }
            None => e.exit(),
        },
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    language::set(cli.lang);
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

#[cfg(test)]
mod help_tests {
    use peps_engine::message::lookup;

    use super::*;

    /// Every command and option has its help in the message files, and every help message names
    /// a command or an option that exists.
    #[test]
    fn the_help_of_every_command_and_option_is_in_the_message_files() {
        fn walk(cmd: &clap::Command, path: &str, wanted: &mut Vec<(String, Vec<String>)>) {
            let id = if path.is_empty() { "help".to_string() } else { format!("help-{path}") };
            wanted.push((id.clone(), Vec::new()));
            for a in cmd.get_arguments().filter(|a| !a.is_hide_set() && a.get_id() != "help" && a.get_id() != "version") {
                wanted.push((format!("{id}--{}", a.get_id()), vec![format!("help--{}", a.get_id())]));
            }
            for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let p = if path.is_empty() { s.get_name().to_string() } else { format!("{path}-{}", s.get_name()) };
                walk(s, &p, wanted);
            }
        }
        let mut wanted = Vec::new();
        walk(&Cli::command(), "", &mut wanted);
        for lang in Lang::ALL {
            let missing: Vec<&String> = wanted
                .iter()
                .filter(|(id, alternatives)| lookup(lang, id).is_none() && alternatives.iter().all(|a| lookup(lang, a).is_none()))
                .map(|(id, _)| id)
                .collect();
            assert!(missing.is_empty(), "no help in messages/{}.ftl for: {missing:?}", lang.code());
        }
        let known: Vec<String> = wanted.iter().flat_map(|(id, alts)| std::iter::once(id.clone()).chain(alts.iter().cloned())).collect();
        let (ids, _) = peps_engine::message::message_ids(Lang::Fr);
        let stale: Vec<&String> = ids.iter().filter(|id| id.starts_with("help") && !known.contains(id)).collect();
        assert!(stale.is_empty(), "help messages of no command or option: {stale:?}");
    }
}
