//! Builtins over iterables: `len`, `min`/`max`, `sum`, `any`/`all`, `sorted`, `reversed`,
//! `enumerate`, `zip`, `map`, `filter`, `iter`/`next`, `aiter`/`anext`.

use crate::types::args::{arity, as_int, kwarg, Args, Kwargs};
use crate::types::dict::keys_of;
use crate::types::list::sort_values;
use crate::types::value::{IterState, Namespace, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub(crate) fn len(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "len")?;
    Ok(Value::Int(vm.len(&args[0])? as i64))
}

fn minmax(vm: &mut Vm, args: Args, kwargs: Kwargs, is_max: bool) -> PyResult {
    let name = if is_max { "max" } else { "min" };
    let key = kwarg(&kwargs, "key").filter(|k| !k.is_none());
    let default = kwarg(&kwargs, "default");
    let items = if args.len() == 1 { vm.collect_iter(&args[0])? } else { args };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => vm.err("ValueError", format!("{name}() iterable argument is empty")),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k.clone(), vec![best.clone()], vec![])?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf.clone(), vec![it.clone()], vec![])?,
            None => it.clone(),
        };
        let op = if is_max { awaitlab_syntax::ast::CmpOp::Gt } else { awaitlab_syntax::ast::CmpOp::Lt };
        if crate::vm::ops::order(vm, op, &k, &best_key)? {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

pub(crate) fn max(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    minmax(vm, args, kwargs, true)
}

pub(crate) fn min(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    minmax(vm, args, kwargs, false)
}

pub(crate) fn sum(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "sum")?;
    let mut acc = args.get(1).cloned().or_else(|| kwarg(&kwargs, "start")).unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return vm.type_error("sum() can't sum strings [use ''.join(seq) instead]");
    }
    let it = vm.get_iter(&args[0])?;
    loop {
        // CPython 3.12: once the total is a float, floats are added with Neumaier's compensated
        // summation (sum([0.1, 0.2, 0.3]) == 0.6) and ints as doubles, until another type comes.
        if let Value::Float(mut total) = acc {
            let mut compensation = 0.0;
            let compensated = |total: f64, c: f64| if c != 0.0 && c.is_finite() { total + c } else { total };
            loop {
                match vm.next(&it)? {
                    None => return Ok(Value::Float(compensated(total, compensation))),
                    Some(Value::Float(x)) => {
                        let t = total + x;
                        compensation += if total.abs() >= x.abs() { (total - t) + x } else { (x - t) + total };
                        total = t;
                    }
                    Some(Value::Int(i)) => total += i as f64,
                    Some(other) => {
                        let so_far = Value::Float(compensated(total, compensation));
                        acc = vm.binary(awaitlab_syntax::ast::BinOp::Add, so_far, other, false)?;
                        break;
                    }
                }
            }
            continue;
        }
        match vm.next(&it)? {
            None => return Ok(acc),
            Some(x) => acc = vm.binary(awaitlab_syntax::ast::BinOp::Add, acc, x, false)?,
        }
    }
}

fn any_all(vm: &mut Vm, args: Args, want: bool) -> PyResult {
    let it = vm.get_iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? == want {
            return Ok(Value::Bool(want));
        }
    }
    Ok(Value::Bool(!want))
}

pub(crate) fn any(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "any")?;
    any_all(vm, args, true)
}

pub(crate) fn all(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "all")?;
    any_all(vm, args, false)
}

pub(crate) fn sorted(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "sorted")?;
    let mut items = vm.collect_iter(&args[0])?;
    let key = kwarg(&kwargs, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(&kwargs, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    sort_values(vm, &mut items, key, reverse)?;
    Ok(Value::list(items))
}

pub(crate) fn reversed(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "reversed")?;
    let v = &args[0];
    if let Value::Obj(o) = v {
        if let Obj::Instance(_) = &**o {
            if let Some(m) = vm.lookup_method(v, "__reversed__")? {
                return vm.call(m, vec![v.clone()], vec![]);
            }
        }
        if let Some(m) = vm.meta_method(v, "__reversed__") {
            return vm.call(m, vec![v.clone()], vec![]);
        }
        if let Obj::Dict(_) = &**o {
            let mut keys = keys_of(v);
            keys.reverse();
            return Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Values(keys.into())))));
        }
    }
    let n = vm.len(v)?;
    Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Reversed { seq: v.clone(), index: n }))))
}

pub(crate) fn enumerate(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "enumerate")?;
    let start = match args.get(1).cloned().or_else(|| kwarg(&kwargs, "start")) {
        Some(s) => as_int(vm, &s)?,
        None => 0,
    };
    let inner = vm.get_iter(&args[0])?;
    Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Enumerate { inner, count: start }))))
}

pub(crate) fn zip(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let strict = match kwarg(&kwargs, "strict") {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let mut inners = vec![];
    for a in &args {
        inners.push(vm.get_iter(a)?);
    }
    if inners.is_empty() {
        return Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Exhausted))));
    }
    Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Zip { inners, strict }))))
}

pub(crate) fn map(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    if args.len() < 2 {
        return vm.type_error("map() must have at least two arguments.");
    }
    let mut inners = vec![];
    for a in &args[1..] {
        inners.push(vm.get_iter(a)?);
    }
    Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Map { func: args[0].clone(), inners }))))
}

pub(crate) fn filter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "filter")?;
    let inner = vm.get_iter(&args[1])?;
    Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Filter { func: args[0].clone(), inner }))))
}

pub(crate) fn iter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "iter")?;
    vm.get_iter(&args[0])
}

pub(crate) fn aiter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "aiter")?;
    let Ok(method) = vm.get_attr(&args[0], "__aiter__") else {
        let t = vm.type_name(&args[0]);
        return vm.type_error(format!("'{t}' object is not an async iterable"));
    };
    vm.call(method, vec![], vec![])
}

/// `anext(it[, default])`: the awaitable of `it.__anext__()`; with a default, one that gives
/// the default instead of raising StopAsyncIteration.
pub(crate) fn anext(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "anext")?;
    let Ok(method) = vm.get_attr(&args[0], "__anext__") else {
        let t = vm.type_name(&args[0]);
        return vm.type_error(format!("'{t}' object is not an async iterator"));
    };
    let awaitable = vm.call(method, vec![], vec![])?;
    let Some(default) = args.get(1).cloned() else { return Ok(awaitable) };
    const HELPER: &str = "async def anext(awaitable, default):\n    try:\n        return await awaitable\n    except StopAsyncIteration:\n        return default\n";
    let ns = Rc::new(RefCell::new(Namespace::default()));
    crate::vm::source::exec_source(vm, HELPER, "<builtins>", ns.clone())?;
    let helper = ns.borrow().get("anext").cloned().unwrap_or(Value::None);
    vm.call(helper, vec![awaitable, default], vec![])
}

pub(crate) fn next(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "next")?;
    vm.next_or_default(&args[0], args.get(1))
}
