//! The code checks of `[norms]`: which of the rulebook's lists a norm's code field is checked
//! against (a catalogue of every code that exists, the list the rulebook reads), checked once the
//! norms and lists are read — the field is a text field of the norm, the lists exist, and every
//! code of the list is in the catalogue. Then each norm is compiled as the case reader will read
//! it (patterns, conditions, checks, links between the norms), so that a broken norm is a
//! diagnostic of `rules check`, not of the first case read.

use crate::data::norm::{CodeCheck, FieldKind, Norm};
use crate::diagnostic::{Code, Diagnostic, Location, did_you_mean};
use crate::rulebook::manifest::NormUse;
use crate::rules::list::CodeList;
use crate::validate::{Links, Validator};

/// Compiles every norm with the rulebook's lists and code checks, and the links between them.
pub(crate) fn check_norms(norms: &[Norm], lists: &[CodeList], checks: &[CodeCheck], diags: &mut Vec<Diagnostic>) {
    for norm in norms {
        if let Err(d) = Validator::new(norm, lists, checks) {
            diags.extend(d);
        }
    }
    for problem in Links::new(norms).1 {
        diags.push(Diagnostic::error(Code::UndefinedName, problem).hint(msg!("rules-link-names-fields")));
    }
}

/// The code checks the manifest declares, each checked against the norms and lists read; problems
/// go to `diags` (a check with a problem is left out).
pub(crate) fn check_codes(uses: &[NormUse], norms: &[Norm], lists: &[CodeList], diags: &mut Vec<Diagnostic>) -> Vec<CodeCheck> {
    let mut out = Vec::new();
    for use_ in uses {
        // A norm that does not load has its own diagnostics.
        let Some(norm) = norms.iter().find(|n| n.name == use_.name) else { continue };
        for codes in &use_.codes {
            let mut ok = true;
            match norm.fields.iter().find(|f| f.name == codes.field) {
                None => {
                    let mut d = Diagnostic::error(
                        Code::UndefinedName,
                        msg!("rules-norm-no-field", norm = &norm.name, version = norm.version.to_string(), field = &codes.field),
                    )
                    .at(codes.field_loc.clone());
                    if let Some(close) = did_you_mean(&codes.field, norm.fields.iter().map(|f| f.name.as_str())) {
                        d = d.hint(msg!("rules-did-you-mean", name = close));
                    }
                    diags.push(d);
                    ok = false;
                }
                Some(f) if !matches!(f.kind, FieldKind::Text | FieldKind::Enum) => {
                    diags.push(
                        Diagnostic::error(Code::InvalidValue, msg!("rules-field-not-text", field = &f.name, norm = &norm.name))
                            .at(codes.field_loc.clone()),
                    );
                    ok = false;
                }
                Some(_) => {}
            }
            let mut find = |named: &Option<(String, Location)>| -> Option<&CodeList> {
                let (name, loc) = named.as_ref()?;
                let found = lists.iter().find(|l| &l.name == name);
                if found.is_none() {
                    let mut d = Diagnostic::error(Code::UndefinedName, msg!("rules-no-list", name = name)).at(loc.clone());
                    if let Some(close) = did_you_mean(name, lists.iter().map(|l| l.name.as_str())) {
                        d = d.hint(msg!("rules-did-you-mean", name = close));
                    }
                    diags.push(d);
                    ok = false;
                }
                found
            };
            let catalogue = find(&codes.catalogue);
            let list = find(&codes.list);
            if let (Some(catalogue), Some(list), Some((_, loc))) = (catalogue, list, &codes.list) {
                for item in list.items.iter().filter(|i| !i.pattern && !catalogue.knows(&i.code)) {
                    diags.push(
                        Diagnostic::error(
                            Code::UndefinedName,
                            msg!("rules-code-not-in-catalogue", code = &item.code, list = &list.name, catalogue = &catalogue.name),
                        )
                        .at(item.location.clone().unwrap_or_else(|| loc.clone()))
                        .hint(msg!("rules-code-not-in-catalogue-hint")),
                    );
                    ok = false;
                }
            }
            if ok {
                out.push(CodeCheck {
                    norm: norm.name.clone(),
                    field: codes.field.clone(),
                    catalogue: codes.catalogue.as_ref().map(|c| c.0.clone()),
                    list: codes.list.as_ref().map(|c| c.0.clone()),
                    unlisted: codes.unlisted.clone(),
                });
            }
        }
    }
    out
}
