//! A misspelt definition. When `[taux_plafnod]` is written for `[taux_plafond]`, every place that
//! reads `taux_plafond` reports an undefined name, and "did you mean `taux_plafnod`?" would steer
//! the author to copy the typo. An undefined name that is close to an item defined but read
//! nowhere is one likely typo, in the definition: reported once, at the definition's file and
//! line, with the undefined names it explains linked under it.

use crate::diagnostic::{Code, Diagnostic, SourceFile, did_you_mean};

/// Adds one diagnostic per likely typo in a definition and links to it the errors it explains.
pub(crate) fn report_definition_typos(diags: &mut Vec<Diagnostic>, files: &[SourceFile]) {
    let mut undefined: Vec<String> =
        diags.iter().filter(|d| d.follows().is_none()).filter_map(|d| d.undefined_name()).map(str::to_string).collect();
    undefined.sort();
    undefined.dedup();
    if undefined.is_empty() {
        return;
    }
    let unread = unread_definitions(files);
    for name in undefined {
        let Some(written) = did_you_mean(&name, unread.iter().map(|d| d.name.as_str())) else { continue };
        let Some(def) = unread.iter().find(|d| d.name == written) else { continue };
        let at = def.file.location(def.span.clone());
        let file = def.file.path.rsplit('/').next().unwrap_or(&def.file.path).to_string();
        diags.push(
            Diagnostic::error(Code::LikelyTypo, msg!("rules-definition-typo", written = written, read = &name, file = &file))
                .at(at.clone())
                .hint(msg!("rules-definition-typo-hint", written = written, read = &name)),
        );
        for d in diags.iter_mut().filter(|d| d.undefined_name() == Some(name.as_str()) && d.follows().is_none()) {
            // The old hint pointed at the misspelt name: the definition is what to fix.
            d.hint = None;
            d.set_follows(at.clone());
        }
    }
}

/// A top-level table of a rule file (`[name]`), where it is written.
struct Definition<'f> {
    name: String,
    file: &'f SourceFile,
    span: std::ops::Range<usize>,
}

/// The top-level tables of the TOML rule files whose name no file mentions anywhere else: items
/// defined but read by nothing.
fn unread_definitions(files: &[SourceFile]) -> Vec<Definition<'_>> {
    let mut out = Vec::new();
    for file in files.iter().filter(|f| f.path.ends_with(".toml")) {
        let mut offset = 0;
        for line in file.text.split_inclusive('\n') {
            let trimmed = line.trim();
            if let Some(name) = trimmed.strip_prefix('[').and_then(|r| r.strip_suffix(']'))
                && !name.starts_with('[')
                && !name.contains('.')
                && is_name(name)
            {
                let start = offset + line.find('[').unwrap_or(0);
                let mentions: usize = files.iter().map(|f| whole_words(&f.text, name)).sum();
                if mentions == 1 {
                    out.push(Definition { name: name.to_string(), file, span: start..start + trimmed.len() });
                }
            }
            offset += line.len();
        }
    }
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// How many times `word` stands as a whole word (not inside a longer name) in `text`.
fn whole_words(text: &str, word: &str) -> usize {
    let part = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(part) && !after.is_some_and(part)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(file: &SourceFile, needle: &str, name: &str) -> Diagnostic {
        let start = file.text.find(needle).unwrap();
        Diagnostic::error(Code::UndefinedName, needle).at(file.location(start..start + needle.len())).undefined(name)
    }

    #[test]
    fn a_misspelt_definition_is_one_error_at_the_definition_with_its_uses_under_it() {
        let params =
            SourceFile { path: "rules/2025/parametres.toml".into(), text: "[seuil]\nvalue = 1\n\n[taux_plafnod]\nvalue = 2\n".into() };
        let steps = SourceFile { path: "rules/2025/etapes.toml".into(), text: "a = taux_plafond + seuil\nb = taux_plafond * 2\n".into() };
        let files = [params.clone(), steps.clone()];
        let mut diags = vec![at(&steps, "taux_plafond", "taux_plafond"), at(&steps, "b = taux_plafond", "taux_plafond")];
        report_definition_typos(&mut diags, &files);
        let typo = diags.iter().find(|d| d.code == Code::LikelyTypo).expect("the typo");
        assert_eq!(typo.location.as_ref().map(ToString::to_string).as_deref(), Some("rules/2025/parametres.toml:4:1"));
        assert!(diags.iter().filter(|d| d.code == Code::UndefinedName).all(|d| d.follows().is_some() && d.hint.is_none()));
        // A name close to an item that is read elsewhere is not a typo of its definition.
        let mut diags = vec![at(&steps, "taux_plafond", "seuill")];
        report_definition_typos(&mut diags, &files);
        assert!(diags.iter().all(|d| d.code != Code::LikelyTypo));
    }
}
