//! The event loop, as CPython's `_asyncio` and `base_events.py` run it: the ready queue and the
//! timer heap (`scheduler.rs`), `contextvars` contexts (`context.rs`), Future (`future.rs`), Task and its `__step` (`task.rs`), the
//! thread pool (`executor.rs`), HTTP requests in flight (`http.rs`), reprs (`repr.rs`), and the
//! trace recorder (`recorder.rs`).
//!
//! Architecture Invariant: part of the core. Nothing here names `builtins`, `modules` or `run`.

pub(crate) mod context;
pub(crate) mod executor;
pub(crate) mod future;
pub(crate) mod http;
pub(crate) mod recorder;
pub(crate) mod repr;
pub(crate) mod scheduler;
pub(crate) mod task;
