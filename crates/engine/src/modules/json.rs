//! `json.dumps` and `json.loads`, with CPython's output format, options and error messages.

use crate::modules::{funcs, new_module, Module};
use crate::types::args::{arg, kwarg, Args, Kwargs};
use crate::types::value::{DictMap, Key, Obj, Value};
use crate::vm::ops::int_value;
use crate::vm::{PyResult, Vm};
use awaitlab_trace::json_str_into;
use num_bigint::BigInt;

/// json.dumps' options.
struct JsonStyle {
    indent: Option<String>,
    sort_keys: bool,
    ensure_ascii: bool,
    item_sep: String,
    key_sep: String,
    /// Called for objects JSON has no form for (`default=`).
    default: Option<Value>,
}

fn dumps(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let v = arg(vm, &args, 0, "dumps")?;
    let indent = match kwarg(&kwargs, "indent") {
        Some(Value::Int(n)) => Some(" ".repeat(n.max(0) as usize)),
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    let flag = |vm: &mut Vm, name: &str, default: bool| match kwarg(&kwargs, name) {
        Some(v) => vm.truthy(&v),
        None => Ok(default),
    };
    let (sort_keys, ensure_ascii) = (flag(vm, "sort_keys", false)?, flag(vm, "ensure_ascii", true)?);
    let (mut item_sep, mut key_sep) = (if indent.is_some() { "," } else { ", " }.to_string(), ": ".to_string());
    if let Some(seps) = kwarg(&kwargs, "separators").filter(|v| !matches!(v, Value::None)) {
        let parts = vm.collect_iter(&seps)?;
        match parts.as_slice() {
            [Value::Str(a), Value::Str(b)] => (item_sep, key_sep) = (a.to_string(), b.to_string()),
            _ => return vm.err("ValueError", "separators must be a pair of strings"),
        }
    }
    let default = kwarg(&kwargs, "default").filter(|v| !matches!(v, Value::None));
    let style = JsonStyle { indent, sort_keys, ensure_ascii, item_sep, key_sep, default };
    let mut out = String::new();
    json_write(vm, &v, &style, 0, &mut out)?;
    Ok(Value::str(&out))
}

fn json_write(vm: &mut Vm, v: &Value, style: &JsonStyle, depth: usize, out: &mut String) -> PyResult<()> {
    if depth > 500 {
        return vm.err("ValueError", "Circular reference detected");
    }
    let nl = |out: &mut String, d: usize| {
        if let Some(ind) = &style.indent {
            out.push('\n');
            out.push_str(&ind.repeat(d));
        }
    };
    match v {
        Value::None => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(_) | Value::Big(_) => out.push_str(&vm.repr(v)?),
        Value::Float(f) => out.push_str(&if f.is_nan() {
            "NaN".into()
        } else if f.is_infinite() {
            if *f > 0.0 {
                "Infinity".into()
            } else {
                "-Infinity".into()
            }
        } else {
            awaitlab_syntax::literal::float_repr(*f)
        }),
        Value::Str(s) => json_str_into(s, style.ensure_ascii, out),
        Value::Obj(o) => match &**o {
            Obj::List(_) | Obj::Tuple(_) => {
                let items = crate::vm::tuple_items(v);
                if items.is_empty() {
                    out.push_str("[]");
                    return Ok(());
                }
                out.push('[');
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&style.item_sep);
                    }
                    nl(out, depth + 1);
                    json_write(vm, it, style, depth + 1, out)?;
                }
                nl(out, depth);
                out.push(']');
            }
            Obj::Dict(d) => {
                let mut items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.value.clone(), v.clone())).collect();
                if items.is_empty() {
                    out.push_str("{}");
                    return Ok(());
                }
                if style.sort_keys {
                    let mut keys: Vec<Value> = items.iter().map(|(k, _)| k.clone()).collect();
                    crate::types::list::sort_values(vm, &mut keys, None, false)?;
                    let map: Vec<(Value, Value)> =
                        keys.into_iter().map(|k| items.iter().find(|(x, _)| crate::vm::ops::keys_equal(x, &k)).cloned().unwrap()).collect();
                    items = map;
                }
                out.push('{');
                for (i, (k, val)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&style.item_sep);
                    }
                    nl(out, depth + 1);
                    let key = match k {
                        Value::Str(s) => s.to_string(),
                        Value::Int(_) | Value::Big(_) | Value::Float(_) => vm.repr(k)?.to_string(),
                        Value::Bool(b) => (if *b { "true" } else { "false" }).into(),
                        Value::None => "null".into(),
                        _ => {
                            let t = vm.type_name(k);
                            return vm.type_error(format!("keys must be str, int, float, bool or None, not {t}"));
                        }
                    };
                    json_str_into(&key, style.ensure_ascii, out);
                    out.push_str(&style.key_sep);
                    json_write(vm, val, style, depth + 1, out)?;
                }
                nl(out, depth);
                out.push('}');
            }
            _ => match style.default.clone() {
                Some(f) => {
                    let replacement = vm.call(f, vec![v.clone()], vec![])?;
                    json_write(vm, &replacement, style, depth + 1, out)?;
                }
                None => {
                    let t = vm.type_name(v);
                    return vm.type_error(format!("Object of type {t} is not JSON serializable"));
                }
            },
        },
    }
    Ok(())
}

struct JsonParser<'a> {
    s: &'a [u8],
    pos: usize,
}

impl<'a> JsonParser<'a> {
    fn ws(&mut self) {
        while self.pos < self.s.len() && matches!(self.s[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }
    fn err(&self, what: &str) -> String {
        let line = self.s[..self.pos.min(self.s.len())].iter().filter(|c| **c == b'\n').count() + 1;
        let col = self.pos - self.s[..self.pos.min(self.s.len())].iter().rposition(|c| *c == b'\n').map(|p| p + 1).unwrap_or(0) + 1;
        format!("{what}: line {line} column {col} (char {})", self.pos)
    }
    fn value(&mut self) -> Result<Value, String> {
        self.ws();
        let Some(&c) = self.s.get(self.pos) else { return Err(self.err("Expecting value")) };
        match c {
            b'{' => {
                self.pos += 1;
                let mut map = DictMap::default();
                self.ws();
                if self.s.get(self.pos) == Some(&b'}') {
                    self.pos += 1;
                    return Ok(Value::dict(map));
                }
                loop {
                    self.ws();
                    if self.s.get(self.pos) != Some(&b'"') {
                        return Err(self.err("Expecting property name enclosed in double quotes"));
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.s.get(self.pos) != Some(&b':') {
                        return Err(self.err("Expecting ':' delimiter"));
                    }
                    self.pos += 1;
                    let v = self.value()?;
                    map.insert(Key { hash: crate::vm::ops::str_hash(&k), value: Value::str(&k) }, v);
                    self.ws();
                    match self.s.get(self.pos) {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {
                            self.pos += 1;
                            return Ok(Value::dict(map));
                        }
                        _ => return Err(self.err("Expecting ',' delimiter")),
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                let mut items = vec![];
                self.ws();
                if self.s.get(self.pos) == Some(&b']') {
                    self.pos += 1;
                    return Ok(Value::list(items));
                }
                loop {
                    items.push(self.value()?);
                    self.ws();
                    match self.s.get(self.pos) {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Value::list(items));
                        }
                        _ => return Err(self.err("Expecting ',' delimiter")),
                    }
                }
            }
            b'"' => Ok(Value::str(&self.string()?)),
            b't' if self.s[self.pos..].starts_with(b"true") => {
                self.pos += 4;
                Ok(Value::Bool(true))
            }
            b'f' if self.s[self.pos..].starts_with(b"false") => {
                self.pos += 5;
                Ok(Value::Bool(false))
            }
            b'n' if self.s[self.pos..].starts_with(b"null") => {
                self.pos += 4;
                Ok(Value::None)
            }
            b'N' if self.s[self.pos..].starts_with(b"NaN") => {
                self.pos += 3;
                Ok(Value::Float(f64::NAN))
            }
            b'-' | b'0'..=b'9' => {
                let start = self.pos;
                if c == b'-' {
                    self.pos += 1;
                }
                let mut float = false;
                while self.pos < self.s.len()
                    && (self.s[self.pos].is_ascii_digit() || matches!(self.s[self.pos], b'.' | b'e' | b'E' | b'+' | b'-'))
                {
                    if matches!(self.s[self.pos], b'.' | b'e' | b'E') {
                        float = true;
                    }
                    self.pos += 1;
                }
                let text = std::str::from_utf8(&self.s[start..self.pos]).unwrap_or("0");
                if float {
                    text.parse::<f64>().map(Value::Float).map_err(|_| self.err("Expecting value"))
                } else {
                    text.parse::<BigInt>().map(int_value).map_err(|_| self.err("Expecting value"))
                }
            }
            _ => Err(self.err("Expecting value")),
        }
    }
    fn string(&mut self) -> Result<String, String> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let Some(&c) = self.s.get(self.pos) else { return Err(self.err("Unterminated string starting at")) };
            self.pos += 1;
            match c {
                b'"' => return Ok(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => {
                    let Some(&e) = self.s.get(self.pos) else { return Err(self.err("Unterminated string starting at")) };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'u' => {
                            let hex = std::str::from_utf8(self.s.get(self.pos..self.pos + 4).unwrap_or(b"")).unwrap_or("").to_string();
                            self.pos += 4;
                            let mut code = u32::from_str_radix(&hex, 16).map_err(|_| self.err("Invalid \\uXXXX escape"))?;
                            if (0xD800..0xDC00).contains(&code) && self.s.get(self.pos..self.pos + 2) == Some(b"\\u") {
                                let hex2 =
                                    std::str::from_utf8(self.s.get(self.pos + 2..self.pos + 6).unwrap_or(b"")).unwrap_or("").to_string();
                                if let Ok(low) = u32::from_str_radix(&hex2, 16) {
                                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                                    self.pos += 6;
                                }
                            }
                            let ch = char::from_u32(code).unwrap_or('\u{fffd}');
                            out.extend(ch.to_string().as_bytes());
                        }
                        other => out.push(other),
                    }
                }
                c => out.push(c),
            }
        }
    }
}

fn loads(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let v = arg(vm, &args, 0, "loads")?;
    let text: Vec<u8> = match &v {
        Value::Str(s) => s.as_bytes().to_vec(),
        Value::Obj(o) if matches!(&**o, Obj::Bytes(_) | Obj::ByteArray(_)) => {
            crate::types::buffer::with_bytes(&v, <[u8]>::to_vec).unwrap_or_default()
        }
        _ => {
            let t = vm.type_name(&v);
            return vm.type_error(format!("the JSON object must be str, bytes or bytearray, not {t}"));
        }
    };
    let mut p = JsonParser { s: &text, pos: 0 };
    match p.value() {
        Ok(val) => {
            p.ws();
            if p.pos < text.len() {
                let m = p.err("Extra data");
                return vm.err("JSONDecodeError", m);
            }
            Ok(val)
        }
        Err(m) => vm.err("JSONDecodeError", m),
    }
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, _module: &Module) -> PyResult {
    let mut items = funcs(&[("dumps", dumps), ("loads", loads)]);
    items.push(("JSONDecodeError", Value::Obj(vm.types.exc("JSONDecodeError"))));
    Ok(new_module("json", items).0)
}
