//! Case inputs: what a rulebook declares a case must hold, section by section — typed values,
//! enumerations, data files read through a norm, and lists of records — each with a label, maybe
//! a default, maybe optional, maybe a role: the input that names the case for people (`name`) or
//! identifies it (`id`).

use serde::Serialize;
use typed_index_collections::TiVec;

use crate::diagnostic::{Code, Location};
use crate::ids::InputId;
use crate::names::closed_names;
use crate::rules::parameter::read_typed;
use crate::rules::provenance::parse_choice;
use crate::rules::strict::Obj;
use crate::value::{Kind, Unit, Value};

/// What a case file must hold, section by section.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CaseSchema {
    pub inputs: TiVec<InputId, Input>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Input {
    pub section: String,
    pub name: String,
    pub label: String,
    pub kind: InputKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    pub optional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<InputRole>,
    #[serde(skip)]
    pub(crate) location: Location,
}

closed_names! {
    /// What a text input says of the case as a whole.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum InputRole {
        /// Names the case for people (reports, tables).
        Name = "name",
        /// Identifies the case (calendar events, file names).
        Id = "id",
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "lowercase", tag = "type")]
pub enum InputKind {
    Value {
        unit: Unit,
    },
    Enum {
        values: Vec<String>,
    },
    /// A data file, read through the named norm.
    Dataset {
        norm: String,
        /// What a row the norm rejects does to the case.
        rejected_rows: RejectedRows,
    },
    /// An array of tables with typed fields.
    Records {
        fields: Vec<(String, Unit)>,
    },
}

closed_names! {
    /// What a row of a data file that breaks its norm does to the case (`rejected_rows` of a
    /// dataset input).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum RejectedRows {
        /// The case is refused: nothing is computed from a file with a rejected row (the default).
        #[default]
        Refuse = "refuse",
        /// The row is left out of the case, with a warning per code saying how many rows were
        /// left out; the evaluation counts them (`rows_left_out`).
        LeaveOut = "leave_out",
    }
}

impl CaseSchema {
    /// The input that plays `role`, if one does.
    pub(crate) fn with_role(&self, role: InputRole) -> Option<InputId> {
        self.inputs.position(|i| i.role == Some(role))
    }

    /// The input written `section.name`.
    pub(crate) fn find(&self, qualified: &str) -> Option<InputId> {
        let (section, name) = qualified.split_once('.')?;
        self.inputs.position(|i| i.section == section && i.name == name)
    }
}

impl Input {
    /// The kind of value this input gives to expressions, if it is a single value.
    pub(crate) fn value_kind(&self) -> Option<Kind> {
        match &self.kind {
            InputKind::Value { unit } => Some(unit.kind()),
            InputKind::Enum { .. } => Some(Kind::Text),
            _ => None,
        }
    }
}

/// Reads the inputs file of a rulebook.
pub(crate) fn read_schema(root: &Obj<'_, '_>, out: &mut CaseSchema) {
    let ctx = root.ctx();
    for (section, item) in root.entries() {
        let Some(sec) = Obj::of(ctx, item, &msg!("rules-what-section", name = section.get_ref().as_ref())) else { continue };
        for (name, spec) in sec.entries() {
            let Some(o) =
                Obj::of(ctx, spec, &msg!("rules-what-input", section = section.get_ref().as_ref(), name = name.get_ref().as_ref()))
            else {
                continue;
            };
            if let Some(input) = read_input(&o, section.get_ref(), name.get_ref()) {
                out.inputs.push(input);
            }
            o.finish();
        }
    }
}

/// The types an input may have: a unit, or `enum`, `dataset`, `records`.
pub(crate) fn input_types() -> Vec<&'static str> {
    Unit::NAMES.iter().copied().chain(["enum", "dataset", "records"]).collect()
}

pub(crate) fn read_input(o: &Obj<'_, '_>, section: &str, name: &str) -> Option<Input> {
    let label = o.str("label");
    let ty = o.str("type")?;
    let types = input_types();
    let ty = parse_choice(o, &ty, "input type", &types, |s| types.contains(&s).then(|| s.to_string()))?;
    let kind = match ty.as_str() {
        "enum" => InputKind::Enum { values: o.str_list("values").unwrap_or_default().into_iter().map(|s| s.into_inner()).collect() },
        "dataset" => {
            let rejected_rows = o
                .opt_str("rejected_rows")
                .and_then(|r| parse_choice(o, &r, "rejected_rows", RejectedRows::NAMES, RejectedRows::parse))
                .unwrap_or_default();
            InputKind::Dataset { norm: o.str("norm")?.into_inner(), rejected_rows }
        }
        "records" => {
            let fields = o.table("fields")?;
            let mut out = Vec::new();
            for (k, v) in fields.entries() {
                let Some(u) = crate::rules::strict::read_str(o.ctx(), v, &msg!("rules-what-field", name = k.get_ref().as_ref())) else {
                    continue;
                };
                if let Some(unit) = parse_choice(&fields, &u, "unit", Unit::NAMES, Unit::parse) {
                    out.push((k.get_ref().to_string(), unit));
                }
            }
            InputKind::Records { fields: out }
        }
        unit => InputKind::Value { unit: Unit::parse(unit)? },
    };
    let optional = o.opt_bool("optional").unwrap_or(false);
    let role = o.opt_str("role").and_then(|r| parse_choice(o, &r, "role", InputRole::NAMES, InputRole::parse));
    if role.is_some() && !matches!(kind, InputKind::Value { unit: Unit::Text }) {
        o.ctx().error(Code::InvalidValue, o.span(), msg!("rules-role-not-text", what = o.what()));
    }
    let default = match (&kind, o.get("default")) {
        (InputKind::Value { unit }, Some(item)) => read_typed(o, item, *unit, &crate::rules::strict::key_of("default", o.what())),
        (InputKind::Enum { .. }, Some(item)) => read_typed(o, item, Unit::Text, &crate::rules::strict::key_of("default", o.what())),
        (_, Some(item)) => {
            o.ctx().error(Code::InvalidValue, item.span(), msg!("rules-no-default", what = o.what()));
            None
        }
        _ => None,
    };
    Some(Input {
        section: section.to_string(),
        name: name.to_string(),
        label: label?.into_inner(),
        kind,
        default,
        optional,
        role,
        location: o.ctx().loc(o.span()),
    })
}
