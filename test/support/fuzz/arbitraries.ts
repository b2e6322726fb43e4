// fast-check arbitraries for fuzz cases, driven by the OpenAPI document: a valid request of each operation (from
// its schemas, with openapi-sampler's sample where a schema says too little, and real ids of the world), then one
// part of it made hostile: a path parameter, the query, a body field, the body as a whole, its encoding, a header.
import fc from 'fast-check';
import { sample as openApiSample } from 'openapi-sampler';
import { type Body, type FuzzCase, type ParamValue, type Part, RawJson, Ref, type BadAuth } from './cases';
import type { JsonSchema, OpenApiDocument, Operation } from './openapi';
import {
  BAD_BYTES,
  BAD_DATES,
  BAD_DATETIMES,
  BAD_IDEMPOTENCY_KEYS,
  BAD_INTEGERS,
  BAD_QUERY_STRINGS,
  BAD_UUIDS,
  CONTENT_ENCODINGS,
  CONTENT_TYPES,
  EXTRA_KEYS,
  EXTREME_NUMBERS,
  HOSTILE_STRINGS,
  type Labelled,
  MALFORMED_JSON,
  RAW_NUMBERS,
  WRONG_TYPES,
} from './values';
import { DRAFT, FUTURE, type IdKind, ROLES, type Role } from './world';
import { pdf } from '../../fixtures/attachments';

type Arb<T> = fc.Arbitrary<T>;
type Draft = Omit<FuzzCase, 'n'>;

const WORDS = [
  'kế hoạch',
  'nhà trường',
  'giáo dục',
  'học sinh',
  'đội ngũ',
  'chất lượng',
  'bồi dưỡng',
  'cơ sở vật chất',
  'năm học',
  'đổi mới',
  'phương pháp',
  'giải pháp',
  'tổ chuyên môn',
  'Phòng GD&ĐT',
  'THCS',
  '2027',
];
const INDICATORS = ['SWIM_CERT', 'STAFF_QUALIFIED', 'TH_QUALITIES_GOOD', 'MN_ENROL_KINDER', 'THCS_GRADUATION'];
const SECTIONS = ['purpose', 'tasks', 'targets', 'situation', 'organisation', 'proposals', 'assignment'];
const CRITERIA = ['COMPLETE', 'CONCRETE', 'FEASIBLE', 'FITTING'];

const labelled = <T>(list: Labelled<T>[]): Arb<Labelled<T>> => fc.constantFrom(...list);

/** What PostgreSQL and documents cannot hold comes up as often as all the rest: it is what locks a plan. */
const POISON = /^(nul|c0-|del-|lone-)/;
const hostileString: Arb<Labelled<string>> = fc.oneof(
  labelled(HOSTILE_STRINGS.filter(([label]) => POISON.test(label))),
  labelled(HOSTILE_STRINGS.filter(([label]) => !POISON.test(label))),
);

/** Vietnamese text whose length stays within the schema's bounds. */
export function vietnamese(min = 0, max = 200): Arb<string> {
  const cap = Math.min(max, 400);
  return fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((words) => {
    let text = words.join(' ');
    text = text.charAt(0).toUpperCase() + text.slice(1);
    while (text.length < min) text += ' học sinh';
    return text.slice(0, Math.max(cap, min));
  });
}

const ref = (kind: IdKind | 'loginEmail'): Arb<Ref> => fc.nat(1000).map((pick) => new Ref(kind, pick));

const futureInstant = fc.constantFrom(
  FUTURE.deadline,
  FUTURE.later,
  '2027-08-31T17:00:00+07:00',
  '2027-05-20T10:00:00Z',
  '2027-12-01T17:00:00.000+07:00',
);
const futureDay = fc.constantFrom('2027-04-12', '2027-05-04', FUTURE.meetingDay, '2027-10-20', '2027-11-09');

/** Real or realistic values for the fields whose meaning the schema alone does not carry. */
function byName(name: string, schema: JsonSchema, doc: OpenApiDocument): Arb<unknown> | undefined {
  switch (name) {
    case 'sections':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constant(DRAFT.sections) },
        { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...SECTIONS), vietnamese(1, 300), { maxKeys: 4 }) },
      );
    case 'indicators':
      return fc.oneof(
        fc.constant(DRAFT.indicators),
        fc.dictionary(
          fc.constantFrom(...INDICATORS),
          fc.record(
            {
              baseline: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(null)),
              target: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom('40 - 60', '12% - 15%', '99,5')),
              targetMax: fc.integer({ min: 0, max: 100 }),
            },
            { requiredKeys: ['target'] },
          ),
          { maxKeys: 3 },
        ),
      );
    case 'rubric':
      return fc.dictionary(
        fc.constantFrom(...CRITERIA),
        fc.record(
          { rating: fc.constantFrom('MET', 'PARTLY', 'NOT_MET'), note: vietnamese(0, 200) },
          {
            requiredKeys: ['rating'],
          },
        ),
        { maxKeys: 4 },
      );
    case 'reviewerId':
      return ref('reviewer');
    case 'planIds':
      return fc.array(ref('plan'), { minLength: 1, maxLength: 4 });
    case 'slotIds':
      return fc.array(ref('slot'), { minLength: 1, maxLength: 3 });
    case 'meetingId':
      return ref('meeting');
    case 'present':
      return fc.array(ref('attendee'), { maxLength: 4 });
    case 'schoolCode':
      return ref('schoolCode');
    case 'schoolCodes':
      return fc.array(ref('schoolCode'), { minLength: 1, maxLength: 3 });
    case 'cluster':
      return fc.constantFrom('I', 'II');
    case 'targetClusters':
      return fc.subarray(['I', 'II']);
    case 'targetLevels':
      return fc.subarray(['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'], { minLength: 1 });
    case 'requiredSections':
      return fc.constantFrom(['purpose', 'tasks'], ['purpose']);
    case 'requiredIndicators':
      return fc.constantFrom([], ['SWIM_CERT']);
    case 'key':
      return fc.stringMatching(/^fz-[a-z0-9]{6,12}$/);
    case 'documentNumber':
      return fc.nat(9999).map((n) => `${n}/KH-PGDĐT`);
    case 'email':
    case 'receiver':
      return ref('loginEmail');
    case 'password':
      return fc.constantFrom('Duyet@2026', 'Duyet@2026', 'sai-mat-khau');
    case 'until':
    case 'requestedUntil':
    case 'revisionDeadline':
    case 'deadline':
    case 'submissionDeadline':
      return futureInstant;
    case 'date':
      return futureDay;
    case 'issuedOn':
      return fc.constant('2026-11-20');
    case 'period':
      return fc.constant({ from: '2027-01-01', to: '2027-12-31' });
    case 'phases':
      return fc.constantFrom([], [{ name: 'Học kỳ I', from: '2027-01-01', to: '2027-05-31' }]);
    case 'reminderPolicy':
      // openapi-sampler's sample is the default ladder, written out: a valid policy the schema describes.
      return fc.constantFrom({}, sampled(schema, doc));
    case 'startTime':
    case 'hour':
      return fc.constantFrom('07:30', '08:00', '13:45', '23:59');
    case 'slotMinutes':
      return fc.integer({ min: 15, max: 60 });
    case 'anchorKey':
      return fc.constantFrom(...SECTIONS, ...INDICATORS);
    case 'title':
      return vietnamese(Math.max(5, schema.minLength ?? 0), 120);
    default:
      return undefined;
  }
}

/** A value the schema accepts, with real ids where a field names one. */
export function validArb(schema: JsonSchema, doc: OpenApiDocument, name = '', depth = 0): Arb<unknown> {
  const named = name ? byName(name, schema, doc) : undefined;
  if (named) return named;
  if (depth > 6) return fc.constant(sampled(schema, doc));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validArb(s, doc, name, depth + 1)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((t) => validArb({ ...schema, type: t }, doc, name, depth + 1)));
  const nullable = schema.nullable
    ? (arb: Arb<unknown>) => fc.oneof(arb, fc.constant(null))
    : (arb: Arb<unknown>) => arb;
  switch (types[0] ?? (schema.properties ? 'object' : undefined)) {
    case 'string':
      if (schema.format === 'uuid') return fc.uuid({ version: 4 });
      if (schema.format === 'date') return futureDay;
      if (schema.format === 'date-time') return futureInstant;
      if (schema.format === 'email') return ref('loginEmail');
      if (schema.pattern) {
        return fc.constant(sampled(schema, doc, { enablePatterns: true }));
      }
      return nullable(vietnamese(schema.minLength ?? 0, schema.maxLength ?? 200));
    case 'integer':
      return nullable(
        fc.integer({ min: Math.max(schema.minimum ?? 0, -1000), max: Math.min(schema.maximum ?? 100, 1000) }),
      );
    case 'number':
      return nullable(
        fc.double({
          min: Math.max(schema.minimum ?? 0, -1000),
          max: Math.min(schema.maximum ?? 100, 1000),
          noNaN: true,
        }),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validArb(schema.items ?? {}, doc, '', depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'object': {
      const props = schema.properties ?? {};
      if (Object.keys(props).length === 0 && typeof schema.additionalProperties === 'object') {
        return fc.dictionary(fc.constantFrom(...SECTIONS), validArb(schema.additionalProperties, doc, '', depth + 1), {
          maxKeys: 3,
        });
      }
      const record = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validArb(v, doc, k, depth + 1)]));
      return fc.record(record, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.constant(sampled(schema, doc));
  }
}

type Path = (string | number)[];

/** Bodies that are not the object a route takes. */
const TOP_LEVEL: Labelled<unknown>[] = [
  ...WRONG_TYPES,
  ['deep-nesting', JSON.parse('['.repeat(200) + ']'.repeat(200))],
];

/** openapi-sampler's sample of a schema, with its placeholder text ("string") in Vietnamese: a message that quotes
 * the placeholder back is not English for that. */
function sampled(schema: JsonSchema, doc: OpenApiDocument, options: { enablePatterns?: boolean } = {}): unknown {
  const swap = (v: unknown): unknown =>
    v === 'string'
      ? 'Chuỗi mẫu'
      : Array.isArray(v)
        ? v.map(swap)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]))
          : v;
  return swap(openApiSample(schema as never, { quiet: true, ...options }, doc));
}

/** The places of a JSON value: every member and element, with what is there. */
function places(value: unknown, at: Path = [], out: { path: Path; value: unknown }[] = []) {
  if (value instanceof Ref || value instanceof RawJson) return out;
  if (Array.isArray(value))
    value.forEach((v, i) => (out.push({ path: [...at, i], value: v }), places(v, [...at, i], out)));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push({ path: [...at, k], value: v });
      places(v, [...at, k], out);
    }
  }
  return out;
}

const clone = (value: unknown): unknown => {
  if (value instanceof Ref || value instanceof RawJson) return value;
  if (Array.isArray(value)) return value.map(clone);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
  }
  return value;
};

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else {
    // defineProperty: a "__proto__" member is a member, not the prototype.
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

const describe = (path: Path) => (path.length ? path.join('.') : '(body)');

/** One field of a valid body made hostile, or the body as a whole replaced. */
function hostileBody(valid: unknown): Arb<{ value: unknown; kind: string }> {
  const spots = places(valid);
  const objects = [{ path: [] as Path, value: valid }, ...spots].filter(
    (s) => s.value && typeof s.value === 'object' && !Array.isArray(s.value) && !(s.value instanceof Ref),
  );
  const strings = spots.filter((s) => typeof s.value === 'string' || s.value instanceof Ref);
  const numbers = spots.filter((s) => typeof s.value === 'number');
  const pick = <T>(list: T[]) => fc.nat(list.length - 1).map((i) => list[i]);
  const options: fc.WeightedArbitrary<{ value: unknown; kind: string }>[] = [
    {
      weight: 2,
      arbitrary: fc.constantFrom(...TOP_LEVEL).map(([label, v]) => ({ value: v, kind: `body/top-level:${label}` })),
    },
  ];
  if (spots.length) {
    options.push(
      {
        weight: 3,
        arbitrary: fc.tuple(pick(spots), labelled(WRONG_TYPES)).map(([s, [label, v]]) => ({
          value: setAt(valid, s.path, v),
          kind: `body/wrong-type/${label}:${describe(s.path)}`,
        })),
      },
      {
        weight: 2,
        arbitrary: pick(spots).map((s) => ({
          value: setAt(valid, s.path, undefined, true),
          kind: `body/missing:${describe(s.path)}`,
        })),
      },
    );
  }
  if (objects.length) {
    options.push({
      weight: 2,
      arbitrary: fc
        .tuple(
          pick(objects),
          fc.constantFrom(...EXTRA_KEYS),
          fc.constantFrom<unknown>('thêm', 1, null, { a: 1 }, '\u0000'),
        )
        .map(([s, key, v]) => ({
          value: setAt(valid, [...s.path, key], v),
          kind: `body/extra-field:${describe([...s.path, key.slice(0, 20)])}`,
        })),
    });
  }
  if (strings.length) {
    options.push(
      {
        weight: 8,
        arbitrary: fc.tuple(pick(strings), hostileString).map(([s, [label, v]]) => ({
          value: setAt(valid, s.path, v),
          kind: `body/string/${label}:${describe(s.path)}`,
        })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(pick(strings), labelled([...BAD_UUIDS, ...BAD_DATES, ...BAD_DATETIMES]))
          .map(([s, [label, v]]) => ({
            value: setAt(valid, s.path, v),
            kind: `body/bad-format/${label}:${describe(s.path)}`,
          })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(pick(strings), fc.uuid({ version: 4 }))
          .map(([s, v]) => ({ value: setAt(valid, s.path, v), kind: `body/unknown-uuid:${describe(s.path)}` })),
      },
    );
  }
  const numberSpots = numbers.length ? numbers : spots;
  if (numberSpots.length) {
    options.push(
      {
        weight: numbers.length ? 3 : 1,
        arbitrary: fc.tuple(pick(numberSpots), labelled(EXTREME_NUMBERS)).map(([s, [label, v]]) => ({
          value: setAt(valid, s.path, v),
          kind: `body/number/${label}:${describe(s.path)}`,
        })),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(pick(numberSpots), labelled(RAW_NUMBERS)).map(([s, [label, v]]) => ({
          value: setAt(valid, s.path, new RawJson(v)),
          kind: `body/raw-number/${label}:${describe(s.path)}`,
        })),
      },
    );
  }
  const arrays = spots.filter((s) => Array.isArray(s.value));
  if (arrays.length) {
    options.push({
      weight: 1,
      arbitrary: fc.tuple(pick(arrays), fc.constantFrom(0, 1_001, 10_000)).map(([s, size]) => ({
        value: setAt(
          valid,
          s.path,
          Array.from({ length: size }, () => (s.value as unknown[])[0] ?? 'a'),
        ),
        kind: `body/array-size/${size}:${describe(s.path)}`,
      })),
    });
  }
  return fc.oneof(...options);
}

/** A body sent in a way the route does not take: wrong media type, charset or encoding, bad bytes, too large. */
function hostileTransport(op: Operation, valid: unknown): Arb<{ body: Body; kind: string }> {
  const json = (value: unknown, extra: Partial<Extract<Body, { type: 'json' }>> = {}): Body => ({
    type: 'json',
    value,
    ...extra,
  });
  const huge = (size: number) => ({ ...(valid as object), reason: 'a'.repeat(size) });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: labelled(MALFORMED_JSON).map(([label, text]) => ({
        body: { type: 'text', text, contentType: 'application/json' } as Body,
        kind: `transport/malformed-json/${label}`,
      })),
    },
    {
      weight: 2,
      arbitrary: labelled(BAD_BYTES).map(([label, bytes]) => ({
        body: { type: 'bytes', bytes, contentType: 'application/json' } as Body,
        kind: `transport/bytes/${label}`,
      })),
    },
    {
      weight: 3,
      arbitrary: labelled(CONTENT_TYPES).map(([label, contentType]) => ({
        body: json(valid, { contentType: contentType ?? null }),
        kind: `transport/content-type/${label}`,
      })),
    },
    {
      weight: 2,
      arbitrary: labelled(CONTENT_ENCODINGS).map(([label, encoding]) => ({
        body: json(valid, {
          encoding,
          compress: label === 'gzip-real' ? 'gzip' : label === 'deflate-real' ? 'deflate' : undefined,
        }),
        kind: `transport/content-encoding/${label}`,
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({ body: { type: 'form', value: valid } as Body, kind: 'transport/form-body' }),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        body: { type: 'text', text: '', contentType: 'application/json' } as Body,
        kind: 'transport/empty-json-body',
      }),
    },
    {
      weight: 1,
      // Built when drawn: a few megabytes per case would be a few gigabytes per run.
      arbitrary: fc.constantFrom('valid-127KB-draft', '130KB', '1MB', '3MB').map((label) => {
        if (label === 'valid-127KB-draft' && op.path.endsWith('/draft')) {
          return {
            body: json({ sections: { purpose: 'ễ'.repeat(100_000), tasks: DRAFT.sections.tasks } }),
            kind: `transport/size/${label}`,
          };
        }
        const size = label === '3MB' ? 3_000_000 : label === '1MB' ? 1_000_000 : 130_000;
        return { body: json(huge(size)), kind: `transport/size/${label === 'valid-127KB-draft' ? '130KB' : label}` };
      }),
    },
  );
}

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

function filePart(overrides: Partial<Part> = {}): Part {
  return { name: 'file', filename: 'ke-hoach.pdf', contentType: 'application/pdf', content: pdf(), ...overrides };
}

interface MultipartFault {
  parts: Part[];
  kind: string;
  unterminated?: boolean;
  contentType?: string;
}
const mp = (m: MultipartFault): Arb<MultipartFault> => fc.constant(m);

const hostileMultipart: Arb<MultipartFault> = fc.oneof(
  mp({ parts: [] as Part[], kind: 'multipart/no-parts' }),
  mp({ parts: [filePart({ name: 'tep' })], kind: 'multipart/wrong-field-name' }),
  mp({ parts: [{ name: 'file', content: 'không phải tệp' }], kind: 'multipart/field-not-file' }),
  mp({ parts: [filePart({ content: Buffer.alloc(0) })], kind: 'multipart/empty-file' }),
  mp({ parts: [filePart(), filePart()], kind: 'multipart/two-files' }),
  mp({ parts: [filePart({ content: 'MZ\u0090\u0000 not a pdf' })], kind: 'multipart/not-a-pdf' }),
  mp({ parts: [filePart({ contentType: 'text/html' })], kind: 'multipart/wrong-part-type' }),
  mp({ parts: [filePart()], kind: 'multipart/unterminated', unterminated: true }),
  mp({
    parts: [filePart()],
    kind: 'multipart/wrong-boundary',
    contentType: 'multipart/form-data; boundary=khac',
  }),
  mp({ parts: [filePart()], kind: 'multipart/no-boundary', contentType: 'multipart/form-data' }),
  labelled(HOSTILE_STRINGS.filter(([, v]) => v.length < 5_000)).map(([label, name]): MultipartFault => ({
    parts: [filePart({ filename: name })],
    kind: `multipart/filename/${label}`,
  })),
  mp({ parts: [filePart({ filename: `${'a'.repeat(300)}.pdf` })], kind: 'multipart/filename/long-300' }),
);

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
