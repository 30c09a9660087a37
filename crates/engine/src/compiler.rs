//! AST → bytecode. try/finally, with and loops use an explicit handler-block stack at run time;
//! `break`/`continue`/`return` inline the cleanup of the blocks they leave (as CPython does).

use awaitlab_syntax::ast::*;
use crate::code::{Code, CodeKind, Loc, Op};
use awaitlab_syntax::{Parsed, SyntaxError, SyntaxWarning};
use awaitlab_syntax::Span;
use crate::symtable::{self, Resolution, Scope};
use crate::value::Value;
use std::rc::Rc;

mod match_stmt;

type CResult<T> = Result<T, SyntaxError>;

/// A compiled module, with the SyntaxWarnings of its source: the parser's, then the compiler's.
pub struct Compiled {
    pub code: Rc<Code>,
    pub warnings: Vec<SyntaxWarning>,
}

pub fn compile_module(parsed: &Parsed, filename: &str) -> CResult<Compiled> {
    let body = &parsed.body;
    let scope = symtable::analyze_module(body);
    let mut c = Compiler::new(scope, CodeKind::Module, "<module>".into(), "<module>".into(), filename.into(), 1);
    c.setup_annotations(body, Span::default());
    for st in body {
        c.stmt(st)?;
    }
    c.emit(Op::LoadConst(0), Span::default());
    c.emit(Op::Return, Span::default());
    let mut warnings = parsed.warnings.clone();
    let code = c.finish(&mut warnings);
    Ok(Compiled { code: Rc::new(code), warnings })
}

const STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

#[derive(Clone)]
enum FBlock<'a> {
    Loop { continue_target: usize, breaks: Vec<usize>, is_for: bool },
    TryFinally { body: &'a [Stmt] },
    TryExcept,
    Handler { name: Option<String> },
    /// An `except*` clause's body: `break`, `continue` and `return` may not leave it.
    StarHandler,
    With { is_async: bool },
    FinallyRunning,
}

struct Compiler<'a> {
    scope: Scope,
    kind: CodeKind,
    name: Rc<str>,
    qualname: Rc<str>,
    filename: Rc<str>,
    ops: Vec<Op>,
    locs: Vec<Loc>,
    consts: Vec<Value>,
    names: Vec<Rc<str>>,
    varnames: Vec<Rc<str>>,
    fblocks: Vec<FBlock<'a>>,
    first_line: u32,
    span: Span,
    is_async: bool,
    /// SyntaxWarnings met in this code object (a nested one's join when it is finished).
    warnings: Vec<SyntaxWarning>,
}

impl<'a> Compiler<'a> {
    fn new(scope: Scope, kind: CodeKind, name: Rc<str>, qualname: Rc<str>, filename: Rc<str>, first_line: u32) -> Self {
        Compiler {
            scope,
            kind,
            name,
            qualname,
            filename,
            ops: vec![],
            locs: vec![],
            consts: vec![Value::None],
            names: vec![],
            varnames: vec![],
            fblocks: vec![],
            first_line,
            span: Span::default(),
            is_async: false,
            warnings: vec![],
        }
    }

    /// The code object; its SyntaxWarnings go on to `warnings` (the enclosing code's).
    fn finish(self, warnings: &mut Vec<SyntaxWarning>) -> Code {
        warnings.extend(self.warnings);
        let cellvars: Vec<Rc<str>> = self.scope.cells.iter().map(|s| Rc::from(s.as_str())).collect();
        let cell_params = cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, n)| self.varnames.iter().position(|v| v == n).map(|vi| (ci as u32, vi as u32)))
            .collect();
        Code {
            method_cache: std::cell::RefCell::new(Vec::new()),
            name: self.name,
            qualname: self.qualname,
            filename: self.filename,
            kind: self.kind,
            ops: self.ops,
            locs: self.locs,
            consts: self.consts,
            names: self.names,
            varnames: self.varnames,
            freevars: self.scope.frees.iter().map(|s| Rc::from(s.as_str())).collect(),
            cellvars,
            cell_params,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varargs: false,
            varkw: false,
            is_generator: self.scope.is_generator,
            is_coroutine: self.is_async,
            first_line: self.first_line,
            doc: None,
        }
    }

    /// CPython's SETUP_ANNOTATIONS: a module or class body with annotations starts with an
    /// empty `__annotations__`.
    fn setup_annotations(&mut self, body: &[Stmt], span: Span) {
        if has_annotations(body) {
            self.emit(Op::BuildDict(0), span);
            let k = self.name_idx("__annotations__");
            self.emit(Op::StoreName(k), span);
        }
    }

    fn emit(&mut self, op: Op, span: Span) -> usize {
        let span = if span.line == 0 { self.span } else { span };
        self.ops.push(op);
        self.locs.push(Loc { line: span.line, col: span.col, end_line: span.end_line, end_col: span.end_col });
        self.ops.len() - 1
    }
    fn op(&mut self, op: Op) -> usize {
        let s = self.span;
        self.emit(op, s)
    }
    fn here(&self) -> usize {
        self.ops.len()
    }
    fn patch(&mut self, at: usize, target: usize) {
        let t = target as u32;
        self.ops[at] = match self.ops[at] {
            Op::Jump(_) => Op::Jump(t),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(t),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(t),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(t),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(t),
            Op::ForIter(_) => Op::ForIter(t),
            Op::SetupExcept(_) => Op::SetupExcept(t),
            Op::SetupFinally(_) => Op::SetupFinally(t),
            Op::SetupWith(_) => Op::SetupWith(t),
            Op::EndAsyncFor(_) => Op::EndAsyncFor(t),
            other => other,
        };
    }
    fn konst(&mut self, v: Value) -> u32 {
        // Share small constants; functions' code objects are never shared.
        let pos = self.consts.iter().position(|c| match (c, &v) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::None, Value::None) => true,
            _ => false,
        });
        match pos {
            Some(p) => p as u32,
            None => {
                self.consts.push(v);
                (self.consts.len() - 1) as u32
            }
        }
    }
    fn name_idx(&mut self, n: &str) -> u32 {
        match self.names.iter().position(|x| &**x == n) {
            Some(p) => p as u32,
            None => {
                self.names.push(Rc::from(n));
                (self.names.len() - 1) as u32
            }
        }
    }
    fn var_idx(&mut self, n: &str) -> u32 {
        match self.varnames.iter().position(|x| &**x == n) {
            Some(p) => p as u32,
            None => {
                self.varnames.push(Rc::from(n));
                (self.varnames.len() - 1) as u32
            }
        }
    }
    fn err<T>(&self, span: Span, msg: &str) -> CResult<T> {
        Err(SyntaxError { message: msg.into(), line: span.line, col: span.col, unsupported: false, end: Some((span.end_line, span.end_col)) })
    }

    /// Emits the load, store or delete of `n` as its scope resolves it (fast local, cell,
    /// namespace or global). `ops` lists the four op constructors in that order.
    fn name_op(&mut self, n: &str, ops: [fn(u32) -> Op; 4]) {
        let op = match self.scope.resolve(n) {
            Resolution::Fast => ops[0](self.var_idx(n)),
            Resolution::Cell(i) => ops[1](i),
            Resolution::Name => ops[2](self.name_idx(n)),
            Resolution::Global => ops[3](self.name_idx(n)),
        };
        self.op(op);
    }
    fn load_name(&mut self, n: &str) {
        self.name_op(n, [Op::LoadFast, Op::LoadDeref, Op::LoadName, Op::LoadGlobal]);
    }
    fn store_name(&mut self, n: &str) {
        self.name_op(n, [Op::StoreFast, Op::StoreDeref, Op::StoreName, Op::StoreGlobal]);
    }
    fn delete_name(&mut self, n: &str) {
        self.name_op(n, [Op::DeleteFast, Op::DeleteDeref, Op::DeleteName, Op::DeleteGlobal]);
    }

    // ---------- statements ----------

    fn body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, st: &'a Stmt) -> CResult<()> {
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
                    let text = self.konst(Value::str(annotation));
                    self.op(Op::LoadConst(text));
                    let annotations = self.name_idx("__annotations__");
                    self.op(Op::LoadName(annotations));
                    let key = self.konst(Value::str(n));
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
            StmtKind::ClassDef { name, bases, body, decorators } => {
                for d in decorators {
                    self.expr(d)?;
                }
                self.span = st.span;
                self.class_def(symtable::node_key(st), name, body, st.span)?;
                for b in bases {
                    self.expr(b)?;
                }
                self.op(Op::BuildTuple(bases.len() as u32));
                let k = self.konst(Value::str(name));
                self.op(Op::BuildClass(k));
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
            StmtKind::Raise { exc, cause } => {
                match (exc, cause) {
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
                }
            }
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
                            // `import a.b as c` binds the submodule.
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

    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool, span: Span) -> CResult<()> {
        let Some((first, rest)) = items.split_first() else { return self.body(body) };
        self.expr(&first.ctx)?;
        self.span = span;
        if is_async {
            self.op(Op::AsyncWithEnter);
            self.op(Op::Await);
        } else {
            self.op(Op::WithEnter);
        }
        // Stack: exit-callable, enter-result.
        let setup = self.op(Op::SetupWith(0));
        match &first.target {
            Some(t) => self.assign(t)?,
            None => {
                self.op(Op::Pop);
            }
        }
        self.fblocks.push(FBlock::With { is_async });
        self.with(rest, body, is_async, span)?;
        self.fblocks.pop();
        self.span = span;
        self.op(Op::PopBlock);
        self.with_exit_normal(is_async);
        let j = self.op(Op::Jump(0));
        let h = self.here();
        self.patch(setup, h);
        // Exception on TOS, exit-callable below it.
        self.op(Op::PushExcInfo);
        if is_async {
            self.op(Op::AsyncWithExitExc);
            self.op(Op::Await);
        } else {
            self.op(Op::WithExitExc);
        }
        let jt = self.op(Op::PopJumpIfTrue(0));
        self.op(Op::Reraise);
        let sw = self.here();
        self.patch(jt, sw);
        // Suppressed: drop the exception and the exit callable.
        self.op(Op::Swallow);
        let end = self.here();
        self.patch(j, end);
        Ok(())
    }

    fn with_exit_normal(&mut self, is_async: bool) {
        if is_async {
            self.op(Op::AsyncWithExitNormal);
            self.op(Op::Await);
            self.op(Op::Pop);
        } else {
            self.op(Op::WithExitNormal);
        }
    }

    fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt], star: bool) -> CResult<()> {
        if star {
            return self.try_except_star(body, handlers, orelse);
        }
        let setup = self.op(Op::SetupExcept(0));
        self.fblocks.push(FBlock::TryExcept);
        self.body(body)?;
        self.fblocks.pop();
        self.op(Op::PopBlock);
        self.body(orelse)?;
        let mut ends = vec![self.op(Op::Jump(0))];
        let h = self.here();
        self.patch(setup, h);
        // Exception on TOS.
        self.op(Op::PushExcInfo);
        for (i, handler) in handlers.iter().enumerate() {
            self.span = handler.span;
            let mut next = None;
            match &handler.typ {
                Some(t) => {
                    self.op(Op::Dup);
                    self.expr(t)?;
                    self.span = handler.span;
                    self.op(Op::CheckExcMatch);
                    next = Some(self.op(Op::PopJumpIfFalse(0)));
                }
                None => {
                    if i + 1 != handlers.len() {
                        return self.err(handler.span, "default 'except:' must be last");
                    }
                }
            }
            match &handler.name {
                Some(n) => self.store_name(n),
                None => {
                    self.op(Op::Pop);
                }
            }
            self.fblocks.push(FBlock::Handler { name: handler.name.clone() });
            if let Some(n) = &handler.name {
                // `except E as n:` deletes n afterwards, even when the body raises.
                let setup = self.op(Op::SetupFinally(0));
                self.fblocks.push(FBlock::TryFinally { body: &[] });
                self.body(&handler.body)?;
                self.fblocks.pop();
                self.op(Op::PopBlock);
                let j = self.op(Op::Jump(0));
                let h = self.here();
                self.patch(setup, h);
                self.op(Op::LoadConst(0));
                self.store_name(n);
                self.delete_name(n);
                self.op(Op::Reraise);
                let h = self.here();
                self.patch(j, h);
            } else {
                self.body(&handler.body)?;
            }
            self.fblocks.pop();
            self.op(Op::PopExcept);
            if let Some(n) = &handler.name {
                self.op(Op::LoadConst(0));
                self.store_name(n);
                self.delete_name(n);
            }
            ends.push(self.op(Op::Jump(0)));
            if let Some(nx) = next {
                let h = self.here();
                self.patch(nx, h);
            }
        }
        self.op(Op::Reraise);
        let end = self.here();
        for e in ends {
            self.patch(e, end);
        }
        Ok(())
    }

    /// `try` with `except*` clauses (PEP 654), as CPython compiles it. The stack holds the
    /// exception caught, a list of what the clauses raised, and what is left to match.
    fn try_except_star(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> CResult<()> {
        let setup = self.op(Op::SetupExcept(0));
        self.fblocks.push(FBlock::TryExcept);
        self.body(body)?;
        self.fblocks.pop();
        self.op(Op::PopBlock);
        self.body(orelse)?;
        let ends = vec![self.op(Op::Jump(0))];
        let h = self.here();
        self.patch(setup, h);
        self.op(Op::PushExcInfo);
        // [caught] -> [caught, raised=[], rest=caught]
        self.op(Op::Dup);
        self.op(Op::BuildList(0));
        self.op(Op::Rot2);
        for handler in handlers {
            self.span = handler.span;
            let Some(t) = &handler.typ else { return self.err(handler.span, "expected one or more exception types") };
            self.expr(t)?;
            self.span = handler.span;
            self.op(Op::CheckEgMatch);
            let no_match = self.op(Op::PopJumpIfFalse(0));
            // The matched part is the exception being handled inside the clause.
            self.op(Op::PushExcInfo);
            match &handler.name {
                Some(n) => self.store_name(n),
                None => {
                    self.op(Op::Pop);
                }
            }
            let protect = self.op(Op::SetupExcept(0));
            self.fblocks.push(FBlock::StarHandler);
            self.body(&handler.body)?;
            self.fblocks.pop();
            self.op(Op::PopBlock);
            self.op(Op::PopExcept);
            self.clear_handler_name(&handler.name);
            let done = self.op(Op::Jump(0));
            // What the clause raised joins the list: [caught, raised, rest, exc] -> [caught, raised, rest]
            let raised = self.here();
            self.patch(protect, raised);
            self.op(Op::ListAppend(2));
            self.op(Op::PopExcept);
            self.clear_handler_name(&handler.name);
            let done2 = self.op(Op::Jump(0));
            let skip = self.here();
            self.patch(no_match, skip);
            self.op(Op::Pop);
            let next = self.here();
            self.patch(done, next);
            self.patch(done2, next);
        }
        // The rest that no clause handled joins them too: [caught, raised]
        self.op(Op::ListAppend(1));
        self.op(Op::PrepReraiseStar);
        let nothing_left = self.op(Op::PopJumpIfFalse(0));
        self.op(Op::Reraise);
        let h = self.here();
        self.patch(nothing_left, h);
        self.op(Op::Pop);
        self.op(Op::PopExcept);
        let end = self.here();
        for e in ends {
            self.patch(e, end);
        }
        Ok(())
    }

    /// `except ... as n` deletes `n` when its clause ends.
    fn clear_handler_name(&mut self, name: &Option<String>) {
        if let Some(n) = name {
            self.op(Op::LoadConst(0));
            self.store_name(n);
            self.delete_name(n);
        }
    }

    /// Emits the cleanup for leaving every block above `down_to` (for break/continue/return).
    fn unwind_blocks(&mut self, down_to: usize, preserve_tos: bool) -> CResult<()> {
        let saved = self.fblocks.clone();
        let mut i = self.fblocks.len();
        while i > down_to {
            i -= 1;
            let block = saved[i].clone();
            // While compiling a block's cleanup, only the blocks outside it are active.
            self.fblocks.truncate(i);
            match block {
                FBlock::Loop { is_for, .. } => {
                    if is_for {
                        if preserve_tos {
                            self.op(Op::Rot2);
                        }
                        self.op(Op::Pop);
                    }
                }
                FBlock::TryExcept => {
                    self.op(Op::PopBlock);
                }
                FBlock::TryFinally { body } => {
                    self.op(Op::PopBlock);
                    self.fblocks.push(FBlock::FinallyRunning);
                    self.body(body)?;
                    self.fblocks.pop();
                }
                FBlock::StarHandler => unreachable!("break, continue and return never leave an except* clause"),
                FBlock::Handler { name } => {
                    self.op(Op::PopExcept);
                    if let Some(n) = name {
                        self.op(Op::LoadConst(0));
                        self.store_name(&n);
                        self.delete_name(&n);
                    }
                }
                FBlock::With { is_async } => {
                    self.op(Op::PopBlock);
                    if preserve_tos {
                        self.op(Op::Rot2);
                    }
                    self.with_exit_normal(is_async);
                }
                FBlock::FinallyRunning => {
                    // Leaving a finally body early drops the pending exception.
                    if preserve_tos {
                        self.op(Op::Rot2);
                    }
                    self.op(Op::PopExcept);
                    self.op(Op::Pop);
                }
            }
        }
        self.fblocks = saved;
        Ok(())
    }

    fn unwind_for_return(&mut self) -> CResult<()> {
        self.unwind_blocks(0, true)
    }

    fn class_def(&mut self, key: usize, name: &str, body: &'a [Stmt], span: Span) -> CResult<()> {
        let scope = self.child_scope(key, span)?;
        let qualname = self.child_qualname(name);
        let mut c = Compiler::new(scope, CodeKind::Class, name.into(), qualname.clone().into(), self.filename.clone(), span.line);
        // __module__ and __qualname__ like CPython's class bodies.
        let mn = c.name_idx("__name__");
        c.emit(Op::LoadName(mn), span);
        let k = c.name_idx("__module__");
        c.emit(Op::StoreName(k), span);
        let q = c.konst(Value::str(&qualname));
        c.emit(Op::LoadConst(q), span);
        let k = c.name_idx("__qualname__");
        c.emit(Op::StoreName(k), span);
        // type() gives every class a __doc__: its docstring, or None.
        c.setup_annotations(body, span);
        let doc = match docstring(body) {
            Some(d) => c.konst(Value::str(d)),
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

    fn child_scope(&self, key: usize, span: Span) -> CResult<Scope> {
        match self.scope.child(key) {
            Some(s) => Ok(s),
            None => self.err(span, "internal error: no scope for this definition"),
        }
    }

    fn child_qualname(&self, name: &str) -> String {
        match self.kind {
            CodeKind::Module => name.to_string(),
            CodeKind::Class => format!("{}.{}", self.qualname, name),
            _ => format!("{}.<locals>.{}", self.qualname, name),
        }
    }

    /// Pushes the code object as a function with the given free variables closed over.
    fn push_function(&mut self, code: Code, frees: &[String], mut flags: u32) -> CResult<()> {
        if !frees.is_empty() {
            for f in frees {
                let idx = match self.scope.resolve(f) {
                    Resolution::Cell(i) => i,
                    _ => {
                        // A class scope can pass through a name it also binds.
                        let i = self.scope.cells.get_index_of(f.as_str()).or_else(|| {
                            self.scope.frees.get_index_of(f.as_str()).map(|i| i + self.scope.cells.len())
                        });
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
        self.consts.push(Value::obj(crate::value::Obj::Native(crate::native::NativeObj::Code(Rc::new(code)))));
        self.op(Op::MakeFunction(k, flags));
        Ok(())
    }

    fn make_function(&mut self, key: usize, name: &str, params: &'a Params, body: FnBody<'a>, is_async: bool, span: Span) -> CResult<()> {
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
                let k = self.konst(Value::str(&p.name));
                self.op(Op::LoadConst(k));
                self.expr(p.default.as_ref().unwrap())?;
            }
            self.op(Op::BuildDict(kwd.len() as u32));
            flags |= 2;
        }
        let scope = self.child_scope(key, span)?;
        let kind = if matches!(body, FnBody::Lambda(_)) { CodeKind::Lambda } else { CodeKind::Function };
        let qualname = self.child_qualname(name);
        let mut c = Compiler::new(scope, kind, name.into(), qualname.into(), self.filename.clone(), span.line);
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

    fn assign(&mut self, t: &'a Expr) -> CResult<()> {
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

    fn delete(&mut self, t: &'a Expr) -> CResult<()> {
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

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> CResult<()> {
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

    fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        let saved = self.span;
        self.span = e.span;
        self.expr_inner(e)?;
        self.span = saved;
        Ok(())
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Int(s) => {
                let v = match s.parse::<i64>() {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::Big(Rc::new(s.parse().unwrap_or_default())),
                };
                let k = self.konst(v);
                self.op(Op::LoadConst(k));
            }
            ExprKind::Float(f) => {
                self.consts.push(Value::Float(*f));
                let k = (self.consts.len() - 1) as u32;
                self.op(Op::LoadConst(k));
            }
            ExprKind::Str(s) => {
                let k = self.konst(Value::str(s));
                self.op(Op::LoadConst(k));
            }
            ExprKind::Bytes(b) => {
                self.consts.push(Value::obj(crate::value::Obj::Bytes(b.clone())));
                let k = (self.consts.len() - 1) as u32;
                self.op(Op::LoadConst(k));
            }
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::True | ExprKind::False => {
                let k = self.konst(Value::Bool(matches!(e.kind, ExprKind::True)));
                self.op(Op::LoadConst(k));
            }
            ExprKind::None => {
                self.op(Op::LoadConst(0));
            }
            ExprKind::Ellipsis => {
                self.consts.push(Value::obj(crate::value::Obj::Native(crate::native::NativeObj::Ellipsis)));
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
                let j = if matches!(e.kind, ExprKind::And(..)) {
                    self.op(Op::JumpIfFalseOrPop(0))
                } else {
                    self.op(Op::JumpIfTrueOrPop(0))
                };
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
                    let m = if matches!(self.kind, CodeKind::Module | CodeKind::Class) { "'await' outside function" } else { "'await' outside async function" };
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

    fn sequence(&mut self, items: &'a [Expr], kind: SeqKind) -> CResult<()> {
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

    fn call(&mut self, func: &'a Expr, args: &'a [Arg], span: Span) -> CResult<()> {
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
                        if kwnames.iter().any(|k: &Value| matches!(k, Value::Str(s) if &**s == n)) {
                            return self.err(x.span, &format!("keyword argument repeated: {n}"));
                        }
                        self.expr(x)?;
                        kwnames.push(Value::str(n));
                    }
                    _ => unreachable!(),
                }
            }
            self.span = span;
            if kwnames.is_empty() {
                self.op(Op::Call(args.len() as u32));
            } else {
                self.consts.push(Value::tuple(kwnames));
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
                    let k = self.konst(Value::str(n));
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

    fn fstring(&mut self, parts: &'a [FPart]) -> CResult<()> {
        let mut n = 0;
        for p in parts {
            match p {
                FPart::Lit(s) => {
                    let k = self.konst(Value::str(s));
                    self.op(Op::LoadConst(k));
                }
                FPart::Expr { expr, conversion, spec, debug_text } => {
                    if let Some(d) = debug_text {
                        let k = self.konst(Value::str(d));
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

    fn comprehension(&mut self, key: usize, kind: CompKind, elt: &'a Expr, value: Option<&'a Expr>, generators: &'a [Comprehension], span: Span) -> CResult<()> {
        let scope = self.child_scope(key, span)?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let has_async = generators.iter().any(|g| g.is_async) || scope.has_await;
        let qualname = self.child_qualname(name);
        let mut c = Compiler::new(scope, CodeKind::Comprehension, name.into(), qualname.into(), self.filename.clone(), span.line);
        c.span = span;
        c.is_async = has_async && (kind == CompKind::Gen || self.is_async) || (self.is_async && kind != CompKind::Gen && has_async);
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

    fn comp_loop(&mut self, kind: CompKind, elt: &'a Expr, value: Option<&'a Expr>, gens: &'a [Comprehension], depth: usize) -> CResult<()> {
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
enum SeqKind {
    List,
    Tuple,
    Set,
}

/// An expression CPython's compiler folds into a constant (a literal, a signed number, a tuple
/// of such).
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bytes(_) | ExprKind::True | ExprKind::False | ExprKind::None | ExprKind::Ellipsis => true,
        ExprKind::Unary(UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert, inner) => matches!(inner.kind, ExprKind::Int(_) | ExprKind::Float(_)),
        ExprKind::Tuple(items) => items.iter().all(is_constant),
        _ => false,
    }
}

/// A body's docstring: a string literal as its first statement.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr { kind: ExprKind::Str(s), .. })) => Some(s.as_str()),
        _ => None,
    }
}

enum FnBody<'a> {
    Stmts(&'a [Stmt]),
    Lambda(&'a Expr),
}

/// Whether a body annotates a name (looking into compound statements, not nested scopes).
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|st| match &st.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::For { body, orelse, .. } => {
            has_annotations(body) || has_annotations(orelse)
        }
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
            has_annotations(body) || handlers.iter().any(|h| has_annotations(&h.body)) || has_annotations(orelse) || has_annotations(finalbody)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
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
            let message = if *op == CmpOp::Is { "\"is\" with a literal. Did you mean \"==\"?" } else { "\"is not\" with a literal. Did you mean \"!=\"?" };
            return Some(message);
        }
        left = right_literal;
    }
    None
}
