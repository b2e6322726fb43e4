// What the province routes answer.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CampaignStatus } from '@duyet/database';
import { isoDateTime } from '../common/answers';
import { planStatus, schoolLevel, uuid } from '../common/shared.responses';

const count = z.int().min(0);
const byState = z.object(
  Object.fromEntries(planStatus.options.map((s) => [s, count])) as Record<z.infer<typeof planStatus>, typeof count>,
);
const campaign = z.object({
  id: uuid,
  key: z.string(),
  documentNumber: z.string(),
  title: z.string(),
  status: z.enum(CampaignStatus),
  issuedOn: isoDateTime,
  submissionDeadline: isoDateTime,
  paperCopies: count,
});

export class ProvinceDistrictsDto extends createZodDto(
  z.object({
    /** the province (Sở GD&ĐT) whose districts these are; null for a district that belongs to none */
    province: z.object({ id: uuid, code: z.string(), name: z.string(), officeName: z.string() }).nullable(),
    districts: z.array(
      z.object({
        id: uuid,
        code: z.string(),
        name: z.string(),
        officeName: z.string(),
        province: z.string(),
        campaigns: z.array(campaign.extend({ total: count, byState })),
      }),
    ),
  }),
  { codec: true },
) {}

export class ProvinceCampaignSummaryDto extends createZodDto(
  z.object({
    district: z.object({ id: uuid, code: z.string(), name: z.string(), officeName: z.string() }),
    campaign,
    total: count,
    byState,
    byLevel: z.array(z.object({ level: schoolLevel, total: count, byState })),
  }),
  { codec: true },
) {}
