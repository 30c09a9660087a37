//! JSON string literals, written as Python's `json.dumps` writes them: shared by the Chrome
//! export here and the engine's `json` module, so both escape alike.

/// A JSON string literal, non-ASCII escaped (json.dumps' default, and the trace export's).
pub fn json_str(s: &str) -> String {
    let mut out = String::new();
    json_str_into(s, true, &mut out);
    out
}

/// Appends `s` as a JSON string literal; `ascii` escapes everything past ASCII (`ensure_ascii`).
pub fn json_str_into(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && (c as u32) > 0x7e) => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
