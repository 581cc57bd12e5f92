//! The page of one case for its director: the total and what makes it, the payment schedule,
//! what to know of the data and the assumptions, every step by its label — in words; the rules'
//! names and the fingerprints of the files only in a folded technical section.

use std::fmt::Write;

use chrono::{DateTime, NaiveDate};
use peps_engine::msg;
use peps_engine::schedule::schedule;
use peps_engine::value::Value;

use super::{escape, page, waterfall};
use crate::case_run::CaseEvaluation;
use crate::format::{Locale, failed_check, human};
use crate::language::Say;
use crate::report::Sources;
use crate::workspace::{exit_code, print_diagnostics};

/// The variable that sets the date a page says it was made on, in seconds since 1970-01-01 UTC,
/// as reproducible builds set it: the same inputs then give the same bytes.
const DATE_VARIABLE: &str = "SOURCE_DATE_EPOCH";

/// The day a page is made on: `SOURCE_DATE_EPOCH` when it is set, else today (UTC). The engine
/// never reads the clock; the command line does, here only.
pub fn generated_on() -> NaiveDate {
    let from_clock = || {
        let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        day_of(i64::try_from(seconds).unwrap_or(0)).unwrap_or_default()
    };
    let Some(text) = std::env::var_os(DATE_VARIABLE) else { return from_clock() };
    let text = text.to_string_lossy();
    match text.trim().parse::<i64>().ok().and_then(day_of) {
        Some(day) => day,
        None => {
            crate::say::note(msg!("html-date-variable-invalid", variable = DATE_VARIABLE, value = text.as_ref()));
            from_clock()
        }
    }
}

fn day_of(seconds: i64) -> Option<NaiveDate> {
    DateTime::from_timestamp(seconds, 0).map(|t| t.date_naive())
}

/// The page of a case, made on `day`, and the exit code of its schedule (its diagnostics, if
/// any, are printed on stderr as `peps schedule` prints them).
pub fn report(run: &CaseEvaluation, locale: Locale, day: NaiveDate) -> (String, u8) {
    let e = &run.evaluation;
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<header>\n<h1>{}</h1>\n<p class=\"muted\">{}<br>{}</p>\n</header>",
        escape(&run.case),
        escape(&msg!("html-subtitle", rulebook = &e.rulebook, year = e.year).say()),
        escape(&msg!("html-generated", date = human(&Value::Date(day), peps_engine::value::Unit::Date, locale)).say())
    );
    let _ = writeln!(b, "<p class=\"total\">{}</p>", escape(&human(&e.total, e.total_unit, locale)));
    if !e.eligible {
        let _ = writeln!(b, "<p class=\"ko\">{}</p>\n<ul class=\"failed\">", escape(&msg!("report-not-eligible").say()));
        for c in &e.failed_checks {
            // By its label: the check's name in the rules is in the technical section.
            let line = failed_check(c, locale);
            let line = if c.label.is_some() { line.replacen(&format!(" ({})", c.key), "", 1) } else { line };
            let _ = writeln!(b, "<li>{}</li>", escape(&line));
        }
        let _ = writeln!(b, "</ul>");
    }
    if !e.waterfall.is_empty() {
        let _ = writeln!(b, "<h2>{}</h2>\n{}", escape(&msg!("html-composition").say()), waterfall(&e.waterfall, &e.total, locale));
    }
    let plan = schedule(&run.rulebook, &run.data, e);
    print_diagnostics(&plan.diagnostics, &Sources::default());
    let code = exit_code(&plan.diagnostics);
    super::schedule::section(&mut b, &plan, locale);
    super::warnings::data(&mut b, run, &plan.diagnostics);
    super::warnings::assumptions(&mut b, e, locale);
    let _ = writeln!(
        b,
        "<h2>{}</h2>\n<table class=\"detail\"><thead><tr><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        escape(&msg!("html-detail").say()),
        escape(&msg!("html-col-step").say()),
        escape(&msg!("html-col-value").say()),
    );
    for o in &e.outputs {
        let _ = writeln!(b, "<tr><td>{}</td><td class=\"num\">{}</td></tr>", escape(&o.label), escape(&human(&o.value, o.unit, locale)));
    }
    let _ = writeln!(b, "</tbody></table>");
    super::technical::section(&mut b, run, &plan);
    (page(&format!("{} — {}", e.rulebook, run.case), &b), code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_variable_is_a_day_in_utc() {
        assert_eq!(day_of(0), NaiveDate::from_ymd_opt(1970, 1, 1));
        assert_eq!(day_of(1_796_515_199), NaiveDate::from_ymd_opt(2026, 12, 5));
        assert_eq!(day_of(1_796_515_200), NaiveDate::from_ymd_opt(2026, 12, 6));
    }
}
