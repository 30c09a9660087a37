//! The loop's state (`EventLoop`): the ready queue, the timer heap ordered by (deadline,
//! insertion), the clock, the current task, the policy's loop. Scheduling callbacks.

use crate::event_loop::executor::Job;
use crate::types::native::{HandleData, HandleKind, NativeObj};
use crate::types::value::{Obj, Value};
use crate::vm::Vm;
use std::cell::Cell;
use std::collections::{BinaryHeap, VecDeque};
use std::rc::{Rc, Weak};

pub struct TimerEntry {
    pub when: f64,
    pub seq: u64,
    pub handle: Rc<Obj>,
}

impl TimerEntry {
    /// The deadline in whole nanoseconds: the heap's order. Deadlines that differ only by float
    /// rounding (a sleep of `0.01 * 3` set at 0, one of `0.02` set at 0.01) are the same moment
    /// on the virtual clock, and the one set first fires first. Under CPython the later one is
    /// later by the real time that passed between them, so it fires second there too.
    fn tick(&self) -> i64 {
        (self.when * 1e9).round() as i64
    }
}

impl PartialEq for TimerEntry {
    fn eq(&self, o: &Self) -> bool {
        self.tick() == o.tick() && self.seq == o.seq
    }
}

impl Eq for TimerEntry {}

impl PartialOrd for TimerEntry {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for TimerEntry {
    // BinaryHeap is a max-heap: reverse for earliest (deadline, insertion order) first.
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        o.tick().cmp(&self.tick()).then(o.seq.cmp(&self.seq))
    }
}

/// The event loop's state, one per run (`Vm::event_loop`): what `BaseEventLoop` and the event
/// loop policy hold in CPython, and the program clock.
#[derive(Default)]
pub struct EventLoop {
    pub ready: VecDeque<Rc<Obj>>,
    pub timers: BinaryHeap<TimerEntry>,
    pub seq: u64,
    pub running: bool,
    pub stopping: bool,
    pub closed: bool,
    pub now: f64,
    pub current_task: Option<Rc<Obj>>,
    pub tasks: Vec<Weak<Obj>>,
    pub task_counter: u64,
    pub loop_value: Option<Value>,
    /// `loop.set_exception_handler`'s handler, for the current loop.
    pub exception_handler: Option<Value>,
    pub loop_set: bool,
    /// The event loop policy's state: whether `loop_value` is its current loop, and whether
    /// set_event_loop was ever called (after which get_event_loop creates no loop of its own).
    pub current_loop: bool,
    pub set_event_loop_called: bool,
    pub running_loop: bool,
    /// Thread-pool jobs (`loop.run_in_executor`) not finished yet, in submission order.
    pub jobs: Vec<Job>,
    /// Whether `run_in_executor` used the default executor since the loop was made (then
    /// `shutdown_default_executor` has a pool to shut down).
    pub default_executor_used: bool,
    /// Futures waiting for the thread pool to be idle (`shutdown_default_executor`).
    pub executor_idle_waiters: Vec<Rc<Obj>>,
    /// Tasks created and not yet finished.
    pub live_tasks: usize,
    /// `asyncio.run`'s main task while it runs: a Stop cancels it first, as the runner's
    /// SIGINT handler does (runners.py `Runner._on_sigint`).
    pub main_task: Option<Rc<Obj>>,
    /// How many times the user asked the program to stop (the runner's `_interrupt_count`).
    pub interrupts: u32,
    /// The thread running now when it is not the main one: its ident, and its worker's number
    /// when it is a default executor's job (`threading.current_thread()`).
    pub running_job: Option<(u64, Option<usize>)>,
}

impl EventLoop {
    pub fn next_timer_when(&self) -> Option<f64> {
        self.timers.peek().map(|t| t.when)
    }
}

pub fn new_handle(vm: &mut Vm, callback: Value, args: Vec<Value>, when: Option<f64>, kind: HandleKind) -> Rc<Obj> {
    new_handle_in(vm, callback, args, when, kind, Value::None)
}

/// A handle whose callback runs in `context` (`contextvars`; None: the running code's).
fn new_handle_in(vm: &mut Vm, callback: Value, args: Vec<Value>, when: Option<f64>, kind: HandleKind, context: Value) -> Rc<Obj> {
    let id = vm.new_id();
    Rc::new(Obj::Native(NativeObj::Handle(HandleData { callback, args, cancelled: Cell::new(false), when, id, kind, context })))
}

/// The loop's queues emptied (a closed loop, a new one), and its default executor forgotten.
pub fn clear(vm: &mut Vm) {
    vm.event_loop.default_executor_used = false;
    vm.event_loop.ready.clear();
    vm.event_loop.timers.clear();
    crate::event_loop::recorder::loop_cleared(vm);
}

pub fn call_soon(vm: &mut Vm, callback: Value, args: Vec<Value>, kind: HandleKind) -> Rc<Obj> {
    call_soon_in(vm, callback, args, kind, Value::None)
}

/// `call_soon` of a callback that runs in `context` (see `context.rs`).
pub fn call_soon_in(vm: &mut Vm, callback: Value, args: Vec<Value>, kind: HandleKind, context: Value) -> Rc<Obj> {
    let h = new_handle_in(vm, callback, args, None, kind, context);
    vm.event_loop.ready.push_back(h.clone());
    crate::event_loop::recorder::scheduled(vm, &h);
    h
}

/// A task that yielded bare (`sleep(0)`) queued again for its next step: as `call_soon`, the
/// trace saying so in the step's end.
pub fn requeue_step(vm: &mut Vm, task: Value) {
    let h = new_handle(vm, task, vec![], None, HandleKind::TaskStep);
    vm.event_loop.ready.push_back(h.clone());
    crate::event_loop::recorder::requeued(vm, &h);
}

/// A timer: `callback` runs in `context` (`contextvars`, see `context.rs`) at `when`.
pub fn call_at(vm: &mut Vm, when: f64, callback: Value, args: Vec<Value>, context: Value) -> Rc<Obj> {
    let h = new_handle_in(vm, callback, args, Some(when), HandleKind::Call, context);
    vm.event_loop.seq += 1;
    let seq = vm.event_loop.seq;
    vm.event_loop.timers.push(TimerEntry { when, seq, handle: h.clone() });
    crate::event_loop::recorder::timer_set(vm, &h, when);
    h
}
