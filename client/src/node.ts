/**
 * The desktop entry (package.json `main`, dist/extension.js): the language server in a Node
 * process (dist/server.js over IPC), and the commands that need git and the CLI.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { compareOutcomes } from './compare';
import { activateCloe, type CloeApi, deactivateCloe } from './extension';

export type { CloeApi };

export function activate(context: vscode.ExtensionContext): Promise<CloeApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return activateCloe(context, {
    kind: 'desktop',
    schemes: ['file'],
    createClient: (options) => new LanguageClient('cloe', 'CLOE Grid', serverOptions, options),
    compareOutcomes: (ref) => compareOutcomes(context.extensionPath, ref),
  });
}

export const deactivate = deactivateCloe;
