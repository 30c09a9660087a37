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

// --- Mounting ---

/**
 * Mounts an editor in `parent`. Callbacks: onChange(text) on every edit, onRun() on
 * Ctrl/Cmd+Enter, onCursorLine(n) when the cursor moves to another line (1-based).
 */
// The type size is a theme (not page CSS), so that CodeMirror measures its lines again when
// projector mode changes it.
const NORMAL_TYPE = EditorView.theme({ "&": { fontSize: "14px" } });
const LARGE_TYPE = EditorView.theme({ "&": { fontSize: "22px" } });

export function mount(parent, doc, onChange, onRun, onCursorLine) {
  let cursorLine = 0;
  const typeSize = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(),
        drawSelection(), indentOnInput(), bracketMatching(), highlightActiveLine(),
        highlightSelectionMatches(), syntaxHighlighting(classHighlighter),
        pythonLanguage, indentUnit.of("    "), EditorState.tabSize.of(4), errorField, typeSize.of(NORMAL_TYPE),
        keymap.of([
          { key: "Mod-Enter", run: () => { onRun(); return true; } },
          ...defaultKeymap, ...searchKeymap, ...historyKeymap,
          indentWithTab,
        ]),
        EditorView.contentAttributes.of({
          "data-testid": "editor",
          "aria-label": "Python program (Tab indents; press Escape then Tab to leave the editor)",
          spellcheck: "false", autocapitalize: "off", autocorrect: "off",
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
          if (u.docChanged || u.selectionSet) {
            const n = u.state.doc.lineAt(u.state.selection.main.head).number;
            if (n !== cursorLine) { cursorLine = n; onCursorLine(n); }
          }
        }),
      ],
    }),
  });
  return new EditorHandle(view, typeSize);
}

class EditorHandle {
  constructor(view, typeSize) { this.view = view; this.typeSize = typeSize; }
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
