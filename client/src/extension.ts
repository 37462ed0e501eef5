/**
 * The VS Code extension: starts the bundled language server (dist/server.js, over IPC) for grid
 * files, and adds the commands, the status item and the output channel around it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, RevealOutputChannelOn, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { type OutcomesViewApi, registerOutcomesView } from './outcomes-view';

const SUMMARY_REQUEST = 'cloe/summary';
const CHECK_FILES_REQUEST = 'cloe/checkFiles';

interface Summary {
  text: string;
  candidates: number;
  errors: number;
  warnings: number;
}

let client: LanguageClient | undefined;
let restarting = false;

/** What the tests (and other extensions) can reach through `extension.exports`. */
export interface CloeApi {
  client(): LanguageClient | undefined;
  outputChannel: vscode.LogOutputChannel;
  status: vscode.LanguageStatusItem;
  /** Resolves when the server has started (again). */
  ready(): Promise<void>;
  /** The outcomes view (CLOE: Show Outcomes): what it shows, for the tests. */
  outcomes: OutcomesViewApi;
}

function gridPatterns(): string[] {
  const extra = vscode.workspace.getConfiguration('cloe').get<string[]>('files', []);
  return ['**/*.cloe.yaml', '**/*.cloe.yml', ...extra.map((p) => (p.includes('/') ? p : `**/${p}`))];
}

export async function activate(context: vscode.ExtensionContext): Promise<CloeApi> {
  const output = vscode.window.createOutputChannel('CLOE Grid', { log: true });
  context.subscriptions.push(output);
  const selector: { scheme: string; language?: string; pattern?: string }[] = [
    { scheme: 'file', language: 'yaml' },
    { scheme: 'untitled', language: 'yaml' },
    { scheme: 'file', pattern: '**/*.cloe.{yaml,yml}' },
  ];
  const status = vscode.languages.createLanguageStatusItem('cloe.status', selector);
  status.name = 'CLOE Grid';
  status.text = vscode.l10n.t('CLOE: starting…');
  context.subscriptions.push(status);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: { settings: vscode.workspace.getConfiguration('cloe') },
    synchronize: { configurationSection: 'cloe' },
    diagnosticCollectionName: 'cloe',
  };

  let readyResolve: () => void = () => undefined;
  let ready = new Promise<void>((r) => (readyResolve = r));

  const showFailure = (reason: string) => {
    status.severity = vscode.LanguageStatusSeverity.Error;
    status.text = vscode.l10n.t('CLOE: server not running');
    status.detail = reason;
    status.command = { title: vscode.l10n.t('Show Output'), command: 'cloe.showOutput' };
    output.appendLine(`[error] ${reason}`);
  };

  client = new LanguageClient('cloe', 'CLOE Grid', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        readyResolve();
        void updateStatus();
      } else if (e.newState === State.Stopped) {
        ready = new Promise<void>((r) => (readyResolve = r));
        // Stopped for good (not by a restart): after 5 crashes in 3 minutes the client gives up.
        setTimeout(() => {
          if (client && client.state === State.Stopped && !restarting) {
            showFailure(vscode.l10n.t('The CLOE language server stopped after crashing repeatedly: see the output for why, then run "CLOE: Restart Language Server".'));
          }
        }, 0);
      }
    }),
  );

  async function updateStatus(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!client || client.state !== State.Running) return;
    status.command = { title: vscode.l10n.t('Show Output'), command: 'cloe.showOutput' };
    if (!editor) return;
    try {
      const summary = await client.sendRequest<Summary | null>(SUMMARY_REQUEST, { uri: editor.document.uri.toString() });
      status.severity = summary && summary.errors > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      status.text = summary ? summary.text : vscode.l10n.t('CLOE: not a grid file');
      status.detail = summary ? vscode.l10n.t('{0} candidates, {1} errors, {2} warnings', summary.candidates, summary.errors, summary.warnings) : undefined;
    } catch (e) {
      output.appendLine(`[warn] status update failed: ${String(e)}`);
    }
  }

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) void updateStatus();
    }),
    vscode.commands.registerCommand('cloe.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('cloe.restartServer', async () => {
      if (!client) return;
      output.appendLine('[info] restarting the CLOE language server');
      restarting = true;
      try {
        await client.restart();
        status.severity = vscode.LanguageStatusSeverity.Information;
        void updateStatus();
      } catch (e) {
        showFailure(vscode.l10n.t('The CLOE language server could not restart: {0}', String(e)));
        void vscode.window.showErrorMessage(vscode.l10n.t('The CLOE language server could not restart: {0}', String(e)), vscode.l10n.t('Show Output')).then((choice) => {
          if (choice) output.show(true);
        });
      } finally {
        restarting = false;
      }
    }),
    vscode.commands.registerCommand('cloe.checkWorkspace', async () => {
      if (!client) return undefined;
      await ready;
      const uris = (await Promise.all(gridPatterns().map((p) => vscode.workspace.findFiles(p, '**/node_modules/**')))).flat();
      const unique = [...new Map(uris.map((u) => [u.toString(), u])).values()];
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('CLOE: checking the workspace') }, () =>
        client!.sendRequest<{ files: number; errors: number; warnings: number }>(CHECK_FILES_REQUEST, { uris: unique.map((u) => u.toString()) }),
      );
      void vscode.window.setStatusBarMessage(vscode.l10n.t('CLOE: {0} files checked, {1} errors, {2} warnings', result.files, result.errors, result.warnings), 5000);
      return result;
    }),
  );

  const outcomes = registerOutcomesView(context, () => client, () => ready);

  try {
    await client.start();
  } catch (e) {
    const reason = vscode.l10n.t('The CLOE language server could not start: {0}', e instanceof Error ? e.message : String(e));
    showFailure(reason);
    void vscode.window.showErrorMessage(reason, vscode.l10n.t('Show Output')).then((choice) => {
      if (choice) output.show(true);
    });
  }

  return { client: () => client, outputChannel: output, status, ready: () => ready, outcomes };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
