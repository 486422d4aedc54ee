// The presence plan page (issue #7, point 6): pick a shift, the number of patrols, the presence
// minutes, an area, a seed and the hotspot run; GET /patrol/plan.json and /patrol/plan.geojson with
// that query; draw each patrol's route in its own colour with numbered stops, list the timetable per
// patrol (a row zooms to its stop) with the totals, and link the same plan as JSON, GeoJSON, GPX and PDF.

import GeoJSON from 'ol/format/GeoJSON.js';
import { t, formatNumber, language } from './i18n.js';
import { escapeHtml } from './charts.js';
import { fetchJson, stockholmToday } from './net.js';
import { patrolColor } from './layers.js';

const $ = (id) => document.getElementById(id);
const geojson = new GeoJSON();
export const PLAN_FORMATS = ['json', 'geojson', 'gpx', 'pdf'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The coming Friday (today when it is Friday) in Stockholm, YYYY-MM-DD. */
export function comingFriday(today = stockholmToday()) {
  const [y, m, d] = today.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() + ((5 - date.getUTCDay() + 7) % 7));
  return date.toISOString().slice(0, 10);
}

/** The inputs of a plan, as kept in the URL hash: {shift, patrols, minutes, area, seed}. */
export function defaultPlanInputs() {
  return { shift: `${comingFriday()}T18:00/02:00`, patrols: 2, minutes: null, area: '', seed: 1 };
}

/** "2024-11-29T18:00/02:00" → {date, start, end}; null when it is not of that form. */
export function splitShift(shift) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})\/(\d{2}:\d{2})$/.exec(shift ?? '');
  return m ? { date: m[1], start: m[2], end: m[3] } : null;
}

/** HH:MM of an ISO 8601 time with offset, in Stockholm time. */
export function stockholmTime(iso) {
  return new Date(iso).toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });
}

function stockholmDate(iso) {
  return new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

export class PlanPage {
  constructor({ api, map, layer, currentRun, showLayer, onChange }) {
    this.api = api;
    this.map = map;
    this.layer = layer;
    this.currentRun = currentRun; // () => run id or null (the run picker's choice; null: the latest)
    this.showLayer = showLayer;
    this.onChange = onChange; // (inputs | null) => void: for the URL hash
    this.areas = [];
    this.result = null; // {json, geojson, query, inputs}
    this.status = null; // {kind: loading|done|error|invalid, ...}
    this.token = 0;
    this.selected = null; // "patrol-order"
    $('plan-open').addEventListener('click', () => this.open());
    $('plan-close').addEventListener('click', () => this.close());
    $('plan-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.plan();
    });
    $('plan-body').addEventListener('click', (e) => {
      const row = e.target.closest('tr[data-patrol]');
      if (row) this.zoomTo(Number(row.dataset.patrol), Number(row.dataset.order));
    });
    this.setInputs(defaultPlanInputs());
    this.translate();
  }

  get isOpen() {
    return !$('plan').hidden;
  }

  open(focus = true) {
    $('plan').hidden = false;
    document.body.classList.add('plan-open');
    $('plan-open').setAttribute('aria-expanded', 'true');
    if (focus) $('plan-title').focus({ preventScroll: true });
  }

  close() {
    if (!this.isOpen) return;
    $('plan').hidden = true;
    document.body.classList.remove('plan-open');
    $('plan-open').setAttribute('aria-expanded', 'false');
    this.onChange(null);
    $('plan-open').focus({ preventScroll: true });
  }

  /** Opens the page with the inputs of a link and makes the plan (unless it is already shown). */
  restore(inputs) {
    this.open(false);
    this.setInputs(inputs);
    const query = this.queryOf(inputs);
    if (this.result?.query === query || this.status?.query === query) return;
    this.plan();
  }

  setAreas(areas) {
    this.areas = areas ?? [];
    this.buildAreaOptions();
  }

  buildAreaOptions() {
    const select = $('plan-area');
    const value = this.wantedArea ?? select.value ?? '';
    select.innerHTML = '';
    select.add(new Option(t('plan.areaAll'), ''));
    for (const kind of ['focus_area', 'district']) {
      const group = document.createElement('optgroup');
      group.label = t(`legend.${kind}`);
      for (const a of this.areas.filter((x) => x.kind === kind)) group.appendChild(new Option(a.name, a.name));
      if (group.children.length) select.appendChild(group);
    }
    // A name from a link that is not (yet) among the known areas is kept, so the service can judge it.
    if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
    select.value = value;
  }

  setInputs(inputs) {
    const parts = splitShift(inputs.shift) ?? splitShift(defaultPlanInputs().shift);
    $('plan-date').value = parts.date;
    $('plan-start').value = parts.start;
    $('plan-end').value = parts.end;
    $('plan-patrols').value = String(inputs.patrols ?? 2);
    $('plan-minutes').value = inputs.minutes ? String(inputs.minutes) : '';
    $('plan-seed').value = String(inputs.seed ?? 1);
    this.wantedArea = inputs.area ?? '';
    this.buildAreaOptions();
    this.wantedArea = null;
  }

  /** The inputs from the form; throws with a message for the user. */
  inputs() {
    const date = $('plan-date').value;
    const start = $('plan-start').value.slice(0, 5);
    const end = $('plan-end').value.slice(0, 5);
    if (!DATE.test(date)) throw new Error(t('plan.needDate'));
    if (!TIME.test(start) || !TIME.test(end)) throw new Error(t('plan.needTimes'));
    if (start === end) throw new Error(t('plan.sameTimes'));
    const patrols = Number($('plan-patrols').value);
    if (!(Number.isInteger(patrols) && patrols >= 1)) throw new Error(t('plan.badPatrols'));
    const minutesText = $('plan-minutes').value.trim();
    const minutes = minutesText === '' ? null : Number(minutesText);
    if (minutes !== null && !(Number.isFinite(minutes) && minutes > 0)) throw new Error(t('plan.badMinutes'));
    const seedText = $('plan-seed').value.trim();
    const seed = seedText === '' ? 1 : Number(seedText);
    if (!(Number.isInteger(seed) && seed >= 1)) throw new Error(t('plan.badSeed'));
    return { shift: `${date}T${start}/${end}`, patrols, minutes, area: $('plan-area').value, seed };
  }

  /** The service's query for inputs and the current run, e.g. shift=…&patrols=2&seed=1&run=3. */
  queryOf(inputs) {
    const q = new URLSearchParams();
    q.set('shift', inputs.shift);
    q.set('patrols', String(inputs.patrols));
    if (inputs.minutes) q.set('presence_minutes', String(inputs.minutes));
    if (inputs.area) q.set('area', inputs.area);
    q.set('seed', String(inputs.seed ?? 1));
    const run = this.currentRun();
    if (run !== null && run !== undefined) q.set('run', String(run));
    return q.toString().replace(/%3A/gi, ':').replace(/%2F/gi, '/');
  }

  url(format, query) {
    return this.api(`/patrol/plan.${format}?${query}`);
  }

  async plan() {
    let inputs;
    try {
      inputs = this.inputs();
    } catch (e) {
      this.status = { kind: 'invalid', text: e.message };
      this.renderStatus();
      return;
    }
    this.onChange(inputs);
    const query = this.queryOf(inputs);
    const token = ++this.token;
    const started = performance.now();
    this.status = { kind: 'loading', seconds: 0, query };
    this.renderStatus();
    $('plan-go').disabled = true;
    $('plan').setAttribute('aria-busy', 'true');
    const timer = setInterval(() => {
      if (token !== this.token) return;
      this.status = { kind: 'loading', seconds: Math.round((performance.now() - started) / 1000), query };
      this.renderStatus();
    }, 1000);
    try {
      const [json, features] = await Promise.all([fetchJson(this.url('json', query)), fetchJson(this.url('geojson', query))]);
      if (token !== this.token) return;
      this.result = { json, geojson: features, query, inputs };
      this.status = { kind: 'done', query };
      this.selected = null;
      this.draw();
    } catch (e) {
      if (token !== this.token) return;
      this.status = { kind: 'error', error: e.message, query };
    } finally {
      clearInterval(timer);
      if (token === this.token) {
        $('plan-go').disabled = false;
        $('plan').removeAttribute('aria-busy');
        this.render();
      }
    }
  }

  draw() {
    const source = this.layer.getSource();
    source.clear();
    const features = geojson.readFeatures(this.result.geojson, { featureProjection: 'EPSG:3857' });
    let leg = 0;
    for (const f of features) {
      if (f.get('kind') === 'stop') f.setId(`stop-${f.get('patrol')}-${f.get('order')}`);
      else f.setId(`leg-${f.get('patrol')}-${(leg += 1)}`);
    }
    source.addFeatures(features);
    this.showLayer('plan');
    if (features.length) {
      const size = this.map.getSize() ?? [800, 600];
      const page = $('plan').getBoundingClientRect().width;
      const right = page < size[0] * 0.7 ? page + 30 : 30;
      this.map.getView().fit(source.getExtent(), { padding: [40, right, 40, 40], maxZoom: 17, duration: 0 });
    }
  }

  /** The run picker changed: say which run the next plan uses, and that a shown plan was made with another. */
  runChanged() {
    const run = this.currentRun();
    $('plan-run').textContent = run === null || run === undefined ? t('plan.runLatest') : t('plan.runPicked', { id: run });
    const stale = Boolean(this.result) && this.queryOf(this.result.inputs) !== this.result.query;
    const note = $('plan-stale');
    if (note) note.hidden = !stale;
  }

  zoomTo(patrol, order, { scroll = false } = {}) {
    const source = this.layer.getSource();
    const feature = source.getFeatureById(`stop-${patrol}-${order}`);
    if (!feature) return;
    this.selected = `${patrol}-${order}`;
    for (const f of source.getFeatures()) f.set('selected', f === feature);
    this.showLayer('plan');
    const view = this.map.getView();
    view.animate({ center: feature.getGeometry().getCoordinates(), zoom: Math.max(view.getZoom(), 17), duration: 250 });
    for (const row of document.querySelectorAll('#plan-body tr[data-patrol]')) {
      const on = row.dataset.patrol === String(patrol) && row.dataset.order === String(order);
      row.classList.toggle('selected', on);
      if (on) row.setAttribute('aria-selected', 'true');
      else row.removeAttribute('aria-selected');
      if (on && scroll) row.scrollIntoView({ block: 'nearest' });
    }
  }

  translate() {
    this.buildAreaOptions();
    this.render();
  }

  renderStatus() {
    const el = $('plan-status');
    const s = this.status;
    el.dataset.state = s?.kind ?? '';
    const bad = s?.kind === 'error' || s?.kind === 'invalid';
    el.classList.toggle('error', bad);
    el.setAttribute('role', bad ? 'alert' : 'status');
    if (!s) el.textContent = '';
    else if (s.kind === 'loading') el.textContent = t('plan.loading', { s: s.seconds });
    else if (s.kind === 'error') el.textContent = t('plan.failed', { error: s.error });
    else if (s.kind === 'invalid') el.textContent = s.text;
    else el.textContent = t('plan.done', { n: this.result?.json?.totals?.stops ?? 0 });
    $('plan-progress').hidden = s?.kind !== 'loading';
  }

  render() {
    this.renderStatus();
    this.runChanged();
    const body = $('plan-body');
    // Empty presence minutes leave the choice to the service (half the shift); its choice becomes the placeholder.
    const json = this.result?.json;
    const auto = json && !this.result.inputs.minutes ? json.presence_minutes_per_patrol : null;
    $('plan-minutes').placeholder = auto ? t('plan.minutesAuto', { m: formatNumber(auto) }) : t('plan.minutesHint');
    $('plan-minutes').title = json?.defaults?.presence_minutes ?? '';
    if (!this.result) {
      body.innerHTML = '';
      return;
    }
    const { query } = this.result;
    const stale = `<p id="plan-stale" class="note" data-testid="plan-stale" hidden>${escapeHtml(t('plan.stale'))}</p>`;
    body.innerHTML = stale + this.exports(query) + this.summary(json) + this.timetable(json);
    if (this.selected) {
      const [p, o] = this.selected.split('-');
      body.querySelector(`tr[data-patrol="${p}"][data-order="${o}"]`)?.classList.add('selected');
    }
    this.runChanged();
  }

  exports(query) {
    const links = PLAN_FORMATS.map((f) => {
      const name = `narvaroplan.${f}`;
      return `<a class="button" data-format="${f}" data-testid="plan-export-${f}" href="${escapeHtml(this.url(f, query))}" download="${name}">${escapeHtml(t(`plan.export.${f}`))}</a>`;
    }).join('');
    return `<div class="plan-exports" role="group" aria-label="${escapeHtml(t('plan.exports'))}">${links}</div>`;
  }

  summary(json) {
    const tot = json.totals ?? {};
    const shift = json.shift ?? {};
    const startDate = shift.start ? stockholmDate(shift.start) : '';
    const rows = [
      [t('plan.shift'), shift.start ? `${startDate} ${stockholmTime(shift.start)}–${stockholmTime(shift.end)}` : '–'],
      [t('plan.patrols'), formatNumber(json.patrols)],
      [t('plan.presencePer'), `${formatNumber(json.presence_minutes_per_patrol)} min`],
      [t('plan.tot.stops'), formatNumber(tot.stops)],
      [t('plan.tot.presence'), `${formatNumber(tot.presence_minutes)} min`],
      [t('plan.tot.travel'), `${formatNumber(tot.travel_minutes, 1)} min, ${formatNumber((tot.travel_metres ?? 0) / 1000, 1)} km`],
      [t('plan.tot.hotspots'), t('plan.tot.hotspotsOf', { n: formatNumber(tot.hotspots_visited), of: formatNumber(tot.hotspots) })],
    ];
    const notes = [json.hotspot_source, (language() === 'sv' && json.routes_sv) || json.routes, json.defaults?.presence_minutes ? `${t('plan.minutes')}: ${json.defaults.presence_minutes}` : null]
      .filter(Boolean)
      .map((n) => `<li>${escapeHtml(String(n))}</li>`)
      .join('');
    return `<dl class="plan-totals" data-testid="plan-totals" data-stops="${tot.stops ?? ''}" data-presence="${tot.presence_minutes ?? ''}" data-travel="${tot.travel_minutes ?? ''}">${rows
      .map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`)
      .join('')}</dl><ul class="plan-notes">${notes}</ul>`;
  }

  timetable(json) {
    const stops = json.stops ?? [];
    if (!stops.length) return `<p data-testid="plan-empty">${escapeHtml(t('plan.empty'))}</p>`;
    const patrols = [...new Set(stops.map((s) => s.patrol))].sort((a, b) => a - b);
    return patrols
      .map((p) => {
        const own = stops.filter((s) => s.patrol === p).sort((a, b) => a.order - b.order);
        const minutes = own.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
        const rows = own
          .map((s) => {
            const label = t('plan.zoom', { order: s.order, label: s.label ?? s.hotspot });
            return `<tr data-patrol="${p}" data-order="${s.order}" data-hotspot="${escapeHtml(s.hotspot)}" data-arrive="${escapeHtml(s.arrive)}" data-depart="${escapeHtml(s.depart)}" data-minutes="${s.minutes}">
              <td><button type="button" class="plan-stop" style="--patrol:${patrolColor(p)}" aria-label="${escapeHtml(label)}" title="${escapeHtml(label)}">${s.order}</button></td>
              <td class="plan-time">${escapeHtml(stockholmTime(s.arrive))}–${escapeHtml(stockholmTime(s.depart))}</td>
              <td class="num">${escapeHtml(formatNumber(s.minutes))}</td>
              <td>${escapeHtml(s.label ?? s.hotspot)}</td>
              <td class="plan-reason">${escapeHtml((language() === 'sv' && s.reason_sv) || s.reason || '')}</td></tr>`;
          })
          .join('');
        return `<table class="plan-table" data-testid="plan-patrol-${p}" data-patrol="${p}">
          <caption><span class="swatch" style="background:${patrolColor(p)}" aria-hidden="true"></span> ${escapeHtml(t('plan.patrol', { n: p }))} · ${escapeHtml(t('plan.patrolSum', { n: own.length, m: formatNumber(minutes) }))}</caption>
          <thead><tr><th scope="col">${escapeHtml(t('plan.order'))}</th><th scope="col">${escapeHtml(t('plan.time'))}</th><th scope="col">${escapeHtml(t('plan.min'))}</th><th scope="col">${escapeHtml(t('plan.hotspot'))}</th><th scope="col">${escapeHtml(t('plan.why'))}</th></tr></thead>
          <tbody>${rows}</tbody></table>`;
      })
      .join('');
  }
}
