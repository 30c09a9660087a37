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
pub(crate) mod contextvars;
pub(crate) mod datetime;
pub(crate) mod hashlib;
pub(crate) mod heapq;
pub(crate) mod http;
mod imports;
pub(crate) mod json;
pub(crate) mod math;
pub(crate) mod random;
pub(crate) mod signal;
pub(crate) mod sre;
pub(crate) mod sys;
pub(crate) mod thread;
pub(crate) mod time;
pub(crate) mod traceback;
pub(crate) mod weakref;

use crate::types::class::builtin;
use crate::types::value::{Namespace, NativeFn, Obj, Value};
use crate::vm::library::{all_files, imports_of, Library, Text};
use crate::vm::source::exec_source;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// An importable module with a native part.
pub struct Module {
    pub name: &'static str,
    /// Makes the module: its native part, with its Python part run into the same namespace
    /// (each module decides when, and what a failure does).
    load: fn(&mut Vm, &Module) -> PyResult,
    /// The Python part: files of `lib/` (names without `.py`), run in this order.
    pub python: &'static [&'static str],
}

/// The modules with a native part, in the order the hint and the guide list them. Every other
/// file of `lib/` is a module of its own name, all Python (`lib/textwrap.py` is `textwrap`).
pub static MODULES: &[Module] = &[
    Module { name: "asyncio", load: asyncio::load, python: &["asyncio"] },
    Module { name: "time", load: time::load, python: &["_pytime"] },
    Module { name: "random", load: random::load, python: &["random"] },
    Module { name: "json", load: json::load, python: &[] },
    Module { name: "math", load: math::load, python: &[] },
    Module { name: "sys", load: sys::load, python: &[] },
    Module { name: "signal", load: signal::load, python: &[] },
    Module { name: "collections", load: collections::load, python: &["collections"] },
    Module { name: "contextvars", load: contextvars::load, python: &["contextvars"] },
    Module { name: "heapq", load: heapq::load, python: &[] },
    Module { name: "datetime", load: datetime::load, python: &["datetime"] },
    Module { name: "aiohttp", load: http::load, python: &["_http_common", "aiohttp"] },
    Module { name: "requests", load: http::load, python: &["_http_common", "requests"] },
    Module { name: "_sre", load: sre::load, python: &["_sre"] },
    Module { name: "_hashlib", load: hashlib::load, python: &[] },
    Module { name: "_traceback", load: traceback::load, python: &[] },
    Module { name: "_thread", load: thread::load, python: &["_thread"] },
    Module { name: "_weakref", load: weakref::load, python: &["_weakref"] },
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
    ("re._parser", Submodule::AttributeOf("re", "_parser")),
    ("re._compiler", Submodule::AttributeOf("re", "_compiler")),
    ("re._constants", Submodule::AttributeOf("re", "_constants")),
];

/// How `name` is made: its row of `MODULES`, or a file of `lib/` of that name that is no
/// native module's Python part.
enum Found {
    Native(&'static Module),
    PythonFile(&'static str),
}

fn find(name: &str) -> Option<Found> {
    if let Some(module) = MODULES.iter().find(|m| m.name == name) {
        return Some(Found::Native(module));
    }
    python_only_files().find(|f| *f == name).map(Found::PythonFile)
}

/// The files of `lib/` that are modules of their own.
fn python_only_files() -> impl Iterator<Item = &'static str> {
    all_files().iter().copied().filter(|f| !MODULES.iter().any(|m| m.python.contains(f)))
}

/// The names of the modules programs can import: `MODULES`' order, then the Python-only ones
/// (helpers whose name starts with one underscore are left out).
pub fn supported_modules() -> impl Iterator<Item = &'static str> {
    let public = |f: &&str| !f.starts_with('_') || f.starts_with("__");
    MODULES.iter().map(|m| m.name).filter(public).chain(python_only_files().filter(public))
}

/// The `lib/` files that importing `name` runs, and (through their text) what they import.
fn files_of(name: &str) -> Vec<&'static str> {
    match find(name) {
        Some(Found::Native(module)) => module.python.to_vec(),
        Some(Found::PythonFile(file)) => vec![file],
        None => match SUBMODULES.iter().find(|(n, _)| *n == name) {
            Some((_, Submodule::SameAs(of) | Submodule::AttributeOf(of, _) | Submodule::MadeAs(of))) => files_of(of),
            None => vec![],
        },
    }
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
    for file in module.python {
        let text = library_source(vm, module.name, file)?;
        exec_source(vm, &text, &filename, ns.clone())?;
    }
    Ok(())
}

/// The text of `lib/<file>.py`, or the ModuleNotFoundError of a file the host did not fetch.
fn library_source(vm: &mut Vm, module: &str, file: &str) -> PyResult<Text> {
    match vm.library.get_or_load(file) {
        Some(text) => Ok(text),
        None => {
            let c = vm.types.exc("ModuleNotFoundError");
            let why = format!("No module named '{module}' (its source, lib/{file}.py, could not be loaded: is the page offline?)");
            Err(vm.new_exception(&c, Some(why)))
        }
    }
}

/// The loader of a module that is all Python: the file of its name.
fn python_only(vm: &mut Vm, name: &str, file: &str) -> PyResult {
    let (m, ns) = new_module(name, vec![]);
    let text = library_source(vm, name, file)?;
    exec_source(vm, &text, &format!("<{name}>"), ns)?;
    Ok(m)
}

/// Makes `name` as `found` says.
fn make(vm: &mut Vm, name: &str, found: Found) -> PyResult {
    match found {
        Found::Native(module) => (module.load)(vm, module),
        Found::PythonFile(file) => python_only(vm, name, file),
    }
}

/// `import name`, as the VM's import hook (`Vm::import`) calls it: the module if this run
/// imported it already, else made from its row of `MODULES`.
pub fn import(vm: &mut Vm, name: &str) -> PyResult {
    if let Some(m) = vm.modules.get(name) {
        return Ok(m.clone());
    }
    let m = match (find(name), SUBMODULES.iter().find(|(n, _)| *n == name)) {
        (Some(found), _) => make(vm, name, found)?,
        (None, Some((_, Submodule::SameAs(of)))) => return vm.import(of),
        (None, Some((_, Submodule::AttributeOf(of, attr)))) => {
            let module = vm.import(of)?;
            return vm.get_attr(&module, attr);
        }
        (None, Some((_, Submodule::MadeAs(of)))) => {
            let found = find(of).expect("submodules are made as modules of the table");
            make(vm, of, found)?
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
    if name == "warnings" {
        // The engine's own warnings go through the program's module from now on.
        crate::report::warnings::set_python_warnings(true);
    }
    // A module of a package (`concurrent.futures`) is an attribute of the package, as CPython's
    // import system makes it.
    if let Some((parent, child)) = name.rsplit_once('.') {
        if let Value::Obj(p) = vm.import(parent)? {
            if let Obj::Module { dict, .. } = &*p {
                dict.borrow_mut().insert(Rc::from(child), m.clone());
            }
        }
    }
    Ok(m)
}

/// The `lib/` files a program may import that `library` (with what this build embeds) lacks:
/// what a host fetches before the run. Found from the `import` statements of the program and,
/// transitively, of the files it has; a host calls again once it has fetched these.
pub fn library_files_missing(program: &str, library: &Library) -> Vec<String> {
    let mut have = Library::embedded();
    have.extend(library);
    // asyncio always: the engine itself imports it (a coroutine never awaited is reported
    // through it, imported or not).
    files_missing(&format!("import asyncio\n{program}"), &have)
}

fn files_missing(program: &str, have: &Library) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut missing = vec![];
    // What a library file imports comes from the table build.rs made, so the files a missing
    // file needs are found without its text: a host fetches them all in one round, not one
    // level of imports at a time. Only what a file imports on import: an import in one of its
    // functions is loaded when it runs (asyncio.py's lazy ones would add re, logging and
    // traceback, ~150 KB gzipped, to every first visit). The program's own imports, wherever
    // they are, are fetched before it runs.
    let mut pending: Vec<Vec<String>> = vec![imports::imported_modules(program)];
    while let Some(names) = pending.pop() {
        for name in names {
            // `import a.b.c` imports a, a.b and a.b.c.
            let parts: Vec<&str> = name.split('.').collect();
            for end in 1..=parts.len() {
                for file in files_of(&parts[..end].join(".")) {
                    if !seen.insert(file) {
                        continue;
                    }
                    let text = have.get(file);
                    if text.is_none() {
                        missing.push(file.to_string());
                    }
                    match (imports_of(file), text) {
                        (Some(imports), _) => pending.push(imports.iter().map(|s| s.to_string()).collect()),
                        (None, Some(text)) => pending.push(imports::imported_modules_on_import(&text)),
                        (None, None) => {}
                    }
                }
            }
        }
    }
    missing.sort();
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every native module's Python part is a file of lib/.
    #[test]
    fn every_python_part_is_a_file_of_lib() {
        for module in MODULES {
            for file in module.python {
                assert!(all_files().contains(file), "{}: lib/{file}.py does not exist", module.name);
            }
        }
    }

    #[test]
    fn a_host_is_told_the_files_an_import_needs_transitively() {
        let program = "import aiohttp\n\ndef f():\n    from os import path\n    s = 'import re'\n";
        // aiohttp is two files; os a file of its own. What they import comes with them
        // (aiohttp.py imports collections, os.py random), though the host has none of their
        // texts yet: one round of fetching.
        let wanted = files_missing(program, &Library::default());
        for file in ["_http_common", "aiohttp", "os", "collections", "random"] {
            assert!(wanted.iter().any(|w| w == file), "{file} is not in {wanted:?}");
        }
        assert!(files_missing("s = 'import statistics'\n", &Library::default()).is_empty(), "a string is not an import");
        // With all of them, nothing is missing.
        let mut have = Library::default();
        for file in &wanted {
            have.insert(file, &std::fs::read_to_string(format!("{}/lib/{file}.py", env!("CARGO_MANIFEST_DIR"))).unwrap());
        }
        assert!(files_missing(program, &have).is_empty());
        // Unknown modules need nothing (their import fails as CPython's does).
        assert!(files_missing("import numpy\n", &have).is_empty());
    }

    /// Before a run, a host fetches what asyncio imports on import, not what its functions
    /// import when they run (`run_in_executor`'s concurrent.futures would bring logging, re,
    /// threading and traceback to every first visit).
    #[test]
    fn the_lazy_imports_of_asyncio_wait_until_they_run() {
        let wanted = files_missing("import asyncio\n", &Library::default());
        assert!(wanted.iter().any(|w| w == "asyncio"), "{wanted:?}");
        for lazy in ["re", "logging", "traceback", "threading"] {
            assert!(!wanted.iter().any(|w| w == lazy), "{lazy} is in {wanted:?}");
        }
        let wanted = files_missing("import re\n", &Library::default());
        assert!(wanted.iter().any(|w| w == "re") && wanted.iter().any(|w| w == "_re_parser"), "{wanted:?}");
    }

    /// build.rs's table of what each lib/ file imports holds what the engine's own reading of
    /// the file finds today (a stale table would leave a file missing when imported).
    #[test]
    fn the_import_table_holds_every_import_of_each_file() {
        for file in all_files() {
            let text = std::fs::read_to_string(format!("{}/lib/{file}.py", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let table = imports_of(file).expect("every lib/ file is in the table");
            for name in imports::imported_modules_on_import(&text) {
                assert!(table.contains(&name.as_str()), "lib/{file}.py imports {name}, which build.rs's table lacks");
            }
        }
    }
}
