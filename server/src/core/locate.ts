/** What stands at an offset of a grid file: the model element an editor feature is about. */
import type { CheckResult, CandidateInfo } from './check';
import type { Cohort, LocalProfession, TextField } from './model';
import type { OutcomeKind } from './outcome';
import type { Finding } from './findings';
import type { Span } from './text';

export type Located =
  | { kind: 'profession'; info: CandidateInfo; field: TextField }
  | { kind: 'threshold'; info: CandidateInfo; field: TextField }
  | { kind: 'result'; info: CandidateInfo; span: Span; level?: TextField }
  | { kind: 'candidate'; info: CandidateInfo; span: Span }
  | { kind: 'cohort'; cohort: Cohort; span: Span }
  | { kind: 'local-profession'; profession: LocalProfession; field: TextField }
  | { kind: 'language'; field: TextField };

const inside = (s: Span | undefined, offset: number) => !!s && offset >= s.start && offset <= s.end;

export function locate(result: CheckResult, offset: number): Located | undefined {
  const { model } = result;
  if (model.language && inside(model.language.span, offset)) return { kind: 'language', field: model.language };
  for (const p of model.professions) {
    if (!inside(p.obj.span, offset)) continue;
    for (const f of [p.name, p.threshold, ...p.aliases]) if (f && (inside(f.span, offset) || inside(f.keySpan, offset))) return { kind: 'local-profession', profession: p, field: f };
  }
  for (const cohort of model.cohorts) {
    if (!inside(cohort.obj.span, offset)) continue;
    if (cohort.language && inside(cohort.language.span, offset)) return { kind: 'language', field: cohort.language };
    for (const c of cohort.candidates) {
      if (!inside(c.obj.span, offset)) continue;
      const info = result.candidates[c.index];
      if (!info) return undefined;
      if (c.profession && (inside(c.profession.span, offset) || inside(c.profession.keySpan, offset))) return { kind: 'profession', info, field: c.profession };
      if (c.threshold && (inside(c.threshold.span, offset) || inside(c.threshold.keySpan, offset))) return { kind: 'threshold', info, field: c.threshold };
      const r = c.result;
      if (r && (inside(r.node.span, offset) || inside(r.keySpan, offset))) {
        const level = [r.shorthand, r.written, r.oral, r.overall].find((f) => f && (inside(f.span, offset) || inside(f.keySpan, offset)));
        return level ? { kind: 'result', info, span: level.span, level } : { kind: 'result', info, span: r.node.span };
      }
      if (c.id && (inside(c.id.span, offset) || inside(c.id.keySpan, offset))) return { kind: 'candidate', info, span: c.id.span };
      if (c.name && (inside(c.name.span, offset) || inside(c.name.keySpan, offset))) return { kind: 'candidate', info, span: c.name.span };
      return undefined;
    }
    const head = [cohort.id, cohort.name, cohort.partner, cohort.session].find((f) => f && (inside(f.span, offset) || inside(f.keySpan, offset)));
    if (head) return { kind: 'cohort', cohort, span: head.span };
    if (cohort.candidatesKey && inside(cohort.candidatesKey, offset)) return { kind: 'cohort', cohort, span: cohort.candidatesKey };
  }
  return undefined;
}

export interface CohortSummary {
  candidates: number;
  certificates: number;
  attestations: number;
  pending: number;
  unknown: number;
}

/** The outcome counts of candidates (of a cohort, a file or a report). */
export function summarize(infos: readonly { outcome: { kind: OutcomeKind } }[]): CohortSummary {
  const s: CohortSummary = { candidates: infos.length, certificates: 0, attestations: 0, pending: 0, unknown: 0 };
  for (const i of infos) {
    if (i.outcome.kind === 'certificate') s.certificates++;
    else if (i.outcome.kind === 'attestation') s.attestations++;
    else if (i.outcome.kind === 'pending') s.pending++;
    else s.unknown++;
  }
  return s;
}

/** What needs attention in a file or a cohort: its errors and warnings (hints and information never count). */
export interface Attention {
  errors: number;
  warnings: number;
}

export function attention(findings: readonly Finding[], within?: Span): Attention {
  const a: Attention = { errors: 0, warnings: 0 };
  for (const f of findings) {
    if (within && (f.span.start < within.start || f.span.start > within.end)) continue;
    if (f.severity === 'error') a.errors++;
    else if (f.severity === 'warning') a.warnings++;
  }
  return a;
}

export function cohortInfos(result: CheckResult, cohort: Cohort): CandidateInfo[] {
  return cohort.candidates.map((c) => result.candidates[c.index]).filter((x): x is CandidateInfo => !!x);
}
