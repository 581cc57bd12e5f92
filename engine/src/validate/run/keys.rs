//! The norm's key (`key`): the fields whose values name a row. The key of each row is read from its
//! typed values (a date or a number is the same key however the file writes it), hashed, and a
//! key seen before is an error naming both lines, whether the two rows are identical or not.

use std::io::Read;

use crate::data::field::{FieldValue, trim_bytes};
use crate::diagnostic::Code;
use crate::validate::Problem;
use crate::validate::run::Run;
use crate::validate::run::cross::and_list;
use crate::validate::split::Splitter;

impl Run<'_, '_> {
    /// The hash of the current row's key; none when the norm has no key or a field of it was not
    /// read (empty, absent, or not of its type: the row is rejected for that).
    pub(crate) fn key_hash<R: Read>(&mut self, s: &Splitter<R>) -> Option<u64> {
        if self.plan.key.is_empty() {
            return None;
        }
        let out = &mut self.key_bytes;
        out.clear();
        for &f in &self.plan.key {
            // Each part says its length or has a fixed one, so that no two keys write the same bytes.
            match self.cells[f] {
                FieldValue::Text => {
                    let bytes = trim_bytes(s.field(self.columns[f]?));
                    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
                    out.extend_from_slice(bytes);
                }
                FieldValue::Number(n) => out.extend_from_slice(&n.normalize().serialize()),
                FieldValue::Date(d) => out.extend_from_slice(&chrono::Datelike::num_days_from_ce(&d).to_le_bytes()),
                FieldValue::Bool(b) => out.push(u8::from(b)),
                FieldValue::Absent | FieldValue::Empty | FieldValue::Bad => return None,
            }
        }
        Some(crate::hashing::hash64(out))
    }

    /// The problem of row `line` whose key was first seen on line `first` (`raw`: the row's bytes).
    pub(crate) fn duplicate_key(&self, line: u64, first: u64, identical: bool, raw: &[u8]) -> Problem {
        let plan = self.plan;
        if !self.detailed(Code::DuplicateKey) {
            return Problem::counted(Code::DuplicateKey, Some(line));
        }
        let names: Vec<&str> = plan.key.iter().map(|&f| plan.fields[f].name.as_str()).collect();
        let mut p = Problem::new(Code::DuplicateKey, Some(line), msg!("data-row-duplicate-key", fields = and_list(&names), first = first))
            .field(names[0])
            .hint(match identical {
                true => msg!("data-row-duplicate-key-identical-hint"),
                false => msg!("data-row-duplicate-key-hint"),
            });
        // The first field's value, as reports show it (masked for an identifier), read again from
        // the row; the message names the other fields and the line to compare with.
        let mut s = Splitter::sized(raw, self.sep, Some(raw.len() as u64));
        let f = plan.key[0];
        if s.next_record().unwrap_or(false)
            && s.width() == self.width
            && let Some(col) = self.columns[f]
        {
            p = p.value(self.shown(f, trim_bytes(s.field(col))));
        }
        p
    }
}
