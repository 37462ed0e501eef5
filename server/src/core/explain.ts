/**
 * Explanations for reviewers (the editor's hovers), as Markdown, in English or French. Pure: the
 * language server only wraps the text in an LSP Hover.
 */
import type { CandidateInfo, CheckResult } from './check';
import { LANGUAGE_INFO, LANGUAGES, type LanguageCode } from './format';
import type { ResolvedProfession } from './grid';
import type { OutcomeKind } from './outcome';
import { LEVEL_INFO, parseLevel, type Level } from './levels';
import { type Locale, msg, render } from './messages';
import { cohortInfos, locate, summarize, type CohortSummary } from './locate';
import type { Cohort } from './model';

const t = (locale: Locale, en: string, fr: string) => (locale === 'fr' ? fr : en);

/**
 * An outcome as reviewers read it: "Certificat CLOE B2", "Attestation B1+", "pending", "unknown".
 * The one wording of hovers, reports, symbols and inlay hints (which leave out a certificate's level).
 */
export function outcomeText(kind: OutcomeKind, level: string | undefined, locale: Locale, certificateLevel = true): string {
  switch (kind) {
    case 'certificate':
      return `${render(msg('outcome.certificate'), locale)}${certificateLevel && level ? ` ${level}` : ''}`;
    case 'attestation':
      return render(msg('outcome.attestation', { level: level ?? '' }), locale).trim();
    default:
      return render(msg(`outcome.${kind}`), locale);
  }
}

export function outcomeLabel(info: CandidateInfo, locale: Locale): string {
  return outcomeText(info.outcome.kind, info.outcome.level?.code, locale);
}

export function summaryLine(s: CohortSummary, locale: Locale): string {
  const n = (count: number, en: string, ens: string, fr: string, frs: string) => `${count} ${count === 1 ? t(locale, en, fr) : t(locale, ens, frs)}`;
  const parts = [
    n(s.candidates, 'candidate', 'candidates', 'candidat', 'candidats'),
    n(s.certificates, 'certificate', 'certificates', 'certificat', 'certificats'),
    n(s.attestations, 'attestation', 'attestations', 'attestation', 'attestations'),
    `${s.pending} ${t(locale, 'pending', 'en attente')}`,
  ];
  if (s.unknown) parts.push(`${s.unknown} ${t(locale, 'unknown', s.unknown === 1 ? 'inconnu' : 'inconnus')}`);
  return parts.join(' · ');
}

export function explainProfession(p: ResolvedProfession, locale: Locale): string {
  const lines: string[] = [];
  if (p.source === 'local') {
    lines.push(`**${p.canonical}** — ${t(locale, 'local profession declared in this file', 'profession locale déclarée dans ce fichier')}`);
    if (p.via) lines.push('', t(locale, `"${p.via}" is an alias of this profession.`, `« ${p.via} » est un alias de cette profession.`));
    lines.push('', `${t(locale, 'Recommended threshold', 'Seuil recommandé')}: **${p.threshold?.code ?? '—'}**`);
    return lines.join('\n');
  }
  const g = p.grid!;
  const tier = p.tier!;
  lines.push(`**${g.name}** (${g.en}) — ${t(locale, 'CLOE grid, tier', 'grille CLOE, palier')} ${tier.levels}`);
  if (p.via) lines.push('', t(locale, `"${p.via}" resolves to this grid entry.`, `« ${p.via} » désigne cette entrée de la grille.`));
  lines.push('', `${t(locale, 'Recommended threshold', 'Seuil recommandé')}: **${p.threshold?.code ?? '—'}** — ${tier.user[locale]}`);
  lines.push('', `${t(locale, 'Professional objective', 'Objectif professionnel')}: **${tier.objective[locale]}**${locale === 'en' ? ` (*${tier.objective.fr}*)` : ''}`);
  if (tier.examples.length) {
    lines.push('', t(locale, 'Usage examples:', "Exemples d'utilisation de la langue :"));
    for (const e of tier.examples) lines.push(`- ${e[locale]}`);
  }
  return lines.join('\n');
}

export function explainLevel(level: Level, locale: Locale): string {
  const info = LEVEL_INFO[level.base];
  const mark = level.mark === '+' ? t(locale, ', upper sub-level', ', sous-niveau haut') : level.mark === '-' ? t(locale, ', lower sub-level', ', sous-niveau bas') : '';
  return [`**${level.code}** — ${locale === 'fr' ? info.fr : info.en}${mark}`, '', `*${locale === 'fr' ? info.en : info.fr}*`, '', locale === 'fr' ? info.descriptorFr : info.descriptorEn].join('\n');
}

export function explainOutcome(info: CandidateInfo, locale: Locale): string {
  const c = info.candidate;
  const who = [c.id?.value, c.name?.value].filter(Boolean).join(' — ');
  const lines = [`**${who || t(locale, 'Candidate', 'Candidat')}** ⇒ **${outcomeLabel(info, locale)}**`, ''];
  info.outcome.steps.forEach((s, i) => lines.push(`${i + 1}. ${render(s, locale)}`));
  if (info.outcome.resultSource === 'derived') {
    lines.push('', t(locale, 'No overall level is written: the lower of written and oral is taken (conservative).', "Aucun niveau global n'est écrit : le plus bas de l'écrit et de l'oral est retenu (prudence)."));
  }
  return lines.join('\n');
}

export function explainThreshold(info: CandidateInfo, locale: Locale): string {
  const o = info.outcome;
  const lines: string[] = [];
  const p = info.profession;
  const written = info.candidate.threshold?.value;
  if (o.thresholdSource === 'explicit' && o.threshold) {
    lines.push(`${t(locale, 'Threshold', 'Seuil')} **${o.threshold.code}** — ${t(locale, 'written explicitly', 'écrit explicitement')}.`);
    if (p?.threshold) {
      const d = o.threshold.rank - p.threshold.rank;
      const cmp = d === 0 ? t(locale, 'equal to', 'égal au') : d > 0 ? t(locale, 'above', 'au-dessus du') : t(locale, 'below', 'en dessous du');
      lines.push('', `${t(locale, 'It is', 'Il est')} ${cmp} ${t(locale, 'the threshold recommended for', 'seuil recommandé pour')} "${p.canonical}" (${p.threshold.code}).`);
    }
  } else if (written !== undefined) {
    lines.push(t(locale, `"${written}" is not a level: no threshold applies.`, `« ${written} » n'est pas un niveau : aucun seuil ne s'applique.`));
  }
  const level = written !== undefined ? parseLevel(written) : undefined;
  if (level) lines.push('', explainLevel(level, locale));
  return lines.join('\n');
}

export function explainCohort(result: CheckResult, cohort: Cohort, locale: Locale): string {
  const s = summarize(cohortInfos(result, cohort));
  const title = [cohort.id?.value, cohort.name?.value].filter(Boolean).join(' — ');
  const lines = [`**${t(locale, 'Cohort', 'Cohorte')} ${title}**`, ''];
  if (cohort.partner) lines.push(`${t(locale, 'Partner', 'Organisme partenaire')}: ${cohort.partner.value}  `);
  const lang = (cohort.language?.value ?? result.model.language?.value) as LanguageCode | undefined;
  if (lang && (LANGUAGES as readonly string[]).includes(lang)) lines.push(`${t(locale, 'Language', 'Langue')}: ${LANGUAGE_INFO[lang][locale]} (${LANGUAGE_INFO[lang].rs})  `);
  if (cohort.session) lines.push(`${t(locale, 'Session', 'Session')}: ${cohort.session.value}  `);
  lines.push('', summaryLine(s, locale));
  return lines.join('\n');
}

/** The hover text at an offset, with the span it is about; undefined where there is nothing to say. */
export function explainAt(result: CheckResult, offset: number, locale: Locale): { markdown: string; span: { start: number; end: number } } | undefined {
  const at = locate(result, offset);
  if (!at) return undefined;
  switch (at.kind) {
    case 'profession': {
      const p = at.info.profession;
      const body = p ? explainProfession(p, locale) : t(locale, `"${at.field.value}" is not a known profession.`, `« ${at.field.value} » n'est pas une profession connue.`);
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
