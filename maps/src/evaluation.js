// The evaluation page of a measure: GET /evaluate/{measure} (the JSON of `gt evaluate`) drawn as a
// before/after chart (R0/R1, B0/B1, C0/C1), a forest plot of the rate ratios and relative effects with
// their 90 % intervals (all, dark, daylight), the key statistics, warnings and the Swedish summary.
// The window (days before/after, buffer ring) re-queries the service. Plus the measures list of the sidebar.

import { t, formatNumber, formatP } from './i18n.js';
import { escapeHtml } from './charts.js';
import { fetchJson } from './net.js';

const $ = (id) => document.getElementById(id);
const SERIES = ['all', 'dark', 'daylight'];

function num(v, digits = 2) {
  return v === null || v === undefined || !Number.isFinite(Number(v)) ? '–' : formatNumber(v, digits);
}

/** The part of the evaluation for a series: the top level (all) or `dark` / `daylight`. */
function part(json, series) {
  return series === 'all' ? json : json[series] ?? null;
}

/** Bars of R0/R1, B0/B1 and C0/C1 as SVG small multiples, each area on its own scale. */
export function countsChart(counts, caption) {
  const w = 540;
  const h = 190;
  const groups = ['R', 'B', 'C'];
  const gw = w / groups.length;
  const top = 22;
  const bottom = 40;
  let svg = '';
  groups.forEach((g, i) => {
    const before = Number(counts?.[`${g}0`] ?? 0);
    const after = Number(counts?.[`${g}1`] ?? 0);
    const max = Math.max(before, after, 1) * 1.1;
    const x0 = i * gw;
    const bw = gw * 0.28;
    const base = h - bottom;
    const bar = (key, value, x, cls) => {
      const bh = ((base - top) * value) / max;
      return `<rect class="${cls}" data-key="${key}" data-value="${value}" x="${x.toFixed(1)}" y="${(base - bh).toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}"><title>${key}: ${formatNumber(value)}</title></rect>
        <text x="${(x + bw / 2).toFixed(1)}" y="${(base - bh - 4).toFixed(1)}" text-anchor="middle" font-size="12" font-weight="600">${escapeHtml(formatNumber(value))}</text>
        <text x="${(x + bw / 2).toFixed(1)}" y="${base + 14}" text-anchor="middle" font-size="11">${key} ${escapeHtml(t(cls === 'before' ? 'eval.beforeBar' : 'eval.afterBar'))}</text>`;
    };
    svg += `<g class="group" data-group="${g}">`;
    svg += bar(`${g}0`, before, x0 + gw * 0.16, 'before');
    svg += bar(`${g}1`, after, x0 + gw * 0.56, 'after');
    svg += `<line x1="${(x0 + 8).toFixed(1)}" x2="${(x0 + gw - 8).toFixed(1)}" y1="${base}" y2="${base}" stroke="#555"/>`;
    svg += `<text x="${(x0 + gw / 2).toFixed(1)}" y="${h - 6}" text-anchor="middle" font-size="12">${escapeHtml(t(`eval.${g}`))}</text></g>`;
  });
  return `<figure class="eval-chart" data-testid="eval-counts"><svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${escapeHtml(caption)}">${svg}</svg><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** A forest plot on a log scale: one row per ratio with its 90 % interval as an error bar. */
export function ratioChart(rows, caption) {
  const w = 600;
  const rowH = 26;
  const left = 262;
  const right = 16;
  const top = 10;
  const h = top + rows.length * rowH + 34;
  const values = rows.flatMap((r) => [r.estimate, r.lo, r.hi]).filter((v) => Number.isFinite(v) && v > 0);
  let lo = Math.min(0.5, ...values) / 1.25;
  let hi = Math.max(2, ...values) * 1.25;
  lo = Math.max(lo, 0.02);
  hi = Math.min(hi, 50);
  const x = (v) => left + ((Math.log(Math.min(Math.max(v, lo), hi)) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * (w - left - right);
  const ticks = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 10, 20].filter((v) => v >= lo && v <= hi);
  let svg = '';
  for (const v of ticks) {
    svg += `<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${top}" y2="${h - 24}" stroke="${v === 1 ? '#444' : '#e3e5e8'}" ${v === 1 ? 'stroke-dasharray="4 3"' : ''}/>`;
    svg += `<text x="${x(v).toFixed(1)}" y="${h - 10}" text-anchor="middle" font-size="11">${escapeHtml(formatNumber(v, 2))}</text>`;
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH + rowH / 2;
    svg += `<text x="${left - 8}" y="${y + 4}" text-anchor="end" font-size="12">${escapeHtml(r.label)}</text>`;
    if (!Number.isFinite(r.estimate)) {
      svg += `<text x="${left + 6}" y="${y + 4}" font-size="12">–</text>`;
      return;
    }
    const colour = r.series === 'dark' ? '#2c3e80' : r.series === 'daylight' ? '#c98a00' : '#7a1f2b';
    const hasCi = Number.isFinite(r.lo) && Number.isFinite(r.hi);
    svg += `<g class="ci" data-series="${r.series}" data-stat="${r.stat}" data-estimate="${r.estimate}" data-lo="${hasCi ? r.lo : ''}" data-hi="${hasCi ? r.hi : ''}">`;
    if (hasCi) {
      svg += `<line class="err" x1="${x(r.lo).toFixed(1)}" x2="${x(r.hi).toFixed(1)}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="2"/>`;
      svg += `<line class="cap-lo" x1="${x(r.lo).toFixed(1)}" x2="${x(r.lo).toFixed(1)}" y1="${y - 6}" y2="${y + 6}" stroke="${colour}" stroke-width="2"/>`;
      svg += `<line class="cap-hi" x1="${x(r.hi).toFixed(1)}" x2="${x(r.hi).toFixed(1)}" y1="${y - 6}" y2="${y + 6}" stroke="${colour}" stroke-width="2"/>`;
    }
    svg += `<circle class="est" cx="${x(r.estimate).toFixed(1)}" cy="${y}" r="5" fill="${colour}"><title>${escapeHtml(r.label)}: ${formatNumber(r.estimate, 2)}${hasCi ? ` (${formatNumber(r.lo, 2)}–${formatNumber(r.hi, 2)})` : ''}</title></circle></g>`;
  });
  return `<figure class="eval-chart" data-testid="eval-ratios"><svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${escapeHtml(caption)}">${svg}</svg><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

export class Evaluation {
  constructor({ api, onChange }) {
    this.api = api;
    this.onChange = onChange;
    this.el = $('evaluation');
    this.body = $('eval-body');
    this.current = null; // {id, before, after, buffer, darkOnly}
    this.result = null; // {state, json, error, url}
    this.token = 0;
    this.returnFocus = null;
    $('eval-close').addEventListener('click', () => this.close());
    $('eval-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.requery();
    });
    for (const id of ['eval-before', 'eval-after', 'eval-buffer', 'eval-dark']) $(id).addEventListener('change', () => this.requery());
    // Another measure: the service's own window for it.
    $('eval-measure').addEventListener('change', () => this.open($('eval-measure').value, {}));
  }

  get isOpen() {
    return !this.el.hidden;
  }

  /** Fills the measure picker from the register (called by the measures list). */
  setMeasures(measures) {
    this.measures = measures;
    const select = $('eval-measure');
    const value = select.value;
    select.innerHTML = '';
    for (const m of measures) select.add(new Option(`${m.id} – ${t(`mtype.${m.type}`)}`, m.id));
    if (this.current && !measures.some((m) => m.id === this.current.id)) select.add(new Option(this.current.id, this.current.id));
    select.value = this.current?.id ?? value;
  }

  readWindow() {
    const read = (id) => {
      const v = $(id).value.trim();
      return v === '' ? null : Number(v);
    };
    return { before: read('eval-before'), after: read('eval-after'), buffer: read('eval-buffer'), darkOnly: $('eval-dark').checked };
  }

  requery() {
    if (!this.current) return;
    this.open(this.current.id, this.readWindow());
  }

  open(id, window = {}) {
    const next = { id, before: window.before ?? null, after: window.after ?? null, buffer: window.buffer ?? null, darkOnly: Boolean(window.darkOnly) };
    if (!this.isOpen) this.returnFocus = document.activeElement;
    this.el.hidden = false;
    document.body.classList.add('evaluating');
    const same = this.current && JSON.stringify(this.current) === JSON.stringify(next) && this.result?.state !== 'error';
    this.current = next;
    $('eval-before').value = next.before ?? '';
    $('eval-after').value = next.after ?? '';
    $('eval-buffer').value = next.buffer ?? '';
    $('eval-dark').checked = next.darkOnly;
    if (![...$('eval-measure').options].some((o) => o.value === id)) $('eval-measure').add(new Option(id, id));
    $('eval-measure').value = id;
    this.onChange?.(next);
    if (!same) this.fetch();
    else this.render();
    $('eval-title').focus({ preventScroll: true });
  }

  close() {
    if (!this.isOpen) return;
    this.el.hidden = true;
    document.body.classList.remove('evaluating');
    this.token += 1;
    this.current = null;
    this.result = null;
    this.onChange?.(null);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back && document.contains(back) && back.offsetParent !== null) back.focus({ preventScroll: true });
    else $('map').focus({ preventScroll: true });
  }

  url() {
    const c = this.current;
    const q = new URLSearchParams();
    if (c.before !== null) q.set('before', String(c.before));
    if (c.after !== null) q.set('after', String(c.after));
    if (c.buffer !== null) q.set('buffer', String(c.buffer));
    if (c.darkOnly) q.set('dark_only', 'true');
    const text = q.toString();
    return this.api(`/evaluate/${encodeURIComponent(c.id)}${text ? `?${text}` : ''}`);
  }

  async fetch() {
    const token = ++this.token;
    const url = this.url();
    this.result = { state: 'loading', url };
    this.render();
    try {
      const json = await fetchJson(url);
      if (token !== this.token) return;
      this.result = { state: 'ready', url, json };
    } catch (e) {
      if (token !== this.token) return;
      this.result = { state: 'error', url, error: e.message };
    }
    this.render();
  }

  render() {
    if (!this.current || !this.result) return;
    const { id } = this.current;
    const measure = this.measures?.find((m) => m.id === id);
    const json = this.result.json;
    const type = json?.measure?.type ?? measure?.type;
    $('eval-title').textContent = `${t('eval.title', { id })}${type ? ` (${t(`mtype.${type}`)})` : ''}`;
    $('eval-desc').textContent = json?.measure?.description ?? measure?.description ?? '';
    this.el.dataset.state = this.result.state;
    this.body.setAttribute('aria-busy', String(this.result.state === 'loading'));
    $('eval-update').disabled = this.result.state === 'loading';
    if (this.result.state === 'loading') {
      this.body.innerHTML = `<p class="loading" data-testid="eval-loading">${escapeHtml(t('eval.loading'))}</p>${this.lastHtml ?? ''}`;
      return;
    }
    if (this.result.state === 'error') {
      this.lastHtml = '';
      this.body.innerHTML = `<p class="error" role="alert" data-testid="eval-error">${escapeHtml(t('eval.error', { error: this.result.error }))}</p>`;
      return;
    }
    // The service's choices as placeholders of the window fields.
    $('eval-before').placeholder = String(json.periods?.before?.days ?? '');
    $('eval-after').placeholder = String(json.periods?.after?.days ?? '');
    $('eval-buffer').placeholder = String(json.areas?.buffer_m ?? '');
    this.lastHtml = this.html(json);
    this.body.innerHTML = this.lastHtml;
  }

  html(json) {
    const warnings = [];
    const seen = new Set();
    for (const series of SERIES) {
      for (const w of part(json, series)?.warnings ?? []) {
        const text = series === 'all' ? w : `${t(`eval.${series}`)}: ${w}`;
        if (!seen.has(w)) warnings.push(text);
        seen.add(w);
      }
    }
    let html = `<section class="eval-summary" data-testid="eval-summary"><h3>${escapeHtml(t('eval.summary'))}</h3><p lang="sv" data-testid="eval-summary-text">${escapeHtml(json.summary_sv ?? '')}</p>${t('eval.summaryNote') ? `<p class="note">${escapeHtml(t('eval.summaryNote'))}</p>` : ''}</section>`;
    html += `<section data-testid="eval-warnings"><h3>${escapeHtml(t('eval.warnings'))}</h3>${
      warnings.length ? `<ul class="warnings">${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : `<p>${escapeHtml(t('eval.noWarnings'))}</p>`
    }</section>`;
    html += `<div class="eval-charts"><section><h3>${escapeHtml(t('eval.countsHeading'))}</h3>${countsChart(json.counts, t('eval.countsCaption'))}</section>`;
    const rows = [];
    for (const stat of ['rate_ratio', 'relative_effect']) {
      for (const series of SERIES) {
        const s = part(json, series)?.[stat];
        if (!s) continue;
        rows.push({
          series,
          stat,
          label: `${t(stat === 'rate_ratio' ? 'eval.rr' : 'eval.re')}, ${t(`eval.${series}`)}`,
          estimate: Number(s.estimate),
          lo: Number(s.ci90?.[0]),
          hi: Number(s.ci90?.[1]),
        });
      }
    }
    html += `<section><h3>${escapeHtml(t('eval.ratiosHeading'))}</h3>${ratioChart(rows, t('eval.ratiosCaption'))}</section></div>`;
    // Key statistics.
    const row = (label, value, testid, data) =>
      `<tr data-testid="${testid}"${data !== undefined ? ` data-value="${escapeHtml(String(data))}"` : ''}><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`;
    const ratio = (s) =>
      s
        ? escapeHtml(t('eval.ratioDetail', { est: num(s.estimate), p: formatP(s.p), lo: num(s.ci90?.[0]), hi: num(s.ci90?.[1]) }))
        : '–';
    let stats = '';
    stats += row(t('eval.wdq'), `${escapeHtml(num(json.wdq))}${json.wdq_reading ? ` <span class="note">${escapeHtml(json.wdq_reading)}</span>` : ''}`, 'eval-wdq', json.wdq);
    stats += row(t('eval.success'), escapeHtml(num(json.success_measure, 4)), 'eval-success', json.success_measure);
    const wdd = json.wdd ?? {};
    stats += row(
      t('eval.wdd'),
      escapeHtml(t('eval.wddDetail', { est: num(wdd.estimate, 1), se: num(wdd.se, 1), z: num(wdd.z), p: formatP(wdd.p), lo: num(wdd.ci90?.[0], 1), hi: num(wdd.ci90?.[1], 1) })),
      'eval-wdd',
      wdd.estimate,
    );
    for (const series of SERIES) {
      const s = part(json, series);
      stats += row(`${t('eval.rr')}, ${t(`eval.${series}`)}`, ratio(s?.rate_ratio), `eval-rr-${series}`, s?.rate_ratio?.estimate);
      stats += row(`${t('eval.re')}, ${t(`eval.${series}`)}`, ratio(s?.relative_effect), `eval-re-${series}`, s?.relative_effect?.estimate);
    }
    const period = (p) =>
      p ? escapeHtml(t('eval.period', { from: p.from, to: p.to, days: formatNumber(p.days), dark: formatNumber(p.dark_hours, 0) })) : '–';
    stats += row(t('eval.periodBefore'), period(json.periods?.before), 'eval-period-before', json.periods?.before?.days);
    stats += row(t('eval.periodAfter'), period(json.periods?.after), 'eval-period-after', json.periods?.after?.days);
    const a = json.areas ?? {};
    stats += row(t('eval.areas'), `${escapeHtml(t('eval.areasText', { r: formatNumber(a.treated_m2), b: formatNumber(a.buffer_m2), buffer: formatNumber(a.buffer_m), c: formatNumber(a.control_m2) }))}${a.control ? `<br><span class="note">${escapeHtml(a.control)}</span>` : ''}`, 'eval-areas', a.buffer_m);
    html += `<table class="props eval-stats" data-testid="eval-stats"><caption>${escapeHtml(t('eval.statsHeading'))}</caption><tbody>${stats}</tbody></table>`;
    return html;
  }
}

/** The sidebar's list of measures (from /ogc/collections/measures/items), each opening its evaluation. */
export class MeasureList {
  constructor({ api, onOpen, evaluation }) {
    this.api = api;
    this.onOpen = onOpen;
    this.evaluation = evaluation;
    this.state = 'loading';
    this.measures = [];
  }

  async load() {
    this.state = 'loading';
    this.render();
    try {
      const json = await fetchJson(this.api('/ogc/collections/measures/items?limit=10000'));
      this.measures = (json.features ?? [])
        .map((f) => ({
          id: f.properties?.measure ?? String(f.id),
          type: f.properties?.type ?? '',
          date: f.properties?.start_date ?? '',
          description: f.properties?.description ?? '',
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
      this.state = 'ready';
    } catch (e) {
      this.state = 'error';
      this.error = e.message;
    }
    this.evaluation?.setMeasures(this.measures);
    this.render();
  }

  render() {
    const el = $('measure-list');
    el.dataset.state = this.state;
    if (this.state === 'loading') {
      el.innerHTML = `<p>${escapeHtml(t('measures.loading'))}</p>`;
      return;
    }
    if (this.state === 'error') {
      el.innerHTML = `<p class="error" role="alert">${escapeHtml(t('measures.error', { error: this.error }))}</p>`;
      return;
    }
    if (!this.measures.length) {
      el.innerHTML = `<p>${escapeHtml(t('measures.none'))}</p>`;
      return;
    }
    el.innerHTML = `<ul class="measures">${this.measures
      .map(
        (m) =>
          `<li><button type="button" data-measure="${escapeHtml(m.id)}" title="${escapeHtml(m.description)}">${escapeHtml(t('measures.open', { id: m.id, type: t(`mtype.${m.type}`), date: m.date }))}</button></li>`,
      )
      .join('')}</ul>`;
    for (const b of el.querySelectorAll('button[data-measure]')) b.addEventListener('click', () => this.onOpen(b.dataset.measure));
    this.evaluation?.setMeasures(this.measures);
  }
}
