//! `classify`: each row's code found in a list at the row's date, then the first class whose
//! condition holds; the breakdown counts the rows of each class.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::eval::rows::{Columns, Reads, RowSource, Walker};
use crate::eval::state::{ItemColumn, State, computed_column};
use crate::eval::{Failure, Part, StepResult};
use crate::expr::Expr;
use crate::ids::{FileId, ListId, StepId, ViewId};
use crate::mechanism::{DerivedUnit, PerRow, Rows, StepCx, StepMechanism, squash};
use crate::message::Message;
use crate::rulebook::resolver::Binder;
use crate::rulebook::{ReadRef, Rulebook, Scope};
use crate::rules::step::{ExprSource, Spanned, read_expr, spanned};
use crate::rules::strict::Obj;
use crate::value::{Kind, Unit, Value};

/// A classification as written.
#[derive(Debug, Clone)]
pub struct Classify {
    pub(crate) dataset: Spanned,
    pub(crate) list: Spanned,
    pub(crate) code: ExprSource,
    pub(crate) date: ExprSource,
    pub(crate) classes: Vec<ClassDef>,
}

/// A class of a classification, as written.
#[derive(Debug, Clone)]
pub struct ClassDef {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) when: ExprSource,
}

/// Finds each row's code in a list at the row's date, then gives the row the first class whose
/// condition holds.
#[derive(Debug, Clone)]
pub(crate) struct ClassifyPlan {
    pub(crate) view: ViewId,
    pub(crate) list: ListId,
    pub(crate) code: Expr,
    pub(crate) date: Expr,
    pub(crate) classes: Vec<Class>,
}

/// A class bound: its name, its label as people read it, its condition.
#[derive(Debug, Clone)]
pub(crate) struct Class {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) when: Expr,
}

/// The `classify` mechanism.
// The schema types are read by serde and schemars only.
#[allow(dead_code, reason = "fields for the schema")] // not prose
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "ClassifyDef")]
pub(crate) struct ClassifyEntry {
    /// The dataset whose rows are classified.
    pub(crate) dataset: String,
    /// The code list read for each row.
    pub(crate) list: String,
    /// The expression giving the row's code.
    pub(crate) code: String,
    /// The expression giving the date the list is read at.
    pub(crate) date: String,
    /// The classes, in order: a row goes to the first whose condition holds.
    pub(crate) classes: Vec<ClassEntry>,
}

/// A class of a classification.
// The schema types are read by serde and schemars only.
#[allow(dead_code, reason = "fields for the schema")] // not prose
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "ClassDef")]
pub(crate) struct ClassEntry {
    /// The name of the class.
    pub(crate) name: String,
    /// What the class means. `{name}` shows the value of parameter `name`.
    pub(crate) label: Option<String>,
    /// The condition (`listed` and `item.<attribute>` read the row's list item).
    pub(crate) when: String,
}

impl StepMechanism for Classify {
    type Plan = ClassifyPlan;
    type Entry = ClassifyEntry;
    const DOC: &'static str = "Each row of a dataset put in the first class whose condition holds, reading a code list."; // not prose

    fn read(obj: &Obj<'_, '_>, key: &'static str, file: FileId) -> Option<Self> {
        let ctx = obj.ctx();
        let m = obj.table(key)?;
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
        Some(Classify { dataset: dataset?, list: list?, code: code?, date: date?, classes })
    }

    fn unit(&self, _rb: &Scope) -> DerivedUnit {
        DerivedUnit::Is(Unit::Count)
    }

    fn exprs_mut(&mut self) -> Vec<&mut ExprSource> {
        [&mut self.code, &mut self.date].into_iter().chain(self.classes.iter_mut().map(|c| &mut c.when)).collect()
    }

    fn describe(&self) -> Message {
        Message::id("rules-describe-classify")
            .with("dataset", &self.dataset.text)
            .with("list", &self.list.text)
            .with("code", squash(&self.code.text))
            .with("date", squash(&self.date.text))
            .with("classes", describe_classes(&self.classes))
    }

    fn rows(&self) -> Rows<'_> {
        Rows { per_row: Some((&self.dataset, PerRow::Class { list: &self.list })), ..Rows::default() }
    }

    fn labels(&self, step: &str) -> Vec<(Message, &str)> {
        self.classes.iter().map(|c| (msg!("rules-what-class-of-step", class = &c.name, step = step), c.label.as_str())).collect()
    }

    fn bind(&self, b: &mut Binder<'_>, cx: &StepCx<'_>, diags: &mut Vec<Diagnostic>) -> Option<ClassifyPlan> {
        let Classify { dataset, list, code, date, classes } = self;
        let view = cx.rows(b, dataset, diags)?;
        let Some(l) = b.rb.lists.position(|x| x.name == list.text) else {
            let mut d = cx.undefined(msg!("rules-unknown-list", name = &list.text), list);
            if let Some(c) = did_you_mean(&list.text, b.rb.lists.iter().map(|l| l.name.as_str())) {
                d = d.hint(msg!("rules-did-you-mean", name = c));
            }
            diags.push(d);
            return None;
        };
        b.reads.insert(ReadRef::List(l));
        let code = cx.check(b, code, Some(Kind::Text), msg!("rules-part", part = "code"), diags);
        let date = cx.check(b, date, Some(Kind::Date), msg!("rules-part", part = "date"), diags);
        b.classify_self = Some((b.step, l));
        let mut out = Vec::new();
        let mut ok = true;
        for c in classes {
            match cx.check(b, &c.when, Some(Kind::Bool), msg!("rules-what-class", name = &c.name), diags) {
                Some(e) => out.push(Class { name: c.name.clone(), label: b.rb.render_label(&c.label), when: e }),
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        Some(ClassifyPlan { view, list: l, code: code?, date: date?, classes: out })
    }

    fn run(plan: &ClassifyPlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> StepResult {
        run(rb, st, i, plan)
    }

    fn run_vector(plan: &ClassifyPlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> Option<StepResult> {
        Some(run_vector(rb, st, i, plan))
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

fn run(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &ClassifyPlan) -> StepResult {
    let items = find_items(&Walker::new(rb, st, plan.view, item_reads(plan)), rb, plan)?;
    st.items[i] = Some(items);
    let (class_of, n_rows, counts) = classes(&Walker::new(rb, st, plan.view, class_reads(plan)), plan)?;
    st.computed[i] = Some(computed_column(&class_of));
    Ok(result(plan, n_rows, &counts))
}

/// The same on the vector path: codes and dates over the view's rows at once, then each class's
/// condition over the rows no earlier class took; the same folds.
fn run_vector(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &ClassifyPlan) -> StepResult {
    let items = find_items(&Columns::new(rb, st, plan.view, &item_reads(plan))?, rb, plan)?;
    st.items[i] = Some(items);
    let (class_of, n_rows, counts) = classes(&Columns::new(rb, st, plan.view, &class_reads(plan))?, plan)?;
    st.computed[i] = Some(computed_column(&class_of));
    Ok(result(plan, n_rows, &counts))
}

/// What the first fold reads of every row of the view: its code, then its date.
fn item_reads(plan: &ClassifyPlan) -> Reads<'_> {
    Reads { values: vec![&plan.code, &plan.date], ..Reads::default() }
}

/// What the second reads: which class's condition holds first.
fn class_reads(plan: &ClassifyPlan) -> Reads<'_> {
    Reads { first_of: plan.classes.iter().map(|c| &c.when).collect(), ..Reads::default() }
}

/// The list item of every row: the one its code names at its date. Where the driver gives the
/// codes dictionary-coded (the vector path), the list is searched once per distinct code for
/// the items that may name it, then each row takes the first of them valid at its date.
fn find_items<S: RowSource>(rows: &S, rb: &Rulebook, plan: &ClassifyPlan) -> Result<ItemColumn, Failure> {
    let lst = &rb.lists[plan.list];
    let mut items = vec![None; rows.dataset().n_rows()];
    let coded = rows.codes(0);
    let mut candidates: Vec<Option<Vec<usize>>> = vec![None; coded.as_ref().map_or(0, |c| c.1)];
    rows.each(|at| {
        let (code, date) = (rows.value(at, 0)?, rows.value(at, 1)?);
        let (Value::Text(c), Value::Date(d)) = (code, date) else { return Ok(()) };
        let found = match &coded {
            Some((codes, _)) => {
                let named = candidates[codes[at.position()] as usize].get_or_insert_with(|| lst.candidates(&c));
                lst.first_valid(named, d)
            }
            None => lst.find(&c, d),
        };
        items[at.row() as usize] = found.map(|it| (it as u32, d));
        Ok(())
    })?;
    Ok(items)
}

/// The class of every row (the first whose condition holds), how many rows, and how many of
/// them in each class.
fn classes<S: RowSource>(rows: &S, plan: &ClassifyPlan) -> Result<(Vec<Value>, usize, Vec<u64>), Failure> {
    let names = class_names(plan);
    let mut class_of = vec![Value::Null; rows.dataset().n_rows()];
    let mut counts = vec![0u64; plan.classes.len()];
    rows.each(|at| {
        if let Some(k) = rows.first(at)? {
            class_of[at.row() as usize] = names[k].clone();
            counts[k] += 1;
        }
        Ok(())
    })?;
    Ok((class_of, rows.len(), counts))
}

fn class_names(plan: &ClassifyPlan) -> Vec<Value> {
    plan.classes.iter().map(|c| Value::Text(c.name.as_str().into())).collect()
}

/// The step's value (the rows classified or not) and the breakdown by class.
fn result(plan: &ClassifyPlan, n_rows: usize, counts: &[u64]) -> (Value, Vec<Part>) {
    let classified: u64 = counts.iter().sum();
    let mut breakdown: Vec<Part> = plan
        .classes
        .iter()
        .zip(counts)
        .map(|(c, &n)| Part {
            key: c.name.clone(),
            label: Some(c.label.clone().into()),
            count: Some(n),
            value: None,
            detail: None,
            compared: None,
        })
        .collect();
    let unclassified = n_rows as u64 - classified;
    if unclassified > 0 {
        breakdown.push(Part {
            key: "(none)".into(),
            label: Some(msg!("eval-no-class")),
            count: Some(unclassified),
            value: None,
            detail: None,
            compared: None,
        });
    }
    (Value::Number(Decimal::from(n_rows)), breakdown)
}
