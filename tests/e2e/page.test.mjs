// Browser tests: the page loads ready with a clear empty state, and a pasted article is read with highlights.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openApp, fixture, pasteArticle, waitForDocs, waitForReader, marks, squash, screenshotPath,
} from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the page loads ready, unbroken, and says what to do when empty', async () => {
  const { page, context, errors, outside } = await openApp(browser);
  assert.ok(await page.isVisible('#paste-input'), 'the paste box is visible');
  assert.ok(await page.isVisible('#paste-add'), 'the add button is visible');
  assert.ok(await page.$('input#file-input[type="file"][multiple]'), 'a file picker that takes several files');
  assert.equal(await page.$$eval('#doc-list > li[data-doc-id]', (l) => l.length), 0, 'no documents yet');
  assert.equal(await page.getAttribute('#reader', 'data-state'), 'empty');
  const body = await page.innerText('body');
  assert.match(body, /drop/i, 'the empty page mentions dropping files');
  assert.match(body, /paste/i, 'the empty page mentions pasting');
  assert.deepEqual(errors, [], 'no script errors while loading');
  assert.deepEqual(outside, [], 'nothing requested from outside the test server');
  await context.close();
});

test('a pasted article is listed, read in full and highlighted', async () => {
  const { page, context, errors } = await openApp(browser);
  const text = fixture('harbour-ferry.txt');
  await pasteArticle(page, text);
  const titles = await waitForDocs(page, 1);
  assert.match(titles[0], /Harbour council approves evening ferries/, 'title from the first line');
  assert.equal(await page.getAttribute('#doc-list > li[data-doc-id]', 'aria-selected'), 'true', 'the new document is selected');
  await waitForReader(page);

  const shown = squash(await page.innerText('#reader'));
  assert.ok(shown.includes('said ridership rose 14 percent last summer'), 'the reading view shows the article text');
  const found = await marks(page);
  assert.ok(found.length > 0, 'the reading view has <mark> highlights');
  for (const m of found) {
    assert.ok(['entity', 'number', 'quote'].includes(m.layer), `known layer: ${m.layer}`);
    assert.match(m.label, /^[A-Z_]+$/, `a label: ${m.label}`);
    assert.ok(squash(text).includes(squash(m.text)), `highlight "${m.text}" is text from the article`);
  }
  assert.match(await page.innerText('#doc-list > li[data-doc-id] .doc-size'), /\d/, 'the list shows a size');
  await page.waitForFunction(
    () => /\d/.test(document.querySelector('#doc-list > li[data-doc-id] .doc-counts')?.textContent ?? ''),
    null,
    { timeout: 10_000 },
  );
  await page.screenshot({ path: screenshotPath('pasted-article.png') });
  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
});
