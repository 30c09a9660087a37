//! Bytecode: what the compiler emits and the VM runs, as plain data. Constants are a pool of
//! [`Const`]s that the interpreter turns into its own values once per code object.

use awaitlab_syntax::ast::{BinOp, CmpOp, UnaryOp};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Pushes (callable, receiver-or-null) for `CallMethod`.
    LoadMethod(u32),
    CallMethod(u32),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    Pop,
    Dup,
    Dup2,
    Rot2,
    Rot3,
    Rot4,
    /// Pushes a copy of the item `n` deep (1 is TOS).
    Copy(u32),
    /// Moves TOS down to be the `n`-th item from the top.
    RotN(u32),
    /// Match statement: push whether TOS is a sequence (a mapping) for patterns, keeping it.
    MatchSequence,
    MatchMapping,
    /// Pushes `len(TOS)`, keeping TOS.
    GetLen,
    /// [subject, keys] -> [subject, keys, tuple of the values, or None if a key is missing].
    MatchKeys,
    /// [subject, class, keyword names] -> tuple of the attributes, or None; operand: positional count.
    MatchClass(u32),
    /// [subject, keys] -> dict of the subject's other items (a mapping pattern's `**rest`).
    MatchRest,
    BuildList(u32),
    BuildTuple(u32),
    BuildSet(u32),
    /// A set display of more than two constants: CPython compiles it to a frozenset constant,
    /// rebuilt once more from its own order when constants are merged, then copied.
    BuildConstSet(u32),
    BuildDict(u32),
    BuildSlice(u32),
    BuildString(u32),
    /// Appends TOS to the list/set/dict `n` below it (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend,
    SetUpdate,
    DictUpdate,
    ListToTuple,
    /// Formats TOS for an f-string: bit 0..2 conversion (0 none, 1 str, 2 repr, 3 ascii), bit 3 has spec.
    FormatValue(u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    ForIter(u32),
    GetAiter,
    GetAnext,
    /// Ends an `async for` when the awaited `__anext__` raised StopAsyncIteration.
    EndAsyncFor(u32),
    Call(u32),
    /// Call with keyword arguments: argc total; the const at index names the keywords (a tuple).
    CallKw(u32, u32),
    /// Call with a positional tuple and (if 1) a kwargs dict on the stack.
    CallEx(u32),
    /// Builds a function from the code const; flags: 1 defaults tuple, 2 kwdefaults dict, 8 closure tuple.
    MakeFunction(u32, u32),
    /// Builds a class: TOS is the bases tuple, below it the body function; operand = name const.
    BuildClass(u32),
    /// As BuildClass, with a dict of the class's keyword arguments on top (`metaclass=`, ...).
    BuildClassKw(u32),
    Return,
    YieldValue,
    GetAwaitable,
    /// Awaits TOS (a coroutine runs in place; a pending future suspends the task).
    Await,
    YieldFrom,
    SetupExcept(u32),
    SetupFinally(u32),
    /// A with-block's handler: like SetupFinally, but the context manager's `__enter__` result
    /// on TOS (about to be stored or dropped) is not part of the saved stack depth.
    SetupWith(u32),
    PopBlock,
    /// Leaves an except handler: drops the handled exception from the exception-info stack.
    PopExcept,
    /// Re-raises the exception on TOS without touching its traceback.
    Reraise,
    /// `raise` (0: re-raise current, 1: raise TOS, 2: raise TOS1 from TOS).
    Raise(u32),
    CheckExcMatch,
    /// `except* T`: TOS1 is what is left of the exception, TOS the type; leaves the rest (None
    /// once all is matched), the matched part (None if nothing matched) and whether it matched.
    CheckEgMatch,
    /// After the `except*` clauses: TOS1 the exception caught, TOS a list of what the handlers
    /// raised and what was not handled; leaves the exception to re-raise (or None) and a bool.
    PrepReraiseStar,
    /// Marks that the exception on TOS is being handled (for `raise` with no argument and context).
    PushExcInfo,
    WithEnter,
    /// After a with-body completed normally: calls `__exit__(None, None, None)`, pushes its result.
    WithExitNormal,
    /// In the with-handler: exception on TOS; calls `__exit__(type, exc, tb)`, pushes the result.
    /// (The calls of `__enter__` and `__exit__` are frames of the thread, not nested runs: one
    /// that waits, a lock's or a pool's shutdown, lets the other threads run meanwhile.)
    WithExitExc,
    AsyncWithEnter,
    AsyncWithExitNormal,
    AsyncWithExitExc,
    UnpackSequence(u32),
    /// Starred unpacking: counts before and after the star.
    UnpackEx(u32, u32),
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    LoadAssertionError,
    LoadClosure(u32),
    /// Pushes the exception currently being handled (used by `with` cleanup and `finally`).
    Swallow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    Class,
    Lambda,
    Comprehension,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// A code object: a module, class body, function, lambda or comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub kind: CodeKind,
    pub ops: Vec<Op>,
    pub locs: Vec<Loc>,
    /// Constant 0 is always None (the implicit `return None`).
    pub consts: Vec<Const>,
    pub names: Vec<Rc<str>>,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// Parameters that live in cells: (cell index, parameter slot).
    pub cell_params: Vec<(u32, u32)>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub varargs: bool,
    pub varkw: bool,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub first_line: u32,
    /// The function's docstring (`__doc__`).
    pub doc: Option<Rc<str>>,
}

impl Code {
    pub fn is_async_generator(&self) -> bool {
        self.is_generator && self.is_coroutine
    }
}

/// A constant as the compiler writes it. Each entry becomes one value when the code object is
/// linked, so two loads of the same entry give the same object, as in CPython.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    /// An int literal too large for i64: its decimal digits.
    BigInt(String),
    Float(f64),
    Str(Rc<str>),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Const>),
    /// A nested code object (a function, class body, lambda or comprehension).
    Code(Box<Code>),
}

impl Const {
    pub fn str(s: &str) -> Const {
        Const::Str(Rc::from(s))
    }
}
