//! Statements: simple and compound, blocks, function and class definitions.

use super::{PResult, Parser};
use crate::ast::*;
use crate::error::SyntaxError;
use crate::lexer::Tok;
use crate::span::Span;

impl Parser<'_> {
    pub(super) fn statement(&mut self) -> PResult<Vec<Stmt>> {
        self.enter()?;
        let r = self.statement_inner();
        self.leave();
        r
    }

    pub(super) fn statement_inner(&mut self) -> PResult<Vec<Stmt>> {
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

    pub(super) fn simple_statements(&mut self) -> PResult<Vec<Stmt>> {
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

    pub(super) fn simple_statement(&mut self) -> PResult<Stmt> {
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

    pub(super) fn at_simple_end(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::End) || self.at_op(";")
    }

    pub(super) fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.name()?;
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(name)
    }

    pub(super) fn expr_statement(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let first = if self.at_kw("yield") { self.yield_expr()? } else { self.star_expressions()? };
        // Python 2's `print x`: CPython names the missing parentheses.
        if let ExprKind::Name(n) = &first.kind {
            if (n == "print" || n == "exec") && self.starts_expression() {
                let save = self.pos;
                if let Ok(rest) = self.star_expressions() {
                    return self
                        .error_at(first.span.to(rest.span), format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"));
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
                    return self.error_at(first.span, format!("'{}' is an illegal expression for augmented assignment", first.describe()));
                }
                let value = self.assign_value()?;
                return Ok(Stmt { kind: StmtKind::AugAssign { target: first, op: binop, value }, span: start.to(self.prev_span()) });
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

    pub(super) fn assign_value(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            return self.yield_expr();
        }
        self.star_expressions()
    }

    pub(super) fn block(&mut self) -> PResult<Vec<Stmt>> {
        self.block_after("")
    }

    /// A suite; `after` names the statement for CPython's "expected an indented block after ..." message.
    pub(super) fn block_after(&mut self, after: &str) -> PResult<Vec<Stmt>> {
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

    pub(super) fn if_stmt(&mut self) -> PResult<Stmt> {
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
    pub(super) fn condition(&mut self) -> PResult<Expr> {
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
                self.error_at(test.span, format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", test.describe()))
            }
            _ => match check_target(&test, true) {
                Err(e) if e.message.ends_with("instead of '='?") => Err(e),
                _ => self.invalid(),
            },
        }
    }

    pub(super) fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span();
        self.advance();
        let test = self.condition()?;
        let body = self.block_after("'while' statement")?;
        let orelse = if self.eat_kw("else") { self.block()? } else { vec![] };
        Ok(Stmt { kind: StmtKind::While { test, body, orelse }, span: start.to(self.prev_span()) })
    }

    pub(super) fn for_stmt(&mut self, is_async: bool, start: Span) -> PResult<Stmt> {
        self.expect_kw("for")?;
        let target = self.target_list()?;
        self.expect_kw("in")?;
        let iter = self.star_expressions()?;
        let body = self.block_after("'for' statement")?;
        let orelse = if self.eat_kw("else") { self.block()? } else { vec![] };
        Ok(Stmt { kind: StmtKind::For { target, iter, body, orelse, is_async }, span: start.to(self.prev_span()) })
    }

    pub(super) fn target_list(&mut self) -> PResult<Expr> {
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

    pub(super) fn star_target(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.eat_op("*") {
            let inner = self.bitor()?;
            return Ok(self.expr(ExprKind::Starred(Box::new(inner)), start.to(self.prev_span())));
        }
        self.bitor()
    }

    pub(super) fn try_stmt(&mut self) -> PResult<Stmt> {
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

    pub(super) fn with_stmt(&mut self, is_async: bool, start: Span) -> PResult<Stmt> {
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
    pub(super) fn with_is_parenthesized(&self) -> bool {
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

    pub(super) fn funcdef(&mut self, decorators: Vec<Expr>, is_async: bool, start: Span) -> PResult<Stmt> {
        self.expect_kw("def")?;
        let name = self.name()?;
        self.expect_op("(")?;
        let params = self.params(")")?;
        self.expect_op(")")?;
        let mut params = params;
        if self.eat_op("->") {
            let expr = self.expression()?;
            let text = self.annotation_text(&expr);
            params.annotations.push(Annotation { name: "return".into(), expr, text });
        }
        let body = self.block_after("function definition")?;
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Box::new(FunctionDef { name, params, body, decorators, is_async })),
            span: start.to(self.prev_span()),
        })
    }

    pub(super) fn params(&mut self, close: &str) -> PResult<Params> {
        let mut p = Params::default();
        let mut seen_default = false;
        let mut star_seen = false;
        let annotations = close == ")";
        while !self.at_op(close) {
            let s = self.span();
            if self.eat_op("**") {
                let name = self.name()?;
                if annotations && self.eat_op(":") {
                    self.annotation(&mut p, &name)?;
                }
                p.kwarg = Some(name);
            } else if self.eat_op("*") {
                if star_seen {
                    return self.error_at(s, "* argument may appear only once");
                }
                star_seen = true;
                if !self.at_op(",") {
                    let name = self.name()?;
                    if annotations && self.eat_op(":") {
                        self.annotation(&mut p, &name)?;
                    }
                    p.vararg = Some(name);
                }
            } else if self.eat_op("/") {
                p.posonly = p.args.len();
            } else {
                let name = self.name()?;
                if annotations && self.eat_op(":") {
                    self.annotation(&mut p, &name)?;
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

    /// An annotation as `from __future__ import annotations` keeps it: its source (CPython
    /// unparses it: the same text but for spacing, and a string literal's quotes).
    fn annotation_text(&self, expr: &Expr) -> String {
        match &expr.kind {
            ExprKind::Str(s) => crate::literal::str_repr(s),
            _ => self.source_text(expr.span),
        }
    }

    /// A parameter's annotation, after its `:`.
    fn annotation(&mut self, p: &mut Params, name: &str) -> PResult<()> {
        let expr = self.expression()?;
        let text = self.annotation_text(&expr);
        p.annotations.push(Annotation { name: name.to_string(), expr, text });
        Ok(())
    }

    pub(super) fn classdef(&mut self, decorators: Vec<Expr>, start: Span) -> PResult<Stmt> {
        self.expect_kw("class")?;
        let name = self.name()?;
        let mut bases = vec![];
        let mut keywords = vec![];
        if self.at_op("(") {
            let paren = self.span();
            self.advance();
            for arg in self.call_args(paren)? {
                match arg {
                    Arg::Pos(e) => bases.push(e),
                    Arg::Kw(k, e) => keywords.push((k, e)),
                    Arg::Star(e) | Arg::StarStar(e) => return self.unsupported(e.span, "unpacking (* or **) in a class's bases"),
                }
            }
            self.expect_op(")")?;
        }
        let body = self.block_after("class definition")?;
        Ok(Stmt { kind: StmtKind::ClassDef { name, bases, keywords, body, decorators }, span: start.to(self.prev_span()) })
    }
}

pub(super) fn aug_op(op: &str) -> Option<BinOp> {
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

/// An assignment target must be a name, attribute, subscript or a tuple/list of them.
/// `lone`: the only target of a plain `x = value` statement, where CPython suspects a
/// comparison was meant (its `invalid_named_expression` rule) and says so.
pub(super) fn check_target(e: &Expr, lone: bool) -> PResult<()> {
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
            let bare = matches!(e.kind, ExprKind::Tuple(_))
                && items.first().is_some_and(|i| (i.span.line, i.span.col) == (e.span.line, e.span.col));
            let last = items.len().saturating_sub(1);
            items.iter().enumerate().try_for_each(|(n, i)| check_target(i, lone && bare && n == last))
        }
        ExprKind::Starred(inner) => check_target(inner, false),
        _ => {
            let what = e.describe();
            // The rule takes a `bitwise_or` expression, and not these.
            let operand = !matches!(
                e.kind,
                ExprKind::Compare(..)
                    | ExprKind::And(..)
                    | ExprKind::Or(..)
                    | ExprKind::Unary(UnaryOp::Not, _)
                    | ExprKind::Lambda { .. }
                    | ExprKind::IfExp { .. }
                    | ExprKind::Walrus(..)
                    | ExprKind::Yield(_)
                    | ExprKind::YieldFrom(_)
                    | ExprKind::True
                    | ExprKind::False
                    | ExprKind::None
                    | ExprKind::Comp { kind: CompKind::Gen, .. }
            );
            let message = if lone && operand {
                format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {what}")
            };
            Err(SyntaxError {
                message,
                line: e.span.line,
                col: e.span.col,
                unsupported: false,
                end: Some((e.span.end_line, e.span.end_col)),
            })
        }
    }
}
