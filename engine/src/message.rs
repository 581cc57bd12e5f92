//! Messages for people: an identifier of the message files (`messages/fr.ftl`,
//! `messages/en.ftl`, Project Fluent) and its arguments, rendered in the language of the run when
//! it is shown. Every sentence the engine and the CLI write for a person is one of them; the
//! French file is the default, the English one is chosen by the CLI (`--lang en`).

use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use chrono::NaiveDate;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_decimal::Decimal;

/// The message files, built into the binary: a run needs no file beside it.
const FRENCH: &str = include_str!("../../messages/fr.ftl");
const ENGLISH: &str = include_str!("../../messages/en.ftl");

/// A language messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// `fr`, `fr-FR`, `fr_FR.UTF-8`, `en`, `en-GB`…: the language, or `None` for another one.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        let code = lower.split(['-', '_', '.']).next().unwrap_or("");
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code of the language (`fr`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The text of the language's message file.
    pub fn source(self) -> &'static str {
        match self {
            Lang::Fr => FRENCH,
            Lang::En => ENGLISH,
        }
    }
}

// The engine's own tests read its messages in English, as they were written; a run reads them in
// the language the CLI sets (French unless asked).
static LANG: AtomicU8 = AtomicU8::new(if cfg!(test) { 1 } else { 0 });

/// Sets the language every message is rendered in from now on.
pub fn set_language(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are rendered in.
pub fn language() -> Lang {
    if LANG.load(Ordering::Relaxed) == 1 { Lang::En } else { Lang::Fr }
}

/// A value a message shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is: a name, a code, a file, a value as a file wrote it.
    Text(String),
    /// A whole number (a count selects the plural form of the message).
    Int(i64),
    /// A decimal number, written with the language's decimal separator.
    Decimal(Decimal),
    /// A date, written `JJ/MM/AAAA`.
    Date(NaiveDate),
    /// A message inside the message, in the same language.
    Message(Box<Message>),
}

/// A sentence for a person: the identifier of a message of the message files and its arguments,
/// or text that is not ours to translate (a reason given by the system, a file's own words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Id { id: &'static str, args: Vec<(&'static str, Arg)> },
    Text(String),
}

impl Message {
    /// The message `id` of the message files, without arguments yet.
    pub fn id(id: &'static str) -> Message {
        Message::Id { id, args: Vec::new() }
    }

    /// The message with argument `name` (`{ $name }` in the files) set to `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        if let Message::Id { args, .. } = &mut self {
            args.push((name, value.into()));
        }
        self
    }

    /// Text that is not a message of ours: shown as it is in every language.
    pub fn text(text: impl Into<String>) -> Message {
        Message::Text(text.into())
    }

    /// The identifier of the message, if it is one of the message files.
    pub fn message_id(&self) -> Option<&'static str> {
        match self {
            Message::Id { id, .. } => Some(id),
            Message::Text(_) => None,
        }
    }

    /// The message written in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Message::Text(t) => t.clone(),
            Message::Id { id, args } => render_id(lang, id, args),
        }
    }
}

impl Message {
    /// Whether the message, as rendered in the run's language, contains `pattern`.
    pub fn contains(&self, pattern: &str) -> bool {
        self.to_string().contains(pattern)
    }

    /// Whether the message, as rendered in the run's language, starts with `prefix`.
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.to_string().starts_with(prefix)
    }
}

/// A message equals the text it renders to in the run's language.
impl PartialEq<&str> for Message {
    #[allow(clippy::cmp_owned, reason = "a message is compared as the text it renders to")]
    fn eq(&self, other: &&str) -> bool {
        self.to_string() == *other
    }
}

impl PartialEq<str> for Message {
    #[allow(clippy::cmp_owned, reason = "a message is compared as the text it renders to")]
    fn eq(&self, other: &str) -> bool {
        self.to_string() == other
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(language()))
    }
}

impl From<String> for Message {
    fn from(t: String) -> Message {
        Message::Text(t)
    }
}

impl From<&str> for Message {
    fn from(t: &str) -> Message {
        Message::Text(t.to_string())
    }
}

impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(v.to_string())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(v)
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Arg {
        Arg::Text(v.clone())
    }
}
impl From<char> for Arg {
    fn from(v: char) -> Arg {
        Arg::Text(v.to_string())
    }
}
impl From<Decimal> for Arg {
    fn from(v: Decimal) -> Arg {
        Arg::Decimal(v)
    }
}
impl From<&Decimal> for Arg {
    fn from(v: &Decimal) -> Arg {
        Arg::Decimal(*v)
    }
}
impl From<NaiveDate> for Arg {
    fn from(v: NaiveDate) -> Arg {
        Arg::Date(v)
    }
}
impl From<&NaiveDate> for Arg {
    fn from(v: &NaiveDate) -> Arg {
        Arg::Date(*v)
    }
}
impl From<Message> for Arg {
    fn from(v: Message) -> Arg {
        Arg::Message(Box::new(v))
    }
}

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Int(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(v: &$t) -> Arg {
                Arg::Int(i64::try_from(*v).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_args!(i32, i64, u8, u16, u32, u64, usize);

impl Arg {
    /// The argument written in the run's language.
    pub fn text(&self) -> String {
        arg_text(language(), self)
    }
}

/// A message of the message files: `msg!("id")`, `msg!("id", name = value, …)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::message::Message::id($id)$(.with(stringify!($name), $value))*
    };
}

/// The message `id` (known only when the program runs, e.g. the help of a command line option)
/// without arguments, in `lang`, if the message files have it.
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, None, &mut errors).into_owned())
}

/// The message `id` of `lang` with `args`, written out: `id` itself, with its arguments, if the
/// language has no such message (the test of the message files makes sure none is missing).
fn render_id(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        let shown: Vec<String> = args.iter().map(|(k, v)| format!("{k}={}", arg_text(lang, v))).collect();
        return format!("{id}({})", shown.join(", "));
    };
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        let v: FluentValue<'_> = match value {
            Arg::Int(n) => FluentValue::from(*n),
            other => FluentValue::from(arg_text(lang, other)),
        };
        fargs.set(*name, v);
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
}

fn arg_text(lang: Lang, arg: &Arg) -> String {
    match arg {
        Arg::Text(t) => t.clone(),
        Arg::Int(n) => n.to_string(),
        Arg::Decimal(d) => match lang {
            Lang::Fr => d.to_string().replace('.', ","),
            Lang::En => d.to_string(),
        },
        Arg::Date(d) => d.format("%d/%m/%Y").to_string(),
        Arg::Message(m) => m.render(lang),
    }
}

/// The bundle of `lang`, built once per run.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| Lang::ALL.map(build));
    &bundles[lang as usize]
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::Fr => unic_langid::langid!("fr"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals, CSV cells and tests read the text as it is: no invisible isolation marks.
    bundle.set_use_isolating(false);
    // A syntax error of the file leaves the entries it could read; the test of the message files
    // refuses such a file, so a run never meets one.
    let resource = FluentResource::try_new(lang.source().to_string()).unwrap_or_else(|(partial, _)| partial);
    // Duplicate identifiers keep the first: the test of the message files refuses them too.
    let _ = bundle.add_resource(resource);
    bundle
}

/// The identifiers of the messages of `lang`'s file, in the file's order, and the problems of
/// the file (syntax errors), for the test that keeps the two files in step.
pub fn message_ids(lang: Lang) -> (Vec<String>, Vec<String>) {
    let (resource, errors) = match FluentResource::try_new(lang.source().to_string()) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e.iter().map(|e| format!("{e:?}")).collect()),
    };
    let ids = resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    (ids, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_rendered_in_each_language_with_its_arguments() {
        let m = msg!("test-sample", count = 3_u32, name = "G");
        assert_eq!(m.render(Lang::En), "3 rows of code G");
        assert_eq!(m.render(Lang::Fr), "3 lignes de code G");
        let one = msg!("test-sample", count = 1_u32, name = "G");
        assert_eq!(one.render(Lang::Fr), "1 ligne de code G");
    }

    #[test]
    fn an_unknown_identifier_shows_itself_and_its_arguments() {
        let unknown = Message::Id { id: "no-such-message", args: vec![("n", Arg::Int(2))] };
        assert_eq!(unknown.render(Lang::Fr), "no-such-message(n=2)");
    }

    #[test]
    fn languages_are_read_from_their_usual_spellings() {
        assert_eq!(Lang::parse("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }
}
