//! Lists the engine's own Python (`lib/*.py`) for `vm/library.rs`: every file's name (what
//! programs may import, and what a host may have to fetch), and the texts compiled into this
//! build: all of them with the `embedded-library` feature (native: the CLI, the tests), else
//! none (the page's worker fetches even asyncio.py, ~10 KB gzipped, when a program first
//! imports it: a first visit does not carry it), and what each file imports, so that a host
//! can tell every file a program needs without fetching them one level at a time.

use std::fmt::Write;
use std::path::Path;

/// Files every build carries (none: see above).
const ALWAYS: &[&str] = &[];

fn main() {
    // Read at run time: a build script compiled from another checkout may be reused.
    let lib = Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("lib");
    println!("cargo:rerun-if-changed={}", lib.display());
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
    out.push_str("];\n\n/// The modules each file names in an import statement, anywhere in it (a superset of what\n/// `modules::imports::imported_modules` finds in its text: a test holds it to that).\npub static IMPORTS: &[(&str, &[&str])] = &[\n");
    for stem in &stems {
        let text = std::fs::read_to_string(lib.join(format!("{stem}.py"))).expect("a lib/ file");
        writeln!(out, "    ({stem:?}, &{:?}),", imported_names(&text)).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("library_files.rs");
    std::fs::write(dest, out).unwrap();
}

/// The modules a Python text imports, read line by line: `import a.b as c, d` gives a.b and d;
/// `from a import b, c` gives a, a.b and a.c (b may be a submodule), its names read on to the
/// closing parenthesis when they are in one. A line in a string that reads like an import
/// counts too: a name too many only costs a host a file it did not need.
fn imported_names(text: &str) -> Vec<String> {
    let mut names = vec![];
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let line = line.split('#').next().unwrap_or("").trim();
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| c == ',' || c.is_whitespace() || c == '(' || c == ')' || c == ';' || c == '\\')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        if let Some(rest) = line.strip_prefix("import ") {
            let mut parts = words(rest).into_iter();
            while let Some(module) = parts.next() {
                if module == "as" {
                    parts.next();
                } else {
                    names.push(module);
                }
            }
        } else if let Some(rest) = line.strip_prefix("from ") {
            let Some((module, items)) = rest.split_once(" import ") else { continue };
            let module = module.trim().to_string();
            if module.starts_with('.') {
                continue;
            }
            let mut items = items.to_string();
            if items.contains('(') && !items.contains(')') {
                for more in lines.by_ref() {
                    items.push(' ');
                    items.push_str(more.split('#').next().unwrap_or(""));
                    if more.contains(')') {
                        break;
                    }
                }
            }
            names.push(module.clone());
            let mut parts = words(&items).into_iter();
            while let Some(item) = parts.next() {
                if item == "as" {
                    parts.next();
                } else if item != "*" {
                    names.push(format!("{module}.{item}"));
                }
            }
        }
    }
    names.sort();
    names.dedup();
    names
}
