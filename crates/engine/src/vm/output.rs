//! What the program writes: stdout and stderr as time-stamped chunks (capped at 8 MiB), and
//! warnings shown as Python's `warnings` module shows them.

use crate::types::value::Value;
use crate::vm::Vm;
use awaitlab_trace::{Chunk, Stream};

#[derive(Default)]
pub struct Output {
    pub chunks: Vec<Chunk>,
    pub bytes: usize,
}

impl Output {
    pub fn text(&self, stream: Stream) -> String {
        self.chunks.iter().filter(|c| c.stream == stream).map(|c| c.text.as_str()).collect()
    }
}

pub const MAX_OUTPUT_BYTES: usize = 8 << 20;

impl Vm {
    pub fn write(&mut self, stream: Stream, text: &str) {
        self.flush_warnings();
        self.write_raw(stream, text);
    }

    /// Awaitlab's own last word on a run (why it was stopped): shown even past the output cap.
    pub fn write_always(&mut self, stream: Stream, text: &str) {
        let now = self.event_loop.now;
        self.output.chunks.push(Chunk { stream, text: text.to_string(), time: now });
    }

    fn write_raw(&mut self, stream: Stream, text: &str) {
        if text.is_empty() || self.output.bytes > MAX_OUTPUT_BYTES {
            return;
        }
        if self.pause_on_output {
            self.pause_on_output = false;
            self.pause_requested = true;
            crate::vm::finalize::wake();
        }
        self.output.bytes += text.len();
        if self.output.bytes > MAX_OUTPUT_BYTES {
            self.output.chunks.push(Chunk {
                stream: Stream::Stderr,
                text: "\n[Awaitlab: output limit reached, further output dropped]\n".into(),
                time: self.event_loop.now,
            });
            return;
        }
        crate::event_loop::recorder::output(self, stream, text);
        let now = self.event_loop.now;
        if let Some(last) = self.output.chunks.last_mut() {
            if last.stream == stream && last.time == now {
                last.text.push_str(text);
                return;
            }
        }
        self.output.chunks.push(Chunk { stream, text: text.to_string(), time: now });
    }

    /// A warning from the engine's native code (`category` a builtin Warning class), at the
    /// line of the code that called it, past the engine's own Python (as asyncio's stacklevel
    /// arithmetic finds the program's line): through the program's `warnings` module once it
    /// is imported (its filters may make it an error), else as its default filter shows it.
    pub fn warn(&mut self, category: &str, message: &str) -> crate::vm::PyResult<()> {
        let Some(warnings) = self.modules.get("warnings").cloned() else {
            let line = self.user_line;
            self.warn_at(line, category, message);
            return Ok(());
        };
        let frames = self.visible_frames();
        let engine_frames = frames.iter().take_while(|v| self.parked[v.parked][v.index].code.filename.starts_with('<')).count();
        let warn = self.get_attr(&warnings, "warn")?;
        let class = Value::Obj(self.types.exc(category));
        self.call(warn, vec![Value::str(message), class, Value::Int(1 + engine_frames as i64)], vec![])?;
        Ok(())
    }

    /// A warning as Python's `warnings` module shows it (once per message and line): where, what,
    /// and the line of source.
    pub fn warn_at(&mut self, line: u32, category: &str, message: &str) {
        let what = format!("{category}: {message}");
        if !crate::report::warnings::first_time(&what, line) {
            return;
        }
        let src = self.source_lines.get((line as usize).wrapping_sub(1)).map(|l| l.trim().to_string()).unwrap_or_default();
        let text = format!("{}:{line}: {what}\n  {src}\n", self.filename);
        self.write(Stream::Stderr, &text);
    }

    /// Prints warnings queued by objects that were dropped (coroutines never awaited...).
    pub fn flush_warnings(&mut self) {
        let pending = crate::report::warnings::take();
        for w in pending {
            let text = crate::report::warnings::format(self, &w);
            if let Some(text) = text {
                self.write_raw(Stream::Stderr, &text);
            }
        }
    }

    pub fn program_clock(&self) -> f64 {
        self.event_loop.now
    }
}
