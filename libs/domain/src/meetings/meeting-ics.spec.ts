import ICAL from 'ical.js';
import { buildIcs, inviteeUid } from './meeting-ics';

const event = {
  uid: inviteeUid('6f0c1c1e-1111-4a4a-9b9b-000000000001', 'u-1'),
  sequence: 2,
  startsAt: new Date('2017-09-25T00:30:00Z'),
  endsAt: new Date('2017-09-25T01:00:00Z'),
  timeZone: 'Asia/Ho_Chi_Minh',
  stamp: new Date('2017-09-01T01:02:03Z'),
  summary: 'Hội nghị duyệt kế hoạch - Cụm I - Trường Mầm non Thanh Tân',
  description: 'Trường Mầm non Thanh Tân trình bày kế hoạch lúc 07:30 - 08:00 (thứ tự 1).',
  location: 'Hội trường Phòng GD&ĐT',
  organizer: { name: 'Phòng Giáo dục và Đào tạo Kiến Xương', email: 'no-reply@duyet.example' },
  attendee: { name: 'Mai Anh Hằng', email: 'hieutruong.mn-thanh-tan@kienxuong.example' },
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('buildIcs', () => {
  it('writes an invitation in the district time zone, with its VTIMEZONE, that a calendar parser reads back', () => {
    const ics = buildIcs({ ...event, method: 'REQUEST' });
    const { calendar, vevent, event: e } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Ho_Chi_Minh');
    expect(ics).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20170925T073000');
    expect(ics).toContain('DTEND;TZID=Asia/Ho_Chi_Minh:20170925T080000');
    // DTSTAMP is UTC, as RFC 5545 requires.
    expect(ics).toContain('DTSTAMP:20170901T010203Z');
    expect(e.uid).toBe('6f0c1c1e-1111-4a4a-9b9b-000000000001.u-1@duyet');
    expect(e.sequence).toBe(2);
    expect(e.startDate.toJSDate().toISOString()).toBe('2017-09-25T00:30:00.000Z');
    expect(e.endDate.toJSDate().toISOString()).toBe('2017-09-25T01:00:00.000Z');
    expect(e.summary).toBe(event.summary);
    expect(e.location).toBe('Hội trường Phòng GD&ĐT');
    const attendee = vevent.getFirstProperty('attendee');
    expect(attendee?.getFirstValue()).toMatch(/hieutruong\.mn-thanh-tan@kienxuong\.example$/i);
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
    expect(vevent.getFirstProperty('organizer')?.getFirstValue()).toBe('mailto:no-reply@duyet.example');
  });

  it('writes a cancellation with the same UID and the sequence it is given', () => {
    const { calendar, vevent, event: e } = parse(buildIcs({ ...event, sequence: 3, method: 'CANCEL' }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(e.uid).toBe(inviteeUid('6f0c1c1e-1111-4a4a-9b9b-000000000001', 'u-1'));
    expect(e.sequence).toBe(3);
  });
});
