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
    pub exceptions: HashMap<&'static str, Rc<Obj>>,
    pub not_implemented: Value,
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
    Value::obj(Obj::Builtin(Builtin { name, func, bound: None }))
}

pub fn set_method(class: &Rc<Obj>, name: &'static str, func: NativeFn) {
    if let Obj::Class(c) = &**class {
        c.dict.borrow_mut().insert(Rc::from(name), builtin(name, func));
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
        not_implemented: Value::obj(Obj::Native(NativeObj::Sentinel("NotImplemented"))),
        int,
        object,
        exceptions,
    }
}

pub fn build_class(vm: &mut Vm, body: Value, name: Rc<str>, bases: Vec<Value>) -> PyResult {
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
    for b in &base_classes {
        if let Obj::Class(c) = &**b {
            if let Some(bt) = c.builtin {
                if !matches!(bt, BuiltinType::Object | BuiltinType::BaseException) {
                    return vm
                        .err("NotImplementedError", format!("subclassing the builtin type '{}' is not supported in Awaitlab", c.name));
                }
            }
        }
    }
    if base_classes.is_empty() {
        base_classes.push(vm.types.object.clone());
    }
    let Value::Obj(bo) = &body else { unreachable!() };
    let Obj::Function(func) = &**bo else { unreachable!() };
    let ns = Rc::new(RefCell::new(Namespace::default()));
    let mut frame = vm.make_frame(func, vec![], crate::vm::Mode::Top);
    frame.ns = Some(ns.clone());
    let class_cell = func.code.cellvars.iter().position(|c| &**c == "__class__").map(|i| frame.cells[i].clone());
    vm.run_nested(crate::vm::Thread { frames: vec![frame], pending_throw: None })?;
    let qualname = match ns.borrow().get("__qualname__") {
        Some(Value::Str(q)) => q.clone(),
        _ => name.clone(),
    };
    let module = match ns.borrow().get("__module__") {
        Some(Value::Str(m)) => m.clone(),
        _ => Rc::from("__main__"),
    };
    let builtin = base_classes.iter().find_map(|b| match &**b {
        Obj::Class(c) if c.builtin == Some(BuiltinType::BaseException) => Some(BuiltinType::BaseException),
        _ => None,
    });
    // A new class may sit where a freed one was (a class of an earlier run, too): inline
    // caches are keyed by address and epoch, so a new epoch keeps their entries from matching.
    crate::types::code::bump_class_epoch();
    let class = Rc::new(Obj::Class(Class {
        name: name.clone(),
        qualname,
        bases: base_classes.clone(),
        mro: RefCell::new(vec![]),
        dict: RefCell::new(ns.borrow().clone()),
        builtin: None,
        module,
        has_properties: std::cell::Cell::new(false),
    }));
    let _ = builtin;
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
    }
    if let Some(cell) = class_cell {
        *cell.borrow_mut() = Some(Value::Obj(class.clone()));
    }
    Ok(Value::Obj(class))
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
        if let Value::Obj(f) = &new {
            if matches!(&**f, Obj::Function(_) | Obj::StaticMethod(_)) {
                let mut a = vec![Value::Obj(class.clone())];
                a.extend(args.iter().cloned());
                let inner = match &**f {
                    Obj::StaticMethod(i) => i.clone(),
                    _ => new.clone(),
                };
                let obj = vm.call(inner, a, kwargs.clone())?;
                if let Value::Obj(oo) = &obj {
                    if let Obj::Instance(i) = &**oo {
                        if Rc::ptr_eq(&i.class, &class) {
                            if let Some(init) = vm.class_lookup(&class, "__init__") {
                                if matches!(&init, Value::Obj(x) if matches!(&**x, Obj::Function(_))) {
                                    let mut a = vec![obj.clone()];
                                    a.extend(args);
                                    vm.call(init, a, kwargs)?;
                                }
                            }
                        }
                    }
                }
                return Ok(obj);
            }
        }
    }
    let inst = Value::obj(Obj::Instance(Instance {
        class: class.clone(),
        dict: RefCell::new(Namespace::default()),
        exc: RefCell::new(if is_exc { Some(Box::default()) } else { None }),
    }));
    if is_exc {
        if let Value::Obj(o) = &inst {
            if let Obj::Instance(i) = &**o {
                i.dict.borrow_mut().insert(Rc::from("args"), Value::tuple(args.clone()));
            }
        }
    }
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
pub(crate) fn register(types: &Types) {
    set_method(&types.property, "setter", property_setter);
}
