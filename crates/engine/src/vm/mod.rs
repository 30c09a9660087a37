//! The bytecode interpreter. Python calls push frames on a `Thread` (no Rust recursion), so any
//! thread — the main program, a task, a callback — can pause between instructions and resume.

pub(crate) mod attr;
pub(crate) mod call;
pub(crate) mod dispatch;
pub(crate) mod finalize;
pub(crate) mod frames;
pub(crate) mod items;
pub(crate) mod iteration;
pub mod library;
pub mod memory;
pub(crate) mod ops;
pub(crate) mod output;
pub(crate) mod patterns;
pub(crate) mod source;

use crate::types::code::Code;
use crate::types::value::{Namespace, Obj, Value};
use std::cell::RefCell;
use std::rc::Rc;

pub type CellRef = Rc<RefCell<Option<Value>>>;

pub type Exc = Value;

pub type PyResult<T = Value> = Result<T, Exc>;

pub const RECURSION_LIMIT: usize = 1000;

/// Native calls into Python (key functions, generators driven by native loops) nest Rust
/// frames: this many fit the browser's 8 MiB stack with room to spare (see examples/stack8).
pub const NESTED_LIMIT: usize = 100;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// Bottom of a thread: its result ends the thread.
    Top,
    /// A plain call: the result is pushed on the caller's stack.
    Call,
    /// A generator driven by `ForIter`: yields push onto the caller; exhaustion jumps to the target.
    ForIter(u32),
    /// A coroutine awaited by the frame below it.
    Await,
    /// An async generator driven by `await agen.__anext__()`.
    Anext,
    /// An async generator being closed by `await agen.aclose()`: GeneratorExit thrown in.
    Aclose,
}

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub handler: u32,
    pub depth: u32,
    pub handled_depth: u32,
}

pub struct Frame {
    pub code: Rc<Code>,
    pub ip: usize,
    pub lasti: usize,
    pub stack: Vec<Value>,
    pub fast: Vec<Option<Value>>,
    pub cells: Vec<CellRef>,
    pub globals: Rc<RefCell<Namespace>>,
    pub ns: Option<Rc<RefCell<Namespace>>>,
    pub blocks: Vec<Block>,
    /// The generator/coroutine owning this frame (weak: the generator owns the frame while suspended).
    pub gen: Option<std::rc::Weak<Obj>>,
    pub mode: Mode,
    pub handled: Vec<Value>,
    /// The frame object a program was given for this frame (`sys._getframe()`): the same one
    /// each time, and it reads the frame while it runs (`types/frame.rs`).
    pub object: Option<Rc<Obj>>,
}

impl Frame {
    pub fn line(&self) -> u32 {
        self.code.locs.get(self.lasti).map(|l| l.line).unwrap_or(self.code.first_line)
    }

    /// Where the frame is, as an exception passing through it records it.
    pub fn traceback_entry(&self) -> crate::types::value::TracebackEntry {
        let loc = self.code.locs.get(self.lasti).copied().unwrap_or_default();
        crate::types::value::TracebackEntry {
            code: self.code.clone(),
            globals: self.globals.clone(),
            lasti: self.lasti as u32,
            line: loc.line,
            col: loc.col,
            end_line: loc.end_line,
            end_col: loc.end_col,
        }
    }
}

#[derive(Default)]
pub struct Thread {
    pub frames: Vec<Frame>,
    /// An exception to raise at the current instruction when the thread resumes.
    pub pending_throw: Option<Value>,
}

pub enum Outcome {
    Returned(Value),
    Raised(Value),
    /// A coroutine awaited a pending future (or `None`: a bare yield to the loop).
    Suspended(Value),
    /// A generator running at the bottom of a nested thread yielded.
    Yielded(Value),
    OutOfBudget,
    /// A builtin asked the machine for something only it can do (run the loop, block).
    Control,
}

/// What a builtin asks of the machine (see `machine.rs`).
pub enum Control {
    RunLoop {
        until: Option<Value>,
    },
    Block {
        seconds: f64,
        reason: Rc<str>,
    },
    /// A blocking HTTP request (`requests.get`): the program waits for request `id`'s answer.
    BlockHttp {
        id: u64,
        timeout: Option<f64>,
        reason: Rc<str>,
    },
    /// `input()`: the program waits for a line from the host.
    Input {
        prompt: Rc<str>,
    },
    Exit(i32),
}

pub struct Vm {
    pub builtins: Rc<RefCell<Namespace>>,
    pub types: crate::types::class::Types,
    pub modules: std::collections::HashMap<Rc<str>, Value>,
    /// The engine's own Python this run can import (`lib/`).
    pub library: library::Library,
    pub null: Value,
    pub control: Option<Control>,
    pub http: crate::event_loop::http::HttpState,
    pub instructions: u64,
    /// `instructions` when the current synchronous stretch began (a task step, a callback, or
    /// the main program between loop runs): the budget applies to one stretch, not the run.
    pub stretch_start: u64,
    /// Native iteration steps since the last limit check.
    pub native_steps: u32,
    pub instruction_limit: u64,
    pub total_instruction_limit: u64,
    /// Set when the whole run must end now (its total budget is spent): the machine finishes.
    pub fatal: bool,
    pub stop_requested: bool,
    /// The program may not grow its heap past this many bytes (`memory`).
    pub memory_limit: usize,
    /// The host wants to show output as soon as it is written: the next write pauses the
    /// slice (`pause_requested`), which the machine resumes with the budget it had left.
    pub pause_on_output: bool,
    pub pause_requested: bool,
    pub filename: Rc<str>,
    pub source_lines: Vec<String>,
    pub output: crate::vm::output::Output,
    pub event_loop: crate::event_loop::scheduler::EventLoop,
    pub next_id: u64,
    pub nested_depth: usize,
    pub interned: std::collections::HashMap<&'static str, Rc<str>>,
    pub trace: crate::event_loop::recorder::Trace,
    /// Wall-clock seconds since the epoch when the run started (time.time() = this + program clock).
    pub epoch_base: f64,
    /// Line of the call being made (where a coroutine object is created, for warnings).
    pub call_line: u32,
    /// Whether that call is made by the program's own code (not a file named `<...>`).
    pub call_in_program: bool,
    /// The program's own line behind the native call being made, past the frames of asyncio's
    /// Python half: where a warning raised inside asyncio is shown (as its stacklevel does).
    pub user_line: u32,
    /// Emptied operand stacks and local-variable vectors of finished frames, reused by new ones
    /// (calls are the interpreter's hottest path; this saves two allocations per call).
    pub spare_stacks: Vec<Vec<Value>>,
    pub spare_locals: Vec<Vec<Option<Value>>>,
    /// How `import` finds a module: the library's registry, installed by the run (the core never
    /// names the library).
    pub import_module: fn(&mut Vm, &str) -> PyResult,
    /// The running code's `contextvars` context (CPython's `ts->context`): a Python `Context`,
    /// or None while none was made. `context_copier` is the module's `copy_context` once a
    /// program imported it: from then on tasks, callbacks and `to_thread` jobs copy the context
    /// as CPython's do (before, none of it costs anything).
    pub context: Value,
    pub context_copier: Option<Value>,
    /// The frames of the threads waiting on a native call, by the `nested_depth` each runs at:
    /// a thread's frames move here while a native it called runs (`call_in_thread`), so that
    /// introspection (`sys._getframe`, `sys.exc_info`) reads them without a pointer into a
    /// thread the interpreter holds mutably. A depth's vector is empty while its thread runs.
    pub parked: Vec<Vec<Frame>>,
    /// The classes the program made, weakly: a class is in its own MRO, a cycle reference
    /// counting cannot free, so the end of a run empties each one still alive (also those no
    /// module holds: `del`eted, made in a function, kept in a list).
    pub classes_made: Vec<std::rc::Weak<crate::types::value::Obj>>,
}

macro_rules! frame {
    ($thread:expr) => {
        $thread.frames.last_mut().unwrap()
    };
}
pub(crate) use frame;

impl Vm {
    pub fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// `import name` (the statement, and the engine's own Python).
    pub fn import(&mut self, name: &str) -> PyResult {
        (self.import_module)(self, name)
    }

    pub fn intern(&mut self, s: &'static str) -> Rc<str> {
        self.interned.entry(s).or_insert_with(|| Rc::from(s)).clone()
    }

    pub fn new_exception(&mut self, class: &Rc<Obj>, message: Option<String>) -> Value {
        let args = match message {
            Some(m) => vec![Value::str(&m)],
            None => vec![],
        };
        crate::types::exceptions::instantiate(class, args)
    }

    pub fn err<T>(&mut self, class_name: &str, message: impl Into<String>) -> PyResult<T> {
        let class = self.types.exc(class_name);
        Err(self.new_exception(&class, Some(message.into())))
    }

    pub fn type_error<T>(&mut self, message: impl Into<String>) -> PyResult<T> {
        self.err("TypeError", message)
    }

    pub fn limit_check(&mut self) -> PyResult<()> {
        if self.instructions - self.stretch_start > self.instruction_limit {
            return self.err(
                "RuntimeError",
                format!(
                    "Awaitlab stopped the program: it ran {} instructions without giving the event loop a turn (an endless loop?)",
                    self.instruction_limit
                ),
            );
        }
        if self.instructions > self.total_instruction_limit {
            self.fatal = true;
            return self
                .err("RuntimeError", format!("Awaitlab stopped the program after {} instructions in all", self.total_instruction_limit));
        }
        if self.stop_requested {
            let c = self.types.exc("KeyboardInterrupt");
            return Err(self.new_exception(&c, None));
        }
        // Loops that grow a little each time (appending, building strings) stop here.
        self.check_room(0)
    }
}

pub fn tuple_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Tuple(items) => items.clone(),
            Obj::List(l) => l.borrow().clone(),
            _ => vec![],
        },
        _ => vec![],
    }
}
