//! Statements: simple ones, assignment targets, loops and imports.

use super::{CResult, Compiler, FBlock, FnBody, STAR_EXIT};
use crate::bytecode::CodeKind;
use crate::bytecode::{Const, Op};
use crate::symtable;
use awaitlab_syntax::ast::*;

impl<'a> Compiler<'a> {
    pub(super) fn body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub(super) fn stmt(&mut self, st: &'a Stmt) -> CResult<()> {
        self.span = st.span;
        self.span.end_line = st.span.line;
        match &st.kind {
            StmtKind::Expr(e) => {
                self.span = e.span;
                self.expr(e)?;
                self.op(Op::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.op(Op::Dup);
                    }
                    self.assign(t)?;
                }
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.assign(target)?;
                }
                if let (ExprKind::Name(n), CodeKind::Module | CodeKind::Class) = (&target.kind, self.kind) {
                    // __annotations__[name] = 'annotation' (as under PEP 563).
                    let text = self.konst(Const::str(annotation));
                    self.op(Op::LoadConst(text));
                    let annotations = self.name_idx("__annotations__");
                    self.op(Op::LoadName(annotations));
                    let key = self.konst(Const::str(n));
                    self.op(Op::LoadConst(key));
                    self.op(Op::StoreSubscr);
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.span = st.span;
                self.make_function(symtable::node_key(&**f), &f.name, &f.params, FnBody::Stmts(&f.body), f.is_async, st.span)?;
                for _ in &f.decorators {
                    self.op(Op::Call(1));
                }
                self.store_name(&f.name);
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorators } => {
                for d in decorators {
                    self.expr(d)?;
                }
                self.span = st.span;
                self.class_def(symtable::node_key(st), name, body, st.span)?;
                for b in bases {
                    self.expr(b)?;
                }
                self.op(Op::BuildTuple(bases.len() as u32));
                let k = self.konst(Const::str(name));
                if keywords.is_empty() {
                    self.op(Op::BuildClass(k));
                } else {
                    for (i, (kw, value)) in keywords.iter().enumerate() {
                        if keywords[..i].iter().any(|(other, _)| other == kw) {
                            return self.err(value.span, &format!("keyword argument repeated: {kw}"));
                        }
                        let kk = self.konst(Const::str(kw));
                        self.op(Op::LoadConst(kk));
                        self.expr(value)?;
                    }
                    self.op(Op::BuildDict(keywords.len() as u32));
                    self.span = st.span;
                    self.op(Op::BuildClassKw(k));
                }
                for _ in decorators {
                    self.op(Op::Call(1));
                }
                self.store_name(name);
            }
            StmtKind::Return(v) => {
                if !matches!(self.kind, CodeKind::Function | CodeKind::Lambda) {
                    return self.err(st.span, "'return' outside function");
                }
                if self.fblocks.iter().any(|b| matches!(b, FBlock::StarHandler)) {
                    return self.err(st.span, STAR_EXIT);
                }
                match v {
                    Some(v) => {
                        if self.scope.is_generator && self.is_async {
                            return self.err(st.span, "'return' with value in async generator");
                        }
                        self.expr(v)?
                    }
                    None => {
                        self.op(Op::LoadConst(0));
                    }
                }
                self.unwind_for_return()?;
                self.op(Op::Return);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.op(Op::PopJumpIfFalse(0));
                self.body(body)?;
                if orelse.is_empty() {
                    let h = self.here();
                    self.patch(jf, h);
                } else {
                    let j = self.op(Op::Jump(0));
                    let h = self.here();
                    self.patch(jf, h);
                    self.body(orelse)?;
                    let h = self.here();
                    self.patch(j, h);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let top = self.here();
                self.span = test.span;
                self.expr(test)?;
                let jf = self.op(Op::PopJumpIfFalse(0));
                self.fblocks.push(FBlock::Loop { continue_target: top, breaks: vec![], is_for: false });
                self.body(body)?;
                self.span = test.span;
                self.op(Op::Jump(top as u32));
                let Some(FBlock::Loop { breaks, .. }) = self.fblocks.pop() else { unreachable!() };
                let h = self.here();
                self.patch(jf, h);
                self.body(orelse)?;
                let end = self.here();
                for b in breaks {
                    self.patch(b, end);
                }
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                self.expr(iter)?;
                if *is_async {
                    if !self.is_async {
                        return self.err(st.span, "'async for' outside async function");
                    }
                    self.op(Op::GetAiter);
                    let top = self.here();
                    let setup = self.op(Op::SetupExcept(0));
                    self.op(Op::Dup);
                    self.op(Op::GetAnext);
                    self.op(Op::Await);
                    self.op(Op::PopBlock);
                    self.assign(target)?;
                    self.fblocks.push(FBlock::Loop { continue_target: top, breaks: vec![], is_for: true });
                    self.body(body)?;
                    self.op(Op::Jump(top as u32));
                    let Some(FBlock::Loop { breaks, .. }) = self.fblocks.pop() else { unreachable!() };
                    let handler = self.here();
                    self.patch(setup, handler);
                    // Exception on TOS: StopAsyncIteration ends the loop; anything else propagates.
                    let eaf = self.op(Op::EndAsyncFor(0));
                    let _ = eaf;
                    let after = self.here();
                    self.patch(eaf, after);
                    self.body(orelse)?;
                    let end = self.here();
                    for b in breaks {
                        self.patch(b, end);
                    }
                } else {
                    self.op(Op::GetIter);
                    let top = self.here();
                    self.span = st.span;
                    let fi = self.op(Op::ForIter(0));
                    self.assign(target)?;
                    self.fblocks.push(FBlock::Loop { continue_target: top, breaks: vec![], is_for: true });
                    self.body(body)?;
                    self.span = st.span;
                    self.op(Op::Jump(top as u32));
                    let Some(FBlock::Loop { breaks, .. }) = self.fblocks.pop() else { unreachable!() };
                    let h = self.here();
                    self.patch(fi, h);
                    self.body(orelse)?;
                    let end = self.here();
                    for b in breaks {
                        self.patch(b, end);
                    }
                }
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(st.kind, StmtKind::Break);
                let Some(loop_pos) = self.fblocks.iter().rposition(|b| matches!(b, FBlock::Loop { .. })) else {
                    let m = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
                    return self.err(st.span, m);
                };
                if self.fblocks[loop_pos..].iter().any(|b| matches!(b, FBlock::StarHandler)) {
                    return self.err(st.span, STAR_EXIT);
                }
                self.unwind_blocks(loop_pos + 1, false)?;
                if is_break {
                    if let FBlock::Loop { is_for: true, .. } = self.fblocks[loop_pos] {
                        self.op(Op::Pop);
                    }
                    let j = self.op(Op::Jump(0));
                    if let FBlock::Loop { breaks, .. } = &mut self.fblocks[loop_pos] {
                        breaks.push(j);
                    }
                } else if let FBlock::Loop { continue_target, .. } = self.fblocks[loop_pos] {
                    self.op(Op::Jump(continue_target as u32));
                }
            }
            StmtKind::Pass => {}
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Try { body, handlers, orelse, finalbody, star } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse, *star)?;
                } else {
                    let setup = self.op(Op::SetupFinally(0));
                    self.fblocks.push(FBlock::TryFinally { body: finalbody });
                    if handlers.is_empty() {
                        self.body(body)?;
                    } else {
                        self.try_except(body, handlers, orelse, *star)?;
                    }
                    self.fblocks.pop();
                    self.op(Op::PopBlock);
                    self.body(finalbody)?;
                    let j = self.op(Op::Jump(0));
                    let h = self.here();
                    self.patch(setup, h);
                    self.op(Op::PushExcInfo);
                    self.fblocks.push(FBlock::FinallyRunning);
                    self.body(finalbody)?;
                    self.fblocks.pop();
                    self.op(Op::Reraise);
                    let end = self.here();
                    self.patch(j, end);
                }
            }
            StmtKind::Raise { exc, cause } => match (exc, cause) {
                (None, _) => {
                    self.op(Op::Raise(0));
                }
                (Some(e), None) => {
                    self.expr(e)?;
                    self.span = st.span;
                    self.op(Op::Raise(1));
                }
                (Some(e), Some(c)) => {
                    self.expr(e)?;
                    self.expr(c)?;
                    self.span = st.span;
                    self.op(Op::Raise(2));
                }
            },
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let j = self.op(Op::PopJumpIfTrue(0));
                self.span = st.span;
                self.op(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.span = st.span;
                    self.op(Op::Call(1));
                }
                self.op(Op::Raise(1));
                let h = self.here();
                self.patch(j, h);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Import(names) => {
                for (name, alias) in names {
                    let k = self.name_idx(name);
                    self.op(Op::ImportName(k));
                    match alias {
                        Some(a) => {
                            // `import a.b as c` binds the submodule: the package's attribute,
                            // which importing it set.
                            if name.contains('.') {
                                let top = name.split('.').next().unwrap().to_string();
                                let t = self.name_idx(&top);
                                self.op(Op::Pop);
                                self.op(Op::ImportName(t));
                            }
                            for part in name.split('.').skip(1) {
                                let p = self.name_idx(part);
                                self.op(Op::LoadAttr(p));
                            }
                            self.store_name(a)
                        }
                        None => {
                            let top = name.split('.').next().unwrap().to_string();
                            let t = self.name_idx(&top);
                            self.op(Op::Pop);
                            self.op(Op::ImportName(t));
                            self.store_name(&top)
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names } => {
                let k = self.name_idx(module);
                self.op(Op::ImportName(k));
                for (name, alias) in names {
                    if name == "*" {
                        if self.kind != CodeKind::Module {
                            return self.err(st.span, "import * only allowed at module level");
                        }
                        self.op(Op::ImportStar);
                        return Ok(());
                    }
                    let n = self.name_idx(name);
                    self.op(Op::ImportFrom(n));
                    self.store_name(alias.as_ref().unwrap_or(name));
                }
                self.op(Op::Pop);
            }
            StmtKind::With { items, body, is_async } => {
                if *is_async && !self.is_async {
                    return self.err(st.span, "'async with' outside async function");
                }
                self.with(items, body, *is_async, st.span)?;
            }
        }
        Ok(())
    }

    pub(super) fn assign(&mut self, t: &'a Expr) -> CResult<()> {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let k = self.name_idx(attr);
                self.emit(Op::StoreAttr(k), t.span);
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(Op::StoreSubscr, t.span);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                match items.iter().position(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    Some(star) => {
                        let after = items.len() - star - 1;
                        self.emit(Op::UnpackEx(star as u32, after as u32), t.span);
                    }
                    None => {
                        self.emit(Op::UnpackSequence(items.len() as u32), t.span);
                    }
                }
                for i in items {
                    match &i.kind {
                        ExprKind::Starred(inner) => self.assign(inner)?,
                        _ => self.assign(i)?,
                    }
                }
            }
            _ => return self.err(t.span, "cannot assign to expression"),
        }
        Ok(())
    }

    pub(super) fn delete(&mut self, t: &'a Expr) -> CResult<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                let saved = std::mem::replace(&mut self.span, t.span);
                self.delete_name(n);
                self.span = saved;
            }
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let k = self.name_idx(attr);
                self.emit(Op::DeleteAttr(k), t.span);
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(Op::DeleteSubscr, t.span);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return self.err(t.span, &format!("cannot delete {}", t.describe())),
        }
        Ok(())
    }

    pub(super) fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> CResult<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let saved = std::mem::replace(&mut self.span, target.span);
                self.load_name(n);
                self.span = saved;
                self.expr(value)?;
                self.emit(Op::Inplace(op), target.span.to(value.span));
                self.store_name(n);
            }
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                self.op(Op::Dup);
                let k = self.name_idx(attr);
                self.emit(Op::LoadAttr(k), target.span);
                self.expr(value)?;
                self.emit(Op::Inplace(op), target.span.to(value.span));
                self.op(Op::Rot2);
                self.emit(Op::StoreAttr(k), target.span);
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.op(Op::Dup2);
                self.emit(Op::Subscr, target.span);
                self.expr(value)?;
                self.emit(Op::Inplace(op), target.span.to(value.span));
                self.op(Op::Rot3);
                self.emit(Op::StoreSubscr, target.span);
            }
            _ => return self.err(target.span, "illegal expression for augmented assignment"),
        }
        Ok(())
    }

    // ---------- expressions ----------
}
