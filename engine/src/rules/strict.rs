//! Strict reading of TOML rule files with spans: every unknown key, wrong type or missing key is
//! reported with its file:line:col, and reading goes on so that all problems come out at once.
//!
//! Why not serde derive: toml's deserializer (1.2) stops at the first error, visits struct fields
//! in sorted rather than document order, and `deny_unknown_fields` reports one key at a time.
//! Walking the spanned `DeTable` keeps every span and lets a loader collect every diagnostic of a
//! file in one pass.

use std::cell::RefCell;
use std::ops::Range;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::location::LineIndex;
use crate::diagnostic::{Code, Diagnostic, Location, SourceFile, did_you_mean};
use crate::message::Message;
use crate::value::parse_rule_decimal;

pub(crate) type Item<'i> = Spanned<DeValue<'i>>;

/// One file being read: its text and the diagnostics found so far.
pub(crate) struct Ctx<'f> {
    pub(crate) file: &'f SourceFile,
    diags: RefCell<Vec<Diagnostic>>,
    /// Built at the first location asked for: a file with many problems places each in the time
    /// of its own line.
    lines: std::cell::OnceCell<LineIndex>,
}

impl<'f> Ctx<'f> {
    pub(crate) fn new(file: &'f SourceFile) -> Self {
        Ctx { file, diags: RefCell::new(Vec::new()), lines: std::cell::OnceCell::new() }
    }

    pub(crate) fn loc(&self, span: Range<usize>) -> Location {
        self.lines.get_or_init(|| LineIndex::new(&self.file.text)).location(self.file, span)
    }

    pub(crate) fn report(&self, d: Diagnostic) {
        self.diags.borrow_mut().push(d);
    }

    pub(crate) fn error(&self, code: Code, span: Range<usize>, message: impl Into<Message>) {
        self.report(Diagnostic::error(code, message).at(self.loc(span)));
    }

    pub(crate) fn warning(&self, code: Code, span: Range<usize>, message: impl Into<Message>, hint: impl Into<Message>) {
        self.report(Diagnostic::warning(code, message).at(self.loc(span)).hint(hint));
    }

    pub(crate) fn error_hint(&self, code: Code, span: Range<usize>, message: impl Into<Message>, hint: impl Into<Message>) {
        self.report(Diagnostic::error(code, message).at(self.loc(span)).hint(hint));
    }

    pub(crate) fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diags.into_inner()
    }

    /// Parses the whole file; syntax errors are reported and `None` returned when nothing usable
    /// could be recovered.
    pub(crate) fn parse(&self) -> Option<Spanned<DeTable<'f>>> {
        let (table, errors) = DeTable::parse_recoverable(&self.file.text);
        let failed = !errors.is_empty();
        for e in errors {
            let span = e.span().unwrap_or(0..0);
            self.error(Code::TomlSyntax, span, msg!("rules-toml-invalid", reason = e.message().trim_end_matches('\n')));
        }
        if failed { None } else { Some(table) }
    }

    /// A reader over the root table of the file.
    pub(crate) fn root<'c>(&'c self, table: &'c Spanned<DeTable<'f>>, what: &Message) -> Obj<'c, 'f> {
        Obj::new(self, table.get_ref(), table.span(), what)
    }
}

/// A reader over one TOML table: each key asked is remembered, and `finish` reports the others.
pub(crate) struct Obj<'c, 'i> {
    ctx: &'c Ctx<'i>,
    table: &'c DeTable<'i>,
    span: Range<usize>,
    /// What the table is ("parameter `x`"), a noun phrase of the messages: the readers pass it
    /// down, and the messages about the table's keys name it.
    what: Message,
    asked: RefCell<Vec<String>>,
}

impl<'c, 'i> Obj<'c, 'i> {
    pub(crate) fn new(ctx: &'c Ctx<'i>, table: &'c DeTable<'i>, span: Range<usize>, what: &Message) -> Self {
        Obj { ctx, table, span, what: what.clone(), asked: RefCell::new(Vec::new()) }
    }

    /// Reads `item` as a table, or reports a wrong type.
    pub(crate) fn of(ctx: &'c Ctx<'i>, item: &'c Item<'i>, what: &Message) -> Option<Self> {
        match item.get_ref() {
            DeValue::Table(t) => Some(Obj::new(ctx, t, item.span(), what)),
            other => {
                let message = msg!("rules-wrong-type", what = what, expected = msg!("rules-type-table"), found = type_name(other));
                ctx.error(Code::WrongType, item.span(), message);
                None
            }
        }
    }

    pub(crate) fn table_ref(&self) -> &'c DeTable<'i> {
        self.table
    }

    pub(crate) fn ctx(&self) -> &'c Ctx<'i> {
        self.ctx
    }

    pub(crate) fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    pub(crate) fn what(&self) -> &Message {
        &self.what
    }

    /// The entries of the table in document order, for tables keyed by user names.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (&'c Spanned<std::borrow::Cow<'i, str>>, &'c Item<'i>)> {
        self.table.iter()
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.asked.borrow_mut().push(key.to_string());
        self.table.get(key).is_some()
    }

    pub(crate) fn get(&self, key: &str) -> Option<&'c Item<'i>> {
        self.asked.borrow_mut().push(key.to_string());
        self.table.get(key)
    }

    /// Marks keys as known without reading them (read elsewhere, or alternatives).
    pub(crate) fn allow(&self, keys: &[&str]) {
        self.asked.borrow_mut().extend(keys.iter().map(|k| k.to_string()));
    }

    fn missing(&self, key: &str) {
        self.ctx.error(Code::MissingKey, self.span.clone(), msg!("rules-missing-key", what = &self.what, key = key));
    }

    pub(crate) fn req<T>(&self, key: &str, read: impl Fn(&Ctx<'i>, &Item<'i>, &Message) -> Option<T>) -> Option<T> {
        match self.get(key) {
            Some(item) => read(self.ctx, item, &key_of(key, &self.what)),
            None => {
                self.missing(key);
                None
            }
        }
    }

    pub(crate) fn opt<T>(&self, key: &str, read: impl Fn(&Ctx<'i>, &Item<'i>, &Message) -> Option<T>) -> Option<T> {
        self.get(key).and_then(|item| read(self.ctx, item, &key_of(key, &self.what)))
    }

    pub(crate) fn str(&self, key: &str) -> Option<Spanned<String>> {
        self.req(key, read_str)
    }

    pub(crate) fn opt_str(&self, key: &str) -> Option<Spanned<String>> {
        self.opt(key, read_str)
    }

    pub(crate) fn decimal(&self, key: &str) -> Option<Spanned<Decimal>> {
        self.req(key, read_decimal)
    }

    pub(crate) fn opt_decimal(&self, key: &str) -> Option<Spanned<Decimal>> {
        self.opt(key, read_decimal)
    }

    pub(crate) fn bool(&self, key: &str) -> Option<bool> {
        self.req(key, read_bool)
    }

    pub(crate) fn opt_bool(&self, key: &str) -> Option<bool> {
        self.opt(key, read_bool)
    }

    pub(crate) fn date(&self, key: &str) -> Option<Spanned<NaiveDate>> {
        self.req(key, read_date)
    }

    pub(crate) fn opt_date(&self, key: &str) -> Option<Spanned<NaiveDate>> {
        self.opt(key, read_date)
    }

    pub(crate) fn int(&self, key: &str) -> Option<Spanned<i64>> {
        self.req(key, read_int)
    }

    pub(crate) fn opt_int(&self, key: &str) -> Option<Spanned<i64>> {
        self.opt(key, read_int)
    }

    pub(crate) fn table(&self, key: &str) -> Option<Obj<'c, 'i>> {
        let what = key_of(key, &self.what);
        match self.get(key) {
            Some(item) => Obj::of(self.ctx, item, &what),
            None => {
                self.missing(key);
                None
            }
        }
    }

    pub(crate) fn opt_table(&self, key: &str) -> Option<Obj<'c, 'i>> {
        let what = key_of(key, &self.what);
        self.get(key).and_then(|item| Obj::of(self.ctx, item, &what))
    }

    pub(crate) fn array(&self, key: &str) -> Option<&'c [Item<'i>]> {
        match self.get(key) {
            Some(item) => read_array(self.ctx, item, &key_of(key, &self.what)),
            None => {
                self.missing(key);
                None
            }
        }
    }

    pub(crate) fn opt_array(&self, key: &str) -> Option<&'c [Item<'i>]> {
        let item = self.get(key)?;
        read_array(self.ctx, item, &key_of(key, &self.what))
    }

    pub(crate) fn str_list(&self, key: &str) -> Option<Vec<Spanned<String>>> {
        let items = self.opt_array(key)?;
        Some(items.iter().filter_map(|i| read_str(self.ctx, i, &msg!("rules-item-of-key", key = key))).collect())
    }

    /// Reports every key that was never asked for, with a "did you mean" among the asked ones.
    pub(crate) fn finish(self) {
        let asked = self.asked.borrow();
        for (key, _) in self.table.iter() {
            if asked.iter().any(|a| a == key.get_ref().as_ref()) {
                continue;
            }
            let hint = match did_you_mean(key.get_ref(), asked.iter().map(String::as_str)) {
                Some(close) => msg!("rules-did-you-mean", name = close),
                None => msg!("rules-known-keys", keys = list_keys(&asked)),
            };
            let message = msg!("rules-unknown-key", key = key.get_ref().as_ref(), what = &self.what);
            self.ctx.error_hint(Code::UnknownKey, key.span(), message, hint);
        }
    }
}

fn list_keys(keys: &[String]) -> String {
    let mut keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

/// A date in a message: as the rule files write it in English (2025-01-31), JJ/MM/AAAA in French.
pub(crate) fn date(d: NaiveDate) -> Message {
    msg!("rules-date", iso = d.to_string(), date = d)
}

/// What `what` of `of` is called in the messages: "`key` of parameter `x`".
pub(crate) fn key_of(key: &str, of: &Message) -> Message {
    msg!("rules-key-of", key = key, what = of)
}

/// The kind of a TOML value, as a message names it ("a string").
pub(crate) fn type_name(v: &DeValue<'_>) -> Message {
    match v {
        DeValue::String(_) => msg!("rules-type-string"),
        DeValue::Integer(_) => msg!("rules-type-integer"),
        DeValue::Float(_) => msg!("rules-type-decimal"),
        DeValue::Boolean(_) => msg!("rules-type-boolean"),
        DeValue::Datetime(_) => msg!("rules-type-date"),
        DeValue::Array(_) => msg!("rules-type-array"),
        DeValue::Table(_) => msg!("rules-type-table"),
    }
}

fn wrong(ctx: &Ctx<'_>, item: &Item<'_>, what: &Message, expected: Message, hint: Option<Message>) {
    let message = msg!("rules-wrong-type", what = what, expected = expected, found = type_name(item.get_ref()));
    match hint {
        Some(h) => ctx.error_hint(Code::WrongType, item.span(), message, h),
        None => ctx.error(Code::WrongType, item.span(), message),
    }
}

pub(crate) fn read_str(ctx: &Ctx<'_>, item: &Item<'_>, what: &Message) -> Option<Spanned<String>> {
    match item.get_ref() {
        DeValue::String(s) => Some(Spanned::new(item.span(), s.to_string())),
        _ => {
            wrong(ctx, item, what, msg!("rules-type-string"), None);
            None
        }
    }
}

pub(crate) fn read_bool(ctx: &Ctx<'_>, item: &Item<'_>, what: &Message) -> Option<bool> {
    match item.get_ref() {
        DeValue::Boolean(b) => Some(*b),
        _ => {
            wrong(ctx, item, what, msg!("rules-type-true-or-false"), None);
            None
        }
    }
}

pub(crate) fn read_int(ctx: &Ctx<'_>, item: &Item<'_>, what: &Message) -> Option<Spanned<i64>> {
    match item.get_ref() {
        DeValue::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(v) => Some(Spanned::new(item.span(), v)),
            Err(_) => {
                ctx.error(Code::InvalidValue, item.span(), msg!("rules-out-of-range", what = what));
                None
            }
        },
        _ => {
            wrong(ctx, item, what, msg!("rules-type-integer"), None);
            None
        }
    }
}

/// A decimal from a string ("0.20"), an integer or a TOML float; a float is read from its source
/// text, never through `f64`, so `0.1` stays exactly one tenth.
pub(crate) fn read_decimal(ctx: &Ctx<'_>, item: &Item<'_>, what: &Message) -> Option<Spanned<Decimal>> {
    let text = match item.get_ref() {
        DeValue::String(s) => s.to_string(),
        DeValue::Integer(i) if i.radix() == 10 => i.as_str().replace('_', ""),
        DeValue::Float(f) => f.as_str().replace('_', ""),
        _ => {
            wrong(ctx, item, what, msg!("rules-type-decimal"), Some(msg!("rules-decimal-as-string")));
            return None;
        }
    };
    match parse_rule_decimal(&text) {
        Some(d) => Some(Spanned::new(item.span(), d)),
        None => {
            ctx.error_hint(
                Code::InvalidValue,
                item.span(),
                msg!("rules-not-decimal", what = what, text = &text),
                msg!("rules-decimal-point"),
            );
            None
        }
    }
}

pub(crate) fn read_date(ctx: &Ctx<'_>, item: &Item<'_>, what: &Message) -> Option<Spanned<NaiveDate>> {
    match item.get_ref() {
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date?;
            match NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()) {
                Some(date) => Some(Spanned::new(item.span(), date)),
                None => {
                    ctx.error(Code::InvalidValue, item.span(), msg!("rules-not-calendar-date", what = what));
                    None
                }
            }
        }
        _ => {
            wrong(ctx, item, what, msg!("rules-type-date"), Some(msg!("rules-date-unquoted")));
            None
        }
    }
}

pub(crate) fn read_array<'c, 'i>(ctx: &Ctx<'i>, item: &'c Item<'i>, what: &Message) -> Option<&'c [Item<'i>]> {
    match item.get_ref() {
        DeValue::Array(a) => Some(a),
        _ => {
            wrong(ctx, item, what, msg!("rules-type-array"), None);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, f: impl Fn(&Obj<'_, '_>)) -> Vec<Diagnostic> {
        let file = SourceFile { path: "t.toml".into(), text: text.into() };
        let ctx = Ctx::new(&file);
        if let Some(root) = ctx.parse() {
            let obj = ctx.root(&root, &Message::text("the file"));
            f(&obj);
            obj.finish();
        }
        ctx.into_diagnostics()
    }

    #[test]
    fn decimals_are_exact_whatever_their_spelling() {
        let diags = read("a = \"0.10\"\nb = 0.1\nc = 3\n", |o| {
            assert_eq!(o.decimal("a").unwrap().into_inner().to_string(), "0.10");
            assert_eq!(o.decimal("b").unwrap().into_inner().to_string(), "0.1");
            assert_eq!(o.decimal("c").unwrap().into_inner().to_string(), "3");
        });
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn reports_every_problem_with_its_position() {
        let diags = read("label = 3\ntx_plafond = \"0.2\"\nother = 1\n", |o| {
            o.str("label");
            o.decimal("taux_plafond");
        });
        let summary: Vec<String> = diags
            .iter()
            .map(|d| format!("{} {} {}", d.code, d.location.as_ref().unwrap(), d.hint.as_ref().map(Message::en).unwrap_or_default()))
            .collect();
        assert_eq!(
            summary,
            vec![
                "R102 t.toml:1:9 ".to_string(),
                "R103 t.toml:1:1 ".to_string(),
                "R101 t.toml:2:1 did you mean `taux_plafond`?".to_string(),
                "R101 t.toml:3:1 known keys: `label`, `taux_plafond`".to_string(),
            ]
        );
    }

    #[test]
    fn dates_must_be_toml_dates() {
        let diags = read("a = 2025-02-28\nb = \"2025-02-28\"\n", |o| {
            assert!(o.date("a").is_some());
            assert!(o.date("b").is_none());
        });
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::WrongType);
    }
}
