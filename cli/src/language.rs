//! The run's language: the engine returns messages and holds no language, the CLI renders them.
//! `main` sets it once, from `--lang` or `PEPS_LANG` read before the arguments are parsed, and
//! every sentence the CLI writes — tables, notes, errors, reports and the sentences inside JSON —
//! is rendered in it here.

use std::sync::atomic::{AtomicU8, Ordering};

use peps_engine::message::{Lang, Message, render_json};
use serde::Serialize;

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
