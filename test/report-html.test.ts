/**
 * `cloe-grid report --format html`: one self-contained page that parses as HTML, refers to no URL
 * outside itself, shows every candidate of the samples with their cohort's counts and chart, keeps
 * a hostile name as text, and draws its chart in a real browser (Chromium, as the VS Code suite).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { checkText } from '../server/src/core/check';
import { outcomesView } from '../server/src/core/cohort-view';
import { readRepoFile, runInProcess, VALID_SAMPLES } from './helpers';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cloe-html-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Parses as a browser would, failing on any parse error; returns every element. */
function parseHtml(html: string): Element[] {
  const errors: string[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(`${e.code} at line ${e.startLine}`) });
  assert.deepEqual(errors, [], 'the page has no HTML parse error');
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) out.push(n);
    const children = 'content' in n && n.nodeName === 'template' ? [] : 'childNodes' in n ? n.childNodes : [];
    for (const c of children) walk(c);
  };
  walk(doc);
  return out;
}

function text(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in n ? n.childNodes.map(text).join('') : '';
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

const HOSTILE = `cloe: 1
language: en
cohorts:
  - id: x-1
    name: "Cohort </style><script>alert(1)</script>"
    partner: "Acme & <Co>"
    candidates:
      - { id: H-1, name: "<img src=x onerror=alert(1)>", profession: "<b>Chef</b>", threshold: B2, result: B1 }
      - { id: "H-2\\"><a href=https://evil.example>", name: Plain, profession: Chef de projet, result: C1 }
`;

test('the samples: parses as HTML, no URL outside itself, every candidate, every cohort with its counts and chart', async () => {
  const r = await runInProcess(['report', '--format', 'html', '--locale', 'fr', ...VALID_SAMPLES()]);
  assert.equal(r.code, 0, r.stderr);
  const html = r.stdout;
  const els = parseHtml(html);
  assert.equal(attr(els.find((e) => e.tagName === 'html')!, 'lang'), 'fr');
  // Self-contained: no script, no external stylesheet, no link or source anywhere outside the page.
  assert.ok(!els.some((e) => e.tagName === 'script' || e.tagName === 'link' || e.tagName === 'iframe' || e.tagName === 'img'));
  for (const e of els) for (const name of ['src', 'href', 'xlink:href', 'action', 'srcset']) {
    const v = attr(e, name);
    assert.ok(v === undefined || v.startsWith('#'), `<${e.tagName} ${name}="${v}"> points outside the page`);
  }
  assert.ok(!/url\(|@import|https?:\/\//.test(html), 'no CSS resource, no URL at all');
  // Every candidate id of every sample is in a table cell, and each cohort has its heading, counts and chart.
  const cells = new Set(els.filter((e) => e.tagName === 'td').map((e) => text(e)));
  const sections = els.filter((e) => e.tagName === 'section' && attr(e, 'class') === 'cohort');
  let cohorts = 0;
  for (const file of VALID_SAMPLES()) {
    const view = outcomesView(checkText(readRepoFile(file)), 'fr');
    for (const c of view.cohorts) {
      cohorts++;
      for (const row of c.rows) assert.ok(cells.has(row.id!), `${file}: ${row.id} is in the report`);
      const section = sections.find((s) => text(s).includes(`Cohorte ${c.id} — `));
      assert.ok(section, `${c.id} has its section`);
      assert.ok(text(section).includes(c.summary), `${c.id}: ${c.summary}`);
      assert.ok(els.some((e) => e.tagName === 'svg' && text(e).includes(`cohorte ${c.id} `)), `${c.id} has its chart`);
    }
  }
  assert.equal(sections.length, cohorts);
  // Printable: one cohort per page.
  assert.match(html, /@media print\s*\{[^@]*section\.cohort \{ break-after: page;/);
});

test('every value stays text: a candidate named <img src=x onerror=alert(1)> is shown, not run', async () => {
  writeFileSync(path.join(tmp, 'hostile.cloe.yaml'), HOSTILE);
  const out = path.join(tmp, 'hostile.html');
  const r = await runInProcess(['report', '--format', 'html', '--output', out, 'hostile.cloe.yaml'], { cwd: tmp });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '', '--output: nothing on stdout');
  const html = readFileSync(out, 'utf8');
  const els = parseHtml(html);
  assert.ok(!els.some((e) => ['img', 'script', 'a', 'b'].includes(e.tagName)), 'no element comes from a value');
  const cells = els.filter((e) => e.tagName === 'td').map((e) => text(e));
  assert.ok(cells.includes('<img src=x onerror=alert(1)>'));
  assert.ok(cells.includes('H-2"><a href=https://evil.example>'));
  assert.ok(cells.includes('<b>Chef</b>'));
  assert.ok(text(els.find((e) => e.tagName === 'h3')!).includes('</style><script>alert(1)</script>'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
});

test('English by default (LANG=C); an unknown profession is marked as written; findings are listed', async () => {
  writeFileSync(path.join(tmp, 'hostile.cloe.yaml'), HOSTILE);
  const r = await runInProcess(['report', '--format', 'html', 'hostile.cloe.yaml'], { cwd: tmp });
  const els = parseHtml(r.stdout);
  assert.equal(attr(els.find((e) => e.tagName === 'html')!, 'lang'), 'en');
  const asWritten = els.find((e) => e.tagName === 'td' && attr(e, 'class') === 'as-written');
  assert.equal(text(asWritten!), '<b>Chef</b>');
  assert.ok(els.some((e) => e.tagName === 'li' && text(e).includes('is not a profession of the CLOE grid')));
});

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

test('in Chromium: the page renders without script and every chart has bars of non-zero size', async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH): the browser check did not run`);
    return;
  }
  const r = await runInProcess(['report', '--format', 'html', '--output', path.join(tmp, 'samples.html'), ...VALID_SAMPLES().map((f) => path.resolve(f))], { cwd: path.resolve(__dirname, '..', '..') });
  assert.equal(r.code, 0, r.stderr);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(`file://${path.join(tmp, 'samples.html')}`);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), [], 'no network request');
    const charts = await page.locator('figure.cloe-chart svg').count();
    assert.ok(charts >= 3, `${charts} charts`);
    for (let i = 0; i < charts; i++) {
      const svg = page.locator('figure.cloe-chart svg').nth(i);
      const box = await svg.boundingBox();
      assert.ok(box && box.width > 100 && box.height > 100, `chart ${i} is laid out`);
      const bars = await svg.locator('rect[class^="bar-"]:has(title)').evaluateAll((rects) => rects.map((r) => (r as unknown as { getBBox(): { width: number; height: number } }).getBBox()).map((b) => ({ w: b.width, h: b.height })));
      assert.ok(bars.length > 0, `chart ${i} has bars`);
      for (const b of bars) assert.ok(b.w > 0 && b.h > 0, `chart ${i}: a bar of ${b.w}×${b.h}`);
      // Coloured by the stylesheet (not the default black).
      const fill = await svg.locator('rect.bar-certificate').first().evaluate((r) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(r).fill);
      assert.notEqual(fill, 'rgb(0, 0, 0)');
    }
    assert.ok(await page.getByText('ACME-001', { exact: true }).isVisible());
  } finally {
    await browser.close();
  }
});
