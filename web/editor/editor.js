// The program editor: CodeMirror 6 with Python, bundled by esbuild (cargo xtask) into one
// classic script that defines `AwaitlabEditor`. The Leptos component (src/ui/editor.rs) calls
// only what is exported here; all editing behaviour is CodeMirror's own.
import { EditorState, StateEffect, StateField, RangeSetBuilder, Compartment } from "@codemirror/state";
import {
  EditorView, Decoration, WidgetType, keymap, lineNumbers, highlightActiveLine,
  highlightActiveLineGutter, drawSelection, highlightSpecialChars,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { indentOnInput, bracketMatching, syntaxHighlighting, indentUnit, StreamLanguage } from "@codemirror/language";
import { rust } from "@codemirror/legacy-modes/mode/rust";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { classHighlighter } from "@lezer/highlight";
import { python } from "@codemirror/legacy-modes/mode/python";

// Python through CodeMirror's stream parser (highlighting, indentation after ":", dedent on
// else/elif/except/finally): 23 KB gzipped less than @codemirror/lang-python's Lezer grammar,
// which the page does not need (errors are marked by the engine, not by the editor's parser).
const pythonLanguage = StreamLanguage.define(python);

// --- The error mark: the failing line, the failing part of it, and the message below. ---

const setError = StateEffect.define();

class MessageWidget extends WidgetType {
  constructor(message) { super(); this.message = message; }
  eq(other) { return other.message === this.message; }
  toDOM() {
    const el = document.createElement("div");
    el.className = "cm-error-message";
    el.setAttribute("data-testid", "editor-error");
    el.textContent = this.message; // text, never markup
    return el;
  }
}

/// Python columns count code points; CodeMirror counts UTF-16 units.
function unitsOf(text, codePoints) {
  let units = 0, seen = 0;
  for (const ch of text) {
    if (seen++ >= codePoints) break;
    units += ch.length;
  }
  return units;
}

function errorDecorations(doc, error) {
  if (!error || error.line < 1 || error.line > doc.lines) return Decoration.none;
  const line = doc.line(error.line);
  const builder = new RangeSetBuilder();
  builder.add(line.from, line.from, Decoration.line({ class: "cm-error-line" }));
  // No column range: the line's text without its indentation.
  const whole = error.endCol <= error.col;
  const from = line.from + (whole ? line.text.length - line.text.trimStart().length : unitsOf(line.text, error.col));
  const to = whole ? line.to : Math.max(from + 1, line.from + unitsOf(line.text, error.endCol));
  if (from < line.to) builder.add(from, to, Decoration.mark({ class: "cm-error-range" }));
  builder.add(line.to, line.to, Decoration.widget({ widget: new MessageWidget(error.message), side: 1, block: true }));
  return builder.finish();
}

// The mark stays until the program is edited or the next run clears it.
const errorField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) if (e.is(setError)) return errorDecorations(tr.state.doc, e.value);
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// --- The loop inspector's task marks: where each task is suspended, and what runs. ---

const setTasks = StateEffect.define();

class TaskChips extends WidgetType {
  constructor(chips) { super(); this.chips = chips; }
  eq(other) { return JSON.stringify(other.chips) === JSON.stringify(this.chips); }
  toDOM() {
    const el = document.createElement("span");
    el.className = "cm-task-chips";
    for (const chip of this.chips) {
      const c = document.createElement("span");
      c.className = chip.running ? "cm-task-chip running" : "cm-task-chip";
      c.setAttribute("data-testid", "task-mark");
      c.textContent = chip.label + (chip.running ? " runs" : " waits"); // text, never markup
      el.appendChild(c);
    }
    return el;
  }
}

/// marks: [{ line, label, running }] (1-based lines): a chip per task at the end of its line.
function taskDecorations(doc, marks) {
  if (!marks || !marks.length) return Decoration.none;
  const byLine = new Map();
  for (const m of marks) {
    if (m.line < 1 || m.line > doc.lines) continue;
    if (!byLine.has(m.line)) byLine.set(m.line, []);
    byLine.get(m.line).push(m);
  }
  const builder = new RangeSetBuilder();
  for (const n of [...byLine.keys()].sort((a, b) => a - b)) {
    const line = doc.line(n);
    const chips = byLine.get(n);
    const cls = chips.some((c) => c.running) ? "cm-task-line running" : "cm-task-line";
    builder.add(line.from, line.from, Decoration.line({ class: cls }));
    builder.add(line.to, line.to, Decoration.widget({ widget: new TaskChips(chips), side: 1 }));
  }
  return builder.finish();
}

// The marks stay until the inspector moves, closes, or the program is edited.
const taskField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) if (e.is(setTasks)) return taskDecorations(tr.state.doc, e.value);
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// --- Mounting ---

/**
 * Mounts an editor in `parent`. Callbacks: onChange(text) on every edit, onRun() on
 * Ctrl/Cmd+Enter, onCursorLine(n) when the cursor moves to another line (1-based).
 */
// The type size is a theme (not page CSS), so that CodeMirror measures its lines again when
// projector mode changes it.
const NORMAL_TYPE = EditorView.theme({ "&": { fontSize: "14px" } });
const LARGE_TYPE = EditorView.theme({ "&": { fontSize: "22px" } });

// Tab, as CodeMirror's accessibility guide advises: it indents only once the learner is
// editing (typed, clicked into the text); arriving by Tab, the next Tab moves on through the
// page, and Escape hands Tab back to the page from anywhere in the editor.
function tabKeys(editing) {
  const indentIfEditing = (view) => (editing.on ? indentWithTab.run(view) : false);
  const dedentIfEditing = (view) => (editing.on ? indentWithTab.shift(view) : false);
  return [
    { key: "Tab", run: indentIfEditing, shift: dedentIfEditing },
    { key: "Escape", run: () => { editing.on = false; return false; } },
  ];
}

function editingTracker(editing, onEditing) {
  const set = (on) => { if (editing.on !== on) { editing.on = on; onEditing(on); } };
  // A click focuses the editor right after its mousedown: that focus is editing, not arriving by Tab.
  let pressed = false;
  return EditorView.domEventHandlers({
    focus: () => { if (!pressed) set(false); },
    blur: () => { set(false); },
    mousedown: () => { pressed = true; set(true); setTimeout(() => { pressed = false; }, 0); },
    keydown: (event) => {
      if (event.key.length === 1 || ["Enter", "Backspace", "Delete"].includes(event.key)) set(true);
      if (event.key === "Escape") set(false);
    },
  });
}

export function mount(parent, doc, onChange, onRun, onCursorLine, onEditing) {
  let cursorLine = 0;
  const typeSize = new Compartment();
  const editing = { on: false };
  const extensions = [
    lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(),
    drawSelection(), indentOnInput(), bracketMatching(), highlightActiveLine(),
    highlightSelectionMatches(), syntaxHighlighting(classHighlighter),
    pythonLanguage, indentUnit.of("    "), EditorState.tabSize.of(4), errorField, taskField, typeSize.of(NORMAL_TYPE),
    keymap.of([
      { key: "Mod-Enter", run: () => { onRun(); return true; } },
      ...tabKeys(editing),
      ...defaultKeymap, ...searchKeymap, ...historyKeymap,
    ]),
    editingTracker(editing, onEditing || (() => {})),
    EditorView.contentAttributes.of({
      "data-testid": "editor",
      "aria-label": "Python program (Tab indents while you edit; Escape then Tab leaves the editor)",
      spellcheck: "false", autocapitalize: "off", autocorrect: "off",
    }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) onChange(u.state.doc.toString());
      if (u.docChanged || u.selectionSet) {
        const n = u.state.doc.lineAt(u.state.selection.main.head).number;
        if (n !== cursorLine) { cursorLine = n; onCursorLine(n); }
      }
    }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc, extensions }) });
  return new EditorHandle(view, typeSize, extensions);
}

class EditorHandle {
  constructor(view, typeSize, extensions) {
    this.view = view; this.typeSize = typeSize; this.extensions = extensions;
    // Each program's editor state (its undo history with it) while the page is open.
    this.states = new Map();
    this.key = null;
  }
  /// Opens program `key` with `text`: its own undo history comes back if it was open before
  /// (and its text is still `text`), else it starts with `text`.
  switchTo(key, text) {
    if (this.key !== null) this.states.set(this.key, this.view.state);
    this.key = key;
    const kept = this.states.get(key);
    const large = this.typeSize.get(this.view.state);
    let state = kept && kept.doc.toString() === text ? kept : EditorState.create({ doc: text, extensions: this.extensions });
    this.view.setState(state);
    this.view.dispatch({ effects: this.typeSize.reconfigure(large) });
  }
  text() { return this.view.state.doc.toString(); }
  /// Replaces the whole program (a demo, a link, a restore); one undoable step.
  setText(text) {
    if (text === this.text()) return;
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }
  /// Selects line `n` (1-based), scrolls it to the middle and focuses the editor.
  showLine(n) {
    const doc = this.view.state.doc;
    if (n < 1 || n > doc.lines) return;
    const line = doc.line(n);
    this.view.dispatch({
      selection: { anchor: line.from, head: line.to },
      effects: EditorView.scrollIntoView(line.from, { y: "center" }),
    });
    this.view.focus();
  }
  /// Marks an error: `col`/`endCol` are 0-based code-point columns on `line`.
  markError(line, col, endCol, message) {
    this.view.dispatch({ effects: setError.of({ line, col, endCol, message }) });
  }
  clearError() { this.view.dispatch({ effects: setError.of(null) }); }
  /// The loop inspector's marks: [{ line, label, running }], or [] to clear them.
  markTasks(marks) { this.view.dispatch({ effects: setTasks.of(marks) }); }
  /// Projector mode: large type on or off.
  setLargeType(on) { this.view.dispatch({ effects: this.typeSize.reconfigure(on ? LARGE_TYPE : NORMAL_TYPE) }); }
}

/// For tests and tools: the program in the editor whose content element is `el`.
export function textOf(el) {
  const view = EditorView.findFromDOM(el);
  return view ? view.state.doc.toString() : null;
}

/// For tests: the selected text of that editor.
export function selectionOf(el) {
  const view = EditorView.findFromDOM(el);
  if (!view) return null;
  const { from, to } = view.state.selection.main;
  return view.state.sliceDoc(from, to);
}

/// A read-only, highlighted view of Rust source (the demos' async Rust twins).
export function showRust(parent, doc) {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(), highlightSpecialChars(), drawSelection(), syntaxHighlighting(classHighlighter),
        StreamLanguage.define(rust), EditorState.readOnly.of(true), EditorView.editable.of(false),
        EditorView.contentAttributes.of({ "aria-label": "Rust source (read only)", "data-testid": "rust-source" }),
      ],
    }),
  });
}
