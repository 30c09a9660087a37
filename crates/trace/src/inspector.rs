//! The event loop's own state at any moment of a run, rebuilt from its trace: the ready queue
//! (CPython's `_ready`), the timer heap (`_scheduled`), what runs now, who awaits whom, the
//! requests in flight. A pure function of the records: the loop inspector draws it, and the
//! tests compare it, iteration by iteration, with what an instrumented CPython run recorded.

use crate::record::{Callee, Event, Record};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::rc::Rc;

/// A handle in the ready queue or the timer heap.
#[derive(Clone, Debug, PartialEq)]
pub struct Handle {
    pub id: u64,
    pub callee: Callee,
    pub cancelled: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Timer {
    pub when: f64,
    pub handle: Handle,
}

/// A task as the trace introduced it.
#[derive(Clone, Debug, Default)]
pub struct TaskInfo {
    pub name: Rc<str>,
    /// `meow(1)`: the coroutine's short name and arguments.
    pub title: String,
    pub line: u32,
    pub internal: bool,
    pub outcome: Option<&'static str>,
}

/// What a suspended task awaits.
#[derive(Clone, Debug, PartialEq)]
pub struct Wait {
    pub future: u64,
    pub what: Rc<str>,
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub id: u64,
    pub task: Option<u64>,
    pub method: Rc<str>,
    pub url: Rc<str>,
}

/// One line of the waiting tree: `depth` levels in, what it is, and the task it names.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitNode {
    pub depth: usize,
    pub text: String,
    pub task: Option<u64>,
    pub line: u32,
}

/// The loop's state after some prefix of the trace.
#[derive(Clone, Debug, Default)]
pub struct LoopState {
    pub time: f64,
    /// Iterations begun (`_run_once` calls that ran handles); 0 before the loop first turns.
    pub iteration: u32,
    pub ready: VecDeque<Handle>,
    /// By (deadline in whole nanoseconds, order set): the engine's heap order.
    timers: BTreeMap<(i64, u64), Timer>,
    timer_keys: HashMap<u64, (i64, u64)>,
    timers_set: u64,
    /// The handle running now (a task's step until it ends; a callback until the next handle).
    pub running: Option<Callee>,
    pub tasks: HashMap<u64, TaskInfo>,
    /// Tasks in the order they were made.
    pub task_order: Vec<u64>,
    pub waits: HashMap<u64, Wait>,
    pub gathers: HashMap<u64, Rc<[u64]>>,
    pub in_flight: Vec<Request>,
    pub blocked: Option<(Rc<str>, f64)>,
    pub finished: Option<&'static str>,
    /// Handles the trace ran that were not at the ready queue's head: zero for a consistent
    /// trace (the tests check it on every conformance program).
    pub mismatches: u32,
}

/// A timer's place in the heap: the engine orders deadlines by whole nanoseconds (equal
/// moments on the virtual clock fire in the order they were set).
fn tick(when: f64) -> i64 {
    (when * 1e9).round() as i64
}

impl LoopState {
    /// The state after `records[..end]`.
    pub fn at(records: &[Record], end: usize) -> LoopState {
        let mut s = LoopState::default();
        for r in &records[..end.min(records.len())] {
            s.apply(r);
        }
        s
    }

    /// The timer heap in deadline order.
    pub fn timers(&self) -> impl Iterator<Item = &Timer> {
        self.timers.values()
    }

    pub fn apply(&mut self, r: &Record) {
        self.time = r.time;
        match &r.event {
            Event::TaskCreated(boxed) => {
                let crate::record::NewTask { task, name, coro, args, line, internal, .. } = &**boxed;
                let short = coro.rsplit('.').next().unwrap_or(coro);
                self.tasks.insert(
                    *task,
                    TaskInfo { name: name.clone(), title: format!("{short}({args})"), line: *line, internal: *internal, outcome: None },
                );
                self.task_order.push(*task);
            }
            Event::Scheduled { handle, callee } => self.ready.push_back(Handle { id: *handle, callee: callee.clone(), cancelled: false }),
            Event::TimerSet { handle, when, callee } => {
                self.timers_set += 1;
                let key = (tick(*when), self.timers_set);
                self.timers
                    .insert(key, Timer { when: *when, handle: Handle { id: *handle, callee: (**callee).clone(), cancelled: false } });
                self.timer_keys.insert(*handle, key);
            }
            Event::HandleCancelled { handle } => {
                if let Some(key) = self.timer_keys.get(handle) {
                    if let Some(t) = self.timers.get_mut(key) {
                        t.handle.cancelled = true;
                    }
                }
                if let Some(h) = self.ready.iter_mut().find(|h| h.id == *handle) {
                    h.cancelled = true;
                }
            }
            Event::Iteration { due } => {
                self.iteration += 1;
                self.running = None;
                // As `_run_once`: drop the cancelled timers at the heap's head, then move the due ones.
                while let Some(entry) = self.timers.first_entry() {
                    if !entry.get().handle.cancelled {
                        break;
                    }
                    let t = entry.remove();
                    self.timer_keys.remove(&t.handle.id);
                }
                for _ in 0..*due {
                    let Some((_, t)) = self.timers.pop_first() else { break };
                    self.timer_keys.remove(&t.handle.id);
                    self.ready.push_back(t.handle);
                }
            }
            Event::HandleRun { handle } => self.run_head(|h| h.id == *handle),
            // A task's step starting is its handle's run (the engine records no HandleRun then).
            Event::StepStart { task } => {
                self.waits.remove(task);
                self.run_head(|h| matches!(h.callee, Callee::Step { task: t } | Callee::Wakeup { task: t, .. } if t == *task));
            }
            Event::StepEnd { .. } => self.running = None,
            Event::Waiting { task, what, line, future } => {
                self.waits.insert(*task, Wait { future: *future, what: what.clone(), line: *line });
            }
            Event::TaskDone { task, outcome } => {
                self.waits.remove(task);
                if let Some(t) = self.tasks.get_mut(task) {
                    t.outcome = Some(outcome);
                }
            }
            Event::Gathering { future, children } => {
                self.gathers.insert(*future, children.clone());
            }
            Event::HttpStart(boxed) => {
                let crate::record::HttpStart { id, task, method, url } = &**boxed;
                self.in_flight.push(Request { id: *id, task: *task, method: method.clone(), url: url.clone() })
            }
            Event::HttpEnd { id, .. } => self.in_flight.retain(|q| q.id != *id),
            Event::Blocked { until, reason, .. } => self.blocked = Some((reason.clone(), *until)),
            Event::Unblocked => self.blocked = None,
            Event::Finished { status } => {
                self.finished = Some(status);
                self.running = None;
            }
            _ => {}
        }
    }

    /// The loop takes the handle at the ready queue's head (skipping cancelled ones, as
    /// `_run_once` does) and runs it; `is_it` says whether the trace names that handle.
    fn run_head(&mut self, is_it: impl Fn(&Handle) -> bool) {
        while self.ready.front().is_some_and(|h| h.cancelled && !is_it(h)) {
            self.ready.pop_front();
        }
        match self.ready.front() {
            Some(h) if is_it(h) => {
                let h = self.ready.pop_front().unwrap();
                self.running = Some(h.callee);
            }
            _ => {
                self.mismatches += 1;
                if let Some(i) = self.ready.iter().position(&is_it) {
                    let h = self.ready.remove(i).unwrap();
                    self.running = Some(h.callee);
                }
            }
        }
    }

    /// A task's name and coroutine: `Task-2 meow(1)`.
    pub fn task_label(&self, task: u64) -> String {
        match self.tasks.get(&task) {
            Some(t) => format!("{} {}", t.name, t.title),
            None => format!("task {task}"),
        }
    }

    /// The task that awaits `future`, if one does.
    fn waiter_of(&self, future: u64) -> Option<u64> {
        let mut found: Vec<u64> = self.waits.iter().filter(|(_, w)| w.future == future).map(|(t, _)| *t).collect();
        found.sort_unstable();
        found.first().copied()
    }

    /// What a handle will do, in the words the program would use.
    pub fn describe(&self, callee: &Callee) -> String {
        match callee {
            Callee::Step { task } => format!("{}: step", self.task_label(*task)),
            Callee::Wakeup { task, future } => {
                let why = self.future_label(*future).map(|w| format!(" ({w} done)")).unwrap_or_default();
                format!("{}: wake-up{why}", self.task_label(*task))
            }
            Callee::Call(call) => {
                let (name, future) = (&call.name, &call.future);
                let short = name.rsplit('.').next().unwrap_or(name);
                match (short, future) {
                    ("_set_result_unless_cancelled", Some(f)) => match self.waiter_of(*f) {
                        Some(t) => {
                            let what = self.waits.get(&t).map(|w| format!(" ({})", w.what)).unwrap_or_default();
                            format!("wake {}{what}", self.tasks.get(&t).map_or("a task".into(), |i| i.name.to_string()))
                        }
                        None => "set a future's result".into(),
                    },
                    ("_done_callback", Some(f)) if name.starts_with("gather") => {
                        format!("gather's done-callback ({} done)", self.future_label(*f).unwrap_or_else(|| "a child".into()))
                    }
                    _ => format!("{name}()"),
                }
            }
        }
    }

    /// A future's name: the task it is, or what a task awaiting it called it.
    fn future_label(&self, future: u64) -> Option<String> {
        if let Some(t) = self.tasks.get(&future) {
            return Some(t.name.to_string());
        }
        if let Some(children) = self.gathers.get(&future) {
            return Some(format!("gather of {}", children.len()));
        }
        self.waits.values().find(|w| w.future == future).map(|w| w.what.to_string())
    }

    /// Who awaits whom: each suspended task that no other waiting task awaits, with what it
    /// awaits beneath it (a task, or a `gather` and its children), depth first.
    pub fn waiting_tree(&self) -> Vec<WaitNode> {
        let mut awaited: Vec<u64> = Vec::new();
        for w in self.waits.values() {
            awaited.push(w.future);
            if let Some(children) = self.gathers.get(&w.future) {
                awaited.extend(children.iter().copied());
            }
        }
        let mut out = Vec::new();
        for task in &self.task_order {
            if self.waits.contains_key(task) && !awaited.contains(task) && !self.tasks.get(task).is_some_and(|t| t.internal) {
                self.tree_from(*task, 0, &mut out);
            }
        }
        out
    }

    fn tree_from(&self, task: u64, depth: usize, out: &mut Vec<WaitNode>) {
        if depth > 32 {
            return;
        }
        let label = self.task_label(task);
        let Some(w) = self.waits.get(&task) else {
            let state = if matches!(self.running, Some(Callee::Step { task: t } | Callee::Wakeup { task: t, .. }) if t == task) {
                "running"
            } else {
                self.tasks.get(&task).and_then(|t| t.outcome).unwrap_or("ready")
            };
            out.push(WaitNode { depth, text: format!("{label} ({state})"), task: Some(task), line: 0 });
            return;
        };
        out.push(WaitNode { depth, text: format!("{label} awaits {}", w.what), task: Some(task), line: w.line });
        if self.tasks.contains_key(&w.future) {
            self.tree_from(w.future, depth + 1, out);
        } else if let Some(children) = self.gathers.get(&w.future) {
            for c in children.iter() {
                if self.tasks.contains_key(c) {
                    self.tree_from(*c, depth + 1, out);
                } else {
                    out.push(WaitNode { depth: depth + 1, text: "a future".into(), task: None, line: 0 });
                }
            }
        }
    }
}

/// Where each loop iteration begins in a trace (the index of its `Iteration` record), and
/// where each handle runs: the stops of the inspector's step buttons.
pub fn iteration_starts(records: &[Record]) -> Vec<usize> {
    records.iter().enumerate().filter(|(_, r)| matches!(r.event, Event::Iteration { .. })).map(|(i, _)| i).collect()
}

pub fn handle_runs(records: &[Record]) -> Vec<usize> {
    records.iter().enumerate().filter(|(_, r)| matches!(r.event, Event::HandleRun { .. })).map(|(i, _)| i).collect()
}

/// The state the loop shows at the start of each iteration (after its due timers moved), for
/// comparison with CPython: ready-queue labels, and timers as (deadline, label, cancelled).
#[derive(Clone, Debug, PartialEq)]
pub struct IterationView {
    pub time: f64,
    pub ready: Vec<String>,
    pub timers: Vec<(f64, String, bool)>,
}

/// A handle's name in the comparison's vocabulary, the same one the CPython recorder
/// (`tests/inspector/record_loop.py`) writes: `step meow(1)`, `wakeup meow(1)` (a task by
/// its coroutine and arguments), or the callback's qualified name.
pub fn plain_label(state: &LoopState, callee: &Callee) -> String {
    let name = |t: &u64| state.tasks.get(t).map_or_else(|| format!("task {t}"), |i| i.title.clone());
    match callee {
        Callee::Step { task } => format!("step {}", name(task)),
        Callee::Wakeup { task, .. } => format!("wakeup {}", name(task)),
        Callee::Call(call) => call.name.to_string(),
    }
}

pub fn iteration_views(records: &[Record]) -> (Vec<IterationView>, u32) {
    let mut s = LoopState::default();
    let mut out = Vec::new();
    for r in records {
        s.apply(r);
        if matches!(r.event, Event::Iteration { .. }) {
            out.push(IterationView {
                time: s.time,
                ready: s.ready.iter().map(|h| plain_label(&s, &h.callee)).collect(),
                timers: s.timers().map(|t| (t.when, plain_label(&s, &t.handle.callee), t.handle.cancelled)).collect(),
            });
        }
    }
    (out, s.mismatches)
}
