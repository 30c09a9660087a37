//! The handle between the editor and the output and timeline (a wide page): dragged, or moved
//! with the arrow keys, it shares the width between them; the share is remembered.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the editor's share of the width is remembered.
const SPLIT_KEY: &str = "awaitlab.split";
/// The editor's share of the page's width, in percent: as laid out before anything is moved,
/// and how far it may go either way (both sides keep room for their contents).
const DEFAULT_SHARE: f64 = 40.0;
const MIN_SHARE: f64 = 22.0;
const MAX_SHARE: f64 = 72.0;
/// An arrow key moves the split this much (percent).
const KEY_STEP: f64 = 2.0;

/// The share a stored value gives, kept in range (a garbled value gives the default).
pub fn share_from(stored: Option<&str>) -> f64 {
    stored.and_then(|s| s.parse::<f64>().ok()).filter(|s| s.is_finite()).map_or(DEFAULT_SHARE, |s| s.clamp(MIN_SHARE, MAX_SHARE))
}

fn apply(share: f64) {
    if let Some(main) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("main.playground").ok().flatten()) {
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.style().set_property("--editor-share", &format!("{share:.1}%"));
        }
    }
}

#[component]
pub fn Splitter() -> impl IntoView {
    let share = RwSignal::new(share_from(crate::browser::storage::load(SPLIT_KEY).as_deref()));
    Effect::new(move |_| {
        let s = share.get();
        apply(s);
        crate::browser::storage::save(SPLIT_KEY, &format!("{s:.1}"));
    });
    let dragging = StoredValue::new(false);
    let to_pointer = move |ev: &web_sys::PointerEvent| {
        let Some(main) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("main.playground").ok().flatten())
        else {
            return;
        };
        let rect = main.get_bounding_client_rect();
        let s = (ev.client_x() as f64 - rect.left()) / rect.width().max(1.0) * 100.0;
        share.set(s.clamp(MIN_SHARE, MAX_SHARE));
    };
    view! {
        <div class="splitter" data-testid="splitter" role="separator" aria-orientation="vertical" tabindex="0"
            aria-label="Width of the editor (drag, or arrow keys)" aria-valuemin=MIN_SHARE aria-valuemax=MAX_SHARE
            aria-valuenow=move || format!("{:.0}", share.get())
            on:pointerdown=move |ev: web_sys::PointerEvent| {
                if ev.button() != 0 {
                    return;
                }
                dragging.set_value(true);
                if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.set_pointer_capture(ev.pointer_id());
                }
                ev.prevent_default();
            }
            on:pointermove=move |ev: web_sys::PointerEvent| {
                if dragging.get_value() {
                    to_pointer(&ev);
                }
            }
            on:pointerup=move |_| dragging.set_value(false)
            on:pointercancel=move |_| dragging.set_value(false)
            on:dblclick=move |_| share.set(DEFAULT_SHARE)
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                let step = match ev.key().as_str() {
                    "ArrowLeft" => -KEY_STEP,
                    "ArrowRight" => KEY_STEP,
                    "Home" => MIN_SHARE - share.get_untracked(),
                    "End" => MAX_SHARE - share.get_untracked(),
                    _ => return,
                };
                ev.prevent_default();
                share.update(|s| *s = (*s + step).clamp(MIN_SHARE, MAX_SHARE));
            }
            title="Drag to share the width between the editor and the run (double-click: as it was)">
        </div>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_stored_share_is_kept_in_range_and_garbage_gives_the_default() {
        use super::*;
        assert_eq!(share_from(Some("55.5")), 55.5);
        assert_eq!(share_from(Some("5")), MIN_SHARE);
        assert_eq!(share_from(Some("1e9")), MAX_SHARE);
        assert_eq!(share_from(Some("NaN")), DEFAULT_SHARE);
        assert_eq!(share_from(Some("wide")), DEFAULT_SHARE);
        assert_eq!(share_from(None), DEFAULT_SHARE);
    }
}
