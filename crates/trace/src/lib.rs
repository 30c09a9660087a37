//! What a run produces, as plain data: the output it wrote ([`Chunk`]), the trace of what its
//! event loop did ([`Record`]), the HTTP requests it made ([`http`]), the timeline model drawn
//! from the trace ([`timeline`]), and two ways out: Chrome Trace Event JSON
//! ([`to_chrome_json`]) and a line-based wire form ([`wire`]).
//!
//! Architecture Invariant: this crate depends on nothing, and knows nothing of the interpreter.
//! The Rust twins record into these types and the page draws from them without linking the
//! engine.

mod chrome;
pub mod http;
pub mod insights;
pub mod inspector;
mod json;
mod output;
mod record;
pub mod timeline;
pub mod wire;

pub use chrome::to_chrome_json;
pub use json::{json_str, json_str_into};
pub use output::{Chunk, ErrorSpot, RunResult, Stream};
pub use record::{unfolded, Blocking, CallTarget, Callee, Event, HttpStart, NewTask, Record, ResourceUse, StackFrame, Summary};
