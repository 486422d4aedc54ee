// What the viewer says about itself: the banner (service down, tiles failing), the "no data" notice, and the
// period and filters in words (badge, summary, export).

import { t, monthName } from './i18n.js';
import { effectivePeriod } from './state.js';
import { viewer, $, state } from './viewer.js';
import { renderedCounts } from './rendered.js';

export function showBanner(text, retry) {
  $('banner-text').textContent = text;
  $('banner-retry').hidden = !retry;
  $('banner').hidden = false;
  $('banner').dataset.kind = retry ? 'service-down' : 'tiles';
}

export function hideBanner() {
  $('banner').hidden = true;
  $('banner').dataset.kind = '';
}

export function onTileError() {
  viewer.tileErrors += 1;
  showBanner(t('state.tileErrors', { n: viewer.tileErrors }), false);
}

export function periodText() {
  const p = effectivePeriod(state(), viewer.dataDomain);
  if (p.step) {
    return p.step.kind === 'month'
      ? monthName(p.step.year, p.step.month)
      : `${t('period.week', { week: p.step.week, year: p.step.year })} (${p.from} – ${p.to})`;
  }
  if (p.from && p.to) return t('period.range', { from: p.from, to: p.to });
  if (p.from) return t('period.from', { from: p.from });
  if (p.to) return t('period.to', { to: p.to });
  return t('period.all');
}

export function filterText() {
  const s = state();
  const parts = [];
  if (s.categories.length) parts.push(s.categories.map((c) => t(`cat.${c}`)).join(', '));
  if (s.reportCategories.length) parts.push(`EST: ${s.reportCategories.map((c) => t(`rcat.${c}`)).join(', ')}`);
  if (s.sources.length) parts.push(`${t('filters.source')}: ${s.sources.join(', ')}`);
  if (s.hours) {
    const [a, b] = s.hours.split('-');
    parts.push(`${String(a).padStart(2, '0')}:00–${String(b).padStart(2, '0')}:00`);
  }
  return parts.join('; ');
}

export function updateSummaries() {
  const s = state();
  const period = periodText();
  const filters = filterText();
  $('period-badge').textContent = filters ? `${period} · ${filters}` : period;
  const any = s.from || s.to || s.step || filters;
  $('filter-summary').textContent = any ? t('filters.active', { text: [period, filters].filter(Boolean).join('; ') }) : t('filters.none');
}

export function updateNoDataNotice() {
  const watched = ['incidents', 'reports'].filter((id) => state().layers.has(id) && viewer.sourceLayers[id]);
  if (!watched.length) {
    $('notice').hidden = true;
    return;
  }
  const total = watched.reduce((sum, id) => sum + renderedCounts(id).total, 0);
  $('notice').textContent = t('state.noData');
  $('notice').hidden = total > 0;
}
