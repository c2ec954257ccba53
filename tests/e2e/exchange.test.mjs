// Browser tests: exports and imports. A corrected session exported as NewsLens JSON, cleared and
// imported is the same session; the two reference samples exported as W3C Web Annotation and
// as brat read back to the same spans.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useBrowser, openApp, fixture, pasteArticle, waitForDocs, waitForReader, screenshotPath, ROOT, SLOW } from './lib.mjs';

const browser = useBrowser();

/** Exports the selected document or all of them in `format`; resolves with the file's bytes. */
async function exportAs(page, format, all = true) {
  await page.selectOption('#export-format', format);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.click(all ? '#export-all' : '#export-one')]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

async function importFile(page, name, bytes) {
  await page.setInputFiles('#import-input', { name, mimeType: 'application/octet-stream', buffer: bytes });
}

async function clearAll(page) {
  await page.click('#clear-all');
  await page.click('#clear-all-confirm');
  await page.waitForFunction(() => document.querySelectorAll('#doc-list > li').length === 0, null, { timeout: SLOW });
}

/** Waits until every listed document is annotated (no progress shown). */
async function allDone(page, n) {
  await waitForDocs(page, n);
  await page.waitForFunction(() => !document.querySelector('#doc-list li.working'), null, { timeout: SLOW });
}

function markState(page, text, label) {
  return page.waitForFunction(
    ([text, label]) => [...document.querySelectorAll('#reader mark[data-i]:not([data-cont])')].some((m) => m.textContent === text && m.dataset.label === label),
    [text, label],
    { timeout: SLOW },
  );
}

test('a corrected session exported as NewsLens JSON, cleared and imported is the same session', async () => {
  const { page, context, errors } = await openApp(browser());
  await pasteArticle(page, fixture('harbour-ferry.txt'));
  await waitForDocs(page, 1);
  await waitForReader(page);
  await markState(page, 'Blue Gannet Ferries', 'ORG');
  await page.focus('#reader mark[data-label="ORG"]:not([data-cont])');
  await page.keyboard.press('3');
  await page.waitForSelector('#reader mark[data-user][data-label="LOC"]', { timeout: SLOW });
  const first = await exportAs(page, 'json');
  assert.match(first.name, /\.json$/);
  const before = JSON.parse(first.bytes.toString('utf8'));
  assert.equal(before.format, 'newslens');
  assert.ok(before.documents[0].annotations.some((a) => a.source === 'user' && a.label === 'LOC'), 'the correction is in the export');
  assert.ok(before.documents[0].rejected.length > 0, 'the engine label it replaced is rejected');

  await clearAll(page);
  await importFile(page, 'session.json', first.bytes);
  await allDone(page, 1);
  await page.click('#doc-list .doc-select');
  await waitForReader(page);
  await page.waitForSelector('#reader mark[data-user][data-label="LOC"]', { timeout: SLOW });
  const again = JSON.parse((await exportAs(page, 'json')).bytes.toString('utf8'));
  assert.deepEqual(again, before, 'the same documents, annotations, corrections');

  // The other formats export too, each a file of its kind.
  for (const [format, ext] of [['w3c', 'jsonld'], ['brat', 'zip'], ['conll', 'conll'], ['csv', 'csv'], ['html', 'html']]) {
    const file = await exportAs(page, format, false);
    assert.ok(file.name.endsWith(`.${ext}`), `${format}: ${file.name}`);
    assert.ok(file.bytes.length > 100, `${format} has content`);
  }
  await page.screenshot({ path: screenshotPath('exchange-imported.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

/** The reference samples as documents: the gold annotations over the sample texts. */
function goldDocuments() {
  const data = process.env.NEWSLENS_DATA || resolve(ROOT, '../shared');
  const gold = join(data, 'gold');
  if (!existsSync(gold)) return null;
  return ['002_0383e5b4345a2114', '004_27803e0175fbeeb4'].map((stem) => {
    const g = JSON.parse(readFileSync(join(gold, `${stem}.json`), 'utf8'));
    const text = readFileSync(join(data, 'samples', `${stem}.txt`), 'utf8').replace(/\r\n/g, '\n');
    return { text, text_len: [...text].length, title: null, byline: null, source: `${stem}.txt`, dateline: g.dateline, annotations: g.annotations };
  });
}

const spans = (doc) => doc.annotations.map((a) => `${a.layer} ${a.label} ${a.start}-${a.end} ${a.text}${a.speaker ? ` <- ${a.speaker.start}-${a.speaker.end}` : ''}`);

test('the reference samples exported as W3C and as brat read back to the same spans', async (t) => {
  const gold = goldDocuments();
  if (!gold) {
    t.skip('reference samples not found (set NEWSLENS_DATA)');
    return;
  }
  const { page, context } = await openApp(browser());
  const native = Buffer.from(JSON.stringify({ format: 'newslens', version: 1, offsets: 'unicode code points', documents: gold }));
  await importFile(page, 'gold.json', native);
  await allDone(page, 2);
  for (const format of ['w3c', 'brat']) {
    const file = await exportAs(page, format);
    await clearAll(page);
    await importFile(page, file.name, file.bytes);
    await allDone(page, 2);
    const back = JSON.parse((await exportAs(page, 'json')).bytes.toString('utf8')).documents;
    assert.equal(back.length, 2, format);
    for (const [i, doc] of back.entries()) {
      assert.equal(doc.text, gold[i].text, `${format}: the text of ${gold[i].source}`);
      assert.deepEqual(spans(doc), spans(gold[i]), `${format}: the spans of ${gold[i].source}`);
    }
  }
  await context.close();
});
