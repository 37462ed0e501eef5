/**
 * cloe.config.yaml, the one configuration of the editor and CI:
 *
 *   rules:            # severity per rule id: off | hint | information | warning | error
 *     threshold-defaulted: off
 *   grid:             # grid files whose `professions:` extend the built-in grid (relative paths)
 *     - grids/metiers-locaux.cloe.yaml
 *   files:            # more grid files, beyond *.cloe.yaml and *.cloe.yml (globs, relative)
 *     - cohorts/**\/*.yaml
 *
 * Parsing is pure (text in, config and findings out); reading files is the Node edge's job
 * (server/src/node/config-loader.ts), shared by the CLI and the server.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node as YNode } from 'yaml';
import type { Finding, Severity } from './findings';
import { msg } from './messages';
import { nearest } from './normalize';
import { RULES } from './rules/index';
import type { SeverityOverride } from './check';
import type { Span } from './text';

export const CONFIG_FILE_NAMES = ['cloe.config.yaml', 'cloe.config.yml'];
const SEVERITY_VALUES: readonly SeverityOverride[] = ['off', 'hint', 'information', 'warning', 'error'];

export interface ParsedConfig {
  rules: Record<string, SeverityOverride>;
  grid: { path: string; span: Span }[];
  files: string[];
  findings: Finding[];
}

function span(node: YNode | null | undefined): Span {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

function finding(s: Span, message: Finding['message'], severity: Severity = 'error'): Finding {
  return { rule: 'invalid-config', severity, span: s, message };
}

export function parseConfig(text: string): ParsedConfig {
  const out: ParsedConfig = { rules: {}, grid: [], files: [], findings: [] };
  const doc = parseDocument(text, { prettyErrors: false });
  for (const e of doc.errors) out.findings.push(finding({ start: e.pos[0], end: Math.max(e.pos[0] + 1, e.pos[1]) }, msg('invalid-config.yaml', { detail: e.message })));
  const root = doc.contents as YNode | null;
  if (!root) return out;
  if (!isMap(root)) {
    out.findings.push(finding(span(root), msg('invalid-config.type', { key: 'cloe.config.yaml', expected: msg('type.map') })));
    return out;
  }
  const ruleIds = RULES.map((r) => r.id);
  for (const pair of root.items) {
    const keyNode = pair.key as YNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as YNode | null;
    if (key === 'rules') {
      if (value === null || (isScalar(value) && value.value === null)) continue;
      if (!isMap(value)) {
        out.findings.push(finding(span(value), msg('invalid-config.type', { key, expected: msg('config.expected.rules') })));
        continue;
      }
      for (const r of value.items) {
        const idNode = r.key as YNode | null;
        const id = isScalar(idNode) ? String(idNode.value) : '';
        const sevNode = r.value as YNode | null;
        const sev = isScalar(sevNode) ? String(sevNode.value) : '';
        if (!ruleIds.includes(id)) {
          const [suggestion] = nearest(id, ruleIds, 1);
          out.findings.push(finding(span(idNode), suggestion ? msg('invalid-config.unknown-rule', { rule: id, suggestion }) : msg('invalid-config.unknown-rule-plain', { rule: id })));
          continue;
        }
        if (!(SEVERITY_VALUES as readonly string[]).includes(sev)) {
          out.findings.push(finding(sevNode ? span(sevNode) : span(idNode), msg('invalid-config.severity', { rule: id, value: sev })));
          continue;
        }
        out.rules[id] = sev as SeverityOverride;
      }
    } else if (key === 'grid' || key === 'files') {
      if (value === null || (isScalar(value) && value.value === null)) continue;
      const items = isSeq(value) ? value.items : isScalar(value) ? [value] : null;
      if (!items) {
        out.findings.push(finding(span(value), msg('invalid-config.type', { key, expected: msg('config.expected.list') })));
        continue;
      }
      for (const item of items as (YNode | null)[]) {
        if (!isScalar(item) || typeof item.value !== 'string' || !item.value.trim()) {
          out.findings.push(finding(span(item), msg('invalid-config.type', { key, expected: msg('config.expected.list') })));
          continue;
        }
        if (key === 'grid') out.grid.push({ path: item.value, span: span(item) });
        else out.files.push(item.value);
      }
    } else {
      out.findings.push(finding(span(keyNode), msg('invalid-config.unknown-key', { key })));
    }
  }
  return out;
}
