//! Real HTTP for programs in real-time mode: `fetch()` through web-sys. Requests to the
//! practice API go through the service worker when it controls the page, else straight to the
//! in-page server. Every failure becomes a message for the program's ClientConnectorError.

use super::practice::{api, relayed_by_service_worker};
use awaitlab_engine::practice_api;
use awaitlab_engine::trace::http::{is_practice_api, HttpFailure, HttpRequest, HttpResponse, HttpResult};
use awaitlab_engine::{practice_request, practice_response};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A program's URL made absolute: `/api/...` is the practice API beside the page (under the
/// page's folder, so the site works from any path of any static host).
pub fn absolute_url(url: &str) -> String {
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let relative = if is_practice_api(url) { format!(".{url}") } else { url.to_string() };
    web_sys::Url::new_with_base(&relative, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

pub async fn perform(request: HttpRequest) -> HttpResult {
    if is_practice_api(&request.url) && !relayed_by_service_worker() {
        let reply = api().answer(&practice_request(&request)).await;
        return Ok(practice_response(reply, absolute_url(&request.url)));
    }
    let url = absolute_url(&request.url);
    real_fetch(&url, &request).await.map_err(|why| HttpFailure {
        message: format!(
            "the browser could not fetch {url}: {why} (the server may be unreachable, or it does not allow requests from this page: CORS)"
        ),
    })
}

fn js_error_text(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "unknown error".into())
}

async fn real_fetch(url: &str, request: &HttpRequest) -> Result<HttpResponse, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_method(&request.method);
    let headers = web_sys::Headers::new().map_err(|e| js_error_text(&e))?;
    for (k, v) in &request.headers {
        headers.append(k, v).map_err(|e| js_error_text(&e))?;
    }
    init.set_headers(&headers);
    if !request.body.is_empty() && request.method != "GET" && request.method != "HEAD" {
        init.set_body(&js_sys::Uint8Array::from(request.body.as_slice()));
    }
    let req = web_sys::Request::new_with_str_and_init(url, &init).map_err(|e| js_error_text(&e))?;
    let response = JsFuture::from(window.fetch_with_request(&req)).await.map_err(|e| js_error_text(&e))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    let mut pairs = vec![];
    if let Ok(Some(iter)) = js_sys::try_iter(&response.headers()) {
        for entry in iter.flatten() {
            let entry = js_sys::Array::from(&entry);
            if let (Some(k), Some(v)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
                pairs.push((k, v));
            }
        }
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| js_error_text(&e))?).await.map_err(|e| js_error_text(&e))?;
    let body = js_sys::Uint8Array::new(&buffer).to_vec();
    let status = response.status();
    let reason = match response.status_text() {
        t if t.is_empty() => practice_api::reason(status).to_string(),
        t => t,
    };
    Ok(HttpResponse { status, reason, headers: pairs, body, url: response.url() })
}
