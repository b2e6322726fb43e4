// The e-mails a plan move causes, built as outbox entries; they are rendered when written, so the log keeps
// exactly what was sent.
import type { Prisma, Tx } from '@duyet/database';
import { type MailAttachment, type MailData, MailTemplate, renderMail } from '@duyet/mail';
import { formatVnDateTime } from '../common/format';
import { pageLinks } from '../common/links';

export type PlanWithContext = Prisma.PlanGetPayload<{
  include: { school: true; campaign: { include: { receiver: true; district: true } } };
}>;

export interface OutboxMail<K extends MailTemplate = MailTemplate> {
  template: K;
  to: string;
  cc?: string[];
  data: MailData[K];
  /** files sent with the message (a meeting invitation's .ics) */
  attachments?: MailAttachment[];
}

export function planMailBase(plan: PlanWithContext, publicUrl: string, recipientName: string, versionNo: number) {
  return {
    recipientName,
    schoolName: plan.school.name,
    campaignTitle: plan.campaign.title,
    documentNumber: plan.campaign.documentNumber,
    versionNo,
    planUrl: pageLinks(publicUrl).plan(plan.id),
    officeName: plan.campaign.district.officeName,
  };
}

export function receiptMail(
  plan: PlanWithContext,
  publicUrl: string,
  submittedBy: string,
  versionNo: number,
  at: Date,
  deadline: Date,
): OutboxMail[] {
  const receiver = plan.campaign.receiver;
  if (!receiver) return [];
  return [
    {
      template: MailTemplate.SUBMISSION_RECEIPT,
      to: receiver.email,
      data: {
        ...planMailBase(plan, publicUrl, receiver.fullName, versionNo),
        submittedBy,
        submittedAt: formatVnDateTime(at),
        deadline: formatVnDateTime(deadline),
      },
    },
  ];
}

/** Writes the outbox rows in the caller's transaction; their ids are enqueued after the commit. */
export async function writeOutbox(
  tx: Tx,
  // id null: a message about no single plan (a review meeting's agenda)
  plan: { id: string | null; districtId: string; campaignId: string },
  key: string,
  mails: OutboxMail[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const mail of mails) {
    const rendered = renderMail(mail.template, mail.data as never);
    const row = await tx.emailLog.create({
      data: {
        districtId: plan.districtId,
        planId: plan.id,
        campaignId: plan.campaignId,
        idempotencyKey: `${key}:${mail.template}:${mail.to}`,
        template: mail.template,
        to: mail.to,
        cc: mail.cc ?? [],
        attachments: (mail.attachments ?? []) as unknown as Prisma.InputJsonValue,
        ...rendered,
      },
    });
    ids.push(row.id);
  }
  return ids;
}
