// The browser tests' view into the viewer (window.__gt): whether the map has settled, the drawn features and
// their counts, tile and overlay URLs, pixels of features to click, and the pages. Only the test build has it.

import { toLonLat, fromLonLat } from 'ol/proj.js';
import { effectivePeriod } from '../state.js';
import { LAYERS } from '../layers.js';
import { renderExport } from '../export.js';
import { viewer, state, settled } from '../viewer.js';
import { tileUrl, overlayUrl } from '../urls.js';
import { renderedCounts, renderedFeatures, findFeaturePixel } from '../rendered.js';
import { exportInfo } from '../export-ui.js';

window.__gt = {
  get firstDrawMs() {
    return viewer.firstDrawMs;
  },
  get renderCount() {
    return viewer.renderCount;
  },
  get map() {
    return viewer.map;
  },
  get state() {
    return state();
  },
  get catalog() {
    return viewer.catalog;
  },
  get pendingTiles() {
    return viewer.pendingTiles;
  },
  get dataDomain() {
    return viewer.dataDomain;
  },
  get evaluation() {
    return viewer.evaluation;
  },
  get analysis() {
    return viewer.analysis;
  },
  get plan() {
    return viewer.plan;
  },
  /** True when the map has drawn everything since the last change of state. */
  settled,
  tileUrl: (id) => tileUrl(id),
  counts: (id) => renderedCounts(id),
  /** The properties of the features of a layer drawn in the current view with the current filters. */
  renderedProperties: (id) =>
    renderedFeatures(id).map((f) => {
      const p = { ...f.getProperties() };
      delete p.geometry;
      return p;
    }),
  period: () => effectivePeriod(state(), viewer.dataDomain),
  pixelFor: (lonLat) => viewer.map.getPixelFromCoordinate(fromLonLat(lonLat)),
  /** The pixel of the rendered feature of a layer that best matches `where`, for clicking in tests. */
  findFeaturePixel: (id, where) => findFeaturePixel(id, where),
  /** The features of a GeoJSON layer (lit, watched, candidates, drawn) as {properties, lonLat of the first coordinate}. */
  layerFeatures: (id) =>
    (viewer.olLayers[id]?.getSource()?.getFeatures() ?? []).map((f) => {
      const p = { ...f.getProperties() };
      delete p.geometry;
      return { properties: p, lonLat: toLonLat(f.getGeometry().getFirstCoordinate()), type: f.getGeometry().getType() };
    }),
  overlayInfo: (id) => viewer.overlayInfo[id] ?? null,
  overlayUrl: (id) => overlayUrl(LAYERS.find((d) => d.id === id)),
  exportCanvas: async (w, h) => {
    const canvas = await renderExport(viewer.map, w, h, exportInfo());
    return canvas.toDataURL('image/png');
  },
};
