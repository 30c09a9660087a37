//! `print`, `input`, `open`, `exit`: the builtins that meet the outside world (which, in the
//! page, is only the output).

use crate::types::args::{as_str, Args, Kwargs};
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub(crate) fn print(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    let mut sep: Rc<str> = Rc::from(" ");
    let mut end: Rc<str> = Rc::from("\n");
    let mut stream = awaitlab_trace::Stream::Stdout;
    // Another object than sys.stdout or sys.stderr: its write() is given each piece, as
    // CPython's print does (a StringIO-like buffer, logging's, a program's own writer).
    let mut writer = None;
    for (k, v) in &kwargs {
        match &**k {
            "sep" if !v.is_none() => sep = as_str(vm, v)?,
            "end" if !v.is_none() => end = as_str(vm, v)?,
            "file" => match v {
                Value::None => {}
                Value::Obj(o) if matches!(&**o, Obj::Module { name, .. } if &**name == "sys.stderr") => {
                    stream = awaitlab_trace::Stream::Stderr;
                }
                Value::Obj(o) if matches!(&**o, Obj::Module { name, .. } if &**name == "sys.stdout") => {}
                other => writer = Some(vm.get_attr(other, "write")?),
            },
            "flush" | "sep" | "end" => {}
            other => return vm.type_error(format!("'{other}' is an invalid keyword argument for print()")),
        }
    }
    if let Some(write) = writer {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                vm.call(write.clone(), vec![Value::Str(sep.clone())], vec![])?;
            }
            let text = vm.str_of(a)?;
            vm.call(write.clone(), vec![Value::Str(text)], vec![])?;
        }
        vm.call(write, vec![Value::Str(end)], vec![])?;
        return Ok(Value::None);
    }
    let mut text = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&vm.str_of(a)?);
    }
    text.push_str(&end);
    vm.write(stream, &text);
    Ok(Value::None)
}

/// `input(prompt)`: the prompt is written, then the whole program (the loop's thread, as in
/// CPython) waits until the host gives a line (`Machine::provide_input`), which replaces the
/// None this call leaves on the stack.
pub(crate) fn input(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    if args.len() > 1 {
        return vm.type_error(format!("input expected at most 1 argument, got {}", args.len()));
    }
    if vm.nested_depth > 0 {
        return vm.err("RuntimeError", "Awaitlab cannot wait for input here (inside a callback the engine runs to completion)");
    }
    let prompt = match args.first() {
        Some(p) => vm.str_of(p)?,
        None => Rc::from(""),
    };
    vm.write(awaitlab_trace::Stream::Stdout, &prompt);
    vm.control = Some(crate::vm::Control::Input { prompt });
    Ok(Value::None)
}

pub(crate) fn open(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    vm.err("NotImplementedError", "open() is not available in Awaitlab: programs run without a file system")
}

pub(crate) fn exit(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let c = vm.types.exc("SystemExit");
    Err(crate::types::exceptions::instantiate(&c, args))
}
