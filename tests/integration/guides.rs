//! `peps validate` as a finance officer reads it (issue 26, item 4): a value of the wrong form is
//! told in the norm's words, information is told apart from warnings and every warning says what
//! to do, an empty file is "empty" in every command, and a check across files that cannot run is
//! named in the summary. Expected words come from the norm files, not from this file.

use std::path::Path;

use crate::util::{Run, Sandbox, peps_default_in};

const PATIENTS: &str = "examples/msp/patients.csv";

/// `peps` in the sandbox as a user runs it: French, the sandbox's rules and norms.
fn french(sandbox: &Sandbox, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.extend(["--rules", "rules", "--norms", "norms"]);
    peps_default_in(sandbox.path(), &all)
}

/// The norm file `norms/<name>/v1.toml` of the sandbox, parsed.
fn norm(sandbox: &Sandbox, name: &str) -> toml::Value {
    let text = std::fs::read_to_string(sandbox.path().join(format!("norms/{name}/v1.toml"))).expect("norm");
    toml::from_str(&text).expect("norm toml")
}

/// The value of `key` of the field `field` of a parsed norm.
fn field_key(norm: &toml::Value, field: &str, key: &str) -> String {
    let fields = norm["field"].as_array().expect("fields");
    let f = fields.iter().find(|f| f["name"].as_str() == Some(field)).unwrap_or_else(|| panic!("no field {field}"));
    f.get(key).and_then(|v| v.as_str()).unwrap_or_else(|| panic!("no {key} for {field}")).to_string()
}

/// Rewrites line `line` (0 = header) of a CSV file of the sandbox through `edit`.
fn edit_line(sandbox: &Sandbox, file: &str, line: usize, edit: impl FnOnce(&str) -> String) {
    let path = sandbox.path().join(file);
    let text = std::fs::read_to_string(&path).expect("csv");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[line] = edit(&lines[line]);
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
}

/// A NIR with its first character replaced, and one with its key moved by one.
fn bad_nirs(nir: &str) -> (String, String) {
    let wrong_form = format!("3{}", &nir[1..]);
    let key: u32 = nir[13..].parse().expect("key");
    let wrong_key = format!("{}{:02}", &nir[..13], key % 97 + 1);
    (wrong_form, wrong_key)
}

#[test]
fn a_bad_nir_is_told_in_the_norms_words_never_its_regular_expression() {
    let sandbox = Sandbox::new();
    let patients = norm(&sandbox, "patients");
    let (pattern, format) = (field_key(&patients, "NIR_PATIENT", "pattern"), field_key(&patients, "NIR_PATIENT", "format"));
    for (line, which) in [(1, 0), (2, 1)] {
        edit_line(&sandbox, PATIENTS, line, |l| {
            let (nir, rest) = l.split_once(';').expect("a row");
            let (wrong_form, wrong_key) = bad_nirs(nir);
            format!("{};{rest}", if which == 0 { wrong_form } else { wrong_key })
        });
    }
    let run = french(&sandbox, &["validate", "--year", "2025", PATIENTS]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("V421") && run.stdout.contains(&format), "the form in the norm's words: {}", run.stdout);
    assert!(run.stdout.contains("clé NIR (modulo 97) incorrecte"), "the key in words: {}", run.stdout);
    for raw in [pattern.as_str(), "mod 97)", "nir:", "motif"] {
        assert!(!run.stdout.contains(raw), "`{raw}` shown: {}", run.stdout);
    }
    // A policy officer who removes the words is warned when the norm loads, and the report falls
    // back on the pattern rather than saying nothing.
    sandbox.edit("norms/patients/v1.toml", &format!("format = \"{format}\"\n"), "");
    let check = french(&sandbox, &["rules", "check", "2025"]);
    assert_eq!(check.code, 0, "a warning only: {}", check.stderr);
    assert!(check.stderr.contains("[R140]"), "{}", check.stderr);
    assert!(check.stderr.contains("`NIR_PATIENT`"), "{}", check.stderr);
    let run = french(&sandbox, &["validate", "--year", "2025", PATIENTS]);
    assert!(run.stderr.contains("[R140]"), "{}", run.stderr);
    assert!(run.stdout.contains("V421"), "{}", run.stdout);
}

#[test]
fn every_shipped_pattern_and_check_key_has_its_words() {
    let repo = crate::util::repo();
    let mut folders = vec![repo.join("norms"), repo.join("rules/capitation/norms")];
    folders.retain(|f| f.is_dir());
    let mut seen = 0;
    for folder in folders {
        for norm in std::fs::read_dir(&folder).expect("norms").flatten() {
            for file in std::fs::read_dir(norm.path()).expect("versions").flatten() {
                let text = std::fs::read_to_string(file.path()).expect("norm");
                let value: toml::Value = toml::from_str(&text).expect("toml");
                for f in value.get("field").and_then(|f| f.as_array()).into_iter().flatten() {
                    if f.get("pattern").is_some() || f.get("checksum").is_some() {
                        seen += 1;
                        let words = f.get("format").and_then(|v| v.as_str()).unwrap_or_default();
                        assert!(!words.trim().is_empty(), "{}: field {} has no format", file.path().display(), f["name"]);
                    }
                }
            }
        }
    }
    assert!(seen > 0);
}

#[test]
fn information_is_a_note_counted_apart_and_every_warning_has_a_hint() {
    let sandbox = Sandbox::new();
    let run = french(&sandbox, &["validate", "--format", "json", "examples/msp"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let acts = json["files"].as_array().unwrap().iter().find(|f| f["norm"] == "actnom").expect("the acts").clone();
    let problems = acts["problems"].as_array().unwrap();
    let of = |severity: &str| problems.iter().filter(|p| p["severity"] == severity).collect::<Vec<_>>();
    let (notes, warnings) = (of("note"), of("warning"));
    assert!(!notes.is_empty() && !warnings.is_empty(), "{}", run.stdout);
    // A code of the catalogue the rules do not pay asks nothing of the finance officer.
    assert!(notes.iter().all(|p| p["code"] == "V431"), "{notes:?}");
    assert!(problems.iter().filter(|p| p["code"] == "V431").all(|p| p["severity"] == "note"));
    for w in &warnings {
        assert!(w["hint"].as_str().is_some_and(|h| !h.is_empty()), "a warning without a hint: {w}");
    }
    assert_eq!(acts["notes"].as_u64(), Some(notes.len() as u64));
    assert_eq!(acts["warnings"].as_u64(), Some(warnings.len() as u64));
    // The table counts them apart.
    let table = french(&sandbox, &["validate", "examples/msp"]);
    let verdict = format!("conforme, {} avertissements, {} informations", warnings.len(), notes.len());
    assert!(table.stdout.contains(&verdict), "{verdict}: {}", table.stdout);
    assert!(table.stdout.contains(&format!("V431 : {} informations", notes.len())), "{}", table.stdout);
    // compute says the same, as information.
    let compute = french(&sandbox, &["compute", "--year", "2025", "examples/msp"]);
    assert_eq!(compute.code, 0, "{}", compute.stderr);
    assert!(compute.stderr.contains("information[V431]"), "{}", compute.stderr);
    assert!(!compute.stderr.contains("avertissement[V431"), "{}", compute.stderr);
}

#[test]
fn an_empty_file_is_empty_in_every_command() {
    for content in [&b""[..], &b"\xEF\xBB\xBF"[..]] {
        let sandbox = Sandbox::new();
        std::fs::write(sandbox.path().join(PATIENTS), content).expect("empty");
        let validate = french(&sandbox, &["validate", PATIENTS]);
        assert_eq!(validate.code, 1, "a finding, not a usage error: {}{}", validate.stdout, validate.stderr);
        assert!(!validate.stderr.contains("--norm"), "{}", validate.stderr);
        assert!(validate.stdout.contains("V405 :"), "{}", validate.stdout);
        let json = french(&sandbox, &["validate", "--format", "json", PATIENTS]);
        let json: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
        let problem = &json["files"][0]["problems"][0];
        assert_eq!(problem["code"], "V405", "{json}");
        let message = problem["message"].as_str().expect("a message");
        // compute says it with the same code and the same words.
        let compute = french(&sandbox, &["compute", "--year", "2025", "examples/msp"]);
        assert_ne!(compute.code, 0);
        let line = compute.stderr.lines().find(|l| l.contains("[V405]")).unwrap_or_else(|| panic!("{}", compute.stderr));
        assert!(line.ends_with(message), "{line} / {message}");
    }
}

/// The label of the acts' link to the patient list, as the norm words it.
fn patient_link(sandbox: &Sandbox) -> String {
    let acts = norm(sandbox, "actnom");
    let links = acts["link"].as_array().expect("links");
    links.iter().find(|l| l["norm"].as_str() == Some("patients")).expect("a link to patients")["label"].as_str().unwrap().to_string()
}

fn all_csv(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir.join("examples/msp"))
        .expect("msp")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
        .map(|e| format!("examples/msp/{}", e.file_name().to_string_lossy()))
        .collect();
    files.sort();
    files
}

#[test]
fn a_check_across_files_that_cannot_run_is_named_in_the_summary() {
    // The patient list is empty, then broken (a column renamed): the acts cannot be checked
    // against it, and the summary says so rather than "0 with errors" alone.
    for broken in [false, true] {
        let sandbox = Sandbox::new();
        if broken {
            edit_line(&sandbox, PATIENTS, 0, |h| h.replacen("NIR_PATIENT", "NUMERO", 1));
        } else {
            std::fs::write(sandbox.path().join(PATIENTS), "").expect("empty");
        }
        let label = patient_link(&sandbox);
        let files = all_csv(sandbox.path());
        let mut args = vec!["validate"];
        args.extend(files.iter().map(String::as_str));
        let run = french(&sandbox, &args);
        assert!(run.stdout.contains("1 vérification entre fichiers n'a pas pu être faite"), "{}", run.stdout);
        let line = run.stdout.lines().find(|l| l.contains(&format!("« {label} » non vérifié"))).unwrap_or_else(|| panic!("{}", run.stdout));
        assert!(line.contains("ACTNOM") && line.contains("patients.csv"), "{line}");
        let why = if broken { "a des erreurs qui empêchent d'en lire les clés" } else { "vide ou non reconnu" };
        assert!(line.contains(why), "{line}");
        args.extend(["--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&french(&sandbox, &args).stdout).expect("json");
        let skipped = json["summary"]["skipped_checks"].as_array().expect("skipped checks");
        assert_eq!(skipped.len(), 1, "{skipped:?}");
        assert_eq!((skipped[0]["check"].as_str(), skipped[0]["norm"].as_str()), (Some(label.as_str()), Some("patients")));
    }
    // Every file readable: nothing skipped.
    let sandbox = Sandbox::new();
    let files = all_csv(sandbox.path());
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let run = french(&sandbox, &args);
    assert!(!run.stdout.contains("non vérifié"), "{}", run.stdout);
}
