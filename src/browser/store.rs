//! The workspace in IndexedDB, through `AwaitlabStore` (web/store/store.js: idb-keyval and
//! fflate, bundled by `cargo xtask`): programs as plain objects, embeds' edits apart, the
//! workspace as a .zip. Every call may fail (no IndexedDB, storage full): failures come back as
//! a `StoreError` the page shows, never as a panic.

use crate::workspace::{Origin, Program, RunSettings, Version};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = AwaitlabStore, js_name = open)]
    fn js_open() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = AwaitlabStore, js_name = allPrograms)]
    fn js_all_programs() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = AwaitlabStore, js_name = putProgram)]
    fn js_put_program(program: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = AwaitlabStore, js_name = getProgram)]
    fn js_get_program(id: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = AwaitlabStore, js_name = deleteProgram)]
    fn js_delete_program(id: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = AwaitlabStore, js_name = getEmbed)]
    fn js_get_embed(key: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = AwaitlabStore, js_name = putEmbed)]
    fn js_put_embed(key: &str, value: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = AwaitlabStore, js_name = deleteEmbed)]
    fn js_delete_embed(key: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = AwaitlabStore, js_name = usage)]
    fn js_usage() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = AwaitlabStore, js_name = exportZip)]
    fn js_export_zip(programs: &js_sys::Array) -> Result<js_sys::Uint8Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = AwaitlabStore, js_name = importZip)]
    fn js_import_zip(bytes: &js_sys::Uint8Array) -> Result<js_sys::Array, JsValue>;
}

/// Why the store could not do what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// The browser's storage for the site is full.
    Full,
    /// No storage here (a private window, IndexedDB disabled, the script did not load).
    Unavailable(String),
}

impl StoreError {
    fn of(e: JsValue) -> StoreError {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        if name == "QuotaExceededError" {
            return StoreError::Full;
        }
        let message =
            e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| name.clone());
        StoreError::Unavailable(message)
    }
}

async fn wait(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, StoreError> {
    JsFuture::from(promise.map_err(StoreError::of)?).await.map_err(StoreError::of)
}

fn set(obj: &js_sys::Object, key: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_default()
}

fn number(obj: &JsValue, key: &str) -> f64 {
    get(obj, key).as_f64().unwrap_or(0.0)
}

/// A program as IndexedDB keeps it (a plain object: structured clone, no serializer needed).
pub fn to_js(p: &Program) -> JsValue {
    let o = js_sys::Object::new();
    set(&o, "id", p.id.as_str());
    set(&o, "name", p.name.as_str());
    set(&o, "text", p.text.as_str());
    set(&o, "created", p.created);
    set(&o, "modified", p.modified);
    set(&o, "origin", p.origin.key());
    let s = js_sys::Object::new();
    set(&s, "api", p.settings.api.as_str());
    set(&s, "realTime", p.settings.real_time);
    set(&s, "speed", p.settings.speed);
    set(&o, "settings", s);
    let versions: js_sys::Array = p
        .versions
        .iter()
        .map(|v| {
            let vo = js_sys::Object::new();
            set(&vo, "text", v.text.as_str());
            set(&vo, "at", v.at);
            JsValue::from(vo)
        })
        .collect();
    set(&o, "versions", versions);
    o.into()
}

/// A stored program (`None` if what is stored is not one).
pub fn from_js(o: &JsValue) -> Option<Program> {
    let id = get(o, "id").as_string()?;
    let settings = get(o, "settings");
    let defaults = RunSettings::default();
    let settings = RunSettings {
        api: get(&settings, "api").as_string().unwrap_or(defaults.api),
        real_time: get(&settings, "realTime").as_bool().unwrap_or(false),
        speed: get(&settings, "speed").as_f64().filter(|s| s.is_finite() && *s > 0.0).unwrap_or(1.0),
    };
    let versions = js_sys::Array::from(&get(o, "versions"))
        .iter()
        .filter_map(|v| Some(Version { text: get(&v, "text").as_string()?, at: number(&v, "at") }))
        .collect();
    Some(Program {
        id,
        name: get(o, "name").as_string().unwrap_or_else(|| "program.py".into()),
        text: text(o, "text"),
        created: number(o, "created"),
        modified: number(o, "modified"),
        settings,
        origin: Origin::from_key(&text(o, "origin")),
        versions,
    })
}

pub async fn open() -> Result<(), StoreError> {
    wait(js_open()).await.map(|_| ())
}

pub async fn all_programs() -> Result<Vec<Program>, StoreError> {
    let list = wait(js_all_programs()).await?;
    Ok(js_sys::Array::from(&list).iter().filter_map(|o| from_js(&o)).collect())
}

pub async fn get_program(id: &str) -> Result<Option<Program>, StoreError> {
    let o = wait(js_get_program(id)).await?;
    Ok(from_js(&o))
}

pub async fn put_program(p: &Program) -> Result<(), StoreError> {
    wait(js_put_program(&to_js(p))).await.map(|_| ())
}

pub async fn delete_program(id: &str) -> Result<(), StoreError> {
    wait(js_delete_program(id)).await.map(|_| ())
}

/// An embed's edited text, by the key of the link's program.
pub async fn get_embed(key: &str) -> Result<Option<String>, StoreError> {
    Ok(wait(js_get_embed(key)).await?.as_string())
}

pub async fn put_embed(key: &str, text: &str) -> Result<(), StoreError> {
    wait(js_put_embed(key, &JsValue::from_str(text))).await.map(|_| ())
}

pub async fn delete_embed(key: &str) -> Result<(), StoreError> {
    wait(js_delete_embed(key)).await.map(|_| ())
}

/// (bytes used, bytes allowed) for the site, when the browser says.
pub async fn usage() -> Option<(f64, f64)> {
    let v = wait(js_usage()).await.ok()?;
    let a = js_sys::Array::from(&v);
    Some((a.get(0).as_f64()?, a.get(1).as_f64()?))
}

pub fn export_zip(programs: &[Program]) -> Result<Vec<u8>, StoreError> {
    let list: js_sys::Array = programs.iter().map(to_js).collect();
    js_export_zip(&list).map(|b| b.to_vec()).map_err(StoreError::of)
}

/// The programs of a .zip: with their names, settings and versions when it is an export,
/// else one per .py file (ids, times and origins for the caller to give).
pub fn import_zip(bytes: &[u8]) -> Result<Vec<Program>, StoreError> {
    let list = js_import_zip(&js_sys::Uint8Array::from(bytes)).map_err(StoreError::of)?;
    Ok(list
        .iter()
        .map(|o| {
            let mut p = from_js(&o)
                .unwrap_or_else(|| Program::new(String::new(), String::new(), String::new(), Origin::Own, RunSettings::default(), 0.0));
            if p.name.is_empty() || get(&o, "id").is_undefined() {
                p.name = text(&o, "name");
                p.text = text(&o, "text");
            }
            p
        })
        .collect())
}
