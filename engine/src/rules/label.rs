//! Labels that show values: `{name}` in a label stands for the value of the parameter `name`,
//! written for people where the label is shown, so that "majoré de {taux_plafond}" stays true
//! when the rate changes. `{{` and `}}` write a brace.

use std::ops::Range;

use crate::message::Message;

/// A part of a label: text as written, or a reference to a name (with its span in the label,
/// braces included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Name(&'a str, Range<usize>),
}

/// A brace of a label that is not a `{name}` reference nor a doubled brace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LabelError {
    NotAReference(Range<usize>),
    StrayClose(Range<usize>),
}

impl LabelError {
    /// What is wrong with the brace, for people.
    pub(crate) fn message(&self) -> Message {
        match self {
            LabelError::NotAReference(_) => msg!("rules-label-open-brace"),
            LabelError::StrayClose(_) => msg!("rules-label-close-brace"),
        }
    }

    /// Where the brace is, in the label.
    pub(crate) fn span(&self) -> Range<usize> {
        match self {
            LabelError::NotAReference(s) | LabelError::StrayClose(s) => s.clone(),
        }
    }
}

/// The pieces of `label`, or the first brace that is not a reference nor a doubled brace.
pub(crate) fn pieces(label: &str) -> Result<Vec<Piece<'_>>, LabelError> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    let bytes = label.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                out.push(Piece::Text(&label[text_start..=i]));
                i += 2;
                text_start = i;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                out.push(Piece::Text(&label[text_start..=i]));
                i += 2;
                text_start = i;
            }
            b'{' => {
                let len = label[i + 1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(label.len() - i - 1);
                let name = &label[i + 1..i + 1 + len];
                let closed = bytes.get(i + 1 + len) == Some(&b'}');
                if !closed || name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
                    return Err(LabelError::NotAReference(i..i + 1 + len + usize::from(closed)));
                }
                out.push(Piece::Text(&label[text_start..i]));
                out.push(Piece::Name(name, i..i + len + 2));
                i += len + 2;
                text_start = i;
            }
            b'}' => return Err(LabelError::StrayClose(i..i + 1)),
            _ => i += 1,
        }
    }
    out.push(Piece::Text(&label[text_start..]));
    out.retain(|p| !matches!(p, Piece::Text("")));
    Ok(out)
}

/// The names `label` refers to, with their spans; none when its braces are wrong (reported at
/// load).
#[cfg(test)]
pub(crate) fn references(label: &str) -> Vec<(&str, Range<usize>)> {
    pieces(label)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| match p {
            Piece::Name(n, span) => Some((n, span)),
            Piece::Text(_) => None,
        })
        .collect()
}

/// `label` with each `{name}` replaced by `value_of(name)`, written as it is when that gives
/// nothing or the label's braces are wrong.
pub(crate) fn render(label: &str, value_of: impl Fn(&str) -> Option<String>) -> String {
    if !label.contains(['{', '}']) {
        return label.to_string();
    }
    let Ok(pieces) = pieces(label) else { return label.to_string() };
    let mut out = String::with_capacity(label.len());
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Name(n, span) => match value_of(n) {
                Some(v) => out.push_str(&v),
                None => out.push_str(&label[span]),
            },
        }
    }
    out
}

/// The text parts of `label` (outside its references), with their offsets.
pub(crate) fn text_parts(label: &str) -> Vec<(usize, &str)> {
    let Ok(pieces) = pieces(label) else { return vec![(0, label)] };
    let mut out = Vec::new();
    let mut at = 0;
    for p in pieces {
        match p {
            Piece::Text(t) => {
                // A doubled brace is one piece ending in a brace: find it where it is.
                let start = label[at..].find(t).map_or(at, |k| at + k);
                out.push((start, t));
                at = start + t.len();
            }
            Piece::Name(_, span) => at = span.end,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_names_in_braces_and_doubled_braces_are_braces() {
        let label = "Plafond : majoré de {taux_plafond} ({{x}}) au {date_observation}";
        let (a, b) = (label.find("{taux").unwrap(), label.find("{date").unwrap());
        assert_eq!(references(label), vec![("taux_plafond", a..a + 14), ("date_observation", b..b + 18)]);
        let shown = render(label, |n| Some(format!("<{n}>")));
        assert_eq!(shown, "Plafond : majoré de <taux_plafond> ({x}) au <date_observation>");
        assert_eq!(render("sans accolade", |_| None), "sans accolade");
        assert_eq!(render("{inconnu} reste", |_| None), "{inconnu} reste");
    }

    #[test]
    fn a_brace_that_is_not_a_reference_is_an_error() {
        assert_eq!(pieces("a {taux plafond}"), Err(LabelError::NotAReference(2..7)));
        assert_eq!(pieces("a {}"), Err(LabelError::NotAReference(2..4)));
        assert_eq!(pieces("a {2x}"), Err(LabelError::NotAReference(2..6)));
        assert_eq!(pieces("a } b"), Err(LabelError::StrayClose(2..3)));
        assert_eq!(pieces("a {b"), Err(LabelError::NotAReference(2..4)));
    }

    #[test]
    fn text_parts_skip_the_references() {
        assert_eq!(text_parts("de 20 % à {taux} et 5 €"), vec![(0, "de 20 % à "), (17, " et 5 €")]);
    }
}
