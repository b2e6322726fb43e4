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
  /** each phase's results beside the targets (tự đánh giá): the phases with approved self-assessments, in order */
  results: z.array(
    z.object({
      phaseIndex: z.int(),
      phaseName: z.string(),
      /** schools whose approved self-assessment gives a result */
      reporting: z.int(),
      min: z.number().nullable(),
      median: z.number().nullable(),
      max: z.number().nullable(),
      /** rolled up as the targets are: a rate's (weighted) average, a count's sum */
      value: z.number().nullable(),
      /** value against the directive's target; null: nothing to compare, or a count below the district's level */
      meets: z.boolean().nullable(),
      /** a rate: reporting schools whose result misses the directive's target; null for a count */
      below: z.int().nullable(),
    }),
  ),
});

const target = z.object({ min: z.number().nullable(), max: z.number().nullable() });

export class CampaignConsolidationDto extends createZodDto(
  z.object({
    campaign: z.object({
      id: uuid,
      key: z.string(),
      documentNumber: z.string(),
      title: z.string(),
      /** the campaign's district (a province user reads several) */
      district: z.object({ id: uuid, name: z.string() }),
    }),
    /** the phases whose approved self-assessments give results, in order */
    phases: z.array(z.object({ index: z.int(), name: z.string() })),
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
        /** per phase with results: each reporting school's result beside its own target (at most 200, furthest short first) */
        schoolResults: z.array(
          z.object({
            phaseIndex: z.int(),
            phaseName: z.string(),
            total: z.int(),
            schools: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                level: schoolLevel,
                cluster: z.string(),
                target: z.number().nullable(),
                result: z.number(),
                meetsOwn: z.boolean().nullable(),
                meetsDirective: z.boolean().nullable(),
              }),
            ),
          }),
        ),
      }),
    ),
  }),
  { codec: true },
) {}
