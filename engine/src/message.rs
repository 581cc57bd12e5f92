//! Messages for people: an identifier of the message files (`messages/fr.ftl`,
//! `messages/en.ftl`, Project Fluent) and its arguments. Every sentence the engine and the CLI
//! write for a person is one of them. The engine returns messages and never renders them: it
//! holds no language. Whoever shows one renders it in the language it is given
//! (`Message::render`, `render_json`): the CLI, in the run's language (French unless `--lang en`).

use std::sync::OnceLock;

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

/// A message carried through an `std::io::Error` (a reader that stops on a line too long): its
/// own text is the identifier only; `Message::of_io` gives the message back.
#[derive(Debug)]
pub struct IoMessage(pub Message);

impl std::fmt::Display for IoMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.message_id().unwrap_or("message"))
    }
}

impl std::error::Error for IoMessage {}

/// A value a message shows.
#[derive(Debug, Clone, Eq)]
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
    Id {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    Text(String),
    /// Messages shown one after the other with `sep` between them: a list, a name and its value.
    Join {
        parts: Vec<Message>,
        sep: &'static str,
    },
}

/// Two arguments are equal when they are shown alike: `1.0` and `1.00` are two decimals here.
impl PartialEq for Arg {
    fn eq(&self, other: &Arg) -> bool {
        match (self, other) {
            (Arg::Text(a), Arg::Text(b)) => a == b,
            (Arg::Int(a), Arg::Int(b)) => a == b,
            (Arg::Decimal(a), Arg::Decimal(b)) => a == b && a.scale() == b.scale(),
            (Arg::Date(a), Arg::Date(b)) => a == b,
            (Arg::Message(a), Arg::Message(b)) => a == b,
            _ => false,
        }
    }
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

    /// The reason of an I/O error: the message it carries (`IoMessage`), else the system's words.
    pub fn of_io(e: &std::io::Error) -> Message {
        match e.get_ref().and_then(|inner| inner.downcast_ref::<IoMessage>()) {
            Some(IoMessage(m)) => m.clone(),
            None => Message::text(e.to_string()),
        }
    }

    /// The message in English, as the engine's tests read it.
    #[cfg(test)]
    pub(crate) fn en(&self) -> String {
        self.render(Lang::En)
    }

    /// `parts` shown one after the other with `sep` between them; text when they all are.
    pub fn join(parts: impl IntoIterator<Item = Message>, sep: &'static str) -> Message {
        let parts: Vec<Message> = parts.into_iter().collect();
        if parts.iter().all(|p| matches!(p, Message::Text(_))) {
            let texts: Vec<&str> = parts.iter().filter_map(|p| if let Message::Text(t) = p { Some(t.as_str()) } else { None }).collect();
            return Message::Text(texts.join(sep));
        }
        Message::Join { parts, sep }
    }

    /// The text, when the message is text that is not ours (the same in every language).
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Message::Text(t) => Some(t),
            Message::Id { .. } | Message::Join { .. } => None,
        }
    }

    /// The identifier of the message, if it is one of the message files.
    pub fn message_id(&self) -> Option<&'static str> {
        match self {
            Message::Id { id, .. } => Some(id),
            Message::Text(_) | Message::Join { .. } => None,
        }
    }

    /// The message written in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Message::Text(t) => t.clone(),
            Message::Join { parts, sep } => parts.iter().map(|p| p.render(lang)).collect::<Vec<_>>().join(sep),
            Message::Id { id, args } => render_id(lang, id, args.iter().map(|(k, v)| (*k, Filled::of(lang, v)))),
        }
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

impl From<&String> for Message {
    fn from(t: &String) -> Message {
        Message::Text(t.clone())
    }
}

impl From<&&str> for Arg {
    fn from(v: &&str) -> Arg {
        Arg::Text((*v).to_string())
    }
}

/// The key of the one-entry map a message of the message files is serialized as: its identifier
/// and arguments, not yet rendered (`render_json` renders it in a language). No key of ours starts
/// with a control character.
const WIRE_KEY: &str = "\u{1}message";

/// A message serializes as its text when it is not ours, else as `{WIRE_KEY: …}`: JSON written for
/// people goes through `render_json`, which renders each message in the language it is given.
impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Message::Text(t) => s.serialize_str(t),
            Message::Id { .. } | Message::Join { .. } => {
                let mut map = s.serialize_map(Some(1))?;
                map.serialize_entry(WIRE_KEY, &WireMessage::of(self))?;
                map.end()
            }
        }
    }
}

/// A message as JSON carries it until it is rendered.
#[derive(serde::Serialize, serde::Deserialize)]
struct Wire {
    id: String,
    args: Vec<(String, WireArg)>,
}

#[derive(serde::Serialize, serde::Deserialize)]
enum WireArg {
    Text(String),
    Int(i64),
    Decimal(Decimal),
    Date(NaiveDate),
    Message(Box<WireMessage>),
}

#[derive(serde::Serialize, serde::Deserialize)]
enum WireMessage {
    Id(Wire),
    Text(String),
    Join(Vec<WireMessage>, String),
}

impl Wire {
    fn render(&self, lang: Lang) -> String {
        let args = self.args.iter().map(|(name, value)| {
            let filled = match value {
                WireArg::Int(n) => Filled::Int(*n),
                WireArg::Text(t) => Filled::Text(t.clone()),
                WireArg::Decimal(d) => Filled::Text(decimal_text(lang, *d)),
                WireArg::Date(d) => Filled::Text(date_text(*d)),
                WireArg::Message(m) => Filled::Text(m.render(lang)),
            };
            (name.as_str(), filled)
        });
        render_id(lang, &self.id, args)
    }
}

impl WireMessage {
    fn render(&self, lang: Lang) -> String {
        match self {
            WireMessage::Id(w) => w.render(lang),
            WireMessage::Text(t) => t.clone(),
            WireMessage::Join(parts, sep) => parts.iter().map(|p| p.render(lang)).collect::<Vec<_>>().join(sep),
        }
    }

    fn of(m: &Message) -> WireMessage {
        match m {
            Message::Text(t) => WireMessage::Text(t.clone()),
            Message::Join { parts, sep } => WireMessage::Join(parts.iter().map(WireMessage::of).collect(), (*sep).to_string()),
            Message::Id { id, args } => WireMessage::Id(Wire {
                id: (*id).to_string(),
                args: args
                    .iter()
                    .map(|(name, value)| {
                        let value = match value {
                            Arg::Text(t) => WireArg::Text(t.clone()),
                            Arg::Int(n) => WireArg::Int(*n),
                            Arg::Decimal(d) => WireArg::Decimal(*d),
                            Arg::Date(d) => WireArg::Date(*d),
                            Arg::Message(m) => WireArg::Message(Box::new(WireMessage::of(m))),
                        };
                        ((*name).to_string(), value)
                    })
                    .collect(),
            }),
        }
    }
}

/// `value` (JSON holding messages, as `serde_json::to_value` gives it) with every message rendered
/// in `lang`: the one way JSON for people gets its sentences.
pub fn render_json(value: &mut serde_json::Value, lang: Lang) {
    match value {
        serde_json::Value::Object(map) => {
            if map.len() == 1
                && let Some(wire) = map.get(WIRE_KEY)
            {
                // What `Message::serialize` wrote reads back; anything else is left as it is.
                if let Ok(m) = serde_json::from_value::<WireMessage>(wire.clone()) {
                    *value = serde_json::Value::String(m.render(lang));
                }
                return;
            }
            map.values_mut().for_each(|v| render_json(v, lang));
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| render_json(v, lang)),
        _ => {}
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
impl From<&Message> for Arg {
    fn from(v: &Message) -> Arg {
        Arg::Message(Box::new(v.clone()))
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
    /// The argument written in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        arg_text(lang, self)
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
fn render_id<'a>(lang: Lang, id: &str, args: impl Iterator<Item = (&'a str, Filled)>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        let shown: Vec<String> = args.map(|(k, v)| format!("{k}={}", v.text())).collect();
        return format!("{id}({})", shown.join(", "));
    };
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        let v: FluentValue<'_> = match value {
            Filled::Int(n) => FluentValue::from(n),
            Filled::Text(t) => FluentValue::from(t),
        };
        fargs.set(name, v);
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
}

/// An argument ready for Fluent: a count (which selects a plural form) or text in the language.
enum Filled {
    Int(i64),
    Text(String),
}

impl Filled {
    fn of(lang: Lang, arg: &Arg) -> Filled {
        match arg {
            Arg::Int(n) => Filled::Int(*n),
            other => Filled::Text(arg_text(lang, other)),
        }
    }

    fn text(self) -> String {
        match self {
            Filled::Int(n) => n.to_string(),
            Filled::Text(t) => t,
        }
    }
}

fn arg_text(lang: Lang, arg: &Arg) -> String {
    match arg {
        Arg::Text(t) => t.clone(),
        Arg::Int(n) => n.to_string(),
        Arg::Decimal(d) => decimal_text(lang, *d),
        Arg::Date(d) => date_text(*d),
        Arg::Message(m) => m.render(lang),
    }
}

fn decimal_text(lang: Lang, d: Decimal) -> String {
    match lang {
        Lang::Fr => d.to_string().replace('.', ","),
        Lang::En => d.to_string(),
    }
}

fn date_text(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The bundle of `lang`, built once per run when a message is first written in it: a run speaks
/// one language, and parsing a message file is a millisecond and a half of a run's start.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| build(lang))
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
    fn json_carries_messages_until_it_is_rendered_in_a_language() {
        #[derive(serde::Serialize)]
        struct Shown {
            a: Message,
            b: Option<Message>,
            c: Message,
            d: Vec<Message>,
        }
        let inner = msg!("test-sample", count = 1_u32, name = Decimal::new(150, 2));
        let joined = Message::join([Message::text("G"), inner], " / ");
        let m = msg!("test-sample", count = 3_u32, name = joined);
        let shown = Shown { a: m.clone(), b: None, c: Message::text("plain"), d: vec![msg!("test-sample", count = 2_u32, name = "D")] };
        for lang in Lang::ALL {
            let mut json = serde_json::to_value(&shown).unwrap();
            render_json(&mut json, lang);
            let expected = serde_json::json!({ "a": m.render(lang), "b": null, "c": "plain", "d": [shown.d[0].render(lang)] });
            assert_eq!(json, expected);
        }
        assert_eq!(m.render(Lang::Fr), "3 lignes de code G / 1 ligne de code 1,50");
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
