// The deadline scenarios, with real timers. The accelerated virtual clock (one virtual day per two real
// seconds) drives the district's reminders workflow and the plans' workflows; every message goes through
// BullMQ and real SMTP to a mail catcher of this suite's own, which is taken down for three virtual days.
//
// Virtual calendar (2027): the campaign is due Wed 10/2 17:00, the first working day after Tết. The library
// knows Giao thừa (Fri 5/2) and mùng 1 (Sat 6/2); the office announces Thu 4/2, Mon 8/2 and Tue 9/2 off.
// Policy: the default ladder (7, 3, 1 working days before, on the day, +1 with the reviewer copied, +3 to the
// office head), then the office head's digest every 2 days ("weekly, scaled down"); a reviewer is reminded on
// the day a decision is due.
//
// The daily run is at 07:30 and every move at 16:00 (D's extension at 12:00), so that a timer of the test server
// firing a few hundred milliseconds late (several virtual hours) cannot put a move before or after the wrong run.
//
//   A th-thanh-tan    submits on time (2/2)
//   B th-binh-minh    submits late (18/2), after the office head's first digest
//   C th-nam-binh     never submits
//   D th-binh-thanh   asks for more time on 2/2 and is granted 19/2 17:00; submits on its new day
//   E th-binh-dinh    submits (26/1), is returned (27/1) with a revision deadline of Mon 1/2 17:00, resubmits 2/2
//   F thcs-thanh-tan  given its own deadline, Mon 8/2 17:00, a day of the Tết break; submits late (10/2)
//   SMTP down from 9/2 16:00 to 12/2 00:00
//   the office moves the daily run from 07:30 to 13:00 on 19/2: the last digest (23/2) goes out at 13:00
import type { EmailLog } from '@duyet/database';
import { DEFAULT_REMINDER_POLICY } from '@duyet/domain';
import { type ClockSettings, realAt, remindersWorkflowId, virtualAt } from '@duyet/workflows';
import { bearer } from '../support/campaign';
import { type TestDistrict, importSampleDistrict, openDistrictCampaign } from '../support/district';
import { type CaughtMail, allMail } from '../support/mailbox';
import { type PrivateMaildev, startPrivateMaildev } from '../support/maildev';
import { type Stack, eventually, startStack } from '../support/stack';

const DOMAIN = 'kich-ban.example';
const SPEED = 86_400 / 2;
/**
 * the virtual instant when the suite starts: setup (starting the worker and the API, the district, the campaign,
 * five drafts) has until 24/1 07:00, about seven virtual days (13 s), before the first move; with three (6 s) it
 * ran out on a loaded machine. The daily runs of those days find no campaign and write nothing.
 */
const START = '2027-01-17T12:00:00+07:00';
const DEADLINE = '2027-02-10T17:00:00+07:00';
const LAST_DAY = '2027-02-23';

const A = 'th-thanh-tan';
const B = 'th-binh-minh';
const C = 'th-nam-binh';
const D = 'th-binh-thanh';
const E = 'th-binh-dinh';
const F = 'thcs-thanh-tan';
const NAME: Record<string, string> = {
  [A]: 'Trường Tiểu học Thanh Tân',
  [B]: 'Trường Tiểu học Bình Minh',
  [C]: 'Trường Tiểu học Nam Bình',
  [D]: 'Trường Tiểu học Bình Thanh',
  [E]: 'Trường Tiểu học Bình Định',
  [F]: 'Trường THCS Thanh Tân',
};
const TET_DAYS_OFF = [
  ['2027-02-04', 'Nghỉ Tết Nguyên Đán (27 tháng Chạp)'],
  ['2027-02-08', 'Nghỉ Tết Nguyên Đán (mùng 3)'],
  ['2027-02-09', 'Nghỉ Tết Nguyên Đán (mùng 4)'],
];
const POLICY = {
  SUBMISSION: { ...DEFAULT_REMINDER_POLICY.SUBMISSION, digest: { startAfter: 3, everyDays: 2, to: ['ADMIN'] } },
  REVISION: { ...DEFAULT_REMINDER_POLICY.REVISION, digest: { startAfter: 3, everyDays: 2, to: ['ADMIN'] } },
  REVIEW: { rungs: [{ key: 'due', offset: 0, to: ['REVIEWER'] }] },
};
const DRAFT = {
  sections: {
    purpose: 'Nâng cao chất lượng đội ngũ, đáp ứng yêu cầu đổi mới giáo dục năm 2027.',
    tasks: 'Bồi dưỡng chuyên môn theo tổ, khối; đánh giá kết quả từng học kỳ.',
  },
  indicators: { STAFF_QUALIFIED: { baseline: 80, target: 85 } },
};
const ENV_KEYS = [
  'CLOCK_SPEED',
  'CLOCK_ANCHOR_REAL',
  'CLOCK_ANCHOR_VIRTUAL',
  'SMTP_PORT',
  'MAILBOX_URL',
  'REMINDER_RUNS',
] as const;

const remind = (school: string, timing: string) => `[Duyệt] Nhắc hạn nộp kế hoạch: ${NAME[school]} - ${timing}`;
const remindRevision = (school: string, timing: string) =>
  `[Duyệt] Nhắc hạn nộp lại kế hoạch: ${NAME[school]} - ${timing}`;
const receipt = (school: string) => `[Duyệt] Đã nhận kế hoạch của ${NAME[school]}`;
const digest = (day: string, n: number) =>
  `[Duyệt] Tổng hợp kế hoạch quá hạn ngày ${day.split('-').reverse().join('/')}: ${n} kế hoạch`;

interface Delivered {
  day: string;
  subject: string;
  text: string;
  template: string;
}

describe('deadline scenarios on the accelerated clock', () => {
  const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  let stack: Stack;
  let maildev: PrivateMaildev;
  let clock: ClockSettings;
  let district: TestDistrict;
  let campaignId: string;
  let documentNumber: string;
  const planId: Record<string, string> = {};
  /** what the catcher held when it went down: a restarted catcher starts empty */
  let caughtBeforeOutage: CaughtMail[] = [];
  let inbox: CaughtMail[] = [];
  let rows: EmailLog[] = [];
  let outage: { from: Date; to: Date };
  const timeline: string[] = [];

  const reviewer = () => district.person('pho.phothong');
  const principal = (school: string) => district.principal(school);
  const post = async (as: string, url: string, body: object = {}) =>
    stack
      .http()
      .post(url)
      .set(await bearer(stack, as))
      .send(body);
  const virtualDay = (realMs: number) => new Date(virtualAt(clock, realMs) + 7 * 3_600_000).toISOString().slice(0, 10);

  const virtualNow = () => new Date(virtualAt(clock, Date.now())).toISOString();

  /** Waits for a virtual instant; fails when the suite comes too late (6 virtual hours) for it to mean that day. */
  async function at(iso: string, what: string): Promise<void> {
    const wait = realAt(clock, Date.parse(iso)) - Date.now();
    if (wait < -(6 * 3_600_000) / SPEED) throw new Error(`${what}: the suite reached ${iso} ${-wait} ms late`);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    timeline.push(`${iso} ${what} (virtual ${virtualNow()})`);
  }

  /**
   * Fails when a step finished after `iso` (before the next daily run, at 07:30): on a machine that slow, the
   * step would land on another virtual day than the one the expectations are written for.
   */
  function doneBy(iso: string, what: string): void {
    timeline.push(`  ${what} done (virtual ${virtualNow()})`);
    if (Date.now() > realAt(clock, Date.parse(iso))) throw new Error(`${what} finished after ${iso}: too slow`);
  }

  async function expectOk(res: { status: number; body: unknown }, status: number, what: string): Promise<void> {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  const submit = async (school: string) =>
    expectOk(await post(principal(school), `/api/plans/${planId[school]}/submit`), 200, `submit ${school}`);

  /** Every e-mail row of the district, once none is waiting any more. */
  const allSent = () =>
    eventually(
      async () => {
        const all = await stack.prisma.emailLog.findMany({ where: { districtId: district.id } });
        return all.every((r) => r.status === 'SENT') ? all : undefined;
      },
      40_000,
      'every e-mail of the district to be sent',
    );

  beforeAll(async () => {
    maildev = await startPrivateMaildev();
    clock = { anchorRealMs: Date.now(), anchorVirtualMs: Date.parse(START), speed: SPEED };
    Object.assign(process.env, {
      CLOCK_SPEED: String(SPEED),
      CLOCK_ANCHOR_REAL: new Date(clock.anchorRealMs).toISOString(),
      CLOCK_ANCHOR_VIRTUAL: START,
      SMTP_PORT: String(maildev.smtpPort),
      MAILBOX_URL: maildev.url,
      // The one suite that runs the daily reminder workflow; the others set states by hand.
      REMINDER_RUNS: 'true',
    });
    stack = await startStack();
    district = await importSampleDistrict(stack.prisma, {
      code: 'kich-ban',
      domain: DOMAIN,
      schools: [A, B, C, D, E, F],
    });
    const admin = await bearer(stack, district.admin);
    for (const [date, name] of TET_DAYS_OFF) {
      const res = await stack.http().put(`/api/calendar/days/${date}`).set(admin).send({ kind: 'DAY_OFF', name });
      await expectOk(res, 200, `day off ${date}`);
    }
    documentNumber = `05/KH-PGDĐT-${Date.now().toString(36)}`;
    campaignId = await openDistrictCampaign(stack, district, {
      key: `kich-ban-${Date.now().toString(36)}`,
      documentNumber,
      title: 'Kế hoạch bồi dưỡng đội ngũ năm 2027',
      issuedOn: '2027-01-15',
      period: { from: '2027-01-01', to: '2027-12-31' },
      phases: [],
      targetLevels: ['PRIMARY', 'LOWER_SECONDARY'],
      targetClusters: ['I'],
      requiredSections: ['purpose', 'tasks'],
      requiredIndicators: ['STAFF_QUALIFIED'],
      submissionDeadline: DEADLINE,
      // No paper copies: the timeline is about deadlines (missing copies have their own, paper-copy-reminders).
      paperCopies: 0,
      reminderPolicy: POLICY,
    });
    for (const p of await stack.prisma.plan.findMany({ where: { campaignId }, include: { school: true } })) {
      planId[p.school.code] = p.id;
    }
    for (const school of [A, B, D, E, F]) {
      const res = await stack
        .http()
        .put(`/api/plans/${planId[school]}/draft`)
        .set(await bearer(stack, principal(school)))
        .send(DRAFT);
      await expectOk(res, 200, `draft ${school}`);
    }
    for (const email of [district.admin, reviewer()]) await bearer(stack, email);
    doneBy('2027-01-24T07:00:00+07:00', 'setup');

    await at('2027-01-24T16:00:00+07:00', "F's deadline set on a day of the Tết break");
    await expectOk(
      await post(district.admin, `/api/plans/${planId[F]}/deadline`, {
        kind: 'SUBMISSION',
        until: '2027-02-08T17:00:00+07:00',
        reason: 'Trường đón đoàn kiểm định chất lượng trong tháng 1',
      }),
      200,
      'deadline F',
    );
    doneBy('2027-01-25T07:00:00+07:00', "F's deadline");

    await at('2027-01-26T16:00:00+07:00', 'E submits');
    await submit(E);
    doneBy('2027-01-27T07:00:00+07:00', "E's submission");

    await at('2027-01-27T16:00:00+07:00', 'E is returned for revision');
    await expectOk(await post(reviewer(), `/api/plans/${planId[E]}/start-review`), 200, 'start review E');
    await expectOk(
      await post(reviewer(), `/api/plans/${planId[E]}/return`, {
        comment: 'Nhiệm vụ cần cụ thể hơn, bổ sung giải pháp theo từng khối lớp.',
        revisionDeadline: '2027-02-01T17:00:00+07:00',
      }),
      200,
      'return E',
    );
    doneBy('2027-01-28T07:00:00+07:00', "E's return");

    // D's two moves come at noon, apart from E's and A's at 16:00: four requests and their notices in the 8 virtual
    // hours (333 ms) before midnight ran past it on a loaded machine, and the grant's notice was dated 3/2.
    await at('2027-02-02T12:00:00+07:00', 'D asks for more time and is granted it');
    const asked = await post(principal(D), `/api/plans/${planId[D]}/extension-requests`, {
      reason: 'Trường đang sửa chữa phòng học, chưa họp được hội đồng trước Tết',
      requestedUntil: '2027-02-19T17:00:00+07:00',
    });
    await expectOk(asked, 201, 'extension request D');
    await expectOk(
      await post(district.admin, `/api/plans/${planId[D]}/extension-requests/${asked.body.id}/grant`, {
        until: '2027-02-19T17:00:00+07:00',
        note: 'Đồng ý gia hạn đến sau Tết',
      }),
      200,
      'grant D',
    );
    doneBy('2027-02-03T00:00:00+07:00', "D's extension");

    await at('2027-02-02T16:00:00+07:00', 'E resubmits late, A submits');
    await submit(E);
    await submit(A);
    doneBy('2027-02-03T07:00:00+07:00', 'the moves of 2/2');

    await at('2027-02-09T16:00:00+07:00', 'the SMTP server goes down');
    await allSent();
    caughtBeforeOutage = await allMail();
    await maildev.stop();
    const down = new Date();

    await at('2027-02-10T16:00:00+07:00', 'F submits, its deadline passed during Tết');
    await submit(F);
    doneBy('2027-02-11T07:00:00+07:00', "F's submission");

    await at('2027-02-12T00:00:00+07:00', 'the SMTP server is back');
    await maildev.start();
    outage = { from: down, to: new Date() };

    await at('2027-02-18T16:00:00+07:00', 'B submits late');
    await submit(B);
    doneBy('2027-02-19T07:00:00+07:00', "B's submission");

    await at('2027-02-19T16:00:00+07:00', 'D submits on its new deadline; the office moves the daily run to 13:00');
    await submit(D);
    const moved = await stack.http().put('/api/calendar/reminder-hour').set(admin).send({ hour: '13:00' });
    await expectOk(moved, 200, 'reminder hour');
    doneBy('2027-02-20T07:00:00+07:00', "D's submission and the new hour");

    await at(`${LAST_DAY}T22:00:00+07:00`, 'the end: the reminders workflow is stopped');
    const client = await stack.temporal.getClient();
    await client.workflow.getHandle(remindersWorkflowId(district.id)).terminate('the scenarios are over');
    rows = await allSent();
    // A message is SENT once the catcher said "250 OK"; it lists the message a moment later.
    const caught = async () => [...caughtBeforeOutage, ...(await allMail())];
    inbox = await eventually(
      async () => {
        const all = await caught();
        return all.length >= rows.length ? all : undefined;
      },
      10_000,
      'the catcher to list every message',
    ).catch(caught);
  }, 150_000);

  afterAll(async () => {
    // The workflow is stopped at the end of the timeline; again here in case the timeline failed on its way.
    const client = await stack?.temporal.getClient();
    await client?.workflow
      .getHandle(remindersWorkflowId(district?.id ?? 'none'))
      .terminate('the scenarios are over')
      .catch(() => undefined);
    await stack?.close();
    await maildev?.stop();
    for (const key of ENV_KEYS) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
    if (process.env.DEBUG_SCENARIOS) console.log(timeline.join('\n'));
  });

  /** What a person received, each message with the virtual day it was written for, in order. */
  function received(email: string): Delivered[] {
    const byId = new Map(rows.map((r) => [`<${r.id}@duyet.example>`, r]));
    return inbox
      .filter((m) => m.to.some((t) => t.address === email))
      .map((m) => {
        const row = byId.get(m.headers['message-id']);
        if (!row) throw new Error(`no e-mail row for the message "${m.subject}" to ${email}`);
        // A reminder is written for its day; any other message on the day of the move that caused it.
        const day = row.idempotencyKey.startsWith('reminder:')
          ? row.idempotencyKey.split(':').at(-1)!
          : virtualDay(row.createdAt.getTime());
        return { day, subject: m.subject, text: m.text, template: row.template };
      })
      .sort((a, b) => a.day.localeCompare(b.day) || a.subject.localeCompare(b.subject));
  }
  const listOf = (email: string) => received(email).map((m) => `${m.day} ${m.subject}`);
  const sorted = (lines: string[]) => [...lines].sort();

  it('gives a school that submits on time its reminders before the deadline, and none after it submits', () => {
    expect(listOf(principal(A))).toEqual([
      `2027-01-26 ${remind(A, 'còn 7 ngày làm việc')}`,
      `2027-02-01 ${remind(A, 'còn 3 ngày làm việc')}`,
    ]);
  });

  it('reminds a late school through +1, names it in the office head’s +3 and first digest, then stops', () => {
    expect(listOf(principal(B))).toEqual([
      `2027-01-26 ${remind(B, 'còn 7 ngày làm việc')}`,
      `2027-02-01 ${remind(B, 'còn 3 ngày làm việc')}`,
      `2027-02-03 ${remind(B, 'còn 1 ngày làm việc')}`,
      `2027-02-10 ${remind(B, 'hạn chót là hôm nay')}`,
      `2027-02-11 ${remind(B, 'đã quá hạn 1 ngày làm việc')}`,
    ]);
    const digests = received(district.admin).filter((m) => m.template === 'OVERDUE_DIGEST');
    const naming = digests.filter((m) => m.text.includes(NAME[B])).map((m) => m.day);
    expect(naming).toEqual(['2027-02-15', '2027-02-17']);
    expect(digests.find((m) => m.day === '2027-02-17')!.text).toContain(
      `| ${NAME[B]} | Cụm I | Tiểu học | nộp kế hoạch | 17:00 10/02/2027 | đã quá hạn 5 ngày làm việc`,
    );
  });

  it('keeps the digest coming every 2 virtual days for a school that never submits (a Sunday one on the Friday)', () => {
    expect(listOf(principal(C))).toEqual([
      `2027-01-26 ${remind(C, 'còn 7 ngày làm việc')}`,
      `2027-02-01 ${remind(C, 'còn 3 ngày làm việc')}`,
      `2027-02-03 ${remind(C, 'còn 1 ngày làm việc')}`,
      `2027-02-10 ${remind(C, 'hạn chót là hôm nay')}`,
      `2027-02-11 ${remind(C, 'đã quá hạn 1 ngày làm việc')}`,
    ]);
    const digests = received(district.admin).filter((m) => m.template === 'OVERDUE_DIGEST');
    // +3 on Mon 15/2, then Wed 17, Fri 19 (and Sun 21 moved back onto it), Tue 23.
    expect(digests.map((m) => `${m.day} ${m.subject}`)).toEqual([
      `2027-02-15 ${digest('2027-02-15', 2)}`,
      `2027-02-17 ${digest('2027-02-17', 2)}`,
      `2027-02-19 ${digest('2027-02-19', 1)}`,
      `2027-02-23 ${digest('2027-02-23', 1)}`,
    ]);
    for (const m of digests) expect(m.text).toContain(`| ${NAME[C]} | Cụm I | Tiểu học | nộp kế hoạch |`);
  });

  it('follows an extension granted mid-ladder: the old rungs stop, the new date has its own', async () => {
    expect(listOf(principal(D))).toEqual([
      `2027-01-26 ${remind(D, 'còn 7 ngày làm việc')}`,
      `2027-02-01 ${remind(D, 'còn 3 ngày làm việc')}`,
      `2027-02-02 [Duyệt] ${NAME[D]} được gia hạn đến 17:00 19/02/2027`,
      `2027-02-10 ${remind(D, 'còn 7 ngày làm việc')}`,
      `2027-02-16 ${remind(D, 'còn 3 ngày làm việc')}`,
      `2027-02-18 ${remind(D, 'còn 1 ngày làm việc')}`,
      `2027-02-19 ${remind(D, 'hạn chót là hôm nay')}`,
    ]);
    const onNewDate = received(principal(D)).find((m) => m.day === '2027-02-10')!;
    expect(onNewDate.text).toContain('- Hạn nộp kế hoạch: 17:00 19/02/2027 (còn 7 ngày làm việc)');
    const rungs = await stack.prisma.reminderSent.findMany({ where: { planId: planId[D] }, orderBy: { day: 'asc' } });
    expect(rungs.map((r) => `${r.rung} ${r.deadlineAt.toISOString()}`)).toEqual([
      'before-7 2027-02-10T10:00:00.000Z',
      'before-3 2027-02-10T10:00:00.000Z',
      'before-7 2027-02-19T10:00:00.000Z',
      'before-3 2027-02-19T10:00:00.000Z',
      'before-1 2027-02-19T10:00:00.000Z',
      'due 2027-02-19T10:00:00.000Z',
    ]);
    expect(listOf(district.admin)).toContain(`2027-02-02 [Duyệt] ${NAME[D]} đề nghị gia hạn`);
  });

  it('reminds a returned plan of its revision deadline until it is resubmitted', () => {
    expect(listOf(principal(E))).toEqual([
      `2027-01-26 ${remind(E, 'còn 7 ngày làm việc')}`,
      `2027-01-27 [Duyệt] Kế hoạch của ${NAME[E]} cần chỉnh sửa`,
      `2027-01-29 ${remindRevision(E, 'còn 1 ngày làm việc')}`,
      `2027-02-01 ${remindRevision(E, 'hạn chót là hôm nay')}`,
      `2027-02-02 ${remindRevision(E, 'đã quá hạn 1 ngày làm việc')}`,
    ]);
    const late = received(principal(E)).find((m) => m.day === '2027-02-02')!;
    expect(late.text).toContain('- Hạn nộp lại kế hoạch: 17:00 01/02/2027 (đã quá hạn 1 ngày làm việc)');
  });

  it('moves the rungs a holiday would take to the last working day before it', () => {
    // Due Wed 10/2: "1 day before" is Wed 3/2, the last day before the break, for every school on that date.
    for (const school of [B, C])
      expect(listOf(principal(school))).toContain(`2027-02-03 ${remind(school, 'còn 1 ngày làm việc')}`);
    // Due Mon 8/2, a day off: the whole ladder counts back from Wed 3/2, and "+1" is the first day back.
    expect(listOf(principal(F))).toEqual([
      `2027-01-24 [Duyệt] Hạn nộp kế hoạch của ${NAME[F]} được điều chỉnh sớm hơn: 17:00 08/02/2027`,
      `2027-01-25 ${remind(F, 'còn 7 ngày làm việc')}`,
      `2027-01-29 ${remind(F, 'còn 3 ngày làm việc')}`,
      `2027-02-02 ${remind(F, 'còn 1 ngày làm việc')}`,
      `2027-02-03 ${remind(F, 'hôm nay là ngày làm việc cuối cùng trước hạn')}`,
      `2027-02-10 ${remind(F, 'đã quá hạn 1 ngày làm việc')}`,
    ]);
  });

  it('writes the reviewer one message a day, never a CC: the schools they are copied on come under "Để biết"', () => {
    expect(listOf(reviewer())).toEqual([
      `2027-02-02 [Duyệt] Để biết hạn nộp lại kế hoạch: ${NAME[E]} - đã quá hạn 1 ngày làm việc`,
      `2027-02-10 [Duyệt] Để biết hạn nộp kế hoạch: ${NAME[F]} - đã quá hạn 1 ngày làm việc`,
      '2027-02-11 [Duyệt] Để biết ngày 11/02/2027: 2 kế hoạch cần theo dõi',
      '2027-02-15 [Duyệt] Nhắc việc ngày 15/02/2027: 2 kế hoạch cần xử lý',
      `2027-02-17 [Duyệt] Nhắc hạn duyệt kế hoạch: ${NAME[F]} - hạn chót là hôm nay`,
    ]);
    const copy = received(reviewer()).find((m) => m.day === '2027-02-11')!;
    for (const school of [B, C]) {
      expect(copy.text).toContain(
        `- ${NAME[school]} (${documentNumber}): hạn nộp kế hoạch 17:00 10/02/2027, đã quá hạn 1 ngày làm việc`,
      );
    }
    expect(inbox.filter((m) => (m.cc ?? []).length > 0)).toEqual([]);
  });

  it('tells the office head and the clerk what is theirs, and nobody else anything', () => {
    expect(listOf(district.admin)).toEqual(
      sorted([
        `2027-02-02 [Duyệt] ${NAME[D]} đề nghị gia hạn`,
        `2027-02-15 ${digest('2027-02-15', 2)}`,
        `2027-02-17 ${digest('2027-02-17', 2)}`,
        `2027-02-19 ${digest('2027-02-19', 1)}`,
        `2027-02-23 ${digest('2027-02-23', 1)}`,
      ]),
    );
    expect(listOf(district.clerk)).toEqual(
      sorted([
        `2027-01-26 ${receipt(E)}`,
        `2027-02-02 ${receipt(A)}`,
        `2027-02-02 ${receipt(E)}`,
        `2027-02-10 ${receipt(F)}`,
        `2027-02-18 ${receipt(B)}`,
        `2027-02-19 ${receipt(D)}`,
      ]),
    );
    const everyone = new Set(inbox.flatMap((m) => m.to.map((t) => t.address)));
    expect([...everyone].sort()).toEqual(
      [district.admin, district.clerk, reviewer(), ...[A, B, C, D, E, F].map(principal)].sort(),
    );
  });

  it('runs at the hour the office sets: 07:30, then 13:00 from the run after the change', async () => {
    // When each reminder message was written, against its day's 07:30 and 13:00, in virtual time.
    const runs = rows
      .filter((r) => r.idempotencyKey.startsWith('reminder:'))
      .map((r) => {
        const day = r.idempotencyKey.split(':').at(-1)!;
        const written = virtualAt(clock, r.createdAt.getTime());
        const since = (hhmm: string) => written - Date.parse(`${day}T${hhmm}:00+07:00`);
        return { day, afterEarly: since('07:30') >= 0, afterLate: since('13:00') >= 0 };
      });
    const early = runs.filter((r) => r.day <= '2027-02-19');
    const late = runs.filter((r) => r.day >= '2027-02-20');
    expect(early.length).toBeGreaterThan(0);
    expect(late.map((r) => r.day)).toEqual(['2027-02-23']);
    expect(early.filter((r) => !r.afterEarly || r.afterLate)).toEqual([]);
    expect(late.filter((r) => !r.afterLate)).toEqual([]);

    const admin = await bearer(stack, district.admin);
    expect(
      (
        await stack
          .http()
          .get('/api/calendar/reminder-hour')
          .set(await bearer(stack, principal(A)))
      ).body,
    ).toEqual({
      hour: '13:00',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const refused = await stack
      .http()
      .put('/api/calendar/reminder-hour')
      .set(await bearer(stack, principal(A)))
      .send({ hour: '06:00' });
    expect(refused.status).toBe(403);
    const bad = await stack.http().put('/api/calendar/reminder-hour').set(admin).send({ hour: '7:30' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'hour', message: 'Giờ gửi nhắc phải có dạng HH:mm' }]);
    const audit = await stack.prisma.auditEvent.findMany({
      where: { districtId: district.id, type: 'REMINDER_HOUR_CHANGED' },
    });
    expect(audit.map((e) => e.data)).toEqual([{ before: '07:30', after: '13:00' }]);
  });

  it('delivers every message once the SMTP server is back, none twice', () => {
    expect(rows.length).toBeGreaterThan(0);
    const ids = inbox.map((m) => m.headers['message-id']);
    expect(ids).toHaveLength(rows.length);
    expect(new Set(ids).size).toBe(rows.length);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => `<${r.id}@duyet.example>`)));
    // The nine messages written during the outage (the runs of 10 and 11/2, F's receipt) were tried while it
    // lasted, then sent.
    const during = rows.filter((r) => r.createdAt >= outage.from && r.createdAt <= outage.to);
    expect(during.map((r) => virtualDay(r.createdAt.getTime())).sort()).toEqual([
      ...Array(6).fill('2027-02-10'),
      ...Array(3).fill('2027-02-11'),
    ]);
    for (const r of during) expect(r.attempts).toBeGreaterThan(1);
  });
});
