//! Runs that lose nothing and destroy nothing: a batch gives every team a row, errors included
//! (a folder whose case file is missing, a case that fails, a case that panics); national files
//! give every case and every row a place; writers refuse to replace what a run reads or what
//! another case holds; temporary files vanish on every exit path.

use std::path::Path;
use std::process::Command;

use serde_json::Value as Json;

use crate::util::{Run, copy_dir, repo};

/// Runs `peps` at the repository root, in English, with `env` set.
fn peps_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_peps"));
    command.args(args).current_dir(repo()).env("NO_COLOR", "1").env("PEPS_LANG", "en").env("PEPS_LOCALE", "plain");
    command.env_remove("PEPS_TEST_PANIC_CASE").envs(env.iter().copied());
    let out = command.output().expect("run peps");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A batch root holding copies of the shipped examples `names`.
fn batch_of(dir: &Path, names: &[&str]) {
    for name in names {
        copy_dir(&repo().join("examples").join(name), &dir.join(name));
    }
}

/// The rows of a `compute --format json` report, by case folder.
fn rows(json: &Json) -> Vec<(String, String, Vec<String>)> {
    json["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            let errors = c["errors"].as_array().map_or_else(Vec::new, |e| e.iter().map(|x| x.as_str().unwrap().to_string()).collect());
            (c["case"].as_str().unwrap().to_string(), c["status"].as_str().unwrap().to_string(), errors)
        })
        .collect()
}

/// Replaces the first data row's value of `field` in the CSV file `path` (`;`-separated).
fn set_first_value(path: &Path, field: &str, value: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let column = lines[0].split(';').position(|h| h == field).unwrap_or_else(|| panic!("no {field} in {}", path.display()));
    let mut cells: Vec<String> = lines[1].split(';').map(String::from).collect();
    cells[column] = value.to_string();
    lines[1] = cells.join(";");
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn a_batch_gives_every_team_a_row_errors_included_and_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    batch_of(root, &["malakoff", "msp", "ineligible"]);
    // A team whose case file is missing (a killed `synth --teams` leaves such folders): data, no team.toml.
    std::fs::remove_file(root.join("ineligible/team.toml")).unwrap();
    // A team with a value near the decimal maximum: refused or failed, never a figure, never the
    // end of the run (today it panics in the evaluation; once arithmetic is checked, an error).
    copy_dir(&repo().join("examples/msp"), &root.join("msp_overflow"));
    set_first_value(&root.join("msp_overflow/ik_2024.csv"), "KM", "79228162514264337593543950335");
    // A folder of documentation only is not a team.
    std::fs::create_dir(root.join("notes")).unwrap();
    std::fs::write(root.join("notes/README.md"), "# notes\n").unwrap();
    let dir = root.display().to_string();

    let run = peps_env(&["compute", "--year", "2025", "--format", "json", &dir], &[]);
    assert_eq!(run.code, 1, "some teams failed: {}", run.stderr);
    let json: Json = serde_json::from_str(&run.stdout).expect("a JSON report despite the failures");
    let got = rows(&json);
    let names: Vec<&str> = got.iter().map(|(c, _, _)| c.as_str()).collect();
    assert_eq!(names, ["ineligible", "malakoff", "msp", "msp_overflow"], "a row per team, none dropped: {}", run.stderr);
    assert_eq!(got[0].1, "error");
    assert_eq!(got[0].2, ["D234"], "the missing case file is named: {}", run.stderr);
    assert_eq!((got[1].1.as_str(), got[2].1.as_str()), ("ok", "ok"), "the other teams are computed");
    assert_eq!(got[3].1, "error", "the overflowing team has no figure: {}", run.stderr);
    assert!(!got[3].2.is_empty(), "and its row says why");
    assert_eq!(json["totals"]["errors"], 2);
    assert_eq!(json["totals"]["cases"], 4);
    assert!(run.stderr.contains("D234") && run.stderr.contains("ineligible"), "{}", run.stderr);
    assert!(!run.stderr.contains("stack backtrace") && !run.stderr.contains("panicked at"), "a readable report: {}", run.stderr);

    // Each computed team's figure is what `compute` gives for it alone.
    for case in ["malakoff", "msp"] {
        let alone = peps_env(&["compute", "--year", "2025", "--format", "json", &format!("{dir}/{case}")], &[]);
        let alone: Json = serde_json::from_str(&alone.stdout).unwrap();
        let row = json["cases"].as_array().unwrap().iter().find(|c| c["case"] == case).unwrap();
        assert_eq!(row["total"], alone["total"], "{case}");
    }

    // The same rows in the table and the CSV, errors named.
    let csv = peps_env(&["compute", "--year", "2025", "--format", "csv", &dir], &[]);
    assert_eq!(csv.code, 1);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert!(lines[0].ends_with(";errors"), "{}", lines[0]);
    assert!(lines[1].starts_with("ineligible;ineligible;error;") && lines[1].ends_with(";D234"), "{}", lines[1]);
    assert!(lines[5].starts_with("(total);4 cases;") && lines[5].ends_with(";2"), "{}", lines[5]);
    let table = peps_env(&["compute", "--year", "2025", &dir], &[]);
    assert_eq!(table.code, 1);
    let line = table.stdout.lines().find(|l| l.starts_with("ineligible ")).expect("a table row");
    assert!(line.contains("error") && line.trim_end().ends_with("D234"), "{line}");
    assert!(table.stdout.contains("4 cases: ") && table.stdout.contains(" 2 in error"), "{}", table.stdout);
}

/// The panic path, tested through the debug build's hook (`PEPS_TEST_PANIC_CASE`): a case that
/// panics gets a row in error with the panic's message, and the others are computed.
#[cfg(debug_assertions)]
#[test]
fn a_case_that_panics_gets_its_row_and_the_others_are_computed() {
    let tmp = tempfile::tempdir().unwrap();
    batch_of(tmp.path(), &["malakoff", "msp"]);
    let dir = tmp.path().display().to_string();
    for threads in ["1", "2"] {
        let run =
            peps_env(&["compute", "--year", "2025", "--format", "json", "--threads", threads, &dir], &[("PEPS_TEST_PANIC_CASE", "msp")]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let json: Json = serde_json::from_str(&run.stdout).unwrap();
        let got = rows(&json);
        assert_eq!(got[0].1, "ok", "{}", run.stderr);
        assert_eq!((got[1].0.as_str(), got[1].1.as_str()), ("msp", "error"));
        assert_eq!(got[1].2, ["D236"]);
        assert!(
            run.stderr.contains("D236") && run.stderr.contains("PEPS_TEST_PANIC_CASE=msp"),
            "the panic's message is kept: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked at") && !run.stderr.contains("backtrace"), "and the panic hook is silent: {}", run.stderr);
    }
    // One case alone: a coded error, not a crash.
    let alone = peps_env(&["compute", "--year", "2025", &format!("{dir}/msp")], &[("PEPS_TEST_PANIC_CASE", "msp")]);
    assert_eq!(alone.code, 1, "{}", alone.stderr);
    assert!(alone.stderr.contains("D236") && !alone.stderr.contains("panicked at"), "{}", alone.stderr);
}

/// Hidden temporary entries (`.NAME.XXXXXX.tmp`) left in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".tmp")).collect())
        .unwrap_or_default()
}

#[test]
fn synth_refuses_a_folder_that_holds_files_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    let case = tmp.path().join("case");
    let out = case.display().to_string();
    let first = peps_env(&["synth", "--profile", "small_msp", "--seed", "1", "--out", &out], &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    // The case someone keeps there: edited, with a file of their own.
    let team = case.join("team.toml");
    let edited = std::fs::read_to_string(&team).unwrap() + "# edited by hand\n";
    std::fs::write(&team, &edited).unwrap();
    std::fs::write(case.join("notes.txt"), "mine").unwrap();
    let before: Vec<(String, Vec<u8>)> = {
        let mut v: Vec<_> = std::fs::read_dir(&case)
            .unwrap()
            .flatten()
            .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
            .collect();
        v.sort();
        v
    };

    for args in [&["--profile", "small_msp", "--seed", "2"][..], &["--teams", "2", "--patients", "600"][..]] {
        let mut all = vec!["synth", "--out", &out];
        all.extend_from_slice(args);
        let run = peps_env(&all, &[]);
        assert_eq!(run.code, 2, "{all:?} must refuse a folder that holds files: {}", run.stdout);
        assert!(run.stderr.contains("already holds files") && run.stderr.contains("--force"), "{}", run.stderr);
        let mut after: Vec<_> = std::fs::read_dir(&case)
            .unwrap()
            .flatten()
            .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
            .collect();
        after.sort();
        assert!(after == before, "{all:?} changed the existing case");
    }
    assert!(temporaries(tmp.path()).is_empty(), "{:?}", temporaries(tmp.path()));

    // With --force the case is written over, the other files kept.
    let forced = peps_env(&["synth", "--profile", "small_msp", "--seed", "2", "--out", &out, "--force"], &[]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_ne!(std::fs::read_to_string(&team).unwrap(), edited);
    assert_eq!(std::fs::read_to_string(case.join("notes.txt")).unwrap(), "mine");
    assert!(temporaries(tmp.path()).is_empty() && temporaries(&case).is_empty());
}

/// A `synth --teams` stopped by SIGTERM leaves no temporary folder, and only complete teams:
/// each team is written into a hidden folder renamed into place once complete.
#[cfg(unix)]
#[test]
fn a_synth_stopped_by_sigterm_leaves_no_temporary_folder_and_no_half_team() {
    let tmp = tempfile::tempdir().unwrap();
    let nation = tmp.path().join("nation");
    let mut child = Command::new(env!("CARGO_BIN_EXE_peps"))
        .args(["synth", "--teams", "40", "--patients", "400000", "--threads", "1", "-o"])
        .arg(&nation)
        .env("PEPS_LANG", "en")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn peps");
    // Waits (with a generous bound, not a timing assertion) for a team being written.
    let mut seen = false;
    for _ in 0..1200 {
        if !temporaries(&nation).is_empty() {
            seen = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(seen, "the run ended before a team was being written");
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill");
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "an interrupted run says so: {status:?}");
    assert!(temporaries(&nation).is_empty(), "temporary folders left: {:?}", temporaries(&nation));
    for team in std::fs::read_dir(&nation).unwrap().flatten().filter(|e| e.path().is_dir()) {
        assert!(team.path().join("team.toml").is_file(), "{} is a half-written team", team.path().display());
    }
}

/// Every file under `dir`, with its bytes.
fn snapshot_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

#[test]
fn no_writer_overwrites_a_rule_or_norm_file_even_with_force() {
    let sandbox = crate::util::Sandbox::new();
    let rules_before = snapshot_of(&sandbox.path().join("rules"));
    let norms_before = snapshot_of(&sandbox.path().join("norms"));
    let norm = norms_before[0].0.clone();
    let year = "2025";
    let rule = format!("rules/{year}/rulebook.toml");
    let other_year =
        rules_before.iter().map(|(p, _)| p).find(|p| p.ends_with(".toml") && !p.contains(&format!("/{year}/"))).unwrap().clone();
    let attempts: Vec<Vec<&str>> = vec![
        vec!["compute", "--year", year, "--manifest", &rule, "--force", "examples/msp"],
        vec!["compute", "--year", year, "--manifest", &other_year, "--force", "examples/msp"],
        vec!["compute", "--year", year, "--manifest", &norm, "--force", "examples/msp"],
        vec!["explain", "--year", year, "--manifest", &rule, "--force", "examples/msp"],
        vec!["impact", "--from", "2024", "--to", year, "--manifest", &rule, "--force", "examples/msp"],
        vec!["validate", "examples/msp/patients.csv", "--rejects", &norm, "--force"],
        vec!["validate", "examples/msp/patients.csv", "--rejects", &rule, "--force"],
        vec!["rules", "draft", year, "rules", "--force"],
        vec!["rules", "draft", year, "rules/../rules", "--force"],
    ];
    for args in &attempts {
        let run = sandbox.peps(args);
        assert_eq!(run.code, 2, "{args:?} must refuse: {}{}", run.stdout, run.stderr);
        assert!(snapshot_of(&sandbox.path().join("rules")) == rules_before, "{args:?} changed a rule file");
        assert!(snapshot_of(&sandbox.path().join("norms")) == norms_before, "{args:?} changed a norm file");
    }
    // What is not a rule or a norm is still written.
    let run = sandbox.peps(&["compute", "--year", year, "--manifest", "manifest.json", "examples/msp"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(sandbox.path().join("manifest.json").is_file());
    assert!(temporaries(sandbox.path()).is_empty() && temporaries(&sandbox.path().join("rules")).is_empty());
}

/// A `validate --rejects` stopped by SIGTERM while it writes leaves no temporary file (the
/// rejects file is written beside its place and renamed once complete; an interrupt removes it).
#[cfg(unix)]
#[test]
fn a_rejects_file_interrupted_by_sigterm_leaves_no_temporary_file() {
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo().join("examples/msp/patients.csv")).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let nir = header.split(';').position(|h| h == "NIR_PATIENT").expect("a NIR column");
    let rows: Vec<&str> = lines.collect();
    // Many rows, each rejected (an identifier of the wrong length): the run takes a while.
    let mut big = format!("{header}\n");
    for i in 0..300_000 {
        let mut cells: Vec<String> = rows[i % rows.len()].split(';').map(String::from).collect();
        cells[nir] = format!("1{i:013}");
        big.push_str(&cells.join(";"));
        big.push('\n');
    }
    let file = tmp.path().join("patients.csv");
    std::fs::write(&file, big).unwrap();
    let rejects = tmp.path().join("rejects.csv");
    let mut child = Command::new(env!("CARGO_BIN_EXE_peps"))
        .args(["validate", "--norm", "patients", "--rejects"])
        .arg(&rejects)
        .arg(&file)
        .current_dir(repo())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn peps");
    let mut seen = false;
    for _ in 0..1200 {
        if !temporaries(tmp.path()).is_empty() {
            seen = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(seen, "the run ended before the rejects file was being written");
    assert!(Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap().success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{status:?}");
    assert!(temporaries(tmp.path()).is_empty(), "temporary files left: {:?}", temporaries(tmp.path()));
    assert!(!rejects.exists(), "no half-written rejects file");
}
