//! Reading a tables file: key columns (ranges, enumerations, booleans), value columns and rows.

use crate::diagnostic::Code;
use crate::message::Message;
use crate::rules::provenance::{Provenance, parse_choice};
use crate::rules::strict::{Obj, read_decimal};
use crate::rules::table::grid::build_grid;
use crate::rules::table::{Cell, Interval, KeyColumn, KeyKind, Row, Table, ValueColumn};
use crate::value::Unit;

/// Reads every table of a table file.
pub(crate) fn read_tables(root: &Obj<'_, '_>, out: &mut Vec<Table>) {
    for (key, item) in root.entries() {
        let name = key.get_ref().to_string();
        let Some(obj) = Obj::of(root.ctx(), item, &msg!("rules-what-table", name = &name)) else { continue };
        if let Some(t) = read_table(&obj, name) {
            out.push(t);
        }
        obj.finish();
    }
}

pub(crate) fn read_table(obj: &Obj<'_, '_>, name: String) -> Option<Table> {
    let ctx = obj.ctx();
    let provenance = Provenance::read(obj);
    let keys: Vec<KeyColumn> = obj
        .array("keys")?
        .iter()
        .filter_map(|item| {
            let k = Obj::of(ctx, item, &msg!("rules-what-key-column", table = &name))?;
            let col = read_key_column(&k);
            k.finish();
            col
        })
        .collect();
    let columns: Vec<ValueColumn> = obj
        .array("columns")?
        .iter()
        .filter_map(|item| {
            let c = Obj::of(ctx, item, &msg!("rules-what-value-column", table = &name))?;
            let col_name = c.str("name");
            let unit = crate::rules::provenance::read_choice(&c, "unit", Unit::NAMES, Unit::parse);
            c.finish();
            Some(ValueColumn { name: col_name?.into_inner(), unit: unit? })
        })
        .collect();
    let mut rows = Vec::new();
    let mut rows_ok = true;
    for item in obj.array("rows")? {
        let Some(r) = Obj::of(ctx, item, &msg!("rules-what-row", table = &name)) else {
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
        ctx.error(Code::InvalidValue, obj.span(), msg!("rules-table-no-rows", table = &name));
        return None;
    }
    let provenance = provenance?;
    if !rows_ok {
        return None;
    }
    let grid = build_grid(obj, &name, &keys, &rows)?;
    Some(Table { name, provenance, keys, columns, rows, grid })
}

pub(crate) fn read_key_column(k: &Obj<'_, '_>) -> Option<KeyColumn> {
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
                            msg!("rules-not-interval", text = d.get_ref()),
                            msg!("rules-interval-example"),
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
                k.ctx().error(Code::MissingKey, k.span(), msg!("rules-enum-needs-values", key = &name));
                return None;
            }
            KeyKind::Enum { values }
        }
        _ => KeyKind::Bool,
    };
    Some(KeyColumn { name, kind })
}

pub(crate) fn read_row(r: &Obj<'_, '_>, keys: &[KeyColumn], columns: &[ValueColumn]) -> Option<Row> {
    let ctx = r.ctx();
    let mut cells = Vec::with_capacity(keys.len());
    let mut ok = true;
    for key in keys {
        let Some(item) = r.get(&key.name) else {
            ctx.error_hint(
                Code::MissingKey,
                r.span(),
                msg!("rules-missing-key", what = r.what(), key = &key.name),
                msg!("rules-star-any-value"),
            );
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
            (KeyKind::Range { .. }, toml::de::DeValue::Integer(_)) => read_decimal(ctx, item, &Message::text(""))
                .map(|d| Cell::Range(Interval { lo: Some((*d.get_ref(), true)), hi: Some((*d.get_ref(), true)) })),
            (KeyKind::Range { .. }, toml::de::DeValue::String(s)) => match Interval::parse(s) {
                Some(i) => Some(Cell::Range(i)),
                None => {
                    ctx.error_hint(
                        Code::InvalidValue,
                        item.span(),
                        msg!("rules-not-interval-for-key", text = s.as_ref(), key = &key.name),
                        msg!("rules-interval-examples"),
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
                        msg!("rules-not-key-value", text = s.as_ref(), key = &key.name),
                        msg!("rules-one-of-or-star", choices = values.join(", ")),
                    );
                    None
                }
            }
            (_, other) => {
                let message = msg!("rules-key-cannot-be", key = &key.name, found = crate::rules::strict::type_name(other));
                ctx.error(Code::WrongType, item.span(), message);
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
