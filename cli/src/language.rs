//! The language of a run: read before clap parses the arguments (so that the help and the
//! checks of argument values speak it), and the help of every command and option taken from the
//! message files.
//!
//! The run's language: the engine returns messages and holds no language, the CLI renders them.
//! `main` sets it once, from `--lang` or `PEPS_LANG` read before the arguments are parsed, and
//! every sentence the CLI writes — tables, notes, errors, reports and the sentences inside JSON —
//! is rendered in it here.

use std::sync::atomic::{AtomicU8, Ordering};

use peps_engine::message::{Lang, Message, lookup, render_json};
use peps_engine::msg;
use serde::Serialize;

/// `fr`, `en`, or a system locale such as `fr_FR.UTF-8`.
pub fn lang_arg(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| msg!("cli-lang-unknown", text = text).say())
}

/// The language of `--lang` or `PEPS_LANG`, read before the arguments are parsed (clap then checks
/// them), French otherwise.
pub fn language_asked() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let flag = args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix("--lang") {
        Some("") => args.get(i + 1).cloned(),
        Some(rest) => rest.strip_prefix('=').map(str::to_string),
        None => None,
    });
    flag.or_else(|| std::env::var("PEPS_LANG").ok()).and_then(|l| Lang::parse(&l)).unwrap_or(Lang::Fr)
}

/// `cmd` with its description and its options' help taken from the message files
/// (`help-<path>`, `help-<path>--<option>`, or `help--<option>` for an option every command
/// shares); what they lack keeps the text of the code.
pub fn localized(mut cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let id = if path.is_empty() { "help".to_string() } else { format!("help-{path}") };
    if let Some(about) = lookup(lang, &id) {
        cmd = cmd.about(about);
    }
    let options: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for option in options {
        let help = lookup(lang, &format!("{id}--{option}")).or_else(|| lookup(lang, &format!("help--{option}")));
        if let Some(help) = help {
            cmd = cmd.mut_arg(option, |a| a.help(help));
        }
    }
    let subcommands: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subcommands {
        let sub_path = if path.is_empty() { name.clone() } else { format!("{path}-{name}") };
        cmd = cmd.mut_subcommand(name, |s| localized(s, &sub_path, lang));
    }
    cmd
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of the run.
pub fn set(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// The language of the run (French unless `--lang en`).
pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == Lang::En as u8 { Lang::En } else { Lang::Fr }
}

/// A message written in the run's language.
pub trait Say {
    fn say(&self) -> String;
}

impl Say for Message {
    fn say(&self) -> String {
        self.render(lang())
    }
}

/// `value` as JSON, every message in it rendered in `lang`.
pub fn json_value<T: Serialize + ?Sized>(value: &T, lang: Lang) -> serde_json::Value {
    let mut json = serde_json::to_value(value).unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }));
    render_json(&mut json, lang);
    json
}
