import { Inject, Injectable, Logger } from '@nestjs/common';
import { pageLinks } from '../common/links';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { type Campaign, type District, type PlanStatus, type Prisma, PrismaService } from '@duyet/database';
import { MailQueueService, type ReminderItem } from '@duyet/mail';
import { CalendarService } from '../calendar/calendar.service';
import { type LocalDate, type WorkingCalendar, isLocalDate } from '../calendar/working-calendar';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import { formatVnDateTime } from '../common/format';
import {
  DEFAULT_REMINDER_HOUR,
  type DueRung,
  type ReminderDeadlineKind,
  type ReminderPolicy,
  deadlineDistance,
  dueRungs,
  reminderPolicySchema,
} from './policy';
import {
  type Delivery,
  type OutboxContext,
  type ReminderUnit,
  chunk,
  previewDeliveries,
  reminderMailKey,
  writeDeliveries,
} from './reminder-outbox';
import { type Person, RecipientDirectory } from './recipients';
import { AuditLog } from '../audit/audit-log';
import { PaperCopyReminders } from './paper-copy-reminders';

/**
 * The daily run covers the whole district: every active campaign in one pass, so that a person with plans in
 * several campaigns still gets one message naming them all. "Remind now" names its plans, in one or several
 * campaigns of one district, and is one pass too: a principal whose school has plans in four campaigns gets one
 * message listing the four.
 */
export type SendRemindersInput =
  | {
      districtId: string;
      /** the local day (Asia/Ho_Chi_Minh) to send for, 'YYYY-MM-DD'; default: today by the ClockService */
      day?: string;
    }
  | {
      /** the plans to remind, by campaign (all of one district); a closed campaign's are left out */
      plans: { campaignId: string; planIds: string[] }[];
      day?: string;
      /** "remind now": the principals of the plans, whatever the ladder says, still at most once a day each */
      manual: { actorId: string };
    };

export interface SendRemindersResult {
  /** messages written (and enqueued) by this run */
  emails: number;
  /** ReminderSent rows written: one per plan, deadline, rung and recipient (copies included) */
  rungs: number;
  /** rungs due today that an earlier run had already recorded */
  skipped: number;
  /**
   * rungs due today for a person whose message of the day had already been written without their plan: a
   * message is never changed once written and nobody gets a second one in a day, so these are not recorded
   * (nothing claims the person heard of the plan) and are not reminded today
   */
  deferred: number;
  /** the daily run only, when it wrote any: reminders of missing paper copies (see PaperCopyReminders) */
  paperCopyReminders?: number;
}

const PLAN_BATCH = 500;
const RECIPIENTS_PER_TX = 250;
const KEYS_PER_QUERY = 1000;

const WAITING_ON: Partial<Record<PlanStatus, ReminderDeadlineKind>> = {
  NOT_STARTED: 'SUBMISSION',
  DRAFTING: 'SUBMISSION',
  RETURNED: 'REVISION',
  SUBMITTED: 'REVIEW',
  UNDER_REVIEW: 'REVIEW',
};
const ACTION = { SUBMISSION: 'SUBMIT', REVISION: 'RESUBMIT', REVIEW: 'DECIDE' } as const;

const PLAN_SELECT = {
  id: true,
  schoolId: true,
  status: true,
  submissionDeadline: true,
  revisionDeadline: true,
  reviewDueAt: true,
  reviewerId: true,
  school: { select: { name: true, level: true, cluster: { select: { name: true } } } },
} satisfies Prisma.PlanSelect;
type PlanRow = Prisma.PlanGetPayload<{ select: typeof PLAN_SELECT }>;

/** What the run covers: the district's active campaigns, or the plans named by "remind now", by campaign. */
interface Scope {
  district: District;
  campaigns: Campaign[];
  planIds?: Map<string, string[]>;
  manual?: { actorId: string };
}

/** One campaign within the run: its ladders, and their rungs due today per deadline (most plans share one). */
interface CampaignPass {
  campaign: Campaign;
  policy: ReminderPolicy;
  memo: Map<string, DueRung[]>;
}

interface Run {
  district: District;
  calendar: WorkingCalendar;
  day: LocalDate;
  manual: boolean;
  planIds?: Map<string, string[]>;
  people: RecipientDirectory;
  /** by addressee e-mail: who gets which units today, across campaigns */
  deliveries: Map<string, Delivery>;
  /** addressees whose units were all recorded by an earlier run: their message may still wait to be queued */
  recorded: Set<string>;
  skipped: number;
  /** campaigns with something due today, for the audit event */
  campaignsDue: Set<string>;
  timing: Map<number, Pick<ReminderItem, 'deadline' | 'workingDays' | 'dueToday'>>;
}

const unitKey = (planId: string, kind: string, rung: string, deadlineAt: Date, recipient: string): string =>
  `${planId}|${kind}|${rung}|${deadlineAt.toISOString()}|${recipient}`;

/**
 * Sends the day's reminders of a district. Each person gets at most one reminder message a day (the outbox
 * row's idempotency key is `reminder:<e-mail>:<day>`), covering every plan and rung due for them in any
 * campaign and any role: the rungs that copy a person (a reviewer on a late school) join that person's own
 * message under "Để biết" rather than arriving as CCs on other people's. Every rung is recorded in
 * ReminderSent against that message, so a retried or repeated run finds nothing left to do.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly mailQueue: MailQueueService,
    private readonly calendars: CalendarService,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly paperCopies: PaperCopyReminders,
  ) {}

  /** The district's hour ('HH:mm', local) for the daily run; read by the reminders workflow before each sleep. */
  async reminderHour(districtId: string): Promise<string> {
    const district = await this.prisma.district.findUnique({
      where: { id: districtId },
      select: { reminderHour: true },
    });
    return district?.reminderHour ?? DEFAULT_REMINDER_HOUR;
  }

  async sendDueReminders(input: SendRemindersInput): Promise<SendRemindersResult> {
    const scope = await this.scope(input);
    if (!scope) return { emails: 0, rungs: 0, skipped: 0, deferred: 0 };
    const run = await this.gather(scope, input.day);
    const result = await this.deliver(run);
    if (!scope.manual) {
      // The district's run also reminds of paper copies still owed; "remind now" is about deadlines only.
      const paper = await this.paperCopies.run(scope.district, scope.campaigns, run.calendar, run.day);
      if (paper) result.paperCopyReminders = paper;
    }
    if (result.rungs > 0 || result.paperCopyReminders || scope.manual) {
      await AuditLog.write(this.prisma, {
        districtId: scope.district.id,
        // The daily run is the district's; "remind now" is its campaign's when it names one campaign only.
        campaignId: scope.manual && scope.campaigns.length === 1 ? scope.campaigns[0].id : null,
        actorId: scope.manual?.actorId ?? null,
        type: 'REMINDER_SENT',
        data: {
          day: run.day,
          manual: run.manual,
          planIds: scope.planIds ? [...scope.planIds.values()].reduce((n, ids) => n + ids.length, 0) : null,
          campaignIds: [...run.campaignsDue].sort(),
          ...result,
        },
      });
    }
    return result;
  }

  /**
   * What a "remind now" would send, with nothing written or queued: the messages (one per person who has none
   * today), the rungs an earlier run recorded (skipped) and those a message already out would leave (deferred).
   * The same authority check as sending: the confirmation never tells what the caller may not do.
   */
  async previewManual(input: Extract<SendRemindersInput, { manual: unknown }>): Promise<SendRemindersResult> {
    const scope = await this.scope(input);
    if (!scope) return { emails: 0, rungs: 0, skipped: 0, deferred: 0 };
    const run = await this.gather(scope, input.day);
    const deliveries = [...run.deliveries.values()];
    const { emails, deferred } = await previewDeliveries(this.prisma, run.day, deliveries);
    const units = deliveries.reduce((n, d) => n + d.units.length, 0);
    return { emails, rungs: units - deferred, skipped: run.skipped, deferred };
  }

  /** Every campaign's due rungs, by addressee: the day's deliveries, not yet written. */
  private async gather(scope: Scope, day: string | undefined): Promise<Run> {
    const run = await this.startRun(scope, day);
    for (const campaign of scope.campaigns) {
      const pass = this.passFor(run, campaign);
      if (!pass) continue;
      for await (const plans of this.planBatches(run, campaign.id)) await this.collect(run, pass, plans);
    }
    return run;
  }

  /** The campaigns the run covers; null when "remind now" finds every campaign it names closed. */
  private async scope(input: SendRemindersInput): Promise<Scope | null> {
    if ('districtId' in input) {
      const district = await this.prisma.district.findUnique({ where: { id: input.districtId } });
      if (!district) throw new DomainError('NOT_FOUND', 'Không tìm thấy huyện.');
      const campaigns = await this.prisma.campaign.findMany({
        where: { districtId: district.id, status: 'ACTIVE' },
        orderBy: { createdAt: 'asc' },
      });
      return { district, campaigns };
    }
    const planIds = new Map<string, string[]>();
    for (const p of input.plans) planIds.set(p.campaignId, [...(planIds.get(p.campaignId) ?? []), ...p.planIds]);
    const found = await this.prisma.campaign.findMany({
      where: { id: { in: [...planIds.keys()] } },
      include: { district: true },
      orderBy: { createdAt: 'asc' },
    });
    const districts = new Set(found.map((c) => c.districtId));
    if (!found.length || found.length < planIds.size || districts.size !== 1) {
      throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kế hoạch.');
    }
    await this.assertCanRemind(found[0].districtId, input.manual.actorId);
    const campaigns = found.filter((c) => c.status !== 'CLOSED').map(({ district: _, ...row }) => row);
    if (!campaigns.length) return null;
    return { district: found[0].district, campaigns, planIds, manual: input.manual };
  }

  private async assertCanRemind(districtId: string, actorId: string): Promise<void> {
    const actor = await this.prisma.user.findUnique({ where: { id: actorId } });
    const office = actor?.role === 'ADMIN' || actor?.role === 'REVIEWER';
    if (!actor || actor.districtId !== districtId || !office || !actor.active) {
      throw new DomainError('FORBIDDEN', 'Chỉ cán bộ Phòng GD&ĐT được gửi nhắc hạn ngay.');
    }
  }

  private async startRun(scope: Scope, day: string | undefined): Promise<Run> {
    const calendar = await this.calendars.forDistrict(scope.district.id);
    const today = day ?? calendar.localDate(this.clock.now());
    if (!isLocalDate(today)) {
      throw new DomainError('VALIDATION', `Ngày "${today}" không hợp lệ.`, {
        errors: [{ field: 'day', message: 'Ngày phải có dạng YYYY-MM-DD' }],
      });
    }
    return {
      district: scope.district,
      calendar,
      day: today,
      manual: Boolean(scope.manual),
      planIds: scope.planIds,
      people: await RecipientDirectory.load(this.prisma, scope.district.id),
      deliveries: new Map(),
      recorded: new Set(),
      skipped: 0,
      campaignsDue: new Set(),
      timing: new Map(),
    };
  }

  /**
   * A campaign's ladders. One campaign with a policy the run cannot read must not keep the district's other
   * reminders from going out (nor make the activity retry forever): it is logged and left out of the run.
   */
  private passFor(run: Run, campaign: Campaign): CampaignPass | null {
    const policy = reminderPolicySchema.safeParse(campaign.reminderPolicy ?? {});
    if (policy.success) return { campaign, policy: policy.data, memo: new Map() };
    if (run.manual) return { campaign, policy: reminderPolicySchema.parse({}), memo: new Map() };
    const issues = policy.error.issues.map((i) => `reminderPolicy.${i.path.join('.')}: ${i.message}`).join('; ');
    this.logger.error(`Campaign ${campaign.key} (${campaign.id}) left out of the reminders of ${run.day}: ${issues}`);
    return null;
  }

  /** The campaign's plans still waiting on someone, PLAN_BATCH at a time, by id. */
  private async *planBatches(run: Run, campaignId: string): AsyncGenerator<PlanRow[]> {
    const statuses = Object.keys(WAITING_ON).filter(
      (s) => !run.manual || WAITING_ON[s as PlanStatus] !== 'REVIEW',
    ) as PlanStatus[];
    const where = { campaignId, removedAt: null, status: { in: statuses } };
    if (run.planIds) {
      // A "remind now" names its plans: a slice at a time, so a national campaign's list stays within the bind
      // parameters one statement may have (npm run bench -- --schools 50000 named 49,800 plans in one).
      const ids = [...(run.planIds.get(campaignId) ?? [])].sort();
      for (let i = 0; i < ids.length; i += PLAN_BATCH) {
        const plans = await this.prisma.plan.findMany({
          where: { ...where, id: { in: ids.slice(i, i + PLAN_BATCH) } },
          select: PLAN_SELECT,
          orderBy: { id: 'asc' },
        });
        if (plans.length) yield plans;
      }
      return;
    }
    let after: string | undefined;
    for (;;) {
      const plans = await this.prisma.plan.findMany({
        where: { ...where, ...(after ? { id: { gt: after } } : {}) },
        select: PLAN_SELECT,
        orderBy: { id: 'asc' },
        take: PLAN_BATCH,
      });
      if (plans.length) yield plans;
      if (plans.length < PLAN_BATCH) return;
      after = plans[plans.length - 1].id;
    }
  }

  /** Adds the batch's due rungs to the day's deliveries, leaving out what an earlier run recorded. */
  private async collect(run: Run, pass: CampaignPass, plans: PlanRow[]): Promise<void> {
    const due = plans.flatMap((plan) => {
      // A revision in progress (returned, then saved as a draft) still runs against its revision deadline.
      const kind =
        WAITING_ON[plan.status] === 'SUBMISSION' && plan.revisionDeadline ? 'REVISION' : WAITING_ON[plan.status]!;
      const deadlineAt = this.deadlineInForce(pass.campaign, plan, kind);
      return deadlineAt
        ? this.rungsFor(run, pass, kind, deadlineAt).map((rung) => ({ plan, kind, deadlineAt, rung }))
        : [];
    });
    if (!due.length) return;
    run.campaignsDue.add(pass.campaign.id);
    await run.people.prepare(due.map((d) => d.plan));
    const recorded = await this.recordedKeys(due.map((d) => ({ planId: d.plan.id, rung: d.rung.key })));
    for (const { plan, kind, deadlineAt, rung } of due) {
      const act = run.people.resolve(rung.to, plan);
      if (!act.length) this.logger.warn(`No recipient for ${kind} reminder ${rung.key} of plan ${plan.id}`);
      const copied = run.people.resolve(rung.cc, plan).filter((c) => !act.some((a) => a.email === c.email));
      const addressees: [Person, ReminderUnit['role']][] = [
        ...act.map((p) => [p, 'ACT'] as [Person, 'ACT']),
        ...copied.map((p) => [p, 'FYI'] as [Person, 'FYI']),
      ];
      for (const [person, role] of addressees) {
        if (recorded.has(unitKey(plan.id, kind, rung.key, deadlineAt, person.email))) {
          run.skipped++;
          run.recorded.add(person.email);
          continue;
        }
        const delivery = run.deliveries.get(person.email) ?? { to: person, units: [] };
        delivery.units.push({
          planId: plan.id,
          campaignId: pass.campaign.id,
          kind,
          rung: rung.key,
          deadlineAt,
          role,
          asAdmin: role === 'ACT' && rung.to.includes('ADMIN') && run.people.isAdmin(person.email),
          item: this.itemFor(run, pass.campaign, plan, kind, deadlineAt),
        });
        run.deliveries.set(person.email, delivery);
      }
    }
  }

  private deadlineInForce(campaign: Campaign, plan: PlanRow, kind: ReminderDeadlineKind): Date | null {
    if (kind === 'SUBMISSION') return plan.submissionDeadline ?? campaign.submissionDeadline;
    return kind === 'REVISION' ? plan.revisionDeadline : plan.reviewDueAt;
  }

  /** The ladder's rungs due today (the same for every plan sharing a deadline), or the manual "remind now". */
  private rungsFor(run: Run, pass: CampaignPass, kind: ReminderDeadlineKind, deadlineAt: Date): DueRung[] {
    if (run.manual) return [{ key: `manual-${run.day}`, offset: 0, to: ['PRINCIPAL'], cc: [], digest: false }];
    const key = `${kind}|${deadlineAt.getTime()}`;
    let rungs = pass.memo.get(key);
    if (!rungs) {
      rungs = dueRungs(deadlineAt, pass.policy[kind], run.calendar, run.day);
      pass.memo.set(key, rungs);
    }
    return rungs;
  }

  private async recordedKeys(wanted: { planId: string; rung: string }[]): Promise<Set<string>> {
    const rows = await this.prisma.reminderSent.findMany({
      where: {
        planId: { in: [...new Set(wanted.map((w) => w.planId))] },
        rung: { in: [...new Set(wanted.map((w) => w.rung))] },
      },
      select: { planId: true, kind: true, rung: true, deadlineAt: true, recipient: true },
    });
    return new Set(rows.map((r) => unitKey(r.planId, r.kind, r.rung, r.deadlineAt, r.recipient)));
  }

  private itemFor(
    run: Run,
    campaign: Campaign,
    plan: PlanRow,
    kind: ReminderDeadlineKind,
    deadlineAt: Date,
  ): ReminderUnit['item'] {
    let timing = run.timing.get(deadlineAt.getTime());
    if (!timing) {
      timing = {
        deadline: formatVnDateTime(deadlineAt, run.calendar.timeZone),
        ...deadlineDistance(deadlineAt, run.calendar, run.day),
      };
      run.timing.set(deadlineAt.getTime(), timing);
    }
    return {
      schoolName: plan.school.name,
      clusterName: plan.school.cluster.name,
      level: plan.school.level,
      campaignTitle: campaign.title,
      documentNumber: campaign.documentNumber,
      action: ACTION[kind],
      ...timing,
      planUrl: pageLinks(this.config.publicUrl).plan(plan.id),
    };
  }

  /** Writes the messages and their rungs, RECIPIENTS_PER_TX addressees per transaction, queueing after each commit. */
  private async deliver(run: Run): Promise<SendRemindersResult> {
    const result: SendRemindersResult = { emails: 0, rungs: 0, skipped: run.skipped, deferred: 0 };
    const outbox: OutboxContext = {
      districtId: run.district.id,
      officeName: run.district.officeName,
      day: run.day,
      publicUrl: this.config.publicUrl,
    };
    for (const part of chunk([...run.deliveries.values()], RECIPIENTS_PER_TX)) {
      const written = await this.prisma.$transaction((tx) => writeDeliveries(tx, outbox, part), {
        timeout: 120_000,
      });
      await this.mailQueue.enqueue(written.queue);
      result.emails += written.emails;
      result.rungs += written.rungs;
      result.deferred += written.deferred;
    }
    if (result.deferred) {
      this.logger.warn(`${result.deferred} reminder(s) of ${run.day} deferred: their person's message was already out`);
    }
    // A run that stopped between its commit and the queue left its messages QUEUED but never queued.
    const stranded = [...run.recorded].filter((email) => !run.deliveries.has(email));
    for (const part of chunk(stranded, KEYS_PER_QUERY)) {
      const rows = await this.prisma.emailLog.findMany({
        where: { idempotencyKey: { in: part.map((email) => reminderMailKey(email, run.day)) }, status: 'QUEUED' },
        select: { id: true },
      });
      await this.mailQueue.enqueue(rows.map((r) => r.id));
    }
    return result;
  }
}
