//! A step's explanation as written: the sentence `peps explain` says of the step, in the
//! rulebook's own words, with the values of the run in place of `{name}`. Either one sentence,
//! `explanation = "plafond {plafond} : …"`, or a table: `values` (named expressions over what the
//! step reads, each with its unit, computed for the sentence only) and `text` (one sentence) or
//! `cases` (sentences each under a `when`, the first that holds is said; the last has no `when`).
//!
//! This module reads the explanation; `rulebook::explanations` checks its names at load.

use std::ops::Range;

use crate::diagnostic::Code;
use crate::expr;
use crate::ids::FileId;
use crate::message::Message;
use crate::rules::expr_source::{ExprSource, text_offset};
use crate::rules::provenance::parse_choice;
use crate::rules::strict::{Ctx, Item, Obj, key_of, read_str};
use crate::value::Unit;

/// What a step says of itself, as written.
#[derive(Debug, Clone)]
pub struct ExplanationDef {
    /// Values computed for the sentence only, in order (a value may read the earlier ones).
    pub(crate) values: Vec<ExplainedValue>,
    /// The sentences, in order: the first whose `when` holds is said.
    pub(crate) cases: Vec<Sentence>,
    /// Where the `explanation` key is, in its file.
    pub(crate) span: Range<usize>,
}

/// A value an explanation computes: `name = { value = "…", unit = "EUR" }`.
#[derive(Debug, Clone)]
pub(crate) struct ExplainedValue {
    pub(crate) name: String,
    pub(crate) name_span: Range<usize>,
    pub(crate) value: ExprSource,
    pub(crate) unit: Unit,
}

/// One sentence of an explanation, said when its condition holds (always without one).
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub(crate) when: Option<ExprSource>,
    pub(crate) text: String,
    /// Byte offset in the file of the first character of the text.
    pub(crate) offset: usize,
    /// The span of the sentence's item (the string, or its table).
    pub(crate) span: Range<usize>,
}

impl ExplanationDef {
    /// Every expression of the explanation, to move it into another rulebook's files.
    pub(crate) fn map_files(&mut self, f: impl Fn(FileId) -> FileId) {
        for v in &mut self.values {
            v.value.file = f(v.value.file);
        }
        for s in self.cases.iter_mut().filter_map(|c| c.when.as_mut()) {
            s.file = f(s.file);
        }
    }

    /// Whether the explanation says something in every case: its last sentence has no `when`.
    pub fn always_says(&self) -> bool {
        self.cases.last().is_some_and(|c| c.when.is_none())
    }
}

/// Reads the `explanation` of a step, when it has one.
pub(crate) fn read_explanation(obj: &Obj<'_, '_>, file: FileId) -> Option<ExplanationDef> {
    let ctx = obj.ctx();
    let item = obj.get("explanation")?;
    let what = key_of("explanation", obj.what());
    if let toml::de::DeValue::String(_) = item.get_ref() {
        let sentence = sentence(ctx, item, &what, None)?;
        return Some(ExplanationDef { values: Vec::new(), cases: vec![sentence], span: item.span() });
    }
    let t = Obj::of(ctx, item, &what)?;
    let mut values = Vec::new();
    if let Some(v) = t.opt_table("values") {
        for (name, item) in v.entries() {
            // The keys of `values` are the names the explanation gives its values.
            v.allow(&[name.get_ref().as_ref()]);
            let what = msg!("rules-what-explanation-value", name = name.get_ref().as_ref());
            let Some(o) = Obj::of(ctx, item, &what) else { continue };
            let value = o.req("value", |c, i, w| read_expr(c, i, w, file));
            let unit = o.opt_str("unit").and_then(|u| parse_choice(&o, &u, "unit", Unit::NAMES, Unit::parse)).unwrap_or(Unit::Number);
            o.finish();
            if let Some(value) = value {
                values.push(ExplainedValue { name: name.get_ref().to_string(), name_span: name.span(), value, unit });
            }
        }
        v.finish();
    }
    let mut cases = Vec::new();
    match (t.get("text"), t.get("cases")) {
        (Some(text), None) => cases.extend(sentence(ctx, text, &what, None)),
        (None, Some(_)) => {
            for item in t.array("cases").unwrap_or_default() {
                let what = msg!("rules-what-explanation-case");
                let Some(c) = Obj::of(ctx, item, &what) else { continue };
                let when = c.opt("when", |cx, i, w| read_expr(cx, i, w, file));
                let text = c.get("text");
                if text.is_none() {
                    c.ctx().error(Code::MissingKey, c.span(), msg!("rules-missing-key", what = &what, key = "text"));
                }
                c.finish();
                cases.extend(text.and_then(|text| sentence(ctx, text, &what, when)));
            }
        }
        _ => ctx.error_hint(
            Code::MissingKey,
            t.span(),
            msg!("rules-explanation-text-or-cases", what = &what),
            msg!("rules-explanation-text-or-cases-hint"),
        ),
    }
    t.finish();
    Some(ExplanationDef { values, cases, span: item.span() })
}

/// A sentence as written, with where its text starts.
fn sentence(ctx: &Ctx<'_>, item: &Item<'_>, what: &Message, when: Option<ExprSource>) -> Option<Sentence> {
    let s = read_str(ctx, item, what)?;
    let offset = text_offset(&ctx.file.text, s.span());
    Some(Sentence { when, text: s.into_inner(), offset, span: item.span() })
}

/// An expression of an explanation, parsed.
fn read_expr(ctx: &Ctx<'_>, item: &Item<'_>, what: &Message, file: FileId) -> Option<ExprSource> {
    let s = read_str(ctx, item, what)?;
    let offset = text_offset(&ctx.file.text, s.span());
    match expr::parse(s.get_ref()) {
        Ok(ast) => Some(ExprSource { text: s.into_inner(), ast, offset, file }),
        Err(e) => {
            let span = offset + e.span.start..offset + e.span.end;
            ctx.error_hint(
                Code::ExplanationExpression,
                span,
                msg!("rules-in", what = what, reason = e.message()),
                msg!("rules-explanation-expression-hint"),
            );
            None
        }
    }
}
