use awaitlab_engine::trace::{Chunk, Stream};
use leptos::prelude::*;

/// `  File "main.py", line 12, in main` → 12 (a traceback entry in the program itself), also
/// inside an exception group's box (`    |   File ...`).
pub fn program_line(text: &str) -> Option<u32> {
    let rest = text.trim_start_matches([' ', '|', '+']).strip_prefix("File \"main.py\", line ")?;
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

/// The program's output in the order written; stderr styled apart; traceback entries that
/// point into the program are buttons that show the line. Text only, never HTML.
#[component]
pub fn Console(#[prop(into)] chunks: Signal<Vec<Chunk>>, on_line: Callback<u32>) -> impl IntoView {
    view! {
        <pre class="console" data-testid="console" aria-live="polite" aria-label="Program output">
            <For
                each=move || chunks.get().into_iter().enumerate()
                key=|(i, c)| (*i, c.text.len())
                children=move |(_, c)| {
                    if c.stream == Stream::Stdout {
                        return view! { <span class="stdout">{c.text}</span> }.into_any();
                    }
                    let parts = c.text.split_inclusive('\n').map(|line| {
                        let line = line.to_string();
                        match program_line(&line) {
                            // The newline stays outside the button: inside it would not break the line.
                            Some(n) => {
                                let newline = if line.ends_with('\n') { "\n" } else { "" };
                                let text = line.trim_end_matches('\n').to_string();
                                view! {
                                    <button class="tb-line" title=format!("Show line {n} in the editor")
                                        on:click=move |_| on_line.run(n)>{text}</button>
                                    {newline}
                                }.into_any()
                            }
                            None => view! { <span>{line}</span> }.into_any(),
                        }
                    }).collect_view();
                    view! { <span class="stderr">{parts}</span> }.into_any()
                }
            />
        </pre>
    }
}

#[cfg(test)]
mod tests {
    use super::program_line;

    #[test]
    fn traceback_entries_of_the_program_link_to_their_line() {
        assert_eq!(program_line("  File \"main.py\", line 12, in main\n"), Some(12));
        assert_eq!(program_line("    |   File \"main.py\", line 8, in fetch\n"), Some(8));
        assert_eq!(program_line("  File \"other.py\", line 3, in f\n"), None);
        assert_eq!(program_line("    print(\"File \\\"main.py\\\", line 1\")\n"), None);
    }
}
