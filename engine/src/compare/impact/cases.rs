//! One case read for two rulebooks: its file read once against each year's inputs extended with
//! the other year's, so that a value one year does not know is no error (a warning says it is not
//! read there), then its data brought into each year; and the case a set of items in between
//! reads, input by input.

use std::path::Path;

use typed_index_collections::TiVec;

use crate::case::shared::SharedReads;
use crate::case::shift::Moved;
use crate::case::{Case, CaseOptions, DataShift, Readers, load_case_sharing};
use crate::data::norm::Norm;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::ids::InputId;
use crate::rulebook::Rulebook;
use crate::rules::inputs::{CaseSchema, Input, InputKind};

/// The case as each side reads it.
pub(crate) struct Sides {
    /// As the earlier rules read it, in their year.
    pub(crate) a: Case,
    /// As the later rules read it, in their year.
    pub(crate) b: Case,
    /// Read with the earlier year's input definitions, brought into the later year.
    a_in_b: Case,
    schema_a: CaseSchema,
    schema_b: CaseSchema,
}

/// `own` extended with `other`'s inputs it lacks, made optional.
fn extended(own: &CaseSchema, other: &CaseSchema) -> CaseSchema {
    let mut inputs = own.inputs.raw.clone();
    for i in other.inputs.iter() {
        if !own.inputs.iter().any(|o| o.section == i.section && o.name == i.name) {
            inputs.push(Input { optional: true, ..i.clone() });
        }
    }
    CaseSchema { inputs: inputs.into() }
}

/// The fields of data input `input` (read through its norm among `norms`) that a case keeps for
/// either rulebook, by name: those the dataset of that name keeps in one of them (the rulebooks
/// of the items in between read their steps' and calendar's columns by the same names), and
/// the norm's own row dates (the year the data belong to). `None` (every field) when neither
/// rulebook reads a dataset of that name.
fn kept_by_either(input: &Input, norms: &[Norm], books: [&Rulebook; 2]) -> Option<Vec<bool>> {
    let InputKind::Dataset { norm, .. } = &input.kind else { return None };
    let norm = norms.iter().find(|n| &n.name == norm)?;
    let defs: Vec<_> = books.iter().filter_map(|rb| rb.datasets().iter().find(|d| d.name == input.name)).collect();
    if defs.is_empty() {
        return None;
    }
    let dated: Vec<&str> = crate::case::shift::dated_fields(norm).map(|f| f.name.as_str()).collect();
    let kept = |name: &str| dated.contains(&name) || defs.iter().any(|d| d.kept_columns().any(|c| c == name));
    Some(norm.fields.iter().map(|f| kept(&f.name)).collect())
}

fn norms_of(own: &[Norm], other: &[Norm]) -> Vec<Norm> {
    let mut out = own.to_vec();
    out.extend(other.iter().filter(|n| !own.iter().any(|o| o.name == n.name)).cloned());
    out
}

impl Sides {
    /// Reads the case folder `dir` for `a` and `b`; errors of either side are errors.
    ///
    /// Each data file is read and typed once when both sides read it the same way (the same
    /// norm, the same codes in the lists its checks read, the same period: see
    /// `case::shared`), and its dataset is then shared by the two sides; when the sides' norms
    /// or lists differ, each side reads the file with its own.
    pub(crate) fn load(a: &Rulebook, b: &Rulebook, dir: &Path, options: CaseOptions) -> (Option<Sides>, Vec<Diagnostic>) {
        Sides::load_sharing(a, b, dir, options, Some(&mut SharedReads::keeping_readers_fields()))
    }

    /// [`Sides::load`], the files read counted in `shared`; without it, each side reads every
    /// file with its own (as `impact` did before it read them once: the tests compare the two).
    fn load_sharing(
        a: &Rulebook,
        b: &Rulebook,
        dir: &Path,
        options: CaseOptions,
        mut shared: Option<&mut SharedReads>,
    ) -> (Option<Sides>, Vec<Diagnostic>) {
        let (schema_a, schema_b) = (extended(&a.schema, &b.schema), extended(&b.schema, &a.schema));
        let raw = CaseOptions { keep_dates: true, ..options };
        let (norms_a, norms_b) = (norms_of(&a.norms, &b.norms), norms_of(&b.norms, &a.norms));
        let readers_a = Readers::new(&schema_a, &norms_a, &a.lists.raw, &a.code_checks, Some(a.period))
            .keeping(|i| kept_by_either(&schema_a.inputs[i], &norms_a, [a, b]));
        let readers_b = Readers::new(&schema_b, &norms_b, &b.lists.raw, &b.code_checks, Some(b.period))
            .keeping(|i| kept_by_either(&schema_b.inputs[i], &norms_b, [a, b]));
        let (case_a, mut diags) = load_case_sharing(dir, &a.case_file, &schema_a, &readers_a, raw, shared.as_deref_mut());
        let (case_b, diags_b) = load_case_sharing(dir, &b.case_file, &schema_b, &readers_b, raw, shared);
        // The two readings report the same problems of the case file and of the files they share
        // (and often of the files each reads with its own norm): keep each once.
        for d in diags_b {
            if !diags.contains(&d) {
                diags.push(d);
            }
        }
        let (Some(case_a), Some(case_b)) = (case_a, case_b) else { return (None, diags) };
        if diags.iter().any(Diagnostic::is_error) {
            return (None, diags);
        }
        diags.extend(unknown_to_one_side(a, b, &case_b, &schema_b));
        let data_year = if options.keep_dates { None } else { case_b.data_year(&schema_b, &norms_b) };
        // The files both sides share are moved into a year once, for both.
        let mut moved = Moved::new();
        let mut bring = |case: &Case, schema: &CaseSchema, year: i32| {
            let mut c = case.clone();
            if let Some(from) = data_year.filter(|&from| from != year) {
                c.shift_dates_with(year - from, schema, Some(&mut moved));
                c.shift = Some(DataShift { from, to: year });
            }
            c
        };
        let sides = Sides {
            a_in_b: bring(&case_a, &schema_a, b.year),
            a: bring(&case_a, &schema_a, a.year),
            b: bring(&case_b, &schema_b, b.year),
            schema_a,
            schema_b,
        };
        (Some(sides), diags)
    }

    /// A case already read, the same on both sides: two rulebooks of one year with the same
    /// inputs (a sweep's successive values). The sides share its data.
    pub(crate) fn one(case: &Case, schema: &CaseSchema) -> Sides {
        Sides { a: case.clone(), b: case.clone(), a_in_b: case.clone(), schema_a: schema.clone(), schema_b: schema.clone() }
    }

    /// The case as `rb` reads it: each of its inputs from the reading whose definition it shares
    /// (its data files shared with that reading, not copied).
    pub(crate) fn for_rules(&self, rb_schema: &CaseSchema, later_year: bool) -> Case {
        let (own, own_schema, other, other_schema) = if later_year {
            (&self.b, &self.schema_b, &self.a_in_b, &self.schema_a)
        } else {
            (&self.a, &self.schema_a, &self.b, &self.schema_b)
        };
        let n = rb_schema.inputs.len();
        let mut case = Case {
            dir: own.dir.clone(),
            file: own.file.clone(),
            values: TiVec::with_capacity(n),
            datasets: TiVec::with_capacity(n),
            records: TiVec::with_capacity(n),
            hashes: own.hashes.clone(),
            shift: own.shift,
            rows_left_out: own.rows_left_out.clone(),
        };
        for input in rb_schema.inputs.iter() {
            let find = |s: &CaseSchema| s.inputs.position(|i| i.section == input.section && i.name == input.name);
            let same = |s: &CaseSchema, i: InputId| serde_json::to_value(&s.inputs[i]).ok() == serde_json::to_value(input).ok();
            let (source, at) = match (find(own_schema), find(other_schema)) {
                (Some(i), _) if same(own_schema, i) => (own, Some(i)),
                (_, Some(j)) if same(other_schema, j) => (other, Some(j)),
                (Some(i), _) => (own, Some(i)),
                (None, j) => (other, j),
            };
            match at {
                Some(i) => {
                    case.values.push(source.values[i].clone());
                    case.datasets.push(source.datasets[i].clone());
                    case.records.push(source.records[i].clone());
                }
                None => {
                    case.values.push(crate::value::Value::Null);
                    case.datasets.push(None);
                    case.records.push(Vec::new());
                }
            }
        }
        case
    }
}

/// A warning for each value of the case file that one of the two years does not read.
fn unknown_to_one_side(a: &Rulebook, b: &Rulebook, case: &Case, schema: &CaseSchema) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, input) in schema.inputs.iter_enumerated() {
        let given = !matches!(case.values[i], crate::value::Value::Null) || case.datasets[i].is_some() || !case.records[i].is_empty();
        if !given {
            continue;
        }
        for rb in [a, b] {
            if !rb.schema.inputs.iter().any(|x| x.section == input.section && x.name == input.name) {
                out.push(
                    Diagnostic::warning(
                        Code::CaseUnknownKey,
                        msg!("data-impact-not-an-input", input = format!("{}.{}", input.section, input.name), year = rb.year.to_string()),
                    )
                    .at(Location::File { file: case.file.path.clone() }),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use super::*;
    use crate::rulebook::shipped::{repo, rules_of, years};

    /// The rules of the last year shipped, loaded anew at each call.
    fn latest() -> Rulebook {
        rules_of(*years().last().expect("a year of rules"))
    }

    fn case_dir() -> PathBuf {
        repo().join("examples").join("msp")
    }

    /// Both sides read with sharing, and each side reading every file with its own: the same
    /// diagnostics, the same cases, value for value.
    fn read_both_ways(a: &Rulebook, b: &Rulebook) -> (Sides, SharedReads) {
        let mut shared = SharedReads::keeping_readers_fields();
        let (sides, diags) = Sides::load_sharing(a, b, &case_dir(), CaseOptions::default(), Some(&mut shared));
        let (alone, diags_alone) = Sides::load_sharing(a, b, &case_dir(), CaseOptions::default(), None);
        assert!(diags == diags_alone, "the same diagnostics, read once or twice:\n{diags:?}\n{diags_alone:?}");
        let (sides, alone) = (sides.expect("the case reads"), alone.expect("the case reads"));
        for (x, y) in [(&sides.a, &alone.a), (&sides.b, &alone.b), (&sides.a_in_b, &alone.a_in_b)] {
            assert!(format!("{x:?}") == format!("{y:?}"), "the same case, read once or twice");
        }
        (sides, shared)
    }

    /// The data files the case gives.
    fn given(case: &Case) -> usize {
        case.datasets.iter().flatten().count()
    }

    #[test]
    fn a_file_both_sides_read_alike_is_read_once_and_its_columns_shared() {
        let (a, b) = (latest(), latest());
        let (sides, shared) = read_both_ways(&a, &b);
        assert!(given(&sides.b) > 1, "the case gives data files");
        assert_eq!(shared.files_read(), given(&sides.b), "each file read once for both sides");
        for (x, y) in sides.a.datasets.iter().zip(&sides.b.datasets) {
            if let (Some(x), Some(y)) = (x, y) {
                assert!(Arc::ptr_eq(&x.data, &y.data), "`{}`: one copy of its columns for both sides", x.name);
            }
        }
        // A set of items in between reads the same columns too.
        let between = sides.for_rules(&b.schema, true);
        for (x, y) in between.datasets.iter().zip(&sides.b.datasets) {
            if let (Some(x), Some(y)) = (x, y) {
                assert!(Arc::ptr_eq(&x.data, &y.data), "`{}`: not copied for the items in between", x.name);
            }
        }
    }

    #[test]
    fn each_side_keeps_the_columns_either_year_reads_and_no_other() {
        let years = years();
        let (a, b) = (rules_of(years[0]), rules_of(*years.last().expect("a year")));
        let (sides, _) = read_both_ways(&a, &b);
        let mut left_out = 0;
        for side in [&sides.a, &sides.b, &sides.a_in_b] {
            for ds in side.datasets.iter().flatten() {
                for (c, name) in ds.columns.iter().enumerate() {
                    let read =
                        [&a, &b].iter().any(|rb| rb.datasets().iter().any(|d| d.name == ds.name && d.kept_columns().any(|k| k == name)));
                    assert_eq!(ds.keeps(c), read, "`{}.{name}`", ds.name);
                    left_out += usize::from(!read);
                }
            }
        }
        assert!(left_out > 0, "some column of the case neither year reads");
        // Each side evaluates as the case read by its year alone.
        for (rb, side) in [(&a, &sides.a), (&b, &sides.b)] {
            let (alone, _) = rb.cases().load(&case_dir(), CaseOptions::default());
            let json = |c: &Case| serde_json::to_string(&crate::eval::evaluate(rb, c)).expect("json");
            assert_eq!(json(side), json(&alone.expect("the case reads")), "{}", rb.year);
        }
    }

    #[test]
    fn a_file_whose_norm_differs_between_the_sides_is_read_by_each_with_its_own() {
        let (a, b) = (latest(), latest());
        // A data file of the case whose keys no other file reads: only it is read again.
        let referred = |name: &str| b.norms.iter().any(|n| n.references.iter().any(|r| r.norm == name));
        let (input, norm) = b
            .schema
            .inputs
            .iter()
            .filter_map(|i| match &i.kind {
                crate::rules::inputs::InputKind::Dataset { norm, .. } if !referred(norm) => Some((i.name.clone(), norm.clone())),
                _ => None,
            })
            .find(|(input, _)| read_both_ways(&a, &a).0.b.datasets.iter().flatten().any(|d| &d.name == input))
            .expect("a data file no other refers to");
        let mut parts = b.parts();
        let changed = parts.norms.iter_mut().find(|n| n.name == norm).expect("its norm");
        changed.fields[0].label.push_str(" (draft)");
        let b = crate::rulebook::assemble(parts, &mut Vec::new()).expect("the rules with the norm changed assemble");
        let (sides, shared) = read_both_ways(&a, &b);
        assert_eq!(shared.files_read(), given(&sides.b) + 1, "only `{input}` is read by each side");
        for (x, y) in sides.a.datasets.iter().zip(&sides.b.datasets) {
            if let (Some(x), Some(y)) = (x, y) {
                assert_eq!(Arc::ptr_eq(&x.data, &y.data), x.name != input, "`{}`", x.name);
            }
        }
    }

    #[test]
    fn two_years_read_a_case_as_each_would_alone() {
        // The lists their checks read may differ (a code gone, a new one): what differs is read
        // by each year with its own, and every diagnostic and value is as each reads it alone.
        let years = years();
        let [.., from, to] = years.as_slice() else { panic!("two years of rules") };
        let (sides, shared) = read_both_ways(&rules_of(*from), &rules_of(*to));
        assert!(shared.files_read() >= given(&sides.b) && shared.files_read() <= 2 * given(&sides.b));
    }
}
