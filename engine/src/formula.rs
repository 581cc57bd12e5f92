//! Rhai formulas, in a sandbox: an operation budget, call-depth and size limits, strict
//! variables, no module loading, no `eval`, and nothing printed.
//!
//! A formula is either an inline Rhai expression or a function of one of the rulebook's scripts.
//! The names it reads are known at load: the identifiers of an inline expression, the parameters
//! of a function (Rhai functions cannot see anything else). Every number crosses the boundary as
//! a `Decimal` (Rhai is built with `decimal` + `no_float`), so no value is ever a float.

use std::ops::Range;

use chrono::NaiveDate;
use rhai::{AST, Dynamic, Engine, EvalAltResult, ParseError, Scope};
use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic, SourceFile};
use crate::value::{Kind, Value};

/// Budget of one formula evaluation, in Rhai operations.
pub const MAX_OPERATIONS: u64 = 1_000_000;

/// The sandboxed engine every formula runs in.
pub fn sandbox() -> Engine {
    let mut engine = Engine::new();
    engine.set_strict_variables(true);
    engine.set_fail_on_invalid_map_property(true);
    engine.set_max_operations(MAX_OPERATIONS);
    engine.set_max_call_levels(32);
    engine.set_max_expr_depths(64, 32);
    engine.set_max_string_size(10_000);
    engine.set_max_array_size(10_000);
    engine.set_max_map_size(1_000);
    engine.set_max_variables(1_000);
    engine.set_max_functions(1_000);
    engine.set_max_modules(0);
    engine.set_module_resolver(rhai::module_resolvers::DummyModuleResolver::new());
    engine.disable_symbol("eval");
    engine.on_print(|_| {});
    engine.on_debug(|_, _, _| {});
    // Rhai's standard library can block the thread (`sleep`, which no operation budget stops)
    // and read the clock (`timestamp`): neither belongs in a formula. Functions registered here
    // shadow the library's.
    engine.register_fn("sleep", |_: rhai::INT| -> Result<(), Box<EvalAltResult>> { Err(unavailable("sleep")) });
    engine.register_fn("timestamp", || -> Result<(), Box<EvalAltResult>> { Err(unavailable("timestamp")) });
    engine
}

fn unavailable(name: &str) -> Box<EvalAltResult> {
    format!("`{name}` is not available in formulas").into()
}

/// A script file of the rulebook, compiled.
pub struct Script {
    pub path: String,
    pub file: usize,
    pub ast: AST,
}

/// Compiles a script file; syntax errors and lint findings go to `diags`.
pub fn compile_script(engine: &Engine, file: &SourceFile, file_idx: usize, diags: &mut Vec<Diagnostic>) -> Option<Script> {
    lint(file, diags);
    match engine.compile(&file.text) {
        Ok(ast) => Some(Script { path: file.path.clone(), file: file_idx, ast }),
        Err(e) => {
            diags.push(parse_error(file, &e, 0));
            None
        }
    }
}

/// The parameter names of `function` in `script`, or `None` if it has no such function.
pub fn function_params(script: &Script, function: &str) -> Option<Vec<String>> {
    script.ast.iter_functions().find(|f| f.name == function).map(|f| f.params.iter().map(|p| p.to_string()).collect())
}

/// The span of `fn name` in a script, to point diagnostics at it.
pub fn function_span(text: &str, function: &str) -> Range<usize> {
    let needle = format!("fn {function}");
    match text.find(&needle) {
        Some(i) => i..i + needle.len(),
        None => 0..0,
    }
}

/// The source text of `fn function(...) { ... }` in a script, with its doc comments, if present.
pub fn function_source(text: &str, function: &str) -> Option<String> {
    let span = function_span(text, function);
    if span.is_empty() {
        return None;
    }
    let open = span.start + text[span.start..].find('{')?;
    let mut depth = 0usize;
    let mut end = None;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(open + i + 1);
                    break;
                }
            }
            _ => {}
        }
    }
    let mut start = span.start;
    for line in text[..span.start].lines().rev() {
        if line.trim_start().starts_with("///") {
            start -= line.len() + 1;
        } else {
            break;
        }
    }
    Some(text[start..end?].trim().to_string())
}

fn parse_error(file: &SourceFile, e: &ParseError, base: usize) -> Diagnostic {
    let pos = e.position();
    // An undefined variable is underlined whole; other errors at their position.
    let width = match e.err_type() {
        rhai::ParseErrorType::VariableUndefined(name) => name.len().max(1),
        _ => 1,
    };
    let span = match (pos.line(), pos.position()) {
        (Some(line), Some(col)) if base == 0 => {
            let start = offset_of(&file.text, line, col);
            start..start + width
        }
        (_, Some(col)) => base + col.saturating_sub(1)..base + col.saturating_sub(1) + width,
        _ => base..base,
    };
    let message = e.err_type().to_string();
    let code = if message.starts_with("Undefined variable") { Code::UndefinedName } else { Code::RhaiSyntax };
    let mut d = Diagnostic::error(code, format!("in Rhai: {}", lower_first(&message))).at(file.location(span));
    if code == Code::UndefinedName {
        d = d.hint("a formula reads only its own parameters, earlier outputs, parameters and case values");
    }
    d
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Byte offset of a one-based line and column (in characters).
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset + l.char_indices().nth(col.saturating_sub(1)).map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

/// Flags `if … { … } else { … } + x`: in Rhai the `if` is a statement there and the `+ x` a
/// separate expression, so the function returns `x` alone (../shared/RUST-NOTES.md).
fn lint(file: &SourceFile, diags: &mut Vec<Diagnostic>) {
    let text = &file.text;
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('}') {
        let mut j = i + 1;
        while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
            j += 1;
        }
        let next = bytes.get(j).copied();
        let after = bytes.get(j + 1).copied();
        let operator = matches!(next, Some(b'+' | b'*' | b'/')) || (next == Some(b'-') && after != Some(b'>'));
        if operator && block_is_if(&text[..=i]) {
            diags.push(
                Diagnostic::warning(Code::FormulaLint, "an operator follows an `if … else { … }` block: Rhai ends the expression at the block, so the operator starts a new one")
                    .at(file.location(j..j + 1))
                    .hint("wrap the whole `if` in parentheses: (if c { a } else { b }) + x"),
            );
        }
    }
}

/// Whether the block closed by the last `}` of `before` belongs to an `if`/`else`.
fn block_is_if(before: &str) -> bool {
    let mut depth = 0i32;
    for (i, c) in before.char_indices().rev() {
        match c {
            '}' => depth += 1,
            '{' => {
                depth -= 1;
                if depth == 0 {
                    let head = before[..i].trim_end();
                    let line_start = head.rfind(['\n', ';']).map_or(0, |p| p + 1);
                    let stmt = &head[line_start..];
                    return stmt.contains("if ") || stmt.ends_with("else");
                }
            }
            _ => {}
        }
    }
    false
}

/// The identifiers an inline expression mentions, outside strings and comments and not called
/// as functions, in order of first appearance.
pub fn identifiers(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'"' || c == b'\'' || c == b'`' {
            i += 1;
            while i < bytes.len() && bytes[i] != c {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else if text[i..].starts_with("//") {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let mut j = i;
            while j < bytes.len() && bytes[j] == b' ' {
                j += 1;
            }
            let called = bytes.get(j) == Some(&b'(');
            let member = start > 0 && bytes[start - 1] == b'.';
            let word = &text[start..i];
            if !called && !member && !out.iter().any(|w| w == word) {
                out.push(word.to_string());
            }
        } else if c.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.' || bytes[i] == b'_') {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Compiles an inline expression with every known name in scope; errors point into `file`.
pub fn compile_inline(engine: &Engine, text: &str, known: &[String], file: &SourceFile, offset: usize) -> Result<AST, Diagnostic> {
    let mut scope = Scope::new();
    for name in known {
        scope.push_dynamic(name.as_str(), Dynamic::UNIT);
    }
    engine.compile_expression_with_scope(&scope, text).map_err(|e| {
        let line_is_one = e.position().line().is_none_or(|l| l == 1);
        if line_is_one {
            parse_error(file, &e, offset)
        } else {
            let line = e.position().line().unwrap_or(1);
            let col = e.position().position().unwrap_or(1);
            let start = offset + offset_of(text, line, col);
            let mut d = parse_error(file, &e, offset);
            d.location = Some(file.location(start..start + 1));
            d
        }
    })
}

pub fn to_dynamic(v: &Value) -> Dynamic {
    match v {
        Value::Null => Dynamic::UNIT,
        Value::Bool(b) => Dynamic::from(*b),
        Value::Number(d) => Dynamic::from(*d),
        Value::Date(d) => Dynamic::from(d.format("%Y-%m-%d").to_string()),
        Value::Text(s) => Dynamic::from(s.to_string()),
    }
}

/// Reads a formula's result as a value of `kind`.
pub fn from_dynamic(d: Dynamic, kind: Kind) -> Result<Value, String> {
    let type_name = d.type_name().to_string();
    let v = if d.is_unit() {
        Value::Null
    } else if let Some(n) = d.clone().try_cast::<Decimal>() {
        Value::Number(n)
    } else if let Some(n) = d.clone().try_cast::<rhai::INT>() {
        Value::Number(Decimal::from(n))
    } else if let Some(b) = d.clone().try_cast::<bool>() {
        Value::Bool(b)
    } else if let Ok(s) = d.into_string() {
        match kind {
            Kind::Date => Value::Date(NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date"))?),
            _ => Value::Text(s.into()),
        }
    } else {
        return Err(format!("the formula returned a {type_name}, expected a {}", kind.name()));
    };
    if v.kind() != kind && v != Value::Null {
        return Err(format!("the formula returned a {}, expected a {}", v.kind().name(), kind.name()));
    }
    Ok(v)
}

/// Why a formula failed at run time.
#[derive(Debug, Clone)]
pub struct FormulaFailure {
    pub budget: bool,
    pub message: String,
}

fn failure(e: Box<EvalAltResult>) -> FormulaFailure {
    let budget = matches!(
        *e,
        EvalAltResult::ErrorTooManyOperations(_)
            | EvalAltResult::ErrorStackOverflow(_)
            | EvalAltResult::ErrorDataTooLarge(..)
            | EvalAltResult::ErrorTooManyVariables(_)
    );
    FormulaFailure { budget, message: lower_first(&e.to_string()) }
}

pub fn call_function(engine: &Engine, script: &Script, function: &str, args: Vec<Dynamic>) -> Result<Dynamic, FormulaFailure> {
    let options = rhai::CallFnOptions::new().eval_ast(false).rewind_scope(true);
    engine.call_fn_with_options::<Dynamic>(options, &mut Scope::new(), &script.ast, function, args).map_err(failure)
}

pub fn eval_inline(engine: &Engine, ast: &AST, names: &[String], values: &[Value]) -> Result<Dynamic, FormulaFailure> {
    let mut scope = Scope::new();
    for (n, v) in names.iter().zip(values) {
        scope.push_dynamic(n.as_str(), to_dynamic(v));
    }
    engine.eval_ast_with_scope::<Dynamic>(&mut scope, ast).map_err(failure)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile { path: "f.rhai".into(), text: text.into() }
    }

    #[test]
    fn runaway_scripts_stop_on_their_budget() {
        let engine = sandbox();
        let mut diags = Vec::new();
        let s = compile_script(
            &engine,
            &file("fn spin() { loop { } }\nfn deep(n) { deep(n + 1) }\nfn big() { let s = \"x\"; loop { s += s; } }"),
            0,
            &mut diags,
        )
        .unwrap();
        for f in ["spin", "big"] {
            let e = call_function(&engine, &s, f, vec![]).unwrap_err();
            assert!(e.budget, "{f}: {}", e.message);
        }
        let e = call_function(&engine, &s, "deep", vec![Dynamic::from(Decimal::ONE)]).unwrap_err();
        assert!(e.budget, "{}", e.message);
    }

    #[test]
    fn scripts_cannot_sleep_read_the_clock_or_load_modules() {
        let engine = sandbox();
        for (script, says) in [
            ("sleep(100000)", "`sleep` is not available"),
            ("timestamp()", "`timestamp` is not available"),
            ("import \"x\" as m; 1", "module"),
            ("eval(\"1\")", "eval"),
        ] {
            let e = engine.eval::<Dynamic>(script).unwrap_err().to_string();
            assert!(e.contains(says), "{script}: {e}");
        }
    }

    #[test]
    fn strict_variables_catch_undefined_names() {
        let engine = sandbox();
        let mut diags = Vec::new();
        assert!(compile_script(&engine, &file("fn f(a) {\n  a * taux_plafnod\n}\n"), 0, &mut diags).is_none());
        assert_eq!(diags[0].code, Code::UndefinedName);
        assert_eq!(diags[0].location.as_ref().unwrap().to_string(), "f.rhai:2:7");
    }

    #[test]
    fn lint_flags_the_if_statement_trap() {
        let mut diags = Vec::new();
        lint(&file("fn f(x, y) { if x >= 65 { 120.0 } else { 80.0 } + y * 10.0 }"), &mut diags);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::FormulaLint);
        let mut ok = Vec::new();
        lint(&file("fn f(x, y) { (if x >= 65 { 120.0 } else { 80.0 }) + y * 10.0 }"), &mut ok);
        assert!(ok.is_empty());
    }

    #[test]
    fn identifiers_skip_calls_strings_and_members() {
        assert_eq!(identifiers("min(a, b_2) + c.len + \"d\" // e"), vec!["a", "b_2", "c"]);
    }
}
