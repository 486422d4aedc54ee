// Signing in and out in the viewer (issue #10), against the full service (GT_VIEWER_URL): without a session the viewer
// shows the public view and offers "Logga in"; a wrong password is said in Swedish; the demo's housing company partner
// sees its organisation and role in the header, its own reports point by point, the police's incidents only as counts
// per cell, and none of the tools its role may not use; "Visa offentlig vy" shows it what the public sees and back;
// signing out returns to the public view.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openViewer, demoPassword, settled } from './helpers.mjs';

let browser;

before(async () => {
  browser = await launch({ user: null });
});

after(async () => {
  await browser?.close();
});

const CENTRE = '#map=15.00/59.51000/15.99000&from=2024-03-01&to=2024-03-31&layers=basemap,incidents,reports';

test('signing in as the housing company shows its organisation and role, its layers and tools only, and signing out returns to the public view', async () => {
  const { page, log } = await openViewer(browser.context, CENTRE);
  const bad = [];
  page.on('response', (res) => { if (res.status() >= 400 && !res.url().endsWith('/auth/login')) bad.push(`${res.status()} ${res.url()}`); });

  // Not signed in: the public view, with a sign-in button.
  assert.equal(await page.getByTestId('account-who').textContent(), 'Offentlig vy');
  assert.equal(await page.locator('#an-section').isVisible(), false, 'the analysis form is shown to the public');
  const publicCells = await page.evaluate(() => window.__gt.renderedProperties('incidents'));
  assert.ok(publicCells.length > 0 && publicCells.every((f) => f.id === undefined && typeof f.label === 'string'), 'the public view draws single incidents');

  // A wrong password is refused, in Swedish, and nothing changes.
  await page.locator('#account-login').click();
  await page.locator('#signin-user').fill('kbab.partner');
  await page.locator('#signin-password').fill('inte-det-rätta-lösenordet');
  await page.locator('#signin-submit').click();
  await page.getByText('Fel användarnamn eller lösenord.').waitFor();
  assert.equal(await page.locator('#signin').isVisible(), true);

  // The right one signs in: the page reloads with the partner's organisation and role.
  await page.locator('#signin-password').fill(demoPassword('kbab.partner'));
  await Promise.all([page.waitForEvent('load'), page.locator('#signin-submit').click()]);
  await settled(page);
  assert.equal(await page.getByTestId('account-who').textContent(), 'Demostads Bostads AB · partner (kbab.partner)');
  const cookies = await browser.context.cookies();
  const session = cookies.find((c) => c.name === 'gt_session');
  assert.ok(session, 'no session cookie');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');

  // The partner's own reports point by point (each has an id), the police's incidents only as counts per cell.
  const reports = await page.evaluate(() => window.__gt.renderedProperties('reports'));
  assert.ok(reports.length > 0 && reports.every((f) => f.id !== undefined), 'the partner does not see its reports point by point');
  const incidents = await page.evaluate(() => window.__gt.renderedProperties('incidents'));
  assert.ok(incidents.length > 0 && incidents.every((f) => f.id === undefined && typeof f.label === 'string'), 'the partner sees single police incidents');
  // The legend says what is drawn: the police's incidents as counts per cell and month, no symbol of a single incident.
  const incidentsLegend = await page.locator('li.layer[data-layer="incidents"] .legend').textContent();
  assert.ok(incidentsLegend.includes('Antal per ruta och månad') && !incidentsLegend.includes('Händelse'), incidentsLegend);
  // Its role has no analyses, candidates, presence plans or heat map: hidden, not offered and refused.
  for (const id of ['an-section', 'cand-heading', 'plan-open']) assert.equal(await page.locator(`#${id}`).isVisible(), false, `#${id} is shown to a partner`);
  assert.equal(await page.locator('#layer-list').getByText('Värmekarta').count(), 0, 'the heat map is offered to a partner');
  assert.deepEqual(bad, [], 'requests the service refused');
  // The one refusal is the wrong password's (the browser logs it).
  assert.ok(log.errors.every((e) => e.includes('401')), `console errors: ${log.errors.join('; ')}`);

  // "Visa offentlig vy": the same session sees what the public sees — reports too as cells — and comes back.
  await Promise.all([page.waitForEvent('load'), page.locator('#account-public').click()]);
  await settled(page);
  assert.equal(await page.getByTestId('account-who').textContent(), 'Visar det allmänheten ser');
  const publicReports = await page.evaluate(() => window.__gt.renderedProperties('reports'));
  assert.ok(publicReports.length > 0 && publicReports.every((f) => f.id === undefined && typeof f.label === 'string'), 'the public view of a signed-in partner draws single reports');
  assert.deepEqual(bad, [], 'requests the service refused in the public view');
  await Promise.all([page.waitForEvent('load'), page.locator('#account-public').click()]);
  await settled(page);
  assert.equal(await page.getByTestId('account-who').textContent(), 'Demostads Bostads AB · partner (kbab.partner)');

  // Signing out ends the session: the public view again, and the old cookie no longer opens anything.
  await Promise.all([page.waitForEvent('load'), page.locator('#account-logout').click()]);
  await settled(page);
  assert.equal(await page.getByTestId('account-who').textContent(), 'Offentlig vy');
  const me = await browser.context.request.get(`${new URL(page.url()).origin}/auth/me`, { headers: { Cookie: `gt_session=${session.value}` } });
  assert.equal((await me.json()).user, null, 'the session still works after signing out');
  await page.close();
});
