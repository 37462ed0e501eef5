/**
 * A fast parser for the YAML that grid files are written in: block mappings and lists, one-line
 * plain and quoted scalars, one-line flow lists and mappings of scalars, comments. It builds the
 * same model values as parse.ts does from the `yaml` package (same kinds, spans, objects and
 * items), ten to thirty times faster and without a syntax tree to throw away, which is what lets
 * a 100,000-candidate file open in a second and the CLI check 1,000 files in a few seconds.
 *
 * It gives up (returns undefined) on anything outside that subset — anchors and aliases, tags,
 * multi-line scalars, escapes, document markers, tabs, duplicate keys, odd indentation, any
 * syntax error — and parse.ts then uses the `yaml` package, which knows all of YAML and reports
 * errors precisely. A differential test checks that the model is the same whenever this parser
 * does not give up. Never throws.
 */
import { LIST_ITEM_KIND, type ObjectKind, specOf } from './format';
import { type FieldInfo, type GridModel, listed, type ObjectInfo, type ValueNode } from './model';
import { ownString } from './text';

/** What the fast parser gives: the root value and the lists the model keeps. */
export interface FastTree {
  /** Undefined for a document with no content (blank lines and comments only). */
  root?: ValueNode;
  objects: ObjectInfo[];
  badItems: GridModel['badItems'];
}

/** Thrown inside the parser to give up; caught at its entry points. */
class GiveUp {}
const GIVE_UP = new GiveUp();

/** Nesting deeper than this is left to the `yaml` package. */
const MAX_DEPTH = 48;

interface Line {
  start: number;
  indent: number;
  /** First character after the indentation. */
  content: number;
  /** End of the line's text (before \r\n or \n). */
  end: number;
  /** Start of the next line. */
  next: number;
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DQUOTE = 34;
const SQUOTE = 39;
const COMMA = 44;

/** Characters a plain scalar cannot start with (YAML's indicators), apart from - ? : handled alone. */
const NOT_PLAIN_FIRST = new Set(['[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
/** Characters a plain scalar in a flow collection stops at or cannot hold (here: gives up on). */
const FLOW_STOP = new Set([',', '[', ']', '{', '}', '#', ':']);

const KEY = /^[\p{L}_][\p{L}\p{N}_.\- ]*$/u;
/** Keys the core schema would read as something other than a string. */
const NOT_STRING_KEY = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'y', 'n']);

const NULL = /^(?:~|null|Null|NULL)$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The kind of a plain scalar in YAML 1.2's core schema (what the `yaml` package uses). */
function plainKind(s: string): 'null' | 'boolean' | 'number' | 'string' {
  const c = s.charCodeAt(0);
  // Only these first characters can start a null, a boolean or a number.
  if (!(c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 43 || c === DASH || c === 46 || (c >= 48 && c <= 57))) return 'string';
  if (NULL.test(s)) return 'null';
  if (BOOL.test(s)) return 'boolean';
  if (NUMBER.test(s)) return 'number';
  return 'string';
}

/** An array of exactly its length (one that grew by push keeps room for 17 or more). */
function exact<T>(xs: T[]): T[] {
  return xs.length < 16 ? xs.slice() : xs;
}

function scalar(text: string, start: number, end: number): ValueNode {
  const kind = plainKind(text);
  const span = { start, end };
  if (kind === 'null') return { kind, span, style: 'plain' };
  return { kind, span, text, style: 'plain' };
}

/**
 * Short texts seen, shared by every parse (lazy candidates are parsed one at a time, again and
 * again); bounded, so that a file of random texts cannot grow it without end.
 */
const STRINGS = new Map<string, string>();
/** Keys already checked against KEY. */
const KEYS_SEEN = new Set<string>();

class Parser {
  pos = 0;
  readonly objects: ObjectInfo[] = [];
  readonly badItems: GridModel['badItems'] = [];
  private peeked: Line | undefined;
  private peekedAt = -1;

  /**
   * `onCandidate`: what a candidate written `- key: …` becomes (parse.ts makes it a lazy
   * candidate, lazy.ts; this parser knows nothing of that).
   * `copy`: texts are copied out of `t` (ownString), so that what the model keeps does not keep
   * the whole document alive; off inside the candidates given to `onCandidate` (what they keep is
   * offsets) and when `t` is already a small copy.
   */
  constructor(
    private t: string,
    private readonly onCandidate?: (item: ValueNode) => ValueNode,
    private copy = onCandidate !== undefined,
  ) {}

  /** The same parser on another text (readScalar's). */
  use(text: string): this {
    this.t = text;
    this.pos = 0;
    this.peekedAt = -1;
    this.peeked = undefined;
    return this;
  }

  /** A text of the document, as the model keeps it. */
  own(s: string): string {
    return this.copy ? ownString(s) : s;
  }

  /** The next line with content (blank and comment lines are skipped); undefined at the end. */
  peek(): Line | undefined {
    if (this.peekedAt === this.pos) return this.peeked;
    const t = this.t;
    let s = this.pos;
    while (s < t.length) {
      let c = s;
      while (t.charCodeAt(c) === SPACE) c++;
      const nl = t.indexOf('\n', c);
      const next = nl < 0 ? t.length : nl + 1;
      let end = nl < 0 ? t.length : nl;
      if (end > c && t.charCodeAt(end - 1) === 13) end--;
      if (c < end && t.charCodeAt(c) !== HASH) {
        if (c === s && (t.startsWith('---', s) || t.startsWith('...', s) || t.charCodeAt(s) === 37)) throw GIVE_UP;
        this.pos = s;
        this.peekedAt = s;
        this.peeked = { start: s, indent: c - s, content: c, end, next };
        return this.peeked;
      }
      s = next;
    }
    this.pos = t.length;
    this.peekedAt = this.pos;
    this.peeked = undefined;
    return undefined;
  }

  isSeqLine(l: Line): boolean {
    return this.t.charCodeAt(l.content) === DASH && (l.content + 1 === l.end || this.t.charCodeAt(l.content + 1) === SPACE);
  }

  /** The colon ending a plain key that starts at `s` (`key: ` or `key:` at the end), or -1. */
  keyColon(s: number, end: number): number {
    const t = this.t;
    const first = t[s]!;
    if (NOT_PLAIN_FIRST.has(first) || first === '-' || first === '?' || first === ':') return -1;
    for (let i = s; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE)) return i;
      if (c === HASH && t.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  key(s: number, colon: number): string {
    const key = this.intern(this.t.slice(s, colon), Infinity);
    if (!KEYS_SEEN.has(key)) {
      if (!KEY.test(key) || key.endsWith(' ') || NOT_STRING_KEY.has(key)) throw GIVE_UP;
      if (KEYS_SEEN.size < 4096) KEYS_SEEN.add(key);
    }
    return key;
  }

  /**
   * One string for each short text (levels, languages; keys whatever their length): 100,000
   * candidates write `name:` and `B2` 100,000 times, and each copy costs 20–30 bytes.
   */
  intern(s: string, max = 4): string {
    if (s.length > max) return s;
    const known = STRINGS.get(s);
    if (known !== undefined) return known;
    // (The table outlives every document: it keeps copies.)
    const own = ownString(s);
    if (STRINGS.size < 8192) STRINGS.set(own, own);
    return own;
  }

  /** A block mapping whose keys are at column `indent`; its first key is at `first` on the current line. */
  map(indent: number, kind: ObjectKind | null, depth: number, first: number): ValueNode {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const fields: FieldInfo[] = [];
    let line = this.peek()!;
    let at = first;
    for (;;) {
      const colon = this.keyColon(at, line.end);
      if (colon < 0) throw GIVE_UP;
      const key = this.key(at, colon);
      for (const f of fields) if (f.key === key) throw GIVE_UP;
      const spec = kind ? specOf(kind, key) : undefined;
      const itemKind = spec ? LIST_ITEM_KIND[spec.type] : undefined;
      const value =
        itemKind !== undefined
          ? this.value(colon + 1, line, indent, null, itemKind, depth + 1, true)
          : this.value(colon + 1, line, indent, spec?.type === 'result' ? 'result' : null, undefined, depth + 1, true);
      fields.push({ key, keySpan: { start: at, end: colon }, value });
      const next = this.peek();
      if (!next || next.indent < indent) break;
      if (next.indent > indent || this.isSeqLine(next)) throw GIVE_UP;
      line = next;
      at = next.content;
    }
    const span = { start: first, end: fields[fields.length - 1]!.value.span.end };
    const obj: ObjectInfo = { kind: kind ?? 'root', span, flow: false, fields: exact(fields) };
    if (kind && listed(kind)) this.objects.push(obj);
    return { kind: 'map', span, flow: false, map: obj };
  }

  /** A block list whose dashes are at column `indent`, starting on the next content line. */
  seq(indent: number, itemKind: ObjectKind | undefined, depth: number): ValueNode {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const t = this.t;
    const items: ValueNode[] = [];
    let line = this.peek()!;
    const start = line.content;
    for (;;) {
      const dash = line.content;
      let q = dash + 1;
      while (t.charCodeAt(q) === SPACE) q++;
      let item: ValueNode;
      if (q < line.end && t.charCodeAt(q) === DASH && (q + 1 === line.end || t.charCodeAt(q + 1) === SPACE)) throw GIVE_UP;
      if (q < line.end && this.keyColon(q, line.end) >= 0) {
        // A candidate written `- key: …` on its dash line: its fields can be read again alone.
        const lazy = this.onCandidate !== undefined && itemKind === 'candidate';
        const copy = this.copy;
        if (lazy) this.copy = false;
        item = this.map(q - line.start, itemKind ?? null, depth + 1, q);
        this.copy = copy;
        if (lazy) item = this.onCandidate!(item);
      } else item = this.value(dash + 1, line, indent, itemKind ?? null, undefined, depth + 1, false);
      if (itemKind && item.kind !== 'map') this.badItems.push({ node: item, expected: itemKind });
      items.push(item);
      const next = this.peek();
      if (!next || next.indent < indent) break;
      if (next.indent > indent) throw GIVE_UP;
      if (!this.isSeqLine(next)) break;
      line = next;
    }
    return { kind: 'seq', span: { start, end: items[items.length - 1]!.span.end }, flow: false, items: exact(items) };
  }

  /**
   * The value after `key:` or `- ` (from `p`, on `line`): inline, or a block on the next lines
   * (deeper than `parent`; a list may also sit at the key's column), or empty (null).
   * `kind`: what a mapping value is; `itemKind`: what a list's items are (list fields only).
   */
  value(p: number, line: Line, parent: number, kind: ObjectKind | null, itemKind: ObjectKind | undefined, depth: number, inMap: boolean): ValueNode {
    const t = this.t;
    let q = p;
    while (t.charCodeAt(q) === SPACE) q++;
    if (q < line.end && q === p) throw GIVE_UP; // `key:x` is not a key; `-x` not an item: callers never get here
    if (q >= line.end || t.charCodeAt(q) === HASH) {
      this.pos = line.next;
      const next = this.peek();
      if (next && (next.indent > parent || (inMap && next.indent === parent && this.isSeqLine(next)))) {
        if (this.isSeqLine(next)) return this.seq(next.indent, itemKind, depth);
        const colon = this.keyColon(next.content, next.end);
        if (colon < 0) throw GIVE_UP;
        // A list field whose value is a mapping: modelled as an unknown mapping.
        return this.map(next.indent, itemKind !== undefined ? null : kind, depth, next.content);
      }
      return { kind: 'null', span: { start: q, end: q }, style: 'plain' };
    }
    let node: ValueNode;
    let after: number;
    const c = t.charCodeAt(q);
    if (c === 91 /* [ */) [node, after] = this.flowSeq(q, line.end, itemKind);
    else if (c === 123 /* { */) [node, after] = this.flowMap(q, line.end, itemKind !== undefined ? null : kind);
    else if (c === DQUOTE || c === SQUOTE) [node, after] = this.quoted(q, line.end);
    else [node, after] = this.plain(q, line.end);
    // After the value: spaces, then the end of the line or a comment.
    let r = after;
    while (t.charCodeAt(r) === SPACE) r++;
    if (r < line.end && !(t.charCodeAt(r) === HASH && r > after)) throw GIVE_UP;
    this.pos = line.next;
    const next = this.peek();
    // A deeper line after a one-line value: a continuation (multi-line scalar) or an error.
    if (next && next.indent > parent) throw GIVE_UP;
    return node;
  }

  plain(q: number, end: number): [ValueNode, number] {
    const t = this.t;
    const first = t[q]!;
    if (NOT_PLAIN_FIRST.has(first) || first === '?' || first === ':') throw GIVE_UP;
    if (first === '-' && (q + 1 === end || t.charCodeAt(q + 1) === SPACE)) throw GIVE_UP;
    let last = q;
    for (let i = q; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === SPACE) {
        if (t.charCodeAt(i + 1) === HASH) break;
        continue;
      }
      if (c === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE)) throw GIVE_UP;
      last = i + 1;
    }
    return [scalar(this.own(this.intern(t.slice(q, last))), q, last), last];
  }

  /** A one-line quoted scalar without escapes; `'it''s'` is the one escape single quotes have. */
  quoted(q: number, end: number): [ValueNode, number] {
    const t = this.t;
    const quote = t.charCodeAt(q);
    let text = '';
    let from = q + 1;
    for (let i = q + 1; i < end; i++) {
      const c = t.charCodeAt(i);
      if (quote === DQUOTE && c === 92 /* \ */) throw GIVE_UP;
      if (c !== quote) continue;
      if (quote === SQUOTE && t.charCodeAt(i + 1) === SQUOTE) {
        text += t.slice(from, i + 1);
        from = i + 2;
        i++;
        continue;
      }
      text += t.slice(from, i);
      return [{ kind: 'string', span: { start: q, end: i + 1 }, text: this.own(this.intern(text)), style: 'quoted' }, i + 1];
    }
    throw GIVE_UP;
  }

  /** A scalar inside a one-line flow collection, up to `,` or the closing bracket. */
  flowScalar(q: number, end: number): [ValueNode, number] {
    const t = this.t;
    const c = t.charCodeAt(q);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(q, end);
    const first = t[q]!;
    // (`-` alone, before a space, a comma or a bracket, is a block entry: an error in a flow collection.)
    if (NOT_PLAIN_FIRST.has(first) || first === '?' || first === ':' || (first === '-' && (q + 1 >= end || ' ,]}'.includes(t[q + 1]!)))) throw GIVE_UP;
    let last = q;
    let i = q;
    for (; i < end; i++) {
      const ch = t[i]!;
      if (ch === ',' || ch === ']' || ch === '}') break;
      if (FLOW_STOP.has(ch)) throw GIVE_UP;
      if (ch !== ' ') last = i + 1;
    }
    if (last === q) throw GIVE_UP;
    return [scalar(this.own(this.intern(t.slice(q, last))), q, last), last];
  }

  skipSpaces(i: number): number {
    while (this.t.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /**
   * After an entry of a one-line flow collection: its closing bracket (`close`: `]` or `}`; `at`
   * is then after it), or a comma and the next entry's start. No empty entry, no trailing comma.
   */
  nextEntry(after: number, close: number): { at: number; closed: boolean } {
    const t = this.t;
    let i = this.skipSpaces(after);
    const c = t.charCodeAt(i);
    if (c === close) return { at: i + 1, closed: true };
    if (c !== COMMA) throw GIVE_UP;
    i = this.skipSpaces(i + 1);
    if (t.charCodeAt(i) === close || t.charCodeAt(i) === COMMA) throw GIVE_UP;
    return { at: i, closed: false };
  }

  flowSeq(q: number, end: number, itemKind: ObjectKind | undefined): [ValueNode, number] {
    const t = this.t;
    const items: ValueNode[] = [];
    let i = this.skipSpaces(q + 1);
    if (t.charCodeAt(i) === 93 /* ] */) i++;
    else {
      for (;;) {
        if (i >= end) throw GIVE_UP;
        const [item, after] = this.flowScalar(i, end);
        if (itemKind) this.badItems.push({ node: item, expected: itemKind });
        items.push(item);
        const next = this.nextEntry(after, 93);
        i = next.at;
        if (next.closed) break;
      }
    }
    if (i > end) throw GIVE_UP;
    return [{ kind: 'seq', span: { start: q, end: i }, flow: true, items: exact(items) }, i];
  }

  flowMap(q: number, end: number, kind: ObjectKind | null): [ValueNode, number] {
    const t = this.t;
    const fields: FieldInfo[] = [];
    let i = this.skipSpaces(q + 1);
    if (t.charCodeAt(i) === 125 /* } */) i++;
    else {
      for (;;) {
        if (i >= end) throw GIVE_UP;
        let colon = -1;
        for (let k = i; k < end; k++) {
          const ch = t[k]!;
          if (ch === ':') {
            if (t.charCodeAt(k + 1) === SPACE) colon = k;
            break;
          }
          if (FLOW_STOP.has(ch)) break;
        }
        if (colon < 0 || NOT_PLAIN_FIRST.has(t[i]!) || t[i] === '-' || t[i] === '?') throw GIVE_UP;
        const key = this.key(i, colon);
        for (const f of fields) if (f.key === key) throw GIVE_UP;
        const spec = kind ? specOf(kind, key) : undefined;
        if (spec && LIST_ITEM_KIND[spec.type] !== undefined) throw GIVE_UP;
        const v = this.skipSpaces(colon + 1);
        const c0 = t.charCodeAt(v);
        if (c0 === COMMA || c0 === 125 || c0 === 91 || c0 === 123) throw GIVE_UP;
        const [value, after] = this.flowScalar(v, end);
        fields.push({ key, keySpan: { start: i, end: colon }, value });
        const next = this.nextEntry(after, 125);
        i = next.at;
        if (next.closed) break;
      }
    }
    if (i > end) throw GIVE_UP;
    const span = { start: q, end: i };
    const obj: ObjectInfo = { kind: kind ?? 'root', span, flow: true, fields: exact(fields) };
    if (kind && listed(kind)) this.objects.push(obj);
    return [{ kind: 'map', span, flow: true, map: obj }, i];
  }
}

/** Text a YAML parser reads differently from a line scanner: tabs, a BOM, a lone CR (a line break for YAML). */
const OUTSIDE = /[\t\uFEFF]|\r(?!\n)/;

/**
 * What the fast parser does with an exception that is not a deliberate give-up — a bug of this
 * parser: `fallback` (the default) lets the `yaml` package read the file, which still gives the
 * right model, and counts it; `throw` rethrows, so that tests (the differential corpus, the fuzz
 * tests) see every such bug instead of a silent slowdown.
 */
let onBug: 'fallback' | 'throw' = 'fallback';
let bugs = 0;

export function fastParserBugs(mode?: 'fallback' | 'throw'): number {
  if (mode) onBug = mode;
  return bugs;
}

function bug(e: unknown): undefined {
  if (e instanceof GiveUp) return undefined; // deliberate: outside the subset
  bugs++;
  if (onBug === 'throw') throw e;
  return undefined;
}

/**
 * The root of a grid file, or undefined when the text is outside the subset (use the `yaml` package).
 * `onCandidate` turns each candidate written `- key: …` into what the model keeps (a lazy candidate).
 */
export function fastParse(text: string, onCandidate?: (item: ValueNode) => ValueNode): FastTree | undefined {
  if (OUTSIDE.test(text)) return undefined;
  const p = new Parser(text, onCandidate);
  try {
    const first = p.peek();
    if (!first) return { objects: p.objects, badItems: p.badItems };
    if (first.indent !== 0 || p.isSeqLine(first)) return undefined;
    const root = p.map(0, 'root', 0, first.content);
    if (p.peek()) return undefined;
    return { root, objects: p.objects, badItems: p.badItems };
  } catch (e) {
    return bug(e);
  }
}

/**
 * One candidate list item (`      - id: …` and its lines), spans relative to the region: the
 * incremental path's parser. Undefined unless it is exactly one mapping item in the subset.
 */
export function fastParseItem(region: string, itemKind: ObjectKind): { node: ValueNode; objects: ObjectInfo[] } | undefined {
  if (OUTSIDE.test(region)) return undefined;
  const p = new Parser(region);
  try {
    const first = p.peek();
    if (!first || !p.isSeqLine(first)) return undefined;
    const seq = p.seq(first.indent, itemKind, 3);
    if (p.peek() || seq.items!.length !== 1 || p.badItems.length > 0) return undefined;
    return { node: seq.items![0]!, objects: p.objects };
  } catch (e) {
    return bug(e);
  }
}

/**
 * The one-line scalar at `start`–`end` of `text`, as the parser read it there (a lazy candidate's
 * id or name, read again); undefined if it is not one (the text changed under it).
 */
export function readScalar(text: string, start: number, end: number): ValueNode | undefined {
  // One parser for every call (the outline reads 100,000 ids and names); it holds the text only
  // during the call.
  const p = SCALARS.use(text);
  const c = text.charCodeAt(start);
  try {
    const [node, after] = c === DQUOTE || c === SQUOTE ? p.quoted(start, end) : p.plain(start, end);
    return after === end ? node : undefined;
  } catch (e) {
    return bug(e);
  } finally {
    p.use('');
  }
}

const SCALARS = new Parser('');
