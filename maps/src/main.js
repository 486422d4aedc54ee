// GeoTrygghet's web map viewer: the service's layers on an OpenLayers map, with filters, a time slider, feature
// details, a shareable URL and PNG export. Everything it reads comes from the service that serves it (/tiles,
// /raster, /ogc), so it works offline. The parts — the map (map-view.js), the layer list (layer-list.js), the runs
// (runs.js), the filters and slider (filters.js), the status (status.js), the URL (url-sync.js) — share one store
// (store.js, viewer.js): a change is one store update, and this file says what follows from which change.

import 'ol/ol.css';
import './style.css';
import { fromLonLat } from 'ol/proj.js';
import { t, setLanguage, translateDom } from './i18n.js';
import { effectivePeriod } from './state.js';
import { changedAny } from './store.js';
import { Panel } from './panel.js';
import { Candidates } from './candidates.js';
import { Evaluation, MeasureList } from './evaluation.js';
import { AnalysisForm } from './analysis.js';
import { PlanPage } from './plan.js';
import { ReportPage } from './report.js';
import { fetchJson } from './net.js';
import { viewer, $, api, state, FILTER_KEYS } from './viewer.js';
import { queryFor, publicView, may, seesExactly } from './urls.js';
import { loadAccount, renderAccount, viewAsPublic, wireSignIn } from './account.js';
import { showBanner, hideBanner, periodText, filterText, updateNoDataNotice } from './status.js';
import { syncUrl } from './url-sync.js';
import { buildLayerList, applyLayers, showLayer } from './layer-list.js';
import { buildRuns, runName } from './runs.js';
import { applyFilters, applyFiltersSoon, buildFilterControls, syncControls, wireFilterControls } from './filters.js';
import { wireExport } from './export-ui.js';
import { initMap } from './map-view.js';

/** What follows from a change of the state, in one place. */
function onStateChange(s, changed, meta) {
  if (changed.has('lang')) applyLanguage();
  if (meta.fromUrl && viewer.map && s.center && s.zoom !== null) {
    viewer.map.getView().setCenter(fromLonLat(s.center));
    viewer.map.getView().setZoom(s.zoom);
  }
  // The chosen run changes the run's description and the hotspots' legend.
  if (viewer.catalog && (changed.has('run') || meta.fromUrl)) {
    buildRuns();
    buildLayerList();
  }
  if (meta.fromUrl) syncControls();
  if (changedAny(changed, ['layers', 'opacity'])) applyLayers();
  if (changedAny(changed, FILTER_KEYS)) {
    if (meta.debounce) applyFiltersSoon();
    else applyFilters();
  }
  if (meta.fromUrl) {
    const { evaluation, plan } = viewer;
    if (evaluation && viewer.map) {
      if (s.evaluate) evaluation.open(s.evaluate.id, s.evaluate);
      else if (evaluation.isOpen) evaluation.close();
    }
    if (plan) {
      if (s.plan) plan.restore(s.plan);
      else if (plan.isOpen) plan.close();
    }
  }
}

/**
 * The public view has no hotspot runs, analyses, candidates or plans, and takes no hour, category or source filter:
 * their sections are not shown, rather than offered and refused.
 */
function hideNonPublicTools() {
  for (const heading of ['runs-heading', 'an-heading', 'cand-heading', 'plan-heading']) $(heading).closest('section').hidden = true;
  for (const id of ['categories', 'report-categories', 'hours-from']) $(id).closest('fieldset').hidden = true;
  $('source').closest('label').hidden = true;
}

/**
 * A signed-in reader sees the tools its role may use (issue #10): analyses and candidate places for analysts and
 * coordinators, presence plans for the police's analysts, the runs where there are any or it may make them.
 */
function hideToolsByRole() {
  if (!may('analyse')) for (const heading of ['an-heading', 'cand-heading']) $(heading).closest('section').hidden = true;
  if (!may('plan')) $('plan-heading').closest('section').hidden = true;
  if (!may('analyse') && !viewer.catalog.runs?.length) $('runs-heading').closest('section').hidden = true;
}

function applyLanguage() {
  setLanguage(state().lang);
  translateDom();
  document.title = t('app.title');
  buildFilterControls();
  if (viewer.catalog) {
    buildLayerList();
    buildRuns();
  }
  renderAccount();
  viewer.panel?.refresh();
  viewer.candidates?.render();
  viewer.evaluation?.render();
  viewer.measureList?.render();
  viewer.analysis?.translate();
  viewer.plan?.translate();
  viewer.report?.translate();
  updateNoDataNotice();
  if (!$('banner').hidden && $('banner').dataset.kind === 'tiles') showBanner(t('state.tileErrors', { n: viewer.tileErrors }), false);
}

/** A run made from the viewer: reload the catalog, select the run and show it. */
async function onRunCreated(run) {
  const fresh = await loadCatalog();
  if (fresh) viewer.catalog = fresh;
  const changed = viewer.store.update((s) => ({ run: run.id, layers: s.layers.has('hotspots') ? s.layers : new Set([...s.layers, 'hotspots']) }));
  if (!changed.has('run')) {
    // The same run id as before (a fresh catalog): its description and the tiles still follow the new catalog.
    buildRuns();
    buildLayerList();
    applyLayers();
    applyFilters();
  }
}

async function loadCatalog() {
  try {
    const body = await fetchJson(api('/tiles'));
    if (!Array.isArray(body.layers)) throw new Error('no layers in /tiles');
    return body;
  } catch (e) {
    showBanner(t('state.serviceDown', { error: e.message }), true);
    document.body.dataset.state = 'service-down';
    return null;
  }
}

async function start() {
  setLanguage(state().lang);
  translateDom();
  document.title = t('app.title');
  buildFilterControls();
  wireFilterControls();
  wireExport();
  wireSignIn();
  syncUrl();
  viewer.store.subscribe(onStateChange);
  $('menu-toggle').addEventListener('click', () => {
    const open = !document.body.classList.contains('sidebar-open');
    document.body.classList.toggle('sidebar-open', open);
    $('menu-toggle').setAttribute('aria-expanded', String(open));
  });
  $('banner-retry').addEventListener('click', () => boot());
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    const { analysis, evaluation, panel, plan } = viewer;
    if (analysis?.drawing) analysis.stopDrawing();
    else if (evaluation?.isOpen) evaluation.close();
    else if (!$('panel').hidden) panel.close();
    else if (plan?.isOpen) plan.close();
  });
  viewer.panel = new Panel($('panel'), {
    api,
    currentFilterQuery: (id) => queryFor(id),
    runName,
    onClose: () => $('map').focus({ preventScroll: true }),
    onEvaluate: (measureId) => viewer.evaluation.open(measureId),
  });
  viewer.evaluation = new Evaluation({ api, onChange: (evaluate) => viewer.store.update({ evaluate }) });
  await boot();
}

let booting = false;
async function boot() {
  if (booting || viewer.map) return;
  booting = true;
  try {
    await loadAccount();
    viewer.asPublic = viewAsPublic();
    renderAccount();
    viewer.catalog = await loadCatalog();
    if (!viewer.catalog) return;
    hideBanner();
    document.body.dataset.state = 'ready';
    if (publicView()) hideNonPublicTools();
    else hideToolsByRole();
    buildLayerList();
    buildRuns();
    await initMap();
    const { map, olLayers, evaluation } = viewer;
    viewer.candidates = new Candidates({
      api,
      map,
      layer: olLayers.candidates,
      filterQuery: () => queryFor('incidents').replace(/^\?/, ''),
      filterText: () => [periodText(), filterText()].filter(Boolean).join('; '),
      showLayer,
    });
    viewer.measureList = new MeasureList({ api, onOpen: (id) => evaluation.open(id), evaluation });
    viewer.measureList.load();
    viewer.analysis = new AnalysisForm({
      api,
      map,
      layer: olLayers.drawn,
      currentFilters: () => {
        const s = state();
        return { ...effectivePeriod(s, viewer.dataDomain), categories: s.categories, sources: s.sources, hours: s.hours };
      },
      showLayer,
      onRunCreated,
    });
    viewer.plan = new PlanPage({
      api,
      map,
      layer: olLayers.plan,
      currentRun: () => state().run,
      showLayer,
      onChange: (inputs) => viewer.store.update({ plan: inputs }),
    });
    viewer.report = new ReportPage({
      api,
      exact: () => seesExactly('incidents') && seesExactly('reports') && !publicView() && may('analyse'),
    });
    viewer.analysis.loadAreas().then(() => viewer.plan.setAreas(viewer.analysis.areas));
    applyFilters();
    const s = state();
    if (s.evaluate) evaluation.open(s.evaluate.id, s.evaluate);
    if (s.plan) viewer.plan.restore(s.plan);
  } finally {
    booting = false;
  }
}

start();
