// Browser test: a long document arrives in pieces and every part of it can be read, inspected and reached, even after the engine restarts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, fixture, dropFiles, waitForDocs, waitForReader, squash, screenshotPath, SLOW } from './lib.mjs';

const browser = useBrowser();

/** About 1.5 MB of articles, long enough for a first look, many chunks and several messages. */
function longText() {
  const articles = ['harbour-ferry.txt', 'library-budget.txt', 'orchard-frost.md'].map(fixture);
  let text = '';
  for (let i = 0; text.length < 1_500_000; i++) text += articles[i % articles.length] + '\n\n';
  return text;
}

/** Scrolls the reader to `fraction` of its height; resolves with the highlights then in view. */
async function scrollAndWaitForMarks(page, fraction) {
  await page.$eval('#reader', (r, f) => { r.scrollTop = (r.scrollHeight - r.clientHeight) * f; }, fraction);
  await page.waitForFunction(() => {
    const r = document.querySelector('#reader').getBoundingClientRect();
    return [...document.querySelectorAll('#reader mark[data-i]')].some((m) => {
      const b = m.getBoundingClientRect();
      return b.bottom > r.top && b.top < r.bottom;
    });
  }, null, { timeout: SLOW });
  return page.$$eval('#reader mark[data-i]:not([data-cont])', (ms) => {
    const r = document.querySelector('#reader').getBoundingClientRect();
    return ms
      .filter((m) => { const b = m.getBoundingClientRect(); return b.bottom > r.top && b.top < r.bottom; })
      .map((m) => ({ i: Number(m.dataset.i), label: m.dataset.label, text: m.textContent }));
  });
}

/** Focuses the highlight with document index `i` and waits for the details panel to show it. */
async function detailsOf(page, i, label, text) {
  await page.focus(`#reader mark[data-i="${i}"]:not([data-cont])`);
  await page.waitForFunction(
    ([label, text]) => {
      const d = (document.querySelector('#details')?.innerText ?? '').replace(/\s+/g, ' ');
      return d.includes(label) && d.includes(text.replace(/\s+/g, ' ').trim().slice(0, 30));
    },
    [label, text],
    { timeout: 10_000 },
  );
}

test('a long document is highlighted from start to end, its details and names reachable, and kept when the engine restarts', async () => {
  const { page, context, errors } = await openApp(browser());
  const text = longText();
  await dropFiles(page, [{ name: 'long.txt', text }]);
  await waitForDocs(page, 1);
  await waitForReader(page);
  const sections = await page.$$eval('#reader .chunk', (s) => s.length);
  assert.ok(sections >= 20, `the text is in many sections (${sections})`);

  // The middle and the end are highlighted when scrolled to, with text from the document.
  const source = squash(text);
  const first = await scrollAndWaitForMarks(page, 0);
  const middle = await scrollAndWaitForMarks(page, 0.5);
  await page.screenshot({ path: screenshotPath('long-document-middle.png') });
  const end = await scrollAndWaitForMarks(page, 1);
  for (const marks of [first, middle, end]) {
    assert.ok(marks.length > 0, 'highlights in view');
    for (const m of marks) assert.ok(source.includes(squash(m.text)), `"${m.text}" is text from the document`);
  }
  const lastFirst = Math.max(...first.map((m) => m.i));
  assert.ok(Math.min(...middle.map((m) => m.i)) > lastFirst * 10, 'the middle holds later annotations');

  // The details of a highlight far down the document.
  const far = end.find((m) => m.label && m.text.trim());
  await detailsOf(page, far.i, far.label, far.text);

  // A name in the names panel brings its first mention into view and shows its details.
  await page.click('#entity-panel button.group');
  await page.waitForFunction(() => document.activeElement?.matches('#reader mark[data-layer="entity"]'), null, { timeout: 10_000 });

  // The engine dies: the document stays whole, every part still highlighted.
  const worker = page.workers()[0];
  assert.ok(worker, 'the engine runs in a worker');
  await worker.evaluate(() => { setTimeout(() => { throw new Error('a test stops the engine'); }); });
  await page.waitForFunction(() => /restarted; open documents are kept/.test(document.body.innerText), null, { timeout: SLOW });
  const again = await scrollAndWaitForMarks(page, 0.75);
  assert.ok(again.length > 0, 'a part not shown before is highlighted after the restart');
  assert.equal(await page.getAttribute('#reader', 'data-state'), 'done');
  await detailsOf(page, again[0].i, again[0].label, again[0].text);

  assert.deepEqual(errors.filter((e) => !e.includes('a test stops the engine')), [], 'no script errors');
  await context.close();
});
