// What the meeting routes answer.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MeetingOutcome, MeetingStatus } from '@duyet/database';
import { isoDateTime, isoDay } from '../common/answers';
import { planStatus, uuid } from '../common/shared.responses';

const school = z.object({ code: z.string(), name: z.string() });

const meetingSummary = z.object({
  id: uuid,
  title: z.string(),
  status: z.enum(MeetingStatus),
  cluster: school,
  campaign: z.object({ id: uuid, key: z.string(), documentNumber: z.string() }),
  venue: z.string(),
  /** the meeting's day and start in Vietnam's time */
  date: isoDay,
  startTime: z.string(),
  slotMinutes: z.int(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
});

const slotTime = z.object({ id: uuid, position: z.int(), school, startsAt: isoDateTime, endsAt: isoDateTime });

const attendee = z.object({
  id: uuid,
  fullName: z.string(),
  title: z.string(),
  email: z.string().nullable(),
  schoolCode: z.string().nullable(),
  invited: z.boolean(),
  withdrawn: z.boolean(),
  present: z.boolean().nullable(),
  /** the last message sent to this invitee about the meeting (null: a guest, or nothing sent yet) */
  invitation: z
    .object({
      state: z.enum(['SENT', 'UPDATED', 'CANCELLED']),
      delivery: z.enum(['QUEUED', 'SENDING', 'SENT', 'FAILED']),
      at: isoDateTime,
    })
    .nullable()
    .optional(),
});

const meetingDetail = meetingSummary.extend({
  uid: z.string(),
  sequence: z.int(),
  cancelledAt: isoDateTime.nullable(),
  cancelReason: z.string().nullable(),
  slots: z.array(
    slotTime.extend({
      plan: z.object({ id: uuid, status: planStatus, currentVersionNo: z.int() }),
      outcome: z.enum(MeetingOutcome).nullable(),
      comment: z.string().nullable(),
      decisionId: uuid.nullable(),
      decidedAt: isoDateTime.nullable(),
    }),
  ),
  attendees: z.array(attendee),
});

export class MeetingDto extends createZodDto(meetingDetail, { codec: true }) {}
export class MeetingListDto extends createZodDto(z.array(meetingSummary.extend({ slotCount: z.int() })), {
  codec: true,
}) {}
export class MeetingAgendaDto extends createZodDto(
  meetingSummary.extend({
    now: isoDateTime,
    phase: z.enum(['UPCOMING', 'IN_PROGRESS', 'ENDED', 'CANCELLED']),
    current: slotTime.nullable(),
    next: slotTime.nullable(),
    slots: z.array(slotTime),
  }),
  { codec: true },
) {}
export class AttendanceListDto extends createZodDto(z.array(attendee), { codec: true }) {}
export class SlotOutcomeDto extends createZodDto(
  z.object({
    slotId: uuid,
    planId: uuid,
    outcome: z.enum(MeetingOutcome).nullable(),
    comment: z.string().nullable(),
    decisionId: uuid.nullable(),
    planStatus,
  }),
  { codec: true },
) {}
