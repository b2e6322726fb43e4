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

export async function allMail(): Promise<CaughtMail[]> {
  const res = await fetch(`${base()}/email`);
  if (!res.ok) throw new Error(`mailbox answered ${res.status}`);
  return (await res.json()) as CaughtMail[];
}

export async function mailTo(address: string): Promise<CaughtMail[]> {
  return (await allMail()).filter((m) => m.to.some((t) => t.address === address));
}

export async function clearMailbox(): Promise<void> {
  await fetch(`${base()}/email/all`, { method: 'DELETE' });
}
