//! Builtin functions, builtin types' constructors and methods.

use crate::builtins::*;
use crate::native::NativeObj;
use crate::ops::{int_value, to_big, to_f64};
use awaitlab_syntax::literal::str_repr;
use crate::value::*;
use crate::vm::{tuple_items, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::cell::RefCell;
use std::rc::Rc;

type Args = Vec<Value>;

pub fn dict_keys(d: &Value) -> Vec<Value> {
    match d {
        Value::Obj(o) => match &**o {
            Obj::Dict(m) => m.borrow().keys().map(|k| k.value.clone()).collect(),
            Obj::Set(m) => m.borrow().iter().map(|k| k.value.clone()).collect(),
            _ => vec![],
        },
        _ => vec![],
    }
}
pub fn dict_values(d: &Value) -> Vec<Value> {
    match d {
        Value::Obj(o) => match &**o {
            Obj::Dict(m) => m.borrow().values().cloned().collect(),
            _ => vec![],
        },
        _ => vec![],
    }
}
pub fn dict_items(d: &Value) -> Vec<Value> {
    match d {
        Value::Obj(o) => match &**o {
            Obj::Dict(m) => m.borrow().iter().map(|(k, v)| Value::tuple(vec![k.value.clone(), v.clone()])).collect(),
            _ => vec![],
        },
        _ => vec![],
    }
}

fn list_of(v: &Value) -> Option<&RefCell<Vec<Value>>> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::List(l) => Some(l),
            _ => None,
        },
        _ => None,
    }
}

fn dict_of(v: &Value) -> Option<&RefCell<DictMap>> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Dict(m) => Some(m),
            _ => None,
        },
        _ => None,
    }
}

// ---------- builtin functions ----------

fn b_print(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let mut sep: Rc<str> = Rc::from(" ");
    let mut end: Rc<str> = Rc::from("\n");
    let mut stream = awaitlab_trace::Stream::Stdout;
    for (k, v) in &kwargs {
        match &**k {
            "sep" if !v.is_none() => sep = as_str(vm, v)?,
            "end" if !v.is_none() => end = as_str(vm, v)?,
            "file" => {
                if let Value::Obj(o) = v {
                    if let Obj::Module { name, .. } = &**o {
                        if &**name == "sys.stderr" {
                            stream = awaitlab_trace::Stream::Stderr;
                        }
                    }
                }
            }
            "flush" | "sep" | "end" => {}
            other => return vm.type_error(format!("'{other}' is an invalid keyword argument for print()")),
        }
    }
    let mut text = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&vm.to_str(a)?);
    }
    text.push_str(&end);
    vm.write(stream, &text);
    Ok(Value::None)
}

/// `dir(obj)`: the sorted attribute names of a module, class or instance (with its class's).
fn b_dir(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let Some(obj) = args.first() else {
        return vm.err("NotImplementedError", "dir() without an argument is not supported in Awaitlab; pass an object");
    };
    let mut names: Vec<Rc<str>> = vec![];
    let add_class = |names: &mut Vec<Rc<str>>, class: &Rc<Obj>| {
        if let Obj::Class(c) = &**class {
            for base in c.mro.borrow().iter() {
                if let Obj::Class(bc) = &**base {
                    names.extend(bc.dict.borrow().keys().cloned());
                }
            }
        }
    };
    match obj {
        Value::Obj(o) => match &**o {
            Obj::Module { dict, .. } => names.extend(dict.borrow().keys().cloned()),
            Obj::Class(_) => add_class(&mut names, o),
            Obj::Instance(inst) => {
                names.extend(inst.dict.borrow().keys().cloned());
                add_class(&mut names, &inst.class);
            }
            _ => {
                let t = vm.type_of(obj);
                add_class(&mut names, &t);
            }
        },
        _ => {
            let t = vm.type_of(obj);
            add_class(&mut names, &t);
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::Str).collect()))
}

fn b_len(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "len")?;
    Ok(Value::Int(vm.len(&args[0])? as i64))
}

fn b_repr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "repr")?;
    Ok(Value::Str(vm.repr(&args[0])?))
}

fn b_ascii(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "ascii")?;
    let r = vm.repr(&args[0])?;
    Ok(Value::str(&ascii_of(&r)))
}

fn b_format(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "format")?;
    let spec = match args.get(1) {
        Some(s) => as_str(vm, s)?,
        None => Rc::from(""),
    };
    Ok(Value::Str(vm.format(&args[0], &spec)?))
}

fn b_abs(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "abs")?;
    match &args[0] {
        Value::Int(i) => Ok(i.checked_abs().map(Value::Int).unwrap_or_else(|| int_value(BigInt::from(*i).abs()))),
        Value::Big(b) => Ok(int_value(b.abs())),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        v => match vm.lookup_method(v, "__abs__")? {
            Some(m) => vm.call(m, vec![v.clone()], vec![]),
            None => {
                let t = vm.type_name(v);
                vm.type_error(format!("bad operand type for abs(): '{t}'"))
            }
        },
    }
}

/// Python's round-half-even to `digits` decimals, via the shortest decimal repr.
fn round_float(f: f64, digits: i64) -> f64 {
    if !f.is_finite() {
        return f;
    }
    if digits > 15 {
        return f;
    }
    let s = format!("{:.*e}", 17, f);
    let _ = s;
    let m = 10f64.powi(digits as i32);
    let x = f * m;
    let r = x.round();
    let r = if (x - x.trunc()).abs() == 0.5 {
        // exact tie in binary: round half to even
        2.0 * (x / 2.0).round()
    } else {
        r
    };
    let candidate = r / m;
    // Correct for representation error using the decimal string, as CPython does.
    let exact: String = format!("{:.*}", digits.max(0) as usize, f);
    let parsed: f64 = exact.parse().unwrap_or(candidate);
    if digits >= 0 {
        parsed
    } else {
        candidate
    }
}

fn b_round(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "round")?;
    let nd = args.get(1).cloned().or_else(|| kwarg(&kwargs, "ndigits")).filter(|v| !v.is_none());
    match (&args[0], nd) {
        (Value::Float(f), None) => {
            let r = f.round();
            let r = if (f - f.trunc()).abs() == 0.5 { 2.0 * (f / 2.0).round() } else { r };
            crate::ops::float_to_int(vm, r)
        }
        (Value::Float(f), Some(n)) => {
            let n = as_int(vm, &n)?;
            Ok(Value::Float(round_float(*f, n)))
        }
        (Value::Int(_) | Value::Big(_) | Value::Bool(_), None) => Ok(int_value(to_big(&args[0]).unwrap())),
        (Value::Int(i), Some(n)) => {
            let n = as_int(vm, &n)?;
            if n >= 0 {
                return Ok(Value::Int(*i));
            }
            let m = 10i64.checked_pow((-n) as u32).unwrap_or(i64::MAX);
            let q = (*i as f64 / m as f64).round() as i64 * m;
            Ok(Value::Int(q))
        }
        (v, _) => {
            let t = vm.type_name(v);
            vm.type_error(format!("type {t} doesn't define __round__ method"))
        }
    }
}

fn minmax(vm: &mut Vm, args: Args, kwargs: Kwargs, is_max: bool) -> PyResult {
    let name = if is_max { "max" } else { "min" };
    let key = kwarg(&kwargs, "key").filter(|k| !k.is_none());
    let default = kwarg(&kwargs, "default");
    let items = if args.len() == 1 { vm.collect_iter(&args[0])? } else { args };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => vm.err("ValueError", format!("{name}() iterable argument is empty")),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k.clone(), vec![best.clone()], vec![])?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf.clone(), vec![it.clone()], vec![])?,
            None => it.clone(),
        };
        let op = if is_max { awaitlab_syntax::ast::CmpOp::Gt } else { awaitlab_syntax::ast::CmpOp::Lt };
        if crate::ops::order(vm, op, &k, &best_key)? {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn b_max(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    minmax(vm, args, kwargs, true)
}
fn b_min(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    minmax(vm, args, kwargs, false)
}

fn b_sum(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "sum")?;
    let mut acc = args.get(1).cloned().or_else(|| kwarg(&kwargs, "start")).unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return vm.type_error("sum() can't sum strings [use ''.join(seq) instead]");
    }
    let it = vm.get_iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary(awaitlab_syntax::ast::BinOp::Add, acc, x, false)?;
    }
    Ok(acc)
}

fn b_any_all(vm: &mut Vm, args: Args, want: bool) -> PyResult {
    let it = vm.get_iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? == want {
            return Ok(Value::Bool(want));
        }
    }
    Ok(Value::Bool(!want))
}
fn b_any(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "any")?;
    b_any_all(vm, args, true)
}
fn b_all(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "all")?;
    b_any_all(vm, args, false)
}

pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<Value>, reverse: bool) -> PyResult<()> {
    let keys: Vec<Value> = match &key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call(k.clone(), vec![it.clone()], vec![])?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut error = None;
    // Stable merge sort on indices; comparisons may call Python and fail.
    idx.sort_by(|&a, &b| {
        if error.is_some() {
            return std::cmp::Ordering::Equal;
        }
        let (x, y) = if reverse { (&keys[b], &keys[a]) } else { (&keys[a], &keys[b]) };
        match crate::ops::order(vm, awaitlab_syntax::ast::CmpOp::Lt, x, y) {
            Ok(true) => std::cmp::Ordering::Less,
            Ok(false) => match crate::ops::order(vm, awaitlab_syntax::ast::CmpOp::Lt, y, x) {
                Ok(true) => std::cmp::Ordering::Greater,
                Ok(false) => std::cmp::Ordering::Equal,
                Err(e) => {
                    error = Some(e);
                    std::cmp::Ordering::Equal
                }
            },
            Err(e) => {
                error = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

fn b_sorted(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "sorted")?;
    let mut items = vm.collect_iter(&args[0])?;
    let key = kwarg(&kwargs, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(&kwargs, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    sort_values(vm, &mut items, key, reverse)?;
    Ok(Value::list(items))
}

fn b_reversed(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "reversed")?;
    let v = &args[0];
    if let Value::Obj(o) = v {
        if let Obj::Instance(_) = &**o {
            if let Some(m) = vm.lookup_method(v, "__reversed__")? {
                return vm.call(m, vec![v.clone()], vec![]);
            }
        }
        if let Obj::Dict(_) = &**o {
            let mut keys = dict_keys(v);
            keys.reverse();
            return Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Values(keys.into())))));
        }
    }
    let n = vm.len(v)?;
    Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Reversed { seq: v.clone(), index: n }))))
}

fn b_enumerate(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "enumerate")?;
    let start = match args.get(1).cloned().or_else(|| kwarg(&kwargs, "start")) {
        Some(s) => as_int(vm, &s)?,
        None => 0,
    };
    let inner = vm.get_iter(&args[0])?;
    Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Enumerate { inner, count: start }))))
}

fn b_zip(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let strict = match kwarg(&kwargs, "strict") {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let mut inners = vec![];
    for a in &args {
        inners.push(vm.get_iter(a)?);
    }
    if inners.is_empty() {
        return Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Exhausted))));
    }
    Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Zip { inners, strict }))))
}

fn b_map(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    if args.len() < 2 {
        return vm.type_error("map() must have at least two arguments.");
    }
    let mut inners = vec![];
    for a in &args[1..] {
        inners.push(vm.get_iter(a)?);
    }
    Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Map { func: args[0].clone(), inners }))))
}

fn b_filter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "filter")?;
    let inner = vm.get_iter(&args[1])?;
    Ok(Value::obj(Obj::Iter(RefCell::new(IterState::Filter { func: args[0].clone(), inner }))))
}

fn b_iter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "iter")?;
    vm.get_iter(&args[0])
}

fn b_aiter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "aiter")?;
    let Ok(method) = vm.get_attr(&args[0], "__aiter__") else {
        let t = vm.type_name(&args[0]);
        return vm.type_error(format!("'{t}' object is not an async iterable"));
    };
    vm.call(method, vec![], vec![])
}

/// `anext(it[, default])`: the awaitable of `it.__anext__()`; with a default, one that gives
/// the default instead of raising StopAsyncIteration.
fn b_anext(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "anext")?;
    let Ok(method) = vm.get_attr(&args[0], "__anext__") else {
        let t = vm.type_name(&args[0]);
        return vm.type_error(format!("'{t}' object is not an async iterator"));
    };
    let awaitable = vm.call(method, vec![], vec![])?;
    let Some(default) = args.get(1).cloned() else { return Ok(awaitable) };
    const HELPER: &str = "async def anext(awaitable, default):\n    try:\n        return await awaitable\n    except StopAsyncIteration:\n        return default\n";
    let ns = Rc::new(RefCell::new(Namespace::default()));
    crate::modules::exec_source(vm, HELPER, "<builtins>", ns.clone())?;
    let helper = ns.borrow().get("anext").cloned().unwrap_or(Value::None);
    vm.call(helper, vec![awaitable, default], vec![])
}

fn b_next(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "next")?;
    if let Value::Obj(o) = &args[0] {
        if let Obj::Gen(g) = &**o {
            if g.kind == GenKind::Generator {
                return match vm.resume_generator_sync(o, Value::None, None)? {
                    Ok(v) => Ok(v),
                    Err(ret) => match args.get(1) {
                        Some(d) => Ok(d.clone()),
                        None => {
                            let c = vm.t.exc("StopIteration");
                            Err(crate::exceptions::instantiate(&c, if ret.is_none() { vec![] } else { vec![ret] }))
                        }
                    },
                };
            }
        }
        if !matches!(&**o, Obj::Iter(_) | Obj::Instance(_) | Obj::Gen(_)) {
            let t = vm.type_name(&args[0]);
            return vm.type_error(format!("'{t}' object is not an iterator"));
        }
    } else {
        let t = vm.type_name(&args[0]);
        return vm.type_error(format!("'{t}' object is not an iterator"));
    }
    match vm.next(&args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => {
                let c = vm.t.exc("StopIteration");
                Err(crate::exceptions::instantiate(&c, vec![]))
            }
        },
    }
}

fn class_of_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<Rc<Obj>>> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Class(_) => Ok(vec![o.clone()]),
            Obj::Tuple(items) => {
                let mut out = vec![];
                for it in items.clone() {
                    out.extend(class_of_arg(vm, &it, fname)?);
                }
                Ok(out)
            }
            _ => vm.type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union")),
        },
        _ => vm.type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union")),
    }
}

fn b_isinstance(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "isinstance")?;
    let classes = class_of_arg(vm, &args[1], "isinstance")?;
    let t = vm.type_of(&args[0]);
    Ok(Value::Bool(classes.iter().any(|c| is_subclass(&t, c))))
}

fn b_issubclass(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "issubclass")?;
    let classes = class_of_arg(vm, &args[1], "issubclass")?;
    match &args[0] {
        Value::Obj(o) if matches!(&**o, Obj::Class(_)) => Ok(Value::Bool(classes.iter().any(|c| is_subclass(o, c)))),
        _ => vm.type_error("issubclass() arg 1 must be a class"),
    }
}

fn b_hasattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "hasattr")?;
    let name = as_str(vm, &args[1])?;
    match vm.get_attr(&args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if crate::exceptions::is_instance_of(&e, &vm.t.exc("AttributeError")) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn b_getattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 3, "getattr")?;
    let name = as_str(vm, &args[1])?;
    match vm.get_attr(&args[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && crate::exceptions::is_instance_of(&e, &vm.t.exc("AttributeError")) => Ok(args[2].clone()),
        Err(e) => Err(e),
    }
}

fn b_setattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 3, 3, "setattr")?;
    let name = as_str(vm, &args[1])?;
    vm.set_attr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn b_delattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "delattr")?;
    let name = as_str(vm, &args[1])?;
    vm.del_attr(&args[0], &name)?;
    Ok(Value::None)
}

fn b_id(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "id")?;
    Ok(Value::Int(args[0].id() as i64))
}

fn b_hash(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "hash")?;
    Ok(Value::Int(vm.hash(&args[0])?))
}

fn b_callable(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "callable")?;
    Ok(Value::Bool(match &args[0] {
        Value::Obj(o) => match &**o {
            Obj::Function(_) | Obj::Builtin(_) | Obj::BoundMethod { .. } | Obj::Class(_) => true,
            Obj::Instance(_) => vm.lookup_method(&args[0], "__call__")?.is_some(),
            _ => false,
        },
        _ => false,
    }))
}

fn b_ord(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "ord")?;
    match &args[0] {
        Value::Str(s) if s.chars().count() == 1 => Ok(Value::Int(s.chars().next().unwrap() as i64)),
        Value::Str(s) => vm.type_error(format!("ord() expected a character, but string of length {} found", s.chars().count())),
        v => {
            let t = vm.type_name(v);
            vm.type_error(format!("ord() expected string of length 1, but {t} found"))
        }
    }
}

fn b_chr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "chr")?;
    let i = as_int(vm, &args[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::Str(Rc::from(c.to_string()))),
        None => vm.err("ValueError", "chr() arg not in range(0x110000)"),
    }
}

fn radix_str(vm: &mut Vm, args: &Args, radix: u32, prefix: &str, name: &str) -> PyResult {
    arity(vm, args, 1, 1, name)?;
    let Some(b) = to_big(&args[0]) else {
        let t = vm.type_name(&args[0]);
        return vm.type_error(format!("'{t}' object cannot be interpreted as an integer"));
    };
    let sign = if b.is_negative() { "-" } else { "" };
    Ok(Value::str(&format!("{sign}{prefix}{}", b.abs().to_str_radix(radix))))
}
fn b_hex(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    radix_str(vm, &args, 16, "0x", "hex")
}
fn b_bin(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    radix_str(vm, &args, 2, "0b", "bin")
}
fn b_oct(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    radix_str(vm, &args, 8, "0o", "oct")
}

fn b_divmod(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "divmod")?;
    let q = vm.binary(awaitlab_syntax::ast::BinOp::FloorDiv, args[0].clone(), args[1].clone(), false)?;
    let r = vm.binary(awaitlab_syntax::ast::BinOp::Mod, args[0].clone(), args[1].clone(), false)?;
    Ok(Value::tuple(vec![q, r]))
}

fn b_pow(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 3, "pow")?;
    if let Some(m) = args.get(2) {
        let (Some(b), Some(e), Some(m)) = (to_big(&args[0]), to_big(&args[1]), to_big(m)) else {
            return vm.type_error("pow() 3rd argument not allowed unless all arguments are integers");
        };
        if m.is_zero() {
            return vm.err("ValueError", "pow() 3rd argument cannot be 0");
        }
        if e.is_negative() {
            // A negative exponent means the modular inverse (found by fuzzing: num-bigint panics).
            use num_integer::Integer;
            let m_abs = num_traits::Signed::abs(&m);
            let base = b.mod_floor(&m_abs);
            let egcd = base.extended_gcd(&m_abs);
            if !num_traits::One::is_one(&egcd.gcd) {
                return vm.err("ValueError", "base is not invertible for the given modulus");
            }
            let inverse = egcd.x.mod_floor(&m_abs);
            return Ok(int_value(inverse.modpow(&-e, &m)));
        }
        return Ok(int_value(b.modpow(&e, &m)));
    }
    vm.binary(awaitlab_syntax::ast::BinOp::Pow, args[0].clone(), args[1].clone(), false)
}

fn b_input(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    vm.err("EOFError", "EOF when reading a line (input() has no keyboard in Awaitlab)")
}

fn b_open(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    vm.err("NotImplementedError", "open() is not available in Awaitlab: programs run without a file system")
}

fn b_exit(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let c = vm.t.exc("SystemExit");
    Err(crate::exceptions::instantiate(&c, args))
}

fn b_super(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    match args.as_slice() {
        [Value::Obj(c), receiver] if matches!(&**c, Obj::Class(_)) => Ok(Value::obj(Obj::Super { class: c.clone(), receiver: receiver.clone() })),
        [] => vm.err("RuntimeError", "super(): no arguments"),
        _ => vm.type_error("super() argument 1 must be a type"),
    }
}

fn b_property(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let fget = args.first().cloned().or_else(|| kwarg(&kwargs, "fget")).unwrap_or(Value::None);
    let fset = args.get(1).cloned().or_else(|| kwarg(&kwargs, "fset")).unwrap_or(Value::None);
    let _ = vm;
    Ok(Value::obj(Obj::Property { fget, fset }))
}

fn m_property_setter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "setter")?;
    match &args[0] {
        Value::Obj(o) => match &**o {
            Obj::Property { fget, .. } => Ok(Value::obj(Obj::Property { fget: fget.clone(), fset: args[1].clone() })),
            _ => vm.type_error("setter needs a property"),
        },
        _ => vm.type_error("setter needs a property"),
    }
}

fn b_staticmethod(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "staticmethod")?;
    Ok(Value::obj(Obj::StaticMethod(args[0].clone())))
}

fn b_classmethod(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "classmethod")?;
    Ok(Value::obj(Obj::ClassMethod(args[0].clone())))
}

fn b_vars(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "vars")?;
    vm.get_attr(&args[0], "__dict__")
}

fn b_globals(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    vm.err("NotImplementedError", "globals() is not supported in Awaitlab")
}

pub fn register_builtins(vm: &mut Vm) {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("print", b_print),
        ("len", b_len),
        ("dir", b_dir),
        ("repr", b_repr),
        ("ascii", b_ascii),
        ("format", b_format),
        ("abs", b_abs),
        ("round", b_round),
        ("max", b_max),
        ("min", b_min),
        ("sum", b_sum),
        ("any", b_any),
        ("all", b_all),
        ("sorted", b_sorted),
        ("reversed", b_reversed),
        ("enumerate", b_enumerate),
        ("zip", b_zip),
        ("map", b_map),
        ("filter", b_filter),
        ("iter", b_iter),
        ("next", b_next),
        ("aiter", b_aiter),
        ("anext", b_anext),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("hasattr", b_hasattr),
        ("getattr", b_getattr),
        ("setattr", b_setattr),
        ("delattr", b_delattr),
        ("id", b_id),
        ("hash", b_hash),
        ("callable", b_callable),
        ("ord", b_ord),
        ("chr", b_chr),
        ("hex", b_hex),
        ("bin", b_bin),
        ("oct", b_oct),
        ("divmod", b_divmod),
        ("pow", b_pow),
        ("input", b_input),
        ("open", b_open),
        ("exit", b_exit),
        ("quit", b_exit),
        ("super", b_super),
        ("property", b_property),
        ("staticmethod", b_staticmethod),
        ("classmethod", b_classmethod),
        ("vars", b_vars),
        ("globals", b_globals),
        ("locals", b_globals),
    ];
    let mut b = vm.builtins.borrow_mut();
    for (name, f) in funcs {
        b.insert(Rc::from(*name), builtin(name, *f));
    }
    let t = &vm.t;
    for (name, class) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("float", &t.float),
        ("str", &t.str),
        ("bool", &t.bool),
        ("bytes", &t.bytes),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
    ] {
        b.insert(Rc::from(name), Value::Obj(class.clone()));
    }
    for (name, class) in &t.exceptions {
        if !matches!(*name, "CancelledError" | "InvalidStateError" | "LimitOverrunError" | "IncompleteReadError" | "QueueEmpty" | "QueueFull") {
            b.insert(Rc::from(*name), Value::Obj(class.clone()));
        }
    }
    b.insert(Rc::from("NotImplemented"), t.not_implemented.clone());
    b.insert(Rc::from("Ellipsis"), Value::obj(Obj::Native(NativeObj::Ellipsis)));
    b.insert(Rc::from("EnvironmentError"), Value::Obj(t.exc("OSError")));
    b.insert(Rc::from("IOError"), Value::Obj(t.exc("OSError")));
    drop(b);
    set_method(&vm.t.property, "setter", m_property_setter);
    register_type_methods(vm);
}

// ---------- constructors ----------

pub fn construct_builtin(vm: &mut Vm, class: &Rc<Obj>, bt: BuiltinType, args: Args, kwargs: Kwargs) -> PyResult {
    let name = match &**class {
        Obj::Class(c) => c.name.clone(),
        _ => Rc::from("?"),
    };
    match bt {
        BuiltinType::Object => {
            arity(vm, &args, 0, 0, "object")?;
            Ok(Value::obj(Obj::Instance(Instance { class: class.clone(), dict: RefCell::new(Namespace::default()), exc: RefCell::new(None) })))
        }
        BuiltinType::Type => {
            arity(vm, &args, 1, 1, "type")?;
            Ok(Value::Obj(vm.type_of(&args[0])))
        }
        BuiltinType::Int => {
            let base = args.get(1).cloned().or_else(|| kwarg(&kwargs, "base"));
            match (args.first(), base) {
                (None, _) => Ok(Value::Int(0)),
                (Some(Value::Str(s)), base) => {
                    let radix = match base {
                        Some(b) => as_int(vm, &b)?,
                        None => 10,
                    };
                    if radix != 0 && !(2..=36).contains(&radix) {
                        return vm.err("ValueError", "int() base must be >= 2 and <= 36, or 0");
                    }
                    parse_int(vm, s, radix as u32)
                }
                (Some(v @ (Value::Int(_) | Value::Big(_))), None) => Ok(v.clone()),
                (Some(Value::Bool(b)), None) => Ok(Value::Int(*b as i64)),
                (Some(Value::Float(f)), None) => crate::ops::float_to_int(vm, *f),
                (Some(v), _) => {
                    if let Some(m) = vm.lookup_method(v, "__int__")? {
                        return vm.call(m, vec![v.clone()], vec![]);
                    }
                    let t = vm.type_name(v);
                    vm.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{t}'"))
                }
            }
        }
        BuiltinType::Float => match args.first() {
            None => Ok(Value::Float(0.0)),
            Some(Value::Str(s)) => {
                let t = s.trim().replace('_', "");
                let lower = t.to_ascii_lowercase();
                let v = match lower.as_str() {
                    "inf" | "+inf" | "infinity" => Some(f64::INFINITY),
                    "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                    "nan" | "+nan" | "-nan" => Some(f64::NAN),
                    _ => t.parse::<f64>().ok().filter(|_| !t.is_empty() && !lower.contains("inf") && !lower.contains("nan")),
                };
                match v {
                    Some(f) => Ok(Value::Float(f)),
                    None => vm.err("ValueError", format!("could not convert string to float: {}", str_repr(s))),
                }
            }
            Some(v) => match to_f64(v) {
                Some(f) => Ok(Value::Float(f)),
                None => {
                    if let Some(m) = vm.lookup_method(v, "__float__")? {
                        return vm.call(m, vec![v.clone()], vec![]);
                    }
                    let t = vm.type_name(v);
                    vm.type_error(format!("float() argument must be a string or a real number, not '{t}'"))
                }
            },
        },
        BuiltinType::Str => match args.first() {
            None => Ok(Value::str("")),
            Some(v) => {
                if let (Value::Obj(o), Some(_)) = (v, args.get(1).or(kwarg(&kwargs, "encoding").as_ref())) {
                    if let Obj::Bytes(b) = &**o {
                        return Ok(Value::str(&String::from_utf8_lossy(b)));
                    }
                }
                Ok(Value::Str(vm.to_str(v)?))
            }
        },
        BuiltinType::Bool => match args.first() {
            None => Ok(Value::Bool(false)),
            Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
        },
        BuiltinType::Bytes => match args.first() {
            None => Ok(Value::obj(Obj::Bytes(vec![]))),
            Some(Value::Str(s)) => Ok(Value::obj(Obj::Bytes(s.as_bytes().to_vec()))),
            Some(Value::Int(n)) => Ok(Value::obj(Obj::Bytes(vec![0; (*n).max(0) as usize]))),
            Some(v) => {
                let items = vm.collect_iter(v)?;
                let mut out = vec![];
                for it in items {
                    let i = as_int(vm, &it)?;
                    if !(0..256).contains(&i) {
                        return vm.err("ValueError", "bytes must be in range(0, 256)");
                    }
                    out.push(i as u8);
                }
                Ok(Value::obj(Obj::Bytes(out)))
            }
        },
        BuiltinType::List => match args.first() {
            None => Ok(Value::list(vec![])),
            Some(v) => Ok(Value::list(vm.collect_iter(v)?)),
        },
        BuiltinType::Tuple => match args.first() {
            None => Ok(Value::tuple(vec![])),
            Some(v @ Value::Obj(o)) if matches!(&**o, Obj::Tuple(_)) => Ok(v.clone()),
            Some(v) => Ok(Value::tuple(vm.collect_iter(v)?)),
        },
        BuiltinType::Dict => {
            let d = Value::dict(DictMap::default());
            if let Some(src) = args.first() {
                dict_update_from(vm, &d, src)?;
            }
            for (k, v) in kwargs {
                let key = vm.key(Value::Str(k))?;
                dict_of(&d).unwrap().borrow_mut().insert(key, v);
            }
            Ok(d)
        }
        BuiltinType::Set | BuiltinType::FrozenSet => {
            // frozenset(f) is f itself, as CPython's.
            if let (BuiltinType::FrozenSet, Some(v @ Value::Obj(o))) = (bt, args.first()) {
                if matches!(&**o, Obj::FrozenSet(_)) {
                    return Ok(v.clone());
                }
            }
            let set = Value::obj(Obj::Set(RefCell::new(crate::pyset::PySet::new())));
            if let Some(src) = args.first() {
                crate::builtins::set_update_from(vm, &set, src)?;
            }
            if bt == BuiltinType::Set {
                return Ok(set);
            }
            let table = set_of(&set).unwrap().borrow().clone();
            Ok(Value::obj(Obj::FrozenSet(table)))
        }
        BuiltinType::Range => {
            arity(vm, &args, 1, 3, "range")?;
            let ints: Vec<i64> = args.iter().map(|a| as_int(vm, a)).collect::<PyResult<_>>()?;
            let (start, stop, step) = match ints.as_slice() {
                [stop] => (0, *stop, 1),
                [start, stop] => (*start, *stop, 1),
                [start, stop, step] => (*start, *stop, *step),
                _ => unreachable!(),
            };
            if step == 0 {
                return vm.err("ValueError", "range() arg 3 must not be zero");
            }
            Ok(Value::obj(Obj::Range { start, stop, step }))
        }
        BuiltinType::Slice => {
            let a: Vec<Value> = args;
            Ok(match a.len() {
                1 => Value::obj(Obj::Slice(Value::None, a[0].clone(), Value::None)),
                2 => Value::obj(Obj::Slice(a[0].clone(), a[1].clone(), Value::None)),
                _ => Value::obj(Obj::Slice(a[0].clone(), a[1].clone(), a.get(2).cloned().unwrap_or(Value::None))),
            })
        }
        BuiltinType::Deque => {
            let items = match args.first() {
                Some(v) => vm.collect_iter(v)?,
                None => vec![],
            };
            let maxlen = match args.get(1).cloned().or_else(|| kwarg(&kwargs, "maxlen")) {
                Some(Value::None) | None => None,
                Some(v) => Some(as_int(vm, &v)?.max(0) as usize),
            };
            let mut d: std::collections::VecDeque<Value> = items.into();
            if let Some(m) = maxlen {
                while d.len() > m {
                    d.pop_front();
                }
            }
            Ok(Value::obj(Obj::Deque(RefCell::new(d), maxlen)))
        }
        BuiltinType::BaseException => {
            if &*name == "BaseExceptionGroup" || &*name == "ExceptionGroup" {
                if args.len() != 2 {
                    return vm.type_error(format!("{name}() takes exactly 2 arguments ({} given)", args.len()));
                }
                if !matches!(args[0], Value::Str(_)) {
                    let t = vm.type_name(&args[0]);
                    return vm.type_error(format!("{name}() argument 1 must be str, not {t}"));
                }
                let is_sequence = matches!(&args[1], Value::Obj(o) if matches!(&**o, Obj::List(_) | Obj::Tuple(_)));
                if !is_sequence {
                    return vm.type_error("second argument (exceptions) must be a sequence");
                }
                let errors = crate::vm::tuple_items(&args[1]);
                if errors.is_empty() {
                    return vm.err("ValueError", "second argument (exceptions) must be a non-empty sequence");
                }
                let base = vm.t.exc("BaseException");
                if let Some(i) = errors.iter().position(|e| !crate::exceptions::is_instance_of(e, &base)) {
                    return vm.err("ValueError", format!("Item {i} of second argument (exceptions) is not an exception"));
                }
                let exception = vm.t.exc("Exception");
                let all_exceptions = errors.iter().all(|e| crate::exceptions::is_instance_of(e, &exception));
                let class = if &*name == "BaseExceptionGroup" && all_exceptions { vm.t.exc("ExceptionGroup") } else { class.clone() };
                if &*name == "ExceptionGroup" && !all_exceptions {
                    return vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup");
                }
                // `args` keeps the sequence as given (its repr shows a list as a list).
                return Ok(crate::exceptions::instantiate(&class, vec![args[0].clone(), args[1].clone()]));
            }
            Ok(crate::exceptions::instantiate(class, args))
        }
        BuiltinType::Future => crate::asyncio::new_future_value(vm),
        _ => vm.type_error(format!("cannot create '{name}' instances")),
    }
}

fn parse_int(vm: &mut Vm, s: &str, radix: u32) -> PyResult {
    let t = s.trim().replace('_', "");
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b.to_string()),
        None => (false, t.strip_prefix('+').unwrap_or(&t).to_string()),
    };
    let (radix, body) = if radix == 0 || radix == 16 || radix == 8 || radix == 2 {
        let lower = body.to_ascii_lowercase();
        if (radix == 0 || radix == 16) && lower.starts_with("0x") {
            (16, body[2..].to_string())
        } else if (radix == 0 || radix == 8) && lower.starts_with("0o") {
            (8, body[2..].to_string())
        } else if (radix == 0 || radix == 2) && lower.starts_with("0b") {
            (2, body[2..].to_string())
        } else {
            (if radix == 0 { 10 } else { radix }, body)
        }
    } else {
        (radix, body)
    };
    match BigInt::parse_bytes(body.as_bytes(), radix) {
        Some(v) if !body.is_empty() && !body.starts_with(['+', '-']) => Ok(int_value(if neg { -v } else { v })),
        _ => vm.err("ValueError", format!("invalid literal for int() with base {radix}: {}", str_repr(s))),
    }
}

// ---------- methods of builtin types ----------

fn this_str(vm: &mut Vm, args: &Args) -> PyResult<Rc<str>> {
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

str_method!(s_upper, |vm, s, _a| Ok(Value::str(&s.to_uppercase())));
str_method!(s_lower, |vm, s, _a| Ok(Value::str(&s.to_lowercase())));
str_method!(s_casefold, |vm, s, _a| Ok(Value::str(&casefold(&s))));
str_method!(s_swapcase, |vm, s, _a| Ok(Value::str(
    &s.chars().map(|c| if c.is_uppercase() { c.to_lowercase().to_string() } else { c.to_uppercase().to_string() }).collect::<String>()
)));
str_method!(s_strip, |vm, s, a| Ok(Value::str(match strip_chars(&a) {
    Some(cs) => s.trim_matches(|c| cs.contains(&c)),
    None => s.trim(),
})));
str_method!(s_lstrip, |vm, s, a| Ok(Value::str(match strip_chars(&a) {
    Some(cs) => s.trim_start_matches(|c| cs.contains(&c)),
    None => s.trim_start(),
})));
str_method!(s_rstrip, |vm, s, a| Ok(Value::str(match strip_chars(&a) {
    Some(cs) => s.trim_end_matches(|c| cs.contains(&c)),
    None => s.trim_end(),
})));
str_method!(s_isdigit, |vm, s, _a| Ok(Value::Bool(!s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))));
str_method!(s_isprintable, |vm, s, _a| Ok(Value::Bool(s.chars().all(awaitlab_syntax::literal::is_printable))));
str_method!(s_isalpha, |vm, s, _a| Ok(Value::Bool(!s.is_empty() && s.chars().all(char::is_alphabetic))));
str_method!(s_isalnum, |vm, s, _a| Ok(Value::Bool(!s.is_empty() && s.chars().all(char::is_alphanumeric))));
str_method!(s_isspace, |vm, s, _a| Ok(Value::Bool(!s.is_empty() && s.chars().all(char::is_whitespace))));
str_method!(s_isupper, |vm, s, _a| Ok(Value::Bool(s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase))));
str_method!(s_islower, |vm, s, _a| Ok(Value::Bool(s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase))));
str_method!(s_isidentifier, |vm, s, _a| Ok(Value::Bool(
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

str_method!(s_capitalize, |vm, s, _a| {
    let mut cs = s.chars();
    let mut out = String::with_capacity(s.len());
    if let Some(first) = cs.next() {
        titlecase(first, &mut out);
        out.push_str(&cs.as_str().to_lowercase());
    }
    Ok(Value::str(&out))
});
str_method!(s_title, |vm, s, _a| {
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
str_method!(s_istitle, |vm, s, _a| {
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
str_method!(s_encode, |vm, s, _a| Ok(Value::obj(Obj::Bytes(s.as_bytes().to_vec()))));
fn s_expandtabs(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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
fn s_splitlines(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
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

fn s_split_impl(vm: &mut Vm, args: Args, kwargs: Kwargs, right: bool) -> PyResult {
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
fn s_split(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    s_split_impl(vm, args, kwargs, false)
}
fn s_rsplit(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    s_split_impl(vm, args, kwargs, true)
}

fn s_join(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let items = { let a_ = arg(vm, &args, 1, "join")?; vm.collect_iter(&a_) }?;
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

fn s_replace(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let old = { let a_ = arg(vm, &args, 1, "replace")?; as_str(vm, &a_) }?;
    let new = { let a_ = arg(vm, &args, 2, "replace")?; as_str(vm, &a_) }?;
    let count = match args.get(3) {
        Some(c) => as_int(vm, c)?,
        None => -1,
    };
    Ok(Value::str(&if count < 0 { s.replace(&*old, &new) } else { s.replacen(&*old, &new, count as usize) }))
}

fn prefix_match(vm: &mut Vm, args: Args, ends: bool) -> PyResult {
    let s = this_str(vm, &args)?;
    let pats = match arg(vm, &args, 1, "startswith")? {
        Value::Str(p) => vec![p],
        v @ Value::Obj(_) => tuple_items(&v).into_iter().map(|x| if let Value::Str(p) = x { p } else { Rc::from("\u{0}\u{0}") }).collect(),
        other => {
            let t = vm.type_name(&other);
            return vm.type_error(format!("startswith first arg must be str or a tuple of str, not {t}"));
        }
    };
    Ok(Value::Bool(pats.iter().any(|p| if ends { s.ends_with(&**p) } else { s.starts_with(&**p) })))
}
fn s_startswith(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    prefix_match(vm, args, false)
}
fn s_endswith(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    prefix_match(vm, args, true)
}

fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

fn s_find_impl(vm: &mut Vm, args: Args, right: bool, raise: bool) -> PyResult {
    let s = this_str(vm, &args)?;
    let sub = { let a_ = arg(vm, &args, 1, "find")?; as_str(vm, &a_) }?;
    let found = if right { s.rfind(&*sub) } else { s.find(&*sub) };
    match found {
        Some(b) => Ok(Value::Int(char_index(&s, b))),
        None if raise => vm.err("ValueError", "substring not found"),
        None => Ok(Value::Int(-1)),
    }
}
fn s_find(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    s_find_impl(vm, args, false, false)
}
fn s_rfind(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    s_find_impl(vm, args, true, false)
}
fn s_index(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    s_find_impl(vm, args, false, true)
}

fn s_count(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let sub = { let a_ = arg(vm, &args, 1, "count")?; as_str(vm, &a_) }?;
    if sub.is_empty() {
        return Ok(Value::Int(s.chars().count() as i64 + 1));
    }
    Ok(Value::Int(s.matches(&*sub).count() as i64))
}

fn s_pad(vm: &mut Vm, args: Args, align: char) -> PyResult {
    let s = this_str(vm, &args)?;
    let width = { let a_ = arg(vm, &args, 1, "ljust")?; as_int(vm, &a_) }?.max(0) as usize;
    let fill = match args.get(2) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap(),
        Some(_) => return vm.type_error("The fill character must be exactly one character long"),
        None => ' ',
    };
    let spec = crate::format::Spec { fill: Some(fill), align: Some(align), width: Some(width), ..Default::default() };
    let out = crate::format::pad(&s, &spec, align, false);
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
fn s_ljust(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    s_pad(vm, args, '<')
}
fn s_rjust(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    s_pad(vm, args, '>')
}
fn s_center(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    s_pad(vm, args, '^')
}
fn s_zfill(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let width = { let a_ = arg(vm, &args, 1, "zfill")?; as_int(vm, &a_) }?.max(0) as usize;
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::Str(s));
    }
    let (sign, rest) = if s.starts_with(['+', '-']) { (&s[..1], &s[1..]) } else { ("", &s[..]) };
    Ok(Value::str(&format!("{sign}{}{rest}", "0".repeat(width - n))))
}

fn s_partition_impl(vm: &mut Vm, args: Args, right: bool) -> PyResult {
    let s = this_str(vm, &args)?;
    let sep = { let a_ = arg(vm, &args, 1, "partition")?; as_str(vm, &a_) }?;
    let found = if right { s.rfind(&*sep) } else { s.find(&*sep) };
    Ok(match found {
        Some(i) => Value::tuple(vec![Value::str(&s[..i]), Value::Str(sep.clone()), Value::str(&s[i + sep.len()..])]),
        None if right => Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(s)]),
        None => Value::tuple(vec![Value::Str(s), Value::str(""), Value::str("")]),
    })
}
fn s_partition(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    s_partition_impl(vm, args, false)
}
fn s_rpartition(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    s_partition_impl(vm, args, true)
}
fn s_removeprefix(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let p = { let a_ = arg(vm, &args, 1, "removeprefix")?; as_str(vm, &a_) }?;
    Ok(Value::str(s.strip_prefix(&*p).unwrap_or(&s)))
}
fn s_removesuffix(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_str(vm, &args)?;
    let p = { let a_ = arg(vm, &args, 1, "removesuffix")?; as_str(vm, &a_) }?;
    Ok(Value::str(s.strip_suffix(&*p).unwrap_or(&s)))
}

fn s_format(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
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
                    let c = vm.t.exc("KeyError");
                    return Err(crate::exceptions::instantiate(&c, vec![Value::str(head)]));
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
            Some('s') => Value::Str(vm.to_str(&value)?),
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
        let sign = if flags.contains('+') { "+" } else if flags.contains(' ') { " " } else { "" };
        let mut spec = format!("{}{}{}", if flags.contains('-') { "<" } else { "" }, sign, if flags.contains('0') && !flags.contains('-') { "0" } else { "" });
        spec.push_str(&width);
        let text = match kind {
            's' => {
                let s = vm.to_str(&value)?;
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
            'c' => vm.to_str(&value)?.to_string(),
            other => return vm.err("ValueError", format!("unsupported format character '{other}' (0x{:x})", other as u32)),
        };
        out.push_str(&text);
    }
    if !mapping && vi < values.len() && !matches!(args, Value::Obj(o) if matches!(&**o, Obj::Dict(_))) {
        return vm.type_error("not all arguments converted during string formatting");
    }
    Ok(out)
}

// list

fn this_list(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.first() {
        Some(v @ Value::Obj(o)) if matches!(&**o, Obj::List(_)) => Ok(v.clone()),
        _ => vm.type_error("descriptor requires a 'list' object"),
    }
}

fn l_append(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    arity(vm, &args, 2, 2, "append")?;
    list_of(&l).unwrap().borrow_mut().push(args[1].clone());
    Ok(Value::None)
}
fn l_extend(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    let items = { let a_ = arg(vm, &args, 1, "extend")?; vm.collect_iter(&a_) }?;
    list_of(&l).unwrap().borrow_mut().extend(items);
    Ok(Value::None)
}
fn l_insert(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    arity(vm, &args, 3, 3, "insert")?;
    let i = as_int(vm, &args[1])?;
    let cell = list_of(&l).unwrap();
    let n = cell.borrow().len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    cell.borrow_mut().insert(pos, args[2].clone());
    Ok(Value::None)
}
fn l_pop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    let cell = list_of(&l).unwrap();
    let n = cell.borrow().len();
    if n == 0 {
        return vm.err("IndexError", "pop from empty list");
    }
    let i = match args.get(1) {
        Some(i) => seq_index(vm, n, i, "pop").map_err(|_| ()).or_else(|_| vm.err("IndexError", "pop index out of range"))?,
        None => n - 1,
    };
    let item = cell.borrow_mut().remove(i);
    Ok(item)
}
fn l_remove(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    let x = arg(vm, &args, 1, "remove")?;
    let items = list_of(&l).unwrap().borrow().clone();
    for (i, it) in items.iter().enumerate() {
        if it.is(&x) || vm.eq(it, &x)? {
            list_of(&l).unwrap().borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    vm.err("ValueError", "list.remove(x): x not in list")
}
fn l_index(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = arg(vm, &args, 1, "index")?;
    let items = tuple_items(&args[0]);
    for (i, it) in items.iter().enumerate() {
        if it.is(&x) || vm.eq(it, &x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    match &args[0] {
        Value::Obj(o) if matches!(&**o, Obj::Tuple(_)) => vm.err("ValueError", "tuple.index(x): x not in tuple"),
        _ => {
            let r = vm.repr(&x)?;
            vm.err("ValueError", format!("{r} is not in list"))
        }
    }
}
fn l_count(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = arg(vm, &args, 1, "count")?;
    let mut n = 0;
    for it in tuple_items(&args[0]) {
        if it.is(&x) || vm.eq(&it, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
fn l_sort(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    let mut items = list_of(&l).unwrap().borrow().clone();
    let key = kwarg(&kwargs, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(&kwargs, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    sort_values(vm, &mut items, key, reverse)?;
    *list_of(&l).unwrap().borrow_mut() = items;
    Ok(Value::None)
}
fn l_reverse(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    list_of(&l).unwrap().borrow_mut().reverse();
    Ok(Value::None)
}
fn l_clear(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    list_of(&l).unwrap().borrow_mut().clear();
    Ok(Value::None)
}
fn l_copy(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = this_list(vm, &args)?;
    let items = list_of(&l).unwrap().borrow().clone();
    Ok(Value::list(items))
}

// dict

fn this_dict(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.first() {
        Some(v @ Value::Obj(o)) if matches!(&**o, Obj::Dict(_)) => Ok(v.clone()),
        _ => vm.type_error("descriptor requires a 'dict' object"),
    }
}

fn d_get(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    arity(vm, &args, 2, 3, "get")?;
    let k = vm.key(args[1].clone())?;
    let found = dict_of(&d).unwrap().borrow().get(&k).cloned();
    Ok(found.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}
fn d_view(vm: &mut Vm, args: &Args, kind: u8) -> PyResult {
    let d = this_dict(vm, args)?;
    let Value::Obj(o) = d else { unreachable!() };
    Ok(Value::obj(Obj::Native(NativeObj::DictView(kind, o))))
}
fn d_keys(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    d_view(vm, &args, 0)
}
fn d_values(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    d_view(vm, &args, 1)
}
fn d_items(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    d_view(vm, &args, 2)
}
fn d_pop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    arity(vm, &args, 2, 3, "pop")?;
    let k = vm.key(args[1].clone())?;
    let removed = dict_of(&d).unwrap().borrow_mut().shift_remove(&k);
    match (removed, args.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => {
            let c = vm.t.exc("KeyError");
            Err(crate::exceptions::instantiate(&c, vec![args[1].clone()]))
        }
    }
}
fn d_popitem(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    let last = dict_of(&d).unwrap().borrow_mut().pop();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.value, v])),
        None => vm.err("KeyError", "popitem(): dictionary is empty"),
    }
}
fn d_setdefault(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    let a_ = arg(vm, &args, 1, "setdefault")?;
    let k = vm.key(a_)?;
    let default = args.get(2).cloned().unwrap_or(Value::None);
    let cell = dict_of(&d).unwrap();
    let existing = cell.borrow().get(&k).cloned();
    Ok(match existing {
        Some(v) => v,
        None => {
            cell.borrow_mut().insert(k, default.clone());
            default
        }
    })
}
fn d_update(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    if let Some(src) = args.get(1) {
        dict_update_from(vm, &d, src)?;
    }
    for (k, v) in kwargs {
        let key = vm.key(Value::Str(k))?;
        dict_of(&d).unwrap().borrow_mut().insert(key, v);
    }
    Ok(Value::None)
}
fn d_clear(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    dict_of(&d).unwrap().borrow_mut().clear();
    Ok(Value::None)
}
fn d_copy(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let d = this_dict(vm, &args)?;
    let m = dict_of(&d).unwrap().borrow().clone();
    Ok(Value::dict(m))
}
fn d_fromkeys(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let keys = { let a_ = arg(vm, &args, 1, "fromkeys")?; vm.collect_iter(&a_) }?;
    let v = args.get(2).cloned().unwrap_or(Value::None);
    let mut m = DictMap::default();
    for k in keys {
        let key = vm.key(k)?;
        m.insert(key, v.clone());
    }
    Ok(Value::dict(m))
}

// set

fn this_set(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.first() {
        Some(v @ Value::Obj(o)) if matches!(&**o, Obj::Set(_)) => Ok(v.clone()),
        _ => vm.type_error("descriptor requires a 'set' object"),
    }
}
fn set_of(v: &Value) -> Option<&RefCell<crate::pyset::PySet>> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Set(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}
/// The table of a set or frozenset `v`.
fn table_of(v: &Value) -> Option<crate::pyset::PySet> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Set(s) => Some(s.borrow().clone()),
            Obj::FrozenSet(s) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    }
}
/// `other` as a set: itself if it is one, else a new set of its items (make_new_set).
fn as_table(vm: &mut Vm, other: &Value) -> PyResult<crate::pyset::PySet> {
    if let Some(t) = table_of(other) {
        return Ok(t);
    }
    let set = Value::obj(Obj::Set(RefCell::new(crate::pyset::PySet::new())));
    crate::builtins::set_update_from(vm, &set, other)?;
    let table = set_of(&set).unwrap().borrow().clone();
    Ok(table)
}
/// A result of the receiver's own type (set or frozenset).
fn same_kind(receiver: &Value, table: crate::pyset::PySet) -> Value {
    match receiver {
        Value::Obj(o) if matches!(&**o, Obj::FrozenSet(_)) => Value::obj(Obj::FrozenSet(table)),
        _ => Value::obj(Obj::Set(RefCell::new(table))),
    }
}
fn st_add(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    let a_ = arg(vm, &args, 1, "add")?;
    let cell = set_of(&s).unwrap();
    let k = vm.set_key(&cell.borrow(), a_)?;
    cell.borrow_mut().add(k);
    Ok(Value::None)
}
fn st_remove_impl(vm: &mut Vm, args: Args, raise: bool) -> PyResult {
    let s = this_set(vm, &args)?;
    let x = arg(vm, &args, 1, "remove")?;
    let cell = set_of(&s).unwrap();
    let k = vm.set_key(&cell.borrow(), x.clone())?;
    if cell.borrow_mut().discard(&k).is_none() && raise {
        let c = vm.t.exc("KeyError");
        return Err(crate::exceptions::instantiate(&c, vec![x]));
    }
    Ok(Value::None)
}
fn st_remove(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    st_remove_impl(vm, args, true)
}
fn st_discard(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    st_remove_impl(vm, args, false)
}
fn st_pop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    let popped = set_of(&s).unwrap().borrow_mut().pop();
    match popped {
        Some(k) => Ok(k.value),
        None => vm.err("KeyError", "pop from an empty set"),
    }
}
fn st_update(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    for src in &args[1..] {
        crate::builtins::set_update_from(vm, &s, src)?;
    }
    Ok(Value::None)
}
fn any_set(vm: &mut Vm, args: &Args, name: &str) -> PyResult<crate::pyset::PySet> {
    match args.first().and_then(table_of) {
        Some(t) => Ok(t),
        None => vm.type_error(format!("descriptor '{name}' requires a 'set' object")),
    }
}
fn st_union(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    // A copy, updated with each argument as set.update does it.
    let out = Value::obj(Obj::Set(RefCell::new(any_set(vm, &args, "union")?.copy())));
    for other in &args[1..] {
        crate::builtins::set_update_from(vm, &out, other)?;
    }
    let table = set_of(&out).unwrap().borrow().clone();
    Ok(same_kind(&args[0], table))
}
fn st_intersection(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let mut out = any_set(vm, &args, "intersection")?;
    if args.len() == 1 {
        return Ok(same_kind(&args[0], out.copy()));
    }
    for other in &args[1..] {
        out = match table_of(other) {
            Some(o) => crate::pyset::intersection(&out, &o),
            // Another iterable: its items, in its order, that the set has.
            None => {
                let mut r = crate::pyset::PySet::new();
                for item in vm.collect_iter(other)? {
                    let k = vm.set_key(&out, item)?;
                    if out.contains(&k) {
                        r.add(k);
                    }
                }
                r
            }
        };
    }
    Ok(same_kind(&args[0], out))
}
fn st_difference(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let mut out = any_set(vm, &args, "difference")?;
    if args.len() == 1 {
        return Ok(same_kind(&args[0], out.copy()));
    }
    for (i, other) in args[1..].iter().enumerate() {
        match table_of(other) {
            Some(o) if i == 0 => out = crate::pyset::difference(&out, &o),
            Some(o) => crate::pyset::difference_update(&mut out, &o),
            None => {
                if i == 0 {
                    out = out.copy();
                }
                for item in vm.collect_iter(other)? {
                    let k = vm.set_key(&out, item)?;
                    out.discard(&k);
                }
                out.sweep_dummies();
            }
        }
    }
    Ok(same_kind(&args[0], out))
}
fn st_symmetric_difference(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let this = any_set(vm, &args, "symmetric_difference")?;
    let a_ = arg(vm, &args, 1, "symmetric_difference")?;
    // make_new_set(other): a set argument is copied, any other iterable's items added.
    let mut out = match table_of(&a_) {
        Some(t) => t.copy(),
        None => as_table(vm, &a_)?,
    };
    crate::pyset::symmetric_difference_update(&mut out, &this);
    Ok(same_kind(&args[0], out))
}
fn st_intersection_update(vm: &mut Vm, args: Args, kw: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    let result = st_intersection(vm, args, kw)?;
    let table = set_of(&result).unwrap().borrow().clone();
    set_of(&s).unwrap().borrow_mut().replace_body(table);
    Ok(Value::None)
}
fn st_difference_update(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    for other in &args[1..] {
        let o = match table_of(other) {
            Some(o) => o,
            None => as_table(vm, other)?,
        };
        crate::pyset::difference_update(&mut set_of(&s).unwrap().borrow_mut(), &o);
    }
    Ok(Value::None)
}
fn st_symmetric_difference_update(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    let a_ = arg(vm, &args, 1, "symmetric_difference_update")?;
    let o = as_table(vm, &a_)?;
    crate::pyset::symmetric_difference_update(&mut set_of(&s).unwrap().borrow_mut(), &o);
    Ok(Value::None)
}
fn st_issubset(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let this = any_set(vm, &args, "issubset")?;
    let a_ = arg(vm, &args, 1, "issubset")?;
    let other = as_table(vm, &a_)?;
    let result = this.iter().all(|k| other.contains(k));
    Ok(Value::Bool(result))
}
fn st_issuperset(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let this = any_set(vm, &args, "issuperset")?;
    let a_ = arg(vm, &args, 1, "issuperset")?;
    let other = as_table(vm, &a_)?;
    let result = other.iter().all(|k| this.contains(k));
    Ok(Value::Bool(result))
}
fn st_isdisjoint(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let this = any_set(vm, &args, "isdisjoint")?;
    let a_ = arg(vm, &args, 1, "isdisjoint")?;
    let other = as_table(vm, &a_)?;
    let result = !this.iter().any(|k| other.contains(k));
    Ok(Value::Bool(result))
}
fn st_copy(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let this = any_set(vm, &args, "copy")?;
    Ok(same_kind(&args[0], this.copy()))
}
fn st_clear(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let s = this_set(vm, &args)?;
    set_of(&s).unwrap().borrow_mut().clear();
    Ok(Value::None)
}

// bytes, numbers

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
fn by_via_str(vm: &mut Vm, args: Args, kwargs: Kwargs, method: &str) -> PyResult {
    let this = this_bytes(vm, &args)?;
    let mut call_args = vec![latin1(&this)];
    for a in &args[1..] {
        call_args.push(bytes_arg(vm, a)?);
    }
    let f = vm.get_attr(&Value::Obj(vm.t.str.clone()), method)?;
    let r = vm.call(f, call_args, kwargs)?;
    Ok(latin1_bytes(r))
}
macro_rules! bytes_via_str {
    ($($name:ident => $method:literal),* $(,)?) => {
        $(fn $name(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
            by_via_str(vm, args, kwargs, $method)
        })*
    };
}
bytes_via_str!(
    by_split => "split", by_rsplit => "rsplit", by_strip => "strip", by_lstrip => "lstrip", by_rstrip => "rstrip",
    by_replace => "replace", by_startswith => "startswith", by_endswith => "endswith", by_find => "find",
    by_rfind => "rfind", by_index => "index", by_rindex => "rindex", by_count => "count", by_join => "join",
    by_partition => "partition", by_rpartition => "rpartition", by_splitlines => "splitlines", by_center => "center",
    by_ljust => "ljust", by_rjust => "rjust", by_zfill => "zfill",
);
/// The case methods and tests of bytes see ASCII letters only.
fn by_ascii(vm: &mut Vm, args: Args, kind: &str) -> PyResult {
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
fn by_upper(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    by_ascii(vm, args, "upper")
}
fn by_lower(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    by_ascii(vm, args, "lower")
}
fn by_isdigit(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    by_ascii(vm, args, "isdigit")
}
fn by_isalpha(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    by_ascii(vm, args, "isalpha")
}
fn by_isalnum(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    by_ascii(vm, args, "isalnum")
}
fn by_isspace(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    by_ascii(vm, args, "isspace")
}
fn by_isupper(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    by_ascii(vm, args, "isupper")
}
fn by_islower(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    by_ascii(vm, args, "islower")
}
fn by_hex(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
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
fn by_fromhex(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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

fn by_decode(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    match args.first() {
        Some(Value::Obj(o)) => match &**o {
            Obj::Bytes(b) => match std::str::from_utf8(b) {
                Ok(s) => Ok(Value::str(s)),
                Err(e) => vm.err(
                    "UnicodeDecodeError",
                    format!("'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", b[e.valid_up_to()], e.valid_up_to()),
                ),
            },
            _ => vm.type_error("decode() needs bytes"),
        },
        _ => vm.type_error("decode() needs bytes"),
    }
}
fn i_bit_length(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let b = to_big(&args[0]).unwrap_or_default();
    let _ = vm;
    Ok(Value::Int(b.bits() as i64))
}
/// `str.casefold()`: lower case, then Unicode's full case folding where it differs from it (the
/// letters tutorials meet: German sharp s, final sigma, long s, the micro sign, ligatures).
fn casefold(s: &str) -> String {
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

/// `byteorder` and `signed` of int.to_bytes / int.from_bytes (positional or keyword).
fn byte_order(vm: &mut Vm, given: Option<Value>, kwargs: &Kwargs) -> PyResult<(bool, bool)> {
    let big = match given.or_else(|| kwarg(kwargs, "byteorder")) {
        None => true,
        Some(Value::Str(s)) if &*s == "big" => true,
        Some(Value::Str(s)) if &*s == "little" => false,
        Some(Value::Str(_)) => return vm.err("ValueError", "byteorder must be either 'little' or 'big'"),
        Some(v) => {
            let t = vm.type_name(&v);
            return vm.type_error(format!("to_bytes() argument 'byteorder' must be str, not {t}"));
        }
    };
    let signed = match kwarg(kwargs, "signed") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    Ok((big, signed))
}

fn i_to_bytes(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let n = to_big(&args[0]).unwrap_or_default();
    let length = match args.get(1).cloned().or_else(|| kwarg(&kwargs, "length")) {
        Some(v) => as_int(vm, &v)?,
        None => 1,
    };
    if length < 0 {
        return vm.err("ValueError", "length argument must be non-negative");
    }
    let (big, signed) = byte_order(vm, args.get(2).cloned(), &kwargs)?;
    if n.is_negative() && !signed {
        return vm.err("OverflowError", "can't convert negative int to unsigned");
    }
    let mut bytes = n.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if !signed && n.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length as usize {
        return vm.err("OverflowError", "int too big to convert");
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, fill);
    if big {
        bytes.reverse();
    }
    Ok(Value::obj(Obj::Bytes(bytes)))
}

fn i_from_bytes(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let data = match args.first() {
        Some(Value::Obj(o)) => match &**o {
            Obj::Bytes(b) => b.clone(),
            _ => {
                let items = vm.collect_iter(&args[0])?;
                items.iter().map(|v| as_int(vm, v).map(|i| i as u8)).collect::<PyResult<Vec<u8>>>()?
            }
        },
        _ => return vm.type_error("cannot convert object to bytes"),
    };
    let (big, signed) = byte_order(vm, args.get(1).cloned(), &kwargs)?;
    let mut le = data;
    if big {
        le.reverse();
    }
    let n = if signed { BigInt::from_signed_bytes_le(&le) } else { BigInt::from_bytes_le(num_bigint::Sign::Plus, &le) };
    Ok(int_value(n))
}

fn f_is_integer(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let _ = vm;
    Ok(Value::Bool(matches!(args[0], Value::Float(f) if f.fract() == 0.0)))
}

// deque

fn this_deque(vm: &mut Vm, args: &Args) -> PyResult<(Value, Option<usize>)> {
    match args.first() {
        Some(v @ Value::Obj(o)) => match &**o {
            Obj::Deque(_, m) => Ok((v.clone(), *m)),
            _ => vm.type_error("descriptor requires a 'deque' object"),
        },
        _ => vm.type_error("descriptor requires a 'deque' object"),
    }
}
fn with_deque<R>(v: &Value, f: impl FnOnce(&mut std::collections::VecDeque<Value>) -> R) -> R {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Deque(d, _) => f(&mut d.borrow_mut()),
            _ => unreachable!(),
        },
        _ => unreachable!(),
    }
}
fn dq_append(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, max) = this_deque(vm, &args)?;
    let x = arg(vm, &args, 1, "append")?;
    with_deque(&d, |q| {
        q.push_back(x);
        if max.is_some_and(|m| q.len() > m) {
            q.pop_front();
        }
    });
    Ok(Value::None)
}
fn dq_appendleft(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, max) = this_deque(vm, &args)?;
    let x = arg(vm, &args, 1, "appendleft")?;
    with_deque(&d, |q| {
        q.push_front(x);
        if max.is_some_and(|m| q.len() > m) {
            q.pop_back();
        }
    });
    Ok(Value::None)
}
fn dq_pop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, _) = this_deque(vm, &args)?;
    match with_deque(&d, |q| q.pop_back()) {
        Some(v) => Ok(v),
        None => vm.err("IndexError", "pop from an empty deque"),
    }
}
fn dq_popleft(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, _) = this_deque(vm, &args)?;
    match with_deque(&d, |q| q.pop_front()) {
        Some(v) => Ok(v),
        None => vm.err("IndexError", "pop from an empty deque"),
    }
}
fn dq_extend(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, max) = this_deque(vm, &args)?;
    let items = { let a_ = arg(vm, &args, 1, "extend")?; vm.collect_iter(&a_) }?;
    with_deque(&d, |q| {
        for x in items {
            q.push_back(x);
            if max.is_some_and(|m| q.len() > m) {
                q.pop_front();
            }
        }
    });
    Ok(Value::None)
}
fn dq_clear(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, _) = this_deque(vm, &args)?;
    with_deque(&d, |q| q.clear());
    Ok(Value::None)
}
fn dq_remove(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, _) = this_deque(vm, &args)?;
    let x = arg(vm, &args, 1, "remove")?;
    // Identity first (asyncio removes the very future it appended) without copying the deque.
    if let Some(i) = with_deque(&d, |q| q.iter().position(|it| it.is(&x))) {
        with_deque(&d, |q| q.remove(i));
        return Ok(Value::None);
    }
    let items: Vec<Value> = with_deque(&d, |q| q.iter().cloned().collect());
    for (i, it) in items.iter().enumerate() {
        if it.is(&x) || vm.eq(it, &x)? {
            with_deque(&d, |q| q.remove(i));
            return Ok(Value::None);
        }
    }
    vm.err("ValueError", "deque.remove(x): x not in deque")
}
fn dq_rotate(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (d, _) = this_deque(vm, &args)?;
    let n = match args.get(1) {
        Some(n) => as_int(vm, n)?,
        None => 1,
    };
    with_deque(&d, |q| {
        if q.is_empty() {
            return;
        }
        let len = q.len() as i64;
        let k = n.rem_euclid(len) as usize;
        q.rotate_right(k);
    });
    Ok(Value::None)
}

// generators and coroutines

fn this_gen(vm: &mut Vm, args: &Args) -> PyResult<Rc<Obj>> {
    match args.first() {
        Some(Value::Obj(o)) if matches!(&**o, Obj::Gen(_)) => Ok(o.clone()),
        _ => vm.type_error("descriptor requires a generator"),
    }
}
fn coro_await(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arg(vm, &args, 0, "__await__")
}

fn g_send(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    if let Obj::Gen(gen) = &*g {
        if gen.kind == GenKind::Coroutine {
            gen.awaited.set(true);
        }
    }
    match vm.resume_generator_sync(&g, v, None)? {
        Ok(y) => Ok(y),
        Err(ret) => {
            let c = vm.t.exc("StopIteration");
            Err(crate::exceptions::instantiate(&c, if ret.is_none() { vec![] } else { vec![ret] }))
        }
    }
}
fn g_throw(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    let exc = arg(vm, &args, 1, "throw")?;
    let exc = match &exc {
        Value::Obj(o) if matches!(&**o, Obj::Class(_)) => vm.call(exc.clone(), vec![], vec![])?,
        _ => exc,
    };
    match vm.resume_generator_sync(&g, Value::None, Some(exc))? {
        Ok(y) => Ok(y),
        Err(ret) => {
            let c = vm.t.exc("StopIteration");
            Err(crate::exceptions::instantiate(&c, if ret.is_none() { vec![] } else { vec![ret] }))
        }
    }
}
fn g_close(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    let Obj::Gen(gen) = &*g else { unreachable!() };
    match gen.state.get() {
        GenState::Created => {
            gen.state.set(GenState::Closed);
            gen.awaited.set(true);
            gen.frame.borrow_mut().take();
            Ok(Value::None)
        }
        GenState::Suspended => {
            let c = vm.t.exc("GeneratorExit");
            let exc = crate::exceptions::instantiate(&c, vec![]);
            match vm.resume_generator_sync(&g, Value::None, Some(exc)) {
                Ok(Ok(_)) => vm.err("RuntimeError", "generator ignored GeneratorExit"),
                Ok(Err(_)) => Ok(Value::None),
                Err(e) if crate::exceptions::is_instance_of(&e, &c) => Ok(Value::None),
                Err(e) => Err(e),
            }
        }
        _ => Ok(Value::None),
    }
}
fn ag_anext(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    Ok(Value::obj(Obj::Native(NativeObj::Anext(Value::Obj(g)))))
}
/// `agen.athrow(exc)`: awaiting it raises `exc` at the generator's `yield`, as `__anext__`
/// resumes it there; the await gives what the generator yields next.
fn ag_athrow(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    let exc = arg(vm, &args, 1, "athrow")?;
    let exc = match &exc {
        Value::Obj(o) if matches!(&**o, Obj::Class(_)) => vm.call(exc.clone(), vec![], vec![])?,
        _ => exc,
    };
    if !crate::exceptions::is_exception(&exc) {
        let t = vm.type_name(&exc);
        return vm.type_error(format!("exceptions must be classes or instances deriving from BaseException, not {t}"));
    }
    Ok(Value::obj(Obj::Native(NativeObj::Athrow(Value::Obj(g), exc))))
}
/// `agen.aclose()`: awaiting it throws GeneratorExit in, so its `finally` blocks run.
fn ag_aclose(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    Ok(Value::obj(Obj::Native(NativeObj::Aclose(Value::Obj(g)))))
}
fn ag_aiter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let _ = vm;
    Ok(args[0].clone())
}

fn obj_init(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    if args.len() > 1 || !kwargs.is_empty() {
        let t = vm.type_name(&args[0]);
        return vm.type_error(format!("{t}() takes no arguments"));
    }
    Ok(Value::None)
}
fn obj_repr_default(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let v = &args[0];
    if crate::exceptions::is_exception(v) {
        let a = crate::exceptions::exc_args(v);
        let name = crate::exceptions::class_name(v);
        let mut parts = Vec::with_capacity(a.len());
        for arg in &a {
            parts.push(vm.repr(arg)?.to_string());
        }
        let inner = parts.join(", ");
        return Ok(Value::str(&format!("{name}({inner})")));
    }
    let Value::Obj(o) = v else { return Ok(Value::Str(vm.repr(v)?)) };
    let t = vm.type_of(v);
    let (module, qual) = match &*t {
        Obj::Class(c) => (c.module.clone(), c.qualname.clone()),
        _ => (Rc::from("?"), Rc::from("?")),
    };
    Ok(Value::str(&format!("<{module}.{qual} object at 0x{:012x}>", Rc::as_ptr(o) as *const u8 as usize)))
}
fn obj_str_default(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let v = &args[0];
    if crate::exceptions::is_exception(v) {
        return Ok(Value::Str(crate::exceptions::exc_str(vm, v)?));
    }
    Ok(Value::Str(vm.repr(v)?))
}
fn obj_eq_default(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    Ok(if args[0].is(&args[1]) { Value::Bool(true) } else { vm.t.not_implemented.clone() })
}
fn obj_setattr_default(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 3, 3, "__setattr__")?;
    if let Value::Obj(o) = &args[0] {
        if let Obj::Instance(i) = &**o {
            let name = as_str(vm, &args[1])?;
            i.dict.borrow_mut().insert(name, args[2].clone());
        }
    }
    Ok(Value::None)
}
fn obj_delattr_default(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "__delattr__")?;
    if let Value::Obj(o) = &args[0] {
        if let Obj::Instance(i) = &**o {
            let name = as_str(vm, &args[1])?;
            if i.dict.borrow_mut().shift_remove(&name).is_none() {
                let t = vm.type_name(&args[0]);
                return vm.err("AttributeError", format!("'{t}' object has no attribute '{name}'"));
            }
        }
    }
    Ok(Value::None)
}
fn exc_init(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let _ = vm;
    if let Value::Obj(o) = &args[0] {
        if let Obj::Instance(i) = &**o {
            i.dict.borrow_mut().insert(Rc::from("args"), Value::tuple(args[1..].to_vec()));
        }
    }
    Ok(Value::None)
}
fn exc_with_traceback(_vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    Ok(args[0].clone())
}
fn exc_add_note(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "add_note")?;
    if !matches!(args[1], Value::Str(_)) {
        let t = vm.type_name(&args[1]);
        return vm.type_error(format!("note must be a str, not '{t}'"));
    }
    match crate::exceptions::notes(&args[0]) {
        Some(Value::Obj(o)) if matches!(&*o, Obj::List(_)) => {
            if let Obj::List(l) = &*o {
                l.borrow_mut().push(args[1].clone());
            }
        }
        Some(_) => return vm.type_error("Cannot add note: __notes__ is not a list"),
        None => crate::exceptions::set_notes(&args[0], Value::list(vec![args[1].clone()])),
    }
    Ok(Value::None)
}

fn view_iter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let _ = vm;
    let Value::Obj(o) = &args[0] else { unreachable!() };
    let Obj::Native(NativeObj::DictView(kind, d)) = &**o else { unreachable!() };
    let len = match &**d {
        Obj::Dict(m) => m.borrow().len(),
        _ => 0,
    };
    let state = match kind {
        0 => IterState::DictKeys { dict: d.clone(), index: 0, len },
        1 => IterState::DictValues { dict: d.clone(), index: 0, len },
        _ => IterState::DictItems { dict: d.clone(), index: 0, len },
    };
    Ok(Value::obj(Obj::Iter(RefCell::new(state))))
}

fn register_type_methods(vm: &mut Vm) {
    let t = &vm.t;
    let str_methods: &[(&'static str, NativeFn)] = &[
        ("upper", s_upper),
        ("lower", s_lower),
        ("casefold", s_casefold),
        ("swapcase", s_swapcase),
        ("strip", s_strip),
        ("lstrip", s_lstrip),
        ("rstrip", s_rstrip),
        ("split", s_split),
        ("rsplit", s_rsplit),
        ("join", s_join),
        ("replace", s_replace),
        ("startswith", s_startswith),
        ("endswith", s_endswith),
        ("find", s_find),
        ("rfind", s_rfind),
        ("index", s_index),
        ("count", s_count),
        ("format", s_format),
        ("isdigit", s_isdigit),
        ("isprintable", s_isprintable),
        ("isnumeric", s_isdigit),
        ("isdecimal", s_isdigit),
        ("isalpha", s_isalpha),
        ("isalnum", s_isalnum),
        ("isspace", s_isspace),
        ("isupper", s_isupper),
        ("islower", s_islower),
        ("isidentifier", s_isidentifier),
        ("capitalize", s_capitalize),
        ("title", s_title),
        ("istitle", s_istitle),
        ("center", s_center),
        ("ljust", s_ljust),
        ("rjust", s_rjust),
        ("zfill", s_zfill),
        ("splitlines", s_splitlines),
        ("expandtabs", s_expandtabs),
        ("encode", s_encode),
        ("partition", s_partition),
        ("rpartition", s_rpartition),
        ("removeprefix", s_removeprefix),
        ("removesuffix", s_removesuffix),
    ];
    for (n, f) in str_methods {
        set_method(&t.str, n, *f);
    }
    for (n, f) in [
        ("append", l_append as NativeFn),
        ("extend", l_extend),
        ("insert", l_insert),
        ("pop", l_pop),
        ("remove", l_remove),
        ("index", l_index),
        ("count", l_count),
        ("sort", l_sort),
        ("reverse", l_reverse),
        ("clear", l_clear),
        ("copy", l_copy),
    ] {
        set_method(&t.list, n, f);
    }
    set_method(&t.tuple, "index", l_index);
    set_method(&t.tuple, "count", l_count);
    for (n, f) in [
        ("get", d_get as NativeFn),
        ("keys", d_keys),
        ("values", d_values),
        ("items", d_items),
        ("pop", d_pop),
        ("popitem", d_popitem),
        ("setdefault", d_setdefault),
        ("update", d_update),
        ("clear", d_clear),
        ("copy", d_copy),
        ("fromkeys", d_fromkeys),
    ] {
        set_method(&t.dict, n, f);
    }
    if let Obj::Class(c) = &*t.dict {
        let fk = c.dict.borrow().get("fromkeys").cloned().unwrap();
        c.dict.borrow_mut().insert(Rc::from("fromkeys"), Value::obj(Obj::ClassMethod(fk)));
    }
    for (n, f) in [
        ("add", st_add as NativeFn),
        ("remove", st_remove),
        ("discard", st_discard),
        ("pop", st_pop),
        ("update", st_update),
        ("union", st_union),
        ("intersection", st_intersection),
        ("difference", st_difference),
        ("symmetric_difference", st_symmetric_difference),
        ("issubset", st_issubset),
        ("issuperset", st_issuperset),
        ("isdisjoint", st_isdisjoint),
        ("intersection_update", st_intersection_update),
        ("difference_update", st_difference_update),
        ("symmetric_difference_update", st_symmetric_difference_update),
        ("copy", st_copy),
        ("clear", st_clear),
    ] {
        set_method(&t.set, n, f);
    }
    for (n, f) in [
        ("union", st_union as NativeFn),
        ("intersection", st_intersection),
        ("difference", st_difference),
        ("symmetric_difference", st_symmetric_difference),
        ("issubset", st_issubset),
        ("issuperset", st_issuperset),
        ("isdisjoint", st_isdisjoint),
        ("copy", st_copy),
    ] {
        set_method(&t.frozenset, n, f);
    }
    for (n, f) in [
        ("decode", by_decode as NativeFn),
        ("hex", by_hex),
        ("fromhex", by_fromhex),
        ("split", by_split),
        ("rsplit", by_rsplit),
        ("strip", by_strip),
        ("lstrip", by_lstrip),
        ("rstrip", by_rstrip),
        ("replace", by_replace),
        ("startswith", by_startswith),
        ("endswith", by_endswith),
        ("find", by_find),
        ("rfind", by_rfind),
        ("index", by_index),
        ("rindex", by_rindex),
        ("count", by_count),
        ("join", by_join),
        ("partition", by_partition),
        ("rpartition", by_rpartition),
        ("splitlines", by_splitlines),
        ("center", by_center),
        ("ljust", by_ljust),
        ("rjust", by_rjust),
        ("zfill", by_zfill),
        ("upper", by_upper),
        ("lower", by_lower),
        ("isdigit", by_isdigit),
        ("isalpha", by_isalpha),
        ("isalnum", by_isalnum),
        ("isspace", by_isspace),
        ("isupper", by_isupper),
        ("islower", by_islower),
    ] {
        set_method(&t.bytes, n, f);
    }
    set_method(&t.int, "bit_length", i_bit_length);
    set_method(&t.int, "to_bytes", i_to_bytes);
    set_method(&t.int, "from_bytes", i_from_bytes);
    set_method(&t.float, "is_integer", f_is_integer);
    for (n, f) in [
        ("append", dq_append as NativeFn),
        ("appendleft", dq_appendleft),
        ("pop", dq_pop),
        ("popleft", dq_popleft),
        ("extend", dq_extend),
        ("clear", dq_clear),
        ("remove", dq_remove),
        ("rotate", dq_rotate),
    ] {
        set_method(&t.deque, n, f);
    }
    for class in [&t.generator, &t.coroutine] {
        set_method(class, "send", g_send);
        set_method(class, "throw", g_throw);
        set_method(class, "close", g_close);
    }
    set_method(&t.generator, "__next__", b_next_method);
    // CPython returns a wrapper iterating the coroutine; awaiting the coroutine itself is the same.
    set_method(&t.coroutine, "__await__", coro_await);
    set_method(&t.async_generator, "__anext__", ag_anext);
    set_method(&t.async_generator, "__aiter__", ag_aiter);
    set_method(&t.async_generator, "athrow", ag_athrow);
    set_method(&t.async_generator, "aclose", ag_aclose);
    set_method(&t.object, "__init__", obj_init);
    set_method(&t.object, "__repr__", obj_repr_default);
    set_method(&t.object, "__str__", obj_str_default);
    set_method(&t.object, "__eq__", obj_eq_default);
    set_method(&t.object, "__setattr__", obj_setattr_default);
    set_method(&t.object, "__delattr__", obj_delattr_default);
    let base = t.exc("BaseException");
    set_method(&base, "__init__", exc_init);
    set_method(&base, "with_traceback", exc_with_traceback);
    set_method(&base, "add_note", exc_add_note);
    // Instances of object-derived classes use these only when called explicitly (super().__init__()).
    let _ = view_iter;
}

fn b_next_method(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    b_next(vm, args, kwargs)
}

pub fn get_view_iter(vm: &mut Vm, v: &Value) -> PyResult {
    view_iter(vm, vec![v.clone()], vec![])
}

