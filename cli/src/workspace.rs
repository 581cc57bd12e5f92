//! Where rules and norms are found, and loading a year's rulebook with its diagnostics rendered.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use peps_engine::diagnostic::{Code, Diagnostic, Location};
use peps_engine::msg;
use peps_engine::rulebook::{self, Rulebook};
use peps_engine::rules::source::{DirSource, SearchPath, Source};

use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_IO, EXIT_OK};
use crate::report::{Sources, render_text};

/// The repository folder `name` (`rules`, `norms`, `examples`, ...): in the working directory
/// or the nearest folder above it that has one, else beside the executable (its folder or one
/// above: `target/release/peps` sits in the repository). Never a path fixed when the binary was
/// built, so an installed or copied `peps` reads the repository it is run in. When none is
/// found, the rules and norms built into the binary (`builtin`); for another folder, the name
/// itself: the error then says what is missing where.
pub fn default_dir(name: &str) -> PathBuf {
    let cwd = std::env::current_dir().ok();
    if let Some(cwd) = &cwd {
        for (up, dir) in cwd.ancestors().enumerate() {
            if dir.join(name).is_dir() {
                // Relative to where the command runs: what messages show stays short.
                return std::iter::repeat_n("..", up).collect::<PathBuf>().join(name);
            }
        }
    }
    let exe = std::env::current_exe().ok().and_then(|e| e.canonicalize().ok());
    if let Some(found) = exe.iter().flat_map(|e| e.ancestors().skip(1)).map(|d| d.join(name)).find(|d| d.is_dir()) {
        return found;
    }
    // Outside the repository (an installed `peps`): the rules and norms built into the binary.
    crate::builtin::folder(name).unwrap_or_else(|| PathBuf::from(name))
}

pub fn rules_root(args: &RulesArgs) -> PathBuf {
    match (&args.rules, &args.scheme) {
        (Some(dir), _) => dir.clone(),
        (None, Some(scheme)) => default_dir("rules").join(scheme),
        (None, None) => default_dir("rules"),
    }
}

/// Where norms are read from, in order (the first folder that has a norm gives it): the
/// `--norms` folders in the order given, alone when any is; else the scheme's own `norms/`
/// (inside its rules folder), then the repository's.
pub fn norms_roots(args: &RulesArgs) -> Vec<PathBuf> {
    if !args.norms.is_empty() {
        return args.norms.clone();
    }
    let own = rules_root(args).join("norms");
    let shared = default_dir("norms");
    [own].into_iter().filter(|d| d.is_dir()).chain([shared]).collect()
}

/// The norms of a rulebook as one source: the search path of `norms_roots`.
pub fn norms_source(args: &RulesArgs) -> SearchPath {
    SearchPath::new(norms_roots(args).into_iter().map(|d| Box::new(DirSource::new(d)) as Box<dyn Source>).collect())
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
        let found = if known.is_empty() {
            msg!("cli-no-rulebook-under", root = root.display().to_string())
        } else {
            msg!("cli-rulebooks-exist", years = known.iter().map(i32::to_string).collect::<Vec<_>>().join(", "))
        };
        let origin = if args.rules.is_some() {
            msg!("cli-rules-given")
        } else if crate::builtin::is_builtin(&root) {
            msg!("cli-rules-builtin")
        } else {
            msg!("cli-rules-found-in-folder")
        };
        let hint = msg!("cli-rules-lookup-hint", found = found, origin = origin);
        let d = Diagnostic::error(Code::MissingFile, msg!("cli-no-rulebook-for", year = year.to_string(), dir = dir.display().to_string()))
            .at(Location::File { file: dir.display().to_string() })
            .hint(hint);
        return (None, vec![d]);
    }
    let rules = DirSource::new(&dir);
    let (rb, diags) = rulebook::load(&rules, &norms_source(args));
    if let Some(rb) = &rb {
        sources.add(rb.files());
        sources.add(rb.norm_files());
    } else {
        add_files_of(&diags, sources);
    }
    (rb, diags)
}

/// Reads the files diagnostics point into, so they can be shown with their source line.
/// Each file once, however many diagnostics point into it.
pub fn add_files_of(diags: &[Diagnostic], sources: &mut Sources) {
    for d in diags {
        if let Some(Location::Source { file, .. }) = &d.location
            && !sources.has(file)
            && let Ok(text) = std::fs::read_to_string(file)
        {
            sources.add(&[peps_engine::diagnostic::SourceFile { path: file.clone(), text }]);
        }
    }
}

/// Prints diagnostics on stderr, in colour on a terminal.
pub fn print_diagnostics(diags: &[Diagnostic], sources: &Sources) {
    if diags.is_empty() {
        return;
    }
    let forced = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0");
    let color = forced || (std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none());
    eprint!("{}", render_text(diags, sources, color));
}

/// Exit code for a set of diagnostics: I/O problems are 2, other errors 1.
pub fn exit_code(diags: &[Diagnostic]) -> u8 {
    let io = [Code::CaseFileUnreadable, Code::DataFileUnreadable, Code::MissingFile];
    if diags.iter().any(|d| d.is_error() && io.contains(&d.code) && matches!(d.location, Some(Location::File { .. }) | None)) {
        EXIT_IO
    } else if diags.iter().any(Diagnostic::is_error) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
