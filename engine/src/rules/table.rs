//! Decision tables: typed key columns (ranges, enumerations, booleans) and value columns, checked
//! at load so that every combination of keys is covered by exactly one row.
//!
//! Lookups go through a grid index built at load: each key column cuts its domain into pieces
//! (the points and open intervals between row bounds), and the grid maps each combination of
//! pieces to its row. A lookup is then one binary search per range key.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostic::{Code, Location};
use crate::rules::provenance::{Provenance, parse_choice};
use crate::rules::strict::{Obj, parse_rule_decimal, read_decimal};
use crate::value::{Unit, Value};

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub name: String,
    #[serde(flatten)]
    pub provenance: Provenance,
    pub keys: Vec<KeyColumn>,
    pub columns: Vec<ValueColumn>,
    pub rows: Vec<Row>,
    #[serde(skip)]
    grid: Grid,
}

#[derive(Debug, Clone, Serialize)]
pub struct KeyColumn {
    pub name: String,
    pub(crate) kind: KeyKind,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "lowercase", tag = "type")]
pub(crate) enum KeyKind {
    /// Numbers in a domain; `integer` domains skip pieces that hold no integer.
    Range {
        domain: Interval,
        integer: bool,
    },
    Enum {
        values: Vec<String>,
    },
    Bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ValueColumn {
    pub name: String,
    pub unit: Unit,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub keys: Vec<Cell>,
    pub values: Vec<Decimal>,
    #[serde(skip)]
    pub(crate) location: Location,
}

/// A key cell of a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Range(Interval),
    Enum(Vec<String>),
    Bool(Option<bool>),
}

/// An interval of numbers; `None` bounds are infinite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub(crate) lo: Option<(Decimal, bool)>,
    pub(crate) hi: Option<(Decimal, bool)>,
}

impl Serialize for Interval {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl std::fmt::Display for Interval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let (Some((a, true)), Some((b, true))) = (self.lo, self.hi)
            && a == b
        {
            return write!(f, "{a}");
        }
        match self.lo {
            Some((a, true)) => write!(f, "[{a}, ")?,
            Some((a, false)) => write!(f, "({a}, ")?,
            None => f.write_str("(, ")?,
        }
        match self.hi {
            Some((b, true)) => write!(f, "{b}]"),
            Some((b, false)) => write!(f, "{b})"),
            None => f.write_str(")"),
        }
    }
}

impl Interval {
    pub(crate) const ALL: Interval = Interval { lo: None, hi: None };

    /// Parses `[a, b)`, `(a, b]`, `[a, )`, `(, b)` or a single number `a`.
    pub(crate) fn parse(text: &str) -> Option<Interval> {
        let t = text.trim();
        if let Some(n) = parse_rule_decimal(t) {
            return Some(Interval { lo: Some((n, true)), hi: Some((n, true)) });
        }
        let lo_incl = match t.chars().next()? {
            '[' => true,
            '(' => false,
            _ => return None,
        };
        let hi_incl = match t.chars().last()? {
            ']' => true,
            ')' => false,
            _ => return None,
        };
        let inner = &t[1..t.len() - 1];
        let (a, b) = inner.split_once(',')?;
        let bound = |s: &str, incl: bool| -> Option<Option<(Decimal, bool)>> {
            let s = s.trim();
            if s.is_empty() { Some(None) } else { parse_rule_decimal(s).map(|n| Some((n, incl))) }
        };
        let lo = bound(a, lo_incl)?;
        let hi = bound(b, hi_incl)?;
        if lo.is_none() && lo_incl || hi.is_none() && hi_incl {
            return None;
        }
        if let (Some((a, ai)), Some((b, bi))) = (lo, hi)
            && (a > b || (a == b && !(ai && bi)))
        {
            return None;
        }
        Some(Interval { lo, hi })
    }

    pub(crate) fn contains(&self, x: Decimal) -> bool {
        let above = match self.lo {
            None => true,
            Some((a, true)) => x >= a,
            Some((a, false)) => x > a,
        };
        let below = match self.hi {
            None => true,
            Some((b, true)) => x <= b,
            Some((b, false)) => x < b,
        };
        above && below
    }

    fn covers(&self, piece: &Piece) -> bool {
        match piece {
            Piece::Point(p) => self.contains(*p),
            Piece::Open(a, b) => {
                let probe_lo = match a {
                    Some(a) => self.contains_after(*a),
                    None => self.lo.is_none(),
                };
                let probe_hi = match b {
                    Some(b) => self.contains_before(*b),
                    None => self.hi.is_none(),
                };
                probe_lo && probe_hi
            }
        }
    }

    /// Whether the interval holds the numbers just above `a`.
    fn contains_after(&self, a: Decimal) -> bool {
        let lo_ok = match self.lo {
            None => true,
            Some((l, _)) => l <= a,
        };
        let hi_ok = match self.hi {
            None => true,
            Some((h, _)) => h > a,
        };
        lo_ok && hi_ok
    }

    /// Whether the interval holds the numbers just below `b`.
    fn contains_before(&self, b: Decimal) -> bool {
        let lo_ok = match self.lo {
            None => true,
            Some((l, _)) => l < b,
        };
        let hi_ok = match self.hi {
            None => true,
            Some((h, _)) => h >= b,
        };
        lo_ok && hi_ok
    }
}

/// A piece of a range key's domain: a breakpoint, or the open interval between two.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Point(Decimal),
    Open(Option<Decimal>, Option<Decimal>),
}

impl Piece {
    fn describe(&self) -> String {
        match self {
            Piece::Point(p) => p.to_string(),
            Piece::Open(a, b) => {
                format!("({}, {})", a.map(|x| x.to_string()).unwrap_or_default(), b.map(|x| x.to_string()).unwrap_or_default())
            }
        }
    }

    fn has_integer(&self) -> bool {
        match self {
            Piece::Point(p) => p.fract().is_zero(),
            Piece::Open(Some(a), Some(b)) => (a.floor() + Decimal::ONE) < *b,
            _ => true,
        }
    }
}

/// The grid index: per key, its pieces; then the row of each combination.
#[derive(Debug, Clone, Default)]
struct Grid {
    breakpoints: Vec<Vec<Decimal>>,
    sizes: Vec<usize>,
    cells: Vec<u32>,
}

const NO_ROW: u32 = u32::MAX;

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

/// Index of the piece holding `x` among pieces cut by sorted `bps`: 2i+1 is the point bps[i],
/// 2i the open interval before it, 2n the one after the last.
fn piece_index(bps: &[Decimal], x: Decimal) -> usize {
    match bps.binary_search(&x) {
        Ok(i) => 2 * i + 1,
        Err(i) => 2 * i,
    }
}

fn pieces(bps: &[Decimal]) -> Vec<Piece> {
    let mut out = Vec::with_capacity(2 * bps.len() + 1);
    let mut prev = None;
    for b in bps {
        out.push(Piece::Open(prev, Some(*b)));
        out.push(Piece::Point(*b));
        prev = Some(*b);
    }
    out.push(Piece::Open(prev, None));
    out
}

/// Reads every table of a table file.
pub(crate) fn read_tables(root: &Obj<'_, '_>, out: &mut Vec<Table>) {
    for (key, item) in root.entries() {
        let name = key.get_ref().to_string();
        let Some(obj) = Obj::of(root.ctx(), item, &format!("table `{name}`")) else { continue };
        if let Some(t) = read_table(&obj, name) {
            out.push(t);
        }
        obj.finish();
    }
}

fn read_table(obj: &Obj<'_, '_>, name: String) -> Option<Table> {
    let ctx = obj.ctx();
    let provenance = Provenance::read(obj);
    let keys: Vec<KeyColumn> = obj
        .array("keys")?
        .iter()
        .filter_map(|item| {
            let k = Obj::of(ctx, item, &format!("a key column of table `{name}`"))?;
            let col = read_key_column(&k);
            k.finish();
            col
        })
        .collect();
    let columns: Vec<ValueColumn> = obj
        .array("columns")?
        .iter()
        .filter_map(|item| {
            let c = Obj::of(ctx, item, &format!("a value column of table `{name}`"))?;
            let col_name = c.str("name");
            let unit = crate::rules::provenance::read_choice(&c, "unit", Unit::NAMES, Unit::parse);
            c.finish();
            Some(ValueColumn { name: col_name?.into_inner(), unit: unit? })
        })
        .collect();
    let mut rows = Vec::new();
    let mut rows_ok = true;
    for item in obj.array("rows")? {
        let Some(r) = Obj::of(ctx, item, &format!("a row of table `{name}`")) else {
            rows_ok = false;
            continue;
        };
        match read_row(&r, &keys, &columns) {
            Some(row) => rows.push(row),
            None => rows_ok = false,
        }
        r.finish();
    }
    if rows.is_empty() && rows_ok {
        ctx.error(Code::InvalidValue, obj.span(), format!("table `{name}` has no rows"));
        return None;
    }
    let provenance = provenance?;
    if !rows_ok {
        return None;
    }
    let grid = build_grid(obj, &name, &keys, &rows)?;
    Some(Table { name, provenance, keys, columns, rows, grid })
}

fn read_key_column(k: &Obj<'_, '_>) -> Option<KeyColumn> {
    let name = k.str("name")?.into_inner();
    let kind_s = k.str("type")?;
    let kind = parse_choice(k, &kind_s, "key type", &["range", "enum", "bool"], |s| match s {
        "range" | "enum" | "bool" => Some(s.to_string()),
        _ => None,
    })?;
    let kind = match kind.as_str() {
        "range" => {
            let domain = match k.opt_str("domain") {
                Some(d) => match Interval::parse(d.get_ref()) {
                    Some(i) => i,
                    None => {
                        k.ctx().error_hint(
                            Code::InvalidValue,
                            d.span(),
                            format!("`{}` is not an interval", d.get_ref()),
                            "write e.g. \"[0, )\"",
                        );
                        return None;
                    }
                },
                None => Interval::ALL,
            };
            KeyKind::Range { domain, integer: k.opt_bool("integer").unwrap_or(false) }
        }
        "enum" => {
            let values: Vec<String> = k.str_list("values").unwrap_or_default().into_iter().map(|s| s.into_inner()).collect();
            if values.is_empty() {
                k.ctx().error(Code::MissingKey, k.span(), format!("enum key `{name}` needs `values`"));
                return None;
            }
            KeyKind::Enum { values }
        }
        _ => KeyKind::Bool,
    };
    Some(KeyColumn { name, kind })
}

fn read_row(r: &Obj<'_, '_>, keys: &[KeyColumn], columns: &[ValueColumn]) -> Option<Row> {
    let ctx = r.ctx();
    let mut cells = Vec::with_capacity(keys.len());
    let mut ok = true;
    for key in keys {
        let Some(item) = r.get(&key.name) else {
            ctx.error_hint(Code::MissingKey, r.span(), format!("{} has no `{}`", r.what(), key.name), "write \"*\" for any value");
            ok = false;
            continue;
        };
        let cell = match (&key.kind, item.get_ref()) {
            (KeyKind::Bool, toml::de::DeValue::Boolean(b)) => Some(Cell::Bool(Some(*b))),
            (_, toml::de::DeValue::String(s)) if s.as_ref() == "*" => Some(match &key.kind {
                KeyKind::Range { domain, .. } => Cell::Range(*domain),
                KeyKind::Enum { values } => Cell::Enum(values.clone()),
                KeyKind::Bool => Cell::Bool(None),
            }),
            (KeyKind::Range { .. }, toml::de::DeValue::Integer(_)) => read_decimal(ctx, item, "")
                .map(|d| Cell::Range(Interval { lo: Some((*d.get_ref(), true)), hi: Some((*d.get_ref(), true)) })),
            (KeyKind::Range { .. }, toml::de::DeValue::String(s)) => match Interval::parse(s) {
                Some(i) => Some(Cell::Range(i)),
                None => {
                    ctx.error_hint(
                        Code::InvalidValue,
                        item.span(),
                        format!("`{s}` is not an interval for key `{}`", key.name),
                        "write \"[0, 16)\", \"[80, )\", \"2\" or \"*\"",
                    );
                    None
                }
            },
            (KeyKind::Enum { values }, toml::de::DeValue::String(s)) => {
                if values.iter().any(|v| v == s.as_ref()) {
                    Some(Cell::Enum(vec![s.to_string()]))
                } else {
                    ctx.error_hint(
                        Code::InvalidValue,
                        item.span(),
                        format!("`{s}` is not a value of key `{}`", key.name),
                        format!("one of {}, or \"*\"", values.join(", ")),
                    );
                    None
                }
            }
            (_, other) => {
                ctx.error(Code::WrongType, item.span(), format!("key `{}` cannot be {}", key.name, crate::rules::strict::type_name(other)));
                None
            }
        };
        match cell {
            Some(c) => cells.push(c),
            None => ok = false,
        }
    }
    let mut values = Vec::with_capacity(columns.len());
    for col in columns {
        match r.decimal(&col.name) {
            Some(v) => values.push(v.into_inner()),
            None => ok = false,
        }
    }
    ok.then(|| Row { keys: cells, values, location: ctx.loc(r.span()) })
}

/// Builds the grid and reports every uncovered or doubly covered combination (the first few).
fn build_grid(obj: &Obj<'_, '_>, name: &str, keys: &[KeyColumn], rows: &[Row]) -> Option<Grid> {
    let mut breakpoints = Vec::new();
    let mut piece_lists: Vec<Vec<Option<Piece>>> = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        match &key.kind {
            KeyKind::Range { domain, integer } => {
                let mut bps: Vec<Decimal> = rows
                    .iter()
                    .filter_map(|r| match &r.keys[k] {
                        Cell::Range(i) => Some([i.lo.map(|b| b.0), i.hi.map(|b| b.0)]),
                        _ => None,
                    })
                    .flatten()
                    .flatten()
                    .chain([domain.lo.map(|b| b.0), domain.hi.map(|b| b.0)].into_iter().flatten())
                    .collect();
                bps.sort();
                bps.dedup();
                let ps = pieces(&bps).into_iter().map(|p| (domain.covers(&p) && (!integer || p.has_integer())).then_some(p)).collect();
                piece_lists.push(ps);
                breakpoints.push(bps);
            }
            KeyKind::Enum { values } => {
                piece_lists.push(vec![None; values.len()]);
                breakpoints.push(Vec::new());
            }
            KeyKind::Bool => {
                piece_lists.push(vec![None, None]);
                breakpoints.push(Vec::new());
            }
        }
    }
    let sizes: Vec<usize> = piece_lists.iter().map(Vec::len).collect();
    let total: usize = sizes.iter().product();
    if total > 1_000_000 {
        obj.ctx().error(
            Code::InvalidValue,
            obj.span(),
            format!("table `{name}` cuts its keys into {total} combinations, more than 1,000,000"),
        );
        return None;
    }
    let mut cells = vec![NO_ROW; total];
    let mut gaps = Vec::new();
    let mut overlaps = Vec::new();
    let mut combo = vec![0usize; keys.len()];
    for (flat, cell) in cells.iter_mut().enumerate() {
        let mut rest = flat;
        for k in (0..keys.len()).rev() {
            combo[k] = rest % sizes[k];
            rest /= sizes[k];
        }
        let in_domain =
            keys.iter().enumerate().all(|(k, key)| !matches!(key.kind, KeyKind::Range { .. }) || piece_lists[k][combo[k]].is_some());
        if !in_domain {
            continue;
        }
        let mut matching = rows.iter().enumerate().filter(|(_, r)| row_covers(r, keys, &piece_lists, &combo));
        match (matching.next(), matching.next()) {
            (Some((i, _)), None) => *cell = i as u32,
            (None, _) => gaps.push(describe_combo(keys, &piece_lists, &combo)),
            (Some((i, _)), Some((j, _))) => overlaps.push((i, j, describe_combo(keys, &piece_lists, &combo))),
        }
    }
    report_coverage(obj, name, rows, &gaps, &overlaps);
    (gaps.is_empty() && overlaps.is_empty()).then_some(Grid { breakpoints, sizes, cells })
}

fn row_covers(row: &Row, keys: &[KeyColumn], pieces: &[Vec<Option<Piece>>], combo: &[usize]) -> bool {
    keys.iter().enumerate().all(|(k, key)| match (&key.kind, &row.keys[k]) {
        (KeyKind::Range { .. }, Cell::Range(i)) => pieces[k][combo[k]].as_ref().is_some_and(|p| i.covers(p)),
        (KeyKind::Enum { values }, Cell::Enum(vs)) => vs.contains(&values[combo[k]]),
        (KeyKind::Bool, Cell::Bool(b)) => b.is_none_or(|b| usize::from(b) == combo[k]),
        _ => false,
    })
}

fn describe_combo(keys: &[KeyColumn], pieces: &[Vec<Option<Piece>>], combo: &[usize]) -> String {
    keys.iter()
        .enumerate()
        .map(|(k, key)| {
            let v = match &key.kind {
                KeyKind::Range { .. } => pieces[k][combo[k]].as_ref().map(Piece::describe).unwrap_or_default(),
                KeyKind::Enum { values } => values[combo[k]].clone(),
                KeyKind::Bool => (combo[k] == 1).to_string(),
            };
            format!("{} {v}", key.name)
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn report_coverage(obj: &Obj<'_, '_>, name: &str, rows: &[Row], gaps: &[String], overlaps: &[(usize, usize, String)]) {
    const SHOWN: usize = 5;
    if !gaps.is_empty() {
        let more = if gaps.len() > SHOWN { format!(" and {} more", gaps.len() - SHOWN) } else { String::new() };
        obj.ctx().error_hint(
            Code::TableGap,
            obj.span(),
            format!("table `{name}` has no row for: {}{more}", gaps[..gaps.len().min(SHOWN)].join("; ")),
            "add rows, or widen a neighbouring row's interval",
        );
    }
    let mut seen = std::collections::BTreeSet::new();
    for (i, j, combo) in overlaps {
        if !seen.insert((*i, *j)) {
            continue;
        }
        let Location::Source { line, .. } = &rows[*i].location else { continue };
        obj.ctx().report(
            crate::diagnostic::Diagnostic::error(
                Code::TableOverlap,
                format!("rows of table `{name}` overlap: this row and the one on line {line} both cover {combo}"),
            )
            .at(rows[*j].location.clone())
            .hint("make the intervals half-open, e.g. \"[0, 16)\" then \"[16, 25)\""),
        );
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::diagnostic::SourceFile;
    use crate::rules::strict::Ctx;

    fn load(text: &str) -> (Vec<Table>, Vec<String>) {
        let file = SourceFile { path: "tables.toml".into(), text: text.into() };
        let ctx = Ctx::new(&file);
        let mut out = Vec::new();
        if let Some(root) = ctx.parse() {
            let obj = ctx.root(&root, "tables.toml");
            read_tables(&obj, &mut out);
        }
        let diags = ctx.into_diagnostics().iter().map(|d| format!("{} {} {}", d.code, d.location.as_ref().unwrap(), d.message)).collect();
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
