/**
 * The language server's host in a Web Worker (vscode.dev, github.dev, code-server's web worker
 * extension host): no file system, no process. What the configuration loader reads (the nearest
 * cloe.config.yaml up the folders, its `grid:` files, `.git` to know where the repository ends)
 * and the files Check Workspace names come from the client (cloe/readFile: vscode.workspace.fs,
 * which reads github.dev's virtual file system too). The loader reads synchronously: prepare()
 * runs it, fetches what it missed, and runs it again until it misses nothing.
 *
 * A document's path for the loader is its URI's path under a first folder naming the URI's
 * scheme and authority (`/vscode-vfs%3A%2F%2Fgithub/owner/repo/a.cloe.yaml`), so that paths of
 * two file systems never meet, and the walk up the folders stops at the file system's root.
 */
import type { Connection } from 'vscode-languageserver';
import type { ConfigFileOps, ConfigLoader } from '../node/config-loader';
import { decodeText } from '../node/read-text';
import { READ_FILE_REQUEST, type ReadFileResult, type UriParams } from '../protocol';
import type { ServerHost } from './host';

type Entry = { kind: 'file'; text: string } | { kind: 'directory' } | null;

/** At most this many rounds of fetching for one path (each round is one folder further up). */
const MAX_ROUNDS = 64;

export function pathOfUri(uri: string): string | undefined {
  const m = /^([a-z][\w+.-]*):\/\/([^/?#]*)(\/[^?#]*)?/i.exec(uri);
  if (!m) return undefined;
  try {
    return `/${encodeURIComponent(`${m[1]!.toLowerCase()}://${m[2]}`)}${decodeURIComponent(m[3] ?? '')}`;
  } catch {
    return undefined;
  }
}

export function uriOfPath(p: string): string | undefined {
  const m = /^\/([^/]+)(\/.*)?$/.exec(p);
  if (!m) return undefined;
  const origin = decodeURIComponent(m[1]!);
  if (!/^[a-z][\w+.-]*:\/\//i.test(origin)) return undefined;
  return origin + (m[2] ?? '').split('/').map(encodeURIComponent).join('/');
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function webHost(connection: Connection): ServerHost {
  const entries = new Map<string, Entry>();
  const missed = new Set<string>();
  /** True when the loader read something that was not fetched yet: what it keeps may be wrong. */
  let stale = false;
  const lookUp = (p: string): Entry => {
    if (entries.has(p)) return entries.get(p)!;
    missed.add(p);
    stale = true;
    return null;
  };
  const readAgain = (loader: ConfigLoader, p: string) => {
    if (stale) loader.invalidate();
    stale = false;
    missed.clear();
    loader.forFile(p);
  };
  async function fetchEntry(p: string): Promise<void> {
    const uri = uriOfPath(p);
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
    realPath: (p) => p,
  };
  return {
    kind: 'web',
    reads: 'client',
    pathOf: pathOfUri,
    uriOf: uriOfPath,
    readConfigText: (p) => {
      const e = lookUp(p);
      return e?.kind === 'file' ? e.text : undefined;
    },
    fileOps,
    prepare(p: string, loader: ConfigLoader): Promise<boolean> | undefined {
      readAgain(loader, p);
      if (missed.size === 0) return undefined;
      return (async () => {
        for (let round = 0; round < MAX_ROUNDS && missed.size > 0; round++) {
          await Promise.all([...missed].map(fetchEntry));
          // What was read while a file was missing is wrong: read again, with it.
          stale = true;
          readAgain(loader, p);
        }
        return true;
      })();
    },
    forget(uris: string[]): void {
      for (const uri of uris) {
        const p = pathOfUri(uri);
        if (p !== undefined) entries.delete(p);
      }
      stale = true;
    },
    async readText(uri: string): Promise<string> {
      const r = await connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri } satisfies UriParams);
      if (r?.kind !== 'file') throw new Error(r ? 'it is a folder' : 'not found');
      return decodeText(fromBase64(r.base64)).text;
    },
    defer: (fn) => {
      const t = setTimeout(fn, 0);
      return () => clearTimeout(t);
    },
    processId: null,
    heap: undefined,
    configurationTimeoutMs: 10_000,
  };
}
