//! One case read for two rulebooks: its file read once against each year's inputs extended with
//! the other year's, so that a value one year does not know is no error (a warning says it is not
//! read there), then its data brought into each year; and the case a set of items in between
//! reads, input by input.

use std::path::Path;

use typed_index_collections::TiVec;

use crate::case::DataShift;
use crate::case::{Case, CaseOptions, Readers, load_case};
use crate::data::norm::Norm;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::ids::InputId;
use crate::rulebook::Rulebook;
use crate::rules::inputs::{CaseSchema, Input};

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

fn norms_of(own: &[Norm], other: &[Norm]) -> Vec<Norm> {
    let mut out = own.to_vec();
    out.extend(other.iter().filter(|n| !own.iter().any(|o| o.name == n.name)).cloned());
    out
}

impl Sides {
    /// Reads the case folder `dir` for `a` and `b`; errors of either side are errors.
    pub(crate) fn load(a: &Rulebook, b: &Rulebook, dir: &Path, options: CaseOptions) -> (Option<Sides>, Vec<Diagnostic>) {
        let (schema_a, schema_b) = (extended(&a.schema, &b.schema), extended(&b.schema, &a.schema));
        let raw = CaseOptions { keep_dates: true, ..options };
        let (norms_a, norms_b) = (norms_of(&a.norms, &b.norms), norms_of(&b.norms, &a.norms));
        let readers_a = Readers::new(&schema_a, &norms_a, &a.lists.raw, &a.code_checks, Some(a.period));
        let readers_b = Readers::new(&schema_b, &norms_b, &b.lists.raw, &b.code_checks, Some(b.period));
        let (case_a, mut diags) = load_case(dir, &a.case_file, &schema_a, &readers_a, raw);
        let (case_b, diags_b) = load_case(dir, &b.case_file, &schema_b, &readers_b, raw);
        // The two readings report the same problems of the same files: keep each once.
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
        let bring = |case: &Case, schema: &CaseSchema, year: i32| match data_year {
            Some(from) if from != year => {
                let mut c = case.shifted(year - from, schema);
                c.shift = Some(DataShift { from, to: year });
                c
            }
            _ => case.clone(),
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
    /// inputs (a sweep's successive values).
    pub(crate) fn one(case: &Case, schema: &CaseSchema) -> Sides {
        Sides { a: case.clone(), b: case.clone(), a_in_b: case.clone(), schema_a: schema.clone(), schema_b: schema.clone() }
    }

    /// The case as `rb` reads it: each of its inputs from the reading whose definition it shares.
    pub(crate) fn for_rules(&self, rb_schema: &CaseSchema, later_year: bool) -> Case {
        let (own, own_schema, other, other_schema) = if later_year {
            (&self.b, &self.schema_b, &self.a_in_b, &self.schema_a)
        } else {
            (&self.a, &self.schema_a, &self.b, &self.schema_b)
        };
        let mut case = Case { values: TiVec::new(), datasets: TiVec::new(), records: TiVec::new(), ..own.clone() };
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
