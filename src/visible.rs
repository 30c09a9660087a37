//! Text from a program (its output, task names, exception messages) shown so that it cannot
//! spoof: invisible and bidirectional control characters are named, as CPython's `repr` names
//! them (`\u202e`), instead of being applied. A right-to-left override in a print must not
//! reorder the console, and a zero-width space must not hide inside a name.

/// A piece of text to show: plain text, or a control character spelled out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// The character's escape (`\x1b`, `\u202e`) and its code point, for a tooltip.
    Control {
        escape: String,
        code: u32,
    },
}

/// Characters that would change how other text reads without showing themselves. Joiners
/// (U+200C, U+200D) and variation selectors stay: emoji and several scripts need them.
pub fn is_hidden_control(c: char) -> bool {
    let u = c as u32;
    match u {
        0x09 | 0x0A => false,
        0x00..=0x1F | 0x7F..=0x9F => true,
        0x00AD | 0x061C | 0x180E | 0x200B | 0x200E | 0x200F | 0x2028 | 0x2029 | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F => true,
        0xFEFF | 0xFFF9..=0xFFFB | 0xE0000..=0xE007F => true,
        _ => false,
    }
}

/// CPython's `repr` spelling of a character: `\x07`, `\u202e`, `\U000e0041`.
pub fn escape(c: char) -> String {
    let u = c as u32;
    match u {
        0x0D => "\\r".into(),
        0..=0xFF => format!("\\x{u:02x}"),
        0x100..=0xFFFF => format!("\\u{u:04x}"),
        _ => format!("\\U{u:08x}"),
    }
}

/// Splits `text` into plain runs and named control characters.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_hidden_control(c) {
            if start < i {
                out.push(Piece::Text(&text[start..i]));
            }
            out.push(Piece::Control { escape: escape(c), code: c as u32 });
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push(Piece::Text(&text[start..]));
    }
    out
}

/// `text` with its control characters spelled out, for places that show plain text only
/// (a lane's title in the timeline, a tooltip).
pub fn plain(text: &str) -> String {
    if !text.chars().any(is_hidden_control) {
        return text.to_string();
    }
    text.chars().map(|c| if is_hidden_control(c) { escape(c) } else { c.to_string() }).collect()
}

/// Every text of a timeline that came from the program (task names, coroutine arguments, what
/// a task waited on, printed text, URLs, resource names), spelled out once, so that no drawing
/// of it (SVG, canvas, tooltips, exports) can apply a control character.
pub fn timeline(m: &mut awaitlab_engine::trace::timeline::Timeline) {
    fn rc(s: &mut std::rc::Rc<str>) {
        if s.bytes().any(|b| !(0x20..0x7f).contains(&b)) && s.chars().any(is_hidden_control) {
            *s = std::rc::Rc::from(plain(s));
        }
    }
    fn owned(s: &mut String) {
        if s.bytes().any(|b| !(0x20..0x7f).contains(&b)) && s.chars().any(is_hidden_control) {
            *s = plain(s);
        }
    }
    for lane in &mut m.lanes {
        rc(&mut lane.name);
        owned(&mut lane.title);
        lane.segments.iter_mut().for_each(|s| rc(&mut s.label));
        lane.prints.iter_mut().for_each(|p| rc(&mut p.text));
    }
    m.main_prints.iter_mut().for_each(|p| rc(&mut p.text));
    for r in &mut m.requests {
        owned(&mut r.label);
        if let Some(e) = r.error.as_mut() {
            rc(e);
        }
    }
    m.blocked.iter_mut().for_each(|b| rc(&mut b.label));
    m.resources.iter_mut().for_each(|r| rc(&mut r.kind));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_overrides_and_invisible_characters_are_named() {
        assert_eq!(plain("abc\u{202e}txt.exe"), "abc\\u202etxt.exe");
        assert_eq!(plain("a\u{200b}b\u{feff}"), "a\\u200bb\\ufeff");
        assert_eq!(plain("bell\x07 nul\0"), "bell\\x07 nul\\x00");
        assert_eq!(plain("tag\u{e0041}"), "tag\\U000e0041");
        assert_eq!(plain("\u{2066}isolate\u{2069}"), "\\u2066isolate\\u2069");
    }

    #[test]
    fn ordinary_text_joiners_and_emoji_pass_unchanged() {
        for s in ["hello\tworld\n", "family 👨\u{200d}👩\u{200d}👧", "héllo wörld", "ﷺ العربية", "⚠\u{fe0f}"] {
            assert_eq!(plain(s), s);
            assert_eq!(pieces(s), vec![Piece::Text(s)]);
        }
    }

    #[test]
    fn pieces_keep_the_text_around_controls() {
        assert_eq!(
            pieces("a\u{202e}b"),
            vec![Piece::Text("a"), Piece::Control { escape: "\\u202e".into(), code: 0x202e }, Piece::Text("b")]
        );
        assert_eq!(pieces(""), vec![]);
    }
}
