//! An uncaught exception's report as CPython prints it: chained causes and contexts, the
//! program's own frames with their caret lines, repeated frames counted, and exception groups
//! (`TaskGroup`'s errors) drawn in CPython's nested boxes with every sub-exception inside.
//! Ported from CPython's `traceback.TracebackException.format`; the conformance suite compares
//! the result with python3's.

use crate::types::exceptions::{exc_args, format_exception_only, is_instance_of, with_data};
use crate::types::value::{Obj, TracebackEntry, Value};
use crate::vm::Vm;

/// Frames shown before a run of identical ones is counted instead (CPython's TB_RECURSIVE_CUTOFF).
const RECURSIVE_CUTOFF: usize = 3;

/// Sub-exceptions shown per group, and groups shown nested, as CPython's defaults.
const MAX_GROUP_WIDTH: usize = 15;

const MAX_GROUP_DEPTH: usize = 10;

const CAUSE_MESSAGE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";

const CONTEXT_MESSAGE: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// The whole report of `exc`.
pub fn format_traceback(vm: &mut Vm, exc: &Value) -> String {
    format_parts(vm, exc, &Options::default()).concat()
}

/// What `traceback.format_exception` is given besides the exception: the traceback to show for
/// it (another than its own, or `Some(None)` for none), how many frames (`limit`, CPython's:
/// the outermost n, or the innermost -n), and whether to follow its chain.
pub struct Options {
    pub traceback: Option<Option<Vec<TracebackEntry>>>,
    pub limit: Option<i64>,
    pub chain: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { traceback: None, limit: None, chain: true }
    }
}

/// The report of `exc` in the pieces CPython's `TracebackException.format` yields them:
/// a heading, each frame, each line of the exception, each chaining message.
pub fn format_parts(vm: &mut Vm, exc: &Value, options: &Options) -> Vec<String> {
    let mut printer = Printer { parts: Vec::new(), group_depth: 0, need_close: false, seen: Vec::new(), options, top: Some(exc.clone()) };
    printer.exception(vm, exc);
    printer.parts
}

/// What `sys.unraisablehook` prints after "Exception ignored in": the traceback and the
/// exception, without its chain.
pub fn format_unraisable(vm: &mut Vm, exc: &Value) -> String {
    let entries = crate::types::exceptions::traceback(exc);
    let stack = stack_parts(vm, &entries, None).map(|s| format!("Traceback (most recent call last):\n{}", s.concat())).unwrap_or_default();
    format!("{stack}{}\n", format_exception_only(vm, exc))
}

pub fn has_traceback(exc: &Value) -> bool {
    with_data(exc, |d| !d.traceback.is_empty()).unwrap_or(false)
}

struct Printer<'a> {
    parts: Vec<String>,
    /// How deep inside exception groups the text being written is.
    group_depth: usize,
    /// The last sub-exception of a group still owes the group's closing line.
    need_close: bool,
    /// Exceptions already printed: a chain that loops back stops there.
    seen: Vec<Value>,
    options: &'a Options,
    /// The exception asked for, whose traceback `options` may replace.
    top: Option<Value>,
}

impl Printer<'_> {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// Adds `text` as one piece, every line behind the group margin (`margin` and a space)
    /// when inside one.
    fn emit(&mut self, text: &str, margin: char) {
        let prefix = if self.group_depth > 0 { format!("{}{margin} ", self.indent()) } else { String::new() };
        let mut part = String::new();
        for line in text.split_inclusive('\n') {
            part.push_str(&prefix);
            part.push_str(line);
        }
        self.parts.push(part);
    }

    fn emit_each(&mut self, texts: &[String], margin: char) {
        for text in texts {
            self.emit(text, margin);
        }
    }

    /// The frames `e` passed through, as pieces (None: it has no traceback).
    fn stack(&mut self, vm: &Vm, e: &Value) -> Option<Vec<String>> {
        let entries = match (&self.options.traceback, &self.top) {
            (Some(given), Some(top)) if top.is(e) => given.clone().unwrap_or_default(),
            _ => crate::types::exceptions::traceback(e),
        };
        stack_parts(vm, &entries, self.options.limit)
    }

    fn exception(&mut self, vm: &mut Vm, exc: &Value) {
        // The chain, newest first: each exception with the message that introduces the next.
        let mut chain: Vec<(Option<&str>, Value)> = Vec::new();
        let mut current = Some(exc.clone());
        while let Some(e) = current.take() {
            self.seen.push(e.clone());
            let data = with_data(&e, |d| (d.cause.clone(), d.context.clone(), d.suppress_context)).unwrap_or((None, None, false));
            let (message, next) = match data {
                _ if !self.options.chain => (None, None),
                (Some(cause), _, _) => (Some(CAUSE_MESSAGE), Some(cause)),
                (None, Some(context), false) => (Some(CONTEXT_MESSAGE), Some(context)),
                _ => (None, None),
            };
            let next = next.filter(|n| !self.seen.iter().any(|s| s.is(n)));
            chain.push((if next.is_some() { message } else { None }, e));
            current = next;
        }
        for (message, e) in chain.into_iter().rev() {
            if let Some(message) = message {
                self.emit(message, '|');
            }
            match group_members(vm, &e) {
                None => {
                    if let Some(stack) = self.stack(vm, &e) {
                        self.emit("Traceback (most recent call last):\n", '|');
                        self.emit_each(&stack, '|');
                    }
                    let only = exception_only_lines(vm, &e);
                    self.emit_each(&only, '|');
                }
                Some(_) if self.group_depth > MAX_GROUP_DEPTH => {
                    self.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
                }
                Some(members) => self.group(vm, &e, &members),
            }
        }
    }

    fn group(&mut self, vm: &mut Vm, group: &Value, members: &[Value]) {
        let top_level = self.group_depth == 0;
        if top_level {
            self.group_depth += 1;
        }
        if let Some(stack) = self.stack(vm, group) {
            self.emit("Exception Group Traceback (most recent call last):\n", if top_level { '+' } else { '|' });
            self.emit_each(&stack, '|');
        }
        let only = exception_only_lines(vm, group);
        self.emit_each(&only, '|');
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for i in 0..shown {
            let last = i == shown - 1;
            if last {
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let opening = if i == 0 { "+-" } else { "  " };
            self.parts.push(format!("{}{opening}+---------------- {title} ----------------\n", self.indent()));
            self.group_depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                self.emit(&format!("and {remaining} more exception{}\n", if remaining > 1 { "s" } else { "" }), '|');
            } else {
                self.exception(vm, &members[i]);
            }
            if last && self.need_close {
                self.parts.push(format!("{}+------------------------------------\n", self.indent()));
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if top_level {
            self.group_depth = 0;
        }
    }
}

/// "Type: message", then each line of its notes: the exception's last lines.
pub fn exception_only_lines(vm: &mut Vm, e: &Value) -> Vec<String> {
    let mut lines = vec![format_exception_only(vm, e) + "\n"];
    lines.extend(notes_text(vm, e).split_inclusive('\n').map(String::from));
    lines
}

/// The sub-exceptions of an exception group; `None` for any other exception.
pub(crate) fn group_members(vm: &Vm, exc: &Value) -> Option<Vec<Value>> {
    if !is_instance_of(exc, &vm.types.exc("BaseExceptionGroup")) {
        return None;
    }
    Some(exc_args(exc).get(1).map(crate::vm::tuple_items).unwrap_or_default())
}

/// The frames an exception passed through, outermost first, as `File ...` lines with their
/// source and caret lines, a piece per frame. Frames of Awaitlab's own Python (asyncio's
/// internals) are left out: learners see theirs. `limit` keeps the outermost n frames (or the
/// innermost -n). `None` when the exception has no traceback at all.
fn stack_parts(vm: &Vm, entries: &[TracebackEntry], limit: Option<i64>) -> Option<Vec<String>> {
    if entries.is_empty() {
        return None;
    }
    let mut frames: Vec<&TracebackEntry> = entries.iter().filter(|e| !e.filename().starts_with('<')).collect();
    match limit {
        Some(n) if n >= 0 => frames.truncate(n as usize),
        Some(n) => {
            let keep = (n.unsigned_abs() as usize).min(frames.len());
            frames.drain(..frames.len() - keep);
        }
        None => {}
    }
    let mut out = Vec::new();
    // As CPython: a frame repeating the one before (same file, line and function) is shown
    // three times, then counted.
    let mut repeats = 0;
    for (i, e) in frames.iter().enumerate() {
        let same_as_previous = i > 0 && {
            let p = frames[i - 1];
            p.filename() == e.filename() && p.line == e.line && p.name() == e.name()
        };
        if !same_as_previous {
            out.extend(repeated_line(repeats));
            repeats = 0;
        }
        repeats += 1;
        if repeats > RECURSIVE_CUTOFF {
            continue;
        }
        let mut frame = format!("  File \"{}\", line {}, in {}\n", e.filename(), e.line, e.name());
        if **e.filename() == *vm.filename {
            if let Some(src) = vm.source_lines.get(e.line as usize - 1) {
                let place = crate::report::carets::Place { line: e.line, col: e.col, end_line: e.end_line, end_col: e.end_col };
                frame.push_str(&crate::report::carets::frame_lines(src, place));
            }
        }
        out.push(frame);
    }
    out.extend(repeated_line(repeats));
    Some(out)
}

/// CPython's `[Previous line repeated N more times]` after a run of `count` identical frames.
fn repeated_line(count: usize) -> Option<String> {
    if count <= RECURSIVE_CUTOFF {
        return None;
    }
    let more = count - RECURSIVE_CUTOFF;
    Some(format!("  [Previous line repeated {more} more time{}]\n", if more > 1 { "s" } else { "" }))
}

/// The exception's notes (`add_note`), a line each after its message, as CPython prints them.
fn notes_text(vm: &mut Vm, e: &Value) -> String {
    let Some(notes) = crate::types::exceptions::notes(e) else { return String::new() };
    let items = match &notes {
        Value::Obj(o) if matches!(&**o, Obj::List(_) | Obj::Tuple(_)) => crate::vm::tuple_items(&notes),
        other => {
            let shown = vm.repr(other).map(|r| r.to_string()).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            return shown + "\n";
        }
    };
    let mut out = String::new();
    for note in items {
        match &note {
            Value::Str(s) => out.push_str(s),
            other => out.push_str(&vm.repr(other).map(|r| r.to_string()).unwrap_or_else(|_| "<note repr() failed>".into())),
        }
        out.push('\n');
    }
    out
}
