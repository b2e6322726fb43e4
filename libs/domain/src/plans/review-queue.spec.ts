import { type QueueRow, filterQueue, queueFacets } from './review-queue';

const now = new Date('2027-01-10T03:00:00Z');
const row = (
  id: string,
  over: Partial<Pick<QueueRow, 'status' | 'reviewDueAt'>> & { level?: string; cluster?: string; campaign?: string },
): QueueRow => ({
  id,
  status: over.status ?? 'SUBMITTED',
  reviewDueAt: over.reviewDueAt === undefined ? new Date('2027-01-15T10:00:00Z') : over.reviewDueAt,
  submittedAt: null,
  campaign: { id: over.campaign ?? 'c1', title: `Đợt ${over.campaign ?? 'c1'}`, documentNumber: '35/KH' },
  school: { code: id, name: `Trường ${id}`, level: over.level ?? 'PRIMARY', cluster: over.cluster ?? 'I' },
});

const rows = [
  row('b', { reviewDueAt: new Date('2027-01-09T10:00:00Z') }),
  row('a', { reviewDueAt: null, level: 'PRESCHOOL' }),
  row('c', { reviewDueAt: new Date('2027-01-12T10:00:00Z'), status: 'UNDER_REVIEW', cluster: 'II' }),
  row('d', { reviewDueAt: new Date('2027-01-12T10:00:00Z'), campaign: 'c2' }),
];

describe('the reviewer queue', () => {
  it('puts the earliest review due first, ties by school code, plans without a due date last', () => {
    expect(filterQueue(rows, {}, now).map((r) => r.id)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('keeps only the plans every filter allows, overdue meaning a review due date already past', () => {
    expect(filterQueue(rows, { overdue: true }, now).map((r) => r.id)).toEqual(['b']);
    expect(filterQueue(rows, { overdue: false }, now).map((r) => r.id)).toEqual(['c', 'd', 'a']);
    expect(filterQueue(rows, { level: 'PRIMARY', cluster: 'I' }, now).map((r) => r.id)).toEqual(['b', 'd']);
    expect(filterQueue(rows, { campaignId: 'c2', status: 'UNDER_REVIEW' }, now)).toEqual([]);
  });

  it('counts each value of a filter given the other filters, not its own choice, keeping empty values at 0', () => {
    const f = queueFacets(rows, { cluster: 'I', status: 'SUBMITTED' }, now);
    // the cluster's own counts ignore the chosen cluster: II still shows what choosing it would give (none submitted)
    expect(f.cluster).toEqual([
      { value: 'I', label: 'I', count: 3 },
      { value: 'II', label: 'II', count: 0 },
    ]);
    expect(f.status).toEqual([
      { value: 'SUBMITTED', label: 'SUBMITTED', count: 3 },
      { value: 'UNDER_REVIEW', label: 'UNDER_REVIEW', count: 0 },
    ]);
    expect(f.overdue).toEqual([
      { value: 'false', label: 'false', count: 2 },
      { value: 'true', label: 'true', count: 1 },
    ]);
    expect(f.campaign).toEqual([
      { value: 'c1', label: '35/KH - Đợt c1', count: 2 },
      { value: 'c2', label: '35/KH - Đợt c2', count: 1 },
    ]);
  });
});
