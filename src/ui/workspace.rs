//! The workspace on the page: the learner's programs (kept in IndexedDB by `browser::store`),
//! which one is open, saving as the learner types, and the Programs panel (open, rename,
//! duplicate, delete with undo, runs' versions, files in and out). Tabs keep each other up to
//! date through a BroadcastChannel: the same program changed in another tab is never silently
//! overwritten.

use super::state::{page, Notice, Page};
use crate::browser::store::{self, StoreError};
use crate::workspace::{self as model, Origin, Program, RunSettings};
use awaitlab_engine::practice_api::Settings;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A save waits this long for more typing.
const SAVE_DELAY_MS: i32 = 250;
/// A deleted program can come back for this long.
const UNDO_MS: u32 = 10_000;
/// The tab's open program (each tab its own), and the last one opened in any tab.
const TAB_KEY: &str = "awaitlab.open";
const LAST_KEY: &str = "awaitlab.last";
/// A change not yet in IndexedDB, written synchronously (a tab closed or reloaded within the
/// save delay cannot wait for IndexedDB); one key per tab, read back at the next load.
const JOURNAL_PREFIX: &str = "awaitlab.unsaved.";

/// Whether programs are being kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Keeping {
    Loading,
    Kept,
    /// Nothing is saved here: why (the page says so before anything is lost).
    NotKept(String),
}

struct Inner {
    programs: Vec<Program>,
    /// The pending save's timer.
    save_timer: Option<i32>,
    channel: Option<web_sys::BroadcastChannel>,
    tab: String,
}

/// The workspace's state: a handle (`Copy`) to signals and the programs.
#[derive(Clone, Copy)]
pub struct Workspace {
    /// (id, name, last change, origin key) of every program, last changed first: the panel.
    pub list: RwSignal<Vec<(String, String, f64, String)>>,
    pub current: RwSignal<Option<String>>,
    pub keeping: RwSignal<Keeping>,
    /// The program just deleted, while it can come back.
    pub deleted: RwSignal<Option<String>>,
    /// The open program's runs (time, text), newest first.
    pub versions: RwSignal<Vec<(f64, String)>>,
    inner: StoredValue<Rc<RefCell<Inner>>, LocalStorage>,
    trash: StoredValue<Option<Program>, LocalStorage>,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn new_id() -> String {
    let random = js_sys::Math::random();
    format!("p{:x}{:08x}", now_ms() as u64, (random * u32::MAX as f64) as u32)
}

impl Default for Workspace {
    fn default() -> Self {
        Self::new()
    }
}

impl Workspace {
    pub fn new() -> Workspace {
        let inner = Inner { programs: Vec::new(), save_timer: None, channel: None, tab: new_id() };
        Workspace {
            list: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            keeping: RwSignal::new(Keeping::Loading),
            deleted: RwSignal::new(None),
            versions: RwSignal::new(Vec::new()),
            inner: StoredValue::new_local(Rc::new(RefCell::new(inner))),
            trash: StoredValue::new_local(None),
        }
    }

    fn with<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        let inner = self.inner.get_value();
        let mut guard = inner.borrow_mut();
        f(&mut guard)
    }

    fn refresh_list(&self) {
        let mut programs = self.with(|i| i.programs.clone());
        model::by_last_change(&mut programs);
        self.list.set(programs.iter().map(|p| (p.id.clone(), p.name.clone(), p.modified, p.origin.key())).collect());
        self.refresh_versions();
    }

    fn refresh_versions(&self) {
        let versions =
            self.current_program().map(|p| p.versions.iter().rev().map(|v| (v.at, v.text.clone())).collect()).unwrap_or_default();
        self.versions.set(versions);
    }

    pub fn program(&self, id: &str) -> Option<Program> {
        self.with(|i| i.programs.iter().find(|p| p.id == id).cloned())
    }

    pub fn current_program(&self) -> Option<Program> {
        let id = self.current.get_untracked()?;
        self.program(&id)
    }

    fn names(&self) -> Vec<String> {
        self.with(|i| i.programs.iter().map(|p| p.name.clone()).collect())
    }

    /// Loads the workspace (migrating the single program older versions kept in
    /// localStorage), then opens the program this tab had open, or the last one opened.
    pub async fn load(&self, default: &str) {
        let page = page();
        match store::open().await.and(store::all_programs().await) {
            Ok(programs) => {
                self.with(|i| i.programs = programs);
                self.keeping.set(Keeping::Kept);
                self.replay_journals().await;
                self.listen_to_other_tabs();
            }
            Err(e) => {
                let why = match e {
                    StoreError::Full => "the browser's storage for this site is full".to_string(),
                    StoreError::Unavailable(why) => format!("this browser keeps no storage here ({why})"),
                };
                self.keeping.set(Keeping::NotKept(why.clone()));
                page.notice.set(Notice::Error(format!(
                    "Your programs are not being saved: {why}. Download a program (or the workspace as a .zip) before you leave."
                )));
            }
        }
        if self.with(|i| i.programs.is_empty()) {
            self.migrate_local_storage(default).await;
        }
        self.refresh_list();
    }

    /// The program the tab should open when no link asks for another.
    pub fn initial(&self) -> Option<String> {
        let known = |id: String| self.program(&id).map(|p| p.id);
        session_storage()
            .and_then(|s| s.get_item(TAB_KEY).ok().flatten())
            .and_then(known)
            .or_else(|| crate::browser::storage::load(LAST_KEY).and_then(known))
            .or_else(|| self.list.get_untracked().first().map(|e| e.0.clone()))
    }

    /// The programs kept by earlier versions of the page (one in localStorage, and the one a
    /// link or demo had replaced), or the default program.
    async fn migrate_local_storage(&self, default: &str) {
        let settings = RunSettings {
            api: crate::browser::storage::load("awaitlab.api").unwrap_or_else(|| Settings::default().to_query()),
            ..RunSettings::default()
        };
        let mut found = false;
        for (key, name) in [("awaitlab.program", "my-program.py"), ("awaitlab.previous", "my-earlier-program.py")] {
            if let Some(text) = crate::browser::storage::load(key).filter(|t| !t.trim().is_empty()) {
                if !crate::demos::all().iter().any(|d| d.source == text || d.code == text) {
                    self.create(name, &text, Origin::Own, settings.clone());
                    found = true;
                }
            }
        }
        if !found {
            self.create("meow.py", default, Origin::Own, RunSettings::default());
        }
    }

    /// Makes a program (with a name no other has) and starts saving it; returns its id. At
    /// once: what opens it shows it in the same frame, not after the store answers.
    pub fn create(&self, name: &str, text: &str, origin: Origin, mut settings: RunSettings) -> String {
        // A program that says its practice-API settings (a demo's code with its header, a
        // downloaded file) brings them along.
        if let Some(line) = model::api_line(text).filter(|_| settings.api == RunSettings::default().api) {
            settings.api = Settings::from_query(line).to_query();
        }
        let names = self.names();
        let name = model::unique_name(name, names.iter().map(String::as_str));
        let program = Program::new(new_id(), name, text.to_string(), origin, settings, now_ms());
        let id = program.id.clone();
        self.with(|i| i.programs.push(program));
        self.refresh_list();
        let (this, saving) = (*self, id.clone());
        leptos::task::spawn_local(async move { this.save_now(&saving).await });
        id
    }

    /// The program that came from `origin`, if there is one.
    pub fn find_origin(&self, origin: &Origin) -> Option<String> {
        self.with(|i| {
            i.programs.iter().filter(|p| &p.origin == origin).max_by(|a, b| a.modified.total_cmp(&b.modified)).map(|p| p.id.clone())
        })
    }

    /// Opens a program: its text in the editor (with its own undo history), its settings.
    pub fn open(&self, id: &str) {
        let Some(program) = self.program(id) else { return };
        self.flush();
        let page = page();
        self.current.set(Some(program.id.clone()));
        super::editor::switch_to(&program.id, &program.text);
        page.api_line_seen.set_value(model::api_line(&program.text).map(str::to_string));
        page.code.set(program.text.clone());
        page.api.set(Settings::from_query(&program.settings.api));
        page.real_time.set(program.settings.real_time);
        page.speed.set(program.settings.speed);
        page.demo.set(match &program.origin {
            Origin::Demo(id) => crate::demos::all().into_iter().find(|d| d.id == id),
            _ => None,
        });
        if let Some(s) = session_storage() {
            let _ = s.set_item(TAB_KEY, &program.id);
        }
        crate::browser::storage::save(LAST_KEY, &program.id);
        // What was said about the program before (it changed elsewhere, a link or setting it
        // brought) is not about this one; an error (storage full) still holds.
        if matches!(page.notice.get_untracked(), Notice::ChangedElsewhere | Notice::Info(_)) {
            page.notice.set(Notice::None);
        }
        self.refresh_versions();
    }

    /// The open program changed in the page (typing, settings): saved shortly.
    pub fn edited(&self, page: &Page) {
        let Some(id) = self.current.get_untracked() else { return };
        let text = page.code.get_untracked();
        let settings = RunSettings {
            api: page.api.get_untracked().to_query(),
            real_time: page.real_time.get_untracked(),
            speed: page.speed.get_untracked(),
        };
        let changed = self.with(|i| match i.programs.iter_mut().find(|p| p.id == id) {
            Some(p) if p.text != text || p.settings != settings => {
                p.text = text;
                p.settings = settings;
                p.modified = now_ms();
                true
            }
            _ => false,
        });
        if changed {
            self.journal(&id);
            self.schedule_save(id);
        }
    }

    fn journal_key(&self) -> String {
        format!("{JOURNAL_PREFIX}{}", self.with(|i| i.tab.clone()))
    }

    /// Writes the program to this tab's journal at once.
    fn journal(&self, id: &str) {
        if let Some(json) = self.program(id).and_then(|p| js_sys::JSON::stringify(&store::to_js(&p)).ok()).and_then(|j| j.as_string()) {
            crate::browser::storage::save(&self.journal_key(), &json);
        }
    }

    /// The journal holds nothing newer than what IndexedDB now has.
    fn clear_journal(&self, id: &str, modified: f64) {
        let key = self.journal_key();
        let saved = crate::browser::storage::load(&key)
            .and_then(|j| js_sys::JSON::parse(&j).ok())
            .and_then(|v| store::from_js(&v))
            .is_some_and(|p| p.id == id && p.modified <= modified);
        if saved {
            crate::browser::storage::remove(&key);
        }
    }

    /// Changes that tabs wrote to their journals but not to IndexedDB (the tab went away
    /// first): each is newer than the stored program, or a program never stored.
    async fn replay_journals(&self) {
        let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else { return };
        let keys: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(JOURNAL_PREFIX))
            .collect();
        for key in keys {
            let unsaved = storage.get_item(&key).ok().flatten().and_then(|j| js_sys::JSON::parse(&j).ok()).and_then(|v| store::from_js(&v));
            let _ = storage.remove_item(&key);
            let Some(unsaved) = unsaved else { continue };
            let newer = self.with(|i| match i.programs.iter_mut().find(|p| p.id == unsaved.id) {
                Some(p) if p.modified >= unsaved.modified => false,
                Some(p) => {
                    *p = unsaved.clone();
                    true
                }
                None => {
                    i.programs.push(unsaved.clone());
                    true
                }
            });
            if newer {
                self.save_now(&unsaved.id).await;
            }
        }
    }

    fn schedule_save(&self, id: String) {
        let this = *self;
        if let Some(old) = self.with(|i| i.save_timer.take()) {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(old);
            }
        }
        let cb = Closure::once_into_js(move || {
            this.with(|i| i.save_timer = None);
            leptos::task::spawn_local(async move {
                this.save_now(&id).await;
                this.refresh_list();
            });
        });
        let handle =
            web_sys::window().and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), SAVE_DELAY_MS).ok());
        self.with(|i| i.save_timer = handle);
    }

    /// Saves a pending change now (before the page is left, before another program opens).
    pub fn flush(&self) {
        let Some(timer) = self.with(|i| i.save_timer.take()) else { return };
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(timer);
        }
        if let Some(id) = self.current.get_untracked() {
            let this = *self;
            leptos::task::spawn_local(async move { this.save_now(&id).await });
        }
    }

    async fn save_now(&self, id: &str) {
        let Some(program) = self.program(id) else { return };
        if self.keeping.get_untracked() != Keeping::Kept {
            return;
        }
        match store::put_program(&program).await {
            Ok(()) => {
                self.clear_journal(id, program.modified);
                self.tell_other_tabs(id, program.modified);
                let page = page();
                if matches!(page.notice.get_untracked(), Notice::Error(ref e) if e.starts_with("Not saved")) {
                    page.notice.set(Notice::None);
                }
            }
            Err(StoreError::Full) => {
                let (used, quota) = store::usage().await.unwrap_or((0.0, 0.0));
                let size = program.text.len() as f64 / 1024.0;
                page().notice.set(Notice::Error(format!(
                    "Not saved: the browser's storage for this site is full ({:.1} MB used of {:.1} MB), so {} ({size:.0} KB) is not kept. It stays open here and still runs; download it, or delete programs you no longer need.",
                    used / 1e6,
                    quota / 1e6,
                    program.name
                )));
            }
            Err(StoreError::Unavailable(why)) => {
                page()
                    .notice
                    .set(Notice::Error(format!("Not saved: {} could not be kept ({why}). Download it before you leave.", program.name)));
            }
        }
    }

    /// A run of the open program: its text joins the program's versions.
    pub fn record_run(&self) {
        let Some(id) = self.current.get_untracked() else { return };
        let page = page();
        self.edited(&page);
        self.with(|i| {
            if let Some(p) = i.programs.iter_mut().find(|p| p.id == id) {
                p.record_run(now_ms());
            }
        });
        self.journal(&id);
        self.schedule_save(id);
        self.refresh_versions();
    }

    pub async fn rename(&self, id: &str, name: &str) {
        let others: Vec<String> = self.with(|i| i.programs.iter().filter(|p| p.id != id).map(|p| p.name.clone()).collect());
        let name = model::unique_name(name, others.iter().map(String::as_str));
        self.with(|i| {
            if let Some(p) = i.programs.iter_mut().find(|p| p.id == id) {
                p.name = name;
                p.modified = now_ms();
            }
        });
        self.save_now(id).await;
        self.refresh_list();
    }

    pub async fn duplicate(&self, id: &str) {
        let Some(p) = self.program(id) else { return };
        let new = self.create(&p.name, &p.text, Origin::Own, p.settings.clone());
        self.open(&new);
    }

    /// Deletes a program; it can come back (`undelete`) for a while.
    pub async fn delete(&self, id: &str) {
        let Some(program) = self.program(id) else { return };
        self.with(|i| i.programs.retain(|p| p.id != id));
        if let Err(e) = store::delete_program(id).await {
            web_sys::console::warn_1(&format!("Awaitlab: could not delete a program: {e:?}").into());
        }
        self.tell_other_tabs(id, now_ms());
        self.trash.set_value(Some(program.clone()));
        self.deleted.set(Some(program.name.clone()));
        if self.current.get_untracked().as_deref() == Some(id) {
            match self.list.get_untracked().into_iter().find(|e| e.0 != id) {
                Some((next, ..)) => self.open(&next),
                None => {
                    let fresh = self.create("program.py", "import asyncio\n\n", Origin::Own, RunSettings::default());
                    self.open(&fresh);
                }
            }
        }
        self.refresh_list();
        let this = *self;
        let name = program.name;
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(UNDO_MS).await;
            if this.deleted.get_untracked().as_deref() == Some(name.as_str()) {
                this.deleted.set(None);
                this.trash.set_value(None);
            }
        });
    }

    pub async fn undelete(&self) {
        let Some(program) = self.trash.try_update_value(|t| t.take()).flatten() else { return };
        let id = program.id.clone();
        self.with(|i| i.programs.push(program));
        self.save_now(&id).await;
        self.deleted.set(None);
        self.refresh_list();
        self.open(&id);
    }

    /// Programs brought in (a file from disk, a .zip): each a new file, none replacing another.
    pub async fn add(&self, incoming: Vec<Program>) -> Option<String> {
        let mut last = None;
        for p in incoming {
            let settings = if p.settings.api.is_empty() { RunSettings::default() } else { p.settings.clone() };
            let id = self.create(&p.name, &p.text, Origin::Own, settings);
            if !p.versions.is_empty() {
                self.with(|i| {
                    if let Some(new) = i.programs.iter_mut().find(|x| x.id == id) {
                        new.versions = p.versions.clone();
                    }
                });
                self.save_now(&id).await;
            }
            last = Some(id);
        }
        self.refresh_list();
        last
    }

    pub fn all(&self) -> Vec<Program> {
        self.with(|i| i.programs.clone())
    }

    fn listen_to_other_tabs(&self) {
        let Ok(channel) = web_sys::BroadcastChannel::new("awaitlab-workspace") else { return };
        let this = *self;
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string());
            let (Some(id), Some(tab)) = (field("id"), field("tab")) else { return };
            if this.with(|i| i.tab == tab) {
                return;
            }
            leptos::task::spawn_local(async move { this.changed_elsewhere(&id).await });
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        self.with(|i| i.channel = Some(channel));
    }

    fn tell_other_tabs(&self, id: &str, modified: f64) {
        self.with(|i| {
            if let Some(channel) = &i.channel {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
                let _ = js_sys::Reflect::set(&message, &"tab".into(), &i.tab.as_str().into());
                let _ = js_sys::Reflect::set(&message, &"modified".into(), &modified.into());
                let _ = channel.post_message(&message);
            }
        });
    }

    /// Another tab saved (or deleted) program `id`: the list follows; if it is open here with
    /// other text, the page asks before taking the other tab's version.
    async fn changed_elsewhere(&self, id: &str) {
        let stored = store::get_program(id).await.ok().flatten();
        let open_here = self.current.get_untracked().as_deref() == Some(id);
        let differs = match (&stored, self.program(id)) {
            (Some(s), Some(mine)) => s.text != mine.text || s.name != mine.name,
            _ => true,
        };
        match stored {
            Some(s) => {
                let text = s.text.clone();
                self.with(|i| match i.programs.iter_mut().find(|p| p.id == s.id) {
                    Some(p) if !open_here => *p = s,
                    Some(p) => p.name = s.name.clone(),
                    None => i.programs.push(s),
                });
                if open_here && differs && text != page().code.get_untracked() {
                    page().notice.set(Notice::ChangedElsewhere);
                }
            }
            None => self.with(|i| i.programs.retain(|p| p.id != id || open_here)),
        }
        self.refresh_list();
    }

    /// Takes the other tab's version of the open program.
    pub async fn reload_current(&self) {
        let Some(id) = self.current.get_untracked() else { return };
        if let Ok(Some(stored)) = store::get_program(&id).await {
            self.with(|i| {
                if let Some(p) = i.programs.iter_mut().find(|p| p.id == id) {
                    *p = stored;
                }
            });
            self.open(&id);
        }
        page().notice.set(Notice::None);
    }
}
