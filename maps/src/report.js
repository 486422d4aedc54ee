// The quarterly report page (issue #11): pick a year and a quarter (by default the last complete one), see the report
// of gt report quarter in the page (the same HTML, with its maps, charts and tables) and download it as PDF, HTML or
// JSON. A reader who sees both event layers exactly gets the exact report; everyone else the public version.

import { t, language } from './i18n.js';
import { stockholmToday } from './net.js';

const $ = (id) => document.getElementById(id);

/** The last quarter that ended before the given Stockholm day (YYYY-MM-DD): {year, quarter}. */
export function lastCompleteQuarter(today = stockholmToday()) {
  const [y, m] = today.split('-').map(Number);
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? { year: y - 1, quarter: 4 } : { year: y, quarter: q - 1 };
}

export class ReportPage {
  /** api: (path) => URL of the service (view=public added when the reader chose the public view); exact: () => whether the report is the exact one. */
  constructor({ api, exact }) {
    this.api = api;
    this.exact = exact;
    $('report-open').addEventListener('click', () => this.open());
    $('report-close').addEventListener('click', () => this.close());
    $('report-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.show();
    });
    $('report-frame').addEventListener('load', () => this.loaded());
    this.fillYears();
    this.translate();
  }

  get isOpen() {
    return !$('report').hidden;
  }

  fillYears() {
    const { year, quarter } = lastCompleteQuarter();
    const select = $('report-year');
    select.innerHTML = '';
    for (let y = year; y >= year - 6; y--) select.add(new Option(String(y), String(y)));
    select.value = String(year);
    $('report-quarter').value = String(quarter);
  }

  open() {
    $('report').hidden = false;
    document.body.classList.add('report-open');
    $('report-open').setAttribute('aria-expanded', 'true');
    $('report-title').focus({ preventScroll: true });
    if (!this.shown) this.show();
  }

  close() {
    if (!this.isOpen) return;
    $('report').hidden = true;
    document.body.classList.remove('report-open');
    $('report-open').setAttribute('aria-expanded', 'false');
    $('report-open').focus({ preventScroll: true });
  }

  /** The report's URL in a format, for the chosen quarter and the viewer's language. */
  url(format) {
    const year = $('report-year').value;
    const quarter = $('report-quarter').value;
    return this.api(`/reports/quarter.${format}?year=${encodeURIComponent(year)}&quarter=${encodeURIComponent(quarter)}&lang=${language()}`);
  }

  show() {
    this.shown = `${$('report-year').value}-${$('report-quarter').value}-${language()}`;
    $('report-status').textContent = t('report.loading');
    $('report-status').dataset.state = 'loading';
    for (const format of ['pdf', 'html', 'json']) $(`report-${format}`).href = this.url(format);
    $('report-version').textContent = this.exact() ? t('report.exact') : t('report.public');
    $('report-frame').src = this.url('html');
  }

  loaded() {
    if (!$('report-frame').getAttribute('src')) return;
    const doc = $('report-frame').contentDocument;
    const ok = doc && doc.querySelector('main h1');
    $('report-status').dataset.state = ok ? 'done' : 'error';
    $('report-status').textContent = ok ? t('report.done', { title: doc.querySelector('main h1').textContent }) : t('report.failed', { text: (doc?.body?.textContent ?? '').slice(0, 300) });
  }

  translate() {
    $('report-year').setAttribute('aria-label', t('report.year'));
    $('report-quarter').setAttribute('aria-label', t('report.quarter'));
    for (const q of [1, 2, 3, 4]) $('report-quarter').options[q - 1].text = t('report.q', { q });
    if (this.shown && this.isOpen) this.show();
  }
}
