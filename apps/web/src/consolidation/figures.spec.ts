import { figure, targetText } from './figures';

describe('consolidation figures', () => {
  it('prints figures and targets the way the directive writes them', () => {
    expect(figure(12.345, '%')).toBe('12,345%');
    expect(figure(48, 'giải')).toBe('48 giải');
    expect(figure(null, '%')).toBe('—');
    expect(targetText({ min: 40, max: 60 }, 'giải')).toBe('40 – 60 giải');
    expect(targetText({ min: 12, max: 15 }, '%')).toBe('12 – 15%');
    expect(targetText({ min: null, max: 3.2 }, '%')).toBe('≤ 3,2%');
    expect(targetText({ min: 70, max: null }, '%')).toBe('≥ 70%');
    expect(targetText({ min: null, max: null }, '%')).toBeNull();
  });
});
