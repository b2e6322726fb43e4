// Which plans a meeting may take: a campaign's open plans, each on one scheduled meeting at most.
import type { PlanStatus, Prisma, Tx } from '@duyet/database';
import { DomainError } from '../common/errors';

const OPEN: PlanStatus[] = ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'];
const byName = new Intl.Collator('vi');

type PlanWithSchool = Prisma.PlanGetPayload<{ include: { school: true } }>;

/**
 * The plans to put on a meeting, in order: the named schools as named, or else the cluster's open plans not yet
 * on a scheduled meeting, by school name. A named school whose plan is closed or already on another meeting is
 * refused, so the admin moves it instead.
 */
export async function plansToSlot(
  tx: Tx,
  campaign: { id: string; districtId: string },
  clusterId: string,
  schoolCodes?: string[],
): Promise<PlanWithSchool[]> {
  const slotted = await tx.meetingSlot.findMany({
    where: { meeting: { campaignId: campaign.id, status: 'SCHEDULED' } },
    select: { planId: true },
  });
  const busy = new Set(slotted.map((s) => s.planId));
  if (!schoolCodes) {
    const plans = await tx.plan.findMany({
      where: { campaignId: campaign.id, removedAt: null, status: { in: OPEN }, school: { clusterId } },
      include: { school: true },
    });
    return plans.filter((p) => !busy.has(p.id)).sort((a, b) => byName.compare(a.school.name, b.school.name));
  }
  const codes = [...new Set(schoolCodes)];
  const plans = await tx.plan.findMany({
    where: {
      campaignId: campaign.id,
      districtId: campaign.districtId,
      removedAt: null,
      school: { code: { in: codes } },
    },
    include: { school: true },
  });
  const missing = codes.filter((c) => !plans.some((p) => p.school.code === c));
  if (missing.length) {
    throw new DomainError('VALIDATION', `Trường không thuộc đợt kế hoạch này: ${missing.join(', ')}.`, {
      errors: [{ field: 'schoolCodes', message: `Không có trong đợt: ${missing.join(', ')}` }],
    });
  }
  const closed = plans.filter((p) => !OPEN.includes(p.status));
  if (closed.length) {
    const names = closed.map((p) => p.school.name).join(', ');
    throw new DomainError('INVALID_TRANSITION', `Kế hoạch đã kết thúc, không cần duyệt tại hội nghị: ${names}.`);
  }
  const taken = plans.filter((p) => busy.has(p.id));
  if (taken.length) {
    const names = taken.map((p) => p.school.name).join(', ');
    throw new DomainError('CONFLICT', `Trường đã có lịch ở hội nghị khác (hãy chuyển trường): ${names}.`);
  }
  return codes.map((c) => plans.find((p) => p.school.code === c) as PlanWithSchool);
}

/** Renumbers a meeting's slots 1, 2, 3 … in their current order (after one left). */
export async function compactSlots(tx: Tx, meetingId: string): Promise<void> {
  const slots = await tx.meetingSlot.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
  for (const [i, slot] of slots.entries()) {
    if (slot.position !== i + 1) await tx.meetingSlot.update({ where: { id: slot.id }, data: { position: i + 1 } });
  }
}

/** A 400 naming the bad field. */
export const invalid = (field: string, message: string): DomainError =>
  new DomainError('VALIDATION', message, { errors: [{ field, message }] });
