//! `collections.deque`: a native double-ended queue with an optional maximum length.

use crate::types::args::{arg, as_int, Args, Kwargs};
use crate::types::class::{set_method, Types};
use crate::types::value::NativeFn;
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

fn this_deque(vm: &mut Vm, args: &Args) -> PyResult<(Value, Option<usize>)> {
    match args.first() {
        Some(v @ Value::Obj(o)) => match &**o {
            Obj::Deque(_, m) => Ok((v.clone(), *m)),
            _ => vm.type_error("descriptor requires a 'deque' object"),
        },
        _ => vm.type_error("descriptor requires a 'deque' object"),
    }
}

fn with_deque<R>(v: &Value, f: impl FnOnce(&mut std::collections::VecDeque<Value>) -> R) -> R {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Deque(d, _) => f(&mut d.borrow_mut()),
            _ => unreachable!(),
        },
        _ => unreachable!(),
    }
}

pub(crate) fn append(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, max) = this_deque(vm, &args)?;
    let x = arg(vm, &args, 1, "append")?;
    with_deque(&d, |q| {
        q.push_back(x);
        if max.is_some_and(|m| q.len() > m) {
            q.pop_front();
        }
    });
    Ok(Value::None)
}

pub(crate) fn appendleft(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, max) = this_deque(vm, &args)?;
    let x = arg(vm, &args, 1, "appendleft")?;
    with_deque(&d, |q| {
        q.push_front(x);
        if max.is_some_and(|m| q.len() > m) {
            q.pop_back();
        }
    });
    Ok(Value::None)
}

pub(crate) fn pop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, _) = this_deque(vm, &args)?;
    match with_deque(&d, |q| q.pop_back()) {
        Some(v) => Ok(v),
        None => vm.err("IndexError", "pop from an empty deque"),
    }
}

pub(crate) fn popleft(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, _) = this_deque(vm, &args)?;
    match with_deque(&d, |q| q.pop_front()) {
        Some(v) => Ok(v),
        None => vm.err("IndexError", "pop from an empty deque"),
    }
}

pub(crate) fn extend(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, max) = this_deque(vm, &args)?;
    let items = {
        let a_ = arg(vm, &args, 1, "extend")?;
        vm.collect_iter(&a_)
    }?;
    with_deque(&d, |q| {
        for x in items {
            q.push_back(x);
            if max.is_some_and(|m| q.len() > m) {
                q.pop_front();
            }
        }
    });
    Ok(Value::None)
}

pub(crate) fn clear(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, _) = this_deque(vm, &args)?;
    with_deque(&d, |q| q.clear());
    Ok(Value::None)
}

pub(crate) fn remove(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, _) = this_deque(vm, &args)?;
    let x = arg(vm, &args, 1, "remove")?;
    // Identity first (asyncio removes the very future it appended) without copying the deque.
    if let Some(i) = with_deque(&d, |q| q.iter().position(|it| it.is(&x))) {
        with_deque(&d, |q| q.remove(i));
        return Ok(Value::None);
    }
    let items: Vec<Value> = with_deque(&d, |q| q.iter().cloned().collect());
    for (i, it) in items.iter().enumerate() {
        if it.is(&x) || vm.eq(it, &x)? {
            with_deque(&d, |q| q.remove(i));
            return Ok(Value::None);
        }
    }
    vm.err("ValueError", "deque.remove(x): x not in deque")
}

pub(crate) fn rotate(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, _) = this_deque(vm, &args)?;
    let n = match args.get(1) {
        Some(n) => as_int(vm, n)?,
        None => 1,
    };
    with_deque(&d, |q| {
        if q.is_empty() {
            return;
        }
        let len = q.len() as i64;
        let k = n.rem_euclid(len) as usize;
        q.rotate_right(k);
    });
    Ok(Value::None)
}

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    // A queue's hot path; they run no Python (`Builtin::leaf`).
    for (n, f) in [("append", append as NativeFn), ("appendleft", appendleft), ("pop", pop), ("popleft", popleft)] {
        crate::types::class::set_leaf_method(&types.deque, n, f);
    }
    for (n, f) in [("extend", extend as NativeFn), ("clear", clear), ("remove", remove), ("rotate", rotate)] {
        set_method(&types.deque, n, f);
    }
}
