//! `repr()` of builtin objects, with CPython's guard against recursion (`[...]`) and its
//! nesting limit; `ascii()` escaping.

use crate::types::native::NativeObj;
use crate::types::value::{GenKind, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub fn ascii_of(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else if (c as u32) < 0x100 {
                format!("\\x{:02x}", c as u32)
            } else if (c as u32) < 0x10000 {
                format!("\\u{:04x}", c as u32)
            } else {
                format!("\\U{:08x}", c as u32)
            }
        })
        .collect()
}

fn addr(o: &Rc<Obj>) -> String {
    format!("0x{:012x}", Rc::as_ptr(o) as *const u8 as usize)
}

thread_local! {
    static REPR_GUARD: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    /// Nesting of native recursion over containers (repr of tuples, ==, hash).
    pub static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Runs `f` one level deeper into a nested container, or fails with RecursionError.
pub fn nested<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    if DEPTH.with(|d| d.get()) > awaitlab_syntax::MAX_NESTING {
        return vm.err("RecursionError", "maximum recursion depth exceeded in comparison");
    }
    DEPTH.with(|d| d.set(d.get() + 1));
    let r = f(vm);
    DEPTH.with(|d| d.set(d.get() - 1));
    r
}

pub fn obj_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Value::Obj(o) = v else { unreachable!() };
    let ptr = Rc::as_ptr(o) as *const u8 as usize;
    let recursive = matches!(&**o, Obj::List(_) | Obj::Dict(_) | Obj::Deque(..));
    if recursive {
        if REPR_GUARD.with(|g| g.borrow().len()) > awaitlab_syntax::MAX_NESTING {
            return vm.err("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
        }
        if REPR_GUARD.with(|g| g.borrow().contains(&ptr)) {
            return Ok(match &**o {
                Obj::List(_) => "[...]".into(),
                Obj::Dict(_) => "{...}".into(),
                _ => "...".into(),
            });
        }
        REPR_GUARD.with(|g| g.borrow_mut().push(ptr));
    }
    let r = obj_repr_inner(vm, v, o);
    if recursive {
        REPR_GUARD.with(|g| g.borrow_mut().pop());
    }
    r
}

fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for it in items {
        parts.push(vm.repr(it)?.to_string());
    }
    Ok(parts.join(", "))
}

fn obj_repr_inner(vm: &mut Vm, v: &Value, o: &Rc<Obj>) -> PyResult<String> {
    Ok(match &**o {
        Obj::List(l) => {
            let items = l.borrow().clone();
            format!("[{}]", join_reprs(vm, &items)?)
        }
        Obj::Tuple(t) => {
            if DEPTH.with(|d| d.get()) > awaitlab_syntax::MAX_NESTING {
                return vm.err("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
            }
            DEPTH.with(|d| d.set(d.get() + 1));
            let r =
                if t.len() == 1 { vm.repr(&t[0]).map(|r| format!("({r},)")) } else { join_reprs(vm, &t.clone()).map(|j| format!("({j})")) };
            DEPTH.with(|d| d.set(d.get() - 1));
            return r;
        }
        Obj::Dict(d) => {
            let items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.value.clone(), v.clone())).collect();
            let mut parts = vec![];
            for (k, v) in items {
                parts.push(format!("{}: {}", vm.repr(&k)?, vm.repr(&v)?));
            }
            format!("{{{}}}", parts.join(", "))
        }
        Obj::Set(s) => {
            let items: Vec<Value> = s.borrow().iter().map(|k| k.value.clone()).collect();
            if items.is_empty() {
                "set()".into()
            } else {
                format!("{{{}}}", join_reprs(vm, &items)?)
            }
        }
        Obj::FrozenSet(s) => {
            let items: Vec<Value> = s.iter().map(|k| k.value.clone()).collect();
            if items.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", join_reprs(vm, &items)?)
            }
        }
        Obj::Bytes(b) => awaitlab_syntax::literal::bytes_repr(b),
        Obj::ByteArray(b) => format!("bytearray({})", awaitlab_syntax::literal::bytes_repr(&b.data.borrow())),
        Obj::Native(NativeObj::MemoryView(m)) => crate::types::memoryview::repr(m, addr(o)),
        Obj::Range { start, stop, step } => {
            if *step == 1 {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }
        }
        Obj::Slice(a, b, c) => format!("slice({}, {}, {})", vm.repr(a)?, vm.repr(b)?, vm.repr(c)?),
        Obj::Function(f) => format!("<function {} at {}>", f.current_qualname(), addr(o)),
        Obj::Builtin(b) => match &b.bound {
            Some(r) if !matches!(r, Value::Obj(m) if matches!(&**m, Obj::Module{..})) => {
                let t = vm.type_name(r);
                format!("<built-in method {} of {} object at {}>", b.name, t, addr(o))
            }
            _ => format!("<built-in function {}>", b.name),
        },
        Obj::BoundMethod { receiver, func } => {
            let fname = match func {
                Value::Obj(f) => match &**f {
                    Obj::Function(f) => f.qualname.to_string(),
                    Obj::Builtin(b) => b.name.to_string(),
                    _ => "?".into(),
                },
                _ => "?".into(),
            };
            format!("<bound method {} of {}>", fname, vm.repr(receiver)?)
        }
        Obj::Class(c) => {
            if let Some(m) = vm.meta_method(v, "__repr__") {
                return call_repr(vm, m, v);
            }
            if &*c.module == "builtins" {
                format!("<class '{}'>", c.name)
            } else {
                format!("<class '{}.{}'>", c.shown_module(), c.shown_qualname())
            }
        }
        Obj::Instance(inst) => {
            if let Some(m) = vm.lookup_method(v, "__repr__")? {
                return call_repr(vm, m, v);
            }
            if crate::types::exceptions::is_exception(v) {
                let args = crate::types::exceptions::exc_args(v);
                let name = crate::types::exceptions::class_name(v);
                return Ok(if args.len() == 1 {
                    format!("{name}({})", vm.repr(&args[0])?)
                } else {
                    format!("{name}({})", join_reprs(vm, &args)?)
                });
            }
            let (module, qual) = match &*inst.class {
                Obj::Class(c) => (c.module.clone(), c.qualname.clone()),
                _ => (Rc::from("?"), Rc::from("?")),
            };
            format!("<{module}.{qual} object at {}>", addr(o))
        }
        Obj::Module { name, .. } => format!("<module '{name}' (built-in)>"),
        Obj::Gen(g) => {
            let kind = match g.kind {
                GenKind::Generator => "generator",
                GenKind::Coroutine => "coroutine",
                GenKind::AsyncGenerator => "async_generator",
            };
            format!("<{kind} object {} at {}>", g.qualname, addr(o))
        }
        Obj::Iter(_) => format!("<iterator object at {}>", addr(o)),
        Obj::Cell(_) => format!("<cell at {}>", addr(o)),
        Obj::Property { .. } => format!("<property object at {}>", addr(o)),
        Obj::StaticMethod(_) => format!("<staticmethod object at {}>", addr(o)),
        Obj::ClassMethod(_) => format!("<classmethod object at {}>", addr(o)),
        Obj::Super { .. } => "<super object>".into(),
        Obj::Deque(d, maxlen) => {
            let items: Vec<Value> = d.borrow().iter().cloned().collect();
            match maxlen {
                Some(m) => format!("deque([{}], maxlen={m})", join_reprs(vm, &items)?),
                None => format!("deque([{}])", join_reprs(vm, &items)?),
            }
        }
        Obj::Native(n) => match n {
            NativeObj::Ellipsis => "Ellipsis".into(),
            NativeObj::Sentinel(s) => s.to_string(),
            NativeObj::Future(_) => crate::event_loop::repr::future_repr(vm, o)?,
            NativeObj::Handle(h) => crate::event_loop::repr::handle_repr(vm, h)?,
            NativeObj::Loop => {
                let running = vm.event_loop.running;
                let closed = vm.event_loop.closed;
                format!(
                    "<_UnixSelectorEventLoop running={} closed={} debug=False>",
                    if running { "True" } else { "False" },
                    if closed { "True" } else { "False" }
                )
            }
            NativeObj::DictView(kind, d) => {
                let dv = Value::Obj(d.clone());
                let items = match kind {
                    0 => crate::types::dict::keys_of(&dv),
                    1 => crate::types::dict::values_of(&dv),
                    _ => crate::types::dict::items_of(&dv),
                };
                let name = ["dict_keys", "dict_values", "dict_items"][*kind as usize];
                format!("{name}([{}])", join_reprs(vm, &items)?)
            }
            NativeObj::Code(code) => {
                format!("<code object {} at {}, file \"{}\", line {}>", code.name, addr(o), code.filename, code.first_line)
            }
            NativeObj::Frame(data) => crate::types::frame::frame_repr(data, &addr(o)),
            NativeObj::Traceback(_) => format!("<traceback object at {}>", addr(o)),
            _ => format!("<object at {}>", addr(o)),
        },
    })
}

/// A Python `__repr__` called on `v`: its str, or CPython's TypeError for anything else.
fn call_repr(vm: &mut Vm, method: Value, v: &Value) -> PyResult<String> {
    match vm.call(method, vec![v.clone()], vec![])? {
        Value::Str(s) => Ok(s.to_string()),
        r => {
            let t = vm.type_name(&r);
            vm.type_error(format!("__repr__ returned non-string (type {t})"))
        }
    }
}
