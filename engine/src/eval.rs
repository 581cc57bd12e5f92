//! Evaluation: the outputs of one rulebook on one case, step by step in dependency order, each
//! with what it read, its breakdown (table cells hit, classes, groups, indicators), the assumed
//! values it rests on, and a manifest that identifies every input.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use chrono::NaiveDate;
// Membership and index lookups run once per row or more: foldhash is several times faster than
// the standard SipHash, and its per-process random seed keeps crafted data from forcing collisions.
use foldhash::{HashMap, HashMapExt, HashSet};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::data::case::Case;
use crate::data::dataset::Dataset;
use crate::diagnostic::{Code, Diagnostic};
use crate::expr::{self, BinOp, Env, Expr, Slot};
use crate::formula;
use crate::rulebook::{LISTED, Plan, ReadRef, Rulebook, Step, WaterfallBar, scalar_seed, space};
use crate::value::{Status, Unit, Value};

#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub year: i32,
    pub rulebook: String,
    /// Whether the gate's checks all passed (true when the rulebook has no gate).
    pub eligible: bool,
    /// The checks of the gate that failed, with their labels.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failed_checks: Vec<Part>,
    pub total: Value,
    pub total_name: String,
    pub components: Vec<String>,
    pub outputs: Vec<Output>,
    /// How many distinct assumed rule items the total rests on.
    pub assumed_count: usize,
    /// For each assumed rule item, the part of the total carried by the components that rest on it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub assumed_shares: Vec<AssumedShare>,
    /// The walk from the first level to the total, as the rulebook declares it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waterfall: Vec<Bar>,
    pub diagnostics: Vec<Diagnostic>,
    pub manifest: RunManifest,
}

#[derive(Debug, Clone, Serialize)]
pub struct Output {
    pub name: String,
    pub label: String,
    pub value: Value,
    pub unit: Unit,
    pub mechanism: &'static str,
    /// The mechanism as people read it (the condition, the sum, the formula).
    pub formula: String,
    /// For a Rhai function: its source text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub breakdown: Vec<Part>,
    pub reads: Vec<Read>,
    /// The assumed rule items (parameters, tables, lists, indicator sets) this output rests on,
    /// directly or through earlier outputs.
    pub assumed: Vec<String>,
}

/// One line of a breakdown: a table row hit, a class, a group, an indicator or a check.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// One bar of the waterfall: how much an output moves the running amount, and where it ends.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub name: String,
    pub label: String,
    pub delta: Decimal,
    pub running: Decimal,
    /// The first bar is the starting level itself.
    pub start: bool,
}

/// The part of the total that rests on one assumed rule item: the sum of the absolute values of
/// the components that depend on it, over the sum of the absolute values of all components.
#[derive(Debug, Clone, Serialize)]
pub struct AssumedShare {
    pub item: String,
    pub amount: Decimal,
    /// Between 0 and 1, rounded to 4 decimals.
    pub share: Decimal,
}

/// Something an output read, with its value and provenance.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Read {
    Parameter { name: String, value: Value, unit: Unit, status: Status, reference: String },
    Input { name: String, value: Value },
    Output { name: String, value: Value },
    Table { name: String, status: Status, reference: String },
    List { name: String, status: Status, reference: String },
    Dataset { name: String, rows: usize },
    Indicators { name: String, status: Status, reference: String },
    Builtin { name: String, value: Value },
}

#[derive(Debug, Clone, Serialize)]
pub struct RunManifest {
    pub engine: String,
    pub year: i32,
    pub rulebook_sha256: String,
    pub norms: Vec<ManifestFile>,
    pub inputs: Vec<ManifestFile>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ManifestFile {
    pub name: String,
    pub sha256: String,
}

/// Per row of a classified dataset: the list item found for its code, and the date it was read at.
type ItemColumn = Vec<Option<(u32, NaiveDate)>>;

struct State<'a> {
    datasets: Vec<&'a Dataset>,
    scalars: Vec<Value>,
    views: Vec<Option<Vec<u32>>>,
    computed: Vec<Option<Vec<Value>>>,
    items: Vec<Option<ItemColumn>>,
    sets: Vec<Option<HashSet<Value>>>,
    /// Rows of a view by the value of one column, built the first time an `exists` needs them.
    indexes: RefCell<HashMap<(usize, usize), Rc<RowIndex>>>,
}

type RowIndex = HashMap<Value, Vec<u32>>;

impl State<'_> {
    fn index(&self, view: usize, column: usize, ds: &Dataset) -> Option<Rc<RowIndex>> {
        if let Some(index) = self.indexes.borrow().get(&(view, column)) {
            return Some(index.clone());
        }
        let rows = self.views[view].as_ref()?;
        let mut index = RowIndex::with_capacity(rows.len());
        for &r in rows {
            index.entry(ds.rows[r as usize][column].clone()).or_default().push(r);
        }
        let index = Rc::new(index);
        self.indexes.borrow_mut().insert((view, column), index.clone());
        Some(index)
    }
}

struct RowEnv<'s, 'a> {
    rb: &'s Rulebook,
    st: &'s State<'a>,
    ds: Option<&'s Dataset>,
    row: usize,
    inner: Option<(&'s Dataset, usize)>,
}

impl Env for RowEnv<'_, '_> {
    fn get(&self, slot: Slot) -> Value {
        let i = slot.index as usize;
        match slot.space {
            space::COLUMN => self.ds.map_or(Value::Null, |d| d.rows[self.row][i].clone()),
            space::INNER => self.inner.map_or(Value::Null, |(d, r)| d.rows[r][i].clone()),
            space::COMPUTED => self.st.computed[i].as_ref().map_or(Value::Null, |c| c[self.row].clone()),
            space::ITEM => {
                let Some(items) = &self.st.items[i] else { return Value::Null };
                let item = items[self.row];
                if slot.sub == LISTED {
                    return Value::Bool(item.is_some());
                }
                let Plan::Classify { list, .. } = &self.rb.steps[i].plan else { return Value::Null };
                item.map_or(Value::Null, |(it, date)| self.rb.lists[*list].value(it as usize, slot.sub as usize, date))
            }
            _ => self.st.scalars[i].clone(),
        }
    }

    fn get_ref(&self, slot: Slot) -> Option<&Value> {
        let i = slot.index as usize;
        match slot.space {
            space::COLUMN => self.ds.map(|d| &d.rows[self.row][i]),
            space::INNER => self.inner.map(|(d, r)| &d.rows[r][i]),
            space::COMPUTED => self.st.computed[i].as_ref().map(|c| &c[self.row]),
            space::ITEM => None,
            _ => Some(&self.st.scalars[i]),
        }
    }

    fn contains(&self, set: usize, value: &Value) -> bool {
        self.st.sets[set].as_ref().is_some_and(|s| s.contains(value))
    }

    fn exists(&self, view: usize, cond: &Expr) -> bool {
        let v = self.rb.exists_views[view];
        let ds = self.st.datasets[self.rb.views[v].dataset];
        let Some(rows) = &self.st.views[v] else { return false };
        let holds = |r: u32| {
            let env = RowEnv { inner: Some((ds, r as usize)), ..*self };
            expr::eval_bool(cond, &env).unwrap_or(false)
        };
        // A condition that equates an inner column to an outer value only needs the inner rows
        // holding that value: a hash lookup instead of a scan per outer row.
        if let Some((column, outer)) = equi_key(cond)
            && let Ok(key) = expr::eval(outer, self)
            && let Some(index) = self.st.index(v, column, ds)
        {
            return index.get(&key).is_some_and(|candidates| candidates.iter().any(|&r| holds(r)));
        }
        rows.iter().any(|&r| holds(r))
    }
}

/// In a conjunction, a conjunct `inner column == outer expression`: the column and the expression.
fn equi_key(cond: &Expr) -> Option<(usize, &Expr)> {
    match cond {
        Expr::Bin(BinOp::And, a, b) => equi_key(a).or_else(|| equi_key(b)),
        Expr::Bin(BinOp::Eq, a, b) => match (&**a, &**b) {
            (Expr::Ref(s), other) | (other, Expr::Ref(s)) if s.space == space::INNER && !reads_inner(other) => {
                Some((s.index as usize, other))
            }
            _ => None,
        },
        _ => None,
    }
}

fn reads_inner(e: &Expr) -> bool {
    match e {
        Expr::Const(_) => false,
        Expr::Ref(s) => s.space == space::INNER,
        Expr::Not(a) | Expr::Neg(a) => reads_inner(a),
        Expr::Bin(_, a, b) => reads_inner(a) || reads_inner(b),
        Expr::Call(_, args) => args.iter().any(reads_inner),
        Expr::In(a, _) => reads_inner(a),
        Expr::Exists(..) => true,
    }
}

/// Why a step failed: a message and its diagnostic code.
struct Failure(Code, String);

/// Evaluates `rb` on `case`. The case must have been loaded against `rb.schema` without errors.
pub fn evaluate(rb: &Rulebook, case: &Case) -> Evaluation {
    let empty: Vec<Dataset> = rb
        .datasets
        .iter()
        .map(|d| Dataset {
            name: d.name.clone(),
            columns: d.columns.iter().map(|c| c.0.clone()).collect(),
            kinds: d.columns.iter().map(|c| c.1).collect(),
            rows: Vec::new(),
            file: String::new(),
            sha256: String::new(),
        })
        .collect();
    let datasets: Vec<&Dataset> =
        rb.datasets.iter().enumerate().map(|(i, d)| case.datasets[d.input].as_ref().unwrap_or(&empty[i])).collect();
    let mut st = State {
        scalars: rb
            .scalars
            .iter()
            .map(|s| match s.origin {
                ReadRef::Input(i) => case.values[i].clone(),
                _ => scalar_seed(rb, s),
            })
            .collect(),
        views: rb.views.iter().map(|v| v.step.is_none().then(|| (0..datasets[v.dataset].n_rows() as u32).collect())).collect(),
        computed: vec![None; rb.steps.len()],
        items: vec![None; rb.steps.len()],
        sets: vec![None; rb.sets.len()],
        indexes: RefCell::new(HashMap::new()),
        datasets,
    };
    build_sets(rb, &mut st);
    let step_scalar: Vec<usize> =
        (0..rb.steps.len()).map(|i| rb.scalars.iter().position(|s| s.origin == ReadRef::Step(i)).unwrap_or(0)).collect();
    let mut outputs: Vec<Option<Output>> = vec![None; rb.steps.len()];
    let mut assumed: Vec<BTreeSet<String>> = vec![BTreeSet::new(); rb.steps.len()];
    let mut diagnostics = Vec::new();
    let mut eligible = true;
    let mut failed_checks = Vec::new();
    let mut stopped = false;
    for &i in &rb.order {
        let step = &rb.steps[i];
        let result = run_step(rb, &mut st, i);
        let (value, breakdown) = match result {
            Ok(r) => r,
            Err(Failure(code, message)) => {
                let file = rb.file_of(step);
                let loc = step.def.location.clone();
                let line = match &loc {
                    crate::diagnostic::Location::Source { line, .. } => format!("{}:{line}", file.path),
                    other => other.to_string(),
                };
                let text = if code == Code::BudgetExceeded {
                    format!("step `{}` in {line} exceeded its budget: {message}", step.def.name)
                } else {
                    format!("step `{}` in {line} failed: {message}", step.def.name)
                };
                diagnostics.push(Diagnostic::error(code, text).at(loc));
                stopped = true;
                break;
            }
        };
        let value = match (value, step.rounding) {
            (Value::Number(n), Some(r)) => Value::Number(r.apply(n)),
            (v, _) => v,
        };
        st.scalars[step_scalar[i]] = value.clone();
        let mut set = BTreeSet::new();
        for r in &step.reads {
            match *r {
                ReadRef::Step(j) => set.extend(assumed[j].iter().cloned()),
                other => {
                    if let Some(name) = assumed_name(rb, other) {
                        set.insert(name);
                    }
                }
            }
        }
        assumed[i] = set;
        let is_gate = rb.result.gate == Some(i);
        if is_gate && value == Value::Bool(false) {
            eligible = false;
            failed_checks = breakdown.iter().filter(|p| p.value == Some(Value::Bool(false))).cloned().collect();
        }
        outputs[i] = Some(Output {
            name: step.def.name.clone(),
            label: step.def.label.clone(),
            value,
            unit: step.unit,
            mechanism: step.def.mechanism.name(),
            formula: step.def.describe(),
            source: function_source(rb, step),
            reference: step.def.reference.clone(),
            breakdown,
            reads: reads_of(rb, &st, step),
            assumed: assumed[i].iter().cloned().collect(),
        });
        if is_gate && !eligible {
            break;
        }
    }
    let total_step = &rb.steps[rb.result.total];
    let total = if !eligible {
        Value::Number(total_step.rounding.map_or(Decimal::ZERO, |r| r.apply(Decimal::ZERO)))
    } else {
        outputs[rb.result.total].as_ref().map_or(Value::Null, |o| o.value.clone())
    };
    if eligible && !stopped {
        check_components(rb, &outputs, &total, &mut diagnostics);
    }
    let assumed_count = if eligible { assumed[rb.result.total].len() } else { 0 };
    let assumed_shares = if eligible && !stopped { shares(rb, &outputs, &assumed) } else { Vec::new() };
    let waterfall = if eligible && !stopped { waterfall(rb, &outputs, &total) } else { Vec::new() };
    Evaluation {
        year: rb.year,
        rulebook: rb.label.clone(),
        eligible,
        failed_checks,
        total,
        total_name: total_step.def.name.clone(),
        components: rb.result.components.iter().map(|&c| rb.steps[c].def.name.clone()).collect(),
        outputs: rb.order.iter().filter_map(|&i| outputs[i].take()).collect(),
        assumed_count,
        assumed_shares,
        waterfall,
        diagnostics,
        manifest: manifest(rb, case),
    }
}

fn waterfall(rb: &Rulebook, outputs: &[Option<Output>], total: &Value) -> Vec<Bar> {
    let mut bars: Vec<Bar> = Vec::new();
    let mut running = Decimal::ZERO;
    for (k, bar) in rb.result.waterfall.iter().enumerate() {
        let (i, add) = match *bar {
            WaterfallBar::Level(i) => (i, false),
            WaterfallBar::Add(i) => (i, true),
        };
        let Some(o) = outputs[i].as_ref() else { continue };
        let value = o.value.as_number().unwrap_or_default();
        let delta = if add || k == 0 { value } else { value - running };
        running = if add { running + value } else { value };
        bars.push(Bar { name: o.name.clone(), label: o.label.clone(), delta, running, start: k == 0 });
    }
    if let (Some(t), false) = (total.as_number(), bars.is_empty())
        && t != running
    {
        bars.push(Bar {
            name: "(other)".into(),
            label: "Not declared in the waterfall".into(),
            delta: t - running,
            running: t,
            start: false,
        });
    }
    bars
}

fn function_source(rb: &Rulebook, step: &Step) -> Option<String> {
    let Plan::Function { script, function, .. } = &step.plan else { return None };
    let file = &rb.files[rb.scripts[*script].file];
    formula::function_source(&file.text, function)
}

fn shares(rb: &Rulebook, outputs: &[Option<Output>], assumed: &[BTreeSet<String>]) -> Vec<AssumedShare> {
    let amount = |c: usize| outputs[c].as_ref().and_then(|o| o.value.as_number()).unwrap_or_default().abs();
    let whole: Decimal = rb.result.components.iter().map(|&c| amount(c)).sum();
    if whole.is_zero() {
        return Vec::new();
    }
    let mut by_item: BTreeMap<&str, Decimal> = BTreeMap::new();
    for &c in &rb.result.components {
        for item in &assumed[c] {
            *by_item.entry(item.as_str()).or_default() += amount(c);
        }
    }
    let mut out: Vec<AssumedShare> = by_item
        .into_iter()
        .map(|(item, amount)| AssumedShare { item: item.to_string(), amount, share: (amount / whole).round_dp(4) })
        .collect();
    out.sort_by(|a, b| b.amount.cmp(&a.amount).then_with(|| a.item.cmp(&b.item)));
    out
}

fn check_components(rb: &Rulebook, outputs: &[Option<Output>], total: &Value, diags: &mut Vec<Diagnostic>) {
    if rb.result.components.is_empty() {
        return;
    }
    let sum: Option<Decimal> = rb.result.components.iter().map(|&c| outputs[c].as_ref().and_then(|o| o.value.as_number())).sum();
    if let (Some(sum), Some(t)) = (sum, total.as_number())
        && sum != t
    {
        diags.push(
            Diagnostic::error(Code::ComponentsMismatch, format!("the components add up to {sum}, the total is {t}"))
                .at(rb.steps[rb.result.total].def.location.clone())
                .hint("`[result] components` must list the outputs whose sum is the total"),
        );
    }
}

fn assumed_name(rb: &Rulebook, r: ReadRef) -> Option<String> {
    match r {
        ReadRef::Parameter(i) if rb.parameters[i].provenance.status == Status::Assumed => {
            Some(format!("parameter {}", rb.parameters[i].name))
        }
        ReadRef::Table(i) if rb.tables[i].provenance.status == Status::Assumed => Some(format!("table {}", rb.tables[i].name)),
        ReadRef::List(i)
            if rb.lists[i].provenance.status == Status::Assumed
                || rb.lists[i].items.iter().any(|it| it.provenance.status == Status::Assumed) =>
        {
            Some(format!("list {}", rb.lists[i].name))
        }
        ReadRef::Indicators(i)
            if rb.indicator_sets[i].provenance.status == Status::Assumed
                || rb.indicator_sets[i].indicators.iter().any(|x| x.provenance.status == Status::Assumed) =>
        {
            Some(format!("indicators {}", rb.indicator_sets[i].name))
        }
        _ => None,
    }
}

fn reads_of(rb: &Rulebook, st: &State<'_>, step: &Step) -> Vec<Read> {
    let scalar = |origin: ReadRef| rb.scalars.iter().position(|s| s.origin == origin).map_or(Value::Null, |i| st.scalars[i].clone());
    step.reads
        .iter()
        .map(|&r| match r {
            ReadRef::Parameter(i) => {
                let p = &rb.parameters[i];
                Read::Parameter {
                    name: p.name.clone(),
                    value: scalar(r),
                    unit: p.unit,
                    status: p.provenance.status,
                    reference: p.provenance.reference.clone(),
                }
            }
            ReadRef::Input(i) => Read::Input { name: rb.schema.inputs[i].name.clone(), value: scalar(r) },
            ReadRef::Step(i) => Read::Output { name: rb.steps[i].def.name.clone(), value: scalar(r) },
            ReadRef::Table(i) => Read::Table {
                name: rb.tables[i].name.clone(),
                status: rb.tables[i].provenance.status,
                reference: rb.tables[i].provenance.reference.clone(),
            },
            ReadRef::List(i) => Read::List {
                name: rb.lists[i].name.clone(),
                status: rb.lists[i].provenance.status,
                reference: rb.lists[i].provenance.reference.clone(),
            },
            ReadRef::Dataset(i) => Read::Dataset { name: rb.datasets[i].name.clone(), rows: st.datasets[i].n_rows() },
            ReadRef::Indicators(i) => {
                let s = &rb.indicator_sets[i];
                Read::Indicators { name: s.name.clone(), status: s.provenance.status, reference: s.provenance.reference.clone() }
            }
            ReadRef::Builtin(_) => Read::Builtin {
                name: rb.scalars.iter().find(|s| s.origin == r).map_or(String::new(), |s| s.name.clone()),
                value: scalar(r),
            },
        })
        .collect()
}

fn build_sets(rb: &Rulebook, st: &mut State<'_>) {
    for (i, &(view, col)) in rb.sets.iter().enumerate() {
        if st.sets[i].is_some() {
            continue;
        }
        let Some(rows) = &st.views[view] else { continue };
        let ds = st.datasets[rb.views[view].dataset];
        st.sets[i] = Some(rows.iter().map(|&r| ds.rows[r as usize][col].clone()).filter(|v| *v != Value::Null).collect());
    }
}

fn number(v: Value, what: &str) -> Result<Decimal, Failure> {
    match v {
        Value::Number(n) => Ok(n),
        Value::Null => Ok(Decimal::ZERO),
        other => Err(Failure(Code::FormulaRuntime, format!("{what} gave a {}, not a number", other.kind().name()))),
    }
}

fn eval_err(e: String) -> Failure {
    if e.starts_with("division") || e.starts_with("arithmetic") { Failure(Code::Arithmetic, e) } else { Failure(Code::FormulaRuntime, e) }
}

type StepResult = Result<(Value, Vec<Part>), Failure>;

fn run_step(rb: &Rulebook, st: &mut State<'_>, i: usize) -> StepResult {
    let step = &rb.steps[i];
    match &step.plan {
        Plan::Filter { view, cond } => {
            let ds = st.datasets[rb.views[*view].dataset];
            let rows = st.views[*view].clone().unwrap_or_default();
            let mut kept = Vec::with_capacity(rows.len());
            for r in rows {
                let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
                let keep = match cond {
                    Some(c) => expr::eval_bool(c, &env).map_err(eval_err)?,
                    None => true,
                };
                if keep {
                    kept.push(r);
                }
            }
            let n = kept.len();
            let me = rb.views.iter().position(|v| v.step == Some(i)).expect("every filter step defines a view");
            st.views[me] = Some(kept);
            build_sets(rb, st);
            Ok((Value::Number(Decimal::from(n)), Vec::new()))
        }
        Plan::LookupRows { view, table, column, keys } => {
            let ds = st.datasets[rb.views[*view].dataset];
            let tbl = &rb.tables[*table];
            let rows = st.views[*view].clone().unwrap_or_default();
            let mut values = vec![Value::Null; ds.n_rows()];
            let mut hits: BTreeMap<usize, (u64, Decimal)> = BTreeMap::new();
            let mut total = Decimal::ZERO;
            let mut key_values = Vec::with_capacity(keys.len());
            for r in rows {
                let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
                key_values.clear();
                for k in keys {
                    key_values.push(expr::eval(k, &env).map_err(eval_err)?);
                }
                let Some(row) = tbl.find(&key_values) else {
                    let shown: Vec<String> = tbl
                        .keys
                        .iter()
                        .zip(&key_values)
                        .map(|(k, v)| format!("{} = {}", k.name, if v == &Value::Null { "(empty)".to_string() } else { v.render() }))
                        .collect();
                    return Err(Failure(
                        Code::FormulaRuntime,
                        format!("row {} of `{}`: table `{}` has no row for {}", r as usize + 2, ds.name, tbl.name, shown.join(", ")),
                    ));
                };
                let v = tbl.rows[row].values[*column];
                total += v;
                let e = hits.entry(row).or_insert((0, Decimal::ZERO));
                e.0 += 1;
                e.1 += v;
                values[r as usize] = Value::Number(v);
            }
            st.computed[i] = Some(values);
            let breakdown = hits
                .into_iter()
                .map(|(row, (count, sum))| Part {
                    key: tbl.describe_row(row),
                    label: None,
                    count: Some(count),
                    value: Some(Value::Number(sum)),
                    detail: Some(format!("{} each", tbl.rows[row].values[*column])),
                })
                .collect();
            Ok((Value::Number(total), breakdown))
        }
        Plan::LookupScalar { table, column, keys } => {
            let tbl = &rb.tables[*table];
            let env = RowEnv { rb, st, ds: None, row: 0, inner: None };
            let key_values: Vec<Value> = keys.iter().map(|k| expr::eval(k, &env)).collect::<Result<_, _>>().map_err(eval_err)?;
            let Some(row) = tbl.find(&key_values) else {
                let shown: Vec<String> = tbl.keys.iter().zip(&key_values).map(|(k, v)| format!("{} = {}", k.name, v.render())).collect();
                return Err(Failure(Code::FormulaRuntime, format!("table `{}` has no row for {}", tbl.name, shown.join(", "))));
            };
            let v = tbl.rows[row].values[*column];
            let part = Part { key: tbl.describe_row(row), label: None, count: Some(1), value: Some(Value::Number(v)), detail: None };
            Ok((Value::Number(v), vec![part]))
        }
        Plan::Aggregate { view, sum, cond, group } => {
            let ds = st.datasets[rb.views[*view].dataset];
            let rows = st.views[*view].as_deref().unwrap_or(&[]);
            let mut total = Decimal::ZERO;
            let mut groups: BTreeMap<Value, (u64, Decimal)> = BTreeMap::new();
            for &r in rows {
                let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
                if let Some(c) = cond
                    && !expr::eval_bool(c, &env).map_err(eval_err)?
                {
                    continue;
                }
                let v = match sum {
                    Some(s) => number(expr::eval(s, &env).map_err(eval_err)?, "the sum")?,
                    None => Decimal::ONE,
                };
                total = total.checked_add(v).ok_or_else(|| Failure(Code::Arithmetic, "the sum overflows".into()))?;
                if let Some(g) = group {
                    let key = expr::eval(g, &env).map_err(eval_err)?;
                    let e = groups.entry(key).or_insert((0, Decimal::ZERO));
                    e.0 += 1;
                    e.1 += v;
                }
            }
            let breakdown = groups
                .into_iter()
                .map(|(k, (count, v))| Part {
                    key: k.render(),
                    label: None,
                    count: Some(count),
                    value: Some(Value::Number(v)),
                    detail: None,
                })
                .collect();
            Ok((Value::Number(total), breakdown))
        }
        Plan::Classify { view, list, code, date, classes } => {
            let ds = st.datasets[rb.views[*view].dataset];
            let rows = st.views[*view].clone().unwrap_or_default();
            let lst = &rb.lists[*list];
            let mut items = vec![None; ds.n_rows()];
            for &r in &rows {
                let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
                let c = expr::eval(code, &env).map_err(eval_err)?;
                let d = expr::eval(date, &env).map_err(eval_err)?;
                if let (Value::Text(c), Value::Date(d)) = (c, d) {
                    items[r as usize] = lst.find(&c, d).map(|it| (it as u32, d));
                }
            }
            st.items[i] = Some(items);
            let mut class_of = vec![Value::Null; ds.n_rows()];
            let mut counts = vec![0u64; classes.len()];
            let names: Vec<Value> = classes.iter().map(|(name, _, _)| Value::Text(name.as_str().into())).collect();
            for &r in &rows {
                let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
                for (k, (_, _, when)) in classes.iter().enumerate() {
                    if expr::eval_bool(when, &env).map_err(eval_err)? {
                        class_of[r as usize] = names[k].clone();
                        counts[k] += 1;
                        break;
                    }
                }
            }
            st.computed[i] = Some(class_of);
            let classified: u64 = counts.iter().sum();
            let mut breakdown: Vec<Part> = classes
                .iter()
                .zip(&counts)
                .map(|((name, label, _), &n)| Part {
                    key: name.clone(),
                    label: Some(label.clone()),
                    count: Some(n),
                    value: None,
                    detail: None,
                })
                .collect();
            let unclassified = rows.len() as u64 - classified;
            if unclassified > 0 {
                breakdown.push(Part {
                    key: "(none)".into(),
                    label: Some("no class matched".into()),
                    count: Some(unclassified),
                    value: None,
                    detail: None,
                });
            }
            Ok((Value::Number(Decimal::from(rows.len())), breakdown))
        }
        Plan::Checks(checks) => {
            let env = RowEnv { rb, st, ds: None, row: 0, inner: None };
            let mut all = true;
            let mut parts = Vec::new();
            for (name, label, when) in checks {
                let ok = expr::eval_bool(when, &env).map_err(eval_err)?;
                all &= ok;
                parts.push(Part { key: name.clone(), label: Some(label.clone()), count: None, value: Some(Value::Bool(ok)), detail: None });
            }
            Ok((Value::Bool(all), parts))
        }
        Plan::Score { set, inputs } => {
            let s = &rb.indicator_sets[*set];
            let mut weighted = Decimal::ZERO;
            let mut weights = Decimal::ZERO;
            let mut parts = Vec::new();
            for (ind, &input) in s.indicators.iter().zip(inputs) {
                let result = number(st.scalars[input].clone(), &format!("indicator `{}`", ind.name))?;
                let att = ind.attainment(result, s.method);
                weighted += att * ind.weight;
                weights += ind.weight;
                parts.push(Part {
                    key: ind.name.clone(),
                    label: Some(ind.provenance.label.clone()),
                    count: None,
                    value: Some(Value::Number(att.round_dp(4))),
                    detail: Some(
                        format!(
                            "result {}, target {} ({:?}), weight {}",
                            result.normalize(),
                            ind.target.normalize(),
                            ind.direction,
                            ind.weight.normalize()
                        )
                        .to_lowercase(),
                    ),
                });
            }
            let score = if weights.is_zero() { Decimal::ZERO } else { weighted / weights };
            Ok((Value::Number(score), parts))
        }
        Plan::Inline { ast, names, scalars } => {
            let values: Vec<Value> = scalars.iter().map(|&s| st.scalars[s].clone()).collect();
            let d = formula::eval_inline(&rb.engine, ast, names, &values).map_err(formula_failure)?;
            let v = formula::from_dynamic(d, step.unit.kind()).map_err(|m| Failure(Code::FormulaRuntime, m))?;
            Ok((v, Vec::new()))
        }
        Plan::Function { script, function, scalars } => {
            let args = scalars.iter().map(|&s| formula::to_dynamic(&st.scalars[s])).collect();
            let d = formula::call_function(&rb.engine, &rb.scripts[*script], function, args).map_err(formula_failure)?;
            let v = formula::from_dynamic(d, step.unit.kind()).map_err(|m| Failure(Code::FormulaRuntime, m))?;
            Ok((v, Vec::new()))
        }
    }
}

fn formula_failure(f: formula::FormulaFailure) -> Failure {
    Failure(if f.budget { Code::BudgetExceeded } else { Code::FormulaRuntime }, f.message)
}

fn manifest(rb: &Rulebook, case: &Case) -> RunManifest {
    let relative = |p: &str| -> String {
        let dir = case.dir.display().to_string();
        p.strip_prefix(&dir).map(|s| s.trim_start_matches('/').to_string()).unwrap_or_else(|| p.to_string())
    };
    RunManifest {
        engine: format!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION")),
        year: rb.year,
        rulebook_sha256: rb.hash.clone(),
        norms: rb
            .norms
            .iter()
            .zip(&rb.norm_files)
            .map(|(n, f)| ManifestFile { name: format!("{}@{}", n.name, n.version), sha256: crate::hashing::sha256_hex(f.text.as_bytes()) })
            .collect(),
        inputs: case.hashes.iter().map(|(p, h)| ManifestFile { name: relative(p), sha256: h.clone() }).collect(),
    }
}

impl Evaluation {
    pub fn output(&self, name: &str) -> Option<&Output> {
        self.outputs.iter().find(|o| o.name == name)
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(space: u8, index: u32) -> Box<Expr> {
        Box::new(Expr::Ref(Slot { space, index, sub: 0 }))
    }

    #[test]
    fn an_exists_condition_is_indexed_on_its_inner_outer_equality_only() {
        let eq = |a, b| Box::new(Expr::Bin(BinOp::Eq, a, b));
        let and = |a, b| Expr::Bin(BinOp::And, a, b);
        let later = Box::new(Expr::Bin(BinOp::Le, col(space::INNER, 2), col(space::COLUMN, 5)));
        // `DATE <= x && ID == OUTER_ID`: the equality is found in either conjunct, either side.
        let cond = and(later.clone(), eq(col(space::COLUMN, 1), col(space::INNER, 3)));
        assert!(matches!(equi_key(&cond), Some((3, Expr::Ref(Slot { space: space::COLUMN, index: 1, .. })))));
        // Two inner columns, or an outer side that reads the inner row: no index, a scan.
        assert!(equi_key(&and(later.clone(), eq(col(space::INNER, 1), col(space::INNER, 3)))).is_none());
        let mixed = Box::new(Expr::Bin(BinOp::Add, col(space::COLUMN, 1), col(space::INNER, 4)));
        assert!(equi_key(&and(later.clone(), eq(col(space::INNER, 3), mixed))).is_none());
        // A disjunction cannot be narrowed by one of its sides.
        let or = Expr::Bin(BinOp::Or, eq(col(space::INNER, 3), col(space::COLUMN, 1)), later);
        assert!(equi_key(&or).is_none());
    }
}
