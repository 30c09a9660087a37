//! `set` and `frozenset` methods over the shared hash table (`set_table.rs`).

use crate::types::args::{arg, Args, Kwargs};
use crate::types::class::{set_method, Types};
use crate::types::native::NativeObj;
use crate::types::value::NativeFn;
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// set_update_internal: another set merged (its layout kept where it can be), a dict's keys
/// after one resize for its size, any other iterable's items one by one.
pub fn set_update_from(vm: &mut Vm, target: &Value, src: &Value) -> PyResult<()> {
    let Value::Obj(t) = target else { return Ok(()) };
    let Obj::Set(cell) = &**t else { return Ok(()) };
    if let Value::Obj(o) = src {
        match &**o {
            Obj::Set(other) => {
                if Rc::ptr_eq(t, o) {
                    return Ok(());
                }
                let other = other.borrow().clone();
                cell.borrow_mut().merge(&other);
                return Ok(());
            }
            Obj::FrozenSet(other) => {
                cell.borrow_mut().merge(other);
                return Ok(());
            }
            Obj::Dict(d) => {
                let d = d.borrow();
                cell.borrow_mut().update_from_dict(d.keys());
                return Ok(());
            }
            _ => {}
        }
    }
    for item in vm.collect_iter(src)? {
        let k = vm.set_key(&cell.borrow(), item)?;
        cell.borrow_mut().add(k);
    }
    Ok(())
}

/// The entries of a set, a frozenset or a dict's keys view, as a set.
pub fn set_items(v: &Value) -> Option<crate::types::set_table::PySet> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Set(s) => Some(s.borrow().clone()),
            Obj::FrozenSet(s) => Some(s.clone()),
            Obj::Native(NativeObj::DictView(0, d)) => match &**d {
                Obj::Dict(m) => Some(m.borrow().keys().cloned().collect()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

fn this_set(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.first() {
        Some(v @ Value::Obj(o)) if matches!(&**o, Obj::Set(_)) => Ok(v.clone()),
        _ => vm.type_error("descriptor requires a 'set' object"),
    }
}

pub(crate) fn set_of(v: &Value) -> Option<&RefCell<crate::types::set_table::PySet>> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Set(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// The table of a set or frozenset `v`.
fn table_of(v: &Value) -> Option<crate::types::set_table::PySet> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Set(s) => Some(s.borrow().clone()),
            Obj::FrozenSet(s) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `other` as a set: itself if it is one, else a new set of its items (make_new_set).
fn as_table(vm: &mut Vm, other: &Value) -> PyResult<crate::types::set_table::PySet> {
    if let Some(t) = table_of(other) {
        return Ok(t);
    }
    let set = Value::obj(Obj::Set(RefCell::new(crate::types::set_table::PySet::new())));
    crate::types::set::set_update_from(vm, &set, other)?;
    let table = set_of(&set).unwrap().borrow().clone();
    Ok(table)
}

/// `as_table(other)` with its keys as `this` holds them (`Vm::aligned_set`).
fn other_table(vm: &mut Vm, this: &crate::types::set_table::PySet, other: &Value) -> PyResult<crate::types::set_table::PySet> {
    let table = as_table(vm, other)?;
    vm.aligned_set(this, table)
}

/// A result of the receiver's own type (set or frozenset).
fn same_kind(receiver: &Value, table: crate::types::set_table::PySet) -> Value {
    match receiver {
        Value::Obj(o) if matches!(&**o, Obj::FrozenSet(_)) => Value::obj(Obj::FrozenSet(table)),
        _ => Value::obj(Obj::Set(RefCell::new(table))),
    }
}

pub(crate) fn add(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    let a_ = arg(vm, &args, 1, "add")?;
    let cell = set_of(&s).unwrap();
    let k = vm.set_key(&cell.borrow(), a_)?;
    cell.borrow_mut().add(k);
    Ok(Value::None)
}

fn remove_impl(vm: &mut Vm, args: Args, raise: bool) -> PyResult {
    let s = this_set(vm, &args)?;
    let x = arg(vm, &args, 1, "remove")?;
    let cell = set_of(&s).unwrap();
    let k = vm.set_key(&cell.borrow(), x.clone())?;
    if cell.borrow_mut().discard(&k).is_none() && raise {
        let c = vm.types.exc("KeyError");
        return Err(crate::types::exceptions::instantiate(&c, vec![x]));
    }
    Ok(Value::None)
}

pub(crate) fn remove(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    remove_impl(vm, args, true)
}

pub(crate) fn discard(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    remove_impl(vm, args, false)
}

pub(crate) fn pop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    let popped = set_of(&s).unwrap().borrow_mut().pop();
    match popped {
        Some(k) => Ok(k.value),
        None => vm.err("KeyError", "pop from an empty set"),
    }
}

pub(crate) fn update(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    for src in &args[1..] {
        crate::types::set::set_update_from(vm, &s, src)?;
    }
    Ok(Value::None)
}

fn any_set(vm: &mut Vm, args: &Args, name: &str) -> PyResult<crate::types::set_table::PySet> {
    match args.first().and_then(table_of) {
        Some(t) => Ok(t),
        None => vm.type_error(format!("descriptor '{name}' requires a 'set' object")),
    }
}

pub(crate) fn union(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    // A copy, updated with each argument as set.update does it.
    let out = Value::obj(Obj::Set(RefCell::new(any_set(vm, &args, "union")?.copy())));
    for other in &args[1..] {
        crate::types::set::set_update_from(vm, &out, other)?;
    }
    let table = set_of(&out).unwrap().borrow().clone();
    Ok(same_kind(&args[0], table))
}

pub(crate) fn intersection(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let mut out = any_set(vm, &args, "intersection")?;
    if args.len() == 1 {
        return Ok(same_kind(&args[0], out.copy()));
    }
    for other in &args[1..] {
        out = match table_of(other) {
            Some(o) => crate::types::set_table::intersection(&out, &vm.aligned_set(&out, o)?),
            // Another iterable: its items, in its order, that the set has.
            None => {
                let mut r = crate::types::set_table::PySet::new();
                for item in vm.collect_iter(other)? {
                    let k = vm.set_key(&out, item)?;
                    if out.contains(&k) {
                        r.add(k);
                    }
                }
                r
            }
        };
    }
    Ok(same_kind(&args[0], out))
}

pub(crate) fn difference(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let mut out = any_set(vm, &args, "difference")?;
    if args.len() == 1 {
        return Ok(same_kind(&args[0], out.copy()));
    }
    for (i, other) in args[1..].iter().enumerate() {
        match table_of(other) {
            Some(o) if i == 0 => out = crate::types::set_table::difference(&out, &vm.aligned_set(&out, o)?),
            Some(o) => {
                let o = vm.aligned_set(&out, o)?;
                crate::types::set_table::difference_update(&mut out, &o)
            }
            None => {
                if i == 0 {
                    out = out.copy();
                }
                for item in vm.collect_iter(other)? {
                    let k = vm.set_key(&out, item)?;
                    out.discard(&k);
                }
                out.sweep_dummies();
            }
        }
    }
    Ok(same_kind(&args[0], out))
}

pub(crate) fn symmetric_difference(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let this = any_set(vm, &args, "symmetric_difference")?;
    let a_ = arg(vm, &args, 1, "symmetric_difference")?;
    // make_new_set(other): a set argument is copied, any other iterable's items added.
    let mut out = match table_of(&a_) {
        Some(t) => t.copy(),
        None => as_table(vm, &a_)?,
    };
    let this = vm.aligned_set(&out, this)?;
    crate::types::set_table::symmetric_difference_update(&mut out, &this);
    Ok(same_kind(&args[0], out))
}

pub(crate) fn intersection_update(vm: &mut Vm, args: Args, kw: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    let result = intersection(vm, args, kw)?;
    let table = set_of(&result).unwrap().borrow().clone();
    set_of(&s).unwrap().borrow_mut().replace_body(table);
    Ok(Value::None)
}

pub(crate) fn difference_update(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    for other in &args[1..] {
        let this = set_of(&s).unwrap().borrow().clone();
        let o = other_table(vm, &this, other)?;
        crate::types::set_table::difference_update(&mut set_of(&s).unwrap().borrow_mut(), &o);
    }
    Ok(Value::None)
}

pub(crate) fn symmetric_difference_update(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    let a_ = arg(vm, &args, 1, "symmetric_difference_update")?;
    let this = set_of(&s).unwrap().borrow().clone();
    let o = other_table(vm, &this, &a_)?;
    crate::types::set_table::symmetric_difference_update(&mut set_of(&s).unwrap().borrow_mut(), &o);
    Ok(Value::None)
}

pub(crate) fn issubset(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let this = any_set(vm, &args, "issubset")?;
    let a_ = arg(vm, &args, 1, "issubset")?;
    let other = other_table(vm, &this, &a_)?;
    let result = this.iter().all(|k| other.contains(k));
    Ok(Value::Bool(result))
}

pub(crate) fn issuperset(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let this = any_set(vm, &args, "issuperset")?;
    let a_ = arg(vm, &args, 1, "issuperset")?;
    let other = other_table(vm, &this, &a_)?;
    let result = other.iter().all(|k| this.contains(k));
    Ok(Value::Bool(result))
}

pub(crate) fn isdisjoint(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let this = any_set(vm, &args, "isdisjoint")?;
    let a_ = arg(vm, &args, 1, "isdisjoint")?;
    let other = other_table(vm, &this, &a_)?;
    let result = !this.iter().any(|k| other.contains(k));
    Ok(Value::Bool(result))
}

pub(crate) fn copy(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let this = any_set(vm, &args, "copy")?;
    Ok(same_kind(&args[0], this.copy()))
}

pub(crate) fn clear(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    set_of(&s).unwrap().borrow_mut().clear();
    Ok(Value::None)
}

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    for (n, f) in [
        ("add", add as NativeFn),
        ("remove", remove),
        ("discard", discard),
        ("pop", pop),
        ("update", update),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
        ("copy", copy),
        ("clear", clear),
    ] {
        set_method(&types.set, n, f);
    }
    for (n, f) in [
        ("union", union as NativeFn),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("copy", copy),
    ] {
        set_method(&types.frozenset, n, f);
    }
}
