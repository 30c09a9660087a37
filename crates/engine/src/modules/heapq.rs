//! `heapq`, native, with CPython's comparisons (only `<`).

use crate::modules::{funcs, new_module, Module};
use crate::types::args::{arg, arity, as_int, kwarg, Args, Kwargs};
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

fn heap_list(vm: &mut Vm, v: &Value) -> PyResult<Rc<Obj>> {
    match v {
        Value::Obj(o) if matches!(&**o, Obj::List(_)) => Ok(o.clone()),
        _ => vm.type_error("heap argument must be a list"),
    }
}

fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    crate::vm::ops::order(vm, awaitlab_syntax::ast::CmpOp::Lt, a, b)
}

fn sift_down(vm: &mut Vm, heap: &mut [Value], start: usize, mut pos: usize) -> PyResult<()> {
    let item = heap[pos].clone();
    while pos > start {
        let parent = (pos - 1) >> 1;
        if lt(vm, &item, &heap[parent])? {
            heap[pos] = heap[parent].clone();
            pos = parent;
            continue;
        }
        break;
    }
    heap[pos] = item;
    Ok(())
}

fn sift_up(vm: &mut Vm, heap: &mut [Value], mut pos: usize) -> PyResult<()> {
    let end = heap.len();
    let start = pos;
    let item = heap[pos].clone();
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !lt(vm, &heap[child], &heap[right])? {
            child = right;
        }
        heap[pos] = heap[child].clone();
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = item;
    sift_down(vm, heap, start, pos)
}

pub(crate) fn heappush(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "heappush")?;
    let l = heap_list(vm, &args[0])?;
    let Obj::List(cell) = &*l else { unreachable!() };
    let mut heap = cell.borrow().clone();
    heap.push(args[1].clone());
    let n = heap.len() - 1;
    sift_down(vm, &mut heap, 0, n)?;
    *cell.borrow_mut() = heap;
    Ok(Value::None)
}

pub(crate) fn heappop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "heappop")?;
    let l = heap_list(vm, &args[0])?;
    let Obj::List(cell) = &*l else { unreachable!() };
    let mut heap = cell.borrow().clone();
    let Some(last) = heap.pop() else { return vm.err("IndexError", "index out of range") };
    let ret = if heap.is_empty() {
        last
    } else {
        let r = std::mem::replace(&mut heap[0], last);
        sift_up(vm, &mut heap, 0)?;
        r
    };
    *cell.borrow_mut() = heap;
    Ok(ret)
}

fn heapify(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = {
        let a_ = arg(vm, &args, 0, "heapify")?;
        heap_list(vm, &a_)
    }?;
    let Obj::List(cell) = &*l else { unreachable!() };
    let mut heap = cell.borrow().clone();
    for i in (0..heap.len() / 2).rev() {
        sift_up(vm, &mut heap, i)?;
    }
    *cell.borrow_mut() = heap;
    Ok(Value::None)
}

/// heapreplace (pop, then push) and heappushpop (push, then pop), in place as CPython's.
fn push_pop(vm: &mut Vm, args: Args, push_first: bool) -> PyResult {
    arity(vm, &args, 2, 2, if push_first { "heappushpop" } else { "heapreplace" })?;
    let l = heap_list(vm, &args[0])?;
    let Obj::List(cell) = &*l else { unreachable!() };
    let mut heap = cell.borrow().clone();
    let item = args[1].clone();
    if heap.is_empty() {
        return if push_first { Ok(item) } else { vm.err("IndexError", "index out of range") };
    }
    if push_first && !lt(vm, &heap[0], &item)? {
        return Ok(item);
    }
    let top = std::mem::replace(&mut heap[0], item);
    sift_up(vm, &mut heap, 0)?;
    *cell.borrow_mut() = heap;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    push_pop(vm, args, false)
}

fn heappushpop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    push_pop(vm, args, true)
}

/// nsmallest/nlargest: as the docs define them, `sorted(iterable, key=key)[:n]`.
fn best_n(vm: &mut Vm, args: Args, kwargs: Kwargs, largest: bool) -> PyResult {
    arity(vm, &args, 2, 3, if largest { "nlargest" } else { "nsmallest" })?;
    let n = as_int(vm, &args[0])?.max(0) as usize;
    let mut items = vm.collect_iter(&args[1])?;
    let key = args.get(2).cloned().or_else(|| kwarg(&kwargs, "key")).filter(|k| !k.is_none());
    crate::types::list::sort_values(vm, &mut items, key, largest)?;
    items.truncate(n);
    Ok(Value::list(items))
}

fn nsmallest(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    best_n(vm, args, kwargs, false)
}

fn nlargest(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    best_n(vm, args, kwargs, true)
}

/// Makes the module (see `MODULES`).
pub(super) fn load(_vm: &mut Vm, _module: &Module) -> PyResult {
    Ok(new_module(
        "heapq",
        funcs(&[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapify", heapify),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("nsmallest", nsmallest),
            ("nlargest", nlargest),
        ]),
    )
    .0)
}
