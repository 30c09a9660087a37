//! Iteration: `iter()`, `next()`, `send()`, `throw()` delegation for `yield from`, async
//! iteration, unpacking and `in`.

use crate::types::native::NativeObj;
use crate::types::value::{GenKind, GenState, IterState, Obj, Value};
use crate::vm::{Frame, Mode, Outcome, PyResult, Thread, Vm};
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// What `next(it[, default])` does: a generator resumes directly (its return value rides on
    /// the StopIteration); with a default, exhaustion gives the default instead.
    pub fn next_or_default(&mut self, it: &Value, default: Option<&Value>) -> PyResult {
        if let Value::Obj(o) = it {
            if let Obj::Gen(g) = &**o {
                if g.kind == GenKind::Generator {
                    return match self.resume_generator_sync(o, Value::None, None)? {
                        Ok(v) => Ok(v),
                        Err(ret) => match default {
                            Some(d) => Ok(d.clone()),
                            None => {
                                let c = self.types.exc("StopIteration");
                                Err(crate::types::exceptions::instantiate(&c, if ret.is_none() { vec![] } else { vec![ret] }))
                            }
                        },
                    };
                }
            }
            if !matches!(&**o, Obj::Iter(_) | Obj::Instance(_) | Obj::Gen(_)) {
                let t = self.type_name(it);
                return self.type_error(format!("'{t}' object is not an iterator"));
            }
        } else {
            let t = self.type_name(it);
            return self.type_error(format!("'{t}' object is not an iterator"));
        }
        match self.next(it)? {
            Some(v) => Ok(v),
            None => match default {
                Some(d) => Ok(d.clone()),
                None => {
                    let c = self.types.exc("StopIteration");
                    Err(crate::types::exceptions::instantiate(&c, vec![]))
                }
            },
        }
    }

    pub fn get_iter(&mut self, v: &Value) -> PyResult {
        let state = match v {
            Value::Str(s) => IterState::Chars { s: s.clone(), byte: 0 },
            Value::Obj(o) => match &**o {
                Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_) | Obj::ByteArray(_) | Obj::Deque(..) => {
                    IterState::Seq { seq: v.clone(), index: 0 }
                }
                Obj::Native(NativeObj::MemoryView(m)) => IterState::Values(m.items(self)?.into()),
                Obj::Dict(d) => IterState::DictKeys { dict: o.clone(), index: 0, len: d.borrow().len() },
                Obj::Set(d) => IterState::SetSlots { set: o.clone(), slot: 0, len: d.borrow().len() },
                Obj::FrozenSet(d) => IterState::SetSlots { set: o.clone(), slot: 0, len: d.len() },
                Obj::Range { start, stop, step } => IterState::Range { next: *start, stop: *stop, step: *step },
                Obj::Iter(_) => return Ok(v.clone()),
                Obj::Gen(g) if g.kind == GenKind::Generator => return Ok(v.clone()),
                Obj::Class(_) if self.meta_method(v, "__iter__").is_some() => {
                    let m = self.meta_method(v, "__iter__").unwrap();
                    return self.call(m, vec![v.clone()], vec![]);
                }
                Obj::Native(NativeObj::DictView(..)) => return crate::types::dict::get_view_iter(self, v),
                Obj::Instance(_) => {
                    if let Some(m) = self.lookup_method(v, "__iter__")? {
                        return self.call(m, vec![v.clone()], vec![]);
                    }
                    if self.lookup_method(v, "__getitem__")?.is_some() {
                        IterState::GetItem { seq: v.clone(), index: 0 }
                    } else {
                        let t = self.type_name(v);
                        return self.type_error(format!("'{t}' object is not iterable"));
                    }
                }
                _ => {
                    let t = self.type_name(v);
                    if let Obj::Gen(g) = &**o {
                        if g.kind == GenKind::Coroutine {
                            return self.type_error("'coroutine' object is not iterable");
                        }
                        return self.type_error("'async_generator' object is not iterable");
                    }
                    return self.type_error(format!("'{t}' object is not iterable"));
                }
            },
            _ => {
                let t = self.type_name(v);
                return self.type_error(format!("'{t}' object is not iterable"));
            }
        };
        Ok(Value::obj(Obj::Iter(RefCell::new(state))))
    }

    /// The next item of an iterator, or None when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        // Native loops (sum, max, list(...)) count against the budget and honour Stop too.
        // A countdown of its own: testing `instructions % 4096` could miss forever when each
        // item costs a fixed number of instructions (found by fuzzing).
        self.instructions += 1;
        self.native_steps += 1;
        if self.native_steps >= 4096 {
            self.native_steps = 0;
            self.limit_check()?;
        }
        let Value::Obj(o) = it else {
            let t = self.type_name(it);
            return self.type_error(format!("'{t}' object is not an iterator"));
        };
        match &**o {
            Obj::Iter(state) => crate::types::iterator::iter_next(self, state),
            Obj::Gen(g) if g.kind == GenKind::Generator => match self.resume_generator_sync(o, Value::None, None)? {
                Ok(v) => Ok(Some(v)),
                Err(_) => Ok(None),
            },
            Obj::Instance(_) => {
                let Some(m) = self.lookup_method(it, "__next__")? else {
                    let t = self.type_name(it);
                    return self.type_error(format!("'{t}' object is not an iterator"));
                };
                match self.call(m, vec![it.clone()], vec![]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if crate::types::exceptions::is_instance_of(&e, &self.types.exc("StopIteration")) => Ok(None),
                    Err(e) => Err(e),
                }
            }
            _ => {
                let t = self.type_name(it);
                self.type_error(format!("'{t}' object is not an iterator"))
            }
        }
    }

    /// Drives an iterator for `yield from`: Ok(yielded) or Err(return value).
    /// `yield from`'s step: `next(it)` when `sent` is None, else `it.send(sent)`.
    pub fn send_into(&mut self, it: &Value, sent: Value) -> PyResult<Result<Value, Value>> {
        if sent.is_none() {
            return self.next_with_value(it);
        }
        if let Value::Obj(o) = it {
            if let Obj::Gen(g) = &**o {
                if g.kind == GenKind::Generator {
                    return self.resume_generator_sync(o, sent, None);
                }
            }
        }
        let send = self.get_attr(it, "send")?;
        match self.call(send, vec![sent], vec![]) {
            Ok(v) => Ok(Ok(v)),
            Err(e) if crate::types::exceptions::is_instance_of(&e, &self.types.exc("StopIteration")) => {
                Ok(Err(crate::types::exceptions::exc_args(&e).first().cloned().unwrap_or(Value::None)))
            }
            Err(e) => Err(e),
        }
    }

    pub fn next_with_value(&mut self, it: &Value) -> PyResult<Result<Value, Value>> {
        if let Value::Obj(o) = it {
            if let Obj::Gen(g) = &**o {
                if g.kind == GenKind::Generator {
                    return self.resume_generator_sync(o, Value::None, None);
                }
            }
        }
        Ok(match self.next(it)? {
            Some(v) => Ok(v),
            None => Err(Value::None),
        })
    }

    /// PEP 380: a generator suspended in `yield from` hands throw() to the iterator it drives
    /// (and close() closes that iterator first).
    fn delegate_throw(&mut self, g: &crate::types::value::Generator, exc: Value) -> PyResult<Delegated> {
        let inner = {
            let f = g.frame.borrow();
            f.as_ref().and_then(|f| match f.code.ops.get(f.ip) {
                Some(awaitlab_compile::bytecode::Op::YieldFrom) => f.stack.last().cloned(),
                _ => None,
            })
        };
        let Some(inner) = inner else { return Ok(Delegated::Raise(exc)) };
        if crate::types::exceptions::is_instance_of(&exc, &self.types.exc("GeneratorExit")) {
            if let Ok(close) = self.get_attr(&inner, "close") {
                if let Err(e) = self.call(close, vec![], vec![]) {
                    return Ok(Delegated::Raise(e));
                }
            }
            return Ok(Delegated::Raise(exc));
        }
        let result = match &inner {
            Value::Obj(o) if matches!(&**o, Obj::Gen(ig) if ig.kind == GenKind::Generator) => {
                self.resume_generator_sync(o, Value::None, Some(exc))
            }
            _ => match self.get_attr(&inner, "throw") {
                Ok(t) => match self.call(t, vec![exc], vec![]) {
                    Ok(v) => Ok(Ok(v)),
                    Err(e) if crate::types::exceptions::is_instance_of(&e, &self.types.exc("StopIteration")) => {
                        Ok(Err(crate::types::exceptions::exc_args(&e).first().cloned().unwrap_or(Value::None)))
                    }
                    Err(e) => Err(e),
                },
                Err(_) => return Ok(Delegated::Raise(exc)),
            },
        };
        match result {
            Ok(Ok(v)) => Ok(Delegated::Yielded(v)),
            Ok(Err(returned)) => {
                // The inner iterator finished: the `yield from` evaluates to what it returned.
                let mut f = g.frame.borrow_mut();
                let f = f.as_mut().expect("suspended generator has a frame");
                f.stack.pop();
                f.stack.push(returned);
                f.ip += 1;
                Ok(Delegated::Finished)
            }
            Err(e) => Ok(Delegated::Raise(e)),
        }
    }

    /// Runs a generator to its next yield in a nested thread: Ok(yielded) or Err(returned value).
    pub fn resume_generator_sync(&mut self, gen_obj: &Rc<Obj>, send: Value, throw: Option<Value>) -> PyResult<Result<Value, Value>> {
        let Obj::Gen(g) = &**gen_obj else { unreachable!() };
        match g.state.get() {
            GenState::Running => return self.err("ValueError", "generator already executing"),
            GenState::Closed => {
                if let Some(e) = throw {
                    return Err(e);
                }
                return Ok(Err(Value::None));
            }
            GenState::Created if !send.is_none() && throw.is_none() => {
                return self.type_error("can't send non-None value to a just-started generator");
            }
            _ => {}
        }
        // Generators driven from native code (yield from, list(), for in a native loop) nest
        // native calls: bounded like run_nested, found by fuzzing (endless `yield from` recursion).
        if self.nested_depth > crate::vm::NESTED_LIMIT {
            return self.err("RecursionError", "maximum recursion depth exceeded");
        }
        let mut throw = throw;
        let mut push_send = true;
        if let (Some(exc), GenState::Suspended) = (throw.clone(), g.state.get()) {
            match self.delegate_throw(g, exc)? {
                Delegated::Yielded(v) => return Ok(Ok(v)),
                Delegated::Finished => {
                    throw = None;
                    push_send = false;
                }
                Delegated::Raise(e) => throw = Some(e),
            }
        }
        let mut frame: Frame = *g.frame.borrow_mut().take().expect("suspended generator has a frame");
        if g.state.get() == GenState::Suspended && throw.is_none() && push_send {
            frame.stack.push(send);
        }
        frame.mode = Mode::Top;
        g.state.set(GenState::Running);
        let mut thread = Thread { frames: vec![frame], pending_throw: throw };
        self.nested_depth += 1;
        let mut budget = u64::MAX;
        let out = self.execute(&mut thread, &mut budget);
        self.nested_depth -= 1;
        match out {
            Outcome::Yielded(v) => {
                let mut frame = thread.frames.pop().unwrap();
                frame.mode = Mode::Call;
                g.state.set(GenState::Suspended);
                *g.frame.borrow_mut() = Some(Box::new(frame));
                Ok(Ok(v))
            }
            Outcome::Returned(v) => {
                g.state.set(GenState::Closed);
                Ok(Err(v))
            }
            Outcome::Raised(e) => {
                g.state.set(GenState::Closed);
                let stop = self.types.exc("StopIteration");
                if crate::types::exceptions::is_instance_of(&e, &stop) && g.kind == GenKind::Generator {
                    let args = crate::types::exceptions::exc_args(&e);
                    return Ok(Err(args.first().cloned().unwrap_or(Value::None)));
                }
                Err(e)
            }
            _ => {
                g.state.set(GenState::Closed);
                self.err("RuntimeError", "a generator cannot suspend the event loop")
            }
        }
    }

    pub fn collect_iter(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            match &**o {
                Obj::List(l) => return Ok(l.borrow().clone()),
                Obj::Tuple(t) => return Ok(t.clone()),
                _ => {}
            }
        }
        let it = self.get_iter(v)?;
        let mut out = vec![];
        while let Some(x) = self.next(&it)? {
            out.push(x);
            if out.len() > 10_000_000 {
                return self.err("MemoryError", "too many items");
            }
        }
        Ok(out)
    }

    pub fn get_aiter(&mut self, v: &Value) -> PyResult {
        if let Value::Obj(o) = v {
            if let Obj::Gen(g) = &**o {
                if g.kind == GenKind::AsyncGenerator {
                    return Ok(v.clone());
                }
            }
        }
        if let Some(m) = self.lookup_method(v, "__aiter__")? {
            return self.call(m, vec![v.clone()], vec![]);
        }
        let t = self.type_name(v);
        self.type_error(format!("'async for' requires an object with __aiter__ method, got {t}"))
    }

    pub fn get_anext(&mut self, it: &Value) -> PyResult {
        if let Value::Obj(o) = it {
            if let Obj::Gen(g) = &**o {
                if g.kind == GenKind::AsyncGenerator {
                    return Ok(Value::obj(Obj::Native(NativeObj::Anext(it.clone()))));
                }
            }
        }
        if let Some(m) = self.lookup_method(it, "__anext__")? {
            let aw = self.call(m, vec![it.clone()], vec![])?;
            self.check_awaitable(&aw)?;
            return Ok(aw);
        }
        let t = self.type_name(it);
        self.type_error(format!("'async for' requires an iterator with __anext__ method, got {t}"))
    }

    pub fn unpack(&mut self, v: &Value, n: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Obj(o) if matches!(&**o, Obj::Tuple(_) | Obj::List(_)) => crate::vm::tuple_items(v),
            _ => {
                let it = self.get_iter(v)?;
                let mut out = vec![];
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if after.is_none() && out.len() > n {
                        break;
                    }
                }
                out
            }
        };
        match after {
            None => {
                if items.len() < n {
                    return self.err("ValueError", format!("not enough values to unpack (expected {n}, got {})", items.len()));
                }
                if items.len() > n {
                    return self.err("ValueError", format!("too many values to unpack (expected {n})"));
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < n + after {
                    return self
                        .err("ValueError", format!("not enough values to unpack (expected at least {}, got {})", n + after, items.len()));
                }
                let mut out: Vec<Value> = items[..n].to_vec();
                out.push(Value::list(items[n..items.len() - after].to_vec()));
                out.extend(items[items.len() - after..].iter().cloned());
                Ok(out)
            }
        }
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(i) => Ok(s.contains(&**i)),
                _ => {
                    let t = self.type_name(item);
                    self.type_error(format!("'in <string>' requires string as left operand, not {t}"))
                }
            },
            Value::Obj(o) => match &**o {
                Obj::Dict(d) => {
                    let k = self.key_in(d, item.clone())?;
                    Ok(d.borrow().contains_key(&k))
                }
                Obj::Set(d) => {
                    let set = d.borrow().clone();
                    let k = self.set_key(&set, item.clone())?;
                    Ok(set.contains(&k))
                }
                Obj::FrozenSet(d) => {
                    let k = self.set_key(d, item.clone())?;
                    Ok(d.contains(&k))
                }
                Obj::Native(NativeObj::DictView(kind, d)) => {
                    let dv = Value::Obj(d.clone());
                    match kind {
                        0 => self.contains(&dv, item),
                        1 => {
                            let vals = crate::types::dict::values_of(&dv);
                            self.any_eq(&vals, item)
                        }
                        _ => {
                            let vals = crate::types::dict::items_of(&dv);
                            self.any_eq(&vals, item)
                        }
                    }
                }
                Obj::Range { start, stop, step } => match item {
                    Value::Int(i) => Ok(crate::types::range::range_contains(*start, *stop, *step, *i)),
                    _ => Ok(false),
                },
                Obj::Bytes(_) | Obj::ByteArray(_) => crate::types::buffer::contains(self, container, item),
                Obj::Native(NativeObj::MemoryView(m)) => {
                    let items = m.items(self)?;
                    self.any_eq(&items, item)
                }
                Obj::Class(_) if self.meta_method(container, "__contains__").is_some() => {
                    let m = self.meta_method(container, "__contains__").unwrap();
                    let r = self.call(m, vec![container.clone(), item.clone()], vec![])?;
                    self.truthy(&r)
                }
                Obj::Class(_) if self.meta_method(container, "__iter__").is_some() => {
                    let items = self.collect_iter(container)?;
                    self.any_eq(&items, item)
                }
                Obj::Instance(_) => {
                    if let Some(m) = self.lookup_method(container, "__contains__")? {
                        let r = self.call(m, vec![container.clone(), item.clone()], vec![])?;
                        return self.truthy(&r);
                    }
                    let items = self.collect_iter(container)?;
                    self.any_eq(&items, item)
                }
                _ => {
                    let items = match &**o {
                        Obj::List(l) => l.borrow().clone(),
                        Obj::Tuple(t) => t.clone(),
                        Obj::Deque(d, _) => d.borrow().iter().cloned().collect(),
                        _ => {
                            if matches!(&**o, Obj::Iter(_) | Obj::Gen(_)) {
                                self.collect_iter(container)?
                            } else {
                                let t = self.type_name(container);
                                return self.type_error(format!("argument of type '{t}' is not iterable"));
                            }
                        }
                    };
                    self.any_eq(&items, item)
                }
            },
            _ => {
                let t = self.type_name(container);
                self.type_error(format!("argument of type '{t}' is not iterable"))
            }
        }
    }

    fn any_eq(&mut self, items: &[Value], item: &Value) -> PyResult<bool> {
        for x in items {
            if x.is(item) || self.eq(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// What the iterator under a `yield from` did with a thrown exception.
enum Delegated {
    Yielded(Value),
    Finished,
    Raise(Value),
}
