// One part of a valid request made hostile: a body field (wrong type, missing, extra, hostile text, extreme
// number, bad format), the body as a whole, its transport (malformed JSON, bad bytes, media type, charset,
// encoding, size), or a multipart upload.
import fc from 'fast-check';
import { type Body, type Part, RawJson, Ref } from './cases';
import type { Operation } from './openapi';
import { type Arb, labelled } from './valid';
import {
  BAD_BYTES,
  BAD_DATES,
  BAD_DATETIMES,
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
import { DRAFT } from './world';
import { pdf } from '../../fixtures/attachments';

/** What PostgreSQL and documents cannot hold comes up as often as all the rest: it is what locks a plan. */
const POISON = /^(nul|c0-|del-|lone-)/;
const hostileString: Arb<Labelled<string>> = fc.oneof(
  labelled(HOSTILE_STRINGS.filter(([label]) => POISON.test(label))),
  labelled(HOSTILE_STRINGS.filter(([label]) => !POISON.test(label))),
);

export type Path = (string | number)[];

/** Bodies that are not the object a route takes. */
const TOP_LEVEL: Labelled<unknown>[] = [
  ...WRONG_TYPES,
  ['deep-nesting', JSON.parse('['.repeat(200) + ']'.repeat(200))],
];

/** The places of a JSON value: every member and element, with what is there. */
export function places(value: unknown, at: Path = [], out: { path: Path; value: unknown }[] = []) {
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

export function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
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

export const describe = (path: Path) => (path.length ? path.join('.') : '(body)');

/** One field of a valid body made hostile, or the body as a whole replaced. */
export function hostileBody(valid: unknown): Arb<{ value: unknown; kind: string }> {
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
export function hostileTransport(op: Operation, valid: unknown): Arb<{ body: Body; kind: string }> {
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

export function filePart(overrides: Partial<Part> = {}): Part {
  return { name: 'file', filename: 'ke-hoach.pdf', contentType: 'application/pdf', content: pdf(), ...overrides };
}

export interface MultipartFault {
  parts: Part[];
  kind: string;
  unterminated?: boolean;
  contentType?: string;
}
const mp = (m: MultipartFault): Arb<MultipartFault> => fc.constant(m);

export const hostileMultipart: Arb<MultipartFault> = fc.oneof(
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
