/** `cloe-grid report`: the outcome of every candidate, as a table, CSV, JSON or Markdown. */
import { outcomeText, summaryParts } from '../../core/explain';
import type { OutcomeRow } from '../../core/diff';
import { summarize } from '../../core/locate';
import { neutralizeCell } from '../../core/sheet';
import { type Locale, type MessageId, msg, render } from '../../core/messages';
import { type CandidateRow, candidateRow } from '../../core/cohort-view';
import { validThreshold } from '../../core/levels';
import type { CheckedFile } from './types';

/** One candidate of the report (the row of `report --format json`, and of `diff`'s before and after). */
export type ReportRow = OutcomeRow;

export function reportRows(files: readonly CheckedFile[]): ReportRow[] {
  // (file first: the JSON contract's key order.)
  return files.flatMap((file) => file.candidates.map((info) => ({ file: file.display, ...candidateRow(info) })));
}

const COLUMNS: MessageId[] = ['report.file', 'report.cohort', 'report.id', 'report.name', 'report.profession', 'report.threshold', 'report.result', 'report.outcome'];

function headers(locale: Locale): string[] {
  return COLUMNS.map((id) => render(msg(id), locale));
}

/** A threshold as the report shows it: "B2", "B2 (recommended)", "B1+ (invalid)", "—". */
export function thresholdCell(row: CandidateRow, locale: Locale): string {
  if (!row.threshold) return '—';
  // An invalid threshold is shown as written, marked: the outcome says it decided nothing.
  if (row.outcome === 'unknown' && !validThreshold(row.threshold)) return render(msg('report.invalid', { threshold: row.threshold }), locale);
  return row.thresholdSource === 'recommended' ? render(msg('report.recommended', { threshold: row.threshold }), locale) : row.threshold;
}

function cells(row: ReportRow, locale: Locale): string[] {
  return [row.file, row.cohort ?? '—', row.id ?? '—', row.name ?? '—', row.profession ?? '—', thresholdCell(row, locale), row.result ?? '—', outcomeText(row.outcome, row.result ?? undefined, locale)];
}

/** "7 candidates: 3 certificates · 2 attestations · 1 pending · 1 unknown": the counts of the code lens, for the whole report. */
function summary(rows: readonly ReportRow[], locale: Locale): string {
  const s = summarize(rows.map((r) => ({ outcome: { kind: r.outcome } })));
  const [candidates, ...rest] = summaryParts(s, locale);
  return render(msg('report.total', { candidates: candidates!, rest: rest.join(' · ') }), locale);
}

/** Display width, counting each code point once (accents, dashes). */
function width(s: string): number {
  return [...s].length;
}

export function reportTable(rows: readonly ReportRow[], locale: Locale): string {
  const head = headers(locale);
  const table = [head, ...rows.map((r) => cells(r, locale))];
  const widths = head.map((_, i) => Math.max(...table.map((row) => width(row[i] ?? ''))));
  const line = (row: string[]) => row.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - width(cell))).join('  ').trimEnd();
  const out = [line(table[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...table.slice(1).map(line), '', summary(rows, locale)];
  return out.join('\n') + '\n';
}

function csvCell(s: string | null): string {
  if (s === null) return '';
  // Quote when needed; neutralise spreadsheet formulas (OWASP "CSV injection"): a cell that starts
  // with =, +, -, @, a tab or a CR gets a leading ' — numbers too ("-2+3+cmd|…" starts with one),
  // so a spreadsheet shows the text as written and never evaluates it. (A level such as B1- ends
  // with "-": it does not start with it and stays as it is.)
  const safe = neutralizeCell(s);
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(rows: readonly ReportRow[]): string {
  const keys: (keyof ReportRow)[] = ['file', 'cohort', 'id', 'name', 'profession', 'threshold', 'thresholdSource', 'result', 'outcome'];
  return [keys.join(','), ...rows.map((r) => keys.map((k) => csvCell(r[k])).join(','))].join('\r\n') + '\r\n';
}

export function reportJson(rows: readonly ReportRow[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}

export function reportMarkdown(rows: readonly ReportRow[], locale: Locale): string {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const head = headers(locale);
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cells(r, locale).map(esc).join(' | ')} |`), '', summary(rows, locale)];
  return out.join('\n') + '\n';
}
