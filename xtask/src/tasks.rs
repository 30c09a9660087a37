//! The xtask commands.

use crate::install::{self, cmd, root, run};
use crate::serve;
use crate::wasm;
use std::path::PathBuf;

fn flag_value(args: &[String], flag: &str) -> Option<String> {
    args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1).cloned())
}

pub fn install(args: &[String]) -> Result<(), String> {
    install::toolchain()?;
    if args.iter().any(|a| a == "--browser") {
        install::browser()?;
    }
    Ok(())
}

/// Optimized static build into dist/.
pub fn dist(args: &[String]) -> Result<(), String> {
    install::toolchain()?;
    build_dist(flag_value(args, "--public-url").as_deref(), args.iter().any(|a| a == "--single-file"))
}

/// Builds the site into dist/ (and the single file too if `single_file`).
fn build_dist(public_url: Option<&str>, single_file: bool) -> Result<(), String> {
    bundle_scripts()?;
    let twins = wasm::build_module(&wasm::TWINS)?;
    let engine = wasm::build_module(&wasm::ENGINE_WORKER)?;
    let mut trunk = cmd("trunk");
    trunk.args(["build", "--release", "--offline"]);
    if let Some(url) = public_url {
        trunk.args(["--public-url", url]);
    }
    trunk
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("AWAITLAB_TWINS_MODULE", format!("{twins}/awaitlab_twins.js"))
        .env("AWAITLAB_ENGINE_WORKER", format!("{engine}/worker.js"));
    run(wasm::small_wasm(trunk))?;
    wasm::copy_module(&wasm::TWINS, &twins, &root().join("dist"))?;
    wasm::copy_module(&wasm::ENGINE_WORKER, &engine, &root().join("dist"))?;
    crate::csp::externalize_inline_scripts(&root().join("dist"))?;
    crate::headers::write_headers_file(&root().join("dist"), public_url.unwrap_or("/"))?;
    crate::guide::write(&root(), &root().join("dist"))?;
    crate::library::write(&root(), &root().join("dist"))?;
    // Last: it lists (and hashes) every file above.
    crate::precache::write(&root().join("dist"))?;
    if single_file {
        crate::single_file::write(&root(), &root().join("dist"))?;
    }
    println!("xtask: static site in {}", root().join("dist").display());
    Ok(())
}

/// CodeMirror and web/editor/editor.js into one classic script (index.html loads it through
/// trunk, which hashes it): it defines the global `AwaitlabEditor` that src/ui/editor.rs binds.
pub const EDITOR_BUNDLE: &str = "target/editor/editor.js";
/// idb-keyval, fflate and web/store/store.js: the global `AwaitlabStore` (src/browser/store.rs).
pub const STORE_BUNDLE: &str = "target/store/store.js";

/// The page's JavaScript bundles (wasm-bindgen snippets cannot import npm modules).
fn bundle_scripts() -> Result<(), String> {
    let bundle = |entry: &str, global: &str, out: &str, extra: &[&str]| {
        let mut esbuild = cmd("esbuild");
        esbuild.args([entry, "--bundle", "--format=iife", "--minify", "--log-level=warning"]);
        esbuild.arg(format!("--global-name={global}")).args(extra).arg(format!("--outfile={out}"));
        run(esbuild)
    };
    bundle(
        "web/editor/editor.js",
        "AwaitlabEditor",
        EDITOR_BUNDLE,
        &[
            // CodeMirror's styles in a constructed stylesheet, not a <style> element (the page allows no inline styles).
            "--alias:style-mod=./web/editor/adopted-styles.js",
            "--banner:js=/* Awaitlab editor. CodeMirror 6 and Lezer: MIT licence, (C) Marijn Haverbeke and others; see https://codemirror.net */",
        ],
    )?;
    bundle(
        "web/store/store.js",
        "AwaitlabStore",
        STORE_BUNDLE,
        &["--banner:js=/* Awaitlab store. idb-keyval: Apache-2.0, (C) Jake Archibald; fflate: MIT, (C) Arjun Barrett */"],
    )
}

pub fn serve(args: &[String]) -> Result<(), String> {
    if !args.iter().any(|a| a == "--no-build") {
        install::toolchain()?;
        build_dist(None, false)?;
    }
    let port = flag_value(args, "--port").and_then(|p| p.parse().ok()).unwrap_or(8080);
    let listener = serve::bind(port)?;
    println!("xtask: Awaitlab is served on http://127.0.0.1:{port}/ (Ctrl+C to stop)");
    serve::serve_forever(listener, root().join("dist"));
    Ok(())
}

/// Every test layer; fails if any fails.
pub fn test(_args: &[String]) -> Result<(), String> {
    install::toolchain()?;
    install::browser()?;

    println!("\n== layer 1: static checks (tidy, rustfmt, clippy) ==");
    static_checks()?;

    println!("\n== layer 2: native tests (cargo test) ==");
    let mut native = cmd("cargo");
    native.args(["test", "--workspace", "--release"]);
    run(native)?;

    println!("\n== layer 3: browser glue (wasm-bindgen-test in headless Chromium) ==");
    let mut browser_tests = cmd("cargo");
    browser_tests
        .args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            "awaitlab",
            "--package",
            "awaitlab-twins",
            "--package",
            "awaitlab-worker",
            "--tests",
        ])
        .env("CHROMEDRIVER", install::CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    run(browser_tests)?;

    println!("\n== layer 4: end-to-end (Playwright, release build on 127.0.0.1) ==");
    let port = serve_release_build()?;
    let mut e2e = cmd("node");
    e2e.args(["--test", "--test-concurrency=1"])
        .args(e2e_files()?)
        .env("AWAITLAB_URL", format!("http://127.0.0.1:{port}/"))
        .env("CHROMIUM", install::CHROMIUM);
    run(e2e)
}

/// The house rules (`tidy`), formatting (`rustfmt.toml`) and lints, over the whole workspace.
/// All three run, so one pass shows every problem; then any failure fails the layer.
fn static_checks() -> Result<(), String> {
    let mut failures = Vec::new();
    if let Err(e) = crate::tidy::tidy(&[]) {
        failures.push(e);
    }
    let mut fmt = cmd("cargo");
    fmt.args(["fmt", "--all", "--", "--check"]);
    if let Err(e) = run(fmt) {
        failures.push(e);
    }
    let mut clippy = cmd("cargo");
    clippy.args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]);
    if let Err(e) = run(clippy) {
        failures.push(e);
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}

/// Builds the site (the single file too: the tests and the bench open it) and serves `dist/`
/// on a free port of 127.0.0.1 for this process's lifetime.
fn serve_release_build() -> Result<u16, String> {
    build_dist(None, true)?;
    let listener = serve::bind(0)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    std::thread::spawn(move || serve::serve_forever(listener, root().join("dist")));
    Ok(port)
}

fn e2e_files() -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("e2e"))
        .map_err(|e| format!("e2e/: {e}"))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    Ok(files)
}

fn build_cli() -> Result<(), String> {
    let mut build = cmd("cargo");
    build.args(["build", "--release", "--quiet", "--package", "awaitlab-cli"]);
    run(build)
}

/// Builds the release CLI of an earlier commit in a worktree under target/ (one target folder
/// for all of them, kept between benches) and returns the path of a copy of the binary named
/// after the commit.
fn build_cli_at(rev: &str) -> Result<std::path::PathBuf, String> {
    let name = rev.replace('/', "_");
    let tree = root().join("target/against").join(&name);
    if !tree.exists() {
        let mut add = cmd("git");
        add.current_dir(root()).args(["worktree", "add", "--detach"]).arg(&tree).arg(rev);
        run(add)?;
    }
    let mut build = cmd("cargo");
    build.current_dir(&tree).args(["build", "--release", "--quiet", "--package", "awaitlab-cli"]);
    build.env("CARGO_TARGET_DIR", root().join("target/against/target"));
    run(build)?;
    let copy = root().join("target/against").join(format!("awaitlab-{name}"));
    std::fs::copy(root().join("target/against/target/release/awaitlab"), &copy).map_err(|e| format!("{}: {e}", copy.display()))?;
    Ok(copy)
}

/// The engine beside python3, then the page: transfer size, load time, first output.
pub fn bench(args: &[String]) -> Result<(), String> {
    if !args.iter().any(|a| a == "--web-only") {
        build_cli()?;
        let mut bench = cmd(&root().join("target/release/awaitlab-bench").display().to_string());
        if let Some(rev) = flag_value(args, "--against") {
            bench.arg("--against").arg(build_cli_at(&rev)?);
            // `--at REV2`: that commit's CLI is the later one, not this tree's.
            if let Some(at) = flag_value(args, "--at") {
                bench.arg("--this").arg(build_cli_at(&at)?);
            }
        }
        run(bench)?;
    }
    if args.iter().any(|a| a == "--engine-only") {
        return Ok(());
    }
    install::toolchain()?;
    install::browser()?;
    let port = serve_release_build()?;
    let mut web = cmd("node");
    web.arg(root().join("e2e/bench-web.mjs")).arg(format!("http://127.0.0.1:{port}/")).env("CHROMIUM", install::CHROMIUM);
    run(web)
}

/// Fuzzes the engine for `--seconds N` (default 600); new outcome kinds join tests/fuzz/corpus.
pub fn fuzz(args: &[String]) -> Result<(), String> {
    build_cli()?;
    let seconds: u64 = flag_value(args, "--seconds").and_then(|s| s.parse().ok()).unwrap_or(600);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    // The fuzzer exits with 75 when leaked memory grows: a fresh process goes on until the time is up.
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now()).as_secs();
        if left == 0 {
            return Ok(());
        }
        let mut c = cmd(&root().join("target/release/awaitlab-fuzz").display().to_string());
        c.args(["--seconds", &left.to_string()]);
        let status = c.status().map_err(|e| format!("could not start the fuzzer: {e}"))?;
        match status.code() {
            Some(0) => return Ok(()),
            Some(75) => continue,
            _ => return Err(format!("the fuzzer found a problem ({status}); see tests/fuzz/crashes")),
        }
    }
}
