/**
 * Offsets ↔ line/character. Offsets and characters count UTF-16 code units (JavaScript string
 * indices), as LSP positions do by default. Line breaks are \n, \r\n or a lone \r.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number;
  character: number;
}

/**
 * A copy of `s` that does not hold on to the text it was cut from. V8 makes a slice of 13
 * characters or more a view into its parent string: one candidate id kept from a 15 MB document
 * keeps the whole document alive, and after each edit another one. What outlives an edit (kept
 * fields, finding messages, the parts of the model an edit does not re-read) is copied with this.
 * (A JSON round trip: the fastest copy measured, ~0.4 µs, and a one-byte string when it can be.)
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

export class LineIndex {
  /** Offset of the first character of each line (4 bytes a line: 2.4 MB for a 600,000-line file, half of a number[]). */
  private readonly starts: Uint32Array;

  constructor(private readonly text: string) {
    const starts = new Uint32Array(countLines(text, 0, text.length) + 1);
    fillLines(text, 0, text.length, starts, 1);
    this.starts = starts;
  }

  /** The index of `text` after one edit of the text this index was built for: O(lines), no rescan. */
  edited(text: string, start: number, end: number, newText: string): LineIndex {
    const delta = newText.length - (end - start);
    const starts = this.starts;
    // Line starts up to the edit stay; a \r just before the edit may pair with a \n it brings: rescan from its line.
    let keep = 0;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= start) {
        keep = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const from = keep > 0 ? keep - 1 : 0;
    const scanFrom = starts[from]!;
    // Rescan from that line to the first line start after the edit (in the new text), then shift the rest.
    let firstAfter = hi + 1;
    while (firstAfter < starts.length && starts[firstAfter]! <= end + 1) firstAfter++;
    const scanTo = Math.min(firstAfter < starts.length ? starts[firstAfter]! + delta : text.length, text.length);
    const scanned = countLines(text, scanFrom, scanTo);
    // The rescan may have found the start that follows; do not repeat it.
    let last = starts[from]!;
    if (scanned > 0) {
      const probe = new Uint32Array(scanned);
      fillLines(text, scanFrom, scanTo, probe, 0);
      last = probe[scanned - 1]!;
    }
    let tail = firstAfter;
    while (tail < starts.length && starts[tail]! + delta <= last) tail++;
    const out = new Uint32Array(from + 1 + scanned + (starts.length - tail));
    out.set(starts.subarray(0, from + 1));
    fillLines(text, scanFrom, scanTo, out, from + 1);
    let k = from + 1 + scanned;
    for (let i = tail; i < starts.length; i++) out[k++] = starts[i]! + delta;
    const index = Object.create(LineIndex.prototype) as LineIndex;
    (index as unknown as { text: string }).text = text;
    (index as unknown as { starts: Uint32Array }).starts = out;
    return index;
  }

  /** Uses another copy of the same text (so that only one copy stays in memory). */
  adopt(text: string): void {
    if (text === this.text) (this as unknown as { text: string }).text = text;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }

  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line] ?? 0;
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** The line breaks (\n, \r\n, a lone \r) in text[from, to). */
function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      n++;
    }
  }
  return n;
}

/** Writes the start of each line that a break in text[from, to) begins into `out` from `at`. */
function fillLines(text: string, from: number, to: number, out: Uint32Array, at: number): void {
  let k = at;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) out[k++] = i + 1;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out[k++] = i + 1;
    }
  }
}
