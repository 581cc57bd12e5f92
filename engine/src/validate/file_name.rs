//! File names: the norm's pattern with its captured fields (the period a file covers), and
//! which year a file name belongs to.

use chrono::NaiveDate;
use regex::Regex;

use crate::data::field::DateFormat;
use crate::data::norm::Norm;
use crate::diagnostic::Code;
use crate::validate::Problem;
use crate::value::Period;

#[derive(Clone)]
pub(crate) struct NamePattern {
    pub(crate) pattern: String,
    pub(crate) exact: Regex,
    pub(crate) loose: Regex,
    pub(crate) date_format: String,
}

impl NamePattern {
    pub(crate) fn compile(f: &crate::data::norm::FileNamePattern) -> Result<Self, regex::Error> {
        let (exact, loose) = compile_name(&f.pattern)?;
        Ok(NamePattern { pattern: f.pattern.clone(), exact, loose, date_format: f.date_format.clone() })
    }

    /// Checks `name`; returns the period it names, if any. `dates` writes dates in messages.
    pub(crate) fn check(&self, name: &str, dates: &DateFormat) -> (Option<Period>, Vec<Problem>) {
        let p = self;
        let mut problems = Vec::new();
        let caps = match p.exact.captures(name) {
            Some(c) => c,
            None => match p.loose.captures(name) {
                Some(c) => {
                    problems.push(
                        Problem::new(Code::FileNamePattern, None, msg!("data-file-name-case", pattern = &p.pattern))
                            .value(name.to_string()),
                    );
                    c
                }
                None => {
                    let mut problem = Problem::new(Code::FileNamePattern, None, msg!("data-file-name-pattern", pattern = &p.pattern))
                        .value(name.to_string());
                    problem.hint = Some(match p.pattern.contains("{start}") {
                        true => msg!("data-file-name-period-hint", format = DateFormat::compile(&p.date_format).human()),
                        false => msg!("data-file-name-rename-hint"),
                    });
                    problems.push(problem);
                    return (None, problems);
                }
            },
        };
        // A date that does not parse keeps its text, to show it.
        let date = |key: &str| -> Option<Result<NaiveDate, &str>> {
            let text = caps.name(key)?.as_str();
            Some(NaiveDate::parse_from_str(text, &p.date_format).map_err(|_| text))
        };
        let human = DateFormat::compile(&p.date_format).human().to_string();
        let (start, end) = (date("start"), date("end"));
        for (which, d) in [("start", &start), ("end", &end)] {
            if let Some(Err(text)) = d {
                problems.push(
                    Problem::new(
                        Code::FileNamePeriod,
                        None,
                        match which {
                            "start" => msg!("data-file-name-bad-start", format = &human),
                            _ => msg!("data-file-name-bad-end", format = &human),
                        },
                    )
                    .value(text.to_string()),
                );
            }
        }
        let period = match (start, end) {
            (Some(Ok(start)), Some(Ok(end))) if start <= end => Some(Period { start, end }),
            (Some(Ok(start)), Some(Ok(end))) => {
                let f = dates;
                problems.push(Problem::new(Code::FileNamePeriod, None, msg!("data-file-name-period-reversed")).value(msg!(
                    "data-period",
                    start = f.format(start),
                    end = f.format(end)
                )));
                None
            }
            _ => None,
        };
        (period, problems)
    }
}

/// The year of the first real date the file name gives (its period's start, else its end): the
/// year whose rules apply, even when the period itself is wrong.
pub fn file_name_year(norm: &Norm, name: &str) -> Option<i32> {
    use chrono::Datelike;
    let f = norm.file_name.as_ref()?;
    let pattern = NamePattern::compile(f).ok()?;
    let caps = pattern.loose.captures(name)?;
    ["start", "end"].iter().find_map(|key| NaiveDate::parse_from_str(caps.name(key)?.as_str(), &f.date_format).ok()).map(|d| d.year())
}

/// The period `name` gives when it follows `norm`'s file-name pattern (as a file of that name is
/// read: the period its rows must lie in).
pub fn file_name_period(norm: &Norm, name: &str) -> Option<Period> {
    let pattern = NamePattern::compile(norm.file_name.as_ref()?).ok()?;
    pattern.check(name, &DateFormat::compile(&norm.date_format)).0
}

/// Whether `name` follows `norm`'s file-name pattern, letter case aside (a norm without a pattern
/// is followed by no name).
pub fn follows_file_name(norm: &Norm, name: &str) -> bool {
    norm.file_name.as_ref().and_then(|f| NamePattern::compile(f).ok()).is_some_and(|p| p.loose.is_match(name))
}

/// `{start}` and `{end}` (any `{name}`) become captures; the rest is literal.
fn compile_name(pattern: &str) -> Result<(Regex, Regex), regex::Error> {
    let mut re = String::from("^");
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        re.push_str(&regex::escape(&rest[..open]));
        let name = &rest[open + 1..open + close];
        re.push_str(&format!("(?P<{name}>.+?)"));
        rest = &rest[open + close + 1..];
    }
    re.push_str(&regex::escape(rest));
    re.push('$');
    Ok((Regex::new(&re)?, Regex::new(&format!("(?i){re}"))?))
}
