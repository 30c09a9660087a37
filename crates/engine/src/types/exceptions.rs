//! Exception objects (instances of BaseException subclasses), their hierarchy and tracebacks.

use crate::types::args::{arity, Args, Kwargs};
use crate::types::class::{set_method, Types};
use crate::types::value::{ExceptionData, FailedLookup, Instance, Namespace, Obj, TracebackEntry, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// CPython's builtin exception hierarchy (the part programs meet), parent first.
pub const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("Exception", "BaseException"),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("CancelledError", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("LookupError", "Exception"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("OSError", "Exception"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("Warning", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("ModuleNotFoundError", "ImportError"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("UnboundLocalError", "NameError"),
    ("ConnectionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("PermissionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("IndentationError", "SyntaxError"),
    ("UnicodeError", "ValueError"),
    ("JSONDecodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    // asyncio's own (module asyncio.exceptions); CancelledError is above.
    ("InvalidStateError", "Exception"),
    ("LimitOverrunError", "Exception"),
    ("IncompleteReadError", "EOFError"),
    ("QueueEmpty", "Exception"),
    ("QueueFull", "Exception"),
];

pub fn instantiate(class: &Rc<Obj>, args: Vec<Value>) -> Value {
    let mut dict = Namespace::default();
    dict.insert(Rc::from("args"), Value::tuple(args));
    Value::obj(Obj::Instance(Instance { class: class.clone(), dict: RefCell::new(dict), exc: RefCell::new(Some(Box::default())) }))
}

pub fn is_exception(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, Obj::Instance(i) if i.exc.borrow().is_some()))
}

pub fn is_instance_of(v: &Value, class: &Rc<Obj>) -> bool {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Instance(i) => crate::types::class::is_subclass(&i.class, class),
            _ => false,
        },
        _ => false,
    }
}

pub fn class_name(v: &Value) -> Rc<str> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Instance(i) => match &*i.class {
                Obj::Class(c) => c.name.clone(),
                _ => Rc::from("?"),
            },
            _ => Rc::from("?"),
        },
        _ => Rc::from("?"),
    }
}

pub fn exc_args(v: &Value) -> Vec<Value> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Instance(i) => i.dict.borrow().get("args").map(crate::vm::tuple_items).unwrap_or_default(),
            _ => vec![],
        },
        _ => vec![],
    }
}

/// The exception's `__notes__` list, if it has one (`add_note`, or set by the program).
pub fn notes(v: &Value) -> Option<Value> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Instance(i) => i.dict.borrow().get("__notes__").cloned(),
            _ => None,
        },
        _ => None,
    }
}

pub fn set_notes(v: &Value, notes: Value) {
    if let Value::Obj(o) = v {
        if let Obj::Instance(i) = &**o {
            i.dict.borrow_mut().insert(Rc::from("__notes__"), notes);
        }
    }
}

pub(crate) fn with_data<R>(v: &Value, f: impl FnOnce(&mut ExceptionData) -> R) -> Option<R> {
    if let Value::Obj(o) = v {
        if let Obj::Instance(i) = &**o {
            if let Some(d) = i.exc.borrow_mut().as_mut() {
                return Some(f(d));
            }
        }
    }
    None
}

/// Adds the frame an exception is passing through. Entries are stored innermost first (an O(1)
/// push, like CPython's linked tb objects); `traceback()` returns them outermost first.
pub fn push_traceback(exc: &Value, entry: TracebackEntry) {
    with_data(exc, |d| {
        // Python 3.12 inlines list, set and dict comprehensions into their function: their
        // frame is the function's, at the comprehension's failing position.
        let covered = d.traceback_objects.as_ref().map_or(0, |(n, _)| *n);
        if let Some(inner) = d.traceback.last_mut() {
            if is_inlined_comprehension(&inner.code) && inner.filename() == entry.filename() {
                inner.code = entry.code;
                inner.globals = entry.globals;
                if covered == d.traceback.len() {
                    d.traceback_objects = None;
                }
                return;
            }
        }
        // One exception re-raised through a huge tree of awaiting tasks: keep memory bounded.
        if d.traceback.len() < 100_000 {
            d.traceback.push(entry)
        }
    });
}

/// A list, set or dict comprehension's code: Python 3.12 runs it inline in its function
/// (PEP 709), so its frame shows as the function's.
pub fn is_inlined_comprehension(code: &crate::types::code::Code) -> bool {
    matches!(&*code.name, "<listcomp>" | "<setcomp>" | "<dictcomp>")
}

pub fn traceback(exc: &Value) -> Vec<TracebackEntry> {
    with_data(exc, |d| d.traceback.iter().rev().cloned().collect()).unwrap_or_default()
}

pub fn set_context(exc: &Value, ctx: Option<Value>) {
    if let Some(c) = ctx {
        if !c.is(exc) {
            with_data(exc, |d| {
                if d.context.is_none() {
                    d.context = Some(c)
                }
            });
        }
    }
}

pub fn set_cause(exc: &Value, cause: Option<Value>, suppress: bool) {
    with_data(exc, |d| {
        d.cause = cause;
        d.suppress_context = suppress;
    });
}

pub fn exc_str(vm: &mut Vm, v: &Value) -> PyResult<Rc<str>> {
    let args = exc_args(v);
    if is_instance_of(v, &vm.types.exc("BaseExceptionGroup")) && args.len() == 2 {
        let n = crate::vm::tuple_items(&args[1]).len();
        let msg = vm.str_of(&args[0])?;
        return Ok(Rc::from(format!("{msg} ({n} sub-exception{})", if n == 1 { "" } else { "s" })));
    }
    let is_key_error = is_instance_of(v, &vm.types.exc("KeyError"));
    match args.len() {
        0 => Ok(Rc::from("")),
        1 if is_key_error => vm.repr(&args[0]),
        1 => vm.str_of(&args[0]),
        _ => vm.repr(&Value::tuple(args)),
    }
}

pub fn exc_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__traceback__" {
        return Ok(Some(crate::types::frame::traceback_of(v)));
    }
    // What the attributes below read (not the traceback, which may be long).
    let (cause, context, suppress_context, lookup) =
        with_data(v, |d| (d.cause.clone(), d.context.clone(), d.suppress_context, d.lookup.clone())).unwrap_or_default();
    Ok(match name {
        "__cause__" => Some(cause.unwrap_or(Value::None)),
        "__context__" => Some(context.unwrap_or(Value::None)),
        "__suppress_context__" => Some(Value::Bool(suppress_context)),
        "name" | "obj" if lookup.is_some() => match (name, lookup.as_deref()) {
            ("name", Some(FailedLookup::Attribute { name, .. } | FailedLookup::Name { name, .. })) => Some(Value::Str(name.clone())),
            ("obj", Some(FailedLookup::Attribute { obj, .. })) => Some(obj.clone()),
            _ => None,
        },
        "exceptions" if is_instance_of(v, &vm.types.exc("BaseExceptionGroup")) => {
            Some(Value::tuple(exc_args(v).get(1).map(crate::vm::tuple_items).unwrap_or_default()))
        }
        "message" if is_instance_of(v, &vm.types.exc("BaseExceptionGroup")) => Some(exc_args(v).first().cloned().unwrap_or(Value::None)),
        "value" if is_instance_of(v, &vm.types.exc("StopIteration")) => Some(exc_args(v).first().cloned().unwrap_or(Value::None)),
        // SystemExit(code): its one argument, its arguments when more, None when none.
        "code" if is_instance_of(v, &vm.types.exc("SystemExit")) => {
            let args = exc_args(v);
            Some(match args.len() {
                0 => Value::None,
                1 => args[0].clone(),
                _ => Value::tuple(args),
            })
        }
        _ => None,
    })
}

pub fn set_exc_attr(v: &Value, name: &str, value: &Value) -> bool {
    match name {
        "__cause__" => with_data(v, |d| {
            d.cause = if value.is_none() { None } else { Some(value.clone()) };
            d.suppress_context = true;
        })
        .is_some(),
        "__context__" => with_data(v, |d| d.context = if value.is_none() { None } else { Some(value.clone()) }).is_some(),
        _ => false,
    }
}

/// `Type: message` as the last line of a traceback.
pub fn format_exception_only(vm: &mut Vm, exc: &Value) -> String {
    let name = class_name(exc);
    let module_prefix = match exc {
        Value::Obj(o) => match &**o {
            Obj::Instance(i) => match &*i.class {
                Obj::Class(c) if &*c.module != "builtins" && &*c.module != "__main__" => format!("{}.", c.module),
                _ => String::new(),
            },
            _ => String::new(),
        },
        _ => String::new(),
    };
    let mut msg = vm.str_of(exc).map(|s| s.to_string()).unwrap_or_else(|_| "<exception str() failed>".into());
    if let Some(lookup) = with_data(exc, |d| d.lookup.clone()).flatten() {
        msg.push_str(&crate::report::suggestions::suggestion(vm, &lookup));
    }
    if msg.is_empty() {
        format!("{module_prefix}{name}")
    } else {
        format!("{module_prefix}{name}: {msg}")
    }
}

pub(crate) fn init(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let _ = vm;
    if let Value::Obj(o) = &args[0] {
        if let Obj::Instance(i) = &**o {
            i.dict.borrow_mut().insert(Rc::from("args"), Value::tuple(args[1..].to_vec()));
        }
    }
    Ok(Value::None)
}

/// `exc.with_traceback(tb)`: sets `__traceback__` and returns the exception.
pub(crate) fn with_traceback(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "with_traceback")?;
    if !crate::types::frame::set_traceback(&args[0], &args[1]) {
        return vm.type_error("__traceback__ must be a traceback or None");
    }
    Ok(args[0].clone())
}

pub(crate) fn add_note(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "add_note")?;
    if !matches!(args[1], Value::Str(_)) {
        let t = vm.type_name(&args[1]);
        return vm.type_error(format!("note must be a str, not '{t}'"));
    }
    match crate::types::exceptions::notes(&args[0]) {
        Some(Value::Obj(o)) if matches!(&*o, Obj::List(_)) => {
            if let Obj::List(l) = &*o {
                l.borrow_mut().push(args[1].clone());
            }
        }
        Some(_) => return vm.type_error("Cannot add note: __notes__ is not a list"),
        None => crate::types::exceptions::set_notes(&args[0], Value::list(vec![args[1].clone()])),
    }
    Ok(Value::None)
}

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    let base = types.exc("BaseException");
    set_method(&base, "__init__", init);
    set_method(&base, "with_traceback", with_traceback);
    set_method(&base, "add_note", add_note);
}
