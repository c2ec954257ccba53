// Shared set-up for the browser tests: system Chromium with no network, the served bundle, synthetic drops.
//
// Run through `cargo xtask test` (or `cargo xtask e2e`), which builds the release
// bundle, serves it on 127.0.0.1 and sets NEWSLENS_URL. Chromium is the system's
// (NEWSLENS_CHROMIUM, default /usr/bin/chromium); nothing is ever downloaded.

import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
export const FIXTURES = join(ROOT, 'tests/fixtures');
/** How long the page may take to get ready or finish a document on a busy 2-core machine. */
export const SLOW = 60_000;

export const BASE = process.env.NEWSLENS_URL;
if (!BASE) {
  throw new Error('NEWSLENS_URL is not set: run the browser tests with `cargo xtask test` or `cargo xtask e2e`');
}
const BASE_HOST = new URL(BASE).host;

const CHROMIUM = process.env.NEWSLENS_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // The network is off: any name other than the test server's address fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** Launches Chromium (Playwright gives every launch a new empty profile). */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * One Chromium for a test file: launched before its tests, closed after them.
 * Call at the top of the file; the returned function gives the browser.
 */
export function useBrowser() {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

/**
 * Opens the app in a new context whose every request that is not to the test
 * server is refused and recorded in `outside`. Waits until the page says it is ready.
 * `query` is added to the address (`?workers=1`: one engine worker, no pool).
 */
export async function openApp(browser, query = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const outside = [];
  const requests = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    requests.push(url.href);
    if (url.host === BASE_HOST) return route.continue();
    outside.push(url.href);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(BASE + query);
  await page.waitForSelector('body[data-ready="true"]', { timeout: SLOW });
  return { context, page, outside, requests, errors };
}

export function fixture(name) {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

const TYPES = { txt: 'text/plain', md: 'text/markdown', html: 'text/html', htm: 'text/html', jpg: 'image/jpeg' };

/** `{ name, text }` or `{ name, bytes }` -> what the page needs to build a File. */
function filePayload(f) {
  const bytes = f.bytes ? Buffer.from(f.bytes) : Buffer.from(f.text, 'utf8');
  const ext = f.name.split('.').pop().toLowerCase();
  return { name: f.name, type: f.type ?? TYPES[ext] ?? '', b64: bytes.toString('base64') };
}

/**
 * Starts dragging files over the middle of the window (dragenter + dragover), as a
 * user's drag from the file manager does. Returns the DataTransfer for `finishDrop`.
 */
export async function startDrag(page, files) {
  const transfer = await page.evaluateHandle((payload) => {
    const dt = new DataTransfer();
    for (const f of payload) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, files.map(filePayload));
  await dispatchDrag(page, transfer, ['dragenter', 'dragover']);
  return transfer;
}

/** Drops what `startDrag` is dragging on whatever is now under the pointer. */
export async function finishDrop(page, transfer) {
  await dispatchDrag(page, transfer, ['dragover', 'drop']);
}

/** Drags and drops `files` at once on the middle of the window. */
export async function dropFiles(page, files) {
  await finishDrop(page, await startDrag(page, files));
}

function dispatchDrag(page, transfer, types) {
  return page.evaluate(
    ([dt, types]) => {
      const x = innerWidth / 2;
      const y = innerHeight / 2;
      const target = document.elementFromPoint(x, y) || document.body;
      for (const type of types) {
        target.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, dataTransfer: dt }),
        );
      }
    },
    [transfer, types],
  );
}

/** Pastes an article into the paste box and adds it. */
export async function pasteArticle(page, text) {
  await page.fill('#paste-input', text);
  await page.click('#paste-add');
}

/**
 * Waits until the list holds `n` titled documents and, for each string in `titled`,
 * one whose title contains it (a file may show its name until it has been read).
 * Returns the titles.
 */
export async function waitForDocs(page, n, titled = []) {
  await page.waitForFunction(
    ([n, titled]) => {
      const items = [...document.querySelectorAll('#doc-list > li[data-doc-id]')];
      const titles = items.map((li) => li.querySelector('.doc-title')?.textContent.trim() ?? '');
      return items.length === n && titles.every((t) => t) && titled.every((want) => titles.some((t) => t.includes(want)));
    },
    [n, titled],
    { timeout: SLOW },
  ).catch(async (e) => {
    const titles = await page.$$eval('#doc-list > li[data-doc-id] .doc-title', (els) => els.map((x) => x.textContent.trim()));
    throw new Error(`expected ${n} documents titled ${JSON.stringify(titled)}; list shows ${JSON.stringify(titles)} (${e.message.split('\n')[0]})`);
  });
  return page.$$eval('#doc-list > li[data-doc-id] .doc-title', (els) => els.map((e) => e.textContent.trim()));
}

/** Waits until the reading view has finished the selected document. */
export async function waitForReader(page) {
  await page.waitForSelector('#reader[data-state="done"]', { timeout: SLOW });
}

/** The highlights in the reading view: layer, label, text. */
export function marks(page) {
  return page.$$eval('#reader mark[data-layer][data-label]', (els) =>
    els.map((m) => ({ layer: m.dataset.layer, label: m.dataset.label, text: m.textContent })),
  );
}

export function screenshotPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** The shared samples folder (NEWSLENS_DATA, default `shared` beside the repository), if present. */
export function sampleFiles() {
  const data = process.env.NEWSLENS_DATA || resolve(ROOT, '../shared');
  const dir = join(data, 'samples');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Collapses whitespace, so text can be compared with what the page shows. */
export function squash(s) {
  return s.replace(/\s+/g, ' ').trim();
}
