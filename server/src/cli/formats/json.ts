import { render } from '../../core/messages';
import { type CheckedFile, type FormatContext, rangeOf } from './types';

/** The contract other tools rely on: see README "JSON output". */
export function formatJson(files: readonly CheckedFile[], ctx: FormatContext): string {
  const out = files.flatMap((file) =>
    file.findings.map((f) => ({
      file: file.display,
      rule: f.rule,
      severity: f.severity,
      message: render(f.message, ctx.locale),
      range: rangeOf(file, f),
    })),
  );
  return JSON.stringify(out, null, 2) + '\n';
}
