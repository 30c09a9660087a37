//! Engine-side object kinds that Python code sees as opaque objects.

use crate::types::code::Code;
use crate::types::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub enum NativeObj {
    Code(Rc<Code>),
    Ellipsis,
    /// The sentinel `LoadMethod` pushes when the callable is already bound.
    Null,
    Future(RefCell<FutureData>),
    Handle(HandleData),
    Loop,
    /// `await` on it yields once to the loop (asyncio's `__sleep0`).
    Sleep0,
    /// The awaitable `__anext__` of an async generator returns.
    Anext(Value),
    /// The awaitable `athrow(exc)` of an async generator returns: (generator, exception).
    Athrow(Value, Value),
    /// The awaitable `aclose()` of an async generator returns.
    Aclose(Value),
    /// A named marker object: `NotImplemented`, and `sleep0-done` (what an awaited `Sleep0`
    /// leaves on the stack once it has yielded, so the resumed `await` finishes).
    Sentinel(&'static str),
    /// `dict.keys()` (0), `.values()` (1), `.items()` (2): live views of the dict.
    DictView(u8, Rc<crate::types::value::Obj>),
    /// A Mersenne Twister's state (random.Random's core).
    /// Boxed: its 2.5 KB of state would otherwise be the size of every object.
    Rng(Box<RefCell<crate::types::rng::Rng>>),
    /// A frame object: a snapshot of an interpreter frame (`types/frame.rs`).
    Frame(Box<crate::types::frame::FrameData>),
    /// A traceback object: one frame an exception passed through, and the next.
    Traceback(Box<crate::types::frame::TracebackData>),
    /// A `memoryview` over a bytes or bytearray (`types/memoryview.rs`).
    MemoryView(Box<crate::types::memoryview::MemoryView>),
    /// What a weak reference holds (`_weakref._handle`): its object while it lives.
    Weak(std::rc::Weak<crate::types::value::Obj>),
}

thread_local! {
    static ELLIPSIS: Value = Value::obj(crate::types::value::Obj::Native(NativeObj::Ellipsis));
    static SLEEP0: Value = Value::obj(crate::types::value::Obj::Native(NativeObj::Sleep0));
    static SLEEP0_DONE: Value = Value::obj(crate::types::value::Obj::Native(NativeObj::Sentinel("sleep0-done")));
}

/// The one `Ellipsis` (`...` in code is the builtin's object: `... is Ellipsis`).
pub fn ellipsis() -> Value {
    ELLIPSIS.with(Value::clone)
}

/// The marker `asyncio.sleep(0)` awaits, and what it leaves once it has yielded: one object
/// each per thread, shared (they hold nothing and no program sees them), so the commonest
/// task switch allocates neither.
pub fn sleep0_marker() -> Value {
    SLEEP0.with(Value::clone)
}

pub fn sleep0_done() -> Value {
    SLEEP0_DONE.with(Value::clone)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FutureState {
    Pending,
    Cancelled,
    Finished,
}

pub struct FutureData {
    pub id: u64,
    pub state: FutureState,
    pub result: Value,
    pub exception: Option<Value>,
    /// Done-callbacks, each with the context it runs in (None: contexts were not in use).
    pub callbacks: Vec<(Value, Value)>,
    pub cancel_message: Value,
    pub blocking: bool,
    pub log_traceback: bool,
    pub task: Option<Box<TaskData>>,
    /// What the trace calls this future when a task waits on it (sleep 0.5 s, Semaphore(2)...).
    pub label: Option<Rc<str>>,
    /// `gather()`'s outer future: cancelling it cancels these.
    pub gather_children: Option<Vec<Value>>,
    pub cancel_requested: bool,
    /// The CancelledError a task's coroutine raised (re-raised when its result is read).
    pub cancelled_exc: Option<Value>,
}

pub struct TaskData {
    pub coro: Value,
    pub thread: Option<crate::vm::Thread>,
    pub name: Rc<str>,
    pub must_cancel: bool,
    pub fut_waiter: Option<Value>,
    pub num_cancels_requested: u32,
    pub started: bool,
    /// The `contextvars` context its steps run in (None: contexts were not in use when it was made).
    pub context: Value,
}

pub struct HandleData {
    pub callback: Value,
    pub args: Vec<Value>,
    pub cancelled: Cell<bool>,
    pub when: Option<f64>,
    pub id: u64,
    /// A task step/wakeup: the argument is an exception to throw or a future to read.
    pub kind: HandleKind,
    /// The `contextvars` context a callback runs in (a task's steps run in the task's).
    pub context: Value,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HandleKind {
    Call,
    TaskStep,
    TaskWakeup,
}
