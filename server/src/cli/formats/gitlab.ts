import { createHash } from 'node:crypto';
import type { Severity } from '../../core/findings';
import { render } from '../../core/messages';
import { type CheckedFile, type FormatContext, rangeOf } from './types';

/** GitLab's five severities (info, minor, major, critical, blocker) for our four. */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical'> = { hint: 'info', information: 'minor', warning: 'major', error: 'critical' };

/**
 * GitLab's Code Quality report (`artifacts: reports: codequality`), a subset of the Code Climate
 * issue format: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format.
 * The fingerprint identifies a finding across pipelines (GitLab compares the merge request's
 * report with the target branch's by fingerprint): an MD5 of file, rule, range and message.
 */
export function formatGitlab(files: readonly CheckedFile[], ctx: FormatContext): string {
  const out = files.flatMap((file) =>
    file.findings.map((f) => {
      const r = rangeOf(file, f);
      const description = render(f.message, ctx.locale);
      const key = [file.display, f.rule, r.start.line, r.start.character, r.end.line, r.end.character, description].join('\0');
      return {
        type: 'issue',
        description,
        check_name: f.rule,
        fingerprint: createHash('md5').update(key).digest('hex'),
        severity: SEVERITY[f.severity],
        location: { path: file.display, lines: { begin: r.start.line + 1, end: r.end.line + 1 } },
      };
    }),
  );
  return JSON.stringify(out, null, 2) + '\n';
}
