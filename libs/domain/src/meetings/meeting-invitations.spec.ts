import ICAL from 'ical.js';
import { MailTemplate } from '@duyet/mail';
import { type AttendeeRow, type Invitee, type MeetingForMail, planInvitations } from './meeting-invitations';

const meeting: MeetingForMail = {
  id: 'm-1',
  uid: 'meeting-uid',
  sequence: 0,
  status: 'SCHEDULED',
  title: 'Hội nghị duyệt kế hoạch - Cụm I',
  venue: 'Hội trường Phòng GD&ĐT',
  startsAt: new Date('2017-09-25T00:30:00Z'),
  slotMinutes: 30,
  timeZone: 'Asia/Ho_Chi_Minh',
  officeName: 'Phòng Giáo dục và Đào tạo Kiến Xương',
  campaignTitle: 'Kế hoạch năm học 2017 - 2018',
  documentNumber: '85/KH-PGDĐT',
  slots: [
    {
      position: 1,
      planId: 'p-a',
      schoolId: 's-a',
      schoolName: 'Trường Mầm non A',
      planStatus: 'SUBMITTED',
      submitBy: null,
    },
    {
      position: 2,
      planId: 'p-b',
      schoolId: 's-b',
      schoolName: 'Trường Mầm non B',
      planStatus: 'DRAFTING',
      submitBy: new Date('2017-09-20T10:00:00Z'),
    },
  ],
};
const invitees: Invitee[] = [
  { userId: 'u-rev', email: 'rev@x.example', fullName: 'Người Duyệt', title: 'Phó trưởng phòng', schoolId: null },
  { userId: 'u-a', email: 'a@x.example', fullName: 'Hiệu Trưởng A', title: 'Hiệu trưởng', schoolId: 's-a' },
  { userId: 'u-b', email: 'b@x.example', fullName: 'Hiệu Trưởng B', title: 'Hiệu trưởng', schoolId: 's-b' },
];
const ctx = {
  now: new Date('2017-09-01T01:00:00Z'),
  publicUrl: 'http://duyet.test',
  organizerEmail: 'no-reply@x',
  withdrawReason: 'Lý do',
};

/** The attendee rows as they stand after a plan was carried out. */
const rowsAfter = (plan: ReturnType<typeof planInvitations>): AttendeeRow[] =>
  plan.sent.map((s, i) => ({ ...s.invitee, id: `row-${i}`, sentFingerprint: s.fingerprint, withdrawnAt: null }));

const icsOf = (mail: { attachments?: { content: string }[] }) => {
  const calendar = new ICAL.Component(ICAL.parse(mail.attachments?.[0].content ?? ''));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
  return { uid: event.uid, sequence: event.sequence, start: event.startDate.toJSDate().toISOString() };
};

describe('planInvitations', () => {
  it('invites each school to its own slot and the office to the whole meeting with the agenda', () => {
    const plan = planInvitations(meeting, invitees, [], ctx);
    expect(plan.withdrawn).toEqual([]);
    const byTo = new Map(plan.mails.map((m) => [m.mail.to, m]));
    expect(byTo.get('rev@x.example')?.mail.template).toBe(MailTemplate.MEETING_AGENDA);
    expect(byTo.get('rev@x.example')?.planId).toBeNull();
    expect(byTo.get('b@x.example')).toMatchObject({
      planId: 'p-b',
      mail: { template: MailTemplate.MEETING_INVITATION },
    });
    expect(byTo.get('b@x.example')?.mail.data).toMatchObject({
      position: 2,
      slotTime: '08:00 - 08:30',
      submitBy: '17:00 20/09/2017',
      change: 'NEW',
    });
    expect(icsOf(byTo.get('b@x.example')!.mail)).toEqual({
      uid: 'meeting-uid.u-b@duyet',
      sequence: 0,
      start: '2017-09-25T01:00:00.000Z',
    });
    expect(icsOf(byTo.get('rev@x.example')!.mail).start).toBe('2017-09-25T00:30:00.000Z');
  });

  it('sends nothing when nothing an invitee holds has changed', () => {
    const first = planInvitations(meeting, invitees, [], ctx);
    expect(planInvitations({ ...meeting, sequence: 1 }, invitees, rowsAfter(first), ctx).mails).toEqual([]);
  });

  it('on a new order, updates the schools whose time moved and the office, with a higher sequence', () => {
    const rows = rowsAfter(planInvitations(meeting, invitees, [], ctx));
    const swapped = { ...meeting, sequence: 1, slots: meeting.slots.map((s) => ({ ...s, position: 3 - s.position })) };
    const plan = planInvitations(swapped, invitees, rows, { ...ctx, note: 'thứ tự thay đổi' });
    expect(plan.mails.map((m) => m.mail.to).sort()).toEqual(['a@x.example', 'b@x.example', 'rev@x.example']);
    const a = plan.mails.find((m) => m.mail.to === 'a@x.example')!.mail;
    expect(a.data).toMatchObject({ change: 'UPDATED', note: 'thứ tự thay đổi', slotTime: '08:00 - 08:30' });
    expect(icsOf(a)).toEqual({ uid: 'meeting-uid.u-a@duyet', sequence: 1, start: '2017-09-25T01:00:00.000Z' });
  });

  it('cancels the event of a school taken off the meeting, at the time it was sent for', () => {
    const rows = rowsAfter(planInvitations(meeting, invitees, [], ctx));
    const without = { ...meeting, sequence: 1, slots: [meeting.slots[0]] };
    const plan = planInvitations(without, invitees, rows, { ...ctx, withdrawReason: 'duyệt tại bàn' });
    expect(plan.withdrawn.map((r) => r.userId)).toEqual(['u-b']);
    const cancel = plan.mails.find((m) => m.mail.to === 'b@x.example')!.mail;
    expect(cancel.template).toBe(MailTemplate.MEETING_CANCELLED);
    expect(cancel.data).toMatchObject({ whole: false, reason: 'duyệt tại bàn' });
    expect(cancel.attachments?.[0]).toMatchObject({ method: 'CANCEL', filename: 'huy-lich-hoi-nghi.ics' });
    expect(icsOf(cancel)).toEqual({ uid: 'meeting-uid.u-b@duyet', sequence: 1, start: '2017-09-25T01:00:00.000Z' });
    // The office's agenda lost a school: an update, not a cancellation.
    expect(plan.mails.find((m) => m.mail.to === 'rev@x.example')?.mail.template).toBe(MailTemplate.MEETING_AGENDA);
  });

  it('cancels every event when the meeting is called off', () => {
    const rows = rowsAfter(planInvitations(meeting, invitees, [], ctx));
    const plan = planInvitations({ ...meeting, sequence: 1, status: 'CANCELLED' }, invitees, rows, ctx);
    expect(plan.sent).toEqual([]);
    expect(plan.mails.map((m) => [m.mail.to, m.mail.template, m.mail.data])).toEqual(
      ['rev@x.example', 'a@x.example', 'b@x.example'].map((to) => [
        to,
        MailTemplate.MEETING_CANCELLED,
        expect.objectContaining({ whole: true }),
      ]),
    );
  });
});
