//! The terminal's width, and text wrapped to it: tables and schedule lines wrap their labels
//! (never a number, which stays whole in its column) so that no line is wider than the
//! terminal, 80 columns when it is unknown (a pipe, a file).

use std::io::IsTerminal;

/// The width when it cannot be read (output piped or written to a file).
pub const DEFAULT_COLUMNS: usize = 80;

/// The narrowest label column a table keeps, whatever the terminal: below it a label would
/// wrap a word per line.
pub const MIN_LABEL: usize = 24;

/// The columns of the terminal stdout writes to, [`DEFAULT_COLUMNS`] when stdout is not a
/// terminal or its width cannot be read. (`COLUMNS` is not read: shells set it without
/// exporting it, so it would say the width of another terminal.)
pub fn columns() -> usize {
    if !std::io::stdout().is_terminal() {
        return DEFAULT_COLUMNS;
    }
    match terminal_size::terminal_size() {
        Some((terminal_size::Width(w), _)) if w > 0 => usize::from(w),
        _ => DEFAULT_COLUMNS,
    }
}

/// The characters `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// `text` in lines of at most `width` columns, broken at spaces (a word longer than the width
/// is broken inside); at least one line. A unit or a French punctuation mark stays with what it
/// follows (`99,44 %`, `12 €`, `total :`), an opening quote with what it opens.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let lines: Vec<String> = textwrap::wrap(&glued(text), width.max(1)).into_iter().map(|l| unglued(&l)).collect();
    if lines.is_empty() { vec![String::new()] } else { lines }
}

/// The spaces a line must not break at, made non-breaking while the text is wrapped.
fn glued(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let glue = c == ' ' && (matches!(next, Some('€' | '%' | ':' | ';' | '?' | '!' | '»')) || prev == Some('«'));
        out.push(if glue { GLUE } else { c });
    }
    out
}

fn unglued(text: &str) -> String {
    text.replace(GLUE, " ")
}

/// A character of Unicode's private use area stands for a glued space while wrapping (textwrap
/// breaks at ASCII spaces only); no text of ours holds one.
const GLUE: char = '\u{e000}';

/// `text` wrapped to `columns` with every line after the first indented by `indent` spaces:
/// a sentence under a heading or after a bullet.
pub fn wrap_indented(text: &str, columns: usize, first: &str, indent: usize) -> String {
    let rest = " ".repeat(indent);
    let options = textwrap::Options::new(columns.max(indent + 1)).initial_indent(first).subsequent_indent(&rest);
    unglued(&textwrap::fill(&glued(text), options))
}

/// `text` padded with spaces to `width` columns (left-aligned).
pub fn pad(text: &str, width: usize) -> String {
    let n = width.saturating_sub(self::width(text));
    format!("{text}{}", " ".repeat(n))
}

/// Rows of cells as lines that fit `columns`: every cell keeps its width (right-aligned where
/// `right` says so: figures) except the cells of column `wrapped`, which wrap in what is left
/// (at least [`MIN_LABEL`]); each line starts with `indent`.
pub fn table(rows: &[Vec<String>], wrapped: usize, right: &[bool], indent: &str, columns: usize) -> Vec<String> {
    table_rows(rows, wrapped, right, indent, columns).into_iter().flatten().collect()
}

/// [`table`], the lines of each row apart (a row's label may take several).
pub fn table_rows(rows: &[Vec<String>], wrapped: usize, right: &[bool], indent: &str, columns: usize) -> Vec<Vec<String>> {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n).map(|i| rows.iter().filter_map(|r| r.get(i)).map(|c| width(c)).max().unwrap_or(0)).collect();
    let others: usize = widths.iter().enumerate().filter(|(i, _)| *i != wrapped).map(|(_, w)| w + 2).sum();
    let wrap_width = widths.get(wrapped).copied().unwrap_or(0).min(columns.saturating_sub(width(indent) + others)).max(MIN_LABEL);
    let mut out = Vec::new();
    for row in rows {
        let mut lines = Vec::new();
        let parts = row.get(wrapped).map_or_else(|| vec![String::new()], |c| wrap(c, wrap_width));
        let cells: Vec<String> = (0..n)
            .map(|i| {
                let w = if i == wrapped { wrap_width } else { widths[i] };
                let cell = if i == wrapped { parts[0].as_str() } else { row.get(i).map_or("", String::as_str) };
                if right.get(i).copied().unwrap_or(false) {
                    format!("{}{cell}", " ".repeat(w.saturating_sub(width(cell))))
                } else {
                    pad(cell, w)
                }
            })
            .collect();
        lines.push(format!("{indent}{}", cells.join("  ")).trim_end().to_string());
        let before: usize = widths.iter().take(wrapped).map(|w| w + 2).sum();
        for part in &parts[1..] {
            lines.push(format!("{indent}{}{part}", " ".repeat(before)));
        }
        out.push(lines);
    }
    out
}

/// Rows of a marker, a label, a value and a rule name as lines that fit `columns`: the label
/// wraps in its column, the value stays whole on the row's first line, right-aligned, and the
/// name follows it with `--names` (a name is never cut either).
pub fn label_table(rows: &[(&str, String, String, &str)], columns: usize, names: bool) -> Vec<String> {
    let value_width = rows.iter().map(|r| width(&r.2)).max().unwrap_or(0);
    let name_width = if names { rows.iter().map(|r| width(r.3)).max().unwrap_or(0) } else { 0 };
    let fixed = 2 + 2 + value_width + if names { 2 + name_width } else { 0 };
    let longest = rows.iter().map(|r| width(&r.1)).max().unwrap_or(0);
    let label_width = longest.min(columns.saturating_sub(fixed)).max(MIN_LABEL);
    let mut lines = Vec::new();
    for (marker, label, value, name) in rows {
        let wrapped = wrap(label, label_width);
        for (i, part) in wrapped.iter().enumerate() {
            if i == 0 {
                let mut line = format!("{marker} {}  {}{value}", pad(part, label_width), " ".repeat(value_width - width(value)));
                if names && !name.is_empty() {
                    line.push_str(&format!("  {name}"));
                }
                lines.push(line);
            } else {
                lines.push(format!("  {part}").trim_end().to_string());
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_wraps_at_spaces_and_keeps_every_word() {
        let label = "Une étiquette assez longue : des mots, une date 31/12/2025, une virgule, et encore des mots";
        let lines = wrap(label, 30);
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:?}");
        assert_eq!(lines.join(" "), label);
        assert_eq!(wrap("", 10), vec![String::new()]);
    }

    #[test]
    fn an_indented_sentence_keeps_its_indent_on_every_line() {
        let text = wrap_indented("un deux trois quatre cinq six sept huit neuf dix", 20, "  · ", 4);
        assert!(text.starts_with("  · un"));
        assert!(text.lines().skip(1).all(|l| l.starts_with("    ") && width(l) <= 20), "{text}");
    }
}
