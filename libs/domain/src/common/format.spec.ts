import { auditInstant, formatLocalDay, formatVnDate, formatVnDateTime } from './format';

describe('formatVnDateTime', () => {
  it("shows an instant as time then day, in Vietnam's time zone, whatever the server's", () => {
    expect(formatVnDateTime(new Date('2022-01-28T10:00:00Z'))).toBe('17:00 28/01/2022');
    expect(formatVnDateTime(new Date('2017-12-24T17:30:00Z'))).toBe('00:30 25/12/2017');
    expect(formatVnDateTime(new Date('2026-12-31T17:00:00Z'))).toBe('00:00 01/01/2027');
  });

  it('writes a district in another zone in its own time', () => {
    expect(formatVnDateTime(new Date('2022-01-28T10:00:00Z'), 'Asia/Tokyo')).toBe('19:00 28/01/2022');
  });
});

describe('formatVnDate and formatLocalDay', () => {
  it('write a day as dd/mm/yyyy, the instant taken in Vietnam', () => {
    expect(formatVnDate(new Date('2022-01-28T17:30:00Z'))).toBe('29/01/2022');
    expect(formatLocalDay('2030-02-08')).toBe('08/02/2030');
    expect(() => formatLocalDay('8/2/2030')).toThrow(RangeError);
  });
});

describe('auditInstant', () => {
  it('keeps every instant in UTC, whatever offset it was sent with', () => {
    expect(auditInstant('2099-02-01T17:00:00+07:00')).toBe('2099-02-01T10:00:00.000Z');
    expect(auditInstant(new Date('2099-02-01T10:00:00Z'))).toBe('2099-02-01T10:00:00.000Z');
    expect(() => auditInstant('tomorrow')).toThrow(RangeError);
  });
});
