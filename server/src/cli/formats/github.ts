import { render } from '../../core/messages';
import { wholeReport, type WriterFactory } from './stream';
import { type CheckedFile, type FormatContext, rangeOf } from './types';

/** GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command a line, written file by file (stream.ts). */
export const githubWriter: WriterFactory = (ctx, out) => ({
  file(file) {
    for (const f of file.findings) {
      const r = rangeOf(file, f);
      const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(file.display)}`,
        `line=${r.start.line + 1}`,
        `col=${r.start.character + 1}`,
        `endLine=${r.end.line + 1}`,
        `endColumn=${r.end.character + 1}`,
        `title=${escapeProperty(f.rule)}`,
      ];
      out(`::${command} ${props.join(',')}::${escapeData(render(f.message, ctx.locale))}\n`);
    }
  },
  end() {},
});

export function formatGithub(files: readonly CheckedFile[], ctx: FormatContext): string {
  return wholeReport(githubWriter, files, ctx);
}
