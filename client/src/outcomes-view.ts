/**
 * "CLOE: Show Outcomes": a webview panel beside the editor with the active grid file's cohorts at a
 * glance (counts, chart, candidate table). The data comes from the language server (cloe/outcomes:
 * the core's outcomesView); the chart from the core's chartHtml, shared with the HTML report. The
 * extension never parses YAML. The panel follows the active grid file and its edits (debounced),
 * keeps its scroll, sort and filters when hidden (retainContextWhenHidden, and the webview's state),
 * and exports through the report's exporters (cloe/export).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CHART_CSS, chartHtml } from '../../server/src/core/chart';
import type { FileView } from '../../server/src/core/cohort-view';
import { applyViewDelta, type ViewDelta } from '../../server/src/core/view-delta';
import type { OutcomeChange } from '../../server/src/core/diff';
import { type Comparison, comparison } from '../../server/src/core/diff-text';
import { type Locale, type MessageId, msg, render } from '../../server/src/core/messages';
import { type ExportFormat, OUTCOMES_REQUEST, type OutcomesParams, type OutcomesResult } from '../../server/src/protocol';
import { exportOutcomes } from './sheets';
const DEBOUNCE_MS = 200;

/** What the extension posts to the webview (and what the tests read). */
export interface PostedState {
  uri: string;
  fileName: string;
  version: number;
  /** The server's number for this view (a later request names it to get only what changed). */
  id: number;
  view: FileView;
  /** Each cohort's chart (inline SVG, escaped), in view.cohorts' order. */
  charts: string[];
  labels: Record<string, string>;
  /** The export buttons (xlsx only where the server can make a workbook: not in a browser). */
  exports: ExportFormat[];
  /** The cohort to bring into view (from a code lens), once. */
  focus?: string | undefined;
}

/** The comparison the view shows above the cohorts (CLOE: Compare Outcomes with…). */
export interface PostedComparison extends Comparison {
  uri: string;
  title: string;
}

/** Messages the webview sends. */
export type FromWebview =
  | { type: 'ready' }
  /** The webview missed a state a patch was made against: it asks for the whole state again. */
  | { type: 'resync' }
  | { type: 'reveal'; offset: number }
  | { type: 'export'; format: ExportFormat }
  /** After each render: the rows on screen ([id, outcome]) and each cohort's counts, as the webview's DOM shows them. */
  | { type: 'rendered'; version: number; rows: [string, string][]; counts: string[]; offsets: number[]; compared: string[] }
  /** A script error in the webview (logged, and named by the tests' failures). */
  | { type: 'error'; message: string };

export interface OutcomesViewApi {
  /** The state last posted to the webview (undefined before the first). */
  state(): PostedState | undefined;
  /** Resolves once a state for `uri` with a version ≥ `version` is posted. */
  posted(pred: (s: PostedState) => boolean, timeoutMs?: number): Promise<PostedState>;
  /** Handles a message as if the webview had sent it (the tests' row click). */
  receive(message: FromWebview): Promise<void>;
  panel(): vscode.WebviewPanel | undefined;
  /** Shows, above the cohorts, what a change does to the outcomes of this file (CLOE: Compare Outcomes with…); what was posted. */
  showComparison(uri: vscode.Uri, ref: string, changes: readonly OutcomeChange[]): Promise<PostedComparison | undefined>;
  /** The kinds of the messages posted to the webview ('state', 'patch', 'none') and received from it, in order. */
  log(): { posted: string[]; received: string[] };
  /** Resolves with the next report of what the webview shows that satisfies `pred`. */
  rendered(pred: (r: Extract<FromWebview, { type: 'rendered' }>) => boolean, timeoutMs?: number): Promise<Extract<FromWebview, { type: 'rendered' }>>;
}

const LABELS: MessageId[] = [
  'report.id', 'report.name', 'report.profession', 'report.threshold', 'view.written', 'view.oral', 'view.overall', 'report.outcome', 'view.findings',
  'view.filter.text', 'view.filter.outcome', 'view.filter.profession', 'view.filter.all', 'view.filter.all.professions', 'view.export.csv', 'view.export.markdown', 'view.export.html', 'view.export.xlsx',
  'view.no-cohort', 'view.no-candidate', 'view.none', 'view.source.explicit', 'view.source.recommended', 'report.invalid',
  'outcome.certificate', 'outcome.pending', 'outcome.unknown', 'hover.partner', 'hover.session', 'hover.language', 'hover.cohort', 'view.reveal',
  'view.compare.close', 'diff.header.candidate', 'diff.header.change', 'diff.header.what', 'diff.header.outcome', 'diff.header.file', 'diff.header.cohort',
];

function labels(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of LABELS) out[id] = render(msg(id), locale);
  out['outcome.attestation'] = render(msg('outcome.attestation', { level: '' }), locale).trim();
  return out;
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

export function registerOutcomesView(context: vscode.ExtensionContext, client: () => BaseLanguageClient | undefined, ready: () => Promise<void>, exports: ExportFormat[]): OutcomesViewApi {
  let panel: vscode.WebviewPanel | undefined;
  let current: vscode.Uri | undefined;
  let last: PostedState | undefined;
  let focus: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let waiters: { pred: (s: PostedState) => boolean; resolve: (s: PostedState) => void }[] = [];
  type Rendered = Extract<FromWebview, { type: 'rendered' }>;
  let lastRendered: Rendered | undefined;
  /** What the webview sent, in order (named when a test times out). */
  const received: string[] = [];
  const posted: string[] = [];
  let renderWaiters: { pred: (r: Rendered) => boolean; resolve: (r: Rendered) => void }[] = [];
  const media = vscode.Uri.joinPath(context.extensionUri, 'client', 'media');

  /** The file's view: what changed since the view last posted when the server can say, else the whole of it. */
  async function fetchView(uri: vscode.Uri): Promise<{ view: FileView; id: number; version: number; delta?: ViewDelta } | null> {
    const c = client();
    if (!c) return null;
    await ready();
    const had = last?.uri === uri.toString() ? last : undefined;
    const params: OutcomesParams = { uri: uri.toString(), base: had?.id };
    let r = await c.sendRequest<OutcomesResult>(OUTCOMES_REQUEST, params);
    // (A delta against another view than the one kept: the whole view instead.)
    if (r && 'base' in r && r.base !== last?.id) r = await c.sendRequest<OutcomesResult>(OUTCOMES_REQUEST, { uri: uri.toString() } satisfies OutcomesParams);
    if (!r) return null;
    if ('base' in r) return { view: applyViewDelta(last!.view, r), id: r.id, version: r.version, delta: r };
    const { id, version, ...view } = r;
    return { view, id, version };
  }

  /** Asks the server for the file's view and posts it (only the cohorts that changed when it can); false when the file is not a grid file. */
  async function refresh(uri: vscode.Uri): Promise<boolean> {
    const got = await fetchView(uri);
    if (!got || !panel) return false;
    const { view, delta } = got;
    const prev = last;
    current = uri;
    const locale = view.locale;
    const fileName = uri.path.split('/').pop() ?? uri.toString();
    // Charts of the cohorts that changed only (a moved cohort's chart is the same).
    const charts = delta && prev ? prev.charts.slice(0, delta.size) : [];
    for (const c of delta ? delta.changed : view.cohorts) charts[c.index] = chartHtml(c, locale, `chart-${c.index}`);
    const state: PostedState = { uri: uri.toString(), fileName, version: got.version, id: got.id, view, charts, labels: labels(locale), exports, focus };
    focus = undefined;
    panel.title = render(msg('view.title.file', { file: fileName }), locale);
    last = state;
    if (delta && prev) {
      const head = { locale: view.locale, counts: view.counts, attention: view.attention };
      posted.push('patch');
      await panel.webview.postMessage({
        type: 'patch',
        base: prev.id,
        patch: { id: state.id, version: state.version, head, size: delta.size, changed: delta.changed.map((c) => [c, charts[c.index]]), moved: delta.moved, focus: state.focus },
      });
    } else {
      posted.push('state');
      await panel.webview.postMessage({ type: 'state', state });
    }
    waiters = waiters.filter((w) => {
      if (!w.pred(state)) return true;
      w.resolve(state);
      return false;
    });
    return true;
  }

  function schedule(uri: vscode.Uri): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void refresh(uri).catch(() => undefined);
    }, DEBOUNCE_MS);
  }

  function html(webview: vscode.Webview): string {
    const n = nonce();
    const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'outcomes.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'outcomes.js'));
    return `<!DOCTYPE html>
<html lang="${vscode.env.language.startsWith('fr') ? 'fr' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'nonce-${n}'; script-src 'nonce-${n}'; img-src ${webview.cspSource}; font-src ${webview.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${css.toString()}">
<style nonce="${n}">${CHART_CSS}</style>
</head>
<body>
<div id="app" aria-live="polite"></div>
<script nonce="${n}" src="${js.toString()}"></script>
</body>
</html>`;
  }

  async function receive(m: FromWebview): Promise<void> {
    received.push(m.type === 'error' ? `error: ${m.message}` : m.type);
    if (m.type === 'error') return;
    if (m.type === 'rendered') {
      lastRendered = m;
      renderWaiters = renderWaiters.filter((w) => {
        if (!w.pred(m)) return true;
        w.resolve(m);
        return false;
      });
      return;
    }
    if (m.type === 'ready' || m.type === 'resync') {
      if (last) {
        posted.push('state');
        await panel?.webview.postMessage({ type: 'state', state: last });
      }
      else if (current) await refresh(current);
      return;
    }
    if (!current) return;
    if (m.type === 'reveal') {
      const doc = await vscode.workspace.openTextDocument(current);
      const pos = doc.positionAt(m.offset);
      const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === current!.toString())?.viewColumn ?? vscode.ViewColumn.One;
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Range(pos, pos), preserveFocus: false });
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return;
    }
    if (m.type === 'export') {
      // The report's exporters (cloe/export); xlsx: the workbook of report --format xlsx (sheets.ts).
      const c = client();
      if (c) await exportOutcomes(c, current, m.format, last?.view.locale ?? 'en');
    }
  }

  async function show(arg?: vscode.Uri | string, cohortId?: string): Promise<PostedState | undefined> {
    const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : (vscode.window.activeTextEditor?.document.uri ?? current);
    focus = typeof cohortId === 'string' ? cohortId : undefined;
    if (!panel) {
      panel = vscode.window.createWebviewPanel('cloe.outcomes', render(msg('view.title'), 'en'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [media],
      });
      panel.webview.html = html(panel.webview);
      panel.onDidDispose(() => {
        panel = undefined;
        lastRendered = undefined;
        last = undefined;
        current = undefined;
      });
      panel.webview.onDidReceiveMessage((m: FromWebview) => void receive(m).catch(() => undefined));
    } else {
      panel.reveal(vscode.ViewColumn.Beside, true);
    }
    if (uri && (await refresh(uri))) return last;
    if (!last) {
      await panel.webview.postMessage({ type: 'none', labels: labels(vscode.env.language.startsWith('fr') ? 'fr' : 'en') });
    }
    return last;
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('cloe.showOutcomes', show),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (panel && current && e.document.uri.toString() === current.toString() && e.contentChanges.length > 0) schedule(current);
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // Follows the active editor when it is another grid file (the server says); stays otherwise.
      if (panel && editor && editor.document.uri.toString() !== current?.toString()) void refresh(editor.document.uri).catch(() => undefined);
    }),
    { dispose: () => panel?.dispose() },
  );

  return {
    state: () => last,
    posted: (pred, timeoutMs = 20000) =>
      new Promise<PostedState>((resolve, reject) => {
        if (last && pred(last)) return resolve(last);
        const t = setTimeout(() => reject(new Error('no matching state was posted to the outcomes view')), timeoutMs);
        waiters.push({ pred, resolve: (s) => (clearTimeout(t), resolve(s)) });
      }),
    receive,
    showComparison: async (uri, ref, changes) => {
      const state = await show(uri);
      if (!panel || !state) return undefined;
      const locale = state.view.locale;
      const posted_: PostedComparison = { uri: uri.toString(), title: render(msg('view.compare.title', { ref }), locale), ...comparison(changes, locale) };
      posted.push('compare');
      await panel.webview.postMessage({ type: 'compare', compare: posted_ });
      return posted_;
    },
    log: () => ({ posted: [...posted], received: [...received] }),
    panel: () => panel,
    rendered: (pred, timeoutMs = 20000) =>
      new Promise<Rendered>((resolve, reject) => {
        if (lastRendered && pred(lastRendered)) return resolve(lastRendered);
        const t = setTimeout(() => reject(new Error(`the outcomes view did not show what was expected; it sent: ${received.join(', ') || 'nothing'}; last shown: ${JSON.stringify(lastRendered)?.slice(0, 300)}`)), timeoutMs);
        renderWaiters.push({ pred, resolve: (r) => (clearTimeout(t), resolve(r)) });
      }),
  };
}
