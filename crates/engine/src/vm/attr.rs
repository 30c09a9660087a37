//! Attributes: the type of a value, MRO lookup, descriptors, and `getattr`/`setattr`/`delattr`
//! on every kind of object.

use crate::types::native::NativeObj;
use crate::types::value::{GenKind, GenState, Key, Obj, Value};
use crate::vm::ops::{int_value, to_big};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// Function attributes CPython keeps outside the function's `__dict__`.
const FUNCTION_SLOTS: [&str; 5] = ["__name__", "__qualname__", "__doc__", "__module__", "__annotations__"];

impl Vm {
    /// An AttributeError from looking `name` up on `obj`: its report suggests a near name.
    fn attribute_error<T>(&mut self, obj: &Value, name: &str, message: String) -> PyResult<T> {
        let class = self.types.exc("AttributeError");
        let exc = self.new_exception(&class, Some(message));
        Err(crate::report::suggestions::attribute_error(self, exc, obj, name))
    }

    pub fn type_of(&self, v: &Value) -> Rc<Obj> {
        let types = &self.types;
        match v {
            Value::None => types.none_type.clone(),
            Value::Bool(_) => types.bool.clone(),
            Value::Int(_) | Value::Big(_) => types.int.clone(),
            Value::Float(_) => types.float.clone(),
            Value::Str(_) => types.str.clone(),
            Value::Obj(o) => match &**o {
                Obj::Bytes(_) => types.bytes.clone(),
                Obj::ByteArray(_) => types.bytearray.clone(),
                Obj::List(_) => types.list.clone(),
                Obj::Tuple(_) => types.tuple.clone(),
                Obj::Dict(_) => types.dict.clone(),
                Obj::Set(_) => types.set.clone(),
                Obj::FrozenSet(_) => types.frozenset.clone(),
                Obj::Range { .. } => types.range.clone(),
                Obj::Slice(..) => types.slice.clone(),
                Obj::Function(_) => types.function.clone(),
                Obj::Builtin(_) => types.builtin_function.clone(),
                // `[].append` is a builtin_function_or_method bound to its list, as in CPython.
                Obj::BoundMethod { func: Value::Obj(f), .. } if matches!(&**f, Obj::Builtin(_)) => types.builtin_function.clone(),
                Obj::BoundMethod { .. } => types.method.clone(),
                Obj::Class(c) => c.meta.clone().unwrap_or_else(|| types.type_.clone()),
                Obj::Instance(i) => i.class.clone(),
                Obj::Module { .. } => types.module.clone(),
                Obj::Gen(g) => match g.kind {
                    GenKind::Generator => types.generator.clone(),
                    GenKind::Coroutine => types.coroutine.clone(),
                    GenKind::AsyncGenerator => types.async_generator.clone(),
                },
                Obj::Iter(_) => types.iterator.clone(),
                Obj::Cell(_) => types.object.clone(),
                Obj::Property { .. } => types.property.clone(),
                Obj::StaticMethod(_) => types.staticmethod.clone(),
                Obj::ClassMethod(_) => types.classmethod.clone(),
                Obj::Super { .. } => types.super_.clone(),
                Obj::Deque(..) => types.deque.clone(),
                Obj::Native(n) => match n {
                    NativeObj::Future(fd) => {
                        if fd.borrow().task.is_some() {
                            types.task.clone()
                        } else {
                            types.future.clone()
                        }
                    }
                    NativeObj::Handle(h) => {
                        if h.when.is_some() {
                            types.timer_handle.clone()
                        } else {
                            types.handle.clone()
                        }
                    }
                    NativeObj::Loop => types.event_loop_class.clone(),
                    NativeObj::Ellipsis => types.ellipsis.clone(),
                    NativeObj::Sentinel("NotImplemented") => types.not_implemented_type.clone(),
                    NativeObj::Code(_) => types.code.clone(),
                    NativeObj::Frame(_) => types.frame.clone(),
                    NativeObj::Traceback(_) => types.traceback.clone(),
                    NativeObj::MemoryView(_) => types.memoryview.clone(),
                    _ => types.object.clone(),
                },
            },
        }
    }

    pub fn type_name(&self, v: &Value) -> Rc<str> {
        match &*self.type_of(v) {
            Obj::Class(c) => c.name.clone(),
            _ => Rc::from("object"),
        }
    }

    /// Finds `name` along a class's MRO.
    pub fn class_lookup(&self, class: &Rc<Obj>, name: &str) -> Option<Value> {
        let Obj::Class(c) = &**class else { return None };
        if let Some(v) = c.dict.borrow().get(name) {
            return Some(v.clone());
        }
        for base in c.mro.borrow().iter().skip(1) {
            if let Obj::Class(bc) = &**base {
                if let Some(v) = bc.dict.borrow().get(name) {
                    return Some(v.clone());
                }
            }
        }
        None
    }

    /// For a class made by a metaclass: the metaclass's own Python method `name` (`__iter__`,
    /// `__len__`, `__repr__`...), to call with the class as first argument.
    pub fn meta_method(&self, class: &Value, name: &str) -> Option<Value> {
        let Value::Obj(o) = class else { return None };
        let Obj::Class(c) = &**o else { return None };
        let m = self.class_lookup(c.meta.as_ref()?, name)?;
        matches!(&m, Value::Obj(f) if matches!(&**f, Obj::Function(_))).then_some(m)
    }

    /// The function to call as `obj.name(...)` with `obj` as first argument, if it is a plain method.
    pub fn lookup_method(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = obj {
            match &**o {
                Obj::Instance(inst) if inst.dict.borrow().contains_key(name) => {
                    return Ok(None);
                }
                Obj::Class(_) | Obj::Module { .. } | Obj::Super { .. } => return Ok(None),
                _ => {}
            }
        }
        let t = self.type_of(obj);
        match self.class_lookup(&t, name) {
            Some(v) => match &v {
                Value::Obj(fo) if matches!(&**fo, Obj::Function(_) | Obj::Builtin(_)) => Ok(Some(v)),
                Value::None if name == "__hash__" => Ok(Some(Value::None)),
                _ => Ok(None),
            },
            None => Ok(None),
        }
    }

    fn bind_descriptor(&mut self, attr: Value, obj: &Value, class: &Rc<Obj>) -> PyResult {
        if let Value::Obj(a) = &attr {
            match &**a {
                Obj::Function(_) | Obj::Builtin(_) => {
                    return Ok(Value::obj(Obj::BoundMethod { receiver: obj.clone(), func: attr.clone() }))
                }
                Obj::ClassMethod(f) => return Ok(Value::obj(Obj::BoundMethod { receiver: Value::Obj(class.clone()), func: f.clone() })),
                Obj::StaticMethod(f) => return Ok(f.clone()),
                Obj::Property { fget, .. } => return self.call(fget.clone(), vec![obj.clone()], vec![]),
                _ => {}
            }
        }
        Ok(attr)
    }

    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult {
        if let Value::Obj(o) = obj {
            match &**o {
                Obj::Instance(inst) => {
                    if name == "__class__" {
                        return Ok(Value::Obj(inst.class.clone()));
                    }
                    let class = inst.class.clone();
                    let may_have_property = matches!(&*class, Obj::Class(c) if c.has_properties.get());
                    if !may_have_property {
                        if let Some(v) = inst.dict.borrow().get(name) {
                            return Ok(v.clone());
                        }
                    }
                    let class_attr = self.class_lookup(&class, name);
                    if let Some(Value::Obj(a)) = &class_attr {
                        if let Obj::Property { .. } = &**a {
                            return self.bind_descriptor(class_attr.clone().unwrap(), obj, &class);
                        }
                    }
                    if let Some(v) = inst.dict.borrow().get(name) {
                        return Ok(v.clone());
                    }
                    if name == "__dict__" {
                        let map = inst
                            .dict
                            .borrow()
                            .iter()
                            .map(|(k, v)| (Key { hash: crate::vm::ops::str_hash(k), value: Value::Str(k.clone()) }, v.clone()))
                            .collect();
                        return Ok(Value::dict(map));
                    }
                    if let Some(a) = class_attr {
                        return self.bind_descriptor(a, obj, &class);
                    }
                    if crate::types::exceptions::is_exception(obj) {
                        if let Some(v) = crate::types::exceptions::exc_attr(self, obj, name)? {
                            return Ok(v);
                        }
                    }
                    if let Some(ga) = self.class_lookup(&class, "__getattr__") {
                        return self.call(ga, vec![obj.clone(), Value::str(name)], vec![]);
                    }
                    let cname = match &*class {
                        Obj::Class(c) => c.name.clone(),
                        _ => Rc::from("object"),
                    };
                    return self.attribute_error(obj, name, format!("'{cname}' object has no attribute '{name}'"));
                }
                Obj::Class(c) => {
                    match name {
                        "__name__" => return Ok(Value::Str(c.shown_name())),
                        "__qualname__" => return Ok(Value::Str(c.shown_qualname())),
                        "__module__" => return Ok(Value::Str(c.shown_module())),
                        "__mro__" => return Ok(Value::tuple(c.mro.borrow().iter().map(|m| Value::Obj(m.clone())).collect())),
                        "__bases__" => return Ok(Value::tuple(c.bases.iter().map(|m| Value::Obj(m.clone())).collect())),
                        "__class__" => return Ok(Value::Obj(self.type_of(obj))),
                        "__dict__" => {
                            // A copy stands for CPython's read-only mappingproxy.
                            let map = c
                                .dict
                                .borrow()
                                .iter()
                                .filter(|(k, _)| &***k != "__qualname__")
                                .map(|(k, v)| (Key { hash: crate::vm::ops::str_hash(k), value: Value::Str(k.clone()) }, v.clone()))
                                .collect();
                            return Ok(Value::dict(map));
                        }
                        _ => {}
                    }
                    // A metaclass's properties come first (data descriptors), then the class's MRO,
                    // then the metaclass's other attributes, bound to the class.
                    let meta_attr = match &c.meta {
                        Some(m) => self.class_lookup(m, name),
                        None => None,
                    };
                    if let Some(Value::Obj(p)) = &meta_attr {
                        if let Obj::Property { fget, .. } = &**p {
                            return self.call(fget.clone(), vec![obj.clone()], vec![]);
                        }
                    }
                    if let Some(a) = self.class_lookup(o, name) {
                        if let Value::Obj(ao) = &a {
                            match &**ao {
                                Obj::ClassMethod(f) => return Ok(Value::obj(Obj::BoundMethod { receiver: obj.clone(), func: f.clone() })),
                                Obj::StaticMethod(f) => return Ok(f.clone()),
                                _ => {}
                            }
                        }
                        return Ok(a);
                    }
                    if let (Some(a), Some(meta)) = (meta_attr, c.meta.clone()) {
                        return self.bind_descriptor(a, obj, &meta);
                    }
                    if let Some(meta) = c.meta.clone() {
                        if let Some(ga) = self.class_lookup(&meta, "__getattr__") {
                            return self.call(ga, vec![obj.clone(), Value::str(name)], vec![]);
                        }
                    }
                    return self.attribute_error(obj, name, format!("type object '{}' has no attribute '{name}'", c.name));
                }
                Obj::Module { name: mname, dict } => {
                    if let Some(v) = dict.borrow().get(name) {
                        return Ok(v.clone());
                    }
                    if name == "__name__" {
                        return Ok(Value::Str(mname.clone()));
                    }
                    return self.attribute_error(obj, name, format!("module '{mname}' has no attribute '{name}'"));
                }
                Obj::Function(f) => {
                    // Assigned attributes (functools.wraps sets __qualname__, __doc__...) win.
                    if let Some(v) = f.dict.borrow().get(name) {
                        return Ok(v.clone());
                    }
                    match name {
                        "__name__" => return Ok(Value::Str(f.name.borrow().clone())),
                        "__qualname__" => return Ok(Value::Str(f.qualname.clone())),
                        "__module__" => return Ok(Value::str("__main__")),
                        "__doc__" => return Ok(f.code.doc.as_deref().map_or(Value::None, Value::str)),
                        "__code__" => return Ok(Value::obj(Obj::Native(NativeObj::Code(f.code.clone())))),
                        "__defaults__" if f.defaults.is_empty() => return Ok(Value::None),
                        "__defaults__" => return Ok(Value::tuple(f.defaults.clone())),
                        "__kwdefaults__" if f.kwdefaults.is_empty() => return Ok(Value::None),
                        "__kwdefaults__" => {
                            let mut map = crate::types::value::DictMap::default();
                            for (k, v) in f.kwdefaults.clone() {
                                let key = self.key(Value::Str(k))?;
                                map.insert(key, v);
                            }
                            return Ok(Value::dict(map));
                        }
                        "__closure__" => {
                            if f.closure.is_empty() {
                                return Ok(Value::None);
                            }
                            return Ok(Value::tuple(f.closure.iter().map(|c| Value::obj(Obj::Cell(c.clone()))).collect()));
                        }
                        "__type_params__" => return Ok(Value::tuple(vec![])),
                        "__annotations__" => {
                            // Awaitlab keeps no annotations: an empty dict, the same one each time.
                            let d = Value::dict(Default::default());
                            f.dict.borrow_mut().insert(Rc::from(name), d.clone());
                            return Ok(d);
                        }
                        "__dict__" => {
                            let mut map = crate::types::value::DictMap::default();
                            let attrs: Vec<(Rc<str>, Value)> = f.dict.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                            for (k, v) in attrs {
                                if !FUNCTION_SLOTS.contains(&&*k) {
                                    let key = self.key(Value::Str(k))?;
                                    map.insert(key, v);
                                }
                            }
                            return Ok(Value::dict(map));
                        }
                        _ => {}
                    }
                }
                Obj::Native(NativeObj::Code(code)) => {
                    if let Some(v) = code_attr(code, name) {
                        return Ok(v);
                    }
                }
                Obj::Native(NativeObj::Frame(_)) => {
                    if let Some(v) = crate::types::frame::frame_attr(self, o, name) {
                        return Ok(v);
                    }
                }
                Obj::Native(NativeObj::MemoryView(m)) => {
                    if let Some(v) = crate::types::memoryview::attr(self, m, name)? {
                        return Ok(v);
                    }
                }
                Obj::Native(NativeObj::Traceback(data)) => {
                    if let Some(v) = crate::types::frame::traceback_attr(data, name) {
                        return Ok(v);
                    }
                }
                Obj::Cell(c) if name == "cell_contents" => {
                    let contents = c.borrow().clone();
                    return match contents {
                        Some(v) => Ok(v),
                        None => self.err("ValueError", "Cell is empty"),
                    };
                }
                Obj::Builtin(b) if name == "__name__" => return Ok(Value::str(b.name.rsplit('.').next().unwrap_or(b.name))),
                Obj::BoundMethod { receiver, func } => match name {
                    "__self__" => return Ok(receiver.clone()),
                    "__func__" => return Ok(func.clone()),
                    "__name__" => return self.get_attr(func, name),
                    "__class__" => {}
                    // Other attributes are the function's (`__isabstractmethod__`, `__doc__`...).
                    _ if matches!(func, Value::Obj(f) if matches!(&**f, Obj::Function(_))) => return self.get_attr(func, name),
                    _ => {}
                },
                Obj::Property { fget, fset } => match name {
                    "fget" => return Ok(fget.clone()),
                    "fset" => return Ok(fset.clone()),
                    "__isabstractmethod__" => {
                        for f in [fget.clone(), fset.clone()] {
                            if !f.is_none() {
                                let a = self.get_attr(&f, name).unwrap_or(Value::Bool(false));
                                if self.truthy(&a)? {
                                    return Ok(Value::Bool(true));
                                }
                            }
                        }
                        return Ok(Value::Bool(false));
                    }
                    "__doc__" if !fget.is_none() => return self.get_attr(fget, name),
                    _ => {}
                },
                Obj::ClassMethod(f) | Obj::StaticMethod(f) => match name {
                    "__func__" | "__wrapped__" => return Ok(f.clone()),
                    "__isabstractmethod__" => {
                        let a = self.get_attr(f, name).unwrap_or(Value::Bool(false));
                        return Ok(Value::Bool(self.truthy(&a)?));
                    }
                    "__name__" | "__qualname__" | "__doc__" | "__module__" => return self.get_attr(f, name),
                    _ => {}
                },
                Obj::Gen(g) => match name {
                    "__name__" => return Ok(Value::Str(g.name.clone())),
                    "__qualname__" => return Ok(Value::Str(g.qualname.clone())),
                    "cr_running" | "gi_running" => return Ok(Value::Bool(g.state.get() == GenState::Running)),
                    _ => {}
                },
                Obj::Deque(_, maxlen) if name == "maxlen" => return Ok(maxlen.map_or(Value::None, |m| Value::Int(m as i64))),
                Obj::Slice(a, b, c) => match name {
                    "start" => return Ok(a.clone()),
                    "stop" => return Ok(b.clone()),
                    "step" => return Ok(c.clone()),
                    _ => {}
                },
                Obj::Range { start, stop, step } => match name {
                    "start" => return Ok(Value::Int(*start)),
                    "stop" => return Ok(Value::Int(*stop)),
                    "step" => return Ok(Value::Int(*step)),
                    _ => {}
                },
                Obj::Native(NativeObj::Future(_)) => {
                    if let Some(v) = crate::event_loop::future::future_attr(self, o, name)? {
                        return Ok(v);
                    }
                }
                Obj::Super { class, receiver } => {
                    // Look past `class` in the receiver's MRO: the receiver's own when it is a
                    // class that has `class` among its bases (a class method), else its type's
                    // (a method, or a metaclass's method with the class as receiver).
                    let recv_class = match receiver {
                        Value::Obj(r) if matches!(&**r, Obj::Class(_)) && crate::types::class::is_subclass(r, class) => r.clone(),
                        _ => self.type_of(receiver),
                    };
                    let mro = match &*recv_class {
                        Obj::Class(c) => c.mro.borrow().clone(),
                        _ => vec![],
                    };
                    let start = mro.iter().position(|m| Rc::ptr_eq(m, class)).map(|p| p + 1).unwrap_or(mro.len());
                    for m in &mro[start..] {
                        if let Obj::Class(mc) = &**m {
                            let found = mc.dict.borrow().get(name).cloned();
                            if let Some(a) = found {
                                return self.bind_descriptor(a, receiver, &recv_class);
                            }
                        }
                    }
                    return self.err("AttributeError", format!("'super' object has no attribute '{name}'"));
                }
                _ => {}
            }
        }
        if name == "__class__" {
            return Ok(Value::Obj(self.type_of(obj)));
        }
        let class = self.type_of(obj);
        if let Some(a) = self.class_lookup(&class, name) {
            return self.bind_descriptor(a, obj, &class);
        }
        if let Some(v) = crate::vm::attr::special_attr(self, obj, name)? {
            return Ok(v);
        }
        let t = self.type_name(obj);
        self.attribute_error(obj, name, format!("'{t}' object has no attribute '{name}'"))
    }

    pub fn set_attr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            match &**o {
                Obj::Instance(inst) => {
                    if let Some(Value::Obj(p)) = self.class_lookup(&inst.class, name) {
                        if let Obj::Property { fset, .. } = &*p {
                            if fset.is_none() {
                                let cname = self.type_name(obj);
                                return self.err("AttributeError", format!("property '{name}' of '{cname}' object has no setter"));
                            }
                            self.call(fset.clone(), vec![obj.clone(), v], vec![])?;
                            return Ok(());
                        }
                    }
                    if let Some(sa) = self.class_lookup(&inst.class, "__setattr__") {
                        if let Value::Obj(f) = &sa {
                            if let Obj::Function(_) = &**f {
                                self.call(sa, vec![obj.clone(), Value::str(name), v], vec![])?;
                                return Ok(());
                            }
                        }
                    }
                    if crate::types::exceptions::is_exception(obj) && name == "__traceback__" {
                        if !crate::types::frame::set_traceback(obj, &v) {
                            return self.type_error("__traceback__ must be a traceback or None");
                        }
                        return Ok(());
                    }
                    if crate::types::exceptions::is_exception(obj) && crate::types::exceptions::set_exc_attr(obj, name, &v) {
                        return Ok(());
                    }
                    inst.dict.borrow_mut().insert(Rc::from(name), v);
                    return Ok(());
                }
                Obj::Class(c) => {
                    if let Some(meta) = c.meta.clone() {
                        if let Some(sa) = self.class_lookup(&meta, "__setattr__") {
                            if matches!(&sa, Value::Obj(f) if matches!(&**f, Obj::Function(_))) {
                                self.call(sa, vec![obj.clone(), Value::str(name), v], vec![])?;
                                return Ok(());
                            }
                        }
                    }
                    crate::types::class::set_class_attr(self, obj, name, v);
                    return Ok(());
                }
                Obj::Function(f) => {
                    if name == "__name__" {
                        if let Value::Str(s) = &v {
                            *f.name.borrow_mut() = s.clone();
                        }
                    }
                    f.dict.borrow_mut().insert(Rc::from(name), v);
                    return Ok(());
                }
                Obj::Module { dict, .. } => {
                    dict.borrow_mut().insert(Rc::from(name), v);
                    return Ok(());
                }
                Obj::Native(NativeObj::Future(_)) if crate::event_loop::future::set_future_attr(self, o, name, &v)? => {
                    return Ok(());
                }
                _ => {}
            }
        }
        let t = self.type_name(obj);
        self.err("AttributeError", format!("'{t}' object has no attribute '{name}'"))
    }

    pub fn del_attr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            match &**o {
                Obj::Instance(inst) => {
                    if let Some(da) = self.class_lookup(&inst.class, "__delattr__") {
                        if matches!(&da, Value::Obj(f) if matches!(&**f, Obj::Function(_))) {
                            self.call(da, vec![obj.clone(), Value::str(name)], vec![])?;
                            return Ok(());
                        }
                    }
                    if inst.dict.borrow_mut().shift_remove(name).is_some() {
                        return Ok(());
                    }
                }
                Obj::Class(c) => {
                    if let Some(meta) = c.meta.clone() {
                        if let Some(da) = self.class_lookup(&meta, "__delattr__") {
                            if matches!(&da, Value::Obj(f) if matches!(&**f, Obj::Function(_))) {
                                self.call(da, vec![obj.clone(), Value::str(name)], vec![])?;
                                return Ok(());
                            }
                        }
                    }
                    crate::types::code::bump_class_epoch();
                    if c.dict.borrow_mut().shift_remove(name).is_some() {
                        return Ok(());
                    }
                    return self.err("AttributeError", format!("type object '{}' has no attribute '{name}'", c.name));
                }
                Obj::Function(f) if f.dict.borrow_mut().shift_remove(name).is_some() => {
                    return Ok(());
                }
                Obj::Module { dict, name: module } => {
                    if dict.borrow_mut().shift_remove(name).is_some() {
                        return Ok(());
                    }
                    return self.err("AttributeError", format!("module '{module}' has no attribute '{name}'"));
                }
                _ => {}
            }
        }
        let t = self.type_name(obj);
        self.err("AttributeError", format!("'{t}' object has no attribute '{name}'"))
    }
}

pub fn special_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(match (obj, name) {
        (Value::Int(_) | Value::Big(_) | Value::Bool(_), "real" | "numerator") => Some(int_value(to_big(obj).unwrap())),
        (Value::Int(_) | Value::Big(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::Big(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(f), "real") => Some(Value::Float(*f)),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        _ => {
            let _ = vm;
            None
        }
    })
}

/// A code object's attributes that introspection reads (`inspect.signature`, the predicates):
/// its names, counts and CPython's `co_flags` bits.
fn code_attr(code: &crate::types::code::Code, name: &str) -> Option<Value> {
    let names = |v: &[Rc<str>]| Value::tuple(v.iter().map(|s| Value::Str(s.clone())).collect());
    Some(match name {
        "co_name" => Value::Str(code.name.clone()),
        "co_qualname" => Value::Str(code.qualname.clone()),
        "co_filename" => Value::Str(code.filename.clone()),
        "co_firstlineno" => Value::Int(code.first_line as i64),
        "co_argcount" => Value::Int(code.argcount as i64),
        "co_posonlyargcount" => Value::Int(code.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(code.kwonlyargcount as i64),
        "co_varnames" => names(&code.varnames),
        "co_cellvars" => names(&code.cellvars),
        "co_freevars" => names(&code.freevars),
        "co_nlocals" => Value::Int(code.varnames.len() as i64),
        "co_flags" => {
            // OPTIMIZED | NEWLOCALS, VARARGS 0x04, VARKEYWORDS 0x08, GENERATOR 0x20,
            // COROUTINE 0x80, ASYNC_GENERATOR 0x200.
            let mut flags = 0x03;
            flags |= if code.varargs { 0x04 } else { 0 };
            flags |= if code.varkw { 0x08 } else { 0 };
            flags |= match (code.is_generator, code.is_coroutine) {
                (true, true) => 0x200,
                (true, false) => 0x20,
                (false, true) => 0x80,
                (false, false) => 0,
            };
            Value::Int(flags)
        }
        _ => return None,
    })
}
