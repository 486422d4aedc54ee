// The map's layers: which service layers they read, how they are drawn and what their legend says.
// Vector layers read the service's Mapbox vector tiles; the heat map reads its raster tiles.

import VectorTileLayer from 'ol/layer/VectorTile.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import LayerGroup from 'ol/layer/Group.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import XYZ from 'ol/source/XYZ.js';
import MVT from 'ol/format/MVT.js';
import { Style, Fill, Stroke, Circle, RegularShape, Text } from 'ol/style.js';

/** Colours shared by the map styles, the legend and the PNG export. */
export const colors = {
  background: '#f4f1ea',
  water: '#a9cfe0',
  park: '#cfe6bd',
  block: '#e6e0d4',
  blockStroke: '#d3cbbb',
  building: '#d8cfc4',
  street: '#ffffff',
  streetCasing: '#b9b2a5',
  path: '#8a8378',
  focus: '#762a83',
  district: '#6b6b6b',
  measure: '#e4572e',
  hot3: '#b2182b',
  hot2: '#ef6548',
  hot1: '#fdbb84',
  cold1: '#d1e5f0',
  cold2: '#92c5de',
  cold3: '#4393c3',
  cluster: '#a50f15',
  incident: '#d73027',
  report: '#2c7bb6',
  lightWorking: '#fed976',
  lightWorkingStroke: '#8c6d00',
  lightOut: '#e31a1c',
  lightOutStroke: '#5c0000',
  lightRemoved: '#9e9e9e',
  camera: '#1a9850',
  view: 'rgba(26, 152, 80, 0.18)',
  viewStroke: 'rgba(26, 152, 80, 0.75)',
  lit: 'rgba(255, 214, 10, 0.42)',
  litStroke: 'rgba(176, 132, 0, 0.8)',
  watched: 'rgba(0, 109, 44, 0.30)',
  watchedStroke: '#006d2c',
  candidateLight: '#ffd60a',
  candidateLightStroke: '#5c4400',
  candidateCamera: '#00441b',
  drawn: '#1a5fb4',
};

// ---------------------------------------------------------------- styles

const cache = new Map();
function cached(key, make) {
  let s = cache.get(key);
  if (!s) {
    s = make();
    cache.set(key, s);
  }
  return s;
}

function rgba(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function isAggregate(feature) {
  // The public view's cells carry a label ("7" or "färre än 5") and a count only from 5 on.
  return feature.get('id') === undefined && (feature.get('count') !== undefined || feature.get('label') !== undefined);
}

function aggregateStyle(feature, color) {
  if (feature.get('label') !== undefined && feature.get('count') === undefined) {
    // A public cell of fewer than 5 events: a hollow ring, not a dot that would read as one event.
    return cached(`few:${color}`, () =>
      new Style({ image: new Circle({ radius: 4, fill: new Fill({ color: 'rgba(255, 255, 255, 0.4)' }), stroke: new Stroke({ color: rgba(color, 0.8), width: 1.25 }) }) }),
    );
  }
  const count = Number(feature.get('count')) || 1;
  const r = Math.min(9, 1.5 + 1.1 * Math.sqrt(count));
  const bucket = Math.round(r * 2) / 2;
  return cached(`agg:${color}:${bucket}`, () =>
    new Style({
      image: new Circle({
        radius: bucket,
        fill: new Fill({ color: rgba(color, 0.35) }),
        stroke: new Stroke({ color: rgba(color, 0.6), width: 0.75 }),
      }),
    }),
  );
}

function basemapStyle(feature, resolution) {
  const kind = feature.get('kind');
  switch (kind) {
    case 'water':
      return cached('bm:water', () => new Style({ fill: new Fill({ color: colors.water }), zIndex: 1 }));
    case 'park':
      return cached('bm:park', () => new Style({ fill: new Fill({ color: colors.park }), zIndex: 2 }));
    case 'block':
      return cached('bm:block', () =>
        new Style({ fill: new Fill({ color: colors.block }), stroke: new Stroke({ color: colors.blockStroke, width: 1 }), zIndex: 0 }),
      );
    case 'building':
      return cached('bm:building', () => new Style({ fill: new Fill({ color: colors.building }), zIndex: 3 }));
    case 'path':
      return cached('bm:path', () =>
        new Style({ stroke: new Stroke({ color: colors.path, width: 1.2, lineDash: [4, 3] }), zIndex: 4 }),
      );
    case 'street': {
      const w = Math.max(2, Math.min(14, 20 / resolution + 1.5));
      const bucket = Math.round(w);
      const styles = cached(`bm:street:${bucket}`, () => [
        new Style({ stroke: new Stroke({ color: colors.streetCasing, width: bucket + 2 }), zIndex: 5 }),
        new Style({ stroke: new Stroke({ color: colors.street, width: bucket }), zIndex: 6 }),
      ]);
      const name = feature.get('name');
      if (name && resolution < 1.2) {
        return [
          ...styles,
          new Style({
            text: new Text({
              text: String(name),
              placement: 'line',
              font: '11px system-ui, sans-serif',
              fill: new Fill({ color: '#4a463f' }),
              stroke: new Stroke({ color: '#ffffff', width: 3 }),
            }),
            zIndex: 7,
          }),
        ];
      }
      return styles;
    }
    default:
      return cached('bm:other', () =>
        new Style({ fill: new Fill({ color: colors.block }), stroke: new Stroke({ color: colors.streetCasing, width: 1 }) }),
      );
  }
}

function focusStyle(feature, resolution) {
  const district = feature.get('kind') === 'district';
  const base = district
    ? cached('fa:district', () => new Style({ stroke: new Stroke({ color: colors.district, width: 1.5, lineDash: [6, 4] }) }))
    : cached('fa:focus', () =>
        new Style({ stroke: new Stroke({ color: colors.focus, width: 3 }), fill: new Fill({ color: rgba(colors.focus, 0.08) }) }),
      );
  const name = feature.get('name');
  if (!name || (district && resolution > 6)) return base;
  return [
    base,
    new Style({
      text: new Text({
        text: String(name),
        font: district ? 'italic 12px system-ui, sans-serif' : 'bold 13px system-ui, sans-serif',
        fill: new Fill({ color: district ? colors.district : colors.focus }),
        stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 3 }),
        overflow: true,
      }),
    }),
  ];
}

function measureStyle() {
  return cached('measure', () =>
    new Style({
      stroke: new Stroke({ color: colors.measure, width: 3, lineDash: [8, 4] }),
      fill: new Fill({ color: rgba(colors.measure, 0.15) }),
      image: new RegularShape({ points: 4, radius: 7, angle: Math.PI / 4, fill: new Fill({ color: colors.measure }), stroke: new Stroke({ color: '#fff', width: 1.5 }) }),
    }),
  );
}

export function binColor(bin) {
  return { 3: colors.hot3, 2: colors.hot2, 1: colors.hot1, '-1': colors.cold1, '-2': colors.cold2, '-3': colors.cold3 }[bin];
}

const QUADRANT = { HH: colors.hot3, HL: colors.hot1, LH: colors.cold2, LL: colors.cold3 };
const EMERGING = {
  new: '#67000d',
  consecutive: '#a50f15',
  intensifying: '#cb181d',
  persistent: '#ef3b2c',
  diminishing: '#fb6a4a',
  sporadic: '#fc9272',
  oscillating: '#fcbba1',
  historical: '#fee0d2',
};

function hotspotStyle(feature) {
  const bin = feature.get('bin');
  if (bin !== undefined && bin !== null) {
    const b = Number(bin);
    if (b === 0) return null;
    return cached(`hs:bin:${b}`, () =>
      new Style({ fill: new Fill({ color: rgba(binColor(b), 0.72) }), stroke: new Stroke({ color: rgba(binColor(b), 0.95), width: 0.5 }) }),
    );
  }
  if (feature.get('cluster') !== undefined && feature.get('cluster') !== null) {
    const count = Number(feature.get('count')) || 0;
    const a = Math.min(0.35, 0.12 + Math.log10(1 + count) / 10);
    const bucket = Math.round(a * 20) / 20;
    return cached(`hs:cluster:${bucket}`, () =>
      new Style({ fill: new Fill({ color: rgba(colors.cluster, bucket) }), stroke: new Stroke({ color: colors.cluster, width: 2 }) }),
    );
  }
  const quadrant = feature.get('quadrant');
  if (quadrant) {
    const significant = feature.get('significant');
    if (significant === false || significant === 'false' || !QUADRANT[quadrant]) return null;
    return cached(`hs:q:${quadrant}`, () => new Style({ fill: new Fill({ color: rgba(QUADRANT[quadrant], 0.7) }) }));
  }
  const category = feature.get('category');
  if (category && EMERGING[String(category).replace(/^cold_/, '')]) {
    const color = String(category).startsWith('cold') ? colors.cold2 : EMERGING[category];
    return cached(`hs:e:${category}`, () => new Style({ fill: new Fill({ color: rgba(color, 0.7) }) }));
  }
  const density = Number(feature.get('density'));
  if (Number.isFinite(density) && density > 0) {
    const a = Math.min(0.8, Math.log10(1 + density) / 6);
    const bucket = Math.round(a * 20) / 20;
    if (bucket <= 0) return null;
    return cached(`hs:d:${bucket}`, () => new Style({ fill: new Fill({ color: rgba(colors.hot2, bucket) }) }));
  }
  return cached('hs:other', () => new Style({ stroke: new Stroke({ color: colors.cluster, width: 1.5 }) }));
}

function incidentStyle(feature) {
  if (isAggregate(feature)) return aggregateStyle(feature, colors.incident);
  return cached('incident', () =>
    new Style({ image: new Circle({ radius: 3, fill: new Fill({ color: rgba(colors.incident, 0.8) }), stroke: new Stroke({ color: 'rgba(255, 255, 255, 0.8)', width: 0.75 }) }) }),
  );
}

function reportStyle(feature) {
  if (isAggregate(feature)) return aggregateStyle(feature, colors.report);
  return cached('report', () =>
    new Style({
      image: new RegularShape({ points: 4, radius: 4, angle: Math.PI / 4, fill: new Fill({ color: rgba(colors.report, 0.85) }), stroke: new Stroke({ color: 'rgba(255, 255, 255, 0.8)', width: 0.75 }) }),
    }),
  );
}

function lightStyle(feature) {
  if (isAggregate(feature)) return aggregateStyle(feature, colors.lightWorkingStroke);
  const status = feature.get('status');
  if (status === 'out') {
    return cached('light:out', () =>
      new Style({ image: new Circle({ radius: 5.5, fill: new Fill({ color: colors.lightOut }), stroke: new Stroke({ color: colors.lightOutStroke, width: 1.5 }) }), zIndex: 2 }),
    );
  }
  if (status === 'removed') {
    return cached('light:removed', () =>
      new Style({ image: new Circle({ radius: 3, fill: new Fill({ color: colors.lightRemoved }), stroke: new Stroke({ color: '#555', width: 1 }) }) }),
    );
  }
  return cached('light:working', () =>
    new Style({ image: new Circle({ radius: 3, fill: new Fill({ color: colors.lightWorking }), stroke: new Stroke({ color: colors.lightWorkingStroke, width: 1 }) }), zIndex: 1 }),
  );
}

function cameraStyle(feature) {
  if (isAggregate(feature)) return aggregateStyle(feature, colors.camera);
  return cached('camera', () =>
    new Style({ image: new RegularShape({ points: 3, radius: 7, fill: new Fill({ color: colors.camera }), stroke: new Stroke({ color: '#ffffff', width: 1.5 }) }), zIndex: 2 }),
  );
}

function viewStyle() {
  return cached('view', () => new Style({ fill: new Fill({ color: colors.view }), stroke: new Stroke({ color: colors.viewStroke, width: 1 }) }));
}

function litStyle() {
  return cached('lit', () => new Style({ fill: new Fill({ color: colors.lit }), stroke: new Stroke({ color: colors.litStroke, width: 0.75 }) }));
}

function watchedStyle() {
  return cached('watched', () =>
    new Style({ fill: new Fill({ color: colors.watched }), stroke: new Stroke({ color: colors.watchedStroke, width: 1.5, lineDash: [5, 3] }) }),
  );
}

/** A candidate place: a numbered circle (lamp, yellow) or square (camera, dark green); bigger when selected. */
function candidateStyle(feature) {
  const camera = feature.get('kind') === 'camera';
  const rank = String(feature.get('rank') ?? '');
  const selected = Boolean(feature.get('selected'));
  return cached(`cand:${camera}:${rank}:${selected}`, () =>
    new Style({
      image: camera
        ? new RegularShape({ points: 4, radius: selected ? 15 : 12, angle: Math.PI / 4, fill: new Fill({ color: colors.candidateCamera }), stroke: new Stroke({ color: '#ffffff', width: selected ? 3 : 2 }) })
        : new Circle({ radius: selected ? 13 : 10, fill: new Fill({ color: colors.candidateLight }), stroke: new Stroke({ color: colors.candidateLightStroke, width: selected ? 3 : 2 }) }),
      text: new Text({
        text: rank,
        font: 'bold 11px system-ui, sans-serif',
        fill: new Fill({ color: camera ? '#ffffff' : '#2b2000' }),
      }),
      zIndex: selected ? 20 : 10,
    }),
  );
}

/** The colour of a patrol's route and stops (1-based; repeats after eight). */
const PATROL_COLORS = ['#1a5fb4', '#e66100', '#813d9c', '#0b7b7b', '#986a44', '#d6336c', '#26a269', '#1f2328'];
export function patrolColor(patrol) {
  const n = Math.max(1, Math.round(Number(patrol) || 1));
  return PATROL_COLORS[(n - 1) % PATROL_COLORS.length];
}

/** A presence plan: each patrol's legs as a cased line and its stops as numbered circles in its colour. */
function planStyle(feature) {
  const color = patrolColor(feature.get('patrol'));
  if (feature.get('kind') === 'leg') {
    return cached(`plan-leg:${color}`, () => [
      new Style({ stroke: new Stroke({ color: '#ffffff', width: 7 }), zIndex: 1 }),
      new Style({ stroke: new Stroke({ color, width: 4 }), zIndex: 2 }),
    ]);
  }
  const order = String(feature.get('order') ?? '');
  const selected = Boolean(feature.get('selected'));
  return cached(`plan-stop:${color}:${order}:${selected}`, () =>
    new Style({
      image: new Circle({ radius: selected ? 14 : 11, fill: new Fill({ color }), stroke: new Stroke({ color: selected ? '#000000' : '#ffffff', width: selected ? 3 : 2 }) }),
      text: new Text({ text: order, font: 'bold 11px system-ui, sans-serif', fill: new Fill({ color: '#ffffff' }) }),
      zIndex: selected ? 20 : 10,
    }),
  );
}

function drawnStyle() {
  return cached('drawn', () =>
    new Style({
      stroke: new Stroke({ color: colors.drawn, width: 3, lineDash: [10, 5] }),
      fill: new Fill({ color: 'rgba(26, 95, 180, 0.08)' }),
      image: new Circle({ radius: 5, fill: new Fill({ color: colors.drawn }) }),
    }),
  );
}

// ---------------------------------------------------------------- layer definitions

/**
 * Vector tiles are drawn as 512 px tiles: a quarter of the requests of 256 px tiles for the same
 * view. The service's zoom levels count tiles, so the service sends points one by one (its detail
 * zoom, 14) from map zoom 15 on and counts per cell below.
 */
export const VECTOR_TILE_SIZE = 512;

/**
 * The viewer's layers from bottom to top. `sources` are the service layer ids a map layer reads;
 * `legend` lists its symbols: {shape: fill|line|dashed|circle|square|triangle|ramp, color, stroke, label}.
 */
export const LAYERS = [
  {
    // The presence plan's routes and stops, filled by the plan page from /patrol/plan.geojson. First
    // here (the bottom of the layer list) but drawn above the other layers (zIndex).
    id: 'plan',
    local: true,
    zIndex: 50,
    style: planStyle,
    legend: [
      { shape: 'line', color: patrolColor(1), stroke: '#ffffff', label: 'legend.planLeg' },
      { shape: 'circle', color: patrolColor(1), stroke: '#ffffff', label: 'legend.planStop', big: true },
    ],
  },
  {
    id: 'basemap',
    sources: ['basemap'],
    style: basemapStyle,
    legend: [
      { shape: 'line', color: colors.street, stroke: colors.streetCasing, label: 'legend.street' },
      { shape: 'dashed', color: colors.path, label: 'legend.path' },
      { shape: 'fill', color: colors.block, stroke: colors.blockStroke, label: 'legend.block' },
      { shape: 'fill', color: colors.park, label: 'legend.park' },
      { shape: 'fill', color: colors.water, label: 'legend.water' },
    ],
  },
  {
    // A handful of polygons: read whole from /ogc, so each area is labelled once (not once per tile).
    id: 'focus_areas',
    sources: ['focus_areas'],
    ogc: true,
    style: focusStyle,
    legend: [
      { shape: 'fill', color: rgba(colors.focus, 0.12), stroke: colors.focus, label: 'legend.focus_area' },
      { shape: 'dashed', color: colors.district, label: 'legend.district' },
    ],
  },
  {
    id: 'measures',
    sources: ['measures'],
    style: measureStyle,
    legend: [{ shape: 'fill', color: rgba(colors.measure, 0.2), stroke: colors.measure, label: 'legend.measure' }],
  },
  {
    id: 'heatmap',
    raster: 'heatmap',
    filtersOf: 'incidents',
    opacity: 0.85,
    legend: [{ shape: 'ramp', colors: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'], label: 'legend.heat' }],
  },
  {
    // GeoJSON from /overlay (not tiles): the ground lit on a day, one multipolygon.
    id: 'lit',
    overlay: '/overlay/lit.geojson',
    style: litStyle,
    opacity: 1,
    legend: [{ shape: 'fill', color: colors.lit, stroke: colors.litStroke, label: 'legend.lit' }],
  },
  {
    id: 'watched',
    overlay: '/overlay/watched.geojson',
    style: watchedStyle,
    opacity: 1,
    legend: [{ shape: 'fill', color: colors.watched, stroke: colors.watchedStroke, label: 'legend.watched' }],
  },
  {
    id: 'hotspots',
    sources: ['hotspots'],
    style: hotspotStyle,
    opacity: 0.9,
    legend: [
      { shape: 'fill', color: colors.hot3, label: 'legend.hot99' },
      { shape: 'fill', color: colors.hot2, label: 'legend.hot95' },
      { shape: 'fill', color: colors.hot1, label: 'legend.hot90' },
      { shape: 'fill', color: colors.cold2, label: 'legend.cold' },
      { shape: 'fill', color: rgba(colors.cluster, 0.45), stroke: colors.cluster, label: 'legend.cluster' },
    ],
    /** The legend of the shown run: cells by bin (Gi*), clusters (DBSCAN), or all. */
    legendFor(run, legend) {
      const method = String(run?.method ?? '').toLowerCase();
      if (method.includes('dbscan')) return legend.filter((i) => i.label === 'legend.cluster');
      if (method.includes('gi*') || method.includes('getis')) return legend.filter((i) => i.label !== 'legend.cluster');
      return legend;
    },
  },
  {
    id: 'cameras',
    sources: ['camera_views', 'cameras'],
    style: { camera_views: viewStyle, cameras: cameraStyle },
    legend: [
      { shape: 'triangle', color: colors.camera, label: 'legend.camera' },
      { shape: 'fill', color: colors.view, stroke: colors.viewStroke, label: 'legend.view' },
    ],
  },
  {
    id: 'lights',
    sources: ['lights'],
    style: lightStyle,
    legend: [
      { shape: 'circle', color: colors.lightWorking, stroke: colors.lightWorkingStroke, label: 'legend.light.working' },
      { shape: 'circle', color: colors.lightOut, stroke: colors.lightOutStroke, label: 'legend.light.out', big: true },
      { shape: 'circle', color: colors.lightRemoved, stroke: '#555', label: 'legend.light.removed' },
    ],
  },
  {
    id: 'reports',
    sources: ['reports'],
    style: reportStyle,
    legend: [
      { shape: 'square', color: colors.report, label: 'legend.report' },
      { shape: 'circle', color: rgba(colors.report, 0.55), stroke: colors.report, label: 'legend.aggregate', big: true },
    ],
  },
  {
    id: 'incidents',
    sources: ['incidents'],
    style: incidentStyle,
    legend: [
      { shape: 'circle', color: colors.incident, stroke: '#fff', label: 'legend.incident' },
      { shape: 'circle', color: rgba(colors.incident, 0.55), stroke: colors.incident, label: 'legend.aggregate', big: true },
    ],
  },
  {
    // Filled by the candidates section (sidebar) from /overlay/candidates.
    id: 'candidates',
    local: true,
    style: candidateStyle,
    legend: [
      { shape: 'circle', color: colors.candidateLight, stroke: colors.candidateLightStroke, label: 'legend.candLight', big: true },
      { shape: 'square', color: colors.candidateCamera, stroke: '#ffffff', label: 'legend.candCamera' },
    ],
  },
  {
    // The study area drawn or picked for a new analysis.
    id: 'drawn',
    local: true,
    style: drawnStyle,
    legend: [{ shape: 'dashed', color: colors.drawn, label: 'legend.drawn' }],
  },
];

/**
 * Creates the OpenLayers layer for a definition. `urlFor(sourceId)` gives the tile URL template with
 * the current filters; `api(path)` the service URL of a path; `onTileError(sourceId)` is told about
 * every tile that failed.
 */
export function createLayer(def, { urlFor, api, onTileError, overlayUrl, overlayLoader }) {
  if (def.local) {
    return new VectorLayer({
      source: new VectorSource(),
      style: def.style,
      opacity: def.opacity ?? 1,
      ...(def.zIndex ? { zIndex: def.zIndex } : {}),
      properties: { id: def.id, sourceId: def.id, sourceIds: [def.id], local: true, static: true },
    });
  }
  if (def.overlay) {
    const source = new VectorSource({ format: new GeoJSON(), loader: overlayLoader(def) });
    return new VectorLayer({
      source,
      style: def.style,
      opacity: def.opacity ?? 1,
      properties: { id: def.id, sourceId: def.id, sourceIds: [def.id], static: true, overlay: true, url: overlayUrl(def) },
    });
  }
  if (def.ogc) {
    const source = new VectorSource({ format: new GeoJSON(), url: api(`/ogc/collections/${def.id}/items?limit=10000`) });
    source.on('featuresloaderror', () => onTileError(def.id));
    return new VectorLayer({
      source,
      style: def.style,
      declutter: true,
      opacity: def.opacity ?? 1,
      properties: { id: def.id, sourceId: def.id, sourceIds: [def.id], static: true },
    });
  }
  if (def.raster) {
    const source = new XYZ({ url: urlFor(def.raster), crossOrigin: 'anonymous', transition: 0 });
    source.on('tileloaderror', () => onTileError(def.raster));
    const layer = new TileLayer({ source, opacity: def.opacity ?? 1, properties: { id: def.id, sourceIds: [def.raster], raster: true } });
    return layer;
  }
  const children = def.sources.map((sourceId) => {
    const source = new VectorTileSource({
      format: new MVT(),
      url: urlFor(sourceId),
      tileSize: VECTOR_TILE_SIZE,
      transition: 0,
    });
    source.on('tileloaderror', () => onTileError(sourceId));
    const style = typeof def.style === 'function' ? def.style : def.style[sourceId];
    return new VectorTileLayer({
      source,
      style,
      declutter: sourceId === 'basemap' || sourceId === 'focus_areas',
      renderBuffer: 64,
      properties: { id: sourceId === def.id ? def.id : `${def.id}:${sourceId}`, sourceId },
    });
  });
  if (children.length === 1) {
    children[0].setOpacity(def.opacity ?? 1);
    children[0].set('sourceIds', def.sources);
    children[0].set('id', def.id);
    return children[0];
  }
  return new LayerGroup({ layers: children, opacity: def.opacity ?? 1, properties: { id: def.id, sourceIds: def.sources } });
}

/** The vector tile layers inside a map layer (itself, or a group's children). */
export function tileLayersOf(layer) {
  if (layer instanceof LayerGroup) return layer.getLayers().getArray();
  return [layer];
}

/** A legend symbol as inline SVG (used in the layer list). */
export function legendSvg(item, size = 16) {
  const s = size;
  const stroke = item.stroke ? ` stroke="${item.stroke}" stroke-width="1.5"` : '';
  switch (item.shape) {
    case 'line':
      return `<svg width="${s}" height="${s}" aria-hidden="true"><line x1="1" y1="${s / 2}" x2="${s - 1}" y2="${s / 2}" stroke="${item.stroke}" stroke-width="6"/><line x1="1" y1="${s / 2}" x2="${s - 1}" y2="${s / 2}" stroke="${item.color}" stroke-width="4"/></svg>`;
    case 'dashed':
      return `<svg width="${s}" height="${s}" aria-hidden="true"><line x1="1" y1="${s / 2}" x2="${s - 1}" y2="${s / 2}" stroke="${item.color}" stroke-width="2" stroke-dasharray="3 2"/></svg>`;
    case 'circle': {
      const r = item.big ? s / 2 - 1 : s / 4;
      return `<svg width="${s}" height="${s}" aria-hidden="true"><circle cx="${s / 2}" cy="${s / 2}" r="${r}" fill="${item.color}"${stroke}/></svg>`;
    }
    case 'square':
      return `<svg width="${s}" height="${s}" aria-hidden="true"><rect x="${s / 2 - 4}" y="${s / 2 - 4}" width="8" height="8" transform="rotate(45 ${s / 2} ${s / 2})" fill="${item.color}"${stroke}/></svg>`;
    case 'triangle':
      return `<svg width="${s}" height="${s}" aria-hidden="true"><polygon points="${s / 2},2 ${s - 2},${s - 3} 2,${s - 3}" fill="${item.color}"/></svg>`;
    case 'ramp': {
      const stops = item.colors.map((c, i) => `<stop offset="${(i / (item.colors.length - 1)) * 100}%" stop-color="${c}"/>`).join('');
      return `<svg width="${s * 2}" height="${s}" aria-hidden="true"><defs><linearGradient id="ramp">${stops}</linearGradient></defs><rect x="0" y="3" width="${s * 2}" height="${s - 6}" fill="url(#ramp)"/></svg>`;
    }
    default:
      return `<svg width="${s}" height="${s}" aria-hidden="true"><rect x="1" y="1" width="${s - 2}" height="${s - 2}" fill="${item.color}"${stroke}/></svg>`;
  }
}
