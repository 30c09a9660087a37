//! A run's trace and output as lines of text, for what crosses from one wasm module to another:
//! the engine's worker sends the page a run's records in this form as they come, and the
//! demos' async Rust twins (a wasm module of their own, loaded when a learner opens one) hand
//! the page what they recorded in it. One line per record or output chunk, fields
//! separated by tabs; texts escape `\`, tab and newline. Floats print in Rust's shortest form,
//! which reads back to the same bits.

use crate::output::{Chunk, Stream};
use crate::record::{Blocking, CallTarget, Callee, Event, HttpStart, NewTask, Record, ResourceUse, StackFrame, Summary};
use std::fmt::Write;
use std::rc::Rc;

/// Appends `records` and `chunks` to `out`, a line each.
pub fn encode(records: &[Record], chunks: &[Chunk], out: &mut String) {
    for r in records {
        encode_record(r, out);
    }
    for c in chunks {
        let stream = match c.stream {
            Stream::Stdout => "out",
            Stream::Stderr => "err",
        };
        let _ = write!(out, "chunk\t{}\t{stream}\t", c.time);
        escape(&c.text, out);
        out.push('\n');
    }
}

/// Reads what `encode` wrote (any number of calls' output, concatenated).
pub fn decode(text: &str) -> Result<(Vec<Record>, Vec<Chunk>), String> {
    let mut records = Vec::new();
    let mut chunks = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut f = Fields { parts: line.split('\t'), line: n + 1 };
        let kind = f.text()?;
        let time = f.float()?;
        if kind == "chunk" {
            let stream = match f.text()? {
                "out" => Stream::Stdout,
                "err" => Stream::Stderr,
                other => return Err(format!("line {}: unknown stream {other:?}", n + 1)),
            };
            chunks.push(Chunk { stream, text: f.string()?, time });
        } else {
            records.push(Record { time, event: decode_event(kind, &mut f)? });
        }
        f.end()?;
    }
    Ok((records, chunks))
}

fn encode_record(r: &Record, out: &mut String) {
    let mut w = Writer { out };
    match &r.event {
        Event::TaskCreated(boxed) => {
            let crate::record::NewTask { task, name, coro, args, parent, line, internal } = &**boxed;
            w.head("task", r.time).int(*task).text(name).text(coro).text(args).opt(*parent).int(*line).int(*internal as u8)
        }
        Event::StepStart { task } => w.head("start", r.time).int(*task),
        Event::StepEnd { task, line, stack, requeued } | Event::Step { task, line, stack, requeued } => {
            let kind = if matches!(r.event, Event::Step { .. }) { "step" } else { "end" };
            let frames = stack.as_deref().unwrap_or_default();
            let w = w.head(kind, r.time).int(*task).int(*line).int(*requeued).int(frames.len());
            frames.iter().fold(w, |w, frame| w.text(&frame.label).int(frame.line))
        }
        Event::Waiting { task, what, line, future } => w.head("wait", r.time).int(*task).text(what).int(*line).int(*future),
        Event::FutureDone { future } => w.head("future", r.time).int(*future),
        Event::TaskDone { task, outcome } => w.head("done", r.time).int(*task).text(outcome),
        Event::Scheduled { handle, callee } => w.head("soon", r.time).int(*handle).callee(callee),
        Event::TimerSet { handle, when, callee } => w.head("timer", r.time).int(*handle).float(*when).callee(callee),
        Event::HandleCancelled { handle } => w.head("cancel", r.time).int(*handle),
        Event::CancelRequested { task } => w.head("cancel-task", r.time).int(*task),
        Event::Queued { future, resource } => w.head("queued", r.time).int(*future).int(*resource),
        Event::HandleRun { handle } => w.head("run", r.time).int(*handle),
        Event::Blocked(b) => w.head("blocked", r.time).float(b.until).text(&b.reason).opt(b.task).int(b.line).int(b.in_loop as u8),
        Event::Unblocked => w.head("unblocked", r.time),
        Event::Callback { name, line } => w.head("callback", r.time).text(name).int(*line),
        Event::Gathering { future, children } => {
            let list: Vec<String> = children.iter().map(u64::to_string).collect();
            w.head("gathering", r.time).int(*future).text(&list.join(","))
        }
        Event::Resource(boxed) => {
            let crate::record::ResourceUse { id, kind, in_use, capacity, name } = &**boxed;
            w.head("resource", r.time).int(*id).text(kind).int(*in_use).int(*capacity).text(name.as_deref().unwrap_or(""))
        }
        Event::ExecutorSubmitted { future, call } => w.head("job-start", r.time).int(*future).text(call),
        Event::ExecutorJob { future, start, end } => w.head("job", r.time).int(*future).float(*start).float(*end),
        Event::Output { task, stream, text } => {
            let stream = if *stream == Stream::Stdout { "out" } else { "err" };
            w.head("output", r.time).opt(*task).text(stream).text(text)
        }
        Event::HttpStart(h) => w.head("http", r.time).int(h.id).opt(h.task).text(&h.method).text(&h.url),
        Event::HttpEnd { id, status, error } => w.head("http-end", r.time).int(*id).opt(*status).opt_text(error.as_deref()),
        Event::Iteration { due } => w.head("iteration", r.time).int(*due),
        Event::LoopCleared => w.head("loop-cleared", r.time),
        Event::DetailEnds => w.head("detail-ends", r.time),
        Event::Summary(boxed) => {
            let crate::record::Summary { events, tasks, steps, prints, requests } = &**boxed;
            w.head("summary", r.time).int(*events).int(*tasks).int(*steps).int(*prints).int(*requests)
        }
        Event::Finished { status } => w.head("finished", r.time).text(status),
    };
    out.push('\n');
}

fn decode_event(kind: &str, f: &mut Fields) -> Result<Event, String> {
    Ok(match kind {
        "task" => Event::TaskCreated(Box::new(NewTask {
            task: f.int()?,
            name: f.rc()?,
            coro: f.rc()?,
            args: f.rc()?,
            parent: f.opt()?,
            line: f.int()?,
            internal: f.int::<u8>()? != 0,
        })),
        "start" => Event::StepStart { task: f.int()? },
        "end" | "step" => {
            let (task, line, requeued, n) = (f.int()?, f.int()?, f.int()?, f.int::<usize>()?);
            let frames = (0..n).map(|_| Ok(StackFrame { label: f.rc()?, line: f.int()? })).collect::<Result<Vec<_>, String>>()?;
            let stack = (!frames.is_empty()).then(|| frames.into());
            if kind == "step" {
                Event::Step { task, line, stack, requeued }
            } else {
                Event::StepEnd { task, line, stack, requeued }
            }
        }
        "wait" => Event::Waiting { task: f.int()?, what: f.rc()?, line: f.int()?, future: f.int()? },
        "future" => Event::FutureDone { future: f.int()? },
        "done" => Event::TaskDone { task: f.int()?, outcome: f.one_of(&["done", "failed", "cancelled"])? },
        "soon" => Event::Scheduled { handle: f.int()?, callee: f.callee()? },
        "timer" => Event::TimerSet { handle: f.int()?, when: f.float()?, callee: Box::new(f.callee()?) },
        "cancel" => Event::HandleCancelled { handle: f.int()? },
        "cancel-task" => Event::CancelRequested { task: f.int()? },
        "queued" => Event::Queued { future: f.int()?, resource: f.int()? },
        "run" => Event::HandleRun { handle: f.int()? },
        "blocked" => Event::Blocked(Box::new(Blocking {
            until: f.float()?,
            reason: f.rc()?,
            task: f.opt()?,
            line: f.int()?,
            in_loop: f.int::<u8>()? != 0,
        })),
        "unblocked" => Event::Unblocked,
        "callback" => Event::Callback { name: f.rc()?, line: f.int()? },
        "gathering" => {
            let future = f.int()?;
            let line = f.line;
            let list = f.text()?;
            let children: Result<Vec<u64>, _> = list.split(',').filter(|c| !c.is_empty()).map(str::parse).collect();
            Event::Gathering { future, children: children.map_err(|_| format!("line {line}: not a list of numbers"))?.into() }
        }
        "resource" => Event::Resource(Box::new(ResourceUse {
            id: f.int()?,
            kind: f.rc()?,
            in_use: f.int()?,
            capacity: f.int()?,
            name: Some(f.rc()?).filter(|n: &Rc<str>| !n.is_empty()),
        })),
        "job-start" => Event::ExecutorSubmitted { future: f.int()?, call: f.rc()? },
        "job" => Event::ExecutorJob { future: f.int()?, start: f.float()?, end: f.float()? },
        "output" => {
            let task = f.opt()?;
            let stream = if f.one_of(&["out", "err"])? == "out" { Stream::Stdout } else { Stream::Stderr };
            Event::Output { task, stream, text: f.rc()? }
        }
        "http" => Event::HttpStart(Box::new(HttpStart { id: f.int()?, task: f.opt()?, method: f.rc()?, url: f.rc()? })),
        "http-end" => Event::HttpEnd { id: f.int()?, status: f.opt()?, error: f.opt_text()?.map(Rc::from) },
        "iteration" => Event::Iteration { due: f.int()? },
        "loop-cleared" => Event::LoopCleared,
        "detail-ends" => Event::DetailEnds,
        "summary" => {
            Event::Summary(Box::new(Summary { events: f.int()?, tasks: f.int()?, steps: f.int()?, prints: f.int()?, requests: f.int()? }))
        }
        "finished" => Event::Finished { status: f.one_of(&["done", "failed", "deadlock", "stopped"])? },
        other => return Err(format!("line {}: unknown record {other:?}", f.line)),
    })
}

struct Writer<'a> {
    out: &'a mut String,
}

impl Writer<'_> {
    fn head(&mut self, kind: &str, time: f64) -> &mut Self {
        let _ = write!(self.out, "{kind}\t{time}");
        self
    }
    fn int(&mut self, v: impl std::fmt::Display) -> &mut Self {
        let _ = write!(self.out, "\t{v}");
        self
    }
    fn float(&mut self, v: f64) -> &mut Self {
        self.int(v)
    }
    fn opt(&mut self, v: Option<impl std::fmt::Display>) -> &mut Self {
        match v {
            Some(v) => self.int(v),
            None => self.int("-"),
        }
    }
    fn text(&mut self, s: &str) -> &mut Self {
        self.out.push('\t');
        escape(s, self.out);
        self
    }
    fn callee(&mut self, c: &Callee) -> &mut Self {
        match c {
            Callee::Step { task } => self.text("step").int(*task),
            Callee::Wakeup { task, future } => self.text("wakeup").int(*task).int(*future),
            Callee::Call(c) => self.text("call").text(&c.name).opt(c.future),
        }
    }
    /// `-` for none, else `+` and the text.
    fn opt_text(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => {
                self.out.push_str("\t+");
                escape(s, self.out);
            }
            None => self.out.push_str("\t-"),
        }
        self
    }
}

/// Appends `s` as one field: `\`, tab, newline and carriage return escaped.
pub fn escape(s: &str, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// A field as `escape` wrote it, read back (None: a bad escape).
pub fn unescape(raw: &str) -> Option<String> {
    let mut s = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            s.push(c);
            continue;
        }
        s.push(match chars.next() {
            Some('\\') => '\\',
            Some('t') => '\t',
            Some('n') => '\n',
            Some('r') => '\r',
            _ => return None,
        });
    }
    Some(s)
}

struct Fields<'a> {
    parts: std::str::Split<'a, char>,
    line: usize,
}

impl<'a> Fields<'a> {
    fn text(&mut self) -> Result<&'a str, String> {
        self.parts.next().ok_or_else(|| format!("line {}: a field is missing", self.line))
    }
    fn string(&mut self) -> Result<String, String> {
        let line = self.line;
        unescape(self.text()?).ok_or_else(|| format!("line {line}: a bad escape"))
    }
    fn opt_text(&mut self) -> Result<Option<String>, String> {
        let s = self.string()?;
        match s.strip_prefix('+') {
            Some(text) => Ok(Some(text.to_string())),
            None if s == "-" => Ok(None),
            None => Err(format!("line {}: a bad optional text", self.line)),
        }
    }
    fn rc(&mut self) -> Result<Rc<str>, String> {
        self.string().map(Rc::from)
    }
    fn int<T: std::str::FromStr>(&mut self) -> Result<T, String> {
        let line = self.line;
        self.text()?.parse().map_err(|_| format!("line {line}: not a number"))
    }
    fn float(&mut self) -> Result<f64, String> {
        self.int()
    }
    fn opt<T: std::str::FromStr>(&mut self) -> Result<Option<T>, String> {
        let line = self.line;
        match self.text()? {
            "-" => Ok(None),
            s => s.parse().map(Some).map_err(|_| format!("line {line}: not a number")),
        }
    }
    fn callee(&mut self) -> Result<Callee, String> {
        Ok(match self.one_of(&["step", "wakeup", "call"])? {
            "step" => Callee::Step { task: self.int()? },
            "wakeup" => Callee::Wakeup { task: self.int()?, future: self.int()? },
            _ => Callee::Call(Rc::new(CallTarget { name: self.rc()?, future: self.opt()? })),
        })
    }
    fn one_of(&mut self, names: &[&'static str]) -> Result<&'static str, String> {
        let s = self.text()?;
        names.iter().copied().find(|n| *n == s).ok_or_else(|| format!("line {}: unexpected {s:?}", self.line))
    }
    fn end(&mut self) -> Result<(), String> {
        match self.parts.next() {
            None => Ok(()),
            Some(_) => Err(format!("line {}: extra fields", self.line)),
        }
    }
}
