import { WorkingCalendar, isLocalDate, vnPublicHolidays } from './working-calendar';

describe('vnPublicHolidays (date-holidays)', () => {
  it('knows the fixed and the lunar public holidays of 2027, with Vietnamese names', () => {
    const days = vnPublicHolidays(2027);
    expect(Object.fromEntries(days)).toEqual({
      '2027-01-01': 'Tết Dương lịch',
      '2027-02-05': 'Giao thừa Tết Nguyên Đán',
      '2027-02-06': 'Tết Nguyên Đán',
      '2027-04-16': 'Giỗ tổ Hùng Vương',
      '2027-04-30': 'Ngày Giải phóng miền Nam',
      '2027-05-01': 'Quốc tế Lao động',
      '2027-09-02': 'Quốc khánh',
    });
  });

  it('does not know the rest of the Tết break nor the day next to 2/9: the district table supplies them', () => {
    const days = vnPublicHolidays(2025);
    expect(days.get('2025-01-29')).toBe('Tết Nguyên Đán');
    expect(days.has('2025-01-30')).toBe(false);
    expect(days.has('2025-09-01')).toBe(false);
    const calendar = new WorkingCalendar([
      { date: '2025-01-30', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán' },
      { date: '2025-09-01', kind: 'DAY_OFF', name: 'Nghỉ lễ Quốc khánh' },
    ]);
    expect(calendar.isWorkingDay('2025-01-30')).toBe(false);
    expect(calendar.isWorkingDay('2025-09-01')).toBe(false);
  });
});

describe('WorkingCalendar', () => {
  const plain = new WorkingCalendar();

  it('is off on weekends and library holidays, and the district overrides win both ways', () => {
    expect(plain.isWorkingDay('2027-02-04')).toBe(true); // Thursday before Tết
    expect(plain.isWorkingDay('2027-02-05')).toBe(false); // Giao thừa, a Friday
    expect(plain.isWorkingDay('2027-02-06')).toBe(false); // mùng 1 Tết, a Saturday
    expect(plain.isWorkingDay('2027-02-07')).toBe(false); // Sunday
    const district = new WorkingCalendar([
      { date: '2027-02-04', kind: 'DAY_OFF', name: 'Nghỉ Tết (28 tháng Chạp)' },
      { date: '2027-02-05', kind: 'WORKING_DAY', name: 'Trực Tết' },
      { date: '2027-01-30', kind: 'WORKING_DAY', name: 'Làm bù (thứ Bảy)' },
    ]);
    expect(district.isWorkingDay('2027-02-04')).toBe(false);
    expect(district.isWorkingDay('2027-02-05')).toBe(true);
    expect(district.isWorkingDay('2027-01-30')).toBe(true);
    expect(district.describe('2027-02-04')).toEqual({
      date: '2027-02-04',
      working: false,
      name: 'Nghỉ Tết (28 tháng Chạp)',
      source: 'district',
    });
    expect(plain.describe('2027-02-06')).toEqual({
      date: '2027-02-06',
      working: false,
      name: 'Tết Nguyên Đán',
      source: 'library',
    });
  });

  it('finds the working day on or before, and on or after, a day off', () => {
    expect(plain.previousWorkingDay('2027-02-07')).toBe('2027-02-04');
    expect(plain.previousWorkingDay('2027-02-04')).toBe('2027-02-04');
    expect(plain.nextWorkingDay('2027-02-05')).toBe('2027-02-08');
  });

  it('adds and subtracts working days across Tết and weekends, not counting the start', () => {
    expect(plain.addWorkingDays('2027-02-03', 2)).toBe('2027-02-08'); // Thu 4, then Mon 8
    expect(plain.addWorkingDays('2027-02-09', -2)).toBe('2027-02-04'); // Mon 8, Thu 4
    expect(plain.addWorkingDays('2027-02-06', 1)).toBe('2027-02-08'); // from a day off
    expect(plain.addWorkingDays('2027-02-06', -1)).toBe('2027-02-04');
    expect(plain.addWorkingDays('2027-02-06', 0)).toBe('2027-02-06');
  });

  it('counts working days between two dates as the inverse of addWorkingDays', () => {
    expect(plain.workingDaysBetween('2027-02-03', '2027-02-08')).toBe(2);
    expect(plain.workingDaysBetween('2027-02-08', '2027-02-03')).toBe(-2);
    expect(plain.workingDaysBetween('2027-02-06', '2027-02-08')).toBe(1);
    expect(plain.workingDaysBetween('2027-02-08', '2027-02-08')).toBe(0);
  });

  it('converts between instants and local days in Asia/Ho_Chi_Minh', () => {
    expect(plain.localDate(new Date('2027-02-04T16:59:59Z'))).toBe('2027-02-04');
    expect(plain.localDate(new Date('2027-02-04T17:00:00Z'))).toBe('2027-02-05');
    expect(plain.atLocalTime('2027-02-04', '07:30')).toEqual(new Date('2027-02-04T00:30:00Z'));
    expect(() => plain.atLocalTime('2027-02-30', '07:30')).toThrow(RangeError);
    expect(() => plain.atLocalTime('2027-02-04', '7:30')).toThrow(RangeError);
  });

  it('accepts only real calendar dates', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2027-2-1')).toBe(false);
  });
});
