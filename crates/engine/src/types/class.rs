//! Classes: the registry of builtin types (`Types`), class creation (`new_class`, the MRO,
//! `build_class` for `class` statements) and instantiation. `property.setter` lives here too,
//! with the descriptors it configures.

use crate::types::args::{arity, Args, Kwargs};
use crate::types::native::NativeObj;
use crate::types::value::{Builtin, BuiltinType, Class, Instance, Namespace, NativeFn, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub struct Types {
    pub object: Rc<Obj>,
    pub type_: Rc<Obj>,
    pub none_type: Rc<Obj>,
    pub bool: Rc<Obj>,
    pub int: Rc<Obj>,
    pub float: Rc<Obj>,
    pub str: Rc<Obj>,
    pub bytes: Rc<Obj>,
    pub bytearray: Rc<Obj>,
    pub memoryview: Rc<Obj>,
    pub list: Rc<Obj>,
    pub tuple: Rc<Obj>,
    pub dict: Rc<Obj>,
    pub set: Rc<Obj>,
    pub frozenset: Rc<Obj>,
    pub range: Rc<Obj>,
    pub slice: Rc<Obj>,
    pub function: Rc<Obj>,
    pub builtin_function: Rc<Obj>,
    pub method: Rc<Obj>,
    pub module: Rc<Obj>,
    pub coroutine: Rc<Obj>,
    pub generator: Rc<Obj>,
    pub async_generator: Rc<Obj>,
    pub iterator: Rc<Obj>,
    pub property: Rc<Obj>,
    pub staticmethod: Rc<Obj>,
    pub classmethod: Rc<Obj>,
    pub super_: Rc<Obj>,
    pub deque: Rc<Obj>,
    pub future: Rc<Obj>,
    pub task: Rc<Obj>,
    pub handle: Rc<Obj>,
    pub timer_handle: Rc<Obj>,
    pub event_loop_class: Rc<Obj>,
    pub ellipsis: Rc<Obj>,
    pub not_implemented_type: Rc<Obj>,
    pub code: Rc<Obj>,
    pub frame: Rc<Obj>,
    pub traceback: Rc<Obj>,
    pub exceptions: HashMap<&'static str, Rc<Obj>>,
    pub not_implemented: Value,
    /// `object.__new__` as object's dict holds it (a static method), to tell it apart.
    pub object_new: Option<Rc<Obj>>,
}

impl Types {
    /// Every type object of the run (to break their reference cycles when it ends).
    pub fn all(&self) -> Vec<Rc<Obj>> {
        let mut v = vec![
            self.object.clone(),
            self.type_.clone(),
            self.none_type.clone(),
            self.bool.clone(),
            self.int.clone(),
            self.float.clone(),
            self.str.clone(),
            self.bytes.clone(),
            self.bytearray.clone(),
            self.memoryview.clone(),
            self.list.clone(),
            self.tuple.clone(),
            self.dict.clone(),
            self.set.clone(),
            self.frozenset.clone(),
            self.range.clone(),
            self.slice.clone(),
            self.function.clone(),
            self.builtin_function.clone(),
            self.method.clone(),
            self.module.clone(),
            self.coroutine.clone(),
            self.generator.clone(),
            self.async_generator.clone(),
            self.iterator.clone(),
            self.property.clone(),
            self.staticmethod.clone(),
            self.classmethod.clone(),
            self.super_.clone(),
            self.deque.clone(),
            self.future.clone(),
            self.task.clone(),
            self.handle.clone(),
            self.timer_handle.clone(),
            self.event_loop_class.clone(),
            self.ellipsis.clone(),
            self.not_implemented_type.clone(),
            self.code.clone(),
            self.frame.clone(),
            self.traceback.clone(),
        ];
        v.extend(self.exceptions.values().cloned());
        v
    }

    pub fn exc(&self, name: &str) -> Rc<Obj> {
        self.exceptions.get(name).cloned().unwrap_or_else(|| self.exceptions["Exception"].clone())
    }
}

pub fn new_class(name: &str, bases: Vec<Rc<Obj>>, builtin: Option<BuiltinType>, module: &str) -> Rc<Obj> {
    // A new class may sit where a freed one was (a class of an earlier run, too): inline
    // caches are keyed by address and epoch, so a new epoch keeps their entries from matching.
    crate::types::code::bump_class_epoch();
    let class = Rc::new(Obj::Class(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        bases: bases.clone(),
        mro: RefCell::new(vec![]),
        dict: RefCell::new(Namespace::default()),
        builtin,
        module: Rc::from(module),
        has_properties: std::cell::Cell::new(false),
        meta: None,
    }));
    let mro = compute_mro(&class, &bases).unwrap_or_default();
    if let Obj::Class(c) = &*class {
        *c.mro.borrow_mut() = mro;
    }
    class
}

/// C3 linearization.
pub fn compute_mro(class: &Rc<Obj>, bases: &[Rc<Obj>]) -> Result<Vec<Rc<Obj>>, String> {
    let mut seqs: Vec<Vec<Rc<Obj>>> = bases
        .iter()
        .map(|b| match &**b {
            Obj::Class(c) => c.mro.borrow().clone(),
            _ => vec![],
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![class.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs.iter().map(|s| s[0].clone()).find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| Rc::ptr_eq(x, c))));
        let Some(c) = candidate else {
            return Err("Cannot create a consistent method resolution order (MRO)".into());
        };
        for s in &mut seqs {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

pub fn is_subclass(class: &Rc<Obj>, base: &Rc<Obj>) -> bool {
    if Rc::ptr_eq(class, base) {
        return true;
    }
    match &**class {
        Obj::Class(c) => c.mro.borrow().iter().any(|m| Rc::ptr_eq(m, base)),
        _ => false,
    }
}

pub fn builtin(name: &'static str, func: NativeFn) -> Value {
    Value::obj(Obj::Builtin(Builtin { name, func, bound: None, leaf: false }))
}

/// A native that runs no Python code and reads no frames (see `Builtin::leaf`): for the hot
/// ones only, whose calls then skip parking the caller's frames.
pub fn leaf_builtin(name: &'static str, func: NativeFn) -> Value {
    Value::obj(Obj::Builtin(Builtin { name, func, bound: None, leaf: true }))
}

pub fn set_method(class: &Rc<Obj>, name: &'static str, func: NativeFn) {
    if let Obj::Class(c) = &**class {
        c.dict.borrow_mut().insert(Rc::from(name), builtin(name, func));
    }
}

/// `set_method` for a method that runs no Python code and reads no frames (`leaf_builtin`).
pub fn set_leaf_method(class: &Rc<Obj>, name: &'static str, func: NativeFn) {
    if let Obj::Class(c) = &**class {
        c.dict.borrow_mut().insert(Rc::from(name), leaf_builtin(name, func));
    }
}

pub fn make_types() -> Types {
    let object = new_class("object", vec![], Some(BuiltinType::Object), "builtins");
    let o = || vec![object.clone()];
    let mk = |name: &str, bt: BuiltinType| new_class(name, vec![object.clone()], Some(bt), "builtins");
    let int = mk("int", BuiltinType::Int);
    let bool_ = new_class("bool", vec![int.clone()], Some(BuiltinType::Bool), "builtins");
    let mut exceptions: HashMap<&'static str, Rc<Obj>> = HashMap::new();
    for (name, parent) in crate::types::exceptions::HIERARCHY {
        let mut bases = vec![if *parent == "object" { object.clone() } else { exceptions[parent].clone() }];
        if *name == "ExceptionGroup" {
            // class ExceptionGroup(BaseExceptionGroup, Exception)
            bases.push(exceptions["Exception"].clone());
        }
        let module = match *name {
            "CancelledError" | "InvalidStateError" | "LimitOverrunError" | "IncompleteReadError" => "asyncio.exceptions",
            "QueueEmpty" | "QueueFull" => "asyncio.queues",
            "JSONDecodeError" => "json.decoder",
            _ => "builtins",
        };
        let c = new_class(name, bases, Some(BuiltinType::BaseException), module);
        exceptions.insert(*name, c);
    }
    let _ = o;
    Types {
        type_: mk("type", BuiltinType::Type),
        none_type: mk("NoneType", BuiltinType::NoneType),
        bool: bool_,
        float: mk("float", BuiltinType::Float),
        str: mk("str", BuiltinType::Str),
        bytes: mk("bytes", BuiltinType::Bytes),
        bytearray: mk("bytearray", BuiltinType::ByteArray),
        memoryview: mk("memoryview", BuiltinType::MemoryView),
        list: mk("list", BuiltinType::List),
        tuple: mk("tuple", BuiltinType::Tuple),
        dict: mk("dict", BuiltinType::Dict),
        set: mk("set", BuiltinType::Set),
        frozenset: mk("frozenset", BuiltinType::FrozenSet),
        range: mk("range", BuiltinType::Range),
        slice: mk("slice", BuiltinType::Slice),
        function: mk("function", BuiltinType::Function),
        builtin_function: mk("builtin_function_or_method", BuiltinType::BuiltinFunction),
        method: mk("method", BuiltinType::Method),
        module: mk("module", BuiltinType::Module),
        coroutine: mk("coroutine", BuiltinType::Coroutine),
        generator: mk("generator", BuiltinType::Generator),
        async_generator: mk("async_generator", BuiltinType::AsyncGenerator),
        iterator: mk("iterator", BuiltinType::Iterator),
        property: mk("property", BuiltinType::Property),
        staticmethod: mk("staticmethod", BuiltinType::StaticMethod),
        classmethod: mk("classmethod", BuiltinType::ClassMethod),
        super_: mk("super", BuiltinType::Super),
        deque: new_class("deque", vec![object.clone()], Some(BuiltinType::Deque), "collections"),
        future: new_class("Future", vec![object.clone()], Some(BuiltinType::Future), "asyncio"),
        task: new_class("Task", vec![object.clone()], Some(BuiltinType::Task), "asyncio"),
        handle: new_class("Handle", vec![object.clone()], Some(BuiltinType::Handle), "asyncio"),
        timer_handle: new_class("TimerHandle", vec![object.clone()], Some(BuiltinType::Handle), "asyncio"),
        event_loop_class: new_class("_UnixSelectorEventLoop", vec![object.clone()], Some(BuiltinType::Loop), "asyncio"),
        ellipsis: mk("ellipsis", BuiltinType::Native),
        not_implemented_type: mk("NotImplementedType", BuiltinType::Native),
        code: mk("code", BuiltinType::Native),
        frame: mk("frame", BuiltinType::Native),
        traceback: mk("traceback", BuiltinType::Native),
        not_implemented: Value::obj(Obj::Native(NativeObj::Sentinel("NotImplemented"))),
        object_new: None,
        int,
        object,
        exceptions,
    }
}

/// PEP 560: a base that is no class gives the bases its `__mro_entries__` returns
/// (`class L(list[int])` has base `list`); the original bases then go to `__orig_bases__`.
fn resolve_bases(vm: &mut Vm, bases: Vec<Value>) -> PyResult<(Vec<Value>, Option<Value>)> {
    let is_class = |b: &Value| matches!(b, Value::Obj(o) if matches!(&**o, Obj::Class(_)));
    if bases.iter().all(is_class) {
        return Ok((bases, None));
    }
    let orig = Value::tuple(bases.clone());
    let mut resolved = vec![];
    for b in bases {
        if is_class(&b) || vm.lookup_method(&b, "__mro_entries__")?.is_none() {
            resolved.push(b);
            continue;
        }
        let entries = vm.get_attr(&b, "__mro_entries__")?;
        let entries = vm.call(entries, vec![orig.clone()], vec![])?;
        match &entries {
            Value::Obj(t) if matches!(&**t, Obj::Tuple(_)) => resolved.extend(crate::vm::tuple_items(&entries)),
            _ => return vm.type_error("__mro_entries__ must return a tuple"),
        }
    }
    Ok((resolved, Some(orig)))
}

/// A `class` statement: finds the metaclass (`metaclass=` or the most derived of the bases'),
/// runs the body (into the dict `__prepare__` returns, when that is a dict) and makes the class:
/// natively for `type`, else by calling the metaclass with (name, bases, namespace, **kwargs).
pub fn build_class(vm: &mut Vm, body: Value, name: Rc<str>, bases: Vec<Value>, keywords: Option<Value>) -> PyResult {
    let mut kwargs: Kwargs = vec![];
    if let Some(Value::Obj(d)) = &keywords {
        if let Obj::Dict(map) = &**d {
            kwargs = map
                .borrow()
                .iter()
                .filter_map(|(k, v)| if let Value::Str(k) = &k.value { Some((k.clone(), v.clone())) } else { None })
                .collect();
        }
    }
    let (bases, orig_bases) = resolve_bases(vm, bases)?;
    let mut base_classes = vec![];
    for b in &bases {
        match b {
            Value::Obj(o) if matches!(&**o, Obj::Class(_)) => base_classes.push(o.clone()),
            _ => {
                let t = vm.type_name(b);
                return vm.type_error(format!("bases must be types, not {t}"));
            }
        }
    }
    let explicit_meta = kwargs.iter().position(|(k, _)| &**k == "metaclass").map(|i| kwargs.remove(i).1);
    let meta = match explicit_meta {
        Some(Value::Obj(m)) if matches!(&*m, Obj::Class(_)) => most_derived_meta(vm, m, &base_classes)?,
        Some(other) => {
            // A callable that is not a class is called as it is (CPython's rule too).
            let Value::Obj(bo) = &body else { unreachable!() };
            let Obj::Function(func) = &**bo else { unreachable!() };
            let ns = Rc::new(RefCell::new(Namespace::default()));
            let mut frame = vm.make_frame(func, vec![], crate::vm::Mode::Top);
            frame.ns = Some(ns.clone());
            vm.run_nested(crate::vm::Thread { frames: vec![frame], pending_throw: None })?;
            let d = namespace_dict(vm, &ns.borrow())?;
            return vm.call(other, vec![Value::Str(name), Value::tuple(bases), d], kwargs);
        }
        None => {
            let start = vm.types.type_.clone();
            most_derived_meta(vm, start, &base_classes)?
        }
    };
    let is_type = Rc::ptr_eq(&meta, &vm.types.type_);
    let Value::Obj(bo) = &body else { unreachable!() };
    let Obj::Function(func) = &**bo else { unreachable!() };
    let ns = Rc::new(RefCell::new(Namespace::default()));
    // __prepare__: a dict it returns seeds the namespace; another mapping sees every name the
    // body stores, in order, through its __setitem__ (and what it then holds is what the body
    // reads back), and is what the metaclass is handed.
    let mut prepared = None;
    if !is_type {
        if let Some(prepare) = vm.class_lookup(&meta, "__prepare__") {
            if matches!(&prepare, Value::Obj(p) if matches!(&**p, Obj::ClassMethod(_) | Obj::Function(_) | Obj::StaticMethod(_))) {
                let prepare = vm.get_attr(&Value::Obj(meta.clone()), "__prepare__")?;
                let seeded = vm.call(prepare, vec![Value::Str(name.clone()), Value::tuple(bases.clone())], kwargs.clone())?;
                match &seeded {
                    Value::Obj(d) if matches!(&**d, Obj::Dict(_)) => {
                        let Obj::Dict(map) = &**d else { unreachable!() };
                        for (k, v) in map.borrow().iter() {
                            if let Value::Str(k) = &k.value {
                                ns.borrow_mut().insert(k.clone(), v.clone());
                            }
                        }
                    }
                    Value::Obj(m) if matches!(&**m, Obj::Instance(_)) && vm.lookup_method(&seeded, "__setitem__")?.is_some() => {
                        if vm.lookup_method(&seeded, "keys")?.is_some() {
                            let keys = vm.get_attr(&seeded, "keys")?;
                            let keys = vm.call(keys, vec![], vec![])?;
                            for k in vm.collect_iter(&keys)? {
                                if let Value::Str(s) = &k {
                                    let v = vm.get_item(&seeded, &k)?;
                                    ns.borrow_mut().insert(s.clone(), v);
                                }
                            }
                        }
                        prepared = Some(seeded.clone());
                    }
                    _ => {}
                }
            }
        }
    }
    let mut frame = vm.make_frame(func, vec![], crate::vm::Mode::Top);
    frame.ns = Some(ns.clone());
    let class_cell = func.code.cellvars.iter().position(|c| &**c == "__class__").map(|i| frame.cells[i].clone());
    if let Some(mapping) = &prepared {
        PREPARED.with(|p| p.borrow_mut().push((ns.clone(), mapping.clone())));
    }
    let ran = vm.run_nested(crate::vm::Thread { frames: vec![frame], pending_throw: None });
    if prepared.is_some() {
        PREPARED.with(|p| p.borrow_mut().retain(|(n, _)| !Rc::ptr_eq(n, &ns)));
    }
    ran?;
    if let Some(orig) = orig_bases {
        ns.borrow_mut().insert(Rc::from("__orig_bases__"), orig);
    }
    let class = if is_type {
        let ns = ns.borrow().clone();
        Value::Obj(new_user_class(vm, None, name, base_classes, ns, kwargs)?)
    } else {
        let d = match prepared {
            Some(mapping) => mapping,
            None => namespace_dict(vm, &ns.borrow())?,
        };
        vm.call(Value::Obj(meta), vec![Value::Str(name), Value::tuple(bases), d], kwargs)?
    };
    if let Some(cell) = class_cell {
        *cell.borrow_mut() = Some(class.clone());
    }
    Ok(class)
}

thread_local! {
    /// Class bodies running into a namespace that a metaclass's `__prepare__` mapping watches.
    static PREPARED: RefCell<Vec<(Rc<RefCell<Namespace>>, Value)>> = const { RefCell::new(Vec::new()) };
}

/// `name = v` in a class body: the value to keep, after the body's `__prepare__` mapping (if
/// any) has had it through `__setitem__`.
pub fn store_in_class_body(vm: &mut Vm, ns: &Rc<RefCell<Namespace>>, name: &Rc<str>, v: Value) -> PyResult {
    let mapping = PREPARED.with(|p| p.borrow().iter().rev().find(|(n, _)| Rc::ptr_eq(n, ns)).map(|(_, m)| m.clone()));
    let Some(mapping) = mapping else { return Ok(v) };
    let key = Value::Str(name.clone());
    vm.set_item(&mapping, key.clone(), v)?;
    vm.get_item(&mapping, &key)
}

/// Whether any class body is running under a `__prepare__` mapping (cheap to ask).
pub fn class_bodies_prepared() -> bool {
    PREPARED.with(|p| !p.borrow().is_empty())
}

/// The metaclass that wins: `meta`, or a base's metaclass that is a subclass of it, as CPython's
/// `_PyType_CalculateMetaclass`.
fn most_derived_meta(vm: &mut Vm, meta: Rc<Obj>, bases: &[Rc<Obj>]) -> PyResult<Rc<Obj>> {
    let mut winner = meta;
    for b in bases {
        let bm = vm.type_of(&Value::Obj(b.clone()));
        if is_subclass(&winner, &bm) {
            continue;
        }
        if is_subclass(&bm, &winner) {
            winner = bm;
            continue;
        }
        return vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        );
    }
    Ok(winner)
}

/// A class namespace as a dict (what a metaclass is handed).
fn namespace_dict(vm: &mut Vm, ns: &Namespace) -> PyResult {
    let mut map = crate::types::value::DictMap::default();
    for (k, v) in ns.iter() {
        let key = vm.key(Value::Str(k.clone()))?;
        map.insert(key, v.clone());
    }
    Ok(Value::dict(map))
}

/// `type.__new__(mcls, name, bases, namespace, **kwargs)`: a class whose metaclass is `mcls`
/// (or the most derived of its bases' metaclasses).
pub(crate) fn type_new(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    if args.len() != 4 {
        return vm.type_error("type.__new__() takes exactly 3 arguments");
    }
    let Value::Obj(mcls) = &args[0] else { return vm.type_error("type.__new__(X): X is not a type object") };
    if !matches!(&**mcls, Obj::Class(_)) {
        return vm.type_error("type.__new__(X): X is not a type object");
    }
    let Value::Str(name) = &args[1] else {
        let t = vm.type_name(&args[1]);
        return vm.type_error(format!("type.__new__() argument 1 must be str, not {t}"));
    };
    let bases = match &args[2] {
        Value::Obj(t) if matches!(&**t, Obj::Tuple(_)) => crate::vm::tuple_items(&args[2]),
        other => {
            let t = vm.type_name(other);
            return vm.type_error(format!("type.__new__() argument 2 must be tuple, not {t}"));
        }
    };
    let mut base_classes = vec![];
    for b in &bases {
        match b {
            Value::Obj(o) if matches!(&**o, Obj::Class(_)) => base_classes.push(o.clone()),
            _ => {
                let t = vm.type_name(b);
                return vm.type_error(format!("bases must be types, not {t}"));
            }
        }
    }
    let mut ns = Namespace::default();
    match &args[3] {
        Value::Obj(d) if matches!(&**d, Obj::Dict(_)) => {
            let Obj::Dict(map) = &**d else { unreachable!() };
            for (k, v) in map.borrow().iter() {
                match &k.value {
                    Value::Str(k) => {
                        ns.insert(k.clone(), v.clone());
                    }
                    _ => return vm.type_error("type.__new__(): namespace keys must be strings"),
                }
            }
        }
        other => {
            let t = vm.type_name(other);
            return vm.type_error(format!("type.__new__() argument 3 must be dict, not {t}"));
        }
    }
    let meta = most_derived_meta(vm, mcls.clone(), &base_classes)?;
    let meta = if Rc::ptr_eq(&meta, &vm.types.type_) { None } else { Some(meta) };
    Ok(Value::Obj(new_user_class(vm, meta, name.clone(), base_classes, ns, kwargs)?))
}

/// A class defined in Python: its MRO, then `__set_name__` on its attributes and the parent's
/// `__init_subclass__(**kwargs)`, as CPython's `type_new`.
pub fn new_user_class(
    vm: &mut Vm,
    meta: Option<Rc<Obj>>,
    name: Rc<str>,
    mut base_classes: Vec<Rc<Obj>>,
    mut ns: Namespace,
    kwargs: Kwargs,
) -> PyResult<Rc<Obj>> {
    for b in &base_classes {
        if let Obj::Class(c) = &**b {
            if let Some(bt) = c.builtin {
                if !matches!(bt, BuiltinType::Object | BuiltinType::BaseException | BuiltinType::Type) {
                    return vm
                        .err("NotImplementedError", format!("subclassing the builtin type '{}' is not supported in Awaitlab", c.name));
                }
            }
        }
    }
    if base_classes.is_empty() {
        base_classes.push(vm.types.object.clone());
    }
    let qualname = match ns.get("__qualname__") {
        Some(Value::Str(q)) => q.clone(),
        _ => name.clone(),
    };
    let module = match ns.get("__module__") {
        Some(Value::Str(m)) => m.clone(),
        _ => Rc::from("__main__"),
    };
    // As CPython: __init_subclass__ and __class_getitem__ are class methods without saying so,
    // __new__ a static method.
    for implicit in ["__init_subclass__", "__class_getitem__", "__new__"] {
        if let Some(v @ Value::Obj(f)) = ns.get(implicit) {
            if matches!(&**f, Obj::Function(_)) {
                let wrapped = if implicit == "__new__" { Obj::StaticMethod(v.clone()) } else { Obj::ClassMethod(v.clone()) };
                ns.insert(Rc::from(implicit), Value::obj(wrapped));
            }
        }
    }
    // A new class may sit where a freed one was (a class of an earlier run, too): inline
    // caches are keyed by address and epoch, so a new epoch keeps their entries from matching.
    crate::types::code::bump_class_epoch();
    let class = Rc::new(Obj::Class(Class {
        name: name.clone(),
        qualname,
        bases: base_classes.clone(),
        mro: RefCell::new(vec![]),
        dict: RefCell::new(ns),
        builtin: None,
        module,
        has_properties: std::cell::Cell::new(false),
        meta,
    }));
    let mro = match compute_mro(&class, &base_classes) {
        Ok(m) => m,
        Err(e) => return vm.type_error(e),
    };
    if let Obj::Class(c) = &*class {
        let has_properties = mro.iter().any(|m| match &**m {
            Obj::Class(mc) => mc.dict.borrow().values().any(|v| matches!(v, Value::Obj(o) if matches!(&**o, Obj::Property { .. }))),
            _ => false,
        });
        c.has_properties.set(has_properties);
        *c.mro.borrow_mut() = mro;
        // Freed classes are dropped from the list when it would grow (a program making
        // classes in a loop keeps it at about twice the live ones).
        if vm.classes_made.len() == vm.classes_made.capacity() {
            vm.classes_made.retain(|c| c.strong_count() > 0);
        }
        vm.classes_made.push(Rc::downgrade(&class));
    }
    let class_value = Value::Obj(class.clone());
    // __set_name__ on each attribute whose type defines it.
    let attrs: Vec<(Rc<str>, Value)> = match &*class {
        Obj::Class(c) => c.dict.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => vec![],
    };
    for (attr, value) in attrs {
        if let Value::Obj(o) = &value {
            if let Obj::Instance(i) = &**o {
                if let Some(set_name) = vm.class_lookup(&i.class, "__set_name__") {
                    vm.call(set_name, vec![value.clone(), class_value.clone(), Value::Str(attr)], vec![])?;
                }
            }
        }
    }
    // super(class, class).__init_subclass__(**kwargs)
    let sup = Value::obj(Obj::Super { class: class.clone(), receiver: class_value.clone() });
    let init_subclass = vm.get_attr(&sup, "__init_subclass__")?;
    vm.call(init_subclass, vec![], kwargs)?;
    Ok(class)
}

/// `object.__init_subclass__()`: takes no keyword arguments.
pub(crate) fn object_init_subclass(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    if !kwargs.is_empty() || args.len() > 1 {
        let name = match args.first() {
            Some(Value::Obj(c)) => match &**c {
                Obj::Class(c) => c.qualname.to_string(),
                _ => "object".into(),
            },
            _ => "object".into(),
        };
        return vm.type_error(format!("{name}.__init_subclass__() takes no keyword arguments"));
    }
    Ok(Value::None)
}

/// The TypeError of instantiating a class with abstract methods, as CPython 3.12's `object_new`.
fn check_not_abstract(vm: &mut Vm, class: &Rc<Obj>) -> PyResult<()> {
    let Obj::Class(c) = &**class else { return Ok(()) };
    let abstract_methods = c.dict.borrow().get("__abstractmethods__").cloned();
    let Some(methods) = abstract_methods else { return Ok(()) };
    if !vm.truthy(&methods)? {
        return Ok(());
    }
    let mut names = vec![];
    for m in vm.collect_iter(&methods)? {
        names.push(vm.str_of(&m)?.to_string());
    }
    names.sort();
    let s = if names.len() > 1 { "s" } else { "" };
    let joined = names.join("', '");
    vm.type_error(format!("Can't instantiate abstract class {} without an implementation for abstract method{s} '{joined}'", c.name))
}

/// `object.__new__(cls, *args)`: a bare instance of `cls`.
pub(crate) fn object_new(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let Some(Value::Obj(class)) = args.first() else { return vm.type_error("object.__new__(): not enough arguments") };
    let Obj::Class(c) = &**class else {
        let t = vm.type_name(&args[0]);
        return vm.type_error(format!("object.__new__(X): X is not a type object ({t})"));
    };
    if let Some(bt) = c.builtin {
        if bt != BuiltinType::Object && bt != BuiltinType::BaseException {
            return vm.type_error(format!("object.__new__({}) is not safe, use {}.__new__()", c.name, c.name));
        }
    }
    if args.len() > 1 || !kwargs.is_empty() {
        // As CPython: extra arguments are an error only when the class overrides neither
        // __new__ nor __init__ ... or overrides __new__ but not __init__.
        let overrides = |vm: &Vm, name: &str| match (vm.class_lookup(class, name), vm.class_lookup(&vm.types.object, name)) {
            (Some(Value::Obj(a)), Some(Value::Obj(b))) => !Rc::ptr_eq(&a, &b),
            _ => false,
        };
        if overrides(vm, "__new__") || !overrides(vm, "__init__") {
            return vm.type_error(format!("{}() takes no arguments", c.name));
        }
    }
    check_not_abstract(vm, class)?;
    let is_exc = is_exception_class(vm, class);
    Ok(bare_instance(class, is_exc, &args[1..]))
}

/// A new instance of `class` with an empty `__dict__`; an exception's keeps its state and `args`.
fn bare_instance(class: &Rc<Obj>, is_exc: bool, args: &[Value]) -> Value {
    let inst = Instance {
        class: class.clone(),
        dict: RefCell::new(Namespace::default()),
        exc: RefCell::new(if is_exc { Some(Box::default()) } else { None }),
    };
    if is_exc {
        inst.dict.borrow_mut().insert(Rc::from("args"), Value::tuple(args.to_vec()));
    }
    Value::obj(Obj::Instance(inst))
}

/// `type.__call__(cls, *args, **kwargs)`: what calling a class does.
pub(crate) fn type_call(vm: &mut Vm, mut args: Args, kwargs: Kwargs) -> PyResult {
    if args.is_empty() {
        return vm.type_error("descriptor '__call__' of 'type' object needs an argument");
    }
    let cls = args.remove(0);
    match &cls {
        Value::Obj(o) if matches!(&**o, Obj::Class(_)) => instantiate(vm, o.clone(), args, kwargs),
        _ => {
            let t = vm.type_name(&cls);
            vm.type_error(format!("descriptor '__call__' requires a 'type' object but received a '{t}'"))
        }
    }
}

/// `type.__init__`: nothing to do (the class is made by `type.__new__`).
pub(crate) fn type_init(_: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::None)
}

/// `type.__setattr__(cls, name, value)`: sets a class attribute.
pub(crate) fn type_setattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 3, 3, "__setattr__")?;
    let name = crate::types::args::as_str(vm, &args[1])?;
    set_class_attr(vm, &args[0], &name, args[2].clone());
    Ok(Value::None)
}

/// `type.__delattr__(cls, name)`.
pub(crate) fn type_delattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "__delattr__")?;
    let name = crate::types::args::as_str(vm, &args[1])?;
    if let Value::Obj(o) = &args[0] {
        if let Obj::Class(c) = &**o {
            crate::types::code::bump_class_epoch();
            if c.dict.borrow_mut().shift_remove(&*name).is_some() {
                return Ok(Value::None);
            }
            return vm.err("AttributeError", format!("type object '{}' has no attribute '{name}'", c.name));
        }
    }
    Ok(Value::None)
}

/// Sets a class attribute (the classes' own `setattr`).
pub fn set_class_attr(_vm: &mut Vm, class: &Value, name: &str, v: Value) {
    if let Value::Obj(o) = class {
        if let Obj::Class(c) = &**o {
            crate::types::code::bump_class_epoch();
            if matches!(&v, Value::Obj(p) if matches!(&**p, Obj::Property { .. })) {
                // Subclasses created earlier keep their flag: properties added after the
                // fact are rare enough to accept this.
                c.has_properties.set(true);
            }
            c.dict.borrow_mut().insert(Rc::from(name), v);
        }
    }
}

pub fn is_exception_class(vm: &Vm, class: &Rc<Obj>) -> bool {
    is_subclass(class, &vm.types.exc("BaseException"))
}

pub fn instantiate(vm: &mut Vm, class: Rc<Obj>, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    let Obj::Class(c) = &*class else { unreachable!() };
    if let Some(bt) = c.builtin {
        if bt != BuiltinType::BaseException || c.name.ends_with("ExceptionGroup") {
            return crate::types::construct::construct_builtin(vm, &class, bt, args, kwargs);
        }
    }
    let is_exc = is_exception_class(vm, &class);
    if let Some(new) = vm.class_lookup(&class, "__new__") {
        // object's own __new__ is the default path below.
        let is_object_new = match (&new, vm.types.object_new.as_ref()) {
            (Value::Obj(a), Some(b)) => Rc::ptr_eq(a, b),
            _ => false,
        };
        if let Value::Obj(f) = &new {
            if !is_object_new && matches!(&**f, Obj::Function(_) | Obj::StaticMethod(_)) {
                let mut a = vec![Value::Obj(class.clone())];
                a.extend(args.iter().cloned());
                let inner = match &**f {
                    Obj::StaticMethod(i) => i.clone(),
                    _ => new.clone(),
                };
                let obj = vm.call(inner, a, kwargs.clone())?;
                let made_here = match &obj {
                    Value::Obj(oo) => match &**oo {
                        Obj::Instance(i) => is_subclass(&i.class, &class),
                        Obj::Class(_) => {
                            let t = vm.type_of(&obj);
                            is_subclass(&t, &class)
                        }
                        _ => false,
                    },
                    _ => false,
                };
                if made_here {
                    let t = vm.type_of(&obj);
                    if let Some(init) = vm.class_lookup(&t, "__init__") {
                        if matches!(&init, Value::Obj(x) if matches!(&**x, Obj::Function(_))) {
                            let mut a = vec![obj.clone()];
                            a.extend(args);
                            let r = vm.call(init, a, kwargs)?;
                            if !r.is_none() {
                                let t = vm.type_name(&r);
                                return vm.type_error(format!("__init__() should return None, not '{t}'"));
                            }
                        }
                    }
                }
                return Ok(obj);
            }
        }
    }
    check_not_abstract(vm, &class)?;
    let inst = bare_instance(&class, is_exc, &args);
    let init = vm.class_lookup(&class, "__init__");
    match init {
        Some(init) if matches!(&init, Value::Obj(x) if matches!(&**x, Obj::Function(_) | Obj::Builtin(_))) => {
            let mut a = vec![inst.clone()];
            a.extend(args);
            let r = vm.call(init, a, kwargs)?;
            if !r.is_none() {
                let t = vm.type_name(&r);
                return vm.type_error(format!("__init__() should return None, not '{t}'"));
            }
        }
        _ => {
            if !is_exc && (!args.is_empty() || !kwargs.is_empty()) {
                return vm.type_error(format!("{}() takes no arguments", c.name));
            }
        }
    }
    Ok(inst)
}

pub(crate) fn property_setter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "setter")?;
    match &args[0] {
        Value::Obj(o) => match &**o {
            Obj::Property { fget, .. } => Ok(Value::obj(Obj::Property { fget: fget.clone(), fset: args[1].clone() })),
            _ => vm.type_error("setter needs a property"),
        },
        _ => vm.type_error("setter needs a property"),
    }
}

/// Puts `property.setter` into its class.
/// `__class_getitem__` of the builtin generic classes (CPython's `Py_GenericAlias`).
fn class_getitem(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "__class_getitem__")?;
    vm.generic_alias(&args[0], &args[1])
}

pub(crate) fn register(types: &mut Types) {
    set_method(&types.property, "setter", property_setter);
    // object.__new__ and type.__new__ are static methods; __init_subclass__ a class method.
    let object_new_fn = Rc::new(Obj::StaticMethod(builtin("__new__", object_new)));
    if let Obj::Class(c) = &*types.object {
        let mut d = c.dict.borrow_mut();
        d.insert(Rc::from("__new__"), Value::Obj(object_new_fn.clone()));
        d.insert(Rc::from("__init_subclass__"), Value::obj(Obj::ClassMethod(builtin("__init_subclass__", object_init_subclass))));
    }
    types.object_new = Some(object_new_fn);
    if let Obj::Class(c) = &*types.type_ {
        c.dict.borrow_mut().insert(Rc::from("__new__"), Value::obj(Obj::StaticMethod(builtin("__new__", type_new))));
    }
    // The builtin generic classes: `list[int]` is a types.GenericAlias.
    let exc_groups = [types.exc("BaseExceptionGroup"), types.exc("ExceptionGroup")];
    for class in [&types.list, &types.dict, &types.tuple, &types.set, &types.frozenset, &types.deque, &types.future, &types.task]
        .into_iter()
        .chain(&exc_groups)
    {
        if let Obj::Class(c) = &**class {
            let method = Value::obj(Obj::ClassMethod(builtin("__class_getitem__", class_getitem)));
            c.dict.borrow_mut().insert(Rc::from("__class_getitem__"), method);
        }
    }
    set_method(&types.type_, "__call__", type_call);
    set_method(&types.type_, "__init__", type_init);
    set_method(&types.type_, "__setattr__", type_setattr);
    set_method(&types.type_, "__delattr__", type_delattr);
}
