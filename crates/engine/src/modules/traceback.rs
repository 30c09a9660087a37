//! `_traceback`: the report of an exception as CPython's traceback module formats it (the
//! engine's own `report/tracebacks.rs`, which prints uncaught exceptions), a frame's source and
//! caret lines (`report/carets.rs`), the types of frames, tracebacks and code, and the
//! program's source, for `lib/traceback.py`, `lib/inspect.py` and `lib/linecache.py`.

use crate::modules::{funcs, new_module, Module};
use crate::report::tracebacks::Options;
use crate::types::args::{arity, as_int, as_str, Args, Kwargs};
use crate::types::value::Value;
use crate::vm::{PyResult, Vm};

/// `format(exc, tb, limit, chain)`: "Traceback (most recent call last):", the frames of `tb`
/// (a traceback object, or None), the chain, and the exception's lines, in the pieces CPython's
/// `TracebackException.format` yields.
fn format(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 4, 4, "format")?;
    let traceback = match &args[1] {
        Value::None => None,
        tb => Some(crate::types::frame::entries_from(tb)),
    };
    let limit = match &args[2] {
        Value::None => None,
        n => Some(as_int(vm, n)?),
    };
    let chain = vm.truthy(&args[3])?;
    let options = Options { traceback: Some(traceback), limit, chain };
    let parts = crate::report::tracebacks::format_parts(vm, &args[0], &options);
    Ok(Value::list(parts.iter().map(|p| Value::str(p)).collect()))
}

/// `format_only(exc)`: its last lines, "Type: message" (with CPython's suggestions) and its notes.
fn format_only(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "format_only")?;
    let lines = crate::report::tracebacks::exception_only_lines(vm, &args[0]);
    Ok(Value::list(lines.iter().map(|l| Value::str(l)).collect()))
}

/// `frame_lines(line, lineno, colno, end_lineno, end_colno)`: a frame's source line without its
/// indentation, and under it the `^~` line where CPython prints one (columns in characters).
fn frame_lines(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 5, 5, "frame_lines")?;
    let line = as_str(vm, &args[0])?;
    let mut numbers = [0u32; 4];
    for (slot, v) in numbers.iter_mut().zip(&args[1..]) {
        *slot = as_int(vm, v)?.max(0) as u32;
    }
    let [line_number, col, end_line, end_col] = numbers;
    let place = crate::report::carets::Place { line: line_number, col, end_line, end_col };
    Ok(Value::str(&crate::report::carets::frame_lines(&line, place)))
}

/// `positions(frame_or_tb)`: (lineno, end_lineno, colno, end_colno) of where it points, the
/// columns in characters (what `co_positions()` gives CPython's traceback module).
fn positions(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "positions")?;
    Ok(match crate::types::frame::positions(&args[0]) {
        Some((line, end_line, col, end_col)) => {
            let n = |v: u32| Value::Int(v as i64);
            Value::tuple(vec![n(line), n(end_line), n(col), n(end_col)])
        }
        None => Value::tuple(vec![Value::None; 4]),
    })
}

/// `program_lines(filename)`: the program's lines, each with its newline, when `filename` is
/// the program's name (its one file: there is no file system in the page); else None. What
/// `lib/linecache.py` reads.
fn program_lines(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "program_lines")?;
    match &args[0] {
        Value::Str(name) if **name == *vm.filename => {
            Ok(Value::list(vm.source_lines.iter().map(|l| Value::str(&format!("{l}\n"))).collect()))
        }
        _ => Ok(Value::None),
    }
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    let mut items = funcs(&[
        ("format", format),
        ("format_only", format_only),
        ("frame_lines", frame_lines),
        ("positions", positions),
        ("program_lines", program_lines),
    ]);
    items.push(("TracebackType", Value::Obj(vm.types.traceback.clone())));
    items.push(("FrameType", Value::Obj(vm.types.frame.clone())));
    items.push(("CodeType", Value::Obj(vm.types.code.clone())));
    Ok(new_module(module.name, items).0)
}
