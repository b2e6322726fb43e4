import type { AuditType, Prisma } from '@duyet/database';
import type { AuditData, AuditEvent } from './audit-events';
import { type DescribedEvent, describeAuditEvent } from './describe';

/** Anything that writes and reads audit events: the client, or a transaction so the event commits with its change. */
type AuditDb = { auditEvent: Prisma.TransactionClient['auditEvent'] };

const row = (event: AuditEvent): Prisma.AuditEventUncheckedCreateInput => ({
  districtId: event.districtId,
  campaignId: event.campaignId ?? null,
  planId: event.planId ?? null,
  actorId: event.actorId ?? null,
  type: event.type,
  data: event.data as unknown as Prisma.InputJsonValue,
  idempotencyKey: event.idempotencyKey,
});

/** A stored event with its data typed by its type. */
export type StoredAuditEvent<K extends AuditType> = { id: string; type: K; data: AuditData[K]; createdAt: Date };

/**
 * The one writer of the audit log: every event goes through here with the data its type declares (AuditData), in
 * the transaction of the change it records.
 */
export const AuditLog = {
  write(db: AuditDb, event: AuditEvent) {
    return db.auditEvent.create({ data: row(event) });
  },

  writeMany(db: AuditDb, events: AuditEvent[]) {
    return db.auditEvent.createMany({ data: events.map(row) });
  },

  /** Written once per idempotency key: a retry of the same step finds the event there and writes nothing. */
  writeOnce(db: AuditDb, event: AuditEvent & { idempotencyKey: string }) {
    return db.auditEvent.upsert({ where: { idempotencyKey: event.idempotencyKey }, create: row(event), update: {} });
  },

  /**
   * The event the step keyed `idempotencyKey` wrote, with its data as its type declares (the step writes one of
   * `types`); null before the step.
   */
  async find<K extends AuditType>(
    db: AuditDb,
    idempotencyKey: string,
    ..._types: K[]
  ): Promise<StoredAuditEvent<K> | null> {
    const event = await db.auditEvent.findUnique({ where: { idempotencyKey } });
    return event ? (event as unknown as StoredAuditEvent<K>) : null;
  },
};

/** An event's data as its type declares, for readers that hold a row of the audit table. */
export const auditData = <K extends AuditType>(event: { type: K; data: unknown }): AuditData[K] =>
  event.data as AuditData[K];

/**
 * An event of the trail as the API shows it: who did what, when, the same in one Vietnamese sentence (`summary`,
 * what the browser shows), and its data as stored (JSON; `auditData` reads it as its type declares).
 */
export function trailEntry(e: {
  id: string;
  type: AuditType;
  createdAt: Date;
  actor: { id: string; fullName: string; title: string } | null;
  data: Prisma.JsonValue;
}) {
  const summary = describeAuditEvent({ type: e.type, data: e.data, actor: e.actor } as DescribedEvent);
  return { id: e.id, type: e.type, at: e.createdAt, actor: e.actor, summary, data: e.data };
}
