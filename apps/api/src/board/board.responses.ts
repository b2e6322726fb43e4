// What the board routes answer.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isoDateTime } from '../common/answers';
import { page, personRef, planStatus, schoolLevel, uuid } from '../common/shared.responses';

const count = z.int().min(0);

export class BoardPageDto extends createZodDto(
  page(
    z.object({
      planId: uuid,
      school: z.object({ code: z.string(), name: z.string(), level: schoolLevel, cluster: z.string() }),
      campaign: z.object({ id: uuid, key: z.string(), title: z.string() }),
      status: planStatus,
      statusLabel: z.string(),
      waitingOn: z.enum(['SCHOOL', 'OFFICE']).nullable(),
      waitingOnLabel: z.string().nullable(),
      deadline: isoDateTime.nullable(),
      overdue: z.boolean(),
      daysOverdue: count,
      daysInState: count,
      remindersSent: count,
      lastReminderAt: isoDateTime.nullable(),
      reviewer: personRef.nullable(),
      /** the signed paper copies the campaign asks for, and those the clerk registered as received */
      /** missing: owed once submitted (SUBMITTED, UNDER_REVIEW, RETURNED, APPROVED), 0 before or once complete */
      paperCopies: z.object({ required: count, received: count, missing: count }),
    }),
  ).extend({
    summary: z.object({
      byStatus: z.object(
        Object.fromEntries(planStatus.options.map((s) => [s, count])) as Record<
          z.infer<typeof planStatus>,
          typeof count
        >,
      ),
      overdue: count,
      /** submitted plans of the filter whose paper copies are not all in */
      paperCopiesMissing: count,
      /** admins only: e-mails that failed for good in their district */
      failedEmails: count.optional(),
    }),
  }),
  { codec: true },
) {}

export class RemindNowResultDto extends createZodDto(
  z.object({
    plans: count,
    campaigns: count,
    emails: count,
    alreadyRemindedToday: count,
    notRemindedToday: count,
  }),
  { codec: true },
) {}

export class FailedEmailPageDto extends createZodDto(
  page(
    z.object({
      id: uuid,
      planId: uuid.nullable(),
      campaignId: uuid.nullable(),
      school: z.object({ code: z.string(), name: z.string() }).nullable(),
      template: z.string(),
      to: z.string(),
      cc: z.array(z.string()),
      subject: z.string(),
      attempts: count,
      lastError: z.string().nullable(),
      createdAt: isoDateTime,
    }),
  ),
  { codec: true },
) {}
