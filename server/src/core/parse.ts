/**
 * Text → GridModel with the `yaml` package. Never throws: parser errors become SyntaxErrors
 * (reported by the yaml-syntax rule) and whatever part of the document parsed is still modelled.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit } from 'yaml';
import type { Alias, Document, Node as YNode, YAMLMap } from 'yaml';
import { LIST_ITEM_KIND, type ObjectKind, specOf } from './format';
import type { Candidate, Cohort, FieldInfo, GridModel, LocalProfession, ObjectInfo, ValueNode } from './model';
import { buildCandidate, fieldOf, listed, scalarText, textField } from './model';
import { ownString, type Span } from './text';
import { textErrors } from './text-errors';
import { fastParse, fastParseItem } from './fast-parse';
import { CandidateStore, LazyObject, lazyItem } from './lazy';

/** Aliases are resolved at most this deep (an alias to an alias …), so a cycle cannot hang. */
const MAX_ALIAS_DEPTH = 32;
/**
 * Values modelled inside aliased collections (each use of an anchor is checked where it is used),
 * at most: an "alias bomb" (billion laughs) is cut here and reported (validation-limit).
 */
export const MAX_ALIAS_NODES = 100_000;

interface Ctx {
  text: string;
  doc: Document.Parsed;
  objects: ObjectInfo[];
  badItems: GridModel['badItems'];
  /** Errors found while modelling (a merge key with no mapping). */
  errors?: GridModel['syntaxErrors'];
  /** Nesting of aliased collections being expanded, values modelled inside them, and where it stopped. */
  expanding?: number;
  expanded?: number;
  aliasRoot?: Span;
  aliasLimit?: Span;
  anchors?: Map<Alias, YNode | undefined>;
}

/**
 * The model of a grid file: by the fast parser when the text is in its subset (nearly every real
 * file), else by the `yaml` package. Both give the same model (a differential test checks it).
 */
export function parseGrid(text: string, lazy: boolean | { keep: number } = false): GridModel {
  const extra = textErrors(text);
  const store = lazy ? new CandidateStore(typeof lazy === 'object' ? lazy.keep : undefined) : undefined;
  const fast = extra.length === 0 ? fastParse(text, store ? (item) => lazyItem(item, store) : undefined) : undefined;
  if (fast) {
    const model = buildModel(text, fast.root, fast.objects, fast.badItems, []);
    if (store) {
      store.model = model;
      model.settle = () => store.settle();
    }
    return model;
  }
  return parseWithYaml(text, extra);
}

/** The model by the `yaml` package: all of YAML, syntax errors reported precisely. */
export function parseWithYaml(text: string, extra = textErrors(text)): GridModel {
  // merge: `<<` merge keys are resolved (yaml.org/type/merge.html), as most YAML tools do.
  // Conflict markers are reported as such; the parser reads them as blank lines (offsets kept),
  // so that what lies between them is read too, rather than puzzled over.
  let parsed = text;
  for (const e of extra) if (e.code === 'CONFLICT_MARKER') parsed = parsed.slice(0, e.span.start) + ' '.repeat(e.span.end - e.span.start) + parsed.slice(e.span.end);
  const doc = parseDocument(parsed, { prettyErrors: false, uniqueKeys: true, merge: true });
  // (The parser may point one past the end, at a missing closing quote: spans stay in the text.)
  const clamp = (o: number) => Math.min(Math.max(0, o), text.length);
  const syntaxErrors: GridModel['syntaxErrors'] = doc.errors.map((e) => ({
    span: { start: clamp(e.pos[0]), end: clamp(Math.max(e.pos[1], e.pos[0])) },
    code: e.code,
    message: e.message,
  }));
  syntaxErrors.push(...extra);
  syntaxErrors.sort((a, b) => a.span.start - b.span.start);
  // A parser that gives up (nesting too deep) repeats the same error hundreds of times: keep one.
  const seen = new Set<string>();
  const once = (e: { span: Span; code: string; message: string }) => {
    const key = e.code === 'RESOURCE_EXHAUSTION' ? e.code : `${e.span.start} ${e.span.end} ${e.message}`;
    return !seen.has(key) && !!seen.add(key);
  };
  syntaxErrors.splice(0, syntaxErrors.length, ...syntaxErrors.filter(once));
  const ctx: Ctx = { text, doc, objects: [], badItems: [], errors: syntaxErrors, expanding: 0, expanded: 0 };
  const contents = doc.contents as YNode | null;
  const rootNode = contents === null ? undefined : toValue(ctx, contents, 'root', 0);
  const model = buildModel(text, rootNode, ctx.objects, ctx.badItems, syntaxErrors);
  if (ctx.aliasLimit) model.aliasLimit = ctx.aliasLimit;
  return model;
}

/** The model around a root value: the version, the local professions, the cohorts and their candidates. */
function buildModel(text: string, rootNode: ValueNode | undefined, objects: ObjectInfo[], badItems: GridModel['badItems'], syntaxErrors: GridModel['syntaxErrors']): GridModel {
  const model: GridModel = { text, objects, badItems, professions: [], cohorts: [], candidates: [], syntaxErrors };
  if (!rootNode) return model;
  if (rootNode.kind === 'null' && rootNode.span.end === rootNode.span.start) return model;
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
      let candidate: Candidate;
      if (c.map instanceof LazyObject) {
        // (Its own candidate: see lazy.ts.)
        candidate = c.map;
        candidate.index = model.candidates.length;
        candidate.cohort = cohort;
      } else candidate = buildCandidate(c.map, cohort, model.candidates.length);
      cohort.candidates.push(candidate);
      model.candidates.push(candidate);
    }
    model.cohorts.push(cohort);
  }
  return model;
}

/**
 * Parses one candidate list item on its own (`      - id: …` and its lines), for incremental
 * validation. Undefined unless it is exactly one mapping item that parses without any error.
 * Spans are relative to the region's text.
 */
export function parseCandidateRegion(text: string): { node: ValueNode; objects: ObjectInfo[] } | undefined {
  // A copy: what is read from it is kept after later edits, and must not keep the document alive.
  const region = ownString(text);
  const fast = fastParseItem(region, 'candidate');
  if (fast) return fast;
  const doc = parseDocument(region, { prettyErrors: false, uniqueKeys: true, merge: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  const root = doc.contents as YNode | null;
  if (!root || !isSeq(root) || root.items.length !== 1) return undefined;
  const ctx: Ctx = { text: region, doc, objects: [], badItems: [] };
  const item = toValue(ctx, root.items[0] as YNode | null, 'candidate', 3, 0);
  if (!item.map || ctx.badItems.length > 0) return undefined;
  return { node: item, objects: ctx.objects };
}

export { buildCandidate };

function spanOf(node: YNode): Span {
  const r = node.range;
  if (!r) return { start: 0, end: 0 };
  return { start: r[0], end: isCollection(node) && !node.flow ? contentEnd(node) : r[1] };
}

/**
 * Where a block collection's content ends: at the end of its last value, recursively. (The `yaml`
 * package's ranges run on to the next token, over line breaks and comments; spans of the model
 * stop at the text a user wrote, as the fast parser's do.)
 */
function contentEnd(node: YNode): number {
  let n: YNode | null = node;
  for (let i = 0; i < 1000 && n; i++) {
    if (!isCollection(n) || n.flow || n.items.length === 0) return n.range?.[1] ?? 0;
    const last: unknown = n.items[n.items.length - 1];
    if (isPair(last)) {
      const v = (last.value ?? last.key) as YNode | null;
      if (!v) return n.range?.[1] ?? 0;
      n = v;
    } else n = last as YNode | null;
  }
  return node.range?.[1] ?? 0;
}

function toValue(ctx: Ctx, node: YNode | null, kind: ObjectKind | null, depth: number, at = 0): ValueNode {
  if (node === null) return { kind: 'null', span: { start: at, end: at } };
  let target: YNode = node;
  const span = spanOf(node);
  // Follow aliases to their anchored node, boundedly; ranges stay on the alias itself.
  for (let i = 0; isAlias(target); i++) {
    if (i >= MAX_ALIAS_DEPTH) return { kind: 'other', span };
    const resolved = anchored(ctx, target);
    if (!resolved) return { kind: 'other', span };
    target = resolved;
  }
  const aliased = target !== node;
  if (isScalar(target)) return expand(ctx, false, span, () => scalarValue(ctx, target, aliased ? span : undefined));
  if (depth > 64) return { kind: 'other', span };
  return expand(ctx, aliased, span, () => {
    if (isMap(target)) {
      const obj: ObjectInfo = { kind: kind ?? 'root', span, flow: !!target.flow, fields: fieldsOf(ctx, target, kind, depth) };
      if (kind && listed(kind)) ctx.objects.push(obj);
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
  });
}

/**
 * Models a value; inside an aliased collection, within the budget of MAX_ALIAS_NODES (counting
 * every value modelled while an alias is expanded). Past it: a value of another kind, and the
 * outermost alias being expanded is where the model says validation stopped.
 */
function expand(ctx: Ctx, aliased: boolean, span: Span, build: () => ValueNode): ValueNode {
  const expanding = ctx.expanding ?? 0;
  if (!aliased && expanding === 0) return build();
  if (expanding === 0) ctx.aliasRoot = span;
  ctx.expanded = (ctx.expanded ?? 0) + 1;
  if (ctx.expanded > MAX_ALIAS_NODES) {
    ctx.aliasLimit ??= ctx.aliasRoot ?? span;
    return { kind: 'other', span };
  }
  ctx.expanding = expanding + (aliased ? 1 : 0);
  try {
    return build();
  } finally {
    ctx.expanding = expanding;
  }
}

/** The fields of a mapping, `<<` merge keys resolved: its own keys first, then merged ones it lacks. */
function fieldsOf(ctx: Ctx, map: YAMLMap, kind: ObjectKind | null, depth: number): FieldInfo[] {
  const fields: FieldInfo[] = [];
  const merges: YNode[] = [];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as YNode | null;
    let key: string;
    let keySpan: Span;
    if (keyNode && isScalar(keyNode)) {
      if (typeof keyNode.value === 'symbol') {
        // `<<: *defaults` (the parser reads a plain `<<` key as a merge key).
        if (pair.value) merges.push(pair.value as YNode);
        continue;
      }
      key = ownString(String(keyNode.value));
      keySpan = spanOf(keyNode);
    } else if (keyNode) {
      keySpan = spanOf(keyNode);
      key = ownString(ctx.text.slice(keySpan.start, keySpan.end));
    } else {
      continue;
    }
    const spec = kind ? specOf(kind, key) : undefined;
    const childKind = spec?.type === 'result' ? 'result' : spec ? (LIST_ITEM_KIND[spec.type] ?? null) : null;
    const isList = spec ? LIST_ITEM_KIND[spec.type] !== undefined : false;
    const valueNode = pair.value as YNode | null;
    const value = isList
      ? toList(ctx, valueNode, childKind, depth + 1, keySpan.end)
      : toValue(ctx, valueNode, spec?.type === 'result' ? 'result' : null, depth + 1, keySpan.end);
    fields.push({ key, keySpan, value });
  }
  // A merge value is a mapping (or an alias of one), or a list of them: earlier ones win.
  for (const m of merges) {
    const resolved = resolveAlias(ctx, m);
    const sources = isSeq(resolved) ? resolved.items.map((i) => resolveAlias(ctx, i as YNode)) : [resolved];
    for (const source of sources) {
      if (!isMap(source)) {
        // (An alias left unresolved has no anchor: reported as such.)
        if (!isAlias(source)) ctx.errors?.push({ span: spanOf(m), code: 'BAD_MERGE', message: 'Merge sources must be maps or map aliases' });
        continue;
      }
      if (depth > 64) continue;
      const merged = expand(ctx, true, spanOf(m), () => ({ kind: 'map', span: spanOf(m), map: { kind: kind ?? 'root', span: spanOf(m), flow: false, fields: fieldsOf(ctx, source, kind, depth + 1) } }));
      for (const f of merged.map?.fields ?? []) if (!fields.some((x) => x.key === f.key)) fields.push(f);
    }
  }
  return fields;
}

/**
 * The node an alias stands for: the last node anchored with its name before it. Computed for all
 * aliases in one walk (Alias.resolve walks the whole document at each call: quadratic).
 */
function anchored(ctx: Ctx, alias: Alias): YNode | undefined {
  if (!ctx.anchors) {
    const anchors = new Map<Alias, YNode | undefined>();
    const last = new Map<string, YNode>();
    visit(ctx.doc, {
      Node: (_key, node) => {
        if (isAlias(node)) {
          anchors.set(node, last.get(node.source));
          // The parser lets an alias with no anchor through (only converting to JS fails).
          if (!last.has(node.source)) ctx.errors?.push({ span: spanOf(node), code: 'UNKNOWN_ANCHOR', message: node.source });
        } else if (node.anchor) last.set(node.anchor, node);
      },
    });
    ctx.anchors = anchors;
  }
  return ctx.anchors.has(alias) ? ctx.anchors.get(alias) : (alias.resolve(ctx.doc) as YNode | undefined);
}

function resolveAlias(ctx: Ctx, node: YNode): YNode {
  let target = node;
  for (let i = 0; isAlias(target) && i < MAX_ALIAS_DEPTH; i++) {
    const resolved = anchored(ctx, target);
    if (!resolved) break;
    target = resolved;
  }
  return target;
}

function toList(ctx: Ctx, node: YNode | null, itemKind: ObjectKind | null, depth: number, at: number): ValueNode {
  if (node === null || !itemKind) return toValue(ctx, node, null, depth, at);
  const target = resolveAlias(ctx, node);
  if (!isSeq(target)) return toValue(ctx, node, null, depth, at);
  const span = spanOf(node);
  return expand(ctx, target !== node, span, () => {
    const items = target.items.map((item) => {
      const v = toValue(ctx, item as YNode | null, itemKind, depth + 1, span.start);
      if (v.kind !== 'map') ctx.badItems.push({ node: v, expected: itemKind });
      return v;
    });
    return { kind: 'seq', span, flow: !!target.flow, items };
  });
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
  // (Copies: the yaml package's strings are views into the document, and the model outlives edits.)
  if (typeof v === 'string') return { kind: 'string', span, text: ownString(v), style };
  const src = ownString(node.range ? ctx.text.slice(node.range[0], node.range[1]) : String(v));
  if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'number', span, text: src, style };
  if (typeof v === 'boolean') return { kind: 'boolean', span, text: src, style };
  return { kind: 'other', span, style };
}
