//! The names a formula uses, from Rhai's syntax tree: the variables an inline formula reads
//! (never function names, properties, strings or comments), and the functions a formula calls
//! that neither the script nor the engine defines.

use std::sync::OnceLock;

use rhai::{AST, ASTNode, Engine, Expr, Position, Stmt};

use crate::formula::sandbox;

/// Functions Rhai's parser handles itself, which no module lists.
const KEYWORD_FUNCTIONS: &[&str] =
    &["print", "debug", "type_of", "eval", "Fn", "call", "curry", "is_shared", "is_def_var", "is_def_fn", "this", "global"];

/// The variables `ast` reads, in order of first appearance.
pub(crate) fn identifiers(ast: &AST) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    ast.walk(&mut |path: &[ASTNode]| {
        if let Some(ASTNode::Expr(Expr::Variable(v, ..))) = path.last() {
            let name = v.1.as_str();
            if v.2.is_empty() && !out.iter().any(|w| w == name) {
                out.push(name.to_string());
            }
        }
        true
    });
    out
}

/// Every function a formula may call: the engine's (its standard library included) and those
/// of the script itself, sorted.
pub(crate) fn known_functions(engine: &Engine, ast: &AST) -> Vec<String> {
    let mut out = if std::ptr::eq(engine, sandbox().engine()) { sandbox_functions().to_vec() } else { engine_functions(engine) };
    for f in ast.iter_functions() {
        if let Err(at) = out.binary_search_by(|k| k.as_str().cmp(f.name)) {
            out.insert(at, f.name.to_string());
        }
    }
    out
}

/// The functions of the sandbox, listed once per process: every script and inline formula of
/// every year asks for them, and Rhai lists them by walking its whole standard library.
fn sandbox_functions() -> &'static [String] {
    static FUNCTIONS: OnceLock<Vec<String>> = OnceLock::new();
    FUNCTIONS.get_or_init(|| engine_functions(&sandbox()))
}

/// The functions `engine` defines whose name a call can write, sorted, each once.
fn engine_functions(engine: &Engine) -> Vec<String> {
    let mut out: Vec<String> = engine.collect_fn_metadata(None, |f| Some(f.metadata.name.to_string()), true);
    out.retain(|n| n.chars().all(|c| c.is_alphanumeric() || c == '_'));
    out.sort_unstable();
    out.dedup();
    out
}

/// The calls in `ast` of functions that are not in `known`, with where each is written, in
/// order of appearance. Rhai resolves a call only when it runs: this finds a misspelt function
/// when the rules load.
pub(crate) fn unknown_calls(ast: &AST, known: &[String]) -> Vec<(String, Position)> {
    let mut out: Vec<(String, Position)> = Vec::new();
    ast.walk(&mut |path: &[ASTNode]| {
        let call = match path.last() {
            Some(ASTNode::Expr(Expr::FnCall(call, pos))) | Some(ASTNode::Stmt(Stmt::FnCall(call, pos))) => Some((call, pos)),
            _ => None,
        };
        if let Some((call, pos)) = call {
            let name = call.name.as_str();
            let plain = !call.is_operator_call() && !call.is_qualified() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
            if plain && !KEYWORD_FUNCTIONS.contains(&name) && known.binary_search_by(|k| k.as_str().cmp(name)).is_err() {
                out.push((name.to_string(), *pos));
            }
        }
        true
    });
    out.sort_by_key(|(_, pos)| (pos.line(), pos.position()));
    out
}

#[cfg(test)]
mod tests {
    use rhai::Scope;

    use super::*;

    #[test]
    fn variables_only_not_calls_properties_strings_or_comments() {
        let engine = sandbox();
        let mut scope = Scope::new();
        for n in ["a", "b_2", "c", "d", "e"] {
            scope.push_dynamic(n, rhai::Dynamic::UNIT);
        }
        let ast = engine.compile_expression_with_scope(&scope, "min(a, b_2) + c.len() + \"d\" + a // e").unwrap();
        assert_eq!(identifiers(&ast), vec!["a", "b_2", "c"]);
    }

    /// The sandbox's functions are listed once per process: the list is the one a sandbox built
    /// afresh gives, with the script's own functions merged in order.
    #[test]
    fn the_functions_listed_once_are_those_a_fresh_sandbox_lists() {
        let fresh = super::super::build_sandbox();
        let ast = fresh.compile("fn zz_helper(x) { x }\nfn abs(x) { x }\nfn aaa() { 1 }").unwrap();
        let mut expected = engine_functions(&fresh);
        expected.extend(["zz_helper", "abs", "aaa"].map(String::from));
        expected.sort_unstable();
        expected.dedup();
        assert!(expected.len() > 100 && expected.iter().any(|f| f == "abs"));
        assert_eq!(known_functions(&sandbox(), &ast), expected);
        assert_eq!(known_functions(&fresh, &ast), expected);
    }

    #[test]
    fn calls_of_undefined_functions_are_found() {
        let engine = sandbox();
        let ast = engine.compile("fn helper(x) { x * 2 }\nfn f(a, b) { mn(a, b) + max(a, b) + helper(a) + abs(a) + a.len() + hlper(b) }\nfn g() { hlper(1); }").unwrap();
        let known = known_functions(&engine, &ast);
        let unknown: Vec<String> =
            unknown_calls(&ast, &known).into_iter().map(|(n, p)| format!("{n}@{}:{}", p.line().unwrap(), p.position().unwrap())).collect();
        assert_eq!(unknown, vec!["mn@2:14", "hlper@2:68", "hlper@3:10"]);
    }
}
