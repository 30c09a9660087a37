//! The network of a virtual-clock run: the practice API answers in program time, nothing else
//! is reachable. Also the conversions between a program's requests and the practice API's.

use awaitlab_trace::http::{HttpFailure, HttpRequest, HttpResponse, HttpResult};
use std::cell::RefCell;

/// A program's request, as the practice API's server takes it.
pub fn practice_request(request: &HttpRequest) -> awaitlab_practice_api::Request {
    awaitlab_practice_api::Request {
        method: request.method.clone(),
        path: request.url.clone(),
        headers: request.headers.clone(),
        body: request.body.clone(),
    }
}

/// The practice API's reply, as the program gets it (`url`: where it came from).
pub fn practice_response(reply: awaitlab_practice_api::Reply, url: String) -> HttpResponse {
    HttpResponse { status: reply.status, reason: reply.reason.into(), headers: reply.headers, body: reply.body, url }
}

/// The network of a virtual-clock run: the practice API answers in program time; nothing else
/// is reachable. Shared by the CLI's host and the page's instant mode.
pub struct VirtualNetwork {
    pub server: RefCell<awaitlab_practice_api::Server>,
    /// (delivery time, request id, result), in start order.
    pending: RefCell<Vec<(f64, u64, HttpResult)>>,
}

impl VirtualNetwork {
    pub fn new(settings: awaitlab_practice_api::Settings) -> Self {
        VirtualNetwork { server: RefCell::new(awaitlab_practice_api::Server::new(settings)), pending: RefCell::new(Vec::new()) }
    }

    pub fn start(&self, request: HttpRequest, now: f64) {
        let (at, result) = if awaitlab_trace::http::is_practice_api(&request.url) {
            let reply = self.server.borrow_mut().handle(&crate::run::network::practice_request(&request), now);
            (reply.respond_at, Ok(crate::run::network::practice_response(reply, request.url)))
        } else {
            let message = "no network on the virtual clock: only the practice API (/api/...) answers here; run in real time in the page to fetch other URLs";
            (now, Err(HttpFailure { message: message.into() }))
        };
        self.pending.borrow_mut().push((at, request.id, result));
    }

    /// When the next answer arrives.
    pub fn next_delivery(&self) -> Option<f64> {
        self.pending.borrow().iter().map(|p| p.0).reduce(f64::min)
    }

    /// Answers due at `now`, earliest first (ties in start order).
    pub fn take_due(&self, now: f64) -> Vec<(u64, HttpResult)> {
        let mut pending = self.pending.borrow_mut();
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut *pending).into_iter().partition(|p| p.0 <= now);
        *pending = later;
        let mut order: Vec<(f64, i64)> = due.iter().enumerate().map(|(i, p)| (p.0, i as i64)).collect();
        awaitlab_trace::timeline::sort_by_time(&mut order);
        let mut due: Vec<Option<_>> = due.into_iter().map(Some).collect();
        order.into_iter().filter_map(|(_, i)| due[i as usize].take()).map(|(_, id, r)| (id, r)).collect()
    }
}
