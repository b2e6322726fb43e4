// A small HTTP client over keep-alive sockets: what it measures is the API, not a client library's overhead.
import http from 'node:http';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  ms: number;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** read the body but neither keep nor parse it */
  discardBody?: boolean;
}

export class HttpClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly base: URL,
    maxSockets = 256,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /**
   * One request. A kept-alive socket that the server closed as it was being reused (ECONNRESET before any answer:
   * Node's server closes idle sockets after 5 s, and a 50,000-school run idles that long between phases) is
   * tried once more on a fresh one; every request of the bench may be sent twice (reads, logins, and moves with
   * an Idempotency-Key).
   */
  async request<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<HttpResult<T>> {
    const started = performance.now();
    try {
      return await this.send<T>(method, path, opts);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') throw err;
      // The round trip counts from the first try.
      const retried = await this.send<T>(method, path, opts);
      return { ...retried, ms: performance.now() - started };
    }
  }

  private send<T>(method: string, path: string, opts: RequestOptions): Promise<HttpResult<T>> {
    const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path: `${this.base.pathname.replace(/\/$/, '')}${path}`,
          method,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
            ...opts.headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          // Under load the body is read but not kept or parsed: the client's CPU is the API's competitor here.
          res.on('data', (c: Buffer) => opts.discardBody || chunks.push(c));
          res.on('end', () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            if (opts.discardBody) return resolve({ status: res.statusCode ?? 0, body: undefined as T, ms });
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON: keep the text
            }
            resolve({ status: res.statusCode ?? 0, body: body as T, ms });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Runs `task` on `concurrency` loops until `seconds` have passed; returns every round trip's latency and status.
 * Each loop passes its own number to `task`: a client that stays the same user on the same page.
 */
export async function closedLoop(
  concurrency: number,
  seconds: number,
  task: (client: number) => Promise<HttpResult>,
): Promise<{ latencies: number[]; errors: number; statuses: Record<string, number>; elapsedMs: number }> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = Date.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (Date.now() < until) {
        try {
          const r = await task(client);
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          if (r.status >= 200 && r.status < 300) latencies.push(r.ms);
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies, errors, statuses, elapsedMs: Date.now() - started };
}
