//! French by default: what `peps` writes for people is French unless `--lang en` (or
//! `PEPS_LANG=en`) asks for English; codes stay the same in both.

use crate::util::{peps_default_in, repo};

/// A file of the norm `actnom` with many problems: one of each kind.
const BROKEN: &str = "tests/data/validate/many/A51_PEPS_16_ACTNOM_20250101_20250331.csv";

#[test]
fn validate_explains_each_problem_of_a_broken_file_in_french() {
    let run = peps_default_in(&repo(), &["validate", BROKEN]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let out = &run.stdout;
    for french in ["erreurs", "lignes", "valides", "rejetées", "norme actnom", "période du 01/01/2025 au 31/03/2025", "ligne 3"] {
        assert!(out.contains(french), "the French report lacks `{french}`:\n{out}");
    }
    for code in ["V409 :", "V416 :", "V420 :"] {
        assert!(out.contains(code), "the report lacks the code `{code}`:\n{out}");
    }
    // The problems' own messages are the engine's; the report around them is French.
    assert!(!out.contains("period 01/01/2025"), "the French report still says `period`:\n{out}");
}

#[test]
fn validate_in_english_says_the_same_with_the_same_codes() {
    let french = peps_default_in(&repo(), &["validate", BROKEN]);
    let english = peps_default_in(&repo(), &["validate", "--lang", "en", BROKEN]);
    assert_eq!(english.code, french.code);
    for word in ["rows", "rejected", "period 01/01/2025 to 31/03/2025", "row 3"] {
        assert!(english.stdout.contains(word), "the English report lacks `{word}`:\n{}", english.stdout);
    }
    let codes = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .filter(|w| w.len() == 4 && w.starts_with('V') && w[1..].bytes().all(|b| b.is_ascii_digit()))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(codes(&english.stdout), codes(&french.stdout), "the same problems in both languages");
    // The environment chooses the language too.
    let mut env_english = std::process::Command::new(env!("CARGO_BIN_EXE_peps"));
    env_english.args(["validate", BROKEN]).current_dir(repo()).env("PEPS_LANG", "en").env_remove("PEPS_LOCALE");
    let out = String::from_utf8_lossy(&env_english.output().expect("run peps").stdout).into_owned();
    assert_eq!(out, english.stdout);
}

#[test]
fn a_wrong_argument_is_explained_in_the_language_asked_for() {
    let french = peps_default_in(&repo(), &["validate", "--deposit-date", "31/02/2026", BROKEN]);
    assert_eq!(french.code, 2);
    assert!(french.stderr.contains("n'est pas une date"), "{}", french.stderr);
    let english = peps_default_in(&repo(), &["validate", "--lang", "en", "--deposit-date", "31/02/2026", BROKEN]);
    assert!(english.stderr.contains("is not a date"), "{}", english.stderr);
}

#[test]
fn the_schedule_reads_in_french_by_default() {
    let run = peps_default_in(&repo(), &["schedule", "--year", "2025", "examples/malakoff"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    for french in ["Échéancier des versements 2025", "Versements", "montant définitif", "versement", "échéance", "contrôle : versements"]
    {
        assert!(out.contains(french), "the French schedule lacks `{french}`:\n{out}");
    }
    for english in ["Payment schedule", "Payments", "final amount", "check: payments"] {
        assert!(!out.contains(english), "the French schedule still says `{english}`:\n{out}");
    }
    // Amounts in the French way: a comma before the cents and the euro sign after.
    let french_amount = |s: &str| s.len() > 3 && s.as_bytes()[s.len() - 3] == b',' && s[s.len() - 2..].bytes().all(|b| b.is_ascii_digit());
    assert!(out.split(" €").any(french_amount), "{out}");
    let english = peps_default_in(&repo(), &["schedule", "--lang", "en", "--year", "2025", "examples/malakoff"]);
    assert!(english.stdout.contains("Payment schedule of 2025"), "{}", english.stdout);
}

#[test]
fn the_count_of_diagnostics_is_french_too() {
    let run = peps_default_in(&repo(), &["schedule", "--year", "2025", "examples/malakoff"]);
    let last = run.stderr.lines().rfind(|l| !l.trim().is_empty()).unwrap_or_default().to_string();
    if !last.is_empty() {
        assert!(last.contains("erreur") && last.contains("avertissement"), "{}", run.stderr);
    }
}

#[test]
fn compute_prints_the_total_the_french_way_and_no_english_sentence() {
    let json = crate::util::compute_json(&crate::util::peps(&["compute", "--year", "2025", "--format", "json", "examples/msp"]));
    let total: rust_decimal::Decimal = json["total"].as_str().unwrap().parse().unwrap();
    let run = peps_default_in(&repo(), &["compute", "--year", "2025", "examples/msp"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(&crate::util::french_money(total)), "{}", run.stdout);
    // Sentences of the English output, none of which may show by default.
    let english = ["rests on", "components of the total", "NOT eligible", "the total", " in all", "not in list", "warning[", " = help:"];
    for text in [&run.stdout, &run.stderr] {
        for e in english {
            assert!(!text.contains(e), "English `{e}` in the default output:\n{text}");
        }
    }
    assert!(run.stdout.contains("Le total repose sur"), "{}", run.stdout);
    let en = peps_default_in(&repo(), &["compute", "--year", "2025", "--lang", "en", "examples/msp"]);
    assert!(en.stdout.contains("the total rests on"), "{}", en.stdout);
}

#[test]
fn explain_starts_with_the_answer_and_opens_the_tree_on_request() {
    let summary = peps_default_in(&repo(), &["explain", "--year", "2025", "examples/msp"]);
    assert_eq!(summary.code, 0, "{}", summary.stderr);
    let first = summary.stdout.lines().next().unwrap_or_default();
    assert!(first.contains("(remuneration_totale) = ") && first.ends_with(" €"), "the figure first: {first}");
    assert!(summary.stdout.contains("Ce qui pèse le plus"), "{}", summary.stdout);
    assert!(!summary.stdout.contains("fn ") && !summary.stdout.contains(" · age "), "no Rhai source nor table cells by default");
    let full = peps_default_in(&repo(), &["explain", "--year", "2025", "--full", "--details", "examples/msp"]);
    assert!(full.stdout.lines().count() > 3 * summary.stdout.lines().count(), "the whole tree is longer");
    assert!(full.stdout.contains(" · age "), "the table cells with --details");
}
