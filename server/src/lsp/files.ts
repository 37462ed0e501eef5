/** Which documents are grid files: `*.cloe.yaml`, `*.cloe.yml` and the `cloe.files` patterns. */
import picomatch from 'picomatch';

export const DEFAULT_PATTERNS = ['**/*.cloe.yaml', '**/*.cloe.yml'];

export function uriPath(uri: string): string | undefined {
  try {
    const u = new URL(uri);
    return decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
}

export class FileMatcher {
  private readonly matchers: ((p: string) => boolean)[];

  constructor(
    patterns: readonly string[],
    private readonly roots: readonly string[],
  ) {
    this.matchers = [...DEFAULT_PATTERNS, ...patterns].map((p) => {
      // A pattern without a slash matches file names anywhere (like .gitignore).
      const pattern = p.includes('/') ? p : `**/${p}`;
      return picomatch(pattern, { dot: true });
    });
  }

  matches(uri: string): boolean {
    const p = uriPath(uri);
    if (!p) return false;
    const candidates = [p.replace(/^\//, '')];
    for (const root of this.roots) {
      const r = root.endsWith('/') ? root : root + '/';
      if (p.startsWith(r)) candidates.push(p.slice(r.length));
    }
    return this.matchers.some((m) => candidates.some((c) => m(c)));
  }
}
