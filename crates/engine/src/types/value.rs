//! Python values. Immutable scalars inline; everything else behind `Rc<Obj>` (identity = pointer).

use crate::types::code::Code;
use indexmap::IndexMap;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

#[derive(Clone)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Big(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Obj(Rc<Obj>),
}

/// The hasher of namespaces and dicts: rustc's Fx hash (`rustc-hash`), which reads a name's
/// bytes a word at a time. Keys are names or already Python hashes, and iteration follows
/// insertion order, so hash values are never seen. (A byte-at-a-time Fx loop written here
/// cost ~45 instructions a short name: a sixth of a module-level loop's time.)
pub type FastBuild = rustc_hash::FxBuildHasher;

pub type Namespace = IndexMap<Rc<str>, Value, FastBuild>;

pub use crate::types::dict_map::DictMap;

/// A dict/set key: a value with Python's hash and equality (1 == 1.0 == True).
#[derive(Clone)]
pub struct Key {
    pub hash: i64,
    pub value: Value,
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash)
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && crate::vm::ops::keys_equal(&self.value, &other.value)
    }
}

impl Eq for Key {}

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<RefCell<Namespace>>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    pub closure: Vec<Rc<RefCell<Option<Value>>>>,
    pub name: RefCell<Rc<str>>,
    pub qualname: Rc<str>,
    pub dict: RefCell<Namespace>,
}

impl Function {
    /// The qualified name as the program sees it now: an assigned `__qualname__` (as
    /// functools.wraps sets) wins over the definition's.
    pub fn current_qualname(&self) -> Rc<str> {
        match self.dict.borrow().get("__qualname__") {
            Some(Value::Str(q)) => q.clone(),
            _ => self.qualname.clone(),
        }
    }
}

pub type NativeFn = fn(&mut crate::vm::Vm, Vec<Value>, Vec<(Rc<str>, Value)>) -> Result<Value, Value>;

pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// Bound first argument (a method of a native object or module-level state).
    pub bound: Option<Value>,
    /// Runs no Python code and reads no frames (`list.append`, `Future.done`): the interpreter
    /// calls it without parking the caller's frames (`Vm::parked`), a cost every other native
    /// call pays so that the Python it runs can see its callers.
    pub leaf: bool,
}

pub struct Class {
    /// The name it was made with; a program may assign another (`cls.__name__ = ...`, as
    /// `namedtuple` does), kept in `dict`: read them through `shown_name` and the like.
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub bases: Vec<Rc<Obj>>,
    pub mro: RefCell<Vec<Rc<Obj>>>,
    pub dict: RefCell<Namespace>,
    /// For builtin types: which one (int, str, ...). None for classes defined in Python.
    pub builtin: Option<BuiltinType>,
    pub module: Rc<str>,
    /// Whether any class on the MRO defines a property: only then must attribute reads on
    /// instances consult the class before the instance dict.
    pub has_properties: Cell<bool>,
    /// The metaclass, for a class made by a subclass of `type` (None: `type` itself).
    pub meta: Option<Rc<Obj>>,
}

impl Class {
    fn assigned(&self, attr: &str) -> Option<Rc<str>> {
        match self.dict.borrow().get(attr) {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        }
    }

    /// `__name__`: an assigned one, else the name it was made with.
    pub fn shown_name(&self) -> Rc<str> {
        self.assigned("__name__").unwrap_or_else(|| self.name.clone())
    }

    /// `__qualname__`: an assigned one, else the one it was made with.
    pub fn shown_qualname(&self) -> Rc<str> {
        self.assigned("__qualname__").unwrap_or_else(|| self.qualname.clone())
    }

    /// `__module__`: an assigned one (a class body's own `__module__ = ...` is one too), else
    /// the module it was made in.
    pub fn shown_module(&self) -> Rc<str> {
        self.assigned("__module__").unwrap_or_else(|| self.module.clone())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    ByteArray,
    MemoryView,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Coroutine,
    Generator,
    AsyncGenerator,
    Iterator,
    BaseException,
    Future,
    Task,
    Handle,
    Loop,
    Deque,
    Slice,
    Cell,
    Native,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
}

pub struct Instance {
    pub class: Rc<Obj>,
    pub dict: RefCell<Namespace>,
    /// Extra state for instances of builtin bases (exceptions' traceback, a subclass's list...).
    pub exc: RefCell<Option<Box<ExceptionData>>>,
}

#[derive(Default, Clone)]
pub struct ExceptionData {
    pub traceback: Vec<TracebackEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// What a failed lookup looked for, and where: its report suggests a near name
    /// (`report::suggestions`), as CPython's "Did you mean" does.
    pub lookup: Option<Rc<FailedLookup>>,
    /// `__traceback__` as last read: how many of `traceback`'s entries its objects cover, and
    /// the outermost. Made only when a program reads it (`types::traceback`); entries pushed
    /// since are put in front of it, as CPython links a new tb object to the old head.
    pub traceback_objects: Option<(usize, Value)>,
}

/// The context of an AttributeError (CPython's `name` and `obj`) or a NameError (`name`, and
/// the names the frame could see).
pub enum FailedLookup {
    Attribute { name: Rc<str>, obj: Value },
    Name { name: Rc<str>, locals: Vec<Rc<str>>, globals: Rc<RefCell<Namespace>>, self_value: Option<Value> },
}

/// A frame an exception passed through: its code (the file and function), the module it ran
/// in (a traceback object's `tb_frame.f_globals`), and the failing expression's place.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<Code>,
    pub globals: Rc<RefCell<Namespace>>,
    /// The instruction (`tb_lasti`: twice this).
    pub lasti: u32,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl TracebackEntry {
    pub fn filename(&self) -> &Rc<str> {
        &self.code.filename
    }

    pub fn name(&self) -> &Rc<str> {
        &self.code.name
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Closed,
}

pub struct Generator {
    pub kind: GenKind,
    pub state: Cell<GenState>,
    pub frame: RefCell<Option<Box<crate::vm::Frame>>>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub code: Rc<Code>,
    /// Line the frame is suspended at (for reprs such as `<coroutine object f at ...>` and task reprs).
    pub awaited: Cell<bool>,
    pub id: u64,
    /// Source line of the call that created it.
    pub created_line: u32,
    /// Created by the program's own code, not by the engine's Python (`<asyncio>`): a task
    /// running it is the program's, even when its coroutine is asyncio's (`ensure_future(sleep(1))`).
    pub created_by_program: bool,
}

pub enum IterState {
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    DictKeys {
        dict: Rc<Obj>,
        index: usize,
        len: usize,
    },
    /// A set's table, slot by slot (`len`: its size when the iteration began).
    SetSlots {
        set: Rc<Obj>,
        slot: usize,
        len: usize,
    },
    DictValues {
        dict: Rc<Obj>,
        index: usize,
        len: usize,
    },
    DictItems {
        dict: Rc<Obj>,
        index: usize,
        len: usize,
    },
    Chars {
        s: Rc<str>,
        byte: usize,
    },
    Values(VecDeque<Value>),
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    Reversed {
        seq: Value,
        index: usize,
    },
    Count {
        next: Value,
        step: Value,
    },
    /// The old sequence protocol: `obj[0]`, `obj[1]`, ... until IndexError.
    GetItem {
        seq: Value,
        index: i64,
    },
    Exhausted,
}

pub enum Obj {
    Bytes(Vec<u8>),
    ByteArray(crate::types::buffer::ByteArray),
    List(RefCell<Vec<Value>>),
    Tuple(Vec<Value>),
    Dict(RefCell<DictMap>),
    Set(RefCell<crate::types::set_table::PySet>),
    FrozenSet(crate::types::set_table::PySet),
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Slice(Value, Value, Value),
    Function(Function),
    Builtin(Builtin),
    BoundMethod {
        receiver: Value,
        func: Value,
    },
    Class(Class),
    Instance(Instance),
    Module {
        name: Rc<str>,
        dict: Rc<RefCell<Namespace>>,
    },
    Gen(Generator),
    Iter(RefCell<IterState>),
    Cell(Rc<RefCell<Option<Value>>>),
    Property {
        fget: Value,
        fset: Value,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    Super {
        class: Rc<Obj>,
        receiver: Value,
    },
    Deque(RefCell<VecDeque<Value>>, Option<usize>),
    /// Engine-side objects (asyncio futures, tasks, handles, the loop, HTTP responses...).
    Native(crate::types::native::NativeObj),
}

impl Value {
    pub fn obj(o: Obj) -> Value {
        Value::Obj(Rc::new(o))
    }
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::obj(Obj::List(RefCell::new(items)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::obj(Obj::Tuple(items))
    }
    pub fn dict(map: DictMap) -> Value {
        Value::obj(Obj::Dict(RefCell::new(map)))
    }
    pub fn as_obj(&self) -> Option<&Rc<Obj>> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    /// Identity (`is`).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b && (-5..=256).contains(a),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        }
    }
    pub fn id(&self) -> u64 {
        match self {
            Value::Obj(o) => Rc::as_ptr(o) as *const u8 as usize as u64,
            Value::Str(s) => s.as_ptr() as usize as u64,
            Value::Int(i) => 0x1000_0000 + (*i as u64).wrapping_mul(32),
            Value::None => 0x0a00_0000,
            Value::Bool(b) => 0x0a10_0000 + *b as u64 * 32,
            _ => 0x0b00_0000,
        }
    }
}

impl Obj {
    pub fn class(&self) -> Option<&Class> {
        match self {
            Obj::Class(c) => Some(c),
            _ => None,
        }
    }
}

// Deep structures drop without deep recursion (CPython's "trashcan").
thread_local! {
    static DROP_DEPTH: Cell<usize> = const { Cell::new(0) };
    static DROP_LATER: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

const DROP_DEPTH_LIMIT: usize = 64;

impl Drop for Obj {
    fn drop(&mut self) {
        if crate::types::weakref::watching() {
            crate::types::weakref::dropped(self);
        }
        let children: Vec<Value> = match self {
            Obj::List(l) => std::mem::take(l.get_mut()),
            Obj::Tuple(t) => std::mem::take(t),
            Obj::Dict(d) => std::mem::take(d.get_mut()).into_iter().flat_map(|(k, v)| [k.value, v]).collect(),
            Obj::Set(s) => s.get_mut().take().into_iter().map(|k| k.value).collect(),
            Obj::FrozenSet(s) => s.take().into_iter().map(|k| k.value).collect(),
            Obj::Deque(d, _) => std::mem::take(d.get_mut()).into_iter().collect(),
            Obj::Instance(i) => std::mem::take(i.dict.get_mut()).into_iter().map(|(_, v)| v).collect(),
            // A cell is shared with frames and closures: only the last holder may empty it.
            Obj::Cell(c) if Rc::strong_count(c) == 1 => c.borrow_mut().take().into_iter().collect(),
            _ => return,
        };
        if children.is_empty() {
            return;
        }
        // During thread teardown the thread-locals may be gone: then drop plainly.
        let Ok(depth) = DROP_DEPTH.try_with(|d| d.get()) else { return };
        if depth >= DROP_DEPTH_LIMIT {
            let _ = DROP_LATER.try_with(|l| l.borrow_mut().extend(children));
            return;
        }
        let _ = DROP_DEPTH.try_with(|d| d.set(depth + 1));
        drop(children);
        if depth == 0 {
            // The outermost drop empties the worklist, one value at a time.
            loop {
                let next = DROP_LATER.try_with(|l| l.borrow_mut().pop()).ok().flatten();
                match next {
                    Some(v) => drop(v),
                    None => break,
                }
            }
        }
        let _ = DROP_DEPTH.try_with(|d| d.set(depth));
    }
}

#[cfg(test)]
mod tests {
    /// Every object costs `size_of::<Obj>()`: a variant that grows it (inline arrays, big
    /// structs) multiplies the memory of every list, tuple and instance. Box large state.
    #[test]
    fn objects_stay_small() {
        assert!(std::mem::size_of::<super::Obj>() <= 200, "Obj is {} bytes", std::mem::size_of::<super::Obj>());
        assert_eq!(std::mem::size_of::<super::Value>(), 24);
    }
}
