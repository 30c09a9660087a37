//! Task lanes on a canvas, for runs with more tasks than SVG holds: a scrolling box whose
//! sticky canvas draws only the lanes in view, for the current window. Hover shows a segment's
//! details, a click shows its line in the editor.

use super::zoom::{format_time, ticks, Window};
use super::{Geometry, TimelineInput};
use awaitlab_engine::trace::timeline::{Lane, SegmentKind, Timeline as Model};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::rc::Rc;
use wasm_bindgen::JsCast;

const ROW_H: f64 = 16.0;
const AXIS_H: f64 = 22.0;
/// The canvas draws in logical units (`Geometry`): its CSS pixels divided by the type scale.
/// The box shows at most this many CSS pixels of lanes; the rest scrolls.
const MAX_VIEW_H: f64 = 520.0;

struct Colours {
    text: String,
    muted: String,
    border: String,
    running: String,
    waiting: String,
    blocked: String,
    panel: String,
    accent: String,
}

fn colours(el: &web_sys::Element) -> Colours {
    let style = web_sys::window().and_then(|w| w.get_computed_style(el).ok().flatten());
    let var = |name: &str, fallback: &str| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| fallback.into())
    };
    Colours {
        text: var("--text", "#1d1d1f"),
        muted: var("--muted", "#5f6368"),
        border: var("--border", "#d9d9d6"),
        running: var("--accent", "#2f5bd3"),
        waiting: var("--wait", "#8a6d00"),
        blocked: var("--stderr", "#b3261e"),
        panel: var("--panel", "#ffffff"),
        accent: var("--accent", "#2f5bd3"),
    }
}

/// The lane and segment under a point of the canvas (logical units), if any.
fn hit(m: &Model, w: Window, g: Geometry, scroll: f64, x: f64, y: f64) -> Option<(&Lane, Option<usize>)> {
    if y < AXIS_H {
        return None;
    }
    let lane = m.lanes.get(((y - AXIS_H + scroll) / ROW_H).floor() as usize)?;
    if x < g.label_w {
        return Some((lane, None));
    }
    let t = w.start + (x - g.label_w) / g.plot_w() * w.span();
    // Within three pixels: zero-length running steps can be pointed at.
    let slack = 3.0 / g.plot_w() * w.span();
    // Segments follow each other in time: the first that ends after the pointer is the one.
    let from = lane.segments.partition_point(|s| s.end + slack < t);
    let seg = lane.segments.get(from).filter(|s| s.start - slack <= t).map(|_| from);
    Some((lane, seg))
}

/// Draws the lanes in view; `scroll` is in CSS pixels.
fn paint(canvas: &web_sys::HtmlCanvasElement, m: &Model, input: &TimelineInput, g: Geometry, scroll: f64) {
    let Ok(Some(ctx)) = canvas.get_context("2d") else { return };
    let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>() else { return };
    let (css_w, css_h) = (canvas.client_width() as f64, canvas.client_height() as f64);
    if css_w <= 0.0 || css_h <= 0.0 {
        return;
    }
    let (width, height, scroll) = (css_w / g.scale, css_h / g.scale, scroll / g.scale);
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let (pw, ph) = ((css_w * dpr).round() as u32, (css_h * dpr).round() as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    let _ = ctx.set_transform(dpr * g.scale, 0.0, 0.0, dpr * g.scale, 0.0, 0.0);
    let c = colours(canvas);
    let w = input.window.get_untracked();
    let plot_w = g.plot_w();
    let x_of = |t: f64| g.x(w, t);
    ctx.clear_rect(0.0, 0.0, width, height);

    let first = (scroll / ROW_H).floor().max(0.0) as usize;
    let rows = ((height - AXIS_H) / ROW_H).ceil() as usize + 1;
    let lanes_bottom = (AXIS_H + (m.lanes.len() as f64 * ROW_H - scroll)).min(height);
    ctx.save();
    ctx.begin_path();
    ctx.rect(0.0, AXIS_H, width, height - AXIS_H);
    ctx.clip();
    ctx.set_font("11px ui-monospace, Menlo, Consolas, monospace");
    for (i, lane) in m.lanes.iter().enumerate().skip(first).take(rows) {
        let y = AXIS_H + i as f64 * ROW_H - scroll;
        ctx.set_fill_style_str(&c.border);
        ctx.fill_rect(0.0, y + ROW_H - 0.5, width, 0.5);
        ctx.set_fill_style_str(&c.text);
        let title = super::labels::short_title(&lane.title, g.title_chars());
        let _ = ctx.fill_text(&title, 4.0, y + ROW_H - 4.0);
        // Blocks of about a pixel (`lod`): a lane with a million steps costs as much as its width.
        for seg in super::lod::blocks(&lane.segments, w.start, w.end, plot_w) {
            let x0 = x_of(seg.start.max(w.start));
            let x1 = x_of(seg.end.min(w.end));
            match seg.kind {
                SegmentKind::Running => {
                    ctx.set_fill_style_str(&c.running);
                    ctx.fill_rect(x0, y + 2.0, (x1 - x0).max(1.5), ROW_H - 4.0);
                }
                SegmentKind::Waiting => {
                    ctx.set_global_alpha(0.25);
                    ctx.set_fill_style_str(&c.waiting);
                    ctx.fill_rect(x0, y + 4.0, (x1 - x0).max(1.0), ROW_H - 8.0);
                    ctx.set_global_alpha(1.0);
                    ctx.set_stroke_style_str(&c.waiting);
                    ctx.set_line_width(1.0);
                    ctx.stroke_rect(x0, y + 4.0, (x1 - x0).max(1.0), ROW_H - 8.0);
                }
                SegmentKind::Ready => {
                    ctx.set_fill_style_str(&c.muted);
                    ctx.fill_rect(x0, y + ROW_H / 2.0 - 0.5, (x1 - x0).max(1.0), 1.0);
                }
            }
        }
        ctx.set_fill_style_str(&c.text);
        for (t, _) in super::lod::thin(lane.prints.iter().map(|p| p.time), w.start, w.end, plot_w) {
            ctx.fill_rect(x_of(t) - 1.0, y, 2.0, 5.0);
        }
    }
    // The loop's blocked spans shade every lane.
    ctx.set_global_alpha(0.14);
    ctx.set_fill_style_str(&c.blocked);
    for b in m.blocked.iter().filter(|b| w.overlaps(b.start, b.end)) {
        let x0 = x_of(b.start.max(w.start));
        ctx.fill_rect(x0, AXIS_H, (x_of(b.end.min(w.end)) - x0).max(2.0), lanes_bottom - AXIS_H);
    }
    ctx.set_global_alpha(1.0);
    ctx.restore();

    // The axis over everything.
    ctx.set_fill_style_str(&c.panel);
    ctx.fill_rect(0.0, 0.0, width, AXIS_H);
    ctx.set_font("11px system-ui, sans-serif");
    for t in ticks(w, g.tick_count()) {
        let x = x_of(t);
        ctx.set_fill_style_str(&c.border);
        ctx.fill_rect(x, AXIS_H - 4.0, 0.5, lanes_bottom - AXIS_H + 4.0);
        ctx.set_fill_style_str(&c.muted);
        // A label that would leave the canvas is set to the left of its tick.
        let label = format_time(t);
        let wide = ctx.measure_text(&label).map_or(0.0, |m| m.width());
        let _ = if x + 2.0 + wide > width { ctx.fill_text(&label, x - 2.0 - wide, 14.0) } else { ctx.fill_text(&label, x + 2.0, 14.0) };
    }
    for (at, colour) in [(input.cursor, &c.accent), (input.now, &c.blocked)] {
        if let Some(t) = at.and_then(|s| s.get_untracked()).filter(|t| w.overlaps(*t, *t)) {
            ctx.set_fill_style_str(colour);
            ctx.fill_rect(x_of(t) - 1.0, AXIS_H - 6.0, 2.0, lanes_bottom - AXIS_H + 6.0);
        }
    }
}

pub fn draw(m: Rc<Model>, input: Rc<TimelineInput>, g: Geometry) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let (scroll, set_scroll) = signal(0.0f64);
    let (tip, set_tip) = signal(None::<(f64, f64, String)>);
    let lanes = m.lanes.len();
    // CSS pixels.
    let total_h = (lanes as f64 * ROW_H + AXIS_H) * g.scale;
    let view_h = total_h.min(MAX_VIEW_H);
    let data = SendWrapper::new((m, input.clone()));
    let (window, cursor, now) = (input.window, input.cursor, input.now);
    {
        let data = data.clone();
        Effect::new(move |_| {
            // Redraw for the window, the cursor, the clock line and the scroll position.
            window.track();
            if let Some(c) = cursor {
                c.track();
            }
            if let Some(n) = now {
                n.track();
            }
            let top = scroll.get();
            if let Some(canvas) = canvas_ref.get() {
                paint(&canvas, &data.0, &data.1, g, top);
            }
        });
    }
    let point = {
        let data = data.clone();
        move |ev: &web_sys::MouseEvent| -> Option<(f64, f64, String, u32)> {
            let canvas = canvas_ref.get_untracked()?;
            let rect = canvas.get_bounding_client_rect();
            let (x, y) = (ev.client_x() as f64 - rect.left(), ev.client_y() as f64 - rect.top());
            let (m, input) = (&data.0, &data.1);
            let (lane, seg) = hit(m, input.window.get_untracked(), g, scroll.get_untracked() / g.scale, x / g.scale, y / g.scale)?;
            let text = match seg.map(|i| &lane.segments[i]) {
                Some(s) => {
                    let what = match s.kind {
                        SegmentKind::Running => "running".to_string(),
                        SegmentKind::Ready => "ready".to_string(),
                        SegmentKind::Waiting => s.label.to_string(),
                    };
                    let mut text = format!(
                        "{} · {what}: {} → {} ({})",
                        lane.title,
                        format_time(s.start),
                        format_time(s.end),
                        format_time(s.end - s.start)
                    );
                    if let Some(src) = (s.line > 0).then(|| input.source.get(s.line as usize - 1)).flatten() {
                        text.push_str(&format!("\nline {}: {}", s.line, src.trim()));
                    }
                    text
                }
                None => format!("{} ({}) · {}", lane.title, lane.name, lane.outcome.unwrap_or("pending")),
            };
            Some((x, y, text, seg.map_or(lane.line, |i| lane.segments[i].line)))
        }
    };
    let hover = {
        let point = point.clone();
        move |ev: web_sys::MouseEvent| set_tip.set(point(&ev).map(|(x, y, text, _)| (x, y, text)))
    };
    let on_line = input.on_line;
    let click = move |ev: web_sys::MouseEvent| {
        if let Some((_, _, _, line)) = point(&ev).filter(|p| p.3 > 0 && !super::was_dragged()) {
            on_line.run(line);
        }
    };
    view! {
        <div class="canvas-lanes" data-testid="canvas-lanes" data-lanes=lanes style:height=format!("{view_h}px")
            style:width=format!("{}px", g.width * g.scale)
            on:scroll=move |ev| {
                if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    set_scroll.set(el.scroll_top() as f64);
                }
            }>
            <canvas node_ref=canvas_ref style:height=format!("{view_h}px") role="img"
                aria-label=format!("Timeline of {lanes} tasks (drawn on a canvas; hover for details)")
                on:mousemove=hover on:mouseleave=move |_| set_tip.set(None) on:click=click></canvas>
            <div class="canvas-spacer" style:height=format!("{}px", (total_h - view_h).max(0.0))></div>
            {move || tip.get().map(|(x, y, text)| view! {
                <div class="canvas-tip" role="tooltip" style:left=format!("{}px", x + 12.0) style:top=format!("{}px", y + scroll.get() + 12.0)>{text}</div>
            })}
        </div>
    }
}
