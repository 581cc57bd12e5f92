//! Row and scalar expressions: a small, typed language evaluated natively.
//!
//! Used where work runs once per data row (filters, table keys, sums, classes) and where Rhai
//! would cost ~150× more (../shared/RUST-NOTES.md). It is parsed and type-checked at load, so an
//! undefined name or a type error is a located diagnostic, never a run-time surprise.
//!
//! Grammar: `||`, `&&`, `!`, comparisons (`== != < <= > >=`), `+ - * /`, parentheses, literals
//! (`12.5`, `'text'`, `true`, `false`, `null`), names (`AGE`, `param_name`, `step.attr`),
//! membership (`X in view.COLUMN`), `exists(view, condition)` and the functions of [`Func`].
//! Null semantics: arithmetic with null gives null; a comparison with null is false except
//! `== null` / `!= null`; `!`, `&&`, `||` read null as false.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::rules::strict::parse_decimal;
use crate::value::{Kind, Rounding, RoundingMode, Value};

/// An expression as written, with byte spans inside its text.
#[derive(Debug, Clone, PartialEq)]
pub enum Ast {
    Lit(Value, Range<usize>),
    Name(String, Option<String>, Range<usize>),
    Unary(UnOp, Box<Ast>, Range<usize>),
    Binary(BinOp, Box<Ast>, Box<Ast>, Range<usize>),
    Call(String, Vec<Ast>, Range<usize>),
    In(Box<Ast>, String, String, Range<usize>),
    Exists(String, Box<Ast>, Range<usize>),
}

impl Ast {
    pub fn span(&self) -> Range<usize> {
        match self {
            Ast::Lit(_, s)
            | Ast::Name(_, _, s)
            | Ast::Unary(_, _, s)
            | Ast::Binary(_, _, _, s)
            | Ast::Call(_, _, s)
            | Ast::In(_, _, _, s)
            | Ast::Exists(_, _, s) => s.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    Not,
    Neg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    fn symbol(self) -> &'static str {
        match self {
            BinOp::Or => "||",
            BinOp::And => "&&",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }
}

/// An error of parsing or checking, with its span inside the expression text.
#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    pub span: Range<usize>,
    pub message: String,
    pub kind: ExprErrorKind,
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprErrorKind {
    Syntax,
    Undefined,
    Type,
}

fn syntax(span: Range<usize>, message: impl Into<String>) -> ExprError {
    ExprError { span, message: message.into(), kind: ExprErrorKind::Syntax, hint: None }
}

fn type_error(span: Range<usize>, message: impl Into<String>) -> ExprError {
    ExprError { span, message: message.into(), kind: ExprErrorKind::Type, hint: None }
}

// ---------------------------------------------------------------------------------------------
// Lexer and parser

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Num(Decimal),
    Str(String),
    Op(&'static str),
    End,
}

fn lex(text: &str) -> Result<Vec<(Tok, Range<usize>)>, ExprError> {
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
            let n = parse_decimal(&lit).ok_or_else(|| syntax(start..i, format!("`{lit}` is not a number")))?;
            out.push((Tok::Num(n), start..i));
        } else if c == b'\'' || c == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != c {
                i += 1;
            }
            if i >= bytes.len() {
                return Err(syntax(start..text.len(), "unterminated text literal"));
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
                        let hint = match ch {
                            '=' => " (write `==` to compare)",
                            '&' => " (write `&&`)",
                            '|' => " (write `||`)",
                            _ => "",
                        };
                        return Err(syntax(i..i + ch.len_utf8(), format!("unexpected character `{ch}`{hint}")));
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

struct Parser {
    toks: Vec<(Tok, Range<usize>)>,
    pos: usize,
}

/// Parses an expression.
pub fn parse(text: &str) -> Result<Ast, ExprError> {
    let mut p = Parser { toks: lex(text)?, pos: 0 };
    if p.peek() == &Tok::End {
        return Err(syntax(0..text.len(), "empty expression"));
    }
    let ast = p.or()?;
    match p.peek() {
        Tok::End => Ok(ast),
        _ => Err(syntax(p.span(), format!("unexpected `{}` after a complete expression", p.describe()))),
    }
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].0
    }

    fn span(&self) -> Range<usize> {
        self.toks[self.pos].1.clone()
    }

    fn describe(&self) -> String {
        match self.peek() {
            Tok::Ident(s) => s.clone(),
            Tok::Num(n) => n.to_string(),
            Tok::Str(s) => format!("'{s}'"),
            Tok::Op(o) => o.to_string(),
            Tok::End => "end of expression".to_string(),
        }
    }

    fn bump(&mut self) -> (Tok, Range<usize>) {
        let t = self.toks[self.pos].clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    fn eat(&mut self, op: &str) -> bool {
        if matches!(self.peek(), Tok::Op(o) if *o == op) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, op: &str) -> Result<Range<usize>, ExprError> {
        let span = self.span();
        if self.eat(op) { Ok(span) } else { Err(syntax(span, format!("expected `{op}`, found `{}`", self.describe()))) }
    }

    fn ident(&mut self) -> Result<(String, Range<usize>), ExprError> {
        match self.bump() {
            (Tok::Ident(s), span) => Ok((s, span)),
            (_, span) => Err(syntax(span, "expected a name")),
        }
    }

    fn binary(&mut self, ops: &[(&str, BinOp)], next: fn(&mut Self) -> Result<Ast, ExprError>) -> Result<Ast, ExprError> {
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

    fn or(&mut self) -> Result<Ast, ExprError> {
        self.binary(&[("||", BinOp::Or)], Self::and)
    }

    fn and(&mut self) -> Result<Ast, ExprError> {
        self.binary(&[("&&", BinOp::And)], Self::not)
    }

    fn not(&mut self) -> Result<Ast, ExprError> {
        let start = self.span().start;
        if self.eat("!") {
            let inner = self.not()?;
            let span = start..inner.span().end;
            return Ok(Ast::Unary(UnOp::Not, Box::new(inner), span));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Ast, ExprError> {
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

    fn additive(&mut self) -> Result<Ast, ExprError> {
        self.binary(&[("+", BinOp::Add), ("-", BinOp::Sub)], Self::multiplicative)
    }

    fn multiplicative(&mut self) -> Result<Ast, ExprError> {
        self.binary(&[("*", BinOp::Mul), ("/", BinOp::Div)], Self::unary)
    }

    fn unary(&mut self) -> Result<Ast, ExprError> {
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

    fn primary(&mut self) -> Result<Ast, ExprError> {
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
            Tok::End => Err(syntax(span, "the expression ends too early")),
            Tok::Op(o) => Err(syntax(span, format!("unexpected `{o}`"))),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Checked expressions

/// The built-in functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// `years_between(from, to)`: whole years elapsed (an age).
    YearsBetween,
    /// `days_between(from, to)`: days from `from` to `to`.
    DaysBetween,
    /// `year(date)`.
    Year,
    Min,
    Max,
    Abs,
    /// `if(condition, then, else)`.
    If,
    /// `coalesce(a, b)`: `a` unless it is null.
    Coalesce,
    /// `is_null(x)`.
    IsNull,
    /// `round(x, step)`: half-up to a multiple of `step`.
    Round,
    /// `date('2025-12-31')`.
    Date,
}

impl Func {
    pub const NAMES: &'static [&'static str] =
        &["years_between", "days_between", "year", "min", "max", "abs", "if", "coalesce", "is_null", "round", "date"];

    fn parse(name: &str) -> Option<Func> {
        Some(match name {
            "years_between" => Func::YearsBetween,
            "days_between" => Func::DaysBetween,
            "year" => Func::Year,
            "min" => Func::Min,
            "max" => Func::Max,
            "abs" => Func::Abs,
            "if" => Func::If,
            "coalesce" => Func::Coalesce,
            "is_null" => Func::IsNull,
            "round" => Func::Round,
            "date" => Func::Date,
            _ => return None,
        })
    }
}

/// A checked expression whose names are resolved to slots the evaluator reads through [`Env`].
#[derive(Debug, Clone)]
pub enum Expr {
    Const(Value),
    /// A reference resolved by the [`Resolver`]; the evaluator hands it back to the [`Env`].
    Ref(Slot),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Bin(BinOp, Box<Expr>, Box<Expr>),
    Call(Func, Vec<Expr>),
    In(Box<Expr>, usize),
    Exists(usize, Box<Expr>),
}

/// What a name resolved to, opaque to this module: the resolver and the environment agree on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Slot {
    pub space: u8,
    pub index: u32,
    pub sub: u32,
}

/// Resolves names while an expression is checked.
pub trait Resolver {
    /// `name` or `name.member` in the current scope.
    fn name(&mut self, name: &str, member: Option<&str>) -> Result<(Slot, Kind), String>;
    /// The set of values of `view.column`, for `x in view.column`; returns its id and kind.
    fn set(&mut self, view: &str, column: &str) -> Result<(usize, Kind), String>;
    /// Opens the scope of the rows of `view` for `exists`; returns its id.
    fn enter(&mut self, view: &str) -> Result<usize, String>;
    fn leave(&mut self);
}

/// Supplies values while an expression is evaluated.
pub trait Env {
    fn get(&self, slot: Slot) -> Value;
    /// The value of `slot` without a copy, when the environment holds it (comparisons and
    /// conditions, the bulk of per-row work, then move nothing).
    fn get_ref(&self, _slot: Slot) -> Option<&Value> {
        None
    }
    fn contains(&self, set: usize, value: &Value) -> bool;
    fn exists(&self, view: usize, cond: &Expr) -> bool;
}

/// Checks `ast` against the names the resolver knows; returns the expression and its kind.
pub fn check(ast: &Ast, r: &mut dyn Resolver) -> Result<(Expr, Kind), ExprError> {
    match ast {
        Ast::Lit(v, _) => Ok((Expr::Const(v.clone()), v.kind())),
        Ast::Name(name, member, span) => {
            let (slot, kind) = r.name(name, member.as_deref()).map_err(|message| ExprError {
                span: span.clone(),
                message,
                kind: ExprErrorKind::Undefined,
                hint: None,
            })?;
            Ok((Expr::Ref(slot), kind))
        }
        Ast::Unary(op, inner, span) => {
            let (e, k) = check(inner, r)?;
            match op {
                UnOp::Not => {
                    expect_kind(k, Kind::Bool, span, "`!` applies to a condition")?;
                    Ok((Expr::Not(Box::new(e)), Kind::Bool))
                }
                UnOp::Neg => {
                    expect_kind(k, Kind::Number, span, "`-` applies to a number")?;
                    Ok((Expr::Neg(Box::new(e)), Kind::Number))
                }
            }
        }
        Ast::Binary(op, a, b, span) => {
            let (ea, ka) = check(a, r)?;
            let (eb, kb) = check(b, r)?;
            let kind = binary_kind(*op, ka, kb)
                .ok_or_else(|| type_error(span.clone(), format!("cannot apply `{}` to {} and {}", op.symbol(), ka.name(), kb.name())))?;
            Ok((Expr::Bin(*op, Box::new(ea), Box::new(eb)), kind))
        }
        Ast::Call(name, args, span) => check_call(name, args, span, r),
        Ast::In(value, view, column, span) => {
            let (e, k) = check(value, r)?;
            let (set, set_kind) = r.set(view, column).map_err(|message| ExprError {
                span: span.clone(),
                message,
                kind: ExprErrorKind::Undefined,
                hint: None,
            })?;
            if k != set_kind && k != Kind::Null {
                return Err(type_error(span.clone(), format!("cannot look a {} up among {} values", k.name(), set_kind.name())));
            }
            Ok((Expr::In(Box::new(e), set), Kind::Bool))
        }
        Ast::Exists(view, cond, span) => {
            let id =
                r.enter(view).map_err(|message| ExprError { span: span.clone(), message, kind: ExprErrorKind::Undefined, hint: None })?;
            let checked = check(cond, r);
            r.leave();
            let (e, k) = checked?;
            expect_kind(k, Kind::Bool, &cond.span(), "the condition of `exists` must be a condition")?;
            Ok((Expr::Exists(id, Box::new(e)), Kind::Bool))
        }
    }
}

fn expect_kind(found: Kind, want: Kind, span: &Range<usize>, message: &str) -> Result<(), ExprError> {
    if found == want || found == Kind::Null {
        Ok(())
    } else {
        Err(type_error(span.clone(), format!("{message}, found a {}", found.name())))
    }
}

fn binary_kind(op: BinOp, a: Kind, b: Kind) -> Option<Kind> {
    let same = a == b || a == Kind::Null || b == Kind::Null;
    match op {
        BinOp::Or | BinOp::And => (matches!(a, Kind::Bool | Kind::Null) && matches!(b, Kind::Bool | Kind::Null)).then_some(Kind::Bool),
        BinOp::Eq | BinOp::Ne => same.then_some(Kind::Bool),
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => (same && a != Kind::Bool).then_some(Kind::Bool),
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
            (matches!(a, Kind::Number | Kind::Null) && matches!(b, Kind::Number | Kind::Null)).then_some(Kind::Number)
        }
    }
}

fn check_call(name: &str, args: &[Ast], span: &Range<usize>, r: &mut dyn Resolver) -> Result<(Expr, Kind), ExprError> {
    let Some(func) = Func::parse(name) else {
        let mut e = ExprError {
            span: span.clone(),
            message: format!("unknown function `{name}`"),
            kind: ExprErrorKind::Undefined,
            hint: Some(format!("functions: {}", Func::NAMES.join(", "))),
        };
        if let Some(close) = crate::diagnostic::did_you_mean(name, Func::NAMES.iter().copied()) {
            e.hint = Some(format!("did you mean `{close}`?"));
        }
        return Err(e);
    };
    if func == Func::Date {
        return match args {
            [Ast::Lit(Value::Text(s), _)] => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| (Expr::Const(Value::Date(d)), Kind::Date))
                .map_err(|_| type_error(span.clone(), format!("`{s}` is not a date written AAAA-MM-JJ"))),
            _ => Err(type_error(span.clone(), "date() takes one text literal, e.g. date('2025-12-31')")),
        };
    }
    let mut checked = Vec::with_capacity(args.len());
    for a in args {
        checked.push(check(a, r)?);
    }
    let kinds: Vec<Kind> = checked.iter().map(|(_, k)| *k).collect();
    let ok = |want: &[Kind]| want.len() == kinds.len() && want.iter().zip(&kinds).all(|(w, k)| w == k || *k == Kind::Null);
    use Kind::*;
    let result = match func {
        Func::YearsBetween | Func::DaysBetween if ok(&[Date, Date]) => Some(Number),
        Func::Year if ok(&[Date]) => Some(Number),
        Func::Min | Func::Max if ok(&[Number, Number]) => Some(Number),
        Func::Abs if ok(&[Number]) => Some(Number),
        Func::Round if ok(&[Number, Number]) => Some(Number),
        Func::IsNull if kinds.len() == 1 => Some(Bool),
        Func::If if kinds.len() == 3 && matches!(kinds[0], Bool | Null) && (kinds[1] == kinds[2] || kinds[2] == Null) => Some(kinds[1]),
        Func::If if kinds.len() == 3 && kinds[1] == Null => Some(kinds[2]),
        Func::Coalesce if kinds.len() == 2 && (kinds[0] == kinds[1] || kinds[0] == Null) => Some(kinds[1]),
        _ => None,
    };
    let Some(kind) = result else {
        let found: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
        return Err(type_error(span.clone(), format!("`{name}` cannot take ({})", found.join(", "))));
    };
    Ok((Expr::Call(func, checked.into_iter().map(|(e, _)| e).collect()), kind))
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/// Evaluates a checked expression. Arithmetic errors (division by zero, overflow) give `Err`.
pub fn eval(e: &Expr, env: &dyn Env) -> Result<Value, String> {
    Ok(match e {
        Expr::Const(v) => v.clone(),
        Expr::Ref(slot) => env.get(*slot),
        Expr::Not(inner) => Value::Bool(!truthy(&eval(inner, env)?)),
        Expr::Neg(inner) => match eval(inner, env)? {
            Value::Number(n) => Value::Number(-n),
            _ => Value::Null,
        },
        Expr::Bin(op, a, b) => binary(*op, a, b, env)?,
        Expr::Call(func, args) => call(*func, args, env)?,
        Expr::In(value, set) => {
            if let Some(v) = peek(value, env) {
                return Ok(Value::Bool(*v != Value::Null && env.contains(*set, v)));
            }
            let v = eval(value, env)?;
            Value::Bool(v != Value::Null && env.contains(*set, &v))
        }
        Expr::Exists(view, cond) => Value::Bool(env.exists(*view, cond)),
    })
}

/// Evaluates a condition: null and non-booleans are false.
pub fn eval_bool(e: &Expr, env: &dyn Env) -> Result<bool, String> {
    if let Some(v) = peek(e, env) {
        return Ok(truthy(v));
    }
    Ok(truthy(&eval(e, env)?))
}

/// A constant or a value the environment holds, by reference.
fn peek<'e>(e: &'e Expr, env: &'e dyn Env) -> Option<&'e Value> {
    match e {
        Expr::Const(v) => Some(v),
        Expr::Ref(slot) => env.get_ref(*slot),
        _ => None,
    }
}

fn compare(op: BinOp, va: &Value, vb: &Value) -> Value {
    match op {
        BinOp::Eq => Value::Bool(va == vb),
        BinOp::Ne => Value::Bool(va != vb),
        _ => {
            if *va == Value::Null || *vb == Value::Null {
                return Value::Bool(false);
            }
            let ord = va.cmp(vb);
            Value::Bool(match op {
                BinOp::Lt => ord.is_lt(),
                BinOp::Le => ord.is_le(),
                BinOp::Gt => ord.is_gt(),
                _ => ord.is_ge(),
            })
        }
    }
}

fn truthy(v: &Value) -> bool {
    matches!(v, Value::Bool(true))
}

fn binary(op: BinOp, a: &Expr, b: &Expr, env: &dyn Env) -> Result<Value, String> {
    match op {
        BinOp::And => return Ok(Value::Bool(eval_bool(a, env)? && eval_bool(b, env)?)),
        BinOp::Or => return Ok(Value::Bool(eval_bool(a, env)? || eval_bool(b, env)?)),
        _ => {}
    }
    let comparison = matches!(op, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge);
    if comparison && let (Some(va), Some(vb)) = (peek(a, env), peek(b, env)) {
        return Ok(compare(op, va, vb));
    }
    let va = eval(a, env)?;
    let vb = eval(b, env)?;
    Ok(match op {
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => compare(op, &va, &vb),
        _ => {
            let (Value::Number(x), Value::Number(y)) = (va, vb) else { return Ok(Value::Null) };
            let r = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                _ => {
                    if y.is_zero() {
                        return Err(format!("division of {x} by zero"));
                    }
                    x.checked_div(y)
                }
            };
            Value::Number(r.ok_or_else(|| format!("arithmetic overflow in {x} {} {y}", op.symbol()))?)
        }
    })
}

fn call(func: Func, args: &[Expr], env: &dyn Env) -> Result<Value, String> {
    if func == Func::If {
        return if eval_bool(&args[0], env)? { eval(&args[1], env) } else { eval(&args[2], env) };
    }
    // Every function but `if` takes at most two arguments: they are evaluated into a buffer on
    // the stack, as this runs for every row.
    let mut buffer = [Value::Null, Value::Null];
    if args.len() > buffer.len() {
        return Ok(Value::Null);
    }
    for (slot, a) in buffer.iter_mut().zip(args) {
        *slot = eval(a, env)?;
    }
    let vals = &buffer[..args.len()];
    Ok(match (func, vals) {
        (Func::IsNull, [v]) => Value::Bool(*v == Value::Null),
        (Func::Coalesce, [a, b]) => {
            if *a == Value::Null {
                b.clone()
            } else {
                a.clone()
            }
        }
        (Func::YearsBetween, [Value::Date(a), Value::Date(b)]) => Value::Number(Decimal::from(whole_years(*a, *b))),
        (Func::DaysBetween, [Value::Date(a), Value::Date(b)]) => Value::Number(Decimal::from((*b - *a).num_days())),
        (Func::Year, [Value::Date(a)]) => Value::Number(Decimal::from(a.year())),
        (Func::Min, [Value::Number(a), Value::Number(b)]) => Value::Number(*a.min(b)),
        (Func::Max, [Value::Number(a), Value::Number(b)]) => Value::Number(*a.max(b)),
        (Func::Abs, [Value::Number(a)]) => Value::Number(a.abs()),
        (Func::Round, [Value::Number(a), Value::Number(step)]) => {
            Value::Number(Rounding { step: *step, mode: RoundingMode::HalfUp }.apply(*a))
        }
        _ => Value::Null,
    })
}

/// Whole years from `from` to `to`: the age on `to` of someone born on `from`.
pub fn whole_years(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}

/// Every name an expression mentions (`name` or `name.member` as `name`), in order of appearance;
/// views of `in` and `exists` included.
pub fn names(ast: &Ast, out: &mut Vec<String>) {
    match ast {
        Ast::Lit(..) => {}
        Ast::Name(n, _, _) => out.push(n.clone()),
        Ast::Unary(_, a, _) => names(a, out),
        Ast::Binary(_, a, b, _) => {
            names(a, out);
            names(b, out);
        }
        Ast::Call(_, args, _) => args.iter().for_each(|a| names(a, out)),
        Ast::In(v, view, _, _) => {
            names(v, out);
            out.push(view.clone());
        }
        Ast::Exists(view, c, _) => {
            out.push(view.clone());
            names(c, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct Vars(HashMap<String, Value>);

    impl Resolver for Vars {
        fn name(&mut self, name: &str, member: Option<&str>) -> Result<(Slot, Kind), String> {
            if member.is_some() {
                return Err(format!("`{name}` has no members"));
            }
            let keys: Vec<&String> = self.0.keys().collect();
            let idx = keys.iter().position(|k| *k == name).ok_or_else(|| format!("unknown name `{name}`"))?;
            Ok((Slot { space: 0, index: idx as u32, sub: 0 }, self.0[name].kind()))
        }
        fn set(&mut self, _: &str, _: &str) -> Result<(usize, Kind), String> {
            Ok((0, Kind::Text))
        }
        fn enter(&mut self, v: &str) -> Result<usize, String> {
            Err(format!("no view `{v}`"))
        }
        fn leave(&mut self) {}
    }

    impl Env for Vars {
        fn get(&self, slot: Slot) -> Value {
            self.0.values().nth(slot.index as usize).cloned().unwrap()
        }
        fn contains(&self, _: usize, v: &Value) -> bool {
            *v == Value::Text("a".into())
        }
        fn exists(&self, _: usize, _: &Expr) -> bool {
            false
        }
    }

    fn run(src: &str) -> Result<Value, String> {
        let mut vars = Vars(
            [
                ("AGE", Value::Number(Decimal::from(67))),
                ("AME", Value::Bool(false)),
                ("NIR", Value::Text("a".into())),
                ("EXIT", Value::Null),
                ("BORN", Value::Date(NaiveDate::from_ymd_opt(1958, 12, 31).unwrap())),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        );
        let ast = parse(src).map_err(|e| e.message)?;
        let (e, _) = check(&ast, &mut vars).map_err(|e| e.message)?;
        eval(&e, &vars)
    }

    #[test]
    fn evaluates_conditions_and_arithmetic() {
        assert_eq!(run("AGE >= 65 && !AME").unwrap(), Value::Bool(true));
        assert_eq!(run("AGE > 67 || AME").unwrap(), Value::Bool(false));
        assert_eq!(run("1.5 * (AGE - 7) / 4").unwrap(), Value::Number(Decimal::new(225, 1)));
        assert_eq!(run("NIR in pats.NIR").unwrap(), Value::Bool(true));
        assert_eq!(run("if(AME, 1, 2) + 0").unwrap(), Value::Number(Decimal::TWO));
        assert_eq!(run("years_between(BORN, date('2025-12-30'))").unwrap(), Value::Number(Decimal::from(66)));
        assert_eq!(run("years_between(BORN, date('2025-12-31'))").unwrap(), Value::Number(Decimal::from(67)));
    }

    #[test]
    fn null_compares_false_but_equals_null() {
        assert_eq!(run("EXIT >= date('2025-01-01')").unwrap(), Value::Bool(false));
        assert_eq!(run("EXIT == null").unwrap(), Value::Bool(true));
        assert_eq!(run("coalesce(EXIT, date('2025-12-31')) == date('2025-12-31')").unwrap(), Value::Bool(true));
    }

    #[test]
    fn rejects_bad_expressions_with_clear_messages() {
        assert_eq!(run("AGE >= ").unwrap_err(), "the expression ends too early");
        assert_eq!(run("AGE = 3").unwrap_err(), "unexpected character `=` (write `==` to compare)");
        assert_eq!(run("AGEE > 3").unwrap_err(), "unknown name `AGEE`");
        assert_eq!(run("AGE && AME").unwrap_err(), "cannot apply `&&` to number and boolean");
        assert_eq!(run("lenght(NIR)").unwrap_err(), "unknown function `lenght`");
        assert_eq!(run("1 / (AGE - 67)").unwrap_err(), "division of 1 by zero");
    }
}
