/**
 * What changed between two outcomes views of one file, so that a view of 10,000 candidates follows
 * an edit by sending a few cohorts instead of every row (the language server's `cloe/outcomes`
 * with a `base`, and the outcomes view's webview). A cohort is either the same (not sent), the
 * same moved in the text (every offset in it shifted: sent as a number), or changed (sent whole).
 * `applyViewDelta(prev, viewDelta(memo of prev, next))` equals `next`: a test checks it on edits.
 */
import { type CohortView, type FileView, type OutcomeRow, rowToken } from './cohort-view';
import type { Locale } from './messages';

/** What the sender keeps of the last view it sent: enough to compare the next one with it. */
export interface ViewMemo {
  /** The sender's number for that view (the `base` the receiver names). */
  id: number;
  locale: Locale;
  /** Each cohort's heading, counts, chart data (cohortHead), offsets and rows' contents (rowToken). */
  heads: string[];
  offsets: number[];
  rows: { token: object; offset: number; row: OutcomeRow }[][];
}

export interface ViewDelta extends Omit<FileView, 'cohorts'> {
  /** The view this delta applies to, and the number of the new one. */
  base: number;
  id: number;
  /** How many cohorts the new view has. */
  size: number;
  /** Cohorts new or changed, whole (their `index` says where). */
  changed: CohortView[];
  /** Cohorts unchanged but moved in the text: [index, shift of every offset in it]. */
  moved: [number, number][];
}

/** A cohort but its rows and where it is. */
export function cohortHead(c: CohortView): string {
  return JSON.stringify({ ...c, rows: c.rows.length, offset: 0 });
}

export function viewMemo(view: FileView, id: number): ViewMemo {
  return {
    id,
    locale: view.locale,
    heads: view.cohorts.map(cohortHead),
    offsets: view.cohorts.map((c) => c.offset),
    rows: view.cohorts.map((c) => c.rows.map((r) => ({ token: rowToken(r), offset: r.offset, row: r }))),
  };
}

/** Two rows equal but for where they are. */
function sameContent(a: OutcomeRow, b: OutcomeRow): boolean {
  return JSON.stringify({ ...a, offset: 0 }) === JSON.stringify({ ...b, offset: 0 });
}

/** How a cohort of the next view stands to the same cohort of the previous: the same, moved by a shift, or changed. */
function compareCohort(prev: ViewMemo, next: ViewMemo, i: number): 'same' | 'changed' | number {
  if (prev.heads[i] !== next.heads[i]) return 'changed';
  const shift = next.offsets[i]! - prev.offsets[i]!;
  const a = prev.rows[i]!;
  const b = next.rows[i]!;
  if (a.length !== b.length) return 'changed';
  for (let k = 0; k < a.length; k++) {
    if (b[k]!.offset - a[k]!.offset !== shift) return 'changed';
    // (Rows kept by incremental validation share a token; rows of a file parsed again are compared by content.)
    if (a[k]!.token !== b[k]!.token && !sameContent(a[k]!.row, b[k]!.row)) return 'changed';
  }
  return shift === 0 ? 'same' : shift;
}

/**
 * The next view against what the receiver has (`prev`, from viewMemo): a delta, or undefined when
 * the receiver should take the whole view (no previous view, another locale). `memo` is what to
 * keep for the next time, in both cases.
 */
export function viewDelta(prev: ViewMemo | undefined, next: FileView, id: number): { memo: ViewMemo; delta?: ViewDelta } {
  const memo = viewMemo(next, id);
  if (!prev || prev.locale !== next.locale) return { memo };
  const changed: CohortView[] = [];
  const moved: [number, number][] = [];
  next.cohorts.forEach((c, i) => {
    const how = i < prev.heads.length ? compareCohort(prev, memo, i) : 'changed';
    if (how === 'changed') changed.push(c);
    else if (how !== 'same') moved.push([i, how]);
  });
  return { memo, delta: { locale: next.locale, counts: next.counts, attention: next.attention, base: prev.id, id, size: next.cohorts.length, changed, moved } };
}

/** A cohort moved by `shift` characters in the text. */
export function shiftCohort(c: CohortView, shift: number): CohortView {
  return { ...c, offset: c.offset + shift, rows: c.rows.map((r) => ({ ...r, offset: r.offset + shift })) };
}

/** The new view, from the previous one and a delta made against it. */
export function applyViewDelta(prev: FileView, delta: ViewDelta): FileView {
  const cohorts = prev.cohorts.slice(0, delta.size);
  for (const [i, shift] of delta.moved) cohorts[i] = shiftCohort(cohorts[i]!, shift);
  for (const c of delta.changed) cohorts[c.index] = c;
  // (Field by field: a delta may travel with more, such as the document's version.)
  return { locale: delta.locale, cohorts, counts: delta.counts, attention: delta.attention };
}
