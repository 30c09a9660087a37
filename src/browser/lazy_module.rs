//! Loads a wasm-bindgen module (`--target web`) that the site carries beside the page, the first
//! time it is needed: a dynamic `import()`, then the module's own initialisation.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "export function importModule(url) { return import(url); }")]
extern "C" {
    #[wasm_bindgen(js_name = importModule)]
    fn import_module(url: &str) -> js_sys::Promise;
}

/// The module at `path` (relative to the page), initialised: its exports by name.
pub async fn load(path: &str) -> Result<js_sys::Object, String> {
    // An import() resolves against the script that calls it; the path is the page's.
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let url =
        web_sys::Url::new_with_base(&super::bundle::module(path), &base).map(|u| u.href()).map_err(|_| format!("{path} is not a URL"))?;
    let failed = |e: JsValue| {
        let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_default();
        format!("could not load {path}: {why}")
    };
    let module: js_sys::Object = JsFuture::from(import_module(&url)).await.map_err(failed)?.unchecked_into();
    let init: js_sys::Function = js_sys::Reflect::get(&module, &"default".into()).map_err(failed)?.dyn_into().map_err(failed)?;
    let started: js_sys::Promise = init.call0(&JsValue::NULL).map_err(failed)?.dyn_into().map_err(failed)?;
    JsFuture::from(started).await.map_err(failed)?;
    Ok(module)
}

/// The exported function `name` of a loaded module.
pub fn function(module: &js_sys::Object, name: &str) -> Result<js_sys::Function, String> {
    js_sys::Reflect::get(module, &name.into()).ok().and_then(|f| f.dyn_into().ok()).ok_or_else(|| format!("the module has no {name}()"))
}
