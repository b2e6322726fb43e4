import { WorkingCalendar } from './working-calendar';
import { dayOffWarning } from './deadline-warnings';

const calendar = new WorkingCalendar([{ date: '2027-02-08', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán (mùng 3)' }]);

describe('dayOffWarning', () => {
  it('warns of a deadline on a public holiday, naming it and the last working day before it', () => {
    expect(dayOffWarning('Hạn nộp', new Date('2027-01-01T17:00:00+07:00'), calendar)).toBe(
      'Hạn nộp 17:00 01/01/2027 rơi vào ngày nghỉ (Tết Dương lịch). Nhắc hạn "hạn chót là hôm nay" sẽ gửi vào ' +
        'ngày làm việc cuối cùng trước đó (31/12/2026); nếu không chủ ý, hãy chọn một ngày làm việc.',
    );
  });

  it("warns of a weekend and of the district's own days off", () => {
    expect(dayOffWarning('Hạn nộp', new Date('2027-01-09T17:00:00+07:00'), calendar)).toMatch(
      /^Hạn nộp 17:00 09\/01\/2027 rơi vào ngày nghỉ \(thứ Bảy\)\. .*\(08\/01\/2027\)/,
    );
    expect(dayOffWarning('Hạn nộp', new Date('2027-01-10T17:00:00+07:00'), calendar)).toContain('(Chủ nhật)');
    expect(dayOffWarning('Hạn mới', new Date('2027-02-08T17:00:00+07:00'), calendar)).toMatch(
      /^Hạn mới 17:00 08\/02\/2027 rơi vào ngày nghỉ \(Nghỉ Tết Nguyên Đán \(mùng 3\)\)\. .*\(04\/02\/2027\)/,
    );
  });

  it('says nothing of a working day, the day taken in Vietnam', () => {
    expect(dayOffWarning('Hạn nộp', new Date('2027-01-04T17:00:00+07:00'), calendar)).toBeNull();
    // 23:30 UTC on Friday is 06:30 on Saturday in Hà Nội; 16:59 UTC is 23:59 on Friday.
    expect(dayOffWarning('Hạn nộp', new Date('2027-01-08T23:30:00Z'), calendar)).toContain('(thứ Bảy)');
    expect(dayOffWarning('Hạn nộp', new Date('2027-01-08T16:59:00Z'), calendar)).toBeNull();
  });
});
