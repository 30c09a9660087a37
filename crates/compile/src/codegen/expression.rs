//! Expressions, calls, f-strings and comprehensions.

use super::{is_constant, CResult, Compiler, FnBody};
use crate::bytecode::CodeKind;
use crate::bytecode::{Const, Op};
use crate::symtable::{self, Resolution};
use awaitlab_syntax::ast::*;
use awaitlab_syntax::Span;
use awaitlab_syntax::SyntaxWarning;

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        let saved = self.span;
        self.span = e.span;
        self.expr_inner(e)?;
        self.span = saved;
        Ok(())
    }

    pub(super) fn expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Int(s) => {
                let v = match s.parse::<i64>() {
                    Ok(i) => Const::Int(i),
                    Err(_) => Const::BigInt(s.clone()),
                };
                let k = self.konst(v);
                self.op(Op::LoadConst(k));
            }
            ExprKind::Float(f) => {
                self.consts.push(Const::Float(*f));
                let k = (self.consts.len() - 1) as u32;
                self.op(Op::LoadConst(k));
            }
            ExprKind::Str(s) => {
                let k = self.konst(Const::str(s));
                self.op(Op::LoadConst(k));
            }
            ExprKind::Bytes(b) => {
                self.consts.push(Const::Bytes(b.clone()));
                let k = (self.consts.len() - 1) as u32;
                self.op(Op::LoadConst(k));
            }
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::True | ExprKind::False => {
                let k = self.konst(Const::Bool(matches!(e.kind, ExprKind::True)));
                self.op(Op::LoadConst(k));
            }
            ExprKind::None => {
                self.op(Op::LoadConst(0));
            }
            ExprKind::Ellipsis => {
                self.consts.push(Const::Ellipsis);
                let k = (self.consts.len() - 1) as u32;
                self.op(Op::LoadConst(k));
            }
            ExprKind::List(items) => self.sequence(items, SeqKind::List)?,
            ExprKind::Tuple(items) => self.sequence(items, SeqKind::Tuple)?,
            ExprKind::Set(items) => self.sequence(items, SeqKind::Set)?,
            ExprKind::Dict(items) => {
                let mut n = 0;
                let mut built = false;
                for (k, v) in items {
                    match k {
                        Some(k) => {
                            self.expr(k)?;
                            self.expr(v)?;
                            n += 1;
                        }
                        None => {
                            if !built || n > 0 {
                                self.op(Op::BuildDict(n));
                                if built {
                                    self.op(Op::DictUpdate);
                                }
                                built = true;
                                n = 0;
                            }
                            self.expr(v)?;
                            self.op(Op::DictUpdate);
                        }
                    }
                }
                if !built || n > 0 {
                    self.op(Op::BuildDict(n));
                    if built {
                        self.op(Op::DictUpdate);
                    }
                }
            }
            ExprKind::Starred(_) => return self.err(e.span, "can't use starred expression here"),
            ExprKind::BinOp(a, op, b) => {
                self.expr(a)?;
                self.expr(b)?;
                self.op(Op::Binary(*op));
            }
            ExprKind::Unary(op, a) => {
                self.expr(a)?;
                self.op(Op::Unary(*op));
            }
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                self.expr(a)?;
                let j =
                    if matches!(e.kind, ExprKind::And(..)) { self.op(Op::JumpIfFalseOrPop(0)) } else { self.op(Op::JumpIfTrueOrPop(0)) };
                self.expr(b)?;
                let h = self.here();
                self.patch(j, h);
            }
            ExprKind::Compare(first, rest) => {
                if let Some(message) = is_literal_warning(first, rest) {
                    self.warnings.push(SyntaxWarning { line: e.span.line, message: message.into() });
                }
                self.expr(first)?;
                if rest.len() == 1 {
                    self.expr(&rest[0].1)?;
                    self.op(Op::Compare(rest[0].0));
                } else {
                    let mut fails = vec![];
                    for (i, (op, x)) in rest.iter().enumerate() {
                        self.expr(x)?;
                        if i + 1 < rest.len() {
                            self.op(Op::Dup);
                            self.op(Op::Rot3);
                            self.op(Op::Compare(*op));
                            fails.push(self.op(Op::JumpIfFalseOrPop(0)));
                        } else {
                            self.op(Op::Compare(*op));
                        }
                    }
                    let j = self.op(Op::Jump(0));
                    let cleanup = self.here();
                    for f in fails {
                        self.patch(f, cleanup);
                    }
                    self.op(Op::Rot2);
                    self.op(Op::Pop);
                    let end = self.here();
                    self.patch(j, end);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.op(Op::PopJumpIfFalse(0));
                self.expr(body)?;
                let j = self.op(Op::Jump(0));
                let h = self.here();
                self.patch(jf, h);
                self.expr(orelse)?;
                let h = self.here();
                self.patch(j, h);
            }
            ExprKind::Call { func, args } => self.call(func, args, e.span)?,
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let k = self.name_idx(attr);
                self.op(Op::LoadAttr(k));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.op(Op::Subscr);
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b] {
                    match x {
                        Some(x) => self.expr(x)?,
                        None => {
                            self.op(Op::LoadConst(0));
                        }
                    }
                }
                match c {
                    Some(c) => {
                        self.expr(c)?;
                        self.op(Op::BuildSlice(3));
                    }
                    None => {
                        self.op(Op::BuildSlice(2));
                    }
                }
            }
            ExprKind::Lambda { params, body } => {
                self.make_function(symtable::node_key(e), "<lambda>", params, FnBody::Lambda(body), false, e.span)?;
            }
            ExprKind::Comp { kind, elt, value, generators } => {
                self.comprehension(symtable::node_key(e), *kind, elt, value.as_deref(), generators, e.span)?
            }
            ExprKind::Await(inner) => {
                if !self.is_async {
                    if self.kind == CodeKind::Comprehension {
                        return self.err(e.span, "asynchronous comprehension outside of an asynchronous function");
                    }
                    let m = if matches!(self.kind, CodeKind::Module | CodeKind::Class) {
                        "'await' outside function"
                    } else {
                        "'await' outside async function"
                    };
                    return self.err(e.span, m);
                }
                self.expr(inner)?;
                self.op(Op::GetAwaitable);
                self.op(Op::Await);
            }
            ExprKind::Yield(v) => {
                if !matches!(self.kind, CodeKind::Function | CodeKind::Lambda) {
                    return self.err(e.span, "'yield' outside function");
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => {
                        self.op(Op::LoadConst(0));
                    }
                }
                self.op(Op::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                if self.is_async {
                    return self.err(e.span, "'yield from' inside async function");
                }
                if !matches!(self.kind, CodeKind::Function | CodeKind::Lambda) {
                    return self.err(e.span, "'yield' outside function");
                }
                self.expr(v)?;
                self.op(Op::GetIter);
                // The value sent in; YieldFrom pops it (each resumption pushes the next one).
                self.op(Op::LoadConst(0));
                self.op(Op::YieldFrom);
            }
            ExprKind::Walrus(n, v) => {
                self.expr(v)?;
                self.op(Op::Dup);
                self.store_name(n);
            }
        }
        Ok(())
    }

    pub(super) fn sequence(&mut self, items: &'a [Expr], kind: SeqKind) -> CResult<()> {
        let has_star = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !has_star {
            for i in items {
                self.expr(i)?;
            }
            let n = items.len() as u32;
            self.op(match kind {
                SeqKind::List => Op::BuildList(n),
                SeqKind::Tuple => Op::BuildTuple(n),
                SeqKind::Set if n > 2 && items.iter().all(is_constant) => Op::BuildConstSet(n),
                SeqKind::Set => Op::BuildSet(n),
            });
            return Ok(());
        }
        if kind == SeqKind::Set {
            self.op(Op::BuildSet(0));
        } else {
            self.op(Op::BuildList(0));
        }
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.op(if kind == SeqKind::Set { Op::SetUpdate } else { Op::ListExtend });
                }
                _ => {
                    self.expr(i)?;
                    self.op(if kind == SeqKind::Set { Op::SetAdd(1) } else { Op::ListAppend(1) });
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.op(Op::ListToTuple);
        }
        Ok(())
    }

    pub(super) fn call(&mut self, func: &'a Expr, args: &'a [Arg], span: Span) -> CResult<()> {
        if args.is_empty() && matches!(&func.kind, ExprKind::Name(n) if n == "super") && self.kind == CodeKind::Function {
            // Zero-argument super(): super(__class__, <first argument>).
            if let (Resolution::Cell(_), Some(first)) = (self.scope.resolve("__class__"), self.varnames.first().cloned()) {
                self.load_name("super");
                self.load_name("__class__");
                self.load_name(&first);
                self.span = span;
                self.op(Op::Call(2));
                return Ok(());
            }
        }
        let simple = args.iter().all(|a| matches!(a, Arg::Pos(_)));
        let has_star = args.iter().any(|a| matches!(a, Arg::Star(_) | Arg::StarStar(_)));
        if simple {
            if let ExprKind::Attribute(obj, attr) = &func.kind {
                self.expr(obj)?;
                let k = self.name_idx(attr);
                self.span = func.span;
                self.op(Op::LoadMethod(k));
                for a in args {
                    if let Arg::Pos(x) = a {
                        self.expr(x)?;
                    }
                }
                self.span = span;
                self.op(Op::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.expr(func)?;
        if !has_star {
            let mut kwnames = vec![];
            for a in args {
                match a {
                    Arg::Pos(x) => self.expr(x)?,
                    Arg::Kw(n, x) => {
                        if kwnames.iter().any(|k: &Const| matches!(k, Const::Str(s) if &**s == n)) {
                            return self.err(x.span, &format!("keyword argument repeated: {n}"));
                        }
                        self.expr(x)?;
                        kwnames.push(Const::str(n));
                    }
                    _ => unreachable!(),
                }
            }
            self.span = span;
            if kwnames.is_empty() {
                self.op(Op::Call(args.len() as u32));
            } else {
                self.consts.push(Const::Tuple(kwnames));
                let k = (self.consts.len() - 1) as u32;
                self.op(Op::CallKw(args.len() as u32, k));
            }
            return Ok(());
        }
        // General form: a positional tuple and a kwargs dict.
        self.op(Op::BuildList(0));
        for a in args {
            match a {
                Arg::Pos(x) => {
                    self.expr(x)?;
                    self.op(Op::ListAppend(1));
                }
                Arg::Star(x) => {
                    self.expr(x)?;
                    self.op(Op::ListExtend);
                }
                _ => {}
            }
        }
        self.op(Op::ListToTuple);
        let kw: Vec<&Arg> = args.iter().filter(|a| matches!(a, Arg::Kw(..) | Arg::StarStar(_))).collect();
        if kw.is_empty() {
            self.span = span;
            self.op(Op::CallEx(0));
            return Ok(());
        }
        self.op(Op::BuildDict(0));
        for a in kw {
            match a {
                Arg::Kw(n, x) => {
                    let k = self.konst(Const::str(n));
                    self.op(Op::LoadConst(k));
                    self.expr(x)?;
                    self.op(Op::BuildDict(1));
                    self.op(Op::DictUpdate);
                }
                Arg::StarStar(x) => {
                    self.expr(x)?;
                    self.op(Op::DictUpdate);
                }
                _ => {}
            }
        }
        self.span = span;
        self.op(Op::CallEx(1));
        Ok(())
    }

    pub(super) fn fstring(&mut self, parts: &'a [FPart]) -> CResult<()> {
        let mut n = 0;
        for p in parts {
            match p {
                FPart::Lit(s) => {
                    let k = self.konst(Const::str(s));
                    self.op(Op::LoadConst(k));
                }
                FPart::Expr { expr, conversion, spec, debug_text } => {
                    if let Some(d) = debug_text {
                        let k = self.konst(Const::str(d));
                        self.op(Op::LoadConst(k));
                        n += 1;
                    }
                    self.expr(expr)?;
                    let mut flags = match conversion {
                        None => 0,
                        Some('s') => 1,
                        Some('r') => 2,
                        _ => 3,
                    };
                    if let Some(spec) = spec {
                        self.fstring(spec)?;
                        flags |= 8;
                    }
                    self.op(Op::FormatValue(flags));
                }
            }
            n += 1;
        }
        if n != 1 {
            self.op(Op::BuildString(n));
        } else if let [FPart::Lit(_)] = parts {
            // A lone literal is already a str.
        }
        Ok(())
    }

    pub(super) fn comprehension(
        &mut self,
        key: usize,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        generators: &'a [Comprehension],
        span: Span,
    ) -> CResult<()> {
        let scope = self.child_scope(key, span)?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let has_async = generators.iter().any(|g| g.is_async) || scope.has_await;
        let qualname = self.child_qualname(name);
        let mut c = self.nested(scope, CodeKind::Comprehension, name.into(), qualname.into(), span.line);
        c.span = span;
        // An async generator expression, or an async comprehension inside a coroutine.
        c.is_async = has_async && (kind == CompKind::Gen || self.is_async);
        if has_async && !self.is_async && kind != CompKind::Gen {
            return self.err(span, "asynchronous comprehension outside of an asynchronous function");
        }
        c.var_idx(".0");
        if kind != CompKind::Gen {
            c.op(match kind {
                CompKind::List => Op::BuildList(0),
                CompKind::Set => Op::BuildSet(0),
                _ => Op::BuildDict(0),
            });
        }
        c.comp_loop(kind, elt, value, generators, 0)?;
        if kind == CompKind::Gen {
            c.op(Op::LoadConst(0));
        }
        c.op(Op::Return);
        let frees: Vec<String> = c.scope.frees.iter().cloned().collect();
        let mut code = c.finish(&mut self.warnings);
        code.argcount = 1;
        self.push_function(code, &frees, 0)?;
        self.expr(&generators[0].iter)?;
        self.span = span;
        if generators[0].is_async {
            self.op(Op::GetAiter);
        } else {
            self.op(Op::GetIter);
        }
        self.op(Op::Call(1));
        if has_async && kind != CompKind::Gen {
            self.op(Op::GetAwaitable);
            self.op(Op::Await);
        }
        Ok(())
    }

    pub(super) fn comp_loop(
        &mut self,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        gens: &'a [Comprehension],
        depth: usize,
    ) -> CResult<()> {
        let g = &gens[depth];
        if depth == 0 {
            let k = self.var_idx(".0");
            self.op(Op::LoadFast(k));
        } else {
            self.expr(&g.iter)?;
            if g.is_async {
                self.op(Op::GetAiter);
            } else {
                self.op(Op::GetIter);
            }
        }
        let top = self.here();
        let (exit_jump, async_setup) = if g.is_async {
            let setup = self.op(Op::SetupExcept(0));
            self.op(Op::Dup);
            self.op(Op::GetAnext);
            self.op(Op::Await);
            self.op(Op::PopBlock);
            (None, Some(setup))
        } else {
            (Some(self.op(Op::ForIter(0))), None)
        };
        self.assign(&g.target)?;
        let mut skips = vec![];
        for cond in &g.ifs {
            self.expr(cond)?;
            skips.push(self.op(Op::PopJumpIfFalse(0)));
        }
        if depth + 1 < gens.len() {
            self.comp_loop(kind, elt, value, gens, depth + 1)?;
        } else {
            let stack_depth = (depth + 1) as u32 + 1;
            match kind {
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.op(Op::YieldValue);
                    self.op(Op::Pop);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.op(Op::ListAppend(stack_depth));
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.op(Op::SetAdd(stack_depth));
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    self.expr(value.unwrap())?;
                    self.op(Op::MapAdd(stack_depth));
                }
            }
        }
        for s in skips {
            self.patch(s, top);
            self.ops[s] = Op::PopJumpIfFalse(top as u32);
        }
        self.op(Op::Jump(top as u32));
        let end = self.here();
        if let Some(j) = exit_jump {
            self.patch(j, end);
        }
        if let Some(setup) = async_setup {
            self.patch(setup, end);
            let e = self.op(Op::EndAsyncFor(0));
            let after = self.here();
            self.patch(e, after);
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SeqKind {
    List,
    Tuple,
    Set,
}

/// CPython's check_compare: `x is 1` compares identity with a literal (None, True, False and
/// ... are fine), almost always a mistake for `==`.
fn is_literal_warning(first: &Expr, rest: &[(CmpOp, Expr)]) -> Option<&'static str> {
    let literal = |e: &Expr| match &e.kind {
        ExprKind::None | ExprKind::True | ExprKind::False | ExprKind::Ellipsis => false,
        ExprKind::Tuple(items) => items.iter().all(is_constant),
        _ => is_constant(e),
    };
    let mut left = literal(first);
    for (op, right) in rest {
        let right_literal = literal(right);
        if matches!(op, CmpOp::Is | CmpOp::IsNot) && (left || right_literal) {
            let message = if *op == CmpOp::Is {
                "\"is\" with a literal. Did you mean \"==\"?"
            } else {
                "\"is not\" with a literal. Did you mean \"!=\"?"
            };
            return Some(message);
        }
        left = right_literal;
    }
    None
}
