//! Scope analysis: which names are local, global, or live in closure cells (as CPython's symtable).

use crate::bytecode::CodeKind;
use awaitlab_syntax::ast::*;
use indexmap::IndexSet;

#[derive(Debug, Clone)]
pub struct Scope {
    pub kind: CodeKind,
    pub locals: IndexSet<String>,
    pub globals: IndexSet<String>,
    pub nonlocals: IndexSet<String>,
    pub uses: IndexSet<String>,
    pub cells: IndexSet<String>,
    pub frees: IndexSet<String>,
    pub children: Vec<Scope>,
    /// The AST node (its address) each child scope belongs to: code that is compiled more than
    /// once (finally bodies) finds its scope again.
    pub child_keys: Vec<usize>,
    pub is_generator: bool,
    pub has_await: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    Fast,
    Cell(u32),
    Name,
    Global,
}

impl Scope {
    fn new(kind: CodeKind) -> Self {
        Scope {
            kind,
            locals: IndexSet::new(),
            globals: IndexSet::new(),
            nonlocals: IndexSet::new(),
            uses: IndexSet::new(),
            cells: IndexSet::new(),
            frees: IndexSet::new(),
            children: vec![],
            child_keys: vec![],
            is_generator: false,
            has_await: false,
        }
    }

    fn function_like(&self) -> bool {
        !matches!(self.kind, CodeKind::Module | CodeKind::Class)
    }

    pub fn resolve(&self, name: &str) -> Resolution {
        if self.globals.contains(name) {
            return Resolution::Global;
        }
        let deref = |n: &str| -> Option<u32> {
            if let Some(i) = self.cells.get_index_of(n) {
                return Some(i as u32);
            }
            self.frees.get_index_of(n).map(|i| (self.cells.len() + i) as u32)
        };
        match self.kind {
            CodeKind::Module => Resolution::Name,
            CodeKind::Class => {
                if self.locals.contains(name) {
                    Resolution::Name
                } else if let Some(i) = deref(name) {
                    Resolution::Cell(i)
                } else {
                    Resolution::Name
                }
            }
            _ => {
                if let Some(i) = deref(name) {
                    Resolution::Cell(i)
                } else if self.locals.contains(name) {
                    Resolution::Fast
                } else {
                    Resolution::Global
                }
            }
        }
    }
}

pub fn analyze_module(body: &[Stmt]) -> Scope {
    let mut s = Scope::new(CodeKind::Module);
    for st in body {
        visit_stmt(&mut s, st);
    }
    let enclosing = IndexSet::new();
    resolve_frees(&mut s, &enclosing);
    s
}

fn resolve_frees(scope: &mut Scope, enclosing: &IndexSet<String>) -> IndexSet<String> {
    let mut child_enclosing = enclosing.clone();
    if scope.kind == CodeKind::Class {
        // Methods using zero-argument super() close over the class being defined.
        child_enclosing.insert("__class__".to_string());
    }
    if scope.function_like() {
        for l in &scope.locals {
            if !scope.globals.contains(l) {
                child_enclosing.insert(l.clone());
            }
        }
        for n in &scope.nonlocals {
            child_enclosing.insert(n.clone());
        }
    }
    let mut children = std::mem::take(&mut scope.children);
    for child in &mut children {
        let needs = resolve_frees(child, &child_enclosing);
        for n in needs {
            // A class body's implicit `__class__`, and a function's own locals, are cells here.
            let class_cell = scope.kind == CodeKind::Class && n == "__class__";
            if class_cell || (scope.function_like() && scope.locals.contains(&n) && !scope.globals.contains(&n)) {
                scope.cells.insert(n);
            } else {
                scope.frees.insert(n);
            }
        }
    }
    scope.children = children;
    if scope.kind != CodeKind::Module {
        for n in scope.uses.iter().chain(scope.nonlocals.iter()) {
            let bound_here = scope.function_like() && scope.locals.contains(n);
            if !bound_here && !scope.globals.contains(n) && enclosing.contains(n) && !scope.cells.contains(n) {
                if scope.kind == CodeKind::Class && scope.locals.contains(n) {
                    continue;
                }
                scope.frees.insert(n.clone());
            }
        }
    } else {
        scope.frees.clear();
    }
    scope.frees.clone()
}

pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl Scope {
    /// The scope of the child node `key` (a copy: the same code may be compiled twice).
    pub fn child(&self, key: usize) -> Option<Scope> {
        self.child_keys.iter().position(|k| *k == key).map(|i| self.children[i].clone())
    }
}

fn bind(s: &mut Scope, name: &str) {
    if !s.nonlocals.contains(name) && !s.globals.contains(name) {
        s.locals.insert(name.to_string());
    } else if s.globals.contains(name) {
        // declared global: stays global
    }
}

fn visit_target(s: &mut Scope, e: &Expr) {
    match &e.kind {
        ExprKind::Name(n) => bind(s, n),
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|i| visit_target(s, i)),
        ExprKind::Starred(inner) => visit_target(s, inner),
        _ => visit_expr(s, e),
    }
}

fn visit_params(s: &mut Scope, p: &Params) {
    for a in &p.args {
        bind(s, &a.name);
    }
    if let Some(v) = &p.vararg {
        bind(s, v);
    }
    for a in &p.kwonly {
        bind(s, &a.name);
    }
    if let Some(k) = &p.kwarg {
        bind(s, k);
    }
}

/// What a definition evaluates in the scope that defines it: defaults and annotations.
fn visit_defaults(s: &mut Scope, p: &Params) {
    for a in p.args.iter().chain(&p.kwonly) {
        if let Some(d) = &a.default {
            visit_expr(s, d);
        }
    }
    for a in &p.annotations {
        visit_expr(s, &a.expr);
    }
}

fn visit_body(s: &mut Scope, body: &[Stmt]) {
    body.iter().for_each(|st| visit_stmt(s, st));
}

fn visit_stmt(s: &mut Scope, st: &Stmt) {
    match &st.kind {
        StmtKind::Expr(e) => visit_expr(s, e),
        StmtKind::Assign { targets, value } => {
            visit_expr(s, value);
            targets.iter().for_each(|t| visit_target(s, t));
        }
        StmtKind::AugAssign { target, value, .. } => {
            visit_expr(s, value);
            if let ExprKind::Name(n) = &target.kind {
                s.uses.insert(n.clone());
            }
            visit_target(s, target);
        }
        StmtKind::AnnAssign { target, value, .. } => {
            if let Some(v) = value {
                visit_expr(s, v);
                visit_target(s, target);
            } else if let ExprKind::Name(n) = &target.kind {
                bind(s, n);
            }
        }
        StmtKind::FunctionDef(f) => {
            f.decorators.iter().for_each(|d| visit_expr(s, d));
            visit_defaults(s, &f.params);
            bind(s, &f.name);
            let mut child = Scope::new(CodeKind::Function);
            visit_params(&mut child, &f.params);
            // Declarations first, so they apply to the whole body.
            collect_declarations(&mut child, &f.body);
            visit_body(&mut child, &f.body);
            s.children.push(child);
            s.child_keys.push(node_key(&**f));
        }
        StmtKind::ClassDef { name, bases, keywords, body, decorators } => {
            decorators.iter().for_each(|d| visit_expr(s, d));
            bases.iter().for_each(|b| visit_expr(s, b));
            keywords.iter().for_each(|(_, k)| visit_expr(s, k));
            bind(s, name);
            let mut child = Scope::new(CodeKind::Class);
            collect_declarations(&mut child, body);
            visit_body(&mut child, body);
            s.children.push(child);
            s.child_keys.push(node_key(st));
        }
        StmtKind::Return(v) => {
            if let Some(v) = v {
                visit_expr(s, v)
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            visit_expr(s, test);
            visit_body(s, body);
            visit_body(s, orelse);
        }
        StmtKind::For { target, iter, body, orelse, .. } => {
            visit_expr(s, iter);
            visit_target(s, target);
            visit_body(s, body);
            visit_body(s, orelse);
        }
        StmtKind::With { items, body, .. } => {
            for it in items {
                visit_expr(s, &it.ctx);
                if let Some(t) = &it.target {
                    visit_target(s, t);
                }
            }
            visit_body(s, body);
        }
        StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
            visit_body(s, body);
            for h in handlers {
                if let Some(t) = &h.typ {
                    visit_expr(s, t);
                }
                if let Some(n) = &h.name {
                    bind(s, n);
                }
                visit_body(s, &h.body);
            }
            visit_body(s, orelse);
            visit_body(s, finalbody);
        }
        StmtKind::Match { subject, cases } => {
            visit_expr(s, subject);
            for case in cases {
                visit_pattern(s, &case.pattern);
                if let Some(g) = &case.guard {
                    visit_expr(s, g);
                }
                visit_body(s, &case.body);
            }
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter().chain(cause.iter()).for_each(|e| visit_expr(s, e));
        }
        StmtKind::Assert { test, msg } => {
            visit_expr(s, test);
            if let Some(m) = msg {
                visit_expr(s, m);
            }
        }
        StmtKind::Delete(targets) => targets.iter().for_each(|t| visit_target(s, t)),
        StmtKind::Global(names) => {
            for n in names {
                s.globals.insert(n.clone());
                s.locals.shift_remove(n);
            }
        }
        StmtKind::Nonlocal(names) => {
            for n in names {
                s.nonlocals.insert(n.clone());
                s.locals.shift_remove(n);
            }
        }
        StmtKind::Import(names) => {
            for (name, alias) in names {
                let bound = alias.clone().unwrap_or_else(|| name.split('.').next().unwrap().to_string());
                bind(s, &bound);
            }
        }
        StmtKind::ImportFrom { names, .. } => {
            for (name, alias) in names {
                if name != "*" {
                    bind(s, alias.as_ref().unwrap_or(name));
                }
            }
        }
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
    }
}

/// A pattern's captures bind names; its values, class and key expressions are uses.
fn visit_pattern(s: &mut Scope, p: &Pattern) {
    match &p.kind {
        PatternKind::Value(e) | PatternKind::Singleton(e) => visit_expr(s, e),
        PatternKind::Sequence(items) | PatternKind::Or(items) => items.iter().for_each(|i| visit_pattern(s, i)),
        PatternKind::Mapping { keys, patterns, rest } => {
            keys.iter().for_each(|k| visit_expr(s, k));
            patterns.iter().for_each(|i| visit_pattern(s, i));
            if let Some(r) = rest {
                bind(s, r);
            }
        }
        PatternKind::Class { cls, patterns, kwd_patterns, .. } => {
            visit_expr(s, cls);
            patterns.iter().chain(kwd_patterns).for_each(|i| visit_pattern(s, i));
        }
        PatternKind::Star(name) => {
            if let Some(n) = name {
                bind(s, n);
            }
        }
        PatternKind::As { pattern, name } => {
            if let Some(inner) = pattern {
                visit_pattern(s, inner);
            }
            if let Some(n) = name {
                bind(s, n);
            }
        }
    }
}

fn collect_declarations(s: &mut Scope, body: &[Stmt]) {
    for st in body {
        match &st.kind {
            StmtKind::Global(names) => names.iter().for_each(|n| {
                s.globals.insert(n.clone());
            }),
            StmtKind::Nonlocal(names) => names.iter().for_each(|n| {
                s.nonlocals.insert(n.clone());
            }),
            StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::For { body, orelse, .. } => {
                collect_declarations(s, body);
                collect_declarations(s, orelse);
            }
            StmtKind::With { body, .. } => collect_declarations(s, body),
            StmtKind::Match { cases, .. } => cases.iter().for_each(|c| collect_declarations(s, &c.body)),
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                collect_declarations(s, body);
                handlers.iter().for_each(|h| collect_declarations(s, &h.body));
                collect_declarations(s, orelse);
                collect_declarations(s, finalbody);
            }
            _ => {}
        }
    }
}

fn visit_fparts(s: &mut Scope, parts: &[FPart]) {
    for p in parts {
        if let FPart::Expr { expr, spec, .. } = p {
            visit_expr(s, expr);
            if let Some(spec) = spec {
                visit_fparts(s, spec);
            }
        }
    }
}

pub fn visit_expr(s: &mut Scope, e: &Expr) {
    match &e.kind {
        ExprKind::Name(n) => {
            s.uses.insert(n.clone());
        }
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bytes(_)
        | ExprKind::True
        | ExprKind::False
        | ExprKind::None
        | ExprKind::Ellipsis => {}
        ExprKind::FString(parts) => visit_fparts(s, parts),
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => items.iter().for_each(|i| visit_expr(s, i)),
        ExprKind::Dict(items) => {
            for (k, v) in items {
                if let Some(k) = k {
                    visit_expr(s, k);
                }
                visit_expr(s, v);
            }
        }
        ExprKind::Starred(i) | ExprKind::Unary(_, i) | ExprKind::Attribute(i, _) => visit_expr(s, i),
        ExprKind::Await(i) => {
            s.has_await = true;
            visit_expr(s, i)
        }
        ExprKind::BinOp(a, _, b) | ExprKind::And(a, b) | ExprKind::Or(a, b) | ExprKind::Subscript(a, b) => {
            visit_expr(s, a);
            visit_expr(s, b);
        }
        ExprKind::Compare(a, rest) => {
            visit_expr(s, a);
            rest.iter().for_each(|(_, x)| visit_expr(s, x));
        }
        ExprKind::IfExp { test, body, orelse } => {
            visit_expr(s, test);
            visit_expr(s, body);
            visit_expr(s, orelse);
        }
        ExprKind::Call { func, args } => {
            if args.is_empty() && matches!(&func.kind, ExprKind::Name(n) if n == "super") && s.kind == CodeKind::Function {
                s.uses.insert("__class__".into());
            }
            visit_expr(s, func);
            for a in args {
                match a {
                    Arg::Pos(x) | Arg::Star(x) | Arg::Kw(_, x) | Arg::StarStar(x) => visit_expr(s, x),
                }
            }
        }
        ExprKind::Slice(a, b, c) => {
            for x in [a, b, c].into_iter().flatten() {
                visit_expr(s, x);
            }
        }
        ExprKind::Lambda { params, body } => {
            visit_defaults(s, params);
            let mut child = Scope::new(CodeKind::Lambda);
            visit_params(&mut child, params);
            visit_expr(&mut child, body);
            s.children.push(child);
            s.child_keys.push(node_key(e));
        }
        ExprKind::Comp { elt, value, generators, kind } => {
            // The first iterable is evaluated in the enclosing scope.
            visit_expr(s, &generators[0].iter);
            let mut child = Scope::new(CodeKind::Comprehension);
            child.locals.insert(".0".into());
            for (i, g) in generators.iter().enumerate() {
                if i > 0 {
                    visit_expr(&mut child, &g.iter);
                }
                visit_target(&mut child, &g.target);
                g.ifs.iter().for_each(|c| visit_expr(&mut child, c));
                if g.is_async {
                    child.has_await = true;
                }
            }
            visit_expr(&mut child, elt);
            if let Some(v) = value {
                visit_expr(&mut child, v);
            }
            if *kind == CompKind::Gen {
                child.is_generator = true;
            }
            s.children.push(child);
            s.child_keys.push(node_key(e));
        }
        ExprKind::Yield(v) => {
            s.is_generator = true;
            if let Some(v) = v {
                visit_expr(s, v);
            }
        }
        ExprKind::YieldFrom(v) => {
            s.is_generator = true;
            visit_expr(s, v);
        }
        ExprKind::Walrus(n, v) => {
            visit_expr(s, v);
            if s.kind == CodeKind::Comprehension {
                s.nonlocals.insert(n.clone());
            } else {
                bind(s, n);
            }
        }
    }
}
