//! AST → bytecode. try/finally, with and loops use an explicit handler-block stack at run time;
//! `break`/`continue`/`return` inline the cleanup of the blocks they leave (as CPython does).
//! One `Compiler` per code object; its methods are split by construct: `statement.rs`,
//! `blocks.rs` (with, try), `definitions.rs` (def, lambda, class), `expression.rs`,
//! `match_stmt.rs`. This file holds the emitter and the tables they share.

mod blocks;
mod definitions;
mod expression;
mod match_stmt;
mod statement;

use crate::bytecode::{Code, CodeKind, Const, Loc, Op};
use crate::symtable::{self, Resolution, Scope};
use awaitlab_syntax::ast::*;
use awaitlab_syntax::Span;
use awaitlab_syntax::{Parsed, SyntaxError, SyntaxWarning};
use std::rc::Rc;

type CResult<T> = Result<T, SyntaxError>;

/// A compiled module, with the SyntaxWarnings of its source: the parser's, then the compiler's.
pub struct Compiled {
    pub code: Code,
    pub warnings: Vec<SyntaxWarning>,
}

/// Compiles a parsed module. Errors the parser leaves to the compiler (`return` outside a
/// function, `nonlocal` at module level...) are SyntaxErrors too.
pub fn compile_module(parsed: &Parsed, filename: &str) -> CResult<Compiled> {
    let body = &parsed.body;
    let scope = symtable::analyze_module(body);
    let mut c = Compiler::new(scope, CodeKind::Module, "<module>".into(), "<module>".into(), filename.into(), 1);
    c.future_annotations = imports_future_annotations(body);
    c.setup_annotations(body, Span::default());
    for st in body {
        c.stmt(st)?;
    }
    c.emit(Op::LoadConst(0), Span::default());
    c.emit(Op::Return, Span::default());
    let mut warnings = parsed.warnings.clone();
    let code = c.finish(&mut warnings);
    Ok(Compiled { code, warnings })
}

/// A notebook cell: module-scope code (its names are the notebook's globals) that may `await`
/// at top level, as IPython compiles cells (CPython's `PyCF_ALLOW_TOP_LEVEL_AWAIT`): a
/// coroutine code object named `name` that returns the value of the cell's last statement when
/// that is an expression (what the notebook shows as `Out[n]`), else None.
pub fn compile_cell(parsed: &Parsed, filename: &str, name: &str) -> CResult<Compiled> {
    let body = &parsed.body;
    let scope = symtable::analyze_module(body);
    let mut c = Compiler::new(scope, CodeKind::Module, name.into(), name.into(), filename.into(), 1);
    c.future_annotations = imports_future_annotations(body);
    c.is_async = true;
    c.setup_annotations(body, Span::default());
    let (value, statements) = match body.split_last() {
        Some((Stmt { kind: StmtKind::Expr(e), .. }, rest)) => (Some(e), rest),
        _ => (None, &body[..]),
    };
    for st in statements {
        c.stmt(st)?;
    }
    match value {
        Some(e) => c.expr(e)?,
        None => {
            c.emit(Op::LoadConst(0), Span::default());
        }
    }
    c.emit(Op::Return, Span::default());
    let mut warnings = parsed.warnings.clone();
    let code = c.finish(&mut warnings);
    Ok(Compiled { code, warnings })
}

const STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

#[derive(Clone)]
enum FBlock<'a> {
    Loop {
        continue_target: usize,
        breaks: Vec<usize>,
        is_for: bool,
    },
    TryFinally {
        body: &'a [Stmt],
    },
    TryExcept,
    Handler {
        name: Option<String>,
    },
    /// An `except*` clause's body: `break`, `continue` and `return` may not leave it.
    StarHandler,
    With {
        is_async: bool,
    },
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
    consts: Vec<Const>,
    names: Vec<Rc<str>>,
    varnames: Vec<Rc<str>>,
    fblocks: Vec<FBlock<'a>>,
    first_line: u32,
    span: Span,
    is_async: bool,
    /// SyntaxWarnings met in this code object (a nested one's join when it is finished).
    warnings: Vec<SyntaxWarning>,
    /// `from __future__ import annotations`: functions' annotations are their source text,
    /// not evaluated (PEP 563).
    future_annotations: bool,
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
            consts: vec![Const::None],
            names: vec![],
            varnames: vec![],
            fblocks: vec![],
            first_line,
            span: Span::default(),
            is_async: false,
            warnings: vec![],
            future_annotations: false,
        }
    }

    /// A code object nested in this one: it compiles under the same `__future__` imports.
    fn nested(&self, scope: Scope, kind: CodeKind, name: Rc<str>, qualname: Rc<str>, first_line: u32) -> Self {
        let mut c = Compiler::new(scope, kind, name, qualname, self.filename.clone(), first_line);
        c.future_annotations = self.future_annotations;
        c
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
    fn konst(&mut self, v: Const) -> u32 {
        // Share small constants; functions' code objects are never shared.
        let pos = self.consts.iter().position(|c| match (c, &v) {
            (Const::Int(a), Const::Int(b)) => a == b,
            (Const::Str(a), Const::Str(b)) => a == b,
            (Const::Bool(a), Const::Bool(b)) => a == b,
            (Const::None, Const::None) => true,
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
        Err(SyntaxError {
            message: msg.into(),
            line: span.line,
            col: span.col,
            unsupported: false,
            end: Some((span.end_line, span.end_col)),
        })
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
}

/// An expression CPython's compiler folds into a constant (a literal, a signed number, a tuple
/// of such).
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bytes(_)
        | ExprKind::True
        | ExprKind::False
        | ExprKind::None
        | ExprKind::Ellipsis => true,
        ExprKind::Unary(UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert, inner) => {
            matches!(inner.kind, ExprKind::Int(_) | ExprKind::Float(_))
        }
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
/// Whether the module's `from __future__ import` lines (at its top) ask for `annotations`.
fn imports_future_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|st| matches!(&st.kind, StmtKind::ImportFrom { module, names } if module == "__future__" && names.iter().any(|(n, _)| n == "annotations")))
}

fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|st| match &st.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::For { body, orelse, .. } => {
            has_annotations(body) || has_annotations(orelse)
        }
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}
