// Browser tests: files dropped on the window (several at once), the file picker, and refused files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, openApp, fixture, startDrag, finishDrop, dropFiles, pasteArticle, waitForDocs, waitForReader, squash, SLOW,
} from './lib.mjs';

const browser = useBrowser();

test('two files dropped at once both appear in the list', async () => {
  const { page, context } = await openApp(browser());
  const drag = await startDrag(page, [
    { name: 'library-budget.txt', text: fixture('library-budget.txt') },
    { name: 'orchard-frost.md', text: fixture('orchard-frost.md') },
  ]);
  await page.waitForSelector('#drop-overlay', { state: 'visible', timeout: 5_000 });
  await finishDrop(page, drag);
  const titles = await waitForDocs(page, 2, ['City library keeps its Sunday hours', 'Late frost hits Arden Valley orchards']);
  assert.ok(titles.some((t) => t.includes('City library keeps its Sunday hours')), `titles: ${titles}`);
  assert.ok(titles.some((t) => t.includes('Late frost hits Arden Valley orchards')), `titles: ${titles}`);
  assert.ok(!titles.some((t) => t.includes('#')), 'the Markdown heading loses its syntax in the title');
  await page.waitForSelector('#drop-overlay', { state: 'hidden', timeout: 5_000 });

  // Select the Markdown document: its text is read without Markdown syntax.
  const frost = page.locator('#doc-list > li[data-doc-id]', { hasText: 'Late frost' });
  await frost.click();
  await page.waitForFunction(
    () => {
      const li = [...document.querySelectorAll('#doc-list > li[data-doc-id]')].find((l) => l.textContent.includes('Late frost'));
      const reader = document.querySelector('#reader');
      return li?.getAttribute('aria-current') === 'true' && reader?.dataset.state === 'done'
        && reader.innerText.includes('apple blossom');
    },
    null,
    { timeout: SLOW },
  );
  const shown = squash(await page.innerText('#reader'));
  assert.ok(shown.includes('Growers in the Arden Valley lost up to 30% of their apple blossom'), shown.slice(0, 300));
  assert.ok(!shown.includes('**') && !shown.includes(']('), 'no Markdown syntax in the reading view');

  // Remove the other one.
  await page.locator('#doc-list > li[data-doc-id]', { hasText: 'City library' }).locator('button.doc-remove').click();
  const left = await waitForDocs(page, 1, ['Late frost']);
  assert.match(left[0], /Late frost/);
  await context.close();
});

test('the file picker takes several files at once', async () => {
  const { page, context } = await openApp(browser());
  await page.setInputFiles('#file-input', [
    { name: 'harbour-ferry.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture('harbour-ferry.txt')) },
    { name: 'library-budget.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture('library-budget.txt')) },
  ]);
  const titles = await waitForDocs(page, 2, ['Harbour council', 'City library']);
  assert.ok(titles.some((t) => t.includes('Harbour council')), `titles: ${titles}`);
  assert.ok(titles.some((t) => t.includes('City library')), `titles: ${titles}`);
  await context.close();
});

test('binary and invalid UTF-8 files are refused by name while open documents stay', async () => {
  const { page, context } = await openApp(browser());
  await pasteArticle(page, fixture('harbour-ferry.txt'));
  await waitForDocs(page, 1);
  await waitForReader(page);
  const keptId = await page.getAttribute('#doc-list > li[data-doc-id]', 'data-doc-id');
  const keptText = squash(await page.innerText('#reader'));

  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), noise(2048)]);
  const zipNamedTxt = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1'), Buffer.alloc(32), noise(1024)]);
  const latin1 = Buffer.from('Caf\xe9 owners in M\xfcnster protest\n\nThe caf\xe9 association said the new rules would cost \xa33,000.\n', 'latin1');
  await dropFiles(page, [
    { name: 'tram-photo.jpg', bytes: jpeg },
    { name: 'figures-export.txt', bytes: zipNamedTxt },
    { name: 'legacy-latin1.txt', bytes: latin1 },
  ]);

  await page.waitForFunction(
    (names) => {
      const notices = [...document.querySelectorAll('#notices .notice[role="alert"]')].map((n) => n.textContent);
      return names.every((name) => notices.some((t) => t.includes(name)));
    },
    ['tram-photo.jpg', 'figures-export.txt', 'legacy-latin1.txt'],
    { timeout: SLOW },
  ).catch(async (e) => {
    const notices = await page.$$eval('#notices .notice', (ns) => ns.map((n) => `${n.getAttribute('role')}: ${n.textContent}`));
    assert.fail(`expected an alert naming each refused file; notices: ${JSON.stringify(notices)} (${e.message})`);
  });

  const ids = await page.$$eval('#doc-list > li[data-doc-id]', (ls) => ls.map((l) => l.dataset.docId));
  assert.ok(ids.includes(keptId), 'the open document is still listed');
  assert.ok(ids.length <= 2, `binary files were not added as documents (${ids.length} listed)`);
  const titles = await page.$$eval('#doc-list > li[data-doc-id] .doc-title', (els) => els.map((e) => e.textContent));
  assert.ok(!titles.some((t) => t.includes('\uFFFD') || t.includes('\0') || t.includes('JFIF')), `no garbage titles: ${titles}`);
  const selected = await page.getAttribute(`#doc-list > li[data-doc-id="${keptId}"]`, 'aria-current');
  if (selected === 'true') {
    assert.equal(squash(await page.innerText('#reader')), keptText, 'the reading view is untouched');
  }
  await context.close();
});

/** Deterministic bytes that are not text. */
function noise(n) {
  const out = Buffer.alloc(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
