//! Writing a test case out as a real case folder: the team file, and one data file per dataset
//! input of the rulebook, in the format its norm describes (separator, date and decimal formats,
//! true/false values, file name). The normal loader then reads the folder, so a test case goes
//! through exactly what a team's files go through.
//!
//! Identifiers are made up: in a field with a check digit (`checksum = "nir"` or `"luhn"` in the
//! norm), a value that is not of the field's length is a name (`"p1"`, `"mg1"`) standing for a
//! valid synthetic number, the same number wherever the name appears in the case.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use peps_engine::data::norm::{Checksum, Field, FieldKind, Norm};
use peps_engine::diagnostic::did_you_mean;
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use peps_engine::rules::inputs::InputKind;
use peps_engine::schema::AnyValue;
use peps_engine::value::Period;
use peps_engine::value::parse_rule_decimal;

use crate::language::Say;

use super::case_file::{DataSpec, Row, TeamValue, TestCase, TestDefaults};

/// The synthetic identifiers of one case: a number per name, per kind of check digit.
#[derive(Default)]
struct Aliases {
    numbers: HashMap<(bool, String), usize>,
}

impl Aliases {
    /// The identifier `name` stands for in a field checked by `checksum`, `len` characters long.
    fn identifier(&mut self, checksum: Checksum, name: &str, len: usize) -> String {
        let next = self.numbers.len() + 1;
        let n = *self.numbers.entry((checksum == Checksum::Nir, name.to_string())).or_insert(next);
        match checksum {
            Checksum::Nir => synthetic_nir(n),
            Checksum::Luhn => synthetic_luhn(n, len),
        }
    }
}

/// A valid NIR for the `n`th made-up person: a woman born in June 1980 in Paris, commune and
/// order numbers counting people, with the key of the first 13 digits.
fn synthetic_nir(n: usize) -> String {
    let first13 = format!("28006751{:02}{:03}", (n / 1000) % 100, n % 1000);
    format!("{first13}{:02}", peps_synth::nir_key(&first13))
}

/// A valid Luhn number of `len` digits for the `n`th made-up professional.
fn synthetic_luhn(n: usize, len: usize) -> String {
    let body = format!("1{:0width$}", n, width = len.saturating_sub(2));
    format!("{body}{}", peps_synth::luhn_check_digit(&body))
}

/// The length of the identifiers a checked field holds.
fn identifier_len(field: &Field, checksum: Checksum) -> usize {
    match (field.length, checksum) {
        (Some((a, b)), _) if a == b => a,
        (_, Checksum::Nir) => 15,
        (_, Checksum::Luhn) => 11,
    }
}

/// Writes `case` (over `defaults`) into `dir` for rulebook `rb`: the case file and the data
/// files. Returns every problem of the case (unknown inputs or fields, values of the wrong
/// kind), or nothing.
pub fn write_folder(case: &TestCase, defaults: &TestDefaults, case_dir: &Path, rb: &Rulebook, dir: &Path) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let datasets: Vec<(&str, &str, &Norm)> = rb
        .schema()
        .inputs
        .iter()
        .filter_map(|i| match &i.kind {
            InputKind::Dataset { norm, .. } => {
                rb.norms().iter().find(|n| n.name == *norm).map(|n| (i.section.as_str(), i.name.as_str(), n))
            }
            _ => None,
        })
        .collect();
    let names: Vec<&str> = datasets.iter().map(|d| d.1).collect();
    for (what, keys) in
        [("data", case.data.keys().collect::<Vec<_>>()), ("defaults", case.defaults.keys().chain(defaults.defaults.keys()).collect())]
    {
        for key in keys {
            if !names.contains(&key.as_str()) {
                let (key, year, files) = (format!("{what}.{key}"), rb.year().to_string(), names.join(", "));
                let problem = match did_you_mean(&key[what.len() + 1..], names.iter().copied()) {
                    Some(c) => msg!("cli-test-no-data-file-close", key = key, year = year, close = c, files = files),
                    None => msg!("cli-test-no-data-file", key = key, year = year, files = files),
                };
                problems.push(problem.say());
            }
        }
    }
    let mut team = merge_team(&defaults.team, &case.team);
    let mut aliases = Aliases::default();
    let period = data_period(case, defaults, &datasets, rb);
    for (section, name, norm) in &datasets {
        let file = data_file_name(norm, period, name);
        let text = match case.data.get(*name) {
            Some(DataSpec::File(path)) => match std::fs::read(case_dir.join(path)) {
                Ok(bytes) => Some(bytes),
                Err(e) => {
                    let path = case_dir.join(path).display().to_string();
                    problems.push(msg!("cli-test-cannot-read-data", name = *name, path = path, reason = e.to_string()).say());
                    None
                }
            },
            spec => {
                let rows: &[Row] = match spec {
                    Some(DataSpec::Rows(rows)) => rows,
                    _ => &[],
                };
                let mut column_defaults = defaults.defaults.get(*name).cloned().unwrap_or_default();
                column_defaults.extend(case.defaults.get(*name).cloned().unwrap_or_default());
                csv_text(name, norm, rows, &column_defaults, &mut aliases, &mut problems).map(|t| encode(norm, &t))
            }
        };
        if let Some(bytes) = text
            && let Err(e) = std::fs::write(dir.join(&file), bytes)
        {
            problems.push(msg!("cli-output-io", path = dir.join(&file).display().to_string(), reason = e.to_string()).say());
        }
        team.entry(section.to_string())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()))
            .as_table_mut()
            .map(|t| t.insert(name.to_string(), toml::Value::String(file)));
    }
    let text = match toml::to_string(&team) {
        Ok(t) => t,
        Err(e) => {
            problems.push(msg!("cli-test-cannot-write-case", reason = e.to_string()).say());
            String::new()
        }
    };
    if let Err(e) = std::fs::write(dir.join(rb.case_file()), text) {
        problems.push(msg!("cli-output-io", path = dir.join(rb.case_file()).display().to_string(), reason = e.to_string()).say());
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// The team file: the defaults' sections, each key replaced by the case's.
fn merge_team(
    defaults: &BTreeMap<String, BTreeMap<String, TeamValue>>,
    case: &BTreeMap<String, BTreeMap<String, TeamValue>>,
) -> toml::Table {
    let mut team = toml::Table::new();
    for source in [defaults, case] {
        for (section, values) in source {
            let entry = team.entry(section.clone()).or_insert_with(|| toml::Value::Table(toml::Table::new()));
            if let Some(t) = entry.as_table_mut() {
                for (k, v) in values {
                    t.insert(k.clone(), v.0.clone());
                }
            }
        }
    }
    team
}

/// The period the case's data files cover: the rulebook's period moved to the years the rows'
/// dates fall in (from the first to the last), or the rulebook's own when no row is dated. A case
/// written in 2025 and run under 2027 keeps its 2025 files, which the case reader brings into
/// 2027 as it does any team's data; a case with acts in December and January spans two years.
fn data_period(case: &TestCase, defaults: &TestDefaults, datasets: &[(&str, &str, &Norm)], rb: &Rulebook) -> Period {
    let mut years = std::collections::BTreeSet::new();
    for (_, name, norm) in datasets {
        let Some(DataSpec::Rows(rows)) = case.data.get(*name) else { continue };
        let column_defaults = |field: &str| case.defaults.get(*name).or(defaults.defaults.get(*name)).and_then(|d| d.get(field));
        for field in norm.fields.iter().filter(|f| f.is_row_date()) {
            for row in rows {
                if let Some(toml::Value::Datetime(d)) = row.fields.get(&field.name).or_else(|| column_defaults(&field.name)).map(|v| &v.0)
                    && let Some(date) = d.date
                {
                    years.insert(i32::from(date.year));
                }
            }
        }
    }
    let own = rb.period();
    let (Some(first), Some(last)) = (years.first(), years.last()) else { return own };
    let moved = |date: NaiveDate, year: i32| date.with_year(date.year() + year - rb.year()).unwrap_or(date);
    Period { start: moved(own.start, *first), end: moved(own.end, *last) }
}

/// The data file's name: the norm's file-name pattern over `period`, if it has one.
fn data_file_name(norm: &Norm, period: Period, input: &str) -> String {
    match &norm.file_name {
        Some(p) => p
            .pattern
            .replace("{start}", &period.start.format(&p.date_format).to_string())
            .replace("{end}", &period.end.format(&p.date_format).to_string()),
        None => format!("{input}.csv"),
    }
}

/// The bytes of the file in the norm's encoding (characters it lacks become `?`, which the
/// reader then reports).
fn encode(norm: &Norm, text: &str) -> Vec<u8> {
    match norm.encoding {
        peps_engine::data::norm::Encoding::Utf8 => text.as_bytes().to_vec(),
        peps_engine::data::norm::Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

/// The CSV text of a dataset: a header of the norm's fields, then each row (each copy of a
/// repeated row) with its values or the defaults.
fn csv_text(
    input: &str,
    norm: &Norm,
    rows: &[Row],
    defaults: &BTreeMap<String, AnyValue>,
    aliases: &mut Aliases,
    problems: &mut Vec<String>,
) -> Option<String> {
    let fields: Vec<&str> = norm.fields.iter().map(|f| f.name.as_str()).collect();
    let unknown = |key: &str, where_: &str, problems: &mut Vec<String>| {
        let problem = match did_you_mean(key, fields.iter().copied()) {
            Some(c) => msg!("cli-test-unknown-field-close", place = where_, key = key, norm = &norm.name, close = c),
            None => msg!("cli-test-unknown-field", place = where_, key = key, norm = &norm.name),
        };
        problems.push(problem.say());
    };
    for key in defaults.keys().filter(|k| !fields.contains(&k.as_str())) {
        unknown(key, &msg!("cli-test-defaults-of", input = input).say(), problems);
    }
    let mut w = csv::WriterBuilder::new().delimiter(norm.separator).terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    w.write_record(&fields).ok()?;
    for (row_idx, row) in rows.iter().enumerate() {
        let where_ = msg!("cli-test-row-of", row = (row_idx + 1).to_string(), input = input).say();
        for key in row.fields.keys().filter(|k| !fields.contains(&k.as_str())) {
            unknown(key, &where_, problems);
        }
        let copies = row.repeat.unwrap_or(1);
        for copy in 1..=copies {
            let mut record = Vec::with_capacity(fields.len());
            for field in &norm.fields {
                let given = row.fields.get(&field.name).or_else(|| defaults.get(&field.name));
                let cell = match (given, field.checksum) {
                    (Some(v), Some(sum)) => identifier_cell(v, field, sum, aliases),
                    (None, Some(sum)) if field.required => {
                        // Someone the case does not name: a fresh identifier for each copy.
                        Ok(aliases.identifier(sum, &format!("#{input}-{row_idx}-{copy}"), identifier_len(field, sum)))
                    }
                    (Some(v), None) => cell(v, field, norm),
                    (None, _) => Ok(String::new()),
                };
                match cell {
                    Ok(c) => record.push(c),
                    Err(e) => {
                        problems.push(msg!("cli-test-field-problem", place = &where_, field = &field.name, problem = e).say());
                        record.push(String::new());
                    }
                }
            }
            w.write_record(&record).ok()?;
        }
    }
    String::from_utf8(w.into_inner().ok()?).ok()
}

/// An identifier: a name becomes its synthetic number (the same in every copy of a repeated
/// row: a name is one person); a value of the field's length is written as it is.
fn identifier_cell(v: &AnyValue, field: &Field, sum: Checksum, aliases: &mut Aliases) -> Result<String, String> {
    let toml::Value::String(s) = &v.0 else {
        return Err(msg!("cli-test-identifier-text").say());
    };
    let len = identifier_len(field, sum);
    if s.chars().count() == len {
        return Ok(s.clone());
    }
    Ok(aliases.identifier(sum, s, len))
}

/// One value written the way the norm reads it.
fn cell(v: &AnyValue, field: &Field, norm: &Norm) -> Result<String, String> {
    match (&v.0, field.kind) {
        (toml::Value::String(s), FieldKind::Decimal) if parse_rule_decimal(s).is_some() => {
            Ok(s.trim().replace('.', &norm.decimal_separator.to_string()))
        }
        (toml::Value::String(s), _) => Ok(s.clone()),
        (toml::Value::Integer(i), FieldKind::Integer | FieldKind::Decimal | FieldKind::Text | FieldKind::Enum) => Ok(i.to_string()),
        (toml::Value::Float(f), FieldKind::Integer) => Err(msg!("cli-test-not-whole", value = f.to_string()).say()),
        (toml::Value::Float(_), _) => Err(msg!("cli-test-decimal-as-text").say()),
        (toml::Value::Boolean(b), FieldKind::Bool) => {
            let values = if *b { &norm.true_values } else { &norm.false_values };
            values.first().cloned().ok_or_else(|| msg!("cli-test-no-bool-text", norm = &norm.name, value = b.to_string()).say())
        }
        (toml::Value::Datetime(d), FieldKind::Date) => match (d.date, d.time) {
            (Some(date), None) => chrono::NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
                .map(|nd| nd.format(&norm.date_format).to_string())
                .ok_or_else(|| msg!("cli-test-not-calendar-date", value = d.to_string()).say()),
            _ => Err(msg!("cli-test-not-date", value = d.to_string()).say()),
        },
        (other, kind) => Err(msg!("cli-test-wrong-kind", kind = field_kind_name(kind), value = other.type_str()).say()),
    }
}

/// A field's kind as the norm spells it (`FieldKind`'s own spelling), a boolean as the values it takes.
fn field_kind_name(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Bool => "true/false",
        other => other.as_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_identifiers_carry_valid_check_digits() {
        for n in [1, 2, 250, 999, 1000, 123_456] {
            let nir = synthetic_nir(n);
            assert_eq!(nir.len(), 15);
            assert!(peps_synth::nir_is_valid(&nir), "{nir}");
            let rpps = synthetic_luhn(n, 11);
            assert_eq!(rpps.len(), 11);
            assert!(peps_synth::luhn_is_valid(&rpps), "{rpps}");
        }
        assert_ne!(synthetic_nir(1), synthetic_nir(1001));
    }

    fn norm() -> Norm {
        let text = "name = \"n\"\nversion = 1\nlabel = \"l\"\nreference = \"r\"\nstatus = \"seed\"\nseparator = \";\"\n\
                    encoding = \"utf-8\"\ntrue_values = [\"O\"]\nfalse_values = [\"N\"]\n\
                    [[field]]\nname = \"NIR\"\ntype = \"text\"\nrequired = true\nlength = 15\nchecksum = \"nir\"\n\
                    [[field]]\nname = \"NE\"\ntype = \"date\"\n\
                    [[field]]\nname = \"OK\"\ntype = \"bool\"\n\
                    [[field]]\nname = \"EUR\"\ntype = \"decimal\"\n\
                    [[field]]\nname = \"N\"\ntype = \"integer\"\n";
        let source = peps_engine::rules::source::MemSource::new().with("n/v1.toml", text);
        let (mut diags, mut files) = (Vec::new(), Vec::new());
        let norm = peps_engine::data::norm::load_norm(&source, "n", 1, &mut diags, &mut files);
        norm.unwrap_or_else(|| panic!("{diags:?}"))
    }

    fn rows(text: &str) -> Vec<Row> {
        #[derive(serde::Deserialize)]
        struct R {
            r: Vec<Row>,
        }
        toml::from_str::<R>(text).unwrap().r
    }

    #[test]
    fn rows_are_written_in_the_formats_of_the_norm() {
        let rows = rows("r = [{ NIR = \"p1\", NE = 1980-06-15, OK = true, EUR = \"12.50\", N = 3 }, { OK = false, repeat = 2 }]");
        let (mut aliases, mut problems) = (Aliases::default(), Vec::new());
        let text = csv_text("x", &norm(), &rows, &BTreeMap::new(), &mut aliases, &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "NIR;NE;OK;EUR;N");
        assert_eq!(lines[1], format!("{};15/06/1980;O;12,50;3", synthetic_nir(1)));
        // Two copies of a row that names no one: two people.
        assert_eq!(lines.len(), 4);
        assert!(lines[2].ends_with(";;N;;") && lines[3].ends_with(";;N;;"));
        assert_ne!(lines[2], lines[3]);
    }

    #[test]
    fn wrong_values_and_unknown_fields_are_each_reported() {
        // The assertions read the English messages.
        crate::language::set(peps_engine::message::Lang::En);
        let rows = rows("r = [{ NIR = 12, NE = \"x\", OK = 1, EUR = 1.5, NIRR = 1 }]");
        let defaults = BTreeMap::from([("MISSING".to_string(), AnyValue(toml::Value::Integer(1)))]);
        let (mut aliases, mut problems) = (Aliases::default(), Vec::new());
        csv_text("x", &norm(), &rows, &defaults, &mut aliases, &mut problems);
        let all = problems.join("\n");
        assert!(all.contains("the defaults of `x` has a field `MISSING`"), "{all}");
        assert!(all.contains("row 1 of `x` has a field `NIRR` that norm `n` does not have (did you mean `NIR`?)"), "{all}");
        assert!(all.contains("field `NIR`: an identifier is a text"), "{all}");
        assert!(all.contains("field `OK`: a true/false field cannot hold integer"), "{all}");
        assert!(all.contains("field `EUR`: write a decimal as a string"), "{all}");
        assert!(!all.contains("field `NE`"), "a text is written as it is, for the loader to judge: {all}");
    }

    #[test]
    fn a_name_stands_for_the_same_number_everywhere() {
        let mut a = Aliases::default();
        let p1 = a.identifier(Checksum::Nir, "p1", 15);
        let p2 = a.identifier(Checksum::Nir, "p2", 15);
        assert_ne!(p1, p2);
        assert_eq!(a.identifier(Checksum::Nir, "p1", 15), p1);
        assert_eq!(a.identifier(Checksum::Luhn, "mg1", 11).len(), 11);
    }
}
