/**
 * What a change does to outcomes (SPEC §7, issue 16): two lists of report rows (the candidates of
 * the old and the new files, as `report --format json` prints them) in, the candidates added,
 * removed and changed out. Pure: reading files and git is the CLI's job (cli/diff.ts).
 */

import type { CandidateRow } from './cohort-view';

/** A candidate and its outcome, as `report --format json` prints it (cli/formats/report.ts's ReportRow). */
/** A candidate's row (the report's JSON row): its file and the row the cohort view shows. */
export interface OutcomeRow extends CandidateRow {
  file: string;
}

/** What can change for a candidate, in the order they are listed. */
export const DIFF_FIELDS = ['cohort', 'name', 'profession', 'threshold', 'result', 'outcome'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface OutcomeChange<R extends OutcomeRow = OutcomeRow> {
  file: string;
  cohort: string | null;
  id: string | null;
  name: string | null;
  change: 'added' | 'removed' | 'changed';
  fields: DiffField[];
  before: R | null;
  after: R | null;
}

const SAME: Record<DiffField, (a: OutcomeRow, b: OutcomeRow) => boolean> = {
  cohort: (a, b) => a.cohort === b.cohort,
  name: (a, b) => a.name === b.name,
  profession: (a, b) => a.profession === b.profession,
  // A threshold is its value and where it comes from: B1 recommended → B1 set is a change too.
  threshold: (a, b) => a.threshold === b.threshold && a.thresholdSource === b.thresholdSource,
  result: (a, b) => a.result === b.result,
  outcome: (a, b) => a.outcome === b.outcome,
};

/** The fields that differ between two versions of a candidate. */
export function changedFields(a: OutcomeRow, b: OutcomeRow): DiffField[] {
  return DIFF_FIELDS.filter((f) => !SAME[f](a, b));
}

/**
 * Matches candidates by file and id (a candidate without an id, or a duplicate id, by its rank
 * among those of the same file and id) and lists the differences, file by file in the order of
 * the new rows (files only in the old rows last), each file's removed candidates after the others.
 *
 * @param fileOf maps an old row's file to the name it has in the new rows (renames, OLD/NEW folders)
 */
export function diffOutcomes<R extends OutcomeRow>(before: readonly R[], after: readonly R[], fileOf: (oldFile: string) => string = (f) => f): OutcomeChange<R>[] {
  // file → id → the old rows of that id, in order; a matched row is taken out (100,000 rows: no key strings built).
  const old = new Map<string, Map<string | null, R[]>>();
  for (const b of before) {
    const file = fileOf(b.file);
    let ids = old.get(file);
    if (!ids) old.set(file, (ids = new Map()));
    const same = ids.get(b.id);
    if (same) same.push(b);
    else ids.set(b.id, [b]);
  }
  const taken = new Set<R>();
  const byFile = new Map<string, OutcomeChange<R>[]>();
  const push = (file: string, c: OutcomeChange<R>) => {
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = []));
    list.push(c);
  };
  const row = (file: string, change: OutcomeChange<R>['change'], fields: DiffField[], b: R | null, a: R | null): OutcomeChange<R> => {
    const r = (a ?? b)!;
    return { file, cohort: r.cohort, id: r.id, name: r.name, change, fields, before: b, after: a };
  };
  let lastFile: string | undefined;
  let ids: Map<string | null, R[]> | undefined;
  const ranks = new Map<string, Map<string | null, number>>();
  let rank = new Map<string | null, number>();
  for (const a of after) {
    if (a.file !== lastFile) {
      lastFile = a.file;
      ids = old.get(a.file);
      const known = ranks.get(a.file);
      if (known) rank = known;
      else ranks.set(a.file, (rank = new Map()));
      if (!byFile.has(a.file)) byFile.set(a.file, []);
    }
    const n = rank.get(a.id) ?? 0;
    rank.set(a.id, n + 1);
    const b = ids?.get(a.id)?.[n];
    if (!b) {
      push(a.file, row(a.file, 'added', [], null, a));
      continue;
    }
    taken.add(b);
    const fields = changedFields(b, a);
    if (fields.length > 0) push(a.file, row(a.file, 'changed', fields, b, a));
  }
  for (const b of before) {
    if (!taken.has(b)) push(fileOf(b.file), row(fileOf(b.file), 'removed', [], b, null));
  }
  return [...byFile.values()].flat();
}

export const certificateGained = (c: OutcomeChange): boolean => c.change === 'changed' && c.before!.outcome !== 'certificate' && c.after!.outcome === 'certificate';
export const certificateLost = (c: OutcomeChange): boolean => c.change === 'changed' && c.before!.outcome === 'certificate' && c.after!.outcome !== 'certificate';
export const outcomeChanged = (c: OutcomeChange): boolean => c.change === 'changed' && c.fields.includes('outcome');

/** The changes a reviewer must see first, in that order: certificates gained, lost, other decisions changed, then the rest. */
export function changeGroups<R extends OutcomeRow>(changes: readonly OutcomeChange<R>[]): { gained: OutcomeChange<R>[]; lost: OutcomeChange<R>[]; outcome: OutcomeChange<R>[]; rest: OutcomeChange<R>[] } {
  const groups = { gained: [] as OutcomeChange<R>[], lost: [] as OutcomeChange<R>[], outcome: [] as OutcomeChange<R>[], rest: [] as OutcomeChange<R>[] };
  for (const c of changes) {
    if (certificateGained(c)) groups.gained.push(c);
    else if (certificateLost(c)) groups.lost.push(c);
    else if (outcomeChanged(c)) groups.outcome.push(c);
    else groups.rest.push(c);
  }
  return groups;
}

export interface ChangeCounts {
  gained: number;
  lost: number;
  /** Decisions changed other than certificates gained or lost (e.g. pending → attestation). */
  outcome: number;
  added: number;
  removed: number;
  /** Changed candidates whose decision did not change. */
  changed: number;
}

export function countChanges(changes: readonly OutcomeChange[]): ChangeCounts {
  const g = changeGroups(changes);
  return {
    gained: g.gained.length,
    lost: g.lost.length,
    outcome: g.outcome.length,
    added: g.rest.filter((c) => c.change === 'added').length,
    removed: g.rest.filter((c) => c.change === 'removed').length,
    changed: g.rest.filter((c) => c.change === 'changed').length,
  };
}

/** `--fail-on`: which changes make the diff fail (exit 1). Added and removed candidates do not count. */
export const FAIL_ON = ['outcome', 'certificate-gained'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function failsOn(changes: readonly OutcomeChange[], failOn: FailOn): boolean {
  return changes.some(failOn === 'outcome' ? outcomeChanged : certificateGained);
}
