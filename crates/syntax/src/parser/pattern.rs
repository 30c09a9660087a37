//! `match` statements and PEP 634's patterns.

use super::{PResult, Parser, KEYWORDS};
use crate::ast::*;
use crate::lexer::Tok;
use crate::span::Span;

impl Parser<'_> {
    /// `match subject:` and its cases; None when `match` here is a plain name (a soft keyword:
    /// `match = 1`, `match(x)`), as CPython's grammar decides by trying this rule first.
    pub(super) fn match_stmt(&mut self) -> PResult<Option<Stmt>> {
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

    pub(super) fn match_subject(&mut self) -> PResult<Expr> {
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

    pub(super) fn star_named_expr(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.eat_op("*") {
            let inner = self.bitor()?;
            return Ok(self.expr(ExprKind::Starred(Box::new(inner)), start.to(self.prev_span())));
        }
        self.named_expr()
    }

    pub(super) fn pattern_node(&self, kind: PatternKind, span: Span) -> Pattern {
        Pattern { kind, span }
    }

    /// A case's pattern: `1, 2` without brackets is a sequence pattern.
    pub(super) fn patterns(&mut self) -> PResult<Pattern> {
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

    pub(super) fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        if self.eat_op("*") {
            let name = self.name()?;
            let name = if name == "_" { None } else { Some(name) };
            return Ok(self.pattern_node(PatternKind::Star(name), start.to(self.prev_span())));
        }
        self.pattern()
    }

    /// `or_pattern ['as' NAME]`.
    pub(super) fn pattern(&mut self) -> PResult<Pattern> {
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

    pub(super) fn or_pattern(&mut self) -> PResult<Pattern> {
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

    pub(super) fn closed_pattern(&mut self) -> PResult<Pattern> {
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
    pub(super) fn literal_expr(&mut self) -> PResult<Expr> {
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

    pub(super) fn class_pattern(&mut self, cls: Expr, start: Span) -> PResult<Pattern> {
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

    pub(super) fn mapping_pattern(&mut self) -> PResult<Pattern> {
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
}
