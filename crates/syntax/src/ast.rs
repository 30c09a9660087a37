//! The engine's own AST for the supported Python subset. Every node carries its source span.

use crate::span::Span;

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    /// What CPython's messages call this kind of expression ("cannot assign to function call").
    pub fn describe(&self) -> &'static str {
        match &self.kind {
            ExprKind::Call { .. } => "function call",
            ExprKind::True => "True",
            ExprKind::False => "False",
            ExprKind::None => "None",
            ExprKind::Ellipsis => "ellipsis",
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bytes(_) => "literal",
            ExprKind::FString(_) => "f-string expression",
            ExprKind::BinOp(..) | ExprKind::Unary(..) => "expression",
            ExprKind::Compare(..) => "comparison",
            ExprKind::Await(_) => "await expression",
            ExprKind::Lambda { .. } => "lambda",
            ExprKind::IfExp { .. } => "conditional expression",
            ExprKind::Tuple(_) => "tuple",
            ExprKind::List(_) => "list",
            ExprKind::Dict(_) => "dict literal",
            ExprKind::Set(_) => "set display",
            ExprKind::Comp { kind: CompKind::Gen, .. } => "generator expression",
            ExprKind::Comp { kind: CompKind::List, .. } => "list comprehension",
            ExprKind::Comp { kind: CompKind::Set, .. } => "set comprehension",
            ExprKind::Comp { kind: CompKind::Dict, .. } => "dict comprehension",
            ExprKind::And(..) | ExprKind::Or(..) => "expression",
            ExprKind::Walrus(..) => "named expression",
            ExprKind::Attribute(..) => "attribute",
            ExprKind::Subscript(..) => "subscript",
            ExprKind::Starred(_) => "starred",
            ExprKind::Name(_) => "name",
            _ => "expression",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
    MatMul,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Not,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Clone, Debug)]
pub enum FPart {
    Lit(String),
    Expr { expr: Box<Expr>, conversion: Option<char>, spec: Option<Vec<FPart>>, debug_text: Option<String> },
}

#[derive(Clone, Debug)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug)]
pub enum Arg {
    Pos(Expr),
    Star(Expr),
    Kw(String, Expr),
    StarStar(Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Name(String),
    Int(String),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    FString(Vec<FPart>),
    True,
    False,
    None,
    Ellipsis,
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    /// `None` key means `**mapping`.
    Dict(Vec<(Option<Expr>, Expr)>),
    Starred(Box<Expr>),
    BinOp(Box<Expr>, BinOp, Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Arg>,
    },
    Attribute(Box<Expr>, String),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Lambda {
        params: Box<Params>,
        body: Box<Expr>,
    },
    Comp {
        kind: CompKind,
        elt: Box<Expr>,
        value: Option<Box<Expr>>,
        generators: Vec<Comprehension>,
    },
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    Walrus(String, Box<Expr>),
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, Default)]
pub struct Params {
    pub posonly: usize,
    pub args: Vec<Param>,
    pub vararg: Option<String>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<String>,
    /// The annotations, in the order `__annotations__` has them (the parameters', then the
    /// return's, named `return`).
    pub annotations: Vec<Annotation>,
}

/// A parameter's or a return's annotation: the expression, and its source text (what it is
/// under `from __future__ import annotations`).
#[derive(Clone, Debug)]
pub struct Annotation {
    pub name: String,
    pub expr: Expr,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ExceptHandler {
    pub typ: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// One `case` of a match statement.
#[derive(Clone, Debug)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

/// PEP 634's patterns, as CPython's AST has them.
#[derive(Clone, Debug)]
pub enum PatternKind {
    /// A literal or a dotted name: matches what compares equal.
    Value(Expr),
    /// None, True or False: matches that very object.
    Singleton(Expr),
    Sequence(Vec<Pattern>),
    Mapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<String>,
    },
    Class {
        cls: Expr,
        patterns: Vec<Pattern>,
        kwd_names: Vec<String>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` (None for `*_`) in a sequence pattern.
    Star(Option<String>),
    /// `pattern as name`, a capture (`name`, no pattern) or the wildcard (neither).
    As {
        pattern: Option<Box<Pattern>>,
        name: Option<String>,
    },
    Or(Vec<Pattern>),
}

#[derive(Clone, Debug)]
pub struct WithItem {
    pub ctx: Expr,
    pub target: Option<Expr>,
}

#[derive(Clone, Debug)]
pub struct FunctionDef {
    pub name: String,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Expr(Expr),
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `annotation`: the annotation's source text. Awaitlab does not evaluate annotations: a
    /// module's or class's `__annotations__` holds them as strings, as with
    /// `from __future__ import annotations` (PEP 563).
    AnnAssign {
        target: Expr,
        annotation: String,
        value: Option<Expr>,
    },
    FunctionDef(Box<FunctionDef>),
    ClassDef {
        name: String,
        bases: Vec<Expr>,
        /// `class C(Base, metaclass=M, flag=1)`: the keyword arguments, in order.
        keywords: Vec<(String, Expr)>,
        body: Vec<Stmt>,
        decorators: Vec<Expr>,
    },
    Return(Option<Expr>),
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    /// `star`: the handlers are `except*` clauses (exception groups).
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        star: bool,
    },
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Pass,
    Break,
    Continue,
    Delete(Vec<Expr>),
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Import(Vec<(String, Option<String>)>),
    ImportFrom {
        module: String,
        names: Vec<(String, Option<String>)>,
    },
}
