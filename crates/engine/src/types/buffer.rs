//! What bytes, bytearray and memoryview share (CPython's buffer protocol, as far as Awaitlab
//! needs one): `bytes_like` reads any of them where CPython takes a "bytes-like object", the
//! constructors' conversions, and a bytearray's count of the memoryviews that export it.

use crate::types::args::{as_int, kwarg, Args, Kwargs};
use crate::types::native::NativeObj;
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

pub struct ByteArray {
    pub data: RefCell<Vec<u8>>,
    /// Memoryviews over it not yet released (CPython's `ob_exports`): while any, it may not
    /// change size.
    pub exports: Cell<usize>,
}

impl ByteArray {
    /// Refuses to resize while a memoryview exports the data, as CPython does.
    pub fn resizable(&self, vm: &mut Vm) -> PyResult<()> {
        if self.exports.get() > 0 {
            return vm.err("BufferError", "Existing exports of data: object cannot be re-sized");
        }
        Ok(())
    }
}

pub fn bytearray_value(data: Vec<u8>) -> Value {
    Value::obj(Obj::ByteArray(ByteArray { data: RefCell::new(data), exports: Cell::new(0) }))
}

/// A new bytes (false) or bytearray (true): the type a bytes method returns follows its receiver.
pub fn new_bytes(bytearray: bool, data: Vec<u8>) -> Value {
    if bytearray {
        bytearray_value(data)
    } else {
        Value::obj(Obj::Bytes(data))
    }
}

pub fn is_bytearray(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, Obj::ByteArray(_)))
}

/// Runs `f` over the bytes of a bytes or bytearray without copying them.
pub fn with_bytes<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Bytes(b) => Some(f(b)),
            Obj::ByteArray(b) => Some(f(&b.data.borrow())),
            _ => None,
        },
        _ => None,
    }
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview), or None for anything else.
pub fn bytes_like(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<u8>>> {
    if let Value::Obj(o) = v {
        if let Obj::Native(NativeObj::MemoryView(m)) = &**o {
            return m.to_bytes(vm).map(Some);
        }
    }
    Ok(with_bytes(v, <[u8]>::to_vec))
}

/// Like `bytes_like`, with CPython's TypeError for anything else.
pub fn need_bytes_like(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(vm, v)? {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            vm.type_error(format!("a bytes-like object is required, not '{t}'"))
        }
    }
}

/// One byte from an int, as `bytearray.append` and item assignment check it.
pub fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = as_int(vm, v)?;
    if !(0..256).contains(&i) {
        return vm.err("ValueError", "byte must be in range(0, 256)");
    }
    Ok(i as u8)
}

/// The bytes of an iterable of ints (`range_msg`: CPython's words for one out of range).
pub fn bytes_of_ints(vm: &mut Vm, v: &Value, range_msg: &str) -> PyResult<Vec<u8>> {
    let items = vm.collect_iter(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let i = as_int(vm, &it)?;
        if !(0..256).contains(&i) {
            return vm.err("ValueError", range_msg);
        }
        out.push(i as u8);
    }
    Ok(out)
}

/// `bytes(...)` and `bytearray(...)`'s argument forms: nothing, a count of zeros, a str with
/// its encoding, a bytes-like object, an iterable of ints.
pub fn construct(vm: &mut Vm, args: &Args, kwargs: &Kwargs, what: &str) -> PyResult<Vec<u8>> {
    let source = args.first().cloned().or_else(|| kwarg(kwargs, "source"));
    let encoding = args.get(1).cloned().or_else(|| kwarg(kwargs, "encoding"));
    let errors = args.get(2).cloned().or_else(|| kwarg(kwargs, "errors"));
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            return vm.type_error("encoding or errors without sequence argument");
        }
        return Ok(vec![]);
    };
    if let Value::Str(_) = source {
        let Some(encoding) = encoding else { return vm.type_error("string argument without an encoding") };
        let encode = vm.get_attr(&source, "encode")?;
        let encoded = vm.call(encode, [Some(encoding), errors].into_iter().flatten().collect(), vec![])?;
        return need_bytes_like(vm, &encoded);
    }
    if encoding.is_some() {
        return vm.type_error("encoding without a string argument");
    }
    if errors.is_some() {
        return vm.type_error("errors without a string argument");
    }
    match &source {
        Value::Int(n) => {
            if *n < 0 {
                return vm.err("ValueError", "negative count");
            }
            vm.check_room(*n as usize)?;
            return Ok(vec![0; *n as usize]);
        }
        Value::Bool(b) => return Ok(vec![0; *b as usize]),
        _ => {}
    }
    if let Some(b) = bytes_like(vm, &source)? {
        return Ok(b);
    }
    let instance = matches!(&source, Value::Obj(o) if matches!(&**o, Obj::Instance(_)));
    if instance && what == "bytes" {
        if let Some(m) = vm.lookup_method(&source, "__bytes__")? {
            let r = vm.call(m, vec![source.clone()], vec![])?;
            return need_bytes_like(vm, &r);
        }
    }
    let iterable = match &source {
        Value::Obj(_) if instance => {
            vm.lookup_method(&source, "__iter__")?.is_some() || vm.lookup_method(&source, "__getitem__")?.is_some()
        }
        Value::Obj(_) | Value::Str(_) => true,
        _ => false,
    };
    if !iterable {
        let t = vm.type_name(&source);
        return vm.type_error(format!("cannot convert '{t}' object to {what}"));
    }
    bytes_of_ints(vm, &source, if what == "bytes" { "bytes must be in range(0, 256)" } else { "byte must be in range(0, 256)" })
}

/// `item in container` for a bytes or bytearray: a byte as an int, or a bytes-like run.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if let Value::Int(_) | Value::Bool(_) = item {
        let b = byte_value(vm, item)?;
        return Ok(with_bytes(container, |hay| hay.contains(&b)).unwrap_or(false));
    }
    let needle = need_bytes_like(vm, item)?;
    Ok(with_bytes(container, |hay| needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)).unwrap_or(false))
}
