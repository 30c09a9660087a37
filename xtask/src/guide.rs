//! The teachers' guide as a page: docs/guide.md rendered to `dist/guide.html` (UTF-8 declared,
//! styled by `dist/guide.css` in the app's colours). Raw HTML in the Markdown is shown as text,
//! so the guide can run nothing under the page's policy.

use pulldown_cmark::{html, Event, Options, Parser};
use std::path::Path;

pub const STYLE: &str = r#":root { color-scheme: light dark; --bg: #f7f7f5; --panel: #ffffff; --text: #1d1d1f; --muted: #5f6368; --accent: #2f5bd3; --border: #d9d9d6; }
@media (prefers-color-scheme: dark) { :root { --bg: #15171a; --panel: #1e2126; --text: #e6e6e3; --muted: #a0a4aa; --accent: #7aa2ff; --border: #353a42; } }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
a { color: var(--accent); }
h1 { font-size: 1.7rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--border); padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
code { font: 0.9em ui-monospace, Menlo, Consolas, monospace; background: var(--panel); border: 1px solid var(--border); border-radius: 4px; padding: 0 0.25em; }
pre { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 0.75rem; overflow-x: auto; }
pre code { border: none; padding: 0; background: none; }
table { border-collapse: collapse; } th, td { border: 1px solid var(--border); padding: 0.3rem 0.6rem; text-align: left; }
.back { font-size: 0.9rem; }
"#;

/// The guide's page for `markdown`, styled by `guide.css` beside it, with a link back to the app.
pub fn page(markdown: &str) -> String {
    render(markdown, "<link rel=\"stylesheet\" href=\"guide.css\">", "<p class=\"back\"><a href=\"./\">← Back to Awaitlab</a></p>\n")
}

/// The guide's page with `head` (its style) in its head and `back` (a link back, or nothing)
/// above the text: the single file inlines its style and opens it from a `blob:` URL, which has
/// no folder to go back to.
pub fn render(markdown: &str, head: &str, back: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES).map(|event| match event {
        // Raw HTML is text here: the page's policy, and a guide that can never carry markup.
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        other => other,
    });
    let mut body = String::new();
    html::push_html(&mut body, parser);
    let title = markdown.lines().find_map(|l| l.strip_prefix("# ")).unwrap_or("Awaitlab for teachers");
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>{}</title>\n{head}\n</head>\n<body>\n<main>\n{back}{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Writes `guide.html` and `guide.css` into `dist`.
pub fn write(root: &Path, dist: &Path) -> Result<(), String> {
    let markdown = std::fs::read_to_string(root.join("docs/guide.md")).map_err(|e| format!("docs/guide.md: {e}"))?;
    std::fs::write(dist.join("guide.html"), page(&markdown)).map_err(|e| format!("dist/guide.html: {e}"))?;
    std::fs::write(dist.join("guide.css"), STYLE).map_err(|e| format!("dist/guide.css: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_guide_is_a_utf8_page_whose_html_is_text() {
        let page = super::page("# For teachers\n\nArrows → and <script>alert(1)</script> and `code`.\n");
        assert!(page.contains("<meta charset=\"utf-8\">"));
        assert!(page.contains("<h1>For teachers</h1>"));
        assert!(page.contains("→"));
        assert!(!page.contains("<script>"));
        assert!(page.contains("<code>code</code>"));
    }
}
