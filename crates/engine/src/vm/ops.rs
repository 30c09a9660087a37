//! Operators and the object protocol's core: truth, equality, hashing, ordering, repr/str/format.

use crate::types::buffer::with_bytes;
use crate::types::native::NativeObj;
use crate::types::value::{DictMap, Key, Obj, Value};
use crate::vm::{PyResult, Vm};
use awaitlab_syntax::ast::{BinOp, CmpOp, UnaryOp};
use awaitlab_syntax::literal::str_repr;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

pub fn int_value(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Big(Rc::new(b)),
    }
}

pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Big(b) => Some((**b).clone()),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

pub fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Big(b) => b.to_f64(),
        _ => None,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Big(_) | Value::Bool(_))
}

fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitAnd => "&",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::MatMul => "@",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
    }
}

fn int_op(vm: &mut Vm, op: BinOp, a: i64, b: i64) -> PyResult<Option<Value>> {
    Ok(Some(match op {
        BinOp::Add => match a.checked_add(b) {
            Some(v) => Value::Int(v),
            None => return Ok(None),
        },
        BinOp::Sub => match a.checked_sub(b) {
            Some(v) => Value::Int(v),
            None => return Ok(None),
        },
        BinOp::Mul => match a.checked_mul(b) {
            Some(v) => Value::Int(v),
            None => return Ok(None),
        },
        BinOp::Div => {
            if b == 0 {
                return vm.err("ZeroDivisionError", "division by zero");
            }
            const EXACT: i64 = 1 << 53;
            if (-EXACT..=EXACT).contains(&a) && (-EXACT..=EXACT).contains(&b) {
                Value::Float(a as f64 / b as f64)
            } else {
                Value::Float(int_true_divide(vm, &BigInt::from(a), &BigInt::from(b))?)
            }
        }
        BinOp::FloorDiv => {
            if b == 0 {
                return vm.err("ZeroDivisionError", "integer division or modulo by zero");
            }
            match a.checked_div_euclid(b) {
                Some(_) => Value::Int(num_integer::Integer::div_floor(&a, &b)),
                None => return Ok(None),
            }
        }
        BinOp::Mod => {
            if b == 0 {
                return vm.err("ZeroDivisionError", "integer modulo by zero");
            }
            match a.checked_rem(b) {
                Some(_) => Value::Int(num_integer::Integer::mod_floor(&a, &b)),
                None => return Ok(None),
            }
        }
        BinOp::Pow => {
            if b < 0 {
                if a == 0 {
                    return vm.err("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                }
                Value::Float((a as f64).powf(b as f64))
            } else {
                match u32::try_from(b).ok().and_then(|e| a.checked_pow(e)) {
                    Some(v) => Value::Int(v),
                    None => return Ok(None),
                }
            }
        }
        BinOp::LShift => {
            if b < 0 {
                return vm.err("ValueError", "negative shift count");
            }
            if b < 63 && (a.abs() < (1i64 << (62 - b))) {
                Value::Int(a << b)
            } else {
                return Ok(None);
            }
        }
        BinOp::RShift => {
            if b < 0 {
                return vm.err("ValueError", "negative shift count");
            }
            Value::Int(if b >= 64 {
                if a < 0 {
                    -1
                } else {
                    0
                }
            } else {
                a >> b
            })
        }
        BinOp::BitAnd => Value::Int(a & b),
        BinOp::BitOr => Value::Int(a | b),
        BinOp::BitXor => Value::Int(a ^ b),
        BinOp::MatMul => return Ok(None),
    }))
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide` (not the quotient of two
/// rounded floats): a quotient of 55+ bits with a sticky bit for the remainder, rounded once.
fn int_true_divide(vm: &mut Vm, a: &BigInt, b: &BigInt) -> PyResult<f64> {
    use num_traits::Signed;
    let negative = a.is_negative() != b.is_negative() && !a.is_zero();
    let (a, b) = (a.abs(), b.abs());
    let shift = a.bits() as i64 - b.bits() as i64 - 55;
    let (n, d) = if shift >= 0 { (a, b << shift as usize) } else { (a << (-shift) as usize, b) };
    let (q, r) = num_integer::Integer::div_rem(&n, &d);
    let q = if r.is_zero() { q } else { q | BigInt::from(1) };
    let q = q.to_f64().unwrap_or(f64::INFINITY);
    // q < 2**57, so its conversion rounds once; the scaling by 2**shift, in two steps so that
    // neither factor overflows, is exact while the result is a normal float.
    let shift = shift.clamp(-2300, 2300) as i32;
    let value = q * 2f64.powi(shift / 2) * 2f64.powi(shift - shift / 2);
    if value.is_infinite() {
        return vm.err("OverflowError", "integer division result too large for a float");
    }
    Ok(if negative { -value } else { value })
}

fn big_op(vm: &mut Vm, op: BinOp, a: BigInt, b: BigInt) -> PyResult<Option<Value>> {
    Ok(Some(match op {
        BinOp::Add => int_value(a + b),
        BinOp::Sub => int_value(a - b),
        BinOp::Mul => int_value(a * b),
        BinOp::Div => {
            if b.is_zero() {
                return vm.err("ZeroDivisionError", "division by zero");
            }
            Value::Float(int_true_divide(vm, &a, &b)?)
        }
        BinOp::FloorDiv => {
            if b.is_zero() {
                return vm.err("ZeroDivisionError", "integer division or modulo by zero");
            }
            int_value(a.div_floor(&b))
        }
        BinOp::Mod => {
            if b.is_zero() {
                return vm.err("ZeroDivisionError", "integer modulo by zero");
            }
            int_value(a.mod_floor(&b))
        }
        BinOp::Pow => {
            if b.is_negative() {
                return Ok(Some(Value::Float(a.to_f64().unwrap_or(f64::NAN).powf(b.to_f64().unwrap_or(f64::NAN)))));
            }
            let e = match b.to_u32() {
                Some(e) if e <= 100_000 => e,
                _ => return vm.err("OverflowError", "exponent too large for Awaitlab"),
            };
            int_value(num_traits::pow(a, e as usize))
        }
        BinOp::LShift => {
            let s = match b.to_usize() {
                Some(s) if s <= 1_000_000 => s,
                _ => return vm.err("OverflowError", "shift count too large"),
            };
            int_value(a << s)
        }
        BinOp::RShift => {
            let s = b.to_usize().unwrap_or(usize::MAX).min(1 << 24);
            int_value(a >> s)
        }
        BinOp::BitAnd => int_value(a & b),
        BinOp::BitOr => int_value(a | b),
        BinOp::BitXor => int_value(a ^ b),
        BinOp::MatMul => return Ok(None),
    }))
}

fn float_op(vm: &mut Vm, op: BinOp, a: f64, b: f64) -> PyResult<Option<Value>> {
    Ok(Some(Value::Float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div => {
            if b == 0.0 {
                return vm.err("ZeroDivisionError", "float division by zero");
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return vm.err("ZeroDivisionError", "float floor division by zero");
            }
            (a / b).floor()
        }
        BinOp::Mod => {
            if b == 0.0 {
                return vm.err("ZeroDivisionError", "float modulo");
            }
            let r = a % b;
            if r != 0.0 && (r < 0.0) != (b < 0.0) {
                r + b
            } else {
                r
            }
        }
        BinOp::Pow => {
            if a == 0.0 && b < 0.0 {
                return vm.err("ZeroDivisionError", "0.0 cannot be raised to a negative power");
            }
            let r = a.powf(b);
            if r.is_infinite() && a.is_finite() && b.is_finite() {
                return vm.err("OverflowError", "(34, 'Numerical result out of range')");
            }
            r
        }
        _ => return Ok(None),
    })))
}

pub fn binary(vm: &mut Vm, op: BinOp, a: Value, b: Value, inplace: bool) -> PyResult {
    // Fast paths first.
    if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
        if let Some(v) = int_op(vm, op, *x, *y)? {
            return Ok(v);
        }
    }
    if is_int(&a) && is_int(&b) {
        if let Some(v) = big_op(vm, op, to_big(&a).unwrap(), to_big(&b).unwrap())? {
            return Ok(v);
        }
    }
    if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
        if let (Some(x), Some(y)) = (to_f64(&a), to_f64(&b)) {
            // An int past the float range does not become inf (CPython: OverflowError).
            if (x.is_infinite() && matches!(a, Value::Big(_))) || (y.is_infinite() && matches!(b, Value::Big(_))) {
                return vm.err("OverflowError", "int too large to convert to float");
            }
            if let Some(v) = float_op(vm, op, x, y)? {
                return Ok(v);
            }
        }
    }
    if let Some(v) = crate::vm::items::sequence_binary(vm, op, &a, &b, inplace)? {
        return Ok(v);
    }
    // User-defined operators.
    let (name, rname, iname) = dunder(op);
    if inplace {
        if let Some(m) = vm.lookup_method(&a, iname)? {
            let r = vm.call(m, vec![a.clone(), b.clone()], vec![])?;
            if !is_not_implemented(vm, &r) {
                return Ok(r);
            }
        }
    }
    if let Some(m) = vm.lookup_method(&a, name)? {
        if matches!(a, Value::Obj(ref o) if matches!(&**o, Obj::Instance(_))) {
            let r = vm.call(m, vec![a.clone(), b.clone()], vec![])?;
            if !is_not_implemented(vm, &r) {
                return Ok(r);
            }
        }
    }
    if let Some(m) = vm.lookup_method(&b, rname)? {
        if matches!(b, Value::Obj(ref o) if matches!(&**o, Obj::Instance(_))) {
            let r = vm.call(m, vec![b.clone(), a.clone()], vec![])?;
            if !is_not_implemented(vm, &r) {
                return Ok(r);
            }
        }
    }
    // `int | None`: a union of types (PEP 604), made by `types`.
    if op == BinOp::BitOr && is_type_or_none(&a) && is_type_or_none(&b) {
        let types = vm.import("types")?;
        let union = vm.get_attr(&types, "_union")?;
        return vm.call(union, vec![a.clone(), b.clone()], vec![]);
    }
    let (ta, tb) = (vm.type_name(&a).to_string(), vm.type_name(&b).to_string());
    if op == BinOp::Add && matches!(a, Value::Str(_)) {
        return vm.type_error(format!("can only concatenate str (not \"{tb}\") to str"));
    }
    if op == BinOp::Add && ta == "list" {
        return vm.type_error(format!("can only concatenate list (not \"{tb}\") to list"));
    }
    if op == BinOp::Add && ta == "tuple" {
        return vm.type_error(format!("can only concatenate tuple (not \"{tb}\") to tuple"));
    }
    if op == BinOp::Mul && (ta == "str" || ta == "list" || ta == "tuple" || tb == "str" || tb == "list" || tb == "tuple") {
        let seq = if ta == "str" || ta == "list" || ta == "tuple" { &tb } else { &ta };
        return vm.type_error(format!("can't multiply sequence by non-int of type '{seq}'"));
    }
    let sym = op_symbol(op);
    let sym = if inplace && op != BinOp::Pow { format!("{sym}=") } else { sym.to_string() };
    vm.type_error(format!("unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"))
}

pub fn is_not_implemented(vm: &Vm, v: &Value) -> bool {
    v.is(&vm.types.not_implemented)
}

pub fn unary(vm: &mut Vm, op: UnaryOp, a: Value) -> PyResult {
    match (op, &a) {
        (UnaryOp::Not, _) => Ok(Value::Bool(!vm.truthy(&a)?)),
        (UnaryOp::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
            Some(v) => Value::Int(v),
            None => int_value(-BigInt::from(*i)),
        }),
        (UnaryOp::Neg, Value::Big(b)) => Ok(int_value(-(**b).clone())),
        (UnaryOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnaryOp::Neg, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
        (UnaryOp::Pos, Value::Int(_) | Value::Big(_) | Value::Float(_)) => Ok(a),
        (UnaryOp::Pos, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
        (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
        (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
        (UnaryOp::Invert, Value::Big(b)) => Ok(int_value(-(**b).clone() - 1)),
        _ => {
            let (name, sym) = match op {
                UnaryOp::Neg => ("__neg__", "-"),
                UnaryOp::Pos => ("__pos__", "+"),
                _ => ("__invert__", "~"),
            };
            if let Some(m) = vm.lookup_method(&a, name)? {
                return vm.call(m, vec![a], vec![]);
            }
            let t = vm.type_name(&a);
            vm.type_error(format!("bad operand type for unary {sym}: '{t}'"))
        }
    }
}

pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult {
    Ok(Value::Bool(match op {
        CmpOp::Eq => vm.eq(a, b)?,
        CmpOp::Ne => !vm.eq(a, b)?,
        CmpOp::Is => a.is(b),
        CmpOp::IsNot => !a.is(b),
        CmpOp::In => vm.contains(b, a)?,
        CmpOp::NotIn => !vm.contains(b, a)?,
        _ => return order(vm, op, a, b).map(Value::Bool),
    }))
}

fn cmp_sym(op: CmpOp) -> (&'static str, &'static str, &'static str) {
    match op {
        CmpOp::Lt => ("<", "__lt__", "__gt__"),
        CmpOp::Le => ("<=", "__le__", "__ge__"),
        CmpOp::Gt => (">", "__gt__", "__lt__"),
        _ => (">=", "__ge__", "__le__"),
    }
}

fn apply_ord(op: CmpOp, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Gt => o == Greater,
        _ => o != Less,
    }
}

pub fn order(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return Ok(apply_ord(op, x.cmp(y))),
        (Value::Str(x), Value::Str(y)) => return Ok(apply_ord(op, x.cmp(y))),
        _ => {}
    }
    if is_int(a) && is_int(b) {
        return Ok(apply_ord(op, to_big(a).unwrap().cmp(&to_big(b).unwrap())));
    }
    if let (Some(x), Some(y)) = (to_f64(a), to_f64(b)) {
        return Ok(match x.partial_cmp(&y) {
            Some(o) => apply_ord(op, o),
            None => false,
        });
    }
    if let (Value::Obj(oa), Value::Obj(ob)) = (a, b) {
        let seqs = match (&**oa, &**ob) {
            (Obj::List(x), Obj::List(y)) => Some((x.borrow().clone(), y.borrow().clone())),
            (Obj::Tuple(x), Obj::Tuple(y)) => Some((x.clone(), y.clone())),
            (Obj::Bytes(x), Obj::Bytes(y)) => return Ok(apply_ord(op, x.cmp(y))),
            (Obj::Bytes(_) | Obj::ByteArray(_), Obj::Bytes(_) | Obj::ByteArray(_)) => {
                let (x, y) = (with_bytes(a, <[u8]>::to_vec), with_bytes(b, <[u8]>::to_vec));
                return Ok(apply_ord(op, x.cmp(&y)));
            }
            _ => None,
        };
        if let Some((x, y)) = seqs {
            return crate::types::repr::nested(vm, |vm| {
                for (p, q) in x.iter().zip(y.iter()) {
                    if !vm.eq(p, q)? {
                        return order(vm, op, p, q);
                    }
                }
                Ok(apply_ord(op, x.len().cmp(&y.len())))
            });
        }
        let is_set = |o: &Obj| matches!(o, Obj::Set(_) | Obj::FrozenSet(_));
        let sets = match (crate::types::set::set_items(a), crate::types::set::set_items(b)) {
            (Some(x), Some(y)) if is_set(oa) && is_set(ob) => Some((x, y)),
            _ => None,
        };
        if let Some((x, y)) = sets {
            let y = vm.aligned_set(&x, y)?;
            let sub = x.iter().all(|k| y.contains(k));
            let sup = y.iter().all(|k| x.contains(k));
            return Ok(match op {
                CmpOp::Lt => sub && x.len() < y.len(),
                CmpOp::Le => sub,
                CmpOp::Gt => sup && x.len() > y.len(),
                _ => sup,
            });
        }
    }
    let (sym, name, rname) = cmp_sym(op);
    if let Some(m) = vm.lookup_method(a, name)? {
        if matches!(a, Value::Obj(o) if matches!(&**o, Obj::Instance(_))) {
            let r = vm.call(m, vec![a.clone(), b.clone()], vec![])?;
            if !is_not_implemented(vm, &r) {
                return vm.truthy(&r);
            }
        }
    }
    if let Some(m) = vm.lookup_method(b, rname)? {
        if matches!(b, Value::Obj(o) if matches!(&**o, Obj::Instance(_))) {
            let r = vm.call(m, vec![b.clone(), a.clone()], vec![])?;
            if !is_not_implemented(vm, &r) {
                return vm.truthy(&r);
            }
        }
    }
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    vm.type_error(format!("'{sym}' not supported between instances of '{ta}' and '{tb}'"))
}

/// Structural equality without calling Python code (dict keys; instances compare by identity).
pub fn keys_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::Obj(x), Value::Obj(y)) => {
            if Rc::ptr_eq(x, y) {
                return true;
            }
            match (&**x, &**y) {
                (Obj::Tuple(p), Obj::Tuple(q)) => p.len() == q.len() && p.iter().zip(q).all(|(a, b)| keys_equal(a, b)),
                (Obj::Bytes(p), Obj::Bytes(q)) => p == q,
                (Obj::FrozenSet(p), Obj::FrozenSet(q)) => p.len() == q.len() && p.iter().all(|k| q.contains(k)),
                _ => false,
            }
        }
        _ => {
            if is_int(a) && is_int(b) {
                return to_big(a) == to_big(b);
            }
            match (to_f64(a), to_f64(b)) {
                (Some(x), Some(y)) if !matches!(a, Value::Str(_)) => x == y,
                _ => false,
            }
        }
    }
}

pub fn str_hash(s: &str) -> i64 {
    if s.is_empty() {
        // CPython: hash('') == 0.
        return 0;
    }
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    (h >> 1) as i64
}

impl Vm {
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Big(b) => !b.is_zero(),
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Obj(o) => match &**o {
                Obj::List(l) => !l.borrow().is_empty(),
                Obj::Tuple(t) => !t.is_empty(),
                Obj::Dict(d) => !d.borrow().is_empty(),
                Obj::Set(d) => !d.borrow().is_empty(),
                Obj::FrozenSet(d) => !d.is_empty(),
                Obj::Bytes(b) => !b.is_empty(),
                Obj::ByteArray(b) => !b.data.borrow().is_empty(),
                Obj::Native(NativeObj::MemoryView(m)) => m.len(self)? > 0,
                Obj::Range { start, stop, step } => crate::types::range::range_len(*start, *stop, *step) > 0,
                Obj::Deque(d, _) => !d.borrow().is_empty(),
                Obj::Instance(_) => {
                    if let Some(m) = self.lookup_method(v, "__bool__")? {
                        let r = self.call(m, vec![v.clone()], vec![])?;
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => {
                                let t = self.type_name(&r);
                                self.type_error(format!("__bool__ should return bool, returned {t}"))
                            }
                        };
                    }
                    if let Some(m) = self.lookup_method(v, "__len__")? {
                        let r = self.call(m, vec![v.clone()], vec![])?;
                        return self.truthy(&r);
                    }
                    true
                }
                _ => true,
            },
        })
    }

    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(x == y),
            (Value::Str(x), Value::Str(y)) => return Ok(x == y),
            (Value::None, Value::None) => return Ok(true),
            (Value::None, _) | (_, Value::None) if !matches!(a, Value::Obj(_)) && !matches!(b, Value::Obj(_)) => {
                return Ok(false);
            }
            _ => {}
        }
        if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            match (&**x, &**y) {
                (Obj::List(p), Obj::List(q)) => {
                    let (p, q) = (p.borrow().clone(), q.borrow().clone());
                    return crate::types::repr::nested(self, |vm| vm.seq_eq(&p, &q));
                }
                (Obj::Tuple(p), Obj::Tuple(q)) => {
                    let (p, q) = (p.clone(), q.clone());
                    return crate::types::repr::nested(self, |vm| vm.seq_eq(&p, &q));
                }
                (Obj::Dict(p), Obj::Dict(q)) => {
                    let (p, q) = (p.borrow().clone(), q.borrow().clone());
                    if p.len() != q.len() {
                        return Ok(false);
                    }
                    for (k, v) in p.iter() {
                        match q.get(k) {
                            Some(w) => {
                                if !self.eq(v, w)? {
                                    return Ok(false);
                                }
                            }
                            None => return Ok(false),
                        }
                    }
                    return Ok(true);
                }
                (Obj::Set(_) | Obj::FrozenSet(_), Obj::Set(_) | Obj::FrozenSet(_)) => {
                    let (p, q) = (crate::types::set::set_items(a).unwrap_or_default(), crate::types::set::set_items(b).unwrap_or_default());
                    let q = self.aligned_set(&p, q)?;
                    return Ok(p.len() == q.len() && p.iter().all(|k| q.contains(k)));
                }
                (Obj::Range { .. }, Obj::Range { .. }) | (Obj::Bytes(_), Obj::Bytes(_)) => {
                    return Ok(keys_equal(a, b) || crate::types::range::range_eq(a, b))
                }
                (Obj::Bytes(_) | Obj::ByteArray(_), Obj::Bytes(_) | Obj::ByteArray(_)) => {
                    return Ok(with_bytes(a, |x| with_bytes(b, |y| x == y)).flatten().unwrap_or(false));
                }
                (Obj::Native(NativeObj::MemoryView(m)), _) => return Ok(crate::types::memoryview::equal(self, m, b)?.unwrap_or(false)),
                (_, Obj::Native(NativeObj::MemoryView(m))) => return Ok(crate::types::memoryview::equal(self, m, a)?.unwrap_or(false)),
                // Methods are equal when bound to the same object, of equal functions (`a.f == a.f`).
                (Obj::BoundMethod { receiver: r, func: f }, Obj::BoundMethod { receiver: s, func: g }) => {
                    let (f, g) = (f.clone(), g.clone());
                    return Ok(r.is(s) && self.eq(&f, &g)?);
                }
                _ => {}
            }
        }
        for (x, y) in [(a, b), (b, a)] {
            if let Value::Obj(o) = x {
                if let Obj::Instance(_) = &**o {
                    if let Some(m) = self.lookup_method(x, "__eq__")? {
                        let r = self.call(m, vec![x.clone(), y.clone()], vec![])?;
                        if !is_not_implemented(self, &r) {
                            return self.truthy(&r);
                        }
                    }
                }
            }
        }
        Ok(keys_equal(a, b))
    }

    fn seq_eq(&mut self, p: &[Value], q: &[Value]) -> PyResult<bool> {
        if p.len() != q.len() {
            return Ok(false);
        }
        for (x, y) in p.iter().zip(q) {
            if !self.eq(x, y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::None => 0x5f3759df,
            Value::Bool(b) => *b as i64,
            Value::Int(i) => int_hash(*i),
            Value::Big(b) => big_hash(b),
            Value::Float(f) => float_hash(*f),
            Value::Str(s) => str_hash(s),
            Value::Obj(o) => match &**o {
                Obj::Tuple(items) => {
                    let items = items.clone();
                    crate::types::repr::nested(self, |vm| {
                        let mut hashes = Vec::with_capacity(items.len());
                        for it in &items {
                            hashes.push(vm.hash(it)?);
                        }
                        Ok(tuple_hash(&hashes))
                    })?
                }
                Obj::Bytes(b) => str_hash(&String::from_utf8_lossy(b)),
                Obj::FrozenSet(m) => frozenset_hash(m.iter().map(|k| k.hash)),
                Obj::Native(NativeObj::MemoryView(m)) => {
                    let bytes = crate::types::memoryview::hash(self, m)?;
                    return self.hash(&bytes);
                }
                Obj::List(_) | Obj::Dict(_) | Obj::Set(_) | Obj::Deque(..) | Obj::ByteArray(_) => {
                    let t = self.type_name(v);
                    return self.type_error(format!("unhashable type: '{t}'"));
                }
                Obj::Instance(_) => {
                    if let Some(m) = self.lookup_method(v, "__hash__")? {
                        if !m.is_none() {
                            let r = self.call(m, vec![v.clone()], vec![])?;
                            return match r {
                                Value::Int(i) => Ok(i),
                                _ => self.type_error("__hash__ method should return an integer"),
                            };
                        }
                        let t = self.type_name(v);
                        return self.type_error(format!("unhashable type: '{t}'"));
                    }
                    (Rc::as_ptr(o) as usize >> 4) as i64
                }
                Obj::BoundMethod { .. } => return self.method_hash(v),
                _ => (Rc::as_ptr(o) as usize >> 4) as i64,
            },
        })
    }

    pub fn key(&mut self, v: Value) -> PyResult<Key> {
        let hash = self.hash(&v)?;
        Ok(Key { hash, value: v })
    }

    /// The key for `v` in `set`: an instance defining `__eq__` is the existing entry equal to
    /// it (the table compares keys without calling Python: by identity for instances).
    pub fn set_key(&mut self, set: &crate::types::set_table::PySet, v: Value) -> PyResult<Key> {
        let key = self.key(v)?;
        if !self.has_user_eq(&key.value) {
            return Ok(key);
        }
        let candidates: Vec<Key> = set.with_hash(key.hash).cloned().collect();
        for k in candidates {
            if self.eq(&k.value, &key.value)? {
                return Ok(k);
            }
        }
        Ok(key)
    }

    /// As CPython: equal methods (`a.f == a.f`) hash alike, by their object's identity and their
    /// function. Out of line: `hash` stays small where it is inlined.
    #[inline(never)]
    fn method_hash(&mut self, method: &Value) -> PyResult<i64> {
        let Value::Obj(o) = method else { return Ok(0) };
        let Obj::BoundMethod { receiver, func } = &**o else { return Ok(0) };
        let (receiver, func) = (receiver.id() >> 4, func.clone());
        Ok(receiver as i64 ^ self.hash(&func)?)
    }

    /// `other`'s keys as `set` holds them: a key whose class defines `__eq__` (a weak
    /// reference, a dataclass) becomes its equal in `set`, so that the table operations, which
    /// compare keys by value, find it. Sets of numbers and strings are returned as they are.
    pub fn aligned_set(
        &mut self,
        set: &crate::types::set_table::PySet,
        other: crate::types::set_table::PySet,
    ) -> PyResult<crate::types::set_table::PySet> {
        let values: Vec<Value> = other.iter().map(|k| k.value.clone()).collect();
        if !values.iter().any(|v| self.has_user_eq(v)) {
            return Ok(other);
        }
        let mut out = crate::types::set_table::PySet::new();
        for v in values {
            out.add(self.set_key(set, v)?);
        }
        Ok(out)
    }

    fn has_user_eq(&mut self, v: &Value) -> bool {
        match v {
            Value::Obj(o) => match &**o {
                Obj::Instance(inst) => {
                    matches!(self.class_lookup(&inst.class, "__eq__"), Some(Value::Obj(f)) if matches!(&*f, Obj::Function(_)))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// The key as stored in `map`: instances defining `__eq__` match an existing key that is
    /// equal to them (IndexMap compares keys without calling Python, by identity for instances).
    pub fn key_in(&mut self, map: &std::cell::RefCell<DictMap>, v: Value) -> PyResult<Key> {
        let key = self.key(v)?;
        if !self.has_user_eq(&key.value) {
            return Ok(key);
        }
        let candidates: Vec<Key> = map.borrow().keys().filter(|k| k.hash == key.hash).cloned().collect();
        for k in candidates {
            if self.eq(&k.value, &key.value)? {
                return Ok(k);
            }
        }
        Ok(key)
    }

    pub fn repr(&mut self, v: &Value) -> PyResult<Rc<str>> {
        Ok(match v {
            Value::None => Rc::from("None"),
            Value::Bool(true) => Rc::from("True"),
            Value::Bool(false) => Rc::from("False"),
            Value::Int(i) => Rc::from(i.to_string()),
            Value::Big(b) => {
                // CPython's guard against quadratic-time conversions (sys.int_info.default_max_str_digits).
                if b.bits() > 14_300 && b.to_string().trim_start_matches('-').len() > 4300 {
                    return self.err(
                        "ValueError",
                        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                    );
                }
                Rc::from(b.to_string())
            }
            Value::Float(f) => Rc::from(awaitlab_syntax::literal::float_repr(*f)),
            Value::Str(s) => Rc::from(str_repr(s)),
            Value::Obj(_) => Rc::from(crate::types::repr::obj_repr(self, v)?),
        })
    }

    /// `str(v)`, running `__str__` (or `__repr__`) when the class defines it.
    pub fn str_of(&mut self, v: &Value) -> PyResult<Rc<str>> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            Value::Obj(o) => match &**o {
                Obj::Instance(_) => {
                    if let Some(m) = self.lookup_method(v, "__str__")? {
                        let r = self.call(m, vec![v.clone()], vec![])?;
                        return match r {
                            Value::Str(s) => Ok(s),
                            _ => {
                                let t = self.type_name(&r);
                                self.type_error(format!("__str__ returned non-string (type {t})"))
                            }
                        };
                    }
                    if crate::types::exceptions::is_exception(v) {
                        return crate::types::exceptions::exc_str(self, v);
                    }
                    self.repr(v)
                }
                _ => self.repr(v),
            },
            _ => self.repr(v),
        }
    }

    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Rc<str>> {
        let parsed = |vm: &mut Vm| -> PyResult<crate::types::format_spec::Spec> {
            match crate::types::format_spec::parse_spec(spec) {
                Ok(s) => Ok(s),
                Err(m) => vm.err("ValueError", m),
            }
        };
        let r = match v {
            Value::Str(s) => {
                if spec.is_empty() {
                    return Ok(s.clone());
                }
                let sp = parsed(self)?;
                crate::types::format_spec::format_str(s, &sp)
            }
            Value::Int(_) | Value::Big(_) => {
                if spec.is_empty() {
                    return self.repr(v);
                }
                let sp = parsed(self)?;
                crate::types::format_spec::format_int(&to_big(v).unwrap(), &sp)
            }
            Value::Bool(_) if spec.is_empty() => return self.repr(v),
            Value::Bool(_) => {
                let sp = parsed(self)?;
                crate::types::format_spec::format_int(&to_big(v).unwrap(), &sp)
            }
            Value::Float(f) => {
                if spec.is_empty() {
                    return self.repr(v);
                }
                let sp = parsed(self)?;
                crate::types::format_spec::format_float(*f, &sp)
            }
            _ => {
                if let Value::Obj(o) = v {
                    if let Obj::Instance(_) = &**o {
                        if let Some(m) = self.lookup_method(v, "__format__")? {
                            let r = self.call(m, vec![v.clone(), Value::str(spec)], vec![])?;
                            if let Value::Str(s) = r {
                                return Ok(s);
                            }
                        }
                    }
                }
                if spec.is_empty() {
                    return self.str_of(v);
                }
                let s = self.str_of(v)?;
                let t = self.type_name(v);
                if matches!(v, Value::None) || matches!(v, Value::Obj(_)) {
                    let _ = s;
                    return self.type_error(format!("unsupported format string passed to {t}.__format__"));
                }
                Ok(s.to_string())
            }
        };
        match r {
            Ok(s) => Ok(Rc::from(s)),
            Err(m) => self.err("ValueError", m),
        }
    }
}

// CPython's hashes (Python/pyhash.c, Objects/longobject.c, tupleobject.c, setobject.c), so that
// hash() prints what CPython prints and sets of numbers and tuples keep CPython's order.
const HASH_MODULUS: i64 = (1 << 61) - 1;

fn minus_one_is_two(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn int_hash(i: i64) -> i64 {
    let h = (i.unsigned_abs() % HASH_MODULUS as u64) as i64;
    minus_one_is_two(if i < 0 { -h } else { h })
}

fn big_hash(b: &BigInt) -> i64 {
    let h = (b.magnitude() % num_bigint::BigUint::from(HASH_MODULUS as u64)).to_i64().unwrap_or(0);
    minus_one_is_two(if b.is_negative() { -h } else { h })
}

pub fn float_hash(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    // _Py_HashDouble: the value modulo 2**61 - 1, 28 bits of the mantissa at a time.
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS as u64) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS as u64 {
            x -= HASH_MODULUS as u64;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & HASH_MODULUS as u64) | (x >> (61 - e));
    let h = x as i64;
    minus_one_is_two(if f < 0.0 { -h } else { h })
}

/// (mantissa in [0.5, 1), exponent) of a finite, non-negative float.
fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (0.0, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

pub fn tuple_hash(hashes: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for h in hashes {
        acc = acc.wrapping_add((*h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(hashes.len() as u64 ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

pub fn frozenset_hash(hashes: impl Iterator<Item = i64>) -> i64 {
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut n = 0u64;
    let mut hash = 0u64;
    for h in hashes {
        hash ^= shuffle(h as u64);
        n += 1;
    }
    // (CPython also xors in its empty and dummy slots, in pairs that cancel.)
    hash ^= (n.wrapping_add(1)).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}

/// An integral float as an int, exactly (int(), round(), math.floor/ceil/trunc).
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult {
    if f.is_nan() {
        return vm.err("ValueError", "cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        return vm.err("OverflowError", "cannot convert float infinity to integer");
    }
    if f.abs() < 9e18 {
        return Ok(Value::Int(f.trunc() as i64));
    }
    use num_traits::FromPrimitive;
    Ok(int_value(BigInt::from_f64(f.trunc()).unwrap_or_default()))
}

impl Vm {
    pub fn binary(&mut self, op: BinOp, a: Value, b: Value, inplace: bool) -> PyResult {
        crate::vm::ops::binary(self, op, a, b, inplace)
    }

    pub fn unary(&mut self, op: UnaryOp, a: Value) -> PyResult {
        crate::vm::ops::unary(self, op, a)
    }

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult {
        crate::vm::ops::compare(self, op, a, b)
    }
}

fn is_type_or_none(v: &Value) -> bool {
    matches!(v, Value::None) || matches!(v, Value::Obj(o) if matches!(&**o, Obj::Class(_)))
}
