//! Checking one row: quoting, every field through its compiled plan, required-if conditions, code
//! lists at the row's date, the row's date inside the file's period, and its hash for duplicates.

use std::io::{self, Read};

use chrono::NaiveDate;

use crate::data::field::{FieldValue, check_value, text_of, trim_bytes};
use crate::data::norm::Encoding;
use crate::data::row::Field;
use crate::diagnostic::{Code, Severity, did_you_mean};
use crate::expr;
use crate::message::Message;
use crate::validate::Problem;
use crate::validate::run::*;
use crate::validate::split::{QuoteIssue, Splitter};
use crate::validate::validator::{CodeRef, Condition, ListRef, Other, RulePlan};
use crate::value::Value;

impl<'p, 'a> Run<'p, 'a> {
    /// Checks the current record; counts it valid or rejected.
    pub(crate) fn check_row<R: Read>(&mut self, s: &Splitter<R>) -> io::Result<()> {
        self.report.rows += 1;
        self.row_problems.clear();
        let row = s.line;
        let raw = s.raw();
        let mut hash = None;
        let mut key = None;
        if raw.iter().all(|&b| b == b' ' || b == b'\t') {
            self.row_problems.push(Problem::new(Code::BlankLine, Some(row), msg!("data-row-blank")));
        } else {
            self.check_quoting(s, false)?;
            if s.width() != self.width {
                self.row_problems.push(
                    Problem::new(Code::RowWidth, Some(row), msg!("data-row-width", count = s.width(), header = self.width))
                        .hint(msg!("data-row-width-hint")),
                );
            } else {
                self.check_fields(s);
                self.check_row_rules(s);
                // A row already rejected is not checked across fields and files (its warnings would
                // only add to its errors), nor gives keys to others.
                let clean = !self.row_problems.iter().any(Problem::is_error);
                if clean && (!self.plan.row_checks.is_empty() || !self.refs.is_empty()) {
                    self.check_across(s);
                }
                if clean && !self.collectors.is_empty() {
                    self.collect_keys(s);
                }
                hash = Some(self.row_hash(s));
                key = self.key_hash(s);
            }
        }
        // A row's bytes are kept only if it can still be rejected: it has an error, or a duplicate
        // of it (of its key) would be one.
        let may_reject_now = self.row_problems.iter().any(Problem::is_error);
        let may_reject = may_reject_now || key.is_some() || (hash.is_some() && self.plan.norm.duplicate_rows == Severity::Error);
        if self.typed {
            if hash.is_some() && !may_reject_now {
                self.stage_row(s);
            } else {
                self.pending.staged.skip();
            }
        }
        let p = &mut self.pending;
        let kept = may_reject.then(|| {
            let start = p.bytes.len();
            p.bytes.extend_from_slice(raw);
            p.bytes.extend_from_slice(s.terminator());
            (start, start + raw.len(), p.bytes.len())
        });
        p.rows.push(PendingRow { line: row, kept, n_problems: self.row_problems.len(), hash, key });
        match &mut self.deferred {
            Some(deferred) => deferred.count(&self.row_problems),
            None => self.in_block.count(&self.row_problems),
        }
        p.problems.append(&mut self.row_problems);
        if p.rows.len() == BLOCK {
            self.end_block()?;
        }
        Ok(())
    }

    /// Stages the typed values of the current record, one per field of the norm.
    pub(crate) fn stage_row<R: Read>(&mut self, s: &Splitter<R>) {
        // A record that is text as it is (nearly every record) is made text once, not field by
        // field: its fields lie between ASCII separators, so each is a slice of it. A field the
        // sink does not keep is staged null, its text never copied.
        let encoding = self.plan.norm.encoding;
        let (record, offset) = s.record_bytes();
        let text = (encoding == Encoding::Utf8 || record.is_ascii()).then(|| std::str::from_utf8(record).ok()).flatten();
        let fields = self.cells.iter().zip(&self.columns).zip(&self.keeps).map(|((cell, col), &keep)| match (col, keep) {
            (Some(c), true) => {
                let (start, end) = s.field_span(*c);
                let field = match text.and_then(|t| t.get(start - offset..end - offset)) {
                    Some(t) => Field::Text(t),
                    None => Field::Bytes(s.field(*c)),
                };
                (*cell, Some(field))
            }
            _ => (FieldValue::Absent, None),
        });
        self.pending.staged.push(fields, encoding);
    }

    /// Quoting problems of the current record (of the header when `header`).
    pub(crate) fn check_quoting<R: Read>(&mut self, s: &Splitter<R>, header: bool) -> io::Result<()> {
        for &(col, issue) in &s.issues {
            let (code, message) = match issue {
                QuoteIssue::QuoteInUnquoted => (Code::Quoting, msg!("data-quote-inside")),
                QuoteIssue::TextAfterClosing => (Code::Quoting, msg!("data-quote-text-after")),
                QuoteIssue::Unclosed => (Code::Quoting, msg!("data-quote-unclosed")),
                QuoteIssue::LineBreak => (Code::MultilineField, msg!("data-quote-line-break")),
            };
            let mut p = Problem::new(code, Some(s.line), message);
            match (header, self.column_fields.get(col).copied().flatten()) {
                (false, Some(f)) => {
                    p = p.field(&self.plan.norm.fields[f].name).value(self.shown(f, s.field(col)));
                }
                _ => p.message = msg!("data-in-column", column = col + 1, message = p.message),
            }
            if header {
                self.emit(p)?;
            } else {
                self.row_problems.push(p);
            }
        }
        Ok(())
    }

    /// The checks of each field on its own (skipped when the field repeats the last good value).
    pub(crate) fn check_fields<R: Read>(&mut self, s: &Splitter<R>) {
        // A record of ASCII text (nearly every record) is text in either encoding, and so is a
        // valid UTF-8 record of a UTF-8 norm: its fields are read as they are. Any other record is
        // decoded field by field.
        let (record, offset) = s.record_bytes();
        let as_is = record.is_ascii() || (self.plan.norm.encoding == Encoding::Utf8 && std::str::from_utf8(record).is_ok());
        let plan = self.plan;
        self.findings.clear();
        self.failed.clear();
        let fields = self.columns.iter().zip(self.caches.iter_mut()).zip(self.cells.iter_mut()).zip(&plan.fields).enumerate();
        for (f, (((col, cache), cell), field)) in fields {
            let Some(col) = *col else {
                *cell = FieldValue::Absent;
                continue;
            };
            let (start, end) = s.field_span(col);
            let bytes = &record[start - offset..end - offset];
            if let Some(known) = cache.get(bytes) {
                *cell = known;
                continue;
            }
            let first = self.findings.len();
            *cell = check_value(field, &plan.formats, (bytes, as_is, plan.norm.encoding), &mut self.decoded, &mut self.findings);
            if self.findings.len() == first {
                cache.put(bytes, *cell);
            } else {
                self.failed.push((f, first));
            }
        }
        // The rare values with findings become problems, the value shown (or masked) once each.
        for k in 0..self.failed.len() {
            let (f, first) = self.failed[k];
            let last = self.failed.get(k + 1).map_or(self.findings.len(), |&(_, next)| next);
            let col = self.columns[f].expect("a checked field has a column");
            // A problem only counted needs no words (see `Run::detailed`): its value is not shown
            // (masked, or looked at for an identifier's shape).
            let detailed = self.findings[first..last].iter().any(|finding| self.detailed(finding.code));
            let shown = if detailed { self.shown(f, s.field(col)) } else { Message::text(String::new()) };
            let name = &plan.fields[f].name;
            for finding in &self.findings[first..last] {
                let p = if self.detailed(finding.code) {
                    let mut p = Problem::new(finding.code, Some(s.line), finding.message.clone()).field(name).value(shown.clone());
                    p.hint = finding.hint.clone();
                    p
                } else {
                    Problem::counted(finding.code, Some(s.line))
                };
                self.row_problems.push(p);
            }
        }
    }

    /// The checks that read several fields: the row's date inside the period, code lists at
    /// that date, conditional requirements.
    pub(crate) fn check_row_rules<R: Read>(&mut self, s: &Splitter<R>) {
        let plan = self.plan;
        let row_date = plan.row_date.and_then(|d| match self.cells[d] {
            FieldValue::Date(date) => Some(Ok(date)),
            FieldValue::Absent => None,
            _ => Some(Err(())),
        });
        if let (Some(d), Some(Ok(date)), Some(period)) = (plan.row_date, row_date, self.report.period)
            && !period.contains(date)
        {
            let f = &plan.formats.date;
            let col = self.columns[d].expect("a date was read");
            let p = if self.detailed(Code::OutsideFilePeriod) {
                Problem::new(
                    Code::OutsideFilePeriod,
                    Some(s.line),
                    msg!("data-row-outside-period", start = f.format(period.start), end = f.format(period.end)),
                )
                .field(&plan.fields[d].name)
                .value(self.shown(d, s.field(col)))
            } else {
                Problem::counted(Code::OutsideFilePeriod, Some(s.line))
            };
            self.row_problems.push(p);
        }
        for &f in &plan.rule_fields {
            if let Some(list) = &plan.lists[f]
                && self.cells[f] == FieldValue::Text
            {
                // A bad row date leaves the list unchecked: the row is rejected for its date.
                let at = match row_date {
                    Some(Ok(date)) => Some(Some(date)),
                    Some(Err(())) => None,
                    None => Some(self.report.period.map(|p| p.end)),
                };
                if let Some(at) = at {
                    self.check_list(f, list, at, s);
                }
            }
            if let Some(cond) = &plan.conditions[f]
                && self.cells[f] == FieldValue::Empty
                && self.condition_holds(f, cond, s)
            {
                let p = if self.detailed(Code::ValueRequiredIf) {
                    Problem::new(Code::ValueRequiredIf, Some(s.line), msg!("data-value-required-if", condition = &cond.text))
                        .field(&plan.fields[f].name)
                        .value(String::new())
                } else {
                    Problem::counted(Code::ValueRequiredIf, Some(s.line))
                };
                self.row_problems.push(p);
            }
        }
        for rule in &plan.rules {
            self.check_rule(rule, s);
        }
    }

    /// A rule of the norm on the current row (V436): checked when both sides have a value (a
    /// value of the wrong type is already an error of its own, an empty optional field breaks no
    /// rule), and, for a rule that reads the period, when the period is known.
    pub(crate) fn check_rule<R: Read>(&mut self, rule: &RulePlan, s: &Splitter<R>) {
        let left = self.cell_value(rule.field, s);
        if left == Value::Null {
            return;
        }
        let right = match &rule.other {
            Other::Field(g) => {
                let (Some(_), value) = (self.columns[*g], self.cell_value(*g, s)) else { return };
                value
            }
            Other::Value(v) => v.clone(),
            Other::Period(edge) => {
                let Some(period) = self.report.period.or(self.run_period) else { return };
                Value::Date(edge_day(period, *edge))
            }
        };
        let ordering = match (&left, &right) {
            (Value::Number(a), Value::Number(b)) => a.cmp(b),
            (Value::Date(a), Value::Date(b)) => a.cmp(b),
            (Value::Text(a), Value::Text(b)) => a.cmp(b),
            (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
            _ => return,
        };
        if rule.op.holds(ordering) {
            return;
        }
        let name = &self.plan.fields[rule.field].name;
        let col = self.columns[rule.field].expect("a value was read");
        let p = if self.detailed(Code::RuleBroken) {
            // Worded only when the rule is broken: every row of a file checks its rules, and
            // showing the other side first (a value masked, a date written) was 3 % of the CPU
            // samples of a Malakoff-like case (`perf record`, 6 December 2026).
            let (other_name, shown_right) = self.rule_other_shown(rule, &right, s);
            let other = if other_name.is_empty() {
                shown_right
            } else {
                Message::join([Message::text(format!("{other_name} (")), shown_right, Message::text(")")], "")
            };
            Problem::new(
                Code::RuleBroken,
                Some(s.line),
                msg!("data-rule-broken", label = &rule.label, field = name.as_str(), op = rule.op.as_str(), other = other),
            )
            .field(name)
            .value(self.shown(rule.field, s.field(col)))
            .hint(msg!("data-rule-broken-hint"))
        } else {
            Problem::counted(Code::RuleBroken, Some(s.line)).field(name)
        };
        self.row_problems.push(p);
    }

    /// The other side of a broken rule, as its message shows it: the other field's name and
    /// value (masked for an identifier), a constant, or the period's edge and its date.
    fn rule_other_shown<R: Read>(&self, rule: &RulePlan, right: &Value, s: &Splitter<R>) -> (&str, Message) {
        let fmt = &self.plan.formats.date;
        match &rule.other {
            Other::Field(g) => {
                let col = self.columns[*g].expect("the other side was read");
                (self.plan.fields[*g].name.as_str(), self.shown(*g, s.field(col)))
            }
            Other::Value(v) => ("", constant_text(v, fmt).into()),
            Other::Period(edge) => {
                let name = match edge {
                    crate::data::norm::PeriodEdge::Start => msg!("data-rule-period-start"),
                    crate::data::norm::PeriodEdge::End => msg!("data-rule-period-end"),
                };
                let Value::Date(day) = right else { return ("", name) };
                ("", Message::join([name, Message::text(format!("({})", fmt.format(*day)))], " "))
            }
        }
    }

    /// Whether the code of field `f` is in its catalogue, then in its list, on date `at` (at any
    /// date without one).
    pub(crate) fn check_list<R: Read>(&mut self, f: usize, codes: &CodeRef<'_>, at: Option<NaiveDate>, s: &Splitter<R>) {
        let col = self.columns[f].expect("a value was read");
        let bytes = trim_bytes(s.field(col));
        let encoding = self.plan.norm.encoding;
        let contains = |list: &ListRef<'_>| {
            if bytes.is_ascii() { list.contains(bytes, at) } else { list.contains(text_of(bytes, encoding).as_bytes(), at) }
        };
        let problem = match (&codes.catalogue, &codes.list) {
            (Some(catalogue), _) if !contains(catalogue) => Some(self.not_in_list(f, catalogue, true, bytes, at, s.line, true)),
            (Some(_), Some(list)) if !contains(list) && !self.detailed(Code::ValueOutsideList) => {
                // Counted only: the report keeps enough examples of it already.
                self.row_problems.push(Problem::counted(Code::ValueOutsideList, Some(s.line)));
                return;
            }
            (catalogue, Some(list)) if !contains(list) => {
                // A code that exists, outside the rulebook's list, is a warning: the rulebook says
                // what it comes to (no hint: the code is right).
                let known = catalogue.is_some();
                let mut p = self.not_in_list(f, list, false, bytes, at, s.line, !known);
                if known {
                    p.code = Code::ValueOutsideList;
                    p.severity = crate::validate::severity(p.code);
                    if let Some(meaning) = &codes.unlisted {
                        p.message = msg!("data-value-unlisted", message = p.message, meaning = meaning);
                    }
                }
                Some(p)
            }
            _ => None,
        };
        if let Some(p) = problem {
            let p = p.value(self.shown(f, s.field(col)));
            self.row_problems.push(p);
        }
    }

    /// The problem of a code outside `list`, with a hint (the code at other dates, a code close
    /// to it) when `hint`.
    #[allow(clippy::too_many_arguments, reason = "the parts of one finding, read once")] // not prose
    pub(crate) fn not_in_list(
        &self,
        f: usize,
        list: &ListRef<'_>,
        catalogue: bool,
        bytes: &[u8],
        at: Option<NaiveDate>,
        row: u64,
        hint: bool,
    ) -> Problem {
        let code = text_of(bytes, self.plan.norm.encoding);
        let name = &list.list.name;
        let field = &self.plan.fields[f].name;
        let fmt = &self.plan.formats.date;
        let message = match (at, catalogue) {
            (Some(date), true) => msg!("data-code-not-in-catalogue-on", list = name, date = fmt.format(date)),
            (Some(date), false) => msg!("data-code-not-in-list-on", list = name, date = fmt.format(date)),
            (None, true) => msg!("data-code-not-in-catalogue", list = name),
            (None, false) => msg!("data-code-not-in-list", list = name),
        };
        let mut p = Problem::new(Code::ValueNotInList, Some(row), message).field(field);
        if !hint {
            return p;
        }
        if let Some(date) = at
            && list.knows(&code)
        {
            p = p.hint(match catalogue {
                true => msg!("data-code-catalogue-other-dates", date = fmt.format(date)),
                false => msg!("data-code-list-other-dates", date = fmt.format(date)),
            });
        } else if let Some(close) = did_you_mean(&code, list.codes.iter().copied()) {
            p = p.hint(msg!("data-did-you-mean", name = close));
        }
        p
    }

    /// Whether field `f`'s condition holds on the current row (memoised on the bytes it reads).
    pub(crate) fn condition_holds<R: Read>(&mut self, f: usize, cond: &Condition, s: &Splitter<R>) -> bool {
        self.memo_key.clear();
        for &r in &cond.refs {
            match self.columns[r] {
                Some(col) => self.memo_key.extend_from_slice(s.field(col)),
                None => self.memo_key.push(0xFF),
            }
            self.memo_key.push(0x1F);
        }
        if let Some(&holds) = self.memo[f].get(&self.memo_key) {
            return holds;
        }
        let mut values = vec![Value::Null; self.plan.fields.len()];
        for &r in &cond.refs {
            values[r] = match (self.cells[r], self.columns[r]) {
                (FieldValue::Text, Some(col)) => Value::Text(text_of(s.field(col), self.plan.norm.encoding).trim().into()),
                (FieldValue::Number(n), _) => Value::Number(n),
                (FieldValue::Date(d), _) => Value::Date(d),
                (FieldValue::Bool(b), _) => Value::Bool(b),
                _ => Value::Null,
            };
        }
        // An arithmetic failure in a condition (a division by zero) does not make a field required.
        let holds = expr::eval_bool(&cond.expr, &RowValues(values)).unwrap_or(false);
        if self.memo[f].len() >= MEMO_MAX {
            self.memo[f].clear();
        }
        self.memo[f].insert(&self.memo_key, holds);
        holds
    }

    /// The hash of the row's content: quoting that changes nothing does not make rows differ.
    pub(crate) fn row_hash<R: Read>(&mut self, s: &Splitter<R>) -> u64 {
        if s.quoted() {
            canonical(s, &mut self.canonical);
            crate::hashing::hash64(&self.canonical)
        } else {
            crate::hashing::hash64(s.raw())
        }
    }
}

/// A rule's constant as the file would write it.
fn constant_text(v: &Value, fmt: &crate::data::field::DateFormat) -> String {
    match v {
        Value::Number(n) => n.normalize().to_string(),
        Value::Date(d) => fmt.format(*d),
        Value::Text(t) => t.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
    }
}

/// The first or the last day of `period`.
fn edge_day(period: crate::value::Period, edge: crate::data::norm::PeriodEdge) -> NaiveDate {
    match edge {
        crate::data::norm::PeriodEdge::Start => period.start,
        crate::data::norm::PeriodEdge::End => period.end,
    }
}
