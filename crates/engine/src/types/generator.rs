//! Generator, coroutine and async generator methods: `send`, `throw`, `close`, `__next__`,
//! `__await__`, `__anext__`, `athrow`, `aclose`.

use crate::types::args::{arg, arity, Args, Kwargs};
use crate::types::class::{set_method, Types};
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

pub(crate) fn coroutine_await(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arg(vm, &args, 0, "__await__")
}

pub(crate) fn send(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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
            let c = vm.types.exc("StopIteration");
            Err(crate::types::exceptions::instantiate(&c, if ret.is_none() { vec![] } else { vec![ret] }))
        }
    }
}

pub(crate) fn throw(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    let exc = arg(vm, &args, 1, "throw")?;
    let exc = match &exc {
        Value::Obj(o) if matches!(&**o, Obj::Class(_)) => vm.call(exc.clone(), vec![], vec![])?,
        _ => exc,
    };
    match vm.resume_generator_sync(&g, Value::None, Some(exc))? {
        Ok(y) => Ok(y),
        Err(ret) => {
            let c = vm.types.exc("StopIteration");
            Err(crate::types::exceptions::instantiate(&c, if ret.is_none() { vec![] } else { vec![ret] }))
        }
    }
}

pub(crate) fn close(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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
            let c = vm.types.exc("GeneratorExit");
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

pub(crate) fn anext(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    Ok(Value::obj(Obj::Native(NativeObj::Anext(Value::Obj(g)))))
}

/// `agen.athrow(exc)`: awaiting it raises `exc` at the generator's `yield`, as `__anext__`
/// resumes it there; the await gives what the generator yields next.
pub(crate) fn athrow(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
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
pub(crate) fn aclose(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let g = this_gen(vm, &args)?;
    Ok(Value::obj(Obj::Native(NativeObj::Aclose(Value::Obj(g)))))
}

pub(crate) fn aiter(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let _ = vm;
    Ok(args[0].clone())
}

/// `generator.__next__`: as `next(gen)` (and, as before, `next(gen, default)` with an argument).
fn next(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 2, "next")?;
    vm.next_or_default(&args[0], args.get(1))
}

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    for class in [&types.generator, &types.coroutine] {
        set_method(class, "send", send);
        set_method(class, "throw", throw);
        set_method(class, "close", close);
    }
    set_method(&types.generator, "__next__", next);
    // CPython returns a wrapper iterating the coroutine; awaiting the coroutine itself is the same.
    set_method(&types.coroutine, "__await__", coroutine_await);
    set_method(&types.async_generator, "__anext__", anext);
    set_method(&types.async_generator, "__aiter__", aiter);
    set_method(&types.async_generator, "athrow", athrow);
    set_method(&types.async_generator, "aclose", aclose);
}
