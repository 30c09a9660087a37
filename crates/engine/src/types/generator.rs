//! Generator, coroutine and async generator methods: `send`, `throw`, `close`, `__next__`,
//! `__await__`, `__anext__`, `athrow`, `aclose`.

use crate::types::class::{set_method, Types};
use crate::types::args::{arg, arity, Args, Kwargs};
use crate::types::native::NativeObj;
use crate::types::value::{GenKind, GenState, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

fn this_gen(vm: &mut Vm, args: &Args) -> PyResult<Rc<Obj>> {
    match args.first() {
        Some(Value::Obj(o)) if matches!(&**o, Obj::Gen(_)) => Ok(o.clone()),
        _ => vm.type_error("descriptor requires a generator"),
    }
}

pub(crate) fn coro_await(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arg(vm, &args, 0, "__await__")
}

pub(crate) fn g_send(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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
            Err(crate::types::exceptions::instantiate(&c, if ret.is_none() { vec![] } else { vec![ret] }))
        }
    }
}

pub(crate) fn g_throw(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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
            Err(crate::types::exceptions::instantiate(&c, if ret.is_none() { vec![] } else { vec![ret] }))
        }
    }
}

pub(crate) fn g_close(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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
            let exc = crate::types::exceptions::instantiate(&c, vec![]);
            match vm.resume_generator_sync(&g, Value::None, Some(exc)) {
                Ok(Ok(_)) => vm.err("RuntimeError", "generator ignored GeneratorExit"),
                Ok(Err(_)) => Ok(Value::None),
                Err(e) if crate::types::exceptions::is_instance_of(&e, &c) => Ok(Value::None),
                Err(e) => Err(e),
            }
        }
        _ => Ok(Value::None),
    }
}

pub(crate) fn ag_anext(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    Ok(Value::obj(Obj::Native(NativeObj::Anext(Value::Obj(g)))))
}

/// `agen.athrow(exc)`: awaiting it raises `exc` at the generator's `yield`, as `__anext__`
/// resumes it there; the await gives what the generator yields next.
pub(crate) fn ag_athrow(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    let exc = arg(vm, &args, 1, "athrow")?;
    let exc = match &exc {
        Value::Obj(o) if matches!(&**o, Obj::Class(_)) => vm.call(exc.clone(), vec![], vec![])?,
        _ => exc,
    };
    if !crate::types::exceptions::is_exception(&exc) {
        let t = vm.type_name(&exc);
        return vm.type_error(format!("exceptions must be classes or instances deriving from BaseException, not {t}"));
    }
    Ok(Value::obj(Obj::Native(NativeObj::Athrow(Value::Obj(g), exc))))
}

/// `agen.aclose()`: awaiting it throws GeneratorExit in, so its `finally` blocks run.
pub(crate) fn ag_aclose(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    Ok(Value::obj(Obj::Native(NativeObj::Aclose(Value::Obj(g)))))
}

pub(crate) fn ag_aiter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let _ = vm;
    Ok(args[0].clone())
}

/// `generator.__next__`: as `next(gen)` (and, as before, `next(gen, default)` with an argument).
fn b_next_method(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "next")?;
    vm.next_or_default(&args[0], args.get(1))
}

/// Puts the methods into their classes.
pub(crate) fn register(t: &Types) {
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
}
