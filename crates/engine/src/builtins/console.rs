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
    for (k, v) in &kwargs {
        match &**k {
            "sep" if !v.is_none() => sep = as_str(vm, v)?,
            "end" if !v.is_none() => end = as_str(vm, v)?,
            "file" => {
                if let Value::Obj(o) = v {
                    if let Obj::Module { name, .. } = &**o {
                        if &**name == "sys.stderr" {
                            stream = awaitlab_trace::Stream::Stderr;
                        }
                    }
                }
            }
            "flush" | "sep" | "end" => {}
            other => return vm.type_error(format!("'{other}' is an invalid keyword argument for print()")),
        }
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

pub(crate) fn input(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    vm.err("EOFError", "EOF when reading a line (input() has no keyboard in Awaitlab)")
}

pub(crate) fn open(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    vm.err("NotImplementedError", "open() is not available in Awaitlab: programs run without a file system")
}

pub(crate) fn exit(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let c = vm.types.exc("SystemExit");
    Err(crate::types::exceptions::instantiate(&c, args))
}
