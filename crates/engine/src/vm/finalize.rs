//! Generator finalization (PEP 442 as CPython does it): a generator dropped while suspended
//! inside a `try`, `with` or `except` block is closed, so its `finally` runs at the point the
//! last reference went away; an async generator's `aclose()` is scheduled on the event loop
//! (asyncio's finalizer hook: `call_soon_threadsafe(create_task, agen.aclose())`).
//!
//! `Drop` cannot run Python, so it moves the generator's state into a new object queued
//! here, and the interpreter closes it between two instructions. A coroutine never awaited is
//! queued the same way once the program imported `warnings`: its warning then goes through
//! `warnings._warn_unawaited_coroutine`, at the line that dropped it (CPython's refcounting
//! frees it there).
//!
//! Weak references' callbacks come through the same queue: `types/weakref.rs` queues the
//! references of an object being freed, and they are called here, at the next instruction.

use crate::types::value::{GenKind, GenState, Generator, Obj, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Read once per instruction: a plain load, set by any thread (a spurious check finds its own
/// thread's queue empty).
static ANY_PENDING: AtomicBool = AtomicBool::new(false);

thread_local! {
    static QUEUE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    /// Off while a run is torn down: then generators are simply freed.
    static ACCEPTING: Cell<bool> = const { Cell::new(true) };
}

#[inline]
pub fn pending() -> bool {
    ANY_PENDING.load(Ordering::Relaxed)
}

/// Makes the interpreter look between two instructions (`Vm::execute`): output that wants the
/// slice to pause uses the same flag, so the loop reads one flag per instruction.
pub fn wake() {
    ANY_PENDING.store(true, Ordering::Relaxed);
}

pub fn take() -> Vec<Value> {
    ANY_PENDING.store(false, Ordering::Relaxed);
    QUEUE.try_with(|q| std::mem::take(&mut *q.borrow_mut())).unwrap_or_default()
}

/// Frees what is queued without running it (the run is over), and stops queueing until `resume`.
pub fn discard() {
    let _ = ACCEPTING.try_with(|a| a.set(false));
    drop(take());
    crate::types::weakref::forget_all();
}

pub fn resume() {
    let _ = ACCEPTING.try_with(|a| a.set(true));
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.kind == GenKind::Coroutine {
            let never_awaited = self.state.get() == GenState::Created && !self.awaited.get();
            if never_awaited
                && crate::report::warnings::python_warnings()
                && ACCEPTING.try_with(|a| a.get()).unwrap_or(false)
                && !crate::report::warnings::at_shutdown()
            {
                // Its frame goes first: freeing it may queue others.
                drop(self.frame.get_mut().take());
                queue(self.revived(None));
                return;
            }
            crate::report::warnings::on_coroutine_dropped(self);
            return;
        }
        // Finalized once only (the resurrected copy is marked `awaited`).
        if self.state.get() != GenState::Suspended || self.awaited.get() || !ACCEPTING.try_with(|a| a.get()).unwrap_or(false) {
            return;
        }
        let Some(mut frame) = self.frame.get_mut().take() else { return };
        if frame.blocks.is_empty() {
            // Nothing would run on close: no finally, with or except around the yield.
            return;
        }
        let revived = self.revived(Some(GenState::Suspended));
        frame.gen = Some(Rc::downgrade(&revived));
        if let Obj::Gen(g) = &*revived {
            *g.frame.borrow_mut() = Some(frame);
        }
        queue(revived);
    }
}

impl Generator {
    /// A copy of a generator being freed, to finalize: marked `awaited`, so that freeing the
    /// copy finalizes nothing again. `state`: its state (None: the one it has).
    fn revived(&self, state: Option<GenState>) -> Rc<Obj> {
        Rc::new(Obj::Gen(Generator {
            kind: self.kind,
            state: Cell::new(state.unwrap_or(self.state.get())),
            frame: RefCell::new(None),
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            code: self.code.clone(),
            awaited: Cell::new(true),
            id: self.id,
            created_line: self.created_line,
            created_by_program: self.created_by_program,
        }))
    }
}

/// A weak reference whose object was freed (`types/weakref.rs`): its callback runs here. Not
/// once the program's objects are torn down at exit: CPython's callbacks do not run then either
/// (weakref.finalize's run before, through atexit).
pub fn queue_weakref_callback(reference: Rc<Obj>) {
    if ACCEPTING.try_with(|a| a.get()).unwrap_or(false) && !crate::report::warnings::at_shutdown() {
        queue(reference);
    }
}

fn queue(revived: Rc<Obj>) {
    let _ = QUEUE.try_with(|q| q.borrow_mut().push(Value::Obj(revived)));
    ANY_PENDING.store(true, Ordering::Relaxed);
}

impl crate::vm::Vm {
    /// `run_finalizers` between two instructions of `thread`, with its frames parked: a
    /// finalizer's warning (`warnings`) reads the frame it happened in.
    pub(crate) fn run_finalizers_in(&mut self, thread: &mut crate::vm::Thread) {
        let at = thread.frames.last().map(crate::vm::Frame::traceback_entry);
        self.park(thread);
        self.run_finalizers(at);
        self.unpark(thread);
    }

    /// Closes the generators dropped since the last call; `at` is the frame running then (an
    /// error without a traceback of its own is reported there, as CPython does).
    pub fn run_finalizers(&mut self, at: Option<crate::types::value::TracebackEntry>) {
        for generator in take() {
            let Value::Obj(o) = &generator else { continue };
            let Obj::Gen(g) = &**o else {
                self.call_weakref_callback(&generator, &at);
                continue;
            };
            let result = if g.kind == GenKind::Coroutine {
                self.warn_never_awaited(&generator)
            } else if g.kind == GenKind::AsyncGenerator {
                self.schedule_aclose(&generator)
            } else {
                self.get_attr(&generator, "close").and_then(|close| self.call(close, vec![], vec![]))
            };
            if let Err(exc) = result {
                if let (Some(entry), false) = (&at, crate::report::tracebacks::has_traceback(&exc)) {
                    crate::types::exceptions::push_traceback(&exc, entry.clone());
                }
                self.report_unraisable(&generator, &exc);
            }
        }
    }

    /// A freed object's weak reference: its callback (`lib/_weakref.py`'s `_awaitlab_callback`, cleared
    /// first as CPython clears it) called with the reference, which now returns None.
    fn call_weakref_callback(&mut self, reference: &Value, at: &Option<crate::types::value::TracebackEntry>) {
        let Ok(callback) = self.get_attr(reference, "_awaitlab_callback") else { return };
        if callback.is_none() || self.set_attr(reference, "_awaitlab_callback", Value::None).is_err() {
            return;
        }
        if let Err(exc) = self.call(callback.clone(), vec![reference.clone()], vec![]) {
            if let (Some(entry), false) = (at, crate::report::tracebacks::has_traceback(&exc)) {
                crate::types::exceptions::push_traceback(&exc, entry.clone());
            }
            self.report_unraisable(&callback, &exc);
        }
    }

    /// CPython's `_PyErr_WarnUnawaitedCoroutine`: `warnings._warn_unawaited_coroutine(coro)`.
    fn warn_never_awaited(&mut self, coro: &Value) -> crate::vm::PyResult {
        let Some(warnings) = self.modules.get("warnings").cloned() else { return Ok(Value::None) };
        let warn = self.get_attr(&warnings, "_warn_unawaited_coroutine")?;
        self.call(warn, vec![coro.clone()], vec![])
    }

    fn schedule_aclose(&mut self, agen: &Value) -> crate::vm::PyResult {
        let Some(event_loop) = self.event_loop.loop_value.clone() else { return Ok(Value::None) };
        if self.event_loop.closed {
            return Ok(Value::None);
        }
        let soon = self.get_attr(&event_loop, "call_soon_threadsafe")?;
        let create_task = self.get_attr(&event_loop, "create_task")?;
        let asyncio = self.import("asyncio")?;
        let closer = self.get_attr(&asyncio, "_aclose_dropped_agen")?;
        let closing = self.call(closer, vec![agen.clone()], vec![])?;
        self.call(soon, vec![create_task, closing], vec![])
    }

    /// CPython's `sys.unraisablehook` output for an exception no caller can see.
    fn report_unraisable(&mut self, obj: &Value, exc: &Value) {
        let what = self.repr(obj).map(|r| r.to_string()).unwrap_or_default();
        let tb = crate::report::tracebacks::format_unraisable(self, exc);
        self.write(awaitlab_trace::Stream::Stderr, &format!("Exception ignored in: {what}\n{tb}"));
    }
}
