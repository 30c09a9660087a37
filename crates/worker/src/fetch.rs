//! Real HTTP for programs in real time: `fetch()` from the worker's (or page's) global scope.
//! Every failure becomes a message for the program's ClientConnectorError / ConnectionError.

use awaitlab_engine::practice_api;
use awaitlab_engine::trace::http::{HttpFailure, HttpRequest, HttpResponse, HttpResult};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(request: &web_sys::Request) -> js_sys::Promise;
}

fn js_error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "unknown error".into())
}

/// `url` made absolute against the page's address.
pub fn absolute_url(base: &str, url: &str) -> String {
    web_sys::Url::new_with_base(url, base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

pub async fn perform(base: &str, request: HttpRequest) -> HttpResult {
    let url = absolute_url(base, &request.url);
    real_fetch(&url, &request).await.map_err(|why| HttpFailure {
        message: format!(
            "the browser could not fetch {url}: {why} (the server may be unreachable, or it does not allow requests from this page: CORS)"
        ),
    })
}

async fn real_fetch(url: &str, request: &HttpRequest) -> Result<HttpResponse, String> {
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
    let response = JsFuture::from(global_fetch(&req)).await.map_err(|e| js_error_text(&e))?;
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
