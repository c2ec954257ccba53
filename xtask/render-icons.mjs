// Renders web/icons/newslens.svg to the PNG icons the web app manifest lists, with the
// system Chromium (NEWSLENS_CHROMIUM). Run by `cargo xtask icons`; the PNGs are committed.

import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ICONS = resolve(dirname(fileURLToPath(import.meta.url)), '../web/icons');
const svg = readFileSync(join(ICONS, 'newslens.svg')).toString('base64');

// name, size, background: a maskable icon fills its square (the platform cuts its own shape).
const OUTPUTS = [
  ['newslens-192.png', 192, 'transparent'],
  ['newslens-512.png', 512, 'transparent'],
  ['newslens-maskable-512.png', 512, '#17202e'],
];

const browser = await chromium.launch({
  executablePath: process.env.NEWSLENS_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [name, size, background] of OUTPUTS) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0;background:${background}"><img src="data:image/svg+xml;base64,${svg}" width="${size}" height="${size}" style="display:block"></body>`,
    );
    await page.waitForFunction(() => document.images[0].complete);
    const png = await page.screenshot({ omitBackground: background === 'transparent', clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(ICONS, name), png);
    console.log(`icons: web/icons/${name} (${size}x${size}, ${png.length} bytes)`);
  }
} finally {
  await browser.close();
}
