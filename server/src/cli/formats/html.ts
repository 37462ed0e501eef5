/**
 * `cloe-grid report --format html`: one self-contained HTML file (inline CSS, the chart as inline
 * SVG, no script, no network) with, for every file and cohort, what the outcomes view shows: the
 * cohort's heading and counts, its chart and its candidate table. What a designer attaches to a
 * mail to the partner. Printable: one cohort per page. Every value is escaped.
 */
import { CHART_CSS, chartHtml, escapeHtml as e } from '../../core/chart';
import { type CohortView, type OutcomeRow, outcomesView, type ViewSource } from '../../core/cohort-view';
import { summaryParts } from '../../core/explain';
import { summarize } from '../../core/locate';
import { type Locale, type MessageArg, type MessageId, msg, render } from '../../core/messages';
import { thresholdCell } from './report';
import type { CheckedFile } from './types';

const say = (locale: Locale, id: MessageId, args: Record<string, MessageArg> = {}) => render(msg(id, args), locale);

const CSS = `
:root { color-scheme: light dark; --cloe-fg: #1d1d1f; --cloe-bg: #fff; --cloe-muted: #5f6368; --cloe-line: #d0d4d9;
  --cloe-certificate: #2e7d32; --cloe-attestation: #e65100; --cloe-pending: #78909c; --cloe-unknown: #c62828; --cloe-threshold: #1565c0; }
@media (prefers-color-scheme: dark) {
  :root { --cloe-fg: #e8eaed; --cloe-bg: #1e1e1e; --cloe-muted: #9aa0a6; --cloe-line: #3c4043;
    --cloe-certificate: #66bb6a; --cloe-attestation: #ffa726; --cloe-pending: #90a4ae; --cloe-unknown: #ef5350; --cloe-threshold: #64b5f6; }
}
body { margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: var(--cloe-fg); background: var(--cloe-bg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--cloe-line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.25rem; }
.meta, .generated { color: var(--cloe-muted); margin: 0.2rem 0; }
.counts { font-weight: 600; margin: 0.4rem 0; }
table.rows { border-collapse: collapse; width: 100%; }
table.rows th, table.rows td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--cloe-line); vertical-align: top; }
table.rows thead th { border-bottom: 2px solid var(--cloe-line); }
.o-certificate { color: var(--cloe-certificate); font-weight: 600; }
.o-attestation { color: var(--cloe-attestation); font-weight: 600; }
.o-pending { color: var(--cloe-pending); }
.o-unknown { color: var(--cloe-unknown); font-weight: 600; }
.as-written { font-style: italic; }
.findings { margin: 0; padding: 0; list-style: none; font-size: 0.9em; }
.sev-error { color: var(--cloe-unknown); }
.sev-warning { color: var(--cloe-attestation); }
.empty { color: var(--cloe-muted); font-style: italic; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  section.cohort { break-after: page; page-break-after: always; }
  section.cohort:last-of-type { break-after: auto; page-break-after: auto; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
${CHART_CSS}`;

const SEVERITY_MARK: Record<string, string> = { error: '✖', warning: '⚠', information: 'ℹ', hint: '·' };

function rowHtml(r: OutcomeRow, locale: Locale): string {
  const cell = (s: string | null) => `<td>${s === null ? '—' : e(s)}</td>`;
  const profession = r.profession === null ? '<td>—</td>' : `<td${r.professionKnown ? '' : ' class="as-written"'}>${e(r.profession)}</td>`;
  const findings = r.findings.length
    ? `<td><ul class="findings">${r.findings.map((f) => `<li class="sev-${f.severity}"><span aria-label="${e(say(locale, `severity.${f.severity}`))}">${SEVERITY_MARK[f.severity]}</span> ${e(f.message)}</li>`).join('')}</ul></td>`
    : '<td></td>';
  return `<tr>${cell(r.id)}${cell(r.name)}${profession}<td>${e(thresholdCell(r, locale))}</td>${cell(r.written)}${cell(r.oral)}${cell(r.result)}<td class="o-${r.outcome}">${e(r.label)}</td>${findings}</tr>`;
}

function cohortHtml(c: CohortView, locale: Locale, idPrefix: string): string {
  const title = [c.id, c.name].filter((x) => x !== null).join(' — ') || String(c.index + 1);
  const meta = [
    c.partner !== null ? say(locale, 'hover.partner', { partner: c.partner }) : undefined,
    c.session !== null ? say(locale, 'hover.session', { session: c.session }) : undefined,
    c.languageName !== null || c.language !== null ? say(locale, 'hover.language', { language: c.languageName ?? c.language! }) : undefined,
  ].filter((x): x is string => !!x);
  const heads: MessageId[] = ['report.id', 'report.name', 'report.profession', 'report.threshold', 'view.written', 'view.oral', 'view.overall', 'report.outcome', 'view.findings'];
  const table = c.rows.length
    ? `<table class="rows"><thead><tr>${heads.map((h) => `<th scope="col">${e(say(locale, h))}</th>`).join('')}</tr></thead><tbody>${c.rows.map((r) => rowHtml(r, locale)).join('')}</tbody></table>`
    : '';
  return [
    `<section class="cohort" id="${e(idPrefix)}">`,
    `<h3>${e(say(locale, 'hover.cohort', { title }))}</h3>`,
    meta.length ? `<p class="meta">${meta.map(e).join(' · ')}</p>` : '',
    `<p class="counts">${e(c.summary)}</p>`,
    chartHtml(c, locale, `${idPrefix}-chart`),
    table,
    '</section>',
  ].join('\n');
}

export interface HtmlReportOptions {
  locale: Locale;
  version: string;
  /** The day of the report (YYYY-MM-DD). */
  date: string;
}

/** The HTML report of checked files (those with a model: grid files checked on this thread). */
export function reportHtml(files: readonly CheckedFile[], opts: HtmlReportOptions): string {
  const { locale } = opts;
  const grids = files.filter((f): f is CheckedFile & { model: NonNullable<CheckedFile['model']> } => !!f.model);
  const all = summarize(grids.flatMap((f) => f.candidates));
  const [candidates, ...rest] = summaryParts(all, locale);
  const body: string[] = [];
  grids.forEach((f, i) => {
    const source: ViewSource = { model: f.model, candidates: f.candidates, findings: f.findings };
    const view = outcomesView(source, locale);
    body.push(`<section class="file"><h2>${e(say(locale, 'html.file', { file: f.display }))}</h2>`);
    body.push(view.cohorts.length ? view.cohorts.map((c) => cohortHtml(c, locale, `f${i}-c${c.index}`)).join('\n') : `<p class="empty">${e(say(locale, 'view.no-cohort'))}</p>`);
    body.push('</section>');
  });
  const title = say(locale, 'view.title');
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cloe-grid ${e(opts.version)}">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p class="counts">${e(say(locale, 'report.total', { candidates: candidates!, rest: rest.join(' · ') }))}</p>
<p class="generated">${e(say(locale, 'html.generated', { version: opts.version, date: opts.date }))}</p>
</header>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
