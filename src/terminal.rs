//! The console's model: program output as a terminal shows it. `\r` returns to the start of the
//! line (progress bars redraw in place), `\b` steps back, ANSI SGR sequences set colours and
//! weights, `ESC [ K` erases to the end of the line, and every other control character is shown
//! by name (`crate::visible`), never applied. Pure and incremental: each chunk of output costs
//! time in its own length, and the lines it touched are reported, so the page redraws only those.

use crate::visible::{escape, is_hidden_control};

/// How a run of text looks: SGR attributes. Colours are 0–15 (the 16 named ones), 16–255 (the
/// 256-colour cube and greys), or an RGB triple.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    pub bold: bool,
    pub dim: bool,
    pub italic: bool,
    pub underline: bool,
    pub inverse: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Indexed(u8),
    Rgb(u8, u8, u8),
}

/// A run of text with one look, as the page draws it. A control character is a run of its
/// own, spelled out (`\x07`) and counted as one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
    pub stderr: bool,
    /// A control character spelled out (drawn marked).
    pub control: bool,
}

impl Span {
    fn columns(&self) -> usize {
        if self.control {
            1
        } else {
            self.text.chars().count()
        }
    }
}

/// A line: runs of text. Writing at its end appends to the last run (the common case, in
/// bulk); writing inside it (after `\r` or `\b`) splits runs (progress bars: short lines).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    spans: Vec<Span>,
    /// Columns in the line.
    width: usize,
}

impl Line {
    /// The line as runs of equal look.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// The line's text, as shown (controls spelled out).
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// Whether stderr wrote any of it (a traceback line).
    pub fn is_stderr(&self) -> bool {
        self.spans.iter().any(|s| s.stderr)
    }

    /// Appends text of one look at the end.
    fn push(&mut self, text: &str, columns: usize, style: Style, stderr: bool, control: bool) {
        self.width += columns;
        match self.spans.last_mut() {
            Some(last) if !control && !last.control && last.style == style && last.stderr == stderr => last.text.push_str(text),
            _ => self.spans.push(Span { text: text.to_string(), style, stderr, control }),
        }
    }

    /// Writes one column at `col` (inside the line), replacing what was there.
    fn overwrite(&mut self, col: usize, span: Span) {
        let mut cells: Vec<Span> = Vec::with_capacity(self.width);
        for s in self.spans.drain(..) {
            if s.control {
                cells.push(s);
            } else {
                cells.extend(s.text.chars().map(|c| Span { text: c.to_string(), control: false, ..s.clone() }));
            }
        }
        cells[col] = span;
        self.width = 0;
        for cell in cells {
            let columns = cell.columns();
            self.push(&cell.text, columns, cell.style, cell.stderr, cell.control);
        }
    }

    /// Writes one column at `col`: inside the line it replaces, at its end it appends.
    fn overwrite_or_push(&mut self, col: usize, span: Span) {
        if col < self.width {
            self.overwrite(col, span);
        } else {
            let columns = span.columns();
            self.push(&span.text, columns, span.style, span.stderr, span.control);
        }
    }

    /// Keeps the first `col` columns.
    fn truncate(&mut self, col: usize) {
        let mut kept = 0;
        let mut spans = Vec::new();
        for mut s in self.spans.drain(..) {
            if kept >= col {
                break;
            }
            let columns = s.columns();
            if kept + columns > col {
                s.text = s.text.chars().take(col - kept).collect();
                kept = col;
            } else {
                kept += columns;
            }
            spans.push(s);
        }
        self.spans = spans;
        self.width = kept;
    }
}

/// The terminal: the last `keep` lines, and how many earlier ones were let go.
pub struct Terminal {
    lines: std::collections::VecDeque<Line>,
    /// Lines let go from the front (the whole output stays with the page, for a download).
    dropped: usize,
    keep: usize,
    /// The cursor's column in the last line.
    col: usize,
    style: Style,
    /// An escape sequence cut by the end of a chunk, completed by the next.
    pending: String,
    /// The first line (counting dropped ones) changed since `take_changes`.
    first_changed: Option<usize>,
}

impl Terminal {
    pub fn new(keep: usize) -> Terminal {
        let mut lines = std::collections::VecDeque::new();
        lines.push_back(Line::default());
        Terminal { lines, dropped: 0, keep: keep.max(1), col: 0, style: Style::default(), pending: String::new(), first_changed: Some(0) }
    }

    /// Lines let go from the front.
    pub fn dropped(&self) -> usize {
        self.dropped
    }

    /// The kept lines, with the number of the first (counting dropped ones). The last line is
    /// the one being written: empty after a newline.
    pub fn lines(&self) -> (usize, impl Iterator<Item = &Line>) {
        (self.dropped, self.lines.iter())
    }

    /// The first line changed since the last call (in the numbering of `lines`), if any.
    pub fn take_changes(&mut self) -> Option<usize> {
        self.first_changed.take()
    }

    fn touch(&mut self) {
        let line = self.dropped + self.lines.len() - 1;
        self.first_changed = Some(self.first_changed.map_or(line, |f| f.min(line)));
    }

    fn newline(&mut self) {
        self.lines.push_back(Line::default());
        self.col = 0;
        while self.lines.len() > self.keep {
            self.lines.pop_front();
            self.dropped += 1;
        }
        self.touch();
    }

    /// Writes text without control characters, from the cursor on.
    fn put_text(&mut self, text: &str, stderr: bool, control: bool) {
        if text.is_empty() {
            return;
        }
        self.touch();
        let style = self.style;
        let line = self.lines.back_mut().expect("there is always a line");
        let columns = if control { 1 } else { text.chars().count() };
        if self.col == line.width {
            line.push(text, columns, style, stderr, control);
            self.col += columns;
            return;
        }
        if self.col > line.width {
            let pad = self.col - line.width;
            line.push(&" ".repeat(pad), pad, Style::default(), stderr, false);
        }
        if control {
            line.overwrite_or_push(self.col, Span { text: text.to_string(), style, stderr, control: true });
            self.col += 1;
            return;
        }
        for c in text.chars() {
            line.overwrite_or_push(self.col, Span { text: c.to_string(), style, stderr, control: false });
            self.col += 1;
        }
    }

    /// Writes a chunk of output.
    pub fn write(&mut self, text: &str, stderr: bool) {
        let joined;
        let mut text = text;
        if !self.pending.is_empty() {
            joined = std::mem::take(&mut self.pending) + text;
            text = &joined;
        }
        let mut plain_from = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let special = matches!(c, '\n' | '\r' | '\u{8}' | '\x1b') || is_hidden_control(c);
            if !special {
                continue;
            }
            self.put_text(&text[plain_from..i], stderr, false);
            plain_from = i + c.len_utf8();
            match c {
                '\n' => self.newline(),
                '\r' => {
                    // "\r\n" is a plain line end.
                    if chars.peek().is_none_or(|(_, n)| *n != '\n') {
                        self.col = 0;
                    }
                }
                '\u{8}' => self.col = self.col.saturating_sub(1),
                '\x1b' => match escape_sequence(&text[i..]) {
                    Sequence::Complete { len, command, params } => {
                        self.apply(command, &params);
                        let end = i + len;
                        while chars.peek().is_some_and(|(j, _)| *j < end) {
                            chars.next();
                        }
                        plain_from = end;
                    }
                    Sequence::Cut => {
                        self.pending = text[i..].to_string();
                        return;
                    }
                    Sequence::NotOne => self.put_text(&escape(c), stderr, true),
                },
                c => self.put_text(&escape(c), stderr, true),
            }
        }
        self.put_text(&text[plain_from..], stderr, false);
    }

    fn apply(&mut self, command: char, params: &[u32]) {
        match command {
            'm' => apply_sgr(&mut self.style, params),
            'K' => {
                self.touch();
                let col = self.col;
                let line = self.lines.back_mut().expect("there is always a line");
                match params.first().copied().unwrap_or(0) {
                    0 => line.truncate(col),
                    1 => {
                        for c in 0..=col.min(line.width.saturating_sub(1)) {
                            line.overwrite(c, Span { text: " ".into(), style: Style::default(), stderr: false, control: false });
                        }
                    }
                    _ => line.truncate(0),
                }
            }
            'G' => self.col = params.first().copied().unwrap_or(1).max(1) as usize - 1,
            // Cursor movement across lines, screen clearing...: a console is not a screen.
            _ => {}
        }
    }
}

enum Sequence {
    /// A CSI sequence `ESC [ params command` of `len` bytes.
    Complete { len: usize, command: char, params: Vec<u32> },
    /// The text ends inside a sequence.
    Cut,
    /// An ESC that starts no CSI sequence: shown as a control character.
    NotOne,
}

/// Reads the CSI sequence at the start of `text` (which starts with ESC).
fn escape_sequence(text: &str) -> Sequence {
    let bytes = text.as_bytes();
    match bytes.get(1) {
        None => return Sequence::Cut,
        Some(b'[') => {}
        Some(_) => return Sequence::NotOne,
    }
    let mut params = Vec::new();
    let mut current: Option<u32> = None;
    for (i, &b) in bytes.iter().enumerate().skip(2) {
        match b {
            b'0'..=b'9' => current = Some(current.unwrap_or(0).saturating_mul(10).saturating_add((b - b'0') as u32)),
            b';' | b':' => params.push(current.take().unwrap_or(0)),
            // Private-mode markers (`ESC [ ? 25 l`): part of the sequence.
            b'?' | b'<' | b'=' | b'>' => {}
            0x40..=0x7e => {
                if let Some(p) = current {
                    params.push(p);
                }
                return Sequence::Complete { len: i + 1, command: b as char, params };
            }
            _ => return Sequence::NotOne,
        }
        if i > 64 {
            return Sequence::NotOne;
        }
    }
    Sequence::Cut
}

fn apply_sgr(style: &mut Style, params: &[u32]) {
    if params.is_empty() {
        *style = Style::default();
        return;
    }
    let mut i = 0;
    while i < params.len() {
        let p = params[i];
        match p {
            0 => *style = Style::default(),
            1 => style.bold = true,
            2 => style.dim = true,
            3 => style.italic = true,
            4 => style.underline = true,
            7 => style.inverse = true,
            22 => (style.bold, style.dim) = (false, false),
            23 => style.italic = false,
            24 => style.underline = false,
            27 => style.inverse = false,
            30..=37 => style.fg = Some(Color::Indexed((p - 30) as u8)),
            39 => style.fg = None,
            40..=47 => style.bg = Some(Color::Indexed((p - 40) as u8)),
            49 => style.bg = None,
            90..=97 => style.fg = Some(Color::Indexed((p - 90 + 8) as u8)),
            100..=107 => style.bg = Some(Color::Indexed((p - 100 + 8) as u8)),
            38 | 48 => {
                let (color, used) = extended_color(&params[i + 1..]);
                if p == 38 {
                    style.fg = color.or(style.fg);
                } else {
                    style.bg = color.or(style.bg);
                }
                i += used;
            }
            _ => {}
        }
        i += 1;
    }
}

/// `5;n` or `2;r;g;b` after 38/48: the colour and how many parameters it took.
fn extended_color(rest: &[u32]) -> (Option<Color>, usize) {
    match rest {
        [5, n, ..] => (Some(Color::Indexed((*n).min(255) as u8)), 2),
        [2, r, g, b, ..] => (Some(Color::Rgb((*r).min(255) as u8, (*g).min(255) as u8, (*b).min(255) as u8)), 4),
        [5] | [2, ..] => (None, rest.len()),
        _ => (None, 0),
    }
}

/// The CSS colour of an indexed colour past the 16 named ones (the 256-colour cube and greys),
/// or of an RGB triple. The 16 named colours are the page's own (classes `fg-0` … `fg-15`).
pub fn css_color(color: Color) -> Option<String> {
    match color {
        Color::Indexed(n) if n < 16 => None,
        Color::Indexed(n) if n < 232 => {
            let n = n - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v as u32 * 40 };
            Some(format!("rgb({}, {}, {})", level(n / 36), level(n / 6 % 6), level(n % 6)))
        }
        Color::Indexed(n) => {
            let v = 8 + (n as u32 - 232) * 10;
            Some(format!("rgb({v}, {v}, {v})"))
        }
        Color::Rgb(r, g, b) => Some(format!("rgb({r}, {g}, {b})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(t: &Terminal) -> Vec<String> {
        t.lines().1.map(|l| l.text()).collect()
    }

    #[test]
    fn carriage_return_redraws_the_line_in_place() {
        let mut t = Terminal::new(100);
        t.write("progress 10%\rprogress 50%\rprogress 100%\ndone\n", false);
        assert_eq!(shown(&t), ["progress 100%", "done", ""]);
        // A shorter redraw leaves the rest, as a terminal does.
        let mut t = Terminal::new(100);
        t.write("abcdef\rxy", false);
        assert_eq!(shown(&t), ["xycdef"]);
        t.write("\r\n", false);
        assert_eq!(shown(&t), ["xycdef", ""]);
    }

    #[test]
    fn ansi_colours_style_the_text_and_are_not_shown() {
        let mut t = Terminal::new(100);
        t.write("\x1b[1;31mred bold\x1b[0m plain \x1b[38;5;208mamber\x1b[39m \x1b[38;2;1;2;3mrgb\x1b[m\n", false);
        let spans = t.lines().1.next().unwrap().spans();
        assert_eq!(spans[0].text, "red bold");
        assert_eq!(spans[0].style, Style { fg: Some(Color::Indexed(1)), bold: true, ..Style::default() });
        assert_eq!(spans[1].text, " plain ");
        assert_eq!(spans[1].style, Style::default());
        assert_eq!(spans[2].style.fg, Some(Color::Indexed(208)));
        assert_eq!(spans[4].style.fg, Some(Color::Rgb(1, 2, 3)));
        assert_eq!(shown(&t)[0], "red bold plain amber rgb");
        assert_eq!(css_color(Color::Indexed(208)).as_deref(), Some("rgb(255, 135, 0)"));
        assert_eq!(css_color(Color::Indexed(3)), None);
    }

    #[test]
    fn erase_in_line_and_sequences_cut_between_chunks() {
        let mut t = Terminal::new(100);
        t.write("hello world\r\x1b[K", false);
        t.write("bye\x1b[3", false);
        t.write("2mgreen", false);
        assert_eq!(shown(&t), ["byegreen"]);
        assert_eq!(t.lines().1.next().unwrap().spans()[1].style.fg, Some(Color::Indexed(2)));
    }

    #[test]
    fn other_controls_are_named_not_applied() {
        let mut t = Terminal::new(100);
        t.write("bell\x07 \u{202e}rtl \x1bX tab\there\n", false);
        assert_eq!(shown(&t)[0], "bell\\x07 \\u202ertl \\x1bX tab\there");
        let spans = t.lines().1.next().unwrap().spans();
        assert!(spans.iter().any(|s| s.control && s.text == "\\u202e"));
    }

    #[test]
    fn streams_share_lines_and_old_lines_are_let_go() {
        let mut t = Terminal::new(3);
        t.write("out ", false);
        t.write("err\n", true);
        assert!(t.lines().1.next().unwrap().is_stderr());
        for i in 0..5 {
            t.write(&format!("{i}\n"), false);
        }
        assert_eq!(shown(&t), ["3", "4", ""]);
        assert_eq!(t.dropped(), 4);
    }

    #[test]
    fn changes_start_at_the_first_touched_line() {
        let mut t = Terminal::new(100);
        t.write("a\nb\nc", false);
        assert_eq!(t.take_changes(), Some(0));
        assert_eq!(t.take_changes(), None);
        t.write("d\re", false);
        assert_eq!(t.take_changes(), Some(2));
        t.write("\nf\n", false);
        assert_eq!(t.take_changes(), Some(3), "ending a line does not change it");
    }
}
