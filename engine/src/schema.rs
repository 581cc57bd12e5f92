//! JSON Schemas of the rule and norm files, for editors: serde + schemars types that mirror each
//! file kind as its loader reads it, so that an editor (taplo, Even Better TOML) offers
//! completion, hover documentation and errors while a file is typed.
//!
//! These types are not the loaders: the loaders walk spanned TOML to report every problem of a
//! file at once with its position (see `tomlread`), and check what a schema cannot (a table's
//! gaps, names bound across files). The types describe the same keys, and a test reads every
//! shipped rule and norm file through them, so the two cannot drift apart unnoticed. Their doc
//! comments are the hover documentation.

// The types below mirror the files for serde (to check them) and schemars (to write the
// schemas): their fields are read by those derives, never by code.
#![allow(dead_code)]

use schemars::JsonSchema;
use serde_json::Value as Json;

use crate::schema::calendar::CalendarFile;
use crate::schema::indicators::IndicatorsFile;
use crate::schema::inputs::InputsFile;
use crate::schema::lists::ListsFile;
use crate::schema::norm::NormFile;
use crate::schema::parameters::ParametersFile;
use crate::schema::rulebook::{RemovalsFile, RulebookFile};
use crate::schema::steps::StepsFile;
use crate::schema::tables::TablesFile;

pub mod calendar;
pub mod indicators;
pub mod inputs;
pub mod lists;
pub mod norm;
pub mod parameters;
pub mod rulebook;
pub mod steps;
pub mod tables;
pub mod values;

pub use values::{AnyValue, DateValue, DecimalText};

// ---------------------------------------------------------------------------------------------
// File kinds

/// A kind of rule or norm file, each with its schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Rulebook,
    Parameters,
    Tables,
    Lists,
    Indicators,
    Calendar,
    Inputs,
    Steps,
    Norm,
    Removals,
}

impl FileKind {
    pub const ALL: &'static [FileKind] = &[
        FileKind::Rulebook,
        FileKind::Parameters,
        FileKind::Tables,
        FileKind::Lists,
        FileKind::Indicators,
        FileKind::Calendar,
        FileKind::Inputs,
        FileKind::Steps,
        FileKind::Norm,
        FileKind::Removals,
    ];

    /// The name of the kind: the key of `[files]` in `rulebook.toml` for the files it lists, and
    /// the stem of the schema file (`<name>.schema.json`).
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Rulebook => "rulebook",
            FileKind::Parameters => "parameters",
            FileKind::Tables => "tables",
            FileKind::Lists => "lists",
            FileKind::Indicators => "indicators",
            FileKind::Calendar => "calendar",
            FileKind::Inputs => "inputs",
            FileKind::Steps => "steps",
            FileKind::Norm => "norm",
            FileKind::Removals => "removals",
        }
    }

    /// The JSON Schema (draft 7, the draft editors support best) of this kind of file.
    pub fn schema(self) -> Json {
        let title = format!("{} file", self.name());
        match self {
            FileKind::Rulebook => root_schema::<RulebookFile>(&title),
            FileKind::Parameters => root_schema::<ParametersFile>(&title),
            FileKind::Tables => root_schema::<TablesFile>(&title),
            FileKind::Lists => root_schema::<ListsFile>(&title),
            FileKind::Indicators => root_schema::<IndicatorsFile>(&title),
            FileKind::Calendar => root_schema::<CalendarFile>(&title),
            FileKind::Inputs => root_schema::<InputsFile>(&title),
            FileKind::Steps => root_schema::<StepsFile>(&title),
            FileKind::Norm => root_schema::<NormFile>(&title),
            FileKind::Removals => root_schema::<RemovalsFile>(&title),
        }
    }

    /// Reads `text` through this kind's schema types: the first key or value they do not
    /// accept, as toml's message (with line and column). Used by tests to keep the schemas and
    /// the shipped files in step; the loaders remain what checks a rulebook.
    #[cfg(test)]
    pub(crate) fn read(self, text: &str) -> Result<(), toml::de::Error> {
        fn read<T: for<'de> serde::Deserialize<'de>>(text: &str) -> Result<(), toml::de::Error> {
            toml::from_str::<T>(text).map(|_| ())
        }
        match self {
            FileKind::Rulebook => read::<RulebookFile>(text),
            FileKind::Parameters => read::<ParametersFile>(text),
            FileKind::Tables => read::<TablesFile>(text),
            FileKind::Lists => read::<ListsFile>(text),
            FileKind::Indicators => read::<IndicatorsFile>(text),
            FileKind::Calendar => read::<CalendarFile>(text),
            FileKind::Inputs => read::<InputsFile>(text),
            FileKind::Steps => read::<StepsFile>(text),
            FileKind::Norm => read::<NormFile>(text),
            FileKind::Removals => read::<RemovalsFile>(text),
        }
    }
}

/// The `#:schema` directive editors read on the first line of a TOML file, for a file two
/// folders below the repository root (`rules/<year>/`, `norms/<name>/`, `tests/cases/`).
pub fn directive(schema_stem: &str) -> String {
    format!("#:schema ../../schemas/{schema_stem}.schema.json")
}

/// The files of a rulebook folder with their kind, from the text of its `rulebook.toml`:
/// `rulebook.toml` itself, then every TOML file `[files]` lists (paths relative to the folder).
pub fn rulebook_files(rulebook_text: &str) -> Result<Vec<(FileKind, String)>, toml::de::Error> {
    let rb: RulebookFile = toml::from_str(rulebook_text)?;
    let mut out = vec![(FileKind::Rulebook, "rulebook.toml".to_string())];
    let f = rb.files;
    let lists = [
        (FileKind::Parameters, f.parameters),
        (FileKind::Tables, f.tables),
        (FileKind::Lists, f.lists),
        (FileKind::Indicators, f.indicators),
        (FileKind::Calendar, f.calendar),
        (FileKind::Inputs, f.inputs),
        (FileKind::Steps, f.steps),
    ];
    for (kind, paths) in lists {
        out.extend(paths.unwrap_or_default().into_iter().map(|p| (kind, p)));
    }
    Ok(out)
}

/// The root schema of `T` titled `title`: draft 7, `null` removed (TOML has none: an optional
/// key is absent).
pub fn root_schema<T: JsonSchema>(title: &str) -> Json {
    let settings = schemars::generate::SchemaSettings::draft07();
    let schema = settings.into_generator().into_root_schema_for::<T>();
    let mut json = schema.to_value();
    strip_null(&mut json);
    json["title"] = Json::String(title.to_string());
    json
}

/// Removes the `null` alternative schemars gives `Option` fields, everywhere in a schema.
pub(crate) fn strip_null(v: &mut Json) {
    match v {
        Json::Object(map) => {
            if let Some(Json::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types[0].clone();
                    map.insert("type".into(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Json::Array(alts)) = map.get_mut(key) {
                    alts.retain(|a| a.get("type").is_none_or(|t| t != "null") || a.as_object().is_some_and(|o| o.len() > 1));
                    if alts.len() == 1 {
                        let only = alts.remove(0);
                        map.remove(key);
                        match only {
                            // Draft 7 ignores the siblings of a `$ref` (its description): wrap it.
                            Json::Object(inner) if inner.contains_key("$ref") => {
                                map.insert("allOf".into(), Json::Array(vec![Json::Object(inner)]));
                            }
                            Json::Object(inner) => {
                                for (k, v) in inner {
                                    map.entry(k).or_insert(v);
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            for child in map.values_mut() {
                strip_null(child);
            }
        }
        Json::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::rulebook::shipped::repo;
    use crate::schema::values::DECIMAL_PATTERN;

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    /// Every TOML file of every shipped rulebook and norm, with its kind.
    fn shipped_files() -> Vec<(FileKind, PathBuf)> {
        let mut out = Vec::new();
        let mut years: Vec<PathBuf> = std::fs::read_dir(repo().join("rules"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("rulebook.toml").is_file())
            .collect();
        years.sort();
        for dir in years {
            let files = rulebook_files(&read(&dir.join("rulebook.toml"))).unwrap();
            out.extend(files.into_iter().map(|(k, f)| (k, dir.join(f))));
            if dir.join(crate::rules::removals::REMOVALS_FILE).is_file() {
                out.push((FileKind::Removals, dir.join(crate::rules::removals::REMOVALS_FILE)));
            }
        }
        for norm in std::fs::read_dir(repo().join("norms")).unwrap().flatten() {
            for file in std::fs::read_dir(norm.path()).unwrap().flatten() {
                if file.path().extension().is_some_and(|e| e == "toml") {
                    out.push((FileKind::Norm, file.path()));
                }
            }
        }
        out
    }

    #[test]
    fn every_shipped_rule_and_norm_file_reads_through_its_schema_types() {
        let files = shipped_files();
        assert!(files.len() > 40, "expected every year's files, found {}", files.len());
        let mut failures = Vec::new();
        for (kind, path) in &files {
            if let Err(e) = kind.read(&read(path)) {
                failures.push(format!("{} ({}): {e}", path.display(), kind.name()));
            }
        }
        assert!(failures.is_empty(), "files the schema types do not accept:\n{}", failures.join("\n"));
    }

    #[test]
    fn every_toml_file_of_the_rules_is_listed_by_its_rulebook() {
        // A TOML file no `[files]` entry names would get no schema from `rulebook_files`.
        for year in std::fs::read_dir(repo().join("rules")).unwrap().flatten() {
            let dir = year.path();
            if !dir.join("rulebook.toml").is_file() {
                continue;
            }
            let listed: Vec<String> = rulebook_files(&read(&dir.join("rulebook.toml"))).unwrap().into_iter().map(|(_, f)| f).collect();
            for file in std::fs::read_dir(&dir).unwrap().flatten() {
                let name = file.file_name().to_string_lossy().into_owned();
                if name.ends_with(".toml") && name != crate::rules::removals::REMOVALS_FILE {
                    assert!(listed.contains(&name), "{} is not listed in its rulebook.toml", file.path().display());
                }
            }
        }
    }

    #[test]
    fn the_schema_types_refuse_what_the_loaders_refuse() {
        let cases: &[(FileKind, &str, &str)] = &[
            (
                FileKind::Parameters,
                "[p]\nlabel = \"l\"\nreference = \"r\"\nstatus = \"sure\"\nunit = \"rate\"\nvalue = \"0.2\"\n",
                "unknown Status `sure`",
            ),
            (
                FileKind::Parameters,
                "[p]\nlabel = \"l\"\nreference = \"r\"\nstatus = \"seed\"\nunit = \"rate\"\nvalu = \"0.2\"\n",
                "unknown field `valu`",
            ),
            (
                FileKind::Steps,
                "[[step]]\nname = \"a\"\nlabel = \"l\"\nfilter = { dataset = \"d\", wher = \"x\" }\n",
                "unknown field `wher`",
            ),
            (
                FileKind::Norm,
                "name = \"n\"\nversion = 1\nlabel = \"l\"\nreference = \"r\"\nstatus = \"seed\"\nseparator = \";\"\nencoding = \"latin-1\"\nfield = []\n",
                "unknown Encoding",
            ),
            (FileKind::Rulebook, "year = 2025\n", "missing field"),
        ];
        for (kind, text, expect) in cases {
            let err = kind.read(text).expect_err(text).to_string();
            assert!(err.contains(expect), "{text}\n→ {err}");
        }
        // A parameter value is any single value; the loader types it by unit.
        assert!(
            FileKind::Parameters
                .read("[p]\nlabel = \"l\"\nreference = \"r\"\nstatus = \"seed\"\nunit = \"date\"\nvalue = 2025-12-31\n")
                .is_ok()
        );
    }

    #[test]
    fn decimals_in_schema_types_are_checked_like_the_loader_checks_them() {
        let step = |d: &str| {
            FileKind::Rulebook.read(&format!(
            "year = 2025\nlabel = \"l\"\nperiod = {{ start = 2025-01-01, end = 2025-12-31 }}\nreference_date = 2025-12-31\n[files]\n[result]\ntotal = \"t\"\n[defaults]\nmoney_rounding = {{ step = {d}, mode = \"half-up\" }}\n"
        ))
        };
        assert!(step("\"0.01\"").is_ok());
        assert!(step("1").is_ok());
        assert!(step("\"0,01\"").is_err());
    }

    #[test]
    fn schemas_are_draft_7_without_null_and_document_their_keys() {
        for kind in FileKind::ALL {
            let s = kind.schema();
            assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#", "{}", kind.name());
            let text = s.to_string();
            assert!(!text.contains("\"null\""), "{} still allows null", kind.name());
            assert!(s.get("description").is_some(), "{} has no description", kind.name());
        }
        let p = FileKind::Parameters.schema();
        let def = &p["definitions"]["ParameterDef"];
        assert!(def["properties"]["reference"]["description"].as_str().unwrap().contains("text the value comes from"));
        assert_eq!(def["properties"]["status"]["allOf"][0]["$ref"], "#/definitions/Status");
        assert_eq!(p["definitions"]["Status"]["enum"], serde_json::json!(["confirmed", "seed", "assumed"]));
        assert_eq!(p["definitions"]["Status"]["x-taplo"]["docs"]["enumValues"].as_array().unwrap().len(), 3);
    }

    /// Draft 7 ignores the keys beside a `$ref`: a description there would never show.
    fn refs_with_siblings(v: &Json, at: &str, out: &mut Vec<String>) {
        match v {
            Json::Object(map) => {
                if map.contains_key("$ref") && map.len() > 1 {
                    out.push(at.to_string());
                }
                for (k, child) in map {
                    refs_with_siblings(child, &format!("{at}/{k}"), out);
                }
            }
            Json::Array(items) => items.iter().enumerate().for_each(|(i, c)| refs_with_siblings(c, &format!("{at}/{i}"), out)),
            _ => {}
        }
    }

    #[test]
    fn no_documentation_is_lost_beside_a_ref() {
        for kind in FileKind::ALL {
            let mut found = Vec::new();
            refs_with_siblings(&kind.schema(), "", &mut found);
            assert!(found.is_empty(), "{}: $ref with siblings at {found:?}", kind.name());
        }
    }

    #[test]
    fn a_parameter_value_is_checked_against_its_unit() {
        let p = FileKind::Parameters.schema();
        let rules = p["definitions"]["ParameterDef"]["allOf"].as_array().unwrap();
        let number_units = &rules[0]["if"]["properties"]["unit"]["enum"];
        assert!(number_units.as_array().unwrap().contains(&Json::String("EUR".into())));
        assert_eq!(rules[0]["then"]["properties"]["value"]["anyOf"][0]["pattern"], DECIMAL_PATTERN);
        assert_eq!(rules[1]["if"]["properties"]["unit"]["enum"], serde_json::json!(["date"]));
    }

    #[test]
    fn directives_point_two_folders_up() {
        assert_eq!(directive("parameters"), "#:schema ../../schemas/parameters.schema.json");
    }
}
