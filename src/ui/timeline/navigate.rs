//! Moving about the timeline: zoom and pan by buttons, keys, Ctrl+wheel (and a trackpad's
//! pinch), a drag, and two fingers; and the frame's width, which the drawing is laid out for.
//! All of it moves one window of program time (`zoom`), shared with the pinned run.

use super::{Geometry, Window};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long after the last zoom or pan step the view counts as still moving.
const MOVING_MS: u32 = 180;
/// How long a frame's width must hold before the drawing is laid out again for it.
const RESIZE_SETTLE_MS: u32 = 120;
/// Wheel zoom: the factor per pixel of wheel movement.
const WHEEL_ZOOM: f64 = 0.002;

thread_local! {
    /// A drag that moved the view is not also a click on a segment.
    static DRAGGED: Cell<bool> = const { Cell::new(false) };
    static DRAG: Cell<Option<(f64, Window)>> = const { Cell::new(None) };
    /// A pinch under way: the window it started on, the fraction across the plot between the
    /// fingers then, and how far apart they were.
    static PINCH: Cell<Option<(Window, f64, f64)>> = const { Cell::new(None) };
}

pub fn was_dragged() -> bool {
    DRAGGED.with(|d| d.get())
}

/// One timeline's view: its window and what moves it. `Copy`: signals and a node reference.
#[derive(Clone, Copy)]
pub struct Navigator {
    pub zoom: RwSignal<Option<Window>>,
    pub window: Signal<Window>,
    pub total: Memo<f64>,
    pub geometry: Memo<Geometry>,
    pub frame: NodeRef<leptos::html::Div>,
    /// Nonzero while the view moves (each step a new number): the frame is marked `moving` and
    /// CSS drops the costly hatch fill (measured: it is what keeps a 100-task SVG at 60 fps).
    pub moving: RwSignal<u32>,
}

impl Navigator {
    pub fn set_window(self, w: Window) {
        self.zoom.set(Some(w));
        let generation = self.moving.get_untracked().wrapping_add(1);
        self.moving.set(generation);
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(MOVING_MS).await;
            if self.moving.get_untracked() == generation {
                self.moving.set(0);
            }
        });
    }

    pub fn zoom_by(self, factor: f64, fraction: f64) {
        self.set_window(self.window.get_untracked().zoomed(factor, fraction, self.total.get_untracked()));
    }

    pub fn pan_by(self, fraction: f64) {
        self.set_window(self.window.get_untracked().panned(fraction, self.total.get_untracked()));
    }

    /// The window once it stops moving: lanes drawn in blocks are drawn again for it.
    pub fn settled(self) -> Signal<Window> {
        Memo::new(move |previous: Option<&Window>| {
            let w = self.window.get();
            match previous {
                Some(p) if self.moving.get() != 0 => *p,
                _ => w,
            }
        })
        .into()
    }

    /// Where a pointer at `client_x` is across the plot (0: its start, 1: its end).
    fn fraction_at(self, client_x: f64) -> f64 {
        let Some(el) = self.frame.get_untracked() else { return 0.5 };
        let g = self.geometry.get_untracked();
        let rect = el.get_bounding_client_rect();
        let x = (client_x - rect.left() + el.scroll_left() as f64) / g.scale;
        ((x - g.label_w) / g.plot_w()).clamp(0.0, 1.0)
    }

    /// Wheel and touch listeners on the frame, once it exists. The wheel: with Ctrl/Cmd (and a
    /// trackpad's pinch, which arrives so) it zooms at the pointer; sideways or with Shift it
    /// pans; otherwise the page scrolls. Two fingers zoom where they are; one finger scrolls as
    /// the page does. Not passive, so a zoom does not also zoom the page; touch events, not
    /// pointer events: only they let the pinch be taken from the browser (a cancelled
    /// `touchmove`) while one finger still scrolls.
    pub fn listen(self) {
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            let Some(el) = self.frame.get() else { return false };
            let on_wheel = Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |ev: web_sys::WheelEvent| {
                if ev.ctrl_key() || ev.meta_key() {
                    ev.prevent_default();
                    self.zoom_by((-ev.delta_y() * WHEEL_ZOOM).exp(), self.fraction_at(ev.client_x() as f64));
                } else if ev.shift_key() || ev.delta_x().abs() > ev.delta_y().abs() {
                    ev.prevent_default();
                    let delta = if ev.delta_x().abs() > ev.delta_y().abs() { ev.delta_x() } else { ev.delta_y() };
                    self.pan_by(delta / 1000.0);
                }
            });
            let on_touch = Closure::<dyn Fn(web_sys::TouchEvent)>::new(move |ev: web_sys::TouchEvent| self.on_touch(ev));
            let options = web_sys::AddEventListenerOptions::new();
            options.set_passive(false);
            let _ =
                el.add_event_listener_with_callback_and_add_event_listener_options("wheel", on_wheel.as_ref().unchecked_ref(), &options);
            for kind in ["touchstart", "touchmove", "touchend", "touchcancel"] {
                let _ =
                    el.add_event_listener_with_callback_and_add_event_listener_options(kind, on_touch.as_ref().unchecked_ref(), &options);
            }
            // Both live as long as the timeline's element.
            on_wheel.forget();
            on_touch.forget();
            true
        });
    }

    fn on_touch(self, ev: web_sys::TouchEvent) {
        let touches = ev.touches();
        let (Some(a), Some(b)) = (touches.get(0), touches.get(1)) else {
            PINCH.with(|p| p.set(None));
            return;
        };
        let (xa, xb) = (a.client_x() as f64, b.client_x() as f64);
        let apart = ((xa - xb).powi(2) + ((a.client_y() - b.client_y()) as f64).powi(2)).sqrt().max(1.0);
        let middle = self.fraction_at((xa + xb) / 2.0);
        if ev.cancelable() {
            ev.prevent_default();
        }
        match PINCH.with(|p| p.get()) {
            None => PINCH.with(|p| p.set(Some((self.window.get_untracked(), middle, apart)))),
            Some((from, from_middle, from_apart)) => {
                self.set_window(from.pinched(from_middle, apart / from_apart, middle, self.total.get_untracked()));
            }
        }
    }

    pub fn on_pointer_down(self, ev: web_sys::PointerEvent) {
        if ev.button() != 0 || ev.pointer_type() == "touch" && !ev.is_primary() {
            return;
        }
        DRAGGED.with(|d| d.set(false));
        DRAG.with(|d| d.set(Some((ev.client_x() as f64, self.window.get_untracked()))));
    }

    /// A drag pans: the time under the pointer follows it.
    pub fn on_pointer_move(self, ev: web_sys::PointerEvent) {
        let Some((x0, w0)) = DRAG.with(|d| d.get()) else { return };
        if PINCH.with(|p| p.get()).is_some() {
            DRAG.with(|d| d.set(None));
            return;
        }
        if ev.buttons() & 1 == 0 {
            DRAG.with(|d| d.set(None));
            return;
        }
        let g = self.geometry.get_untracked();
        let width = g.plot_w() * g.scale;
        let dx = ev.client_x() as f64 - x0;
        if dx.abs() > 3.0 {
            DRAGGED.with(|d| d.set(true));
            if let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = target.set_pointer_capture(ev.pointer_id());
            }
        }
        if was_dragged() {
            self.set_window(w0.panned(-dx / width, self.total.get_untracked()));
        }
    }

    pub fn on_pointer_up(self) {
        DRAG.with(|d| d.set(None));
    }

    /// Keys on the focused frame: + and − zoom, 0 shows the whole run, arrows pan.
    pub fn on_key(self, ev: web_sys::KeyboardEvent) {
        match ev.key().as_str() {
            "+" | "=" => self.zoom_by(1.5, 0.5),
            "-" | "_" => self.zoom_by(1.0 / 1.5, 0.5),
            "0" => self.zoom.set(None),
            "ArrowLeft" => self.pan_by(-0.1),
            "ArrowRight" => self.pan_by(0.1),
            _ => return,
        }
        ev.prevent_default();
    }
}

/// The frame's width in CSS pixels, once it has held for a moment (a window being resized does
/// not lay the drawing out again at every step).
pub fn watch_width(frame: NodeRef<leptos::html::Div>) -> RwSignal<f64> {
    let frame_px = RwSignal::new(0.0f64);
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(el) = frame.get() else { return false };
        let generation = Rc::new(Cell::new(0u32));
        let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>().ok() else { return };
            let px = entry.content_rect().width().round();
            if (px - frame_px.get_untracked()).abs() < 1.0 {
                return;
            }
            if frame_px.get_untracked() == 0.0 {
                frame_px.set(px);
                return;
            }
            let this = generation.get().wrapping_add(1);
            generation.set(this);
            let generation = generation.clone();
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(RESIZE_SETTLE_MS).await;
                if generation.get() == this {
                    frame_px.set(px);
                }
            });
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&el);
        }
        // Lives as long as the timeline's element.
        on_resize.forget();
        true
    });
    frame_px
}
