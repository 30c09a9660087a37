//! Builtin types and functions, class construction, and helpers shared by the object protocol.

use crate::native::NativeObj;
use crate::ops::{int_value, to_big, to_f64};
use crate::value::*;
use crate::vm::{tuple_items, PyResult, Vm};
use num_traits::Signed;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub type Kwargs = Vec<(Rc<str>, Value)>;

pub struct Types {
    pub object: Rc<Obj>,
    pub type_: Rc<Obj>,
    pub none_type: Rc<Obj>,
    pub bool: Rc<Obj>,
    pub int: Rc<Obj>,
    pub float: Rc<Obj>,
    pub str: Rc<Obj>,
    pub bytes: Rc<Obj>,
    pub list: Rc<Obj>,
    pub tuple: Rc<Obj>,
    pub dict: Rc<Obj>,
    pub set: Rc<Obj>,
    pub frozenset: Rc<Obj>,
    pub range: Rc<Obj>,
    pub slice: Rc<Obj>,
    pub function: Rc<Obj>,
    pub builtin_function: Rc<Obj>,
    pub method: Rc<Obj>,
    pub module: Rc<Obj>,
    pub coroutine: Rc<Obj>,
    pub generator: Rc<Obj>,
    pub async_generator: Rc<Obj>,
    pub iterator: Rc<Obj>,
    pub property: Rc<Obj>,
    pub staticmethod: Rc<Obj>,
    pub classmethod: Rc<Obj>,
    pub super_: Rc<Obj>,
    pub deque: Rc<Obj>,
    pub future: Rc<Obj>,
    pub task: Rc<Obj>,
    pub handle: Rc<Obj>,
    pub timer_handle: Rc<Obj>,
    pub event_loop: Rc<Obj>,
    pub ellipsis: Rc<Obj>,
    pub exceptions: HashMap<&'static str, Rc<Obj>>,
    pub not_implemented: Value,
}

impl Types {
    /// Every type object of the run (to break their reference cycles when it ends).
    pub fn all(&self) -> Vec<Rc<Obj>> {
        let mut v = vec![
            self.object.clone(), self.type_.clone(), self.none_type.clone(), self.bool.clone(), self.int.clone(), self.float.clone(),
            self.str.clone(), self.bytes.clone(), self.list.clone(), self.tuple.clone(), self.dict.clone(), self.set.clone(),
            self.frozenset.clone(), self.range.clone(), self.slice.clone(), self.function.clone(), self.builtin_function.clone(),
            self.method.clone(), self.module.clone(), self.coroutine.clone(), self.generator.clone(), self.async_generator.clone(),
            self.iterator.clone(), self.property.clone(), self.staticmethod.clone(), self.classmethod.clone(), self.super_.clone(),
            self.deque.clone(), self.future.clone(), self.task.clone(), self.handle.clone(), self.timer_handle.clone(),
            self.event_loop.clone(), self.ellipsis.clone(),
        ];
        v.extend(self.exceptions.values().cloned());
        v
    }

    pub fn exc(&self, name: &str) -> Rc<Obj> {
        self.exceptions.get(name).cloned().unwrap_or_else(|| self.exceptions["Exception"].clone())
    }
}

pub fn new_class(name: &str, bases: Vec<Rc<Obj>>, builtin: Option<BuiltinType>, module: &str) -> Rc<Obj> {
    // A new class may sit where a freed one was (a class of an earlier run, too): inline
    // caches are keyed by address and epoch, so a new epoch keeps their entries from matching.
    crate::call::bump_class_epoch();
    let class = Rc::new(Obj::Class(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        bases: bases.clone(),
        mro: RefCell::new(vec![]),
        dict: RefCell::new(Namespace::default()),
        builtin,
        module: Rc::from(module),
        has_properties: std::cell::Cell::new(false),
    }));
    let mro = compute_mro(&class, &bases).unwrap_or_default();
    if let Obj::Class(c) = &*class {
        *c.mro.borrow_mut() = mro;
    }
    class
}

/// C3 linearization.
pub fn compute_mro(class: &Rc<Obj>, bases: &[Rc<Obj>]) -> Result<Vec<Rc<Obj>>, String> {
    let mut seqs: Vec<Vec<Rc<Obj>>> = bases
        .iter()
        .map(|b| match &**b {
            Obj::Class(c) => c.mro.borrow().clone(),
            _ => vec![],
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![class.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| Rc::ptr_eq(x, c))));
        let Some(c) = candidate else {
            return Err("Cannot create a consistent method resolution order (MRO)".into());
        };
        for s in &mut seqs {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

pub fn is_subclass(class: &Rc<Obj>, base: &Rc<Obj>) -> bool {
    if Rc::ptr_eq(class, base) {
        return true;
    }
    match &**class {
        Obj::Class(c) => c.mro.borrow().iter().any(|m| Rc::ptr_eq(m, base)),
        _ => false,
    }
}

pub fn builtin(name: &'static str, func: NativeFn) -> Value {
    Value::obj(Obj::Builtin(Builtin { name, func, bound: None }))
}

pub fn set_method(class: &Rc<Obj>, name: &'static str, func: NativeFn) {
    if let Obj::Class(c) = &**class {
        c.dict.borrow_mut().insert(Rc::from(name), builtin(name, func));
    }
}

pub fn make_types() -> Types {
    let object = new_class("object", vec![], Some(BuiltinType::Object), "builtins");
    let o = || vec![object.clone()];
    let mk = |name: &str, bt: BuiltinType| new_class(name, vec![object.clone()], Some(bt), "builtins");
    let int = mk("int", BuiltinType::Int);
    let bool_ = new_class("bool", vec![int.clone()], Some(BuiltinType::Bool), "builtins");
    let mut exceptions: HashMap<&'static str, Rc<Obj>> = HashMap::new();
    for (name, parent) in crate::exceptions::HIERARCHY {
        let mut bases = vec![if *parent == "object" { object.clone() } else { exceptions[parent].clone() }];
        if *name == "ExceptionGroup" {
            // class ExceptionGroup(BaseExceptionGroup, Exception)
            bases.push(exceptions["Exception"].clone());
        }
        let module = match *name {
            "CancelledError" | "InvalidStateError" | "LimitOverrunError" | "IncompleteReadError" => "asyncio.exceptions",
            "QueueEmpty" | "QueueFull" => "asyncio.queues",
            "JSONDecodeError" => "json.decoder",
            _ => "builtins",
        };
        let c = new_class(name, bases, Some(BuiltinType::BaseException), module);
        exceptions.insert(*name, c);
    }
    let _ = o;
    Types {
        type_: mk("type", BuiltinType::Type),
        none_type: mk("NoneType", BuiltinType::NoneType),
        bool: bool_,
        float: mk("float", BuiltinType::Float),
        str: mk("str", BuiltinType::Str),
        bytes: mk("bytes", BuiltinType::Bytes),
        list: mk("list", BuiltinType::List),
        tuple: mk("tuple", BuiltinType::Tuple),
        dict: mk("dict", BuiltinType::Dict),
        set: mk("set", BuiltinType::Set),
        frozenset: mk("frozenset", BuiltinType::FrozenSet),
        range: mk("range", BuiltinType::Range),
        slice: mk("slice", BuiltinType::Slice),
        function: mk("function", BuiltinType::Function),
        builtin_function: mk("builtin_function_or_method", BuiltinType::BuiltinFunction),
        method: mk("method", BuiltinType::Method),
        module: mk("module", BuiltinType::Module),
        coroutine: mk("coroutine", BuiltinType::Coroutine),
        generator: mk("generator", BuiltinType::Generator),
        async_generator: mk("async_generator", BuiltinType::AsyncGenerator),
        iterator: mk("iterator", BuiltinType::Iterator),
        property: mk("property", BuiltinType::Property),
        staticmethod: mk("staticmethod", BuiltinType::StaticMethod),
        classmethod: mk("classmethod", BuiltinType::ClassMethod),
        super_: mk("super", BuiltinType::Super),
        deque: new_class("deque", vec![object.clone()], Some(BuiltinType::Deque), "collections"),
        future: new_class("Future", vec![object.clone()], Some(BuiltinType::Future), "asyncio"),
        task: new_class("Task", vec![object.clone()], Some(BuiltinType::Task), "asyncio"),
        handle: new_class("Handle", vec![object.clone()], Some(BuiltinType::Handle), "asyncio"),
        timer_handle: new_class("TimerHandle", vec![object.clone()], Some(BuiltinType::Handle), "asyncio"),
        event_loop: new_class("_UnixSelectorEventLoop", vec![object.clone()], Some(BuiltinType::Loop), "asyncio"),
        ellipsis: mk("ellipsis", BuiltinType::Native),
        not_implemented: Value::obj(Obj::Native(NativeObj::Sentinel("NotImplemented"))),
        int,
        object,
        exceptions,
    }
}

// ---------- argument helpers ----------

pub fn arg(vm: &mut Vm, args: &[Value], i: usize, fname: &str) -> PyResult {
    match args.get(i) {
        Some(v) => Ok(v.clone()),
        None => vm.type_error(format!("{fname}() missing required argument (pos {})", i + 1)),
    }
}

pub fn kwarg(kwargs: &Kwargs, name: &str) -> Option<Value> {
    kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v.clone())
}

pub fn no_kwargs(vm: &mut Vm, kwargs: &Kwargs, fname: &str) -> PyResult<()> {
    if let Some((k, _)) = kwargs.first() {
        return vm.type_error(format!("{fname}() got an unexpected keyword argument '{k}'"));
    }
    Ok(())
}

pub fn arity(vm: &mut Vm, args: &[Value], min: usize, max: usize, fname: &str) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        let expected = if min == max { format!("exactly {min} argument{}", if min == 1 { "" } else { "s" }) } else if args.len() < min {
            format!("at least {min} argument{}", if min == 1 { "" } else { "s" })
        } else {
            format!("at most {max} argument{}", if max == 1 { "" } else { "s" })
        };
        return vm.type_error(format!("{fname}() takes {expected} ({} given)", args.len()));
    }
    Ok(())
}

pub fn as_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Big(_) => vm.err("OverflowError", "Python int too large to convert to C ssize_t"),
        _ => {
            let t = vm.type_name(v);
            vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
        }
    }
}

pub fn as_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match to_f64(v) {
        Some(f) => Ok(f),
        None => {
            let t = vm.type_name(v);
            vm.type_error(format!("must be real number, not {t}"))
        }
    }
}

pub fn as_str(vm: &mut Vm, v: &Value) -> PyResult<Rc<str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => {
            let t = vm.type_name(v);
            vm.type_error(format!("expected str, got {t}"))
        }
    }
}

// ---------- range ----------

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

pub fn range_contains(start: i64, stop: i64, step: i64, i: i64) -> bool {
    let in_bounds = if step > 0 { i >= start && i < stop } else { i <= start && i > stop };
    in_bounds && (i - start) % step == 0
}

pub fn range_eq(a: &Value, b: &Value) -> bool {
    if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
        if let (Obj::Range { start: s1, stop: e1, step: t1 }, Obj::Range { start: s2, stop: e2, step: t2 }) = (&**x, &**y) {
            let (l1, l2) = (range_len(*s1, *e1, *t1), range_len(*s2, *e2, *t2));
            return l1 == l2 && (l1 == 0 || (s1 == s2 && (l1 == 1 || t1 == t2)));
        }
    }
    false
}

// ---------- iteration state machine ----------

pub fn iter_next(vm: &mut Vm, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    let mut st = state.borrow_mut();
    match &mut *st {
        IterState::Seq { seq, index } => {
            let Value::Obj(o) = seq else { return Ok(None) };
            let item = match &**o {
                Obj::List(l) => l.borrow().get(*index).cloned(),
                Obj::Tuple(t) => t.get(*index).cloned(),
                Obj::Bytes(b) => b.get(*index).map(|x| Value::Int(*x as i64)),
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
            let next = |s: &crate::pyset::PySet, slot: &mut usize| -> Option<Value> {
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
        IterState::DictKeys { dict, index, len } | IterState::DictValues { dict, index, len } | IterState::DictItems { dict, index, len } => {
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
            let Some((k, v)) = m.get_index(*index) else { return Ok(None) };
            let (k, v) = (k.value.clone(), v.clone());
            drop(m);
            let out = match &*st {
                IterState::DictKeys { .. } => k,
                IterState::DictValues { .. } => v,
                _ => Value::tuple(vec![k, v]),
            };
            if let IterState::DictKeys { index, .. } | IterState::DictValues { index, .. } | IterState::DictItems { index, .. } = &mut *st {
                *index += 1;
            }
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
                Err(e) if crate::exceptions::is_instance_of(&e, &vm.t.exc("IndexError")) || crate::exceptions::is_instance_of(&e, &vm.t.exc("StopIteration")) => {
                    *state.borrow_mut() = IterState::Exhausted;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::Exhausted => Ok(None),
    }
}


// ---------- sequences ----------

pub fn seq_index(vm: &mut Vm, len: usize, idx: &Value, what: &str) -> PyResult<usize> {
    let i = match idx {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Big(_) => return vm.err("IndexError", format!("cannot fit 'int' into an index-sized integer")),
        _ => {
            let t = vm.type_name(idx);
            return vm.type_error(format!("{what} indices must be integers or slices, not {t}"));
        }
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

fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
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
                            let c = self.t.exc("KeyError");
                            Err(crate::exceptions::instantiate(&c, vec![idx.clone()]))
                        }
                    }
                }
                Obj::Class(_) => Ok(obj.clone()), // `list[int]` in annotations
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
                Obj::Dict(d) => {
                    let k = self.key_in(d, idx.clone())?;
                    if d.borrow_mut().shift_remove(&k).is_none() {
                        let c = self.t.exc("KeyError");
                        return Err(crate::exceptions::instantiate(&c, vec![idx.clone()]));
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
                Obj::Deque(d, _) => d.borrow().len(),
                Obj::Range { start, stop, step } => range_len(*start, *stop, *step) as usize,
                Obj::Native(NativeObj::DictView(_, d)) => match &**d {
                    Obj::Dict(m) => m.borrow().len(),
                    _ => 0,
                },
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
            return Ok(Some(Value::Str(Rc::from(s.repeat(n)))));
        }
        (Mod, Value::Str(s), _) => return Ok(Some(Value::Str(Rc::from(crate::methods::percent_format(vm, s, b)?)))),
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
            if let Value::Obj(y) = b {
                if let Obj::Bytes(q) = &**y {
                    let mut out = p.clone();
                    out.extend(q);
                    return Ok(Some(Value::obj(Obj::Bytes(out))));
                }
            }
        }
        (Mul, Obj::List(_) | Obj::Tuple(_)) if matches!(b, Value::Int(_) | Value::Bool(_)) => {
            let n = as_int(vm, b)?.max(0) as usize;
            let items = tuple_items(a);
            if items.len().saturating_mul(n) > 10_000_000 {
                return vm.err("MemoryError", "list too large");
            }
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
            use crate::pyset::*;
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
pub fn set_items(v: &Value) -> Option<crate::pyset::PySet> {
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

pub fn dict_update_from(vm: &mut Vm, target: &Value, src: &Value) -> PyResult<()> {
    let Value::Obj(t) = target else { return Ok(()) };
    let Obj::Dict(map) = &**t else { return Ok(()) };
    if let Value::Obj(s) = src {
        if let Obj::Dict(m) = &**s {
            let items: Vec<(Key, Value)> = m.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            map.borrow_mut().extend(items);
            return Ok(());
        }
        if let Obj::Instance(_) = &**s {
            if let Some(keys) = vm.lookup_method(src, "keys")? {
                let ks = vm.call(keys, vec![src.clone()], vec![])?;
                for k in vm.collect_iter(&ks)? {
                    let v = vm.get_item(src, &k)?;
                    let key = vm.key(k)?;
                    map.borrow_mut().insert(key, v);
                }
                return Ok(());
            }
        }
    }
    let items = match vm.collect_iter(src) {
        Ok(items) => items,
        Err(_) => {
            let t = vm.type_name(src);
            return vm.type_error(format!("'{t}' object is not a mapping"));
        }
    };
    for (i, item) in items.into_iter().enumerate() {
        let pair = vm.collect_iter(&item)?;
        if pair.len() != 2 {
            return vm.err(
                "ValueError",
                format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len()),
            );
        }
        let key = vm.key(pair[0].clone())?;
        map.borrow_mut().insert(key, pair[1].clone());
    }
    Ok(())
}

pub fn ascii_of(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii() { c.to_string() } else if (c as u32) < 0x100 { format!("\\x{:02x}", c as u32) } else if (c as u32) < 0x10000 { format!("\\u{:04x}", c as u32) } else { format!("\\U{:08x}", c as u32) })
        .collect()
}

fn addr(o: &Rc<Obj>) -> String {
    format!("0x{:012x}", Rc::as_ptr(o) as *const u8 as usize)
}

thread_local! {
    static REPR_GUARD: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    /// Nesting of native recursion over containers (repr of tuples, ==, hash).
    pub static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Runs `f` one level deeper into a nested container, or fails with RecursionError.
pub fn nested<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    if DEPTH.with(|d| d.get()) > awaitlab_syntax::MAX_NESTING {
        return vm.err("RecursionError", "maximum recursion depth exceeded in comparison");
    }
    DEPTH.with(|d| d.set(d.get() + 1));
    let r = f(vm);
    DEPTH.with(|d| d.set(d.get() - 1));
    r
}

pub fn obj_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Value::Obj(o) = v else { unreachable!() };
    let ptr = Rc::as_ptr(o) as *const u8 as usize;
    let recursive = matches!(&**o, Obj::List(_) | Obj::Dict(_) | Obj::Deque(..));
    if recursive {
        if REPR_GUARD.with(|g| g.borrow().len()) > awaitlab_syntax::MAX_NESTING {
            return vm.err("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
        }
        if REPR_GUARD.with(|g| g.borrow().contains(&ptr)) {
            return Ok(match &**o {
                Obj::List(_) => "[...]".into(),
                Obj::Dict(_) => "{...}".into(),
                _ => "...".into(),
            });
        }
        REPR_GUARD.with(|g| g.borrow_mut().push(ptr));
    }
    let r = obj_repr_inner(vm, v, o);
    if recursive {
        REPR_GUARD.with(|g| g.borrow_mut().pop());
    }
    r
}

fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for it in items {
        parts.push(vm.repr(it)?.to_string());
    }
    Ok(parts.join(", "))
}

fn obj_repr_inner(vm: &mut Vm, v: &Value, o: &Rc<Obj>) -> PyResult<String> {
    Ok(match &**o {
        Obj::List(l) => {
            let items = l.borrow().clone();
            format!("[{}]", join_reprs(vm, &items)?)
        }
        Obj::Tuple(t) => {
            if DEPTH.with(|d| d.get()) > awaitlab_syntax::MAX_NESTING {
                return vm.err("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
            }
            DEPTH.with(|d| d.set(d.get() + 1));
            let r = if t.len() == 1 { vm.repr(&t[0]).map(|r| format!("({r},)")) } else { join_reprs(vm, &t.clone()).map(|j| format!("({j})")) };
            DEPTH.with(|d| d.set(d.get() - 1));
            return r;
        }
        Obj::Dict(d) => {
            let items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.value.clone(), v.clone())).collect();
            let mut parts = vec![];
            for (k, v) in items {
                parts.push(format!("{}: {}", vm.repr(&k)?, vm.repr(&v)?));
            }
            format!("{{{}}}", parts.join(", "))
        }
        Obj::Set(s) => {
            let items: Vec<Value> = s.borrow().iter().map(|k| k.value.clone()).collect();
            if items.is_empty() {
                "set()".into()
            } else {
                format!("{{{}}}", join_reprs(vm, &items)?)
            }
        }
        Obj::FrozenSet(s) => {
            let items: Vec<Value> = s.iter().map(|k| k.value.clone()).collect();
            if items.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", join_reprs(vm, &items)?)
            }
        }
        Obj::Bytes(b) => awaitlab_syntax::literal::bytes_repr(b),
        Obj::Range { start, stop, step } => {
            if *step == 1 {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }
        }
        Obj::Slice(a, b, c) => format!("slice({}, {}, {})", vm.repr(a)?, vm.repr(b)?, vm.repr(c)?),
        Obj::Function(f) => format!("<function {} at {}>", f.current_qualname(), addr(o)),
        Obj::Builtin(b) => match &b.bound {
            Some(r) if !matches!(r, Value::Obj(m) if matches!(&**m, Obj::Module{..})) => {
                let t = vm.type_name(r);
                format!("<built-in method {} of {} object at {}>", b.name, t, addr(o))
            }
            _ => format!("<built-in function {}>", b.name),
        },
        Obj::BoundMethod { receiver, func } => {
            let fname = match func {
                Value::Obj(f) => match &**f {
                    Obj::Function(f) => f.qualname.to_string(),
                    Obj::Builtin(b) => b.name.to_string(),
                    _ => "?".into(),
                },
                _ => "?".into(),
            };
            format!("<bound method {} of {}>", fname, vm.repr(receiver)?)
        }
        Obj::Class(c) => {
            if &*c.module == "builtins" {
                format!("<class '{}'>", c.name)
            } else {
                format!("<class '{}.{}'>", c.module, c.qualname)
            }
        }
        Obj::Instance(inst) => {
            if let Some(m) = vm.lookup_method(v, "__repr__")? {
                let r = vm.call(m, vec![v.clone()], vec![])?;
                return match r {
                    Value::Str(s) => Ok(s.to_string()),
                    _ => {
                        let t = vm.type_name(&r);
                        vm.type_error(format!("__repr__ returned non-string (type {t})"))
                    }
                };
            }
            if crate::exceptions::is_exception(v) {
                let args = crate::exceptions::exc_args(v);
                let name = crate::exceptions::class_name(v);
                return Ok(if args.len() == 1 {
                    format!("{name}({})", vm.repr(&args[0])?)
                } else {
                    format!("{name}({})", join_reprs(vm, &args)?)
                });
            }
            let (module, qual) = match &*inst.class {
                Obj::Class(c) => (c.module.clone(), c.qualname.clone()),
                _ => (Rc::from("?"), Rc::from("?")),
            };
            format!("<{module}.{qual} object at {}>", addr(o))
        }
        Obj::Module { name, .. } => format!("<module '{name}' (built-in)>"),
        Obj::Gen(g) => {
            let kind = match g.kind {
                GenKind::Generator => "generator",
                GenKind::Coroutine => "coroutine",
                GenKind::AsyncGenerator => "async_generator",
            };
            format!("<{kind} object {} at {}>", g.qualname, addr(o))
        }
        Obj::Iter(_) => format!("<iterator object at {}>", addr(o)),
        Obj::Cell(_) => format!("<cell at {}>", addr(o)),
        Obj::Property { .. } => format!("<property object at {}>", addr(o)),
        Obj::StaticMethod(_) => format!("<staticmethod object at {}>", addr(o)),
        Obj::ClassMethod(_) => format!("<classmethod object at {}>", addr(o)),
        Obj::Super { .. } => "<super object>".into(),
        Obj::Deque(d, maxlen) => {
            let items: Vec<Value> = d.borrow().iter().cloned().collect();
            match maxlen {
                Some(m) => format!("deque([{}], maxlen={m})", join_reprs(vm, &items)?),
                None => format!("deque([{}])", join_reprs(vm, &items)?),
            }
        }
        Obj::Native(n) => match n {
            NativeObj::Ellipsis => "Ellipsis".into(),
            NativeObj::Sentinel(s) => s.to_string(),
            NativeObj::Future(_) => crate::asyncio::future_repr(vm, o)?,
            NativeObj::Handle(h) => crate::asyncio::handle_repr(vm, h)?,
            NativeObj::Loop => {
                let running = vm.rt.running;
                let closed = vm.rt.closed;
                format!("<_UnixSelectorEventLoop running={} closed={} debug=False>", if running { "True" } else { "False" }, if closed { "True" } else { "False" })
            }
            NativeObj::DictView(kind, d) => {
                let dv = Value::Obj(d.clone());
                let items = match kind {
                    0 => crate::methods::dict_keys(&dv),
                    1 => crate::methods::dict_values(&dv),
                    _ => crate::methods::dict_items(&dv),
                };
                let name = ["dict_keys", "dict_values", "dict_items"][*kind as usize];
                format!("{name}([{}])", join_reprs(vm, &items)?)
            }
            _ => format!("<object at {}>", addr(o)),
        },
    })
}

pub fn special_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(match (obj, name) {
        (Value::Int(_) | Value::Big(_) | Value::Bool(_), "real" | "numerator") => Some(int_value(to_big(obj).unwrap())),
        (Value::Int(_) | Value::Big(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::Big(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(f), "real") => Some(Value::Float(*f)),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        _ => {
            let _ = vm;
            None
        }
    })
}

// ---------- classes ----------

pub fn build_class(vm: &mut Vm, body: Value, name: Rc<str>, bases: Vec<Value>) -> PyResult {
    let mut base_classes = vec![];
    for b in &bases {
        match b {
            Value::Obj(o) if matches!(&**o, Obj::Class(_)) => base_classes.push(o.clone()),
            _ => {
                let t = vm.type_name(b);
                return vm.type_error(format!("bases must be types, not {t}"));
            }
        }
    }
    for b in &base_classes {
        if let Obj::Class(c) = &**b {
            if let Some(bt) = c.builtin {
                if !matches!(bt, BuiltinType::Object | BuiltinType::BaseException) {
                    return vm.err(
                        "NotImplementedError",
                        format!("subclassing the builtin type '{}' is not supported in Awaitlab", c.name),
                    );
                }
            }
        }
    }
    if base_classes.is_empty() {
        base_classes.push(vm.t.object.clone());
    }
    let Value::Obj(bo) = &body else { unreachable!() };
    let Obj::Function(func) = &**bo else { unreachable!() };
    let ns = Rc::new(RefCell::new(Namespace::default()));
    let mut frame = vm.make_frame(func, vec![], crate::vm::Mode::Top);
    frame.ns = Some(ns.clone());
    let class_cell = func.code.cellvars.iter().position(|c| &**c == "__class__").map(|i| frame.cells[i].clone());
    vm.run_nested(crate::vm::Thread { frames: vec![frame], pending_throw: None })?;
    let qualname = match ns.borrow().get("__qualname__") {
        Some(Value::Str(q)) => q.clone(),
        _ => name.clone(),
    };
    let module = match ns.borrow().get("__module__") {
        Some(Value::Str(m)) => m.clone(),
        _ => Rc::from("__main__"),
    };
    let builtin = base_classes.iter().find_map(|b| match &**b {
        Obj::Class(c) if c.builtin == Some(BuiltinType::BaseException) => Some(BuiltinType::BaseException),
        _ => None,
    });
    // A new class may sit where a freed one was (a class of an earlier run, too): inline
    // caches are keyed by address and epoch, so a new epoch keeps their entries from matching.
    crate::call::bump_class_epoch();
    let class = Rc::new(Obj::Class(Class {
        name: name.clone(),
        qualname,
        bases: base_classes.clone(),
        mro: RefCell::new(vec![]),
        dict: RefCell::new(ns.borrow().clone()),
        builtin: None,
        module,
        has_properties: std::cell::Cell::new(false),
    }));
    let _ = builtin;
    let mro = match compute_mro(&class, &base_classes) {
        Ok(m) => m,
        Err(e) => return vm.type_error(e),
    };
    if let Obj::Class(c) = &*class {
        let has_properties = mro.iter().any(|m| match &**m {
            Obj::Class(mc) => mc.dict.borrow().values().any(|v| matches!(v, Value::Obj(o) if matches!(&**o, Obj::Property { .. }))),
            _ => false,
        });
        c.has_properties.set(has_properties);
        *c.mro.borrow_mut() = mro;
    }
    if let Some(cell) = class_cell {
        *cell.borrow_mut() = Some(Value::Obj(class.clone()));
    }
    Ok(Value::Obj(class))
}

pub fn is_exception_class(vm: &Vm, class: &Rc<Obj>) -> bool {
    is_subclass(class, &vm.t.exc("BaseException"))
}

pub fn instantiate(vm: &mut Vm, class: Rc<Obj>, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    let Obj::Class(c) = &*class else { unreachable!() };
    if let Some(bt) = c.builtin {
        if bt != BuiltinType::BaseException || c.name.ends_with("ExceptionGroup") {
            return crate::methods::construct_builtin(vm, &class, bt, args, kwargs);
        }
    }
    let is_exc = is_exception_class(vm, &class);
    if let Some(new) = vm.class_lookup(&class, "__new__") {
        if let Value::Obj(f) = &new {
            if matches!(&**f, Obj::Function(_) | Obj::StaticMethod(_)) {
                let mut a = vec![Value::Obj(class.clone())];
                a.extend(args.iter().cloned());
                let inner = match &**f {
                    Obj::StaticMethod(i) => i.clone(),
                    _ => new.clone(),
                };
                let obj = vm.call(inner, a, kwargs.clone())?;
                if let Value::Obj(oo) = &obj {
                    if let Obj::Instance(i) = &**oo {
                        if Rc::ptr_eq(&i.class, &class) {
                            if let Some(init) = vm.class_lookup(&class, "__init__") {
                                if matches!(&init, Value::Obj(x) if matches!(&**x, Obj::Function(_))) {
                                    let mut a = vec![obj.clone()];
                                    a.extend(args);
                                    vm.call(init, a, kwargs)?;
                                }
                            }
                        }
                    }
                }
                return Ok(obj);
            }
        }
    }
    let inst = Value::obj(Obj::Instance(Instance {
        class: class.clone(),
        dict: RefCell::new(Namespace::default()),
        exc: RefCell::new(if is_exc { Some(Box::default()) } else { None }),
    }));
    if is_exc {
        if let Value::Obj(o) = &inst {
            if let Obj::Instance(i) = &**o {
                i.dict.borrow_mut().insert(Rc::from("args"), Value::tuple(args.clone()));
            }
        }
    }
    let init = vm.class_lookup(&class, "__init__");
    match init {
        Some(init) if matches!(&init, Value::Obj(x) if matches!(&**x, Obj::Function(_) | Obj::Builtin(_))) => {
            let mut a = vec![inst.clone()];
            a.extend(args);
            let r = vm.call(init, a, kwargs)?;
            if !r.is_none() {
                let t = vm.type_name(&r);
                return vm.type_error(format!("__init__() should return None, not '{t}'"));
            }
        }
        _ => {
            if !is_exc && (!args.is_empty() || !kwargs.is_empty()) {
                return vm.type_error(format!("{}() takes no arguments", c.name));
            }
        }
    }
    Ok(inst)
}

// ---------- random: CPython's Mersenne Twister, so seeded programs print what CPython prints ----------

pub struct Rng {
    mt: [u32; 624],
    index: usize,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut r = Rng { mt: [0; 624], index: 624 };
        r.seed_words(&[seed as u32, (seed >> 32) as u32]);
        r
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..624 {
            self.mt[i] = 1812433253u32.wrapping_mul(self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.index = 624;
    }

    /// CPython's `init_by_array` (random.seed(int) feeds the int's 32-bit words).
    pub fn seed_words(&mut self, key: &[u32]) {
        let key: Vec<u32> = if key.is_empty() { vec![0] } else { key.to_vec() };
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let n = 624;
        let mut k = n.max(key.len());
        while k > 0 {
            self.mt[i] = (self.mt[i] ^ (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= n {
                self.mt[0] = self.mt[n - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = n - 1;
        while k > 0 {
            self.mt[i] = (self.mt[i] ^ (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= n {
                self.mt[0] = self.mt[n - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x80000000;
        self.index = 624;
    }

    pub fn seed_int(&mut self, n: &num_bigint::BigInt) {
        let (_, words) = n.abs().to_u32_digits();
        self.seed_words(&words);
    }

    pub fn genrand(&mut self) -> u32 {
        if self.index >= 624 {
            for i in 0..624 {
                let y = (self.mt[i] & 0x80000000) | (self.mt[(i + 1) % 624] & 0x7fffffff);
                let mut v = self.mt[(i + 397) % 624] ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908b0df;
                }
                self.mt[i] = v;
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        y
    }

    /// The 624 words and the position in them (random.getstate()).
    pub fn state(&self) -> ([u32; 624], usize) {
        (self.mt, self.index)
    }

    pub fn set_state(&mut self, mt: [u32; 624], index: usize) {
        self.mt = mt;
        self.index = index;
    }

    pub fn random(&mut self) -> f64 {
        let a = (self.genrand() >> 5) as f64;
        let b = (self.genrand() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    pub fn getrandbits(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.genrand() >> (32 - k)) as u64;
        }
        let lo = self.genrand() as u64;
        let hi = (self.genrand() >> (64 - k.min(64))) as u64;
        lo | (hi << 32)
    }

    pub fn randbelow(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }
}



#[cfg(test)]
mod cache_epoch_tests {
    /// Inline caches key entries by class address and epoch; a class created where a freed one
    /// was must not match the old entries, so every class creation starts a new epoch.
    #[test]
    fn creating_a_class_starts_a_new_cache_epoch() {
        let epochs_used = |src: &str| {
            let before = crate::call::class_epoch();
            let r = crate::run_virtual(src, &crate::RunConfig::default());
            assert_eq!(r.stderr(), "");
            crate::call::class_epoch() - before
        };
        let plain = epochs_used("x = 1\n");
        assert_eq!(epochs_used("class A:\n    pass\nclass B:\n    pass\n"), plain + 2);
    }
}
