//! Rulebooks: one year's complete rules, loaded strictly from a folder (`rulebook.toml` names the
//! other files), with every name bound, every expression type-checked and the steps ordered.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use crate::data::case::{CaseSchema, InputKind, read_schema};
use crate::data::norm::{Norm, load_norm};
use crate::diagnostic::{Code, Diagnostic, Location, SourceFile, did_you_mean};
use crate::expr::{self, Expr, ExprErrorKind, Resolver, Slot};
use crate::formula::{self, Script};
use crate::hashing::sha256_hex;
use crate::rules::calendar::{Event, read_calendar};
use crate::rules::indicator::{IndicatorSet, read_indicator_sets};
use crate::rules::list::{CodeList, read_lists};
use crate::rules::parameter::{Parameter, read_parameters};
use crate::rules::source::Source;
use crate::rules::step::{AggOp, ExprSource, FormulaSource, Mechanism, StepDef, read_rounding_choice, read_steps};
use crate::rules::strict::{Ctx, Obj};
use crate::rules::table::{KeyKind, Table, read_tables};
use crate::value::{Kind, Period, Rounding, Unit, Value};

/// Slot spaces shared by the binder and the evaluator.
pub(crate) mod calendar;

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
    Filter { view: usize, cond: Option<Expr> },
    LookupRows { view: usize, table: usize, column: usize, keys: Vec<Expr> },
    LookupScalar { table: usize, column: usize, keys: Vec<Expr> },
    Aggregate { view: usize, sum: Option<Expr>, cond: Option<Expr>, group: Option<Expr> },
    Classify { view: usize, list: usize, code: Expr, date: Expr, classes: Vec<(String, String, Expr)> },
    Inline { ast: rhai::AST, names: Vec<String>, scalars: Vec<usize> },
    Function { script: usize, function: String, scalars: Vec<usize> },
    Checks(Vec<(String, String, Expr)>),
    Score { set: usize, inputs: Vec<usize> },
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

/// Loads the rulebook whose files are in `rules` (its `rulebook.toml` at the root), reading norms
/// from `norms`. Returns the rulebook when it is fully valid, and every diagnostic found.
pub fn load(rules: &dyn Source, norms: &dyn Source) -> (Option<Rulebook>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut files: Vec<SourceFile> = Vec::new();
    let Some(manifest) = read_manifest(rules, &mut files, &mut diags) else { return (None, diags) };
    let period = manifest.period;
    let mut parameters = Vec::new();
    let mut tables = Vec::new();
    let mut lists = Vec::new();
    let mut indicator_sets = Vec::new();
    let mut calendar = Vec::new();
    let mut schema = CaseSchema::default();
    let mut step_defs = Vec::new();
    let mut script_files = Vec::new();
    for (kind, paths) in &manifest.files {
        for path in paths {
            let text = match rules.read(path) {
                Ok(t) => t,
                Err(reason) => {
                    diags.push(
                        Diagnostic::error(Code::MissingFile, reason)
                            .at(manifest.files_loc.clone())
                            .hint(format!("`rulebook.toml` lists `{path}` under `[files] {kind}`")),
                    );
                    continue;
                }
            };
            let idx = files.len();
            files.push(SourceFile { path: rules.display(path), text });
            if *kind == "scripts" {
                script_files.push(idx);
                continue;
            }
            let file = &files[idx];
            let ctx = Ctx::new(file);
            if let Some(root) = ctx.parse() {
                let obj = ctx.root(&root, &format!("`{path}`"));
                match *kind {
                    "parameters" => read_parameters(&obj, period, &mut parameters),
                    "tables" => read_tables(&obj, &mut tables),
                    "lists" => read_lists(&obj, period, &mut lists),
                    "indicators" => read_indicator_sets(&obj, &mut indicator_sets),
                    "calendar" => read_calendar(&obj, &mut calendar),
                    "inputs" => read_schema(&obj, &mut schema),
                    _ => read_steps(&obj, idx, &mut step_defs),
                }
                if *kind == "steps" {
                    obj.finish();
                }
            }
            diags.extend(ctx.into_diagnostics());
        }
    }
    let mut norm_list = Vec::new();
    let mut norm_files = Vec::new();
    for (name, version, _) in &manifest.norms {
        if let Some(n) = load_norm(norms, name, *version, &mut diags, &mut norm_files) {
            norm_list.push(n);
        }
    }
    let engine = formula::sandbox();
    let scripts: Vec<Script> = script_files.iter().filter_map(|&i| formula::compile_script(&engine, &files[i], i, &mut diags)).collect();
    let hash = hash_files(&files);
    let mut rb = Rulebook {
        year: manifest.year,
        label: manifest.label.clone(),
        period,
        reference_date: manifest.reference_date,
        case_file: manifest.case_file.clone(),
        root: rules.display(""),
        files,
        norm_files,
        parameters,
        tables,
        lists,
        indicator_sets,
        calendar,
        schema,
        norms: norm_list,
        steps: Vec::new(),
        order: Vec::new(),
        result: ResultSpec { total: 0, components: Vec::new(), gate: None, waterfall: Vec::new() },
        scalars: Vec::new(),
        views: Vec::new(),
        datasets: Vec::new(),
        sets: Vec::new(),
        exists_views: Vec::new(),
        hash,
        engine,
        scripts,
    };
    check_calendar_dates(&rb, &mut diags);
    bind(&mut rb, step_defs, &manifest, &mut diags);
    if !diags.iter().any(Diagnostic::is_error) {
        // The calendar names steps and inputs: a wrong name is an error of the rulebook, found
        // when it loads (`rules check`), not when a schedule is first asked for. Its warnings
        // are the schedule's to report.
        diags.extend(calendar::check(&rb).into_iter().filter(Diagnostic::is_error));
    }
    let ok = !diags.iter().any(Diagnostic::is_error) && manifest.ok;
    (ok.then_some(rb), diags)
}

fn hash_files(files: &[SourceFile]) -> String {
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut all = Vec::new();
    for f in sorted {
        let name = f.path.rsplit('/').next().unwrap_or(&f.path);
        all.extend_from_slice(name.as_bytes());
        all.push(0);
        all.extend_from_slice(f.text.as_bytes());
        all.push(0);
    }
    sha256_hex(&all)
}

struct Manifest {
    year: i32,
    label: String,
    period: Period,
    reference_date: NaiveDate,
    case_file: String,
    files: Vec<(&'static str, Vec<String>)>,
    files_loc: Location,
    norms: Vec<(String, u32, Location)>,
    total: Option<toml::Spanned<String>>,
    waterfall: Vec<toml::Spanned<String>>,
    components: Vec<toml::Spanned<String>>,
    gate: Option<toml::Spanned<String>>,
    money_rounding: Option<Rounding>,
    result_loc: Location,
    ok: bool,
}

const FILE_KINDS: &[&str] = &["parameters", "tables", "lists", "indicators", "calendar", "inputs", "steps", "scripts"];

fn read_manifest(rules: &dyn Source, files: &mut Vec<SourceFile>, diags: &mut Vec<Diagnostic>) -> Option<Manifest> {
    let text = match rules.read("rulebook.toml") {
        Ok(t) => t,
        Err(reason) => {
            diags.push(
                Diagnostic::error(Code::MissingFile, reason)
                    .at(Location::File { file: rules.display("rulebook.toml") })
                    .hint("a rulebook folder starts with a `rulebook.toml`"),
            );
            return None;
        }
    };
    files.push(SourceFile { path: rules.display("rulebook.toml"), text });
    let file = files.last()?.clone();
    let ctx = Ctx::new(&file);
    let manifest = ctx.parse().and_then(|root| {
        let obj = ctx.root(&root, "`rulebook.toml`");
        let m = read_manifest_fields(&obj);
        obj.finish();
        m
    });
    diags.extend(ctx.into_diagnostics());
    manifest
}

fn read_manifest_fields(obj: &Obj<'_, '_>) -> Option<Manifest> {
    let ctx = obj.ctx();
    let year = obj.int("year");
    let label = obj.str("label");
    let period = obj.table("period").and_then(|p| {
        let start = p.date("start");
        let end = p.date("end");
        p.finish();
        let (start, end) = (start?, end?);
        if start.get_ref() > end.get_ref() {
            ctx.error(Code::InvalidValue, end.span(), "the period ends before it starts");
            return None;
        }
        Some(Period { start: start.into_inner(), end: end.into_inner() })
    });
    let reference_date = obj.date("reference_date");
    if let (Some(p), Some(r)) = (&period, &reference_date)
        && !p.contains(*r.get_ref())
    {
        ctx.error(
            Code::DateOutsidePeriod,
            r.span(),
            format!("the reference date {} is outside the period {} – {}", r.get_ref(), p.start, p.end),
        );
    }
    let case_file = obj.opt_str("case_file").map_or_else(|| "team.toml".to_string(), |s| s.into_inner());
    let mut files = Vec::new();
    let files_obj = obj.table("files");
    let files_loc = ctx.loc(files_obj.as_ref().map_or(obj.span(), |f| f.span()));
    if let Some(f) = &files_obj {
        for kind in FILE_KINDS {
            let paths: Vec<String> = f.str_list(kind).unwrap_or_default().into_iter().map(|s| s.into_inner()).collect();
            files.push((*kind, paths));
        }
    }
    if let Some(f) = files_obj {
        f.finish();
    }
    let mut norms = Vec::new();
    if let Some(n) = obj.opt_table("norms") {
        for (name, item) in n.entries() {
            if let Some(v) = crate::rules::strict::read_int(ctx, item, &format!("the version of norm `{}`", name.get_ref())) {
                norms.push((name.get_ref().to_string(), (*v.get_ref()).max(0) as u32, ctx.loc(name.span())));
            }
        }
    }
    let result = obj.table("result");
    let result_loc = ctx.loc(result.as_ref().map_or(obj.span(), |r| r.span()));
    let (total, components, gate, waterfall) = match &result {
        Some(r) => {
            (r.str("total"), r.str_list("components").unwrap_or_default(), r.opt_str("gate"), r.str_list("waterfall").unwrap_or_default())
        }
        None => (None, Vec::new(), None, Vec::new()),
    };
    if let Some(r) = result {
        r.finish();
    }
    let money_rounding = obj.opt_table("defaults").and_then(|d| {
        let r = read_rounding_choice(&d, "money_rounding");
        d.finish();
        r
    });
    Some(Manifest {
        year: i32::try_from(*year?.get_ref()).ok()?,
        label: label?.into_inner(),
        period: period?,
        reference_date: reference_date?.into_inner(),
        case_file,
        files,
        files_loc,
        norms,
        total,
        waterfall,
        components,
        gate,
        money_rounding,
        result_loc,
        ok: true,
    })
}

fn check_calendar_dates(rb: &Rulebook, diags: &mut Vec<Diagnostic>) {
    let mut names = BTreeSet::new();
    for e in &rb.calendar {
        if !names.insert(e.name.as_str()) {
            diags.push(
                Diagnostic::error(Code::DuplicateName, format!("calendar event `{}` is defined twice", e.name))
                    .at(e.provenance.location.clone()),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Binding

fn bind(rb: &mut Rulebook, defs: Vec<StepDef>, m: &Manifest, diags: &mut Vec<Diagnostic>) {
    // Datasets and their views.
    for (i, input) in rb.schema.inputs.iter().enumerate() {
        let InputKind::Dataset { norm } = &input.kind else { continue };
        let Some(n) = rb.norms.iter().position(|x| &x.name == norm) else {
            diags.push(
                Diagnostic::error(
                    Code::UndefinedName,
                    format!(
                        "input `{}.{}` reads norm `{norm}`, which `rulebook.toml` does not list under `[norms]`",
                        input.section, input.name
                    ),
                )
                .at(input.location.clone()),
            );
            continue;
        };
        let columns = rb.norms[n].fields.iter().map(|f| (f.name.clone(), f.kind.value_kind())).collect();
        rb.views.push(ViewDef { name: input.name.clone(), dataset: rb.datasets.len(), step: None });
        rb.datasets.push(DatasetDef { name: input.name.clone(), input: i, norm: n, columns });
    }
    for (name, _, loc) in &m.norms {
        if !rb.schema.inputs.iter().any(|i| matches!(&i.kind, InputKind::Dataset { norm } if norm == name)) {
            diags.push(Diagnostic::warning(Code::UndefinedName, format!("norm `{name}` is listed but no input reads it")).at(loc.clone()));
        }
    }
    // Scalars: names every expression may read, which must be unique.
    let mut seen: HashMap<String, Location> = HashMap::new();
    let mut claim = |name: &str, loc: &Location, what: &str, diags: &mut Vec<Diagnostic>| -> bool {
        if let Some(prev) = seen.get(name) {
            diags.push(
                Diagnostic::error(Code::DuplicateName, format!("{what} `{name}` has the name of something defined at {prev}"))
                    .at(loc.clone())
                    .hint("names of parameters, inputs, datasets and steps share one namespace"),
            );
            false
        } else {
            seen.insert(name.to_string(), loc.clone());
            true
        }
    };
    let builtin_loc = Location::File { file: "(built in)".into() };
    for (i, (name, kind)) in BUILTINS.iter().enumerate() {
        claim(name, &builtin_loc, "built-in", diags);
        rb.scalars.push(ScalarDef { name: name.to_string(), kind: *kind, origin: ReadRef::Builtin(i) });
    }
    for (i, p) in rb.parameters.iter().enumerate() {
        if claim(&p.name, &p.provenance.location, "parameter", diags) {
            rb.scalars.push(ScalarDef { name: p.name.clone(), kind: p.unit.kind(), origin: ReadRef::Parameter(i) });
        }
    }
    for (i, input) in rb.schema.inputs.iter().enumerate() {
        if claim(&input.name, &input.location, "input", diags)
            && let Some(kind) = input.value_kind()
        {
            rb.scalars.push(ScalarDef { name: input.name.clone(), kind, origin: ReadRef::Input(i) });
        }
    }
    // Steps: their kinds are known from their mechanisms before any is bound.
    let n_steps = defs.len();
    let mut kinds = Vec::with_capacity(n_steps);
    for (i, d) in defs.iter().enumerate() {
        let unit = step_unit(d, rb, diags);
        kinds.push(unit);
        if claim(&d.name, &d.location, "step", diags) {
            rb.scalars.push(ScalarDef { name: d.name.clone(), kind: unit.map_or(Kind::Number, Unit::kind), origin: ReadRef::Step(i) });
        }
    }
    for (i, d) in defs.iter().enumerate() {
        if let Mechanism::Filter { dataset, .. } = &d.mechanism
            && let Some(v) = rb.views.iter().find(|v| v.name == dataset.text)
        {
            let ds = v.dataset;
            rb.views.push(ViewDef { name: d.name.clone(), dataset: ds, step: Some(i) });
        }
    }
    // Filters of filters: resolve in declaration order until nothing changes.
    loop {
        let before = rb.views.len();
        for (i, d) in defs.iter().enumerate() {
            if let Mechanism::Filter { dataset, .. } = &d.mechanism
                && !rb.views.iter().any(|v| v.name == d.name)
                && let Some(v) = rb.views.iter().find(|v| v.name == dataset.text)
            {
                let ds = v.dataset;
                rb.views.push(ViewDef { name: d.name.clone(), dataset: ds, step: Some(i) });
            }
        }
        if rb.views.len() == before {
            break;
        }
    }
    let mut steps = Vec::with_capacity(n_steps);
    for (i, d) in defs.iter().enumerate() {
        let mut b = Binder {
            rb,
            defs: &defs,
            step: i,
            base: None,
            inner: None,
            deps: BTreeSet::new(),
            reads: BTreeSet::new(),
            sets: Vec::new(),
            exists: Vec::new(),
            classify_self: None,
        };
        let plan = bind_step(&mut b, d, diags);
        let (deps, reads, sets, exists) = (b.deps, b.reads, b.sets, b.exists);
        for s in sets {
            if !rb.sets.contains(&s) {
                rb.sets.push(s);
            }
        }
        for e in exists {
            if !rb.exists_views.contains(&e) {
                rb.exists_views.push(e);
            }
        }
        let unit = kinds[i].unwrap_or(Unit::Number);
        let rounding = match (d.rounding, unit.is_money(), d.no_rounding) {
            (Some(r), _, _) => Some(r),
            (None, true, false) => {
                if m.money_rounding.is_none() {
                    diags.push(
                        Diagnostic::error(Code::MoneyWithoutRounding, format!("step `{}` is an amount in EUR with no rounding", d.name))
                            .at(d.location.clone())
                            .hint("add `round = { step = \"0.01\", mode = \"half-up\" }`, `round = \"none\"`, or `[defaults] money_rounding` in rulebook.toml"),
                    );
                }
                m.money_rounding
            }
            _ => None,
        };
        if let Some(plan) = plan {
            steps.push(Step { def: d.clone(), unit, rounding, plan, reads: reads.into_iter().collect(), deps: deps.into_iter().collect() });
        }
    }
    if steps.len() != n_steps {
        return;
    }
    rb.steps = steps;
    let Some(result) = bind_result(rb, m, diags) else { return };
    rb.result = result;
    if let Some(order) = order_steps(rb, diags) {
        rb.order = order;
    }
}

fn step_unit(d: &StepDef, rb: &Rulebook, diags: &mut Vec<Diagnostic>) -> Option<Unit> {
    let derived = match &d.mechanism {
        Mechanism::Filter { .. } | Mechanism::Classify { .. } => Some(Unit::Count),
        Mechanism::Aggregate { op: AggOp::Count, .. } => Some(Unit::Count),
        Mechanism::Aggregate { .. } => None,
        Mechanism::Lookup { table, column, .. } => rb.tables.iter().find(|t| t.name == table.text).and_then(|t| match column {
            Some(c) => t.columns.iter().find(|x| x.name == c.text).map(|x| x.unit),
            None => t.columns.first().map(|x| x.unit),
        }),
        Mechanism::Checks(_) => Some(Unit::Bool),
        Mechanism::Score { .. } => Some(Unit::Rate),
        Mechanism::Formula(_) => None,
    };
    match (d.unit, derived) {
        (Some(u), _) => Some(u),
        (None, Some(u)) => Some(u),
        (None, None) => {
            if matches!(d.mechanism, Mechanism::Formula(_) | Mechanism::Aggregate { .. }) {
                diags.push(
                    Diagnostic::error(Code::MissingKey, format!("step `{}` has no `unit`", d.name))
                        .at(d.location.clone())
                        .hint(format!("one of {}", Unit::NAMES.join(", "))),
                );
            }
            None
        }
    }
}

struct Binder<'a> {
    rb: &'a Rulebook,
    defs: &'a [StepDef],
    step: usize,
    base: Option<usize>,
    inner: Option<usize>,
    deps: BTreeSet<usize>,
    reads: BTreeSet<ReadRef>,
    sets: Vec<(usize, usize)>,
    exists: Vec<usize>,
    /// Inside the classes of a `classify` step: that step and its list, for `listed` and `item.*`.
    classify_self: Option<(usize, usize)>,
}

/// The `sub` of an item slot that reads whether the row's code is in the list.
pub const LISTED: u32 = u32::MAX;

impl<'a> Binder<'a> {
    fn view(&mut self, name: &str) -> Result<usize, String> {
        let Some(v) = self.rb.views.iter().position(|v| v.name == name) else {
            let names: Vec<&str> = self.rb.views.iter().map(|v| v.name.as_str()).collect();
            let hint = did_you_mean(name, names.iter().copied()).map(|c| format!(" (did you mean `{c}`?)")).unwrap_or_default();
            return Err(format!("unknown dataset or filter `{name}`{hint}"));
        };
        let view = &self.rb.views[v];
        match view.step {
            Some(s) => {
                if s == self.step {
                    return Err(format!("step `{name}` cannot read itself"));
                }
                self.deps.insert(s);
                self.reads.insert(ReadRef::Step(s));
            }
            None => {
                self.reads.insert(ReadRef::Dataset(view.dataset));
            }
        }
        Ok(v)
    }

    fn computed(&self, dataset: usize, name: &str) -> Option<(usize, &'a StepDef)> {
        let defs: &'a [StepDef] = self.defs;
        let rb: &'a Rulebook = self.rb;
        defs.iter().enumerate().find(|(_, d)| {
            d.name == name
                && match &d.mechanism {
                    Mechanism::Lookup { dataset: Some(ds), .. } | Mechanism::Classify { dataset: ds, .. } => {
                        rb.views.iter().find(|v| v.name == ds.text).is_some_and(|v| v.dataset == dataset)
                    }
                    _ => false,
                }
        })
    }

    fn unknown(&self, name: &str) -> String {
        let mut candidates: Vec<&str> = self.rb.scalars.iter().map(|s| s.name.as_str()).collect();
        for ds in [self.base, self.inner].into_iter().flatten() {
            candidates.extend(self.rb.datasets[ds].columns.iter().map(|(c, _)| c.as_str()));
        }
        match did_you_mean(name, candidates) {
            Some(c) => format!("unknown name `{name}` (did you mean `{c}`?)"),
            None => format!("unknown name `{name}`"),
        }
    }
}

impl<'a> Resolver for Binder<'a> {
    fn name(&mut self, name: &str, member: Option<&str>) -> Result<(Slot, Kind), String> {
        let slot = |space, index: usize, sub: usize| Slot { space, index: index as u32, sub: sub as u32 };
        if let Some((step, l)) = self.classify_self {
            let list = &self.rb.lists[l];
            match (name, member) {
                ("listed", None) => return Ok((Slot { space: space::ITEM, index: step as u32, sub: LISTED }, Kind::Bool)),
                ("item", Some(attr)) => {
                    let a = list.attribute_index(attr).ok_or_else(|| {
                        let names: Vec<&str> = list.attributes.iter().map(|a| a.name.as_str()).collect();
                        format!("list `{}` has no attribute `{attr}` (it has {})", list.name, names.join(", "))
                    })?;
                    return Ok((slot(space::ITEM, step, a), list.attributes[a].unit.kind()));
                }
                _ => {}
            }
        }
        if member.is_none() {
            for (space_id, ds) in [(space::INNER, self.inner), (space::COLUMN, self.base)] {
                let Some(ds) = ds else { continue };
                if let Some(c) = self.rb.datasets[ds].columns.iter().position(|(c, _)| c == name) {
                    return Ok((slot(space_id, c, 0), self.rb.datasets[ds].columns[c].1));
                }
            }
        }
        if let Some(ds) = self.base
            && let Some((s, def)) = self.computed(ds, name)
        {
            if s == self.step {
                return Err(format!("step `{name}` cannot read itself"));
            }
            self.deps.insert(s);
            self.reads.insert(ReadRef::Step(s));
            return match (&def.mechanism, member) {
                (Mechanism::Classify { list, .. }, Some(attr)) => {
                    let l =
                        self.rb.lists.iter().position(|l| l.name == list.text).ok_or_else(|| format!("unknown list `{}`", list.text))?;
                    let list = &self.rb.lists[l];
                    let a = list.attribute_index(attr).ok_or_else(|| {
                        let names: Vec<&str> = list.attributes.iter().map(|a| a.name.as_str()).collect();
                        format!("list `{}` has no attribute `{attr}` (it has {})", list.name, names.join(", "))
                    })?;
                    self.reads.insert(ReadRef::List(l));
                    Ok((slot(space::ITEM, s, a), list.attributes[a].unit.kind()))
                }
                (Mechanism::Classify { .. }, None) => Ok((slot(space::COMPUTED, s, 0), Kind::Text)),
                (_, None) => Ok((slot(space::COMPUTED, s, 0), Kind::Number)),
                (_, Some(m)) => Err(format!("`{name}` has no member `{m}`")),
            };
        }
        if let Some(m) = member {
            return Err(format!("`{name}.{m}`: only the classes of a `classify` step on these rows have members"));
        }
        let Some(i) = self.rb.scalars.iter().position(|s| s.name == name) else { return Err(self.unknown(name)) };
        let def = &self.rb.scalars[i];
        if let ReadRef::Step(s) = def.origin {
            if s == self.step {
                return Err(format!("step `{name}` cannot read itself"));
            }
            self.deps.insert(s);
        }
        self.reads.insert(def.origin);
        Ok((slot(space::SCALAR, i, 0), def.kind))
    }

    fn set(&mut self, view: &str, column: &str) -> Result<(usize, Kind), String> {
        let v = self.view(view)?;
        let ds = self.rb.views[v].dataset;
        let Some(c) = self.rb.datasets[ds].columns.iter().position(|(c, _)| c == column) else {
            return Err(format!("`{view}` has no column `{column}`"));
        };
        let key = (v, c);
        let id = match self.rb.sets.iter().chain(&self.sets).position(|s| *s == key) {
            Some(i) => i,
            None => {
                self.sets.push(key);
                self.rb.sets.len() + self.sets.len() - 1
            }
        };
        Ok((id, self.rb.datasets[ds].columns[c].1))
    }

    fn enter(&mut self, view: &str) -> Result<usize, String> {
        if self.inner.is_some() {
            return Err("`exists` cannot be nested".into());
        }
        let v = self.view(view)?;
        self.inner = Some(self.rb.views[v].dataset);
        let id = match self.rb.exists_views.iter().chain(&self.exists).position(|e| *e == v) {
            Some(i) => i,
            None => {
                self.exists.push(v);
                self.rb.exists_views.len() + self.exists.len() - 1
            }
        };
        Ok(id)
    }

    fn leave(&mut self) {
        self.inner = None;
    }
}

/// Checks an expression, reporting its error at the right place of its file.
fn check_expr(b: &mut Binder<'_>, e: &ExprSource, want: Option<Kind>, what: &str, diags: &mut Vec<Diagnostic>) -> Option<Expr> {
    let file = &b.rb.files[e.file];
    match expr::check(&e.ast, b) {
        Ok((checked, kind)) => {
            if let Some(w) = want
                && kind != w
                && kind != Kind::Null
            {
                diags.push(
                    Diagnostic::error(Code::TypeMismatch, format!("{what} must be a {}, this is a {}", w.name(), kind.name()))
                        .at(file.location(e.file_span(e.ast.span()))),
                );
                return None;
            }
            Some(checked)
        }
        Err(err) => {
            let code = match err.kind {
                ExprErrorKind::Syntax => Code::ExpressionSyntax,
                ExprErrorKind::Undefined => Code::UndefinedName,
                ExprErrorKind::Type => Code::TypeMismatch,
            };
            let mut d = Diagnostic::error(code, format!("in {what}: {}", err.message)).at(file.location(e.file_span(err.span)));
            if let Some(h) = err.hint {
                d = d.hint(h);
            }
            diags.push(d);
            None
        }
    }
}

fn bind_step(b: &mut Binder<'_>, d: &StepDef, diags: &mut Vec<Diagnostic>) -> Option<Plan> {
    let what = |part: &str| format!("{part} of step `{}`", d.name);
    let file = &b.rb.files[d.file];
    let locate = |span: std::ops::Range<usize>| file.location(span);
    match &d.mechanism {
        Mechanism::Filter { dataset, condition } => {
            let view = b
                .view(&dataset.text)
                .map_err(|m| diags.push(Diagnostic::error(Code::UndefinedName, m).at(locate(dataset.span.clone()))))
                .ok()?;
            b.base = Some(b.rb.views[view].dataset);
            let cond = match condition {
                Some(c) => Some(check_expr(b, c, Some(Kind::Bool), &what("the condition"), diags)?),
                None => None,
            };
            Some(Plan::Filter { view, cond })
        }
        Mechanism::Lookup { dataset, table, column, keys } => {
            let Some(t) = b.rb.tables.iter().position(|x| x.name == table.text) else {
                let hint = did_you_mean(&table.text, b.rb.tables.iter().map(|t| t.name.as_str())).map(|c| format!("did you mean `{c}`?"));
                let mut diag =
                    Diagnostic::error(Code::UndefinedName, format!("unknown table `{}`", table.text)).at(locate(table.span.clone()));
                if let Some(h) = hint {
                    diag = diag.hint(h);
                }
                diags.push(diag);
                return None;
            };
            b.reads.insert(ReadRef::Table(t));
            let tbl = &b.rb.tables[t];
            let col = match column {
                Some(c) => match tbl.column_index(&c.text) {
                    Some(i) => i,
                    None => {
                        diags.push(
                            Diagnostic::error(Code::UndefinedName, format!("table `{}` has no column `{}`", tbl.name, c.text))
                                .at(locate(c.span.clone())),
                        );
                        return None;
                    }
                },
                None if tbl.columns.len() == 1 => 0,
                None => {
                    diags.push(
                        Diagnostic::error(Code::MissingKey, format!("table `{}` has several columns: say which with `column`", tbl.name))
                            .at(d.location.clone()),
                    );
                    return None;
                }
            };
            let view = match dataset {
                Some(ds) => {
                    let v = b
                        .view(&ds.text)
                        .map_err(|m| diags.push(Diagnostic::error(Code::UndefinedName, m).at(locate(ds.span.clone()))))
                        .ok()?;
                    b.base = Some(b.rb.views[v].dataset);
                    Some(v)
                }
                None => None,
            };
            let mut checked = Vec::new();
            let mut ok = true;
            for key in &tbl.keys {
                let Some((_, src)) = keys.iter().find(|(k, _)| *k == key.name) else {
                    diags.push(
                        Diagnostic::error(
                            Code::MissingKey,
                            format!("step `{}` gives no value for key `{}` of table `{}`", d.name, key.name, tbl.name),
                        )
                        .at(d.location.clone()),
                    );
                    ok = false;
                    continue;
                };
                let want = match key.kind {
                    KeyKind::Range { .. } => Kind::Number,
                    KeyKind::Enum { .. } => Kind::Text,
                    KeyKind::Bool => Kind::Bool,
                };
                match check_expr(b, src, Some(want), &what(&format!("key `{}`", key.name)), diags) {
                    Some(e) => checked.push(e),
                    None => ok = false,
                }
            }
            for (k, src) in keys {
                if !tbl.keys.iter().any(|x| x.name == *k) {
                    diags.push(
                        Diagnostic::error(Code::UnknownKey, format!("table `{}` has no key `{k}`", tbl.name))
                            .at(file.location(src.offset..src.offset + src.text.len())),
                    );
                    ok = false;
                }
            }
            if !ok {
                return None;
            }
            Some(match view {
                Some(view) => Plan::LookupRows { view, table: t, column: col, keys: checked },
                None => Plan::LookupScalar { table: t, column: col, keys: checked },
            })
        }
        Mechanism::Aggregate { dataset, op, condition, group_by } => {
            let view = b
                .view(&dataset.text)
                .map_err(|m| diags.push(Diagnostic::error(Code::UndefinedName, m).at(locate(dataset.span.clone()))))
                .ok()?;
            b.base = Some(b.rb.views[view].dataset);
            let sum = match op {
                AggOp::Sum(e) => Some(check_expr(b, e, Some(Kind::Number), &what("the sum"), diags)?),
                AggOp::Count => None,
            };
            let cond = match condition {
                Some(c) => Some(check_expr(b, c, Some(Kind::Bool), &what("the condition"), diags)?),
                None => None,
            };
            let group = match group_by {
                Some(g) => Some(check_expr(b, g, None, &what("the grouping"), diags)?),
                None => None,
            };
            Some(Plan::Aggregate { view, sum, cond, group })
        }
        Mechanism::Classify { dataset, list, code, date, classes } => {
            let view = b
                .view(&dataset.text)
                .map_err(|m| diags.push(Diagnostic::error(Code::UndefinedName, m).at(locate(dataset.span.clone()))))
                .ok()?;
            b.base = Some(b.rb.views[view].dataset);
            let Some(l) = b.rb.lists.iter().position(|x| x.name == list.text) else {
                diags.push(Diagnostic::error(Code::UndefinedName, format!("unknown list `{}`", list.text)).at(locate(list.span.clone())));
                return None;
            };
            b.reads.insert(ReadRef::List(l));
            let code = check_expr(b, code, Some(Kind::Text), &what("the code"), diags);
            let date = check_expr(b, date, Some(Kind::Date), &what("the date"), diags);
            let mut out = Vec::new();
            let mut ok = true;
            b.classify_self = Some((b.step, l));
            for c in classes {
                match check_expr(b, &c.when, Some(Kind::Bool), &what(&format!("class `{}`", c.name)), diags) {
                    Some(e) => out.push((c.name.clone(), c.label.clone(), e)),
                    None => ok = false,
                }
            }
            if !ok {
                return None;
            }
            Some(Plan::Classify { view, list: l, code: code?, date: date?, classes: out })
        }
        Mechanism::Checks(checks) => {
            let mut out = Vec::new();
            let mut ok = true;
            for c in checks {
                match check_expr(b, &c.when, Some(Kind::Bool), &what(&format!("check `{}`", c.name)), diags) {
                    Some(e) => out.push((c.name.clone(), c.label.clone(), e)),
                    None => ok = false,
                }
            }
            ok.then_some(Plan::Checks(out))
        }
        Mechanism::Score { set } => {
            let Some(s) = b.rb.indicator_sets.iter().position(|x| x.name == set.text) else {
                diags.push(
                    Diagnostic::error(Code::UndefinedName, format!("unknown indicator set `{}`", set.text)).at(locate(set.span.clone())),
                );
                return None;
            };
            b.reads.insert(ReadRef::Indicators(s));
            let mut inputs = Vec::new();
            let mut ok = true;
            for ind in &b.rb.indicator_sets[s].indicators {
                match b.rb.scalars.iter().position(|x| x.name == ind.input) {
                    Some(i) if b.rb.scalars[i].kind == Kind::Number => {
                        b.reads.insert(b.rb.scalars[i].origin);
                        if let ReadRef::Step(st) = b.rb.scalars[i].origin {
                            b.deps.insert(st);
                        }
                        inputs.push(i);
                    }
                    _ => {
                        diags.push(
                            Diagnostic::error(
                                Code::UndefinedName,
                                format!("indicator `{}` reads `{}`, which is no numeric input, parameter or step", ind.name, ind.input),
                            )
                            .at(ind.provenance.location.clone()),
                        );
                        ok = false;
                    }
                }
            }
            ok.then_some(Plan::Score { set: s, inputs })
        }
        Mechanism::Formula(src) => bind_formula(b, d, src, diags),
    }
}

fn bind_formula(b: &mut Binder<'_>, d: &StepDef, src: &FormulaSource, diags: &mut Vec<Diagnostic>) -> Option<Plan> {
    let file = &b.rb.files[d.file];
    let (names, pending) = match src {
        FormulaSource::Inline { text, offset } => {
            let known: Vec<String> = b.rb.scalars.iter().map(|s| s.name.clone()).collect();
            let ast = match formula::compile_inline(&b.rb.engine, text, &known, file, *offset) {
                Ok(a) => a,
                Err(mut e) => {
                    e.message = format!("in the formula of step `{}`: {}", d.name, e.message.trim_start_matches("in Rhai: "));
                    diags.push(e);
                    return None;
                }
            };
            let names: Vec<String> = formula::identifiers(text).into_iter().filter(|n| known.contains(n)).collect();
            (names.clone(), PendingFormula::Inline(ast, names))
        }
        FormulaSource::Function { script, function, span } => {
            let Some(si) = b.rb.scripts.iter().position(|s| s.path.ends_with(&format!("/{script}")) || s.path == *script) else {
                let exists = b.rb.files.iter().any(|f| f.path.ends_with(&format!("/{script}")) || f.path == *script);
                if !exists {
                    diags.push(
                        Diagnostic::error(
                            Code::MissingFile,
                            format!("step `{}` calls script `{script}`, which `[files] scripts` does not list", d.name),
                        )
                        .at(file.location(span.clone())),
                    );
                }
                return None;
            };
            let Some(params) = formula::function_params(&b.rb.scripts[si], function) else {
                let names: Vec<&str> = b.rb.scripts[si].ast.iter_functions().map(|f| f.name).collect();
                let mut diag = Diagnostic::error(Code::UndefinedName, format!("script `{script}` has no function `{function}`"))
                    .at(file.location(span.clone()));
                if let Some(c) = did_you_mean(function, names.iter().copied()) {
                    diag = diag.hint(format!("did you mean `{c}`?"));
                }
                diags.push(diag);
                return None;
            };
            (params, PendingFormula::Function(si, function.clone()))
        }
    };
    let mut scalars = Vec::with_capacity(names.len());
    let mut ok = true;
    for n in &names {
        match b.name(n, None) {
            Ok((slot, _)) => scalars.push(slot.index as usize),
            Err(m) => {
                let loc = match src {
                    FormulaSource::Function { script, function, .. } => {
                        let sf = &b.rb.files[b.rb.scripts.iter().find(|s| s.path.ends_with(script.as_str())).map_or(d.file, |s| s.file)];
                        sf.location(formula::function_span(&sf.text, function))
                    }
                    FormulaSource::Inline { offset, .. } => file.location(*offset..*offset + 1),
                };
                diags.push(
                    Diagnostic::error(Code::UndefinedName, format!("the formula of step `{}` reads `{n}`: {m}", d.name))
                        .at(loc)
                        .hint("a function's parameters name the outputs, parameters and inputs it reads"),
                );
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    Some(match pending {
        PendingFormula::Inline(ast, names) => Plan::Inline { ast, names, scalars },
        PendingFormula::Function(script, function) => Plan::Function { script, function, scalars },
    })
}

/// A formula compiled, waiting for the names it reads to be resolved.
enum PendingFormula {
    Inline(rhai::AST, Vec<String>),
    Function(usize, String),
}

fn bind_result(rb: &Rulebook, m: &Manifest, diags: &mut Vec<Diagnostic>) -> Option<ResultSpec> {
    let find = |s: &toml::Spanned<String>, diags: &mut Vec<Diagnostic>| -> Option<usize> {
        let i = rb.step_index(s.get_ref());
        if i.is_none() {
            let mut d = Diagnostic::error(Code::UndefinedName, format!("`[result]` names step `{}`, which does not exist", s.get_ref()))
                .at(m.result_loc.clone());
            if let Some(c) = did_you_mean(s.get_ref(), rb.steps.iter().map(|s| s.def.name.as_str())) {
                d = d.hint(format!("did you mean `{c}`?"));
            }
            diags.push(d);
        }
        i
    };
    let total = find(m.total.as_ref()?, diags);
    let components: Vec<Option<usize>> = m.components.iter().map(|c| find(c, diags)).collect();
    let gate = m.gate.as_ref().map(|g| find(g, diags));
    if let Some(Some(g)) = gate
        && !matches!(rb.steps[g].plan, Plan::Checks(_))
    {
        diags.push(
            Diagnostic::error(Code::InvalidValue, format!("the gate `{}` must be a `checks` step", rb.steps[g].def.name))
                .at(m.result_loc.clone()),
        );
        return None;
    }
    let waterfall: Vec<Option<WaterfallBar>> = m
        .waterfall
        .iter()
        .map(|w| match w.get_ref().strip_prefix('+') {
            Some(name) => find(&toml::Spanned::new(w.span(), name.to_string()), diags).map(WaterfallBar::Add),
            None => find(w, diags).map(WaterfallBar::Level),
        })
        .collect();
    if let Some(Some(WaterfallBar::Add(_))) = waterfall.first() {
        diags.push(
            Diagnostic::error(Code::InvalidValue, "`[result] waterfall` must start with a level, not an addition").at(m.result_loc.clone()),
        );
    }
    Some(ResultSpec {
        total: total?,
        components: components.into_iter().collect::<Option<_>>()?,
        gate: gate.flatten(),
        waterfall: waterfall.into_iter().collect::<Option<_>>()?,
    })
}

/// Orders steps by dependency (declaration order among the ready ones), the gate and its
/// ancestors first; reports cycles.
fn order_steps(rb: &Rulebook, diags: &mut Vec<Diagnostic>) -> Option<Vec<usize>> {
    let n = rb.steps.len();
    let mut indegree = vec![0usize; n];
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, s) in rb.steps.iter().enumerate() {
        for &d in &s.deps {
            indegree[i] += 1;
            dependents[d].push(i);
        }
    }
    let mut ready: BinaryHeap<Reverse<usize>> = (0..n).filter(|&i| indegree[i] == 0).map(Reverse).collect();
    let mut topo = Vec::with_capacity(n);
    while let Some(Reverse(i)) = ready.pop() {
        topo.push(i);
        for &j in &dependents[i] {
            indegree[j] -= 1;
            if indegree[j] == 0 {
                ready.push(Reverse(j));
            }
        }
    }
    if topo.len() < n {
        let stuck: Vec<usize> = (0..n).filter(|i| !topo.contains(i)).collect();
        let cycle = find_cycle(rb, &stuck);
        let names: Vec<&str> = cycle.iter().map(|&i| rb.steps[i].def.name.as_str()).collect();
        diags.push(
            Diagnostic::error(Code::CyclicSteps, format!("steps depend on each other in a cycle: {} → {}", names.join(" → "), names[0]))
                .at(rb.steps[cycle[0]].def.location.clone())
                .hint("a step can only read steps that do not read it back"),
        );
        return None;
    }
    let Some(gate) = rb.result.gate else { return Some(topo) };
    let mut ancestors = vec![false; n];
    let mut stack = vec![gate];
    while let Some(s) = stack.pop() {
        for &d in &rb.steps[s].deps {
            if !ancestors[d] {
                ancestors[d] = true;
                stack.push(d);
            }
        }
    }
    let mut order: Vec<usize> = topo.iter().copied().filter(|&i| ancestors[i]).collect();
    order.push(gate);
    order.extend(topo.iter().copied().filter(|&i| !ancestors[i] && i != gate));
    Some(order)
}

fn find_cycle(rb: &Rulebook, stuck: &[usize]) -> Vec<usize> {
    let start = stuck[0];
    let mut path = vec![start];
    let mut current = start;
    loop {
        let Some(&next) = rb.steps[current].deps.iter().find(|d| stuck.contains(d)) else { return path };
        if let Some(pos) = path.iter().position(|&p| p == next) {
            let mut cycle = path[pos..].to_vec();
            cycle.reverse();
            return cycle;
        }
        path.push(next);
        current = next;
    }
}

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
