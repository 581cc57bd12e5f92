//! Validating an exchange file against its norm, in one streaming pass: the file name and the
//! period it names, the encoding, the separator, the header, then every row (width, quoting,
//! types, required fields and conditions, enumerated values, code lists at the row's date,
//! patterns, lengths, checksums, bounds, the row's date inside the period, duplicates, blank
//! lines). Every problem is counted and handed to a [`Sink`]; the first few of each code are kept
//! as examples; nothing is ever dropped without the report saying so.
//!
//! The validator knows norms, fields, code lists and checksum algorithms, never what a field means.
//! Values of identifier fields are masked in every problem unless the caller asks otherwise.
//! Memory does not grow with the file, except for duplicate detection: 12 bytes per slot of a
//! table of row hashes (see `dupes`).

mod dupes;
mod fields;
mod split;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, Read};

use chrono::NaiveDate;
use fields::{Cell, DateFormat, FieldPlan, Finding, Formats};
use regex::Regex;
use serde::Serialize;
use serde::ser::SerializeStruct;
use split::{QuoteIssue, Splitter};

use crate::data::norm::{Encoding, FieldKind, Norm};
use crate::diagnostic::{Code, Diagnostic, Location, Severity, did_you_mean};
use crate::expr::{self, Env, Expr, Resolver, Slot};
use crate::rules::list::CodeList;
use crate::value::{Kind, Period, Status, Value};

/// The severity of each validation code (a norm may lower duplicate rows to a warning): a warning
/// never rejects a row nor fails a file.
pub fn severity(code: Code) -> Severity {
    match code {
        Code::EncodingSuspect
        | Code::HeaderColumnOrder
        | Code::MultilineField
        | Code::SurroundingSpaces
        | Code::NoDataRows
        | Code::DepositLate
        | Code::DepositNotCovered => Severity::Warning,
        _ => Severity::Error,
    }
}

/// One problem of a file: where (row = line of the file, the header being line 1; none for the
/// file as a whole), which field, which value (masked for identifiers) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub code: Code,
    pub severity: Severity,
    pub row: Option<u64>,
    pub field: Option<String>,
    pub value: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    fn new(code: Code, row: Option<u64>, message: impl Into<String>) -> Self {
        Problem { code, severity: severity(code), row, field: None, value: None, message: message.into(), hint: None }
    }

    fn field(mut self, field: &str) -> Self {
        self.field = Some(field.to_string());
        self
    }

    fn value(mut self, value: String) -> Self {
        self.value = Some(value);
        self
    }

    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Problem", 8)?;
        st.serialize_field("code", self.code.as_str())?;
        st.serialize_field("name", self.code.name())?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("row", &self.row)?;
        st.serialize_field("field", &self.field)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("message", &self.message)?;
        if let Some(h) = &self.hint {
            st.serialize_field("hint", h)?;
        }
        st.end()
    }
}

/// How many problems of one code a file has, and how many of them are kept as examples.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeCount {
    pub code: Code,
    pub severity: Severity,
    pub count: u64,
    pub shown: u64,
}

impl Serialize for CodeCount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("CodeCount", 6)?;
        st.serialize_field("code", self.code.as_str())?;
        st.serialize_field("name", self.code.name())?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("summary", self.code.summary())?;
        st.serialize_field("count", &self.count)?;
        st.serialize_field("shown", &self.shown)?;
        st.end()
    }
}

/// The outcome of validating one file. `rows` counts every record after the header (blank lines
/// included); `valid + rejected == rows` always.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub file: String,
    pub norm: String,
    pub version: u32,
    pub norm_status: Status,
    pub period: Option<Period>,
    pub encoding: Encoding,
    pub rows: u64,
    pub valid: u64,
    pub rejected: u64,
    pub errors: u64,
    pub warnings: u64,
    /// Per code, in code order.
    pub counts: Vec<CodeCount>,
    /// The first problems of each code, in the order found (all of them when `not_shown` is 0).
    pub examples: Vec<Problem>,
    pub not_shown: u64,
}

impl FileReport {
    pub fn is_clean(&self) -> bool {
        self.errors == 0
    }
}

/// Where problems and rejected rows go as they are found (a JSON stream, a rejects file).
pub trait Sink {
    /// Every problem, in the order found: file-level ones first, then row by row.
    fn problem(&mut self, _problem: &Problem) -> io::Result<()> {
        Ok(())
    }
    /// The header line as written in the file (or the norm's columns when the file has none).
    fn header(&mut self, _raw: &[u8], _terminator: &[u8]) -> io::Result<()> {
        Ok(())
    }
    /// A rejected row: its bytes as in the file, its line break, and its problems.
    fn rejected(&mut self, _row: u64, _raw: &[u8], _terminator: &[u8], _problems: &[Problem]) -> io::Result<()> {
        Ok(())
    }
}

/// A sink that keeps nothing (the report's counts and examples are enough).
pub struct NoSink;

impl Sink for NoSink {}

/// What the caller decides about a run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Show identifier values (masked otherwise).
    pub show_identifiers: bool,
    /// How many problems of each code the report keeps as examples.
    pub examples_per_code: u64,
}

/// A norm compiled for validation, with the code lists its fields name.
pub struct Validator<'a> {
    pub norm: &'a Norm,
    fields: Vec<FieldPlan>,
    formats: Formats,
    file_name: Option<NamePattern>,
    row_date: Option<usize>,
    lists: Vec<Option<ListRef<'a>>>,
    conditions: Vec<Option<Condition>>,
    /// The fields with a list or a condition, read by the checks of the whole row.
    rule_fields: Vec<usize>,
}

struct NamePattern {
    pattern: String,
    exact: Regex,
    loose: Regex,
    date_format: String,
}

struct ListRef<'a> {
    list: &'a CodeList,
    /// Every code of the list, whatever its dates.
    codes: HashSet<&'a str>,
    /// The dates each code is valid between (a code may have several versions), as
    /// `CodeList::find` reads them, in a map that is quick for the short codes of a file.
    spans: ShortMap<Vec<(Option<NaiveDate>, Option<NaiveDate>)>>,
}

impl<'a> ListRef<'a> {
    fn new(list: &'a CodeList) -> Self {
        let mut spans: ShortMap<Vec<(Option<NaiveDate>, Option<NaiveDate>)>> = ShortMap::default();
        for item in &list.items {
            match spans.get_mut(item.code.as_bytes()) {
                Some(v) => v.push((item.from, item.to)),
                None => spans.insert(item.code.as_bytes(), vec![(item.from, item.to)]),
            }
        }
        ListRef { list, codes: list.items.iter().map(|it| it.code.as_str()).collect(), spans }
    }

    fn contains(&self, code: &[u8], at: Option<NaiveDate>) -> bool {
        self.spans.get(code).is_some_and(|spans| match at {
            Some(date) => spans.iter().any(|(from, to)| from.is_none_or(|f| f <= date) && to.is_none_or(|t| date <= t)),
            None => true,
        })
    }
}

/// A map from short byte strings: a list scanned in order while it is small (a file's codes,
/// a condition's few cases), a hash map beyond.
struct ShortMap<V> {
    few: Vec<(Box<[u8]>, V)>,
    many: HashMap<Box<[u8]>, V>,
}

impl<V> Default for ShortMap<V> {
    fn default() -> Self {
        ShortMap { few: Vec::new(), many: HashMap::new() }
    }
}

const SHORT_MAP_SCAN: usize = 32;

impl<V> ShortMap<V> {
    fn get(&self, key: &[u8]) -> Option<&V> {
        match self.few.iter().find(|(k, _)| same(k, key)) {
            Some((_, v)) => Some(v),
            None => self.many.get(key),
        }
    }

    fn get_mut(&mut self, key: &[u8]) -> Option<&mut V> {
        match self.few.iter_mut().find(|(k, _)| same(k, key)) {
            Some((_, v)) => Some(v),
            None => self.many.get_mut(key),
        }
    }

    fn insert(&mut self, key: &[u8], value: V) {
        if self.few.len() < SHORT_MAP_SCAN {
            self.few.push((key.into(), value));
        } else {
            self.many.insert(key.into(), value);
        }
    }

    fn len(&self) -> usize {
        self.few.len() + self.many.len()
    }

    fn clear(&mut self) {
        self.few.clear();
        self.many.clear();
    }
}

/// Byte-string equality without a call to `memcmp` for the short values of a row.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    // Overlapping first and last words cover every byte.
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => a.first_chunk::<4>() == b.first_chunk::<4>() && a.last_chunk::<4>() == b.last_chunk::<4>(),
        8..=16 => a.first_chunk::<8>() == b.first_chunk::<8>() && a.last_chunk::<8>() == b.last_chunk::<8>(),
        _ => a == b,
    }
}

/// Bytes without the spaces and tabs around them.
fn trim_bytes(mut b: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = b {
        b = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = b {
        b = rest;
    }
    b
}

struct Condition {
    text: String,
    expr: Expr,
    /// The fields the condition reads.
    refs: Vec<usize>,
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
    pub fn check_name(&self, name: &str) -> (Option<Period>, Vec<Problem>) {
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

impl NamePattern {
    fn compile(f: &crate::data::norm::FileNamePattern) -> Result<Self, regex::Error> {
        let (exact, loose) = compile_name(&f.pattern)?;
        Ok(NamePattern { pattern: f.pattern.clone(), exact, loose, date_format: f.date_format.clone() })
    }

    /// Checks `name`; returns the period it names, if any. `dates` writes dates in messages.
    fn check(&self, name: &str, dates: &DateFormat) -> (Option<Period>, Vec<Problem>) {
        let p = self;
        let mut problems = Vec::new();
        let caps = match p.exact.captures(name) {
            Some(c) => c,
            None => match p.loose.captures(name) {
                Some(c) => {
                    problems.push(
                        Problem::new(
                            Code::FileNamePattern,
                            None,
                            format!("the file name differs from the pattern `{}` in letter case", p.pattern),
                        )
                        .value(name.to_string()),
                    );
                    c
                }
                None => {
                    let mut problem =
                        Problem::new(Code::FileNamePattern, None, format!("the file name does not follow the pattern `{}`", p.pattern))
                            .value(name.to_string());
                    problem.hint = Some(match p.pattern.contains("{start}") {
                        true => format!(
                            "{{start}} and {{end}} are the period's dates written {}; without them, row dates are not checked against a period",
                            DateFormat::compile(&p.date_format).human()
                        ),
                        false => "rename the file as the norm says".to_string(),
                    });
                    problems.push(problem);
                    return (None, problems);
                }
            },
        };
        let date = |key: &str| -> Option<Result<NaiveDate, String>> {
            let text = caps.name(key)?.as_str();
            Some(NaiveDate::parse_from_str(text, &p.date_format).map_err(|_| text.to_string()))
        };
        let human = DateFormat::compile(&p.date_format).human().to_string();
        let (start, end) = (date("start"), date("end"));
        for (which, d) in [("start", &start), ("end", &end)] {
            if let Some(Err(text)) = d {
                problems.push(
                    Problem::new(Code::FileNamePeriod, None, format!("the {which} of the period is not a real date written {human}"))
                        .value(text.clone()),
                );
            }
        }
        let period = match (start, end) {
            (Some(Ok(start)), Some(Ok(end))) if start <= end => Some(Period { start, end }),
            (Some(Ok(start)), Some(Ok(end))) => {
                let f = dates;
                problems.push(Problem::new(Code::FileNamePeriod, None, "the period starts after it ends").value(format!(
                    "{} to {}",
                    f.format(start),
                    f.format(end)
                )));
                None
            }
            _ => None,
        };
        (period, problems)
    }
}

/// The year of the first real date the file name gives (its period's start, else its end): the
/// year whose rules apply, even when the period itself is wrong.
pub fn file_name_year(norm: &Norm, name: &str) -> Option<i32> {
    use chrono::Datelike;
    let f = norm.file_name.as_ref()?;
    let pattern = NamePattern::compile(f).ok()?;
    let caps = pattern.loose.captures(name)?;
    ["start", "end"].iter().find_map(|key| NaiveDate::parse_from_str(caps.name(key)?.as_str(), &f.date_format).ok()).map(|d| d.year())
}

/// Whether `name` follows `norm`'s file-name pattern, letter case aside (a norm without a pattern
/// is followed by no name).
pub fn follows_file_name(norm: &Norm, name: &str) -> bool {
    norm.file_name.as_ref().and_then(|f| NamePattern::compile(f).ok()).is_some_and(|p| p.loose.is_match(name))
}

/// How well the first line of a file matches the columns of `norm` (the number of the norm's
/// columns it names, whatever the separator or letter case): a way to tell a file's norm when its
/// name does not.
pub fn header_score(norm: &Norm, first_line: &[u8]) -> usize {
    let line = String::from_utf8_lossy(first_line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(first_line)).into_owned();
    let cells: HashSet<String> =
        line.split([';', ',', '\t', '|']).map(|c| c.trim().trim_matches('"').trim().to_ascii_uppercase()).collect();
    norm.fields.iter().filter(|f| cells.contains(&f.name.to_ascii_uppercase())).count()
}

/// Whether header cell `cell` is a misspelling of column `name`: at most one edit per four
/// letters of the name (one at least), whatever the letter case.
fn is_misspelling(cell: &str, name: &str) -> bool {
    let distance = strsim::damerau_levenshtein(&cell.to_uppercase(), name);
    distance <= (name.chars().count() / 4).max(1) && cell.chars().count() >= 3
}

/// `{start}` and `{end}` (any `{name}`) become captures; the rest is literal.
fn compile_name(pattern: &str) -> Result<(Regex, Regex), regex::Error> {
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
struct Columns<'n> {
    norm: &'n Norm,
    refs: Vec<usize>,
}

impl Resolver for Columns<'_> {
    fn name(&mut self, name: &str, member: Option<&str>) -> Result<(Slot, Kind), String> {
        if member.is_some() {
            return Err(format!("`{name}.…`: a condition names columns of the row, not members"));
        }
        let Some(i) = self.norm.field_index(name) else {
            let mut message = format!("`{name}` is not a column of norm `{}`", self.norm.name);
            if let Some(close) = did_you_mean(name, self.norm.fields.iter().map(|f| f.name.as_str())) {
                message.push_str(&format!(" (did you mean `{close}`?)"));
            }
            return Err(message);
        };
        if !self.refs.contains(&i) {
            self.refs.push(i);
        }
        Ok((Slot { space: 0, index: i as u32, sub: 0 }, self.norm.fields[i].kind.value_kind()))
    }

    fn set(&mut self, view: &str, _column: &str) -> Result<(usize, Kind), String> {
        Err(format!("`in {view}.…` is not available in a norm's condition"))
    }

    fn enter(&mut self, view: &str) -> Result<usize, String> {
        Err(format!("`exists({view}, …)` is not available in a norm's condition"))
    }

    fn leave(&mut self) {}
}

fn compile_condition(norm: &Norm, text: &str) -> Result<Condition, (Code, String)> {
    let ast = expr::parse(text).map_err(|e| (Code::ExpressionSyntax, e.message))?;
    let mut columns = Columns { norm, refs: Vec::new() };
    let (expr, kind) = expr::check(&ast, &mut columns).map_err(|e| {
        let code = match e.kind {
            expr::ExprErrorKind::Syntax => Code::ExpressionSyntax,
            expr::ExprErrorKind::Undefined => Code::UndefinedName,
            expr::ExprErrorKind::Type => Code::TypeMismatch,
        };
        (code, e.message)
    })?;
    if !matches!(kind, Kind::Bool | Kind::Null) {
        return Err((Code::TypeMismatch, format!("a condition must be true or false, this is a {}", kind.name())));
    }
    Ok(Condition { text: text.to_string(), expr, refs: columns.refs })
}

/// The values a condition reads, for one row.
struct RowValues(Vec<Value>);

impl Env for RowValues {
    fn get(&self, slot: Slot) -> Value {
        self.0.get(slot.index as usize).cloned().unwrap_or(Value::Null)
    }
    fn contains(&self, _set: usize, _value: &Value) -> bool {
        false
    }
    fn exists(&self, _view: usize, _cond: &Expr) -> bool {
        false
    }
}

/// The last few values of a field that passed every check of their own, to skip the checks when
/// a row repeats one (one identifier on every row, a few that alternate over consecutive rows).
#[derive(Default)]
struct Cache {
    entries: [(Vec<u8>, Option<Cell>); CACHED_VALUES],
    /// The entry the next new value replaces.
    next: usize,
}

/// Values remembered per field.
const CACHED_VALUES: usize = 4;

impl Cache {
    #[inline]
    fn get(&self, bytes: &[u8]) -> Option<Cell> {
        self.entries.iter().find(|(b, c)| c.is_some() && same(b, bytes)).and_then(|(_, c)| *c)
    }

    fn put(&mut self, bytes: &[u8], cell: Cell) {
        let entry = &mut self.entries[self.next];
        entry.0.clear();
        entry.0.extend_from_slice(bytes);
        entry.1 = Some(cell);
        self.next = (self.next + 1) % CACHED_VALUES;
    }
}

/// The state of one validation.
struct Run<'p, 'a> {
    plan: &'p Validator<'a>,
    options: &'p Options,
    sink: &'p mut dyn Sink,
    report: FileReport,
    tally: BTreeMap<Code, CodeCount>,
    /// For each field of the norm, its column in the file.
    columns: Vec<Option<usize>>,
    /// For each column of the file, the field it holds.
    column_fields: Vec<Option<usize>>,
    width: usize,
    cells: Vec<Cell>,
    caches: Vec<Cache>,
    findings: Vec<Finding>,
    /// The fields of the current row with findings, and where theirs start in `findings`.
    failed: Vec<(usize, usize)>,
    row_problems: Vec<Problem>,
    decoded: String,
    canonical: Vec<u8>,
    memo: Vec<ShortMap<bool>>,
    memo_key: Vec<u8>,
    dupes: dupes::RowSet,
    pending: Pending,
}

/// Rows checked on their own but not finished: duplicates are looked up a block at a time.
#[derive(Default)]
struct Pending {
    rows: Vec<PendingRow>,
    /// The bytes then the line break of each row that can be rejected.
    bytes: Vec<u8>,
    /// Each row's problems, in row order.
    problems: Vec<Problem>,
}

struct PendingRow {
    line: u64,
    /// Where the row's bytes start, end, and its line break ends in `Pending::bytes`, for a row
    /// that can be rejected.
    kept: Option<(usize, usize, usize)>,
    n_problems: usize,
    /// None for rows not compared (blank, or of the wrong width).
    hash: Option<u64>,
}

/// Rows per block of duplicate lookups.
const BLOCK: usize = 64;

/// A condition memo is emptied when it reaches this size, to keep memory flat.
const MEMO_MAX: usize = 4096;

impl<'p, 'a> Run<'p, 'a> {
    fn new(plan: &'p Validator<'a>, options: &'p Options, sink: &'p mut dyn Sink, name: &str, period: Option<Period>) -> Self {
        let n = plan.fields.len();
        let norm = plan.norm;
        Run {
            plan,
            options,
            sink,
            report: FileReport {
                file: name.to_string(),
                norm: norm.name.clone(),
                version: norm.version,
                norm_status: norm.provenance.status,
                period,
                encoding: norm.encoding,
                rows: 0,
                valid: 0,
                rejected: 0,
                errors: 0,
                warnings: 0,
                counts: Vec::new(),
                examples: Vec::new(),
                not_shown: 0,
            },
            tally: BTreeMap::new(),
            columns: vec![None; n],
            column_fields: Vec::new(),
            width: 0,
            cells: vec![Cell::Absent; n],
            caches: (0..n).map(|_| Cache::default()).collect(),
            findings: Vec::new(),
            failed: Vec::new(),
            row_problems: Vec::new(),
            decoded: String::new(),
            canonical: Vec::new(),
            memo: (0..n).map(|_| ShortMap::default()).collect(),
            memo_key: Vec::new(),
            dupes: dupes::RowSet::new(),
            pending: Pending::default(),
        }
    }

    /// Counts a problem, keeps it as an example if there is room, and hands it to the sink.
    fn emit(&mut self, p: Problem) -> io::Result<()> {
        self.sink.problem(&p)?;
        if p.is_error() {
            self.report.errors += 1;
        } else {
            self.report.warnings += 1;
        }
        let count = self.tally.entry(p.code).or_insert(CodeCount { code: p.code, severity: p.severity, count: 0, shown: 0 });
        count.count += 1;
        if count.shown < self.options.examples_per_code {
            count.shown += 1;
            self.report.examples.push(p);
        }
        Ok(())
    }

    fn finish(mut self) -> FileReport {
        self.report.counts = self.tally.into_values().collect();
        let total: u64 = self.report.counts.iter().map(|c| c.count).sum();
        self.report.not_shown = total - self.report.examples.len() as u64;
        self.report
    }

    /// A value as reports show it: masked for identifiers, decoded as the norm says (an invalid
    /// byte of a UTF-8 file shows as `�`, where it is).
    fn shown(&self, field: usize, bytes: &[u8]) -> String {
        let text = text_of(bytes, self.plan.norm.encoding).into_owned();
        if self.options.show_identifiers || text.trim().is_empty() {
            text
        } else if self.plan.fields[field].identifier {
            format!("[masked: {} characters]", text.chars().count())
        } else {
            self.unless_identifier(text)
        }
    }

    /// `text`, unless it holds a value that would be valid in an identifier field of the norm (an
    /// identifier in the wrong column still identifies someone).
    fn unless_identifier(&self, text: String) -> String {
        if self.options.show_identifiers {
            return text;
        }
        match crate::data::dataset::identifier_lookalike(&text, self.plan.norm) {
            Some(like) => format!("[masked: a value shaped like {}]", like.name),
            None => text,
        }
    }

    /// Reads the byte-order mark and the header; `false` when there is nothing more to read.
    fn read_header<R: Read>(&mut self, s: &mut Splitter<R>) -> io::Result<bool> {
        let start = s.peek(3)?;
        if start.starts_with(b"\xEF\xBB\xBF") {
            s.skip(3);
            if self.plan.norm.encoding == Encoding::Windows1252 {
                self.emit(Problem::new(
                    Code::EncodingSuspect,
                    Some(1),
                    "the file starts with a UTF-8 byte-order mark, but the norm declares windows-1252",
                ))?;
            }
        } else if start.starts_with(b"\xFF\xFE") || start.starts_with(b"\xFE\xFF") {
            self.emit(
                Problem::new(Code::FileEncoding, None, "the file is in UTF-16, which cannot be read as its norm's encoding")
                    .hint(format!("save the file as {}", encoding_name(self.plan.norm.encoding))),
            )?;
            return Ok(false);
        }
        if s.peek(1)?.is_empty() {
            self.emit(Problem::new(Code::EmptyFile, None, "the file is empty: no header, no rows"))?;
            return Ok(false);
        }
        if let Some(what) = binary_kind(s.peek(4096)?) {
            self.emit(
                Problem::new(Code::NotText, None, format!("the file is {what}, not delimited text"))
                    .hint(format!("save it as CSV, separated by {}", show_sep(self.plan.norm.separator))),
            )?;
            return Ok(false);
        }
        let line = s.peek_line()?.to_vec();
        if line.iter().position(|&b| b == b'\r').is_some_and(|i| i + 1 < line.len()) {
            self.emit(
                Problem::new(Code::LineEndings, Some(1), "lines end with a lone carriage return: the rows cannot be told apart")
                    .hint("save the file with Windows (CR LF) or Unix (LF) line endings"),
            )?;
            return Ok(false);
        }
        self.check_separator(s, &line)?;
        if !s.next_record()? {
            return Ok(false);
        }
        let cells: Vec<String> = (0..s.width()).map(|i| self.unless_identifier(self.header_text(s.field(i)))).collect();
        let is_header = self.map_columns(&cells)?;
        self.width = cells.len();
        s.expected_width = Some(self.width);
        if is_header {
            self.sink.header(s.raw(), s.terminator())?;
            self.check_quoting(s, true)?;
        } else {
            let names: Vec<&str> = self.plan.norm.fields.iter().map(|f| f.name.as_str()).collect();
            let terminator = if s.terminator().is_empty() { b"\n".as_slice() } else { s.terminator() };
            self.sink.header(names.join(&char::from(s.sep).to_string()).as_bytes(), terminator)?;
            // The first line is data: it is the first row.
            self.check_row(s)?;
        }
        Ok(true)
    }

    fn header_text(&self, bytes: &[u8]) -> String {
        let text = match (self.plan.norm.encoding, std::str::from_utf8(bytes)) {
            (Encoding::Utf8, Ok(s)) => s.to_string(),
            (Encoding::Utf8, Err(_)) => String::from_utf8_lossy(bytes).into_owned(),
            (Encoding::Windows1252, _) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
        };
        text.trim().to_string()
    }

    /// When the header holds no separator of the norm but another usual one, reads the file
    /// with that one (so that its other problems are found too) and reports it.
    fn check_separator<R: Read>(&mut self, s: &mut Splitter<R>, line: &[u8]) -> io::Result<()> {
        let sep = self.plan.norm.separator;
        if self.plan.fields.len() < 2 || line.contains(&sep) {
            return Ok(());
        }
        let found = [b';', b',', b'\t', b'|']
            .into_iter()
            .filter(|&c| c != sep)
            .map(|c| (line.iter().filter(|&&b| b == c).count(), c))
            .max()
            .filter(|(n, _)| *n > 0);
        if let Some((_, other)) = found {
            s.sep = other;
            self.emit(
                Problem::new(
                    Code::WrongSeparator,
                    Some(1),
                    format!("the file is separated by {}, the norm wants {}", show_sep(other), show_sep(sep)),
                )
                .hint("the rest of the file is checked with the separator it uses"),
            )?;
        }
        Ok(())
    }

    /// Maps header cells to the norm's fields and reports missing, unknown, misspelt,
    /// duplicated and disordered columns. Returns `false` when the first line is no header.
    fn map_columns(&mut self, cells: &[String]) -> io::Result<bool> {
        let norm = self.plan.norm;
        let n = norm.fields.len();
        let mut columns: Vec<Option<usize>> = vec![None; n];
        let mut column_fields: Vec<Option<usize>> = vec![None; cells.len()];
        let mut problems = Vec::new();
        let mut unmatched = Vec::new();
        for (j, cell) in cells.iter().enumerate() {
            match norm.field_index(cell) {
                Some(f) if columns[f].is_none() => {
                    columns[f] = Some(j);
                    column_fields[j] = Some(f);
                }
                Some(f) => problems.push(
                    Problem::new(
                        Code::HeaderDuplicateColumn,
                        Some(1),
                        format!("column {} repeats column {}; only the first is read", j + 1, columns[f].unwrap_or(0) + 1),
                    )
                    .field(cell),
                ),
                None => unmatched.push(j),
            }
        }
        let mut unknown = Vec::new();
        let mut n_fuzzy = 0;
        for j in unmatched {
            let cell = &cells[j];
            let free = || norm.fields.iter().enumerate().filter(|(f, _)| columns[*f].is_none());
            let by_case = free().find(|(_, f)| f.name.eq_ignore_ascii_case(cell));
            let close = by_case
                .or_else(|| {
                    n_fuzzy += 1;
                    free().find(|(_, f)| is_misspelling(cell, &f.name))
                })
                .map(|(f, _)| f);
            match close {
                Some(f) => {
                    columns[f] = Some(j);
                    column_fields[j] = Some(f);
                    let name = &norm.fields[f].name;
                    let message = match by_case {
                        Some(_) => format!("column {} is `{cell}`: `{name}` in other letter case", j + 1),
                        None => format!("column {} is `{cell}`: a misspelling of `{name}`", j + 1),
                    };
                    problems.push(
                        Problem::new(Code::HeaderMisspeltColumn, Some(1), message)
                            .field(name)
                            .hint(format!("write `{name}`; meanwhile the column is checked as `{name}`")),
                    );
                }
                None => {
                    n_fuzzy -= 1;
                    unknown.push(j);
                }
            }
        }
        let n_named = columns.iter().flatten().count();
        // A line that names no column, or only seems to by likeness, is data.
        if n_named == 0 || (n_named == n_fuzzy && n_fuzzy * 2 < n) {
            // No column is named: the first line is data. Columns are read in the norm's order.
            self.columns = (0..n).map(|f| (f < cells.len()).then_some(f)).collect();
            self.column_fields = (0..cells.len()).map(|j| (j < n).then_some(j)).collect();
            let names: Vec<&str> = norm.fields.iter().map(|f| f.name.as_str()).collect();
            self.emit(
                Problem::new(
                    Code::NoHeader,
                    Some(1),
                    format!("the first line names none of the columns of norm `{}`: it is read as data", norm.name),
                )
                .hint(format!("the first line must be the header: {}", names.join(&char::from(norm.separator).to_string()))),
            )?;
            return Ok(false);
        }
        for j in unknown {
            problems.push(
                Problem::new(
                    Code::HeaderUnknownColumn,
                    Some(1),
                    format!("column {} is `{}`, which norm `{}` does not define", j + 1, cells[j], norm.name),
                )
                .field(&cells[j])
                .hint("remove the column, or check the norm's version"),
            );
        }
        for (f, field) in norm.fields.iter().enumerate() {
            if columns[f].is_none() {
                problems.push(
                    Problem::new(Code::HeaderMissingColumn, Some(1), format!("column `{}` is missing", field.name))
                        .field(&field.name)
                        .hint(format!(
                            "the norm's columns, in order: {}",
                            norm.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ")
                        )),
                );
            }
        }
        let order: Vec<usize> = columns.iter().flatten().copied().collect();
        if order.windows(2).any(|w| w[0] > w[1]) {
            problems.push(
                Problem::new(Code::HeaderColumnOrder, Some(1), "the columns are not in the norm's order (they are read by name)")
                    .hint(format!("the norm's order: {}", norm.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", "))),
            );
        }
        problems.sort_by_key(|p| p.code);
        for p in problems {
            self.emit(p)?;
        }
        self.columns = columns;
        self.column_fields = column_fields;
        Ok(true)
    }

    fn read_rows<R: Read>(&mut self, s: &mut Splitter<R>, size: Option<u64>) -> io::Result<()> {
        let mut reserved = false;
        while s.next_record()? {
            self.check_row(s)?;
            if !reserved && self.report.rows == 1024 {
                reserved = true;
                if let Some(size) = size {
                    // Size the duplicate table once from the rows' mean length.
                    let per_row = (s.consumed() / 1024).max(1);
                    self.dupes.reserve((size / per_row + size / per_row / 10) as usize);
                }
            }
        }
        self.flush()?;
        if self.report.rows == 0 {
            self.emit(Problem::new(Code::NoDataRows, None, "the file has a header but no rows"))?;
        }
        Ok(())
    }

    /// Checks the current record; counts it valid or rejected.
    fn check_row<R: Read>(&mut self, s: &Splitter<R>) -> io::Result<()> {
        self.report.rows += 1;
        self.row_problems.clear();
        let row = s.line;
        let raw = s.raw();
        let mut hash = None;
        if raw.iter().all(|&b| b == b' ' || b == b'\t') {
            self.row_problems.push(Problem::new(Code::BlankLine, Some(row), "blank line"));
        } else {
            self.check_quoting(s, false)?;
            if s.width() != self.width {
                self.row_problems.push(
                    Problem::new(Code::RowWidth, Some(row), format!("{} fields, the header has {}", s.width(), self.width))
                        .hint("a separator too many or too few; the row's fields are not checked"),
                );
            } else {
                self.check_fields(s);
                self.check_row_rules(s);
                hash = Some(self.row_hash(s));
            }
        }
        // A row's bytes are kept only if it can still be rejected: it has an error, or a duplicate
        // of it would be one.
        let may_reject =
            self.row_problems.iter().any(Problem::is_error) || (hash.is_some() && self.plan.norm.duplicate_rows == Severity::Error);
        let p = &mut self.pending;
        let kept = may_reject.then(|| {
            let start = p.bytes.len();
            p.bytes.extend_from_slice(raw);
            p.bytes.extend_from_slice(s.terminator());
            (start, start + raw.len(), p.bytes.len())
        });
        p.rows.push(PendingRow { line: row, kept, n_problems: self.row_problems.len(), hash });
        p.problems.append(&mut self.row_problems);
        if p.rows.len() == BLOCK {
            self.flush()?;
        }
        Ok(())
    }

    /// Finishes the pending rows: duplicates, then each row valid or rejected, its problems out.
    fn flush(&mut self) -> io::Result<()> {
        let mut pending = std::mem::take(&mut self.pending);
        // Read every row's slot of the duplicate table first: these reads go to memory at once
        // instead of one after the other (the table is far larger than the caches).
        let touched = pending.rows.iter().filter_map(|r| r.hash).fold(0u32, |acc, h| acc ^ self.dupes.touch(h));
        std::hint::black_box(touched);
        let mut problems = pending.problems.drain(..);
        for r in &pending.rows {
            self.row_problems.clear();
            self.row_problems.extend(problems.by_ref().take(r.n_problems));
            if let Some(h) = r.hash
                && let Some(first) = self.dupes.insert(h, r.line)
            {
                let mut p = Problem::new(Code::DuplicateRow, Some(r.line), format!("the same row as row {first}"));
                // The norm says whether identical rows can be two real events (two visits on one day).
                p.severity = self.plan.norm.duplicate_rows;
                if p.severity == Severity::Warning {
                    p.hint = Some("kept: the norm allows identical rows; delete one if it was entered twice".into());
                }
                self.row_problems.push(p);
            }
            self.sort_row_problems();
            if self.row_problems.iter().any(Problem::is_error) {
                self.report.rejected += 1;
                let (start, raw_end, end) = r.kept.expect("a row that can be rejected keeps its bytes");
                self.sink.rejected(r.line, &pending.bytes[start..raw_end], &pending.bytes[raw_end..end], &self.row_problems)?;
            } else {
                self.report.valid += 1;
            }
            let row_problems = std::mem::take(&mut self.row_problems);
            for p in row_problems.iter().cloned() {
                self.emit(p)?;
            }
            self.row_problems = row_problems;
        }
        drop(problems);
        pending.rows.clear();
        pending.bytes.clear();
        self.pending = pending;
        Ok(())
    }

    /// Orders a row's problems by column (the row's own first, a duplicate last).
    fn sort_row_problems(&mut self) {
        if self.row_problems.len() < 2 {
            return;
        }
        let norm = self.plan.norm;
        let n = norm.fields.len();
        self.row_problems.sort_by_key(|p| match (&p.field, p.code) {
            (_, Code::DuplicateRow) => n + 1,
            (Some(name), _) => norm.field_index(name).unwrap_or(n),
            (None, _) => 0,
        });
    }

    /// Quoting problems of the current record (of the header when `header`).
    fn check_quoting<R: Read>(&mut self, s: &Splitter<R>, header: bool) -> io::Result<()> {
        for &(col, issue) in &s.issues {
            let (code, message) = match issue {
                QuoteIssue::QuoteInUnquoted => (Code::Quoting, "a quote inside a field that does not start with one"),
                QuoteIssue::TextAfterClosing => (Code::Quoting, "text after the closing quote of the field"),
                QuoteIssue::Unclosed => (Code::Quoting, "a quote opened and not closed on this line; the row ends at the line's end"),
                QuoteIssue::LineBreak => (Code::MultilineField, "a quoted field holds a line break"),
            };
            let mut p = Problem::new(code, Some(s.line), message);
            match (header, self.column_fields.get(col).copied().flatten()) {
                (false, Some(f)) => {
                    p = p.field(&self.plan.norm.fields[f].name).value(self.shown(f, s.field(col)));
                }
                _ => p.message = format!("column {}: {}", col + 1, p.message),
            }
            if header {
                self.emit(p)?;
            } else {
                self.row_problems.push(p);
            }
        }
        Ok(())
    }

    /// The checks of each field on its own (skipped when the field repeats the last good value).
    fn check_fields<R: Read>(&mut self, s: &Splitter<R>) {
        // A record of ASCII text (nearly every record) is text in either encoding, and so is a
        // valid UTF-8 record of a UTF-8 norm: its fields are read as they are. Any other record is
        // decoded field by field.
        let (record, offset) = s.record_bytes();
        let as_is = record.is_ascii() || (self.plan.norm.encoding == Encoding::Utf8 && std::str::from_utf8(record).is_ok());
        let plan = self.plan;
        self.findings.clear();
        self.failed.clear();
        let fields = self.columns.iter().zip(self.caches.iter_mut()).zip(self.cells.iter_mut()).zip(&plan.fields).enumerate();
        for (f, (((col, cache), cell), field)) in fields {
            let Some(col) = *col else {
                *cell = Cell::Absent;
                continue;
            };
            let (start, end) = s.field_span(col);
            let bytes = &record[start - offset..end - offset];
            if let Some(known) = cache.get(bytes) {
                *cell = known;
                continue;
            }
            let first = self.findings.len();
            *cell = check_value(field, &plan.formats, (bytes, as_is, plan.norm.encoding), &mut self.decoded, &mut self.findings);
            if self.findings.len() == first {
                cache.put(bytes, *cell);
            } else {
                self.failed.push((f, first));
            }
        }
        // The rare values with findings become problems, the value shown (or masked) once each.
        for k in 0..self.failed.len() {
            let (f, first) = self.failed[k];
            let last = self.failed.get(k + 1).map_or(self.findings.len(), |&(_, next)| next);
            let col = self.columns[f].expect("a checked field has a column");
            let shown = self.shown(f, s.field(col));
            let name = &plan.fields[f].name;
            for finding in &self.findings[first..last] {
                let mut p = Problem::new(finding.code, Some(s.line), finding.message.clone()).field(name).value(shown.clone());
                p.hint = finding.hint.clone();
                self.row_problems.push(p);
            }
        }
    }

    /// The checks that read several fields: the row's date inside the period, code lists at
    /// that date, conditional requirements.
    fn check_row_rules<R: Read>(&mut self, s: &Splitter<R>) {
        let plan = self.plan;
        let row_date = plan.row_date.and_then(|d| match self.cells[d] {
            Cell::Date(date) => Some(Ok(date)),
            Cell::Absent => None,
            _ => Some(Err(())),
        });
        if let (Some(d), Some(Ok(date)), Some(period)) = (plan.row_date, row_date, self.report.period)
            && !period.contains(date)
        {
            let f = &plan.formats.date;
            let col = self.columns[d].expect("a date was read");
            self.row_problems.push(
                Problem::new(
                    Code::OutsideFilePeriod,
                    Some(s.line),
                    format!("outside the period of the file name, {} to {}", f.format(period.start), f.format(period.end)),
                )
                .field(&plan.fields[d].name)
                .value(self.shown(d, s.field(col))),
            );
        }
        for &f in &plan.rule_fields {
            if let Some(list) = &plan.lists[f]
                && self.cells[f] == Cell::Text
            {
                // A bad row date leaves the list unchecked: the row is rejected for its date.
                let at = match row_date {
                    Some(Ok(date)) => Some(Some(date)),
                    Some(Err(())) => None,
                    None => Some(self.report.period.map(|p| p.end)),
                };
                if let Some(at) = at {
                    self.check_list(f, list, at, s);
                }
            }
            if let Some(cond) = &plan.conditions[f]
                && self.cells[f] == Cell::Empty
                && self.condition_holds(f, cond, s)
            {
                self.row_problems.push(
                    Problem::new(Code::ValueRequiredIf, Some(s.line), format!("required when {}, and empty", cond.text))
                        .field(&plan.fields[f].name)
                        .value(String::new()),
                );
            }
        }
    }

    /// Whether the code of field `f` is in its list on date `at` (at any date without one).
    fn check_list<R: Read>(&mut self, f: usize, list: &ListRef<'_>, at: Option<NaiveDate>, s: &Splitter<R>) {
        let col = self.columns[f].expect("a value was read");
        let bytes = trim_bytes(s.field(col));
        let found =
            if bytes.is_ascii() { list.contains(bytes, at) } else { list.contains(text_of(bytes, self.plan.norm.encoding).as_bytes(), at) };
        if !found {
            let code = text_of(bytes, self.plan.norm.encoding);
            let p = self.not_in_list(f, list, &code, at, s.line).value(self.shown(f, s.field(col)));
            self.row_problems.push(p);
        }
    }

    fn not_in_list(&self, f: usize, list: &ListRef<'_>, code: &str, at: Option<NaiveDate>, row: u64) -> Problem {
        let name = &list.list.name;
        let field = &self.plan.fields[f].name;
        let fmt = &self.plan.formats.date;
        let message = match at {
            Some(date) => format!("not in list `{name}` on {}", fmt.format(date)),
            None => format!("not in list `{name}`"),
        };
        let mut p = Problem::new(Code::ValueNotInList, Some(row), message).field(field);
        if let Some(date) = at
            && list.codes.contains(code)
        {
            p = p.hint(format!("the list has this code at other dates than {}", fmt.format(date)));
        } else if let Some(close) = did_you_mean(code, list.codes.iter().copied()) {
            p = p.hint(format!("did you mean `{close}`?"));
        }
        p
    }

    /// Whether field `f`'s condition holds on the current row (memoised on the bytes it reads).
    fn condition_holds<R: Read>(&mut self, f: usize, cond: &Condition, s: &Splitter<R>) -> bool {
        self.memo_key.clear();
        for &r in &cond.refs {
            match self.columns[r] {
                Some(col) => self.memo_key.extend_from_slice(s.field(col)),
                None => self.memo_key.push(0xFF),
            }
            self.memo_key.push(0x1F);
        }
        if let Some(&holds) = self.memo[f].get(&self.memo_key) {
            return holds;
        }
        let mut values = vec![Value::Null; self.plan.fields.len()];
        for &r in &cond.refs {
            values[r] = match (self.cells[r], self.columns[r]) {
                (Cell::Text, Some(col)) => Value::Text(text_of(s.field(col), self.plan.norm.encoding).trim().into()),
                (Cell::Number(n), _) => Value::Number(n),
                (Cell::Date(d), _) => Value::Date(d),
                (Cell::Bool(b), _) => Value::Bool(b),
                _ => Value::Null,
            };
        }
        // An arithmetic failure in a condition (a division by zero) does not make a field required.
        let holds = expr::eval_bool(&cond.expr, &RowValues(values)).unwrap_or(false);
        if self.memo[f].len() >= MEMO_MAX {
            self.memo[f].clear();
        }
        self.memo[f].insert(&self.memo_key, holds);
        holds
    }

    /// The hash of the row's content: quoting that changes nothing does not make rows differ.
    fn row_hash<R: Read>(&mut self, s: &Splitter<R>) -> u64 {
        if s.quoted() {
            canonical(s, &mut self.canonical);
            crate::hashing::hash64(&self.canonical)
        } else {
            crate::hashing::hash64(s.raw())
        }
    }
}

/// The record written back with minimal quoting, so that `"a";b` and `a;b` compare equal.
fn canonical<R: Read>(s: &Splitter<R>, out: &mut Vec<u8>) {
    out.clear();
    for i in 0..s.width() {
        if i > 0 {
            out.push(s.sep);
        }
        let field = s.field(i);
        if field.iter().any(|&b| b == s.sep || b == b'"' || b == b'\n' || b == b'\r') {
            out.push(b'"');
            for &b in field {
                if b == b'"' {
                    out.push(b'"');
                }
                out.push(b);
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(field);
        }
    }
}

/// Reads, checks and types one value: its bytes, whether they are text as they are, and the
/// encoding to decode them with otherwise. Findings go to `out`.
fn check_value(
    plan: &FieldPlan,
    formats: &Formats,
    (bytes, as_is, encoding): (&[u8], bool, Encoding),
    decoded: &mut String,
    out: &mut Vec<Finding>,
) -> Cell {
    let text = if as_is {
        bytes
    } else {
        match decode(bytes, encoding, decoded, out) {
            Some(t) => t.as_bytes(),
            None => return Cell::Bad,
        }
    };
    let trimmed = trim_bytes(text);
    if trimmed.len() != text.len() {
        out.push(Finding { code: Code::SurroundingSpaces, message: "spaces before or after the value".into(), hint: None });
    }
    if trimmed.is_empty() {
        if plan.required {
            out.push(Finding { code: Code::ValueRequired, message: "required and empty".into(), hint: None });
        }
        return Cell::Empty;
    }
    plan.check(trimmed, formats, out)
}

/// The text of a value in the file's encoding; an invalid UTF-8 value is a finding.
fn decode<'b>(bytes: &'b [u8], encoding: Encoding, decoded: &'b mut String, out: &mut Vec<Finding>) -> Option<&'b str> {
    match (encoding, std::str::from_utf8(bytes)) {
        (_, Ok(s)) if bytes.is_ascii() => Some(s),
        (Encoding::Utf8, Ok(s)) => Some(s),
        (Encoding::Utf8, Err(e)) => {
            let at = e.valid_up_to();
            out.push(Finding {
                code: Code::FileEncoding,
                message: format!("not valid UTF-8 (byte 0x{:02X} at position {})", bytes[at], at + 1),
                hint: Some("save the file as UTF-8 (this value looks like Windows-1252)".into()),
            });
            None
        }
        (Encoding::Windows1252, utf8) => {
            if utf8.is_ok() {
                out.push(Finding {
                    code: Code::EncodingSuspect,
                    message: "this value reads as UTF-8 text, but the norm declares windows-1252".into(),
                    hint: Some("save the file as Windows-1252, or accented letters will be garbled".into()),
                });
            }
            decoded.clear();
            decoded.push_str(&encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0);
            Some(decoded.as_str())
        }
    }
}

/// A value's text for list lookups and conditions (already known to be readable).
fn text_of(bytes: &[u8], encoding: Encoding) -> std::borrow::Cow<'_, str> {
    match encoding {
        Encoding::Utf8 => String::from_utf8_lossy(bytes),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// Text written in `encoding` (for what a caller adds to a file, such as reasons in a rejects file).
pub fn encode_text(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

/// What binary data the start of a file is, if it is not text.
fn binary_kind(start: &[u8]) -> Option<&'static str> {
    if start.starts_with(b"PK\x03\x04") {
        Some("a zip archive (an xlsx or ods spreadsheet?)")
    } else if start.starts_with(b"\xD0\xCF\x11\xE0") {
        Some("an old Office document (an xls spreadsheet?)")
    } else if start.contains(&0) {
        Some("binary data (it holds NUL bytes; UTF-16 text without a byte-order mark?)")
    } else {
        None
    }
}

fn encoding_name(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "UTF-8",
        Encoding::Windows1252 => "Windows-1252",
    }
}

fn show_sep(b: u8) -> String {
    match b {
        b'\t' => "tabs".to_string(),
        b => format!("`{}`", char::from(b)),
    }
}

#[cfg(test)]
mod tests;
