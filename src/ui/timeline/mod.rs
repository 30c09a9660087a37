//! The timeline of a run, drawn from the engine's timeline model (`awaitlab_engine::trace::timeline`):
//! SVG up to `MAX_SVG_LANES` task lanes (every segment an element: hover, click, tests), a
//! canvas past that (only the visible lanes are drawn). Zoom and pan move a shared window of
//! program time; the pinned run of the compare view follows the same window.

mod canvas;
pub mod export;
pub mod labels;
pub mod lod;
mod svg;
pub mod zoom;

use awaitlab_engine::trace::timeline::Timeline as Model;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
pub use zoom::{format_time, Window};

/// The drawing is laid out in logical units: the frame's CSS pixels divided by the type scale
/// (1, or `PROJECTOR_SCALE` in projector mode), so its text is 11–12 px (or half as big again)
/// at any frame width, and it always fits its frame. A frame narrower than `MIN_FIT` units (a
/// phone) keeps scale 1 and a narrower title column (`NARROW_LABEL_W`): lanes stay beside
/// their names, and a pinch zooms.
pub const MIN_FIT: f64 = 480.0;
pub const NARROW_LABEL_W: f64 = 128.0;
/// Before the frame has been measured.
const DEFAULT_WIDTH: f64 = 960.0;
pub const LABEL_W: f64 = 190.0;
/// Right of the plot: room for the last tick's label.
const RIGHT_MARGIN: f64 = 20.0;
/// Type scale of projector mode (the rest of the page grows about as much).
pub const PROJECTOR_SCALE: f64 = 1.5;
/// More task lanes than this are drawn on a canvas (measured: see ARCHITECTURE.md).
pub const MAX_SVG_LANES: usize = 120;
/// How long after the last zoom or pan step the view counts as still moving.
const MOVING_MS: u32 = 180;
/// How long a frame's width must hold before the drawing is laid out again for it.
const RESIZE_SETTLE_MS: u32 = 120;
/// Wheel zoom: the factor per pixel of wheel movement.
const WHEEL_ZOOM: f64 = 0.002;

/// Where times go across the drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    /// The whole run's length (the window never leaves [0, total]).
    pub total: f64,
    /// The drawing's width in logical units.
    pub width: f64,
    /// CSS pixels per logical unit.
    pub scale: f64,
    /// The title column's width, in logical units.
    pub label_w: f64,
}

impl Geometry {
    /// For a frame `frame_px` CSS pixels wide (0: not measured yet) at type scale `scale`.
    pub fn new(total: f64, frame_px: f64, scale: f64) -> Geometry {
        if frame_px <= 0.0 {
            return Geometry { total, width: DEFAULT_WIDTH, scale, label_w: LABEL_W };
        }
        let fit = (frame_px / scale).floor();
        if fit >= MIN_FIT {
            Geometry { total, width: fit, scale, label_w: LABEL_W }
        } else if frame_px >= MIN_FIT {
            // Projector type would leave no room: the largest scale that fits.
            let scale = frame_px / MIN_FIT;
            Geometry { total, width: (frame_px / scale).floor(), scale, label_w: LABEL_W }
        } else {
            Geometry { total, width: frame_px.floor().max(NARROW_LABEL_W + 120.0), scale: 1.0, label_w: NARROW_LABEL_W }
        }
    }

    /// The plot's width (right of the lane titles), in logical units.
    pub fn plot_w(&self) -> f64 {
        self.width - self.label_w - RIGHT_MARGIN
    }

    /// The x of time `t` in the drawing's logical units.
    pub fn x(&self, w: Window, t: f64) -> f64 {
        self.label_w + (t - w.start) / w.span() * self.plot_w()
    }

    /// Characters of a lane title (12 px monospace) the title column holds.
    pub fn title_chars(&self) -> usize {
        ((self.label_w - 10.0) / 7.2).floor().max(8.0) as usize
    }

    /// How many axis ticks the plot has room for (a label such as "500 ms" is ~40 units wide).
    pub fn tick_count(&self) -> usize {
        (self.plot_w() / 65.0).floor().clamp(2.0, 10.0) as usize
    }
}

/// What every drawing of a run needs besides the model.
pub struct TimelineInput {
    pub on_line: Callback<u32>,
    pub cursor: Option<Signal<Option<f64>>>,
    pub now: Option<Signal<Option<f64>>>,
    pub window: Signal<Window>,
    /// The window once it stops moving: lanes drawn in blocks are drawn again for it.
    pub settled: Signal<Window>,
    /// The practice API's rate limit of the run: (requests, per seconds).
    pub rate: Option<(u32, f64)>,
    /// The program's lines, for tooltips.
    pub source: Vec<String>,
}

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

/// The whole timeline for one run.
#[component]
pub fn TimelineView(
    /// (Shared: a redraw never copies a long run's model.)
    #[prop(into)]
    model: Signal<Option<Rc<Model>>, LocalStorage>,
    /// Clicking a segment shows its source line in the editor.
    on_line: Callback<u32>,
    /// At least this much time on the axis (two runs compared share one scale).
    #[prop(into)]
    min_end: Signal<f64>,
    /// The zoomed window, shared by the compared runs; `None`: the whole run.
    zoom: RwSignal<Option<Window>>,
    /// The replay cursor (program time); `None`: no cursor.
    #[prop(into, optional)]
    cursor: Option<Signal<Option<f64>>>,
    /// While a program runs in real time: its clock, drawn as a moving line.
    #[prop(into, optional)]
    now: Option<Signal<Option<f64>>>,
    /// The practice API's rate limit for the run: (requests, per seconds).
    #[prop(into)]
    rate: Signal<Option<(u32, f64)>>,
    /// The program that ran (tooltips quote its lines).
    #[prop(into)]
    source: Signal<String>,
    /// A second timeline sharing the zoom (the pinned run) shows no zoom buttons of its own.
    #[prop(optional)]
    follows_zoom: bool,
    /// Said after the timeline's own summary (what the practice API's server saw).
    #[prop(into, optional)]
    note: Option<Signal<String>>,
    /// Projector mode: the drawing's type (and lanes) half as big again.
    #[prop(into, optional)]
    large: Option<Signal<bool>>,
) -> impl IntoView {
    // Memos: hundreds of labels read the window on every zoom step.
    let total = Memo::new(move |_| {
        let end = model.with(|m| m.as_ref().map_or(0.0, |m| m.end));
        end.max(min_end.get()).max(now.and_then(|n| n.get()).unwrap_or(0.0)).max(1e-3)
    });
    let window: Signal<Window> = Memo::new(move |_| {
        let total = total.get();
        zoom.get().map_or(Window::full(total), |w| w.clamped(total))
    })
    .into();
    let frame = NodeRef::<leptos::html::Div>::new();
    // The frame's width in CSS pixels, once it has held for a moment (a window being resized
    // does not lay the drawing out again at every step).
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
    let scale = move || if large.is_some_and(|l| l.get()) { PROJECTOR_SCALE } else { 1.0 };
    let geometry = Memo::new(move |_| Geometry::new(total.get(), frame_px.get(), scale()));
    let fraction_at = move |client_x: f64| -> f64 {
        let Some(el) = frame.get_untracked() else { return 0.5 };
        let g = geometry.get_untracked();
        let rect = el.get_bounding_client_rect();
        // (A phone's drawing is wider than its frame, and scrolled.)
        let x = (client_x - rect.left() + el.scroll_left() as f64) / g.scale;
        ((x - g.label_w) / g.plot_w()).clamp(0.0, 1.0)
    };
    // While the view moves, the frame is marked `moving` and CSS drops the costly hatch fill
    // (measured: it is what keeps a 100-task SVG under 60 frames per second).
    let (moving, set_moving) = signal(0u32);
    let set_window = move |w: Window| {
        zoom.set(Some(w));
        let generation = moving.get_untracked().wrapping_add(1);
        set_moving.set(generation);
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(MOVING_MS).await;
            if moving.get_untracked() == generation {
                set_moving.set(0);
            }
        });
    };
    let settled: Signal<Window> = Memo::new(move |previous: Option<&Window>| {
        let w = window.get();
        match previous {
            Some(p) if moving.get() != 0 => *p,
            _ => w,
        }
    })
    .into();
    let zoom_by = move |factor: f64, fraction: f64| set_window(window.get_untracked().zoomed(factor, fraction, total.get_untracked()));
    let pan_by = move |fraction: f64| set_window(window.get_untracked().panned(fraction, total.get_untracked()));
    // Wheel: with Ctrl/Cmd (and trackpad pinch, which arrives so) it zooms at the pointer;
    // sideways or with Shift it pans; otherwise the page scrolls as usual. The listener is not
    // passive, so zooming does not also zoom the page.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(el) = frame.get() else { return false };
        let on_wheel = Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |ev: web_sys::WheelEvent| {
            if ev.ctrl_key() || ev.meta_key() {
                ev.prevent_default();
                zoom_by((-ev.delta_y() * WHEEL_ZOOM).exp(), fraction_at(ev.client_x() as f64));
            } else if ev.shift_key() || ev.delta_x().abs() > ev.delta_y().abs() {
                ev.prevent_default();
                let delta = if ev.delta_x().abs() > ev.delta_y().abs() { ev.delta_x() } else { ev.delta_y() };
                pan_by(delta / 1000.0);
            }
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let _ = el.add_event_listener_with_callback_and_add_event_listener_options("wheel", on_wheel.as_ref().unchecked_ref(), &options);
        // Two fingers zoom (a pinch) where they are; one finger scrolls as the page does. Touch
        // events, not pointer events: only they let the pinch be taken from the browser (a
        // cancelled `touchmove`) while one finger still scrolls.
        let on_touch = Closure::<dyn Fn(web_sys::TouchEvent)>::new(move |ev: web_sys::TouchEvent| {
            let touches = ev.touches();
            let (Some(a), Some(b)) = (touches.get(0), touches.get(1)) else {
                PINCH.with(|p| p.set(None));
                return;
            };
            let (xa, xb) = (a.client_x() as f64, b.client_x() as f64);
            let apart = ((xa - xb).powi(2) + (a.client_y() - b.client_y()).pow(2) as f64).sqrt().max(1.0);
            let middle = fraction_at((xa + xb) / 2.0);
            if ev.cancelable() {
                ev.prevent_default();
            }
            match PINCH.with(|p| p.get()) {
                None => PINCH.with(|p| p.set(Some((window.get_untracked(), middle, apart)))),
                Some((from, from_middle, from_apart)) => {
                    set_window(from.pinched(from_middle, apart / from_apart, middle, total.get_untracked()));
                }
            }
        });
        for kind in ["touchstart", "touchmove", "touchend", "touchcancel"] {
            let _ = el.add_event_listener_with_callback_and_add_event_listener_options(kind, on_touch.as_ref().unchecked_ref(), &options);
        }
        // Both live as long as the timeline's element.
        on_wheel.forget();
        on_touch.forget();
        true
    });
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 || ev.pointer_type() == "touch" && !ev.is_primary() {
            return;
        }
        DRAGGED.with(|d| d.set(false));
        DRAG.with(|d| d.set(Some((ev.client_x() as f64, window.get_untracked()))));
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        let Some((x0, w0)) = DRAG.with(|d| d.get()) else { return };
        if PINCH.with(|p| p.get()).is_some() {
            DRAG.with(|d| d.set(None));
            return;
        }
        if ev.buttons() & 1 == 0 {
            DRAG.with(|d| d.set(None));
            return;
        }
        let g = geometry.get_untracked();
        let width = g.plot_w() * g.scale;
        let dx = ev.client_x() as f64 - x0;
        if dx.abs() > 3.0 {
            DRAGGED.with(|d| d.set(true));
            if let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = target.set_pointer_capture(ev.pointer_id());
            }
        }
        if was_dragged() {
            set_window(w0.panned(-dx / width, total.get_untracked()));
        }
    };
    let on_pointer_up = move |_: web_sys::PointerEvent| DRAG.with(|d| d.set(None));
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                zoom_by(1.5, 0.5);
                true
            }
            "-" | "_" => {
                zoom_by(1.0 / 1.5, 0.5);
                true
            }
            "0" => {
                zoom.set(None);
                true
            }
            "ArrowLeft" => {
                pan_by(-0.1);
                true
            }
            "ArrowRight" => {
                pan_by(0.1);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    let body = move || {
        let Some(m) = model.get() else {
            return view! { <p class="timeline-empty">"Run a program to see what the event loop did."</p> }.into_any();
        };
        let geometry = geometry.get();
        let input = Rc::new(TimelineInput {
            on_line,
            cursor,
            now,
            window,
            settled,
            rate: rate.get_untracked(),
            source: source.with_untracked(|s| s.lines().map(str::to_string).collect()),
        });
        let summary = summary_text(&m);
        let drawing = if m.lanes.len() > MAX_SVG_LANES {
            // The chart sections stay SVG (they are few elements); only when there are any.
            let charts = (!m.requests.is_empty() || !m.resources.is_empty()).then(|| svg::draw(m.clone(), input.clone(), geometry, false));
            view! {
                {canvas::draw(m.clone(), input.clone(), geometry)}
                {charts}
            }
            .into_any()
        } else {
            svg::draw(m.clone(), input.clone(), geometry, true).into_any()
        };
        report_render_time();
        view! {
            <p class="timeline-summary" data-testid="timeline-summary">{summary}
                {note.map(|n| move || {
                    let n = n.get();
                    (!n.is_empty()).then(|| view! { <span class="summary-note">" · "<span data-testid="summary">{n}</span></span> })
                })}</p>
            {drawing}
        }
        .into_any()
    };
    let zoomed = move || zoom.get().is_some();
    let controls = (!follows_zoom).then(|| view! {
        <div class="zoom-controls" role="group" aria-label="Zoom the timeline">
            <button data-testid="zoom-out" title="Zoom out (−)" on:click=move |_| zoom_by(1.0 / 1.5, 0.5)>"−"</button>
            <button data-testid="zoom-in" title="Zoom in (+; Ctrl+wheel or pinch at a point)" on:click=move |_| zoom_by(1.5, 0.5)>"+"</button>
            <button data-testid="zoom-fit" title="Show the whole run (0)" disabled=move || !zoomed() on:click=move |_| zoom.set(None)>"Fit"</button>
            <span class="zoom-window" data-testid="zoom-window">{move || {
                let w = window.get();
                if zoomed() { format!("{} – {}", format_time(w.start), format_time(w.end)) } else { String::new() }
            }}</span>
        </div>
    });
    view! {
        {controls}
        <div class=move || { if moving.get() > 0 { "timeline-frame moving" } else { "timeline-frame" } }
            data-testid="timeline-frame" node_ref=frame tabindex="0"
            aria-label="Timeline: + and − zoom, arrow keys pan, 0 shows the whole run"
            on:pointerdown=on_pointer_down on:pointermove=on_pointer_move on:pointerup=on_pointer_up
            on:keydown=on_key>
            {body}
        </div>
    }
}

/// Marks the segments that belong to program line `line` (the editor's cursor line).
pub fn highlight_line(line: Option<u32>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let each = |selector: &str, f: &dyn Fn(&web_sys::Element)| {
        if let Ok(list) = doc.query_selector_all(selector) {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    f(&el);
                }
            }
        }
    };
    each(".timeline-svg .seg.linked", &|el| {
        let _ = el.class_list().remove_1("linked");
    });
    if let Some(line) = line.filter(|l| *l > 0) {
        each(&format!(".timeline-svg .seg[data-line=\"{line}\"]"), &|el| {
            let _ = el.class_list().add_1("linked");
        });
    }
}

/// 1234567 → "1,234,567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Task count, total time, most tasks at once, requests and time blocked, in words.
fn summary_text(m: &Model) -> String {
    let n = m.lanes.len();
    let mut text = format!(
        "{n} task{} · {} of program time · at most {} at once",
        if n == 1 { "" } else { "s" },
        format_time(m.end),
        m.max_concurrent_tasks()
    );
    if !m.requests.is_empty() {
        // Counted from the trace, like everything here: one truth about what the program sent.
        let n = m.requests.len();
        text.push_str(&format!(" · {n} request{}, at most {} in flight", if n == 1 { "" } else { "s" }, m.max_in_flight));
        let limited = m.requests.iter().filter(|r| r.status == Some(429)).count();
        let failed = m.requests.iter().filter(|r| r.error.is_some() || r.status.is_some_and(|s| s >= 400 && s != 429)).count();
        if limited > 0 {
            text.push_str(&format!(", {limited} rate-limited (429)"));
        }
        if failed > 0 {
            text.push_str(&format!(", {failed} failed"));
        }
    }
    if !m.blocked.is_empty() {
        text.push_str(&format!(" · loop blocked {} in all", format_time(m.blocked_time())));
    }
    if let Some(from) = m.summarised_from {
        text.push_str(&format!(" · summarised from {}", format_time(from)));
        if let Some(u) = m.unrecorded {
            text.push_str(&format!(
                ": {} more events ({} task steps, {} new tasks, {} prints, {} requests) not drawn",
                thousands(u.events),
                thousands(u.steps),
                thousands(u.tasks),
                thousands(u.prints),
                thousands(u.requests)
            ));
        }
    }
    text
}

/// `performance.measure("timeline-render")` from the page's `timeline-start` mark (set when
/// a finished run's model is built) to the second frame after drawing: what the page
/// benchmark reads.
fn report_render_time() {
    let Some(window) = web_sys::window() else { return };
    let Some(perf) = window.performance() else { return };
    if perf.get_entries_by_name_with_entry_type("timeline-start", "mark").length() == 0 {
        return;
    }
    let second = Closure::once_into_js(move || {
        let _ = perf.measure_with_start_mark("timeline-render", "timeline-start");
        perf.clear_marks_with_mark_name("timeline-start");
    });
    let first = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(second.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(first.unchecked_ref());
}
