//! `rulebook.toml`: the scheme and the year, the period, the reference date, the words people
//! read (what a case is, who is paid), the files of each kind, the norm versions, the result
//! (total, components, gate, waterfall) and the default money rounding.

use chrono::NaiveDate;

use crate::diagnostic::{Code, Diagnostic, Location, SourceFile};
use crate::message::Message;
use crate::rules::source::{Source, is_contained};
use crate::rules::step::read_rounding_choice;
use crate::rules::strict::{Ctx, Obj, date};
use crate::value::{Period, Rounding};

#[derive(Debug, Clone)]
pub(crate) struct Manifest {
    /// The scheme the rulebook belongs to (its short name): every output names it.
    pub(crate) scheme: String,
    pub(crate) names: Names,
    pub(crate) year: i32,
    pub(crate) label: String,
    pub(crate) period: Period,
    pub(crate) reference_date: NaiveDate,
    pub(crate) case_file: String,
    pub(crate) files: Vec<(&'static str, Vec<String>)>,
    pub(crate) files_loc: Location,
    pub(crate) norms: Vec<NormUse>,
    pub(crate) total: Option<toml::Spanned<String>>,
    pub(crate) waterfall: Vec<toml::Spanned<String>>,
    /// `[result.bar_labels]`: what a bar of the waterfall is called, when not its step's label
    /// (a level's label names the level reached; its bar shows what changes).
    pub(crate) bar_labels: Vec<(toml::Spanned<String>, String)>,
    pub(crate) components: Vec<toml::Spanned<String>>,
    pub(crate) gate: Option<toml::Spanned<String>>,
    pub(crate) money_rounding: Option<Rounding>,
    pub(crate) result_loc: Location,
    pub(crate) ok: bool,
}

/// The words of a scheme that reports put in their sentences: what a case is called and who is
/// paid. Without them, the sentences are neutral.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Names {
    /// What a case is, as people say it (the scheme's word).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// Who is paid, as a sentence names it (the scheme's words, with their article).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payee: Option<String>,
}

/// A norm the rulebook reads: its version and how the codes of its fields are checked.
#[derive(Debug, Clone)]
pub(crate) struct NormUse {
    pub(crate) name: String,
    pub(crate) version: u32,
    pub(crate) location: Location,
    pub(crate) codes: Vec<CodesUse>,
}

/// `FIELD = { catalogue = "…", list = "…", unlisted = "…" }` under a norm's `codes`, as written.
#[derive(Debug, Clone)]
pub(crate) struct CodesUse {
    pub(crate) field: String,
    pub(crate) field_loc: Location,
    pub(crate) catalogue: Option<(String, Location)>,
    pub(crate) list: Option<(String, Location)>,
    pub(crate) unlisted: Option<String>,
}

pub(crate) const FILE_KINDS: &[&str] = &["parameters", "tables", "lists", "indicators", "calendar", "inputs", "steps", "scripts"];

pub(crate) fn read_manifest(rules: &dyn Source, files: &mut Vec<SourceFile>, diags: &mut Vec<Diagnostic>) -> Option<Manifest> {
    let text = match rules.read("rulebook.toml") {
        Ok(t) => t,
        Err(reason) => {
            diags.push(
                Diagnostic::error(reason.code(), reason.message())
                    .at(Location::File { file: rules.display("rulebook.toml") })
                    .hint(if reason.escapes() { msg!("rules-path-escape-hint") } else { msg!("rules-folder-starts-with-manifest") }),
            );
            return None;
        }
    };
    files.push(SourceFile { path: rules.display("rulebook.toml"), text });
    let file = files.last()?.clone();
    let ctx = Ctx::new(&file);
    let manifest = ctx.parse().and_then(|root| {
        let obj = ctx.root(&root, &Message::text("`rulebook.toml`"));
        let m = read_manifest_fields(&obj);
        obj.finish();
        m
    });
    diags.extend(ctx.into_diagnostics());
    manifest
}

pub(crate) fn read_manifest_fields(obj: &Obj<'_, '_>) -> Option<Manifest> {
    let ctx = obj.ctx();
    let scheme = obj.opt_str("scheme").map(|s| s.into_inner()).unwrap_or_default();
    let names = obj.opt_table("names").map_or_else(Names::default, |n| {
        let names = Names { case: n.opt_str("case").map(|s| s.into_inner()), payee: n.opt_str("payee").map(|s| s.into_inner()) };
        n.finish();
        names
    });
    let year = obj.int("year");
    let label = obj.str("label");
    let period = obj.table("period").and_then(|p| {
        let start = p.date("start");
        let end = p.date("end");
        p.finish();
        let (start, end) = (start?, end?);
        if start.get_ref() > end.get_ref() {
            ctx.error(Code::InvalidValue, end.span(), msg!("rules-period-ends-before-start"));
            return None;
        }
        Some(Period { start: start.into_inner(), end: end.into_inner() })
    });
    let reference_date = obj.date("reference_date");
    if let (Some(p), Some(r)) = (&period, &reference_date)
        && !p.contains(*r.get_ref())
    {
        ctx.error(
            Code::DateOutsidePeriod,
            r.span(),
            msg!("rules-reference-date-outside", date = date(*r.get_ref()), start = date(p.start), end = date(p.end)),
        );
    }
    // Every shipped scheme names its own case file; a rulebook that does not gets a neutral name.
    // It names a file of the case folder: a path that would leave the folder is refused here
    // (the rulebook does not load), so that no file outside a case is ever read as one.
    let case_file = match obj.opt_str("case_file") {
        Some(s) if !is_contained(s.get_ref()) => {
            ctx.error_hint(
                Code::RulesPathEscape,
                s.span(),
                msg!("rules-case-file-outside", path = s.get_ref()),
                msg!("rules-case-file-outside-hint"),
            );
            "case.toml".to_string()
        }
        Some(s) => s.into_inner(),
        None => "case.toml".to_string(),
    };
    let mut files = Vec::new();
    let files_obj = obj.table("files");
    let files_loc = ctx.loc(files_obj.as_ref().map_or(obj.span(), |f| f.span()));
    if let Some(f) = &files_obj {
        for kind in FILE_KINDS {
            let paths: Vec<String> = f.str_list(kind).unwrap_or_default().into_iter().map(|s| s.into_inner()).collect();
            files.push((*kind, paths));
        }
    }
    if let Some(f) = files_obj {
        f.finish();
    }
    let mut norms = Vec::new();
    if let Some(n) = obj.opt_table("norms") {
        for (name, item) in n.entries() {
            if let Some(use_) = read_norm_use(obj, name.get_ref(), name.span(), item) {
                norms.push(use_);
            }
        }
    }
    let result = obj.table("result");
    let result_loc = ctx.loc(result.as_ref().map_or(obj.span(), |r| r.span()));
    let (total, components, gate, waterfall) = match &result {
        Some(r) => {
            (r.str("total"), r.str_list("components").unwrap_or_default(), r.opt_str("gate"), r.str_list("waterfall").unwrap_or_default())
        }
        None => (None, Vec::new(), None, Vec::new()),
    };
    let bar_labels = result.as_ref().and_then(|r| r.opt_table("bar_labels")).map(read_bar_labels).unwrap_or_default();
    if let Some(r) = result {
        r.finish();
    }
    let money_rounding = obj.opt_table("defaults").and_then(|d| {
        let r = read_rounding_choice(&d, "money_rounding");
        d.finish();
        r
    });
    Some(Manifest {
        scheme,
        names,
        year: i32::try_from(*year?.get_ref()).ok()?,
        label: label?.into_inner(),
        period: period?,
        reference_date: reference_date?.into_inner(),
        case_file,
        files,
        files_loc,
        norms,
        total,
        waterfall,
        bar_labels,
        components,
        gate,
        money_rounding,
        result_loc,
        ok: true,
    })
}

/// A norm of `[norms]`: `name = 1`, or `name = { version = 1, codes = { FIELD = { catalogue =
/// "…", list = "…", unlisted = "…" } } }`.
fn read_norm_use(obj: &Obj<'_, '_>, name: &str, span: std::ops::Range<usize>, item: &crate::rules::strict::Item<'_>) -> Option<NormUse> {
    let ctx = obj.ctx();
    let location = ctx.loc(span);
    if let toml::de::DeValue::Integer(_) = item.get_ref() {
        let v = crate::rules::strict::read_int(ctx, item, &msg!("rules-what-norm-version", norm = name))?;
        return Some(NormUse { name: name.to_string(), version: (*v.get_ref()).max(0) as u32, location, codes: Vec::new() });
    }
    let n = Obj::of(ctx, item, &msg!("rules-what-norm", norm = name))?;
    let version = n.int("version");
    let mut codes = Vec::new();
    if let Some(c) = n.opt_table("codes") {
        for (field, spec) in c.entries() {
            let Some(f) = Obj::of(ctx, spec, &msg!("rules-what-codes", norm = name, field = field.get_ref().as_ref())) else {
                continue;
            };
            let catalogue = f.opt_str("catalogue").map(|s| (s.get_ref().clone(), ctx.loc(s.span())));
            let list = f.opt_str("list").map(|s| (s.get_ref().clone(), ctx.loc(s.span())));
            let unlisted = f.opt_str("unlisted").map(|s| s.into_inner());
            if catalogue.is_none() && list.is_none() {
                ctx.error_hint(
                    Code::MissingKey,
                    f.span(),
                    msg!("rules-codes-no-list", norm = name, field = field.get_ref().as_ref()),
                    msg!("rules-codes-no-list-hint"),
                );
            }
            if unlisted.is_some() && (catalogue.is_none() || list.is_none()) {
                ctx.error(Code::InvalidValue, f.span(), msg!("rules-unlisted-needs-both", norm = name, field = field.get_ref().as_ref()));
            }
            f.finish();
            codes.push(CodesUse { field: field.get_ref().to_string(), field_loc: ctx.loc(field.span()), catalogue, list, unlisted });
        }
    }
    n.finish();
    let version = version?;
    Some(NormUse { name: name.to_string(), version: (*version.get_ref()).max(0) as u32, location, codes })
}

/// `[result.bar_labels]`: a step's name, the label of its bar.
fn read_bar_labels(t: Obj<'_, '_>) -> Vec<(toml::Spanned<String>, String)> {
    let keys: Vec<(String, std::ops::Range<usize>)> = t.entries().map(|(k, _)| (k.get_ref().to_string(), k.span())).collect();
    let labels =
        keys.into_iter().filter_map(|(k, span)| t.str(&k).map(|label| (toml::Spanned::new(span, k), label.into_inner()))).collect();
    t.finish();
    labels
}
