//! The grid index of a table, built at load: each key column cuts its domain into pieces (the
//! points and open intervals between row bounds), and every combination of pieces maps to the one
//! row that covers it. Building it is also how gaps and overlaps are found and reported.

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Location};
use crate::rules::strict::Obj;
use crate::rules::table::columns::{Cell, KeyColumn, KeyKind, Row};
use crate::rules::table::interval::Piece;

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

/// Builds the grid and reports every uncovered or doubly covered combination (the first few).
pub(crate) fn build_grid(obj: &Obj<'_, '_>, name: &str, keys: &[KeyColumn], rows: &[Row]) -> Option<Grid> {
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
        obj.ctx().error(Code::InvalidValue, obj.span(), msg!("rules-table-too-many-combinations", table = name, total = total));
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

pub(crate) fn row_covers(row: &Row, keys: &[KeyColumn], pieces: &[Vec<Option<Piece>>], combo: &[usize]) -> bool {
    keys.iter().enumerate().all(|(k, key)| match (&key.kind, &row.keys[k]) {
        (KeyKind::Range { .. }, Cell::Range(i)) => pieces[k][combo[k]].as_ref().is_some_and(|p| i.covers(p)),
        (KeyKind::Enum { values }, Cell::Enum(vs)) => vs.contains(&values[combo[k]]),
        (KeyKind::Bool, Cell::Bool(b)) => b.is_none_or(|b| usize::from(b) == combo[k]),
        _ => false,
    })
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
