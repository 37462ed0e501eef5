/**
 * The JSON Schema of grid files (schemas/cloe.schema.json), used on its own by other tools
 * (redhat's YAML extension, ajv): it compiles in strict mode, accepts the valid samples, rejects
 * each wrong shape with the expected keyword at the expected place, and cannot drift from the
 * format description (server/src/core/format.ts) nor from the built-in grid (grid-data.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { FORMAT, LANGUAGES, type FieldType, type ObjectKind } from '../server/src/core/format';
import { GRID_PROFESSIONS } from '../server/src/core/grid-data';
import { LEVEL_CODES, parseLevel } from '../server/src/core/levels';

/** The repository root (this file runs from out/test). */
const root = path.resolve(__dirname, '..', '..');
const SCHEMA_PATH = path.join(root, 'schemas', 'cloe.schema.json');

// ajv-formats is CommonJS with `exports.default`: under module nodenext its default import is the
// module object, whose `default` is the plugin (at run time both are the same function).
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

function loadSchema(): Json {
  return JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
}

/**
 * Ajv in strict mode, with the editor-only annotation keywords redhat's YAML extension reads
 * declared explicitly: a misspelt keyword in the schema still fails to compile.
 */
function makeAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'defaultSnippets', schemaType: 'array' });
  ajv.addKeyword({ keyword: 'enumDescriptions', schemaType: 'array' });
  ajv.addKeyword({ keyword: 'markdownEnumDescriptions', schemaType: 'array' });
  ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
  return ajv;
}

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  compiled ??= makeAjv().compile(loadSchema());
  return compiled;
}

function validate(doc: unknown): ErrorObject[] {
  const v = validator();
  return v(doc) ? [] : [...(v.errors ?? [])];
}

function show(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.keyword} (${e.schemaPath}) ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}

/** The valid samples: the top level of samples/ only (samples/invalid/ holds the broken ones). */
function validSamples(): string[] {
  return readdirSync(path.join(root, 'samples'), { withFileTypes: true })
    .filter((e) => e.isFile() && /\.cloe\.ya?ml$/.test(e.name))
    .map((e) => path.join(root, 'samples', e.name))
    .sort();
}

/** A small valid grid file, as parsed YAML; each invalid case breaks one thing in a copy. */
function base(): Json {
  return parse(`
cloe: 1
language: en
professions:
  - name: Analyste de données
    threshold: B2
    aliases: [Data analyst]
cohorts:
  - id: acme-2026-03
    name: Acme — printemps 2026
    partner: Acme Formation
    language: de
    session: 2026-03-15
    candidates:
      - id: ACME-001
        name: Jeanne Dupont
        profession: Chef de projet
        threshold: B2
        result: B1+
      - id: ACME-002
        name: Karim Benali
        profession: Ingénieur
        result: { written: B2, oral: B1+, overall: B2 }
`);
}

/** The schema of each kind of mapping of FORMAT. */
function objectSchemas(schema: Json): Record<ObjectKind, Json> {
  const defs = schema.definitions;
  const perSkill = (defs.result.anyOf as Json[]).find((s) => s.type === 'object');
  assert.ok(perSkill, 'definitions.result has an object branch');
  return { root: schema, profession: defs.profession, cohort: defs.cohort, candidate: defs.candidate, result: perSkill };
}

/** The $ref a property uses, written either as `$ref` or as `allOf: [{ $ref }]` (documented use). */
function refOf(prop: Json): string | undefined {
  if (typeof prop.$ref === 'string') return prop.$ref;
  if (Array.isArray(prop.allOf) && prop.allOf.length === 1) return prop.allOf[0].$ref;
  return undefined;
}

test('the schema is draft-07 JSON with an $id', () => {
  const schema = loadSchema();
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.match(schema.$id, /^https:\/\/.+\/schemas\/cloe\.schema\.json$/);
  assert.equal(schema.type, 'object');
});

test('the schema compiles with ajv in strict mode (with ajv-formats)', () => {
  assert.doesNotThrow(() => makeAjv().compile(loadSchema()));
  // The strictness is real: an unknown keyword is refused.
  const typo = loadSchema();
  typo.definitions.level.enumDescription = [];
  assert.throws(() => makeAjv().compile(typo), /unknown keyword/);
});

test('every valid sample validates against the schema', () => {
  const samples = validSamples();
  assert.ok(samples.length > 0, 'no valid sample in samples/ (*.cloe.yaml, *.cloe.yml)');
  for (const file of samples) {
    const doc: unknown = parse(readFileSync(file, 'utf8'));
    const errors = validate(doc);
    assert.deepEqual(errors, [], `${path.relative(root, file)}:\n${show(errors)}`);
  }
});

test('the base document of the invalid cases is valid', () => {
  assert.deepEqual(validate(base()), []);
});

test('valid variants are accepted', () => {
  const cases: { name: string; edit: (d: Json) => void }[] = [
    { name: 'minimal file', edit: (d) => { for (const k of Object.keys(d)) if (k !== 'cloe') delete d[k]; } },
    { name: 'integer candidate id', edit: (d) => { d.cohorts[0].candidates[0].id = 42; } },
    { name: 'integer cohort id', edit: (d) => { d.cohorts[0].id = 2026; } },
    { name: 'threshold C2', edit: (d) => { d.cohorts[0].candidates[0].threshold = 'C2'; } },
    { name: 'local profession threshold C2', edit: (d) => { d.professions[0].threshold = 'C2'; } },
    { name: 'result C2-', edit: (d) => { d.cohorts[0].candidates[0].result = 'C2-'; } },
    { name: 'result A1-', edit: (d) => { d.cohorts[0].candidates[0].result = 'A1-'; } },
    { name: 'result written/oral only', edit: (d) => { d.cohorts[0].candidates[1].result = { written: 'C1', oral: 'B2+' }; } },
    { name: 'pending candidate (no result, no threshold)', edit: (d) => { delete d.cohorts[0].candidates[0].result; delete d.cohorts[0].candidates[0].threshold; } },
    { name: 'candidate without profession', edit: (d) => { delete d.cohorts[0].candidates[0].profession; } },
    { name: 'profession not in the grid (only a warning for the checker)', edit: (d) => { d.cohorts[0].candidates[0].profession = 'Astronaute'; } },
    { name: 'cohort with only an id', edit: (d) => { d.cohorts[0] = { id: 'x' }; } },
    { name: 'empty candidates', edit: (d) => { d.cohorts[0].candidates = []; } },
    { name: 'leap day', edit: (d) => { d.cohorts[0].session = '2028-02-29'; } },
  ];
  for (const lang of LANGUAGES) {
    cases.push({ name: `language ${lang}`, edit: (d) => { d.language = lang; d.cohorts[0].language = lang; } });
  }
  for (const c of cases) {
    const doc = base();
    c.edit(doc);
    const errors = validate(doc);
    assert.deepEqual(errors, [], `${c.name}:\n${show(errors)}`);
  }
});

interface InvalidCase {
  name: string;
  /** Breaks the base document in place, or returns a document to use instead. */
  edit: (d: Json) => Json;
  keyword: string;
  instancePath: string;
  params?: Record<string, unknown>;
  /** Where all the errors must be (default: instancePath); an alternative of anyOf fails at its parent. */
  scope?: string;
}

const CAND = '/cohorts/0/candidates/0';

const INVALID: InvalidCase[] = [
  { name: 'missing cloe', edit: (d) => { delete d.cloe; }, keyword: 'required', instancePath: '', params: { missingProperty: 'cloe' } },
  { name: 'cloe: 2', edit: (d) => { d.cloe = 2; }, keyword: 'const', instancePath: '/cloe', params: { allowedValue: 1 } },
  { name: 'cloe: "1" (a text)', edit: (d) => { d.cloe = '1'; }, keyword: 'const', instancePath: '/cloe' },
  { name: 'unknown key at the root', edit: (d) => { d.cohort = []; }, keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'cohort' } },
  { name: 'unknown key in a candidate', edit: (d) => { d.cohorts[0].candidates[0].thresold = 'C1'; }, keyword: 'additionalProperties', instancePath: CAND, params: { additionalProperty: 'thresold' } },
  { name: 'unknown key in a cohort', edit: (d) => { d.cohorts[0].parnter = 'x'; }, keyword: 'additionalProperties', instancePath: '/cohorts/0', params: { additionalProperty: 'parnter' } },
  { name: 'unknown key in a local profession', edit: (d) => { d.professions[0].alias = ['x']; }, keyword: 'additionalProperties', instancePath: '/professions/0', params: { additionalProperty: 'alias' } },
  { name: 'unknown key in a result', edit: (d) => { d.cohorts[0].candidates[1].result.global = 'B2'; }, keyword: 'additionalProperties', instancePath: '/cohorts/0/candidates/1/result', params: { additionalProperty: 'global' } },
  { name: 'candidate without id', edit: (d) => { delete d.cohorts[0].candidates[0].id; }, keyword: 'required', instancePath: CAND, params: { missingProperty: 'id' } },
  { name: 'candidate without name', edit: (d) => { delete d.cohorts[0].candidates[0].name; }, keyword: 'required', instancePath: CAND, params: { missingProperty: 'name' } },
  { name: 'cohort without id', edit: (d) => { delete d.cohorts[0].id; }, keyword: 'required', instancePath: '/cohorts/0', params: { missingProperty: 'id' } },
  { name: 'candidate id as a list', edit: (d) => { d.cohorts[0].candidates[0].id = ['x']; }, keyword: 'type', instancePath: `${CAND}/id` },
  { name: 'result as a list', edit: (d) => { d.cohorts[0].candidates[0].result = ['B1', 'B2']; }, keyword: 'anyOf', instancePath: `${CAND}/result` },
  { name: 'result level B3', edit: (d) => { d.cohorts[0].candidates[0].result = 'B3'; }, keyword: 'enum', instancePath: `${CAND}/result` },
  { name: 'written level B3', edit: (d) => { d.cohorts[0].candidates[1].result.written = 'B3'; }, keyword: 'enum', instancePath: '/cohorts/0/candidates/1/result/written', scope: '/cohorts/0/candidates/1/result' },
  { name: 'level in lower case (b2)', edit: (d) => { d.cohorts[0].candidates[0].result = 'b2'; }, keyword: 'enum', instancePath: `${CAND}/result` },
  { name: 'threshold B1+ (a sub-level)', edit: (d) => { d.cohorts[0].candidates[0].threshold = 'B1+'; }, keyword: 'enum', instancePath: `${CAND}/threshold` },
  { name: 'threshold A1 (below the target)', edit: (d) => { d.cohorts[0].candidates[0].threshold = 'A1'; }, keyword: 'enum', instancePath: `${CAND}/threshold` },
  { name: 'local profession threshold C1-', edit: (d) => { d.professions[0].threshold = 'C1-'; }, keyword: 'enum', instancePath: '/professions/0/threshold' },
  { name: 'language english', edit: (d) => { d.language = 'english'; }, keyword: 'enum', instancePath: '/language' },
  { name: 'cohort language EN', edit: (d) => { d.cohorts[0].language = 'EN'; }, keyword: 'enum', instancePath: '/cohorts/0/language' },
  { name: 'date 15/03/2026', edit: (d) => { d.cohorts[0].session = '15/03/2026'; }, keyword: 'pattern', instancePath: '/cohorts/0/session' },
  { name: 'date 2026-02-30 (not a real day)', edit: (d) => { d.cohorts[0].session = '2026-02-30'; }, keyword: 'format', instancePath: '/cohorts/0/session', params: { format: 'date' } },
  { name: 'candidates not an array', edit: (d) => { d.cohorts[0].candidates = 'none'; }, keyword: 'type', instancePath: '/cohorts/0/candidates', params: { type: 'array' } },
  { name: 'cohorts not an array', edit: (d) => { d.cohorts = { id: 'x' }; }, keyword: 'type', instancePath: '/cohorts', params: { type: 'array' } },
  { name: 'aliases not a list of texts', edit: (d) => { d.professions[0].aliases = [{ name: 'x' }]; }, keyword: 'type', instancePath: '/professions/0/aliases/0', params: { type: 'string' } },
  { name: 'profession without threshold', edit: (d) => { delete d.professions[0].threshold; }, keyword: 'required', instancePath: '/professions/0', params: { missingProperty: 'threshold' } },
  { name: 'profession without name', edit: (d) => { delete d.professions[0].name; }, keyword: 'required', instancePath: '/professions/0', params: { missingProperty: 'name' } },
  { name: 'root is a list', edit: () => ['cloe: 1'], keyword: 'type', instancePath: '', params: { type: 'object' } },
  { name: 'empty file (null)', edit: () => null, keyword: 'type', instancePath: '', params: { type: 'object' } },
];

for (const c of INVALID) {
  test(`invalid: ${c.name} → ${c.keyword} at ${c.instancePath || '/'}`, () => {
    const original = base();
    const replaced: Json = c.edit(original);
    const errors = validate(replaced === undefined ? original : replaced);
    const hit = errors.find(
      (e) =>
        e.keyword === c.keyword &&
        e.instancePath === c.instancePath &&
        Object.entries(c.params ?? {}).every(([k, v]) => (e.params as Record<string, unknown>)[k] === v),
    );
    assert.ok(hit, `expected ${c.keyword} at "${c.instancePath}" ${JSON.stringify(c.params ?? {})}, got:\n${show(errors)}`);
    // The errors stay where the breakage is: nothing is reported elsewhere in the file.
    const scope = c.scope ?? c.instancePath;
    for (const e of errors) {
      assert.ok(
        e.instancePath === scope || e.instancePath.startsWith(`${scope}/`),
        `unexpected error outside ${scope || '/'}:\n${show([e])}`,
      );
    }
  });
}

test('the schema has the keys and required fields of FORMAT (format.ts)', () => {
  const schemas = objectSchemas(loadSchema());
  for (const kind of Object.keys(FORMAT) as ObjectKind[]) {
    const s = schemas[kind];
    const spec = FORMAT[kind];
    assert.deepEqual(Object.keys(s.properties).sort(), Object.keys(spec).sort(), `keys of ${kind}`);
    const required = Object.keys(spec).filter((k) => spec[k]?.required).sort();
    assert.deepEqual([...((s.required as string[] | undefined) ?? [])].sort(), required, `required fields of ${kind}`);
    assert.equal(s.additionalProperties, false, `${kind} refuses unknown keys`);
  }
});

test('the schema gives each field the type FORMAT gives it', () => {
  const schemas = objectSchemas(loadSchema());
  const listOf: Partial<Record<FieldType, string>> = {
    'profession-list': '#/definitions/profession',
    'cohort-list': '#/definitions/cohort',
    'candidate-list': '#/definitions/candidate',
  };
  for (const kind of Object.keys(FORMAT) as ObjectKind[]) {
    for (const [key, spec] of Object.entries(FORMAT[kind])) {
      const prop = schemas[kind].properties[key];
      const where = `${kind}.${key} (${spec.type})`;
      switch (spec.type) {
        case 'version':
          assert.equal(prop.const, 1, where);
          break;
        case 'string':
          if (key === 'id') assert.equal(refOf(prop), '#/definitions/id', where);
          else if (kind === 'candidate' && key === 'profession') assert.equal(refOf(prop), '#/definitions/professionName', where);
          else assert.equal(prop.type, 'string', where);
          break;
        case 'level':
          assert.equal(refOf(prop), key === 'threshold' ? '#/definitions/thresholdLevel' : '#/definitions/level', where);
          break;
        case 'language':
        case 'date':
        case 'result':
          assert.equal(refOf(prop), `#/definitions/${spec.type}`, where);
          break;
        case 'string-list':
          assert.equal(prop.type, 'array', where);
          assert.equal(prop.items.type, 'string', where);
          break;
        default:
          assert.equal(prop.type, 'array', where);
          assert.equal(prop.items.$ref, listOf[spec.type], where);
      }
    }
  }
});

test('every property has a title and a description', () => {
  const schemas = objectSchemas(loadSchema());
  for (const [kind, s] of Object.entries(schemas)) {
    for (const [key, prop] of Object.entries(s.properties as Record<string, Json>)) {
      assert.equal(typeof prop.title, 'string', `${kind}.${key} title`);
      assert.ok(typeof prop.description === 'string' && prop.description.length > 10, `${kind}.${key} description`);
      const doc = FORMAT[kind as ObjectKind][key]?.doc;
      if (doc) assert.ok(prop.description.includes(doc.en), `${kind}.${key} description says what format.ts says`);
    }
  }
});

test('the enums are the levels, thresholds and languages of the core', () => {
  const defs = loadSchema().definitions;
  const levels = [...LEVEL_CODES];
  assert.equal(levels.length, 17);
  assert.deepEqual(defs.level.enum, levels);
  for (const code of defs.level.enum as string[]) assert.equal(parseLevel(code)?.code, code);
  assert.deepEqual(defs.thresholdLevel.enum, ['A2', 'B1', 'B2', 'C1', 'C2']);
  assert.deepEqual(defs.language.enum, [...LANGUAGES]);
  for (const def of [defs.level, defs.thresholdLevel, defs.language]) {
    assert.equal(def.enumDescriptions.length, def.enum.length);
  }
  assert.equal(defs.language.markdownEnumDescriptions.length, LANGUAGES.length);
  assert.equal(defs.date.pattern, '^\\d{4}-\\d{2}-\\d{2}$');
  assert.equal(defs.date.format, 'date');
});

test('the profession examples are the names of the built-in grid, in its order', () => {
  const examples = loadSchema().definitions.professionName.examples as string[];
  for (const p of GRID_PROFESSIONS) {
    assert.ok(examples.includes(p.name), `grid profession "${p.name}" missing from definitions.professionName.examples`);
  }
  assert.deepEqual(
    examples,
    GRID_PROFESSIONS.map((p) => p.name),
    'definitions.professionName.examples must list the grid names of grid-data.ts, in order (update schemas/cloe.schema.json)',
  );
});
