// Invitations as the mail catcher received them: maildev's REST API lists each message's attachments and serves
// them; the .ics is read back with ical.js (Thunderbird's parser), as a calendar program would.
import ICAL from 'ical.js';
import { type CaughtMail, allMail, mailboxRequest } from './mailbox';

export interface CaughtAttachment {
  fileName: string;
  generatedFileName: string;
  contentType: string;
}

export type CalendarMail = CaughtMail & { attachments?: CaughtAttachment[] };

export interface ParsedIcs {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  /** instants, ISO UTC */
  start: string;
  end: string;
  /** the TZID of DTSTART, and its local wall-clock time as written */
  tzid: string;
  localStart: string;
  summary: string;
  attendee: string;
  raw: string;
}

/** Every caught message of one template (the X-Duyet-Template header) to one address, oldest first. */
export async function mailOf(template: string, to: string): Promise<CalendarMail[]> {
  const all = (await allMail()) as CalendarMail[];
  return all.filter(
    (m) => m.headers['x-duyet-template'] === template && m.to.some((t) => t.address.toLowerCase() === to.toLowerCase()),
  );
}

/** The message's .ics attachment, fetched from the catcher and parsed. */
export async function icsOf(mail: CalendarMail): Promise<ParsedIcs> {
  const file = (mail.attachments ?? []).find((a) => a.fileName?.endsWith('.ics'));
  if (!file) throw new Error(`no .ics attached to "${mail.subject}": ${JSON.stringify(mail.attachments)}`);
  return parseIcs(await mailboxRequest(`/email/${mail.id}/attachment/${file.generatedFileName}`));
}

export function parseIcs(raw: string): ParsedIcs {
  const calendar = new ICAL.Component(ICAL.parse(raw));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  const dtstart = vevent.getFirstProperty('dtstart');
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    status: String(vevent.getFirstPropertyValue('status')),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    tzid: String(dtstart?.getParameter('tzid')),
    localStart: event.startDate.toString(),
    summary: event.summary,
    attendee: String(vevent.getFirstPropertyValue('attendee')).replace(/^mailto:/i, ''),
    raw,
  };
}
