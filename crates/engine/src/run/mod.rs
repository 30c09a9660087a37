//! The run driver: a run's configuration, `start` (compile and prepare a machine), the hosts
//! that drive it (`host.rs`), the virtual network (`network.rs`) and the machine that steps
//! the program and its event loop in budgeted slices (`machine.rs`).
//!
//! Architecture Invariant: the driver is the only layer that sees every other; nothing names it
//! but `lib.rs`. Only a `Host` has a clock: the engine is told the time.

pub(crate) mod host;
pub(crate) mod machine;
pub(crate) mod network;
pub mod notebook;

use crate::report::syntax_error::format_syntax_error;
use crate::run::host::{block_on, drive, VirtualHost};
use crate::run::machine::Machine;
use crate::types::value::{Namespace, Obj, Value};
use awaitlab_trace::RunResult;
use awaitlab_trace::Stream;
use std::cell::RefCell;
use std::rc::Rc;

/// How a run is set up.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// The name tracebacks and warnings show for the program.
    pub filename: String,
    /// A synchronous stretch (a task step, a callback, the main program between loop runs) that
    /// runs longer than this many instructions is stopped with a clear message.
    pub instruction_limit: u64,
    /// A cap on the whole run's instructions (the fuzzer's guard against endless cooperative
    /// programs; the page has Stop instead). `u64::MAX` for none.
    pub total_instruction_limit: u64,
    /// Wall-clock time (seconds since the epoch) when the run starts: `time.time()`'s origin.
    pub epoch: f64,
    pub trace: bool,
    /// How the practice API behaves on the virtual clock.
    pub api: awaitlab_practice_api::Settings,
    /// Heap bytes the program may use before MemoryError, where the host counts them
    /// (`CountingAllocator`): 1 GiB, well under what a browser gives the engine's worker.
    pub memory_limit: usize,
    /// `lib/` files the host fetched, beside those compiled in (`Library::embedded`).
    pub library: crate::vm::library::Library,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            filename: "main.py".into(),
            instruction_limit: 400_000_000,
            total_instruction_limit: u64::MAX,
            epoch: 1_767_225_600.0,
            trace: true,
            api: Default::default(),
            memory_limit: 1 << 30,
            library: Default::default(),
        }
    }
}

fn new_vm(config: &RunConfig, source: &str) -> crate::vm::Vm {
    let types = crate::types::class::make_types();
    let mut vm = crate::vm::Vm {
        builtins: Rc::new(RefCell::new(Namespace::default())),
        types,
        modules: Default::default(),
        library: {
            let mut library = crate::vm::library::Library::embedded();
            library.extend(&config.library);
            library
        },
        null: Value::obj(Obj::Native(crate::types::native::NativeObj::Null)),
        control: None,
        http: Default::default(),
        instructions: 0,
        stretch_start: 0,
        native_steps: 0,
        instruction_limit: config.instruction_limit,
        total_instruction_limit: config.total_instruction_limit,
        fatal: false,
        stop_requested: false,
        memory_limit: config.memory_limit,
        pause_on_output: false,
        pause_requested: false,
        filename: Rc::from(config.filename.as_str()),
        source_lines: source.lines().map(String::from).collect(),
        output: Default::default(),
        event_loop: Default::default(),
        next_id: 0,
        nested_depth: 0,
        interned: Default::default(),
        trace: crate::event_loop::recorder::Trace { enabled: config.trace, ..Default::default() },
        context: Value::None,
        context_copier: None,
        epoch_base: config.epoch,
        call_line: 0,
        call_in_program: true,
        user_line: 0,
        spare_stacks: Vec::new(),
        spare_locals: Vec::new(),
        import_module: crate::modules::import,
        parked: Vec::new(),
        classes_made: Vec::new(),
    };
    crate::builtins::register_builtins(&mut vm);
    crate::types::register_methods(&mut vm);
    crate::types::exception_groups::register(&mut vm);
    crate::modules::asyncio::register_classes(&mut vm);
    vm
}

/// The `lib/` files a run of `program` may import that `library` (and this build) lacks: what a
/// host fetches before the run (`modules::library_files_missing`, with what a notebook's runner
/// imports too).
pub fn library_files_missing(program: &str, library: &crate::vm::library::Library) -> Vec<String> {
    if notebook::is_notebook(program) {
        return crate::modules::library_files_missing(&format!("{program}\n{}", notebook::DRIVER_IMPORTS), library);
    }
    crate::modules::library_files_missing(program, library)
}

/// A program compiled: a script's module code, or a notebook's cells.
enum Program {
    Script(Box<awaitlab_compile::Compiled>),
    Notebook(Vec<(usize, awaitlab_compile::Compiled)>),
}

/// Compiles `source` and prepares a run. A program that does not compile gives a machine whose
/// run prints the SyntaxError and exits with status 1.
pub fn start(source: &str, config: &RunConfig) -> Machine {
    crate::report::warnings::reset();
    let mut vm = new_vm(config, source);
    let notebook = notebook::is_notebook(source);
    let compiled = if notebook {
        notebook::compile(source, &config.filename).map(Program::Notebook)
    } else {
        awaitlab_syntax::parse_module(source)
            .and_then(|parsed| awaitlab_compile::compile_module(&parsed, &config.filename))
            .map(|c| Program::Script(Box::new(c)))
    };
    let main_ns = Rc::new(RefCell::new(Namespace::default()));
    main_ns.borrow_mut().insert(Rc::from("__name__"), Value::str("__main__"));
    main_ns.borrow_mut().insert(Rc::from("__file__"), Value::str(&config.filename));
    vm.modules.insert(Rc::from("__main__"), Value::obj(Obj::Module { name: Rc::from("__main__"), dict: main_ns.clone() }));
    match compiled {
        Ok(program) => {
            let warnings: Vec<awaitlab_syntax::SyntaxWarning> = match &program {
                Program::Script(c) => c.warnings.clone(),
                Program::Notebook(cells) => cells.iter().flat_map(|(_, c)| c.warnings.clone()).collect(),
            };
            // Shown each time, as the compiler's warnings are (no once-per-line filter).
            for awaitlab_syntax::SyntaxWarning { line, message } in warnings {
                let src = source.lines().nth((line as usize).wrapping_sub(1)).unwrap_or("").trim();
                vm.write(Stream::Stderr, &format!("{}:{line}: SyntaxWarning: {message}\n  {src}\n", config.filename));
            }
            let frame = match program {
                Program::Script(c) => vm.module_frame(crate::types::code::link(c.code), main_ns),
                Program::Notebook(cells) => notebook::main_frame(&mut vm, cells, &main_ns),
            };
            Machine::new(vm, crate::vm::Thread { frames: vec![frame], pending_throw: None })
        }
        Err(e) => {
            let text = format_syntax_error(&config.filename, source, &e);
            vm.write(Stream::Stderr, &text);
            let mut m = Machine::new(vm, crate::vm::Thread::default());
            m.exit_code = Some(1);
            let message = text.lines().last().unwrap_or_default().to_string();
            m.error_spot = Some(awaitlab_trace::ErrorSpot { line: e.line, col: e.col, end_col: e.col + 1, message });
            m
        }
    }
}

/// Runs a program to completion on the virtual clock.
pub fn run_virtual(source: &str, config: &RunConfig) -> RunResult {
    let mut m = start(source, config);
    let host = VirtualHost::new(config.api.clone());
    block_on(drive(&mut m, &host));
    m.into_result()
}

#[cfg(test)]
mod tests {
    use super::{run_virtual, RunConfig};
    use crate::types::code::class_epoch;

    /// Inline caches key entries by class address and epoch; a class created where a freed one
    /// was must not match the old entries, so every class creation starts a new epoch.
    #[test]
    fn creating_a_class_starts_a_new_cache_epoch() {
        let epochs_used = |src: &str| {
            let before = class_epoch();
            let r = run_virtual(src, &RunConfig::default());
            assert_eq!(r.stderr(), "");
            class_epoch() - before
        };
        let plain = epochs_used("x = 1\n");
        assert_eq!(epochs_used("class A:\n    pass\nclass B:\n    pass\n"), plain + 2);
    }
}
