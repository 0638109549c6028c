import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { sessionFileSchema, validate, type RecordKind } from '../../extension/protocol';

// schemas/session.schema.json is written by hand for tools outside Postscope; the runtime schema in
// extension/protocol/session.ts is what Postscope enforces. This test mutates every value of a sample
// session that holds every record kind and checks that both accept and refuse exactly the same files.

const read = (rel: string) => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
const jsonSchema = read('../../schemas/session.schema.json');
const sample = read('../fixtures/cli-session-sample.json');
const ajv = new Ajv2020({ allErrors: false, strict: true });
const ajvCheck = ajv.compile(jsonSchema);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Every path in `v` that leads to a value (objects and arrays included). */
const paths = (v: Json, at: Path = []): Path[] => {
  const here: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => here.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) here.push(...paths(x, [...at, k]));
  return here;
};

const edit = (root: Json, path: Path, fn: (parent: Record<string | number, Json>, key: string | number) => void): Json => {
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  fn(parent, path[path.length - 1]);
  return copy;
};

/** Values at and one past each bound in use, so a bound that differs between the two schemas shows. */
const atBounds = [32, 64, 128, 256, 512, 576, 1024, 2048, 8192].flatMap((n) => ['y'.repeat(n), 'y'.repeat(n + 1)]);
const replacements: Json[] = [null, -2, -1, 1.5, 0, 10_000, 10_001, true, 'x', ...atBounds, {}, []];

/** Every string literal the protocol's lit(...) declarations allow, read from their source. */
const protocolDir = new URL('../../extension/protocol/', import.meta.url);
const literals = [...new Set(readdirSync(protocolDir).filter((f) => f.endsWith('.ts')).flatMap((f) =>
  [...readFileSync(new URL(f, protocolDir), 'utf8').matchAll(/\blit\(([^)]*)\)/g)].flatMap((m) => [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]))))];

const agree = (value: Json, what: string) => {
  const runtime = validate(sessionFileSchema, value);
  const json = ajvCheck(value);
  assert.equal(json, runtime.ok, `${what}: JSON Schema says ${json ? 'valid' : JSON.stringify(ajvCheck.errors?.[0])}, runtime says ${runtime.ok ? 'valid' : runtime.error}`);
  return runtime.ok;
};

/** Every record kind; a new kind does not compile here until the sample and the JSON Schema have it. */
const KINDS: Record<RecordKind, true> = {
  frame: true, 'win-recv': true, 'win-send': true,
  channel: true, 'port-seen': true, 'port-state': true, 'port-send': true, 'port-recv': true,
  'listener-add': true, 'listener-remove': true, 'listener-run': true, 'listener-source': true,
};

test('the JSON Schema accepts the sample session, which holds every record kind', () => {
  assert.ok(agree(sample, 'sample'));
  const kinds = Object.keys(KINDS).sort();
  assert.deepEqual([...new Set(sample.entries.map((e: { rec: { k: string } }) => e.rec.k))].sort(), kinds);
  assert.deepEqual([...jsonSchema.$defs.record.properties.k.enum].sort(), kinds);
});

test('the JSON Schema and the runtime schema agree on every mutation of the sample', () => {
  let refused = 0;
  let total = 0;
  for (const path of paths(sample).slice(1)) {
    const where = path.join('.');
    for (const r of replacements) {
      total++;
      if (!agree(edit(sample, path, (p, k) => { p[k] = r; }), `${where} = ${JSON.stringify(r).slice(0, 20)}`)) refused++;
    }
    total += 2;
    if (!agree(edit(sample, path, (p, k) => { if (Array.isArray(p)) p.splice(Number(k), 1); else delete p[k]; }), `delete ${where}`)) refused++;
    if (!agree(edit(sample, [...path, 'extra'], (p, k) => { if (p && typeof p === 'object' && !Array.isArray(p)) p[k] = 1; }), `${where}.extra = 1`)) refused++;
  }
  // Enumerations: every literal the protocol knows, tried in every place that holds one.
  for (const path of paths(sample).slice(1)) {
    const here = path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], sample);
    if (typeof here !== 'string' || !literals.includes(here)) continue;
    for (const lit of literals) {
      total++;
      if (!agree(edit(sample, path, (p, k) => { p[k] = lit; }), `${path.join('.')} = ${lit}`)) refused++;
    }
  }
  // Both must refuse most mutations, or the comparison proves nothing.
  assert.ok(refused > total / 2, `only ${refused} of ${total} mutations were refused`);
});
