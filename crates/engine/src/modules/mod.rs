//! The modules programs can import, behind one table, [`MODULES`]: each module's name, its
//! native part (a `load` function in this folder, one file per module) and its Python part (a
//! port in `lib/`). The table drives `import`, the "Awaitlab provides" hint of a failed import
//! and the teachers' guide's list of modules (`tests/guide.rs`).
//!
//! To add a module: write `lib/<name>.py` (with its header) and/or `<name>.rs` here, add a row
//! to `MODULES`, and a conformance program that imports it.
//!
//! Architecture Invariant: part of the library. It may use the core; the core never names it
//! (the VM imports through the hook `Vm::import_module`, which the run sets to [`import`]).

pub(crate) mod asyncio;
pub(crate) mod collections;
pub(crate) mod datetime;
pub(crate) mod heapq;
pub(crate) mod http;
pub(crate) mod json;
pub(crate) mod math;
pub(crate) mod random;
pub(crate) mod signal;
pub(crate) mod sys;
pub(crate) mod time;

use crate::types::class::builtin;
use crate::types::value::{Namespace, NativeFn, Obj, Value};
use crate::vm::source::exec_source;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// The text of a Python source of the engine's own, from `lib/`.
macro_rules! lib {
    ($file:literal) => {
        include_str!(concat!("../../lib/", $file))
    };
}

/// An importable module.
pub struct Module {
    pub name: &'static str,
    /// Makes the module: its native part, with its Python part run into the same namespace
    /// (each module decides when, and what a failure does).
    load: fn(&mut Vm, &Module) -> PyResult,
    /// The Python part, run in this order; empty for a module that is all native.
    pub python: &'static [&'static str],
}

/// Every module programs can import, in the order the hint and the guide list them.
pub static MODULES: &[Module] = &[
    Module { name: "asyncio", load: asyncio::load, python: &[lib!("asyncio.py")] },
    Module { name: "time", load: time::load, python: &[lib!("_pytime.py")] },
    Module { name: "random", load: random::load, python: &[lib!("random.py")] },
    Module { name: "json", load: json::load, python: &[] },
    Module { name: "math", load: math::load, python: &[] },
    Module { name: "sys", load: sys::load, python: &[] },
    Module { name: "signal", load: signal::load, python: &[] },
    Module { name: "collections", load: collections::load, python: &[lib!("collections.py")] },
    Module { name: "heapq", load: heapq::load, python: &[] },
    Module { name: "functools", load: python_only, python: &[lib!("functools.py")] },
    Module { name: "itertools", load: python_only, python: &[lib!("itertools.py")] },
    Module { name: "typing", load: python_only, python: &[lib!("typing.py")] },
    Module { name: "datetime", load: datetime::load, python: &[lib!("datetime.py")] },
    Module { name: "aiohttp", load: http::load, python: &[lib!("_http_common.py"), lib!("aiohttp.py")] },
    Module { name: "requests", load: http::load, python: &[lib!("_http_common.py"), lib!("requests.py")] },
    Module { name: "contextlib", load: python_only, python: &[lib!("contextlib.py")] },
    Module { name: "os", load: python_only, python: &[lib!("os.py")] },
    Module { name: "string", load: python_only, python: &[lib!("string.py")] },
    Module { name: "dataclasses", load: python_only, python: &[lib!("dataclasses.py")] },
    Module { name: "__future__", load: python_only, python: &[lib!("__future__.py")] },
    Module { name: "operator", load: python_only, python: &[lib!("operator.py")] },
];

/// Names under a module that programs import on their own.
enum Submodule {
    /// The module itself (`asyncio.tasks` is `asyncio`); not cached under this name.
    SameAs(&'static str),
    /// An attribute of the module (`os.path`).
    AttributeOf(&'static str, &'static str),
    /// A module of its own, made as the named one is (`collections.abc` is a fresh `typing`).
    MadeAs(&'static str),
}

static SUBMODULES: &[(&str, Submodule)] = &[
    ("os.path", Submodule::AttributeOf("os", "path")),
    ("requests.exceptions", Submodule::SameAs("requests")),
    ("aiohttp.client_exceptions", Submodule::SameAs("aiohttp")),
    ("asyncio.exceptions", Submodule::SameAs("asyncio")),
    ("asyncio.tasks", Submodule::SameAs("asyncio")),
    ("asyncio.locks", Submodule::SameAs("asyncio")),
    ("asyncio.queues", Submodule::SameAs("asyncio")),
    ("asyncio.events", Submodule::SameAs("asyncio")),
    ("collections.abc", Submodule::MadeAs("typing")),
];

fn find(name: &str) -> Option<&'static Module> {
    MODULES.iter().find(|m| m.name == name)
}

/// The names of the modules programs can import, in `MODULES` order.
pub fn supported_modules() -> impl Iterator<Item = &'static str> {
    MODULES.iter().map(|m| m.name)
}

/// A module object named `name` with `items` in its namespace, and that namespace.
fn new_module(name: &str, items: Vec<(&str, Value)>) -> (Value, Rc<RefCell<Namespace>>) {
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

/// Runs a module's Python part into `ns`, file by file, as `<name>` (the frames tracebacks hide).
fn run_python(vm: &mut Vm, module: &Module, ns: &Rc<RefCell<Namespace>>) -> PyResult<()> {
    let filename = format!("<{}>", module.name);
    for source in module.python {
        exec_source(vm, source, &filename, ns.clone())?;
    }
    Ok(())
}

/// The loader of a module that is all Python.
fn python_only(vm: &mut Vm, module: &Module) -> PyResult {
    let (m, ns) = new_module(module.name, vec![]);
    run_python(vm, module, &ns)?;
    Ok(m)
}

/// `import name`, as the VM's import hook (`Vm::import`) calls it: the module if this run
/// imported it already, else made from its row of `MODULES`.
pub fn import(vm: &mut Vm, name: &str) -> PyResult {
    if let Some(m) = vm.modules.get(name) {
        return Ok(m.clone());
    }
    let m = match (find(name), SUBMODULES.iter().find(|(n, _)| *n == name)) {
        (Some(module), _) => (module.load)(vm, module)?,
        (None, Some((_, Submodule::SameAs(of)))) => return vm.import(of),
        (None, Some((_, Submodule::AttributeOf(of, attr)))) => {
            let module = vm.import(of)?;
            return vm.get_attr(&module, attr);
        }
        (None, Some((_, Submodule::MadeAs(of)))) => {
            let module = find(of).expect("submodules are made as modules of the table");
            (module.load)(vm, module)?
        }
        (None, None) => {
            let top = name.split('.').next().unwrap_or(name);
            let hint = if find(top).is_some() {
                String::new()
            } else {
                format!(" (Awaitlab provides: {})", supported_modules().collect::<Vec<_>>().join(", "))
            };
            let c = vm.types.exc("ModuleNotFoundError");
            return Err(vm.new_exception(&c, Some(format!("No module named '{name}'{hint}"))));
        }
    };
    vm.modules.insert(Rc::from(name), m.clone());
    Ok(m)
}

#[cfg(test)]
mod tests {
    /// Every file in lib/ is some module's Python part: none is left behind by the table.
    #[test]
    fn every_lib_file_belongs_to_a_module() {
        let sources: Vec<&str> = super::MODULES.iter().flat_map(|m| m.python.iter().copied()).collect();
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/lib")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "py") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(sources.contains(&text.as_str()), "{} is in no row of MODULES", path.display());
            }
        }
    }
}
