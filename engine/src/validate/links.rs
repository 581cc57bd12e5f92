//! Links between the files of one run (the files of a case folder, or those given to one
//! `peps validate`): the keys a file's rows give (collected while it is read, from its rows
//! without error) and the references of another file's rows to them, declared in the norms
//! (`[[link]]`). A file is read after the files it refers to; a reference to a file the run
//! does not read is not checked.
//!
//! Memory: one hash set of the keys of each file referred to (the identifiers of a list, with
//! their dates when the link reads them), not its rows.

use chrono::NaiveDate;
use foldhash::{HashMap, HashMapExt};

use crate::data::norm::{Norm, Reference, reference_problems};
use crate::message::Message;
use crate::value::Period;

/// The dates a key is valid between (a professional may leave and come back).
pub(crate) type Span = (Option<NaiveDate>, Option<NaiveDate>);

/// What a file's rows must give to the references of others: the key fields of a norm, and the
/// fields of the dates they are valid between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeySpec {
    pub(crate) norm: String,
    pub(crate) keys: Vec<String>,
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
}

/// The keys of one file: each key (its fields' texts, joined by a unit separator) with the dates
/// of the rows that give it (none when the spec has no dates).
pub(crate) struct KeyIndex {
    pub(crate) spec: KeySpec,
    pub(crate) map: HashMap<Box<[u8]>, Vec<Span>>,
}

/// The key specs the norms of a run refer to, and the key indexes of the files read so far.
pub struct Links {
    pub(crate) wanted: Vec<KeySpec>,
    pub(crate) indexes: Vec<KeyIndex>,
    /// The years the run's files are about (a case's data year): the rules of a norm that
    /// compare a date with the period read it when a file's name names none.
    pub(crate) period: Option<Period>,
}

impl Links {
    /// Links between the files of these norms. A reference whose fields the other norm lacks is
    /// a problem of the norms (a message each; the reference is then not checked).
    pub fn new<'n>(norms: impl IntoIterator<Item = &'n Norm> + Clone) -> (Links, Vec<Message>) {
        let mut wanted = Vec::new();
        let mut problems = Vec::new();
        for norm in norms.clone() {
            for r in &norm.references {
                let Some(target) = norms.clone().into_iter().find(|n| n.name == r.norm) else { continue };
                let found = reference_problems(r, target);
                if !found.is_empty() {
                    problems
                        .extend(found.into_iter().map(|p| msg!("data-norm-problem", norm = &norm.name, path = &norm.path, message = p)));
                    continue;
                }
                let spec = KeySpec { norm: r.norm.clone(), keys: r.keys.clone(), from: r.valid_from.clone(), to: r.valid_to.clone() };
                if !wanted.contains(&spec) {
                    wanted.push(spec);
                }
            }
        }
        (Links { wanted, indexes: Vec::new(), period: None }, problems)
    }

    /// No link: every file on its own.
    pub fn none() -> Links {
        Links { wanted: Vec::new(), indexes: Vec::new(), period: None }
    }

    /// These links, for files whose data are about `period`: the whole calendar years it
    /// touches (a quarter's file belongs to its year's data; see [`Links::period`]).
    pub fn with_period(mut self, period: Option<Period>) -> Links {
        self.period = period.and_then(|p| {
            use chrono::{Datelike, NaiveDate};
            Some(Period { start: NaiveDate::from_ymd_opt(p.start.year(), 1, 1)?, end: NaiveDate::from_ymd_opt(p.end.year(), 12, 31)? })
        });
        self
    }

    /// The period the run's files are about, if known.
    pub fn period(&self) -> Option<Period> {
        self.period
    }

    /// Whether the file of norm `name` must be read before others (their rows refer to its keys).
    pub fn is_referred_to(&self, name: &str) -> bool {
        self.wanted.iter().any(|s| s.norm == name)
    }

    /// The references of `norm` that the rows of its file cannot be checked against now: no
    /// file of the run gave their keys (none of their norm was read, or it could not be: a file
    /// unreadable, not recognized, or broken so that its keys would say nothing).
    pub fn unchecked<'n>(&self, norm: &'n Norm) -> Vec<&'n Reference> {
        norm.references
            .iter()
            .filter(|r| {
                let spec = KeySpec { norm: r.norm.clone(), keys: r.keys.clone(), from: r.valid_from.clone(), to: r.valid_to.clone() };
                self.index(&spec).is_none()
            })
            .collect()
    }

    /// The index of the keys of `spec`, if its file was read.
    pub(crate) fn index(&self, spec: &KeySpec) -> Option<&KeyIndex> {
        self.indexes.iter().find(|i| i.spec == *spec)
    }
}

impl KeyIndex {
    pub(crate) fn new(spec: KeySpec) -> Self {
        KeyIndex { spec, map: HashMap::new() }
    }

    /// Whether `key` is given by a row valid on `at` (by any row without a date to check).
    pub(crate) fn holds(spans: &[Span], at: Option<NaiveDate>) -> bool {
        match at {
            None => true,
            Some(date) => spans.iter().any(|(from, to)| from.is_none_or(|f| f <= date) && to.is_none_or(|t| date <= t)),
        }
    }
}
