//! The names an inline formula reads, from Rhai's syntax tree: variables, never function names,
//! properties, strings or comments.

use rhai::{AST, ASTNode, Expr};

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
}
