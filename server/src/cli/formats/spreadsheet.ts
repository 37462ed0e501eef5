/**
 * `cloe-grid report --format xlsx` (a workbook: one sheet per cohort or one table, a summary
 * sheet) and `report --format csv --excel` (semicolons, BOM, CRLF: what French Excel opens in
 * columns). The rows are report --format json's (reportRows); every text cell is neutralised
 * against formula injection (neutralizeCell).
 */
import { outcomeText } from '../../core/explain';
import { type Locale, type MessageId, msg, render } from '../../core/messages';
import type { OutcomeKind } from '../../core/outcome';
import { neutralizeCell } from '../../core/sheet';
import { loadSheetLibs } from '../sheet-read';
import type { ReportRow } from './report';

/** The columns of a cohort's sheet, in order (the cohort column only with --one-sheet). */
export const XLSX_COLUMNS = ['file', 'cohort', 'id', 'name', 'profession', 'threshold', 'thresholdSource', 'result', 'outcome'] as const satisfies readonly (keyof ReportRow)[];

const HEADER_IDS: Record<(typeof XLSX_COLUMNS)[number], MessageId> = {
  file: 'sheet.file',
  cohort: 'sheet.cohort',
  id: 'sheet.id',
  name: 'sheet.name',
  profession: 'sheet.profession',
  threshold: 'sheet.threshold',
  thresholdSource: 'sheet.threshold-source',
  result: 'sheet.result',
  outcome: 'sheet.outcome',
};

export function xlsxHeader(key: (typeof XLSX_COLUMNS)[number], locale: Locale): string {
  return render(msg(HEADER_IDS[key]), locale);
}

/** A row's cell texts, as the workbook shows them (null: an empty cell). */
export function xlsxCells(row: ReportRow, locale: Locale): Record<(typeof XLSX_COLUMNS)[number], string | null> {
  return {
    file: row.file,
    cohort: row.cohort,
    id: row.id,
    name: row.name,
    profession: row.profession,
    threshold: row.threshold,
    thresholdSource: row.thresholdSource ? render(msg(row.thresholdSource === 'explicit' ? 'sheet.explicit' : 'sheet.recommended'), locale) : null,
    result: row.result,
    outcome: outcomeText(row.outcome, row.result ?? undefined, locale),
  };
}

/** Fill colours (ARGB) of the outcome cells. */
export const OUTCOME_FILL: Record<OutcomeKind, string> = {
  certificate: 'FFC6EFCE', // green
  attestation: 'FFFFEB9C', // amber
  pending: 'FFDDEBF7', // light blue
  unknown: 'FFFFC7CE', // red
};

/** Excel's limits on sheet names: 31 characters, none of []:*?/\ , unique (case-insensitive). */
function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

export interface XlsxOptions {
  locale: Locale;
  oneSheet: boolean;
}

/** The workbook, as the bytes of an .xlsx file. */
export async function reportXlsx(rows: readonly ReportRow[], opts: XlsxOptions): Promise<Uint8Array> {
  const { Workbook } = loadSheetLibs();
  const wb = new Workbook();
  wb.creator = 'cloe-grid';
  const { locale } = opts;
  const t = (id: MessageId) => render(msg(id), locale);
  const used = new Set<string>();
  const summary = wb.addWorksheet(sheetName(t('sheet.summary'), used));

  // Groups: one per cohort of a file, in report order.
  const groups = new Map<string, { file: string; cohort: string | null; rows: ReportRow[] }>();
  for (const r of rows) {
    const key = JSON.stringify([r.file, r.cohort]);
    const g = groups.get(key) ?? { file: r.file, cohort: r.cohort, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }

  const addTable = (name: string, list: readonly ReportRow[], withCohort: boolean) => {
    const ws = wb.addWorksheet(sheetName(name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    const keys = XLSX_COLUMNS.filter((k) => withCohort || k !== 'cohort');
    const header = keys.map((k) => xlsxHeader(k, locale));
    ws.addRow(header).font = { bold: true };
    const widths = header.map((h) => h.length);
    for (const r of list) {
      const cells = xlsxCells(r, locale);
      const values = keys.map((k) => (cells[k] === null ? null : neutralizeCell(cells[k])));
      const row = ws.addRow(values);
      values.forEach((v, i) => (widths[i] = Math.max(widths[i]!, [...(v ?? '')].length)));
      row.getCell(keys.indexOf('outcome') + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OUTCOME_FILL[r.outcome] } };
    }
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.min(60, Math.max(10, w + 2))));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: keys.length } };
  };

  if (opts.oneSheet) addTable(t('sheet.candidates'), rows, true);
  else for (const g of groups.values()) addTable(g.cohort ?? t('sheet.no-cohort'), g.rows, false);

  // The summary: each cohort's counts, then the total.
  const kinds: OutcomeKind[] = ['certificate', 'attestation', 'pending', 'unknown'];
  const head = [t('sheet.cohort'), t('sheet.file'), t('sheet.candidates'), t('sheet.certificates'), t('sheet.attestations'), t('sheet.pending'), t('sheet.unknown')];
  summary.views = [{ state: 'frozen', ySplit: 1 }];
  summary.addRow(head).font = { bold: true };
  const count = (list: readonly ReportRow[]) => [list.length, ...kinds.map((k) => list.filter((r) => r.outcome === k).length)];
  const widths = head.map((h) => h.length);
  for (const g of groups.values()) {
    const texts = [neutralizeCell(g.cohort ?? t('sheet.no-cohort')), neutralizeCell(g.file)];
    texts.forEach((s, i) => (widths[i] = Math.max(widths[i]!, [...s].length)));
    summary.addRow([...texts, ...count(g.rows)]);
  }
  summary.addRow([t('sheet.total'), null, ...count(rows)]).font = { bold: true };
  widths.forEach((w, i) => (summary.getColumn(i + 1).width = Math.min(60, Math.max(10, w + 2))));
  kinds.forEach((k, i) => (summary.getRow(1).getCell(4 + i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OUTCOME_FILL[k] } }));
  summary.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** report --format csv --excel: report --format csv's columns, separated by semicolons, with a BOM and CRLF. */
export function reportCsvExcel(rows: readonly ReportRow[]): string {
  const keys: (keyof ReportRow)[] = ['file', 'cohort', 'id', 'name', 'profession', 'threshold', 'thresholdSource', 'result', 'outcome'];
  const cell = (s: string | null) => {
    if (s === null) return '';
    const safe = neutralizeCell(s);
    return /[";\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\uFEFF' + [keys.join(';'), ...rows.map((r) => keys.map((k) => cell(r[k])).join(';'))].join('\r\n') + '\r\n';
}
