/**
 * The outcomes view's requests (VS Code's "CLOE: Show Outcomes", any client may use them):
 * `cloe/outcomes` answers a grid file's cohorts at a glance (core/cohort-view.ts), `cloe/export`
 * the same report as `cloe-grid report --format csv|markdown|html|xlsx`, from the open document
 * (xlsx: the workbook's bytes in base64, written by the same exporter; its library loads from
 * dist/sheet-libs.js on the first export only).
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';
import { outcomesView } from '../core/cohort-view';
import type { Locale } from '../core/messages';
import { viewDelta, type ViewMemo } from '../core/view-delta';
import { reportHtml } from '../cli/formats/html';
import { reportCsv, reportMarkdown, type ReportRow, reportRows } from '../cli/formats/report';
import type { CheckedFile } from '../cli/formats/types';
import { EXPORT_REQUEST, type ExportParams, OUTCOMES_REQUEST, type OutcomesParams, type OutcomesResult } from '../protocol';

export { EXPORT_REQUEST, type ExportFormat, OUTCOMES_REQUEST } from '../protocol';

declare const CLOE_VERSION: string | undefined;

interface Host {
  gridDocument(uri: string): TextDocument | undefined;
  analyze(doc: TextDocument): CheckResult;
  locale(): Locale;
  guard<P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => R): (params: P, token: CancellationToken) => R;
  /** The workbook of these rows in base64 (report --format xlsx); undefined where it cannot be made (a Web Worker). */
  exportXlsx?: ((rows: ReportRow[], locale: Locale) => Promise<string>) | undefined;
}

/** The views last sent, by file (a few: the client shows one at a time). */
const MEMOS = 4;

export function registerOutcomeRequests(connection: Connection, host: Host): void {
  const memos = new Map<string, ViewMemo>();
  let lastId = 0;
  connection.onRequest<OutcomesResult, unknown>(
    OUTCOMES_REQUEST,
    host.guard<OutcomesParams, OutcomesResult>('outcomes', null, (params) => {
      const doc = host.gridDocument(params.uri);
      if (!doc) return null;
      const view = outcomesView(host.analyze(doc), host.locale());
      // A client that names the view it has gets what changed since (a few cohorts, not 10,000 rows).
      const prev = params.base !== undefined ? memos.get(params.uri) : undefined;
      const { memo, delta } = viewDelta(prev?.id === params.base ? prev : undefined, view, ++lastId);
      memos.delete(params.uri);
      memos.set(params.uri, memo);
      for (const key of memos.keys()) if (memos.size > MEMOS) memos.delete(key);
      const result: OutcomesResult = delta ? { ...delta, version: doc.version } : { ...view, id: memo.id, version: doc.version };
      return result;
    }),
  );
  connection.onRequest(
    EXPORT_REQUEST,
    host.guard('export', null as string | Promise<string | null> | null, (params: ExportParams) => {
      const doc = host.gridDocument(params.uri);
      if (!doc) return null;
      const result = host.analyze(doc);
      const locale = host.locale();
      const file: CheckedFile = { display: decodeURIComponent(new URL(doc.uri).pathname).split('/').pop() ?? doc.uri, text: doc.getText(), lines: result.lines, candidates: result.candidates, model: result.model, findings: result.findings };
      if (params.format === 'html') return reportHtml([file], { locale, version: typeof CLOE_VERSION === 'string' ? CLOE_VERSION : '0.0.0-dev', date: new Date().toISOString().slice(0, 10) });
      const rows = reportRows([file]);
      if (params.format === 'xlsx') return host.exportXlsx ? host.exportXlsx(rows, locale) : null;
      return params.format === 'csv' ? reportCsv(rows) : reportMarkdown(rows, locale);
    }),
  );
}
