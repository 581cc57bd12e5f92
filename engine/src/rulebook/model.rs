//! The loaded rulebook: its rule items as read, and the compiled plans of its steps (the views,
//! datasets, scalars and sets they read through), in evaluation order.

use chrono::NaiveDate;
use serde::Serialize;

use crate::data::case::CaseSchema;
use crate::data::norm::Norm;
use crate::diagnostic::SourceFile;
use crate::expr::Expr;
use crate::formula::Script;
use crate::rules::calendar::Event;
use crate::rules::indicator::IndicatorSet;
use crate::rules::list::CodeList;
use crate::rules::parameter::Parameter;
use crate::rules::step::StepDef;
use crate::rules::table::Table;
use crate::value::{Kind, Period, Rounding, Unit, Value};

pub(crate) mod space {
    pub const COLUMN: u8 = 0;
    pub const COMPUTED: u8 = 1;
    pub const ITEM: u8 = 2;
    pub const SCALAR: u8 = 3;
    pub const INNER: u8 = 4;
}

pub struct Rulebook {
    pub year: i32,
    pub label: String,
    pub period: Period,
    pub reference_date: NaiveDate,
    pub case_file: String,
    /// Where the rulebook was read from, for messages.
    pub root: String,
    pub files: Vec<SourceFile>,
    pub norm_files: Vec<SourceFile>,
    pub parameters: Vec<Parameter>,
    pub tables: Vec<Table>,
    pub lists: Vec<CodeList>,
    pub indicator_sets: Vec<IndicatorSet>,
    pub calendar: Vec<Event>,
    pub schema: CaseSchema,
    pub norms: Vec<Norm>,
    pub steps: Vec<Step>,
    /// Indexes of `steps` in evaluation order: the gate's ancestors first, then the gate.
    pub order: Vec<usize>,
    pub result: ResultSpec,
    pub scalars: Vec<ScalarDef>,
    pub views: Vec<ViewDef>,
    pub datasets: Vec<DatasetDef>,
    pub sets: Vec<(usize, usize)>,
    pub exists_views: Vec<usize>,
    /// Hex SHA-256 of the rule files (paths and texts), the identity of the rulebook.
    pub hash: String,
    pub(crate) engine: rhai::Engine,
    pub(crate) scripts: Vec<Script>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResultSpec {
    pub total: usize,
    pub components: Vec<usize>,
    pub gate: Option<usize>,
    /// How a report walks from a first level to the total: levels (cumulative amounts, drawn as
    /// the change from the previous level) and additions.
    pub waterfall: Vec<WaterfallBar>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub enum WaterfallBar {
    /// A cumulative amount: the bar is its change from the previous level.
    Level(usize),
    /// An amount added to the running level.
    Add(usize),
}

#[derive(Debug, Clone)]
pub struct Step {
    pub def: StepDef,
    pub unit: Unit,
    pub rounding: Option<Rounding>,
    pub plan: Plan,
    pub reads: Vec<ReadRef>,
    pub deps: Vec<usize>,
}

#[derive(Debug, Clone)]
pub enum Plan {
    Filter(FilterPlan),
    LookupRows(LookupRowsPlan),
    LookupScalar(LookupScalarPlan),
    Aggregate(AggregatePlan),
    Classify(ClassifyPlan),
    Inline(InlinePlan),
    Function(FunctionPlan),
    Checks(Vec<(String, String, Expr)>),
    Score(ScorePlan),
}

/// Keeps the rows of a view that meet a condition: the step defines a new view.
#[derive(Debug, Clone)]
pub struct FilterPlan {
    pub view: usize,
    pub cond: Option<Expr>,
}

/// Looks a table up once per row of a view; the value column is computed per row.
#[derive(Debug, Clone)]
pub struct LookupRowsPlan {
    pub view: usize,
    pub table: usize,
    pub column: usize,
    pub keys: Vec<Expr>,
}

/// Looks a table up once, with keys from scalars.
#[derive(Debug, Clone)]
pub struct LookupScalarPlan {
    pub table: usize,
    pub column: usize,
    pub keys: Vec<Expr>,
}

/// Counts or sums the rows of a view that meet a condition, maybe by group.
#[derive(Debug, Clone)]
pub struct AggregatePlan {
    pub view: usize,
    pub sum: Option<Expr>,
    pub cond: Option<Expr>,
    pub group: Option<Expr>,
}

/// Finds each row's code in a list at the row's date, then gives the row the first class whose
/// condition holds.
#[derive(Debug, Clone)]
pub struct ClassifyPlan {
    pub view: usize,
    pub list: usize,
    pub code: Expr,
    pub date: Expr,
    pub classes: Vec<(String, String, Expr)>,
}

/// An inline Rhai expression over scalars.
#[derive(Debug, Clone)]
pub struct InlinePlan {
    pub ast: rhai::AST,
    pub names: Vec<String>,
    pub scalars: Vec<usize>,
}

/// A function of one of the rulebook's scripts, called with scalars.
#[derive(Debug, Clone)]
pub struct FunctionPlan {
    pub script: usize,
    pub function: String,
    pub scalars: Vec<usize>,
}

/// The weighted score of an indicator set, from the scalars that hold each indicator's result.
#[derive(Debug, Clone)]
pub struct ScorePlan {
    pub set: usize,
    pub inputs: Vec<usize>,
}

/// What a step reads, for traces and provenance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReadRef {
    Parameter(usize),
    Input(usize),
    Step(usize),
    Table(usize),
    List(usize),
    Dataset(usize),
    Indicators(usize),
    Builtin(usize),
}

#[derive(Debug, Clone)]
pub struct ScalarDef {
    pub name: String,
    pub kind: Kind,
    pub origin: ReadRef,
}

/// Names every expression may read besides parameters, inputs and steps.
pub const BUILTINS: &[(&str, Kind)] =
    &[("year", Kind::Number), ("period_start", Kind::Date), ("period_end", Kind::Date), ("reference_date", Kind::Date)];

#[derive(Debug, Clone)]
pub struct ViewDef {
    pub name: String,
    pub dataset: usize,
    /// The filter step that defines the view, `None` for a whole dataset.
    pub step: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct DatasetDef {
    pub name: String,
    pub input: usize,
    pub norm: usize,
    pub columns: Vec<(String, Kind)>,
}

impl Rulebook {
    pub fn step_index(&self, name: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.def.name == name)
    }

    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| p.name == name)
    }

    /// The index in `files` of script `script`.
    pub fn script_file(&self, script: usize) -> usize {
        self.scripts[script].file
    }

    pub fn file_of(&self, step: &Step) -> &SourceFile {
        &self.files[step.def.file]
    }
}

/// The `sub` of an item slot that reads whether the row's code is in the list.
pub const LISTED: u32 = u32::MAX;

/// The value of a parameter or built-in as scalars see it.
pub(crate) fn scalar_seed(rb: &Rulebook, def: &ScalarDef) -> Value {
    match def.origin {
        ReadRef::Builtin(0) => Value::Number(rb.year.into()),
        ReadRef::Builtin(1) => Value::Date(rb.period.start),
        ReadRef::Builtin(2) => Value::Date(rb.period.end),
        ReadRef::Builtin(_) => Value::Date(rb.reference_date),
        ReadRef::Parameter(i) => rb.parameters[i].value_at(rb.reference_date).clone(),
        _ => Value::Null,
    }
}
