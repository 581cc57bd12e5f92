//! `peps validate` on a corpus of exchange files (tests/data/validate/<case>/): clean ones, one
//! defect per file, and one file with many. Each report is a snapshot; the rest checks what a
//! snapshot cannot show at a glance (rows conserved, rejects verbatim and private, exit codes).

use std::path::{Path, PathBuf};

use crate::snap;
use crate::util::{Run, Sandbox, peps, repo};

/// Every case of the corpus; a test checks the folder holds exactly these.
const CASES: &[&str] = &[
    "blank_line",
    "bounds",
    "checksum",
    "clean",
    "clean_actnou",
    "column_order",
    "duplicate_column",
    "duplicate_key",
    "duplicate_professional",
    "duplicate_row",
    "empty_file",
    "encoding",
    "file_name",
    "file_name_period",
    "header_only",
    "length",
    "line_endings",
    "many",
    "missing_column",
    "misspelt_column",
    "no_header",
    "not_allowed",
    "not_in_list",
    "not_text",
    "outside_period",
    "pattern",
    "quoting",
    "required",
    "required_if",
    "row_width",
    "separator",
    "spaces",
    "unknown_column",
    "value_type",
];

fn corpus() -> PathBuf {
    repo().join("tests/data/validate")
}

/// The data file of a case, relative to the repository (as the report shows it).
fn case_file(case: &str) -> String {
    let dir = corpus().join(case);
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "args")
        .collect();
    assert_eq!(files.len(), 1, "case {case} holds one data file and maybe `args`");
    format!("tests/data/validate/{case}/{}", files.remove(0))
}

/// The extra arguments of a case (`args`, one per line; `{tmp}` is a fresh temporary folder).
fn case_args(case: &str, tmp: &Path) -> Vec<String> {
    let path = corpus().join(case).join("args");
    std::fs::read_to_string(path).map(|t| t.lines().map(|l| l.replace("{tmp}", &tmp.display().to_string())).collect()).unwrap_or_default()
}

/// Runs a case and renders what a reviewer needs: the command, the exit code, the output and
/// the rejects file if one was asked for.
fn run_case(case: &str, extra: &[&str]) -> (Run, String) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = case_file(case);
    let mut args: Vec<String> = vec!["validate".into(), file];
    args.extend(case_args(case, tmp.path()));
    args.extend(extra.iter().map(|s| s.to_string()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = peps(&argv);
    // A file alone is judged against the newest year of the rules: a new year must not change
    // the snapshot.
    let newest = crate::util::shipped_years(&repo().join("rules")).last().copied().unwrap_or_default();
    let redact = |t: &str| {
        t.replace(&tmp.path().display().to_string(), "[TMP]")
            .replace(&format!("read {newest}, the newest year"), "read [NEWEST], the newest year")
    };
    let mut text = format!("$ peps {}\nexit: {}\n{}", redact(&args.join(" ")), run.code, redact(&run.stdout));
    if !run.stderr.is_empty() {
        text.push_str(&format!("--- stderr\n{}", redact(&run.stderr)));
    }
    let rejects = tmp.path().join("rejets.csv");
    if rejects.exists() {
        text.push_str(&format!("--- {}\n{}", "[TMP]/rejets.csv", std::fs::read_to_string(&rejects).expect("rejects")));
    }
    (run, text)
}

macro_rules! corpus_cases {
    ($($case:ident),* $(,)?) => {$(
        #[test]
        fn $case() {
            let (_, text) = run_case(stringify!($case), &[]);
            snap!(concat!("validate_", stringify!($case)), text);
        }
    )*};
}

mod corpus {
    use super::*;

    corpus_cases!(
        blank_line,
        bounds,
        checksum,
        clean,
        clean_actnou,
        column_order,
        duplicate_column,
        duplicate_key,
        duplicate_professional,
        duplicate_row,
        empty_file,
        encoding,
        file_name,
        file_name_period,
        header_only,
        length,
        line_endings,
        many,
        missing_column,
        misspelt_column,
        no_header,
        not_allowed,
        not_in_list,
        not_text,
        outside_period,
        pattern,
        quoting,
        required,
        required_if,
        row_width,
        separator,
        spaces,
        unknown_column,
        value_type,
    );
}

#[test]
fn the_corpus_is_exactly_the_listed_cases() {
    let mut found: Vec<String> =
        std::fs::read_dir(corpus()).expect("corpus").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    found.sort();
    assert_eq!(found, CASES);
}

#[test]
fn exit_codes_say_clean_findings_or_unreadable() {
    let warnings_only = ["clean", "clean_actnou", "column_order", "duplicate_row", "header_only", "spaces"];
    for case in CASES {
        let (run, _) = run_case(case, &[]);
        let want = if warnings_only.contains(case) { 0 } else { 1 };
        assert_eq!(run.code, want, "case {case}:\n{}{}", run.stdout, run.stderr);
    }
    let missing = peps(&["validate", "tests/data/validate/nothing_here.csv"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("cannot read tests/data/validate/nothing_here.csv"), "{}", missing.stderr);
    let unknown = peps(&["validate", "--norm", "actnon", &case_file("clean")]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("did you mean `actnom`?"), "{}", unknown.stderr);
    // One unreadable file among good ones still makes the run fail as unreadable.
    let mixed = peps(&["validate", &case_file("clean"), "tests/data/validate/nothing_here.csv", &case_file("bounds")]);
    assert_eq!(mixed.code, 2);
    assert!(mixed.stdout.contains("3 files: 1 clean, 1 with errors, 1 unreadable"), "{}", mixed.stdout);
}

#[test]
fn json_lists_every_problem_with_its_counts() {
    let (run, _) = run_case("many", &["--format", "json"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    let file = &json["files"][0];
    let problems = file["problems"].as_array().expect("problems");
    let counted: u64 = file["counts"].as_array().expect("counts").iter().map(|c| c["count"].as_u64().unwrap()).sum();
    assert_eq!(problems.len() as u64, counted, "every problem is listed");
    assert_eq!(file["complete"], true);
    assert_eq!(file["valid"].as_u64().unwrap() + file["rejected"].as_u64().unwrap(), file["rows"].as_u64().unwrap());
    assert!(problems.iter().all(|p| p["code"].as_str().unwrap().starts_with('V') && p["message"].is_string()));
    snap!("validate_many_json", serde_json::to_string_pretty(&json).expect("json"));
}

#[test]
fn json_with_max_examples_says_what_is_cut() {
    let (run, _) = run_case("many", &["--format", "json", "--max-examples", "1"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let file = &json["files"][0];
    let counts = file["counts"].as_array().expect("counts");
    let hidden: u64 = counts.iter().map(|c| c["count"].as_u64().unwrap() - c["shown"].as_u64().unwrap()).sum();
    assert!(hidden > 0);
    assert_eq!(file["problems_not_listed"].as_u64(), Some(hidden));
    assert_eq!(file["complete"], false);
    assert_eq!(file["problems"].as_array().unwrap().len(), counts.len());
}

/// The records of a rejects file, read as CSV.
fn rejects_records(text: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().delimiter(b';').has_headers(false).flexible(true).from_reader(text.as_bytes());
    r.records().map(|rec| rec.expect("a CSV record").iter().map(str::to_string).collect()).collect()
}

#[test]
fn rejects_keep_their_columns_hold_no_nir_and_are_never_overwritten() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let rejects = tmp.path().join("rejets.csv");
    let rejects_arg = rejects.display().to_string();
    let file = case_file("many");
    let run = peps(&["validate", &file, "--format", "json", "--rejects", &rejects_arg]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let (rows, rejected) = (json["files"][0]["rows"].as_u64().unwrap(), json["files"][0]["rejected"].as_u64().unwrap());
    let input = std::fs::read_to_string(repo().join(&file)).expect("input");
    let input_lines: Vec<&str> = input.lines().collect();
    assert_eq!(rows as usize, input_lines.len() - 1, "every line after the header is a row");
    let written = std::fs::read_to_string(&rejects).expect("rejects");
    let records = rejects_records(&written);
    let width = input_lines[0].split(';').count();
    assert_eq!(records[0].join(";"), format!("{};SOURCE_ROW;REJECT_REASONS", input_lines[0]), "the header comes first");
    // No NIR of the file, valid or not, is in the rejects file.
    for line in &input_lines[1..] {
        for word in line.split([';', '"']).filter(|w| w.len() == 15 && w.starts_with(['1', '2'])) {
            assert!(!written.contains(word), "a NIR leaked into the rejects file: {word}\n{written}");
        }
    }
    for record in &records[1..] {
        assert_eq!(record.len(), width + 2, "the header's columns, then the row and its reasons: {record:?}");
        let row: usize = record[width].parse().expect("the source row");
        let fields: Vec<&str> = input_lines[row - 1].split(';').collect();
        if fields.len() == width && !input_lines[row - 1].contains('"') {
            for (j, (got, was)) in record[..width].iter().zip(&fields).enumerate() {
                let identifier = j == 2 || j == 3;
                assert!(got == was || (identifier && got == "[masked]"), "row {row}, column {j}: {got} for {was}");
            }
        } else {
            // Another width: the row's text in the first column, never shifted into the others.
            assert!(record[1..width].iter().all(String::is_empty), "row {row}: {record:?}");
        }
    }
    assert_eq!(records.len() as u64 - 1, rejected);
    let shown = tmp.path().join("shown.csv");
    let run = peps(&["validate", &file, "--rejects", &shown.display().to_string(), "--show-identifiers"]);
    assert_eq!(run.code, 1);
    let shown = std::fs::read_to_string(&shown).unwrap();
    assert!(shown.contains("295098852590923"), "--show-identifiers writes them: {shown}");
    std::fs::remove_file(tmp.path().join("shown.csv")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&rejects).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the rejects file may hold identifiers (with --show-identifiers): owner only");
    }
    let again = peps(&["validate", &file, "--rejects", &rejects_arg]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("rejets.csv already exists; pass --force to replace it"), "{}", again.stderr);
    let over_input = peps(&["validate", &file, "--rejects", &file, "--force"]);
    assert_eq!(over_input.code, 2, "the checked file is never written over");
    assert!(over_input.stderr.contains("is an input of this run"), "{}", over_input.stderr);
    std::fs::write(&rejects, "old").unwrap();
    let forced = peps(&["validate", &file, "--rejects", &rejects_arg, "--force"]);
    assert_eq!(forced.code, 1);
    assert_eq!(std::fs::read_to_string(&rejects).unwrap(), written);
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().filter(|e| e.file_name() != "rejets.csv").collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn identifiers_are_masked_unless_asked() {
    let wrong_key = "295098852590923";
    for format in ["table", "json"] {
        let (masked, _) = run_case("checksum", &["--format", format]);
        assert!(!masked.stdout.contains(wrong_key) && !masked.stdout.contains("2950988525909"), "{}", masked.stdout);
        assert!(masked.stdout.contains("[masked: 15 characters]"));
        let (shown, _) = run_case("checksum", &["--format", format, "--show-identifiers"]);
        assert!(shown.stdout.contains(wrong_key), "{}", shown.stdout);
    }
}

#[test]
fn the_norm_is_told_by_the_header_when_the_name_does_not() {
    let run = peps(&["validate", "examples/msp/patients.csv", "examples/msp/annexe2.csv", "examples/msp/ik_2024.csv"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    for norm in ["norm patients v1", "norm annexe2 v1", "norm ik v1"] {
        assert!(run.stdout.contains(norm), "{norm}:\n{}", run.stdout);
    }
}

#[test]
fn a_new_field_value_is_a_data_edit() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.path().join("files")).unwrap();
    let file = "files/A51_PEPS_16_ACTNOM_20250101_20250331.csv";
    let text = std::fs::read_to_string(corpus().join("clean/A51_PEPS_16_ACTNOM_20250101_20250331.csv")).unwrap();
    std::fs::write(sandbox.path().join(file), text.replace(";1;C;30,00;", ";1;V;30,00;")).unwrap();
    let args = ["validate", "--rules", "rules", "--norms", "norms", file];
    assert_eq!(sandbox.peps(&args).code, 1, "V is not a place yet");
    sandbox.edit("norms/actnom/v1.toml", "values = [\"C\", \"D\", \"T\"]", "values = [\"C\", \"D\", \"T\", \"V\"]");
    let run = sandbox.peps(&args);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_windows_1252_norm_reads_accented_text() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.path().join("files")).unwrap();
    let file = "files/A51_PEPS_16_ACTNOU_20250101_20250331.csv";
    let text = std::fs::read_to_string(corpus().join("clean_actnou/A51_PEPS_16_ACTNOU_20250101_20250331.csv")).unwrap();
    let latin: Vec<u8> = text.chars().map(|c| u8::try_from(u32::from(c)).expect("latin-1 text")).collect();
    std::fs::write(sandbox.path().join(file), latin).unwrap();
    let args = ["validate", "--rules", "rules", "--norms", "norms", file];
    let utf8 = sandbox.peps(&args);
    assert_eq!(utf8.code, 1, "the norm says UTF-8: {}", utf8.stdout);
    assert!(utf8.stdout.contains("V402 file-encoding"));
    sandbox.edit("norms/actnou/v1.toml", "encoding = \"utf-8\"", "encoding = \"windows-1252\"");
    let run = sandbox.peps(&args);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_broken_norm_is_a_usage_error_not_a_finding() {
    let sandbox = Sandbox::new();
    sandbox.edit("norms/actnom/v1.toml", "required_if = \"CODE_PRESTATION == 'IK'\"", "required_if = \"CODE_PRESTATIO == 'IK'\"");
    let file = repo().join(case_file("clean")).display().to_string();
    let run = sandbox.peps(&["validate", "--rules", "rules", "--norms", "norms", &file]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("`CODE_PRESTATIO` is not a column of norm `actnom` (did you mean `CODE_PRESTATION`?)"), "{}", run.stderr);
}

/// Every data file of every example, each in its own run so that a failure names it.
fn example_files() -> Vec<String> {
    let mut files = Vec::new();
    for case in std::fs::read_dir(repo().join("examples")).expect("examples").flatten().filter(|e| e.path().is_dir()) {
        for f in std::fs::read_dir(case.path()).expect("case").flatten() {
            if f.path().extension().is_some_and(|e| e == "csv") {
                files.push(format!("examples/{}/{}", case.file_name().to_string_lossy(), f.file_name().to_string_lossy()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_example_file_passes_with_warnings_at_most() {
    let files = example_files();
    assert!(files.len() >= 12, "{files:?}");
    for file in &files {
        let run = peps(&["validate", file]);
        assert_eq!(run.code, 0, "{file}:\n{}{}", run.stdout, run.stderr);
        assert!(run.stdout.contains(": clean"), "{file}:\n{}", run.stdout);
    }
    // The ECG of the examples is billable outside annexe 1: a warning worded as compute classes it.
    let run = peps(&["validate", "examples/msp/A51_PEPS_16_ACTNOM_20250101_20251231.csv"]);
    assert!(run.stdout.contains("V431 value-outside-list"), "{}", run.stdout);
    assert!(run.stdout.contains("CODE_PRESTATION = \"DEQP003\": not in list `prestations`"), "{}", run.stdout);
    assert!(run.stdout.contains("facturé à l'acte, non substitué"), "{}", run.stdout);
}

#[test]
fn a_code_of_no_nomenclature_is_an_error() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let name = "A51_PEPS_16_ACTNOM_20250101_20251231.csv";
    let text = std::fs::read_to_string(repo().join("examples/msp").join(name)).expect("example");
    let first_g = text.lines().position(|l| l.contains(";G;")).expect("a G act");
    let changed: Vec<String> =
        text.lines().enumerate().map(|(i, l)| if i == first_g { l.replace(";G;", ";ZZZ;") } else { l.to_string() }).collect();
    let file = tmp.path().join(name);
    std::fs::write(&file, changed.join("\n") + "\n").expect("write");
    let run = peps(&["validate", &file.display().to_string()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!("row {}, CODE_PRESTATION = \"ZZZ\": not in catalogue `nomenclature`", first_g + 1)),
        "{}",
        run.stdout
    );
}

#[test]
fn the_rulebook_names_the_lists_a_norm_is_checked_against() {
    let sandbox = Sandbox::new();
    sandbox.edit(
        "rules/2025/rulebook.toml",
        "codes = { CODE_PRESTATION = { catalogue = \"nomenclature\", list = \"prestations\"",
        "codes = { CODE_PRESTATIO = { catalogue = \"nomenclatur\", list = \"prestations\"",
    );
    let run = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("norm `actnom` v1 has no field `CODE_PRESTATIO`"), "{}", run.stderr);
    assert!(run.stderr.contains("help: did you mean `CODE_PRESTATION`?"), "{}", run.stderr);
    assert!(run.stderr.contains("no list `nomenclatur` in the rulebook"), "{}", run.stderr);
    assert!(run.stderr.contains("rules/2025/rulebook.toml:"), "located in the rulebook: {}", run.stderr);
    // Every code the rulebook lists must exist in its catalogue.
    let sandbox = Sandbox::new();
    sandbox.edit("rules/2025/nomenclature.toml", "code = \"AMX\"", "code = \"AMY\"");
    let run = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("code `AMX` of list `prestations` is not in catalogue `nomenclature`"), "{}", run.stderr);
}

#[test]
fn a_patient_whose_sex_or_birth_contradicts_the_nir_is_reported() {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("examples/msp/patients.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    // Row 2 is a man born in April 1991 (NIR 1 91 04 …): make him a woman, then born in May.
    assert!(lines[1].starts_with("191047430271776;16/04/1991;M;"), "{}", lines[1]);
    lines[1] = lines[1].replacen(";M;", ";F;", 1);
    lines[2] = lines[2].replacen(&lines[2].split(';').nth(1).unwrap().to_string(), "02/06/1964", 1);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let run = sandbox.peps(&["validate", "--rules", "rules", "--norms", "norms", "--year", "2025", "examples/msp/patients.csv"]);
    assert_eq!(run.code, 0, "warnings only: {}", run.stdout);
    assert!(run.stdout.contains("V432 field-mismatch: 2 warnings"), "{}", run.stdout);
    assert!(run.stdout.contains("row 2, NIR_PATIENT: Le sexe du NIR (1er chiffre : 1 homme, 2 femme) contredit SEXE"), "{}", run.stdout);
    assert!(run.stdout.contains("row 3, NIR_PATIENT: L'année ou le mois de naissance du NIR"), "{}", run.stdout);
    // compute reads the file the same way: the same warnings, and the case is computed.
    let compute = sandbox.peps(&["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", "examples/msp"]);
    assert_eq!(compute.code, 0, "{}", compute.stderr);
    assert!(compute.stderr.contains("warning[V432 field-mismatch]"), "{}", compute.stderr);
    assert!(!compute.stderr.contains("191047430271776"), "identifiers are masked: {}", compute.stderr);
}

#[test]
fn an_act_of_a_professional_absent_from_annexe_2_at_its_date_is_reported() {
    let sandbox = Sandbox::new();
    // The first GP of the team leaves on 31/01/2025; his later acts are out of annexe 2.
    let annexe2 = sandbox.path().join("examples/msp/annexe2.csv");
    let text = std::fs::read_to_string(&annexe2).unwrap();
    let first = text.lines().nth(1).unwrap().to_string();
    let rpps = first.split(';').next().unwrap().to_string();
    assert!(first.ends_with(';'), "no leaving date: {first}");
    std::fs::write(&annexe2, text.replacen(&first, &format!("{first}31/01/2025"), 1)).unwrap();
    let acts = "examples/msp/A51_PEPS_16_ACTNOM_20250101_20251231.csv";
    let late = std::fs::read_to_string(sandbox.path().join(acts))
        .unwrap()
        .lines()
        .filter(|l| l.split(';').nth(1) == Some(&rpps) && l.split(';').nth(5).is_some_and(|d| !d.ends_with("/01/2025")))
        .count();
    assert!(late > 0);
    // Given alone, the act file is not checked against annexe 2; given with it, it is.
    let alone = sandbox.peps(&["validate", "--rules", "rules", "--norms", "norms", acts]);
    assert!(!alone.stdout.contains("annexe 2"), "{}", alone.stdout);
    let both =
        sandbox.peps(&["validate", "--rules", "rules", "--norms", "norms", acts, "examples/msp/annexe2.csv", "examples/msp/patients.csv"]);
    assert_eq!(both.code, 0, "{}", both.stdout);
    assert!(
        both.stdout.find("annexe2.csv: clean").unwrap() < both.stdout.find("ACTNOM_20250101_20251231.csv: clean").unwrap(),
        "the file referred to is read first: {}",
        both.stdout
    );
    assert!(
        both.stdout
            .contains("Professionnel de l'acte absent de l'annexe 2 à la date de l'acte: no row of `annexe2` has this NUM_PS valid on"),
        "{}",
        both.stdout
    );
    let on_staff = |sandbox: &Sandbox| {
        let run = sandbox.peps(&["validate", "--rules", "rules", "--norms", "norms", "--format", "json", "examples/msp"]);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let acts = json["files"].as_array().unwrap().iter().find(|f| f["norm"] == "actnom").unwrap().clone();
        acts["problems"].as_array().unwrap().iter().filter(|p| p["code"] == "V433" && p["field"] == "NUM_PS").count()
    };
    // The example already has a professional who left: the leaving GP adds his later acts.
    assert_eq!(on_staff(&sandbox), on_staff(&Sandbox::new()) + late, "a folder is its files, read together");
}

#[test]
fn a_link_to_a_field_the_other_norm_lacks_is_an_error_of_the_rules() {
    let sandbox = Sandbox::new();
    sandbox.edit("norms/actnom/v1.toml", "keys = [\"RPPS\"]", "keys = [\"RPP\"]");
    let run = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("norm `annexe2` has no field `RPP`"), "{}", run.stderr);
    let sandbox = Sandbox::new();
    sandbox.edit("norms/patients/v1.toml", "when = \"substr(NIR_PATIENT, 1, 1)", "when = \"substr(NIR_PATIEN, 1, 1)");
    let run = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("`NIR_PATIEN` is not a column of norm `patients` (did you mean `NIR_PATIENT`?)"), "{}", run.stderr);
}

#[test]
fn a_badly_named_file_gets_v400_with_the_pattern_not_a_missing_year() {
    let run = peps(&["validate", "tests/data/validate/file_name/ACTNOM_T1_2025.csv"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("V400 file-name: 1 error"), "{}", run.stdout);
    assert!(run.stdout.contains("the file name does not follow the pattern `A51_PEPS_16_ACTNOM_{start}_{end}.csv`"), "{}", run.stdout);
    assert!(!run.stderr.contains("error:"), "the file is checked, not refused: {}", run.stderr);
    assert!(run.stderr.contains("its codes are not checked against a year's lists"), "{}", run.stderr);
    // A file whose norm cannot be told at all is told the names the norms expect.
    let tmp = tempfile::tempdir().unwrap();
    let odd = tmp.path().join("export.csv");
    std::fs::write(&odd, "A;B;C\n1;2;3\n").unwrap();
    let run = peps(&["validate", &odd.display().to_string()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("A51_PEPS_16_ACTNOM_{start}_{end}.csv (actnom)"), "{}", run.stderr);
}
