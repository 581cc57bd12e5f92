//! Rulebooks: one year's complete rules, loaded strictly from a folder (`rulebook.toml` names the
//! other files), with every name bound, every expression type-checked and the steps ordered.

use std::collections::BTreeSet;

use crate::data::norm::load_norm;
use crate::diagnostic::follow::{LostNorm, link_to_lost_norms, norm_error_at};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::formula::{self, Script};
use crate::hashing::sha256_hex;
use crate::message::Message;
use crate::rulebook::binding::{Pipeline, bind};
use crate::rulebook::manifest::read_manifest;
use crate::rules::calendar::read_calendar;
use crate::rules::indicator::read_indicator_sets;
use crate::rules::inputs::InputKind;
use crate::rules::inputs::read_schema;
use crate::rules::list::read_lists;
use crate::rules::parameter::read_parameters;
use crate::rules::source::Source;
use crate::rules::step::read_steps;
use crate::rules::strict::Ctx;
use crate::rules::table::read_tables;

mod binding;
pub(crate) mod calendar;
mod cases;
mod codes;
mod explanation_plan;
pub(crate) mod explanations;
mod labels;
mod manifest;
mod model;
mod ordering;
pub(crate) mod parts;
pub(crate) mod resolver;
mod result;
#[cfg(test)]
pub(crate) mod shipped;

pub use cases::CaseReader;
pub use manifest::Names;
pub use model::*;
pub(crate) use parts::Parts;
use typed_index_collections::TiVec;

use crate::ids::{FileId, ScriptId};

/// Loads the rulebook whose files are in `rules` (its `rulebook.toml` at the root), reading norms
/// from `norms`. Returns the rulebook when it is fully valid, and every diagnostic found.
pub fn load(rules: &dyn Source, norms: &dyn Source) -> (Option<Rulebook>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let Some(parts) = read_parts(rules, norms, &mut diags) else { return (None, diags) };
    let rb = assemble(parts, &mut diags);
    (rb, diags)
}

/// Reads every file of a rulebook folder and its norms into items, each checked on its own.
fn read_parts(rules: &dyn Source, norms: &dyn Source, diags: &mut Vec<Diagnostic>) -> Option<Parts> {
    let mut files: Vec<SourceFile> = Vec::new();
    let manifest = read_manifest(rules, &mut files, diags)?;
    let period = manifest.period;
    let mut parts = Parts::empty(manifest, rules.display(""));
    let kinds = parts.manifest.files.clone();
    for (kind, paths) in &kinds {
        for path in paths {
            let text = match rules.read(path) {
                Ok(t) => t,
                Err(reason) => {
                    let hint = if reason.escapes() {
                        msg!("rules-path-escape-hint")
                    } else {
                        msg!("rules-manifest-lists-file", path = path, kind = *kind)
                    };
                    diags.push(Diagnostic::error(reason.code(), reason.message()).at(parts.manifest.files_loc.clone()).hint(hint));
                    continue;
                }
            };
            let idx = files.len();
            files.push(SourceFile { path: rules.display(path), text });
            if *kind == "scripts" {
                parts.script_files.push(FileId::from(idx));
                continue;
            }
            let file = &files[idx];
            let ctx = Ctx::new(file);
            if let Some(root) = ctx.parse() {
                let obj = ctx.root(&root, &Message::text(format!("`{path}`")));
                match *kind {
                    "parameters" => read_parameters(&obj, period, &mut parts.parameters),
                    "tables" => read_tables(&obj, &mut parts.tables),
                    "lists" => read_lists(&obj, period, &mut parts.lists),
                    "indicators" => read_indicator_sets(&obj, &mut parts.indicator_sets),
                    "calendar" => read_calendar(&obj, FileId::from(idx), &mut parts.calendar),
                    "inputs" => read_schema(&obj, &mut parts.schema),
                    _ => read_steps(&obj, FileId::from(idx), &mut parts.step_defs),
                }
                if *kind == "steps" {
                    obj.finish();
                }
            }
            diags.extend(ctx.into_diagnostics());
        }
    }
    for n in &parts.manifest.norms {
        if let Some(n) = load_norm(norms, &n.name, n.version, diags, &mut parts.norm_files) {
            parts.norms.push(n);
        }
    }
    parts.files = files;
    Some(parts)
}

/// Binds read items into a rulebook: scripts compiled, names bound, steps ordered, the calendar's
/// names checked. `None` when an error was found (they are all in `diags`).
pub(crate) fn assemble(parts: Parts, diags: &mut Vec<Diagnostic>) -> Option<Rulebook> {
    let engine = formula::sandbox();
    let scripts: TiVec<ScriptId, Script> =
        parts.script_files.iter().filter_map(|&i| formula::compile_script(&engine, &parts.files[i.index()], i, diags)).collect();
    let hash = hash_files(&parts.files);
    let Parts { manifest, root, files, parameters, tables, lists, indicator_sets, calendar, schema, step_defs, norms, norm_files, .. } =
        parts;
    let code_checks = codes::check_codes(&manifest.norms, &norms, &lists, diags);
    codes::check_norms(&norms, &lists, &code_checks, diags);
    let mut scope = Scope {
        year: manifest.year,
        label: manifest.label.clone(),
        period: manifest.period,
        reference_date: manifest.reference_date,
        case_file: manifest.case_file.clone(),
        root,
        files: files.into(),
        norm_files,
        parameters: parameters.into(),
        tables: tables.into(),
        lists: lists.into(),
        indicator_sets: indicator_sets.into(),
        calendar,
        schema,
        norms,
        code_checks,
        scalars: TiVec::new(),
        views: TiVec::new(),
        datasets: TiVec::new(),
        sets: TiVec::new(),
        exists_views: TiVec::new(),
        hash,
        engine,
        scripts,
        manifest: manifest.clone(),
    };
    calendar::check_calendar_dates(&scope, diags);
    let pipeline = bind(&mut scope, step_defs.into(), &manifest, diags);
    // The rulebook is built once its steps are bound and nothing is wrong; else what was read
    // stays, for the diagnostics to be placed in its files.
    let built: Result<Rulebook, Scope> = match pipeline {
        Some(Pipeline { steps, result, order }) if !diags.iter().any(Diagnostic::is_error) => {
            let calendar_exprs = calendar::bind_exprs(&scope, diags);
            let rb = Rulebook { scope, steps, order, result, calendar_exprs, explanations: TiVec::new() };
            // A step's sentence is bound against the steps it reads: once they are, the rulebook
            // is built again with them (never changed after).
            let explanations = explanations::bind(&rb, diags);
            let rb = Rulebook { explanations, ..rb };
            if !diags.iter().any(Diagnostic::is_error) {
                // The calendar names steps and inputs: a wrong name is an error of the rulebook,
                // found when it loads (`rules check`), not when a schedule is first asked for.
                diags.extend(calendar::check(&rb));
            }
            Ok(rb)
        }
        Some(_) | None => Err(scope),
    };
    let read: &Scope = match &built {
        Ok(rb) => rb,
        Err(scope) => scope,
    };
    let ok = !diags.iter().any(Diagnostic::is_error) && manifest.ok;
    // A listed norm that did not load: the errors about the datasets that read it follow from it.
    let lost: Vec<LostNorm> = manifest
        .norms
        .iter()
        .filter(|n| !read.norms.iter().any(|m| m.name == n.name && m.version == n.version))
        .filter_map(|n| {
            let at = norm_error_at(diags, &crate::data::norm::norm_path(&n.name, n.version))?;
            let readers = read.schema.inputs.iter().filter(|i| matches!(&i.kind, InputKind::Dataset { norm, .. } if *norm == n.name));
            let (mut names, mut inputs) = (Vec::new(), Vec::new());
            for i in readers {
                names.push(i.name.clone());
                names.push(format!("{}.{}", i.section, i.name));
                inputs.push(i.location.clone());
            }
            Some(LostNorm { at, names, inputs })
        })
        .collect();
    link_to_lost_norms(diags, &read.files.raw, &lost);
    // Root causes first, the errors they explain linked to them: the files are needed for that.
    crate::diagnostic::report_definition_typos(diags, &read.files.raw);
    crate::diagnostic::arrange(diags, &read.files.raw);
    built.ok().filter(|_| ok)
}

pub(crate) fn hash_files(files: &[SourceFile]) -> String {
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut all = Vec::new();
    for f in sorted {
        let name = f.path.rsplit('/').next().unwrap_or(&f.path);
        all.extend_from_slice(name.as_bytes());
        all.push(0);
        all.extend_from_slice(f.text.as_bytes());
        all.push(0);
    }
    sha256_hex(&all)
}
