// What the delegation routes answer: a delegation of signing with its people and days, and the list of them.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DelegationKind } from '@duyet/database';
import { isoDateTime, isoDay } from '../common/answers';
import { districtPosition, uuid } from '../common/shared.responses';

const person = z.object({
  id: uuid,
  fullName: z.string(),
  email: z.string(),
  position: districtPosition,
  acting: z.boolean(),
});

const delegation = z.object({
  id: uuid,
  /** the head who delegates */
  from: person,
  /** who signs TL./TUQ. the head */
  to: person,
  kind: z.enum(DelegationKind),
  /** first and last day in force, inclusive, in the district's time zone */
  startsOn: isoDay,
  endsOn: isoDay,
  reference: z.string().nullable(),
  createdAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
  revokeReason: z.string().nullable(),
  /** in force today: not revoked, today between its days */
  inForce: z.boolean(),
  /** the capacity the delegate's decisions carry while it is in force: "TL. TRƯỞNG PHÒNG - CHUYÊN VIÊN" */
  capacity: z.string(),
});

export class DelegationDto extends createZodDto(delegation, { codec: true }) {}
export class DelegationListDto extends createZodDto(z.object({ today: isoDay, items: z.array(delegation) }), {
  codec: true,
}) {}
