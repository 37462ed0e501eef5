/**
 * The extension's manifest and its pure parts (the crash policy); the behaviour inside VS Code is
 * proven by the real VS Code suite (test/vscode).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { CrashPolicy } from '../client/src/restart';
import { readRepoFile, ROOT } from './helpers';

describe('crash policy', () => {
  test('restarts at once, then after a growing delay; the fifth crash in three minutes stops', () => {
    let now = 0;
    const p = new CrashPolicy(5, 180000, () => now);
    const delays = [0, 1, 2, 3, 4].map(() => {
      now += 1000;
      return p.crashed();
    });
    assert.deepEqual(delays, [0, 500, 1000, 2000, undefined]);
  });

  test('crashes older than the window are forgotten, and a reset forgets them all', () => {
    let now = 0;
    const p = new CrashPolicy(5, 180000, () => now);
    for (let i = 0; i < 4; i++) p.crashed();
    now += 180001;
    assert.equal(p.crashed(), 0);
    for (let i = 0; i < 3; i++) p.crashed();
    p.reset();
    assert.equal(p.crashed(), 0);
  });

  test('the delay stops growing at 8 s', () => {
    const p = new CrashPolicy(100, 180000, () => 0);
    let last: number | undefined;
    for (let i = 0; i < 20; i++) last = p.crashed();
    assert.equal(last, 8000);
  });
});

describe('extension manifest', () => {
  const pkg = JSON.parse(readRepoFile('package.json')) as {
    main: string;
    browser: string;
    extensionKind?: unknown;
    activationEvents: string[];
    contributes: Record<string, unknown> & { yamlValidation: { fileMatch: string[] }[]; languages: { id: string; filenamePatterns: string[]; configuration: string; icon: { light: string; dark: string } }[]; grammars: { path: string; scopeName: string }[]; snippets: { path: string }[]; walkthroughs: { steps: { media: { image?: string; markdown?: string } }[] }[] };
    capabilities: { untrustedWorkspaces: { supported: unknown; description?: string }; virtualWorkspaces: { supported: unknown; description?: string } };
  };
  const ignore = readRepoFile('.vscodeignore');

  test('grid files are the cloe-yaml language, and no YAML schema is handed out for them', () => {
    const lang = pkg.contributes.languages.find((l) => l.id === 'cloe-yaml');
    assert.ok(lang);
    assert.deepEqual(lang.filenamePatterns, ['*.cloe.yaml', '*.cloe.yml']);
    assert.ok(!pkg.contributes.yamlValidation.some((v) => v.fileMatch.some((m) => m.includes('.cloe.'))));
    const grammar = JSON.parse(readRepoFile(pkg.contributes.grammars[0]!.path)) as { patterns: { include: string }[] };
    assert.deepEqual(grammar.patterns, [{ include: 'source.yaml' }]);
  });

  test('activation: the grid language, grid files or configurations; never every YAML file', () => {
    assert.ok(!pkg.activationEvents.some((e) => e === 'onLanguage:yaml' || e === '*' || e === 'onStartupFinished'));
    assert.deepEqual(pkg.activationEvents.filter((e) => e.startsWith('workspaceContains:')).sort(), ['workspaceContains:**/*.cloe.yaml', 'workspaceContains:**/*.cloe.yml', 'workspaceContains:**/cloe.config.yaml', 'workspaceContains:**/cloe.config.yml']);
  });

  test('Restricted Mode and virtual workspaces are declared, with a reason', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(pkg.capabilities.untrustedWorkspaces.description);
    // The browser entry checks github.dev's virtual file system; what it cannot do is said.
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(pkg.capabilities.virtualWorkspaces.description ?? '', /^%capabilities\.virtualWorkspaces%$/);
    const nls = JSON.parse(readRepoFile('package.nls.json')) as Record<string, string>;
    assert.match(nls['capabilities.virtualWorkspaces'] ?? '', /Compare Outcomes/);
  });

  test('a desktop entry and a browser entry (vscode.dev, github.dev), both shipped; where it runs is left to VS Code', () => {
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.browser, './dist/web/extension.js');
    assert.equal(pkg.extensionKind, undefined);
    for (const f of ['dist/extension.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js']) assert.ok(ignore.split('\n').includes(`!${f}`), `${f} is kept by .vscodeignore`);
    // Compare Outcomes runs git and the CLI: hidden in the browser.
    const menus = (pkg.contributes.menus as { commandPalette: { command: string; when?: string }[] }).commandPalette;
    assert.match(menus.find((m) => m.command === 'cloe.compareOutcomes')?.when ?? '', /!isWeb/);
  });

  test('every file the manifest names exists and ships in the package', () => {
    const lang = pkg.contributes.languages[0]!;
    const files = [lang.configuration, lang.icon.light, lang.icon.dark, ...pkg.contributes.grammars.map((g) => g.path), ...pkg.contributes.snippets.map((s) => s.path), ...pkg.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => (s.media.image ?? s.media.markdown)!))];
    for (const f of files) {
      assert.ok(existsSync(path.join(ROOT, f)), f);
      const rel = path.normalize(f);
      assert.ok(ignore.split('\n').some((l) => l.startsWith('!') && (l.slice(1) === rel || (l.endsWith('/**') && rel.startsWith(l.slice(1, -2))))), `${rel} is kept by .vscodeignore`);
    }
  });
});
