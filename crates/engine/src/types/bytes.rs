//! `bytes` methods. Most go through the matching `str` method on a latin-1 view of the bytes;
//! the case methods and tests see ASCII letters only, as CPython's do.

use crate::types::args::{kwarg, Args, Kwargs};
use crate::types::class::{set_method, Types};
use crate::types::value::NativeFn;
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// Bytes as text with one character per byte (latin-1), and back: bytes methods that mean
/// the same as str's run through str's.
fn latin1(b: &[u8]) -> Value {
    Value::str(&b.iter().map(|&c| c as char).collect::<String>())
}

fn latin1_bytes(v: Value) -> Value {
    match &v {
        Value::Str(s) => Value::obj(Obj::Bytes(s.chars().map(|c| c as u32 as u8).collect())),
        Value::Obj(o) => match &**o {
            Obj::List(l) => Value::list(l.borrow().iter().cloned().map(latin1_bytes).collect()),
            Obj::Tuple(t) => Value::tuple(t.iter().cloned().map(latin1_bytes).collect()),
            _ => v,
        },
        _ => v,
    }
}

fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Bytes(b) => Ok(latin1(b)),
            Obj::Tuple(items) => {
                let items = items.clone();
                Ok(Value::tuple(items.iter().map(|i| bytes_arg(vm, i)).collect::<PyResult<Vec<_>>>()?))
            }
            Obj::List(l) => {
                let items = l.borrow().clone();
                Ok(Value::list(items.iter().map(|i| bytes_arg(vm, i)).collect::<PyResult<Vec<_>>>()?))
            }
            _ => Ok(v.clone()),
        },
        Value::Str(_) => {
            let t = vm.type_name(v);
            vm.type_error(format!("a bytes-like object is required, not '{t}'"))
        }
        _ => Ok(v.clone()),
    }
}

fn this_bytes(vm: &mut Vm, args: &Args) -> PyResult<Vec<u8>> {
    match args.first() {
        Some(Value::Obj(o)) => match &**o {
            Obj::Bytes(b) => Ok(b.clone()),
            _ => vm.type_error("descriptor requires a 'bytes' object"),
        },
        _ => vm.type_error("descriptor requires a 'bytes' object"),
    }
}

fn via_str(vm: &mut Vm, args: Args, kwargs: Kwargs, method: &str) -> PyResult {
    let this = this_bytes(vm, &args)?;
    let mut call_args = vec![latin1(&this)];
    for a in &args[1..] {
        call_args.push(bytes_arg(vm, a)?);
    }
    let f = vm.get_attr(&Value::Obj(vm.types.str.clone()), method)?;
    let r = vm.call(f, call_args, kwargs)?;
    Ok(latin1_bytes(r))
}

macro_rules! bytes_via_str {
    ($($name:ident => $method:literal),* $(,)?) => {
        $(fn $name(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
            via_str(vm, args, kwargs, $method)
        })*
    };
}

bytes_via_str!(
    split => "split", rsplit => "rsplit", strip => "strip", lstrip => "lstrip", rstrip => "rstrip",
    replace => "replace", startswith => "startswith", endswith => "endswith", find => "find",
    rfind => "rfind", index => "index", rindex => "rindex", count => "count",
    partition => "partition", rpartition => "rpartition", splitlines => "splitlines", center => "center",
    ljust => "ljust", rjust => "rjust", zfill => "zfill",
);

/// `sep.join(iterable)`: any iterable of bytes (a generator too).
fn join(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let sep = this_bytes(vm, &args)?;
    let Some(iterable) = args.get(1) else { return vm.type_error("join() takes exactly one argument (0 given)") };
    let items = vm.collect_iter(iterable)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match item {
            Value::Obj(o) if matches!(&**o, Obj::Bytes(_)) => {
                let Obj::Bytes(b) = &**o else { unreachable!() };
                out.extend_from_slice(b);
            }
            _ => {
                let t = vm.type_name(item);
                return vm.type_error(format!("sequence item {i}: expected a bytes-like object, {t} found"));
            }
        }
    }
    Ok(Value::obj(Obj::Bytes(out)))
}

/// The case methods and tests of bytes see ASCII letters only.
fn ascii_case(vm: &mut Vm, args: Args, kind: &str) -> PyResult {
    let b = this_bytes(vm, &args)?;
    let all = |f: fn(&u8) -> bool| Value::Bool(!b.is_empty() && b.iter().all(f));
    Ok(match kind {
        "upper" => Value::obj(Obj::Bytes(b.to_ascii_uppercase())),
        "lower" => Value::obj(Obj::Bytes(b.to_ascii_lowercase())),
        "isdigit" => all(u8::is_ascii_digit),
        "isalpha" => all(u8::is_ascii_alphabetic),
        "isalnum" => all(u8::is_ascii_alphanumeric),
        "isspace" => all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)),
        "isupper" => Value::Bool(b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)),
        _ => Value::Bool(b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)),
    })
}

pub(crate) fn upper(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    ascii_case(vm, args, "upper")
}

pub(crate) fn lower(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    ascii_case(vm, args, "lower")
}

pub(crate) fn isdigit(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    ascii_case(vm, args, "isdigit")
}

pub(crate) fn isalpha(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    ascii_case(vm, args, "isalpha")
}

pub(crate) fn isalnum(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    ascii_case(vm, args, "isalnum")
}

pub(crate) fn isspace(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    ascii_case(vm, args, "isspace")
}

pub(crate) fn isupper(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    ascii_case(vm, args, "isupper")
}

pub(crate) fn islower(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    ascii_case(vm, args, "islower")
}

pub(crate) fn hex(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let b = this_bytes(vm, &args)?;
    let sep = match args.get(1).cloned().or_else(|| kwarg(&kwargs, "sep")) {
        Some(Value::Str(s)) => s.to_string(),
        Some(Value::Obj(o)) if matches!(&*o, Obj::Bytes(_)) => match &*o {
            Obj::Bytes(x) => String::from_utf8_lossy(x).into_owned(),
            _ => unreachable!(),
        },
        _ => String::new(),
    };
    Ok(Value::str(&b.iter().map(|c| format!("{c:02x}")).collect::<Vec<_>>().join(&sep)))
}

/// bytes.fromhex: pairs of hex digits, spaces between pairs allowed.
pub(crate) fn fromhex(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = match args.last() {
        Some(Value::Str(s)) => s.clone(),
        _ => return vm.type_error("fromhex() argument must be str"),
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let pair = (chars[i].to_digit(16), chars.get(i + 1).and_then(|c| c.to_digit(16)));
        match pair {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let at = if pair.0.is_none() { i } else { i + 1 };
                return vm.err("ValueError", format!("non-hexadecimal number found in fromhex() arg at position {at}"));
            }
        }
        i += 2;
    }
    Ok(Value::obj(Obj::Bytes(out)))
}

pub(crate) fn decode(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    match args.first() {
        Some(Value::Obj(o)) => match &**o {
            Obj::Bytes(b) => match std::str::from_utf8(b) {
                Ok(s) => Ok(Value::str(s)),
                Err(e) => vm.err(
                    "UnicodeDecodeError",
                    format!(
                        "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                        b[e.valid_up_to()],
                        e.valid_up_to()
                    ),
                ),
            },
            _ => vm.type_error("decode() needs bytes"),
        },
        _ => vm.type_error("decode() needs bytes"),
    }
}

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    for (n, f) in [
        ("decode", decode as NativeFn),
        ("hex", hex),
        ("fromhex", fromhex),
        ("split", split),
        ("rsplit", rsplit),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("join", join),
        ("partition", partition),
        ("rpartition", rpartition),
        ("splitlines", splitlines),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("upper", upper),
        ("lower", lower),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
    ] {
        set_method(&types.bytes, n, f);
    }
}
