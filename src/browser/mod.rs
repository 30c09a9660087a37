//! Browser glue: the engine's `Host` on the browser's event loop. Thin on purpose — all
//! scheduling logic is the engine's; this only supplies a clock, timers and yields.

pub mod compress;
pub mod download;
pub mod fetch;
pub mod lazy_module;
mod host;
pub mod practice;
pub mod storage;

pub use host::{run_in_browser, run_live, BrowserHost, TimeMode};
