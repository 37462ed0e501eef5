/**
 * The one configuration loader, shared by the CLI and the language server (the Node edge of the
 * core: it reads files; the core parses them). For a grid file, the nearest cloe.config.yaml up
 * the folder tree applies, up to the repository root (a folder holding .git) or the file system
 * root: the same for the CLI and the editor, whichever folder of the repository is opened.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type picomatchType from 'picomatch';
import { type CheckOptions, localProfessionDefs, type SeverityOverride } from '../core/check';
import { CONFIG_FILE_NAMES, parseConfig } from '../core/config';
import type { Finding } from '../core/findings';
import type { LocalProfessionDef } from '../core/grid';
import { msg } from '../core/messages';
import { parseGrid } from '../core/parse';
import { readTextFile } from './read-text';

export interface ResolvedConfig {
  /** The configuration file; undefined when none applies. */
  path?: string;
  severities: Record<string, SeverityOverride>;
  extraProfessions: LocalProfessionDef[];
  /** Glob patterns of more grid files, relative to the configuration's folder. */
  files: string[];
  /** Problems of the configuration itself, with offsets in `text`. */
  findings: Finding[];
  text?: string;
  /** Absolute paths of the grid files it loads (to watch them). */
  gridFiles: string[];
}

export const NO_CONFIG: ResolvedConfig = { severities: {}, extraProfessions: [], files: [], findings: [], gridFiles: [] };

export type ReadText = (absPath: string) => string | undefined;

const readFromDisk: ReadText = (p) => {
  try {
    return readTextFile(p).text;
  } catch {
    return undefined;
  }
};

/**
 * What the loader asks of a file system besides reading files: the disk's by default; the
 * language server in a Web Worker gives its own (what the client read for it, server/src/lsp/web-host.ts).
 */
export interface ConfigFileOps {
  exists(p: string): boolean;
  isDirectory(p: string): boolean;
  /** The path with its symbolic links resolved (as far as it exists). */
  realPath(p: string): string;
}

const DISK: ConfigFileOps = {
  exists: (p) => existsSync(p),
  isDirectory: (p) => existsSync(p) && statSync(p).isDirectory(),
  realPath: (p) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  },
};

/** The repository a folder is in: the nearest folder up the tree holding .git, else undefined. */
export function repositoryRoot(dir: string, ops: ConfigFileOps = DISK): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (ops.exists(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

export class ConfigLoader {
  private readonly cache = new Map<string, ResolvedConfig>();
  private readonly lookup = new Map<string, string | undefined>();
  /**
   * False in a workspace the user has not trusted (the editor says so): a grid file that a
   * configuration names outside its repository is then not read at all.
   */
  private trusted = true;

  /**
   * @param read how to read a file (the server reads open documents first, then the disk)
   * @param ops the rest of the file system (the disk's by default)
   */
  constructor(
    private readonly read: ReadText = readFromDisk,
    private readonly ops: ConfigFileOps = DISK,
  ) {}

  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    this.cache.clear();
  }

  /** Forgets everything read (a configuration or grid file changed). */
  invalidate(): void {
    this.cache.clear();
    this.lookup.clear();
  }

  /** The nearest configuration file for a file, or undefined. */
  findConfigFile(filePath: string): string | undefined {
    let dir = path.dirname(path.resolve(filePath));
    const visited: string[] = [];
    let found: string | undefined;
    for (;;) {
      if (this.lookup.has(dir)) {
        found = this.lookup.get(dir);
        break;
      }
      visited.push(dir);
      const hit = CONFIG_FILE_NAMES.map((n) => path.join(dir, n)).find((p) => this.read(p) !== undefined);
      if (hit) {
        found = hit;
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir || this.ops.exists(path.join(dir, '.git'))) break;
      dir = parent;
    }
    for (const v of visited) this.lookup.set(v, found);
    return found;
  }

  forFile(filePath: string): ResolvedConfig {
    const p = this.findConfigFile(filePath);
    return p ? this.load(p) : NO_CONFIG;
  }

  load(configPath: string): ResolvedConfig {
    const abs = path.resolve(configPath);
    const hit = this.cache.get(abs);
    if (hit) return hit;
    const text = this.read(abs);
    const resolved: ResolvedConfig = { path: abs, severities: {}, extraProfessions: [], files: [], findings: [], gridFiles: [] };
    if (text === undefined) {
      resolved.findings.push({ rule: 'invalid-config', severity: 'error', span: { start: 0, end: 0 }, message: msg('invalid-config.missing-grid', { path: abs, reason: 'not found' }) });
      this.cache.set(abs, resolved);
      return resolved;
    }
    resolved.text = text;
    const parsed = parseConfig(text);
    resolved.severities = parsed.rules;
    resolved.files = parsed.files;
    resolved.findings.push(...parsed.findings);
    const dir = path.dirname(abs);
    // Grid files stay inside the repository (outside one, the configuration's folder): CI and the
    // other clones have nothing else, and an untrusted workspace must not make the editor read
    // /etc/passwd or ~/.ssh through a configuration it did not write.
    const home = this.ops.realPath(repositoryRoot(dir, this.ops) ?? dir);
    for (const g of parsed.grid) {
      const gridPath = path.resolve(dir, g.path);
      resolved.gridFiles.push(gridPath);
      const report = (severity: Finding['severity'], message: Finding['message']) => resolved.findings.push({ rule: 'invalid-config', severity, span: g.span, message });
      const inside = path.relative(home, this.ops.realPath(gridPath));
      if (inside.startsWith('..') || path.isAbsolute(inside)) {
        if (!this.trusted) {
          report('warning', msg('invalid-config.outside-untrusted', { path: g.path, root: home }));
          continue;
        }
        report('warning', msg('invalid-config.outside-repository', { path: g.path, root: home }));
      }
      if (!isGridFile(gridPath, resolved)) {
        report('error', msg('invalid-config.not-grid-name', { path: g.path }));
        continue;
      }
      let gridText: string | undefined;
      let reason = 'not found';
      try {
        if (this.ops.isDirectory(gridPath)) reason = 'it is a folder';
        else gridText = this.read(gridPath);
      } catch (e) {
        reason = (e as Error).message;
      }
      if (gridText === undefined) {
        report('error', msg('invalid-config.missing-grid', { path: g.path, reason }));
        continue;
      }
      const model = parseGrid(gridText);
      if (model.syntaxErrors.length === 0 && !model.root) {
        report('error', msg('invalid-config.not-grid-content', { path: g.path }));
        continue;
      }
      if (model.syntaxErrors.length > 0) {
        resolved.findings.push({ rule: 'invalid-config', severity: 'warning', span: g.span, message: msg('invalid-config.grid-errors', { path: g.path, count: model.syntaxErrors.length }) });
      }
      resolved.extraProfessions.push(...localProfessionDefs(model));
    }
    this.cache.set(abs, resolved);
    return resolved;
  }
}

export function checkOptions(config: ResolvedConfig, inlineConfig = true): CheckOptions {
  return { severities: config.severities, extraProfessions: config.extraProfessions, inlineConfig };
}

/** True when a file is a grid file under this configuration: *.cloe.y{a,}ml or one of its `files` patterns. */
export function isGridFile(absPath: string, config: ResolvedConfig): boolean {
  if (/\.cloe\.ya?ml$/i.test(absPath)) return true;
  if (!config.path || config.files.length === 0) return false;
  const rel = path.relative(path.dirname(config.path), absPath).split(path.sep).join('/');
  if (rel.startsWith('..')) return false;
  // Loaded only for a configuration with `files` patterns: most runs do not need it (start time, issue 16).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const picomatch = require('picomatch') as typeof picomatchType;
  return config.files.some((p) => picomatch(p.includes('/') ? p : `**/${p}`, { dot: true })(rel));
}
