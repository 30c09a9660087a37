//! The page's entry point (built by trunk into wasm).
fn main() {
    awaitlab::start();
}
