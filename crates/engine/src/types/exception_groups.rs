//! Exception groups as CPython 3.12 has them: `split`, `subgroup` and `derive`, and the two
//! steps of `except*` (CPython's `_PyEval_ExceptionGroupMatch` and `_PyExc_PrepReraiseStar`),
//! which the compiler's `CheckEgMatch` and `PrepReraiseStar` instructions call.

use crate::types::args::{Args, Kwargs};
use crate::types::exceptions::{exc_args, is_instance_of, with_data};
use crate::types::value::{ExceptionData, Obj, Value};
use crate::vm::{tuple_items, PyResult, Vm};

fn is_group(vm: &Vm, v: &Value) -> bool {
    is_instance_of(v, &vm.types.exc("BaseExceptionGroup"))
}

/// The group's sub-exceptions (its `exceptions` tuple).
fn members(v: &Value) -> Vec<Value> {
    exc_args(v).get(1).map(tuple_items).unwrap_or_default()
}

/// What split() and subgroup() test each exception with.
enum Condition {
    Types(Value),
    Predicate(Value),
    /// The leaves that are exactly these objects (except*'s projection of re-raised leaves).
    Leaves(Vec<Value>),
}

fn condition(vm: &mut Vm, v: Value) -> PyResult<Condition> {
    let is_exc_type = |vm: &Vm, t: &Value| matches!(t, Value::Obj(o) if matches!(&**o, Obj::Class(_)) && crate::types::class::is_subclass(o, &vm.types.exc("BaseException")));
    let all_types = match &v {
        Value::Obj(o) if matches!(&**o, Obj::Tuple(_)) => tuple_items(&v).iter().all(|t| is_exc_type(vm, t)),
        t => is_exc_type(vm, t),
    };
    let callable = match &v {
        Value::Obj(o) => match &**o {
            Obj::Function(_) | Obj::Builtin(_) | Obj::BoundMethod { .. } => true,
            Obj::Instance(_) => vm.lookup_method(&v, "__call__")?.is_some(),
            _ => false,
        },
        _ => false,
    };
    if all_types {
        Ok(Condition::Types(v))
    } else if callable {
        Ok(Condition::Predicate(v))
    } else {
        vm.type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)")
    }
}

fn matches(vm: &mut Vm, cond: &Condition, exc: &Value) -> PyResult<bool> {
    match cond {
        Condition::Types(t) => {
            let types = match t {
                Value::Obj(o) if matches!(&**o, Obj::Tuple(_)) => tuple_items(t),
                t => vec![t.clone()],
            };
            Ok(types.iter().any(|t| matches!(t, Value::Obj(c) if is_instance_of(exc, c))))
        }
        Condition::Predicate(f) => {
            let r = vm.call(f.clone(), vec![exc.clone()], vec![])?;
            vm.truthy(&r)
        }
        Condition::Leaves(leaves) => Ok(leaves.iter().any(|l| l.is(exc))),
    }
}

/// `eg.derive(excs)` with the group's traceback, cause, context and notes copied onto it.
fn subset(vm: &mut Vm, eg: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let derive = vm.get_attr(eg, "derive")?;
    let group = vm.call(derive, vec![Value::list(excs)], vec![])?;
    if !is_group(vm, &group) {
        return vm.type_error("derive must return an instance of BaseExceptionGroup");
    }
    let data = with_data(eg, |d| d.clone());
    if let Some(data) = data {
        with_data(&group, |g| {
            g.traceback = data.traceback;
            g.cause = data.cause;
            g.context = data.context;
            g.suppress_context = data.suppress_context;
        });
    }
    if let Some(notes) = crate::types::exceptions::notes(eg) {
        crate::types::exceptions::set_notes(&group, notes);
    }
    Ok(Some(group))
}

/// (match, rest) of `exc` under `cond`; `rest` is left out when `want_rest` is false.
fn split_recursive(vm: &mut Vm, exc: &Value, cond: &Condition, want_rest: bool) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(vm, cond, exc)? {
        return Ok((Some(exc.clone()), None));
    }
    if !is_group(vm, exc) {
        return Ok((None, want_rest.then(|| exc.clone())));
    }
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for e in members(exc) {
        let (m, r) = split_recursive(vm, &e, cond, want_rest)?;
        matched.extend(m);
        rest.extend(r);
    }
    let m = subset(vm, exc, matched)?;
    let r = if want_rest { subset(vm, exc, rest)? } else { None };
    Ok((m, r))
}

fn opt(v: Option<Value>) -> Value {
    v.unwrap_or(Value::None)
}

pub fn eg_split(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    crate::types::args::arity(vm, &args, 2, 2, "split")?;
    let cond = condition(vm, args[1].clone())?;
    let (m, r) = split_recursive(vm, &args[0], &cond, true)?;
    Ok(Value::tuple(vec![opt(m), opt(r)]))
}

pub fn eg_subgroup(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    crate::types::args::arity(vm, &args, 2, 2, "subgroup")?;
    let cond = condition(vm, args[1].clone())?;
    Ok(opt(split_recursive(vm, &args[0], &cond, false)?.0))
}

pub fn eg_derive(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    crate::types::args::arity(vm, &args, 2, 2, "derive")?;
    let message = exc_args(&args[0]).first().cloned().unwrap_or(Value::None);
    let base = Value::Obj(vm.types.exc("BaseExceptionGroup"));
    vm.call(base, vec![message, args[1].clone()], vec![])
}

/// `except* T`: (match, rest) of the exception being handled. A naked exception that matches is
/// wrapped in a group of its own; one that does not stays the rest as it is.
pub fn eg_match(vm: &mut Vm, exc: &Value, typ: &Value) -> PyResult<(Value, Value)> {
    let group_type = vm.types.exc("BaseExceptionGroup");
    let types = match typ {
        Value::Obj(o) if matches!(&**o, Obj::Tuple(_)) => tuple_items(typ),
        t => vec![t.clone()],
    };
    for t in &types {
        let ok = matches!(t, Value::Obj(o) if matches!(&**o, Obj::Class(_)) && crate::types::class::is_subclass(o, &vm.types.exc("BaseException")));
        if !ok {
            return vm.type_error("catching classes that do not inherit from BaseException is not allowed");
        }
        if matches!(t, Value::Obj(o) if crate::types::class::is_subclass(o, &group_type)) {
            return vm.type_error("catching ExceptionGroup with except* is not allowed. Use except instead.");
        }
    }
    if exc.is_none() {
        return Ok((Value::None, Value::None));
    }
    let cond = Condition::Types(typ.clone());
    if matches(vm, &cond, exc)? {
        if is_group(vm, exc) {
            return Ok((exc.clone(), Value::None));
        }
        let excs = Value::tuple(vec![exc.clone()]);
        let wrapped = vm.call(Value::Obj(group_type), vec![Value::str(""), excs], vec![])?;
        let traceback = with_data(exc, |d| d.traceback.clone()).unwrap_or_default();
        with_data(&wrapped, |w| w.traceback = traceback);
        return Ok((wrapped, Value::None));
    }
    if is_group(vm, exc) {
        let (m, r) = split_recursive(vm, exc, &cond, true)?;
        return Ok((opt(m), opt(r)));
    }
    Ok((Value::None, exc.clone()))
}

/// Was `e` re-raised from `orig` (a part of it split off, or itself), rather than raised anew?
fn same_metadata(vm: &Vm, e: &Value, orig: &Value) -> bool {
    let same = |a: &Option<Value>, b: &Option<Value>| match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.is(b),
        _ => false,
    };
    let _ = vm;
    let (Some(a), Some(b)) = (with_data(e, |d| d.clone()), with_data(orig, |d| d.clone())) else { return false };
    let tb = |d: &ExceptionData| d.traceback.iter().map(|t| (t.filename().clone(), t.line, t.col)).collect::<Vec<_>>();
    let notes_same = match (crate::types::exceptions::notes(e), crate::types::exceptions::notes(orig)) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(&y),
        _ => false,
    };
    tb(&a) == tb(&b) && same(&a.cause, &b.cause) && same(&a.context, &b.context) && notes_same
}

fn leaves(vm: &Vm, e: &Value, out: &mut Vec<Value>) {
    if is_group(vm, e) {
        for m in members(e) {
            leaves(vm, &m, out);
        }
    } else {
        out.push(e.clone());
    }
}

/// What leaves an `except*` statement: nothing (None), or one exception combining what the
/// handlers raised with what they re-raised or did not handle (CPython's PrepReraiseStar).
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Value> {
    let excs: Vec<Value> = excs.into_iter().filter(|e| !e.is_none()).collect();
    if excs.is_empty() {
        return Ok(Value::None);
    }
    if !is_group(vm, orig) {
        // A naked exception: only one clause could have run.
        return Ok(excs[0].clone());
    }
    let (mut raised, mut reraised) = (Vec::new(), Vec::new());
    for e in excs {
        if same_metadata(vm, &e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut leaf_list = Vec::new();
    for e in &reraised {
        leaves(vm, e, &mut leaf_list);
    }
    let reraised_group = if leaf_list.is_empty() { None } else { split_recursive(vm, orig, &Condition::Leaves(leaf_list), false)?.0 };
    if raised.is_empty() {
        return Ok(opt(reraised_group));
    }
    raised.extend(reraised_group);
    if raised.len() == 1 {
        return Ok(raised.pop().unwrap());
    }
    let base = Value::Obj(vm.types.exc("BaseExceptionGroup"));
    vm.call(base, vec![Value::str(""), Value::list(raised)], vec![])
}

pub fn register(vm: &mut Vm) {
    let group = vm.types.exc("BaseExceptionGroup");
    crate::types::class::set_method(&group, "split", eg_split);
    crate::types::class::set_method(&group, "subgroup", eg_subgroup);
    crate::types::class::set_method(&group, "derive", eg_derive);
}
