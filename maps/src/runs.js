// The hotspot runs: the run chooser, and the chosen run's method, parameters (automatic ones marked), period,
// filters, summary, size and date in words.

import { t, formatNumber } from './i18n.js';
import { escapeHtml } from './charts.js';
import { viewer, $, state } from './viewer.js';

export function runName(id) {
  const run = viewer.catalog?.runs?.find((r) => r.id === Number(id));
  return run ? `${run.name} (${run.method})` : `#${id}`;
}

export function currentRun() {
  const { catalog } = viewer;
  const s = state();
  if (!catalog?.runs?.length) return null;
  return catalog.runs.find((r) => r.id === s.run) ?? (s.run === null ? catalog.runs[0] : null);
}

function paramValue(key, v) {
  const text = typeof v === 'number' ? formatNumber(v, 4) : String(v);
  return /_m$/.test(key) && typeof v === 'number' ? `${text} m` : text;
}

/** The run's parameters as list items: "cell size (cell_m): 50 m, automatic". */
function describeParameters(run) {
  const params = run.parameters ?? run.report?.Parameters ?? run.report?.parameters;
  if (!params || typeof params !== 'object') return null;
  const automatic = run.automatic ?? {};
  const items = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => {
      const label = t(`param.${k}`) === `param.${k}` ? k : `${t(`param.${k}`)} (${k})`;
      const auto = automatic[k];
      return `<li data-testid="run-param" data-key="${escapeHtml(k)}" data-value="${escapeHtml(String(v))}"${auto ? ` data-automatic="true" title="${escapeHtml(String(auto))}"` : ''}>${escapeHtml(label)}: ${escapeHtml(paramValue(k, v))}${auto ? ` <em>(${escapeHtml(t('runs.automatic'))})</em>` : ''}</li>`;
    });
  return items.length ? `<ul class="run-params">${items.join('')}</ul>` : null;
}

/** The event filters the run was made with; the weights become "counts: police incidents". */
function describeRunFilters(run) {
  const filters = run.filters;
  if (!filters || typeof filters !== 'object') return null;
  const parts = [];
  for (const [k, v] of Object.entries(filters)) {
    if (v === null || v === undefined || v === false || (Array.isArray(v) && !v.length) || /_weight$/.test(k)) continue;
    const value = k === 'area_polygon' ? t('runs.drawnArea') : Array.isArray(v) ? v.join(', ') : String(v);
    const label = t(`runf.${k}`) === `runf.${k}` ? k : t(`runf.${k}`);
    parts.push(`<span data-testid="run-filter" data-key="${escapeHtml(k)}">${escapeHtml(label)}: ${escapeHtml(value)}</span>`);
  }
  const iw = Number(filters.incident_weight ?? 1);
  const rw = Number(filters.report_weight ?? 0);
  const include = iw > 0 && rw > 0 ? 'both' : rw > 0 ? 'reports' : 'incidents';
  parts.push(`<span data-testid="run-filter" data-key="events">${escapeHtml(t('runf.events'))}: ${escapeHtml(t(`runs.include.${include}`))}</span>`);
  return parts.join('; ');
}

function describeSummary(run) {
  const summary = run.summary;
  if (!summary || typeof summary !== 'object') return null;
  const items = Object.entries(summary)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => `<span data-testid="run-summary" data-key="${escapeHtml(k)}" data-value="${escapeHtml(String(v))}">${escapeHtml(k)}: ${escapeHtml(typeof v === 'number' ? formatNumber(v, 2) : String(v))}</span>`);
  return items.length ? items.join(', ') : null;
}

export function buildRuns() {
  const select = $('run');
  const runs = viewer.catalog?.runs ?? [];
  select.innerHTML = '';
  if (!runs.length) {
    select.disabled = true;
    $('run-info').innerHTML = `<dd>${escapeHtml(t('runs.none'))}</dd>`;
    return;
  }
  select.disabled = false;
  select.add(new Option(`${t('runs.latest')} (#${runs[0].id} ${runs[0].name})`, ''));
  for (const run of runs) select.add(new Option(`#${run.id} ${run.name} – ${run.method}`, String(run.id)));
  select.value = state().run === null ? '' : String(state().run);
  const run = currentRun();
  if (!run) {
    $('run-info').innerHTML = '';
    return;
  }
  const period =
    run.period_from || run.period_to
      ? `${(run.period_from ?? '…').slice(0, 10)} – ${(run.period_to ?? '…').slice(0, 10)}`
      : t('runs.allTime');
  const params = describeParameters(run);
  const filters = describeRunFilters(run);
  const summary = describeSummary(run);
  // [label, html, testid]
  const rows = [
    [t('runs.method'), escapeHtml(run.method), 'run-method'],
    [t('runs.parameters'), params ?? escapeHtml(t('runs.unknownParameters')), 'run-parameters'],
    [t('runs.period'), escapeHtml(period), 'run-period'],
    [t('runs.filters'), filters ?? escapeHtml(t('runs.noFilters')), 'run-filters'],
    ...(summary ? [[t('runs.summary'), summary, 'run-summary']] : []),
    [t('runs.features'), escapeHtml(formatNumber(run.features)), 'run-features'],
    [t('runs.created'), escapeHtml(String(run.created ?? '').replace('T', ' ').slice(0, 16)), 'run-created'],
  ];
  $('run-info').innerHTML = rows.map(([k, v, id]) => `<dt>${escapeHtml(k)}</dt><dd data-testid="${id}">${v}</dd>`).join('');
}
