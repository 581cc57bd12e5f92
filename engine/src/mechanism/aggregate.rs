//! `aggregate`: the count, sum, smallest or largest value of a view's rows that meet a
//! condition; when the step groups, the value of each group too, kept for the rows of any
//! dataset to read by key (`step(KEY)`) and shown as the breakdown.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::eval::kernel::exact_sum;
use crate::eval::rows::{Columns, Reads, RowSource, Walker};
use crate::eval::state::State;
use crate::eval::{Failure, Part, StepResult, number};
use crate::expr::{self, Expr};
use crate::ids::{FileId, StepId, ViewId};
use crate::mechanism::{DerivedUnit, Rows, StepCx, StepMechanism, describe_by, describe_where, own_kind, squash};
use crate::message::Message;
use crate::names::closed_names;
use crate::rulebook::resolver::Binder;
use crate::rulebook::{Rulebook, Scope};
use crate::rules::provenance::parse_choice;
use crate::rules::step::{ExprSource, Spanned, read_expr, spanned};
use crate::rules::strict::{Obj, key_of};
use crate::schema::values::StepRounding;
use crate::value::{Kind, Rounding, RoundingMode, Unit, Value};

/// An aggregate as written.
#[derive(Debug, Clone)]
pub struct Aggregate {
    pub(crate) dataset: Spanned,
    pub(crate) op: AggOp,
    pub(crate) condition: Option<ExprSource>,
    pub(crate) group_by: Option<ExprSource>,
    pub(crate) round_rows: Option<Rounding>,
}

closed_names! {
    /// The operations of an aggregate, one per aggregate, as rule files spell them.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum AggName { Sum = "sum", Count = "count", Min = "min", Max = "max" }
}

/// What an aggregate computes, as written.
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
    /// The operation `name` of the expression `e` (none for a count).
    fn of(name: AggName, e: ExprSource) -> AggOp {
        match name {
            AggName::Sum => AggOp::Sum(e),
            AggName::Count => AggOp::Count,
            AggName::Min => AggOp::Min(e),
            AggName::Max => AggOp::Max(e),
        }
    }

    fn expr_mut(&mut self) -> Option<&mut ExprSource> {
        match self {
            AggOp::Sum(e) | AggOp::Min(e) | AggOp::Max(e) => Some(e),
            AggOp::Count => None,
        }
    }

    /// The operation's name in a rule file.
    pub(crate) fn name(&self) -> AggName {
        match self {
            AggOp::Sum(_) => AggName::Sum,
            AggOp::Count => AggName::Count,
            AggOp::Min(_) => AggName::Min,
            AggOp::Max(_) => AggName::Max,
        }
    }
}

/// Counts or sums the rows of a view that meet a condition, maybe by group.
#[derive(Debug, Clone)]
pub(crate) struct AggregatePlan {
    pub(crate) view: ViewId,
    pub(crate) op: AggregateOp,
    pub(crate) cond: Option<Expr>,
    /// The key of each row's group: the step then also holds its value per group, which rows of
    /// any dataset read by key (`step(KEY)`).
    pub(crate) group: Option<Expr>,
    /// Each row's value rounded before it is added (`round_rows`).
    pub(crate) round_rows: Option<Rounding>,
}

/// What an aggregate computes over the rows it keeps.
#[derive(Debug, Clone)]
pub(crate) enum AggregateOp {
    Count,
    Sum(Expr),
    Min(Expr),
    Max(Expr),
}

impl AggregateOp {
    /// The value over no row: zero for a count or a sum, null for a smallest or largest value.
    pub(crate) fn empty(&self) -> Value {
        match self {
            AggregateOp::Count | AggregateOp::Sum(_) => Value::Number(rust_decimal::Decimal::ZERO),
            AggregateOp::Min(_) | AggregateOp::Max(_) => Value::Null,
        }
    }
}

/// The `aggregate` mechanism: one of `sum = "EXPR"`, `count = true`, `min = "EXPR"` or
/// `max = "EXPR"`.
// The schema types are read by serde and schemars only.
#[allow(dead_code, reason = "fields for the schema")] // not prose
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "AggregateDef")]
pub(crate) struct AggregateEntry {
    /// The dataset summed or counted.
    pub(crate) dataset: String,
    /// The expression summed over the rows.
    pub(crate) sum: Option<String>,
    /// Count the rows.
    pub(crate) count: Option<bool>,
    /// The smallest value of the expression over the rows (a number or a date; none over no row).
    pub(crate) min: Option<String>,
    /// The largest value of the expression over the rows (a number or a date; none over no row).
    pub(crate) max: Option<String>,
    /// The condition a row must meet to be counted.
    #[serde(rename = "where")]
    pub(crate) condition: Option<String>,
    /// An expression the rows are grouped by: one value per group, which an expression over
    /// the rows of any dataset reads as `step(KEY)` (a group with no row: 0, or none for a
    /// smallest or largest value).
    pub(crate) group_by: Option<String>,
    /// With `sum`: each row's value rounded before it is added (e.g. { step = "0.01", mode =
    /// "half-up" }: each row an amount in cents, as a file of money rows declares it). Without
    /// it, only the sum is rounded (the step's `round`, or the rulebook's money rounding).
    pub(crate) round_rows: Option<StepRounding>,
}

impl StepMechanism for Aggregate {
    type Plan = AggregatePlan;
    type Entry = AggregateEntry;
    const DOC: &'static str = "A sum, a count, a smallest or a largest value over the rows of a dataset, in total and,\nwith `group_by`, per group (read by key from other rows: `step(KEY)`)."; // not prose

    fn read(obj: &Obj<'_, '_>, key: &'static str, file: FileId) -> Option<Self> {
        let ctx = obj.ctx();
        let m = obj.table(key)?;
        let dataset = spanned(m.str("dataset"));
        let present: Vec<AggName> = AggName::ALL.iter().copied().filter(|k| m.has(k.as_str())).collect();
        let op = match present.as_slice() {
            [AggName::Count] => {
                m.bool("count");
                Some(AggOp::Count)
            }
            [one] => {
                let item = m.get(one.as_str())?;
                read_expr(ctx, item, &Message::text(format!("`{one}`")), file).map(|e| AggOp::of(*one, e))
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
                let many: Vec<&str> = many.iter().map(|o| o.as_str()).collect();
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
        Some(Aggregate { dataset: dataset?, op: op?, condition, group_by, round_rows })
    }

    fn unit(&self, _rb: &Scope) -> DerivedUnit {
        match self.op {
            AggOp::Count => DerivedUnit::Is(Unit::Count),
            AggOp::Sum(_) | AggOp::Min(_) | AggOp::Max(_) => DerivedUnit::Declared,
        }
    }

    fn exprs_mut(&mut self) -> Vec<&mut ExprSource> {
        self.op.expr_mut().into_iter().chain(self.condition.iter_mut()).chain(self.group_by.iter_mut()).collect()
    }

    fn describe(&self) -> Message {
        let Aggregate { dataset, op, condition, group_by, round_rows } = self;
        let by = describe_by(group_by.as_ref());
        let rounded = match round_rows {
            Some(r) => msg!("rules-describe-rows-rounded", step = r.step.normalize(), mode = r.mode.to_string()),
            None => Message::text(""),
        };
        let filter = describe_where(condition.as_ref());
        match op {
            AggOp::Count => msg!("rules-describe-count", dataset = &dataset.text, filter = filter, by = by),
            AggOp::Sum(e) | AggOp::Min(e) | AggOp::Max(e) => Message::id("rules-describe-aggregate")
                .with("op", op.name().as_str())
                .with("expr", squash(&e.text))
                .with("dataset", &dataset.text)
                .with("filter", filter)
                .with("by", by)
                .with("rounded", rounded),
        }
    }

    fn rows(&self) -> Rows<'_> {
        Rows { grouped: self.group_by.as_ref().map(|g| (&self.dataset, g)), ..Rows::default() }
    }

    fn labels(&self, _step: &str) -> Vec<(Message, &str)> {
        Vec::new()
    }

    fn bind(&self, b: &mut Binder<'_>, cx: &StepCx<'_>, diags: &mut Vec<Diagnostic>) -> Option<AggregatePlan> {
        let view = cx.rows(b, &self.dataset, diags)?;
        let op = bind_op(b, cx, &self.op, diags)?;
        let cond = cx.optional(b, self.condition.as_ref(), Some(Kind::Bool), msg!("rules-part", part = "condition"), diags)?;
        let group = cx.optional(b, self.group_by.as_ref(), None, msg!("rules-part", part = "grouping"), diags)?;
        Some(AggregatePlan { view, op, cond, group, round_rows: self.round_rows })
    }

    fn run(plan: &AggregatePlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> StepResult {
        let (total, groups) = fold(&Walker::new(rb, st, plan.view, reads(plan)), plan)?;
        Ok(result(st, i, plan, total, groups))
    }

    fn run_vector(plan: &AggregatePlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> Option<StepResult> {
        let columns = match Columns::new(rb, st, plan.view, &reads(plan)) {
            Ok(columns) => columns,
            Err(e) => return Some(Err(e.into())),
        };
        let folded = match exact(&columns, plan) {
            Some(total) => Ok((total, BTreeMap::new())),
            None => fold(&columns, plan),
        };
        drop(columns);
        Some(folded.map(|(total, groups)| result(st, i, plan, total, groups)))
    }
}

/// What an aggregate computes: a sum of numbers; a smallest or largest number or date, of the
/// step's unit.
fn bind_op(b: &mut Binder<'_>, cx: &StepCx<'_>, op: &AggOp, diags: &mut Vec<Diagnostic>) -> Option<AggregateOp> {
    let unit_kind = own_kind(b);
    Some(match op {
        AggOp::Count => AggregateOp::Count,
        AggOp::Sum(e) => AggregateOp::Sum(cx.check(b, e, Some(Kind::Number), msg!("rules-part", part = "sum"), diags)?),
        AggOp::Min(e) | AggOp::Max(e) => {
            let key = op.name().as_str();
            let want = unit_kind.filter(|k| matches!(k, Kind::Number | Kind::Date));
            if want.is_none() {
                diags.push(
                    Diagnostic::error(Code::TypeMismatch, msg!("rules-min-max-unit", step = &cx.d.name, op = key))
                        .at(cx.d.location.clone()),
                );
                return None;
            }
            let checked = cx.check(b, e, want, msg!("rules-part", part = key), diags)?;
            if matches!(op, AggOp::Min(_)) { AggregateOp::Min(checked) } else { AggregateOp::Max(checked) }
        }
    })
}

/// What a group (or the whole) holds as rows are folded into it.
#[derive(Clone)]
struct Acc {
    rows: u64,
    value: Value,
}

impl Acc {
    fn new(op: &AggregateOp) -> Acc {
        Acc { rows: 0, value: op.empty() }
    }

    /// Folds one row's value (`Value::Null` for a count) into the accumulator.
    fn add(&mut self, op: &AggregateOp, v: &Value) -> Result<(), Failure> {
        self.rows += 1;
        self.value = match (op, &self.value) {
            (AggregateOp::Count, Value::Number(n)) => Value::Number(n.checked_add(Decimal::ONE).ok_or(Failure::SumOverflow)?),
            (AggregateOp::Sum(_), Value::Number(n)) => {
                Value::Number(n.checked_add(number(v.clone(), msg!("eval-the-sum"))?).ok_or(Failure::SumOverflow)?)
            }
            (AggregateOp::Min(_) | AggregateOp::Max(_), _) if *v == Value::Null => return Ok(()),
            (AggregateOp::Min(_), current) if *current == Value::Null || v < current => v.clone(),
            (AggregateOp::Max(_), current) if *current == Value::Null || v > current => v.clone(),
            _ => return Ok(()),
        };
        Ok(())
    }
}

/// What the fold reads of each row: the rows meeting the condition; the value folded (none for a
/// count), then the group's key.
fn reads(plan: &AggregatePlan) -> Reads<'_> {
    let value = match &plan.op {
        AggregateOp::Count => None,
        AggregateOp::Sum(e) | AggregateOp::Min(e) | AggregateOp::Max(e) => Some(e),
    };
    Reads { keep: plan.cond.as_ref(), values: value.into_iter().chain(plan.group.as_ref()).collect(), ..Reads::default() }
}

/// The aggregate over the rows either path gives: each kept row's value (rounded if asked)
/// folded into the total and into its group's.
fn fold<S: RowSource>(rows: &S, plan: &AggregatePlan) -> Result<(Acc, BTreeMap<Value, Acc>), Failure> {
    let AggregatePlan { op, group, round_rows, .. } = plan;
    let key_at = usize::from(!matches!(op, AggregateOp::Count));
    let mut total = Acc::new(op);
    let mut groups: BTreeMap<Value, Acc> = BTreeMap::new();
    // Where the driver gives the keys dictionary-coded, each row's group is found by its code
    // (equal keys, equal codes), and the groups go into the map at the end, each under the key
    // of its first row, as the map keeps it.
    let coded = if group.is_some() { rows.codes(key_at) } else { None };
    let mut by_code: Vec<Option<(Value, Acc)>> = vec![None; coded.as_ref().map_or(0, |c| c.1)];
    let mut first_seen: Vec<u32> = Vec::new();
    rows.each(|at| {
        let v = if key_at == 0 { Value::Null } else { rows.value(at, 0)? };
        let v = match (round_rows, v) {
            (Some(rounding), Value::Number(n)) => Value::Number(expr::round(*rounding, n)?),
            (_, v) => v,
        };
        total.add(op, &v)?;
        if let Some((codes, _)) = &coded {
            let code = codes[at.position()];
            let slot = &mut by_code[code as usize];
            if slot.is_none() {
                *slot = Some((rows.value(at, key_at)?, Acc::new(op)));
                first_seen.push(code);
            }
            slot.as_mut().expect("a group met").1.add(op, &v)?;
        } else if group.is_some() {
            groups.entry(rows.value(at, key_at)?).or_insert_with(|| Acc::new(op)).add(op, &v)?;
        }
        Ok(())
    })?;
    for code in first_seen {
        if let Some((key, acc)) = by_code[code as usize].take() {
            groups.insert(key, acc);
        }
    }
    Ok((total, groups))
}

/// A count, or a sum over typed numbers, of no group and no rounding per row, at once on the
/// vector path: what `fold` gives when it is certainly that (`kernel::exact_sum`); else none.
fn exact(columns: &Columns<'_, '_>, plan: &AggregatePlan) -> Option<Acc> {
    if plan.group.is_some() || plan.round_rows.is_some() {
        return None;
    }
    let rows = columns.len() as u64;
    let value = match &plan.op {
        AggregateOp::Count => Decimal::from(rows),
        AggregateOp::Sum(_) => exact_sum(columns.numbers(0)?)?,
        AggregateOp::Min(_) | AggregateOp::Max(_) => return None,
    };
    Some(Acc { rows, value: Value::Number(value) })
}

/// The step's value, and per group its breakdown and its value kept for reads by key.
fn result(st: &mut State<'_>, i: StepId, plan: &AggregatePlan, total: Acc, groups: BTreeMap<Value, Acc>) -> (Value, Vec<Part>) {
    if plan.group.is_none() {
        return (total.value, Vec::new());
    }
    let breakdown = groups
        .iter()
        .map(|(k, acc)| Part {
            key: k.render(),
            label: None,
            count: Some(acc.rows),
            value: Some(acc.value.clone()),
            detail: None,
            compared: None,
        })
        .collect();
    st.groups[i] = Some(groups.into_iter().map(|(k, acc)| (k, acc.value)).collect());
    (total.value, breakdown)
}
