import { ADMIN, principal } from '../support/campaign';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  pageProblems,
  signIn,
  startBrowserStack,
} from '../support/browser';

// The harness itself, on the real build: the API serves the app, Chromium opens it under its security headers,
// the sign-in form works, axe finds nothing serious. Every other browser test stands on this.

describe('the browser app in Chromium', () => {
  let web: BrowserStack;

  beforeAll(async () => {
    web = await startBrowserStack({ worker: false });
  });

  afterAll(async () => {
    await web?.close();
  });

  it('opens the sign-in page at / in Vietnamese, accessible, with nothing blocked by the CSP', async () => {
    const page = await web.newPage();
    const res = await page.goto('/');
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self';");
    // Signed out: the app sends / to its sign-in page, and comes back to / after.
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/');
    await page.getByLabel('E-mail').waitFor();
    await expect(page.getByLabel('Mật khẩu').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Đăng nhập' }).isEnabled()).resolves.toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expectNoSeriousA11yViolations(page);
    const problems = await pageProblems(page);
    expect(problems).toMatchObject({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    // The app asks who is signed in; signed out, that is the one refusal it meets.
    expect(problems.failedResources).toEqual([expect.stringMatching(/status of 401 .*\/api\/auth\/me$/)]);
    // And the watch would have seen one: an inline script, as an injected one would be, is blocked and reported.
    await page.evaluate(
      `document.body.appendChild(Object.assign(document.createElement('script'), { text: 'window.ran = 1' }))`,
    );
    await expect(page.evaluate('window.ran')).resolves.toBeUndefined();
    expect((await pageProblems(page)).cspViolations).toContainEqual(expect.stringContaining('script-src'));
  });

  it('signs in through the form: an httpOnly session cookie the page cannot read, and the app leaves /login', async () => {
    const page = await web.newPage();
    await page.goto('/login');
    await signIn(page, principal('th-vu-quy'));
    expect(new URL(page.url()).pathname).toBe('/');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'duyet_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate<string>('document.cookie')).not.toContain('duyet_session');
    expect(await page.evaluate<string>('document.cookie')).toContain('duyet_csrf=');
    await expectNoSeriousA11yViolations(page);
    expect((await pageProblems(page)).cspViolations).toEqual([]);
  });

  it('sends a page opened signed out to sign-in, then back to the page it wanted', async () => {
    const page = await web.newPage();
    await page.goto('/board?overdue=true');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/board?overdue=true');
    await signIn(page, ADMIN);
    expect(page.url()).toBe(`${web.baseURL}/board?overdue=true`);
  });
});
