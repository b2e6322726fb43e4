import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { type Campaign, type District, Prisma, PrismaService } from '@duyet/database';
import { MailQueueService, MailTemplate, renderMail } from '@duyet/mail';
import type { LocalDate, WorkingCalendar } from '../calendar/working-calendar';
import { pageLinks } from '../common/links';
import { formatVnDate } from '../common/format';
import { PAPER_OWED_STATUSES, paperReminderRung } from '../paper-copies/paper-copies-owed';
import { activePrincipalsBySchool } from '../people/principals';

interface OwedRow {
  plan_id: string;
  school_id: string;
  school_name: string;
  submitted_at: Date;
  received: number;
}

const BATCH = 500;

/**
 * The district's daily run also reminds the principal of each submitted plan whose paper copies (bản giấy) have
 * not all reached the office: from PAPER_FIRST_REMINDER_DAYS working days after the submission, then every
 * PAPER_REMINDER_EVERY_DAYS working days, until the receipts reach the campaign's paperCopies (or the plan is
 * exempted or closed, or the campaign closes). Each message's outbox key names the plan, the submission's day, the
 * rung and the addressee, so a retried or repeated run writes nothing twice; the queue's job id is the message's id.
 */
@Injectable()
export class PaperCopyReminders {
  constructor(
    private readonly prisma: PrismaService,
    private readonly mailQueue: MailQueueService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  /** Writes and queues the day's reminders of missing copies for these campaigns; returns the messages written. */
  async run(district: District, campaigns: Campaign[], calendar: WorkingCalendar, day: LocalDate): Promise<number> {
    let written = 0;
    for (const campaign of campaigns) {
      if (campaign.paperCopies < 1) continue;
      const receiver = await this.receiverOf(campaign);
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await this.prisma.$queryRaw<OwedRow[]>(owedSql(campaign, after));
        written += await this.remind(district, campaign, receiver, calendar, day, rows);
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1].plan_id;
      }
    }
    return written;
  }

  private async remind(
    district: District,
    campaign: Campaign,
    receiver: { fullName: string; title: string } | null,
    calendar: WorkingCalendar,
    day: LocalDate,
    rows: OwedRow[],
  ): Promise<number> {
    const due = rows.flatMap((r) => {
      const submittedDay = calendar.localDate(r.submitted_at);
      const rung = paperReminderRung(calendar, submittedDay, day);
      return rung ? [{ ...r, submittedDay, rung }] : [];
    });
    if (!due.length) return 0;
    const principals = await activePrincipalsBySchool(this.prisma, {
      districtId: district.id,
      schoolIds: [...new Set(due.map((d) => d.school_id))],
    });
    const links = pageLinks(this.config.publicUrl);
    const data = due.flatMap((d) =>
      (principals.get(d.school_id) ?? []).map((p) => ({
        districtId: district.id,
        campaignId: campaign.id,
        planId: d.plan_id,
        idempotencyKey: `paper-copies:${d.plan_id}:${d.submittedDay}:${d.rung}:${p.email}`,
        template: MailTemplate.PAPER_COPIES_REMINDER,
        to: p.email,
        cc: [],
        ...renderMail(MailTemplate.PAPER_COPIES_REMINDER, {
          recipientName: p.fullName,
          schoolName: d.school_name,
          campaignTitle: campaign.title,
          documentNumber: campaign.documentNumber,
          submittedOn: formatVnDate(d.submitted_at, calendar.timeZone),
          required: campaign.paperCopies,
          received: d.received,
          receiver,
          officeName: district.officeName,
          reminderNo: d.rung,
          planUrl: links.plan(d.plan_id),
        }),
      })),
    );
    if (!data.length) return 0;
    // ON CONFLICT DO NOTHING: a rung an earlier run wrote stays as it was.
    const { count } = await this.prisma.emailLog.createMany({ data, skipDuplicates: true });
    // Queue what is still waiting, this run's or an earlier one's that stopped before queueing (the job id is the
    // e-mail's id, so a message already queued is not queued twice).
    const waiting = await this.prisma.emailLog.findMany({
      where: { idempotencyKey: { in: data.map((d) => d.idempotencyKey) }, status: 'QUEUED' },
      select: { id: true },
    });
    await this.mailQueue.enqueue(waiting.map((w) => w.id));
    return count;
  }

  /** Where the copies go: the receiver the directive names, else the office's clerk (by position). */
  private async receiverOf(campaign: Campaign): Promise<{ fullName: string; title: string } | null> {
    const select = { fullName: true, title: true } as const;
    if (campaign.receiverId) {
      const named = await this.prisma.user.findFirst({
        where: { id: campaign.receiverId, districtId: campaign.districtId },
        select,
      });
      if (named) return named;
    }
    return this.prisma.user.findFirst({
      where: { districtId: campaign.districtId, position: 'CLERK', active: true },
      select,
      orderBy: { createdAt: 'asc' },
    });
  }
}

/** The campaign's plans that owe copies and have fewer than it asks, a batch at a time by id. */
function owedSql(campaign: Campaign, after: string): Prisma.Sql {
  return Prisma.sql`SELECT p.id AS plan_id, p."schoolId" AS school_id, s.name AS school_name,
      p."submittedAt" AS submitted_at, COALESCE(r.n, 0)::int AS received
    FROM "Plan" p
    JOIN "School" s ON s.id = p."schoolId"
    LEFT JOIN LATERAL (SELECT sum(pc.copies)::int AS n FROM "PaperCopyReceipt" pc WHERE pc."planId" = p.id) r ON true
    WHERE p."campaignId" = ${campaign.id}::uuid AND p."districtId" = ${campaign.districtId}::uuid
      AND p."removedAt" IS NULL AND p."submittedAt" IS NOT NULL
      AND p.status = ANY(${[...PAPER_OWED_STATUSES]}::"PlanStatus"[])
      AND COALESCE(r.n, 0) < ${campaign.paperCopies}
      AND p.id > ${after}::uuid
    ORDER BY p.id
    LIMIT ${BATCH}`;
}
