//! The service worker's precache list: every file of the build (`dist/`), written into
//! `dist/sw.js` with a build id that changes whenever any file does. A new deployment is thus a
//! new `sw.js`, which browsers notice and install in the background (web/sw.js).

use std::path::Path;

/// What `web/sw.js` holds until a build fills them in.
const BUILD_PLACEHOLDER: &str = "const BUILD = 'dev';";
const LIST_PLACEHOLDER: &str = "const PRECACHE = [];";
const LIBRARY_PLACEHOLDER: &str = "const LIBRARY = [];";

/// Files a static host serves but the app never fetches: the worker itself, the host's header
/// rules, and the single-file build (the whole site again, for download).
const NOT_CACHED: &[&str] = &["sw.js", "_headers", "awaitlab.html"];

/// The library's modules: listed apart (cached after the app, in a cache kept across builds).
const LIBRARY: &str = "lib/";

/// Every file under `dir`, as paths relative to it with `/` separators, sorted.
pub fn files(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = vec![];
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                out.push(relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// FNV-1a's starting value.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: stable across Rust versions (std's hasher is not), enough to tell builds apart.
pub fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3))
}

/// `'a', 'b'`: paths as JavaScript string literals.
fn js_list(paths: &[String]) -> String {
    paths.iter().map(|p| format!("'{}'", p.replace('\\', "\\\\").replace('\'', "\\'"))).collect::<Vec<_>>().join(", ")
}

/// `sw.js`'s text with the build's id and file lists (the app's, the library's) in place of the
/// placeholders.
pub fn fill(sw: &str, build: &str, app: &[String], library: &[String]) -> Result<String, String> {
    if [BUILD_PLACEHOLDER, LIST_PLACEHOLDER, LIBRARY_PLACEHOLDER].iter().any(|p| !sw.contains(p)) {
        return Err(format!("sw.js lacks a placeholder (`{BUILD_PLACEHOLDER}`, `{LIST_PLACEHOLDER}`, `{LIBRARY_PLACEHOLDER}`)"));
    }
    Ok(sw
        .replacen(BUILD_PLACEHOLDER, &format!("const BUILD = '{build}';"), 1)
        .replacen(LIST_PLACEHOLDER, &format!("const PRECACHE = [{}];", js_list(app)), 1)
        .replacen(LIBRARY_PLACEHOLDER, &format!("const LIBRARY = [{}];", js_list(library)), 1))
}

/// Fills in `dist/sw.js`: run last, once every file of the build is in place.
pub fn write(dist: &Path) -> Result<(), String> {
    let (library, app): (Vec<String>, Vec<String>) =
        files(dist)?.into_iter().filter(|p| !NOT_CACHED.contains(&p.as_str())).partition(|p| p.starts_with(LIBRARY));
    let mut hash = FNV_OFFSET;
    for path in app.iter().chain(&library) {
        hash = fnv1a(hash, path.as_bytes());
        hash = fnv1a(hash, &std::fs::read(dist.join(path)).map_err(|e| format!("dist/{path}: {e}"))?);
    }
    let sw_path = dist.join("sw.js");
    let sw = std::fs::read_to_string(&sw_path).map_err(|e| format!("dist/sw.js: {e}"))?;
    std::fs::write(&sw_path, fill(&sw, &format!("{hash:016x}"), &app, &library)?).map_err(|e| format!("dist/sw.js: {e}"))?;
    println!("xtask: sw.js precaches {} files and {} library files (build {hash:016x})", app.len(), library.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_and_the_id_replace_the_placeholders() {
        let sw = "const BUILD = 'dev';\nconst PRECACHE = [];\nconst LIBRARY = [];\nrest";
        let out = fill(sw, "abc", &["index.html".into(), "engine-1/worker.js".into(), "it's.js".into()], &["lib/re.0a.py".into()]).unwrap();
        assert_eq!(
            out,
            "const BUILD = 'abc';\nconst PRECACHE = ['index.html', 'engine-1/worker.js', 'it\\'s.js'];\nconst LIBRARY = ['lib/re.0a.py'];\nrest"
        );
        assert!(fill("const BUILD = 'dev';\nconst PRECACHE = [];", "abc", &[], &[]).is_err());
    }

    #[test]
    fn the_id_changes_with_any_byte() {
        let a = fnv1a(fnv1a(0xcbf2_9ce4_8422_2325, b"index.html"), b"<html>");
        let b = fnv1a(fnv1a(0xcbf2_9ce4_8422_2325, b"index.html"), b"<html >");
        assert_ne!(a, b);
    }
}
