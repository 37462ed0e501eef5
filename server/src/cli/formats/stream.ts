/**
 * The check formats as writers (issue 18): each takes the checked files one at a time and writes
 * its report as it goes, so that `cloe-grid check` on 10,000 files neither keeps the files nor
 * builds the report as one string. The output is byte for byte what the whole-array functions
 * (formatJson…, written on top of these) give.
 */
import type { CheckedFile, FormatContext } from './types';

export interface FormatWriter {
  /** The next file (in report order). */
  file(file: CheckedFile): void;
  /** After the last file: what a format writes at the end (totals, closing brackets). */
  end(): void;
}

/** Where a format that must know its totals before its body (JUnit) keeps the body meanwhile. */
export interface Spool {
  append(s: string): void;
  /** Writes what was appended, in order, then forgets it. */
  drain(out: (s: string) => void): void;
}

export interface WriterPlan {
  /** The display name of every file that will be given, in order (SARIF lists its artifacts before its results). */
  displays: readonly string[];
  /** The body's spool (default: in memory). */
  spool?: () => Spool;
}

export type WriterFactory = (ctx: FormatContext, out: (s: string) => void, plan: WriterPlan) => FormatWriter;

export function memorySpool(): Spool {
  let parts: string[] = [];
  return {
    append: (s) => void parts.push(s),
    drain: (out) => {
      for (const s of parts) out(s);
      parts = [];
    },
  };
}

/** The whole report of a list of files as one string (tests, small reports). */
export function wholeReport(make: WriterFactory, files: readonly CheckedFile[], ctx: FormatContext): string {
  const parts: string[] = [];
  const w = make(ctx, (s) => parts.push(s), { displays: files.map((f) => f.display) });
  for (const f of files) w.file(f);
  w.end();
  return parts.join('');
}

/**
 * Writes the items of one array of a JSON document as `JSON.stringify(document, null, 2)` would,
 * one item at a time. `indent` is the indentation of the line where the array starts.
 */
export class JsonArrayWriter {
  private count = 0;
  constructor(
    private readonly out: (s: string) => void,
    private readonly indent: string,
  ) {}

  item(value: unknown): void {
    const inner = `${this.indent}  `;
    // (JSON strings hold no raw line break: every \n is the layout's.)
    this.out(`${this.count === 0 ? '[\n' : ',\n'}${inner}${JSON.stringify(value, null, 2).replace(/\n/g, `\n${inner}`)}`);
    this.count++;
  }

  end(): void {
    this.out(this.count === 0 ? '[]' : `\n${this.indent}]`);
  }
}

/**
 * A JSON document with arrays to stream: `JSON.stringify(skeleton, null, 2)` where each array to
 * stream holds the place of a marker string. Returns the text between the markers and, for each
 * marker, the indentation of its line.
 */
export function jsonTemplate(skeleton: unknown, markers: readonly string[]): { parts: string[]; indents: string[] } {
  const text = JSON.stringify(skeleton, null, 2);
  const parts: string[] = [];
  const indents: string[] = [];
  let from = 0;
  for (const m of markers) {
    const at = text.indexOf(JSON.stringify(m), from);
    if (at < 0) throw new Error(`jsonTemplate: no ${m}`);
    parts.push(text.slice(from, at));
    const lineStart = text.lastIndexOf('\n', at) + 1;
    indents.push(/^ */.exec(text.slice(lineStart))![0]);
    from = at + JSON.stringify(m).length;
  }
  parts.push(text.slice(from));
  return { parts, indents };
}
