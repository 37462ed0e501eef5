/**
 * Text → GridModel with the `yaml` package. Never throws: parser errors become SyntaxErrors
 * (reported by the yaml-syntax rule) and whatever part of the document parsed is still modelled.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { Document, Node as YNode } from 'yaml';
import { FORMAT, LIST_ITEM_KIND, type ObjectKind } from './format';
import type {
  Candidate,
  Cohort,
  FieldInfo,
  GridModel,
  LocalProfession,
  ObjectInfo,
  ResultField,
  TextField,
  ValueNode,
} from './model';
import { fieldOf } from './model';
import type { Span } from './text';

/** Aliases are resolved at most this deep (an alias to an alias …), so a cycle cannot hang. */
const MAX_ALIAS_DEPTH = 32;

interface Ctx {
  text: string;
  doc: Document.Parsed;
  objects: ObjectInfo[];
  badItems: GridModel['badItems'];
}

export function parseGrid(text: string): GridModel {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const syntaxErrors = doc.errors.map((e) => ({
    span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) },
    code: e.code,
    message: e.message,
  }));
  const ctx: Ctx = { text, doc, objects: [], badItems: [] };
  const model: GridModel = {
    text,
    objects: ctx.objects,
    badItems: ctx.badItems,
    professions: [],
    cohorts: [],
    candidates: [],
    syntaxErrors,
  };
  const contents = doc.contents as YNode | null;
  if (contents === null) return model;
  const rootNode = toValue(ctx, contents, 'root', 0);
  if (rootNode.kind === 'null' && (rootNode.span.end === rootNode.span.start)) return model;
  if (!rootNode.map) {
    model.rootNode = rootNode;
    return model;
  }
  const root = rootNode.map;
  model.root = root;
  model.version = fieldOf(root, 'cloe');
  model.language = textField(fieldOf(root, 'language'));

  const professions = fieldOf(root, 'professions');
  for (const [index, item] of (professions?.value.items ?? []).entries()) {
    if (!item.map) continue;
    const obj = item.map;
    const p: LocalProfession = {
      index,
      obj,
      name: textField(fieldOf(obj, 'name')),
      threshold: textField(fieldOf(obj, 'threshold')),
      aliases: [],
    };
    const aliases = fieldOf(obj, 'aliases');
    for (const a of aliases?.value.items ?? []) {
      const t = scalarText(a);
      if (t !== undefined) p.aliases.push({ value: t, span: a.span, keySpan: aliases!.keySpan, node: a });
    }
    model.professions.push(p);
  }

  const cohorts = fieldOf(root, 'cohorts');
  for (const [index, item] of (cohorts?.value.items ?? []).entries()) {
    if (!item.map) continue;
    const obj = item.map;
    const cohort: Cohort = {
      index,
      obj,
      id: textField(fieldOf(obj, 'id')),
      name: textField(fieldOf(obj, 'name')),
      partner: textField(fieldOf(obj, 'partner')),
      language: textField(fieldOf(obj, 'language')),
      session: textField(fieldOf(obj, 'session')),
      candidates: [],
    };
    const cands = fieldOf(obj, 'candidates');
    if (cands) cohort.candidatesKey = cands.keySpan;
    for (const c of cands?.value.items ?? []) {
      if (!c.map) continue;
      const candidate = buildCandidate(c.map, cohort, model.candidates.length);
      cohort.candidates.push(candidate);
      model.candidates.push(candidate);
    }
    model.cohorts.push(cohort);
  }
  return model;
}

function buildCandidate(obj: ObjectInfo, cohort: Cohort, index: number): Candidate {
  const candidate: Candidate = {
    index,
    cohort,
    obj,
    id: textField(fieldOf(obj, 'id')),
    name: textField(fieldOf(obj, 'name')),
    profession: textField(fieldOf(obj, 'profession')),
    threshold: textField(fieldOf(obj, 'threshold')),
  };
  const result = fieldOf(obj, 'result');
  if (result && result.value.kind !== 'null') {
    const r: ResultField = { node: result.value, keySpan: result.keySpan };
    if (result.value.map) {
      const m = result.value.map;
      r.written = textField(fieldOf(m, 'written'));
      r.oral = textField(fieldOf(m, 'oral'));
      r.overall = textField(fieldOf(m, 'overall'));
    } else {
      r.shorthand = textField(result);
    }
    candidate.result = r;
  }
  return candidate;
}

/** A field's scalar value as text; undefined when absent, empty (null) or not a scalar. */
function textField(f: FieldInfo | undefined): TextField | undefined {
  if (!f) return undefined;
  const t = scalarText(f.value);
  if (t === undefined) return undefined;
  return { value: t, span: f.value.span, keySpan: f.keySpan, node: f.value };
}

function scalarText(v: ValueNode): string | undefined {
  if (v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean') return v.text;
  return undefined;
}

function spanOf(node: YNode): Span {
  const r = node.range;
  if (!r) return { start: 0, end: 0 };
  return { start: r[0], end: r[1] };
}

function toValue(ctx: Ctx, node: YNode | null, kind: ObjectKind | null, depth: number, at = 0): ValueNode {
  if (node === null) return { kind: 'null', span: { start: at, end: at } };
  let target: YNode = node;
  const span = spanOf(node);
  // Follow aliases to their anchored node, boundedly; ranges stay on the alias itself.
  for (let i = 0; isAlias(target); i++) {
    if (i >= MAX_ALIAS_DEPTH) return { kind: 'other', span };
    const resolved = target.resolve(ctx.doc) as YNode | undefined;
    if (!resolved) return { kind: 'other', span };
    target = resolved;
  }
  const aliased = target !== node;
  if (isScalar(target)) return scalarValue(ctx, target, aliased ? span : undefined);
  if (depth > 64) return { kind: 'other', span };
  if (isMap(target)) {
    const obj: ObjectInfo = { kind: kind ?? 'root', span, flow: !!target.flow, fields: [] };
    for (const pair of target.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YNode | null;
      let key: string;
      let keySpan: Span;
      if (keyNode && isScalar(keyNode)) {
        key = String(keyNode.value);
        keySpan = spanOf(keyNode);
      } else if (keyNode) {
        keySpan = spanOf(keyNode);
        key = ctx.text.slice(keySpan.start, keySpan.end);
      } else {
        continue;
      }
      const spec = kind ? FORMAT[kind][key] : undefined;
      const childKind = spec?.type === 'result' ? 'result' : spec ? (LIST_ITEM_KIND[spec.type] ?? null) : null;
      const isList = spec ? LIST_ITEM_KIND[spec.type] !== undefined : false;
      const valueNode = pair.value as YNode | null;
      const value = isList
        ? toList(ctx, valueNode, childKind, depth + 1, keySpan.end)
        : toValue(ctx, valueNode, spec?.type === 'result' ? 'result' : null, depth + 1, keySpan.end);
      obj.fields.push({ key, keySpan, value });
    }
    if (kind) ctx.objects.push(obj);
    return { kind: 'map', span, flow: obj.flow, map: obj };
  }
  if (isSeq(target)) {
    return {
      kind: 'seq',
      span,
      flow: !!target.flow,
      items: target.items.map((item) => toValue(ctx, item as YNode | null, null, depth + 1, span.start)),
    };
  }
  return { kind: 'other', span };
}

function toList(ctx: Ctx, node: YNode | null, itemKind: ObjectKind | null, depth: number, at: number): ValueNode {
  if (node === null || !itemKind) return toValue(ctx, node, null, depth, at);
  let target: YNode = node;
  for (let i = 0; isAlias(target) && i < MAX_ALIAS_DEPTH; i++) {
    const resolved = target.resolve(ctx.doc) as YNode | undefined;
    if (!resolved) break;
    target = resolved;
  }
  if (!isSeq(target)) return toValue(ctx, node, null, depth, at);
  const span = spanOf(node);
  const items = target.items.map((item) => {
    const v = toValue(ctx, item as YNode | null, itemKind, depth + 1, span.start);
    if (v.kind !== 'map') ctx.badItems.push({ node: v, expected: itemKind });
    return v;
  });
  return { kind: 'seq', span, flow: !!target.flow, items };
}

function scalarValue(ctx: Ctx, node: Scalar, aliasSpan: Span | undefined): ValueNode {
  const span = aliasSpan ?? spanOf(node);
  const v = node.value;
  const style: ValueNode['style'] =
    node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE
      ? 'quoted'
      : node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL
        ? 'block'
        : 'plain';
  if (v === null || v === undefined) return { kind: 'null', span, style };
  if (typeof v === 'string') return { kind: 'string', span, text: v, style };
  const src = node.range ? ctx.text.slice(node.range[0], node.range[1]) : String(v);
  if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'number', span, text: src, style };
  if (typeof v === 'boolean') return { kind: 'boolean', span, text: src, style };
  return { kind: 'other', span, style };
}
