//! What the page remembers: the program and settings autosaved on every change, share links
//! loaded at start (never run), and the previous program kept when a link replaces it.

use crate::browser::{compress, storage};
use crate::share::{self, Fragment, Shared};
use awaitlab_engine::practice_api::Settings;
use leptos::prelude::*;

pub const PROGRAM_KEY: &str = "awaitlab.program";
pub const API_KEY: &str = "awaitlab.api";
pub const PREVIOUS_KEY: &str = "awaitlab.previous";

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    None,
    Info(String),
    /// A link replaced the editor's program; the previous one can come back.
    LoadedLink,
    /// A demo replaced the learner's own program, which can come back.
    LoadedDemo,
    Error(String),
}

fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Drops the fragment from the address bar, so a reload restores the autosave (with the
/// learner's edits) instead of the link's original program.
fn clear_hash() {
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_default() + &w.location().search().unwrap_or_default();
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// Fills the editor at start: a share link if there is one, else the autosaved program, else
/// `default`. A bad link leaves the autosaved program in place and says why.
pub fn restore(default: &str, set_code: WriteSignal<String>, set_api: WriteSignal<Settings>, set_notice: WriteSignal<Notice>) {
    let saved = storage::load(PROGRAM_KEY);
    set_code.set(saved.clone().unwrap_or_else(|| default.to_string()));
    if let Some(api) = storage::load(API_KEY) {
        set_api.set(Settings::from_query(&api));
    }
    apply_fragment(saved, set_code, set_api, set_notice);
    // A link opened in a tab that already shows Awaitlab changes only the fragment: no reload.
    let on_hash = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        apply_fragment(storage::load(PROGRAM_KEY), set_code, set_api, set_notice);
    });
    if let Some(w) = web_sys::window() {
        use wasm_bindgen::JsCast;
        let _ = w.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
    }
    on_hash.forget();
}

fn apply_fragment(saved: Option<String>, set_code: WriteSignal<String>, set_api: WriteSignal<Settings>, set_notice: WriteSignal<Notice>) {
    let adopt = move |shared: Shared| {
        if let Some(prev) = saved.as_ref().filter(|p| **p != shared.source) {
            storage::save(PREVIOUS_KEY, prev);
            set_notice.set(Notice::LoadedLink);
        } else {
            set_notice.set(Notice::Info("Loaded the program from the link. Press Run when you are ready.".into()));
        }
        set_code.set(shared.source);
        if !shared.api.is_empty() {
            set_api.set(Settings::from_query(&shared.api));
        }
        clear_hash();
    };
    match share::parse_fragment(&location_hash()) {
        Ok(Fragment::None) => {}
        Ok(Fragment::Plain(shared)) => adopt(shared),
        Ok(Fragment::Compressed(bytes)) => {
            leptos::task::spawn_local(async move {
                let decoded = compress::inflate(&bytes, share::MAX_SOURCE + 4096).await.and_then(|raw| share::decode_payload(&raw));
                match decoded {
                    Ok(shared) => adopt(shared),
                    Err(why) => {
                        set_notice.set(Notice::Error(format!("This link could not be loaded: {why}. Your own program is unchanged.")))
                    }
                }
            });
        }
        Err(why) => set_notice.set(Notice::Error(format!("This link could not be loaded: {why}. Your own program is unchanged."))),
    }
}

/// A link that carries `source` and the API settings, compressed.
pub async fn make_link(source: &str, api: &Settings) -> Result<String, String> {
    let payload = share::encode_payload(&Shared { source: source.to_string(), api: api.to_query() });
    let packed = compress::deflate(payload.as_bytes()).await?;
    let w = web_sys::window().ok_or("no window")?;
    let base = w.location().href().map_err(|_| "no address")?;
    let base = base.split('#').next().unwrap_or_default().to_string();
    Ok(format!("{base}#z={}", share::base64url_encode(&packed)))
}
