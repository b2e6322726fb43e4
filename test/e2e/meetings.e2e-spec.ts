// Review meetings by cluster (hội nghị duyệt kế hoạch) end to end, on the sample's "mam-non-2017-2018" campaign and
// its four meetings (clusters I–IV, 25–27/9/2017). The virtual clock starts on 1/9/2017 08:00 and runs at 60×
// (a virtual minute per real second): the meetings lie ahead, and one brought forward to today starts within
// seconds. Every e-mail goes through BullMQ and SMTP to maildev; the .ics files are read back with ical.js and
// the minutes with mammoth.
import { DateTime } from 'luxon';
import mammoth from 'mammoth';
import { type PlanState, planStateQuery } from '@duyet/workflows';
import { type CalendarMail, type ParsedIcs, icsOf, mailOf } from '../support/calendar-mail';
import { ADMIN, openCampaign, planIdOf, principal, staff } from '../support/campaign';
import { clearMailbox } from '../support/mailbox';
import { MAM_NON, PRESCHOOLS, PRESCHOOL_DRAFT, ZONE, callsAs, expectStatus, localTime } from '../support/meetings';
import { type Stack, eventually, startStack } from '../support/stack';

const SPEED = 60;
const START = '2017-09-01T08:00:00+07:00';
const ENV_KEYS = ['CLOCK_SPEED', 'CLOCK_ANCHOR_REAL', 'CLOCK_ANCHOR_VIRTUAL'] as const;
const CLUSTERS = ['I', 'II', 'III', 'IV'];
const START_TIME: Record<string, string> = { I: '07:30', II: '07:30', III: '13:30', IV: '07:30' };
/** the preschool deputy head, who signs the campaign */
const DEPUTY = MAM_NON.signer.email;
const specialist = (cluster: string) => `chuyenvien${CLUSTERS.indexOf(cluster) + 1}@kienxuong.example`;
/** cluster IV: never submits its plan */
const MISSING = 'mn-thuong-hien';
const GUEST = 'Nguyễn Thị Hoa';
const APPROVED = 'Kế hoạch đầy đủ nội dung, giải pháp khả thi.';
const returnComment = (school: string) => `${school} bổ sung giải pháp huy động trẻ nhà trẻ ra lớp.`;
const REVISION = '2017-10-05T17:00:00+07:00';
const RUN = Date.now().toString(36);
const T = { INVITE: 'MEETING_INVITATION', AGENDA: 'MEETING_AGENDA', CANCEL: 'MEETING_CANCELLED' } as const;

interface Slot {
  id: string;
  position: number;
  startsAt: string;
  endsAt: string;
  school: { code: string; name: string };
}
interface Attendee {
  id: string;
  fullName: string;
  email: string | null;
  schoolCode: string | null;
  invited: boolean;
  withdrawn: boolean;
  present: boolean | null;
  invitation?: { state: string; delivery: string; at: string } | null;
}
interface Meeting {
  id: string;
  uid: string;
  sequence: number;
  status: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  slots: Slot[];
  attendees: Attendee[];
}

describe('review meetings by cluster', () => {
  const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  let stack: Stack;
  let api: ReturnType<typeof callsAs>;
  let campaignId: string;
  let anchorReal: number;
  const meeting: Record<string, Meeting> = {};
  const planId: Record<string, string> = {};
  const person: Record<string, { id: string; fullName: string }> = {};

  const uidFor = (m: Meeting, email: string) => `${m.uid}.${person[email].id}@duyet`;
  const virtualNow = () => Date.parse(START) + (Date.now() - anchorReal) * SPEED;
  const body = (cluster: string) => {
    const m = MAM_NON.meetings.find((x) => x.cluster === cluster);
    return { cluster, date: m?.date, venue: m?.venue, startTime: START_TIME[cluster], slotMinutes: 30 };
  };
  const reload = async (cluster: string): Promise<Meeting> => {
    const res = await api.get(ADMIN, `/api/meetings/${meeting[cluster].id}`);
    expectStatus(res, 200);
    return (meeting[cluster] = res.body);
  };
  const workflowState = async (school: string): Promise<PlanState> => {
    const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId[school] } });
    return (await stack.temporal.getClient()).workflow.getHandle(plan.workflowId).query(planStateQuery);
  };
  /** Once every e-mail of the campaign is sent: the catcher's copies of one template to one person. */
  const caught = (template: string, email: string, count: number): Promise<CalendarMail[]> =>
    eventually(
      async () => {
        if (await stack.prisma.emailLog.count({ where: { campaignId, status: { not: 'SENT' } } })) return undefined;
        const mails = await mailOf(template, email);
        return mails.length >= count ? mails : undefined;
      },
      30_000,
      `${count} × ${template} to ${email}`,
    );
  /** The .ics files of a person's messages of one template, by SEQUENCE. */
  const calendar = async (template: string, email: string, count: number): Promise<ParsedIcs[]> =>
    (await Promise.all((await caught(template, email, count)).map(icsOf))).sort((a, b) => a.sequence - b.sequence);

  beforeAll(async () => {
    anchorReal = Date.now();
    Object.assign(process.env, {
      CLOCK_SPEED: String(SPEED),
      CLOCK_ANCHOR_REAL: new Date(anchorReal).toISOString(),
      CLOCK_ANCHOR_VIRTUAL: START,
    });
    stack = await startStack();
    api = callsAs(stack);
    await clearMailbox();
    campaignId = await openCampaign(stack, MAM_NON);
    for (const s of PRESCHOOLS) planId[s.code] = await planIdOf(stack, campaignId, s.code);
    for (const u of await stack.prisma.user.findMany({ where: { email: { endsWith: '@kienxuong.example' } } })) {
      person[u.email] = { id: u.id, fullName: u.fullName };
    }
  });

  afterAll(async () => {
    await stack?.close();
    for (const k of ENV_KEYS) {
      if (savedEnv[k] === undefined) delete process.env[k];
      else process.env[k] = savedEnv[k];
    }
  });

  it('principals submit their plans through the API before the meetings; one school does not', async () => {
    for (const s of PRESCHOOLS.filter((x) => x.code !== MISSING)) {
      const head = principal(s.code);
      expectStatus(await api.put(head, `/api/plans/${planId[s.code]}/draft`, PRESCHOOL_DRAFT), 200);
      expect((await api.get(head, `/api/plans/${planId[s.code]}/validation`)).body).toMatchObject({ ok: true });
      const submitted = await api.post(head, `/api/plans/${planId[s.code]}/submit`);
      expect(submitted.body).toMatchObject({ status: 'SUBMITTED', versionNo: 1 });
    }
    expect(await stack.prisma.plan.count({ where: { campaignId, status: 'SUBMITTED' } })).toBe(19);
  });

  it("the admin schedules the sample's four meetings: each cluster's schools get slots in order", async () => {
    const url = `/api/campaigns/${campaignId}/meetings`;
    expectStatus(await api.post(DEPUTY, url, body('I')), 403);
    const bad = await api.post(ADMIN, url, { ...body('I'), startTime: '7h30', slotMinutes: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'startTime', message: 'Giờ bắt đầu phải có dạng HH:mm, ví dụ 07:30' },
      { field: 'slotMinutes', message: 'Mỗi trường cần ít nhất 5 phút' },
    ]);
    for (const { cluster, date, venue } of MAM_NON.meetings) {
      const res = await api.post(ADMIN, url, body(cluster), `schedule-${cluster}-${RUN}`);
      expectStatus(res, 201);
      meeting[cluster] = res.body;
      expect(res.body).toMatchObject({ status: 'SCHEDULED', sequence: 0, date, venue, startTime: START_TIME[cluster] });
      const names = PRESCHOOLS.filter((s) => s.cluster === cluster).map((s) => s.name);
      expect(res.body.slots.map((s: Slot) => s.school.name)).toEqual(names.sort(new Intl.Collator('vi').compare));
      const first = Date.parse(`${date}T${START_TIME[cluster]}:00+07:00`);
      expect(res.body.slots.map((s: Slot) => s.startsAt)).toEqual(
        [0, 1, 2, 3, 4].map((i) => new Date(first + i * 30 * 60_000).toISOString()),
      );
    }
    // A retry with the same key finds the first meeting; the cluster has nobody left to invite to another.
    expect((await api.post(ADMIN, url, body('I'), `schedule-I-${RUN}`)).body.id).toBe(meeting.I.id);
    expect(await stack.prisma.meeting.count({ where: { campaignId } })).toBe(4);
    expectStatus(await api.post(ADMIN, url, body('I')), 409);
  });

  it('invites each school to its slot with an .ics in Asia/Ho_Chi_Minh, and sends the reviewers the agenda', async () => {
    for (const cluster of CLUSTERS) {
      const m = meeting[cluster];
      for (const slot of m.slots) {
        for (const email of [principal(slot.school.code), staff(slot.school.code)]) {
          const [mail] = await caught(T.INVITE, email, 1);
          expect(mail.subject).toContain(
            `[Duyệt] Giấy mời: Hội nghị duyệt kế hoạch - Cụm ${cluster} - ${slot.school.name}`,
          );
          const ics = await icsOf(mail);
          expect(ics).toMatchObject({ method: 'REQUEST', uid: uidFor(m, email), sequence: 0, tzid: ZONE });
          expect(ics).toMatchObject({ start: slot.startsAt, end: slot.endsAt, localStart: localTime(slot.startsAt) });
          expect(ics.raw).toContain('BEGIN:VTIMEZONE');
        }
      }
      const [agenda] = await caught(T.AGENDA, specialist(cluster), 1);
      for (const slot of m.slots) expect(agenda.text).toContain(slot.school.name);
      const ics = await icsOf(agenda);
      expect(ics).toMatchObject({ uid: uidFor(m, specialist(cluster)), start: m.startsAt, end: m.endsAt });
    }
    expect(await mailOf(T.AGENDA, DEPUTY)).toHaveLength(4);
    const [missing] = await mailOf(T.INVITE, principal(MISSING));
    expect(missing.text).toContain('Đề nghị nhà trường nộp kế hoạch trên hệ thống trước 17:00 20/09/2017.');
  });

  it('a new order updates the two schools whose time moved, and the agenda', async () => {
    const [a, b, ...rest] = meeting.I.slots;
    const res = await api.put(ADMIN, `/api/meetings/${meeting.I.id}/slots`, {
      slotIds: [b.id, a.id, ...rest.map((s) => s.id)],
    });
    expectStatus(res, 200);
    meeting.I = res.body;
    expect(meeting.I.slots.map((s) => s.school.code)).toEqual([b, a, ...rest].map((s) => s.school.code));
    for (const slot of meeting.I.slots.slice(0, 2)) {
      const email = principal(slot.school.code);
      const [first, update] = await calendar(T.INVITE, email, 2);
      expect(update).toMatchObject({ uid: first.uid, sequence: 1, start: slot.startsAt });
    }
    for (const s of rest) expect(await mailOf(T.INVITE, principal(s.school.code))).toHaveLength(1);
    expect(await calendar(T.AGENDA, specialist('I'), 2)).toHaveLength(2);
  });

  it('a meeting moved: every invitee gets the update, same UID, higher SEQUENCE, the new time', async () => {
    const reason = 'Trùng lịch tập huấn của Sở';
    const url = `/api/meetings/${meeting.II.id}`;
    const res = await api.patch(ADMIN, url, { date: '2017-09-28', startTime: '13:30', reason }, `move-II-${RUN}`);
    expectStatus(res, 200);
    meeting.II = res.body;
    expect(res.body).toMatchObject({ date: '2017-09-28', startTime: '13:30', sequence: 1 });
    for (const slot of meeting.II.slots) {
      const [first, update] = await calendar(T.INVITE, principal(slot.school.code), 2);
      expect(update).toMatchObject({ method: 'REQUEST', uid: first.uid, start: slot.startsAt, tzid: ZONE });
      expect(update.sequence).toBeGreaterThan(first.sequence);
      expect(update.localStart).toBe(localTime(slot.startsAt));
      expect(update.localStart.startsWith('2017-09-28T')).toBe(true);
    }
    const agenda = (await caught(T.AGENDA, specialist('II'), 2)).find((m) => m.subject.includes('Cập nhật'));
    expect(agenda?.text).toContain(`bắt đầu lúc 13:30 28/09/2017 (thay cho 07:30 26/09/2017). Lý do: ${reason}`);
  });

  it('a school moved to another meeting: cancelled at the old, invited to the new; one goes back to the desk', async () => {
    const moving = meeting.I.slots[4];
    const res = await api.post(ADMIN, `/api/meetings/${meeting.I.id}/slots/${moving.id}/move`, {
      meetingId: meeting.II.id,
    });
    expectStatus(res, 200);
    meeting.II = res.body;
    await reload('I');
    expect(meeting.I.slots.map((s) => s.position)).toEqual([1, 2, 3, 4]);
    const moved = meeting.II.slots[5];
    expect(moved).toMatchObject({ position: 6, school: moving.school });
    const email = principal(moving.school.code);
    const [cancel] = await caught(T.CANCEL, email, 1);
    expect(cancel.text).toContain('chuyển sang trình bày tại Hội nghị duyệt kế hoạch - Cụm II');
    const old = await icsOf(cancel);
    expect(old).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: uidFor(meeting.I, email) });
    expect(old.sequence).toBe(meeting.I.sequence);
    const fresh = (await calendar(T.INVITE, email, 2)).find((i) => i.uid === uidFor(meeting.II, email));
    expect(fresh).toMatchObject({ method: 'REQUEST', start: moved.startsAt, sequence: meeting.II.sequence });

    const leaving = meeting.II.slots[0];
    const url = `/api/meetings/${meeting.II.id}/slots/${leaving.id}/desk`;
    const desk = await api.post(ADMIN, url, { reason: 'Trường đã trình bày kế hoạch tại hội nghị cụm tháng 8' });
    expectStatus(desk, 200);
    meeting.II = desk.body;
    expect(meeting.II.slots.map((s) => s.school.code)).not.toContain(leaving.school.code);
    const gone = await icsOf((await caught(T.CANCEL, principal(leaving.school.code), 1))[0]);
    // Each invitee's invitation as the meeting's page lists it: the last message sent, and whether it went out.
    const invitation = (m: Meeting, email: string) => m.attendees.find((a) => a.email === email)?.invitation;
    await reload('I');
    await reload('II');
    expect(invitation(meeting.I, email)).toMatchObject({ state: 'CANCELLED', delivery: 'SENT' });
    // invited to II, then moved up a place when II's first school went back to the desk: an update
    expect(invitation(meeting.II, email)).toMatchObject({ state: 'UPDATED', delivery: 'SENT' });
    expect(invitation(meeting.I, principal(meeting.I.slots[0].school.code))).toMatchObject({ state: 'UPDATED' });
    expect(invitation(meeting.I, principal(meeting.I.slots[3].school.code))).toMatchObject({ state: 'SENT' });
    expect(invitation(meeting.II, principal(leaving.school.code))?.state).toBe('CANCELLED');
    expect(gone).toMatchObject({ method: 'CANCEL', uid: uidFor(meeting.II, principal(leaving.school.code)) });
    const approved = await api.post(DEPUTY, `/api/plans/${planId[leaving.school.code]}/approve`, { comment: APPROVED });
    expect(approved.body.status).toBe('APPROVED');
  });

  it('a meeting called off: each event is cancelled under its UID; the cluster is scheduled again', async () => {
    const old = meeting.III;
    const reason = 'Hội trường Trường Mầm non Vũ Lễ đang sửa chữa';
    const res = await api.post(ADMIN, `/api/meetings/${old.id}/cancel`, { reason });
    expect(res.body).toMatchObject({ status: 'CANCELLED', sequence: 1, cancelReason: reason });
    expectStatus(await api.post(ADMIN, `/api/meetings/${old.id}/cancel`, { reason }), 409);
    for (const slot of old.slots) {
      for (const email of [principal(slot.school.code), staff(slot.school.code)]) {
        const [mail] = await caught(T.CANCEL, email, 1);
        expect(mail.subject).toBe('[Duyệt] Hủy lịch: Hội nghị duyệt kế hoạch - Cụm III, Thứ Ba, 26/09/2017');
        expect(mail.text).toContain(`Lý do: ${reason}`);
        const ics = await icsOf(mail);
        expect(ics).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: uidFor(old, email), sequence: 1 });
        expect(ics.start).toBe(slot.startsAt);
      }
    }
    await caught(T.CANCEL, specialist('III'), 1);
    const again = await api.post(ADMIN, `/api/campaigns/${campaignId}/meetings`, {
      ...body('III'),
      date: '2017-09-27',
      venue: 'Hội trường Phòng GD&ĐT',
    });
    expectStatus(again, 201);
    meeting.III = again.body;
    expect(meeting.III.uid).not.toBe(old.uid);
    expect(meeting.III.slots.map((s) => s.school.code)).toEqual(old.slots.map((s) => s.school.code));
    const email = principal(old.slots[0].school.code);
    const invitations = await calendar(T.INVITE, email, 2);
    expect(invitations.map((i) => i.uid).sort()).toEqual([uidFor(old, email), uidFor(meeting.III, email)].sort());
  });

  it('a meeting brought forward to today: the missing plan falls due at its start, the agenda runs, the board shows it', async () => {
    const start = DateTime.fromMillis(virtualNow() + 2 * 60_000, { zone: ZONE })
      .startOf('minute')
      .plus({ minutes: 1 });
    const res = await api.patch(ADMIN, `/api/meetings/${meeting.IV.id}`, {
      date: start.toFormat('yyyy-LL-dd'),
      startTime: start.toFormat('HH:mm'),
      reason: 'Cụm IV đề nghị họp sớm',
    });
    expectStatus(res, 200);
    meeting.IV = res.body;
    const startsAt = start.toJSDate().toISOString();
    // Brought forward through the plan's workflow, audited, without an "extension" e-mail.
    const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId[MISSING] } });
    expect(plan.submissionDeadline?.toISOString()).toBe(startsAt);
    expect((await workflowState(MISSING)).deadlines.submission).toBe(startsAt);
    const events = await stack.prisma.auditEvent.findMany({
      where: { planId: planId[MISSING], type: 'DEADLINE_EXTENDED' },
    });
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({
        kind: 'SUBMISSION',
        previous: '2017-09-20T10:00:00.000Z',
        until: startsAt,
        reason: expect.stringContaining('Kế hoạch phải nộp trước Hội nghị duyệt kế hoạch - Cụm IV'),
      }),
    ]);
    expect(
      await stack.prisma.emailLog.count({ where: { planId: planId[MISSING], template: 'EXTENSION_DECIDED' } }),
    ).toBe(0);
    const update = (await caught(T.INVITE, principal(MISSING), 2)).find((m) => m.subject.includes('Thay đổi lịch'));
    expect(update?.text).toContain(`nộp kế hoạch trên hệ thống trước ${start.toFormat('HH:mm dd/LL/yyyy')}.`);
    // Submitted plans keep the campaign's deadline.
    const other = meeting.IV.slots[0].school.code;
    expect((await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId[other] } })).submissionDeadline).toBeNull();
    // Nor can an extension push the missing school's deadline past its meeting.
    const refused = await api.post(ADMIN, `/api/plans/${planId[MISSING]}/deadline`, {
      kind: 'SUBMISSION',
      until: new Date(Date.parse(startsAt) + 86_400_000).toISOString(),
      reason: 'Trường xin thêm thời gian',
    });
    expectStatus(refused, 400);
    expect(refused.body.message).toContain('hạn nộp không thể sau giờ họp');

    await new Promise((r) => setTimeout(r, Math.max(0, (Date.parse(startsAt) + 60_000 - virtualNow()) / SPEED)));
    const agenda = await api.get(principal(meeting.IV.slots[1].school.code), `/api/meetings/${meeting.IV.id}/agenda`);
    expect(agenda.body).toMatchObject({
      phase: 'IN_PROGRESS',
      current: { position: 1, school: meeting.IV.slots[0].school },
      next: { position: 2, school: meeting.IV.slots[1].school },
    });
    expect(agenda.body.slots[0]).not.toHaveProperty('outcome');
    expectStatus(
      await api.get(principal(meeting.I.slots[0].school.code), `/api/meetings/${meeting.IV.id}/agenda`),
      403,
    );
    const board = await api.get(ADMIN, `/api/board?campaignId=${campaignId}&overdue=true`);
    expect(board.body.items.map((i: { school: { code: string } }) => i.school.code)).toEqual([MISSING]);
    expect(board.body.items[0]).toMatchObject({ status: 'NOT_STARTED', overdue: true, deadline: startsAt });
    await eventually(async () => ((await workflowState(MISSING)).deadlineInForce?.overdue ? true : undefined));
  });

  it('the admin records who attended, with the union executive as guests', async () => {
    for (const cluster of CLUSTERS) {
      const m = await reload(cluster);
      const first = m.slots[0].school.code;
      const invited = m.attendees.filter((a) => a.invited && !a.withdrawn);
      const absent = invited.find((a) => a.email === staff(first));
      const guests = [{ fullName: GUEST, title: 'Chủ tịch Công đoàn', schoolCode: first }];
      const present = invited.filter((a) => a !== absent).map((a) => a.id);
      expectStatus(await api.put(DEPUTY, `/api/meetings/${m.id}/attendance`, { present }), 403);
      const res = await api.put(ADMIN, `/api/meetings/${m.id}/attendance`, { present, guests }, `attend-${m.id}`);
      expectStatus(res, 200);
      expect(res.body.find((a: Attendee) => a.id === absent?.id)?.present).toBe(false);
      expect(res.body.filter((a: Attendee) => a.present)).toHaveLength(invited.length);
      expect(res.body).toContainEqual(expect.objectContaining({ fullName: GUEST, invited: false, schoolCode: first }));
    }
  });

  it('outcomes move the plan workflows through the desk updates: review started, approved or returned', async () => {
    const recorder: Record<string, string> = { I: DEPUTY, II: specialist('II'), III: DEPUTY, IV: ADMIN };
    const capacity: Record<string, string> = {
      [DEPUTY]: 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG',
      [specialist('II')]: 'CHUYÊN VIÊN',
      [ADMIN]: 'TRƯỞNG PHÒNG',
    };
    const first = meeting.I.slots[0];
    const firstUrl = `/api/meetings/${meeting.I.id}/slots/${first.id}/outcome`;
    expectStatus(await api.post(specialist('II'), firstUrl, { outcome: 'APPROVED' }), 403);
    const noComment = await api.post(DEPUTY, firstUrl, { outcome: 'RETURNED' });
    expect(noComment.body.errors).toEqual([
      { field: 'comment', message: 'Cần ghi ý kiến của hội nghị để nhà trường chỉnh sửa' },
    ]);
    for (const cluster of CLUSTERS) {
      for (const slot of meeting[cluster].slots) {
        const returned = slot.position === 2;
        const outcome = returned
          ? { outcome: 'RETURNED', comment: returnComment(slot.school.name), revisionDeadline: REVISION }
          : { outcome: 'APPROVED', comment: APPROVED };
        const url = `/api/meetings/${meeting[cluster].id}/slots/${slot.id}/outcome`;
        // A specialist decides the plans of their own cluster only: the school moved in from cluster I is not theirs.
        const home = PRESCHOOLS.find((x) => x.code === slot.school.code)?.cluster;
        const by = home === cluster ? recorder[cluster] : DEPUTY;
        if (by !== recorder[cluster]) expectStatus(await api.post(recorder[cluster], url, outcome), 403);
        const res = await api.post(by, url, outcome, `outcome-${slot.id}`);
        if (slot.school.code === MISSING) {
          expect(res.status).toBe(409);
          expect(res.body.message).toContain('Chỉ có thể phê duyệt kế hoạch đã được nhà trường nộp');
          continue;
        }
        expectStatus(res, 200);
        const status = returned ? 'RETURNED' : 'APPROVED';
        expect(res.body).toMatchObject({ outcome: outcome.outcome, planStatus: status });
        const state = await workflowState(slot.school.code);
        expect(state.status).toBe(status);
        const actions = ['START_DRAFT', 'SUBMIT', 'START_REVIEW', returned ? 'RETURN' : 'APPROVE'];
        const history = state.history.map((h) => h.action);
        expect(history.filter((a) => a !== 'EXTEND_DEADLINE')).toEqual(actions);
        // Submitted before its meeting was scheduled, the plan fell due for review on the day it was presented
        // (17:00, or the end of its slot), moved there through its workflow: never before the meeting.
        expect(history.indexOf('EXTEND_DEADLINE')).toBeGreaterThan(history.indexOf('SUBMIT'));
        const endOfDay = DateTime.fromISO(slot.startsAt, { zone: ZONE }).set({ hour: 17, minute: 0, second: 0 });
        const reviewDue = await stack.prisma.auditEvent.findFirstOrThrow({
          where: { planId: planId[slot.school.code], type: 'DEADLINE_EXTENDED' },
          orderBy: { createdAt: 'desc' },
        });
        expect(reviewDue.data).toMatchObject({
          kind: 'REVIEW',
          until: new Date(Math.max(endOfDay.toMillis(), Date.parse(slot.endsAt))).toISOString(),
        });
        const decision = await stack.prisma.decision.findUniqueOrThrow({ where: { id: res.body.decisionId } });
        expect(decision).toMatchObject({
          planId: planId[slot.school.code],
          kind: returned ? 'RETURN' : 'APPROVE',
          capacity: capacity[by],
          decidedById: person[by].id,
          comment: outcome.comment,
          revisionDeadline: returned ? new Date(REVISION) : null,
        });
        expect((await stack.prisma.plan.findUniqueOrThrow({ where: { id: decision.planId } })).status).toBe(status);
      }
    }
    // A retry with the same key answers the first outcome; another outcome on the slot is refused.
    const again = await api.post(DEPUTY, firstUrl, { outcome: 'APPROVED', comment: APPROVED }, `outcome-${first.id}`);
    expect(again.status).toBe(200);
    expect(await stack.prisma.decision.count({ where: { planId: planId[first.school.code] } })).toBe(1);
    expectStatus(await api.post(DEPUTY, firstUrl, { outcome: 'APPROVED' }), 409);
    const returnedSchool = meeting.I.slots[1].school;
    const [mail] = await caught('PLAN_RETURNED', principal(returnedSchool.code), 1);
    expect(mail.text).toContain(returnComment(returnedSchool.name));
  });

  it('the minutes name the schools, outcomes, comments and attendees, and carry the signer', async () => {
    for (const cluster of CLUSTERS) {
      const m = await reload(cluster);
      const res = await api.file(ADMIN, `/api/meetings/${m.id}/minutes`);
      expectStatus(res, 200);
      expect(res.headers['content-type']).toContain('wordprocessingml.document');
      const { value: text } = await mammoth.extractRawText({ buffer: res.body as Buffer });
      expect(text).toContain('BIÊN BẢN');
      expect(text).toContain(`Hội nghị duyệt kế hoạch - Cụm ${cluster}`);
      expect(text).toContain(`Địa điểm: ${m.venue}.`);
      for (const slot of m.slots) {
        const label =
          slot.school.code === MISSING
            ? 'Chưa nộp kế hoạch'
            : slot.position === 2
              ? 'Trả lại để chỉnh sửa'
              : 'Phê duyệt';
        const time = `${localTime(slot.startsAt).slice(11, 16)} - ${localTime(slot.endsAt).slice(11, 16)}`;
        expect(text).toContain(`${slot.school.name}\n\n${time}\n\n${label}`);
        expect(text).toContain(`${person[principal(slot.school.code)].fullName} - Hiệu trưởng`);
      }
      expect(text).toContain(returnComment(m.slots[1].school.name));
      expect(text).toContain(`${person[staff(m.slots[0].school.code)].fullName} - Phó hiệu trưởng (vắng mặt)`);
      expect(text).toContain(`${GUEST} - Chủ tịch Công đoàn`);
      expect(text).toContain(`${person[specialist(cluster)].fullName} - Chuyên viên`);
      expect(text).toContain('KT. TRƯỞNG PHÒNG\n\nPHÓ TRƯỞNG PHÒNG');
      expect(text.trim().endsWith(person[DEPUTY].fullName)).toBe(true);
    }
    expectStatus(await api.file(specialist('I'), `/api/meetings/${meeting.I.id}/minutes`), 200);
    expectStatus(await api.file(specialist('I'), `/api/meetings/${meeting.IV.id}/minutes`), 403);
    expectStatus(
      await api.file(principal(meeting.I.slots[0].school.code), `/api/meetings/${meeting.I.id}/minutes`),
      403,
    );
  });
});
