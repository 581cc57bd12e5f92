//! "Did you mean": the closest known name to a misspelt one, when it is close enough, and only
//! among names of the kinds that could be meant.
//!
//! Close enough is relative to the length of the names: the Damerau–Levenshtein distance (edits,
//! a swap of two neighbours counting as one), case folded, is at most a fifth of the longer name
//! (a similarity of 80 % or more), or a single edit in a name of three characters or more. The
//! arithmetic is on whole numbers: the crate has no float.

use std::fmt;

use crate::message::Message;

/// The edits between `word` and `candidate` if `candidate` is close enough to be a likely typo.
fn closeness(word: &str, candidate: &str) -> Option<usize> {
    let (a, b) = (word.to_lowercase(), candidate.to_lowercase());
    let distance = strsim::damerau_levenshtein(&a, &b);
    let longer = a.chars().count().max(b.chars().count());
    let close = distance * 5 <= longer || (distance == 1 && longer >= 3);
    (close && candidate != word).then_some(distance)
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo (the first
/// of equally close ones).
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates.into_iter().filter_map(|c| Some((closeness(word, c)?, c))).min_by_key(|(d, _)| *d).map(|(_, c)| c)
}

/// What a name names, so that a suggestion never crosses kinds (a list for a column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    Parameter,
    Input,
    Step,
    Builtin,
    Column,
    Function,
}

impl fmt::Display for NameKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NameKind::Parameter => "parameter",
            NameKind::Input => "input",
            NameKind::Step => "step",
            NameKind::Builtin => "built-in",
            NameKind::Column => "column",
            NameKind::Function => "function",
        })
    }
}

/// A name suggested for a misspelt one, with the kind of thing it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Suggestion {
    pub(crate) name: String,
    pub(crate) kind: NameKind,
}

impl Suggestion {
    /// The suggestion for people: "did you mean parameter `x`?".
    pub(crate) fn message(&self) -> Message {
        let name = &self.name;
        match self.kind {
            NameKind::Parameter => msg!("data-suggest-parameter", name = name),
            NameKind::Input => msg!("data-suggest-input", name = name),
            NameKind::Step => msg!("data-suggest-step", name = name),
            NameKind::Builtin => msg!("data-suggest-builtin", name = name),
            NameKind::Column => msg!("data-suggest-column", name = name),
            NameKind::Function => msg!("data-suggest-function", name = name),
        }
    }
}

/// The names of one kind that could be read where a name was not found.
pub(crate) type Pool<'a> = (NameKind, Vec<&'a str>);

/// The closest name to `word` among `pools`, restricted to the pools whose names look like it
/// when there are some: a pool with a name of the same first word (`min_…` for `min_infirmier`),
/// or of the same case (`PROFESION` among upper-case columns). A misspelt parameter is then
/// never answered with a step that merely shares its end.
pub(crate) fn suggest(word: &str, pools: &[Pool<'_>]) -> Option<Suggestion> {
    let likely: Vec<&Pool<'_>> = pools.iter().filter(|(_, names)| names.iter().any(|n| looks_alike(word, n))).collect();
    let searched: Vec<&Pool<'_>> = if likely.is_empty() { pools.iter().collect() } else { likely };
    searched
        .iter()
        .flat_map(|(kind, names)| names.iter().filter_map(move |n| Some((closeness(word, n)?, *kind, *n))))
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, kind, name)| Suggestion { name: name.to_string(), kind })
}

/// Whether `name` shares the first word of `word` (up to its first `_`), or is written like it
/// in capitals.
fn looks_alike(word: &str, name: &str) -> bool {
    let upper = |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
    if upper(word) {
        return upper(name);
    }
    match (word.split_once('_'), name.split_once('_')) {
        (Some((a, _)), Some((b, _))) => !a.is_empty() && a.eq_ignore_ascii_case(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_found() {
        for (word, candidates, expected) in [
            ("tx_plafond", &["taux_plafond", "label"][..], "taux_plafond"),
            ("statut", &["status", "label"], "status"),
            ("sed", &["seed", "assumed"], "seed"),
            ("mx", &["max", "min"], "max"),
            ("saterday", &["saturday", "sunday"], "saturday"),
            ("coeficient_local", &["coefficient_local"], "coefficient_local"),
            ("PROFESION", &["PROFESSION", "CODE"], "PROFESSION"),
            ("profession", &["PROFESSION"], "PROFESSION"),
            ("ancienete_forfait", &["anciennete_forfait", "annees"], "anciennete_forfait"),
        ] {
            assert_eq!(did_you_mean(word, candidates.iter().copied()), Some(expected), "{word}");
        }
    }

    #[test]
    fn names_that_merely_share_a_part_are_not_suggested() {
        for (word, candidates) in [
            ("unit", &["label", "status"][..]),
            ("min_infirmiers", &["nb_infirmiers"]),
            ("abc", &["xyc"]),
            ("ab", &["ac"]),
            ("taux_plafond", &["taux_bonus_max"]),
            ("x", &["y"]),
        ] {
            assert_eq!(did_you_mean(word, candidates.iter().copied()), None, "{word}");
        }
    }

    #[test]
    fn suggestions_stay_within_the_kinds_that_look_alike() {
        let pools: Vec<Pool<'_>> = vec![
            (NameKind::Parameter, vec!["min_infirmiers", "min_professionnels", "taux_plafond"]),
            (NameKind::Step, vec!["nb_infirmiers", "plafond"]),
            (NameKind::Column, vec!["PROFESSION", "NUM_PS"]),
        ];
        let s = |w: &str| suggest(w, &pools).map(|s| s.message().en());
        assert_eq!(s("min_infirmier").as_deref(), Some("did you mean parameter `min_infirmiers`?"));
        assert_eq!(s("nb_infirmier").as_deref(), Some("did you mean step `nb_infirmiers`?"));
        assert_eq!(s("PROFESION").as_deref(), Some("did you mean column `PROFESSION`?"));
        assert_eq!(s("tx_plafond").as_deref(), Some("did you mean parameter `taux_plafond`?"));
        // When several kinds look alike, the closest name wins.
        let only_steps: Vec<Pool<'_>> = vec![(NameKind::Parameter, vec!["min_professionnels"]), (NameKind::Step, vec!["min_infirmier"])];
        assert_eq!(suggest("min_infirmiers", &only_steps).map(|s| s.kind), Some(NameKind::Step), "both kinds share `min_`");
        let no_params: Vec<Pool<'_>> = vec![(NameKind::Step, vec!["nb_infirmiers"])];
        assert_eq!(suggest("min_infirmiers", &no_params), None, "too far apart");
    }
}
