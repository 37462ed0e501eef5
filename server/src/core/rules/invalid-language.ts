import { LANGUAGES } from '../format';
import { msg } from '../messages';
import type { TextField } from '../model';
import { normalizeName } from '../normalize';
import type { Report, Rule } from './rule';
import { replaceFix } from './util';

/** Names and tags people write instead of the code. */
const NAMES: Record<string, string> = {
  english: 'en', anglais: 'en', 'en gb': 'en', 'en us': 'en', eng: 'en',
  german: 'de', allemand: 'de', deutsch: 'de', 'de de': 'de', ger: 'de', deu: 'de',
  spanish: 'es', espagnol: 'es', espanol: 'es', 'es es': 'es', spa: 'es',
  italian: 'it', italien: 'it', italiano: 'it', 'it it': 'it', ita: 'it',
  portuguese: 'pt', portugais: 'pt', portugues: 'pt', 'pt pt': 'pt', 'pt br': 'pt', por: 'pt',
  french: 'fr', francais: 'fr', 'fr fr': 'fr', fle: 'fr', fra: 'fr', fre: 'fr',
};

function check(f: TextField | undefined, report: (r: Report) => void): void {
  if (!f || (LANGUAGES as readonly string[]).includes(f.value)) return;
  const key = normalizeName(f.value);
  const suggestion = (LANGUAGES as readonly string[]).includes(key) ? key : Object.hasOwn(NAMES, key) ? NAMES[key] : undefined;
  if (suggestion) {
    const safe = key === suggestion;
    report({ span: f.span, message: msg('invalid-language.suggest', { value: f.value, suggestion }), fixes: [replaceFix(f.span, suggestion, safe)] });
  } else {
    report({ span: f.span, message: msg('invalid-language', { value: f.value }) });
  }
}

export const invalidLanguage: Rule = {
  id: 'invalid-language',
  defaultSeverity: 'error',
  description: 'A language that is not one of en, de, es, it, pt, fr.',
  quickFix: { what: 'yes, when a code is suggested', safe: 'partly: only `EN` → `en`' },
  checkFile({ model, report }) {
    check(model.language, report);
    for (const c of model.cohorts) check(c.language, report);
  },
};
