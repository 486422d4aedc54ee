// Export of the current map as a PNG of a chosen size, with the legend, a scale bar, a north arrow
// and the period drawn onto the image.

import { getPointResolution } from 'ol/proj.js';
import { colors } from './layers.js';
import { t } from './i18n.js';

export const SIZES = [
  { id: '1280x800', w: 1280, h: 800 },
  { id: '1920x1080', w: 1920, h: 1080 },
  { id: '2480x1754', w: 2480, h: 1754 }, // A4 landscape at 300 dpi
  { id: '1754x2480', w: 1754, h: 2480 }, // A4 portrait at 300 dpi
];

function waitForRender(map) {
  return new Promise((resolve) => {
    map.once('rendercomplete', () => resolve());
    map.render();
  });
}

/** Draws every layer canvas of the map's viewport onto ctx (OpenLayers' own export recipe). */
function compositeLayers(map, ctx) {
  const canvases = map.getViewport().querySelectorAll('.ol-layer canvas, canvas.ol-layer');
  for (const canvas of canvases) {
    if (canvas.width === 0) continue;
    const parent = canvas.parentNode;
    const opacity = parent.style.opacity || canvas.style.opacity;
    ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
    const match = canvas.style.transform.match(/^matrix\(([^(]*)\)$/);
    const matrix = match ? match[1].split(',').map(Number) : [1, 0, 0, 1, 0, 0];
    ctx.setTransform(...matrix);
    const bg = parent.style.backgroundColor;
    if (bg) {
      ctx.fillStyle = bg;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }
    ctx.drawImage(canvas, 0, 0);
  }
  ctx.globalAlpha = 1;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

function symbol(ctx, item, x, y, s) {
  ctx.save();
  ctx.lineWidth = Math.max(1, s / 10);
  switch (item.shape) {
    case 'line':
      ctx.strokeStyle = item.stroke;
      ctx.lineWidth = s / 2.5;
      ctx.beginPath();
      ctx.moveTo(x, y + s / 2);
      ctx.lineTo(x + s, y + s / 2);
      ctx.stroke();
      ctx.strokeStyle = item.color;
      ctx.lineWidth = s / 4;
      ctx.stroke();
      break;
    case 'dashed':
      ctx.strokeStyle = item.color;
      ctx.setLineDash([s / 5, s / 8]);
      ctx.beginPath();
      ctx.moveTo(x, y + s / 2);
      ctx.lineTo(x + s, y + s / 2);
      ctx.stroke();
      break;
    case 'circle':
      ctx.fillStyle = item.color;
      ctx.beginPath();
      ctx.arc(x + s / 2, y + s / 2, item.big ? s / 2 - 1 : s / 4, 0, Math.PI * 2);
      ctx.fill();
      if (item.stroke) {
        ctx.strokeStyle = item.stroke;
        ctx.stroke();
      }
      break;
    case 'square':
      ctx.fillStyle = item.color;
      ctx.translate(x + s / 2, y + s / 2);
      ctx.rotate(Math.PI / 4);
      ctx.fillRect(-s / 4, -s / 4, s / 2, s / 2);
      break;
    case 'triangle':
      ctx.fillStyle = item.color;
      ctx.beginPath();
      ctx.moveTo(x + s / 2, y + 1);
      ctx.lineTo(x + s - 1, y + s - 2);
      ctx.lineTo(x + 1, y + s - 2);
      ctx.closePath();
      ctx.fill();
      break;
    case 'ramp': {
      const g = ctx.createLinearGradient(x, 0, x + s * 2, 0);
      item.colors.forEach((c, i) => g.addColorStop(i / (item.colors.length - 1), c));
      ctx.fillStyle = g;
      ctx.fillRect(x, y + s / 5, s * 2, (s * 3) / 5);
      break;
    }
    default:
      ctx.fillStyle = item.color;
      ctx.fillRect(x + 1, y + 1, s - 2, s - 2);
      if (item.stroke) {
        ctx.strokeStyle = item.stroke;
        ctx.strokeRect(x + 1, y + 1, s - 2, s - 2);
      }
  }
  ctx.restore();
}

function box(ctx, x, y, w, h, f) {
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.strokeStyle = '#888';
  ctx.lineWidth = Math.max(1, f);
  ctx.fillRect(x, y, w, h);
  ctx.strokeRect(x, y, w, h);
}

function niceLength(maxMetres) {
  const p = 10 ** Math.floor(Math.log10(maxMetres));
  for (const m of [5, 2.5, 2, 1]) if (m * p <= maxMetres) return m * p;
  return p;
}

/**
 * Renders the map at width × height CSS pixels showing (at least) the current extent and returns the
 * finished canvas. `info` has {title, period, filters, run, legend: [{title, items}]}.
 */
export async function renderExport(map, width, height, info) {
  const view = map.getView();
  const size = map.getSize();
  const resolution = view.getResolution();
  const scale = Math.max(size[0] / width, size[1] / height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  const f = Math.max(1, Math.min(width, height) / 800);
  let exportResolution;
  try {
    map.setSize([width, height]);
    view.setResolution(resolution * scale);
    await waitForRender(map);
    exportResolution = view.getResolution();
    compositeLayers(map, ctx);
  } finally {
    map.setSize(size);
    view.setResolution(resolution);
    map.updateSize();
  }

  const font = (px, weight = '') => `${weight} ${Math.round(px * f)}px system-ui, "DejaVu Sans", sans-serif`.trim();
  const pad = 10 * f;

  // Title and period, top left.
  const lines = [info.title, t('export.period', { period: info.period })];
  if (info.filters) lines.push(t('export.filters', { filters: info.filters }));
  if (info.run) lines.push(t('export.run', { run: info.run }));
  ctx.font = font(13);
  const textW = Math.min(width * 0.7, Math.max(...lines.map((l) => ctx.measureText(l).width)) + 2 * pad + 20 * f);
  const lineH = 18 * f;
  box(ctx, pad, pad, textW, lines.length * lineH + pad, f);
  lines.forEach((line, i) => {
    ctx.font = i === 0 ? font(15, 'bold') : font(13);
    ctx.fillStyle = '#222';
    ctx.textBaseline = 'top';
    ctx.fillText(line, pad * 2, pad * 1.5 + i * lineH, textW - 2 * pad);
  });

  // North arrow, top right (the map is never rotated: north is up).
  const na = 34 * f;
  const nx = width - pad - na;
  const ny = pad;
  box(ctx, nx, ny, na, na * 1.35, f);
  ctx.fillStyle = '#222';
  ctx.beginPath();
  ctx.moveTo(nx + na / 2, ny + na * 0.42);
  ctx.lineTo(nx + na * 0.78, ny + na * 1.2);
  ctx.lineTo(nx + na / 2, ny + na * 0.98);
  ctx.lineTo(nx + na * 0.22, ny + na * 1.2);
  ctx.closePath();
  ctx.fill();
  ctx.font = font(13, 'bold');
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(t('north'), nx + na / 2, ny + 3 * f);
  ctx.textAlign = 'left';

  // Scale bar, bottom right.
  const metresPerPixel = getPointResolution(view.getProjection(), exportResolution, view.getCenter(), 'm');
  const metres = niceLength(metresPerPixel * 160 * f);
  const barW = metres / metresPerPixel;
  const label = metres >= 1000 ? t('scale.km', { n: metres / 1000 }) : t('scale.m', { n: metres });
  const sbW = barW + 2 * pad;
  const sbH = 34 * f;
  const sx = width - pad - sbW;
  const sy = height - pad - sbH;
  box(ctx, sx, sy, sbW, sbH, f);
  ctx.fillStyle = '#222';
  ctx.fillRect(sx + pad, sy + sbH - 12 * f, barW / 2, 5 * f);
  ctx.strokeStyle = '#222';
  ctx.lineWidth = Math.max(1, f);
  ctx.strokeRect(sx + pad, sy + sbH - 12 * f, barW, 5 * f);
  ctx.font = font(12);
  ctx.textBaseline = 'top';
  ctx.fillText(`0`, sx + pad, sy + 5 * f);
  ctx.textAlign = 'right';
  ctx.fillText(label, sx + pad + barW, sy + 5 * f);
  ctx.textAlign = 'left';

  // Legend, bottom left.
  const s = 14 * f;
  const rows = [];
  for (const group of info.legend) {
    rows.push({ heading: group.title });
    for (const item of group.items) rows.push({ item });
  }
  if (rows.length) {
    const rowH = 18 * f;
    ctx.font = font(12);
    const legendW = Math.min(
      width * 0.45,
      Math.max(ctx.measureText(t('export.legend')).width, ...rows.map((r) => ctx.measureText(r.heading ?? t(r.item.label)).width + s * 2.6)) + 2 * pad,
    );
    let legendH = (rows.length + 1) * rowH + pad;
    // A legend taller than the image is cut after the rows that fit.
    const maxRows = Math.max(1, Math.floor((height * 0.8 - pad) / rowH) - 1);
    const shown = rows.slice(0, maxRows);
    legendH = (shown.length + 1) * rowH + pad;
    const lx = pad;
    const ly = height - pad - legendH;
    box(ctx, lx, ly, legendW, legendH, f);
    ctx.fillStyle = '#222';
    ctx.font = font(13, 'bold');
    ctx.textBaseline = 'middle';
    ctx.fillText(t('export.legend'), lx + pad, ly + pad / 2 + rowH / 2);
    shown.forEach((r, i) => {
      const y = ly + pad / 2 + (i + 1) * rowH;
      if (r.heading) {
        ctx.font = font(12, 'bold');
        ctx.fillStyle = '#222';
        ctx.fillText(r.heading, lx + pad, y + rowH / 2, legendW - 2 * pad);
      } else {
        symbol(ctx, r.item, lx + pad, y + (rowH - s) / 2, s);
        ctx.font = font(12);
        ctx.fillStyle = '#222';
        const offset = r.item.shape === 'ramp' ? s * 2.4 : s * 1.5;
        ctx.fillText(t(r.item.label), lx + pad + offset, y + rowH / 2, legendW - 2 * pad - offset);
      }
    });
  }
  return canvas;
}

export function canvasToBlob(canvas) {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob gave nothing'))), 'image/png'));
}
