//! HTTP for programs. The engine only queues requests and waits: the host performs them (the
//! browser's `fetch()`, or the practice API on the virtual clock) and hands results back
//! through [`crate::machine::Machine::complete_http`]. The `aiohttp` and `requests` modules are
//! Python preludes over two native calls: `_start` (a future for aiohttp) and `_blocking`
//! (blocks the whole program, like requests does).

use crate::builtins::{arg, kwarg, Kwargs};
use crate::value::*;
use crate::vm::{PyResult, Vm};
use awaitlab_trace::http::{short_url, HttpFailure, HttpRequest, HttpResponse, HttpResult};
use std::rc::Rc;

/// The engine's side of requests in flight.
#[derive(Default)]
pub struct HttpState {
    /// Requests the host has not picked up yet.
    pub outbox: Vec<HttpRequest>,
    /// Requests in flight: id → the future their result goes to.
    pub pending: std::collections::HashMap<u64, Rc<Obj>>,
    /// Requests now in flight, and the most at once (the trace's and tests' concurrency figure).
    pub in_flight: usize,
    pub max_in_flight: usize,
}

/// A program's request, as the practice API's server takes it.
pub fn practice_request(request: &HttpRequest) -> crate::practice_api::Request {
    crate::practice_api::Request { method: request.method.clone(), path: request.url.clone(), headers: request.headers.clone(), body: request.body.clone() }
}

/// The practice API's reply, as the program gets it (`url`: where it came from).
pub fn practice_response(reply: crate::practice_api::Reply, url: String) -> HttpResponse {
    HttpResponse { status: reply.status, reason: reply.reason.into(), headers: reply.headers, body: reply.body, url }
}

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
            let k = vm.to_str(&kv[0])?.to_string();
            let v = vm.to_str(&kv[1])?.to_string();
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

fn queue_request(vm: &mut Vm, args: &[Value], fname: &str) -> PyResult<(HttpRequest, Rc<Obj>)> {
    let method = arg(vm, args, 0, fname)?;
    let method = text(vm, &method, "method")?.to_ascii_uppercase();
    let url = arg(vm, args, 1, fname)?;
    let url = text(vm, &url, "url")?;
    let headers = match args.get(2) {
        Some(h) => headers_of(vm, h)?,
        None => vec![],
    };
    let body = body_of(args.get(3).cloned());
    let fut = crate::asyncio::new_future(vm);
    let id = crate::asyncio::fut_data(&fut).borrow().id;
    let label = format!("{method} {}", short_url(&url));
    crate::asyncio::fut_data(&fut).borrow_mut().label = Some(Rc::from(label));
    let req = HttpRequest { id, method, url, headers, body };
    vm.http.pending.insert(id, fut.clone());
    vm.http.outbox.push(req.clone());
    vm.http.in_flight += 1;
    vm.http.max_in_flight = vm.http.max_in_flight.max(vm.http.in_flight);
    crate::recorder::http_start(vm, &req);
    Ok((req, fut))
}

/// `_start(method, url, headers, body)` → a future resolved with the result tuple.
fn n_start(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let (_, fut) = queue_request(vm, &args, "_start")?;
    Ok(Value::Obj(fut))
}

/// `_blocking(method, url, headers, body, timeout=None)` → a future already resolved when the
/// program continues: the whole program (the loop's thread) waits for the answer.
fn n_blocking(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    if vm.nested_depth > 0 {
        return vm.err("RuntimeError", "Awaitlab cannot make a blocking request from here (inside a callback the engine runs to completion)");
    }
    let timeout = match kwarg(&kwargs, "timeout") {
        Some(Value::None) | None => None,
        Some(v) => Some(crate::builtins::as_f64(vm, &v)?),
    };
    let (req, fut) = queue_request(vm, &args, "_blocking")?;
    let reason = Rc::from(format!("requests.{}({})", req.method.to_ascii_lowercase(), short_url(&req.url)));
    vm.control = Some(crate::vm::Control::BlockHttp { id: req.id, timeout, reason });
    Ok(Value::Obj(fut))
}

/// The value a program sees for a result: `(status, reason, headers, body, url)`, or the
/// failure's message as a str.
pub fn result_value(r: &HttpResult) -> Value {
    match r {
        Ok(resp) => Value::tuple(vec![
            Value::Int(resp.status as i64),
            Value::str(&resp.reason),
            Value::list(resp.headers.iter().map(|(k, v)| Value::tuple(vec![Value::str(k), Value::str(v)])).collect()),
            Value::obj(Obj::Bytes(resp.body.clone())),
            Value::str(&resp.url),
        ]),
        Err(f) => Value::str(&f.message),
    }
}

/// What a request that ran out of time reports (requests' own wording).
pub const TIMED_OUT: &str = "Read timed out";

/// Ends a request still in flight with a failure (its timeout, or Stop); a later answer from
/// the host is then dropped.
pub fn give_up(vm: &mut Vm, id: u64, message: &str) {
    if vm.http.pending.contains_key(&id) {
        deliver(vm, id, &Err(HttpFailure { message: message.into() }));
    }
}

/// Delivers a host's result to the program. Returns false for an unknown id.
pub fn deliver(vm: &mut Vm, id: u64, result: &HttpResult) -> bool {
    let Some(fut) = vm.http.pending.remove(&id) else { return false };
    vm.http.in_flight = vm.http.in_flight.saturating_sub(1);
    crate::recorder::http_end(vm, id, result);
    let pending = crate::asyncio::fut_data(&fut).borrow().state == crate::native::FutState::Pending;
    if pending {
        let v = result_value(result);
        let _ = crate::asyncio::set_result(vm, &fut, v);
    }
    true
}

pub fn module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let mut ns = Namespace::default();
    ns.insert(Rc::from("__name__"), Value::str(name));
    ns.insert(Rc::from("_start"), crate::builtins::builtin("_start", n_start));
    ns.insert(Rc::from("_blocking"), crate::builtins::builtin("_blocking", n_blocking));
    let dict = Rc::new(std::cell::RefCell::new(ns));
    let m = Value::obj(Obj::Module { name: Rc::from(name), dict: dict.clone() });
    vm.modules.insert(Rc::from(name), m.clone());
    let (src, filename) = match name {
        "aiohttp" => (include_str!("aiohttp_prelude.py"), "<aiohttp>"),
        _ => (include_str!("requests_prelude.py"), "<requests>"),
    };
    let loaded = crate::modules::exec_source(vm, include_str!("http_common_prelude.py"), filename, dict.clone())
        .and_then(|_| crate::modules::exec_source(vm, src, filename, dict));
    if let Err(e) = loaded {
        vm.modules.remove(name);
        return Err(e);
    }
    Ok(m)
}
