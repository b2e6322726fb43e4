import { calendarIndex } from '../extensions/working-days';
import { canGrantOn } from './grant-days';

describe('the days the office may grant', () => {
  const calendar = calendarIndex([
    { date: '2027-02-08', kind: 'DAY_OFF' }, // Tết
    { date: '2027-02-13', kind: 'WORKING_DAY' }, // a Saturday worked in lieu
  ]);

  it('offers working days after the deadline in force, not the deadline day itself', () => {
    expect(canGrantOn('2027-02-05', '2027-02-05', '2027-01-20', calendar)).toBe(false);
    expect(canGrantOn('2027-02-09', '2027-02-05', '2027-01-20', calendar)).toBe(true);
  });

  it('skips weekends and district days off, and keeps a Saturday the district works', () => {
    expect(canGrantOn('2027-02-06', '2027-02-05', '2027-01-20', calendar)).toBe(false);
    expect(canGrantOn('2027-02-08', '2027-02-05', '2027-01-20', calendar)).toBe(false);
    expect(canGrantOn('2027-02-13', '2027-02-05', '2027-01-20', calendar)).toBe(true);
  });

  it('never offers a day up to today, when the deadline has long passed', () => {
    expect(canGrantOn('2027-02-10', '2027-01-05', '2027-02-10', calendar)).toBe(false);
    expect(canGrantOn('2027-02-11', '2027-01-05', '2027-02-10', calendar)).toBe(true);
  });
});
