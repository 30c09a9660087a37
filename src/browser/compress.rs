//! deflate-raw through the browser's own CompressionStream: share links compress without any
//! compression code in the wasm.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::ReadableWritablePair;

// Declared here: web-sys lists these streams as unstable APIs (behind a cfg flag), though every
// current browser ships them.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> web_sys::WritableStream;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

async fn through(bytes: &[u8], pair: ReadableWritablePair) -> Result<Vec<u8>, String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| "cannot make a blob")?;
    let stream = blob.stream().pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream)).map_err(|_| "cannot read the stream")?;
    let promise = response.array_buffer().map_err(|_| "cannot read the stream")?;
    let buffer = JsFuture::from(promise)
        .await
        .map_err(|e| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "the data is damaged".into()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let c = CompressionStream::new("deflate-raw").map_err(|_| "this browser cannot compress")?;
    through(bytes, ReadableWritablePair::new(&c.readable(), &c.writable())).await
}

/// Inflates at most `limit` bytes' worth: a hostile link cannot make the page allocate more.
pub async fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let d = DecompressionStream::new("deflate-raw").map_err(|_| "this browser cannot decompress")?;
    let out = through(bytes, ReadableWritablePair::new(&d.readable(), &d.writable()))
        .await
        .map_err(|_| "the link is damaged (it does not decompress)".to_string())?;
    if out.len() > limit {
        return Err("the shared program is too large".into());
    }
    Ok(out)
}
