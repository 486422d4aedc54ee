// The service URLs of the layers under the current state: tiles with the filters each layer takes (from the
// catalog), the raster heat map, and the day of the lit and watched overlays.

import { effectivePeriod, filterQuery } from './state.js';
import { stockholmToday } from './net.js';
import { viewer, api, state } from './viewer.js';

export function catalogLayer(id) {
  return viewer.catalog?.layers.find((l) => l.id === id);
}

export function filtersOf(sourceId) {
  const layer = catalogLayer(sourceId === 'heatmap' ? 'incidents' : sourceId);
  return layer?.filters ?? [];
}

/**
 * The public view: nobody signed in (or a signed-in reader looking at what the public sees), or a service started with
 * --public. Events only as counts per cell and month; no heat map, overlays, candidates, analyses or plans.
 */
export function publicView() {
  return viewer.account === null || viewer.asPublic;
}

/** Whether the reader sees a layer of events point by point (not only as the public view's counts). */
export function seesExactly(layerId) {
  const layer = catalogLayer(layerId);
  return Boolean(layer) && !(layer.filters ?? []).includes('month');
}

/** What the signed-in reader's role may use: analyses and candidates, presence plans. */
export function may(what) {
  if (publicView()) return false;
  return what === 'plan' ? Boolean(viewer.account.may_plan_presence) : Boolean(viewer.account.may_analyse);
}

export function queryFor(sourceId) {
  const period = effectivePeriod(state(), viewer.dataDomain);
  const s = { ...state() };
  if (sourceId === 'hotspots' && s.run === null && viewer.catalog?.runs?.length) s.run = viewer.catalog.runs[0].id;
  return filterQuery(sourceId === 'heatmap' ? 'incidents' : sourceId, filtersOf(sourceId), s, { ...period, today: stockholmToday() });
}

export function tileUrl(sourceId) {
  if (sourceId === 'heatmap') return api(`/raster/heatmap/{z}/{x}/{y}.png${queryFor('heatmap')}`);
  return api(`/tiles/${sourceId}/{z}/{x}/{y}.mvt${queryFor(sourceId)}`);
}

/** The day of the lit and watched overlays: the end of the chosen period, else today (Stockholm). */
export function overlayDay() {
  return effectivePeriod(state(), viewer.dataDomain).to || stockholmToday();
}

export function overlayUrl(def) {
  return api(`${def.overlay}?day=${overlayDay()}`);
}
