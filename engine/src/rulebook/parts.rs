//! A year's rule items as read, before their names are bound: what `rulebook::load` reads and
//! `rulebook::assemble` binds. Comparisons build rulebooks of their own from them (one year's
//! items with some of another year's), and move a year's items by whole years into another.

use crate::case::shift::shift_date;
use crate::data::norm::Norm;
use crate::diagnostic::SourceFile;
use crate::ids::FileId;
use crate::rulebook::Rulebook;
use crate::rulebook::manifest::Manifest;
use crate::rules::calendar::Event;
use crate::rules::indicator::IndicatorSet;
use crate::rules::inputs::CaseSchema;
use crate::rules::list::CodeList;
use crate::rules::parameter::Parameter;
use crate::rules::step::StepDef;
use crate::rules::table::Table;
use crate::value::{Dated, Period, Value};

/// The items of one year's rules, each checked on its own, not yet bound together.
#[derive(Debug, Clone)]
pub(crate) struct Parts {
    pub(crate) manifest: Manifest,
    /// Where the rules were read from, for messages.
    pub(crate) root: String,
    /// Every rule file (TOML and scripts), indexed by `FileId`.
    pub(crate) files: Vec<SourceFile>,
    pub(crate) parameters: Vec<Parameter>,
    pub(crate) tables: Vec<Table>,
    pub(crate) lists: Vec<CodeList>,
    pub(crate) indicator_sets: Vec<IndicatorSet>,
    pub(crate) calendar: Vec<Event>,
    pub(crate) schema: CaseSchema,
    pub(crate) step_defs: Vec<StepDef>,
    /// The files of `files` that are Rhai scripts.
    pub(crate) script_files: Vec<FileId>,
    pub(crate) norms: Vec<Norm>,
    pub(crate) norm_files: Vec<SourceFile>,
}

impl Parts {
    pub(crate) fn empty(manifest: Manifest, root: String) -> Parts {
        Parts {
            manifest,
            root,
            files: Vec::new(),
            parameters: Vec::new(),
            tables: Vec::new(),
            lists: Vec::new(),
            indicator_sets: Vec::new(),
            calendar: Vec::new(),
            schema: CaseSchema::default(),
            step_defs: Vec::new(),
            script_files: Vec::new(),
            norms: Vec::new(),
            norm_files: Vec::new(),
        }
    }

    /// These items moved by `years` whole years: the year, its period and reference date, every
    /// dated value, list item validity, date value and calendar date.
    pub(crate) fn shifted(&self, years: i32) -> Parts {
        let mut p = self.clone();
        if years == 0 {
            return p;
        }
        let d = |date| shift_date(date, years);
        p.manifest.year += years;
        p.manifest.period = Period { start: d(p.manifest.period.start), end: d(p.manifest.period.end) };
        p.manifest.reference_date = d(p.manifest.reference_date);
        // A date that happens once (the end of an experiment) stays where it is, as `new-year`
        // keeps it.
        for param in p.parameters.iter_mut().filter(|param| !param.once) {
            shift_dated(&mut param.values, years);
        }
        for list in &mut p.lists {
            for item in &mut list.items {
                item.from = item.from.map(d);
                item.to = item.to.map(d);
                for values in &mut item.values {
                    shift_dated(values, years);
                }
            }
        }
        for event in p.calendar.iter_mut().filter(|e| !e.once) {
            event.date = d(event.date);
        }
        for input in &mut p.schema.inputs {
            if let Some(Value::Date(date)) = &mut input.default {
                *date = d(*date);
            }
        }
        p
    }
}

/// Dated values moved by `years`, dates held as values too.
fn shift_dated(values: &mut [Dated<Value>], years: i32) {
    for v in values {
        v.from = shift_date(v.from, years);
        if let Value::Date(date) = &mut v.value {
            *date = shift_date(*date, years);
        }
    }
}

impl Rulebook {
    /// The items this rulebook was assembled from.
    pub(crate) fn parts(&self) -> Parts {
        Parts {
            manifest: self.manifest.clone(),
            root: self.root.clone(),
            files: self.files.raw.clone(),
            parameters: self.parameters.raw.clone(),
            tables: self.tables.raw.clone(),
            lists: self.lists.raw.clone(),
            indicator_sets: self.indicator_sets.raw.clone(),
            calendar: self.calendar.clone(),
            schema: self.schema.clone(),
            step_defs: self.steps.iter().map(|s| s.def.clone()).collect(),
            script_files: self.scripts.iter().map(|s| s.file).collect(),
            norms: self.norms.clone(),
            norm_files: self.norm_files.clone(),
        }
    }
}
