import { HttpClient } from '../../bench/lib/http';

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
 * One request to the catcher, on a client (and so a connection) of its own. The global fetch keeps connections
 * alive in a pool shared by every suite of a Jest worker, and one left idle by an earlier suite can be closed by
 * maildev just as the next suite writes on it ("other side closed", seen in CI); a fresh connection cannot be stale.
 */
export async function mailboxRequest<T = string>(path: string, method: 'GET' | 'DELETE' = 'GET'): Promise<T> {
  const client = new HttpClient(new URL(base()), 1);
  try {
    const res = await client.request<T>(method, path);
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`mailbox answered ${res.status} to ${method} ${path}: ${JSON.stringify(res.body)}`);
    }
    return res.body;
  } finally {
    client.close();
  }
}

export async function allMail(): Promise<CaughtMail[]> {
  return mailboxRequest<CaughtMail[]>('/email');
}

export async function mailTo(address: string): Promise<CaughtMail[]> {
  return (await allMail()).filter((m) => m.to.some((t) => t.address === address));
}

export async function clearMailbox(): Promise<void> {
  await mailboxRequest('/email/all', 'DELETE');
}
