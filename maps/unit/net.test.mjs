// Requests to the service: a problem detail (RFC 9457) becomes the error's message, with the status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchJson } from '../src/net.js';

function answering(status, body, type = 'application/problem+json') {
  globalThis.fetch = async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } });
}

test('an answer is its JSON', async () => {
  answering(200, { layers: [] }, 'application/json');
  assert.deepEqual(await fetchJson('http://service/tiles'), { layers: [] });
});

test("a problem's detail, else its title, else the status, is the error", async () => {
  answering(400, { title: 'Bad request', detail: 'from: 2024-13-01 is not a date' });
  await assert.rejects(fetchJson('http://service/x'), (e) => e.message === 'from: 2024-13-01 is not a date' && e.status === 400);
  answering(404, { title: 'Not found' });
  await assert.rejects(fetchJson('http://service/x'), (e) => e.message === 'Not found' && e.status === 404);
  answering(502, '<html>bad gateway</html>', 'text/html');
  await assert.rejects(fetchJson('http://service/x'), (e) => e.message === 'HTTP 502' && e.status === 502);
});

test('a network failure is an error with its message', async () => {
  globalThis.fetch = async () => {
    throw new TypeError('fetch failed');
  };
  await assert.rejects(fetchJson('http://service/x'), { message: 'fetch failed' });
});
