//! A norm compiled for validation: its file-name pattern, fields, the code lists a rulebook checks
//! its code fields against (with their validity spans and patterns), and the conditions of
//! required-if fields, checked once before any file is read.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::data::field::{DateFormat, FieldPlan, Formats};
use crate::data::norm::{CodeCheck, CompareOp, Constant, FieldKind, Norm, Operand, PeriodEdge};
use crate::diagnostic::{Code, Diagnostic, Location, did_you_mean};
use crate::expr::{self, Expr, NameError, Resolver, Slot};
use crate::ids::{ColumnId, ExistsId, SetId};
use crate::message::Message;
use crate::rules::list::CodeList;
use crate::validate::Problem;
use crate::validate::file_name::NamePattern;
use crate::validate::links::KeySpec;
use crate::validate::short_map::ShortMap;
use crate::value::{Kind, Period, Value};

/// A norm compiled for validation, with the code lists a rulebook checks its fields against.
///
/// A clone shares the compiled patterns and gets scratch space of its own for them: a thread
/// that reads a chunk of a file matches patterns without waiting on the others (the `regex`
/// crate's advice for a pattern used by several threads at once).
#[derive(Clone)]
pub struct Validator<'a> {
    pub(crate) norm: &'a Norm,
    pub(crate) fields: Vec<FieldPlan>,
    pub(crate) formats: Formats,
    pub(crate) file_name: Option<NamePattern>,
    pub(crate) row_date: Option<usize>,
    pub(crate) lists: Vec<Option<CodeRef<'a>>>,
    pub(crate) conditions: Vec<Option<Condition>>,
    /// The fields with a list or a condition, read by the checks of the whole row.
    pub(crate) rule_fields: Vec<usize>,
    /// The norm's checks across the fields of a row, with their labels.
    pub(crate) row_checks: Vec<(String, Condition)>,
    /// The norm's references to other files, their fields as indexes.
    pub(crate) references: Vec<RefPlan>,
    /// The fields of the norm's key (none: the file has no key), in the key's order.
    pub(crate) key: Vec<usize>,
    /// The norm's rules across fields (`[[rule]]`), their fields as indexes.
    pub(crate) rules: Vec<RulePlan>,
}

/// A rule of the norm (`[[rule]]`), compiled: the field, the operator and the other side.
#[derive(Clone)]
pub(crate) struct RulePlan {
    pub(crate) label: String,
    pub(crate) field: usize,
    pub(crate) op: CompareOp,
    pub(crate) other: Other,
}

/// The other side of a compiled rule.
#[derive(Clone)]
pub(crate) enum Other {
    Field(usize),
    Value(Value),
    Period(PeriodEdge),
}

/// A reference of the norm (`[[link]]`), compiled: this norm's fields, the date field of
/// the row, and what the other file must give.
#[derive(Clone)]
pub(crate) struct RefPlan {
    pub(crate) label: String,
    pub(crate) fields: Vec<usize>,
    pub(crate) at: Option<usize>,
    pub(crate) spec: KeySpec,
}

/// The lists the codes of one field are checked against: a code outside the catalogue is an
/// error; a code of the catalogue outside the list a warning (`unlisted` says what it comes to);
/// without a catalogue, a code outside the list is an error.
#[derive(Clone)]
pub(crate) struct CodeRef<'a> {
    pub(crate) catalogue: Option<ListRef<'a>>,
    pub(crate) list: Option<ListRef<'a>>,
    pub(crate) unlisted: Option<String>,
}

/// Validity dates of a code (a code may have several versions), as `CodeList::find` reads them.
type Spans = Vec<(Option<NaiveDate>, Option<NaiveDate>)>;

#[derive(Clone)]
pub(crate) struct ListRef<'a> {
    pub(crate) list: &'a CodeList,
    /// Every code of the list, whatever its dates.
    /// Shared by the clones of a validator (one per thread reading a chunk of a file): a list of
    /// thousands of codes is built once.
    pub(crate) codes: Arc<HashSet<&'a str>>,
    /// The dates each code is valid between, in a map that is quick for the short codes of a file.
    pub(crate) spans: Arc<ShortMap<Spans>>,
    /// The items that are patterns, compiled for bytes, with their dates.
    pub(crate) patterns: Vec<(regex::bytes::Regex, Option<NaiveDate>, Option<NaiveDate>)>,
}

impl<'a> ListRef<'a> {
    pub(crate) fn new(list: &'a CodeList) -> Self {
        let mut spans: ShortMap<Spans> = ShortMap::default();
        for item in list.items.iter().filter(|i| !i.pattern) {
            match spans.get_mut(item.code.as_bytes()) {
                Some(v) => v.push((item.from, item.to)),
                None => spans.insert(item.code.as_bytes(), vec![(item.from, item.to)]),
            }
        }
        // The list compiled its patterns as text; a byte pattern of the same text matches the same
        // codes (codes are checked as the bytes of the file, UTF-8).
        let patterns = list
            .patterns()
            .iter()
            .filter_map(|(i, re)| {
                let item = &list.items[*i];
                regex::bytes::Regex::new(re.as_str()).ok().map(|b| (b, item.from, item.to))
            })
            .collect();
        let codes = list.items.iter().filter(|i| !i.pattern).map(|it| it.code.as_str()).collect();
        ListRef { list, codes: Arc::new(codes), spans: Arc::new(spans), patterns }
    }

    pub(crate) fn contains(&self, code: &[u8], at: Option<NaiveDate>) -> bool {
        let valid = |from: &Option<NaiveDate>, to: &Option<NaiveDate>| match at {
            Some(date) => from.is_none_or(|f| f <= date) && to.is_none_or(|t| date <= t),
            None => true,
        };
        self.spans.get(code).is_some_and(|spans| spans.iter().any(|(from, to)| valid(from, to)))
            || self.patterns.iter().any(|(re, from, to)| valid(from, to) && re.is_match(code))
    }

    /// Whether the list has `code` at some date (a hint when it lacks it at the row's).
    pub(crate) fn knows(&self, code: &str) -> bool {
        self.codes.contains(code) || self.patterns.iter().any(|(re, _, _)| re.is_match(code.as_bytes()))
    }
}

#[derive(Clone)]
pub(crate) struct Condition {
    pub(crate) text: String,
    pub(crate) expr: Expr,
    /// The fields the condition reads.
    pub(crate) refs: Vec<usize>,
}

impl<'a> Validator<'a> {
    /// Compiles `norm`, with the code checks of `checks` that concern it (their lists found among
    /// `lists`). Problems of the norm itself (a pattern or condition that does not compile) and of
    /// the checks (an unknown list) are diagnostics.
    pub fn new(norm: &'a Norm, lists: &'a [CodeList], checks: &[CodeCheck]) -> Result<Validator<'a>, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let at = || Location::File { file: norm.path.clone() };
        let mut fields = Vec::new();
        let mut plan_lists = Vec::new();
        let mut conditions = Vec::new();
        let mut row_date: Option<usize> = None;
        for (i, field) in norm.fields.iter().enumerate() {
            match FieldPlan::compile(field) {
                Ok(f) => fields.push(f),
                Err(e) => diags.push(
                    Diagnostic::error(Code::InvalidValue, msg!("data-norm-field-problem", field = &field.name, message = e.message()))
                        .at(at()),
                ),
            }
            let check = checks.iter().find(|c| c.norm == norm.name && c.field == field.name);
            plan_lists.push(check.and_then(|check| {
                let mut find = |name: &Option<String>| -> Option<ListRef<'a>> {
                    let name = name.as_ref()?;
                    match lists.iter().find(|l| &l.name == name) {
                        Some(list) => Some(ListRef::new(list)),
                        None => {
                            let mut d =
                                Diagnostic::error(Code::UndefinedName, msg!("data-check-unknown-list", field = &field.name, list = name))
                                    .at(at());
                            if let Some(close) = did_you_mean(name, lists.iter().map(|l| l.name.as_str())) {
                                d = d.hint(msg!("data-did-you-mean", name = close));
                            }
                            diags.push(d);
                            None
                        }
                    }
                };
                let (catalogue, list) = (find(&check.catalogue), find(&check.list));
                (catalogue.is_some() || list.is_some()).then(|| CodeRef { catalogue, list, unlisted: check.unlisted.clone() })
            }));
            conditions.push(field.required_if.as_ref().and_then(|text| match compile_condition(norm, text) {
                Ok(c) => Some(c),
                Err((code, message)) => {
                    diags.push(
                        Diagnostic::error(code, msg!("data-required-if-invalid", field = &field.name, condition = text, message = message))
                            .at(at())
                            .hint(msg!("data-required-if-hint")),
                    );
                    None
                }
            }));
            if field.row_date {
                if field.kind != FieldKind::Date {
                    diags.push(Diagnostic::error(Code::InvalidValue, msg!("data-row-date-not-date", field = &field.name)).at(at()));
                } else if let Some(other) = row_date {
                    let other: &str = &norm.fields[other].name;
                    diags.push(
                        Diagnostic::error(Code::InvalidValue, msg!("data-row-date-twice", first = other, second = &field.name)).at(at()),
                    );
                } else {
                    row_date = Some(i);
                }
            }
        }
        let formats =
            [Some(("date_format", &norm.date_format)), norm.file_name.as_ref().map(|f| ("file_name.date_format", &f.date_format))];
        for (key, format) in formats.into_iter().flatten() {
            if !DateFormat::is_valid(format) {
                diags.push(Diagnostic::error(Code::InvalidValue, msg!("data-date-format-invalid", key = key, format = format)).at(at()));
            }
        }
        let file_name = norm.file_name.as_ref().and_then(|f| match NamePattern::compile(f) {
            Ok(p) => Some(p),
            Err(e) => {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        msg!("data-file-name-pattern-invalid", pattern = &f.pattern, reason = e.to_string()),
                    )
                    .at(at()),
                );
                None
            }
        });
        if !diags.is_empty() {
            return Err(diags);
        }
        let mut row_checks = Vec::new();
        for check in &norm.checks {
            match compile_condition(norm, &check.when) {
                Ok(c) => row_checks.push((check.label.clone(), c)),
                Err((code, message)) => diags.push(
                    Diagnostic::error(code, msg!("data-check-invalid", label = &check.label, condition = &check.when, message = message))
                        .at(at())
                        .hint(msg!("data-check-invalid-hint")),
                ),
            }
        }
        // The norm's loading checked that the fields exist.
        let references = norm
            .references
            .iter()
            .map(|r| RefPlan {
                label: r.label.clone(),
                fields: r.fields.iter().filter_map(|f| norm.field_index(f)).collect(),
                at: r.at.as_deref().and_then(|a| norm.field_index(a)),
                spec: KeySpec { norm: r.norm.clone(), keys: r.keys.clone(), from: r.valid_from.clone(), to: r.valid_to.clone() },
            })
            .collect();
        if !diags.is_empty() {
            return Err(diags);
        }
        // The norm's loading checked that the key's fields exist.
        let key = norm.key.iter().filter_map(|k| norm.field_index(k)).collect();
        // The norm's loading typed the rules: their fields exist and their sides are of one kind.
        let rules = norm
            .rules
            .iter()
            .filter_map(|r| {
                let other = match &r.other {
                    Operand::Field(f) => Other::Field(norm.field_index(f)?),
                    Operand::Value(Constant::Number(n)) => Other::Value(Value::Number(*n)),
                    Operand::Value(Constant::Date(d)) => Other::Value(Value::Date(*d)),
                    Operand::Value(Constant::Text(t)) => Other::Value(Value::text(t)),
                    Operand::Value(Constant::Bool(b)) => Other::Value(Value::Bool(*b)),
                    Operand::Period(edge) => Other::Period(*edge),
                };
                Some(RulePlan { label: r.label.clone(), field: norm.field_index(&r.field)?, op: r.op, other })
            })
            .collect();
        let rule_fields = (0..norm.fields.len()).filter(|&f| plan_lists[f].is_some() || conditions[f].is_some()).collect();
        Ok(Validator {
            norm,
            fields,
            formats: Formats::of(norm),
            file_name,
            row_date,
            lists: plan_lists,
            conditions,
            rule_fields,
            row_checks,
            references,
            key,
            rules,
        })
    }

    /// Checks a file name against the norm's pattern; returns the period it names, if any.
    pub(crate) fn check_name(&self, name: &str) -> (Option<Period>, Vec<Problem>) {
        match &self.file_name {
            Some(p) => p.check(name, &self.formats.date),
            None => (None, Vec::new()),
        }
    }
}

/// Resolves the names of a `required_if` condition: the norm's columns.
pub(crate) struct Columns<'n> {
    pub(crate) norm: &'n Norm,
    pub(crate) refs: Vec<usize>,
}

impl Resolver for Columns<'_> {
    fn name(&mut self, name: &str, member: Option<&str>) -> Result<(Slot, Kind), NameError> {
        if member.is_some() {
            return Err(NameError::MemberInCondition(name.to_string()));
        }
        let Some(i) = self.norm.field_index(name) else {
            let suggestion = did_you_mean(name, self.norm.fields.iter().map(|f| f.name.as_str())).map(str::to_string);
            return Err(NameError::NotANormColumn { name: name.to_string(), norm: self.norm.name.clone(), suggestion });
        };
        if !self.refs.contains(&i) {
            self.refs.push(i);
        }
        Ok((Slot::Column(ColumnId::from(i)), self.norm.fields[i].kind.value_kind()))
    }

    fn set(&mut self, view: &str, _column: &str) -> Result<(SetId, Kind), NameError> {
        Err(NameError::NotInCondition(format!("in {view}.…")))
    }

    fn enter(&mut self, view: &str) -> Result<ExistsId, NameError> {
        Err(NameError::NotInCondition(format!("exists({view}, …)")))
    }

    fn leave(&mut self) {}
}

pub(crate) fn compile_condition(norm: &Norm, text: &str) -> Result<Condition, (Code, Message)> {
    let ast = expr::parse(text).map_err(|e| (e.code(), e.message()))?;
    let mut columns = Columns { norm, refs: Vec::new() };
    let (expr, kind) = expr::check(&ast, &mut columns).map_err(|e| (e.code(), e.message()))?;
    if !matches!(kind, Kind::Bool | Kind::Null) {
        return Err((Code::TypeMismatch, msg!("data-condition-not-bool", kind = kind.name())));
    }
    Ok(Condition { text: text.to_string(), expr, refs: columns.refs })
}
