import type { Finding, Severity } from '../../core/findings';
import { render } from '../../core/messages';
import { RULES, docsUrl } from '../../core/rules/index';
import { JsonArrayWriter, jsonTemplate, wholeReport, type WriterFactory } from './stream';
import { type CheckedFile, type FormatContext, rangeOf } from './types';
import { REPOSITORY } from '../../core/repository';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function region(file: CheckedFile, span: { start: number; end: number }) {
  const r = rangeOf(file, { span });
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function artifactUri(file: { display: string }): string {
  // Relative paths resolve against %SRCROOT% (the working directory); absolute ones are file URIs.
  if (file.display.startsWith('/')) return 'file://' + encodeURI(file.display);
  return encodeURI(file.display);
}

const ARTIFACTS = '\u0000cloe-artifacts';
const RESULTS = '\u0000cloe-results';

/** SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) with rule metadata, locations and fixes. */
export const sarifWriter: WriterFactory = (ctx, out, plan) => {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const resultOf = (file: CheckedFile, f: Finding) => {
    const location = (span: { start: number; end: number }) => ({
      physicalLocation: { artifactLocation: { uri: artifactUri(file), uriBaseId: file.display.startsWith('/') ? undefined : '%SRCROOT%' }, region: region(file, span) },
    });
    const result: Record<string, unknown> = {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule) ?? -1,
      level: LEVEL[f.severity],
      message: { text: render(f.message, ctx.locale) },
      locations: [location(f.span)],
    };
    if (f.related?.length) {
      result.relatedLocations = f.related.map((r, id) => ({ id, ...location(r.span), message: { text: render(r.message, ctx.locale) } }));
    }
    if (f.fixes?.length) {
      result.fixes = f.fixes.map((fix) => ({
        description: { text: render(fix.title, ctx.locale) },
        artifactChanges: [
          {
            artifactLocation: { uri: artifactUri(file), uriBaseId: file.display.startsWith('/') ? undefined : '%SRCROOT%' },
            replacements: fix.edits.map((e) => ({ deletedRegion: region(file, { start: e.start, end: e.end }), insertedContent: { text: e.newText } })),
          },
        ],
      }));
    }
    return result;
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cloe-grid',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: REPOSITORY,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              helpUri: docsUrl(r.id),
              help: { text: `${r.description} See ${docsUrl(r.id)}`, markdown: `${r.description} [Documentation](${docsUrl(r.id)})` },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { tags: ['cloe'] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + encodeURI((ctx.cwd ?? process.cwd()).replace(/\/?$/, '/')) } },
        artifacts: ARTIFACTS,
        results: RESULTS,
      },
    ],
  };
  // The artifacts (known from the start) and the results (file by file) are written into their places.
  const { parts, indents } = jsonTemplate(log, [ARTIFACTS, RESULTS]);
  out(parts[0]!);
  const artifacts = new JsonArrayWriter(out, indents[0]!);
  for (const display of plan.displays) artifacts.item({ location: { uri: artifactUri({ display }), uriBaseId: display.startsWith('/') ? undefined : '%SRCROOT%' }, mimeType: 'application/yaml', encoding: 'utf-8' });
  artifacts.end();
  out(parts[1]!);
  const results = new JsonArrayWriter(out, indents[1]!);
  return {
    file(file) {
      for (const f of file.findings) results.item(resultOf(file, f));
    },
    end() {
      results.end();
      out(`${parts[2]!}\n`);
    },
  };
};

export function formatSarif(files: readonly CheckedFile[], ctx: FormatContext): string {
  return wholeReport(sarifWriter, files, ctx);
}
