import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { loadConfig } from '@duyet/config';
import { ON_TEST_FAILURE } from '../setup/e2e-environment';
import { DEMO_PASSWORD, type Stack, startStack } from './stack';

const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/browser');

/** TOOLCHAIN.md: Debian's chromium, headless, with nothing that reaches the network by itself. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** What went wrong in a page that no assertion looked at: console errors, uncaught errors, CSP violations. */
export interface PageProblems {
  /** errors the page's scripts logged (Chromium's own line for each failed request is in failedResources) */
  consoleErrors: string[];
  /** answers of 4xx/5xx the page met, as Chromium logs them: a 401 before signing in is expected */
  failedResources: string[];
  pageErrors: string[];
  cspViolations: string[];
}

const problemsOf = new WeakMap<Page, PageProblems>();

// Runs in the page (a string: this project compiles without the DOM's types), before any of the page's scripts.
const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', (e) => {
  (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});`;

/** The real stack listening on a port, the built app served, and Chromium ready to open pages on it. */
export interface BrowserStack {
  stack: Stack;
  baseURL: string;
  browser: Browser;
  /** A fresh browser profile (its own cookies) in Vietnamese, on Vietnam's time, at a laptop's size by default. */
  newContext: (options?: Parameters<Browser['newContext']>[0]) => Promise<BrowserContext>;
  /** A page in a fresh context. */
  newPage: (options?: Parameters<Browser['newContext']>[0]) => Promise<Page>;
  close: () => Promise<void>;
}

const fileSafe = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w-]+/g, '-')
    .slice(0, 120);

/**
 * Starts the API and the worker (startStack) listening on a free port of 127.0.0.1, serving apps/web/dist, and
 * Chromium through playwright-core. A failing test leaves a screenshot of every open page in test-results/browser/.
 */
export async function startBrowserStack({ worker = true } = {}): Promise<BrowserStack> {
  const distDir = loadConfig({ ...process.env }).web.distDir;
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`The browser app is not built (${distDir}/index.html is missing): run npm run web:build`);
  }
  const stack = await startStack({ worker });
  await stack.api.listen(0, '127.0.0.1');
  const { port } = stack.api.getHttpServer().address() as AddressInfo;
  const baseURL = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const contexts = new Set<BrowserContext>();

  const newContext: BrowserStack['newContext'] = async (options) => {
    const context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 768 },
      baseURL,
      ...options,
    });
    contexts.add(context);
    context.on('close', () => contexts.delete(context));
    // Seen by the page before any of its scripts run; a CSP report of what the policy blocked.
    await context.addInitScript(CSP_LISTENER);
    context.on('page', watch);
    return context;
  };

  (globalThis as Record<string, unknown>)[ON_TEST_FAILURE] = async (testName: string) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    let n = 0;
    for (const context of contexts) {
      for (const page of context.pages()) {
        const file = path.join(SCREENSHOT_DIR, `${fileSafe(testName)}-${++n}.png`);
        await page.screenshot({ path: file, fullPage: true, timeout: 5000 });
        process.stderr.write(`screenshot of ${page.url()}: ${path.relative(ROOT, file)}\n`);
      }
    }
  };

  return {
    stack,
    baseURL,
    browser,
    newContext,
    newPage: async (options) => (await newContext(options)).newPage(),
    close: async () => {
      delete (globalThis as Record<string, unknown>)[ON_TEST_FAILURE];
      await browser.close();
      await stack.close();
    },
  };
}

function watch(page: Page): void {
  const problems: PageProblems = { consoleErrors: [], failedResources: [], pageErrors: [], cspViolations: [] };
  problemsOf.set(page, problems);
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (text.includes('Content Security Policy')) problems.cspViolations.push(text);
    else if (text.startsWith('Failed to load resource')) problems.failedResources.push(`${text} ${m.location().url}`);
    else problems.consoleErrors.push(text);
  });
  page.on('pageerror', (err) => problems.pageErrors.push(err.message));
}

/** What the page reported so far: console errors, uncaught errors, and what its CSP blocked. */
export async function pageProblems(page: Page): Promise<PageProblems> {
  const problems = problemsOf.get(page) ?? {
    consoleErrors: [],
    failedResources: [],
    pageErrors: [],
    cspViolations: [],
  };
  const reported = await page.evaluate<string[]>('window.__cspViolations || []').catch(() => []);
  return { ...problems, cspViolations: [...problems.cspViolations, ...reported] };
}

/** Signs in through the app's own form (apps/web/CONTRACT.md) and waits until the app has left /login. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Runs axe on the page as it is now and fails listing every serious or critical violation, with where it is. */
export async function expectNoSeriousA11yViolations(page: Page, { exclude = [] as string[] } = {}): Promise<void> {
  // A colour caught halfway through a fade or a hover transition is not the colour the user reads: let finite
  // animations end first (at most 2 s; a spinner's never do).
  await page.evaluate(() => {
    // Typed by hand: the root type-check has no DOM types.
    interface Running {
      effect: { getTiming: () => { iterations?: number } } | null;
      finished: Promise<unknown>;
    }
    const doc = (globalThis as unknown as { document: { getAnimations: () => Running[] } }).document;
    const ending = doc
      .getAnimations()
      .filter((a) => a.effect?.getTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined));
    return Promise.race([Promise.all(ending), new Promise((resolve) => setTimeout(resolve, 2000))]);
  });
  let builder = new AxeBuilder({ page });
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const listed = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
  );
  if (listed.length)
    throw new Error(
      `axe found ${listed.length} serious or critical violation(s) on ${page.url()}:\n${listed.join('\n')}`,
    );
}

// WEB_SCREENSHOTS=1: each screen at a laptop's and a phone's size, under test-results/screens/, to look at.
const SCREENS = path.resolve(__dirname, '../../test-results/screens');
export async function screens(page: Page, name: string, parts: string[] = []): Promise<void> {
  if (!process.env.WEB_SCREENSHOTS) return;
  mkdirSync(SCREENS, { recursive: true });
  const size = page.viewportSize();
  for (const [width, height] of [
    [1366, 768],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(SCREENS, `${name}-${width}.png`), fullPage: true });
    // A whole phone page is too long to read: the parts this view is about, each on its own.
    if (width === 390) {
      for (const part of parts) {
        const where = page.locator(part).first();
        if (await where.isVisible()) await where.screenshot({ path: path.join(SCREENS, `${name}-390${part}.png`) });
      }
    }
  }
  if (size) await page.setViewportSize(size);
}
