//! The policy staff's kit: the declarative test cases of `tests/cases/` (`peps test`), the JSON
//! Schemas editors read (`peps rules schema`, the `#:schema` line of every rule file), and the
//! yearly update guide `docs/mise-a-jour-annuelle.md`, whose every `sh` block is run here.

use std::path::{Path, PathBuf};

use peps_engine::diagnostic::Code;
use peps_engine::schema::{FileKind, directive, rulebook_files};

use crate::snap;
use crate::util::{Run, Sandbox, copy_dir, peps, peps_in, repo};

/// A sandbox (rules, norms, examples) with the test cases and the blessed matrices too, so that
/// nothing run in it (`peps rules regress --accept`) reaches the repository's own files.
fn sandbox_with_cases() -> Sandbox {
    let sandbox = Sandbox::new();
    copy_dir(&repo().join("tests/cases"), &sandbox.path().join("tests/cases"));
    // The second scheme's cases and blessed matrices: the guide runs them too.
    copy_dir(&repo().join("tests/cases-capitation"), &sandbox.path().join("tests/cases-capitation"));
    copy_dir(&repo().join("snapshots/capitation"), &sandbox.path().join("snapshots/capitation"));
    let snapshots = sandbox.path().join("snapshots");
    std::fs::create_dir_all(&snapshots).unwrap();
    for entry in std::fs::read_dir(repo().join("snapshots")).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if (name.starts_with("years_") || name == "rules_check.snap") && name.ends_with(".snap") {
            std::fs::copy(entry.path(), snapshots.join(&name)).unwrap();
        }
    }
    sandbox
}

/// Rewrites what the case files of `sandbox` expect with what the copy's rules compute, as
/// `[expected_by_year.<year>]` overrides: a test of the runner then does not depend on the
/// shipped cases agreeing with the shipped rules — checking that is `the_shipped_cases_pass`'s
/// job alone, so an edit of the rules breaks that one check, which says what to update.
fn bless_cases(sandbox: &Sandbox) {
    let kept = tempfile::tempdir().unwrap();
    let keep = kept.path().display().to_string();
    let run = sandbox.peps(&["test", "tests/cases", "--rules", "rules", "--norms", "norms", "--keep", &keep]);
    assert!(run.code <= 1, "{}{}", run.stdout, run.stderr);
    for entry in std::fs::read_dir(sandbox.path().join("tests/cases")).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "toml") || entry.file_name() == "defaults.toml" {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        crate::util::edit_toml(&path, |doc| {
            let years: Vec<i64> = doc["years"].as_array().unwrap().iter().filter_map(|y| y.as_integer()).collect();
            for year in years {
                let folder = kept.path().join(format!("{stem}-{year}"));
                let run = sandbox.peps(
                    &["compute", "--year", &year.to_string(), "--rules", "rules", "--norms", "norms", "--format", "json"]
                        .into_iter()
                        .chain([folder.to_str().unwrap()])
                        .collect::<Vec<_>>(),
                );
                let json = crate::util::compute_json(&run);
                bless_year(doc, year, &json);
            }
        });
    }
}

/// Sets, for one year, every output the case expects to the value computed.
fn bless_year(doc: &mut toml_edit::DocumentMut, year: i64, json: &serde_json::Value) {
    let mut names: Vec<String> =
        doc.get("expected").and_then(|e| e.as_table_like()).map(|t| t.iter().map(|(k, _)| k.to_string()).collect()).unwrap_or_default();
    if let Some(by_year) = doc.get("expected_by_year").and_then(|e| e.get(year.to_string())).and_then(|e| e.as_table_like()) {
        names.extend(by_year.iter().map(|(k, _)| k.to_string()));
    }
    for name in names {
        let Some(computed) = json["outputs"].as_array().unwrap().iter().find(|o| o["name"] == name.as_str()) else { continue };
        let value: toml_edit::Value = match &computed["value"] {
            serde_json::Value::String(s) => s.as_str().into(),
            serde_json::Value::Bool(b) => (*b).into(),
            serde_json::Value::Number(n) => n.as_i64().map_or_else(|| n.to_string().into(), Into::into),
            _ => continue,
        };
        let by_year = doc.entry("expected_by_year").or_insert(toml_edit::table()).as_table_mut().expect("a table");
        by_year.set_implicit(true);
        let year_table = by_year.entry(&year.to_string()).or_insert(toml_edit::table()).as_table_mut().expect("a table");
        year_table.insert(&name, toml_edit::value(value));
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// peps test

#[test]
fn the_shipped_cases_pass() {
    let run = peps(&["test"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let n_cases = std::fs::read_dir(repo().join("tests/cases"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml") && e.file_name() != "defaults.toml")
        .count();
    assert!(n_cases >= 20, "at least 20 cases, found {n_cases}");
    assert!(run.stdout.contains(&format!("{n_cases} cases, ")), "{}", run.stdout);
    assert_eq!(run.stdout.lines().filter(|l| l.starts_with("ok  ")).count(), n_cases, "{}", run.stdout);
}

#[test]
fn every_case_says_how_its_numbers_are_derived() {
    for entry in std::fs::read_dir(repo().join("tests/cases")).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "toml") || entry.file_name() == "defaults.toml" {
            continue;
        }
        let case: toml::Table = toml::from_str(&read(&path)).unwrap();
        let description = case["description"].as_str().unwrap();
        assert!(description.contains("Calcul à la main"), "{}: the description must derive the expected values", path.display());
        assert!(!case["reference"].as_str().unwrap().trim().is_empty(), "{}", path.display());
    }
}

#[test]
fn an_edited_case_fails_with_expected_against_got_and_the_explain_path() {
    let sandbox = sandbox_with_cases();
    bless_cases(&sandbox);
    let path = sandbox.path().join("tests/cases/plafond-atteint.toml");
    let mut got = Vec::new();
    crate::util::edit_toml(&path, |doc| {
        let expected = doc["expected_by_year"]["2025"].as_table_mut().expect("blessed 2025");
        for name in ["ecretement_plafond", "remuneration_totale"] {
            let value = crate::util::decimal_of(&expected[name]);
            got.push(value);
            expected[name] = toml_edit::value((value + rust_decimal::Decimal::new(1, 2)).to_string());
        }
    });
    let run = sandbox.peps(&["test", "tests/cases/plafond-atteint.toml"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let line = run.stdout.lines().find(|l| l.trim_start().starts_with("ecretement_plafond ")).unwrap_or_else(|| panic!("{}", run.stdout));
    let expected = got[0] + rust_decimal::Decimal::new(1, 2);
    assert!(line.contains(&format!("expected {expected} ")) && line.contains(&format!("got {} ", got[0])), "{line}");
    assert!(line.contains("(off by -0.01)"), "{line}");
    assert!(run.stdout.contains("explain path of the first difference, `ecretement_plafond` (2025)"), "{}", run.stdout);
    snap!("kit_test_failure", run.stdout);
}

/// A case whose acts are dated in one year runs under every later year: its files keep the year
/// of their dates and the case reader brings them into each year, as it does any team's data.
#[test]
fn a_case_with_dated_acts_runs_under_every_year_from_the_one_it_is_written_in() {
    let sandbox = sandbox_with_cases();
    let years: Vec<String> =
        crate::util::shipped_years(&sandbox.path().join("rules")).iter().filter(|y| **y >= 2025).map(i32::to_string).collect();
    assert!(years.len() >= 2, "{years:?}");
    let case = format!(
        "description = \"Un G substitué et un code hors annexe 1, datés de 2025, sous chaque année\"\nreference = \"test\"\nyears = [{}]\n\n\
         [data]\nprofessionnels = [{{ RPPS = \"mg1\" }}, {{ RPPS = \"mg2\" }}, {{ RPPS = \"mg3\" }}, {{ RPPS = \"ide1\", PROFESSION = \"IDE\" }}, {{ RPPS = \"ide2\", PROFESSION = \"IDE\" }}]\n\
         patients = [{{ CONSOMMANT = false, repeat = 250 }}, {{ NIR_PATIENT = \"p1\" }}]\n\
         actes = [{{ NIR_PATIENT = \"p1\", DATE_ACTE = 2025-03-15 }}, {{ NIR_PATIENT = \"p1\", CODE_PRESTATION = \"DEQP003\", DATE_ACTE = 2025-11-02 }}]\n\n\
         [expected]\n\"statut_acte.substitue\" = 1\n\"statut_acte.hors_liste\" = 1\nactes_facturables = 1\n",
        years.join(", ")
    );
    std::fs::write(sandbox.path().join("tests/cases/dates-de-2025.toml"), case).unwrap();
    let run = sandbox.peps(&["test", "tests/cases/dates-de-2025.toml"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains(&years.join(" ")), "{}", run.stdout);
}

#[test]
fn a_case_that_cannot_run_exits_2_and_says_why() {
    let sandbox = sandbox_with_cases();
    let dir = sandbox.path().join("tests/cases");
    std::fs::write(
        dir.join("casse.toml"),
        "description = \"d\"\nreference = \"r\"\nyears = [2025]\n[data]\npatient = [{ NIR_PATIENT = \"p1\" }]\n\
         actes = [{ NIR_PATIENT = \"p1\", CODE_PRESTATON = \"G\", QUANTITE = 1.5 }]\n[expected]\npatientele_peps = 1\n",
    )
    .unwrap();
    std::fs::write(dir.join("illisible.toml"), "description = \"d\"\nreference = \"r\"\nyears = [2025]\n[expected]\nx = \n").unwrap();
    let run = sandbox.peps(&["test", "tests/cases/casse.toml", "tests/cases/illisible.toml"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    snap!("kit_test_broken", sandbox.redact(&run.stdout));
}

#[test]
fn generated_case_folders_can_be_kept_and_computed() {
    let sandbox = sandbox_with_cases();
    bless_cases(&sandbox);
    let run = sandbox.peps(&["test", "tests/cases/plafond-atteint.toml", "--keep", "cas"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let folder = sandbox.path().join("cas/plafond-atteint-2025");
    assert!(folder.join("team.toml").is_file());
    let run = sandbox.peps(&["compute", "--year", "2025", "--format", "json", "cas/plafond-atteint-2025"]);
    let json = crate::util::compute_json(&run);
    let case: toml::Table = toml::from_str(&read(&sandbox.path().join("tests/cases/plafond-atteint.toml"))).unwrap();
    let expected = case["expected_by_year"]["2025"]["remuneration_totale"].as_str().unwrap();
    assert_eq!(crate::util::output(&json, "remuneration_totale"), expected, "the kept folder computes what the case expects");
    // The acts file is named and written as the exchange norm says: `peps validate` accepts it.
    let run = sandbox.peps(&["validate", "cas/plafond-atteint-2025/A51_PEPS_16_ACTNOM_20250101_20251231.csv"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn no_case_found_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = peps_in(dir.path(), &["test", "."]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no test case under ."), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// Schemas

#[test]
fn the_committed_schemas_are_those_the_rust_types_generate() {
    let run = peps(&["rules", "schema", "--check"]);
    assert_eq!(run.code, 0, "schemas/ is out of date: run `peps rules schema`\n{}{}", run.stdout, run.stderr);
    // And the check does see a stale schema.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("schemas"), dir.path());
    let path = dir.path().join("parameters.schema.json");
    std::fs::write(&path, read(&path).replace("The text the value comes from", "The text")).unwrap();
    std::fs::write(dir.path().join("old.schema.json"), "{}\n").unwrap();
    let out = dir.path().to_str().unwrap();
    let run = peps(&["rules", "schema", "-o", out, "--check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("parameters.schema.json is out of date"), "{}", run.stderr);
    assert!(run.stderr.contains("old.schema.json is not a schema of this version"), "{}", run.stderr);
    // Writing brings the folder up to date.
    let run = peps(&["rules", "schema", "-o", out]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("1 written, 11 up to date"), "{}", run.stdout);
}

/// Every TOML file the kit gives a schema to, with the stem of its schema.
fn schema_targets() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut years: Vec<PathBuf> = std::fs::read_dir(repo().join("rules"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("rulebook.toml").is_file())
        .collect();
    years.sort();
    for dir in years {
        for (kind, file) in rulebook_files(&read(&dir.join("rulebook.toml"))).unwrap() {
            out.push((dir.join(file), kind.name().to_string()));
        }
        let removals = dir.join(peps_engine::rules::removals::REMOVALS_FILE);
        if removals.is_file() {
            out.push((removals, FileKind::Removals.name().to_string()));
        }
    }
    for norm in std::fs::read_dir(repo().join("norms")).unwrap().flatten() {
        for file in std::fs::read_dir(norm.path()).unwrap().flatten() {
            if file.path().extension().is_some_and(|e| e == "toml") {
                out.push((file.path(), FileKind::Norm.name().to_string()));
            }
        }
    }
    for file in std::fs::read_dir(repo().join("tests/cases")).unwrap().flatten() {
        if file.path().extension().is_some_and(|e| e == "toml") {
            let stem = if file.file_name() == "defaults.toml" { "test-defaults" } else { "test-case" };
            out.push((file.path(), stem.to_string()));
        }
    }
    out
}

#[test]
fn every_rule_norm_and_case_file_names_its_schema_on_its_first_line() {
    let targets = schema_targets();
    assert!(targets.len() > 60, "{}", targets.len());
    let mut wrong = Vec::new();
    for (path, stem) in &targets {
        let text = read(path);
        let first = text.lines().next().unwrap_or("");
        let want = directive(stem);
        if first != want {
            wrong.push(format!("{}: first line `{first}`, want `{want}`", path.display()));
        }
        assert!(repo().join("schemas").join(format!("{stem}.schema.json")).is_file(), "no schema {stem}");
    }
    assert!(wrong.is_empty(), "files without their schema line:\n{}", wrong.join("\n"));
}

#[test]
fn the_test_case_schema_documents_its_keys() {
    let schema: serde_json::Value = serde_json::from_str(&read(&repo().join("schemas/test-case.schema.json"))).unwrap();
    let props = &schema["properties"];
    for key in ["description", "reference", "years", "case", "data", "expected", "expected_by_year", "defaults"] {
        assert!(props[key]["description"].is_string(), "`{key}` has no documentation");
    }
    assert_eq!(schema["additionalProperties"], false);
}

// ---------------------------------------------------------------------------------------------
// The yearly update guide

const GUIDE: &str = "docs/mise-a-jour-annuelle.md";

/// One shell command of the guide (a line, its `\` continuations, or a here-document) and the
/// exit code the guide says it ends with.
#[derive(Debug)]
struct Command {
    text: String,
    code: i32,
    line: usize,
}

/// The commands of every ```sh block of `markdown`, in order.
fn guide_commands(markdown: &str) -> Vec<Command> {
    let mut out = Vec::new();
    let mut in_sh = false;
    let mut current: Option<(String, usize, Option<String>)> = None;
    for (i, line) in markdown.lines().enumerate() {
        let trimmed = line.trim_end();
        if !in_sh {
            in_sh = trimmed == "```sh";
            continue;
        }
        if let Some((text, _, heredoc)) = current.as_mut() {
            text.push('\n');
            text.push_str(trimmed);
            let done = match heredoc {
                Some(end) => trimmed == end,
                None => !trimmed.ends_with('\\'),
            };
            if done {
                let (text, start, _) = current.take().unwrap();
                out.push(command(text, start));
            }
            continue;
        }
        if trimmed == "```" {
            in_sh = false;
            continue;
        }
        if trimmed.is_empty() || trimmed.trim_start().starts_with('#') {
            continue;
        }
        let heredoc = trimmed.split_once("<<").map(|(_, rest)| rest.trim().trim_start_matches('-').trim_matches(['\'', '"']).to_string());
        if heredoc.is_some() || trimmed.ends_with('\\') {
            current = Some((trimmed.to_string(), i + 1, heredoc));
        } else {
            out.push(command(trimmed.to_string(), i + 1));
        }
    }
    assert!(current.is_none(), "an unfinished command in {GUIDE}");
    out
}

fn command(text: String, line: usize) -> Command {
    let first = text.lines().next().unwrap_or("");
    let code = first
        .split_once("# sortie attendue :")
        .map(|(_, c)| c.trim().parse().unwrap_or_else(|_| panic!("{GUIDE}:{line}: bad expected exit code")))
        .unwrap_or(0);
    Command { text, code, line }
}

/// Runs one command with bash in `dir`, `peps` being the binary under test.
fn run_shell(dir: &Path, text: &str) -> Run {
    let script = format!("set -o pipefail\npeps() {{ \"{}\" \"$@\"; }}\n{text}\n", env!("CARGO_BIN_EXE_peps"));
    let out = std::process::Command::new("bash").arg("-c").arg(script).current_dir(dir).env("NO_COLOR", "1").output().expect("run bash");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn every_command_of_the_yearly_update_guide_runs() {
    let guide = read(&repo().join(GUIDE));
    let commands = guide_commands(&guide);
    assert!(commands.len() >= 15, "{commands:?}");
    let sandbox = sandbox_with_cases();
    sandbox.without_years_after(2026);
    bless_cases(&sandbox);
    // The blessed results as the copy's years give them, so that the guide meets the state it
    // describes (its new year not yet blessed) whichever years the repository ships.
    for scheme in [None, Some("capitation")] {
        let mut args = vec!["rules", "regress", "--accept"];
        args.extend(scheme.iter().flat_map(|s| ["--scheme", s]));
        let run = sandbox.peps(&args);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    }
    for c in &commands {
        assert!(!c.text.starts_with("cargo "), "{GUIDE}:{}: cargo commands go in ```text blocks, not ```sh", c.line);
        let run = run_shell(sandbox.path(), &c.text);
        assert_eq!(
            run.code, c.code,
            "{GUIDE}:{}: `{}` ended with {} instead of {}\n--- stdout\n{}\n--- stderr\n{}",
            c.line, c.text, run.code, c.code, run.stdout, run.stderr
        );
    }
    // The walk-through did what it says: 2027 exists, carries the new tariff, and the IK case
    // expects it.
    let params = read(&sandbox.path().join("rules/2027/parametres.toml"));
    assert!(params.contains("value = \"0.65\""), "{params}");
    assert!(sandbox.path().join("rules/2027/retraits.toml").is_file());
    let run = sandbox.peps(&["test", "tests/cases/ik.toml"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("2025 2026 2027"), "{}", run.stdout);
    year_dependent_checks_pass(sandbox.path());
}

/// What the suite checks that depends on which years ship, run on a copy after the guide: the
/// blessed summary of `rules check` and matrices (rewritten by `rules regress --accept`) are what
/// the copy's rules give, and the declarative cases pass.
fn year_dependent_checks_pass(root: &Path) {
    let blessed = |name: &str| {
        let text = read(&root.join("snapshots").join(name));
        let body = text.strip_prefix("---\n").and_then(|t| t.split_once("\n---\n")).map(|(_, b)| b.to_string());
        body.unwrap_or_else(|| panic!("{name} has no snapshot header"))
    };
    let run = peps_in(root, &["rules", "check"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout.trim_end(), blessed("rules_check.snap").trim_end(), "rules check against its blessed summary");
    let years = crate::util::shipped_years(&root.join("rules"));
    assert!(years.contains(&2027), "{years:?}");
    for entry in std::fs::read_dir(root.join("examples")).unwrap().flatten() {
        if !entry.path().join("team.toml").is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        let run = peps_in(root, &["rules", "matrix", &format!("examples/{name}")]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stdout.trim_end(), blessed(&format!("years_{name}.snap")).trim_end(), "matrix of {name}");
    }
    let run = peps_in(root, &["test"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn the_guide_covers_the_yearly_steps() {
    let guide = read(&repo().join(GUIDE));
    let commands: Vec<String> = guide_commands(&guide).into_iter().map(|c| c.text).collect();
    for wanted in
        ["peps rules new-year", "peps rules check", "peps rules diff", "peps test", "peps impact", "peps explain", "retraits.toml"]
    {
        assert!(commands.iter().any(|c| c.contains(wanted)), "no run command with `{wanted}` in {GUIDE}");
    }
    assert!(guide.contains("cargo insta review"), "the snapshot review is part of the guide");
}

#[test]
fn every_code_the_guide_names_exists() {
    let guide = read(&repo().join(GUIDE));
    let known: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let mut named = Vec::new();
    for word in guide.split(|c: char| !c.is_ascii_alphanumeric()) {
        let b = word.as_bytes();
        if b.len() == 4 && b"RDXV".contains(&b[0]) && b[1..].iter().all(u8::is_ascii_digit) {
            named.push(word);
        }
    }
    assert!(named.len() > 20, "{named:?}");
    for code in named {
        assert!(known.contains(&code), "{GUIDE} names {code}, which is not a diagnostic code");
    }
    for family in ["R1xx", "D2xx", "X3xx", "V4xx"] {
        assert!(guide.contains(family), "{GUIDE} has no section on {family}");
    }
}

#[test]
fn guide_commands_are_split_like_a_shell_would() {
    let md = "text\n```sh\npeps a\n# comment\npeps b  # sortie attendue : 1\ncat > f <<'EOF'\nx\n# not a comment\nEOF\npeps c \\\n  --d\n```\n```text\ncargo x\n```\n";
    let c = guide_commands(md);
    let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["peps a", "peps b  # sortie attendue : 1", "cat > f <<'EOF'\nx\n# not a comment\nEOF", "peps c \\\n  --d"]);
    assert_eq!(c.iter().map(|c| c.code).collect::<Vec<_>>(), [0, 1, 0, 0]);
}
