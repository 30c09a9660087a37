//! `bytearray`: bytes that change. Its bytes methods are `bytes.rs`'s (they return a bytearray
//! for a bytearray); here are the mutators, indexing, item assignment and deletion, and
//! `+`, `*`, `+=`, `*=`. A memoryview exporting it forbids resizing (`ByteArray::resizable`).

use crate::types::args::{as_int, Args, Kwargs};
use crate::types::buffer::{byte_value, bytearray_value, bytes_like, bytes_of_ints, ByteArray};
use crate::types::class::{set_method, Types};
use crate::types::value::{NativeFn, Obj, Value};
use crate::vm::items::{seq_index, slice_indices, slice_positions};
use crate::vm::{PyResult, Vm};
use awaitlab_syntax::ast::BinOp;

fn this<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a ByteArray> {
    match args.first() {
        Some(Value::Obj(o)) => match &**o {
            Obj::ByteArray(b) => Ok(b),
            _ => vm.type_error("descriptor requires a 'bytearray' object"),
        },
        _ => vm.type_error("descriptor requires a 'bytearray' object"),
    }
}

/// The one argument of `append`, `extend` and `remove`, with CPython's message for another count.
fn one<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<&'a Value> {
    match args.get(1..) {
        Some([v]) => Ok(v),
        _ => vm.type_error(format!("bytearray.{name}() takes exactly one argument ({} given)", args.len().saturating_sub(1))),
    }
}

fn append(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let v = one(vm, &args, "append")?;
    let b = this(vm, &args)?;
    let byte = byte_value(vm, v)?;
    b.resizable(vm)?;
    b.data.borrow_mut().push(byte);
    Ok(Value::None)
}

/// The bytes `extend`, `+=` and slice assignment take: a bytes-like object or ints.
fn incoming(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(b) = bytes_like(vm, v)? {
        return Ok(Some(b));
    }
    match v {
        Value::Obj(_) | Value::Str(_) => Ok(Some(bytes_of_ints(vm, v, "byte must be in range(0, 256)")?)),
        _ => Ok(None),
    }
}

fn extend(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let v = one(vm, &args, "extend")?;
    let b = this(vm, &args)?;
    let Some(more) = incoming(vm, v)? else {
        let t = vm.type_name(v);
        return vm.type_error(format!("can't extend bytearray with {t}"));
    };
    b.resizable(vm)?;
    vm.check_room(more.len())?;
    b.data.borrow_mut().extend(more);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    if args.len() != 3 {
        return vm.type_error(format!("insert expected 2 arguments, got {}", args.len().saturating_sub(1)));
    }
    let b = this(vm, &args)?;
    let index = as_int(vm, &args[1])?;
    let byte = byte_value(vm, &args[2])?;
    b.resizable(vm)?;
    let mut data = b.data.borrow_mut();
    let n = data.len() as i64;
    let at = if index < 0 { (index + n).max(0) } else { index.min(n) };
    data.insert(at as usize, byte);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let b = this(vm, &args)?;
    let n = b.data.borrow().len();
    if n == 0 {
        return vm.err("IndexError", "pop from empty bytearray");
    }
    let index = match args.get(1) {
        Some(i) => as_int(vm, i)?,
        None => -1,
    };
    let at = if index < 0 { index + n as i64 } else { index };
    if at < 0 || at >= n as i64 {
        return vm.err("IndexError", "pop index out of range");
    }
    b.resizable(vm)?;
    Ok(Value::Int(b.data.borrow_mut().remove(at as usize) as i64))
}

fn remove(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let v = one(vm, &args, "remove")?;
    let b = this(vm, &args)?;
    let byte = byte_value(vm, v)?;
    let Some(at) = b.data.borrow().iter().position(|&x| x == byte) else {
        return vm.err("ValueError", "value not found in bytearray");
    };
    b.resizable(vm)?;
    b.data.borrow_mut().remove(at);
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let b = this(vm, &args)?;
    b.resizable(vm)?;
    b.data.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let b = this(vm, &args)?;
    Ok(bytearray_value(b.data.borrow().clone()))
}

fn reverse(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    this(vm, &args)?.data.borrow_mut().reverse();
    Ok(Value::None)
}

/// `bytearray.fromhex(s)`: bytes.fromhex's parsing, as a bytearray.
fn fromhex(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let parsed = crate::types::bytes::fromhex(vm, args, kwargs)?;
    Ok(bytearray_value(crate::types::buffer::with_bytes(&parsed, <[u8]>::to_vec).unwrap_or_default()))
}

/// `ba[i]` (an int) and `ba[a:b:c]` (a new bytearray).
pub fn get_item(vm: &mut Vm, b: &ByteArray, idx: &Value) -> PyResult {
    let n = b.data.borrow().len();
    if let Value::Obj(io) = idx {
        if let Obj::Slice(x, y, z) = &**io {
            let (start, stop, step) = slice_indices(vm, n, x, y, z)?;
            let data = b.data.borrow();
            return Ok(bytearray_value(slice_positions(start, stop, step).into_iter().map(|i| data[i]).collect()));
        }
    }
    let i = seq_index(vm, n, idx, "bytearray")?;
    Ok(Value::Int(b.data.borrow()[i] as i64))
}

/// `ba[i] = byte`, `ba[a:b] = bytes_like` (resizing it) and `ba[a:b:c] = ...` (same size).
pub fn set_item(vm: &mut Vm, b: &ByteArray, idx: &Value, v: &Value) -> PyResult<()> {
    let n = b.data.borrow().len();
    let Value::Obj(io) = idx else { return set_one(vm, b, n, idx, v) };
    let Obj::Slice(x, y, z) = &**io else { return set_one(vm, b, n, idx, v) };
    let (start, stop, step) = slice_indices(vm, n, x, y, z)?;
    let new = match v {
        Value::Str(_) => None,
        _ => incoming(vm, v)?,
    };
    let Some(new) = new else {
        return vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    };
    if step == 1 {
        let stop = stop.max(start) as usize;
        if new.len() != stop - start as usize {
            b.resizable(vm)?;
        }
        b.data.borrow_mut().splice(start as usize..stop, new);
        return Ok(());
    }
    let pos = slice_positions(start, stop, step);
    if pos.len() != new.len() {
        return vm.err("ValueError", format!("attempt to assign bytes of size {} to extended slice of size {}", new.len(), pos.len()));
    }
    let mut data = b.data.borrow_mut();
    for (p, x) in pos.into_iter().zip(new) {
        data[p] = x;
    }
    Ok(())
}

fn set_one(vm: &mut Vm, b: &ByteArray, n: usize, idx: &Value, v: &Value) -> PyResult<()> {
    let i = seq_index(vm, n, idx, "bytearray")?;
    let byte = byte_value(vm, v)?;
    b.data.borrow_mut()[i] = byte;
    Ok(())
}

/// `del ba[i]` and `del ba[a:b:c]`.
pub fn del_item(vm: &mut Vm, b: &ByteArray, idx: &Value) -> PyResult<()> {
    let n = b.data.borrow().len();
    let mut gone = match idx {
        Value::Obj(io) if matches!(&**io, Obj::Slice(..)) => {
            let Obj::Slice(x, y, z) = &**io else { unreachable!() };
            let (start, stop, step) = slice_indices(vm, n, x, y, z)?;
            slice_positions(start, stop, step)
        }
        _ => vec![seq_index(vm, n, idx, "bytearray")?],
    };
    if gone.is_empty() {
        return Ok(());
    }
    b.resizable(vm)?;
    gone.sort_unstable();
    let mut data = b.data.borrow_mut();
    for p in gone.into_iter().rev() {
        data.remove(p);
    }
    Ok(())
}

/// `ba + x`, `ba * n`, `n * ba` and their in-place forms (None: not a bytearray's operation).
pub fn binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Option<Value>> {
    let (ba, other) = match (a, b) {
        (Value::Obj(o), _) if matches!(&**o, Obj::ByteArray(_)) => (o, b),
        (_, Value::Obj(o)) if op == BinOp::Mul && matches!(&**o, Obj::ByteArray(_)) => (o, a),
        _ => return Ok(None),
    };
    let Obj::ByteArray(this) = &**ba else { return Ok(None) };
    let result = match op {
        BinOp::Add => {
            let Some(more) = bytes_like(vm, other)? else {
                let t = vm.type_name(other);
                return vm.type_error(format!("can't concat {t} to bytearray"));
            };
            vm.check_room(this.data.borrow().len() + more.len())?;
            if inplace {
                this.resizable(vm)?;
                this.data.borrow_mut().extend(more);
                return Ok(Some(a.clone()));
            }
            let mut out = this.data.borrow().clone();
            out.extend(more);
            out
        }
        BinOp::Mul if matches!(other, Value::Int(_) | Value::Bool(_)) => {
            let n = as_int(vm, other)?.max(0) as usize;
            let len = this.data.borrow().len();
            if len.saturating_mul(n) > 100_000_000 {
                return vm.err("MemoryError", "bytearray too large");
            }
            vm.check_room(len * n)?;
            let out = this.data.borrow().repeat(n);
            if inplace {
                if n != 1 {
                    this.resizable(vm)?;
                }
                *this.data.borrow_mut() = out;
                return Ok(Some(a.clone()));
            }
            out
        }
        _ => return Ok(None),
    };
    Ok(Some(bytearray_value(result)))
}

pub(crate) fn register(types: &Types) {
    for (n, f) in crate::types::bytes::METHODS {
        set_method(&types.bytearray, n, f);
    }
    for (n, f) in [
        ("append", append as NativeFn),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("clear", clear),
        ("copy", copy),
        ("reverse", reverse),
        ("fromhex", fromhex),
    ] {
        set_method(&types.bytearray, n, f);
    }
}
