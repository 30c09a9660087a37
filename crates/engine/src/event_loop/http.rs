//! Requests in flight: the engine only queues them; the host performs them and hands results
//! back, which complete the waiting futures.

use crate::types::value::{Obj, Value};
use crate::vm::Vm;
use awaitlab_trace::http::{HttpFailure, HttpRequest, HttpResult};
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
    /// The note on the tutorials' local test server was written.
    pub local_server_noted: bool,
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
    crate::event_loop::recorder::http_end(vm, id, result);
    let pending = crate::event_loop::future::future_data(&fut).borrow().state == crate::types::native::FutureState::Pending;
    if pending {
        let v = result_value(result);
        let _ = crate::event_loop::future::set_result(vm, &fut, v);
    }
    true
}
