// What every answer must be, whatever was sent: an answer within 5 s, never a 5xx, every error in the documented
// shape (apps/api/src/common/http-errors.filter.ts and the README's "Errors"), and every message in Vietnamese,
// with no English, no type names and no stack trace.
import type { Answer, Concrete } from './transport';

export interface Finding {
  /** the cause, in a form that groups: '5xx', 'hang', 'shape: 400 without errors[]', 'english' */
  category: string;
  detail: string;
}

/** English words that no Vietnamese sentence of the product needs (spellings like "to", "can", "do", "so", "may",
 * "in", "an", "long" or "non", as in "Mầm non", are left out: they are Vietnamese words too). */
const ENGLISH = new Set(
  (
    'expected expect expecting unexpected received receive required require requires invalid valid validation ' +
    'failed fail fails failure error errors must should cannot could would not is are was were be been being the ' +
    'of at position token json property properties field fields character characters length too big small large ' +
    'short greater less than equal least most minimum maximum option options unrecognized unknown key keys ' +
    'request requests bad payload entity unsupported media content header headers encoding charset timeout ' +
    'internal server forbidden unauthorized found conflict precondition please try again later end input data ' +
    'format missing empty exceeded exceeds exceed limit allowed only any all with without from for and or but this ' +
    'that has have does did got value values type types parse parsing syntax unterminated body element elements ' +
    'item items list match matches pattern contain contains whitespace nested deep depth allowed larger smaller ' +
    'payload entity too many invalid_type invalid_value too_big too_small expected_type something wrong went ' +
    'occurred happened returned return returns exist exists does doesn already denied access permission user users ' +
    'route path method cannot get post put patch delete options head unsupported media'
  ).split(/\s+/),
);

/** Technical names of types: "mong đợi string, nhận được undefined" is the wording the issue calls technical. */
const TYPE_WORDS = new Set(
  'string number boolean object array undefined null nan bigint integer int float double symbol function record map set instanceof'.split(
    ' ',
  ),
);

const STACK: [RegExp, string][] = [
  [/\n\s*at\s/, 'a stack frame'],
  [/\bat\s+(?:async\s+|new\s+)?[\w$]+\.[\w$<>]+\s*\(/, 'a stack frame'],
  [/\bat Object\.|\bat Function\.|\bat process\./, 'a stack frame'],
  [/[\w./-]+\.(?:ts|js|mjs|cjs):\d+/, 'a file and line'],
  [/node_modules|\/work\/|\/home\/|\/usr\/|webpack:|file:\/\//, 'a file path'],
  [/\b[A-Z][A-Za-z]*(?:Error|Exception|Failure)\b/, 'an exception class'],
  [/\bprisma\b|\binvocation\b|\bSQLSTATE\b|\bpostgres|\bP20\d\d\b|\bbyte sequence\b/i, 'a database detail'],
  [/\b(?:ECONNREFUSED|ECONNRESET|ENOENT|ETIMEDOUT|EPIPE|EADDRINUSE|ERR_[A-Z_]+)\b/, 'a system error code'],
  [/\[object Object\]/, 'an unprinted object'],
  [/\bCannot (?:read|set|GET|POST|PUT|PATCH|DELETE)\b/, 'a framework message'],
];

export interface MessageContext {
  /** texts the request carried: a message may quote them back */
  echoes: string[];
  /** field, parameter and header names: a message may name them */
  names: Set<string>;
  /** the fields this answer's errors[] names: one of them may be called "number" and still be a field */
  fields?: Set<string>;
}

/** Why a message is not plain Vietnamese: the English words, type names or traces in it ([] when it is fine). */
export function notVietnamese(message: string, ctx: MessageContext): string[] {
  const reasons: string[] = [];
  for (const [pattern, what] of STACK) {
    const m = pattern.exec(message);
    if (m) reasons.push(`${what} (${JSON.stringify(m[0].slice(0, 40))})`);
  }
  // What a message quotes or echoes is the user's, not the product's wording.
  let text = message.replace(/"[^"]*"|“[^”]*”|'[^'\s][^']*'|`[^`]*`|«[^»]*»/g, ' ');
  // A term glossed in parentheses, "Phần đầu (header)", is Vietnamese style; a sentence in them is not.
  text = text.replace(/\(\s*[^()\s]+(?:\s+[^()\s]+)?\s*\)/g, ' ');
  const echoes = [...new Set(ctx.echoes)]
    .filter((e) => !TYPE_WORDS.has(e.trim().toLowerCase()) && !ENGLISH.has(e.trim().toLowerCase()))
    .sort((a, b) => b.length - a.length);
  for (const echo of echoes) if (text.includes(echo)) text = text.split(echo).join(' ');
  const words = new Set<string>();
  for (const raw of text.split(/[\s,;:()[\]{}!?<>=|*+]+/)) {
    const token = raw.replace(/^[.'-]+|[.'-]+$/g, '');
    if (token.length < 2) continue;
    // codes, identifiers, paths and numbers: th-thanh-tan, sections.purpose, 2027-01-01, Idempotency-Key
    if (/[\d@/_\\.#$%&~^-]/.test(token)) continue;
    // Vietnamese words, acronyms (UUID, JSON, HH), enum values (APPROVED), identifiers (campaignId)
    if (/[\u0080-\uffff]/.test(token) || /^[A-Z]+$/.test(token) || /[a-z][A-Z]/.test(token)) continue;
    const lower = token.toLowerCase();
    if (TYPE_WORDS.has(lower) && !ctx.fields?.has(token)) words.add(`type name "${token}"`);
    else if (ENGLISH.has(lower) && !ctx.names.has(token)) words.add(`English "${token}"`);
  }
  reasons.push(...words);
  if (!/[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/.test(message)) reasons.push('no Vietnamese in it');
  return reasons;
}

/** Whether a text carries what a text field must refuse or clean: a C0 control but tab and line ends, or a lone
 * surrogate. */
function hasUnholdable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
    const high = c >= 0xd800 && c <= 0xdbff;
    const low = c >= 0xdc00 && c <= 0xdfff;
    const next = text.charCodeAt(i + 1);
    if (high && !(next >= 0xdc00 && next <= 0xdfff)) return true;
    if (high) i++;
    else if (low) return true;
  }
  return false;
}

/** The first string of a JSON value that carries a character no text field may keep, with where it is. */
function unholdable(value: unknown, at = ''): string | undefined {
  if (typeof value === 'string')
    return hasUnholdable(value) ? `${at || '(body)'} = ${JSON.stringify(value.slice(0, 60))}` : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unholdable(value[i], `${at}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = unholdable(v, at ? `${at}.${k}` : k);
      if (found) return found;
    }
  }
  return undefined;
}

/** Bodies a JSON route must refuse with 415 (issue: "form-encoded bodies are accepted on JSON-only routes"). */
const NOT_JSON =
  /^transport\/(form-body|content-type\/(text-plain|form-urlencoded|multipart|multipart-no-boundary|xml|octet-stream|garbage|wildcard))$/;

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** The findings about one answer ([] when it is what the API promises). */
export function judge(
  answer: Answer,
  req: Concrete,
  ctx: {
    names: Set<string>;
    secured: boolean;
    anonymous: boolean;
    outsider: boolean;
    kind?: string;
    jsonBody?: boolean;
  },
): Finding[] {
  if (answer.error === 'timeout')
    return [{ category: 'hang: no answer within 5 s', detail: `after ${Math.round(answer.ms)} ms` }];
  if (answer.error && !answer.status) return [{ category: `no answer: ${answer.error}`, detail: answer.error }];
  const findings: Finding[] = [];
  const status = answer.status;
  if (answer.error) findings.push({ category: `answer cut off: ${answer.error}`, detail: answer.error });
  if (status >= 500) findings.push({ category: `${status}`, detail: answer.body.toString('utf8').slice(0, 300) });
  if (status >= 200 && status < 300) {
    // A write that answers with the control character it was sent kept it: neither refused nor cleaned.
    if (req.method !== 'GET' && /^application\/json/i.test(String(answer.headers['content-type'] ?? ''))) {
      let body: unknown;
      try {
        body = JSON.parse(answer.body.toString('utf8'));
      } catch {
        body = undefined;
      }
      const kept = unholdable(body);
      if (kept) findings.push({ category: 'stored: a write kept a control character or lone surrogate', detail: kept });
    }
    if (ctx.jsonBody && NOT_JSON.test(ctx.kind ?? '')) {
      findings.push({
        category: 'media type: a JSON route took a body that is not JSON (415 expected)',
        detail: `${ctx.kind}`,
      });
    }
    if (ctx.secured && ctx.anonymous) {
      findings.push({ category: 'auth: 2xx without a valid token', detail: String(status) });
    }
    if (ctx.outsider && req.realIds.length) {
      findings.push({
        category: "scope: 2xx to another district's user on this district's id",
        detail: req.realIds.join(','),
      });
    }
    return findings;
  }
  if (status < 400) return findings;
  if (status === 413 && ctx.kind === 'transport/size/valid-127KB-draft') {
    findings.push({ category: 'size: a draft the schema allows was refused as too large', detail: String(status) });
  }

  const type = String(answer.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) {
    findings.push({
      category: `shape: ${status} answered ${type ? type.split(';')[0] : 'without a Content-Type'}, not JSON`,
      detail: answer.body.toString('utf8').slice(0, 200) || '(empty body)',
    });
    return findings;
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.body.toString('utf8'));
  } catch {
    findings.push({
      category: `shape: ${status} body is not JSON`,
      detail: answer.body.toString('utf8').slice(0, 200),
    });
    return findings;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    findings.push({ category: `shape: ${status} body is not an object`, detail: JSON.stringify(body).slice(0, 200) });
    return findings;
  }
  const b = body as Record<string, unknown>;
  if (b.statusCode !== status)
    findings.push({
      category: 'shape: statusCode differs from the HTTP status',
      detail: `${b.statusCode} ≠ ${status}`,
    });
  if (!isText(b.code)) findings.push({ category: 'shape: no code', detail: JSON.stringify(b).slice(0, 200) });
  if (!isText(b.message)) findings.push({ category: 'shape: no message', detail: JSON.stringify(b).slice(0, 200) });
  const errors = b.errors;
  if (errors !== undefined) {
    const ok =
      Array.isArray(errors) &&
      errors.every((e) => e && typeof e === 'object' && typeof e.field === 'string' && isText(e.message));
    if (!ok)
      findings.push({
        category: 'shape: errors[] is not a list of { field, message }',
        detail: JSON.stringify(errors).slice(0, 200),
      });
  }
  if (status === 400 && !(Array.isArray(errors) && errors.length > 0)) {
    findings.push({ category: 'shape: 400 without errors[]', detail: String(b.message).slice(0, 200) });
  }
  if (status >= 500 && !isText(b.errorId))
    findings.push({ category: `shape: ${status} without errorId`, detail: String(b.message) });

  const messages = [b.message, ...(Array.isArray(errors) ? errors.map((e: { message?: unknown }) => e?.message) : [])];
  const fields = new Set(
    (Array.isArray(errors) ? errors.map((e: { field?: unknown }) => String(e?.field)) : []).flatMap((f) => [
      f,
      ...f.split('.'),
    ]),
  );
  const mctx = { echoes: req.echoes, names: new Set([...ctx.names, ...fields]), fields };
  for (const m of messages) {
    if (!isText(m)) continue;
    const reasons = notVietnamese(m, mctx);
    if (reasons.length) findings.push({ category: `message: ${reasons.join(', ')}`, detail: m.slice(0, 300) });
  }
  return findings;
}
