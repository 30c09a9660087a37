//! The program's output, as a terminal shows it (`crate::terminal`): written incrementally, so
//! a long run costs the page time in the length of what is new, not of everything so far. The
//! last `SHOWN_LINES` lines are in the page; earlier ones are counted, and the whole output can
//! be downloaded. Text only, never HTML; traceback entries that point into the program are
//! buttons that show the line.

use crate::terminal::{css_color, Color, Line, Terminal};
use awaitlab_engine::trace::{Chunk, Stream};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Lines kept in the page (a million prints would make the page slow to lay out).
pub const SHOWN_LINES: usize = 500;

/// `  File "main.py", line 12, in main` → 12 (a traceback entry in the program itself), also
/// inside an exception group's box (`    |   File ...`).
pub fn program_line(text: &str) -> Option<u32> {
    let rest = text.trim_start_matches([' ', '|', '+']).strip_prefix("File \"main.py\", line ")?;
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

struct FeedState {
    terminal: Terminal,
    /// Redraw everything (a new run, a replay cursor).
    reset: bool,
    /// A new run's output: shown from its end as it comes, whatever the scroll was.
    reset_scroll: bool,
    /// The line number of the first line drawn in the page, and how many are drawn.
    drawn_from: usize,
    drawn: usize,
}

/// What the console shows: the run flow writes to it, the component draws what changed. A
/// handle (Copy): the state lives in Leptos's arena, on this thread.
#[derive(Clone, Copy)]
pub struct ConsoleFeed {
    state: StoredValue<Rc<RefCell<FeedState>>, LocalStorage>,
    /// The console's element, once the component is in the page; and its draw callback.
    drawer: StoredValue<Option<(web_sys::Element, Callback<u32>)>, LocalStorage>,
    version: RwSignal<u64>,
    /// Lines let go from the front (for the note above the output).
    pub dropped: RwSignal<usize>,
}

impl Default for ConsoleFeed {
    fn default() -> Self {
        Self::new()
    }
}

impl ConsoleFeed {
    pub fn new() -> Self {
        let state = FeedState { terminal: Terminal::new(SHOWN_LINES), reset: true, reset_scroll: true, drawn_from: 0, drawn: 0 };
        ConsoleFeed {
            state: StoredValue::new_local(Rc::new(RefCell::new(state))),
            drawer: StoredValue::new_local(None),
            version: RwSignal::new(0),
            dropped: RwSignal::new(0),
        }
    }

    /// Empties the console.
    pub fn clear(&self) {
        self.state.with_value(|state| {
            let mut s = state.borrow_mut();
            s.terminal = Terminal::new(SHOWN_LINES);
            s.reset = true;
        });
        self.dropped.set(0);
        self.version.update(|v| *v += 1);
    }

    /// Writes more output.
    pub fn write(&self, chunks: &[Chunk]) {
        if chunks.is_empty() {
            return;
        }
        let dropped = self.state.with_value(|state| {
            let mut s = state.borrow_mut();
            for c in chunks {
                s.terminal.write(&c.text, c.stream == Stream::Stderr);
            }
            s.terminal.dropped()
        });
        if dropped != self.dropped.get_untracked() {
            self.dropped.set(dropped);
        }
        self.version.update(|v| *v += 1);
    }

    /// Shows exactly these chunks (a replay cursor's output so far, or the whole run again).
    pub fn show(&self, chunks: &[Chunk]) {
        self.clear();
        self.write(chunks);
        self.flush();
    }

    /// Draws what changed now, not at the next frame (a run just ended: the page says so only
    /// with its output in place).
    pub fn flush(&self) {
        if let Some((el, on_line)) = self.drawer.get_value() {
            draw(&el, *self, on_line);
        }
    }
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a page")
}

fn color_class(prefix: &str, color: Option<Color>) -> Option<String> {
    match color {
        Some(Color::Indexed(n)) if n < 16 => Some(format!("{prefix}-{n}")),
        _ => None,
    }
}

/// One line's node: plain output as a text node (most lines: cheap to make by the thousand),
/// styled runs as spans, a traceback entry of the program as a button.
fn line_node(line: &Line, last: bool, on_line: Callback<u32>) -> web_sys::Node {
    let doc = document();
    let plain = match line.spans() {
        [] => true,
        [only] => !only.stderr && !only.control && only.style == Default::default(),
        _ => false,
    };
    if plain {
        let mut text = line.text();
        if !last {
            text.push('\n');
        }
        return doc.create_text_node(&text).into();
    }
    line_element(line, last, on_line).into()
}

fn line_element(line: &Line, last: bool, on_line: Callback<u32>) -> web_sys::Element {
    let doc = document();
    let text = line.text();
    let link = if line.is_stderr() { program_line(&text) } else { None };
    let el = doc.create_element(if link.is_some() { "button" } else { "span" }).expect("element");
    el.set_class_name(if link.is_some() { "tb-line" } else { "line" });
    if let Some(n) = link {
        let _ = el.set_attribute("title", &format!("Show line {n} in the editor"));
        let click = Closure::<dyn Fn()>::new(move || on_line.run(n));
        let _ = el.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        click.forget();
    }
    for span in line.spans().iter() {
        let s = doc.create_element("span").expect("span");
        let mut class = vec![if span.stderr { "stderr".to_string() } else { "stdout".to_string() }];
        let st = span.style;
        let (fg, bg) = if st.inverse { (st.bg, st.fg) } else { (st.fg, st.bg) };
        class.extend(color_class("fg", fg));
        class.extend(color_class("bg", bg));
        for (on, name) in [
            (st.bold, "bold"),
            (st.dim, "dim"),
            (st.italic, "italic"),
            (st.underline, "underline"),
            (st.inverse, "inverse"),
            (span.control, "ctrl"),
        ] {
            if on {
                class.push(name.into());
            }
        }
        s.set_class_name(&class.join(" "));
        // Colours past the 16 named ones: through CSSOM (the page allows no style attributes).
        if let Ok(html) = s.clone().dyn_into::<web_sys::HtmlElement>() {
            if let Some(c) = fg.and_then(css_color) {
                let _ = html.style().set_property("color", &c);
            }
            if let Some(c) = bg.and_then(css_color) {
                let _ = html.style().set_property("background-color", &c);
            }
        }
        if span.control {
            let _ = s.set_attribute("title", "a control character, shown by name");
        }
        s.set_text_content(Some(&span.text));
        let _ = el.append_child(&s);
    }
    // The line break stays outside a button: inside it would not break the line.
    if link.is_some() {
        let wrap = doc.create_element("span").expect("span");
        wrap.set_class_name("line");
        let _ = wrap.append_child(&el);
        if !last {
            let _ = wrap.append_child(&doc.create_text_node("\n"));
        }
        return wrap;
    }
    if !last {
        let _ = el.append_child(&doc.create_text_node("\n"));
    }
    el
}

/// Brings the page's lines up to date with the terminal. The page holds lines
/// `drawn_from .. drawn_from + drawn`; lines changed since the last draw are drawn again, and
/// so is the last one drawn (it gains its line break when a line follows); lines the terminal
/// let go are removed.
fn draw(pre: &web_sys::Element, feed: ConsoleFeed, on_line: Callback<u32>) {
    let state = feed.state.get_value();
    let mut guard = state.borrow_mut();
    let s = &mut *guard;
    let changed = s.terminal.take_changes();
    let (first, end) = {
        let (first, lines) = s.terminal.lines();
        (first, first + lines.count())
    };
    if s.reset {
        pre.set_text_content(None);
        s.reset = false;
        s.reset_scroll = true;
        s.drawn_from = first;
        s.drawn = 0;
    }
    let drawn_end = s.drawn_from + s.drawn;
    if changed.is_none() && drawn_end == end && s.drawn_from == first {
        return;
    }
    // Follow the output as a terminal does, unless the learner scrolled up to read.
    let following = s.reset_scroll || pre.scroll_top() + pre.client_height() >= pre.scroll_height() - 8;
    s.reset_scroll = false;
    let redraw_from = changed.unwrap_or(end).min(drawn_end.saturating_sub(1));
    // From the ends, never by index: a live child list walks from its start after each change.
    let keep = redraw_from.saturating_sub(s.drawn_from).min(s.drawn);
    for _ in keep..s.drawn {
        if let Some(child) = pre.last_child() {
            let _ = pre.remove_child(&child);
        }
    }
    s.drawn = keep;
    let gone = first.saturating_sub(s.drawn_from).min(s.drawn);
    if gone == s.drawn && gone > 0 {
        pre.set_text_content(None);
    } else {
        for _ in 0..gone {
            if let Some(child) = pre.first_child() {
                let _ = pre.remove_child(&child);
            }
        }
    }
    s.drawn -= gone;
    s.drawn_from += gone;
    if s.drawn == 0 {
        s.drawn_from = first;
    }
    let from = s.drawn_from + s.drawn;
    let fragment = document().create_document_fragment();
    let (first, lines) = s.terminal.lines();
    for (i, line) in lines.enumerate().skip(from - first) {
        let _ = fragment.append_child(&line_node(line, first + i + 1 == end, on_line));
        s.drawn += 1;
    }
    let _ = pre.append_child(&fragment);
    if following {
        pre.set_scroll_top(pre.scroll_height());
    }
}

#[component]
pub fn Console(feed: ConsoleFeed, on_line: Callback<u32>, #[prop(into)] on_download: Callback<()>) -> impl IntoView {
    let pre = NodeRef::<leptos::html::Pre>::new();
    let dropped = feed.dropped;
    // Drawn once a frame at most, however often output arrives.
    let frame_requested = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(el) = pre.get() {
            let el: web_sys::Element = el.into();
            feed.drawer.set_value(Some((el, on_line)));
        }
    });
    Effect::new(move |_| {
        feed.version.track();
        if frame_requested.get_value() {
            return;
        }
        frame_requested.set_value(true);
        let draw_now = Closure::once_into_js(move || {
            frame_requested.set_value(false);
            if let Some(el) = pre.get_untracked() {
                draw(&el, feed, on_line);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(draw_now.unchecked_ref());
        }
    });
    view! {
        {move || (dropped.get() > 0).then(|| view! {
            <p class="console-note" data-testid="console-note">
                {format!("{} earlier line{} not shown here. ", super::timeline::thousands(dropped.get() as u64), if dropped.get() == 1 { " is" } else { "s are" })}
                <button class="link" on:click=move |_| on_download.run(())>"Download the whole output"</button>
            </p>
        })}
        <pre class="console" data-testid="console" aria-live="polite" aria-label="Program output" node_ref=pre></pre>
        <InputLine />
    }
}

/// The line a program waiting in `input()` reads: shown while it waits, focused, sent on
/// Enter (Ctrl+D: end of input, as a terminal's).
#[component]
fn InputLine() -> impl IntoView {
    let wanted = crate::browser::engine::input_wanted();
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if wanted.get().is_some() {
            if let Some(el) = field.get() {
                let _ = el.focus();
            }
        }
    });
    let send = move |line: Option<String>| {
        if let Some(run) = wanted.get_untracked() {
            crate::browser::engine::send_input(run, line.as_deref());
        }
    };
    view! {
        <Show when=move || wanted.get().is_some()>
            <form class="console-input" on:submit=move |ev: web_sys::SubmitEvent| {
                ev.prevent_default();
                send(field.get_untracked().map(|el| el.value()));
            }>
                <label for="console-input">"input()"</label>
                <input id="console-input" data-testid="console-input" type="text" autocomplete="off" spellcheck="false"
                    aria-label="Input for the program (Enter sends it, Ctrl+D ends input)" node_ref=field
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.ctrl_key() && ev.key() == "d" {
                            ev.prevent_default();
                            send(None);
                        }
                    } />
                <button type="submit">"Enter"</button>
            </form>
        </Show>
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
