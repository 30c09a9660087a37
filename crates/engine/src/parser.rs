//! Recursive-descent parser for the supported Python subset, producing `ast` nodes with spans.
//! Error messages follow CPython's wording where the subset meets them.

use crate::ast::*;
use crate::lexer::{self, Tok, Token};
use crate::span::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub line: u32,
    pub col: u32,
    /// `NotImplementedError` rather than `SyntaxError`: valid Python outside Awaitlab's subset.
    pub unsupported: bool,
    /// Where the offending part ends (line, column), when it is more than one character: the
    /// report underlines it, as CPython's does.
    pub end: Option<(u32, u32)>,
}

type PResult<T> = Result<T, SyntaxError>;

pub fn parse_module(src: &str) -> PResult<Vec<Stmt>> {
    let (tokens, lex_error) = lexer::tokenize_lenient(src);
    let lex_error = lex_error.map(|e| SyntaxError { message: e.message, line: e.line, col: e.col, unsupported: false, end: None });
    if tokens.is_empty() {
        return Err(lex_error.expect("the lexer gives tokens or an error"));
    }
    let mut p = Parser { toks: tokens, pos: 0, depth: 0, lines: src.lines().map(str::to_string).collect() };
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
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// How deeply expressions and blocks may nest. CPython refuses deep nesting too ("too many nested
/// parentheses", a RecursionError during compilation); the limit keeps every later recursive pass
/// (compiler, drop) far from the stack's end, in the browser's 8 MiB stack included.
pub const MAX_NESTING: usize = 200;
/// Left-deep chains (`a + b + ...`, `a.b.c...`) become deep trees: they count too.
pub const MAX_CHAIN: usize = 2000;

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    depth: usize,
    /// The source's lines, for the text of annotations.
    lines: Vec<String>,
}

impl Parser {
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
        Err(SyntaxError { message: message.into(), line: span.line, col: span.col, unsupported: false, end: Some((span.end_line, span.end_col)) })
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
        if matches!(a.kind, ExprKind::IfExp { .. } | ExprKind::Lambda { .. } | ExprKind::Starred(_) | ExprKind::Walrus(..)) || !self.starts_expression() {
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

    // ---------- statements ----------

    fn statement(&mut self) -> PResult<Vec<Stmt>> {
        self.enter()?;
        let r = self.statement_inner();
        self.leave();
        r
    }

    fn statement_inner(&mut self) -> PResult<Vec<Stmt>> {
        let start = self.span();
        if let Tok::Name(n) = self.peek().clone() {
            match n.as_str() {
                "if" => return Ok(vec![self.if_stmt()?]),
                "while" => return Ok(vec![self.while_stmt()?]),
                "for" => return Ok(vec![self.for_stmt(false, start)?]),
                "try" => return Ok(vec![self.try_stmt()?]),
                "with" => return Ok(vec![self.with_stmt(false, start)?]),
                "def" => return Ok(vec![self.funcdef(vec![], false, start)?]),
                "class" => return Ok(vec![self.classdef(vec![], start)?]),
                "async" => {
                    self.advance();
                    return match self.peek() {
                        Tok::Name(k) if k == "def" => Ok(vec![self.funcdef(vec![], true, start)?]),
                        Tok::Name(k) if k == "for" => Ok(vec![self.for_stmt(true, start)?]),
                        Tok::Name(k) if k == "with" => Ok(vec![self.with_stmt(true, start)?]),
                        _ => self.invalid(),
                    };
                }
                "match" => {
                    if let Some(m) = self.match_stmt()? {
                        return Ok(vec![m]);
                    }
                }
                _ => {}
            }
        }
        if self.at_op("@") {
            let mut decorators = vec![];
            while self.eat_op("@") {
                decorators.push(self.named_expr()?);
                if !self.eat_tok(&Tok::Newline) {
                    return self.invalid();
                }
            }
            let s = self.span();
            if self.eat_kw("async") {
                return Ok(vec![self.funcdef(decorators, true, s)?]);
            }
            if self.at_kw("def") {
                return Ok(vec![self.funcdef(decorators, false, s)?]);
            }
            if self.at_kw("class") {
                return Ok(vec![self.classdef(decorators, s)?]);
            }
            return self.invalid();
        }
        self.simple_statements()
    }

    fn simple_statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut out = vec![self.simple_statement()?];
        while self.eat_op(";") {
            if self.at_tok(&Tok::Newline) {
                break;
            }
            out.push(self.simple_statement()?);
        }
        if !self.eat_tok(&Tok::Newline) {
            return self.invalid();
        }
        Ok(out)
    }

    fn simple_statement(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let kind = match self.peek().clone() {
            Tok::Name(n) => match n.as_str() {
                "pass" => {
                    self.advance();
                    StmtKind::Pass
                }
                "break" => {
                    self.advance();
                    StmtKind::Break
                }
                "continue" => {
                    self.advance();
                    StmtKind::Continue
                }
                "return" => {
                    self.advance();
                    let value = if self.at_simple_end() { None } else { Some(self.star_expressions()?) };
                    StmtKind::Return(value)
                }
                "raise" => {
                    self.advance();
                    let exc = if self.at_simple_end() { None } else { Some(self.expression()?) };
                    let cause = if exc.is_some() && self.eat_kw("from") { Some(self.expression()?) } else { None };
                    StmtKind::Raise { exc, cause }
                }
                "assert" => {
                    self.advance();
                    let test = self.expression()?;
                    let msg = if self.eat_op(",") { Some(self.expression()?) } else { None };
                    StmtKind::Assert { test, msg }
                }
                "del" => {
                    self.advance();
                    let mut targets = vec![self.bitor()?];
                    while self.eat_op(",") {
                        if self.at_simple_end() {
                            break;
                        }
                        targets.push(self.bitor()?);
                    }
                    StmtKind::Delete(targets)
                }
                "global" | "nonlocal" => {
                    self.advance();
                    let mut names = vec![self.name()?];
                    while self.eat_op(",") {
                        names.push(self.name()?);
                    }
                    if n == "global" {
                        StmtKind::Global(names)
                    } else {
                        StmtKind::Nonlocal(names)
                    }
                }
                "import" => {
                    self.advance();
                    let mut names = vec![];
                    loop {
                        let name = self.dotted_name()?;
                        let alias = if self.eat_kw("as") { Some(self.name()?) } else { None };
                        names.push((name, alias));
                        if !self.eat_op(",") {
                            break;
                        }
                    }
                    StmtKind::Import(names)
                }
                "from" => {
                    self.advance();
                    if self.at_op(".") || self.at_op("...") {
                        return self.unsupported(start, "relative import");
                    }
                    let module = self.dotted_name()?;
                    self.expect_kw("import")?;
                    let mut names = vec![];
                    if self.eat_op("*") {
                        names.push(("*".to_string(), None));
                    } else {
                        let paren = self.eat_op("(");
                        loop {
                            let name = self.name()?;
                            let alias = if self.eat_kw("as") { Some(self.name()?) } else { None };
                            names.push((name, alias));
                            if !self.eat_op(",") || (paren && self.at_op(")")) {
                                break;
                            }
                        }
                        if paren {
                            self.expect_op(")")?;
                        }
                    }
                    StmtKind::ImportFrom { module, names }
                }
                _ => return self.expr_statement(),
            },
            _ => return self.expr_statement(),
        };
        Ok(Stmt { kind, span: start.to(self.prev_span()) })
    }

    fn at_simple_end(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::End) || self.at_op(";")
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.name()?;
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(name)
    }

    fn expr_statement(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let first = if self.at_kw("yield") { self.yield_expr()? } else { self.star_expressions()? };
        // Python 2's `print x`: CPython names the missing parentheses.
        if let ExprKind::Name(n) = &first.kind {
            if (n == "print" || n == "exec") && self.starts_expression() {
                let save = self.pos;
                if let Ok(rest) = self.star_expressions() {
                    return self.error_at(first.span.to(rest.span), format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"));
                }
                self.pos = save;
            }
        }
        if self.eat_op(":") {
            check_target(&first, false)?;
            let annotation = self.expression()?;
            let annotation = self.source_text(annotation.span);
            let value = if self.eat_op("=") { Some(self.assign_value()?) } else { None };
            return Ok(Stmt { kind: StmtKind::AnnAssign { target: first, annotation, value }, span: start.to(self.prev_span()) });
        }
        if let Tok::Op(op) = self.peek().clone() {
            if let Some(binop) = aug_op(op) {
                self.advance();
                if !matches!(first.kind, ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)) {
                    return self.error_at(
                        first.span,
                        format!("'{}' is an illegal expression for augmented assignment", describe(&first)),
                    );
                }
                let value = self.assign_value()?;
                return Ok(Stmt {
                    kind: StmtKind::AugAssign { target: first, op: binop, value },
                    span: start.to(self.prev_span()),
                });
            }
        }
        if self.at_op("=") {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.expect_op("=")?;
                value = self.assign_value()?;
                if !self.at_op("=") {
                    break;
                }
                targets.push(value);
            }
            let lone = targets.len() == 1;
            for t in &targets {
                check_target(t, lone)?;
            }
            return Ok(Stmt { kind: StmtKind::Assign { targets, value }, span: start.to(self.prev_span()) });
        }
        Ok(Stmt { kind: StmtKind::Expr(first), span: start.to(self.prev_span()) })
    }

    fn assign_value(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            return self.yield_expr();
        }
        self.star_expressions()
    }

    fn block(&mut self) -> PResult<Vec<Stmt>> {
        self.block_after("")
    }

    /// A suite; `after` names the statement for CPython's "expected an indented block after ..." message.
    fn block_after(&mut self, after: &str) -> PResult<Vec<Stmt>> {
        let header_line = self.toks[self.pos.saturating_sub(1)].span.line;
        self.expect_op(":")?;
        if !self.eat_tok(&Tok::Newline) {
            return self.simple_statements();
        }
        if !self.eat_tok(&Tok::Indent) {
            let s = self.span();
            let msg = if after.is_empty() {
                "expected an indented block".to_string()
            } else {
                format!("expected an indented block after {after} on line {header_line}")
            };
            return self.error_at(Span::new(s.line, s.col, s.line, s.col), msg);
        }
        let mut body = vec![];
        while !self.eat_tok(&Tok::Dedent) {
            if self.at_tok(&Tok::End) {
                break;
            }
            body.extend(self.statement()?);
        }
        Ok(body)
    }

    /// `match subject:` and its cases; None when `match` here is a plain name (a soft keyword:
    /// `match = 1`, `match(x)`), as CPython's grammar decides by trying this rule first.
    fn match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.span();
        let save = self.pos;
        self.advance();
        let subject = match self.match_subject() {
            Ok(e) if self.at_op(":") && matches!(self.peek_at(1), Tok::Newline) => e,
            _ => {
                self.pos = save;
                return Ok(None);
            }
        };
        self.advance(); // ':'
        self.advance(); // newline
        if !self.eat_tok(&Tok::Indent) {
            return self.error(format!("expected an indented block after 'match' statement on line {}", start.line));
        }
        let mut cases = vec![];
        while !self.eat_tok(&Tok::Dedent) {
            if matches!(self.peek(), Tok::End) {
                break;
            }
            if !self.at_kw("case") {
                return self.invalid();
            }
            let case_start = self.span();
            self.advance();
            let pattern = self.patterns()?;
            let guard = if self.eat_kw("if") { Some(self.named_expr()?) } else { None };
            let body = self.block_after("'case' statement")?;
            let _ = case_start;
            cases.push(MatchCase { pattern, guard, body });
        }
        if cases.is_empty() {
            return self.invalid();
        }
        Ok(Some(Stmt { kind: StmtKind::Match { subject, cases }, span: start.to(self.prev_span()) }))
    }

    fn match_subject(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_named_expr()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(":") {
                break;
            }
            items.push(self.star_named_expr()?);
        }
        Ok(self.expr(ExprKind::Tuple(items), start.to(self.prev_span())))
    }

    fn star_named_expr(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.eat_op("*") {
            let inner = self.bitor()?;
            return Ok(self.expr(ExprKind::Starred(Box::new(inner)), start.to(self.prev_span())));
        }
        self.named_expr()
    }

    fn pattern_node(&self, kind: PatternKind, span: Span) -> Pattern {
        Pattern { kind, span }
    }

    /// A case's pattern: `1, 2` without brackets is a sequence pattern.
    fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let first = self.maybe_star_pattern()?;
        if !self.at_op(",") {
            if matches!(first.kind, PatternKind::Star(_)) {
                return self.invalid();
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(":") || self.at_kw("if") {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(self.pattern_node(PatternKind::Sequence(items), start.to(self.prev_span())))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        if self.eat_op("*") {
            let name = self.name()?;
            let name = if name == "_" { None } else { Some(name) };
            return Ok(self.pattern_node(PatternKind::Star(name), start.to(self.prev_span())));
        }
        self.pattern()
    }

    /// `or_pattern ['as' NAME]`.
    fn pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let p = self.or_pattern()?;
        if self.eat_kw("as") {
            let at = self.span();
            let name = self.name()?;
            if name == "_" {
                return self.error_at(at, "cannot use '_' as a target");
            }
            return Ok(self.pattern_node(PatternKind::As { pattern: Some(Box::new(p)), name: Some(name) }, start.to(self.prev_span())));
        }
        Ok(p)
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let first = self.closed_pattern()?;
        if !self.at_op("|") {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat_op("|") {
            alts.push(self.closed_pattern()?);
        }
        Ok(self.pattern_node(PatternKind::Or(alts), start.to(self.prev_span())))
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        match self.peek().clone() {
            Tok::Int(_) | Tok::Float(_) | Tok::Str { .. } => {
                let e = self.literal_expr()?;
                Ok(self.pattern_node(PatternKind::Value(e), start.to(self.prev_span())))
            }
            Tok::Op("-") => {
                let e = self.literal_expr()?;
                Ok(self.pattern_node(PatternKind::Value(e), start.to(self.prev_span())))
            }
            Tok::Name(n) if n == "None" || n == "True" || n == "False" => {
                let e = self.atom()?;
                Ok(self.pattern_node(PatternKind::Singleton(e), start.to(self.prev_span())))
            }
            Tok::Name(n) if !KEYWORDS.contains(&n.as_str()) => {
                self.advance();
                // A dotted name is a value (or a class); a bare name a capture.
                let mut e = self.expr(ExprKind::Name(n.clone()), start);
                let mut dotted = false;
                while self.eat_op(".") {
                    let attr = self.name()?;
                    e = self.expr(ExprKind::Attribute(Box::new(e), attr), start.to(self.prev_span()));
                    dotted = true;
                }
                if self.at_op("(") {
                    return self.class_pattern(e, start);
                }
                if dotted {
                    return Ok(self.pattern_node(PatternKind::Value(e), start.to(self.prev_span())));
                }
                let name = if n == "_" { None } else { Some(n) };
                Ok(self.pattern_node(PatternKind::As { pattern: None, name }, start.to(self.prev_span())))
            }
            Tok::Op("(") => {
                self.advance();
                if self.eat_op(")") {
                    return Ok(self.pattern_node(PatternKind::Sequence(vec![]), start.to(self.prev_span())));
                }
                let first = self.maybe_star_pattern()?;
                if self.eat_op(")") {
                    if matches!(first.kind, PatternKind::Star(_)) {
                        return Ok(self.pattern_node(PatternKind::Sequence(vec![first]), start.to(self.prev_span())));
                    }
                    // A group: the pattern itself.
                    return Ok(first);
                }
                let mut items = vec![first];
                while self.eat_op(",") {
                    if self.at_op(")") {
                        break;
                    }
                    items.push(self.maybe_star_pattern()?);
                }
                self.expect_op(")")?;
                Ok(self.pattern_node(PatternKind::Sequence(items), start.to(self.prev_span())))
            }
            Tok::Op("[") => {
                self.advance();
                let mut items = vec![];
                while !self.at_op("]") {
                    items.push(self.maybe_star_pattern()?);
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.expect_op("]")?;
                Ok(self.pattern_node(PatternKind::Sequence(items), start.to(self.prev_span())))
            }
            Tok::Op("{") => self.mapping_pattern(),
            _ => self.invalid(),
        }
    }

    /// A literal in a pattern: a signed number, `a + bj`, or (concatenated) strings.
    fn literal_expr(&mut self) -> PResult<Expr> {
        let start = self.span();
        let e = if self.at_op("-") {
            self.advance();
            let operand = self.atom()?;
            if !matches!(operand.kind, ExprKind::Int(_) | ExprKind::Float(_)) {
                return self.error_at(operand.span, "invalid syntax");
            }
            self.expr(ExprKind::Unary(UnaryOp::Neg, Box::new(operand)), start.to(self.prev_span()))
        } else {
            let e = self.atom()?;
            if matches!(e.kind, ExprKind::FString(_)) {
                return self.error_at(e.span, "patterns may only match literals and attribute lookups");
            }
            e
        };
        if matches!(e.kind, ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Unary(..)) && (self.at_op("+") || self.at_op("-")) {
            // `1 + 2j`: only an imaginary part may follow (and Awaitlab has no complex numbers).
            self.advance();
            let imag = self.atom()?;
            if matches!(imag.kind, ExprKind::Int(_) | ExprKind::Float(_)) {
                return self.error_at(imag.span, "imaginary number required in complex literal");
            }
            return self.error_at(imag.span, "invalid syntax");
        }
        Ok(e)
    }

    fn class_pattern(&mut self, cls: Expr, start: Span) -> PResult<Pattern> {
        self.expect_op("(")?;
        let (mut patterns, mut kwd_names, mut kwd_patterns) = (vec![], vec![], vec![]);
        while !self.at_op(")") {
            if let (Tok::Name(n), Tok::Op("=")) = (self.peek().clone(), self.peek_at(1).clone()) {
                self.advance();
                self.advance();
                kwd_names.push(n);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_names.is_empty() {
                    return self.error_at(p.span, "positional patterns follow keyword patterns");
                }
                patterns.push(p);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        Ok(self.pattern_node(PatternKind::Class { cls, patterns, kwd_names, kwd_patterns }, start.to(self.prev_span())))
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        self.expect_op("{")?;
        let (mut keys, mut patterns, mut rest) = (vec![], vec![], None);
        while !self.at_op("}") {
            if self.eat_op("**") {
                if matches!(self.peek(), Tok::Name(n) if n == "_") {
                    return self.invalid();
                }
                let name = self.name()?;
                rest = Some(name);
                self.eat_op(",");
                break;
            }
            let key = match self.peek().clone() {
                Tok::Name(n) if n != "None" && n != "True" && n != "False" => {
                    let kstart = self.span();
                    self.advance();
                    let mut e = self.expr(ExprKind::Name(n), kstart);
                    let mut dotted = false;
                    while self.eat_op(".") {
                        let attr = self.name()?;
                        e = self.expr(ExprKind::Attribute(Box::new(e), attr), kstart.to(self.prev_span()));
                        dotted = true;
                    }
                    if !dotted {
                        return self.invalid();
                    }
                    e
                }
                _ => self.literal_expr()?,
            };
            self.expect_op(":")?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op("}")?;
        Ok(self.pattern_node(PatternKind::Mapping { keys, patterns, rest }, start.to(self.prev_span())))
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let is_elif = self.at_kw("elif");
        self.advance(); // `if` or `elif`
        let test = self.condition()?;
        let body = self.block_after(if is_elif { "'elif' statement" } else { "'if' statement" })?;
        let orelse = if self.at_kw("elif") {
            vec![self.if_stmt()?]
        } else if self.eat_kw("else") {
            self.block_after("'else' statement")?
        } else {
            vec![]
        };
        Ok(Stmt { kind: StmtKind::If { test, body, orelse }, span: start.to(self.prev_span()) })
    }

    /// An `if`/`while` condition. `if x = 1:` gets CPython's hint that `==` was meant.
    fn condition(&mut self) -> PResult<Expr> {
        let test = self.named_expr()?;
        if !self.at_op("=") {
            return Ok(test);
        }
        let save = self.pos;
        self.advance();
        let value = self.bitor();
        let ends = !self.at_op("=") && !self.at_op(":=");
        self.pos = save;
        let Ok(value) = value else { return Ok(test) };
        if !ends {
            return self.invalid();
        }
        match &test.kind {
            ExprKind::Name(_) => self.error_at(test.span.to(value.span), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"),
            ExprKind::Attribute(..) | ExprKind::Subscript(..) => {
                self.error_at(test.span, format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", describe(&test)))
            }
            _ => match check_target(&test, true) {
                Err(e) if e.message.ends_with("instead of '='?") => Err(e),
                _ => self.invalid(),
            },
        }
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span();
        self.advance();
        let test = self.condition()?;
        let body = self.block_after("'while' statement")?;
        let orelse = if self.eat_kw("else") { self.block()? } else { vec![] };
        Ok(Stmt { kind: StmtKind::While { test, body, orelse }, span: start.to(self.prev_span()) })
    }

    fn for_stmt(&mut self, is_async: bool, start: Span) -> PResult<Stmt> {
        self.expect_kw("for")?;
        let target = self.target_list()?;
        self.expect_kw("in")?;
        let iter = self.star_expressions()?;
        let body = self.block_after("'for' statement")?;
        let orelse = if self.eat_kw("else") { self.block()? } else { vec![] };
        Ok(Stmt { kind: StmtKind::For { target, iter, body, orelse, is_async }, span: start.to(self.prev_span()) })
    }

    fn target_list(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_target()?;
        if !self.at_op(",") {
            check_target(&first, false)?;
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_kw("in") || self.at_op("=") {
                break;
            }
            items.push(self.star_target()?);
        }
        let e = self.expr(ExprKind::Tuple(items), start.to(self.prev_span()));
        check_target(&e, false)?;
        Ok(e)
    }

    fn star_target(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.eat_op("*") {
            let inner = self.bitor()?;
            return Ok(self.expr(ExprKind::Starred(Box::new(inner)), start.to(self.prev_span())));
        }
        self.bitor()
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span();
        self.advance();
        let body = self.block_after("'try' statement")?;
        let mut handlers = vec![];
        let mut star = None;
        while self.at_kw("except") {
            let hs = self.span();
            self.advance();
            let this_star = self.eat_op("*");
            if star.is_some_and(|s| s != this_star) {
                return self.error_at(hs.to(self.prev_span()), "cannot have both 'except' and 'except*' on the same 'try'");
            }
            star = Some(this_star);
            if this_star && self.at_op(":") {
                return self.error("expected one or more exception types");
            }
            let (typ, name) = if self.at_op(":") {
                (None, None)
            } else {
                let t = self.expression()?;
                let t = if self.at_op(",") {
                    let mut items = vec![t];
                    while self.eat_op(",") {
                        items.push(self.expression()?);
                    }
                    let sp = items[0].span.to(self.prev_span());
                    self.expr(ExprKind::Tuple(items), sp)
                } else {
                    t
                };
                let name = if self.eat_kw("as") { Some(self.name()?) } else { None };
                (Some(t), name)
            };
            let hbody = self.block_after(if this_star { "'except*' statement" } else { "'except' statement" })?;
            // As CPython's ExceptHandler node: from `except` to the end of its body.
            handlers.push(ExceptHandler { typ, name, body: hbody, span: hs.to(self.prev_span()) });
        }
        let orelse = if !handlers.is_empty() && self.eat_kw("else") { self.block()? } else { vec![] };
        let finalbody = if self.eat_kw("finally") { self.block_after("'finally' statement")? } else { vec![] };
        if handlers.is_empty() && finalbody.is_empty() {
            return self.error("expected 'except' or 'finally' block");
        }
        Ok(Stmt { kind: StmtKind::Try { body, handlers, orelse, finalbody, star: star == Some(true) }, span: start.to(self.prev_span()) })
    }

    fn with_stmt(&mut self, is_async: bool, start: Span) -> PResult<Stmt> {
        self.expect_kw("with")?;
        let mut items = vec![];
        let paren = self.at_op("(") && self.with_is_parenthesized();
        if paren {
            self.advance();
        }
        loop {
            let ctx = self.expression()?;
            let target = if self.eat_kw("as") { Some(self.star_target()?) } else { None };
            if let Some(t) = &target {
                check_target(t, false)?;
            }
            items.push(WithItem { ctx, target });
            if !self.eat_op(",") || (paren && self.at_op(")")) {
                break;
            }
        }
        if paren {
            self.expect_op(")")?;
        }
        let body = self.block_after("'with' statement")?;
        Ok(Stmt { kind: StmtKind::With { items, body, is_async }, span: start.to(self.prev_span()) })
    }

    /// `with (a as b, c):` versus `with (a):` — look for `as` or `,` at depth one.
    fn with_is_parenthesized(&self) -> bool {
        let mut depth = 0;
        for t in &self.toks[self.pos..] {
            match &t.tok {
                Tok::Op("(") | Tok::Op("[") | Tok::Op("{") => depth += 1,
                Tok::Op(")") | Tok::Op("]") | Tok::Op("}") => {
                    depth -= 1;
                    if depth == 0 {
                        return false;
                    }
                }
                Tok::Name(n) if n == "as" && depth == 1 => return true,
                Tok::Op(",") if depth == 1 => return true,
                Tok::Newline => return false,
                _ => {}
            }
        }
        false
    }

    fn funcdef(&mut self, decorators: Vec<Expr>, is_async: bool, start: Span) -> PResult<Stmt> {
        self.expect_kw("def")?;
        let name = self.name()?;
        self.expect_op("(")?;
        let params = self.params(")")?;
        self.expect_op(")")?;
        if self.eat_op("->") {
            self.expression()?;
        }
        let body = self.block_after("function definition")?;
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Box::new(FunctionDef { name, params, body, decorators, is_async })),
            span: start.to(self.prev_span()),
        })
    }

    fn params(&mut self, close: &str) -> PResult<Params> {
        let mut p = Params::default();
        let mut seen_default = false;
        let mut star_seen = false;
        let annotations = close == ")";
        while !self.at_op(close) {
            let s = self.span();
            if self.eat_op("**") {
                p.kwarg = Some(self.name()?);
                if annotations && self.eat_op(":") {
                    self.expression()?;
                }
            } else if self.eat_op("*") {
                if star_seen {
                    return self.error_at(s, "* argument may appear only once");
                }
                star_seen = true;
                if !self.at_op(",") {
                    p.vararg = Some(self.name()?);
                    if annotations && self.eat_op(":") {
                        self.expression()?;
                    }
                }
            } else if self.eat_op("/") {
                p.posonly = p.args.len();
            } else {
                let name = self.name()?;
                if annotations && self.eat_op(":") {
                    self.expression()?;
                }
                let default = if self.eat_op("=") { Some(self.expression()?) } else { None };
                let param = Param { name, default, span: s };
                if star_seen {
                    p.kwonly.push(param);
                } else {
                    if param.default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return self.error_at(s, "non-default argument follows default argument");
                    }
                    p.args.push(param);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        let mut names: Vec<&str> = p.args.iter().chain(&p.kwonly).map(|a| a.name.as_str()).collect();
        names.extend(p.vararg.as_deref());
        names.extend(p.kwarg.as_deref());
        for (i, n) in names.iter().enumerate() {
            if names[..i].contains(n) {
                return self.error(format!("duplicate argument '{n}' in function definition"));
            }
        }
        Ok(p)
    }

    fn classdef(&mut self, decorators: Vec<Expr>, start: Span) -> PResult<Stmt> {
        self.expect_kw("class")?;
        let name = self.name()?;
        let mut bases = vec![];
        if self.eat_op("(") {
            while !self.at_op(")") {
                let s = self.span();
                if matches!(self.peek_at(1), Tok::Op("=")) {
                    return self.unsupported(s, "class keyword arguments (metaclass=...)");
                }
                bases.push(self.expression()?);
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op(")")?;
        }
        let body = self.block_after("class definition")?;
        Ok(Stmt { kind: StmtKind::ClassDef { name, bases, body, decorators }, span: start.to(self.prev_span()) })
    }

    // ---------- expressions ----------

    /// Comma-separated expressions (a tuple without parentheses), stars allowed.
    fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_expr_end() {
                break;
            }
            items.push(self.star_expression()?);
        }
        Ok(self.expr(ExprKind::Tuple(items), start.to(self.prev_span())))
    }

    fn at_expr_end(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::End)
            || [")", "]", "}", "=", ":", ";"].iter().any(|o| self.at_op(o))
            || matches!(self.peek(), Tok::Op(o) if aug_op(o).is_some())
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.eat_op("*") {
            let inner = self.bitor()?;
            return Ok(self.expr(ExprKind::Starred(Box::new(inner)), start.to(self.prev_span())));
        }
        self.named_expr()
    }

    fn named_expr(&mut self) -> PResult<Expr> {
        if let (Tok::Name(n), Tok::Op(":=")) = (self.peek().clone(), self.peek_at(1).clone()) {
            let start = self.span();
            self.advance();
            self.advance();
            let value = self.expression()?;
            return Ok(self.expr(ExprKind::Walrus(n, Box::new(value)), start.to(self.prev_span())));
        }
        self.expression()
    }

    pub fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let start = self.span();
        let body = self.or_test()?;
        if self.eat_kw("if") {
            let test = self.or_test()?;
            if !self.eat_kw("else") {
                return self.error("expected 'else' after 'if' expression");
            }
            let orelse = self.expression()?;
            return Ok(self.expr(
                ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) },
                start.to(self.prev_span()),
            ));
        }
        Ok(body)
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.span();
        self.advance();
        let params = self.params(":")?;
        self.expect_op(":")?;
        let body = self.expression()?;
        Ok(self.expr(ExprKind::Lambda { params: Box::new(params), body: Box::new(body) }, start.to(self.prev_span())))
    }

    fn or_test(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut left = self.and_test()?;
        let mut n = 0;
        while self.eat_kw("or") {
            n += 1;
            self.chain_guard(n)?;
            let right = self.and_test()?;
            left = self.expr(ExprKind::Or(Box::new(left), Box::new(right)), start.to(self.prev_span()));
        }
        Ok(left)
    }

    fn and_test(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut left = self.not_test()?;
        let mut n = 0;
        while self.eat_kw("and") {
            n += 1;
            self.chain_guard(n)?;
            let right = self.not_test()?;
            left = self.expr(ExprKind::And(Box::new(left), Box::new(right)), start.to(self.prev_span()));
        }
        Ok(left)
    }

    fn not_test(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.eat_kw("not") {
            self.enter()?;
            let operand = self.not_test();
            self.leave();
            let operand = operand?;
            return Ok(self.expr(ExprKind::Unary(UnaryOp::Not, Box::new(operand)), start.to(self.prev_span())));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.span();
        let left = self.bitor()?;
        let mut ops = vec![];
        loop {
            let op = match self.peek() {
                Tok::Op("==") => CmpOp::Eq,
                Tok::Op("!=") => CmpOp::Ne,
                Tok::Op("<") => CmpOp::Lt,
                Tok::Op("<=") => CmpOp::Le,
                Tok::Op(">") => CmpOp::Gt,
                Tok::Op(">=") => CmpOp::Ge,
                Tok::Name(n) if n == "in" => CmpOp::In,
                Tok::Name(n) if n == "is" => {
                    if matches!(self.peek_at(1), Tok::Name(m) if m == "not") {
                        self.advance();
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                Tok::Name(n) if n == "not" && matches!(self.peek_at(1), Tok::Name(m) if m == "in") => {
                    self.advance();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.advance();
            ops.push((op, self.bitor()?));
        }
        if ops.is_empty() {
            Ok(left)
        } else {
            Ok(self.expr(ExprKind::Compare(Box::new(left), ops), start.to(self.prev_span())))
        }
    }

    fn binary_level(&mut self, level: usize) -> PResult<Expr> {
        const LEVELS: &[&[(&str, BinOp)]] = &[
            &[("|", BinOp::BitOr)],
            &[("^", BinOp::BitXor)],
            &[("&", BinOp::BitAnd)],
            &[("<<", BinOp::LShift), (">>", BinOp::RShift)],
            &[("+", BinOp::Add), ("-", BinOp::Sub)],
            &[("*", BinOp::Mul), ("/", BinOp::Div), ("//", BinOp::FloorDiv), ("%", BinOp::Mod), ("@", BinOp::MatMul)],
        ];
        if level == LEVELS.len() {
            return self.factor();
        }
        let start = self.span();
        let mut left = self.binary_level(level + 1)?;
        let mut n = 0;
        'outer: loop {
            for (sym, op) in LEVELS[level] {
                if self.at_op(sym) {
                    self.advance();
                    n += 1;
                    self.chain_guard(n)?;
                    let right = self.binary_level(level + 1)?;
                    left = self.expr(ExprKind::BinOp(Box::new(left), *op, Box::new(right)), start.to(self.prev_span()));
                    continue 'outer;
                }
            }
            break;
        }
        Ok(left)
    }

    fn bitor(&mut self) -> PResult<Expr> {
        self.binary_level(0)
    }

    fn factor(&mut self) -> PResult<Expr> {
        let start = self.span();
        let op = match self.peek() {
            Tok::Op("-") => UnaryOp::Neg,
            Tok::Op("+") => UnaryOp::Pos,
            Tok::Op("~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        self.advance();
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        Ok(self.expr(ExprKind::Unary(op, Box::new(operand)), start.to(self.prev_span())))
    }

    fn power(&mut self) -> PResult<Expr> {
        let start = self.span();
        let base = if self.at_kw("await") {
            self.advance();
            let operand = self.primary()?;
            self.expr(ExprKind::Await(Box::new(operand)), start.to(self.prev_span()))
        } else {
            self.primary()?
        };
        if self.eat_op("**") {
            self.enter()?;
            let exp = self.factor();
            self.leave();
            let exp = exp?;
            return Ok(self.expr(ExprKind::BinOp(Box::new(base), BinOp::Pow, Box::new(exp)), start.to(self.prev_span())));
        }
        Ok(base)
    }

    fn primary(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut e = self.atom()?;
        let mut n = 0;
        loop {
            n += 1;
            self.chain_guard(n)?;
            if self.eat_op(".") {
                let name = self.name()?;
                e = self.expr(ExprKind::Attribute(Box::new(e), name), start.to(self.prev_span()));
            } else if self.at_op("(") {
                let paren = self.span();
                self.advance();
                let args = self.call_args(paren)?;
                self.expect_op(")")?;
                e = self.expr(ExprKind::Call { func: Box::new(e), args }, start.to(self.prev_span()));
            } else if self.eat_op("[") {
                let index = self.subscript()?;
                if !self.at_op("]") {
                    let last = match &index.kind {
                        ExprKind::Tuple(items) => items.last().cloned().unwrap_or_else(|| index.clone()),
                        _ => index.clone(),
                    };
                    self.check_forgot_comma(&last)?;
                }
                self.expect_op("]")?;
                e = self.expr(ExprKind::Subscript(Box::new(e), Box::new(index)), start.to(self.prev_span()));
            } else {
                break;
            }
        }
        Ok(e)
    }

    /// Call arguments after `(` (at `paren`: a lone generator argument starts there, as in CPython).
    fn call_args(&mut self, paren: Span) -> PResult<Vec<Arg>> {
        let mut args = vec![];
        let mut misplaced = None;
        // An unparenthesized generator argument must be the only argument.
        let mut bare_generator = None;
        let mut commas = 0;
        while !self.at_op(")") {
            let s = self.span();
            if self.eat_op("**") {
                args.push(Arg::StarStar(self.expression()?));
            } else if self.eat_op("*") {
                args.push(Arg::Star(self.expression()?));
            } else if let (Tok::Name(n), Tok::Op("=")) = (self.peek().clone(), self.peek_at(1).clone()) {
                self.advance();
                self.advance();
                args.push(Arg::Kw(n, self.expression()?));
            } else {
                let e = self.named_expr()?;
                if self.at_kw("for") || self.at_kw("async") {
                    let generators = self.comp_for()?;
                    bare_generator = Some(s.to(self.prev_span()));
                    let sp = if args.is_empty() { paren.to(self.span()) } else { s.to(self.prev_span()) };
                    args.push(Arg::Pos(self.expr(
                        ExprKind::Comp { kind: CompKind::Gen, elt: Box::new(e), value: None, generators },
                        sp,
                    )));
                } else {
                    if misplaced.is_none() && args.iter().any(|a| matches!(a, Arg::Kw(..) | Arg::StarStar(_))) {
                        misplaced = Some(if args.iter().any(|a| matches!(a, Arg::StarStar(_))) {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        });
                    }
                    args.push(Arg::Pos(e));
                }
            }
            if self.eat_op(",") {
                commas += 1;
            } else {
                if let Some(Arg::Pos(last) | Arg::Kw(_, last) | Arg::Star(last) | Arg::StarStar(last)) = args.last() {
                    let last = last.clone();
                    self.check_forgot_comma(&last)?;
                }
                break;
            }
        }
        if let Some(gen) = bare_generator.filter(|_| args.len() > 1 || commas > 0) {
            return self.error_at(gen, "Generator expression must be parenthesized");
        }
        // CPython reads the whole call before it complains, so it points at what follows it.
        if let Some(message) = misplaced {
            let s = self.span();
            return self.error_at(Span::new(s.line, s.col, s.line, s.col), message);
        }
        Ok(args)
    }

    fn subscript(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.slice_item()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            items.push(self.slice_item()?);
        }
        Ok(self.expr(ExprKind::Tuple(items), start.to(self.prev_span())))
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        let start = self.span();
        let lower = if self.at_op(":") { None } else { Some(self.named_expr()?) };
        if !self.eat_op(":") {
            return lower.map_or_else(|| self.invalid(), Ok);
        }
        let upper = if self.at_op(":") || self.at_op("]") || self.at_op(",") { None } else { Some(Box::new(self.expression()?)) };
        let step = if self.eat_op(":") {
            if self.at_op("]") || self.at_op(",") {
                None
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        Ok(self.expr(ExprKind::Slice(lower.map(Box::new), upper, step), start.to(self.prev_span())))
    }

    fn comp_for(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = vec![];
        loop {
            let is_async = self.eat_kw("async");
            if !self.eat_kw("for") {
                if is_async {
                    return self.invalid();
                }
                break;
            }
            let target = self.target_list()?;
            self.expect_kw("in")?;
            let iter = self.or_test()?;
            let mut ifs = vec![];
            while self.eat_kw("if") {
                ifs.push(self.or_test_no_cond()?);
            }
            gens.push(Comprehension { target, iter, ifs, is_async });
        }
        Ok(gens)
    }

    fn or_test_no_cond(&mut self) -> PResult<Expr> {
        self.or_test()
    }

    fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.span();
        self.expect_kw("yield")?;
        if self.eat_kw("from") {
            let e = self.expression()?;
            return Ok(self.expr(ExprKind::YieldFrom(Box::new(e)), start.to(self.prev_span())));
        }
        let value = if self.at_expr_end() { None } else { Some(Box::new(self.star_expressions()?)) };
        Ok(self.expr(ExprKind::Yield(value), start.to(self.prev_span())))
    }

    fn atom(&mut self) -> PResult<Expr> {
        let start = self.span();
        let tok = self.peek().clone();
        let kind = match tok {
            Tok::Name(n) => match n.as_str() {
                "True" => {
                    self.advance();
                    ExprKind::True
                }
                "False" => {
                    self.advance();
                    ExprKind::False
                }
                "None" => {
                    self.advance();
                    ExprKind::None
                }
                "yield" => return self.error_at(start, "'yield' outside function"),
                "lambda" => return self.lambda(),
                _ if KEYWORDS.contains(&n.as_str()) => return self.invalid(),
                _ => {
                    self.advance();
                    ExprKind::Name(n)
                }
            },
            Tok::Int(s) => {
                self.advance();
                ExprKind::Int(s)
            }
            Tok::Float(f) => {
                self.advance();
                ExprKind::Float(f)
            }
            Tok::Str { .. } => return self.strings(),
            Tok::Op("...") => {
                self.advance();
                ExprKind::Ellipsis
            }
            Tok::Op("(") => {
                self.advance();
                if self.eat_op(")") {
                    ExprKind::Tuple(vec![])
                } else if self.at_kw("yield") {
                    let y = self.yield_expr()?;
                    self.expect_op(")")?;
                    return Ok(y);
                } else {
                    let first = self.star_expression()?;
                    if self.at_kw("for") || self.at_kw("async") {
                        let generators = self.comp_for()?;
                        self.expect_op(")")?;
                        ExprKind::Comp { kind: CompKind::Gen, elt: Box::new(first), value: None, generators }
                    } else if self.eat_op(")") {
                        if matches!(first.kind, ExprKind::Starred(_)) {
                            return self.error_at(first.span, "cannot use starred expression here");
                        }
                        // As in CPython, a parenthesized expression keeps its own position.
                        return Ok(first);
                    } else {
                        let mut items = vec![first];
                        while self.eat_op(",") {
                            if self.at_op(")") {
                                break;
                            }
                            items.push(self.star_expression()?);
                        }
                        if let Some(last) = items.last().cloned() {
                            self.check_forgot_comma(&last)?;
                        }
                        self.expect_op(")")?;
                        ExprKind::Tuple(items)
                    }
                }
            }
            Tok::Op("[") => {
                self.advance();
                if self.eat_op("]") {
                    ExprKind::List(vec![])
                } else {
                    let first = self.star_expression()?;
                    if self.at_kw("for") || self.at_kw("async") {
                        let generators = self.comp_for()?;
                        self.expect_op("]")?;
                        ExprKind::Comp { kind: CompKind::List, elt: Box::new(first), value: None, generators }
                    } else {
                        let mut items = vec![first];
                        while self.eat_op(",") {
                            if self.at_op("]") {
                                break;
                            }
                            items.push(self.star_expression()?);
                        }
                        if let Some(last) = items.last().cloned() {
                            self.check_forgot_comma(&last)?;
                        }
                        self.expect_op("]")?;
                        ExprKind::List(items)
                    }
                }
            }
            Tok::Op("{") => {
                self.advance();
                return self.dict_or_set(start);
            }
            _ => return self.invalid(),
        };
        Ok(self.expr(kind, start.to(self.prev_span())))
    }

    fn dict_or_set(&mut self, start: Span) -> PResult<Expr> {
        if self.eat_op("}") {
            return Ok(self.expr(ExprKind::Dict(vec![]), start.to(self.prev_span())));
        }
        if self.eat_op("**") {
            let m = self.bitor()?;
            return self.dict_rest(start, vec![(None, m)]);
        }
        let first = self.star_expression()?;
        if self.eat_op(":") {
            let value = self.expression()?;
            if self.at_kw("for") || self.at_kw("async") {
                let generators = self.comp_for()?;
                self.expect_op("}")?;
                return Ok(self.expr(
                    ExprKind::Comp { kind: CompKind::Dict, elt: Box::new(first), value: Some(Box::new(value)), generators },
                    start.to(self.prev_span()),
                ));
            }
            return self.dict_rest(start, vec![(Some(first), value)]);
        }
        if self.at_kw("for") || self.at_kw("async") {
            let generators = self.comp_for()?;
            self.expect_op("}")?;
            return Ok(self.expr(
                ExprKind::Comp { kind: CompKind::Set, elt: Box::new(first), value: None, generators },
                start.to(self.prev_span()),
            ));
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            items.push(self.star_expression()?);
        }
        if let Some(last) = items.last().cloned() {
            self.check_forgot_comma(&last)?;
        }
        self.expect_op("}")?;
        Ok(self.expr(ExprKind::Set(items), start.to(self.prev_span())))
    }

    fn dict_rest(&mut self, start: Span, mut items: Vec<(Option<Expr>, Expr)>) -> PResult<Expr> {
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            if self.eat_op("**") {
                items.push((None, self.bitor()?));
            } else {
                let k = self.expression()?;
                self.expect_op(":")?;
                items.push((Some(k), self.expression()?));
            }
        }
        if let Some((_, last)) = items.last().cloned() {
            self.check_forgot_comma(&last)?;
        }
        self.expect_op("}")?;
        Ok(self.expr(ExprKind::Dict(items), start.to(self.prev_span())))
    }

    /// Adjacent string literals concatenate; any f-string among them makes the whole an f-string.
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut parts: Vec<FPart> = vec![];
        let mut any_f = false;
        let mut bytes: Option<bool> = None;
        while let Tok::Str { value, bytes: b, fstring, raw, body_line, body_col } = self.peek().clone() {
            let sp = self.span();
            self.advance();
            if bytes.is_some_and(|prev| prev != b) {
                // CPython reads all the literals first, and points after them.
                while matches!(self.peek(), Tok::Str { .. }) {
                    self.advance();
                }
                let after = self.span();
                let _ = sp;
                return self.error_at(Span::new(after.line, after.col, after.line, after.col), "cannot mix bytes and nonbytes literals");
            }
            bytes = Some(b);
            if fstring {
                any_f = true;
                parts.extend(parse_fstring(&value, raw, body_line, body_col)?);
            } else {
                parts.push(FPart::Lit(value));
            }
        }
        let span = start.to(self.prev_span());
        if bytes == Some(true) {
            let mut out = vec![];
            for p in parts {
                if let FPart::Lit(s) = p {
                    for c in s.chars() {
                        if (c as u32) > 255 {
                            return self.error_at(span, "bytes can only contain ASCII literal characters");
                        }
                        out.push(c as u32 as u8);
                    }
                }
            }
            return Ok(self.expr(ExprKind::Bytes(out), span));
        }
        if !any_f {
            let s: String = parts.into_iter().map(|p| if let FPart::Lit(s) = p { s } else { String::new() }).collect();
            return Ok(self.expr(ExprKind::Str(s), span));
        }
        Ok(self.expr(ExprKind::FString(merge_literals(parts)), span))
    }
}

fn merge_literals(parts: Vec<FPart>) -> Vec<FPart> {
    let mut out: Vec<FPart> = vec![];
    for p in parts {
        match (out.last_mut(), p) {
            (Some(FPart::Lit(a)), FPart::Lit(b)) => a.push_str(&b),
            (_, FPart::Lit(b)) if b.is_empty() => {}
            (_, p) => out.push(p),
        }
    }
    out
}

fn aug_op(op: &str) -> Option<BinOp> {
    Some(match op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mul,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "&=" => BinOp::BitAnd,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "@=" => BinOp::MatMul,
        _ => return None,
    })
}

pub(crate) fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::True => "True",
        ExprKind::False => "False",
        ExprKind::None => "None",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bytes(_) => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::BinOp(..) | ExprKind::Unary(..) => "expression",
        ExprKind::Compare(..) => "comparison",
        ExprKind::Await(_) => "await expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Comp { kind: CompKind::Gen, .. } => "generator expression",
        ExprKind::Comp { kind: CompKind::List, .. } => "list comprehension",
        ExprKind::Comp { kind: CompKind::Set, .. } => "set comprehension",
        ExprKind::Comp { kind: CompKind::Dict, .. } => "dict comprehension",
        ExprKind::And(..) | ExprKind::Or(..) => "expression",
        ExprKind::Walrus(..) => "named expression",
        ExprKind::Attribute(..) => "attribute",
        ExprKind::Subscript(..) => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        _ => "expression",
    }
}

/// An assignment target must be a name, attribute, subscript or a tuple/list of them.
/// `lone`: the only target of a plain `x = value` statement, where CPython suspects a
/// comparison was meant (its `invalid_named_expression` rule) and says so.
fn check_target(e: &Expr, lone: bool) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            if items.iter().filter(|i| matches!(i.kind, ExprKind::Starred(_))).count() > 1 {
                return Err(SyntaxError {
                    message: "multiple starred expressions in assignment".into(),
                    line: e.span.line,
                    col: e.span.col,
                    unsupported: false,
                    end: Some((e.span.end_line, e.span.end_col)),
                });
            }
            // In a lone `a, f() = ...`, CPython's rule sees the last element and the `=` after it.
            let bare = matches!(e.kind, ExprKind::Tuple(_)) && items.first().is_some_and(|i| (i.span.line, i.span.col) == (e.span.line, e.span.col));
            let last = items.len().saturating_sub(1);
            items.iter().enumerate().try_for_each(|(n, i)| check_target(i, lone && bare && n == last))
        }
        ExprKind::Starred(inner) => check_target(inner, false),
        _ => {
            let what = describe(e);
            // The rule takes a `bitwise_or` expression, and not these.
            let operand = !matches!(
                e.kind,
                ExprKind::Compare(..) | ExprKind::And(..) | ExprKind::Or(..) | ExprKind::Unary(UnaryOp::Not, _) | ExprKind::Lambda { .. }
                    | ExprKind::IfExp { .. } | ExprKind::Walrus(..) | ExprKind::Yield(_) | ExprKind::YieldFrom(_)
                    | ExprKind::True | ExprKind::False | ExprKind::None | ExprKind::Comp { kind: CompKind::Gen, .. }
            );
            let message = if lone && operand {
                format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {what}")
            };
            Err(SyntaxError { message, line: e.span.line, col: e.span.col, unsupported: false, end: Some((e.span.end_line, e.span.end_col)) })
        }
    }
}

/// Splits an f-string body into literal parts and `{expression!conv:spec}` parts.
fn parse_fstring(body: &str, raw: bool, line: u32, col: u32) -> PResult<Vec<FPart>> {
    parse_fstring_at(body, raw, line, col, 0)
}

/// `spec_depth`: how many format specs enclose this text. As in CPython, a replacement field
/// inside a spec's spec is "nested too deeply".
fn parse_fstring_at(body: &str, raw: bool, line: u32, col: u32, spec_depth: u32) -> PResult<Vec<FPart>> {
    let chars: Vec<char> = body.chars().collect();
    let mut parts = vec![];
    let mut lit = String::new();
    let mut i = 0;
    let pos_of = |idx: usize| -> (u32, u32) {
        let mut l = line;
        let mut c = col;
        for ch in &chars[..idx] {
            if *ch == '\n' {
                l += 1;
                c = 0;
            } else {
                c += 1;
            }
        }
        (l, c)
    };
    let err = |idx: usize, msg: &str| -> SyntaxError {
        let (l, c) = pos_of(idx);
        SyntaxError { message: format!("f-string: {msg}"), line: l, col: c, unsupported: false, end: None }
    };
    let flush = |lit: &mut String, parts: &mut Vec<FPart>| -> PResult<()> {
        if !lit.is_empty() {
            let text = if raw {
                std::mem::take(lit)
            } else {
                {
                    let (text, invalid) = lexer::unescape_noting(&std::mem::take(lit), false)
                        .map_err(|m| SyntaxError { message: m, line, col, unsupported: false, end: None })?;
                    if let Some(e) = invalid.first() {
                        crate::warnings::syntax_warning(line, format!("invalid escape sequence '\\{e}'"));
                    }
                    text
                }
            };
            parts.push(FPart::Lit(text));
        }
        Ok(())
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            lit.push('{');
            i += 2;
            continue;
        }
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            return Err(err(i, "single '}' is not allowed"));
        }
        if c == '\\' && !raw {
            lit.push(c);
            if let Some(n) = chars.get(i + 1) {
                lit.push(*n);
            }
            i += 2;
            continue;
        }
        if c != '{' {
            lit.push(c);
            i += 1;
            continue;
        }
        flush(&mut lit, &mut parts)?;
        if spec_depth >= 2 {
            return Err(err(i, "expressions nested too deeply"));
        }
        // Find the end of the expression: depth-aware, string-aware.
        let expr_start = i + 1;
        let mut j = expr_start;
        let mut depth = 0;
        let mut quote: Option<char> = None;
        while j < chars.len() {
            let ch = chars[j];
            if let Some(q) = quote {
                if ch == '\\' {
                    j += 2;
                    continue;
                }
                if ch == q {
                    quote = None;
                }
            } else if ch == '\'' || ch == '"' {
                quote = Some(ch);
            } else if "([{".contains(ch) {
                depth += 1;
            } else if ")]}".contains(ch) {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0 && (ch == '!' && chars.get(j + 1) != Some(&'=') || ch == ':') {
                break;
            } else if depth == 0 && ch == '=' && !matches!(chars.get(j + 1), Some('=')) && j > expr_start && !"=!<>".contains(chars[j - 1]) {
                break;
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(err(i, "expecting '}'"));
        }
        let expr_text: String = chars[expr_start..j].iter().collect();
        if expr_text.trim().is_empty() {
            return Err(err(i, "valid expression required before '}'"));
        }
        let mut debug_text = None;
        if chars[j] == '=' {
            let mut text = format!("{expr_text}=");
            j += 1;
            while j < chars.len() && chars[j].is_whitespace() {
                text.push(chars[j]);
                j += 1;
            }
            debug_text = Some(text);
        }
        let mut conversion = None;
        if chars.get(j) == Some(&'!') {
            match chars.get(j + 1) {
                Some(cv @ ('r' | 's' | 'a')) => conversion = Some(*cv),
                _ => return Err(err(j, "invalid conversion character: expected 's', 'r', or 'a'")),
            }
            j += 2;
        }
        let mut spec = None;
        if chars.get(j) == Some(&':') {
            let spec_start = j + 1;
            let mut k = spec_start;
            let mut d = 0;
            while k < chars.len() {
                match chars[k] {
                    '{' => d += 1,
                    '}' if d == 0 => break,
                    '}' => d -= 1,
                    _ => {}
                }
                k += 1;
            }
            let spec_text: String = chars[spec_start..k].iter().collect();
            let (sl, sc) = pos_of(spec_start);
            spec = Some(parse_fstring_at(&spec_text, true, sl, sc, spec_depth + 1)?);
            j = k;
        }
        if chars.get(j) != Some(&'}') {
            return Err(err(i, "expecting '}'"));
        }
        let (el, ec) = pos_of(expr_start);
        let expr = parse_sub_expression(&expr_text, el, ec)?;
        if debug_text.is_some() && conversion.is_none() && spec.is_none() {
            conversion = Some('r');
        }
        parts.push(FPart::Expr { expr: Box::new(expr), conversion, spec, debug_text });
        i = j + 1;
    }
    flush(&mut lit, &mut parts)?;
    Ok(parts)
}

/// Parses an f-string replacement field's expression, shifting spans to its place in the file.
fn parse_sub_expression(text: &str, line: u32, col: u32) -> PResult<Expr> {
    let wrapped = format!("({})", text.trim_end());
    let shift = |l: u32, c: u32| -> (u32, u32) {
        if l == 1 {
            (line, (col + c).saturating_sub(1))
        } else {
            (line + l - 1, c)
        }
    };
    let tokens = lexer::tokenize(&wrapped).map_err(|e| {
        let (l, c) = shift(e.line, e.col);
        SyntaxError { message: format!("f-string: {}", e.message), line: l, col: c, unsupported: false, end: None }
    })?;
    let tokens = tokens
        .into_iter()
        .map(|mut t| {
            let (l, c) = shift(t.span.line, t.span.col);
            let (el, ec) = shift(t.span.end_line, t.span.end_col);
            t.span = Span::new(l, c, el, ec);
            t
        })
        .collect();
    let mut p = Parser { toks: tokens, pos: 0, depth: 0, lines: vec![] };
    let e = p.star_expressions()?;
    p.eat_tok(&Tok::Newline);
    if !p.at_tok(&Tok::End) {
        return p.error("f-string: invalid syntax");
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_async_program() {
        let src = "import asyncio\n\nasync def main(n=1, *a, k, **kw):\n    x = await asyncio.sleep(0.1)\n    return [i*2 for i in range(n) if i]\n\nasyncio.run(main())\n";
        let m = parse_module(src).unwrap();
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
        let m = parse_module("f'a{x!r:>{w}}b{y=}'\n").unwrap();
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
        let m = parse_module("match = [1]\nmatch[0]\nmatch(x)\nmatch x:\n    case [1, *r] | {'k': r}: pass\n").unwrap();
        assert!(matches!(m[3].kind, StmtKind::Match { .. }));
        assert!(m[..3].iter().all(|s| !matches!(s.kind, StmtKind::Match { .. })));
    }
}
