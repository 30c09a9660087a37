//! Frames: building them for calls and modules, returning and yielding out of them, resuming
//! generators in the caller's thread, awaiting, and running a nested thread for native code.

use crate::types::code::Code;
use crate::types::native::NativeObj;
use crate::types::value::{Function, GenKind, GenState, Namespace, Obj, Value};
use crate::vm::frame;
use crate::vm::{CellRef, Frame, Mode, Outcome, PyResult, Thread, Vm, NESTED_LIMIT, RECURSION_LIMIT};
use awaitlab_compile::bytecode::CodeKind;
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// Builds a frame for calling `func` with bound arguments (see `call.rs` for binding).
    pub fn make_frame(&mut self, func: &Function, fast: Vec<Option<Value>>, mode: Mode) -> Frame {
        let code = func.code.clone();
        let mut cells: Vec<CellRef> = Vec::with_capacity(code.cellvars.len() + func.closure.len());
        for _ in 0..code.cellvars.len() {
            cells.push(Rc::new(RefCell::new(None)));
        }
        cells.extend(func.closure.iter().cloned());
        for (ci, pi) in &code.cell_params {
            *cells[*ci as usize].borrow_mut() = fast[*pi as usize].clone();
        }
        let ns = if code.kind == CodeKind::Module { Some(func.globals.clone()) } else { None };
        let stack = self.spare_stacks.pop().unwrap_or_else(|| Vec::with_capacity(8));
        Frame {
            code,
            ip: 0,
            lasti: 0,
            stack,
            fast,
            cells,
            globals: func.globals.clone(),
            ns,
            blocks: vec![],
            gen: None,
            mode,
            handled: vec![],
            object: None,
        }
    }

    pub fn module_frame(&mut self, code: Rc<Code>, globals: Rc<RefCell<Namespace>>) -> Frame {
        Frame {
            fast: vec![None; code.varnames.len()],
            code,
            ip: 0,
            lasti: 0,
            stack: vec![],
            cells: vec![],
            ns: Some(globals.clone()),
            globals,
            blocks: vec![],
            gen: None,
            mode: Mode::Top,
            handled: vec![],
            object: None,
        }
    }

    /// Keeps a finished frame's buffers for reuse.
    pub fn recycle(&mut self, frame: Frame) {
        let Frame { mut stack, mut fast, .. } = frame;
        if self.spare_stacks.len() < 64 {
            stack.clear();
            self.spare_stacks.push(stack);
        }
        if self.spare_locals.len() < 64 {
            fast.clear();
            self.spare_locals.push(fast);
        }
    }

    /// Runs a thread to completion with no suspension allowed (calls from native code).
    pub fn run_nested(&mut self, mut thread: Thread) -> PyResult {
        if self.nested_depth > NESTED_LIMIT {
            return self.err("RecursionError", "maximum recursion depth exceeded");
        }
        self.nested_depth += 1;
        let mut budget = u64::MAX;
        let out = self.execute(&mut thread, &mut budget);
        self.nested_depth -= 1;
        match out {
            Outcome::Returned(v) => Ok(v),
            Outcome::Raised(e) => Err(e),
            Outcome::Yielded(_) | Outcome::Suspended(_) => {
                self.err("RuntimeError", "cannot suspend here: await inside a synchronous callback")
            }
            Outcome::OutOfBudget => self.err("RuntimeError", "instruction budget exhausted"),
            Outcome::Control => self.err("RuntimeError", "this call cannot be made from inside a callback"),
        }
    }

    /// Ends the top frame with `v`, handing it to whoever is below.
    pub(crate) fn return_from_frame(&mut self, thread: &mut Thread, v: Value) -> Option<Outcome> {
        let frame = thread.frames.pop().unwrap();
        let mut exhausted_gen = None;
        if let Some(g) = frame.gen.as_ref().and_then(|w| w.upgrade()) {
            if let Obj::Gen(gen) = &*g {
                gen.state.set(GenState::Closed);
                exhausted_gen = Some(gen.kind);
            }
        }
        let mode = frame.mode;
        self.recycle(frame);
        match mode {
            Mode::Top => {
                if exhausted_gen == Some(GenKind::Generator) {
                    // A generator run by `next()` from native code: StopIteration(value).
                    let c = self.types.exc("StopIteration");
                    let e = crate::types::exceptions::instantiate(&c, if v.is_none() { vec![] } else { vec![v] });
                    return Some(Outcome::Raised(e));
                }
                if exhausted_gen == Some(GenKind::AsyncGenerator) {
                    let c = self.types.exc("StopAsyncIteration");
                    return Some(Outcome::Raised(crate::types::exceptions::instantiate(&c, vec![])));
                }
                Some(Outcome::Returned(v))
            }
            Mode::Call | Mode::Await => {
                frame!(thread).stack.push(v);
                None
            }
            Mode::ForIter(target) => {
                let f = frame!(thread);
                f.stack.pop();
                f.ip = target as usize;
                None
            }
            Mode::Aclose => {
                frame!(thread).stack.push(Value::None);
                None
            }
            Mode::Anext => {
                let c = self.types.exc("StopAsyncIteration");
                let e = crate::types::exceptions::instantiate(&c, vec![]);
                self.unwind(thread, e, true).map(Outcome::Raised)
            }
        }
    }

    /// A generator frame yields `v`: it leaves the thread (kept by its generator object).
    pub(crate) fn yield_from_frame(&mut self, thread: &mut Thread, v: Value) -> Option<Outcome> {
        let mode = thread.frames.last().unwrap().mode;
        if mode == Mode::Top {
            return Some(Outcome::Yielded(v));
        }
        let mut frame = thread.frames.pop().unwrap();
        let Some(gen) = frame.gen.as_ref().and_then(|w| w.upgrade()) else {
            // The generator object is gone: nobody can resume this frame; the value goes on.
            frame!(thread).stack.push(v);
            return None;
        };
        let closing = frame.mode == Mode::Aclose;
        frame.mode = Mode::Call;
        if let Obj::Gen(g) = &*gen {
            g.state.set(GenState::Suspended);
            *g.frame.borrow_mut() = Some(Box::new(frame));
        }
        if closing {
            let e = self.new_exception(&self.types.exc("RuntimeError"), Some("async generator ignored GeneratorExit".into()));
            return self.unwind(thread, e, true).map(Outcome::Raised);
        }
        frame!(thread).stack.push(v);
        None
    }

    /// Pushes a suspended generator's frame on this thread to run until its next yield.
    pub(crate) fn resume_generator_in_thread(
        &mut self,
        thread: &mut Thread,
        gen_obj: Rc<Obj>,
        mode: Mode,
        send: Option<Value>,
    ) -> Result<Option<Outcome>, (Value, bool)> {
        let Obj::Gen(g) = &*gen_obj else { unreachable!() };
        match g.state.get() {
            GenState::Running => {
                let e = self.new_exception(&self.types.exc("ValueError"), Some("generator already executing".into()));
                return Err((e, true));
            }
            GenState::Closed => {
                if let Mode::ForIter(target) = mode {
                    let f = frame!(thread);
                    f.stack.pop();
                    f.ip = target as usize;
                    return Ok(None);
                }
                let c = if g.kind == GenKind::AsyncGenerator { "StopAsyncIteration" } else { "StopIteration" };
                let e = self.new_exception(&self.types.exc(c), None);
                return Err((e, true));
            }
            _ => {}
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else { unreachable!() };
        if thread.frames.len() >= RECURSION_LIMIT {
            *g.frame.borrow_mut() = Some(frame);
            let e = self.new_exception(&self.types.exc("RecursionError"), Some("maximum recursion depth exceeded".into()));
            return Err((e, true));
        }
        if g.state.get() == GenState::Suspended {
            frame.stack.push(send.unwrap_or(Value::None));
        }
        frame.mode = mode;
        g.state.set(GenState::Running);
        thread.frames.push(*frame);
        Ok(None)
    }

    pub(crate) fn await_value(&mut self, thread: &mut Thread, aw: Value, ip: usize) -> Result<Option<Outcome>, (Value, bool)> {
        let Value::Obj(o) = &aw else { unreachable!() };
        match &**o {
            Obj::Gen(g) if g.kind == GenKind::Coroutine => {
                match g.state.get() {
                    GenState::Running => {
                        let e = self.new_exception(&self.types.exc("RuntimeError"), Some("coroutine is being awaited already".into()));
                        return Err((e, true));
                    }
                    GenState::Closed => {
                        let e = self.new_exception(&self.types.exc("RuntimeError"), Some("cannot reuse already awaited coroutine".into()));
                        return Err((e, true));
                    }
                    _ => {}
                }
                frame!(thread).stack.pop();
                g.awaited.set(true);
                if thread.frames.len() >= RECURSION_LIMIT {
                    let e = self.new_exception(&self.types.exc("RecursionError"), Some("maximum recursion depth exceeded".into()));
                    return Err((e, true));
                }
                let Some(mut frame) = g.frame.borrow_mut().take() else { unreachable!() };
                frame.mode = Mode::Await;
                g.state.set(GenState::Running);
                thread.frames.push(*frame);
                Ok(None)
            }
            Obj::Native(NativeObj::Future(fd)) => {
                let (state, blocking) = {
                    let d = fd.borrow();
                    (d.state, d.blocking)
                };
                if state == crate::types::native::FutureState::Pending {
                    if blocking {
                        let e = self.new_exception(&self.types.exc("RuntimeError"), Some("await wasn't used with future".into()));
                        return Err((e, true));
                    }
                    fd.borrow_mut().blocking = true;
                    frame!(thread).ip = ip; // resume by re-running Await
                    return Ok(Some(Outcome::Suspended(aw.clone())));
                }
                frame!(thread).stack.pop();
                fd.borrow_mut().blocking = false;
                match crate::event_loop::future::future_result(self, o) {
                    Ok(v) => {
                        frame!(thread).stack.push(v);
                        Ok(None)
                    }
                    Err(e) => Err((e, true)),
                }
            }
            Obj::Native(NativeObj::Sleep0) => {
                // First execution yields to the loop; the resumed Await finds the marker consumed.
                let f = frame!(thread);
                f.stack.pop();
                f.stack.push(crate::types::native::sleep0_done());
                f.ip = ip;
                Ok(Some(Outcome::Suspended(Value::None)))
            }
            Obj::Native(NativeObj::Sentinel("sleep0-done")) => {
                let f = frame!(thread);
                f.stack.pop();
                f.stack.push(Value::None);
                Ok(None)
            }
            Obj::Native(NativeObj::Anext(agen)) => {
                let agen = agen.clone();
                frame!(thread).stack.pop();
                let Value::Obj(ao) = &agen else { unreachable!() };
                self.resume_generator_in_thread(thread, ao.clone(), Mode::Anext, None)
            }
            Obj::Native(awaitable @ (NativeObj::Athrow(..) | NativeObj::Aclose(_))) => {
                let (agen, exc, closing) = match awaitable {
                    NativeObj::Athrow(agen, exc) => (agen.clone(), exc.clone(), false),
                    NativeObj::Aclose(agen) => {
                        (agen.clone(), crate::types::exceptions::instantiate(&self.types.exc("GeneratorExit"), vec![]), true)
                    }
                    _ => unreachable!(),
                };
                frame!(thread).stack.pop();
                let Value::Obj(ao) = &agen else { unreachable!() };
                let Obj::Gen(g) = &**ao else { unreachable!() };
                if closing && matches!(g.state.get(), GenState::Created | GenState::Closed) {
                    // aclose() of a generator that never started or already ended.
                    g.state.set(GenState::Closed);
                    g.frame.borrow_mut().take();
                    frame!(thread).stack.push(Value::None);
                    return Ok(None);
                }
                // A finished generator raises the exception at once, as CPython's does.
                if g.state.get() != GenState::Closed {
                    let mode = if closing { Mode::Aclose } else { Mode::Anext };
                    self.resume_generator_in_thread(thread, ao.clone(), mode, None)?;
                }
                // Raised with the generator's frame on top: it meets the generator's handlers.
                Err((exc, true))
            }
            _ => {
                // An object with __await__: drive the iterator it returns like `yield from`.
                let t = self.type_name(&aw);
                let e = self.new_exception(&self.types.exc("TypeError"), Some(format!("object {t} can't be used in 'await' expression")));
                Err((e, true))
            }
        }
    }

    pub fn check_awaitable(&mut self, v: &Value) -> PyResult<()> {
        if let Value::Obj(o) = v {
            match &**o {
                Obj::Gen(g) if g.kind == GenKind::Coroutine => return Ok(()),
                Obj::Native(
                    NativeObj::Future(_)
                    | NativeObj::Sleep0
                    | NativeObj::Anext(_)
                    | NativeObj::Athrow(..)
                    | NativeObj::Aclose(_)
                    | NativeObj::Sentinel("sleep0-done"),
                ) => return Ok(()),
                _ => {}
            }
        }
        let t = self.type_name(v);
        self.type_error(format!("object {t} can't be used in 'await' expression"))
    }

    /// Calls `func` from the interpreter loop: Python functions get a frame on this thread.
    pub(crate) fn call_in_thread(
        &mut self,
        thread: &mut Thread,
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> Result<Option<Outcome>, (Value, bool)> {
        if let Value::Obj(o) = &func {
            let (target, args) = match &**o {
                Obj::BoundMethod { receiver, func: inner } => {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(receiver.clone());
                    a.extend(args);
                    (inner.clone(), a)
                }
                _ => (func.clone(), args),
            };
            // Whether the call may run Python or read frames: then the thread's frames are
            // parked for it. Making a generator or coroutine runs none, nor does a leaf native.
            let parks = match &target {
                Value::Obj(fo) => match &**fo {
                    Obj::Function(f) => {
                        if !f.code.is_generator && !f.code.is_coroutine {
                            if thread.frames.len() >= RECURSION_LIMIT {
                                let e =
                                    self.new_exception(&self.types.exc("RecursionError"), Some("maximum recursion depth exceeded".into()));
                                return Err((e, true));
                            }
                            let fast = match self.bind_args(f, args, kwargs) {
                                Ok(fast) => fast,
                                Err(e) => return Err((e, true)),
                            };
                            let frame = self.make_frame(f, fast, Mode::Call);
                            thread.frames.push(frame);
                            return Ok(None);
                        }
                        false
                    }
                    Obj::Builtin(b) => !b.leaf,
                    _ => true,
                },
                _ => true,
            };
            self.call_line = thread.frames.last().map(|f| f.line()).unwrap_or(0);
            self.call_in_program = thread.frames.last().is_none_or(|f| !f.code.filename.starts_with('<'));
            self.user_line = match thread.frames.last() {
                Some(f) if f.code.filename.starts_with('<') => {
                    // In a nested thread (a class's `__init__`, a key function) with none of the
                    // program's frames, the program's line is the one the outer native call had.
                    thread.frames.iter().rev().find(|f| !f.code.filename.starts_with('<')).map_or(self.user_line, |f| f.line())
                }
                _ => self.call_line,
            };
            if !parks {
                let r = self.call(target, args, kwargs);
                return self.after_native_call(thread, r);
            }
            self.park(thread);
            let r = self.call(target, args, kwargs);
            return self.after_parked_call(thread, r);
        }
        let r = self.call(func, args, kwargs);
        self.after_native_call(thread, r)
    }

    /// An attribute of a frame object, read with the thread's frames parked so that it reads
    /// its frame as it is now (`types/frame.rs`). Cold and out of line: `LoadAttr` only tests
    /// for a frame object, and the interpreter loop keeps its shape.
    #[cold]
    #[inline(never)]
    pub(crate) fn get_attr_parked(&mut self, thread: &mut Thread, obj: &Value, name: &str) -> PyResult {
        self.park(thread);
        let r = self.get_attr(obj, name);
        self.unpark(thread);
        r
    }

    /// What follows a native call made with the thread's frames parked (`park`) in
    /// `Vm::parked`, where introspection finds them: a native reads them there
    /// (`sys._getframe`), and so does Python code it runs nested (a class's `__init__`, a key
    /// function), whose callers they are. The frames come back, then the result goes on the
    /// stack. Out of line, so that the result passes straight from the call to here: a copy
    /// of it in between stalled the loop (a store read back at once) more than the rest costs.
    #[inline(never)]
    pub(crate) fn after_parked_call(&mut self, thread: &mut Thread, r: PyResult) -> Result<Option<Outcome>, (Value, bool)> {
        self.unpark(thread);
        self.after_native_call(thread, r)
    }

    /// Moves the thread's frames to `parked`, at its depth (see `after_parked_call`): a swap with
    /// the empty vector there.
    #[inline(always)]
    pub(crate) fn park(&mut self, thread: &mut Thread) {
        let depth = self.nested_depth;
        if depth >= self.parked.len() {
            self.parked.resize_with(depth + 1, Vec::new);
        }
        std::mem::swap(&mut self.parked[depth], &mut thread.frames);
    }

    /// Gives the thread its frames back from `parked`.
    #[inline(always)]
    pub(crate) fn unpark(&mut self, thread: &mut Thread) {
        if let Some(parked) = self.parked.get_mut(self.nested_depth) {
            std::mem::swap(parked, &mut thread.frames);
        }
    }
}
