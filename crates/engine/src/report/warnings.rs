//! Messages CPython prints when objects are finalized: coroutines never awaited, task exceptions
//! never retrieved. Finalizers queue them here; the VM prints them at its next output. Once the
//! program imported `warnings` (`lib/warnings.py`), a coroutine never awaited goes through it
//! instead (`vm/finalize.rs`), so its filters and `catch_warnings` see it, as CPython's do.

use crate::types::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub enum Pending {
    NeverAwaited { qualname: Rc<str>, line: u32, at_shutdown: bool },
    ExceptionNotRetrieved { task: Option<(Rc<str>, Rc<str>, u32)>, exc: Value },
}

thread_local! {
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
    static SHUTDOWN: Cell<bool> = const { Cell::new(false) };
    static SEEN_LINES: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    /// (category and message, line) of the warnings shown so far.
    static SHOWN: RefCell<Vec<(String, u32)>> = const { RefCell::new(Vec::new()) };
    /// The program imported `warnings`: the engine's warnings go through it from then on.
    static PYTHON_WARNINGS: Cell<bool> = const { Cell::new(false) };
}

/// Marks that the program imported `warnings` (its import calls this).
pub fn set_python_warnings(on: bool) {
    let _ = PYTHON_WARNINGS.try_with(|p| p.set(on));
}

/// Whether the engine's warnings go through the program's `warnings` module.
pub fn python_warnings() -> bool {
    PYTHON_WARNINGS.try_with(|p| p.get()).unwrap_or(false)
}

/// The default warning filter shows a warning once per message and location.
pub fn first_time(message: &str, line: u32) -> bool {
    SHOWN.with(|s| {
        let mut s = s.borrow_mut();
        if s.iter().any(|(m, l)| m == message && *l == line) {
            return false;
        }
        s.push((message.to_string(), line));
        true
    })
}

pub fn push(p: Pending) {
    // Finalizers can run during thread teardown, after the queue is gone: then there is no one
    // left to print to.
    let _ = PENDING.try_with(|q| q.borrow_mut().push(p));
}

pub fn take() -> Vec<Pending> {
    PENDING.with(|q| std::mem::take(&mut *q.borrow_mut()))
}

pub fn set_shutdown(on: bool) {
    SHUTDOWN.with(|s| s.set(on));
}

pub fn at_shutdown() -> bool {
    SHUTDOWN.try_with(|s| s.get()).unwrap_or(true)
}

/// Starts a run: forgets what earlier runs on this thread queued or printed.
pub fn reset() {
    take();
    crate::vm::finalize::discard();
    crate::vm::finalize::resume();
    SEEN_LINES.with(|s| s.borrow_mut().clear());
    SHOWN.with(|s| s.borrow_mut().clear());
    set_python_warnings(false);
    set_shutdown(false);
}

pub fn format(vm: &mut crate::vm::Vm, w: &Pending) -> Option<String> {
    match w {
        Pending::NeverAwaited { qualname, line, at_shutdown } => {
            if *at_shutdown {
                return Some(format!("sys:1: RuntimeWarning: coroutine '{qualname}' was never awaited\n"));
            }
            // The default warning filter shows a warning once per location.
            let first = SEEN_LINES.with(|s| {
                let mut s = s.borrow_mut();
                if s.contains(line) {
                    false
                } else {
                    s.push(*line);
                    true
                }
            });
            if !first {
                return None;
            }
            let src = vm.source_lines.get(*line as usize - 1).map(|l| l.trim().to_string()).unwrap_or_default();
            Some(format!(
                "{}:{line}: RuntimeWarning: coroutine '{qualname}' was never awaited\n  {src}\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
                vm.filename
            ))
        }
        Pending::ExceptionNotRetrieved { task, exc } => {
            let er = vm.repr(exc).map(|s| s.to_string()).unwrap_or_default();
            let head = match task {
                Some((name, coro, line)) => format!(
                    "Task exception was never retrieved\nfuture: <Task finished name='{name}' coro=<{coro}() done, defined at {}:{line}> exception={er}>\n",
                    vm.filename
                ),
                None => format!("Future exception was never retrieved\nfuture: <Future finished exception={er}>\n"),
            };
            let tb = crate::report::tracebacks::format_traceback(vm, exc);
            Some(format!("{head}{tb}"))
        }
    }
}

/// A coroutine freed before it ran: "coroutine '...' was never awaited".
pub fn on_coroutine_dropped(c: &crate::types::value::Generator) {
    if c.state.get() == crate::types::value::GenState::Created && !c.awaited.get() {
        push(Pending::NeverAwaited { qualname: c.qualname.clone(), line: c.created_line, at_shutdown: at_shutdown() });
    }
}

impl Drop for crate::types::native::FutureData {
    fn drop(&mut self) {
        if self.log_traceback {
            if let Some(exc) = self.exception.take() {
                let task = self.task.as_ref().map(|t| {
                    let (coro, line) = match &t.coro {
                        Value::Obj(o) => match &**o {
                            crate::types::value::Obj::Gen(g) => (g.qualname.clone(), g.code.first_line),
                            _ => (Rc::from("?"), 0),
                        },
                        _ => (Rc::from("?"), 0),
                    };
                    (t.name.clone(), coro, line)
                });
                push(Pending::ExceptionNotRetrieved { task, exc });
            }
        }
    }
}
