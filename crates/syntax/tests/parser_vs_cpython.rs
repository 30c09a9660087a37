//! Differential test of the parser against CPython's own `ast` module: both sides dump a
//! pre-order list of `Type line col` (tests/parser/dump_ast.py for CPython), and they must agree
//! on every program of the conformance suite and on tests/parser/*.py.

use awaitlab_syntax::ast::*;
use awaitlab_syntax::parse_module;
use std::path::PathBuf;
use std::process::Command;

struct Dump(Vec<String>);

impl Dump {
    fn node(&mut self, name: &str, line: u32, col: u32) {
        self.0.push(format!("{name} {line} {col}"));
    }

    fn stmts(&mut self, body: &[Stmt]) {
        body.iter().for_each(|s| self.stmt(s));
    }

    fn params(&mut self, p: &Params) {
        for a in &p.kwonly {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
        for a in &p.args {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        let (l, c) = (s.span.line, s.span.col);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.node("Expr", l, c);
                self.expr(e);
            }
            StmtKind::Assign { targets, value } => {
                self.node("Assign", l, c);
                targets.iter().for_each(|t| self.expr(t));
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.node("AugAssign", l, c);
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign { target, value, .. } => {
                self.node("AnnAssign", l, c);
                self.expr(target);
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            StmtKind::FunctionDef(f) => {
                self.node(if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" }, l, c);
                self.params(&f.params);
                self.stmts(&f.body);
                f.decorators.iter().for_each(|d| self.expr(d));
            }
            StmtKind::ClassDef { bases, keywords, body, decorators, .. } => {
                self.node("ClassDef", l, c);
                bases.iter().for_each(|b| self.expr(b));
                for (name, x) in keywords {
                    self.node("keyword", x.span.line, x.span.col.saturating_sub(name.chars().count() as u32 + 1));
                    self.expr(x);
                }
                self.stmts(body);
                decorators.iter().for_each(|d| self.expr(d));
            }
            StmtKind::Return(v) => {
                self.node("Return", l, c);
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.node(if matches!(s.kind, StmtKind::If { .. }) { "If" } else { "While" }, l, c);
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                self.node(if *is_async { "AsyncFor" } else { "For" }, l, c);
                self.expr(target);
                self.expr(iter);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body, is_async } => {
                self.node(if *is_async { "AsyncWith" } else { "With" }, l, c);
                for it in items {
                    self.expr(&it.ctx);
                    if let Some(t) = &it.target {
                        self.expr(t);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Try { body, handlers, orelse, finalbody, star } => {
                self.node(if *star { "TryStar" } else { "Try" }, l, c);
                self.stmts(body);
                for h in handlers {
                    self.node("ExceptHandler", h.span.line, h.span.col);
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Match { subject, cases } => {
                self.node("Match", l, c);
                self.expr(subject);
                for case in cases {
                    self.pattern(&case.pattern);
                    if let Some(g) = &case.guard {
                        self.expr(g);
                    }
                    self.stmts(&case.body);
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.node("Raise", l, c);
                exc.iter().chain(cause.iter()).for_each(|e| self.expr(e));
            }
            StmtKind::Assert { test, msg } => {
                self.node("Assert", l, c);
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Pass => self.node("Pass", l, c),
            StmtKind::Break => self.node("Break", l, c),
            StmtKind::Continue => self.node("Continue", l, c),
            StmtKind::Delete(targets) => {
                self.node("Delete", l, c);
                targets.iter().for_each(|t| self.expr(t));
            }
            StmtKind::Global(_) => self.node("Global", l, c),
            StmtKind::Nonlocal(_) => self.node("Nonlocal", l, c),
            StmtKind::Import(_) => self.node("Import", l, c),
            StmtKind::ImportFrom { .. } => self.node("ImportFrom", l, c),
        }
    }

    fn bool_values<'a>(e: &'a Expr, is_and: bool, out: &mut Vec<&'a Expr>) {
        match &e.kind {
            ExprKind::And(a, b) if is_and => {
                Self::bool_values(a, is_and, out);
                out.push(b);
            }
            ExprKind::Or(a, b) if !is_and => {
                Self::bool_values(a, is_and, out);
                out.push(b);
            }
            _ => out.push(e),
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        let (l, c) = (p.span.line, p.span.col);
        match &p.kind {
            PatternKind::Value(e) => {
                self.node("MatchValue", l, c);
                self.expr(e);
            }
            PatternKind::Singleton(_) => self.node("MatchSingleton", l, c),
            PatternKind::Sequence(items) => {
                self.node("MatchSequence", l, c);
                items.iter().for_each(|i| self.pattern(i));
            }
            PatternKind::Mapping { keys, patterns, .. } => {
                self.node("MatchMapping", l, c);
                keys.iter().for_each(|k| self.expr(k));
                patterns.iter().for_each(|i| self.pattern(i));
            }
            PatternKind::Class { cls, patterns, kwd_patterns, .. } => {
                self.node("MatchClass", l, c);
                self.expr(cls);
                patterns.iter().chain(kwd_patterns).for_each(|i| self.pattern(i));
            }
            PatternKind::Star(_) => self.node("MatchStar", l, c),
            PatternKind::As { pattern, .. } => {
                self.node("MatchAs", l, c);
                if let Some(inner) = pattern {
                    self.pattern(inner);
                }
            }
            PatternKind::Or(alts) => {
                self.node("MatchOr", l, c);
                alts.iter().for_each(|i| self.pattern(i));
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        let (l, c) = (e.span.line, e.span.col);
        match &e.kind {
            ExprKind::Name(_) => self.node("Name", l, c),
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::True
            | ExprKind::False
            | ExprKind::None
            | ExprKind::Ellipsis => self.node("Constant", l, c),
            ExprKind::FString(_) => self.node("JoinedStr", l, c),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                let name = match e.kind {
                    ExprKind::List(_) => "List",
                    ExprKind::Tuple(_) => "Tuple",
                    _ => "Set",
                };
                self.node(name, l, c);
                items.iter().for_each(|i| self.expr(i));
            }
            ExprKind::Dict(items) => {
                self.node("Dict", l, c);
                items.iter().filter_map(|(k, _)| k.as_ref()).for_each(|k| self.expr(k));
                items.iter().for_each(|(_, v)| self.expr(v));
            }
            ExprKind::Starred(inner) => {
                self.node("Starred", l, c);
                self.expr(inner);
            }
            ExprKind::BinOp(a, _, b) => {
                self.node("BinOp", l, c);
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Unary(_, a) => {
                self.node("UnaryOp", l, c);
                self.expr(a);
            }
            ExprKind::And(..) | ExprKind::Or(..) => {
                let is_and = matches!(e.kind, ExprKind::And(..));
                self.node(if is_and { "BoolOp.And" } else { "BoolOp.Or" }, l, c);
                let mut values = vec![];
                Self::bool_values(e, is_and, &mut values);
                values.into_iter().for_each(|v| self.expr(v));
            }
            ExprKind::Compare(first, rest) => {
                self.node("Compare", l, c);
                self.expr(first);
                rest.iter().for_each(|(_, x)| self.expr(x));
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.node("IfExp", l, c);
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Call { func, args } => {
                self.node("Call", l, c);
                self.expr(func);
                for a in args {
                    match a {
                        Arg::Pos(x) => self.expr(x),
                        Arg::Star(x) => {
                            self.node("Starred", x.span.line, x.span.col.saturating_sub(1));
                            self.expr(x);
                        }
                        _ => {}
                    }
                }
                for a in args {
                    match a {
                        Arg::Kw(name, x) => {
                            self.node("keyword", x.span.line, x.span.col.saturating_sub(name.chars().count() as u32 + 1));
                            self.expr(x);
                        }
                        Arg::StarStar(x) => {
                            self.node("keyword", x.span.line, x.span.col.saturating_sub(2));
                            self.expr(x);
                        }
                        _ => {}
                    }
                }
            }
            ExprKind::Attribute(v, _) => {
                self.node("Attribute", l, c);
                self.expr(v);
            }
            ExprKind::Subscript(v, i) => {
                self.node("Subscript", l, c);
                self.expr(v);
                self.expr(i);
            }
            ExprKind::Slice(a, b, s) => {
                self.node("Slice", l, c);
                for x in [a, b, s].into_iter().flatten() {
                    self.expr(x);
                }
            }
            ExprKind::Lambda { params, body } => {
                self.node("Lambda", l, c);
                self.params(params);
                self.expr(body);
            }
            ExprKind::Comp { kind, elt, value, generators } => {
                let name = match kind {
                    CompKind::List => "ListComp",
                    CompKind::Set => "SetComp",
                    CompKind::Dict => "DictComp",
                    CompKind::Gen => "GeneratorExp",
                };
                self.node(name, l, c);
                self.expr(elt);
                if let Some(v) = value {
                    self.expr(v);
                }
                for g in generators {
                    self.expr(&g.target);
                    self.expr(&g.iter);
                    g.ifs.iter().for_each(|i| self.expr(i));
                }
            }
            ExprKind::Await(v) => {
                self.node("Await", l, c);
                self.expr(v);
            }
            ExprKind::Yield(v) => {
                self.node("Yield", l, c);
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(v) => {
                self.node("YieldFrom", l, c);
                self.expr(v);
            }
            ExprKind::Walrus(_, v) => {
                self.node("NamedExpr", l, c);
                self.node("Name", l, c);
                self.expr(v);
            }
        }
    }
}

fn cpython_dump(path: &PathBuf) -> Option<Vec<String>> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/parser/dump_ast.py");
    let out = Command::new("python3").arg(script).arg(path).output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).lines().map(String::from).collect())
}

#[test]
fn parser_matches_cpython_ast_on_every_program() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files: Vec<PathBuf> = vec![];
    for dir in ["tests/conformance", "tests/parser"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "py") && !p.ends_with("record.py") && !p.ends_with("dump_ast.py") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut compared = 0;
    let mut failures = vec![];
    for f in &files {
        let Some(expected) = cpython_dump(f) else { continue }; // CPython rejects it: the syntax-error tests cover those
        let src = std::fs::read_to_string(f).unwrap();
        let module = match parse_module(&src) {
            Ok(parsed) => parsed.body,
            Err(e) => {
                failures.push(format!("{}: CPython parses it, Awaitlab says {:?}", f.display(), e));
                continue;
            }
        };
        let mut d = Dump(vec![]);
        d.stmts(&module);
        compared += 1;
        if d.0 != expected {
            let i = d.0.iter().zip(&expected).position(|(a, b)| a != b).unwrap_or(d.0.len().min(expected.len()));
            failures.push(format!(
                "{}: first difference at node {i}: Awaitlab {:?}, CPython {:?}",
                f.file_name().unwrap().to_string_lossy(),
                d.0.get(i),
                expected.get(i)
            ));
        }
    }
    println!("parser vs CPython ast: {} files compared, {} differ", compared, failures.len());
    assert!(compared >= 50, "python3 is needed for this test ({compared} files compared)");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
