// The side panel with the properties of a clicked feature. Hotspot cells and clusters get their
// statistics from the tile, their stored details (categories, hour-of-week profile, months) from
// /ogc, and the incidents, street lights and cameras inside them from /ogc by bounding box.

import GeoJSON from 'ol/format/GeoJSON.js';
import { transformExtent } from 'ol/proj.js';
import { t, formatNumber, formatP } from './i18n.js';
import { fetchJson as getJson } from './net.js';
import { escapeHtml, hourOfWeekTable, monthChart, categoryList, profileFromEvents } from './charts.js';

const geojson = new GeoJSON();
const EVENT_LIMIT = 10000;

function row(label, value, testid) {
  return `<tr${testid ? ` data-testid="${testid}"` : ''}><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`;
}

function parseMaybeJson(v) {
  if (typeof v === 'string' && (v.startsWith('{') || v.startsWith('['))) {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
}

function displayValue(v) {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'number') return escapeHtml(formatNumber(v, 3));
  if (typeof v === 'object') return `<code>${escapeHtml(JSON.stringify(v).slice(0, 300))}</code>`;
  return escapeHtml(String(v));
}

export class Panel {
  constructor(element, { api, currentFilterQuery, runName, onClose, onEvaluate }) {
    this.onEvaluate = onEvaluate;
    this.coverageCache = new Map(); // /overlay/areas URL -> promise of its JSON
    this.el = element;
    this.title = element.querySelector('#panel-title');
    this.body = element.querySelector('#panel-body');
    this.api = api;
    this.currentFilterQuery = currentFilterQuery;
    this.runName = runName;
    this.onClose = onClose;
    this.token = 0;
    element.querySelector('#panel-close').addEventListener('click', () => this.close());
    this.last = null;
  }

  close() {
    this.el.hidden = true;
    this.token += 1;
    this.last = null;
    this.onClose?.();
  }

  open(title) {
    this.title.textContent = title;
    this.el.hidden = false;
    this.el.dataset.state = 'loading';
  }

  /** Re-renders the last feature (after a language change). */
  refresh() {
    if (this.last) this.showHits(this.last.hits, this.last.index);
  }

  layerName(sourceId) {
    return t(`layer.${sourceId === 'camera_views' ? 'cameras' : sourceId}`);
  }

  /** Shows the first of several features under a click, with buttons for the others. */
  showHits(hits, index = 0) {
    this.last = { hits, index };
    const nav = this.el.querySelector('#panel-hits');
    if (hits.length > 1) {
      nav.hidden = false;
      nav.innerHTML = `<span>${escapeHtml(t('panel.alsoHere'))}</span>${hits
        .map(
          (h, i) =>
            `<button type="button" data-hit="${i}" data-layer="${escapeHtml(h.sourceId)}" aria-pressed="${i === index}">${escapeHtml(this.layerName(h.sourceId))}</button>`,
        )
        .join('')}`;
      for (const b of nav.querySelectorAll('button')) b.addEventListener('click', () => this.showHits(hits, Number(b.dataset.hit)));
    } else {
      nav.hidden = true;
      nav.innerHTML = '';
    }
    return this.show(hits[index].sourceId, hits[index].props);
  }

  async show(sourceId, props) {
    const token = ++this.token;
    const layerName = this.layerName(sourceId);
    if (props.id === undefined && props.label !== undefined) {
      this.open(layerName);
      this.body.innerHTML = `<p>${escapeHtml(t('panel.publicCell', { m: formatNumber(props.cell_m), month: props.month }))}</p><table class="props"><tbody>${row(t('panel.group'), escapeHtml(props.category_group ?? ''))}${row(t('panel.count'), escapeHtml(props.count !== undefined ? formatNumber(props.count) : props.label), 'stat-count')}</tbody></table>`;
      this.el.dataset.state = 'ready';
      return;
    }
    if (props.id === undefined && props.count !== undefined) {
      this.open(layerName);
      this.body.innerHTML = `<p>${escapeHtml(t('panel.aggregate'))}</p><table class="props"><tbody>${row(t('panel.count'), escapeHtml(formatNumber(props.count)), 'stat-count')}</tbody></table>`;
      this.el.dataset.state = 'ready';
      return;
    }
    if (sourceId !== 'hotspots') {
      const id = sourceId === 'measures' ? props.measure ?? props.id : props.id ?? props.rank ?? '';
      this.open(t('panel.feature', { layer: layerName, id }));
      const rows = Object.entries(props)
        .filter(([k]) => k !== 'geometry' && k !== 'layer' && k !== 'selected')
        .map(([k, v]) => row(k, displayValue(v)))
        .join('');
      const evaluate = sourceId === 'measures' && props.measure ? `<p><button type="button" id="panel-evaluate" class="primary" data-measure="${escapeHtml(props.measure)}">${escapeHtml(t('eval.open'))}</button></p>` : '';
      this.body.innerHTML = `${evaluate}<table class="props"><caption>${escapeHtml(t('panel.properties'))}</caption><tbody>${rows}</tbody></table>`;
      this.body.querySelector('#panel-evaluate')?.addEventListener('click', () => this.onEvaluate?.(props.measure));
      this.el.dataset.state = 'ready';
      return;
    }
    await this.showHotspot(props, token);
  }

  async showHotspot(tileProps, token) {
    const run = this.runName(tileProps.run_id);
    const isCluster = tileProps.cluster !== undefined && tileProps.cluster !== null;
    this.open(isCluster ? t('panel.clusterTitle', { cluster: tileProps.cluster, run }) : t('panel.cellTitle', { run }));
    const stats = (p) => {
      let rows = row(t('panel.method'), escapeHtml(p.method ?? tileProps.method ?? '–'));
      if (isCluster) {
        rows += row(t('panel.cluster'), escapeHtml(String(p.cluster)), 'stat-cluster');
        rows += row(t('panel.clusterSize'), escapeHtml(formatNumber(p.count)), 'stat-count');
        if (p.area_m2 !== undefined) rows += row(t('panel.area'), `${escapeHtml(formatNumber(p.area_m2))} m²`);
        if (p.first) rows += row(t('panel.first'), escapeHtml(String(p.first).replace('T', ' ').slice(0, 16)));
        if (p.last) rows += row(t('panel.last'), escapeHtml(String(p.last).replace('T', ' ').slice(0, 16)));
      } else {
        if (p.count !== undefined) rows += row(t('panel.count'), escapeHtml(formatNumber(p.count)), 'stat-count');
        if (p.z !== undefined) rows += row(t('panel.z'), escapeHtml(formatNumber(p.z, 2)), 'stat-z');
        if (p.p !== undefined) rows += row(t('panel.p'), escapeHtml(formatP(p.p)), 'stat-p');
        if (p.bin !== undefined) rows += row(t('panel.bin'), `${escapeHtml(String(p.bin))} – ${escapeHtml(t(`panel.binText.${Number(p.bin)}`))}`, 'stat-bin');
        if (p.density !== undefined) rows += row(t('panel.density'), escapeHtml(formatNumber(p.density, 1)), 'stat-density');
        for (const key of ['ii', 'quadrant', 'category', 'trend_z', 'trend_p', 'hot_steps', 'cold_steps']) {
          if (p[key] !== undefined) rows += row(key, displayValue(p[key]));
        }
      }
      return `<table class="props stats" data-testid="hotspot-stats"><caption>${escapeHtml(t('panel.stats'))}</caption><tbody>${rows}</tbody></table>`;
    };
    // The tile's numbers at once; the rest when /ogc answers.
    const flat = { ...tileProps };
    for (const k of Object.keys(flat)) flat[k] = parseMaybeJson(flat[k]);
    this.body.innerHTML = `${stats(flat)}<p class="loading" aria-live="polite">${escapeHtml(t('panel.loading'))}</p>`;
    try {
      const item = await this.fetchJson(`/ogc/collections/hotspots/items/${encodeURIComponent(tileProps.id)}`);
      if (token !== this.token) return;
      const stored = { ...(item.properties?.properties ?? {}) };
      const p = { method: item.properties?.method, ...flat, ...stored };
      const feature = geojson.readFeature(item, { featureProjection: 'EPSG:3857' });
      const geometry = feature.getGeometry();
      const extent3857 = geometry.getExtent();
      const bbox = transformExtent(extent3857, 'EPSG:3857', 'EPSG:4326').map((v) => v.toFixed(6)).join(',');
      const filterQuery = this.currentFilterQuery('incidents').replace(/^\?/, '');
      const [events, lights, cameras, coverage] = await Promise.all([
        this.fetchJson(`/ogc/collections/incidents/items?bbox=${bbox}&limit=${EVENT_LIMIT}${filterQuery ? `&${filterQuery}` : ''}`).catch((e) => ({ error: e })),
        this.fetchJson(`/ogc/collections/lights/items?bbox=${bbox}&limit=${EVENT_LIMIT}`).catch((e) => ({ error: e })),
        this.fetchJson(`/ogc/collections/cameras/items?bbox=${bbox}&limit=${EVENT_LIMIT}`).catch((e) => ({ error: e })),
        this.coverage(tileProps.run_id, filterQuery).catch((e) => ({ error: e })),
      ]);
      if (token !== this.token) return;
      const inside = (fc) =>
        (fc.features ?? []).filter((f) => {
          const g = geojson.readGeometry(f.geometry, { featureProjection: 'EPSG:3857' });
          return geometry.intersectsCoordinate(g.getFirstCoordinate());
        });
      let html = stats(p);
      if (p.categories && typeof p.categories === 'object') {
        html += `<h3>${escapeHtml(t('panel.categories'))}</h3>${categoryList(p.categories)}`;
      }
      const evs = events.error ? [] : inside(events);
      const profile = profileFromEvents(evs);
      if (!p.categories && evs.length) html += `<h3>${escapeHtml(t('panel.categories'))}</h3>${categoryList(profile.categories)}`;
      html += `<h3>${escapeHtml(t('panel.hourOfWeek'))}</h3>`;
      if (Array.isArray(p.hour_of_week) && p.hour_of_week.length === 168) {
        html += hourOfWeekTable(p.hour_of_week.map(Number), t('panel.hourOfWeekNote'));
      } else if (evs.length) {
        html += hourOfWeekTable(profile.how, t('panel.hourOfWeekFromEvents', { n: formatNumber(evs.length) }));
      } else {
        html += `<p>${escapeHtml(t('panel.noEvents'))}</p>`;
      }
      html += `<h3>${escapeHtml(t('panel.months'))}</h3>`;
      if (p.months && typeof p.months === 'object' && Object.keys(p.months).length) {
        html += monthChart(p.months, t('panel.months'));
      } else if (evs.length) {
        html += monthChart(profile.months, t('panel.monthsFromEvents'));
      } else {
        html += `<p>${escapeHtml(t('panel.noEvents'))}</p>`;
      }
      if (events.features && events.numberMatched > events.features.length) {
        html += `<p class="note">${escapeHtml(t('panel.truncated', { n: formatNumber(EVENT_LIMIT) }))}</p>`;
      }
      html += this.coverageHtml(coverage, tileProps.id);
      if (!lights.error && !cameras.error) {
        const ls = inside(lights);
        const by = (s) => ls.filter((f) => f.properties?.status === s);
        const out = by('out');
        html += `<h3>${escapeHtml(t('panel.assets'))}</h3><ul class="assets" data-testid="assets">`;
        html += `<li>${escapeHtml(t('panel.lights', { n: ls.length, working: by('working').length, out: out.length, removed: by('removed').length }))}</li>`;
        if (out.length) html += `<li class="out">${escapeHtml(t('panel.outList', { ids: out.map((f) => `#${f.id}`).join(', ') }))}</li>`;
        html += `<li>${escapeHtml(t('panel.cameras', { n: inside(cameras).length }))}</li></ul>`;
      }
      this.body.innerHTML = html;
      this.el.dataset.state = 'ready';
    } catch (e) {
      if (token !== this.token) return;
      this.body.innerHTML = `${stats(flat)}<p class="error" role="alert">${escapeHtml(t('panel.error', { error: e.message }))}</p>`;
      this.el.dataset.state = 'error';
    }
  }

  /** /overlay/areas of a run with the current filters (cached: the service takes a few seconds the first time). */
  coverage(runId, filterQuery) {
    const url = `/overlay/areas?run=${encodeURIComponent(runId)}${filterQuery ? `&${filterQuery}` : ''}`;
    let promise = this.coverageCache.get(url);
    if (!promise) {
      promise = this.fetchJson(url).then((json) => ({ ...json, url }));
      promise.catch(() => this.coverageCache.delete(url));
      this.coverageCache.set(url, promise);
      if (this.coverageCache.size > 20) this.coverageCache.delete(this.coverageCache.keys().next().value);
    }
    return promise;
  }

  /** The darkness, lighting and camera section of a hotspot from its /overlay/areas entry. */
  coverageHtml(coverage, id) {
    const heading = `<h3>${escapeHtml(t('cover.heading'))}</h3>`;
    if (coverage.error) {
      return `${heading}<p class="error" role="alert" data-testid="coverage-error">${escapeHtml(t('cover.error', { error: coverage.error.message }))}</p>`;
    }
    const area = (coverage.areas ?? []).find((a) => String(a.id) === String(id));
    if (!area) return `${heading}<p data-testid="coverage-missing">${escapeHtml(t('cover.notInRun'))}</p>`;
    const pct = (v) => `${escapeHtml(formatNumber(Number(v) * 100, 1))} %`;
    const n = (v) => escapeHtml(formatNumber(v));
    const r = (label, value, key, raw) => `<tr data-testid="cov-${key}" data-value="${escapeHtml(String(raw))}"><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`;
    const out = area.lamps_out_now ?? [];
    let rows = '';
    rows += r(t('cover.events'), n(area.events), 'events', area.events);
    rows += r(t('cover.darkShare'), `${pct(area.dark_share)} (${n(area.dark_events)})`, 'dark_share', area.dark_share);
    rows += r(t('cover.darkLit'), n(area.dark_lit), 'dark_lit', area.dark_lit);
    rows += r(t('cover.darkUnlit'), n(area.dark_unlit), 'dark_unlit', area.dark_unlit);
    rows += r(t('cover.darkLitShare'), pct(area.dark_lit_share), 'dark_lit_share', area.dark_lit_share);
    rows += r(t('cover.lightsOut'), n(area.lights_out_events), 'lights_out_events', area.lights_out_events);
    rows += r(t('cover.lampsOutNow', { day: coverage.assets_on }), out.length ? escapeHtml(out.join(', ')) : escapeHtml(t('cover.none')), 'lamps_out_now', out.join(','));
    rows += r(t('cover.watched'), `${n(area.watched)} (${pct(area.watched_share)})`, 'watched', area.watched);
    rows += r(t('cover.litArea'), pct(area.lit_area_share), 'lit_area_share', area.lit_area_share);
    rows += r(t('cover.watchedArea'), pct(area.watched_area_share), 'watched_area_share', area.watched_area_share);
    return `${heading}<table class="props coverage" data-testid="coverage" data-area="${escapeHtml(String(area.id))}"><tbody>${rows}</tbody></table><p class="note">${escapeHtml(t('cover.note', { day: coverage.assets_on, n: formatNumber(coverage.events) }))}</p>`;
  }

  fetchJson(path) {
    return getJson(this.api(path));
  }
}
