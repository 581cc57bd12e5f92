//! The page of a case for its director (`compute --format html`, issue 26 item 5): the payment
//! schedule as `peps schedule` gives it, the day it was made on, the data warnings in words, and
//! the rules' names and the fingerprints only in its folded technical section. Expected values
//! come from `peps schedule --format json`, `compute --format json` and `peps docs` on the same
//! rules, never from the text of the rules.

use std::path::Path;
use std::process::Command;

use regex::Regex;
use rust_decimal::Decimal;

use crate::util::{Run, Sandbox, compute_json, french_money, html_escape, html_unescape, repo, shipped_years};

const YEAR: &str = "2025";
const CASE: &str = "examples/msp";
/// 2026-12-06 00:00:00 UTC.
const EPOCH: &str = "1796515200";

/// `peps` in `dir` as a user runs it (French), with `env` set.
fn peps_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_peps"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("PEPS_LANG")
        .env_remove("PEPS_LOCALE")
        .env_remove("SOURCE_DATE_EPOCH")
        .envs(env.iter().copied())
        .output()
        .expect("run peps");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn page_in(dir: &Path, case: &str, extra: &[&str]) -> String {
    let mut args = vec!["compute", "--year", YEAR, "--format", "html"];
    args.extend(extra);
    args.push(case);
    let run = peps_with(dir, &args, &[("SOURCE_DATE_EPOCH", EPOCH)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

/// An ISO date (`2025-01-31`) as the French page writes it (`31/01/2025`).
fn french_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    format!("{}/{}/{}", parts[2], parts[1], parts[0])
}

fn money(value: &serde_json::Value) -> String {
    html_escape(&french_money(value.as_str().expect("a decimal string").parse::<Decimal>().expect("a decimal")))
}

/// The page before its technical section, and the section.
fn split(page: &str) -> (&str, &str) {
    let at = page.find("<details").expect("a folded technical section");
    page.split_at(at)
}

/// The text of some HTML, its tags removed and entities read back.
fn text_of(html: &str) -> String {
    html_unescape(&Regex::new("<[^>]*>").unwrap().replace_all(html, ""))
}

#[test]
fn the_page_holds_the_payment_schedule_of_the_case() {
    let page = page_in(&repo(), CASE, &[]);
    let run = peps_with(&repo(), &["schedule", "--year", YEAR, "--format", "json", CASE], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let schedule: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON schedule");
    let rows: Vec<&str> = page.split("<tr").collect();
    let row_with = |class: &str, date: &str| -> &str {
        rows.iter()
            .find(|r| r.starts_with(&format!(" class=\"{class}\"")) && r.contains(&format!(">{date}<")))
            .unwrap_or_else(|| panic!("no {class} row on {date}:\n{page}"))
    };
    let payments = schedule["payments"].as_array().expect("payments");
    assert!(!payments.is_empty());
    assert_eq!(page.matches("<tr class=\"payment\">").count(), payments.len(), "one row per payment");
    for p in payments {
        let row = row_with("payment", &french_date(p["date"].as_str().unwrap()));
        assert!(row.contains(&money(&p["amount"])), "{} in {row}", p["amount"]);
        assert!(row.contains(&html_escape(p["label"].as_str().unwrap())), "{} in {row}", p["label"]);
    }
    let paid = rows.iter().find(|r| r.starts_with(" class=\"sum\"")).expect("the total paid");
    assert!(paid.contains(&money(&schedule["paid"])), "{paid}");
    let balance = &schedule["balance"];
    let row = row_with("balance", &french_date(balance["date"].as_str().unwrap()));
    assert!(row.contains(&money(&balance["amount"])), "{row}");
    let deadlines = schedule["deadlines"].as_array().expect("deadlines");
    assert!(!deadlines.is_empty());
    for d in deadlines {
        let row = row_with("deadline", &french_date(d["due"].as_str().unwrap()));
        for end in ["start", "end"] {
            assert!(row.contains(&french_date(d["period"][end].as_str().unwrap())), "the period's {end} in {row}");
        }
        assert!(page.contains(&format!("<h3>{}</h3>", html_escape(d["label"].as_str().unwrap()))), "the deposit rule by its label");
    }
    for m in schedule["milestones"].as_array().expect("milestones") {
        let date = french_date(m["date"].as_str().unwrap());
        let label = html_escape(m["label"].as_str().unwrap());
        assert!(page.contains(&format!("<td class=\"date\">{date}</td><td>{label}</td>")), "{date} {label}");
    }
}

#[test]
fn the_page_says_the_day_it_was_made_on_which_source_date_epoch_sets() {
    let page = page_in(&repo(), CASE, &[]);
    assert!(page.contains("Page produite le 06/12/2026"), "the day of SOURCE_DATE_EPOCH");
    let args = ["compute", "--year", YEAR, "--format", "html", CASE];
    let a_day_later = peps_with(&repo(), &args, &[("SOURCE_DATE_EPOCH", "1796601600")]);
    assert!(a_day_later.stdout.contains("07/12/2026"), "another day, another date");
    assert_eq!(page.replace("06/12/2026", "07/12/2026"), a_day_later.stdout, "nothing else changes");
    // A value that is not a number of seconds is said, and the page still made.
    let wrong = peps_with(&repo(), &args, &[("SOURCE_DATE_EPOCH", "demain")]);
    assert_eq!(wrong.code, 0, "{}", wrong.stderr);
    assert!(wrong.stderr.contains("SOURCE_DATE_EPOCH") && wrong.stderr.contains("demain"), "{}", wrong.stderr);
    assert!(wrong.stdout.contains("Page produite le "));
}

#[test]
fn the_page_is_in_the_language_of_the_run() {
    let french = page_in(&repo(), CASE, &[]);
    assert!(french.contains("<html lang=\"fr\">"));
    let english = page_in(&repo(), CASE, &["--lang", "en"]);
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains("Page generated on "), "English words");
    for french_word in ["Page produite", "Échéancier", "Hypothèses", "Détails techniques", "Points d'attention"] {
        assert!(french.contains(&html_escape(french_word)), "{french_word}");
        assert!(!english.contains(&html_escape(french_word)), "{french_word} in the English page");
    }
}

#[test]
fn a_data_warning_is_a_sentence_on_the_page_and_its_code_only_in_the_technical_section() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path().join(CASE).join("notes.csv"), "a;b\n1;2\n").unwrap();
    let page = page_in(sandbox.path(), CASE, &[]);
    let run = peps_with(sandbox.path(), &["compute", "--year", YEAR, CASE], &[]);
    // The warning as the terminal writes it: `avertissement[CODE]: message` (French shows no slug).
    let line = run.stderr.lines().find(|l| l.contains("notes.csv") && l.contains("]: ")).expect("a warning on notes.csv");
    let (head, message) = line.split_once("]: ").unwrap();
    let inner = head.split_once('[').unwrap().1;
    let (code, slug) = inner.split_once(' ').unwrap_or((inner, ""));
    let (words, technical) = split(&page);
    let shown = text_of(words).to_lowercase();
    assert!(shown.contains(&message.replace('`', "").to_lowercase()), "`{message}` in the page's words:\n{shown}");
    for stable in [code, slug].into_iter().filter(|s| !s.is_empty()) {
        assert!(!words.contains(stable), "`{stable}` outside the technical section");
        assert!(technical.contains(stable), "`{stable}` in the technical section");
    }
}

#[test]
fn data_brought_into_a_later_year_is_said_in_words() {
    let Some(later) = shipped_years(&repo().join("rules")).into_iter().find(|y| *y > YEAR.parse::<i32>().unwrap()) else {
        panic!("a year after {YEAR} is shipped")
    };
    let later = later.to_string();
    let run = peps_with(&repo(), &["compute", "--year", &later, "--format", "html", CASE], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = compute_json(&crate::util::peps(&["compute", "--year", &later, "--format", "json", CASE]));
    let shift = &json["data_shift"];
    let sentence = format!("Les dates des données de {} ont été ramenées en {later}", shift["from"]);
    assert!(html_unescape(split(&run.stdout).0).contains(&sentence), "{sentence}");
}

#[test]
fn rule_names_and_fingerprints_are_only_in_the_technical_section() {
    let page = page_in(&repo(), CASE, &[]);
    let (words, technical) = split(&page);
    // Every name of the rulebook, as its document writes it.
    let docs = peps_with(&repo(), &["docs", "--year", YEAR], &[]);
    assert_eq!(docs.code, 0, "{}", docs.stderr);
    let names: std::collections::BTreeSet<&str> =
        Regex::new("`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`").unwrap().captures_iter(&docs.stdout).map(|c| c.get(1).unwrap().as_str()).collect();
    assert!(names.len() > 20, "the rulebook's names: {names:?}");
    let json = compute_json(&crate::util::peps(&["compute", "--year", YEAR, "--format", "json", CASE]));
    let outputs: Vec<&str> = json["outputs"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap()).collect();
    assert!(outputs.iter().filter(|o| o.contains('_')).all(|o| names.contains(o)), "the document names every step");
    let word = |name: &str| Regex::new(&format!(r"(^|[^A-Za-z0-9_]){name}($|[^A-Za-z0-9_])")).unwrap();
    for name in &names {
        assert!(!word(name).is_match(words), "rule name `{name}` outside the technical section");
    }
    for name in &outputs {
        assert!(technical.contains(&format!("<code>{name}</code>")), "step `{name}` in the technical section");
    }
    // Fingerprints: every SHA-256 of the run's manifest, and nothing shaped like one outside.
    let manifest = &json["manifest"];
    let mut fingerprints = vec![manifest["rulebook_sha256"].as_str().unwrap()];
    for list in ["norms", "inputs"] {
        fingerprints.extend(manifest[list].as_array().unwrap().iter().map(|f| f["sha256"].as_str().unwrap()));
    }
    for f in fingerprints {
        assert!(technical.contains(f), "{f} in the technical section");
    }
    assert!(!Regex::new("[0-9a-f]{64}").unwrap().is_match(words), "no fingerprint outside the technical section");
    assert!(!technical.contains("<details open"), "folded");
    assert_eq!(technical.split("</details>").nth(1).map(str::trim), Some("</body>\n</html>"), "the last section");
}

#[test]
fn the_page_stays_self_contained() {
    let page = page_in(&repo(), CASE, &[]);
    for external in ["src=\"http", "href=\"http", "<script", "<link", "url(", "@import"] {
        assert!(!page.contains(external), "the page must not load `{external}`");
    }
    assert!(page.contains("@media print"), "printable");
    assert!(page.contains("@media (max-width:"), "narrow screens");
}
