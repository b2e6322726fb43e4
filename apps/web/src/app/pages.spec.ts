import { pageAt } from './pages';

describe('the page an address opens', () => {
  it('matches the routes of the router', () => {
    expect(pageAt('/')).toEqual({ page: 'home' });
    expect(pageAt('/login')).toEqual({ page: 'login' });
    expect(pageAt('/password')).toEqual({ page: 'setPassword' });
    expect(pageAt('/password/forgot')).toEqual({ page: 'forgotPassword' });
    expect(pageAt('/plans/5b0c')).toEqual({ page: 'plan', planId: '5b0c' });
    expect(pageAt('/plans/5b0c/')).toEqual({ page: 'plan', planId: '5b0c' });
    expect(pageAt('/plans/5b0c/versions')).toEqual({ page: 'other' });
    expect(pageAt('/plans')).toEqual({ page: 'home' });
  });
});
