//! Rhai formulas, in a sandbox: an operation budget, call-depth and size limits, strict
//! variables, no module loading, no `eval`, and nothing printed.
//!
//! A formula is either an inline Rhai expression or a function of one of the rulebook's scripts.
//! The names it reads are known at load: the identifiers of an inline expression, the parameters
//! of a function (Rhai functions cannot see anything else). Every number crosses the boundary as
//! a `Decimal` (Rhai is built with `decimal` + `no_float`), so no value is ever a float.

use chrono::NaiveDate;
use std::ops::Range;
use std::sync::OnceLock;

use rhai::{AST, Dynamic, Engine, EvalAltResult, ParseError, ParseErrorType, Position, Scope};
use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic, Location, NameKind, Pool, SourceFile, did_you_mean, suggest};
use crate::ids::FileId;
use crate::message::Message;
use crate::value::{Kind, Value};

mod names;
mod source;

pub(crate) use names::{identifiers, known_functions, unknown_calls};
pub(crate) use source::{function_range, function_source, function_span};

/// Budget of one formula evaluation, in Rhai operations.
pub(crate) const MAX_OPERATIONS: u64 = 1_000_000;

/// The sandboxed engine every formula runs in, built once per process and shared by every
/// rulebook: it holds nothing of a rulebook (scripts are compiled into ASTs each rulebook keeps),
/// only Rhai's standard library and the settings below. Building that library for each year, and
/// listing its functions for each script and inline formula (`names::known_functions`), was a
/// quarter of `peps rules check` (six years: 33 ms of CPU, 24 ms once shared, with the lazy
/// message bundles; medians of 10 alternated runs of release builds).
pub(crate) fn sandbox() -> Sandbox {
    static SANDBOX: OnceLock<Engine> = OnceLock::new();
    Sandbox(SANDBOX.get_or_init(build_sandbox))
}

/// The process's sandbox, read as the engine it is (`&sandbox` where an `&Engine` is asked).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sandbox(&'static Engine);

impl Sandbox {
    /// The engine, for as long as the process.
    pub(crate) fn engine(self) -> &'static Engine {
        self.0
    }
}

impl std::ops::Deref for Sandbox {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        self.0
    }
}

fn build_sandbox() -> Engine {
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
    // Rhai carries the message as it is; `failure` puts it back into Rhai's words.
    EvalAltResult::ErrorRuntime(Dynamic::from(msg!("data-formula-unavailable", name = name)), Position::NONE).into()
}

/// A script file of the rulebook, compiled.
pub(crate) struct Script {
    pub(crate) path: String,
    pub(crate) file: FileId,
    pub(crate) ast: AST,
}

/// Compiles a script file; syntax errors, calls of undefined functions and lint findings go to
/// `diags`.
pub(crate) fn compile_script(engine: &Engine, file: &SourceFile, file_idx: FileId, diags: &mut Vec<Diagnostic>) -> Option<Script> {
    source::lint(engine, file, diags);
    source::only_functions(engine, file, diags);
    match engine.compile(&file.text) {
        Ok(ast) => {
            let known = names::known_functions(engine, &ast);
            let script_fns: Vec<&str> = ast.iter_functions().map(|f| f.name).collect();
            for (name, pos) in names::unknown_calls(&ast, &known) {
                let span = position_span(&file.text, pos, 0, name.len());
                diags.push(unknown_function(file, span, &name, &script_fns, &known));
            }
            Some(Script { path: file.path.clone(), file: file_idx, ast })
        }
        Err(e) => {
            let mut d = parse_error(file, &e, 0);
            if let (ParseErrorType::VariableUndefined(name), Some(Location::Source { span, .. })) = (e.err_type(), &d.location)
                && let Some((function, in_scope)) = source::scope_at(engine, &file.text, span.start)
            {
                let close = did_you_mean(name, in_scope.iter().map(String::as_str));
                d = d.hint(match close {
                    Some(c) => msg!("data-formula-scope-suggested", function = &function, name = c),
                    None => msg!("data-formula-scope", function = &function, params = in_scope.join(", "), name = name.as_str()),
                });
            }
            diags.push(d);
            None
        }
    }
}

/// A call of a function nothing defines, with the closest function of the script, else of the
/// engine.
pub(crate) fn unknown_function(file: &SourceFile, span: Range<usize>, name: &str, script_fns: &[&str], known: &[String]) -> Diagnostic {
    let pools: Vec<Pool<'_>> =
        vec![(NameKind::Function, script_fns.to_vec()), (NameKind::Function, known.iter().map(String::as_str).collect())];
    let suggestion = did_you_mean(name, script_fns.iter().copied()).map(str::to_string).or_else(|| suggest(name, &pools).map(|s| s.name));
    let mut d =
        Diagnostic::error(Code::UndefinedName, msg!("data-formula-unknown-function", name = name)).at(file.location(span)).undefined(name);
    d = d.hint(match suggestion {
        Some(c) => msg!("data-did-you-mean", name = c),
        None => msg!("data-formula-functions-hint"),
    });
    d
}

/// The span of `width` bytes at Rhai position `pos` of `text`, which starts at byte `base` of
/// its file.
pub(crate) fn position_span(text: &str, pos: Position, base: usize, width: usize) -> Range<usize> {
    match (pos.line(), pos.position()) {
        (Some(line), Some(col)) => {
            let start = base + offset_of(text, line, col);
            start..start + width.max(1)
        }
        _ => base..base,
    }
}

/// The parameter names of `function` in `script`, or `None` if it has no such function.
pub(crate) fn function_params(script: &Script, function: &str) -> Option<Vec<String>> {
    script.ast.iter_functions().find(|f| f.name == function).map(|f| f.params.iter().map(|p| p.to_string()).collect())
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
    let code = match e.err_type() {
        ParseErrorType::VariableUndefined(_) => Code::UndefinedName,
        _ => Code::RhaiSyntax,
    };
    let mut d =
        Diagnostic::error(code, msg!("data-formula-rhai", message = lower_first(&e.err_type().to_string()))).at(file.location(span));
    if let ParseErrorType::VariableUndefined(name) = e.err_type() {
        d = d.hint(msg!("data-formula-reads-hint")).undefined(name.as_str());
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
pub(crate) fn offset_of(text: &str, line: usize, col: usize) -> usize {
    Lines::new(text).offset(line, col)
}

/// Where each line of a text starts, to place many positions in it: each then costs its own line,
/// not the lines above it (a script's tokens were placed each from the start of the file).
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Lines<'a> {
        let mut starts = Vec::new();
        let mut at = 0;
        for l in text.split_inclusive('\n') {
            starts.push(at);
            at += l.len();
        }
        Lines { text, starts }
    }

    /// Byte offset of a one-based line and column (in characters); the end of the text for a line
    /// past its last, the end of the line for a column past its end.
    pub(crate) fn offset(&self, line: usize, col: usize) -> usize {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.starts.get(i)) else { return self.text.len() };
        let end = self.starts.get(line).copied().unwrap_or(self.text.len());
        let l = &self.text[start..end];
        start + l.char_indices().nth(col.saturating_sub(1)).map_or(l.len(), |(b, _)| b)
    }
}

/// Compiles an inline expression with every known name in scope; errors point into `file`.
#[allow(clippy::result_large_err, reason = "one error per formula, returned as it is")] // not prose
pub(crate) fn compile_inline(engine: &Engine, text: &str, known: &[String], file: &SourceFile, offset: usize) -> Result<AST, Diagnostic> {
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

pub(crate) fn to_dynamic(v: &Value) -> Dynamic {
    match v {
        Value::Null => Dynamic::UNIT,
        Value::Bool(b) => Dynamic::from(*b),
        Value::Number(d) => Dynamic::from(*d),
        Value::Date(d) => Dynamic::from(d.format("%Y-%m-%d").to_string()),
        Value::Text(s) => Dynamic::from(s.to_string()),
    }
}

/// A formula's result that is not a value of the step's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ResultError {
    NotADate(String),
    WrongKind { found: Message, expected: Kind },
}

impl ResultError {
    /// What the formula returned, for people.
    pub(crate) fn message(&self) -> Message {
        match self {
            ResultError::NotADate(text) => msg!("data-formula-not-a-date", text = text),
            ResultError::WrongKind { found, expected } => {
                msg!("data-formula-wrong-kind", found = found.clone(), expected = expected.label())
            }
        }
    }
}

/// Reads a formula's result as a value of `kind`.
pub(crate) fn from_dynamic(d: Dynamic, kind: Kind) -> Result<Value, ResultError> {
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
            Kind::Date => Value::Date(NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| ResultError::NotADate(s.clone()))?),
            _ => Value::Text(s.into()),
        }
    } else {
        return Err(ResultError::WrongKind { found: Message::text(type_name), expected: kind });
    };
    if v.kind() != kind && v != Value::Null {
        return Err(ResultError::WrongKind { found: v.kind().label(), expected: kind });
    }
    Ok(v)
}

/// Why a formula failed at run time: Rhai's own words, and whether it ran out of its budget.
#[derive(Debug, Clone)]
pub(crate) struct FormulaFailure {
    pub(crate) budget: bool,
    /// An arithmetic error (an overflow, a division by zero): Rhai's decimal operations are
    /// checked and fail this way rather than panic.
    pub(crate) arithmetic: bool,
    pub(crate) message: Message,
}

impl FormulaFailure {
    /// The diagnostic code of this failure.
    pub(crate) fn code(&self) -> Code {
        match (self.budget, self.arithmetic) {
            (true, _) => Code::BudgetExceeded,
            (false, true) => Code::Arithmetic,
            (false, false) => Code::FormulaRuntime,
        }
    }
}

fn failure(e: Box<EvalAltResult>) -> FormulaFailure {
    let budget = matches!(
        *e,
        EvalAltResult::ErrorTooManyOperations(_)
            | EvalAltResult::ErrorStackOverflow(_)
            | EvalAltResult::ErrorDataTooLarge(..)
            | EvalAltResult::ErrorTooManyVariables(_)
    );
    let arithmetic = matches!(*e, EvalAltResult::ErrorArithmetic(..));
    let text = lower_first(&e.to_string());
    // A message of ours that stopped the formula: Rhai writes its type name where it stands.
    let message = match (ours(&e), text.split_once(std::any::type_name::<Message>())) {
        (Some(m), Some((before, after))) => Message::join([Message::text(before), m, Message::text(after)], ""),
        _ => Message::text(text),
    };
    FormulaFailure { budget, arithmetic, message }
}

/// The message of ours a Rhai error carries, in a function called by the formula or not.
fn ours(e: &EvalAltResult) -> Option<Message> {
    match e {
        EvalAltResult::ErrorRuntime(d, _) => d.clone().try_cast::<Message>(),
        EvalAltResult::ErrorInFunctionCall(_, _, inner, _) => ours(inner),
        _ => None,
    }
}

pub(crate) fn call_function(engine: &Engine, script: &Script, function: &str, args: Vec<Dynamic>) -> Result<Dynamic, FormulaFailure> {
    let options = rhai::CallFnOptions::new().eval_ast(false).rewind_scope(true);
    engine.call_fn_with_options::<Dynamic>(options, &mut Scope::new(), &script.ast, function, args).map_err(failure)
}

pub(crate) fn eval_inline(engine: &Engine, ast: &AST, names: &[String], values: &[Value]) -> Result<Dynamic, FormulaFailure> {
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

    /// `Lines` places a position where reading the text from its start does.
    #[test]
    fn lines_place_positions_as_a_scan_from_the_start_does() {
        fn scan(text: &str, line: usize, col: usize) -> usize {
            let mut offset = 0;
            for (i, l) in text.split_inclusive('\n').enumerate() {
                if i + 1 == line {
                    return offset + l.char_indices().nth(col.saturating_sub(1)).map_or(l.len(), |(b, _)| b);
                }
                offset += l.len();
            }
            text.len()
        }
        for text in ["", "a", "fn f(x) {\n  x * 2\n}\n", "é = 1\r\nbé\n\nlast", "\n\n"] {
            let lines = Lines::new(text);
            for line in 0..6 {
                for col in 0..8 {
                    assert_eq!(lines.offset(line, col), scan(text, line, col), "{text:?} {line}:{col}");
                }
            }
        }
    }

    #[test]
    fn runaway_scripts_stop_on_their_budget() {
        let engine = sandbox();
        let mut diags = Vec::new();
        let s = compile_script(
            &engine,
            &file("fn spin() { loop { } }\nfn deep(n) { deep(n + 1) }\nfn big() { let s = \"x\"; loop { s += s; } }"),
            FileId::from(0),
            &mut diags,
        )
        .unwrap();
        for f in ["spin", "big"] {
            let e = call_function(&engine, &s, f, vec![]).unwrap_err();
            assert!(e.budget, "{f}: {}", e.message.en());
        }
        let e = call_function(&engine, &s, "deep", vec![Dynamic::from(Decimal::ONE)]).unwrap_err();
        assert!(e.budget, "{}", e.message.en());
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
            let e = failure(engine.eval::<Dynamic>(script).unwrap_err()).message.en();
            assert!(e.contains(says), "{script}: {e}");
        }
    }

    #[test]
    fn strict_variables_catch_undefined_names() {
        let engine = sandbox();
        let mut diags = Vec::new();
        assert!(compile_script(&engine, &file("fn f(a) {\n  a * taux_plafnod\n}\n"), FileId::from(0), &mut diags).is_none());
        assert_eq!(diags[0].code, Code::UndefinedName);
        assert_eq!(diags[0].location.as_ref().unwrap().to_string(), "f.rhai:2:7");
    }

    #[test]
    fn decimal_arithmetic_at_the_extremes_fails_as_x303_never_panics() {
        let engine = sandbox();
        let names = vec!["x".to_string(), "y".to_string()];
        let f = file("");
        for x in [Decimal::MAX, Decimal::MIN, Decimal::new(1, 28)] {
            let values = [Value::Number(x), Value::Number(Decimal::new(3, 1))];
            for text in [
                "x * x",
                "x + x",
                "x - x - x",
                "x / y",
                "x / 0.0",
                "x % 0.0",
                "x % y",
                "x ** 2",
                "sin(x)",
                "cos(x)",
                "tan(x)",
                "sqrt(x)",
                "exp(x)",
                "ln(x)",
                "log(x)",
                "floor(x)",
                "ceiling(x)",
                "round(x)",
                "x.round_dp(2)",
                "x.round_up(2)",
                "x.round_down(2)",
                "x.round_half_up(2)",
                "x.to_int()",
                "abs(x)",
                "-x",
                "x.int()",
                "x.fraction()",
            ] {
                let Ok(ast) = compile_inline(&engine, text, &names, &f, 0) else { continue };
                if let Err(e) = eval_inline(&engine, &ast, &names, &values) {
                    assert!(!e.budget, "{text} with x = {x}: {}", e.message.en());
                }
            }
        }
        let ast = compile_inline(&engine, "x * x", &names, &f, 0).unwrap();
        let e = eval_inline(&engine, &ast, &names, &[Value::Number(Decimal::MAX), Value::Null]).unwrap_err();
        assert_eq!(e.code(), Code::Arithmetic, "{}", e.message.en());
    }
}
