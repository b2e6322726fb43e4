import { pageLinks } from './links';

describe('pageLinks', () => {
  const links = pageLinks('https://duyet.kienxuong.edu.vn/');

  it('points at the pages a person opens, never at the JSON API', () => {
    expect(links.plan('p-1')).toBe('https://duyet.kienxuong.edu.vn/plans/p-1');
    expect(links.campaign('c-1')).toBe('https://duyet.kienxuong.edu.vn/campaigns/c-1');
    expect(links.meeting('m-1')).toBe('https://duyet.kienxuong.edu.vn/meetings/m-1');
    for (const url of [links.plan('p'), links.campaign('c'), links.meeting('m'), links.board(), links.plans()]) {
      expect(url).not.toContain('/api/');
    }
  });

  it('carries the board and list filters in the query', () => {
    expect(links.board({ campaignId: 'c-1', overdue: true })).toBe(
      'https://duyet.kienxuong.edu.vn/board?campaignId=c-1&overdue=true',
    );
    expect(links.board({ overdue: true })).toBe('https://duyet.kienxuong.edu.vn/board?overdue=true');
    expect(links.plans({ campaignId: 'c-1' })).toBe('https://duyet.kienxuong.edu.vn/plans?campaignId=c-1');
    expect(links.plans()).toBe('https://duyet.kienxuong.edu.vn/plans');
  });
});
