// Measures the viewer over a large incident table (see viewer-pan.sh): first draw, and 20 mouse-drag pans per
// zoom — the longest gap between animation frames while dragging (fluid: under 50 ms) and the time until the
// new view is drawn. Chromium from Debian through playwright-core (from maps/node_modules).
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(path.join(here, '..', 'maps', 'package.json'))('playwright-core');
const base = process.env.GT_VIEWER_URL;
const profile = mkdtempSync(path.join(tmpdir(), 'gt-pan-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.GT_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
// The viewer's test build (GT_VIEWER_TEST_BUILD=1 maps/build.sh) carries the hook that tells when the map is drawn.
const testBundle = path.join(here, '..', 'maps', 'dist-test', 'assets', 'app.js');
await context.route(/\/assets\/app\.js(\?.*)?$/, (route) => route.fulfill({ path: testBundle, contentType: 'text/javascript; charset=utf-8' }));
const page = await context.newPage();
const settled = () => page.waitForFunction(() => window.__gt && window.__gt.settled(), null, { timeout: 60000, polling: 16 });
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const rows = [];
for (const zoom of [15, 13]) {
  const t0 = Date.now();
  await page.goto(`${base}/#map=${zoom}/59.5100/15.9900&layers=basemap,incidents`);
  await settled();
  const first = Date.now() - t0;
  const gaps = [];
  const draws = [];
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => {
      window.__frames = [];
      const tick = (t) => { window.__frames.push(t); if (window.__frames.length < 10000) window.__raf = requestAnimationFrame(tick); };
      window.__raf = requestAnimationFrame(tick);
    });
    const dx = (i % 4 < 2 ? 1 : -1) * 300;
    const dy = (i % 2 ? 1 : -1) * 150;
    const start = Date.now();
    await page.mouse.move(640, 400);
    await page.mouse.down();
    for (let k = 1; k <= 15; k++) {
      await page.mouse.move(640 + (dx * k) / 15, 400 + (dy * k) / 15);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const frames = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return window.__frames; });
    for (let k = 1; k < frames.length; k++) gaps.push(frames[k] - frames[k - 1]);
    await settled();
    draws.push(Date.now() - start);
  }
  rows.push({ zoom, first, gapMedian: pct(gaps, 0.5), gapP95: pct(gaps, 0.95), gapMax: Math.max(...gaps), drawMedian: pct(draws, 0.5), drawP95: pct(draws, 0.95) });
}
await context.close();
rmSync(profile, { recursive: true, force: true });
console.log('| zoom | first draw | frame gap while dragging: median / p95 / max | pan until drawn: median / p95 |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.zoom} | ${r.first} ms | ${r.gapMedian.toFixed(1)} / ${r.gapP95.toFixed(1)} / ${r.gapMax.toFixed(1)} ms | ${r.drawMedian} / ${r.drawP95} ms |`);
}
