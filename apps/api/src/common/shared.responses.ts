// Parts of answers that several features share: a plan's status and deadlines, a person, an audit entry, the
// outcome of a plan's move.
import { z } from 'zod';
import { AuditType, DeadlineKind, type Position, type Prisma, SchoolLevel } from '@duyet/database';
import { POSITIONS } from '@duyet/domain';
import { PLAN_STATUSES } from '@duyet/workflows';
import { isoDateTime } from './answers';

/**
 * A JSON column answered as stored (Prisma's JsonValue): its shape is whatever the writer put there, which the
 * type system does not follow. Named, so the document shows one recursive schema for all of them.
 */
export const jsonValue: z.ZodType<Prisma.JsonValue> = z
  .lazy(() =>
    z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
  )
  .meta({ id: 'JsonValue' });

/** A row's id: any 8-4-4-4-12 hex id, as PostgreSQL's uuid column holds (seeded ids need not be RFC 4122). */
export const uuid = z.guid();

/**
 * A schema whose TypeScript type is widened to what the service declares (`string` for an enum the service types
 * as string, `unknown` for a JSON column): the document and the response check keep the precise schema, only the
 * compile-time comparison with the handler's return type is loosened. For services whose declared types are looser
 * than what they return.
 */
export const declaredAs = <T>(schema: z.ZodType): z.ZodType<T, T> => schema as unknown as z.ZodType<T, T>;

export const planStatus = z.enum(PLAN_STATUSES);
/**
 * A position held in a district (the office's or a school's): what the district's people routes answer. A province
 * user (PROVINCE_OFFICER) belongs to no district, so these never carry one; the type stays Prisma's.
 */
export const districtPosition = declaredAs<Position>(z.enum(POSITIONS));
export const schoolLevel = z.enum(SchoolLevel);
export const deadlineKind = z.enum(DeadlineKind);

export const personRef = z.object({ id: uuid, fullName: z.string() });
export const personWithTitle = personRef.extend({ title: z.string() });

/**
 * One line of a plan's or a campaign's audit trail. `data` is the audit type's own record (AuditData in
 * libs/domain/src/audit/audit-events.ts), described here as a JSON object: rows written before that type existed
 * keep the shape they were written with.
 */
export const auditEntry = z.object({
  id: uuid,
  type: z.enum(AuditType),
  at: isoDateTime,
  actor: personWithTitle.nullable(),
  /** the event in one plain Vietnamese sentence, the actor first (describeAuditEvent) */
  summary: z.string(),
  data: declaredAs<unknown>(z.record(z.string(), jsonValue)),
});

/** A plan's deadlines as its workflow keeps them: ISO strings already. */
export const workflowDeadlines = z.object({
  submission: z.string(),
  revision: z.string().nullable(),
  reviewDue: z.string().nullable(),
});

/** What a plan's move answers: the state its workflow reached and the audit event that records it. */
export const moveOutcome = z.object({
  status: planStatus,
  versionNo: z.int(),
  versionId: uuid.optional(),
  decisionId: uuid.optional(),
  auditEventId: uuid,
  deadlines: workflowDeadlines,
});

/** A page of a list: `items` of one page, `total` across pages. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.int(), page: z.int(), pageSize: z.int(), items: z.array(item) });
