/**
 * The language server's host in a Web Worker (vscode.dev, github.dev, code-server's web worker
 * extension host): no file system, no process. What the configuration loader reads (the nearest
 * cloe.config.yaml up the folders, its `grid:` files, `.git` to know where the repository ends)
 * and the files Check Workspace names come from the client (cloe/readFile: vscode.workspace.fs,
 * which reads github.dev's virtual file system too: client-files.ts, which the Node server uses
 * too when the VS Code extension offers it).
 *
 * A document's path for the loader is its URI's path under a first folder naming the URI's
 * scheme and authority (`/vscode-vfs%3A%2F%2Fgithub/owner/repo/a.cloe.yaml`), so that paths of
 * two file systems never meet, and the walk up the folders stops at the file system's root.
 */
import type { Connection } from 'vscode-languageserver';
import { clientFiles } from './client-files';
import type { ServerHost } from './host';

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

export function webHost(connection: Connection): ServerHost {
  return {
    kind: 'web',
    // (Symbolic links: the client does not say where one leads; the path is taken as it is.)
    ...clientFiles(connection, { pathOf: pathOfUri, uriOf: uriOfPath }),
    defer: (fn) => {
      const t = setTimeout(fn, 0);
      return () => clearTimeout(t);
    },
    processId: null,
    heap: undefined,
    configurationTimeoutMs: 10_000,
  };
}
