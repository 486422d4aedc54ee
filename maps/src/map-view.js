// The OpenLayers map: its layers (with the bookkeeping of tiles that tells when it has settled), the first view
// (from the URL, else the data's extent), clicks and Enter on features, and the view written back to the store.

import Map from 'ol/Map.js';
import View from 'ol/View.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { defaults as defaultControls, ScaleLine } from 'ol/control.js';
import { createLayer, tileLayersOf } from './layers.js';
import { fetchJson } from './net.js';
import { viewer, $, api, state, markChanged } from './viewer.js';
import { catalogLayer, tileUrl, overlayUrl } from './urls.js';
import { onTileError, updateNoDataNotice } from './status.js';
import { recordTile } from './rendered.js';
import { availableLayers, overlayLoader } from './layer-list.js';
import { applyFilters, ensureDataDomain } from './filters.js';

const CLICK_ORDER = ['candidates', 'incidents', 'reports', 'lights', 'cameras', 'measures', 'camera_views', 'hotspots', 'watched', 'lit', 'focus_areas'];

async function initialExtent() {
  for (const id of ['basemap', 'focus_areas', 'incidents']) {
    if (!catalogLayer(id)) continue;
    try {
      const tj = await fetchJson(api(`/tiles/${id}.json`));
      const b = tj.bounds;
      // The service answers all of Sweden for an empty layer.
      if (Array.isArray(b) && b[2] - b[0] < 5) return transformExtent(b, 'EPSG:4326', 'EPSG:3857');
    } catch {
      /* try the next layer */
    }
  }
  return transformExtent([10.0, 55.0, 24.2, 69.1], 'EPSG:4326', 'EPSG:3857');
}

export function identify(pixel) {
  if (viewer.analysis?.ownsClick()) return false;
  const { map, plan, panel } = viewer;
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

export async function initMap() {
  const s = state();
  const stack = availableLayers();
  const layers = stack.map((def) => {
    const layer = createLayer(def, { urlFor: (sourceId) => tileUrl(sourceId), api, onTileError, overlayUrl, overlayLoader });
    viewer.olLayers[def.id] = layer;
    for (const child of tileLayersOf(layer)) {
      const sourceId = child.get('sourceId') ?? def.raster;
      viewer.sourceLayers[sourceId] = child;
      const source = child.getSource();
      if (child.get('local')) continue;
      if (child.get('static')) {
        source.on('featuresloadstart', () => (viewer.pendingTiles += 1));
        // A load that ends without adding features (a superseded day, an error) changes nothing on the map, so no
        // rendercomplete would follow it; ask for one so the map is known to be settled.
        source.on(['featuresloadend', 'featuresloaderror'], () => {
          viewer.pendingTiles = Math.max(0, viewer.pendingTiles - 1);
          viewer.map?.render();
        });
        continue;
      }
      child.set('url', tileUrl(sourceId));
      source.on('tileloadstart', () => {
        viewer.pendingTiles += 1;
        $('loading').hidden = false;
      });
      const done = (e) => {
        viewer.pendingTiles = Math.max(0, viewer.pendingTiles - 1);
        if (viewer.pendingTiles === 0) $('loading').hidden = true;
        if (e.type === 'tileloadend' && !def.raster) recordTile(sourceId, e.tile);
      };
      source.on('tileloadend', done);
      source.on('tileloaderror', done);
    }
    layer.setVisible(s.layers.has(def.id));
    layer.setOpacity(s.opacity[def.id] ?? def.opacity ?? 1);
    return layer;
  });

  const view = new View({ center: fromLonLat([15.99, 59.51]), zoom: 14, maxZoom: 21, minZoom: 4 });
  const map = new Map({
    target: 'map',
    layers,
    view,
    controls: defaultControls({ attribution: false }).extend([new ScaleLine({ units: 'metric' })]),
    keyboardEventTarget: $('map'),
  });
  viewer.map = map;
  if (s.center && s.zoom !== null) {
    view.setCenter(fromLonLat(s.center));
    view.setZoom(s.zoom);
  } else {
    view.fit(await initialExtent(), { padding: [20, 20, 20, 20] });
  }

  map.on('rendercomplete', () => {
    viewer.renderCount += 1;
    if (viewer.firstDrawMs === null) {
      viewer.firstDrawMs = Math.round(performance.now());
      document.body.dataset.firstDraw = String(viewer.firstDrawMs);
      ensureDataDomain().then(() => applyFilters());
    }
    if (viewer.pendingTiles === 0) viewer.renderedSeq = viewer.changeSeq;
    updateNoDataNotice();
  });
  map.on('moveend', () => {
    markChanged();
    const center = view.getCenter();
    if (center) viewer.store.update({ center: toLonLat(center), zoom: view.getZoom() });
  });
  map.on('singleclick', (e) => identify(e.pixel));
  map.on('pointermove', (e) => {
    if (e.dragging) return;
    const hit = map.hasFeatureAtPixel(e.pixel, { hitTolerance: 4, layerFilter: (l) => Boolean(l.get('sourceId')) && l.get('sourceId') !== 'basemap' });
    map.getTargetElement().style.cursor = hit ? 'pointer' : '';
  });
  $('map').addEventListener('keydown', (e) => {
    if (viewer.analysis?.drawing) {
      if (e.key === 'Enter') viewer.analysis.finishDrawing();
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
