import { createHash } from 'node:crypto';
import type { Severity } from '../../core/findings';
import { render } from '../../core/messages';
import { JsonArrayWriter, wholeReport, type WriterFactory } from './stream';
import { type CheckedFile, type FormatContext, rangeOf } from './types';

/** GitLab's five severities (info, minor, major, critical, blocker) for our four. */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical'> = { hint: 'info', information: 'minor', warning: 'major', error: 'critical' };

/**
 * GitLab's Code Quality report (`artifacts: reports: codequality`), a subset of the Code Climate
 * issue format: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format.
 * The fingerprint identifies a finding across pipelines (GitLab compares the merge request's
 * report with the target branch's by fingerprint): an MD5 of file, rule, range and message.
 * Written file by file (stream.ts).
 */
export const gitlabWriter: WriterFactory = (ctx, out) => {
  const array = new JsonArrayWriter(out, '');
  return {
    file(file) {
      for (const f of file.findings) {
        const r = rangeOf(file, f);
        const description = render(f.message, ctx.locale);
        const key = [file.display, f.rule, r.start.line, r.start.character, r.end.line, r.end.character, description].join('\0');
        array.item({
          type: 'issue',
          description,
          check_name: f.rule,
          fingerprint: createHash('md5').update(key).digest('hex'),
          severity: SEVERITY[f.severity],
          location: { path: file.display, lines: { begin: r.start.line + 1, end: r.end.line + 1 } },
        });
      }
    },
    end() {
      array.end();
      out('\n');
    },
  };
};

export function formatGitlab(files: readonly CheckedFile[], ctx: FormatContext): string {
  return wholeReport(gitlabWriter, files, ctx);
}
