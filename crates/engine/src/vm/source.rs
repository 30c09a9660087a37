//! The engine's own Python (the `lib/` ports, small helpers): compiled once per thread, then
//! run into a namespace like a module body.

use crate::types::value::Namespace;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// Compiled Python sources of the engine's own modules: compiled once per thread, not per run.
    static COMPILED: RefCell<std::collections::HashMap<Rc<str>, Rc<crate::types::code::Code>>> = RefCell::new(Default::default());
}

/// Runs one of the engine's own Python sources as a module body with `ns` as its globals.
pub(crate) fn exec_source(vm: &mut Vm, src: &str, filename: &str, ns: Rc<RefCell<Namespace>>) -> PyResult<()> {
    let cached = COMPILED.with(|c| c.borrow().get(src).cloned());
    let code = match cached {
        Some(code) => code,
        None => {
            let compiled = awaitlab_syntax::parse_module(src).and_then(|parsed| awaitlab_compile::compile_module(&parsed, filename));
            let code = match compiled {
                Ok(c) => crate::types::code::link(c.code),
                Err(e) => return vm.err("SyntaxError", format!("{} ({filename}, line {})", e.message, e.line)),
            };
            COMPILED.with(|c| c.borrow_mut().insert(Rc::from(src), code.clone()));
            code
        }
    };
    let frame = vm.module_frame(code, ns);
    vm.run_nested(crate::vm::Thread { frames: vec![frame], pending_throw: None })?;
    Ok(())
}
