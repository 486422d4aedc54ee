// The "Candidates" section: ranked places for new street lights and cameras from /overlay/candidates
// (greedy maximal coverage over dark, unlit — or unwatched — events with the current filters), listed
// in two tables and drawn as numbered points on the map; a row's button zooms to its place.

import GeoJSON from 'ol/format/GeoJSON.js';
import { t, formatNumber } from './i18n.js';
import { escapeHtml } from './charts.js';
import { fetchJson } from './net.js';

const KINDS = ['light', 'camera'];
const geojson = new GeoJSON();
const $ = (id) => document.getElementById(id);

export class Candidates {
  constructor({ api, map, layer, filterQuery, filterText, showLayer }) {
    this.api = api;
    this.map = map;
    this.layer = layer;
    this.filterQuery = filterQuery;
    this.filterText = filterText;
    this.showLayer = showLayer;
    this.results = null; // {light: {json|error}, camera: {...}, query, k, filters}
    this.state = 'idle';
    this.token = 0;
    $('cand-show').addEventListener('click', () => this.load());
    $('cand-k').addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.load();
    });
    this.render();
  }

  get k() {
    return Math.round(Number($('cand-k').value));
  }

  async load() {
    const k = this.k;
    if (!(k >= 1 && k <= 50)) {
      this.state = 'invalid';
      this.render();
      return;
    }
    const token = ++this.token;
    const query = this.filterQuery();
    const filters = this.filterText();
    this.state = 'loading';
    this.render();
    $('cand-show').disabled = true;
    const fetchKind = (kind) =>
      fetchJson(this.api(`/overlay/candidates?kind=${kind}&k=${k}${query ? `&${query}` : ''}`)).then(
        (json) => ({ json }),
        (error) => ({ error: error.message }),
      );
    const [light, camera] = await Promise.all(KINDS.map(fetchKind));
    if (token !== this.token) return;
    $('cand-show').disabled = false;
    this.results = { light, camera, query, k, filters };
    this.state = 'ready';
    const source = this.layer.getSource();
    source.clear();
    for (const kind of KINDS) {
      const r = this.results[kind];
      if (!r.json) continue;
      const features = geojson.readFeatures(r.json, { featureProjection: 'EPSG:3857' });
      for (const f of features) {
        f.set('kind', kind);
        f.setId(`${kind}-${f.get('rank')}`);
      }
      source.addFeatures(features);
    }
    if (source.getFeatures().length) this.showLayer('candidates');
    this.render();
  }

  /** Called when the filters change: a shown list no longer matches them. */
  filtersChanged() {
    if (this.state === 'ready' && this.results && this.results.query !== this.filterQuery()) {
      this.state = 'stale';
      this.render();
    } else if (this.state === 'stale' && this.results?.query === this.filterQuery()) {
      this.state = 'ready';
      this.render();
    }
  }

  zoomTo(kind, rank) {
    const source = this.layer.getSource();
    const feature = source.getFeatureById(`${kind}-${rank}`);
    if (!feature) return;
    for (const f of source.getFeatures()) f.set('selected', f === feature);
    this.showLayer('candidates');
    const view = this.map.getView();
    view.animate({ center: feature.getGeometry().getCoordinates(), zoom: Math.max(view.getZoom(), 17.5), duration: 250 });
    for (const row of document.querySelectorAll('#cand-lists tr[data-rank]')) {
      row.classList.toggle('selected', row.dataset.kind === kind && row.dataset.rank === String(rank));
    }
  }

  render() {
    const status = $('cand-status');
    const lists = $('cand-lists');
    status.classList.remove('error');
    if (this.state === 'invalid') {
      status.textContent = t('cand.badK');
      status.classList.add('error');
      return;
    }
    if (this.state === 'loading') {
      status.textContent = t('cand.loading');
      lists.setAttribute('aria-busy', 'true');
      return;
    }
    lists.removeAttribute('aria-busy');
    if (!this.results) {
      status.textContent = '';
      lists.innerHTML = '';
      return;
    }
    const notes = [];
    if (this.state === 'stale') notes.push(t('cand.stale'));
    const about = this.results.light.json?.about ?? this.results.camera.json?.about;
    if (about) notes.push(t('cand.note', { h: formatNumber(about.half_life_days), filters: this.results.filters }));
    status.textContent = notes.join(' ');
    status.dataset.state = this.state;
    lists.innerHTML = KINDS.map((kind) => this.table(kind)).join('');
    for (const b of lists.querySelectorAll('button[data-rank]')) {
      b.addEventListener('click', () => this.zoomTo(b.dataset.kind, Number(b.dataset.rank)));
    }
  }

  table(kind) {
    const r = this.results[kind];
    const title = t(`cand.${kind}`);
    if (r.error) {
      return `<p class="error" role="alert" data-testid="cand-error-${kind}">${escapeHtml(t('cand.error', { kind: title, error: r.error }))}</p>`;
    }
    const features = r.json.features ?? [];
    const about = r.json.about ?? {};
    const demand = `<p class="note">${escapeHtml(t(`cand.demand.${kind}`, { n: formatNumber(about.demand_events ?? 0), r: formatNumber(about.radius_m ?? 0, 1) }))}</p>`;
    if (!features.length) return `<h3>${escapeHtml(title)}</h3><p data-testid="cand-empty-${kind}">${escapeHtml(t('cand.empty'))}</p>${demand}`;
    const rows = features
      .map((f) => {
        const p = f.properties;
        const label = t('cand.zoom', { rank: p.rank, kind: title.toLowerCase() });
        return `<tr data-kind="${kind}" data-rank="${p.rank}" data-events="${p.events}" data-weight="${p.weight}" data-cumulative="${p.cumulative_share}">
          <td><button type="button" class="cand-zoom ${kind}" data-kind="${kind}" data-rank="${p.rank}" aria-label="${escapeHtml(label)}" title="${escapeHtml(label)}">${p.rank}</button></td>
          <td>${escapeHtml(formatNumber(p.events))}</td><td>${escapeHtml(formatNumber(p.weight, 1))}</td><td>${escapeHtml(formatNumber(p.cumulative_share * 100, 1))} %</td></tr>`;
      })
      .join('');
    return `<table class="cand-table" data-testid="cand-${kind}"><caption>${escapeHtml(title)}</caption>
      <thead><tr><th scope="col">${escapeHtml(t('cand.rank'))}</th><th scope="col">${escapeHtml(t('cand.events'))}</th><th scope="col">${escapeHtml(t('cand.weight'))}</th><th scope="col">${escapeHtml(t('cand.cumulative'))}</th></tr></thead>
      <tbody>${rows}</tbody></table>${demand}`;
  }
}
