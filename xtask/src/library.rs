//! The engine's Python library on the site: every `crates/engine/lib/*.py` copied to
//! `dist/lib/<name>.<hash>.py`, and `dist/library.json` naming each file. The engine's worker
//! reads the list and fetches what a program imports before its run (crates/worker's
//! `library.rs`); the content hash in each name lets the service worker keep a fetched file
//! for good (web/sw.js caches `lib/` as fetched, and does not precache it).

use std::path::Path;

/// Writes `dist/lib/` and `dist/library.json`; returns the files' total size.
pub fn write(root: &Path, dist: &Path) -> Result<u64, String> {
    let source = root.join("crates/engine/lib");
    let out = dist.join("lib");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut entries = vec![];
    let mut total = 0;
    for entry in std::fs::read_dir(&source).map_err(|e| format!("{}: {e}", source.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let hash = crate::precache::fnv1a(crate::precache::FNV_OFFSET, &text);
        let file = format!("{stem}.{:08x}.py", hash as u32);
        std::fs::write(out.join(&file), &text).map_err(|e| format!("dist/lib/{file}: {e}"))?;
        total += text.len() as u64;
        entries.push((stem, format!("lib/{file}")));
    }
    entries.sort();
    std::fs::write(dist.join("library.json"), manifest(&entries)).map_err(|e| format!("dist/library.json: {e}"))?;
    println!("xtask: {} library files in dist/lib ({} KB)", entries.len(), total / 1024);
    Ok(total)
}

/// `{"name": "lib/name.hash.py", ...}`: names are Python identifiers, paths plain ASCII.
fn manifest(entries: &[(String, String)]) -> String {
    let items: Vec<String> = entries.iter().map(|(stem, path)| format!("  \"{stem}\": \"{path}\"")).collect();
    format!("{{\n{}\n}}\n", items.join(",\n"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_manifest_is_json_of_names_to_paths() {
        let m = super::manifest(&[("asyncio".into(), "lib/asyncio.0a1b2c3d.py".into()), ("re".into(), "lib/re.00000001.py".into())]);
        assert_eq!(m, "{\n  \"asyncio\": \"lib/asyncio.0a1b2c3d.py\",\n  \"re\": \"lib/re.00000001.py\"\n}\n");
    }
}
