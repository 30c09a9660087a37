//! The trace's records: structured, timestamped events of what the event loop did. They are the
//! timeline's only input.

use crate::output::Stream;
use std::borrow::Cow;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Boxed, as are the other rare events with many fields: a record is as large as its
    /// largest event, and the commonest (a step, a handle scheduled) are small.
    TaskCreated(Box<NewTask>),
    StepStart {
        task: u64,
    },
    /// A task's step ended: suspended at `line` (0: it finished, or no line of the program's),
    /// and, when its coroutine awaits others, the whole chain it suspended in. `requeued`: the
    /// handle of its next step when it yielded bare (`await asyncio.sleep(0)`) and went back to
    /// the ready queue (0: it did not); the commonest task switch takes one record, not two.
    StepEnd {
        task: u64,
        line: u32,
        stack: Option<Rc<[StackFrame]>>,
        requeued: u64,
    },
    /// A whole step in one record: a task's step began and ended at this moment with nothing
    /// recorded between (`await asyncio.sleep(0)` in a loop). A `StepStart` and a `StepEnd`
    /// with these fields, in half the memory: the commonest task switch of a busy program, and
    /// what fills a trace fastest (`unfolded` gives the two back to a reader that wants them).
    Step {
        task: u64,
        line: u32,
        stack: Option<Rc<[StackFrame]>>,
        requeued: u64,
    },
    /// A task suspended on a future; `what` says what it waits for (sleep 0.5 s, Lock, another task...).
    Waiting {
        task: u64,
        what: Rc<str>,
        line: u32,
        future: u64,
    },
    FutureDone {
        future: u64,
    },
    TaskDone {
        task: u64,
        outcome: &'static str,
    },
    /// A handle joined the ready queue (`loop.call_soon`: a task's step or wake-up, a
    /// future's done-callback, the program's callback).
    Scheduled {
        handle: u64,
        callee: Callee,
    },
    /// A handle joined the timer heap (`loop.call_at`), due at `when`.
    TimerSet {
        handle: u64,
        when: f64,
        callee: Box<Callee>,
    },
    /// `future` joined the line of waiters of `resource` (a lock's, semaphore's or connector's
    /// lane, as in `Resource`): the waiters get it in the order they came.
    Queued {
        future: u64,
        resource: u64,
    },
    /// `task.cancel()` was asked of a pending task (by the program, a `gather`, a timeout, or
    /// `asyncio.run` ending).
    CancelRequested {
        task: u64,
    },
    /// A handle was cancelled, in the ready queue or the timer heap: it stays there until the
    /// loop drops it (a timer at the heap's head) or reaches it (and skips it).
    HandleCancelled {
        handle: u64,
    },
    /// The loop took the handle at the ready queue's head and runs it (a cancelled one is
    /// skipped without a record). What it does follows: a step, a callback.
    HandleRun {
        handle: u64,
    },
    Blocked(Box<Blocking>),
    Unblocked,
    /// A callback of the program's own ran (`call_soon`, `call_later`, a done-callback):
    /// `name(args)`, and the line of its `def`.
    Callback {
        name: Rc<str>,
        line: u32,
    },
    /// `gather()` made `future`, which completes when `children` have.
    Gathering {
        future: u64,
        children: Rc<[u64]>,
    },
    Resource(Box<ResourceUse>),
    /// A job went to the default executor (`run_in_executor`, `to_thread`): its future, and
    /// what it calls.
    ExecutorSubmitted {
        future: u64,
        call: Rc<str>,
    },
    /// The job that ran from `start` to `end` delivered its result to `future`.
    ExecutorJob {
        future: u64,
        start: f64,
        end: f64,
    },
    Output {
        task: Option<u64>,
        stream: Stream,
        text: Rc<str>,
    },
    /// An HTTP request left the program.
    HttpStart(Box<HttpStart>),
    /// Its answer arrived: a status, or the failure's message.
    HttpEnd {
        id: u64,
        status: Option<u16>,
        error: Option<Rc<str>>,
    },
    /// The loop's queues were emptied: the loop was closed, or a new one made.
    LoopCleared,
    /// One iteration of the loop (`_run_once`) begins: `due` timers moved from the heap's head
    /// to the ready queue, after the cancelled ones at the head were dropped.
    Iteration {
        due: u32,
    },
    /// The trace reached its size limit here: from now on the run goes on, but only what it did
    /// is counted, not recorded.
    DetailEnds,
    /// At the end of a run whose detail ended: how many events were counted and not recorded.
    Summary(Box<Summary>),
    Finished {
        status: &'static str,
    },
}

/// A task was made. `internal`: a task of asyncio's own machinery (asyncio.run's shutdown
/// steps), not the program's. `args`: the coroutine's arguments, shortly (`3, 'a'`), for a lane
/// label such as `meow(3)`.
#[derive(Clone, Debug, PartialEq)]
pub struct NewTask {
    pub task: u64,
    pub name: Rc<str>,
    pub coro: Rc<str>,
    pub args: Rc<str>,
    pub parent: Option<u64>,
    pub line: u32,
    pub internal: bool,
}

impl NewTask {
    /// The task as its lane and the inspector title it: the coroutine's short name and its
    /// arguments, `meow(1)`.
    pub fn title(&self) -> String {
        format!("{}({})", self.coro.rsplit('.').next().unwrap_or(&self.coro), self.args)
    }
}

/// `1 timer`, `3 timers`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A semaphore's, lock's or connector's use changed.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceUse {
    pub id: u64,
    pub kind: Rc<str>,
    pub in_use: i64,
    pub capacity: i64,
    /// What the program called the object (`api_lock = asyncio.BoundedSemaphore(2)`), on
    /// the first event of its lane when it could be known.
    pub name: Option<Rc<str>>,
}

/// An HTTP request left the program (`task`: who asked; none for a blocking call from main).
#[derive(Clone, Debug, PartialEq)]
pub struct HttpStart {
    pub id: u64,
    pub task: Option<u64>,
    pub method: Rc<str>,
    pub url: Rc<str>,
}

/// At the end of a run whose detail ended: how many events were counted and not recorded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub events: u64,
    pub tasks: u64,
    pub steps: u64,
    pub prints: u64,
    pub requests: u64,
}

/// The loop is blocked until `until` (a synchronous call: `time.sleep(1)`, `requests.get`,
/// `input()`), called by `task` (none: from outside any task) at `line` of the program (0: not
/// known). `in_loop`: an event loop was running (at a module's level, before or after
/// `asyncio.run`, a blocking call blocks no loop).
#[derive(Clone, Debug, PartialEq)]
pub struct Blocking {
    pub until: f64,
    pub reason: Rc<str>,
    pub task: Option<u64>,
    pub line: u32,
    pub in_loop: bool,
}

// Every record is as large as its largest event: the commonest are small, so this stays small
// (docs/perf.md: tracing's cost is mostly the memory its records take).
const _: () = assert!(std::mem::size_of::<Record>() <= 48);

/// One coroutine in a suspended task's chain, outermost first: `get_video('student')` at
/// line 7 (0: asyncio's own code, which has no line in the program).
#[derive(Clone, Debug, PartialEq)]
pub struct StackFrame {
    pub label: Rc<str>,
    pub line: u32,
}

/// What a handle runs, as the loop's queues show it.
#[derive(Clone, Debug, PartialEq)]
pub enum Callee {
    /// A task's next step (CPython's `Task.__step`).
    Step { task: u64 },
    /// A task woken because `future`, which it awaited, is done (`Task.__wakeup`).
    Wakeup { task: u64, future: u64 },
    /// A function (shared: a record stays small).
    Call(Rc<CallTarget>),
}

/// A function a handle calls, by its qualified name (`gather.<locals>._done_callback`,
/// `hello`), and the future it was handed first (a done-callback's,
/// `_set_result_unless_cancelled`'s), if any.
#[derive(Clone, Debug, PartialEq)]
pub struct CallTarget {
    pub name: Rc<str>,
    pub future: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub time: f64,
    pub event: Event,
}

/// The records, each `Step` given as the `StepStart` and `StepEnd` it stands for: for readers
/// that follow a step's start and end (the timeline, the Chrome export, the insights).
pub fn unfolded<'a>(records: impl IntoIterator<Item = &'a Record>) -> impl Iterator<Item = Cow<'a, Record>> {
    records.into_iter().flat_map(|r| {
        match &r.event {
            Event::Step { task, line, stack, requeued } => [
                Some(Cow::Owned(Record { time: r.time, event: Event::StepStart { task: *task } })),
                Some(Cow::Owned(Record {
                    time: r.time,
                    event: Event::StepEnd { task: *task, line: *line, stack: stack.clone(), requeued: *requeued },
                })),
            ],
            _ => [Some(Cow::Borrowed(r)), None],
        }
        .into_iter()
        .flatten()
    })
}
