//! Rules across fields and plausible values, declared in the norms, enforced by both commands:
//! a file `peps validate` accepts never makes `peps compute` fail, and a file `compute` refuses
//! is never conforming for `validate`. Each field of each file an example case reads is mutated
//! (values of every kind that a field of its type can be given wrong: past the decimals' range,
//! negative, empty, far past and far future dates, a word where a code is expected), then each
//! rule of its norm is broken (reversed dates, a part above its whole, a birth after the data's
//! year); for every mutation both commands must agree, with the same codes.
//!
//! The fields, types and rules are read from the norm files, the files from the case file, so the
//! tests follow the shipped norms and examples as they change.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::util::{Sandbox, copy_dir, peps, repo};

/// One example case, and how to run its scheme.
struct Example {
    /// The folder under the repository.
    dir: &'static str,
    /// `--scheme` arguments.
    scheme: &'static [&'static str],
    /// The rules folder of its scheme, under the repository.
    rules: &'static str,
    year: i32,
    case_file: &'static str,
}

const MSP: Example = Example { dir: "examples/msp", scheme: &[], rules: "rules", year: 2025, case_file: "team.toml" };
const CAPITATION: Example = Example {
    dir: "examples/capitation/centre",
    scheme: &["--scheme", "capitation"],
    rules: "rules/capitation",
    year: 2026,
    case_file: "equipe.toml",
};

/// A data file the case reads, with the norm file that describes it.
struct DataFile {
    name: String,
    norm: toml_edit::DocumentMut,
}

/// The data files the case file of `ex` names, with their norms (the scheme's own norms folder
/// first, as the rules read them).
fn data_files(ex: &Example) -> Vec<DataFile> {
    let root = repo();
    let case: toml_edit::DocumentMut = std::fs::read_to_string(root.join(ex.dir).join(ex.case_file)).unwrap().parse().unwrap();
    let rules = root.join(ex.rules).join(ex.year.to_string());
    let entrees = std::fs::read_to_string(rules.join("entrees.toml")).unwrap();
    let rulebook: toml_edit::DocumentMut = std::fs::read_to_string(rules.join("rulebook.toml")).unwrap().parse().unwrap();
    let mut out = Vec::new();
    for (input, file) in case["fichiers"].as_table().expect("[fichiers]").iter() {
        let line = entrees.lines().find(|l| l.starts_with(&format!("{input} = {{ type = \"dataset\""))).expect("a dataset input");
        let norm = line.split("norm = \"").nth(1).and_then(|r| r.split('"').next()).expect("its norm").to_string();
        let version = match &rulebook["norms"][norm.as_str()] {
            toml_edit::Item::Value(toml_edit::Value::Integer(v)) => *v.value(),
            other => other["version"].as_integer().expect("a norm version"),
        };
        let own = root.join(ex.rules).join("norms").join(&norm).join(format!("v{version}.toml"));
        let path = if own.is_file() { own } else { root.join("norms").join(&norm).join(format!("v{version}.toml")) };
        let text = std::fs::read_to_string(&path).unwrap();
        out.push(DataFile { name: file.as_str().unwrap().to_string(), norm: text.parse().unwrap() });
    }
    out
}

/// A mutation of one value of the first data row: the field and what it becomes.
struct Mutation {
    what: String,
    field: String,
    value: String,
}

/// What a value of each field type can be given wrong, one class of mistake each.
fn wrong_values(kind: &str) -> &'static [&'static str] {
    match kind {
        // Past the decimals' range, negative, empty.
        "integer" | "decimal" => &["79228162514264337593543950335", "-1", ""],
        // Far past, far future, a future that is not far, empty.
        "date" => &["01/01/0099", "31/12/9999", "01/01/2090", ""],
        "enum" => &["ZZ", ""],
        "bool" => &["X", ""],
        _ => &["", "X"],
    }
}

/// One mutation per field (its type's wrong values taken in turn), then whatever wrong values of
/// a type no field got, then one breach of each rule of the norm.
fn mutations(file: &DataFile, row: &[(String, String)], year: i32) -> Vec<Mutation> {
    let mut out = Vec::new();
    let fields = file.norm["field"].as_array_of_tables().expect("[[field]]");
    let mut used: Vec<(String, BTreeSet<&str>)> = Vec::new();
    for f in fields.iter() {
        let (name, kind) = (f["name"].as_str().unwrap(), f["type"].as_str().unwrap());
        let values = wrong_values(kind);
        let slot = match used.iter().position(|(k, _)| k == kind) {
            Some(i) => i,
            None => {
                used.push((kind.to_string(), BTreeSet::new()));
                used.len() - 1
            }
        };
        let value = values[used[slot].1.len() % values.len()];
        used[slot].1.insert(value);
        out.push(Mutation { what: format!("{name} = `{value}` ({kind})"), field: name.to_string(), value: value.to_string() });
    }
    for (kind, seen) in &used {
        let first = fields.iter().find(|f| f["type"].as_str() == Some(kind)).unwrap()["name"].as_str().unwrap();
        for value in wrong_values(kind).iter().filter(|v| !seen.contains(*v)) {
            out.push(Mutation { what: format!("{first} = `{value}` ({kind})"), field: first.to_string(), value: value.to_string() });
        }
    }
    let value_of = |name: &str| row.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or_default();
    for rule in file.norm.get("rule").and_then(|r| r.as_array_of_tables()).into_iter().flat_map(|r| r.iter()) {
        let (field, op) = (rule["field"].as_str().unwrap(), rule["op"].as_str().unwrap());
        let above = matches!(op, "<" | "<=");
        let value = if let Some(other) = rule.get("other").and_then(|o| o.as_str()) {
            beyond(&value_of(other), above)
        } else if rule.get("period").is_some() {
            // A day of the year after the data's (or before it).
            if above { format!("01/01/{}", year + 1) } else { format!("31/12/{}", year - 1) }
        } else {
            continue;
        };
        let label = rule["label"].as_str().unwrap();
        out.push(Mutation { what: format!("rule `{label}`: {field} = `{value}`"), field: field.to_string(), value });
    }
    out
}

/// A value just past `value` (a day or a unit above it when `above`, below it otherwise).
fn beyond(value: &str, above: bool) -> String {
    if let Ok(d) = chrono::NaiveDate::parse_from_str(value, "%d/%m/%Y") {
        let day = chrono::Days::new(1);
        let d = if above { d.checked_add_days(day) } else { d.checked_sub_days(day) }.unwrap();
        return d.format("%d/%m/%Y").to_string();
    }
    let n: rust_decimal::Decimal = value.replace(',', ".").parse().expect("a number or a date");
    let n = if above { n + rust_decimal::Decimal::ONE } else { n - rust_decimal::Decimal::ONE };
    n.to_string().replace('.', ",")
}

/// The header and first data row of a `;` file (the examples quote nothing).
fn first_row(text: &str) -> Vec<(String, String)> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    let row: Vec<&str> = lines.next().unwrap().split(';').collect();
    header.iter().zip(row).map(|(h, v)| (h.to_string(), v.to_string())).collect()
}

/// `text` with field `field` of its first data row set to `value`.
fn with_value(text: &str, field: &str, value: &str) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let col = lines[0].trim_end().split(';').position(|h| h == field).unwrap_or_else(|| panic!("no column {field}"));
    let ending = if lines[1].ends_with("\r\n") {
        "\r\n"
    } else if lines[1].ends_with('\n') {
        "\n"
    } else {
        ""
    };
    let mut cells: Vec<String> = lines[1].trim_end_matches(['\r', '\n']).split(';').map(str::to_string).collect();
    cells[col] = value.to_string();
    lines[1] = cells.join(";") + ending;
    lines.concat()
}

/// The error codes of a `validate --format json` report.
fn validate_errors(stdout: &str) -> BTreeSet<String> {
    let json: serde_json::Value = serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}\n{stdout}"));
    let mut out = BTreeSet::new();
    for file in json["files"].as_array().unwrap() {
        for p in file["problems"].as_array().into_iter().flatten() {
            if p["severity"] == "error" {
                out.insert(p["code"].as_str().unwrap().to_string());
            }
        }
    }
    out
}

/// The error codes `compute` printed.
fn compute_errors(stderr: &str) -> BTreeSet<String> {
    stderr.lines().filter_map(|l| l.strip_prefix("error[")).filter_map(|l| l.split([' ', ']']).next()).map(str::to_string).collect()
}

/// What one command said: its exit code, its error codes, its diagnostics.
type Said = (i32, BTreeSet<String>, String);

/// Runs both commands on the case folder `dir` of `ex`: (validate's exit and errors, compute's).
fn both(ex: &Example, dir: &Path) -> (Said, Said) {
    let shown = dir.display().to_string();
    let mut args: Vec<&str> = vec!["validate", "--format", "json"];
    args.extend(ex.scheme);
    args.push(&shown);
    let v = peps(&args);
    let year = ex.year.to_string();
    let mut args: Vec<&str> = vec!["compute", "--year", &year];
    args.extend(ex.scheme);
    args.push(&shown);
    let c = peps(&args);
    ((v.code, validate_errors(&v.stdout), v.stderr), (c.code, compute_errors(&c.stderr), c.stderr))
}

/// Mutates each file `ex` reads, field by field and rule by rule, and checks both commands agree.
fn mutate_and_agree(ex: &Example) {
    let tmp = tempfile::tempdir().unwrap();
    let dir: PathBuf = tmp.path().join("case");
    copy_dir(&repo().join(ex.dir), &dir);
    // The unmutated case: both accept it.
    let ((v, _, verr), (c, _, cerr)) = both(ex, &dir);
    assert_eq!((v, c), (0, 0), "{}: the example itself\n{verr}\n{cerr}", ex.dir);
    let mut refused = 0;
    let mut runs = 0;
    for file in data_files(ex) {
        let path = dir.join(&file.name);
        let original = std::fs::read_to_string(&path).unwrap();
        let row = first_row(&original);
        for m in mutations(&file, &row, ex.year) {
            std::fs::write(&path, with_value(&original, &m.field, &m.value)).unwrap();
            let ((v, v_codes, v_err), (c, c_codes, c_err)) = both(ex, &dir);
            runs += 1;
            let what = format!("{} {}: {}", ex.dir, file.name, m.what);
            assert!(v == 0 || v == 1, "{what}: validate could not check the files (exit {v})\n{v_err}");
            assert_eq!(v == 0, c == 0, "{what}: validate conforming ⇔ compute succeeds\nvalidate: {v_codes:?}\ncompute: {c_err}");
            assert!(c_codes.is_subset(&v_codes), "{what}: compute's codes {c_codes:?} are validate's {v_codes:?}\n{c_err}");
            if c != 0 {
                refused += 1;
            }
        }
        std::fs::write(&path, &original).unwrap();
    }
    // The mutations are wrong values: nearly all of them must be refused (a mutation that does
    // not break anything means the harness no longer reaches the values).
    assert!(refused * 4 >= runs * 3, "{}: only {refused} of {runs} mutations refused", ex.dir);
}

#[test]
fn every_field_and_rule_of_the_msp_example_mutated_validate_and_compute_agree() {
    mutate_and_agree(&MSP);
}

#[test]
fn every_field_and_rule_of_the_capitation_example_mutated_validate_and_compute_agree() {
    mutate_and_agree(&CAPITATION);
}

/// A copy of the msp example in a sandbox, with `file`'s first row edited by `edit`.
fn msp_with(file: &str, edit: impl FnOnce(&[(String, String)], &str) -> String) -> Sandbox {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("examples/msp").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let row = first_row(&text);
    std::fs::write(&path, edit(&row, &text)).unwrap();
    sandbox
}

/// `validate` and `compute` on the sandbox's msp copy: both exits and outputs.
fn judge(sandbox: &Sandbox) -> (crate::util::Run, crate::util::Run) {
    let v = sandbox.peps(&["validate", "--rules", "rules", "--norms", "norms", "examples/msp"]);
    let c = sandbox.peps(&["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", "examples/msp"]);
    (v, c)
}

fn value<'r>(row: &'r [(String, String)], field: &str) -> &'r str {
    &row.iter().find(|(n, _)| n == field).unwrap_or_else(|| panic!("no {field}")).1
}

#[test]
fn an_exit_before_its_entry_in_annexe_2_is_refused_by_both_with_the_same_code() {
    // It moved msp's total by a third with exit 0: the professional counted as never present.
    let sandbox = msp_with("annexe2.csv", |row, text| with_value(text, "DATE_SORTIE", &beyond(value(row, "DATE_ENTREE"), false)));
    let (v, c) = judge(&sandbox);
    assert_eq!(v.code, 1, "{}", v.stdout);
    assert!(v.stdout.contains("V436") && v.stdout.contains("DATE_SORTIE") && v.stdout.contains("DATE_ENTREE"), "{}", v.stdout);
    assert!(v.stdout.contains("row 2, DATE_SORTIE"), "the row is named: {}", v.stdout);
    assert_ne!(c.code, 0, "{}", c.stdout);
    assert!(c.stderr.contains("error[V436 rule-broken]") && c.stderr.contains("annexe2.csv:2:DATE_SORTIE"), "{}", c.stderr);
}

#[test]
fn a_part_larger_than_its_whole_is_refused_by_both() {
    let sandbox = msp_with("patients.csv", |row, text| with_value(text, "CONSO_EQUIPE", &beyond(value(row, "CONSO_TOTALE"), true)));
    let (v, c) = judge(&sandbox);
    assert_eq!(v.code, 1);
    assert!(v.stdout.contains("V436") && v.stdout.contains("CONSO_EQUIPE <= CONSO_TOTALE"), "{}", v.stdout);
    assert_ne!(c.code, 0);
    assert!(c.stderr.contains("error[V436 rule-broken]") && c.stderr.contains("patients.csv:2:CONSO_EQUIPE"), "{}", c.stderr);
}

#[test]
fn births_in_2090_0099_and_9999_are_refused_by_both_never_an_evaluation_error() {
    for (year, code) in [("2090", "V436"), ("0099", "V437"), ("9999", "V437")] {
        let sandbox = msp_with("patients.csv", |row, text| {
            let birth = value(row, "DATE_NAISSANCE");
            with_value(text, "DATE_NAISSANCE", &format!("{}{year}", &birth[..6]))
        });
        let (v, c) = judge(&sandbox);
        assert_eq!(v.code, 1, "{year}: {}", v.stdout);
        assert!(v.stdout.contains(code), "{year}: {code} in {}", v.stdout);
        assert_ne!(c.code, 0, "{year}");
        assert!(c.stderr.contains(&format!("error[{code}")), "{year}: {}", c.stderr);
        assert!(!c.stderr.contains("X30"), "{year}: refused when read, not when evaluated: {}", c.stderr);
        // Alone, with nothing to say its year, the file is still judged against a year.
        let alone = sandbox.peps(&["validate", "--rules", "rules", "--norms", "norms", "examples/msp/patients.csv"]);
        assert_eq!(alone.code, 1, "{year}: {}", alone.stdout);
        assert!(alone.stdout.contains(code), "{year}: {code} in {}", alone.stdout);
    }
}

#[test]
fn an_ik_distance_at_the_decimal_maximum_is_refused_by_both_never_a_panic() {
    let sandbox = msp_with("ik_2024.csv", |_, text| with_value(text, "KM", "79228162514264337593543950335"));
    let (v, c) = judge(&sandbox);
    assert_eq!(v.code, 1, "{}", v.stdout);
    assert!(v.stdout.contains("V424"), "{}", v.stdout);
    assert_eq!(c.code, 1, "a refusal, not a panic: {}", c.stderr);
    assert!(c.stderr.contains("error[V424") && c.stderr.contains("ik_2024.csv:2:KM"), "{}", c.stderr);
    // A norm without a bound still cannot let it through: the engine's own limit refuses it.
    let sandbox = msp_with("ik_2024.csv", |_, text| with_value(text, "KM", "79228162514264337593543950335"));
    let norm = std::fs::read_to_string(sandbox.path().join("norms/ik/v1.toml")).unwrap();
    let bound = norm.lines().filter(|l| l.starts_with("max = ")).nth(2).expect("KM's bound").to_string();
    sandbox.edit("norms/ik/v1.toml", &format!("{bound}\n\n[[field]]\nname = \"MONTANT\""), "\n[[field]]\nname = \"MONTANT\"");
    let (v, c) = judge(&sandbox);
    assert!(v.stdout.contains("V438"), "{}", v.stdout);
    assert!(c.stderr.contains("error[V438"), "{}", c.stderr);
}

#[test]
fn a_file_of_the_case_folder_that_no_input_reads_is_reported_by_both() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path().join("examples/msp/extra.csv"), "A;B\n1;2\n").unwrap();
    let (v, c) = judge(&sandbox);
    for (name, out) in [("validate", &v.stderr), ("compute", &c.stderr)] {
        assert!(out.contains("warning[D233 file-not-read]: `extra.csv`"), "{name}: {out}");
    }
    assert_eq!(c.code, 0, "a warning: {}", c.stderr);
    // A file the case reads is not reported.
    assert!(!c.stderr.contains("`patients.csv` is in the case folder"), "{}", c.stderr);
}

#[test]
fn a_rule_naming_an_unknown_field_or_comparing_two_kinds_is_a_load_error() {
    for (rule, code) in [
        ("field = \"DATE_SORTI\"\nop = \">=\"\nother = \"DATE_ENTREE\"", "R123"),
        ("field = \"DATE_SORTIE\"\nop = \">=\"\nother = \"NOM\"", "R124"),
        ("field = \"DATE_SORTIE\"\nop = \">=\"\nvalue = 12", "R124"),
        ("field = \"NOM\"\nop = \"<=\"\nperiod = \"end\"", "R124"),
    ] {
        let sandbox = Sandbox::new();
        sandbox.append("norms/annexe2/v1.toml", &format!("\n[[rule]]\nlabel = \"test\"\n{rule}\n"));
        let run = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms"]);
        assert_ne!(run.code, 0, "{rule}");
        assert!(run.stderr.contains(&format!("error[{code}")), "{rule}: {code} in {}", run.stderr);
    }
}
