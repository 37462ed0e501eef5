/**
 * A cohort's chart as inline SVG, shared by the outcomes view (VS Code) and the HTML report:
 * candidates by result level (A1 … C2, sub-levels grouped), each bar split Certificat CLOE /
 * Attestation de niveau, the cohort's thresholds marked, pending and unknown as bars apart.
 * Hand-written (a chart library would add a dependency and a script for eight bars). Colours come
 * from CSS classes (CHART_CSS) and variables the page sets (theme colours in VS Code). Every
 * value is escaped; the figure carries a title, a description and a table for screen readers.
 */
import type { CohortView } from './cohort-view';
import { outcomeText, summaryLine } from './explain';
import { type Locale, type MessageArg, type MessageId, msg, render } from './messages';

/** Text as HTML/XML content or attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The chart's styles: the page defines --cloe-certificate, --cloe-attestation, --cloe-pending, --cloe-unknown, --cloe-threshold, --cloe-fg. */
export const CHART_CSS = `
.cloe-chart { margin: 0.5em 0 1em; }
.cloe-chart svg { max-width: 100%; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", sans-serif; }
.cloe-chart text { fill: var(--cloe-fg, currentColor); }
.cloe-chart .axis { stroke: var(--cloe-fg, currentColor); stroke-width: 1; opacity: 0.6; }
.cloe-chart .grid { stroke: var(--cloe-fg, currentColor); stroke-width: 1; opacity: 0.12; }
.cloe-chart .bar-certificate { fill: var(--cloe-certificate, #2e7d32); }
.cloe-chart .bar-attestation { fill: var(--cloe-attestation, #ef6c00); }
.cloe-chart .bar-pending { fill: var(--cloe-pending, #78909c); }
.cloe-chart .bar-unknown { fill: var(--cloe-unknown, #c62828); }
.cloe-chart .threshold { stroke: var(--cloe-threshold, #1565c0); stroke-width: 2; stroke-dasharray: 5 3; }
.cloe-chart text.threshold-label { fill: var(--cloe-threshold, #1565c0); font-weight: 600; }
.cloe-chart .count { font-weight: 600; }
.cloe-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
`;

const say = (locale: Locale, id: MessageId, args: Record<string, MessageArg> = {}) => render(msg(id, args), locale);

const W = 600;
const H = 250;
const LEFT = 40;
const RIGHT = 10;
const TOP = 34;
const PLOT_H = 150;
const BASE_Y = TOP + PLOT_H;

/** Short labels fit under a bar: long ones ("décision indéterminée") are split over lines of about 12 characters. */
function lines(label: string): string[] {
  const out: string[] = [];
  for (const word of label.split(' ')) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + word.length < 12) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

/** The title of a cohort's chart (also its figure's accessible name). */
export function chartTitle(cohort: CohortView, locale: Locale): string {
  return say(locale, 'view.chart.title', { cohort: cohort.id ?? String(cohort.index + 1) });
}

/** What the chart shows, in words: the counts, the thresholds, what is not on it. */
export function chartDescription(cohort: CohortView, locale: Locale): string {
  const thresholds = cohort.thresholds.length
    ? say(locale, 'view.chart.thresholds', { list: cohort.thresholds.map((t) => `${t.level} (${t.count})`).join(', ') })
    : say(locale, 'view.chart.thresholds.none');
  return `${summaryLine(cohort.counts, locale)}. ${thresholds}`;
}

/**
 * The chart of a cohort: a <figure> holding the SVG and, for screen readers, the same numbers as
 * a table. `idPrefix` keeps element ids unique in a page of several cohorts.
 */
export function chartHtml(cohort: CohortView, locale: Locale, idPrefix: string): string {
  const e = escapeHtml;
  const certificate = say(locale, 'outcome.certificate');
  const attestation = outcomeText('attestation', undefined, locale);
  const pending = outcomeText('pending', undefined, locale);
  const unknown = outcomeText('unknown', undefined, locale);
  const apart = [
    { key: 'pending', label: pending, count: cohort.counts.pending },
    { key: 'unknown', label: unknown, count: cohort.counts.unknown },
  ];
  const slots = cohort.bins.length + apart.length + 0.6;
  const slot = (W - LEFT - RIGHT) / slots;
  const barW = slot * 0.64;
  const xOf = (i: number) => LEFT + (i >= cohort.bins.length ? i + 0.6 : i) * slot + (slot - barW) / 2;
  const max = Math.max(1, ...cohort.bins.map((b) => b.certificates + b.attestations), ...apart.map((a) => a.count));
  const step = Math.max(1, Math.ceil(max / 4));
  const top = step * Math.ceil(max / step);
  // (Headroom above the tallest bar for its count, below the threshold labels.)
  const hOf = (n: number) => (n / top) * (PLOT_H - 18);
  const id = e(idPrefix);
  const title = chartTitle(cohort, locale);
  const desc = chartDescription(cohort, locale);
  const svg: string[] = [];
  svg.push(`<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${id}-title ${id}-desc">`);
  svg.push(`<title id="${id}-title">${e(title)}</title>`, `<desc id="${id}-desc">${e(desc)}</desc>`);
  for (let v = 0; v <= top; v += step) {
    const y = (BASE_Y - hOf(v)).toFixed(1);
    svg.push(`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${y}" y2="${y}"/>`, `<text x="${LEFT - 6}" y="${y}" dy="0.32em" text-anchor="end">${v}</text>`);
  }
  svg.push(`<line class="axis" x1="${LEFT}" x2="${W - RIGHT}" y1="${BASE_Y}" y2="${BASE_Y}"/>`);
  const bar = (cls: string, x: number, y: number, h: number, label: string) =>
    h > 0 ? `<rect class="${cls}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${e(label)}</title></rect>` : '';
  cohort.bins.forEach((b, i) => {
    const x = xOf(i);
    const hc = hOf(b.certificates);
    const ha = hOf(b.attestations);
    svg.push(bar('bar-certificate', x, BASE_Y - hc, hc, say(locale, 'view.chart.count', { label: `${b.level} · ${certificate}`, count: b.certificates })));
    svg.push(bar('bar-attestation', x, BASE_Y - hc - ha, ha, say(locale, 'view.chart.count', { label: `${b.level} · ${attestation}`, count: b.attestations })));
    const total = b.certificates + b.attestations;
    if (total > 0) svg.push(`<text class="count" x="${(x + barW / 2).toFixed(1)}" y="${(BASE_Y - hc - ha - 4).toFixed(1)}" text-anchor="middle">${total}</text>`);
    svg.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${BASE_Y + 16}" text-anchor="middle">${b.level}</text>`);
  });
  apart.forEach((a, j) => {
    const x = xOf(cohort.bins.length + j);
    const h = hOf(a.count);
    svg.push(bar(`bar-${a.key}`, x, BASE_Y - h, h, say(locale, 'view.chart.count', { label: a.label, count: a.count })));
    svg.push(`<text class="count" x="${(x + barW / 2).toFixed(1)}" y="${(BASE_Y - h - 4).toFixed(1)}" text-anchor="middle">${a.count}</text>`);
    lines(a.label).forEach((l, k) => svg.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${BASE_Y + 16 + k * 13}" text-anchor="middle">${e(l)}</text>`));
  });
  // Thresholds: a dashed line where the bar of the threshold's level starts, labelled above the plot.
  cohort.thresholds.forEach((t, k) => {
    const i = cohort.bins.findIndex((b) => b.level === t.level);
    const x = (xOf(i) - (slot - barW) / 2).toFixed(1);
    const label = `${say(locale, 'view.chart.threshold', { level: t.level })} (${t.count})`;
    svg.push(`<line class="threshold" x1="${x}" x2="${x}" y1="${TOP - 4}" y2="${BASE_Y}"><title>${e(label)}</title></line>`);
    svg.push(`<text class="threshold-label" x="${x}" y="${TOP - 8 - (k % 2) * 13}" text-anchor="middle">${e(label)}</text>`);
  });
  // Legend.
  const legend = [
    ['bar-certificate', certificate],
    ['bar-attestation', attestation],
    ['bar-pending', pending],
    ['bar-unknown', unknown],
  ];
  let lx = LEFT;
  const ly = H - 14;
  for (const [cls, label] of legend) {
    svg.push(`<rect class="${cls}" x="${lx}" y="${ly - 9}" width="10" height="10"/>`, `<text x="${lx + 14}" y="${ly}">${e(label!)}</text>`);
    lx += 24 + label!.length * 6.6;
  }
  svg.push('</svg>');

  const th = (s: string) => `<th scope="col">${e(s)}</th>`;
  const table = [
    `<table class="cloe-sr-only"><caption>${e(title)}</caption>`,
    `<thead><tr>${th(say(locale, 'view.chart.level'))}${th(certificate)}${th(attestation)}</tr></thead><tbody>`,
    ...cohort.bins.map((b) => `<tr><th scope="row">${b.level}</th><td>${b.certificates}</td><td>${b.attestations}</td></tr>`),
    ...apart.map((a) => `<tr><th scope="row">${e(a.label)}</th><td colspan="2">${a.count}</td></tr>`),
    `</tbody></table>`,
  ];
  return `<figure class="cloe-chart">${svg.join('')}${table.join('')}<p class="cloe-sr-only">${e(desc)}</p></figure>`;
}
