//! `random`'s native part: a Mersenne Twister per `Random` instance and CPython's seeding (sha512
//! of str and bytes seeds). The methods are the port of CPython's `Lib/random.py`.

use crate::modules::{funcs, new_module, run_python, Module};
use crate::types::args::{arg, as_int, Args, Kwargs};
use crate::types::native::NativeObj;
use crate::types::rng::Rng;
use crate::types::value::{Obj, Value};
use crate::vm::ops::{int_value, to_big};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

// The Mersenne Twister is native (CPython's _random); Lib/random.py is lib/random.py.

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

fn rng_new(_vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::obj(Obj::Native(NativeObj::Rng(Box::new(RefCell::new(Rng::new(0)))))))
}

/// _random.Random.seed: an int seeds with its absolute value's 32-bit words; None with the
/// clock (the run's wall-clock start, so unseeded runs differ as CPython's do); anything else
/// with its hash.
fn rng_seed(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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

fn rng_random(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let o = rng_state(vm, args.first())?;
    Ok(Value::Float(with_rng(&o, |r| r.random())))
}

/// getrandbits(k): 32-bit words from the least significant up, the last one's top bits kept.
fn rng_getrandbits(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let o = rng_state(vm, args.first())?;
    let k = {
        let a_ = arg(vm, &args, 1, "getrandbits")?;
        as_int(vm, &a_)
    }?
    .max(0) as u64;
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

fn rng_getstate(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let o = rng_state(vm, args.first())?;
    let (words, index) = with_rng(&o, |r| r.state());
    let mut items: Vec<Value> = words.iter().map(|w| Value::Int(*w as i64)).collect();
    items.push(Value::Int(index as i64));
    Ok(Value::tuple(items))
}

fn rng_setstate(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let o = rng_state(vm, args.first())?;
    let state = {
        let a_ = arg(vm, &args, 1, "setstate")?;
        vm.collect_iter(&a_)
    }?;
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

fn sha512_digest(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let data = match args.first().and_then(|v| crate::types::buffer::with_bytes(v, <[u8]>::to_vec)) {
        Some(b) => b,
        None => return vm.type_error("bytes expected"),
    };
    Ok(Value::obj(Obj::Bytes(crate::modules::hashlib::digest("sha512", &data).expect("sha512 is known"))))
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    let (m, ns) = new_module(
        "random",
        funcs(&[
            ("_rng_new", rng_new),
            ("_rng_seed", rng_seed),
            ("_rng_random", rng_random),
            ("_rng_getrandbits", rng_getrandbits),
            ("_rng_getstate", rng_getstate),
            ("_rng_setstate", rng_setstate),
            ("_sha512", sha512_digest),
        ]),
    );
    ns.borrow_mut().insert(Rc::from("_DEFAULT_SEED"), Value::None);
    run_python(vm, module, &ns)?;
    Ok(m)
}
