/**
 * Reading through the client (cloe/readFile: vscode.workspace.fs, which reads github.dev's
 * virtual file system too): what the configuration loader reads (the nearest cloe.config.yaml up
 * the folders, its `grid:` files, `.git` to know where the repository ends) and the files Check
 * Workspace names. The server in a Web Worker always reads this way (web-host.ts); the Node server
 * does when the client offers to (initializationOptions.readFiles: the VS Code extension), so
 * that the desktop and the web read configurations the same way; other editors do not answer
 * cloe/readFile, and the Node server reads the disk for them (node-host.ts).
 *
 * The loader reads synchronously: prepare() runs it, fetches what it missed, and runs it again
 * until it misses nothing.
 */
import type { Connection } from 'vscode-languageserver';
import type { ConfigFileOps, ConfigLoader } from '../node/config-loader';
import { decodeText } from '../node/read-text';
import { READ_FILE_REQUEST, type ReadFileResult, type UriParams } from '../protocol';
import type { HostFiles } from './host';

type Entry = { kind: 'file'; text: string } | { kind: 'directory' } | null;

/** At most this many rounds of fetching for one path (each round is one folder further up). */
const MAX_ROUNDS = 64;

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** How the loader's paths and the client's URIs meet, and how a path's symbolic links are resolved. */
export interface ClientPaths {
  pathOf(uri: string): string | undefined;
  uriOf(path: string): string | undefined;
  /** The path with its symbolic links resolved (Restricted Mode's check); the path itself when the host cannot tell. */
  realPath?(path: string): string;
}

export function clientFiles(connection: Connection, paths: ClientPaths): HostFiles {
  const entries = new Map<string, Entry>();
  const missed = new Set<string>();
  /** True when the loader read something that was not fetched yet: what it keeps may be wrong. */
  let stale = false;
  /**
   * True when it did so outside prepare() (a hover before a document's first publication): what
   * the server computed with it (an analysis) may be wrong too. What prepare() itself missed is
   * read again before anything uses it.
   */
  let missedOutside = false;
  let preparing = false;
  const lookUp = (p: string): Entry => {
    if (entries.has(p)) return entries.get(p)!;
    missed.add(p);
    stale = true;
    if (!preparing) missedOutside = true;
    return null;
  };
  const readAgain = (loader: ConfigLoader, p: string) => {
    if (stale) loader.invalidate();
    stale = false;
    missed.clear();
    preparing = true;
    try {
      loader.forFile(p);
    } finally {
      preparing = false;
    }
  };
  /** Whether what the server computed before may be wrong (and forgets it: the caller starts again). */
  const wasWrong = () => {
    const wrong = missedOutside;
    missedOutside = false;
    return wrong;
  };
  async function fetchEntry(p: string): Promise<void> {
    const uri = paths.uriOf(p);
    if (uri === undefined) {
      entries.set(p, null);
      return;
    }
    const r = await connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri } satisfies UriParams);
    entries.set(p, r === null ? null : r.kind === 'directory' ? r : { kind: 'file', text: decodeText(fromBase64(r.base64)).text });
  }
  const fileOps: ConfigFileOps = {
    exists: (p) => lookUp(p) !== null,
    isDirectory: (p) => lookUp(p)?.kind === 'directory',
    realPath: paths.realPath ?? ((p) => p),
  };
  return {
    reads: 'client',
    pathOf: paths.pathOf,
    uriOf: paths.uriOf,
    readConfigText: (p) => {
      const e = lookUp(p);
      return e?.kind === 'file' ? e.text : undefined;
    },
    fileOps,
    // Resolves true only when what was computed before may be wrong: fetching the files of one
    // more folder changes nothing that was computed with the files it needed (Check Workspace
    // over many folders then checks each file once).
    prepare(p: string, loader: ConfigLoader): Promise<boolean> | undefined {
      readAgain(loader, p);
      if (missed.size === 0) return missedOutside ? Promise.resolve(wasWrong()) : undefined;
      return (async () => {
        for (let round = 0; round < MAX_ROUNDS && missed.size > 0; round++) {
          await Promise.all([...missed].map(fetchEntry));
          // What was read while a file was missing is wrong: read again, with it.
          stale = true;
          readAgain(loader, p);
        }
        return wasWrong();
      })();
    },
    forget(uris: string[]): void {
      for (const uri of uris) {
        const p = paths.pathOf(uri);
        if (p !== undefined) entries.delete(p);
      }
      stale = true;
    },
    async readText(uri: string): Promise<string> {
      const r = await connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri } satisfies UriParams);
      if (r?.kind !== 'file') throw new Error(r ? 'it is a folder' : 'not found');
      return decodeText(fromBase64(r.base64)).text;
    },
  };
}
