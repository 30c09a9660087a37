//! Recursive-descent parser for the supported Python subset, producing `ast` nodes with spans.
//! Error messages follow CPython's wording where the subset meets them. The grammar is split by
//! construct: `statement.rs`, `pattern.rs` (match), `expression.rs`, `fstring.rs`; this file
//! holds the token cursor and error helpers they share.

mod expression;
mod fstring;
mod pattern;
mod statement;

use crate::ast::*;
use crate::error::{SyntaxError, SyntaxWarning};
use crate::lexer::{self, Tok, Token};
use crate::span::Span;

type PResult<T> = Result<T, SyntaxError>;

/// A parsed module: its statements, and the SyntaxWarnings met while reading it (in order).
#[derive(Clone, Debug)]
pub struct Parsed {
    pub body: Vec<Stmt>,
    pub warnings: Vec<SyntaxWarning>,
}

/// Parses a module. Parsing stops at the first error, as CPython's does.
pub fn parse_module(src: &str) -> PResult<Parsed> {
    let mut warnings = Vec::new();
    let body = parse_body(src, &mut warnings)?;
    Ok(Parsed { body, warnings })
}

fn parse_body(src: &str, warnings: &mut Vec<SyntaxWarning>) -> PResult<Vec<Stmt>> {
    let (tokens, lex_error) = lexer::tokenize_lenient(src, warnings);
    let lex_error = lex_error.map(|e| SyntaxError { message: e.message, line: e.line, col: e.col, unsupported: false, end: e.end });
    if tokens.is_empty() {
        return Err(lex_error.expect("the lexer gives tokens or an error"));
    }
    let mut p = Parser { toks: tokens, pos: 0, depth: 0, lines: src.lines().map(str::to_string).collect(), warnings };
    let mut body = Vec::new();
    let result = (|| {
        while !p.at_tok(&Tok::End) {
            if p.eat_tok(&Tok::Newline) {
                continue;
            }
            body.extend(p.statement()?);
        }
        Ok(())
    })();
    match (result, lex_error) {
        // A parse error inside the unclosed bracket comes first, unless it is just the cut-off end.
        (Err(e), Some(le)) if !p.at_tok(&Tok::End) => {
            let _ = le;
            Err(e)
        }
        (_, Some(le)) => Err(le),
        (Err(e), None) => Err(e),
        (Ok(()), None) => Ok(body),
    }
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
];

/// How deeply expressions and blocks may nest. CPython refuses deep nesting too ("too many nested
/// parentheses", a RecursionError during compilation); the limit keeps every later recursive pass
/// (compiler, drop) far from the stack's end, in the browser's 8 MiB stack included.
pub const MAX_NESTING: usize = 200;
/// Left-deep chains (`a + b + ...`, `a.b.c...`) become deep trees: they count too.
pub const MAX_CHAIN: usize = 2000;

struct Parser<'w> {
    toks: Vec<Token>,
    pos: usize,
    depth: usize,
    /// The source's lines, for the text of annotations.
    lines: Vec<String>,
    /// Where SyntaxWarnings go, in the order met (a nested parser, for an f-string's
    /// replacement field, writes to its parent's).
    warnings: &'w mut Vec<SyntaxWarning>,
}

impl Parser<'_> {
    /// The source text a span covers (columns count characters).
    fn source_text(&self, span: Span) -> String {
        let line = |n: u32| self.lines.get(n as usize - 1).map(String::as_str).unwrap_or("");
        if span.line == span.end_line {
            return line(span.line).chars().skip(span.col as usize).take((span.end_col - span.col) as usize).collect();
        }
        let mut text: String = line(span.line).chars().skip(span.col as usize).collect();
        for n in span.line + 1..span.end_line {
            text.push('\n');
            text.push_str(line(n));
        }
        text.push('\n');
        text.extend(line(span.end_line).chars().take(span.end_col as usize));
        text
    }

    fn peek(&self) -> &Tok {
        &self.toks[self.pos].tok
    }
    fn peek_at(&self, n: usize) -> &Tok {
        &self.toks[(self.pos + n).min(self.toks.len() - 1)].tok
    }
    fn span(&self) -> Span {
        self.toks[self.pos].span
    }
    fn prev_span(&self) -> Span {
        self.toks[self.pos.saturating_sub(1)].span
    }
    fn advance(&mut self) -> Token {
        let t = self.toks[self.pos].clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }
    fn at_tok(&self, t: &Tok) -> bool {
        self.peek() == t
    }
    fn eat_tok(&mut self, t: &Tok) -> bool {
        if self.at_tok(t) {
            self.advance();
            true
        } else {
            false
        }
    }
    fn at_op(&self, op: &str) -> bool {
        matches!(self.peek(), Tok::Op(o) if *o == op)
    }
    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }
    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Tok::Name(n) if n == kw)
    }
    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return self.error("too many nested parentheses or blocks");
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn chain_guard(&self, n: usize) -> PResult<()> {
        if n > MAX_CHAIN {
            return self.error("expression too long: maximum recursion depth exceeded during compilation");
        }
        Ok(())
    }

    fn error<T>(&self, message: impl Into<String>) -> PResult<T> {
        let s = self.span();
        Err(SyntaxError { message: message.into(), line: s.line, col: s.col, unsupported: false, end: None })
    }
    fn error_at<T>(&self, span: Span, message: impl Into<String>) -> PResult<T> {
        Err(SyntaxError {
            message: message.into(),
            line: span.line,
            col: span.col,
            unsupported: false,
            end: Some((span.end_line, span.end_col)),
        })
    }
    fn unsupported<T>(&self, span: Span, what: &str) -> PResult<T> {
        Err(SyntaxError {
            message: format!("{what} is not supported in Awaitlab's Python subset"),
            line: span.line,
            col: span.col,
            unsupported: true,
            end: None,
        })
    }
    fn invalid<T>(&self) -> PResult<T> {
        match self.peek() {
            Tok::Indent => self.error("unexpected indent"),
            Tok::End => self.error("unexpected EOF while parsing"),
            // CPython underlines the whole token it could not take.
            Tok::Newline | Tok::Dedent => self.error("invalid syntax"),
            _ => self.error_at(self.span(), "invalid syntax"),
        }
    }

    /// Can the current token begin an expression?
    fn starts_expression(&self) -> bool {
        match self.peek() {
            Tok::Name(n) => !KEYWORDS.contains(&n.as_str()) || matches!(n.as_str(), "None" | "True" | "False" | "not" | "lambda" | "await"),
            Tok::Int(_) | Tok::Float(_) | Tok::Str { .. } => true,
            Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
            _ => false,
        }
    }

    /// Inside brackets, an element followed straight by another expression: CPython's "Perhaps
    /// you forgot a comma?" (its `invalid_expression` rule), underlining both. Otherwise nothing,
    /// and the caller reports what it expected.
    fn check_forgot_comma(&mut self, element: &Expr) -> PResult<()> {
        let mut a = element;
        while let ExprKind::Lambda { body, .. } = &a.kind {
            a = body;
        }
        if matches!(a.kind, ExprKind::IfExp { .. } | ExprKind::Lambda { .. } | ExprKind::Starred(_) | ExprKind::Walrus(..))
            || !self.starts_expression()
        {
            return Ok(());
        }
        // Not after `print`/`exec` (they have their own message), nor where `a` opens with a name
        // and a string or with a soft keyword, as CPython's rule excludes.
        let first = self.toks.iter().position(|t| t.span.line == a.span.line && t.span.col == a.span.col);
        if let Some(i) = first {
            if let Tok::Name(n) = &self.toks[i].tok {
                let soft = matches!(n.as_str(), "match" | "case" | "_" | "type");
                let name_then_string = matches!(self.toks.get(i + 1).map(|t| &t.tok), Some(Tok::Str { .. }));
                let legacy = matches!(a.kind, ExprKind::Name(ref n) if n == "print" || n == "exec");
                if soft || name_then_string || legacy {
                    return Ok(());
                }
            }
        }
        let save = self.pos;
        match self.expression() {
            Ok(b) => self.error_at(a.span.to(b.span), "invalid syntax. Perhaps you forgot a comma?"),
            Err(_) => {
                self.pos = save;
                Ok(())
            }
        }
    }
    fn expect_op(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else if op == ":" {
            let s = self.prev_span();
            self.error_at(Span::new(s.end_line, s.end_col, s.end_line, s.end_col), "expected ':'")
        } else {
            self.invalid()
        }
    }
    fn expect_kw(&mut self, kw: &str) -> PResult<()> {
        if self.eat_kw(kw) {
            Ok(())
        } else {
            self.invalid()
        }
    }
    fn name(&mut self) -> PResult<String> {
        match self.peek().clone() {
            Tok::Name(n) if !KEYWORDS.contains(&n.as_str()) => {
                self.advance();
                Ok(n)
            }
            _ => self.invalid(),
        }
    }
    fn expr(&self, kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_async_program() {
        let src = "import asyncio\n\nasync def main(n=1, *a, k, **kw):\n    x = await asyncio.sleep(0.1)\n    return [i*2 for i in range(n) if i]\n\nasyncio.run(main())\n";
        let m = parse_module(src).unwrap().body;
        assert_eq!(m.len(), 3);
        match &m[1].kind {
            StmtKind::FunctionDef(f) => {
                assert!(f.is_async);
                assert_eq!(f.params.kwonly.len(), 1);
                assert_eq!(f.body.len(), 2);
            }
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn fstrings_split_into_parts() {
        let m = parse_module("f'a{x!r:>{w}}b{y=}'\n").unwrap().body;
        let StmtKind::Expr(Expr { kind: ExprKind::FString(parts), .. }) = &m[0].kind else { panic!() };
        assert_eq!(parts.len(), 4);
    }

    #[test]
    fn errors_have_positions() {
        let e = parse_module("def f(:\n    pass\n").unwrap_err();
        assert_eq!((e.line, e.col), (1, 6));
        let e = parse_module("if x\n    pass\n").unwrap_err();
        assert_eq!(e.message, "expected ':'");
        let e = parse_module("match x:\n    case 1 + 2: pass\n").unwrap_err();
        assert_eq!((e.message.as_str(), e.line, e.col), ("imaginary number required in complex literal", 2, 13));
    }

    #[test]
    fn match_is_a_soft_keyword() {
        let m = parse_module("match = [1]\nmatch[0]\nmatch(x)\nmatch x:\n    case [1, *r] | {'k': r}: pass\n").unwrap().body;
        assert!(matches!(m[3].kind, StmtKind::Match { .. }));
        assert!(m[..3].iter().all(|s| !matches!(s.kind, StmtKind::Match { .. })));
    }
}
