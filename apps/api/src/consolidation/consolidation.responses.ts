// What the consolidation route answers.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { schoolLevel, uuid } from '../common/shared.responses';

const figures = z.object({
  /** schools the indicator applies to (plans removed from the campaign or exempted aside) */
  plans: z.int(),
  approved: z.int(),
  /** not approved yet: their drafts and versions under review give no figure */
  notApproved: z.int(),
  /** approved plans whose approved version sets a target for the indicator */
  withTarget: z.int(),
  min: z.number().nullable(),
  median: z.number().nullable(),
  max: z.number().nullable(),
  /** a rate: the schools' targets averaged (weighted by pupils or classes where the catalogue says); a count: the sum */
  value: z.number().nullable(),
  /** approved schools with a target but no pupil or class count, left out of a weighted average */
  withoutWeight: z.int(),
  /** value against the directive's target; null: nothing to compare, or a count below the district's level */
  meets: z.boolean().nullable(),
  /** a rate: approved schools whose own target misses the directive's; null for a count (never compared per school) */
  below: z.int().nullable(),
  /** the phase's results beside the targets (tự đánh giá): null until recorded */
  result: z.number().nullable(),
});

const target = z.object({ min: z.number().nullable(), max: z.number().nullable() });

export class CampaignConsolidationDto extends createZodDto(
  z.object({
    campaign: z.object({ id: uuid, key: z.string(), documentNumber: z.string(), title: z.string() }),
    /** a reviewer's scope the figures are limited to (levels, cluster codes); null: the whole district */
    scope: z.object({ levels: z.array(schoolLevel), clusters: z.array(z.string()) }).nullable(),
    /** the plans in scope: the figures come from the approved versions only */
    plans: z.object({ total: z.int(), submitted: z.int(), approved: z.int(), notApproved: z.int() }),
    indicators: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        unit: z.string(),
        level: schoolLevel.nullable(),
        direction: z.enum(['HIGHER', 'LOWER', 'NONE']),
        rollup: z.enum(['RATE', 'COUNT', 'DISTRICT']),
        weight: z.enum(['NONE', 'PUPILS', 'CLASSES']),
        /** the directive's target: the campaign's own, else the catalogue's */
        target,
        district: figures,
        levels: z.array(figures.extend({ level: schoolLevel })),
        clusters: z.array(figures.extend({ cluster: z.object({ code: z.string(), name: z.string() }) })),
        /** rates only: approved schools whose own target misses the directive's, the furthest first (at most 200) */
        schoolsBelow: z.object({
          total: z.int(),
          schools: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              level: schoolLevel,
              cluster: z.string(),
              figure: z.number(),
            }),
          ),
        }),
      }),
    ),
  }),
  { codec: true },
) {}
