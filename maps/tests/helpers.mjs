// Shared set-up for the viewer's browser tests: Debian's Chromium driven by playwright-core (no
// downloaded browser), against the running service at GT_VIEWER_URL. Missing Chromium or an
// unreachable service fail the tests; they are never skipped.

import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export const BASE_URL = (process.env.GT_VIEWER_URL || '').replace(/\/+$/, '');
export const CHROMIUM = process.env.GT_CHROMIUM || '/usr/bin/chromium';

/** The test build of the viewer (maps/build.sh with GT_VIEWER_TEST_BUILD=1): the served viewer plus the tests' hook. */
export const TEST_BUNDLE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist-test', 'assets', 'app.js');

export function requireEnvironment() {
  assert.ok(BASE_URL, 'GT_VIEWER_URL must name the running service, e.g. http://127.0.0.1:5090 (scripts/viewer-test.sh sets it)');
  assert.ok(existsSync(CHROMIUM), `Chromium is missing at ${CHROMIUM}: apt-get install -y chromium (or set GT_CHROMIUM)`);
  assert.ok(existsSync(TEST_BUNDLE), `the viewer's test build is missing at ${TEST_BUNDLE}: GT_VIEWER_TEST_BUILD=1 maps/build.sh`);
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/** The demo's users and their passwords, as gt demo kept them (scripts/viewer-test.sh names the file). */
export function demoPassword(user) {
  const file = process.env.GT_DEMO_USERS;
  assert.ok(file && existsSync(file), 'GT_DEMO_USERS must name the demo users file that gt demo wrote (scripts/viewer-test.sh sets it)');
  const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(`${user} `));
  assert.ok(line, `${user} is not in ${file}`);
  return line.slice(user.length + 1).trim();
}

let sessionCookie = null;

/**
 * fetch() as the demo's police analyst, who sees what the browser tests' pages see (a session of its own, made once):
 * the service answers a request without credentials with the public view.
 */
export async function serviceFetch(url, init = {}) {
  if (!sessionCookie) {
    const response = await fetch(`${BASE_URL}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: 'polis.analytiker', password: demoPassword('polis.analytiker') }),
    });
    assert.equal(response.status, 200, `signing in as polis.analytiker: ${await response.text()}`);
    sessionCookie = response.headers.get('set-cookie').split(';')[0];
  }
  return fetch(url, { ...init, headers: { ...(init.headers ?? {}), Cookie: sessionCookie } });
}

/**
 * Starts Chromium with a fresh profile, signed in as `user` (the demo's police analyst unless told otherwise; null: not
 * signed in, the public view) through POST /auth/login, whose session cookie the pages then send; close() also removes
 * the profile.
 */
export async function launch({ user = 'polis.analytiker' } = {}) {
  requireEnvironment();
  const profile = mkdtempSync(path.join(tmpdir(), 'gt-viewer-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  context.setDefaultTimeout(30000);
  // Every page gets the test build's app.js (with window.__gt) in place of the served one; the rest is the service's.
  await context.route(/\/assets\/app\.js(\?.*)?$/, (route) => route.fulfill({ path: TEST_BUNDLE, contentType: 'text/javascript; charset=utf-8' }));
  if (user) {
    const response = await context.request.post(`${BASE_URL}/auth/login`, { data: { user, password: demoPassword(user) }, headers: { Origin: BASE_URL } });
    assert.equal(response.status(), 200, `signing in as ${user}: ${await response.text()}`);
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a page that records console errors, page errors, failed requests and every tile request.
 * `hash` is put after the viewer's URL.
 */
export async function openViewer(context, hash = '', { viewport, waitForMap = true } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const log = { errors: [], requests: [], failed: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.errors.push(msg.text());
  });
  page.on('pageerror', (err) => log.errors.push(`pageerror: ${err.message}`));
  page.on('request', (req) => log.requests.push(req.url()));
  page.on('requestfailed', (req) => log.failed.push(`${req.url()} ${req.failure()?.errorText}`));
  await page.goto(`${BASE_URL}/${hash}`);
  if (waitForMap) await settled(page);
  return { page, log };
}

/** Waits until the map has drawn everything asked for since the last change (no sleeps). */
export async function settled(page, timeout = 30000) {
  await page.waitForFunction(() => window.__gt && window.__gt.settled(), null, { timeout, polling: 50 });
}

/** Tile requests of a layer made after index `since` in the log. */
export function tileRequests(log, layer, since = 0) {
  return log.requests.slice(since).filter((u) => u.includes(`/tiles/${layer}/`) || u.includes(`/raster/${layer}/`));
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(buffer) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(buffer.length > 33, 'the PNG is too short');
  assert.deepEqual(buffer.subarray(0, 8), signature, 'not a PNG signature');
  assert.equal(buffer.toString('latin1', 12, 16), 'IHDR', 'the first chunk is not IHDR');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/**
 * A loose look at a screenshot, decoded by the browser: its size and how many distinct colours and
 * non-background pixels it has (a blank or single-colour image fails).
 */
export async function imageStats(page, pngBuffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let red = 0;
    const step = Math.max(1, Math.floor(data.length / 4 / 200000));
    for (let i = 0; i < data.length; i += 4 * step) {
      colours.add((data[i] >> 3) * 1024 + (data[i + 1] >> 3) * 32 + (data[i + 2] >> 3));
      if (data[i] > 150 && data[i + 1] < 110 && data[i + 2] < 110) red += 1;
    }
    return { width: c.width, height: c.height, colours: colours.size, redShare: red / (data.length / 4 / step) };
  }, pngBuffer.toString('base64'));
}
