//! The page's side of the offline copy (`sw.js` keeps it): when a new build's service worker
//! takes over a page that an older one served, the page is told, and offers a reload.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// Reference-counted, not owned by whichever component first reads it (an arena signal
    /// would be disposed with that component's first redraw).
    static UPDATE_READY: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// A newer version of the app is installed: a reload shows it.
pub fn update_ready() -> bool {
    UPDATE_READY.with(|s| s.get())
}

/// Watches for a new service worker taking over. A page that had none (a first visit) is
/// simply being taken under control, not updated; a later change is an update.
pub fn watch(container: &web_sys::ServiceWorkerContainer) {
    let controlled = std::cell::Cell::new(container.controller().is_some());
    let on_change = Closure::<dyn Fn()>::new(move || {
        if controlled.replace(true) {
            UPDATE_READY.with(|s| s.set(true));
        }
    });
    let _ = container.add_event_listener_with_callback("controllerchange", on_change.as_ref().unchecked_ref());
    // Lives as long as the page.
    on_change.forget();
}
