import { render } from '../../core/messages';
import { JsonArrayWriter, wholeReport, type WriterFactory } from './stream';
import { type CheckedFile, type FormatContext, rangeOf } from './types';

/** The contract other tools rely on: see README "JSON output". Written file by file (stream.ts). */
export const jsonWriter: WriterFactory = (ctx, out) => {
  const array = new JsonArrayWriter(out, '');
  return {
    file(file) {
      for (const f of file.findings) array.item({ file: file.display, rule: f.rule, severity: f.severity, message: render(f.message, ctx.locale), range: rangeOf(file, f) });
    },
    end() {
      array.end();
      out('\n');
    },
  };
};

export function formatJson(files: readonly CheckedFile[], ctx: FormatContext): string {
  return wholeReport(jsonWriter, files, ctx);
}
