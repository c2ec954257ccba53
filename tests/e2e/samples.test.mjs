// Browser test: the shared sample articles dropped at once are each read with highlights (skips without the data).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, dropFiles, waitForDocs, squash, screenshotPath, sampleFiles, SLOW } from './lib.mjs';

const browser = useBrowser();

test('the samples dropped together are listed and each is read highlighted', async (t) => {
  const samples = sampleFiles();
  if (!samples) {
    console.log('note: skipping the samples test: shared samples not found (set NEWSLENS_DATA to the shared data folder)');
    t.skip('shared samples not found (set NEWSLENS_DATA)');
    return;
  }
  const { page, context, errors } = await openApp(browser());
  await dropFiles(page, samples);
  await waitForDocs(page, samples.length);
  // Each entry shows its file name until the file is read, then its first line.
  await page.waitForFunction(
    (names) => [...document.querySelectorAll('#doc-list > li[data-doc-id] .doc-title')]
      .every((t) => !names.includes(t.textContent.trim())),
    samples.map((s) => s.name),
    { timeout: SLOW },
  );

  const items = page.locator('#doc-list > li[data-doc-id]');
  for (let i = samples.length - 1; i >= 0; i--) {
    const item = items.nth(i);
    await item.click();
    // A line from the middle of the article identifies which one the reader shows.
    const title = squash(await item.locator('.doc-title').innerText());
    const key = title.replace(/[#…]/g, '').trim().slice(0, 24);
    // The title is the first line that is not page furniture (`Skip to Content` is not one).
    const sample = samples.find((s) => squash(s.text).slice(0, 600).replace(/#+\s*/g, '').includes(key));
    assert.ok(sample, `list title "${title}" opens one of the samples`);
    const probe = squash(sample.text.split('\n').filter((l) => l.trim().split(/\s+/).length >= 8)[1] ?? '').split(' ').slice(0, 6).join(' ');
    await page.waitForFunction(
      ([i, probe]) => {
        const li = document.querySelectorAll('#doc-list > li[data-doc-id]')[i];
        const reader = document.querySelector('#reader');
        return li?.getAttribute('aria-current') === 'true' && reader?.dataset.state === 'done'
          && reader.innerText.replace(/\s+/g, ' ').includes(probe);
      },
      [i, probe],
      { timeout: SLOW },
    );
    const n = await page.$$eval('#reader mark[data-layer][data-label]', (m) => m.length);
    assert.ok(n > 0, `${sample.name}: highlights in the reading view`);
    const counts = await item.locator('.doc-counts').innerText();
    assert.match(counts, /\d/, `${sample.name}: counts in the list`);
  }
  // items.nth(0) is selected now: the first sample, highlighted, for the eye.
  await page.screenshot({ path: screenshotPath('samples.png') });
  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
});
