import type { Severity } from '../../core/findings';
import { counted } from '../../core/explain';
import { type Locale, msg, render } from '../../core/messages';
import { wholeReport, type WriterFactory } from './stream';
import { type CheckedFile, type FormatContext, rangeOf } from './types';

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

const label = (severity: Severity, locale: Locale) => render(msg(`severity.${severity}`), locale);

/** Written file by file (stream.ts): each file's findings, then the totals. */
export const stylishWriter: WriterFactory = (ctx, out) => {
  const c = (style: keyof typeof COLORS, s: string) => (ctx.color ? `${COLORS[style]}${s}${RESET}` : s);
  const n: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let files = 0;
  return {
    file(file) {
      files++;
      for (const f of file.findings) n[f.severity]++;
      if (file.findings.length === 0) return;
      const lines: string[] = [c('bold', file.display)];
      const rows = file.findings.map((f) => {
        const r = rangeOf(file, f);
        return { where: `${r.start.line + 1}:${r.start.character + 1}`, f };
      });
      const width = Math.max(...rows.map((r) => r.where.length));
      const labelWidth = Math.max(...rows.map((r) => label(r.f.severity, ctx.locale).length));
      for (const { where, f } of rows) {
        lines.push(`  ${c('dim', where.padEnd(width))}  ${c(f.severity, label(f.severity, ctx.locale).padEnd(labelWidth))}  ${render(f.message, ctx.locale)}  ${c('dim', f.rule)}`);
      }
      lines.push('');
      out(lines.join('\n') + '\n');
    },
    end() {
      const loc = ctx.locale;
      const parts = [counted(n.error, 'summary.errors', loc), counted(n.warning, 'summary.warnings', loc)];
      if (n.information) parts.push(counted(n.information, 'summary.information', loc));
      if (n.hint) parts.push(counted(n.hint, 'summary.hints', loc));
      const summary = render(msg('summary.in-files', { findings: parts.join(', '), files: counted(files, 'summary.files', loc) }), loc);
      const failed = n.error > 0 || n.warning > ctx.maxWarnings;
      out((failed ? c(n.error > 0 ? 'error' : 'warning', `✖ ${summary}`) : c('green', `✔ ${summary}`)) + '\n');
      if (n.error === 0 && n.warning > ctx.maxWarnings) out(render(msg('summary.too-many-warnings', { count: n.warning, max: ctx.maxWarnings }), loc) + '\n');
    },
  };
};

export function formatStylish(files: readonly CheckedFile[], ctx: FormatContext): string {
  return wholeReport(stylishWriter, files, ctx);
}
