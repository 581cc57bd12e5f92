//! What every rule item carries: a label, a reference to its source text, a status and a
//! location, read the same way for parameters, tables, lists, indicators and calendar entries.

use serde::Serialize;

use crate::diagnostic::{Code, Location};
use crate::rules::strict::Obj;
use crate::value::Status;

#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    pub label: String,
    pub reference: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip)]
    pub(crate) location: Location,
}

impl Provenance {
    /// Reads `label`, `reference`, `status` and `description`; all but `description` are required.
    pub(crate) fn read(obj: &Obj<'_, '_>) -> Option<Provenance> {
        let label = obj.str("label");
        let reference = obj.str("reference");
        let status = read_status(obj, "status");
        let description = obj.opt_str("description").map(|s| s.into_inner());
        if let Some(r) = &reference
            && r.get_ref().trim().is_empty()
        {
            obj.ctx().error(Code::InvalidValue, r.span(), msg!("rules-reference-empty", what = obj.what()));
        }
        Some(Provenance {
            label: label?.into_inner(),
            reference: reference?.into_inner(),
            status: status?,
            description,
            location: obj.ctx().loc(obj.span()),
        })
    }

    /// Like `read`, but each of `reference` and `status` may be absent and then inherited.
    pub(crate) fn read_inheriting(obj: &Obj<'_, '_>, parent: &Provenance, label: String) -> Provenance {
        let reference = obj.opt_str("reference").map(|s| s.into_inner());
        let status = obj.has("status").then(|| read_status(obj, "status")).flatten();
        Provenance {
            label,
            reference: reference.unwrap_or_else(|| parent.reference.clone()),
            status: status.unwrap_or(parent.status),
            description: obj.opt_str("description").map(|s| s.into_inner()),
            location: obj.ctx().loc(obj.span()),
        }
    }
}

pub(crate) fn read_status(obj: &Obj<'_, '_>, key: &str) -> Option<Status> {
    let s = obj.str(key)?;
    match Status::parse(s.get_ref()) {
        Some(st) => Some(st),
        None => {
            let hint = match crate::diagnostic::did_you_mean(s.get_ref(), Status::NAMES.iter().copied()) {
                Some(c) => msg!("rules-did-you-mean", name = c),
                None => msg!("rules-one-of", choices = Status::NAMES.join(", ")),
            };
            obj.ctx().error_hint(Code::InvalidValue, s.span(), msg!("rules-unknown-status", status = s.get_ref()), hint);
            None
        }
    }
}

/// Reads a closed-vocabulary string and reports an unknown one with the choices.
pub(crate) fn read_choice<T>(obj: &Obj<'_, '_>, key: &str, names: &[&str], parse: impl Fn(&str) -> Option<T>) -> Option<T> {
    let s = obj.str(key)?;
    parse_choice(obj, &s, key, names, parse)
}

pub(crate) fn parse_choice<T>(
    obj: &Obj<'_, '_>,
    s: &toml::Spanned<String>,
    key: &str,
    names: &[&str],
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    match parse(s.get_ref()) {
        Some(v) => Some(v),
        None => {
            let hint = match crate::diagnostic::did_you_mean(s.get_ref(), names.iter().copied()) {
                Some(c) => msg!("rules-did-you-mean", name = c),
                None => msg!("rules-one-of", choices = names.join(", ")),
            };
            obj.ctx().error_hint(
                Code::InvalidValue,
                s.span(),
                msg!("rules-unknown-choice", key = key, kind = key.replace(' ', "_"), value = s.get_ref()),
                hint,
            );
            None
        }
    }
}
