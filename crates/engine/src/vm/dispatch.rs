//! The interpreter loop: `execute` runs a thread's frames instruction by instruction through
//! `step` (one match over the opcodes, inlined into the loop), and `unwind` finds the handler
//! for an exception or pops frames until one handles it.

use crate::types::code::Code;
use crate::types::native::NativeObj;
use crate::types::value::{DictMap, FailedLookup, Function, GenKind, GenState, Namespace, Obj, Value};
use crate::vm::frame;
use crate::vm::{tuple_items, Block, Frame, Mode, Outcome, PyResult, Thread, Vm, RECURSION_LIMIT};
use awaitlab_compile::bytecode::Op;
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    fn current_handled(thread: &Thread) -> Option<Value> {
        thread.frames.iter().rev().find_map(|f| f.handled.last().cloned())
    }

    pub(crate) fn add_traceback(&mut self, exc: &Value, frame: &Frame) {
        crate::types::exceptions::push_traceback(exc, frame.traceback_entry());
    }

    /// Unwinds `exc` from the top frame: jumps to the nearest handler, or pops frames until one
    /// handles it. Returns `Some(exc)` when the thread is exhausted.
    pub(crate) fn unwind(&mut self, thread: &mut Thread, exc: Value, new_raise: bool) -> Option<Value> {
        let mut exc = exc;
        if new_raise {
            if let Some(f) = thread.frames.last() {
                let ctx = Self::current_handled(thread);
                crate::types::exceptions::set_context(&exc, ctx);
                self.add_traceback(&exc, f);
            }
        }
        loop {
            let Some(frame) = thread.frames.last_mut() else { return Some(exc) };
            if let Some(block) = frame.blocks.pop() {
                frame.stack.truncate(block.depth as usize);
                frame.handled.truncate(block.handled_depth as usize);
                frame.stack.push(exc);
                frame.ip = block.handler as usize;
                return None;
            }
            let frame = thread.frames.pop().unwrap();
            if let Some(g) = frame.gen.as_ref().and_then(|w| w.upgrade()) {
                if let Obj::Gen(gen) = &*g {
                    gen.state.set(GenState::Closed);
                    // PEP 479: StopIteration escaping a generator becomes RuntimeError.
                    if gen.kind != GenKind::Coroutine && crate::types::exceptions::is_instance_of(&exc, &self.types.exc("StopIteration")) {
                        let what = if gen.kind == GenKind::Generator { "generator" } else { "async generator" };
                        let new = self.new_exception(&self.types.exc("RuntimeError"), Some(format!("{what} raised StopIteration")));
                        crate::types::exceptions::set_cause(&new, Some(exc.clone()), false);
                        exc = new;
                    }
                }
            }
            if frame.mode == Mode::Top {
                return Some(exc);
            }
            if frame.mode == Mode::Aclose
                && (crate::types::exceptions::is_instance_of(&exc, &self.types.exc("GeneratorExit"))
                    || crate::types::exceptions::is_instance_of(&exc, &self.types.exc("StopAsyncIteration")))
            {
                // Closed as asked: `await agen.aclose()` gives None.
                frame!(thread).stack.push(Value::None);
                return None;
            }
            if let Some(caller) = thread.frames.last() {
                self.add_traceback(&exc, caller);
            }
            if let Mode::ForIter(_) = frame.mode {
                // The generator's exception surfaces at the `for`: drop the iterator first.
                let caller = frame!(thread);
                caller.stack.pop();
            }
        }
    }

    /// Runs `thread` until it finishes, suspends, or spends `budget` instructions.
    pub fn execute(&mut self, thread: &mut Thread, budget: &mut u64) -> Outcome {
        if let Some(exc) = thread.pending_throw.take() {
            if let Some(exc) = self.unwind(thread, exc, true) {
                return Outcome::Raised(exc);
            }
        }
        loop {
            if *budget == 0 {
                return Outcome::OutOfBudget;
            }
            *budget -= 1;
            self.instructions += 1;
            let result = self.step(thread);
            // One flag read per instruction: finalizers queued, or output that asked the slice
            // to pause (which raises the same flag).
            if crate::vm::finalize::pending() {
                self.run_finalizers_in(thread);
                if self.pause_requested {
                    // Output the host wants shown now: the slice pauses after an instruction that
                    // completed (not at nested levels, whose callers run their threads to the end).
                    if self.nested_depth == 0 && matches!(result, Ok(None)) {
                        self.pause_requested = false;
                        return Outcome::OutOfBudget;
                    }
                    crate::vm::finalize::wake();
                }
            }
            match result {
                Ok(None) => {}
                Ok(Some(outcome)) => return outcome,
                Err((exc, new_raise)) => {
                    if let Some(exc) = self.unwind(thread, exc, new_raise) {
                        return Outcome::Raised(exc);
                    }
                }
            }
        }
    }

    #[inline(always)]
    fn step(&mut self, thread: &mut Thread) -> Result<Option<Outcome>, (Value, bool)> {
        let f = frame!(thread);
        let ip = f.ip;
        let op = f.code.ops[ip];
        f.lasti = ip;
        f.ip = ip + 1;
        macro_rules! pop {
            () => {
                frame!(thread).stack.pop().expect("stack underflow")
            };
        }
        macro_rules! push {
            ($v:expr) => {{
                let v = $v;
                frame!(thread).stack.push(v)
            }};
        }
        macro_rules! tr {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => return Err((e, true)),
                }
            };
        }
        match op {
            Op::Nop => {}
            Op::LoadConst(i) => {
                let f = frame!(thread);
                let v = f.code.consts[i as usize].clone();
                f.stack.push(v);
            }
            Op::LoadFast(i) => {
                let f = frame!(thread);
                match &f.fast[i as usize] {
                    Some(v) => {
                        let v = v.clone();
                        f.stack.push(v)
                    }
                    None => {
                        let name = f.code.varnames[i as usize].clone();
                        return Err((self.unbound_local(&name), true));
                    }
                }
            }
            Op::StoreFast(i) => {
                let v = pop!();
                frame!(thread).fast[i as usize] = Some(v);
            }
            Op::DeleteFast(i) => {
                let f = frame!(thread);
                if f.fast[i as usize].take().is_none() {
                    let name = f.code.varnames[i as usize].clone();
                    return Err((self.unbound_local(&name), true));
                }
            }
            Op::LoadDeref(i) | Op::LoadClosure(i) => {
                let f = frame!(thread);
                if let Op::LoadClosure(_) = op {
                    let cell = f.cells[i as usize].clone();
                    f.stack.push(Value::obj(Obj::Cell(cell)));
                } else {
                    let v = f.cells[i as usize].borrow().clone();
                    match v {
                        Some(v) => f.stack.push(v),
                        None => {
                            let name = deref_name(&f.code, i);
                            let m =
                                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
                            let is_cell = (i as usize) < f.code.cellvars.len();
                            if is_cell {
                                return Err((self.unbound_local(&name), true));
                            }
                            return Err((tr!(self.err::<Value>("NameError", m).map(|_| Value::None)), true));
                        }
                    }
                }
            }
            Op::StoreDeref(i) => {
                let v = pop!();
                *frame!(thread).cells[i as usize].borrow_mut() = Some(v);
            }
            Op::DeleteDeref(i) => {
                frame!(thread).cells[i as usize].borrow_mut().take();
            }
            Op::LoadName(i) => {
                let f = frame!(thread);
                let name = f.code.names[i as usize].clone();
                let found = f.ns.as_ref().and_then(|ns| ns.borrow().get(&name).cloned());
                let v = match found {
                    Some(v) => v,
                    None => {
                        let g = f.globals.borrow().get(&name).cloned();
                        match g.or_else(|| self.builtins.borrow().get(&name).cloned()) {
                            Some(v) => v,
                            None => return Err((self.name_error(&name, frame!(thread)), true)),
                        }
                    }
                };
                push!(v);
            }
            Op::StoreName(i) => {
                let mut v = pop!();
                let f = frame!(thread);
                let name = f.code.names[i as usize].clone();
                if let Some(ns) = f.ns.clone().filter(|_| crate::types::class::class_bodies_prepared()) {
                    v = tr!(crate::types::class::store_in_class_body(self, &ns, &name, v));
                }
                let f = frame!(thread);
                f.ns.as_ref().unwrap_or(&f.globals).borrow_mut().insert(name, v);
            }
            Op::DeleteName(i) => {
                let f = frame!(thread);
                let name = f.code.names[i as usize].clone();
                let removed = f.ns.as_ref().unwrap_or(&f.globals).borrow_mut().shift_remove(&name);
                if removed.is_none() {
                    return Err((self.name_error(&name, frame!(thread)), true));
                }
            }
            Op::LoadGlobal(i) => {
                let f = frame!(thread);
                let name = &f.code.names[i as usize];
                let g = f.globals.borrow().get(name).cloned();
                let v = match g {
                    Some(v) => v,
                    None => {
                        let b = self.builtins.borrow().get(name).cloned();
                        match b {
                            Some(v) => v,
                            None => {
                                let name = name.clone();
                                return Err((self.name_error(&name, frame!(thread)), true));
                            }
                        }
                    }
                };
                push!(v);
            }
            Op::StoreGlobal(i) => {
                let v = pop!();
                let f = frame!(thread);
                let name = f.code.names[i as usize].clone();
                f.globals.borrow_mut().insert(name, v);
            }
            Op::DeleteGlobal(i) => {
                let f = frame!(thread);
                let name = f.code.names[i as usize].clone();
                if f.globals.borrow_mut().shift_remove(&name).is_none() {
                    return Err((self.name_error(&name, frame!(thread)), true));
                }
            }
            Op::LoadAttr(i) => {
                let obj = pop!();
                if let Value::Obj(o) = &obj {
                    if let Obj::Instance(inst) = &**o {
                        let f = frame!(thread);
                        if self.plain_attr_site(&f.code, ip, i, &inst.class, false) {
                            if let Some(v) = inst.dict.borrow().get(&*f.code.names[i as usize]) {
                                f.stack.push(v.clone());
                                return Ok(None);
                            }
                        }
                    }
                }
                let name = frame!(thread).code.names[i as usize].clone();
                let v = if crate::types::frame::is_frame_object(&obj) {
                    tr!(self.get_attr_parked(thread, &obj, &name))
                } else {
                    tr!(self.get_attr(&obj, &name))
                };
                push!(v);
            }
            Op::StoreAttr(i) => {
                let obj = pop!();
                let v = pop!();
                if let Value::Obj(o) = &obj {
                    if let Obj::Instance(inst) = &**o {
                        let code = &frame!(thread).code;
                        if inst.exc.borrow().is_none() && self.plain_attr_site(code, ip, i, &inst.class, true) {
                            let name = &code.names[i as usize];
                            let mut dict = inst.dict.borrow_mut();
                            match dict.get_mut(&**name) {
                                Some(slot) => {
                                    let old = std::mem::replace(slot, v);
                                    drop(dict);
                                    drop(old); // may run a destructor-like Drop; after the borrow ends
                                }
                                None => {
                                    dict.insert(name.clone(), v);
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                let name = frame!(thread).code.names[i as usize].clone();
                tr!(self.set_attr(&obj, &name, v));
            }
            Op::DeleteAttr(i) => {
                let obj = pop!();
                let name = frame!(thread).code.names[i as usize].clone();
                tr!(self.del_attr(&obj, &name));
            }
            Op::LoadMethod(i) => {
                let obj = pop!();
                // Inline cache: an instance whose own dict lacks the name, of a class seen here before.
                if let Value::Obj(o) = &obj {
                    if let Obj::Instance(inst) = &**o {
                        let f = frame!(thread);
                        let name = &f.code.names[i as usize];
                        if !inst.dict.borrow().contains_key(&**name) {
                            let key = crate::types::code::MethodCacheEntry::key(&inst.class);
                            if let Some(func) = f.code.cached_func(ip, key) {
                                f.stack.push(func);
                                f.stack.push(obj);
                                return Ok(None);
                            }
                            let code = f.code.clone();
                            let name = name.clone();
                            if let Some(func) = tr!(self.lookup_method(&obj, &name)) {
                                code.fill_cache(ip, key, func.clone());
                                push!(func);
                                push!(obj);
                                return Ok(None);
                            }
                        }
                    }
                }
                let name = frame!(thread).code.names[i as usize].clone();
                match tr!(self.lookup_method(&obj, &name)) {
                    Some(func) => {
                        push!(func);
                        push!(obj);
                    }
                    None => {
                        let v = tr!(self.get_attr(&obj, &name));
                        push!(v);
                        push!(self.null.clone());
                    }
                }
            }
            Op::CallMethod(argc) => {
                if let Some(r) = self.try_fast_call(thread, argc as usize, true) {
                    return r;
                }
                let f = frame!(thread);
                let n = argc as usize;
                let base = f.stack.len() - n - 2;
                // [func, receiver-or-null, args...]: the receiver becomes the first argument.
                let mut args: Vec<Value> = f.stack.drain(base + 1..).collect();
                let func = f.stack.pop().unwrap();
                if args[0].is(&self.null) {
                    args.remove(0);
                }
                return self.call_in_thread(thread, func, args, vec![]);
            }
            Op::Call(argc) => {
                if let Some(r) = self.try_fast_call(thread, argc as usize, false) {
                    return r;
                }
                let f = frame!(thread);
                let n = argc as usize;
                let args: Vec<Value> = f.stack.drain(f.stack.len() - n..).collect();
                let func = f.stack.pop().unwrap();
                return self.call_in_thread(thread, func, args, vec![]);
            }
            Op::CallKw(argc, names) => {
                let f = frame!(thread);
                let Value::Obj(names_obj) = f.code.consts[names as usize].clone() else { unreachable!() };
                let Obj::Tuple(names) = &*names_obj else { unreachable!() };
                let n = argc as usize;
                let mut args: Vec<Value> = f.stack.drain(f.stack.len() - n..).collect();
                let func = f.stack.pop().unwrap();
                let kw_values = args.split_off(n - names.len());
                let kwargs =
                    names.iter().zip(kw_values).map(|(k, v)| (if let Value::Str(s) = k { s.clone() } else { unreachable!() }, v)).collect();
                return self.call_in_thread(thread, func, args, kwargs);
            }
            Op::CallEx(has_kw) => {
                let kwargs = if has_kw == 1 { Some(pop!()) } else { None };
                let args = pop!();
                let func = pop!();
                let args = match &args {
                    Value::Obj(o) => match &**o {
                        Obj::Tuple(items) => items.clone(),
                        _ => unreachable!(),
                    },
                    _ => unreachable!(),
                };
                let mut kw = vec![];
                if let Some(Value::Obj(d)) = kwargs {
                    if let Obj::Dict(d) = &*d {
                        for (k, v) in d.borrow().iter() {
                            match &k.value {
                                Value::Str(s) => kw.push((s.clone(), v.clone())),
                                _ => return Err((tr!(self.type_error::<Value>("keywords must be strings")), true)),
                            }
                        }
                    }
                }
                return self.call_in_thread(thread, func, args, kw);
            }
            Op::Subscr => {
                let idx = pop!();
                let obj = pop!();
                let v = tr!(self.get_item(&obj, &idx));
                push!(v);
            }
            Op::StoreSubscr => {
                let idx = pop!();
                let obj = pop!();
                let v = pop!();
                tr!(self.set_item(&obj, idx, v));
            }
            Op::DeleteSubscr => {
                let idx = pop!();
                let obj = pop!();
                tr!(self.del_item(&obj, &idx));
            }
            Op::Binary(bop) | Op::Inplace(bop) => {
                let b = pop!();
                let a = pop!();
                let v = tr!(self.binary(bop, a, b, matches!(op, Op::Inplace(_))));
                push!(v);
            }
            Op::Unary(uop) => {
                let a = pop!();
                let v = tr!(self.unary(uop, a));
                push!(v);
            }
            Op::Compare(cop) => {
                let b = pop!();
                let a = pop!();
                let v = tr!(self.compare(cop, &a, &b));
                push!(v);
            }
            Op::Pop => {
                pop!();
            }
            Op::Dup => {
                let f = frame!(thread);
                let v = f.stack.last().unwrap().clone();
                f.stack.push(v);
            }
            Op::Dup2 => {
                let f = frame!(thread);
                let n = f.stack.len();
                let (a, b) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                f.stack.push(a);
                f.stack.push(b);
            }
            Op::Rot2 => {
                let f = frame!(thread);
                let n = f.stack.len();
                f.stack.swap(n - 1, n - 2);
            }
            Op::Rot3 => {
                let f = frame!(thread);
                let v = f.stack.pop().unwrap();
                let n = f.stack.len();
                f.stack.insert(n - 2, v);
            }
            Op::Copy(n) => {
                let f = frame!(thread);
                let v = f.stack[f.stack.len() - n as usize].clone();
                f.stack.push(v);
            }
            Op::RotN(n) => {
                let f = frame!(thread);
                let v = f.stack.pop().unwrap();
                let at = f.stack.len() + 1 - n as usize;
                f.stack.insert(at, v);
            }
            Op::MatchSequence | Op::MatchMapping => {
                let subject = frame!(thread).stack.last().unwrap().clone();
                let yes = if matches!(op, Op::MatchSequence) { self.is_match_sequence(&subject) } else { self.is_match_mapping(&subject) };
                push!(Value::Bool(yes));
            }
            Op::GetLen => {
                let subject = frame!(thread).stack.last().unwrap().clone();
                let n = tr!(self.len(&subject));
                push!(Value::Int(n as i64));
            }
            Op::MatchKeys => {
                let f = frame!(thread);
                let n = f.stack.len();
                let (subject, keys) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                let values = tr!(self.match_keys(&subject, &keys));
                push!(values);
            }
            Op::MatchClass(nargs) => {
                let names = pop!();
                let cls = pop!();
                let subject = pop!();
                let attrs = tr!(self.match_class(&subject, &cls, &names, nargs as usize));
                push!(attrs);
            }
            Op::MatchRest => {
                let keys = pop!();
                let subject = pop!();
                let rest = tr!(self.match_rest(&subject, &keys));
                push!(rest);
            }
            Op::Rot4 => {
                let f = frame!(thread);
                let v = f.stack.pop().unwrap();
                let n = f.stack.len();
                f.stack.insert(n - 3, v);
            }
            Op::BuildConstSet(n) => {
                let f = frame!(thread);
                let items: Vec<Value> = f.stack.drain(f.stack.len() - n as usize..).collect();
                let mut first = crate::types::set_table::PySet::new();
                for it in items {
                    let k = tr!(self.key(it));
                    first.add(k);
                }
                let constant: crate::types::set_table::PySet = first.iter().cloned().collect();
                let mut set = crate::types::set_table::PySet::new();
                set.merge(&constant);
                push!(Value::obj(Obj::Set(RefCell::new(set))));
            }
            Op::BuildList(n) | Op::BuildTuple(n) | Op::BuildSet(n) => {
                let f = frame!(thread);
                let items: Vec<Value> = f.stack.drain(f.stack.len() - n as usize..).collect();
                let v = match op {
                    Op::BuildList(_) => Value::list(items),
                    Op::BuildTuple(_) => Value::tuple(items),
                    _ => {
                        let mut set = crate::types::set_table::PySet::new();
                        for it in items {
                            let k = tr!(self.set_key(&set, it));
                            set.add(k);
                        }
                        Value::obj(Obj::Set(RefCell::new(set)))
                    }
                };
                push!(v);
            }
            Op::BuildDict(n) => {
                let f = frame!(thread);
                let items: Vec<Value> = f.stack.drain(f.stack.len() - 2 * n as usize..).collect();
                let mut map = DictMap::default();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    let k = tr!(self.key(k));
                    map.insert(k, v);
                }
                push!(Value::dict(map));
            }
            Op::BuildSlice(n) => {
                let step = if n == 3 { pop!() } else { Value::None };
                let stop = pop!();
                let start = pop!();
                push!(Value::obj(Obj::Slice(start, stop, step)));
            }
            Op::BuildString(n) => {
                let f = frame!(thread);
                let parts: Vec<Value> = f.stack.drain(f.stack.len() - n as usize..).collect();
                let mut s = String::new();
                for p in parts {
                    if let Value::Str(p) = p {
                        s.push_str(&p);
                    }
                }
                push!(Value::Str(Rc::from(s)));
            }
            Op::ListAppend(d) | Op::SetAdd(d) => {
                let v = pop!();
                let f = frame!(thread);
                let target = f.stack[f.stack.len() - d as usize].clone();
                if let Value::Obj(o) = &target {
                    match &**o {
                        Obj::List(l) => l.borrow_mut().push(v),
                        Obj::Set(s) => {
                            let k = tr!(self.set_key(&s.borrow(), v));
                            s.borrow_mut().add(k);
                        }
                        _ => {}
                    }
                }
            }
            Op::MapAdd(d) => {
                let v = pop!();
                let k = pop!();
                let f = frame!(thread);
                let target = f.stack[f.stack.len() - d as usize].clone();
                if let Value::Obj(o) = &target {
                    if let Obj::Dict(m) = &**o {
                        let k = tr!(self.key_in(m, k));
                        m.borrow_mut().insert(k, v);
                    }
                }
            }
            Op::ListExtend => {
                let it = pop!();
                let items = tr!(self.collect_iter(&it));
                let f = frame!(thread);
                if let Some(Value::Obj(o)) = f.stack.last() {
                    if let Obj::List(l) = &**o {
                        l.borrow_mut().extend(items);
                    }
                }
            }
            Op::SetUpdate => {
                let it = pop!();
                let target = frame!(thread).stack.last().unwrap().clone();
                tr!(crate::types::set::set_update_from(self, &target, &it));
            }
            Op::DictUpdate => {
                let src = pop!();
                let target = frame!(thread).stack.last().unwrap().clone();
                tr!(crate::types::dict::dict_update_from(self, &target, &src));
            }
            Op::ListToTuple => {
                let l = pop!();
                let items = match &l {
                    Value::Obj(o) => match &**o {
                        Obj::List(l) => l.borrow().clone(),
                        _ => vec![],
                    },
                    _ => vec![],
                };
                push!(Value::tuple(items));
            }
            Op::FormatValue(flags) => {
                let spec = if flags & 8 != 0 { Some(pop!()) } else { None };
                let v = pop!();
                let v = match flags & 7 {
                    1 => Value::Str(tr!(self.str_of(&v))),
                    2 => Value::Str(tr!(self.repr(&v))),
                    3 => Value::Str(Rc::from(crate::types::repr::ascii_of(&tr!(self.repr(&v))))),
                    _ => v,
                };
                let spec = match spec {
                    Some(Value::Str(s)) => s,
                    _ => Rc::from(""),
                };
                let s = tr!(self.format(&v, &spec));
                push!(Value::Str(s));
            }
            Op::Jump(t) => {
                if (t as usize) < ip {
                    // Backward jumps are where long loops spend their time: check the limits here.
                    tr!(self.limit_check());
                }
                frame!(thread).ip = t as usize;
            }
            Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                let v = pop!();
                let truth = match v {
                    Value::Bool(b) => b,
                    _ => tr!(self.truthy(&v)),
                };
                if truth == matches!(op, Op::PopJumpIfTrue(_)) {
                    frame!(thread).ip = t as usize;
                }
            }
            Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                let v = frame!(thread).stack.last().unwrap().clone();
                let truth = tr!(self.truthy(&v));
                if truth == matches!(op, Op::JumpIfTrueOrPop(_)) {
                    frame!(thread).ip = t as usize;
                } else {
                    pop!();
                }
            }
            Op::GetIter => {
                let v = pop!();
                let it = tr!(self.get_iter(&v));
                push!(it);
            }
            Op::ForIter(target) => {
                let it = frame!(thread).stack.last().unwrap().clone();
                if let Value::Obj(o) = &it {
                    if let Obj::Gen(g) = &**o {
                        if g.kind == GenKind::Generator {
                            return self.resume_generator_in_thread(thread, o.clone(), Mode::ForIter(target), None);
                        }
                    }
                }
                match tr!(self.next(&it)) {
                    Some(v) => push!(v),
                    None => {
                        let f = frame!(thread);
                        f.stack.pop();
                        f.ip = target as usize;
                    }
                }
            }
            Op::GetAiter => {
                let v = pop!();
                let it = tr!(self.get_aiter(&v));
                push!(it);
            }
            Op::GetAnext => {
                let it = pop!();
                let aw = tr!(self.get_anext(&it));
                push!(aw);
            }
            Op::EndAsyncFor(_) => {
                let exc = pop!();
                if crate::types::exceptions::is_instance_of(&exc, &self.types.exc("StopAsyncIteration")) {
                    pop!(); // the async iterator
                } else {
                    return Err((exc, false));
                }
            }
            Op::MakeFunction(k, flags) => {
                let closure = if flags & 8 != 0 { Some(pop!()) } else { None };
                let annotations = if flags & 4 != 0 { Some(pop!()) } else { None };
                let kwdefaults = if flags & 2 != 0 { Some(pop!()) } else { None };
                let defaults = if flags & 1 != 0 { Some(pop!()) } else { None };
                let f = frame!(thread);
                let Value::Obj(co) = &f.code.consts[k as usize] else { unreachable!() };
                let Obj::Native(NativeObj::Code(code)) = &**co else { unreachable!() };
                let func = Function {
                    code: code.clone(),
                    globals: f.globals.clone(),
                    defaults: defaults.map(|d| tuple_items(&d)).unwrap_or_default(),
                    kwdefaults: kwdefaults
                        .map(|d| {
                            let mut out = vec![];
                            if let Value::Obj(o) = &d {
                                if let Obj::Dict(m) = &**o {
                                    for (k, v) in m.borrow().iter() {
                                        if let Value::Str(s) = &k.value {
                                            out.push((s.clone(), v.clone()));
                                        }
                                    }
                                }
                            }
                            out
                        })
                        .unwrap_or_default(),
                    closure: closure
                        .map(|c| {
                            tuple_items(&c)
                                .into_iter()
                                .map(|cell| match &cell {
                                    Value::Obj(o) => match &**o {
                                        Obj::Cell(c) => c.clone(),
                                        _ => unreachable!(),
                                    },
                                    _ => unreachable!(),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    name: RefCell::new(code.name.clone()),
                    qualname: code.qualname.clone(),
                    dict: RefCell::new(Namespace::default()),
                };
                if let Some(annotations) = annotations {
                    func.dict.borrow_mut().insert(Rc::from("__annotations__"), annotations);
                }
                push!(Value::obj(Obj::Function(func)));
            }
            Op::BuildClass(name_k) | Op::BuildClassKw(name_k) => {
                let keywords = if matches!(op, Op::BuildClassKw(_)) { Some(pop!()) } else { None };
                let bases = pop!();
                let body = pop!();
                let name = match &frame!(thread).code.consts[name_k as usize] {
                    Value::Str(s) => s.clone(),
                    _ => unreachable!(),
                };
                let class = tr!(crate::types::class::build_class(self, body, name, tuple_items(&bases), keywords));
                push!(class);
            }
            Op::Return => {
                let v = pop!();
                return Ok(self.return_from_frame(thread, v));
            }
            Op::YieldValue => {
                let v = pop!();
                return Ok(self.yield_from_frame(thread, v));
            }
            Op::YieldFrom => {
                // TOS: the value sent in, below it the inner iterator, driven one step with a
                // nested run: `next(it)` for None, else `it.send(value)`, as CPython's SEND.
                let sent = pop!();
                let it = frame!(thread).stack.last().unwrap().clone();
                match tr!(self.send_into(&it, sent)) {
                    Ok(v) => {
                        frame!(thread).ip = ip; // re-run after resumption
                        return Ok(self.yield_from_frame(thread, v));
                    }
                    Err(ret) => {
                        pop!();
                        push!(ret);
                    }
                }
            }
            Op::GetAwaitable => {
                let v = frame!(thread).stack.last().unwrap().clone();
                if let Value::Obj(o) = &v {
                    if let Obj::Instance(inst) = &**o {
                        // An awaitable class: await what its __await__ returns (a coroutine or future).
                        if let Some(m) = self.class_lookup(&inst.class, "__await__") {
                            let it = tr!(self.call(m, vec![v.clone()], vec![]));
                            if self.check_awaitable(&it).is_err() {
                                let t = self.type_name(&it);
                                return Err((
                                    tr!(self.type_error::<Value>(format!("__await__() returned non-iterator of type '{t}'"))),
                                    true,
                                ));
                            }
                            let f = frame!(thread);
                            f.stack.pop();
                            f.stack.push(it);
                            return Ok(None);
                        }
                    }
                }
                tr!(self.check_awaitable(&v));
            }
            Op::Await => {
                let aw = frame!(thread).stack.last().unwrap().clone();
                return self.await_value(thread, aw, ip);
            }
            Op::SetupExcept(t) | Op::SetupFinally(t) | Op::SetupWith(t) => {
                let f = frame!(thread);
                let depth = f.stack.len() - matches!(op, Op::SetupWith(_)) as usize;
                let b = Block { handler: t, depth: depth as u32, handled_depth: f.handled.len() as u32 };
                f.blocks.push(b);
            }
            Op::PopBlock => {
                frame!(thread).blocks.pop();
            }
            Op::PushExcInfo => {
                let f = frame!(thread);
                let exc = f.stack.last().unwrap().clone();
                f.handled.push(exc);
            }
            Op::PopExcept => {
                frame!(thread).handled.pop();
            }
            Op::Reraise => {
                let exc = pop!();
                frame!(thread).handled.pop();
                return Err((exc, false));
            }
            Op::Swallow => {
                // After a with-block's __exit__ suppressed the exception: exception, exit-callable.
                let f = frame!(thread);
                f.stack.pop();
                f.stack.pop();
                f.handled.pop();
            }
            Op::Raise(kind) => {
                let exc = match kind {
                    0 => match Self::current_handled(thread) {
                        Some(e) => return Err((e, false)),
                        None => tr!(self.err::<Value>("RuntimeError", "No active exception to reraise")),
                    },
                    1 => {
                        let e = pop!();
                        tr!(self.make_raisable(e))
                    }
                    _ => {
                        let cause = pop!();
                        let e = pop!();
                        let e = tr!(self.make_raisable(e));
                        let cause = if cause.is_none() { None } else { Some(tr!(self.make_raisable(cause))) };
                        crate::types::exceptions::set_cause(&e, cause, true);
                        e
                    }
                };
                return Err((exc, true));
            }
            Op::CheckExcMatch => {
                let typ = pop!();
                let exc = pop!();
                let m = tr!(self.exception_matches(&exc, &typ));
                push!(Value::Bool(m));
            }
            Op::CheckEgMatch => {
                let typ = pop!();
                let rest = pop!();
                let (matched, rest) = tr!(crate::types::exception_groups::eg_match(self, &rest, &typ));
                let found = !matched.is_none();
                push!(rest);
                push!(matched);
                push!(Value::Bool(found));
            }
            Op::PrepReraiseStar => {
                let excs = pop!();
                let orig = pop!();
                let result = tr!(crate::types::exception_groups::prep_reraise_star(self, &orig, tuple_items(&excs)));
                let raise = !result.is_none();
                push!(result);
                push!(Value::Bool(raise));
            }
            Op::LoadAssertionError => {
                push!(Value::Obj(self.types.exc("AssertionError")));
            }
            Op::WithEnter => {
                let mgr = pop!();
                let exit = tr!(self.special_method(&mgr, "__exit__", "__enter__", false));
                let enter = tr!(self.special_method(&mgr, "__enter__", "__exit__", true));
                push!(exit);
                // A frame of this thread's, not a nested run: an `__enter__` that waits (a
                // threading lock's acquire sleeps while another thread holds it) must let the
                // other threads run, which a nested run cannot.
                return self.call_in_thread(thread, enter, vec![], vec![]);
            }
            Op::AsyncWithEnter => {
                let mgr = pop!();
                let exit = tr!(self.special_method(&mgr, "__aexit__", "__aenter__", false));
                let enter = tr!(self.special_method(&mgr, "__aenter__", "__aexit__", true));
                push!(exit);
                let r = tr!(self.call(enter, vec![], vec![]));
                tr!(self.check_awaitable(&r));
                push!(r);
            }
            Op::WithExitNormal => {
                let exit = pop!();
                return self.call_in_thread(thread, exit, vec![Value::None, Value::None, Value::None], vec![]);
            }
            Op::AsyncWithExitNormal => {
                let exit = pop!();
                let r = tr!(self.call(exit, vec![Value::None, Value::None, Value::None], vec![]));
                tr!(self.check_awaitable(&r));
                push!(r);
            }
            Op::WithExitExc | Op::AsyncWithExitExc => {
                // Stack: exit, exc. Leave them; push exit(type, exc, tb).
                let f = frame!(thread);
                let n = f.stack.len();
                let exc = f.stack[n - 1].clone();
                let exit = f.stack[n - 2].clone();
                let typ = self.type_of(&exc);
                if let Op::WithExitExc = op {
                    // Its result is tested by the jump that follows.
                    return self.call_in_thread(thread, exit, vec![Value::Obj(typ), exc, Value::None], vec![]);
                }
                let r = tr!(self.call(exit, vec![Value::Obj(typ), exc, Value::None], vec![]));
                tr!(self.check_awaitable(&r));
                push!(r);
            }
            Op::UnpackSequence(n) => {
                let v = pop!();
                let items = tr!(self.unpack(&v, n as usize, None));
                let f = frame!(thread);
                f.stack.extend(items.into_iter().rev());
            }
            Op::UnpackEx(before, after) => {
                let v = pop!();
                let items = tr!(self.unpack(&v, before as usize, Some(after as usize)));
                let f = frame!(thread);
                f.stack.extend(items.into_iter().rev());
            }
            Op::ImportName(i) => {
                let name = frame!(thread).code.names[i as usize].clone();
                let m = tr!(self.import(&name));
                push!(m);
            }
            Op::ImportFrom(i) => {
                let name = frame!(thread).code.names[i as usize].clone();
                let m = frame!(thread).stack.last().unwrap().clone();
                let v = match self.get_attr(&m, &name) {
                    Ok(v) => v,
                    Err(_) => {
                        let mname = match &m {
                            Value::Obj(o) => match &**o {
                                Obj::Module { name, .. } => name.to_string(),
                                _ => "?".into(),
                            },
                            _ => "?".into(),
                        };
                        return Err((
                            tr!(self.err::<Value>("ImportError", format!("cannot import name '{name}' from '{mname}' (unknown location)"))),
                            true,
                        ));
                    }
                };
                push!(v);
            }
            Op::ImportStar => {
                let m = pop!();
                if let Value::Obj(o) = &m {
                    if let Obj::Module { dict, .. } = &**o {
                        let items: Vec<(Rc<str>, Value)> =
                            dict.borrow().iter().filter(|(k, _)| !k.starts_with('_')).map(|(k, v)| (k.clone(), v.clone())).collect();
                        let f = frame!(thread);
                        let ns = f.ns.clone().unwrap_or(f.globals.clone());
                        for (k, v) in items {
                            ns.borrow_mut().insert(k, v);
                        }
                    }
                }
            }
        }
        Ok(None)
    }

    fn unbound_local(&mut self, name: &str) -> Value {
        let c = self.types.exc("UnboundLocalError");
        self.new_exception(&c, Some(format!("cannot access local variable '{name}' where it is not associated with a value")))
    }

    /// A NameError for `name` in `frame`, with the names the frame could see (its report
    /// suggests a near one, as CPython's does).
    fn name_error(&mut self, name: &str, frame: &Frame) -> Value {
        let c = self.types.exc("NameError");
        let exc = self.new_exception(&c, Some(format!("name '{name}' is not defined")));
        let code = &frame.code;
        let mut locals: Vec<Rc<str>> = code.varnames.iter().zip(&frame.fast).filter(|(_, v)| v.is_some()).map(|(n, _)| n.clone()).collect();
        for (n, cell) in code.cellvars.iter().chain(&code.freevars).zip(&frame.cells) {
            if cell.borrow().is_some() {
                locals.push(n.clone());
            }
        }
        if let Some(ns) = &frame.ns {
            locals.extend(ns.borrow().keys().cloned());
        }
        let self_value = code.varnames.iter().position(|n| &**n == "self").and_then(|i| frame.fast.get(i).cloned().flatten());
        let lookup = FailedLookup::Name { name: Rc::from(name), locals, globals: frame.globals.clone(), self_value };
        crate::types::exceptions::with_data(&exc, |d| d.lookup = Some(Rc::new(lookup)));
        exc
    }

    fn make_raisable(&mut self, e: Value) -> PyResult {
        if let Value::Obj(o) = &e {
            if let Obj::Class(_) = &**o {
                if crate::types::class::is_subclass(o, &self.types.exc("BaseException")) {
                    return self.call(e.clone(), vec![], vec![]);
                }
            }
            if crate::types::exceptions::is_exception(&e) {
                return Ok(e);
            }
        }
        self.type_error("exceptions must derive from BaseException")
    }

    fn exception_matches(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        match typ {
            Value::Obj(o) => match &**o {
                Obj::Class(_) => {
                    if !crate::types::class::is_subclass(o, &self.types.exc("BaseException")) {
                        return self.type_error("catching classes that do not inherit from BaseException is not allowed");
                    }
                    Ok(crate::types::exceptions::is_instance_of(exc, o))
                }
                Obj::Tuple(items) => {
                    for t in items.clone() {
                        if self.exception_matches(exc, &t)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                _ => self.type_error("catching classes that do not inherit from BaseException is not allowed"),
            },
            _ => self.type_error("catching classes that do not inherit from BaseException is not allowed"),
        }
    }

    fn special_method(&mut self, mgr: &Value, name: &str, other: &str, _enter: bool) -> PyResult {
        match self.lookup_method(mgr, name)? {
            Some(f) => Ok(Value::obj(Obj::BoundMethod { receiver: mgr.clone(), func: f })),
            None => {
                let t = self.type_name(mgr);
                let proto = if name.starts_with("__a") { "asynchronous context manager" } else { "context manager" };
                let extra = if self.lookup_method(mgr, other)?.is_some() || name == "__exit__" || name == "__aexit__" {
                    format!(" but it does not implement the {proto} protocol... missing {name}")
                } else {
                    String::new()
                };
                let _ = extra;
                let msg = format!("'{t}' object does not support the {proto} protocol");
                self.type_error(msg)
            }
        }
    }

    /// Whether the attribute site at `ip` may use the instance dict directly for an instance of
    /// `class` (see `MethodCacheEntry`), filling the site's cache on a miss.
    fn plain_attr_site(&self, code: &Rc<crate::types::code::Code>, ip: usize, name_index: u32, class: &Rc<Obj>, store: bool) -> bool {
        let key = crate::types::code::MethodCacheEntry::key(class);
        if code.is_cached(ip, key) {
            return true;
        }
        let name = &code.names[name_index as usize];
        if &**name == "__class__" || &**name == "__dict__" {
            return false;
        }
        let is_property = matches!(self.class_lookup(class, name), Some(Value::Obj(p)) if matches!(&*p, Obj::Property { .. }));
        let custom_setattr =
            store && matches!(self.class_lookup(class, "__setattr__"), Some(Value::Obj(f)) if matches!(&*f, Obj::Function(_)));
        if is_property || custom_setattr {
            return false;
        }
        code.fill_cache(ip, key, Value::None);
        true
    }

    /// Calls a plain Python function whose signature takes exactly the positional arguments on
    /// the stack, moving them straight into the new frame's locals (no argument vectors). The
    /// common case of a call in a loop; anything else returns `None` for the general path.
    fn try_fast_call(&mut self, thread: &mut Thread, argc: usize, method: bool) -> Option<Result<Option<Outcome>, (Value, bool)>> {
        let depth = thread.frames.len();
        let f = thread.frames.last_mut().unwrap();
        let len = f.stack.len();
        // Layout: Call → [func, args...]; CallMethod → [func, receiver-or-null, args...].
        let func_at = len - argc - 1 - method as usize;
        let (receiver_in_stack, func) = {
            let fv = &f.stack[func_at];
            let Value::Obj(o) = fv else { return None };
            match &**o {
                Obj::Function(_) => (method && !f.stack[func_at + 1].is(&self.null), o.clone()),
                _ => return None,
            }
        };
        let Obj::Function(func_obj) = &*func else { unreachable!() };
        let code = &func_obj.code;
        let nargs = argc + receiver_in_stack as usize;
        // Generators and async generators take the general path; a coroutine function's call
        // makes its coroutine object here.
        let makes_coroutine = code.is_coroutine;
        if code.is_generator || code.varargs || code.varkw || code.kwonlyargcount != 0 || code.argcount as usize != nargs {
            return None;
        }
        if depth >= RECURSION_LIMIT {
            return None;
        }
        let mut fast: Vec<Option<Value>> = self.spare_locals.pop().unwrap_or_default();
        fast.reserve(code.varnames.len());
        let first_arg = len - nargs;
        fast.extend(f.stack.drain(first_arg..).map(Some));
        // Drop the function (and the null placeholder of a method call without receiver).
        f.stack.truncate(func_at);
        fast.resize(code.varnames.len(), None);
        if makes_coroutine {
            self.call_line = f.line();
            self.call_in_program = !f.code.filename.starts_with('<');
            let coro = self.make_generator(func_obj, fast);
            thread.frames.last_mut().unwrap().stack.push(coro);
            return Some(Ok(None));
        }
        let frame = self.make_frame(func_obj, fast, Mode::Call);
        thread.frames.push(frame);
        Some(Ok(None))
    }

    pub(crate) fn after_native_call(&mut self, thread: &mut Thread, r: PyResult) -> Result<Option<Outcome>, (Value, bool)> {
        match r {
            Ok(v) => {
                frame!(thread).stack.push(v);
                if self.control.is_some() {
                    return Ok(Some(Outcome::Control));
                }
                Ok(None)
            }
            Err(e) => Err((e, true)),
        }
    }
}

fn deref_name(code: &Code, i: u32) -> Rc<str> {
    let i = i as usize;
    if i < code.cellvars.len() {
        code.cellvars[i].clone()
    } else {
        code.freevars[i - code.cellvars.len()].clone()
    }
}
