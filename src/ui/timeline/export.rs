//! The timeline as files: the whole drawing, every task lane included (also those the page
//! draws on a canvas), the waterfall and the charts, over the whole run (whatever the zoom on
//! screen), in the page's theme. SVG: the page's own SVG drawing, made again off-screen with every lane and made
//! standalone; PNG: that SVG rendered on a canvas.

use super::{svg, Geometry, TimelineInput, Window};
use crate::browser::download;
use awaitlab_engine::trace::timeline::Timeline as Model;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Logical width of an exported drawing: at scale 1 its text is 11–12 px.
const EXPORT_WIDTH: f64 = 1100.0;
/// A PNG is twice the drawing's size, less where a canvas could not hold it (browsers refuse
/// canvases past about 32k pixels a side or 268M pixels).
const PNG_SCALE: f64 = 2.0;
const PNG_MAX_SIDE: f64 = 16_384.0;
const PNG_MAX_AREA: f64 = 120_000_000.0;

/// What an export draws.
pub struct Export {
    pub model: Rc<Model>,
    pub rate: Option<(u32, f64)>,
    pub source: String,
}

/// The theme's colours the drawing uses, as CSS custom properties: the names in the styles
/// below, each with the value the page has now.
const THEME_VARS: [&str; 10] = ["--text", "--muted", "--border", "--accent", "--wait", "--stderr", "--ok", "--warn", "--panel", "--mono"];

/// The page's timeline rules (style/timeline.css), with `var(--…)` for the theme's values.
const STYLE: &str = "text{font-family:system-ui,sans-serif}.tick{stroke:var(--border);stroke-width:1}.tick-label{fill:var(--muted);font-size:11px}.lane-rule{stroke:var(--border);stroke-width:.5}.lane-title{fill:var(--text);font:12px var(--mono)}.lane-name{fill:var(--muted);font-size:11px}.lane-name.over{fill:var(--stderr);font-weight:600}.plot *{vector-effect:non-scaling-stroke}.seg.running{fill:var(--accent);stroke:var(--accent);stroke-width:1px}.seg.waiting{fill:url(#hatch);stroke:var(--wait);stroke-width:1px}.hatch-line{stroke:var(--wait);stroke-width:2;opacity:.45}.seg.ready{fill:var(--muted);opacity:.6}.seg.many{stroke:none;opacity:.8}.summarised{fill:var(--muted);opacity:.12}.summarised-label{fill:var(--muted);font-size:11px}.seg-label{fill:var(--text);font-size:11px}.print{stroke:var(--text);stroke-width:3px}.print.stderr{stroke:var(--stderr)}.spawn{stroke:var(--muted);stroke-width:1px;opacity:.35}.blocked{fill:var(--stderr);opacity:.14}.blocked-label{fill:var(--stderr);font-size:11px}.req{stroke-width:1px}.req.ok{fill:var(--ok);stroke:var(--ok)}.req.limited{fill:var(--warn);stroke:var(--text);stroke-dasharray:3 2}.req.client-error{fill:var(--warn);stroke:var(--warn);opacity:.7}.req.server-error,.req.failed{fill:var(--stderr);stroke:var(--text);stroke-width:2px}.req-mark{stroke-width:3px}.req-mark.limited,.req-mark.client-error{stroke:var(--warn)}.req-mark.server-error,.req-mark.failed{stroke:var(--stderr)}.req-queued{fill:var(--muted);opacity:.3}.chart{fill:none;stroke:var(--accent);stroke-width:1.5px}.limit{stroke:var(--stderr);stroke-width:1px;stroke-dasharray:4 3}.violation{fill:var(--stderr);opacity:.3}.callback{stroke:var(--ok);stroke-width:3px}.callback-label{fill:var(--text);font-size:11px}.cursor{stroke:var(--accent);stroke-width:2px}.now{stroke:var(--stderr);stroke-width:2px}";

/// Light theme values, for a value the page does not give.
fn fallback(var: &str) -> &'static str {
    match var {
        "--text" => "#1d1d1f",
        "--muted" => "#5f6368",
        "--border" => "#d9d9d6",
        "--accent" => "#2f5bd3",
        "--wait" => "#8a6d00",
        "--stderr" => "#b3261e",
        "--ok" => "#2e7d32",
        "--warn" => "#c77700",
        "--panel" => "#ffffff",
        _ => "ui-monospace, Menlo, Consolas, monospace",
    }
}

/// `STYLE` with each `var(--name)` replaced by its value (editors such as Inkscape know no
/// custom properties), and the page's background.
pub fn themed_style(value_of: impl Fn(&str) -> Option<String>) -> (String, String) {
    let mut style = STYLE.to_string();
    for var in THEME_VARS {
        let value = value_of(var).map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).unwrap_or_else(|| fallback(var).into());
        style = style.replace(&format!("var({var})"), &value);
    }
    let background =
        value_of("--panel").map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).unwrap_or_else(|| fallback("--panel").into());
    (style, background)
}

/// An SVG drawing's markup made standalone: the namespace, the styles, a background.
pub fn standalone_svg(outer_html: &str, style: &str, background: &str, title: &str) -> String {
    let with_ns = outer_html.replacen("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 1);
    let Some(i) = with_ns.find('>') else { return with_ns };
    let title = title.replace('&', "&amp;").replace('<', "&lt;");
    format!(
        "{}<title>{title}</title><style>{style}</style><rect width=\"100%\" height=\"100%\" fill=\"{background}\"/>{}",
        &with_ns[..=i],
        &with_ns[i + 1..]
    )
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The page's value of each theme property (the theme the learner sees).
fn page_value(var: &str) -> Option<String> {
    let root = document()?.document_element()?;
    let style = web_sys::window()?.get_computed_style(&root).ok()??;
    style.get_property_value(var).ok()
}

/// The whole drawing of a run, as an SVG file's text, and its size in logical units.
pub fn svg_file(export: &Export) -> Option<(String, f64, f64)> {
    let doc = document()?;
    let host = doc.create_element("div").ok()?.dyn_into::<web_sys::HtmlElement>().ok()?;
    let total = export.model.end.max(1e-3);
    let window = Window::full(total);
    let geometry = Geometry { total, width: EXPORT_WIDTH, scale: 1.0, label_w: super::LABEL_W };
    let input = Rc::new(TimelineInput {
        on_line: Callback::new(|_| {}),
        cursor: None,
        now: None,
        window: Signal::stored(window),
        settled: Signal::stored(window),
        rate: export.rate,
        source: export.source.lines().map(str::to_string).collect(),
    });
    let model = export.model.clone();
    // Built off-screen with every task lane in SVG, whatever the page draws on a canvas.
    let handle = leptos::mount::mount_to(host.clone(), move || svg::draw(model, input, geometry, true));
    let svg_el = host.first_element_child()?;
    let height =
        svg_el.get_attribute("viewBox").and_then(|v| v.split_whitespace().nth(3).and_then(|h| h.parse::<f64>().ok())).unwrap_or(400.0);
    // The page's element sets its on-screen width; the file has its own size.
    let _ = svg_el.remove_attribute("style");
    let _ = svg_el.set_attribute("width", &EXPORT_WIDTH.to_string());
    let _ = svg_el.set_attribute("height", &height.to_string());
    let markup = svg_el.outer_html();
    drop(handle);
    let (style, background) = themed_style(page_value);
    let title = format!("Awaitlab timeline: {}", super::summary_text(&export.model));
    Some((standalone_svg(&markup, &style, &background, &title), EXPORT_WIDTH, height))
}

pub fn save_svg(export: &Export) {
    if let Some((svg, _, _)) = svg_file(export) {
        let _ = download::save_text("awaitlab-timeline.svg", "image/svg+xml", &svg);
    }
}

fn save_canvas(canvas: &web_sys::HtmlCanvasElement) {
    let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if let Some(blob) = blob {
            let _ = download::save_blob("awaitlab-timeline.png", &blob);
        }
    });
    let _ = canvas.to_blob(done.unchecked_ref());
}

/// How much a PNG of a `w` × `h` drawing is enlarged: `PNG_SCALE`, less for a drawing so
/// large that a canvas could not hold it.
pub fn png_scale(w: f64, h: f64) -> f64 {
    PNG_SCALE.min(PNG_MAX_SIDE / w.max(1.0)).min(PNG_MAX_SIDE / h.max(1.0)).min((PNG_MAX_AREA / (w * h).max(1.0)).sqrt())
}

/// The SVG file rendered on a canvas.
pub fn save_png(export: &Export) {
    let Some((svg, w, h)) = svg_file(export) else { return };
    let scale = png_scale(w, h);
    let Ok(blob) = download::text_blob("image/svg+xml", &svg) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let loaded = img.clone();
    let src = url.clone();
    let onload = Closure::once_into_js(move || {
        let Some(doc) = document() else { return };
        let Some(canvas) = doc.create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok()) else { return };
        let (pw, ph) = ((w * scale).round(), (h * scale).round());
        canvas.set_width(pw as u32);
        canvas.set_height(ph as u32);
        if let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) {
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, pw, ph);
        }
        let _ = web_sys::Url::revoke_object_url(&url);
        save_canvas(&canvas);
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&src);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_takes_the_pages_theme_and_falls_back_to_the_light_one() {
        let dark = |v: &str| match v {
            "--text" => Some(" #e8e8e6".to_string()),
            "--panel" => Some("#1e1f22".to_string()),
            _ => None,
        };
        let (style, background) = themed_style(dark);
        assert!(!style.contains("var("), "{style}");
        assert!(style.contains(".seg-label{fill:#e8e8e6;"));
        assert!(style.contains(".tick-label{fill:#5f6368;"));
        assert_eq!(background, "#1e1f22");
    }

    #[test]
    fn a_standalone_svg_has_the_namespace_its_styles_and_a_background() {
        let out = standalone_svg(
            "<svg class=\"timeline-svg\" viewBox=\"0 0 10 10\"><g></g></svg>",
            ".a{}",
            "#fff",
            "Awaitlab timeline: 3 tasks <&>",
        );
        assert_eq!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline-svg\" viewBox=\"0 0 10 10\"><title>Awaitlab timeline: 3 tasks &lt;&amp;></title><style>.a{}</style><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><g></g></svg>"
        );
    }

    #[test]
    fn a_png_is_twice_the_size_unless_a_canvas_could_not_hold_it() {
        assert_eq!(png_scale(1100.0, 800.0), 2.0);
        let s = png_scale(1100.0, 52_000.0);
        assert!(1100.0 * s * 52_000.0 * s <= PNG_MAX_AREA + 1.0 && 52_000.0 * s <= PNG_MAX_SIDE);
    }
}
