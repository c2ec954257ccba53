// Browser test: axe-core (pinned in package.json) finds no serious or critical accessibility
// violation on the empty page, with a document loaded, on a highlight's details and corrections,
// in each dialog, on each board and the stepping bar, and in the "Clear all" question; every control is reached by Tab with a
// visible focus.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useBrowser, openApp, fixture, pasteArticle, waitForDocs, waitForReader, screenshotPath } from './lib.mjs';

const browser = useBrowser();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical violations on the page as it is now, one line each. */
async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

test('no serious or critical accessibility violations, empty, loaded, in every panel and dialog', async () => {
  const { page, context } = await openApp(browser());
  const found = {};
  found['empty page'] = await violations(page);

  await pasteArticle(page, fixture('harbour-ferry.txt'));
  await waitForDocs(page, 1);
  await waitForReader(page);
  found['document loaded'] = await violations(page);

  // A highlight in focus: its details and the correction buttons.
  await page.focus('#reader mark[data-layer="quote"]');
  await page.waitForSelector('#details .edit-buttons');
  found['details and corrections'] = await violations(page);

  await page.keyboard.press('?');
  await page.waitForSelector('#dialog .shortcuts');
  found['shortcuts dialog'] = await violations(page);
  await page.keyboard.press('Escape');

  await page.focus('#reader mark[data-layer="quote"]');
  await page.keyboard.press('s');
  await page.waitForSelector('#dialog .pick');
  found['speaker dialog'] = await violations(page);
  await page.screenshot({ path: screenshotPath('a11y-speaker-dialog.png') });
  await page.keyboard.press('Escape');

  // Two articles side by side: each board, then the reader with its tabs.
  await pasteArticle(page, fixture('library-budget.txt'));
  await waitForDocs(page, 2);
  await waitForReader(page);
  await page.click('#pane-board');
  await page.waitForSelector('#board .doc-key li:nth-child(2)');
  found['figures board'] = await violations(page);
  await page.click('#board-tab-quotes');
  await page.waitForSelector('#board .quote-board, #board .board-title');
  found['quotes board'] = await violations(page);
  await page.click('#board-tab-names');
  await page.waitForSelector('.entity-table tbody tr');
  found['names board'] = await violations(page);
  await page.click('.entity-table tbody tr button.step');
  await page.waitForSelector('#stepper');
  found['stepping through a name'] = await violations(page);

  await page.click('#clear-all');
  await page.waitForSelector('#clear-all-confirm');
  found['clear all question'] = await violations(page);

  console.log(`axe-core: ${Object.entries(found).map(([k, v]) => `${k}: ${v.length}`).join('; ')} serious/critical violations`);
  for (const [where, list] of Object.entries(found)) assert.deepEqual(list, [], `${where}:\n${list.join('\n')}`);
  await context.close();
});

test('every control is reached by Tab, each with a visible focus', async () => {
  const { page, context } = await openApp(browser());
  await pasteArticle(page, fixture('harbour-ferry.txt'));
  await waitForDocs(page, 1);
  await waitForReader(page);
  const reached = new Set();
  const unseen = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return { id: el.id || el.className || el.tagName, tag: el.tagName, visible };
    });
    if (!info) continue;
    reached.add(info.id);
    if (!info.visible) unseen.push(info.id);
  }
  for (const control of ['paste-input', 'paste-add', 'file-input', 'undo', 'shortcuts']) {
    if (control === 'undo') continue; // disabled until there is an edit
    assert.ok(reached.has(control), `${control} is reached by Tab (reached: ${[...reached].join(', ')})`);
  }
  assert.ok([...reached].some((r) => r === 'MARK'), 'highlights are reached by Tab');
  assert.deepEqual([...new Set(unseen)], [], 'every focused control shows its focus');
  await context.close();
});
