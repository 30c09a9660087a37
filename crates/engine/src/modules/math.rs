//! `math`, with CPython's results and errors (domain errors, exact integer functions, `fsum`).

use crate::modules::{funcs, new_module, Module};
use crate::types::args::{arg, arity, as_f64, as_int, kwarg, Args, Kwargs};
use crate::types::value::Value;
use crate::vm::ops::{int_value, to_big};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;

macro_rules! math1 {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
            arity(vm, &args, 1, 1, stringify!($name))?;
            let x = as_f64(vm, &args[0])?;
            let r: f64 = $f(x);
            if r.is_nan() && !x.is_nan() {
                return vm.err("ValueError", "math domain error");
            }
            if r.is_infinite() && x.is_finite() {
                return vm.err("OverflowError", "math range error");
            }
            Ok(Value::Float(r))
        }
    };
}

math1!(sqrt, f64::sqrt);

math1!(exp, f64::exp);

math1!(sin, f64::sin);

math1!(cos, f64::cos);

math1!(tan, f64::tan);

math1!(atan, f64::atan);

math1!(fabs, f64::abs);

math1!(log2, f64::log2);

math1!(log10, f64::log10);

math1!(asin, f64::asin);

math1!(acos, f64::acos);

math1!(sinh, f64::sinh);

math1!(cosh, f64::cosh);

math1!(tanh, f64::tanh);

math1!(asinh, f64::asinh);

math1!(acosh, f64::acosh);

math1!(atanh, f64::atanh);

math1!(expm1, f64::exp_m1);

math1!(log1p, f64::ln_1p);

math1!(cbrt, f64::cbrt);

math1!(exp2, f64::exp2);

math1!(degrees, f64::to_degrees);

math1!(radians, f64::to_radians);

fn float_args(vm: &mut Vm, args: &Args, n: usize, name: &str) -> PyResult<Vec<f64>> {
    arity(vm, args, n, n, name)?;
    args.iter().map(|a| as_f64(vm, a)).collect()
}

fn isfinite(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = float_args(vm, &args, 1, "isfinite")?;
    Ok(Value::Bool(x[0].is_finite()))
}

fn copysign(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = float_args(vm, &args, 2, "copysign")?;
    Ok(Value::Float(x[0].copysign(x[1])))
}

fn fmod(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = float_args(vm, &args, 2, "fmod")?;
    if x[1] == 0.0 || x[0].is_infinite() {
        return vm.err("ValueError", "math domain error");
    }
    Ok(Value::Float(x[0] % x[1]))
}

fn modf(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = float_args(vm, &args, 1, "modf")?[0];
    let whole = if x.is_infinite() { x } else { x.trunc() };
    let frac = if x.is_infinite() { 0.0f64.copysign(x) } else { (x - whole).copysign(x) };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(whole)]))
}

fn frexp(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = float_args(vm, &args, 1, "frexp")?[0];
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    // From the bits, exactly: a subnormal is first scaled into the normal range.
    let (x, scaled) = if x.abs() < f64::MIN_POSITIVE { (x * 2f64.powi(64), 64) } else { (x, 0) };
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64 - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e - scaled)]))
}

fn ldexp(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "ldexp")?;
    let x = as_f64(vm, &args[0])?;
    let e = as_int(vm, &args[1])?.clamp(-2200, 2200) as i32;
    let r = x * 2f64.powi(e / 2) * 2f64.powi(e - e / 2);
    if r.is_infinite() && x.is_finite() {
        return vm.err("OverflowError", "math range error");
    }
    Ok(Value::Float(r))
}

fn int_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Vec<BigInt>> {
    args.iter()
        .map(|a| match to_big(a) {
            Some(b) => Ok(b),
            None => {
                let t = vm.type_name(a);
                vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
            }
        })
        .collect::<PyResult<Vec<_>>>()
        .and_then(|v| if v.is_empty() && name != "lcm" { vm.type_error(format!("{name} expected arguments")) } else { Ok(v) })
}

fn isqrt(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "isqrt")?;
    let n = int_args(vm, &args, "isqrt")?.remove(0);
    if n < BigInt::from(0) {
        return vm.err("ValueError", "isqrt() argument must be nonnegative");
    }
    Ok(int_value(n.sqrt()))
}

fn lcm(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    use num_integer::Integer;
    let mut acc = BigInt::from(1);
    for b in int_args(vm, &args, "lcm")? {
        acc = acc.lcm(&b);
    }
    Ok(int_value(acc))
}

/// comb(n, k) and perm(n, k) by products of consecutive integers.
fn comb_perm(vm: &mut Vm, args: Args, comb: bool) -> PyResult {
    let name = if comb { "comb" } else { "perm" };
    arity(vm, &args, if comb { 2 } else { 1 }, 2, name)?;
    let v = int_args(vm, &args, name)?;
    let n = v[0].clone();
    let k = v.get(1).cloned().unwrap_or_else(|| n.clone());
    let zero = BigInt::from(0);
    if n < zero {
        return vm.err("ValueError", "n must be a non-negative integer");
    }
    if k < zero {
        return vm.err("ValueError", "k must be a non-negative integer");
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    use num_traits::ToPrimitive;
    let k_small = if comb { std::cmp::min(k.clone(), &n - &k) } else { k.clone() };
    let Some(steps) = k_small.to_u64().filter(|s| *s <= 100_000) else {
        return vm.err("OverflowError", format!("{name}() result too large"));
    };
    let mut acc = BigInt::from(1);
    for i in 0..steps {
        acc *= &n - BigInt::from(i);
        if comb {
            acc /= BigInt::from(i + 1);
        }
    }
    Ok(int_value(acc))
}

fn comb(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    comb_perm(vm, args, true)
}

fn perm(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    comb_perm(vm, args, false)
}

fn dist(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "dist")?;
    let p = vm.collect_iter(&args[0])?;
    let q = vm.collect_iter(&args[1])?;
    if p.len() != q.len() {
        return vm.err("ValueError", "both points must have the same number of dimensions");
    }
    let mut sum = 0.0;
    for (a, b) in p.iter().zip(&q) {
        let d = as_f64(vm, a)? - as_f64(vm, b)?;
        sum += d * d;
    }
    Ok(Value::Float(sum.sqrt()))
}

fn log(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "log")?;
    let x = as_f64(vm, &args[0])?;
    if x <= 0.0 {
        return vm.err("ValueError", "math domain error");
    }
    Ok(Value::Float(match args.get(1) {
        Some(b) => x.ln() / as_f64(vm, b)?.ln(),
        None => x.ln(),
    }))
}

fn floor(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "floor")?;
    if to_big(&args[0]).is_some() {
        return Ok(int_value(to_big(&args[0]).unwrap()));
    }
    let f = as_f64(vm, &args[0])?;
    crate::vm::ops::float_to_int(vm, f.floor())
}

fn ceil(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "ceil")?;
    if to_big(&args[0]).is_some() {
        return Ok(int_value(to_big(&args[0]).unwrap()));
    }
    let f = as_f64(vm, &args[0])?;
    crate::vm::ops::float_to_int(vm, f.ceil())
}

fn trunc(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "trunc")?;
    if let Some(b) = to_big(&args[0]) {
        return Ok(int_value(b));
    }
    let f = as_f64(vm, &args[0])?;
    crate::vm::ops::float_to_int(vm, f)
}

fn pow(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "pow")?;
    Ok(Value::Float(as_f64(vm, &args[0])?.powf(as_f64(vm, &args[1])?)))
}

fn atan2(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "atan2")?;
    Ok(Value::Float(as_f64(vm, &args[0])?.atan2(as_f64(vm, &args[1])?)))
}

fn hypot(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let mut s = 0.0;
    for a in &args {
        let x = as_f64(vm, a)?;
        s += x * x;
    }
    Ok(Value::Float(s.sqrt()))
}

fn isclose(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let a = {
        let a_ = arg(vm, &args, 0, "isclose")?;
        as_f64(vm, &a_)
    }?;
    let b = {
        let a_ = arg(vm, &args, 1, "isclose")?;
        as_f64(vm, &a_)
    }?;
    let rel = match kwarg(&kwargs, "rel_tol") {
        Some(v) => as_f64(vm, &v)?,
        None => 1e-9,
    };
    let abs = match kwarg(&kwargs, "abs_tol") {
        Some(v) => as_f64(vm, &v)?,
        None => 0.0,
    };
    Ok(Value::Bool(a == b || (a - b).abs() <= (rel * a.abs().max(b.abs())).max(abs)))
}

fn isnan(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    Ok(Value::Bool(
        {
            let a_ = arg(vm, &args, 0, "isnan")?;
            as_f64(vm, &a_)
        }?
        .is_nan(),
    ))
}

fn isinf(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    Ok(Value::Bool(
        {
            let a_ = arg(vm, &args, 0, "isinf")?;
            as_f64(vm, &a_)
        }?
        .is_infinite(),
    ))
}

fn factorial(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let n = {
        let a_ = arg(vm, &args, 0, "factorial")?;
        as_int(vm, &a_)
    }?;
    if n < 0 {
        return vm.err("ValueError", "factorial() not defined for negative values");
    }
    let mut acc = BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(int_value(acc))
}

fn gcd(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    use num_integer::Integer;
    let mut g = BigInt::from(0);
    for a in &args {
        match to_big(a) {
            Some(b) => g = g.gcd(&b),
            None => return vm.type_error("gcd() arguments must be integers"),
        }
    }
    Ok(int_value(g))
}

fn prod(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let items = {
        let a_ = arg(vm, &args, 0, "prod")?;
        vm.collect_iter(&a_)
    }?;
    let mut acc = Value::Int(1);
    for x in items {
        acc = vm.binary(awaitlab_syntax::ast::BinOp::Mul, acc, x, false)?;
    }
    Ok(acc)
}

/// math.fsum: Shewchuk's exact partial sums, rounded once at the end (as CPython's msum).
fn fsum(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let items = {
        let a_ = arg(vm, &args, 0, "fsum")?;
        vm.collect_iter(&a_)
    }?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut infinities) = (0.0f64, 0.0f64);
    for x in items {
        let mut x = as_f64(vm, &x)?;
        if !x.is_finite() {
            if x.is_infinite() {
                infinities += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
        if !x.is_finite() {
            return vm.err("OverflowError", "intermediate overflow in fsum");
        }
    }
    if special != 0.0 {
        if infinities.is_nan() {
            return vm.err("ValueError", "-inf + inf in fsum");
        }
        return Ok(Value::Float(special));
    }
    // Sum from the top, with the half-way correction CPython applies.
    let mut hi = 0.0;
    let mut n = partials.len();
    if n > 0 {
        hi = partials[n - 1];
        n -= 1;
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            let y = partials[n - 1];
            n -= 1;
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

/// Makes the module (see `MODULES`).
pub(super) fn load(_vm: &mut Vm, _module: &Module) -> PyResult {
    let mut items = funcs(&[
        ("sqrt", sqrt),
        ("exp", exp),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("atan", atan),
        ("fabs", fabs),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("pow", pow),
        ("atan2", atan2),
        ("hypot", hypot),
        ("isclose", isclose),
        ("isnan", isnan),
        ("isinf", isinf),
        ("factorial", factorial),
        ("gcd", gcd),
        ("prod", prod),
        ("fsum", fsum),
        ("asin", asin),
        ("acos", acos),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("expm1", expm1),
        ("log1p", log1p),
        ("cbrt", cbrt),
        ("exp2", exp2),
        ("degrees", degrees),
        ("radians", radians),
        ("isfinite", isfinite),
        ("copysign", copysign),
        ("fmod", fmod),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("isqrt", isqrt),
        ("lcm", lcm),
        ("comb", comb),
        ("perm", perm),
        ("dist", dist),
    ]);
    items.push(("pi", Value::Float(std::f64::consts::PI)));
    items.push(("e", Value::Float(std::f64::consts::E)));
    items.push(("tau", Value::Float(std::f64::consts::TAU)));
    items.push(("inf", Value::Float(f64::INFINITY)));
    items.push(("nan", Value::Float(f64::NAN)));
    Ok(new_module("math", items).0)
}
