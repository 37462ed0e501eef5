/**
 * Explanations for reviewers (the editor's hovers), as Markdown, in English or French. Pure: the
 * language server only wraps the text in an LSP Hover.
 */
import type { CandidateInfo, CheckResult } from './check';
import { LANGUAGE_INFO, LANGUAGES, type LanguageCode } from './format';
import type { ResolvedProfession } from './grid';
import type { OutcomeKind } from './outcome';
import { LEVEL_INFO, parseLevel, type Level } from './levels';
import { type Locale, type MessageArg, type MessageId, msg, render } from './messages';
import { type Attention, attention, cohortInfos, locate, summarize, type CohortSummary } from './locate';
import type { Cohort } from './model';

const say = (locale: Locale, id: MessageId, args: Record<string, MessageArg> = {}) => render(msg(id, args), locale);

/**
 * An outcome as reviewers read it: "Certificat CLOE B2", "Attestation de niveau B1+", "pending", "unknown".
 * The one wording of hovers, reports, symbols and inlay hints (which leave out a certificate's level).
 */
export function outcomeText(kind: OutcomeKind, level: string | undefined, locale: Locale, certificateLevel = true): string {
  switch (kind) {
    case 'certificate':
      return `${say(locale, 'outcome.certificate')}${certificateLevel && level ? ` ${level}` : ''}`;
    case 'attestation':
      return say(locale, 'outcome.attestation', { level: level ?? '' }).trim();
    default:
      return say(locale, `outcome.${kind}`);
  }
}

export function outcomeLabel(info: CandidateInfo, locale: Locale): string {
  return outcomeText(info.outcome.kind, info.outcome.level?.code, locale);
}

/** "3 candidates", "1 candidate", "0 certificat": a count with its noun, from the catalogue (`<id>` and `<id>.one`). */
export type CountedId = 'summary.candidates' | 'summary.certificates' | 'summary.attestations' | 'summary.pending' | 'summary.unknown' | 'summary.errors' | 'summary.warnings' | 'summary.information' | 'summary.hints' | 'summary.files';

export function counted(count: number, id: CountedId, locale: Locale): string {
  // French takes the singular for 0 and 1 ("0 certificat"), English for 1 alone.
  const singular = locale === 'fr' ? count <= 1 : count === 1;
  return say(locale, singular ? `${id}.one` : id, { count });
}

/** The outcome counts of a cohort (or a report), e.g. "12 candidates · 6 certificates · 5 attestations · 1 pending". */
export function summaryParts(s: CohortSummary, locale: Locale): string[] {
  const parts = [
    counted(s.candidates, 'summary.candidates', locale),
    counted(s.certificates, 'summary.certificates', locale),
    counted(s.attestations, 'summary.attestations', locale),
    counted(s.pending, 'summary.pending', locale),
  ];
  if (s.unknown) parts.push(counted(s.unknown, 'summary.unknown', locale));
  return parts;
}

/** What needs attention, when anything does: "2 errors · 1 warning". */
export function attentionParts(a: Attention | undefined, locale: Locale): string[] {
  const parts: string[] = [];
  if (a?.errors) parts.push(counted(a.errors, 'summary.errors', locale));
  if (a?.warnings) parts.push(counted(a.warnings, 'summary.warnings', locale));
  return parts;
}

/** A cohort's line (code lens, outline, hover): its outcomes, then what needs attention. */
export function summaryLine(s: CohortSummary, locale: Locale, a?: Attention): string {
  return [...summaryParts(s, locale), ...attentionParts(a, locale)].join(' · ');
}

export function explainProfession(p: ResolvedProfession, locale: Locale): string {
  const lines: string[] = [];
  if (p.source === 'local') {
    lines.push(`**${p.canonical}** — ${say(locale, 'hover.local-profession')}`);
    if (p.via) lines.push('', say(locale, 'hover.local-alias', { alias: p.via }));
    const written = p.local?.threshold;
    if (p.threshold) lines.push('', say(locale, 'hover.recommended', { threshold: p.threshold.code }));
    else if (written !== undefined) lines.push('', say(locale, 'hover.recommended-none', { threshold: written }));
    return lines.join('\n');
  }
  const g = p.grid!;
  const tier = p.tier!;
  lines.push(`**${g.name}** (${g.en}) — ${say(locale, 'hover.grid-tier', { levels: tier.levels })}`);
  if (p.via) lines.push('', say(locale, 'hover.grid-alias', { alias: p.via }));
  lines.push('', `${say(locale, 'hover.recommended', { threshold: p.threshold?.code ?? '—' })} — ${tier.user[locale]}`);
  lines.push('', `${say(locale, 'hover.objective', { objective: tier.objective[locale] })}${locale === 'en' ? ` (*${tier.objective.fr}*)` : ''}`);
  if (tier.examples.length) {
    lines.push('', say(locale, 'hover.examples'));
    for (const e of tier.examples) lines.push(`- ${e[locale]}`);
  }
  return lines.join('\n');
}

export function explainLevel(level: Level, locale: Locale): string {
  const info = LEVEL_INFO[level.base];
  const mark = level.mark === '+' ? `, ${say(locale, 'hover.level-plus')}` : level.mark === '-' ? `, ${say(locale, 'hover.level-minus')}` : '';
  return [`**${level.code}** — ${locale === 'fr' ? info.fr : info.en}${mark}`, '', `*${locale === 'fr' ? info.en : info.fr}*`, '', locale === 'fr' ? info.descriptorFr : info.descriptorEn].join('\n');
}

export function explainOutcome(info: CandidateInfo, locale: Locale): string {
  const c = info.candidate;
  const who = [c.id?.value, c.name?.value].filter(Boolean).join(' — ');
  const lines = [`**${who || say(locale, 'hover.candidate')}** ⇒ **${outcomeLabel(info, locale)}**`, ''];
  info.outcome.steps.forEach((s, i) => lines.push(`${i + 1}. ${render(s, locale)}`));
  if (info.outcome.resultSource === 'derived') lines.push('', say(locale, 'step.derived-note'));
  return lines.join('\n');
}

export function explainThreshold(info: CandidateInfo, locale: Locale): string {
  const o = info.outcome;
  const lines: string[] = [];
  const p = info.profession;
  const written = info.candidate.threshold?.value;
  if (o.thresholdSource === 'explicit' && o.threshold) {
    lines.push(say(locale, 'hover.threshold-set', { threshold: o.threshold.code }));
    if (p?.threshold) {
      const d = o.threshold.rank - p.threshold.rank;
      const id = d === 0 ? 'hover.threshold-equal' : d > 0 ? 'hover.threshold-above' : 'hover.threshold-below';
      lines.push('', say(locale, id, { profession: p.canonical, recommended: p.threshold.code }));
    }
  } else if (written !== undefined) {
    lines.push(say(locale, 'hover.threshold-invalid', { threshold: written }));
  }
  const level = written !== undefined ? parseLevel(written) : undefined;
  if (level) lines.push('', explainLevel(level, locale));
  return lines.join('\n');
}

export function explainCohort(result: CheckResult, cohort: Cohort, locale: Locale): string {
  const s = summarize(cohortInfos(result, cohort));
  const title = [cohort.id?.value, cohort.name?.value].filter(Boolean).join(' — ');
  const lines = [`**${say(locale, 'hover.cohort', { title })}**`, ''];
  if (cohort.partner) lines.push(`${say(locale, 'hover.partner', { partner: cohort.partner.value })}  `);
  const lang = (cohort.language?.value ?? result.model.language?.value) as LanguageCode | undefined;
  if (lang && (LANGUAGES as readonly string[]).includes(lang)) lines.push(`${say(locale, 'hover.language', { language: `${LANGUAGE_INFO[lang][locale]} (${LANGUAGE_INFO[lang].rs})` })}  `);
  if (cohort.session) lines.push(`${say(locale, 'hover.session', { session: cohort.session.value })}  `);
  lines.push('', summaryLine(s, locale, attention(result.findings, cohort.obj.span)));
  return lines.join('\n');
}

/** The hover text at an offset, with the span it is about; undefined where there is nothing to say. */
export function explainAt(result: CheckResult, offset: number, locale: Locale): { markdown: string; span: { start: number; end: number } } | undefined {
  const at = locate(result, offset);
  if (!at) return undefined;
  switch (at.kind) {
    case 'profession': {
      const p = at.info.profession;
      const body = p ? explainProfession(p, locale) : say(locale, 'hover.unknown-profession', { profession: at.field.value });
      return { markdown: `${body}\n\n---\n\n${explainOutcome(at.info, locale)}`, span: at.field.span };
    }
    case 'threshold':
      return { markdown: `${explainThreshold(at.info, locale)}\n\n---\n\n${explainOutcome(at.info, locale)}`, span: at.field.span };
    case 'result': {
      const level = at.level ? parseLevel(at.level.value) : undefined;
      const parts = [explainOutcome(at.info, locale)];
      if (level) parts.push(explainLevel(level, locale));
      return { markdown: parts.join('\n\n---\n\n'), span: at.span };
    }
    case 'candidate':
      return { markdown: explainOutcome(at.info, locale), span: at.span };
    case 'cohort':
      return { markdown: explainCohort(result, at.cohort, locale), span: at.span };
    case 'local-profession': {
      const level = at.profession.threshold && at.field === at.profession.threshold ? parseLevel(at.field.value) : undefined;
      if (level) return { markdown: explainLevel(level, locale), span: at.field.span };
      const r = result.professions.resolve(at.field.value);
      return r ? { markdown: explainProfession(r, locale), span: at.field.span } : undefined;
    }
    case 'language': {
      const code = at.field.value as LanguageCode;
      if (!(LANGUAGES as readonly string[]).includes(code)) return undefined;
      return { markdown: `**${code}** — ${LANGUAGE_INFO[code][locale]} (France Compétences ${LANGUAGE_INFO[code].rs})`, span: at.field.span };
    }
  }
}
