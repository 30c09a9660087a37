//! The program editor: CodeMirror 6 (web/editor/editor.js, bundled by `cargo xtask` into the
//! global `AwaitlabEditor`) in a Leptos component. If that script did not load, a plain textarea
//! takes its place, so the page still edits and runs programs.

use awaitlab_engine::trace::ErrorSpot;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type EditorHandle;

    #[wasm_bindgen(catch, js_namespace = AwaitlabEditor, js_name = mount)]
    fn mount_editor(
        parent: &web_sys::Element,
        doc: &str,
        on_change: &js_sys::Function,
        on_run: &js_sys::Function,
        on_cursor_line: &js_sys::Function,
    ) -> Result<EditorHandle, JsValue>;

    #[wasm_bindgen(catch, js_namespace = AwaitlabEditor, js_name = showRust)]
    fn show_rust(parent: &web_sys::Element, doc: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method)]
    fn text(this: &EditorHandle) -> String;
    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &EditorHandle, text: &str);
    #[wasm_bindgen(method, js_name = showLine)]
    fn show_line(this: &EditorHandle, line: u32);
    #[wasm_bindgen(method, js_name = markError)]
    fn mark_error(this: &EditorHandle, line: u32, col: u32, end_col: u32, message: &str);
    #[wasm_bindgen(method, js_name = clearError)]
    fn clear_error(this: &EditorHandle);
    #[wasm_bindgen(method, js_name = markTasks)]
    fn js_mark_tasks(this: &EditorHandle, marks: &js_sys::Array);
    #[wasm_bindgen(method, js_name = setLargeType)]
    fn set_large_type(this: &EditorHandle, on: bool);
    #[wasm_bindgen(method, js_name = switchTo)]
    fn js_switch_to(this: &EditorHandle, key: &str, text: &str);
}

thread_local! {
    /// The page has one editor; the console, the timeline and the error marker reach it here.
    static EDITOR: RefCell<Option<EditorHandle>> = const { RefCell::new(None) };
}

fn with_editor<R>(f: impl FnOnce(&EditorHandle) -> R) -> Option<R> {
    EDITOR.with(|e| e.borrow().as_ref().map(f))
}

/// Selects line `n` (1-based) in the editor, scrolls it into view and focuses it.
pub fn show_line(n: u32) {
    if with_editor(|e| e.show_line(n)).is_none() {
        textarea_show_line(n);
    }
}

/// The loop inspector's marks in the editor: at each line, the tasks suspended there (or
/// running, `true`), by name. An empty list clears them.
pub fn mark_tasks(marks: &[(u32, String, bool)]) {
    let list = js_sys::Array::new();
    for (line, label, running) in marks {
        let m = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&m, &"line".into(), &(*line).into());
        let _ = js_sys::Reflect::set(&m, &"label".into(), &label.as_str().into());
        let _ = js_sys::Reflect::set(&m, &"running".into(), &(*running).into());
        list.push(&m);
    }
    with_editor(|e| e.js_mark_tasks(&list));
}

/// Marks where the run failed (the line, the failing part of it, and the message).
pub fn mark_error(spot: &ErrorSpot) {
    with_editor(|e| e.mark_error(spot.line, spot.col, spot.end_col, &spot.message));
}

pub fn clear_error() {
    with_editor(|e| e.clear_error());
}

/// Opens program `key` in the editor with `text`, keeping each program's undo history while
/// the page is open (the text area fallback just takes the text).
pub fn switch_to(key: &str, text: &str) {
    with_editor(|e| e.js_switch_to(key, text));
}

/// Projector mode: the editor's type large or normal.
pub fn set_large_type(on: bool) {
    with_editor(|e| e.set_large_type(on));
}

/// Shows Rust source, read-only and highlighted, in `parent` (plain text if the editor script
/// did not load).
pub fn show_rust_source(parent: &web_sys::Element, source: &str) {
    if show_rust(parent, source).is_err() {
        if let Some(pre) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("pre").ok()) {
            pre.set_text_content(Some(source));
            let _ = parent.append_child(&pre);
        }
    }
}

#[component]
pub fn CodeEditor<R>(
    code: ReadSignal<String>,
    set_code: WriteSignal<String>,
    /// Run (Ctrl/Cmd+Enter in the editor).
    on_run: R,
    /// The line the cursor is on (the timeline highlights that line's segments).
    set_cursor_line: WriteSignal<Option<u32>>,
) -> impl IntoView
where
    R: Fn() + Clone + 'static,
{
    let host = NodeRef::<leptos::html::Div>::new();
    let (fallback, set_fallback) = signal(false);
    let on_run_key = on_run.clone();
    // Reactive view closures must be Send; the run closure is not (it holds the Stop flag).
    let on_run_stored = StoredValue::new_local(on_run);
    Effect::new(move |mounted: Option<bool>| {
        if mounted == Some(true) {
            return true;
        }
        let Some(parent) = host.get() else { return false };
        // The callbacks live as long as the page's one editor.
        let on_change = Closure::<dyn Fn(String)>::new(move |text: String| set_code.set(text));
        let on_key_run = Closure::<dyn Fn()>::new(on_run_key.clone());
        let on_cursor = Closure::<dyn Fn(u32)>::new(move |line: u32| set_cursor_line.set(Some(line)));
        match mount_editor(
            &parent,
            &code.get_untracked(),
            on_change.as_ref().unchecked_ref(),
            on_key_run.as_ref().unchecked_ref(),
            on_cursor.as_ref().unchecked_ref(),
        ) {
            Ok(handle) => {
                on_change.forget();
                on_key_run.forget();
                on_cursor.forget();
                EDITOR.with(|e| *e.borrow_mut() = Some(handle));
            }
            Err(why) => {
                web_sys::console::warn_2(&"Awaitlab: the code editor did not load; using a plain text box.".into(), &why);
                set_fallback.set(true);
            }
        }
        true
    });
    // A program set from outside (a demo, a link, a restore) replaces the editor's text; the
    // editor's own edits come back equal and change nothing.
    Effect::new(move |_| {
        let text = code.get();
        with_editor(|e| {
            if e.text() != text {
                e.set_text(&text);
            }
        });
    });
    view! {
        <div class="code-editor" node_ref=host></div>
        {move || fallback.get().then(|| {
            view! {
            <textarea data-testid="editor" class="editor" spellcheck="false" aria-label="Python program"
                prop:value=code
                on:input=move |ev| set_code.set(event_target_value(&ev))
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                        ev.prevent_default();
                        on_run_stored.with_value(|run| run());
                    }
                }
            ></textarea>
        }})}
    }
}

/// The fallback textarea's version of `show_line`.
fn textarea_show_line(n: u32) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(el) = doc.query_selector("textarea[data-testid=editor]").ok().flatten() else { return };
    let Ok(area) = el.dyn_into::<web_sys::HtmlTextAreaElement>() else { return };
    let text = area.value();
    // Offsets in UTF-16 units, as the textarea counts them.
    let mut start = 0u32;
    for (i, line) in text.split('\n').enumerate() {
        let len = line.encode_utf16().count() as u32;
        if i + 1 == n as usize {
            let _ = area.focus();
            let _ = area.set_selection_range(start, start + len);
            return;
        }
        start += len + 1;
    }
}
