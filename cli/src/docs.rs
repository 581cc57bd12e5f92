//! `peps docs`: a year's rulebook as a readable document — Markdown, and the same as one
//! self-contained HTML page (pulldown-cmark does the conversion).

use std::fmt::Write;
use std::path::PathBuf;

use peps_engine::data::norm::{CodeCheck, Norm};
use peps_engine::rulebook::{Rulebook, Step};
use peps_engine::value::{Dated, Value};

use crate::RulesArgs;
use crate::html::page;
use crate::report::Sources;
use crate::workspace::{exit_code, load_year, print_diagnostics};

#[derive(clap::Args, Debug)]
pub struct DocsArgs {
    /// The year whose rulebook is documented
    #[arg(long)]
    year: i32,
    #[command(flatten)]
    rules: RulesArgs,
    /// Folder to write rules-<year>.md and rules-<year>.html into (default: Markdown on stdout)
    #[arg(long, short = 'o', value_name = "DIR")]
    out: Option<PathBuf>,
    /// Replace documents already in the folder
    #[arg(long)]
    force: bool,
}

pub fn run(args: &DocsArgs) -> u8 {
    let mut sources = Sources::default();
    let (rb, diags) = load_year(&args.rules, args.year, &mut sources);
    print_diagnostics(&diags, &sources);
    let Some(rb) = rb else { return exit_code(&diags).max(crate::EXIT_FINDINGS) };
    let md = markdown(&rb);
    let Some(dir) = &args.out else {
        crate::emit(&md);
        return crate::EXIT_OK;
    };
    let html = page(rb.label(), &to_html(&md));
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: cannot create {}: {e}", dir.display());
        return crate::EXIT_IO;
    }
    for (name, body) in [(format!("rules-{}.md", rb.year()), md), (format!("rules-{}.html", rb.year()), html)] {
        let path = dir.join(&name);
        if let Err(e) = crate::output::write_atomic(&path, body.as_bytes(), args.force, &[] as &[PathBuf], false) {
            eprintln!("error: {e}");
            return crate::EXIT_IO;
        }
        crate::emit(&format!("wrote {}\n", path.display()));
    }
    crate::EXIT_OK
}

pub fn to_html(md: &str) -> String {
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    let parser = pulldown_cmark::Parser::new_ext(md, options);
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, parser);
    out
}

/// A table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn dated(values: &[Dated<Value>]) -> String {
    match values {
        [one] => one.value.render(),
        many => many.iter().map(|d| format!("{} dès le {}", d.value.render(), d.from)).collect::<Vec<_>>().join(", puis "),
    }
}

pub fn markdown(rb: &Rulebook) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "# {}\n", rb.label());
    if !rb.scheme().is_empty() {
        let _ = writeln!(m, "Dispositif : {} ; année {}.  ", rb.scheme(), rb.year());
    }
    let _ = writeln!(
        m,
        "Période : du {} au {} ; date de référence : {} ; fichier du cas : `{}`.  ",
        rb.period().start,
        rb.period().end,
        rb.reference_date(),
        rb.case_file()
    );
    let _ = writeln!(m, "Empreinte des règles (SHA-256) : `{}`.\n", rb.hash());
    let _ = writeln!(
        m,
        "Statuts : **confirmed** (un texte public le dit), **seed** (le texte de référence du dispositif le dit), **assumed** (hypothèse, le texte officiel n'étant pas public).\n"
    );
    result(&mut m, rb);
    parameters(&mut m, rb);
    tables(&mut m, rb);
    lists(&mut m, rb);
    indicators(&mut m, rb);
    calendar(&mut m, rb);
    inputs(&mut m, rb);
    steps(&mut m, rb);
    for n in rb.norms() {
        norm(&mut m, n, rb.code_checks());
    }
    m
}

fn result(m: &mut String, rb: &Rulebook) {
    let name = |s: &Step| format!("`{}`", s.def.name);
    let _ = writeln!(m, "## Résultat\n");
    let _ = writeln!(m, "- Total : {}", name(rb.total_step()));
    let parts: Vec<String> = rb.components().map(name).collect();
    let _ = writeln!(m, "- Composantes (leur somme est le total) : {}", parts.join(" + "));
    if let Some(g) = rb.gate() {
        let _ = writeln!(m, "- Éligibilité : {} (si un critère échoue, la rémunération est nulle)", name(g));
    }
    let bars: Vec<String> = rb.waterfall().map(|(s, add)| if add { format!("+{}", name(s)) } else { name(s) }).collect();
    if !bars.is_empty() {
        let _ = writeln!(m, "- Cascade du rapport : {}", bars.join(" → "));
    }
    m.push('\n');
}

fn parameters(m: &mut String, rb: &Rulebook) {
    let _ = writeln!(m, "## Paramètres\n\n| nom | libellé | valeur | unité | statut | référence |\n|---|---|---|---|---|---|");
    for p in rb.parameters() {
        let _ = writeln!(
            m,
            "| `{}` | {} | {} | {} | {} | {} |",
            p.name,
            cell(&rb.render_label(&p.provenance.label)),
            cell(&dated(&p.values)),
            p.unit,
            p.provenance.status.as_str(),
            cell(&p.provenance.reference)
        );
    }
    m.push('\n');
}

fn tables(m: &mut String, rb: &Rulebook) {
    if rb.tables().is_empty() {
        return;
    }
    let _ = writeln!(m, "## Tables\n");
    for t in rb.tables() {
        let _ = writeln!(
            m,
            "### `{}` — {}\n\nStatut : **{}**. Référence : {}\n",
            t.name,
            rb.render_label(&t.provenance.label),
            t.provenance.status.as_str(),
            t.provenance.reference
        );
        if let Some(d) = &t.provenance.description {
            let _ = writeln!(m, "{d}\n");
        }
        let heads: Vec<String> =
            t.keys.iter().map(|k| k.name.clone()).chain(t.columns.iter().map(|c| format!("{} ({})", c.name, c.unit))).collect();
        let _ = writeln!(m, "| {} |\n|{}", heads.join(" | "), "---|".repeat(heads.len()));
        for r in &t.rows {
            let keys = r.keys.iter().map(|k| {
                let shown = match serde_json::to_value(k).unwrap_or_default() {
                    serde_json::Value::String(s) => s,
                    // A set of values of an enumerated key: `F` or `F, M`, not `["F"]`.
                    serde_json::Value::Array(values) => {
                        values.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).collect::<Vec<_>>().join(", ")
                    }
                    other => other.to_string(),
                };
                cell(&shown)
            });
            let vals = r.values.iter().map(|v| v.to_string());
            let _ = writeln!(m, "| {} |", keys.chain(vals).collect::<Vec<_>>().join(" | "));
        }
        m.push('\n');
    }
}

fn lists(m: &mut String, rb: &Rulebook) {
    if rb.lists().is_empty() {
        return;
    }
    let _ = writeln!(m, "## Listes\n");
    for l in rb.lists() {
        let _ = writeln!(
            m,
            "### `{}` — {}\n\nStatut : **{}**. Référence : {}\n",
            l.name,
            rb.render_label(&l.provenance.label),
            l.provenance.status.as_str(),
            l.provenance.reference
        );
        let attrs: Vec<String> = l.attributes.iter().map(|a| format!("{} ({})", a.name, a.unit)).collect();
        let _ =
            writeln!(m, "| code | libellé | {} | statut | référence |\n|---|---|{}---|---|", attrs.join(" | "), "---|".repeat(attrs.len()));
        for it in &l.items {
            let vals: Vec<String> = it.values.iter().map(|v| cell(&dated(v))).collect();
            let _ = writeln!(
                m,
                "| `{}` | {} | {} | {} | {} |",
                it.code,
                cell(&rb.render_label(&it.provenance.label)),
                vals.join(" | "),
                it.provenance.status.as_str(),
                cell(&it.provenance.reference)
            );
        }
        m.push('\n');
    }
}

fn indicators(m: &mut String, rb: &Rulebook) {
    if rb.indicator_sets().is_empty() {
        return;
    }
    let _ = writeln!(m, "## Indicateurs\n");
    for s in rb.indicator_sets() {
        let _ = writeln!(
            m,
            "### `{}` — {}\n\nMéthode : {:?}. Statut : **{}**. Référence : {}\n",
            s.name,
            rb.render_label(&s.provenance.label),
            s.method,
            s.provenance.status.as_str(),
            s.provenance.reference
        );
        let _ = writeln!(m, "| indicateur | libellé | poids | cible | sens | résultat lu dans | statut |\n|---|---|---|---|---|---|---|");
        for i in &s.indicators {
            let _ = writeln!(
                m,
                "| `{}` | {} | {} | {} | {:?} | `{}` | {} |",
                i.name,
                cell(&rb.render_label(&i.provenance.label)),
                i.weight,
                i.target,
                i.direction,
                i.input,
                i.provenance.status.as_str()
            );
        }
        m.push('\n');
    }
}

fn calendar(m: &mut String, rb: &Rulebook) {
    if rb.calendar().is_empty() {
        return;
    }
    let _ = writeln!(
        m,
        "## Calendrier\n\n| date | événement | nature | part ou montant | condition | statut | référence |\n|---|---|---|---|---|---|---|"
    );
    for e in rb.calendar() {
        let _ = writeln!(
            m,
            "| {} | {} | {} | {} | {} | {} | {} |",
            e.date,
            cell(&rb.render_label(&e.provenance.label)),
            e.kind.as_str(),
            cell(&e.share_or_amount().unwrap_or_default()),
            cell(e.condition().unwrap_or_default()),
            e.provenance.status.as_str(),
            cell(&e.provenance.reference)
        );
    }
    m.push('\n');
}

fn inputs(m: &mut String, rb: &Rulebook) {
    let _ = writeln!(m, "## Données du cas (`{}`)\n\n| section | clé | type | libellé | défaut |\n|---|---|---|---|---|", rb.case_file());
    for i in &rb.schema().inputs {
        let ty =
            serde_json::to_value(&i.kind).ok().and_then(|v| v.get("type").and_then(|t| t.as_str().map(str::to_string))).unwrap_or_default();
        let default =
            i.default.as_ref().map(Value::render).unwrap_or_else(|| if i.optional { "(facultatif)".into() } else { String::new() });
        let _ = writeln!(m, "| `{}` | `{}` | {} | {} | {} |", i.section, i.name, ty, cell(&rb.render_label(&i.label)), cell(&default));
    }
    m.push('\n');
}

fn steps(m: &mut String, rb: &Rulebook) {
    let _ = writeln!(m, "## Étapes du calcul (dans l'ordre d'évaluation)\n");
    for (n, s) in rb.steps_in_order().enumerate() {
        let _ = writeln!(m, "### {}. `{}` — {}\n", n + 1, s.def.name, rb.render_label(&s.def.label));
        let rounding = s.rounding.map(|r| format!(", arrondi au pas de {} ({:?})", r.step, r.mode)).unwrap_or_default();
        let _ = writeln!(m, "Mécanisme : **{}** ; unité : {}{rounding}.\n", s.def.mechanism.name(), s.unit);
        let _ = writeln!(m, "```text\n{}\n```\n", s.def.describe());
        if let Some(src) = rb.function_source(s) {
            let _ = writeln!(m, "```rust\n{src}\n```\n");
        }
        if let Some(r) = &s.def.reference {
            let _ = writeln!(m, "Référence : {r}\n");
        }
    }
}

fn norm(m: &mut String, n: &Norm, checks: &[CodeCheck]) {
    let _ = writeln!(
        m,
        "## Norme `{}` v{} — {}\n\nStatut : **{}**. Référence : {}\n",
        n.name,
        n.version,
        n.provenance.label,
        n.provenance.status.as_str(),
        n.provenance.reference
    );
    if let Some(f) = &n.file_name {
        let _ = writeln!(m, "Nom de fichier : `{}` (dates au format `{}`).  ", f.pattern, f.date_format);
    }
    let _ = writeln!(
        m,
        "Séparateur `{}`, encodage {:?}, dates `{}`, séparateur décimal `{}`.\n",
        n.separator as char, n.encoding, n.date_format, n.decimal_separator
    );
    let _ = writeln!(m, "| champ | libellé | type | obligatoire | contraintes |\n|---|---|---|---|---|");
    for f in &n.fields {
        let mut c = Vec::new();
        if let Some((a, b)) = f.length {
            c.push(if a == b {
                format!("longueur {a}")
            } else if b == usize::MAX {
                format!("au moins {a} caractères")
            } else {
                format!("{a} à {b} caractères")
            });
        }
        if !f.values.is_empty() {
            c.push(format!("valeurs {}", f.values.join(", ")));
        }
        if let Some(p) = &f.pattern {
            c.push(format!("motif `{p}`"));
        }
        if let Some(check) = checks.iter().find(|k| k.norm == n.name && k.field == f.name) {
            if let Some(l) = &check.catalogue {
                c.push(format!("dans le catalogue `{l}` (sinon erreur)"));
            }
            match (&check.list, &check.catalogue, &check.unlisted) {
                (Some(l), Some(_), Some(u)) => c.push(format!("hors de la liste `{l}` : avertissement, « {u} »")),
                (Some(l), Some(_), None) => c.push(format!("hors de la liste `{l}` : avertissement")),
                (Some(l), None, _) => c.push(format!("dans la liste `{l}` (sinon erreur)")),
                (None, _, _) => {}
            }
        }
        if let Some(x) = f.min {
            c.push(format!("≥ {x}"));
        }
        if let Some(x) = f.max {
            c.push(format!("≤ {x}"));
        }
        if let Some(k) = f.checksum {
            c.push(format!("clé {k:?}"));
        }
        if f.identifier {
            c.push("identifiant masqué dans les rapports".into());
        }
        if let Some(r) = &f.required_if {
            c.push(format!("obligatoire si `{r}`"));
        }
        let _ = writeln!(
            m,
            "| `{}` | {} | {:?} | {} | {} |",
            f.name,
            cell(&f.label),
            f.kind,
            if f.required { "oui" } else { "non" },
            cell(&c.join(" ; "))
        );
    }
    m.push('\n');
    if !n.checks.is_empty() {
        let _ = writeln!(m, "Contrôles entre les champs d'une ligne (avertissement quand la condition ne tient pas) :\n");
        for c in &n.checks {
            let _ = writeln!(m, "- {} : `{}`", c.label, c.when);
        }
        m.push('\n');
    }
    if !n.references.is_empty() {
        let _ = writeln!(m, "Liens vers d'autres fichiers, vérifiés quand ils sont lus ensemble (avertissement) :\n");
        for r in &n.references {
            let dates = match (&r.at, &r.valid_from, &r.valid_to) {
                (Some(at), from, to) => {
                    format!(", valable à la date `{at}` (entre `{}` et `{}`)", from.as_deref().unwrap_or("—"), to.as_deref().unwrap_or("—"))
                }
                _ => String::new(),
            };
            let _ =
                writeln!(m, "- {} : `{}` dans `{}` de la norme `{}`{dates}", r.label, r.fields.join("`, `"), r.keys.join("`, `"), r.norm);
        }
        m.push('\n');
    }
}
