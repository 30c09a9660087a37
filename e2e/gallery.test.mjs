// The gallery opens every demo and runs it; the output is the recorded one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { launch, openPage, finished, editorText } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const demosDir = new URL('../demos/', import.meta.url);
const ids = readdirSync(demosDir).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();

test('every demo opens from the gallery and runs as recorded (instant mode)', async () => {
  const { page, errors } = await openPage(browser);
  const gallery = page.getByTestId('gallery');
  await gallery.locator('summary').click();
  assert.equal(await gallery.locator('button.demo').count(), ids.length);
  for (const id of ids) {
    if (!(await gallery.evaluate((d) => d.open))) await gallery.locator('summary').click();
    await gallery.locator(`button[data-demo="${id}"]`).click();
    // The editor shows the program; its header lines (title, summary, api, explain, inspect) are the panel.
    const source = readFileSync(new URL(`${id}.py`, demosDir), 'utf8').replace(/^(#\s*(title|summary|api|explain|inspect):.*\n|\s*\n)*/, '');
    assert.equal(await editorText(page), source, id);
    assert.doesNotMatch(source, /^# (title|summary|api|explain|inspect):/m);
    assert.ok((await page.getByTestId('demo-info').textContent()).length > 40, id);
    await page.getByTestId('run').click();
    const { state, output } = await finished(page);
    assert.equal(state, 'done', `${id}: ${output}`);
    assert.equal(output, readFileSync(new URL(`expected/${id}.txt`, demosDir), 'utf8'), id);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('opening a demo keeps your own program, and reset asks before discarding edits', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await page.getByTestId('editor').fill('print("my own work")\n');
  await page.getByTestId('gallery').locator('summary').click();
  await page.getByTestId('gallery').locator('button.demo').first().click();
  assert.equal(await page.getByTestId('program-name').inputValue(), 'first-await.py');
  await page.getByTestId('editor').fill('print("edited demo")\n');
  page.once('dialog', (d) => d.dismiss());
  await page.getByTestId('reset-demo').click();
  assert.equal(await editorText(page), 'print("edited demo")\n', 'dismissed: nothing discarded');
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('reset-demo').click();
  assert.match(await editorText(page), /^import asyncio/);
  await page.getByTestId('programs').locator('summary').click();
  await page.getByTestId('program-entry').filter({ hasText: 'meow.py' }).click();
  assert.equal(await editorText(page), 'print("my own work")\n');
  await context.close();
});
