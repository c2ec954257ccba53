// Browser bench: drop -> first highlight -> complete, and the longest main-thread task, in headless Chromium.
//
// Prints figures; never fails on them. Run with `cargo xtask bench-browser`, which
// builds and serves the release bundle and sets NEWSLENS_URL. Uses the shared
// samples (NEWSLENS_DATA, default `shared` beside the repository), else the fixtures.

import { launch, openApp, startDrag, finishDrop, sampleFiles, fixture, SLOW } from '../e2e/lib.mjs';

const BIG = 5 * 1024 * 1024;

const samples = sampleFiles() ?? (() => {
  console.log('note: shared samples not found (set NEWSLENS_DATA); timing the fixtures instead');
  return ['harbour-ferry.txt', 'library-budget.txt', 'orchard-frost.md'].map((name) => ({ name, text: fixture(name) }));
})();

/** Drops one file on a fresh page (its address ending in `query`) and times it in the page's own clock. */
async function time(browser, file, query = '') {
  const { page, context } = await openApp(browser, query);
  const workers = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.evaluate(() => {
    const w = (window.__bench = { longest: 0, tasks: 0, first: null, done: null, t0: null });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (w.t0 !== null && e.startTime + e.duration >= w.t0) {
          w.longest = Math.max(w.longest, e.duration);
          w.tasks += 1;
        }
      }
    }).observe({ type: 'longtask' });
    const reader = document.querySelector('#reader');
    new MutationObserver(() => {
      if (w.t0 === null) return;
      const now = performance.now();
      if (w.first === null && reader.querySelector('mark[data-layer]')) w.first = now;
      if (w.done === null && reader.dataset.state === 'done') w.done = now;
    }).observe(reader, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  const drag = await startDrag(page, [file]);
  await page.evaluate(() => {
    window.__bench.t0 = performance.now();
  });
  await finishDrop(page, drag);
  await page.waitForFunction(() => window.__bench.done !== null && window.__bench.first !== null, null, {
    timeout: SLOW * 3,
    polling: 50,
  }).catch(() => {});
  // Let a long task that ends the run report itself.
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => window.__bench);
  const marks = await page.$$eval('#reader mark[data-layer]', (m) => m.length);
  // The worker's own time (read, annotate), as the reader shows it: the rest is transfer and rendering.
  const meta = await page.$eval('.reader-meta', (p) => p.textContent).catch(() => '');
  const engine = /annotated in ([\d.]+) (m?s)/.exec(meta);
  await context.close();
  return {
    first: r.first === null ? null : r.first - r.t0,
    // Complete: the reader says done and its highlights are on screen (the later of the two).
    done: r.done === null || r.first === null ? r.done && r.done - r.t0 : Math.max(r.done, r.first) - r.t0,
    longest: r.longest,
    tasks: r.tasks,
    marks,
    engine: engine ? Number(engine[1]) * (engine[2] === 's' ? 1000 : 1) : null,
    workers: query === '?workers=1' ? 1 : Math.min(Math.max(workers, 2), 8),
  };
}

// Chromium reports only tasks over 50 ms as long tasks.
const task = (r) => (r.tasks === 0 ? 'none over 50 ms' : `${r.longest.toFixed(0)} ms (${r.tasks} over 50 ms)`);
const ms = (x) => (x === null ? 'never' : `${x.toFixed(0)} ms`);

const browser = await launch();
try {
  const rows = [];
  for (const s of samples) rows.push([s.name, s.text.length, await time(browser, s)]);
  let big = '';
  while (Buffer.byteLength(big) < BIG) for (const s of samples) big += s.text + '\n\n';
  const five = { name: 'five-megabytes.txt', text: big };
  const alone = await time(browser, five, '?workers=1');
  rows.push([`5 MB, 1 worker`, big.length, alone]);
  const pooled = await time(browser, five);
  rows.push([`5 MB, pool of ${pooled.workers}`, big.length, pooled]);

  console.log('\nbrowser bench (headless Chromium, release bundle, drop -> first <mark> / reader done):');
  for (const [name, chars, r] of rows) {
    console.log(
      `  ${name.padEnd(28)} ${String(chars).padStart(8)} chars  first highlight ${ms(r.first).padStart(8)}  ` +
        `complete ${ms(r.done).padStart(8)} (worker ${ms(r.engine)})  longest main-thread task ${task(r)}  ${r.marks} marks rendered`,
    );
  }
  const [, , b] = rows[rows.length - 1];
  console.log(
    `bench-browser 5MB: first ${ms(b.first)} (bar 1000), complete ${ms(b.done)} (bar 2000), ` +
      `longest task ${task(b)} (bar 100 ms); with 1 worker complete ${ms(alone.done)}, with the pool ${ms(b.done)}`,
  );
} finally {
  await browser.close();
}
