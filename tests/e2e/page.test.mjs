// Browser tests: the page loads ready with a clear empty state, and a pasted article is read with highlights.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, openApp, fixture, pasteArticle, waitForDocs, waitForReader, marks, squash, screenshotPath,
} from './lib.mjs';

const browser = useBrowser();

test('the page loads ready, unbroken, and says what to do when empty', async () => {
  const { page, context, errors, outside } = await openApp(browser());
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
  const { page, context, errors } = await openApp(browser());
  const text = fixture('harbour-ferry.txt');
  await pasteArticle(page, text);
  const titles = await waitForDocs(page, 1, ['Harbour council approves evening ferries']);
  assert.match(titles[0], /Harbour council approves evening ferries/, 'title from the first line');
  assert.equal(await page.getAttribute('#doc-list > li[data-doc-id]', 'aria-current'), 'true', 'the new document is selected');
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

test('highlights name themselves, show details on focus, and hide by layer from the legend', async () => {
  const { page, context } = await openApp(browser());
  const text = fixture('harbour-ferry.txt');
  await pasteArticle(page, text);
  await waitForDocs(page, 1);
  await waitForReader(page);
  const unnamed = await page.$$eval('#reader mark[data-layer]:not([aria-hidden="true"])', (ms) =>
    ms.filter((m) => !(m.getAttribute('aria-label') || '').trim()).map((m) => m.textContent));
  assert.deepEqual(unnamed, [], 'every highlight has an accessible name');

  // Keyboard focus on a highlight shows its label and text in the details panel.
  const first = page.locator('#reader mark[data-layer]:not([aria-hidden="true"])').first();
  const label = await first.getAttribute('data-label');
  const words = squash(await first.innerText());
  await first.focus();
  await page.waitForFunction(
    ([label, words]) => {
      const d = document.querySelector('#details')?.innerText.replace(/\s+/g, ' ') ?? '';
      return d.includes(label) && d.includes(words.slice(0, 40));
    },
    [label, words],
    { timeout: 10_000 },
  );

  // Switching a layer off in the legend removes its highlights and keeps the text.
  const before = squash(await page.innerText('#reader'));
  const layer = await first.getAttribute('data-layer');
  const toggle = page.locator(`#legend input[data-layer="${layer}"]`);
  await toggle.uncheck();
  await page.waitForFunction((layer) => !document.querySelector(`#reader mark[data-layer="${layer}"]`), layer, { timeout: 10_000 });
  assert.equal(squash(await page.innerText('#reader')), before, 'the text is unchanged');
  await toggle.check();
  await page.waitForSelector(`#reader mark[data-layer="${layer}"]`, { timeout: 10_000 });
  await context.close();
});
