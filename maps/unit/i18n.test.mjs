// Every text of the viewer in both languages, without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.document ??= { documentElement: {} };
const { dictionaries, setLanguage, t, formatNumber } = await import('../src/i18n.js');

test('Swedish and English have the same keys, none empty', () => {
  const sv = Object.keys(dictionaries.sv).sort();
  const en = Object.keys(dictionaries.en).sort();
  assert.deepEqual(sv.filter((k) => !en.includes(k)), [], 'keys only in Swedish');
  assert.deepEqual(en.filter((k) => !sv.includes(k)), [], 'keys only in English');
  // Empty on purpose: the note that the service's summary is Swedish is not needed in Swedish.
  const emptyOnPurpose = new Set(['sv.eval.summaryNote']);
  for (const lang of ['sv', 'en']) {
    for (const [k, v] of Object.entries(dictionaries[lang])) assert.ok(String(v).trim() || emptyOnPurpose.has(`${lang}.${k}`), `${lang}.${k} is empty`);
  }
});

test('Swedish is the default, English is chosen, and parameters are filled in', () => {
  assert.equal(setLanguage('de'), 'sv');
  assert.equal(t('app.title'), dictionaries.sv['app.title']);
  setLanguage('en');
  assert.equal(t('app.title'), dictionaries.en['app.title']);
  assert.notEqual(dictionaries.sv['app.title'], dictionaries.en['app.title']);
  assert.match(t('state.tileErrors', { n: 3 }), /3/);
  assert.equal(t('no.such.key'), 'no.such.key');
  setLanguage('sv');
});

test('Swedish numbers have a decimal comma, English a decimal point', () => {
  setLanguage('sv');
  assert.match(formatNumber(1234.5, 1), /^1\s234,5$/u);
  setLanguage('en');
  assert.equal(formatNumber(1234.5, 1), '1,234.5');
  setLanguage('sv');
});
