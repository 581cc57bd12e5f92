//! The grid index of a table, built at load: each key column cuts its domain into pieces (the
//! points and open intervals between row bounds), and every combination of pieces maps to the one
//! row that covers it. Building it is also how gaps and overlaps are found and reported.

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Location};
use crate::rules::strict::Obj;
use crate::rules::table::columns::{Cell, KeyColumn, KeyKind, Row};
use crate::rules::table::interval::{Interval, Piece};

/// The grid index: per key, its pieces; then the row of each combination.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grid {
    pub(crate) breakpoints: Vec<Vec<Decimal>>,
    pub(crate) sizes: Vec<usize>,
    pub(crate) cells: Vec<u32>,
}

pub(crate) const NO_ROW: u32 = u32::MAX;

/// Index of the piece holding `x` among pieces cut by sorted `bps`: 2i+1 is the point bps[i],
/// 2i the open interval before it, 2n the one after the last.
pub(crate) fn piece_index(bps: &[Decimal], x: Decimal) -> usize {
    match bps.binary_search(&x) {
        Ok(i) => 2 * i + 1,
        Err(i) => 2 * i,
    }
}

pub(crate) fn pieces(bps: &[Decimal]) -> Vec<Piece> {
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

/// The breakpoints of range key `k` (its rows' bounds and its domain's), and the pieces between
/// them: each piece the domain covers (with a whole number in it, for an integer key), else none.
fn range_pieces(rows: &[Row], k: usize, domain: &Interval, integer: bool) -> (Vec<Decimal>, Vec<Option<Piece>>) {
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
    (bps, ps)
}

/// The pieces of combination `flat` of the grid, one per key (the last key varies fastest).
fn combination(flat: usize, sizes: &[usize], combo: &mut [usize]) {
    let mut rest = flat;
    for k in (0..sizes.len()).rev() {
        combo[k] = rest % sizes[k];
        rest /= sizes[k];
    }
}

/// Builds the grid and reports every uncovered or doubly covered combination (the first few).
pub(crate) fn build_grid(obj: &Obj<'_, '_>, name: &str, keys: &[KeyColumn], rows: &[Row]) -> Option<Grid> {
    let mut breakpoints = Vec::new();
    let mut piece_lists: Vec<Vec<Option<Piece>>> = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        match &key.kind {
            KeyKind::Range { domain, integer } => {
                let (bps, ps) = range_pieces(rows, k, domain, *integer);
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
        obj.ctx().error(Code::InvalidValue, obj.span(), msg!("rules-table-too-many-combinations", table = name, total = total));
        return None;
    }
    let (cells, gaps, overlaps) = coverage(keys, rows, &piece_lists, &sizes);
    report_coverage(obj, name, rows, &gaps, &overlaps);
    (gaps.is_empty() && overlaps.is_empty()).then_some(Grid { breakpoints, sizes, cells })
}

/// What `coverage` finds: the row of each combination, the gaps and the overlaps.
type Coverage = (Vec<u32>, Vec<String>, Vec<(usize, usize, String)>);

/// Each combination of pieces in the keys' domains: the one row that covers it (`NO_ROW` else),
/// then the combinations no row covers and those two rows cover (the first two), described, in
/// the order of the combinations.
fn coverage(keys: &[KeyColumn], rows: &[Row], piece_lists: &[Vec<Option<Piece>>], sizes: &[usize]) -> Coverage {
    let total: usize = sizes.iter().product();
    // The first two rows covering each combination: each row marks the combinations it covers
    // (the product of the pieces it covers on each key), rather than every combination asking
    // every row (the largest shipped table, 96 rows: 7 % of a year's load, `perf record`).
    let strides: Vec<usize> = (0..keys.len()).map(|k| sizes[k + 1..].iter().product()).collect();
    let (mut first, mut second) = (vec![NO_ROW; total], vec![NO_ROW; total]);
    for (i, row) in rows.iter().enumerate() {
        let covered: Vec<Vec<usize>> = keys
            .iter()
            .enumerate()
            .map(|(k, key)| (0..sizes[k]).filter(|&p| key_covers(key, &row.keys[k], &piece_lists[k], p)).collect())
            .collect();
        for_each_combination(&covered, |pieces| {
            let flat: usize = pieces.iter().zip(&strides).map(|(p, s)| p * s).sum();
            if first[flat] == NO_ROW {
                first[flat] = i as u32;
            } else if second[flat] == NO_ROW {
                second[flat] = i as u32;
            }
        });
    }
    let mut cells = vec![NO_ROW; total];
    let mut gaps = Vec::new();
    let mut overlaps = Vec::new();
    let mut combo = vec![0usize; keys.len()];
    for (flat, cell) in cells.iter_mut().enumerate() {
        combination(flat, sizes, &mut combo);
        let in_domain =
            keys.iter().enumerate().all(|(k, key)| !matches!(key.kind, KeyKind::Range { .. }) || piece_lists[k][combo[k]].is_some());
        if !in_domain {
            continue;
        }
        match (first[flat], second[flat]) {
            (NO_ROW, _) => gaps.push(describe_combo(keys, piece_lists, &combo)),
            (i, NO_ROW) => *cell = i,
            (i, j) => overlaps.push((i as usize, j as usize, describe_combo(keys, piece_lists, &combo))),
        }
    }
    (cells, gaps, overlaps)
}

/// Whether a row's `cell` of `key` covers its piece `p` (a piece of a range key outside its
/// domain is covered by no row).
fn key_covers(key: &KeyColumn, cell: &Cell, pieces: &[Option<Piece>], p: usize) -> bool {
    match (&key.kind, cell) {
        (KeyKind::Range { .. }, Cell::Range(i)) => pieces[p].as_ref().is_some_and(|piece| i.covers(piece)),
        (KeyKind::Enum { values }, Cell::Enum(vs)) => vs.contains(&values[p]),
        (KeyKind::Bool, Cell::Bool(b)) => b.is_none_or(|b| usize::from(b) == p),
        _ => false,
    }
}

/// Calls `f` with each combination that takes one element of each list, the last list varying
/// fastest; none when a list is empty, one (empty) when there is no list.
fn for_each_combination(lists: &[Vec<usize>], mut f: impl FnMut(&[usize])) {
    if lists.iter().any(Vec::is_empty) {
        return;
    }
    let mut at = vec![0usize; lists.len()];
    let mut combination: Vec<usize> = lists.iter().map(|l| l[0]).collect();
    loop {
        f(&combination);
        let mut k = lists.len();
        loop {
            if k == 0 {
                return;
            }
            k -= 1;
            at[k] += 1;
            if at[k] < lists[k].len() {
                combination[k] = lists[k][at[k]];
                break;
            }
            at[k] = 0;
            combination[k] = lists[k][0];
        }
    }
}

pub(crate) fn describe_combo(keys: &[KeyColumn], pieces: &[Vec<Option<Piece>>], combo: &[usize]) -> String {
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

pub(crate) fn report_coverage(obj: &Obj<'_, '_>, name: &str, rows: &[Row], gaps: &[String], overlaps: &[(usize, usize, String)]) {
    const SHOWN: usize = 5;
    if !gaps.is_empty() {
        let shown = gaps[..gaps.len().min(SHOWN)].join("; ");
        obj.ctx().error_hint(
            Code::TableGap,
            obj.span(),
            msg!("rules-table-gap", table = name, gaps = shown, more = gaps.len().saturating_sub(SHOWN)),
            msg!("rules-table-gap-hint"),
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
                msg!("rules-table-overlap", table = name, line = *line, combination = combo),
            )
            .at(rows[*j].location.clone())
            .hint(msg!("rules-table-overlap-hint")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::table::Interval;

    /// The grid as it was first computed: every combination asks every row.
    fn reference(keys: &[KeyColumn], rows: &[Row], pieces: &[Vec<Option<Piece>>], sizes: &[usize]) -> Coverage {
        let total: usize = sizes.iter().product();
        let (mut cells, mut gaps, mut overlaps) = (vec![NO_ROW; total], Vec::new(), Vec::new());
        let mut combo = vec![0usize; keys.len()];
        for (flat, cell) in cells.iter_mut().enumerate() {
            super::combination(flat, sizes, &mut combo);
            if !keys.iter().enumerate().all(|(k, key)| !matches!(key.kind, KeyKind::Range { .. }) || pieces[k][combo[k]].is_some()) {
                continue;
            }
            let covers = |r: &Row| keys.iter().enumerate().all(|(k, key)| key_covers(key, &r.keys[k], &pieces[k], combo[k]));
            let mut matching = rows.iter().enumerate().filter(|(_, r)| covers(r));
            match (matching.next(), matching.next()) {
                (Some((i, _)), None) => *cell = i as u32,
                (None, _) => gaps.push(describe_combo(keys, pieces, &combo)),
                (Some((i, _)), Some((j, _))) => overlaps.push((i, j, describe_combo(keys, pieces, &combo))),
            }
        }
        (cells, gaps, overlaps)
    }

    /// Rows marking the combinations they cover give the grid, the gaps and the overlaps that
    /// every combination asking every row gives: tables with gaps, overlaps, wildcards, an
    /// integer domain, and none of them.
    #[test]
    fn rows_marking_their_combinations_give_the_grid_of_every_combination_asking_every_row() {
        let range = |name: &str, domain: &str, integer: bool| KeyColumn {
            name: name.into(),
            kind: KeyKind::Range { domain: Interval::parse(domain).unwrap(), integer },
        };
        let keys = vec![
            range("age", "[0, 120]", true),
            KeyColumn { name: "zone".into(), kind: KeyKind::Enum { values: vec!["a".into(), "b".into(), "c".into()] } },
            range("taux", "[0, )", false),
            KeyColumn { name: "c2s".into(), kind: KeyKind::Bool },
        ];
        let cells = [
            ["[0, 16)", "[16, 60)", "[60, )", "[0, 120]", "[10, 20]", "(20, 30]"],
            ["a", "b", "c", "a|b", "*", "b|c"],
            ["[0, 0.5)", "[0.5, )", "[0, )", "[0.2, 0.7]", "(0.7, 1)", "[0, 0.2)"],
            ["true", "false", "*", "true", "false", "*"],
        ];
        let cell = |k: usize, text: &str| match k {
            1 => {
                Cell::Enum(if text == "*" { vec!["a".into(), "b".into(), "c".into()] } else { text.split('|').map(String::from).collect() })
            }
            3 => Cell::Bool(text.parse().ok()),
            _ => Cell::Range(Interval::parse(text).unwrap()),
        };
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut seen = [false; 4];
        for table in 0..60 {
            let n_rows = 1 + table % 14;
            let rows: Vec<Row> = (0..n_rows)
                .map(|_| Row {
                    // The first table is one row of whole domains and wildcards: no gap, no overlap.
                    keys: (0..keys.len()).map(|k| cell(k, cells[k][if table == 0 { [3, 4, 2, 2][k] } else { next(6) }])).collect(),
                    values: Vec::new(),
                    location: Location::File { file: "t".into() },
                })
                .collect();
            let mut pieces = Vec::new();
            let mut sizes = Vec::new();
            for (k, key) in keys.iter().enumerate() {
                let list: Vec<Option<Piece>> = match &key.kind {
                    KeyKind::Range { domain, integer } => super::range_pieces(&rows, k, domain, *integer).1,
                    KeyKind::Enum { values } => vec![None; values.len()],
                    KeyKind::Bool => vec![None, None],
                };
                sizes.push(list.len());
                pieces.push(list);
            }
            let got = coverage(&keys, &rows, &pieces, &sizes);
            assert_eq!(got, reference(&keys, &rows, &pieces, &sizes), "table {table}");
            seen[0] |= got.0.iter().any(|&c| c != NO_ROW);
            seen[1] |= !got.1.is_empty();
            seen[2] |= !got.2.is_empty();
            seen[3] |= got.1.is_empty() && got.2.is_empty();
        }
        assert_eq!(seen, [true; 4], "rows found, gaps, overlaps, and a table with neither");
        assert!(coverage(&[], &[], &[], &[]).1.len() == 1, "no key and no row: one combination, a gap");
    }
}
