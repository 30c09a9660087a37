// Nothing a learner types is lost (issue 17): every program is a file of the workspace, kept in
// IndexedDB; demos, links, embeds, other tabs and the Tab key never overwrite one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, openDemo, URL, editorText, finished, until } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const b64url = (text) => Buffer.from(text, 'utf8').toString('base64url');

async function fresh(options = {}) {
  const context = await browser.newContext(options);
  const { page, errors } = await openPage(context);
  return { context, page, errors };
}

async function programNames(page) {
  const panel = page.getByTestId('programs');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
  return page.getByTestId('program-entry').allTextContents();
}

async function openProgram(page, name) {
  await programNames(page);
  await page.getByTestId('program-entry').filter({ hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }).click();
}

/// What IndexedDB holds: [name, text] of every program, by name.
function stored(page) {
  return page.evaluate(async () => (await AwaitlabStore.allPrograms()).map((p) => [p.name, p.text]).sort());
}

async function reload(page) {
  await page.reload();
  await page.locator('main[data-ready="true"]').waitFor();
}

test('own program, then two demos, then a reload: the own program is still there, and each demo keeps its edits', async () => {
  const { context, page, errors } = await fresh();
  await page.getByTestId('editor').fill('print("my own work")\n');
  await openDemo(page, '03-lazy-coroutine-eager-task');
  await page.getByTestId('editor').fill('print("my version of demo 3")\n');
  await openDemo(page, '04-await-in-any-order');
  assert.match(await editorText(page), /^import asyncio/, 'demo 4 opens as the demo');
  await reload(page);
  assert.deepEqual((await programNames(page)).sort(), ['await-in-any-order.py', 'lazy-coroutine-eager-task.py', 'meow.py']);
  await openProgram(page, 'meow.py');
  assert.equal(await editorText(page), 'print("my own work")\n');
  // Reopening the demo from the gallery brings the learner's version back, not the original.
  await openDemo(page, '03-lazy-coroutine-eager-task');
  assert.equal(await editorText(page), 'print("my version of demo 3")\n');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a course page with three embeds leaves the app\'s programs untouched, and each embed keeps its own edits', async () => {
  // The course page is on the app's own site (the worst case: same storage); no service worker,
  // so the page below is what the browser gets.
  const { context, page } = await fresh({ serviceWorkers: 'block' });
  await page.getByTestId('editor').fill('print("app program")\n');
  await until(page, async () => (await AwaitlabStore.allPrograms()).some((p) => p.text === 'print("app program")\n'));
  const embeds = ['print("one")\n', 'print("two")\n', 'print("three")\n'];
  const course = URL + 'course-page-test.html';
  await context.route(course, (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><title>Week 3</title>' + embeds.map((code) => `<iframe width=600 height=400 src="${URL}?embed=1#code=${b64url(code)}"></iframe>`).join(''),
  }));
  const coursePage = await context.newPage();
  await coursePage.goto(course);
  const second = coursePage.frames().find((f) => f.url().includes(b64url(embeds[1])));
  await second.locator('main[data-ready="true"]').waitFor();
  await second.getByTestId('editor').fill('print("two, edited in the embed")\n');
  await coursePage.waitForTimeout(500);
  // The app: the same program, the same single file.
  await reload(page);
  assert.equal(await editorText(page), 'print("app program")\n');
  assert.deepEqual(await stored(page), [['meow.py', 'print("app program")\n']]);
  // The course page again: the edited embed shows the learner's edit, the others their own programs.
  await coursePage.reload();
  const frames = embeds.map((code) => coursePage.frames().find((f) => f.url().includes(b64url(code))));
  for (const f of frames) await f.locator('main[data-ready="true"]').waitFor();
  await frames[1].waitForFunction(() => AwaitlabEditor.textOf(document.querySelector('[data-testid="editor"]')).includes('edited'));
  assert.equal(await editorText(frames[0]), embeds[0]);
  assert.equal(await editorText(frames[1]), 'print("two, edited in the embed")\n');
  assert.equal(await editorText(frames[2]), embeds[2]);
  await context.close();
});

test('two tabs: each keeps its own program, and the same program changed in the other tab is never silently overwritten', async () => {
  const { context, page: a } = await fresh();
  await a.getByTestId('editor').fill('print("tab A")\n');
  const { page: b } = await openPage(context);
  await b.getByTestId('programs').locator('summary').click();
  await b.getByTestId('new-program').click();
  await b.getByTestId('editor').fill('print("tab B")\n');
  await a.waitForTimeout(600);
  await reload(a);
  await reload(b);
  assert.equal(await editorText(a), 'print("tab A")\n', 'each tab reopens its own program');
  assert.equal(await editorText(b), 'print("tab B")\n');
  assert.deepEqual((await stored(a)).map((p) => p[1]).sort(), ['print("tab A")\n', 'print("tab B")\n']);
  // Tab B opens A's program and changes it: tab A is told, and chooses.
  await openProgram(b, 'meow.py');
  await b.getByTestId('editor').fill('print("tab A, changed in B")\n');
  const notice = a.getByTestId('notice');
  await notice.waitFor({ timeout: 5000 });
  assert.match(await notice.textContent(), /changed in another tab/);
  await a.getByTestId('reload-program').click();
  await a.waitForFunction(() => AwaitlabEditor.textOf(document.querySelector('[data-testid="editor"]')) === 'print("tab A, changed in B")\n');
  assert.equal(await a.getByTestId('notice').count(), 0);
  await context.close();
});

test('Tab into the editor and on through the page changes nothing; Tab indents once editing, Escape gives Tab back', async () => {
  const { context, page } = await fresh();
  const before = await editorText(page);
  await page.getByTestId('program-name').focus();
  const active = () => page.evaluate(() => document.activeElement?.closest('[data-testid="editor"]') ? 'editor' : document.activeElement?.dataset.testid ?? document.activeElement?.tagName);
  for (let i = 0; i < 12 && (await active()) !== 'editor'; i++) await page.keyboard.press('Tab');
  assert.equal(await active(), 'editor');
  await page.keyboard.press('Tab');
  assert.notEqual(await active(), 'editor', 'the next Tab moves on');
  assert.equal(await editorText(page), before);
  // Clicked into the text: Tab indents; Escape, then Tab leaves.
  await page.locator('.cm-line').nth(2).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  assert.notEqual(await editorText(page), before, 'editing: Tab indents');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await active(), 'editor');
  assert.match(await page.getByTestId('editor-hint').textContent(), /Esc/);
  await context.close();
});

test('a demo\'s or link\'s practice-API settings belong to its program and change no other', async () => {
  const { context, page } = await fresh();
  const latency = () => page.getByTestId('api-panel').getByLabel('ms', { exact: true });
  await page.getByTestId('api-panel').locator('summary').click();
  await latency().fill('123');
  await latency().dispatchEvent('change');
  await openDemo(page, '01-first-await');
  assert.equal(await latency().inputValue(), '300', 'the demo\'s own settings');
  await page.goto('about:blank');
  const { deflateRawSync } = await import('node:zlib');
  const payload = 'awaitlab1\nlatency=fixed&latency_ms=999999&capacity=3\nprint("linked")\n';
  await page.goto(URL + '#z=' + deflateRawSync(Buffer.from(payload)).toString('base64url'));
  await page.locator('main[data-ready="true"]').waitFor();
  await page.getByTestId('api-panel').locator('summary').click();
  assert.equal(await page.getByTestId('program-name').inputValue(), 'shared.py');
  assert.match(await page.getByTestId('notice').textContent(), /out of range \(latency_ms\)/);
  await openProgram(page, 'meow.py');
  assert.equal(await latency().inputValue(), '123');
  await context.close();
});

test('a demo\'s settings travel with its code: an "# api:" line pasted in sets them, a download writes them, a file brings them back', async () => {
  const { context, page } = await fresh({ acceptDownloads: true });
  const capacity = () => page.getByTestId('api-panel').getByLabel('Capacity', { exact: true });
  await page.getByTestId('api-panel').locator('summary').click();
  const before = await capacity().inputValue();
  // The header of demo 7, as the tutorials print it, pasted over the program.
  await page.getByTestId('editor').fill('# title: pasted\n# api: latency=uniform&latency_ms=100&jitter_ms=30&capacity=7&slowdown=1\nimport asyncio\nprint("ok")\n');
  await page.waitForFunction(() => document.querySelector('[data-testid="api-panel"] label[title^="Requests served"] input').value === '7');
  assert.notEqual(before, '7');
  assert.match(await page.getByTestId('notice').textContent(), /# api:/);
  // Typing on elsewhere leaves a setting changed by hand alone.
  await capacity().fill('9');
  await capacity().dispatchEvent('change');
  await page.getByTestId('editor').press('End');
  await page.keyboard.type('# more\n');
  assert.equal(await capacity().inputValue(), '9');
  // The downloaded file says its settings; a new profile opening it gets them.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-program').click()]);
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(await download.path(), 'utf8');
  assert.match(text, /^# title: pasted\n# api: [^\n]*capacity=9/);
  const { context: other, page: receiver } = await fresh();
  await receiver.getByTestId('file-input').setInputFiles({ name: 'pasted.py', mimeType: 'text/x-python', buffer: Buffer.from(text) });
  await receiver.waitForFunction(() => document.querySelector('[data-testid="program-name"]').value === 'pasted.py');
  await receiver.getByTestId('api-panel').locator('summary').click();
  assert.equal(await receiver.getByTestId('api-panel').getByLabel('Capacity', { exact: true }).inputValue(), '9');
  await other.close();
  await context.close();
});

test('programs: rename, duplicate, delete with undo; each Run is a version one click away', async () => {
  const { context, page } = await fresh();
  await page.getByTestId('program-name').fill('queues.py');
  await page.getByTestId('program-name').dispatchEvent('change');
  await page.getByTestId('editor').fill('print(1)\n');
  await page.getByTestId('run').click();
  await finished(page);
  await page.getByTestId('editor').fill('print(2)\n');
  await page.getByTestId('run').click();
  await finished(page);
  await page.getByTestId('run').click();
  await finished(page);
  await programNames(page);
  const versions = page.getByTestId('version');
  assert.equal(await versions.count(), 2, 'the same text run twice is one version');
  await versions.nth(1).click();
  assert.equal(await editorText(page), 'print(1)\n');
  await page.getByTestId('duplicate-program').first().click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="program-entry"]').length === 2);
  assert.deepEqual((await programNames(page)).sort(), ['queues-2.py', 'queues.py']);
  const entry = page.locator('.program-list li').filter({ hasText: 'queues-2.py' });
  await entry.getByTestId('delete-program').click();
  assert.match(await page.getByTestId('deleted').textContent(), /Deleted queues-2\.py/);
  assert.deepEqual(await programNames(page), ['queues.py']);
  await page.getByTestId('undo-delete').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="program-entry"]').length === 2);
  await reload(page);
  assert.deepEqual((await programNames(page)).sort(), ['queues-2.py', 'queues.py']);
  await context.close();
});

test('files: a .py from disk becomes a program, a program downloads as .py, the workspace round-trips as a .zip', async () => {
  const { context, page } = await fresh();
  await page.getByTestId('file-input').setInputFiles({ name: 'homework.py', mimeType: 'text/x-python', buffer: Buffer.from('print("from disk ✓")\n') });
  await page.waitForFunction(() => document.querySelector('[data-testid="program-name"]').value === 'homework.py');
  assert.equal(await editorText(page), 'print("from disk ✓")\n');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-program').click()]);
  assert.equal(download.suggestedFilename(), 'homework.py');
  const { readFileSync } = await import('node:fs');
  assert.equal(readFileSync(await download.path(), 'utf8'), 'print("from disk ✓")\n');
  await programNames(page);
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-zip').click()]);
  assert.equal(zip.suggestedFilename(), 'awaitlab-programs.zip');
  const bytes = readFileSync(await zip.path());
  // A new browser profile takes the .zip in: the same programs, texts and settings.
  const { context: other, page: receiver } = await fresh();
  await receiver.getByTestId('file-input').setInputFiles({ name: 'awaitlab-programs.zip', mimeType: 'application/zip', buffer: bytes });
  await receiver.waitForFunction(() => document.querySelectorAll('[data-testid="program-entry"]').length === 3);
  const texts = (await stored(receiver)).filter(([name]) => name.startsWith('homework'));
  assert.deepEqual(texts.map(([, text]) => text), ['print("from disk ✓")\n']);
  await other.close();
  await context.close();
});

test('a change is kept even when the tab is reloaded at once (before the save delay)', async () => {
  const { context, page } = await fresh();
  await page.getByTestId('editor').fill('print("typed, then reloaded at once")\n');
  await reload(page);
  assert.equal(await editorText(page), 'print("typed, then reloaded at once")\n');
  await context.close();
});

test('a program the browser has no room for says so (storage full, with figures), stays open and still runs', async () => {
  const context = await browser.newContext();
  // The browser's quota, reached: IndexedDB refuses this one program.
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (value && typeof value.text === 'string' && value.text.includes('TOO BIG')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  const { page } = await openPage(context);
  await page.getByTestId('editor').fill('print("TOO BIG")\n');
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /storage for this site is full \([\d.]+ MB used of [\d.]+ MB\)/);
  assert.doesNotMatch(text, /unavailable/);
  assert.equal((await finishedRun(page)).output, 'TOO BIG\n');
  await context.close();
});

async function finishedRun(page) {
  await page.getByTestId('run').click();
  return finished(page);
}

test('the editor\'s undo history survives switching programs while the page is open', async () => {
  const { context, page } = await fresh();
  await openDemo(page, '03-lazy-coroutine-eager-task');
  const original = await editorText(page);
  await page.getByTestId('editor').fill('print("changed")\n');
  await openDemo(page, '04-await-in-any-order');
  await openDemo(page, '03-lazy-coroutine-eager-task');
  assert.equal(await editorText(page), 'print("changed")\n');
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+z');
  assert.equal(await editorText(page), original);
  await context.close();
});
