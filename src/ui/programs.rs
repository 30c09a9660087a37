//! The Programs panel: every program of the workspace, last changed first (open, rename,
//! duplicate, delete with undo), the open program's earlier runs, and files in and out (a .py
//! from disk, a download, the whole workspace as a .zip). And the bar above the editor that
//! names the open program.

use super::state::{page, Notice};
use crate::workspace::{Origin, Program, RunSettings};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// "3 min ago", "yesterday 14:05", … for a time in milliseconds since the epoch.
fn when(ms: f64) -> String {
    let ago = (js_sys::Date::now() - ms) / 1000.0;
    if ago < 60.0 {
        "just now".into()
    } else if ago < 3600.0 {
        format!("{} min ago", (ago / 60.0) as u32)
    } else {
        let d = js_sys::Date::new(&ms.into());
        let time = format!("{:02}:{:02}", d.get_hours(), d.get_minutes());
        if ago < 20.0 * 3600.0 {
            time
        } else {
            format!("{}-{:02}-{:02} {time}", d.get_full_year(), d.get_month() + 1, d.get_date())
        }
    }
}

/// The programs in these files (.py, .txt, or a workspace .zip), each a new program.
pub async fn add_files(files: web_sys::FileList) {
    let page = page();
    let mut incoming: Vec<Program> = Vec::new();
    for i in 0..files.length() {
        let Some(file) = files.item(i) else { continue };
        let name = file.name();
        let Ok(buffer) = JsFuture::from(file.array_buffer()).await else { continue };
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        if name.to_lowercase().ends_with(".zip") {
            match crate::browser::store::import_zip(&bytes) {
                Ok(programs) => incoming.extend(programs),
                Err(e) => page.notice.set(Notice::Error(format!("{name} could not be read as a .zip: {e:?}"))),
            }
        } else {
            match String::from_utf8(bytes) {
                Ok(text) => incoming.push(Program::new(String::new(), name, text, Origin::Own, RunSettings::default(), 0.0)),
                Err(_) => page.notice.set(Notice::Error(format!("{name} is not a text file."))),
            }
        }
    }
    let count = incoming.len();
    if let Some(last) = page.workspace.add(incoming).await {
        page.workspace.open(&last);
        page.notice.set(Notice::Info(format!("Added {count} program{} to your workspace.", if count == 1 { "" } else { "s" })));
    }
}

fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    let _ = crate::browser::download::save_bytes(name, mime, bytes);
}

/// The open program's name (rename it here) and what can be done with it.
#[component]
pub fn ProgramBar() -> impl IntoView {
    let page = page();
    let ws = page.workspace;
    let name = move || {
        let current = ws.current.get();
        ws.list.with(|l| l.iter().find(|e| Some(&e.0) == current.as_ref()).map(|e| e.1.clone())).unwrap_or_default()
    };
    let rename = move |ev: leptos::ev::Event| {
        let wanted = event_target_value(&ev);
        if let Some(id) = ws.current.get_untracked() {
            leptos::task::spawn_local(async move { ws.rename(&id, &wanted).await });
        }
    };
    let download = move |_| {
        if let Some(p) = ws.current_program() {
            // The file says its practice-API settings, so opening it again brings them back.
            let text = crate::workspace::with_api_line(
                &page.code.get_untracked(),
                &page.api.get_untracked().to_query(),
                &RunSettings::default().api,
            );
            let _ = crate::browser::download::save_text(&p.name, "text/x-python", &text);
        }
    };
    view! {
        <div class="program-bar">
            <label class="program-name-field" title="The program's name: edit it to rename">
                <span class="visually-hidden">"Program name"</span>
                <input data-testid="program-name" class="program-name" prop:value=name on:change=rename spellcheck="false" />
            </label>
            <button data-testid="download-program" title="Download this program as a .py file" on:click=download>"Download"</button>
        </div>
    }
}

#[component]
pub fn ProgramsPanel() -> impl IntoView {
    let page = page();
    let ws = page.workspace;
    let file_input = NodeRef::<leptos::html::Input>::new();
    let new_program = move |_| {
        let id = ws.create("program.py", "import asyncio\n\n", Origin::Own, RunSettings::default());
        ws.open(&id);
    };
    let export = move |_| match crate::browser::store::export_zip(&ws.all()) {
        Ok(bytes) => download_bytes("awaitlab-programs.zip", "application/zip", &bytes),
        Err(e) => page.notice.set(Notice::Error(format!("The workspace could not be exported: {e:?}"))),
    };
    let on_files = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(files) = input.files() {
            leptos::task::spawn_local(async move {
                add_files(files).await;
                input.set_value("");
            });
        }
    };
    let keeping = move || match ws.keeping.get() {
        super::workspace::Keeping::Loading => "Loading your programs…".to_string(),
        super::workspace::Keeping::Kept => {
            "Kept in this browser, on this computer. Download or export them to take them elsewhere.".to_string()
        }
        super::workspace::Keeping::NotKept(why) => format!("Not kept: {why}."),
    };
    view! {
        <details class="programs" data-testid="programs">
            <summary>{move || format!("Programs ({})", ws.list.with(Vec::len))}</summary>
            <p class="hint">{keeping}</p>
            {move || ws.deleted.get().map(|name| view! {
                <p class="notice" role="status" data-testid="deleted">{format!("Deleted {name}. ")}
                    <button class="link" data-testid="undo-delete" on:click=move |_| leptos::task::spawn_local(async move { ws.undelete().await })>"Undo"</button>
                </p>
            })}
            <div class="program-actions">
                <button data-testid="new-program" on:click=new_program>"New program"</button>
                <button data-testid="open-file" on:click=move |_| { if let Some(i) = file_input.get() { i.click(); } }
                    title="Add .py files, or a workspace .zip, from your computer (or drop them on the page)">"Open files…"</button>
                <input type="file" node_ref=file_input class="visually-hidden" data-testid="file-input" multiple
                    accept=".py,.txt,.zip,text/x-python,text/plain,application/zip" on:change=on_files />
                <button data-testid="export-zip" on:click=export title="All your programs, their settings and runs, as one .zip">"Export all (.zip)"</button>
            </div>
            <ul class="program-list">
                <For each=move || ws.list.get() key=|e| (e.0.clone(), e.1.clone(), e.2 as u64)
                    children=move |(id, name, modified, origin)| {
                        let open_id = id.clone();
                        let dup_id = id.clone();
                        let del_id = id.clone();
                        let current = {
                            let id = id.clone();
                            move || ws.current.get().as_deref() == Some(id.as_str())
                        };
                        let is_current = current.clone();
                        let from = if origin.starts_with("demo:") { "demo · " } else if origin.starts_with("link:") { "link · " } else { "" };
                        view! {
                            <li class:current=is_current>
                                <button class="program-entry" data-testid="program-entry" aria-current=move || current().then_some("true")
                                    on:click=move |_| ws.open(&open_id)>{name.clone()}</button>
                                <span class="program-when">{format!("{from}{}", when(modified))}</span>
                                <button class="small" title="Duplicate" data-testid="duplicate-program"
                                    on:click=move |_| { let id = dup_id.clone(); leptos::task::spawn_local(async move { ws.duplicate(&id).await }) }>"Copy"</button>
                                <button class="small" title="Delete (you can undo it for a moment)" data-testid="delete-program"
                                    on:click=move |_| { let id = del_id.clone(); leptos::task::spawn_local(async move { ws.delete(&id).await }) }>"Delete"</button>
                            </li>
                        }
                    } />
            </ul>
            {move || (!ws.versions.with(Vec::is_empty)).then(|| view! {
                <h3>"Earlier runs of this program"</h3>
                <ul class="versions" data-testid="versions">
                    {ws.versions.get().into_iter().map(|(at, text)| {
                        let lines = text.lines().count();
                        let label = format!("{} · {} line{}", when(at), lines, if lines == 1 { "" } else { "s" });
                        view! { <li><button class="link" data-testid="version" title="Put this text back in the editor (Ctrl+Z undoes it)"
                            on:click=move |_| page.code.set(text.clone())>{label}</button></li> }
                    }).collect_view()}
                </ul>
            })}
        </details>
    }
}
