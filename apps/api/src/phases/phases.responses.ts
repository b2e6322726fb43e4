// What the phase routes answer.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PLAN_STATUSES } from '@duyet/workflows';
import { CampaignStatus } from '@duyet/database';
import { isoDateTime, isoDay } from '../common/answers';
import { declaredAs, schoolLevel, uuid } from '../common/shared.responses';

const phase = z.object({
  /** from 0, as in the campaign's `phases` and the open route's address */
  index: z.int(),
  name: z.string(),
  from: declaredAs<string>(isoDay.or(z.literal(''))),
  to: declaredAs<string>(isoDay.or(z.literal(''))),
  /** the self-assessment campaign opened for the phase; null until it is */
  opened: z
    .object({
      campaignId: uuid,
      documentNumber: z.string(),
      title: z.string(),
      submissionDeadline: isoDateTime,
      status: declaredAs<string>(z.enum(CampaignStatus)),
      planCounts: declaredAs<Record<string, number>>(z.partialRecord(z.enum(PLAN_STATUSES), z.int())),
    })
    .nullable(),
});

export class CampaignPhasesDto extends createZodDto(
  z.object({
    phases: z.array(phase),
    /** schools whose plans are approved, in the viewer's scope: who a phase opens for */
    approvedSchools: z.array(z.object({ id: uuid, code: z.string(), name: z.string(), level: schoolLevel })),
  }),
  { codec: true },
) {}
