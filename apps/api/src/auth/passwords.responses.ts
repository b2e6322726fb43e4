// What the password routes answer.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AccountTokenPurpose } from '@duyet/database';
import { isoDateTime } from '../common/answers';

export class ResetRequestedDto extends createZodDto(z.object({ message: z.string() }), { codec: true }) {}

export class PasswordLinkDto extends createZodDto(
  z.object({
    /** an invitation (first password) or a reset */
    purpose: z.enum(AccountTokenPurpose),
    email: z.string(),
    fullName: z.string(),
    expiresAt: isoDateTime,
  }),
  { codec: true },
) {}

export class PasswordSetDto extends createZodDto(z.object({ email: z.string(), message: z.string() }), {
  codec: true,
}) {}

export class PasswordChangedDto extends createZodDto(
  z.object({
    message: z.string(),
    /** a new token for a bearer client: the one used for this request has ended with every other session */
    accessToken: z.string(),
  }),
  { codec: true },
) {}
