//! `time`: the program's clock (virtual or real, as the host keeps it), `sleep` that blocks the
//! whole program, `format_time`.

use crate::modules::{funcs, new_module, Module};
use crate::types::args::{arg, arity, as_f64, as_str, Args, Kwargs};
use crate::types::value::Value;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub(crate) fn time(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Float(vm.epoch_base + vm.program_clock()))
}

fn monotonic(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Float(vm.program_clock()))
}

fn time_ns(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Int(((vm.epoch_base + vm.program_clock()) * 1e9) as i64))
}

fn monotonic_ns(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Int((vm.program_clock() * 1e9) as i64))
}

fn sleep(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "sleep")?;
    let secs = as_f64(vm, &args[0])?;
    if secs < 0.0 {
        return vm.err("ValueError", "sleep length must be non-negative");
    }
    if vm.nested_depth > 0 {
        // Called from code the engine runs to completion (a key function, a class body...):
        // the loop is blocked just the same; the clock jumps.
        let until = vm.event_loop.now + secs;
        crate::event_loop::recorder::blocked(vm, until, &Rc::from("time.sleep"));
        vm.event_loop.now = until;
        crate::event_loop::recorder::unblocked(vm);
        return Ok(Value::None);
    }
    vm.control = Some(crate::vm::Control::Block {
        seconds: secs,
        reason: Rc::from(format!("time.sleep({})", awaitlab_syntax::literal::float_repr(secs).trim_end_matches(".0"))),
    });
    Ok(Value::None)
}

fn strftime(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let fmt = {
        let a_ = arg(vm, &args, 0, "strftime")?;
        as_str(vm, &a_)
    }?;
    let t = vm.epoch_base + vm.program_clock();
    Ok(Value::str(&crate::modules::time::format_time(&fmt, t)))
}

/// Makes the module (see `MODULES`).
pub(super) fn load(_vm: &mut Vm, _module: &Module) -> PyResult {
    Ok(new_module(
        "time",
        funcs(&[
            ("time", time),
            ("monotonic", monotonic),
            ("perf_counter", monotonic),
            ("process_time", monotonic),
            ("time_ns", time_ns),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter_ns", monotonic_ns),
            ("sleep", sleep),
            ("strftime", strftime),
        ]),
    )
    .0)
}

/// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
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

pub fn format_time(fmt: &str, t: f64) -> String {
    let secs = t.floor() as i64;
    let (y, mo, d) = civil_from_days(secs.div_euclid(86400));
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
