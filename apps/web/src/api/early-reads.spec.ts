import { earlyReadsFor, forgetEarlyReads, startEarlyReads, takeEarlyRead } from './early-reads';

const ORIGIN = 'https://duyet.example';

describe("a page's first reads, started by the entry", () => {
  const asked: string[] = [];
  let now = 0;

  beforeEach(() => {
    asked.length = 0;
    now = 1_000;
    forgetEarlyReads();
    // The browser's globals this module touches: the page's address, fetch (the network) and the clock.
    Object.assign(globalThis, { window: { location: { origin: ORIGIN } } });
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      asked.push(String(input));
      return new Response('{}', { status: 200 });
    });
    jest.spyOn(performance, 'now').mockImplementation(() => now);
  });

  afterEach(() => jest.restoreAllMocks());

  const get = (address: string, method = 'GET') => new Request(`${ORIGIN}${address}`, { method });

  it('reads, for each page, what it shows first', () => {
    expect(earlyReadsFor('/plans/p-1')).toEqual([
      '/api/auth/me',
      '/api/plans/p-1',
      '/api/plans/p-1/form',
      '/api/plans/p-1/draft',
    ]);
    expect(earlyReadsFor('/')).toEqual(['/api/auth/me', '/api/plans?page=1&pageSize=100']);
    expect(earlyReadsFor('/login')).toEqual([]);
    expect(earlyReadsFor('/password')).toEqual([]);
    expect(earlyReadsFor('/no-such-page')).toEqual(['/api/auth/me']);
  });

  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('hands each answer out once, to a GET of the same address', async () => {
    startEarlyReads('/plans/p-1');
    expect(asked).toEqual(['/api/auth/me']);
    await settled();
    expect(asked).toEqual(['/api/auth/me', '/api/plans/p-1', '/api/plans/p-1/form', '/api/plans/p-1/draft']);

    expect(takeEarlyRead(get('/api/plans/p-1/form', 'POST'))).toBeUndefined();
    expect(takeEarlyRead(new Request('https://elsewhere.example/api/plans/p-1/form'))).toBeUndefined();
    const answer = takeEarlyRead(get('/api/plans/p-1/form'));
    expect((await answer)?.status).toBe(200);
    expect(takeEarlyRead(get('/api/plans/p-1/form'))).toBeUndefined();
    expect(takeEarlyRead(get('/api/plans/p-2/form'))).toBeUndefined();
  });

  it('asks only who is signed in when nobody is: the page reads itself after signing in', async () => {
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      asked.push(String(input));
      return new Response('{}', { status: 401 });
    });
    startEarlyReads('/plans/p-1');
    expect((await takeEarlyRead(get('/api/auth/me')))?.status).toBe(401);
    await expect(takeEarlyRead(get('/api/plans/p-1'))).resolves.toBeUndefined();
    await settled();
    expect(asked).toEqual(['/api/auth/me']);
  });

  it('never hands out an answer nobody took in the first seconds', () => {
    startEarlyReads('/plans/p-1');
    now += 10_001;
    expect(takeEarlyRead(get('/api/plans/p-1'))).toBeUndefined();
  });

  it('forgets them all when someone signs in', () => {
    startEarlyReads('/');
    forgetEarlyReads();
    expect(takeEarlyRead(get('/api/auth/me'))).toBeUndefined();
  });

  it('keeps a failed read for the app to meet, without an unhandled rejection', async () => {
    jest.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.reject(new TypeError('offline')));
    startEarlyReads('/');
    await expect(takeEarlyRead(get('/api/auth/me'))).rejects.toThrow('offline');
  });
});
