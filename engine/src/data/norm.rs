//! Norms: the field-level specification of an exchange file — file-name pattern, separator,
//! encoding, formats, and per field its type, whether it is required, its bounds and checks.
//!
//! Norms live in `norms/<name>/v<version>.toml`; a rulebook names the versions it reads.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::message::Message;

use crate::diagnostic::{Code, Diagnostic, Severity, SourceFile, did_you_mean};
use crate::names::closed_names;
use crate::rules::provenance::{Provenance, parse_choice, read_choice};
use crate::rules::source::Source;
use crate::rules::strict::{Ctx, Obj};

#[derive(Debug, Clone, Serialize)]
pub struct Norm {
    pub name: String,
    pub version: u32,
    #[serde(flatten)]
    pub provenance: Provenance,
    pub file_name: Option<FileNamePattern>,
    pub separator: u8,
    pub encoding: Encoding,
    pub date_format: String,
    pub decimal_separator: char,
    pub true_values: Vec<String>,
    pub false_values: Vec<String>,
    pub fields: Vec<Field>,
    /// Checks across the fields of a row (`[[check]]`): a row where one fails is reported, with
    /// the check's label, as a warning.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<RowCheck>,
    /// Rules across the fields of a row (`[[rule]]`): a field compared with another field, a
    /// constant or the file's period. A row that breaks one is rejected (V436).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<FieldRule>,
    /// Links to the rows of another norm's file (`[[link]]`): a value found in no row of that
    /// file (valid at the row's date, when the link says so) is a warning, when the other file
    /// is read in the same run.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// What two identical rows are: an error, or a warning when the norm has no field that tells
    /// two real events apart (two visits on one day).
    pub(crate) duplicate_rows: Severity,
    /// The fields whose values name a row (`key`): two rows of one file with the same key are an
    /// error, identical or not. Empty: the file has no natural key (two identical rows may be two
    /// real events), and only identical rows are compared (`duplicate_rows`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub key: Vec<String>,
    /// The path of the norm file, relative to the norms folder.
    pub(crate) path: String,
}

/// A check across the fields of a row: `when` (an expression over the row's columns) must hold;
/// the label says, in the norm's words, what a row that fails it contradicts.
#[derive(Debug, Clone, Serialize)]
pub struct RowCheck {
    pub label: String,
    pub when: String,
}

/// A rule of the norm (`[[rule]]`): `field op other` must hold on every row where both sides
/// have a value. Typed at load: both sides name fields of the norm and are of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct FieldRule {
    /// What a row that breaks the rule contradicts, in the norm's words.
    pub label: String,
    /// The field the rule is about (the problem names it).
    pub field: String,
    pub op: CompareOp,
    pub other: Operand,
}

closed_names! {
    /// How a rule compares its two sides.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum CompareOp {
        Less = "<",
        LessOrEqual = "<=",
        Greater = ">",
        GreaterOrEqual = ">=",
        Equal = "==",
        NotEqual = "!=",
    }
}

impl CompareOp {
    /// Whether `left op right` holds, given how `left` compares with `right`.
    pub(crate) fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Less => ordering == Less,
            CompareOp::LessOrEqual => ordering != Greater,
            CompareOp::Greater => ordering == Greater,
            CompareOp::GreaterOrEqual => ordering != Less,
            CompareOp::Equal => ordering == Equal,
            CompareOp::NotEqual => ordering != Equal,
        }
    }

    /// Whether the comparison orders its sides (a yes/no field can only be equal or not).
    fn orders(self) -> bool {
        !matches!(self, CompareOp::Equal | CompareOp::NotEqual)
    }
}

impl FieldRule {
    /// Whether the rule compares its field with the period of the data.
    pub fn reads_period(&self) -> bool {
        matches!(self.other, Operand::Period(_))
    }
}

/// The other side of a rule.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Operand {
    /// Another field of the same row (`other = "NAME"`).
    Field(String),
    /// A constant of the field's kind (`value = …`).
    Value(Constant),
    /// The first or last day of the period the file covers (`period = "start"` or `"end"`): the
    /// period its name gives, else the period of the files read with it (a case's data year).
    Period(PeriodEdge),
}

/// A constant a rule compares a field with.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Constant {
    Number(Decimal),
    Date(NaiveDate),
    Text(String),
    Bool(bool),
}

closed_names! {
    /// A day of a period.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum PeriodEdge {
        Start = "start",
        End = "end",
    }
}

/// A reference to another norm's file: the values of `fields` in a row are those of `keys` in a
/// row of norm `norm`, valid — when the reference names them — between that row's `valid_from`
/// and `valid_to` dates at this row's date field `at`.
#[derive(Debug, Clone, Serialize)]
pub struct Reference {
    pub label: String,
    pub fields: Vec<String>,
    pub norm: String,
    pub keys: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileNamePattern {
    /// E.g. `A51_PEPS_16_ACTNOM_{start}_{end}.csv`.
    pub pattern: String,
    /// The strftime format of the dates captured by `{start}` and `{end}`.
    pub date_format: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Windows1252,
}

#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub name: String,
    pub label: String,
    pub kind: FieldKind,
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<(usize, usize)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The form of a value in words, for people (`format`): what a value that breaks the
    /// pattern or the check key is told, instead of the regular expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// For a date field: the earliest and latest dates a value may take (`earliest`, `latest`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checksum: Option<Checksum>,
    /// A personal identifier: masked in every report unless asked otherwise.
    pub identifier: bool,
    /// A condition (expression over the row) under which the field becomes required.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_if: Option<String>,
    /// The date of the row (a date field): it must lie inside the period named by the file, and
    /// code lists are read at it.
    pub(crate) row_date: bool,
}

/// How a rulebook checks the codes of a norm's field, against its own lists (the norm names no
/// list, so that two schemes may read one norm with two lists): against a catalogue of every code
/// that exists (a code outside it is an error), and against the list the rulebook reads (a code
/// of the catalogue outside it is a warning, which `unlisted` words for people).
#[derive(Debug, Clone, Serialize)]
pub struct CodeCheck {
    pub norm: String,
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalogue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list: Option<String>,
    /// What a code of the catalogue outside the list comes to, in the rulebook's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unlisted: Option<String>,
}

closed_names! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum FieldKind {
        Text = "text",
        Integer = "integer",
        Decimal = "decimal",
        Date = "date",
        Bool = "bool",
        Enum = "enum",
    }
}

impl Field {
    /// Whether the field is the date of its row (which must lie inside the period the file's
    /// name gives).
    pub fn is_row_date(&self) -> bool {
        self.row_date
    }
}

impl FieldKind {
    pub(crate) fn value_kind(self) -> crate::value::Kind {
        use crate::value::Kind;
        match self {
            FieldKind::Text | FieldKind::Enum => Kind::Text,
            FieldKind::Integer | FieldKind::Decimal => Kind::Number,
            FieldKind::Date => Kind::Date,
            FieldKind::Bool => Kind::Bool,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Checksum {
    /// French social security number: key = 97 − (number mod 97), Corsica 2A/2B handled.
    Nir,
    /// Luhn check digit (professional and facility identifiers).
    Luhn,
}

impl Norm {
    /// Whether two identical rows are kept (a warning): the file has no key, and two identical rows
    /// may be two real events.
    pub fn duplicate_rows_allowed(&self) -> bool {
        self.duplicate_rows == Severity::Warning
    }

    pub(crate) fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }
}

/// Where a norm file lives in the norms folder.
pub(crate) fn norm_path(name: &str, version: u32) -> String {
    format!("{name}/v{version}.toml")
}

/// Loads norm `name` version `version` from `source`; problems go to `diags`.
pub fn load_norm(source: &dyn Source, name: &str, version: u32, diags: &mut Vec<Diagnostic>, files: &mut Vec<SourceFile>) -> Option<Norm> {
    let path = norm_path(name, version);
    let text = match source.read(&path) {
        Ok(t) => t,
        Err(reason) => {
            diags.push(
                Diagnostic::error(reason.code(), msg!("data-norm-unreadable", norm = name, version = version, reason = reason.message()))
                    .at(crate::diagnostic::Location::File { file: source.display(&path) })
                    .hint(if reason.escapes() { msg!("rules-path-escape-hint") } else { msg!("data-norm-where", path = &path) }),
            );
            return None;
        }
    };
    let file = SourceFile { path: source.display(&path), text };
    let norm = {
        let ctx = Ctx::new(&file);
        let norm = ctx.parse().and_then(|root| {
            let what = msg!("data-norm-what", name = name);
            let obj = ctx.root(&root, &what);
            let n = read_norm(&obj, name, version, &path);
            obj.finish();
            n
        });
        diags.extend(ctx.into_diagnostics());
        norm
    };
    files.push(file);
    norm
}

fn read_norm(obj: &Obj<'_, '_>, name: &str, version: u32, path: &str) -> Option<Norm> {
    let ctx = obj.ctx();
    let declared_name = obj.str("name");
    let declared_version = obj.int("version");
    if let Some(n) = &declared_name
        && n.get_ref() != name
    {
        ctx.error(Code::InvalidValue, n.span(), msg!("data-norm-name-differs", norm = name, declared = n.get_ref()));
    }
    if let Some(v) = &declared_version
        && *v.get_ref() != i64::from(version)
    {
        ctx.error(Code::InvalidValue, v.span(), msg!("data-norm-version-differs", version = version, declared = *v.get_ref()));
    }
    let provenance = Provenance::read(obj);
    let file_name = obj.opt_table("file_name").and_then(|f| {
        let pattern = f.str("pattern");
        let date_format = f.opt_str("date_format").map(|s| s.into_inner()).unwrap_or_else(|| "%Y%m%d".into());
        f.finish();
        Some(FileNamePattern { pattern: pattern?.into_inner(), date_format })
    });
    let separator = obj.str("separator").and_then(|s| {
        let b = s.get_ref().as_bytes();
        if b.len() == 1 {
            Some(b[0])
        } else {
            ctx.error(Code::InvalidValue, s.span(), msg!("data-norm-separator"));
            None
        }
    });
    let encoding = read_choice(obj, "encoding", &["utf-8", "windows-1252"], |s| match s {
        "utf-8" => Some(Encoding::Utf8),
        "windows-1252" => Some(Encoding::Windows1252),
        _ => None,
    });
    let date_format = obj.opt_str("date_format").map(|s| s.into_inner()).unwrap_or_else(|| "%d/%m/%Y".into());
    let decimal_separator = obj.opt_str("decimal_separator").map(|s| s.get_ref().chars().next().unwrap_or(',')).unwrap_or(',');
    let true_values =
        obj.str_list("true_values").map(|v| v.into_iter().map(|s| s.into_inner()).collect()).unwrap_or_else(|| vec!["O".into()]);
    let false_values =
        obj.str_list("false_values").map(|v| v.into_iter().map(|s| s.into_inner()).collect()).unwrap_or_else(|| vec!["N".into()]);
    let duplicate_rows = obj
        .opt_str("duplicate_rows")
        .and_then(|s| {
            parse_choice(obj, &s, "duplicate_rows", &["error", "warning"], |c| match c {
                "error" => Some(Severity::Error),
                "warning" => Some(Severity::Warning),
                _ => None,
            })
        })
        .unwrap_or(Severity::Error);
    let mut fields: Vec<Field> = Vec::new();
    for item in obj.array("field")? {
        let Some(f) = Obj::of(ctx, item, &Message::text("a field")) else { continue };
        if let Some(field) = read_field(&f) {
            if fields.iter().any(|g| g.name == field.name) {
                ctx.error(Code::DuplicateName, f.span(), msg!("data-norm-field-twice", field = &field.name));
            } else {
                fields.push(field);
            }
        }
        f.finish();
    }
    let key = read_key(obj, &fields);
    // Two identical rows have the same key: a norm cannot both key its rows and allow them.
    if !key.is_empty()
        && duplicate_rows == Severity::Warning
        && let Some(item) = obj.get("duplicate_rows")
    {
        ctx.error(Code::InvalidKey, item.span(), msg!("data-norm-key-allows-duplicates"));
    }
    let checks = read_checks(obj);
    let rules = read_rules(obj, &fields);
    let references = read_references(obj, &fields);
    Some(Norm {
        name: name.to_string(),
        version,
        provenance: provenance?,
        file_name,
        separator: separator?,
        encoding: encoding?,
        date_format,
        decimal_separator,
        true_values,
        false_values,
        fields,
        checks,
        rules,
        references,
        duplicate_rows,
        key,
        path: path.to_string(),
    })
}

/// `key`: the fields that name a row, each a field of the norm, once, and required (a row without
/// one of them would have no key).
fn read_key(obj: &Obj<'_, '_>, fields: &[Field]) -> Vec<String> {
    let ctx = obj.ctx();
    let Some(names) = obj.str_list("key") else { return Vec::new() };
    if names.is_empty()
        && let Some(item) = obj.get("key")
    {
        ctx.error(Code::InvalidKey, item.span(), msg!("data-norm-key-empty"));
    }
    let mut key: Vec<String> = Vec::new();
    for name in names {
        match fields.iter().find(|f| f.name == *name.get_ref()) {
            None => {
                let message = msg!("data-norm-key-unknown-field", field = name.get_ref());
                match did_you_mean(name.get_ref(), fields.iter().map(|f| f.name.as_str())) {
                    Some(h) => ctx.error_hint(Code::InvalidKey, name.span(), message, msg!("data-did-you-mean", name = h)),
                    None => ctx.error(Code::InvalidKey, name.span(), message),
                }
            }
            Some(_) if key.contains(name.get_ref()) => {
                ctx.error(Code::InvalidKey, name.span(), msg!("data-norm-key-field-twice", field = name.get_ref()));
            }
            Some(f) if !f.required => {
                ctx.error_hint(
                    Code::InvalidKey,
                    name.span(),
                    msg!("data-norm-key-optional", field = name.get_ref()),
                    msg!("data-norm-key-optional-hint"),
                );
            }
            Some(_) => key.push(name.into_inner()),
        }
    }
    key
}

/// `[[check]]`: a label and a condition (compiled by the validator, which reports its errors).
fn read_checks(obj: &Obj<'_, '_>) -> Vec<RowCheck> {
    let ctx = obj.ctx();
    let Some(items) = obj.opt_array("check") else { return Vec::new() };
    let mut out = Vec::new();
    for item in items {
        let Some(c) = Obj::of(ctx, item, &Message::text("a check")) else { continue };
        if let (Some(label), Some(when)) = (c.str("label"), c.str("when")) {
            out.push(RowCheck { label: label.into_inner(), when: when.into_inner() });
        }
        c.finish();
    }
    out
}

/// `[[rule]]`: a label, a field, an operator and one other side (`other`, `value` or `period`),
/// typed against the norm's fields: a name the norm lacks is R123, sides of two kinds R124.
fn read_rules(obj: &Obj<'_, '_>, fields: &[Field]) -> Vec<FieldRule> {
    let ctx = obj.ctx();
    let Some(items) = obj.opt_array("rule") else { return Vec::new() };
    let mut out = Vec::new();
    let find = |name: &toml::Spanned<String>| -> Option<&Field> {
        let found = fields.iter().find(|g| g.name == *name.get_ref());
        if found.is_none() {
            let message = msg!("data-rule-unknown-field", field = name.get_ref());
            match did_you_mean(name.get_ref(), fields.iter().map(|g| g.name.as_str())) {
                Some(h) => ctx.error_hint(Code::RuleField, name.span(), message, msg!("data-did-you-mean", name = h)),
                None => ctx.error(Code::RuleField, name.span(), message),
            }
        }
        found
    };
    for item in items {
        let Some(r) = Obj::of(ctx, item, &Message::text("a rule")) else { continue };
        let label = r.str("label");
        let field = r.str("field");
        let op = r.str("op").and_then(|s| parse_choice(&r, &s, "op", CompareOp::NAMES, CompareOp::parse));
        let left = field.as_ref().and_then(find);
        let sides = ["other", "value", "period"].iter().filter(|k| r.has(k)).count();
        if sides != 1 {
            ctx.error(Code::MissingKey, r.span(), msg!("data-rule-one-side"));
        }
        let other = if let Some(name) = r.opt_str("other") {
            find(&name).and_then(|g| {
                let kind = left?.kind.value_kind();
                if g.kind.value_kind() != kind {
                    ctx.error(
                        Code::RuleKinds,
                        name.span(),
                        msg!(
                            "data-rule-kinds",
                            field = &left?.name,
                            kind = left?.kind.as_str(),
                            other = &g.name,
                            other_kind = g.kind.as_str()
                        ),
                    );
                    return None;
                }
                Some(Operand::Field(g.name.clone()))
            })
        } else if r.has("period") {
            let edge = r.opt_str("period").and_then(|s| parse_choice(&r, &s, "period", PeriodEdge::NAMES, PeriodEdge::parse));
            match left {
                Some(g) if g.kind != FieldKind::Date => {
                    ctx.error(Code::RuleKinds, r.span(), msg!("data-rule-period-not-date", field = &g.name, kind = g.kind.as_str()));
                    None
                }
                _ => edge.map(Operand::Period),
            }
        } else if r.has("value") {
            left.and_then(|g| read_constant(&r, g)).map(Operand::Value)
        } else {
            None
        };
        if let (Some(g), Some(op)) = (left, op)
            && op.orders()
            && g.kind == FieldKind::Bool
        {
            ctx.error(Code::RuleKinds, r.span(), msg!("data-rule-bool-order", field = &g.name, op = op.as_str()));
            r.finish();
            continue;
        }
        r.finish();
        if let (Some(label), Some(g), Some(op), Some(other), 1) = (label, left, op, other, sides) {
            out.push(FieldRule { label: label.into_inner(), field: g.name.clone(), op, other });
        }
    }
    out
}

/// The `value` of a rule, read as a constant of `field`'s kind (R124 when it is of another).
fn read_constant(r: &Obj<'_, '_>, field: &Field) -> Option<Constant> {
    use toml::de::DeValue;
    let item = r.get("value")?;
    let fits = match field.kind {
        FieldKind::Integer | FieldKind::Decimal => matches!(item.get_ref(), DeValue::Integer(_) | DeValue::Float(_) | DeValue::String(_)),
        FieldKind::Date => matches!(item.get_ref(), DeValue::Datetime(_)),
        FieldKind::Text | FieldKind::Enum => matches!(item.get_ref(), DeValue::String(_)),
        FieldKind::Bool => matches!(item.get_ref(), DeValue::Boolean(_)),
    };
    if !fits {
        r.ctx().error(Code::RuleKinds, item.span(), msg!("data-rule-value-kind", field = &field.name, kind = field.kind.as_str()));
        return None;
    }
    // A value of the right TOML type that does not read (a text that is no number) is reported by
    // its reader.
    match field.kind {
        FieldKind::Integer | FieldKind::Decimal => r.opt_decimal("value").map(|d| Constant::Number(d.into_inner())),
        FieldKind::Date => r.opt_date("value").map(|d| Constant::Date(*d.get_ref())),
        FieldKind::Text | FieldKind::Enum => r.opt_str("value").map(|s| Constant::Text(s.into_inner())),
        FieldKind::Bool => r.opt_bool("value").map(Constant::Bool),
    }
}

/// `[[link]]`: fields of this norm, the norm and keys they refer to, maybe validity dates.
/// This norm's fields are checked here; the other norm's where both are known (a rulebook's
/// norms, the files of one validation run).
fn read_references(obj: &Obj<'_, '_>, fields: &[Field]) -> Vec<Reference> {
    let ctx = obj.ctx();
    let Some(items) = obj.opt_array("link") else { return Vec::new() };
    let mut out = Vec::new();
    for item in items {
        let Some(r) = Obj::of(ctx, item, &Message::text("a link")) else { continue };
        let label = r.str("label");
        let own = r.str_list("fields").unwrap_or_default();
        let norm = r.str("norm");
        let keys = r.str_list("keys").unwrap_or_default();
        let valid_from = r.opt_str("valid_from").map(|s| s.into_inner());
        let valid_to = r.opt_str("valid_to").map(|s| s.into_inner());
        let at = r.opt_str("at");
        let mut ok = !own.is_empty();
        for f in &own {
            if !fields.iter().any(|g| g.name == *f.get_ref()) {
                let hint = did_you_mean(f.get_ref(), fields.iter().map(|g| g.name.as_str()));
                let message = msg!("data-link-unknown-field", field = f.get_ref());
                match hint {
                    Some(h) => ctx.error_hint(Code::UndefinedName, f.span(), message, msg!("data-did-you-mean", name = h)),
                    None => ctx.error(Code::UndefinedName, f.span(), message),
                }
                ok = false;
            }
        }
        if own.len() != keys.len() {
            ctx.error(Code::InvalidValue, r.span(), msg!("data-link-keys-count", fields = own.len(), keys = keys.len()));
            ok = false;
        }
        if let Some(at) = &at {
            match fields.iter().find(|g| g.name == *at.get_ref()) {
                Some(g) if g.kind == FieldKind::Date => {}
                Some(_) => {
                    ctx.error(Code::InvalidValue, at.span(), msg!("data-link-at-not-date", field = at.get_ref()));
                    ok = false;
                }
                None => {
                    ctx.error(Code::UndefinedName, at.span(), msg!("data-link-at-unknown", field = at.get_ref()));
                    ok = false;
                }
            }
        }
        if at.is_some() != (valid_from.is_some() || valid_to.is_some()) {
            ctx.error(Code::InvalidValue, r.span(), msg!("data-link-at-needs-validity"));
            ok = false;
        }
        r.finish();
        if let (true, Some(label), Some(norm)) = (ok, label, norm) {
            out.push(Reference {
                label: label.into_inner(),
                fields: own.into_iter().map(|f| f.into_inner()).collect(),
                norm: norm.into_inner(),
                keys: keys.into_iter().map(|k| k.into_inner()).collect(),
                valid_from,
                valid_to,
                at: at.map(|a| a.into_inner()),
            });
        }
    }
    out
}

/// Whether the fields a reference reads in norm `target` exist there, and the dates are dates:
/// the problems, as messages (the caller locates them).
pub fn reference_problems(reference: &Reference, target: &Norm) -> Vec<Message> {
    let mut out = Vec::new();
    let missing = |field: &str| msg!("data-link-target-no-field", norm = &target.name, field = field, link = &reference.label);
    for key in &reference.keys {
        if target.field_index(key).is_none() {
            out.push(missing(key));
        }
    }
    for date in [&reference.valid_from, &reference.valid_to].into_iter().flatten() {
        match target.fields.iter().find(|f| f.name == *date) {
            Some(f) if f.kind == FieldKind::Date => {}
            Some(_) => out.push(msg!("data-link-target-not-date", norm = &target.name, field = date, link = &reference.label)),
            None => out.push(missing(date)),
        }
    }
    out
}

fn read_field(f: &Obj<'_, '_>) -> Option<Field> {
    let name = f.str("name");
    let label = f.opt_str("label").map(|s| s.into_inner());
    let kind = read_choice(f, "type", FieldKind::NAMES, FieldKind::parse);
    let required = f.opt_bool("required").unwrap_or(false);
    let exact = f.opt_int("length");
    let min_len = f.opt_int("min_length");
    let max_len = f.opt_int("max_length");
    let length = match (exact, min_len, max_len) {
        (Some(l), _, _) => Some((*l.get_ref() as usize, *l.get_ref() as usize)),
        (None, None, None) => None,
        (None, a, b) => Some((a.map_or(0, |a| *a.get_ref() as usize), b.map_or(usize::MAX, |b| *b.get_ref() as usize))),
    };
    let values: Vec<String> = f.str_list("values").unwrap_or_default().into_iter().map(|s| s.into_inner()).collect();
    let checksum = f.opt_str("checksum").and_then(|s| {
        parse_choice(f, &s, "checksum", &["nir", "luhn"], |c| match c {
            "nir" => Some(Checksum::Nir),
            "luhn" => Some(Checksum::Luhn),
            _ => None,
        })
    });
    let (earliest, latest) = (f.opt_date("earliest"), f.opt_date("latest"));
    let pattern = f.opt_str("pattern");
    let format = f.opt_str("format").map(|s| s.into_inner());
    // A regular expression says nothing to the person whose value breaks it: the norm says the
    // form in words.
    if let (Some(p), None, Some(n)) = (&pattern, &format, &name) {
        f.ctx().warning(
            Code::PatternWithoutFormat,
            p.span(),
            msg!("data-norm-pattern-without-format", field = n.get_ref()),
            msg!("data-norm-pattern-without-format-hint"),
        );
    }
    let field = Field {
        name: name?.into_inner(),
        label: label.unwrap_or_default(),
        kind: kind?,
        required,
        length,
        pattern: pattern.map(|s| s.into_inner()),
        format,
        values,
        min: f.opt_decimal("min").map(|d| d.into_inner()),
        max: f.opt_decimal("max").map(|d| d.into_inner()),
        earliest: earliest.as_ref().map(|d| *d.get_ref()),
        latest: latest.as_ref().map(|d| *d.get_ref()),
        checksum,
        identifier: f.opt_bool("identifier").unwrap_or(false),
        required_if: f.opt_str("required_if").map(|s| s.into_inner()),
        row_date: f.opt_bool("row_date").unwrap_or(false),
    };
    for bound in [&earliest, &latest].into_iter().flatten() {
        if field.kind != FieldKind::Date {
            f.ctx().error(
                Code::RuleKinds,
                bound.span(),
                msg!("data-norm-date-range-not-date", field = &field.name, kind = field.kind.as_str()),
            );
            return None;
        }
    }
    if let (Some(a), Some(b)) = (&earliest, &latest)
        && a.get_ref() > b.get_ref()
    {
        f.ctx().error(Code::InvalidValue, b.span(), msg!("data-norm-date-range-empty", field = &field.name));
        return None;
    }
    if field.kind == FieldKind::Enum && field.values.is_empty() {
        f.ctx().error(Code::MissingKey, f.span(), msg!("data-norm-enum-values", field = &field.name));
        return None;
    }
    Some(field)
}
