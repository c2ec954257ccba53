// Browser tests: NewsLens with the network off, in each form it is delivered in: the folder
// on a static server, the single file opened from disk, the folder under a sub-path, and a
// hosted copy that keeps working offline after one visit and moves to a new build when asked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  useBrowser,
  openApp,
  fixture,
  pasteArticle,
  dropFiles,
  waitForDocs,
  waitForReader,
  marks,
  screenshotPath,
  BASE,
  SLOW,
} from './lib.mjs';
import { DIST, serveFolder, servePython, copyOfDist, finishBuild, openPage, oneArticle, buildOf } from './hosts.mjs';

const browser = useBrowser();

/** Drops one article and checks it is highlighted. */
async function dropAndSeeHighlights(page, docs = 1) {
  const article = oneArticle();
  await dropFiles(page, [article]);
  await waitForDocs(page, docs);
  await waitForReader(page);
  const found = await marks(page);
  assert.ok(found.some((m) => m.layer === "entity"), `${article.name}: names highlighted; marks: ${JSON.stringify(found.slice(0, 5))}`);
  return found;
}

/** Opens the boards: every open document keyed, and its names counted on the names board. */
async function openTheBoards(page, docs = 1) {
  await page.click('#pane-board');
  await page.waitForSelector(`#board .doc-key li:nth-child(${docs})`, { timeout: SLOW });
  await page.click('#board-tab-names');
  await page.waitForSelector('.entity-table tbody tr', { timeout: SLOW });
  assert.ok((await page.locator('.entity-table tbody tr').count()) > 0, 'names on the board');
}

test('with the network off the page works and every request stays on the test server', async () => {
  const { page, context, outside, requests, errors } = await openApp(browser());
  await pasteArticle(page, fixture('library-budget.txt'));
  await waitForDocs(page, 1);
  await waitForReader(page);
  assert.ok((await marks(page)).length > 0, 'highlights without any network');

  assert.deepEqual(outside, [], 'no request left the machine');
  const origin = new URL(BASE).origin;
  assert.ok(requests.every((u) => u.startsWith(origin)), 'every request went to the test server');
  assert.ok(requests.some((u) => new URL(u).pathname.endsWith('.wasm')), 'the engine came from the test server');
  const external = await page.$$eval('link[href], script[src], img[src], iframe[src]', (els) =>
    els.map((e) => e.href || e.src).filter((u) => !u.startsWith(location.origin) && !/^(data|blob):/.test(u)),
  );
  assert.deepEqual(external, [], 'no stylesheet, script, font or image from elsewhere');
  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
});

test('the single file, alone in an empty folder, opens from file:// and annotates with nothing else requested', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newslens-single-'));
  copyFileSync(join(DIST, 'newslens.html'), join(dir, 'newslens.html'));
  const url = pathToFileURL(join(dir, 'newslens.html')).href;
  const { page, context, requests, outside, errors } = await openPage(browser(), url);

  await dropAndSeeHighlights(page);
  await page.screenshot({ path: screenshotPath('single-file.png') });
  await openTheBoards(page);
  await page.screenshot({ path: screenshotPath('single-file-board.png') });

  const elsewhere = requests.filter((u) => u !== url && !/^(data|blob):/.test(u));
  assert.deepEqual(elsewhere, [], 'nothing but the file itself was requested');
  assert.deepEqual(outside, []);
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(resources.filter((u) => !/^(data|blob):/.test(u)), [], 'the page loaded nothing from disk or network');

  // The policy travels in the file: scripts and styles by hash, never 'unsafe-inline'.
  const policy = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert.match(policy, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval';/);
  assert.match(policy, /default-src 'none'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'nothing blocked by the policy');
  assert.equal(
    // (Chromium refuses even to look from a file's null origin.)
    await page.evaluate(() => navigator.serviceWorker?.getRegistrations().then((r) => r.length, () => 0) ?? 0),
    0,
    'no service worker from file://',
  );
  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
});

test('the folder served under a sub-path works and asks for nothing outside it', async () => {
  const server = await serveFolder(DIST, { base: '/tools/newslens/' });
  try {
    const { page, context, requests, outside, errors } = await openPage(browser(), server.url);
    await dropAndSeeHighlights(page);
    await page.screenshot({ path: screenshotPath('sub-path.png') });
    await openTheBoards(page);

    // The manifest and its icons resolve inside the sub-path too.
    const icons = await page.evaluate(async () => {
      const manifest = await (await fetch(document.querySelector('link[rel="manifest"]').href)).json();
      const base = new URL(document.querySelector('link[rel="manifest"]').href);
      return Promise.all(
        manifest.icons.map(async (icon) => {
          const response = await fetch(new URL(icon.src, base));
          const bytes = new Uint8Array(await response.arrayBuffer());
          // A PNG's width and height are the 4-byte numbers at 16 and 20.
          const view = new DataView(bytes.buffer);
          const size = icon.type === 'image/png' ? `${view.getUint32(16)}x${view.getUint32(20)}` : 'any';
          return { url: response.url, ok: response.ok, sizes: icon.sizes, size, theme: manifest.theme_color };
        }),
      );
    });
    assert.ok(icons.length >= 3, 'the manifest lists its icons');
    for (const icon of icons) {
      assert.ok(icon.ok && new URL(icon.url).pathname.startsWith('/tools/newslens/icons/'), icon.url);
      assert.equal(icon.size, icon.sizes, `${icon.url} has the size the manifest says`);
    }

    const paths = requests.map((u) => new URL(u).pathname);
    assert.ok(paths.some((p) => p.endsWith('.wasm')), 'the engine came from the server');
    assert.deepEqual(paths.filter((p) => !p.startsWith('/tools/newslens/')), [], 'no request outside the sub-path');
    assert.deepEqual(outside, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, [], 'no script errors');
    await context.close();
  } finally {
    await server.stop();
  }
});

test('the folder from plain python3 -m http.server, under a sub-path, works', async (t) => {
  const server = await servePython(DIST, '/tools/newslens/');
  if (!server) {
    t.skip('no python3 on this machine');
    return;
  }
  try {
    const { page, context, requests, errors } = await openPage(browser(), server.url);
    await dropAndSeeHighlights(page);
    const paths = requests.map((u) => new URL(u).pathname);
    assert.ok(paths.some((p) => p.endsWith('.wasm')));
    assert.deepEqual(paths.filter((p) => !p.startsWith('/tools/newslens/')), [], 'no request outside the sub-path');
    assert.deepEqual(errors, [], 'no script errors');
    await context.close();
  } finally {
    await server.stop();
  }
});

test('a hosted copy works offline after one visit, then offers a new build and runs it', { timeout: 5 * SLOW }, async () => {
  // Build A is dist/ as built. Build B: the same with one file changed, finished as Trunk's
  // hook does. Broken: B's page and list of files served beside A's files, as a server
  // caught half-way through a deploy would (boot.js does not match the list).
  const b = copyOfDist('b');
  appendFileSync(join(b, 'boot.js'), '\n// build B\n');
  finishBuild(b);
  const broken = copyOfDist('broken');
  copyFileSync(join(b, 'sw.js'), join(broken, 'sw.js'));
  copyFileSync(join(b, 'index.html'), join(broken, 'index.html'));
  const buildA = /name="newslens-build" content="([^"]+)"/.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))[1];
  const buildB = /name="newslens-build" content="([^"]+)"/.exec(readFileSync(join(b, 'index.html'), 'utf8'))[1];
  assert.notEqual(buildA, buildB);

  let server = await serveFolder(DIST);
  const { port } = server;
  const { page, context, errors } = await openPage(browser(), server.url);
  try {
    assert.equal(await buildOf(page), buildA);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: SLOW });
    const cached = await page.evaluate(async () => (await caches.keys()).length);
    assert.equal(cached, 1, 'one cache, for the build in use');

    // The server is gone and the machine offline: the page still loads and annotates.
    await server.stop();
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: SLOW });
    assert.equal(await buildOf(page), buildA);
    await dropAndSeeHighlights(page);
    await page.screenshot({ path: screenshotPath('offline-reload.png') });

    // A half-deployed build is never installed: its files do not match its list.
    server = await serveFolder(broken, { port });
    await context.setOffline(false);
    const outcome = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const state = new Promise((resolve) =>
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker.addEventListener('statechange', () => {
            if (worker.state === 'installed' || worker.state === 'redundant') resolve(worker.state);
          });
        }),
      );
      await registration.update().catch(() => {});
      return state;
    });
    assert.equal(outcome, 'redundant', 'the mismatched build was refused');
    assert.equal(await page.$('#update-banner'), null, 'and not offered');
    await server.stop();

    // The new build is served: the page offers it, and after the button runs it.
    server = await serveFolder(b, { port });
    await page.reload();
    await page.waitForSelector('#update-banner', { timeout: SLOW });
    assert.equal(await buildOf(page), buildA, 'the page stays on its build until asked');
    await page.screenshot({ path: screenshotPath('update-offered.png') });
    await Promise.all([page.waitForEvent('load', { timeout: SLOW }), page.click('#update-reload')]);
    await page.waitForSelector('body[data-ready="true"]', { timeout: SLOW });
    assert.equal(await buildOf(page), buildB, 'the new build runs after the reload');
    const caches = await page.evaluate(async () => caches.keys());
    assert.equal(caches.length, 1, `only the new build is cached: ${caches}`);
    assert.ok(caches[0].endsWith(buildB));
    // The article dropped while offline was kept over the update; a second one joins it.
    await waitForDocs(page, 1);
    await dropAndSeeHighlights(page, 2);
    await page.screenshot({ path: screenshotPath('updated.png') });
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|sw\.js/.test(e)), [], 'no script errors');
  } finally {
    await context.close();
    await server.stop();
  }
});
