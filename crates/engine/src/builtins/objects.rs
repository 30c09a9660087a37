//! Builtins about objects: `repr`, `ascii`, `format`, `dir`, `isinstance`, `issubclass`, the
//! attribute functions, `id`, `hash`, `callable`, `super`, `property`, `staticmethod`,
//! `classmethod`, `vars`, `globals`, `locals`.

use crate::types::args::{arity, as_str, kwarg, Args, Kwargs};
use crate::types::class::is_subclass;
use crate::types::repr::ascii_of;
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// `dir(obj)`: the sorted attribute names of a module, class or instance (with its class's);
/// `dir()`: the sorted names of the caller's local scope.
pub(crate) fn dir(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let Some(obj) = args.first() else {
        let scope = locals(vm, vec![], kwargs)?;
        let mut names = crate::types::dict::keys_of(&scope);
        names.sort_by(|a, b| match (a, b) {
            (Value::Str(a), Value::Str(b)) => a.cmp(b),
            _ => std::cmp::Ordering::Equal,
        });
        return Ok(Value::list(names));
    };
    let mut names: Vec<Rc<str>> = vec![];
    let add_class = |names: &mut Vec<Rc<str>>, class: &Rc<Obj>| {
        if let Obj::Class(c) = &**class {
            for base in c.mro.borrow().iter() {
                if let Obj::Class(bc) = &**base {
                    names.extend(bc.dict.borrow().keys().cloned());
                }
            }
        }
    };
    match obj {
        Value::Obj(o) => match &**o {
            Obj::Module { dict, .. } => names.extend(dict.borrow().keys().cloned()),
            Obj::Class(_) => add_class(&mut names, o),
            Obj::Instance(inst) => {
                names.extend(inst.dict.borrow().keys().cloned());
                add_class(&mut names, &inst.class);
            }
            _ => {
                let t = vm.type_of(obj);
                add_class(&mut names, &t);
            }
        },
        _ => {
            let t = vm.type_of(obj);
            add_class(&mut names, &t);
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::Str).collect()))
}

pub(crate) fn repr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "repr")?;
    Ok(Value::Str(vm.repr(&args[0])?))
}

pub(crate) fn ascii(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "ascii")?;
    let r = vm.repr(&args[0])?;
    Ok(Value::str(&ascii_of(&r)))
}

pub(crate) fn format(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "format")?;
    let spec = match args.get(1) {
        Some(s) => as_str(vm, s)?,
        None => Rc::from(""),
    };
    Ok(Value::Str(vm.format(&args[0], &spec)?))
}

/// What isinstance/issubclass test against, in order: classes, and objects whose class defines
/// the check (`hook`: `list[int]`'s `__instancecheck__` raises CPython's TypeError). Unions and
/// tuples give their members.
fn class_of_arg(vm: &mut Vm, v: &Value, fname: &str, hook: &str) -> PyResult<Vec<Value>> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Class(_) => Ok(vec![v.clone()]),
            Obj::Tuple(items) => {
                let mut out = vec![];
                for it in items.clone() {
                    out.extend(class_of_arg(vm, &it, fname, hook)?);
                }
                Ok(out)
            }
            // `int | str` (types.UnionType): its members.
            Obj::Instance(i) if matches!(&*i.class, Obj::Class(c) if &*c.name == "UnionType" && &*c.module == "types") => {
                let args = vm.get_attr(v, "__args__")?;
                class_of_arg(vm, &args, fname, hook)
            }
            Obj::Instance(_) if vm.lookup_method(v, hook)?.is_some() => Ok(vec![v.clone()]),
            _ => vm.type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union")),
        },
        _ => vm.type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union")),
    }
}

/// `cls`'s own check (`__instancecheck__`/`__subclasscheck__` of its class) of `obj`, if it is
/// an object rather than a class.
fn own_check(vm: &mut Vm, cls: &Value, obj: &Value, hook: &str) -> PyResult<Option<bool>> {
    if !matches!(cls, Value::Obj(o) if matches!(&**o, Obj::Instance(_))) {
        return Ok(None);
    }
    let Some(check) = vm.lookup_method(cls, hook)? else { return Ok(None) };
    let r = vm.call(check, vec![cls.clone(), obj.clone()], vec![])?;
    Ok(Some(vm.truthy(&r)?))
}

pub(crate) fn isinstance(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "isinstance")?;
    let classes = class_of_arg(vm, &args[1], "isinstance", "__instancecheck__")?;
    let t = vm.type_of(&args[0]);
    for class in classes {
        if let Some(found) = own_check(vm, &class, &args[0], "__instancecheck__")? {
            if found {
                return Ok(Value::Bool(true));
            }
            continue;
        }
        let Value::Obj(c) = &class else { continue };
        // As PyObject_IsInstance: an exact match first, then the metaclass's __instancecheck__.
        if Rc::ptr_eq(&t, c) {
            return Ok(Value::Bool(true));
        }
        if let Some(check) = vm.meta_method(&class, "__instancecheck__") {
            let r = vm.call(check, vec![class.clone(), args[0].clone()], vec![])?;
            if vm.truthy(&r)? {
                return Ok(Value::Bool(true));
            }
        } else if is_subclass(&t, c) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub(crate) fn issubclass(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "issubclass")?;
    let classes = class_of_arg(vm, &args[1], "issubclass", "__subclasscheck__")?;
    for class in classes {
        if let Some(found) = own_check(vm, &class, &args[0], "__subclasscheck__")? {
            if found {
                return Ok(Value::Bool(true));
            }
            continue;
        }
        let (Value::Obj(o), Value::Obj(c)) = (&args[0], &class) else { return vm.type_error("issubclass() arg 1 must be a class") };
        if !matches!(&**o, Obj::Class(_)) {
            return vm.type_error("issubclass() arg 1 must be a class");
        }
        if let Some(check) = vm.meta_method(&class, "__subclasscheck__") {
            let r = vm.call(check, vec![class.clone(), args[0].clone()], vec![])?;
            if vm.truthy(&r)? {
                return Ok(Value::Bool(true));
            }
        } else if is_subclass(o, c) {
            return Ok(Value::Bool(true));
        }
    }
    match &args[0] {
        Value::Obj(o) if matches!(&**o, Obj::Class(_)) => Ok(Value::Bool(false)),
        _ => vm.type_error("issubclass() arg 1 must be a class"),
    }
}

pub(crate) fn hasattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "hasattr")?;
    let name = as_str(vm, &args[1])?;
    match vm.get_attr(&args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if crate::types::exceptions::is_instance_of(&e, &vm.types.exc("AttributeError")) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

pub(crate) fn getattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 3, "getattr")?;
    let name = as_str(vm, &args[1])?;
    match vm.get_attr(&args[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && crate::types::exceptions::is_instance_of(&e, &vm.types.exc("AttributeError")) => Ok(args[2].clone()),
        Err(e) => Err(e),
    }
}

pub(crate) fn setattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 3, 3, "setattr")?;
    let name = as_str(vm, &args[1])?;
    vm.set_attr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

pub(crate) fn delattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "delattr")?;
    let name = as_str(vm, &args[1])?;
    vm.del_attr(&args[0], &name)?;
    Ok(Value::None)
}

pub(crate) fn id(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "id")?;
    Ok(Value::Int(args[0].id() as i64))
}

pub(crate) fn hash(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "hash")?;
    Ok(Value::Int(vm.hash(&args[0])?))
}

pub(crate) fn callable(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "callable")?;
    Ok(Value::Bool(match &args[0] {
        Value::Obj(o) => match &**o {
            Obj::Function(_) | Obj::Builtin(_) | Obj::BoundMethod { .. } | Obj::Class(_) => true,
            Obj::Instance(_) => vm.lookup_method(&args[0], "__call__")?.is_some(),
            _ => false,
        },
        _ => false,
    }))
}

pub(crate) fn super_(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    match args.as_slice() {
        [Value::Obj(c), receiver] if matches!(&**c, Obj::Class(_)) => {
            Ok(Value::obj(Obj::Super { class: c.clone(), receiver: receiver.clone() }))
        }
        [] => vm.err("RuntimeError", "super(): no arguments"),
        _ => vm.type_error("super() argument 1 must be a type"),
    }
}

pub(crate) fn property(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let fget = args.first().cloned().or_else(|| kwarg(&kwargs, "fget")).unwrap_or(Value::None);
    let fset = args.get(1).cloned().or_else(|| kwarg(&kwargs, "fset")).unwrap_or(Value::None);
    let _ = vm;
    Ok(Value::obj(Obj::Property { fget, fset }))
}

pub(crate) fn staticmethod(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "staticmethod")?;
    Ok(Value::obj(Obj::StaticMethod(args[0].clone())))
}

pub(crate) fn classmethod(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "classmethod")?;
    Ok(Value::obj(Obj::ClassMethod(args[0].clone())))
}

/// `vars(obj)`: its `__dict__`; `vars()`: `locals()`.
pub(crate) fn vars(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    arity(vm, &args, 0, 1, "vars")?;
    match args.first() {
        Some(obj) => vm.get_attr(obj, "__dict__"),
        None => locals(vm, args, kwargs),
    }
}

/// `globals()`: a copy of the caller's module namespace (see `Vm::caller_namespaces`).
pub(crate) fn globals(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 0, 0, "globals")?;
    match vm.caller_namespaces() {
        Some((globals, _)) => Ok(globals),
        None => vm.err("RuntimeError", "globals(): no current frame"),
    }
}

/// `locals()`: a copy of the caller's variables (a module's or class body's namespace there).
pub(crate) fn locals(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 0, 0, "locals")?;
    match vm.caller_namespaces() {
        Some((_, locals)) => Ok(locals),
        None => vm.err("RuntimeError", "locals(): no current frame"),
    }
}
