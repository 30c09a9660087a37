//! Saves text, bytes or a blob as a file the user downloads (exports, programs, output).

use wasm_bindgen::JsCast;

pub fn text_blob(mime: &str, text: &str) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "cannot make the file".to_string())
}

pub fn save_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    save_blob(filename, &text_blob(mime, text)?)
}

pub fn save_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| "cannot make the file")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| "no link")?.dyn_into().map_err(|_| "no link")?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

pub fn save_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| "cannot make the file".to_string())?;
    save_blob(filename, &blob)
}
