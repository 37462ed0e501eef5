/** `cloe-grid report`: the outcome of every candidate, as a table, CSV, JSON or Markdown. */
import { outcomeText } from '../../core/explain';
import type { Locale } from '../../core/messages';
import type { OutcomeKind, ThresholdSource } from '../../core/outcome';
import type { CheckedFile } from './types';

export interface ReportRow {
  file: string;
  cohort: string | null;
  id: string | null;
  name: string | null;
  profession: string | null;
  threshold: string | null;
  thresholdSource: ThresholdSource | null;
  result: string | null;
  outcome: OutcomeKind;
}

export function reportRows(files: readonly CheckedFile[]): ReportRow[] {
  return files.flatMap((file) =>
    file.candidates.map(({ candidate, profession, outcome }) => ({
      file: file.display,
      cohort: candidate.cohort.id?.value ?? null,
      id: candidate.id?.value ?? null,
      name: candidate.name?.value ?? null,
      profession: profession?.canonical ?? null,
      threshold: outcome.threshold?.code ?? null,
      thresholdSource: outcome.threshold ? (outcome.thresholdSource ?? null) : null,
      result: outcome.result?.code ?? null,
      outcome: outcome.kind,
    })),
  );
}

const HEADERS: Record<Locale, string[]> = {
  en: ['File', 'Cohort', 'Id', 'Name', 'Profession', 'Threshold', 'Result', 'Outcome'],
  fr: ['Fichier', 'Cohorte', 'Id', 'Nom', 'Profession', 'Seuil', 'Résultat', 'Issue'],
};

function cells(row: ReportRow, locale: Locale): string[] {
  const recommended = locale === 'fr' ? 'recommandé' : 'recommended';
  const threshold = row.threshold ? (row.thresholdSource === 'recommended' ? `${row.threshold} (${recommended})` : row.threshold) : '—';
  return [row.file, row.cohort ?? '—', row.id ?? '—', row.name ?? '—', row.profession ?? '—', threshold, row.result ?? '—', outcomeText(row.outcome, row.result ?? undefined, locale)];
}

function summary(rows: readonly ReportRow[], locale: Locale): string {
  const n = (k: OutcomeKind) => rows.filter((r) => r.outcome === k).length;
  return locale === 'fr'
    ? `${rows.length} candidats : ${n('certificate')} certificats, ${n('attestation')} attestations, ${n('pending')} en attente, ${n('unknown')} inconnus`
    : `${rows.length} candidates: ${n('certificate')} certificates, ${n('attestation')} attestations, ${n('pending')} pending, ${n('unknown')} unknown`;
}

/** Display width, counting each code point once (accents, dashes). */
function width(s: string): number {
  return [...s].length;
}

export function reportTable(rows: readonly ReportRow[], locale: Locale): string {
  const table = [HEADERS[locale], ...rows.map((r) => cells(r, locale))];
  const widths = HEADERS[locale].map((_, i) => Math.max(...table.map((row) => width(row[i] ?? ''))));
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
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
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
  const head = HEADERS[locale];
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cells(r, locale).map(esc).join(' | ')} |`), '', summary(rows, locale)];
  return out.join('\n') + '\n';
}
