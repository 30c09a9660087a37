//! How the page starts and what links do. A share link (`#code=`, `#z=`) opens its program as a
//! file of the workspace (the same link again opens the same file, with the learner's edits),
//! never replacing another, and never runs it. A link's practice-API settings belong to that
//! file only (out-of-range values are limited, and the page says so). An embed (`?embed=1`)
//! keeps its edits in a store of its own, keyed by the link's program, and never touches the
//! workspace.

use super::state::{Notice, Page};
use crate::browser::{compress, store};
use crate::share::{self, Fragment, Shared};
use crate::workspace::{self, Origin, RunSettings};
use awaitlab_engine::practice_api::Settings;
use leptos::prelude::*;

fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Drops the fragment from the address bar, so a reload opens the workspace's file (with the
/// learner's edits) rather than the link again.
fn clear_hash() {
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_default() + &w.location().search().unwrap_or_default();
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// The program a link carries, if the address has one (errors are said on the page).
async fn linked_program(page: Page) -> Option<Shared> {
    let refused =
        |why: String| page.notice.set(Notice::Error(format!("This link could not be loaded: {why}. Your programs are unchanged.")));
    match share::parse_fragment(&location_hash()) {
        Ok(Fragment::None) => None,
        Ok(Fragment::Plain(shared)) => Some(shared),
        Ok(Fragment::Compressed(bytes)) => {
            match compress::inflate(&bytes, share::MAX_SOURCE + 4096).await.and_then(|raw| share::decode_payload(&raw)) {
                Ok(shared) => Some(shared),
                Err(why) => {
                    refused(why);
                    None
                }
            }
        }
        Err(why) => {
            refused(why);
            None
        }
    }
}

/// A link's settings: the defaults where it has none, and the names of those it had out of range.
fn link_settings(shared: &Shared) -> (Settings, Vec<String>) {
    if shared.api.is_empty() {
        (Settings::default(), Vec::new())
    } else {
        Settings::from_query_noting(&shared.api)
    }
}

fn limited_note(clamped: &[String]) -> String {
    if clamped.is_empty() {
        String::new()
    } else {
        format!(" The link's practice-API settings had values out of range ({}); they were limited.", clamped.join(", "))
    }
}

/// Said when the single file (dist/awaitlab.html) opens: what works with no network, and what not.
const SINGLE_FILE_NOTE: &str =
    "Awaitlab runs from this file, with no network: the demos, the practice API and the Python library are all in it. \
     Requests to real URLs need the network, and a server that answers pages opened from a file (CORS).";

/// Starts the page: the workspace (or an embed's own store), then the link's program or the
/// program this tab had open; and later links opened in the same tab.
pub async fn start(page: Page, default: &str) {
    if page.embed {
        start_embed(page, default).await;
        page.ready.set(true);
        return;
    }
    page.workspace.load(default).await;
    if !open_link(page).await {
        if let Some(id) = page.workspace.initial() {
            page.workspace.open(&id);
        }
    }
    page.ready.set(true);
    if crate::browser::bundle::single_file() && page.notice.get_untracked() == Notice::None {
        page.notice.set(Notice::Info(SINGLE_FILE_NOTE.into()));
    }
    // A link opened in a tab that already shows Awaitlab changes only the fragment.
    let on_hash = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        leptos::task::spawn_local(async move {
            open_link(page).await;
        });
    });
    if let Some(w) = web_sys::window() {
        use wasm_bindgen::JsCast;
        let _ = w.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
    }
    on_hash.forget();
}

/// Opens the link's program as a workspace file; false when the address carries none.
async fn open_link(page: Page) -> bool {
    let Some(shared) = linked_program(page).await else { return false };
    clear_hash();
    let key = workspace::text_hash(&format!("{}\n{}", shared.api, shared.source));
    let ws = page.workspace;
    let (settings, clamped) = link_settings(&shared);
    let (id, again) = match ws.find_origin(&Origin::Link(key.clone())) {
        Some(id) => (id, true),
        None => {
            let run = RunSettings { api: settings.to_query(), ..RunSettings::default() };
            (ws.create(&workspace::link_file_name(&shared.source), &shared.source, Origin::Link(key), run), false)
        }
    };
    ws.open(&id);
    let name = ws.program(&id).map(|p| p.name).unwrap_or_default();
    let what = if again { "Opened your copy of this link's program" } else { "Opened the link's program" };
    page.notice.set(Notice::Info(format!(
        "{what} as {name} (press Run when you are ready). Your other programs are in Programs.{}",
        limited_note(&clamped)
    )));
    true
}

/// An embed: the link's program, or the learner's edits of it kept in the embeds' own store.
async fn start_embed(page: Page, default: &str) {
    let Some(shared) = linked_program(page).await else {
        page.code.set(default.to_string());
        return;
    };
    let key = workspace::text_hash(&format!("{}\n{}", shared.api, shared.source));
    let (settings, clamped) = link_settings(&shared);
    page.api.set(settings);
    let kept = match store::open().await {
        Ok(()) => store::get_embed(&key).await.ok().flatten(),
        Err(_) => None,
    };
    match kept.filter(|t| *t != shared.source) {
        Some(edited) => {
            page.code.set(edited);
            page.notice.set(Notice::Info(format!("Your edits of this program are kept here.{}", limited_note(&clamped))));
        }
        None => {
            page.code.set(shared.source.clone());
            if !clamped.is_empty() {
                page.notice.set(Notice::Info(limited_note(&clamped).trim().to_string()));
            }
        }
    }
    EMBED.with(|e| *e.borrow_mut() = Some((key, shared.source)));
}

thread_local! {
    /// An embed's key in the embeds' store and the link's original program.
    static EMBED: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

/// An embed's text changed: kept in the embeds' store (the original needs nothing kept).
pub fn embed_edited(text: &str) {
    let Some((key, original)) = EMBED.with(|e| e.borrow().clone()) else { return };
    let text = text.to_string();
    leptos::task::spawn_local(async move {
        let _ = if text == original { store::delete_embed(&key).await } else { store::put_embed(&key, &text).await };
    });
}

/// An embed goes back to its link's program.
pub fn embed_original() -> Option<String> {
    EMBED.with(|e| e.borrow().as_ref().map(|(_, original)| original.clone()))
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
