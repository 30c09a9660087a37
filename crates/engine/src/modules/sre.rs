//! `_sre`'s native half: the matcher of CPython's `Modules/_sre/sre.c`, from the
//! `rustpython-sre_engine` crate (RustPython's port of it; version 0.4 runs CPython 3.12's
//! code, `SRE_MAGIC` 20221023). Pattern, Match and templates are Python (`lib/_sre.py`) and `re`
//! is CPython's own (`lib/re.py`, `lib/_re_*.py`), which compiles patterns to that code.
//!
//! Positions are characters for `str`, bytes for `bytes`. Everything is matched through the
//! crate's `str` driver (one copy of the matcher in the wasm: its byte driver would be a second,
//! ~14 KB): `bytes` become a string of the same length, byte b as U+00bb, which the code for a
//! bytes pattern (ASCII rules only) matches exactly as the bytes. A search loop keeps one
//! `State`, whose cursor only moves forward: a whole `findall` walks the text once.

use crate::modules::{new_module, Module};
use crate::types::args::{arity, as_int, Args, Kwargs};
use crate::types::class::builtin;
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use rustpython_sre_engine::{Request, State};
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

/// The request for `code` over `subject[pos..endpos]` (`length`: the subject's characters, counted
/// once by the caller rather than by the crate for every request).
fn request<'a>(subject: &'a str, length: usize, code: &'a [u32], pos: usize, endpos: usize, kind: i64) -> Request<'a, &'a str> {
    let end = endpos.min(length);
    Request { string: subject, start: pos.min(end), end, pattern_codes: code, match_all: kind == FULLMATCH, must_advance: false }
}

/// The marks of the match `state` holds: `(start, end, g1_start, g1_end, ..., lastindex)`, -1
/// where unset.
fn marks_of(state: &State, groups: usize) -> Vec<i64> {
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
    marks
}

/// One match attempt (`kind` 0 match at `pos`, 1 fullmatch, 2 search), as its marks.
fn attempt(subject: &str, code: &[u32], pos: usize, endpos: usize, kind: i64, must_advance: bool, groups: usize) -> Option<Vec<i64>> {
    let mut req = request(subject, subject.chars().count(), code, pos, endpos, kind);
    req.must_advance = must_advance;
    let mut state = State::default();
    let found = if kind == SEARCH { state.search(req) } else { state.pymatch(&req) };
    found.then(|| marks_of(&state, groups))
}

/// sre.c's search loop (findall, finditer, sub, split): each match, the next search starting
/// where it ended, and required to move on where the match was empty. At most `limit` (0: all).
fn attempts(subject: &str, code: &[u32], mut pos: usize, endpos: usize, limit: usize, groups: usize) -> Vec<Vec<i64>> {
    let length = subject.chars().count();
    let mut state = State::default();
    let mut out = vec![];
    let mut must_advance = false;
    while pos <= endpos.min(length) && (limit == 0 || out.len() < limit) {
        let mut req = request(subject, length, code, pos, endpos, SEARCH);
        req.must_advance = must_advance;
        state.reset(&req, req.start);
        if !state.search(req) {
            break;
        }
        let marks = marks_of(&state, groups);
        must_advance = marks[0] == marks[1];
        pos = marks[1] as usize;
        out.push(marks);
    }
    out
}

fn marks_value(marks: Vec<i64>) -> Value {
    Value::tuple(marks.into_iter().map(Value::Int).collect())
}

/// The text to match: a `str` as it is, `bytes` as the string of their latin-1 characters.
fn subject<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<std::borrow::Cow<'a, str>> {
    match v {
        Value::Str(s) => Ok(std::borrow::Cow::Borrowed(s)),
        _ => match crate::types::buffer::bytes_like(vm, v)? {
            Some(b) => Ok(std::borrow::Cow::Owned(b.iter().map(|&c| c as char).collect())),
            None => vm.type_error("expected string or bytes-like object"),
        },
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
    let text = subject(vm, &args[1])?;
    let found = attempt(&text, &code, pos, endpos, kind, must_advance, groups);
    Ok(found.map_or(Value::None, marks_value))
}

/// Byte offsets of character positions in `text`, found in O(1) after one pass (slicing a long
/// string by characters from Python would walk it for every match).
struct Offsets<'a> {
    text: &'a str,
    bytes: Option<Vec<usize>>,
}

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = (!text.is_ascii()).then(|| text.char_indices().map(|(b, _)| b).chain([text.len()]).collect());
        Offsets { text, bytes }
    }
    fn byte(&self, char_pos: i64) -> usize {
        let i = char_pos.max(0) as usize;
        self.bytes.as_ref().map_or(i.min(self.text.len()), |b| b[i.min(b.len() - 1)])
    }
    /// `text[from:to]` in characters, as the subject's type (bytes back from latin-1).
    fn slice(&self, from: i64, to: i64, bytes: bool) -> Value {
        let part = &self.text[self.byte(from)..self.byte(to).max(self.byte(from))];
        if bytes {
            Value::obj(Obj::Bytes(part.chars().map(|c| c as u8).collect()))
        } else {
            Value::str(part)
        }
    }
}

/// `_search_all(code, string, pos, endpos, limit, groups)`: every match of the search loop, as
/// `(matches, tail)`: each match `(marks, groups' texts, the text before it since the last)`
/// (an unset group's text is None), and the text after the last match to `endpos`.
fn search_all(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 6, 6, "_search_all")?;
    let code = code_of(vm, &args[0])?;
    let (pos, endpos) = (usize_arg(vm, &args[2])?, usize_arg(vm, &args[3])?);
    let limit = usize_arg(vm, &args[4])?;
    let groups = usize_arg(vm, &args[5])?;
    let is_bytes = !matches!(args[1], Value::Str(_));
    let text = subject(vm, &args[1])?;
    let offsets = Offsets::new(&text);
    let mut last = pos as i64;
    let mut matches = vec![];
    for marks in attempts(&text, &code, pos, endpos, limit, groups) {
        let texts: Vec<Value> = (0..=groups)
            .map(|g| {
                let (from, to) = (marks[2 * g], marks[2 * g + 1]);
                if from < 0 || to < 0 {
                    Value::None
                } else {
                    offsets.slice(from, to, is_bytes)
                }
            })
            .collect();
        let before = offsets.slice(last, marks[0], is_bytes);
        last = marks[1];
        matches.push(Value::tuple(vec![marks_value(marks), Value::tuple(texts), before]));
    }
    let end = (endpos.min(text.chars().count())) as i64;
    let tail = offsets.slice(last, end.max(last), is_bytes);
    Ok(Value::tuple(vec![Value::list(matches), tail]))
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
