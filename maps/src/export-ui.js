// The PNG export: its size controls and the map drawn with a title, the period, the filters, the run and a legend.

import { t } from './i18n.js';
import { formatDate } from './state.js';
import { SIZES, renderExport, canvasToBlob } from './export.js';
import { viewer, $, state } from './viewer.js';
import { periodText, filterText } from './status.js';
import { availableLayers, legendOf } from './layer-list.js';
import { currentRun } from './runs.js';

export function exportInfo() {
  const legend = availableLayers()
    .filter((def) => state().layers.has(def.id))
    .reverse()
    .map((def) => ({ title: t(`layer.${def.id}`), items: legendOf(def) }));
  const run = state().layers.has('hotspots') ? currentRun() : null;
  return {
    title: t('app.title'),
    period: periodText(),
    filters: filterText(),
    run: run ? `#${run.id} ${run.name} (${run.method})` : '',
    legend,
  };
}

export function wireExport() {
  $('export-size').addEventListener('change', () => {
    const s = SIZES.find((x) => x.id === $('export-size').value);
    if (s) {
      $('export-width').value = s.w;
      $('export-height').value = s.h;
    }
  });
  for (const id of ['export-width', 'export-height']) $(id).addEventListener('input', () => ($('export-size').value = 'custom'));
  $('export').addEventListener('click', async () => {
    const w = Math.round(Number($('export-width').value));
    const h = Math.round(Number($('export-height').value));
    const status = $('export-status');
    if (!(w >= 200 && w <= 6000 && h >= 200 && h <= 6000)) {
      status.textContent = t('export.tooBig');
      return;
    }
    $('export').disabled = true;
    status.textContent = t('export.busy');
    try {
      const canvas = await renderExport(viewer.map, w, h, exportInfo());
      const blob = await canvasToBlob(canvas);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `geotrygghet-${formatDate(new Date())}-${w}x${h}.png`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      status.textContent = t('export.done', { w, h });
    } catch (e) {
      status.textContent = t('export.failed', { error: e.message });
    } finally {
      $('export').disabled = false;
    }
  });
}
