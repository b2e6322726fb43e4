// Turns a fuzz case into bytes on a socket and reads the answer, with a 5 s limit. Requests go through node:http
// (so that any body, content type, encoding or charset can be sent, not only what a client library allows) or,
// for what even node:http refuses to send, straight to a TCP socket.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { type Body, type FuzzCase, type ParamValue, type Part, RawJson, Ref } from './cases';
import { paramKind } from './arbitraries';
import type { Operation } from './openapi';
import type { World } from './world';

export const TIMEOUT_MS = 5_000;
/** what is kept of an answer's body: enough for any error, and for the start of a download */
const KEEP_BYTES = 256 * 1024;

export interface Concrete {
  method: string;
  /** path and query, percent-encoded */
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** who the token is for, for the summary */
  as?: string;
  /** every text the request carried: a message may quote it back */
  echoes: string[];
  /** the real ids of the world in its path */
  realIds: string[];
  /** the plan, meeting or campaign it works on: requests on one resource are sent one at a time */
  resource?: string;
}

export interface Answer {
  /** 0: no answer */
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ms: number;
  /** 'timeout', or the socket error that ended the request before an answer */
  error?: string;
}

/** Percent-encodes every byte but the unreserved ones; a lone surrogate goes as UTF-8's replacement character. */
export function encode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function jwt(header: object, payload: object, secret?: string): string {
  const head = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return secret ? `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}` : `${head}.`;
}

export class Resolver {
  constructor(
    private readonly world: World,
    private readonly ops: Map<string, Operation>,
    private readonly tokens: Map<string, string>,
  ) {}

  value(ref: Ref): string {
    const pool = ref.kind === 'loginEmail' ? this.world.emails.all : this.world.pools[ref.kind];
    if (!pool.length) throw new Error(`the fuzz world has no ${ref.kind}`);
    return pool[ref.pick % pool.length];
  }

  private param(value: ParamValue): { text: string; sent: string; real?: string } {
    if (value instanceof Ref) {
      const v = this.value(value);
      return { text: v, sent: encode(v), real: this.world.realIds.has(v) ? v : undefined };
    }
    const real = this.world.realIds.has(value.literal) ? value.literal : undefined;
    return { text: value.literal, sent: value.encoded ? value.literal : encode(value.literal), real };
  }

  resolve(c: FuzzCase): Concrete {
    const op = this.ops.get(c.op);
    if (!op) throw new Error(`no operation ${c.op}`);
    const echoes: string[] = [];
    const realIds: string[] = [];
    const resolved: Record<string, { text: string; sent: string; real?: string }> = {};
    for (const [name, value] of Object.entries(c.path)) resolved[name] = this.param(value);
    // A child (comment, attachment, extension request, slot) and its own plan or meeting, so the pair exists.
    if (c.coherent && resolved.id) {
      for (const child of ['commentId', 'attachmentId', 'requestId', 'slotId']) {
        const parent = resolved[child]?.real && this.world.parentOf.get(resolved[child].real!);
        const wanted = paramKind(op, 'id');
        if (parent && (wanted === 'plan' || wanted === 'meeting'))
          resolved.id = { text: parent, sent: parent, real: parent };
      }
    }
    let url = op.path;
    for (const [name, r] of Object.entries(resolved)) {
      url = url.replace(`{${name}}`, r.sent);
      echoes.push(r.text);
      if (r.real) realIds.push(r.real);
    }
    const query = c.query.map(([name, value]) => {
      const r = this.param(value);
      echoes.push(r.text);
      return `${encode(name)}=${r.sent}`;
    });
    if (c.rawQuery) query.push(c.rawQuery);
    if (query.length) url += `?${query.join('&')}`;

    const planId = resolved.id && paramKind(op, 'id').toLowerCase().includes('plan') ? resolved.id.real : undefined;
    const ownerPlan = planId ?? (resolved.slotId?.real && this.world.ownerPlan.get(resolved.slotId.real));
    const email = this.world.emailFor(c.role, ownerPlan || undefined);
    const headers: Record<string, string> = {};
    if (email) headers.authorization = `Bearer ${this.token(email)}`;
    if (c.role === 'badToken') Object.assign(headers, this.badAuth(c));
    for (const [k, v] of Object.entries(c.headers)) headers[k] = v;
    const body = this.body(c.body, echoes, headers);
    // A message may quote a header back ("định dạng đã gửi: …"); the token is never quoted.
    for (const [k, v] of Object.entries(headers)) if (k !== 'authorization') echoes.push(v);
    return {
      method: c.method,
      url,
      headers,
      body,
      as: email ?? (c.role === 'badToken' ? `bad token (${c.badAuth})` : 'nobody'),
      echoes: echoes.filter((e) => e.length >= 3),
      realIds,
      resource: realIds[0],
    };
  }

  private token(email: string): string {
    const token = this.tokens.get(email);
    if (!token) throw new Error(`no token for ${email}`);
    return token;
  }

  private badAuth(c: FuzzCase): Record<string, string> {
    const valid = this.token(this.world.emails.admin);
    const claims = { sub: this.world.pools.user[0], did: this.world.district.id, iat: 1_700_000_000 };
    const values: Record<NonNullable<FuzzCase['badAuth']>, string | undefined> = {
      'no-header': undefined,
      empty: '',
      'bearer-only': 'Bearer',
      'bearer-empty': 'Bearer ',
      garbage: 'Bearer khong-phai-token',
      'three-dots': 'Bearer a.b.c',
      basic: `Basic ${Buffer.from('truongphong:Duyet@2026').toString('base64')}`,
      'lowercase-scheme': `bearer ${valid}`,
      'no-scheme': valid,
      tampered: `Bearer ${valid.slice(0, -3)}${valid.endsWith('A') ? 'B' : 'A'}AA`,
      'alg-none': `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, claims)}`,
      'wrong-secret': `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, claims, 'not-the-secret-of-this-server')}`,
      huge: `Bearer ${'a'.repeat(12_000)}`,
      'double-space': `Bearer  ${valid}`,
      latin1: 'Bearer \xe9\xe8\xff',
    };
    const value = values[c.badAuth ?? 'no-header'];
    return value === undefined ? {} : { authorization: value };
  }

  private plain(value: unknown, echoes: string[]): { text: string } {
    const raws: string[] = [];
    const text = JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Ref) return this.value(v);
      if (v instanceof RawJson) {
        raws.push(v.text);
        return `RAWJSON_${raws.length - 1}_MARK`;
      }
      if (typeof v === 'string') echoes.push(v);
      return v;
    });
    let out = text ?? '';
    raws.forEach((raw, i) => (out = out.replace(`"RAWJSON_${i}_MARK"`, raw)));
    return { text: out };
  }

  private body(body: Body, echoes: string[], headers: Record<string, string>): Buffer | undefined {
    const type = (contentType: string | null | undefined, fallback: string) => {
      if (contentType === null) return;
      headers['content-type'] = contentType ?? fallback;
    };
    switch (body.type) {
      case 'none':
        return undefined;
      case 'json': {
        let bytes = Buffer.from(this.plain(body.value, echoes).text, 'utf8');
        if (body.compress === 'gzip') bytes = gzipSync(bytes);
        if (body.compress === 'deflate') bytes = deflateSync(bytes);
        type(body.contentType, 'application/json');
        if (body.encoding !== undefined) headers['content-encoding'] = body.encoding;
        return bytes;
      }
      case 'text':
        type(body.contentType, 'application/json');
        echoes.push(body.text);
        return Buffer.from(body.text, 'utf8');
      case 'bytes':
        type(body.contentType, 'application/json');
        return body.bytes;
      case 'form': {
        const pairs: string[] = [];
        const walk = (v: unknown, key: string): void => {
          if (v instanceof Ref) v = this.value(v);
          if (v instanceof RawJson) v = v.text;
          if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${key}[${i}]`));
          else if (v && typeof v === 'object')
            for (const [k, x] of Object.entries(v)) walk(x, key ? `${key}[${k}]` : k);
          else {
            echoes.push(String(v));
            pairs.push(`${encode(key)}=${encode(String(v))}`);
          }
        };
        walk(body.value, '');
        headers['content-type'] = 'application/x-www-form-urlencoded';
        return Buffer.from(pairs.join('&'));
      }
      case 'multipart':
        type(body.contentType, `multipart/form-data; boundary=${body.boundary}`);
        return multipart(body.parts, body.boundary, body.unterminated, echoes);
    }
  }
}

function multipart(parts: Part[], boundary: string, unterminated: boolean | undefined, echoes: string[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition =
      p.filename === undefined
        ? `form-data; name="${p.name}"`
        : `form-data; name="${p.name}"; filename="${p.filename}"`;
    if (p.filename) echoes.push(p.filename);
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n`, 'utf8'));
    if (p.contentType) chunks.push(Buffer.from(`Content-Type: ${p.contentType}\r\n`));
    chunks.push(
      Buffer.from('\r\n'),
      Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  if (!unterminated) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** One request through node:http on a socket of its own; no answer within TIMEOUT_MS is a timeout. */
export function send(port: number, req: Concrete): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const chunks: Buffer[] = [];
    let kept = 0;
    let status = 0;
    let headers: Answer['headers'] = {};
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, headers, body: Buffer.concat(chunks), ms: performance.now() - started, error });
    };
    const timer = setTimeout(() => {
      finish(status ? 'timeout while reading the body' : 'timeout');
      outgoing.destroy();
    }, TIMEOUT_MS);
    const outgoing = http.request({
      host: '127.0.0.1',
      port,
      method: req.method,
      path: req.url,
      agent: false,
      headers: { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) },
    });
    outgoing.on('response', (res) => {
      status = res.statusCode ?? 0;
      headers = res.headers;
      res.on('data', (d: Buffer) => {
        if (kept < KEEP_BYTES) chunks.push(d);
        kept += d.length;
      });
      res.on('end', () => finish());
      res.on('error', (e) => finish(`response: ${e.message}`));
    });
    // The server may answer (413) and close before it has read the whole body: the answer is what counts.
    outgoing.on('error', (e: NodeJS.ErrnoException) => {
      if (!status) finish(`no answer: ${e.code ?? e.message}`);
    });
    outgoing.end(req.body);
  });
}

/** Bytes written to a TCP socket as they are, for requests node:http will not send; the answer parsed by hand. */
export function sendRaw(port: number, bytes: Buffer): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = net.connect(port, '127.0.0.1');
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseResponse(Buffer.concat(chunks)), ms: performance.now() - started, error });
    };
    const timer = setTimeout(() => finish(chunks.length ? undefined : 'timeout'), TIMEOUT_MS);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      if (complete(Buffer.concat(chunks))) finish();
    });
    socket.on('end', () => finish());
    socket.on('error', (e: NodeJS.ErrnoException) => finish(chunks.length ? undefined : `no answer: ${e.code}`));
  });
}

function split(buf: Buffer): { head: string; rest: Buffer } | undefined {
  const at = buf.indexOf('\r\n\r\n');
  if (at < 0) return undefined;
  return { head: buf.subarray(0, at).toString('latin1'), rest: buf.subarray(at + 4) };
}

function complete(buf: Buffer): boolean {
  const parts = split(buf);
  if (!parts) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(parts.head);
  if (length) return parts.rest.length >= Number(length[1]);
  if (/\r\ntransfer-encoding:\s*chunked/i.test(parts.head))
    return parts.rest.includes('\r\n0\r\n\r\n') || parts.rest.subarray(0, 5).toString() === '0\r\n\r\n';
  return false;
}

function parseResponse(buf: Buffer): Pick<Answer, 'status' | 'headers' | 'body'> {
  const parts = split(buf);
  if (!parts) return { status: 0, headers: {}, body: buf };
  const [statusLine, ...lines] = parts.head.split('\r\n');
  const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Answer['headers'] = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = parts.rest;
  if (/chunked/i.test(String(headers['transfer-encoding'] ?? ''))) {
    const out: Buffer[] = [];
    let rest = body;
    for (;;) {
      const eol = rest.indexOf('\r\n');
      if (eol < 0) break;
      const size = parseInt(rest.subarray(0, eol).toString(), 16);
      if (!size) break;
      out.push(rest.subarray(eol + 2, eol + 2 + size));
      rest = rest.subarray(eol + 2 + size + 2);
    }
    body = Buffer.concat(out);
  }
  return { status, headers, body };
}

/** A command that sends the same request again, for the summary. */
export function curl(port: number, req: Concrete): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const url = req.url.length > 400 ? `${req.url.slice(0, 400)}…(${req.url.length} characters)` : req.url;
  const parts = [`curl -sS -m 5 -X ${req.method} ${q(`http://127.0.0.1:${port}${url}`)}`];
  for (const [k, v] of Object.entries(req.headers)) {
    const shown = k === 'authorization' && req.as && !req.as.startsWith('bad') ? `Bearer <token of ${req.as}>` : v;
    parts.push(`-H ${q(`${k}: ${shown.length > 200 ? `${shown.slice(0, 60)}…(${shown.length} characters)` : shown}`)}`);
  }
  if (req.body?.length) {
    const text = req.body.toString('utf8');
    const printable =
      Buffer.from(text, 'utf8').equals(req.body) &&
      ![...text].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127);
    if (req.body.length > 1_500)
      parts.push(`--data-binary <${req.body.length} bytes: ${JSON.stringify(text.slice(0, 120))}…>`);
    else if (printable) parts.push(`--data-binary ${q(text)}`);
    else parts.push(`--data-binary @<(echo ${req.body.toString('base64')} | base64 -d)`);
  }
  return parts.join(' ');
}
