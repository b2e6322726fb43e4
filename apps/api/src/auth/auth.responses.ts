// What the sign-in routes answer.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Position, Role } from '@duyet/database';
import { schoolLevel, uuid } from '../common/shared.responses';

const authUser = z.object({
  id: uuid,
  /** a province user (role PROVINCE) belongs to no district: the nil uuid, which matches nothing */
  districtId: uuid,
  /** set only for a province user (Sở GD&ĐT) */
  provinceId: uuid.nullable(),
  email: z.string(),
  fullName: z.string(),
  /** display text only */
  title: z.string(),
  /** the position (chức vụ) the rules read; the role derives from it */
  position: z.enum(Position),
  /** holds the position as acting (Q.) */
  acting: z.boolean(),
  role: z.enum(Role),
  schoolId: uuid.nullable(),
  /** a reviewer's assigned school levels and clusters (empty: none) */
  reviewLevels: z.array(schoolLevel),
  reviewClusterIds: z.array(uuid),
});

const accountProfile = authUser.extend({ schoolName: z.string().nullable() });

export class TokenLoginDto extends createZodDto(z.object({ accessToken: z.string(), user: authUser }), {
  codec: true,
}) {}
export class SessionDto extends createZodDto(z.object({ user: accountProfile }), { codec: true }) {}
export class AccountProfileDto extends createZodDto(accountProfile, { codec: true }) {}
