//! The builtin iterators' state machine (`IterState`): one `next` for sequences, ranges, dict
//! views, sets, str, enumerate, zip, map, filter, reversed, count and the `__getitem__` protocol.

use crate::types::dict_map::Slot;
use crate::types::value::{IterState, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub fn iter_next(vm: &mut Vm, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    let mut st = state.borrow_mut();
    match &mut *st {
        IterState::Seq { seq, index } => {
            let Value::Obj(o) = seq else { return Ok(None) };
            let item = match &**o {
                Obj::List(l) => l.borrow().get(*index).cloned(),
                Obj::Tuple(t) => t.get(*index).cloned(),
                Obj::Bytes(b) => b.get(*index).map(|x| Value::Int(*x as i64)),
                Obj::ByteArray(b) => b.data.borrow().get(*index).map(|x| Value::Int(*x as i64)),
                Obj::Deque(d, _) => d.borrow().get(*index).cloned(),
                _ => None,
            };
            *index += 1;
            if item.is_none() {
                *st = IterState::Exhausted;
            }
            Ok(item)
        }
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next += *step;
                Ok(Some(Value::Int(v)))
            } else {
                Ok(None)
            }
        }
        IterState::SetSlots { set, slot, len } => {
            let next = |s: &crate::types::set_table::PySet, slot: &mut usize| -> Option<Value> {
                while let Some(entry) = s.slot(*slot) {
                    *slot += 1;
                    if let Some(k) = entry {
                        return Some(k.value.clone());
                    }
                }
                None
            };
            let (size, item) = match &**set {
                Obj::Set(s) => {
                    let s = s.borrow();
                    (s.len(), next(&s, slot))
                }
                Obj::FrozenSet(s) => (s.len(), next(s, slot)),
                _ => return Ok(None),
            };
            if size != *len {
                // CPython stops the iterator for good, then complains.
                *len = usize::MAX;
                drop(st);
                return vm.err("RuntimeError", "Set changed size during iteration");
            }
            Ok(item)
        }
        IterState::DictKeys { dict, index, len }
        | IterState::DictValues { dict, index, len }
        | IterState::DictItems { dict, index, len } => {
            let map = match &**dict {
                Obj::Dict(m) => m,
                _ => return Ok(None),
            };
            let m = map.borrow();
            if m.len() != *len {
                drop(m);
                drop(st);
                return vm.err("RuntimeError", "dictionary changed size during iteration");
            }
            // `index` is a raw position of the dict's table: the holes deletions left are
            // stepped over here, one at a time, not searched from the start.
            let mut at = *index;
            let (k, v) = loop {
                match m.slot(at) {
                    Slot::Entry(k, v) => break (k.value.clone(), v.clone()),
                    Slot::Hole => at += 1,
                    Slot::End => {
                        *index = at;
                        return Ok(None);
                    }
                }
            };
            drop(m);
            *index = at + 1;
            let out = match &*st {
                IterState::DictKeys { .. } => k,
                IterState::DictValues { .. } => v,
                _ => Value::tuple(vec![k, v]),
            };
            Ok(Some(out))
        }
        IterState::Chars { s, byte } => {
            let Some(c) = s[*byte..].chars().next() else { return Ok(None) };
            *byte += c.len_utf8();
            Ok(Some(Value::Str(Rc::from(c.to_string()))))
        }
        IterState::Values(q) => Ok(q.pop_front()),
        IterState::Enumerate { inner, count } => {
            let inner = inner.clone();
            let c = *count;
            *count += 1;
            drop(st);
            Ok(vm.next(&inner)?.map(|v| Value::tuple(vec![Value::Int(c), v])))
        }
        IterState::Zip { inners, strict } => {
            let (inners, strict) = (inners.clone(), *strict);
            drop(st);
            let mut items = vec![];
            for (i, it) in inners.iter().enumerate() {
                match vm.next(it)? {
                    Some(v) => items.push(v),
                    None => {
                        if strict && (i > 0 || inners[1..].iter().any(|_| false)) {
                            return vm.err("ValueError", format!("zip() argument {} is shorter than argument 1", i + 1));
                        }
                        *state.borrow_mut() = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            Ok(Some(Value::tuple(items)))
        }
        IterState::Map { func, inners } => {
            let (func, inners) = (func.clone(), inners.clone());
            drop(st);
            let mut args = vec![];
            for it in &inners {
                match vm.next(it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            Ok(Some(vm.call(func, args, vec![])?))
        }
        IterState::Filter { func, inner } => {
            let (func, inner) = (func.clone(), inner.clone());
            drop(st);
            while let Some(v) = vm.next(&inner)? {
                let keep = if func.is_none() { v.clone() } else { vm.call(func.clone(), vec![v.clone()], vec![])? };
                if vm.truthy(&keep)? {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }
        IterState::Reversed { seq, index } => {
            if *index == 0 {
                return Ok(None);
            }
            *index -= 1;
            let (seq, i) = (seq.clone(), *index);
            drop(st);
            Ok(Some(vm.get_item(&seq, &Value::Int(i as i64))?))
        }
        IterState::Count { next, step } => {
            let (n, s) = (next.clone(), step.clone());
            drop(st);
            let after = vm.binary(awaitlab_syntax::ast::BinOp::Add, n.clone(), s, false)?;
            if let IterState::Count { next, .. } = &mut *state.borrow_mut() {
                *next = after;
            }
            Ok(Some(n))
        }
        IterState::GetItem { seq, index } => {
            let (seq, i) = (seq.clone(), *index);
            *index += 1;
            drop(st);
            match vm.get_item(&seq, &Value::Int(i)) {
                Ok(v) => Ok(Some(v)),
                Err(e)
                    if crate::types::exceptions::is_instance_of(&e, &vm.types.exc("IndexError"))
                        || crate::types::exceptions::is_instance_of(&e, &vm.types.exc("StopIteration")) =>
                {
                    *state.borrow_mut() = IterState::Exhausted;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::Exhausted => Ok(None),
    }
}
