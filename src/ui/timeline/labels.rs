//! Lane titles short enough for the title column that still tell tasks apart: the argument
//! that differs (`'student'`, `7`) is kept; object reprs (`<ClientSession>`) become `…`. The
//! full title stays on hover.

/// The arguments of `name(args)`, split at top-level commas (not inside brackets or quotes).
fn split_args(args: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<char>, 0);
    let mut chars = args.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{' | '<') => depth += 1,
            (None, ')' | ']' | '}' | '>') => depth -= 1,
            (None, ',') if depth == 0 => {
                parts.push(args[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(args[start..].trim());
    parts
}

/// An argument as it is worth showing: an object repr says nothing (`None`); a long list or
/// dict is its brackets.
fn shown_arg(arg: &str) -> Option<String> {
    if arg.starts_with('<') && arg.ends_with('>') {
        return None;
    }
    let long = arg.chars().count() > 12;
    Some(match arg.chars().next() {
        Some(open @ ('[' | '(' | '{')) if long => format!("{open}…{}", arg.chars().last().unwrap_or(open)),
        _ => arg.to_string(),
    })
}

/// `text` in at most `max` characters, an ellipsis marking a cut.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars().take(max.saturating_sub(1)).chain(['…']).collect()
    }
}

/// `title` in at most `max` characters (`max` ≥ 8).
pub fn short_title(title: &str, max: usize) -> String {
    let count = |s: &str| s.chars().count();
    let Some((name, rest)) = title.split_once('(').filter(|_| title.ends_with(')')) else { return cut(title, max) };
    let args: Vec<Option<String>> = split_args(&rest[..rest.len() - 1]).into_iter().filter(|a| !a.is_empty()).map(shown_arg).collect();
    // Objects as "…" where that fits; else without them (the hover has the whole title).
    let with_objects = args.iter().map(|a| a.as_deref().unwrap_or("…")).collect::<Vec<_>>().join(", ");
    if count(name) + count(&with_objects) + 2 <= max {
        return format!("{name}({with_objects})");
    }
    let distinct = args.iter().flatten().cloned().collect::<Vec<_>>().join(", ");
    let name_room = max.saturating_sub(count(&distinct) + 2);
    if name_room >= count(name) {
        return format!("{name}({distinct})");
    }
    // A name cut to its first few letters still names it; the argument is what differs.
    if name_room >= 4 {
        return format!("{}({distinct})", cut(name, name_room));
    }
    // Still too long: the name's start and the arguments' end, where they differ most.
    let name = cut(name, max / 2);
    let room = max.saturating_sub(count(&name) + 3);
    let tail: String = distinct.chars().rev().take(room).collect::<Vec<_>>().into_iter().rev().collect();
    format!("{name}(…{tail})")
}

#[cfg(test)]
mod tests {
    use super::short_title;

    #[test]
    fn object_arguments_give_way_to_the_ones_that_differ() {
        assert_eq!(short_title("get_video(<ClientSession>, 'student')", 24), "get_video(…, 'student')");
        assert_eq!(short_title("fetch(<ClientSession>, 7)", 24), "fetch(…, 7)");
        assert_eq!(short_title("main()", 24), "main()");
        assert_eq!(short_title("worker('a, b', [1, 2])", 24), "worker('a, b', [1, 2])");
        assert_eq!(short_title("get_video_async('student', <ClientSession>)", 24), "get_video_as…('student')");
        assert_eq!(short_title("fetch_all_videos(['student', 'river', 'garden'], 100)", 24), "fetch_all_vid…([…], 100)");
    }

    #[test]
    fn a_narrow_column_cuts_the_name_before_the_argument() {
        assert_eq!(short_title("get_video(<ClientSession>, 'student')", 16), "get_…('student')");
        assert_eq!(short_title("get_video(<ClientSession>, 'river')", 16), "get_vi…('river')");
    }

    #[test]
    fn long_titles_keep_the_end_of_their_arguments() {
        let a = short_title("download_file(<Session>, 'https://example.com/files/7.bin')", 24);
        let b = short_title("download_file(<Session>, 'https://example.com/files/8.bin')", 24);
        assert!(a.chars().count() <= 24, "{a}");
        assert_ne!(a, b);
        assert!(a.ends_with("7.bin')"), "{a}");
        assert_eq!(short_title("a_coroutine_with_a_very_long_name_indeed", 24).chars().count(), 24);
    }
}
