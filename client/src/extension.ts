/**
 * The VS Code extension, for both of its hosts: starts the bundled language server for grid
 * files, and adds the commands, the status item and the output channel around it. Where the
 * server runs comes from the entry: node.ts (desktop: dist/server.js over IPC, and the commands
 * that need git or the CLI) or browser.ts (vscode.dev, github.dev: the server in a Web Worker).
 * Nothing here needs Node: the browser bundle is built from this file too.
 *
 * Grid files have a language of their own (`cloe-yaml`), so YAML extensions leave them alone.
 * The server starts only when there is work: a grid file or a configuration in the workspace,
 * one opened, or a command run.
 */
import * as vscode from 'vscode';
import {
  type BaseLanguageClient,
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  State,
  WorkDoneProgress,
} from 'vscode-languageclient';
import type { Compared } from './compare';
import { type OutcomesViewApi, registerOutcomesView } from './outcomes-view';
import { CrashPolicy } from './restart';
import { CHECK_FILES_REQUEST, type CheckFilesParams, type CheckFilesResult, IS_GRID_FILE_REQUEST, READ_FILE_REQUEST, type ReadFileResult, SUMMARY_REQUEST, type SummaryResult, type UriParams } from '../../server/src/protocol';
import { registerSheets, type SheetsApi } from './sheets';

export const GRID_LANGUAGE = 'cloe-yaml';
const CONFIG_PATTERN = '**/cloe.config.{yaml,yml}';
/** What makes the server worth starting: a grid file or a configuration. */
const WORK_PATTERN = '**/{*.cloe.yaml,*.cloe.yml,cloe.config.yaml,cloe.config.yml}';
const EXCLUDE = '**/node_modules/**';

let client: BaseLanguageClient | undefined;

/** What differs between the desktop and the browser (node.ts, browser.ts). */
export interface ClientHost {
  kind: 'desktop' | 'web';
  /** The URI schemes of the files the server checks (desktop: file; web: the workspace's virtual file systems). */
  schemes: string[];
  createClient(options: LanguageClientOptions): BaseLanguageClient;
  /** "CLOE: Compare Outcomes with…" (runs git and the CLI: desktop only; hidden in the browser). */
  compareOutcomes?: (ref?: string) => Promise<Compared | undefined>;
  /** Called when the extension stops (the browser ends its Worker). */
  dispose?(): void;
}

/** What the tests (and other extensions) can reach through `extension.exports`. */
export interface CloeApi {
  /** Where the extension runs: the desktop's (Node) extension host, or a browser's (web worker). */
  host: ClientHost['kind'];
  client(): BaseLanguageClient | undefined;
  /** True once the server was asked to start (there is work in the workspace). */
  started(): boolean;
  outputChannel: vscode.LogOutputChannel;
  status: vscode.LanguageStatusItem;
  /** Resolves when the server has started (again). */
  ready(): Promise<void>;
  /** The outcomes view (CLOE: Show Outcomes): what it shows, for the tests. */
  outcomes: OutcomesViewApi;
  /** Spreadsheet import and export (CLOE: Import Candidates from Spreadsheet…): the tests' hooks. */
  sheets: SheetsApi;
}

/** The schemes of the files the server checks (ClientHost.schemes). */
let schemes = ['file'];
const isConfigDocument = (doc: vscode.TextDocument) => schemes.includes(doc.uri.scheme) && /(^|\/)cloe\.config\.ya?ml$/.test(doc.uri.path);
const isWorkDocument = (doc: vscode.TextDocument) => doc.languageId === GRID_LANGUAGE || isConfigDocument(doc);
const setContext = (key: string, value: boolean) => void vscode.commands.executeCommand('setContext', key, value);

/** The language of what the user reads: the `cloe.locale` setting, else VS Code's display language. */
export function displayLocale(): 'en' | 'fr' {
  const chosen = vscode.workspace.getConfiguration('cloe').get<string>('locale', 'auto');
  if (chosen === 'en' || chosen === 'fr') return chosen;
  return /^fr\b|^fr-/i.test(vscode.env.language) ? 'fr' : 'en';
}

/** A `cloe.files` pattern as a glob: a pattern without a slash matches file names in any folder. */
const globOf = (p: string) => (p.includes('/') ? p : `**/${p}`);

/** The `cloe.files` patterns of each workspace folder (its own settings), or of the window. */
function extraPatterns(): vscode.GlobPattern[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return vscode.workspace.getConfiguration('cloe').get<string[]>('files', []).map(globOf);
  return folders.flatMap((f) => vscode.workspace.getConfiguration('cloe', f.uri).get<string[]>('files', []).map((p) => new vscode.RelativePattern(f, globOf(p))));
}

function newGridText(): string {
  const today = new Date().toISOString().slice(0, 10);
  return [
    `# ${vscode.l10n.t('A CLOE grid file: cohorts of candidates, their professions, thresholds and results.')}`,
    'cloe: 1',
    'language: en',
    'cohorts:',
    '  - id: cohort-1',
    `    name: ${vscode.l10n.t('My first cohort')}`,
    `    partner: ${vscode.l10n.t('My partner organisation')}`,
    `    session: ${today}`,
    '    candidates:',
    '      - id: C-001',
    '        name: Jeanne Dupont',
    '        profession: Chef de projet',
    '        threshold: B2',
    '',
  ].join('\n');
}

/** Stops and starts the server again (the Node client's restart(); the browser's has none). */
async function restartClient(c: BaseLanguageClient): Promise<void> {
  const withRestart = c as BaseLanguageClient & { restart?: () => Promise<void> };
  if (withRestart.restart) return withRestart.restart();
  await c.stop();
  await c.start();
}

/** A file's bytes in base64 (cloe/readFile's answer). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function activateCloe(context: vscode.ExtensionContext, host: ClientHost): Promise<CloeApi> {
  schemes = host.schemes;
  const output = vscode.window.createOutputChannel('CLOE Grid', { log: true });
  context.subscriptions.push(output);
  setContext('cloe.active', true);
  // Grid files (the grid language, untitled ones included) and configurations: nothing else.
  const selector: { scheme: string; language?: string; pattern?: string }[] = [
    ...schemes.map((scheme) => ({ scheme, language: GRID_LANGUAGE })),
    { scheme: 'untitled', language: GRID_LANGUAGE },
    ...schemes.map((scheme) => ({ scheme, pattern: CONFIG_PATTERN })),
  ];
  const status = vscode.languages.createLanguageStatusItem('cloe.status', selector);
  status.name = 'CLOE Grid';
  status.text = vscode.l10n.t('CLOE: starting…');
  context.subscriptions.push(status);

  const outcomesCommand = (): vscode.Command => ({ title: vscode.l10n.t('Show Outcomes'), command: 'cloe.showOutcomes' });

  const showFailure = (reason: string) => {
    status.severity = vscode.LanguageStatusSeverity.Error;
    status.text = vscode.l10n.t('CLOE: server not running');
    status.detail = reason;
    status.command = { title: vscode.l10n.t('Show Output'), command: 'cloe.showOutput' };
    output.error(reason);
  };
  const tellUser = (reason: string, action: string, command: string) => {
    void vscode.window.showErrorMessage(reason, action).then((choice) => {
      if (choice) void vscode.commands.executeCommand(command);
    });
  };

  // After a crash: restart, with a growing delay; never a silent shutdown (write errors to a dead
  // server only wait for its close; five crashes in three minutes stop it, and the user is told).
  const crashes = new CrashPolicy();
  const errorHandler: LanguageClientOptions['errorHandler'] = {
    error: (error): ErrorHandlerResult => {
      output.warn(`connection to the server: ${error.message}`);
      return { action: ErrorAction.Continue, handled: true };
    },
    closed: async (): Promise<CloseHandlerResult> => {
      const delay = crashes.crashed();
      if (delay === undefined) {
        const reason = vscode.l10n.t('The CLOE language server stopped after crashing repeatedly: see the output for why, then run "CLOE: Restart Language Server".');
        showFailure(reason);
        tellUser(reason, vscode.l10n.t('Restart'), 'cloe.restartServer');
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      output.warn(`the server stopped unexpectedly: restarting it${delay ? ` in ${delay} ms` : ''}`);
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      return { action: CloseAction.Restart, handled: true };
    },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // Read at each start: a folder trusted later restarts the server with trusted: true.
    // (Plain data: a Web Worker's messages are structured clones, which a configuration object's methods are not.)
    // readFiles: the server reads configurations, their grid: files and the files Check Workspace
    // names through cloe/readFile (below), in both hosts: the desktop and the web read them the same way.
    initializationOptions: () => ({ settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('cloe'))) as unknown, trusted: vscode.workspace.isTrusted, readFiles: true }),
    synchronize: { configurationSection: 'cloe' },
    diagnosticCollectionName: 'cloe',
    errorHandler,
    middleware: {
      // A cohort's summary lens opens the outcomes view on that cohort (the server names the command).
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        for (const lens of lenses ?? []) {
          if (lens.command?.command === 'cloe.showOutcomes') lens.command.tooltip = vscode.l10n.t('Show Outcomes');
        }
        return lenses;
      },
    },
  };

  let readyResolve: () => void = () => undefined;
  let ready = new Promise<void>((r) => (readyResolve = r));

  client = host.createClient(clientOptions);
  const theClient = client;
  if (host.dispose) context.subscriptions.push({ dispose: () => host.dispose?.() });
  // The server reads configurations and the files Check Workspace names through here
  // (vscode.workspace.fs: github.dev's virtual file system too), in a Web Worker and, told so by
  // initializationOptions.readFiles, in a Node process (which reads the disk for other editors).
  theClient.onRequest(READ_FILE_REQUEST, async (params: UriParams): Promise<ReadFileResult> => {
    try {
      const uri = vscode.Uri.parse(params.uri, true);
      // github.dev and Remote Repositories (vscode-vfs:) show a repository without its .git: there
      // the workspace folder is the repository's root, where the configuration lookup stops (as CI's).
      if (uri.scheme === 'vscode-vfs' && uri.path.endsWith('/.git') && vscode.workspace.workspaceFolders?.some((f) => f.uri.scheme === uri.scheme && f.uri.authority === uri.authority && `${f.uri.path.replace(/\/$/, '')}/.git` === uri.path)) {
        return { kind: 'directory' };
      }
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return { kind: 'directory' };
      return { kind: 'file', base64: toBase64(await vscode.workspace.fs.readFile(uri)) };
    } catch {
      return null;
    }
  });
  context.subscriptions.push(
    theClient.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        readyResolve();
        void updateStatus();
      } else if (e.oldState === State.Running) {
        ready = new Promise<void>((r) => (readyResolve = r));
      }
    }),
  );

  let starting: Promise<void> | undefined;
  /** Starts the server once (later calls wait for the same start). */
  const ensureStarted = (): Promise<void> =>
    (starting ??= (async () => {
      setContext('cloe.serverStarted', true);
      try {
        await theClient.start();
      } catch (e) {
        const reason = vscode.l10n.t('The CLOE language server could not start: {0}', e instanceof Error ? e.message : String(e));
        showFailure(reason);
        tellUser(reason, vscode.l10n.t('Show Output'), 'cloe.showOutput');
      }
    })());

  async function updateStatus(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (theClient.state !== State.Running) return;
    status.command = outcomesCommand();
    if (!editor || vscode.languages.match(selector, editor.document) === 0) return;
    try {
      const summary = await theClient.sendRequest<SummaryResult | null>(SUMMARY_REQUEST, { uri: editor.document.uri.toString() } satisfies UriParams);
      status.severity = summary && summary.errors > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      status.text = summary ? summary.text : vscode.l10n.t('CLOE: configuration');
      status.detail = summary ? vscode.l10n.t('{0} candidates, {1} errors, {2} warnings', summary.candidates, summary.errors, summary.warnings) : undefined;
    } catch (e) {
      output.warn(`status update failed: ${String(e)}`);
    }
  }

  // Files a configuration's `files:` or a folder's `cloe.files` declares are grid files too:
  // switched to the grid language when they open (once: the user may switch one back).
  let hasConfig = false;
  const switched = new Set<string>();
  async function isDeclaredGrid(doc: vscode.TextDocument): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    for (const p of vscode.workspace.getConfiguration('cloe', doc.uri).get<string[]>('files', [])) {
      if (vscode.languages.match({ pattern: folder ? new vscode.RelativePattern(folder, globOf(p)) : globOf(p) }, doc) > 0) return true;
    }
    if (!hasConfig) return false;
    await ensureStarted();
    await ready;
    return theClient.sendRequest<boolean>(IS_GRID_FILE_REQUEST, { uri: doc.uri.toString() } satisfies UriParams);
  }
  async function adopt(doc: vscode.TextDocument): Promise<void> {
    if (isWorkDocument(doc)) {
      void ensureStarted();
      return;
    }
    const key = doc.uri.toString();
    if (doc.languageId !== 'yaml' || !schemes.includes(doc.uri.scheme) || switched.has(key)) return;
    try {
      if (!(await isDeclaredGrid(doc))) return;
      switched.add(key);
      await vscode.languages.setTextDocumentLanguage(doc, GRID_LANGUAGE);
    } catch (e) {
      output.warn(`cannot tell whether ${doc.uri.toString(true)} is a grid file: ${String(e)}`);
    }
  }

  const watcher = vscode.workspace.createFileSystemWatcher(WORK_PATTERN, false, true, true);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate((uri) => {
      if (/(^|\/)cloe\.config\.ya?ml$/.test(uri.path)) hasConfig = true;
      void ensureStarted();
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => void adopt(doc)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      // The server reads the configurations' `grid:` files outside the folder now.
      if (starting) void restartClient(theClient).catch((e: unknown) => output.error(`restart after trust: ${String(e)}`));
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) void updateStatus();
    }),
    vscode.commands.registerCommand('cloe.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('cloe.restartServer', async () => {
      output.info('restarting the CLOE language server');
      crashes.reset();
      try {
        if (!starting || theClient.state === State.Stopped || theClient.state === State.StartFailed) {
          starting = undefined;
          await ensureStarted();
        } else await restartClient(theClient);
        status.severity = vscode.LanguageStatusSeverity.Information;
        void updateStatus();
      } catch (e) {
        const reason = vscode.l10n.t('The CLOE language server could not restart: {0}', String(e));
        showFailure(reason);
        tellUser(reason, vscode.l10n.t('Show Output'), 'cloe.showOutput');
      }
    }),
    vscode.commands.registerCommand('cloe.checkWorkspace', async (): Promise<CheckFilesResult | undefined> => {
      await ensureStarted();
      setContext('cloe.checking', true);
      try {
        return await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('CLOE: checking the workspace'), cancellable: true },
          async (progress, token) => {
            await ready;
            const patterns: vscode.GlobPattern[] = ['**/*.cloe.yaml', '**/*.cloe.yml', ...extraPatterns()];
            const uris = (await Promise.all(patterns.map((p) => vscode.workspace.findFiles(p, EXCLUDE, undefined, token)))).flat();
            const unique = [...new Map(uris.map((u) => [u.toString(), u])).values()];
            // The server checks file by file (its diagnostics come as it goes) and says how far it is.
            const workDoneToken = `cloe-check-${Date.now().toString(36)}`;
            let percentage = 0;
            const reports = theClient.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
              if (p.kind === 'end') return;
              const next = p.percentage ?? percentage;
              progress.report({ message: p.message, increment: Math.max(0, next - percentage) });
              percentage = Math.max(percentage, next);
            });
            let result: CheckFilesResult;
            try {
              result = await theClient.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: unique.map((u) => u.toString()), workDoneToken } satisfies CheckFilesParams, token);
            } finally {
              reports.dispose();
            }
            void vscode.window.setStatusBarMessage(vscode.l10n.t('CLOE: {0} files checked, {1} errors, {2} warnings', result.files, result.errors, result.warnings), 5000);
            void vscode.commands.executeCommand('workbench.actions.view.problems');
            return result;
          },
        );
      } catch (e) {
        // Cancelled by the user: what was checked stays in the Problems panel.
        if (e instanceof vscode.CancellationError || (e as { code?: number }).code === -32800) return undefined;
        throw e;
      } finally {
        setContext('cloe.checking', false);
      }
    }),
    vscode.commands.registerCommand('cloe.newGridFile', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: GRID_LANGUAGE, content: newGridText() });
      await vscode.window.showTextDocument(doc);
      return doc.uri;
    }),
  );

  // Runs git and the bundled CLI: not in Restricted Mode (package.json's enablement says so too), not in the browser (hidden there).
  const compare = host.compareOutcomes;
  if (compare) {
    // What changed is shown in the outcomes view, above the cohorts (the command returns what it posted).
    context.subscriptions.push(
      vscode.commands.registerCommand('cloe.compareOutcomes', async (ref?: string) => {
        if (!vscode.workspace.isTrusted) return undefined;
        const compared = await compare(typeof ref === 'string' ? ref : undefined);
        return compared ? outcomes.showComparison(compared.uri, compared.ref, compared.changes) : undefined;
      }),
    );
  }

  // The outcomes view starts the server when it opens before any grid file did.
  // (A workbook needs the Node server's spreadsheet library: not in a browser.)
  const outcomes = registerOutcomesView(context, () => client, () => ensureStarted().then(() => ready), host.kind === 'web' ? ['csv', 'markdown', 'html'] : ['csv', 'markdown', 'html', 'xlsx']);
  const sheets = registerSheets(context, () => client, () => ensureStarted().then(() => ready));

  // Start now if there is work: an open grid file or configuration, or one in the workspace.
  const [configs, work] = await Promise.all([vscode.workspace.findFiles(CONFIG_PATTERN, EXCLUDE, 1), vscode.workspace.findFiles(WORK_PATTERN, EXCLUDE, 1)]);
  hasConfig = configs.length > 0;
  if (work.length > 0 || vscode.workspace.textDocuments.some(isWorkDocument)) void ensureStarted();
  for (const doc of vscode.workspace.textDocuments) void adopt(doc);

  return { host: host.kind, client: () => client, started: () => starting !== undefined, outputChannel: output, status, ready: () => ready, outcomes, sheets };
}

export async function deactivateCloe(): Promise<void> {
  if (client && client.state !== State.Stopped) await client.stop();
  client = undefined;
}
