//! The reprs of futures, tasks and handles, as `base_futures.py`, `base_tasks.py` and
//! `events.py` build them.

use crate::event_loop::future::{future_data, state_name};
use crate::types::native::{FutureState, HandleData, HandleKind, NativeObj};
use crate::types::value::{GenState, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

fn coro_repr(vm: &Vm, coro: &Value, thread: Option<&crate::vm::Thread>) -> String {
    let Value::Obj(co) = coro else { return "?".into() };
    let Obj::Gen(g) = &**co else { return "?".into() };
    let (state, line) = match (g.state.get(), thread) {
        (GenState::Closed, _) => ("done, defined at", g.code.first_line),
        (_, Some(th)) => ("running at", th.frames.first().map(|f| f.line()).unwrap_or(g.code.first_line)),
        _ => ("running at", g.code.first_line),
    };
    format!("<{}() {} {}:{}>", g.qualname, state, vm.filename, line)
}

/// A Future's or Task's repr, as base_futures._future_repr_info and base_tasks._task_repr_info
/// build it: state (a task being cancelled says so), name, coroutine, what it waits for,
/// result or exception (shortened by reprlib), callbacks.
pub fn future_repr(vm: &mut Vm, o: &Rc<Obj>) -> PyResult<String> {
    let (state, result, exception, callbacks, task, gathering) = {
        let d = future_data(o).borrow();
        let task = d
            .task
            .as_ref()
            .map(|t| (t.name.clone(), coro_repr(vm, &t.coro, t.thread.as_ref()), t.fut_waiter.clone(), t.num_cancels_requested));
        (
            d.state,
            d.result.clone(),
            d.exception.clone(),
            d.callbacks.iter().map(|(cb, _)| cb.clone()).collect::<Vec<_>>(),
            task,
            d.gather_children.is_some(),
        )
    };
    let mut info = vec![state_name(state).to_lowercase()];
    if state == FutureState::Finished {
        match exception {
            Some(e) => info.push(format!("exception={}", vm.repr(&e)?)),
            None => info.push(format!("result={}", crate::report::reprlib::repr(vm, &result)?)),
        }
    }
    if !callbacks.is_empty() {
        let mut shown: Vec<String> = Vec::new();
        let n = callbacks.len();
        let picks: Vec<usize> = if n <= 2 { (0..n).collect() } else { vec![0, n - 1] };
        for i in picks {
            shown.push(future_callback_repr(vm, &callbacks[i]));
        }
        let body = if n > 2 { format!("{}, <{} more>, {}", shown[0], n - 2, shown[1]) } else { shown.join(", ") };
        info.push(format!("cb=[{body}]"));
    }
    let Some((name, coro, waiter, cancels)) = task else {
        let class = if gathering { "_GatheringFuture" } else { "Future" };
        return Ok(format!("<{class} {}>", info.join(" ")));
    };
    if cancels > 0 && state == FutureState::Pending {
        info[0] = "cancelling".into();
    }
    info.insert(1, format!("name='{name}'"));
    if let Some(Value::Obj(w)) = waiter.filter(|_| state == FutureState::Pending) {
        let w = future_repr(vm, &w)?;
        info.insert(2, format!("wait_for={w}"));
    }
    info.insert(2, format!("coro={coro}"));
    Ok(format!("<Task {}>", info.join(" ")))
}

/// A done-callback as a future's repr names it: a task's wakeup is `Task.task_wakeup()`.
fn future_callback_repr(vm: &mut Vm, cb: &Value) -> String {
    if let Value::Obj(o) = cb {
        if let Obj::Native(NativeObj::Handle(h)) = &**o {
            if h.kind == HandleKind::TaskWakeup {
                return "Task.task_wakeup()".into();
            }
        }
    }
    callback_repr(vm, cb, &[])
}

/// `cb() at file.py:2` as CPython's handle reprs show callbacks.
pub fn callback_repr(vm: &mut Vm, cb: &Value, args: &[Value]) -> String {
    let func = match cb {
        Value::Obj(o) => match &**o {
            Obj::BoundMethod { func, .. } => func.clone(),
            _ => cb.clone(),
        },
        _ => cb.clone(),
    };
    let mut arg_reprs = vec![];
    for a in args {
        arg_reprs.push(vm.repr(a).map(|s| s.to_string()).unwrap_or_default());
    }
    match &func {
        Value::Obj(o) => match &**o {
            Obj::Function(f) => format!("{}({}) at {}:{}", f.qualname, arg_reprs.join(", "), f.code.filename, f.code.first_line),
            Obj::Builtin(b) => format!("{}({})", b.name, arg_reprs.join(", ")),
            _ => vm.repr(&func).map(|s| s.to_string()).unwrap_or_default(),
        },
        _ => String::new(),
    }
}

pub fn handle_repr(vm: &mut Vm, h: &HandleData) -> PyResult<String> {
    let cb = callback_repr(vm, &h.callback, &h.args);
    let state = if h.cancelled.get() { " cancelled" } else { "" };
    Ok(match h.when {
        Some(w) => format!("<TimerHandle{state} when={} {cb}>", awaitlab_syntax::literal::float_repr(w)),
        None => format!("<Handle{state} {cb}>"),
    })
}
