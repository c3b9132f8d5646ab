import fc from 'fast-check';

/**
 * Malformed requests generated from the OpenAPI document with fast-check (a fixed seed: the same run every
 * time). Each operation with a JSON body or query parameters gets a plausible request built from its schema
 * (`$ref` resolved into components.schemas), then one mutation per case. Two groups:
 * - `invalid`: a mutation the API must refuse whatever its handler would do (wrong type, missing or unknown
 *   field, value outside an enum, not an object, broken JSON, wrong content type, over 1 MiB, deep nesting,
 *   prototype keys, no or a forged token, a junk path id). A mutating request of this group must never
 *   succeed, and the group must write no row.
 * - `plausible`: odd but well-typed values that may reach the handler and the database (odd Unicode, NUL,
 *   100 KB strings, injection strings, invalid dates and codes, odd numbers, junk query values and cursors).
 *   It may succeed (2xx); when none of its requests did, it must have written no row either.
 */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  example?: unknown;
}

export interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  'x-roles'?: string[];
  'x-public'?: boolean;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Target {
  name: string;
  method: string;
  path: string;
  roles: string[] | null;
  body: Schema | null;
  /** A body of another type than JSON (uploads): always sent as JSON here, so always refused. */
  otherBody: boolean;
  query: Parameter[];
}

export type Group = 'invalid' | 'plausible';

export interface FuzzCase {
  target: Target;
  group: Group;
  kind: string;
  /** 'token' (an allowed role's), 'none' or 'forged'. */
  auth: 'token' | 'none' | 'forged';
  role: string | null;
  method: string;
  path: string;
  contentType?: string;
  body?: string | Buffer;
  /** Over-the-limit bodies are padded to this many bytes only when sent (they would take hundreds of MB). */
  padTo?: number;
}

const NO_SUCH_ID = '019a0000-0000-7000-8000-000000000000';

/** Follows `$ref` and one-element `allOf` wrappers (how @nestjs/swagger writes enums) to a concrete schema. */
export function resolve(schema: Schema | undefined, doc: OpenApiDoc): Schema {
  let s: Schema = schema ?? {};
  for (let i = 0; i < 20; i++) {
    if (s.$ref) s = { ...doc.components.schemas[s.$ref.replace('#/components/schemas/', '')], ...(s.example !== undefined ? { example: s.example } : {}) };
    else if (s.allOf?.length) s = { ...s.allOf.reduce((a, b) => ({ ...a, ...resolve(b, doc) }), {} as Schema), ...(s.example !== undefined ? { example: s.example } : {}) };
    else if (s.oneOf?.length || s.anyOf?.length) s = resolve((s.oneOf ?? s.anyOf)![0], doc);
    else break;
  }
  return s;
}

/** Every operation with a JSON request body or query parameters. */
export function fuzzTargets(doc: OpenApiDoc): Target[] {
  const targets: Target[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      if (!json && query.length === 0) continue;
      targets.push({
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        roles: op['x-public'] ? null : (op['x-roles'] ?? []),
        body: json ? resolve(json, doc) : null,
        otherBody: !json && Object.keys(content).length > 0,
        query,
      });
    }
  }
  return targets;
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** A well-typed value for a field, from its schema and name (never a real account's password or number). */
function plausible(schema: Schema, name: string, doc: OpenApiDoc, depth = 0): unknown {
  const s = resolve(schema, doc);
  if (s.enum?.length) return s.enum[0];
  const type = s.type ?? (s.properties ? 'object' : 'string');
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    if (depth > 4) return out;
    for (const [key, prop] of Object.entries(s.properties ?? {})) out[key] = plausible(prop, key, doc, depth + 1);
    return out;
  }
  if (type === 'array') return depth > 4 ? [] : [plausible(s.items ?? { type: 'string' }, name.replace(/s$/, ''), doc, depth + 1)];
  if (type === 'boolean') return false;
  if (type === 'number' || type === 'integer') return s.minimum !== undefined ? Math.max(s.minimum, Math.min(1, s.maximum ?? 1)) : 1;
  if (s.format === 'date') return today();
  if (s.format === 'date-time') return new Date().toISOString();
  if (/password/i.test(name)) return 'Fuzz@Pass-987';
  if (name === 'username') return 'fuzz.user';
  if (/phone/i.test(name)) return '0987000111';
  if (/idNumber/i.test(name)) return '001299000111';
  if (/Ids?$|^ids?$|Id$/.test(name)) return NO_SUCH_ID;
  if (/Code$/.test(name)) return typeof s.example === 'string' ? s.example : '02200';
  if (name === 'code' || name === 'passengerCode') return 'ABCDEFGH';
  if (name === 'email') return 'fuzz@example.org';
  return typeof s.example === 'string' ? s.example : 'Fuzz text';
}

interface Leaf {
  path: (string | number)[];
  schema: Schema;
  /** Not in its object's `required`: null and absence are valid for it. */
  optional: boolean;
}

/** The fields of a body (nested objects and array items included), each with its schema. */
function leaves(schema: Schema, value: unknown, doc: OpenApiDoc, path: (string | number)[] = [], optional = false): Leaf[] {
  const s = resolve(schema, doc);
  const out: Leaf[] = path.length ? [{ path, schema: s, optional }] : [];
  if (s.properties && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, prop] of Object.entries(s.properties)) out.push(...leaves(prop, (value as Record<string, unknown>)[key], doc, [...path, key], !(s.required ?? []).includes(key)));
  } else if (s.type === 'array' && Array.isArray(value) && value.length) {
    out.push(...leaves(s.items ?? {}, value[0], doc, [...path, 0], false));
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
  return copy;
}

function deleteAt(root: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path[path.length - 1]];
  return copy;
}

// ---- junk ----

const HUGE = 100 * 1024;
export const ODD_STRINGS = [
  '', ' ', '   ', '\u202Eevil\u202C', '\u200F\u061C\u200E', '\u200B\u200C\u200D\uFEFF', '\uD800', 'x\uDFFFy', '\uD83D', '😷🦠💉👨‍👩‍👧‍👦',
  '\u0000', 'a\u0000b', '\u0000\u0000\u0000', '\u0085\u2028\u2029', 'Ｔｅｓｔ１２３', 'e\u0301\u0301\u0301\u0301', 'Nguyễn Văn An'.normalize('NFD'),
  '\r\n\t\v\f', '\u001b[31mred\u001b[0m', 'ﷺ', '\u{10FFFF}', '\u{E0001}\u{E0020}', '𝕿𝖊𝖘𝖙', 'İıŉǰ', 'ß'.repeat(50), '\\', '"', "'", '`',
];
export const INJECTIONS = [
  "' OR '1'='1", "'; DROP TABLE users; --", '" OR ""="', "1; SELECT pg_sleep(10)--", "') UNION SELECT password_hash FROM users--", "admin'--",
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '{{7*7}}', '${7*7}', '#{7*7}', '../../../../etc/passwd',
  '..\\..\\windows\\win.ini', '%00', '%s%s%s%n', '{"$gt": ""}', 'javascript:alert(1)', '=cmd|"/c calc"!A1', '@SUM(1+1)*cmd|"/c calc"!A1', '\\x27\\x3b',
  'SELECT * FROM users WHERE 1=1', '$(reboot)', '| cat /etc/passwd', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
];
const INVALID_DATES = [
  '2026-02-30', '2026-13-01', '0000-00-00', '2026-1-1', '26-01-01', '2026/01/01', '01/02/2026', '9999-99-99', '2025-02-29', '+275760-09-13',
  '-000001-01-01', '1900-01-01', '2999-12-31', 'yesterday', 'today', '2026-01-01T25:61:61Z', 'NaN', '1e10', '2026-W01', '٢٠٢٦-٠١-٠١', '2026-01-01\u0000',
  '', '2026-00-10', '1969-12-31T23:59:59.999Z', '2026-01-01T00:00:00+25:00', '10000-01-01', '2026-01-32',
];
const INVALID_CODES = ['99999', '00000', '0', '-1', 'ABC', ' 02200', '02200 ', '0220O', '022000000000', '💉', '08/../01', '%2e%2e', '*', '%', '_', 'null', 'undefined'];
const ODD_NUMBERS: unknown[] = [-1, -0, 0.5, 1.5, 1e308, -1e308, 2 ** 53 + 2, 1e-300, 99999999999, -2147483649, 2147483648];
const BROKEN_JSON = [
  '{', '{"a":', '{"a":1,}', "{'a':1}", '[1,2', 'undefined', 'NaN', '{"a":NaN}', '{"a":"\\u00"}', '{"a":1}{"b":2}', '{"a":1e999999}', ' ', '\uFEFF{}',
  '{"a":"b"', '}{', '{"a" 1}', '{a:1}', '[', '"', '{"a":\u0000}', 'tru', 'nul', '{"a":[1,2,]}', '{"a":01}', '{"a":.5}', '{"a":+1}', '{"a":0x10}',
];
const OTHER_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml', 'image/png', 'application/octet-stream', 'text/html', 'application/json; charset=utf-16', 'application/jsonx', 'application/x-json-stream'];

function wrongTypeValues(leaf: Leaf): unknown[] {
  return wrongTypes(leaf.schema).filter((v) => !(leaf.optional && v === null));
}

function wrongTypes(schema: Schema): unknown[] {
  const type = schema.enum ? 'string' : (schema.type ?? (schema.properties ? 'object' : 'string'));
  switch (type) {
    case 'string':
      return [1, 0, -1, true, false, null, [], {}, ['a'], { a: 'b' }, 1.5];
    case 'number':
    case 'integer':
      return ['1', 'abc', '', true, null, [], {}, [1], { n: 1 }];
    case 'boolean':
      return ['true', 'false', 1, 0, 'yes', null, [], {}, [true]];
    case 'array':
      return ['a', 1, true, null, {}, { 0: 'a' }, [[[[]]]], [null], [{}], [[1, 2]]];
    default:
      return ['x', 1, true, null, [], [{}], 'null'];
  }
}

const oddString = fc.oneof(
  { arbitrary: fc.constantFrom(...ODD_STRINGS), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 24 }), weight: 1 },
);
const hugeString = fc.constantFrom('a', 'é', '😷', '0', '<script>', ' ', '\u0000', 'Nguyễn ').map((unit) => unit.repeat(Math.ceil(HUGE / unit.length)));
const oddNumber = fc.oneof(fc.constantFrom(...ODD_NUMBERS), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 }));
const invalidDate = fc.oneof(
  fc.constantFrom(...INVALID_DATES),
  fc.tuple(fc.integer({ min: -9999, max: 99999 }), fc.integer({ min: -1, max: 19 }), fc.integer({ min: -1, max: 39 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const invalidCode = fc.oneof(fc.constantFrom(...INVALID_CODES), fc.stringMatching(/^[0-9]{1,12}$/));
const deepJson = fc.tuple(fc.integer({ min: 64, max: 4000 }), fc.boolean()).map(([depth, arrays]) => (arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

/** A value odd for this field, well typed where the field is a string, number or date. */
function oddValueFor(schema: Schema, name: string, kind: string): fc.Arbitrary<unknown> {
  const isDate = schema.format === 'date' || schema.format === 'date-time';
  const isNumber = schema.type === 'number' || schema.type === 'integer';
  switch (kind) {
    case 'odd-unicode':
      return isNumber ? oddNumber : oddString;
    case 'huge-string':
      return hugeString;
    case 'injection':
      return fc.constantFrom(...INJECTIONS);
    case 'invalid-date':
      return isDate ? invalidDate : fc.oneof(invalidDate, fc.constantFrom(...INJECTIONS));
    case 'invalid-code':
      return /Code$|code$|Id$|^ids?$/.test(name) ? invalidCode : oddString;
    case 'odd-number':
      return isNumber ? oddNumber : fc.oneof(oddNumber.map(String), oddString);
    default:
      return fc.anything({ maxDepth: 3 });
  }
}

const BODY_KINDS: { kind: string; group: Group; weight: number }[] = [
  { kind: 'wrong-type', group: 'invalid', weight: 4 },
  { kind: 'missing-required', group: 'invalid', weight: 2 },
  { kind: 'unknown-field', group: 'invalid', weight: 2 },
  { kind: 'enum-violation', group: 'invalid', weight: 1 },
  { kind: 'not-an-object', group: 'invalid', weight: 1 },
  { kind: 'invalid-json', group: 'invalid', weight: 2 },
  { kind: 'invalid-utf8', group: 'invalid', weight: 1 },
  { kind: 'wrong-content-type', group: 'invalid', weight: 1 },
  { kind: 'over-1-mib', group: 'invalid', weight: 0.5 },
  { kind: 'deep-nesting', group: 'invalid', weight: 1 },
  { kind: 'prototype-keys', group: 'invalid', weight: 1 },
  { kind: 'junk-path-id', group: 'invalid', weight: 1 },
  { kind: 'no-token', group: 'invalid', weight: 1 },
  { kind: 'forged-token', group: 'invalid', weight: 1 },
  { kind: 'odd-unicode', group: 'plausible', weight: 4 },
  { kind: 'huge-string', group: 'plausible', weight: 1 },
  { kind: 'injection', group: 'plausible', weight: 2 },
  { kind: 'invalid-date', group: 'plausible', weight: 2 },
  { kind: 'invalid-code', group: 'plausible', weight: 2 },
  { kind: 'odd-number', group: 'plausible', weight: 1 },
  { kind: 'nested-unknown-field', group: 'plausible', weight: 1 },
  { kind: 'junk-value', group: 'plausible', weight: 2 },
];

const QUERY_KINDS: { kind: string; group: Group; weight: number }[] = [
  { kind: 'unknown-param', group: 'invalid', weight: 2 },
  { kind: 'wrong-type', group: 'invalid', weight: 2 },
  { kind: 'enum-violation', group: 'invalid', weight: 1 },
  { kind: 'junk-path-id', group: 'invalid', weight: 1 },
  { kind: 'no-token', group: 'invalid', weight: 1 },
  { kind: 'forged-token', group: 'invalid', weight: 1 },
  { kind: 'odd-unicode', group: 'plausible', weight: 4 },
  { kind: 'bad-percent-encoding', group: 'plausible', weight: 2 },
  { kind: 'injection', group: 'plausible', weight: 2 },
  { kind: 'long-value', group: 'plausible', weight: 1 },
  { kind: 'invalid-date', group: 'plausible', weight: 2 },
  { kind: 'odd-number', group: 'plausible', weight: 2 },
  { kind: 'repeated-param', group: 'plausible', weight: 1 },
  { kind: 'empty-value', group: 'plausible', weight: 1 },
  { kind: 'junk-cursor', group: 'plausible', weight: 1 },
];

const JUNK_PATH_IDS = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1' OR '1'='1", '%00', 'a'.repeat(300), '..%2F..%2Fetc%2Fpasswd', '%F0%9F%98%B7', '%ED%A0%80', '-1', '0', '%20', 'null', '%FF%FE'];

export interface FuzzContext {
  doc: OpenApiDoc;
  seed: number;
  /** The roles the run has a token for. */
  roles: string[];
  /** Path parameters that name a real record for a role (e.g. the officer's own checkpoint). */
  pathParam(target: Target, name: string, role: string | null): string;
}

/** The body of a case as sent: over-the-limit ones padded with a string field up to `padTo` bytes. */
export function bodyOf(c: FuzzCase): string | Buffer | undefined {
  if (!c.padTo || typeof c.body !== 'string') return c.body;
  const rest = c.body.slice(1);
  return `{"padding":"${'x'.repeat(Math.max(0, c.padTo - c.body.length))}"${rest === '}' ? '' : ','}${rest}`;
}

/** Picks `count` kinds for a target, spread by weight (every applicable kind at least once). */
function kindsFor(target: Target, count: number): { kind: string; group: Group }[] {
  const table = (target.body ? BODY_KINDS : QUERY_KINDS).filter((k) => {
    if ((k.kind === 'no-token' || k.kind === 'forged-token') && !target.roles) return false;
    if (k.kind === 'junk-path-id' && !target.path.includes('{')) return false;
    if (k.kind === 'missing-required' && !(target.body?.required?.length)) return false;
    if (k.kind === 'enum-violation' && !target.body && !target.query.some((q) => q.schema && (q.schema.enum || q.schema.$ref || q.schema.allOf))) return false;
    return true;
  });
  const total = table.reduce((a, k) => a + k.weight, 0);
  const out: { kind: string; group: Group }[] = [];
  for (const k of table) for (let i = 0; i < Math.max(1, Math.floor((count * k.weight) / total)); i++) out.push({ kind: k.kind, group: k.group });
  for (let i = 0; out.length < count; i++) out.push({ kind: table[i % table.length].kind, group: table[i % table.length].group });
  return out;
}

function hash(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** `count` cases per target, deterministic for a seed. */
export function generateCases(ctx: FuzzContext, targets: Target[], count: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  targets.forEach((target) => {
    const allowed = target.roles ? target.roles.filter((r) => ctx.roles.includes(r)) : [];
    const kinds = kindsFor(target, count);
    const byKind = new Map<string, { kind: string; group: Group }[]>();
    for (const k of kinds) byKind.set(k.kind, [...(byKind.get(k.kind) ?? []), k]);
    let n = 0;
    for (const [kind, list] of byKind) {
      const seed = hash(ctx.seed, target.name, kind);
      const samples = fc.sample(caseArbitrary(ctx, target, kind), { seed, numRuns: list.length });
      for (const sample of samples) {
        const role = target.roles ? (allowed.length ? allowed[n % allowed.length] : null) : null;
        n++;
        const auth: FuzzCase['auth'] = !target.roles ? 'none' : kind === 'no-token' ? 'none' : kind === 'forged-token' ? 'forged' : 'token';
        const params: Record<string, string> = {};
        for (const [, name] of target.path.matchAll(/\{(\w+)\}/g)) params[name] = ctx.pathParam(target, name, role);
        if (kind === 'junk-path-id') {
          const first = Object.keys(params)[0];
          params[first] = sample.pathId ?? params[first];
        }
        const path = target.path.replace(/\{(\w+)\}/g, (_, name: string) => (kind === 'junk-path-id' ? params[name] : encodeURIComponent(params[name])));
        cases.push({ target, group: list[0].group, kind, auth, role: auth === 'token' ? role : null, method: target.method, path: path + (sample.query ?? ''), contentType: sample.contentType, body: sample.body, padTo: sample.padTo });
      }
    }
  });
  return cases;
}

interface Sample {
  body?: string | Buffer;
  padTo?: number;
  contentType?: string;
  query?: string;
  pathId?: string;
}

function caseArbitrary(ctx: FuzzContext, target: Target, kind: string): fc.Arbitrary<Sample> {
  return target.body ? bodyArbitrary(ctx, target, target.body, kind) : queryArbitrary(ctx, target, kind);
}

function bodyArbitrary(ctx: FuzzContext, target: Target, schema: Schema, kind: string): fc.Arbitrary<Sample> {
  const base = plausible(schema, '', ctx.doc) as Record<string, unknown>;
  const fields = leaves(schema, base, ctx.doc);
  const scalarFields = fields.filter((f) => !['object', 'array'].includes(f.schema.type ?? '') && !f.schema.properties);
  const stringFields = scalarFields.filter((f) => (f.schema.type ?? 'string') === 'string');
  const json = (value: unknown): Sample => ({ body: JSON.stringify(value), contentType: 'application/json' });
  const pick = <T>(list: T[]) => fc.nat({ max: Math.max(0, list.length - 1) }).map((i) => list[i]);
  const withUnknown = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object), fuzzUnknownField: true } : { fuzzUnknownField: value });
  const anyField = fields.length ? pick(fields) : fc.constant<Leaf>({ path: ['fuzzField'], schema: { type: 'string' }, optional: false });
  switch (kind) {
    case 'wrong-type':
      return anyField.chain((f) => fc.constantFrom(...wrongTypeValues(f)).map((v) => json(setAt(base, f.path, v))));
    case 'missing-required': {
      const required = schema.required ?? [];
      return pick(required).map((name) => json(deleteAt(base, [name])));
    }
    case 'unknown-field':
      return fc.tuple(fc.constantFrom('fuzz', 'id', 'role', 'status', 'isAdmin', 'userId', 'createdAt', 'provinceCode', 'x'.repeat(200), '😷', ''), fc.oneof(fc.anything({ maxDepth: 2 }), oddString, hugeString)).map(([k, v]) => json({ ...base, [k === '' ? 'emptyKey' : k]: v }));
    case 'enum-violation': {
      const enums = fields.filter((f) => f.schema.enum);
      if (!enums.length) return anyField.map((f) => json(setAt(base, f.path, ['NOT_IN_ANY_ENUM'])));
      return fc.tuple(pick(enums), fc.constantFrom('NOT_A_VALUE', '', 'fever', 'ADMIN', 'CITIZEN ', '*', 'ＡＤＭＩＮ', '__proto__')).map(([f, v]) => json(setAt(base, f.path, v)));
    }
    case 'not-an-object':
      return fc.constantFrom<unknown>([], [base], 'string', 0, 1, true, false, null, [[]], '').map((v) => json(v));
    case 'invalid-json':
      return fc.oneof(fc.constantFrom(...BROKEN_JSON), fc.string({ maxLength: 40 }).filter((s) => !isJson(s))).map((raw) => ({ body: raw, contentType: 'application/json' }));
    case 'invalid-utf8':
      return fc.constantFrom([0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]).map((bytes) => {
        const text = JSON.stringify(withUnknown(base));
        const at = text.indexOf('"', 2) + 1;
        return { body: Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at))]), contentType: 'application/json' };
      });
    case 'wrong-content-type':
      // The body carries an unknown field too: refused whether or not the server reads it as JSON.
      return fc.constantFrom(...OTHER_TYPES, '').map((type) => ({ body: JSON.stringify(withUnknown(base)), contentType: type || undefined }));
    case 'over-1-mib':
      return fc.constantFrom(1024 * 1024 + 1, 1100 * 1024, 2 * 1024 * 1024).map((padTo) => ({ body: JSON.stringify(base), contentType: 'application/json', padTo }));
    case 'deep-nesting':
      return fc.tuple(scalarFields.length ? pick(scalarFields) : anyField, deepJson).map(([f, deep]) => ({ body: JSON.stringify(setAt(base, f.path, '__DEEP__')).replace('"__DEEP__"', deep), contentType: 'application/json' }));
    case 'prototype-keys':
      return fc.constantFrom('{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"isAdmin":true}}}', '{"__proto__":null}', '{"__proto__":{"__proto__":{"polluted":1}}}').map((junk) => ({ body: JSON.stringify(base).replace(/^\{/, junk.slice(0, -1) + (Object.keys(base).length ? ',' : '')), contentType: 'application/json' }));
    case 'junk-path-id':
      return fc.constantFrom(...JUNK_PATH_IDS).map((pathId) => ({ ...json(withUnknown(base)), pathId }));
    case 'no-token':
    case 'forged-token':
      return fc.constant(json(base));
    case 'nested-unknown-field': {
      const objects = fields.filter((f) => f.schema.properties);
      if (!objects.length) return fc.constant(json(withUnknown(base)));
      return pick(objects).map((f) => json(setAt(base, [...f.path, 'fuzzNested'], 'x')));
    }
    default: {
      const targets = kind === 'huge-string' || kind === 'injection' ? (stringFields.length ? stringFields : fields) : scalarFields.length ? scalarFields : fields;
      if (!targets.length) return oddValueFor({ type: 'string' }, 'fuzz', kind).map((v) => json({ ...base, fuzz: v }));
      return pick(targets).chain((f) => oddValueFor(f.schema, String(f.path[f.path.length - 1]), kind).map((v) => json(setAt(base, f.path, v))));
    }
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const enc = (value: string) => encodeLoose(value);

function queryArbitrary(ctx: FuzzContext, target: Target, kind: string): fc.Arbitrary<Sample> {
  const params = target.query.map((p) => ({ name: p.name, schema: resolve(p.schema, ctx.doc) }));
  const pick = fc.nat({ max: Math.max(0, params.length - 1) }).map((i) => params[i]);
  const q = (pairs: [string, string][]): string => (pairs.length ? `?${pairs.map(([k, v]) => `${enc(k)}=${v}`).join('&')}` : '');
  // Mutations with a non-JSON body (uploads) get a JSON body, which they never accept.
  const body: Sample = target.method === 'GET' ? {} : { body: JSON.stringify({ fuzz: true }), contentType: 'application/json' };
  switch (kind) {
    case 'unknown-param':
      return fc.tuple(fc.constantFrom('fuzz', 'role', 'isAdmin', 'provinceCode', 'offset', 'sort', 'where', '$where', '__proto__', 'constructor'), oddString).map(([k, v]) => ({ ...body, query: q([[k, enc(v)]]) }));
    case 'wrong-type':
      return pick.chain((p) => {
        const type = p.schema.type ?? 'string';
        const values = type === 'number' || type === 'integer' ? ['abc', '1.5', '-1', '1e3', '999999999999999999999', 'Infinity', 'NaN', '0x10', ' 1'] : type === 'boolean' ? ['maybe', '2', 'TRUE ', 'yes', '-1', 'null'] : ['%5B%5D', '%7B%7D', 'null', 'undefined'];
        return fc.constantFrom(...values).map((v) => ({ ...body, query: q([[p.name, v]]) }));
      });
    case 'enum-violation': {
      const enums = params.filter((p) => p.schema.enum);
      return fc.tuple(fc.nat({ max: Math.max(0, enums.length - 1) }).map((i) => enums[i] ?? params[0]), fc.constantFrom('NOT_A_VALUE', 'fever', '*', '', 'ＡＤＭＩＮ', '%00')).map(([p, v]) => ({ ...body, query: q([[p.name, v === '%00' ? v : enc(v)]]) }));
    }
    case 'junk-path-id':
      return fc.constantFrom(...JUNK_PATH_IDS).map((pathId) => ({ ...body, pathId }));
    case 'no-token':
    case 'forged-token':
      return fc.constant(body);
    case 'bad-percent-encoding':
      return fc.tuple(pick, fc.constantFrom('%', '%0', '%zz', '%FF', '%C0%AF', '%ED%A0%80', '%00', 'a%00b', '%F8%88%80%80%80', '%E2%80%AE', '%u0041', '%%', '%2', '%EF%BF%BF')).map(([p, v]) => ({ ...body, query: q([[p.name, v]]) }));
    case 'long-value':
      // 12 KB of URL, or 20 KB: over the 16 KiB Node's HTTP parser takes for a request head (431).
      return fc.tuple(pick, fc.constantFrom('a', '0', 'é', '<', '😷'), fc.constantFrom(12_000, 12_000, 20_000)).map(([p, unit, size]) => ({ ...body, query: q([[p.name, enc(unit.repeat(Math.ceil(size / enc(unit).length)))]]) }));
    case 'repeated-param':
      return fc.tuple(pick, fc.array(fc.constantFrom('1', 'a', '', '2026-01-01', 'FEVER'), { minLength: 2, maxLength: 5 })).map(([p, vs]) => ({ ...body, query: `?${vs.map((v) => `${enc(p.name)}=${enc(v)}`).join('&')}` }));
    case 'empty-value':
      return fc.subarray(params, { minLength: 1 }).map((ps) => ({ ...body, query: `?${ps.map((p) => `${enc(p.name)}=`).join('&')}` }));
    case 'junk-cursor':
      return fc.oneof(fc.json({ maxDepth: 2 }).map((j) => Buffer.from(j).toString('base64url')), fc.constantFrom('o:-1', 'o:99999999999', 'o:1e3', '{"c":"x"}').map((s) => Buffer.from(s).toString('base64url')), fc.constantFrom('!!!', '====', 'eyJ', 'a'.repeat(2000))).map((c) => ({ ...body, query: q([['cursor', enc(c)]]) }));
    default:
      return pick.chain((p) => oddValueFor(p.schema, p.name, kind).map((v) => ({ ...body, query: q([[p.name, encodeLoose(String(v))]]) })));
  }
}

/** encodeURIComponent, but a lone surrogate goes as the (invalid) UTF-8 bytes of its code unit instead of throwing. */
function encodeLoose(value: string): string {
  let out = '';
  for (const ch of value) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      const c = ch.charCodeAt(0);
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
  }
  return out;
}
