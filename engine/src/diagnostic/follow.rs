//! Root causes first. A rule file that does not parse defines nothing, so every name it would
//! have defined is then reported undefined wherever it is read: one unclosed quote would bury its
//! syntax error under twenty "unknown name" errors. Likewise an item with a wrong value is not
//! defined, and each place that reads it reports its name. Each such error is linked to the
//! error that explains it (`Diagnostic::follows`), and diagnostics are ordered root causes first,
//! then by file and position, the errors that follow from another last.

use crate::diagnostic::{Code, Diagnostic, Location, SourceFile};

/// Whether a diagnostic stops a whole file from being read: what it would define is missing.
pub(crate) fn is_root_cause(d: &Diagnostic) -> bool {
    d.follows().is_none() && matches!(d.code, Code::TomlSyntax | Code::RhaiSyntax | Code::MissingFile | Code::RulesPathEscape)
}

/// Links to the first syntax error of each file that did not parse the later syntax errors of
/// that file (often the parser's own confusion), and the errors about a name that the file
/// mentions as a whole word, which it may well have defined. Links an error about an undefined
/// name to an error inside the definition of that name (`[name]`, or the `[[…]]` entry with
/// `name = "name"`), which kept it from being defined.
pub(crate) fn link_follow_ons(diags: &mut [Diagnostic], files: &[SourceFile]) {
    link_to_syntax_errors(diags, files);
    let mut links = Vec::new();
    for (i, d) in diags.iter().enumerate() {
        let Some(name) = d.undefined_name() else { continue };
        if d.follows().is_some() {
            continue;
        }
        let cause = diags.iter().find(|e| {
            e.is_error() && e.follows().is_none() && e.undefined_name().is_none() && files.iter().any(|f| within_definition(e, f, name))
        });
        if let Some(loc) = cause.and_then(|e| e.location.clone()) {
            links.push((i, loc));
        }
    }
    for (i, loc) in links {
        diags[i].set_follows(loc);
    }
}

/// A norm the rulebook lists that did not load: where the error that says so is, the names it
/// kept from being defined (the datasets that read it, by name and `section.name`), and where
/// those inputs are written.
#[derive(Debug, Clone)]
pub(crate) struct LostNorm {
    pub(crate) at: Location,
    pub(crate) names: Vec<String>,
    pub(crate) inputs: Vec<Location>,
}

/// Where the first error about the norm file `path` (`name/vN.toml`) is, whatever folder of the
/// search path it was looked for in.
pub(crate) fn norm_error_at(diags: &[Diagnostic], path: &str) -> Option<Location> {
    diags
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.location.clone())
        .find(|l| matches!(l, Location::File { file } | Location::Source { file, .. } if file.ends_with(path)))
}

/// Links to the error of a norm that did not load the errors that follow from it: about a dataset
/// that reads it (an unknown dataset, an input whose norm is missing), then, step after step,
/// about a name whose definition holds such an error (a filter over that dataset, a view of the
/// view), so that a missing norm shows one error with its consequences under it.
pub(crate) fn link_to_lost_norms(diags: &mut [Diagnostic], files: &[SourceFile], lost: &[LostNorm]) {
    if lost.is_empty() {
        return;
    }
    for d in diags.iter_mut().filter(|d| d.is_error() && d.follows().is_none()) {
        let by = lost.iter().find(|l| {
            d.location.as_ref() != Some(&l.at)
                && (d.undefined_name().is_some_and(|n| l.names.iter().any(|x| x == n))
                    || d.location.as_ref().is_some_and(|at| l.inputs.contains(at)))
        });
        if let Some(l) = by {
            d.set_follows(l.at.clone());
        }
    }
    // Each pass links one more step of the chain; a chain is at most as long as the diagnostics.
    for _ in 0..diags.len() {
        let mut links = Vec::new();
        for (i, d) in diags.iter().enumerate() {
            let Some(name) = d.undefined_name().filter(|_| d.follows().is_none()) else { continue };
            let root = diags
                .iter()
                .filter(|e| e.follows().is_some_and(|f| lost.iter().any(|l| *f == l.at)))
                .find(|e| files.iter().any(|f| within_definition(e, f, name)))
                .and_then(|e| e.follows().cloned());
            if let Some(root) = root {
                links.push((i, root));
            }
        }
        if links.is_empty() {
            break;
        }
        for (i, root) in links {
            diags[i].set_follows(root);
        }
    }
}

/// Whether `e` points inside the definition of `name` in `file`.
fn within_definition(e: &Diagnostic, file: &SourceFile, name: &str) -> bool {
    match &e.location {
        Some(Location::Source { file: path, line, .. }) if *path == file.path => {
            definition_lines(&file.text, name).is_some_and(|(from, to)| (from..=to).contains(line))
        }
        _ => false,
    }
}

/// The lines (one-based, inclusive) of the definition of `name` in a TOML rule file: from its
/// header `[name]`, or from the `[[…]]` header above `name = "name"`, to the line before the
/// next header that is not one of its own sub-tables.
fn definition_lines(text: &str, name: &str) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let header = |l: &str| l.trim_start().starts_with('[');
    let key_path = |l: &str| l.trim().trim_start_matches('[').trim_end_matches(']').trim().to_string();
    let named = format!("name = \"{name}\"");
    let start = lines.iter().position(|l| header(l) && key_path(l) == name).or_else(|| {
        let at = lines.iter().position(|l| l.trim() == named)?;
        lines[..at].iter().rposition(|l| header(l))
    })?;
    let own = format!("{name}.");
    let end = lines[start + 1..].iter().position(|l| header(l) && !key_path(l).starts_with(&own)).map_or(lines.len(), |k| start + 1 + k);
    Some((start + 1, end))
}

fn link_to_syntax_errors(diags: &mut [Diagnostic], files: &[SourceFile]) {
    let mut roots: Vec<(Location, &SourceFile)> = Vec::new();
    for f in files {
        let first = diags
            .iter()
            .filter(|d| d.code == Code::TomlSyntax && source_file(d) == Some(f.path.as_str()))
            .filter_map(|d| d.location.clone())
            .min_by_key(position);
        if let Some(loc) = first {
            roots.push((loc, f));
        }
    }
    if roots.is_empty() {
        return;
    }
    for d in diags.iter_mut() {
        let root = match (d.undefined_name(), d.code) {
            (_, Code::TomlSyntax) => {
                roots.iter().find(|(loc, f)| source_file(d) == Some(f.path.as_str()) && d.location.as_ref() != Some(loc))
            }
            (Some(name), _) => roots.iter().find(|(_, f)| mentions(&f.text, name)),
            (None, _) => None,
        };
        if let Some((loc, _)) = root {
            d.set_follows(loc.clone());
        }
    }
}

fn source_file(d: &Diagnostic) -> Option<&str> {
    match &d.location {
        Some(Location::Source { file, .. }) => Some(file),
        _ => None,
    }
}

fn position(loc: &Location) -> (usize, usize) {
    match loc {
        Location::Source { line, col, .. } => (*line, *col),
        _ => (0, 0),
    }
}

/// Whether `text` has `name` as a whole word (not inside a longer name).
fn mentions(text: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    !name.is_empty()
        && text.match_indices(name).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + name.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
}

/// The order diagnostics are shown in: root causes, then the others, then those that follow
/// from another; within each, by file, position and code.
pub(crate) fn sort_key(d: &Diagnostic) -> (u8, String, usize, usize, Code) {
    let rank = if is_root_cause(d) {
        0
    } else if d.follows().is_none() {
        1
    } else {
        2
    };
    let (file, line, col) = match &d.location {
        Some(Location::Source { file, line, col, .. }) => (file.clone(), *line, *col),
        Some(Location::Data { file, row, .. }) => (file.clone(), *row, 0),
        Some(Location::File { file }) => (file.clone(), 0, 0),
        None => (String::new(), 0, 0),
    };
    (rank, file, line, col, d.code)
}

/// Links the errors that follow from a file that did not parse to its syntax error, then puts
/// root causes first.
pub fn arrange(diags: &mut [Diagnostic], files: &[SourceFile]) {
    link_follow_ons(diags, files);
    diags.sort_by_key(sort_key);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(code: Code, file: &SourceFile, needle: &str) -> Diagnostic {
        let start = file.text.find(needle).unwrap();
        Diagnostic::error(code, needle).at(file.location(start..start + needle.len()))
    }

    #[test]
    fn names_a_broken_file_mentions_follow_from_its_first_syntax_error() {
        let params = SourceFile { path: "parametres.toml".into(), text: "[taux]\nlabel = \"x\nvalue = 1\n[seuil]\n".into() };
        let steps = SourceFile { path: "etapes.toml".into(), text: "a = taux + seuil + autre\n".into() };
        let mut diags = vec![
            at(Code::UndefinedName, &steps, "autre").undefined("autre"),
            at(Code::UndefinedName, &steps, "seuil").undefined("seuil"),
            at(Code::UndefinedName, &steps, "taux").undefined("taux"),
            at(Code::TomlSyntax, &params, "[seuil]"),
            at(Code::TomlSyntax, &params, "\"x"),
        ];
        arrange(&mut diags, &[steps.clone(), params.clone()]);
        let shown: Vec<String> = diags
            .iter()
            .map(|d| format!("{} {} {}", d.code, d.message.en(), d.follows().map_or(String::new(), |l| l.to_string())))
            .collect();
        assert_eq!(
            shown,
            vec![
                "R100 \"x ".to_string(),
                "R107 autre ".to_string(),
                "R107 taux parametres.toml:2:9".to_string(),
                "R107 seuil parametres.toml:2:9".to_string(),
                "R100 [seuil] parametres.toml:2:9".to_string(),
            ]
        );
    }

    #[test]
    fn a_name_left_undefined_by_an_error_in_its_definition_follows_from_it() {
        let params =
            SourceFile { path: "p.toml".into(), text: "[a]\nvalue = 1\n\n[b]\nvalue = true\n[b.sub]\nx = 1\n[c]\nvalue = 2\n".into() };
        let steps =
            SourceFile { path: "e.toml".into(), text: "[[step]]\nname = \"s\"\nx = b + c\n[[step]]\nname = \"t\"\nbad = 1\n".into() };
        let mut diags = vec![
            at(Code::UndefinedName, &steps, "b +").undefined("b"),
            at(Code::UndefinedName, &steps, "c").undefined("c"),
            at(Code::UndefinedName, &params, "x = 1").undefined("t"),
            at(Code::WrongType, &params, "true"),
            at(Code::UnknownKey, &steps, "bad"),
        ];
        link_follow_ons(&mut diags, &[params.clone(), steps.clone()]);
        let follows: Vec<Option<String>> = diags.iter().map(|d| d.follows().map(Location::to_string)).collect();
        assert_eq!(follows, vec![Some("p.toml:5:9".into()), None, Some("e.toml:6:1".into()), None, None]);
        assert_eq!(definition_lines(&params.text, "b"), Some((4, 7)));
        assert_eq!(definition_lines(&steps.text, "t"), Some((4, 6)));
        assert_eq!(definition_lines(&steps.text, "z"), None);
    }

    #[test]
    fn errors_about_the_datasets_of_a_missing_norm_and_the_views_on_them_follow_from_it() {
        let inputs =
            SourceFile { path: "entrees.toml".into(), text: "[fichiers]\npros = { type = \"dataset\", norm = \"pros\" }\n".into() };
        let steps = SourceFile {
            path: "etapes.toml".into(),
            text: "[[step]]\nname = \"mg\"\nfilter = { dataset = \"pros\" }\n[[step]]\nname = \"n\"\ncount = { dataset = \"mg\" }\n[[step]]\nname = \"x\"\nv = { dataset = \"autre\" }\n".into(),
        };
        let missing = Diagnostic::error(Code::MissingFile, "pros").at(Location::File { file: "norms/pros/v1.toml".into() });
        let listed = at(Code::UndefinedName, &inputs, "pros = {");
        let mut diags = vec![
            at(Code::UndefinedName, &steps, "\"mg\" }").undefined("mg"),
            at(Code::UndefinedName, &steps, "\"pros\" }").undefined("pros"),
            at(Code::UndefinedName, &steps, "\"autre\"").undefined("autre"),
            listed.clone(),
            missing.clone(),
        ];
        let at_norm = norm_error_at(&diags, "pros/v1.toml").expect("the norm's error");
        assert_eq!(Some(&at_norm), missing.location.as_ref());
        let lost =
            [LostNorm { at: at_norm.clone(), names: vec!["pros".into(), "fichiers.pros".into()], inputs: vec![listed.location.unwrap()] }];
        link_to_lost_norms(&mut diags, &[inputs, steps], &lost);
        let follows: Vec<bool> = diags.iter().map(|d| d.follows() == Some(&at_norm)).collect();
        // The view `mg` over the lost dataset, the dataset itself and the input follow; an unrelated
        // unknown name and the norm's own error do not.
        assert_eq!(follows, vec![true, true, false, true, false]);
    }

    #[test]
    fn a_name_is_mentioned_only_as_a_whole_word() {
        assert!(mentions("[taux_plafond]\n", "taux_plafond"));
        assert!(!mentions("[taux_plafond_2]\n", "taux_plafond"));
        assert!(!mentions("[mon_taux_plafond]\n", "taux_plafond"));
        assert!(mentions("groupe taux_plafond", "taux_plafond"));
    }
}
