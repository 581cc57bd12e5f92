//! A norm compiled for validation: its file-name pattern, fields, code lists with their validity
//! spans, and the conditions of required-if fields, checked once before any file is read.

use std::collections::HashSet;
use std::io::{self, Read};

use chrono::NaiveDate;
use regex::Regex;

use crate::data::field::{DateFormat, FieldPlan, Formats};
use crate::data::norm::{FieldKind, Norm};
use crate::diagnostic::{Code, Diagnostic, Location, did_you_mean};
use crate::expr::{self, Expr, NameError, Resolver, Slot};
use crate::ids::{ColumnId, ExistsId, SetId};
use crate::rules::list::CodeList;
use crate::validate::file_name::NamePattern;
use crate::validate::run::Run;
use crate::validate::short_map::ShortMap;
use crate::validate::split::Splitter;
use crate::validate::{FileReport, Options, Problem, Sink};
use crate::value::{Kind, Period};

/// A norm compiled for validation, with the code lists its fields name.
pub struct Validator<'a> {
    pub(crate) norm: &'a Norm,
    pub(crate) fields: Vec<FieldPlan>,
    pub(crate) formats: Formats,
    pub(crate) file_name: Option<NamePattern>,
    pub(crate) row_date: Option<usize>,
    pub(crate) lists: Vec<Option<ListRef<'a>>>,
    pub(crate) conditions: Vec<Option<Condition>>,
    /// The fields with a list or a condition, read by the checks of the whole row.
    pub(crate) rule_fields: Vec<usize>,
}

pub(crate) struct ListRef<'a> {
    pub(crate) list: &'a CodeList,
    /// Every code of the list, whatever its dates.
    pub(crate) codes: HashSet<&'a str>,
    /// The dates each code is valid between (a code may have several versions), as
    /// `CodeList::find` reads them, in a map that is quick for the short codes of a file.
    pub(crate) spans: ShortMap<Vec<(Option<NaiveDate>, Option<NaiveDate>)>>,
}

impl<'a> ListRef<'a> {
    pub(crate) fn new(list: &'a CodeList) -> Self {
        let mut spans: ShortMap<Vec<(Option<NaiveDate>, Option<NaiveDate>)>> = ShortMap::default();
        for item in &list.items {
            match spans.get_mut(item.code.as_bytes()) {
                Some(v) => v.push((item.from, item.to)),
                None => spans.insert(item.code.as_bytes(), vec![(item.from, item.to)]),
            }
        }
        ListRef { list, codes: list.items.iter().map(|it| it.code.as_str()).collect(), spans }
    }

    pub(crate) fn contains(&self, code: &[u8], at: Option<NaiveDate>) -> bool {
        self.spans.get(code).is_some_and(|spans| match at {
            Some(date) => spans.iter().any(|(from, to)| from.is_none_or(|f| f <= date) && to.is_none_or(|t| date <= t)),
            None => true,
        })
    }
}

pub(crate) struct Condition {
    pub(crate) text: String,
    pub(crate) expr: Expr,
    /// The fields the condition reads.
    pub(crate) refs: Vec<usize>,
}

impl<'a> Validator<'a> {
    /// Compiles `norm`, finding the lists its fields name among `lists`. Problems of the norm
    /// itself (a pattern or condition that does not compile, an unknown list) are diagnostics.
    pub fn new(norm: &'a Norm, lists: &'a [CodeList]) -> Result<Validator<'a>, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let at = || Location::File { file: norm.path.clone() };
        let mut fields = Vec::new();
        let mut plan_lists = Vec::new();
        let mut conditions = Vec::new();
        let mut row_date: Option<usize> = None;
        for (i, field) in norm.fields.iter().enumerate() {
            match FieldPlan::compile(field) {
                Ok(f) => fields.push(f),
                Err(e) => diags.push(Diagnostic::error(Code::InvalidValue, format!("field `{}`: {e}", field.name)).at(at())),
            }
            plan_lists.push(field.list.as_ref().and_then(|name| match lists.iter().find(|l| &l.name == name) {
                Some(list) => Some(ListRef::new(list)),
                None => {
                    let mut d = Diagnostic::error(
                        Code::UndefinedName,
                        format!("field `{}` names list `{name}`, which is not among the lists given", field.name),
                    )
                    .at(at());
                    if let Some(close) = did_you_mean(name, lists.iter().map(|l| l.name.as_str())) {
                        d = d.hint(format!("did you mean `{close}`?"));
                    }
                    diags.push(d);
                    None
                }
            }));
            conditions.push(field.required_if.as_ref().and_then(|text| match compile_condition(norm, text) {
                Ok(c) => Some(c),
                Err((code, message)) => {
                    diags.push(
                        Diagnostic::error(code, format!("field `{}`: required_if `{text}`: {message}", field.name))
                            .at(at())
                            .hint("a condition names columns of the norm and compares them, e.g. CODE == 'K'"),
                    );
                    None
                }
            }));
            if field.row_date {
                if field.kind != FieldKind::Date {
                    diags.push(
                        Diagnostic::error(Code::InvalidValue, format!("field `{}` is the row date but not a date", field.name)).at(at()),
                    );
                } else if let Some(other) = row_date {
                    let other: &str = &norm.fields[other].name;
                    diags.push(
                        Diagnostic::error(Code::InvalidValue, format!("fields `{other}` and `{}` are both the row date", field.name))
                            .at(at()),
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
                diags.push(Diagnostic::error(Code::InvalidValue, format!("{key} `{format}` is not a strftime date format")).at(at()));
            }
        }
        let file_name = norm.file_name.as_ref().and_then(|f| match NamePattern::compile(f) {
            Ok(p) => Some(p),
            Err(e) => {
                diags.push(
                    Diagnostic::error(Code::InvalidValue, format!("the file-name pattern `{}` does not compile: {e}", f.pattern)).at(at()),
                );
                None
            }
        });
        if !diags.is_empty() {
            return Err(diags);
        }
        let rule_fields = (0..norm.fields.len()).filter(|&f| plan_lists[f].is_some() || conditions[f].is_some()).collect();
        Ok(Validator { norm, fields, formats: Formats::of(norm), file_name, row_date, lists: plan_lists, conditions, rule_fields })
    }

    /// Checks a file name against the norm's pattern; returns the period it names, if any.
    pub(crate) fn check_name(&self, name: &str) -> (Option<Period>, Vec<Problem>) {
        match &self.file_name {
            Some(p) => p.check(name, &self.formats.date),
            None => (None, Vec::new()),
        }
    }

    /// Validates the rows of `input`, a file called `name` (its size, when known, lets duplicate
    /// detection size its table once). Errors are those of reading `input` or writing to `sink`.
    pub fn run<R: Read>(&self, name: &str, input: R, size: Option<u64>, options: &Options, sink: &mut dyn Sink) -> io::Result<FileReport> {
        let (period, name_problems) = self.check_name(name);
        let mut run = Run::new(self, options, sink, name, period);
        for p in name_problems {
            run.emit(p)?;
        }
        let mut splitter = Splitter::new(input, self.norm.separator);
        if run.read_header(&mut splitter)? {
            run.read_rows(&mut splitter, size)?;
        }
        Ok(run.finish())
    }
}

/// `{start}` and `{end}` (any `{name}`) become captures; the rest is literal.
pub(crate) fn compile_name(pattern: &str) -> Result<(Regex, Regex), regex::Error> {
    let mut re = String::from("^");
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        re.push_str(&regex::escape(&rest[..open]));
        let name = &rest[open + 1..open + close];
        re.push_str(&format!("(?P<{name}>.+?)"));
        rest = &rest[open + close + 1..];
    }
    re.push_str(&regex::escape(rest));
    re.push('$');
    Ok((Regex::new(&re)?, Regex::new(&format!("(?i){re}"))?))
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

pub(crate) fn compile_condition(norm: &Norm, text: &str) -> Result<Condition, (Code, String)> {
    let ast = expr::parse(text).map_err(|e| (e.code(), e.message()))?;
    let mut columns = Columns { norm, refs: Vec::new() };
    let (expr, kind) = expr::check(&ast, &mut columns).map_err(|e| (e.code(), e.message()))?;
    if !matches!(kind, Kind::Bool | Kind::Null) {
        return Err((Code::TypeMismatch, format!("a condition must be true or false, this is a {}", kind.name())));
    }
    Ok(Condition { text: text.to_string(), expr, refs: columns.refs })
}
