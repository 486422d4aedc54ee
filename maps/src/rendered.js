// The features of the vector tiles drawn in the current view under the current filters: for the "no data" notice,
// the test hook and clicking a feature in tests.

import { intersects } from 'ol/extent.js';
import { viewer } from './viewer.js';
import { tileUrl } from './urls.js';

export function recordTile(sourceId, tile) {
  const features = tile.getFeatures?.() ?? [];
  let byUrl = viewer.tileFeatures[sourceId];
  if (!byUrl) byUrl = viewer.tileFeatures[sourceId] = new globalThis.Map();
  byUrl.delete(tile.key);
  byUrl.set(tile.key, { z: tile.tileCoord[0], features, extent: null, coord: tile.tileCoord });
  if (byUrl.size > 800) byUrl.delete(byUrl.keys().next().value);
}

/** Features of a service layer drawn in the current view with the current filters: {features, total}. */
export function renderedCounts(sourceId) {
  const list = renderedFeatures(sourceId);
  let total = 0;
  for (const f of list) total += f.get('id') === undefined && f.get('count') !== undefined ? Number(f.get('count')) : 1;
  return { features: list.length, total, tiles: list.tiles ?? 0 };
}

/** The features of the current tiles (current filters, current zoom) that lie in the view, once each. */
export function renderedFeatures(sourceId) {
  const { map } = viewer;
  const layer = viewer.sourceLayers[sourceId];
  const byUrl = viewer.tileFeatures[sourceId];
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

/** The pixel of the drawn feature of a layer that best matches `where` (highest z or count). */
export function findFeaturePixel(sourceId, where = {}) {
  const { map } = viewer;
  const byUrl = viewer.tileFeatures[sourceId];
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
