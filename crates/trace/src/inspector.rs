//! The event loop's own state at any moment of a run, rebuilt from its trace: the ready queue
//! (CPython's `_ready`), the timer heap (`_scheduled`), what runs now, who awaits whom, the
//! requests in flight. A pure function of the records: the loop inspector draws it, and the
//! tests compare it, iteration by iteration, with what an instrumented CPython run recorded.

use crate::record::{plural, Callee, Event, Record, StackFrame};
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

/// Where a task suspended: its line, and its chain of coroutines when it has more than one.
#[derive(Clone, Debug, Default)]
struct Suspended {
    line: u32,
    stack: Option<Rc<[StackFrame]>>,
}

/// A step's end: the task, where it suspended, and the handle it was queued again with.
#[derive(Clone, Debug)]
struct StepEnding {
    task: u64,
    line: u32,
    stack: Option<Rc<[StackFrame]>>,
    requeued: u64,
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
    /// Handles of the current iteration's batch (`ntodo`) not yet taken from the queue: the
    /// loop skips cancelled ones without a record, so those left at the batch's end are
    /// dropped when the next iteration begins.
    batch_left: usize,
    /// The trace stopped recording detail here (its size limit): the state is the one then.
    pub detail_ended: bool,
    /// The handle running now (a task's step until it ends; a callback until the next handle).
    pub running: Option<Callee>,
    /// The end of a whole step (`Event::Step`), applied with the next record: until then the
    /// state is the one after the step's start (the task running), as a `StepStart` leaves it.
    step_ending: Option<StepEnding>,
    pub tasks: HashMap<u64, TaskInfo>,
    /// Tasks in the order they were made.
    pub task_order: Vec<u64>,
    pub waits: HashMap<u64, Wait>,
    /// Where each task last suspended: where a running task resumed.
    suspended: HashMap<u64, Suspended>,
    pub gathers: HashMap<u64, Rc<[u64]>>,
    /// What the program called each lock, semaphore or connector (by its resource lane).
    resource_names: HashMap<u64, Rc<str>>,
    /// Each resource's line of waiting futures, in the order they came, and the line each
    /// waiting future is in.
    lines: HashMap<u64, VecDeque<u64>>,
    in_line: HashMap<u64, u64>,
    pub in_flight: Vec<Request>,
    /// Executor jobs running: their future and what they call, in the order submitted.
    pub jobs: Vec<(u64, Rc<str>)>,
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
    /// The state after the first `end` records (the page keeps a trace in the pieces it
    /// arrived in: any iterator over them will do).
    pub fn at<'a>(records: impl IntoIterator<Item = &'a Record>, end: usize) -> LoopState {
        let mut s = LoopState::default();
        for r in records.into_iter().take(end) {
            s.apply(r);
        }
        s
    }

    /// What runs now, or what the loop is doing instead, in a sentence.
    pub fn running_text(&self) -> String {
        self.running_text_at(self.time)
    }

    /// The same at moment `time` (a replay cursor between two records: timers count down to it).
    pub fn running_text_at(&self, time: f64) -> String {
        if self.detail_ended {
            return "not recorded: the trace reached its size limit before this moment".into();
        }
        if let Some(callee) = &self.running {
            return self.describe(callee);
        }
        if let Some((reason, _)) = &self.blocked {
            return format!("nothing: the loop is blocked by {reason}");
        }
        if self.finished.is_some() {
            return "nothing: the run is over".into();
        }
        if !self.ready.is_empty() {
            let n = self.ready.iter().filter(|h| !h.cancelled).count();
            return format!("nothing yet: {} to run, in order", plural(n, "ready handle", "ready handles"));
        }
        let mut waits = vec![];
        if let Some(t) = self.timers().find(|t| !t.handle.cancelled) {
            waits.push(format!("next timer in {}", seconds((t.when - time).max(0.0))));
        }
        if !self.in_flight.is_empty() {
            let n = self.in_flight.len();
            waits.push(format!("{} in flight", plural(n, "request", "requests")));
        }
        if !self.jobs.is_empty() {
            waits.push(plural(self.jobs.len(), "executor job running", "executor jobs running"));
        }
        if waits.is_empty() {
            "nothing: idle".into()
        } else {
            format!("nothing: idle in select ({})", waits.join(", "))
        }
    }

    /// The timer heap in deadline order.
    pub fn timers(&self) -> impl Iterator<Item = &Timer> {
        self.timers.values()
    }

    pub fn apply(&mut self, r: &Record) {
        self.time = r.time;
        if let Some(end) = self.step_ending.take() {
            self.end_step(end);
        }
        match &r.event {
            Event::TaskCreated(boxed) => {
                let title = boxed.title();
                let crate::record::NewTask { task, name, line, internal, .. } = &**boxed;
                self.tasks.insert(*task, TaskInfo { name: name.clone(), title, line: *line, internal: *internal, outcome: None });
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
            Event::LoopCleared => {
                self.ready.clear();
                self.timers.clear();
                self.timer_keys.clear();
                self.running = None;
                self.batch_left = 0;
            }
            Event::DetailEnds => self.detail_ended = true,
            Event::Iteration { due } => {
                self.iteration += 1;
                self.running = None;
                // What the last batch did not run were cancelled handles, skipped.
                for _ in 0..self.batch_left.min(self.ready.len()) {
                    self.ready.pop_front();
                }
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
                self.batch_left = self.ready.len();
            }
            Event::HandleRun { handle } => self.run_head(|h| h.id == *handle),
            // A task's step starting is its handle's run (the engine records no HandleRun then).
            Event::StepStart { task } => self.start_step(*task),
            Event::StepEnd { task, line, stack, requeued } => {
                self.end_step(StepEnding { task: *task, line: *line, stack: stack.clone(), requeued: *requeued })
            }
            Event::Step { task, line, stack, requeued } => {
                self.start_step(*task);
                self.step_ending = Some(StepEnding { task: *task, line: *line, stack: stack.clone(), requeued: *requeued });
            }
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
            Event::Resource(r) => {
                if let Some(name) = &r.name {
                    self.resource_names.insert(r.id, name.clone());
                }
            }
            Event::Queued { future, resource } => {
                self.lines.entry(*resource).or_default().push_back(*future);
                self.in_line.insert(*future, *resource);
            }
            Event::FutureDone { future } => {
                if let Some(line) = self.in_line.remove(future).and_then(|r| self.lines.get_mut(&r)) {
                    // Usually the first in line (a release wakes the oldest waiter).
                    if line.front() == Some(future) {
                        line.pop_front();
                    } else {
                        line.retain(|f| f != future);
                    }
                }
            }
            Event::HttpStart(boxed) => {
                let crate::record::HttpStart { id, task, method, url } = &**boxed;
                self.in_flight.push(Request { id: *id, task: *task, method: method.clone(), url: url.clone() })
            }
            Event::HttpEnd { id, .. } => self.in_flight.retain(|q| q.id != *id),
            Event::ExecutorSubmitted { future, call } => self.jobs.push((*future, call.clone())),
            Event::ExecutorJob { future, .. } => self.jobs.retain(|(f, _)| f != future),
            Event::Blocked(b) => self.blocked = Some((b.reason.clone(), b.until)),
            Event::Unblocked => self.blocked = None,
            Event::Finished { status } => {
                self.finished = Some(status);
                self.running = None;
            }
            _ => {}
        }
    }

    fn start_step(&mut self, task: u64) {
        self.waits.remove(&task);
        self.run_head(|h| matches!(h.callee, Callee::Step { task: t } | Callee::Wakeup { task: t, .. } if t == task));
    }

    fn end_step(&mut self, StepEnding { task, line, stack, requeued }: StepEnding) {
        self.running = None;
        if requeued != 0 {
            self.ready.push_back(Handle { id: requeued, callee: Callee::Step { task }, cancelled: false });
        }
        self.suspended.insert(task, Suspended { line, stack });
    }

    /// The loop takes the handle at the ready queue's head (skipping cancelled ones, as
    /// `_run_once` does) and runs it; `is_it` says whether the trace names that handle.
    fn run_head(&mut self, is_it: impl Fn(&Handle) -> bool) {
        while self.ready.front().is_some_and(|h| h.cancelled && !is_it(h)) {
            self.ready.pop_front();
            self.batch_left = self.batch_left.saturating_sub(1);
        }
        match self.ready.front() {
            Some(h) if is_it(h) => {
                let h = self.ready.pop_front().unwrap();
                self.batch_left = self.batch_left.saturating_sub(1);
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

    /// The editor's marks: each suspended task at the line it awaits on, and the running task
    /// at the line it resumed from (`true`), by name; in the order the tasks were made.
    pub fn task_marks(&self) -> Vec<(u32, String, bool)> {
        let running = match &self.running {
            Some(Callee::Step { task } | Callee::Wakeup { task, .. }) => Some(*task),
            _ => None,
        };
        let mut marks = Vec::new();
        for task in &self.task_order {
            let Some(info) = self.tasks.get(task).filter(|t| !t.internal) else { continue };
            if Some(*task) == running {
                if let Some(line) = self.suspended.get(task).map(|s| s.line).filter(|l| *l > 0) {
                    marks.push((line, info.name.to_string(), true));
                }
            } else if let Some(w) = self.waits.get(task).filter(|w| w.line > 0) {
                marks.push((w.line, info.name.to_string(), false));
            }
        }
        marks
    }

    /// The running task's chain of coroutines where it resumed, outermost first, each with its
    /// line: `main()` line 12 → `fetch_all()` line 7 → `get_video('student')` line 3. Its own
    /// coroutine alone (line 0) on its first step; nothing while a callback runs.
    pub fn running_stack(&self) -> Vec<StackFrame> {
        let Some(Callee::Step { task } | Callee::Wakeup { task, .. }) = &self.running else { return vec![] };
        self.stack_of(*task)
    }

    /// A task's chain of coroutines where it last suspended (see `running_stack`).
    pub fn stack_of(&self, task: u64) -> Vec<StackFrame> {
        let title = || Rc::from(self.tasks.get(&task).map_or_else(|| "?".into(), |t| t.title.clone()));
        match self.suspended.get(&task) {
            Some(Suspended { stack: Some(stack), .. }) => stack.to_vec(),
            Some(Suspended { line, .. }) => vec![StackFrame { label: title(), line: *line }],
            None => vec![StackFrame { label: title(), line: 0 }],
        }
    }

    /// What is in flight outside the loop's thread, a line each: HTTP requests (`GET
    /// https://… (Task-2)`) and executor jobs (`executor: blocking_io(1) (Task-3 awaits)`).
    pub fn in_flight_lines(&self) -> Vec<String> {
        let name = |t: u64| self.tasks.get(&t).map_or_else(|| "a task".to_string(), |i| i.name.to_string());
        let requests = self.in_flight.iter().map(|q| {
            let by = q.task.map(|t| format!(" ({})", name(t))).unwrap_or_default();
            format!("{} {}{by}", q.method, q.url)
        });
        let jobs = self.jobs.iter().map(|(future, call)| {
            let by = self.waiter_of(*future).map(|t| format!(" ({} awaits)", name(t))).unwrap_or_default();
            format!("executor: {call}{by}")
        });
        requests.chain(jobs).collect()
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
        let mut awaited: std::collections::HashSet<u64> = std::collections::HashSet::new();
        for w in self.waits.values() {
            awaited.insert(w.future);
            if let Some(children) = self.gathers.get(&w.future) {
                awaited.extend(children.iter().copied());
            }
        }
        // Each waiting future's place in its resource's line: (resource, place from 1, length).
        let mut places: HashMap<u64, (u64, usize, usize)> = HashMap::new();
        for (resource, line) in &self.lines {
            for (i, future) in line.iter().enumerate() {
                places.insert(*future, (*resource, i + 1, line.len()));
            }
        }
        let mut out = Vec::new();
        for task in &self.task_order {
            if self.waits.contains_key(task) && !awaited.contains(task) && !self.tasks.get(task).is_some_and(|t| t.internal) {
                self.tree_from(*task, 0, &places, &mut out);
            }
        }
        out
    }

    fn tree_from(&self, task: u64, depth: usize, places: &HashMap<u64, (u64, usize, usize)>, out: &mut Vec<WaitNode>) {
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
        // The coroutines it awaits through, beyond its own: `Task-1 main() → fetch_all() awaits …`.
        let inner: String = match self.suspended.get(&task).and_then(|s| s.stack.as_deref()) {
            Some([_, rest @ ..]) => rest.iter().map(|f| format!(" → {}", f.label)).collect(),
            _ => String::new(),
        };
        // A lock's, semaphore's or connector's waiter: by the program's name for it, and its
        // place in line (they get it in the order they came).
        let place = places.get(&w.future).map_or(String::new(), |(resource, at, of)| {
            let name = self.resource_names.get(resource).map(|n| format!(" {n}")).unwrap_or_default();
            format!("{name}, waiter {at} of {of}")
        });
        out.push(WaitNode { depth, text: format!("{label}{inner} awaits {}{place}", w.what), task: Some(task), line: w.line });
        if self.tasks.contains_key(&w.future) {
            self.tree_from(w.future, depth + 1, places, out);
        } else if let Some(children) = self.gathers.get(&w.future) {
            for c in children.iter() {
                if self.tasks.contains_key(c) {
                    self.tree_from(*c, depth + 1, places, out);
                } else {
                    out.push(WaitNode { depth: depth + 1, text: "a future".into(), task: None, line: 0 });
                }
            }
        }
    }
}

/// A duration or a moment as the inspector prints it: `0.42 s`, `1.000 s`.
pub fn seconds(t: f64) -> String {
    format!("{t:.3} s")
}

/// Where each loop iteration begins in a trace (the index of its `Iteration` record), and
/// where each handle runs: the stops of the inspector's step buttons.
pub fn iteration_starts<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<usize> {
    records.into_iter().enumerate().filter(|(_, r)| matches!(r.event, Event::Iteration { .. })).map(|(i, _)| i).collect()
}

/// Where a handle runs: a `HandleRun`, or a task's step starting (which is its handle's run),
/// whole or not.
pub fn handle_runs<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<usize> {
    records
        .into_iter()
        .enumerate()
        .filter(|(_, r)| matches!(r.event, Event::HandleRun { .. } | Event::StepStart { .. } | Event::Step { .. }))
        .map(|(i, _)| i)
        .collect()
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

/// One line of the narration: what one loop iteration did, and where it starts in the trace
/// (`at` records applied: the inspector's stop for that iteration).
#[derive(Clone, Debug, PartialEq)]
pub struct NarrationLine {
    pub at: usize,
    pub time: f64,
    pub text: String,
}

/// The run told one iteration per line, in plain words: "iteration 3, t = 1.000 s: 3 timers
/// fired; ran wake Task-2 (sleep 1 s); …". At most `limit` lines (a long run's first ones).
pub fn narration<'a>(records: impl IntoIterator<Item = &'a Record>, limit: usize) -> Vec<NarrationLine> {
    const SHOWN: usize = 6;
    struct Line {
        at: usize,
        time: f64,
        iteration: u32,
        head: Option<String>,
        parts: Vec<String>,
        queued: usize,
    }
    fn finish(line: Line, out: &mut Vec<NarrationLine>) {
        let mut items: Vec<String> = line.head.into_iter().collect();
        let more = line.parts.len().saturating_sub(SHOWN);
        items.extend(line.parts.into_iter().take(SHOWN));
        if more > 0 {
            items.push(format!("and {more} more"));
        }
        if line.queued > 0 {
            items.push(format!("{} queued for the next iteration", plural(line.queued, "handle", "handles")));
        }
        let text = format!("iteration {}, t = {}: {}", line.iteration, seconds(line.time), items.join("; "));
        out.push(NarrationLine { at: line.at, time: line.time, text });
    }
    let mut s = LoopState::default();
    let mut out = Vec::new();
    let mut current: Option<Line> = None;
    let mut printed = false;
    for (i, r) in records.into_iter().enumerate() {
        s.apply(r);
        match &r.event {
            Event::Iteration { due } => {
                if let Some(line) = current.take() {
                    if out.len() >= limit {
                        break;
                    }
                    finish(line, &mut out);
                }
                // The due timers just moved to the queue's end; cancelled ones move too, and do not fire.
                let fired = s.ready.iter().rev().take(*due as usize).filter(|h| !h.cancelled).count();
                let head = (fired > 0).then(|| format!("{} fired", plural(fired, "timer", "timers")));
                current = Some(Line { at: i + 1, time: r.time, iteration: s.iteration, head, parts: vec![], queued: 0 });
            }
            Event::HandleRun { .. } | Event::StepStart { .. } | Event::Step { .. } => {
                printed = false;
                if let (Some(line), Some(callee)) = (current.as_mut(), s.running.as_ref()) {
                    let what = match callee {
                        Callee::Wakeup { task, .. } => format!("{} woke up", s.task_label(*task)),
                        Callee::Step { task } => format!("{} ran", s.task_label(*task)),
                        Callee::Call(_) => format!("ran {}", s.describe(callee)),
                    };
                    line.parts.push(what);
                    // A whole step that yielded bare queued itself again.
                    line.queued += usize::from(matches!(r.event, Event::Step { requeued: 1.., .. }));
                }
            }
            Event::Output { text, .. } if !printed => {
                if let Some(part) = current.as_mut().and_then(|l| l.parts.last_mut()) {
                    let shown: String = text.trim_end().chars().take(30).collect();
                    let cut = if text.trim_end().chars().count() > 30 { "…" } else { "" };
                    part.push_str(&format!(", printed '{shown}{cut}'"));
                    printed = true;
                }
            }
            Event::Waiting { what, .. } => {
                if let Some(part) = current.as_mut().and_then(|l| l.parts.last_mut()) {
                    part.push_str(&format!(" → awaits {what}"));
                }
            }
            Event::TaskDone { outcome, .. } => {
                if let Some(part) = current.as_mut().and_then(|l| l.parts.last_mut()) {
                    part.push_str(&format!(" → {}", if *outcome == "done" { "finished" } else { outcome }));
                }
            }
            Event::Scheduled { .. } | Event::StepEnd { requeued: 1.., .. } => {
                if let Some(line) = current.as_mut() {
                    line.queued += 1;
                }
            }
            _ => {}
        }
    }
    if let Some(line) = current {
        if out.len() < limit {
            finish(line, &mut out);
        }
    }
    out
}
