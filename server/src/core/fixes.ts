/** Fix-all: the edits of every safe fix, without overlaps (the first fix of a region wins). */
import type { Finding, TextEdit } from './findings';

export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.safe);
    if (!fix) continue;
    const overlaps = fix.edits.some((e) => chosen.some((c) => e.start < c.end && c.start < e.end || (e.start === e.end && c.start === c.end && e.start === c.start)));
    if (!overlaps) chosen.push(...fix.edits);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
