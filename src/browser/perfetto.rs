//! "Open in Perfetto": hands a run's Chrome trace to ui.perfetto.dev in a new tab, by the
//! protocol Perfetto documents for this (docs/visualization/deep-linking-to-perfetto-ui):
//! `window.open`, then `'PING'` until the tab answers `'PONG'` (its listener is up), then one
//! message `{perfetto: {buffer, title, fileName}}`. Nothing is uploaded anywhere else.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const ORIGIN: &str = "https://ui.perfetto.dev";

/// How long to wait for the tab to load before giving up (it is a page off the internet).
const PINGS: u32 = 240;
const PING_EVERY_MS: u32 = 250;

/// Whether the browser says it is online (Perfetto's UI is a page off the internet).
pub fn online() -> bool {
    web_sys::window().is_some_and(|w| w.navigator().on_line())
}

/// Opens Perfetto's UI and posts `json` (a Chrome Trace Event file) to it once it is ready.
/// Fails at once if the browser refused the new tab (a pop-up blocker).
pub fn open(json: &str, title: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let tab = window
        .open_with_url_and_target(ORIGIN, "_blank")
        .map_err(|_| "the browser did not open a tab".to_string())?
        .ok_or("the browser blocked the new tab (allow pop-ups for this page)")?;
    let buffer = js_sys::Uint8Array::from(json.as_bytes()).buffer();
    let message = js_sys::Object::new();
    let inner = js_sys::Object::new();
    let set = |o: &js_sys::Object, k: &str, v: &JsValue| {
        js_sys::Reflect::set(o, &k.into(), v).map(|_| ()).map_err(|_| "a message field".to_string())
    };
    set(&inner, "buffer", &buffer)?;
    set(&inner, "title", &title.into())?;
    set(&inner, "fileName", &"awaitlab-trace.json".into())?;
    set(&message, "perfetto", &inner)?;
    let ready = Rc::new(Cell::new(false));
    let heard = ready.clone();
    let tab_for_listener = tab.clone();
    let listener = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        // Only Perfetto's own tab, answering our ping.
        let from_tab = e.source().is_some_and(|s| JsValue::from(s) == JsValue::from(tab_for_listener.clone()));
        if e.origin() == ORIGIN && from_tab && e.data().as_string().as_deref() == Some("PONG") {
            heard.set(true);
        }
    });
    window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref()).map_err(|_| "no message listener")?;
    wasm_bindgen_futures::spawn_local(async move {
        for _ in 0..PINGS {
            if ready.get() || tab.closed().unwrap_or(true) {
                break;
            }
            let _ = tab.post_message(&"PING".into(), ORIGIN);
            gloo_timers::future::TimeoutFuture::new(PING_EVERY_MS).await;
        }
        if ready.get() {
            let _ = tab.post_message(&message, ORIGIN);
        }
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
        drop(listener);
    });
    Ok(())
}
