//! Binding a year's items together: datasets and their views, the one namespace of scalars
//! (built-ins, parameters, inputs, steps), then every step's mechanism compiled to a plan.

use std::collections::HashMap;

use typed_index_collections::{TiSlice, TiVec};

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::ids::{ScalarId, StepId};
use crate::mechanism::{DerivedUnit, StepCx};
use crate::message::Message;
use crate::rulebook::labels;
use crate::rulebook::manifest::Manifest;
use crate::rulebook::ordering::order_steps;
use crate::rulebook::resolver::Binder;
use crate::rulebook::result::bind_result;
use crate::rulebook::{Builtin, DatasetDef, ReadRef, ResultSpec, ScalarDef, Scope, Step, ViewDef};
use crate::rules::inputs::InputKind;
use crate::rules::step::StepDef;
use crate::value::{Kind, Rounding, Unit};

/// A year's steps bound: each one's plan, the result and the evaluation order.
pub(crate) struct Pipeline {
    pub(crate) steps: TiVec<StepId, Step>,
    pub(crate) result: ResultSpec,
    pub(crate) order: Vec<StepId>,
}

/// Binds the steps `defs` in `scope`: its datasets, views and scalars first, then the steps'
/// plans, the result and the order, after the names labels show and the parameters the calendar
/// reads. `None` when the steps, the result or the order cannot be bound.
pub(crate) fn bind(scope: &mut Scope, defs: TiVec<StepId, StepDef>, m: &Manifest, diags: &mut Vec<Diagnostic>) -> Option<Pipeline> {
    labels::check_references(scope, &defs, diags);
    crate::rulebook::calendar::bind_working_days(scope, diags);
    bind_datasets(scope, m, diags);
    let named = bind_scalars(scope, &defs, diags);
    bind_views(scope, &defs);
    let steps = bind_steps(scope, &defs, &named, m, diags)?;
    labels::check_numbers(scope, &steps, diags);
    let result = bind_result(&steps, m, diags)?;
    let order = order_steps(&steps, &result, diags)?;
    Some(Pipeline { steps, result, order })
}

/// One dataset (and its whole-dataset view) per input read through a norm.
fn bind_datasets(rb: &mut Scope, m: &Manifest, diags: &mut Vec<Diagnostic>) {
    for (i, input) in rb.schema.inputs.iter_enumerated() {
        let InputKind::Dataset { norm, .. } = &input.kind else { continue };
        let Some(n) = rb.norms.iter().position(|x| &x.name == norm) else {
            diags.push(
                Diagnostic::error(
                    Code::UndefinedName,
                    msg!("rules-input-norm-not-listed", section = &input.section, name = &input.name, norm = norm),
                )
                .at(input.location.clone()),
            );
            continue;
        };
        let norm = &rb.norms[n];
        let columns: TiVec<_, _> = norm.fields.iter().map(|f| (f.name.clone(), f.kind.value_kind())).collect();
        // What is read of the dataset besides the steps: the dates the date shift counts, the
        // columns the calendar's re-basing rules read (the steps add theirs as they bind).
        let dated = crate::case::shift::dated_fields(norm);
        let rebased = rb.calendar.iter().filter_map(|e| e.rebase.as_ref()).filter(|r| r.dataset == input.name);
        let read: Vec<&str> = dated.map(|f| f.name.as_str()).chain(rebased.flat_map(|r| r.columns())).collect();
        let kept = columns.iter().map(|(c, _)| read.contains(&c.as_str())).collect();
        let dataset = rb.datasets.push_and_get_key(DatasetDef { name: input.name.clone(), input: i, columns, kept });
        rb.views.push(ViewDef { name: input.name.clone(), dataset, step: None });
    }
    for n in &m.norms {
        if !rb.schema.inputs.iter().any(|i| matches!(&i.kind, InputKind::Dataset { norm, .. } if *norm == n.name)) {
            diags.push(Diagnostic::warning(Code::UndefinedName, msg!("rules-norm-unread", norm = &n.name)).at(n.location.clone()));
        }
    }
}

/// The one namespace of names every expression may read: each name and where it was claimed,
/// as a message shows it.
#[derive(Default)]
struct Namespace(HashMap<String, Message>);

impl Namespace {
    /// Claims `name` for a `what` defined at `loc`; a name claimed twice is an error.
    fn claim(&mut self, name: &str, loc: &Location, what: &str, diags: &mut Vec<Diagnostic>) -> bool {
        self.claim_shown(name, loc, Message::text(loc.to_string()), what, diags)
    }

    fn claim_shown(&mut self, name: &str, loc: &Location, shown: Message, what: &str, diags: &mut Vec<Diagnostic>) -> bool {
        if let Some(prev) = self.0.get(name) {
            diags.push(
                Diagnostic::error(Code::DuplicateName, msg!("rules-name-taken", kind = what, name = name, previous = prev))
                    .at(loc.clone())
                    .hint(msg!("rules-one-namespace")),
            );
            return false;
        }
        self.0.insert(name.to_string(), shown);
        true
    }
}

/// The scalars: built-ins, parameters, inputs with a value, then steps, whose units are known
/// from their mechanisms before any is bound. Returns each step's unit and scalar (a step whose
/// name is taken has one too, which no name reads: the rulebook does not load).
fn bind_scalars(rb: &mut Scope, defs: &TiSlice<StepId, StepDef>, diags: &mut Vec<Diagnostic>) -> TiVec<StepId, (Option<Unit>, ScalarId)> {
    let mut names = Namespace::default();
    // Built-ins are claimed first: no diagnostic ever stands at their location.
    let builtin_loc = Location::File { file: String::new() };
    for &b in Builtin::ALL {
        names.claim_shown(b.as_str(), &builtin_loc, msg!("rules-built-in"), "built-in", diags);
        rb.scalars.push(ScalarDef { name: b.as_str().to_string(), kind: b.kind(), origin: ReadRef::Builtin(b) });
    }
    for (i, p) in rb.parameters.iter_enumerated() {
        if names.claim(&p.name, &p.provenance.location, "parameter", diags) {
            rb.scalars.push(ScalarDef { name: p.name.clone(), kind: p.unit.kind(), origin: ReadRef::Parameter(i) });
        }
    }
    for (i, input) in rb.schema.inputs.iter_enumerated() {
        if names.claim(&input.name, &input.location, "input", diags)
            && let Some(kind) = input.value_kind()
        {
            rb.scalars.push(ScalarDef { name: input.name.clone(), kind, origin: ReadRef::Input(i) });
        }
    }
    let mut named = TiVec::with_capacity(defs.len());
    for (i, d) in defs.iter_enumerated() {
        let unit = step_unit(d, rb, diags);
        names.claim(&d.name, &d.location, "step", diags);
        let scalar = rb.scalars.push_and_get_key(ScalarDef {
            name: d.name.clone(),
            kind: unit.map_or(Kind::Number, Unit::kind),
            origin: ReadRef::Step(i),
        });
        named.push((unit, scalar));
    }
    named
}

/// A view per filter step, over the dataset of the view it filters; filters of filters are
/// resolved in declaration order until nothing changes.
fn bind_views(rb: &mut Scope, defs: &TiSlice<StepId, StepDef>) {
    loop {
        let before = rb.views.len();
        for (i, d) in defs.iter_enumerated() {
            if let Some(dataset) = d.mechanism.rows().view_of
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
}

/// Every step's plan; `None` when one of them cannot be bound.
fn bind_steps(
    rb: &mut Scope,
    defs: &TiSlice<StepId, StepDef>,
    named: &TiSlice<StepId, (Option<Unit>, ScalarId)>,
    m: &Manifest,
    diags: &mut Vec<Diagnostic>,
) -> Option<TiVec<StepId, Step>> {
    let mut steps = TiVec::with_capacity(defs.len());
    for (i, d) in defs.iter_enumerated() {
        let mut b = Binder::new(rb, defs, i);
        let plan = d.mechanism.bind(&mut b, &StepCx { d, file: &rb.files[d.file] }, diags);
        let (deps, reads, sets, exists) = (b.deps, b.reads, b.sets, b.exists);
        for (ds, c) in b.columns {
            rb.datasets[ds].kept[c] = true;
        }
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
        let (unit, scalar) = named[i];
        let unit = unit.unwrap_or(Unit::Number);
        let rounding = step_rounding(d, unit, m, diags);
        if let Some(plan) = plan {
            let (reads, deps) = (reads.into_iter().collect(), deps.into_iter().collect());
            steps.push(Step { def: d.clone(), unit, rounding, scalar, plan, reads, deps });
        }
    }
    (steps.len() == defs.len()).then_some(steps)
}

/// The rounding of a step: its own, else the rulebook's money rounding for an amount in EUR
/// (which must then exist), else none.
fn step_rounding(d: &StepDef, unit: Unit, m: &Manifest, diags: &mut Vec<Diagnostic>) -> Option<Rounding> {
    match (d.rounding, unit.is_money(), d.no_rounding) {
        (Some(r), _, _) => Some(r),
        (None, true, false) => {
            if m.money_rounding.is_none() {
                diags.push(
                    Diagnostic::error(Code::MoneyWithoutRounding, msg!("rules-money-no-rounding", step = &d.name))
                        .at(d.location.clone())
                        .hint(msg!("rules-money-no-rounding-hint")),
                );
            }
            m.money_rounding
        }
        _ => None,
    }
}

/// The unit of a step: declared, or derived from its mechanism.
pub(crate) fn step_unit(d: &StepDef, rb: &Scope, diags: &mut Vec<Diagnostic>) -> Option<Unit> {
    let derived = d.mechanism.unit(rb);
    match (d.unit, derived) {
        (Some(u), _) => Some(u),
        (None, DerivedUnit::Is(u) | DerivedUnit::Of(Some(u))) => Some(u),
        (None, DerivedUnit::Of(None)) => None,
        (None, DerivedUnit::Declared) => {
            diags.push(
                Diagnostic::error(Code::MissingKey, msg!("rules-step-no-unit", step = &d.name))
                    .at(d.location.clone())
                    .hint(msg!("rules-one-of", choices = Unit::NAMES.join(", "))),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::case::CaseOptions;
    use crate::rulebook::{Rulebook, load};
    use crate::rules::source::MemSource;

    const MANIFEST: &str = r#"
year = 2025
label = "t"
period = { start = 2025-01-01, end = 2025-12-31 }
reference_date = 2025-12-31
case_file = "case.toml"
[files]
inputs = ["i.toml"]
tables = ["t.toml"]
steps = ["s.toml"]
calendar = ["c.toml"]
[norms]
people = 1
acts = 1
[result]
total = "total"
[defaults]
money_rounding = { step = "0.01", mode = "half-up" }
"#;

    const INPUTS: &str = r#"
[files]
people = { type = "dataset", norm = "people", label = "p" }
acts = { type = "dataset", norm = "acts", label = "a" }
"#;

    /// Every kind of reader of a column: a filter's condition, a lookup's key, a set (`in view.column`), the
    /// condition and the key of an `exists`, a sum, a group key; and a calendar rule. `NOTE`,
    /// `CODE` and `RANK` nobody reads.
    const STEPS: &str = r#"
[[step]]
name = "adults"
label = "a"
filter = { dataset = "people", where = "AGE >= 18" }

[[step]]
name = "fees"
label = "f"
lookup = { dataset = "adults", table = "fee", keys = { band = "BAND" } }

[[step]]
name = "seen"
label = "s"
filter = { dataset = "acts", where = "WHO in adults.ID && exists(people, ID == WHO && KIND == \"x\")" }

[[step]]
name = "by_unit"
label = "b"
unit = "EUR"
aggregate = { dataset = "seen", sum = "AMOUNT", group_by = "UNIT" }

[[step]]
name = "total"
label = "t"
unit = "EUR"
aggregate = { dataset = "seen", sum = "AMOUNT" }
"#;

    const TABLES: &str = r#"
[fee]
label = "f"
status = "assumed"
reference = "r"
keys = [{ name = "band", type = "enum", values = ["a", "b"] }]
columns = [{ name = "amount", unit = "EUR" }]
rows = [{ band = "a", amount = "1" }, { band = "b", amount = "2" }]
"#;

    const CALENDAR: &str = r#"
[moves]
label = "m"
date = 2025-01-01
kind = "rebase"
dataset = "people"
id = "ID"
group = "TEAM"
entry = "IN"
exit = "OUT"
weights = { A = "1" }
status = "assumed"
reference = "r"
"#;

    fn norm(name: &str, fields: &[(&str, &str)]) -> String {
        let mut text = format!(
            "name = \"{name}\"\nversion = 1\nlabel = \"n\"\nstatus = \"assumed\"\nreference = \"r\"\nseparator = \";\"\nencoding = \"utf-8\"\n"
        );
        for (field, kind) in fields {
            let dated = if *field == "WHEN" { "row_date = true\n" } else { "" };
            text.push_str(&format!("[[field]]\nname = \"{field}\"\ntype = \"{kind}\"\n{dated}"));
        }
        text
    }

    fn rulebook() -> Rulebook {
        let rules = MemSource::new()
            .with("rulebook.toml", MANIFEST)
            .with("i.toml", INPUTS)
            .with("t.toml", TABLES)
            .with("s.toml", STEPS)
            .with("c.toml", CALENDAR);
        let people = [
            ("ID", "text"),
            ("AGE", "integer"),
            ("KIND", "text"),
            ("BAND", "text"),
            ("TEAM", "text"),
            ("IN", "date"),
            ("OUT", "date"),
            ("NOTE", "text"),
        ];
        let acts = [("WHO", "text"), ("WHEN", "date"), ("CODE", "text"), ("RANK", "integer"), ("UNIT", "text"), ("AMOUNT", "decimal")];
        let norms = MemSource::new().with("people/v1.toml", &norm("people", &people)).with("acts/v1.toml", &norm("acts", &acts));
        let (rb, diags) = load(&rules, &norms);
        rb.unwrap_or_else(|| panic!("{diags:#?}"))
    }

    fn kept<'r>(rb: &'r Rulebook, dataset: &str) -> Vec<&'r str> {
        rb.datasets().iter().find(|d| d.name == dataset).expect("a dataset").kept_columns().collect()
    }

    #[test]
    fn a_case_keeps_the_columns_steps_the_calendar_and_the_date_shift_read_and_no_other() {
        let rb = rulebook();
        // Steps: AGE (a condition), ID (a set and an `exists` key), KIND (an `exists` condition),
        // BAND (a lookup's key);
        // the calendar: ID, TEAM, IN, OUT. Not NOTE.
        assert_eq!(kept(&rb, "people"), ["ID", "AGE", "KIND", "BAND", "TEAM", "IN", "OUT"]);
        // Steps: WHO (a set, an `exists` key), UNIT (a group key), AMOUNT (a sum); the date
        // shift: WHEN (a row date). Not CODE nor RANK.
        assert_eq!(kept(&rb, "acts"), ["WHO", "WHEN", "UNIT", "AMOUNT"]);
    }

    #[test]
    fn a_column_not_kept_is_checked_but_never_read_as_null() {
        let rb = rulebook();
        let dir = tempfile::tempdir().expect("a folder");
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).expect("written");
        write("case.toml", "[files]\npeople = \"people.csv\"\nacts = \"acts.csv\"\n");
        write("people.csv", "ID;AGE;KIND;BAND;TEAM;IN;OUT;NOTE\nP1;40;x;a;A;01/01/2025;;a note\n");
        write("acts.csv", "WHO;WHEN;CODE;RANK;UNIT;AMOUNT\nP1;01/03/2025;C1;1;U;10,50\n");
        let (case, diags) = rb.cases().load(dir.path(), CaseOptions::default());
        assert!(diags.is_empty(), "{diags:#?}");
        let case = case.expect("a case");
        let people = case.datasets.iter().flatten().find(|d| d.name == "people").expect("people");
        let note = people.column_index("NOTE").expect("NOTE");
        assert!(!people.keeps(note) && people.keeps(people.column_index("AGE").expect("AGE")));
        // Reading it is a bug, which stops loudly: never a null.
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| people.value(0, note)));
        assert!(read.is_err(), "a column not kept read as {read:?}");
        // The evaluation reads what is kept, and gives what a reading that keeps every field gives.
        let every = rb.cases_keeping_every_field().load(dir.path(), CaseOptions::default()).0.expect("a case");
        assert!(every.datasets.iter().flatten().all(|d| (0..d.columns.len()).all(|c| d.keeps(c))));
        let json = |c: &crate::case::Case| serde_json::to_string(&crate::eval::evaluate(&rb, c)).expect("json");
        assert_eq!(json(&case), json(&every));
        assert!(json(&case).contains("\"10.50\""), "{}", json(&case));
        // A case read keeping less than a rulebook reads is refused before any figure.
        let mut short = every.clone();
        let acts = short.datasets.iter_mut().flatten().find(|d| d.name == "acts").expect("acts");
        let amount = acts.column_index("AMOUNT").expect("AMOUNT");
        std::sync::Arc::make_mut(&mut acts.data)[amount] = crate::data::column::Column::NotKept;
        assert!(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| crate::eval::evaluate(&rb, &short))).is_err());
        // Every field is still checked: a wrong value in a column not kept refuses the case.
        write("acts.csv", "WHO;WHEN;CODE;RANK;UNIT;AMOUNT\nP1;01/03/2025;C1;one;U;10,50\n");
        let (_, diags) = rb.cases().load(dir.path(), CaseOptions::default());
        assert_eq!(diags.iter().map(|d| (d.code.as_str(), d.is_error())).collect::<Vec<_>>(), [("V416", true)], "{diags:#?}");
    }
}
