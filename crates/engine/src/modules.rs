//! The modules programs can import: asyncio (native core + Python prelude), time, random, json,
//! math, sys, signal, collections, heapq, functools, itertools, typing, datetime, os, string.

use crate::builtins::*;
use crate::native::NativeObj;
use crate::ops::{int_value, to_big};
use crate::value::*;
use crate::vm::{PyResult, Vm};
use awaitlab_trace::json_str_into;
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

type Args = Vec<Value>;

pub const SUPPORTED_MODULES: &[&str] = &[
    "asyncio", "time", "random", "json", "math", "sys", "signal", "collections", "heapq", "functools", "itertools",
    "typing", "datetime", "aiohttp", "requests", "contextlib", "os", "string", "dataclasses", "__future__", "operator",
];

fn module(name: &str, items: Vec<(&str, Value)>) -> (Value, Rc<RefCell<Namespace>>) {
    let mut ns = Namespace::default();
    ns.insert(Rc::from("__name__"), Value::str(name));
    for (k, v) in items {
        ns.insert(Rc::from(k), v);
    }
    let dict = Rc::new(RefCell::new(ns));
    (Value::obj(Obj::Module { name: Rc::from(name), dict: dict.clone() }), dict)
}

fn funcs(list: &[(&'static str, NativeFn)]) -> Vec<(&'static str, Value)> {
    list.iter().map(|(n, f)| (*n, builtin(n, *f))).collect()
}

thread_local! {
    /// Compiled Python sources of the engine's own modules: compiled once per thread, not per run.
    static COMPILED: RefCell<std::collections::HashMap<&'static str, Rc<crate::code::Code>>> = RefCell::new(Default::default());
}

/// Runs one of the engine's own Python sources as a module body with `ns` as its globals.
pub(crate) fn exec_source(vm: &mut Vm, src: &'static str, filename: &str, ns: Rc<RefCell<Namespace>>) -> PyResult<()> {
    let cached = COMPILED.with(|c| c.borrow().get(src).cloned());
    let code = match cached {
        Some(code) => code,
        None => {
            let compiled = awaitlab_syntax::parse_module(src).and_then(|parsed| awaitlab_compile::compile_module(&parsed, filename));
            let code = match compiled {
                Ok(c) => crate::code::link(c.code),
                Err(e) => return vm.err("SyntaxError", format!("{} ({filename}, line {})", e.message, e.line)),
            };
            COMPILED.with(|c| c.borrow_mut().insert(src, code.clone()));
            code
        }
    };
    let frame = vm.module_frame(code, ns);
    vm.run_nested(crate::vm::Thread { frames: vec![frame], pending_throw: None })?;
    Ok(())
}

impl Vm {
    pub fn import(&mut self, name: &str) -> PyResult {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let m = match name {
            "asyncio" => asyncio_module(self)?,
            "time" => time_module(self),
            "random" => random_module(self)?,
            "json" => json_module(self),
            "math" => math_module(self),
            "sys" => sys_module(self),
            "signal" => signal_module(self),
            "collections" => collections_module(self),
            "heapq" => heapq_module(self),
            "functools" | "itertools" | "typing" | "datetime" | "contextlib" | "os" | "string" | "dataclasses" | "__future__" | "operator" => {
                python_module(self, name)?
            }
            "os.path" => {
                let os = self.import("os")?;
                return self.get_attr(&os, "path");
            }
            "aiohttp" | "requests" => crate::http::module(self, name)?,
            "requests.exceptions" => return self.import("requests"),
            "aiohttp.client_exceptions" => return self.import("aiohttp"),
            "asyncio.exceptions" | "asyncio.tasks" | "asyncio.locks" | "asyncio.queues" | "asyncio.events" => {
                return self.import("asyncio");
            }
            "collections.abc" => python_module(self, "typing")?,
            _ => {
                let top = name.split('.').next().unwrap_or(name);
                let hint = if SUPPORTED_MODULES.contains(&top) { String::new() } else { format!(" (Awaitlab provides: {})", SUPPORTED_MODULES.join(", ")) };
                let c = self.t.exc("ModuleNotFoundError");
                return Err(self.new_exception(&c, Some(format!("No module named '{name}'{hint}"))));
            }
        };
        self.modules.insert(Rc::from(name), m.clone());
        Ok(m)
    }
}

// ---------- asyncio ----------

fn n_resource(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    crate::recorder::resource(vm, &args);
    Ok(Value::None)
}

fn n_report_shutdown_exception(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let task = args[0].clone();
    let r = vm.repr(&task)?;
    let exc = match &task {
        Value::Obj(o) => crate::asyncio::fut_data(o).borrow().exception.clone(),
        _ => None,
    };
    let mut text = format!("unhandled exception during asyncio.run() shutdown\ntask: {r}\n");
    if let Some(e) = exc {
        text.push_str(&crate::tracebacks::format_traceback(vm, &e));
    }
    vm.write(awaitlab_trace::Stream::Stderr, &text);
    Ok(Value::None)
}

fn asyncio_module(vm: &mut Vm) -> PyResult {
    let mut items: Vec<(&str, Value)> = crate::asyncio::native_functions().into_iter().map(|(n, f)| (n, builtin(n, f))).collect();
    items.push(("_n_resource", builtin("_n_resource", n_resource)));
    items.push(("_n_report_shutdown_exception", builtin("_n_report_shutdown_exception", n_report_shutdown_exception)));
    items.push(("Future", Value::Obj(vm.t.future.clone())));
    items.push(("Task", Value::Obj(vm.t.task.clone())));
    items.push(("Handle", Value::Obj(vm.t.handle.clone())));
    items.push(("TimerHandle", Value::Obj(vm.t.timer_handle.clone())));
    items.push(("AbstractEventLoop", Value::Obj(vm.t.event_loop.clone())));
    for n in ["CancelledError", "InvalidStateError", "LimitOverrunError", "IncompleteReadError", "QueueEmpty", "QueueFull"] {
        items.push((n, Value::Obj(vm.t.exc(n))));
    }
    items.push(("_deque", Value::Obj(vm.t.deque.clone())));
    items.push(("_heappush", builtin("heappush", h_heappush)));
    items.push(("_heappop", builtin("heappop", h_heappop)));
    let (m, ns) = module("asyncio", items);
    // The module is visible while its prelude runs (as CPython's partially-initialized modules are).
    vm.modules.insert(Rc::from("asyncio"), m.clone());
    exec_source(vm, include_str!("asyncio_prelude.py"), "<asyncio>", ns.clone())?;
    // Loop methods written in Python.
    for (py, method) in [
        ("_loop_run_until_complete", "run_until_complete"),
        ("_loop_run_forever", "run_forever"),
        ("_loop_shutdown_asyncgens", "shutdown_asyncgens"),
        ("_loop_shutdown_default_executor", "shutdown_default_executor"),
        ("_loop_set_exception_handler", "set_exception_handler"),
        ("_loop_default_exception_handler", "default_exception_handler"),
        ("_loop_call_exception_handler", "call_exception_handler"),
        ("_loop_handle_callback_error", "_handle_callback_error"),
    ] {
        let f = ns.borrow().get(py).cloned().unwrap();
        if let Obj::Class(c) = &*vm.t.event_loop {
            c.dict.borrow_mut().insert(Rc::from(method), f);
        }
        crate::call::bump_class_epoch();
    }
    // Submodule-style aliases used by tutorials.
    ns.borrow_mut().insert(Rc::from("exceptions"), m.clone());
    ns.borrow_mut().insert(Rc::from("tasks"), m.clone());
    ns.borrow_mut().insert(Rc::from("events"), m.clone());
    ns.borrow_mut().insert(Rc::from("futures"), m.clone());
    Ok(m)
}

// ---------- time ----------

fn t_time(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Float(vm.epoch_base + vm.program_clock()))
}
fn t_monotonic(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Float(vm.program_clock()))
}
fn t_time_ns(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Int(((vm.epoch_base + vm.program_clock()) * 1e9) as i64))
}
fn t_monotonic_ns(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Int((vm.program_clock() * 1e9) as i64))
}
fn t_sleep(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "sleep")?;
    let secs = as_f64(vm, &args[0])?;
    if secs < 0.0 {
        return vm.err("ValueError", "sleep length must be non-negative");
    }
    if vm.nested_depth > 0 {
        // Called from code the engine runs to completion (a key function, a class body...):
        // the loop is blocked just the same; the clock jumps.
        let until = vm.rt.now + secs;
        crate::recorder::blocked(vm, until, &Rc::from("time.sleep"));
        vm.rt.now = until;
        crate::recorder::unblocked(vm);
        return Ok(Value::None);
    }
    vm.control = Some(crate::vm::Control::Block { seconds: secs, reason: Rc::from(format!("time.sleep({})", awaitlab_syntax::literal::float_repr(secs).trim_end_matches(".0"))) });
    Ok(Value::None)
}
fn t_strftime(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let fmt = { let a_ = arg(vm, &args, 0, "strftime")?; as_str(vm, &a_) }?;
    let t = vm.epoch_base + vm.program_clock();
    Ok(Value::str(&crate::modules::strftime(&fmt, t)))
}

fn time_module(vm: &mut Vm) -> Value {
    let _ = vm;
    module(
        "time",
        funcs(&[
            ("time", t_time),
            ("monotonic", t_monotonic),
            ("perf_counter", t_monotonic),
            ("process_time", t_monotonic),
            ("time_ns", t_time_ns),
            ("monotonic_ns", t_monotonic_ns),
            ("perf_counter_ns", t_monotonic_ns),
            ("sleep", t_sleep),
            ("strftime", t_strftime),
        ]),
    )
    .0
}

/// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn strftime(fmt: &str, t: f64) -> String {
    let secs = t.floor() as i64;
    let (y, mo, d) = civil(secs.div_euclid(86400));
    let sod = secs.rem_euclid(86400);
    let (h, mi, s) = (sod / 3600, (sod % 3600) / 60, sod % 60);
    let mut out = String::new();
    let mut it = fmt.chars();
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('Y') => out.push_str(&format!("{y:04}")),
            Some('m') => out.push_str(&format!("{mo:02}")),
            Some('d') => out.push_str(&format!("{d:02}")),
            Some('H') => out.push_str(&format!("{h:02}")),
            Some('M') => out.push_str(&format!("{mi:02}")),
            Some('S') => out.push_str(&format!("{s:02}")),
            Some('f') => out.push_str(&format!("{:06}", ((t - t.floor()) * 1e6) as i64)),
            Some('%') => out.push('%'),
            Some(o) => {
                out.push('%');
                out.push(o);
            }
            None => out.push('%'),
        }
    }
    out
}

// ---------- random ----------
// The Mersenne Twister is native (CPython's _random); Lib/random.py is random_prelude.py.

fn rng_state(vm: &mut Vm, v: Option<&Value>) -> PyResult<Rc<Obj>> {
    match v {
        Some(Value::Obj(o)) if matches!(&**o, Obj::Native(NativeObj::Rng(_))) => Ok(o.clone()),
        _ => vm.type_error("a random generator's state was expected"),
    }
}

fn with_rng<R>(o: &Rc<Obj>, f: impl FnOnce(&mut Rng) -> R) -> R {
    let Obj::Native(NativeObj::Rng(r)) = &**o else { unreachable!() };
    f(&mut r.borrow_mut())
}

fn r_new(_vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::obj(Obj::Native(NativeObj::Rng(Box::new(RefCell::new(Rng::new(0)))))))
}

/// _random.Random.seed: an int seeds with its absolute value's 32-bit words; None with the
/// clock (the run's wall-clock start, so unseeded runs differ as CPython's do); anything else
/// with its hash.
fn r_seed(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let o = rng_state(vm, args.first())?;
    match args.get(1) {
        None | Some(Value::None) => {
            let s = (vm.epoch_base + vm.program_clock()).to_bits() ^ 0x5eed;
            with_rng(&o, |r| *r = Rng::new(s));
        }
        Some(v) => {
            let n = match to_big(v) {
                Some(b) => b,
                None => BigInt::from(vm.hash(v)?),
            };
            with_rng(&o, |r| r.seed_int(&n));
        }
    }
    Ok(Value::None)
}
fn r_random(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let o = rng_state(vm, args.first())?;
    Ok(Value::Float(with_rng(&o, |r| r.random())))
}
/// getrandbits(k): 32-bit words from the least significant up, the last one's top bits kept.
fn r_getrandbits(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let o = rng_state(vm, args.first())?;
    let k = { let a_ = arg(vm, &args, 1, "getrandbits")?; as_int(vm, &a_) }?.max(0) as u64;
    if k <= 32 {
        return Ok(Value::Int(with_rng(&o, |r| r.getrandbits(k as u32)) as i64));
    }
    let words = with_rng(&o, |r| {
        let mut left = k;
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        while left > 0 {
            let w = r.genrand();
            words.push(if left < 32 { w >> (32 - left) } else { w });
            left = left.saturating_sub(32);
        }
        words
    });
    Ok(int_value(BigInt::from_slice(num_bigint::Sign::Plus, &words)))
}
fn r_getstate(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let o = rng_state(vm, args.first())?;
    let (words, index) = with_rng(&o, |r| r.state());
    let mut items: Vec<Value> = words.iter().map(|w| Value::Int(*w as i64)).collect();
    items.push(Value::Int(index as i64));
    Ok(Value::tuple(items))
}
fn r_setstate(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let o = rng_state(vm, args.first())?;
    let state = { let a_ = arg(vm, &args, 1, "setstate")?; vm.collect_iter(&a_) }?;
    if state.len() != 625 {
        return vm.err("ValueError", "state vector is the wrong size");
    }
    let mut words = [0u32; 624];
    for (w, v) in words.iter_mut().zip(&state) {
        *w = as_int(vm, v)? as u32;
    }
    let index = as_int(vm, &state[624])?;
    if !(0..=624).contains(&index) {
        return vm.err("ValueError", "invalid state");
    }
    with_rng(&o, |r| r.set_state(words, index as usize));
    Ok(Value::None)
}
fn r_sha512(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let data = match args.first() {
        Some(Value::Obj(o)) => match &**o {
            Obj::Bytes(b) => b.clone(),
            _ => return vm.type_error("bytes expected"),
        },
        _ => return vm.type_error("bytes expected"),
    };
    Ok(Value::obj(Obj::Bytes(crate::sha512::digest(&data).to_vec())))
}

fn random_module(vm: &mut Vm) -> PyResult {
    let (m, ns) = module(
        "random",
        funcs(&[
            ("_rng_new", r_new),
            ("_rng_seed", r_seed),
            ("_rng_random", r_random),
            ("_rng_getrandbits", r_getrandbits),
            ("_rng_getstate", r_getstate),
            ("_rng_setstate", r_setstate),
            ("_sha512", r_sha512),
        ]),
    );
    ns.borrow_mut().insert(Rc::from("_DEFAULT_SEED"), Value::None);
    exec_source(vm, include_str!("random_prelude.py"), "<random>", ns)?;
    Ok(m)
}

// ---------- math ----------

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
math1!(m_sqrt, f64::sqrt);
math1!(m_exp, f64::exp);
math1!(m_sin, f64::sin);
math1!(m_cos, f64::cos);
math1!(m_tan, f64::tan);
math1!(m_atan, f64::atan);
math1!(m_fabs, f64::abs);
math1!(m_log2, f64::log2);
math1!(m_log10, f64::log10);
math1!(m_asin, f64::asin);
math1!(m_acos, f64::acos);
math1!(m_sinh, f64::sinh);
math1!(m_cosh, f64::cosh);
math1!(m_tanh, f64::tanh);
math1!(m_asinh, f64::asinh);
math1!(m_acosh, f64::acosh);
math1!(m_atanh, f64::atanh);
math1!(m_expm1, f64::exp_m1);
math1!(m_log1p, f64::ln_1p);
math1!(m_cbrt, f64::cbrt);
math1!(m_exp2, f64::exp2);
math1!(m_degrees, f64::to_degrees);
math1!(m_radians, f64::to_radians);

fn float_args(vm: &mut Vm, args: &Args, n: usize, name: &str) -> PyResult<Vec<f64>> {
    arity(vm, args, n, n, name)?;
    args.iter().map(|a| as_f64(vm, a)).collect()
}
fn m_isfinite(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = float_args(vm, &args, 1, "isfinite")?;
    Ok(Value::Bool(x[0].is_finite()))
}
fn m_copysign(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = float_args(vm, &args, 2, "copysign")?;
    Ok(Value::Float(x[0].copysign(x[1])))
}
fn m_fmod(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = float_args(vm, &args, 2, "fmod")?;
    if x[1] == 0.0 || x[0].is_infinite() {
        return vm.err("ValueError", "math domain error");
    }
    Ok(Value::Float(x[0] % x[1]))
}
fn m_modf(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = float_args(vm, &args, 1, "modf")?[0];
    let whole = if x.is_infinite() { x } else { x.trunc() };
    let frac = if x.is_infinite() { 0.0f64.copysign(x) } else { (x - whole).copysign(x) };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(whole)]))
}
fn m_frexp(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let x = float_args(vm, &args, 1, "frexp")?[0];
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let mut e = x.abs().log2().floor() as i32 + 1;
    let mut m = x / 2f64.powi(e);
    // Round-off at the edges of a binade.
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    } else if m.abs() < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}
fn m_ldexp(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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
fn m_isqrt(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "isqrt")?;
    let n = int_args(vm, &args, "isqrt")?.remove(0);
    if n < BigInt::from(0) {
        return vm.err("ValueError", "isqrt() argument must be nonnegative");
    }
    Ok(int_value(n.sqrt()))
}
fn m_lcm(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    use num_integer::Integer;
    let mut acc = BigInt::from(1);
    for b in int_args(vm, &args, "lcm")? {
        acc = acc.lcm(&b);
    }
    Ok(int_value(acc))
}
/// comb(n, k) and perm(n, k) by products of consecutive integers.
fn m_comb_perm(vm: &mut Vm, args: Args, comb: bool) -> PyResult {
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
fn m_comb(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    m_comb_perm(vm, args, true)
}
fn m_perm(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    m_comb_perm(vm, args, false)
}
fn m_dist(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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

fn m_log(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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
fn m_floor(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "floor")?;
    if to_big(&args[0]).is_some() {
        return Ok(int_value(to_big(&args[0]).unwrap()));
    }
    let f = as_f64(vm, &args[0])?;
    crate::ops::float_to_int(vm, f.floor())
}
fn m_ceil(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "ceil")?;
    if to_big(&args[0]).is_some() {
        return Ok(int_value(to_big(&args[0]).unwrap()));
    }
    let f = as_f64(vm, &args[0])?;
    crate::ops::float_to_int(vm, f.ceil())
}
fn m_trunc(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "trunc")?;
    if let Some(b) = to_big(&args[0]) {
        return Ok(int_value(b));
    }
    let f = as_f64(vm, &args[0])?;
    crate::ops::float_to_int(vm, f)
}
fn m_pow(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "pow")?;
    Ok(Value::Float(as_f64(vm, &args[0])?.powf(as_f64(vm, &args[1])?)))
}
fn m_atan2(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "atan2")?;
    Ok(Value::Float(as_f64(vm, &args[0])?.atan2(as_f64(vm, &args[1])?)))
}
fn m_hypot(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let mut s = 0.0;
    for a in &args {
        let x = as_f64(vm, a)?;
        s += x * x;
    }
    Ok(Value::Float(s.sqrt()))
}
fn m_isclose(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let a = { let a_ = arg(vm, &args, 0, "isclose")?; as_f64(vm, &a_) }?;
    let b = { let a_ = arg(vm, &args, 1, "isclose")?; as_f64(vm, &a_) }?;
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
fn m_isnan(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    Ok(Value::Bool({ let a_ = arg(vm, &args, 0, "isnan")?; as_f64(vm, &a_) }?.is_nan()))
}
fn m_isinf(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    Ok(Value::Bool({ let a_ = arg(vm, &args, 0, "isinf")?; as_f64(vm, &a_) }?.is_infinite()))
}
fn m_factorial(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let n = { let a_ = arg(vm, &args, 0, "factorial")?; as_int(vm, &a_) }?;
    if n < 0 {
        return vm.err("ValueError", "factorial() not defined for negative values");
    }
    let mut acc = BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(int_value(acc))
}
fn m_gcd(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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
fn m_prod(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let items = { let a_ = arg(vm, &args, 0, "prod")?; vm.collect_iter(&a_) }?;
    let mut acc = Value::Int(1);
    for x in items {
        acc = vm.binary(awaitlab_syntax::ast::BinOp::Mul, acc, x, false)?;
    }
    Ok(acc)
}
/// math.fsum: Shewchuk's exact partial sums, rounded once at the end (as CPython's msum).
fn m_fsum(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let items = { let a_ = arg(vm, &args, 0, "fsum")?; vm.collect_iter(&a_) }?;
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

fn math_module(_vm: &mut Vm) -> Value {
    let mut items = funcs(&[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("atan", m_atan),
        ("fabs", m_fabs),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("pow", m_pow),
        ("atan2", m_atan2),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isnan", m_isnan),
        ("isinf", m_isinf),
        ("factorial", m_factorial),
        ("gcd", m_gcd),
        ("prod", m_prod),
        ("fsum", m_fsum),
        ("asin", m_asin),
        ("acos", m_acos),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("asinh", m_asinh),
        ("acosh", m_acosh),
        ("atanh", m_atanh),
        ("expm1", m_expm1),
        ("log1p", m_log1p),
        ("cbrt", m_cbrt),
        ("exp2", m_exp2),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("isfinite", m_isfinite),
        ("copysign", m_copysign),
        ("fmod", m_fmod),
        ("modf", m_modf),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("comb", m_comb),
        ("perm", m_perm),
        ("dist", m_dist),
    ]);
    items.push(("pi", Value::Float(std::f64::consts::PI)));
    items.push(("e", Value::Float(std::f64::consts::E)));
    items.push(("tau", Value::Float(std::f64::consts::TAU)));
    items.push(("inf", Value::Float(f64::INFINITY)));
    items.push(("nan", Value::Float(f64::NAN)));
    module("math", items).0
}

// ---------- sys, signal ----------

fn stream_write(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let stream = match &args[0] {
        Value::Obj(o) => match &**o {
            Obj::Module { name, .. } if &**name == "sys.stderr" => awaitlab_trace::Stream::Stderr,
            _ => awaitlab_trace::Stream::Stdout,
        },
        _ => awaitlab_trace::Stream::Stdout,
    };
    let s = { let a_ = arg(vm, &args, 1, "write")?; as_str(vm, &a_) }?;
    vm.write(stream, &s);
    Ok(Value::Int(s.chars().count() as i64))
}
fn stream_flush(_vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::None)
}
fn sys_exit(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let c = vm.t.exc("SystemExit");
    Err(crate::exceptions::instantiate(&c, args))
}
fn sys_noop_int(_vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Int(1000))
}

fn sys_module(vm: &mut Vm) -> Value {
    let stream = |name: &str| {
        let (m, ns) = module(name, vec![]);
        for (n, f) in [("write", stream_write as NativeFn), ("flush", stream_flush)] {
            ns.borrow_mut().insert(Rc::from(n), Value::obj(Obj::Builtin(Builtin { name: n, func: f, bound: Some(m.clone()) })));
        }
        m
    };
    let stdout = stream("sys.stdout");
    let stderr = stream("sys.stderr");
    let mut items = funcs(&[("exit", sys_exit), ("getrecursionlimit", sys_noop_int), ("setrecursionlimit", sys_noop_int)]);
    items.push(("stdout", stdout));
    items.push(("stderr", stderr));
    items.push(("argv", Value::list(vec![Value::Str(vm.filename.clone())])));
    items.push(("version", Value::str("3.12.0 (Awaitlab)")));
    items.push(("platform", Value::str("awaitlab")));
    items.push(("maxsize", Value::Int(i64::MAX)));
    items.push(("version_info", Value::tuple(vec![Value::Int(3), Value::Int(12), Value::Int(0)])));
    module("sys", items).0
}

fn signal_signal(_vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::None)
}
fn signal_module(_vm: &mut Vm) -> Value {
    let mut items = funcs(&[("signal", signal_signal)]);
    items.push(("SIGINT", Value::Int(2)));
    items.push(("SIGTERM", Value::Int(15)));
    items.push(("SIG_DFL", Value::Int(0)));
    items.push(("SIG_IGN", Value::Int(1)));
    module("signal", items).0
}

// ---------- collections, heapq ----------

fn collections_module(vm: &mut Vm) -> Value {
    let (m, ns) = module("collections", vec![("deque", Value::Obj(vm.t.deque.clone()))]);
    let _ = exec_source(vm, include_str!("collections_prelude.py"), "<collections>", ns);
    m
}

fn heap_list(vm: &mut Vm, v: &Value) -> PyResult<Rc<Obj>> {
    match v {
        Value::Obj(o) if matches!(&**o, Obj::List(_)) => Ok(o.clone()),
        _ => vm.type_error("heap argument must be a list"),
    }
}
fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    crate::ops::order(vm, awaitlab_syntax::ast::CmpOp::Lt, a, b)
}
fn sift_down(vm: &mut Vm, heap: &mut Vec<Value>, start: usize, mut pos: usize) -> PyResult<()> {
    let item = heap[pos].clone();
    while pos > start {
        let parent = (pos - 1) >> 1;
        if lt(vm, &item, &heap[parent])? {
            heap[pos] = heap[parent].clone();
            pos = parent;
            continue;
        }
        break;
    }
    heap[pos] = item;
    Ok(())
}
fn sift_up(vm: &mut Vm, heap: &mut Vec<Value>, mut pos: usize) -> PyResult<()> {
    let end = heap.len();
    let start = pos;
    let item = heap[pos].clone();
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !lt(vm, &heap[child], &heap[right])? {
            child = right;
        }
        heap[pos] = heap[child].clone();
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = item;
    sift_down(vm, heap, start, pos)
}
fn h_heappush(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "heappush")?;
    let l = heap_list(vm, &args[0])?;
    let Obj::List(cell) = &*l else { unreachable!() };
    let mut heap = cell.borrow().clone();
    heap.push(args[1].clone());
    let n = heap.len() - 1;
    sift_down(vm, &mut heap, 0, n)?;
    *cell.borrow_mut() = heap;
    Ok(Value::None)
}
fn h_heappop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "heappop")?;
    let l = heap_list(vm, &args[0])?;
    let Obj::List(cell) = &*l else { unreachable!() };
    let mut heap = cell.borrow().clone();
    let Some(last) = heap.pop() else { return vm.err("IndexError", "index out of range") };
    let ret = if heap.is_empty() {
        last
    } else {
        let r = std::mem::replace(&mut heap[0], last);
        sift_up(vm, &mut heap, 0)?;
        r
    };
    *cell.borrow_mut() = heap;
    Ok(ret)
}
fn h_heapify(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let l = { let a_ = arg(vm, &args, 0, "heapify")?; heap_list(vm, &a_) }?;
    let Obj::List(cell) = &*l else { unreachable!() };
    let mut heap = cell.borrow().clone();
    for i in (0..heap.len() / 2).rev() {
        sift_up(vm, &mut heap, i)?;
    }
    *cell.borrow_mut() = heap;
    Ok(Value::None)
}
/// heapreplace (pop, then push) and heappushpop (push, then pop), in place as CPython's.
fn h_replace(vm: &mut Vm, args: Args, push_first: bool) -> PyResult {
    arity(vm, &args, 2, 2, if push_first { "heappushpop" } else { "heapreplace" })?;
    let l = heap_list(vm, &args[0])?;
    let Obj::List(cell) = &*l else { unreachable!() };
    let mut heap = cell.borrow().clone();
    let item = args[1].clone();
    if heap.is_empty() {
        return if push_first { Ok(item) } else { vm.err("IndexError", "index out of range") };
    }
    if push_first && !lt(vm, &heap[0], &item)? {
        return Ok(item);
    }
    let top = std::mem::replace(&mut heap[0], item);
    sift_up(vm, &mut heap, 0)?;
    *cell.borrow_mut() = heap;
    Ok(top)
}
fn h_heapreplace(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    h_replace(vm, args, false)
}
fn h_heappushpop(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    h_replace(vm, args, true)
}
/// nsmallest/nlargest: as the docs define them, `sorted(iterable, key=key)[:n]`.
fn h_nbest(vm: &mut Vm, args: Args, kwargs: Kwargs, largest: bool) -> PyResult {
    arity(vm, &args, 2, 3, if largest { "nlargest" } else { "nsmallest" })?;
    let n = as_int(vm, &args[0])?.max(0) as usize;
    let mut items = vm.collect_iter(&args[1])?;
    let key = args.get(2).cloned().or_else(|| kwarg(&kwargs, "key")).filter(|k| !k.is_none());
    crate::methods::sort_values(vm, &mut items, key, largest)?;
    items.truncate(n);
    Ok(Value::list(items))
}
fn h_nsmallest(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    h_nbest(vm, args, kwargs, false)
}
fn h_nlargest(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    h_nbest(vm, args, kwargs, true)
}

fn heapq_module(_vm: &mut Vm) -> Value {
    module(
        "heapq",
        funcs(&[
            ("heappush", h_heappush),
            ("heappop", h_heappop),
            ("heapify", h_heapify),
            ("heapreplace", h_heapreplace),
            ("heappushpop", h_heappushpop),
            ("nsmallest", h_nsmallest),
            ("nlargest", h_nlargest),
        ]),
    )
    .0
}

fn python_module(vm: &mut Vm, name: &str) -> PyResult {
    let src = match name {
        "functools" => include_str!("functools_prelude.py"),
        "itertools" => include_str!("itertools_prelude.py"),
        "datetime" => include_str!("datetime_prelude.py"),
        "contextlib" => include_str!("contextlib_prelude.py"),
        "os" => include_str!("os_prelude.py"),
        "string" => include_str!("string_prelude.py"),
        "dataclasses" => include_str!("dataclasses_prelude.py"),
        "__future__" => include_str!("future_prelude.py"),
        "operator" => include_str!("operator_prelude.py"),
        _ => include_str!("typing_prelude.py"),
    };
    let (m, ns) = module(name, vec![]);
    if name == "datetime" {
        ns.borrow_mut().insert(Rc::from("_now_epoch"), builtin("_now_epoch", t_time));
    }
    exec_source(vm, src, &format!("<{name}>"), ns)?;
    Ok(m)
}

// ---------- json ----------

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

fn json_dumps(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
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
        Value::Float(f) => out.push_str(&if f.is_nan() { "NaN".into() } else if f.is_infinite() { if *f > 0.0 { "Infinity".into() } else { "-Infinity".into() } } else { awaitlab_syntax::literal::float_repr(*f) }),
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
                    crate::methods::sort_values(vm, &mut keys, None, false)?;
                    let map: Vec<(Value, Value)> = keys
                        .into_iter()
                        .map(|k| items.iter().find(|(x, _)| crate::ops::keys_equal(x, &k)).cloned().unwrap())
                        .collect();
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
    fn value(&mut self, vm: &mut Vm) -> Result<Value, String> {
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
                    let v = self.value(vm)?;
                    map.insert(Key { hash: crate::ops::str_hash(&k), value: Value::str(&k) }, v);
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
                    items.push(self.value(vm)?);
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
                while self.pos < self.s.len() && (self.s[self.pos].is_ascii_digit() || matches!(self.s[self.pos], b'.' | b'e' | b'E' | b'+' | b'-')) {
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
                                let hex2 = std::str::from_utf8(self.s.get(self.pos + 2..self.pos + 6).unwrap_or(b"")).unwrap_or("").to_string();
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

fn json_loads(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let v = arg(vm, &args, 0, "loads")?;
    let text: Vec<u8> = match &v {
        Value::Str(s) => s.as_bytes().to_vec(),
        Value::Obj(o) => match &**o {
            Obj::Bytes(b) => b.clone(),
            _ => {
                let t = vm.type_name(&v);
                return vm.type_error(format!("the JSON object must be str, bytes or bytearray, not {t}"));
            }
        },
        _ => {
            let t = vm.type_name(&v);
            return vm.type_error(format!("the JSON object must be str, bytes or bytearray, not {t}"));
        }
    };
    let mut p = JsonParser { s: &text, pos: 0 };
    match p.value(vm) {
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

fn json_module(vm: &mut Vm) -> Value {
    let mut items = funcs(&[("dumps", json_dumps), ("loads", json_loads)]);
    items.push(("JSONDecodeError", Value::Obj(vm.t.exc("JSONDecodeError"))));
    module("json", items).0
}


pub fn ellipsis() -> Value {
    Value::obj(Obj::Native(NativeObj::Ellipsis))
}

