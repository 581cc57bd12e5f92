// Screenshots of HTML pages at a phone's width (375 px), a desktop's (1280 px) and as printed
// (A4, print styles), with the folded sections closed and open, in headless Chromium through
// playwright-core. Fails (exit 1) when a page is wider than the window at some width: a reader
// would have to scroll sideways.
// Usage: [TILE=1200] node screenshots.mjs OUT_DIR PAGE.html... (tools/screenshots/screenshots.sh
// runs it).
import { chromium } from 'playwright-core';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, ...pages] = process.argv.slice(2);
if (!out || pages.length === 0) {
  console.error('usage: node screenshots.mjs OUT_DIR PAGE.html...');
  process.exit(2);
}
const widths = [
  ['phone', 375, 'screen'],
  ['desktop', 1280, 'screen'],
  ['print', 794, 'print'],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let wide = 0;
try {
  for (const file of pages) {
    const name = basename(file).replace(/\.html$/, '');
    for (const [kind, width, media] of widths) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      // No request leaves the page: a self-contained page needs none.
      await page.route(url => !url.toString().startsWith('file:'), route => {
        console.error(`${name}: the page asked for ${route.request().url()}`);
        wide++;
        return route.abort();
      });
      await page.emulateMedia({ media });
      await page.goto(pathToFileURL(resolve(file)).href);
      for (const open of [false, true]) {
        await page.evaluate(o => document.querySelectorAll('details').forEach(d => { d.open = o; }), open);
        const overflow = await page.evaluate(() => {
          const limit = document.documentElement.clientWidth;
          const offenders = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > limit + 0.5)
            .map(e => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent.slice(0, 40)}`);
          return { scroll: document.documentElement.scrollWidth, limit, offenders: offenders.slice(0, 5) };
        });
        if (overflow.scroll > overflow.limit) {
          wide++;
          console.error(`${name} at ${width} px${open ? ' (open)' : ''}: ${overflow.scroll} px wide`, overflow.offenders);
        }
        const shot = `${out}/${name}-${kind}${open ? '-open' : ''}.png`;
        await page.screenshot({ path: shot, fullPage: true });
        console.log(`wrote ${shot}`);
        // TILE=N: also the page cut into pictures N pixels high, easier to look at one by one.
        const tile = Number(process.env.TILE ?? 0);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, i = 1; tile > 0 && y < height; y += tile, i++) {
          const part = shot.replace(/\.png$/, `-${String(i).padStart(2, '0')}.png`);
          await page.screenshot({ path: part, fullPage: true, clip: { x: 0, y, width, height: Math.min(tile, height - y) } });
        }
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(wide > 0 ? 1 : 0);
