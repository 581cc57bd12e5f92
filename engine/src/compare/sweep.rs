//! Cost curves: one rule value swept over a range — a parameter, a table cell or a list item's
//! attribute — each value giving a rulebook that differs from the year's only by that value.
//!
//! A sweep is written `NAME=FROM..TO:STEP`, NAME being
//! - a parameter: `coef_revalorisation_tarifaire`;
//! - a list item's attribute: `LIST.CODE.ATTRIBUTE` (`prestations.G.tarif`), the attribute
//!   optional when the list has one number attribute (`prestations.G`); every validity of the
//!   code takes the value;
//! - a table cell: `TABLE[KEY=VALUE,…].COLUMN`, a value for every key column, as a lookup reads
//!   it (`forfait_reference[age=3,sexe=F,nb_ald=0,c2s=false].montant`), the column optional when
//!   the table has one.
//!
//! The swept value replaces every dated value of the item: it holds for the whole year. The
//! values run from FROM to TO by STEP (TO included when a step lands on it), at most
//! [`MAX_VALUES`]. Each value only rebinds the rulebook: the cases are read once, by the caller.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::rulebook::{Parts, Rulebook, assemble};
use crate::value::{Dated, Unit, Value};

/// The most values a sweep may have.
pub const MAX_VALUES: usize = 1000;

/// A sweep as written: the item's name and the range of its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SweepSpec {
    pub name: String,
    pub from: Decimal,
    pub to: Decimal,
    pub step: Decimal,
}

/// Why a sweep cannot run; the caller words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SweepError {
    /// Not of the form `NAME=FROM..TO:STEP`.
    Syntax,
    /// A bound or the step is not a number.
    NotANumber {
        text: String,
    },
    Reversed {
        from: Decimal,
        to: Decimal,
    },
    StepNotPositive {
        step: Decimal,
    },
    TooMany {
        count: usize,
        max: usize,
    },
    /// No parameter, table or list of this name.
    UnknownName {
        name: String,
        suggestion: Option<String>,
    },
    /// A list has no such code, or no such attribute; a table no such column.
    UnknownPart {
        name: String,
        part: String,
        suggestion: Option<String>,
    },
    /// The list or table has several number attributes or columns: one must be named.
    WhichPart {
        name: String,
        choices: String,
    },
    /// The keys of a table cell are not one value per key column, or select no row.
    BadKeys {
        table: String,
        keys: String,
        expected: String,
    },
    NoRow {
        table: String,
        keys: String,
    },
    /// The item does not hold a number (a date, a text, a yes/no).
    NotANumberItem {
        name: String,
        unit: Unit,
    },
}

impl SweepSpec {
    /// Reads `NAME=FROM..TO:STEP`.
    pub fn parse(text: &str) -> Result<SweepSpec, SweepError> {
        let (name, range) = text.rsplit_once('=').ok_or(SweepError::Syntax)?;
        let (bounds, step) = range.rsplit_once(':').ok_or(SweepError::Syntax)?;
        let (from, to) = bounds.split_once("..").ok_or(SweepError::Syntax)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(SweepError::Syntax);
        }
        let number = |t: &str| {
            let t = t.trim();
            // A French decimal comma is read as a point.
            t.replace(',', ".").parse::<Decimal>().map_err(|_| SweepError::NotANumber { text: t.to_string() })
        };
        let spec = SweepSpec { name: name.to_string(), from: number(from)?, to: number(to)?, step: number(step)? };
        spec.values()?;
        Ok(spec)
    }

    /// The values of the sweep, FROM first.
    pub fn values(&self) -> Result<Vec<Decimal>, SweepError> {
        if self.from > self.to {
            return Err(SweepError::Reversed { from: self.from, to: self.to });
        }
        if self.step <= Decimal::ZERO {
            return Err(SweepError::StepNotPositive { step: self.step });
        }
        let too_many = || SweepError::TooMany { count: usize::MAX, max: MAX_VALUES };
        // Bounds near the largest decimal: too many values, never an overflow.
        let steps = self.to.checked_sub(self.from).and_then(|span| span.checked_div(self.step)).ok_or_else(too_many)?;
        let count = steps.floor().to_string().parse::<usize>().map_err(|_| too_many())?.saturating_add(1);
        if count > MAX_VALUES {
            return Err(SweepError::TooMany { count, max: MAX_VALUES });
        }
        let scale = self.from.scale().max(self.step.scale());
        Ok((0..count)
            .map(|i| {
                let mut v = self.from + self.step * Decimal::from(i);
                v.rescale(scale);
                v
            })
            .collect())
    }
}

/// What a sweep sets in a set of items.
#[derive(Debug, Clone)]
enum Target {
    Parameter(String),
    Cell { table: String, row: usize, column: usize },
    Attribute { list: String, code: String, attribute: usize },
}

/// The item a sweep sets in a rulebook, found and checked.
#[derive(Debug, Clone, Serialize)]
pub struct SweepItem {
    /// The item as the sweep names it.
    pub name: String,
    pub unit: Unit,
    /// Its value in the rules at the start of the year.
    pub current: Option<Decimal>,
    #[serde(skip)]
    target: Target,
}

fn unknown_part(name: &str, part: &str, candidates: &[&str]) -> SweepError {
    SweepError::UnknownPart {
        name: name.to_string(),
        part: part.to_string(),
        suggestion: did_you_mean(part, candidates.iter().copied()).map(str::to_string),
    }
}

fn numeric(name: &str, unit: Unit) -> Result<(), SweepError> {
    match unit {
        Unit::Date | Unit::Bool | Unit::Text => Err(SweepError::NotANumberItem { name: name.to_string(), unit }),
        _ => Ok(()),
    }
}

/// One named part of several (`names`), or the only number one when `asked` is `None`.
fn pick(owner: &str, asked: Option<&str>, names: &[(&str, Unit)]) -> Result<usize, SweepError> {
    match asked {
        Some(a) => names.iter().position(|(n, _)| *n == a).ok_or_else(|| {
            let all: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
            unknown_part(owner, a, &all)
        }),
        None => {
            let numbers: Vec<usize> = (0..names.len()).filter(|&i| numeric("", names[i].1).is_ok()).collect();
            match numbers.as_slice() {
                [one] => Ok(*one),
                _ => Err(SweepError::WhichPart {
                    name: owner.to_string(),
                    choices: names.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "),
                }),
            }
        }
    }
}

/// A key cell as a lookup reads it: a number, `true`/`false`, or a text.
fn key_value(text: &str) -> Value {
    match text {
        "true" | "oui" => Value::Bool(true),
        "false" | "non" => Value::Bool(false),
        _ => text.replace(',', ".").parse::<Decimal>().map_or_else(|_| Value::text(text), Value::Number),
    }
}

impl SweepItem {
    /// Finds the item `name` names in `rb`.
    pub fn find(rb: &Rulebook, name: &str) -> Result<SweepItem, SweepError> {
        let start = rb.period.start;
        let names = || -> Vec<&str> {
            rb.parameters
                .iter()
                .map(|p| p.name.as_str())
                .chain(rb.tables.iter().map(|t| t.name.as_str()))
                .chain(rb.lists.iter().map(|l| l.name.as_str()))
                .collect()
        };
        let unknown = |n: &str| SweepError::UnknownName { name: n.to_string(), suggestion: did_you_mean(n, names()).map(str::to_string) };
        // A table cell: TABLE[KEYS].COLUMN
        if let Some((table, rest)) = name.split_once('[') {
            let (keys, column) = rest.split_once(']').ok_or(SweepError::Syntax)?;
            let column = match column {
                "" => None,
                c => Some(c.strip_prefix('.').ok_or(SweepError::Syntax)?),
            };
            let t = rb.tables.iter().find(|t| t.name == table).ok_or_else(|| unknown(table))?;
            let expected = t.keys.iter().map(|k| format!("{}=…", k.name)).collect::<Vec<_>>().join(",");
            let bad = || SweepError::BadKeys { table: table.to_string(), keys: keys.to_string(), expected: expected.clone() };
            let mut given: Vec<(&str, &str)> = Vec::new();
            for pair in keys.split(',').filter(|p| !p.trim().is_empty()) {
                let (k, v) = pair.split_once('=').ok_or_else(bad)?;
                given.push((k.trim(), v.trim()));
            }
            if given.len() != t.keys.len() {
                return Err(bad());
            }
            let mut values = Vec::new();
            for k in &t.keys {
                let (_, v) = given.iter().find(|(g, _)| *g == k.name).ok_or_else(bad)?;
                values.push(key_value(v));
            }
            let row = t.find(&values).ok_or_else(|| SweepError::NoRow { table: table.to_string(), keys: keys.to_string() })?;
            let cols: Vec<(&str, Unit)> = t.columns.iter().map(|c| (c.name.as_str(), c.unit)).collect();
            let column = pick(table, column, &cols)?;
            let unit = t.columns[column].unit;
            let shown = format!("{table}[{keys}].{}", t.columns[column].name);
            numeric(&shown, unit)?;
            return Ok(SweepItem {
                current: Some(t.rows[row].values[column]),
                name: shown,
                unit,
                target: Target::Cell { table: table.to_string(), row, column },
            });
        }
        if let Some(p) = rb.parameters.iter().find(|p| p.name == name) {
            numeric(name, p.unit)?;
            return Ok(SweepItem {
                name: name.to_string(),
                unit: p.unit,
                current: p.value_at(start).as_number(),
                target: Target::Parameter(name.to_string()),
            });
        }
        // A list item's attribute: LIST.CODE[.ATTRIBUTE]
        let mut parts = name.splitn(3, '.');
        let (list, code, attribute) = (parts.next().unwrap_or(""), parts.next(), parts.next());
        let l = rb.lists.iter().find(|l| l.name == list).ok_or_else(|| unknown(list))?;
        let Some(code) = code else { return Err(SweepError::Syntax) };
        let items: Vec<&crate::rules::list::ListItem> = l.items.iter().filter(|i| i.code == code).collect();
        if items.is_empty() {
            let codes: Vec<&str> = l.items.iter().map(|i| i.code.as_str()).collect();
            return Err(unknown_part(list, code, &codes));
        }
        let attrs: Vec<(&str, Unit)> = l.attributes.iter().map(|a| (a.name.as_str(), a.unit)).collect();
        let attr = pick(&format!("{list}.{code}"), attribute, &attrs)?;
        let unit = l.attributes[attr].unit;
        let shown = format!("{list}.{code}.{}", l.attributes[attr].name);
        numeric(&shown, unit)?;
        let current = items.iter().find_map(|i| crate::value::value_at(&i.values[attr], start).and_then(Value::as_number));
        Ok(SweepItem {
            name: shown,
            unit,
            current,
            target: Target::Attribute { list: list.to_string(), code: code.to_string(), attribute: attr },
        })
    }

    /// The rulebook `base` with this item set to `value` for the whole year; the diagnostics of
    /// a rulebook that does not assemble with it.
    pub fn rulebook(&self, base: &Rulebook, value: Decimal) -> Result<Rulebook, Vec<Diagnostic>> {
        let mut parts = base.parts();
        self.set(&mut parts, value);
        let mut diags = Vec::new();
        assemble(parts, &mut diags).ok_or(diags)
    }

    fn set(&self, parts: &mut Parts, value: Decimal) {
        let start = parts.manifest.period.start;
        let whole_year = |dated: &mut Vec<Dated<Value>>| {
            let from = dated.first().map_or(start, |d| d.from.min(start));
            *dated = vec![Dated { from, value: Value::Number(value) }];
        };
        match &self.target {
            Target::Parameter(n) => {
                if let Some(p) = parts.parameters.iter_mut().find(|p| &p.name == n) {
                    whole_year(&mut p.values);
                }
            }
            Target::Cell { table, row, column } => {
                if let Some(t) = parts.tables.iter_mut().find(|t| &t.name == table) {
                    t.rows[*row].values[*column] = value;
                }
            }
            Target::Attribute { list, code, attribute } => {
                if let Some(l) = parts.lists.iter_mut().find(|l| &l.name == list) {
                    for item in l.items.iter_mut().filter(|i| &i.code == code) {
                        whole_year(&mut item.values[*attribute]);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_spec_gives_its_values_the_end_included_when_a_step_lands_on_it() {
        let spec = SweepSpec::parse("prestations.G.tarif=28..30:0,5").unwrap();
        assert_eq!(spec.name, "prestations.G.tarif");
        assert_eq!(spec.values().unwrap(), ["28.0", "28.5", "29.0", "29.5", "30.0"].map(d));
        let spec = SweepSpec::parse("t[a=1,b=x].c=1..2:0.3").unwrap();
        assert_eq!(spec.name, "t[a=1,b=x].c");
        assert_eq!(spec.values().unwrap(), ["1.0", "1.3", "1.6", "1.9"].map(d));
    }

    #[test]
    fn bad_specs_are_told_apart() {
        assert_eq!(SweepSpec::parse("x"), Err(SweepError::Syntax));
        assert_eq!(SweepSpec::parse("x=1..2"), Err(SweepError::Syntax));
        assert_eq!(SweepSpec::parse("x=a..2:1"), Err(SweepError::NotANumber { text: "a".into() }));
        assert_eq!(SweepSpec::parse("x=3..2:1"), Err(SweepError::Reversed { from: d("3"), to: d("2") }));
        assert_eq!(SweepSpec::parse("x=1..2:0"), Err(SweepError::StepNotPositive { step: d("0") }));
        assert_eq!(SweepSpec::parse("x=0..1000:1"), Err(SweepError::TooMany { count: 1001, max: MAX_VALUES }));
        assert!(matches!(
            SweepSpec::parse("x=-79228162514264337593543950335..79228162514264337593543950335:0.0000001"),
            Err(SweepError::TooMany { .. })
        ));
    }
}
