//! The engine's Python library, fetched from the site as programs need it: before a run, every
//! `lib/` file the program imports (and those files import) that this worker has not fetched
//! yet, all at once. `library.json` (written by `cargo xtask dist`) names each file with its
//! content hash; the service worker keeps what was fetched, so an import works offline after
//! one use. A file that cannot be fetched stays missing: its import raises ModuleNotFoundError.
//!
//! What a `lib/` file imports inside its functions is not fetched before: the engine asks for it
//! when the import runs (`load_now`), with a synchronous request, as CPython reads a file from
//! disk. A worker may block on one; the page stays free.

use awaitlab_engine::{library_files_missing, Library};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The files fetched by this worker (they do not change while it lives).
    static FETCHED: RefCell<Library> = RefCell::new(Library::default());
    /// `library.json`: file name → its path under the site, once read.
    static PATHS: RefCell<Option<HashMap<String, String>>> = const { RefCell::new(None) };
    /// The site the library is fetched from (the last run's).
    static SITE: RefCell<String> = const { RefCell::new(String::new()) };
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(request: &web_sys::Request) -> js_sys::Promise;
}

/// The text at `url`, if it was fetched with a 200.
async fn fetch_text(url: &str, revalidate: bool) -> Option<String> {
    let init = web_sys::RequestInit::new();
    if revalidate {
        init.set_cache(web_sys::RequestCache::NoCache);
    }
    let request = web_sys::Request::new_with_str_and_init(url, &init).ok()?;
    let response: web_sys::Response = JsFuture::from(global_fetch(&request)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// The text at `path` under the site, fetched synchronously. The single-file build's worker
/// carries the library and answers from it (`awaitlabLibraryFile`, web/single-file/bootstrap.js).
fn fetch_text_now(site: &str, path: &str, revalidate: bool) -> Option<String> {
    let global = js_sys::global();
    let inlined = js_sys::Reflect::get(&global, &JsValue::from_str("awaitlabLibraryFile")).ok()?;
    if let Some(inlined) = inlined.dyn_ref::<js_sys::Function>() {
        return inlined.call1(&global, &JsValue::from_str(path)).ok()?.as_string();
    }
    let request = web_sys::XmlHttpRequest::new().ok()?;
    request.open_with_async("GET", &crate::fetch::absolute_url(site, path), false).ok()?;
    if revalidate {
        request.set_request_header("Cache-Control", "no-cache").ok()?;
    }
    request.send().ok()?;
    if request.status().ok()? != 200 {
        return None;
    }
    request.response_text().ok()?
}

/// `library.json`'s map, read once per worker (again after a failure).
async fn paths(base: &str) -> Option<HashMap<String, String>> {
    if let Some(paths) = PATHS.with(|p| p.borrow().clone()) {
        return Some(paths);
    }
    let text = fetch_text(&crate::fetch::absolute_url(base, "library.json"), true).await?;
    remember_paths(&text)
}

/// `library.json`'s map, read now if it has not been.
fn paths_now(site: &str) -> Option<HashMap<String, String>> {
    if let Some(paths) = PATHS.with(|p| p.borrow().clone()) {
        return Some(paths);
    }
    remember_paths(&fetch_text_now(site, "library.json", true)?)
}

fn remember_paths(text: &str) -> Option<HashMap<String, String>> {
    let json = js_sys::JSON::parse(text).ok()?;
    let mut paths = HashMap::new();
    let keys: js_sys::Array = js_sys::Reflect::own_keys(&json).ok()?;
    for i in 0..keys.length() {
        let key = keys.get(i);
        let value = js_sys::Reflect::get(&json, &key).ok()?;
        paths.insert(key.as_string()?, value.as_string()?);
    }
    PATHS.with(|p| *p.borrow_mut() = Some(paths.clone()));
    Some(paths)
}

/// A file a run imports that was not fetched before it: fetched now, and kept for later runs.
fn load_now(file: &str) -> Option<String> {
    let site = SITE.with(|s| s.borrow().clone());
    let path = paths_now(&site)?.get(file)?.clone();
    let text = fetch_text_now(&site, &path, false)?;
    FETCHED.with(|f| f.borrow_mut().insert(file, &text));
    Some(text)
}

/// Every library file `program` may import, fetched (what could not be is left out); what the
/// library's own functions import comes when they run (`load_now`).
pub async fn for_program(base: &str, program: &str) -> Library {
    SITE.with(|s| *s.borrow_mut() = base.to_string());
    // Each file is asked for once: what failed stays missing, and the loop ends whatever the
    // engine says is missing.
    let mut asked = HashSet::new();
    loop {
        let mut have = FETCHED.with(|f| f.borrow().clone());
        have.set_loader(load_now);
        let wanted: Vec<String> = library_files_missing(program, &have).into_iter().filter(|f| asked.insert(f.clone())).collect();
        if wanted.is_empty() {
            return have;
        }
        let Some(paths) = paths(base).await else { return have };
        // Every request starts before the first is awaited.
        let pending: Vec<(String, Option<js_sys::Promise>)> = wanted
            .into_iter()
            .map(|file| {
                let promise = paths.get(&file).map(|path| {
                    let url = crate::fetch::absolute_url(base, path);
                    wasm_bindgen_futures::future_to_promise(async move {
                        Ok(fetch_text(&url, false).await.map(JsValue::from).unwrap_or(JsValue::NULL))
                    })
                });
                (file, promise)
            })
            .collect();
        for (file, promise) in pending {
            let text = match promise {
                Some(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
                None => None,
            };
            if let Some(text) = text {
                FETCHED.with(|f| f.borrow_mut().insert(&file, &text));
            }
        }
    }
}
