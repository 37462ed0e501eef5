/** The language server in this process, over a pair of streams, with a client file system for cloe/readFile. */
import { readFileSync, statSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { type Connection, createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createProtocolConnection, type ProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { ServerHost } from '../server/src/lsp/host';
import { serve } from '../server/src/lsp/server';
import type { ReadFileResult } from '../server/src/protocol';

/** Starts `serve()` on a host made for its connection; the client side, not listening yet. */
export function pairedServer(host: (connection: Connection) => ServerHost): ProtocolConnection {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  serve(connection, host(connection));
  return createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
}

/** What vscode.workspace.fs answers for a file of the disk: a folder, a file's bytes, or nothing. */
export function readEntry(file: string): ReadFileResult {
  try {
    if (statSync(file).isDirectory()) return { kind: 'directory' };
    return { kind: 'file', base64: readFileSync(file).toString('base64') };
  } catch {
    return null;
  }
}
