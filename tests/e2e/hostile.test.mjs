// Browser test: an HTML file full of scripts, handlers and javascript: links is read as text and runs nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openApp, fixture, dropFiles, waitForDocs, waitForReader, squash, ROOT, BASE } from './lib.mjs';

const browser = useBrowser();

test('hostile HTML: nothing in it runs, nothing is fetched, its text is read', async () => {
  const { page, context, outside, requests } = await openApp(browser());
  const title = await page.title();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const before = requests.length;
  await dropFiles(page, [{ name: 'tram-report.html', text: fixture('hostile.html') }]);
  let titles;
  try {
    titles = await waitForDocs(page, 1, ['Tram line']);
    await waitForReader(page);
  } catch (e) {
    const pwned = await page.evaluate(() => window.__pwned).catch(() => '(page gone)');
    assert.fail(`the HTML file was not read safely: page at ${page.url()}, window.__pwned=${pwned}, ` +
      `requests outside: ${JSON.stringify(outside)} (${e.message.split('\n')[0]})`);
  }
  assert.match(titles[0], /Tram line/, 'title from the heading or <title>');
  // Handlers such as onerror fire asynchronously: give them time, then poke every link.
  await page.waitForTimeout(1_000);
  for (const link of await page.$$('#reader a')) {
    await link.click({ force: true, timeout: 2_000 }).catch(() => {});
  }
  await page.waitForTimeout(500);

  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script, handler or link in the file ran');
  assert.equal(await page.title(), title, 'the page title is unchanged');
  assert.equal(page.url(), BASE, 'no meta refresh or link navigated away');
  assert.equal(page.frames().length, 1, 'no frame was created');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(outside, [], 'nothing requested from outside');
  const fetched = requests.slice(before).map((u) => new URL(u).pathname);
  const foreign = fetched.filter((p) => !existsSync(join(ROOT, 'dist', decodeURIComponent(p))));
  assert.deepEqual(foreign, [], 'the file\'s images, scripts and styles were not requested');

  const shown = squash(await page.innerText('#reader'));
  assert.ok(shown.includes('Tram line to open in May'), 'the heading is read');
  assert.ok(shown.includes('Every one of the 18 stations is finished'), 'the paragraphs are read');
  assert.ok(!shown.includes('__pwned') && !shown.includes('PWNED'), 'script text is not shown as article text');
  await context.close();
});
