//! Steps: the named outputs of a rulebook's pipeline, each defined by one mechanism — filter a
//! dataset, look a table up (per row or once), aggregate (in total or per group), derive a value
//! for every row, classify rows by a list, a Rhai formula, a set of checks, or the score of an
//! indicator set.
//!
//! This module reads steps as written; `rulebook` binds their names and orders them.

use std::ops::Range;

use serde::Serialize;

use crate::diagnostic::{Code, Location};
use crate::expr;
use crate::ids::FileId;
use crate::mechanism::Mechanism;
use crate::message::Message;
use crate::rules::provenance::{parse_choice, read_choice};
use crate::rules::strict::{Ctx, Item, Obj, key_of, read_str};
use crate::value::{Rounding, RoundingMode, Unit};

pub use crate::rules::expr_source::ExprSource;
pub(crate) use crate::rules::expr_source::text_offset;

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

/// A name written in a rule file, with its span.
#[derive(Debug, Clone, Serialize)]
pub struct Spanned {
    pub(crate) text: String,
    #[serde(skip)]
    pub(crate) span: Range<usize>,
}

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
    let mechanism = Mechanism::read(&obj, &what, file);
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

impl StepDef {
    /// Every file this step points into (its own and its expressions') mapped through `f`: a
    /// step taken into another rulebook's items keeps pointing at its own file.
    pub(crate) fn map_files(&mut self, f: impl Fn(FileId) -> FileId) {
        self.file = f(self.file);
        if let Some(e) = &mut self.explanation {
            e.map_files(&f);
        }
        let sources = self.mechanism.exprs_mut();
        for s in sources {
            s.file = f(s.file);
        }
    }

    /// The mechanism as people read it: what is filtered, looked up, summed or computed.
    pub fn describe(&self) -> Message {
        self.mechanism.describe()
    }
}

/// A name as written, with its span.
pub(crate) fn spanned(s: Option<toml::Spanned<String>>) -> Option<Spanned> {
    s.map(|s| Spanned { span: s.span(), text: s.into_inner() })
}

/// Reads the expression `item` (`what` names it in messages).
pub(crate) fn read_expr(ctx: &Ctx<'_>, item: &Item<'_>, what: &Message, file: FileId) -> Option<ExprSource> {
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
