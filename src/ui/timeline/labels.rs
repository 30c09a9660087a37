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

/// `title` in at most `max` characters (`max` ≥ 8).
pub fn short_title(title: &str, max: usize) -> String {
    let count = |s: &str| s.chars().count();
    let abbreviated = match title.split_once('(').filter(|_| title.ends_with(')')) {
        Some((name, rest)) => {
            let args = &rest[..rest.len() - 1];
            let args: Vec<String> = split_args(args)
                .into_iter()
                .map(|a| if a.starts_with('<') && a.ends_with('>') { "…".to_string() } else { a.to_string() })
                .collect();
            let joined = args.join(", ");
            if count(name) + count(&joined) + 2 <= max {
                return format!("{name}({joined})");
            }
            // Still too long: the name's start and the arguments' end, where they differ most.
            let name: String =
                if count(name) > max / 2 { name.chars().take(max / 2 - 1).chain(['…']).collect() } else { name.to_string() };
            let room = max.saturating_sub(count(&name) + 3);
            let tail: String = joined.chars().rev().take(room).collect::<Vec<_>>().into_iter().rev().collect();
            return format!("{name}(…{tail})");
        }
        None => title.to_string(),
    };
    if count(&abbreviated) <= max {
        abbreviated
    } else {
        abbreviated.chars().take(max - 1).chain(['…']).collect()
    }
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
