//! Decision tables: typed key columns (ranges, enumerations, booleans) and value columns, checked
//! at load so that every combination of keys is covered by exactly one row.
//!
//! Lookups go through a grid index built at load: each key column cuts its domain into pieces
//! (the points and open intervals between row bounds), and the grid maps each combination of
//! pieces to its row. A lookup is then one binary search per range key.

use serde::Serialize;

use crate::rules::provenance::Provenance;
use crate::rules::table::grid::{Grid, NO_ROW, piece_index};
use crate::value::Value;

mod columns;
mod grid;
mod interval;
mod read;

pub(crate) use columns::KeyKind;
pub use columns::{Cell, KeyColumn, Row, ValueColumn};
pub use interval::Interval;
pub(crate) use read::read_tables;

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub name: String,
    #[serde(flatten)]
    pub provenance: Provenance,
    pub keys: Vec<KeyColumn>,
    pub columns: Vec<ValueColumn>,
    pub rows: Vec<Row>,
    #[serde(skip)]
    pub(crate) grid: Grid,
}

impl Table {
    /// The row for these key values, if the table has one.
    pub(crate) fn find(&self, keys: &[Value]) -> Option<usize> {
        let mut flat = 0usize;
        for (k, (col, value)) in self.keys.iter().zip(keys).enumerate() {
            let idx = match (&col.kind, value) {
                (KeyKind::Range { .. }, Value::Number(x)) => piece_index(&self.grid.breakpoints[k], *x),
                (KeyKind::Enum { values }, Value::Text(s)) => values.iter().position(|v| v.as_str() == s.as_str())?,
                (KeyKind::Bool, Value::Bool(b)) => usize::from(*b),
                _ => return None,
            };
            flat = flat * self.grid.sizes[k] + idx;
        }
        match self.grid.cells.get(flat) {
            Some(&r) if r != NO_ROW => Some(r as usize),
            _ => None,
        }
    }

    pub(crate) fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// A readable description of a row's keys, e.g. `age [0, 16) · sexe * · c2s true`.
    pub(crate) fn describe_row(&self, row: usize) -> String {
        self.keys
            .iter()
            .zip(&self.rows[row].keys)
            .map(|(k, c)| {
                let cell = match c {
                    Cell::Range(i) => i.to_string(),
                    Cell::Enum(v) if v.len() > 1 => v.join("|"),
                    Cell::Enum(v) => v[0].clone(),
                    Cell::Bool(Some(b)) => b.to_string(),
                    Cell::Bool(None) => "*".to_string(),
                };
                format!("{} {cell}", k.name)
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use rust_decimal_macros::dec;

    use super::*;
    use crate::diagnostic::SourceFile;
    use crate::rules::strict::Ctx;

    fn load(text: &str) -> (Vec<Table>, Vec<String>) {
        let file = SourceFile { path: "tables.toml".into(), text: text.into() };
        let ctx = Ctx::new(&file);
        let mut out = Vec::new();
        if let Some(root) = ctx.parse() {
            let obj = ctx.root(&root, &crate::message::Message::text("tables.toml"));
            read_tables(&obj, &mut out);
        }
        let diags =
            ctx.into_diagnostics().iter().map(|d| format!("{} {} {}", d.code, d.location.as_ref().unwrap(), d.message.en())).collect();
        (out, diags)
    }

    const HEAD: &str = "[t]\nlabel = \"T\"\nreference = \"r\"\nstatus = \"assumed\"\nkeys = [{ name = \"age\", type = \"range\", domain = \"[0, )\" }, { name = \"c2s\", type = \"bool\" }]\ncolumns = [{ name = \"montant\", unit = \"EUR\" }]\n";

    #[test]
    fn finds_rows_by_interval_and_flag() {
        let text = format!(
            "{HEAD}rows = [\n  {{ age = \"[0, 16)\", c2s = \"*\", montant = \"50\" }},\n  {{ age = \"[16, )\", c2s = false, montant = \"90\" }},\n  {{ age = \"[16, )\", c2s = true, montant = \"110\" }},\n]\n"
        );
        let (tables, diags) = load(&text);
        assert!(diags.is_empty(), "{diags:?}");
        let t = &tables[0];
        let find = |age: i64, c2s: bool| t.find(&[Value::Number(Decimal::from(age)), Value::Bool(c2s)]).map(|r| t.rows[r].values[0]);
        assert_eq!(find(0, true), Some(dec!(50)));
        assert_eq!(find(15, false), Some(dec!(50)));
        assert_eq!(find(16, false), Some(dec!(90)));
        assert_eq!(find(99, true), Some(dec!(110)));
        assert_eq!(find(-1, true), None);
    }

    #[test]
    fn reports_gaps_and_overlaps() {
        let text = format!(
            "{HEAD}rows = [\n  {{ age = \"[0, 16]\", c2s = \"*\", montant = \"50\" }},\n  {{ age = \"[16, 60)\", c2s = \"*\", montant = \"90\" }},\n  {{ age = \"[70, )\", c2s = \"*\", montant = \"90\" }},\n]\n"
        );
        let (tables, diags) = load(&text);
        assert!(tables.is_empty());
        assert_eq!(
            diags,
            vec![
                "R110 tables.toml:1:1 table `t` has no row for: age 60 · c2s false; age 60 · c2s true; age (60, 70) · c2s false; age (60, 70) · c2s true".to_string(),
                "R111 tables.toml:9:3 rows of table `t` overlap: this row and the one on line 8 both cover age 16 · c2s false".to_string(),
            ]
        );
    }

    #[test]
    fn parses_intervals() {
        assert_eq!(Interval::parse("[0, 16)").unwrap().to_string(), "[0, 16)");
        assert_eq!(Interval::parse("(0.15, )").unwrap().to_string(), "(0.15, )");
        assert_eq!(Interval::parse("3").unwrap().to_string(), "3");
        assert!(Interval::parse("[5, 3)").is_none());
        assert!(Interval::parse("[, 3)").is_none());
        assert!(Interval::parse("0-5").is_none());
    }
}
