/**
 * The core's entry point: text in, model, outcomes and findings out. Never throws: a rule that
 * fails is reported as an internal-error finding and the other rules still run.
 */
import type { Finding, Fix, Severity } from './findings';
import { type LocalProfessionDef, ProfessionIndex, type ResolvedProfession } from './grid';
import { msg } from './messages';
import { type Candidate, fieldOf, type GridModel, isWritten } from './model';
import { LazyOutcome, type Outcome, type OutcomeInput } from './outcome';
import { emptyModel, localeNumber, sizeLimitFinding } from './limits';
import { parseGrid } from './parse';
import { RULES, ruleById } from './rules/index';
import { applyDirectives, parseDirectives } from './suppress';
import type { CandidateContext, FileContext, Report, Rule } from './rules/rule';
import { LineIndex } from './text';
import { notTextError } from './text-errors';

export type SeverityOverride = Severity | 'off';

export interface CheckOptions {
  /** Severity per rule id (from a configuration); absent rules keep their default. */
  severities?: Readonly<Record<string, SeverityOverride>>;
  /** Professions of the configuration's grid files: after the file's own, before the built-in grid. */
  extraProfessions?: readonly LocalProfessionDef[];
  /** false: ignore cloe-disable comments (the CLI's --no-inline-config). */
  inlineConfig?: boolean;
  /**
   * Keep candidates' fields out of memory and read them again from the text when asked
   * (lazy.ts): the language server, which keeps large files open. Same results.
   */
  lazy?: boolean | { keep: number };
}

export interface CandidateInfo {
  candidate: Candidate;
  profession?: ResolvedProfession;
  outcome: Outcome;
}

export interface CheckResult {
  model: GridModel;
  lines: LineIndex;
  professions: ProfessionIndex;
  /** One per candidate, in document order (index = candidate.index). */
  candidates: CandidateInfo[];
  /** Sorted by position. */
  findings: Finding[];
  /** Each candidate's own findings (candidate rules), before suppression, sorted: kept for incremental validation. */
  candidateFindings: Finding[][];
  /** Each file rule's findings (index in RULES), before suppression: kept for incremental validation. */
  fileFindings: (Finding[] | undefined)[];
}

/** What an incremental validation keeps from the previous analysis. */
export interface Reuse {
  /** The findings of a file rule whose input did not change. */
  fileRule?: (rule: Rule, index: number) => Finding[] | undefined;
  /** The line index of the new text, when already known. */
  lines?: LineIndex;
  /**
   * The same candidates as before but the dirty ones (same count, same order): the kept
   * outcomes and findings are copied, and only the dirty ones computed again.
   */
  changed?: { findings: readonly Finding[][]; infos: readonly CandidateInfo[]; dirty: ReadonlySet<number> };
}

export function localProfessionDefs(model: GridModel): LocalProfessionDef[] {
  const defs: LocalProfessionDef[] = [];
  for (const p of model.professions) {
    if (!p.name) continue;
    const def: LocalProfessionDef = { name: p.name.value, aliases: p.aliases.map((a) => a.value) };
    if (p.threshold) def.threshold = p.threshold.value;
    defs.push(def);
  }
  return defs;
}

/** The outcome of one candidate, given the professions its file can use. */
export function candidateInfo(candidate: Candidate, professions: ProfessionIndex): CandidateInfo {
  const profession = candidate.profession ? professions.resolve(candidate.profession.value) : undefined;
  return new CandidateOutcome(candidate, profession);
}

/**
 * A candidate's record and its outcome in one object (one object less for each of 100,000
 * candidates): the outcome reads its input from the record's candidate (LazyOutcome).
 */
class CandidateOutcome extends LazyOutcome implements CandidateInfo {
  constructor(
    readonly candidate: Candidate,
    readonly profession: ResolvedProfession | undefined,
  ) {
    super(undefined, outcomeInput);
    this.decideKind();
  }

  get outcome(): Outcome {
    return this;
  }
}

/** What decides a candidate's outcome (read again from the candidate when a field or the steps are asked for). */
function outcomeInput(info: CandidateInfo): OutcomeInput {
  const { candidate, profession } = info;
  const r = candidate.result;
  return {
    threshold: candidate.threshold?.value,
    profession,
    shorthand: r?.shorthand?.value,
    written: r?.written?.value,
    oral: r?.oral?.value,
    overall: r?.overall?.value,
    thresholdMalformed: !candidate.threshold && isWritten(fieldOf(candidate.obj, 'threshold')),
    resultMalformed: r !== undefined && !r.shorthand && r.node.kind !== 'map',
  };
}

const RULE_IDS = new Set(RULES.map((r) => r.id));

/** Applies the file's cloe-disable comments and reports the unused ones. */
function suppress(text: string, lines: LineIndex, findings: Finding[], severityOf: (id: string) => SeverityOverride): Finding[] {
  if (!text.includes('cloe-disable')) return findings;
  const directives = parseDirectives(text, lines);
  if (directives.length === 0) return findings;
  const { kept, unused } = applyDirectives(findings, directives, lines, RULE_IDS);
  const severity = severityOf('unused-suppression');
  if (severity === 'off') return kept;
  for (const u of unused) {
    const d = directives.find((x) => x.rules.some((r) => r.span === u.span))!;
    const f: Finding = {
      rule: 'unused-suppression',
      severity,
      span: u.span,
      message: u.known ? msg('unused-suppression', { rule: u.rule }) : msg('unused-suppression.unknown', { rule: u.rule }),
    };
    if (d.rules.length === 1) {
      // The directive is this one rule: remove its whole line.
      const line = d.line;
      const start = lines.lineStart(line);
      const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : lines.lineEnd(line);
      f.fixes = [{ title: msg('fix.remove-suppression'), edits: [{ start, end, newText: '' }], safe: false }];
    }
    kept.push(f);
  }
  return kept.sort(byPosition);
}

export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  // Past the size limits nothing is parsed: one finding says so, in a fixed time.
  const limit = sizeLimitFinding(text);
  if (limit) return emptyResult(text, options, limit);
  // UTF-16 or UTF-32 without a byte order mark: nothing in it can be read, one finding says why.
  const notText = notTextError(text);
  if (notText) return emptyResult(text, options, { rule: 'yaml-syntax', severity: 'error', span: notText.span, message: msg('yaml-syntax.not-text', { count: localeNumber(Number(notText.message)) }) });
  try {
    const model = parseGrid(text, options.lazy);
    const result = analyzeModel(model, options);
    model.settle?.();
    return result;
  } catch (e) {
    // The core never throws: a failure outside the rules is an internal-error finding too.
    const detail = e instanceof Error ? e.message : String(e);
    return emptyResult(text, options, { rule: 'internal-error', severity: 'error', span: { start: 0, end: 0 }, message: msg('internal-error', { detail }) }, true);
  }
}

/** The result of a text that is not modelled: only the given finding, at the severity configured for its rule. */
function emptyResult(text: string, options: CheckOptions, finding: Finding, forced = false): CheckResult {
  const off = Object.fromEntries(RULES.map((r) => [r.id, 'off' as const]));
  const result = analyzeModel(emptyModel(text), { ...options, severities: off, inlineConfig: false });
  const severity = forced ? finding.severity : (options.severities?.[finding.rule] ?? finding.severity);
  if (severity !== 'off') result.findings.push({ ...finding, severity });
  return result;
}

/**
 * Runs the rules on a model. `reuse(index)` may give the findings of a candidate that did not
 * change since an earlier analysis (incremental validation): its candidate rules are not re-run.
 */
export function analyzeModel(model: GridModel, options: CheckOptions = {}, reuse: Reuse = {}): CheckResult {
  const text = model.text;
  const lines = reuse.lines ?? new LineIndex(text);
  const professions = new ProfessionIndex([...localProfessionDefs(model), ...(options.extraProfessions ?? [])]);
  const severityOf = (rule: Rule): SeverityOverride => options.severities?.[rule.id] ?? rule.defaultSeverity;

  const base = { model, professions, lineOf: (o: number) => lines.position(o).line };
  const run = (into: Finding[], rule: Rule, body: (report: (r: Report) => void) => void) => {
    const severity = severityOf(rule);
    if (severity === 'off') return;
    try {
      body((r) => into.push(toFinding(rule, severity, r)));
    } catch (e) {
      into.push(ruleFailure(rule, e));
    }
  };

  const fileFindings: (Finding[] | undefined)[] = RULES.map((rule, i) => {
    if (!rule.checkFile) return undefined;
    const kept = reuse.fileRule?.(rule, i);
    if (kept) return kept;
    const own: Finding[] = [];
    const check = rule.checkFile.bind(rule);
    run(own, rule, (report) => check({ ...base, report } satisfies FileContext));
    return own;
  });
  const changed = reuse.changed && reuse.changed.infos.length === model.candidates.length ? reuse.changed : undefined;
  // The hot loop of a large file (100,000 candidates × 15 rules): one context per candidate, no
  // closure or copy per rule.
  const candidateRules = RULES.filter((r) => r.checkCandidate && severityOf(r) !== 'off').map((rule) => ({ rule, severity: severityOf(rule) as Severity }));
  // Lazy mode: fixes are made again when asked (code actions, fix-all), not kept (below).
  const later = options.lazy ? new FixSource(model, professions) : undefined;
  const findingsOf = (info: CandidateInfo): Finding[] => {
    const own: Finding[] = [];
    const index = info.candidate.index;
    let current = candidateRules[0]!;
    const ctx: CandidateContext = {
      model,
      professions,
      lineOf: base.lineOf,
      outcome: info.outcome,
      report: (r) => own.push(later && r.fixes?.length && !r.related?.length ? new FixesLater(current.rule, current.severity, r, index, later) : toFinding(current.rule, current.severity, r, index)),
    };
    for (const entry of candidateRules) {
      current = entry;
      try {
        entry.rule.checkCandidate!(info.candidate, ctx);
      } catch (e) {
        own.push(ruleFailure(entry.rule, e));
      }
    }
    // (An exact copy: an array that grew by push keeps room for 17.)
    return own.length === 0 ? NO_FINDINGS : (own.length > 1 ? own.sort(byPosition) : own).slice();
  };
  // One pass per candidate, outcome then rules: a lazy candidate is read from the text once.
  let candidates: CandidateInfo[];
  let candidateFindings: Finding[][];
  if (changed) {
    candidates = changed.infos.slice();
    candidateFindings = changed.findings.slice();
    for (const i of changed.dirty) {
      candidates[i] = candidateInfo(model.candidates[i]!, professions);
      candidateFindings[i] = findingsOf(candidates[i]);
    }
  } else {
    candidates = [];
    candidateFindings = [];
    for (const c of model.candidates) {
      const info = candidateInfo(c, professions);
      candidates.push(info);
      candidateFindings.push(findingsOf(info));
    }
  }
  const findings = merge(fileFindings.flatMap((f) => f ?? []).sort(byPosition), candidateFindings);
  const suppressed = options.inlineConfig === false ? findings : suppress(text, lines, findings, (id) => severityOf(ruleById(id)!));
  // A YAML alias of a whole mapping is checked where it is anchored: report each finding once.
  const unique = text.includes('*') ? dedupe(suppressed) : suppressed;
  return { model, lines, professions, candidates, findings: unique, candidateFindings, fileFindings };
}

/**
 * All findings in position order, from the sorted file findings and each candidate's sorted
 * findings (candidates are in document order, so these usually follow each other): a linear
 * merge instead of sorting 60,000 findings after each keystroke in a large file.
 */
function merge(file: Finding[], perCandidate: readonly Finding[][]): Finding[] {
  const out: Finding[] = [];
  let sorted = true;
  let last: Finding | undefined;
  let i = 0;
  for (const own of perCandidate) {
    for (const f of own) {
      while (i < file.length && byPosition(file[i]!, f) <= 0) out.push(file[i++]!);
      if (last && byPosition(last, f) > 0) sorted = false;
      out.push(f);
      last = f;
    }
  }
  while (i < file.length) out.push(file[i++]!);
  return sorted ? out : out.sort(byPosition);
}

/** The findings of most candidates (one array for all: 100,000 empty arrays cost 3 MB). */
const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/** A rule's report as a finding. Findings own their spans (copies): the model's may move under incremental validation. */
function toFinding(rule: Rule, severity: Severity, r: Report, candidate?: number): Finding {
  const span = { start: r.span.start, end: r.span.end };
  const related = r.related?.length ? r.related.map((x) => ({ span: { start: x.span.start, end: x.span.end }, message: x.message })) : undefined;
  // (An exact copy: a rule's array that grew by push keeps room for 17.)
  const fixes = r.fixes?.length ? r.fixes.slice() : undefined;
  // Whole object literals for the frequent shapes: a property added later goes to a separate
  // property array (~60 bytes more for each of 60,000 threshold-defaulted findings).
  if (candidate !== undefined && !related) return fixes ? { rule: rule.id, severity, span, message: r.message, fixes, candidate } : { rule: rule.id, severity, span, message: r.message, candidate };
  const f: Finding = { rule: rule.id, severity, span, message: r.message };
  if (related) f.related = related;
  if (fixes) f.fixes = fixes;
  if (candidate !== undefined) f.candidate = candidate;
  return f;
}

/** What a candidate's fixes are made again from: the model (kept up to date by incremental validation) and its professions. */
class FixSource {
  constructor(
    readonly model: GridModel,
    readonly professions: ProfessionIndex,
  ) {}
}

/**
 * A candidate's finding whose fixes are made again when asked, by running its rule on the
 * candidate as it is now (the language server's lazy mode). A file of 100,000 candidates has
 * ~60,000 threshold-defaulted findings, each with a fix (an edit, a title, two arrays: ~200
 * bytes); the language server shows a few of them at a time. Fix-all asks for them all: ~1 s.
 */
class FixesLater implements Finding {
  rule: string;
  severity: Severity;
  span: { start: number; end: number };
  message: Finding['message'];
  candidate: number;
  readonly #rule: Rule;
  readonly #source: FixSource;

  constructor(rule: Rule, severity: Severity, r: Report, candidate: number, source: FixSource) {
    this.rule = rule.id;
    this.severity = severity;
    this.span = { start: r.span.start, end: r.span.end };
    this.message = r.message;
    this.candidate = candidate;
    this.#rule = rule;
    this.#source = source;
  }

  get fixes(): Fix[] | undefined {
    const { model, professions } = this.#source;
    const c = model.candidates[this.candidate];
    if (!c) return undefined;
    let fixes: Fix[] | undefined;
    const ctx: CandidateContext = {
      model,
      professions,
      // (No candidate rule uses it; the line index of the text the findings were made on is not kept.)
      lineOf: (o) => new LineIndex(model.text).position(o).line,
      outcome: candidateInfo(c, professions).outcome,
      report: (r) => {
        if (!fixes && r.span.start === this.span.start && r.span.end === this.span.end && sameMessage(r.message, this.message)) fixes = r.fixes?.slice();
      },
    };
    try {
      this.#rule.checkCandidate?.(c, ctx);
    } catch {
      return undefined;
    }
    return fixes?.length ? fixes : undefined;
  }
}

function sameMessage(a: Finding['message'], b: Finding['message']): boolean {
  return a === b || (a.id === b.id && JSON.stringify(a.args) === JSON.stringify(b.args));
}

/** True when a finding's fixes are its own (kept, and moved by edits); false when they are made when asked. */
export function keepsFixes(f: Finding): boolean {
  return !(f instanceof FixesLater);
}

/** A rule that throws: the other rules still run. */
function ruleFailure(rule: Rule, e: unknown): Finding {
  return {
    rule: 'internal-error',
    severity: 'error',
    span: { start: 0, end: 0 },
    message: msg('internal-error.rule', { rule: rule.id, detail: e instanceof Error ? e.message : String(e) }),
  };
}

function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule} ${f.span.start} ${f.span.end} ${JSON.stringify(f.message)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
