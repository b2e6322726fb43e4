import type { PlanStatus, Tx } from '@duyet/database';

/** A plan's files may change only while the school holds the pen; a submitted version's files are frozen. */
export const ATTACHMENT_EDITABLE_STATUSES: PlanStatus[] = ['NOT_STARTED', 'DRAFTING', 'RETURNED'];

/** One entry of PlanVersion.attachments. */
export interface FrozenAttachment {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/**
 * The draft's attachments, as a submission freezes them into PlanVersion.attachments. Call it inside the
 * submission's transaction after the plan row's status was updated: uploads and removals take the same row lock,
 * so the list cannot miss one that committed just before.
 */
export function listDraftAttachmentsForFreeze(tx: Tx, planId: string): Promise<FrozenAttachment[]> {
  return tx.attachment.findMany({
    where: { planId, removedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, fileName: true, mimeType: true, size: true, sha256: true },
  });
}
