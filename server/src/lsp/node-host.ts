/**
 * The language server in a Node process: `cloe-grid --stdio`, or `--node-ipc` (how the VS Code
 * extension starts dist/server.js). Its host reads the disk: configurations, their `grid:` files
 * and the files Check Workspace names (as the CLI does, so other editors, which do not serve
 * cloe/readFile, get the same findings), unless the client offers to read them
 * (initializationOptions.readFiles: the VS Code extension, as for the server in a Web Worker:
 * client-files.ts); it tunes V8's heap for large files and owns the process.
 */
import {
  type Connection,
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { format } from 'node:util';
import { Console } from 'node:console';
import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ChunkedMessageReader } from './stdio-reader';
import { LifecycleGate } from './protocol-guard';
import { readTextFile, readTextFileAsync } from '../node/read-text';
import { clientFiles } from './client-files';
import type { ServerHost } from './host';
import { serve } from './server';
import { registerSheetRequests } from './sheets';
import { reportXlsx } from '../cli/formats/spreadsheet';

/**
 * Garbage collection for a server that keeps large files open for hours (V8 flags, read at each
 * collection; measured on a 100,000-candidate file, bench/RESULTS.md). Returns a full collection
 * to run at chosen times (after validating or closing a large file), when V8 allows it.
 * - Most of what the server allocates dies young (lazy candidates read again, a text per edit),
 *   next to a long-lived model. Allocation-site pretenuring sees the long-lived objects survive
 *   and sends whole sites straight to the old generation, where the short-lived ones wait for a
 *   full collection: ~70 MB more after the first check. Off, young garbage stays young.
 * - The young generation stays at its first size (1 MB semi-spaces instead of growing to 16):
 *   ~30 MB less resident, for ~1 s more on the first check of 100,000 candidates.
 * - Each edit of a 15 MB file leaves the previous text (30 MB: two bytes a character as soon as
 *   one character is not Latin-1) behind: the server collects itself after validating a large
 *   file (COLLECT_AFTER_EDIT), so that at most two texts are alive at once (the one being
 *   replaced while the new one is made), and leaves room for the next edit then. Otherwise 10 %
 *   heap growth starts collections sooner (the first check of a large file).
 * CLOE_HEAP_POLICY=off leaves V8's defaults (faster first checks and edits of very large files,
 * for more memory): the server then says so in its log.
 */
/** CLOE_HEAP_POLICY=off: no heap tuning (see tuneHeap). */
const HEAP_POLICY_OFF = process.env.CLOE_HEAP_POLICY === 'off';

function tuneHeap(): { collect(roomForEdit: boolean): void } | undefined {
  if (HEAP_POLICY_OFF) return undefined;
  try {
    setFlagsFromString('--no-allocation-site-pretenuring');
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH}`);
    setFlagsFromString('--semi-space-growth-factor=1');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    return {
      collect(roomForEdit: boolean): void {
        // With room for the next edit (its new text): V8 then does not collect again while it is
        // validated (measured: 120 -> 40 ms per edit at 100,000 candidates). Only this collection's
        // limit is that high; the next ones use HEAP_GROWTH again.
        if (roomForEdit) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH_AFTER_EDIT}`);
        try {
          gc();
        } finally {
          if (roomForEdit) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH}`);
        }
      },
    };
  } catch {
    // Not fatal: the server works the same, with more memory.
    return undefined;
  }
}

/** How much the heap may grow past what a full collection kept before the next one (%). */
const HEAP_GROWTH = 10;
/** The same, after the collection that follows an edit of a large file. */
const HEAP_GROWTH_AFTER_EDIT = 50;

/**
 * The connection over stdin/stdout, with our own reader (stdio-reader.ts); what the library does
 * for `--stdio` besides: exit when stdin ends, and console output to the client's log (stdout
 * carries the protocol).
 */
function stdioConnection(): Connection {
  const writer = new StreamMessageWriter(process.stdout);
  const connection = createConnection(ProposedFeatures.all, new LifecycleGate(new ChunkedMessageReader(process.stdin), writer, (m) => connection.console.warn(m)), writer);
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const log = (write: (s: string) => void) => (...args: unknown[]) => write(format(...args));
  // Replaced, not called: a stray console call (in a dependency) must not corrupt the protocol.
  // The methods that write to stdout by themselves (dir, table, time…) write to stderr instead.
  /* eslint-disable no-console */
  const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  for (const m of ['dir', 'dirxml', 'table', 'trace', 'assert', 'count', 'countReset', 'group', 'groupCollapsed', 'groupEnd', 'time', 'timeEnd', 'timeLog'] as const) {
    (console as unknown as Record<string, unknown>)[m] = (toStderr[m] as (...a: unknown[]) => void).bind(toStderr);
  }
  console.log = log((s) => connection.console.log(s));
  console.info = log((s) => connection.console.info(s));
  console.debug = log((s) => connection.console.log(s));
  console.warn = log((s) => connection.console.warn(s));
  console.error = log((s) => connection.console.error(s));
  /* eslint-enable no-console */
  return connection;
}

/** The connection over Node IPC (how the extension starts the server), its lifecycle checked. */
function ipcConnection(): Connection {
  const writer = new IPCMessageWriter(process);
  const connection: Connection = createConnection(ProposedFeatures.all, new LifecycleGate(new IPCMessageReader(process), writer, (m) => connection.console.warn(m)), writer);
  return connection;
}

/** How long the server waits for the client's settings (CLOE_CONFIGURATION_TIMEOUT_MS: tests shorten it). */
const CONFIGURATION_TIMEOUT_MS = Number(process.env.CLOE_CONFIGURATION_TIMEOUT_MS) > 0 ? Number(process.env.CLOE_CONFIGURATION_TIMEOUT_MS) : 10_000;

/** A file: URI's path (the configuration loader's paths are the disk's, whoever reads them). */
const pathOf = (uri: string): string | undefined => {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
};
const uriOf = (p: string): string => pathToFileURL(p).href;
/** Symbolic links resolved on the disk (where a `grid:` file really is: Restricted Mode's check), whoever reads the files. */
const realPath = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

/** The host of a Node process: the disk (or the client, when it offers to), setImmediate, the process id, the heap policy. */
export function nodeHost(): ServerHost {
  return {
    kind: 'node',
    reads: 'disk',
    pathOf,
    uriOf,
    readConfigText: (p) => {
      try {
        return readTextFile(p).text;
      } catch {
        return undefined;
      }
    },
    // As the CLI reads it (read-text.ts: the byte order mark gives the encoding).
    readText: async (uri) => (await readTextFileAsync(fileURLToPath(uri))).text,
    // The VS Code extension reads for the server (initializationOptions.readFiles), as it does for
    // the server in a Web Worker: the same code (client-files.ts), with the disk's paths.
    clientFiles: (connection) => clientFiles(connection, { pathOf, uriOf, realPath }),
    defer: (fn) => {
      const t = setImmediate(fn);
      return () => clearImmediate(t);
    },
    processId: process.pid,
    heap: tuneHeap(),
    notice: HEAP_POLICY_OFF ? 'CLOE_HEAP_POLICY=off: V8 collects garbage as it would by default (more memory kept for large files).' : undefined,
    configurationTimeoutMs: CONFIGURATION_TIMEOUT_MS,
    // The spreadsheet libraries load on the first import or export only (dist/sheet-libs.js).
    exportXlsx: async (rows, locale) => Buffer.from(await reportXlsx(rows, { locale, oneSheet: false })).toString('base64'),
    register: registerSheetRequests,
  };
}

export function startServer(): void {
  const connection = process.argv.includes('--stdio') ? stdioConnection() : process.argv.includes('--node-ipc') ? ipcConnection() : createConnection(ProposedFeatures.all);
  serve(connection, nodeHost());
  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
}
