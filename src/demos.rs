//! The demo gallery's programs (embedded from `demos/` by build.rs) and their metadata, read
//! from the comment header each demo starts with:
//!
//! ```text
//! # title: Sequential awaits vs gather
//! # summary: one line for the gallery
//! # api: latency=fixed&latency_ms=200        (the practice API's settings, optional)
//! # explain: a few lines shown beside the program
//! # inspect: 12 | a moment to open the loop inspector at: an iteration, and what it shows
//! ```

include!(concat!(env!("OUT_DIR"), "/demos.rs"));

#[derive(Clone, Debug, PartialEq)]
pub struct Demo {
    pub id: &'static str,
    pub title: String,
    pub summary: String,
    pub explanation: String,
    /// Practice API settings as a query string (empty: defaults).
    pub api: String,
    /// The whole file, header included (what the native tests run).
    pub source: &'static str,
    /// What the editor shows: the program after its header (the header is the demo's panel).
    pub code: &'static str,
    /// Moments worth opening the loop inspector at: a loop iteration (1-based) and a note.
    pub moments: Vec<(u32, String)>,
}

pub fn parse(id: &'static str, source: &'static str) -> Demo {
    let mut demo = Demo {
        id,
        title: id.to_string(),
        summary: String::new(),
        explanation: String::new(),
        api: String::new(),
        source,
        code: code_of(source),
        moments: Vec::new(),
    };
    for line in source.lines().take_while(|l| l.starts_with('#')) {
        let Some((key, value)) = line.trim_start_matches('#').trim().split_once(':') else { continue };
        let value = value.trim();
        match key {
            "title" => demo.title = value.to_string(),
            "summary" => demo.summary = value.to_string(),
            "api" => demo.api = value.to_string(),
            "inspect" => {
                if let Some((n, note)) = value.split_once('|').and_then(|(n, note)| Some((n.trim().parse().ok()?, note.trim()))) {
                    demo.moments.push((n, note.to_string()));
                }
            }
            "explain" => {
                if !demo.explanation.is_empty() {
                    demo.explanation.push(' ');
                }
                demo.explanation.push_str(value);
            }
            _ => {}
        }
    }
    demo
}

/// `source` past its header lines (`# key: value` at the top) and the blank lines after them.
fn code_of(source: &'static str) -> &'static str {
    let mut rest = source;
    while let Some(line) = rest.lines().next() {
        let is_header = line
            .strip_prefix('#')
            .and_then(|l| l.trim().split_once(':'))
            .is_some_and(|(key, _)| ["title", "summary", "api", "explain", "inspect"].contains(&key));
        if !is_header && !line.trim().is_empty() {
            break;
        }
        rest = rest[line.len()..].strip_prefix('\n').unwrap_or("");
    }
    rest
}

pub fn all() -> Vec<Demo> {
    DEMOS.iter().map(|(id, src)| parse(id, src)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_demo_has_a_title_summary_and_explanation() {
        let demos = super::all();
        assert!(demos.len() >= 10, "{} demos", demos.len());
        for d in &demos {
            assert!(d.title != d.id && !d.summary.is_empty() && d.explanation.len() > 40, "{} lacks its header", d.id);
            assert!(
                d.code.starts_with("import") || d.code.starts_with("\"\"\"") || d.code.starts_with("from"),
                "{}: {:?}",
                d.id,
                &d.code[..40.min(d.code.len())]
            );
            assert!(d.source.ends_with(d.code));
        }
    }
}
