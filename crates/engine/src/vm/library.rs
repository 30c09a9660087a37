//! The engine's own Python sources (`lib/*.py`) a run can import: those compiled into this
//! build, and those its host fetched (the page's worker fetches what a program imports from the
//! built site before the run starts; `modules::library_files_missing` says which; what an import
//! inside a function needs is loaded when it runs, through the host's `Loader`).

use std::collections::HashMap;
use std::sync::Arc;

mod files {
    include!(concat!(env!("OUT_DIR"), "/library_files.rs"));
}

/// The modules `file` imports (build.rs reads them from lib/ as it is built); None for a file of
/// a working copy (`AWAITLAB_LIB_DIR`) or one this build does not know.
pub fn imports_of(file: &str) -> Option<&'static [&'static str]> {
    #[cfg(feature = "embedded-library")]
    if working_copy().is_some() {
        return None;
    }
    files::IMPORTS.binary_search_by(|(name, _)| (*name).cmp(file)).ok().map(|i| files::IMPORTS[i].1)
}

/// Every file of `lib/`, by name without `.py`: what exists, whether or not this build has it.
pub fn all_files() -> &'static [&'static str] {
    #[cfg(feature = "embedded-library")]
    if let Some(dev) = working_copy() {
        return &dev.files;
    }
    files::FILES
}

/// `AWAITLAB_LIB_DIR`, read once: a folder whose `.py` files replace the compiled-in ones, so
/// that work on `lib/` needs no rebuild (`AWAITLAB_LIB_DIR=crates/engine/lib awaitlab run x.py`).
#[cfg(feature = "embedded-library")]
struct WorkingCopy {
    files: Vec<&'static str>,
    texts: Vec<(&'static str, &'static str)>,
}

#[cfg(feature = "embedded-library")]
fn working_copy() -> Option<&'static WorkingCopy> {
    static COPY: std::sync::OnceLock<Option<WorkingCopy>> = std::sync::OnceLock::new();
    COPY.get_or_init(|| {
        let dir = std::env::var_os("AWAITLAB_LIB_DIR")?;
        let mut texts = vec![];
        for entry in std::fs::read_dir(&dir).ok()? {
            let path = entry.ok()?.path();
            if path.extension().is_some_and(|e| e == "py") {
                let name: &'static str = path.file_stem()?.to_string_lossy().into_owned().leak();
                let text: &'static str = std::fs::read_to_string(&path).ok()?.leak();
                texts.push((name, text));
            }
        }
        texts.sort();
        Some(WorkingCopy { files: texts.iter().map(|(n, _)| *n).collect(), texts })
    })
    .as_ref()
}

/// A file's name or text: compiled into the binary, or fetched by the host. The compiled-in
/// ones are borrowed, not copied: a native run would otherwise copy all of `lib/` (1.3 MB) onto
/// the heap of every thread that runs a program.
#[derive(Clone, Debug)]
pub enum Text {
    CompiledIn(&'static str),
    Fetched(Arc<str>),
}

// Compared and hashed as the text alone (a map keyed by `Text` is looked up by `&str`).
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        **self == **other
    }
}

impl Eq for Text {}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Text::CompiledIn(text) => text,
            Text::Fetched(text) => text,
        }
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self
    }
}

/// Reads a file the library lacks when a run imports it, synchronously: the host's way to load
/// what an import inside a function needs when the function runs (the page's worker fetches
/// it with a synchronous request). None: it cannot be had.
pub type Loader = fn(file: &str) -> Option<String>;

/// Python sources by file name (without `.py`); `Send`, as a run's configuration is.
#[derive(Clone, Debug, Default)]
pub struct Library {
    sources: HashMap<Text, Text>,
    loader: Option<Loader>,
}

impl Library {
    /// The files compiled into this build: every one with the `embedded-library` feature, else
    /// none.
    pub fn embedded() -> Library {
        thread_local! {
            static EMBEDDED: Library = compiled_in();
        }
        EMBEDDED.with(Library::clone)
    }

    pub fn get(&self, file: &str) -> Option<Text> {
        self.sources.get(file).cloned()
    }

    pub fn contains(&self, file: &str) -> bool {
        self.sources.contains_key(file)
    }

    /// `file`'s text, asking the loader (and keeping its answer) if this library lacks it.
    pub fn get_or_load(&mut self, file: &str) -> Option<Text> {
        if let Some(text) = self.get(file) {
            return Some(text);
        }
        let text = (self.loader?)(file)?;
        self.insert(file, &text);
        self.get(file)
    }

    /// Files this library lacks are asked of `loader` when imported.
    pub fn set_loader(&mut self, loader: Loader) {
        self.loader = Some(loader);
    }

    pub fn insert(&mut self, file: &str, text: &str) {
        self.sources.insert(Text::Fetched(Arc::from(file)), Text::Fetched(Arc::from(text)));
    }

    fn insert_compiled_in(&mut self, file: &'static str, text: &'static str) {
        self.sources.insert(Text::CompiledIn(file), Text::CompiledIn(text));
    }

    /// The sources of `other` this one lacks (and its loader, if this one has none).
    pub fn extend(&mut self, other: &Library) {
        for (name, text) in &other.sources {
            self.sources.entry(name.clone()).or_insert_with(|| text.clone());
        }
        self.loader = self.loader.or(other.loader);
    }
}

/// The files compiled into this build (or the working copy's, when one is set).
fn compiled_in() -> Library {
    let mut library = Library::default();
    #[cfg(feature = "embedded-library")]
    if let Some(dev) = working_copy() {
        for (name, text) in &dev.texts {
            library.insert_compiled_in(name, text);
        }
        return library;
    }
    for (name, text) in files::EMBEDDED {
        library.insert_compiled_in(name, text);
    }
    library
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files compiled in and files fetched are found by name alike, and a fetched one adds to
    /// the compiled-in ones.
    #[test]
    fn files_are_found_by_name_however_they_came() {
        let mut library = Library::default();
        library.insert_compiled_in("asyncio", "compiled");
        library.insert("aiohttp", "fetched");
        assert_eq!(library.get("asyncio").as_deref(), Some("compiled"));
        assert_eq!(library.get("aiohttp").as_deref(), Some("fetched"));
        assert!(library.contains("aiohttp") && !library.contains("os"));
        let mut fetched = Library::default();
        fetched.insert("asyncio", "fetched");
        fetched.insert("os", "fetched");
        library.extend(&fetched);
        assert_eq!(library.get("asyncio").as_deref(), Some("compiled"));
        assert_eq!(library.get("os").as_deref(), Some("fetched"));
    }

    /// A file the library lacks is asked of its loader once, then kept; what the loader cannot
    /// give stays missing. The loader comes along when the library extends another.
    #[test]
    fn a_missing_file_is_asked_of_the_loader_and_kept() {
        thread_local! {
            static ASKED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(vec![]) };
        }
        fn loader(file: &str) -> Option<String> {
            ASKED.with(|a| a.borrow_mut().push(file.to_string()));
            (file == "re").then(|| "loaded".to_string())
        }
        let mut fetched = Library::default();
        fetched.set_loader(loader);
        let mut library = Library::default();
        library.insert_compiled_in("asyncio", "compiled");
        library.extend(&fetched);
        assert_eq!(library.get_or_load("asyncio").as_deref(), Some("compiled"));
        assert_eq!(library.get_or_load("re").as_deref(), Some("loaded"));
        assert_eq!(library.get_or_load("re").as_deref(), Some("loaded"));
        assert_eq!(library.get_or_load("nope"), None);
        assert_eq!(ASKED.with(|a| a.borrow().clone()), ["re", "nope"]);
        assert_eq!(library.get("re").as_deref(), Some("loaded"), "what was loaded is kept");
    }
}
