//! Reading a script through Rhai's own tokenizer: where a function is defined, its source text
//! with its doc comments, and the `if … else { … } + x` trap. Strings and comments are the
//! tokenizer's business, so a `}` or an `fn` inside them is never mistaken for code.

use std::ops::Range;

use rhai::{Engine, Position, Token};

use crate::diagnostic::{Code, Diagnostic, SourceFile};
use crate::formula::Lines;

/// The tokens of `text` with their byte offsets; a lexing error ends the list.
fn tokens(engine: &Engine, text: &str) -> Vec<(Token, usize)> {
    let input = [text];
    let (stream, _control) = engine.lex(&input);
    let lines = Lines::new(text);
    let mut out = Vec::new();
    for (token, pos) in stream {
        match token {
            Token::EOF | Token::LexError(_) => break,
            Token::Comment(_) => continue,
            t => out.push((t, byte_offset(&lines, pos))),
        }
    }
    out
}

fn byte_offset(lines: &Lines<'_>, pos: Position) -> usize {
    match (pos.line(), pos.position()) {
        (Some(line), Some(col)) => lines.offset(line, col),
        _ => 0,
    }
}

/// The index in `toks` of the `fn` token that defines `function`.
fn fn_token(toks: &[(Token, usize)], function: &str) -> Option<usize> {
    toks.windows(2).position(|w| matches!(&w[0].0, Token::Fn) && matches!(&w[1].0, Token::Identifier(name) if name.as_str() == function))
}

/// The span of `fn name` in a script, to point diagnostics at it (empty if there is none).
pub(crate) fn function_span(engine: &Engine, text: &str, function: &str) -> Range<usize> {
    let toks = tokens(engine, text);
    match fn_token(&toks, function) {
        Some(i) => {
            let start = toks[i].1;
            start..toks[i + 1].1 + function.len()
        }
        None => 0..0,
    }
}

/// The function of a script that `offset` lies in, with the names in scope there: its
/// parameters and the variables it declared before `offset` (`let`, `const`).
pub(crate) fn scope_at(engine: &Engine, text: &str, offset: usize) -> Option<(String, Vec<String>)> {
    let toks = tokens(engine, text);
    let start = toks.iter().rposition(|(t, at)| matches!(t, Token::Fn) && *at <= offset)?;
    let Some((Token::Identifier(name), _)) = toks.get(start + 1) else { return None };
    let rest = toks.get(start + 2..).unwrap_or_default();
    // `fn f()` has no parameters: its `()` may be one token, so the body starts at the brace.
    let close = rest.iter().position(|(t, _)| matches!(t, Token::RightParen | Token::LeftBrace)).unwrap_or(rest.len());
    let mut names: Vec<String> = rest[..close]
        .iter()
        .filter_map(|(t, _)| match t {
            Token::Identifier(p) => Some(p.to_string()),
            _ => None,
        })
        .collect();
    for w in rest[close..].windows(2).take_while(|w| w[1].1 < offset) {
        if let (Token::Let | Token::Const, Token::Identifier(v)) = (&w[0].0, &w[1].0) {
            names.push(v.to_string());
        }
    }
    Some((name.to_string(), names))
}

/// The source text of `fn function(...) { ... }` in a script, with its doc comments, if present.
pub(crate) fn function_source(engine: &Engine, text: &str, function: &str) -> Option<String> {
    function_range(engine, text, function).map(|r| text[r].trim().to_string())
}

/// Where `fn function(...) { ... }` is written in a script, its doc comments included.
pub(crate) fn function_range(engine: &Engine, text: &str, function: &str) -> Option<Range<usize>> {
    let toks = tokens(engine, text);
    let start = fn_token(&toks, function)?;
    let mut depth = 0usize;
    let mut end = None;
    for (token, offset) in &toks[start..] {
        match token {
            Token::LeftBrace => depth += 1,
            Token::RightBrace => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    end = Some(offset + 1);
                    break;
                }
            }
            _ => {}
        }
    }
    Some(with_doc_comments(text, toks[start].1)..end?)
}

/// The start of the `///` lines right above `at`, or `at`.
fn with_doc_comments(text: &str, at: usize) -> usize {
    let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let mut start = line_start;
    for line in text[..line_start].lines().rev() {
        if line.trim_start().starts_with("///") {
            start -= line.len() + 1;
        } else {
            break;
        }
    }
    start.min(at)
}

/// Flags `if … { … } else { … } + x`: in Rhai the `if` is a statement there and the `+ x` a
/// separate expression, so the function returns `x` alone.
pub(crate) fn lint(engine: &Engine, file: &SourceFile, diags: &mut Vec<Diagnostic>) {
    let toks = tokens(engine, &file.text);
    // For each open brace: whether it opens the block of an `if` or an `else`.
    let mut blocks: Vec<bool> = Vec::new();
    let mut in_if_head = false;
    for (i, (token, _)) in toks.iter().enumerate() {
        match token {
            Token::If => in_if_head = true,
            Token::LeftBrace => {
                let after_else = i > 0 && matches!(toks[i - 1].0, Token::Else);
                blocks.push(in_if_head || after_else);
                in_if_head = false;
            }
            Token::RightBrace => {
                let closes_if = blocks.pop().unwrap_or(false);
                if closes_if
                    && let Some((next, at)) = toks.get(i + 1)
                    && is_arithmetic(next)
                {
                    diags.push(
                        Diagnostic::warning(Code::FormulaLint, msg!("data-formula-operator-after-if"))
                            .at(file.location(*at..*at + 1))
                            .hint(msg!("data-formula-operator-after-if-hint")),
                    );
                }
            }
            _ => {}
        }
    }
}

/// Checks that a formula file holds functions only (and comments): any other statement at the
/// top level never runs — Rhai runs a script's functions, not its body — so it is an error
/// (R125) at its first token, whether it would loop, compute or declare a constant (a fixed value
/// is a parameter, with its reference). `import` is refused wherever it stands (R126): a formula
/// reads only its parameters and the functions of its file.
pub(crate) fn only_functions(engine: &Engine, file: &SourceFile, diags: &mut Vec<Diagnostic>) {
    let toks = tokens(engine, &file.text);
    let mut depth = 0usize;
    // Whether the tokens at depth 0 belong to a function's head (`private fn name(…)`), or to a
    // statement already reported, up to its end.
    let (mut in_function, mut in_statement) = (false, false);
    for (i, (token, at)) in toks.iter().enumerate() {
        if matches!(token, Token::Import) {
            diags.push(
                Diagnostic::error(Code::FormulaImport, msg!("data-formula-import"))
                    .at(file.location(*at..*at + "import".len()))
                    .hint(msg!("data-formula-import-hint")),
            );
        }
        match token {
            Token::LeftBrace => depth += 1,
            Token::RightBrace => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    // The end of a function's body; a statement's block ends it, unless an `else`
                    // carries it on.
                    in_function = false;
                    in_statement &= matches!(toks.get(i + 1), Some((Token::Else, _)));
                }
            }
            _ if depth > 0 => {}
            Token::Fn | Token::Private => {
                in_function = true;
                in_statement = false;
            }
            Token::SemiColon => in_statement = false,
            _ if in_function || in_statement => {}
            _ => {
                in_statement = true;
                // Underlined to the end of its line.
                let end = file.text[*at..].find('\n').map_or(file.text.len(), |n| at + n);
                let end = at + file.text[*at..end].trim_end().len().max(1);
                diags.push(
                    Diagnostic::error(Code::FormulaTopLevel, msg!("data-formula-top-level"))
                        .at(file.location(*at..end))
                        .hint(msg!("data-formula-top-level-hint")),
                );
            }
        }
    }
}

fn is_arithmetic(t: &Token) -> bool {
    matches!(t, Token::Plus | Token::UnaryPlus | Token::Minus | Token::UnaryMinus | Token::Multiply | Token::Divide)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formula::sandbox;

    fn file(text: &str) -> SourceFile {
        SourceFile { path: "f.rhai".into(), text: text.into() }
    }

    #[test]
    fn lint_flags_the_if_statement_trap() {
        let engine = sandbox();
        let mut diags = Vec::new();
        lint(&engine, &file("fn f(x, y) { if x >= 65 { 120.0 } else { 80.0 } + y * 10.0 }"), &mut diags);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::FormulaLint);
        let mut ok = Vec::new();
        lint(&engine, &file("fn f(x, y) { (if x >= 65 { 120.0 } else { 80.0 }) + y * 10.0 }"), &mut ok);
        assert!(ok.is_empty());
        // A brace inside a string is text, not a block.
        lint(&engine, &file("fn f(x) { let s = \"}\"; if x { 1 } else { 2 } }\nfn g(y) { \"{\" + y }"), &mut ok);
        assert!(ok.is_empty(), "{ok:?}");
    }

    #[test]
    fn the_names_in_scope_are_the_parameters_and_earlier_variables() {
        let engine = sandbox();
        let text = "fn a(x) { x }\nfn b(annee, taux_max) {\n  let y = annee * 2;\n  z + y\n  let w = 1;\n}\n";
        let at = text.find("z +").unwrap();
        assert_eq!(scope_at(&engine, text, at), Some(("b".to_string(), vec!["annee".into(), "taux_max".into(), "y".into()])));
        assert_eq!(scope_at(&engine, "fn c() { q }", 9), Some(("c".to_string(), vec![])));
        assert_eq!(scope_at(&engine, "q + 1", 0), None);
    }

    #[test]
    fn functions_are_found_by_their_tokens() {
        let engine = sandbox();
        let text = "// fn a() in a comment\nlet s = \"fn a() { }\";\n/// Doc of a.\n/// Second line.\nfn a(x) {\n  if x { \"}\" } else { 2 }\n}\nfn b() { 1 }\n";
        let span = function_span(&engine, text, "a");
        assert_eq!(&text[span], "fn a");
        assert_eq!(
            function_source(&engine, text, "a").unwrap(),
            "/// Doc of a.\n/// Second line.\nfn a(x) {\n  if x { \"}\" } else { 2 }\n}"
        );
        assert_eq!(function_source(&engine, text, "b").unwrap(), "fn b() { 1 }");
        assert!(function_source(&engine, text, "c").is_none());
    }

    #[test]
    fn a_formula_file_holds_functions_and_comments_only() {
        let engine = sandbox();
        let found = |text: &str| {
            let mut diags = Vec::new();
            only_functions(&engine, &file(text), &mut diags);
            diags
                .iter()
                .map(|d| format!("{} {}", d.code, d.location.as_ref().map(ToString::to_string).unwrap_or_default()))
                .collect::<Vec<_>>()
        };
        let functions =
            "// a comment\n/// doc\nfn f(x) { if x { 1 } else { loop { break; } 2 } }\nprivate fn g() { let s = \"import\"; s }\n";
        assert!(found(functions).is_empty(), "{:?}", found(functions));
        assert_eq!(found("loop { }\nfn f() { 1 }"), ["R125 f.rhai:1:1"]);
        assert_eq!(
            found("fn f() { 1 }\nconst X = 5;\nlet y = f();\nif X > 1 { 2 } else { 3 }\n42"),
            ["R125 f.rhai:2:1", "R125 f.rhai:3:1", "R125 f.rhai:4:1", "R125 f.rhai:5:1"]
        );
        assert_eq!(found("fn f() { import \"m\" as m; 1 }"), ["R126 f.rhai:1:10"]);
        assert_eq!(found("import \"m\" as m;\nfn f() { 1 }"), ["R126 f.rhai:1:1", "R125 f.rhai:1:1"]);
    }
}
