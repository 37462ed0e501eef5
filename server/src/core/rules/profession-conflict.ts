import { resolveBuiltin } from '../grid';
import { parseLevel } from '../levels';
import { msg } from '../messages';
import type { Rule } from './rule';

export const professionConflict: Rule = {
  id: 'profession-conflict',
  defaultSeverity: 'warning',
  description: 'A local profession redefines a grid profession with another threshold.',
  checkFile({ model, report }) {
    for (const p of model.professions) {
      const level = p.threshold ? parseLevel(p.threshold.value) : undefined;
      if (!p.name || !p.threshold || !level) continue;
      for (const name of [p.name, ...p.aliases]) {
        const grid = resolveBuiltin(name.value);
        if (!grid?.threshold || grid.threshold.code === level.code) continue;
        const args = { name: p.name.value, alias: name.value, grid: grid.canonical, threshold: level.code, recommended: grid.threshold.code };
        const message = name === p.name ? msg('profession-conflict', args) : msg('profession-conflict.alias', args);
        report({ span: p.threshold.span, message, related: [{ span: name.span, message }] });
        break;
      }
    }
  },
};
