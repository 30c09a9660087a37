//! `_sre`'s native half: the matcher of CPython's `Modules/_sre/sre.c`, from the
//! `rustpython-sre_engine` crate (RustPython's port of it; version 0.4 runs CPython 3.12's
//! code, `SRE_MAGIC` 20221023). Pattern, Match and templates are Python (`lib/_sre.py`) and `re`
//! is CPython's own (`lib/re.py`, `lib/_re_*.py`), which compiles patterns to that code.
//!
//! Positions are characters for `str`, bytes for `bytes`. An ASCII `str` is matched as its bytes
//! (the same characters, and the crate's byte driver finds a position without walking the text).

use crate::modules::{new_module, Module};
use crate::types::args::{arity, as_int, Args, Kwargs};
use crate::types::class::builtin;
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use rustpython_sre_engine::{Request, State, StrDrive};
use std::rc::Rc;

// `kind`: 0 match (at `pos`), 1 fullmatch, 2 search.
const FULLMATCH: i64 = 1;
const SEARCH: i64 = 2;

/// A pattern's compiled code, as `lib/_sre.py` keeps it (a tuple of ints).
fn code_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u32>> {
    let Value::Obj(o) = v else { return vm.type_error("_sre: code must be a tuple") };
    let Obj::Tuple(items) = &**o else { return vm.type_error("_sre: code must be a tuple") };
    items.iter().map(|i| as_int(vm, i).map(|n| n as u32)).collect()
}

/// One match attempt: `(start, end, g1_start, g1_end, ..., lastindex)`, -1 where unset.
fn attempt<S: StrDrive>(
    subject: S,
    code: &[u32],
    pos: usize,
    endpos: usize,
    kind: i64,
    must_advance: bool,
    groups: usize,
) -> Option<Vec<i64>> {
    let mut request = Request::new(subject, pos, endpos, code, kind == FULLMATCH);
    request.must_advance = must_advance;
    let mut state = State::default();
    let found = if kind == SEARCH { state.search(request) } else { state.pymatch(&request) };
    if !found {
        return None;
    }
    let mut marks = Vec::with_capacity(2 * groups + 3);
    marks.push(state.start as i64);
    marks.push(state.cursor.position as i64);
    for group in 0..groups {
        let (start, end) = state.marks.get(group);
        match (start.into_option(), end.into_option()) {
            (Some(s), Some(e)) => {
                marks.push(s as i64);
                marks.push(e as i64);
            }
            _ => marks.extend([-1, -1]),
        }
    }
    marks.push(state.marks.last_index() as i64);
    Some(marks)
}

/// sre.c's search loop (findall, finditer, sub, split): each match, the next search starting
/// where it ended, and required to move on where the match was empty. At most `limit` (0: all).
fn attempts<S: StrDrive>(subject: S, code: &[u32], mut pos: usize, endpos: usize, limit: usize, groups: usize) -> Vec<Vec<i64>> {
    let mut out = vec![];
    let mut must_advance = false;
    while pos <= endpos && (limit == 0 || out.len() < limit) {
        let Some(marks) = attempt(subject, code, pos, endpos, SEARCH, must_advance, groups) else { break };
        must_advance = marks[0] == marks[1];
        pos = marks[1] as usize;
        out.push(marks);
    }
    out
}

fn marks_value(marks: Vec<i64>) -> Value {
    Value::tuple(marks.into_iter().map(Value::Int).collect())
}

enum Driver<'a> {
    Bytes(&'a [u8]),
    Text(&'a str),
}

fn driver<'a>(vm: &mut Vm, subject: &'a Value) -> PyResult<Driver<'a>> {
    match subject {
        Value::Str(s) if s.is_ascii() => Ok(Driver::Bytes(s.as_bytes())),
        Value::Str(s) => Ok(Driver::Text(s)),
        Value::Obj(o) => match &**o {
            Obj::Bytes(b) => Ok(Driver::Bytes(b)),
            _ => vm.type_error("expected string or bytes-like object"),
        },
        _ => vm.type_error("expected string or bytes-like object"),
    }
}

fn usize_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(as_int(vm, v)?.max(0) as usize)
}

/// `_search(code, string, pos, endpos, kind, must_advance, groups)`: one match (`kind` 0
/// match, 1 fullmatch, 2 search) as its marks, or None.
fn search(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 7, 7, "_search")?;
    let code = code_of(vm, &args[0])?;
    let (pos, endpos) = (usize_arg(vm, &args[2])?, usize_arg(vm, &args[3])?);
    let kind = as_int(vm, &args[4])?;
    let must_advance = vm.truthy(&args[5])?;
    let groups = usize_arg(vm, &args[6])?;
    let found = match driver(vm, &args[1])? {
        Driver::Bytes(b) => attempt(b, &code, pos, endpos, kind, must_advance, groups),
        Driver::Text(s) => attempt(s, &code, pos, endpos, kind, must_advance, groups),
    };
    Ok(found.map_or(Value::None, marks_value))
}

/// `_search_all(code, string, pos, endpos, limit, groups)`: every match of the search loop, as
/// a list of marks.
fn search_all(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 6, 6, "_search_all")?;
    let code = code_of(vm, &args[0])?;
    let (pos, endpos) = (usize_arg(vm, &args[2])?, usize_arg(vm, &args[3])?);
    let limit = usize_arg(vm, &args[4])?;
    let groups = usize_arg(vm, &args[5])?;
    let all = match driver(vm, &args[1])? {
        Driver::Bytes(b) => attempts(b, &code, pos, endpos, limit, groups),
        Driver::Text(s) => attempts(s, &code, pos, endpos, limit, groups),
    };
    Ok(Value::list(all.into_iter().map(marks_value).collect()))
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    let (m, ns) = new_module(
        module.name,
        vec![
            ("MAGIC", Value::Int(rustpython_sre_engine::constants::SRE_MAGIC as i64)),
            ("CODESIZE", Value::Int(rustpython_sre_engine::CODESIZE as i64)),
            ("MAXREPEAT", Value::Int(u32::MAX as i64)),
            ("MAXGROUPS", Value::Int((u32::MAX / 4) as i64)),
        ],
    );
    ns.borrow_mut().insert(Rc::from("_search"), builtin("_search", search));
    ns.borrow_mut().insert(Rc::from("_search_all"), builtin("_search_all", search_all));
    super::run_python(vm, module, &ns)?;
    Ok(m)
}
