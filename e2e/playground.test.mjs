// End-to-end: the release build served on 127.0.0.1, driven in the system Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage as open, runProgram, editorSelection, editorText, URL as PAGE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
const openPage = () => open(browser);

test('the page loads with an idle run state and no errors', async () => {
  const { page, errors } = await openPage();
  assert.equal(await page.getByTestId('run-state').getAttribute('data-state'), 'idle');
  assert.match(await page.title(), /Awaitlab/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Run executes a real asyncio program and shows its output in order', async () => {
  const { page, errors } = await openPage();
  const { state, output } = await runProgram(page, [
    'import asyncio',
    'async def speak():',
    "    print('C')",
    '    await asyncio.sleep(3)',
    "    return 'D'",
    'async def run():',
    '    will_speak = asyncio.ensure_future(speak())',
    '    await asyncio.sleep(1)',
    "    print('A')",
    "    print('B')",
    '    print(await will_speak)',
    'asyncio.run(run())',
  ].join('\n'));
  assert.equal(state, 'done');
  assert.equal(output, 'C\nA\nB\nD\n');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the output follows its end as a terminal does, and a new run is shown from its end', async () => {
  const { page } = await openPage();
  await runProgram(page, 'for i in range(1000):\n    print("line", i)\n');
  const console_ = page.getByTestId('console');
  const atEnd = () => console_.evaluate((c) => c.scrollTop + c.clientHeight >= c.scrollHeight - 2);
  await page.waitForFunction(() => { const c = document.querySelector('[data-testid="console"]'); return c.textContent.includes('line 999') && c.scrollTop + c.clientHeight >= c.scrollHeight - 2; });
  assert.ok(await console_.evaluate((c) => c.scrollHeight > c.clientHeight), 'more output than the box shows');
  // Scrolled up to read the last run: the next run's output is shown from its end again.
  await console_.evaluate((c) => { c.scrollTop = 0; });
  await runProgram(page, 'import asyncio\nasync def main():\n    for i in range(300):\n        print("again", i)\n        await asyncio.sleep(0)\nasyncio.run(main())\n');
  await page.waitForFunction(() => document.querySelector('[data-testid="console"]').textContent.includes('again 299'));
  await page.waitForTimeout(100);
  assert.ok(await atEnd(), 'a new run is shown from its end');
  await page.close();
});

test('an uncaught exception fails the run and shows the traceback', async () => {
  const { page } = await openPage();
  const { state, output } = await runProgram(page, 'def f():\n    raise ValueError("boom")\nf()\n');
  assert.equal(state, 'failed');
  assert.match(output, /Traceback \(most recent call last\):/);
  assert.match(output, /ValueError: boom\n$/);
  // CPython's caret lines, as python3 prints them for this program.
  const second = await runProgram(page, 'def ratio(a, b):\n    return a // b\nprint(ratio(1, 0) + 1)\n');
  assert.equal(second.output, [
    'Traceback (most recent call last):',
    '  File "main.py", line 3, in <module>',
    '    print(ratio(1, 0) + 1)',
    '          ^^^^^^^^^^^',
    '  File "main.py", line 2, in ratio',
    '    return a // b',
    '           ~~^^~~',
    'ZeroDivisionError: integer division or modulo by zero',
    '',
  ].join('\n'));
  await page.close();
});

test('Ctrl+Enter runs the program from the editor', async () => {
  const { page } = await openPage();
  await page.getByTestId('editor').fill('print(6 * 7)');
  await page.getByTestId('editor').press('Control+Enter');
  await page.waitForSelector('[data-testid="run-state"][data-state="done"]');
  assert.equal(await page.getByTestId('console').textContent(), '42\n');
  await page.close();
});

test('program output is shown as text, never as markup', async () => {
  const { page } = await openPage();
  const { output } = await runProgram(page, 'print("<img src=x onerror=alert(1)><b>bold</b>")');
  assert.equal(output, '<img src=x onerror=alert(1)><b>bold</b>\n');
  assert.equal(await page.locator('[data-testid="console"] img, [data-testid="console"] b').count(), 0);
  await page.close();
});

test('an error is marked at its line, and traceback lines lead to the editor', async () => {
  const { page } = await openPage();
  const program = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n    raise ValueError("boom")\n\nasyncio.run(main())\n';
  const { state } = await runProgram(page, program);
  assert.equal(state, 'failed');
  assert.equal(await page.getByTestId('error-marker').textContent(), 'Line 5: ValueError: boom');
  const selected = () => editorSelection(page);
  assert.equal(await selected(), '    raise ValueError("boom")');
  // Marked in the editor: the line, the failing part of it, and the message below it.
  const errorLine = page.locator('.cm-line.cm-error-line');
  assert.equal(await errorLine.textContent(), '    raise ValueError("boom")');
  assert.equal(await page.locator('.cm-error-range').textContent(), 'raise ValueError("boom")');
  assert.equal(await page.getByTestId('editor-error').textContent(), 'ValueError: boom');
  await page.locator('[data-testid="console"] .tb-line', { hasText: 'line 7' }).click();
  assert.equal(await selected(), 'asyncio.run(main())');
  // A syntax error too.
  await runProgram(page, 'x = 1\nprint(x +)\n');
  assert.match(await page.getByTestId('error-marker').textContent(), /^Line 2: SyntaxError/);
  assert.equal(await page.locator('.cm-line.cm-error-line').textContent(), 'print(x +)');
  assert.equal(await page.locator('.cm-error-range').textContent(), ')', 'at the caret');
  // Editing the program clears the mark.
  await page.keyboard.type('y');
  assert.equal(await page.locator('.cm-error-line').count(), 0);
  assert.equal(await page.getByTestId('editor-error').count(), 0);
  await page.close();
});

test("a TaskGroup's failure shows each failed task's traceback, linked to its line", async () => {
  const { page } = await openPage();
  const program = [
    'import asyncio',
    '',
    'async def fetch(n):',
    '    await asyncio.sleep(0.1 * n)',
    '    if n % 2:',
    '        raise ValueError(f"bad item {n}")',
    '',
    'async def main():',
    '    async with asyncio.TaskGroup() as tg:',
    '        for n in range(4):',
    '            tg.create_task(fetch(n))',
    '',
    'asyncio.run(main())',
    '',
  ].join('\n');
  const { state, output } = await runProgram(page, program);
  assert.equal(state, 'failed');
  // As python3 prints it, less the frames of its own asyncio files.
  assert.equal(output, [
    '  + Exception Group Traceback (most recent call last):',
    '  |   File "main.py", line 13, in <module>',
    '  |     asyncio.run(main())',
    '  |   File "main.py", line 9, in main',
    '  |     async with asyncio.TaskGroup() as tg:',
    '  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)',
    '  +-+---------------- 1 ----------------',
    '    | Traceback (most recent call last):',
    '    |   File "main.py", line 6, in fetch',
    '    |     raise ValueError(f"bad item {n}")',
    '    | ValueError: bad item 1',
    '    +------------------------------------',
    '',
  ].join('\n'));
  // The editor marks the failed task's raise, the line to fix, not the `async with`.
  assert.equal(await page.getByTestId('error-marker').textContent(), 'Line 6: ValueError: bad item 1');
  await page.locator('[data-testid="console"] .tb-line', { hasText: 'line 9' }).click();
  assert.equal(await editorSelection(page), '    async with asyncio.TaskGroup() as tg:');
  await page.locator('[data-testid="console"] .tb-line', { hasText: 'line 6' }).click();
  assert.equal(await editorSelection(page), '        raise ValueError(f"bad item {n}")');
  await page.close();
});

test('the run state shows elapsed time while running', async () => {
  const { page } = await openPage();
  await page.getByTestId('editor').fill('import asyncio\nasyncio.run(asyncio.sleep(1))\n');
  await page.getByTestId('real-time').setChecked(true);
  await page.getByTestId('run').click();
  await page.waitForFunction(() => /^running \d+\.\d s$/.test(document.querySelector('[data-testid="run-state"]').textContent));
  await page.waitForSelector('[data-testid="run-state"][data-state="done"]');
  await page.close();
});

test('embed mode shows the editor, Run and the timeline only', async () => {
  const page = await browser.newPage();
  await page.goto(new URL('?embed=1', process.env.AWAITLAB_URL ?? 'http://127.0.0.1:8080/').href);
  await page.locator('main[data-ready="true"]').waitFor();
  assert.equal(await page.locator('header.topbar').count(), 0);
  assert.equal(await page.getByTestId('api-panel').count(), 0);
  assert.equal(await page.getByTestId('share').count(), 0);
  await runProgram(page, 'print("embedded")');
  assert.equal(await page.getByTestId('console').textContent(), 'embedded\n');
  assert.equal(await page.getByTestId('timeline').isVisible(), true);
  await page.close();
});

test('in real time, output and the timeline appear while the program runs', async () => {
  const { page } = await openPage();
  await page.getByTestId('editor').fill('import asyncio\nasync def main():\n    print("first")\n    await asyncio.sleep(1.5)\n    print("second")\nasyncio.run(main())\n');
  await page.getByTestId('real-time').setChecked(true);
  await page.getByTestId('run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="console"]').textContent === 'first\n');
  assert.equal(await page.getByTestId('run-state').getAttribute('data-state'), 'running');
  await page.locator('[data-testid="timeline"] [data-testid="lane"]').first().waitFor();
  await page.waitForSelector('[data-testid="run-state"][data-state="done"]');
  assert.equal(await page.getByTestId('console').textContent(), 'first\nsecond\n');
  await page.close();
});

test('the editor is CodeMirror: Python highlighting, line numbers, auto-indent, brackets, undo, search', async () => {
  const { page, errors } = await openPage();
  const editor = page.getByTestId('editor');
  await editor.fill('');
  await editor.click();
  await page.keyboard.type('async def main():');
  await page.keyboard.press('Enter');
  await page.keyboard.type('return (1 + 2)');
  assert.equal(await editorText(page), 'async def main():\n    return (1 + 2)', 'the body is indented by itself');
  assert.ok(await page.locator('.cm-content .tok-keyword', { hasText: 'async' }).count() > 0, 'keywords are highlighted');
  assert.equal(await page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^2$/ }).count(), 1, 'line numbers');
  assert.equal(await page.locator('.cm-matchingBracket').count(), 2, 'the bracket before the cursor and its partner');
  await page.keyboard.press('Control+z');
  assert.notEqual(await editorText(page), 'async def main():\n    return (1 + 2)', 'undo');
  await page.keyboard.press('Control+f');
  await page.locator('.cm-search input[name="search"]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the editor cursor line highlights that line\'s segments in the timeline', async () => {
  const { page } = await openPage();
  await runProgram(page, 'import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    await asyncio.sleep(2)\nasyncio.run(main())\n');
  const linked = page.locator('[data-testid="timeline"] rect.seg.linked');
  await page.locator('.cm-line', { hasText: 'sleep(2)' }).click();
  await linked.first().waitFor();
  assert.deepEqual(await linked.evaluateAll((els) => [...new Set(els.map((e) => e.dataset.line))]), ['4']);
  await page.locator('.cm-line', { hasText: 'sleep(1)' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('rect.seg.linked')].every((e) => e.dataset.line === '3'));
  await page.close();
});

test('without the editor script, a plain text box still edits and runs programs', async () => {
  const page = await browser.newPage();
  await page.route(/editor-[0-9a-f]+\.js$/, (route) => route.abort());
  await page.goto(PAGE_URL);
  await page.locator('textarea[data-testid="editor"]').waitFor();
  await page.locator('main[data-ready="true"]').waitFor();
  const { state, output } = await runProgram(page, 'print("still works")');
  assert.equal(state, 'done');
  assert.equal(output, 'still works\n');
  await page.close();
});

test('projector mode enlarges the editor, and its line numbers stay beside their lines', async () => {
  const { page } = await openPage();
  const lineHeight = () => page.locator('.cm-line').first().evaluate((l) => l.getBoundingClientRect().height);
  const normal = await lineHeight();
  await page.getByTestId('projector').click();
  await page.waitForFunction((h) => document.querySelector('.cm-line').getBoundingClientRect().height > h * 1.3, normal);
  // The gutter's fifth number sits on the fifth line.
  const [gutter, line] = await page.evaluate(() => [
    document.querySelectorAll('.cm-lineNumbers .cm-gutterElement')[5].getBoundingClientRect().top,
    document.querySelectorAll('.cm-line')[4].getBoundingClientRect().top,
  ]);
  assert.ok(Math.abs(gutter - line) < 2, `gutter ${gutter} vs line ${line}`);
  await page.getByTestId('projector').click();
  await page.waitForFunction((h) => Math.abs(document.querySelector('.cm-line').getBoundingClientRect().height - h) < 1, normal);
  await page.close();
});

test('input() shows its prompt and an input line, waits for the answer, and Stop ends a wait', async () => {
  const { page, errors } = await openPage();
  const { startProgram, finished } = await import('./helpers.mjs');
  await startProgram(page, [
    'import asyncio',
    "name = input('Your name? ')",
    "print(f'Hello, {name}!')",
    'async def main():',
    "    n = int(input('How many? '))",
    '    await asyncio.sleep(0.1)',
    "    print('x' * n)",
    'asyncio.run(main())',
  ].join('\n'));
  const field = page.getByTestId('console-input');
  await field.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="console"]').textContent.includes('Your name? '));
  assert.equal(await page.getByTestId('run-state').getAttribute('data-state'), 'running', 'the program waits, still running');
  assert.ok(await field.evaluate((el) => el === document.activeElement), 'the input line has the focus');
  await field.fill('Ada');
  await field.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="console"]').textContent.includes('How many? '));
  await field.fill('3');
  await field.press('Enter');
  const run = await finished(page);
  assert.equal(run.state, 'done', run.output);
  assert.equal(run.output, 'Your name? Ada\nHello, Ada!\nHow many? 3\nxxx\n');
  assert.equal(await field.count(), 0, 'the input line goes once the program stops waiting');
  // The wait is a blocked span of the loop, labelled input().
  assert.ok(await page.locator('[data-testid="timeline"]').textContent().then((t) => t.includes('input()')), 'the timeline names the wait');
  // Stop while a program waits: KeyboardInterrupt at the prompt, as Ctrl+C in a terminal.
  await startProgram(page, "try:\n    input('> ')\nexcept KeyboardInterrupt:\n    print('interrupted')\n");
  await field.waitFor();
  await page.getByTestId('stop').click();
  const stopped = await finished(page);
  assert.match(stopped.output, /> \ninterrupted/);
  // Ctrl+D: end of input.
  await startProgram(page, "try:\n    input('? ')\nexcept EOFError as e:\n    print('EOF:', e)\n");
  await field.waitFor();
  await field.press('Control+d');
  assert.match((await finished(page)).output, /EOF: EOF when reading a line/);
  assert.deepEqual(errors, []);
  await page.close();
});
