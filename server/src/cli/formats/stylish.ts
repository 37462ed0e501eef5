import type { Severity } from '../../core/findings';
import { render } from '../../core/messages';
import { type CheckedFile, type FormatContext, countBySeverity, rangeOf } from './types';

const COLORS: Record<Severity | 'dim' | 'bold' | 'green', string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  information: '\x1b[36m',
  hint: '\x1b[90m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  green: '\x1b[32m',
};
const RESET = '\x1b[0m';

const LABELS: Record<'en' | 'fr', Record<Severity, string>> = {
  en: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' },
  fr: { error: 'erreur', warning: 'avertissement', information: 'info', hint: 'indice' },
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatStylish(files: readonly CheckedFile[], ctx: FormatContext): string {
  const c = (style: keyof typeof COLORS, s: string) => (ctx.color ? `${COLORS[style]}${s}${RESET}` : s);
  const lines: string[] = [];
  for (const file of files) {
    if (file.findings.length === 0) continue;
    lines.push(c('bold', file.display));
    const rows = file.findings.map((f) => {
      const r = rangeOf(file, f);
      return { where: `${r.start.line + 1}:${r.start.character + 1}`, f };
    });
    const width = Math.max(...rows.map((r) => r.where.length));
    const labelWidth = Math.max(...rows.map((r) => LABELS[ctx.locale][r.f.severity].length));
    for (const { where, f } of rows) {
      const label = LABELS[ctx.locale][f.severity];
      lines.push(`  ${c('dim', where.padEnd(width))}  ${c(f.severity, label.padEnd(labelWidth))}  ${render(f.message, ctx.locale)}  ${c('dim', f.rule)}`);
    }
    lines.push('');
  }
  const n = countBySeverity(files);
  const fr = ctx.locale === 'fr';
  const parts = fr
    ? [plural(n.error, 'erreur', 'erreurs'), plural(n.warning, 'avertissement', 'avertissements')]
    : [plural(n.error, 'error', 'errors'), plural(n.warning, 'warning', 'warnings')];
  if (n.information) parts.push(fr ? plural(n.information, 'information', 'informations') : plural(n.information, 'information', 'information'));
  if (n.hint) parts.push(fr ? plural(n.hint, 'indice', 'indices') : plural(n.hint, 'hint', 'hints'));
  const fileCount = fr ? plural(files.length, 'fichier', 'fichiers') : plural(files.length, 'file', 'files');
  const summary = `${parts.join(', ')} ${fr ? 'dans' : 'in'} ${fileCount}`;
  const failed = n.error > 0 || n.warning > ctx.maxWarnings;
  lines.push(failed ? c(n.error > 0 ? 'error' : 'warning', `✖ ${summary}`) : c('green', `✔ ${summary}`));
  if (n.error === 0 && n.warning > ctx.maxWarnings) {
    lines.push(fr ? `Trop d'avertissements (${n.warning}, maximum ${ctx.maxWarnings}).` : `Too many warnings (${n.warning}, maximum allowed ${ctx.maxWarnings}).`);
  }
  return lines.join('\n') + '\n';
}
