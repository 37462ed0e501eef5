import { maxLevel, minLevel, parseLevel } from '../levels';
import { msg } from '../messages';
import type { Rule } from './rule';

export const overallOutOfRange: Rule = {
  id: 'overall-out-of-range',
  defaultSeverity: 'warning',
  description: 'An overall level outside the range of the written and oral levels.',
  checkCandidate(c, { report }) {
    const r = c.result;
    if (!r?.overall || !r.written || !r.oral) return;
    const [overall, written, oral] = [parseLevel(r.overall.value), parseLevel(r.written.value), parseLevel(r.oral.value)];
    if (!overall || !written || !oral) return;
    const low = minLevel(written, oral);
    const high = maxLevel(written, oral);
    if (overall.rank >= low.rank && overall.rank <= high.rank) return;
    report({
      span: r.overall.span,
      message: msg(low.code === high.code ? 'overall-out-of-range.equal' : 'overall-out-of-range', { overall: overall.code, written: written.code, oral: oral.code, low: low.code, high: high.code }),
    });
  },
};
