//! `str` methods, `str.format` and `%`-formatting, with CPython's case mappings and messages.

use crate::types::args::{arg, as_int, as_str, kwarg, Args, Kwargs};
use crate::types::class::{set_method, Types};
use crate::types::repr::ascii_of;
use crate::types::value::NativeFn;
use crate::types::value::{Obj, Value};
use crate::vm::ops::{to_big, to_f64};
use crate::vm::{tuple_items, PyResult, Vm};
use std::rc::Rc;

pub(crate) fn this_str(vm: &mut Vm, args: &Args) -> PyResult<Rc<str>> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => vm.type_error("descriptor requires a 'str' object"),
    }
}

fn strip_chars(args: &Args) -> Option<Vec<char>> {
    match args.get(1) {
        Some(Value::Str(c)) => Some(c.chars().collect()),
        _ => None,
    }
}

macro_rules! str_method {
    ($name:ident, |$vm:ident, $s:ident, $args:ident| $body:expr) => {
        fn $name($vm: &mut Vm, $args: Args, _kw: Kwargs) -> PyResult {
            let $s = this_str($vm, &$args)?;
            $body
        }
    };
}

str_method!(upper, |vm, s, _a| Ok(Value::str(&s.to_uppercase())));

str_method!(lower, |vm, s, _a| Ok(Value::str(&s.to_lowercase())));

str_method!(casefold, |vm, s, _a| Ok(Value::str(&fold_case(&s))));

str_method!(swapcase, |vm, s, _a| Ok(Value::str(
    &s.chars().map(|c| if c.is_uppercase() { c.to_lowercase().to_string() } else { c.to_uppercase().to_string() }).collect::<String>()
)));

str_method!(strip, |vm, s, a| Ok(Value::str(match strip_chars(&a) {
    Some(cs) => s.trim_matches(|c| cs.contains(&c)),
    None => s.trim(),
})));

str_method!(lstrip, |vm, s, a| Ok(Value::str(match strip_chars(&a) {
    Some(cs) => s.trim_start_matches(|c| cs.contains(&c)),
    None => s.trim_start(),
})));

str_method!(rstrip, |vm, s, a| Ok(Value::str(match strip_chars(&a) {
    Some(cs) => s.trim_end_matches(|c| cs.contains(&c)),
    None => s.trim_end(),
})));

str_method!(isdigit, |vm, s, _a| Ok(Value::Bool(!s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))));

str_method!(isprintable, |vm, s, _a| Ok(Value::Bool(s.chars().all(awaitlab_syntax::literal::is_printable))));

str_method!(isalpha, |vm, s, _a| Ok(Value::Bool(!s.is_empty() && s.chars().all(char::is_alphabetic))));
str_method!(isascii, |vm, s, _a| Ok(Value::Bool(s.is_ascii())));

str_method!(isalnum, |vm, s, _a| Ok(Value::Bool(!s.is_empty() && s.chars().all(char::is_alphanumeric))));

str_method!(isspace, |vm, s, _a| Ok(Value::Bool(!s.is_empty() && s.chars().all(char::is_whitespace))));

str_method!(isupper, |vm, s, _a| Ok(Value::Bool(s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase))));

str_method!(islower, |vm, s, _a| Ok(Value::Bool(s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase))));

str_method!(isidentifier, |vm, s, _a| Ok(Value::Bool(
    !s.is_empty() && !s.starts_with(|c: char| c.is_ascii_digit()) && s.chars().all(|c| c == '_' || c.is_alphanumeric())
)));

/// A character's title case: its upper case but for the letters whose first-of-word form
/// differs (the sharp s, ligatures, the digraphs).
fn titlecase(c: char, out: &mut String) {
    match c {
        'ß' => out.push_str("Ss"),
        'ﬀ' => out.push_str("Ff"),
        'ﬁ' => out.push_str("Fi"),
        'ﬂ' => out.push_str("Fl"),
        'ﬃ' => out.push_str("Ffi"),
        'ﬄ' => out.push_str("Ffl"),
        'ﬅ' | 'ﬆ' => out.push_str("St"),
        'Ǆ' | 'ǅ' | 'ǆ' => out.push('ǅ'),
        'Ǉ' | 'ǈ' | 'ǉ' => out.push('ǈ'),
        'Ǌ' | 'ǋ' | 'ǌ' => out.push('ǋ'),
        'Ǳ' | 'ǲ' | 'ǳ' => out.push('ǲ'),
        c => out.extend(c.to_uppercase()),
    }
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

str_method!(capitalize, |vm, s, _a| {
    let mut cs = s.chars();
    let mut out = String::with_capacity(s.len());
    if let Some(first) = cs.next() {
        titlecase(first, &mut out);
        out.push_str(&cs.as_str().to_lowercase());
    }
    Ok(Value::str(&out))
});

str_method!(title, |vm, s, _a| {
    // As CPython: a character after a cased one is lowered, any other is title-cased.
    let mut out = String::new();
    let mut prev_cased = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if prev_cased && c == 'Σ' {
            // A capital sigma that ends a word lowers to the final form.
            out.push(if chars.peek().is_some_and(|n| is_cased(*n)) { 'σ' } else { 'ς' });
        } else if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            titlecase(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    Ok(Value::str(&out))
});

str_method!(istitle, |vm, s, _a| {
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ') {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
});

str_method!(encode, |vm, s, _a| Ok(Value::obj(Obj::Bytes(s.as_bytes().to_vec()))));

pub(crate) fn expandtabs(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let size = match args.get(1) {
        Some(n) => as_int(vm, n)?.max(0) as usize,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                let n = if size == 0 { 0 } else { size - col % size };
                out.push_str(&" ".repeat(n));
                col += n;
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::str(&out))
}

/// `str.splitlines(keepends=False)`: at every line boundary Python knows, `\r\n` as one.
pub(crate) fn splitlines(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let keep = match args.get(1).cloned().or_else(|| kwarg(&kwargs, "keepends")) {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|(_, n)| *n == '\n') {
            chars.next();
            end += 1;
        }
        lines.push(Value::str(&s[start..if keep { end } else { i }]));
        start = end;
    }
    if start < s.len() {
        lines.push(Value::str(&s[start..]));
    }
    Ok(Value::list(lines))
}

fn split_impl(vm: &mut Vm, args: Args, kwargs: Kwargs, right: bool) -> PyResult {
    let s = this_str(vm, &args)?;
    let sep = args.get(1).cloned().or_else(|| kwarg(&kwargs, "sep")).filter(|v| !v.is_none());
    let maxsplit = match args.get(2).cloned().or_else(|| kwarg(&kwargs, "maxsplit")) {
        Some(m) => as_int(vm, &m)?,
        None => -1,
    };
    let parts: Vec<String> = match sep {
        None => {
            let words: Vec<&str> = s.split_whitespace().collect();
            if maxsplit < 0 || words.len() <= maxsplit as usize + 1 {
                words.into_iter().map(String::from).collect()
            } else if !right {
                let mut out: Vec<String> = vec![];
                let mut rest = s.trim_start();
                for _ in 0..maxsplit {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    out.push(rest[..end].to_string());
                    rest = rest[end..].trim_start();
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out
            } else {
                let mut out: Vec<String> = vec![];
                let mut rest = s.trim_end();
                for _ in 0..maxsplit {
                    let start = rest.rfind(char::is_whitespace).map(|i| i + 1).unwrap_or(0);
                    out.push(rest[start..].to_string());
                    rest = rest[..start].trim_end();
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out.reverse();
                out
            }
        }
        Some(sep) => {
            let sep = as_str(vm, &sep)?;
            if sep.is_empty() {
                return vm.err("ValueError", "empty separator");
            }
            if maxsplit < 0 {
                s.split(&*sep).map(String::from).collect()
            } else if right {
                let mut v: Vec<String> = s.rsplitn(maxsplit as usize + 1, &*sep).map(String::from).collect();
                v.reverse();
                v
            } else {
                s.splitn(maxsplit as usize + 1, &*sep).map(String::from).collect()
            }
        }
    };
    Ok(Value::list(parts.iter().map(|p| Value::str(p)).collect()))
}

pub(crate) fn split(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    split_impl(vm, args, kwargs, false)
}

pub(crate) fn rsplit(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    split_impl(vm, args, kwargs, true)
}

pub(crate) fn join(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let items = {
        let a_ = arg(vm, &args, 1, "join")?;
        vm.collect_iter(&a_)
    }?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&s);
        }
        match it {
            Value::Str(p) => out.push_str(p),
            other => {
                let t = vm.type_name(other);
                return vm.type_error(format!("sequence item {i}: expected str instance, {t} found"));
            }
        }
    }
    Ok(Value::str(&out))
}

pub(crate) fn replace(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let old = {
        let a_ = arg(vm, &args, 1, "replace")?;
        as_str(vm, &a_)
    }?;
    let new = {
        let a_ = arg(vm, &args, 2, "replace")?;
        as_str(vm, &a_)
    }?;
    let count = match args.get(3) {
        Some(c) => as_int(vm, c)?,
        None => -1,
    };
    Ok(Value::str(&if count < 0 { s.replace(&*old, &new) } else { s.replacen(&*old, &new, count as usize) }))
}

/// The `start` and `end` arguments at `args[at..]` (None or absent: the whole string), as
/// slice indices in characters (negative from the end, clamped), with their byte offsets in
/// `s`; None when `start` is past the end (find and count then find nothing).
fn bounds(vm: &mut Vm, s: &str, args: &Args, at: usize) -> PyResult<Option<(usize, usize)>> {
    let n = s.chars().count() as i64;
    let index = |vm: &mut Vm, i: usize, default: i64| -> PyResult<i64> {
        match args.get(i) {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let k = as_int(vm, v)?;
                Ok(if k < 0 { (k + n).max(0) } else { k.min(n + 1) })
            }
        }
    };
    let start = index(vm, at, 0)?;
    let end = index(vm, at + 1, n)?.min(n);
    if start > n {
        return Ok(None);
    }
    let byte = |c: i64| s.char_indices().nth(c as usize).map_or(s.len(), |(b, _)| b);
    Ok(Some((byte(start), byte(end.max(start)))))
}

fn prefix_match(vm: &mut Vm, args: Args, ends: bool) -> PyResult {
    let s = this_str(vm, &args)?;
    let name = if ends { "endswith" } else { "startswith" };
    let pats = match arg(vm, &args, 1, name)? {
        Value::Str(p) => vec![p],
        v @ Value::Obj(_) => tuple_items(&v).into_iter().map(|x| if let Value::Str(p) = x { p } else { Rc::from("\u{0}\u{0}") }).collect(),
        other => {
            let t = vm.type_name(&other);
            return vm.type_error(format!("{name} first arg must be str or a tuple of str, not {t}"));
        }
    };
    let Some((from, to)) = bounds(vm, &s, &args, 2)? else { return Ok(Value::Bool(false)) };
    let part = &s[from..to];
    Ok(Value::Bool(pats.iter().any(|p| if ends { part.ends_with(&**p) } else { part.starts_with(&**p) })))
}

fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

pub(crate) fn startswith(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    prefix_match(vm, args, false)
}

pub(crate) fn endswith(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    prefix_match(vm, args, true)
}

fn find_impl(vm: &mut Vm, args: Args, right: bool, raise: bool) -> PyResult {
    let s = this_str(vm, &args)?;
    let sub = {
        let a_ = arg(vm, &args, 1, "find")?;
        as_str(vm, &a_)
    }?;
    let found = bounds(vm, &s, &args, 2)?.and_then(|(from, to)| {
        let part = &s[from..to];
        (if right { part.rfind(&*sub) } else { part.find(&*sub) }).map(|b| from + b)
    });
    match found {
        Some(b) => Ok(Value::Int(char_index(&s, b))),
        None if raise => vm.err("ValueError", "substring not found"),
        None => Ok(Value::Int(-1)),
    }
}

pub(crate) fn find(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    find_impl(vm, args, false, false)
}

pub(crate) fn rfind(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    find_impl(vm, args, true, false)
}

pub(crate) fn index(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    find_impl(vm, args, false, true)
}

pub(crate) fn rindex(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    find_impl(vm, args, true, true)
}

pub(crate) fn count(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let sub = {
        let a_ = arg(vm, &args, 1, "count")?;
        as_str(vm, &a_)
    }?;
    let Some((from, to)) = bounds(vm, &s, &args, 2)? else { return Ok(Value::Int(0)) };
    let part = &s[from..to];
    if sub.is_empty() {
        return Ok(Value::Int(part.chars().count() as i64 + 1));
    }
    Ok(Value::Int(part.matches(&*sub).count() as i64))
}

fn pad(vm: &mut Vm, args: Args, align: char) -> PyResult {
    let s = this_str(vm, &args)?;
    let width = {
        let a_ = arg(vm, &args, 1, "ljust")?;
        as_int(vm, &a_)
    }?
    .max(0) as usize;
    let fill = match args.get(2) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap(),
        Some(_) => return vm.type_error("The fill character must be exactly one character long"),
        None => ' ',
    };
    let spec = crate::types::format_spec::Spec { fill: Some(fill), align: Some(align), width: Some(width), ..Default::default() };
    let out = crate::types::format_spec::pad(&s, &spec, align, false);
    // CPython's center() puts the extra fill on the right when the padding is odd... unless the length is odd.
    if align == '^' {
        let n = s.chars().count();
        if width > n {
            let total = width - n;
            let left = total / 2 + (total & width & 1);
            let right = total - left;
            return Ok(Value::str(&format!("{}{}{}", fill.to_string().repeat(left), s, fill.to_string().repeat(right))));
        }
    }
    Ok(Value::str(&out))
}

pub(crate) fn ljust(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    pad(vm, args, '<')
}

pub(crate) fn rjust(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    pad(vm, args, '>')
}

pub(crate) fn center(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    pad(vm, args, '^')
}

pub(crate) fn zfill(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let width = {
        let a_ = arg(vm, &args, 1, "zfill")?;
        as_int(vm, &a_)
    }?
    .max(0) as usize;
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::Str(s));
    }
    let (sign, rest) = if s.starts_with(['+', '-']) { (&s[..1], &s[1..]) } else { ("", &s[..]) };
    Ok(Value::str(&format!("{sign}{}{rest}", "0".repeat(width - n))))
}

fn partition_impl(vm: &mut Vm, args: Args, right: bool) -> PyResult {
    let s = this_str(vm, &args)?;
    let sep = {
        let a_ = arg(vm, &args, 1, "partition")?;
        as_str(vm, &a_)
    }?;
    let found = if right { s.rfind(&*sep) } else { s.find(&*sep) };
    Ok(match found {
        Some(i) => Value::tuple(vec![Value::str(&s[..i]), Value::Str(sep.clone()), Value::str(&s[i + sep.len()..])]),
        None if right => Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(s)]),
        None => Value::tuple(vec![Value::Str(s), Value::str(""), Value::str("")]),
    })
}

pub(crate) fn partition(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    partition_impl(vm, args, false)
}

pub(crate) fn rpartition(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    partition_impl(vm, args, true)
}

pub(crate) fn removeprefix(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let p = {
        let a_ = arg(vm, &args, 1, "removeprefix")?;
        as_str(vm, &a_)
    }?;
    Ok(Value::str(s.strip_prefix(&*p).unwrap_or(&s)))
}

/// `str.translate(table)`: each character looked up by its code in `table` (any mapping or
/// sequence); missing (LookupError) keeps it, None drops it, an int or a str replaces it.
pub(crate) fn translate(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let table = arg(vm, &args, 1, "translate")?;
    let lookup = vm.types.exc("LookupError");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match vm.get_item(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Str(t)) => out.push_str(&t),
            Ok(v @ (Value::Int(_) | Value::Bool(_))) => {
                let code = as_int(vm, &v)?;
                match u32::try_from(code).ok().and_then(char::from_u32) {
                    Some(r) => out.push(r),
                    None => return vm.err("ValueError", "character mapping must be in range(0x110000)"),
                }
            }
            Ok(_) => return vm.type_error("character mapping must return integer, None or str"),
            Err(e) if crate::types::exceptions::is_instance_of(&e, &lookup) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::Str(Rc::from(out)))
}

/// `str.maketrans(x[, y[, z]])`: the table `translate` takes.
pub(crate) fn maketrans(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let table = Value::dict(Default::default());
    let char_key = |c: char| Value::Int(c as i64);
    match args.len() {
        1 => {
            let Value::Obj(o) = &args[0] else { return vm.type_error("if you give only one argument to maketrans it must be a dict") };
            let Obj::Dict(d) = &**o else { return vm.type_error("if you give only one argument to maketrans it must be a dict") };
            let items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.value.clone(), v.clone())).collect();
            for (k, v) in items {
                let key = match &k {
                    Value::Str(s) if s.chars().count() == 1 => char_key(s.chars().next().unwrap()),
                    Value::Str(_) => return vm.err("ValueError", "string keys in translate table must be of length 1"),
                    Value::Int(_) => k.clone(),
                    _ => return vm.type_error("keys in translate table must be strings or integers"),
                };
                vm.set_item(&table, key, v)?;
            }
        }
        2 | 3 => {
            let x = as_str(vm, &args[0])?;
            let y = as_str(vm, &args[1])?;
            if x.chars().count() != y.chars().count() {
                return vm.err("ValueError", "the first two maketrans arguments must have equal length");
            }
            for (a, b) in x.chars().zip(y.chars()) {
                vm.set_item(&table, char_key(a), char_key(b))?;
            }
            if let Some(z) = args.get(2) {
                let z = as_str(vm, z)?;
                for c in z.chars() {
                    vm.set_item(&table, char_key(c), Value::None)?;
                }
            }
        }
        n => return vm.type_error(format!("maketrans expected at most 3 arguments, got {n}")),
    }
    Ok(table)
}

pub(crate) fn removesuffix(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let p = {
        let a_ = arg(vm, &args, 1, "removesuffix")?;
        as_str(vm, &a_)
    }?;
    Ok(Value::str(s.strip_suffix(&*p).unwrap_or(&s)))
}

pub(crate) fn format(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    Ok(Value::str(&str_format(vm, &s, &args[1..], &kwargs)?))
}

/// `str.format`: `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`, conversions and specs.
pub fn str_format(vm: &mut Vm, s: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return vm.err("ValueError", "Single '}' encountered in format string");
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        let mut depth = 1;
        let mut j = i + 1;
        while j < chars.len() && depth > 0 {
            match chars[j] {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            j += 1;
        }
        if depth != 0 {
            return vm.err("ValueError", "Single '{' encountered in format string");
        }
        let field: String = chars[i + 1..j - 1].iter().collect();
        i = j;
        let (field, spec) = match field.find(':') {
            Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
            None => (field.clone(), String::new()),
        };
        let (field, conv) = match field.find('!') {
            Some(p) => (field[..p].to_string(), field[p + 1..].chars().next()),
            None => (field, None),
        };
        let spec = if spec.contains('{') { str_format(vm, &spec, args, kwargs)? } else { spec };
        let name_end = field.find(['.', '[']).unwrap_or(field.len());
        let head = &field[..name_end];
        let mut value = if head.is_empty() {
            let v = args.get(auto).cloned();
            auto += 1;
            match v {
                Some(v) => v,
                None => return vm.err("IndexError", format!("Replacement index {} out of range for positional args tuple", auto - 1)),
            }
        } else if let Ok(n) = head.parse::<usize>() {
            match args.get(n) {
                Some(v) => v.clone(),
                None => return vm.err("IndexError", format!("Replacement index {n} out of range for positional args tuple")),
            }
        } else {
            match kwarg(kwargs, head) {
                Some(v) => v,
                None => {
                    let c = vm.types.exc("KeyError");
                    return Err(crate::types::exceptions::instantiate(&c, vec![Value::str(head)]));
                }
            }
        };
        let mut rest = &field[name_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                value = vm.get_attr(&value, &r[..end])?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']').unwrap_or(r.len());
                let key = &r[..end];
                let k = match key.parse::<i64>() {
                    Ok(n) => Value::Int(n),
                    Err(_) => Value::str(key),
                };
                value = vm.get_item(&value, &k)?;
                rest = r.get(end + 1..).unwrap_or("");
            } else {
                break;
            }
        }
        let value = match conv {
            Some('r') => Value::Str(vm.repr(&value)?),
            Some('s') => Value::Str(vm.str_of(&value)?),
            Some('a') => Value::str(&ascii_of(&vm.repr(&value)?)),
            _ => value,
        };
        out.push_str(&vm.format(&value, &spec)?);
    }
    Ok(out)
}

/// printf-style `str % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let values: Vec<Value> = match args {
        Value::Obj(o) if matches!(&**o, Obj::Tuple(_)) => tuple_items(args),
        _ => vec![args.clone()],
    };
    let mapping = matches!(args, Value::Obj(o) if matches!(&**o, Obj::Dict(_)));
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut vi = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if chars.get(i) == Some(&'%') {
            out.push('%');
            i += 1;
            continue;
        }
        let mut key = None;
        if chars.get(i) == Some(&'(') {
            let end = chars[i..].iter().position(|c| *c == ')').map(|p| p + i).unwrap_or(chars.len());
            key = Some(chars[i + 1..end].iter().collect::<String>());
            i = end + 1;
        }
        let mut flags = String::new();
        while i < chars.len() && "-+ #0".contains(chars[i]) {
            flags.push(chars[i]);
            i += 1;
        }
        let mut width = String::new();
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '*') {
            width.push(chars[i]);
            i += 1;
        }
        let mut precision = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            let mut p = String::new();
            while i < chars.len() && chars[i].is_ascii_digit() {
                p.push(chars[i]);
                i += 1;
            }
            precision = Some(p.parse::<usize>().unwrap_or(0));
        }
        let Some(&kind) = chars.get(i) else {
            return vm.err("ValueError", "incomplete format");
        };
        i += 1;
        let value = match &key {
            Some(k) => vm.get_item(args, &Value::str(k))?,
            None => {
                let v = values.get(vi).cloned();
                vi += 1;
                match v {
                    Some(v) => v,
                    None => return vm.type_error("not enough arguments for format string"),
                }
            }
        };
        let mut spec = String::new();
        if flags.contains('-') {
            spec.push('<');
        } else if flags.contains('0') && kind != 's' && kind != 'r' {
            spec.push('0');
        }
        if flags.contains('+') {
            spec.insert(0, '+');
            spec = spec.chars().rev().collect();
        }
        let sign = if flags.contains('+') {
            "+"
        } else if flags.contains(' ') {
            " "
        } else {
            ""
        };
        let mut spec = format!(
            "{}{}{}",
            if flags.contains('-') { "<" } else { "" },
            sign,
            if flags.contains('0') && !flags.contains('-') { "0" } else { "" }
        );
        spec.push_str(&width);
        let text = match kind {
            's' => {
                let s = vm.str_of(&value)?;
                let s: String = match precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s.to_string(),
                };
                let spec = format!("{}{}", if flags.contains('-') { "<" } else { ">" }, width);
                vm.format(&Value::str(&s), &spec)?.to_string()
            }
            'r' | 'a' => {
                let s = vm.repr(&value)?;
                let spec = format!("{}{}", if flags.contains('-') { "<" } else { ">" }, width);
                vm.format(&Value::Str(s), &spec)?.to_string()
            }
            'd' | 'i' | 'u' => {
                let v = match &value {
                    Value::Float(f) => Value::Int(f.trunc() as i64),
                    v if to_big(v).is_some() => v.clone(),
                    v => {
                        let t = vm.type_name(v);
                        return vm.type_error(format!("%{kind} format: a real number is required, not {t}"));
                    }
                };
                vm.format(&v, &format!("{spec}d"))?.to_string()
            }
            'x' | 'X' | 'o' => vm.format(&value, &format!("{spec}{kind}"))?.to_string(),
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let f = match to_f64(&value) {
                    Some(f) => f,
                    None => {
                        let t = vm.type_name(&value);
                        return vm.type_error(format!("must be real number, not {t}"));
                    }
                };
                vm.format(&Value::Float(f), &format!("{spec}.{}{kind}", precision.unwrap_or(6)))?.to_string()
            }
            'c' => vm.str_of(&value)?.to_string(),
            other => return vm.err("ValueError", format!("unsupported format character '{other}' (0x{:x})", other as u32)),
        };
        out.push_str(&text);
    }
    if !mapping && vi < values.len() && !matches!(args, Value::Obj(o) if matches!(&**o, Obj::Dict(_))) {
        return vm.type_error("not all arguments converted during string formatting");
    }
    Ok(out)
}

/// `str.casefold()`: lower case, then Unicode's full case folding where it differs from it (the
/// letters tutorials meet: German sharp s, final sigma, long s, the micro sign, ligatures).
fn fold_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            'ſ' => out.push('s'),
            'µ' => out.push('μ'),
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    let str_methods: &[(&'static str, NativeFn)] = &[
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("swapcase", swapcase),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("split", split),
        ("rsplit", rsplit),
        ("join", join),
        ("replace", replace),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("format", format),
        ("isdigit", isdigit),
        ("isprintable", isprintable),
        ("isnumeric", isdigit),
        ("isdecimal", isdigit),
        ("isalpha", isalpha),
        ("isascii", isascii),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("isidentifier", isidentifier),
        ("capitalize", capitalize),
        ("title", title),
        ("istitle", istitle),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("splitlines", splitlines),
        ("expandtabs", expandtabs),
        ("encode", encode),
        ("partition", partition),
        ("rpartition", rpartition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("translate", translate),
    ];
    for (n, f) in str_methods {
        set_method(&types.str, n, *f);
    }
    if let Obj::Class(c) = &*types.str {
        let maketrans = crate::types::class::builtin("maketrans", maketrans);
        c.dict.borrow_mut().insert(Rc::from("maketrans"), Value::obj(Obj::StaticMethod(maketrans)));
    }
}
