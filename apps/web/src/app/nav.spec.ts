import { homeFor, navFor } from './nav';

describe('the main navigation', () => {
  it('gives each role the pages it works in, home first', () => {
    expect(homeFor('PRINCIPAL')).toBe('/');
    expect(homeFor('REVIEWER')).toBe('/queue');
    expect(homeFor('CLERK')).toBe('/board');
    expect(homeFor('PROVINCE')).toBe('/province');
    expect(navFor('PROVINCE').map((i) => i.to)).toEqual(['/province']);
    expect(navFor('ADMIN').map((i) => i.to)).toContain('/district');
  });

  it('gives the clerk no page where decisions or people are made', () => {
    const clerk = navFor('CLERK').map((i) => i.to);
    expect(clerk).not.toContain('/queue');
    expect(clerk).not.toContain('/district');
    expect(clerk).not.toContain('/extensions');
  });

  it('gives nobody signed out a page', () => {
    expect(navFor(undefined)).toEqual([]);
    expect(homeFor(undefined)).toBe('/');
  });
});
