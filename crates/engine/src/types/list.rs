//! `list` (and `tuple`'s `index`/`count`) methods, and the one sort both `list.sort` and
//! `sorted()` use: stable, key functions, CPython's errors when items do not compare.

use crate::types::args::{arg, arity, as_int, kwarg, Args, Kwargs};
use crate::types::class::{set_method, Types};
use crate::types::value::NativeFn;
use crate::types::value::{Obj, Value};
use crate::vm::items::seq_index;
use crate::vm::{tuple_items, PyResult, Vm};
use std::cell::RefCell;

fn list_of(v: &Value) -> Option<&RefCell<Vec<Value>>> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::List(l) => Some(l),
            _ => None,
        },
        _ => None,
    }
}

pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<Value>, reverse: bool) -> PyResult<()> {
    let keys: Vec<Value> = match &key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call(k.clone(), vec![it.clone()], vec![])?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut error = None;
    // Stable merge sort on indices; comparisons may call Python and fail.
    idx.sort_by(|&a, &b| {
        if error.is_some() {
            return std::cmp::Ordering::Equal;
        }
        let (x, y) = if reverse { (&keys[b], &keys[a]) } else { (&keys[a], &keys[b]) };
        match crate::vm::ops::order(vm, awaitlab_syntax::ast::CmpOp::Lt, x, y) {
            Ok(true) => std::cmp::Ordering::Less,
            Ok(false) => match crate::vm::ops::order(vm, awaitlab_syntax::ast::CmpOp::Lt, y, x) {
                Ok(true) => std::cmp::Ordering::Greater,
                Ok(false) => std::cmp::Ordering::Equal,
                Err(e) => {
                    error = Some(e);
                    std::cmp::Ordering::Equal
                }
            },
            Err(e) => {
                error = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

fn this_list(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.first() {
        Some(v @ Value::Obj(o)) if matches!(&**o, Obj::List(_)) => Ok(v.clone()),
        _ => vm.type_error("descriptor requires a 'list' object"),
    }
}

pub(crate) fn append(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    arity(vm, &args, 2, 2, "append")?;
    list_of(&l).unwrap().borrow_mut().push(args[1].clone());
    Ok(Value::None)
}

pub(crate) fn extend(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    let items = {
        let a_ = arg(vm, &args, 1, "extend")?;
        vm.collect_iter(&a_)
    }?;
    list_of(&l).unwrap().borrow_mut().extend(items);
    Ok(Value::None)
}

pub(crate) fn insert(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    arity(vm, &args, 3, 3, "insert")?;
    let i = as_int(vm, &args[1])?;
    let cell = list_of(&l).unwrap();
    let n = cell.borrow().len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    cell.borrow_mut().insert(pos, args[2].clone());
    Ok(Value::None)
}

pub(crate) fn pop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    let cell = list_of(&l).unwrap();
    let n = cell.borrow().len();
    if n == 0 {
        return vm.err("IndexError", "pop from empty list");
    }
    let i = match args.get(1) {
        Some(i) => seq_index(vm, n, i, "pop").map_err(|_| ()).or_else(|_| vm.err("IndexError", "pop index out of range"))?,
        None => n - 1,
    };
    let item = cell.borrow_mut().remove(i);
    Ok(item)
}

pub(crate) fn remove(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    let x = arg(vm, &args, 1, "remove")?;
    let items = list_of(&l).unwrap().borrow().clone();
    for (i, it) in items.iter().enumerate() {
        if it.is(&x) || vm.eq(it, &x)? {
            list_of(&l).unwrap().borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    vm.err("ValueError", "list.remove(x): x not in list")
}

pub(crate) fn index(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = arg(vm, &args, 1, "index")?;
    let items = tuple_items(&args[0]);
    for (i, it) in items.iter().enumerate() {
        if it.is(&x) || vm.eq(it, &x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    match &args[0] {
        Value::Obj(o) if matches!(&**o, Obj::Tuple(_)) => vm.err("ValueError", "tuple.index(x): x not in tuple"),
        _ => {
            let r = vm.repr(&x)?;
            vm.err("ValueError", format!("{r} is not in list"))
        }
    }
}

pub(crate) fn count(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = arg(vm, &args, 1, "count")?;
    let mut n = 0;
    for it in tuple_items(&args[0]) {
        if it.is(&x) || vm.eq(&it, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

pub(crate) fn sort(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    let mut items = list_of(&l).unwrap().borrow().clone();
    let key = kwarg(&kwargs, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(&kwargs, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    sort_values(vm, &mut items, key, reverse)?;
    *list_of(&l).unwrap().borrow_mut() = items;
    Ok(Value::None)
}

pub(crate) fn reverse(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    list_of(&l).unwrap().borrow_mut().reverse();
    Ok(Value::None)
}

pub(crate) fn clear(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    let mut items = std::mem::take(&mut *list_of(&l).unwrap().borrow_mut());
    // As CPython's list_clear: the last item is freed first.
    while let Some(item) = items.pop() {
        drop(item);
    }
    Ok(Value::None)
}

pub(crate) fn copy(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    let items = list_of(&l).unwrap().borrow().clone();
    Ok(Value::list(items))
}

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    // The commonest calls of all; they run no Python (`Builtin::leaf`).
    crate::types::class::set_leaf_method(&types.list, "append", append);
    crate::types::class::set_leaf_method(&types.list, "pop", pop);
    for (n, f) in [
        ("extend", extend as NativeFn),
        ("insert", insert),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("sort", sort),
        ("reverse", reverse),
        ("clear", clear),
        ("copy", copy),
    ] {
        set_method(&types.list, n, f);
    }
    set_method(&types.tuple, "index", index);
    set_method(&types.tuple, "count", count);
}
