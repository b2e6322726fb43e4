// fast-check arbitraries for fuzz cases, driven by the OpenAPI document: a valid request of each operation (from
// its schemas, with openapi-sampler's sample where a schema says too little, and real ids of the world), then one
// part of it made hostile: a path parameter, the query, a body field, the body as a whole, its encoding, a header.
import fc from 'fast-check';
import { type BadAuth, type Body, type FuzzCase, type ParamValue, type Part, Ref } from './cases';
import { describe, filePart, hostileBody, hostileMultipart, hostileTransport, places, setAt } from './mutations';
import type { JsonSchema, OpenApiDocument, Operation } from './openapi';
import { type Arb, labelled, ref, sampled, validArb, vietnamese } from './valid';
import {
  BAD_DATES,
  BAD_IDEMPOTENCY_KEYS,
  BAD_INTEGERS,
  BAD_QUERY_STRINGS,
  BAD_UUIDS,
  CONTENT_ENCODINGS,
  HOSTILE_STRINGS,
  type Labelled,
  MALFORMED_JSON,
} from './values';
import { DRAFT, type IdKind, ROLES, type Role } from './world';

type Draft = Omit<FuzzCase, 'n'>;

/** The kind of real value a path parameter takes, on this operation. */
export function paramKind(op: Operation, name: string): IdKind | 'other' {
  switch (name) {
    case 'commentId':
      return 'comment';
    case 'attachmentId':
      return 'attachment';
    case 'requestId':
      return 'extension';
    case 'slotId':
      return 'slot';
    case 'number':
      return 'versionNo';
    case 'date':
      return 'calendarDate';
    case 'schoolCode':
      return op.method === 'DELETE' ? 'disposableSchoolCode' : 'schoolCode';
    case 'id':
      if (op.path.startsWith('/api/plans/')) return op.path.endsWith('/exempt') ? 'disposablePlan' : 'plan';
      if (op.path.startsWith('/api/meetings/')) return op.path.endsWith('/cancel') ? 'disposableMeeting' : 'meeting';
      if (op.path.startsWith('/api/campaigns/')) {
        if (op.path.endsWith('/close') || op.path.includes('/schools/')) return 'disposableCampaign';
        if (op.path.endsWith('/meetings')) return 'meetingCampaign';
        return 'campaign';
      }
      return 'other';
    default:
      return 'other';
  }
}

const literal = (value: string, encoded = false): ParamValue => ({ literal: value, encoded });

function hostileParam(op: Operation, name: string): Arb<{ value: ParamValue; kind: string }> {
  const kind = paramKind(op, name);
  const list: Labelled<string>[] =
    kind === 'versionNo'
      ? BAD_INTEGERS
      : kind === 'calendarDate'
        ? BAD_DATES
        : kind === 'schoolCode' || kind === 'disposableSchoolCode'
          ? [
              ...HOSTILE_STRINGS.filter(([, v]) => v.length < 3_000),
              ['other-district', 'thcs-vu-ninh'],
              ['upper', 'TH-THANH-TAN'],
            ]
          : BAD_UUIDS;
  const otherKinds: IdKind[] = ['plan', 'campaign', 'comment', 'meeting', 'slot', 'extension', 'attachment'];
  return fc.oneof(
    {
      weight: 6,
      arbitrary: labelled(list).map(([label, v]) => ({ value: literal(v), kind: `path/${name}:bad/${label}` })),
    },
    {
      weight: 2,
      arbitrary: fc.uuid({ version: 4 }).map((v) => ({ value: literal(v), kind: `path/${name}:unknown-uuid` })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...otherKinds), fc.nat(100))
        .map(([k, pick]) => ({ value: new Ref(k, pick) as ParamValue, kind: `path/${name}:id-of-a-${k}` })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('%', '%zz', '%E1%BB', '%FF%FE', '%00', '%2F', '%2e%2e', '%u0041', '%C0%80', 'a%20b', '%E2%80%AE')
        .map((v) => ({ value: literal(v, true), kind: `path/${name}:bad-percent-encoding/${v}` })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(3_000, 20_000)
        .map((size) => ({ value: literal('a'.repeat(size)), kind: `path/${name}:long/${size}` })),
    },
  );
}

const validParam = (op: Operation, name: string): Arb<ParamValue> => {
  const kind = paramKind(op, name);
  if (kind === 'other') return fc.uuid({ version: 4 }).map((v) => literal(v));
  return ref(kind);
};

function validQueryValue(name: string, schema: JsonSchema): Arb<ParamValue[]> {
  const one = (arb: Arb<string>) => arb.map((v) => [literal(v)]);
  switch (name) {
    case 'campaignId':
      return ref('campaign').map((r) => [r]);
    case 'schoolCode':
      return ref('schoolCode').map((r) => [r]);
    case 'year':
      return one(fc.constantFrom('2027', '2026'));
    case 'from':
      return one(fc.constant('1'));
    case 'to':
      return one(fc.constantFrom('1', '2', 'draft'));
    case 'version':
      return one(fc.constantFrom('0', '1'));
    case 'q':
      return one(vietnamese(0, 40));
  }
  if (schema.type === 'array' && schema.items?.enum) {
    return fc
      .subarray(schema.items.enum.map(String), { minLength: 1, maxLength: 3 })
      .map((vs) => vs.map((v) => literal(v)));
  }
  if (schema.enum) return one(fc.constantFrom(...schema.enum.map(String)));
  if (schema.type === 'integer') {
    return one(fc.integer({ min: schema.minimum ?? 1, max: Math.min(schema.maximum ?? 50, 50) }).map(String));
  }
  if (schema.type === 'array') return one(vietnamese(1, 20));
  return one(vietnamese(1, 40));
}

function hostileQueryValue(schema: JsonSchema): Arb<{ values: ParamValue[]; label: string }> {
  const isArray = schema.type === 'array';
  const list: Labelled<string>[] =
    schema.format === 'uuid'
      ? BAD_UUIDS
      : schema.type === 'integer' || schema.anyOf
        ? BAD_INTEGERS
        : [...HOSTILE_STRINGS.filter(([, v]) => v.length < 3_000), ['wrong-case', 'approved']];
  return fc.oneof(
    { weight: 5, arbitrary: labelled(list).map(([label, v]) => ({ values: [literal(v)], label })) },
    {
      weight: 1,
      arbitrary: fc.constant({
        values: Array.from({ length: isArray ? 25 : 2 }, (_, i) => literal(String(i + 1))),
        label: isArray ? 'too-many' : 'repeated',
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('%', '%zz', '%E1%BB', '%FF', '%00')
        .map((v) => ({ values: [literal(v, true)], label: `bad-percent/${v}` })),
    },
  );
}

/** Who sends a request that goes deep: the role that may make the move, as the README's table says. */
function deepRoles(op: Operation): Role[] {
  const p = op.path;
  if (op.method === 'GET') return ['admin', 'reviewer', 'principal', 'specialist', 'staff'];
  if (/\/(draft|attachments)/.test(p)) return ['principal', 'staff'];
  if (/\/(submit|withdraw)$/.test(p) || (/extension-requests$/.test(p) && op.method === 'POST')) return ['principal'];
  if (/\/(start-review|approve|return|comments|resolve|bulk-decisions|outcome)/.test(p)) return ['reviewer', 'admin'];
  if (p.endsWith('/recommend')) return ['specialist'];
  if (p.endsWith('/replies')) return ['principal', 'reviewer'];
  if (p === '/api/auth/login') return ['anonymous'];
  return ['admin', 'clerk'];
}

const roleArb = (op: Operation): Arb<Role> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...deepRoles(op)) },
    { weight: 1, arbitrary: fc.constantFrom(...ROLES) },
  );

const BAD_AUTHS: BadAuth[] = [
  'no-header',
  'empty',
  'bearer-only',
  'bearer-empty',
  'garbage',
  'three-dots',
  'basic',
  'lowercase-scheme',
  'no-scheme',
  'tampered',
  'alg-none',
  'wrong-secret',
  'huge',
  'double-space',
  'latin1',
];

interface Valid {
  path: Record<string, ParamValue>;
  query: [string, ParamValue][];
  body: unknown;
  multipart?: Part[];
}

function validArbs(op: Operation, doc: OpenApiDocument): Arb<Valid> {
  const path = fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, validParam(op, p.name)])));
  const query = fc
    .tuple(
      ...op.query.map((q) =>
        fc
          .tuple(fc.boolean(), validQueryValue(q.name, q.schema))
          .map(([include, values]) =>
            q.required || include ? values.map((v) => [q.name, v] as [string, ParamValue]) : [],
          ),
      ),
    )
    .map((lists) => lists.flat());
  const body =
    op.bodyType === 'json' && op.bodySchema
      ? fc.oneof(
          { weight: 9, arbitrary: validArb(op.bodySchema, doc) },
          // openapi-sampler's own sample, as the document describes the body
          { weight: 1, arbitrary: fc.constant(sampled(op.bodySchema, doc)) },
        )
      : fc.constant(undefined);
  return fc
    .record({ path, query, body })
    .map((v) => ({ ...v, multipart: op.bodyType === 'multipart' ? [filePart()] : undefined }));
}

/** A request of one operation, with exactly one part made hostile (or none: kind 'valid'). */
export function caseArb(op: Operation, doc: OpenApiDocument, fixedRole?: Role): Arb<Draft> {
  const role = fixedRole ? fc.constant(fixedRole) : roleArb(op);
  return fc
    .tuple(validArbs(op, doc), role, fc.boolean(), fc.nat(BAD_AUTHS.length - 1), fc.nat(99))
    .chain(([valid, r, withKey, authPick, coherence]) => {
      const idempotent = op.headers.some((h) => h.name === 'Idempotency-Key');
      const base: Draft = {
        op: op.key,
        method: op.method,
        role: r,
        badAuth: r === 'badToken' ? BAD_AUTHS[authPick] : undefined,
        path: valid.path,
        coherent: coherence < 80,
        query: valid.query,
        headers: idempotent && withKey ? { 'Idempotency-Key': `fuzz-${op.method}-${authPick}-${coherence}` } : {},
        body:
          valid.multipart !== undefined
            ? { type: 'multipart', parts: valid.multipart, boundary: '----duyet-fuzz-boundary' }
            : valid.body === undefined
              ? { type: 'none' }
              : { type: 'json', value: valid.body },
        kind: 'valid',
      };
      const faults: fc.WeightedArbitrary<Draft>[] = [];
      if (op.pathParams.length) {
        faults.push({
          weight: 3,
          arbitrary: fc
            .nat(op.pathParams.length - 1)
            .chain((i) => hostileParam(op, op.pathParams[i].name).map((h) => ({ name: op.pathParams[i].name, ...h })))
            .map((h) => ({ ...base, path: { ...base.path, [h.name]: h.value }, coherent: false, kind: h.kind })),
        });
      }
      if (op.query.length) {
        faults.push({
          weight: 2,
          arbitrary: fc
            .nat(op.query.length - 1)
            .chain((i) => hostileQueryValue(op.query[i].schema).map((h) => ({ q: op.query[i], ...h })))
            .map(({ q, values, label }) => ({
              ...base,
              query: [
                ...base.query.filter(([n]) => n !== q.name),
                ...values.map((v) => [q.name, v] as [string, ParamValue]),
              ],
              kind: `query/${q.name}:${label}`,
            })),
        });
      }
      faults.push({
        weight: 1,
        arbitrary: labelled(BAD_QUERY_STRINGS).map(([label, raw]) => ({
          ...base,
          rawQuery: raw,
          kind: `query/raw:${label}`,
        })),
      });
      if (base.body.type === 'json') {
        const value = base.body.value;
        faults.push(
          {
            weight: 8,
            arbitrary: hostileBody(value).map((h) => ({
              ...base,
              body: { type: 'json', value: h.value } as Body,
              kind: h.kind,
            })),
          },
          { weight: 4, arbitrary: hostileTransport(op, value).map((t) => ({ ...base, body: t.body, kind: t.kind })) },
        );
      } else if (base.body.type === 'multipart') {
        faults.push(
          {
            weight: 6,
            arbitrary: hostileMultipart.map((m) => ({
              ...base,
              body: {
                type: 'multipart',
                parts: m.parts,
                boundary: '----duyet-fuzz-boundary',
                unterminated: m.unterminated,
                contentType: m.contentType,
              } as Body,
              kind: m.kind,
            })),
          },
          {
            weight: 2,
            arbitrary: hostileTransport(op, { file: 'ke-hoach.pdf' }).map((t) => ({
              ...base,
              body: t.body,
              kind: t.kind,
            })),
          },
        );
      } else {
        faults.push({
          weight: 1,
          arbitrary: fc.oneof(
            labelled(MALFORMED_JSON).map(([label, text]) => ({
              ...base,
              body: { type: 'text', text, contentType: 'application/json' } as Body,
              kind: `transport/body-where-none/${label}`,
            })),
            labelled(CONTENT_ENCODINGS).map(([label, encoding]) => ({
              ...base,
              body: { type: 'json', value: { a: 1 }, encoding } as Body,
              kind: `transport/body-where-none/content-encoding/${label}`,
            })),
          ),
        });
      }
      const headerFaults: fc.WeightedArbitrary<Draft>[] = [
        {
          weight: 1,
          arbitrary: fc.constant({
            ...base,
            headers: { ...base.headers, 'X-Fuzz': 'a'.repeat(20_000) },
            kind: 'header/huge-20KB',
          }),
        },
        {
          weight: 2,
          arbitrary: fc.constant({
            ...base,
            headers: { ...base.headers, Accept: 'application/xml' },
            kind: 'header/accept-xml',
          }),
        },
        {
          weight: 2,
          arbitrary: fc.constant({
            ...base,
            headers: { ...base.headers, 'Accept-Charset': 'latin1', 'Accept-Language': 'en-US' },
            kind: 'header/accept-english',
          }),
        },
        {
          weight: 3,
          arbitrary: fc
            .constantFrom('PATCH', 'PUT', 'DELETE', 'POST', 'GET')
            .filter((m) => m !== op.method)
            .map((m) => ({ ...base, method: m, kind: `method/${m}` })),
        },
      ];
      if (idempotent) {
        headerFaults.push({
          weight: 4,
          arbitrary: labelled(BAD_IDEMPOTENCY_KEYS).map(([label, key]) => ({
            ...base,
            headers: { 'Idempotency-Key': key },
            kind: `header/idempotency-key/${label}`,
          })),
        });
      }
      faults.push({ weight: 2, arbitrary: fc.oneof(...headerFaults) });
      // The operation × role matrix is about who may do what: mostly valid requests there.
      return fc.oneof(
        { weight: fixedRole ? 7 : 1, arbitrary: fc.constant(base) },
        { weight: fixedRole ? 3 : 20, arbitrary: fc.oneof(...faults) },
      );
    });
}

/** The poisons of the issue: what PostgreSQL cannot store, and what made a move retry for ever. */
export const POISONS: Labelled<string>[] = [
  ['nul', 'Miễn\u0000 thử'],
  ['lone-surrogate', 'Kế hoạch \ud800'],
  ['c0-controls', 'a\u0001\u0002\u001b\u001fb'],
];

/**
 * Every text field of one operation's valid body, each poisoned in turn, sent by the role that may make the move:
 * the cases that find a move which stores, retries or hangs on a value the database refuses.
 */
export function poisonDrafts(op: Operation, doc: OpenApiDocument, seed: number): Omit<FuzzCase, 'n'>[] {
  if (op.bodyType !== 'json' || !op.bodySchema) return [];
  const [valid] = fc.sample(validArbs(op, doc), { seed, numRuns: 1 });
  const role = deepRoles(op)[0];
  const texts = places(valid.body).filter((p) => typeof p.value === 'string');
  // A draft the schema allows (100,000 characters a section) but over 100 KB in UTF-8: the 500 for a 413.
  const large: Omit<FuzzCase, 'n'>[] = op.path.endsWith('/draft')
    ? [
        {
          op: op.key,
          method: op.method,
          role,
          path: valid.path,
          coherent: true,
          query: valid.query,
          headers: {},
          body: { type: 'json', value: { sections: { purpose: 'ễ'.repeat(100_000), tasks: DRAFT.sections.tasks } } },
          kind: 'transport/size/valid-127KB-draft',
        },
      ]
    : [];
  return large.concat(
    texts.flatMap((spot) =>
      POISONS.map(([label, poison]) => ({
        op: op.key,
        method: op.method,
        role,
        path: valid.path,
        coherent: true,
        query: valid.query,
        headers: {},
        body: { type: 'json', value: setAt(valid.body, spot.path, poison) } as Body,
        kind: `poison/${label}:${describe(spot.path)}`,
      })),
    ),
  );
}
