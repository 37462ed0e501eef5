/**
 * What the editor features show, computed here once and placed by offsets: the outline, each
 * cohort's code lens, inlay hints and the definition of a local profession. The language server
 * only turns these into LSP types (lsp/convert.ts); any other face may use them as they are.
 */
import type { CandidateInfo, CheckResult } from './check';
import { attentionParts, explainOutcome, outcomeText, summaryLine, summaryParts } from './explain';
import type { Span } from './text';
import { attention, cohortInfos, locate, summarize } from './locate';
import { type Locale, msg, render } from './messages';

export interface OutlineItem {
  kind: 'cohort' | 'candidate';
  name: string;
  detail: string;
  /** The whole cohort or candidate, and the part to select (its name, else its id). */
  span: Span;
  selection: Span;
  children: OutlineItem[];
}

/** A candidate's outcome as a label ("Certificat CLOE", "Attestation de niveau B1+", "pending"). */
function outcomeLabel(info: CandidateInfo, locale: Locale): string {
  return outcomeText(info.outcome.kind, info.outcome.level?.code, locale, false);
}

/** Cohorts → candidates, each with its outcome or summary; undefined when `cancelled` says to stop. */
export function outline(result: CheckResult, locale: Locale, cancelled: () => boolean = () => false): OutlineItem[] | undefined {
  const items: OutlineItem[] = [];
  for (const cohort of result.model.cohorts) {
    if (cancelled()) return undefined;
    const infos = cohortInfos(result, cohort);
    const children = infos.map((info): OutlineItem => {
      const c = info.candidate;
      // (Read once: a lazy candidate reads its id and name again from the text at each call.)
      const id = c.id;
      const name = c.name;
      return {
        kind: 'candidate',
        name: name?.value || id?.value || '?',
        detail: [id?.value, outcomeLabel(info, locale)].filter(Boolean).join(' · '),
        span: c.obj.span,
        selection: name?.span ?? id?.span ?? c.obj.span,
        children: [],
      };
    });
    items.push({
      kind: 'cohort',
      name: cohort.id?.value || cohort.name?.value || '?',
      detail: [cohort.name?.value, summaryLine(summarize(infos), locale, attention(result.findings, cohort.obj.span))].filter(Boolean).join(' · '),
      span: cohort.obj.span,
      selection: cohort.id?.span ?? cohort.obj.span,
      children,
    });
  }
  return items;
}

export interface CohortLens {
  /** Where the lens stands: the cohort's start. */
  offset: number;
  /** The cohort's summary: "12 candidates · 6 certificates · 5 attestations · 1 pending · 2 errors". */
  title: string;
  cohortId: string | null;
}

/** One lens per cohort: its counts, outcomes first, then what needs attention. */
export function cohortLenses(result: CheckResult, locale: Locale): CohortLens[] {
  return result.model.cohorts.map((cohort) => ({
    offset: cohort.obj.span.start,
    title: summaryLine(summarize(cohortInfos(result, cohort)), locale, attention(result.findings, cohort.obj.span)),
    cohortId: cohort.id?.value ?? null,
  }));
}

export interface InlayHintItem {
  offset: number;
  label: string;
  /** Markdown. */
  tooltip?: string;
}

/** Which hints to show (the `cloe.inlayHints.*` settings). */
export interface HintSettings {
  outcome: boolean;
  defaultedThreshold: boolean;
}

/**
 * The hints of the candidates between two offsets: each outcome after its result (or after the id
 * when there is no result), and the recommended threshold after a profession where none is set.
 * Undefined when `cancelled` says to stop.
 */
export function inlayHints(result: CheckResult, from: number, to: number, locale: Locale, settings: HintSettings, cancelled: () => boolean = () => false): InlayHintItem[] | undefined {
  const hints: InlayHintItem[] = [];
  for (const info of result.candidates) {
    const c = info.candidate;
    if (c.obj.span.end < from || c.obj.span.start > to) continue;
    if (cancelled()) return undefined;
    if (settings.outcome) {
      const r = c.result;
      const lastField = r?.node.map && !r.node.flow ? r.node.map.fields[r.node.map.fields.length - 1] : undefined;
      const at = lastField ? lastField.value.span.end : r ? r.node.span.end : c.id?.span.end;
      if (at !== undefined) hints.push({ offset: at, label: `⇒ ${outcomeLabel(info, locale)}`, tooltip: explainOutcome(info, locale) });
    }
    if (settings.defaultedThreshold && info.outcome.thresholdSource === 'recommended' && info.outcome.threshold && c.profession) {
      hints.push({ offset: c.profession.span.end, label: render(msg('hint.defaulted-threshold', { threshold: info.outcome.threshold.code }), locale) });
    }
  }
  return hints;
}

/** Where a local profession a candidate names is declared (its name in `professions:`), if it is one. */
export function definitionAt(result: CheckResult, offset: number): Span | undefined {
  const at = locate(result, offset);
  if (at?.kind !== 'profession' || at.info.profession?.source !== 'local') return undefined;
  const local = result.model.professions.find((p) => p.name?.value === at.info.profession?.canonical);
  return local?.name?.span;
}

/** The status item's line for a file: its outcomes, then what needs attention (hints never count), and the counts. */
export function fileSummary(result: CheckResult, locale: Locale) {
  const counts = summarize(result.candidates);
  const needs = attention(result.findings);
  return { text: [...summaryParts(counts, locale).slice(1), ...attentionParts(needs, locale)].join(' · '), ...counts, ...needs };
}
