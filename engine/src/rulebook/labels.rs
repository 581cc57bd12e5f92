//! Labels checked at load. Every `{name}` a label shows must be a parameter (a misspelt one is
//! answered with a parameter), and a step's label should not write out the value of a parameter
//! the step reads: "majoré de 20 %" goes stale when the rate becomes 15 %, "majoré de
//! {taux_plafond}" does not.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use typed_index_collections::TiSlice;

use crate::diagnostic::{Code, Diagnostic, Location, NameKind, suggest};
use crate::ids::StepId;
use crate::message::Message;
use crate::rulebook::{ReadRef, Scope, Step};
use crate::rules::label::{self, Piece};
use crate::rules::step::StepDef;
use crate::value::{Unit, Value, for_people};

/// A label of the rulebook: what it labels (for messages), the text and where its item is.
struct Labelled<'a> {
    what: Message,
    text: &'a str,
    at: &'a Location,
}

/// Every label of the rulebook's items, steps included.
fn all_labels<'a>(rb: &'a Scope, defs: &'a TiSlice<StepId, StepDef>) -> Vec<Labelled<'a>> {
    let mut out = Vec::new();
    let mut put = |what: Message, text: &'a str, at: &'a Location| out.push(Labelled { what, text, at });
    for p in &rb.parameters {
        put(msg!("rules-what-parameter", name = &p.name), &p.provenance.label, &p.provenance.location);
    }
    for t in &rb.tables {
        put(msg!("rules-what-table", name = &t.name), &t.provenance.label, &t.provenance.location);
    }
    for l in &rb.lists {
        put(msg!("rules-what-list", name = &l.name), &l.provenance.label, &l.provenance.location);
        for it in &l.items {
            put(msg!("rules-what-item-of-list", code = &it.code, list = &l.name), &it.provenance.label, &it.provenance.location);
        }
    }
    for s in &rb.indicator_sets {
        put(msg!("rules-what-indicator-set", name = &s.name), &s.provenance.label, &s.provenance.location);
        for i in &s.indicators {
            put(msg!("rules-what-indicator-named", name = &i.name), &i.provenance.label, &i.provenance.location);
        }
    }
    for e in &rb.calendar {
        put(msg!("rules-what-event", name = &e.name), &e.provenance.label, &e.provenance.location);
    }
    for i in &rb.schema.inputs {
        put(msg!("rules-what-input", section = &i.section, name = &i.name), &i.label, &i.location);
    }
    for d in defs {
        for (what, text) in step_labels(d) {
            put(what, text, &d.location);
        }
    }
    out
}

/// The labels of a step: its own, and those of its checks or classes.
fn step_labels(d: &StepDef) -> Vec<(Message, &str)> {
    let mut out = vec![(msg!("rules-what-step", name = &d.name), d.label.as_str())];
    out.extend(d.mechanism.labels(&d.name));
    out
}

/// Where `inner` (a span of `label`) is written: found in the item's file after the item's
/// start, else the item.
fn label_location(rb: &Scope, at: &Location, label: &str, inner: Range<usize>) -> Location {
    let Location::Source { file, span, .. } = at else { return at.clone() };
    let Some(f) = rb.files.iter().find(|f| &f.path == file) else { return at.clone() };
    match f.text.get(span.start..).and_then(|t| t.find(label)) {
        Some(k) if !label.is_empty() => f.location(span.start + k + inner.start..span.start + k + inner.end),
        _ => at.clone(),
    }
}

/// Checks that every `{name}` of every label names a parameter, and that its braces are right.
pub(crate) fn check_references(rb: &Scope, defs: &TiSlice<StepId, StepDef>, diags: &mut Vec<Diagnostic>) {
    let parameters: Vec<&str> = rb.parameters.iter().map(|p| p.name.as_str()).collect();
    for l in all_labels(rb, defs) {
        let pieces = match label::pieces(l.text) {
            Ok(p) => p,
            Err(e) => {
                diags.push(
                    Diagnostic::error(Code::InvalidValue, msg!("rules-label-brace", what = l.what.clone(), reason = e.message()))
                        .at(label_location(rb, l.at, l.text, e.span()))
                        .hint(msg!("rules-label-brace-hint")),
                );
                continue;
            }
        };
        for p in pieces {
            let Piece::Name(name, span) = p else { continue };
            if parameters.contains(&name) {
                continue;
            }
            let hint = match suggest(name, &[(NameKind::Parameter, parameters.clone())]) {
                Some(s) => s.message(),
                None => msg!("rules-label-names-parameter"),
            };
            diags.push(
                Diagnostic::error(Code::UndefinedName, msg!("rules-label-unknown-name", what = l.what.clone(), name = name))
                    .at(label_location(rb, l.at, l.text, span))
                    .hint(hint)
                    .undefined(name),
            );
        }
    }
}

/// Warns when a step's label writes out the value of a parameter the step reads.
pub(crate) fn check_numbers(rb: &Scope, steps: &TiSlice<StepId, Step>, diags: &mut Vec<Diagnostic>) {
    for step in steps {
        let read: Vec<_> = step
            .reads
            .iter()
            .filter_map(|r| match r {
                ReadRef::Parameter(p) => Some(&rb.parameters[*p]),
                _ => None,
            })
            .collect();
        if read.is_empty() {
            continue;
        }
        for (what, text) in step_labels(&step.def) {
            for (offset, part) in label::text_parts(text) {
                for n in numbers(part) {
                    let Some(p) = read.iter().find(|p| written_out(&n, p.value_at(rb.reference_date), p.unit)) else { continue };
                    let span = offset + n.span.start..offset + n.span.end;
                    diags.push(
                        Diagnostic::warning(
                            Code::LabelNumber,
                            msg!("rules-label-number", what = what.clone(), number = &part[n.span.clone()], parameter = &p.name),
                        )
                        .at(label_location(rb, &step.def.location, text, span))
                        .hint(
                            Message::id("rules-label-number-hint")
                                .with("parameter", &p.name)
                                .with("value", for_people(p.value_at(rb.reference_date), p.unit).replace(['\u{a0}', '\u{202f}'], " ")),
                        ),
                    );
                }
            }
        }
    }
}

/// A number written in a label, with what follows it.
#[derive(Debug, PartialEq, Eq)]
struct Written {
    value: Shown,
    span: Range<usize>,
    decimals: bool,
    after: After,
}

/// What a number of a label says: a quantity, or a day and month with maybe a year.
#[derive(Debug, PartialEq, Eq)]
enum Shown {
    Number(Decimal),
    Date(u32, u32, Option<i32>),
}

/// What follows a number in a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    Percent,
    Euro,
    Word,
    Other,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// The numbers written in `text`: `20 %`, `1 234,50 €`, `0.20`, `65 ans`, `31/12` or
/// `31/12/2025`. A number glued to a letter before it (`C2S`, `A51`) is a name, not a number.
fn numbers(text: &str) -> Vec<Written> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let glued = k > 0 && (chars[k - 1].1.is_alphanumeric() || chars[k - 1].1 == '_');
        if !c.is_ascii_digit() || glued {
            k += 1;
            continue;
        }
        let digits = |mut j: usize| {
            while j < chars.len() && chars[j].1.is_ascii_digit() {
                j += 1;
            }
            j
        };
        let mut j = digits(k);
        let mut int: String = chars[k..j].iter().map(|(_, c)| c).collect();
        // Thousands grouped by a space: `1 234 567`.
        let groups = int.len() <= 3;
        while groups
            && j + 4 <= chars.len()
            && is_space(chars[j].1)
            && chars[j + 1..j + 4].iter().all(|(_, c)| c.is_ascii_digit())
            && chars.get(j + 4).is_none_or(|(_, c)| !c.is_ascii_digit())
        {
            int.extend(chars[j + 1..j + 4].iter().map(|(_, c)| c));
            j += 4;
        }
        let mut value = None;
        let mut decimals = false;
        if j + 1 < chars.len() && chars[j].1 == '/' && chars[j + 1].1.is_ascii_digit() {
            let m_end = digits(j + 1);
            let day: Option<u32> = int.parse().ok();
            let month: Option<u32> = chars[j + 1..m_end].iter().map(|(_, c)| c).collect::<String>().parse().ok();
            let mut year = None;
            let mut end = m_end;
            if m_end + 1 < chars.len() && chars[m_end].1 == '/' && chars[m_end + 1].1.is_ascii_digit() {
                let y_end = digits(m_end + 1);
                year = chars[m_end + 1..y_end].iter().map(|(_, c)| c).collect::<String>().parse().ok();
                end = y_end;
            }
            if let (Some(d), Some(m)) = (day, month) {
                value = Some(Shown::Date(d, m, year));
            }
            j = end;
        } else if j + 1 < chars.len() && matches!(chars[j].1, ',' | '.') && chars[j + 1].1.is_ascii_digit() {
            let f_end = digits(j + 1);
            let frac: String = chars[j + 1..f_end].iter().map(|(_, c)| c).collect();
            value = format!("{int}.{frac}").parse().ok().map(Shown::Number);
            decimals = true;
            j = f_end;
        } else {
            value = int.parse().ok().map(Shown::Number);
        }
        let end_byte = chars.get(j).map_or(text.len(), |(b, _)| *b);
        let mut n = j;
        while n < chars.len() && is_space(chars[n].1) {
            n += 1;
        }
        let after = match chars.get(n).map(|(_, c)| *c) {
            Some('%') => After::Percent,
            Some('€') => After::Euro,
            Some(c) if c.is_alphabetic() && n > j => After::Word,
            _ => After::Other,
        };
        // A sign belongs to the number it follows: `20 %` is what the label writes out.
        let end_byte = match after {
            After::Percent | After::Euro => chars.get(n + 1).map_or(text.len(), |(b, _)| *b),
            _ => end_byte,
        };
        if let Some(value) = value {
            out.push(Written { value, span: start..end_byte, decimals, after });
        }
        k = j.max(k + 1);
    }
    out
}

/// Whether the number `n` of a label is `value`, a value of unit `unit`, written out.
fn written_out(n: &Written, value: &Value, unit: Unit) -> bool {
    match (&n.value, value) {
        (Shown::Date(d, m, y), Value::Date(date)) => same_day(date, *d, *m, *y),
        (Shown::Number(x), Value::Number(v)) => match unit {
            Unit::Rate => {
                (n.after == After::Percent && *x == *v * Decimal::ONE_HUNDRED) || (n.decimals && n.after != After::Percent && x == v)
            }
            Unit::Eur => (n.after == After::Euro || n.decimals) && x == v,
            Unit::Date | Unit::Bool | Unit::Text => false,
            _ => n.after == After::Word && x == v,
        },
        _ => false,
    }
}

fn same_day(date: &NaiveDate, d: u32, m: u32, y: Option<i32>) -> bool {
    date.day() == d && date.month() == m && y.is_none_or(|y| y == date.year())
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    fn found(text: &str) -> Vec<String> {
        numbers(text)
            .iter()
            .map(|n| {
                let v = match &n.value {
                    Shown::Number(x) => x.to_string(),
                    Shown::Date(d, m, y) => format!("{d}/{m}/{y:?}"),
                };
                format!("{v} {:?} `{}`", n.after, &text[n.span.clone()])
            })
            .collect()
    }

    #[test]
    fn numbers_of_a_label_are_read_with_what_follows_them() {
        assert_eq!(found("majoré de 20 % (C2S, A51)"), vec!["20 Percent `20 %`"]);
        assert_eq!(found("plafond de 1 234,50 € et 0.20"), vec!["1234.50 Euro `1 234,50 €`", "0.20 Other `0.20`"]);
        assert_eq!(found("au 31/12, puis le 03/07/2026"), vec!["31/12/None Other `31/12`", "3/7/Some(2026) Other `03/07/2026`"]);
        assert_eq!(found("65 ans et plus ; liste 1 : facturable"), vec!["65 Word `65`", "1 Other `1`"]);
        assert_eq!(found("1 234 567 €"), vec!["1234567 Euro `1 234 567 €`"]);
    }

    #[test]
    fn a_number_is_a_parameter_written_out_in_the_form_of_its_unit() {
        let first = |t: &str| numbers(t).into_iter().next().unwrap();
        let rate = Value::Number(dec!(0.20));
        assert!(written_out(&first("majoré de 20 %"), &rate, Unit::Rate));
        assert!(written_out(&first("majoré de 0,20"), &rate, Unit::Rate));
        assert!(!written_out(&first("liste 20"), &rate, Unit::Rate));
        assert!(written_out(&first("G à 30,00 €"), &Value::Number(dec!(30)), Unit::Eur));
        assert!(written_out(&first("au moins 250 personnes"), &Value::Number(dec!(250)), Unit::Count));
        assert!(!written_out(&first("liste 1 : facturable"), &Value::Number(dec!(1)), Unit::Count));
        let date = Value::Date(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        assert!(written_out(&first("MT au 31/12"), &date, Unit::Date));
        assert!(written_out(&first("MT au 31/12/2025"), &date, Unit::Date));
        assert!(!written_out(&first("MT au 31/12/2024"), &date, Unit::Date));
    }
}

#[cfg(test)]
mod load_tests {
    use crate::diagnostic::{Code, Diagnostic};
    use crate::rulebook::{Rulebook, load};
    use crate::rules::source::MemSource;

    const MANIFEST: &str = "year = 2025\nlabel = \"L\"\nperiod = { start = 2025-01-01, end = 2025-12-31 }\nreference_date = 2025-12-31\n\
        [files]\nparameters = [\"p.toml\"]\nsteps = [\"e.toml\"]\n[result]\ntotal = \"total\"\n";
    const PARAMS: &str = "[taux]\nlabel = \"Taux de {taux}\"\nunit = \"rate\"\nvalue = \"0.155\"\nstatus = \"assumed\"\nreference = \"r\"\n\n\
        [fin]\nlabel = \"Fin\"\nunit = \"date\"\nvalue = 2026-07-03\nstatus = \"assumed\"\nreference = \"r\"\n";

    fn load_with(label: &str) -> (Option<Rulebook>, Vec<Diagnostic>) {
        let steps = format!(
            "[[step]]\nname = \"total\"\nlabel = \"{label}\"\nunit = \"EUR\"\nround = \"none\"\nformula = \"if fin == fin {{ 100 * (1 + taux) }} else {{ 0 }}\"\n"
        );
        let rules = MemSource::new().with("rulebook.toml", MANIFEST).with("p.toml", PARAMS).with("e.toml", &steps);
        load(&rules, &MemSource::new())
    }

    #[test]
    fn a_label_shows_parameter_values_written_for_people() {
        let (rb, diags) = load_with("Total majoré de {taux} jusqu'au {fin} {{sic}}");
        let rb = rb.unwrap_or_else(|| panic!("{diags:?}"));
        assert!(diags.is_empty(), "{diags:?}");
        let shown = rb.render_label(&rb.total_step().def.label).replace('\u{a0}', " ");
        assert_eq!(shown, "Total majoré de 15,5 % jusqu'au 03/07/2026 {sic}");
        assert_eq!(rb.render_label(&rb.parameters()[0].provenance.label).replace('\u{a0}', " "), "Taux de 15,5 %");
    }

    #[test]
    fn an_unknown_name_in_a_label_is_an_error_with_a_parameter_suggested() {
        let (rb, diags) = load_with("Total majoré de {tuax}");
        assert!(rb.is_none());
        let d = diags.iter().find(|d| d.code == Code::UndefinedName).unwrap_or_else(|| panic!("{diags:?}"));
        assert_eq!(d.message.en(), "the label of step `total` shows `{tuax}`, which is no parameter");
        assert_eq!(d.hint.as_ref().map(crate::message::Message::en).as_deref(), Some("did you mean parameter `taux`?"));
        assert_eq!(d.location.as_ref().unwrap().to_string(), "e.toml:3:26");
        let (_, diags) = load_with("Total {taux");
        assert!(diags.iter().any(|d| d.code == Code::InvalidValue && d.message.en().contains("opens no")), "{diags:?}");
    }

    #[test]
    fn a_label_that_writes_out_a_value_the_step_reads_is_a_warning() {
        let (rb, diags) = load_with("Total majoré de 15,5 % jusqu'au 03/07/2026");
        assert!(rb.is_some(), "a warning does not stop the rulebook: {diags:?}");
        let shown: Vec<String> = diags.iter().map(|d| format!("{} {}", d.code, d.message.en())).collect();
        assert_eq!(
            shown,
            vec![
                "R121 the label of step `total` writes out `15,5 %`, the value of parameter `taux`, which the step reads",
                "R121 the label of step `total` writes out `03/07/2026`, the value of parameter `fin`, which the step reads",
            ]
        );
        assert!(diags[0].hint.as_ref().unwrap().en().starts_with("write `{taux}` instead"), "{diags:?}");
    }
}
