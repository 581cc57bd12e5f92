//! A rejected row as a rejects file writes it: in the columns of the header, each field as in
//! the file but identifiers masked (unless the caller shows them), quoted where CSV needs it. A
//! row of another width cannot be put in the header's columns without shifting them: its text
//! is written whole in the first column (its identifier-shaped fields masked, and every run of
//! digits that could be an identifier, spaced or not), the others empty. A value of a column
//! that is not an identifier keeps its text, but a NIR written there in any form is masked.

use crate::data::field::{FieldValue, Finding, check_value, identifier_lookalike};
use crate::data::mask::{MASK, STRAY_MIN_DIGITS, has_run, mask_runs_into, unmapped_min_digits};
use crate::validate::run::Run;
use crate::validate::split::Splitter;

impl Run<'_, '_> {
    /// Writes row `raw` (its bytes in the file, without its line break) into `out` as the
    /// rejects file holds it.
    pub(crate) fn rejects_record(&self, raw: &[u8], out: &mut Vec<u8>) {
        out.clear();
        let sep = self.sep;
        let mut s = Splitter::sized(raw, sep, Some(raw.len() as u64));
        let read = s.next_record().unwrap_or(false);
        let show = self.options.show_identifiers;
        if read && s.width() == self.width {
            for j in 0..s.width() {
                if j > 0 {
                    out.push(sep);
                }
                let field = s.field(j);
                // In its column, a field is known: an identifier field is masked, and a value of
                // another field that is a valid identifier (shifted there), as reports do.
                let masked = !show
                    && (self.column_fields.get(j).copied().flatten().is_some_and(|f| self.plan.fields[f].identifier)
                        || identifier_lookalike(&String::from_utf8_lossy(field), self.plan.norm).is_some()
                        || has_run(field, STRAY_MIN_DIGITS));
                if masked && !field.iter().all(|b| b.is_ascii_whitespace()) {
                    out.extend_from_slice(MASK);
                } else {
                    quote_into(field, sep, out);
                }
            }
            return;
        }
        // Another width: the row's text in the first column, then empty columns.
        let mut text = Vec::new();
        if show {
            text.extend_from_slice(raw);
        } else if !read {
            mask_runs_into(raw, unmapped_min_digits(self.plan.norm), sep, MASK, &mut text);
        } else {
            let mut quoted = Vec::new();
            let min = unmapped_min_digits(self.plan.norm);
            for j in 0..s.width() {
                if j > 0 {
                    text.push(sep);
                }
                let field = s.field(j);
                if self.shaped_like_identifier(field) {
                    text.extend_from_slice(MASK);
                } else {
                    quoted.clear();
                    quote_into(field, sep, &mut quoted);
                    mask_runs_into(&quoted, min, sep, MASK, &mut text);
                }
            }
        }
        quote_into(&text, sep, out);
        for _ in 1..self.width.max(1) {
            out.push(sep);
        }
    }

    /// Whether a field could be the value of one of the norm's identifier fields (its type,
    /// length and pattern fit, whatever its check key), or is a valid one of another field.
    fn shaped_like_identifier(&self, field: &[u8]) -> bool {
        let text = String::from_utf8_lossy(field);
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        if identifier_lookalike(text, self.plan.norm).is_some() {
            return true;
        }
        let mut findings: Vec<Finding> = Vec::new();
        let mut decoded = String::new();
        self.plan.fields.iter().filter(|f| f.identifier).any(|plan| {
            findings.clear();
            let cell = check_value(plan, &self.plan.formats, (text.as_bytes(), true, self.plan.norm.encoding), &mut decoded, &mut findings);
            // A wrong check key is still someone's number.
            cell != FieldValue::Bad && findings.iter().all(|f| f.code == crate::diagnostic::Code::ValueChecksum)
        })
    }
}

/// A field as CSV writes it: quoted when it holds the separator, a quote or a line break.
pub(super) fn quote_into(field: &[u8], sep: u8, out: &mut Vec<u8>) {
    if field.iter().any(|&b| b == sep || b == b'"' || b == b'\n' || b == b'\r') {
        out.push(b'"');
        for &b in field {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(field);
    }
}
