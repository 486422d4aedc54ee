// Issue #5, point 4: draw (or pick) a study area, run an analysis on it with POST /analyses and see
// the new run on the map, selected in the run picker. This file stores new runs in the test database,
// so it runs last (files run in name order, one at a time: scripts/viewer-test.sh passes
// --test-concurrency=1), after the tests and baselines that show "the latest run".

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openViewer, settled, tileRequests, BASE_URL, serviceFetch } from './helpers.mjs';

let browser;
const CENTRE = 'map=15.00/59.51000/15.99000';

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

function posts(page) {
  const list = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/analyses')) list.push(JSON.parse(r.postData()));
  });
  page.on('response', async (r) => {
    if (r.request().method() === 'POST' && r.url().endsWith('/analyses')) list.push({ status: r.status(), body: await r.json().catch(() => null) });
  });
  return list;
}

async function waitForResult(page) {
  await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('an-status').dataset.state), null, { timeout: 120000 });
  return page.locator('#an-status').getAttribute('data-state');
}

test('draw a polygon, run DBSCAN on it, and the new run is selected and drawn', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}&layers=basemap,hotspots`);
  const sent = posts(page);
  try {
    await page.locator('#an-method').selectOption('dbscan');
    // Client-side check first: DBSCAN needs eps.
    await page.locator('#an-p-eps').fill('');
    await page.locator('#an-draw').click();
    assert.equal(await page.locator('#an-draw').getAttribute('aria-pressed'), 'true');
    const box = await page.locator('#map').boundingBox();
    const corners = [
      [0.3, 0.3],
      [0.7, 0.3],
      [0.7, 0.7],
      [0.3, 0.7],
    ].map(([a, b]) => [box.x + a * box.width, box.y + b * box.height]);
    for (const [x, y] of corners) await page.mouse.click(x, y);
    await page.mouse.click(corners[0][0], corners[0][1]); // back on the first corner finishes the polygon
    await page.waitForFunction(() => window.__gt.layerFeatures('drawn').length === 1);
    await page.locator('#an-draw[aria-pressed="false"]').waitFor(); // drawing ends right after the polygon
    assert.match(await page.locator('#an-area-status').textContent(), /Ritat område: [\d,]+ km²/);
    assert.equal(await page.locator('#panel').isHidden(), true, 'finishing the polygon does not identify features');
    await page.locator('#an-run').click();
    assert.match(await page.locator('#an-status').textContent(), /eps \(m\) behövs för DBSCAN/);
    assert.equal(sent.length, 0, 'nothing is sent without eps');

    await page.locator('#an-p-eps').fill('30');
    await page.locator('#an-p-min_points').fill('10');
    await page.locator('#an-name').fill('viewer-drawn-dbscan');
    await page.locator('#an-run').click();
    await page.locator('#an-progress').waitFor({ state: 'visible' });
    assert.match(await page.locator('#an-status').textContent(), /Analysen körs/);
    assert.equal(await waitForResult(page), 'done', await page.locator('#an-status').textContent());
    const [body, response] = sent;
    assert.equal(body.method, 'dbscan');
    assert.deepEqual(body.parameters, { eps: 30, min_points: 10 });
    assert.equal(body.name, 'viewer-drawn-dbscan');
    assert.equal(body.area.type, 'Polygon');
    const ring = body.area.coordinates[0];
    assert.equal(ring.length, 5, 'four corners and the closing point');
    assert.ok(ring.every(([lon, lat]) => lon > 15.9 && lon < 16.1 && lat > 59.45 && lat < 59.55), 'CRS84 longitude, latitude');
    assert.equal(response.status, 201);
    const run = response.body.run;
    assert.match(await page.locator('#an-status').textContent(), new RegExp(`Klar: körning #${run.id} ”viewer-drawn-dbscan” med ${run.features} objekt`));

    // The run picker selects it and shows its parameters; the hotspot tiles are asked for with it.
    assert.equal(await page.locator('#run').inputValue(), String(run.id));
    assert.equal(await page.locator('#run-info [data-key="eps_m"]').getAttribute('data-value'), '30');
    assert.equal(await page.locator('#run-info [data-key="min_points"]').getAttribute('data-value'), '10');
    assert.match(await page.locator('#run-info [data-testid="run-filters"]').textContent(), /område: ritat område/);
    await settled(page);
    const hotspotTiles = tileRequests(log, 'hotspots').filter((u) => u.includes(`run=${run.id}`));
    assert.ok(hotspotTiles.length > 0, 'tiles of the new run requested');
    const drawn = await page.evaluate(() => window.__gt.renderedProperties('hotspots'));
    assert.ok(drawn.length > 0 && drawn.every((p) => Number(p.run_id) === run.id), `the new run's clusters drawn (${drawn.length})`);
    assert.ok((await page.evaluate(() => window.location.hash)).includes(`run=${run.id}`));
    const catalog = await (await serviceFetch(`${BASE_URL}/tiles`)).json();
    assert.ok(catalog.runs.some((r) => r.id === run.id && r.name === 'viewer-drawn-dbscan'));
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('pick a focus area, run Gi* with a cell size; a selection without events shows the service\'s reason', async () => {
  const { page } = await openViewer(browser.context, `#${CENTRE}`);
  const sent = posts(page);
  try {
    const areas = await (await serviceFetch(`${BASE_URL}/ogc/collections/focus_areas/items`)).json();
    const centrum = areas.features.find((f) => f.properties.name === 'Centrum');
    await page.locator('#an-area').selectOption(`area:${centrum.id}`);
    assert.match(await page.locator('#an-area-status').textContent(), /Centrum: [\d,]+ km²/);
    assert.equal(await page.locator('#an-draw').isDisabled(), true);
    await page.locator('#an-method').selectOption('gistar');
    await page.locator('#an-p-cell').fill('40');
    await page.locator('#an-p-grid').selectOption('hex');
    await page.locator('#an-run').press('Enter');
    assert.equal(await waitForResult(page), 'done', await page.locator('#an-status').textContent());
    const [body, response] = sent;
    assert.deepEqual(body.area, centrum.geometry, 'the focus area\'s own geometry is sent');
    assert.deepEqual(body.parameters, { cell: 40, grid: 'hex', fdr: 'bh' });
    assert.equal(response.status, 201);
    assert.equal(await page.locator('#run').inputValue(), String(response.body.run.id));
    assert.equal(await page.locator('#run-info [data-key="cell_m"]').getAttribute('data-value'), '40');
    assert.equal(await page.locator('#run-info [data-key="grid"]').getAttribute('data-value'), 'hex');

    // A period without events: the service says why, the viewer shows it.
    await page.locator('#from').fill('2031-01-01');
    await page.locator('#from').dispatchEvent('change');
    await page.locator('#an-run').click();
    assert.equal(await waitForResult(page), 'error');
    assert.equal(sent[2].from, '2031-01-01', 'the current selection is sent');
    assert.equal(sent[3].status, 400);
    assert.match(await page.locator('#an-status').textContent(), /Analysen kunde inte köras: the analysis did not run: no events match/);
    assert.equal(await page.locator('#an-status').getAttribute('role'), 'alert');
  } finally {
    await page.close();
  }
});
