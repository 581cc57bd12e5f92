//! One case folder read by several rulebooks (`impact`'s two sides, the cross-year matrix): each
//! data file read and typed once when the readings would be the same, its dataset then shared.
//!
//! Reading a file gives the same dataset and the same diagnostics whenever what the reading
//! depends on is the same: the file, the input's name and what a rejected row does, the
//! validator (the norm, and for each field the code check and the codes and validity dates of
//! the lists it reads), the period the files are about, the keys the file gives to others, and
//! the keys of the files it refers to. When any of these differs between two rulebooks (another
//! version of the norm, other codes in a list, another period), each reads the file with its own.
//!
//! The keys a file gives (for the references of the files read after it) belong to its reading:
//! they move into the links of each reading that shares it, and back at its end.

use std::path::{Path, PathBuf};

use crate::case::dataset::{DatasetRead, Reader, read_path};
use crate::rules::inputs::RejectedRows;
use crate::rules::list::CodeList;
use crate::validate::Links;
use crate::value::Period;

/// The files of a case folder read so far by the rulebooks of one run, for the next to share.
#[derive(Default)]
pub struct SharedReads {
    reads: Vec<Read>,
    /// The reading under way: the read each key index of its links comes from.
    origins: Vec<usize>,
    /// How many files were read and typed (not shared).
    files_read: usize,
    /// Whether a reading keeps the fields its reader keeps (the readers of `impact`'s two sides
    /// keep what either side reads); else every field (the years of the cross-year matrix read
    /// fields each of its own).
    readers_fields: bool,
}

/// What one reading of a file depends on (see the module's documentation).
#[derive(PartialEq)]
struct Key {
    path: PathBuf,
    name: String,
    rejected: RejectedRows,
    /// The norm as it serialises (`None`: it does not, or the reading is no longer kept, and it
    /// is not shared).
    norm: Option<serde_json::Value>,
    /// Per field of the norm: the codes its check reads.
    codes: Vec<Option<Check>>,
    period: Option<Period>,
    /// The keys of this file other files refer to.
    gives: Vec<Gives>,
    /// Per reference of the norm: the read that gave the keys it is checked against, if any.
    refers: Vec<Option<usize>>,
    /// Per field of the norm, whether its values are kept (`None`: every field).
    kept: Option<Vec<bool>>,
}

/// A field's code check: the codes of its catalogue and of its list, what an unlisted code comes
/// to.
type Check = (Option<Codes>, Option<Codes>, Option<String>);

/// Keys a file gives: the norm, the key's fields, the fields of the dates they are valid between.
type Gives = (String, Vec<String>, Option<String>, Option<String>);

/// What the validator reads of a code list: its name, and its codes (or patterns) with their
/// validity dates, in order.
type Codes = (String, Vec<(String, bool, Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)>);

fn codes(list: Option<&CodeList>) -> Option<Codes> {
    let list = list?;
    Some((list.name.clone(), list.items.iter().map(|i| (i.code.clone(), i.pattern, i.from, i.to)).collect()))
}

/// One file read, what it gave.
struct Read {
    key: Key,
    read: DatasetRead,
    /// The keys it gave (in the indexes of links of their own), while no reading holds them.
    keys: Links,
    /// Shared by the reading under way (a file is read at most once per reading).
    in_use: bool,
}

/// A reading's result, once more: its dataset's columns shared, not copied.
fn copy(r: &DatasetRead) -> DatasetRead {
    DatasetRead { dataset: r.dataset.clone(), diags: r.diags.clone(), left_out: r.left_out.clone() }
}

impl SharedReads {
    /// Readings shared by rulebooks whose readers all keep the fields any of them reads (those of
    /// `impact`'s two sides): a reading keeps the fields its reader keeps, and is shared only by
    /// readings that keep the same.
    pub(crate) fn keeping_readers_fields() -> SharedReads {
        SharedReads { readers_fields: true, ..SharedReads::default() }
    }

    /// How many files were read and typed, all readings together (a file shared counts once).
    pub fn files_read(&self) -> usize {
        self.files_read
    }

    /// A new reading of the case folder starts.
    pub(crate) fn begin(&mut self) {
        self.origins.clear();
        self.reads.iter_mut().for_each(|r| r.in_use = false);
    }

    /// Reads `path` through `checks` as `read_dataset` does, or gives what an earlier reading of
    /// it gave when it would be the same; the keys it gives join `links` either way. Every field
    /// is kept, unless these readings keep their readers' fields (`keeping_readers_fields`).
    pub(crate) fn read(
        &mut self,
        name: &str,
        path: &Path,
        checks: &Reader<'_>,
        (rejected, one_thread): (RejectedRows, bool),
        links: &mut Links,
    ) -> DatasetRead {
        let key = Key {
            path: path.to_path_buf(),
            name: name.to_string(),
            rejected,
            norm: serde_json::to_value(checks.norm).ok(),
            codes: checks
                .lists
                .iter()
                .map(|c| {
                    let c = c.as_ref()?;
                    Some((codes(c.catalogue.as_ref().map(|l| l.list)), codes(c.list.as_ref().map(|l| l.list)), c.unlisted.clone()))
                })
                .collect(),
            period: links.period(),
            gives: links
                .wanted
                .iter()
                .filter(|s| s.norm == checks.norm.name)
                .map(|s| (s.norm.clone(), s.keys.clone(), s.from.clone(), s.to.clone()))
                .collect(),
            refers: checks
                .references
                .iter()
                .map(|r| links.indexes.iter().position(|i| i.spec == r.spec).map(|p| self.origins[p]))
                .collect(),
            kept: if self.readers_fields { checks.kept.clone() } else { None },
        };
        let found = key.norm.is_some().then(|| self.reads.iter().position(|r| !r.in_use && r.key == key)).flatten();
        if let Some(at) = found {
            let read = &mut self.reads[at];
            read.in_use = true;
            self.origins.extend(std::iter::repeat_n(at, read.keys.indexes.len()));
            links.indexes.append(&mut read.keys.indexes);
            return copy(&read.read);
        }
        // Only the latest reading of a file is kept for the readings to come (the rulebooks of a
        // run come in the order of their years, and one that read a file otherwise than the
        // last seldom comes back): memory holds one reading of each file, not one per year.
        for r in self.reads.iter_mut().filter(|r| !r.in_use && r.key.path == key.path) {
            r.key.norm = None;
            r.read = DatasetRead { dataset: None, diags: Vec::new(), left_out: None };
            r.keys = Links::none();
        }
        self.files_read += 1;
        let published = links.indexes.len();
        let read = read_path(name, (path, &path.display().to_string()), (checks, key.kept.as_deref()), (rejected, one_thread), links);
        let at = self.reads.len();
        self.origins.extend(std::iter::repeat_n(at, links.indexes.len() - published));
        self.reads.push(Read { key, read: copy(&read), keys: Links::none(), in_use: true });
        read
    }

    /// The reading under way dropped the key indexes of its links from `len` on (a file it
    /// refuses gives no keys).
    pub(crate) fn truncate(&mut self, len: usize) {
        self.origins.truncate(len);
    }

    /// The reading under way is over: the keys of its links go back to the reads that gave them.
    pub(crate) fn end(&mut self, links: Links) {
        for (index, at) in links.indexes.into_iter().zip(self.origins.drain(..)) {
            self.reads[at].keys.indexes.push(index);
        }
    }
}

impl std::fmt::Debug for SharedReads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedReads").field("reads", &self.reads.len()).field("files_read", &self.files_read).finish()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::case::CaseOptions;
    use crate::rulebook::Rulebook;
    use crate::rulebook::shipped::{repo, rules_of, years};

    use super::SharedReads;

    /// Every year the repository ships rules for, in order.
    fn every_year() -> Vec<Rulebook> {
        years().into_iter().map(rules_of).collect()
    }

    #[test]
    fn every_year_reads_a_case_as_it_would_alone_and_the_same_rules_read_no_file_twice() {
        let dir = repo().join("examples").join("msp");
        let books = every_year();
        let mut shared = SharedReads::default();
        for rb in &books {
            let (case, diags) = rb.cases().load_sharing(&dir, CaseOptions::default(), &mut shared);
            // A shared reading keeps every field (the years read fields each of its own).
            let (alone, diags_alone) = rb.cases_keeping_every_field().load(&dir, CaseOptions::default());
            assert!(diags == diags_alone, "{}: the same diagnostics as read alone", rb.year);
            assert!(format!("{case:?}") == format!("{alone:?}"), "{}: the same case as read alone", rb.year);
        }
        let last = books.last().expect("a year");
        let (first, _) = last.cases().load_sharing(&dir, CaseOptions { keep_dates: true, ..CaseOptions::default() }, &mut shared);
        let read = shared.files_read();
        let (again, _) = last.cases().load_sharing(&dir, CaseOptions { keep_dates: true, ..CaseOptions::default() }, &mut shared);
        assert_eq!(shared.files_read(), read, "the same rules again read no file");
        let (first, again) = (first.expect("the case reads"), again.expect("the case reads"));
        assert!(first.datasets.iter().flatten().count() > 1, "the case gives data files");
        for (x, y) in first.datasets.iter().zip(&again.datasets) {
            if let (Some(x), Some(y)) = (x, y) {
                assert!(Arc::ptr_eq(&x.data, &y.data), "`{}`: one copy of its columns", x.name);
            }
        }
    }
}
