import { targetText } from './targets';

describe('targetText', () => {
  it("writes the district's target the way a directive does", () => {
    expect(targetText({ min: 98, max: null }, '%')).toBe('≥ 98%');
    expect(targetText({ min: null, max: 3.2 }, '%')).toBe('≤ 3,2%');
    expect(targetText({ min: 40, max: 60 }, 'giải')).toBe('40 – 60 giải');
    expect(targetText({ min: 100, max: 100 }, '%')).toBe('100%');
    expect(targetText({ min: null, max: null }, '%')).toBeNull();
  });
});
