//! Privacy: patient identifiers (NIR) never reach a report, a trace or a message. Every command
//! runs on every example — and on a copy whose identifier fields are broken, so that they show up
//! in diagnostics — in every format, and its stdout and stderr are searched for a string shaped
//! like a NIR with a valid key. Only a rejects file keeps rows verbatim, and it is private.

use std::path::Path;

use crate::util::{Run, Sandbox, peps, repo};

/// Whether `s` (15 characters) is a NIR: sex 1/2, year, month, department (digits, 2A or 2B),
/// commune, order, and a key equal to 97 − (number mod 97), Corsica read as 19 (2A) or 18 (2B).
fn is_nir(s: &[u8]) -> bool {
    if s.len() != 15 || !matches!(s[0], b'1' | b'2') {
        return false;
    }
    let mut digits = [0u8; 13];
    digits.copy_from_slice(&s[..13]);
    match &digits[5..7] {
        b"2A" | b"2a" => digits[5..7].copy_from_slice(b"19"),
        b"2B" | b"2b" => digits[5..7].copy_from_slice(b"18"),
        _ => {}
    }
    if !digits.iter().chain(&s[13..]).all(u8::is_ascii_digit) {
        return false;
    }
    let number = digits.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
    let key = u64::from(s[13] - b'0') * 10 + u64::from(s[14] - b'0');
    key == 97 - number % 97
}

/// Every NIR in `text`: 15 characters not glued to other letters or digits (a hash is not read
/// as one), with a valid key.
fn nirs(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len().saturating_sub(14) {
        let before = i.checked_sub(1).map(|j| b[j]);
        let after = b.get(i + 15).copied();
        let glued = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if !glued(before) && !glued(after) && is_nir(&b[i..i + 15]) {
            out.push(text[i..i + 15].to_string());
        }
    }
    out
}

/// Asserts that neither output of `run` holds a NIR.
fn assert_no_nir(run: &Run, what: &str) {
    for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        let found = nirs(text);
        assert!(
            found.is_empty(),
            "{what}: {} NIR-shaped strings on {stream}, e.g. one at byte {}",
            found.len(),
            text.find(&found[0]).unwrap_or(0)
        );
    }
    assert!(!run.stderr.contains("panicked"), "{what}: panicked\n{}", run.stderr);
}

#[test]
fn the_detector_finds_the_examples_nirs_and_nothing_else() {
    let text = std::fs::read_to_string(repo().join("examples/msp/patients.csv")).expect("patients");
    let n_rows = text.lines().count() - 1;
    assert_eq!(nirs(&text).len(), n_rows, "one NIR per row of the example");
    assert_eq!(nirs("1 91047430271776 191047430271777 a191047430271776 1910474302717760"), Vec::<String>::new());
    assert_eq!(nirs("nir=191047430271776;"), vec!["191047430271776"]);
    assert!(!is_nir(b"2690299341732"));
}

fn csv_files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("case folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    v.sort();
    v
}

/// Every command of `peps --help` that reads a case or a data file, in every output format, on
/// the case folder `case` (relative to `root`).
fn runs_on_case(root: &Path, case: &str, years: (&str, &str)) -> Vec<(String, Vec<String>)> {
    let mut runs: Vec<Vec<String>> = Vec::new();
    let s = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    for format in ["table", "json", "csv", "html"] {
        runs.push(s(&["compute", "--year", years.1, "--format", format, case]));
    }
    for format in ["text", "json"] {
        runs.push(s(&["explain", "--year", years.1, "--format", format, case]));
        runs.push(s(&["explain", "--year", years.1, "--format", format, case, "patientele_peps"]));
    }
    for format in ["table", "json", "csv", "ics"] {
        runs.push(s(&["schedule", "--year", years.1, "--format", format, case]));
    }
    for format in ["table", "json"] {
        runs.push(s(&["impact", "--from", years.0, "--to", years.1, "--format", format, case]));
    }
    for file in csv_files(&root.join(case)) {
        for format in ["table", "json"] {
            let path = format!("{case}/{file}");
            runs.push(s(&["validate", "--format", format, "--max-examples", "1000", &path]));
        }
    }
    runs.into_iter().map(|args| (args.join(" "), args)).collect()
}

#[test]
fn no_output_of_any_command_on_the_examples_holds_a_nir() {
    let help = peps(&["--help"]).stdout;
    for command in ["compute", "docs", "explain", "impact", "rules", "schedule", "synth", "test", "validate"] {
        assert!(help.contains(&format!("  {command} ")), "`peps {command}` is gone: update this test");
    }
    for case in ["examples/malakoff", "examples/msp", "examples/ineligible"] {
        for (what, args) in runs_on_case(&repo(), case, ("2024", "2025")) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            assert_no_nir(&peps(&args), &what);
        }
    }
    for args in [&["rules", "check"][..], &["rules", "diff", "2024", "2025"], &["docs", "--year", "2025"], &["test"]] {
        assert_no_nir(&peps(args), &args.join(" "));
    }
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("case");
    let dir = dir.to_str().expect("utf-8 path");
    assert_no_nir(&peps(&["synth", "--profile", "small_msp", "--seed", "3", "--out", dir]), "synth");
    // `examples/` is itself a folder of cases: the multi-team run.
    for format in ["table", "json", "csv"] {
        assert_no_nir(&peps(&["compute", "--year", "2025", "--format", format, "examples"]), "compute over examples/");
    }
    let nation = out.path().join("nation");
    let nation = nation.to_str().expect("utf-8 path");
    assert_no_nir(&peps(&["synth", "--teams", "2", "--patients", "600", "--out", nation]), "synth --teams");
    assert_no_nir(&peps(&["compute", "--year", "2025", "--format", "json", nation]), "compute over a nation");
}

/// A copy of the `msp` example whose patient list has broken identifiers: a NIR with a wrong key,
/// a birth date that is not a date, and a valid NIR in a field that is not an identifier.
fn broken_identifiers() -> Sandbox {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("examples/msp/patients.csv");
    let text = std::fs::read_to_string(&path).expect("patients");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let nir = |line: &str| line[..15].to_string();
    let (n1, n2, n3) = (nir(&lines[1]), nir(&lines[2]), nir(&lines[4]));
    let wrong_key = format!("{}{:02}", &n1[..13], (n1[13..].parse::<u32>().expect("key") + 1) % 100);
    lines[1] = lines[1].replacen(&n1, &wrong_key, 1);
    let mut fields: Vec<String> = lines[2].split(';').map(str::to_string).collect();
    fields[1] = format!("{n2}X");
    lines[2] = fields.join(";");
    let mut fields: Vec<String> = lines[3].split(';').map(str::to_string).collect();
    fields[2] = n3.clone();
    fields[3] = n3;
    lines[3] = fields.join(";");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    sandbox
}

#[test]
fn broken_identifiers_are_masked_in_every_message() {
    let sandbox = broken_identifiers();
    let root = sandbox.path();
    let years = ("2025", "2025");
    let mut saw_problems = false;
    for (what, args) in runs_on_case(root, "examples/msp", years) {
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        if matches!(args[0], "compute" | "explain" | "impact" | "schedule") {
            args.splice(1..1, ["--rules", "rules", "--norms", "norms"]);
        }
        let run = sandbox.peps(&args);
        saw_problems |= run.code == 1 && run.stderr.contains("masked");
        assert_no_nir(&run, &what);
    }
    let run = sandbox.peps(&["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", "--format", "json", "examples"]);
    assert!(run.code == 1 && run.stderr.contains("masked"), "the multi-team run reports the broken team: {}", run.stderr);
    assert_no_nir(&run, "compute over examples/ with a broken team");
    assert!(saw_problems, "the broken rows were reported, with their identifiers masked");
}

#[cfg(unix)]
#[test]
fn a_rejects_file_masks_identifiers_unless_asked_and_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = broken_identifiers();
    let rejects = sandbox.path().join("rejects.csv");
    let run = sandbox.peps(&["validate", "--rejects", rejects.to_str().expect("utf-8"), "examples/msp/patients.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_no_nir(&run, "validate --rejects");
    let mode = std::fs::metadata(&rejects).expect("rejects file").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the rejects file is readable by its owner only");
    let kept = std::fs::read_to_string(&rejects).expect("rejects");
    assert!(nirs(&kept).is_empty(), "the rejects file holds no NIR by default: {kept}");
    assert!(kept.contains("[masked]"), "{kept}");
    let shown = sandbox.path().join("shown.csv");
    let run = sandbox.peps(&["validate", "--show-identifiers", "--rejects", shown.to_str().expect("utf-8"), "examples/msp/patients.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let shown = std::fs::read_to_string(&shown).expect("rejects");
    assert!(!nirs(&shown).is_empty(), "with --show-identifiers the rows keep their identifiers, to be fixed");
}

/// Every NIR-shaped run of `text`: 13 digits or more (a NIR of 15 characters, its key or a digit
/// missing), maybe joined by spaces, dots or dashes, a Corsican department (`2A`, `2B`) counted.
fn nir_shaped(text: &str) -> Vec<String> {
    let run = regex::Regex::new(r"[0-9](?:[ .\-/]*(?:[0-9]|(?:A|B)))+").expect("regex");
    run.find_iter(text).map(|m| m.as_str().to_string()).filter(|m| m.chars().filter(char::is_ascii_alphanumeric).count() >= 13).collect()
}

/// A copy of the `msp` example whose patient list has rows no pattern of the norm accepts, each
/// holding someone's NIR in another form: a row of another width, a NIR written with spaces, of
/// 14 digits, Corsican, in a column that is not an identifier, in a record that does not split.
fn hostile_identifiers() -> Sandbox {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("examples/msp/patients.csv");
    let text = std::fs::read_to_string(&path).expect("patients");
    let lines: Vec<&str> = text.lines().collect();
    let rows: Vec<Vec<String>> = lines[1..12].iter().map(|l| l.split(';').map(str::to_string).collect()).collect();
    let spaced = |n: &str| format!("{} {} {} {} {} {} {}", &n[..1], &n[1..3], &n[3..5], &n[5..7], &n[7..10], &n[10..13], &n[13..]);
    let corsican = |n: &str, d: &str| format!("{}{d}{}", &n[..5], &n[7..]);
    let mut out = vec![lines[0].to_string()];
    let mut row = |i: usize, edit: &dyn Fn(&mut Vec<String>), extra: bool| {
        let mut r = rows[i].clone();
        edit(&mut r);
        out.push(r.join(";") + if extra { ";extra" } else { "" });
    };
    row(0, &|_| {}, true);
    row(1, &|r| r[0] = spaced(&r[0]), false);
    row(2, &|r| r[0] = spaced(&r[0]), true);
    row(3, &|r| r[0].truncate(14), false);
    row(4, &|r| r[0].truncate(14), true);
    row(5, &|r| r[0] = corsican(&r[0], "2A"), true);
    row(6, &|r| (r[0], r[3]) = (corsican(&r[0], "2B"), corsican(&r[0], "2B")), false);
    row(7, &|r| (r[3], r[1]) = (spaced(&r[0]), "x".into()), false);
    row(8, &|r| r[0] = format!("\"{}", r[0]), false);
    row(9, &|r| r[0] = r[0].chars().map(|c| c.to_string()).collect::<Vec<_>>().join("."), true);
    out.push(rows[10].join(","));
    std::fs::write(&path, out.join("\n") + "\n").expect("write");
    sandbox
}

#[test]
fn a_rejects_file_masks_a_nir_in_any_form_and_so_do_the_messages() {
    let sandbox = hostile_identifiers();
    let data = sandbox.path().join("examples/msp/patients.csv");
    let data = data.to_str().expect("utf-8");
    let planted = nir_shaped(&std::fs::read_to_string(data).expect("patients"));
    assert!(planted.len() >= 11, "the file holds a NIR in each hostile form: {planted:?}");
    let rejects = sandbox.path().join("rejects.csv");
    for format in ["table", "json"] {
        let run = sandbox.peps(&["validate", "--force", "--format", format, "--rejects", rejects.to_str().expect("utf-8"), data]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let kept = std::fs::read_to_string(&rejects).expect("rejects");
        assert_eq!(kept.lines().count(), 1 + 11, "the header, then every hostile row, one line each: {kept}");
        for (what, text) in [("rejects file", &kept), ("stdout", &run.stdout), ("stderr", &run.stderr)] {
            let left = nir_shaped(text);
            assert!(left.is_empty(), "{format}: {what} holds identifiers in clear: {left:?}\n{text}");
        }
    }
    // The case reader reads through the same validator: its messages mask them too.
    let run = sandbox.peps(&["compute", "--year", "2025", "--rules", "rules", "--norms", "norms", "examples/msp"]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert!(nir_shaped(&run.stderr).is_empty() && nir_shaped(&run.stdout).is_empty(), "{}", run.stderr);
    // Asked for, they are in clear: the rows are there to be fixed.
    let shown = sandbox.path().join("shown.csv");
    let run = sandbox.peps(&["validate", "--show-identifiers", "--rejects", shown.to_str().expect("utf-8"), data]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let shown = std::fs::read_to_string(&shown).expect("rejects");
    assert!(nir_shaped(&shown).len() >= planted.len(), "with --show-identifiers every form is kept: {shown}");
}
