// What the routes that manage the district answer: clusters, schools, people with their review scope, a change with
// the plans a departing principal handed over, a person's personal data and its erasure.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AuditType, DecisionKind, Role } from '@duyet/database';
import { isoDateTime } from '../common/answers';
import { districtPosition, page, personRef, schoolLevel, uuid } from '../common/shared.responses';

const cluster = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  /** schools in it, open or closed */
  schools: z.int(),
  /** reviewers who cover it */
  reviewers: z.int(),
});
const clusterRef = z.object({ id: uuid, code: z.string(), name: z.string() });

export class ClusterDto extends createZodDto(cluster, { codec: true }) {}
export class ClusterListDto extends createZodDto(z.object({ items: z.array(cluster) }), { codec: true }) {}

const school = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  level: schoolLevel,
  cluster: clusterRef,
  commune: z.string().nullable(),
  /** pupils */
  students: z.int().nullable(),
  /** null: open */
  closedAt: isoDateTime.nullable(),
  closeReason: z.string().nullable(),
  /** active accounts of its people */
  activeUsers: z.int(),
  /** its active principal (hiệu trưởng, or acting: Q.), if it has one */
  principal: z.object({ id: uuid, fullName: z.string(), acting: z.boolean() }).nullable(),
  /** its plans still being worked on in running campaigns: what closing it leaves as they are */
  openPlans: z.int(),
});

export class SchoolDto extends createZodDto(school, { codec: true }) {}
export class SchoolListDto extends createZodDto(z.object({ items: z.array(school) }), { codec: true }) {}

const reviewScope = z.object({
  /** school levels reviewed (deputy heads) */
  levels: z.array(schoolLevel),
  /** clusters reviewed (specialists) */
  clusters: z.array(clusterRef),
});
export class ReviewScopeDto extends createZodDto(reviewScope, { codec: true }) {}

const user = z.object({
  id: uuid,
  email: z.string(),
  fullName: z.string(),
  /** display text */
  title: z.string(),
  position: districtPosition,
  acting: z.boolean(),
  /** derived from the position */
  role: z.enum(Role),
  active: z.boolean(),
  school: clusterRef.nullable(),
  reviewScope,
  createdAt: isoDateTime,
  /** set once the person's personal data was erased */
  erasedAt: isoDateTime.nullable(),
});

export class UserDto extends createZodDto(user, { codec: true }) {}
export class UserPageDto extends createZodDto(page(user), { codec: true }) {}

export class UserChangeDto extends createZodDto(
  z.object({
    user,
    /** a principal who left their school: its open plans, handed to `to` (null: waiting for the admin) */
    handover: z.object({ school: z.string(), plans: z.int(), to: personRef.nullable() }).nullable(),
    /** Vietnamese, empty when there is nothing to say (a school with two active principals) */
    warnings: z.array(z.string()),
  }),
  { codec: true },
) {}

const standing = z.object({
  position: z.string(),
  acting: z.boolean(),
  /** the school's code; null: the office */
  school: z.string().nullable(),
  from: isoDateTime,
  /** null: still held */
  until: isoDateTime.nullable(),
});

export class PersonalDataDto extends createZodDto(
  z.object({
    exportedAt: isoDateTime,
    legalBasis: z.string(),
    profile: user.extend({ passwordChangedAt: isoDateTime.nullable() }),
    /** who held which position when, oldest first */
    positionsHeld: z.array(standing),
    decisions: z.array(
      z.object({
        id: uuid,
        planId: uuid,
        school: z.object({ code: z.string(), name: z.string() }),
        campaign: z.object({ key: z.string(), documentNumber: z.string() }),
        versionNo: z.int(),
        kind: z.enum(DecisionKind),
        capacity: z.string(),
        /** the name as signed */
        deciderName: z.string(),
        decidedAt: isoDateTime,
        comment: z.string().nullable(),
      }),
    ),
    comments: z.array(
      z.object({ id: uuid, planId: uuid, versionNo: z.int(), body: z.string(), createdAt: isoDateTime }),
    ),
    /** what they did, as the audit trail says it */
    auditEvents: z.array(
      z.object({
        id: uuid,
        type: z.enum(AuditType),
        at: isoDateTime,
        planId: uuid.nullable(),
        campaignId: uuid.nullable(),
        summary: z.string(),
      }),
    ),
    signIns: z.array(
      z.object({
        at: isoDateTime,
        email: z.string(),
        ip: z.string(),
        ok: z.boolean(),
        reason: z.string().nullable(),
      }),
    ),
  }),
  { codec: true },
) {}

export class ErasureDto extends createZodDto(
  z.object({
    user,
    /** sign-in records whose address and IP were cleared */
    signIns: z.int(),
    /** e-mails to them whose address and body were replaced */
    emails: z.int(),
    /** audit events whose records of them now carry the pseudonym */
    auditEvents: z.int(),
  }),
  { codec: true },
) {}
