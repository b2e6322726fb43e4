// Valid values of the OpenAPI document's schemas, as fast-check arbitraries: Vietnamese text within the bounds,
// real ids of the fuzz world where a field names one, future dates, and openapi-sampler's sample where a schema
// says too little (a pattern, the reminder policy).
import fc from 'fast-check';
import { sample as openApiSample } from 'openapi-sampler';
import { Ref } from './cases';
import type { JsonSchema, OpenApiDocument } from './openapi';
import type { Labelled } from './values';
import { DRAFT, FUTURE, type IdKind } from './world';

export type Arb<T> = fc.Arbitrary<T>;

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

export const labelled = <T>(list: Labelled<T>[]): Arb<Labelled<T>> => fc.constantFrom(...list);

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

export const ref = (kind: IdKind | 'loginEmail'): Arb<Ref> => fc.nat(1000).map((pick) => new Ref(kind, pick));

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

/** openapi-sampler's sample of a schema, with its placeholder text ("string") in Vietnamese: a message that quotes
 * the placeholder back is not English for that. */
export function sampled(schema: JsonSchema, doc: OpenApiDocument, options: { enablePatterns?: boolean } = {}): unknown {
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
