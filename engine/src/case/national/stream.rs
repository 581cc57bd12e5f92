//! National files whose rows come case by case, in ascending order of the case column (as
//! `sort` writes them): read together, one case at a time, so memory follows the largest case.
//! Every file must have the case column (a linked file's cases are only known once the file it
//! links to is read in full). A case's rows found after a later case's stop the run (D232).

use crate::case::Readers;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::rules::inputs::CaseSchema;

use super::cut::{Key, Opened};
use super::{CaseBuffer, NationalFile, NationalInput, open_all};

/// A national run read case by case (see the module's documentation).
pub struct Stream {
    opened: Vec<Opened>,
    /// Per file: whether its current record is read and not yet given to a case.
    pending: Vec<bool>,
    /// Per file: the last case key it gave (its rows must not go back).
    last: Vec<Vec<u8>>,
    /// Per file: whether it is read to its end.
    done: Vec<bool>,
    column: String,
    failed: bool,
}

impl Stream {
    pub(crate) fn open(
        schema: &CaseSchema,
        readers: &Readers<'_>,
        column: &str,
        inputs: &[NationalInput],
    ) -> (Option<Stream>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let Some(opened) = open_all(schema, readers, column, inputs, &mut diags) else { return (None, diags) };
        for o in opened.iter().filter(|o| !o.has_column()) {
            diags.push(
                Diagnostic::error(Code::NationalColumn, msg!("eval-national-sorted-no-column", file = &o.file.shown, column = column))
                    .at(Location::Data { file: o.file.shown.clone(), row: 1, field: None })
                    .hint(msg!("eval-national-sorted-no-column-hint")),
            );
        }
        if diags.iter().any(Diagnostic::is_error) {
            return (None, diags);
        }
        let n = opened.len();
        let stream = Stream {
            opened,
            pending: vec![false; n],
            last: vec![Vec::new(); n],
            done: vec![false; n],
            column: column.to_string(),
            failed: false,
        };
        (Some(stream), diags)
    }

    /// What is known of the files so far (their hashes once read to their end).
    pub fn files(&self) -> Vec<NationalFile> {
        self.opened.iter().map(|o| o.file.clone()).collect()
    }

    /// The next case: its key and its part of each file; an error stops the run.
    #[allow(clippy::should_implement_trait)]
    pub fn next_case(&mut self) -> Option<Result<(String, Vec<CaseBuffer>), Diagnostic>> {
        if self.failed {
            return None;
        }
        let result = self.read_case();
        if matches!(result, Some(Err(_))) {
            self.failed = true;
        }
        result
    }

    fn read_case(&mut self) -> Option<Result<(String, Vec<CaseBuffer>), Diagnostic>> {
        for f in 0..self.opened.len() {
            if let Err(d) = self.fill(f) {
                return Some(Err(d));
            }
        }
        let mut least: Option<Vec<u8>> = None;
        for f in 0..self.opened.len() {
            if self.pending[f] && least.as_deref().is_none_or(|l| self.key(f) < l) {
                least = Some(self.key(f).to_vec());
            }
        }
        let key = least?;
        let mut parts = vec![CaseBuffer::default(); self.opened.len()];
        for (f, part) in parts.iter_mut().enumerate() {
            while self.pending[f] && self.key(f) == key.as_slice() {
                self.opened[f].append(part);
                self.pending[f] = false;
                if let Err(d) = self.fill(f) {
                    return Some(Err(d));
                }
            }
        }
        Some(Ok((String::from_utf8_lossy(&key).into_owned(), parts)))
    }

    fn key(&mut self, f: usize) -> &[u8] {
        match self.opened[f].case_key() {
            Key::Own(k) | Key::Linked(k) => k,
        }
    }

    /// Reads file `f`'s next record with a case, unless one is pending; checks the order.
    fn fill(&mut self, f: usize) -> Result<(), Diagnostic> {
        while !self.pending[f] && !self.done[f] {
            if !self.opened[f].next_record()? {
                self.done[f] = true;
                break;
            }
            let key = self.key(f).to_vec();
            if key.is_empty() {
                self.opened[f].orphan();
                continue;
            }
            if key < self.last[f] {
                let o = &self.opened[f];
                return Err(Diagnostic::error(
                    Code::NationalNotSorted,
                    msg!(
                        "eval-national-not-sorted",
                        file = &o.file.shown,
                        column = &self.column,
                        key = crate::data::mask::shown_raw(&key),
                        previous = crate::data::mask::shown_raw(&self.last[f])
                    ),
                )
                .at(Location::Data { file: o.file.shown.clone(), row: o.line() as usize, field: Some(self.column.clone()) })
                .hint(msg!("eval-national-not-sorted-hint")));
            }
            self.last[f] = key;
            self.pending[f] = true;
        }
        Ok(())
    }

    /// The files read to their end, with their hashes, and the errors for rows of no case.
    pub fn finish(self) -> (Vec<NationalFile>, Vec<Diagnostic>) {
        let diags = self.opened.iter().filter_map(|o| o.orphans_diagnostic(&self.column)).collect();
        (self.opened.into_iter().map(Opened::into_file).collect(), diags)
    }
}
