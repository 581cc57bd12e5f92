//! Robustness: hostile data files, broken case folders and runaway formulas end with a coded,
//! located diagnostic and the documented exit code — never a panic, a hang or unbounded memory.
//! The fuzz corpus and its crash regressions are replayed through the fuzz targets, so CI
//! exercises them without a fuzzer (docs/fuzzing.md).

use std::path::{Path, PathBuf};

use peps_engine::fuzz::{self, Fixture};

use crate::snap;
use crate::util::{Run, Sandbox, repo};

const CASE: &str = "examples/msp";
const PATIENTS: &str = "examples/msp/patients.csv";

/// `peps compute` on the sandbox's copy of the `msp` example, with `extra` flags.
fn compute(sandbox: &Sandbox, extra: &[&str]) -> Run {
    let mut args = vec!["compute", "--year", "2025", "--rules", "rules", "--norms", "norms"];
    args.extend_from_slice(extra);
    args.push(CASE);
    sandbox.peps(&args)
}

/// Checks how a run ended: its exit code, the diagnostic code it must show (`""` for none), no
/// panic, and nothing computed when the inputs could not be read or break their norm.
fn expect(run: &Run, code: &str, exit: i32, what: &str) {
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(!all.contains("panicked") && !all.contains("RUST_BACKTRACE"), "{what}: peps panicked:\n{}", run.stderr);
    assert_eq!(run.code, exit, "{what}: exit code\n{}", run.stderr);
    if code.is_empty() {
        assert!(!run.stderr.contains("error["), "{what}: unexpected error\n{}", run.stderr);
    } else {
        assert!(run.stderr.contains(&format!("[{code} ")), "{what}: no {code} in\n{}", run.stderr);
    }
    if exit != 0 && (code.starts_with('D') || code.starts_with('V')) {
        assert!(run.stdout.is_empty(), "{what}: a failed run prints no result\n{}", run.stdout);
    }
}

/// The lines of the example's patient list: the header, then rows.
fn patient_lines() -> Vec<String> {
    let text = std::fs::read_to_string(repo().join(PATIENTS)).expect("example patients");
    text.lines().take(5).map(str::to_string).collect()
}

/// A committed hostile file with its placeholders (`{header}`, `{row1}`…, `{row2_half}`) filled
/// from the example's patient list, so the files never go stale when the examples change.
fn fill(template: &[u8]) -> Vec<u8> {
    let lines = patient_lines();
    let mut out = template.to_vec();
    let half = &lines[2][..lines[2].len() / 2];
    let pairs =
        [("{header}", lines[0].as_str()), ("{row1}", &lines[1]), ("{row2_half}", half), ("{row2}", &lines[2]), ("{row3}", &lines[3])];
    for (from, to) in pairs {
        out = replace(&out, from.as_bytes(), to.as_bytes());
    }
    out
}

fn replace(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

/// Each committed hostile patient list, the code it must produce and the exit code.
/// A case's files are read through the validator of `peps validate`: its codes (V4xx) and its
/// verdicts, and D codes for what only the case reader meets (a NUL byte, mixed line endings).
const HOSTILE: &[(&str, &str, i32)] = &[
    ("empty.csv", "V405", 1),
    ("blank_lines_only.csv", "V406", 1),
    ("header_only.csv", "V428", 0),
    ("nul_bytes.csv", "V430", 1),
    ("invalid_utf8.csv", "V402", 1),
    // A lone carriage return joins two rows into one of the wrong width, as `validate` reads it.
    ("mixed_line_endings.csv", "D221", 1),
    ("truncated_last_line.csv", "V412", 1),
    ("unclosed_quote.csv", "V413", 1),
    ("wide_row.csv", "V412", 1),
    ("wrong_header.csv", "V407", 1),
    ("ok_control.csv", "", 0),
];

#[test]
fn every_hostile_file_gets_its_code_and_exit_code() {
    let dir = repo().join("tests/data/hostile");
    let mut listed: Vec<&str> = HOSTILE.iter().map(|(f, _, _)| *f).collect();
    listed.sort_unstable();
    let mut present: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/data/hostile")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    present.sort_unstable();
    assert_eq!(present, listed, "every file of tests/data/hostile has an expectation here, and only those");
    for &(file, code, exit) in HOSTILE {
        let sandbox = Sandbox::new();
        let bytes = fill(&std::fs::read(dir.join(file)).expect("hostile file"));
        std::fs::write(sandbox.path().join(PATIENTS), bytes).expect("write");
        let run = compute(&sandbox, &[]);
        expect(&run, code, exit, file);
        let stem = file.trim_end_matches(".csv");
        snap!(format!("robustness_{stem}"), sandbox.redact(&run.stderr));
    }
}

#[test]
fn validate_answers_every_hostile_file_without_panicking() {
    let lines = patient_lines();
    let dir = repo().join("tests/data/hostile");
    let mut files: Vec<(String, Vec<u8>)> =
        HOSTILE.iter().map(|(f, _, _)| (f.to_string(), fill(&std::fs::read(dir.join(f)).expect("hostile file")))).collect();
    let mut long = format!("{}\n", lines[0]).into_bytes();
    long.extend(std::iter::repeat_n(b'7', 10 << 20));
    files.push(("ten_mb_line.csv".into(), long));
    files.push(("million_columns.csv".into(), format!("{}{}\n{}\n", lines[0], ";".repeat(1_000_000), lines[1]).into_bytes()));
    let sandbox = Sandbox::new();
    for (name, bytes) in files {
        let path = sandbox.path().join(&name);
        std::fs::write(&path, bytes).expect("write");
        let run = sandbox.peps(&["validate", "--norm", "patients", "--year", "2025", &name]);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(!all.contains("panicked") && !all.contains("RUST_BACKTRACE"), "{name}: peps validate panicked:\n{}", run.stderr);
        assert!((0..=2).contains(&run.code), "{name}: exit code {}", run.code);
        assert!(!all.trim().is_empty(), "{name}: validate says something");
    }
}

/// Replaces the example's patient list by `bytes` and runs `compute`.
fn with_patients(bytes: &[u8]) -> (Sandbox, Run) {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path().join(PATIENTS), bytes).expect("write");
    let run = compute(&sandbox, &[]);
    (sandbox, run)
}

#[test]
fn a_ten_megabyte_line_stops_at_the_line_limit() {
    let lines = patient_lines();
    let mut bytes = format!("{}\n{}\n", lines[0], lines[1]).into_bytes();
    bytes.extend(std::iter::repeat_n(b'7', 10 << 20));
    bytes.push(b'\n');
    let (_, run) = with_patients(&bytes);
    expect(&run, "D216", 1, "10 MB line");
    assert!(run.stderr.contains("line 3 is longer than 1048576 bytes"), "{}", run.stderr);
}

#[test]
fn a_million_columns_are_counted_in_a_header_and_in_a_row() {
    let lines = patient_lines();
    let wide = ";".repeat(1_000_000);
    let (_, run) = with_patients(format!("{}{wide}\n{}\n", lines[0], lines[1]).as_bytes());
    expect(&run, "V408", 1, "a million columns in the header");
    assert!(run.stderr.contains("999995 more unknown-column problems in this file are not shown (1000000 in all)"), "{}", run.stderr);
    assert!(run.stderr.matches("error[").count() < 10, "a few examples and a count:\n{}", run.stderr);
    let (_, run) = with_patients(format!("{}\n{}{wide}\n", lines[0], lines[1]).as_bytes());
    expect(&run, "V412", 1, "a million columns in a row");
    assert!(run.stderr.contains("1000013 fields, the header has 13"), "{}", run.stderr);
    assert_eq!(run.stderr.matches("error[").count(), 1, "one diagnostic for one wide row:\n{}", run.stderr);
}

#[test]
fn a_utf16_export_is_named_as_such() {
    let lines = patient_lines();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in format!("{}\n{}\n", lines[0], lines[1]).encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let (_, run) = with_patients(&bytes);
    expect(&run, "V402", 1, "UTF-16");
    assert!(run.stderr.contains("the file is in UTF-16"), "{}", run.stderr);
}

#[test]
fn a_folder_or_a_pipe_instead_of_a_data_file_is_an_io_error() {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join(PATIENTS);
    std::fs::remove_file(&path).expect("rm");
    std::fs::create_dir(&path).expect("mkdir");
    let run = compute(&sandbox, &[]);
    expect(&run, "D210", 2, "a folder");
    assert!(run.stderr.contains("it is a folder, not a file"), "{}", run.stderr);
    #[cfg(unix)]
    {
        std::fs::remove_dir(&path).expect("rmdir");
        let made = std::process::Command::new("mkfifo").arg(&path).status().expect("mkfifo");
        assert!(made.success());
        // A pipe nobody writes to would block a reader forever: it is refused before opening.
        let run = compute(&sandbox, &[]);
        expect(&run, "D210", 2, "a named pipe");
        assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_data_file_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let path = sandbox.path().join(PATIENTS);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // The superuser reads a file whatever its mode: then the run must simply succeed.
    let readable = std::fs::File::open(&path).is_ok();
    let run = compute(&sandbox, &[]);
    if readable {
        expect(&run, "", 0, "a mode-000 file read by the superuser");
    } else {
        expect(&run, "D210", 2, "a mode-000 file");
        assert!(run.stderr.contains("permission denied"), "{}", run.stderr);
    }
}

#[test]
fn data_paths_stay_inside_the_case_folder() {
    for (path, code, exit) in [("../malakoff/patients.csv", "D220", 1), ("/etc/passwd", "D220", 1), ("./patients.csv", "", 0)] {
        let sandbox = Sandbox::new();
        sandbox.edit("examples/msp/team.toml", "patients = \"patients.csv\"", &format!("patients = \"{path}\""));
        expect(&compute(&sandbox, &[]), code, exit, path);
    }
    let sandbox = Sandbox::new();
    sandbox.edit("examples/msp/team.toml", "patients = \"patients.csv\"", "patients = \"../malakoff/patients.csv\"");
    expect(&compute(&sandbox, &["--allow-outside-paths"]), "", 0, "an outside path allowed by the flag");
    let sandbox = Sandbox::new();
    sandbox.edit("examples/msp/team.toml", "patients = \"patients.csv\"", "patients = \"../../x.csv\"");
    snap!("robustness_path_escape", sandbox.redact(&compute(&sandbox, &[]).stderr));
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_case_folder_is_refused() {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join(PATIENTS);
    std::fs::remove_file(&path).expect("rm");
    std::os::unix::fs::symlink("/dev/zero", &path).expect("symlink");
    let run = compute(&sandbox, &[]);
    expect(&run, "D220", 1, "a link to /dev/zero");
    assert!(run.stderr.contains("leads outside the case folder through a symbolic link"), "{}", run.stderr);
    // Allowed out, /dev/zero is still not read: it is not a regular file and would never end.
    let run = compute(&sandbox, &["--allow-outside-paths"]);
    expect(&run, "D210", 2, "/dev/zero allowed out");
    let inside = sandbox.path().join("examples/msp/copy.csv");
    std::fs::copy(repo().join(PATIENTS), &inside).expect("copy");
    std::fs::remove_file(&path).expect("rm");
    std::os::unix::fs::symlink("copy.csv", &path).expect("symlink");
    expect(&compute(&sandbox, &[]), "", 0, "a link that stays inside");
}

#[test]
fn a_broken_case_description_is_coded() {
    let team = "examples/msp/team.toml";
    let sandbox = Sandbox::new();
    let path = sandbox.path().join(team);
    std::fs::remove_file(&path).expect("rm");
    std::fs::create_dir(&path).expect("mkdir");
    expect(&compute(&sandbox, &[]), "D200", 2, "team.toml is a folder");

    let sandbox = Sandbox::new();
    let mut big = std::fs::read_to_string(repo().join("examples/msp/team.toml")).expect("team.toml");
    big.push_str(&format!("# {}\n", "x".repeat(2 << 20)));
    std::fs::write(sandbox.path().join(team), big).expect("write");
    let run = compute(&sandbox, &[]);
    expect(&run, "D200", 2, "a 2 MB team.toml");
    assert!(run.stderr.contains("is larger than 1048576 bytes"), "{}", run.stderr);

    let sandbox = Sandbox::new();
    sandbox.edit(team, "\nnom = \"", "\nnom = \"\u{1}");
    let mut bytes = std::fs::read(sandbox.path().join(team)).expect("read");
    let at = bytes.iter().position(|&b| b == 1).expect("marker");
    bytes[at] = 0xE9;
    std::fs::write(sandbox.path().join(team), bytes).expect("write");
    let run = compute(&sandbox, &[]);
    expect(&run, "D200", 2, "team.toml in Latin-1");
    assert!(run.stderr.contains("is not valid UTF-8 (line"), "{}", run.stderr);

    let sandbox = Sandbox::new();
    sandbox.append(team, &format!("\n[x]\ny = {}{}\n", "[".repeat(100_000), "]".repeat(100_000)));
    expect(&compute(&sandbox, &[]), "D200", 1, "arrays nested 100 000 deep");
}

/// Inserts `body` at the start of function `function` of the 2025 script.
fn with_formula(function: &str, body: &str) -> Sandbox {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("rules/2025/formules.rhai");
    let text = std::fs::read_to_string(&path).expect("script");
    let start = text.find(&format!("fn {function}(")).unwrap_or_else(|| panic!("no fn {function}"));
    let open = start + text[start..].find('{').expect("body");
    std::fs::write(&path, format!("{}{body}\n{}", &text[..=open], &text[open + 1..])).expect("write");
    sandbox
}

#[test]
fn runaway_formulas_stop_on_their_budget_naming_the_step() {
    for (what, body) in [
        ("an endless loop", "loop { }"),
        ("deep recursion", "fn_rec(1);"),
        ("a huge string", "let s = \"ab\"; loop { s += s; }"),
        ("a huge array", "let a = [1]; loop { a += a; }"),
    ] {
        let sandbox = with_formula("taux_bonus", body);
        if body.starts_with("fn_rec") {
            sandbox.append("rules/2025/formules.rhai", "\nfn fn_rec(n) { fn_rec(n + 1) }\n");
        }
        let run = compute(&sandbox, &[]);
        expect(&run, "X301", 1, what);
        assert!(
            names_step_file_and_line(&run.stderr, "taux_bonus", "rules/2025/etapes.toml"),
            "{what}: the message names the step, file and line:\n{}",
            run.stderr
        );
    }
}

#[test]
fn a_formula_cannot_sleep_or_read_the_clock() {
    for (call, name) in [("sleep(1000000);", "sleep"), ("let t = timestamp();", "timestamp")] {
        let run = compute(&with_formula("taux_bonus", call), &[]);
        expect(&run, "X300", 1, call);
        assert!(run.stderr.contains(&format!("`{name}` is not available in formulas")), "{}", run.stderr);
    }
}

#[test]
fn a_formula_file_holds_only_functions_and_never_imports() {
    // Issue 23: `loop { }` at the top of a formula file never runs, and `rules check` said all
    // was valid; `import` inside a function failed only when a case ran. Both fail at load now,
    // located, whatever the year's functions are.
    for (what, text, code, line) in [
        ("a loop at the top", "\nloop { }\n", "R125", 2),
        ("a constant at the top", "\nconst TAUX = 0.5;\n", "R125", 2),
        ("a let at the top", "\nlet x = 1;\n", "R125", 2),
        ("an import in a function", "\nfn importe() {\n    import \"m\" as m;\n    1\n}\n", "R126", 3),
    ] {
        let sandbox = Sandbox::new();
        let path = sandbox.path().join("rules/2025/formules.rhai");
        let lines = std::fs::read_to_string(&path).expect("formulas").lines().count();
        sandbox.append("rules/2025/formules.rhai", text);
        let run = sandbox.peps(&["rules", "check", "2025", "--rules", "rules", "--norms", "norms"]);
        assert_eq!(run.code, 1, "{what}: rules check fails\n{}", run.stderr);
        assert!(run.stderr.contains(&format!("error[{code} ")), "{what}: {code}\n{}", run.stderr);
        let at = format!("rules/2025/formules.rhai:{}:", lines + line);
        assert!(run.stderr.contains(&at), "{what}: located at {at}\n{}", run.stderr);
    }
}

/// Where the fuzz corpus and its regressions live.
fn fuzz_dirs(target: &str) -> Vec<PathBuf> {
    ["fuzz/corpus", "fuzz/regressions"].iter().map(|d| repo().join(d).join(target)).collect()
}

fn inputs_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("fuzz input")))
        .collect();
    out.sort();
    out
}

#[test]
fn the_fuzz_corpus_and_crash_regressions_replay_cleanly() {
    let fixture = Fixture::load(&repo().join("rules/2025"), &repo().join("norms"), Some(&repo().join(CASE)))
        .unwrap_or_else(|d| panic!("the fuzz fixture must load: {d:#?}"));
    let scratch = tempfile::tempdir().expect("the case target's scratch folder");
    type Target<'a> = &'a dyn Fn(&[u8]) -> usize;
    let targets: [(&str, Target); 8] = [
        ("rulebook", &|d| fuzz::rulebook(&fixture, d)),
        ("case", &|d| fuzz::case(&fixture, scratch.path(), d)),
        ("norm", &|d| fuzz::norm(&fixture, d)),
        ("dataset", &|d| fuzz::dataset(&fixture, d)),
        ("validate", &|d| fuzz::validate(&fixture, d)),
        ("file_name", &|d| fuzz::file_name(&fixture, d)),
        ("rejects", &|d| fuzz::rejects(&fixture, d)),
        ("formula", &|d| fuzz::formula(d)),
    ];
    let mut entries: Vec<String> = std::fs::read_dir(repo().join("fuzz/fuzz_targets"))
        .expect("fuzz/fuzz_targets")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    entries.sort();
    let mut names: Vec<&str> = targets.iter().map(|(t, _)| *t).collect();
    names.sort_unstable();
    assert_eq!(entries, names, "every fuzz target is replayed here");
    for (target, run) in targets {
        let dirs = fuzz_dirs(target);
        assert!(repo().join(format!("fuzz/fuzz_targets/{target}.rs")).is_file(), "fuzz target `{target}` has its libFuzzer entry");
        let corpus = inputs_of(&dirs[0]);
        assert!(!corpus.is_empty(), "fuzz/corpus/{target} holds the seeds of the target");
        for (name, bytes) in corpus.iter().chain(&inputs_of(&dirs[1])) {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(bytes)));
            assert!(result.is_ok(), "fuzz target `{target}` panicked on {name}");
        }
    }
}

/// Whether `text` says "step `name` in <file>:<line> exceeded its budget".
fn names_step_file_and_line(text: &str, step: &str, file: &str) -> bool {
    let head = format!("step `{step}` in {file}:");
    text.match_indices(&head).any(|(i, _)| {
        let rest = &text[i + head.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && rest[digits..].starts_with(" exceeded its budget")
    })
}

/// The example's file `file` with field `column` (by its header name) of its first row set to
/// `value`.
fn with_first_row_value(sandbox: &Sandbox, file: &str, column: &str, value: &str) {
    let path = sandbox.path().join(file);
    let text = std::fs::read_to_string(&path).expect("example file");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let k = lines[0].split(';').position(|c| c == column).unwrap_or_else(|| panic!("no column {column} in {file}"));
    let mut fields: Vec<&str> = lines[1].split(';').collect();
    fields[k] = value;
    lines[1] = fields.join(";");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
}

#[test]
fn a_value_near_the_largest_decimal_is_refused_with_a_coded_error_never_a_panic() {
    // Issue 23: these values passed `validate`, and rounding them to the cent panicked ("Division
    // overflowed", exit 101). Now the norms bound every number (V424), and no number past
    // `MAX_NUMBER` is read whatever the norm says (V438): such a value never reaches the
    // evaluation, whose arithmetic is checked besides (X303, `a_parameter_of_ten_to_…`).
    for (file, column, value) in [
        ("examples/msp/ik_2024.csv", "KM", "79228162514264337593543950335"),
        (PATIENTS, "CONSO_EQUIPE", "7900000000000000000000000000"),
        (PATIENTS, "CONSO_TOTALE", "7900000000000000000000000000"),
    ] {
        let sandbox = Sandbox::new();
        with_first_row_value(&sandbox, file, column, value);
        let run = compute(&sandbox, &[]);
        let what = format!("{column} = {value}");
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(!all.contains("panicked") && !all.contains("RUST_BACKTRACE"), "{what}: peps panicked:\n{}", run.stderr);
        assert_eq!(run.code, 1, "{what}: exit code\n{}", run.stderr);
        assert!(["[V424 ", "[V438 "].iter().any(|c| run.stderr.contains(c)), "{what}: refused where it is read\n{}", run.stderr);
        assert!(run.stderr.contains(column), "{what}: the column is named\n{}", run.stderr);
        assert!(run.stdout.is_empty(), "{what}: a refused case prints no result\n{}", run.stdout);
    }
}

#[test]
fn a_parameter_of_ten_to_the_twenty_fourth_never_panics() {
    // Issue 23: `rules check` accepts a parameter of 10²⁴, and several made `compute` panic. Each
    // number parameter of the year in turn: the run gives a result, or refuses with a code.
    let sandbox = Sandbox::new();
    let file = sandbox.path().join("rules/2025/parametres.toml");
    let original = std::fs::read_to_string(&file).expect("parameters");
    let doc: toml::Table = toml::from_str(&original).expect("TOML");
    let numbers: Vec<&String> = doc
        .iter()
        .filter(|(_, p)| p.get("value").is_some_and(|v| v.is_integer() || v.as_str().is_some_and(|s| s.parse::<f64>().is_ok())))
        .map(|(name, _)| name)
        .collect();
    assert!(numbers.len() > 5, "the year has number parameters");
    let mut refused = 0;
    for name in numbers {
        std::fs::write(&file, &original).expect("restore");
        sandbox.set_key("rules/2025/parametres.toml", name, "value", "\"1000000000000000000000000\"");
        let run = compute(&sandbox, &[]);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(!all.contains("panicked"), "{name} = 10²⁴: peps panicked:\n{}", run.stderr);
        assert!(run.code == 0 || run.code == 1, "{name} = 10²⁴: exit code {}\n{}", run.code, run.stderr);
        if run.code == 1 {
            assert!(run.stderr.contains("error["), "{name} = 10²⁴: a refusal has a code\n{}", run.stderr);
            refused += 1;
        }
    }
    assert!(refused > 0, "some parameter of 10²⁴ overflows the evaluation");
}

#[test]
fn every_value_of_a_case_pushed_to_its_extremes_never_panics() {
    // Issue 23: one value near the largest decimal panicked a whole run. Through the fuzz target
    // `case` (the case read, evaluated on both paths, which must agree, its schedule planned):
    // each field of the first row of each data file of the example, set to each extreme.
    let fixture = Fixture::load(&repo().join("rules/2025"), &repo().join("norms"), Some(&repo().join(CASE)))
        .unwrap_or_else(|d| panic!("the fuzz fixture must load: {d:#?}"));
    let scratch = tempfile::tempdir().expect("scratch folder");
    let extremes = [
        "79228162514264337593543950335",
        "-79228162514264337593543950335",
        "7922816251426433759354395033,5",
        "0,0000000000000000000000000001",
    ];
    let mut runs = 0;
    for (name, bytes) in &fixture.case_files {
        if !name.ends_with(".csv") {
            continue;
        }
        let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        let fields = header.split(|&b| b == b';').count();
        for field in 0..fields {
            for value in extremes {
                let mut input = name.as_bytes().to_vec();
                input.extend_from_slice(format!("\u{1}2\u{1}{field}\u{1}{value}").as_bytes());
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| fuzz::case(&fixture, scratch.path(), &input)));
                assert!(result.is_ok(), "{name}, field {field} = {value}: panicked");
                runs += 1;
            }
        }
    }
    assert!(runs > 50, "every field of every data file is tried");
}
