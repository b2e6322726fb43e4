import { changeView, csvHref, filterQuery, searchOf, sortOf, sortParts, viewFrom } from './board-params';

describe("the board's filter in the address", () => {
  it('reads the links e-mails carry: a campaign, overdue only, the default order and first page', () => {
    const v = viewFrom(new URLSearchParams('campaignId=c-1&overdue=true'));
    expect(v).toEqual({
      campaignId: 'c-1',
      level: [],
      cluster: [],
      status: [],
      waitingOn: undefined,
      paperCopies: undefined,
      overdue: true,
      q: undefined,
      sort: '-daysOverdue',
      page: 1,
      pageSize: 50,
    });
    expect(filterQuery(v)).toEqual({ campaignId: 'c-1', overdue: 'true' });
  });

  it('reads lists written either way, drops what the API would refuse, and writes them back comma-separated', () => {
    const v = viewFrom(
      new URLSearchParams(
        'status=DRAFTING,BOGUS&status=RETURNED&level=PRIMARY&cluster=I,II&sort=nope&page=-2&pageSize=7',
      ),
    );
    expect(v.status).toEqual(['DRAFTING', 'RETURNED']);
    expect(v.level).toEqual(['PRIMARY']);
    expect(v.cluster).toEqual(['I', 'II']);
    expect(v.sort).toBe('-daysOverdue');
    expect(v.page).toBe(1);
    expect(v.pageSize).toBe(50);
    expect(searchOf(v).toString()).toBe('level=PRIMARY&cluster=I%2CII&status=DRAFTING%2CRETURNED');
  });

  it('starts a changed filter at its first page, and keeps the page when only the page changes', () => {
    const v = viewFrom(new URLSearchParams('page=3&overdue=true'));
    expect(changeView(v, { status: ['DRAFTING'] }).page).toBe(1);
    expect(changeView(v, { page: 4 }).page).toBe(4);
    expect(changeView(v, { sort: 'school' }).page).toBe(3);
    expect(changeView(v, { pageSize: 100 }).page).toBe(1);
  });

  it('exports the whole filter in its order, without the page', () => {
    const v = viewFrom(new URLSearchParams('campaignId=c-1&overdue=true&page=2&sort=school'));
    expect(csvHref(v)).toBe('/api/board/export.csv?campaignId=c-1&overdue=true&sort=school');
    expect(csvHref(viewFrom(new URLSearchParams()))).toBe('/api/board/export.csv');
  });

  it('maps the table sorter to the API order and back', () => {
    expect(sortParts('-daysInState')).toEqual({ key: 'daysInState', order: 'descend' });
    expect(sortParts('school')).toEqual({ key: 'school', order: 'ascend' });
    expect(sortOf('deadline', 'descend')).toBe('-deadline');
    expect(sortOf('deadline', null)).toBe('-daysOverdue');
  });

  it('keeps the paper copies filter in the address, and drops a value the API would refuse', () => {
    const v = viewFrom(new URLSearchParams('paperCopies=MISSING&campaignId=c-1'));
    expect(v.paperCopies).toBe('MISSING');
    expect(filterQuery(v)).toEqual({ campaignId: 'c-1', paperCopies: 'MISSING' });
    expect(searchOf(v).toString()).toBe('campaignId=c-1&paperCopies=MISSING');
    expect(csvHref(v)).toBe('/api/board/export.csv?campaignId=c-1&paperCopies=MISSING');
    expect(viewFrom(new URLSearchParams('paperCopies=some')).paperCopies).toBeUndefined();
    expect(
      changeView(viewFrom(new URLSearchParams('paperCopies=MISSING&page=3')), { paperCopies: 'COMPLETE' }),
    ).toMatchObject({ paperCopies: 'COMPLETE', page: 1 });
  });
});
