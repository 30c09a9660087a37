//! The run's trace: structured, timestamped events of what the event loop did. It is the
//! timeline's only input, and exports to Chrome Trace Event JSON (Perfetto, chrome://tracing).

use crate::machine::Stream;
use crate::native::NativeObj;
use crate::value::*;
use crate::vm::Vm;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// `internal`: a task of asyncio's own machinery (asyncio.run's shutdown steps), not the program's.
    /// `args`: the coroutine's arguments, shortly (`3, 'a'`), for a lane label such as `meow(3)`.
    TaskCreated { task: u64, name: Rc<str>, coro: Rc<str>, args: Rc<str>, parent: Option<u64>, line: u32, internal: bool },
    StepStart { task: u64 },
    StepEnd { task: u64 },
    /// A task suspended on a future; `what` says what it waits for (sleep 0.5 s, Lock, another task...).
    Waiting { task: u64, what: Rc<str>, line: u32, future: u64 },
    FutureDone { future: u64 },
    TaskDone { task: u64, outcome: &'static str },
    TimerSet { handle: u64, when: f64 },
    TimerCancelled { handle: u64 },
    TimerFired { handle: u64 },
    Blocked { until: f64, reason: Rc<str>, task: Option<u64> },
    Unblocked,
    Resource { id: u64, kind: Rc<str>, in_use: i64, capacity: i64 },
    ExecutorJob { future: u64, start: f64, end: f64 },
    Output { task: Option<u64>, stream: Stream, text: Rc<str> },
    /// An HTTP request left the program (`task`: who asked; none for a blocking call from main).
    HttpStart { id: u64, task: Option<u64>, method: Rc<str>, url: Rc<str> },
    /// Its answer arrived: a status, or the failure's message.
    HttpEnd { id: u64, status: Option<u16>, error: Option<Rc<str>> },
    Iteration,
    Finished { status: &'static str },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub time: f64,
    pub event: Event,
}

pub struct Trace {
    pub enabled: bool,
    pub records: Vec<Record>,
    pub limit: usize,
}

impl Default for Trace {
    fn default() -> Self {
        Trace { enabled: true, records: Vec::new(), limit: 2_000_000 }
    }
}

fn push(vm: &mut Vm, event: Event) {
    if !vm.trace.enabled || vm.trace.records.len() >= vm.trace.limit {
        return;
    }
    let time = vm.rt.now;
    vm.trace.records.push(Record { time, event });
}

fn id_of(o: &Rc<Obj>) -> u64 {
    match &**o {
        Obj::Native(NativeObj::Future(f)) => f.borrow().id,
        Obj::Native(NativeObj::Handle(h)) => h.id,
        _ => Rc::as_ptr(o) as *const u8 as usize as u64,
    }
}

fn current_task_id(vm: &Vm) -> Option<u64> {
    vm.rt.current_task.as_ref().map(id_of)
}

pub fn task_created(vm: &mut Vm, task: &Rc<Obj>) {
    if !vm.trace.enabled {
        return;
    }
    let (name, coro, args, line, internal) = {
        let d = crate::asyncio::fut_data(task).borrow();
        let t = d.task.as_ref().unwrap();
        let (coro, args, line, internal) = match &t.coro {
            Value::Obj(o) => match &**o {
                Obj::Gen(g) => (g.qualname.clone(), Rc::from(coroutine_args(g)), g.created_line, g.code.filename.starts_with('<')),
                _ => (Rc::from("?"), Rc::from(""), 0, false),
            },
            _ => (Rc::from("?"), Rc::from(""), 0, false),
        };
        (t.name.clone(), coro, args, line, internal)
    };
    let parent = current_task_id(vm);
    push(vm, Event::TaskCreated { task: id_of(task), name, coro, args, parent, line, internal });
}

/// A not-yet-started coroutine's arguments, as a label: never runs Python code (no `__repr__`).
fn coroutine_args(g: &Generator) -> String {
    let frame = g.frame.borrow();
    let Some(frame) = frame.as_ref() else { return String::new() };
    let n = g.code.argcount as usize + g.code.kwonlyargcount as usize;
    let parts: Vec<String> = frame.fast.iter().take(n).map(|v| v.as_ref().map(short_repr).unwrap_or_default()).collect();
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
        Value::Float(f) => crate::format::float_repr(*f),
        Value::Str(s) => {
            let short: String = s.chars().take(16).collect();
            if short.len() < s.len() { format!("'{short}…'") } else { format!("'{short}'") }
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

pub fn step_start(vm: &mut Vm, task: &Rc<Obj>) {
    push(vm, Event::StepStart { task: id_of(task) });
}

pub fn step_end(vm: &mut Vm, task: &Rc<Obj>) {
    push(vm, Event::StepEnd { task: id_of(task) });
}

pub fn task_waits(vm: &mut Vm, task: &Rc<Obj>, fut: &Rc<Obj>) {
    if !vm.trace.enabled {
        return;
    }
    let what: Rc<str> = {
        let d = crate::asyncio::fut_data(fut).borrow();
        match (&d.label, &d.task) {
            (Some(l), _) => l.clone(),
            (None, Some(t)) => Rc::from(format!("task {}", t.name)),
            (None, None) => Rc::from("future"),
        }
    };
    let line = {
        let d = crate::asyncio::fut_data(task).borrow();
        d.task.as_ref().and_then(|t| t.thread.as_ref()).and_then(|th| th.frames.iter().rev().find(|f| !f.code.filename.starts_with('<'))).map(|f| f.line()).unwrap_or(0)
    };
    push(vm, Event::Waiting { task: id_of(task), what, line, future: id_of(fut) });
}

pub fn future_done(vm: &mut Vm, fut: &Rc<Obj>) {
    if !vm.trace.enabled {
        return;
    }
    let (is_task, state, has_exc) = {
        let d = crate::asyncio::fut_data(fut).borrow();
        (d.task.is_some(), d.state, d.exception.is_some())
    };
    if is_task {
        let outcome = match (state, has_exc) {
            (crate::native::FutState::Cancelled, _) => "cancelled",
            (_, true) => "failed",
            _ => "done",
        };
        push(vm, Event::TaskDone { task: id_of(fut), outcome });
    } else {
        push(vm, Event::FutureDone { future: id_of(fut) });
    }
}

pub fn timer_set(vm: &mut Vm, h: &Rc<Obj>, when: f64) {
    push(vm, Event::TimerSet { handle: id_of(h), when });
}

pub fn timer_cancelled(vm: &mut Vm, h: &Rc<Obj>) {
    push(vm, Event::TimerCancelled { handle: id_of(h) });
}

pub fn timer_fired(vm: &mut Vm, h: &Rc<Obj>) {
    if let Obj::Native(NativeObj::Handle(d)) = &**h {
        if d.when.is_some() {
            push(vm, Event::TimerFired { handle: d.id });
        }
    }
}

pub fn blocked(vm: &mut Vm, until: f64, reason: &Rc<str>) {
    let task = current_task_id(vm);
    push(vm, Event::Blocked { until, reason: reason.clone(), task });
}

pub fn http_start(vm: &mut Vm, req: &crate::http::HttpRequest) {
    if !vm.trace.enabled {
        return;
    }
    let task = current_task_id(vm);
    push(vm, Event::HttpStart { id: req.id, task, method: Rc::from(req.method.as_str()), url: Rc::from(req.url.as_str()) });
}

pub fn http_end(vm: &mut Vm, id: u64, result: &crate::http::HttpResult) {
    let (status, error) = match result {
        Ok(r) => (Some(r.status), None),
        Err(f) => (None, Some(Rc::from(f.message.as_str()))),
    };
    push(vm, Event::HttpEnd { id, status, error });
}

pub fn unblocked(vm: &mut Vm) {
    push(vm, Event::Unblocked);
}

pub fn resource(vm: &mut Vm, args: &[Value]) {
    if !vm.trace.enabled || args.len() < 4 {
        return;
    }
    let id = args[0].id();
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
    push(vm, Event::Resource { id, kind, in_use, capacity });
}

pub fn executor_job(vm: &mut Vm, fut: &Rc<Obj>, start: f64, end: f64) {
    push(vm, Event::ExecutorJob { future: id_of(fut), start, end });
}

pub fn output(vm: &mut Vm, stream: Stream, text: &str) {
    let task = current_task_id(vm);
    push(vm, Event::Output { task, stream, text: Rc::from(text) });
}

pub fn iteration(vm: &mut Vm) {
    push(vm, Event::Iteration);
}

pub fn finished(vm: &mut Vm, status: &'static str) {
    push(vm, Event::Finished { status });
}

use crate::modules::json_str;

/// Chrome Trace Event JSON: one track (tid) per task, slices for steps and waits, flow arrows
/// from the step that completed a future to the step it woke.
pub fn to_chrome_json(records: &[Record]) -> String {
    let us = |t: f64| (t * 1e6).round() as i64;
    let mut events: Vec<String> = vec![];
    let mut tids: Vec<u64> = vec![];
    let tid_of = |tids: &mut Vec<u64>, task: u64| -> usize {
        match tids.iter().position(|t| *t == task) {
            Some(p) => p + 1,
            None => {
                tids.push(task);
                tids.len()
            }
        }
    };
    events.push(r#"{"name":"process_name","ph":"M","pid":1,"tid":0,"args":{"name":"Awaitlab program"}}"#.to_string());
    events.push(r#"{"name":"thread_name","ph":"M","pid":1,"tid":0,"args":{"name":"event loop"}}"#.to_string());
    let mut open_wait: Vec<(u64, f64, Rc<str>, u64)> = vec![];
    // Which task's step (None: the loop itself, a timer or callback) completed each future.
    let mut completed_by: std::collections::HashMap<u64, Option<u64>> = Default::default();
    let mut running: Option<u64> = None;
    let mut flow_id = 0u64;
    let mut blocked_since: Option<(f64, Rc<str>)> = None;
    let mut in_flight = 0u64;
    let mut http_names: std::collections::HashMap<u64, (usize, String)> = Default::default();
    // asyncio.run's own shutdown tasks are not the program's: no tracks for them (as in the page).
    let internal: std::collections::HashSet<u64> = records
        .iter()
        .filter_map(|r| match &r.event {
            Event::TaskCreated { task, internal: true, .. } => Some(*task),
            _ => None,
        })
        .collect();
    for r in records {
        let own_task = match &r.event {
            Event::TaskCreated { task, .. } | Event::StepStart { task } | Event::StepEnd { task } | Event::Waiting { task, .. } => Some(*task),
            _ => None,
        };
        if own_task.is_some_and(|t| internal.contains(&t)) {
            continue;
        }
        match &r.event {
            Event::TaskCreated { task, name, coro, .. } => {
                let tid = tid_of(&mut tids, *task);
                events.push(format!(
                    r#"{{"name":"thread_name","ph":"M","pid":1,"tid":{tid},"args":{{"name":{}}}}}"#,
                    json_str(&format!("{name} ({coro})"))
                ));
            }
            Event::StepStart { task } => {
                let tid = tid_of(&mut tids, *task);
                if let Some(p) = open_wait.iter().position(|w| w.0 == *task) {
                    let (_, start, what, fut) = open_wait.remove(p);
                    events.push(format!(
                        r#"{{"name":{},"cat":"wait","ph":"X","ts":{},"dur":{},"pid":1,"tid":{tid}}}"#,
                        json_str(&format!("await {what}")),
                        us(start),
                        us(r.time) - us(start)
                    ));
                    if let Some(src) = completed_by.get(&fut) {
                        flow_id += 1;
                        let src_tid = src.map(|t| tid_of(&mut tids, t)).unwrap_or(0);
                        events.push(format!(r#"{{"name":"wakeup","cat":"flow","ph":"s","id":{flow_id},"ts":{},"pid":1,"tid":{src_tid}}}"#, us(r.time)));
                        events.push(format!(r#"{{"name":"wakeup","cat":"flow","ph":"f","bp":"e","id":{flow_id},"ts":{},"pid":1,"tid":{tid}}}"#, us(r.time)));
                    }
                }
                running = Some(*task);
                events.push(format!(r#"{{"name":"run","cat":"step","ph":"B","ts":{},"pid":1,"tid":{tid}}}"#, us(r.time)));
            }
            Event::StepEnd { task } => {
                let tid = tid_of(&mut tids, *task);
                running = None;
                events.push(format!(r#"{{"name":"run","cat":"step","ph":"E","ts":{},"pid":1,"tid":{tid}}}"#, us(r.time)));
            }
            Event::Waiting { task, what, future, .. } => open_wait.push((*task, r.time, what.clone(), *future)),
            Event::FutureDone { future } | Event::TaskDone { task: future, .. } => {
                completed_by.insert(*future, running);
            }
            Event::Blocked { reason, .. } => {
                // A blocking HTTP call's end is not known when it starts: the span closes at Unblocked.
                blocked_since = Some((r.time, reason.clone()));
            }
            Event::Unblocked => {
                if let Some((start, reason)) = blocked_since.take() {
                    events.push(format!(
                        r#"{{"name":{},"cat":"blocked","ph":"X","ts":{},"dur":{},"pid":1,"tid":0}}"#,
                        json_str(&format!("loop blocked: {reason}")),
                        us(start),
                        us(r.time) - us(start)
                    ));
                }
            }
            Event::HttpStart { id, task, method, url } => {
                in_flight += 1;
                let tid = task.map(|t| tid_of(&mut tids, t)).unwrap_or(0);
                events.push(format!(
                    r#"{{"name":{},"cat":"http","ph":"b","id":{id},"ts":{},"pid":1,"tid":{tid}}}"#,
                    json_str(&format!("{method} {url}")),
                    us(r.time)
                ));
                events.push(format!(r#"{{"name":"requests in flight","ph":"C","ts":{},"pid":1,"args":{{"requests":{in_flight}}}}}"#, us(r.time)));
                http_names.insert(*id, (tid, format!("{method} {url}")));
            }
            Event::HttpEnd { id, status, error } => {
                in_flight = in_flight.saturating_sub(1);
                let (tid, name) = http_names.remove(id).unwrap_or((0, String::from("request")));
                let outcome = match (status, error) {
                    (Some(s), _) => s.to_string(),
                    (None, Some(e)) => e.to_string(),
                    _ => String::new(),
                };
                events.push(format!(
                    r#"{{"name":{},"cat":"http","ph":"e","id":{id},"ts":{},"pid":1,"tid":{tid},"args":{{"outcome":{}}}}}"#,
                    json_str(&name),
                    us(r.time),
                    json_str(&outcome)
                ));
                events.push(format!(r#"{{"name":"requests in flight","ph":"C","ts":{},"pid":1,"args":{{"requests":{in_flight}}}}}"#, us(r.time)));
            }
            Event::Output { task, text, .. } => {
                let tid = task.map(|t| tid_of(&mut tids, t)).unwrap_or(0);
                events.push(format!(
                    r#"{{"name":"print","cat":"output","ph":"i","s":"t","ts":{},"pid":1,"tid":{tid},"args":{{"text":{}}}}}"#,
                    us(r.time),
                    json_str(text)
                ));
            }
            _ => {}
        }
    }
    format!("{{\"traceEvents\":[\n{}\n],\"displayTimeUnit\":\"ms\"}}\n", events.join(",\n"))
}
