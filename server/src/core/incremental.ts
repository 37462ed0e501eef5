/**
 * Incremental validation for large grid files. An edit that provably stays inside one candidate
 * list item is handled by re-parsing that item alone (the `yaml` package costs ~60 µs per
 * candidate, so a whole 100,000-candidate file costs seconds); the rest of the model is kept, its
 * offsets shifted, and only that candidate's rules re-run. File-wide rules (ids, shapes) re-run
 * on the kept model, which is cheap. Anything else (an edit across items, anchors, tags, a
 * syntax error) falls back to a full parse, so the result always equals checkText of the new
 * text (a differential test checks it on random edits).
 */
import { analyzeModel, checkText, type CheckOptions, type CheckResult, keepsFixes } from './check';
import type { Finding, TextEdit } from './findings';
import type { Rule } from './rules/rule';
import { buildCandidate, type Candidate, candidateAt, type Cohort, fieldOf, type GridModel, moveTree, type ObjectInfo, type ValueNode } from './model';
import { textErrors } from './text-errors';
import { LazyObject } from './lazy';
import { parseCandidateRegion } from './parse';
import type { LineIndex, Span } from './text';

export interface IncrementalStats {
  incremental: number;
  full: number;
}

/** What makes a region unsafe to re-parse alone: anchors, aliases, merge keys, tags, directives, tabs, a lone CR (a line break for YAML). */
const UNSAFE = /[&*!%\t]|<<|\r(?!\n)|^(---|\.\.\.)/m;

export class IncrementalGrid {
  private current: CheckResult;
  /** The line index kept up to date through a batch of edits. */
  private lines: LineIndex | undefined;
  private hasAnchors: boolean;
  /** Set by patch: an edit touched a candidate's id (its text or its place) or a line break. */
  private idsOrLinesMoved = false;
  readonly stats: IncrementalStats = { incremental: 0, full: 0 };

  constructor(
    text: string,
    private readonly options: CheckOptions = {},
  ) {
    this.current = checkText(text, options);
    this.hasAnchors = /[&*]/.test(text);
  }

  get result(): CheckResult {
    return this.current;
  }

  get text(): string {
    return this.current.model.text;
  }

  /**
   * True when the kept text is `text`; the kept model then uses that copy (an editor's document
   * and this model each apply the same edits: one 15 MB copy is enough).
   */
  matches(text: string): boolean {
    if (text !== this.current.model.text) return false;
    this.current.model.text = text;
    this.current.lines.adopt(text);
    return true;
  }

  /**
   * Applies edits in order (each one's offsets are in the text left by the previous ones).
   * `finalText`, when given, is the text after them (an editor's document): it is used instead
   * of a copy of its own, so that one copy of a large text stays in memory, not two.
   */
  update(edits: readonly TextEdit[], finalText?: string): CheckResult {
    if (edits.length === 0) return this.current;
    let text = this.text;
    if (finalText !== undefined) {
      // The given text must be what the edits make (length, and the last edit's text in place).
      const length = edits.reduce((n, e) => n + e.newText.length - (e.end - e.start), text.length);
      const last = edits[edits.length - 1];
      if (finalText.length !== length || (last && !finalText.startsWith(last.newText, last.start))) finalText = undefined;
    }
    const dirty = new Set<number>();
    let ok = !this.hasAnchors && this.current.model.syntaxErrors.length === 0;
    this.lines = undefined;
    this.idsOrLinesMoved = false;
    for (const [k, edit] of edits.entries()) {
      const next = k === edits.length - 1 && finalText !== undefined ? finalText : text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
      if (ok) ok = this.patch(text, next, edit, dirty);
      text = next;
      if (/[&*]/.test(edit.newText)) this.hasAnchors = true;
    }
    if (ok) {
      const previous = this.current.candidateFindings;
      const infos = this.current.candidates;
      const fileFindings = this.current.fileFindings;
      // File rules read nothing inside candidates but their ids (duplicate-id, whose messages
      // also give line numbers): after edits inside candidates, their findings stand (moved),
      // unless an edit touched an id or added or removed a line break.
      const keepFileRule = (rule: Rule) => !rule.fileReadsCandidates || !this.idsOrLinesMoved;
      this.current = analyzeModel(this.current.model, this.options, {
        changed: { findings: previous, infos, dirty },
        fileRule: (rule, i) => (keepFileRule(rule) ? fileFindings[i] : undefined),
        lines: this.lines,
      });
      this.stats.incremental++;
    } else {
      this.current = checkText(text, this.options);
      this.hasAnchors = /[&*]/.test(text);
      this.stats.full++;
    }
    return this.current;
  }

  /** Replaces the candidate an edit falls in, in place; false when the edit is not provably local. */
  private patch(text: string, next: string, edit: TextEdit, dirty: Set<number>): boolean {
    const model = this.current.model;
    // Between items (in a trailing blank line, say): the item before.
    const candidate = candidateAt(model.candidates, edit.start, true);
    if (!candidate) return false;
    const region = regionOf(text, candidate);
    if (!region) return false;
    const fromEnd = text.length - region.end;
    // Inside the item: after its "- " marker, before its final line break.
    if (edit.start < candidate.obj.span.start || edit.end > region.end || (edit.end === region.end && region.end < text.length)) return false;
    const newRegionEnd = next.length - fromEnd;
    const newRegion = next.slice(region.start, newRegionEnd);
    // (Characters YAML forbids and conflict markers are reported by a full validation.)
    if (UNSAFE.test(newRegion) || !linesStayInside(newRegion, region.dashCol) || textErrors(newRegion).length > 0) return false;
    const parsed = parseCandidateRegion(newRegion);
    if (!parsed) return false;

    // The new item's spans, absolute in the new text.
    moveTree(parsed.node, region.start);
    const delta = edit.newText.length - (edit.end - edit.start);

    // Swap the item in the model.
    const cohort = candidate.cohort;
    const items = fieldOf(cohort.obj, 'candidates')?.value.items;
    const inCohort = cohort.candidates.indexOf(candidate);
    // Items that are not mappings are not candidates: the item is at or after the candidate's place.
    let itemIndex = -1;
    if (items) for (let i = inCohort; i < items.length; i++) if (items[i]!.map === candidate.obj) { itemIndex = i; break; }
    if (!items || itemIndex < 0 || inCohort < 0) return false;
    const replacement = buildCandidate(parsed.node.map!, cohort, candidate.index);
    // The id keeps its findings only if the edit lies wholly before or after it, text unchanged.
    const id = candidate.id?.span;
    const apart = !id || edit.end < id.start || edit.start > id.end;
    if (!apart || replacement.id?.value !== candidate.id?.value || !replacement.id !== !candidate.id) this.idsOrLinesMoved = true;
    if (/[\r\n]/.test(edit.newText) || /[\r\n]/.test(text.slice(edit.start, edit.end))) this.idsOrLinesMoved = true;
    // After a lone CR, an edit with no line break may still add or remove one: removing what
    // stood between that CR and a \n joins them into one break, typing between \r and \n splits one.
    if (text.charCodeAt(edit.start - 1) === 13) this.idsOrLinesMoved = true;
    items[itemIndex] = parsed.node;
    cohort.candidates[inCohort] = replacement;
    model.candidates[candidate.index] = replacement;

    // Everything after the edit moves by delta.
    if (delta !== 0) {
      shiftModel(model, edit.end, delta, candidate.index);
      const findings = this.current.candidateFindings;
      for (let i = candidate.index + 1; i < findings.length; i++) {
        if (dirty.has(i)) continue;
        for (const f of findings[i]!) shiftFinding(f, edit.end, delta);
      }
      for (const own of this.current.fileFindings) for (const f of own ?? []) shiftFinding(f, edit.end, delta);
    }
    // Block collections end at their last value: the cohort, its list, the cohorts and the root
    // end where their last child ends (an edit after a cohort's last value moves none of them).
    refreshEnds(model, cohort);
    this.lines = (this.lines ?? this.current.lines).edited(next, edit.start, edit.end, edit.newText);
    model.text = next;
    dirty.add(candidate.index);
    return true;
  }
}

/** The lines of a candidate list item: from its "- " line to the next item (or its last line). */
function regionOf(text: string, c: Candidate): { start: number; end: number; dashCol: number } | undefined {
  const lineStart = text.lastIndexOf('\n', c.obj.span.start - 1) + 1;
  const prefix = /^( *)- +$/.exec(text.slice(lineStart, c.obj.span.start));
  if (!prefix || c.obj.flow) return undefined;
  const dashCol = prefix[1]!.length;
  const siblings = c.cohort.candidates;
  const next = siblings[siblings.indexOf(c) + 1];
  let end: number;
  if (next) {
    end = text.lastIndexOf('\n', next.obj.span.start - 1) + 1;
  } else {
    const nl = text.indexOf('\n', Math.max(c.obj.span.end - 1, c.obj.span.start));
    end = nl < 0 ? text.length : nl + 1;
  }
  if (end <= lineStart) return undefined;
  return { start: lineStart, end, dashCol };
}

/** True when the item's first line keeps its "- " at the same column and every other content line is deeper. */
function linesStayInside(region: string, dashCol: number): boolean {
  const lines = region.split('\n');
  if (!lines[0]!.startsWith(`${' '.repeat(dashCol)}- `)) return false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (line.length - trimmed.length <= dashCol) return false;
  }
  return true;
}

function shiftSpan(s: Span, at: number, delta: number): void {
  if (s.start >= at) s.start += delta;
  if (s.end >= at) s.end += delta;
}

/**
 * Moves a value's spans, outside candidates. A mapping's span is its ObjectInfo's (the same
 * object): mappings the model lists (professions, cohorts) are moved through that list,
 * candidates through model.candidates, the others (under unknown keys) here.
 */
function shiftValue(v: ValueNode, at: number, delta: number, root: ObjectInfo | undefined): void {
  if (v.map) {
    if (v.map.kind === 'root' && v.map !== root) shiftObject(v.map, at, delta, root);
    return;
  }
  shiftSpan(v.span, at, delta);
  if (v.items) for (const item of v.items) shiftValue(item, at, delta, root);
}

function shiftObject(o: ObjectInfo, at: number, delta: number, root: ObjectInfo | undefined): void {
  shiftSpan(o.span, at, delta);
  for (const f of o.fields) {
    shiftSpan(f.keySpan, at, delta);
    shiftValue(f.value, at, delta, root);
  }
}

/** Moves every span of a candidate's mapping; a lazy one moves its span and reads its fields again when asked. */
function shiftCandidate(c: Candidate, at: number, delta: number): void {
  const obj = c.obj;
  if (obj instanceof LazyObject) {
    obj.shift(at, delta);
    return;
  }
  const value = (v: ValueNode): void => {
    if (v.map) return object(v.map);
    shiftSpan(v.span, at, delta);
    if (v.items) for (const item of v.items) value(item);
  };
  const object = (o: ObjectInfo): void => {
    shiftSpan(o.span, at, delta);
    for (const f of o.fields) {
      shiftSpan(f.keySpan, at, delta);
      value(f.value);
    }
  };
  object(obj);
}

/** Moves every span that starts or ends at or after `at`, but the edited candidate's (parsed anew). */
function shiftModel(model: GridModel, at: number, delta: number, edited: number): void {
  for (const o of model.objects) {
    // Objects entirely before the edit do not move (nor does anything inside them).
    if (o.span.end < at) continue;
    shiftObject(o, at, delta, model.root);
  }
  // Candidates before the edited one end before the edit.
  for (let i = edited + 1; i < model.candidates.length; i++) shiftCandidate(model.candidates[i]!, at, delta);
}

/** Sets the end of the block collections around a cohort's candidates to their last child's end. */
function refreshEnds(model: GridModel, cohort: Cohort): void {
  const endAtLast = (v: ValueNode | undefined) => {
    if (!v || v.flow) return;
    if (v.map) {
      const last = v.map.fields[v.map.fields.length - 1];
      if (last) v.map.span.end = last.value.span.end;
    } else if (v.items && v.items.length > 0) v.span.end = v.items[v.items.length - 1]!.span.end;
  };
  endAtLast(fieldOf(cohort.obj, 'candidates')?.value);
  if (!cohort.obj.flow && cohort.obj.fields.length > 0) cohort.obj.span.end = cohort.obj.fields[cohort.obj.fields.length - 1]!.value.span.end;
  if (model.root) {
    endAtLast(fieldOf(model.root, 'cohorts')?.value);
    if (!model.root.flow && model.root.fields.length > 0) model.root.span.end = model.root.fields[model.root.fields.length - 1]!.value.span.end;
  }
}

/** Findings own their spans and edits (check.ts copies them), so each moves exactly once. */
function shiftFinding(f: Finding, at: number, delta: number): void {
  shiftSpan(f.span, at, delta);
  if (f.related) for (const r of f.related) shiftSpan(r.span, at, delta);
  // (Fixes made when asked are made from the moved model.)
  if (keepsFixes(f) && f.fixes) for (const fix of f.fixes) for (const e of fix.edits) shiftSpan(e, at, delta);
}
