import { msg } from '../messages';
import type { Rule } from './rule';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The file is not valid YAML.',
  checkFile({ model, report }) {
    for (const e of model.syntaxErrors) {
      const start = e.span.start;
      let end = e.span.end;
      if (end <= start && start < model.text.length && !/[\r\n]/.test(model.text[start] ?? '')) end = start + 1;
      if (e.code === 'DUPLICATE_KEY') {
        const key = model.text.slice(start, end).replace(/:\s*$/, '').trim();
        report({ span: { start, end }, message: msg('yaml-syntax.duplicate-key', { key }) });
      } else if (e.code === 'TAB_AS_INDENT') {
        report({ span: { start, end }, message: msg('yaml-syntax.tab') });
      } else {
        report({ span: { start, end }, message: msg('yaml-syntax', { detail: e.message.replace(/\s+/g, ' ').trim() }) });
      }
    }
  },
};
