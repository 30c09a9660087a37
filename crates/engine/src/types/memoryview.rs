//! `memoryview`: a one-dimensional view of a bytes or bytearray, sharing its memory. Slices and
//! casts share the exporter; while any view of a bytearray is unreleased it may not resize
//! (`Export` counts them, as CPython's managed buffer does). Formats: CPython's native
//! single-character struct formats of 1, 2, 4 and 8 bytes.

use crate::types::args::{as_f64, as_int, Args, Kwargs};
use crate::types::buffer::{bytes_like, with_bytes};
use crate::types::class::{set_method, Types};
use crate::types::native::NativeObj;
use crate::types::value::{NativeFn, Obj, Value};
use crate::vm::items::{seq_index, slice_indices};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// The object a view exports: its last holder's drop releases the bytearray's export.
pub struct Export(Value);

impl Export {
    fn new(obj: Value) -> Rc<Export> {
        if let Value::Obj(o) = &obj {
            if let Obj::ByteArray(b) = &**o {
                b.exports.set(b.exports.get() + 1);
            }
        }
        Rc::new(Export(obj))
    }
}

impl Drop for Export {
    fn drop(&mut self) {
        if let Value::Obj(o) = &self.0 {
            if let Obj::ByteArray(b) = &**o {
                b.exports.set(b.exports.get() - 1);
            }
        }
    }
}

pub struct MemoryView {
    /// The exporter, until `release()`.
    source: RefCell<Option<Rc<Export>>>,
    /// Byte offset of the first item, the number of items, and the bytes from one to the next.
    start: usize,
    len: usize,
    step: isize,
    format: u8,
    /// The format was given as `'@B'` (native, as all of Awaitlab's are): `format` shows it so.
    at_sign: bool,
    readonly: bool,
}

fn itemsize(format: u8) -> usize {
    match format {
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' => 8,
        _ => 1,
    }
}

fn view_value(m: MemoryView) -> Value {
    Value::obj(Obj::Native(NativeObj::MemoryView(Box::new(m))))
}

fn this(args: &Args) -> Option<&MemoryView> {
    match args.first() {
        Some(Value::Obj(o)) => match &**o {
            Obj::Native(NativeObj::MemoryView(m)) => Some(m),
            _ => None,
        },
        _ => None,
    }
}

impl MemoryView {
    fn source(&self, vm: &mut Vm) -> PyResult<Rc<Export>> {
        match &*self.source.borrow() {
            Some(e) => Ok(e.clone()),
            None => vm.err("ValueError", "operation forbidden on released memoryview object"),
        }
    }

    fn itemsize(&self) -> usize {
        itemsize(self.format)
    }

    /// The byte offset of item `i`.
    fn offset(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.step) as usize
    }

    /// The byte offsets of its items, in order.
    fn offsets(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(|i| self.offset(i))
    }

    /// Its bytes, item by item (`tobytes()`).
    pub fn to_bytes(&self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        let source = self.source(vm)?;
        let size = self.itemsize();
        Ok(with_bytes(&source.0, |b| self.offsets().flat_map(|p| b[p..p + size].iter().copied()).collect()).unwrap_or_default())
    }

    /// Its items as Python values (`tolist()`, iteration, `in`).
    pub fn items(&self, vm: &mut Vm) -> PyResult<Vec<Value>> {
        let bytes = self.to_bytes(vm)?;
        Ok(bytes.chunks(self.itemsize()).map(|c| unpack(self.format, c)).collect())
    }

    pub fn len(&self, vm: &mut Vm) -> PyResult<usize> {
        self.source(vm)?;
        Ok(self.len)
    }

    pub fn is_released(&self) -> bool {
        self.source.borrow().is_none()
    }

    /// A view of the same exporter (`memoryview(view)`, slices, casts).
    fn derive(&self, start: usize, len: usize, step: isize, format: u8) -> MemoryView {
        let source = RefCell::new(self.source.borrow().clone());
        MemoryView { source, start, len, step, format, at_sign: self.at_sign, readonly: self.readonly }
    }
}

fn unpack(format: u8, b: &[u8]) -> Value {
    let mut raw = [0u8; 8];
    raw[..b.len()].copy_from_slice(b);
    let unsigned = u64::from_le_bytes(raw);
    let shift = 64 - 8 * b.len() as u32;
    let signed = ((unsigned << shift) as i64) >> shift;
    match format {
        b'c' => Value::obj(Obj::Bytes(b.to_vec())),
        b'?' => Value::Bool(unsigned != 0),
        b'f' => Value::Float(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Value::Float(f64::from_le_bytes(raw)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => Value::Int(signed),
        _ => crate::vm::ops::int_value(unsigned.into()),
    }
}

/// One item's bytes from a value, with CPython's messages.
fn pack(vm: &mut Vm, format: u8, v: &Value) -> PyResult<Vec<u8>> {
    let size = itemsize(format);
    let invalid = |vm: &mut Vm, what: &str| {
        vm.err::<Vec<u8>>(
            if what == "type" { "TypeError" } else { "ValueError" },
            format!("memoryview: invalid {what} for format '{}'", format as char),
        )
    };
    match format {
        b'c' => match bytes_like(vm, v)? {
            Some(b) if b.len() == 1 => Ok(b),
            Some(_) => invalid(vm, "value"),
            None => invalid(vm, "type"),
        },
        b'?' => Ok(vec![vm.truthy(v)? as u8]),
        b'f' => Ok((as_f64(vm, v)? as f32).to_le_bytes().to_vec()),
        b'd' => Ok(as_f64(vm, v)?.to_le_bytes().to_vec()),
        _ => {
            if !matches!(v, Value::Int(_) | Value::Bool(_) | Value::Big(_)) {
                return invalid(vm, "type");
            }
            let i = match v {
                Value::Big(_) => return invalid(vm, "value"),
                _ => as_int(vm, v)? as i128,
            };
            let bits = 8 * size as u32;
            let signed = matches!(format, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let (lo, hi) = if signed { (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1) } else { (0, (1i128 << bits) - 1) };
            if i < lo || i > hi {
                return invalid(vm, "value");
            }
            Ok((i as u64).to_le_bytes()[..size].to_vec())
        }
    }
}

/// `memoryview(obj)`.
pub fn construct(vm: &mut Vm, args: Args) -> PyResult {
    let Some(obj) = args.first() else { return vm.type_error("memoryview() missing required argument 'object' (pos 1)") };
    if let Value::Obj(o) = obj {
        match &**o {
            Obj::Bytes(b) => return Ok(view_value(whole(obj, b.len(), true))),
            Obj::ByteArray(b) => {
                let n = b.data.borrow().len();
                return Ok(view_value(whole(obj, n, false)));
            }
            Obj::Native(NativeObj::MemoryView(m)) => {
                m.source(vm)?;
                return Ok(view_value(m.derive(m.start, m.len, m.step, m.format)));
            }
            _ => {}
        }
    }
    let t = vm.type_name(obj);
    vm.type_error(format!("memoryview: a bytes-like object is required, not '{t}'"))
}

fn whole(obj: &Value, len: usize, readonly: bool) -> MemoryView {
    MemoryView { source: RefCell::new(Some(Export::new(obj.clone()))), start: 0, len, step: 1, format: b'B', at_sign: false, readonly }
}

/// `view[i]` and `view[a:b:c]`.
pub fn get_item(vm: &mut Vm, m: &MemoryView, idx: &Value) -> PyResult {
    m.source(vm)?;
    if let Value::Obj(io) = idx {
        if let Obj::Slice(a, b, c) = &**io {
            return Ok(view_value(slice(vm, m, a, b, c)?));
        }
    }
    let i = item_index(vm, m, idx)?;
    let size = m.itemsize();
    let source = m.source(vm)?;
    let at = m.offset(i);
    Ok(with_bytes(&source.0, |b| unpack(m.format, &b[at..at + size])).unwrap_or(Value::None))
}

fn slice(vm: &mut Vm, m: &MemoryView, a: &Value, b: &Value, c: &Value) -> PyResult<MemoryView> {
    let (start, stop, step) = slice_indices(vm, m.len, a, b, c)?;
    let span = if step > 0 { stop - start } else { start - stop };
    let len = (span.max(0) as u64).div_ceil(step.unsigned_abs()) as usize;
    let first = if len == 0 { m.start } else { (m.start as isize + start as isize * m.step) as usize };
    Ok(m.derive(first, len, m.step * step as isize, m.format))
}

fn item_index(vm: &mut Vm, m: &MemoryView, idx: &Value) -> PyResult<usize> {
    if !matches!(idx, Value::Int(_) | Value::Bool(_) | Value::Big(_)) && crate::types::args::index_of(vm, idx)?.is_none() {
        return vm.type_error("memoryview: invalid slice key");
    }
    match seq_index(vm, m.len, idx, "memoryview") {
        Ok(i) => Ok(i),
        Err(_) => vm.err("IndexError", "index out of bounds on dimension 1"),
    }
}

/// `view[i] = v` and `view[a:b] = bytes_like` (same length), written through to a bytearray.
pub fn set_item(vm: &mut Vm, m: &MemoryView, idx: &Value, v: &Value) -> PyResult<()> {
    let source = m.source(vm)?;
    if m.readonly {
        return vm.type_error("cannot modify read-only memory");
    }
    let size = m.itemsize();
    let (offsets, data): (Vec<usize>, Vec<u8>) = match idx {
        Value::Obj(io) if matches!(&**io, Obj::Slice(..)) => {
            let Obj::Slice(a, b, c) = &**io else { unreachable!() };
            let target = slice(vm, m, a, b, c)?;
            let data = match bytes_like(vm, v)? {
                Some(d) => d,
                None => {
                    let t = vm.type_name(v);
                    return vm.type_error(format!("a bytes-like object is required, not '{t}'"));
                }
            };
            if data.len() != target.len * size {
                return vm.err("ValueError", "memoryview assignment: lvalue and rvalue have different structures");
            }
            (target.offsets().collect(), data)
        }
        _ => {
            let i = item_index(vm, m, idx)?;
            let data = pack(vm, m.format, v)?;
            (vec![m.offset(i)], data)
        }
    };
    if let Value::Obj(o) = &source.0 {
        if let Obj::ByteArray(b) = &**o {
            let mut buf = b.data.borrow_mut();
            for (p, chunk) in offsets.into_iter().zip(data.chunks(size)) {
                buf[p..p + size].copy_from_slice(chunk);
            }
        }
    }
    Ok(())
}

/// `view == other`: item by item, against another view or a bytes-like object's bytes.
pub fn equal(vm: &mut Vm, m: &MemoryView, other: &Value) -> PyResult<Option<bool>> {
    if m.is_released() {
        return Ok(None);
    }
    let theirs = match other {
        Value::Obj(o) => match &**o {
            Obj::Native(NativeObj::MemoryView(n)) if n.is_released() => return Ok(Some(false)),
            Obj::Native(NativeObj::MemoryView(n)) => n.items(vm)?,
            _ => match bytes_like(vm, other)? {
                Some(b) => b.into_iter().map(|x| Value::Int(x as i64)).collect(),
                None => return Ok(None),
            },
        },
        _ => return Ok(None),
    };
    let ours = m.items(vm)?;
    Ok(Some(ours.len() == theirs.len() && ours.iter().zip(&theirs).all(|(a, b)| crate::vm::ops::keys_equal(a, b))))
}

/// `hash(view)`: a read-only view hashes as the bytes it holds.
pub fn hash(vm: &mut Vm, m: &MemoryView) -> PyResult<Value> {
    m.source(vm)?;
    if !m.readonly {
        return vm.err("ValueError", "cannot hash writable memoryview object");
    }
    Ok(Value::obj(Obj::Bytes(m.to_bytes(vm)?)))
}

pub fn repr(m: &MemoryView, addr: String) -> String {
    format!("<{}memory at {addr}>", if m.is_released() { "released " } else { "" })
}

/// The attributes (`format`, `nbytes`, `obj`...); a released view answers none of them.
pub fn attr(vm: &mut Vm, m: &MemoryView, name: &str) -> PyResult<Option<Value>> {
    const NAMES: [&str; 12] = [
        "obj",
        "nbytes",
        "readonly",
        "itemsize",
        "format",
        "ndim",
        "shape",
        "strides",
        "suboffsets",
        "c_contiguous",
        "f_contiguous",
        "contiguous",
    ];
    if !NAMES.contains(&name) {
        return Ok(None);
    }
    let source = m.source(vm)?;
    let size = m.itemsize() as i64;
    let contiguous = m.step == size as isize || m.len <= 1;
    Ok(Some(match name {
        "obj" => source.0.clone(),
        "nbytes" => Value::Int(m.len as i64 * size),
        "readonly" => Value::Bool(m.readonly),
        "itemsize" => Value::Int(size),
        "format" => Value::str(&format!("{}{}", if m.at_sign { "@" } else { "" }, m.format as char)),
        "ndim" => Value::Int(1),
        "shape" => Value::tuple(vec![Value::Int(m.len as i64)]),
        "strides" => Value::tuple(vec![Value::Int(m.step as i64)]),
        "suboffsets" => Value::tuple(vec![]),
        _ => Value::Bool(contiguous),
    }))
}

fn receiver<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a MemoryView> {
    match this(args) {
        Some(m) => Ok(m),
        None => vm.type_error("descriptor requires a 'memoryview' object"),
    }
}

fn tobytes(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let m = receiver(vm, &args)?;
    Ok(Value::obj(Obj::Bytes(m.to_bytes(vm)?)))
}

fn tolist(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let m = receiver(vm, &args)?;
    Ok(Value::list(m.items(vm)?))
}

fn hex(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let bytes = receiver(vm, &args)?.to_bytes(vm)?;
    let mut rest = vec![Value::obj(Obj::Bytes(bytes))];
    rest.extend(args.into_iter().skip(1));
    crate::types::bytes::hex(vm, rest, kwargs)
}

fn release(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    receiver(vm, &args)?.source.borrow_mut().take();
    Ok(Value::None)
}

fn enter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    receiver(vm, &args)?.source(vm)?;
    Ok(args[0].clone())
}

fn toreadonly(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let m = receiver(vm, &args)?;
    m.source(vm)?;
    let mut view = m.derive(m.start, m.len, m.step, m.format);
    view.readonly = true;
    Ok(view_value(view))
}

/// `cast(format)`: to or from bytes, over the same memory.
fn cast(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let m = receiver(vm, &args)?;
    m.source(vm)?;
    let (at_sign, format) = match args.get(1) {
        Some(Value::Str(s)) => (s.starts_with('@'), s.strip_prefix('@').unwrap_or(s).to_string()),
        Some(v) => {
            let t = vm.type_name(v);
            return vm.type_error(format!("cast() argument 'format' must be str, not {t}"));
        }
        None => return vm.type_error("cast() missing required argument 'format' (pos 1)"),
    };
    let f = match format.as_bytes() {
        [c] if b"BbcHhIiLlQqnNfd?".contains(c) => *c,
        _ => {
            return vm
                .err("ValueError", "memoryview: destination format must be a native single character format prefixed with an optional '@'")
        }
    };
    let size = m.itemsize();
    if m.step != size as isize && m.len > 1 {
        return vm.type_error("memoryview: casts are restricted to C-contiguous views");
    }
    if size != 1 && itemsize(f) != 1 {
        return vm.type_error("memoryview: cannot cast between two non-byte formats");
    }
    let nbytes = m.len * size;
    if nbytes % itemsize(f) != 0 {
        return vm.type_error("memoryview: length is not a multiple of itemsize");
    }
    let mut view = m.derive(m.start, nbytes / itemsize(f), itemsize(f) as isize, f);
    view.at_sign = at_sign;
    Ok(view_value(view))
}

pub(crate) fn register(types: &Types) {
    for (n, f) in [
        ("tobytes", tobytes as NativeFn),
        ("tolist", tolist),
        ("hex", hex),
        ("release", release),
        ("__enter__", enter),
        ("__exit__", release),
        ("toreadonly", toreadonly),
        ("cast", cast),
    ] {
        set_method(&types.memoryview, n, f);
    }
}
