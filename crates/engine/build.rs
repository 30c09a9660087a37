//! Lists the engine's own Python (`lib/*.py`) for `vm/library.rs`: every file's name (what
//! programs may import, and what a host may have to fetch), and the texts compiled into this
//! build: all of them with the `embedded-library` feature (native: the CLI, the tests), else
//! none (the page's worker fetches even asyncio.py, ~10 KB gzipped, when a program first
//! imports it: a first visit does not carry it), and what each file imports as it is imported
//! (outside function bodies), so that a host can tell every file a program needs on import
//! without fetching them one level at a time.

use std::fmt::Write;
use std::path::Path;

// The engine's own reading of import statements (it depends on the syntax crate's lexer only).
#[path = "src/modules/imports.rs"]
mod imports;

/// Files every build carries (none: see above).
const ALWAYS: &[&str] = &[];

fn main() {
    // Read at run time: a build script compiled from another checkout may be reused.
    let lib = Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("lib");
    println!("cargo:rerun-if-changed={}", lib.display());
    println!("cargo:rerun-if-changed=src/modules/imports.rs");
    let mut stems: Vec<String> = std::fs::read_dir(&lib)
        .expect("crates/engine/lib")
        .map(|e| e.expect("lib/ entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    stems.sort();
    let embed_all = std::env::var_os("CARGO_FEATURE_EMBEDDED_LIBRARY").is_some();
    let mut out = String::from("/// Every file of lib/, by name without `.py`, sorted.\npub static FILES: &[&str] = &[\n");
    for stem in &stems {
        println!("cargo:rerun-if-changed={}", lib.join(format!("{stem}.py")).display());
        writeln!(out, "    {stem:?},").unwrap();
    }
    out.push_str("];\n\n/// The files compiled into this build, with their text.\npub static EMBEDDED: &[(&str, &str)] = &[\n");
    for stem in stems.iter().filter(|s| embed_all || ALWAYS.contains(&s.as_str())) {
        let path = lib.join(format!("{stem}.py"));
        writeln!(out, "    ({stem:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n\n/// The modules each file imports as it is imported (outside function bodies), as\n/// `modules::imports::imported_modules_on_import` reads them.\npub static IMPORTS: &[(&str, &[&str])] = &[\n");
    for stem in &stems {
        let text = std::fs::read_to_string(lib.join(format!("{stem}.py"))).expect("a lib/ file");
        let mut names = imports::imported_modules_on_import(&text);
        names.sort();
        names.dedup();
        writeln!(out, "    ({stem:?}, &{names:?}),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("library_files.rs");
    std::fs::write(dest, out).unwrap();
}
