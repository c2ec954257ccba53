// Browser test: a saved web page is read as its article; the whole page's text is one click away, and using it is one more.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, openApp, fixture, dropFiles, waitForDocs, waitForReader, marks, squash, screenshotPath, SLOW,
} from './lib.mjs';

const browser = useBrowser();

const NAV = 'Subscribe to the Courier Breakfast Briefing';
const ARTICLE = 'Crews replaced 42 steel bearings';

/** Waits until the reading view has finished and shows every text in `has` and none in `lacks`. */
function waitForReaderText(page, has, lacks) {
  return page.waitForFunction(
    ([has, lacks]) => {
      const r = document.querySelector('#reader');
      if (r?.dataset.state !== 'done') return false;
      const text = r.innerText.replace(/\s+/g, ' ');
      return has.every((t) => text.includes(t)) && !lacks.some((t) => text.includes(t));
    },
    [has, lacks],
    { timeout: SLOW },
  );
}

test('an HTML page shows its article; its whole text is one click away and can be used instead', async () => {
  const { page, context, errors } = await openApp(browser());
  await dropFiles(page, [{ name: 'bridge.html', text: fixture('bridge-page.html') }]);
  await waitForDocs(page, 1);
  await waitForReader(page);

  // The article is read; the menus are not.
  let shown = squash(await page.innerText('#reader'));
  assert.ok(shown.includes(ARTICLE), 'the article is in the reading view');
  assert.ok(!shown.includes(NAV), 'the navigation is not in the reading view');
  assert.ok(!(await page.isVisible('#original-text')), 'the original text is closed at first');

  // One click shows the whole page's text, as plain text.
  await page.click('#show-original');
  await page.waitForFunction((nav) => document.querySelector('#original-text')?.innerText.includes(nav), NAV, { timeout: SLOW });
  const original = squash(await page.innerText('#original-text'));
  assert.ok(original.includes(ARTICLE), 'the original text holds the article too');
  assert.ok(original.includes('Tagged <b>not bold</b>'), 'markup written as text in the page stays text');
  assert.equal(await page.$$eval('#original-text b, #original-text a, #original-text script', (e) => e.length), 0,
    'no element from the page is created');
  assert.equal(await page.getAttribute('#show-original', 'aria-expanded'), 'true');
  assert.ok(!squash(await page.innerText('#reader')).includes(NAV), 'showing the original does not change the reading view');
  await page.screenshot({ path: screenshotPath('original-page-text.png') });

  // One more uses the whole page: same document, re-annotated, counts follow.
  const countsBefore = await page.innerText('#doc-list > li[data-doc-id] .doc-counts');
  await page.click('#use-whole');
  await waitForReaderText(page, [NAV, ARTICLE], []);
  assert.equal(await page.$$eval('#doc-list > li[data-doc-id]', (l) => l.length), 1, 'still one document');
  shown = squash(await page.innerText('#reader'));
  assert.ok(shown.includes(ARTICLE), 'the article is still there, inside the whole page');
  assert.match(await page.innerText('.reader-meta'), /whole page/, 'the header says the whole page is read');
  assert.ok((await marks(page)).some((m) => m.text.includes('42')), 'the whole page is annotated');
  // The footer and menus name the paper: the list's counts take the whole page in.
  await page.waitForFunction(
    (before) => {
      const c = document.querySelector('#doc-list > li[data-doc-id] .doc-counts')?.textContent ?? '';
      return /\d/.test(c) && c !== before;
    },
    countsBefore,
    { timeout: SLOW },
  );
  await page.screenshot({ path: screenshotPath('whole-page.png') });

  // And back to the article.
  await page.click('#use-article');
  await waitForReaderText(page, [ARTICLE], [NAV]);
  assert.ok(squash(await page.innerText('#reader')).includes(ARTICLE), 'the article is back');
  assert.ok(await page.isVisible('#use-whole'), 'the whole page can be used again');
  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
});

test('a pasted text has no original page to show', async () => {
  const { page, context } = await openApp(browser());
  await page.fill('#paste-input', fixture('harbour-ferry.txt'));
  await page.click('#paste-add');
  await waitForDocs(page, 1);
  await waitForReader(page);
  assert.equal(await page.$('#show-original'), null, 'no original-text control for pasted text');
  assert.equal(await page.$('#use-whole'), null, 'no whole-page control for pasted text');
  await context.close();
});
