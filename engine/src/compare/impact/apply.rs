//! Bringing one changed item of the later year into a set of items: replaced where it was,
//! added where it was not, removed where the later year has none.

use crate::compare::impact::changes::{Change, Target, base_name};
use crate::diagnostic::SourceFile;
use crate::formula;
use crate::ids::FileId;
use crate::rulebook::Parts;

/// Replaces the item of `items` that `is` finds by `new` (or removes it); adds `new` if absent.
fn put<T: Clone>(items: &mut Vec<T>, new: Option<&T>, is: impl Fn(&T) -> bool) {
    match (items.iter().position(&is), new) {
        (Some(i), Some(n)) => items[i] = n.clone(),
        (Some(i), None) => {
            items.remove(i);
        }
        (None, Some(n)) => items.push(n.clone()),
        (None, None) => {}
    }
}

/// `target` (a set of items in the later year's frame, whose files are followed by the later
/// year's from `offset`) with `change` of `b` brought in.
pub(crate) fn apply(target: &mut Parts, change: &Change, b: &Parts, offset: usize) {
    match &change.target {
        Target::Parameter(n) => put(&mut target.parameters, b.parameters.iter().find(|p| &p.name == n), |p| &p.name == n),
        Target::Table(n) => put(&mut target.tables, b.tables.iter().find(|t| &t.name == n), |t| &t.name == n),
        Target::TableRow { table, row } => {
            let new = b.tables.iter().find(|t| &t.name == table).map(|t| t.rows[*row].values.clone());
            if let (Some(t), Some(values)) = (target.tables.iter_mut().find(|t| &t.name == table), new) {
                t.rows[*row].values = values;
            }
        }
        Target::List(n) => put(&mut target.lists, b.lists.iter().find(|l| &l.name == n), |l| &l.name == n),
        Target::ListItem { list, key } => {
            let is = |i: &crate::rules::list::ListItem| i.code == key.0 && i.from == key.1 && i.to == key.2;
            let new = b.lists.iter().find(|l| &l.name == list).and_then(|l| l.items.iter().find(|i| is(i)));
            if let Some(l) = target.lists.iter_mut().find(|l| &l.name == list) {
                put(&mut l.items, new, is);
                l.reindex();
            }
        }
        Target::IndicatorSet(n) => {
            put(&mut target.indicator_sets, b.indicator_sets.iter().find(|s| &s.name == n), |s| &s.name == n);
        }
        Target::Indicator { set, name } => {
            let new = b.indicator_sets.iter().find(|s| &s.name == set).and_then(|s| s.indicators.iter().find(|i| &i.name == name));
            if let Some(s) = target.indicator_sets.iter_mut().find(|s| &s.name == set) {
                put(&mut s.indicators, new, |i| &i.name == name);
            }
        }
        Target::Input { section, name } => {
            let is = |i: &crate::rules::inputs::Input| &i.section == section && &i.name == name;
            let mut inputs = target.schema.inputs.raw.clone();
            put(&mut inputs, b.schema.inputs.iter().find(|i| is(i)), is);
            target.schema.inputs = inputs.into();
        }
        Target::Norm(n) => {
            put(&mut target.norms, b.norms.iter().find(|x| &x.name == n), |x| &x.name == n);
            put(&mut target.manifest.norms, b.manifest.norms.iter().find(|x| &x.name == n), |x| &x.name == n);
        }
        Target::Step(n) => {
            let new = b.step_defs.iter().find(|s| &s.name == n).map(|s| {
                let mut s = s.clone();
                s.map_files(|f| FileId::from(f.index() + offset));
                s
            });
            put(&mut target.step_defs, new.as_ref(), |s| &s.name == n);
        }
        Target::Function { script, name } => apply_function(target, script, name, b),
        Target::Result => {
            let m = &b.manifest;
            target.manifest.total = m.total.clone();
            target.manifest.components = m.components.clone();
            target.manifest.gate = m.gate.clone();
            target.manifest.waterfall = m.waterfall.clone();
            target.manifest.money_rounding = m.money_rounding;
        }
        Target::Event(n) => put(&mut target.calendar, b.calendar.iter().find(|e| &e.name == n), |e| &e.name == n),
    }
}

/// Brings `b`'s version of function `name` of script `script` into `target`'s script of that
/// name: its text replaced, added at the end, or removed; a script `target` lacks is added.
fn apply_function(target: &mut Parts, script: &str, name: &str, b: &Parts) {
    let engine = formula::sandbox();
    let source_in = |p: &Parts| {
        p.script_files.iter().map(|&f| &p.files[f.index()]).find(|f| base_name(&f.path) == script).and_then(|f| {
            let r = formula::function_range(&engine, &f.text, name)?;
            Some(f.text[r].to_string())
        })
    };
    let new = source_in(b);
    let Some(file) = target.script_files.iter().copied().find(|&f| base_name(&target.files[f.index()].path) == script) else {
        let path = b.script_files.iter().map(|&f| b.files[f.index()].path.clone()).find(|p| base_name(p) == script).unwrap_or_default();
        target.files.push(SourceFile { path, text: new.unwrap_or_default() });
        target.script_files.push(FileId::from(target.files.len() - 1));
        return;
    };
    let text = &target.files[file.index()].text;
    let merged = match (formula::function_range(&engine, text, name), new) {
        (Some(r), Some(n)) => format!("{}{n}{}", &text[..r.start], &text[r.end..]),
        (Some(r), None) => format!("{}{}", &text[..r.start], &text[r.end..]),
        (None, Some(n)) => format!("{}\n\n{n}\n", text.trim_end()),
        (None, None) => text.clone(),
    };
    target.files[file.index()].text = merged;
}
