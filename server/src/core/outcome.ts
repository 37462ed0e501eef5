/**
 * The outcome of one candidate (SPEC §1.4–1.5): pending, Certificat CLOE, Attestation de niveau
 * or unknown, with the reasoning as steps that hovers and reports can print.
 */
import type { ResolvedProfession } from './grid';
import { type Level, compareLevels, minLevel, parseLevel, plainLevel } from './levels';
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
  /** Why, step by step (message ids of the catalogue, with their values). */
  steps: MessageRef[];
}

const A2 = plainLevel('A2');

function ref(id: MessageRef['id'], args: Record<string, string> = {}): MessageRef {
  return { id, args };
}

/**
 * An outcome writes its steps when asked (hovers, reports), from its input read again from where
 * it came from (a candidate, read again from the text): a file of 100,000 candidates then keeps
 * neither reasoning it does not show nor its inputs (~90 bytes each, and texts of the document).
 */
class LazyOutcome implements Outcome {
  kind: OutcomeKind = 'unknown';
  // (Declared, not initialised: an outcome has only the properties it sets.)
  declare level?: Level;
  declare threshold?: Level;
  declare thresholdSource?: ThresholdSource;
  declare result?: Level;
  declare resultSource?: ResultSource;
  declare written?: Level;
  declare oral?: Level;
  readonly #source: unknown;
  readonly #inputOf: (source: never) => OutcomeInput;

  constructor(source: unknown, inputOf: (source: never) => OutcomeInput) {
    this.#source = source;
    this.#inputOf = inputOf;
  }

  get steps(): MessageRef[] {
    const steps: MessageRef[] = [];
    decide(this.#inputOf(this.#source as never), new LazyOutcome(this.#source, this.#inputOf), steps);
    return steps;
  }
}

export function computeOutcome(input: OutcomeInput): Outcome {
  return outcomeOf(input, (i: OutcomeInput) => i);
}

/**
 * The outcome of what `inputOf(source)` gives; `inputOf` is called again each time the steps are
 * asked for, and must give the same input (a function shared by all sources, not a closure: the
 * outcome keeps only the two references).
 */
export function outcomeOf<S>(source: S, inputOf: (source: S) => OutcomeInput): Outcome {
  const out = new LazyOutcome(source, inputOf as (source: never) => OutcomeInput);
  decide(inputOf(source), out, undefined);
  return out;
}

/** Fills in an outcome; with `steps`, writes the reasoning too. */
function decide(input: OutcomeInput, out: LazyOutcome, steps: MessageRef[] | undefined): LazyOutcome {

  // 1. The threshold: written, else the profession's recommendation.
  if (input.thresholdMalformed) {
    steps?.push(ref('step.threshold-invalid', { threshold: '…' }));
  } else if (input.threshold !== undefined) {
    const t = parseLevel(input.threshold.trim());
    if (t) {
      out.threshold = t;
      out.thresholdSource = 'explicit';
      steps?.push(ref('step.threshold-explicit', { threshold: t.code }));
    } else {
      steps?.push(ref('step.threshold-invalid', { threshold: input.threshold }));
    }
  } else if (input.profession?.threshold) {
    out.threshold = input.profession.threshold;
    out.thresholdSource = 'recommended';
    steps?.push(ref('step.threshold-recommended', { threshold: input.profession.threshold.code, profession: input.profession.canonical }));
  } else {
    steps?.push(ref('step.threshold-none'));
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

  // 3. C2 gives the certificate whatever the threshold.
  if (result.base === 'C2') {
    out.kind = 'certificate';
    out.level = result;
    steps?.push(ref('step.c2', { result: result.code }));
    return out;
  }
  if (!out.threshold) {
    out.kind = 'unknown';
    steps?.push(ref('step.unknown'));
    return out;
  }
  out.level = result;
  if (result.rank < A2.rank) {
    out.kind = 'attestation';
    steps?.push(ref('step.below-target', { result: result.code }));
  } else if (compareLevels(result, out.threshold) >= 0) {
    out.kind = 'certificate';
    steps?.push(ref('step.reached', { result: result.code, threshold: out.threshold.code }));
  } else {
    out.kind = 'attestation';
    steps?.push(ref('step.not-reached', { result: result.code, threshold: out.threshold.code }));
  }
  return out;
}
