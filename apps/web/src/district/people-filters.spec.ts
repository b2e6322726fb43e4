import { leavesSchool, parsePeopleFilters, positionText, withFilters } from './people-filters';

const SCHOOL = '0b5f4a8e-2d7c-4c1e-9a3b-5e6f7a8b9c0d';

describe('the people list’s filters in the address', () => {
  it('reads what the address names and leaves out what the API would refuse', () => {
    expect(
      parsePeopleFilters(new URLSearchParams(`position=PRINCIPAL&schoolId=${SCHOOL}&active=false&q=%20Hà%20&page=3`)),
    ).toEqual({ position: 'PRINCIPAL', schoolId: SCHOOL, active: 'false', q: 'Hà', page: 3, pageSize: 50 });
    expect(parsePeopleFilters(new URLSearchParams('position=ADMIN&schoolId=abc&active=yes&q=%20%20&page=-2'))).toEqual({
      position: undefined,
      schoolId: undefined,
      active: undefined,
      q: undefined,
      page: 1,
      pageSize: 50,
    });
    expect(parsePeopleFilters(new URLSearchParams('page=2.5')).page).toBe(1);
  });

  it('writes a change back: empty removes, another filter goes back to the first page, the rest is kept', () => {
    const prev = new URLSearchParams('position=STAFF&q=lan&page=4');
    expect(withFilters(prev, { q: 'hoa' }).toString()).toBe('position=STAFF&q=hoa');
    expect(withFilters(prev, { position: '' }).toString()).toBe('q=lan');
    expect(withFilters(prev, { page: '2' }).toString()).toBe('position=STAFF&q=lan&page=2');
    expect(withFilters(prev, { page: '1' }).toString()).toBe('position=STAFF&q=lan');
    expect(prev.toString()).toBe('position=STAFF&q=lan&page=4');
  });
});

describe('a position as the pages write it', () => {
  it('says acting (Q.) and a title that says more than the position', () => {
    expect(positionText({ position: 'PRINCIPAL', acting: true, title: 'Q. Hiệu trưởng' })).toBe('Q. Hiệu trưởng');
    expect(positionText({ position: 'HEAD', acting: false, title: 'Trưởng phòng GD&ĐT' })).toBe(
      'Trưởng phòng (Trưởng phòng GD&ĐT)',
    );
    expect(positionText({ position: 'STAFF', acting: false, title: '' })).toBe('Giáo viên, nhân viên');
  });
});

describe('when a principal hands over their school’s plans', () => {
  const principal = { position: 'PRINCIPAL' as const, school: { id: SCHOOL } };
  it('on leaving the school, the position, or the account; never for anyone else', () => {
    expect(leavesSchool(principal, 'PRINCIPAL', SCHOOL)).toBe(false);
    expect(leavesSchool(principal, 'PRINCIPAL', 'another')).toBe(true);
    expect(leavesSchool(principal, 'DEPUTY_PRINCIPAL', SCHOOL)).toBe(true);
    expect(leavesSchool(principal)).toBe(true);
    expect(leavesSchool({ position: 'DEPUTY_PRINCIPAL', school: { id: SCHOOL } })).toBe(false);
    expect(leavesSchool({ position: 'PRINCIPAL', school: null })).toBe(false);
  });
});
