//! Records the run's trace (`awaitlab_trace::Event`s) as the event loop works: task creation,
//! steps, waits, timers, blocking, HTTP, output. Off when the run's config says so.

use crate::types::native::{HandleKind, NativeObj};
use crate::types::value::{Generator, Obj, Value};
use crate::vm::Vm;
use awaitlab_trace::http::{HttpRequest, HttpResult};
use awaitlab_trace::{Blocking, CallTarget, Callee, Event, HttpStart, NewTask, Record, ResourceUse, StackFrame, Stream, Summary};
use std::rc::Rc;

pub struct Trace {
    pub enabled: bool,
    pub records: Vec<Record>,
    /// Past this many records the run goes on but its events are only counted: a run may last
    /// for ever, its trace may not (docs/perf.md has the measurement behind the figure).
    pub limit: usize,
    /// Events counted after the limit: all, tasks created, steps, prints, HTTP requests.
    pub dropped: [u64; 5],
    /// Each semaphore, lock or connector seen, by address: the object (to tell a new object at
    /// a freed one's address from the old one, as `id()` cannot) and its lane's number.
    pub resources: std::collections::HashMap<u64, (std::rc::Weak<Obj>, u64)>,
    pub resource_lanes: u64,
    /// What the program called each semaphore or lock it made (`named`), by address as above.
    pub names: std::collections::HashMap<u64, (std::rc::Weak<Obj>, Rc<str>)>,
    /// The handle a task that yielded bare was queued again with, for its `StepEnd`.
    pub requeued: u64,
}

/// Half a million records: about 30 MB in the engine and as much in the page, which takes them
/// in behind the run's output in well under a second; the timeline is built in about 35 ms.
pub const DETAIL_LIMIT: usize = 500_000;

impl Default for Trace {
    fn default() -> Self {
        Trace {
            enabled: true,
            records: Vec::new(),
            limit: DETAIL_LIMIT,
            dropped: [0; 5],
            resources: Default::default(),
            resource_lanes: 0,
            names: Default::default(),
            requeued: 0,
        }
    }
}

fn push(vm: &mut Vm, event: Event) {
    if !vm.trace.enabled {
        return;
    }
    let time = vm.event_loop.now;
    let trace = &mut vm.trace;
    if trace.records.len() < trace.limit {
        if trace.records.capacity() == 0 {
            // Room for a busy run's first 64k records (3 MB, touched only as they come): the
            // vector's early doublings would copy what it holds each time.
            trace.records.reserve(1 << 16);
        }
        trace.records.push(Record { time, event });
        if trace.records.len() == trace.limit {
            trace.records.push(Record { time, event: Event::DetailEnds });
        }
        return;
    }
    trace.dropped[0] += 1;
    match event {
        Event::TaskCreated(_) => trace.dropped[1] += 1,
        Event::StepStart { .. } => trace.dropped[2] += 1,
        Event::Output { .. } => trace.dropped[3] += 1,
        Event::HttpStart(_) => trace.dropped[4] += 1,
        _ => {}
    }
}

fn id_of(o: &Rc<Obj>) -> u64 {
    match &**o {
        Obj::Native(NativeObj::Future(f)) => f.borrow().id,
        Obj::Native(NativeObj::Handle(h)) => h.id,
        _ => Rc::as_ptr(o) as *const u8 as usize as u64,
    }
}

fn current_task_id(vm: &Vm) -> Option<u64> {
    vm.event_loop.current_task.as_ref().map(id_of)
}

pub fn task_created(vm: &mut Vm, task: &Rc<Obj>) {
    if !vm.trace.enabled {
        return;
    }
    let (name, coro, args, line, internal) = {
        let d = crate::event_loop::future::future_data(task).borrow();
        let t = d.task.as_ref().unwrap();
        let (coro, args, line, internal) = match &t.coro {
            Value::Obj(o) => match &**o {
                Obj::Gen(g) => (
                    g.qualname.clone(),
                    Rc::from(coroutine_args(g)),
                    g.created_line,
                    g.code.filename.starts_with('<') && !g.created_by_program,
                ),
                _ => (Rc::from("?"), Rc::from(""), 0, false),
            },
            _ => (Rc::from("?"), Rc::from(""), 0, false),
        };
        (t.name.clone(), coro, args, line, internal)
    };
    let parent = current_task_id(vm);
    push(vm, Event::TaskCreated(Box::new(NewTask { task: id_of(task), name, coro, args, parent, line, internal })));
}

/// A not-yet-started coroutine's arguments, as a label: never runs Python code (no `__repr__`).
fn coroutine_args(g: &Generator) -> String {
    let frame = g.frame.borrow();
    let Some(frame) = frame.as_ref() else { return String::new() };
    frame_args(frame, false)
}

/// A frame's arguments as they are now, shortly: `3, 'a'` (without a method's `self`, in a
/// stack that names it `Worker.run`).
fn frame_args(frame: &crate::vm::Frame, skip_self: bool) -> String {
    let code = &frame.code;
    let n = code.argcount as usize + code.kwonlyargcount as usize;
    let skip = usize::from(skip_self && code.qualname.contains('.') && code.varnames.first().is_some_and(|v| &**v == "self"));
    let mut parts: Vec<String> = frame.fast.iter().take(n).skip(skip).map(|v| v.as_ref().map(short_repr).unwrap_or_default()).collect();
    // asyncio's own coroutines (a program's `ensure_future(asyncio.sleep(0.5))`) read as called:
    // their trailing `None`s are defaults nobody wrote (`sleep(0.5)`, not `sleep(0.5, None)`).
    if code.filename.starts_with('<') {
        while parts.last().is_some_and(|p| p == "None") {
            parts.pop();
        }
    }
    let text = parts.join(", ");
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(39).collect::<String>())
    } else {
        text
    }
}

fn short_repr(v: &Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Big(_) => "…".into(),
        Value::Float(f) => awaitlab_syntax::literal::float_repr(*f),
        Value::Str(s) => {
            let short: String = s.chars().take(16).collect();
            if short.len() < s.len() {
                format!("'{short}…'")
            } else {
                format!("'{short}'")
            }
        }
        Value::Obj(o) => match &**o {
            Obj::List(_) => "[…]".into(),
            Obj::Tuple(_) => "(…)".into(),
            Obj::Dict(_) => "{…}".into(),
            Obj::Instance(i) => match &*i.class {
                Obj::Class(c) => format!("<{}>", c.name),
                _ => "…".into(),
            },
            _ => "…".into(),
        },
    }
}

/// A callback runs: recorded when it is the program's own function (asyncio's internal
/// callbacks, such as a future waking its task, are the loop's business, drawn as the tasks).
pub fn callback(vm: &mut Vm, func: &Value, args: &[Value]) {
    if !vm.trace.enabled {
        return;
    }
    let Value::Obj(o) = func else { return };
    let Obj::Function(f) = &**o else { return };
    if f.code.filename.starts_with('<') {
        return;
    }
    let shown: Vec<String> = args.iter().map(short_repr).collect();
    let name = Rc::from(format!("{}({})", f.name.borrow(), shown.join(", ")));
    let line = f.code.first_line;
    push(vm, Event::Callback { name, line });
}

pub fn step_start(vm: &mut Vm, task: &Rc<Obj>) {
    push(vm, Event::StepStart { task: id_of(task) });
}

pub fn step_end(vm: &mut Vm, task: &Rc<Obj>) {
    if !vm.trace.enabled {
        return;
    }
    // Past the trace's limit the record is only counted: no need to find where it suspended.
    let (line, stack) = if vm.trace.records.len() < vm.trace.limit { suspended_in(task) } else { (0, None) };
    let requeued = std::mem::take(&mut vm.trace.requeued);
    let (task, now) = (id_of(task), vm.event_loop.now);
    // Nothing recorded since the step began, at this same moment: the step is one record.
    if let Some(last) = vm.trace.records.last_mut() {
        if matches!(last.event, Event::StepStart { task: t } if t == task) && last.time == now {
            last.event = Event::Step { task, line, stack, requeued };
            return;
        }
    }
    push(vm, Event::StepEnd { task, line, stack, requeued });
}

/// Where a task suspended: the line of the program it awaits at (its innermost frame of the
/// program's own code), and the chain of the program's coroutines it is in when there is more
/// than one (asyncio's own frames, `sleep()`, `Semaphore.acquire()`, are what it waits for, in
/// `Waiting`). A chain of one, the common case, costs a look at the frames and no allocation.
/// Nothing when it finished.
fn suspended_in(task: &Rc<Obj>) -> (u32, Option<Rc<[StackFrame]>>) {
    let d = crate::event_loop::future::future_data(task).borrow();
    let Some(frames) = d.task.as_ref().and_then(|t| t.thread.as_ref()).map(|th| &th.frames) else { return (0, None) };
    let own_code = |f: &&crate::vm::Frame| !f.code.filename.starts_with('<');
    let line = frames.iter().rev().find(own_code).map_or(0, |f| f.line());
    if frames.iter().filter(own_code).nth(1).is_none() {
        return (line, None);
    }
    let stack = frames
        .iter()
        .filter(own_code)
        .map(|f| StackFrame { label: Rc::from(format!("{}({})", f.code.qualname, frame_args(f, true))), line: f.line() })
        .collect();
    (line, Some(stack))
}

pub fn task_waits(vm: &mut Vm, task: &Rc<Obj>, fut: &Rc<Obj>) {
    if !vm.trace.enabled {
        return;
    }
    let what: Rc<str> = {
        let d = crate::event_loop::future::future_data(fut).borrow();
        match (&d.label, &d.task) {
            (Some(l), _) => l.clone(),
            (None, Some(t)) => Rc::from(format!("task {}", t.name)),
            (None, None) => Rc::from("future"),
        }
    };
    let line = {
        let d = crate::event_loop::future::future_data(task).borrow();
        d.task
            .as_ref()
            .and_then(|t| t.thread.as_ref())
            .and_then(|th| th.frames.iter().rev().find(|f| !f.code.filename.starts_with('<')))
            .map(|f| f.line())
            .unwrap_or(0)
    };
    push(vm, Event::Waiting { task: id_of(task), what, line, future: id_of(fut) });
}

pub fn future_done(vm: &mut Vm, fut: &Rc<Obj>) {
    if !vm.trace.enabled {
        return;
    }
    let (is_task, state, has_exc) = {
        let d = crate::event_loop::future::future_data(fut).borrow();
        (d.task.is_some(), d.state, d.exception.is_some())
    };
    if is_task {
        let outcome = match (state, has_exc) {
            (crate::types::native::FutureState::Cancelled, _) => "cancelled",
            (_, true) => "failed",
            _ => "done",
        };
        push(vm, Event::TaskDone { task: id_of(fut), outcome });
    } else {
        push(vm, Event::FutureDone { future: id_of(fut) });
    }
}

/// A handle joined the ready queue.
pub fn scheduled(vm: &mut Vm, h: &Rc<Obj>) {
    if !vm.trace.enabled {
        return;
    }
    let callee = callee_of(h);
    push(vm, Event::Scheduled { handle: id_of(h), callee });
}

pub fn timer_set(vm: &mut Vm, h: &Rc<Obj>, when: f64) {
    if !vm.trace.enabled {
        return;
    }
    let callee = callee_of(h);
    push(vm, Event::TimerSet { handle: id_of(h), when, callee: Box::new(callee) });
}

/// A task that yielded bare goes back to the ready queue: said by its step's end (`requeued`).
pub fn requeued(vm: &mut Vm, h: &Rc<Obj>) {
    if vm.trace.enabled {
        vm.trace.requeued = id_of(h);
    }
}

/// A future joined the line of waiters of a lock, semaphore or connector already in the trace
/// (its resource lane).
pub fn queued(vm: &mut Vm, future: &Rc<Obj>, owner: &Rc<Obj>) {
    if !vm.trace.enabled {
        return;
    }
    if let Some(resource) = resource_lane(&vm.trace, owner) {
        push(vm, Event::Queued { future: id_of(future), resource });
    }
}

pub fn cancel_requested(vm: &mut Vm, task: &Rc<Obj>) {
    push(vm, Event::CancelRequested { task: id_of(task) });
}

pub fn handle_cancelled(vm: &mut Vm, h: &Rc<Obj>) {
    push(vm, Event::HandleCancelled { handle: id_of(h) });
}

pub fn handle_run(vm: &mut Vm, h: &Rc<Obj>) {
    push(vm, Event::HandleRun { handle: id_of(h) });
}

/// What a handle will run, as the loop inspector names it: a task's step or wake-up, or a
/// function by its qualified name (never running Python code to find it).
fn callee_of(h: &Rc<Obj>) -> Callee {
    let Obj::Native(NativeObj::Handle(d)) = &**h else { return unknown_callee() };
    let future_arg = || match d.args.first() {
        Some(Value::Obj(o)) if matches!(&**o, Obj::Native(NativeObj::Future(_))) => Some(id_of(o)),
        _ => None,
    };
    match (&d.kind, &d.callback) {
        (HandleKind::TaskStep, Value::Obj(task)) => Callee::Step { task: id_of(task) },
        (HandleKind::Call, Value::Obj(cb)) => match &**cb {
            Obj::Native(NativeObj::Handle(inner)) if inner.kind == HandleKind::TaskWakeup => match &inner.callback {
                Value::Obj(task) => Callee::Wakeup { task: id_of(task), future: future_arg().unwrap_or(0) },
                _ => unknown_callee(),
            },
            _ => Callee::Call(Rc::new(CallTarget { name: callable_name(cb), future: future_arg() })),
        },
        _ => unknown_callee(),
    }
}

fn unknown_callee() -> Callee {
    Callee::Call(Rc::new(CallTarget { name: Rc::from("?"), future: None }))
}

/// A callable's qualified name: a function's `__qualname__`, a method of a native object as
/// CPython names it (`list.append`, `Future.set_result`, `BaseEventLoop.create_task`), a
/// builtin's name.
fn callable_name(o: &Rc<Obj>) -> Rc<str> {
    let method = |receiver: &Value, name: &str| match receiver_type(receiver) {
        Some(kind) => Rc::from(format!("{kind}.{name}")),
        None => Rc::from(name),
    };
    match &**o {
        Obj::Function(f) => f.current_qualname(),
        Obj::BoundMethod { func: Value::Obj(func), receiver } => match &**func {
            Obj::Builtin(b) => method(receiver, b.name),
            _ => callable_name(func),
        },
        Obj::Builtin(b) => match &b.bound {
            Some(receiver) => method(receiver, b.name),
            None => Rc::from(b.name),
        },
        Obj::Class(c) => c.name.clone(),
        // functools.partial (a class of ours, as CPython's pure-Python one) by what it wraps;
        // another callable object by its class's __call__.
        Obj::Instance(i) => match &*i.class {
            Obj::Class(c) if &*c.name == "partial" => match i.dict.borrow().get("func") {
                Some(Value::Obj(func)) => Rc::from(format!("partial({})", callable_name(func))),
                _ => Rc::from("partial"),
            },
            Obj::Class(c) => Rc::from(format!("{}.__call__", c.name)),
            _ => Rc::from("?"),
        },
        _ => Rc::from("?"),
    }
}

/// The class name CPython's `__qualname__` of a method of `receiver` starts with.
fn receiver_type(receiver: &Value) -> Option<Rc<str>> {
    let Value::Obj(o) = receiver else { return None };
    Some(match &**o {
        Obj::List(_) => Rc::from("list"),
        Obj::Dict(_) => Rc::from("dict"),
        Obj::Set(_) => Rc::from("set"),
        Obj::Native(NativeObj::Loop) => Rc::from("BaseEventLoop"),
        Obj::Native(NativeObj::Future(f)) => {
            let f = f.borrow();
            Rc::from(match (&f.task, &f.gather_children) {
                (Some(_), _) => "Task",
                (None, Some(_)) => "_GatheringFuture",
                _ => "Future",
            })
        }
        Obj::Instance(i) => match &*i.class {
            Obj::Class(c) => c.name.clone(),
            _ => return None,
        },
        _ => return None,
    })
}

/// `gather()` made a future that waits for `children`.
pub fn gathering(vm: &mut Vm, future: &Rc<Obj>, children: &[Value]) {
    if !vm.trace.enabled {
        return;
    }
    let children: Rc<[u64]> = children
        .iter()
        .filter_map(|c| match c {
            Value::Obj(o) => Some(id_of(o)),
            _ => None,
        })
        .collect();
    push(vm, Event::Gathering { future: id_of(future), children });
}

pub fn blocked(vm: &mut Vm, until: f64, reason: &Rc<str>) {
    let task = current_task_id(vm);
    let line = vm.user_line;
    let in_loop = vm.event_loop.running;
    push(vm, Event::Blocked(Box::new(Blocking { until, reason: reason.clone(), task, line, in_loop })));
}

pub fn http_start(vm: &mut Vm, req: &HttpRequest) {
    if !vm.trace.enabled {
        return;
    }
    let task = current_task_id(vm);
    push(
        vm,
        Event::HttpStart(Box::new(HttpStart { id: req.id, task, method: Rc::from(req.method.as_str()), url: Rc::from(req.url.as_str()) })),
    );
}

pub fn http_end(vm: &mut Vm, id: u64, result: &HttpResult) {
    let (status, error) = match result {
        Ok(r) => (Some(r.status), None),
        Err(f) => (None, Some(Rc::from(f.message.as_str()))),
    };
    push(vm, Event::HttpEnd { id, status, error });
}

pub fn unblocked(vm: &mut Vm) {
    push(vm, Event::Unblocked);
}

/// The lane of a lock, semaphore or connector the trace has seen: by its address, and only if
/// the object there is still the one seen (a new object may reuse a freed one's address).
fn resource_lane(trace: &Trace, object: &Rc<Obj>) -> Option<u64> {
    let address = Rc::as_ptr(object) as *const u8 as usize as u64;
    trace.resources.get(&address).and_then(|(seen, lane)| seen.upgrade().filter(|alive| Rc::ptr_eq(alive, object)).map(|_| *lane))
}

pub fn resource(vm: &mut Vm, args: &[Value]) {
    if !vm.trace.enabled || args.len() < 4 {
        return;
    }
    // One lane per object: a Lock made after a semaphore was freed may reuse its address.
    let (id, name) = match &args[0] {
        Value::Obj(o) => {
            let address = args[0].id();
            let trace = &mut vm.trace;
            match resource_lane(trace, o) {
                Some(lane) => (lane, None),
                None => {
                    trace.resource_lanes += 1;
                    trace.resources.insert(address, (Rc::downgrade(o), trace.resource_lanes));
                    let name = trace
                        .names
                        .get(&address)
                        .filter(|(object, _)| object.upgrade().is_some_and(|alive| Rc::ptr_eq(&alive, o)))
                        .map(|(_, name)| name.clone());
                    (trace.resource_lanes, name)
                }
            }
        }
        other => (other.id(), None),
    };
    let kind: Rc<str> = match &args[1] {
        Value::Str(s) => s.clone(),
        _ => Rc::from("resource"),
    };
    let in_use = match args[2] {
        Value::Int(i) => i,
        _ => 0,
    };
    let capacity = match args[3] {
        Value::Int(i) => i,
        _ => 0,
    };
    push(vm, Event::Resource(Box::new(ResourceUse { id, kind, in_use, capacity, name })));
}

/// A semaphore or lock is being made (`__init__`): if the program's line that made it assigns
/// it to a name (`api_lock = asyncio.BoundedSemaphore(2)`), its lane will carry that name.
pub fn named(vm: &mut Vm, object: &Value, class: &str) {
    if !vm.trace.enabled {
        return;
    }
    let Value::Obj(o) = object else { return };
    let line = vm.user_line as usize;
    let Some(name) = line.checked_sub(1).and_then(|i| vm.source_lines.get(i)).and_then(|text| assigned_name(text, class)) else {
        return;
    };
    vm.trace.names.insert(object.id(), (Rc::downgrade(o), Rc::from(name)));
}

/// The target of `target = [module.]Class(…)` on a line of the program: `api_lock`,
/// `self.lock`; an annotation (`lock: asyncio.Lock = …`) is allowed. Anything else (a tuple,
/// a list of locks, a call that merely contains the class) names nothing.
fn assigned_name(line: &str, class: &str) -> Option<String> {
    let (target, value) = line.split_once('=')?;
    let target = target.split(':').next()?.trim();
    let is_name = |part: &str| {
        let mut chars = part.chars();
        chars.next().is_some_and(|c| c.is_alphabetic() || c == '_') && chars.all(|c| c.is_alphanumeric() || c == '_')
    };
    if target.is_empty() || !target.split('.').all(is_name) || value.starts_with('=') {
        return None;
    }
    let callee = value.trim_start().split('(').next()?.trim();
    let last = callee.rsplit('.').next()?;
    (last == class && callee.split('.').all(is_name)).then(|| target.to_string())
}

/// A job went to the executor: what it calls, `blocking_io(1)`.
pub fn executor_submitted(vm: &mut Vm, fut: &Rc<Obj>, func: &Value, args: &[Value]) {
    if !vm.trace.enabled {
        return;
    }
    // A functools.partial by what it wraps, with its arguments first: `fetch(1, 'a')`.
    let (func, bound) = match func {
        Value::Obj(o) => match &**o {
            Obj::Instance(i) if matches!(&*i.class, Obj::Class(c) if &*c.name == "partial") => {
                let d = i.dict.borrow();
                (d.get("func").cloned().unwrap_or(Value::None), d.get("args").map(crate::vm::tuple_items).unwrap_or_default())
            }
            _ => (func.clone(), vec![]),
        },
        _ => (func.clone(), vec![]),
    };
    let name = match &func {
        Value::Obj(o) => callable_name(o),
        _ => Rc::from("?"),
    };
    let args: Vec<String> = bound.iter().chain(args).map(short_repr).collect();
    let call = Rc::from(format!("{name}({})", args.join(", ")));
    push(vm, Event::ExecutorSubmitted { future: id_of(fut), call });
}

pub fn executor_job(vm: &mut Vm, fut: &Rc<Obj>, start: f64, end: f64) {
    push(vm, Event::ExecutorJob { future: id_of(fut), start, end });
}

pub fn output(vm: &mut Vm, stream: Stream, text: &str) {
    let task = current_task_id(vm);
    push(vm, Event::Output { task, stream, text: Rc::from(text) });
}

pub fn loop_cleared(vm: &mut Vm) {
    push(vm, Event::LoopCleared);
}

pub fn iteration(vm: &mut Vm, due: u32) {
    push(vm, Event::Iteration { due });
}

/// The run's end: always recorded, after the counts of what went unrecorded (if anything did).
pub fn finished(vm: &mut Vm, status: &'static str) {
    if !vm.trace.enabled {
        return;
    }
    let time = vm.event_loop.now;
    let [events, tasks, steps, prints, requests] = vm.trace.dropped;
    if vm.trace.records.len() > vm.trace.limit {
        vm.trace.records.push(Record { time, event: Event::Summary(Box::new(Summary { events, tasks, steps, prints, requests })) });
    }
    vm.trace.records.push(Record { time, event: Event::Finished { status } });
}

#[cfg(test)]
mod tests {
    use super::assigned_name;
    #[test]
    fn only_a_plain_assignment_of_the_class_names_an_object() {
        assert_eq!(assigned_name("    sem = asyncio.Semaphore(3)", "Semaphore").as_deref(), Some("sem"));
        assert_eq!(assigned_name("lock: asyncio.Lock = asyncio.Lock()", "Lock").as_deref(), Some("lock"));
        assert_eq!(assigned_name("self._lock = Lock()", "Lock").as_deref(), Some("self._lock"));
        assert_eq!(assigned_name("a, b = Lock(), Lock()", "Lock"), None);
        assert_eq!(assigned_name("locks = [asyncio.Lock() for _ in range(3)]", "Lock"), None);
        assert_eq!(assigned_name("if x == Lock():", "Lock"), None);
        assert_eq!(assigned_name("cond = asyncio.Condition(asyncio.Lock())", "Lock"), None);
        assert_eq!(assigned_name("sem = asyncio.BoundedSemaphore(2)", "Semaphore"), None);
    }
}
