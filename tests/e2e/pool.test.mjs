// Browser test: every core. A 5 MB document and the samples dropped together come out the same,
// to the last annotation, with one worker (`?workers=1`) as with a pool of workers, where the
// long document is annotated in halves on two workers and the others are spread over them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, openApp, fixture, dropFiles, waitForDocs, sampleFiles, SLOW } from './lib.mjs';

const browser = useBrowser();

/** The shared samples, else the fixtures; and 5 MB of them repeated, as the browser bench makes it. */
function inputs() {
  const samples = sampleFiles() ?? ['harbour-ferry.txt', 'library-budget.txt', 'orchard-frost.md'].map((name) => ({ name, text: fixture(name) }));
  let big = '';
  while (Buffer.byteLength(big) < 5 * 1024 * 1024) for (const s of samples) big += s.text + '\n\n';
  return [{ name: 'five-megabytes.txt', text: big }, ...samples];
}

/** Drops the files on a page opened with `query`; returns the documents exported as NewsLens JSON and the workers that ran. */
async function annotateAll(query, files) {
  const { page, context, errors } = await openApp(browser(), query);
  try {
    await dropFiles(page, files);
    await waitForDocs(page, files.length);
    await page.waitForFunction(
      (n) => document.querySelectorAll('#doc-list > li[data-doc-id]:not(.working)').length === n,
      files.length,
      { timeout: SLOW * 2 },
    );
    // Clusters are lined up across documents once all have arrived; let that settle.
    await page.waitForTimeout(500);
    await page.selectOption('#export-format', 'json');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.click('#export-all')]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(errors, [], 'no errors on the page');
    return { documents: exported.documents, workers: page.workers().length };
  } finally {
    await context.close();
  }
}

test('a long document and a pile of files come out the same with one worker and with the pool', async () => {
  const files = inputs();
  const one = await annotateAll('?workers=1', files);
  const pool = await annotateAll('?workers=3', files);
  assert.equal(one.workers, 1, 'one worker when asked for one');
  assert.equal(pool.workers, 3, 'three workers when asked for three');
  assert.equal(one.documents.length, files.length);
  assert.ok(one.documents[0].annotations.length > 10_000, `the long document is annotated (${one.documents[0].annotations.length})`);
  for (let i = 0; i < files.length; i++) {
    // Compared whole first for speed, then field by field for a readable failure.
    if (JSON.stringify(pool.documents[i]) !== JSON.stringify(one.documents[i])) {
      assert.deepEqual(pool.documents[i], one.documents[i], `${files[i].name} differs between the pool and one worker`);
    }
  }
});

test('a long document removed while the helpers work on it stays removed, from the list and the boards', async () => {
  const small = { name: 'harbour-ferry.txt', text: fixture('harbour-ferry.txt') };
  let long = '';
  while (Buffer.byteLength(long) < 3 * 1024 * 1024) long += fixture('library-budget.txt') + '\n\n';
  const { page, context, errors } = await openApp(browser(), '?workers=2');
  try {
    await dropFiles(page, [{ name: 'long-budget.txt', text: long }]);
    // Removed at once, while its names are being tagged on a helper.
    await page.locator('#doc-list > li[data-doc-id] button.doc-remove').first().click({ timeout: SLOW });
    await dropFiles(page, [small]);
    await waitForDocs(page, 1);
    await page.waitForFunction(() => document.querySelectorAll('#doc-list > li[data-doc-id]:not(.working)').length === 1, null, {
      timeout: SLOW,
    });
    // Long enough for the removed document to have come back, were it kept.
    await page.waitForTimeout(3000);
    assert.equal(await page.locator('#doc-list > li[data-doc-id]').count(), 1, 'one document listed');
    await page.click('#pane-board');
    await page.waitForSelector('#board .doc-key li', { timeout: SLOW });
    const keyed = await page.locator('#board .doc-key li').allInnerTexts();
    assert.equal(keyed.length, 1, `the boards know one document: ${keyed.join(' | ')}`);
    assert.deepEqual(errors, [], 'no errors on the page');
  } finally {
    await context.close();
  }
});
