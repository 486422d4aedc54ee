// The viewer against `gt serve --public` (GT_PUBLIC_URL, started by scripts/viewer-test.sh beside the full service):
// incidents come as counts per fixed cell of one calendar month, and nothing the public view refuses is asked for.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, settled, tileRequests } from './helpers.mjs';

const PUBLIC_URL = (process.env.GT_PUBLIC_URL || '').replace(/\/+$/, '');
let browser;

before(async () => {
  assert.ok(PUBLIC_URL, 'GT_PUBLIC_URL must name a service started with gt serve --public (scripts/viewer-test.sh sets it)');
  browser = await launch({ user: null });
});

after(async () => {
  await browser?.close();
});

test('public view: incidents as counts of the month in fixed cells, nothing refused is asked for, the tools of the full view are hidden', async () => {
  const page = await browser.context.newPage();
  const log = { errors: [], requests: [], bad: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') log.errors.push(msg.text()); });
  page.on('request', (req) => log.requests.push(req.url()));
  page.on('response', (res) => { if (res.status() >= 400) log.bad.push(`${res.status()} ${res.url()}`); });
  await page.goto(`${PUBLIC_URL}/#map=15.00/59.51000/15.99000&from=2024-03-01&to=2024-03-31&layers=basemap,incidents`);
  await settled(page);

  assert.deepEqual(log.bad, [], 'requests the public view refused');
  assert.deepEqual(log.errors, [], 'console errors');
  const tiles = tileRequests(log, 'incidents');
  assert.ok(tiles.length > 0, 'no incident tile was asked for');
  for (const url of tiles) {
    const q = new URL(url).searchParams;
    assert.equal(q.get('month'), '2024-03', url);
    for (const refused of ['from', 'to', 'hours', 'category', 'source']) assert.equal(q.has(refused), false, `${url} sends ${refused}`);
  }

  // Every drawn incident feature is a cell with a label; none is a single event with an id.
  const drawn = await page.evaluate(() => window.__gt.renderedProperties('incidents'));
  assert.ok(drawn.length > 0, 'no cell drawn for March 2024 over the town centre');
  assert.ok(drawn.every((f) => f.id === undefined && typeof f.label === 'string'), JSON.stringify(drawn.slice(0, 3)));
  assert.ok(drawn.some((f) => f.label === 'färre än 5'), 'a cell with fewer than 5 events');
  assert.ok(drawn.filter((f) => f.count !== undefined).every((f) => f.count >= 5 && f.label === String(f.count)));

  // What the public view does not offer is not shown: hotspot runs, new analyses, candidates, plans, the heat map and
  // the filters it does not take.
  for (const id of ['run', 'an-section', 'cand-heading', 'plan-open', 'categories', 'hours-from', 'source']) {
    assert.equal(await page.locator(`#${id}`).isVisible(), false, `#${id} is shown`);
  }
  assert.equal(await page.locator('#layer-list').getByText('Värmekarta').count(), 0, 'the heat map is offered');
  await page.close();
});
