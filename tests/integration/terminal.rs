//! What a person reads on her terminal: French by default and English with `--lang en`
//! everywhere (clap's help and usage errors, the tables, the schedule, the level words of the
//! diagnostics, in colour or not), labels rather than rule names unless `--names` asks for them,
//! and lines that fit 80 columns when the width is unknown.

use std::process::Command;

use regex::Regex;

use crate::util::{peps_default_in, repo};

const COMMANDS: &[&[&str]] = &[
    &["compute"],
    &["docs"],
    &["explain"],
    &["impact"],
    &["rules"],
    &["rules", "check"],
    &["rules", "matrix"],
    &["schedule"],
    &["synth"],
    &["test"],
    &["validate"],
];

/// The year of the examples' rules: the first shipped year (the examples are of that year).
fn year() -> String {
    crate::util::shipped_years(&repo().join("rules"))[0].to_string()
}

#[test]
fn the_help_of_every_command_is_french_by_default_and_english_with_lang_en() {
    for command in COMMANDS {
        let mut args = command.to_vec();
        args.push("--help");
        let fr = peps_default_in(&repo(), &args);
        assert_eq!(fr.code, 0, "{command:?}: {}", fr.stderr);
        for english in ["Usage:", "Print help", "Commands:", "[default:", "[env:", "Possible values", "[possible values"] {
            assert!(!fr.stdout.contains(english), "`{english}` in the French help of {command:?}:\n{}", fr.stdout);
        }
        assert!(fr.stdout.contains("Utilisation :") && fr.stdout.contains("Afficher l'aide"), "{command:?}:\n{}", fr.stdout);
        args.extend(["--lang", "en"]);
        let en = peps_default_in(&repo(), &args);
        assert!(en.stdout.contains("Usage:") && en.stdout.contains("Print help"), "{command:?}:\n{}", en.stdout);
        assert!(!en.stdout.contains("Utilisation"), "{command:?}:\n{}", en.stdout);
    }
    let compute = peps_default_in(&repo(), &["compute", "--help"]).stdout;
    assert!(compute.contains("[par défaut : table]") && compute.contains("[valeurs possibles : "), "{compute}");
}

#[test]
fn usage_errors_are_french_by_default_and_english_with_lang_en() {
    let fr = peps_default_in(&repo(), &["compute", "examples/msp"]);
    assert_eq!(fr.code, 2);
    assert!(fr.stderr.starts_with("erreur : il manque ces arguments obligatoires"), "{}", fr.stderr);
    assert!(fr.stderr.contains("--year") && fr.stderr.contains("Utilisation : peps compute"), "{}", fr.stderr);
    let en = peps_default_in(&repo(), &["compute", "examples/msp", "--lang", "en"]);
    assert!(en.stderr.starts_with("error: the following required arguments were not provided"), "{}", en.stderr);
    for (args, french) in [
        (&["compute", "--yaer", "2025", "examples/msp"][..], "argument inattendu « --yaer »"),
        (&["compute", "--year", "2025", "--format", "xml", "examples/msp"][..], "valeur « xml » invalide pour « --format"),
        (&["computе"][..], "commande inconnue"),
        (&["compute", "--year", "deux", "examples/msp"][..], "valeur « deux » refusée pour « --year"),
    ] {
        let run = peps_default_in(&repo(), args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(french), "{args:?}:\n{}", run.stderr);
        assert!(!run.stderr.contains("error:") && !run.stderr.contains("Usage:"), "{args:?}:\n{}", run.stderr);
    }
    let suggested = peps_default_in(&repo(), &["compute", "--yaer", "2025", "examples/msp"]);
    assert!(suggested.stderr.contains("peut-être : --year"), "{}", suggested.stderr);
}

/// The snake_case names of the steps of the examples' rulebook, as `compute --format json` names
/// its outputs, and the names of the schedule's payments.
fn rule_names(case: &str) -> Vec<String> {
    let json = peps_default_in(&repo(), &["compute", "--year", &year(), "--format", "json", case]).stdout;
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let mut names: Vec<String> =
        value["outputs"].as_array().expect("outputs").iter().filter_map(|o| o["name"].as_str().map(str::to_string)).collect();
    let json = peps_default_in(&repo(), &["schedule", "--year", &year(), "--format", "json", case]).stdout;
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    names.extend(value["payments"].as_array().expect("payments").iter().filter_map(|p| p["name"].as_str().map(str::to_string)));
    names.retain(|n| n.contains('_'));
    assert!(names.len() > 5, "{names:?}");
    names
}

#[test]
fn the_default_table_schedule_and_validate_report_hold_no_rule_name_nor_english_word() {
    let slug = Regex::new(r"\b[A-Z]\d{3} [a-z]+(-[a-z]+)+").unwrap();
    let english = Regex::new(r"\b(assumed|seed|confirmed|eligible|cases|yes|no|end|error|warning|help|TOTAL\b.*cases)\b").unwrap();
    for case in ["examples/msp", "examples/malakoff"] {
        let names = rule_names(case);
        let runs = [
            peps_default_in(&repo(), &["compute", "--year", &year(), case]),
            peps_default_in(&repo(), &["schedule", "--year", &year(), case]),
            peps_default_in(&repo(), &["validate", "--year", &year(), case]),
            peps_default_in(&repo(), &["compute", "--year", &year(), "examples"]),
        ];
        for run in &runs {
            let text = format!("{}\n{}", run.stdout, run.stderr);
            for name in &names {
                let word = Regex::new(&format!(r"\b{name}\b")).unwrap();
                assert!(!word.is_match(&run.stdout), "rule name `{name}` in the default output of {case}:\n{}", run.stdout);
            }
            assert!(!slug.is_match(&text), "English slug {:?} in:\n{text}", slug.find(&text));
            assert!(!english.is_match(&text), "English word {:?} in:\n{text}", english.find(&text));
        }
    }
    let named = peps_default_in(&repo(), &["compute", "--year", &year(), "--names", "examples/msp"]).stdout;
    for name in rule_names("examples/msp").iter().filter(|n| !n.starts_with("acompte") && !n.starts_with("solde")) {
        assert!(named.contains(name.as_str()), "--names shows `{name}`:\n{named}");
    }
}

#[test]
fn lang_en_writes_english_numbers_and_words() {
    let run = peps_default_in(&repo(), &["compute", "--year", &year(), "--lang", "en", "examples"]);
    assert!(Regex::new(r"\d,\d{3}\.\d{2} €").unwrap().is_match(&run.stdout), "{}", run.stdout);
    assert!(run.stdout.contains(" yes ") && run.stdout.contains("cases"), "{}", run.stdout);
    assert!(!run.stdout.contains("oui") && !Regex::new(r"\d\u{202f}\d{3},\d{2}").unwrap().is_match(&run.stdout), "{}", run.stdout);
    let schedule = peps_default_in(&repo(), &["schedule", "--year", &year(), "--lang", "en", "examples/msp"]).stdout;
    assert!(schedule.contains("Payments") && !schedule.contains("Versements"), "{schedule}");
}

/// Colours forced (as on a terminal): the level words are the run's language's, as in a pipe.
#[test]
fn level_words_are_the_same_with_colours_and_without() {
    let ansi = Regex::new("\u{1b}\\[[0-9;]*m").unwrap();
    for (lang, words, absent) in [
        ("fr", ["avertissement[", " = note : ", " = aide : "], ["warning[", "= help"]),
        ("en", ["warning[", " = note: ", " = help: "], ["avertissement", "aide"]),
    ] {
        let mut outputs = Vec::new();
        for colour in [true, false] {
            let mut command = Command::new(env!("CARGO_BIN_EXE_peps"));
            command.args(["compute", "--year", &year(), "examples/msp", "--lang", lang]).current_dir(repo()).env_remove("PEPS_LANG");
            if colour {
                command.env("CLICOLOR_FORCE", "1").env_remove("NO_COLOR");
            } else {
                command.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
            }
            let out = command.output().expect("run peps");
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            assert_eq!(colour, stderr.contains('\u{1b}'), "colours forced: {colour}");
            outputs.push(ansi.replace_all(&stderr, "").into_owned());
        }
        assert_eq!(outputs[0], outputs[1], "the same words with colours and without");
        for word in words {
            assert!(outputs[0].contains(word), "`{word}` in:\n{}", outputs[0]);
        }
        for word in absent {
            assert!(!outputs[0].contains(word), "`{word}` in:\n{}", outputs[0]);
        }
    }
}

/// Piped, the width is unknown: every line of the tables and the schedule fits 80 columns, and
/// every figure of the table is whole on its line.
#[test]
fn tables_and_schedules_fit_80_columns_when_piped() {
    for lang in ["fr", "en"] {
        let mut runs = vec![peps_default_in(&repo(), &["compute", "--year", &year(), "--lang", lang, "examples"])];
        for case in ["examples/msp", "examples/malakoff", "examples/ineligible"] {
            runs.push(peps_default_in(&repo(), &["compute", "--year", &year(), "--lang", lang, case]));
            runs.push(peps_default_in(&repo(), &["schedule", "--year", &year(), "--lang", lang, case]));
            runs.push(peps_default_in(&repo(), &["compute", "--year", &year(), "--lang", lang, "--names", case]));
        }
        for run in runs {
            for line in run.stdout.lines() {
                assert!(line.chars().count() <= 80, "{} columns:\n{line}", line.chars().count());
            }
        }
    }
    let json = peps_default_in(&repo(), &["compute", "--year", &year(), "--format", "json", "examples/malakoff"]).stdout;
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let table = peps_default_in(&repo(), &["compute", "--year", &year(), "--locale", "plain", "examples/malakoff"]).stdout;
    for o in value["outputs"].as_array().expect("outputs") {
        if let Some(n) = o["value"].as_str().or(o["value"].as_f64().map(|_| "")).filter(|s| !s.is_empty()) {
            assert!(table.contains(n), "{n} whole in:\n{table}");
        }
    }
}
