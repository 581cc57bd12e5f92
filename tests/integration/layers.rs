//! The layers hold by test. ARCHITECTURE.md is the source: its `layers` block lists the engine's
//! modules from the bottom up. Every `use` of the engine and every path its code spells
//! (`crate::…`, `super::…`, a child module's `x::…`, inside macros too) is followed to the file
//! that defines the item, through re-exports; no engine file may read a module of a higher
//! layer, nor one of its own layer. No file of the engine or the CLI is in a loop of files that
//! read each other — except a folder's face `x.rs` and the files of `x/`, which it declares,
//! dispatches to and holds what they share for — and no file reads the crate root (`lib.rs`,
//! `main.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use regex::Regex;
use syn::visit::{self, Visit};

use crate::util::repo;

/// A module's path from the crate root, `["case", "national"]`; the root is `[]`.
type ModPath = Vec<String>;

/// What a file holds that the checker needs.
#[derive(Default, Debug)]
struct Facts {
    /// The items it defines (functions, types, constants, traits, macros, modules).
    defined: BTreeSet<String>,
    /// The names its `use` declarations bring in, each with the path it stands for (`None`: a
    /// name from outside the crate).
    aliases: BTreeMap<String, Option<ModPath>>,
    /// The modules it brings in whole (`use x::*`).
    globs: Vec<ModPath>,
    /// The paths it reads, absolute, and whether each is only re-exported (`pub use`).
    reads: Vec<(ModPath, bool)>,
    /// Its modules declared for tests only (`#[cfg(test)] mod tests;`).
    test_children: Vec<String>,
}

/// One read of a file by another, as the source spells it.
#[derive(Debug, Clone)]
struct Edge {
    from: String,
    to: String,
    path: String,
    reexport: bool,
}

/// The files of a crate and the reads between them.
struct Crate {
    /// By module path: the file as shown (relative to the crate's `src/`) and its facts.
    files: BTreeMap<ModPath, (String, Facts)>,
}

fn module_path(file: &str) -> ModPath {
    let mut parts: Vec<String> = file.trim_end_matches(".rs").split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod") || (parts.len() == 1 && (parts[0] == "lib" || parts[0] == "main")) {
        parts.pop();
    }
    parts
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("cfg") && matches!(&a.meta, syn::Meta::List(l) if l.tokens.to_string() == "test"))
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// Every path of a `use` tree: its segments, the name it brings in, and whether it is a glob.
fn flatten(tree: &syn::UseTree, prefix: &[String], out: &mut Vec<(Vec<String>, String, bool)>) {
    let with = |ident: &syn::Ident| [prefix, &[ident.to_string()]].concat();
    match tree {
        syn::UseTree::Path(p) => flatten(&p.tree, &with(&p.ident), out),
        syn::UseTree::Name(n) if n.ident == "self" => out.push((prefix.to_vec(), prefix.last().cloned().unwrap_or_default(), false)),
        syn::UseTree::Name(n) => out.push((with(&n.ident), n.ident.to_string(), false)),
        syn::UseTree::Rename(r) => out.push((with(&r.ident), r.rename.to_string(), false)),
        syn::UseTree::Glob(_) => out.push((prefix.to_vec(), "*".to_string(), true)),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| flatten(t, prefix, out)),
    }
}

/// Reads one file's definitions, `use` declarations and paths, tests left out.
struct Reader<'a> {
    module: &'a [String],
    /// The inline modules the visit is in.
    inline: Vec<String>,
    /// The modules the file declares (`mod x;`): a path may start with their name.
    declared: BTreeSet<String>,
    in_macro: Regex,
    facts: Facts,
}

impl Reader<'_> {
    /// `segments` from the crate root, or `None` for a path outside the crate (or a local name).
    fn absolute(&self, segments: &[String]) -> Option<ModPath> {
        let (first, rest) = segments.split_first()?;
        let mut base: ModPath = [self.module, &self.inline].concat();
        match first.as_str() {
            "crate" => return Some(rest.to_vec()),
            "self" => {}
            "super" => {
                base.pop();
            }
            name if self.inline.is_empty() && self.declared.contains(name) => return Some([base, segments.to_vec()].concat()),
            _ => return None,
        }
        let mut rest = rest;
        while let Some(("super", tail)) = rest.split_first().map(|(h, t)| (h.as_str(), t)) {
            base.pop();
            rest = tail;
        }
        Some([base, rest.to_vec()].concat())
    }
}

impl<'ast> Visit<'ast> for Reader<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if is_test(item_attrs(item)) {
            if let syn::Item::Mod(m) = item
                && m.content.is_none()
                && self.inline.is_empty()
            {
                self.facts.test_children.push(m.ident.to_string());
            }
            return;
        }
        let name = match item {
            syn::Item::Const(i) => Some(&i.ident),
            syn::Item::Enum(i) => Some(&i.ident),
            syn::Item::Fn(i) => Some(&i.sig.ident),
            syn::Item::Macro(i) => i.ident.as_ref(),
            syn::Item::Mod(i) => Some(&i.ident),
            syn::Item::Static(i) => Some(&i.ident),
            syn::Item::Struct(i) => Some(&i.ident),
            syn::Item::Trait(i) => Some(&i.ident),
            syn::Item::Type(i) => Some(&i.ident),
            syn::Item::Union(i) => Some(&i.ident),
            _ => None,
        };
        if let Some(name) = name {
            self.facts.defined.insert(name.to_string());
        }
        match item {
            syn::Item::Use(u) => {
                let reexport = !matches!(u.vis, syn::Visibility::Inherited);
                let mut paths = Vec::new();
                flatten(&u.tree, &[], &mut paths);
                for (segments, name, glob) in paths {
                    let absolute = self.absolute(&segments);
                    if glob {
                        self.facts.globs.extend(absolute.clone());
                    } else {
                        self.facts.aliases.insert(name, absolute.clone());
                    }
                    if let Some(a) = absolute {
                        self.facts.reads.push((a, reexport));
                    }
                }
            }
            syn::Item::Mod(m) if m.content.is_some() => {
                self.inline.push(m.ident.to_string());
                visit::visit_item(self, item);
                self.inline.pop();
            }
            _ => visit::visit_item(self, item),
        }
    }

    // `pub(crate)`, `pub(super)`: where an item is seen, not what it reads.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.leading_colon.is_none() {
            let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            if let Some(a) = self.absolute(&segments) {
                self.facts.reads.push((a, false));
            }
        }
        visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let tokens = mac.tokens.to_string();
        let found: Vec<Vec<String>> =
            self.in_macro.captures_iter(&tokens).map(|c| c[1].split("::").map(|s| s.trim().to_string()).collect()).collect();
        for segments in found {
            if let Some(a) = self.absolute(&segments) {
                self.facts.reads.push((a, false));
            }
        }
        visit::visit_macro(self, mac);
    }
}

impl Crate {
    /// A crate from its files: (path relative to `src/`, text).
    fn of(sources: &[(String, String)]) -> Crate {
        let mut files = BTreeMap::new();
        for (file, text) in sources {
            let module = module_path(file);
            let parsed = syn::parse_file(text).unwrap_or_else(|e| panic!("{file} does not parse: {e}"));
            let declared: BTreeSet<String> = parsed
                .items
                .iter()
                .filter_map(|i| match i {
                    syn::Item::Mod(m) if m.content.is_none() => Some(m.ident.to_string()),
                    _ => None,
                })
                .collect();
            let names = declared.iter().map(|d| regex::escape(d)).collect::<Vec<_>>().join("|");
            let heads = if names.is_empty() { "crate|super|self".to_string() } else { format!("crate|super|self|{names}") };
            let in_macro = Regex::new(&format!(r"(?:^|[^\w:])((?:{heads})(?:\s*::\s*\w+)+)")).unwrap();
            let mut reader = Reader { module: &module, inline: Vec::new(), declared, in_macro, facts: Facts::default() };
            parsed.items.iter().for_each(|i| reader.visit_item(i));
            files.insert(module.clone(), (file.clone(), reader.facts));
        }
        // Files declared for tests only, and every file under them, are no part of the crate.
        let tests: Vec<ModPath> =
            files.iter().flat_map(|(m, (_, f))| f.test_children.iter().map(move |c| [m.clone(), vec![c.clone()]].concat())).collect();
        files.retain(|m, _| !tests.iter().any(|t| m.starts_with(t)));
        Crate { files }
    }

    /// The crate whose sources are under `src`.
    fn read(src: &Path) -> Crate {
        fn walk(dir: &Path, src: &Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, src, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let file = path.strip_prefix(src).unwrap().to_string_lossy().replace('\\', "/");
                    out.push((file, std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        let mut sources = Vec::new();
        walk(src, src, &mut sources);
        Crate::of(&sources)
    }

    /// The file that defines what `path` names, following re-exports; `None` outside the crate.
    fn resolve(&self, path: &[String], depth: usize) -> Option<&ModPath> {
        let (module, _) = (0..=path.len()).rev().find_map(|i| self.files.get_key_value(&path[..i]))?;
        let rest = &path[module.len()..];
        if rest.is_empty() || depth > 16 {
            return Some(module);
        }
        self.lookup(module, rest, depth).unwrap_or(Some(module))
    }

    /// Where `rest` leads from `module` when its first name is one `module` defines or brings
    /// in (`Some`), else `None`.
    fn lookup(&self, module: &ModPath, rest: &[String], depth: usize) -> Option<Option<&ModPath>> {
        let ((module, (_, facts)), name) = (self.files.get_key_value(module)?, rest.first()?);
        if facts.defined.contains(name) || depth > 16 {
            return Some(Some(module));
        }
        if let Some(target) = facts.aliases.get(name) {
            return Some(target.as_ref().and_then(|t| self.resolve(&[t.as_slice(), &rest[1..]].concat(), depth + 1)));
        }
        facts.globs.iter().find_map(|glob| self.lookup(glob, rest, depth + 1))
    }

    /// Every read of a file by another.
    fn edges(&self) -> Vec<Edge> {
        let mut out: Vec<Edge> = Vec::new();
        for (module, (file, facts)) in &self.files {
            for (path, reexport) in &facts.reads {
                let Some(target) = self.resolve(path, 0) else { continue };
                if target == module {
                    continue;
                }
                let to = self.files[target].0.clone();
                let spelled = format!("crate::{}", path.join("::"));
                if !out.iter().any(|e| e.from == *file && e.to == to && e.reexport == *reexport) {
                    out.push(Edge { from: file.clone(), to, path: spelled, reexport: *reexport });
                }
            }
        }
        out
    }

    fn module_of(&self, file: &str) -> &ModPath {
        self.files.iter().find(|(_, (f, _))| f == file).map(|(m, _)| m).unwrap()
    }

    /// Loops of files that read each other (a face and its own files apart), and reads of the
    /// crate root, each as a sentence.
    fn circles(&self, slices: &[Slice]) -> Vec<String> {
        // The layers a slice runs across reach it through its closed enums by design: those reads
        // are not ties of a loop (a loop that does not pass through them still is one).
        let into_slice = |e: &Edge| self.module_of(&e.to).first().is_some_and(|m| slices.iter().any(|s| &s.name == m));
        let edges: Vec<Edge> = self.edges().into_iter().filter(|e| !e.reexport && !into_slice(e)).collect();
        let mut problems: Vec<String> = edges
            .iter()
            .filter(|e| self.module_of(&e.to).is_empty())
            .map(|e| format!("{} reads the crate root {} ({}): move it to a module named for what it does", e.from, e.to, e.path))
            .collect();
        let face_and_own =
            |a: &ModPath, b: &ModPath| (a.len() + 1 == b.len() && b.starts_with(a)) || (b.len() + 1 == a.len() && a.starts_with(b));
        let kept: Vec<&Edge> = edges.iter().filter(|e| !face_and_own(self.module_of(&e.from), self.module_of(&e.to))).collect();
        let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for e in &kept {
            next.entry(e.from.as_str()).or_default().push(e.to.as_str());
        }
        for component in strongly_connected(&next) {
            let inside: BTreeSet<&str> = component.iter().copied().collect();
            let ties: Vec<String> = kept
                .iter()
                .filter(|e| inside.contains(e.from.as_str()) && inside.contains(e.to.as_str()))
                .map(|e| format!("  {} -> {} ({})", e.from, e.to, e.path))
                .collect();
            problems.push(format!("files that read each other in a loop: {}\n{}", component.join(", "), ties.join("\n")));
        }
        problems
    }

    /// Reads that run up `layers` (bottom first; modules on one line are peers that do not
    /// read each other), and modules the table does not place, each as a sentence.
    fn upward(&self, layers: &[Vec<String>], slices: &[Slice]) -> Vec<String> {
        let slice = |m: &str| slices.iter().find(|s| s.name == m);
        // A slice sits at the highest layer it runs across, for what it reads.
        let level = |m: &str| match slice(m) {
            Some(s) => s.across.iter().filter_map(|a| layers.iter().position(|l| l.iter().any(|x| x == a))).max(),
            None => layers.iter().position(|l| l.iter().any(|x| x == m)),
        };
        let mut problems: Vec<String> = Vec::new();
        let tops: BTreeSet<&String> = self.files.keys().filter_map(|m| m.first()).collect();
        for top in &tops {
            if level(top).is_none() {
                problems.push(format!("module `{top}` is in no layer of the table"));
            }
        }
        for name in layers.iter().flatten().chain(slices.iter().map(|s| &s.name)) {
            if !tops.contains(name) {
                problems.push(format!("the table names `{name}`, which is no module"));
            }
        }
        for e in self.edges() {
            let (Some(from), Some(to)) = (self.module_of(&e.from).first(), self.module_of(&e.to).first()) else { continue };
            if from != to
                && let Some(s) = slice(to)
            {
                if !s.across.iter().any(|a| a == from) {
                    problems.push(format!("{} reads {} ({}): only {} reach the slice `{to}`", e.from, e.path, e.to, s.across.join(", ")));
                }
                continue;
            }
            let (Some(a), Some(b)) = (level(from), level(to)) else { continue };
            if from != to && a < b || (from != to && a == b && slice(from).is_none()) {
                let why = if a == b {
                    format!("`{to}` is a peer of `{from}` on its layer")
                } else {
                    format!("`{to}` is on a layer above `{from}`")
                };
                problems.push(format!("{} reads {} ({}): {why}", e.from, e.path, e.to));
            }
        }
        problems
    }
}

/// The loops of a directed graph (Tarjan's strongly connected components of more than one node),
/// each sorted.
fn strongly_connected<'a>(next: &BTreeMap<&'a str, Vec<&'a str>>) -> Vec<Vec<&'a str>> {
    struct Search<'g, 'a> {
        next: &'g BTreeMap<&'a str, Vec<&'a str>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        out: Vec<Vec<&'a str>>,
    }
    impl<'a> Search<'_, 'a> {
        fn visit(&mut self, v: &'a str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            for &w in self.next.get(v).into_iter().flatten() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort_unstable();
                    self.out.push(component);
                }
            }
        }
    }
    let mut search = Search { next, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), out: Vec::new() };
    for &v in next.keys() {
        if !search.index.contains_key(v) {
            search.visit(v);
        }
    }
    search.out
}

/// The layer table of `architecture` (the text of ARCHITECTURE.md): its `layers` block, one
/// layer a line from the bottom up, peers separated by commas.
fn layer_table(architecture: &str) -> Vec<Vec<String>> {
    layers_block(architecture)
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("slice "))
        .map(|l| l.split(',').map(|m| m.trim().trim_matches('`').to_string()).collect())
        .collect()
}

fn layers_block(architecture: &str) -> &str {
    let block = architecture.split("```layers\n").nth(1).expect("ARCHITECTURE.md has a ```layers block");
    &block[..block.find("```").expect("the layers block is closed")]
}

/// The vertical slices of the block (`slice NAME: LAYER, LAYER`): a module whose files each read,
/// bind and run one thing across those layers; only they may read it, and it reads nothing above
/// the highest of them.
fn slices(architecture: &str) -> Vec<Slice> {
    layers_block(architecture)
        .lines()
        .filter_map(|l| l.strip_prefix("slice "))
        .filter_map(|l| l.split_once(':'))
        .map(|(name, across)| Slice { name: name.trim().to_string(), across: across.split(',').map(|m| m.trim().to_string()).collect() })
        .collect()
}

/// A vertical slice of the layer table.
struct Slice {
    name: String,
    across: Vec<String>,
}

fn architecture() -> String {
    std::fs::read_to_string(repo().join("ARCHITECTURE.md")).unwrap()
}

#[test]
fn every_engine_import_runs_down_the_layer_table_of_architecture_md() {
    let layers = layer_table(&architecture());
    let engine = Crate::read(&repo().join("engine/src"));
    let problems = engine.upward(&layers, &slices(&architecture()));
    assert!(problems.is_empty(), "against the layers of ARCHITECTURE.md (engine/src):\n{}", problems.join("\n"));
}

#[test]
fn no_files_of_the_engine_or_the_cli_read_each_other_in_a_loop() {
    for src in ["engine/src", "cli/src"] {
        let problems = Crate::read(&repo().join(src)).circles(&slices(&architecture()));
        assert!(problems.is_empty(), "{src}:\n{}", problems.join("\n"));
    }
}

/// The checker itself, on small crates written here: it must see what it is there to see.
#[test]
fn the_checker_finds_an_upward_import_a_loop_and_a_read_of_the_root() {
    let files = |list: &[(&str, &str)]| list.iter().map(|(f, t)| (f.to_string(), t.to_string())).collect::<Vec<_>>();
    let layers = layer_table("x\n```layers\nlow\nmid, side\nhigh\n```\n");
    assert_eq!(layers, vec![vec!["low".to_string()], vec!["mid".to_string(), "side".to_string()], vec!["high".to_string()]]);
    let clean = files(&[
        ("lib.rs", "mod low; mod mid; mod side; mod high;"),
        ("low.rs", "pub fn f() {}\n#[cfg(test)]\nmod tests { use crate::high::H; }"),
        ("mid.rs", "mod inner;\npub use inner::M;\npub fn g() { inner::h(); crate::low::f(); }"),
        ("mid/inner.rs", "pub struct M;\npub fn h() { super::g(); }"),
        ("side.rs", "use crate::low;\npub fn s() { low::f(); }"),
        ("high.rs", "use crate::mid::M;\npub struct H(M);\npub fn k() { format!(\"{:?}\", crate::side::s()); }"),
    ]);
    let krate = Crate::of(&clean);
    assert!(krate.upward(&layers, &[]).is_empty(), "{:?}", krate.upward(&layers, &[]));
    assert!(krate.circles(&[]).is_empty(), "a face and its own files may read each other: {:?}", krate.circles(&[]));
    let edges = krate.edges();
    assert!(
        edges.iter().any(|e| e.from == "high.rs" && e.to == "mid/inner.rs"),
        "a re-export is followed to the file that defines: {edges:?}"
    );
    assert!(edges.iter().any(|e| e.from == "high.rs" && e.to == "side.rs"), "a path inside a macro is read: {edges:?}");

    // A planted upward import: `low` reads `high`, a layer above it, inside a function.
    let mut planted = clean.clone();
    planted[1].1 = "pub fn f() { let _ = crate::high::k; }".to_string();
    let problems = Crate::of(&planted).upward(&layers, &[]);
    assert!(problems.iter().any(|p| p.starts_with("low.rs reads crate::high::k")), "{problems:?}");
    // Peers of one layer do not read each other.
    let mut peers = clean.clone();
    peers[4].1 = "use crate::mid::g;\npub fn s() { g(); }".to_string();
    assert!(Crate::of(&peers).upward(&layers, &[]).iter().any(|p| p.contains("a peer of `side`")));
    // A module the table does not place.
    let mut unplaced = clean.clone();
    unplaced.push(("extra.rs".to_string(), "pub fn e() {}".to_string()));
    assert!(Crate::of(&unplaced).upward(&layers, &[]).iter().any(|p| p.contains("`extra` is in no layer")));

    // A loop between two files of one folder, through a `use` and a path in code.
    let mut looped = clean.clone();
    looped.push(("mid/other.rs".to_string(), "use super::inner::M;\npub fn o() -> M { M }".to_string()));
    looped[3].1 = "pub struct M;\npub fn h() { super::other::o(); }".to_string();
    let problems = Crate::of(&looped).circles(&[]);
    assert!(problems.iter().any(|p| p.contains("mid/inner.rs, mid/other.rs")), "{problems:?}");
    // A file that reads an item of the crate root.
    let mut rooted = clean;
    rooted[0].1 = "mod low; mod mid; mod side; mod high;\npub fn error() {}".to_string();
    rooted[4].1 = "pub fn s() { crate::error(); }".to_string();
    assert!(Crate::of(&rooted).circles(&[]).iter().any(|p| p.starts_with("side.rs reads the crate root lib.rs")));
}

/// A vertical slice: the layers it runs across and it read each other, no other module reads it.
#[test]
fn a_slice_is_read_only_by_the_layers_it_runs_across() {
    let block = "x\n```layers\nlow\nmid\nhigh\nslice sl: low, mid\n```\n";
    let (layers, slices) = (layer_table(block), slices(block));
    assert_eq!(layers.len(), 3);
    let files = |high: &str| {
        [
            ("lib.rs", "mod low; mod mid; mod high; mod sl;"),
            ("low.rs", "pub struct L(pub crate::sl::S);"),
            ("mid.rs", "pub fn m() -> crate::sl::S { crate::sl::s() }"),
            ("sl.rs", "pub struct S;\npub fn s() -> S { let _ = crate::mid::m; S }"),
            ("high.rs", high),
        ]
        .map(|(f, t)| (f.to_string(), t.to_string()))
        .to_vec()
    };
    let clean = Crate::of(&files("pub fn h() { crate::mid::m(); }"));
    assert!(clean.upward(&layers, &slices).is_empty(), "{:?}", clean.upward(&layers, &slices));
    assert!(clean.circles(&slices).is_empty(), "{:?}", clean.circles(&slices));
    assert!(!clean.circles(&[]).is_empty(), "without the slice line, mid and sl are a loop");
    let outside = Crate::of(&files("pub fn h() { crate::sl::s(); }"));
    assert!(outside.upward(&layers, &slices).iter().any(|p| p.contains("only low, mid reach the slice `sl`")));
    let above = Crate::of(&[
        ("lib.rs".into(), "mod low; mod mid; mod high; mod sl;".into()),
        ("low.rs".into(), String::new()),
        ("mid.rs".into(), String::new()),
        ("high.rs".into(), "pub fn h() {}".into()),
        ("sl.rs".into(), "pub fn s() { crate::high::h(); }".into()),
    ]);
    assert!(
        above.upward(&layers, &slices).iter().any(|p| p.contains("`high` is on a layer above `sl`")),
        "{:?}",
        above.upward(&layers, &slices)
    );
}
