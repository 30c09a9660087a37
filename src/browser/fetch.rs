//! HTTP the page performs: for the Rust twins, and for the engine's worker when it asks the page.
//! Requests to the practice API go through the service worker when it controls the page, else
//! straight to the in-page server; everything else is the worker crate's `fetch()`.

use super::practice::{api, relayed_by_service_worker};
use awaitlab_engine::trace::http::{is_practice_api, HttpRequest, HttpResult};
use awaitlab_engine::{practice_request, practice_response};

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
    // The real fetch() is the worker's own (it runs in any global scope): the page only
    // decides where `/api/...` goes and makes the URL absolute against its folder.
    let url = absolute_url(&request.url);
    awaitlab_worker::fetch::perform(&url, HttpRequest { url: url.clone(), ..request }).await
}
