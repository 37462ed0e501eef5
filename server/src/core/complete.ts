/**
 * Completion, from the text around the cursor (it must work on half-typed, broken YAML): keys valid
 * at the cursor, profession names, levels, languages. Items replace the whole current scalar.
 */
import type { CheckResult } from './check';
import { FORMAT, LANGUAGE_INFO, LANGUAGES, type ObjectKind } from './format';
import { GRID_PROFESSIONS } from './grid-data';
import { tierOf } from './grid';
import { explainLevel, explainProfession } from './explain';
import { BASE_LEVELS, LEVEL_CODES, parseLevel } from './levels';
import { type Locale, msg, render } from './messages';
import { candidateAt } from './model';
import type { Span } from './text';

export type CompletionKind = 'key' | 'profession' | 'alias' | 'level' | 'language' | 'value';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Replaces `span`. */
  insertText: string;
  span: Span;
  sortText: string;
  filterText?: string;
  preselect?: boolean;
}

const PARENT_KIND: Record<string, ObjectKind> = { candidates: 'candidate', cohorts: 'cohort', professions: 'profession', result: 'result' };

interface LineInfo {
  start: number;
  text: string;
}

function lineAt(text: string, offset: number): LineInfo {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, text: text.slice(start, end) };
}

/** Column of a line's first key (after indentation and "- " markers), and that key. */
function keyOf(line: string): { col: number; key?: string } | undefined {
  const m = /^(\s*(?:-\s+)*)([^\s#:][^:#]*?)?\s*(:(\s|$)|$)/.exec(line);
  if (!m || /^\s*(#|$)/.test(line)) return undefined;
  return { col: m[1]!.length, key: m[3]?.startsWith(':') ? m[2] : undefined };
}

/** Which kind of mapping a key at this column of this line belongs to, and the keys it already has. */
/** The line starting at `start`, and where the next one starts (any line break). */
function lineFrom(text: string, start: number): { text: string; next: number } {
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const next = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
  return { text: text.slice(start, end), next };
}

/** Where the line before the one starting at `start` starts, or -1. */
function previousLineStart(text: string, start: number): number {
  if (start <= 0) return -1;
  let i = start - 1;
  if (text[i] === '\n' && text[i - 1] === '\r') i--;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/**
 * Which kind of mapping a key at this column of this line belongs to, and the keys it already has.
 * Walks the lines around the cursor only (never the whole file: it may have 100,000 candidates).
 */
function objectAt(text: string, lineStart: number, col: number): { kind?: ObjectKind; present: Set<string> } {
  const present = new Set<string>();
  const current = lineFrom(text, lineStart);
  const currentIsItem = /^\s*-/.test(current.text);
  // Siblings below, up to the end of the mapping.
  for (let at = current.next; at <= text.length && at > lineStart; ) {
    const line = lineFrom(text, at);
    const k = keyOf(line.text);
    if (k) {
      if (k.col < col || (k.col === col && /^\s*-/.test(line.text) && !currentIsItem)) break;
      if (k.col === col && k.key) present.add(k.key);
      if (k.col === col && /^\s*-\s/.test(line.text)) break; // next list item
    }
    if (line.next <= at) break;
    at = line.next;
  }
  let inItem = /^\s*-\s/.test(current.text);
  for (let at = previousLineStart(text, lineStart); at >= 0; at = previousLineStart(text, at)) {
    const line = lineFrom(text, at).text;
    const k = keyOf(line);
    if (!k) continue;
    if (k.col === col) {
      if (inItem) continue; // a previous item of the same list: not our mapping
      if (k.key) present.add(k.key);
      if (/^\s*-\s/.test(line)) inItem = true;
      continue;
    }
    if (k.col < col) {
      if (!k.key) return { present };
      return { kind: PARENT_KIND[k.key.trim()], present };
    }
  }
  return { kind: col === 0 ? 'root' : undefined, present };
}

function professionEntries(result: CheckResult | undefined, span: Span, locale: Locale): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const p of result?.model.professions ?? []) {
    if (!p.name) continue;
    out.push({ label: p.name.value, kind: 'profession', detail: `${p.threshold?.value ?? '—'} · ${render(msg('complete.local-profession'), locale)}`, insertText: p.name.value, span, sortText: `0${p.name.value}` });
    for (const a of p.aliases) out.push({ label: a.value, kind: 'alias', detail: `→ ${p.name.value}`, insertText: a.value, span, sortText: `2${a.value}` });
  }
  for (const g of GRID_PROFESSIONS) {
    const tier = tierOf(g.tier);
    const r = { canonical: g.name, source: 'grid' as const, grid: g, tier, threshold: tier.threshold ? parseLevel(tier.threshold) : undefined };
    const documentation = explainProfession({ ...r, threshold: r.threshold }, locale);
    out.push({ label: g.name, kind: 'profession', detail: `${tier.threshold} · ${tier.user[locale]}`, documentation, insertText: g.name, span, sortText: `1${g.name}`, filterText: `${g.name} ${g.en}` });
    for (const alias of [g.en, ...g.aliases]) {
      out.push({ label: alias, kind: 'alias', detail: `→ ${g.name} (${tier.threshold})`, documentation, insertText: alias, span, sortText: `2${alias}` });
    }
  }
  return out;
}

function levelEntries(plainFrom: 'A2' | null, span: Span, locale: Locale, recommended?: string): CompletionEntry[] {
  const codes = plainFrom ? BASE_LEVELS.slice(BASE_LEVELS.indexOf(plainFrom)) : LEVEL_CODES;
  return codes.map((code, i) => {
    const level = parseLevel(code)!;
    const isRecommended = code === recommended;
    return {
      label: code,
      kind: 'level' as const,
      detail: isRecommended ? render(msg('complete.recommended'), locale) : undefined,
      documentation: explainLevel(level, locale),
      insertText: code,
      span,
      sortText: `${isRecommended ? '0' : '1'}${String(i).padStart(2, '0')}`,
      preselect: isRecommended || undefined,
    } as CompletionEntry;
  });
}

export function completeAt(text: string, offset: number, result: CheckResult | undefined, locale: Locale): CompletionEntry[] {
  const line = lineAt(text, offset);
  const prefix = line.text.slice(0, offset - line.start);
  if (/#/.test(prefix.replace(/(["'])(?:(?!\1).)*\1/g, ''))) return []; // in a comment

  // A value after `key:` (block or flow style).
  const value = /([A-Za-z_]+)\s*:\s+((?:"[^"]*"?|'[^']*'?|[^,{}[\]#])*)$/.exec(prefix) ?? /([A-Za-z_]+)\s*:()$/.exec(prefix);
  if (value) {
    const key = value[1]!;
    const start = offset - value[2]!.length;
    const rest = line.text.slice(offset - line.start);
    const tail = /^(?:"[^"]*"?|'[^']*'?|[^,{}[\]#])*/.exec(rest)?.[0] ?? '';
    const span = { start, end: offset + tail.replace(/\s+$/, '').length };
    const candidate = result ? candidateAt(result.model.candidates, offset) : undefined;
    switch (key) {
      case 'profession':
        return professionEntries(result, span, locale);
      case 'threshold': {
        const rec = candidate ? result?.candidates[candidate.index]?.profession?.threshold?.code : undefined;
        return levelEntries('A2', span, locale, rec);
      }
      case 'result':
      case 'written':
      case 'oral':
      case 'overall':
        return levelEntries(null, span, locale);
      case 'language':
        return LANGUAGES.map((code, i) => ({ label: code, kind: 'language' as const, detail: `${LANGUAGE_INFO[code][locale]} (${LANGUAGE_INFO[code].rs})`, insertText: code, span, sortText: String(i) }));
      case 'cloe':
        return [{ label: '1', kind: 'value', detail: render(msg('complete.version'), locale), insertText: '1', span, sortText: '0' }];
      default:
        return [];
    }
  }

  // A key at the start of a block mapping entry.
  const keyMatch = /^(\s*(?:-\s+)*)([A-Za-z_]*)$/.exec(prefix);
  if (keyMatch) {
    const col = keyMatch[1]!.length;
    const { kind, present } = objectAt(text, line.start, col);
    if (!kind) return [];
    const typed = keyMatch[2]!;
    const restOfWord = /^[A-Za-z_]*/.exec(line.text.slice(offset - line.start))?.[0] ?? '';
    const span = { start: offset - typed.length, end: offset + restOfWord.length };
    return Object.entries(FORMAT[kind])
      .filter(([k]) => !present.has(k) || k === typed)
      .map(([k, spec], i) => ({
        label: k,
        kind: 'key' as const,
        detail: spec.required ? render(msg('complete.required'), locale) : undefined,
        documentation: spec.doc[locale],
        insertText: `${k}: `,
        span,
        sortText: `${spec.required ? '0' : '1'}${i}`,
      }) as CompletionEntry);
  }
  return [];
}
