// What the reviewer's queue and the decision form's read answer.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { QUEUE_STATUSES } from '@duyet/domain';
import { isoDateTime } from '../common/answers';
import { schoolLevel, uuid } from '../common/shared.responses';

const facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.int() }));

export class ReviewQueueDto extends createZodDto(
  z.object({
    /** every plan waiting in the user's scope, before the filters */
    total: z.int(),
    items: z.array(
      z.object({
        id: uuid,
        status: z.enum(QUEUE_STATUSES),
        reviewDueAt: isoDateTime.nullable(),
        submittedAt: isoDateTime.nullable(),
        overdue: z.boolean(),
        versionNo: z.int(),
        approvalLevels: z.int(),
        /** two-level approval: the specialist's recommendation on the version waiting, if any */
        recommendation: z.enum(['APPROVE', 'RETURN']).nullable(),
        campaign: z.object({ id: uuid, title: z.string(), documentNumber: z.string() }),
        school: z.object({ code: z.string(), name: z.string(), level: schoolLevel, cluster: z.string() }),
      }),
    ),
    /** per filter, each value with how many plans it would show given the other filters */
    facets: z.object({ campaign: facet, level: facet, cluster: facet, status: facet, overdue: facet }),
  }),
  { codec: true },
) {}

export class DecisionContextDto extends createZodDto(
  z.object({
    approvalLevels: z.int(),
    revisionDays: z.int(),
    /** the end of the office day `revisionDays` working days from today: what a return without a date records */
    defaultRevisionDeadline: isoDateTime,
    /** approve or return here (under two-level approval: a deputy head or the head) */
    canDecide: z.boolean(),
    /** two-level approval: a recommendation is asked for before the decision */
    canRecommend: z.boolean(),
    /** the capacity a decision by this user records today, e.g. "KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG" */
    decisionCapacity: z.string(),
    /** the capacity a recommendation records: the recommender's own position */
    recommendationCapacity: z.string(),
  }),
  { codec: true },
) {}
