// What the admin's account routes answer: an invitation sent, and the district's sign-ins.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isoDateTime } from '../common/answers';
import { page, personRef, uuid } from '../common/shared.responses';

export class InvitationSentDto extends createZodDto(
  z.object({
    email: z.string(),
    /** when the link stops working (72 hours after sending) */
    expiresAt: isoDateTime,
  }),
  { codec: true },
) {}

const signIn = z.object({
  id: uuid,
  /** null: the e-mail is nobody's in this district */
  userId: uuid.nullable(),
  email: z.string(),
  ip: z.string(),
  ok: z.boolean(),
  /** whose account it was, by name (null: nobody's) */
  user: personRef.nullable(),
  /** why it was refused: WRONG_PASSWORD, UNKNOWN_EMAIL, INACTIVE, LOCKED */
  reason: z.string().nullable(),
  at: isoDateTime,
});

export class SignInListDto extends createZodDto(page(signIn), { codec: true }) {}
