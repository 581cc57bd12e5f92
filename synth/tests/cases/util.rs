//! The harness: generate a case into a temporary folder, then read its files back strictly
//! (UTF-8 without BOM, `\n` line ends, `;` separator, no quoting, one field count per file).

use std::path::PathBuf;

use chrono::NaiveDate;
use peps_synth::{CaseProfile, CaseSummary, write_case};
use tempfile::TempDir;

pub struct Case {
    pub dir: TempDir,
    pub summary: CaseSummary,
    pub profile: CaseProfile,
}

pub fn generate(profile: CaseProfile, seed: u64) -> Case {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let summary = write_case(&profile, seed, dir.path()).expect("the case is written");
    Case { dir, summary, profile }
}

impl Case {
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn text(&self, name: &str) -> String {
        let bytes = std::fs::read(self.path(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "{name} starts with a BOM");
        String::from_utf8(bytes).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"))
    }

    pub fn table(&self, name: &str) -> Table {
        let text = self.text(name);
        assert!(!text.contains('\r'), "{name} has a carriage return");
        assert!(!text.contains('"'), "{name} has a quote");
        assert!(text.ends_with('\n'), "{name} does not end with a line break");
        let mut lines = text.lines();
        let header: Vec<String> = lines.next().unwrap_or_else(|| panic!("{name} is empty")).split(';').map(str::to_owned).collect();
        let rows: Vec<Vec<String>> = lines.map(|line| line.split(';').map(str::to_owned).collect()).collect();
        for (row_idx, row) in rows.iter().enumerate() {
            assert_eq!(row.len(), header.len(), "{name} row {}", row_idx + 1);
        }
        Table { header, rows }
    }

    pub fn year(&self) -> i32 {
        self.profile.year
    }

    pub fn actnom(&self) -> Table {
        self.table(&format!("A51_PEPS_16_ACTNOM_{y}0101_{y}1231.csv", y = self.year()))
    }

    pub fn actnou_name(&self) -> String {
        format!("A51_PEPS_16_ACTNOU_{y}0101_{y}1231.csv", y = self.year())
    }

    pub fn team_toml(&self) -> toml::Table {
        self.text("team.toml").parse().unwrap_or_else(|e| panic!("team.toml: {e}"))
    }
}

pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn col(&self, name: &str) -> usize {
        self.header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))
    }

    /// The values of one column, row by row.
    pub fn column(&self, name: &str) -> Vec<&str> {
        let col = self.col(name);
        self.rows.iter().map(|row| row[col].as_str()).collect()
    }

    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        self.rows.iter().map(|row| Record { table: self, row })
    }

    /// The share of rows for which `keep` holds.
    pub fn share(&self, keep: impl Fn(&Record<'_>) -> bool) -> f64 {
        self.records().filter(|r| keep(r)).count() as f64 / self.rows.len() as f64
    }
}

/// One row, with its fields by column name.
pub struct Record<'a> {
    table: &'a Table,
    row: &'a [String],
}

impl<'a> Record<'a> {
    pub fn get(&self, name: &str) -> &'a str {
        &self.row[self.table.col(name)]
    }
}

/// A date `JJ/MM/AAAA`, strictly.
pub fn date(s: &str) -> NaiveDate {
    let b = s.as_bytes();
    assert!(b.len() == 10 && b[2] == b'/' && b[5] == b'/', "not a JJ/MM/AAAA date: {s:?}");
    NaiveDate::parse_from_str(s, "%d/%m/%Y").unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

/// An amount `d,dd`, strictly, in hundredths.
pub fn hundredths(s: &str) -> i64 {
    let (units, decimals) = s.split_once(',').unwrap_or_else(|| panic!("no decimal comma in {s:?}"));
    assert!(
        !units.is_empty() && decimals.len() == 2 && units.bytes().chain(decimals.bytes()).all(|c| c.is_ascii_digit()),
        "not a decimal with two decimals: {s:?}"
    );
    units.parse::<i64>().unwrap() * 100 + decimals.parse::<i64>().unwrap()
}
