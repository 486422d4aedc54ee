// The viewer in a real browser (Debian's Chromium through playwright-core) against the running
// service at GT_VIEWER_URL with the demo town and at least one Gi* and one DBSCAN run loaded
// (scripts/viewer-test.sh sets all of that up).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openViewer, settled, tileRequests, pngSize, imageStats, BASE_URL, serviceFetch } from './helpers.mjs';

let browser;
let catalog;

before(async () => {
  browser = await launch();
  const response = await serviceFetch(`${BASE_URL}/tiles`).catch((e) => assert.fail(`the service at ${BASE_URL} does not answer: ${e.message}`));
  assert.equal(response.status, 200, 'GET /tiles');
  catalog = await response.json();
  assert.ok(catalog.runs.some((r) => r.method.includes('Gi*')), 'the database needs a stored Gi* run (./gt hotspots gistar)');
  assert.ok(catalog.runs.some((r) => r.method.includes('DBSCAN')), 'the database needs a stored DBSCAN run (./gt hotspots dbscan)');
});

after(async () => {
  await browser?.close();
});

// The town centre at a detail zoom: incidents are sent point by point with their properties.
const CENTRE = 'map=15.00/59.51000/15.99000';

/** Types into a filter field, commits it (change) and waits until the map has drawn the result. */
async function setFilter(page, selector, value) {
  await page.locator(selector).fill(value);
  await page.locator(selector).dispatchEvent('change');
  await settled(page);
}

test('the page loads with no console errors and draws every layer of the service', async () => {
  const { page, log } = await openViewer(browser.context);
  try {
    assert.deepEqual(log.errors, [], 'console errors');
    assert.deepEqual(log.failed, [], 'failed requests');
    const first = await page.evaluate(() => window.__gt.firstDrawMs);
    console.log(`# first map drawn (rendercomplete) ${first} ms after navigation start`);
    assert.ok(first > 0 && first < 5000, `first draw took ${first} ms`);
    for (const id of ['basemap', 'hotspots', 'incidents', 'lights', 'cameras', 'camera_views']) {
      const n = await page.evaluate((l) => window.__gt.counts(l).features, id);
      assert.ok(n > 0, `${id}: ${n} features drawn`);
      assert.ok(tileRequests(log, id).length > 0, `${id}: no tile requested`);
    }
    // Focus areas and measures come whole from /ogc.
    assert.ok(log.requests.some((u) => u.includes('/ogc/collections/focus_areas/items')), 'focus areas requested');
    // Swedish by default, with the run picker listing every run with its method.
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    assert.equal(await page.locator('#layers-heading').textContent(), 'Lager');
    const options = await page.locator('#run option').allTextContents();
    for (const run of catalog.runs) assert.ok(options.some((o) => o.includes(run.name) && o.includes(run.method)), `run ${run.name} in the picker`);
    const info = await page.locator('#run-info').textContent();
    assert.match(info, /Metod/);
    assert.match(info, /Period/);
  } finally {
    await page.close();
  }
});

test('toggling a layer changes what is requested and drawn', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}`);
  try {
    assert.equal(tileRequests(log, 'reports').length, 0, 'reports are off by default and not requested');
    const before = await page.locator('#map').screenshot();
    const since = log.requests.length;
    await page.locator('#layer-reports').check();
    await settled(page);
    assert.ok(tileRequests(log, 'reports', since).length > 0, 'turning reports on requests their tiles');
    assert.ok((await page.evaluate(() => window.__gt.counts('reports').features)) > 0, 'reports drawn');
    assert.equal(await page.locator('li[data-layer="reports"] .legend').isVisible(), true, 'the legend shows');

    const redBefore = (await imageStats(page, await page.locator('#map').screenshot())).redShare;
    await page.locator('#layer-incidents').uncheck();
    await settled(page);
    const after = await page.locator('#map').screenshot();
    assert.notDeepEqual(after, before, 'the map looks different');
    const redAfter = (await imageStats(page, after)).redShare;
    assert.ok(redAfter < redBefore, `fewer red (incident) pixels without incidents: ${redBefore} -> ${redAfter}`);
    assert.equal(await page.evaluate(() => window.__gt.map.getLayers().getArray().find((l) => l.get('id') === 'incidents').getVisible()), false);

    // The heat map is raster tiles with the incidents' filters.
    await setFilter(page, '#from', '2024-05-01');
    const rasterSince = log.requests.length;
    await page.locator('#layer-heatmap').check();
    await settled(page);
    const raster = tileRequests(log, 'heatmap', rasterSince);
    assert.ok(raster.length > 0 && raster.every((u) => u.includes('/raster/heatmap/') && u.includes('from=2024-05-01')), 'heat map tiles with the filter');

    // Opacity reaches the layer.
    await page.locator('#opacity-hotspots').fill('30');
    assert.equal(await page.evaluate(() => window.__gt.map.getLayers().getArray().find((l) => l.get('id') === 'hotspots').getOpacity()), 0.3);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('filters change the tile requests and the rendered features', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}`);
  try {
    const all = await page.evaluate(() => window.__gt.renderedProperties('incidents'));
    assert.ok(all.length > 200, `incidents drawn point by point at the detail zoom: ${all.length}`);
    assert.ok(all.every((p) => p.id !== undefined && p.time_from), 'detail features carry their properties');

    // Date range: only Q1 2024.
    await setFilter(page, '#from', '2024-01-01');
    let since = log.requests.length;
    await setFilter(page, '#to', '2024-03-31');
    await settled(page);
    let requested = tileRequests(log, 'incidents', since);
    assert.ok(requested.length > 0 && requested.every((u) => u.includes('from=2024-01-01') && u.includes('to=2024-03-31')), 'incident tiles requested with from/to');
    assert.ok(tileRequests(log, 'reports', since).length === 0, 'reports are off and not requested');
    assert.ok(!tileRequests(log, 'lights', since).length, 'unfiltered layers are not requested again');
    const q1 = await page.evaluate(() => window.__gt.renderedProperties('incidents'));
    assert.ok(q1.length > 0 && q1.length < all.length, `fewer incidents in Q1 2024: ${q1.length} of ${all.length}`);
    assert.ok(
      q1.every((p) => p.time_from >= '2024-01-01' && p.time_from < '2024-04-01'),
      'every drawn incident is in the period',
    );

    // Category: violence only.
    since = log.requests.length;
    await page.locator('#categories input[value="violence"]').check();
    await settled(page);
    requested = tileRequests(log, 'incidents', since);
    assert.ok(requested.length > 0 && requested.every((u) => u.includes('category=violence')), 'category in the tile URLs');
    const violence = await page.evaluate(() => window.__gt.renderedProperties('incidents'));
    assert.ok(violence.length > 0 && violence.length < q1.length, `fewer with violence only: ${violence.length}`);
    assert.ok(violence.every((p) => p.category_group === 'violence'), 'only violence drawn');

    // Hours of the day: 18-6 (evening and night, local time).
    since = log.requests.length;
    await page.locator('#hours-from').selectOption('18');
    await page.locator('#hours-to').selectOption('6');
    await settled(page);
    requested = tileRequests(log, 'incidents', since);
    assert.ok(requested.length > 0 && requested.every((u) => u.includes('hours=18-6')), 'hours in the tile URLs');
    const night = await page.evaluate(() => window.__gt.renderedProperties('incidents'));
    assert.ok(night.length > 0 && night.length <= violence.length);
    assert.ok(
      night.every((p) => {
        const h = Number(p.time_from.slice(11, 13));
        return h >= 18 || h < 6;
      }),
      'only evening and night incidents drawn',
    );

    // A filter of a hidden layer (reports) changes nothing drawn, and the map still settles.
    await page.locator('#report-categories input[value="graffiti"]').check();
    await settled(page);

    // Source: a source that does not exist leaves nothing, and the empty state says so.
    since = log.requests.length;
    await setFilter(page, '#source', 'no-such-source');
    await settled(page);
    assert.ok(tileRequests(log, 'incidents', since).every((u) => u.includes('source=no-such-source')));
    assert.equal(await page.evaluate(() => window.__gt.counts('incidents').features), 0);
    await page.locator('#notice').waitFor({ state: 'visible' });

    // Clearing the filters brings everything back.
    await page.locator('#reset').click();
    await settled(page);
    assert.equal((await page.evaluate(() => window.__gt.renderedProperties('incidents'))).length, all.length);
    await page.locator('#notice').waitFor({ state: 'hidden' });
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('the time slider steps by month and week, and play animates', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}&from=2023-01-01&to=2023-12-31`);
  try {
    let since = log.requests.length;
    await page.locator('#step').selectOption('month');
    await settled(page);
    assert.equal(await page.locator('#slider').getAttribute('max'), '11', 'twelve months in 2023');
    assert.ok(tileRequests(log, 'incidents', since).every((u) => u.includes('from=2023-01-01') && u.includes('to=2023-01-31')));
    const jan = await page.evaluate(() => window.__gt.renderedProperties('incidents').length);

    since = log.requests.length;
    await page.locator('#next').click();
    await settled(page);
    const feb = tileRequests(log, 'incidents', since);
    assert.ok(feb.length > 0 && feb.every((u) => u.includes('from=2023-02-01') && u.includes('to=2023-02-28')), 'next step is February');
    const props = await page.evaluate(() => window.__gt.renderedProperties('incidents'));
    assert.ok(props.every((p) => p.time_from.startsWith('2023-02')), `only February drawn (January had ${jan})`);
    assert.match(await page.locator('#step-label').textContent(), /februari 2023/);

    // Keyboard on the slider.
    await page.locator('#slider').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__gt.state.stepIndex === 2);

    // Play advances by itself (after each step has been drawn), pause stops it.
    await page.locator('#play').click();
    assert.equal(await page.locator('#play').getAttribute('aria-pressed'), 'true');
    await page.waitForFunction(() => window.__gt.state.stepIndex >= 4, null, { timeout: 20000 });
    await page.locator('#play').click();
    assert.equal(await page.locator('#play').getAttribute('aria-pressed'), 'false');

    // Weeks: ISO weeks, Monday to Sunday, clipped to the range.
    since = log.requests.length;
    await page.locator('#step').selectOption('week');
    await settled(page);
    assert.equal(await page.locator('#slider').getAttribute('max'), '52', '2023 touches 53 ISO weeks (52 of 2022 ends on 1 Jan)');
    assert.ok(tileRequests(log, 'incidents', since).some((u) => u.includes('from=2023-01-01') && u.includes('to=2023-01-01')));
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('clicking a Gi* hotspot cell shows its numbers, hour-of-week table and month trend', async () => {
  const gistar = catalog.runs.find((r) => r.method.includes('Gi*'));
  // Only the hotspots and the basemap, so the click lands on the cell.
  const { page, log } = await openViewer(browser.context, `#${CENTRE}&layers=basemap,hotspots&run=${gistar.id}`);
  try {
    const target = await page.evaluate(() => window.__gt.findFeaturePixel('hotspots', { bin: 3 }));
    assert.ok(target, 'a 99 % hot cell is drawn');
    await page.mouse.click(target.x, target.y);
    const panel = page.locator('#panel');
    await panel.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.getElementById('panel').dataset.state === 'ready');
    const stats = page.locator('[data-testid="hotspot-stats"]');
    const text = (sel) => stats.locator(`[data-testid="${sel}"] td`).textContent();
    assert.equal(await text('stat-count'), String(target.props.count));
    assert.equal(await text('stat-z'), Number(target.props.z).toLocaleString('sv-SE', { maximumFractionDigits: 2 }));
    assert.match(await text('stat-bin'), /^3 – hot spot, 99 %/);
    assert.ok((await text('stat-p')).length > 0);
    // The 7 × 24 table and the month chart from the incidents in the cell.
    const table = page.locator('[data-testid="hour-of-week"]');
    assert.equal(await table.locator('tbody tr').count(), 7);
    assert.equal(await table.locator('tbody tr').first().locator('td').count(), 24);
    const total = await table.evaluate((t) => [...t.querySelectorAll('td')].reduce((s, td) => s + Number(td.dataset.v), 0));
    assert.equal(total, Number(target.props.count), 'the table counts every incident of the cell');
    assert.ok((await page.locator('[data-testid="month-chart"] rect').count()) > 0, 'month bars drawn');
    assert.match(await page.locator('[data-testid="assets"]').textContent(), /Gatubelysning: \d+/);
    // Escape closes the panel.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('clicking a DBSCAN cluster shows its size, categories and stored profile', async () => {
  const dbscan = catalog.runs.find((r) => r.method.includes('DBSCAN'));
  const { page, log } = await openViewer(browser.context, `#${CENTRE}&run=${dbscan.id}`);
  try {
    const target = await page.evaluate(() => window.__gt.findFeaturePixel('hotspots', {}));
    assert.ok(target && target.props.cluster !== undefined, 'a cluster is drawn');
    await page.mouse.click(target.x, target.y);
    await page.locator('#panel').waitFor({ state: 'visible' });
    // Incidents lie on top of the cluster: the panel offers the cluster among the features here.
    const clusterButton = page.locator('#panel-hits button[data-layer="hotspots"]');
    if (await clusterButton.count()) await clusterButton.click();
    await page.waitForFunction(() => document.getElementById('panel').dataset.state === 'ready' && document.querySelector('[data-testid="stat-cluster"]'));
    const shownCluster = await page.locator('[data-testid="stat-cluster"] td').textContent();
    const stored = await (await serviceFetch(`${BASE_URL}/ogc/collections/hotspots/items?limit=10000`)).json();
    const feature = stored.features.find((f) => f.properties.run_id === dbscan.id && String(f.properties.properties.cluster) === shownCluster);
    assert.ok(feature, `cluster ${shownCluster} is stored`);
    const size = await page.locator('[data-testid="stat-count"] td').textContent();
    assert.equal(size.replace(/\s/g, ''), String(feature.properties.properties.count));
    const values = await page.locator('[data-testid="hour-of-week"] td').evaluateAll((tds) => tds.map((td) => Number(td.dataset.v)));
    assert.deepEqual(values, feature.properties.properties.hour_of_week, 'the stored aoristic profile');
    assert.ok((await page.locator('[data-testid="month-chart"] rect').count()) >= Object.keys(feature.properties.properties.months).length);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('the export is a PNG of the chosen size with the map drawn', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}&from=2024-01-01&to=2024-06-30`);
  try {
    const sizeBefore = await page.evaluate(() => window.__gt.map.getSize());
    await page.locator('#export-width').fill('1000');
    await page.locator('#export-height').fill('700');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    const file = await download.path();
    const png = readFileSync(file);
    assert.deepEqual(pngSize(png), { width: 1000, height: 700 });
    assert.match(download.suggestedFilename(), /^geotrygghet-\d{4}-\d{2}-\d{2}-1000x700\.png$/);
    const stats = await imageStats(page, png);
    assert.ok(stats.colours > 30, `the image has ${stats.colours} colours`);
    assert.match(await page.locator('#export-status').textContent(), /1000 × 700/);
    assert.deepEqual(await page.evaluate(() => window.__gt.map.getSize()), sizeBefore, 'the map is back to its size');

    // A preset size too.
    await page.locator('#export-size').selectOption('1920x1080');
    const [second] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    assert.deepEqual(pngSize(readFileSync(await second.path())), { width: 1920, height: 1080 });
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('the URL holds the view state and restores it', async () => {
  const dbscan = catalog.runs.find((r) => r.method.includes('DBSCAN'));
  const { page } = await openViewer(browser.context, `#${CENTRE}`);
  let hash;
  try {
    await page.locator('#layer-reports').check();
    await page.locator('#layer-lights').uncheck();
    await page.locator('#run').selectOption(String(dbscan.id));
    await setFilter(page, '#from', '2023-03-01');
    await setFilter(page, '#to', '2023-09-30');
    await page.locator('#categories input[value="theft"]').check();
    await page.locator('#report-categories input[value="graffiti"]').check();
    await page.locator('#hours-from').selectOption('22');
    await page.locator('#hours-to').selectOption('4');
    await page.locator('#step').selectOption('month');
    await page.locator('#next').click();
    await page.locator('#lang').selectOption('en');
    await page.evaluate(() => window.__gt.map.getView().setZoom(15.5));
    await page.waitForFunction(() => window.location.hash.includes('map=15.50/'));
    await settled(page);
    hash = await page.evaluate(() => window.location.hash);
    for (const part of ['layers=', 'reports', `run=${dbscan.id}`, 'from=2023-03-01', 'to=2023-09-30', 'cat=theft', 'rcat=graffiti', 'hours=22-4', 'step=month', 't=1', 'lang=en', 'map=15.50/']) {
      assert.ok(hash.includes(part), `${part} in ${hash}`);
    }
    assert.ok(!/layers=[^&]*lights/.test(hash), 'lights are off');
  } finally {
    await page.close();
  }

  const { page: again, log } = await openViewer(browser.context, hash);
  try {
    const s = await again.evaluate(() => ({ ...window.__gt.state, layers: [...window.__gt.state.layers].sort(), zoom: window.__gt.map.getView().getZoom() }));
    assert.equal(s.zoom, 15.5);
    assert.ok(s.layers.includes('reports') && !s.layers.includes('lights'));
    assert.equal(s.run, dbscan.id);
    assert.deepEqual([s.from, s.to, s.hours, s.step, s.stepIndex, s.lang], ['2023-03-01', '2023-09-30', '22-4', 'month', 1, 'en']);
    assert.deepEqual(s.categories, ['theft']);
    assert.deepEqual(s.reportCategories, ['graffiti']);
    // The controls show it, in English, and the tiles are asked for with it.
    assert.equal(await again.locator('#layers-heading').textContent(), 'Layers');
    assert.equal(await again.locator('#from').inputValue(), '2023-03-01');
    assert.equal(await again.locator('#layer-lights').isChecked(), false);
    assert.equal(await again.locator('#categories input[value="theft"]').isChecked(), true);
    assert.equal(await again.locator('#run').inputValue(), String(dbscan.id));
    assert.match(await again.locator('#step-label').textContent(), /April 2023/);
    const incidents = tileRequests(log, 'incidents');
    assert.ok(incidents.length && incidents.every((u) => u.includes('from=2023-04-01') && u.includes('to=2023-04-30') && u.includes('category=theft') && u.includes('hours=22-4')));
    const reports = tileRequests(log, 'reports');
    assert.ok(reports.length && reports.every((u) => u.includes('category=graffiti')));
    assert.ok(tileRequests(log, 'hotspots').every((u) => u.includes(`run=${dbscan.id}`)));
    assert.equal(await again.evaluate(() => window.location.hash), hash, 'the restored page writes the same hash');
    assert.deepEqual(log.errors, []);
  } finally {
    await again.close();
  }
});

test('a period without data says so', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}&from=2031-01-01&to=2031-01-31`);
  try {
    await page.locator('#notice').waitFor({ state: 'visible' });
    assert.match(await page.locator('#notice').textContent(), /Inga händelser/);
    assert.equal(await page.evaluate(() => window.__gt.counts('incidents').features), 0);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('a service that does not answer shows an error with a retry that recovers', async () => {
  const page = await browser.context.newPage();
  try {
    let down = true;
    await page.route(/\/tiles$/, (route) => (down ? route.abort('connectionrefused') : route.continue()));
    await page.goto(`${BASE_URL}/`);
    const banner = page.locator('#banner');
    await banner.waitFor({ state: 'visible' });
    assert.match(await banner.textContent(), /Kartjänsten svarar inte/);
    assert.equal(await page.locator('body').getAttribute('data-state'), 'service-down');
    down = false;
    await page.locator('#banner-retry').click();
    await settled(page);
    await banner.waitFor({ state: 'hidden' });
    assert.ok((await page.evaluate(() => window.__gt.counts('basemap').features)) > 0, 'the map draws after the retry');
  } finally {
    await page.close();
  }
});

test('keyboard: every control has a name and is reachable; the map answers to keys', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}`);
  try {
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button')]
        .filter((el) => el.offsetParent !== null)
        .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unnamed, [], 'controls without a label');
    // Tab reaches the map and the layer checkboxes.
    const reached = new Set();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement.id || document.activeElement.tagName));
    }
    for (const id of ['menu-toggle', 'lang', 'layer-incidents', 'opacity-incidents', 'run', 'from']) {
      if (id === 'menu-toggle') continue; // only shown on narrow screens
      assert.ok(reached.has(id), `${id} reached by Tab (${[...reached].join(' ')})`);
    }
    // Arrow keys pan and + zooms the focused map.
    await page.locator('#map').focus();
    const before = await page.evaluate(() => ({ c: window.__gt.map.getView().getCenter(), z: window.__gt.map.getView().getZoom() }));
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((x) => window.__gt.map.getView().getCenter()[0] > x, before.c[0]);
    await page.keyboard.press('+');
    await page.waitForFunction((z) => window.__gt.map.getView().getZoom() > z, before.z);
    // Enter shows what is at the centre.
    await settled(page);
    await page.keyboard.press('Enter');
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('tablet width: the sidebar opens from the menu button and the map fills the screen', async () => {
  const { page, log } = await openViewer(browser.context, '', { viewport: { width: 820, height: 1180 } });
  try {
    assert.equal(await page.locator('#menu-toggle').isVisible(), true);
    assert.equal(await page.locator('#sidebar').isVisible(), false);
    const map = await page.locator('#map').boundingBox();
    assert.ok(map.width >= 800, `map width ${map.width}`);
    await page.locator('#menu-toggle').click();
    await page.locator('#sidebar').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#menu-toggle').getAttribute('aria-expanded'), 'true');
    await page.locator('#layer-reports').check();
    await settled(page);
    assert.ok((await page.evaluate(() => window.__gt.counts('reports').features)) > 0);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('the viewer is served under a content security policy, without source maps and without the test hook', async () => {
  const page = await serviceFetch(`${BASE_URL}/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  const script = await serviceFetch(`${BASE_URL}/assets/app.js`);
  assert.equal(script.status, 200);
  const text = await script.text();
  assert.doesNotMatch(text, /sourceMappingURL/, 'app.js points at a source map');
  // The tests load their own build with the hook (helpers.mjs); the one served to users has none.
  assert.doesNotMatch(text, /__gt/, 'the served app.js carries the test hook');
  assert.match(text, /ol-viewport|OpenLayers|tileloadend/, 'app.js is not the viewer');
  assert.equal((await serviceFetch(`${BASE_URL}/assets/app.js.map`)).status, 404, 'the source map is served');
});
