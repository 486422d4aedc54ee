// GeoTrygghet's web map viewer: the service's layers on an OpenLayers map, with filters, a time
// slider, feature details, a shareable URL and PNG export. Everything it reads comes from the service
// that serves it (/tiles, /raster, /ogc), so it works offline.

import 'ol/ol.css';
import './style.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { intersects } from 'ol/extent.js';
import { defaults as defaultControls, ScaleLine } from 'ol/control.js';
import { t, setLanguage, languages, translateDom, monthName, formatNumber } from './i18n.js';
import {
  parseHash,
  formatHash,
  effectivePeriod,
  filterQuery,
  steps,
  validHours,
  formatDate,
  parseDate,
} from './state.js';
import { LAYERS, createLayer, tileLayersOf, legendSvg } from './layers.js';
import { Panel } from './panel.js';
import { SIZES, renderExport, canvasToBlob } from './export.js';
import { escapeHtml } from './charts.js';
import { fetchJson, stockholmToday } from './net.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { Candidates } from './candidates.js';
import { Evaluation, MeasureList } from './evaluation.js';
import { AnalysisForm } from './analysis.js';
import { PlanPage } from './plan.js';

const INCIDENT_GROUPS = ['violence', 'robbery', 'theft', 'burglary', 'vandalism', 'drugs', 'weapons', 'disorder', 'traffic', 'fire', 'other'];
const REPORT_CATEGORIES = ['vandalism', 'graffiti', 'littering', 'broken_light', 'gathering', 'unsafe_place', 'other'];
const CLICK_ORDER = ['candidates', 'incidents', 'reports', 'lights', 'cameras', 'measures', 'camera_views', 'hotspots', 'watched', 'lit', 'focus_areas'];

const $ = (id) => document.getElementById(id);
const base = new URL('.', window.location.href);
const api = (path) => base.href + path.replace(/^\//, ''); // string concatenation keeps the {z}/{x}/{y} placeholders

let state = parseHash(window.location.hash);
let catalog = null; // the /tiles answer
let map = null;
let panel = null;
let candidates = null;
let evaluation = null;
let measureList = null;
let analysis = null;
let plan = null;
const overlayInfo = {}; // overlay layer id -> {state: loading|ready|error, properties, error}
const olLayers = {}; // viewer layer id -> OpenLayers layer
const sourceLayers = {}; // service layer id -> VectorTileLayer / TileLayer
let dataDomain = null; // {from, to} of the incidents, for the time slider
let playing = false;
let tileErrors = 0;
let pendingTiles = 0;
let changeSeq = 0;
let renderedSeq = -1;
const tileFeatures = {}; // service layer id -> Map(url -> {z, features})

// ------------------------------------------------------------------ test and diagnostics hook

const hook = {
  firstDrawMs: null,
  renderCount: 0,
  get map() {
    return map;
  },
  get state() {
    return state;
  },
  get catalog() {
    return catalog;
  },
  get pendingTiles() {
    return pendingTiles;
  },
  get dataDomain() {
    return dataDomain;
  },
  /** True when the map has drawn everything since the last change of state. */
  settled() {
    return map !== null && pendingTiles === 0 && renderedSeq >= changeSeq;
  },
  tileUrl: (id) => tileUrl(id),
  counts: (id) => renderedCounts(id),
  /** The properties of the features of a layer drawn in the current view with the current filters. */
  renderedProperties: (id) => renderedFeatures(id).map((f) => {
    const p = { ...f.getProperties() };
    delete p.geometry;
    return p;
  }),
  period: () => effectivePeriod(state, dataDomain),
  pixelFor: (lonLat) => map.getPixelFromCoordinate(fromLonLat(lonLat)),
  /** The pixel of the rendered feature of a layer that best matches `where`, for clicking in tests. */
  findFeaturePixel: (id, where) => findFeaturePixel(id, where),
  /** The features of a GeoJSON layer (lit, watched, candidates, drawn) as {properties, lonLat of the first coordinate}. */
  layerFeatures: (id) =>
    (olLayers[id]?.getSource()?.getFeatures() ?? []).map((f) => {
      const p = { ...f.getProperties() };
      delete p.geometry;
      return { properties: p, lonLat: toLonLat(f.getGeometry().getFirstCoordinate()), type: f.getGeometry().getType() };
    }),
  overlayInfo: (id) => overlayInfo[id] ?? null,
  overlayUrl: (id) => overlayUrl(LAYERS.find((d) => d.id === id)),
  get analysis() {
    return analysis;
  },
  get plan() {
    return plan;
  },
  exportCanvas: async (w, h) => {
    const canvas = await renderExport(map, w, h, exportInfo());
    return canvas.toDataURL('image/png');
  },
};
window.__gt = hook;

function markChanged() {
  changeSeq += 1;
}

// ------------------------------------------------------------------ URLs

function catalogLayer(id) {
  return catalog?.layers.find((l) => l.id === id);
}

function filtersOf(sourceId) {
  const layer = catalogLayer(sourceId === 'heatmap' ? 'incidents' : sourceId);
  return layer?.filters ?? [];
}

function queryFor(sourceId) {
  const period = effectivePeriod(state, dataDomain);
  const s = { ...state };
  if (sourceId === 'hotspots' && s.run === null && catalog?.runs?.length) s.run = catalog.runs[0].id;
  return filterQuery(sourceId === 'heatmap' ? 'incidents' : sourceId, filtersOf(sourceId), s, { ...period, today: stockholmToday() });
}

function tileUrl(sourceId) {
  if (sourceId === 'heatmap') return api(`/raster/heatmap/{z}/{x}/{y}.png${queryFor('heatmap')}`);
  return api(`/tiles/${sourceId}/{z}/{x}/{y}.mvt${queryFor(sourceId)}`);
}

/** The day of the lit and watched overlays: the end of the chosen period, else today (Stockholm). */
function overlayDay() {
  return effectivePeriod(state, dataDomain).to || stockholmToday();
}

function overlayUrl(def) {
  return api(`${def.overlay}?day=${overlayDay()}`);
}

/** Loads a GeoJSON overlay layer (lit, watched) with the problem detail on failure, and notes what it holds. */
function overlayLoader(def) {
  return function load(extent, resolution, projection, success, failure) {
    const source = this;
    const url = overlayUrl(def);
    overlayInfo[def.id] = { state: 'loading', url };
    updateOverlayNote(def.id);
    fetchJson(url)
      .then((json) => {
        if (olLayers[def.id]?.get('url') !== url) return success([]); // a newer day was asked for meanwhile
        const features = new GeoJSON().readFeatures(json, { featureProjection: projection });
        source.addFeatures(features);
        overlayInfo[def.id] = { state: 'ready', url, properties: json.features.map((f) => f.properties) };
        updateOverlayNote(def.id);
        success(features);
      })
      .catch((e) => {
        overlayInfo[def.id] = { state: 'error', url, error: e.message };
        updateOverlayNote(def.id);
        showBanner(t('overlay.error', { layer: t(`layer.${def.id}`), error: e.message }), false);
        $('banner').dataset.kind = 'tiles';
        failure();
      });
  };
}

function areaText(m2) {
  return m2 >= 100000 ? `${formatNumber(m2 / 1e6, 2)} km²` : `${formatNumber(m2)} m²`;
}

function updateOverlayNote(id) {
  const note = $(`note-${id}`);
  if (!note) return;
  const info = overlayInfo[id];
  note.classList.toggle('error', info?.state === 'error');
  if (!info) note.textContent = '';
  else if (info.state === 'loading') note.textContent = t('overlay.loading');
  else if (info.state === 'error') note.textContent = t('overlay.error', { layer: t(`layer.${id}`), error: info.error });
  else if (id === 'lit') {
    const p = info.properties[0] ?? {};
    note.textContent = t('overlay.litNote', { day: p.day ?? '', working: formatNumber(p.lamps_working ?? 0), out: formatNumber(p.lamps_out ?? 0), area: areaText(p.area_m2 ?? 0) });
  } else {
    const area = info.properties.reduce((sum, p) => sum + (Number(p.area_m2) || 0), 0);
    note.textContent = t('overlay.watchedNote', { day: new URL(info.url).searchParams.get('day'), n: formatNumber(info.properties.length), area: areaText(area) });
  }
}

// ------------------------------------------------------------------ banner, notice, status

function showBanner(text, retry) {
  $('banner-text').textContent = text;
  $('banner-retry').hidden = !retry;
  $('banner').hidden = false;
  $('banner').dataset.kind = retry ? 'service-down' : 'tiles';
}

function hideBanner() {
  $('banner').hidden = true;
  $('banner').dataset.kind = '';
}

function onTileError() {
  tileErrors += 1;
  showBanner(t('state.tileErrors', { n: tileErrors }), false);
}

function periodText() {
  const p = effectivePeriod(state, dataDomain);
  if (p.step) {
    return p.step.kind === 'month'
      ? monthName(p.step.year, p.step.month)
      : `${t('period.week', { week: p.step.week, year: p.step.year })} (${p.from} – ${p.to})`;
  }
  if (p.from && p.to) return t('period.range', { from: p.from, to: p.to });
  if (p.from) return t('period.from', { from: p.from });
  if (p.to) return t('period.to', { to: p.to });
  return t('period.all');
}

function filterText() {
  const parts = [];
  if (state.categories.length) parts.push(state.categories.map((c) => t(`cat.${c}`)).join(', '));
  if (state.reportCategories.length) parts.push(`EST: ${state.reportCategories.map((c) => t(`rcat.${c}`)).join(', ')}`);
  if (state.sources.length) parts.push(`${t('filters.source')}: ${state.sources.join(', ')}`);
  if (state.hours) {
    const [a, b] = state.hours.split('-');
    parts.push(`${String(a).padStart(2, '0')}:00–${String(b).padStart(2, '0')}:00`);
  }
  return parts.join('; ');
}

function updateSummaries() {
  const period = periodText();
  const filters = filterText();
  $('period-badge').textContent = filters ? `${period} · ${filters}` : period;
  const any = state.from || state.to || state.step || filters;
  $('filter-summary').textContent = any ? t('filters.active', { text: [period, filters].filter(Boolean).join('; ') }) : t('filters.none');
}

// ------------------------------------------------------------------ rendered features (for the no-data state and tests)

function recordTile(sourceId, tile) {
  const features = tile.getFeatures?.() ?? [];
  let byUrl = tileFeatures[sourceId];
  if (!byUrl) byUrl = tileFeatures[sourceId] = new globalThis.Map();
  byUrl.delete(tile.key);
  byUrl.set(tile.key, { z: tile.tileCoord[0], features, extent: null, coord: tile.tileCoord });
  if (byUrl.size > 800) byUrl.delete(byUrl.keys().next().value);
}

/** Features of a service layer drawn in the current view with the current filters: {features, total}. */
function renderedCounts(sourceId) {
  const list = renderedFeatures(sourceId);
  let total = 0;
  for (const f of list) total += f.get('id') === undefined && f.get('count') !== undefined ? Number(f.get('count')) : 1;
  return { features: list.length, total, tiles: list.tiles ?? 0 };
}

/** The features of the current tiles (current filters, current zoom) that lie in the view, once each. */
function renderedFeatures(sourceId) {
  const layer = sourceLayers[sourceId];
  const byUrl = tileFeatures[sourceId];
  const out = [];
  if (!layer || !byUrl || !map || layer.get('static')) return out;
  const source = layer.getSource();
  const view = map.getView();
  const extent = view.calculateExtent(map.getSize());
  const grid = source.getTileGrid();
  const z = grid.getZForResolution(view.getResolution(), source.zDirection ?? 0);
  const prefix = tileUrl(sourceId).split('{z}')[0];
  const suffix = tileUrl(sourceId).split('{y}')[1];
  const seen = new Set();
  let tiles = 0;
  for (const [url, entry] of byUrl) {
    if (entry.z !== z || !url.startsWith(prefix) || !url.endsWith(suffix)) continue;
    if (!intersects(grid.getTileCoordExtent(entry.coord), extent)) continue;
    tiles += 1;
    for (const f of entry.features) {
      if (!intersects(f.getExtent(), extent)) continue;
      const id = f.get('id');
      if (id !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      out.push(f);
    }
  }
  out.tiles = tiles;
  return out;
}

function updateNoDataNotice() {
  const watched = ['incidents', 'reports'].filter((id) => state.layers.has(id) && sourceLayers[id]);
  if (!watched.length) {
    $('notice').hidden = true;
    return;
  }
  const total = watched.reduce((sum, id) => sum + renderedCounts(id).total, 0);
  $('notice').textContent = t('state.noData');
  $('notice').hidden = total > 0;
}

function findFeaturePixel(sourceId, where = {}) {
  const byUrl = tileFeatures[sourceId];
  if (!byUrl) return null;
  const extent = map.getView().calculateExtent(map.getSize());
  let best = null;
  for (const entry of byUrl.values()) {
    for (const f of entry.features) {
      if (!Object.entries(where).every(([k, v]) => String(f.get(k)) === String(v))) continue;
      const e = f.getExtent();
      // A point inside a polygon (a curved measure's extent centre may lie outside it).
      const type = f.getType?.();
      const inner = type === 'Polygon' ? f.getFlatInteriorPoint?.() : type === 'MultiPolygon' ? f.getFlatInteriorPoints?.() : null;
      const c = inner && inner.length >= 2 ? [inner[0], inner[1]] : [(e[0] + e[2]) / 2, (e[1] + e[3]) / 2];
      if (!intersects([c[0], c[1], c[0], c[1]], extent)) continue;
      const score = Number(f.get('z') ?? f.get('count') ?? 0);
      if (!best || score > best.score) best = { score, coordinate: c, props: f.getProperties() };
    }
  }
  if (!best) return null;
  const pixel = map.getPixelFromCoordinate(best.coordinate);
  const rect = map.getTargetElement().getBoundingClientRect();
  return { x: rect.left + pixel[0], y: rect.top + pixel[1], props: best.props };
}

// ------------------------------------------------------------------ URL hash

function writeHash() {
  if (map) {
    const view = map.getView();
    const center = view.getCenter();
    if (center) {
      state.center = toLonLat(center);
      state.zoom = view.getZoom();
    }
  }
  const hash = formatHash(state);
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(null, '', url);
  }
}

window.addEventListener('hashchange', () => {
  const next = parseHash(window.location.hash);
  const langChanged = next.lang !== state.lang;
  state = next;
  if (langChanged) applyLanguage();
  if (map && state.center && state.zoom !== null) {
    map.getView().setCenter(fromLonLat(state.center));
    map.getView().setZoom(state.zoom);
  }
  if (catalog) {
    buildRuns();
    buildLayerList();
  }
  syncControls();
  applyLayers();
  applyFilters();
  if (evaluation && map) {
    if (state.evaluate) evaluation.open(state.evaluate.id, state.evaluate);
    else if (evaluation.isOpen) evaluation.close();
  }
  if (plan) {
    if (state.plan) plan.restore(state.plan);
    else if (plan.isOpen) plan.close();
  }
});

// ------------------------------------------------------------------ layers

/** A service started with --public: events only as counts per cell and month, no heat map, overlays, candidates or plans. */
function publicView() {
  return filtersOf('incidents').includes('month');
}

/**
 * The public view has no hotspot runs, analyses, candidates or plans, and takes no hour, category or source filter:
 * their sections are not shown, rather than offered and refused.
 */
function hideNonPublicTools() {
  for (const heading of ['runs-heading', 'an-heading', 'cand-heading', 'plan-heading']) $(heading).closest('section').hidden = true;
  for (const id of ['categories', 'report-categories', 'hours-from']) $(id).closest('fieldset').hidden = true;
  $('source').closest('label').hidden = true;
}

function availableLayers() {
  return LAYERS.filter((def) => {
    if (publicView() && (def.raster || def.overlay || def.id === 'candidates' || def.id === 'plan')) return false;
    if (def.raster) return catalogLayer('incidents');
    if (def.overlay) return catalogLayer(def.id === 'lit' ? 'lights' : 'cameras');
    if (def.local) return true;
    return def.sources.every((s) => catalogLayer(s));
  });
}

function legendOf(def) {
  return def.legendFor ? def.legendFor(currentRun(), def.legend) : def.legend;
}

function buildLayerList() {
  const list = $('layer-list');
  list.innerHTML = '';
  for (const def of [...availableLayers()].reverse()) {
    const li = document.createElement('li');
    li.className = 'layer';
    li.dataset.layer = def.id;
    const checked = state.layers.has(def.id) ? 'checked' : '';
    const opacity = Math.round((state.opacity[def.id] ?? def.opacity ?? 1) * 100);
    li.innerHTML = `
      <div class="layer-head">
        <input type="checkbox" id="layer-${def.id}" ${checked} />
        <label for="layer-${def.id}">${escapeHtml(t(`layer.${def.id}`))}</label>
        <input type="range" class="opacity" id="opacity-${def.id}" min="0" max="100" step="5" value="${opacity}" aria-label="${escapeHtml(t('layers.opacity', { layer: t(`layer.${def.id}`) }))}" />
      </div>
      <ul class="legend" ${state.layers.has(def.id) ? '' : 'hidden'}>${legendOf(def)
        .map((item) => `<li>${legendSvg(item)}<span>${escapeHtml(t(item.label))}</span></li>`)
        .join('')}</ul>${def.overlay ? `<p class="layer-note" id="note-${def.id}" data-testid="note-${def.id}" aria-live="polite" ${state.layers.has(def.id) ? '' : 'hidden'}></p>` : ''}`;
    li.querySelector(`#layer-${def.id}`).addEventListener('change', (e) => {
      if (e.target.checked) state.layers.add(def.id);
      else state.layers.delete(def.id);
      li.querySelector('.legend').hidden = !e.target.checked;
      const note = li.querySelector('.layer-note');
      if (note) note.hidden = !e.target.checked;
      applyLayers();
      writeHash();
    });
    li.querySelector(`#opacity-${def.id}`).addEventListener('input', (e) => {
      state.opacity[def.id] = Number(e.target.value) / 100;
      olLayers[def.id]?.setOpacity(state.opacity[def.id]);
      writeHash();
    });
    list.appendChild(li);
    if (def.overlay) updateOverlayNote(def.id);
  }
}

function applyLayers() {
  for (const def of availableLayers()) {
    const layer = olLayers[def.id];
    if (!layer) continue;
    const visible = state.layers.has(def.id);
    if (layer.getVisible() !== visible) {
      layer.setVisible(visible);
      markChanged();
    }
    layer.setOpacity(state.opacity[def.id] ?? def.opacity ?? 1);
    const box = $(`layer-${def.id}`);
    if (box) {
      box.checked = visible;
      box.closest('li').querySelector('.legend').hidden = !visible;
      const note = box.closest('li').querySelector('.layer-note');
      if (note) note.hidden = !visible;
    }
  }
  updateNoDataNotice();
}

function applyFilters() {
  let changed = false;
  for (const [sourceId, layer] of Object.entries(sourceLayers)) {
    if (layer.get('static')) continue;
    const url = tileUrl(sourceId);
    if (layer.get('url') !== url) {
      layer.set('url', url);
      layer.getSource().setUrl(url);
      changed = true;
    }
  }
  for (const def of availableLayers().filter((d) => d.overlay)) {
    const layer = olLayers[def.id];
    const url = overlayUrl(def);
    if (layer && layer.get('url') !== url) {
      layer.set('url', url);
      layer.getSource().refresh(); // reloads with the new day when visible, else when it is turned on
      changed = true;
    }
  }
  candidates?.filtersChanged();
  plan?.runChanged();
  if (changed) {
    markChanged();
    map?.render(); // a hidden layer's new URL loads nothing, but the next rendercomplete marks it done
    tileErrors = 0;
    if ($('banner').dataset.kind === 'tiles') hideBanner();
  }
  updateSliderUi();
  updateSummaries();
  writeHash();
}

// ------------------------------------------------------------------ runs

function runName(id) {
  const run = catalog?.runs?.find((r) => r.id === Number(id));
  return run ? `${run.name} (${run.method})` : `#${id}`;
}

function currentRun() {
  if (!catalog?.runs?.length) return null;
  return catalog.runs.find((r) => r.id === state.run) ?? (state.run === null ? catalog.runs[0] : null);
}

function paramValue(key, v) {
  const text = typeof v === 'number' ? formatNumber(v, 4) : String(v);
  return /_m$/.test(key) && typeof v === 'number' ? `${text} m` : text;
}

/** The run's parameters as list items: "cell size (cell_m): 50 m, automatic". */
function describeParameters(run) {
  const params = run.parameters ?? run.report?.Parameters ?? run.report?.parameters;
  if (!params || typeof params !== 'object') return null;
  const automatic = run.automatic ?? {};
  const items = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => {
      const label = t(`param.${k}`) === `param.${k}` ? k : `${t(`param.${k}`)} (${k})`;
      const auto = automatic[k];
      return `<li data-testid="run-param" data-key="${escapeHtml(k)}" data-value="${escapeHtml(String(v))}"${auto ? ` data-automatic="true" title="${escapeHtml(String(auto))}"` : ''}>${escapeHtml(label)}: ${escapeHtml(paramValue(k, v))}${auto ? ` <em>(${escapeHtml(t('runs.automatic'))})</em>` : ''}</li>`;
    });
  return items.length ? `<ul class="run-params">${items.join('')}</ul>` : null;
}

/** The event filters the run was made with; the weights become "counts: police incidents". */
function describeRunFilters(run) {
  const filters = run.filters;
  if (!filters || typeof filters !== 'object') return null;
  const parts = [];
  for (const [k, v] of Object.entries(filters)) {
    if (v === null || v === undefined || v === false || (Array.isArray(v) && !v.length) || /_weight$/.test(k)) continue;
    const value = k === 'area_polygon' ? t('runs.drawnArea') : Array.isArray(v) ? v.join(', ') : String(v);
    const label = t(`runf.${k}`) === `runf.${k}` ? k : t(`runf.${k}`);
    parts.push(`<span data-testid="run-filter" data-key="${escapeHtml(k)}">${escapeHtml(label)}: ${escapeHtml(value)}</span>`);
  }
  const iw = Number(filters.incident_weight ?? 1);
  const rw = Number(filters.report_weight ?? 0);
  const include = iw > 0 && rw > 0 ? 'both' : rw > 0 ? 'reports' : 'incidents';
  parts.push(`<span data-testid="run-filter" data-key="events">${escapeHtml(t('runf.events'))}: ${escapeHtml(t(`runs.include.${include}`))}</span>`);
  return parts.join('; ');
}

function describeSummary(run) {
  const summary = run.summary;
  if (!summary || typeof summary !== 'object') return null;
  const items = Object.entries(summary)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => `<span data-testid="run-summary" data-key="${escapeHtml(k)}" data-value="${escapeHtml(String(v))}">${escapeHtml(k)}: ${escapeHtml(typeof v === 'number' ? formatNumber(v, 2) : String(v))}</span>`);
  return items.length ? items.join(', ') : null;
}

function buildRuns() {
  const select = $('run');
  const runs = catalog?.runs ?? [];
  select.innerHTML = '';
  if (!runs.length) {
    select.disabled = true;
    $('run-info').innerHTML = `<dd>${escapeHtml(t('runs.none'))}</dd>`;
    return;
  }
  select.disabled = false;
  select.add(new Option(`${t('runs.latest')} (#${runs[0].id} ${runs[0].name})`, ''));
  for (const run of runs) select.add(new Option(`#${run.id} ${run.name} – ${run.method}`, String(run.id)));
  select.value = state.run === null ? '' : String(state.run);
  const run = currentRun();
  if (!run) {
    $('run-info').innerHTML = '';
    return;
  }
  const period =
    run.period_from || run.period_to
      ? `${(run.period_from ?? '…').slice(0, 10)} – ${(run.period_to ?? '…').slice(0, 10)}`
      : t('runs.allTime');
  const params = describeParameters(run);
  const filters = describeRunFilters(run);
  const summary = describeSummary(run);
  // [label, html, testid]
  const rows = [
    [t('runs.method'), escapeHtml(run.method), 'run-method'],
    [t('runs.parameters'), params ?? escapeHtml(t('runs.unknownParameters')), 'run-parameters'],
    [t('runs.period'), escapeHtml(period), 'run-period'],
    [t('runs.filters'), filters ?? escapeHtml(t('runs.noFilters')), 'run-filters'],
    ...(summary ? [[t('runs.summary'), summary, 'run-summary']] : []),
    [t('runs.features'), escapeHtml(formatNumber(run.features)), 'run-features'],
    [t('runs.created'), escapeHtml(String(run.created ?? '').replace('T', ' ').slice(0, 16)), 'run-created'],
  ];
  $('run-info').innerHTML = rows.map(([k, v, id]) => `<dt>${escapeHtml(k)}</dt><dd data-testid="${id}">${v}</dd>`).join('');
}

// ------------------------------------------------------------------ filters UI

function buildFilterControls() {
  const checks = (containerId, values, prefix, selected) => {
    $(containerId).innerHTML = values
      .map(
        (v) =>
          `<label class="check"><input type="checkbox" value="${v}" ${selected.includes(v) ? 'checked' : ''} /> ${escapeHtml(t(`${prefix}.${v}`))}</label>`,
      )
      .join('');
  };
  checks('categories', INCIDENT_GROUPS, 'cat', state.categories);
  checks('report-categories', REPORT_CATEGORIES, 'rcat', state.reportCategories);
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
  for (const s of SIZES) sizes.add(new Option(`${s.w} × ${s.h} px`, s.id));
  sizes.add(new Option(t('export.custom'), 'custom'));
  sizes.value = selected || SIZES[0].id;
  if (!$('export-width').value) {
    $('export-width').value = SIZES[0].w;
    $('export-height').value = SIZES[0].h;
  }
  syncControls();
}

/** Puts the state into the form controls. */
function syncControls() {
  $('lang').value = state.lang;
  $('from').value = state.from;
  $('to').value = state.to;
  $('step').value = state.step;
  $('source').value = state.sources.join(', ');
  for (const box of $('categories').querySelectorAll('input')) box.checked = state.categories.includes(box.value);
  for (const box of $('report-categories').querySelectorAll('input')) box.checked = state.reportCategories.includes(box.value);
  const [a, b] = state.hours ? state.hours.split('-') : ['', ''];
  $('hours-from').value = a;
  $('hours-to').value = b;
  if ($('run').options.length) $('run').value = state.run === null ? '' : String(state.run);
  updateSliderUi();
  updateSummaries();
}

function updateSliderUi() {
  const on = Boolean(state.step);
  const domainFrom = state.from || dataDomain?.from;
  const domainTo = state.to || dataDomain?.to;
  const all = on && domainFrom && domainTo ? steps(state.step, domainFrom, domainTo) : [];
  const slider = $('slider');
  slider.disabled = !all.length;
  for (const id of ['prev', 'play', 'next']) $(id).disabled = !all.length;
  slider.max = String(Math.max(0, all.length - 1));
  if (all.length && state.stepIndex > all.length - 1) state.stepIndex = all.length - 1;
  slider.value = String(state.stepIndex);
  const label = all.length ? periodText() : on ? t('state.loading') : t('period.all');
  $('step-label').textContent = label;
  slider.setAttribute('aria-valuetext', label);
  $('play').textContent = playing ? '❚❚' : '▶';
  $('play').setAttribute('aria-pressed', String(playing));
  $('play').setAttribute('aria-label', t(playing ? 'filters.pause' : 'filters.play'));
  $('play').title = t(playing ? 'filters.pause' : 'filters.play');
}

function readFilterControls() {
  state.from = $('from').value;
  state.to = $('to').value;
  if (state.from && state.to && state.from > state.to) [state.from, state.to] = [state.to, state.from];
  state.categories = [...$('categories').querySelectorAll('input:checked')].map((b) => b.value);
  state.reportCategories = [...$('report-categories').querySelectorAll('input:checked')].map((b) => b.value);
  state.sources = $('source')
    .value.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const a = $('hours-from').value;
  const b = $('hours-to').value;
  const hours = a !== '' && b !== '' ? `${a}-${b}` : '';
  state.hours = hours && validHours(hours) ? hours : '';
}

function wireFilterControls() {
  const onChange = () => {
    readFilterControls();
    applyFilters();
  };
  for (const id of ['from', 'to', 'source', 'hours-from', 'hours-to']) $(id).addEventListener('change', onChange);
  $('categories').addEventListener('change', onChange);
  $('report-categories').addEventListener('change', onChange);
  $('step').addEventListener('change', async () => {
    state.step = $('step').value;
    state.stepIndex = 0;
    if (state.step && !dataDomain && !(state.from && state.to)) await ensureDataDomain();
    applyFilters();
  });
  let sliderTimer = null;
  $('slider').addEventListener('input', () => {
    state.stepIndex = Number($('slider').value);
    updateSliderUi();
    updateSummaries();
    clearTimeout(sliderTimer);
    sliderTimer = setTimeout(applyFilters, 120);
  });
  $('slider').addEventListener('change', () => {
    clearTimeout(sliderTimer);
    state.stepIndex = Number($('slider').value);
    applyFilters();
  });
  $('prev').addEventListener('click', () => stepBy(-1));
  $('next').addEventListener('click', () => stepBy(1));
  $('play').addEventListener('click', () => (playing ? stopPlaying() : startPlaying()));
  $('reset').addEventListener('click', () => {
    stopPlaying();
    Object.assign(state, { from: '', to: '', step: '', stepIndex: 0, categories: [], reportCategories: [], sources: [], hours: '' });
    syncControls();
    applyFilters();
  });
  $('run').addEventListener('change', () => {
    state.run = $('run').value === '' ? null : Number($('run').value);
    buildRuns();
    buildLayerList();
    applyFilters();
  });
  $('lang').addEventListener('change', () => {
    state.lang = $('lang').value;
    applyLanguage();
    writeHash();
  });
}

function stepCount() {
  return effectivePeriod(state, dataDomain).count;
}

function stepBy(delta) {
  const n = stepCount();
  if (!n) return;
  state.stepIndex = (state.stepIndex + delta + n) % n;
  applyFilters();
}

function waitSettled() {
  return new Promise((resolve) => {
    const check = () => (hook.settled() ? resolve() : map.once('rendercomplete', () => setTimeout(check, 0)));
    check();
  });
}

async function startPlaying() {
  if (!stepCount()) return;
  playing = true;
  updateSliderUi();
  while (playing) {
    await waitSettled();
    await new Promise((r) => setTimeout(r, 900));
    if (!playing) break;
    const n = stepCount();
    if (state.stepIndex >= n - 1) state.stepIndex = -1;
    stepBy(1);
  }
}

function stopPlaying() {
  playing = false;
  updateSliderUi();
}

/**
 * The first and last month of the incidents, for the slider's range: the OGC collection's temporal
 * extent when the service gives one, else found by bisection on numberMatched over monthly bounds.
 */
let domainPromise = null;
function ensureDataDomain() {
  domainPromise ??= probeDataDomain().then((d) => {
    if (!d) domainPromise = null; // try again next time
    return d;
  });
  return domainPromise;
}

async function probeDataDomain() {
  if (dataDomain) return dataDomain;
  // The public view offers no incidents as OGC features, so no first or last time either (that would date events).
  if (publicView()) return null;
  const count = async (datetime) => {
    const r = await fetch(api(`/ogc/collections/incidents/items?limit=1&datetime=${encodeURIComponent(datetime)}`));
    if (!r.ok) throw new Error(String(r.status));
    return (await r.json()).numberMatched ?? 0;
  };
  try {
    const collection = await (await fetch(api('/ogc/collections/incidents'))).json();
    const interval = collection.extent?.temporal?.interval?.[0];
    if (interval?.[0] && interval?.[1]) {
      dataDomain = { from: interval[0].slice(0, 10), to: interval[1].slice(0, 10) };
      return dataDomain;
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
    dataDomain = { from: start(first).slice(0, 10), to: end(last).slice(0, 10) };
    if (!$('from').min) {
      for (const id of ['from', 'to']) {
        $(id).min = dataDomain.from;
        $(id).max = dataDomain.to;
      }
    }
    return dataDomain;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ language

function applyLanguage() {
  setLanguage(state.lang);
  translateDom();
  document.title = t('app.title');
  buildFilterControls();
  if (catalog) {
    buildLayerList();
    buildRuns();
  }
  panel?.refresh();
  candidates?.render();
  evaluation?.render();
  measureList?.render();
  analysis?.translate();
  plan?.translate();
  updateNoDataNotice();
  if (!$('banner').hidden && $('banner').dataset.kind === 'tiles') showBanner(t('state.tileErrors', { n: tileErrors }), false);
}

// ------------------------------------------------------------------ export

function exportInfo() {
  const legend = availableLayers()
    .filter((def) => state.layers.has(def.id))
    .reverse()
    .map((def) => ({ title: t(`layer.${def.id}`), items: legendOf(def) }));
  const run = state.layers.has('hotspots') ? currentRun() : null;
  return {
    title: t('app.title'),
    period: periodText(),
    filters: filterText(),
    run: run ? `#${run.id} ${run.name} (${run.method})` : '',
    legend,
  };
}

function wireExport() {
  $('export-size').addEventListener('change', () => {
    const s = SIZES.find((x) => x.id === $('export-size').value);
    if (s) {
      $('export-width').value = s.w;
      $('export-height').value = s.h;
    }
  });
  for (const id of ['export-width', 'export-height']) $(id).addEventListener('input', () => ($('export-size').value = 'custom'));
  $('export').addEventListener('click', async () => {
    const w = Math.round(Number($('export-width').value));
    const h = Math.round(Number($('export-height').value));
    const status = $('export-status');
    if (!(w >= 200 && w <= 6000 && h >= 200 && h <= 6000)) {
      status.textContent = t('export.tooBig');
      return;
    }
    $('export').disabled = true;
    status.textContent = t('export.busy');
    try {
      const canvas = await renderExport(map, w, h, exportInfo());
      const blob = await canvasToBlob(canvas);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `geotrygghet-${formatDate(new Date())}-${w}x${h}.png`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      status.textContent = t('export.done', { w, h });
    } catch (e) {
      status.textContent = t('export.failed', { error: e.message });
    } finally {
      $('export').disabled = false;
    }
  });
}

// ------------------------------------------------------------------ map

async function initialExtent() {
  for (const id of ['basemap', 'focus_areas', 'incidents']) {
    if (!catalogLayer(id)) continue;
    try {
      const r = await fetch(api(`/tiles/${id}.json`));
      const tj = await r.json();
      const b = tj.bounds;
      // The service answers all of Sweden for an empty layer.
      if (Array.isArray(b) && b[2] - b[0] < 5) return transformExtent(b, 'EPSG:4326', 'EPSG:3857');
    } catch {
      /* try the next layer */
    }
  }
  return transformExtent([10.0, 55.0, 24.2, 69.1], 'EPSG:4326', 'EPSG:3857');
}

function identify(pixel) {
  if (analysis?.ownsClick()) return false;
  if (plan?.isOpen) {
    // With the plan page open, a click on a stop shows it in the timetable; the details panel stays shut.
    const stop = map.forEachFeatureAtPixel(pixel, (f) => (f.get('kind') === 'stop' ? f : undefined), { hitTolerance: 4, layerFilter: (l) => l.get('sourceId') === 'plan' });
    if (stop) {
      plan.zoomTo(stop.get('patrol'), stop.get('order'), { scroll: true });
      return true;
    }
  }
  const hits = [];
  map.forEachFeatureAtPixel(
    pixel,
    (feature, layer) => {
      hits.push({ sourceId: layer.get('sourceId'), props: feature.getProperties() });
    },
    { hitTolerance: 4, layerFilter: (l) => Boolean(l.get('sourceId')) && l.get('sourceId') !== 'drawn' && l.get('sourceId') !== 'plan' },
  );
  if (!hits.length) {
    panel.close();
    return false;
  }
  hits.sort((a, b) => CLICK_ORDER.indexOf(a.sourceId) - CLICK_ORDER.indexOf(b.sourceId));
  for (const hit of hits) delete hit.props.geometry;
  // One entry per layer (the first, i.e. topmost, feature of each), so a click on a hotspot cell full
  // of incident points still offers the cell.
  const perLayer = [];
  for (const hit of hits) if (!perLayer.some((h) => h.sourceId === hit.sourceId)) perLayer.push(hit);
  panel.showHits(perLayer.filter((h) => h.sourceId !== 'basemap').length ? perLayer.filter((h) => h.sourceId !== 'basemap') : perLayer);
  return true;
}

async function initMap() {
  const stack = availableLayers();
  const layers = stack.map((def) => {
    const layer = createLayer(def, { urlFor: (sourceId) => tileUrl(sourceId), api, onTileError, overlayUrl, overlayLoader });
    olLayers[def.id] = layer;
    for (const child of tileLayersOf(layer)) {
      const sourceId = child.get('sourceId') ?? def.raster;
      sourceLayers[sourceId] = child;
      const source = child.getSource();
      if (child.get('local')) continue;
      if (child.get('static')) {
        source.on('featuresloadstart', () => (pendingTiles += 1));
        // A load that ends without adding features (a superseded day, an error) changes nothing on the map, so no
        // rendercomplete would follow it; ask for one so the map is known to be settled.
        source.on(['featuresloadend', 'featuresloaderror'], () => {
          pendingTiles = Math.max(0, pendingTiles - 1);
          map?.render();
        });
        continue;
      }
      child.set('url', tileUrl(sourceId));
      source.on('tileloadstart', () => {
        pendingTiles += 1;
        $('loading').hidden = false;
      });
      const done = (e) => {
        pendingTiles = Math.max(0, pendingTiles - 1);
        if (pendingTiles === 0) $('loading').hidden = true;
        if (e.type === 'tileloadend' && !def.raster) recordTile(sourceId, e.tile);
      };
      source.on('tileloadend', done);
      source.on('tileloaderror', done);
    }
    layer.setVisible(state.layers.has(def.id));
    layer.setOpacity(state.opacity[def.id] ?? def.opacity ?? 1);
    return layer;
  });

  const view = new View({ center: fromLonLat([15.99, 59.51]), zoom: 14, maxZoom: 21, minZoom: 4 });
  map = new Map({
    target: 'map',
    layers,
    view,
    controls: defaultControls({ attribution: false }).extend([new ScaleLine({ units: 'metric' })]),
    keyboardEventTarget: $('map'),
  });
  if (state.center && state.zoom !== null) {
    view.setCenter(fromLonLat(state.center));
    view.setZoom(state.zoom);
  } else {
    view.fit(await initialExtent(), { padding: [20, 20, 20, 20] });
  }

  map.on('rendercomplete', () => {
    hook.renderCount += 1;
    if (hook.firstDrawMs === null) {
      hook.firstDrawMs = Math.round(performance.now());
      document.body.dataset.firstDraw = String(hook.firstDrawMs);
      ensureDataDomain().then(() => applyFilters());
    }
    if (pendingTiles === 0) renderedSeq = changeSeq;
    updateNoDataNotice();
  });
  map.on('moveend', () => {
    markChanged();
    writeHash();
  });
  map.on('singleclick', (e) => identify(e.pixel));
  map.on('pointermove', (e) => {
    if (e.dragging) return;
    const hit = map.hasFeatureAtPixel(e.pixel, { hitTolerance: 4, layerFilter: (l) => Boolean(l.get('sourceId')) && l.get('sourceId') !== 'basemap' });
    map.getTargetElement().style.cursor = hit ? 'pointer' : '';
  });
  $('map').addEventListener('keydown', (e) => {
    if (analysis?.drawing) {
      if (e.key === 'Enter') analysis.finishDrawing();
      return;
    }
    if (e.key === 'Enter') {
      const size = map.getSize();
      identify([size[0] / 2, size[1] / 2]);
      $('panel').focus();
    }
  });
  markChanged();
}

/** Turns a layer on (used when candidates, a drawn area or a new run are shown). */
function showLayer(id) {
  if (state.layers.has(id)) return;
  state.layers.add(id);
  applyLayers();
  writeHash();
}

/** A run made from the viewer: reload the catalog, select the run and show it. */
async function onRunCreated(run) {
  const fresh = await loadCatalog();
  if (fresh) catalog = fresh;
  state.run = run.id;
  state.layers.add('hotspots');
  buildRuns();
  buildLayerList();
  applyLayers();
  applyFilters();
}

async function loadCatalog() {
  try {
    const response = await fetch(api('/tiles'));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.json();
    if (!Array.isArray(body.layers)) throw new Error('no layers in /tiles');
    return body;
  } catch (e) {
    showBanner(t('state.serviceDown', { error: e.message }), true);
    document.body.dataset.state = 'service-down';
    return null;
  }
}

async function start() {
  setLanguage(state.lang);
  translateDom();
  document.title = t('app.title');
  buildFilterControls();
  wireFilterControls();
  wireExport();
  $('menu-toggle').addEventListener('click', () => {
    const open = !document.body.classList.contains('sidebar-open');
    document.body.classList.toggle('sidebar-open', open);
    $('menu-toggle').setAttribute('aria-expanded', String(open));
  });
  $('banner-retry').addEventListener('click', () => boot());
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    if (analysis?.drawing) analysis.stopDrawing();
    else if (evaluation?.isOpen) evaluation.close();
    else if (!$('panel').hidden) panel.close();
    else if (plan?.isOpen) plan.close();
  });
  panel = new Panel($('panel'), {
    api,
    currentFilterQuery: (id) => queryFor(id),
    runName,
    onClose: () => $('map').focus({ preventScroll: true }),
    onEvaluate: (measureId) => evaluation.open(measureId),
  });
  evaluation = new Evaluation({
    api,
    onChange: (evaluate) => {
      state.evaluate = evaluate;
      writeHash();
    },
  });
  window.__gt.evaluation = evaluation;
  await boot();
}

let booting = false;
async function boot() {
  if (booting || map) return;
  booting = true;
  try {
    catalog = await loadCatalog();
    if (!catalog) return;
    hideBanner();
    document.body.dataset.state = 'ready';
    if (publicView()) hideNonPublicTools();
    buildLayerList();
    buildRuns();
    await initMap();
    candidates = new Candidates({ api, map, layer: olLayers.candidates, filterQuery: () => queryFor('incidents').replace(/^\?/, ''), filterText: () => [periodText(), filterText()].filter(Boolean).join('; '), showLayer });
    measureList = new MeasureList({ api, onOpen: (id) => evaluation.open(id), evaluation });
    measureList.load();
    analysis = new AnalysisForm({
      api,
      map,
      layer: olLayers.drawn,
      currentFilters: () => ({ ...effectivePeriod(state, dataDomain), categories: state.categories, sources: state.sources, hours: state.hours }),
      showLayer,
      onRunCreated,
    });
    plan = new PlanPage({
      api,
      map,
      layer: olLayers.plan,
      currentRun: () => state.run,
      showLayer,
      onChange: (inputs) => {
        state.plan = inputs;
        writeHash();
      },
    });
    analysis.loadAreas().then(() => plan.setAreas(analysis.areas));
    applyFilters();
    if (state.evaluate) evaluation.open(state.evaluate.id, state.evaluate);
    if (state.plan) plan.restore(state.plan);
  } finally {
    booting = false;
  }
}

start();
