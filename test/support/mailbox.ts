import { request } from 'node:http';

/** The mail catcher's inbox (maildev's REST API), as the tests read it. */
export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string; name?: string }[];
  cc?: { address: string; name?: string }[];
  headers: Record<string, string>;
}

const base = (): string => {
  const url = process.env.MAILBOX_URL;
  if (!url) throw new Error('MAILBOX_URL is not set: run the tests through npm test');
  return url;
};

/**
 * One request to the catcher on a connection of its own (`agent: false`). The global fetch keeps connections
 * alive in a pool shared by every suite of a Jest worker, and one left idle by an earlier suite can be closed by
 * maildev just as the next suite writes on it ("other side closed", seen in CI); a fresh connection cannot be stale.
 */
export function mailboxRequest(path: string, method: 'GET' | 'DELETE' = 'GET'): Promise<string> {
  const url = new URL(`${base()}${path}`);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300)
          reject(new Error(`mailbox answered ${status} to ${method} ${path}: ${body}`));
        else resolve(body);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export async function allMail(): Promise<CaughtMail[]> {
  return JSON.parse(await mailboxRequest('/email')) as CaughtMail[];
}

export async function mailTo(address: string): Promise<CaughtMail[]> {
  return (await allMail()).filter((m) => m.to.some((t) => t.address === address));
}

export async function clearMailbox(): Promise<void> {
  await mailboxRequest('/email/all', 'DELETE');
}
