import { render } from '../../core/messages';
import { memorySpool, wholeReport, type WriterFactory } from './stream';
import { type CheckedFile, type FormatContext, rangeOf } from './types';

function xml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // XML 1.0 forbids most control characters, even escaped.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

/**
 * One test suite per file; each error or warning is a failed test case; a clean file is one passed
 * case. Written file by file (stream.ts): the totals open the document, so the suites wait in a spool.
 */
export const junitWriter: WriterFactory = (ctx, out, plan) => {
  const spool = (plan.spool ?? memorySpool)();
  let total = 0;
  let failures = 0;
  return {
    file(file) {
      const failing = file.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      const cases: string[] = [];
      for (const f of failing) {
        const r = rangeOf(file, f);
        const where = `${file.display}:${r.start.line + 1}:${r.start.character + 1}`;
        const message = render(f.message, ctx.locale);
        cases.push(
          `    <testcase name="${xml(`${f.rule} ${r.start.line + 1}:${r.start.character + 1}`)}" classname="${xml(file.display)}">\n` +
            `      <failure message="${xml(message)}" type="${f.severity}">${xml(`${where} ${f.severity} ${message} (${f.rule})`)}</failure>\n` +
            `    </testcase>`,
        );
      }
      if (cases.length === 0) cases.push(`    <testcase name="cloe-grid check" classname="${xml(file.display)}"/>`);
      total += cases.length;
      failures += failing.length;
      spool.append(`  <testsuite name="${xml(file.display)}" tests="${cases.length}" failures="${failing.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>\n`);
    },
    end() {
      out(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cloe-grid" tests="${total}" failures="${failures}" errors="0">\n`);
      spool.drain(out);
      // (No file at all: the empty line the whole-array layout had.)
      out(`${total === 0 ? '\n' : ''}</testsuites>\n`);
    },
  };
};

export function formatJunit(files: readonly CheckedFile[], ctx: FormatContext): string {
  return wholeReport(junitWriter, files, ctx);
}
