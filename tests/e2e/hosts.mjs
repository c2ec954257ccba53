// Helpers for the browser tests of the ways NewsLens is delivered: the single file from disk,
// the folder under a sub-path, a hosted copy that goes offline and is updated.
//
// Static servers are xtask's own (`serve --no-build`, NEWSLENS_XTASK is set by `cargo xtask
// test`), started and stopped here, so a test can take a server away and bring a new build.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SLOW, fixture, sampleFiles } from './lib.mjs';

export const DIST = join(ROOT, 'dist');
const XTASK = process.env.NEWSLENS_XTASK;

function xtask() {
  if (!XTASK) throw new Error('NEWSLENS_XTASK is not set: run the browser tests with `cargo xtask test` or `cargo xtask e2e`');
  return XTASK;
}

/**
 * Serves `dir` as it is under `base` on 127.0.0.1 (`port` 0: any free port).
 * Returns `{ url, port, stop }`; `stop()` ends the server process.
 */
export function serveFolder(dir, { base = '/', port = 0 } = {}) {
  const child = spawn(xtask(), ['serve', '--no-build', '--dist', dir, '--base', base, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`static server did not start: ${seen}`)), SLOW);
    child.once('exit', (code) => reject(new Error(`static server exited (${code}): ${seen}`)));
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const found = /served at (http:\/\/\S+)/.exec(seen);
      if (!found) return;
      clearTimeout(timer);
      const url = found[1];
      resolve({
        url,
        port: Number(new URL(url).port),
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/**
 * Serves `dir` under `base` with Python's `http.server`, as a user would on their own
 * machine (a copy of the folder placed at that path). Null when there is no python3.
 */
export async function servePython(dir, base) {
  if (spawnSync('python3', ['--version']).status !== 0) return null;
  const root = mkdtempSync(join(tmpdir(), 'newslens-python-'));
  cpSync(dir, join(root, ...base.split('/').filter(Boolean)), { recursive: true });
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', root], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const port = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`python3 http.server did not start: ${seen}`)), SLOW);
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const found = / port (\d+)/.exec(seen);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}${base}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A copy of the built folder in a new temporary folder (`<tmp>/<name>`). */
export function copyOfDist(name) {
  const dir = join(mkdtempSync(join(tmpdir(), 'newslens-')), name);
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

/** Finishes a changed folder as Trunk's post-build hook does: new build id, sw.js list, single file. */
export function finishBuild(dir) {
  const run = spawnSync(xtask(), ['post-build', dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`post-build failed: ${run.stdout}${run.stderr}`);
}

/**
 * Opens `url` in a new context of `browser`: every http(s) request to another host than
 * the page's is refused and recorded in `outside`; `requests` records every request made.
 */
export async function openPage(browser, url) {
  const host = new URL(url).host;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  const outside = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route(
    (u) => /^https?:$/.test(u.protocol) && u.host !== host,
    (route) => {
      outside.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  // Anything the page's Content-Security-Policy blocks is an error of the build.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: SLOW });
  return { context, page, requests, outside, errors };
}

/** One article to drop: the first shared sample, else a fixture. */
export function oneArticle() {
  const samples = sampleFiles();
  if (samples) return samples[0];
  console.log('note: shared samples not found (set NEWSLENS_DATA); dropping a fixture');
  return { name: 'library-budget.txt', text: fixture('library-budget.txt') };
}

/** The build id the page runs. */
export function buildOf(page) {
  return page.$eval('meta[name="newslens-build"]', (m) => m.content);
}
