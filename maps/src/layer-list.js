// The layer list: which of the viewer's layers the service offers, their checkboxes, opacity sliders, legends and
// overlay notes, and the OpenLayers layers' visibility and opacity following the store.

import GeoJSON from 'ol/format/GeoJSON.js';
import { t, formatNumber } from './i18n.js';
import { LAYERS, legendSvg } from './layers.js';
import { escapeHtml } from './charts.js';
import { fetchJson } from './net.js';
import { viewer, $, state, markChanged } from './viewer.js';
import { catalogLayer, publicView, overlayUrl, may, seesExactly } from './urls.js';
import { showBanner, updateNoDataNotice } from './status.js';
import { currentRun } from './runs.js';

export function availableLayers() {
  return LAYERS.filter((def) => {
    if (publicView() && (def.raster || def.overlay || def.id === 'candidates' || def.id === 'plan')) return false;
    if ((def.id === 'candidates' && !may('analyse')) || (def.id === 'plan' && !may('plan'))) return false;
    // The heat map draws single incidents: only for a reader who sees them exactly.
    if (def.raster) return seesExactly('incidents');
    if (def.overlay) return catalogLayer(def.id === 'lit' ? 'lights' : 'cameras');
    if (def.local) return true;
    return def.sources.every((s) => catalogLayer(s));
  });
}

export function legendOf(def) {
  const items = def.legendFor ? def.legendFor(currentRun(), def.legend) : def.legend;
  // A layer of events the reader sees only as the public view's counts has no single event to show a symbol for.
  const source = def.sources?.length === 1 ? def.sources[0] : null;
  if ((source === 'incidents' || source === 'reports') && !seesExactly(source)) {
    return items.filter((item) => item.label === 'legend.aggregate').map((item) => ({ ...item, label: 'legend.publicCell' }));
  }
  return items;
}

/** Turns a layer on (used when candidates, a drawn area or a new run are shown). */
export function showLayer(id) {
  if (state().layers.has(id)) return;
  viewer.store.update((s) => ({ layers: new Set([...s.layers, id]) }));
}

export function buildLayerList() {
  const s = state();
  const list = $('layer-list');
  list.innerHTML = '';
  for (const def of [...availableLayers()].reverse()) {
    const li = document.createElement('li');
    li.className = 'layer';
    li.dataset.layer = def.id;
    const checked = s.layers.has(def.id) ? 'checked' : '';
    const opacity = Math.round((s.opacity[def.id] ?? def.opacity ?? 1) * 100);
    li.innerHTML = `
      <div class="layer-head">
        <input type="checkbox" id="layer-${def.id}" ${checked} />
        <label for="layer-${def.id}">${escapeHtml(t(`layer.${def.id}`))}</label>
        <input type="range" class="opacity" id="opacity-${def.id}" min="0" max="100" step="5" value="${opacity}" aria-label="${escapeHtml(t('layers.opacity', { layer: t(`layer.${def.id}`) }))}" />
      </div>
      <ul class="legend" ${s.layers.has(def.id) ? '' : 'hidden'}>${legendOf(def)
        .map((item) => `<li>${legendSvg(item)}<span>${escapeHtml(t(item.label))}</span></li>`)
        .join('')}</ul>${def.overlay ? `<p class="layer-note" id="note-${def.id}" data-testid="note-${def.id}" aria-live="polite" ${s.layers.has(def.id) ? '' : 'hidden'}></p>` : ''}`;
    li.querySelector(`#layer-${def.id}`).addEventListener('change', (e) => {
      const layers = new Set(state().layers);
      if (e.target.checked) layers.add(def.id);
      else layers.delete(def.id);
      viewer.store.update({ layers });
    });
    li.querySelector(`#opacity-${def.id}`).addEventListener('input', (e) => {
      viewer.store.update((cur) => ({ opacity: { ...cur.opacity, [def.id]: Number(e.target.value) / 100 } }));
    });
    list.appendChild(li);
    if (def.overlay) updateOverlayNote(def.id);
  }
}

/** The OpenLayers layers' visibility and opacity, and the list's checkboxes, legends and notes, as the state says. */
export function applyLayers() {
  const s = state();
  for (const def of availableLayers()) {
    const layer = viewer.olLayers[def.id];
    if (!layer) continue;
    const visible = s.layers.has(def.id);
    if (layer.getVisible() !== visible) {
      layer.setVisible(visible);
      markChanged();
    }
    layer.setOpacity(s.opacity[def.id] ?? def.opacity ?? 1);
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

function areaText(m2) {
  return m2 >= 100000 ? `${formatNumber(m2 / 1e6, 2)} km²` : `${formatNumber(m2)} m²`;
}

export function updateOverlayNote(id) {
  const note = $(`note-${id}`);
  if (!note) return;
  const info = viewer.overlayInfo[id];
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

/** Loads a GeoJSON overlay layer (lit, watched) with the problem detail on failure, and notes what it holds. */
export function overlayLoader(def) {
  return function load(extent, resolution, projection, success, failure) {
    const source = this;
    const url = overlayUrl(def);
    viewer.overlayInfo[def.id] = { state: 'loading', url };
    updateOverlayNote(def.id);
    fetchJson(url)
      .then((json) => {
        if (viewer.olLayers[def.id]?.get('url') !== url) return success([]); // a newer day was asked for meanwhile
        const features = new GeoJSON().readFeatures(json, { featureProjection: projection });
        source.addFeatures(features);
        viewer.overlayInfo[def.id] = { state: 'ready', url, properties: json.features.map((f) => f.properties) };
        updateOverlayNote(def.id);
        success(features);
      })
      .catch((e) => {
        viewer.overlayInfo[def.id] = { state: 'error', url, error: e.message };
        updateOverlayNote(def.id);
        showBanner(t('overlay.error', { layer: t(`layer.${def.id}`), error: e.message }), false);
        $('banner').dataset.kind = 'tiles';
        failure();
      });
  };
}
