//! Where rules and norms are found, and loading a year's rulebook with its diagnostics rendered.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use peps_engine::diagnostic::{Code, Diagnostic, Location};
use peps_engine::rulebook::{self, Rulebook};
use peps_engine::rules::source::DirSource;

use crate::RulesArgs;
use crate::report::{Sources, render_text};

/// The repository folder `name` (`rules` or `norms`): in the current directory if it is there,
/// else next to the sources this binary was built from.
pub fn default_dir(name: &str) -> PathBuf {
    let here = PathBuf::from(name);
    if here.is_dir() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name)
}

pub fn rules_root(args: &RulesArgs) -> PathBuf {
    args.rules.clone().unwrap_or_else(|| default_dir("rules"))
}

pub fn norms_root(args: &RulesArgs) -> PathBuf {
    args.norms.clone().unwrap_or_else(|| default_dir("norms"))
}

/// The years that have a rulebook under `root`, sorted.
pub fn years(root: &Path) -> Vec<i32> {
    let mut out: Vec<i32> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse().ok()))
        .filter(|y: &i32| root.join(y.to_string()).join("rulebook.toml").is_file())
        .collect();
    out.sort_unstable();
    out
}

/// Loads the rulebook of `year`; on failure returns every diagnostic.
pub fn load_year(args: &RulesArgs, year: i32, sources: &mut Sources) -> (Option<Rulebook>, Vec<Diagnostic>) {
    let root = rules_root(args);
    let dir = root.join(year.to_string());
    if !dir.join("rulebook.toml").is_file() {
        let known = years(&root);
        let hint = if known.is_empty() {
            format!("no rulebook under {}", root.display())
        } else {
            format!("rulebooks exist for {}", known.iter().map(i32::to_string).collect::<Vec<_>>().join(", "))
        };
        let d = Diagnostic::error(Code::MissingFile, format!("no rulebook for {year}: {} has no rulebook.toml", dir.display()))
            .at(Location::File { file: dir.display().to_string() })
            .hint(hint);
        return (None, vec![d]);
    }
    let rules = DirSource::new(&dir);
    let norms = DirSource::new(norms_root(args));
    let (rb, diags) = rulebook::load(&rules, &norms);
    if let Some(rb) = &rb {
        sources.add(rb.files());
        sources.add(rb.norm_files());
    } else {
        add_files_of(&diags, sources);
    }
    (rb, diags)
}

/// Reads the files diagnostics point into, so they can be shown with their source line.
pub fn add_files_of(diags: &[Diagnostic], sources: &mut Sources) {
    let mut files = Vec::new();
    for d in diags {
        if let Some(Location::Source { file, .. }) = &d.location
            && let Ok(text) = std::fs::read_to_string(file)
        {
            files.push(peps_engine::diagnostic::SourceFile { path: file.clone(), text });
        }
    }
    sources.add(&files);
}

/// Prints diagnostics on stderr, in colour on a terminal.
pub fn print_diagnostics(diags: &[Diagnostic], sources: &Sources) {
    if diags.is_empty() {
        return;
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!("{}", render_text(diags, sources, color));
}

/// Exit code for a set of diagnostics: I/O problems are 2, other errors 1.
pub fn exit_code(diags: &[Diagnostic]) -> u8 {
    let io = [Code::CaseFileUnreadable, Code::DataFileUnreadable, Code::MissingFile];
    if diags.iter().any(|d| d.is_error() && io.contains(&d.code) && matches!(d.location, Some(Location::File { .. }) | None)) {
        crate::EXIT_IO
    } else if diags.iter().any(Diagnostic::is_error) {
        crate::EXIT_FINDINGS
    } else {
        crate::EXIT_OK
    }
}
