//! HTTP for programs: the native calls under `aiohttp` and `requests` (`lib/aiohttp.py`,
//! `lib/requests.py`). `_start` queues a request and gives a future; `_blocking` does the same
//! and blocks the whole program until the answer, as `requests` does.

use crate::modules::{run_python, Module};
use crate::types::args::{arg, kwarg, Kwargs};
use crate::types::class::builtin;
use crate::types::value::{Namespace, Obj, Value};
use crate::vm::{PyResult, Vm};
use awaitlab_trace::http::{short_url, HttpRequest};
use std::rc::Rc;

fn text(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        _ => {
            let t = vm.type_name(v);
            vm.type_error(format!("{what} must be str, not {t}"))
        }
    }
}

fn headers_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<(String, String)>> {
    let mut out = vec![];
    for pair in crate::vm::tuple_items(v) {
        let kv = crate::vm::tuple_items(&pair);
        if kv.len() == 2 {
            let k = vm.str_of(&kv[0])?.to_string();
            let v = vm.str_of(&kv[1])?.to_string();
            out.push((k, v));
        }
    }
    Ok(out)
}

fn body_of(v: Option<Value>) -> Vec<u8> {
    match v {
        Some(Value::Str(s)) => s.as_bytes().to_vec(),
        Some(Value::Obj(o)) => match &*o {
            Obj::Bytes(b) => b.clone(),
            _ => vec![],
        },
        _ => vec![],
    }
}

/// The test server tutorials run on the learner's machine (the PyData notebook's
/// `API_URL = "http://0.0.0.0:8000"`, with `/videos?n=` and `/videos/{id}`): the practice API,
/// which has those routes, answers it, and the program is told so once.
const LOCAL_TEST_SERVERS: &[&str] = &["http://0.0.0.0:8000", "http://localhost:8000", "http://127.0.0.1:8000"];

fn practice_api_for_local_server(vm: &mut Vm, url: String) -> String {
    let Some(rest) = LOCAL_TEST_SERVERS.iter().find_map(|origin| url.strip_prefix(origin)) else { return url };
    if !(rest.is_empty() || rest.starts_with(['/', '?'])) {
        return url;
    }
    if !vm.http.local_server_noted {
        vm.http.local_server_noted = true;
        let origin = &url[..url.len() - rest.len()];
        vm.write(
            awaitlab_trace::Stream::Stderr,
            &format!("Awaitlab: {origin} is answered by the practice API (/api), which has the tutorial's routes\n"),
        );
    }
    format!("/api{rest}")
}

fn queue_request(vm: &mut Vm, args: &[Value], fname: &str) -> PyResult<(HttpRequest, Rc<Obj>)> {
    let method = arg(vm, args, 0, fname)?;
    let method = text(vm, &method, "method")?.to_ascii_uppercase();
    let url = arg(vm, args, 1, fname)?;
    let url = text(vm, &url, "url")?;
    let url = practice_api_for_local_server(vm, url);
    let headers = match args.get(2) {
        Some(h) => headers_of(vm, h)?,
        None => vec![],
    };
    let body = body_of(args.get(3).cloned());
    let fut = crate::event_loop::future::new_future(vm);
    let id = crate::event_loop::future::future_data(&fut).borrow().id;
    let label = format!("{method} {}", short_url(&url));
    crate::event_loop::future::future_data(&fut).borrow_mut().label = Some(Rc::from(label));
    let req = HttpRequest { id, method, url, headers, body };
    vm.http.pending.insert(id, fut.clone());
    vm.http.outbox.push(req.clone());
    vm.http.in_flight += 1;
    vm.http.max_in_flight = vm.http.max_in_flight.max(vm.http.in_flight);
    crate::event_loop::recorder::http_start(vm, &req);
    Ok((req, fut))
}

/// `_start(method, url, headers, body)` → a future resolved with the result tuple.
fn start_request(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let (_, fut) = queue_request(vm, &args, "_start")?;
    Ok(Value::Obj(fut))
}

/// `_blocking(method, url, headers, body, timeout=None)` → a future already resolved when the
/// program continues: the whole program (the loop's thread) waits for the answer.
fn blocking_request(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    if vm.nested_depth > 0 {
        return vm
            .err("RuntimeError", "Awaitlab cannot make a blocking request from here (inside a callback the engine runs to completion)");
    }
    let timeout = match kwarg(&kwargs, "timeout") {
        Some(Value::None) | None => None,
        Some(v) => Some(crate::types::args::as_f64(vm, &v)?),
    };
    let (req, fut) = queue_request(vm, &args, "_blocking")?;
    let reason = Rc::from(format!("requests.{}({})", req.method.to_ascii_lowercase(), short_url(&req.url)));
    vm.control = Some(crate::vm::Control::BlockHttp { id: req.id, timeout, reason });
    Ok(Value::Obj(fut))
}

/// Makes the module (see `MODULES`).
/// `aiohttp` and `requests` share the native part: both Python parts call `_start`/`_blocking`.
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    let name = module.name;
    let mut ns = Namespace::default();
    ns.insert(Rc::from("__name__"), Value::str(name));
    ns.insert(Rc::from("_start"), builtin("_start", start_request));
    ns.insert(Rc::from("_blocking"), builtin("_blocking", blocking_request));
    let dict = Rc::new(std::cell::RefCell::new(ns));
    let m = Value::obj(Obj::Module { name: Rc::from(name), dict: dict.clone() });
    vm.modules.insert(Rc::from(name), m.clone());
    if let Err(e) = run_python(vm, module, &dict) {
        vm.modules.remove(name);
        return Err(e);
    }
    Ok(m)
}
