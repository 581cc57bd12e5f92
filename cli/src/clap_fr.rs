//! clap's own words in the run's language: the headings and the usage line of every help
//! (`Utilisation`, `Commandes`), wrapped to the terminal's width, the help and version flags, the
//! `[par défaut : …]`, `[env : …]` and possible values of an option, and the usage errors
//! (`MissingRequiredArgument`, `InvalidValue`, `UnknownArgument`, …) rendered through the
//! message files with their context. clap writes these in English and has no catalogue of its
//! own, so every command is rewritten once before the arguments are parsed.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use peps_engine::message::Lang;
use peps_engine::msg;

/// `cmd` and every command under it with clap's words taken from the message files. The
/// `help` subcommand clap adds is described too, which needs the command built first.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let mut cmd = walk(cmd, lang, true);
    cmd.build();
    let about = msg!("cli-clap-help-subcommand").render(lang);
    cmd.mut_subcommand("help", |s| s.about(about))
}

fn walk(mut cmd: Command, lang: Lang, root: bool) -> Command {
    let usage = msg!("cli-clap-usage").render(lang);
    cmd = cmd
        .help_template(format!("{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"))
        .subcommand_help_heading(msg!("cli-clap-commands").render(lang))
        .term_width(crate::width::columns())
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help(msg!("cli-clap-help-flag").render(lang)));
    if root && cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version").short('V').long("version").action(ArgAction::Version).help(msg!("cli-clap-version-flag").render(lang)),
        );
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| arg(a, lang));
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |s| walk(s, lang, false));
    }
    cmd
}

/// One argument: its default value, environment variable and possible values written in the
/// run's words after its help instead of clap's `[default: …]`. (clap's headings `Arguments` and
/// `Options` are French words too.)
fn arg(a: Arg, lang: Lang) -> Arg {
    let mut notes: Vec<String> = Vec::new();
    if a.get_action().takes_values() {
        let values: Vec<String> = a.get_possible_values().iter().filter(|v| !v.is_hide_set()).map(|v| v.get_name().to_string()).collect();
        if !values.is_empty() {
            notes.push(msg!("cli-clap-possible-values", values = values.join(", ")).render(lang));
        }
        if let Some(env) = a.get_env() {
            notes.push(msg!("cli-clap-env", name = env.to_string_lossy().into_owned()).render(lang));
        }
        let defaults: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        if !defaults.is_empty() && !a.is_hide_default_value_set() {
            notes.push(msg!("cli-clap-default", value = defaults.join(", ")).render(lang));
        }
    }
    let a = if a.get_action().takes_values() { a.hide_possible_values(true).hide_env(true).hide_default_value(true) } else { a };
    if notes.is_empty() {
        return a;
    }
    let help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let notes = notes.join(" ");
    a.help(if help.is_empty() { notes } else { format!("{help} {notes}") })
}

/// A usage error as people read it in `lang`: what is wrong, with the argument and the values
/// clap found, then the usage line and where to read more. Help and version requests are not
/// errors: clap prints them.
pub fn render_error(err: &clap::Error, lang: Lang) -> Option<String> {
    let arg = string(err, ContextKind::InvalidArg);
    let value = string(err, ContextKind::InvalidValue);
    let what = match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(err, ContextKind::InvalidArg).iter().map(|a| format!("\n  {a}")).collect::<String>();
            msg!("cli-clap-missing", args = missing)
        }
        ErrorKind::InvalidValue if value.is_empty() => msg!("cli-clap-value-missing", arg = arg.as_str()),
        ErrorKind::InvalidValue => msg!("cli-clap-invalid-value", value = value.as_str(), arg = arg.as_str()),
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(err).map(ToString::to_string).unwrap_or_default();
            msg!("cli-clap-value-refused", value = value.as_str(), arg = arg.as_str(), reason = reason)
        }
        ErrorKind::UnknownArgument => msg!("cli-clap-unknown-argument", arg = arg.as_str()),
        ErrorKind::InvalidSubcommand => msg!("cli-clap-unknown-command", name = string(err, ContextKind::InvalidSubcommand)),
        ErrorKind::ArgumentConflict => {
            let prior = strings(err, ContextKind::PriorArg).join(", ");
            msg!("cli-clap-conflict", arg = arg.as_str(), prior = prior)
        }
        ErrorKind::TooManyValues => msg!("cli-clap-too-many-values", value = value.as_str(), arg = arg.as_str()),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = number(err, ContextKind::ExpectedNumValues).or_else(|| number(err, ContextKind::MinValues)).unwrap_or(0);
            let actual = number(err, ContextKind::ActualNumValues).unwrap_or(0);
            msg!("cli-clap-number-of-values", arg = arg.as_str(), expected = expected, actual = actual)
        }
        ErrorKind::NoEquals => msg!("cli-clap-no-equals", arg = arg.as_str()),
        ErrorKind::MissingSubcommand => msg!("cli-clap-missing-command", name = string(err, ContextKind::InvalidSubcommand)),
        _ => msg!("cli-clap-invalid"),
    };
    let mut out = msg!("cli-error", message = what).render(lang);
    let valid = strings(err, ContextKind::ValidValue);
    if !valid.is_empty() {
        out.push_str(&format!("\n  {}", msg!("cli-clap-possible-values", values = valid.join(", ")).render(lang)));
    }
    let suggested: Vec<String> = [ContextKind::SuggestedArg, ContextKind::SuggestedValue, ContextKind::SuggestedSubcommand]
        .into_iter()
        .flat_map(|k| strings(err, k))
        .collect();
    if !suggested.is_empty() {
        out.push_str(&format!("\n  {}", msg!("cli-clap-suggested", names = suggested.join(", ")).render(lang)));
    }
    if err.kind() == ErrorKind::UnknownArgument && arg.starts_with('-') && suggested.is_empty() {
        out.push_str(&format!("\n  {}", msg!("cli-clap-dash-dash", arg = arg.as_str()).render(lang)));
    }
    let usage = string(err, ContextKind::Usage);
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, rest)| rest);
    if !usage.is_empty() {
        out.push_str(&format!("\n\n{} {usage}", msg!("cli-clap-usage").render(lang)));
    }
    out.push_str(&format!("\n\n{}\n", msg!("cli-clap-more").render(lang)));
    Some(out)
}

/// The one string of a context (the first of a list).
fn string(err: &clap::Error, kind: ContextKind) -> String {
    strings(err, kind).into_iter().next().unwrap_or_default()
}

fn strings(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(s)) => s.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(s)) => s.iter().map(ToString::to_string).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

fn number(err: &clap::Error, kind: ContextKind) -> Option<i64> {
    match err.get(kind) {
        Some(ContextValue::Number(n)) => i64::try_from(*n).ok(),
        _ => None,
    }
}
