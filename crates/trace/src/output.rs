//! A run's output and its end: stdout/stderr chunks in write order, where an error stopped it.

use crate::record::Record;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Text written to one stream at one moment of program time.
#[derive(Clone, Debug, PartialEq)]
pub struct Chunk {
    pub stream: Stream,
    pub text: String,
    pub time: f64,
}

/// A place in the program's own source: 1-based line, 0-based columns counted in code points
/// (as Python counts them), and the error's `Type: message` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorSpot {
    pub line: u32,
    pub col: u32,
    pub end_col: u32,
    pub message: String,
}

/// The result of a finished run.
pub struct RunResult {
    pub exit_code: i32,
    pub chunks: Vec<Chunk>,
    pub trace: Vec<Record>,
    pub duration: f64,
    pub instructions: u64,
    /// Where the error that ended the run is in the program (none for a clean exit or Stop).
    pub error: Option<ErrorSpot>,
}

impl RunResult {
    pub fn stdout(&self) -> String {
        self.chunks.iter().filter(|c| c.stream == Stream::Stdout).map(|c| c.text.as_str()).collect()
    }
    pub fn stderr(&self) -> String {
        self.chunks.iter().filter(|c| c.stream == Stream::Stderr).map(|c| c.text.as_str()).collect()
    }
}
