// Nothing typed is lost: autosave across reloads, share links in both forms (loaded, never
// run), bad and hostile links that change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, URL, editorText } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const b64url = (text) => Buffer.from(text, 'utf8').toString('base64url');
const editorValue = editorText;

async function fresh() {
  const context = await browser.newContext();
  const { page, errors } = await openPage(context);
  return { context, page, errors };
}

async function visit(page, hash) {
  await page.goto('about:blank');
  await page.goto(URL + hash);
  await page.locator('main[data-ready="true"]').waitFor();
}

test('the program and the API settings survive a reload', async () => {
  const { context, page, errors } = await fresh();
  await page.getByTestId('editor').fill('print("kept across reloads")\n');
  await page.getByTestId('api-panel').locator('summary').click();
  const latency = page.getByTestId('api-panel').getByLabel('ms', { exact: true });
  await latency.fill('123');
  await latency.dispatchEvent('change');
  await page.reload();
  await page.locator('main[data-ready="true"]').waitFor();
  assert.equal(await editorValue(page), 'print("kept across reloads")\n');
  await page.getByTestId('api-panel').locator('summary').click();
  assert.equal(await page.getByTestId('api-panel').getByLabel('ms', { exact: true }).inputValue(), '123');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a #code= link opens as a program of its own, without running it; the learner\'s stays in Programs', async () => {
  const { context, page } = await fresh();
  await page.getByTestId('editor').fill('print("mine")\n');
  const shared = '# Week 3: queues\nimport asyncio\nprint("from a course page")\n';
  await visit(page, '#code=' + b64url(shared));
  assert.equal(await editorValue(page), shared);
  assert.equal(await page.getByTestId('program-name').inputValue(), 'week-3-queues.py');
  assert.equal(await page.getByTestId('run-state').getAttribute('data-state'), 'idle');
  assert.equal(await page.getByTestId('console').textContent(), '');
  assert.equal(new globalThis.URL(page.url()).hash, '', 'the fragment is dropped so a reload keeps edits');
  await page.getByTestId('programs').locator('summary').click();
  await page.getByTestId('program-entry').filter({ hasText: 'meow.py' }).click();
  assert.equal(await editorValue(page), 'print("mine")\n');
  // The same link again opens the same program, not a second copy.
  await visit(page, '#code=' + b64url(shared));
  await page.getByTestId('programs').locator('summary').click();
  assert.equal(await page.getByTestId('program-entry').count(), 2);
  await context.close();
});

test('the Share button round-trips the program and settings through a compressed link', async () => {
  const { context, page } = await fresh();
  const program = 'import asyncio\n\nasync def main():\n    print("shared ✓")\n\nasyncio.run(main())\n'.repeat(3);
  await page.getByTestId('editor').fill(program);
  await page.getByTestId('api-panel').locator('summary').click();
  const rate = page.getByTestId('api-panel').getByLabel('Rate limit');
  await rate.fill('7');
  await rate.dispatchEvent('change');
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  assert.match(link, /#z=[A-Za-z0-9_-]+$/);
  const other = await browser.newContext();
  const { page: receiver } = await openPage(other);
  await receiver.goto(link);
  await receiver.locator('main[data-ready="true"]').waitFor();
  await receiver.waitForFunction((p) => AwaitlabEditor.textOf(document.querySelector('[data-testid="editor"]')) === p, program);
  assert.equal(await receiver.getByTestId('run-state').getAttribute('data-state'), 'idle');
  await receiver.getByTestId('api-panel').locator('summary').click();
  assert.equal(await receiver.getByTestId('api-panel').getByLabel('Rate limit').inputValue(), '7');
  await other.close();
  await context.close();
});

test('a damaged or oversized link says so and leaves the learner\'s programs alone', async () => {
  const { context, page } = await fresh();
  await page.getByTestId('editor').fill('print("precious")\n');
  for (const hash of ['#z=AAAAbroken', '#code=%%%%', '#code=' + 'A'.repeat(300 * 1024)]) {
    await visit(page, hash);
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be loaded: .*Your programs are unchanged/);
    assert.equal(await editorValue(page), 'print("precious")\n');
  }
  await context.close();
});

test('a hostile link is text in the editor, never markup or script', async () => {
  const { context, page, errors } = await fresh();
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  const hostile = '</textarea><script>alert(1)</script><img src=x onerror=alert(2)>';
  await visit(page, '#code=' + b64url(hostile));
  assert.equal(await editorValue(page), hostile);
  assert.equal(await page.locator('body script:not([src]), body img').count(), 0);
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid="run-state"][data-state="failed"]');
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
  await context.close();
});
