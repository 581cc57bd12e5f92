//! Paths stay inside their roots: the case file a rulebook names stays in the case folder, every
//! file a rulebook or a norm names stays in the rules (or norms) folder, also through symbolic
//! links; a path that leaves is refused with a code, and no line of the file it leads to is
//! shown. A link that stays inside its root is followed.

use std::path::Path;

use crate::util::{Run, Sandbox, edit_toml};

const YEAR: &str = "2025";
const CASE: &str = "examples/msp";

/// A file outside every root of the sandbox, whose line would show if it were read as a rule,
/// case or norm file (it is not TOML).
const SECRET: &str = "SECRET-LINE: not for the eyes of a rules check";

fn secret(sandbox: &Sandbox) -> std::path::PathBuf {
    let path = sandbox.path().join("outside.txt");
    std::fs::write(&path, format!("{SECRET}\n{SECRET}\n")).expect("write");
    path
}

fn run(sandbox: &Sandbox, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.extend(["--rules", "rules", "--norms", "norms"]);
    sandbox.peps(&all)
}

fn compute(sandbox: &Sandbox) -> Run {
    run(sandbox, &["compute", "--year", YEAR, "--format", "json", CASE])
}

fn check(sandbox: &Sandbox) -> Run {
    run(sandbox, &["rules", "check"])
}

/// `run` failed with `code`, and said nothing of the secret file.
fn refused(run: &Run, code: &str, what: &str) {
    assert_ne!(run.code, 0, "{what}: refused\n{}", run.stderr);
    assert!(run.stderr.contains(code), "{what}: {code} expected\n{}", run.stderr);
    assert!(
        !run.stderr.contains("SECRET") && !run.stdout.contains("SECRET"),
        "{what}: a line of the outside file was shown\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("root:"), "{what}: a line of /etc/passwd was shown\n{}", run.stderr);
}

fn set_case_file(sandbox: &Sandbox, value: &str) {
    edit_toml(&sandbox.path().join(format!("rules/{YEAR}/rulebook.toml")), |doc| {
        doc["case_file"] = toml_edit::value(value);
    });
}

fn case_file(sandbox: &Sandbox) -> String {
    let text = std::fs::read_to_string(sandbox.path().join(format!("rules/{YEAR}/rulebook.toml"))).expect("rulebook");
    let doc: toml_edit::DocumentMut = text.parse().expect("rulebook.toml");
    doc.get("case_file").and_then(|v| v.as_str()).unwrap_or("case.toml").to_string()
}

#[test]
fn a_case_file_that_leaves_the_case_folder_is_refused_before_anything_is_read() {
    let sandbox = Sandbox::new();
    let outside = secret(&sandbox);
    let own = case_file(&sandbox);
    // Another team's case file, a file above the case folder, an absolute path, /etc/passwd.
    let other_team = format!("../malakoff/{own}");
    let absolute = outside.display().to_string();
    for value in [other_team.as_str(), "../../outside.txt", absolute.as_str(), "../../../../../../../../etc/passwd", "./../msp/x"] {
        set_case_file(&sandbox, value);
        refused(&compute(&sandbox), "R128", value);
        refused(&check(&sandbox), "R128", value);
    }
    // A case file in a folder of the case is inside it.
    set_case_file(&sandbox, &format!("./{own}"));
    assert_eq!(compute(&sandbox).code, 0, "`./{own}` is the case folder's own file");
}

#[cfg(unix)]
#[test]
fn a_case_file_linked_out_of_its_folder_is_refused_unless_allowed() {
    let sandbox = Sandbox::new();
    let own = case_file(&sandbox);
    let link = sandbox.path().join(CASE).join(&own);
    std::fs::remove_file(&link).expect("rm");
    std::os::unix::fs::symlink(secret(&sandbox), &link).expect("symlink");
    refused(&compute(&sandbox), "D220", "a case file linked outside");
    // Linked to another team's: not computed under its identity.
    std::fs::remove_file(&link).expect("rm");
    std::os::unix::fs::symlink(Path::new("..").join("malakoff").join(&own), &link).expect("symlink");
    refused(&compute(&sandbox), "D220", "a case file linked to another team's");
    // The user may allow it, as for data files.
    let run = run(&sandbox, &["compute", "--year", YEAR, "--allow-outside-paths", CASE]);
    assert!(!run.stderr.contains("D220"), "--allow-outside-paths lets the case file be read: {}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_rule_or_norm_file_linked_out_of_its_folder_is_refused_and_not_shown() {
    for file in [format!("rules/{YEAR}/rulebook.toml"), format!("rules/{YEAR}/parametres.toml"), "norms/patients/v1.toml".to_string()] {
        let sandbox = Sandbox::new();
        let outside = secret(&sandbox);
        let path = sandbox.path().join(&file);
        assert!(path.is_file(), "{file} is shipped: update this test");
        std::fs::remove_file(&path).expect("rm");
        std::os::unix::fs::symlink(&outside, &path).expect("symlink");
        refused(&check(&sandbox), "R128", &file);
        refused(&compute(&sandbox), "R128", &file);
    }
}

#[cfg(unix)]
#[test]
fn a_link_that_stays_inside_the_rules_folder_is_followed() {
    let sandbox = Sandbox::new();
    let before = compute(&sandbox);
    assert_eq!(before.code, 0, "{}", before.stderr);
    // A year's file kept in a subfolder of the year, the year reaching it through a link.
    let year = sandbox.path().join("rules").join(YEAR);
    std::fs::create_dir_all(year.join("shared")).expect("mkdir");
    std::fs::rename(year.join("parametres.toml"), year.join("shared/parametres.toml")).expect("move");
    std::os::unix::fs::symlink("shared/parametres.toml", year.join("parametres.toml")).expect("symlink");
    let after = compute(&sandbox);
    assert_eq!(after.code, 0, "{}", after.stderr);
    assert_eq!(after.stdout, before.stdout, "the same rules, read through a link inside the folder");
}
