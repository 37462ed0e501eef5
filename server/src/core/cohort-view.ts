/**
 * A file's cohorts at a glance: per cohort its heading, counts, chart bins and candidate rows.
 * The one computation behind the outcomes view (VS Code), `cloe-grid report` in every format
 * (its rows) and the HTML report; the counts are the code lens's (summarize, attention).
 */
import type { CandidateInfo, CheckResult } from './check';
import { outcomeText, summaryLine } from './explain';
import type { Finding, Severity } from './findings';
import { LANGUAGE_INFO, LANGUAGES, type LanguageCode } from './format';
import { BASE_LEVELS, type BaseLevel, validThreshold } from './levels';
import { type Attention, attention, type CohortSummary, summarize } from './locate';
import { type Locale, render } from './messages';
import { candidateAt, type Cohort, type GridModel } from './model';
import type { OutcomeKind, ThresholdSource } from './outcome';

/** What a candidate's outcome rests on: the fields of `cloe-grid report`'s rows (its JSON contract). */
export interface CandidateRow {
  cohort: string | null;
  id: string | null;
  name: string | null;
  /** The grid entry's name, or the profession as written when it is not known. */
  profession: string | null;
  /** The threshold used, or the one written when it cannot decide (the outcome is then unknown). */
  threshold: string | null;
  thresholdSource: ThresholdSource | null;
  result: string | null;
  outcome: OutcomeKind;
}

export function candidateRow({ candidate, profession, outcome }: CandidateInfo): CandidateRow {
  return {
    cohort: candidate.cohort.id?.value ?? null,
    id: candidate.id?.value ?? null,
    name: candidate.name?.value ?? null,
    profession: profession?.canonical ?? candidate.profession?.value ?? null,
    threshold: outcome.threshold?.code ?? outcome.invalidThreshold?.value ?? null,
    thresholdSource: outcome.threshold || outcome.invalidThreshold ? (outcome.thresholdSource ?? null) : null,
    result: outcome.result?.code ?? null,
    outcome: outcome.kind,
  };
}

/** A finding shown on a candidate's row. */
export interface RowFinding {
  rule: string;
  severity: Severity;
  message: string;
}

/** A row of the candidate table. */
export interface OutcomeRow extends CandidateRow {
  /** False when the profession is shown as written (not in the grid nor declared in the file). */
  professionKnown: boolean;
  /** True when the threshold shown is written but cannot decide (below A2, a sub-level, not a level). */
  thresholdInvalid: boolean;
  written: string | null;
  oral: string | null;
  /** The outcome as reviewers read it ("Certificat CLOE B2", "Attestation de niveau B1+", "en attente"). */
  label: string;
  /** The candidate's errors, warnings and information (hints never show), most severe first. */
  findings: RowFinding[];
  /** Where the candidate is: its id (or its mapping when it has none), for "reveal". */
  offset: number;
}

/** A bar of the chart: the candidates whose (overall) result is at this CEFR level, any sub-level. */
export interface ChartBin {
  level: BaseLevel;
  certificates: number;
  attestations: number;
}

export interface CohortView {
  /** Position among the file's cohorts. */
  index: number;
  id: string | null;
  name: string | null;
  partner: string | null;
  session: string | null;
  /** The cohort's language (or the file's), and its name in the locale ("English (RS6435)"). */
  language: string | null;
  languageName: string | null;
  counts: CohortSummary;
  attention: Attention;
  /** The code lens's line: "12 candidates · 6 certificates · 5 attestations · 1 pending". */
  summary: string;
  /** A1 … C2, always six: certificates and attestations (pending and unknown are counts apart). */
  bins: ChartBin[];
  /** The valid thresholds the cohort's candidates use, lowest first, with how many use each. */
  thresholds: { level: BaseLevel; count: number }[];
  rows: OutcomeRow[];
  offset: number;
}

export interface FileView {
  locale: Locale;
  cohorts: CohortView[];
  counts: CohortSummary;
  attention: Attention;
}

/** What the view needs of a check: its model's cohorts, outcomes and findings (a CheckResult, or the CLI's checked file). */
export interface ViewSource {
  model: Pick<GridModel, 'cohorts' | 'candidates' | 'language'>;
  candidates: readonly CandidateInfo[];
  findings: readonly Finding[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * What is kept between two views of the same file: rows and rendered findings of the candidates
 * an edit did not touch (incremental validation keeps their CandidateInfo and Finding objects), so
 * that the view of a 10,000-candidate file follows an edit without rebuilding every row.
 */
const rowCache = new WeakMap<CandidateInfo, { locale: Locale; start: number; row: OutcomeRow }>();
const findingCache = new WeakMap<Finding, { locale: Locale; shown: RowFinding }>();

function shownFinding(f: Finding, locale: Locale): RowFinding {
  const hit = findingCache.get(f);
  if (hit && hit.locale === locale) return hit.shown;
  const shown: RowFinding = { rule: f.rule, severity: f.severity, message: render(f.message, locale) };
  findingCache.set(f, { locale, shown });
  return shown;
}

/** Each candidate's shown findings (errors, warnings, information), by candidate index. */
function findingsByCandidate(source: ViewSource, locale: Locale): Map<number, RowFinding[]> {
  const out = new Map<number, RowFinding[]>();
  for (const f of source.findings) {
    if (f.severity === 'hint') continue;
    // Candidate rules name their candidate; a file rule's finding (a duplicate id) is placed by its position.
    const index = f.candidate ?? candidateAt(source.model.candidates, f.span.start)?.index;
    if (index === undefined) continue;
    let list = out.get(index);
    if (!list) out.set(index, (list = []));
    list.push(shownFinding(f, locale));
  }
  for (const list of out.values()) list.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return out;
}

/** The errors and warnings of each cohort, in one pass over the findings (not one per cohort). */
function attentionByCohort(source: ViewSource): Attention[] {
  const cohorts = source.model.cohorts;
  const out = cohorts.map(() => ({ errors: 0, warnings: 0 }));
  for (const f of source.findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    const c = candidateAt(cohorts, f.span.start);
    if (!c) continue;
    if (f.severity === 'error') out[c.index]!.errors++;
    else out[c.index]!.warnings++;
  }
  return out;
}

/**
 * Each row's content, offset aside: a row moved by an edit before it shares its token with the row
 * it was, so that a delta of two views (core/view-delta.ts) sends a moved cohort as a number.
 */
const contentToken = new WeakMap<OutcomeRow, object>();

/** The token of a row's content (where it is aside): equal tokens, equal rows but for their offsets. */
export function rowToken(row: OutcomeRow): object {
  return contentToken.get(row) ?? row;
}

const sameFindings = (a: readonly RowFinding[], b: readonly RowFinding[]) => a.length === b.length && a.every((f, i) => f === b[i]);

/**
 * A row, from the cache when its candidate did not change: the very same object when nothing
 * about it changed, a copy with its offset moved when only edits before it did.
 */
function cachedRow(info: CandidateInfo, locale: Locale, findings: RowFinding[] = []): OutcomeRow {
  const start = info.candidate.obj.span.start;
  const hit = rowCache.get(info);
  let row: OutcomeRow;
  const cohort = info.candidate.cohort.id?.value ?? null;
  if (hit && hit.locale === locale && hit.row.cohort === cohort && sameFindings(hit.row.findings, findings)) {
    if (hit.start === start) return hit.row;
    row = { ...hit.row, offset: hit.row.offset + (start - hit.start) };
    contentToken.set(row, rowToken(hit.row));
  } else if (hit && hit.locale === locale) {
    // (The cohort is read again: a renamed cohort keeps its candidates.)
    row = { ...hit.row, offset: hit.row.offset + (start - hit.start), cohort, findings };
  } else {
    row = outcomeRow(info, locale, findings);
  }
  rowCache.set(info, { locale, start, row });
  return row;
}

export function outcomeRow(info: CandidateInfo, locale: Locale, findings: RowFinding[] = []): OutcomeRow {
  const o = info.outcome;
  const c = info.candidate;
  return {
    ...candidateRow(info),
    professionKnown: !!info.profession,
    thresholdInvalid: !!o.invalidThreshold,
    written: o.written?.code ?? null,
    oral: o.oral?.code ?? null,
    label: outcomeText(o.kind, o.level?.code, locale),
    findings,
    offset: c.id?.span.start ?? c.obj.span.start,
  };
}

function cohortView(source: ViewSource, cohort: Cohort, locale: Locale, findings: Map<number, RowFinding[]>, a: Attention): CohortView {
  const infos = cohort.candidates.map((c) => source.candidates[c.index]).filter((x): x is CandidateInfo => !!x);
  const counts = summarize(infos);
  const bins: ChartBin[] = BASE_LEVELS.map((level) => ({ level, certificates: 0, attestations: 0 }));
  const thresholds = new Map<BaseLevel, number>();
  // Bins and thresholds from the rows (kept between views), not from the outcomes (decided again when asked).
  const rows = infos.map((info) => cachedRow(info, locale, findings.get(info.candidate.index)));
  for (const r of rows) {
    if ((r.outcome === 'certificate' || r.outcome === 'attestation') && r.result) {
      const bin = bins[BASE_LEVELS.indexOf(r.result.slice(0, 2) as BaseLevel)];
      if (bin && r.outcome === 'certificate') bin.certificates++;
      else if (bin) bin.attestations++;
    }
    // (A threshold that decides is a plain level; one that cannot is shown as written, never plain.)
    if (r.threshold && validThreshold(r.threshold)) thresholds.set(r.threshold as BaseLevel, (thresholds.get(r.threshold as BaseLevel) ?? 0) + 1);
  }
  const lang = cohort.language?.value ?? source.model.language?.value ?? null;
  const known = lang !== null && (LANGUAGES as readonly string[]).includes(lang) ? LANGUAGE_INFO[lang as LanguageCode] : undefined;
  return {
    index: cohort.index,
    id: cohort.id?.value ?? null,
    name: cohort.name?.value ?? null,
    partner: cohort.partner?.value ?? null,
    session: cohort.session?.value ?? null,
    language: lang,
    languageName: known ? `${known[locale]} (${known.rs})` : null,
    counts,
    attention: a,
    summary: summaryLine(counts, locale, a),
    bins,
    thresholds: BASE_LEVELS.filter((l) => thresholds.has(l)).map((level) => ({ level, count: thresholds.get(level)! })),
    rows,
    offset: cohort.id?.span.start ?? cohort.obj.span.start,
  };
}

/** The outcomes view of a checked file, in a locale. */
export function outcomesView(source: ViewSource | CheckResult, locale: Locale): FileView {
  const findings = findingsByCandidate(source, locale);
  const attentions = attentionByCohort(source);
  return {
    locale,
    cohorts: source.model.cohorts.map((c, i) => cohortView(source, c, locale, findings, attentions[i]!)),
    counts: summarize(source.candidates),
    attention: attention(source.findings),
  };
}
