// Sends the cases a few at a time (requests on one plan, meeting or campaign one after another, so that what a
// case finds does not depend on a race), judges every answer, and writes the summary a failure is read from.
import type { FuzzCase, RawCase } from './cases';
import { type Finding, judge } from './oracle';
import type { Operation } from './openapi';
import { type Answer, type Concrete, type Resolver, curl, send, sendRaw } from './transport';

export interface Outcome {
  n: number;
  op: string;
  kind: string;
  role: string;
  req?: Concrete;
  answer?: Answer;
  findings: Finding[];
  /** not sent: why */
  skipped?: string;
}

export interface RunOptions {
  port: number;
  resolver: Resolver;
  ops: Map<string, Operation>;
  names: Set<string>;
  concurrency: number;
  /** resources that stopped answering: their later cases are not sent (each would wait 5 s for nothing) */
  locked: Map<string, string>;
  /** requests left unanswered so far, by resource, over every call of one run */
  timeouts: Map<string, { count: number; first: string }>;
}

/** A resource whose requests went unanswered this many times is taken as locked. */
const LOCK_AFTER = 2;

export async function runCases(cases: FuzzCase[], opts: RunOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(cases.length);
  const prepared = cases.map((c) => {
    try {
      return { req: opts.resolver.resolve(c) };
    } catch (err) {
      return { error: (err as Error).message };
    }
  });
  const timeouts = opts.timeouts;
  const execute = async (i: number): Promise<void> => {
    const c = cases[i];
    const base = { n: c.n, op: c.op, kind: c.kind, role: c.role };
    const { req, error } = prepared[i];
    if (!req) {
      outcomes[i] = { ...base, findings: [{ category: 'fuzzer: could not build the request', detail: String(error) }] };
      return;
    }
    if (req.resource && opts.locked.has(req.resource)) {
      outcomes[i] = { ...base, req, findings: [], skipped: `locked by ${opts.locked.get(req.resource)}` };
      return;
    }
    let answer: Answer;
    try {
      answer = await send(opts.port, req);
    } catch (err) {
      // node:http refuses some header or path values before sending: a fuzzer bug, not the API's.
      outcomes[i] = {
        ...base,
        req,
        findings: [{ category: 'fuzzer: node:http refused the request', detail: (err as Error).message }],
      };
      return;
    }
    const op = opts.ops.get(c.op);
    const findings = judge(answer, req, {
      names: opts.names,
      secured: op?.secured ?? false,
      anonymous: c.role === 'anonymous' || c.role === 'badToken',
      outsider: c.role === 'outsider',
      kind: c.kind,
      jsonBody: op?.bodyType === 'json' && c.method === op.method,
    });
    if (answer.error?.startsWith('timeout') && req.resource) {
      // The first request left unanswered is the likely poison; the next ones only wait behind it.
      const seen = timeouts.get(req.resource) ?? { count: 0, first: `case #${c.n} (${c.op}, ${c.kind}, as ${c.role})` };
      seen.count++;
      timeouts.set(req.resource, seen);
      if (seen.count >= LOCK_AFTER && !opts.locked.has(req.resource)) {
        opts.locked.set(req.resource, `${seen.first}, then case #${c.n}`);
      }
    }
    outcomes[i] = { ...base, req, answer, findings };
  };

  const pending = cases.map((_, i) => i);
  const busy = new Set<string>();
  let active = 0;
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      for (let k = 0; k < pending.length && active < opts.concurrency;) {
        const i = pending[k];
        const key = prepared[i].req?.resource;
        if (key && busy.has(key)) {
          k++;
          continue;
        }
        pending.splice(k, 1);
        active++;
        if (key) busy.add(key);
        void execute(i).then(() => {
          active--;
          if (key) busy.delete(key);
          if (!pending.length && !active) resolve();
          else pump();
        });
      }
    };
    if (!pending.length) resolve();
    else pump();
  });
  return outcomes;
}

export async function runRawCases(
  cases: RawCase[],
  port: number,
  ctx: { token: string; planId: string; names: Set<string> },
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const c of cases) {
    const bytes = c.bytes(ctx);
    const req: Concrete = {
      method: 'RAW',
      url: bytes.toString('latin1').split('\r\n')[0].slice(0, 200),
      headers: {},
      echoes: [],
      realIds: [],
    };
    const answer = await sendRaw(port, bytes);
    const findings = judge(answer, req, { names: ctx.names, secured: false, anonymous: false, outsider: false });
    outcomes.push({ n: c.n, op: c.op, kind: c.kind, role: 'admin', req, answer, findings });
  }
  return outcomes;
}

/** A message with what varies from one request to the next taken out, so that one cause is one line. */
function shapeOf(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/"[^"]{0,200}"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 160);
}

export function messageOf(o: Outcome): string {
  if (!o.answer) return '';
  const text = o.answer.body.toString('utf8');
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : text.slice(0, 160);
  } catch {
    return text.slice(0, 160) || '(empty body)';
  }
}

/** The kind of finding, for the heading it is listed under: messages by what is wrong with them. */
function causeOf(f: Finding): string {
  if (!f.category.startsWith('message:')) return f.category;
  const kinds = new Set(
    f.category
      .slice('message: '.length)
      .split(/, (?=English|type name|a |an |no Vietnamese)/)
      .map((r) => r.replace(/ \(.*$| ".*$/, '')),
  );
  return `message not plain Vietnamese (${[...kinds].join(', ')})`;
}

interface Group {
  cause: string;
  /** the operation and status, or the message's shape, that a line of the summary stands for */
  line: string;
  cases: Outcome[];
  ops: Set<string>;
  roles: Set<string>;
}

/** The kind of input, without what varies within it: 'transport/content-encoding/*', 'body/string/nul'. */
function familyOf(kind: string): string {
  return kind
    .replace(/:.*$/, '')
    .replace(
      /\/(content-encoding|content-type|malformed-json|bytes|idempotency-key|bad-percent-encoding)\/.*$/,
      '/$1/*',
    );
}

/** The failures, one heading per cause and one line per operation (or per message), each with a request that
 * shows it again. */
export function summarise(outcomes: Outcome[], port: number, header: string): { failed: number; text: string } {
  const groups = new Map<string, Group>();
  for (const o of outcomes) {
    for (const f of o.findings) {
      const status = o.answer?.status ? String(o.answer.status) : '-';
      const cause = causeOf(f);
      const byMessage = cause.startsWith('message') || cause === 'shape: 400 without errors[]';
      const line = byMessage
        ? `${status} ${JSON.stringify(shapeOf(cause.startsWith('message') ? f.detail : messageOf(o)))}`
        : `${familyOf(o.kind)} → ${status}`;
      const key = `${cause}\u0000${line}`;
      const g = groups.get(key) ?? { cause, line, cases: [], ops: new Set<string>(), roles: new Set<string>() };
      g.cases.push(o);
      g.ops.add(o.op);
      g.roles.add(o.role);
      groups.set(key, g);
    }
  }
  const byCause = new Map<string, Group[]>();
  for (const g of groups.values()) byCause.set(g.cause, [...(byCause.get(g.cause) ?? []), g]);
  const lines = [header];
  const failed = outcomes.filter((o) => o.findings.length).length;
  if (!failed) return { failed, text: lines.join('\n') };
  lines.push('', `${failed} of ${outcomes.length} requests failed, for ${byCause.size} causes:`);
  const causes = [...byCause.entries()].sort((a, b) => count(b[1]) - count(a[1]));
  for (const [cause, list] of causes) {
    lines.push('', `■ ${cause} — ${count(list)} requests`);
    for (const g of list.sort((a, b) => b.cases.length - a.cases.length).slice(0, 15)) {
      const ex = g.cases[0];
      const ops = [...g.ops].slice(0, 4).join(', ') + (g.ops.size > 4 ? `, … (${g.ops.size} operations)` : '');
      lines.push(
        `  ${g.line} ×${g.cases.length} on ${ops}, as ${[...g.roles].slice(0, 4).join(', ')}`,
        `    e.g. case #${ex.n} ${ex.op} (${ex.kind}, as ${ex.role}): ${JSON.stringify(messageOf(ex) || ex.findings[0]?.detail || '').slice(0, 200)}`,
      );
      if (ex.req && ex.req.method !== 'RAW') lines.push(`    ${curl(port, ex.req)}`);
      else if (ex.req) lines.push(`    raw request: ${ex.req.url}`);
    }
    if (list.length > 15) lines.push(`  … and ${list.length - 15} more`);
  }
  return { failed, text: lines.join('\n') };
}

const count = (list: { cases: Outcome[] }[]) => list.reduce((n, g) => n + g.cases.length, 0);

/** Statuses and times of a run, for the header of the summary. */
export function tally(outcomes: Outcome[]): string {
  const statuses = new Map<string, number>();
  for (const o of outcomes) {
    const s = o.skipped ? 'skipped' : o.answer?.status ? String(o.answer.status) : (o.answer?.error ?? 'none');
    statuses.set(s, (statuses.get(s) ?? 0) + 1);
  }
  return [...statuses.entries()]
    .sort()
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
}
