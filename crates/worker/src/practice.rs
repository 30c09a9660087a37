//! The practice API's server on a browser event loop: the engine-free logic
//! (`awaitlab-practice-api`) in real time, answering each request when its reply is due. The
//! page keeps one (the service worker relays to it); tests run one beside the engine.

use crate::host::{performance_now, PracticeApi};
use awaitlab_engine::practice_api::{Reply, Request, Server, Settings, Stats};
use awaitlab_engine::trace::http::{HttpRequest, HttpResult};
use awaitlab_engine::{practice_request, practice_response};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &js_sys::Function, ms: i32) -> JsValue;
}

async fn sleep_ms(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, ms.ceil() as i32);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

pub struct TimedServer {
    server: RefCell<Server>,
    /// Real time runs faster or slower than the wall clock (the page's speed factor).
    speed: Cell<f64>,
}

impl Default for TimedServer {
    fn default() -> Self {
        TimedServer { server: RefCell::new(Server::new(Settings::default())), speed: Cell::new(1.0) }
    }
}

impl TimedServer {
    /// A fresh server with these settings (each run starts with an empty line and zero stats).
    pub fn configure(&self, settings: Settings, speed: f64) {
        self.server.borrow_mut().configure(settings);
        self.speed.set(speed.clamp(0.05, 20.0));
    }

    pub fn settings(&self) -> Settings {
        self.server.borrow().settings().clone()
    }

    pub fn stats(&self) -> Stats {
        self.server.borrow().stats().clone()
    }

    fn server_now(&self) -> f64 {
        performance_now() / 1000.0 * self.speed.get()
    }

    /// Answers a request, resolving when the reply is due (latency, line, rate limit applied).
    pub async fn answer(&self, request: &Request) -> Reply {
        let now = self.server_now();
        let reply = self.server.borrow_mut().handle(request, now);
        let wait_ms = ((reply.respond_at - now) / self.speed.get() * 1000.0).max(0.0);
        if wait_ms > 0.0 {
            // Never early: the server counts a request as in flight until its reply time.
            sleep_ms(wait_ms + 1.0).await;
        }
        reply
    }
}

/// A program's practice-API request answered by this server (no HTTP: tests, pages without a
/// service worker).
pub async fn answer_program(server: &TimedServer, request: &HttpRequest) -> HttpResult {
    let reply = server.answer(&practice_request(request)).await;
    Ok(practice_response(reply, request.url.clone()))
}

impl PracticeApi for Rc<TimedServer> {
    fn perform(&self, request: HttpRequest) -> Pin<Box<dyn Future<Output = HttpResult>>> {
        let server = self.clone();
        Box::pin(async move { answer_program(&server, &request).await })
    }
}
