/**
 * The layers of ARCHITECTURE.md, checked: no import cycle under server/src (type-only imports
 * included: a cycle of types is still two modules that cannot be read apart), and the core
 * imports nothing outside itself.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(name) ? [p] : [];
  });
}

/** The project modules a source file imports (relative specifiers only), as absolute paths without extension. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gm)) out.push(path.resolve(path.dirname(file), m[1]!));
  for (const m of text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)) out.push(path.resolve(path.dirname(file), m[1]!));
  return out.map((p) => p.replace(/\.(js|ts)$/, ''));
}

const files = sources(path.join(ROOT, 'server', 'src'));
const graph = new Map(files.map((f) => [f.replace(/\.ts$/, ''), importsOf(f)]));
const rel = (p: string) => path.relative(ROOT, p);

/** Every cycle of a graph, each as the path that closes it. */
function findCycles(g: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of g.get(node) ?? []) {
      if (!g.has(next)) continue;
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of g.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

test('no import cycle under server/src', () => {
  assert.deepEqual(findCycles(graph).map((c) => c.map(rel).join(' → ')), []);
});

test('the cycle check sees a cycle, and none in a tree', () => {
  assert.deepEqual(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), [['a', 'b', 'c', 'a']]);
  assert.deepEqual(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), []);
});

test('the core imports only the core (and the yaml package)', () => {
  const core = path.join(ROOT, 'server', 'src', 'core');
  for (const file of files.filter((f) => f.startsWith(core))) {
    for (const dep of importsOf(file)) assert.ok(dep.startsWith(core), `${rel(file)} imports ${rel(dep)}`);
    const packages = [...readFileSync(file, 'utf8').matchAll(/from\s+'([^.][^']*)'/g)].map((m) => m[1]);
    for (const p of packages) assert.equal(p, 'yaml', `${rel(file)} imports the package ${p}`);
  }
});

test('the protocol module (client and server both import it) holds names and types only: no package, only type imports of the core', () => {
  const file = path.join(ROOT, 'server', 'src', 'protocol.ts');
  const text = readFileSync(file, 'utf8');
  const imports = [...text.matchAll(/^\s*import\s.*$/gm)].map((m) => m[0].trim());
  assert.ok(imports.length > 0);
  for (const line of imports) assert.match(line, /^import type \{[^}]*\} from '\.\/core\/[\w-]+';$/, line);
  for (const dep of importsOf(file)) assert.ok(dep.startsWith(path.join(ROOT, 'server', 'src', 'core')), rel(dep));
  // Every custom request name of the client and the server is declared there, nowhere else.
  for (const f of [...files, ...sources(path.join(ROOT, 'client', 'src'))].filter((f) => f !== file)) {
    const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.deepEqual([...code.matchAll(/'cloe\/\w+'/g)].map((m) => m[0]), [], `${rel(f)} names a request itself: use server/src/protocol.ts`);
  }
});
