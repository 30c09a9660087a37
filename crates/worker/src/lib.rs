//! The engine in a dedicated Web Worker, so that no program, however busy, holds up the page:
//! the worker owns the machine, its clock and timers, `fetch()` for real URLs, and the trace;
//! the page gets what the run did in bounded increments (`protocol`), and can always stop it,
//! in the last resort by terminating the worker.
//!
//! `host` is the engine's `Host` on a browser event loop (it also runs on a page, for tests);
//! `runner` is the worker's message loop; `library` fetches the Python library files a
//! program imports; `protocol` is shared with the page; `practice` is
//! the practice API's server in real time (the page keeps one).

pub mod fetch;
pub mod host;
pub mod library;
pub mod practice;
pub mod protocol;
#[cfg(feature = "entry")]
mod runner;

/// The engine's memory cap counts what the worker's heap holds (a growing program ends with
/// MemoryError before the worker's memory runs out).
#[cfg(feature = "entry")]
#[global_allocator]
static ALLOCATOR: awaitlab_engine::CountingAllocator = awaitlab_engine::CountingAllocator;

/// Called by the worker's entry script once the module is loaded. Only in the worker's own
/// build (feature `entry`): an export is kept by the linker, and the page, which links this
/// crate for its protocol, must not carry the interpreter that this export reaches.
#[cfg(feature = "entry")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start() {
    runner::listen();
}
