//! `dict` and its views: the methods, `dict(...)`'s update rules, and iteration over live views.

use crate::types::args::{arg, arity, Args, Kwargs};
use crate::types::class::{set_method, Types};
use crate::types::native::NativeObj;
use crate::types::value::NativeFn;
use crate::types::value::{DictMap, IterState, Key, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub fn dict_update_from(vm: &mut Vm, target: &Value, src: &Value) -> PyResult<()> {
    let Value::Obj(t) = target else { return Ok(()) };
    let Obj::Dict(map) = &**t else { return Ok(()) };
    if let Value::Obj(s) = src {
        if let Obj::Dict(m) = &**s {
            let items: Vec<(Key, Value)> = m.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            map.borrow_mut().extend(items);
            return Ok(());
        }
        if let Obj::Instance(_) = &**s {
            if let Some(keys) = vm.lookup_method(src, "keys")? {
                let ks = vm.call(keys, vec![src.clone()], vec![])?;
                for k in vm.collect_iter(&ks)? {
                    let v = vm.get_item(src, &k)?;
                    let key = vm.key_in(map, k)?;
                    map.borrow_mut().insert(key, v);
                }
                return Ok(());
            }
        }
    }
    let items = match vm.collect_iter(src) {
        Ok(items) => items,
        Err(_) => {
            let t = vm.type_name(src);
            return vm.type_error(format!("'{t}' object is not a mapping"));
        }
    };
    for (i, item) in items.into_iter().enumerate() {
        let pair = vm.collect_iter(&item)?;
        if pair.len() != 2 {
            return vm.err("ValueError", format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len()));
        }
        let key = vm.key_in(map, pair[0].clone())?;
        map.borrow_mut().insert(key, pair[1].clone());
    }
    Ok(())
}

pub fn keys_of(d: &Value) -> Vec<Value> {
    match d {
        Value::Obj(o) => match &**o {
            Obj::Dict(m) => m.borrow().keys().map(|k| k.value.clone()).collect(),
            Obj::Set(m) => m.borrow().iter().map(|k| k.value.clone()).collect(),
            _ => vec![],
        },
        _ => vec![],
    }
}

pub fn values_of(d: &Value) -> Vec<Value> {
    match d {
        Value::Obj(o) => match &**o {
            Obj::Dict(m) => m.borrow().values().cloned().collect(),
            _ => vec![],
        },
        _ => vec![],
    }
}

pub fn items_of(d: &Value) -> Vec<Value> {
    match d {
        Value::Obj(o) => match &**o {
            Obj::Dict(m) => m.borrow().iter().map(|(k, v)| Value::tuple(vec![k.value.clone(), v.clone()])).collect(),
            _ => vec![],
        },
        _ => vec![],
    }
}

pub(crate) fn dict_of(v: &Value) -> Option<&RefCell<DictMap>> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Dict(m) => Some(m),
            _ => None,
        },
        _ => None,
    }
}

fn this_dict(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.first() {
        Some(v @ Value::Obj(o)) if matches!(&**o, Obj::Dict(_)) => Ok(v.clone()),
        _ => vm.type_error("descriptor requires a 'dict' object"),
    }
}

pub(crate) fn get(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    arity(vm, &args, 2, 3, "get")?;
    let k = vm.key_in(dict_of(&d).unwrap(), args[1].clone())?;
    let found = dict_of(&d).unwrap().borrow().get(&k).cloned();
    Ok(found.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn view(vm: &mut Vm, args: &Args, kind: u8) -> PyResult {
    let d = this_dict(vm, args)?;
    let Value::Obj(o) = d else { unreachable!() };
    Ok(Value::obj(Obj::Native(NativeObj::DictView(kind, o))))
}

pub(crate) fn keys(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    view(vm, &args, 0)
}

pub(crate) fn values(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    view(vm, &args, 1)
}

pub(crate) fn items(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    view(vm, &args, 2)
}

pub(crate) fn pop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    arity(vm, &args, 2, 3, "pop")?;
    let k = vm.key_in(dict_of(&d).unwrap(), args[1].clone())?;
    let removed = dict_of(&d).unwrap().borrow_mut().shift_remove(&k);
    match (removed, args.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => {
            let c = vm.types.exc("KeyError");
            Err(crate::types::exceptions::instantiate(&c, vec![args[1].clone()]))
        }
    }
}

pub(crate) fn popitem(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    let last = dict_of(&d).unwrap().borrow_mut().pop();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.value, v])),
        None => vm.err("KeyError", "popitem(): dictionary is empty"),
    }
}

pub(crate) fn setdefault(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    let a_ = arg(vm, &args, 1, "setdefault")?;
    let cell = dict_of(&d).unwrap();
    let k = vm.key_in(cell, a_)?;
    let default = args.get(2).cloned().unwrap_or(Value::None);
    let existing = cell.borrow().get(&k).cloned();
    Ok(match existing {
        Some(v) => v,
        None => {
            cell.borrow_mut().insert(k, default.clone());
            default
        }
    })
}

pub(crate) fn update(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    if let Some(src) = args.get(1) {
        dict_update_from(vm, &d, src)?;
    }
    for (k, v) in kwargs {
        let key = vm.key(Value::Str(k))?;
        dict_of(&d).unwrap().borrow_mut().insert(key, v);
    }
    Ok(Value::None)
}

pub(crate) fn clear(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    dict_of(&d).unwrap().borrow_mut().clear();
    Ok(Value::None)
}

pub(crate) fn copy(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    let m = dict_of(&d).unwrap().borrow().clone();
    Ok(Value::dict(m))
}

pub(crate) fn fromkeys(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let keys = {
        let a_ = arg(vm, &args, 1, "fromkeys")?;
        vm.collect_iter(&a_)
    }?;
    let v = args.get(2).cloned().unwrap_or(Value::None);
    let mut m = DictMap::default();
    for k in keys {
        let key = vm.key(k)?;
        m.insert(key, v.clone());
    }
    Ok(Value::dict(m))
}

pub(crate) fn view_iter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let _ = vm;
    let Value::Obj(o) = &args[0] else { unreachable!() };
    let Obj::Native(NativeObj::DictView(kind, d)) = &**o else { unreachable!() };
    let len = match &**d {
        Obj::Dict(m) => m.borrow().len(),
        _ => 0,
    };
    let state = match kind {
        0 => IterState::DictKeys { dict: d.clone(), index: 0, len },
        1 => IterState::DictValues { dict: d.clone(), index: 0, len },
        _ => IterState::DictItems { dict: d.clone(), index: 0, len },
    };
    Ok(Value::obj(Obj::Iter(RefCell::new(state))))
}

pub fn get_view_iter(vm: &mut Vm, v: &Value) -> PyResult {
    view_iter(vm, vec![v.clone()], vec![])
}

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    for (n, f) in [
        ("get", get as NativeFn),
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("pop", pop),
        ("popitem", popitem),
        ("setdefault", setdefault),
        ("update", update),
        ("clear", clear),
        ("copy", copy),
        ("fromkeys", fromkeys),
    ] {
        set_method(&types.dict, n, f);
    }
    if let Obj::Class(c) = &*types.dict {
        let fk = c.dict.borrow().get("fromkeys").cloned().unwrap();
        c.dict.borrow_mut().insert(Rc::from("fromkeys"), Value::obj(Obj::ClassMethod(fk)));
    }
}
