import { randomUUID } from 'node:crypto';
import type { Campaign, District, Prisma, Tx } from '@duyet/database';
import { MailTemplate, type OverdueDigestRow, type ReminderItem, renderMail } from '@duyet/mail';
import type { LocalDate } from '../calendar/working-calendar';
import type { ReminderDeadlineKind } from './policy';
import type { Person } from './recipients';

// The writing half of a reminder run: each addressee's one message of the day and the rungs it carries.

const ROWS_PER_INSERT = 1000;
/** the digest's table stops here; the board has the rest */
const DIGEST_MAX_ROWS = 200;

/** One rung of one plan for one addressee, with what their message says about the plan. */
export interface ReminderUnit {
  planId: string;
  kind: ReminderDeadlineKind;
  rung: string;
  deadlineAt: Date;
  cc: Person[];
  /** the addressee is here as the office head: their message is the overdue digest */
  asAdmin: boolean;
  item: ReminderItem & OverdueDigestRow;
}

/** Everything one person gets today. */
export interface Delivery {
  to: Person;
  units: ReminderUnit[];
}

export interface OutboxContext {
  campaign: Campaign & { district: District };
  day: LocalDate;
  publicUrl: string;
}

/** At most one reminder message per person per day, across runs, retries and "remind now". */
export const reminderMailKey = (email: string, day: LocalDate): string => `reminder:${email}:${day}`;

export const chunk = <T>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * Writes the messages and their ReminderSent rows in the caller's transaction; returns the ids to queue once
 * it commits (those written here, and any earlier message of the day still waiting).
 */
export async function writeDeliveries(
  tx: Tx,
  run: OutboxContext,
  part: Delivery[],
): Promise<{ emails: number; rungs: number; queue: string[] }> {
  const drafts = part.map((d) => ({ ...d, id: randomUUID(), key: reminderMailKey(d.to.email, run.day) }));
  // ON CONFLICT DO NOTHING: whoever wrote a person's message of the day first wins, this run or another.
  await tx.emailLog.createMany({
    data: drafts.map((d) => outboxRow(run, d)),
    skipDuplicates: true,
  });
  const existing = await tx.emailLog.findMany({
    where: { idempotencyKey: { in: drafts.map((d) => d.key) } },
    select: { id: true, idempotencyKey: true, status: true },
  });
  const byKey = new Map(existing.map((e) => [e.idempotencyKey, e]));
  const rows: Prisma.ReminderSentCreateManyInput[] = [];
  const queue: string[] = [];
  let emails = 0;
  for (const d of drafts) {
    const mail = byKey.get(d.key)!;
    const ours = mail.id === d.id;
    if (ours) emails++;
    if (mail.status === 'QUEUED') queue.push(mail.id);
    for (const u of d.units) {
      // A person who already had their message today gets the rung recorded against it; copies were not on it.
      for (const r of ours ? [d.to, ...u.cc] : [d.to]) rows.push(sentRow(run, u, r.email, mail.id));
    }
  }
  let rungs = 0;
  for (const slice of chunk(rows, ROWS_PER_INSERT)) {
    rungs += (await tx.reminderSent.createMany({ data: slice, skipDuplicates: true })).count;
  }
  return { emails, rungs, queue };
}

function sentRow(
  run: OutboxContext,
  u: ReminderUnit,
  recipient: string,
  emailId: string,
): Prisma.ReminderSentCreateManyInput {
  return {
    districtId: run.campaign.districtId,
    planId: u.planId,
    kind: u.kind,
    rung: u.rung,
    deadlineAt: u.deadlineAt,
    recipient,
    day: new Date(`${run.day}T00:00:00Z`),
    emailId,
  };
}

function outboxRow(run: OutboxContext, d: Delivery & { id: string; key: string }): Prisma.EmailLogCreateManyInput {
  const plans = new Set(d.units.map((u) => u.planId));
  const cc = [...new Set(d.units.flatMap((u) => u.cc.map((c) => c.email)))];
  const { template, rendered } = render(run, d.to, d.units);
  return {
    id: d.id,
    districtId: run.campaign.districtId,
    campaignId: run.campaign.id,
    planId: plans.size === 1 ? [...plans][0] : null,
    idempotencyKey: d.key,
    template,
    to: d.to.email,
    cc,
    ...rendered,
  };
}

/** The office head's units make a digest table; anyone else gets a list of their plans. */
function render(run: OutboxContext, to: Person, units: ReminderUnit[]) {
  // A plan with two rungs today (a manual reminder on a ladder day) is still one line.
  const items = [...new Map(units.map((u) => [`${u.planId}|${u.kind}`, u.item])).values()].sort(
    (a, b) => b.workingDays - a.workingDays || a.schoolName.localeCompare(b.schoolName, 'vi'),
  );
  const common = {
    recipientName: to.fullName,
    officeName: run.campaign.district.officeName,
    day: run.day.split('-').reverse().join('/'),
  };
  const base = run.publicUrl;
  if (units.some((u) => u.asAdmin)) {
    const data = {
      ...common,
      campaignTitle: run.campaign.title,
      documentNumber: run.campaign.documentNumber,
      rows: items.slice(0, DIGEST_MAX_ROWS),
      total: items.length,
      boardUrl: `${base}/api/board?campaignId=${run.campaign.id}&overdue=true`,
    };
    return { template: MailTemplate.OVERDUE_DIGEST, rendered: renderMail(MailTemplate.OVERDUE_DIGEST, data) };
  }
  const data = { ...common, items, listUrl: `${base}/api/plans?campaignId=${run.campaign.id}` };
  return { template: MailTemplate.REMINDER, rendered: renderMail(MailTemplate.REMINDER, data) };
}
