//! The learner's workspace as data: every program a named file with its own settings, where it
//! came from (the learner, a demo, a link), and the texts it was run with. Opening a demo or a
//! link finds or makes a file; nothing ever replaces another file's text. Pure, tested natively;
//! `browser::store` keeps it in IndexedDB and `ui::workspace` shows it.

/// How many runs' texts a file keeps.
pub const MAX_VERSIONS: usize = 50;

/// What a program runs with: the practice API (as a query string), real time or instant, and
/// the real-time speed.
#[derive(Clone, Debug, PartialEq)]
pub struct RunSettings {
    pub api: String,
    pub real_time: bool,
    pub speed: f64,
}

impl Default for RunSettings {
    fn default() -> Self {
        RunSettings { api: awaitlab_engine::practice_api::Settings::default().to_query(), real_time: false, speed: 1.0 }
    }
}

/// Where a file came from: the demo or the link it was opened from is found again by this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Own,
    Demo(String),
    /// A share link's program, by the hash of what it carried.
    Link(String),
}

impl Origin {
    pub fn key(&self) -> String {
        match self {
            Origin::Own => "own".into(),
            Origin::Demo(id) => format!("demo:{id}"),
            Origin::Link(hash) => format!("link:{hash}"),
        }
    }

    pub fn from_key(key: &str) -> Origin {
        match key.split_once(':') {
            Some(("demo", id)) => Origin::Demo(id.into()),
            Some(("link", hash)) => Origin::Link(hash.into()),
            _ => Origin::Own,
        }
    }
}

/// A program's text as it was run, and when (milliseconds since the epoch).
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    pub text: String,
    pub at: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub id: String,
    pub name: String,
    pub text: String,
    /// Milliseconds since the epoch.
    pub created: f64,
    pub modified: f64,
    pub settings: RunSettings,
    pub origin: Origin,
    /// Oldest first.
    pub versions: Vec<Version>,
}

impl Program {
    pub fn new(id: String, name: String, text: String, origin: Origin, settings: RunSettings, now: f64) -> Program {
        Program { id, name, text, created: now, modified: now, settings, origin, versions: Vec::new() }
    }

    /// A run of the current text: kept once (a run of the same text again adds nothing), the
    /// oldest dropped past `MAX_VERSIONS`.
    pub fn record_run(&mut self, at: f64) {
        if self.versions.last().is_some_and(|v| v.text == self.text) {
            return;
        }
        self.versions.push(Version { text: self.text.clone(), at });
        if self.versions.len() > MAX_VERSIONS {
            let extra = self.versions.len() - MAX_VERSIONS;
            self.versions.drain(..extra);
        }
    }
}

/// `wanted`, or `wanted` numbered (`meow-2.py`) if another file has that name.
pub fn unique_name<'a>(wanted: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let wanted = tidy_name(wanted);
    if !taken.clone().any(|t| t == wanted) {
        return wanted;
    }
    let (stem, ext) = match wanted.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
        _ => (wanted.clone(), String::new()),
    };
    (2..).map(|n| format!("{stem}-{n}{ext}")).find(|name| !taken.clone().any(|t| t == name)).expect("names are unbounded")
}

/// A file name a learner typed, made usable: no path separators or control characters, not
/// empty, at most 80 characters, ending in `.py` unless it has an extension of its own.
pub fn tidy_name(name: &str) -> String {
    // Bidirectional overrides would let a name display as another ("gpj.py" shown as "yp.jpg").
    let unsafe_char =
        |c: char| matches!(c, '/' | '\\' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') || c.is_control();
    let cleaned: String = name.trim().chars().map(|c| if unsafe_char(c) { '-' } else { c }).take(80).collect();
    let cleaned = cleaned.trim_matches('.').trim().to_string();
    if cleaned.is_empty() {
        return "program.py".into();
    }
    if cleaned.contains('.') {
        cleaned
    } else {
        format!("{cleaned}.py")
    }
}

/// A demo's file name from its id (`03-lazy-coroutine-eager-task` → `lazy-coroutine-eager-task.py`).
pub fn demo_file_name(demo_id: &str) -> String {
    let stem = demo_id.split_once('-').filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit())).map_or(demo_id, |(_, rest)| rest);
    format!("{stem}.py")
}

/// A link's program's name: its first comment line if it says something, else `shared.py`.
pub fn link_file_name(source: &str) -> String {
    let first = source.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let title = first.trim().strip_prefix('#').map(str::trim).filter(|t| !t.is_empty() && !t.starts_with('!') && t.len() <= 40);
    match title {
        Some(t) => {
            let slug: String = t.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
            let slug = slug.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
            if slug.is_empty() {
                "shared.py".into()
            } else {
                format!("{slug}.py")
            }
        }
        None => "shared.py".into(),
    }
}

/// A short stable hash of a text (FNV-1a, hex): how a link's program is recognised again.
pub fn text_hash(text: &str) -> String {
    let h = text.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    format!("{h:016x}")
}

/// The programs, last changed first.
pub fn by_last_change(programs: &mut [Program]) {
    programs.sort_by(|a, b| b.modified.total_cmp(&a.modified).then_with(|| a.name.cmp(&b.name)));
}

/// The practice API's settings a program's own header gives: an `# api: latency=fixed&…` line
/// among the comment lines at its top, as the demos write it. This is how settings travel with
/// a program's text: pasted into the editor, opened from a file, or in a hand-written link.
pub fn api_line(text: &str) -> Option<&str> {
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let comment = line.strip_prefix('#')?;
        if let Some((key, value)) = comment.split_once(':') {
            if key.trim() == "api" {
                return Some(value.trim());
            }
        }
    }
    None
}

/// A program's text as a file: its `# api:` line says the settings it runs with (only what
/// differs from `defaults`), replacing the line it had, or added at the top when the settings
/// are not the defaults. Both are query strings.
pub fn with_api_line(text: &str, api: &str, defaults: &str) -> String {
    let default_pairs: Vec<&str> = defaults.split('&').collect();
    let changed: Vec<&str> = api.split('&').filter(|pair| !pair.is_empty() && !default_pairs.contains(pair)).collect();
    let line = format!("# api: {}", changed.join("&"));
    if api_line(text).is_some() {
        let mut out = String::with_capacity(text.len() + line.len());
        let mut replaced = false;
        for part in text.split_inclusive('\n') {
            let is_api = !replaced && part.trim().strip_prefix('#').and_then(|c| c.split_once(':')).is_some_and(|(k, _)| k.trim() == "api");
            if is_api {
                out.push_str(&line);
                out.push_str(if part.ends_with('\n') { "\n" } else { "" });
                replaced = true;
            } else {
                out.push_str(part);
            }
        }
        out
    } else if changed.is_empty() {
        text.to_string()
    } else {
        format!("{line}\n{text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(text: &str) -> Program {
        Program::new("a".into(), "a.py".into(), text.into(), Origin::Own, RunSettings::default(), 0.0)
    }

    #[test]
    fn runs_keep_each_text_once_and_the_last_fifty() {
        let mut p = program("print(1)");
        p.record_run(1.0);
        p.record_run(2.0);
        assert_eq!(p.versions.len(), 1, "the same text run twice is one version");
        for i in 0..60 {
            p.text = format!("print({i})");
            p.record_run(10.0 + i as f64);
        }
        assert_eq!(p.versions.len(), MAX_VERSIONS);
        assert_eq!(p.versions.last().unwrap().text, "print(59)");
        assert_eq!(p.versions[0].text, "print(10)");
    }

    #[test]
    fn names_are_unique_and_usable() {
        let taken = ["meow.py", "meow-2.py", "notes"];
        assert_eq!(unique_name("meow.py", taken.iter().copied()), "meow-3.py");
        assert_eq!(unique_name("other.py", taken.iter().copied()), "other.py");
        assert_eq!(unique_name("notes", taken.iter().copied()), "notes.py");
        assert_eq!(tidy_name("  ../etc/passwd "), "-etc-passwd.py");
        assert_eq!(tidy_name(""), "program.py");
        assert_eq!(tidy_name("data.txt"), "data.txt");
        assert_eq!(tidy_name("a\u{202e}b"), "a-b.py");
    }

    #[test]
    fn demos_and_links_get_names_from_what_they_are() {
        assert_eq!(demo_file_name("03-lazy-coroutine-eager-task"), "lazy-coroutine-eager-task.py");
        assert_eq!(demo_file_name("custom"), "custom.py");
        assert_eq!(link_file_name("# Rate limits, week 3\nimport asyncio\n"), "rate-limits-week-3.py");
        assert_eq!(link_file_name("import asyncio\n"), "shared.py");
        assert_eq!(link_file_name("#!/usr/bin/env python\n"), "shared.py");
    }

    #[test]
    fn origins_round_trip_through_their_keys() {
        for o in [Origin::Own, Origin::Demo("02-sequential-vs-gather".into()), Origin::Link("00ff".into())] {
            assert_eq!(Origin::from_key(&o.key()), o);
        }
        assert_eq!(text_hash("a"), text_hash("a"));
        assert_ne!(text_hash("a"), text_hash("b"));
    }

    #[test]
    fn a_programs_api_line_is_read_from_the_comments_at_its_top() {
        use super::api_line;
        assert_eq!(api_line("# title: x\n# api: latency=fixed&latency_ms=200\nimport asyncio\n"), Some("latency=fixed&latency_ms=200"));
        assert_eq!(api_line("\n#api:capacity=3\n"), Some("capacity=3"));
        assert_eq!(api_line("import asyncio\n# api: capacity=3\n"), None, "only the header counts");
        assert_eq!(api_line("# a comment\nx = 1\n"), None);
    }

    #[test]
    fn a_file_carries_its_settings_in_its_api_line() {
        use super::with_api_line;
        let defaults = "latency=uniform&latency_ms=100&capacity=20";
        // Defaults and no line: the text as it is.
        assert_eq!(with_api_line("import asyncio\n", defaults, defaults), "import asyncio\n");
        // Settings of its own: a line at the top with what differs.
        assert_eq!(
            with_api_line("import asyncio\n", "latency=fixed&latency_ms=100&capacity=3", defaults),
            "# api: latency=fixed&capacity=3\nimport asyncio\n"
        );
        // A line already there says the settings now.
        assert_eq!(
            with_api_line("# title: t\n# api: capacity=9\nimport asyncio", "latency=uniform&latency_ms=100&capacity=3", defaults),
            "# title: t\n# api: capacity=3\nimport asyncio"
        );
    }
}
