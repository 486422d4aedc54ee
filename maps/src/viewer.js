// What the viewer's parts share: the store of its state, the service's catalog, the OpenLayers map and layers, the
// pages, and the bookkeeping of tiles (pending, drawn, errors) that tells when the map has settled.

import { parseHash } from './state.js';
import { createStore } from './store.js';

export const $ = (id) => document.getElementById(id);
const base = new URL('.', window.location.href);
/**
 * A URL of the service that served the viewer; string concatenation keeps the {z}/{x}/{y} placeholders. A signed-in
 * reader who chose to see what the public sees asks every layer with view=public.
 */
export const api = (path) => {
  const url = base.href + path.replace(/^\//, '');
  return viewer.asPublic ? `${url}${url.includes('?') ? '&' : '?'}view=public` : url;
};

/** The filter keys of the state: a change of any of them changes the tiles' URLs. */
export const FILTER_KEYS = ['from', 'to', 'step', 'stepIndex', 'categories', 'reportCategories', 'sources', 'hours', 'run'];

export const viewer = {
  base: base.href,
  account: null, // GET /auth/me: the signed-in reader, or null (the public view)
  asPublic: false, // a signed-in reader looking at the public view
  signInOffered: true, // false for a service that serves only the public view (gt serve --public)
  oidcOffered: false, // sign-in through the organisation's identity provider (OpenID Connect) is configured
  store: createStore(parseHash(window.location.hash)),
  catalog: null, // the /tiles answer
  map: null,
  panel: null,
  candidates: null,
  evaluation: null,
  measureList: null,
  analysis: null,
  plan: null,
  overlayInfo: {}, // overlay layer id -> {state: loading|ready|error, properties, error}
  olLayers: {}, // viewer layer id -> OpenLayers layer
  sourceLayers: {}, // service layer id -> VectorTileLayer / TileLayer
  tileFeatures: {}, // service layer id -> Map(url -> {z, features})
  dataDomain: null, // {from, to} of the incidents, for the time slider
  playing: false,
  tileErrors: 0,
  pendingTiles: 0,
  changeSeq: 0,
  renderedSeq: -1,
  firstDrawMs: null,
  renderCount: 0,
};

/** The current state (read-only: change it with viewer.store.update). */
export const state = () => viewer.store.get();

export function markChanged() {
  viewer.changeSeq += 1;
}

/** True when the map has drawn everything since the last change of state. */
export function settled() {
  return viewer.map !== null && viewer.pendingTiles === 0 && viewer.renderedSeq >= viewer.changeSeq;
}
