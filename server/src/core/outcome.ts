/**
 * The outcome of one candidate (SPEC §1.4–1.5): pending, Certificat CLOE, Attestation de niveau
 * or unknown, with the reasoning as steps that hovers and reports can print.
 */
import type { ResolvedProfession } from './grid';
import { type Level, type ThresholdProblem, compareLevels, minLevel, parseLevel, plainLevel, thresholdProblem } from './levels';
import type { MessageRef } from './messages';

export type OutcomeKind = 'certificate' | 'attestation' | 'pending' | 'unknown';
export type ThresholdSource = 'explicit' | 'recommended';
export type ResultSource = 'shorthand' | 'overall' | 'derived';

export interface OutcomeInput {
  /** The threshold as written, if any. */
  threshold?: string;
  /** The candidate's profession, when it resolved. */
  profession?: ResolvedProfession;
  /** `result: B1+` */
  shorthand?: string;
  written?: string;
  oral?: string;
  overall?: string;
  /** True when a threshold was written but is not a level's text (a list, a mapping). */
  thresholdMalformed?: boolean;
  /** True when a result was written but is neither a level nor a mapping (a list, say). */
  resultMalformed?: boolean;
}

export interface Outcome {
  kind: OutcomeKind;
  /** The level obtained (certificate or attestation). */
  level?: Level;
  threshold?: Level;
  thresholdSource?: ThresholdSource;
  result?: Level;
  resultSource?: ResultSource;
  written?: Level;
  oral?: Level;
  /**
   * A threshold that was there but cannot decide (SPEC §1.4): written on the candidate
   * (`explicit`) or inherited from a local profession (`recommended`). `threshold` is then unset.
   */
  invalidThreshold?: InvalidThreshold;
  /** Why, step by step (message ids of the catalogue, with their values). */
  steps: MessageRef[];
}

export interface InvalidThreshold {
  /** As written ("…" for a value that is not text at all: a list, a mapping). */
  value: string;
  problem: ThresholdProblem;
  source: ThresholdSource;
}

const A2 = plainLevel('A2');

function ref(id: MessageRef['id'], args: Record<string, string> = {}): MessageRef {
  return { id, args };
}

/** What decide() fills in: every field of an outcome but its steps. */
type Decided = Omit<Outcome, 'steps'>;

/**
 * The last outcome whose fields were asked for, and its fields (rules and hovers ask for several
 * in a row). Forgotten once the current task ends: kept longer, it would keep its whole model
 * alive (a closed file's, ~100 MB at 100,000 candidates).
 */
let lastAsked: LazyOutcome | undefined;
let lastDecided: Decided | undefined;
let forgetting = false;

function forgetLast(): void {
  lastAsked = undefined;
  lastDecided = undefined;
  forgetting = false;
}

/**
 * An outcome that keeps its kind and level alone: its other levels, sources and steps are decided again when
 * asked (hovers, reports, rules), from its input read again from where it came from (a
 * candidate, read again from the text). A file of 100,000 candidates then keeps neither
 * reasoning nor levels nor inputs it does not show (~100 bytes a candidate).
 * `source` undefined: the outcome is its own source (a subclass that carries its input, and
 * calls decideKind() once it is set).
 */
export class LazyOutcome implements Outcome {
  kind: OutcomeKind = 'unknown';
  /** Kept too (one reference to a shared level): the outline and reports show it for every candidate. */
  level: Level | undefined = undefined;
  readonly #source: unknown;
  readonly #inputOf: (source: never) => OutcomeInput;

  constructor(source: unknown, inputOf: (source: never) => OutcomeInput) {
    this.#source = source;
    this.#inputOf = inputOf;
    if (source !== undefined) this.decideKind();
  }

  protected decideKind(): void {
    const d = this.#decide(undefined);
    this.kind = d.kind;
    this.level = d.level;
  }

  get threshold(): Level | undefined {
    return this.#decided().threshold;
  }
  get thresholdSource(): ThresholdSource | undefined {
    return this.#decided().thresholdSource;
  }
  get result(): Level | undefined {
    return this.#decided().result;
  }
  get resultSource(): ResultSource | undefined {
    return this.#decided().resultSource;
  }
  get written(): Level | undefined {
    return this.#decided().written;
  }
  get oral(): Level | undefined {
    return this.#decided().oral;
  }
  get invalidThreshold(): InvalidThreshold | undefined {
    return this.#decided().invalidThreshold;
  }

  get steps(): MessageRef[] {
    const steps: MessageRef[] = [];
    this.#decide(steps);
    return steps;
  }

  #decided(): Decided {
    if (lastAsked !== this || !lastDecided) {
      lastDecided = this.#decide(undefined);
      // (The cache's key: which outcome the decided fields are of.)
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      lastAsked = this;
      if (!forgetting) {
        forgetting = true;
        void Promise.resolve().then(forgetLast);
      }
    }
    return lastDecided;
  }

  #decide(steps: MessageRef[] | undefined): Decided {
    const input = this.#inputOf((this.#source === undefined ? this : this.#source) as never);
    return decide(input, { kind: 'unknown' }, steps);
  }
}

/** The outcome of an input (kept by the outcome, which decides its fields again from it when asked). */
export function computeOutcome(input: OutcomeInput): Outcome {
  return new LazyOutcome(input, (i: OutcomeInput) => i);
}

/** True for a result that decides without any threshold: a C2 (certificate) or below A2 (attestation). */
export function resultDecidesAlone(result: Level | undefined): boolean {
  return !!result && (result.base === 'C2' || result.rank < A2.rank);
}

/** The reasoning step that says why a threshold cannot decide. */
function invalidStep(t: InvalidThreshold, profession: string | undefined): MessageRef {
  return t.source === 'explicit'
    ? ref(`step.threshold-invalid.${t.problem}`, { threshold: t.value })
    : ref(`step.recommended-invalid.${t.problem}`, { threshold: t.value, profession: profession ?? '' });
}

/**
 * Fills in an outcome (SPEC §1.4, in its order); with `steps`, writes the reasoning too.
 * Only a valid threshold decides: an invalid one, written or inherited, leaves the outcome
 * unknown, except where the result alone decides (C2, or below A2).
 */
function decide(input: OutcomeInput, out: Decided, steps: MessageRef[] | undefined): Decided {

  // 1. The threshold: written, else the profession's recommendation.
  if (input.thresholdMalformed) {
    out.invalidThreshold = { value: '…', problem: 'not-a-level', source: 'explicit' };
  } else if (input.threshold !== undefined) {
    const problem = thresholdProblem(input.threshold);
    if (problem) out.invalidThreshold = { value: input.threshold, problem, source: 'explicit' };
    else {
      out.threshold = parseLevel(input.threshold)!;
      out.thresholdSource = 'explicit';
      steps?.push(ref('step.threshold-explicit', { threshold: out.threshold.code }));
    }
  } else if (input.profession?.threshold) {
    out.threshold = input.profession.threshold;
    out.thresholdSource = 'recommended';
    steps?.push(ref('step.threshold-recommended', { threshold: input.profession.threshold.code, profession: input.profession.canonical }));
  } else if (input.profession?.local?.threshold !== undefined) {
    const value = input.profession.local.threshold;
    out.invalidThreshold = { value, problem: thresholdProblem(value) ?? 'not-a-level', source: 'recommended' };
  } else if (input.profession) {
    steps?.push(ref('step.threshold-none-recommended', { profession: input.profession.canonical }));
  } else {
    steps?.push(ref('step.threshold-none'));
  }
  if (out.invalidThreshold) {
    if (out.invalidThreshold.source === 'recommended') out.thresholdSource = 'recommended';
    else out.thresholdSource = 'explicit';
    steps?.push(invalidStep(out.invalidThreshold, input.profession?.canonical));
  }

  // 2. The result: the overall level, else the lower of written and oral.
  const written = input.written !== undefined ? parseLevel(input.written.trim()) : undefined;
  const oral = input.oral !== undefined ? parseLevel(input.oral.trim()) : undefined;
  if (written) out.written = written;
  if (oral) out.oral = oral;
  let resultInvalid = !!input.resultMalformed;
  if (resultInvalid) {
    // reported below
  } else if (input.shorthand !== undefined) {
    const r = parseLevel(input.shorthand.trim());
    if (r) {
      out.result = r;
      out.resultSource = 'shorthand';
      steps?.push(ref('step.result-overall', { result: r.code }));
    } else resultInvalid = true;
  } else if (input.overall !== undefined) {
    const r = parseLevel(input.overall.trim());
    if (r) {
      out.result = r;
      out.resultSource = 'overall';
      steps?.push(ref('step.result-overall', { result: r.code }));
    } else resultInvalid = true;
  } else if (written && oral) {
    const r = minLevel(written, oral);
    out.result = r;
    out.resultSource = 'derived';
    steps?.push(ref('step.result-derived', { result: r.code, written: written.code, oral: oral.code }));
  } else if ((input.written !== undefined && !written) || (input.oral !== undefined && !oral)) {
    resultInvalid = true;
  } else if (written || oral) {
    steps?.push(ref(written ? 'step.result-oral-missing' : 'step.result-written-missing', { level: (written ?? oral)!.code }));
    out.kind = 'pending';
    return out;
  }

  if (resultInvalid) {
    steps?.push(ref('step.result-invalid'));
    out.kind = 'unknown';
    return out;
  }
  if (!out.result) {
    steps?.push(ref('step.pending'));
    out.kind = 'pending';
    return out;
  }
  const result = out.result;

  // 3. The result alone decides at both ends: C2 is a certificate, below A2 an attestation.
  if (result.base === 'C2') {
    out.kind = 'certificate';
    out.level = result;
    steps?.push(ref('step.c2', { result: result.code }));
    return out;
  }
  if (result.rank < A2.rank) {
    out.kind = 'attestation';
    out.level = result;
    steps?.push(ref('step.below-target', { result: result.code }));
    return out;
  }

  // 4. Otherwise a valid threshold decides, and nothing else.
  if (!out.threshold) {
    out.kind = 'unknown';
    steps?.push(ref(out.invalidThreshold ? 'step.unknown.invalid-threshold' : 'step.unknown'));
    return out;
  }
  out.level = result;
  if (compareLevels(result, out.threshold) >= 0) {
    out.kind = 'certificate';
    steps?.push(ref('step.reached', { result: result.code, threshold: out.threshold.code }));
  } else {
    out.kind = 'attestation';
    steps?.push(ref('step.not-reached', { result: result.code, threshold: out.threshold.code }));
  }
  return out;
}
