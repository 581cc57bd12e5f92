//! Steps: the named outputs of a rulebook's pipeline, each defined by one mechanism — filter a
//! dataset, look a table up (per row or once), aggregate (in total or per group), derive a value
//! for every row, classify rows by a list, a Rhai formula, a set of checks, or the score of an
//! indicator set.
//!
//! This module reads steps as written; `rulebook` binds their names and orders them.

use std::ops::Range;

use serde::Serialize;

use crate::diagnostic::{Code, Location};
use crate::expr::{self, Ast};
use crate::ids::FileId;
use crate::message::Message;
use crate::rules::provenance::{parse_choice, read_choice};
use crate::rules::strict::{Ctx, Item, Obj, key_of, read_str};
use crate::value::{Rounding, RoundingMode, Unit};

/// An expression as written in a rule file, parsed, with where it stands.
#[derive(Debug, Clone)]
pub struct ExprSource {
    pub(crate) text: String,
    pub(crate) ast: Ast,
    /// Byte offset in the file of the first character of the expression text.
    pub(crate) offset: usize,
    pub(crate) file: FileId,
}

/// An expression is shown as written.
impl Serialize for ExprSource {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl ExprSource {
    /// The span in the file of a span inside the expression.
    pub(crate) fn file_span(&self, inner: Range<usize>) -> Range<usize> {
        self.offset + inner.start..self.offset + inner.end
    }
}

#[derive(Debug, Clone)]
pub struct StepDef {
    pub name: String,
    pub label: String,
    pub(crate) unit: Option<Unit>,
    pub reference: Option<String>,
    pub description: Option<String>,
    /// What `peps explain` says of the step, in the rulebook's words (`rules::explanation`).
    pub explanation: Option<crate::rules::explanation::ExplanationDef>,
    pub(crate) rounding: Option<Rounding>,
    /// `round = "none"`: explicitly no rounding, even for money.
    pub(crate) no_rounding: bool,
    pub mechanism: Mechanism,
    pub(crate) location: Location,
    pub(crate) file: FileId,
    pub name_span: Range<usize>,
}

#[derive(Debug, Clone)]
pub enum Mechanism {
    Filter {
        dataset: Spanned,
        condition: Option<ExprSource>,
    },
    Lookup {
        dataset: Option<Spanned>,
        table: Spanned,
        column: Option<Spanned>,
        keys: Vec<(String, ExprSource)>,
    },
    Aggregate {
        dataset: Spanned,
        op: AggOp,
        condition: Option<ExprSource>,
        group_by: Option<ExprSource>,
        round_rows: Option<Rounding>,
    },
    /// A value computed for every row of a dataset, which later expressions over those rows read
    /// like a column; with a `key`, each row's value is shown under its key.
    Derive {
        dataset: Spanned,
        value: ExprSource,
        key: Option<ExprSource>,
    },
    Classify {
        dataset: Spanned,
        list: Spanned,
        code: ExprSource,
        date: ExprSource,
        classes: Vec<ClassDef>,
    },
    Formula(FormulaSource),
    Checks(Vec<CheckDef>),
    Score {
        set: Spanned,
    },
}

impl Mechanism {
    pub fn name(&self) -> &'static str {
        match self {
            Mechanism::Filter { .. } => "filter",
            Mechanism::Lookup { .. } => "lookup",
            Mechanism::Aggregate { .. } => "aggregate",
            Mechanism::Derive { .. } => "derive",
            Mechanism::Classify { .. } => "classify",
            Mechanism::Formula(_) => "formula",
            Mechanism::Checks(_) => "checks",
            Mechanism::Score { .. } => "score",
        }
    }
}

/// A name written in a rule file, with its span.
#[derive(Debug, Clone, Serialize)]
pub struct Spanned {
    pub(crate) text: String,
    #[serde(skip)]
    pub(crate) span: Range<usize>,
}

#[derive(Debug, Clone)]
pub enum AggOp {
    Sum(ExprSource),
    Count,
    /// The smallest value (a number or a date); null over no row.
    Min(ExprSource),
    /// The largest value (a number or a date); null over no row.
    Max(ExprSource),
}

impl AggOp {
    fn expr_mut(&mut self) -> Option<&mut ExprSource> {
        match self {
            AggOp::Sum(e) | AggOp::Min(e) | AggOp::Max(e) => Some(e),
            AggOp::Count => None,
        }
    }

    /// The operation's key in a rule file.
    pub(crate) fn key(&self) -> &'static str {
        match self {
            AggOp::Sum(_) => "sum",
            AggOp::Count => "count",
            AggOp::Min(_) => "min",
            AggOp::Max(_) => "max",
        }
    }
}

#[derive(Debug, Clone)]
pub struct ClassDef {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) when: ExprSource,
}

#[derive(Debug, Clone)]
pub struct CheckDef {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) when: ExprSource,
}

#[derive(Debug, Clone)]
pub enum FormulaSource {
    /// A Rhai expression written in the step.
    Inline { text: String, offset: usize },
    /// `file.rhai::function`: a function of one of the rulebook's scripts; its parameters name
    /// the values it reads.
    Function { script: String, function: String, span: Range<usize> },
}

const MECHANISMS: &[&str] = &["filter", "lookup", "aggregate", "derive", "classify", "formula", "function", "checks", "score"];

/// The operations of an aggregate, one per aggregate.
const AGG_OPS: &[&str] = &["sum", "count", "min", "max"];

/// Reads the `[[step]]` array of a steps file.
pub(crate) fn read_steps(root: &Obj<'_, '_>, file: FileId, out: &mut Vec<StepDef>) {
    let Some(items) = root.array("step") else { return };
    for item in items {
        let Some(obj) = Obj::of(root.ctx(), item, &msg!("rules-what-a-step")) else { continue };
        // `read_step` re-reads the table under the step's own name and checks its keys.
        if let Some(step) = read_step(&obj, file) {
            out.push(step);
        }
    }
}

fn read_step(obj: &Obj<'_, '_>, file: FileId) -> Option<StepDef> {
    let ctx = obj.ctx();
    let name = obj.str("name")?;
    let what = msg!("rules-what-step", name = name.get_ref());
    let obj = Obj::new(ctx, obj_table(obj), obj.span(), &what);
    obj.allow(&["name"]);
    let label = obj.str("label");
    let unit = obj.opt_str("unit").and_then(|u| parse_choice(&obj, &u, "unit", Unit::NAMES, Unit::parse));
    let reference = obj.opt_str("reference").map(|s| s.into_inner());
    let description = obj.opt_str("description").map(|s| s.into_inner());
    let explanation = crate::rules::explanation::read_explanation(&obj, file);
    let (rounding, no_rounding) = read_rounding(&obj);
    let present: Vec<&str> = MECHANISMS.iter().copied().filter(|m| obj.has(m)).collect();
    let mechanism = match present.as_slice() {
        [one] => read_mechanism(&obj, one, file),
        [] => {
            ctx.error_hint(
                Code::MissingKey,
                obj.span(),
                msg!("rules-no-mechanism", what = &what),
                msg!("rules-give-one-of", choices = MECHANISMS.join(", ")),
            );
            None
        }
        many => {
            ctx.error(Code::InvalidValue, obj.span(), msg!("rules-several-mechanisms", what = &what, mechanisms = many.join(", ")));
            None
        }
    };
    obj.finish();
    Some(StepDef {
        name: name.get_ref().clone(),
        label: label?.into_inner(),
        unit,
        reference,
        description,
        explanation,
        rounding,
        no_rounding,
        mechanism: mechanism?,
        location: ctx.loc(name.span()),
        file,
        name_span: name.span(),
    })
}

/// The table under an `Obj`, re-read so the step's name can title its messages.
fn obj_table<'c, 'i>(obj: &Obj<'c, 'i>) -> &'c toml::de::DeTable<'i> {
    obj.table_ref()
}

fn read_rounding(obj: &Obj<'_, '_>) -> (Option<Rounding>, bool) {
    let Some(item) = obj.get("round") else { return (None, false) };
    if let toml::de::DeValue::String(s) = item.get_ref()
        && s.as_ref() == "none"
    {
        return (None, true);
    }
    let Some(r) = Obj::of(obj.ctx(), item, &key_of("round", obj.what())) else { return (None, false) };
    let step = r.decimal("step");
    let mode = match r.opt_str("mode") {
        Some(m) => parse_choice(&r, &m, "rounding mode", RoundingMode::NAMES, RoundingMode::parse),
        None => Some(RoundingMode::HalfUp),
    };
    if let Some(s) = &step
        && s.get_ref() <= &rust_decimal::Decimal::ZERO
    {
        r.ctx().error(Code::InvalidValue, s.span(), msg!("rules-rounding-step-positive"));
    }
    r.finish();
    match (step, mode) {
        (Some(step), Some(mode)) => (Some(Rounding { step: step.into_inner(), mode }), false),
        _ => (None, false),
    }
}

fn read_mechanism(obj: &Obj<'_, '_>, which: &str, file: FileId) -> Option<Mechanism> {
    let ctx = obj.ctx();
    match which {
        "filter" => {
            let m = obj.table("filter")?;
            let dataset = spanned(m.str("dataset"));
            let condition = m.opt("where", |c, i, w| read_expr(c, i, w, file));
            m.finish();
            Some(Mechanism::Filter { dataset: dataset?, condition })
        }
        "lookup" => {
            let m = obj.table("lookup")?;
            let dataset = spanned(m.opt_str("dataset"));
            let table = spanned(m.str("table"));
            let column = spanned(m.opt_str("column"));
            let keys_obj = m.table("keys");
            let mut keys = Vec::new();
            if let Some(k) = &keys_obj {
                for (key, item) in k.entries() {
                    if let Some(e) = read_expr(ctx, item, &msg!("rules-what-key", name = key.get_ref().as_ref()), file) {
                        keys.push((key.get_ref().to_string(), e));
                    }
                }
            }
            m.finish();
            Some(Mechanism::Lookup { dataset, table: table?, column, keys })
        }
        "aggregate" => {
            let m = obj.table("aggregate")?;
            let dataset = spanned(m.str("dataset"));
            let present: Vec<&str> = AGG_OPS.iter().copied().filter(|k| m.has(k)).collect();
            let op = match present.as_slice() {
                ["count"] => {
                    m.bool("count");
                    Some(AggOp::Count)
                }
                [one] => {
                    let item = m.get(one)?;
                    read_expr(ctx, item, &Message::text(format!("`{one}`")), file).map(|e| match *one {
                        "sum" => AggOp::Sum(e),
                        "min" => AggOp::Min(e),
                        _ => AggOp::Max(e),
                    })
                }
                [] => {
                    ctx.error_hint(
                        Code::MissingKey,
                        m.span(),
                        msg!("rules-aggregate-no-operation", what = obj.what()),
                        msg!("rules-aggregate-operations"),
                    );
                    None
                }
                many => {
                    ctx.error(
                        Code::InvalidValue,
                        m.span(),
                        msg!("rules-aggregate-several-operations", what = obj.what(), operations = many.join(", ")),
                    );
                    None
                }
            };
            let condition = m.opt("where", |c, i, w| read_expr(c, i, w, file));
            let group_by = m.opt("group_by", |c, i, w| read_expr(c, i, w, file));
            // Where money is rounded in a sum of rows: each row before the sum (here), or the sum
            // alone (the step's `round`, or the rulebook's money rounding).
            let round_rows = match m.get("round_rows") {
                Some(item) => {
                    let r = Obj::of(ctx, item, &key_of("round_rows", obj.what()))?;
                    let step = r.decimal("step");
                    let mode = match r.opt_str("mode") {
                        Some(s) => parse_choice(&r, &s, "rounding mode", RoundingMode::NAMES, RoundingMode::parse),
                        None => Some(RoundingMode::HalfUp),
                    };
                    if let Some(s) = &step
                        && s.get_ref() <= &rust_decimal::Decimal::ZERO
                    {
                        ctx.error(Code::InvalidValue, s.span(), msg!("rules-rounding-step-positive"));
                    }
                    r.finish();
                    if matches!(op, Some(AggOp::Count | AggOp::Min(_) | AggOp::Max(_))) {
                        ctx.error(Code::InvalidValue, item.span(), msg!("rules-round-rows-sum-only"));
                    }
                    Some(Rounding { step: step?.into_inner(), mode: mode? })
                }
                None => None,
            };
            m.finish();
            Some(Mechanism::Aggregate { dataset: dataset?, op: op?, condition, group_by, round_rows })
        }
        "derive" => {
            let m = obj.table("derive")?;
            let dataset = spanned(m.str("dataset"));
            let value = m.req("value", |c, i, w| read_expr(c, i, w, file));
            let key = m.opt("key", |c, i, w| read_expr(c, i, w, file));
            m.finish();
            Some(Mechanism::Derive { dataset: dataset?, value: value?, key })
        }
        "classify" => {
            let m = obj.table("classify")?;
            let dataset = spanned(m.str("dataset"));
            let list = spanned(m.str("list"));
            let code = m.req("code", |c, i, w| read_expr(c, i, w, file));
            let date = m.req("date", |c, i, w| read_expr(c, i, w, file));
            let mut classes = Vec::new();
            for item in m.array("classes").unwrap_or_default() {
                let Some(c) = Obj::of(ctx, item, &msg!("rules-what-a-class")) else { continue };
                let name = c.str("name");
                let label = c.opt_str("label");
                let when = c.req("when", |cx, i, w| read_expr(cx, i, w, file));
                c.finish();
                if let (Some(name), Some(when)) = (name, when) {
                    let label = label.map_or_else(|| name.get_ref().clone(), |l| l.into_inner());
                    classes.push(ClassDef { name: name.into_inner(), label, when });
                }
            }
            if classes.is_empty() {
                ctx.error(Code::MissingKey, m.span(), msg!("rules-no-classes", what = obj.what()));
            }
            m.finish();
            Some(Mechanism::Classify { dataset: dataset?, list: list?, code: code?, date: date?, classes })
        }
        "formula" => {
            let s = obj.str("formula")?;
            let offset = text_offset(&ctx.file.text, s.span());
            Some(Mechanism::Formula(FormulaSource::Inline { text: s.into_inner(), offset }))
        }
        "function" => {
            let s = obj.str("function")?;
            let Some((script, function)) = s.get_ref().split_once("::") else {
                ctx.error_hint(
                    Code::InvalidValue,
                    s.span(),
                    msg!("rules-not-a-function", text = s.get_ref()),
                    msg!("rules-function-example"),
                );
                return None;
            };
            Some(Mechanism::Formula(FormulaSource::Function { script: script.to_string(), function: function.to_string(), span: s.span() }))
        }
        "checks" => {
            let mut checks = Vec::new();
            for item in obj.array("checks")? {
                let Some(c) = Obj::of(ctx, item, &msg!("rules-what-a-check")) else { continue };
                let name = c.str("name");
                let label = c.str("label");
                let when = c.req("when", |cx, i, w| read_expr(cx, i, w, file));
                c.finish();
                if let (Some(name), Some(label), Some(when)) = (name, label, when) {
                    checks.push(CheckDef { name: name.into_inner(), label: label.into_inner(), when });
                }
            }
            Some(Mechanism::Checks(checks))
        }
        _ => {
            let m = obj.table("score")?;
            let set = spanned(m.str("indicators"));
            m.finish();
            Some(Mechanism::Score { set: set? })
        }
    }
}

impl StepDef {
    /// Every file this step points into (its own and its expressions') mapped through `f`: a
    /// step taken into another rulebook's items keeps pointing at its own file.
    pub(crate) fn map_files(&mut self, f: impl Fn(FileId) -> FileId) {
        self.file = f(self.file);
        if let Some(e) = &mut self.explanation {
            e.map_files(&f);
        }
        let sources: Vec<&mut ExprSource> = match &mut self.mechanism {
            Mechanism::Filter { condition, .. } => condition.iter_mut().collect(),
            Mechanism::Lookup { keys, .. } => keys.iter_mut().map(|(_, e)| e).collect(),
            Mechanism::Aggregate { op, condition, group_by, .. } => {
                op.expr_mut().into_iter().chain(condition.iter_mut()).chain(group_by.iter_mut()).collect()
            }
            Mechanism::Derive { value, key, .. } => std::iter::once(value).chain(key.iter_mut()).collect(),
            Mechanism::Classify { code, date, classes, .. } => {
                [code, date].into_iter().chain(classes.iter_mut().map(|c| &mut c.when)).collect()
            }
            Mechanism::Checks(checks) => checks.iter_mut().map(|c| &mut c.when).collect(),
            Mechanism::Formula(_) | Mechanism::Score { .. } => Vec::new(),
        };
        for s in sources {
            s.file = f(s.file);
        }
    }

    /// The mechanism as people read it (see `describe_message`).
    pub fn describe(&self) -> Message {
        self.describe_message()
    }

    /// The mechanism as people read it: what is filtered, looked up, summed or computed.
    pub fn describe_message(&self) -> Message {
        let w = |c: &Option<ExprSource>| match c {
            Some(e) => msg!("rules-describe-where", condition = squash(&e.text)),
            None => Message::text(""),
        };
        match &self.mechanism {
            Mechanism::Filter { dataset, condition } => msg!("rules-describe-filter", dataset = &dataset.text, filter = w(condition)),
            Mechanism::Lookup { dataset, table, column, keys } => {
                let keys: Vec<String> = keys.iter().map(|(k, e)| format!("{k} = {}", squash(&e.text))).collect();
                let col = column.as_ref().map(|c| format!(".{}", c.text)).unwrap_or_default();
                let cell = format!("{}{col}[{}]", table.text, keys.join(", "));
                match dataset {
                    Some(ds) => msg!("rules-describe-lookup-rows", dataset = &ds.text, cell = cell),
                    None => Message::text(cell),
                }
            }
            Mechanism::Aggregate { dataset, op, condition, group_by, round_rows } => {
                let by = match group_by {
                    Some(e) => msg!("rules-describe-by", expr = squash(&e.text)),
                    None => Message::text(""),
                };
                let rounded = match round_rows {
                    Some(r) => msg!("rules-describe-rows-rounded", step = r.step.normalize(), mode = r.mode.to_string()),
                    None => Message::text(""),
                };
                match op {
                    AggOp::Count => msg!("rules-describe-count", dataset = &dataset.text, filter = w(condition), by = by),
                    AggOp::Sum(e) | AggOp::Min(e) | AggOp::Max(e) => Message::id("rules-describe-aggregate")
                        .with("op", op.key())
                        .with("expr", squash(&e.text))
                        .with("dataset", &dataset.text)
                        .with("filter", w(condition))
                        .with("by", by)
                        .with("rounded", rounded),
                }
            }
            Mechanism::Derive { dataset, value, key } => {
                let by = match key {
                    Some(e) => msg!("rules-describe-by", expr = squash(&e.text)),
                    None => Message::text(""),
                };
                msg!("rules-describe-derive", dataset = &dataset.text, by = by, value = squash(&value.text))
            }
            Mechanism::Classify { dataset, list, code, date, classes } => Message::id("rules-describe-classify")
                .with("dataset", &dataset.text)
                .with("list", &list.text)
                .with("code", squash(&code.text))
                .with("date", squash(&date.text))
                .with("classes", describe_classes(classes)),
            Mechanism::Formula(FormulaSource::Inline { text, .. }) => Message::text(squash(text)),
            Mechanism::Formula(FormulaSource::Function { script, function, .. }) => Message::text(format!("{script}::{function}")),
            Mechanism::Checks(checks) => {
                Message::text(checks.iter().map(|c| format!("{}: {}", c.name, squash(&c.when.text))).collect::<Vec<_>>().join("; "))
            }
            Mechanism::Score { set } => msg!("rules-describe-score", set = &set.text),
        }
    }
}

/// The classes of a classification, in order: "A if x; else B if y".
fn describe_classes(classes: &[ClassDef]) -> Message {
    let mut out = Message::text("");
    for (k, c) in classes.iter().enumerate() {
        let condition = squash(&c.when.text);
        out = if k == 0 {
            msg!("rules-describe-class", class = &c.name, condition = condition)
        } else {
            msg!("rules-describe-next-class", previous = out, class = &c.name, condition = condition)
        };
    }
    out
}

/// Collapses the white space of a multi-line expression onto one line.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn spanned(s: Option<toml::Spanned<String>>) -> Option<Spanned> {
    s.map(|s| Spanned { span: s.span(), text: s.into_inner() })
}

/// Where the text of a string value starts in the file (after its opening quotes).
pub(crate) fn text_offset(file_text: &str, span: Range<usize>) -> usize {
    let raw = &file_text[span.start.min(file_text.len())..];
    let quotes = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        let after = &raw[3..];
        3 + usize::from(after.starts_with('\n'))
    } else {
        1
    };
    span.start + quotes
}

fn read_expr(ctx: &Ctx<'_>, item: &Item<'_>, what: &Message, file: FileId) -> Option<ExprSource> {
    let s = read_str(ctx, item, what)?;
    let offset = text_offset(&ctx.file.text, s.span());
    match expr::parse(s.get_ref()) {
        Ok(ast) => Some(ExprSource { text: s.into_inner(), ast, offset, file }),
        Err(e) => {
            let span = offset + e.span.start..offset + e.span.end;
            ctx.error(Code::ExpressionSyntax, span, msg!("rules-in", what = what, reason = e.message()));
            None
        }
    }
}

pub(crate) fn read_rounding_choice(obj: &Obj<'_, '_>, key: &str) -> Option<Rounding> {
    let r = obj.opt_table(key)?;
    let step = r.decimal("step");
    let mode = read_choice(&r, "mode", RoundingMode::NAMES, RoundingMode::parse);
    r.finish();
    Some(Rounding { step: step?.into_inner(), mode: mode? })
}
