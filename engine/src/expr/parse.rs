//! Lexing and parsing the expression language into an [`Ast`](super::Ast), precedence climbing
//! from `||` down to literals, names, calls, `in` and `exists`.

use std::ops::Range;

use rust_decimal::Decimal;

use crate::expr::error::syntax;
use crate::expr::{Ast, BinOp, ExprError, UnOp};
use crate::message::Message;
use crate::value::Value;
use crate::value::parse_rule_decimal;

// ---------------------------------------------------------------------------------------------
// Lexer and parser

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    Ident(String),
    Num(Decimal),
    Str(String),
    Op(&'static str),
    End,
}

pub(crate) fn lex(text: &str) -> Result<Vec<(Tok, Range<usize>)>, ExprError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_alphabetic() || c == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push((Tok::Ident(text[start..i].to_string()), start..i));
        } else if c.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.' || bytes[i] == b'_') {
                i += 1;
            }
            let lit = text[start..i].replace('_', "");
            let n = parse_rule_decimal(&lit).ok_or_else(|| syntax(start..i, msg!("data-expr-not-a-number", text = &lit)))?;
            out.push((Tok::Num(n), start..i));
        } else if c == b'\'' || c == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != c {
                i += 1;
            }
            if i >= bytes.len() {
                return Err(syntax(start..text.len(), msg!("data-expr-unterminated-text")));
            }
            out.push((Tok::Str(text[start + 1..i].to_string()), start..i + 1));
            i += 1;
        } else {
            let two = text.get(i..i + 2).unwrap_or("");
            let op: &'static str = match two {
                "&&" => "&&",
                "||" => "||",
                "==" => "==",
                "!=" => "!=",
                "<=" => "<=",
                ">=" => ">=",
                _ => match c {
                    b'!' => "!",
                    b'<' => "<",
                    b'>' => ">",
                    b'+' => "+",
                    b'-' => "-",
                    b'*' => "*",
                    b'/' => "/",
                    b'(' => "(",
                    b')' => ")",
                    b',' => ",",
                    b'.' => ".",
                    _ => {
                        let ch = text[i..].chars().next().unwrap_or('?');
                        let message = match ch {
                            '=' => msg!("data-expr-unexpected-equals"),
                            '&' | '|' => msg!("data-expr-unexpected-and-or", char = ch),
                            _ => msg!("data-expr-unexpected-character", char = ch),
                        };
                        return Err(syntax(i..i + ch.len_utf8(), message));
                    }
                },
            };
            i += op.len();
            out.push((Tok::Op(op), start..i));
        }
    }
    out.push((Tok::End, text.len()..text.len()));
    Ok(out)
}

pub(crate) struct Parser {
    pub(crate) toks: Vec<(Tok, Range<usize>)>,
    pub(crate) pos: usize,
}

/// Parses an expression.
pub(crate) fn parse(text: &str) -> Result<Ast, ExprError> {
    let mut p = Parser { toks: lex(text)?, pos: 0 };
    if p.peek() == &Tok::End {
        return Err(syntax(0..text.len(), msg!("data-expr-empty")));
    }
    let ast = p.or()?;
    match p.peek() {
        Tok::End => Ok(ast),
        _ => Err(syntax(p.span(), msg!("data-expr-after-complete", token = p.describe()))),
    }
}

impl Parser {
    pub(crate) fn peek(&self) -> &Tok {
        &self.toks[self.pos].0
    }

    pub(crate) fn span(&self) -> Range<usize> {
        self.toks[self.pos].1.clone()
    }

    pub(crate) fn describe(&self) -> Message {
        match self.peek() {
            Tok::Ident(s) => Message::text(s.clone()),
            Tok::Num(n) => Message::text(n.to_string()),
            Tok::Str(s) => Message::text(format!("'{s}'")),
            Tok::Op(o) => Message::text(o.to_string()),
            Tok::End => msg!("data-expr-end"),
        }
    }

    pub(crate) fn bump(&mut self) -> (Tok, Range<usize>) {
        let t = self.toks[self.pos].clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    pub(crate) fn eat(&mut self, op: &str) -> bool {
        if matches!(self.peek(), Tok::Op(o) if *o == op) {
            self.bump();
            true
        } else {
            false
        }
    }

    pub(crate) fn expect(&mut self, op: &str) -> Result<Range<usize>, ExprError> {
        let span = self.span();
        if self.eat(op) { Ok(span) } else { Err(syntax(span, msg!("data-expr-expected", expected = op, found = self.describe()))) }
    }

    pub(crate) fn ident(&mut self) -> Result<(String, Range<usize>), ExprError> {
        match self.bump() {
            (Tok::Ident(s), span) => Ok((s, span)),
            (_, span) => Err(syntax(span, msg!("data-expr-expected-name"))),
        }
    }

    pub(crate) fn binary(&mut self, ops: &[(&str, BinOp)], next: fn(&mut Self) -> Result<Ast, ExprError>) -> Result<Ast, ExprError> {
        let mut left = next(self)?;
        'outer: loop {
            for (sym, op) in ops {
                if self.eat(sym) {
                    let right = next(self)?;
                    let span = left.span().start..right.span().end;
                    left = Ast::Binary(*op, Box::new(left), Box::new(right), span);
                    continue 'outer;
                }
            }
            return Ok(left);
        }
    }

    pub(crate) fn or(&mut self) -> Result<Ast, ExprError> {
        self.binary(&[("||", BinOp::Or)], Self::and)
    }

    pub(crate) fn and(&mut self) -> Result<Ast, ExprError> {
        self.binary(&[("&&", BinOp::And)], Self::not)
    }

    pub(crate) fn not(&mut self) -> Result<Ast, ExprError> {
        let start = self.span().start;
        if self.eat("!") {
            let inner = self.not()?;
            let span = start..inner.span().end;
            return Ok(Ast::Unary(UnOp::Not, Box::new(inner), span));
        }
        self.comparison()
    }

    pub(crate) fn comparison(&mut self) -> Result<Ast, ExprError> {
        let left = self.additive()?;
        if matches!(self.peek(), Tok::Ident(s) if s == "in") {
            self.bump();
            let (view, _) = self.ident()?;
            self.expect(".")?;
            let (column, end) = self.ident()?;
            let span = left.span().start..end.end;
            return Ok(Ast::In(Box::new(left), view, column, span));
        }
        let ops = [("==", BinOp::Eq), ("!=", BinOp::Ne), ("<=", BinOp::Le), (">=", BinOp::Ge), ("<", BinOp::Lt), (">", BinOp::Gt)];
        for (sym, op) in ops {
            if self.eat(sym) {
                let right = self.additive()?;
                let span = left.span().start..right.span().end;
                return Ok(Ast::Binary(op, Box::new(left), Box::new(right), span));
            }
        }
        Ok(left)
    }

    pub(crate) fn additive(&mut self) -> Result<Ast, ExprError> {
        self.binary(&[("+", BinOp::Add), ("-", BinOp::Sub)], Self::multiplicative)
    }

    pub(crate) fn multiplicative(&mut self) -> Result<Ast, ExprError> {
        self.binary(&[("*", BinOp::Mul), ("/", BinOp::Div)], Self::unary)
    }

    pub(crate) fn unary(&mut self) -> Result<Ast, ExprError> {
        let start = self.span().start;
        if self.eat("-") {
            let inner = self.unary()?;
            let span = start..inner.span().end;
            return Ok(Ast::Unary(UnOp::Neg, Box::new(inner), span));
        }
        if self.eat("!") {
            let inner = self.unary()?;
            let span = start..inner.span().end;
            return Ok(Ast::Unary(UnOp::Not, Box::new(inner), span));
        }
        self.primary()
    }

    pub(crate) fn primary(&mut self) -> Result<Ast, ExprError> {
        let (tok, span) = self.bump();
        match tok {
            Tok::Num(n) => Ok(Ast::Lit(Value::Number(n), span)),
            Tok::Str(s) => Ok(Ast::Lit(Value::Text(s.into()), span)),
            Tok::Op("(") => {
                let inner = self.or()?;
                self.expect(")")?;
                Ok(inner)
            }
            Tok::Ident(name) => match name.as_str() {
                "true" => Ok(Ast::Lit(Value::Bool(true), span)),
                "false" => Ok(Ast::Lit(Value::Bool(false), span)),
                "null" => Ok(Ast::Lit(Value::Null, span)),
                "exists" if matches!(self.peek(), Tok::Op("(")) => {
                    self.bump();
                    let (view, _) = self.ident()?;
                    self.expect(",")?;
                    let cond = self.or()?;
                    let end = self.expect(")")?;
                    Ok(Ast::Exists(view, Box::new(cond), span.start..end.end))
                }
                _ if matches!(self.peek(), Tok::Op("(")) => {
                    self.bump();
                    let mut args = Vec::new();
                    if !matches!(self.peek(), Tok::Op(")")) {
                        loop {
                            args.push(self.or()?);
                            if !self.eat(",") {
                                break;
                            }
                        }
                    }
                    let end = self.expect(")")?;
                    Ok(Ast::Call(name, args, span.start..end.end))
                }
                _ => {
                    if self.eat(".") {
                        let (member, end) = self.ident()?;
                        return Ok(Ast::Name(name, Some(member), span.start..end.end));
                    }
                    Ok(Ast::Name(name, None, span))
                }
            },
            Tok::End => Err(syntax(span, msg!("data-expr-ends-early"))),
            Tok::Op(o) => Err(syntax(span, msg!("data-expr-unexpected", token = o))),
        }
    }
}
