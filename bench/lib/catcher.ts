// The mail catcher both sides of the reminder comparison send to: maildev, the project's catcher, on free ports.
// Messages are read back through its REST API a slice at a time (?skip=n), so polling never re-reads the inbox.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Managed, freePort, startProcess, waitFor } from './proc';

export interface CaughtMessage {
  messageId: string | null;
  to: string[];
  subject: string;
}

export interface Catcher {
  smtpPort: number;
  webPort: number;
  pid: number;
  /** messages accepted since the last clear() */
  count(): Promise<number>;
  messages(): CaughtMessage[];
  clear(): Promise<void>;
  stop(): Promise<void>;
}

interface MaildevEmail {
  messageId?: string;
  subject?: string;
  to?: { address: string }[];
  envelope?: { to?: { address: string }[] };
}

export async function startMaildev(root: string, dir: string, name: string): Promise<Catcher> {
  const [smtpPort, webPort] = [await freePort(), await freePort()];
  const mailDir = path.join(dir, `${name}-mail`);
  rmSync(mailDir, { recursive: true, force: true });
  mkdirSync(mailDir, { recursive: true });
  const proc: Managed = startProcess(
    name,
    process.execPath,
    [
      path.join(root, 'node_modules/maildev/bin/maildev'),
      '--ip',
      '127.0.0.1',
      '--smtp',
      String(smtpPort),
      '--web',
      String(webPort),
      '--mail-directory',
      mailDir,
      '--silent',
    ],
    { log: path.join(dir, `${name}.log`) },
  );
  const base = `http://127.0.0.1:${webPort}`;
  await waitFor(
    'maildev',
    async () => {
      const res = await fetch(`${base}/healthz`);
      if (!res.ok) throw new Error(String(res.status));
    },
    30,
  );
  let seen: CaughtMessage[] = [];
  const catcher: Catcher = {
    smtpPort,
    webPort,
    pid: proc.child.pid!,
    async count() {
      const res = await fetch(`${base}/email?skip=${seen.length}`);
      const fresh = (await res.json()) as MaildevEmail[];
      for (const m of fresh) {
        seen.push({
          messageId: m.messageId ? m.messageId.replace(/^<|>$/g, '') : null,
          to: (m.envelope?.to ?? m.to ?? []).map((t) => t.address.toLowerCase()),
          subject: m.subject ?? '',
        });
      }
      return seen.length;
    },
    messages: () => seen,
    async clear() {
      await fetch(`${base}/email/all`, { method: 'DELETE' });
      seen = [];
    },
    async stop() {
      await proc.stop();
      rmSync(mailDir, { recursive: true, force: true });
    },
  };
  return catcher;
}
