// Browser test: the release bundle works from a plain static server with the network off.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, fixture, pasteArticle, waitForDocs, waitForReader, marks, BASE } from './lib.mjs';

const browser = useBrowser();

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
