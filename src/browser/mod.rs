//! Browser glue: the engine's `Host` on the browser's event loop. Thin on purpose — all
//! scheduling logic is the engine's; this only supplies a clock, timers and yields.

mod host;

pub use host::{run_in_browser, BrowserHost, TimeMode};
