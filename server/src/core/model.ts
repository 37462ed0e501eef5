/**
 * The document model: a typed view of a grid file that keeps the exact span of every key and
 * value. Built by parse.ts; rules, outcomes and (later) the editor features read it.
 */
import type { ObjectKind } from './format';
import type { Span } from './text';

export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'map' | 'seq' | 'other';

export interface ValueNode {
  kind: ValueKind;
  /** The value itself, without a trailing comment. For a missing value: an empty span after the key. */
  span: Span;
  /** Scalars: the text a user sees as the value (a quoted string's value, a number's source text). */
  text?: string;
  /** Scalars: plain, quoted or block style. */
  style?: 'plain' | 'quoted' | 'block';
  /** Maps and sequences written in flow style (`{…}`, `[…]`). */
  flow?: boolean;
  map?: ObjectInfo;
  items?: ValueNode[];
}

export interface FieldInfo {
  key: string;
  keySpan: Span;
  value: ValueNode;
}

export interface ObjectInfo {
  kind: ObjectKind;
  span: Span;
  flow: boolean;
  fields: FieldInfo[];
}

/** A scalar field read as text (numbers and booleans keep their source text). */
export interface TextField {
  value: string;
  span: Span;
  keySpan: Span;
  node: ValueNode;
}

export interface LocalProfession {
  index: number;
  obj: ObjectInfo;
  name?: TextField;
  threshold?: TextField;
  aliases: TextField[];
}

export interface ResultField {
  node: ValueNode;
  keySpan: Span;
  /** `result: B1+` */
  shorthand?: TextField;
  written?: TextField;
  oral?: TextField;
  overall?: TextField;
}

export interface Candidate {
  /** Position among all candidates of the file. */
  index: number;
  cohort: Cohort;
  obj: ObjectInfo;
  id?: TextField;
  name?: TextField;
  profession?: TextField;
  threshold?: TextField;
  result?: ResultField;
}

export interface Cohort {
  index: number;
  obj: ObjectInfo;
  id?: TextField;
  name?: TextField;
  partner?: TextField;
  language?: TextField;
  session?: TextField;
  /** The `candidates` key, when present. */
  candidatesKey?: Span;
  candidates: Candidate[];
}

export interface SyntaxError {
  span: Span;
  code: string;
  message: string;
}

export interface GridModel {
  text: string;
  /** The root mapping; undefined when the document is empty or not a mapping. */
  root?: ObjectInfo;
  /** The root value when it is not a mapping (a list or a scalar), for invalid-type. */
  rootNode?: ValueNode;
  /**
   * Every mapping the format knows outside candidates, children first, in document order (for the
   * file's shape rules). A candidate's own mappings are candidateObjects(c): they are checked
   * with the candidate, and a large file may not keep them in memory (lazy.ts).
   */
  objects: ObjectInfo[];
  /** Every list field's items that should have been mappings but are not. */
  badItems: { node: ValueNode; expected: ObjectKind }[];
  version?: FieldInfo;
  language?: TextField;
  professions: LocalProfession[];
  cohorts: Cohort[];
  candidates: Candidate[];
  syntaxErrors: SyntaxError[];
  /** The alias whose expansion hit MAX_ALIAS_NODES (an alias bomb): beyond it, nothing is checked. */
  aliasLimit?: Span;
  /** Lazy models (lazy.ts): called once the file is checked, to forget the candidates read meanwhile. */
  settle?: () => void;
}

/**
 * The candidate whose mapping contains an offset, by binary search (candidates are in document
 * order); with `orBefore`, the last one that starts before the offset when none contains it.
 */
export function candidateAt<T extends { obj: { span: { start: number; end: number } } }>(candidates: readonly T[], offset: number, orBefore = false): T | undefined {
  let lo = 0;
  let hi = candidates.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = candidates[mid]!;
    if (c.obj.span.start > offset) hi = mid - 1;
    else if (c.obj.span.end < offset) lo = mid + 1;
    else return c;
  }
  return orBefore ? candidates[hi] : undefined;
}

/** A field written with a value (not absent, not empty). */
export function isWritten(f: FieldInfo | undefined): boolean {
  return !!f && f.value.kind !== 'null';
}

export function fieldOf(obj: ObjectInfo, key: string): FieldInfo | undefined {
  return obj.fields.find((f) => f.key === key);
}

/** Kinds of mapping listed in GridModel.objects: all but a candidate's own. */
export function listed(kind: ObjectKind): boolean {
  return kind !== 'candidate' && kind !== 'result';
}

/** A candidate's fields read from its mapping. */
export function buildCandidate(obj: ObjectInfo, cohort: Cohort, index: number): Candidate {
  const candidate: Candidate = { index, cohort, obj };
  readCandidate(obj, candidate);
  return candidate;
}

/** Reads a candidate mapping's fields into `into` (id, name, profession, threshold, result). */
export function readCandidate(obj: ObjectInfo, into: Pick<Candidate, 'id' | 'name' | 'profession' | 'threshold' | 'result'>): void {
  into.id = textField(fieldOf(obj, 'id'));
  into.name = textField(fieldOf(obj, 'name'));
  into.profession = textField(fieldOf(obj, 'profession'));
  into.threshold = textField(fieldOf(obj, 'threshold'));
  const result = fieldOf(obj, 'result');
  if (result && result.value.kind !== 'null') {
    const r: ResultField = { node: result.value, keySpan: result.keySpan };
    if (result.value.map) {
      const m = result.value.map;
      r.written = textField(fieldOf(m, 'written'));
      r.oral = textField(fieldOf(m, 'oral'));
      r.overall = textField(fieldOf(m, 'overall'));
    } else {
      r.shorthand = textField(result);
    }
    into.result = r;
  }
}

/** A field's scalar value as text; undefined when absent, empty (null) or not a scalar. */
export function textField(f: FieldInfo | undefined): TextField | undefined {
  if (!f) return undefined;
  const t = scalarText(f.value);
  if (t === undefined) return undefined;
  return { value: t, span: f.value.span, keySpan: f.keySpan, node: f.value };
}

export function scalarText(v: ValueNode): string | undefined {
  if (v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean') return v.text;
  return undefined;
}

/**
 * Moves every span of a value by `by` (a region parsed alone placed in its file). Each span
 * moves once: a mapping's span is its ObjectInfo's.
 */
export function moveTree(node: ValueNode, by: number): void {
  const value = (v: ValueNode) => {
    if (v.map) return object(v.map);
    v.span.start += by;
    v.span.end += by;
    for (const item of v.items ?? []) value(item);
  };
  const object = (o: ObjectInfo) => {
    o.span.start += by;
    o.span.end += by;
    for (const f of o.fields) {
      f.keySpan.start += by;
      f.keySpan.end += by;
      value(f.value);
    }
  };
  value(node);
}
