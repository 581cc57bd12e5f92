//! The format of a declarative test case and of the `defaults.toml` beside it: serde types (the
//! runner reads them) that are also schemars types (editors complete and check them).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use peps_engine::msg;
use peps_engine::schema::{AnyValue, DecimalText};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer};

use crate::language::Say;

/// The name of the file, in a folder of cases, that gives defaults to every case of the folder.
pub const DEFAULTS_FILE: &str = "defaults.toml";

/// A test case: a small team written by hand, the years it applies to, and the outputs expected
/// with how they are derived from the rules.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TestCase {
    /// What the case checks, and how each expected number is derived from the rules by hand.
    pub description: String,
    /// The text the expected behaviour comes from (convention, decree, rule file).
    pub reference: String,
    /// The years whose rulebook the case runs under, e.g. [2025] or [2024, 2025].
    pub years: Vec<i32>,
    /// Values of the case file (the rulebook's `case_file`, e.g. team.toml), section by section,
    /// over those of `defaults.toml`: `[case.structure] segment = "agee"`.
    #[serde(default, rename = "case", alias = "team")]
    pub team: BTreeMap<String, BTreeMap<String, TeamValue>>,
    /// Default columns of the data files, by input name, over those of `defaults.toml`.
    #[serde(default)]
    pub defaults: BTreeMap<String, BTreeMap<String, AnyValue>>,
    /// The data files, by input name (`patients`, `professionnels`, ...): rows written inline
    /// (`[[data.patients]]`, or `patients = [{ ... }, ...]`), or the path of a file next to the case.
    #[serde(default)]
    pub data: BTreeMap<String, DataSpec>,
    /// The outputs expected under every year of the case, by output name: an exact value
    /// ("152.00", 3, true), or `{ value = "115.47", tolerance = "0.01" }` or
    /// `{ value = "115.47", relative = "0.001" }`. `output.part` names a line of an output's
    /// breakdown (a class, a check, an indicator).
    pub expected: BTreeMap<String, Expected>,
    /// Outputs expected under one year only, over `expected`: `[expected_by_year.2025]`.
    #[serde(default)]
    pub expected_by_year: BTreeMap<String, BTreeMap<String, Expected>>,
}

/// The defaults of a folder of test cases (`defaults.toml`): the team values and data columns
/// every case of the folder starts from.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TestDefaults {
    /// What the defaults describe (the standard test team).
    #[allow(dead_code, reason = "read by people and editors; the runner has no use for it")] // not prose
    pub description: Option<String>,
    /// Values of the case file, section by section (`[case.section]`).
    #[serde(default, rename = "case", alias = "team")]
    pub team: BTreeMap<String, BTreeMap<String, TeamValue>>,
    /// Default columns of the data files, by input name.
    #[serde(default)]
    pub defaults: BTreeMap<String, BTreeMap<String, AnyValue>>,
}

/// A value of the team file, written as in team.toml.
#[derive(Debug, Clone)]
pub struct TeamValue(pub toml::Value);

impl<'de> Deserialize<'de> for TeamValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        toml::Value::deserialize(d).map(TeamValue)
    }
}

impl JsonSchema for TeamValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TeamValue".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // The schemas are read by editors, in English like the rest of them.
        json_schema!({ "description": "A value of the team file, written as in team.toml (the rulebook's inputs file says which)." }) // not prose
    }
}

/// A data file of the case: rows, or a path.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum DataSpec {
    /// Rows, one table per row, keyed by the norm's field names; missing fields take the defaults.
    Rows(Vec<Row>),
    /// The path of a data file, relative to the case file, copied as it is.
    File(String),
}

/// A row of a data file: field values by name, and how many identical copies to write.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct Row {
    /// Write this row N times (default 1): each copy gets its own identifiers.
    pub repeat: Option<u32>,
    /// The row's values, by field name of the norm.
    #[serde(flatten)]
    pub fields: BTreeMap<String, AnyValue>,
}

/// An expected value: exact, or with a tolerance.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Expected {
    /// With a tolerance, absolute or relative.
    Tolerant(Tolerant),
    /// Exact: a decimal as a string ("152.00"), an integer, true or false, a date or a text.
    Exact(AnyValue),
}

/// A number expected within a tolerance.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tolerant {
    /// The expected number, e.g. "115.47".
    pub value: AnyValue,
    /// The largest absolute difference accepted, e.g. "0.01".
    pub tolerance: Option<DecimalText>,
    /// The largest difference accepted relative to the expected value, e.g. "0.001" for 0.1 %.
    pub relative: Option<DecimalText>,
}

/// Reads a case file; the error is a message naming the file.
pub fn read_case(path: &Path) -> Result<TestCase, String> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| msg!("cli-cannot-read", path = &shown, reason = e.to_string()).say())?;
    let case: TestCase =
        toml::from_str(&text).map_err(|e| msg!("cli-test-invalid-case", path = &shown, reason = e.to_string().trim_end()).say())?;
    if case.years.is_empty() {
        return Err(msg!("cli-test-no-years", path = &shown).say());
    }
    if case.expected.is_empty() && case.expected_by_year.is_empty() {
        return Err(msg!("cli-test-expects-nothing", path = &shown).say());
    }
    // An expectation for a year the case does not run would never be checked.
    for year in case.expected_by_year.keys() {
        if !case.years.iter().any(|y| y.to_string() == *year) {
            let years: Vec<String> = case.years.iter().map(i32::to_string).collect();
            return Err(msg!("cli-test-year-not-run", path = &shown, year = year, years = years.join(", ")).say());
        }
    }
    Ok(case)
}

/// Reads the `defaults.toml` of `dir`, if it has one.
pub fn read_defaults(dir: &Path) -> Result<TestDefaults, String> {
    let path: PathBuf = dir.join(DEFAULTS_FILE);
    if !path.is_file() {
        return Ok(TestDefaults::default());
    }
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| msg!("cli-cannot-read", path = &shown, reason = e.to_string()).say())?;
    toml::from_str(&text).map_err(|e| msg!("cli-test-invalid-defaults", path = &shown, reason = e.to_string().trim_end()).say())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_reads_rows_tolerances_and_dates() {
        let case: TestCase = toml::from_str(
            r#"
description = "d"
reference = "r"
years = [2025]
[case.structure]
segment = "agee"
[[data.patients]]
NIR_PATIENT = "p1"
DATE_NAISSANCE = 1960-12-31
repeat = 3
[data]
ik = "ik.csv"
[expected]
a = "152.00"
b = 3
c = { value = "115.47", tolerance = "0.01" }
d = 2025-12-31
[expected_by_year.2025]
a = true
"#,
        )
        .unwrap();
        let DataSpec::Rows(rows) = &case.data["patients"] else { panic!("rows") };
        assert_eq!(rows[0].repeat, Some(3));
        assert!(matches!(rows[0].fields["DATE_NAISSANCE"].0, toml::Value::Datetime(_)));
        assert!(matches!(case.data["ik"], DataSpec::File(_)));
        assert!(matches!(&case.expected["c"], Expected::Tolerant(t) if t.tolerance.is_some()));
        assert!(matches!(&case.expected["d"], Expected::Exact(AnyValue(toml::Value::Datetime(_)))));
        assert!(matches!(&case.expected_by_year["2025"]["a"], Expected::Exact(AnyValue(toml::Value::Boolean(true)))));
    }

    #[test]
    fn expectations_for_a_year_the_case_does_not_run_are_refused() {
        // The assertions read the English messages.
        crate::language::set(peps_engine::message::Lang::En);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(
            &path,
            "description = \"d\"\nreference = \"r\"\nyears = [2025]\n[expected]\na = 1\n[expected_by_year.2027]\na = 2\n",
        )
        .unwrap();
        let err = read_case(&path).unwrap_err();
        assert!(err.contains("`expected_by_year.2027` is for a year the case does not run; add 2027 to `years` (2025)"), "{err}");
    }

    #[test]
    fn unknown_keys_are_refused() {
        let err = toml::from_str::<TestCase>("description = \"d\"\nreference = \"r\"\nyears = [2025]\nexpect = {}\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `expect`"), "{err}");
    }
}
