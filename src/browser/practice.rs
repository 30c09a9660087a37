//! The practice API in the page: one server (the engine-free `awaitlab-practice-api` logic)
//! answers requests relayed by the service worker (`sw.js`), or, where service workers are
//! unavailable (private windows, `file://`), requests the program makes directly.

use awaitlab_engine::practice_api::{Reply, Request, Settings};
use awaitlab_worker::practice::TimedServer;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How requests to `/api/` reach the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relay {
    /// Not known yet (the service worker is still starting).
    Starting,
    /// Real `fetch()` calls, relayed by the service worker: visible in the network panel.
    ServiceWorker,
    /// Answered inside the page: service workers are unavailable here.
    InPage,
}

pub struct PracticeApi {
    server: TimedServer,
    relay: Cell<Relay>,
}

thread_local! {
    static API: Rc<PracticeApi> = Rc::new(PracticeApi { server: TimedServer::default(), relay: Cell::new(Relay::Starting) });
}

/// The page's one practice server.
pub fn api() -> Rc<PracticeApi> {
    API.with(|a| a.clone())
}

impl PracticeApi {
    /// A fresh server with these settings (each run starts with an empty line and zero stats).
    pub fn configure(&self, settings: Settings, speed: f64) {
        self.server.configure(settings, speed);
    }

    pub fn settings(&self) -> Settings {
        self.server.settings()
    }

    pub fn stats(&self) -> awaitlab_engine::practice_api::Stats {
        self.server.stats()
    }

    pub fn relay(&self) -> Relay {
        self.relay.get()
    }

    /// Answers a request, resolving when the reply is due (latency, line, rate limit applied).
    pub async fn answer(&self, request: &Request) -> Reply {
        self.server.answer(request).await
    }
}

/// Registers the service worker and starts answering what it relays. Safe to call once at start.
pub fn install() {
    let Some(window) = web_sys::window() else { return };
    let protocol = window.location().protocol().unwrap_or_default();
    let supported = js_sys::Reflect::has(&window.navigator(), &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !supported || !(protocol == "http:" || protocol == "https:") {
        api().relay.set(Relay::InPage);
        return;
    }
    let container = window.navigator().service_worker();
    super::offline::watch(&container);
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        wasm_bindgen_futures::spawn_local(handle_relayed(event));
    });
    container.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref()).ok();
    on_message.forget();
    wasm_bindgen_futures::spawn_local(async move {
        // Registered once the engine has loaded: on a first visit the worker's install caches
        // the whole build, and must not fetch the engine beside the engine's own worker (a
        // second download of it; measured on a Fast 3G link). By then the build is in the HTTP
        // cache and the install only revalidates it. Programs cannot run before, so the
        // practice API is not needed before either (requests answer in-page until it is).
        use leptos::prelude::GetUntracked;
        let engine = super::engine::state();
        while engine.get_untracked() == super::engine::EngineState::Loading {
            gloo_timers::future::TimeoutFuture::new(50).await;
        }
        let registered = window.navigator().service_worker().register("sw.js");
        if wasm_bindgen_futures::JsFuture::from(registered).await.is_err() {
            api().relay.set(Relay::InPage);
            return;
        }
        // `clients.claim()` in the worker makes it control this page without a reload. A
        // worker that does not take control within 3 s (blocked, broken, or registration
        // pending forever) leaves the page answering in-page; requests check the controller
        // each time anyway.
        for _ in 0..150 {
            if api().relay() == Relay::InPage {
                return;
            }
            if window.navigator().service_worker().controller().is_some() {
                api().relay.set(Relay::ServiceWorker);
                return;
            }
            gloo_timers::future::TimeoutFuture::new(20).await;
        }
        api().relay.set(Relay::InPage);
    });
}

/// Whether requests to `/api/` go through the service worker right now.
pub fn relayed_by_service_worker() -> bool {
    api().relay() == Relay::ServiceWorker
        && web_sys::window().map(|w| w.navigator().service_worker().controller().is_some()).unwrap_or(false)
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// One request relayed by the service worker: `{type, method, path, headers, body}` plus a
/// port for the answer `{status, reason, headers, body}`.
async fn handle_relayed(event: web_sys::MessageEvent) {
    let data = event.data();
    if get(&data, "type").as_string().as_deref() != Some("awaitlab-api") {
        return;
    }
    let ports = event.ports();
    let Ok(port) = ports.get(0).dyn_into::<web_sys::MessagePort>() else { return };
    // Taken: the service worker waits for the answer now (a page that does not say so within
    // a second is passed over).
    let accepted = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&accepted, &"type".into(), &"accepted".into());
    let _ = port.post_message(&accepted);
    let headers = js_sys::Array::from(&get(&data, "headers"))
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    let body = match get(&data, "body") {
        b if b.is_instance_of::<js_sys::ArrayBuffer>() => js_sys::Uint8Array::new(&b).to_vec(),
        _ => vec![],
    };
    let request = Request {
        method: get(&data, "method").as_string().unwrap_or_else(|| "GET".into()),
        path: get(&data, "path").as_string().unwrap_or_default(),
        headers,
        body,
    };
    let reply = api().answer(&request).await;
    let answer = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&answer, &"type".into(), &"answer".into());
    let _ = js_sys::Reflect::set(&answer, &"status".into(), &JsValue::from(reply.status));
    let _ = js_sys::Reflect::set(&answer, &"reason".into(), &JsValue::from_str(reply.reason));
    let pairs = js_sys::Array::new();
    for (k, v) in &reply.headers {
        pairs.push(&js_sys::Array::of2(&JsValue::from_str(k), &JsValue::from_str(v)));
    }
    let _ = js_sys::Reflect::set(&answer, &"headers".into(), &pairs);
    let body = js_sys::Uint8Array::from(reply.body.as_slice());
    let _ = js_sys::Reflect::set(&answer, &"body".into(), &body.buffer());
    let _ = port.post_message(&answer);
}
