/**
 * Entry of dist/web/server.js: the language server in a Web Worker (the extension's `browser`
 * entry starts it: client/src/browser.ts). The same features as the Node server (server.ts),
 * over the Worker's messages; the client reads files for it (web-host.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { LifecycleGate } from './protocol-guard';
import { serve } from './server';
import { webHost } from './web-host';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const writer = new BrowserMessageWriter(self);
const connection = createConnection(ProposedFeatures.all, new LifecycleGate(new BrowserMessageReader(self), writer, (m) => connection.console.warn(m)), writer);
serve(connection, webHost(connection));
