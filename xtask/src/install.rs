//! Installs the toolchain the build and tests need, each step only when it is missing.
//!
//! Versions are the ones measured to work offline on the build machines (../shared/TOOLCHAIN.md):
//! trunk 0.21.x (0.22 needs a newer rustc), wasm-bindgen-cli at exactly the Cargo.lock version
//! (installed without --locked), wasm-opt from npm's binaryen (Debian's breaks the module).

use std::path::{Path, PathBuf};
use std::process::Command;

pub const TRUNK_VERSION_REQ: &str = "~0.21";
pub const TRUNK_VERSION_PREFIX: &str = "trunk 0.21.";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// PATH with the project's npm tools (wasm-opt, esbuild) and cargo's bin folder first, so trunk
/// finds exactly the tools installed here and never decides to download its own.
pub fn tool_path() -> String {
    let mut dirs = vec![root().join("node_modules/.bin")];
    if let Some(home) =
        std::env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    let mut path = dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(":");
    if let Ok(existing) = std::env::var("PATH") {
        path.push(':');
        path.push_str(&existing);
    }
    path
}

/// A command with the project's tool PATH.
pub fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.env("PATH", tool_path()).current_dir(root());
    c
}

pub fn run(mut c: Command) -> Result<(), String> {
    let shown = format!("{c:?}");
    let status = c.status().map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = cmd(program).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub fn toolchain() -> Result<(), String> {
    wasm_target()?;
    npm_packages()?;
    wasm_bindgen_cli()?;
    trunk()?;
    // trunk builds offline: every crate must already be in cargo's cache.
    let mut fetch = cmd("cargo");
    fetch.args(["fetch", "--quiet"]);
    run(fetch)
}

fn wasm_target() -> Result<(), String> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        println!("xtask: installing the wasm32-unknown-unknown target");
        let mut c = cmd("rustup");
        c.args(["target", "add", "wasm32-unknown-unknown"]);
        run(c)?;
    }
    // The release wasm rebuilds the standard library for size (wasm.rs): it needs its source.
    let components = output_of("rustup", &["component", "list", "--installed"]).unwrap_or_default();
    if !components.lines().any(|l| l.trim() == "rust-src") {
        println!("xtask: installing the rust-src component");
        let mut c = cmd("rustup");
        c.args(["component", "add", "rust-src"]);
        run(c)?;
    }
    Ok(())
}

fn trunk() -> Result<(), String> {
    if output_of("trunk", &["--version"]).is_some_and(|v| v.starts_with(TRUNK_VERSION_PREFIX)) {
        return Ok(());
    }
    println!("xtask: installing trunk {TRUNK_VERSION_REQ} (a few minutes, once)");
    let mut c = cmd("cargo");
    c.args(["install", "trunk", "--version", TRUNK_VERSION_REQ, "--locked"]);
    run(c)
}

/// The wasm-bindgen version that Cargo.lock pins; the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen version".into())
}

fn wasm_bindgen_cli() -> Result<(), String> {
    let want = locked_wasm_bindgen_version()?;
    let have = output_of("wasm-bindgen", &["--version"]).unwrap_or_default();
    let runner = output_of("wasm-bindgen-test-runner", &["--version"]).unwrap_or_default();
    if have.ends_with(&want) && runner.ends_with(&want) {
        return Ok(());
    }
    println!("xtask: installing wasm-bindgen-cli {want} (a few minutes, once)");
    // Without --locked: a dependency locked by wasm-bindgen-cli is not in the registry.
    let mut c = cmd("cargo");
    c.args(["install", "wasm-bindgen-cli", "--version", &want, "--force"]);
    run(c)
}

/// `npm ci` when node_modules does not match package-lock.json (a stamp holds the lock's hash).
fn npm_packages() -> Result<(), String> {
    let lock = std::fs::read(root().join("package-lock.json")).map_err(|e| format!("package-lock.json: {e}"))?;
    let stamp_path = root().join("node_modules/.awaitlab-lock-hash");
    let hash = format!("{:016x}", fnv1a(&lock));
    if std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == hash) {
        return Ok(());
    }
    println!("xtask: installing front-end packages (npm ci)");
    let mut c = cmd("npm");
    c.args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
    run(c)?;
    std::fs::write(&stamp_path, hash).map_err(|e| e.to_string())
}

/// FNV-1a: a content hash for stamps and file names (std has no stable one).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(0xcbf29ce484222325, bytes)
}

pub fn fnv1a_from(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, b| (h ^ *b as u64).wrapping_mul(0x100000001b3))
}

fn is_root() -> bool {
    output_of("id", &["-u"]).is_some_and(|uid| uid == "0")
}

/// Debian's Chromium and ChromeDriver, for the browser and end-to-end test layers.
pub fn browser() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "the browser tests need Chromium and ChromeDriver at {CHROMIUM} and {CHROMEDRIVER}.\n\
             Install them with: sudo apt-get install -y chromium chromium-driver"
        ));
    }
    println!("xtask: installing Chromium and ChromeDriver (apt-get)");
    let mut update = cmd("apt-get");
    update.args(["update", "-qq"]);
    run(update)?;
    let mut install = cmd("apt-get");
    install.args(["install", "-y", "-qq", "chromium", "chromium-driver"]);
    install.env("DEBIAN_FRONTEND", "noninteractive");
    run(install)
}
