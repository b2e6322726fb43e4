import { fromQueue, neighbours, planLink, queueQuery, queueSearch, withFilter } from './queue-params';

const CAMPAIGN = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the queue in the address', () => {
  it('reads the filters the API accepts and drops the rest', () => {
    const params = new URLSearchParams(
      `campaignId=${CAMPAIGN}&level=PRIMARY&cluster=II&status=APPROVED&overdue=yes&page=3`,
    );
    expect(queueQuery(params)).toEqual({ campaignId: CAMPAIGN, level: 'PRIMARY', cluster: 'II' });
    expect(queueQuery(new URLSearchParams('campaignId=abc&status=UNDER_REVIEW&overdue=true'))).toEqual({
      status: 'UNDER_REVIEW',
      overdue: 'true',
    });
  });

  it('sets or clears one filter and keeps the others', () => {
    const params = new URLSearchParams('level=PRIMARY&cluster=I');
    expect(withFilter(params, 'cluster', 'II').toString()).toBe('level=PRIMARY&cluster=II');
    expect(withFilter(params, 'level', undefined).toString()).toBe('cluster=I');
    expect(params.toString()).toBe('level=PRIMARY&cluster=I');
  });

  it('carries only the filters, in a fixed order', () => {
    expect(queueSearch({ overdue: 'true', level: 'PRESCHOOL' })).toBe('?level=PRESCHOOL&overdue=true');
    expect(queueSearch({})).toBe('');
  });

  it('finds the previous and next plan, and the first one for a plan that left the queue', () => {
    expect(neighbours(['a', 'b', 'c'], 'b')).toEqual({ prev: 'a', next: 'c', index: 1 });
    expect(neighbours(['a', 'b', 'c'], 'a')).toEqual({ prev: undefined, next: 'b', index: 0 });
    expect(neighbours(['a', 'b'], 'z')).toEqual({ next: 'a', index: -1 });
  });
});

describe('a plan opened from the queue', () => {
  it('carries the filters and says it came from the queue', () => {
    expect(planLink('p1', { cluster: 'II' })).toBe('/plans/p1?cluster=II&from=queue');
    expect(planLink('p1', {})).toBe('/plans/p1?from=queue');
    expect(fromQueue(new URLSearchParams('cluster=II&from=queue'))).toBe(true);
    expect(fromQueue(new URLSearchParams('cluster=II'))).toBe(false);
  });
});
