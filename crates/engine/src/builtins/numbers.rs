//! Numeric builtins: `abs`, `round`, `divmod`, `pow`, `hex`/`oct`/`bin`, `ord`, `chr`.

use crate::types::args::{arity, as_int, kwarg, Args, Kwargs};
use crate::types::value::Value;
use crate::vm::ops::{int_value, to_big};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::rc::Rc;

pub(crate) fn abs(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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

pub(crate) fn round(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "round")?;
    let nd = args.get(1).cloned().or_else(|| kwarg(&kwargs, "ndigits")).filter(|v| !v.is_none());
    match (&args[0], nd) {
        (Value::Float(f), None) => {
            let r = f.round();
            let r = if (f - f.trunc()).abs() == 0.5 { 2.0 * (f / 2.0).round() } else { r };
            crate::vm::ops::float_to_int(vm, r)
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
        (v, nd) => {
            if let Some(m) = vm.lookup_method(v, "__round__")? {
                let mut a = vec![v.clone()];
                a.extend(nd);
                return vm.call(m, a, vec![]);
            }
            let t = vm.type_name(v);
            vm.type_error(format!("type {t} doesn't define __round__ method"))
        }
    }
}

pub(crate) fn ord(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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

pub(crate) fn chr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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

pub(crate) fn hex(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    radix_str(vm, &args, 16, "0x", "hex")
}

pub(crate) fn bin(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    radix_str(vm, &args, 2, "0b", "bin")
}

pub(crate) fn oct(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    radix_str(vm, &args, 8, "0o", "oct")
}

pub(crate) fn divmod(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "divmod")?;
    let q = vm.binary(awaitlab_syntax::ast::BinOp::FloorDiv, args[0].clone(), args[1].clone(), false)?;
    let r = vm.binary(awaitlab_syntax::ast::BinOp::Mod, args[0].clone(), args[1].clone(), false)?;
    Ok(Value::tuple(vec![q, r]))
}

pub(crate) fn pow(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    arity(vm, &args, 0, 3, "pow")?;
    // pow(base, exp, mod=None), each by position or name.
    // As CPython's argument parser: keywords fill what positions left open, then a missing
    // argument is reported before a keyword given twice.
    let mut slots: [Option<Value>; 3] = [args.first().cloned(), args.get(1).cloned(), args.get(2).cloned()];
    let mut twice = None;
    for (name, value) in kwargs {
        let Some(i) = ["base", "exp", "mod"].iter().position(|n| **n == *name) else {
            return vm.type_error(format!("'{name}' is an invalid keyword argument for pow()"));
        };
        if slots[i].is_some() {
            twice.get_or_insert((name, i + 1));
        } else {
            slots[i] = Some(value);
        }
    }
    let [Some(base), Some(exp), modulus] = slots else {
        let (name, pos) = if slots[0].is_none() { ("base", 1) } else { ("exp", 2) };
        return vm.type_error(format!("pow() missing required argument '{name}' (pos {pos})"));
    };
    if let Some((name, pos)) = twice {
        return vm.type_error(format!("argument for pow() given by name ('{name}') and position ({pos})"));
    }
    let args: Args = match modulus {
        Some(m) if !m.is_none() => vec![base, exp, m],
        _ => vec![base, exp],
    };
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
