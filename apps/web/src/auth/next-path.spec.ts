import { loginPathFor, safeNextPath } from './next-path';

describe('after signing in', () => {
  it('goes back to a page of this site', () => {
    expect(safeNextPath('/plans/5b0c?tab=1')).toBe('/plans/5b0c?tab=1');
  });

  it('never to another site or back to the sign-in page', () => {
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example', '', null, '/login?next=/'])
      expect(safeNextPath(next)).toBe('/');
  });

  it('keeps the page wanted in the sign-in address', () => {
    expect(loginPathFor('/plans/1?x=2')).toBe('/login?next=%2Fplans%2F1%3Fx%3D2');
    expect(loginPathFor('/')).toBe('/login?next=%2F');
    expect(loginPathFor('/login?next=%2F')).toBe('/login');
  });
});
