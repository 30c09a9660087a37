// Shared by the end-to-end tests: one Chromium, pages that record their errors, runs.
import { chromium } from 'playwright-core';

export const URL = process.env.AWAITLAB_URL ?? 'http://127.0.0.1:8080/';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/// The page allows no inline styles. When a test fills the editor, Chromium's own editing
/// commands try to put a `style` attribute on the contenteditable's lines; the policy refuses it
/// (harmlessly: CodeMirror redraws its lines) and says so on the console. Not the page's doing.
export function isEditingStyleRefusal(text) {
  return text.startsWith('Applying inline style violates') && text.includes("'unsafe-hashes'");
}

export async function openPage(browserOrContext) {
  const page = await browserOrContext.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !isEditingStyleRefusal(m.text())) errors.push(m.text()); });
  await page.goto(URL);
  await ready(page);
  return { page, errors };
}

/// The page is up and the learner's program open (the workspace loads from IndexedDB first).
export async function ready(page) {
  await page.getByTestId('run').waitFor();
  await page.locator('main[data-ready="true"]').waitFor();
}

/// The program in the editor (CodeMirror's document, or the fallback textarea's value).
export function editorText(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="editor"]');
    return el.tagName === 'TEXTAREA' ? el.value : AwaitlabEditor.textOf(el);
  });
}

/// The text selected in the editor.
export function editorSelection(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="editor"]');
    return el.tagName === 'TEXTAREA' ? el.value.slice(el.selectionStart, el.selectionEnd) : AwaitlabEditor.selectionOf(el);
  });
}

/// Opens demo `id` from the gallery (opening the gallery first if it is closed).
export async function openDemo(page, id) {
  const gallery = page.getByTestId('gallery');
  if (!(await gallery.evaluate((d) => d.open))) await gallery.locator('summary').click();
  await gallery.locator(`button[data-demo="${id}"]`).click();
}

export async function startProgram(page, source, { realTime = false } = {}) {
  await page.getByTestId('editor').fill(source);
  await page.getByTestId('real-time').setChecked(realTime);
  await page.getByTestId('run').click();
}

export async function finished(page) {
  await page.waitForSelector('[data-testid="run-state"]:is([data-state="done"],[data-state="failed"],[data-state="stopped"])', { timeout: 60000 });
  return {
    state: await page.getByTestId('run-state').getAttribute('data-state'),
    output: await page.getByTestId('console').textContent(),
  };
}

export async function runProgram(page, source, options) {
  await startProgram(page, source, options);
  return finished(page);
}

/// Waits until an async check in the page comes true (`waitForFunction` would take the check's
/// promise itself as a truthy answer and return at once).
export async function until(page, check, arg, { timeout = 30000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(check, arg)) return;
    if (Date.now() > end) throw new Error(`not true within ${timeout} ms: ${check}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
