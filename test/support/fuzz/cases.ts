// What one fuzz request is, before it is sent: the operation, who sends it, and each part of the request, with
// real ids left as references (ids differ from run to run; the seed, and so the list of cases, does not).
import type { IdKind, Role } from './world';

/** A real value of the world, chosen when the case is sent: pools[kind][pick % length]. */
export class Ref {
  constructor(
    readonly kind: IdKind | 'loginEmail',
    readonly pick: number,
  ) {}
}

/** A JSON token written as is into the body text (numbers JSON.stringify cannot produce). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A path or query value: a real one, or literal text (already percent-encoded when encoded is set). */
export type ParamValue = Ref | { literal: string; encoded?: boolean };

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  content: Buffer | string;
}

export type Body =
  | { type: 'none' }
  /** a JSON value, serialised; contentType null sends no Content-Type header */
  | { type: 'json'; value: unknown; contentType?: string | null; encoding?: string; compress?: 'gzip' | 'deflate' }
  | { type: 'text'; text: string; contentType?: string | null }
  | { type: 'bytes'; bytes: Buffer; contentType?: string | null }
  | { type: 'form'; value: unknown }
  | { type: 'multipart'; parts: Part[]; boundary: string; contentType?: string | null; unterminated?: boolean };

/** How a request without a valid token authenticates. */
export type BadAuth =
  | 'no-header'
  | 'empty'
  | 'bearer-only'
  | 'bearer-empty'
  | 'garbage'
  | 'three-dots'
  | 'basic'
  | 'lowercase-scheme'
  | 'no-scheme'
  | 'tampered'
  | 'alg-none'
  | 'wrong-secret'
  | 'huge'
  | 'double-space'
  | 'latin1';

export interface FuzzCase {
  /** its place in the run: the case's number in the summary */
  n: number;
  /** the operation of the OpenAPI document, 'POST /api/plans/{id}/submit', or 'RAW …' */
  op: string;
  /** the method sent: the operation's own unless the case is about the method */
  method: string;
  role: Role;
  badAuth?: BadAuth;
  path: Record<string, ParamValue>;
  /** id comes from the owner of the child parameter (a comment's plan), so the pair exists together */
  coherent: boolean;
  query: [string, ParamValue][];
  /** appended to the query string as is */
  rawQuery?: string;
  headers: Record<string, string>;
  body: Body;
  /** what was hostile about it, for the summary: 'body/nul:reason', 'path/id:bad-uuid/short', 'valid' */
  kind: string;
}

/** A request at the HTTP level, written byte for byte to a socket: what Node answers before Express. */
export interface RawCase {
  n: number;
  op: string;
  kind: string;
  /** the request; {path} and {token} are filled in when sent */
  bytes: (ctx: { token: string; planId: string }) => Buffer;
}
