//! Rulebooks: one year's complete rules, loaded strictly from a folder (`rulebook.toml` names the
//! other files), with every name bound, every expression type-checked and the steps ordered.

use std::collections::BTreeSet;

use crate::data::norm::load_norm;
use crate::diagnostic::{Code, Diagnostic, SourceFile};
use crate::formula::{self, Script};
use crate::hashing::sha256_hex;
use crate::rulebook::binding::bind;
use crate::rulebook::manifest::read_manifest;
use crate::rules::calendar::read_calendar;
use crate::rules::indicator::read_indicator_sets;
use crate::rules::inputs::{CaseSchema, read_schema};
use crate::rules::list::read_lists;
use crate::rules::parameter::read_parameters;
use crate::rules::source::Source;
use crate::rules::step::read_steps;
use crate::rules::strict::Ctx;
use crate::rules::table::read_tables;

/// Slot spaces shared by the binder and the evaluator.
mod binding;
pub(crate) mod calendar;
mod codes;
mod formula_step;
mod manifest;
mod mechanisms;
mod model;
mod ordering;
mod resolver;
mod result;

pub use model::*;
use typed_index_collections::TiVec;

use crate::ids::{FileId, ScriptId, StepId};

/// Loads the rulebook whose files are in `rules` (its `rulebook.toml` at the root), reading norms
/// from `norms`. Returns the rulebook when it is fully valid, and every diagnostic found.
pub fn load(rules: &dyn Source, norms: &dyn Source) -> (Option<Rulebook>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut files: Vec<SourceFile> = Vec::new();
    let Some(manifest) = read_manifest(rules, &mut files, &mut diags) else { return (None, diags) };
    let period = manifest.period;
    let mut parameters = Vec::new();
    let mut tables = Vec::new();
    let mut lists = Vec::new();
    let mut indicator_sets = Vec::new();
    let mut calendar = Vec::new();
    let mut schema = CaseSchema::default();
    let mut step_defs = Vec::new();
    let mut script_files = Vec::new();
    for (kind, paths) in &manifest.files {
        for path in paths {
            let text = match rules.read(path) {
                Ok(t) => t,
                Err(reason) => {
                    diags.push(
                        Diagnostic::error(Code::MissingFile, reason.to_string())
                            .at(manifest.files_loc.clone())
                            .hint(format!("`rulebook.toml` lists `{path}` under `[files] {kind}`")),
                    );
                    continue;
                }
            };
            let idx = files.len();
            files.push(SourceFile { path: rules.display(path), text });
            if *kind == "scripts" {
                script_files.push(FileId::from(idx));
                continue;
            }
            let file = &files[idx];
            let ctx = Ctx::new(file);
            if let Some(root) = ctx.parse() {
                let obj = ctx.root(&root, &format!("`{path}`"));
                match *kind {
                    "parameters" => read_parameters(&obj, period, &mut parameters),
                    "tables" => read_tables(&obj, &mut tables),
                    "lists" => read_lists(&obj, period, &mut lists),
                    "indicators" => read_indicator_sets(&obj, &mut indicator_sets),
                    "calendar" => read_calendar(&obj, &mut calendar),
                    "inputs" => read_schema(&obj, &mut schema),
                    _ => read_steps(&obj, FileId::from(idx), &mut step_defs),
                }
                if *kind == "steps" {
                    obj.finish();
                }
            }
            diags.extend(ctx.into_diagnostics());
        }
    }
    let mut norm_list = Vec::new();
    let mut norm_files = Vec::new();
    for n in &manifest.norms {
        if let Some(norm) = load_norm(norms, &n.name, n.version, &mut diags, &mut norm_files) {
            norm_list.push(norm);
        }
    }
    let code_checks = codes::check_codes(&manifest.norms, &norm_list, &lists, &mut diags);
    codes::check_norms(&norm_list, &lists, &code_checks, &mut diags);
    let engine = formula::sandbox();
    let scripts: TiVec<ScriptId, Script> =
        script_files.iter().filter_map(|&i| formula::compile_script(&engine, &files[i.index()], i, &mut diags)).collect();
    let hash = hash_files(&files);
    let mut rb = Rulebook {
        year: manifest.year,
        label: manifest.label.clone(),
        period,
        reference_date: manifest.reference_date,
        case_file: manifest.case_file.clone(),
        root: rules.display(""),
        files: files.into(),
        norm_files,
        parameters: parameters.into(),
        tables: tables.into(),
        lists: lists.into(),
        indicator_sets: indicator_sets.into(),
        calendar,
        schema,
        norms: norm_list,
        code_checks,
        steps: TiVec::new(),
        order: Vec::new(),
        result: ResultSpec { total: StepId::from(0), components: Vec::new(), gate: None, waterfall: Vec::new() },
        scalars: TiVec::new(),
        views: TiVec::new(),
        datasets: TiVec::new(),
        sets: TiVec::new(),
        exists_views: TiVec::new(),
        hash,
        engine,
        scripts,
    };
    calendar::check_calendar_dates(&rb, &mut diags);
    bind(&mut rb, step_defs.into(), &manifest, &mut diags);
    if !diags.iter().any(Diagnostic::is_error) {
        // The calendar names steps and inputs: a wrong name is an error of the rulebook, found
        // when it loads (`rules check`), not when a schedule is first asked for. Its warnings
        // are the schedule's to report.
        diags.extend(calendar::check(&rb).into_iter().filter(Diagnostic::is_error));
    }
    let ok = !diags.iter().any(Diagnostic::is_error) && manifest.ok;
    (ok.then_some(rb), diags)
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
