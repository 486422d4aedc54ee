// The URL form of the viewer's state and the time steps, without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultState, parseHash, formatHash, validHours, isoWeek, steps, effectivePeriod, filterQuery, parseDate } from '../src/state.js';

test('the defaults have no hash, and a full state survives formatting and parsing', () => {
  assert.equal(formatHash(defaultState()), '');
  const s = {
    ...defaultState(),
    center: [15.99123, 59.51234],
    zoom: 14.5,
    layers: new Set(['basemap', 'incidents']),
    opacity: { incidents: 0.5 },
    run: 7,
    from: '2024-01-01',
    to: '2024-06-30',
    step: 'month',
    stepIndex: 2,
    categories: ['violence', 'theft'],
    reportCategories: ['graffiti'],
    sources: ['polisen', 'a b'],
    hours: '18-6',
    lang: 'en',
    evaluate: { id: 'M01', before: 180, after: null, buffer: 250, darkOnly: true },
    plan: { shift: '2024-11-29T18:00/02:00', patrols: 3, minutes: 30, area: 'Centrum', seed: 2 },
  };
  const back = parseHash(formatHash(s));
  assert.deepEqual({ ...back, layers: [...back.layers].sort() }, { ...s, layers: [...s.layers].sort() });
});

test('bad values in a hash are ignored, not taken', () => {
  const s = parseHash('#map=99/100/200&run=abc&from=2024-13&hours=5-5&step=day&t=-1&lang=de&eval=a%20b');
  const d = defaultState();
  assert.equal(s.center, null);
  assert.equal(s.run, null);
  assert.equal(s.from, '');
  assert.equal(s.hours, '');
  assert.equal(s.step, '');
  assert.equal(s.stepIndex, 0);
  assert.equal(s.lang, 'sv');
  assert.equal(s.evaluate, null);
  assert.deepEqual([...s.layers], [...d.layers]);
});

test('hours are FROM-TO in whole hours, may wrap past midnight, and are never empty', () => {
  assert.equal(validHours('18-6'), true);
  assert.equal(validHours('0-24'), false); // the same hour: the whole day is no filter
  assert.equal(validHours('22-23'), true);
  assert.equal(validHours('7-7'), false);
  assert.equal(validHours('25-3'), false);
  assert.equal(validHours('18:00-6'), false);
});

test('ISO weeks at the turn of the year are those of the calendar', () => {
  // 2024-12-30 (a Monday) starts week 1 of 2025; 2021-01-03 (a Sunday) ends week 53 of 2020.
  assert.deepEqual(isoWeek(parseDate('2024-12-30')), { year: 2025, week: 1 });
  assert.deepEqual(isoWeek(parseDate('2021-01-03')), { year: 2020, week: 53 });
  assert.deepEqual(isoWeek(parseDate('2024-01-01')), { year: 2024, week: 1 });
});

test('steps are calendar months or Monday-to-Sunday weeks, clipped to the domain', () => {
  const months = steps('month', '2024-01-15', '2024-03-10');
  assert.deepEqual(months.map((m) => [m.from, m.to]), [['2024-01-15', '2024-01-31'], ['2024-02-01', '2024-02-29'], ['2024-03-01', '2024-03-10']]);
  const weeks = steps('week', '2024-01-03', '2024-01-14');
  assert.deepEqual(weeks.map((w) => [w.week, w.from, w.to]), [[1, '2024-01-03', '2024-01-07'], [2, '2024-01-08', '2024-01-14']]);
  assert.deepEqual(steps('month', '2024-03-01', '2024-02-01'), []);
});

test('the period of the tiles is the chosen step, its index held to the last step', () => {
  const s = { ...defaultState(), step: 'month', stepIndex: 9 };
  const p = effectivePeriod(s, { from: '2024-01-01', to: '2024-03-31' });
  assert.deepEqual([p.from, p.to, p.count, p.index], ['2024-03-01', '2024-03-31', 3, 2]);
  assert.deepEqual(effectivePeriod({ ...defaultState(), from: '2024-05-01' }, null), { from: '2024-05-01', to: '', step: null, count: 0, index: 0 });
});

test('a layer gets only the filters its catalog entry takes, and the public view one month', () => {
  const s = { ...defaultState(), categories: ['violence'], reportCategories: ['graffiti'], sources: ['a'], hours: '18-6', run: 3 };
  const period = { from: '2024-01-01', to: '2024-01-31', today: '2024-06-15' };
  assert.equal(filterQuery('incidents', ['from', 'to', 'category', 'hours', 'source'], s, period), '?from=2024-01-01&to=2024-01-31&category=violence&source=a&hours=18-6');
  assert.equal(filterQuery('reports', ['category'], s, period), '?category=graffiti');
  assert.equal(filterQuery('hotspots', ['run'], s, period), '?run=3');
  assert.equal(filterQuery('lights', [], s, period), '');
  assert.equal(filterQuery('incidents', ['month', 'group'], s, { from: '', to: '', today: '2024-06-15' }), '?month=2024-06');
});
