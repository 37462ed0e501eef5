/**
 * `report --format csv` against formula injection (issue 18, item 6; OWASP "CSV injection"):
 * every cell that starts with =, +, -, @, a tab or a CR is written with a leading ', whatever
 * column it is in; other cells (a level ending in -, a name with = inside) are left as written.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { run } from '../server/src/cli/main';

/** RFC 4180 fields: quoted ("" for a quote, line breaks allowed) or not. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
    } else while (i < text.length && text[i] !== ',' && text[i] !== '\r') cell += text[i++];
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

const NAMES = ['-Jean', '=HYPERLINK("http://evil.example","clic")', '+33 6 12 34 56 78', '@SUM(A1:A9)', '\tTabulé', '\rRetour', "-2+3+cmd|' /C calc'!A0", 'Marie = Curie', 'Jean-Luc'];

test('report --format csv neutralises every cell that starts with =, +, -, @, a tab or a CR, and no other', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-csv-'));
  try {
    const candidates = NAMES.map(
      (name, i) => `      - id: ${JSON.stringify(i === 0 ? '=1+1' : `C-${i}`)}\n        name: ${JSON.stringify(name)}\n        profession: Chef de projet\n        threshold: B1-\n        result: B1-\n`,
    ).join('');
    const grid = `cloe: 1\ncohorts:\n  - id: "@cohorte"\n    candidates:\n${candidates}`;
    fs.writeFileSync(path.join(dir, '-liste.cloe.yaml'), grid);
    let out = '';
    const code = await run(['report', '--format', 'csv', './-liste.cloe.yaml'], { cwd: dir, env: {}, stdout: (s) => (out += s), stderr: () => undefined, isTTY: false });
    assert.equal(code, 0);
    const rows = parseCsv(out);
    assert.equal(rows.length, 1 + NAMES.length, out);
    const [head, ...body] = rows;
    assert.deepEqual(head, ['file', 'cohort', 'id', 'name', 'profession', 'threshold', 'thresholdSource', 'result', 'outcome']);
    // Every cell, every column: none starts with a formula character unless neutralised.
    for (const row of body) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, JSON.stringify(row));
    // Neutralised cells keep the text after the ' exactly as written.
    assert.deepEqual(
      body.map((r) => r[3]),
      NAMES.map((n) => (/^[=+\-@\t\r]/.test(n) ? `'${n}` : n)),
    );
    assert.equal(body[0]![2], "'=1+1");
    assert.equal(body[0]![1], "'@cohorte");
    assert.equal(body[0]![0], "'-liste.cloe.yaml", 'the file column too');
    // A level ending with "-" does not start with it: left alone.
    assert.deepEqual([body[0]![5], body[0]![7]], ['B1-', 'B1-']);
    assert.equal(body.find((r) => r[3] === 'Jean-Luc')?.[3], 'Jean-Luc');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
