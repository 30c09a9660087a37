//! The lines of a traceback frame as CPython 3.11+ prints them: the source line without its
//! indentation, and under it the `^` indicators of the failing expression, with `~` for the
//! operands of a binary operation or the value of a subscript (CPython's traceback.c,
//! `display_source_line_with_margin`, which the tests compare against python3).

use awaitlab_syntax::ast::{ExprKind, StmtKind};

/// The failing expression's place: its first line's 0-based columns in characters; `end_col`
/// is on `end_line`.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// "    <line>\n" and, unless the expression is the whole line, "    <indicators>\n".
pub fn frame_lines(source_line: &str, place: Place) -> String {
    let stripped = source_line.trim_start_matches([' ', '\t', '\x0c']);
    if stripped.trim_end().is_empty() {
        return String::new();
    }
    let mut out = format!("    {stripped}\n");
    if let Some(indicators) = indicators(source_line, stripped, place) {
        out.push_str("    ");
        out.push_str(&indicators);
        out.push('\n');
    }
    out
}

fn indicators(line: &str, stripped: &str, place: Place) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let indent = chars.len() - stripped.chars().count();
    let start = place.col as usize;
    let end = if place.end_line > place.line {
        line.trim_end().chars().count()
    } else if place.end_line == place.line {
        (place.end_col as usize).min(chars.len())
    } else {
        return None;
    };
    if start < indent || end <= start {
        return None;
    }
    let segment: String = chars[start..end].iter().collect();
    let anchors = if place.end_line == place.line { anchors(&segment) } else { None };
    if anchors.is_none() && end - start == stripped.chars().count() {
        return None;
    }
    let mut out = " ".repeat(display_width(&chars[indent..start]));
    let seg: Vec<char> = segment.chars().collect();
    match anchors {
        Some((left, right)) => {
            let (left, right) = (left.min(seg.len()), right.clamp(left.min(seg.len()), seg.len()));
            out.push_str(&"~".repeat(display_width(&seg[..left])));
            out.push_str(&"^".repeat(display_width(&seg[left..right])));
            out.push_str(&"~".repeat(display_width(&seg[right..])));
        }
        None => out.push_str(&"^".repeat(display_width(&seg))),
    }
    Some(out)
}

/// Where the `^` part of a binary operation (its operator) or a subscript (its brackets) lies
/// inside `segment`, in characters; `None` for any other expression.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let body = awaitlab_syntax::parse_module(segment).ok()?.body;
    let [stmt] = body.as_slice() else { return None };
    let StmtKind::Expr(expr) = &stmt.kind else { return None };
    if expr.span.line != 1 {
        return None;
    }
    let seg: Vec<char> = segment.chars().collect();
    let is_space = |c: char| c == ' ' || c == '\t' || c == '\x0c';
    match &expr.kind {
        ExprKind::BinOp(left, _, right) => {
            let (from, to) = (left.span.end_col as usize, (right.span.col as usize).min(seg.len()));
            let mut found = None;
            for i in from..to {
                if is_space(seg[i]) {
                    continue;
                }
                let two_chars = i + 1 < to && !is_space(seg[i + 1]);
                found = Some((i, i + 1 + two_chars as usize));
                // A closing parenthesis of the left operand is not the operator.
                if i + 1 < to && seg[i] == ')' {
                    continue;
                }
                break;
            }
            found
        }
        ExprKind::Subscript(value, index) => {
            let mut left = value.span.end_col as usize;
            let mut right = index.span.end_col as usize + 1;
            while left < seg.len() && seg[left] != '[' {
                left += 1;
            }
            while right < seg.len() && seg[right] != ']' {
                right += 1;
            }
            if right < seg.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

/// Columns a terminal gives these characters: two for East Asian wide and fullwidth ones.
fn display_width(chars: &[char]) -> usize {
    chars.iter().map(|&c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    const WIDE: &[(u32, u32)] = &[
        (0x1100, 0x115F),
        (0x231A, 0x231B),
        (0x2329, 0x232A),
        (0x23E9, 0x23EC),
        (0x23F0, 0x23F0),
        (0x23F3, 0x23F3),
        (0x25FD, 0x25FE),
        (0x2614, 0x2615),
        (0x2648, 0x2653),
        (0x267F, 0x267F),
        (0x2693, 0x2693),
        (0x26A1, 0x26A1),
        (0x26AA, 0x26AB),
        (0x26BD, 0x26BE),
        (0x26C4, 0x26C5),
        (0x26CE, 0x26CE),
        (0x26D4, 0x26D4),
        (0x26EA, 0x26EA),
        (0x26F2, 0x26F5),
        (0x26FA, 0x26FD),
        (0x2705, 0x2705),
        (0x270A, 0x270B),
        (0x2728, 0x2728),
        (0x274C, 0x274C),
        (0x2753, 0x2755),
        (0x2757, 0x2757),
        (0x2795, 0x2797),
        (0x27B0, 0x27B0),
        (0x27BF, 0x27BF),
        (0x2B1B, 0x2B1C),
        (0x2B50, 0x2B50),
        (0x2B55, 0x2B55),
        (0x2E80, 0x303E),
        (0x3041, 0x33FF),
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0xA000, 0xA4CF),
        (0xA960, 0xA97F),
        (0xAC00, 0xD7A3),
        (0xF900, 0xFAFF),
        (0xFE10, 0xFE19),
        (0xFE30, 0xFE6F),
        (0xFF00, 0xFF60),
        (0xFFE0, 0xFFE6),
        (0x16FE0, 0x18CFF),
        (0x1B000, 0x1B2FF),
        (0x1F004, 0x1F004),
        (0x1F0CF, 0x1F0CF),
        (0x1F18E, 0x1F18E),
        (0x1F191, 0x1F19A),
        (0x1F200, 0x1F251),
        (0x1F300, 0x1F64F),
        (0x1F680, 0x1F6FF),
        (0x1F7E0, 0x1F7EB),
        (0x1F90C, 0x1F9FF),
        (0x1FA70, 0x1FAFF),
        (0x20000, 0x3FFFD),
    ];
    let c = c as u32;
    c >= 0x1100 && WIDE.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, col: u32, end_line: u32, end_col: u32) -> Place {
        Place { line, col, end_line, end_col }
    }

    #[test]
    fn a_binary_operation_marks_its_operator() {
        assert_eq!(frame_lines("    return a / b", at(1, 11, 1, 16)), "    return a / b\n           ~~^~~\n");
        assert_eq!(frame_lines("a // \"x\"", at(1, 0, 1, 8)), "    a // \"x\"\n    ~~^^~~~~\n");
    }

    #[test]
    fn a_subscript_marks_its_brackets_even_on_a_line_of_its_own() {
        assert_eq!(frame_lines("y = x[1]", at(1, 4, 1, 8)), "    y = x[1]\n        ~^^^\n");
        assert_eq!(frame_lines("x[1]", at(1, 0, 1, 4)), "    x[1]\n    ~^^^\n");
    }

    #[test]
    fn an_expression_that_is_the_whole_line_has_no_indicators() {
        assert_eq!(frame_lines("    level2()", at(1, 4, 1, 12)), "    level2()\n");
        // Trailing spaces stay on the printed line, and then it is not the whole line.
        assert_eq!(frame_lines("f()  ", at(1, 0, 1, 3)), "    f()  \n    ^^^\n");
    }

    #[test]
    fn a_span_over_several_lines_marks_to_the_end_of_its_first() {
        assert_eq!(frame_lines("print(f(1,", at(1, 6, 2, 6)), "    print(f(1,\n          ^^^^\n");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let line = "print(x[\"猫\"] + x[\"犬\"])";
        assert_eq!(frame_lines(line, at(1, 15, 1, 21)), format!("    {line}\n                    ~^^^^^^\n"));
    }
}
