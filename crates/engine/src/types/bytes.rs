//! `bytes` methods. Most go through the matching `str` method on a latin-1 view of the bytes;
//! the case methods and tests see ASCII letters only, as CPython's do.

use crate::types::args::{kwarg, Args, Kwargs};
use crate::types::buffer::{byte_value, bytes_like, is_bytearray, new_bytes, with_bytes};
use crate::types::class::{set_method, Types};
use crate::types::value::NativeFn;
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// Bytes as text with one character per byte, and back: bytes methods that mean the same as
/// str's run through str's. ASCII stays itself; bytes 0x80-0xff become private-use characters,
/// which have no case and are not whitespace, as bytes methods see them.
fn latin1(b: &[u8]) -> Value {
    if b.is_ascii() {
        return Value::str(std::str::from_utf8(b).unwrap_or_default());
    }
    Value::str(&b.iter().map(|&c| if c < 0x80 { c as char } else { char::from_u32(0xE000 + c as u32).unwrap_or('?') }).collect::<String>())
}

fn byte_of(c: char) -> u8 {
    (c as u32).checked_sub(0xE000).unwrap_or(c as u32) as u8
}

/// str's result back as bytes (`bytearray`: as bytearrays, for a bytearray's methods).
fn latin1_bytes(v: Value, bytearray: bool) -> Value {
    match &v {
        Value::Str(s) if s.is_ascii() => new_bytes(bytearray, s.as_bytes().to_vec()),
        Value::Str(s) => new_bytes(bytearray, s.chars().map(byte_of).collect()),
        Value::Obj(o) => match &**o {
            Obj::List(l) => Value::list(l.borrow().iter().cloned().map(|x| latin1_bytes(x, bytearray)).collect()),
            Obj::Tuple(t) => Value::tuple(t.iter().cloned().map(|x| latin1_bytes(x, bytearray)).collect()),
            _ => v,
        },
        _ => v,
    }
}

/// An argument as str's method takes it: bytes-like objects (and tuples of them) as latin-1.
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(b) = bytes_like(vm, v)? {
        return Ok(latin1(&b));
    }
    match v {
        Value::Obj(o) => match &**o {
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

/// The receiver's bytes, and whether it is a bytearray.
fn this_bytes(vm: &mut Vm, args: &Args) -> PyResult<(Vec<u8>, bool)> {
    match args.first().and_then(|v| with_bytes(v, <[u8]>::to_vec).map(|b| (b, is_bytearray(v)))) {
        Some(found) => Ok(found),
        None => vm.type_error("descriptor requires a 'bytes' object"),
    }
}

fn via_str(vm: &mut Vm, args: Args, kwargs: Kwargs, method: &str) -> PyResult {
    let (this, bytearray) = this_bytes(vm, &args)?;
    let mut call_args = vec![latin1(&this)];
    for (i, a) in args[1..].iter().enumerate() {
        // `find(108)`: the search methods take one byte as an int too.
        let searched = i == 0 && matches!(method, "find" | "rfind" | "index" | "rindex" | "count");
        let affix = i == 0 && matches!(method, "startswith" | "endswith");
        if affix && !matches!(a, Value::Obj(o) if matches!(&**o, Obj::Tuple(_))) && bytes_like(vm, a)?.is_none() {
            let t = vm.type_name(a);
            return vm.type_error(format!("{method} first arg must be bytes or a tuple of bytes, not {t}"));
        }
        if searched && matches!(a, Value::Int(_) | Value::Bool(_)) {
            let b = byte_value(vm, a)?;
            call_args.push(latin1(&[b]));
            continue;
        }
        call_args.push(bytes_arg(vm, a)?);
    }
    let f = vm.get_attr(&Value::Obj(vm.types.str.clone()), method)?;
    match vm.call(f, call_args, kwargs) {
        Ok(r) => Ok(latin1_bytes(r, bytearray)),
        Err(e) if matches!(method, "index" | "rindex") && crate::types::exceptions::is_instance_of(&e, &vm.types.exc("ValueError")) => {
            vm.err("ValueError", "subsection not found")
        }
        Err(e) => Err(e),
    }
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
    ljust => "ljust", rjust => "rjust", zfill => "zfill", removeprefix => "removeprefix",
    removesuffix => "removesuffix", expandtabs => "expandtabs", title => "title", capitalize => "capitalize",
    swapcase => "swapcase", istitle => "istitle",
);

/// `sep.join(iterable)`: any iterable of bytes-like objects (a generator too).
fn join(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (sep, bytearray) = this_bytes(vm, &args)?;
    let Some(iterable) = args.get(1) else { return vm.type_error("join() takes exactly one argument (0 given)") };
    let items = vm.collect_iter(iterable)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_like(vm, item)? {
            Some(b) => out.extend_from_slice(&b),
            None => {
                let t = vm.type_name(item);
                return vm.type_error(format!("sequence item {i}: expected a bytes-like object, {t} found"));
            }
        }
    }
    Ok(new_bytes(bytearray, out))
}

/// The case methods and tests of bytes see ASCII letters only.
fn ascii_case(vm: &mut Vm, args: Args, kind: &str) -> PyResult {
    let (b, bytearray) = this_bytes(vm, &args)?;
    let all = |f: fn(&u8) -> bool| Value::Bool(!b.is_empty() && b.iter().all(f));
    Ok(match kind {
        "upper" => new_bytes(bytearray, b.to_ascii_uppercase()),
        "lower" => new_bytes(bytearray, b.to_ascii_lowercase()),
        "isascii" => Value::Bool(b.is_ascii()),
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

pub(crate) fn isascii(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    ascii_case(vm, args, "isascii")
}

pub(crate) fn hex(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let (b, _) = this_bytes(vm, &args)?;
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
    let (b, _) = this_bytes(vm, &args)?;
    match std::str::from_utf8(&b) {
        Ok(s) => Ok(Value::str(s)),
        Err(e) => vm.err(
            "UnicodeDecodeError",
            format!("'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", b[e.valid_up_to()], e.valid_up_to()),
        ),
    }
}

/// The methods bytes and bytearray share: each returns its receiver's type.
pub(crate) const METHODS: [(&str, NativeFn); 40] = [
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
    ("isascii", isascii),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("expandtabs", expandtabs),
    ("title", title),
    ("capitalize", capitalize),
    ("swapcase", swapcase),
    ("istitle", istitle),
];

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    for (n, f) in METHODS {
        set_method(&types.bytes, n, f);
    }
}
