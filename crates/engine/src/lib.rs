//! Awaitlab's engine: a Python 3.12-subset interpreter whose asyncio event loop mirrors CPython's,
//! recording a trace of everything the loop does. No web dependencies; hosts plug in through
//! [`Host`] (a virtual clock here, the browser's event loop in the app). See ARCHITECTURE.md.
//!
//! The layers, each a folder, each using only those before it:
//! - core: `types/` (objects and their methods), `vm/` (the interpreter), `event_loop/`
//!   (Future, Task, the loop), `report/` (tracebacks, warnings);
//! - library: `builtins/` (the builtin functions), `modules/` (what programs import, with the
//!   Python ports in `../lib/`);
//! - driver: `run/` (configuration, the machine, hosts).
//!
//! This file is the embedding API: re-exports only.

mod builtins;
mod event_loop;
mod modules;
mod report;
mod run;
mod types;
mod vm;

pub use awaitlab_practice_api as practice_api;
pub use awaitlab_trace as trace;
pub use awaitlab_trace::RunResult;
pub use modules::supported_modules;
pub use report::syntax_error::format_syntax_error;
pub use run::host::{block_on, drive, Host, VirtualHost, SLICE, VIRTUAL_SLICE_SECONDS};
pub use run::machine::{InputLine, Machine, StepResult};
pub use run::network::{practice_request, practice_response, VirtualNetwork};
pub use run::notebook::{cells as notebook_cells, is_notebook};
pub use run::{library_files_missing, run_virtual, start, RunConfig};
pub use vm::library::{all_files as library_files, Library};
pub use vm::memory::{in_use as heap_in_use, CountingAllocator};
