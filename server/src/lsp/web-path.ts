/**
 * `node:path` in the Web Worker's bundle (scripts/build.mjs aliases it here): POSIX paths, which
 * is what the web host gives the configuration loader (web-host.ts). Only what the loader uses.
 */
export const sep = '/';

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

function normalizeParts(parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out;
}

export function resolve(...paths: string[]): string {
  let joined = '';
  for (const p of paths) joined = isAbsolute(p) ? p : `${joined}/${p}`;
  return '/' + normalizeParts(joined.split('/')).join('/');
}

export function join(...paths: string[]): string {
  const joined = paths.filter((p) => p !== '').join('/');
  const parts = normalizeParts(joined.split('/'));
  const body = parts.join('/');
  return (isAbsolute(joined) ? '/' : '') + (body || (isAbsolute(joined) ? '' : '.')) + (body && joined.endsWith('/') ? '/' : '');
}

export function dirname(p: string): string {
  const r = resolve(p);
  const i = r.lastIndexOf('/');
  return i <= 0 ? '/' : r.slice(0, i);
}

export function basename(p: string): string {
  const parts = p.split('/').filter((x) => x !== '');
  return parts[parts.length - 1] ?? '';
}

export function relative(from: string, to: string): string {
  const a = normalizeParts(resolve(from).split('/'));
  const b = normalizeParts(resolve(to).split('/'));
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export default { sep, isAbsolute, resolve, join, dirname, basename, relative };
