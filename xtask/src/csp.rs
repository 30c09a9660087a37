//! The page's Content-Security-Policy allows only the page's own scripts ('self'), so trunk's
//! inline bootstrap `<script type="module">` is moved into a file of its own after the build.

use std::path::Path;

pub fn externalize_inline_scripts(dist: &Path) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let html = std::fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let (html, scripts) = split_inline_scripts(&html);
    for (name, body) in scripts {
        std::fs::write(dist.join(&name), body).map_err(|e| format!("{name}: {e}"))?;
    }
    std::fs::write(&index_path, html).map_err(|e| e.to_string())
}

/// Replaces each inline `<script type="module">…</script>` by a `src=` reference to a file named
/// after its content's hash; returns the new HTML and the files to write.
fn split_inline_scripts(html: &str) -> (String, Vec<(String, String)>) {
    let mut out = String::with_capacity(html.len());
    let mut files = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(tag_end) = rest[start..].find('>').map(|i| start + i + 1) else { break };
        let tag = &rest[start..tag_end];
        let Some(close) = rest[tag_end..].find("</script>").map(|i| tag_end + i) else { break };
        let body = &rest[tag_end..close];
        out.push_str(&rest[..start]);
        if tag.contains("src=") || body.trim().is_empty() {
            out.push_str(&rest[start..close + 9]);
        } else {
            let hash = body.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
            let name = format!("boot-{hash:016x}.js");
            let attrs = tag.trim_start_matches("<script").trim_end_matches('>');
            out.push_str(&format!("<script{attrs} src=\"./{name}\"></script>"));
            files.push((name, body.to_string()));
        }
        rest = &rest[close + 9..];
    }
    out.push_str(rest);
    (out, files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_module_scripts_move_to_files_and_src_scripts_stay() {
        let html = r#"<head><script src="/a.js"></script><script type="module">import x from "/x.js";</script></head>"#;
        let (out, files) = split_inline_scripts(html);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].1, r#"import x from "/x.js";"#);
        assert!(out.contains(r#"<script src="/a.js"></script>"#));
        assert!(out.contains(&format!(r#"<script type="module" src="./{}"></script>"#, files[0].0)));
        assert!(!out.contains("import x"));
    }
}
