//! `cargo xtask tidy`: the house rules as a test (after rust-analyzer's `xtask/src/tidy.rs`).
//!
//! - Crates depend only downwards: each Awaitlab crate's `[dependencies]` name only the Awaitlab
//!   crates its row of `CRATE_DEPENDENCIES` allows.
//! - Inside the engine, folders are layers: the core (`types`, `vm`, `event_loop`, `report`)
//!   never names the library (`builtins`, `modules`) or the driver (`run`), and the library never
//!   names the driver. Both `use` lines and inline `crate::` paths count; comments do not.
//! - Every `.rs` file opens with a `//!` comment that says what it is for.
//! - No `.rs` file is longer than `MAX_LINES` unless `LONG_FILES` gives the reason.
//! - Every Python port in `crates/engine/lib/` opens with its header: what it ports (CPython
//!   3.12's file, or "Awaitlab's own"), the natives it expects, where it differs.
//!
//! std only; the checks are pure functions of (path, text), tested below.

use crate::install::root;
use std::path::{Path, PathBuf};

/// Files longer than this need a reason in `LONG_FILES`.
pub const MAX_LINES: usize = 1200;

/// (file, why it is longer than `MAX_LINES`). An entry for a file that is no longer long fails
/// the check, so the list stays true.
const LONG_FILES: &[(&str, &str)] = &[];

/// Each Awaitlab crate and the Awaitlab crates its `[dependencies]` may name.
const CRATE_DEPENDENCIES: &[(&str, &[&str])] = &[
    ("crates/syntax", &[]),
    ("crates/compile", &["awaitlab-syntax"]),
    ("crates/trace", &[]),
    ("crates/practice-api", &[]),
    ("crates/engine", &["awaitlab-syntax", "awaitlab-compile", "awaitlab-trace", "awaitlab-practice-api"]),
    ("crates/twins", &["awaitlab-trace"]),
    ("crates/cli", &["awaitlab-engine"]),
    ("crates/worker", &["awaitlab-engine"]),
    (".", &["awaitlab-engine", "awaitlab-worker"]),
    ("xtask", &[]),
];

/// The engine's folders and the folders each must never name (`crate::<folder>`).
const ENGINE_LAYERS: &[(&str, &[&str])] = &[
    ("types", &["builtins", "modules", "run"]),
    ("vm", &["builtins", "modules", "run"]),
    ("event_loop", &["builtins", "modules", "run"]),
    ("report", &["builtins", "modules", "run"]),
    ("builtins", &["run"]),
    ("modules", &["run"]),
];

const ENGINE_SRC: &str = "crates/engine/src/";
const ENGINE_LIB: &str = "crates/engine/lib";

/// Where the Rust sources are: every workspace member's folder (the web app's too).
const RUST_ROOTS: &[&str] = &["crates", "xtask", "src", "tests", "build.rs"];

pub fn tidy(_args: &[String]) -> Result<(), String> {
    let root = root();
    let mut problems = Vec::new();
    for (dir, allowed) in CRATE_DEPENDENCIES {
        let manifest = root.join(dir).join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
        problems.extend(check_dependencies(&format!("{dir}/Cargo.toml"), &text, allowed));
    }
    let mut files = Vec::new();
    for r in RUST_ROOTS {
        collect(&root.join(r), "rs", &mut files);
    }
    files.sort();
    let mut long = Vec::new();
    for path in &files {
        let rel = relative(&root, path);
        let text = std::fs::read_to_string(path).map_err(|e| format!("{rel}: {e}"))?;
        problems.extend(check_layers(&rel, &text));
        problems.extend(check_opening_comment(&rel, &text));
        let lines = text.lines().count();
        if lines > MAX_LINES {
            long.push(rel.clone());
            if !LONG_FILES.iter().any(|(f, _)| *f == rel) {
                problems.push(format!(
                    "{rel}: {lines} lines, more than {MAX_LINES}: split it, or give the reason in LONG_FILES (xtask/src/tidy.rs)"
                ));
            }
        }
    }
    for (file, _) in LONG_FILES {
        if !long.iter().any(|l| l == file) {
            problems.push(format!("{file}: listed in LONG_FILES but not longer than {MAX_LINES} lines: remove the entry"));
        }
    }
    let mut ports = Vec::new();
    collect(&root.join(ENGINE_LIB), "py", &mut ports);
    ports.sort();
    for path in &ports {
        let rel = relative(&root, path);
        let text = std::fs::read_to_string(path).map_err(|e| format!("{rel}: {e}"))?;
        problems.extend(check_port_header(&rel, &text));
    }
    if problems.is_empty() {
        println!(
            "xtask: tidy: {} Rust files, {} Python ports, {} crates: all rules hold",
            files.len(),
            ports.len(),
            CRATE_DEPENDENCIES.len()
        );
        Ok(())
    } else {
        for p in &problems {
            eprintln!("tidy: {p}");
        }
        Err(format!("tidy: {} problem(s)", problems.len()))
    }
}

fn collect(path: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        if path.extension().is_some_and(|e| e == ext) {
            out.push(path.to_path_buf());
        }
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else { return };
    for entry in entries.flatten() {
        let p = entry.path();
        let name = entry.file_name();
        // Build output and installed packages are not the project's sources.
        if name == "target" || name == "node_modules" || name.to_string_lossy().starts_with('.') {
            continue;
        }
        collect(&p, ext, out);
    }
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

/// The Awaitlab crates a manifest's `[dependencies]` name, that its row does not allow.
fn check_dependencies(manifest: &str, text: &str, allowed: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut in_dependencies = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line == "[dependencies]";
            continue;
        }
        if !in_dependencies {
            continue;
        }
        let name = line.split(['=', ' ']).next().unwrap_or("");
        if name.starts_with("awaitlab") && !allowed.contains(&name) {
            problems.push(format!("{manifest}: depends on {name}, which its layer may not (CRATE_DEPENDENCIES in xtask/src/tidy.rs)"));
        }
    }
    problems
}

/// The engine folders a file names (`crate::<folder>`, `crate::{<folder>::..., ...}`) and the
/// lines where, comments aside.
fn named_folders(text: &str) -> Vec<(usize, String)> {
    let code: String = text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let line_of = |offset: usize| code[..offset].matches('\n').count() + 1;
    let ident = |s: &str| -> String { s.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect() };
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = code[from..].find("crate::") {
        let at = from + i + "crate::".len();
        if code[at..].starts_with('{') {
            // A group (it may span lines and nest): the first segment of each top-level item.
            let (mut depth, mut item_start) = (0, at + 1);
            for (j, c) in code[at..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' | ',' if depth == 1 => {
                        let name = ident(&code[item_start..at + j]);
                        if !name.is_empty() {
                            let offset = item_start + code[item_start..].len() - code[item_start..].trim_start().len();
                            found.push((line_of(offset), name));
                        }
                        item_start = at + j + 1;
                        if c == '}' {
                            break;
                        }
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
        } else {
            found.push((line_of(at), ident(&code[at..])));
        }
        from = at;
    }
    found
}

/// Names from a lower layer of the engine to a higher one.
fn check_layers(path: &str, text: &str) -> Vec<String> {
    let Some(inner) = path.strip_prefix(ENGINE_SRC) else { return Vec::new() };
    let folder = inner.split('/').next().unwrap_or("");
    let Some((_, forbidden)) = ENGINE_LAYERS.iter().find(|(f, _)| *f == folder) else { return Vec::new() };
    named_folders(text)
        .into_iter()
        .filter(|(_, named)| forbidden.contains(&named.as_str()))
        .map(|(line, named)| {
            format!("{path}:{line}: `{folder}/` may not name `crate::{named}` (a higher layer; see ENGINE_LAYERS in xtask/src/tidy.rs)")
        })
        .collect()
}

fn check_opening_comment(path: &str, text: &str) -> Option<String> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    (!first.starts_with("//!")).then(|| format!("{path}: opens without a `//!` comment saying what the file is for"))
}

/// A port's header: the comment lines it opens with.
fn check_port_header(path: &str, text: &str) -> Vec<String> {
    let header: String = text.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join("\n");
    let mut missing = Vec::new();
    if !(header.contains("CPython 3.12") || header.contains("Awaitlab's own")) {
        missing.push("what it ports (\"CPython 3.12\" and the file, or \"Awaitlab's own\")");
    }
    if !header.contains("Natives:") {
        missing.push("the natives it expects (\"Natives:\")");
    }
    if !header.contains("Differs:") {
        missing.push("where it differs (\"Differs:\")");
    }
    missing.into_iter().map(|m| format!("{path}: its header does not say {m}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_core_naming_the_library_fails() {
        let wrong = "//! A type.\n\nuse crate::modules::asyncio;\nuse crate::vm::Vm;\n";
        let problems = check_layers("crates/engine/src/types/list.rs", wrong);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("types/list.rs:3") && problems[0].contains("crate::modules"), "{problems:?}");
    }

    #[test]
    fn inline_paths_and_groups_count_and_comments_do_not() {
        let text = "//! x\nfn f() {\n    crate::run::start(\"\", &c); // crate::builtins is fine in a comment\n}\nuse crate::{vm::Vm, builtins::objects};\n";
        let problems = check_layers("crates/engine/src/event_loop/task.rs", text);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains(":3:") && problems[0].contains("crate::run"));
        assert!(problems[1].contains(":5:") && problems[1].contains("crate::builtins"));
    }

    #[test]
    fn groups_across_lines_count() {
        let text = "//! x\nuse crate::{\n    types::value::Value,\n    modules::{asyncio, time},\n};\n";
        let problems = check_layers("crates/engine/src/vm/mod.rs", text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains(":4:") && problems[0].contains("crate::modules"), "{problems:?}");
    }

    #[test]
    fn downward_names_and_other_crates_pass() {
        assert!(check_layers("crates/engine/src/modules/time.rs", "use crate::vm::Vm;\nuse crate::types::args::arg;\n").is_empty());
        assert!(check_layers("crates/engine/src/run/mod.rs", "use crate::modules::import;\n").is_empty());
        assert!(check_layers("crates/syntax/src/lexer.rs", "use crate::span::Span;\n").is_empty());
    }

    #[test]
    fn a_crate_depending_upwards_fails() {
        let manifest = "[package]\nname = \"awaitlab-syntax\"\n\n[dependencies]\nawaitlab-engine = { path = \"../engine\" }\n\n[dev-dependencies]\nawaitlab-trace = { path = \"../trace\" }\n";
        let problems = check_dependencies("crates/syntax/Cargo.toml", manifest, &[]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("awaitlab-engine"));
    }

    #[test]
    fn a_file_without_its_opening_comment_fails() {
        assert!(check_opening_comment("a.rs", "use std::rc::Rc;\n").is_some());
        assert!(check_opening_comment("a.rs", "\n//! What it is.\n").is_none());
    }

    #[test]
    fn a_port_without_its_header_fails() {
        assert_eq!(check_port_header("lib/x.py", "# x for Awaitlab.\n\ndef f(): pass\n").len(), 3);
        let good = "# Port of CPython 3.12 Lib/x.py (PSF licence).\n# Natives: none. Differs: nothing.\ndef f(): pass\n";
        assert!(check_port_header("lib/x.py", good).is_empty());
    }
}
