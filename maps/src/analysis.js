// "New analysis on an area" (issue #5, point 4): draw a polygon on the map (OpenLayers' Draw
// interaction) or pick a focus area or district, choose a method and its parameters, and POST
// /analyses; the service runs `gt hotspots` on it and stores the run, which the viewer then selects
// in the run picker and shows on the map.

import Draw from 'ol/interaction/Draw.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { getArea } from 'ol/sphere.js';
import { t, formatNumber } from './i18n.js';
import { escapeHtml } from './charts.js';
import { fetchJson } from './net.js';

const $ = (id) => document.getElementById(id);
const geojson = new GeoJSON();

/** The parameter fields of each method: [parameter, i18n key, kind, required]. */
const FIELDS = {
  gistar: [
    ['cell', 'an.cell', 'number'],
    ['band', 'an.band', 'number'],
    ['grid', 'an.grid', 'grid'],
    ['fdr', 'an.fdr', 'fdr'],
  ],
  moran: [
    ['cell', 'an.cell', 'number'],
    ['band', 'an.band', 'number'],
    ['grid', 'an.grid', 'grid'],
    ['fdr', 'an.fdr', 'fdr'],
  ],
  dbscan: [
    ['eps', 'an.eps', 'number', true],
    ['min_points', 'an.minPoints', 'integer', true],
  ],
  kde: [
    ['cell', 'an.cell', 'number'],
    ['bandwidth', 'an.bandwidth', 'number'],
  ],
};
const DEFAULTS = { eps: '40', min_points: '15' };

export class AnalysisForm {
  constructor({ api, map, layer, currentFilters, showLayer, onRunCreated }) {
    this.api = api;
    this.map = map;
    this.layer = layer;
    this.currentFilters = currentFilters;
    this.showLayer = showLayer;
    this.onRunCreated = onRunCreated;
    this.draw = null;
    this.area = null; // {geometry: GeoJSON in CRS84, label}
    this.areas = []; // focus areas and districts from /ogc
    this.values = { ...DEFAULTS };
    this.status = null; // {kind: running|done|error|invalid, text}
    this.running = false;
    $('an-draw').addEventListener('click', () => (this.drawing ? this.stopDrawing() : this.startDrawing()));
    $('an-clear').addEventListener('click', () => this.clearArea());
    $('an-area').addEventListener('change', () => this.pickArea($('an-area').value));
    $('an-method').addEventListener('change', () => this.buildFields());
    $('an-run').addEventListener('click', () => this.run());
    this.translate();
  }

  get drawing() {
    return this.draw !== null;
  }

  /** True while drawing and just after a polygon was finished: the map's click belongs to the drawing. */
  ownsClick() {
    return this.drawing || performance.now() - (this.drawEndedAt ?? -1e9) < 700;
  }

  translate() {
    const method = $('an-method').value || 'gistar';
    $('an-method').innerHTML = '';
    for (const m of Object.keys(FIELDS)) $('an-method').add(new Option(t(`an.m.${m}`), m));
    $('an-method').value = method;
    this.buildAreaOptions();
    this.buildFields();
    this.renderArea();
    this.renderStatus();
    $('an-draw').textContent = t(this.drawing ? 'an.stopDraw' : 'an.draw');
  }

  async loadAreas() {
    try {
      const json = await fetchJson(this.api('/ogc/collections/focus_areas/items?limit=10000'));
      this.areas = (json.features ?? []).map((f) => ({ id: String(f.id), name: f.properties?.name ?? `#${f.id}`, kind: f.properties?.kind ?? '', geometry: f.geometry }));
    } catch {
      this.areas = []; // drawing still works
    }
    this.buildAreaOptions();
  }

  buildAreaOptions() {
    const select = $('an-area');
    const value = select.value || 'draw';
    select.innerHTML = '';
    select.add(new Option(t('an.areaDraw'), 'draw'));
    for (const kind of ['focus_area', 'district']) {
      const group = document.createElement('optgroup');
      group.label = t(`legend.${kind}`);
      for (const a of this.areas.filter((x) => x.kind === kind)) group.appendChild(new Option(a.name, `area:${a.id}`));
      if (group.children.length) select.appendChild(group);
    }
    select.value = [...select.options].some((o) => o.value === value) ? value : 'draw';
    $('an-draw').disabled = select.value !== 'draw';
  }

  buildFields() {
    const method = $('an-method').value;
    // Keep what was typed when switching methods.
    for (const input of $('an-params').querySelectorAll('[data-param]')) this.values[input.dataset.param] = input.value;
    $('an-params').innerHTML = FIELDS[method]
      .map(([param, key, kind, required]) => {
        const id = `an-p-${param}`;
        const value = this.values[param] ?? '';
        let control;
        if (kind === 'grid') {
          control = `<select id="${id}" data-param="${param}"><option value="square">${escapeHtml(t('an.square'))}</option><option value="hex">${escapeHtml(t('an.hex'))}</option></select>`;
        } else if (kind === 'fdr') {
          control = `<select id="${id}" data-param="${param}"><option value="bh">${escapeHtml(t('an.fdrBh'))}</option><option value="none">${escapeHtml(t('an.fdrNone'))}</option></select>`;
        } else {
          control = `<input id="${id}" data-param="${param}" type="number" min="${kind === 'integer' ? 1 : 0}" step="${kind === 'integer' ? 1 : 'any'}" inputmode="decimal" value="${escapeHtml(value)}" ${required ? 'required' : `placeholder="${escapeHtml(t('an.auto'))}"`} />`;
        }
        return `<label class="field"><span>${escapeHtml(t(key))}${required ? ' *' : ''}</span> ${control}</label>`;
      })
      .join('');
    for (const select of $('an-params').querySelectorAll('select[data-param]')) {
      if (this.values[select.dataset.param]) select.value = this.values[select.dataset.param];
    }
  }

  startDrawing() {
    this.stopDrawing();
    $('an-area').value = 'draw';
    this.draw = new Draw({ source: this.layer.getSource(), type: 'Polygon' });
    this.draw.on('drawstart', () => this.layer.getSource().clear());
    this.draw.on('drawend', (e) => {
      const geometry = e.feature.getGeometry();
      this.area = { geometry: geojson.writeGeometryObject(geometry, { featureProjection: 'EPSG:3857', dataProjection: 'EPSG:4326', decimals: 7 }), label: null, m2: getArea(geometry) };
      this.drawEndedAt = performance.now();
      // Leave drawing after the event, so the interaction finishes its own work first.
      setTimeout(() => this.stopDrawing(), 0);
    });
    this.map.addInteraction(this.draw);
    this.showLayer('drawn');
    document.body.classList.add('drawing');
    $('an-draw').textContent = t('an.stopDraw');
    $('an-draw').setAttribute('aria-pressed', 'true');
    this.status = null;
    this.renderArea();
    this.renderStatus();
    $('map').focus({ preventScroll: true });
  }

  finishDrawing() {
    this.draw?.finishDrawing();
  }

  stopDrawing() {
    if (!this.draw) return;
    this.draw.abortDrawing();
    this.map.removeInteraction(this.draw);
    this.draw = null;
    document.body.classList.remove('drawing');
    $('an-draw').textContent = t('an.draw');
    $('an-draw').setAttribute('aria-pressed', 'false');
    this.renderArea();
  }

  clearArea() {
    this.stopDrawing();
    this.area = null;
    this.layer.getSource().clear();
    $('an-area').value = 'draw';
    $('an-draw').disabled = false;
    this.renderArea();
  }

  pickArea(value) {
    this.stopDrawing();
    $('an-draw').disabled = value !== 'draw';
    const source = this.layer.getSource();
    if (value === 'draw') {
      this.area = null;
      source.clear();
      this.renderArea();
      return;
    }
    const picked = this.areas.find((a) => `area:${a.id}` === value);
    if (!picked) return;
    const feature = geojson.readFeature({ type: 'Feature', geometry: picked.geometry, properties: {} }, { featureProjection: 'EPSG:3857' });
    source.clear();
    source.addFeature(feature);
    this.area = { geometry: picked.geometry, label: picked.name, m2: getArea(feature.getGeometry()) };
    this.showLayer('drawn');
    this.map.getView().fit(feature.getGeometry().getExtent(), { padding: [40, 40, 40, 40], maxZoom: 17, duration: 0 });
    this.renderArea();
  }

  renderArea() {
    const el = $('an-area-status');
    if (this.drawing) el.textContent = t('an.drawing');
    else if (!this.area) el.textContent = t('an.noArea');
    else {
      const km2 = formatNumber(this.area.m2 / 1e6, 3);
      el.textContent = this.area.label ? t('an.areaPicked', { name: this.area.label, km2 }) : t('an.areaDrawn', { km2 });
    }
    $('an-clear').disabled = !this.area && !this.drawing;
  }

  renderStatus() {
    const el = $('an-status');
    const s = this.status;
    el.dataset.state = s?.kind ?? '';
    el.classList.toggle('error', s?.kind === 'error' || s?.kind === 'invalid');
    el.setAttribute('role', s?.kind === 'error' || s?.kind === 'invalid' ? 'alert' : 'status');
    if (!s) el.textContent = '';
    else if (s.kind === 'running') el.textContent = t('an.running', { s: s.seconds });
    else if (s.kind === 'done') el.textContent = t('an.done', { id: s.run.id, name: s.run.name, n: formatNumber(s.run.features) });
    else if (s.kind === 'error') el.textContent = t('an.failed', { error: s.error });
    else el.textContent = s.text;
    $('an-progress').hidden = s?.kind !== 'running';
  }

  /** The POST body from the form, or throws with a message for the user. */
  body() {
    if (!this.area) throw new Error(t('an.noArea'));
    const method = $('an-method').value;
    const parameters = {};
    for (const [param, key, kind, required] of FIELDS[method]) {
      const el = $(`an-p-${param}`);
      const raw = el.value.trim();
      if (kind === 'grid' || kind === 'fdr') {
        parameters[param] = raw;
        continue;
      }
      if (raw === '') {
        if (required) throw new Error(t('an.required', { field: t(key), method: t(`an.m.${method}`) }));
        continue;
      }
      const v = Number(raw);
      if (!(Number.isFinite(v) && v > 0) || (kind === 'integer' && !Number.isInteger(v))) throw new Error(t('an.badNumber', { field: t(key) }));
      parameters[param] = v;
    }
    const body = { method, area: this.area.geometry, parameters };
    const name = $('an-name').value.trim();
    if (name) body.name = name;
    if ($('an-filters').checked) {
      const f = this.currentFilters();
      if (f.from) body.from = f.from;
      if (f.to) body.to = f.to;
      if (f.categories?.length) body.category = f.categories;
      if (f.sources?.length) body.source = f.sources;
      if (f.hours) body.hours = f.hours;
    }
    if ($('an-dark').checked) body.dark_only = true;
    return body;
  }

  async run() {
    if (this.running) return;
    let body;
    try {
      body = this.body();
    } catch (e) {
      this.status = { kind: 'invalid', text: e.message };
      this.renderStatus();
      return;
    }
    this.stopDrawing();
    this.running = true;
    $('an-run').disabled = true;
    $('an-section').setAttribute('aria-busy', 'true');
    const started = performance.now();
    this.status = { kind: 'running', seconds: 0 };
    this.renderStatus();
    const timer = setInterval(() => {
      this.status = { kind: 'running', seconds: Math.round((performance.now() - started) / 1000) };
      this.renderStatus();
    }, 1000);
    try {
      const result = await fetchJson(this.api('/analyses'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      clearInterval(timer);
      await this.onRunCreated(result.run);
      this.status = { kind: 'done', run: result.run };
    } catch (e) {
      clearInterval(timer);
      this.status = { kind: 'error', error: e.message };
    } finally {
      this.running = false;
      $('an-run').disabled = false;
      $('an-section').removeAttribute('aria-busy');
      this.renderStatus();
    }
  }
}
