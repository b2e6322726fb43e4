import { formatVnDateTime } from './format';

describe('formatVnDateTime', () => {
  it("shows an instant in Vietnam's time zone, whatever the server's", () => {
    expect(formatVnDateTime(new Date('2022-01-28T10:00:00Z'))).toBe('17:00 28/01/2022');
    expect(formatVnDateTime(new Date('2017-12-24T17:30:00Z'))).toBe('00:30 25/12/2017');
  });
});
