/**
 * A change of outcomes as a reviewer reads it, in words: what changed for a candidate, its decision
 * (before → after), the summary line, and the groups in reading order (certificates gained, lost,
 * other decisions, the rest). Shared by `cloe-grid diff`'s formats and the outcomes view's
 * comparison (CLOE: Compare Outcomes with…), so both say the same.
 */
import { changeGroups, countChanges, type DiffField, type OutcomeChange, type OutcomeRow } from './diff';
import { outcomeText } from './explain';
import { type Locale, type MessageId, msg, render } from './messages';

const text = (id: MessageId, locale: Locale, args: Record<string, string | number> = {}) => render(msg(id, args), locale);

function thresholdText(row: OutcomeRow, locale: Locale): string {
  if (!row.threshold) return '—';
  return row.thresholdSource ? `${row.threshold} (${text(`diff.source.${row.thresholdSource}`, locale)})` : row.threshold;
}

/** A row's decision: "Certificat CLOE B2", "Attestation de niveau B1+", "pending". */
export function decision(row: OutcomeRow, locale: Locale): string {
  return outcomeText(row.outcome, row.result ?? undefined, locale);
}

function valueOf(field: DiffField, row: OutcomeRow, locale: Locale): string {
  switch (field) {
    case 'threshold':
      return thresholdText(row, locale);
    case 'outcome':
      return decision(row, locale);
    default:
      return row[field] ?? '—';
  }
}

/** "threshold: B2 (recommended) → B1 (set); result: B1 → B2", or, for an added or removed candidate, what it has. */
export function whatChanged(c: OutcomeChange, locale: Locale): string {
  const name = (f: DiffField) => text(`diff.field.${f}`, locale);
  if (c.change === 'changed') {
    return c.fields
      .filter((f) => f !== 'outcome')
      .map((f) => text('diff.field-change', locale, { field: name(f), before: valueOf(f, c.before!, locale), after: valueOf(f, c.after!, locale) }))
      .join(text('list.semicolon', locale));
  }
  const row = (c.after ?? c.before)!;
  return (['profession', 'threshold', 'result'] as const).map((f) => text('diff.field-value', locale, { field: name(f), value: valueOf(f, row, locale) })).join(text('list.semicolon', locale));
}

/** The decision of a change: before and after when it changed, else the one it has. */
export function decisions(c: OutcomeChange, locale: Locale): { before?: string; after: string } {
  if (c.change !== 'changed') return { after: decision((c.after ?? c.before)!, locale) };
  const after = decision(c.after!, locale);
  return c.fields.includes('outcome') ? { before: decision(c.before!, locale), after } : { after };
}

export function summaryText(changes: readonly OutcomeChange[], locale: Locale): string {
  if (changes.length === 0) return text('diff.none', locale);
  return text('diff.summary', locale, { ...countChanges(changes) });
}

export type GroupId = 'gained' | 'lost' | 'outcome' | 'rest';

/** The changes by group, in the order a reviewer reads them (empty groups left out). */
export function orderedGroups<C extends OutcomeChange>(changes: readonly C[]): { id: GroupId; title: MessageId; changes: C[] }[] {
  const g = changeGroups(changes);
  return (
    [
      { id: 'gained', title: 'diff.group.gained', changes: g.gained },
      { id: 'lost', title: 'diff.group.lost', changes: g.lost },
      { id: 'outcome', title: 'diff.group.outcome', changes: g.outcome },
      { id: 'rest', title: 'diff.group.rest', changes: g.rest },
    ] as { id: GroupId; title: MessageId; changes: C[] }[]
  ).filter((x) => x.changes.length > 0);
}

/** One line of the outcomes view's comparison. */
export interface ComparisonRow {
  file: string;
  cohort: string | null;
  id: string | null;
  name: string | null;
  /** "added", "removed", "changed", in the locale. */
  change: string;
  what: string;
  before?: string;
  after: string;
}

/** A comparison of outcomes, in words: what the outcomes view shows for CLOE: Compare Outcomes with…. */
export interface Comparison {
  summary: string;
  groups: { id: GroupId; title: string; rows: ComparisonRow[] }[];
}

export function comparison(changes: readonly OutcomeChange[], locale: Locale): Comparison {
  return {
    summary: summaryText(changes, locale),
    groups: orderedGroups(changes).map((g) => ({
      id: g.id,
      title: `${text(g.title, locale)} (${g.changes.length})`,
      rows: g.changes.map((c) => ({ file: c.file, cohort: c.cohort, id: c.id, name: c.name, change: text(`diff.change.${c.change}`, locale), what: whatChanged(c, locale) || '—', ...decisions(c, locale) })),
    })),
  };
}
