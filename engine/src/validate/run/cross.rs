//! Checks across the fields of a row (the norm's `[[check]]`) and across files (its
//! `[[link]]`s to the keys of files read before in the run), and the keys this file gives to
//! the files that refer to it. All are warnings: the row is kept, the report says what it
//! contradicts in the norm's own words.

use std::io::Read;

use crate::data::field::{FieldValue, text_of, trim_bytes};
use crate::diagnostic::Code;
use crate::expr;
use crate::message::Message;
use crate::validate::Problem;
use crate::validate::links::{KeyIndex, Links, Span};
use crate::validate::run::{Collector, RefCheck, RowValues, Run};
use crate::validate::short_map::same;
use crate::validate::split::Splitter;
use crate::validate::validator::{Condition, RefPlan};
use crate::value::Value;

/// Separates the fields of a key made of several.
const UNIT_SEPARATOR: u8 = 0x1F;

impl<'p, 'a> Run<'p, 'a> {
    /// Prepares the references to the files `links` holds, and the keys to collect for others.
    pub(crate) fn link(&mut self, links: &'p Links) {
        let plan = self.plan;
        self.run_period = links.period;
        for r in &plan.references {
            if let Some(index) = links.index(&r.spec) {
                self.refs.push(RefCheck { plan: r, index, last: None });
            }
        }
        for spec in links.wanted.iter().filter(|s| s.norm == plan.norm.name) {
            let fields: Vec<usize> = spec.keys.iter().filter_map(|k| plan.norm.field_index(k)).collect();
            let date = |d: &Option<String>| d.as_deref().and_then(|n| plan.norm.field_index(n));
            let (from, to) = (date(&spec.from), date(&spec.to));
            self.collectors.push(Collector { index: KeyIndex::new(spec.clone()), fields, from, to });
        }
    }

    /// The report, and the keys collected for the files that refer to this one — none when the
    /// file itself is broken (an empty file, a missing column): its keys would say nothing, and
    /// the rows of the others would all seem to refer to nothing.
    pub(crate) fn finish_linked(self) -> (crate::validate::FileReport, Vec<KeyIndex>) {
        let whole = self.report.errors == self.row_errors;
        let indexes = if whole { self.collectors.into_iter().map(|c| c.index).collect() } else { Vec::new() };
        (self.report, indexes)
    }

    /// The checks across fields and files of the current row, a row of the header's width.
    pub(crate) fn check_across<R: Read>(&mut self, s: &Splitter<R>) {
        let plan = self.plan;
        for (label, cond) in &plan.row_checks {
            if self.all_read(&cond.refs) && !self.check_holds(cond, s) {
                let first = &plan.fields[cond.refs[0]].name;
                let p = if self.detailed(Code::FieldMismatch) {
                    let names: Vec<&str> = cond.refs.iter().map(|&f| plan.fields[f].name.as_str()).collect();
                    Problem::new(Code::FieldMismatch, Some(s.line), label.clone())
                        .field(first)
                        .hint(msg!("data-check-fails-hint", fields = and_list(&names)))
                } else {
                    Problem::counted(Code::FieldMismatch, Some(s.line))
                };
                self.row_problems.push(p);
            }
        }
        for k in 0..self.refs.len() {
            let reference: &'p RefPlan = self.refs[k].plan;
            let (fields, at) = (&reference.fields, reference.at);
            let date = match at.map(|a| self.cells[a]) {
                None => None,
                Some(FieldValue::Date(d)) => Some(d),
                // A row without its date is not checked against the dates of the other file.
                Some(_) => continue,
            };
            if !self.all_read(fields) || !self.key_of(fields, s) {
                continue;
            }
            let r = &mut self.refs[k];
            let spans: Option<&[Span]> = match &mut r.last {
                Some((key, spans)) if same(key, &self.key) => *spans,
                last => {
                    let found = r.index.map.get(self.key.as_slice()).map(Vec::as_slice);
                    match last {
                        Some((key, spans)) => {
                            key.clear();
                            key.extend_from_slice(&self.key);
                            *spans = found;
                        }
                        None => *last = Some((self.key.clone(), found)),
                    }
                    found
                }
            };
            if spans.is_some_and(|spans| KeyIndex::holds(spans, date)) {
                continue;
            }
            let p = if self.detailed(Code::UnknownReference) {
                let r = reference;
                let names: Vec<&str> = fields.iter().map(|&f| plan.fields[f].name.as_str()).collect();

                let col = self.columns[fields[0]].expect("a key field was read");
                Problem::new(
                    Code::UnknownReference,
                    Some(s.line),
                    match date {
                        Some(d) => msg!("data-reference-unknown-on", label = &r.label, norm = &r.spec.norm, fields = and_list(&names))
                            .with("date", plan.formats.date.format(d)),
                        None => msg!("data-reference-unknown", label = &r.label, norm = &r.spec.norm, fields = and_list(&names)),
                    },
                )
                .field(names[0])
                .value(self.shown(fields[0], s.field(col)))
                .hint(msg!("data-reference-unknown-hint", norm = &r.spec.norm))
            } else {
                Problem::counted(Code::UnknownReference, Some(s.line))
            };
            self.row_problems.push(p);
        }
    }

    /// Adds the current row's keys to the indexes the files that refer to this one read.
    pub(crate) fn collect_keys<R: Read>(&mut self, s: &Splitter<R>) {
        for k in 0..self.collectors.len() {
            let c = &self.collectors[k];
            if !self.all_read(&c.fields) {
                continue;
            }
            let date = |f: Option<usize>| match f.map(|f| self.cells[f]) {
                Some(FieldValue::Date(d)) => Some(d),
                _ => None,
            };
            let span = (date(c.from), date(c.to));
            let dated = c.from.is_some() || c.to.is_some();
            let fields = c.fields.clone();
            if !self.key_of(&fields, s) {
                continue;
            }
            let entry = self.collectors[k].index.map.entry(self.key.as_slice().into()).or_default();
            if dated {
                entry.push(span);
            }
        }
    }

    /// Whether every field of `fields` has a column and a value of its type.
    fn all_read(&self, fields: &[usize]) -> bool {
        fields
            .iter()
            .all(|&f| matches!(self.cells[f], FieldValue::Text | FieldValue::Number(_) | FieldValue::Date(_) | FieldValue::Bool(_)))
    }

    /// The key the fields make on the current row, as UTF-8 text, into `self.key`.
    fn key_of<R: Read>(&mut self, fields: &[usize], s: &Splitter<R>) -> bool {
        self.key.clear();
        for (i, &f) in fields.iter().enumerate() {
            let Some(col) = self.columns[f] else { return false };
            if i > 0 {
                self.key.push(UNIT_SEPARATOR);
            }
            let bytes = trim_bytes(s.field(col));
            if bytes.is_ascii() {
                self.key.extend_from_slice(bytes);
            } else {
                self.key.extend_from_slice(text_of(bytes, self.plan.norm.encoding).as_bytes());
            }
        }
        true
    }

    /// Whether a check holds on the current row (true when it cannot be evaluated: a division
    /// by zero in a check says nothing of the row).
    fn check_holds<R: Read>(&mut self, cond: &Condition, s: &Splitter<R>) -> bool {
        // Only the fields a check reads are set; the others stay null from row to row.
        let mut values = std::mem::take(&mut self.check_values);
        values.resize(self.plan.fields.len(), Value::Null);
        for &r in &cond.refs {
            values[r] = self.cell_value(r, s);
        }
        let env = RowValues(values);
        let holds = expr::eval_bool(&cond.expr, &env).unwrap_or(true);
        self.check_values = env.0;
        holds
    }

    /// The value of field `f` on the current row, as expressions read it.
    pub(crate) fn cell_value<R: Read>(&self, f: usize, s: &Splitter<R>) -> Value {
        match (self.cells[f], self.columns[f]) {
            (FieldValue::Text, Some(col)) => Value::text(text_of(s.field(col), self.plan.norm.encoding).trim()),
            (FieldValue::Number(n), _) => Value::Number(n),
            (FieldValue::Date(d), _) => Value::Date(d),
            (FieldValue::Bool(b), _) => Value::Bool(b),
            _ => Value::Null,
        }
    }
}

/// Names joined with "and" (`A and B and C`).
pub(crate) fn and_list(names: &[&str]) -> Message {
    match names {
        [] => Message::text(String::new()),
        [one] => Message::text(*one),
        [rest @ .., last] => msg!("data-and", left = and_list(rest), right = *last),
    }
}
