//! `int` methods: `bit_length`, `bit_count`, `to_bytes`, `from_bytes`.

use crate::types::args::{as_int, kwarg, Args, Kwargs};
use crate::types::class::{set_method, Types};
use crate::types::value::{Obj, Value};
use crate::vm::ops::{int_value, to_big};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

pub(crate) fn bit_length(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let b = to_big(&args[0]).unwrap_or_default();
    let _ = vm;
    Ok(Value::Int(b.bits() as i64))
}

/// `int.bit_count()`: the number of ones in the binary form of the absolute value.
pub(crate) fn bit_count(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let b = to_big(&args[0]).unwrap_or_default();
    let _ = vm;
    Ok(Value::Int(b.magnitude().count_ones() as i64))
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

pub(crate) fn to_bytes(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
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

pub(crate) fn from_bytes(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
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

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    set_method(&types.int, "bit_length", bit_length);
    set_method(&types.int, "bit_count", bit_count);
    set_method(&types.int, "to_bytes", to_bytes);
    set_method(&types.int, "from_bytes", from_bytes);
}
