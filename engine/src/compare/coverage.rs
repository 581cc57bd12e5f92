//! Coverage in time: what a year's rulebook had and the next year's lacks. A parameter, table,
//! list, code of a list, indicator set, step or case input present in year N and absent in year
//! N+1 is an error (`R118 dropped-item`) unless year N+1's folder records the removal and its reason in
//! `retraits.toml`, so that a rule never disappears by accident when a year is edited.
//!
//! Dated values that leave a gap or overlap inside a year are caught when a rulebook is loaded
//! (`R113 dated-values-order`), not here.

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, Location, SourceFile, did_you_mean};
use crate::message::Message;
use crate::rulebook::Rulebook;
use crate::rules::provenance::read_choice;
use crate::rules::removals::{REMOVALS_FILE, RemovalKind};
use crate::rules::strict::{Ctx, Obj};

/// A removal recorded in `retraits.toml`: the item and why it goes.
#[derive(Debug, Clone, Serialize)]
pub struct Removal {
    pub(crate) kind: RemovalKind,
    pub(crate) name: String,
    pub(crate) reference: String,
    #[serde(skip)]
    pub(crate) location: Location,
}

/// Reads a `retraits.toml`: one table per removed item, named like the item (inputs as
/// `"section.name"`, codes as `"list.code"`), with its `kind` and the `reference` that removes
/// it. A year that adds a required input without a default gets a warning.
pub fn read_removals(file: &SourceFile) -> (Vec<Removal>, Vec<Diagnostic>) {
    let ctx = Ctx::new(file);
    let mut out = Vec::new();
    if let Some(root) = ctx.parse() {
        let obj = ctx.root(&root, &Message::text(format!("`{REMOVALS_FILE}`")));
        for (key, item) in obj.entries() {
            let name = key.get_ref().to_string();
            // Rendered once per entry of the file (a handful), for the reader's messages.
            let what = msg!("data-removal-of", name = &name);
            let Some(entry) = Obj::of(&ctx, item, &what) else { continue };
            let kind = read_choice(&entry, "kind", RemovalKind::NAMES, RemovalKind::parse);
            let reference = entry.str("reference");
            if let Some(r) = &reference
                && r.get_ref().trim().is_empty()
            {
                ctx.error(Code::InvalidValue, r.span(), msg!("data-removal-reference-empty", name = &name));
            }
            entry.finish();
            if let (Some(kind), Some(reference)) = (kind, reference) {
                out.push(Removal { kind, name, reference: reference.into_inner(), location: ctx.loc(key.span()) });
            }
        }
    }
    (out, ctx.into_diagnostics())
}

/// The named items of a rulebook, by kind, with where each is defined.
fn items(rb: &Rulebook) -> Vec<(RemovalKind, String, Location)> {
    let mut v: Vec<(RemovalKind, String, Location)> = Vec::new();
    v.extend(rb.parameters.iter().map(|p| (RemovalKind::Parameter, p.name.clone(), p.provenance.location.clone())));
    v.extend(rb.tables.iter().map(|t| (RemovalKind::Table, t.name.clone(), t.provenance.location.clone())));
    v.extend(rb.lists.iter().map(|l| (RemovalKind::List, l.name.clone(), l.provenance.location.clone())));
    for l in rb.lists.iter() {
        for item in &l.items {
            let name = format!("{}.{}", l.name, item.code);
            if !v.iter().any(|(k, n, _)| *k == RemovalKind::Code && *n == name) {
                v.push((RemovalKind::Code, name, item.provenance.location.clone()));
            }
        }
    }
    v.extend(rb.indicator_sets.iter().map(|s| (RemovalKind::IndicatorSet, s.name.clone(), s.provenance.location.clone())));
    v.extend(rb.steps.iter().map(|s| (RemovalKind::Step, s.def.name.clone(), s.def.location.clone())));
    v.extend(rb.schema.inputs.iter().map(|i| (RemovalKind::Input, format!("{}.{}", i.section, i.name), i.location.clone())));
    v
}

/// Checks that every item of `prev` is still in `next`, or that `removals` (read from `next`'s
/// folder) says why it went; also reports removals that name nothing `prev` had or something
/// `next` still has.
pub fn check(prev: &Rulebook, next: &Rulebook, removals: &[Removal]) -> Vec<Diagnostic> {
    let before = items(prev);
    let after = items(next);
    let has =
        |list: &[(RemovalKind, String, Location)], kind: RemovalKind, name: &str| list.iter().any(|(k, n, _)| *k == kind && n == name);
    let mut diags = Vec::new();
    for (kind, name, loc) in &before {
        if has(&after, *kind, name) || expires_within(prev, *kind, name) || removals.iter().any(|r| r.kind == *kind && r.name == *name) {
            continue;
        }
        let (from, to) = (prev.year.to_string(), next.year.to_string());
        let mut d =
            Diagnostic::error(Code::DroppedItem, msg!("data-item-dropped", kind = kind_label(*kind), name = name, from = &from, to = &to))
                .at(loc.clone())
                .hint(msg!("data-item-dropped-hint", year = &to, file = REMOVALS_FILE));
        let same_kind = after.iter().filter(|(k, _, _)| k == kind).map(|(_, n, _)| n.as_str());
        if let Some(c) = did_you_mean(name, same_kind)
            && !has(&before, *kind, c)
        {
            d.message = msg!("data-item-renamed", message = d.message, name = c);
        }
        diags.push(d);
    }
    diags.extend(new_inputs_without_default(prev, next));
    for r in removals {
        if has(&after, r.kind, &r.name) {
            diags.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    msg!("data-removal-still-there", file = REMOVALS_FILE, kind = kind_label(r.kind), name = &r.name)
                        .with("year", next.year.to_string()),
                )
                .at(r.location.clone())
                .hint(msg!("data-removal-still-there-hint")),
            );
        } else if !has(&before, r.kind, &r.name) {
            let mut d = Diagnostic::error(
                Code::UndefinedName,
                msg!("data-removal-unknown", file = REMOVALS_FILE, kind = kind_label(r.kind), name = &r.name)
                    .with("year", prev.year.to_string()),
            )
            .at(r.location.clone());
            let same_kind = before.iter().filter(|(k, _, _)| *k == r.kind).map(|(_, n, _)| n.as_str());
            if let Some(c) = did_you_mean(&r.name, same_kind) {
                d = d.hint(msg!("data-did-you-mean", name = c));
            }
            diags.push(d);
        }
    }
    diags
}

/// The kind of an item (`parameter`, `code`…, as `retraits.toml` names it) for people.
fn kind_label(kind: RemovalKind) -> Message {
    match kind {
        RemovalKind::Parameter => msg!("data-item-parameter"),
        RemovalKind::Table => msg!("data-item-table"),
        RemovalKind::List => msg!("data-item-list"),
        RemovalKind::Code => msg!("data-item-code"),
        RemovalKind::IndicatorSet => msg!("data-item-indicators"),
        RemovalKind::Step => msg!("data-item-step"),
        RemovalKind::Input => msg!("data-item-input"),
    }
}

/// Whether `name` is a code of a list whose every version ends (`to`) inside `rb`'s year: the
/// rules already say it stops, so the next year need not carry it nor record its removal.
fn expires_within(rb: &Rulebook, kind: RemovalKind, name: &str) -> bool {
    let Some((list, code)) = name.split_once('.').filter(|_| kind == RemovalKind::Code) else { return false };
    let Some(list) = rb.lists.iter().find(|l| l.name == list) else { return false };
    let mut versions = list.items.iter().filter(|i| i.code == code).peekable();
    versions.peek().is_some() && versions.all(|i| i.to.is_some_and(|to| to < rb.period().end))
}

/// A warning for each input `next` requires that `prev` did not have and that has no default:
/// a case of `prev`'s year lacks it, so the two years cannot be compared on that case.
fn new_inputs_without_default(prev: &Rulebook, next: &Rulebook) -> Vec<Diagnostic> {
    next.schema
        .inputs
        .iter()
        .filter(|i| !i.optional && i.default.is_none())
        .filter(|i| !prev.schema.inputs.iter().any(|p| p.section == i.section && p.name == i.name))
        .map(|i| {
            Diagnostic::warning(
                Code::NewInputWithoutDefault,
                msg!("data-input-new-required", input = format!("{}.{}", i.section, i.name), year = next.year.to_string()),
            )
            .at(i.location.clone())
            .hint(msg!("data-input-new-required-hint", year = prev.year.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulebook::load;
    use crate::rules::source::MemSource;

    fn book(year: i32, params: &[&str]) -> Rulebook {
        let rb = format!(
            "year = {year}\nlabel = \"L\"\nperiod = {{ start = {year}-01-01, end = {year}-12-31 }}\nreference_date = {year}-12-31\n\
             [files]\nparameters = [\"p.toml\"]\nsteps = [\"s.toml\"]\n[result]\ntotal = \"total\"\n"
        );
        let p: String = params
            .iter()
            .map(|n| format!("[{n}]\nlabel = \"P\"\nunit = \"rate\"\nvalue = \"0.1\"\nstatus = \"assumed\"\nreference = \"R\"\n"))
            .collect();
        let src = MemSource::new()
            .with("rulebook.toml", &rb)
            .with("p.toml", &p)
            .with("s.toml", "[[step]]\nname = \"total\"\nlabel = \"T\"\nunit = \"rate\"\nformula = \"1\"\n");
        let (rb, diags) = load(&src, &MemSource::new());
        rb.unwrap_or_else(|| panic!("{diags:#?}"))
    }

    fn removals(text: &str) -> Vec<Removal> {
        let (r, d) = read_removals(&SourceFile { path: REMOVALS_FILE.into(), text: text.into() });
        assert!(d.is_empty(), "{d:#?}");
        r
    }

    #[test]
    fn a_dropped_parameter_is_reported_unless_its_removal_is_recorded() {
        let (a, b) = (book(2025, &["taux_plafond", "taux_bonus"]), book(2026, &["taux_bonus"]));
        let d = check(&a, &b, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, Code::DroppedItem);
        assert_eq!(d[0].message.en(), "parameter `taux_plafond` of 2025 is absent from 2026");
        let ok = removals("[taux_plafond]\nkind = \"parameter\"\nreference = \"Cahier des charges 2026 : plus de plafond\"\n");
        assert!(check(&a, &b, &ok).is_empty());
        assert!(check(&b, &a, &[]).is_empty(), "what a year adds is not a coverage problem");
    }

    #[test]
    fn a_rename_is_suggested_and_stale_removals_are_refused() {
        let (a, b) = (book(2025, &["taux_plafond"]), book(2026, &["taux_plafonds"]));
        let d = check(&a, &b, &[]);
        assert_eq!(d[0].message.en(), "parameter `taux_plafond` of 2025 is absent from 2026 (renamed `taux_plafonds`?)");
        let stale =
            removals("[taux_plafonds]\nkind = \"parameter\"\nreference = \"R\"\n[taux_plafon]\nkind = \"parameter\"\nreference = \"R\"\n");
        let codes: Vec<Code> = check(&a, &b, &stale).iter().map(|d| d.code).collect();
        assert_eq!(codes, vec![Code::DroppedItem, Code::InvalidValue, Code::UndefinedName]);
    }

    #[test]
    fn removals_are_read_strictly() {
        let file = SourceFile { path: REMOVALS_FILE.into(), text: "[x]\nkind = \"parametre\"\nreason = \"R\"\n".into() };
        let (r, d) = read_removals(&file);
        assert!(r.is_empty());
        let codes: Vec<Code> = d.iter().map(|d| d.code).collect();
        assert!(codes.contains(&Code::InvalidValue) && codes.contains(&Code::MissingKey) && codes.contains(&Code::UnknownKey), "{codes:?}");
    }
}
