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

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
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
      if ((starts[mid] ?? 0) <= start) {
        keep = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const from = keep > 0 ? keep - 1 : 0;
    const scanFrom = starts[from] ?? 0;
    // Rescan from that line to the first line start after the edit (in the new text), then shift the rest.
    let firstAfter = hi + 1;
    while (firstAfter < starts.length && (starts[firstAfter] ?? 0) <= end + 1) firstAfter++;
    const scanTo = firstAfter < starts.length ? (starts[firstAfter] ?? 0) + delta : text.length;
    const out = starts.slice(0, from + 1);
    for (let i = scanFrom; i < scanTo && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) out.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        out.push(i + 1);
      }
    }
    // The rescan may have pushed the start that follows; do not repeat it.
    for (let i = firstAfter; i < starts.length; i++) {
      const s = (starts[i] ?? 0) + delta;
      if (s > (out[out.length - 1] ?? -1)) out.push(s);
    }
    const index = Object.create(LineIndex.prototype) as LineIndex;
    (index as unknown as { text: string }).text = text;
    (index as unknown as { starts: number[] }).starts = out;
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
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))] ?? 0;
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
