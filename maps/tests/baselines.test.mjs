// Screenshots compared loosely with reviewed baselines in tests/baselines/: the same size, not blank,
// and close on a coarse grid of average colours (so a broken style, a missing layer or an empty map
// fails, while antialiasing, fonts and timestamps do not). GT_UPDATE_BASELINES=1 writes new baselines
// (look at them before committing them).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openViewer, settled, BASE_URL, serviceFetch } from './helpers.mjs';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'baselines');
const update = process.env.GT_UPDATE_BASELINES === '1';
let browser;
let runs;

before(async () => {
  browser = await launch();
  runs = (await (await serviceFetch(`${BASE_URL}/tiles`)).json()).runs;
});

after(async () => {
  await browser?.close();
});

/** Average colour of each cell of a cols × rows grid, plus the number of distinct colours. */
async function fingerprint(page, png, cols = 16, rows = 10) {
  return page.evaluate(
    async ({ b64, cols, rows }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      const cells = [];
      const colours = new Set();
      for (let r = 0; r < rows; r++) {
        for (let q = 0; q < cols; q++) {
          let R = 0;
          let G = 0;
          let B = 0;
          let n = 0;
          const x0 = Math.floor((q * c.width) / cols);
          const x1 = Math.floor(((q + 1) * c.width) / cols);
          const y0 = Math.floor((r * c.height) / rows);
          const y1 = Math.floor(((r + 1) * c.height) / rows);
          for (let y = y0; y < y1; y += 2) {
            for (let x = x0; x < x1; x += 2) {
              const i = (y * c.width + x) * 4;
              R += data[i];
              G += data[i + 1];
              B += data[i + 2];
              n += 1;
              colours.add((data[i] >> 4) * 256 + (data[i + 1] >> 4) * 16 + (data[i + 2] >> 4));
            }
          }
          cells.push([R / n, G / n, B / n]);
        }
      }
      return { width: c.width, height: c.height, cells, colours: colours.size };
    },
    { b64: png.toString('base64'), cols, rows },
  );
}

async function compare(page, name, shot) {
  const file = path.join(dir, name);
  const now = await fingerprint(page, shot);
  assert.ok(now.colours > 40, `${name}: only ${now.colours} colours: the screen is (nearly) blank`);
  if (update || !existsSync(file)) {
    assert.ok(update, `${name}: no baseline; run with GT_UPDATE_BASELINES=1 and review the image`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, shot);
    return;
  }
  const base = await fingerprint(page, readFileSync(file));
  assert.deepEqual([now.width, now.height], [base.width, base.height], `${name}: size`);
  const diffs = now.cells.map((c, i) => Math.max(...c.map((v, k) => Math.abs(v - base.cells[i][k]))));
  const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
  const far = diffs.filter((d) => d > 60).length;
  console.log(`# ${name}: mean cell difference ${mean.toFixed(1)}, cells far off ${far} of ${diffs.length}`);
  assert.ok(mean < 18, `${name}: the screen differs from the baseline (mean cell difference ${mean.toFixed(1)})`);
  assert.ok(far <= diffs.length * 0.1, `${name}: ${far} grid cells differ strongly from the baseline`);
}

test('baseline: the demo town at 1280 × 800', async () => {
  const { page, log } = await openViewer(browser.context, '');
  try {
    // The first page of the run: the service's tile cache is cold.
    console.log(`# first map drawn (rendercomplete, first page of the run) ${await page.evaluate(() => window.__gt.firstDrawMs)} ms after navigation start`);
    await compare(page, 'desktop-1280x800.png', await page.screenshot());
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('baseline: a Gi* hot cell with its panel', async () => {
  const gistar = runs.find((r) => r.method.includes('Gi*'));
  const { page, log } = await openViewer(browser.context, `#map=15.00/59.51000/15.99000&layers=basemap,focus_areas,hotspots,lights,cameras&run=${gistar.id}`);
  try {
    const target = await page.evaluate(() => window.__gt.findFeaturePixel('hotspots', { bin: 3 }));
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(() => document.getElementById('panel').dataset.state === 'ready');
    await page.mouse.move(0, 0);
    await compare(page, 'desktop-hotspot-panel.png', await page.screenshot());
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('baseline: tablet portrait with the sidebar open', async () => {
  const { page, log } = await openViewer(browser.context, '', { viewport: { width: 820, height: 1180 } });
  try {
    await page.locator('#menu-toggle').click();
    // Wait for the slide-in to finish.
    await page.waitForFunction(() => document.getElementById('sidebar').getBoundingClientRect().left === 0);
    await page.waitForFunction(() => getComputedStyle(document.getElementById('sidebar')).transform === 'none');
    await settled(page);
    await compare(page, 'tablet-820x1180-sidebar.png', await page.screenshot());
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});
