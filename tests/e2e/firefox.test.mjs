// Browser tests in Firefox (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core):
// the single file opened from disk, and the folder under a sub-path, with the network off.
// Skipped with a note when no Firefox is installed (NEWSLENS_FIREFOX, else firefox-esr/firefox).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { SLOW, screenshotPath } from './lib.mjs';
import { DIST, oneArticle, serveFolder } from './hosts.mjs';

const FIREFOX = [process.env.NEWSLENS_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
const skip = FIREFOX ? false : 'no Firefox on this machine (install firefox-esr or set NEWSLENS_FIREFOX)';
if (skip) console.log(`note: Firefox tests skipped: ${skip}`);

let browser;
before(async () => {
  if (skip) return;
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // The network is off: every http(s) request goes to a proxy that does not exist,
    // except the test servers on 127.0.0.1.
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
});
after(async () => {
  await browser?.close();
});

/** A new page that records what it requests and what its policy blocks. */
async function open(url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: SLOW });
  return { page, requests, errors };
}

/** Drops a file on the middle of the window, as a drag from the file manager does. */
async function dropAndSeeHighlights(page) {
  const article = oneArticle();
  await page.evaluate(
    (name, text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/plain' }));
      const [x, y] = [innerWidth / 2, innerHeight / 2];
      const target = document.elementFromPoint(x, y) || document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, dataTransfer: dt }));
      }
    },
    article.name,
    article.text,
  );
  await page.waitForSelector('#reader[data-state="done"]', { timeout: SLOW });
  const layers = await page.$$eval('#reader mark[data-layer]', (els) => els.map((m) => m.dataset.layer));
  assert.ok(layers.includes('entity'), `${article.name}: names highlighted in Firefox`);
}

test('Firefox: the single file opens from file:// alone and annotates, nothing else requested', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newslens-single-ff-'));
  copyFileSync(join(DIST, 'newslens.html'), join(dir, 'newslens.html'));
  const url = pathToFileURL(join(dir, 'newslens.html')).href;
  const { page, requests, errors } = await open(url);
  await dropAndSeeHighlights(page);
  await page.screenshot({ path: screenshotPath('firefox-single-file.png') });
  assert.deepEqual(requests.filter((u) => u !== url && !/^(data|blob):/.test(u)), [], 'nothing but the file');
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(resources.filter((u) => !/^(data|blob):/.test(u)), []);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'nothing blocked by the policy');
  assert.deepEqual(errors, [], 'no script errors');
  await page.close();
});

test('Firefox: the folder under a sub-path works and asks for nothing outside it', { skip }, async () => {
  const server = await serveFolder(DIST, { base: '/tools/newslens/' });
  try {
    const { page, requests, errors } = await open(server.url);
    await dropAndSeeHighlights(page);
    await page.screenshot({ path: screenshotPath('firefox-sub-path.png') });
    const origin = new URL(server.url).origin;
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'requests are seen (the engine came from the server)');
    const outside = requests.filter((u) => !u.startsWith(`${origin}/tools/newslens/`) && !/^(data|blob):/.test(u));
    assert.deepEqual(outside, [], 'no request outside the sub-path');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, [], 'no script errors');
    await page.close();
  } finally {
    await server.stop();
  }
});
