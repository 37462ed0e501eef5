import { msg } from '../messages';
import type { TextField } from '../model';
import type { FileContext, Rule } from './rule';

function checkIds(fields: (TextField | undefined)[], kind: 'candidate' | 'cohort', ctx: FileContext): void {
  const first = new Map<string, TextField>();
  for (const f of fields) {
    if (!f) continue;
    const prev = first.get(f.value);
    if (!prev) {
      first.set(f.value, f);
      continue;
    }
    ctx.report({
      span: f.span,
      message: msg(kind === 'candidate' ? 'duplicate-id.candidate' : 'duplicate-id.cohort', { id: f.value, line: ctx.lineOf(prev.span.start) + 1 }),
      related: [{ span: prev.span, message: msg('duplicate-id.first', { id: f.value }) }],
    });
  }
}

export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'A candidate or cohort id used twice in the file.',
  fileReadsCandidates: true,
  checkFile(ctx) {
    checkIds(ctx.model.cohorts.map((c) => c.id), 'cohort', ctx);
    checkIds(ctx.model.candidates.map((c) => c.id), 'candidate', ctx);
  },
};
