//! Frame and traceback objects (`sys._getframe()`, `exc.__traceback__`, `sys.exc_info()`), made
//! only when a program reads them, from what the interpreter keeps anyway: the frames of the
//! running threads (parked while the native that reads them runs, `Vm::parked`) and the entries
//! an exception collects as it unwinds (`ExceptionData::traceback`).
//!
//! A frame keeps the object made for it (so the same frame gives the same object), and the
//! object reads its frame again while that runs where the program reads it (the reading
//! frame or a caller of it): `f_lineno` is then the line it is at now, `f_locals` its
//! variables now (a dict, as CPython 3.12 gives); once the frame is gone, or from another
//! task, they are what they were when last read. `f_globals` is a copy of the module's
//! namespace (which is no dict here): it reads the same, but storing into it makes no global.
//! A coroutine run as a task has no `f_back`: Awaitlab's event loop is native, so asyncio's
//! Python frames under it (CPython's `events.py`, `base_events.py`) do not exist. A
//! traceback's frames keep the module they ran in but not their locals (kept, they would make
//! every raise copy them).

use crate::types::code::Code;
use crate::types::native::NativeObj;
use crate::types::value::{DictMap, ExceptionData, Key, Namespace, Obj, TracebackEntry, Value};
use crate::vm::{CellRef, Frame, PyResult, Vm};
use awaitlab_compile::bytecode::{CodeKind, Loc};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct FrameData {
    pub code: Rc<Code>,
    /// Where the frame was when last seen: its line and the expression's columns.
    pub loc: Cell<Loc>,
    /// The instruction it was at (`f_lasti` counts CPython's two-byte code units: twice this).
    pub lasti: Cell<usize>,
    pub globals: Rc<RefCell<Namespace>>,
    /// What `f_locals` reads once the frame is gone.
    pub locals: RefCell<LocalsSnapshot>,
    /// The caller's frame object, or None.
    pub back: Value,
}

pub enum LocalsSnapshot {
    /// A module's or class body's namespace: CPython's `f_locals` is that mapping itself.
    Namespace(Rc<RefCell<Namespace>>),
    /// A function's variables when `f_locals` was last read while it ran (cells are shared:
    /// they read on). Kept only then: a snapshot holds its values alive, which would delay
    /// what their freeing does (a coroutine's "never awaited", a generator's `finally`). A
    /// variable holding this frame object is `None` here and put back when read (no cycle).
    Fast { fast: Vec<Option<Value>>, cells: Vec<CellRef>, itself: Vec<usize> },
    /// Nothing kept: a function's frame never read while running, a traceback's frame.
    Unknown,
}

pub struct TracebackData {
    pub entry: TracebackEntry,
    pub frame: Value,
    pub next: Value,
}

/// A frame as the program sees it: `vm.parked[parked][index]`, at the instruction of
/// `vm.parked[parked][at]` (a comprehension it runs, since Python 3.12 inlines those).
#[derive(Clone, Copy)]
pub struct VisibleFrame {
    pub parked: usize,
    pub index: usize,
    pub at: usize,
}

impl Vm {
    /// The frames of the running Python code, innermost first: the frames of the thread whose
    /// native call is running, then those of the threads that called natives to run it (a
    /// class's `__init__`, a sort key). A nested thread that some other path started (an
    /// operator's or a property's Python code) ends the chain. A list, set or dict
    /// comprehension's frame is its function's, as Python 3.12 inlines it.
    pub fn visible_frames(&self) -> Vec<VisibleFrame> {
        let mut out = Vec::new();
        let mut depth = self.nested_depth;
        // Each depth's thread called a native that runs the next one's; a depth with nothing
        // parked ran its code some other way (an operator, a property): the chain ends there.
        while let Some(frames) = self.parked.get(depth).filter(|f| !f.is_empty()) {
            let mut comprehension = None;
            for (index, frame) in frames.iter().enumerate().rev() {
                if crate::types::exceptions::is_inlined_comprehension(&frame.code) {
                    comprehension = comprehension.or(Some(index));
                    continue;
                }
                out.push(VisibleFrame { parked: depth, index, at: comprehension.take().unwrap_or(index) });
            }
            let Some(below) = depth.checked_sub(1) else { break };
            depth = below;
        }
        out
    }

    fn visible_frame(&self, v: VisibleFrame) -> (&Frame, usize, Loc) {
        let frames = &self.parked[v.parked];
        let at = &frames[v.at];
        (&frames[v.index], at.lasti, at.code.locs.get(at.lasti).copied().unwrap_or_default())
    }

    /// `sys._getframe(depth)`: the frame object `depth` calls out from the native's caller.
    /// A frame keeps the object made for it: the same frame gives the same object.
    pub fn frame_object(&mut self, depth: usize) -> PyResult {
        let frames = self.visible_frames();
        if depth >= frames.len() {
            return self.err("ValueError", "call stack is not deep enough");
        }
        let mut back = Value::None;
        for v in frames[depth..].iter().rev() {
            let (frame, lasti, loc) = self.visible_frame(*v);
            let object = match &frame.object {
                Some(o) => {
                    refresh(o, lasti, loc);
                    o.clone()
                }
                None => {
                    let locals = match &frame.ns {
                        Some(ns) => LocalsSnapshot::Namespace(ns.clone()),
                        None => LocalsSnapshot::Unknown,
                    };
                    let data = FrameData {
                        code: frame.code.clone(),
                        loc: Cell::new(loc),
                        lasti: Cell::new(lasti),
                        globals: frame.globals.clone(),
                        locals: RefCell::new(locals),
                        back,
                    };
                    let o = Rc::new(Obj::Native(NativeObj::Frame(Box::new(data))));
                    self.parked[v.parked][v.index].object = Some(o.clone());
                    o
                }
            };
            back = Value::Obj(object);
        }
        Ok(back)
    }

    /// Brings a frame object up to date with its frame, if that is still running where the
    /// program reads it (its thread's frames parked: `get_attr_parked`); with `locals`, its
    /// variables too.
    fn refresh_frame_object(&self, object: &Rc<Obj>, locals: bool) {
        for v in self.visible_frames() {
            let (frame, lasti, loc) = self.visible_frame(v);
            if frame.object.as_ref().is_some_and(|o| Rc::ptr_eq(o, object)) {
                refresh(object, lasti, loc);
                if locals && frame.ns.is_none() {
                    let Obj::Native(NativeObj::Frame(data)) = &**object else { return };
                    let mut fast = frame.fast.clone();
                    let mut itself = Vec::new();
                    for (i, slot) in fast.iter_mut().enumerate() {
                        if matches!(slot, Some(Value::Obj(o)) if Rc::ptr_eq(o, object)) {
                            *slot = None;
                            itself.push(i);
                        }
                    }
                    *data.locals.borrow_mut() = LocalsSnapshot::Fast { fast, cells: frame.cells.clone(), itself };
                }
                return;
            }
        }
    }

    /// `globals()` and `locals()` of the code that called the running native: copies (CPython's
    /// `globals()` is the module's dict itself; a copy reads the same, but storing into it
    /// makes no variable). A function's `locals()` is a copy in CPython 3.12 too.
    pub fn caller_namespaces(&self) -> Option<(Value, Value)> {
        let v = *self.visible_frames().first()?;
        let (frame, _, _) = self.visible_frame(v);
        let globals = namespace_copy(&frame.globals.borrow());
        let locals = match &frame.ns {
            Some(ns) => namespace_copy(&ns.borrow()),
            None => {
                let mut ns = Namespace::default();
                for (name, value) in frame.code.varnames.iter().zip(&frame.fast) {
                    if let Some(value) = value {
                        ns.insert(name.clone(), value.clone());
                    }
                }
                for (name, cell) in frame.code.cellvars.iter().chain(frame.code.freevars.iter()).zip(&frame.cells) {
                    if let Some(value) = cell.borrow().clone() {
                        ns.insert(name.clone(), value);
                    }
                }
                namespace_copy(&ns)
            }
        };
        Some((globals, locals))
    }

    /// The exception being handled where the running native was called (`sys.exception()`):
    /// the innermost `except` block's, through the callers' frames as CPython's exception
    /// state reaches them.
    pub fn handled_exception(&self) -> Option<Value> {
        self.visible_frames().into_iter().find_map(|v| self.visible_frame(v).0.handled.last().cloned())
    }
}

fn refresh(object: &Rc<Obj>, lasti: usize, loc: Loc) {
    let Obj::Native(NativeObj::Frame(data)) = &**object else { return };
    data.loc.set(loc);
    data.lasti.set(lasti);
}

pub fn is_frame_object(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, Obj::Native(NativeObj::Frame(_))))
}

fn new_frame(data: FrameData) -> Value {
    Value::obj(Obj::Native(NativeObj::Frame(Box::new(data))))
}

/// A namespace as a new dict (str keys hash as CPython's).
pub fn namespace_copy(ns: &Namespace) -> Value {
    let map: DictMap =
        ns.iter().map(|(k, v)| (Key { hash: crate::vm::ops::str_hash(k), value: Value::Str(k.clone()) }, v.clone())).collect();
    Value::dict(map)
}

/// `f_locals`: a function's arguments and variables in the code's order, then its cells.
fn locals_dict(object: &Rc<Obj>, data: &FrameData) -> Value {
    match &*data.locals.borrow() {
        LocalsSnapshot::Namespace(ns) => namespace_copy(&ns.borrow()),
        LocalsSnapshot::Unknown if data.code.kind == CodeKind::Module => namespace_copy(&data.globals.borrow()),
        LocalsSnapshot::Unknown => Value::dict(DictMap::default()),
        LocalsSnapshot::Fast { fast, cells, itself } => {
            let mut ns = Namespace::default();
            for (i, (name, value)) in data.code.varnames.iter().zip(fast).enumerate() {
                if let Some(v) = value {
                    ns.insert(name.clone(), v.clone());
                } else if itself.contains(&i) {
                    ns.insert(name.clone(), Value::Obj(object.clone()));
                }
            }
            let cell_names = data.code.cellvars.iter().chain(data.code.freevars.iter());
            for (name, cell) in cell_names.zip(cells) {
                if let Some(v) = cell.borrow().clone() {
                    ns.insert(name.clone(), v);
                }
            }
            namespace_copy(&ns)
        }
    }
}

/// A frame object's attributes, read as the frame is now if it still runs.
pub fn frame_attr(vm: &mut Vm, object: &Rc<Obj>, name: &str) -> Option<Value> {
    let Obj::Native(NativeObj::Frame(data)) = &**object else { return None };
    if matches!(name, "f_lineno" | "f_lasti" | "f_locals") {
        vm.refresh_frame_object(object, name == "f_locals");
    }
    Some(match name {
        "f_code" => Value::obj(Obj::Native(NativeObj::Code(data.code.clone()))),
        "f_lineno" => Value::Int(data.loc.get().line as i64),
        "f_back" => data.back.clone(),
        "f_globals" => namespace_copy(&data.globals.borrow()),
        "f_builtins" => namespace_copy(&vm.builtins.borrow()),
        // A new dict each read (CPython's is the same one, updated): kept in the frame object,
        // a dict holding it would be a cycle that reference counting never frees.
        "f_locals" => locals_dict(object, data),
        "f_lasti" => Value::Int(data.lasti.get() as i64 * 2),
        "f_trace" => Value::None,
        "f_trace_lines" => Value::Bool(true),
        "f_trace_opcodes" => Value::Bool(false),
        _ => return None,
    })
}

/// A traceback object's attributes.
pub fn traceback_attr(data: &TracebackData, name: &str) -> Option<Value> {
    Some(match name {
        "tb_frame" => data.frame.clone(),
        "tb_lineno" => Value::Int(data.entry.line as i64),
        "tb_next" => data.next.clone(),
        "tb_lasti" => Value::Int(data.entry.lasti as i64 * 2),
        _ => return None,
    })
}

pub fn frame_repr(data: &FrameData, address: &str) -> String {
    format!("<frame at {address}, file '{}', line {}, code {}>", data.code.filename, data.loc.get().line, data.code.name)
}

/// `exc.__traceback__`: the chain of traceback objects of the frames of the program that the
/// exception passed through, outermost first (the engine's own Python, files named `<...>`, is
/// left out, as its reports leave it out), or None before it was raised. Made on first read;
/// frames it passed through since are put in front of the objects made then.
pub fn traceback_of(exc: &Value) -> Value {
    crate::types::exceptions::with_data(exc, extend_traceback_objects).unwrap_or(Value::None)
}

fn extend_traceback_objects(d: &mut ExceptionData) -> Value {
    let (covered, mut head) = match &d.traceback_objects {
        Some((n, head)) if *n <= d.traceback.len() => (*n, head.clone()),
        _ => (0, Value::None),
    };
    if covered == d.traceback.len() {
        return head;
    }
    // Entries are stored innermost first: each new one is the caller of the head so far.
    for entry in &d.traceback[covered..] {
        if entry.filename().starts_with('<') {
            continue;
        }
        let frame = new_frame(FrameData {
            code: entry.code.clone(),
            loc: Cell::new(Loc { line: entry.line, col: entry.col, end_line: entry.end_line, end_col: entry.end_col }),
            lasti: Cell::new(entry.lasti as usize),
            globals: entry.globals.clone(),
            locals: RefCell::new(LocalsSnapshot::Unknown),
            back: Value::None,
        });
        head = Value::obj(Obj::Native(NativeObj::Traceback(Box::new(TracebackData { entry: entry.clone(), frame, next: head }))));
    }
    d.traceback_objects = Some((d.traceback.len(), head.clone()));
    head
}

/// `exc.with_traceback(tb)` and `exc.__traceback__ = tb`: the exception's traceback becomes
/// `tb`'s chain (None: none). False when `tb` is neither a traceback nor None.
pub fn set_traceback(exc: &Value, tb: &Value) -> bool {
    let mut entries = Vec::new();
    let mut next = tb.clone();
    while let Value::Obj(o) = &next {
        let Obj::Native(NativeObj::Traceback(t)) = &**o else { return false };
        entries.push(t.entry.clone());
        next = t.next.clone();
    }
    if !tb.is_none() && entries.is_empty() {
        return false;
    }
    entries.reverse();
    crate::types::exceptions::with_data(exc, |d| {
        d.traceback_objects = if tb.is_none() { None } else { Some((entries.len(), tb.clone())) };
        d.traceback = entries;
    });
    true
}

/// The traceback entries from `tb` on, outermost first (for `_traceback`'s formatting of a
/// traceback a program hands it).
pub fn entries_from(tb: &Value) -> Vec<TracebackEntry> {
    let mut entries = Vec::new();
    let mut next = tb.clone();
    while let Value::Obj(o) = &next {
        let Obj::Native(NativeObj::Traceback(t)) = &**o else { break };
        entries.push(t.entry.clone());
        next = t.next.clone();
    }
    entries
}

/// Where a frame or traceback object points: (line, end line, column, end column), the
/// columns in characters (CPython's count UTF-8 bytes).
pub fn positions(v: &Value) -> Option<(u32, u32, u32, u32)> {
    let Value::Obj(o) = v else { return None };
    match &**o {
        Obj::Native(NativeObj::Frame(f)) => {
            let loc = f.loc.get();
            Some((loc.line, loc.end_line, loc.col, loc.end_col))
        }
        Obj::Native(NativeObj::Traceback(t)) => Some((t.entry.line, t.entry.end_line, t.entry.col, t.entry.end_col)),
        _ => None,
    }
}

/// `frame.clear()`: nothing to free (a frame object keeps its variables only as last read).
fn clear(_vm: &mut Vm, _: crate::types::args::Args, _: crate::types::args::Kwargs) -> PyResult {
    Ok(Value::None)
}

/// Puts the methods into their classes.
pub(crate) fn register(types: &crate::types::class::Types) {
    crate::types::class::set_method(&types.frame, "clear", clear);
}
