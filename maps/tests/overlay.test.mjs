// The lighting and camera overlay and the measure evaluation in the viewer (issue #6, point 7), plus
// the run picker's parameters: against the running service at GT_VIEWER_URL with the demo town and a
// Gi* and a DBSCAN run (scripts/viewer-test.sh). Every check compares what the page shows with the
// JSON the service answers to the same request.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openViewer, settled, BASE_URL, serviceFetch } from './helpers.mjs';

let browser;
let catalog;
const CENTRE = 'map=15.00/59.51000/15.99000';

before(async () => {
  browser = await launch();
  const response = await serviceFetch(`${BASE_URL}/tiles`).catch((e) => assert.fail(`the service at ${BASE_URL} does not answer: ${e.message}`));
  catalog = await response.json();
  assert.ok(catalog.runs.some((r) => r.method.includes('Gi*')) && catalog.runs.some((r) => r.method.includes('DBSCAN')), 'a Gi* and a DBSCAN run are needed');
});

after(async () => {
  await browser?.close();
});

async function json(path) {
  const r = await serviceFetch(`${BASE_URL}${path}`);
  assert.equal(r.status, 200, `GET ${path}`);
  return r.json();
}

const requested = (log, part, since = 0) => log.requests.slice(since).filter((u) => u.includes(part));

test('the run picker shows each run\'s parameters, automatic choices, filters and summary from the catalog', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}`);
  try {
    for (const run of catalog.runs) {
      await page.locator('#run').selectOption(String(run.id));
      const params = await page.locator('#run-info [data-testid="run-param"]').evaluateAll((els) =>
        els.map((e) => ({ key: e.dataset.key, value: e.dataset.value, automatic: e.dataset.automatic === 'true', text: e.textContent })),
      );
      const expected = Object.entries(run.parameters).filter(([, v]) => v !== null && typeof v !== 'object');
      assert.ok(expected.length > 0, `run ${run.id} has parameters in the catalog`);
      assert.deepEqual(params.map((p) => p.key).sort(), expected.map(([k]) => k).sort(), `run ${run.id}: every parameter listed`);
      for (const [k, v] of expected) {
        const shown = params.find((p) => p.key === k);
        assert.equal(shown.value, String(v), `${k}`);
        assert.equal(shown.automatic, Boolean(run.automatic?.[k]), `${k} marked automatic exactly when the catalog says so`);
        if (run.automatic?.[k]) assert.match(shown.text, /automatiskt/);
      }
      const summary = await page.locator('#run-info [data-testid="run-summary"]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.key, e.dataset.value])));
      for (const [k, v] of Object.entries(run.summary ?? {})) if (v !== null && typeof v !== 'object') assert.equal(summary[k], String(v), `summary ${k}`);
      const filters = await page.locator('#run-info [data-testid="run-filters"]').textContent();
      assert.match(filters, /räknar: polisanmälda händelser/, 'the run counts incidents');
      assert.doesNotMatch(await page.locator('#run-info').textContent(), /visas inte av tjänsten/);
    }
    // Gi*'s automatic band is shown as such.
    const gistar = catalog.runs.find((r) => r.method.includes('Gi*') && r.automatic?.band_m);
    await page.locator('#run').selectOption(String(gistar.id));
    assert.equal(
      (await page.locator('#run-info [data-key="band_m"]').textContent()).trim(),
      `avståndsband (band_m): ${gistar.parameters.band_m.toLocaleString('sv-SE')} m (automatiskt)`,
    );
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('lit ground and camera views come from /overlay for the end of the period, with legend, note and opacity', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}&from=2023-01-01&to=2023-06-30`);
  try {
    assert.equal(requested(log, '/overlay/').length, 0, 'the overlays are off by default and not fetched');
    const before = await page.locator('#map').screenshot();
    await page.locator('#layer-lit').check();
    await page.locator('#layer-watched').check();
    await settled(page);
    assert.ok(requested(log, '/overlay/lit.geojson?day=2023-06-30').length === 1, 'lit ground for the end of the period');
    assert.ok(requested(log, '/overlay/watched.geojson?day=2023-06-30').length === 1, 'camera views for the end of the period');
    const lit = await json('/overlay/lit.geojson?day=2023-06-30');
    const watched = await json('/overlay/watched.geojson?day=2023-06-30');
    const drawnLit = await page.evaluate(() => window.__gt.layerFeatures('lit'));
    assert.equal(drawnLit.length, 1);
    assert.equal(drawnLit[0].type, 'MultiPolygon');
    assert.deepEqual(drawnLit[0].properties, lit.features[0].properties);
    const drawnWatched = await page.evaluate(() => window.__gt.layerFeatures('watched'));
    assert.equal(drawnWatched.length, watched.features.length);
    assert.deepEqual(drawnWatched.map((f) => f.properties.id).sort(), watched.features.map((f) => f.properties.id).sort());
    // The note under the legend says what the service answered.
    const p = lit.features[0].properties;
    const note = await page.locator('#note-lit').textContent();
    assert.ok(note.startsWith('2023-06-30:'), note);
    assert.ok(note.includes(p.lamps_working.toLocaleString('sv-SE')) && note.includes(`${p.lamps_out} släckta`), note);
    assert.match(await page.locator('#note-watched').textContent(), new RegExp(`2023-06-30: ${watched.features.length} kameror`));
    assert.equal(await page.locator('li[data-layer="lit"] .legend').isVisible(), true);
    assert.notDeepEqual(await page.locator('#map').screenshot(), before, 'the map shows the overlays');
    // Opacity reaches the layer.
    await page.locator('#opacity-lit').fill('40');
    assert.equal(await page.evaluate(() => window.__gt.map.getLayers().getArray().find((l) => l.get('id') === 'lit').getOpacity()), 0.4);

    // Another period end: both are fetched again for that day; cameras installed later are left out.
    let since = log.requests.length;
    await page.locator('#to').fill('2021-03-31');
    await page.locator('#to').dispatchEvent('change');
    await page.locator('#from').fill('2021-01-01');
    await page.locator('#from').dispatchEvent('change');
    await settled(page);
    assert.ok(requested(log, '/overlay/lit.geojson?day=2021-03-31', since).length >= 1);
    assert.ok(requested(log, '/overlay/watched.geojson?day=2021-03-31', since).length >= 1);
    const early = await json('/overlay/watched.geojson?day=2021-03-31');
    assert.ok(early.features.every((f) => !f.properties.installed_on || f.properties.installed_on <= '2021-03-31'));
    assert.equal((await page.evaluate(() => window.__gt.layerFeatures('watched'))).length, early.features.length);

    // No period: today.
    since = log.requests.length;
    await page.locator('#reset').click();
    await settled(page);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    assert.ok(requested(log, `/overlay/lit.geojson?day=${today}`, since).length >= 1, `lit ground for today (${today})`);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('an overlay the service cannot give shows its error', async () => {
  const page = await browser.context.newPage();
  try {
    await page.route(/\/overlay\/watched\.geojson/, (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Service unavailable', status: 503, detail: 'the database is away' }) }),
    );
    await page.goto(`${BASE_URL}/#${CENTRE}&layers=basemap,watched`);
    await page.locator('#note-watched.error').waitFor();
    assert.match(await page.locator('#note-watched').textContent(), /Kamerornas synfält kunde inte hämtas: the database is away/);
    await page.locator('#banner').waitFor({ state: 'visible' });
    assert.match(await page.locator('#banner').textContent(), /the database is away/);
  } finally {
    await page.close();
  }
});

test('a hotspot\'s panel shows its share after dark, lit and watched coverage and lamps out from /overlay/areas', async () => {
  const named = (method, name) => catalog.runs.find((r) => r.name === name) ?? catalog.runs.find((r) => r.method.includes(method));
  const dbscan = named('DBSCAN', 'viewer-dbscan');
  const { page, log } = await openViewer(browser.context, `#${CENTRE}&layers=basemap,hotspots&run=${dbscan.id}&from=2023-01-01&hours=18-6`);
  try {
    const target = await page.evaluate((id) => window.__gt.findFeaturePixel('hotspots', { run_id: id }), dbscan.id);
    assert.ok(target, 'a cluster in view');
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(() => document.getElementById('panel').dataset.state === 'ready', null, { timeout: 60000 });
    const url = `/overlay/areas?run=${dbscan.id}&from=2023-01-01&hours=18-6`;
    assert.equal(requested(log, url).length, 1, `${url} requested with the current filters`);
    const areas = await json(url);
    const area = areas.areas.find((a) => String(a.id) === String(target.props.id));
    assert.ok(area, `cluster ${target.props.id} in /overlay/areas`);
    const shown = await page.locator('[data-testid="coverage"] tr').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.dataset.testid.slice(4), r.dataset.value])));
    for (const key of ['events', 'dark_share', 'dark_lit', 'dark_unlit', 'dark_lit_share', 'lights_out_events', 'watched', 'lit_area_share', 'watched_area_share']) {
      assert.equal(shown[key], String(area[key]), key);
    }
    assert.equal(shown.lamps_out_now, area.lamps_out_now.join(','));
    const text = await page.locator('[data-testid="coverage"]').textContent();
    assert.ok(text.includes(`${(area.dark_share * 100).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} %`), `dark share in ${text}`);
    assert.match(await page.locator('#panel-body').textContent(), new RegExp(`Belysning och kameror per ${areas.assets_on}`));

    // A Gi* hot cell of the other run.
    const gistar = named('Gi*', 'viewer-gistar');
    await page.locator('#run').selectOption(String(gistar.id));
    await page.locator('#panel-close').click();
    await settled(page);
    const cell = await page.evaluate((id) => window.__gt.findFeaturePixel('hotspots', { bin: 3, run_id: id }), gistar.id);
    await page.mouse.click(cell.x, cell.y);
    await page.waitForFunction(() => document.getElementById('panel').dataset.state === 'ready', null, { timeout: 60000 });
    const cells = await json(`/overlay/areas?run=${gistar.id}&from=2023-01-01&hours=18-6`);
    const entry = cells.areas.find((a) => String(a.id) === String(cell.props.id));
    assert.ok(entry, 'the hot cell is in /overlay/areas');
    assert.equal(await page.locator('[data-testid="cov-dark_unlit"]').getAttribute('data-value'), String(entry.dark_unlit));
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('candidates for lighting and cameras: listed, drawn as numbered points, a row zooms there', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}&hours=18-6`);
  try {
    await page.locator('#cand-k').fill('5');
    await page.locator('#cand-show').click();
    await page.locator('[data-testid="cand-light"]').waitFor();
    await page.locator('[data-testid="cand-camera"]').waitFor();
    for (const kind of ['light', 'camera']) {
      const url = `/overlay/candidates?kind=${kind}&k=5&hours=18-6`;
      assert.equal(requested(log, url).length, 1, `${url} requested`);
      const answer = await json(url);
      assert.equal(answer.features.length, 5);
      const rows = await page.locator(`[data-testid="cand-${kind}"] tbody tr`).evaluateAll((trs) => trs.map((r) => ({ rank: Number(r.dataset.rank), events: Number(r.dataset.events), weight: Number(r.dataset.weight), cumulative: Number(r.dataset.cumulative) })));
      assert.deepEqual(
        rows,
        answer.features.map((f) => ({ rank: f.properties.rank, events: f.properties.events, weight: f.properties.weight, cumulative: f.properties.cumulative_share })),
      );
      const points = (await page.evaluate(() => window.__gt.layerFeatures('candidates'))).filter((f) => f.properties.kind === kind);
      assert.equal(points.length, 5);
      for (const f of answer.features) {
        const p = points.find((x) => x.properties.rank === f.properties.rank);
        assert.ok(Math.abs(p.lonLat[0] - f.geometry.coordinates[0]) < 1e-6 && Math.abs(p.lonLat[1] - f.geometry.coordinates[1]) < 1e-6, `${kind} ${f.properties.rank} drawn at its place`);
      }
      assert.match(await page.locator('#cand-lists').textContent(), new RegExp(`\\(${answer.about.demand_events.toLocaleString('sv-SE')}\\)`));
    }
    assert.equal(await page.locator('#layer-candidates').isChecked(), true, 'the candidates layer is turned on');
    // The numbered points are drawn.
    await settled(page);
    const camera = await json('/overlay/candidates?kind=camera&k=5&hours=18-6');
    const third = camera.features.find((f) => f.properties.rank === 3);
    await page.locator('[data-testid="cand-camera"] button[data-rank="3"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      ([lon, lat]) => {
        const c = window.__gt.state.center && window.__gt.map.getView().getCenter();
        if (!c) return false;
        const px = window.__gt.pixelFor([lon, lat]);
        const size = window.__gt.map.getSize();
        return Math.abs(px[0] - size[0] / 2) < 2 && Math.abs(px[1] - size[1] / 2) < 2 && window.__gt.map.getView().getZoom() >= 17.5;
      },
      third.geometry.coordinates,
    );
    assert.equal(await page.locator('[data-testid="cand-camera"] tr.selected').getAttribute('data-rank'), '3');
    // Clicking the point on the map identifies it.
    await settled(page);
    const size = await page.evaluate(() => window.__gt.map.getSize());
    const box = await page.locator('#map').boundingBox();
    await page.mouse.click(box.x + size[0] / 2, box.y + size[1] / 2);
    await page.locator('#panel-title').waitFor();
    assert.match(await page.locator('#panel-title').textContent(), /Förslag på platser #3/);
    // A change of the filters marks the list as stale.
    await page.locator('#hours-from').selectOption('');
    await page.locator('#cand-status[data-state="stale"]').waitFor();
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('candidates: a failing endpoint shows its reason', async () => {
  const { page } = await openViewer(browser.context, `#${CENTRE}`);
  try {
    await page.route(/\/overlay\/candidates\?kind=camera/, (route) =>
      route.fulfill({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ status: 404, detail: 'not offered in public mode' }) }),
    );
    await page.locator('#cand-show').click();
    await page.locator('[data-testid="cand-error-camera"]').waitFor();
    assert.match(await page.locator('[data-testid="cand-error-camera"]').textContent(), /not offered in public mode/);
    await page.locator('[data-testid="cand-light"]').waitFor();
    await page.locator('#cand-k').fill('0');
    await page.locator('#cand-show').click();
    assert.match(await page.locator('#cand-status').textContent(), /mellan 1 och 50/);
  } finally {
    await page.close();
  }
});

/** Compares the evaluation page with the service's JSON. */
async function checkEvaluation(page, answer) {
  await page.waitForFunction(() => document.getElementById('evaluation').dataset.state === 'ready', null, { timeout: 60000 });
  const bars = await page.locator('[data-testid="eval-counts"] rect').evaluateAll((rs) => Object.fromEntries(rs.map((r) => [r.dataset.key, Number(r.dataset.value)])));
  assert.deepEqual(bars, answer.counts, 'a bar per count R0..C1');
  const heights = await page.locator('[data-testid="eval-counts"] g[data-group="R"] rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))));
  if (answer.counts.R0 !== answer.counts.R1) assert.equal(heights[0] > heights[1], answer.counts.R0 > answer.counts.R1, 'bar heights follow the counts');
  const cis = await page.locator('[data-testid="eval-ratios"] g.ci').evaluateAll((gs) =>
    gs.map((g) => ({
      series: g.dataset.series,
      stat: g.dataset.stat,
      estimate: Number(g.dataset.estimate),
      lo: Number(g.dataset.lo),
      hi: Number(g.dataset.hi),
      x: [Number(g.querySelector('.cap-lo')?.getAttribute('x1')), Number(g.querySelector('.est').getAttribute('cx')), Number(g.querySelector('.cap-hi')?.getAttribute('x1'))],
    })),
  );
  for (const series of ['all', 'dark', 'daylight']) {
    const part = series === 'all' ? answer : answer[series];
    const rr = cis.find((c) => c.series === series && c.stat === 'rate_ratio');
    assert.ok(rr, `${series} rate ratio drawn`);
    assert.deepEqual([rr.estimate, rr.lo, rr.hi], [part.rate_ratio.estimate, ...part.rate_ratio.ci90], `${series} rate ratio and its 90 % interval`);
    assert.ok(rr.x[0] <= rr.x[1] && rr.x[1] <= rr.x[2] && rr.x[0] < rr.x[2], `${series}: error bar around the estimate ${rr.x}`);
    assert.equal(Number(await page.locator(`[data-testid="eval-rr-${series}"]`).getAttribute('data-value')), part.rate_ratio.estimate);
  }
  assert.equal(await page.locator('[data-testid="eval-summary-text"]').textContent(), answer.summary_sv);
  assert.equal(Number(await page.locator('[data-testid="eval-wdq"]').getAttribute('data-value')), answer.wdq);
  assert.equal(Number(await page.locator('[data-testid="eval-wdd"]').getAttribute('data-value')), answer.wdd.estimate);
  assert.equal(Number(await page.locator('[data-testid="eval-period-before"]').getAttribute('data-value')), answer.periods.before.days);
  const warnings = [answer.warnings, answer.dark?.warnings, answer.daylight?.warnings].flat().filter(Boolean);
  const listed = await page.locator('[data-testid="eval-warnings"] li').allTextContents();
  assert.equal(listed.length, new Set(warnings).size, 'every warning listed once');
  for (const w of warnings) assert.ok(listed.some((l) => l.endsWith(w)), `warning ${w}`);
}

test('evaluation page: a clicked measure opens its before/after chart, statistics, warnings and summary; the window re-queries', async () => {
  const { page, log } = await openViewer(browser.context, `#map=15.50/59.51480/15.99530&layers=basemap,measures`);
  try {
    const target = await page.evaluate(() => window.__gt.findFeaturePixel('measures', { measure: 'M01' }));
    assert.ok(target, 'measure M01 in view');
    await page.mouse.click(target.x, target.y);
    await page.locator('#panel-evaluate').click();
    await page.locator('#evaluation').waitFor({ state: 'visible' });
    const answer = await json('/evaluate/M01');
    await checkEvaluation(page, answer);
    assert.equal(requested(log, '/evaluate/M01').length, 1);
    assert.match(await page.locator('#eval-title').textContent(), /M01 \(belysning\)/);
    assert.equal(await page.locator('#eval-before').getAttribute('placeholder'), String(answer.periods.before.days));
    assert.ok((await page.evaluate(() => window.location.hash)).includes('eval=M01'));

    // The window: 180 days each side, a 100 m ring.
    let since = log.requests.length;
    await page.locator('#eval-before').fill('180');
    await page.locator('#eval-after').fill('180');
    await page.locator('#eval-buffer').fill('100');
    await page.locator('#eval-update').click();
    await page.waitForFunction(() => document.getElementById('evaluation').dataset.state === 'loading' || document.getElementById('evaluation').dataset.state === 'ready');
    const url = '/evaluate/M01?before=180&after=180&buffer=100';
    await page.waitForFunction(() => document.getElementById('evaluation').dataset.state === 'ready' && window.location.hash.includes('ewin=180,180,100'));
    assert.ok(requested(log, url, since).length >= 1, `${url} requested`);
    const narrower = await json(url);
    assert.notDeepEqual(narrower.counts, answer.counts);
    await checkEvaluation(page, narrower);

    // Dark statistics on top.
    since = log.requests.length;
    await page.locator('#eval-dark').check();
    await page.waitForFunction(() => window.location.hash.includes('edark=1') && document.getElementById('evaluation').dataset.state === 'ready');
    assert.ok(requested(log, `${url}&dark_only=true`, since).length >= 1);
    await checkEvaluation(page, await json(`${url}&dark_only=true`));

    // Escape closes it and the hash forgets it.
    await page.keyboard.press('Escape');
    await page.locator('#evaluation').waitFor({ state: 'hidden' });
    assert.ok(!(await page.evaluate(() => window.location.hash)).includes('eval='));
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('evaluation page: picked from the measures list, in English, with warnings; an unknown measure shows the service\'s reason', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}&lang=en`);
  try {
    await page.locator('#measure-list button[data-measure="M04"]').waitFor();
    const labels = await page.locator('#measure-list button').allTextContents();
    const register = await json('/ogc/collections/measures/items');
    assert.equal(labels.length, register.features.length, 'every measure of the register listed');
    await page.locator('#measure-list button[data-measure="M04"]').click();
    const answer = await json('/evaluate/M04');
    await checkEvaluation(page, answer);
    assert.match(await page.locator('#eval-title').textContent(), /Evaluation of measure M04 \(presence\)/);
    assert.match(await page.locator('[data-testid="eval-summary"]').textContent(), /The service writes this summary in Swedish/);
    // A short window: too few events, and the page says so.
    await page.locator('#eval-before').fill('30');
    await page.locator('#eval-after').fill('30');
    await page.locator('#eval-after').dispatchEvent('change');
    await page.waitForFunction(() => window.location.hash.includes('ewin=30,30,') && document.getElementById('evaluation').dataset.state === 'ready');
    const short = await json('/evaluate/M04?before=30&after=30');
    assert.ok([short.warnings, short.dark.warnings, short.daylight.warnings].flat().length > 0, 'the service warns about so few events');
    await checkEvaluation(page, short);
    assert.ok((await page.locator('[data-testid="eval-warnings"] li').count()) > 0);
    // Another measure from the page's own picker.
    await page.locator('#eval-measure').selectOption('M02');
    await page.waitForFunction(() => window.location.hash.includes('eval=M02'));
    await checkEvaluation(page, await json('/evaluate/M02'));
    await page.locator('#eval-close').click();
    await page.locator('#evaluation').waitFor({ state: 'hidden' });
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }

  const { page: bad } = await openViewer(browser.context, `#${CENTRE}&eval=NOPE`);
  try {
    await bad.locator('[data-testid="eval-error"]').waitFor();
    assert.match(await bad.locator('[data-testid="eval-error"]').textContent(), /Utvärderingen kunde inte hämtas: there is no measure 'NOPE'/);
    assert.equal(await bad.locator('#evaluation').getAttribute('data-state'), 'error');
  } finally {
    await bad.close();
  }
});
