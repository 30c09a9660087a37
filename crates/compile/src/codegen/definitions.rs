//! Function, lambda and class definitions: their child scopes, code objects and closures.

use super::{docstring, CResult, Compiler, FnBody};
use crate::bytecode::{Code, CodeKind};
use crate::bytecode::{Const, Op};
use crate::symtable::{Resolution, Scope};
use awaitlab_syntax::ast::*;
use awaitlab_syntax::Span;
use std::rc::Rc;

impl<'a> Compiler<'a> {
    pub(super) fn class_def(&mut self, key: usize, name: &str, body: &'a [Stmt], span: Span) -> CResult<()> {
        let scope = self.child_scope(key, span)?;
        let qualname = self.child_qualname(name);
        let mut c = self.nested(scope, CodeKind::Class, name.into(), qualname.clone().into(), span.line);
        // __module__ and __qualname__ like CPython's class bodies.
        let mn = c.name_idx("__name__");
        c.emit(Op::LoadName(mn), span);
        let k = c.name_idx("__module__");
        c.emit(Op::StoreName(k), span);
        let q = c.konst(Const::str(&qualname));
        c.emit(Op::LoadConst(q), span);
        let k = c.name_idx("__qualname__");
        c.emit(Op::StoreName(k), span);
        // type() gives every class a __doc__: its docstring, or None.
        c.setup_annotations(body, span);
        let doc = match docstring(body) {
            Some(d) => c.konst(Const::str(d)),
            None => 0,
        };
        c.emit(Op::LoadConst(doc), span);
        let k = c.name_idx("__doc__");
        c.emit(Op::StoreName(k), span);
        for st in body {
            c.stmt(st)?;
        }
        c.emit(Op::LoadConst(0), span);
        c.emit(Op::Return, span);
        let frees: Vec<String> = c.scope.frees.iter().cloned().collect();
        let code = c.finish(&mut self.warnings);
        self.push_function(code, &frees, 0)
    }

    pub(super) fn child_scope(&self, key: usize, span: Span) -> CResult<Scope> {
        match self.scope.child(key) {
            Some(s) => Ok(s),
            None => self.err(span, "internal error: no scope for this definition"),
        }
    }

    pub(super) fn child_qualname(&self, name: &str) -> String {
        match self.kind {
            CodeKind::Module => name.to_string(),
            CodeKind::Class => format!("{}.{}", self.qualname, name),
            _ => format!("{}.<locals>.{}", self.qualname, name),
        }
    }

    /// Pushes the code object as a function with the given free variables closed over.
    pub(super) fn push_function(&mut self, code: Code, frees: &[String], mut flags: u32) -> CResult<()> {
        if !frees.is_empty() {
            for f in frees {
                let idx = match self.scope.resolve(f) {
                    Resolution::Cell(i) => i,
                    _ => {
                        // A class scope can pass through a name it also binds.
                        let i = self
                            .scope
                            .cells
                            .get_index_of(f.as_str())
                            .or_else(|| self.scope.frees.get_index_of(f.as_str()).map(|i| i + self.scope.cells.len()));
                        match i {
                            Some(i) => i as u32,
                            None => return self.err(self.span, "internal error: unresolved closure variable"),
                        }
                    }
                };
                self.op(Op::LoadClosure(idx));
            }
            self.op(Op::BuildTuple(frees.len() as u32));
            flags |= 8;
        }
        let k = self.consts.len() as u32;
        self.consts.push(Const::Code(Box::new(code)));
        self.op(Op::MakeFunction(k, flags));
        Ok(())
    }

    pub(super) fn make_function(
        &mut self,
        key: usize,
        name: &str,
        params: &'a Params,
        body: FnBody<'a>,
        is_async: bool,
        span: Span,
    ) -> CResult<()> {
        // Defaults are evaluated in the defining scope.
        let mut flags = 0;
        let defaults: Vec<&Expr> = params.args.iter().filter_map(|a| a.default.as_ref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.op(Op::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwd: Vec<&Param> = params.kwonly.iter().filter(|a| a.default.is_some()).collect();
        if !kwd.is_empty() {
            for p in &kwd {
                let k = self.konst(Const::str(&p.name));
                self.op(Op::LoadConst(k));
                self.expr(p.default.as_ref().unwrap())?;
            }
            self.op(Op::BuildDict(kwd.len() as u32));
            flags |= 2;
        }
        // Annotations are evaluated here too, into the function's `__annotations__` (their
        // text under `from __future__ import annotations`).
        if !params.annotations.is_empty() {
            // CPython's order: the positional parameters after `/`, then those before it, then
            // the rest as written (`*args`, keyword-only, `**kwargs`, the return).
            let before_slash = |a: &&Annotation| params.args[..params.posonly].iter().any(|p| p.name == a.name);
            let after_slash = |a: &&Annotation| params.args[params.posonly..].iter().any(|p| p.name == a.name);
            let ordered: Vec<&Annotation> = params
                .annotations
                .iter()
                .filter(after_slash)
                .chain(params.annotations.iter().filter(before_slash))
                .chain(params.annotations.iter().filter(|a| !before_slash(a) && !after_slash(a)))
                .collect();
            for a in ordered {
                let k = self.konst(Const::str(&a.name));
                self.op(Op::LoadConst(k));
                if self.future_annotations {
                    let t = self.konst(Const::str(&a.text));
                    self.op(Op::LoadConst(t));
                } else {
                    self.expr(&a.expr)?;
                }
            }
            self.op(Op::BuildDict(params.annotations.len() as u32));
            flags |= 4;
        }
        let scope = self.child_scope(key, span)?;
        let kind = if matches!(body, FnBody::Lambda(_)) { CodeKind::Lambda } else { CodeKind::Function };
        let qualname = self.child_qualname(name);
        let mut c = self.nested(scope, kind, name.into(), qualname.into(), span.line);
        c.is_async = is_async;
        c.span = span;
        for a in &params.args {
            c.var_idx(&a.name);
        }
        for a in &params.kwonly {
            c.var_idx(&a.name);
        }
        if let Some(v) = &params.vararg {
            c.var_idx(v);
        }
        if let Some(k) = &params.kwarg {
            c.var_idx(k);
        }
        match body {
            FnBody::Stmts(stmts) => {
                for st in stmts {
                    c.stmt(st)?;
                }
                c.emit(Op::LoadConst(0), Span::default());
                c.emit(Op::Return, Span::default());
            }
            FnBody::Lambda(e) => {
                c.expr(e)?;
                c.op(Op::Return);
            }
        }
        let frees: Vec<String> = c.scope.frees.iter().cloned().collect();
        let mut code = c.finish(&mut self.warnings);
        if let FnBody::Stmts(stmts) = body {
            code.doc = docstring(stmts).map(Rc::from);
        }
        code.argcount = params.args.len() as u32;
        code.posonlyargcount = params.posonly as u32;
        code.kwonlyargcount = params.kwonly.len() as u32;
        code.varargs = params.vararg.is_some();
        code.varkw = params.kwarg.is_some();
        self.span = span;
        self.push_function(code, &frees, flags)
    }

    // ---------- assignment ----------
}
