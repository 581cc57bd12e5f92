//! Reading cases against a rulebook: `Rulebook::cases`, the one entry point, gives the readers
//! of its data files (the validators of their norms, compiled once for the many cases of a run)
//! and every way a case comes in — a case folder, what a folder says before it is read, national
//! files cut or streamed, one case of a national run. Unless `CaseOptions::keep_dates`, a case's
//! data of another year are brought into the rulebook's year.

use std::path::Path;

use crate::case::DataShift;
use crate::case::national::case::CaseSource;
use crate::case::national::{CaseBuffer, National, NationalFile, NationalInput, Stream};
use crate::case::shared::SharedReads;
use crate::case::{Case, CaseOptions, Readers};
use crate::diagnostic::Diagnostic;
use crate::rulebook::Rulebook;
use crate::value::Period;

/// How a rulebook reads cases (see [`Rulebook::cases`]). A clone has validators of its own: a
/// thread that reads cases through its own clone matches patterns with scratch space of its
/// own, instead of waiting for the one the threads share.
#[derive(Clone)]
pub struct CaseReader<'r> {
    rb: &'r Rulebook,
    readers: Readers<'r>,
}

impl Rulebook {
    /// The one way to read cases against this rulebook's inputs and norms: its readers compiled
    /// once, for as many cases as a run reads. A data file's fields are all checked; only those
    /// the rulebook reads are kept (`DatasetDef::kept`).
    pub fn cases(&self) -> CaseReader<'_> {
        let readers = Readers::new(&self.schema, &self.norms, &self.lists.raw, &self.code_checks, Some(self.period));
        CaseReader { rb: self, readers: readers.keeping(|i| self.datasets.iter().find(|d| d.input == i).map(|d| d.kept.raw.clone())) }
    }

    /// [`Rulebook::cases`] keeping every field of every data file: what the tests compare the
    /// readings that keep only what is read with.
    pub fn cases_keeping_every_field(&self) -> CaseReader<'_> {
        CaseReader { rb: self, readers: Readers::new(&self.schema, &self.norms, &self.lists.raw, &self.code_checks, Some(self.period)) }
    }
}

impl CaseReader<'_> {
    /// Reads the case folder `dir`.
    pub fn load(&self, dir: &Path, options: CaseOptions) -> (Option<Case>, Vec<Diagnostic>) {
        let rb = self.rb;
        let (case, diags) = crate::case::load_case(dir, &rb.case_file, &rb.schema, &self.readers, options);
        (self.brought_into_year(case, options), diags)
    }

    /// Reads the case folder `dir` as one of the rulebooks of a run that all read it (the
    /// cross-year matrix): a data file that a rulebook before this one read the same way
    /// (`shared`: the same norm, the same codes in its lists, the same period) is not read
    /// again, its dataset is shared; a file this rulebook reads otherwise is read with its own.
    pub fn load_sharing(&self, dir: &Path, options: CaseOptions, shared: &mut SharedReads) -> (Option<Case>, Vec<Diagnostic>) {
        let rb = self.rb;
        let (case, diags) = crate::case::load_case_sharing(dir, &rb.case_file, &rb.schema, &self.readers, options, Some(shared));
        (self.brought_into_year(case, options), diags)
    }

    /// What the case folder `dir` says of its data before they are read: the period its data
    /// are about, and a warning (D233) for each CSV file of the folder that no input reads.
    /// `None` when `dir` has no case file of this rulebook.
    pub fn outline(&self, dir: &Path) -> Option<(Option<Period>, Vec<Diagnostic>)> {
        crate::case::folder_outline(dir, &self.rb.case_file, &self.rb.schema, &self.readers)
    }

    /// Cuts national files (every case's rows of a data input in one file, `column` naming the
    /// case) into each case's part, in memory, on up to `threads` threads.
    pub fn partition(&self, column: &str, inputs: &[NationalInput], threads: usize) -> (Option<National>, Vec<Diagnostic>) {
        crate::case::national::partition(&self.rb.schema, &self.readers, column, inputs, threads)
    }

    /// Opens national files whose rows come case by case, sorted by `column`, to read one case
    /// at a time.
    pub fn stream(&self, column: &str, inputs: &[NationalInput]) -> (Option<Stream>, Vec<Diagnostic>) {
        Stream::open(&self.rb.schema, &self.readers, column, inputs)
    }

    /// Reads one case of a national run: its parts of the national `files`, its values from its
    /// folder's case file if it has one.
    pub fn national_case(
        &self,
        files: &[NationalFile],
        parts: &[CaseBuffer],
        source: &CaseSource<'_>,
        options: CaseOptions,
    ) -> (Option<Case>, Vec<Diagnostic>) {
        let rb = self.rb;
        let (case, diags) = crate::case::national::case::load(&rb.schema, &rb.case_file, &self.readers, files, parts, source, options);
        (self.brought_into_year(case, options), diags)
    }

    /// `case` with its dates moved into the rulebook's year, when its data belong to another
    /// and `options` does not keep them.
    fn brought_into_year(&self, case: Option<Case>, options: CaseOptions) -> Option<Case> {
        let case = case?;
        let rb = self.rb;
        if options.keep_dates {
            return Some(case);
        }
        let Some(from) = case.data_year(&rb.schema, &rb.norms) else { return Some(case) };
        if from == rb.year {
            return Some(case);
        }
        // The case is this reading's own: its columns are moved in place, not copied.
        let mut moved = case;
        moved.shift_dates(rb.year - from, &rb.schema);
        moved.shift = Some(DataShift { from, to: rb.year });
        Some(moved)
    }
}
