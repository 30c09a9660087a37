//! The timeline as files: SVG (the drawing made standalone) and PNG (that SVG rendered on a
//! canvas, or the lanes canvas of a large run).

use crate::browser::download;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The page's SVG made standalone: the namespace and the styles the page's CSS gave it (light
/// theme), so the file looks the same outside the page.
pub fn standalone_svg(outer_html: &str) -> String {
    const STYLE: &str = "<style>text{font-family:system-ui,sans-serif}.tick{stroke:#d9d9d6}.tick-label,.lane-name{fill:#5f6368;font-size:11px}.lane-name.over{fill:#b3261e}.lane-rule{stroke:#d9d9d6;stroke-width:.5}.lane-title{fill:#1d1d1f;font:12px monospace}.plot *{vector-effect:non-scaling-stroke}.seg.running{fill:#2f5bd3;stroke:#2f5bd3;stroke-width:1px}.seg.waiting{fill:url(#hatch);stroke:#8a6d00}.hatch-line{stroke:#8a6d00;stroke-width:2;opacity:.45}.seg.ready{fill:#5f6368;opacity:.6}.seg-label{fill:#1d1d1f;font-size:10.5px}.print{stroke:#1d1d1f;stroke-width:3px}.print.stderr{stroke:#b3261e}.blocked-label{fill:#b3261e;font-size:11px}.blocked{fill:#b3261e;opacity:.14}.spawn{stroke:#5f6368;opacity:.35}.req{stroke-width:1px}.req.ok{fill:#2e7d32;stroke:#2e7d32}.req.limited,.req.client-error{fill:#c77700;stroke:#c77700}.req-mark{stroke-width:3px}.callback{stroke:#2e7d32;stroke-width:3px}.callback-label{fill:#1d1d1f;font-size:10.5px}.req-mark.limited,.req-mark.client-error{stroke:#c77700}.req-mark.server-error,.req-mark.failed{stroke:#b3261e}.req.server-error,.req.failed{fill:#b3261e;stroke:#b3261e}.req-queued{fill:#5f6368;opacity:.3}.chart{fill:none;stroke:#2f5bd3;stroke-width:1.5px}.limit{stroke:#b3261e;stroke-dasharray:4 3}.violation{fill:#b3261e;opacity:.3}.cursor,.now{stroke:#2f5bd3;stroke-width:2px}</style>";
    let with_ns = outer_html.replacen("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 1);
    match with_ns.find('>') {
        Some(i) => format!("{}{}{}", &with_ns[..=i], STYLE, &with_ns[i + 1..]),
        None => with_ns,
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The current run's drawing, standalone.
pub fn current_svg() -> Option<String> {
    let svg = document()?.query_selector("[data-testid=timeline] .timeline-svg").ok().flatten()?;
    Some(standalone_svg(&svg.outer_html()))
}

pub fn save_svg() {
    if let Some(svg) = current_svg() {
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

/// PNG at twice the drawing's size, on the light background the SVG export uses.
pub fn save_png() {
    let Some(doc) = document() else { return };
    if let Some(canvas) = doc
        .query_selector("[data-testid=timeline] .canvas-lanes canvas")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    {
        save_canvas(&canvas);
        return;
    }
    let Some(svg_el) = doc.query_selector("[data-testid=timeline] .timeline-svg").ok().flatten() else { return };
    let Some(svg) = current_svg() else { return };
    // The viewBox gives the drawing's own size.
    let view_box = svg_el.get_attribute("viewBox").unwrap_or_default();
    let dims: Vec<f64> = view_box.split_whitespace().filter_map(|v| v.parse().ok()).collect();
    let (w, h) = match dims.as_slice() {
        [_, _, w, h] => (*w, *h),
        _ => (1200.0, 400.0),
    };
    let Ok(blob) = download::text_blob("image/svg+xml", &svg) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let loaded = img.clone();
    let src = url.clone();
    let onload = Closure::once_into_js(move || {
        let Some(doc) = document() else { return };
        let Some(canvas) = doc.create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok()) else { return };
        canvas.set_width((w * 2.0) as u32);
        canvas.set_height((h * 2.0) as u32);
        if let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) {
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, w * 2.0, h * 2.0);
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w * 2.0, h * 2.0);
        }
        let _ = web_sys::Url::revoke_object_url(&url);
        save_canvas(&canvas);
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&src);
}
