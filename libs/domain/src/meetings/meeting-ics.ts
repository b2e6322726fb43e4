// The iCalendar file of one invitee's event (RFC 5545/5546). Times carry TZID with its VTIMEZONE block, so
// Outlook, Gmail and Apple Calendar show the district's local time wherever the reader is. Each invitee has
// one event per meeting: its UID never changes, its SEQUENCE grows with every change, and a cancellation
// reuses both, so calendar programs update or remove the event they already hold.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

export type IcsMethod = 'REQUEST' | 'CANCEL';

export interface IcsEvent {
  uid: string;
  sequence: number;
  method: IcsMethod;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** when the file was made (DTSTAMP), from the application's clock */
  stamp: Date;
  summary: string;
  description: string;
  location: string;
  url?: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

/** The UID of one invitee's event for one meeting: the same in the invitation, its updates and its cancellation. */
export const inviteeUid = (meetingUid: string, userId: string): string => `${meetingUid}.${userId}@duyet`;

export function buildIcs(e: IcsEvent): string {
  const calendar = ical({
    prodId: { company: 'Duyet', product: 'Duyet', language: 'VI' },
    method: e.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone name: with one, ical-generator writes DTSTAMP as local time, which RFC 5545
    // forbids. The generator still emits the VTIMEZONE of every event's zone.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const local = (d: Date) => DateTime.fromJSDate(d, { zone: e.timeZone });
  calendar.createEvent({
    id: e.uid,
    sequence: e.sequence,
    stamp: e.stamp,
    start: local(e.startsAt),
    end: local(e.endsAt),
    timezone: e.timeZone,
    summary: e.summary,
    description: e.description,
    location: e.location,
    url: e.url,
    status: e.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: e.organizer,
    attendees: [
      {
        name: e.attendee.name,
        email: e.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: e.method === 'REQUEST',
      },
    ],
  });
  return calendar.toString();
}
