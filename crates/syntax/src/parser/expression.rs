//! Expressions, from named expressions down to atoms, and string literals.

use super::fstring::parse_fstring;
use super::statement::aug_op;
use super::{PResult, Parser, KEYWORDS};
use crate::ast::*;
use crate::lexer::Tok;
use crate::span::Span;

impl Parser<'_> {
    /// Comma-separated expressions (a tuple without parentheses), stars allowed.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
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

    pub(super) fn at_expr_end(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::End)
            || [")", "]", "}", "=", ":", ";"].iter().any(|o| self.at_op(o))
            || matches!(self.peek(), Tok::Op(o) if aug_op(o).is_some())
    }

    pub(super) fn star_expression(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.eat_op("*") {
            let inner = self.bitor()?;
            return Ok(self.expr(ExprKind::Starred(Box::new(inner)), start.to(self.prev_span())));
        }
        self.named_expr()
    }

    pub(super) fn named_expr(&mut self) -> PResult<Expr> {
        if let (Tok::Name(n), Tok::Op(":=")) = (self.peek().clone(), self.peek_at(1).clone()) {
            let start = self.span();
            self.advance();
            self.advance();
            let value = self.expression()?;
            return Ok(self.expr(ExprKind::Walrus(n, Box::new(value)), start.to(self.prev_span())));
        }
        self.expression()
    }

    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    pub(super) fn expression_inner(&mut self) -> PResult<Expr> {
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

    pub(super) fn lambda(&mut self) -> PResult<Expr> {
        let start = self.span();
        self.advance();
        let params = self.params(":")?;
        self.expect_op(":")?;
        let body = self.expression()?;
        Ok(self.expr(ExprKind::Lambda { params: Box::new(params), body: Box::new(body) }, start.to(self.prev_span())))
    }

    pub(super) fn or_test(&mut self) -> PResult<Expr> {
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

    pub(super) fn and_test(&mut self) -> PResult<Expr> {
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

    pub(super) fn not_test(&mut self) -> PResult<Expr> {
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

    pub(super) fn comparison(&mut self) -> PResult<Expr> {
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

    pub(super) fn binary_level(&mut self, level: usize) -> PResult<Expr> {
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

    pub(super) fn bitor(&mut self) -> PResult<Expr> {
        self.binary_level(0)
    }

    pub(super) fn factor(&mut self) -> PResult<Expr> {
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

    pub(super) fn power(&mut self) -> PResult<Expr> {
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

    pub(super) fn primary(&mut self) -> PResult<Expr> {
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
    pub(super) fn call_args(&mut self, paren: Span) -> PResult<Vec<Arg>> {
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
                    args.push(Arg::Pos(self.expr(ExprKind::Comp { kind: CompKind::Gen, elt: Box::new(e), value: None, generators }, sp)));
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

    pub(super) fn subscript(&mut self) -> PResult<Expr> {
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

    pub(super) fn slice_item(&mut self) -> PResult<Expr> {
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

    pub(super) fn comp_for(&mut self) -> PResult<Vec<Comprehension>> {
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

    pub(super) fn or_test_no_cond(&mut self) -> PResult<Expr> {
        self.or_test()
    }

    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.span();
        self.expect_kw("yield")?;
        if self.eat_kw("from") {
            let e = self.expression()?;
            return Ok(self.expr(ExprKind::YieldFrom(Box::new(e)), start.to(self.prev_span())));
        }
        let value = if self.at_expr_end() { None } else { Some(Box::new(self.star_expressions()?)) };
        Ok(self.expr(ExprKind::Yield(value), start.to(self.prev_span())))
    }

    pub(super) fn atom(&mut self) -> PResult<Expr> {
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

    pub(super) fn dict_or_set(&mut self, start: Span) -> PResult<Expr> {
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
            return Ok(self
                .expr(ExprKind::Comp { kind: CompKind::Set, elt: Box::new(first), value: None, generators }, start.to(self.prev_span())));
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

    pub(super) fn dict_rest(&mut self, start: Span, mut items: Vec<(Option<Expr>, Expr)>) -> PResult<Expr> {
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
    pub(super) fn strings(&mut self) -> PResult<Expr> {
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
                parts.extend(parse_fstring(&value, raw, body_line, body_col, self.warnings)?);
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
