// The view state — centre, zoom, visible layers, opacities, hotspot run, filters, time step and
// language — and its text form in the URL hash, so a link shared in an EST meeting opens the same map.

export const DEFAULT_LAYERS = ['basemap', 'focus_areas', 'measures', 'hotspots', 'incidents', 'lights', 'cameras'];

export function defaultState() {
  return {
    center: null, // [lon, lat]; null: fit to the data
    zoom: null,
    layers: new Set(DEFAULT_LAYERS),
    opacity: {},
    run: null, // analysis run id; null: the latest
    from: '',
    to: '',
    step: '', // '', 'week' or 'month'
    stepIndex: 0,
    categories: [],
    reportCategories: [],
    sources: [],
    hours: '', // e.g. '18-6'
    lang: 'sv',
    evaluate: null, // {id, before, after, buffer, darkOnly}: the evaluation page of a measure, when open
    plan: null, // {shift, patrols, minutes, area, seed}: the presence plan page's inputs, when open with a plan
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOURS = /^(\d{1,2})-(\d{1,2})$/;

function list(text) {
  return text ? text.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** Reads a hash such as #map=14.5/59.51/15.99&layers=basemap,hotspots&from=2024-01-01 over the defaults. */
export function parseHash(hash, base = defaultState()) {
  const state = { ...base, layers: new Set(base.layers), opacity: { ...base.opacity } };
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const map = params.get('map');
  if (map) {
    const [z, lat, lon] = map.split('/').map(Number);
    if ([z, lat, lon].every(Number.isFinite) && z >= 0 && z <= 24 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) {
      state.zoom = z;
      state.center = [lon, lat];
    }
  }
  if (params.has('layers')) state.layers = new Set(list(params.get('layers')));
  if (params.has('opacity')) {
    for (const pair of list(params.get('opacity'))) {
      const [id, v] = pair.split(':');
      const value = Number(v);
      if (id && Number.isFinite(value) && value >= 0 && value <= 1) state.opacity[id] = value;
    }
  }
  const run = params.get('run');
  if (run && /^\d+$/.test(run)) state.run = Number(run);
  for (const key of ['from', 'to']) {
    const v = params.get(key);
    if (v && DATE.test(v)) state[key] = v;
  }
  const step = params.get('step');
  if (step === 'week' || step === 'month') state.step = step;
  const ti = Number(params.get('t'));
  if (Number.isInteger(ti) && ti >= 0) state.stepIndex = ti;
  if (params.has('cat')) state.categories = list(params.get('cat'));
  if (params.has('rcat')) state.reportCategories = list(params.get('rcat'));
  if (params.has('source')) state.sources = list(params.get('source'));
  const hours = params.get('hours');
  if (hours && validHours(hours)) state.hours = hours;
  const measure = params.get('eval');
  if (measure && /^[\w.-]{1,64}$/.test(measure)) {
    const [before, after, buffer] = (params.get('ewin') ?? '').split(',').map((v) => (/^\d+(\.\d+)?$/.test(v ?? '') ? Number(v) : null));
    state.evaluate = { id: measure, before: before ?? null, after: after ?? null, buffer: buffer ?? null, darkOnly: params.get('edark') === '1' };
  }
  const shift = params.get('plan');
  if (shift && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\/\d{2}:\d{2}$/.test(shift)) {
    const positive = (v) => (/^\d+(\.\d+)?$/.test(v ?? '') && Number(v) > 0 ? Number(v) : null);
    state.plan = {
      shift,
      patrols: Number.isInteger(positive(params.get('pn'))) ? positive(params.get('pn')) : 2,
      minutes: positive(params.get('pmin')),
      area: (params.get('parea') ?? '').slice(0, 200),
      seed: Number.isInteger(positive(params.get('pseed'))) ? positive(params.get('pseed')) : 1,
    };
  }
  const lang = params.get('lang');
  if (lang === 'sv' || lang === 'en') state.lang = lang;
  return state;
}

export function validHours(text) {
  const m = HOURS.exec(text);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a <= 24 && b <= 24 && a % 24 !== b % 24;
}

/** The hash for a state; only what differs from the defaults, in a stable order. */
export function formatHash(state) {
  const parts = [];
  if (state.center && state.zoom !== null) {
    parts.push(`map=${state.zoom.toFixed(2)}/${state.center[1].toFixed(5)}/${state.center[0].toFixed(5)}`);
  }
  const layers = [...state.layers].sort();
  if (layers.join(',') !== [...DEFAULT_LAYERS].sort().join(',')) parts.push(`layers=${layers.join(',')}`);
  const opacity = Object.entries(state.opacity)
    .filter(([, v]) => v !== 1)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, v]) => `${id}:${Math.round(v * 100) / 100}`);
  if (opacity.length) parts.push(`opacity=${opacity.join(',')}`);
  if (state.run !== null) parts.push(`run=${state.run}`);
  if (state.from) parts.push(`from=${state.from}`);
  if (state.to) parts.push(`to=${state.to}`);
  if (state.step) parts.push(`step=${state.step}`, `t=${state.stepIndex}`);
  if (state.categories.length) parts.push(`cat=${state.categories.map(encodeURIComponent).join(',')}`);
  if (state.reportCategories.length) parts.push(`rcat=${state.reportCategories.map(encodeURIComponent).join(',')}`);
  if (state.sources.length) parts.push(`source=${state.sources.map(encodeURIComponent).join(',')}`);
  if (state.hours) parts.push(`hours=${state.hours}`);
  if (state.evaluate) {
    const e = state.evaluate;
    parts.push(`eval=${encodeURIComponent(e.id)}`);
    if (e.before !== null || e.after !== null || e.buffer !== null) parts.push(`ewin=${[e.before, e.after, e.buffer].map((v) => v ?? '').join(',')}`);
    if (e.darkOnly) parts.push('edark=1');
  }
  if (state.plan) {
    const p = state.plan;
    parts.push(`plan=${p.shift}`, `pn=${p.patrols}`);
    if (p.minutes) parts.push(`pmin=${p.minutes}`);
    if (p.area) parts.push(`parea=${encodeURIComponent(p.area)}`);
    parts.push(`pseed=${p.seed ?? 1}`);
  }
  if (state.lang !== 'sv') parts.push(`lang=${state.lang}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

// ---- dates (calendar days, no time zone: the service reads them as Stockholm dates) ----

export function parseDate(text) {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function formatDate(date) {
  return date.toISOString().slice(0, 10);
}

function addDays(date, n) {
  return new Date(date.getTime() + n * 86400000);
}

/** ISO 8601 week number and its year. */
export function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d - firstThursday) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return { year, week };
}

/**
 * The steps of the time slider over [domainFrom, domainTo] (dates YYYY-MM-DD): whole weeks (Monday to
 * Sunday) or calendar months, each clipped to the domain.
 */
export function steps(kind, domainFrom, domainTo) {
  const start = parseDate(domainFrom);
  const end = parseDate(domainTo);
  if (!(start <= end)) return [];
  const out = [];
  if (kind === 'month') {
    let y = start.getUTCFullYear();
    let m = start.getUTCMonth();
    for (let i = 0; i < 1200; i++) {
      const first = new Date(Date.UTC(y, m, 1));
      if (first > end) break;
      const last = new Date(Date.UTC(y, m + 1, 0));
      out.push({
        kind,
        year: y,
        month: m + 1,
        from: formatDate(first < start ? start : first),
        to: formatDate(last > end ? end : last),
      });
      m += 1;
      if (m === 12) {
        m = 0;
        y += 1;
      }
    }
  } else if (kind === 'week') {
    let monday = addDays(start, -((start.getUTCDay() + 6) % 7));
    for (let i = 0; i < 5300 && monday <= end; i++) {
      const sunday = addDays(monday, 6);
      out.push({
        kind,
        ...isoWeek(monday),
        from: formatDate(monday < start ? start : monday),
        to: formatDate(sunday > end ? end : sunday),
      });
      monday = addDays(monday, 7);
    }
  }
  return out;
}

/**
 * The period the tiles are filtered to: the time step's window when the slider is on, else the
 * from/to dates (either may be empty: open).
 */
export function effectivePeriod(state, domain) {
  const from = state.from || domain?.from;
  const to = state.to || domain?.to;
  if (state.step && from && to) {
    const all = steps(state.step, from, to);
    if (all.length) {
      const s = all[Math.min(state.stepIndex, all.length - 1)];
      return { from: s.from, to: s.to, step: s, count: all.length, index: Math.min(state.stepIndex, all.length - 1) };
    }
  }
  return { from: state.from, to: state.to, step: null, count: 0, index: 0 };
}

/** The query string of the filters that a layer takes (its catalog "filters"). */
export function filterQuery(layerId, filters, state, period) {
  const q = new URLSearchParams();
  const takes = (name) => filters.includes(name);
  if (takes('from') && period.from) q.set('from', period.from);
  if (takes('to') && period.to) q.set('to', period.to);
  const cats = layerId === 'reports' ? state.reportCategories : state.categories;
  if (takes('category') && cats.length) q.set('category', cats.join(','));
  if (takes('source') && state.sources.length) q.set('source', state.sources.join(','));
  if (takes('hours') && state.hours) q.set('hours', state.hours);
  if (takes('run') && state.run !== null) q.set('run', String(state.run));
  // The public view counts whole calendar months only: the month the period ends in (else this month).
  if (takes('month')) q.set('month', (period.to || period.today || '').slice(0, 7));
  const text = q.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}
