// The viewer's store without a browser: one update, one announcement of exactly the keys that changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore, changedAny } from '../src/store.js';

test('an update announces the keys whose values changed, once, with the new state', () => {
  const store = createStore({ a: 1, b: [1], c: 'x' });
  const calls = [];
  store.subscribe((s, changed, meta) => calls.push({ s, changed: [...changed].sort(), meta }));
  const same = store.get().b;
  const changed = store.update({ a: 2, b: same, c: 'y' }, { why: 'test' });
  assert.deepEqual([...changed].sort(), ['a', 'c']);
  assert.equal(calls.length, 1);
  assert.deepEqual(calls[0].changed, ['a', 'c']);
  assert.deepEqual(calls[0].s, { a: 2, b: [1], c: 'y' });
  assert.deepEqual(calls[0].meta, { why: 'test' });
});

test('an update that changes nothing announces nothing and keeps the state object', () => {
  const store = createStore({ a: 1 });
  const before = store.get();
  let calls = 0;
  store.subscribe(() => (calls += 1));
  assert.equal(store.update({ a: 1 }).size, 0);
  assert.equal(calls, 0);
  assert.equal(store.get(), before);
});

test('the state is replaced, never mutated: an old reference keeps its values', () => {
  const store = createStore({ layers: new Set(['a']) });
  const old = store.get();
  store.update((s) => ({ layers: new Set([...s.layers, 'b']) }));
  assert.deepEqual([...old.layers], ['a']);
  assert.deepEqual([...store.get().layers].sort(), ['a', 'b']);
});

test('an update made by a subscriber is applied at once and announced after the current round', () => {
  const store = createStore({ step: 5, max: 10 });
  const seen = [];
  store.subscribe((s, changed) => {
    seen.push([...changed].sort().join(','));
    if (s.step > s.max) store.update({ step: s.max });
  });
  store.subscribe((s, changed) => seen.push(`second:${[...changed].sort().join(',')}:${s.step}`));
  store.update({ step: 12, max: 8 });
  assert.equal(store.get().step, 8);
  // The clamp is seen by the second subscriber already in the first round, and announced as its own round after.
  assert.deepEqual(seen, ['max,step', 'second:max,step:8', 'step', 'second:step:8']);
});

test('a stopped subscriber hears nothing more', () => {
  const store = createStore({ a: 0 });
  let calls = 0;
  const stop = store.subscribe(() => (calls += 1));
  store.update({ a: 1 });
  stop();
  store.update({ a: 2 });
  assert.equal(calls, 1);
});

test('changedAny tells whether any of the keys changed', () => {
  assert.equal(changedAny(new Set(['from', 'lang']), ['to', 'from']), true);
  assert.equal(changedAny(new Set(['lang']), ['to', 'from']), false);
});
