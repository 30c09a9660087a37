//! The files of a single-file build (`cargo xtask dist --single-file`): its bootstrap
//! (web/single-file/bootstrap.js) defines `window.AwaitlabBundle`, which gives `blob:` URLs for
//! the modules the build inlined (the engine's worker, the Rust twins) where the site would give
//! a path beside the page. A page opened from file:// may start only classic workers from
//! `blob:` URLs, so a bundled worker is classic (it loads its own modules).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "
export function bundledWorker(path) { const b = globalThis.AwaitlabBundle; return b ? b.workerUrl(path) : undefined; }
export function bundledModule(path) { const b = globalThis.AwaitlabBundle; return b ? b.moduleUrl(path) : undefined; }
export function isBundled() { return globalThis.AwaitlabBundle !== undefined; }
")]
extern "C" {
    /// The script of the module worker at `path` as a classic worker's, if this page carries it.
    #[wasm_bindgen(js_name = bundledWorker)]
    pub fn classic_worker(path: &str) -> Option<String>;
    #[wasm_bindgen(js_name = bundledModule)]
    fn bundled_module(path: &str) -> Option<String>;
    /// This page is the single-file build.
    #[wasm_bindgen(js_name = isBundled)]
    pub fn single_file() -> bool;
}

/// Where to import the module at `path` from: its inlined copy, else the path itself.
pub fn module(path: &str) -> String {
    bundled_module(path).unwrap_or_else(|| path.to_string())
}
