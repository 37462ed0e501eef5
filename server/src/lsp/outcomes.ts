/**
 * The outcomes view's requests (VS Code's "CLOE: Show Outcomes", any client may use them):
 * `cloe/outcomes` answers a grid file's cohorts at a glance (core/cohort-view.ts), `cloe/export`
 * the same report as `cloe-grid report --format csv|markdown|html|xlsx`, from the open document
 * (xlsx: the workbook's bytes in base64, written by the same exporter; its library loads from
 * dist/sheet-libs.js on the first export only).
 */
import path from 'node:path';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';
import { type FileView, outcomesView } from '../core/cohort-view';
import type { Locale } from '../core/messages';
import { reportHtml } from '../cli/formats/html';
import { reportCsv, reportMarkdown, reportRows } from '../cli/formats/report';
import { reportXlsx } from '../cli/formats/spreadsheet';
import type { CheckedFile } from '../cli/formats/types';

export const OUTCOMES_REQUEST = 'cloe/outcomes';
export const EXPORT_REQUEST = 'cloe/export';

export type ExportFormat = 'csv' | 'markdown' | 'html' | 'xlsx';

declare const CLOE_VERSION: string | undefined;

interface Host {
  gridDocument(uri: string): TextDocument | undefined;
  analyze(doc: TextDocument): CheckResult;
  locale(): Locale;
  guard<P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => R): (params: P, token: CancellationToken) => R;
}

export function registerOutcomeRequests(connection: Connection, host: Host): void {
  connection.onRequest(
    OUTCOMES_REQUEST,
    host.guard('outcomes', null as (FileView & { version: number }) | null, (params: { uri: string }) => {
      const doc = host.gridDocument(params.uri);
      if (!doc) return null;
      return { ...outcomesView(host.analyze(doc), host.locale()), version: doc.version };
    }),
  );
  connection.onRequest(
    EXPORT_REQUEST,
    host.guard('export', null as string | Promise<string | null> | null, (params: { uri: string; format: ExportFormat }) => {
      const doc = host.gridDocument(params.uri);
      if (!doc) return null;
      const result = host.analyze(doc);
      const locale = host.locale();
      const file: CheckedFile = { display: path.basename(decodeURIComponent(new URL(doc.uri).pathname)), text: doc.getText(), lines: result.lines, candidates: result.candidates, model: result.model, findings: result.findings };
      if (params.format === 'html') return reportHtml([file], { locale, version: typeof CLOE_VERSION === 'string' ? CLOE_VERSION : '0.0.0-dev', date: new Date().toISOString().slice(0, 10) });
      const rows = reportRows([file]);
      if (params.format === 'xlsx') return reportXlsx(rows, { locale, oneSheet: false }).then((bytes) => Buffer.from(bytes).toString('base64'));
      return params.format === 'csv' ? reportCsv(rows) : reportMarkdown(rows, locale);
    }),
  );
}
