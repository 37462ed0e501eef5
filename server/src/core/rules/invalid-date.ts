import { msg } from '../messages';
import type { Rule } from './rule';
import { replaceFix } from './util';

function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] ?? 0);
}

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!m && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A French-style day/month/year date (15/03/2026, 15.03.2026) as ISO, when it is a real date. */
function fromDayMonthYear(text: string): string | undefined {
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDate(y, mo, d)) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const invalidDate: Rule = {
  id: 'invalid-date',
  defaultSeverity: 'error',
  description: 'A session date that is not a valid ISO date (YYYY-MM-DD).',
  quickFix: { what: 'yes, for `DD/MM/YYYY`', safe: 'no' },
  checkFile({ model, report }) {
    for (const c of model.cohorts) {
      const f = c.session;
      if (!f || isIsoDate(f.value)) continue;
      const suggestion = fromDayMonthYear(f.value);
      if (suggestion) {
        report({ span: f.span, message: msg('invalid-date.suggest', { value: f.value, suggestion }), fixes: [replaceFix(f.span, suggestion, false)] });
      } else {
        report({ span: f.span, message: msg('invalid-date', { value: f.value }) });
      }
    }
  },
};
