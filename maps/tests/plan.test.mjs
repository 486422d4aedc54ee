// Issue #7, point 6: the presence plan page. It asks /patrol/plan.json and /patrol/plan.geojson with
// the inputs' query, lists the timetable of plan.json's stops per patrol, draws the GeoJSON's legs and
// stops, links the same plan as JSON, GeoJSON, GPX and PDF, shows the service's reason for a bad input,
// keeps its inputs in the URL, and the same seed gives the same timetable.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openViewer, settled, BASE_URL, serviceFetch } from './helpers.mjs';

let browser;
let runs;
const CENTRE = 'map=15.00/59.51000/15.99000';

before(async () => {
  browser = await launch();
  runs = (await (await serviceFetch(`${BASE_URL}/tiles`)).json()).runs;
});

after(async () => {
  await browser?.close();
});

/** Records the plan requests a page makes (url and parsed query). */
function planRequests(page) {
  const list = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    const m = /\/patrol\/plan\.(\w+)$/.exec(url.pathname);
    if (m) list.push({ format: m[1], url: r.url(), query: Object.fromEntries(url.searchParams), search: url.search });
  });
  return list;
}

async function fill(page, inputs) {
  if (!(await page.locator('#plan').isVisible())) await page.locator('#plan-open').click();
  await page.locator('#plan-date').fill(inputs.date);
  await page.locator('#plan-start').fill(inputs.start);
  await page.locator('#plan-end').fill(inputs.end);
  await page.locator('#plan-patrols').fill(String(inputs.patrols));
  await page.locator('#plan-minutes').fill(inputs.minutes ? String(inputs.minutes) : '');
  await page.locator('#plan-seed').fill(String(inputs.seed));
  await page.locator('#plan-area').selectOption(inputs.area ?? '');
}

async function waitForPlan(page) {
  await page.waitForFunction(() => ['done', 'error', 'invalid'].includes(document.getElementById('plan-status').dataset.state), null, { timeout: 60000 });
  return page.locator('#plan-status').getAttribute('data-state');
}

/** The timetable as the page shows it: one entry per row. */
function timetable(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#plan-body tr[data-patrol]')].map((r) => ({
      patrol: Number(r.dataset.patrol),
      order: Number(r.dataset.order),
      hotspot: r.dataset.hotspot,
      arrive: r.dataset.arrive,
      depart: r.dataset.depart,
      minutes: Number(r.dataset.minutes),
      time: r.querySelector('.plan-time').textContent,
      cells: [...r.querySelectorAll('td')].map((td) => td.textContent.trim()),
    })),
  );
}

const hhmm = (iso) => iso.slice(11, 16); // the service writes Stockholm times with their offset

test('the plan page asks the service with its inputs, lists the timetable, draws the routes and links the files', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}&run=${runs.find((r) => r.name === 'viewer-dbscan').id}`);
  const requests = planRequests(page);
  try {
    // Defaults: a Friday, 18:00–02:00, two patrols, presence minutes left to the service.
    await page.locator('#plan-open').click();
    assert.equal(await page.locator('#plan').isVisible(), true);
    assert.equal(await page.locator('#plan-open').getAttribute('aria-expanded'), 'true');
    const date = await page.locator('#plan-date').inputValue();
    assert.equal(new Date(`${date}T12:00:00Z`).getUTCDay(), 5, `${date} is a Friday`);
    assert.equal(await page.locator('#plan-start').inputValue(), '18:00');
    assert.equal(await page.locator('#plan-end').inputValue(), '02:00');
    assert.equal(await page.locator('#plan-patrols').inputValue(), '2');
    assert.equal(await page.locator('#plan-minutes').inputValue(), '');
    // The areas the viewer knows are offered.
    await page.waitForFunction(() => document.querySelectorAll('#plan-area option').length > 1);
    const areas = await page.locator('#plan-area option').allTextContents();
    assert.ok(areas.includes('Innerstaden'), `areas: ${areas.join(', ')}`);

    const run = runs.find((r) => r.name === 'viewer-dbscan').id;
    await fill(page, { date: '2024-11-29', start: '18:00', end: '02:00', patrols: 2, minutes: 150, seed: 3, area: 'Innerstaden' });
    await page.locator('#plan-go').click();
    assert.equal(await waitForPlan(page), 'done', await page.locator('#plan-status').textContent());

    // The same query to both files.
    const json = requests.find((r) => r.format === 'json');
    const geo = requests.find((r) => r.format === 'geojson');
    assert.ok(json && geo, 'plan.json and plan.geojson requested');
    assert.deepEqual(json.query, { shift: '2024-11-29T18:00/02:00', patrols: '2', presence_minutes: '150', area: 'Innerstaden', seed: '3', run: String(run) });
    assert.equal(geo.search, json.search);

    // The timetable is plan.json's stops: count, times, hotspots.
    const plan = await (await serviceFetch(json.url)).json();
    const features = await (await serviceFetch(geo.url)).json();
    assert.ok(plan.stops.length > 0, 'the plan has stops');
    const rows = await timetable(page);
    assert.equal(rows.length, plan.stops.length, 'a row per stop');
    const byKey = new Map(rows.map((r) => [`${r.patrol}/${r.order}`, r]));
    for (const s of plan.stops) {
      const row = byKey.get(`${s.patrol}/${s.order}`);
      assert.ok(row, `row for patrol ${s.patrol} stop ${s.order}`);
      assert.equal(row.hotspot, s.hotspot);
      assert.equal(row.arrive, s.arrive);
      assert.equal(row.depart, s.depart);
      assert.equal(row.minutes, s.minutes);
      assert.equal(row.time, `${hhmm(s.arrive)}–${hhmm(s.depart)}`);
      assert.ok(row.cells.includes(s.label), `label ${s.label}`);
      assert.ok(row.cells.includes(s.reason_sv), 'the reason is shown, in Swedish');
    }
    assert.equal(await page.locator('#plan-body table[data-patrol]').count(), new Set(plan.stops.map((s) => s.patrol)).size, 'a table per patrol');
    const totals = page.locator('[data-testid="plan-totals"]');
    assert.equal(Number(await totals.getAttribute('data-stops')), plan.totals.stops);
    assert.equal(Number(await totals.getAttribute('data-presence')), plan.totals.presence_minutes);
    assert.match(await totals.textContent(), new RegExp(`${plan.totals.hotspots_visited} av ${plan.totals.hotspots}`));

    // The map layer holds the GeoJSON's legs and stops, and is shown; the view is fitted to it.
    const drawn = await page.evaluate(() => window.__gt.layerFeatures('plan'));
    const kinds = (list, kind) => list.filter((f) => (f.properties ?? f).kind === kind);
    assert.equal(kinds(drawn.map((f) => f.properties), 'stop').length, kinds(features.features.map((f) => f.properties), 'stop').length);
    assert.equal(kinds(drawn.map((f) => f.properties), 'leg').length, kinds(features.features.map((f) => f.properties), 'leg').length);
    assert.equal(drawn.length, features.features.length);
    for (const f of features.features.filter((x) => x.properties.kind === 'stop')) {
      const d = drawn.find((x) => x.properties.kind === 'stop' && x.properties.patrol === f.properties.patrol && x.properties.order === f.properties.order);
      assert.ok(d, `stop ${f.properties.patrol}/${f.properties.order} drawn`);
      assert.equal(d.type, 'Point');
      assert.ok(Math.abs(d.lonLat[0] - f.geometry.coordinates[0]) < 1e-6 && Math.abs(d.lonLat[1] - f.geometry.coordinates[1]) < 1e-6);
    }
    for (const d of drawn.filter((x) => x.properties.kind === 'leg')) assert.equal(d.type, 'LineString');
    assert.equal(await page.locator('#layer-plan').isChecked(), true, 'the plan layer is on');
    const inView = await page.evaluate(() => {
      const extent = window.__gt.map.getView().calculateExtent();
      const stops = window.__gt.map.getLayers().getArray().find((l) => l.get('id') === 'plan').getSource().getFeatures().filter((f) => f.get('kind') === 'stop');
      return stops.filter((f) => {
        const [x, y] = f.getGeometry().getCoordinates();
        return x >= extent[0] && x <= extent[2] && y >= extent[1] && y <= extent[3];
      }).length / stops.length;
    });
    assert.equal(inView, 1, 'every stop is in view after planning');

    // A row zooms to its stop (by mouse, and by keyboard on its number button).
    const last = plan.stops[plan.stops.length - 1];
    await page.locator(`#plan-body tr[data-patrol="${last.patrol}"][data-order="${last.order}"] td.plan-time`).click();
    await page.waitForFunction(([lon, lat]) => {
      const c = window.__gt.map.getView().getCenter();
      const p = window.__gt.pixelFor([lon, lat]);
      const q = window.__gt.map.getPixelFromCoordinate(c);
      return Math.hypot(p[0] - q[0], p[1] - q[1]) < 3;
    }, [last.lon, last.lat]);
    assert.equal(await page.locator(`#plan-body tr[data-patrol="${last.patrol}"][data-order="${last.order}"]`).getAttribute('aria-selected'), 'true');
    const first = plan.stops[0];
    await page.locator(`#plan-body tr[data-patrol="${first.patrol}"][data-order="${first.order}"] button`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(([p, o]) => document.querySelector(`#plan-body tr[data-patrol="${p}"][data-order="${o}"]`).getAttribute('aria-selected') === 'true', [first.patrol, first.order]);

    // The export links are the same query in the four formats; the PDF is a PDF, the GPX a GPX.
    const hrefs = {};
    for (const f of ['json', 'geojson', 'gpx', 'pdf']) {
      const href = await page.locator(`[data-testid="plan-export-${f}"]`).getAttribute('href');
      const url = new URL(href, BASE_URL);
      assert.equal(url.pathname.replace(/^.*\/patrol/, '/patrol'), `/patrol/plan.${f}`);
      assert.equal(url.search, json.search, `${f} link has the plan's query`);
      hrefs[f] = url.href;
    }
    const pdf = Buffer.from(await (await serviceFetch(hrefs.pdf)).arrayBuffer());
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
    const gpx = await (await serviceFetch(hrefs.gpx)).text();
    assert.match(gpx, /<gpx[\s>]/);
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="plan-export-geojson"]').click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'narvaroplan.geojson');

    // The URL keeps the inputs; Escape closes the page and drops them.
    const hash = new URLSearchParams((await page.evaluate(() => window.location.hash)).slice(1));
    assert.equal(hash.get('plan'), '2024-11-29T18:00/02:00');
    assert.equal(hash.get('pn'), '2');
    assert.equal(hash.get('pmin'), '150');
    assert.equal(hash.get('parea'), 'Innerstaden');
    assert.equal(hash.get('pseed'), '3');
    assert.equal(hash.get('run'), String(run));
    await page.locator('#plan-title').focus();
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#plan').isHidden(), true);
    assert.equal(new URLSearchParams((await page.evaluate(() => window.location.hash)).slice(1)).get('plan'), null);
    assert.deepEqual(log.errors, [], 'console errors');
  } finally {
    await page.close();
  }
});

test('a link reopens the plan, and the same seed gives the same timetable', async () => {
  const hash = `#${CENTRE}&plan=2024-11-29T18:00/02:00&pn=2&pseed=7`;
  const one = await openViewer(browser.context, hash);
  const two = await openViewer(browser.context, hash);
  try {
    const requests = planRequests(one.page);
    for (const { page } of [one, two]) assert.equal(await waitForPlan(page), 'done');
    assert.equal(await one.page.locator('#plan').isVisible(), true, 'the link opens the plan page');
    assert.equal(await one.page.locator('#plan-date').inputValue(), '2024-11-29');
    assert.equal(await one.page.locator('#plan-seed').inputValue(), '7');
    const a = await timetable(one.page);
    const b = await timetable(two.page);
    assert.ok(a.length > 0);
    assert.deepEqual(b, a, 'same seed, same timetable');
    // Planning again with the same seed in the same page gives the same rows too.
    await one.page.locator('#plan-go').click();
    assert.equal(await waitForPlan(one.page), 'done');
    assert.deepEqual(await timetable(one.page), a);
    assert.ok(requests.some((r) => r.format === 'json' && r.query.seed === '7' && r.query.patrols === '2'));
    // The English page.
    await one.page.locator('#lang').selectOption('en');
    assert.equal(await one.page.locator('#plan-title').textContent(), 'Presence plan');
    assert.match(await one.page.locator('#plan-body caption').first().textContent(), /Patrol 1 · \d+ visits, \d+ min/);
    assert.equal(await one.page.locator('#plan-go').textContent(), 'Plan');
    assert.deepEqual(one.log.errors, []);
    assert.deepEqual(two.log.errors, []);
  } finally {
    await one.page.close();
    await two.page.close();
  }
});

test('a bad input shows the service reason, and a client check needs no request', async () => {
  const { page, log } = await openViewer(browser.context, `#${CENTRE}`);
  const requests = planRequests(page);
  try {
    // A time that does not exist in Stockholm (the clocks skip 02:00–03:00 on 31 March 2024).
    await fill(page, { date: '2024-03-31', start: '02:30', end: '06:00', patrols: 1, seed: 1 });
    await page.locator('#plan-go').click();
    assert.equal(await waitForPlan(page), 'error');
    const status = page.locator('#plan-status');
    assert.equal(await status.getAttribute('role'), 'alert');
    assert.match(await status.textContent(), /Planen kunde inte göras: .*shift.*does not exist in Europe\/Stockholm/);
    const response = await serviceFetch(requests.find((r) => r.format === 'json').url);
    assert.equal(response.status, 400);
    assert.ok((await status.textContent()).includes((await response.json()).detail));

    // More presence minutes than the shift is long.
    await fill(page, { date: '2024-11-29', start: '18:00', end: '20:00', patrols: 1, minutes: 500, seed: 1 });
    await page.locator('#plan-go').click();
    assert.equal(await waitForPlan(page), 'error');
    assert.match(await status.textContent(), /more than the shift is long/);
    assert.equal(await page.locator('#plan-go').isDisabled(), false);

    // The client's own checks: no request for a shift without length.
    const before = requests.length;
    await fill(page, { date: '2024-11-29', start: '18:00', end: '18:00', patrols: 1, seed: 1 });
    await page.locator('#plan-go').click();
    assert.equal(await waitForPlan(page), 'invalid');
    assert.match(await status.textContent(), /Start och slut kan inte vara samma tid/);
    await page.locator('#plan-patrols').fill('0');
    await page.locator('#plan-end').fill('02:00');
    await page.locator('#plan-go').click();
    assert.match(await status.textContent(), /Antalet patruller/);
    assert.equal(requests.length, before, 'no request for a form the client rejects');
    // The 400 answers are expected; nothing else failed.
    assert.deepEqual(log.errors.filter((e) => !/status of 400/.test(e)), []);
    await settled(page);
  } finally {
    await page.close();
  }
});
