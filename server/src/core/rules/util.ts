/** Helpers shared by the rules: spans, edits and labels. */
import type { Fix, TextEdit } from '../findings';
import type { Report, Rule } from './rule';
import { msg } from '../messages';
import type { Candidate, ObjectInfo, TextField } from '../model';
import { ownString, type Span } from '../text';

/**
 * The mappings of one candidate (itself and its `result`). The shape rules check them as candidate
 * rules, so that an edit inside one candidate re-checks only its own mappings.
 */
export function candidateObjects(c: Candidate): ObjectInfo[] {
  const out = [c.obj];
  for (const f of c.obj.fields) if (f.value.map?.kind === 'result') out.push(f.value.map);
  return out;
}

/** True for the mappings candidateObjects covers (checked per candidate, not per file). */
export function inCandidate(obj: ObjectInfo): boolean {
  return obj.kind === 'candidate' || obj.kind === 'result';
}

export function replaceFix(span: Span, text: string, safe: boolean): Fix {
  return { title: msg('fix.replace', { text }), edits: [{ start: span.start, end: span.end, newText: text }], safe };
}

/** The narrowest place that stands for an object: its first key, else the object itself. */
export function anchorOf(obj: ObjectInfo): Span {
  return obj.fields[0]?.keySpan ?? obj.span;
}

/** How a message names a candidate: its id, else its name, else its position. */
export function candidateLabel(c: Candidate): string {
  return c.id?.value ?? c.name?.value ?? `#${c.index + 1}`;
}

export function candidateAnchor(c: Candidate): Span {
  return c.id?.span ?? anchorOf(c.obj);
}

/** True when the value is on one line and is no block scalar, so edits next to it are safe. */
export function isSimpleScalar(text: string, f: TextField): boolean {
  if (f.node.style === 'block') return false;
  return !/[\r\n]/.test(text.slice(f.span.start, f.span.end));
}

/**
 * An edit that adds `key: value` to a mapping right after one of its fields, keeping the
 * mapping's style (a new line with the same indentation, or `, key: value` in flow style).
 * Undefined where the layout is too unusual to edit safely.
 */
export function insertAfterField(text: string, obj: ObjectInfo, after: TextField, key: string, value: string): TextEdit | undefined {
  if (!isSimpleScalar(text, after)) return undefined;
  // A field merged in (`<<: *defaults`) is written elsewhere, in a mapping others share: no edit.
  if (after.keySpan.start < obj.span.start || after.span.end > obj.span.end) return undefined;
  if (obj.flow) return { start: after.span.end, end: after.span.end, newText: `, ${key}: ${value}` };
  // Back to the line's start (lastIndexOf('\r') would scan the whole file when it has no CR).
  let lineStart = after.keySpan.start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const before = text.slice(lineStart, after.keySpan.start);
  // The key may follow "- " on its line (first key of a list item): indent to the key's column.
  if (!/^[ -]*$/.test(before)) return undefined;
  const indent = ' '.repeat(before.length);
  let end = after.span.end;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  // The line's own break (a whole-text search would cost O(file) per candidate).
  const eol = text[end] === '\r' && text[end + 1] === '\n' ? '\r\n' : '\n';
  return { start: end, end, newText: shared(`text\0${eol}${indent}${key}: ${value}`, (k) => k.slice(5)) };
}

const SHARED = new Map<string, unknown>();

/**
 * One value for every finding that needs it (the message of a frequent finding, a fix's title,
 * an inserted line): a large file has 60,000 threshold-defaulted findings, and their own copies
 * would cost ~20 MB. Keys name what they are for (`text\0…`, `message\0…`); the values are never
 * changed by anyone (findings are read, their spans moved: spans are never shared). Bounded, so
 * that random texts cannot grow it without end.
 */
export function shared<T>(key: string, make: (key: string) => T): T {
  const known = SHARED.get(key);
  if (known !== undefined) return known as T;
  const value = make(key);
  // (The key is copied: it lives as long as the server, the text it may come from must not.)
  if (SHARED.size < 4096) SHARED.set(ownString(key), value);
  return value;
}

/**
 * The hooks of a rule that checks every threshold as written: each local profession's (a file
 * rule) and each candidate's. Both follow the same rules (SPEC §1.4).
 */
export function onThresholds(check: (f: TextField, report: (r: Report) => void) => void): Pick<Rule, 'checkFile' | 'checkCandidate'> {
  return {
    checkFile({ model, report }) {
      for (const p of model.professions) if (p.threshold) check(p.threshold, report);
    },
    checkCandidate(c, { report }) {
      if (c.threshold) check(c.threshold, report);
    },
  };
}
