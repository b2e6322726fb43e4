import { randomUUID } from 'node:crypto';
import type { Prisma, Tx } from '@duyet/database';
import { MailTemplate, type OverdueDigestRow, type ReminderItem, renderMail } from '@duyet/mail';
import type { LocalDate } from '../calendar/working-calendar';
import { formatLocalDay } from '../common/format';
import type { ReminderDeadlineKind } from './policy';
import { pageLinks } from '../common/links';
import type { Person } from './recipients';

// The writing half of a reminder run: each addressee's one message of the day and the rungs it carries.

const ROWS_PER_INSERT = 1000;
/** the digest's table stops here; the board has the rest */
const DIGEST_MAX_ROWS = 200;

/** One rung of one plan for one addressee, with what their message says about the plan. */
export interface ReminderUnit {
  planId: string;
  campaignId: string;
  kind: ReminderDeadlineKind;
  rung: string;
  deadlineAt: Date;
  /**
   * ACT: the addressee is the one the rung writes to; FYI: the rung copies them (its `cc`). A copy is never a
   * CC on someone else's message: it joins the person's own message of the day, under "Để biết".
   */
  role: 'ACT' | 'FYI';
  /** the addressee is here as the office head: their message is the overdue digest */
  asAdmin: boolean;
  item: ReminderItem & OverdueDigestRow;
}

/** Everything one person gets today, from every campaign of the district. */
export interface Delivery {
  to: Person;
  units: ReminderUnit[];
}

export interface OutboxContext {
  districtId: string;
  officeName: string;
  day: LocalDate;
  publicUrl: string;
}

/** At most one reminder message per person per day, across campaigns, runs, retries and "remind now". */
export const reminderMailKey = (email: string, day: LocalDate): string => `reminder:${email}:${day}`;

export const chunk = <T>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * Writes the messages and their ReminderSent rows in the caller's transaction; returns the ids to queue once
 * it commits (those written here, and any earlier message of the day still waiting).
 *
 * A person whose message of the day already exists (an earlier run, "remind now", a run racing this one) gets no
 * second one. A unit is recorded against that message only when the message lists its plan: a ReminderSent row
 * says the person was told, so a plan the message does not name is left unrecorded (deferred) rather than
 * counted as reminded while its principal hears nothing about it.
 */
export async function writeDeliveries(
  tx: Tx,
  run: OutboxContext,
  part: Delivery[],
): Promise<{ emails: number; rungs: number; deferred: number; queue: string[] }> {
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
  const joined = drafts.filter((d) => byKey.get(d.key)!.id !== d.id).map((d) => d.to.email);
  const listed = await listedPlans(tx, run.day, joined);
  const rows: Prisma.ReminderSentCreateManyInput[] = [];
  const queue: string[] = [];
  let emails = 0;
  let deferred = 0;
  for (const d of drafts) {
    const mail = byKey.get(d.key)!;
    const ours = mail.id === d.id;
    if (ours) emails++;
    if (mail.status === 'QUEUED') queue.push(mail.id);
    for (const u of d.units) {
      if (ours || listed.has(`${mail.id}|${u.planId}|${u.kind}`)) rows.push(sentRow(run, u, d.to.email, mail.id));
      else deferred++;
    }
  }
  let rungs = 0;
  for (const slice of chunk(rows, ROWS_PER_INSERT)) {
    rungs += (await tx.reminderSent.createMany({ data: slice, skipDuplicates: true })).count;
  }
  return { emails, rungs, deferred, queue };
}

/**
 * What writeDeliveries would do with these deliveries, written nowhere: the messages it would write (one per
 * person without a message of the day yet) and the units it would defer (a person whose message of the day is out
 * and does not name the plan). "Remind now" asks this first, to tell the office how many people will hear.
 */
export async function previewDeliveries(
  db: Tx,
  day: LocalDate,
  deliveries: Delivery[],
): Promise<{ emails: number; deferred: number }> {
  let emails = 0;
  let deferred = 0;
  for (const part of chunk(deliveries, 1000)) {
    const existing = await db.emailLog.findMany({
      where: { idempotencyKey: { in: part.map((d) => reminderMailKey(d.to.email, day)) } },
      select: { id: true, idempotencyKey: true },
    });
    const byKey = new Map(existing.map((e) => [e.idempotencyKey, e.id]));
    const joined = part.filter((d) => byKey.has(reminderMailKey(d.to.email, day))).map((d) => d.to.email);
    const listed = await listedPlans(db, day, joined);
    for (const d of part) {
      const mail = byKey.get(reminderMailKey(d.to.email, day));
      if (!mail) emails++;
      else deferred += d.units.filter((u) => !listed.has(`${mail}|${u.planId}|${u.kind}`)).length;
    }
  }
  return { emails, deferred };
}

/**
 * "emailId|planId|kind" of every plan that these people's messages of the day name: what the rungs recorded
 * against them say (a person's rungs of a day all point at their one message of that day).
 */
async function listedPlans(tx: Tx, day: LocalDate, recipients: string[]): Promise<Set<string>> {
  if (!recipients.length) return new Set();
  const rows = await tx.reminderSent.findMany({
    where: { recipient: { in: recipients }, day: new Date(`${day}T00:00:00Z`) },
    select: { emailId: true, planId: true, kind: true },
  });
  return new Set(rows.map((r) => `${r.emailId}|${r.planId}|${r.kind}`));
}

function sentRow(
  run: OutboxContext,
  u: ReminderUnit,
  recipient: string,
  emailId: string,
): Prisma.ReminderSentCreateManyInput {
  return {
    districtId: run.districtId,
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
  const campaigns = new Set(d.units.map((u) => u.campaignId));
  const { template, rendered } = render(run, d.to, d.units);
  return {
    id: d.id,
    districtId: run.districtId,
    campaignId: campaigns.size === 1 ? [...campaigns][0] : null,
    planId: plans.size === 1 ? [...plans][0] : null,
    idempotencyKey: d.key,
    template,
    to: d.to.email,
    cc: [],
    ...rendered,
  };
}

/** Each plan once (a manual reminder on a ladder day is two rungs of one plan), most overdue first. */
function itemsOf(units: ReminderUnit[]): (ReminderItem & OverdueDigestRow)[] {
  return [...new Map(units.map((u) => [`${u.planId}|${u.kind}`, u.item])).values()].sort(
    (a, b) => b.workingDays - a.workingDays || a.schoolName.localeCompare(b.schoolName, 'vi'),
  );
}

/** The office head's own units make a digest table; anyone else gets a list of their plans; copies close it. */
function render(run: OutboxContext, to: Person, units: ReminderUnit[]) {
  const own = units.filter((u) => u.role === 'ACT');
  const ownPlans = new Set(own.map((u) => u.planId));
  const items = itemsOf(own);
  const fyi = itemsOf(units.filter((u) => u.role === 'FYI' && !ownPlans.has(u.planId)));
  const common = {
    recipientName: to.fullName,
    officeName: run.officeName,
    day: formatLocalDay(run.day),
    fyi,
  };
  const base = run.publicUrl;
  const campaigns = [...new Set(units.map((u) => u.campaignId))];
  const only = campaigns.length === 1 ? campaigns[0] : null;
  if (own.some((u) => u.asAdmin)) {
    const digestCampaigns = new Set(own.map((u) => u.campaignId));
    const data = {
      ...common,
      ...(digestCampaigns.size === 1
        ? { campaignTitle: items[0].campaignTitle, documentNumber: items[0].documentNumber }
        : {}),
      rows: items.slice(0, DIGEST_MAX_ROWS),
      total: items.length,
      boardUrl: pageLinks(base).board({ campaignId: only ?? undefined, overdue: true }),
    };
    return { template: MailTemplate.OVERDUE_DIGEST, rendered: renderMail(MailTemplate.OVERDUE_DIGEST, data) };
  }
  const data = { ...common, items, listUrl: pageLinks(base).plans({ campaignId: only ?? undefined }) };
  return { template: MailTemplate.REMINDER, rendered: renderMail(MailTemplate.REMINDER, data) };
}
