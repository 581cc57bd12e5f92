//! The loaded rulebook: its rule items as read, and the compiled plans of its steps (the views,
//! datasets, scalars and sets they read through), in evaluation order.

use chrono::NaiveDate;
use serde::Serialize;
use typed_index_collections::TiVec;

use crate::case::Case;
use crate::data::norm::{CodeCheck, Norm};
use crate::diagnostic::SourceFile;
use crate::expr::Expr;
use crate::formula::Script;
use crate::ids::{
    ColumnId, DatasetId, ExistsId, FileId, IndicatorSetId, InputId, ListId, ParamId, ScalarId, ScriptId, SetId, StepId, TableId, ViewId,
};
use crate::mechanism::Plan;
use crate::mechanism::function::FunctionPlan;
use crate::names::closed_names;
use crate::rulebook::manifest::Manifest;
use crate::rules::calendar::Event;
use crate::rules::indicator::IndicatorSet;
use crate::rules::inputs::{CaseSchema, InputRole};
use crate::rules::list::CodeList;
use crate::rules::parameter::Parameter;
use crate::rules::step::StepDef;
use crate::rules::table::Table;
use crate::value::{Kind, Period, Rounding, Unit, Value};

/// A year's rules, bound: built once by `rulebook::load` (or `assemble`) from its `Scope` and its
/// steps, never changed after. Its items and names are its scope's (`Deref`).
pub struct Rulebook {
    pub(crate) scope: Scope,
    pub(crate) steps: TiVec<StepId, Step>,
    /// The steps in evaluation order: the gate's ancestors first, then the gate.
    pub(crate) order: Vec<StepId>,
    pub(crate) result: ResultSpec,
    /// The checked expressions of each event of `calendar` (same order): share, amount, condition.
    pub(crate) calendar_exprs: Vec<EventExprs>,
    /// The explanation of each step that writes one, bound (`rulebook::explanations`).
    pub(crate) explanations: TiVec<StepId, Option<crate::rulebook::explanation_plan::ExplanationPlan>>,
}

impl std::ops::Deref for Rulebook {
    type Target = Scope;

    fn deref(&self) -> &Scope {
        &self.scope
    }
}

/// What a year's steps are bound against: its rule items as read, and the names they read
/// (datasets and their views, scalars, sets, `exists` views), which binding builds before the
/// steps and the `Rulebook` holds after.
pub struct Scope {
    pub(crate) year: i32,
    pub(crate) label: String,
    pub(crate) period: Period,
    pub(crate) reference_date: NaiveDate,
    pub(crate) case_file: String,
    /// Where the rulebook was read from, for messages.
    pub(crate) root: String,
    pub(crate) files: TiVec<FileId, SourceFile>,
    pub(crate) norm_files: Vec<SourceFile>,
    pub(crate) parameters: TiVec<ParamId, Parameter>,
    pub(crate) tables: TiVec<TableId, Table>,
    pub(crate) lists: TiVec<ListId, CodeList>,
    pub(crate) indicator_sets: TiVec<IndicatorSetId, IndicatorSet>,
    pub(crate) calendar: Vec<Event>,
    pub(crate) schema: CaseSchema,
    pub(crate) norms: Vec<Norm>,
    /// How the codes of the norms' fields are checked, against the rulebook's lists.
    pub(crate) code_checks: Vec<CodeCheck>,
    pub(crate) scalars: TiVec<ScalarId, ScalarDef>,
    pub(crate) views: TiVec<ViewId, ViewDef>,
    pub(crate) datasets: TiVec<DatasetId, DatasetDef>,
    /// The sets `x in view.column` reads: a view and a column of its dataset.
    pub(crate) sets: TiVec<SetId, (ViewId, ColumnId)>,
    /// The views `exists` looks into.
    pub(crate) exists_views: TiVec<ExistsId, ViewId>,
    /// Hex SHA-256 of the rule files (paths and texts), the identity of the rulebook.
    pub(crate) hash: String,
    /// The sandbox every formula runs in (one per process: `formula::sandbox`).
    pub(crate) engine: crate::formula::Sandbox,
    pub(crate) scripts: TiVec<ScriptId, Script>,
    /// `rulebook.toml` as read, to assemble rulebooks from this one's items and another's.
    pub(crate) manifest: Manifest,
}

/// The expressions of a calendar event, checked against the rulebook's scalars.
#[derive(Debug, Clone, Default)]
pub(crate) struct EventExprs {
    pub(crate) share: Option<Expr>,
    pub(crate) amount: Option<Expr>,
    pub(crate) when: Option<Expr>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ResultSpec {
    pub(crate) total: StepId,
    pub(crate) components: Vec<StepId>,
    pub(crate) gate: Option<StepId>,
    /// How a report walks from a first level to the total: levels (cumulative amounts, drawn as
    /// the change from the previous level) and additions.
    pub(crate) waterfall: Vec<WaterfallBar>,
    /// The label of a bar of the waterfall, when the rulebook names it (its step's otherwise).
    pub(crate) bar_labels: Vec<(StepId, String)>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) enum WaterfallBar {
    /// A cumulative amount: the bar is its change from the previous level.
    Level(StepId),
    /// An amount added to the running level.
    Add(StepId),
}

#[derive(Debug, Clone)]
pub struct Step {
    /// The step as written.
    pub def: StepDef,
    pub unit: Unit,
    pub rounding: Option<Rounding>,
    /// The scalar that holds its value.
    pub(crate) scalar: ScalarId,
    pub(crate) plan: Plan,
    pub(crate) reads: Vec<ReadRef>,
    pub(crate) deps: Vec<StepId>,
}

/// What a step reads, for traces and provenance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum ReadRef {
    Parameter(ParamId),
    Input(InputId),
    Step(StepId),
    Table(TableId),
    List(ListId),
    Dataset(DatasetId),
    Indicators(IndicatorSetId),
    Builtin(Builtin),
}

#[derive(Debug, Clone)]
pub(crate) struct ScalarDef {
    pub(crate) name: String,
    pub(crate) kind: Kind,
    pub(crate) origin: ReadRef,
}

closed_names! {
    /// Names every expression may read besides parameters, inputs and steps.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Builtin {
        Year = "year",
        PeriodStart = "period_start",
        PeriodEnd = "period_end",
        ReferenceDate = "reference_date",
    }
}

impl Builtin {
    /// The kind of value it holds.
    pub(crate) fn kind(self) -> Kind {
        match self {
            Builtin::Year => Kind::Number,
            Builtin::PeriodStart | Builtin::PeriodEnd | Builtin::ReferenceDate => Kind::Date,
        }
    }

    /// Its value under `rb`.
    pub(crate) fn value(self, rb: &Rulebook) -> Value {
        match self {
            Builtin::Year => Value::Number(rb.year.into()),
            Builtin::PeriodStart => Value::Date(rb.period.start),
            Builtin::PeriodEnd => Value::Date(rb.period.end),
            Builtin::ReferenceDate => Value::Date(rb.reference_date),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ViewDef {
    pub(crate) name: String,
    pub(crate) dataset: DatasetId,
    /// The filter step that defines the view, `None` for a whole dataset.
    pub(crate) step: Option<StepId>,
}

#[derive(Debug, Clone)]
pub struct DatasetDef {
    pub name: String,
    pub input: InputId,
    pub(crate) columns: TiVec<ColumnId, (String, Kind)>,
    /// Per column, whether a case keeps its values: read by a step (a value per row, a set, an
    /// `exists` key, a lookup's or a group's key), by the calendar's re-basing rules (the
    /// schedule) or by the date shift (the norm's row dates). The validator checks every column
    /// all the same; a column not kept is never read (`Column::NotKept`).
    pub(crate) kept: TiVec<ColumnId, bool>,
}

impl DatasetDef {
    /// The columns a case keeps, in the order of the norm's fields.
    pub fn kept_columns(&self) -> impl Iterator<Item = &str> {
        self.columns.iter().zip(&self.kept).filter(|(_, k)| **k).map(|((c, _), _)| c.as_str())
    }
}

impl Scope {
    pub(crate) fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| p.name == name)
    }

    /// `label` as people read it: each `{parameter}` replaced by the parameter's value on the
    /// reference date, written the French way (`20 %`, `1 234,50 €`, `31/12/2025`).
    pub fn render_label(&self, label: &str) -> String {
        crate::rules::label::render(label, |name| {
            let p = self.parameter(name)?;
            Some(crate::value::for_people(p.value_at(self.reference_date), p.unit))
        })
    }
}

/// The public face of a rulebook: its rule items as read, read-only, and its steps. How steps are
/// compiled (plans, views, scalars) stays inside the engine.
impl Rulebook {
    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    /// The scheme the rulebook belongs to, as `rulebook.toml` names it (empty when it does not).
    pub fn scheme(&self) -> &str {
        &self.manifest.scheme
    }

    /// The words of the scheme that reports put in their sentences.
    pub fn names(&self) -> &crate::rulebook::Names {
        &self.manifest.names
    }

    /// The folder the rulebook was read from, as given.
    pub fn root(&self) -> &str {
        &self.root
    }

    pub fn period(&self) -> Period {
        self.period
    }

    pub fn reference_date(&self) -> NaiveDate {
        self.reference_date
    }

    /// The name of the file a case folder holds its values in (`case_file`).
    pub fn case_file(&self) -> &str {
        &self.case_file
    }

    /// Hex SHA-256 of the rule files, the identity of the rulebook.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    pub fn files(&self) -> &[SourceFile] {
        &self.files.raw
    }

    pub fn norm_files(&self) -> &[SourceFile] {
        &self.norm_files
    }

    pub fn parameters(&self) -> &[Parameter] {
        &self.parameters.raw
    }

    pub fn tables(&self) -> &[Table] {
        &self.tables.raw
    }

    pub fn lists(&self) -> &[CodeList] {
        &self.lists.raw
    }

    pub fn indicator_sets(&self) -> &[IndicatorSet] {
        &self.indicator_sets.raw
    }

    pub fn calendar(&self) -> &[Event] {
        &self.calendar
    }

    /// What a case must hold.
    pub fn schema(&self) -> &CaseSchema {
        &self.schema
    }

    pub fn norms(&self) -> &[Norm] {
        &self.norms
    }

    /// How the codes of the norms' fields are checked against the rulebook's lists
    /// (`[norms] <norm> = { codes = … }`).
    pub fn code_checks(&self) -> &[CodeCheck] {
        &self.code_checks
    }

    /// The steps in evaluation order.
    pub fn steps_in_order(&self) -> impl Iterator<Item = &Step> {
        self.order.iter().map(|&i| &self.steps[i])
    }

    /// The step whose value is the total.
    pub fn total_step(&self) -> &Step {
        &self.steps[self.result.total]
    }

    /// The steps whose values add up to the total.
    pub fn components(&self) -> impl ExactSizeIterator<Item = &Step> {
        self.result.components.iter().map(|&c| &self.steps[c])
    }

    /// The checks step that decides eligibility, if the rulebook has one.
    pub fn gate(&self) -> Option<&Step> {
        self.result.gate.map(|g| &self.steps[g])
    }

    /// The waterfall of reports: each step with whether it is added to the running level
    /// (`true`) or is a level itself.
    pub fn waterfall(&self) -> impl Iterator<Item = (&Step, bool)> {
        self.result.waterfall.iter().map(|bar| match *bar {
            WaterfallBar::Level(i) => (&self.steps[i], false),
            WaterfallBar::Add(i) => (&self.steps[i], true),
        })
    }

    /// The datasets the rulebook reads, with their columns.
    pub fn datasets(&self) -> &[DatasetDef] {
        &self.datasets.raw
    }

    /// The file a step is written in.
    pub(crate) fn file_of(&self, step: &Step) -> &SourceFile {
        &self.files[step.def.file]
    }

    /// The source text of the script function a step calls, with its doc comments.
    pub fn function_source(&self, step: &Step) -> Option<String> {
        let Plan::Function(FunctionPlan { script, function, .. }) = &step.plan else { return None };
        let file = &self.files[self.scripts[*script].file];
        crate::formula::function_source(&self.engine, &file.text, function)
    }

    /// A case's name for people: the text input the rules give the role `name`, else its
    /// folder's name.
    pub fn case_name(&self, case: &Case) -> String {
        self.role_text(case, InputRole::Name).unwrap_or_else(|| folder_name(case))
    }

    /// A case's identifier: the text input the rules give the role `id`, else its folder's name.
    pub fn case_id(&self, case: &Case) -> String {
        self.role_text(case, InputRole::Id).unwrap_or_else(|| folder_name(case))
    }

    fn role_text(&self, case: &Case, role: InputRole) -> Option<String> {
        match case.values.get(self.schema.with_role(role)?)? {
            Value::Text(t) if !t.trim().is_empty() => Some(t.to_string()),
            _ => None,
        }
    }
}

fn folder_name(case: &Case) -> String {
    case.dir.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// The value of a parameter or built-in as scalars see it.
pub(crate) fn scalar_seed(rb: &Rulebook, def: &ScalarDef) -> Value {
    match def.origin {
        ReadRef::Builtin(b) => b.value(rb),
        ReadRef::Parameter(i) => rb.parameters[i].value_at(rb.reference_date).clone(),
        _ => Value::Null,
    }
}
