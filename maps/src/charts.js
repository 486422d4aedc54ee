// Small charts for the side panel, as plain HTML and SVG: the 7 × 24 hour-of-week heat table and
// the month trend bar chart.

import { t, formatNumber, monthName } from './i18n.js';

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
export { escapeHtml };

function heat(v) {
  // white → yellow → orange → dark red
  const stops = [
    [255, 255, 255],
    [255, 237, 160],
    [254, 178, 76],
    [240, 59, 32],
    [128, 0, 38],
  ];
  const x = Math.max(0, Math.min(1, v)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const c = stops[i].map((a, k) => Math.round(a + (stops[i + 1][k] - a) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** A 7 × 24 table (Monday first, hours 0–23 local) of the 168 values of an hour-of-week profile. */
export function hourOfWeekTable(values, caption) {
  const max = Math.max(...values, 0);
  const days = t('days').split(',');
  let html = `<table class="how" data-testid="hour-of-week"><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col"></th>`;
  for (let h = 0; h < 24; h++) html += `<th scope="col">${h % 3 === 0 ? h : ''}</th>`;
  html += '</tr></thead><tbody>';
  for (let d = 0; d < 7; d++) {
    html += `<tr><th scope="row">${escapeHtml(days[d])}</th>`;
    for (let h = 0; h < 24; h++) {
      const v = values[d * 24 + h] ?? 0;
      const title = `${days[d]} ${String(h).padStart(2, '0')}:00 – ${formatNumber(v, 2)}`;
      html += `<td style="background:${heat(max > 0 ? v / max : 0)}" title="${escapeHtml(title)}" data-v="${v}"></td>`;
    }
    html += '</tr>';
  }
  return `${html}</tbody></table>`;
}

/** Fills the months between the first and last key (YYYY-MM) so gaps show as zero bars. */
export function fillMonths(months) {
  const keys = Object.keys(months).filter((k) => /^\d{4}-\d{2}$/.test(k)).sort();
  if (!keys.length) return [];
  const [y0, m0] = keys[0].split('-').map(Number);
  const [y1, m1] = keys[keys.length - 1].split('-').map(Number);
  const out = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((m = 1), (y += 1)) : (m += 1)) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ key, year: y, month: m, value: Number(months[key]) || 0 });
    if (out.length > 600) break;
  }
  return out;
}

/** A bar chart of counts per month as SVG, with the year under its first month. */
export function monthChart(months, caption) {
  const data = fillMonths(months);
  if (!data.length) return '';
  const w = 300;
  const h = 110;
  const pad = { l: 28, r: 4, t: 6, b: 22 };
  const max = Math.max(...data.map((d) => d.value), 1);
  const bw = (w - pad.l - pad.r) / data.length;
  let bars = '';
  let labels = '';
  data.forEach((d, i) => {
    const bh = ((h - pad.t - pad.b) * d.value) / max;
    const x = pad.l + i * bw;
    bars += `<rect x="${x.toFixed(1)}" y="${(h - pad.b - bh).toFixed(1)}" width="${Math.max(0.8, bw - 1).toFixed(1)}" height="${bh.toFixed(1)}" fill="#b2182b"><title>${escapeHtml(monthName(d.year, d.month))}: ${formatNumber(d.value, 1)}</title></rect>`;
    if (d.month === 1 || i === 0) {
      labels += `<text x="${x.toFixed(1)}" y="${h - 6}" font-size="10">${d.year}</text><line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${h - pad.b}" y2="${h - pad.b + 4}" stroke="#555"/>`;
    }
  });
  const axis = `<line x1="${pad.l}" x2="${w - pad.r}" y1="${h - pad.b}" y2="${h - pad.b}" stroke="#555"/><text x="${pad.l - 4}" y="${pad.t + 8}" font-size="10" text-anchor="end">${formatNumber(max)}</text><text x="${pad.l - 4}" y="${h - pad.b}" font-size="10" text-anchor="end">0</text>`;
  return `<figure class="months" data-testid="month-chart"><svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${escapeHtml(caption)}">${axis}${bars}${labels}</svg><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** A list of categories with counts, largest first. */
export function categoryList(categories) {
  const entries = Object.entries(categories).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return '';
  const max = entries[0][1] || 1;
  return `<ul class="cats">${entries
    .map(
      ([name, n]) =>
        `<li><span class="cat-name">${escapeHtml(name)}</span><span class="cat-bar" style="width:${Math.round((60 * n) / max)}px"></span><span class="cat-n">${formatNumber(n)}</span></li>`,
    )
    .join('')}</ul>`;
}

/** Hour-of-week (Monday 0) and month counts from incident features with local times "YYYY-MM-DDTHH:MM:SS+01:00". */
export function profileFromEvents(features) {
  const how = new Array(168).fill(0);
  const months = {};
  const categories = {};
  for (const f of features) {
    const time = f.properties?.time_from;
    if (typeof time !== 'string' || time.length < 13) continue;
    const date = new Date(Date.UTC(Number(time.slice(0, 4)), Number(time.slice(5, 7)) - 1, Number(time.slice(8, 10))));
    const day = (date.getUTCDay() + 6) % 7;
    const hour = Number(time.slice(11, 13));
    how[day * 24 + hour] += 1;
    const m = time.slice(0, 7);
    months[m] = (months[m] || 0) + 1;
    const c = f.properties?.category;
    if (c) categories[c] = (categories[c] || 0) + 1;
  }
  return { how, months, categories };
}
