//! Calling a builtin type: `int(...)`, `str(...)`, `list(...)`, `dict(...)` and the rest, with
//! CPython's conversions and errors.

use crate::types::args::{arity, as_int, kwarg, Args, Kwargs};
use crate::types::dict::{dict_of, dict_update_from};
use crate::types::set::set_of;
use crate::types::value::{BuiltinType, DictMap, Instance, Namespace, Obj, Value};
use crate::vm::ops::{int_value, to_f64};
use crate::vm::{PyResult, Vm};
use awaitlab_syntax::literal::str_repr;
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

pub fn construct_builtin(vm: &mut Vm, class: &Rc<Obj>, bt: BuiltinType, args: Args, kwargs: Kwargs) -> PyResult {
    let name = match &**class {
        Obj::Class(c) => c.name.clone(),
        _ => Rc::from("?"),
    };
    match bt {
        BuiltinType::Object => {
            arity(vm, &args, 0, 0, "object")?;
            Ok(Value::obj(Obj::Instance(Instance {
                class: class.clone(),
                dict: RefCell::new(Namespace::default()),
                exc: RefCell::new(None),
            })))
        }
        BuiltinType::Type => {
            if args.len() == 3 {
                let mut a = vec![Value::Obj(class.clone())];
                a.extend(args);
                return crate::types::class::type_new(vm, a, kwargs);
            }
            if args.len() != 1 {
                return vm.type_error("type() takes 1 or 3 arguments");
            }
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
                (Some(Value::Float(f)), None) => crate::vm::ops::float_to_int(vm, *f),
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
                Some(f) if f.is_infinite() && matches!(v, Value::Big(_)) => vm.err("OverflowError", "int too large to convert to float"),
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
                if args.get(1).or(kwarg(&kwargs, "encoding").as_ref()).is_some() {
                    if let Some(b) = crate::types::buffer::bytes_like(vm, v)? {
                        return Ok(Value::str(&String::from_utf8_lossy(&b)));
                    }
                }
                Ok(Value::Str(vm.str_of(v)?))
            }
        },
        BuiltinType::Bool => match args.first() {
            None => Ok(Value::Bool(false)),
            Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
        },
        BuiltinType::Bytes => {
            // bytes(b) is b itself, as CPython's.
            if let (Some(v @ Value::Obj(o)), 1) = (args.first(), args.len() + kwargs.len()) {
                if matches!(&**o, Obj::Bytes(_)) {
                    return Ok(v.clone());
                }
            }
            Ok(Value::obj(Obj::Bytes(crate::types::buffer::construct(vm, &args, &kwargs, "bytes")?)))
        }
        BuiltinType::ByteArray => {
            Ok(crate::types::buffer::bytearray_value(crate::types::buffer::construct(vm, &args, &kwargs, "bytearray")?))
        }
        BuiltinType::MemoryView => crate::types::memoryview::construct(vm, args),
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
            let set = Value::obj(Obj::Set(RefCell::new(crate::types::set_table::PySet::new())));
            if let Some(src) = args.first() {
                crate::types::set::set_update_from(vm, &set, src)?;
            }
            if bt == BuiltinType::Set {
                return Ok(set);
            }
            let table = set_of(&set).unwrap().borrow().clone();
            Ok(Value::obj(Obj::FrozenSet(table)))
        }
        BuiltinType::Method => {
            // types.MethodType(function, instance)
            arity(vm, &args, 2, 2, "method")?;
            if args[1].is_none() {
                return vm.type_error("instance must not be None");
            }
            if !matches!(&args[0], Value::Obj(f) if matches!(&**f, Obj::Function(_) | Obj::Builtin(_) | Obj::BoundMethod { .. } | Obj::Class(_) | Obj::Instance(_)))
            {
                return vm.type_error("first argument must be callable");
            }
            Ok(Value::obj(Obj::BoundMethod { receiver: args[1].clone(), func: args[0].clone() }))
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
                let base = vm.types.exc("BaseException");
                if let Some(i) = errors.iter().position(|e| !crate::types::exceptions::is_instance_of(e, &base)) {
                    return vm.err("ValueError", format!("Item {i} of second argument (exceptions) is not an exception"));
                }
                let exception = vm.types.exc("Exception");
                let all_exceptions = errors.iter().all(|e| crate::types::exceptions::is_instance_of(e, &exception));
                let class = if &*name == "BaseExceptionGroup" && all_exceptions { vm.types.exc("ExceptionGroup") } else { class.clone() };
                if &*name == "ExceptionGroup" && !all_exceptions {
                    return vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup");
                }
                // `args` keeps the sequence as given (its repr shows a list as a list).
                return Ok(crate::types::exceptions::instantiate(&class, vec![args[0].clone(), args[1].clone()]));
            }
            Ok(crate::types::exceptions::instantiate(class, args))
        }
        BuiltinType::Future => crate::event_loop::future::new_future_value(vm),
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
