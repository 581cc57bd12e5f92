//! A rejected row as a rejects file writes it: in the columns of the header, each field as in
//! the file but identifiers masked (unless the caller shows them), quoted where CSV needs it. A
//! row of another width cannot be put in the header's columns without shifting them: its text
//! is written whole in the first column (its identifier-shaped fields masked), the others empty.

use crate::data::field::{FieldValue, Finding, check_value, identifier_lookalike};
use crate::validate::run::Run;
use crate::validate::split::Splitter;

/// What a masked field becomes in a rejects file.
const MASK: &[u8] = b"[masked]";

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
                        || identifier_lookalike(&String::from_utf8_lossy(field), self.plan.norm).is_some());
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
        if show || !read {
            text.extend_from_slice(raw);
        } else {
            for j in 0..s.width() {
                if j > 0 {
                    text.push(sep);
                }
                let field = s.field(j);
                if self.shaped_like_identifier(field) { text.extend_from_slice(MASK) } else { quote_into(field, sep, &mut text) }
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
