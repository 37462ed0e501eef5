/**
 * The browser entry (package.json `browser`, dist/web/extension.js): vscode.dev, github.dev and
 * other VS Code for the Web. The language server runs in a Web Worker (dist/web/server.js, the
 * same core and features as the desktop's) and reads configurations through the extension
 * (cloe/readFile). Compare Outcomes needs git and the CLI: not registered here, and hidden by
 * its `!isWeb` when clause.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateCloe, type CloeApi, deactivateCloe } from './extension';

export type { CloeApi };

/** The Worker of the browser (the extension host runs in one; Node's types do not know it). */
interface WebWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;

/**
 * Starts the server's Worker. An extension installed on a remote (code-server) has a
 * vscode-remote: URI, from which the web worker extension host refuses to start a Worker: the
 * bundle is read with vscode.workspace.fs and started from a blob: URL instead.
 */
async function startWorker(extensionUri: vscode.Uri): Promise<WebWorker> {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'server.js');
  let url = script.toString(true);
  if (script.scheme === 'vscode-remote') {
    const bytes = await vscode.workspace.fs.readFile(script);
    url = URL.createObjectURL(new Blob([bytes], { type: 'application/javascript' }));
  }
  return new Worker(url, { name: 'CLOE Grid language server' });
}

export function activate(context: vscode.ExtensionContext): Promise<CloeApi> {
  let worker: WebWorker | undefined;
  const schemes = [...new Set(['vscode-vfs', 'vscode-remote', 'file', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])];
  return activateCloe(context, {
    kind: 'web',
    schemes,
    // A new Worker at each (re)start: the previous one is ended. Its messages are wired here:
    // the extension host's Worker is VS Code's wrapper, which the client's `instanceof Worker` misses.
    createClient: (options) =>
      new LanguageClient('cloe', 'CLOE Grid', async () => {
        worker?.terminate();
        worker = await startWorker(context.extensionUri);
        const port = worker as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
        return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
      }, options),
    dispose: () => worker?.terminate(),
  });
}

export const deactivate = deactivateCloe;
