//! The single-file build: `dist/awaitlab.html`, the whole site in one page that runs from a
//! double-click (file://), for a teacher's USB stick. Its styles and classic scripts are inline,
//! and every file the page would fetch (the app's and the engine's modules, their wasm as
//! base64, the twins, the Python library, the guide) is in one JSON data block that
//! web/single-file/bootstrap.js loads from `blob:` URLs. Inline code runs under a policy that
//! names each inline script and style by its SHA-256, so nothing else can run there either.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

const OUTPUT: &str = "awaitlab.html";
const BOOTSTRAP: &str = "web/single-file/bootstrap.js";

/// Files of the site the single file does not carry: the service worker and what only it or a
/// host uses, the installable app's manifest and icons, and the page itself.
const LEFT_OUT: &[&str] = &["index.html", "sw.js", "_headers", "manifest.webmanifest", "icon-192.png", "icon-512.png", OUTPUT];

/// Writes `dist/awaitlab.html` from the built site in `dist`; returns its size in bytes.
pub fn write(root: &Path, dist: &Path) -> Result<u64, String> {
    let read = |path: &str| std::fs::read_to_string(dist.join(path)).map_err(|e| format!("dist/{path}: {e}"));
    let index = read("index.html")?;
    let bootstrap = std::fs::read_to_string(root.join(BOOTSTRAP)).map_err(|e| format!("{BOOTSTRAP}: {e}"))?;
    let mut inlined = vec![];
    let mut app_module = None;
    let mut page = Page::default();
    let mut html = String::with_capacity(index.len());
    for piece in tags(&index) {
        match piece {
            Piece::Text(text) => html.push_str(text),
            Piece::Tag { name: "meta", tag, .. } if attribute(tag, "http-equiv").is_some() => html.push_str("<!--CSP-->"),
            Piece::Tag { name: "link", tag, .. } => {
                let href = attribute(tag, "href").unwrap_or_default();
                match attribute(tag, "rel").unwrap_or_default().as_str() {
                    "stylesheet" => {
                        let css = read(&href)?;
                        html.push_str(&page.style(&css));
                        inlined.push(href);
                    }
                    "icon" => {
                        let svg = std::fs::read(dist.join(&href)).map_err(|e| format!("dist/{href}: {e}"))?;
                        html.push_str(&format!("<link rel=\"icon\" href=\"data:image/svg+xml;base64,{}\">", base64(&svg)));
                        inlined.push(href);
                    }
                    // Preloads, the manifest: nothing to fetch here.
                    _ => {}
                }
            }
            Piece::Tag { name: "script", tag, body } => {
                let Some(src) = attribute(tag, "src") else {
                    return Err(format!("index.html has an inline script the single file does not know: {body:.60}"));
                };
                let text = read(&src)?;
                if attribute(tag, "type").as_deref() == Some("module") {
                    // trunk's bootstrap: the bootstrap here loads the app module it imports.
                    app_module = Some(first_relative_import(&text).ok_or_else(|| format!("{src} imports no module"))?);
                } else {
                    html.push_str(&page.script(&text)?);
                }
                inlined.push(src);
            }
            Piece::Tag { tag, .. } => html.push_str(tag),
        }
    }
    let app_module = app_module.ok_or("index.html loads no app module")?;

    let mut files = BTreeMap::new();
    files.insert("$app".to_string(), app_module);
    for path in crate::precache::files(dist)? {
        if LEFT_OUT.contains(&path.as_str()) || inlined.contains(&path) || path.starts_with("boot-") || path == "guide.css" {
            continue;
        }
        let value = if path.ends_with(".wasm") {
            base64(&std::fs::read(dist.join(&path)).map_err(|e| format!("dist/{path}: {e}"))?)
        } else if path == "guide.html" {
            let markdown = std::fs::read_to_string(root.join("docs/guide.md")).map_err(|e| format!("docs/guide.md: {e}"))?;
            let style = page.style(crate::guide::STYLE);
            crate::guide::render(&markdown, &style, "")
        } else if path.ends_with(".js") || path.ends_with(".json") || path.ends_with(".py") || path.ends_with(".html") {
            read(&path)?
        } else {
            return Err(format!("dist/{path}: the single file does not know how to carry this file"));
        };
        files.insert(path, value);
    }
    let data = format!("<script type=\"application/json\" id=\"awaitlab-files\">{}</script>", json_object(&files));
    let tail = format!("{data}{}", page.script(&bootstrap)?);
    let Some(end) = html.rfind("</body>") else { return Err("index.html has no </body>".into()) };
    html.insert_str(end, &tail);
    let html = html.replacen("<!--CSP-->", &page.policy(), 1);
    std::fs::write(dist.join(OUTPUT), &html).map_err(|e| format!("dist/{OUTPUT}: {e}"))?;
    println!("xtask: the single file dist/{OUTPUT} ({} KB)", html.len() / 1024);
    Ok(html.len() as u64)
}

/// The inline scripts and styles of the page, by hash, for its policy.
#[derive(Default)]
struct Page {
    scripts: Vec<String>,
    styles: Vec<String>,
}

impl Page {
    fn script(&mut self, text: &str) -> Result<String, String> {
        // An inline script ends at the first `</script`, and `<!--` changes how it is parsed.
        let lower = text.to_ascii_lowercase();
        if lower.contains("</script") || lower.contains("<!--") {
            return Err("a script to inline contains `</script` or `<!--`".into());
        }
        self.scripts.push(sha256_source(text));
        Ok(format!("<script>{text}</script>"))
    }

    /// An inline style, named in the policy (the guide's too: a `blob:` document keeps this
    /// page's policy).
    fn style(&mut self, css: &str) -> String {
        self.styles.push(sha256_source(css));
        format!("<style>{}</style>", css.replace("</style", "<\\/style"))
    }

    /// The page's Content-Security-Policy: the site's, with its inline code named by hash and
    /// its modules and worker from `blob:` URLs (file:// has no 'self' to load them from).
    fn policy(&self) -> String {
        let scripts: String = self.scripts.iter().map(|h| format!(" 'sha256-{h}'")).collect();
        let styles: String = self.styles.iter().map(|h| format!(" 'sha256-{h}'")).collect();
        format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src{scripts} blob: 'wasm-unsafe-eval'; \
             style-src{styles}; img-src data: blob:; connect-src *; worker-src blob:; object-src 'none'; base-uri 'none'; \
             form-action 'none'; require-trusted-types-for 'script'; trusted-types default\">"
        )
    }
}

fn sha256_source(text: &str) -> String {
    base64(&Sha256::digest(text.as_bytes()))
}

enum Piece<'a> {
    Text(&'a str),
    /// A tag; a script's with its body and end tag.
    Tag {
        name: &'a str,
        tag: &'a str,
        body: &'a str,
    },
}

/// The page cut at its `<meta>`, `<link>` and `<script>` tags (trunk's output: no comments).
fn tags(html: &str) -> Vec<Piece<'_>> {
    let mut pieces = vec![];
    let mut rest = html;
    while let Some(start) = ["<meta", "<link", "<script"].iter().filter_map(|t| rest.find(t)).min() {
        let Some(end) = rest[start..].find('>').map(|i| start + i + 1) else { break };
        let tag = &rest[start..end];
        let name = tag[1..].split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or_default();
        pieces.push(Piece::Text(&rest[..start]));
        if name == "script" {
            let close = rest[end..].find("</script>").map(|i| end + i).unwrap_or(end);
            pieces.push(Piece::Tag { name, tag, body: &rest[end..close] });
            rest = &rest[(close + "</script>".len()).min(rest.len())..];
        } else {
            pieces.push(Piece::Tag { name, tag, body: "" });
            rest = &rest[end..];
        }
    }
    pieces.push(Piece::Text(rest));
    pieces
}

/// An attribute's value (quoted with `"`, or bare), `./` taken off a path.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before = rest[..i].chars().last();
        let after = &rest[i + name.len()..];
        rest = after;
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else { continue };
        let value = match value.strip_prefix('"') {
            Some(quoted) => &quoted[..quoted.find('"')?],
            None => value.split(|c: char| c.is_whitespace() || c == '>').next()?,
        };
        return Some(value.trim_start_matches("./").to_string());
    }
    None
}

/// The first `./x.js` that a module imports.
fn first_relative_import(module: &str) -> Option<String> {
    let start = module.find(['"', '\'']).filter(|&i| module[i + 1..].starts_with("./"))?;
    let quote = &module[start..=start];
    let rest = &module[start + 1..];
    Some(rest[..rest.find(quote)?].trim_start_matches("./").to_string())
}

/// `{"path": "text", ...}`, safe inside a `<script>` element: no `<` in it at all.
fn json_object(files: &BTreeMap<String, String>) -> String {
    let items: Vec<String> = files.iter().map(|(k, v)| format!("{}:{}", json_string(k), json_string(v))).collect();
    format!("{{{}}}", items.join(","))
}

fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn base64(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(DIGITS[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_the_standard_alphabet_with_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn the_data_block_cannot_end_its_script_element() {
        let mut files = BTreeMap::new();
        files.insert("a.js".to_string(), "x = '</script><script>alert(1)</script>'\n\u{2028}\"\\".to_string());
        let json = json_object(&files);
        assert!(!json.contains('<'));
        assert_eq!(json, r#"{"a.js":"x = '\u003c/script>\u003cscript>alert(1)\u003c/script>'\n\u2028\"\\"}"#);
    }

    #[test]
    fn a_script_that_would_end_early_is_refused_and_hashes_name_the_rest() {
        let mut page = Page::default();
        assert!(page.script("let s = '</SCRIPT>';").is_err());
        assert_eq!(page.script("alert(1)").unwrap(), "<script>alert(1)</script>");
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert!(page.policy().contains("script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=' blob:"));
    }

    #[test]
    fn tags_and_attributes_of_trunks_output() {
        let html = r#"<head><meta charset="utf-8"><link rel="stylesheet" href="./main-1.css" integrity="sha384-x"><script src="./tt-2.js"></script></head>"#;
        let pieces = tags(html);
        let tags: Vec<&str> = pieces.iter().filter_map(|p| if let Piece::Tag { tag, .. } = p { Some(*tag) } else { None }).collect();
        assert_eq!(
            tags,
            [
                r#"<meta charset="utf-8">"#,
                r#"<link rel="stylesheet" href="./main-1.css" integrity="sha384-x">"#,
                r#"<script src="./tt-2.js">"#
            ]
        );
        assert_eq!(attribute(tags[1], "href").as_deref(), Some("main-1.css"));
        assert_eq!(attribute(tags[1], "rel").as_deref(), Some("stylesheet"));
        assert_eq!(attribute(tags[0], "http-equiv"), None);
        assert_eq!(first_relative_import("import init, * as bindings from './awaitlab-web-9.js';").as_deref(), Some("awaitlab-web-9.js"));
    }
}
