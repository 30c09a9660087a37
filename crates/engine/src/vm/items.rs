//! Items: subscripting and slicing, item assignment and deletion, `len()`, and `+`/`*` of
//! sequences.

use crate::types::args::as_int;
use crate::types::native::NativeObj;
use crate::types::range::range_len;
use crate::types::set::set_items;
use crate::types::value::{Obj, Value};
use crate::vm::{tuple_items, PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub fn seq_index(vm: &mut Vm, len: usize, idx: &Value, what: &str) -> PyResult<usize> {
    let i = match idx {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Big(_) => return vm.err("IndexError", "cannot fit 'int' into an index-sized integer".to_string()),
        _ => match crate::types::args::index_of(vm, idx)? {
            Some(i) => return seq_index(vm, len, &i, what),
            None => {
                let t = vm.type_name(idx);
                return vm.type_error(format!("{what} indices must be integers or slices, not {t}"));
            }
        },
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return vm.err("IndexError", format!("{what} index out of range"));
    }
    Ok(j as usize)
}

/// Resolves a slice against a length: (start, stop, step) with Python's clamping.
pub fn slice_indices(vm: &mut Vm, len: usize, start: &Value, stop: &Value, step: &Value) -> PyResult<(i64, i64, i64)> {
    let len = len as i64;
    let step = if step.is_none() { 1 } else { as_int(vm, step)? };
    if step == 0 {
        return vm.err("ValueError", "slice step cannot be zero");
    }
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let norm = |vm: &mut Vm, v: &Value, default: i64, lo: i64, hi: i64| -> PyResult<i64> {
        if v.is_none() {
            return Ok(default);
        }
        let i = as_int(vm, v)?;
        Ok(if i < 0 { clamp(i + len, lo, hi) } else { clamp(i, lo, hi) })
    };
    if step > 0 {
        Ok((norm(vm, start, 0, 0, len)?, norm(vm, stop, len, 0, len)?, step))
    } else {
        Ok((norm(vm, start, len - 1, -1, len - 1)?, norm(vm, stop, -1, -1, len - 1)?, step))
    }
}

/// The indices a slice `start:stop:step` (already normalized) picks, in order.
pub(crate) fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = vec![];
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

impl Vm {
    pub fn get_item(&mut self, obj: &Value, idx: &Value) -> PyResult {
        if let Value::Obj(io) = idx {
            if let Obj::Slice(a, b, c) = &**io {
                return self.get_slice(obj, a, b, c);
            }
        }
        match obj {
            Value::Str(s) => {
                if s.is_ascii() {
                    let i = seq_index(self, s.len(), idx, "string")?;
                    return Ok(Value::Str(Rc::from(&s[i..i + 1])));
                }
                let n = s.chars().count();
                let i = seq_index(self, n, idx, "string")?;
                Ok(Value::Str(Rc::from(s.chars().nth(i).unwrap().to_string())))
            }
            Value::Obj(o) => match &**o {
                Obj::List(l) => {
                    let n = l.borrow().len();
                    let i = seq_index(self, n, idx, "list")?;
                    Ok(l.borrow()[i].clone())
                }
                Obj::Tuple(t) => {
                    let i = seq_index(self, t.len(), idx, "tuple")?;
                    Ok(t[i].clone())
                }
                Obj::Bytes(b) => {
                    let i = seq_index(self, b.len(), idx, "index")?;
                    Ok(Value::Int(b[i] as i64))
                }
                Obj::ByteArray(b) => crate::types::bytearray::get_item(self, b, idx),
                Obj::Native(NativeObj::MemoryView(m)) => crate::types::memoryview::get_item(self, m, idx),
                Obj::Deque(d, _) => {
                    let n = d.borrow().len();
                    let i = seq_index(self, n, idx, "deque")?;
                    Ok(d.borrow()[i].clone())
                }
                Obj::Range { start, stop, step } => {
                    let n = range_len(*start, *stop, *step) as usize;
                    let i = seq_index(self, n, idx, "range object")?;
                    Ok(Value::Int(start + step * i as i64))
                }
                Obj::Dict(d) => {
                    let k = self.key_in(d, idx.clone())?;
                    let found = d.borrow().get(&k).cloned();
                    match found {
                        Some(v) => Ok(v),
                        None => {
                            let c = self.types.exc("KeyError");
                            Err(crate::types::exceptions::instantiate(&c, vec![idx.clone()]))
                        }
                    }
                }
                Obj::Class(c) => {
                    if let Some(m) = self.meta_method(obj, "__getitem__") {
                        return self.call(m, vec![obj.clone(), idx.clone()], vec![]);
                    }
                    // As PyObject_GetItem: `type[int]`, else the class's `__class_getitem__`
                    // (`list[int]`: types.GenericAlias, `types/class.rs`).
                    if Rc::ptr_eq(o, &self.types.type_) {
                        return self.generic_alias(obj, idx);
                    }
                    match self.class_lookup(o, "__class_getitem__") {
                        Some(Value::Obj(f)) if matches!(&*f, Obj::ClassMethod(_)) => {
                            let Obj::ClassMethod(f) = &*f else { unreachable!() };
                            self.call(f.clone(), vec![obj.clone(), idx.clone()], vec![])
                        }
                        Some(_) => {
                            let f = self.get_attr(obj, "__class_getitem__")?;
                            self.call(f, vec![idx.clone()], vec![])
                        }
                        None => {
                            let name = c.shown_name();
                            self.type_error(format!("type '{name}' is not subscriptable"))
                        }
                    }
                }
                Obj::Instance(_) => match self.lookup_method(obj, "__getitem__")? {
                    Some(m) => self.call(m, vec![obj.clone(), idx.clone()], vec![]),
                    None => {
                        let t = self.type_name(obj);
                        self.type_error(format!("'{t}' object is not subscriptable"))
                    }
                },
                _ => {
                    let t = self.type_name(obj);
                    self.type_error(format!("'{t}' object is not subscriptable"))
                }
            },
            _ => {
                let t = self.type_name(obj);
                self.type_error(format!("'{t}' object is not subscriptable"))
            }
        }
    }

    /// `types.GenericAlias(origin, args)`: what subscripting a generic class makes.
    pub fn generic_alias(&mut self, origin: &Value, args: &Value) -> PyResult {
        let types = self.import("types")?;
        let alias = self.get_attr(&types, "GenericAlias")?;
        self.call(alias, vec![origin.clone(), args.clone()], vec![])
    }

    fn get_slice(&mut self, obj: &Value, a: &Value, b: &Value, c: &Value) -> PyResult {
        match obj {
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                let (start, stop, step) = slice_indices(self, chars.len(), a, b, c)?;
                Ok(Value::Str(Rc::from(slice_positions(start, stop, step).into_iter().map(|i| chars[i]).collect::<String>())))
            }
            Value::Obj(o) => {
                let items: Vec<Value> = match &**o {
                    Obj::List(l) => l.borrow().clone(),
                    Obj::Tuple(t) => t.clone(),
                    Obj::ByteArray(ba) => {
                        return crate::types::bytearray::get_item(self, ba, &Value::obj(Obj::Slice(a.clone(), b.clone(), c.clone())))
                    }
                    Obj::Native(NativeObj::MemoryView(m)) => {
                        return crate::types::memoryview::get_item(self, m, &Value::obj(Obj::Slice(a.clone(), b.clone(), c.clone())))
                    }
                    Obj::Bytes(bs) => {
                        let (start, stop, step) = slice_indices(self, bs.len(), a, b, c)?;
                        return Ok(Value::obj(Obj::Bytes(slice_positions(start, stop, step).into_iter().map(|i| bs[i]).collect())));
                    }
                    Obj::Range { start, stop, step } => {
                        let n = range_len(*start, *stop, *step) as usize;
                        let (s2, e2, t2) = slice_indices(self, n, a, b, c)?;
                        return Ok(Value::obj(Obj::Range { start: start + s2 * step, stop: start + e2 * step, step: step * t2 }));
                    }
                    Obj::Instance(_) => {
                        if let Some(m) = self.lookup_method(obj, "__getitem__")? {
                            let sl = Value::obj(Obj::Slice(a.clone(), b.clone(), c.clone()));
                            return self.call(m, vec![obj.clone(), sl], vec![]);
                        }
                        let t = self.type_name(obj);
                        return self.type_error(format!("'{t}' object is not subscriptable"));
                    }
                    _ => {
                        let t = self.type_name(obj);
                        return self.type_error(format!("'{t}' object is not subscriptable"));
                    }
                };
                let (start, stop, step) = slice_indices(self, items.len(), a, b, c)?;
                let picked: Vec<Value> = slice_positions(start, stop, step).into_iter().map(|i| items[i].clone()).collect();
                Ok(match &**o {
                    Obj::List(_) => Value::list(picked),
                    _ => Value::tuple(picked),
                })
            }
            _ => {
                let t = self.type_name(obj);
                self.type_error(format!("'{t}' object is not subscriptable"))
            }
        }
    }

    pub fn set_item(&mut self, obj: &Value, idx: Value, v: Value) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            match &**o {
                Obj::List(l) => {
                    if let Value::Obj(io) = &idx {
                        if let Obj::Slice(a, b, c) = &**io {
                            let n = l.borrow().len();
                            let (start, stop, step) = slice_indices(self, n, a, b, c)?;
                            let new = self.collect_iter(&v)?;
                            if step == 1 {
                                let stop = stop.max(start);
                                l.borrow_mut().splice(start as usize..stop as usize, new);
                            } else {
                                let pos = slice_positions(start, stop, step);
                                if pos.len() != new.len() {
                                    return self.err(
                                        "ValueError",
                                        format!("attempt to assign sequence of size {} to extended slice of size {}", new.len(), pos.len()),
                                    );
                                }
                                for (p, x) in pos.into_iter().zip(new) {
                                    l.borrow_mut()[p] = x;
                                }
                            }
                            return Ok(());
                        }
                    }
                    let n = l.borrow().len();
                    let i = seq_index(self, n, &idx, "list assignment")?;
                    l.borrow_mut()[i] = v;
                    return Ok(());
                }
                Obj::Dict(d) => {
                    let k = self.key_in(d, idx)?;
                    d.borrow_mut().insert(k, v);
                    return Ok(());
                }
                Obj::ByteArray(b) => return crate::types::bytearray::set_item(self, b, &idx, &v),
                Obj::Native(NativeObj::MemoryView(m)) => return crate::types::memoryview::set_item(self, m, &idx, &v),
                Obj::Deque(d, _) => {
                    let n = d.borrow().len();
                    let i = seq_index(self, n, &idx, "deque")?;
                    d.borrow_mut()[i] = v;
                    return Ok(());
                }
                Obj::Instance(_) => {
                    if let Some(m) = self.lookup_method(obj, "__setitem__")? {
                        self.call(m, vec![obj.clone(), idx, v], vec![])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        let t = self.type_name(obj);
        self.type_error(format!("'{t}' object does not support item assignment"))
    }

    pub fn del_item(&mut self, obj: &Value, idx: &Value) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            match &**o {
                Obj::List(l) => {
                    if let Value::Obj(io) = idx {
                        if let Obj::Slice(a, b, c) = &**io {
                            let n = l.borrow().len();
                            let (start, stop, step) = slice_indices(self, n, a, b, c)?;
                            let mut pos = slice_positions(start, stop, step);
                            pos.sort_unstable();
                            for p in pos.into_iter().rev() {
                                l.borrow_mut().remove(p);
                            }
                            return Ok(());
                        }
                    }
                    let n = l.borrow().len();
                    let i = seq_index(self, n, idx, "list assignment")?;
                    l.borrow_mut().remove(i);
                    return Ok(());
                }
                Obj::ByteArray(b) => return crate::types::bytearray::del_item(self, b, idx),
                Obj::Native(NativeObj::MemoryView(_)) => return self.type_error("cannot delete memory"),
                Obj::Dict(d) => {
                    let k = self.key_in(d, idx.clone())?;
                    if d.borrow_mut().shift_remove(&k).is_none() {
                        let c = self.types.exc("KeyError");
                        return Err(crate::types::exceptions::instantiate(&c, vec![idx.clone()]));
                    }
                    return Ok(());
                }
                Obj::Instance(_) => {
                    if let Some(m) = self.lookup_method(obj, "__delitem__")? {
                        self.call(m, vec![obj.clone(), idx.clone()], vec![])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        let t = self.type_name(obj);
        self.type_error(format!("'{t}' object doesn't support item deletion"))
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => {
                if s.is_ascii() {
                    s.len()
                } else {
                    s.chars().count()
                }
            }
            Value::Obj(o) => match &**o {
                Obj::List(l) => l.borrow().len(),
                Obj::Tuple(t) => t.len(),
                Obj::Dict(d) => d.borrow().len(),
                Obj::Set(d) => d.borrow().len(),
                Obj::FrozenSet(d) => d.len(),
                Obj::Bytes(b) => b.len(),
                Obj::ByteArray(b) => b.data.borrow().len(),
                Obj::Native(NativeObj::MemoryView(m)) => m.len(self)?,
                Obj::Deque(d, _) => d.borrow().len(),
                Obj::Range { start, stop, step } => range_len(*start, *stop, *step) as usize,
                Obj::Native(NativeObj::DictView(_, d)) => match &**d {
                    Obj::Dict(m) => m.borrow().len(),
                    _ => 0,
                },
                Obj::Class(_) if self.meta_method(v, "__len__").is_some() => {
                    let m = self.meta_method(v, "__len__").unwrap();
                    let r = self.call(m, vec![v.clone()], vec![])?;
                    return as_int(self, &r).map(|i| i.max(0) as usize);
                }
                Obj::Instance(_) => match self.lookup_method(v, "__len__")? {
                    Some(m) => {
                        let r = self.call(m, vec![v.clone()], vec![])?;
                        return as_int(self, &r).map(|i| i.max(0) as usize);
                    }
                    None => {
                        let t = self.type_name(v);
                        return self.type_error(format!("object of type '{t}' has no len()"));
                    }
                },
                _ => {
                    let t = self.type_name(v);
                    return self.type_error(format!("object of type '{t}' has no len()"));
                }
            },
            _ => {
                let t = self.type_name(v);
                return self.type_error(format!("object of type '{t}' has no len()"));
            }
        })
    }
}

/// `+`, `*`, `%` and set/dict operators on builtin containers.
pub fn sequence_binary(vm: &mut Vm, op: awaitlab_syntax::ast::BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Option<Value>> {
    use awaitlab_syntax::ast::BinOp::*;
    match (op, a, b) {
        (Add, Value::Str(x), Value::Str(y)) => {
            vm.check_room(x.len() + y.len())?;
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            return Ok(Some(Value::Str(Rc::from(s))));
        }
        (Mul, Value::Str(s), n) | (Mul, n, Value::Str(s)) if matches!(n, Value::Int(_) | Value::Bool(_)) => {
            let n = as_int(vm, n)?.max(0) as usize;
            if s.len().saturating_mul(n) > 100_000_000 {
                return vm.err("MemoryError", "string too large");
            }
            vm.check_room(s.len() * n)?;
            return Ok(Some(Value::Str(Rc::from(s.repeat(n)))));
        }
        (Mod, Value::Str(s), _) => return Ok(Some(Value::Str(Rc::from(crate::types::str::percent_format(vm, s, b)?)))),
        (Mul, Value::Obj(o), n) | (Mul, n, Value::Obj(o))
            if matches!(n, Value::Int(_) | Value::Bool(_)) && matches!(&**o, Obj::Bytes(_)) =>
        {
            let Obj::Bytes(bytes) = &**o else { unreachable!() };
            let n = as_int(vm, n)?.max(0) as usize;
            if bytes.len().saturating_mul(n) > 100_000_000 {
                return vm.err("MemoryError", "bytes too large");
            }
            vm.check_room(bytes.len() * n)?;
            return Ok(Some(Value::obj(Obj::Bytes(bytes.repeat(n)))));
        }
        (Mul, Value::Int(_) | Value::Bool(_), Value::Obj(o)) if matches!(&**o, Obj::ByteArray(_)) => {
            return crate::types::bytearray::binary(vm, op, a, b, inplace);
        }
        _ => {}
    }
    let (Value::Obj(x), _) = (a, b) else { return Ok(None) };
    match (op, &**x) {
        (Add, Obj::List(l)) => {
            if let Value::Obj(y) = b {
                if let Obj::List(m) = &**y {
                    if inplace {
                        let extra = m.borrow().clone();
                        l.borrow_mut().extend(extra);
                        return Ok(Some(a.clone()));
                    }
                    vm.check_room((l.borrow().len() + m.borrow().len()) * std::mem::size_of::<Value>())?;
                    let mut out = l.borrow().clone();
                    out.extend(m.borrow().iter().cloned());
                    return Ok(Some(Value::list(out)));
                }
                if inplace {
                    let extra = vm.collect_iter(b)?;
                    l.borrow_mut().extend(extra);
                    return Ok(Some(a.clone()));
                }
            }
        }
        (Add, Obj::Tuple(t)) => {
            if let Value::Obj(y) = b {
                if let Obj::Tuple(u) = &**y {
                    let mut out = t.clone();
                    out.extend(u.iter().cloned());
                    return Ok(Some(Value::tuple(out)));
                }
            }
        }
        (Add, Obj::Bytes(p)) => {
            if let Some(q) = crate::types::buffer::bytes_like(vm, b)? {
                vm.check_room(p.len() + q.len())?;
                let mut out = p.clone();
                out.extend(q);
                return Ok(Some(Value::obj(Obj::Bytes(out))));
            }
        }
        (Add | Mul, Obj::ByteArray(_)) => return crate::types::bytearray::binary(vm, op, a, b, inplace),
        (Mul, Obj::List(_) | Obj::Tuple(_)) if matches!(b, Value::Int(_) | Value::Bool(_)) => {
            let n = as_int(vm, b)?.max(0) as usize;
            let items = tuple_items(a);
            if items.len().saturating_mul(n) > 10_000_000 {
                return vm.err("MemoryError", "list too large");
            }
            vm.check_room(items.len() * n * std::mem::size_of::<Value>())?;
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            if let Obj::List(l) = &**x {
                if inplace {
                    *l.borrow_mut() = out;
                    return Ok(Some(a.clone()));
                }
                return Ok(Some(Value::list(out)));
            }
            return Ok(Some(Value::tuple(out)));
        }
        (BitOr, Obj::Dict(d)) => {
            if let Value::Obj(y) = b {
                if let Obj::Dict(e) = &**y {
                    if inplace {
                        let extra = e.borrow().clone();
                        d.borrow_mut().extend(extra);
                        return Ok(Some(a.clone()));
                    }
                    let mut out = d.borrow().clone();
                    out.extend(e.borrow().iter().map(|(k, v)| (k.clone(), v.clone())));
                    return Ok(Some(Value::dict(out)));
                }
            }
        }
        _ => {}
    }
    if matches!(op, BitOr | BitAnd | Sub | BitXor) {
        if let (Some(sa), Some(sb)) = (set_items(a), set_items(b)) {
            use crate::types::set_table::*;
            let sb = vm.aligned_set(&sa, sb)?;
            if inplace {
                if let Obj::Set(target) = &**x {
                    let mut t = target.borrow_mut();
                    match op {
                        BitOr => t.merge(&sb),
                        BitAnd => {
                            let body = intersection(&t, &sb);
                            t.replace_body(body);
                        }
                        Sub => difference_update(&mut t, &sb),
                        _ => symmetric_difference_update(&mut t, &sb),
                    }
                    return Ok(Some(a.clone()));
                }
            }
            let out = match op {
                BitOr => union(&sa, &sb),
                BitAnd => intersection(&sa, &sb),
                Sub => difference(&sa, &sb),
                _ => symmetric_difference(&sa, &sb),
            };
            // The result has the type of the left operand (a set view's result is a set).
            if matches!(&**x, Obj::FrozenSet(_)) {
                return Ok(Some(Value::obj(Obj::FrozenSet(out))));
            }
            return Ok(Some(Value::obj(Obj::Set(RefCell::new(out)))));
        }
    }
    Ok(None)
}
