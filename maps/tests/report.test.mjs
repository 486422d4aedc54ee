// Issue #11, point 3: the viewer's quarterly report page. A quarter picker (the last complete quarter by default),
// the report of gt report quarter shown in the page with its maps, charts and tables, and links to the same report as
// PDF, HTML and JSON. The HTML passes an accessibility check: one h1, no skipped heading level, every table with a
// caption and column headers, every image with a text alternative, the page's language set. The police's analyst
// (both event layers exact) gets the exact report; someone not signed in the public version.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launch, openViewer, BASE_URL, serviceFetch } from './helpers.mjs';

// axe-core (Deque's accessibility rules engine, WCAG 2.x A and AA) runs in a page of its own holding the report's HTML:
// the report itself allows no script (its CSP), so the engine is not injected where it is served.
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let analyst;
let anonymous;

before(async () => {
  analyst = await launch();
  anonymous = await launch({ user: null });
});

after(async () => {
  await analyst?.close();
  await anonymous?.close();
});

async function showQuarter(page, year, quarter) {
  await page.locator('#report-open').click();
  await page.locator('#report-year').selectOption(String(year));
  await page.locator('#report-quarter').selectOption(String(quarter));
  await page.locator('#report-go').click();
  await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('report-status').dataset.state), null, { timeout: 90000 });
  assert.equal(await page.locator('#report-status').getAttribute('data-state'), 'done', await page.locator('#report-status').textContent());
  return page.frameLocator('#report-frame');
}

/** What an accessibility check of the report's HTML finds wrong (empty when nothing). */
function accessibilityProblems(frame) {
  return frame.locator('html').evaluate((html) => {
    const problems = [];
    if (!html.getAttribute('lang')) problems.push('no lang on <html>');
    const doc = html.ownerDocument;
    if (doc.querySelectorAll('h1').length !== 1) problems.push(`${doc.querySelectorAll('h1').length} h1`);
    let level = 0;
    for (const h of doc.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      const l = Number(h.tagName[1]);
      if (l > level + 1) problems.push(`heading "${h.textContent}" skips from h${level} to h${l}`);
      if (!h.textContent.trim()) problems.push('an empty heading');
      level = l;
    }
    for (const table of doc.querySelectorAll('table')) {
      if (!table.querySelector('caption')?.textContent.trim()) problems.push('a table without caption');
      if (table.querySelectorAll('thead th[scope="col"]').length === 0) problems.push(`table "${table.querySelector('caption')?.textContent}" without column headers`);
      for (const row of table.querySelectorAll('tbody tr')) if (!row.querySelector('th[scope="row"]')) problems.push('a row without a row header');
    }
    for (const img of doc.querySelectorAll('img')) if (!(img.getAttribute('alt') ?? '').trim()) problems.push('an image without alt text');
    if (doc.querySelectorAll('img').length < 6) problems.push(`only ${doc.querySelectorAll('img').length} images (maps and charts)`);
    return problems;
  });
}

test('the analyst sees the exact report of a quarter in the page, accessible, with the same numbers as its JSON and downloads', async () => {
  const { page, log } = await openViewer(analyst.context);
  const frame = await showQuarter(page, 2024, 4);
  assert.deepEqual(await accessibilityProblems(frame), []);
  assert.equal(await frame.locator('html').getAttribute('lang'), 'sv');
  assert.equal((await frame.locator('h1').textContent()).trim(), 'EST-uppföljning kvartal 4 2024');
  const headings = await frame.locator('h2').allTextContents();
  for (const h of ['Fokusområde Centrum', 'Fokusområde Nygård', 'Hela kommunen', 'Medborgarlöften', 'Metod och data']) assert.ok(headings.includes(h), `${h} in ${headings}`);
  assert.match(await page.locator('#report-version').textContent(), /Exakta antal/);

  const links = {};
  for (const format of ['pdf', 'html', 'json']) links[format] = new URL(await page.locator(`#report-${format}`).getAttribute('href'));
  for (const [format, url] of Object.entries(links)) {
    assert.equal(url.pathname, `/reports/quarter.${format}`);
    assert.deepEqual(Object.fromEntries(url.searchParams), { year: '2024', quarter: '4', lang: 'sv' });
  }

  const json = await (await serviceFetch(links.json.href)).json();
  assert.equal(json.public, false);
  assert.deepEqual(json.areas.map((a) => a.name), ['Centrum', 'Nygård']);
  const centrum = frame.locator('section#area-0');
  const keyFigures = await centrum.locator('table').first().locator('tbody tr').first().locator('td').allTextContents();
  assert.equal(keyFigures[0], String(json.areas[0].incidents.count));
  assert.equal(keyFigures[1], String(json.areas[0].incidents.previous_year));

  const pdf = await analyst.context.request.get(links.pdf.href);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  assert.deepEqual(log.errors, []);
  await page.close();
});

/** The WCAG 2 A and AA violations axe-core finds in an HTML document, as "rule: nodes" lines. */
async function axeViolations(context, html) {
  const page = await context.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    return result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`);
  } finally {
    await page.close();
  }
}

test('axe-core finds no WCAG 2.1 A or AA violation in the report, exact or public, Swedish or English', async () => {
  for (const [client, query] of [
    [(url) => serviceFetch(url), 'year=2024&quarter=4&lang=sv'],
    [(url) => fetch(url), 'year=2024&quarter=4&lang=en'],
  ]) {
    const response = await client(`${BASE_URL}/reports/quarter.html?${query}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.deepEqual(await axeViolations(anonymous.context, html), [], query);
    // The check can fail: the same report with its images' text alternatives taken out does.
    assert.ok((await axeViolations(anonymous.context, html.replace(/ alt="[^"]*"/g, ''))).some((v) => v.startsWith('image-alt:')));
  }
});

test('someone not signed in gets the public version, and the page follows the viewer language', async () => {
  const { page } = await openViewer(anonymous.context);
  const frame = await showQuarter(page, 2024, 4);
  assert.match(await page.locator('#report-version').textContent(), /Offentlig version/);
  assert.match(await frame.locator('h1').textContent(), /offentlig version/);
  const json = await (await fetch(new URL(await page.locator('#report-json').getAttribute('href')).href)).json();
  assert.equal(json.public, true);
  const counts = json.areas.flatMap((a) => a.hour_of_week.flat()).filter((n) => n !== null);
  assert.ok(counts.every((n) => n === 0 || n >= 5), 'no count under five in the public version');

  await page.locator('#lang').selectOption('en');
  await page.waitForFunction(
    () => document.getElementById('report-status').dataset.state === 'done' && document.getElementById('report-frame').contentDocument?.documentElement?.lang === 'en',
    null,
    { timeout: 90000 },
  );
  assert.match(await page.frameLocator('#report-frame').locator('h1').textContent(), /EST follow-up Q4 2024 – public version/);
  assert.deepEqual(await accessibilityProblems(page.frameLocator('#report-frame')), []);
  await page.close();
});
