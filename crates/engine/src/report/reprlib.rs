//! `reprlib.repr`: the shortened repr asyncio shows a future's result with (Lib/reprlib.py's
//! default limits: six items of a list, tuple or set, four of a dict, thirty characters of a
//! string or another object's repr, forty digits of an int, six levels deep).

use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

const FILL: &str = "...";

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    repr1(vm, v, 6)
}

fn shorten(s: String, max: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= max {
        return s;
    }
    let i = (max - 3) / 2;
    let j = max - 3 - i;
    let head: String = chars[..i].iter().collect();
    let tail: String = chars[chars.len() - j..].iter().collect();
    format!("{head}{FILL}{tail}")
}

fn iterable(vm: &mut Vm, items: &[Value], level: usize, left: &str, right: &str, max: usize, trail: &str) -> PyResult<String> {
    let n = items.len();
    let mut right = right.to_string();
    let body = if level == 0 && n > 0 {
        FILL.to_string()
    } else {
        let mut pieces = Vec::new();
        for it in items.iter().take(max) {
            pieces.push(repr1(vm, it, level.saturating_sub(1))?);
        }
        if n > max {
            pieces.push(FILL.into());
        }
        if n == 1 && !trail.is_empty() {
            right = format!("{trail}{right}");
        }
        pieces.join(", ")
    };
    Ok(format!("{left}{body}{right}"))
}

/// `sorted(x)`, or `list(x)` when its items do not sort.
fn possibly_sorted(vm: &mut Vm, mut items: Vec<Value>) -> Vec<Value> {
    let original = items.clone();
    match crate::types::list::sort_values(vm, &mut items, None, false) {
        Ok(()) => items,
        Err(_) => original,
    }
}

fn repr1(vm: &mut Vm, v: &Value, level: usize) -> PyResult<String> {
    match v {
        Value::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let first: String = chars.iter().take(30).collect();
            let r = awaitlab_syntax::literal::str_repr(&first);
            if r.chars().count() <= 30 {
                return Ok(r);
            }
            let (i, j) = (13, 14);
            let cut: String = chars[..i.min(chars.len())].iter().chain(chars[chars.len().saturating_sub(j)..].iter()).collect();
            let r: Vec<char> = awaitlab_syntax::literal::str_repr(&cut).chars().collect();
            let head: String = r[..i.min(r.len())].iter().collect();
            let tail: String = r[r.len().saturating_sub(j)..].iter().collect();
            Ok(format!("{head}{FILL}{tail}"))
        }
        Value::Int(_) | Value::Big(_) => Ok(shorten(vm.repr(v)?.to_string(), 40)),
        Value::Obj(o) => match &**o {
            Obj::Tuple(items) => iterable(vm, &items.clone(), level, "(", ")", 6, ","),
            Obj::List(l) => {
                let items = l.borrow().clone();
                iterable(vm, &items, level, "[", "]", 6, "")
            }
            Obj::Set(s) => {
                let items: Vec<Value> = s.borrow().iter().map(|k| k.value.clone()).collect();
                if items.is_empty() {
                    return Ok("set()".into());
                }
                let items = possibly_sorted(vm, items);
                iterable(vm, &items, level, "{", "}", 6, "")
            }
            Obj::FrozenSet(s) => {
                let items: Vec<Value> = s.iter().map(|k| k.value.clone()).collect();
                if items.is_empty() {
                    return Ok("frozenset()".into());
                }
                let items = possibly_sorted(vm, items);
                iterable(vm, &items, level, "frozenset({", "})", 6, "")
            }
            Obj::Deque(d, _) => {
                let items: Vec<Value> = d.borrow().iter().cloned().collect();
                iterable(vm, &items, level, "deque([", "])", 6, "")
            }
            Obj::Dict(d) => {
                let pairs: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.value.clone(), v.clone())).collect();
                if pairs.is_empty() {
                    return Ok("{}".into());
                }
                if level == 0 {
                    return Ok(format!("{{{FILL}}}"));
                }
                let keys = possibly_sorted(vm, pairs.iter().map(|(k, _)| k.clone()).collect());
                let mut pieces = Vec::new();
                for k in keys.iter().take(4) {
                    let val = pairs
                        .iter()
                        .find(|(x, _)| x.is(k) || crate::vm::ops::keys_equal(x, k))
                        .map(|(_, v)| v.clone())
                        .unwrap_or(Value::None);
                    pieces.push(format!("{}: {}", repr1(vm, k, level - 1)?, repr1(vm, &val, level - 1)?));
                }
                if pairs.len() > 4 {
                    pieces.push(FILL.into());
                }
                Ok(format!("{{{}}}", pieces.join(", ")))
            }
            _ => Ok(shorten(vm.repr(v)?.to_string(), 30)),
        },
        _ => Ok(shorten(vm.repr(v)?.to_string(), 30)),
    }
}
