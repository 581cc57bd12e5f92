//! The names a formula uses, from Rhai's syntax tree: the variables an inline formula reads
//! (never function names, properties, strings or comments), and the functions a formula calls
//! that neither the script nor the engine defines.

use rhai::{AST, ASTNode, Engine, Expr, Position, Stmt};

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
/// of the script itself.
pub(crate) fn known_functions(engine: &Engine, ast: &AST) -> Vec<String> {
    let mut out: Vec<String> = engine.collect_fn_metadata(None, |f| Some(f.metadata.name.to_string()), true);
    out.retain(|n| n.chars().all(|c| c.is_alphanumeric() || c == '_'));
    out.extend(ast.iter_functions().map(|f| f.name.to_string()));
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
    use crate::formula::sandbox;

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
