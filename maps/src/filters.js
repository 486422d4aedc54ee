// The filters panel and the time slider: the form controls that change the store's filter keys, the tiles' URLs that
// follow them, stepping and playing through weeks or months, and the data's first and last month for the slider.

import { t, languages } from './i18n.js';
import { effectivePeriod, steps, validHours, formatDate } from './state.js';
import { SIZES } from './export.js';
import { escapeHtml } from './charts.js';
import { fetchJson } from './net.js';
import { viewer, $, api, state, markChanged, settled } from './viewer.js';
import { tileUrl, overlayUrl, publicView, seesExactly } from './urls.js';
import { hideBanner, periodText, updateSummaries } from './status.js';
import { availableLayers } from './layer-list.js';

const INCIDENT_GROUPS = ['violence', 'robbery', 'theft', 'burglary', 'vandalism', 'drugs', 'weapons', 'disorder', 'traffic', 'fire', 'other'];
const REPORT_CATEGORIES = ['vandalism', 'graffiti', 'littering', 'broken_light', 'gathering', 'unsafe_place', 'other'];

/** Points every tile and overlay layer at its URL under the current filters; a layer whose URL changed reloads. */
export function applyFilters() {
  clearTimeout(filterTimer);
  let changed = false;
  for (const [sourceId, layer] of Object.entries(viewer.sourceLayers)) {
    if (layer.get('static')) continue;
    const url = tileUrl(sourceId);
    if (layer.get('url') !== url) {
      layer.set('url', url);
      layer.getSource().setUrl(url);
      changed = true;
    }
  }
  for (const def of availableLayers().filter((d) => d.overlay)) {
    const layer = viewer.olLayers[def.id];
    const url = overlayUrl(def);
    if (layer && layer.get('url') !== url) {
      layer.set('url', url);
      layer.getSource().refresh(); // reloads with the new day when visible, else when it is turned on
      changed = true;
    }
  }
  viewer.candidates?.filtersChanged();
  viewer.plan?.runChanged();
  if (changed) {
    markChanged();
    viewer.map?.render(); // a hidden layer's new URL loads nothing, but the next rendercomplete marks it done
    viewer.tileErrors = 0;
    if ($('banner').dataset.kind === 'tiles') hideBanner();
  }
  updateSliderUi();
  updateSummaries();
}

let filterTimer = null;
/** While the slider is dragged: its label at once, the tiles 120 ms after the last move. */
export function applyFiltersSoon() {
  updateSliderUi();
  updateSummaries();
  clearTimeout(filterTimer);
  filterTimer = setTimeout(applyFilters, 120);
}

export function buildFilterControls() {
  const s = state();
  const checks = (containerId, values, prefix, selected) => {
    $(containerId).innerHTML = values
      .map(
        (v) =>
          `<label class="check"><input type="checkbox" value="${v}" ${selected.includes(v) ? 'checked' : ''} /> ${escapeHtml(t(`${prefix}.${v}`))}</label>`,
      )
      .join('');
  };
  checks('categories', INCIDENT_GROUPS, 'cat', s.categories);
  checks('report-categories', REPORT_CATEGORIES, 'rcat', s.reportCategories);
  const hourOptions = (select, from) => {
    select.innerHTML = '';
    select.add(new Option(t('filters.allHours'), ''));
    for (let h = from ? 0 : 1; h <= (from ? 23 : 24); h++) select.add(new Option(`${String(h).padStart(2, '0')}:00`, String(h)));
  };
  hourOptions($('hours-from'), true);
  hourOptions($('hours-to'), false);
  $('lang').innerHTML = '';
  for (const l of languages) $('lang').add(new Option(l.name, l.id));
  const sizes = $('export-size');
  const selected = sizes.value;
  sizes.innerHTML = '';
  for (const size of SIZES) sizes.add(new Option(`${size.w} × ${size.h} px`, size.id));
  sizes.add(new Option(t('export.custom'), 'custom'));
  sizes.value = selected || SIZES[0].id;
  if (!$('export-width').value) {
    $('export-width').value = SIZES[0].w;
    $('export-height').value = SIZES[0].h;
  }
  syncControls();
}

/** Puts the state into the form controls. */
export function syncControls() {
  const s = state();
  $('lang').value = s.lang;
  $('from').value = s.from;
  $('to').value = s.to;
  $('step').value = s.step;
  $('source').value = s.sources.join(', ');
  for (const box of $('categories').querySelectorAll('input')) box.checked = s.categories.includes(box.value);
  for (const box of $('report-categories').querySelectorAll('input')) box.checked = s.reportCategories.includes(box.value);
  const [a, b] = s.hours ? s.hours.split('-') : ['', ''];
  $('hours-from').value = a;
  $('hours-to').value = b;
  if ($('run').options.length) $('run').value = s.run === null ? '' : String(s.run);
  updateSliderUi();
  updateSummaries();
}

export function updateSliderUi() {
  const s = state();
  const on = Boolean(s.step);
  const domainFrom = s.from || viewer.dataDomain?.from;
  const domainTo = s.to || viewer.dataDomain?.to;
  const all = on && domainFrom && domainTo ? steps(s.step, domainFrom, domainTo) : [];
  const slider = $('slider');
  slider.disabled = !all.length;
  for (const id of ['prev', 'play', 'next']) $(id).disabled = !all.length;
  slider.max = String(Math.max(0, all.length - 1));
  const index = all.length ? Math.min(s.stepIndex, all.length - 1) : s.stepIndex;
  slider.value = String(index);
  const label = all.length ? periodText() : on ? t('state.loading') : t('period.all');
  $('step-label').textContent = label;
  slider.setAttribute('aria-valuetext', label);
  $('play').textContent = viewer.playing ? '❚❚' : '▶';
  $('play').setAttribute('aria-pressed', String(viewer.playing));
  $('play').setAttribute('aria-label', t(viewer.playing ? 'filters.pause' : 'filters.play'));
  $('play').title = t(viewer.playing ? 'filters.pause' : 'filters.play');
  // A shorter period leaves fewer steps: the index follows (the tiles already took the last step).
  if (index !== s.stepIndex) viewer.store.update({ stepIndex: index });
}

/** The filters as the form controls show them. */
function readFilterControls() {
  let from = $('from').value;
  let to = $('to').value;
  if (from && to && from > to) [from, to] = [to, from];
  const a = $('hours-from').value;
  const b = $('hours-to').value;
  const hours = a !== '' && b !== '' ? `${a}-${b}` : '';
  return {
    from,
    to,
    categories: [...$('categories').querySelectorAll('input:checked')].map((box) => box.value),
    reportCategories: [...$('report-categories').querySelectorAll('input:checked')].map((box) => box.value),
    sources: $('source')
      .value.split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    hours: hours && validHours(hours) ? hours : '',
  };
}

/** The same filters as before keep their arrays, so an unchanged list is no change. */
function keepEqual(patch) {
  const s = state();
  for (const key of ['categories', 'reportCategories', 'sources']) {
    if (patch[key].length === s[key].length && patch[key].every((v, i) => v === s[key][i])) patch[key] = s[key];
  }
  return patch;
}

export function wireFilterControls() {
  const store = viewer.store;
  const onChange = () => store.update(keepEqual(readFilterControls()));
  for (const id of ['from', 'to', 'source', 'hours-from', 'hours-to']) $(id).addEventListener('change', onChange);
  $('categories').addEventListener('change', onChange);
  $('report-categories').addEventListener('change', onChange);
  $('step').addEventListener('change', async () => {
    const step = $('step').value;
    // The slider's range needs the data's first and last month: found before the tiles change, so they change once.
    if (step && !viewer.dataDomain && !(state().from && state().to)) await ensureDataDomain();
    if (!store.update({ step, stepIndex: 0 }).size) applyFilters();
  });
  $('slider').addEventListener('input', () => store.update({ stepIndex: Number($('slider').value) }, { debounce: true }));
  $('slider').addEventListener('change', () => {
    if (!store.update({ stepIndex: Number($('slider').value) }).size) applyFilters();
  });
  $('prev').addEventListener('click', () => stepBy(-1));
  $('next').addEventListener('click', () => stepBy(1));
  $('play').addEventListener('click', () => (viewer.playing ? stopPlaying() : startPlaying()));
  $('reset').addEventListener('click', () => {
    stopPlaying();
    store.update({ from: '', to: '', step: '', stepIndex: 0, categories: [], reportCategories: [], sources: [], hours: '' });
    syncControls();
  });
  $('run').addEventListener('change', () => store.update({ run: $('run').value === '' ? null : Number($('run').value) }));
  $('lang').addEventListener('change', () => store.update({ lang: $('lang').value }));
}

function stepCount() {
  return effectivePeriod(state(), viewer.dataDomain).count;
}

function stepBy(delta) {
  const n = stepCount();
  if (!n) return;
  viewer.store.update((s) => ({ stepIndex: (s.stepIndex + delta + n) % n }));
}

function waitSettled() {
  return new Promise((resolve) => {
    const check = () => (settled() ? resolve() : viewer.map.once('rendercomplete', () => setTimeout(check, 0)));
    check();
  });
}

async function startPlaying() {
  if (!stepCount()) return;
  viewer.playing = true;
  updateSliderUi();
  while (viewer.playing) {
    await waitSettled();
    await new Promise((r) => setTimeout(r, 900));
    if (!viewer.playing) break;
    const n = stepCount();
    viewer.store.update((s) => ({ stepIndex: s.stepIndex >= n - 1 ? 0 : s.stepIndex + 1 }));
  }
}

export function stopPlaying() {
  viewer.playing = false;
  updateSliderUi();
}

/**
 * The first and last month of the incidents, for the slider's range: the OGC collection's temporal
 * extent when the service gives one, else found by bisection on numberMatched over monthly bounds.
 */
let domainPromise = null;
export function ensureDataDomain() {
  domainPromise ??= probeDataDomain().then((d) => {
    if (!d) domainPromise = null; // try again next time
    return d;
  });
  return domainPromise;
}

async function probeDataDomain() {
  if (viewer.dataDomain) return viewer.dataDomain;
  // The public view offers no incidents as OGC features, so no first or last time either (that would date events).
  if (publicView() || !seesExactly('incidents')) return null;
  const count = async (datetime) => {
    const page = await fetchJson(api(`/ogc/collections/incidents/items?limit=1&datetime=${encodeURIComponent(datetime)}`));
    return page.numberMatched ?? 0;
  };
  try {
    const collection = await fetchJson(api('/ogc/collections/incidents'));
    const interval = collection.extent?.temporal?.interval?.[0];
    if (interval?.[0] && interval?.[1]) {
      viewer.dataDomain = { from: interval[0].slice(0, 10), to: interval[1].slice(0, 10) };
      return viewer.dataDomain;
    }
    if ((await count('../9999-12-31T23:59:59Z')) === 0) return null;
    const now = new Date();
    const months = [];
    for (let y = 2000; y <= now.getUTCFullYear() + 1; y++) for (let m = 0; m < 12; m++) months.push([y, m]);
    const start = ([y, m]) => `${y}-${String(m + 1).padStart(2, '0')}-01T00:00:00Z`;
    const end = ([y, m]) => `${formatDate(new Date(Date.UTC(y, m + 1, 0)))}T23:59:59Z`;
    // First month whose end has events before it; last month whose start has events after it.
    let lo = 0;
    let hi = months.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((await count(`../${end(months[mid])}`)) > 0) hi = mid;
      else lo = mid + 1;
    }
    const first = months[lo];
    lo = 0;
    hi = months.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((await count(`${start(months[mid])}/..`)) > 0) lo = mid;
      else hi = mid - 1;
    }
    const last = months[lo];
    viewer.dataDomain = { from: start(first).slice(0, 10), to: end(last).slice(0, 10) };
    if (!$('from').min) {
      for (const id of ['from', 'to']) {
        $(id).min = viewer.dataDomain.from;
        $(id).max = viewer.dataDomain.to;
      }
    }
    return viewer.dataDomain;
  } catch {
    return null;
  }
}
